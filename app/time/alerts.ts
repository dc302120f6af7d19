import { daysBetween } from '../../workflows/dates.ts';
import type { Deps } from '../deps.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';

/**
 * GET /api/alerts — the award-clock alerts the daily sweep recorded (T-10, T-5, T-1, overdue; app/time/sweep.ts) that
 * still stand, one per case (its latest): the header's 审限提醒. An arbitrator sees its tribunal's cases, the clerk,
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
