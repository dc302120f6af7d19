import { computeFacts } from '../../workflows/deadlines.ts';
import { eventLabel } from '../../workflows/labels.ts';
import { availableEvents } from '../../workflows/procedure.ts';
import type { EventType } from '../../workflows/procedure-types.ts';
import {
  challengedActorRefusal,
  deemWithdrawnNoticeRefusal,
  defaultAwardNoticeRefusal,
  pendingSuits,
  RULES,
} from '../../workflows/rules.ts';
import { caseScope, caseSnapshot, loadCase } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { type Actor, caseEventRoles, eventsForActor } from '../policy.ts';
import { MEDIATION_DOCUMENT_MISSING, mediationDocumentIssued } from './mediation-document.ts';

/** GET /api/cases/:id/next-events — what the case's state allows now; unless `all`, only what this actor may send. */
export async function nextEvents(deps: Deps, actor: Actor, id: number, opts: { all?: boolean } = {}) {
  const c = await loadCase(deps, deps.db.reader, id);
  const snap = caseSnapshot(c);
  const today = deps.clock.today();
  let available = availableEvents(snap, today);
  // legal49b L3: what the rules will refuse whatever the payload, where the check is cheap and certain, is not offered:
  // deemed withdrawal after a hearing whose written notice was not proven served on the absent applicant in time
  // (LDMAL Art. 36; Rules Art. 39). Judged today, as the form would send it.
  // The same for an award against an absent respondent (legal50a L1: absence-notice-late, default-award-notice-not-proven)
  // and for a referral to arbitration within a running mediation's 15 days (med50 L1: LDMAL Art. 14(3), mediation-15-days).
  const certain: [EventType, (ev: Parameters<typeof deemWithdrawnNoticeRefusal>[1]) => boolean][] = [
    ['DEEM_WITHDRAWN', (ev) => deemWithdrawnNoticeRefusal(snap.context, ev) !== null],
    ['ISSUE_AWARD', (ev) => defaultAwardNoticeRefusal(snap.context, ev) !== null],
    ['PARTIAL_AWARD', (ev) => defaultAwardNoticeRefusal(snap.context, ev) !== null],
    ['REFER_TO_ARBITRATION', (ev) => RULES.REFER_TO_ARBITRATION?.(snap.context, ev)?.rule === 'mediation-15-days'],
  ];
  for (const [type, refused] of certain) {
    if (!available.includes(type)) continue;
    const cal = await deps.calendar.get(deps.db.reader);
    const { facts } = computeFacts(snap.context, { type, occurredOn: today, payload: {} }, cal, deps.periods, {
      absenceNoticeTimely: deps.config.absenceNoticeTimely,
      mediationDocumentByPost: deps.config.mediationDocumentByPost,
      intermediateCourt: deps.config.intermediateCourt,
    });
    if (refused({ type, occurredOn: today, payload: {}, facts })) available = available.filter((t) => t !== type);
  }
  const scope = caseScope(c, snap.context);
  // Rules Arts. 11–12: what the person challenged for recusal may not record until it is decided is not offered.
  const list = opts.all
    ? available
    : eventsForActor(actor, scope, available).filter(
        (t) => !challengedActorRefusal(snap.context, actor.id, t, deps.config.recusalUrgentEvents),
      );
  // A review's withdrawal is of the application for review (Rules Art. 79; legal49c L2), as the web client names it.
  const label = (t: EventType) => (t === 'WITHDRAW' && snap.context.track === 'review' ? '撤回仲裁审查申请' : eventLabel(t));
  // legal49c H2: a court outcome ends one suit — the suits it may name.
  const suits = pendingSuits(snap.context).map((l) => ({ partyId: l.partyId, court: l.court, filedOn: l.filedOn }));
  // med51 H1 (LDMAL Art. 42(3); Rules Art. 77): before the 调解书 is issued no one signs for it — the act is offered only
  // to record a party going back on the agreement (refused), and says why.
  // As apply-event.ts: once a party has signed, the others sign too.
  const unsigned =
    list.includes('SIGN_MEDIATION_DOCUMENT') &&
    !snap.context.mediation?.signatures.length &&
    !(await mediationDocumentIssued(deps, deps.db.reader, id, snap.context));
  return list.map((t) => ({
    type: t,
    label: t === 'SIGN_MEDIATION_DOCUMENT' && unsigned ? '当事人拒绝签收调解书（调解书尚未出具）' : label(t),
    roles: caseEventRoles(t, scope),
    ...(t === 'RECORD_COURT_OUTCOME' && suits.length ? { suits } : {}),
    ...(t === 'SIGN_MEDIATION_DOCUMENT' && unsigned ? { refusalOnly: true, note: MEDIATION_DOCUMENT_MISSING } : {}),
  }));
}
