import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * lead58 (sec58 M1): a receipt day corrected to more than RECEIVED_ON_STALE_DAYS before today — most often a mistyped
 * year — is warned of as it is at registration and at ACCEPT (LDMAL Arts. 27, 29); the correction itself stands.
 */
describe(`lead58 — a receipt corrected to a day long past is warned of (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-08T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const correct = (id: number, body: Record<string, unknown>) => t.api(a.tokens.chair).post(`/api/cases/${id}/date-corrections`).send(body);

  it('a receipt corrected a year back carries the stale-receipt warning; a near one does not', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-30' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-12-02');
    const near = await correct(c.id, { target: 'receivedOn', field: 'receivedOn', value: '2026-11-27', reason: '收件登记日期录入有误' });
    expect(near.status, JSON.stringify(near.body)).toBe(200);
    expect(JSON.stringify(near.body.warnings ?? [])).not.toContain('请核对年份');
    const far = await correct(c.id, { target: 'receivedOn', field: 'receivedOn', value: '2025-11-27', reason: '收件登记日期录入有误' });
    expect(far.status, JSON.stringify(far.body)).toBe(200);
    expect(far.body.receivedOn).toBe('2025-11-27');
    expect(JSON.stringify(far.body.warnings)).toContain('请核对年份是否填错');
  });
});

describe(`lead58 — noRehearing with no tribunal change (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-05-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
  const { send } = caseEvents(() => t);

  it('reviewer s58 A M1: an award stating a decision not to re-hear after a change that never happened is 422 naming noRehearing', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const r = await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'dismissed' })),
        facts: '经审理查明：申请人主张的事实证据不足。',
        reasoning: '本委认为：申请人的请求缺乏依据。',
        defenseSummary: '被申请人辩称：已足额支付。',
        noRehearing: { reason: '无' },
      },
      '2026-04-10',
    );
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'no-rehearing-without-change', 'noRehearing']);
  });
});
