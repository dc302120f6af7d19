import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../app/deps.ts';
import { reprojectStatistics, runRequestedReprojection } from '../../app/stats/reproject.ts';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { instanceName } from '../../app/time/sweep.ts';
import { CODE_VERSION } from '../../db/migrations/index.ts';
import { createLogger } from '../../server/logger.ts';
import { LAW_OFF_DAYS } from '../helpers/calendar-years.ts';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';
import { startServer } from '../helpers/server-process.ts';

/**
 * Reviewer s55 B M2: the statistics re-projection a migration asks for (`reproject_statistics`) waits while a process
 * of another version is alive (its heartbeat's code version), stays asked for when a run stops half-way, and is asked
 * again later (the scheduler's tick) — never cleared without having gone over every case.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
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

describe(`lead56: a calendar year loaded again leaves a trace in each case it moved (legal55b L3, legal56b M1; ${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("the award limit's move and the closed-late flag's follow are in the case's history, naming the admin and the year", async () => {
    const c = await registerCase(t, a, standardApplication());
    // Accepted 2026-11-20: the 45 days end on 2027-01-04 (a Monday), provisional until 2027 is loaded.
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-20');
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-11-20' },
      '2026-11-20',
    );
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-20');
    t.clock.set('2027-01-06T02:00:00Z');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-10', place: '第一仲裁庭' }, '2026-11-20');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-12-10');
    // Awarded on 2027-01-05, a day after the limit: closed late.
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: (c.claims as unknown as { id: number; amount: string }[]).map((x) => ({
          claimId: x.id,
          outcome: 'granted',
          amount: x.amount,
        })),
      },
      '2027-01-05',
    );
    const admin = t.api(t.adminToken);
    const closedLate = async () =>
      (
        (await t.api(a.tokens.chair).get('/api/stats/closure/cases?from=2027-01-01&to=2027-01-31&measure=closedLate&pageSize=200')).body
          .items as { id: number }[]
      ).map((i) => i.id);
    const award = async () =>
      (
        (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.deadlines as { kind: string; dueOn: string; provisional: boolean }[]
      ).find((d) => d.kind === 'award') as { kind: string; dueOn: string; provisional: boolean; status: string } | undefined;
    expect(await award()).toMatchObject({ dueOn: '2027-01-04', provisional: true });
    const load = async (offDays: string[], notice: string) => {
      const r = await admin.put('/api/calendar/years/2027', { notice, offDays, workDays: [] });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      await recomputationsIdle(t.db);
    };
    await load(LAW_OFF_DAYS[2027] as string[], '测试一');
    expect(await award()).toMatchObject({ dueOn: '2027-01-04', provisional: false, status: 'met_late' });
    expect(await closedLate()).toContain(c.id);
    // A slip: 2027-01-04 loaded as a day off — the limit moves to the 5th.
    await load([...(LAW_OFF_DAYS[2027] as string[]), '2027-01-04'], '测试二');
    expect(await award()).toMatchObject({ dueOn: '2027-01-05', provisional: false, status: 'met' });
    expect(await closedLate()).not.toContain(c.id);
    const res = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`);
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(200);
    const history = res.body as {
      type: string;
      stateBefore: string;
      stateAfter: string;
      actor?: { name?: string; role?: string };
      payload: { calendarYear: number; deadlines: { kind: string; text: string; before: { dueOn: string }; after: { dueOn: string } }[] };
    }[];
    const traces = history.filter((e) => e.type === 'RECOMPUTE_DEADLINES');
    expect(traces).toHaveLength(2);
    const [first, second] = traces as [(typeof traces)[0], (typeof traces)[0]];
    expect(first.stateBefore).toBe(first.stateAfter);
    expect(first.payload.calendarYear).toBe(2027);
    expect(first.actor?.role).toBe('admin');
    const moved = second.payload.deadlines.find((x) => x.kind === 'award');
    expect(moved).toMatchObject({ before: { dueOn: '2027-01-04' }, after: { dueOn: '2027-01-05' } });
    expect(moved?.text).toContain('2027-01-04 → 2027-01-05');
    expect(moved?.text).toContain('逾期完成 → 已完成');
    // The same load once more changes nothing and records nothing.
    await load([...(LAW_OFF_DAYS[2027] as string[]), '2027-01-04'], '测试三');
    const again = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as { type: string }[];
    expect(again.filter((e) => e.type === 'RECOMPUTE_DEADLINES')).toHaveLength(2);
    // A later act still reads its procedural date from the acts, not from the bookkeeping entry (BOOKKEEPING_EVENTS).
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).status).toBe(200);
  });
});

describe('pg56 M1: an idle keep-alive connection outlives a 503 Retry-After', () => {
  it('the started server keeps idle connections 65 s (HTTP_KEEP_ALIVE_TIMEOUT_MS), not Node’s 5 s', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-keepalive-'));
    const s = await startServer({ DATABASE_URL: `sqlite:${path.join(dir, 'z.sqlite')}` });
    try {
      const r = await fetch(`${s.base}/healthz`);
      expect(r.status).toBe(200);
      expect(r.headers.get('keep-alive')).toBe('timeout=65');
    } finally {
      s.kill('SIGTERM');
      await s.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
