import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Figures an outside statistician worked by hand and found wrong (stop 35): the amount awarded left out the partial
 * awards, and a failed pre-arbitration mediation referred to arbitration was never counted as referred. Each case is
 * the only one of its kind in this app, so the figures are its own.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const { ok } = caseEvents(() => t);
const closure = async (q: string) => {
  const r = await t.api(a.tokens.chair).get(`/api/stats/closure?${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe(`statistics worked by hand (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the amount awarded counts the partial award (Rules Art. 49) with the final one', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, compensation] = c.claims;
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: wages?.id, outcome: 'granted', amount: '12000.00' }] }, '2026-03-26');
    await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: compensation?.id, outcome: 'dismissed' }] }, '2026-04-10');
    const s = await closure('from=2026-03-01&to=2026-04-30');
    expect(s.closed).toBe(1);
    // 12,000 awarded by the partial award, nothing by the final one (it counted 0 before).
    expect(s.amounts).toMatchObject({ claimed: '38400.00', awarded: '12000.00' });
  });

  it('a failed mediation then referred to arbitration counts as referred (调解不成转入仲裁), ended the day it failed', async () => {
    const m = await registerCase(t, a, standardApplication({ receivedOn: '2026-05-01', track: 'mediation' }) as never);
    await ok(m, a.tokens.clerk, 'ASSIGN_MEDIATOR', { mediatorId: a.ids.mediator }, '2026-05-01');
    await ok(m, a.tokens.mediator, 'MEDIATION_FAILED', { reason: '双方分歧较大' }, '2026-05-10');
    let s = await closure('from=2026-05-01&to=2026-06-30');
    expect(s.mediationSuccess.mediationTrack).toMatchObject({ received: 1, ended: 1, agreed: 0, referred: 0 });
    await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'failed' }, '2026-05-18');
    s = await closure('from=2026-05-01&to=2026-06-30');
    expect(s.mediationSuccess.mediationTrack).toMatchObject({ received: 1, ended: 1, agreed: 0, referred: 1 });
  });
});
