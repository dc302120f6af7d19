import type { ClassifiedItem, Finality } from './finality.ts';
import type { ClaimCategory } from './reference.ts';

/** Every procedure event type the machine knows (api.md vocabulary plus extensions). */
export const EVENT_TYPES = [
  'REQUEST_SUPPLEMENT',
  'SUPPLEMENT_RECEIVED',
  'ACCEPT',
  'REJECT',
  'SERVE',
  'FILE_DEFENSE',
  'SHORTEN_DEFENSE_PERIOD',
  'FILE_COUNTERCLAIM',
  'RECORD_REPRESENTATIVES',
  'FORM_TRIBUNAL',
  'RECUSE_ARBITRATOR',
  'SCHEDULE_HEARING',
  'POSTPONE_HEARING',
  'HOLD_HEARING',
  'START_MEDIATION',
  'MEDIATION_AGREED',
  'MEDIATION_FAILED',
  'SIGN_MEDIATION_DOCUMENT',
  'REFER_TO_ARBITRATION',
  'SUSPEND',
  'RESUME',
  'EXTEND_TIME_LIMIT',
  'CONVERT_TO_ORDINARY',
  'ADVANCE_EXECUTION',
  'PARTIAL_AWARD',
  'ISSUE_AWARD',
  'WITHDRAW',
  'DEEM_WITHDRAWN',
  'TERMINATE',
  'RECORD_LAWSUIT',
  'RECORD_SET_ASIDE',
  'MARK_EFFECTIVE',
  'TRANSFER_TO_COURT',
  'ARCHIVE',
  'ASSIGN_MEDIATOR',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Stage = 'accepted' | 'tribunal_formed' | 'hearing_scheduled' | 'heard' | 'in_mediation' | 'mediation_signing';

/**
 * Facts the server computes before sending an event (from the official calendar and reference data),
 * so that the machine itself stays pure: no clock, no database.
 */
export interface Facts {
  /** Award time limit's last day, including extension and pauses (LDMAL Art. 43); null before acceptance or when unknown. */
  awardDueOn?: string | null;
  /** LDMAL Art. 14: 15 days from the mediation organization's receipt have passed without agreement. */
  mediationLimitPassed?: boolean;
  /** Rules Art. 36: the defense period (10 WD from service) is still running. */
  defensePeriodOpen?: boolean;
  /** LDMAL Art. 35: the hearing date leaves at least 5 working days after the notice. Null = calendar data missing. */
  hearingNoticeOk?: boolean | null;
  /** LDMAL Art. 35: a postponement request at least 3 working days before the hearing. */
  postponementTimely?: boolean | null;
  /** Every party's challenge window after service of the award has ended (LDMAL Arts. 48–50). */
  challengeWindowsClosed?: boolean;
  /** Earliest day the award can take effect (non-final: after the last window; final: the day it was made). */
  effectiveOn?: string | null;
}

export interface PartyRef {
  id: number;
  side: 'applicant' | 'respondent' | 'third_party';
  kind: 'person' | 'organization';
}

export interface ClaimRef {
  id: number;
  category: ClaimCategory;
}

export interface ServiceRecord {
  document: string;
  partyId: number;
  method: string;
  servedOn: string;
}

export interface AwardRecord {
  items: (ClassifiedItem & { amount: string | null })[];
  finality: Finality;
  issuedOn: string;
  minimumWage: { district: string; monthly: string; effectiveFrom: string } | null;
  defaultAward: boolean;
}

/** The statechart's context. JSON only (it is persisted as part of the snapshot). */
export interface CaseContext extends CaseInput {
  supplement: { requestedOn: string; items: string[]; completedOn: string | null } | null;
  rejection: { reason: string; decidedOn: string } | null;
  acceptedOn: string | null;
  /** Rules Art. 46: days from which the award clock restarts (counterclaim merged, claims changed, party added, transfer). */
  clockRestarts: { on: string; reason: string }[];
  representatives: number[];
  tribunal: { arbitratorIds: number[]; presidingId: number; formedOn: string } | null;
  recusals: { arbitratorId: number; replacementId: number; decidedOn: string; reason: string }[];
  services: ServiceRecord[];
  /** FILE_DEFENSE: the filed defense, with the summary the clerk recorded (null: none recorded). */
  defenses: { filedOn: string; summary?: string | null }[];
  defensePeriodDays: number | null;
  counterclaims: { filedOn: string; description: string }[];
  /** The scheduled hearing: day, time of day (HH:MM, null if not given), place; `public` false = 不公开开庭 (LDMAL Art. 26). */
  hearing: { hearingOn: string; place: string; scheduledOn: string; time?: string | null; public?: boolean } | null;
  postponements: { from: string; to: string; reason: string; decidedOn: string }[];
  hearingsHeld: { heldOn: string; applicantPresent: boolean; respondentPresent: boolean; public?: boolean }[];
  /** The stage to return to after a suspension ends or mediation fails. */
  stageBefore: Stage | null;
  suspensions: { from: string; to: string | null; reason: string }[];
  extension: { days: number; approvedOn: string } | null;
  mediation: {
    startedOn: string;
    terms: string | null;
    agreedOn: string | null;
    /** The amount the agreement settles, when recorded (statistics: 调解金额). */
    amount?: string | null;
    signatures: { partyId: number; signedOn: string }[];
    refusedBy: number | null;
  } | null;
  mediationHistory: { startedOn: string; endedOn: string; outcome: 'failed' | 'refused' }[];
  /**
   * 先予执行 rulings (LDMAL Art. 44): the claims, the two statutory conditions as recorded, the amounts granted per
   * claim and the days allowed to pay (absent on snapshots recorded before they were kept).
   */
  advanceExecutions: {
    claimIds: number[];
    ruledOn: string;
    transferredOn: string | null;
    court: string | null;
    rightsClear?: boolean | null;
    lifeSeriouslyAffected?: boolean | null;
    amounts?: { claimId: number; amount: string }[];
    paymentDays?: number | null;
  }[];
  partialAwards: AwardRecord[];
  award: AwardRecord | null;
  closure: { mode: ClosureMode; closedOn: string; reason?: string } | null;
  lawsuits: { partyId: number; court: string; filedOn: string }[];
  setAside: { court: string; filedOn: string; result: 'rejected' | 'set_aside' | 'withdrawn' | null; decidedOn: string | null } | null;
  effectiveOn: string | null;
  transfers: { purpose: 'enforcement' | 'advance_execution' | 'litigation'; court: string; transferredOn: string }[];
  /** Pre-arbitration mediation track. */
  trackMediation: {
    terms: string | null;
    agreedOn: string | null;
    failedOn: string | null;
    referredOn: string | null;
    amount?: string | null;
  } | null;
  archivedOn: string | null;
  /** ASSIGN_MEDIATOR: mediators assigned to the case (absent on snapshots recorded before assignments were kept). */
  mediatorIds?: number[];
}

export type ClosureMode = 'award' | 'mediation' | 'withdrawal' | 'deemed_withdrawal' | 'termination' | 'rejection';

/** An event as the machine receives it: the validated payload plus the day it happened and server facts. */
export interface ProcEvent {
  type: EventType;
  occurredOn: string;
  /** Set when asking "is this event available now?" without a payload: legal payload rules are skipped. */
  probe?: boolean;
  facts?: Facts;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are validated by per-event zod schemas at the edge
  payload: Record<string, any>;
}

export interface CaseInput {
  track: 'arbitration' | 'mediation';
  procedure: 'ordinary' | 'simple';
  collective: boolean;
  wageArrears: boolean;
  receivedOn: string;
  parties: PartyRef[];
  claims: ClaimRef[];
}
