import { computeDeadlines } from '../../workflows/deadlines.ts';
import { caseSnapshot, projectStats } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';

/**
 * Re-derives every case's statistical facts with today's definitions (after a change of definition such as the
 * worker count or the yearbook facts of issue 18) and records the differences as of now, through the same projection
 * every write uses: a case whose facts did not change is untouched; one that did gets a new row version and counter
 * deltas stamped today, so figures `asOf` an earlier day still read as they were published.
 */
export async function reprojectStatistics(deps: Deps): Promise<{ cases: number; changed: number }> {
  const knex = deps.db.knex;
  const cal = await deps.calendar.get();
  const ids = (await knex('cases').select('id').orderBy('id')).map((r) => Number(r.id));
  let changed = 0;
  for (const id of ids) {
    await knex.transaction(async (trx) => {
      const c = await deps.stores.cases.load(trx, id);
      if (!c) return;
      const ctx = caseSnapshot(c).context;
      const before = await deps.stores.stats.current(trx, id);
      await projectStats(deps, trx, c, ctx, computeDeadlines(ctx, cal, deps.periods, deps.clock.today()), deps.clock.now().toISOString());
      const after = await deps.stores.stats.current(trx, id);
      if (before?.rowId !== after?.rowId) changed++;
    });
  }
  return { cases: ids.length, changed };
}
