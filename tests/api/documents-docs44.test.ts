import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside reviewer of the generated PDFs (docs44): a blank 送达回证 is never dated before a document it lists; an
 * award orders an act by the party obliged, the act and the term; a 调解书's receipt shows its signing.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { ok } = caseEvents(() => t);

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

  it('M3: the receipt of a 调解书 a party signed for shows 直接送达 and the day that party signed', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [applicant, respondent] = [(c.applicants as { id: number }[])[0]?.id, (c.respondents as { id: number }[])[0]?.id];
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: applicant, signedOn: '2026-03-28' }, '2026-03-28');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: respondent, signedOn: '2026-03-30' }, '2026-03-30');
    const receipt = (partyId: unknown) =>
      generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId, servedDocument: 'mediation_document' });
    const worker = await receipt(applicant);
    expect(worker).toContain('送达方式直接送达');
    expect(worker).toContain('签收日期二〇二六年三月二十八日');
    expect(worker).not.toContain('□');
    expect(await receipt(respondent)).toContain('签收日期二〇二六年三月三十日');
  });

  it('M1: a granted 补缴社会保险费 is ordered of the employer, for the worker, in the term recorded', async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        { category: 'social_insurance', description: '为申请人补缴2024年1月至2025年12月社会保险费' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [wages, insurance] = ids(c);
    const applicant = (c.applicants[0] as unknown as { name: string }).name;
    const respondent = (c.respondents[0] as unknown as { name: string }).name;
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'dismissed' },
          { claimId: insurance, outcome: 'granted', paymentDays: 30 },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const text = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(text).toContain(`被申请人${respondent}于本裁决生效之日起三十日内为申请人${applicant}补缴2024年1月至2025年12月社会保险费`);
    expect(text).not.toContain('支持申请人');
  });
});
