import { withAdvisoryLock } from '../../db/knex.ts';
import { clearMaintenance, maintenanceRequested } from '../../db/maintenance.ts';
import { computeDeadlines } from '../../workflows/deadlines.ts';
import { caseSnapshot, loadCase, projectStats } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { inTransaction } from '../unit-of-work.ts';

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
export async function reprojectStatistics(deps: Deps): Promise<{ cases: number; changed: number }> {
  const cal = await deps.calendar.get();
  let cases = 0;
  let changed = 0;
  for (let after = 0; ; ) {
    const ids = await deps.stores.cases.idPage(deps.db.reader, after, PAGE);
    if (!ids.length) break;
    for (const id of ids) {
      await inTransaction(deps, async (uow) => {
        const c = await loadCase(deps, uow.trx, id, { forUpdate: true });
        const ctx = caseSnapshot(c).context;
        const deadlines = computeDeadlines(ctx, cal, deps.periods, uow.today);
        const before = await deps.stores.stats.current(uow.trx, id);
        await projectStats(deps, uow.trx, c, ctx, deadlines, uow.now);
        const now = await deps.stores.stats.current(uow.trx, id);
        if (before?.rowId !== now?.rowId) changed++;
      });
    }
    cases += ids.length;
    after = ids.at(-1) as number;
  }
  return { cases, changed };
}

/**
 * A migration's request to re-derive the statistics (`reproject_statistics`, e.g. 20261219_0055): run once the server
 * has started, with the current definitions, then cleared; null when none was asked for. Safe beside the running server
 * (each case in its own unit of work), and again if two processes start together (a case whose facts are current is left
 * untouched). Every process of the earlier version must be stopped first (README "Statistics"): one still writing
 * afterwards would record the old definition for the cases it touches.
 */
export async function runRequestedReprojection(deps: Deps): Promise<{ cases: number; changed: number } | null> {
  if (!(await maintenanceRequested(deps.db.knex, 'reproject_statistics'))) return null;
  // Many processes on one PostgreSQL start together: one of them re-projects (a background job takes an advisory lock);
  // the others go on serving — the holder clears the request when it is done, or leaves it for the next start.
  const held = await withAdvisoryLock(
    deps.db,
    'statReprojection',
    async (lease) => {
      // Asked again under the lock: another process may have done it between the first question and the lock.
      if (!(await maintenanceRequested(deps.db.knex, 'reproject_statistics'))) return null;
      const r = await reprojectStatistics(deps);
      lease.assertHeld();
      await clearMaintenance(deps.db.knex, 'reproject_statistics');
      return r;
    },
    { wait: false },
  );
  return held.acquired ? held.value : null;
}
