import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';

/**
 * An outside reviewer of the documents (docs43): the 送达回证 of an award names the document served (LDMAL Arts. 48–50:
 * its service starts the periods); a term of 0 days is refused (it printed "〇日内"); the arbitrator's text is refused
 * when it is punctuation alone (it printed "本委认为。").
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { send, ok } = caseEvents(() => t);
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

describe(`reviewer docs43 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H2: a payment term of 0 days is refused (400 naming paymentDays), for an advance-execution ruling and an award item', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages] = ids(c);
    const ruling = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: wages, amount: '3000' }], paymentDays: 0 },
      '2026-03-26',
    );
    expect(ruling.status, JSON.stringify(ruling.body)).toBe(400);
    expect(paths(ruling.body)).toContain('paymentDays');
    const award = await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId: wages, outcome: 'granted', amount: '3000.00', paymentDays: 0 }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    expect(award.status, JSON.stringify(award.body)).toBe(400);
    expect(paths(award.body)).toContain('items.0.paymentDays');
  });

  it('M1: facts or reasoning of punctuation alone are refused like blank ones (400 naming the field)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '3000.00' },
      { claimId: comp, outcome: 'dismissed' },
    ];
    const award = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: '。', defenseSummary: DEFENSE }, '2026-04-10');
    expect(award.status, JSON.stringify(award.body)).toBe(400);
    expect(paths(award.body)).toEqual(['reasoning']);
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    for (const [field, value] of [
      ['reasoning', '。'],
      ['facts', '……；'],
      ['reasoning', '   '],
    ]) {
      const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', [field as string]: value });
      expect(r.status, `${field}=${value}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(paths(r.body)).toEqual([field]);
    }
  });

  it('H1: the receipt of a partial award and of the final award each names its own document and number', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const respondent = (c.respondents as { id: number }[])[0]?.id as number;
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-03-30',
    );
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: respondent, method: 'direct', awardOn: '2026-03-30' }, '2026-03-31');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: comp, outcome: 'dismissed' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: respondent, method: 'direct' }, '2026-04-11');
    const receipt = (occurrence: number) =>
      generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId: respondent, servedDocument: 'award', occurrence });
    const no = (c.caseNo as string).replace(/号$/, '');
    const first = await receipt(1);
    expect(first).toContain(`部分裁决书${no}号之一`);
    const second = await receipt(2);
    expect(second).toContain(`仲裁裁决书${no}号`);
    expect(second).not.toContain('部分裁决书');
    expect(second).not.toContain('之一');
  });
});
