import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s60 fixA — advance-execution payers and each payer's amount.
 * M1 An ADVANCE_EXECUTION naming no payer orders the respondents of its day: the payers are resolved when it is
 *    recorded (`payerIds`), and a respondent added after it (追加被申请人, Rules Art. 46(1)) is never read as its payer —
 *    not by the ruling printed again, the award's deduction (LDMAL Art. 44) nor the award's payer warning. A ruling
 *    stored before stop 60 (no `payerIds`) is read against the respondents not added after its day.
 * L5 `equalShares` (按份, Civil Code Art. 517(2)) divides a sum of money: on an item ordering no sum it is 400 naming
 *    `items.N.equalShares`. Equal shares not dividing into whole fen are printed and previewed in whole fen summing to
 *    the total, the first-named payer carrying the remainder (100.00 over three: 33.34 + 33.33 + 33.33).
 */
type Party = { id: number; name: string };
type Answer = { status: number; body: Record<string, unknown> & { errors?: { path: string; message: string }[]; warnings?: string[] } };
const JIA = '聊城甲机械有限公司';
const YI = '聊城乙电子有限公司';
const BING = '聊城丙物流有限公司';
const FACTS = { facts: '经审理查明：被申请人拖欠工资。', reasoning: '本委认为：应予支付。', defenseSummary: '被申请人辩称已付' };

describe(`fixA60 — advance payers and equal shares (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000', EARLIER_YEAR_ACCEPT_CONFIRMATION: 'false' } });
  const { ok, send } = caseEvents(() => t);
  const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
  const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
  const paths = (r: Answer) => (r.body.errors ?? []).map((e) => e.path);

  /** One respondent (甲), a tribunal formed; an advance naming no payer on 10-20; 乙 added on 10-22, then heard. */
  async function advanceThenAdded(n: number) {
    let c = (await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-10-09',
        applicants: [worker(`周${n}`, 610 + n)],
        respondents: [{ ...employer(JIA), creditCode: '91371500MA3C7K2L12' }],
        claims: [{ category: 'wages', amount: '10000.00', description: '支付2025年10月至12月工资' }],
      }),
    )) as CaseView;
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    c = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-10-13');
    const jia = (c.respondents as Party[])[0]?.id as number;
    const claimId = (c.claims as { id: number }[])[0]?.id as number;
    await serve(c, 'application_copy', jia, '2026-10-15');
    const ruled = await ok(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [claimId],
        appliedOn: '2026-10-16',
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId, amount: '3000.00' }],
        paymentDays: 10,
      },
      '2026-10-20',
    );
    const added = await ok(
      c,
      arb(0).token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { ...employer(YI), creditCode: '91371500MA3D8X5N3X' } },
      '2026-10-22',
    );
    const yi = (added.respondents as Party[]).at(-1)?.id as number;
    await serve(c, 'addition_notice', yi, '2026-10-23');
    await serve(c, 'application_copy', yi, '2026-10-23');
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-05', place: '第一仲裁庭' }, '2026-10-24');
    for (const p of [...(added.applicants as Party[]), ...(added.respondents as Party[])])
      await serve(c, 'hearing_notice', p.id, '2026-10-26');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-05');
    return { c, jia, yi, claimId, ruled };
  }

  /** The award on the case: both respondents, 乙 jointly liable for 甲's payment. */
  async function awardAgainstBoth(c: { id: number }, claimId: number, jia: number, yi: number) {
    const items = [{ claimId, outcome: 'granted', amount: '10000.00', obligorIds: [jia, yi], jointLiability: true }];
    const preview = (await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-11-10', items })) as Answer;
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const aw = (await send(c, arb(0).token, 'ISSUE_AWARD', { items, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(200);
    const payerWarning = (ws: string[] | undefined) => (ws ?? []).filter((w) => w.includes('付款人或责任方式与先予执行裁决不同'));
    return { preview: payerWarning(preview.body.warnings), act: payerWarning(aw.body.warnings) };
  }

  it('M1: a ruling naming no payer binds the respondents of its day — a respondent added after it is no payer', async () => {
    const { c, jia, yi, claimId, ruled } = await advanceThenAdded(1);
    // Resolved and recorded with the ruling (the same write as the event).
    const ae = (ruled.proceedings as { advanceExecutions: Record<string, unknown>[] }).advanceExecutions[0];
    expect(ae?.payerIds).toEqual([jia]);
    expect(ae?.obligorIds).toBeUndefined();

    // The ruling printed again: 甲 alone, as on its day — 乙 is neither a payer nor a party of it.
    const ruling = await generatedText(t, arb(0).token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain(`被申请人${JIA}于本裁决书送达之日起十日内先行向申请人周1支付`);
    expect(ruling).not.toContain(YI);
    expect(ruling).not.toContain('各承担上述款项');

    // The award against both (乙 jointly): warned that the advance was 甲's alone, in the preview as in the act.
    const w = await awardAgainstBoth(c, claimId, jia, yi);
    expect(w.act).toHaveLength(1);
    expect(w.act[0]).toContain(`由被申请人${JIA}先行支付；本次裁决由被申请人${JIA}、${YI}支付`);
    expect(w.preview).toEqual(w.act);

    // The award's deduction: what 甲 paid in advance reduces 甲's debt — not 甲's and 乙's.
    const award = await generatedText(t, arb(0).token, c.id, { kind: 'award' });
    expect(award).toContain('已裁决先行支付3000.00元');
    expect(award).toContain(`被申请人${JIA}依先予执行裁决已先予执行的部分，在执行时从其应付款项中扣减`);
    expect(award).not.toContain(`${JIA}、${YI}依先予执行裁决`);
    // Its history recites the ruling as made: 甲 to pay.
    expect(award).toContain(`作出先予执行裁决，裁决被申请人${JIA}先行向申请人周1支付`);
  });

  it('M1: a ruling stored before stop 60 (no payerIds) is read against the respondents not added after its day', async () => {
    const { c, jia, yi, claimId } = await advanceThenAdded(2);
    const row = await t.db.knex('cases').where({ id: c.id }).first('snapshot');
    const snap = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
    expect(snap.context.advanceExecutions[0].payerIds).toEqual([jia]);
    delete snap.context.advanceExecutions[0].payerIds;
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ snapshot: JSON.stringify(snap) });
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect((view.proceedings as { advanceExecutions: Record<string, unknown>[] }).advanceExecutions[0]?.payerIds).toBeUndefined();
    const ruling = await generatedText(t, arb(0).token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain(`被申请人${JIA}于本裁决书送达之日起十日内先行向申请人周2支付`);
    expect(ruling).not.toContain(YI);
    const w = await awardAgainstBoth(c, claimId, jia, yi);
    expect(w.act).toHaveLength(1);
    expect(w.act[0]).toContain(`由被申请人${JIA}先行支付；`);
    const award = await generatedText(t, arb(0).token, c.id, { kind: 'award' });
    expect(award).toContain(`被申请人${JIA}依先予执行裁决已先予执行的部分，在执行时从其应付款项中扣减`);
  });

  /** Three respondents, heard: a wages claim and a claim for an act (a certificate of the contract's end). */
  async function threeRespondents(n: number) {
    let c = (await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-10-09',
        applicants: [worker(`吴${n}`, 620 + n)],
        respondents: [
          { ...employer(JIA), creditCode: '91371500MA3C7K2L12' },
          { ...employer(YI), creditCode: '91371500MA3D8X5N3X' },
          { ...employer(BING), creditCode: creditCode('91371500MA3E8X5N3') },
        ],
        claims: [
          { category: 'wages', amount: '100.00', description: '支付2025年12月加班工资' },
          { category: 'other', description: '出具解除劳动合同的证明' },
        ],
      }),
    )) as CaseView;
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    c = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-10-13');
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-05', place: '第一仲裁庭' }, '2026-10-14');
    for (const p of [...(c.applicants as Party[]), ...(c.respondents as Party[])]) await serve(c, 'hearing_notice', p.id, '2026-10-15');
    for (const p of c.respondents as Party[]) await serve(c, 'application_copy', p.id, '2026-10-15');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-05');
    const [r1, r2, r3] = (c.respondents as Party[]).map((p) => p.id) as [number, number, number];
    const [money, act] = (c.claims as { id: number }[]).map((x) => x.id) as [number, number];
    return { c, r1, r2, r3, money, act };
  }

  it('L5: equalShares on an item ordering no sum is 400 naming items.N.equalShares (act, preview), nothing recorded', async () => {
    const { c, r1, r2, money, act } = await threeRespondents(1);
    const items = [
      { claimId: money, outcome: 'granted', amount: '100.00', obligorIds: [r1, r2], equalShares: true },
      { claimId: act, outcome: 'granted', obligorIds: [r1, r2], equalShares: true },
    ];
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    const aw = (await send(c, arb(0).token, 'ISSUE_AWARD', { items, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(400);
    expect(paths(aw)).toEqual(['items.1.equalShares']);
    expect(aw.body.errors?.[0]?.message).toContain('第五百一十七条');
    const preview = (await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-11-10', items })) as Answer;
    expect(preview.status, JSON.stringify(preview.body)).toBe(400);
    expect(paths(preview)).toEqual(['items.1.equalShares']);
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(after.version).toBe(before.version);
    expect(after.state).toBe(before.state);
    // Without it on the act (each respondent's to do), the award is made.
    const made = (await send(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items: [items[0], { claimId: act, outcome: 'granted', obligorIds: [r1, r2] }], ...FACTS },
      '2026-11-10',
    )) as Answer;
    expect(made.status, JSON.stringify(made.body)).toBe(200);
  });

  it('L5: 100.00 over three by equal shares — 33.34 + 33.33 + 33.33 in the preview, the award and the advance ruling', async () => {
    const { c, r1, r2, r3, money, act } = await threeRespondents(2);
    // The advance ruling first: none named, printed as equal shares of its sum.
    const ae = (await send(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [money],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: money, amount: '50.00' }],
        paymentDays: 7,
        equalShares: true,
      },
      '2026-11-06',
    )) as Answer;
    expect(ae.status, JSON.stringify(ae.body)).toBe(200);
    const ruling = await generatedText(t, arb(0).token, c.id, { kind: 'advance_execution_ruling' });
    // s60 A2 #2: not dividing into whole fen — each one's part, neither 「各承担…三分之一」 nor how the fen left over went.
    expect(ruling).toContain(
      `被申请人${JIA}、${YI}、${BING}按份承担上述款项，其中被申请人${JIA}承担16.68元（人民币壹拾陆元陆角捌分），被申请人${YI}、${BING}各承担16.66元（人民币壹拾陆元陆角陆分）`,
    );
    expect(ruling).not.toContain('三分之一');
    expect(ruling).not.toContain('尾差');

    const items = [
      { claimId: money, outcome: 'granted', amount: '100.00', obligorIds: [r2, r1, r3], equalShares: true },
      { claimId: act, outcome: 'dismissed' },
    ];
    const preview = (await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-11-10', items })) as Answer;
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const previewed = (preview.body.items as { claimId: number; payerShares?: { partyId: number; amount: string }[] }[]).find(
      (i) => i.claimId === money,
    );
    // The first named (乙) carries the remainder; the shares sum to the item's amount exactly.
    expect(previewed?.payerShares).toEqual([
      { partyId: r2, amount: '33.34' },
      { partyId: r1, amount: '33.33' },
      { partyId: r3, amount: '33.33' },
    ]);
    const sumFen = (previewed?.payerShares ?? []).reduce((s, x) => s + Math.round(Number(x.amount) * 100), 0);
    expect(sumFen).toBe(10000);
    expect(
      (preview.body.items as { claimId: number; payerShares?: unknown }[]).find((i) => i.claimId === act)?.payerShares,
    ).toBeUndefined();

    const aw = (await send(c, arb(0).token, 'ISSUE_AWARD', { items, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(200);
    const award = await generatedText(t, arb(0).token, c.id, { kind: 'award' });
    expect(award).toContain(
      `被申请人${YI}、${JIA}、${BING}按份承担上述款项，其中被申请人${YI}承担33.34元（人民币叁拾叁元叁角肆分），被申请人${JIA}、${BING}各承担33.33元（人民币叁拾叁元叁角叁分）`,
    );
    expect(award).not.toContain('三分之一');
    expect(award).not.toContain('尾差');
  });

  it('L5: a sum dividing into whole fen — each one’s amount, and none named (two respondents) prints and previews alike', async () => {
    const { c, r1, r2, r3, money, act } = await threeRespondents(3);
    const items = [
      { claimId: money, outcome: 'partly', amount: '90.00' },
      { claimId: act, outcome: 'dismissed' },
    ];
    const preview = (await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-11-10', items })) as Answer;
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect((preview.body.items as { claimId: number; payerShares?: unknown }[]).find((i) => i.claimId === money)?.payerShares).toEqual([
      { partyId: r1, amount: '30.00' },
      { partyId: r2, amount: '30.00' },
      { partyId: r3, amount: '30.00' },
    ]);
    // Joint liability: nobody's share — the preview says none.
    const joint = (await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, {
      occurredOn: '2026-11-10',
      items: [{ ...items[0], obligorIds: [r1, r2], jointLiability: true }, items[1]],
    })) as Answer;
    expect(joint.status, JSON.stringify(joint.body)).toBe(200);
    expect(
      (joint.body.items as { claimId: number; payerShares?: unknown }[]).find((i) => i.claimId === money)?.payerShares,
    ).toBeUndefined();
    const aw = (await send(c, arb(0).token, 'ISSUE_AWARD', { items, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(200);
    const award = await generatedText(t, arb(0).token, c.id, { kind: 'award' });
    expect(award).toContain(`被申请人${JIA}、${YI}、${BING}各承担上述款项的三分之一，即各30.00元（人民币叁拾元整）`);
    expect(award).not.toContain('尾差');
  });
  it('s60 A2 #3: a sum smaller in fen than the payers (0.02 over three) is 400 — act and preview alike, the advance too; 0.03 is a fen each', async () => {
    const { c, r1, r2, r3, money, act } = await threeRespondents(4);
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    const tiny = (extra: Record<string, unknown>) => [
      { claimId: money, outcome: 'partly', amount: '0.02', ...extra },
      { claimId: act, outcome: 'dismissed' },
    ];
    // By equal shares, named: items.0.equalShares.
    const named = tiny({ obligorIds: [r1, r2, r3], equalShares: true });
    const aw = (await send(c, arb(0).token, 'ISSUE_AWARD', { items: named, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(400);
    expect(paths(aw)).toEqual(['items.0.equalShares']);
    expect(aw.body.errors?.[0]?.message).toContain('0.02元由3名履行义务人按份平均分担');
    const preview = (await t
      .api(arb(0).token)
      .post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-11-10', items: named })) as Answer;
    expect(preview.status, JSON.stringify(preview.body)).toBe(400);
    expect(preview.body.errors).toEqual(aw.body.errors);
    // None named on three respondents (printed as equal shares): items.0.obligorIds, act and preview.
    const unnamed = tiny({});
    const aw2 = (await send(c, arb(0).token, 'ISSUE_AWARD', { items: unnamed, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw2.status, JSON.stringify(aw2.body)).toBe(400);
    expect(paths(aw2)).toEqual(['items.0.obligorIds']);
    const preview2 = (await t
      .api(arb(0).token)
      .post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-11-10', items: unnamed })) as Answer;
    expect(preview2.status, JSON.stringify(preview2.body)).toBe(400);
    expect(preview2.body.errors).toEqual(aw2.body.errors);
    // The advance ruling: any amount so small, naming `equalShares` (or `obligorIds` where none is named).
    const advance = (extra: Record<string, unknown>, amount = '0.02') =>
      send(
        c,
        arb(0).token,
        'ADVANCE_EXECUTION',
        {
          claimIds: [money],
          rightsClear: true,
          lifeSeriouslyAffected: true,
          amounts: [{ claimId: money, amount }],
          paymentDays: 7,
          ...extra,
        },
        '2026-11-06',
      ) as Promise<Answer>;
    const ae = await advance({ equalShares: true });
    expect(ae.status, JSON.stringify(ae.body)).toBe(400);
    expect(paths(ae)).toEqual(['equalShares']);
    const ae2 = await advance({});
    expect(ae2.status, JSON.stringify(ae2.body)).toBe(400);
    expect(paths(ae2)).toEqual(['obligorIds']);
    // Nothing recorded.
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(after.version).toBe(before.version);
    expect((after.proceedings as { advanceExecutions: unknown[] }).advanceExecutions).toEqual([]);
    // 0.03 over three is a fen each: previewed so, and the advance recorded.
    const three = (await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, {
      occurredOn: '2026-11-10',
      items: tiny({ obligorIds: [r1, r2, r3], equalShares: true }).map((x, i) => (i === 0 ? { ...x, amount: '0.03' } : x)),
    })) as Answer;
    expect(three.status, JSON.stringify(three.body)).toBe(200);
    expect((three.body.items as { claimId: number; payerShares?: unknown }[]).find((i) => i.claimId === money)?.payerShares).toEqual([
      { partyId: r1, amount: '0.01' },
      { partyId: r2, amount: '0.01' },
      { partyId: r3, amount: '0.01' },
    ]);
    expect((await advance({ equalShares: true }, '0.03')).status).toBe(200);
  });

  it('s60 A2 #5: an advance ruling over two claims by equal shares — each claim’s parts in the ruling, their total’s in the award', async () => {
    let c = (await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-10-09',
        applicants: [worker('郑5', 635)],
        respondents: [
          { ...employer(JIA), creditCode: '91371500MA3C7K2L12' },
          { ...employer(YI), creditCode: '91371500MA3D8X5N3X' },
        ],
        claims: [
          { category: 'wages', amount: '200.00', description: '支付2025年12月工资' },
          { category: 'wages', amount: '100.00', description: '支付2025年12月加班工资' },
        ],
      }),
    )) as CaseView;
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    c = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-10-13');
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-05', place: '第一仲裁庭' }, '2026-10-14');
    for (const p of [...(c.applicants as Party[]), ...(c.respondents as Party[])]) await serve(c, 'hearing_notice', p.id, '2026-10-15');
    for (const p of c.respondents as Party[]) await serve(c, 'application_copy', p.id, '2026-10-15');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-05');
    const [r1, r2] = (c.respondents as Party[]).map((p) => p.id) as [number, number];
    const [w1, w2] = (c.claims as { id: number }[]).map((x) => x.id) as [number, number];
    await ok(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [w1, w2],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [
          { claimId: w1, amount: '100.01' },
          { claimId: w2, amount: '50.00' },
        ],
        paymentDays: 7,
        obligorIds: [r2, r1],
        equalShares: true,
      },
      '2026-11-06',
    );
    const ruling = await generatedText(t, arb(0).token, c.id, { kind: 'advance_execution_ruling' });
    // Each claim ordered with its own parts: 100.01 not dividing (乙, named first, carries the fen), 50.00 dividing.
    expect(ruling).toContain(
      `被申请人${YI}、${JIA}按份承担上述款项，其中被申请人${YI}承担50.01元（人民币伍拾元零壹分），被申请人${JIA}承担50.00元（人民币伍拾元整）`,
    );
    expect(ruling).toContain(`被申请人${YI}、${JIA}各承担上述款项的二分之一，即各25.00元（人民币贰拾伍元整）`);
    // The award's history recites the ruling: 上述款项 the two sums printed, 150.01 — 75.01 and 75.00.
    const aw = (await send(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: w1, outcome: 'granted', amount: '200.00', obligorIds: [r2, r1], equalShares: true },
          { claimId: w2, outcome: 'granted', amount: '100.00', obligorIds: [r2, r1], equalShares: true },
        ],
        ...FACTS,
      },
      '2026-11-10',
    )) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(200);
    const award = await generatedText(t, arb(0).token, c.id, { kind: 'award' });
    expect(award).toContain(
      `被申请人${YI}、${JIA}按份承担上述款项，其中被申请人${YI}承担75.01元（人民币柒拾伍元零壹分），被申请人${JIA}承担75.00元（人民币柒拾伍元整）`,
    );
  });
});
