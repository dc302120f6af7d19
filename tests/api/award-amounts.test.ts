import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { samplePayload } from '../helpers/procedure.ts';

/**
 * An award item's outcome and amount say the same thing: 部分支持 (`partly`) awards less than the claim asks, as the
 * claim stands after any change of claims (app/procedure/apply-event.ts `checkReferences`). 400 naming the item's
 * amount; nothing recorded.
 */
const { t, a } = apiSuite();

describe(`award amounts against the claims (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('部分支持 of as much as the claim asks, or more, is refused naming the amount; less is recorded', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const { send, ok } = caseEvents(() => t);
    const claim = (c.claims as { id: number; amount?: string | null }[]).find((cl) => cl.amount) as { id: number; amount: string };
    expect(claim).toBeTruthy();
    const base = samplePayload('ISSUE_AWARD', c, [arb.id], '2026-03-26') as {
      items: { claimId: number; outcome: string; amount?: string }[];
    };
    const i = base.items.findIndex((it) => it.claimId === claim.id);
    const claimedFen = Math.round(Number(claim.amount) * 100);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    for (const amount of [claim.amount, yuan(claimedFen + 5_000_000)]) {
      const items = base.items.map((it, k) => (k === i ? { ...it, outcome: 'partly', amount } : it));
      const r = await send(c, arb.token, 'ISSUE_AWARD', { ...base, items }, '2026-03-26');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(`items.${i}.amount`);
      expect(JSON.stringify(r.body.errors)).toContain('部分支持的金额应少于请求金额');
    }
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(before.award).toBeNull();
    const items = base.items.map((it, k) => (k === i ? { ...it, outcome: 'partly', amount: yuan(claimedFen - 100) } : it));
    const awarded = await ok(c, arb.token, 'ISSUE_AWARD', { ...base, items }, '2026-03-26');
    expect(awarded.award.items.find((it: { claimId: number }) => it.claimId === claim.id)).toMatchObject({
      outcome: 'partly',
      amount: yuan(claimedFen - 100),
    });
  });
});
