import type { OfficialCalendar } from '../../workflows/calendar.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { awardClock } from '../../workflows/deadlines.ts';
import { eventLabel } from '../../workflows/labels.ts';
import type { Periods } from '../../workflows/periods.ts';
import { availableEvents } from '../../workflows/procedure.ts';
import type { EventType } from '../../workflows/procedure-types.ts';
import { challengedActorRefusal } from '../../workflows/rules.ts';
import { caseScope, caseSnapshot, loadCase } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { type Actor, caseEventRoles, eventsForActor } from '../policy.ts';

/** GET /api/cases/:id/next-events — what the case's state allows now; unless `all`, only what this actor may send. */
export async function nextEvents(deps: Deps, actor: Actor, id: number, opts: { all?: boolean } = {}) {
  const c = await loadCase(deps, deps.db.reader, id);
  const snap = caseSnapshot(c);
  const today = deps.clock.today();
  const available = await offeredToday(deps, snap.context, availableEvents(snap, today), today);
  const scope = caseScope(c, snap.context);
  // Rules Arts. 11–12: what the person challenged for recusal may not record until it is decided is not offered.
  const list = opts.all
    ? available
    : eventsForActor(actor, scope, available).filter(
        (t) => !challengedActorRefusal(snap.context, actor.id, t, deps.config.recusalUrgentEvents),
      );
  return list.map((t) => ({ type: t, label: eventLabel(t), roles: caseEventRoles(t, scope) }));
}

/**
 * legalfixB L1: the acts the award limit refuses once it has run out are not offered — EXTEND_TIME_LIMIT (LDMAL Art.
 * 43(1); Rules Art. 45: approved before the limit runs out, rules.ts extension-before-deadline) and CONVERT_TO_ORDINARY
 * (Rules Art. 61, convert-before-deadline) — judged as those rules judge them: the award clock on the provisional view
 * of the calendar (workflows/deadlines.ts computeFacts), as of today. A suspended case whose limit ran before the
 * suspension offered an extension that was then refused.
 */
export function withoutActsAfterLimit(
  ctx: MachineContext,
  events: EventType[],
  cal: OfficialCalendar,
  periods: Periods,
  today: string,
): EventType[] {
  if (ctx.track === 'review' || !events.some((t) => LIMIT_BOUND.includes(t))) return events;
  const due = awardClock(ctx, cal.provisionalView(), periods, today)?.dueOn;
  return due && today > due ? events.filter((t) => !LIMIT_BOUND.includes(t)) : events;
}
const LIMIT_BOUND: EventType[] = ['EXTEND_TIME_LIMIT', 'CONVERT_TO_ORDINARY'];

async function offeredToday(deps: Deps, ctx: MachineContext, events: EventType[], today: string): Promise<EventType[]> {
  if (!events.some((t) => LIMIT_BOUND.includes(t))) return events;
  return withoutActsAfterLimit(ctx, events, await deps.calendar.get(), deps.periods, today);
}
