import { withAdvisoryLock } from '../../db/knex.ts';
import { clearMaintenance, maintenanceRequested } from '../../db/maintenance.ts';
import { computeDeadlines } from '../../workflows/deadlines.ts';
import { forEachCaseLocked, projectStats } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { HEARTBEAT_ALIVE_MS } from '../service/status.ts';
import { instanceName } from '../time/sweep.ts';

/** Cases read per page (keyset pagination on the id: no scan of every id up front, constant memory). */
const PAGE = 500;

/**
 * Re-derives every case's statistical facts with today's definitions (after a change of definition such as the
 * worker count or the yearbook facts of issue 18) and records the differences as of now, through the same projection
 * every write uses: a case whose facts did not change is untouched; one that did gets a new row version and counter
 * deltas stamped today, so figures `asOf` an earlier day still read as they were published. Each case in its own unit
 * of work with the case row locked and read inside it (as the sweep does): safe next to a running server, an event
 * committing meanwhile is waited for, never overwritten with the facts of before it.
 */
export async function reprojectStatistics(
  deps: Deps,
  /** `stop`: asked between cases (a process shutting down); the run then ends with `stopped: true`, not finished. */
  opts: { stop?: () => boolean } = {},
): Promise<{ cases: number; changed: number; stopped?: true }> {
  const cal = await deps.calendar.get();
  return forEachCaseLocked(
    deps,
    (after) => deps.stores.cases.idPage(deps.db.reader, after, PAGE),
    async (uow, c, ctx) => {
      const deadlines = computeDeadlines(ctx, cal, deps.periods, uow.today);
      const before = await deps.stores.stats.current(uow.trx, c.id);
      await projectStats(deps, uow.trx, c, ctx, deadlines, uow.now);
      const now = await deps.stores.stats.current(uow.trx, c.id);
      return before?.rowId !== now?.rowId;
    },
    opts.stop,
  );
}

/**
 * A migration's request to re-derive the statistics (`reproject_statistics`, e.g. 20261219_0055): run once the server
 * has started, with the current definitions, then cleared; null when none was asked for. Safe beside the running server
 * (each case in its own unit of work), and again if two processes start together (a case whose facts are current is left
 * untouched). It waits while a process of another version is alive (its heartbeat), and is asked again at every
 * scheduler tick, so a request left by a stopped run or a lost lock is taken up without a restart.
 */
export async function runRequestedReprojection(
  deps: Deps,
  opts: { stop?: () => boolean } = {},
): Promise<{ cases: number; changed: number } | null> {
  if (!(await maintenanceRequested(deps.db.knex, 'reproject_statistics'))) return null;
  // Reviewer s55 B M2: a process of an earlier version still writing (a rolling start not finished) would record the
  // earlier definition for every case it touches after the run: the run waits until every live process runs this code
  // (their heartbeats say which, service_heartbeats.code_version). The request stays and is asked again at the
  // scheduler's next tick (server/scheduler.ts) or the next start. SQLite has one process.
  if (deps.db.dialect === 'postgres') {
    const since = new Date(deps.clock.now().getTime() - HEARTBEAT_ALIVE_MS).toISOString();
    const others = await deps.stores.housekeeping.otherVersionsSeen(deps.db.knex, since, instanceName());
    if (others.length) {
      deps.logger.info({ processes: others.length }, 'statistics re-projection waits: a process of another version is still running');
      return null;
    }
  }
  // Many processes on one PostgreSQL start together: one of them re-projects (a background job takes an advisory lock);
  // the others go on serving — the holder clears the request when it is done, or leaves it for the next start.
  const held = await withAdvisoryLock(
    deps.db,
    'statReprojection',
    async (lease) => {
      // Asked again under the lock: another process may have done it between the first question and the lock.
      if (!(await maintenanceRequested(deps.db.knex, 'reproject_statistics'))) return null;
      const r = await reprojectStatistics(deps, opts);
      // Stopped half-way (a shutdown): the request stays for the next tick or start, which goes over every case again.
      if (r.stopped) return null;
      lease.assertHeld();
      await clearMaintenance(deps.db.knex, 'reproject_statistics');
      return r;
    },
    { wait: false },
  );
  return held.acquired ? held.value : null;
}
