import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { samplePayload } from '../helpers/procedure.ts';

/**
 * api.md "Reading (v1.1)": an analyst reads case summaries — case number, state, dates, district, procedure,
 * arbitrators, party names — not what the claims ask for in money or words, nor the award's items (app/cases/views.ts).
 */
const { t, a } = apiSuite();

describe(`an analyst's case summary (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('names the claims and that an award was made, not amounts, claim texts or award items', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const { ok } = caseEvents(() => t);
    const awarded = await ok(c, arb.token, 'ISSUE_AWARD', samplePayload('ISSUE_AWARD', c, [arb.id], '2026-03-26'), '2026-03-26');
    expect(awarded.award.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(awarded.claims)).toMatch(/"amount":"\d/);

    const summary = (await t.api(a.tokens.analyst).get(`/api/cases/${c.id}`)).body;
    expect(summary.readLevel).toBe('summary');
    expect(summary.claims.length).toBe(awarded.claims.length);
    // What is claimed and whether it was given up (Rules Art. 44), not how much nor in what words.
    for (const cl of summary.claims) expect(Object.keys(cl).sort()).toEqual(['category', 'categoryLabel', 'id', 'seq', 'withdrawn']);
    expect(summary.award).toEqual({
      finality: awarded.award.finality,
      issuedOn: '2026-03-26',
      defaultAward: awarded.award.defaultAward,
      setAside: null,
    });
    // Every other reader still sees them.
    const full = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(full.award.items).toEqual(awarded.award.items);
    expect(full.claims).toEqual(awarded.claims);
  });

  it('says how and when a case closed, not the reason given (free text that may name amounts)', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const { ok } = caseEvents(() => t);
    const reason = '被申请人已当庭支付工资人民币8000元，申请人撤回仲裁申请';
    const closed = await ok(c, a.tokens.clerk, 'WITHDRAW', { reason }, '2026-03-10');
    expect(closed.closure.reason).toBe(reason);
    const summary = (await t.api(a.tokens.analyst).get(`/api/cases/${c.id}`)).body;
    expect(summary.closure).toEqual({ mode: closed.closure.mode, closedOn: '2026-03-10' });
    expect(JSON.stringify(summary)).not.toContain('8000');
  });
});
