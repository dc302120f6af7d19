import type { Knex } from 'knex';
import { withAdvisoryLock } from '../../db/knex.ts';
import type { Recomputation } from '../../db/stores/calendar.ts';
import type { Deadline } from '../../workflows/deadlines.ts';
import type { Deps } from '../deps.ts';
import { unknownPathParam } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import { deadlineChanges } from './deadline-changes.ts';
import { instanceName, sweepDeadlines } from './sweep.ts';

/**
 * Recomputing cases' deadlines after a calendar year is loaded — in the background, not inside the admin's request (at
 * a province's scale that is every open case and every case with a deadline due in that year or later: seconds to
 * minutes of work). legal57b M3: a closed case too — its met / met_late and the statistics' closed-late flag depend on
 * the year's days — whenever it has a deadline due in the year or later (app/time/sweep.ts `calendarYear`).
 *
 * `PUT /api/calendar/years/:year` records the year and a row in `calendar_recomputations` in one transaction and
 * answers 202 at once; this runner then works through the unfinished rows, oldest first, with the deadline sweep
 * (app/time/sweep.ts): each case in its own transaction, its row locked and re-read, its deadlines written only when
 * they change — so the work is idempotent (running it again changes nothing) — and the row's cursor (`last_case_id`)
 * moved in that same transaction, so a run stopped half-way (shutdown, crash) resumes after the last case it finished.
 *
 * One runner at a time: across processes under an advisory lock (PostgreSQL; a process that finds it held leaves
 * the work to the holder), and within a process one run per database, which takes up any request that arrives while
 * it runs. A holder checks once more after releasing the lock, so a row committed while another process held it is
 * never left waiting. A run that fails (the database went away) is tried again by its process within seconds
 * (`startRecomputations`); rows left unfinished by a stopped process are taken up by the next load, by the scheduler's
 * tick (server/scheduler.ts), or by `npm run deadlines:sweep`.
 */
const running = new WeakMap<object, { promise: Promise<void>; again: boolean; stopped: boolean }>();

export interface RecomputeOptions {
  stop?: () => boolean;
}

/** Starts (or joins) this process's run; resolves when there is nothing left that this process can take. */
export function runRecomputations(deps: Deps, opts: RecomputeOptions = {}): Promise<void> {
  const current = running.get(deps.db);
  if (current) {
    current.again = true;
    return current.promise;
  }
  const state = { promise: Promise.resolve(), again: false, stopped: false };
  const stop = () => state.stopped || (opts.stop?.() ?? false);
  state.promise = (async () => {
    try {
      for (;;) {
        state.again = false;
        const took = await runOnce(deps, { stop });
        if (stop()) return;
        // Asked again while running, or a row committed while the lock was held: look once more.
        if (!state.again && !(took && (await deps.stores.calendar.nextRecomputation(deps.db.knex)))) return;
      }
    } finally {
      running.delete(deps.db);
    }
  })();
  running.set(deps.db, state);
  return state.promise;
}

/**
 * Seconds after a failed run before this process tries again: a database that restarted mid-run is back within
 * seconds, and until the run ends the cases it has not reached show deadlines of the calendar as it was before the load
 * (outside reliability tester: 3 min 20 s waiting for the scheduler's tick — and with the in-process scheduler turned
 * off, SCHEDULER_HOUR=-1, until the next sweep). The last delay repeats until a run succeeds.
 */
export const RECOMPUTE_RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
const retries = new WeakMap<object, NodeJS.Timeout>();

/** After a load: start the run without holding the request; a failure is logged and the run tried again shortly. */
export function startRecomputations(deps: Deps, opts: { retryMs?: readonly number[] } = {}, attempt = 0): void {
  runRecomputations(deps).catch((err) => {
    const delays = opts.retryMs ?? RECOMPUTE_RETRY_MS;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 60_000;
    deps.logger.error({ err, retryInMs: delay }, 'deadline recomputation failed; tried again shortly');
    if (stopped.has(deps.db) || retries.has(deps.db)) return;
    const timer = setTimeout(() => {
      retries.delete(deps.db);
      if (!stopped.has(deps.db)) startRecomputations(deps, opts, attempt + 1);
    }, delay);
    timer.unref();
    retries.set(deps.db, timer);
  });
}
/** Databases whose process is shutting down: no retry is scheduled for them. */
const stopped = new WeakSet<object>();

/** Shutdown: the run stops after the case it is on (its cursor says where to resume) and this resolves then. */
export async function stopRecomputations(db: object): Promise<void> {
  stopped.add(db);
  clearTimeout(retries.get(db));
  retries.delete(db);
  const current = running.get(db);
  if (!current) return;
  current.stopped = true;
  await current.promise.catch(() => undefined);
}

/**
 * After a load: waits at most `ms` for this process's run to end, so that on a commission of ordinary size the
 * admin's answer comes when every open case already shows the new year's exact deadlines (a client reading a case
 * right after the answer sees them); a longer run goes on in the background. True when the run ended in time.
 */
export async function awaitRecomputations(db: object, ms: number): Promise<boolean> {
  const run = running.get(db)?.promise.catch(() => undefined);
  if (!run) return true;
  if (ms <= 0) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([run.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves when this process's run (if any) has ended — for shutdown and for tests. */
export async function recomputationsIdle(db: object): Promise<void> {
  await running.get(db)?.promise.catch(() => undefined);
}

/** Under the lock: every unfinished row, oldest first. Returns false when another process holds the lock. */
async function runOnce(deps: Deps, opts: RecomputeOptions): Promise<boolean> {
  const { db, clock, stores, logger } = deps;
  const r = await withAdvisoryLock(
    db,
    'calendarRecompute',
    async (lease) => {
      // A run whose lock went with its session stops at the next case and leaves the job to the next holder, which
      // resumes it after the last case done (reliability tester s41, M1).
      const stop = () => opts.stop?.() === true || lease.lost();
      for (;;) {
        if (stop()) return;
        const job = await stores.calendar.nextRecomputation(db.knex);
        if (!job) return;
        const sweep = await sweepDeadlines(deps, clock.today(), {
          stop,
          afterId: job.lastCaseId,
          calendarYear: job.year,
          onStart: (ids) =>
            stores.calendar.recomputationStarted(db.knex, job.id, instanceName(), clock.now().toISOString(), job.casesDone + ids.length),
          onCase: async (trx, caseId, changed, c) => {
            if (c.deadlines) await recordDeadlineChanges(deps, trx, job, caseId, c.state, c.deadlines.before, c.deadlines.after);
            await stores.calendar.recomputationProgress(trx, job.id, caseId, changed);
          },
        });
        if (stop()) return;
        await stores.calendar.recomputationFinished(db.knex, job.id, clock.now().toISOString());
        logger.info(
          { recomputation: job.id, year: job.year, cases: sweep.cases, deadlinesChanged: sweep.deadlinesChanged },
          'deadlines recomputed for a calendar year',
        );
      }
    },
    { wait: false },
  );
  return r.acquired;
}

/**
 * legal55b L3, legal56b M1: a calendar year loaded again moves a case's deadlines — an award's time limit, and with it
 * the closed-late flag of a case already closed (LDMAL Art. 43; the statistics follow) — so the case's own history
 * says so: a bookkeeping entry `RECOMPUTE_DEADLINES` (no state change) naming the year, the admin who loaded it, and
 * each deadline's due day and status before and after, in the transaction that writes them. Nothing when only an
 * explanation's wording changed.
 */
async function recordDeadlineChanges(
  deps: Deps,
  trx: Knex,
  job: Recomputation,
  caseId: number,
  state: string,
  before: Deadline[],
  after: Deadline[],
): Promise<void> {
  const changes = deadlineChanges(before, after);
  if (!changes.length) return;
  const admin = await deps.stores.users.findById(job.requestedBy, trx);
  await deps.stores.cases.appendEvent(trx, {
    caseId,
    type: 'RECOMPUTE_DEADLINES',
    occurredOn: deps.clock.today(),
    recordedAt: deps.clock.now().toISOString(),
    actorId: admin?.id ?? null,
    actorRole: admin?.role ?? null,
    actorName: admin?.displayName ?? null,
    payload: { calendarYear: job.year, recomputation: job.id, deadlines: changes },
    stateBefore: state,
    stateAfter: state,
    before: null,
    after: null,
  });
}

export type RecomputationStatus = 'pending' | 'running' | 'done';

export function recomputationView(j: Recomputation) {
  const status: RecomputationStatus = j.finishedAt ? 'done' : j.startedAt ? 'running' : 'pending';
  return {
    id: j.id,
    year: j.year,
    status,
    requestedAt: j.requestedAt,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    casesTotal: j.casesTotal,
    casesDone: j.casesDone,
    deadlinesChanged: j.deadlinesChanged,
  };
}

/**
 * A recomputation as it stands now (null when gone): the answer to a calendar load reads it again after its wait, so
 * that a job finished within CALENDAR_RECOMPUTE_WAIT_MS shows `done`, not the `pending` of the commit.
 */
export async function currentRecomputation(deps: Deps, id: number) {
  const j = await deps.stores.calendar.recomputation(deps.db.reader, id);
  return j ? recomputationView(j) : null;
}

/** GET /api/calendar/recomputations/:id — where a load's recomputation stands (admin, like loading a year). */
export async function readRecomputation(deps: Deps, actor: Actor, id: number) {
  assertRole(actor, AREA_ROLES.calendar, '查看期限重新计算进度');
  const j = await deps.stores.calendar.recomputation(deps.db.reader, id);
  if (!j) throw unknownPathParam('id', '重新计算任务');
  return recomputationView(j);
}
