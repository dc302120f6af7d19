import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { type Actors, createActors } from '../helpers/procedure.ts';

/**
 * An outside reviewer of the generated PDFs (docs44): a blank 送达回证 is never dated before a document it lists; an
 * award orders an act by the party obliged, the act and the term; a 调解书's receipt shows its signing.
 */
let t: TestApp;
let a: Actors;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
  a = await createActors(t);
});
afterAll(async () => t?.close());

const { ok } = caseEvents(() => t);
const ids = (c: CaseView) => (c.claims as { id: number }[]).map((x) => x.id);
const FACTS = '申请人于2023年3月入职被申请人处，月工资4000元，被申请人拖欠其2025年10月至12月工资。';
const REASONING = '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。';
const DEFENSE = '被申请人认为已足额支付工资';

describe(`reviewer docs44 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: a blank award receipt listing a partial award (03-30) and the award (04-10) is dated 04-10', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const respondent = (c.respondents as { id: number }[])[0]?.id as number;
    const award = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }], ...award },
      '2026-03-30',
    );
    await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: comp, outcome: 'dismissed' }], ...award }, '2026-04-10');
    const text = await generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId: respondent, servedDocument: 'award' });
    expect(text).toContain('号之一');
    expect(text).toContain('二〇二六年四月十日');
    expect(text).not.toContain('二〇二六年三月三十日');
  });
});
