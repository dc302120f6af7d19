import type { CaseRecord } from '../db/stores/cases.ts';
import { caseSnapshot, projectStats, recomputeDeadlines } from './case-state.ts';
import type { Deps } from './deps.ts';

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
 * Recomputes the deadlines of every case not yet archived that still has a deadline not met, for `today` (statuses move with time; a newly
 * loaded calendar year fills unknown dates) and records award-clock alerts once each. Running it twice on
 * the same day changes nothing the second time.
 */
export async function sweepDeadlines(deps: Deps, today: string): Promise<SweepResult> {
  const { db, stores, clock } = deps;
  // Only cases with a deadline that can still move (not yet met): a closed case whose deadlines are all met has
  // nothing to refresh, and at a province's scale those are almost all cases.
  const ids = (
    await db
      .knex('cases')
      .whereNot('state', 'archived')
      .whereIn('id', db.knex('case_deadlines').whereNot('status', 'met').select('case_id'))
      .select('id')
      .orderBy('id')
  ).map((r) => Number(r.id));
  const result: SweepResult = { cases: ids.length, deadlinesChanged: 0, alertsRecorded: 0, overdue: 0 };
  for (const id of ids) {
    await db.knex.transaction(async (trx) => {
      const c = (await stores.cases.load(trx, id)) as CaseRecord;
      const before = JSON.stringify(await stores.deadlines.forCase(trx, id));
      const ctx = caseSnapshot(c).context;
      const after = await recomputeDeadlines(deps, trx, id, ctx, today);
      // A newly loaded calendar year can give an award clock its due date: keep the statistics in step.
      await projectStats(deps, trx, c, ctx, after, clock.now().toISOString());
      if (JSON.stringify(await stores.deadlines.forCase(trx, id)) !== before) result.deadlinesChanged++;
      for (const d of after) {
        if (d.status === 'overdue') result.overdue++;
        if (!d.dueOn || (d.status !== 'open' && d.status !== 'overdue')) continue;
        const left = daysUntil(today, d.dueOn);
        const thresholds =
          d.status === 'overdue' ? ['overdue'] : d.kind === 'award' ? AWARD_ALERTS.filter((n) => left <= n).map((n) => `T-${n}`) : [];
        for (const threshold of thresholds) {
          if (await stores.deadlines.alert(trx, { caseId: id, kind: d.kind, threshold, dueOn: d.dueOn, now: clock.now().toISOString() }))
            result.alertsRecorded++;
        }
      }
    });
  }
  return result;
}

/** Runs the sweep once a day inside the server (after `hour` o'clock China time), checking every 10 minutes. */
export function startScheduler(deps: Deps, hour: number): () => void {
  let lastDay = '';
  const tick = async () => {
    const today = deps.clock.today();
    const cstHour = (deps.clock.now().getUTCHours() + 8) % 24;
    if (today === lastDay || cstHour < hour) return;
    lastDay = today;
    try {
      const r = await sweepDeadlines(deps, today);
      deps.logger.info({ ...r, today }, 'deadline sweep');
    } catch (err) {
      lastDay = '';
      deps.logger.error({ err }, 'deadline sweep failed');
    }
  };
  const timer = setInterval(() => void tick(), 10 * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
