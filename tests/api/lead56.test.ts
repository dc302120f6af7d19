import { describe, expect, it } from 'vitest';
import { createDeps } from '../../app/deps.ts';
import { reprojectStatistics, runRequestedReprojection } from '../../app/stats/reproject.ts';
import { instanceName } from '../../app/time/sweep.ts';
import { CODE_VERSION } from '../../db/migrations/index.ts';
import { createLogger } from '../../server/logger.ts';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Reviewer s55 B M2: the statistics re-projection a migration asks for (`reproject_statistics`) waits while a process
 * of another version is alive (its heartbeat's code version), stays asked for when a run stops half-way, and is asked
 * again later (the scheduler's tick) — never cleared without having gone over every case.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok } = caseEvents(() => t);
const pg = (process.env.TEST_DB ?? 'sqlite') === 'postgres';

describe(`lead56: the statistics re-projection after a migration (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const request = () =>
    t.db
      .knex('maintenance_tasks')
      .insert({ name: 'reproject_statistics', requested_at: '2026-11-20T02:00:00.000Z', reason: 'test' })
      .onConflict('name')
      .ignore();
  const pending = async () => (await t.db.knex('maintenance_tasks').where({ name: 'reproject_statistics' })).length;

  it('a run stopped half-way leaves the request; the next run goes over every case and clears it', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-20');
    await registerCase(t, a, standardApplication());
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    await request();
    let asked = 0;
    expect(await reprojectStatistics(deps, { stop: () => ++asked > 1 })).toMatchObject({ cases: 1, stopped: true });
    expect(await runRequestedReprojection(deps, { stop: () => true })).toBeNull();
    expect(await pending()).toBe(1);
    const r = await runRequestedReprojection(deps);
    expect(r?.cases).toBeGreaterThanOrEqual(2);
    expect(await pending()).toBe(0);
  });

  it('a heartbeat names the code version; GET /api/service/status shows it', async () => {
    await t.api(a.tokens.admin).get('/readyz');
    const s = await t.api(a.tokens.admin).get('/api/service/status');
    expect(s.status).toBe(200);
    const self = (s.body.processes as { instance: string; codeVersion: string | null }[]).find((p) => p.instance === instanceName());
    expect(self?.codeVersion).toBe(CODE_VERSION);
  });

  it.runIf(pg)('PostgreSQL: waits while a process of an earlier version is alive, runs once it has stopped', async () => {
    await registerCase(t, a, standardApplication());
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const now = t.clock.now().toISOString();
    // A process of the version before: its heartbeat writes no code version.
    await t.db.knex('service_heartbeats').insert({ instance: 'old-host:4242', started_at: now, seen_at: now });
    await request();
    expect(await runRequestedReprojection(deps)).toBeNull();
    expect(await pending()).toBe(1);
    // It stopped: its last heartbeat ages past the 90 s a live process is given.
    await t.db.knex('service_heartbeats').where({ instance: 'old-host:4242' }).update({ seen_at: '2026-11-20T01:00:00.000Z' });
    expect(await runRequestedReprojection(deps)).not.toBeNull();
    expect(await pending()).toBe(0);
  });
});
