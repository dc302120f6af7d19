import type { Knex } from 'knex';
import { withAdvisoryLock } from '../../db/knex.ts';
import { clearMaintenance, maintenanceRequested } from '../../db/maintenance.ts';
import type { OfficialCalendar } from '../../workflows/calendar.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import type { Deadline } from '../../workflows/deadlines.ts';
import { computeDeadlines } from '../../workflows/deadlines.ts';
import { defensePeriodWarnings, earliestDefenseEnds } from '../../workflows/hearings.ts';
import type { Periods } from '../../workflows/periods.ts';
import { forEachCaseLocked } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';

/**
 * s60 L, s61 D (LDMAL Art. 30: the respondent answers within ten days of receiving the copy of the application; Rules
 * Art. 80: working days; Rules Art. 44: again after a change of claims; Rules Art. 58: shortened with consent): the hearing
 * calendar's flag of a case's session still to be held (`hearings.before_answer_period_ends`) — the session's day falls
 * on or before the day a respondent's answer period can end, that respondent having neither filed its defence nor waived
 * the period (workflows/hearings.ts `defensePeriodWarnings`, `hearing`). The ONE judgement of the flag: every procedure
 * event that can change it (app/procedure/apply-event.ts), the daily sweep and a calendar year's recomputation
 * (app/time/sweep.ts) and the maintenance task `reflag_answer_periods` (below) call this.
 *
 * `on`: the day judged on — an act's day for an event, today for the sweep and the task. A period not yet begun (a
 * respondent not yet served) ends at the earliest as if the copy were served that day, on the commission's calendar
 * (`earliestDefenseEnd`), so the judgement moves with the day while the respondent stays unserved. `deadlines`: the case's
 * deadlines as they now stand (workflows/deadlines.ts `computeDeadlines`). False when there is no session to be held, or
 * the case is closed or not an arbitration.
 */
export function answerPeriodFlag(
  ctx: MachineContext,
  deadlines: Parameters<typeof defensePeriodWarnings>[2],
  on: string,
  cal: OfficialCalendar,
  periods: Pick<Periods, 'defense'>,
): boolean {
  const pending = ctx.hearing && ctx.track === 'arbitration' && !ctx.closure ? ctx.hearing : null;
  if (!pending) return false;
  return (
    defensePeriodWarnings(
      ctx,
      pending.hearingOn,
      deadlines,
      on,
      'hearing',
      earliestDefenseEnds(on, cal, ctx, periods),
      pending.answerPeriodWaived ?? [],
    ).length > 0
  );
}

/**
 * Writes the flag of the case's session to be held, as `answerPeriodFlag` judges it on `today`, inside the caller's
 * transaction with the case row already locked and read (`ctx`, `deadlines` of that read). Derived data, like the
 * deadlines the sweep writes: no new case version, no history entry, no audit row (docs/architecture.md). Returns whether
 * the stored flag changed.
 */
export async function reflagCase(
  deps: Pick<Deps, 'stores' | 'periods'>,
  trx: Knex,
  caseId: number,
  ctx: MachineContext,
  deadlines: readonly Deadline[],
  today: string,
  cal: OfficialCalendar,
): Promise<boolean> {
  return deps.stores.hearings.flagAnswerPeriod(trx, caseId, answerPeriodFlag(ctx, deadlines, today, cal, deps.periods));
}

/** Cases read per page (keyset pagination on the case id). */
const PAGE = 500;

/**
 * The maintenance task `reflag_answer_periods` (db/maintenance.ts APPLICATION_TASKS): the flag of every case with a
 * session still to be held judged again on `today` — sessions stored before migration 0061, sessions rebuilt by
 * `backfill_hearings` (which stores them unflagged). Keyset-paged over the cases with a scheduled session; each case in its
 * own unit of work with its row locked and read inside it (as the deadline sweep does), so an event committing meanwhile
 * is waited for and never overwritten with the judgement of before it. `stop` is asked between cases.
 */
export async function reflagAnswerPeriods(
  deps: Deps,
  opts: { today?: string; stop?: () => boolean } = {},
): Promise<{ cases: number; changed: number; stopped?: true }> {
  const today = opts.today ?? deps.clock.today();
  return forEachCaseLocked(
    deps,
    (after) => deps.stores.hearings.casesWithPending(deps.db.reader, after, PAGE),
    async (uow, c, ctx) => {
      const cal = await deps.calendar.get(uow.trx);
      const deadlines = computeDeadlines(ctx, cal, deps.periods, today);
      return reflagCase(deps, uow.trx, c.id, ctx, deadlines, today, cal);
    },
    opts.stop,
  );
}

/**
 * A request to judge every flag again (`reflag_answer_periods`: migration 20261226_0062 for the sessions stored before
 * the flag was kept; db/maintenance.ts after `backfill_hearings`): run once the server has started, then cleared; null
 * when none was asked for. Many processes on one PostgreSQL start together: one of them runs it (advisory lock
 * `answerFlagReflag`, not waited for); the others go on serving. Asked again at every scheduler tick, so a request left by
 * a run that stopped half-way (a shutdown) or lost its lock is taken up without a restart. Safe beside the running server
 * and again (each case in its own unit of work; a flag already right is not written).
 */
export async function runRequestedReflag(
  deps: Deps,
  opts: { stop?: () => boolean } = {},
): Promise<{ cases: number; changed: number } | null> {
  if (!(await maintenanceRequested(deps.db.knex, 'reflag_answer_periods'))) return null;
  const held = await withAdvisoryLock(
    deps.db,
    'answerFlagReflag',
    async (lease) => {
      // Asked again under the lock: another process may have done it between the first question and the lock.
      if (!(await maintenanceRequested(deps.db.knex, 'reflag_answer_periods'))) return null;
      const r = await reflagAnswerPeriods(deps, { stop: () => opts.stop?.() === true || lease.lost() });
      if (r.stopped) return null;
      lease.assertHeld();
      await clearMaintenance(deps.db.knex, 'reflag_answer_periods');
      return r;
    },
    { wait: false },
  );
  return held.acquired ? held.value : null;
}
