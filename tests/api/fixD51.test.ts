import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/** fixD51: the outside checks of round 51 on the documents (legal51a H2, L1, L2; docs51 M2, L1, L2; med51 L5). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

const make = (c: { id: number }, token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/documents`, body);
const refusal = (r: { status: number; body: Record<string, unknown> }) => [r.status, r.body.rule, r.body.field];

/** Texts of nothing but headings, as an arbitrator might leave a template's skeleton. */
const HEADINGS_ONLY = [
  '一、案件事实',
  '二、本委认为',
  '（一）经审理查明：',
  '1．事实与理由',
  '第一、本委认为。',
  '【经审理查明】',
  '本委认为',
  '案件事实：\n一、\n（二）事实和理由',
  '2.答辩意见',
];

describe(`fixD51 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal51a H2: facts, reasoning or defense of nothing but headings are refused on every award kind (LDMAL Art. 46)', async () => {
    // Mixed (24120.00 final, 24120.01 non-final), with the award's own text headings only.
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('郑一', 911)] }) });
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items, facts: '一、案件事实', reasoning: '二、本委认为', defenseSummary: DEFENSE },
      '2026-04-10',
    );
    let r = await make(c, arb.token, { kind: 'award' });
    expect(refusal(r), JSON.stringify(r.body)).toEqual([422, 'text-from-arbitrator', 'facts']);
    for (const h of HEADINGS_ONLY) {
      r = await make(c, arb.token, { kind: 'award', facts: h, reasoning: REASONING, defenseSummary: DEFENSE });
      expect(refusal(r), h).toEqual([422, 'text-from-arbitrator', 'facts']);
      r = await make(c, arb.token, { kind: 'award', facts: FACTS, reasoning: h, defenseSummary: DEFENSE });
      expect(refusal(r), h).toEqual([422, 'text-from-arbitrator', 'reasoning']);
      r = await make(c, arb.token, { kind: 'award', facts: FACTS, reasoning: REASONING, defenseSummary: h });
      expect(refusal(r), h).toEqual([422, 'text-from-arbitrator', 'defenseSummary']);
    }
    // Nothing was issued: real text, however short, is printed — numbered as the arbitrator numbered it.
    expect((await t.api(arb.token).get(`/api/cases/${c.id}/documents`)).body).toEqual([]);
    const facts = '申请人于2025年3月入职，月工资6000元。';
    const text = await generatedText(t, arb.token, c.id, {
      kind: 'award',
      facts,
      reasoning: '一、关于工资。被申请人应当支付。',
      defenseSummary: DEFENSE,
    });
    expect(text).toContain(`经审理查明：${facts}`);
    expect(text).toContain('本委认为：一、关于工资。被申请人应当支付。');

    // A partial award (final, then non-final in another case) and a non-final award.
    const p = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('郑二', 912)] }) });
    await ok(
      p.c,
      p.arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: p.c.claims[0]?.id, outcome: 'granted', amount: '24120.00' }], facts: '（一）查明事实', reasoning: REASONING },
      '2026-04-02',
    );
    r = await make(p.c, p.arb.token, { kind: 'partial_award', defenseSummary: DEFENSE });
    expect(refusal(r), JSON.stringify(r.body)).toEqual([422, 'text-from-arbitrator', 'facts']);
    r = await make(p.c, p.arb.token, { kind: 'partial_award', facts: FACTS, defenseSummary: '被申请人辩称：' });
    expect(refusal(r), JSON.stringify(r.body)).toEqual([422, 'text-from-arbitrator', 'defenseSummary']);
    r = await make(p.c, p.arb.token, { kind: 'partial_award', facts: FACTS, defenseSummary: DEFENSE });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const n = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('郑三', 913)] }) });
    const nItems = ['30000.00', '30000.00'].map((amount, i) => ({ claimId: n.c.claims[i]?.id, outcome: 'granted', amount }));
    await ok(
      n.c,
      n.arb.token,
      'ISSUE_AWARD',
      { items: nItems, facts: FACTS, reasoning: '本委认为：', defenseSummary: DEFENSE },
      '2026-04-10',
    );
    r = await make(n.c, n.arb.token, { kind: 'award', reasoning: '（二）裁决理由' });
    expect(refusal(r), JSON.stringify(r.body)).toEqual([422, 'text-from-arbitrator', 'reasoning']);
  });
});

describe(`fixD51 low (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal51a L1: an employer counterclaim granted by a partial award is non-final because Art. 47 is not its matter', async () => {
    const body = standardApplication({
      applicants: [worker('郑四', 914)],
      claims: [
        { category: 'confirm_relationship', description: '确认申请人与被申请人自2024年1月起存在劳动关系' },
        { category: 'wages', amount: '6000.00', description: '支付2025年12月工资' },
      ],
    });
    const c = await registerCase(t, a, body);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '被申请人反申请：申请人赔偿损失',
        filedOn: '2026-03-10',
        claims: [{ category: 'damages', amount: '5000.00', description: '赔偿损失' }],
      },
      '2026-03-10',
    );
    const cc = (v.claims as { id: number; counterclaim?: boolean }[]).find((x) => x.counterclaim)?.id as number;
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-12');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
    const p = await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: cc, outcome: 'granted', amount: '3000.00' }] }, '2026-04-02');
    const item = JSON.stringify(p)
      .match(/"claimId":\d+,[^}]*"reason":"([^"]*)"/g)
      ?.find((x) => x.includes(`"claimId":${cc},`));
    expect(item).toContain('用人单位对劳动者的请求');
    expect(item).not.toContain('本案涉及确认劳动关系');
  });

  it('docs51 M2, legal51a L2, med51 L5, docs51 L1: an advance-executed claim dismissed or reduced — warned, its return stated', async () => {
    const aid = { name: '刘援', kind: 'legal_aid', unit: '聊城市法律援助中心' };
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [{ ...worker('郑五', 915), agents: [aid] }] }),
    });
    const [wages, comp] = c.claims as { id: number }[];
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [wages?.id],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: wages?.id, amount: '5000' }],
        paymentDays: 7,
      },
      '2026-03-26',
    );
    // legal51a L2: the ruling prints its amount as the awards do, with its capitals; med51 L5: the agent's kind.
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain('5000.00元（人民币伍仟元整）');
    expect(ruling).not.toMatch(/5000元/);
    expect(ruling).toContain('刘援，聊城市法律援助中心指派的法律援助人员。');
    expect(ruling).not.toContain('指派的律师');

    // docs51 M2: the award dismisses the wages the ruling ordered paid.
    const items = [
      { claimId: wages?.id, outcome: 'dismissed' },
      { claimId: comp?.id, outcome: 'granted', amount: '26400.00' },
    ];
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    const warned = (v.warnings as string[]).filter((w) => w.includes('先予执行的请求被驳回'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('5000.00元');
    expect(warned[0]).toContain('执行回转');
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toContain(
      '先予执行裁决已裁决先行支付5000.00元（人民币伍仟元整）；本裁决对该项请求未予支持，已依先予执行裁决执行的款项，申请人应当予以返还（执行回转）。',
    );
    expect(award).toContain('指派的法律援助人员');

    // docs51 L1: the correction's body typed without a full stop is ended with one before 「本决定书自送达之日起生效。」.
    const fix = await generatedText(t, arb.token, c.id, {
      kind: 'decision',
      matter: 'correction',
      body: '第一项中“2025年10月”应为“2025年9月”',
      corrects: { part: 'non_final' },
      decidedOn: '2026-04-20',
    });
    expect(fix).toContain('决定补正如下：第一项中“2025年10月”应为“2025年9月”。本决定书自送达之日起生效。');
  });

  it('docs51 M2: a partial award granting less than the sum ordered paid in advance states the excess is returned', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('郑六', 916)] }) });
    const wages = (c.claims as { id: number }[])[0]?.id;
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [wages],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: wages, amount: '6000.00' }],
        paymentDays: 7,
      },
      '2026-03-26',
    );
    const v = await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'partly', amount: '4000.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-02',
    );
    const warned = (v.warnings as string[]).filter((w) => w.includes('先予执行的请求被改判'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('4000.00元');
    const text = await generatedText(t, arb.token, c.id, { kind: 'partial_award' });
    expect(text).toContain(
      '多出2000.00元（人民币贰仟元整），已依先予执行裁决执行的款项超出本项裁决金额的部分，申请人应当予以返还（执行回转）',
    );
    // An award granting the whole sum ordered in advance: no such warning.
    const full = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('郑七', 917)] }) });
    const w2 = (full.c.claims as { id: number }[])[0]?.id;
    await ok(
      full.c,
      full.arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [w2], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: w2, amount: '6000.00' }], paymentDays: 7 },
      '2026-03-26',
    );
    const x = await ok(
      full.c,
      full.arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: w2, outcome: 'granted', amount: '12000.00' }] },
      '2026-04-02',
    );
    expect(JSON.stringify(x.warnings ?? [])).not.toContain('先予执行的请求');
  });

  it('docs51 L2: a collective hearing notice made without an evidence period is made with a warning (Rules Art. 65)', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => worker(`集体工人${'甲乙丙丁戊己庚辛壬癸子'[i]}`, 920 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: eleven }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const arbs = a.arbitrators.map((x) => x.id);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: arbs, presidingId: arbs[0] }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    const r = await make(c, a.tokens.clerk, { kind: 'hearing_notice' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.warnings?.join('')).toContain('第六十五条');
    expect(r.body.warnings?.join('')).toContain('举证期限');
    // An ordinary case's notice, or a collective one after the period was set: no warning.
    const o = await caseAt(t, a, 'hearing_scheduled', { body: standardApplication({ applicants: [worker('郑八', 918)] }) });
    const plain = await make(o.c, a.tokens.clerk, { kind: 'hearing_notice' });
    expect(plain.status).toBe(201);
    expect(plain.body.warnings).toBeUndefined();
    const d = await registerCase(t, a, standardApplication({ applicants: eleven.map((w, i) => worker(w.name, 940 + i)) }));
    await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(d, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: arbs, presidingId: arbs[0] }, '2026-03-05');
    await ok(d, arb.token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-20' }, '2026-03-06');
    await ok(d, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    const set = await make(d, a.tokens.clerk, { kind: 'hearing_notice' });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(set.body.warnings).toBeUndefined();
  });
});
