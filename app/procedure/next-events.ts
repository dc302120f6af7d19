import { eventLabel } from '../../workflows/labels.ts';
import { availableEvents } from '../../workflows/procedure.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import { caseScope, caseSnapshot, loadCase } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { type Actor, eventsForActor } from '../policy.ts';

/** GET /api/cases/:id/next-events — what the case's state allows now; unless `all`, only what this actor may send. */
export async function nextEvents(deps: Deps, actor: Actor, id: number, opts: { all?: boolean } = {}) {
  const c = await loadCase(deps, deps.db.reader, id);
  const snap = caseSnapshot(c);
  const available = availableEvents(snap, deps.clock.today());
  const list = opts.all ? available : eventsForActor(actor, caseScope(c, snap.context), available);
  return list.map((t) => ({ type: t, label: eventLabel(t), roles: [...EVENT_ROLES[t]] }));
}
