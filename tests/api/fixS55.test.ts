import { describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../app/bootstrap.ts';
import { createDeps } from '../../app/deps.ts';
import { runRequestedReprojection } from '../../app/stats/reproject.ts';
import { migrationSource } from '../../db/migrations/index.ts';
import { rebuildCounters } from '../../db/stores/stats.ts';
import { createLogger } from '../../server/logger.ts';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';

/**
 * fixS55 (outside checkers legal55a #6, docs55 #3): a worker's counterclaim (Rules Art. 36) is a claim the award
 * decides — its items are in the claim lines (劳动报酬 for wages), in the amount awarded and, by default, in the amount
 * claimed (STATS_CLAIMED_AMOUNT) — and the finality (final / mixed) reads the same items the figures count.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok } = caseEvents(() => t);
const arb = () => a.arbitrators[0] as { id: number; token: string };
const claimsOf = (v: CaseView) => v.claims as { id: number; counterclaim?: boolean }[];

/** The employer applies (training fee 8,000); the worker counterclaims wages 6,000; both granted on 04-10. */
async function employerCaseWithWageCounterclaim() {
  const c = await registerCase(
    t,
    a,
    standardApplication({
      applicants: [employer()],
      respondents: [worker('李四')],
      claims: [{ category: 'training', amount: '8000.00', description: '返还培训费用' }],
    }),
  );
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
    { description: '反申请：支付拖欠工资', claims: [{ category: 'wages', amount: '6000.00', description: '2025年12月工资' }] },
    '2026-03-10',
  );
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-03-11');
  await ok(c, arb().token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-12');
  await ok(c, arb().token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
  const own = claimsOf(v).find((x) => !x.counterclaim)?.id as number;
  const wage = claimsOf(v).find((x) => x.counterclaim)?.id as number;
  const done = await ok(
    c,
    arb().token,
    'ISSUE_AWARD',
    {
      items: [
        { claimId: own, outcome: 'partly', amount: '4000.00' },
        { claimId: wage, outcome: 'granted', amount: '6000.00' },
      ],
      counterclaimDefenseSummary: '申请人称工资已付清。',
    },
    '2026-04-10',
  );
  return { c, own, wage, done };
}

describe(`fixS55 1: a worker's counterclaim is counted as the award decides it (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('claim lines, amounts and the final / mixed classification read the same items', async () => {
    const { c, wage, done } = await employerCaseWithWageCounterclaim();
    expect(done.award.finality).toBe('mixed');
    const q = 'from=2026-04-01&to=2026-04-30';
    const claims = await t.api(a.tokens.chair).get(`/api/stats/claims/cases?${q}&measure=items`);
    expect(claims.status).toBe(200);
    const mine = (claims.body.items as { caseId: number; claimId: number; category: string; awarded: string }[]).filter(
      (i) => i.caseId === c.id,
    );
    expect(mine).toHaveLength(2);
    expect(mine.find((i) => i.claimId === wage)).toMatchObject({ category: 'wages', awarded: '6000.00' });
    const closure = await t.api(a.tokens.chair).get(`/api/stats/closure?${q}`);
    expect(closure.status).toBe(200);
    // 4,000 on the employer's claim + 6,000 on the worker's counterclaim; claimed 8,000 + 6,000 (the default).
    expect(closure.body.amounts).toMatchObject({ awarded: '10000.00' });
    expect(closure.body.mixedAwards).toBe(1);
    const accepted = await t.api(a.tokens.chair).get('/api/stats/closure?from=2026-03-01&to=2026-03-31');
    expect(accepted.body.amounts).toMatchObject({ claimed: '14000.00' });
    const mixed = await t.api(a.tokens.chair).get(`/api/stats/closure/cases?${q}&measure=mixedAwards`);
    expect((mixed.body.items as { id: number }[]).map((i) => i.id)).toContain(c.id);
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    expect(await recomputeAndCompare(deps, '2026-11-20')).toEqual([]);
  });

  it('upgrading: migration 20261219_0055 asks for the re-projection, which the server runs after start-up', async () => {
    await employerCaseWithWageCounterclaim();
    const k = t.db.knex;
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    // The facts as the earlier definition left them: the counterclaim's award out of the amount awarded.
    await k('case_stat_rows').whereNull('recorded_to').where('awarded_fen', '>', 0).decrement('awarded_fen', 600000);
    await k.transaction((trx) => rebuildCounters(trx));
    while (await k('knex_migrations').where('name', '>=', '20261219_0055').first()) await k.migrate.down({ migrationSource });
    await prepareDatabase(t.db, t.clock, undefined);
    // Left for the application (it needs the stores and the calendar), not run by the migration's start-up step.
    expect((await k('maintenance_tasks').select('name')).map((r) => r.name)).toEqual(['reproject_statistics']);
    const r = await runRequestedReprojection(deps);
    expect(r?.changed).toBeGreaterThan(0);
    expect(await k('maintenance_tasks').select()).toEqual([]);
    expect(await runRequestedReprojection(deps)).toBeNull();
    expect(await recomputeAndCompare(deps, '2026-11-20')).toEqual([]);
  });
});

describe(`fixS55 2: a drill-down row shows the case as it stood at the period's end (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('pending at the end of Q2, withdrawn on 07-01: closedOn null, closedLaterOn 2026-07-01', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-05-06');
    await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-07-01');
    const q2 = await t.api(a.tokens.chair).get('/api/stats/closure/cases?period=2026-Q2&measure=pending&pageSize=200');
    expect(q2.status).toBe(200);
    const row = (q2.body.items as { id: number }[]).find((i) => i.id === c.id);
    expect(row).toMatchObject({ closedOn: null, closedLaterOn: '2026-07-01', closureMode: null, daysToClose: null, closedLate: false });
    // In Q3 it closed: the row as usual.
    const q3 = await t.api(a.tokens.chair).get('/api/stats/closure/cases?period=2026-Q3&measure=closed&pageSize=200');
    expect((q3.body.items as { id: number }[]).find((i) => i.id === c.id)).toMatchObject({
      closedOn: '2026-07-01',
      closedLaterOn: null,
      closureMode: 'withdrawal',
    });
  });
});
