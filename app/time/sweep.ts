import { caseSnapshot, loadCase, projectStats, storeDeadlines } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { inTransaction } from '../unit-of-work.ts';

/** Alerts for the award clock before it runs out (domain.md §16.1 item 16: T-10, T-5, T-1) and when overdue. */
export const AWARD_ALERTS = [10, 5, 1];

export interface SweepResult {
  cases: number;
  deadlinesChanged: number;
  alertsRecorded: number;
  overdue: number;
}

const daysUntil = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The daily deadline sweep: recomputes the deadlines of every case not yet archived that still has a deadline not
 * met, for `today` (statuses move with time; a newly loaded calendar year fills unknown dates), keeps the statistics
 * in step, and records award-clock alerts once each. Each case in its own unit of work, the case row locked and
 * re-read inside it. Running it twice on the same day changes nothing the second time.
 */
export async function sweepDeadlines(deps: Deps, today: string): Promise<SweepResult> {
  const { db, stores } = deps;
  // Only cases with a deadline that can still move (not yet met): a closed case whose deadlines are all met has
  // nothing to refresh, and at a province's scale those are almost all cases.
  const ids = (
    await db
      .reader('cases')
      .whereNot('state', 'archived')
      // …and every case with a provisional date (api.md v1.1), met or not, so that a loaded year makes it exact.
      .whereIn(
        'id',
        db
          .reader('case_deadlines')
          .where((w) => w.whereNotIn('status', ['met', 'met_late']).orWhere('provisional', true))
          .select('case_id'),
      )
      .select('id')
      .orderBy('id')
  ).map((r) => Number(r.id));
  const result: SweepResult = { cases: ids.length, deadlinesChanged: 0, alertsRecorded: 0, overdue: 0 };
  for (const id of ids) {
    await inTransaction(deps, async (uow) => {
      const c = await loadCase(deps, uow.trx, id, { forUpdate: true });
      const before = JSON.stringify(await stores.deadlines.forCase(uow.trx, id));
      const ctx = caseSnapshot(c).context;
      const cal = await deps.calendar.get(uow.trx);
      const after = await storeDeadlines(deps, uow.trx, id, ctx, cal, today);
      // A newly loaded calendar year can give an award clock its due date: keep the statistics in step.
      await projectStats(deps, uow.trx, c, ctx, after, uow.now);
      if (JSON.stringify(await stores.deadlines.forCase(uow.trx, id)) !== before) result.deadlinesChanged++;
      for (const d of after) {
        if (d.status === 'overdue') result.overdue++;
        if (!d.dueOn || (d.status !== 'open' && d.status !== 'overdue')) continue;
        const left = daysUntil(today, d.dueOn);
        const thresholds =
          d.status === 'overdue' ? ['overdue'] : d.kind === 'award' ? AWARD_ALERTS.filter((n) => left <= n).map((n) => `T-${n}`) : [];
        for (const threshold of thresholds) {
          if (await stores.deadlines.alert(uow.trx, { caseId: id, kind: d.kind, threshold, dueOn: d.dueOn, now: uow.now }))
            result.alertsRecorded++;
        }
      }
    });
  }
  return result;
}
