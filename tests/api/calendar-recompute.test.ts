import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../app/deps.ts';
import { recomputationsIdle, runRecomputations, startRecomputations } from '../../app/time/recompute.ts';
import { ADVISORY_LOCKS, LockLostError, openDatabase, withAdvisoryLock } from '../../db/knex.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type Actors, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';

/**
 * Review round 3, finding 2: loading a calendar year no longer recomputes every open case inside the request. The
 * recomputation is a background job (app/time/recompute.ts): one runner under an advisory lock, resumable after the
 * last case it finished, idempotent, and the deadlines right after it — on SQLite and PostgreSQL.
 */
let t: TestApp;
let a: Actors;
const depsOf = (x: TestApp): Deps => createDeps({ db: x.db, clock: x.clock, logger: createLogger('silent'), config: x.config });

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-03T02:00:00Z' });
  a = await createActors(t);
});
afterAll(async () => t?.close());

type Deadline = { kind: string; dueOn: string; provisional: boolean };
const awardOf = async (id: number) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/deadlines`)).body as Deadline[]).find((d) => d.kind === 'award');
const job = async (id: number) => (await t.api(t.adminToken).get(`/api/calendar/recomputations/${id}`)).body;

/** A load as the request makes it (the year and the job in one transaction), without starting the runner. */
async function loadWithoutRunning(deps: Deps, year: number, offDays: string[]) {
  const adminId = Number((await t.db.knex('users').where({ username: 'admin' }).first('id')).id);
  const now = t.clock.now().toISOString();
  const id = await t.db.knex.transaction(async (trx) => {
    await deps.stores.calendar.put(trx, { year, notice: `测试数据：${year}年`, offDays, workDays: [], names: {} }, adminId, now);
    return (await deps.stores.calendar.requestRecomputation(trx, year, adminId, now)).id;
  });
  return id;
}

describe(`a calendar load's deadline recomputation runs in the background (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('stopped half-way it resumes after the last case done; run again it changes nothing; the deadlines are right', async () => {
    // Three open cases whose award clock ends in 2027, a year without official data: provisional dates (Monday 01-18).
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-01' }));
      expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-12-02' })).status).toBe(
        200,
      );
      expect(await awardOf(c.id)).toMatchObject({ dueOn: '2027-01-18', provisional: true });
      ids.push(c.id);
    }
    const deps = depsOf(t);
    // Test data: 2027-01-18 a holiday, so the exact date is Tuesday 01-19.
    const first = await loadWithoutRunning(deps, 2027, ['2027-01-01', '2027-01-18']);
    expect(await job(first)).toMatchObject({ status: 'pending', casesDone: 0, casesTotal: null, startedAt: null });

    // Stopped after two cases (stop() is asked once before the job, then before each case: the 4th answer stops it).
    let asked = 0;
    await runRecomputations(deps, { stop: () => ++asked > 3 });
    expect(await job(first)).toMatchObject({ status: 'running', casesTotal: 3, casesDone: 2, deadlinesChanged: 2, finishedAt: null });
    expect(await awardOf(ids[0] as number)).toMatchObject({ dueOn: '2027-01-19', provisional: false });
    expect(await awardOf(ids[1] as number)).toMatchObject({ dueOn: '2027-01-19', provisional: false });
    expect(await awardOf(ids[2] as number)).toMatchObject({ dueOn: '2027-01-18', provisional: true });
    const done = await t.db.knex('case_deadlines').whereIn('case_id', ids.slice(0, 2)).orderBy('id').select('id');

    // Resumed (another run, as after a restart): only the third case is done; the first two are not rewritten.
    await runRecomputations(deps);
    expect(await job(first)).toMatchObject({ status: 'done', casesTotal: 3, casesDone: 3, deadlinesChanged: 3 });
    expect(await awardOf(ids[2] as number)).toMatchObject({ dueOn: '2027-01-19', provisional: false });
    expect(await t.db.knex('case_deadlines').whereIn('case_id', ids.slice(0, 2)).orderBy('id').select('id')).toEqual(done);

    // The same year loaded again: its recomputation goes over the cases and changes nothing.
    const second = await loadWithoutRunning(deps, 2027, ['2027-01-01', '2027-01-18']);
    await runRecomputations(deps);
    expect(await job(second)).toMatchObject({ status: 'done', casesDone: 3, deadlinesChanged: 0 });
    // Nothing left to do: a run finds no job.
    await runRecomputations(deps);
    expect(await t.db.knex('calendar_recomputations').whereNull('finished_at').count({ n: '*' }).first()).toMatchObject({
      n: expect.anything(),
    });
    expect(Number((await t.db.knex('calendar_recomputations').whereNull('finished_at').count({ n: '*' }).first())?.n)).toBe(0);
    // Every stored deadline agrees with a computation from the record.
    expect(await recomputeAndCompare(deps, t.clock.today())).toEqual([]);
  });

  it.skipIf(process.env.TEST_DB !== 'postgres')(
    'a holder whose lock session is ended learns it at once, and the lock is free for another process (reliability tester s41)',
    async () => {
      const other = openDatabase(t.dbUrl);
      try {
        const r = await withAdvisoryLock(t.db, 'dailySweep', async (lease) => {
          expect(lease.lost()).toBe(false);
          // What an operator's pg_terminate_backend or a restart does to the lock's session, from another connection.
          await other.knex.raw(
            "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and classid = ? and objid = ? and granted",
            [0x7a63, ADVISORY_LOCKS.dailySweep],
          );
          for (let i = 0; !lease.lost(); i++) {
            if (i > 1000) throw new Error('the lease never learnt that its session ended');
            await new Promise((res) => setTimeout(res, 5));
          }
          expect(() => lease.assertHeld()).toThrow(LockLostError);
          // Another process may take the lock now: the work done under this lease must stop (the sweep does).
          const got = await other.knex.raw('select pg_try_advisory_lock(?, ?) as ok', [0x7a63, ADVISORY_LOCKS.dailySweep]);
          expect(got.rows[0].ok).toBe(true);
          await other.knex.raw('select pg_advisory_unlock(?, ?)', [0x7a63, ADVISORY_LOCKS.dailySweep]);
          return 'stopped';
        });
        expect(r).toEqual({ acquired: true, value: 'stopped' });
        // The pool goes on with fresh connections.
        expect((await t.api(a.tokens.clerk).get('/api/cases')).status).toBe(200);
      } finally {
        await other.close();
      }
    },
  );

  it('one runner at a time: in a process the runs join; across processes the lock holder does the work', async () => {
    const deps = depsOf(t);
    const id = await loadWithoutRunning(deps, 2027, ['2027-01-01', '2027-01-18', '2027-01-19']);
    if (t.db.dialect === 'postgres') {
      // Another process holds the lock: this one leaves the job to it and returns at once.
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let entered: () => void = () => undefined;
      const inside = new Promise<void>((r) => {
        entered = r;
      });
      const other = createDeps({
        db: openDatabase(t.dbUrl),
        clock: t.clock,
        logger: createLogger('silent'),
        config: t.config,
      });
      const holder = withAdvisoryLock(
        other.db,
        'calendarRecompute',
        async () => {
          entered();
          await held;
        },
        { wait: false },
      );
      await inside;
      await runRecomputations(deps);
      expect(await job(id)).toMatchObject({ status: 'pending', casesDone: 0 });
      release();
      expect(await holder).toMatchObject({ acquired: true });
      await other.db.close();
    }
    // Two runs asked for together in one process are one run: every case once.
    const [x, y] = [runRecomputations(deps), runRecomputations(deps)];
    await Promise.all([x, y, recomputationsIdle(t.db)]);
    expect(await job(id)).toMatchObject({ status: 'done', casesTotal: 3, casesDone: 3, deadlinesChanged: 3 });
    // 01-18 and 01-19 holidays now: Wednesday 01-20.
    const award = ((await t.api(a.tokens.clerk).get('/api/deadlines?within=366&kind=award')).body.items as Deadline[]).map((d) => d.dueOn);
    expect(award).toEqual(['2027-01-20', '2027-01-20', '2027-01-20']);
  });

  it('a run that fails (the database went away mid-run) is tried again by its process within seconds, not left for the next tick', async () => {
    const deps = depsOf(t);
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-01' }));
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-12-02' })).status).toBe(200);
    const id = await loadWithoutRunning(deps, 2027, ['2027-01-01', '2027-01-20']);
    // The database fails the run's first statement once, as a restart would.
    let failures = 0;
    const calendar = deps.stores.calendar;
    const flaky = {
      ...deps,
      stores: {
        ...deps.stores,
        calendar: {
          ...calendar,
          nextRecomputation: (...args: Parameters<typeof calendar.nextRecomputation>) => {
            if (failures++ === 0)
              return Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
            return calendar.nextRecomputation(...args);
          },
        },
      },
    } as Deps;
    startRecomputations(flaky, { retryMs: [20] });
    for (let i = 0; i < 500 && (await job(id)).status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(failures).toBeGreaterThan(1);
    expect(await job(id)).toMatchObject({ status: 'done' });
    expect(await recomputeAndCompare(deps, t.clock.today())).toEqual([]);
  });
});
