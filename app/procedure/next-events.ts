import type { CaseRecord } from '../../db/stores/cases.ts';
import { computeFacts } from '../../workflows/deadlines.ts';
import { eventLabel } from '../../workflows/labels.ts';
import { eventAvailability } from '../../workflows/procedure.ts';
import type { EventType } from '../../workflows/procedure-types.ts';
import { challengedActorRefusal, deemWithdrawnNoticeRefusal, pendingSuits, RULES, type Violation } from '../../workflows/rules.ts';
import { caseScope, caseSnapshot, loadCase } from '../cases/case-state.ts';
import { namedRefusalDetail } from '../cases/views.ts';
import type { Deps } from '../deps.ts';
import { type Actor, caseEventRoles, eventsForActor } from '../policy.ts';
import { awardRefusedAsItStands } from './award-warnings.ts';
import { MEDIATION_DOCUMENT_MISSING, mediationDocumentIssued } from './mediation-document.ts';

/** Bracketed citations of articles (「（《…》第三十条）」, 「（第三十五条…第四十六条第（一）项）」) left out: the source gives them. */
const withoutCitations = (text: string) =>
  text.replace(/（[^（）]*(?:（[一二三四五六七八九十]+）[^（）]*)*）/g, (m) => (/第[一二三四五六七八九十百]+条/.test(m) ? '' : m));

/**
 * fixU57 #3: what an act held back by a certain refusal is told with — the rule's own words, and for a hearing whose
 * notice is not proven (or was late) the way on: a new hearing with its notice served (LDMAL Arts. 35–36; Rules Art. 39).
 * fixL58 #7: the articles are the `source` beside it, given once there (the case page prints it after the reason) — not
 * cited again in the reason's words.
 */
function blockedReason(v: Violation, c: CaseRecord): string {
  // fixM58 #1: the parties named as the 422 for the same rule names them (namedRefusalDetail), not numbered.
  // fixU59 #1: a refusal whose words cite articles in brackets (party-joined-after-hearing) is told without them here.
  const detail = withoutCitations(namedRefusalDetail(v.detail, c));
  if (v.rule === 'hearing-notice-not-proven' || v.rule === 'default-award-notice-not-proven')
    return `${detail}。请送达开庭通知后另行排期开庭`;
  if (v.rule === 'absence-notice-late') return `${detail}。请另行排期开庭，并按期送达开庭通知`;
  return detail;
}

/**
 * GET /api/cases/:id/next-events — what the case's state allows now; unless `all`, only what this actor may send.
 * With `blocked`, the acts the state allows but a rule refuses whatever is sent are listed after them, each with
 * `blocked: {rule, source, reason}` (fixU57 #3): the page says why they are not offered. s62 C #2: those the case itself
 * refuses (rules.ts PRECONDITIONS — the award limit extended once already, LDMAL Art. 43(1)) as well.
 */
export async function nextEvents(deps: Deps, actor: Actor, id: number, opts: { all?: boolean; blocked?: boolean } = {}) {
  const c = await loadCase(deps, deps.db.reader, id);
  const snap = caseSnapshot(c);
  const today = deps.clock.today();
  // s62 C #2: what the case itself refuses whatever is sent (rules.ts PRECONDITIONS: an award period already extended
  // once, LDMAL Art. 43(1); …) is held back with its rule, as the rules below — listed under `blocked`, not dropped.
  const availability = eventAvailability(snap, today);
  let available = availability.available;
  // legal49b L3: what the rules will refuse whatever the payload, where the check is cheap and certain, is not offered:
  // deemed withdrawal after a hearing whose written notice was not proven served on the absent applicant in time
  // (LDMAL Art. 36; Rules Art. 39). Judged today, as the form would send it.
  // The same for an award against an absent respondent (legal50a L1: absence-notice-late, default-award-notice-not-proven)
  // and for a referral to arbitration within a running mediation's 15 days (med50 L1: LDMAL Art. 14(3), mediation-15-days).
  const certain: [EventType, (ev: Parameters<typeof deemWithdrawnNoticeRefusal>[1]) => Violation | null][] = [
    ['DEEM_WITHDRAWN', (ev) => deemWithdrawnNoticeRefusal(snap.context, ev)],
    // fixU59 #1: and what refuses any award of the case as it stands (rules.ts awardCaseRefusal: an added party not
    // served, a respondent added after the last hearing unheard, a pending objection or recusal). s60 L3: one home with
    // the award preview's refusal (app/procedure/award-warnings.ts awardRefusedAsItStands).
    ['ISSUE_AWARD', (ev) => awardRefusedAsItStands(snap.context, ev)],
    ['PARTIAL_AWARD', (ev) => awardRefusedAsItStands(snap.context, ev)],
    [
      'REFER_TO_ARBITRATION',
      (ev) => {
        const r = RULES.REFER_TO_ARBITRATION?.(snap.context, ev);
        return r?.rule === 'mediation-15-days' ? r : null;
      },
    ],
  ];
  // s62: `precondition` — the case itself does not allow it now (a partial award before any hearing, a second extension
  // in one period): no one's act of the day makes it possible, so the page says so only to whoever does the act.
  const held: { type: EventType; violation: Violation; precondition?: true }[] = availability.held.map((h) => ({
    ...h,
    precondition: true as const,
  }));
  for (const [type, refused] of certain) {
    if (!available.includes(type)) continue;
    const cal = await deps.calendar.get(deps.db.reader);
    const { facts } = computeFacts(snap.context, { type, occurredOn: today, payload: {} }, cal, deps.periods, {
      absenceNoticeTimely: deps.config.absenceNoticeTimely,
      mediationDocumentByPost: deps.config.mediationDocumentByPost,
      intermediateCourt: deps.config.intermediateCourt,
    });
    const violation = refused({ type, occurredOn: today, payload: {}, facts });
    if (violation) {
      available = available.filter((t) => t !== type);
      held.push({ type, violation });
    }
  }
  const scope = caseScope(c, snap.context);
  // Rules Arts. 11–12: what the person challenged for recusal may not record until it is decided is not offered.
  const forActor = (types: EventType[]) =>
    opts.all
      ? types
      : eventsForActor(actor, scope, types).filter(
          (t) => !challengedActorRefusal(snap.context, actor.id, t, deps.config.recusalUrgentEvents),
        );
  const list = forActor(available);
  const blockedTypes = opts.blocked && held.length ? new Set(forActor(held.map((b) => b.type))) : new Set<EventType>();
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
  const offered = list.map((t) => ({
    type: t,
    label: t === 'SIGN_MEDIATION_DOCUMENT' && unsigned ? '当事人拒绝签收调解书（调解书尚未出具）' : label(t),
    roles: caseEventRoles(t, scope),
    ...(t === 'RECORD_COURT_OUTCOME' && suits.length ? { suits } : {}),
    ...(t === 'SIGN_MEDIATION_DOCUMENT' && unsigned ? { refusalOnly: true, note: MEDIATION_DOCUMENT_MISSING } : {}),
  }));
  const blocked = held
    .filter((b) => blockedTypes.has(b.type))
    .map(({ type, violation, precondition }) => ({
      type,
      label: label(type),
      roles: caseEventRoles(type, scope),
      blocked: {
        rule: violation.rule,
        source: violation.source,
        reason: blockedReason(violation, c),
        ...(precondition ? { precondition } : {}),
      },
    }));
  return [...offered, ...blocked];
}
