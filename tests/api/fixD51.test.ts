import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { largeApplication } from '../helpers/procedure.ts';

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
