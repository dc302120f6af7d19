import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/** lead51: what the re-check of round 51 (legal51c) found in the round's fixes — M1, M2, M3. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const make = (c: { id: number }, token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/documents`, body);

/** Skeletons an arbitrator may leave (legal51c M1): headings with "如下", placeholders, topic lines, other brackets. */
const SKELETONS = [
  '经审理查明如下：',
  '本委认为如下：',
  '〔一〕案件事实',
  '一 案件事实',
  '事实部分',
  '一、案件事实：（待补充）',
  '（一）关于工资\n（二）关于经济补偿',
  '本院认为',
];

describe(`lead51 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: skeleton facts or reasoning are refused when the award is generated; short real text is printed (LDMAL Art. 46)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '6000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    for (const s of SKELETONS) {
      for (const field of ['facts', 'reasoning'] as const) {
        const r = await make(c, arb.token, {
          kind: 'award',
          draft: true,
          facts: FACTS,
          reasoning: REASONING,
          defenseSummary: DEFENSE,
          [field]: s,
        });
        expect([r.status, r.body.rule, r.body.field], `${field}: ${JSON.stringify(s)}`).toEqual([422, 'text-from-arbitrator', field]);
      }
    }
    // A topic line with its finding under it, and a numbered sentence, are text.
    for (const facts of ['（一）关于工资\n被申请人拖欠申请人2026年1月工资6000元。', '一 申请人于2025年3月入职，月工资6000元。']) {
      const r = await make(c, arb.token, { kind: 'award', draft: true, facts, reasoning: REASONING, defenseSummary: DEFENSE });
      expect(r.status, `${facts}: ${JSON.stringify(r.body)}`).toBe(201);
    }
  });

  it('M3: ISSUE_AWARD with skeleton facts or reasoning is answered with a warning (the document will refuse them)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '6000.00' }));
    const r = await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items, facts: '一、案件事实：（待补充）', reasoning: '本委认为如下：', defenseSummary: DEFENSE },
      '2026-04-10',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const said = (r.body.warnings as string[]).join('\n');
    expect(said).toContain('经审理查明（facts）只有标题或占位文字');
    expect(said).toContain('本委认为（reasoning）只有标题或占位文字');
    const { c: d, arb: arb2 } = await caseAt(t, a, 'heard');
    const plain = await send(
      d,
      arb2.token,
      'ISSUE_AWARD',
      {
        items: d.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '6000.00' })),
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    expect((plain.body.warnings ?? []).join('')).not.toContain('只有标题');
  });

  it('M2: a tribunal re-formed after the last hearing, with no hearing since, is warned of at the award (LDMAL Arts. 35–36; Rules Art. 61)', async () => {
    const { c } = await caseAt(t, a, 'heard', { body: standardApplication({ procedure: 'simple' }) });
    expect((await send(c, a.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂，需要进行鉴定' }, '2026-03-26')).status).toBe(200);
    const ids = a.arbitrators.map((x) => x.id);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-27');
    const presiding = a.arbitrators[0] as { token: string };
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '6000.00' }));
    // Reviewer s57 A H2: as for an arbitrator replaced on recusal (fixT57), the award by a tribunal that did not hear
    // the case needs a hearing since or the tribunal's stated decision not to hear again (LDMAL Arts. 45–46).
    const body = { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
    const refused = await send(c, presiding.token, 'ISSUE_AWARD', body, '2026-03-30');
    expect([refused.status, refused.body.rule, refused.body.field]).toEqual([422, 'tribunal-changed-after-hearing', 'noRehearing']);
    expect(refused.body.detail).toContain('2026-03-27');
    const r = await send(
      c,
      presiding.token,
      'ISSUE_AWARD',
      { ...body, noRehearing: { reason: '转为普通程序后当事人均书面表示不要求重新开庭，仲裁庭经合议决定不再开庭' } },
      '2026-03-30',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings as string[]).join('\n')).toContain('仲裁庭于 2026-03-27 组成（重新组成），在最后一次开庭（2026-03-25）之后');
  });

  it('reviewer s51 M2: the tribunal is not re-formed while its 调解书 is being signed for (LDMAL Art. 42(3))', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ procedure: 'simple' }) });
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-06');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年3月31日前支付申请人工资6000元' }, '2026-03-07');
    await issueMediationDocument(t, arb.token, c);
    const worker = c.applicants[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: worker, signedOn: '2026-03-09' }, '2026-03-09');
    expect((await send(c, a.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂' }, '2026-03-10')).status).toBe(200);
    const ids = a.arbitrators.map((x) => x.id);
    const r = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-11');
    expect(r.status, JSON.stringify(r.body)).toBe(409);
  });

  it('reviewer s51 M3: a late-entered extension of a superseded period is refused when that period had run out when approved (LDMAL Art. 43(1))', async () => {
    type View = { deadlines: { kind: string; dueOn: string | null }[] };
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-08-28' }), acceptOn: '2026-09-01' });
    expect((c as unknown as View).deadlines.find((d) => d.kind === 'award')?.dueOn).toBe('2026-10-16');
    const add = { add: [{ category: 'damages', amount: '8000.00', description: '未订立书面劳动合同二倍工资差额' }] };
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', add, '2026-11-02');
    const late = await send(
      c,
      a.tokens.chair,
      'EXTEND_TIME_LIMIT',
      { days: 10, reason: '案情复杂', approvedOn: '2026-10-25' },
      '2026-11-05',
    );
    expect([late.status, late.body.rule, late.body.field], JSON.stringify(late.body)).toEqual([
      422,
      'extension-before-deadline',
      'approvedOn',
    ]);
    // Approved while that period ran: recorded, as the superseded period's (fixP51, legal51b M1).
    const inTime = await send(
      c,
      a.tokens.chair,
      'EXTEND_TIME_LIMIT',
      { days: 10, reason: '案情复杂', approvedOn: '2026-10-10' },
      '2026-11-05',
    );
    expect(inTime.status, JSON.stringify(inTime.body)).toBe(200);
  });
});
