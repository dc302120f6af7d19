import { eventLabel } from '../../workflows/labels.ts';
import { availableEvents } from '../../workflows/procedure.ts';
import { challengedActorRefusal } from '../../workflows/rules.ts';
import { caseScope, caseSnapshot, loadCase } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { type Actor, caseEventRoles, eventsForActor } from '../policy.ts';

/** GET /api/cases/:id/next-events — what the case's state allows now; unless `all`, only what this actor may send. */
export async function nextEvents(deps: Deps, actor: Actor, id: number, opts: { all?: boolean } = {}) {
  const c = await loadCase(deps, deps.db.reader, id);
  const snap = caseSnapshot(c);
  const available = availableEvents(snap, deps.clock.today());
  const scope = caseScope(c, snap.context);
  // Rules Arts. 11–12: what the person challenged for recusal may not record until it is decided is not offered.
  const list = opts.all
    ? available
    : eventsForActor(actor, scope, available).filter(
        (t) => !challengedActorRefusal(snap.context, actor.id, t, deps.config.recusalUrgentEvents),
      );
  return list.map((t) => ({ type: t, label: eventLabel(t), roles: caseEventRoles(t, scope) }));
}
