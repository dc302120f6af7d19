import type { EventType } from './procedure-types.ts';
import type { Role } from './reference.ts';

/**
 * Who may send each procedure event (api.md "Procedure events"). Arbitrators act only on cases of their
 * own tribunal (checked by the server once a tribunal exists).
 */
export const EVENT_ROLES: Record<EventType, readonly Role[]> = {
  REQUEST_SUPPLEMENT: ['clerk'],
  SUPPLEMENT_RECEIVED: ['clerk'],
  ACCEPT: ['clerk'],
  REJECT: ['clerk'],
  SERVE: ['clerk'],
  FILE_DEFENSE: ['clerk'],
  SHORTEN_DEFENSE_PERIOD: ['arbitrator'],
  FILE_COUNTERCLAIM: ['clerk'],
  RECORD_REPRESENTATIVES: ['clerk'],
  FORM_TRIBUNAL: ['chair'],
  RECUSE_ARBITRATOR: ['chair'],
  SCHEDULE_HEARING: ['arbitrator', 'clerk'],
  POSTPONE_HEARING: ['arbitrator'],
  HOLD_HEARING: ['arbitrator'],
  START_MEDIATION: ['arbitrator', 'mediator'],
  MEDIATION_AGREED: ['arbitrator', 'mediator'],
  MEDIATION_FAILED: ['arbitrator', 'mediator'],
  SIGN_MEDIATION_DOCUMENT: ['clerk'],
  REFER_TO_ARBITRATION: ['mediator', 'clerk'],
  SUSPEND: ['chair'],
  RESUME: ['chair'],
  EXTEND_TIME_LIMIT: ['chair'],
  CONVERT_TO_ORDINARY: ['arbitrator', 'chair'],
  ADVANCE_EXECUTION: ['arbitrator'],
  PARTIAL_AWARD: ['arbitrator'],
  ISSUE_AWARD: ['arbitrator'],
  WITHDRAW: ['clerk'],
  DEEM_WITHDRAWN: ['arbitrator'],
  TERMINATE: ['chair'],
  RECORD_LAWSUIT: ['clerk'],
  RECORD_SET_ASIDE: ['clerk'],
  RECORD_COURT_OUTCOME: ['clerk'],
  MARK_EFFECTIVE: ['clerk'],
  TRANSFER_TO_COURT: ['clerk'],
  ARCHIVE: ['clerk'],
  // The chair before a tribunal exists, a member of the tribunal after it; on the mediation track the chair or clerk
  // (the finer rule is the server's policy, app/policy.ts).
  ASSIGN_MEDIATOR: ['chair', 'arbitrator', 'clerk'],
  // Round 2 (issue 11 "Missing").
  CHANGE_CLAIMS: ['clerk', 'arbitrator'],
  ADD_PARTY: ['arbitrator', 'clerk'],
  REFER_ELSEWHERE: ['clerk'],
  ACCEPT_TRANSFER: ['clerk'],
  RAISE_JURISDICTION_OBJECTION: ['clerk'],
  DECIDE_JURISDICTION_OBJECTION: ['chair'],
  TRANSFER_CASE: ['chair'],
  APPLY_RECUSAL: ['clerk'],
  DECIDE_RECUSAL: ['chair'],
  SET_EVIDENCE_PERIOD: ['arbitrator', 'clerk'],
  EXTEND_EVIDENCE_PERIOD: ['arbitrator'],
  RECORD_LATE_EVIDENCE: ['arbitrator'],
  RECORD_REPRESENTED_CONSENT: ['clerk'],
  ACCEPT_REVIEW: ['clerk'],
  REJECT_REVIEW: ['clerk'],
  CONFIRM_AGREEMENT: ['arbitrator'],
  REFUSE_CONFIRMATION: ['arbitrator'],
  APPLY_ENFORCEMENT: ['clerk'],
  RECORD_ENFORCEMENT_OUTCOME: ['clerk'],
  // void44: the clerk who registered the case (app/policy.ts asks that of a clerk) or the chair.
  VOID_REGISTRATION: ['clerk', 'chair'],
  // feat52: the power of attorney (LDMAL Art. 24) or the written notice revoking it is received by the commission's
  // staff: the clerk, or an arbitrator of the case's tribunal (as ADD_PARTY and CHANGE_CLAIMS).
  APPOINT_AGENT: ['clerk', 'arbitrator'],
  REVOKE_AGENT: ['clerk', 'arbitrator'],
};

/** Events an arbitrator may send only when sitting on the case's tribunal. */
export const TRIBUNAL_ONLY_FOR_ARBITRATORS = true;
