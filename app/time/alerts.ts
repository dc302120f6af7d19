import type { Knex } from 'knex';
import { daysBetween } from '../../workflows/dates.ts';
import type { Deadline } from '../../workflows/deadlines.ts';
import type { Deps } from '../deps.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';

/**
 * GET /api/alerts — the award-clock alerts recorded (T-10, T-5, T-1, overdue) by the daily sweep (app/time/sweep.ts) or
 * by the write that brought the deadline there (`recordAlerts`, legal53b L2) that still stand, one per case (its latest): the header's 审限提醒. An arbitrator sees its tribunal's cases, the clerk,
 * the chair and the admin all. Overdue first, then by due date. LDMAL Art. 43 (the 45-day award clock).
 */
export async function awardClockAlerts(deps: Deps, actor: Actor, q: { page: number; pageSize: number }) {
  assertRole(actor, AREA_ROLES.alerts, '查看审限提醒');
  const k = deps.db.reader;
  const today = deps.clock.today();
  const all = (await deps.stores.deadlines.standingAwardAlerts(k, actor.role === 'arbitrator' ? { arbitratorId: actor.id } : {})).sort(
    (x, y) => (x.status === y.status ? 0 : x.status === 'overdue' ? -1 : 1) || x.dueOn.localeCompare(y.dueOn) || x.caseId - y.caseId,
  );
  const list = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const ids = list.map((a) => a.caseId);
  const heads = await deps.stores.caseSummaries.headlines(k, ids);
  return {
    items: list.map((a) => ({
      ...a,
      caseNo: heads.get(a.caseId)?.caseNo ?? null,
      applicantNames: heads.get(a.caseId)?.applicantNames ?? [],
      daysLeft: daysBetween(today, a.dueOn),
    })),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    overdue: all.filter((a) => a.status === 'overdue').length,
  };
}

/** Alerts for the award clock before it runs out (domain.md §16.1 item 16: T-10, T-5, T-1) and when overdue. */
export const AWARD_ALERTS = [10, 5, 1];

/**
 * The alerts a deadline has reached on `today`: `overdue` for any deadline overdue, T-10/T-5/T-1 for the award clock
 * (LDMAL Art. 43) within that many days — each recorded once (db/stores/deadlines.ts `alert`).
 */
export function alertThresholds(d: Deadline, today: string): string[] {
  if (!d.dueOn || (d.status !== 'open' && d.status !== 'overdue')) return [];
  if (d.status === 'overdue') return ['overdue'];
  const left = daysBetween(today, d.dueOn);
  return d.kind === 'award' ? AWARD_ALERTS.filter((n) => left <= n).map((n) => `T-${n}`) : [];
}

/**
 * Records the alerts the case's deadlines have reached, in the caller's transaction — by the daily sweep, and by every
 * write that computes the deadlines (legal53b L2: an act entered late that makes the award limit overdue shows in
 * GET /api/alerts at once, as in /api/deadlines, not after the next sweep). Nothing is kept per process. Answers how many
 * were new; no statement when no threshold is reached.
 */
export async function recordAlerts(
  deps: Deps,
  trx: Knex,
  caseId: number,
  deadlines: readonly Deadline[],
  today: string,
  now: string,
): Promise<number> {
  let recorded = 0;
  for (const row of reachedAlerts(caseId, deadlines, today, now)) if (await deps.stores.deadlines.alert(trx, row)) recorded++;
  return recorded;
}

/** The alert rows the case's deadlines have reached on `today` — what `recordAlerts` and `queueAlerts` write. */
function* reachedAlerts(caseId: number, deadlines: readonly Deadline[], today: string, now: string) {
  for (const d of deadlines)
    for (const threshold of alertThresholds(d, today)) yield { caseId, kind: d.kind, threshold, dueOn: d.dueOn as string, now };
}

/**
 * `recordAlerts` for a write that computed the deadlines (a procedure event, a registration correction; legal53b L2):
 * the same alerts, each queued with the write's other statements (db/stores/deadlines.ts `alertLater`) — nobody reads
 * how many were new, and a late-entered act whose duties are overdue costs no trip per alert.
 */
export async function queueAlerts(
  deps: Deps,
  trx: Knex,
  caseId: number,
  deadlines: readonly Deadline[],
  today: string,
  now: string,
): Promise<void> {
  for (const row of reachedAlerts(caseId, deadlines, today, now)) await deps.stores.deadlines.alertLater(trx, row);
}
