import type { ClassifiedItem, Finality } from './finality.ts';
import type { SuspensionGround } from './labels.ts';
import type { Unit } from './periods.ts';
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
  'RECORD_COURT_OUTCOME',
  'MARK_EFFECTIVE',
  'TRANSFER_TO_COURT',
  'ARCHIVE',
  'ASSIGN_MEDIATOR',
  // Round 2 (issue 11 "Missing"): procedures the commission could not record before.
  'CHANGE_CLAIMS',
  'ADD_PARTY',
  'REFER_ELSEWHERE',
  'ACCEPT_TRANSFER',
  'RAISE_JURISDICTION_OBJECTION',
  'DECIDE_JURISDICTION_OBJECTION',
  'TRANSFER_CASE',
  'APPLY_RECUSAL',
  'DECIDE_RECUSAL',
  'SET_EVIDENCE_PERIOD',
  'EXTEND_EVIDENCE_PERIOD',
  'RECORD_LATE_EVIDENCE',
  'RECORD_REPRESENTED_CONSENT',
  'ACCEPT_REVIEW',
  'REJECT_REVIEW',
  'CONFIRM_AGREEMENT',
  'REFUSE_CONFIRMATION',
  'APPLY_ENFORCEMENT',
  'RECORD_ENFORCEMENT_OUTCOME',
  // void44: a registration made by mistake (a second copy of one application) voided before acceptance — no legal act.
  'VOID_REGISTRATION',
  // feat52: an agent appointed, or his agency revoked, after acceptance (LDMAL Art. 24).
  'APPOINT_AGENT',
  'REVOKE_AGENT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Stage = 'accepted' | 'tribunal_formed' | 'hearing_scheduled' | 'heard' | 'in_mediation' | 'mediation_signing';

/**
 * Facts the server computes before sending an event (from the official calendar and reference data),
 * so that the machine itself stays pure: no clock, no database.
 */
export interface Facts {
  /**
   * RECORD_LAWSUIT by a worker (LDMAL Art. 48): the last day of his window to sue on the final award (part), on exact
   * dates — absent when unknown or provisional — and whether the suit was filed by then (reviewer s48 H2, H3).
   */
  finalSuitDueOn?: string;
  finalSuitTimely?: boolean;
  /**
   * APPLY_ENFORCEMENT naming a non-final partial award (LDMAL Art. 50; legal49a M5): the last day of every party's window
   * to sue on it, on exact dates — null when some window is unknown (not served) or provisional.
   */
  partialWindowsEndOn?: string | null;
  /** MARK_EFFECTIVE on a final award (LDMAL Arts. 48–49; legal49a L1): the last day of the windows it waits for. */
  windowsEndOn?: string;
  /** Award time limit's last day, including extension and pauses (LDMAL Art. 43); null before acceptance or when unknown. */
  awardDueOn?: string | null;
  /** LDMAL Art. 43: the longest extension (the `extension` period, PERIODS_OVERRIDE). */
  maxExtensionDays?: number;
  /** LDMAL Art. 49: the intermediate court where the commission sits (INTERMEDIATE_COURT), for RECORD_SET_ASIDE. */
  intermediateCourt?: string;
  /**
   * EXTEND_TIME_LIMIT approved before a restart the record holds (Rules Art. 46): the last day of the period it was
   * approved in, without extension — the approval must not be after it (LDMAL Art. 43(1)).
   */
  supersededDueOn?: string | null;
  /** LDMAL Art. 43: the award limit's last day with the extension asked for (EXTEND_TIME_LIMIT). */
  extendedDueOn?: string | null;
  /** LDMAL Art. 14: 15 days from the mediation organization's receipt have passed without agreement. */
  mediationLimitPassed?: boolean;
  /** Rules Art. 36: the counterclaim was filed while the defense period (10 WD from service) was still running. */
  defensePeriodOpen?: boolean;
  /** The defense period's last day the counterclaim was judged against. */
  defenseDueOn?: string | null;
  /** The defense period in the period table (SHORTEN_DEFENSE_PERIOD must shorten it). */
  defensePeriod?: { days: number; unit: Unit };
  /** LDMAL Art. 35: the hearing date leaves the notice period after the act (scheduling, postponement). */
  hearingNoticeOk?: boolean | null;
  /** The first hearing day the notice period leaves after the act (SCHEDULE_HEARING, POSTPONE_HEARING). */
  earliestHearingOn?: string;
  /** `earliestHearingOn`, or the first working day after it when it is a rest day. */
  earliestWorkingHearingOn?: string;
  /** The notice period the hearing date was judged with (PERIODS_OVERRIDE). */
  noticePeriod?: { days: number; unit: Unit };
  /**
   * s62 B #1: PERIODS_OVERRIDE {"hearing_notice":{"keptInSimple":true}} — the notice period is kept in simple handling
   * too (LDMAL Art. 35), not relaxed by Rules Art. 60 (set only when so configured).
   */
  noticeKeptInSimple?: boolean;
  /** LDMAL Art. 35: a postponement request at least 3 working days before the hearing. */
  postponementTimely?: boolean | null;
  postponementPeriod?: { days: number; unit: Unit };
  mediationPeriod?: { days: number; unit: Unit };
  /**
   * Every window that holds the award's effect back has ended (LDMAL Arts. 48–50; which windows:
   * workflows/deadlines.ts holdingWindows — a mixed award's set-aside window is not one of them).
   */
  challengeWindowsClosed?: boolean;
  /** Earliest day the award can take effect (non-final: after the last window; final: the day it was made). */
  effectiveOn?: string | null;
  /**
   * SPC-1 Art. 17 (legal52a M3): APPLY_ENFORCEMENT by a worker who did not sue while others did — the day the award takes
   * effect for him, as his `effective` deadline computes it (null when unknown or provisional).
   */
  partyEffectiveOn?: string | null;
  // Round 2 additions.
  /** Rules Art. 15: the evidence period (last day rolled over rest days, CPL Art. 85(3)) has not yet ended. */
  evidencePeriodOpen?: boolean;
  /** Rules Art. 74: the joint application for review came within 15 days of the agreement taking effect. */
  reviewFilingTimely?: boolean;
  /**
   * What the timeliness was judged on (Rules Art. 74): the agreement's effective day, the period (PERIODS_OVERRIDE),
   * its last day and the day the application was received — the refusal names all of them.
   */
  reviewFiling?: { effectiveOn: string; days: number; unit: Unit; dueOn: string; filedOn: string; receivedOn?: string };
  /** Rules Art. 76: the review time limit's last day (5 working days from acceptance, extended once). */
  reviewDueOn?: string | null;
  /** Rules Art. 76: the most days an extension of the review may add. */
  reviewExtensionMaxDays?: number;
  /** CPL Art. 95; Rules Art. 20 [R]: the deemed service day of a public notice, or of a document left or posted. */
  deemedServedOn?: string;
  /** Config MEDIATION_DOCUMENT_BY_POST: whether a 调解书 may be served by post (workflows/rules.ts SERVE). */
  mediationDocumentByPost?: boolean;
  /**
   * LDMAL Arts. 35–36 (config ABSENCE_NOTICE_TIMELY): parties absent at the last hearing whose written notice of it
   * was served, but later than the notice period before the hearing.
   */
  absenceNoticeLate?: number[];
  /**
   * api.md v1.1: some date behind these facts fell in a year without official calendar data and was computed as if
   * that year had its weekends and law-fixed holidays only (calendar.ts `provisionalHoliday`). Rules that refuse on such a fact say so.
   */
  provisional?: { years: number[] };
}

export interface PartyRef {
  id: number;
  side: 'applicant' | 'respondent' | 'third_party';
  kind: 'person' | 'organization';
  /** The employer's economic type, recorded for an employer only: it marks the employer's side (workflows/sides.ts). */
  ownership?: string | null;
}

export interface ClaimRef {
  id: number;
  category: ClaimCategory;
  /** A claim of a merged counterclaim: the respondent's against the applicant (Rules Art. 36). */
  counterclaim?: true;
  /**
   * The applicant whose own claim it is of several (a worker's in a collective dispute, Rules Art. 62), or the one a
   * counterclaim's is against; absent: the applicants' together. A mixed award's windows are worker by worker (LDMAL
   * Art. 48; SPC-1 Art. 17).
   */
  partyId?: number;
}

export interface ServiceRecord {
  document: string;
  partyId: number;
  method: string;
  /**
   * The service date: the date on the receipt, or the deemed date (public notice: publication + 30 days, CPL Art. 95;
   * left or posted: + 3 working days, Rules Art. 20 [R] — `DEEMED_SERVICE` in workflows/periods.ts).
   */
  servedOn: string;
  /** A deemed service: the day of the commission's act — the notice published (公告), the document left (留置) or posted (张贴). */
  publishedOn?: string;
  /** Simple method (phone/SMS/fax/e-mail): the addressee confirmed receipt (Rules Art. 59). */
  confirmed?: boolean;
  /**
   * An award document: which award it is, by the day it was made (a partial award's or the final award's). Without it
   * the service counts as delivering every award made by then that the party had not yet received.
   */
  awardOn?: string;
}

/** The written notice of a hearing proven served on a party who was absent from it (LDMAL Art. 36; Rules Arts. 39, 59). */
export interface AbsentNotice {
  partyId: number;
  side: 'applicant' | 'respondent';
  /** null: no notice of that hearing date is proven served on this party. */
  servedOn: string | null;
  document: string | null;
  method: string | null;
}

/** Grounds for a hearing not in public (LDMAL Art. 26). */
export type NonPublicGround = 'parties_agreed' | 'state_secret' | 'trade_secret' | 'privacy';

/**
 * Issue 17: the court's judgment on one award item — the award upheld, changed to another amount, or revoked (the claim
 * not granted by the court).
 */
export interface CourtClaimResult {
  claimId: number;
  result: 'upheld' | 'changed' | 'revoked';
  /** The amount the court granted (yuan string) when it changed the award. */
  amount: string | null;
}

/** What the court did with a suit recorded after the award (裁审衔接; domain.md §11). */
export type CourtOutcome = 'judgment' | 'withdrawal_permitted' | 'dismissed_out_of_time' | 'dismissed_no_effect';

export interface AwardRecord {
  /**
   * `obligorIds`: the respondents who perform the item, the first the one ordered to pay (absent: every respondent);
   * `jointLiability`: the others answer jointly for it (LCL Art. 92(2); legal55a #5). Absent on records before them.
   * `shares`: each worker's share of an item on a claim of several workers together (docs56 #1).
   */
  items: (Omit<ClassifiedItem, 'shares'> & {
    amount: string | null;
    paymentDays?: number | null;
    obligorIds?: number[];
    jointLiability?: boolean;
    /** fixA59: the obligors answer by equal shares (按份, Civil Code Art. 517(2)); never with jointLiability. */
    equalShares?: boolean;
    /** docs56 #1: each worker's share of a joint claim's sum, and whether it is final for him. */
    shares?: { partyId: number; amount: string; final: boolean }[];
  })[];
  finality: Finality;
  issuedOn: string;
  minimumWage: { district: string; monthly: string; effectiveFrom: string } | null;
  defaultAward: boolean;
  /**
   * Parties absent at the last hearing, each with the written notice of that hearing proven served on it (or null).
   * A default award is refused without it (LDMAL Art. 36), so documents print "经书面通知" only from here.
   */
  absentNotices?: AbsentNotice[];
  heldOn?: string | null;
}

/** The statechart's context. JSON only (it is persisted as part of the snapshot). */
export interface CaseContext extends CaseInput, AddedContext {
  supplement: { requestedOn: string; items: string[]; completedOn: string | null } | null;
  rejection: { reason: string; decidedOn: string } | null;
  acceptedOn: string | null;
  /** Rules Art. 46: days from which the award clock restarts (counterclaim merged, claims changed, party added, transfer). */
  clockRestarts: { on: string; reason: string }[];
  representatives: number[];
  tribunal: { arbitratorIds: number[]; presidingId: number; formedOn: string } | null;
  /**
   * `hearingsBefore` (fixT57 #2): how many hearings had been held when the arbitrator was replaced — a replacement after
   * the last hearing leaves an award to a tribunal that did not hear the case (absent on older snapshots: judged by date).
   */
  recusals: { arbitratorId: number; replacementId: number; decidedOn: string; reason: string; hearingsBefore?: number }[];
  services: ServiceRecord[];
  /** FILE_DEFENSE: the filed defense, with the summary the clerk recorded (null: none recorded). */
  defenses: { filedOn: string; summary?: string | null }[];
  /**
   * FILE_DEFENSE `partyId`, index by index with `defenses`: the respondent who filed it, or null where not given (read as
   * the original respondents' defense, `defenseBy`). Absent or shorter in records stored before it was kept.
   */
  defenseParties?: (number | null)[];
  defensePeriodDays: number | null;
  /**
   * s63 A #2: each SHORTEN_DEFENSE_PERIOD in order — its day and the days it left (0: cancelled; Rules Art. 58) — so a
   * notice states the answer period in force on its own date. Absent in records stored before it was kept.
   */
  defenseShortenings?: { on: string; days: number }[];
  /** Rules Arts. 36, 46(4): filed (timeliness) and accepted for joint hearing (the award clock restarts) on separate days. */
  counterclaims: {
    filedOn: string;
    mergedOn?: string;
    description: string;
    /** Its claims among `claims` (the award decides them); absent in records stored before they were itemized. */
    claimIds?: number[];
  }[];
  /**
   * The scheduled hearing: day, time of day (HH:MM, null if not given), place; `public` false = 不公开开庭 with its
   * ground (LDMAL Art. 26).
   */
  hearing: {
    hearingOn: string;
    place: string;
    scheduledOn: string;
    time?: string | null;
    public?: boolean;
    nonPublicGround?: NonPublicGround | null;
    /**
     * s60 L (LDMAL Art. 30): respondents who agreed to this hearing before their answer period ends (SCHEDULE_HEARING /
     * POSTPONE_HEARING `answerPeriodWaived`, a postponement adding to those of the scheduling; a respondent's later waiver
     * replaces its earlier one). Absent when none. s60 L2: `on` is the day the waiver was recorded (the event's
     * occurredOn): it waives only a period already begun by then (Rules Art. 44 「被申请人明确表示放弃答辩期的除外」 —
     * a change of claims or a party added opens a new one, workflows/hearings.ts). Absent only on a waiver recorded
     * before s60 L2, which then waives no period a change of claims or an addition opens.
     */
    answerPeriodWaived?: { partyId: number; note?: string; on?: string }[];
  } | null;
  /**
   * How many services were recorded when the current hearing date was set (its SCHEDULE_HEARING or the POSTPONE_HEARING
   * that moved it): only a service recorded after that, at `services[hearingNoticesFrom]` or later, can be notice of the
   * current date (LDMAL Arts. 35–36) — a notice of the old date served on the day of the postponement, recorded before
   * it, names the old date. Absent in snapshots stored before it was kept (then the dates alone decide).
   */
  hearingNoticesFrom?: number;
  postponements: { from: string; to: string; reason: string; decidedOn: string; requestedBy?: string; requestedOn?: string }[];
  hearingsHeld: {
    heldOn: string;
    applicantPresent: boolean;
    respondentPresent: boolean;
    /**
     * A side present that left the hearing midway without the tribunal's consent (中途退庭): for deemed withdrawal and
     * a default award it stands as one that did not attend (LDMAL Art. 36; Rules Art. 39). Absent where not recorded.
     */
    applicantLeftEarly?: boolean;
    respondentLeftEarly?: boolean;
    /** Whether the third parties (LDMAL Art. 23) attended; absent where not recorded. */
    thirdPartyPresent?: boolean;
    /**
     * legal54c M1 — the parties absent one by one (HOLD_HEARING `absentParties`): a worker of several or a co-respondent
     * absent while the others of his side attended. LDMAL Art. 36 and Rules Art. 39 apply to each party (SPC-1 Art. 19:
     * each worker's application is his own). A side recorded absent (`applicantPresent` false) is absent whole. Absent
     * where not recorded.
     */
    absentParties?: number[];
    public?: boolean;
    nonPublicGround?: NonPublicGround | null;
  }[];
  /** The stage to return to after a suspension ends or mediation fails. */
  stageBefore: Stage | null;
  /**
   * s63 A #1: `ground`, SUSPEND's Rules Art. 47 item (workflows/labels.ts SUSPENSION_GROUNDS), which the 中止审理决定书
   * cites; absent where none was recorded, and in records stored before it was kept (the payload alone held it).
   */
  suspensions: { from: string; to: string | null; reason: string; ground?: SuspensionGround }[];
  /** The latest extension of the award limit approved (LDMAL Art. 43(1)); see `currentExtension` for the one in force. */
  extension: { days: number; approvedOn: string } | null;
  /**
   * `clockRestarts.length` when `extension` was approved: a restart since (Rules Art. 46) began a new period that the
   * extension did not belong to (`currentExtension`). Absent in records stored before it was kept.
   */
  extensionRestarts?: number;
  /** Extensions approved in award periods a restart has since superseded (Rules Art. 46), oldest first. */
  earlierExtensions?: { days: number; approvedOn: string }[];
  mediation: {
    startedOn: string;
    terms: string | null;
    agreedOn: string | null;
    /** The amount the agreement settles, when recorded (statistics: 调解金额). */
    amount?: string | null;
    /** CPL Art. 250(2): the last day of the performance period the 调解书 states, when recorded (absent on older snapshots). */
    performanceDueOn?: string | null;
    /**
     * fixT57 #5 (LDMAL Art. 51): the parties the 调解书 orders to perform (MEDIATION_AGREED `obligorIds`); absent when the
     * entry did not say (reviewer s57 A H1: nothing assumed). The other side's parties may apply for its enforcement.
     */
    obligorIds?: number[];
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
    /** LDMAL Art. 44: the day the party applied (absent where not recorded). */
    appliedOn?: string | null;
    transferredOn: string | null;
    court: string | null;
    rightsClear?: boolean | null;
    lifeSeriouslyAffected?: boolean | null;
    /** fixD57 #2: `shares`, each worker's part of an amount on a claim of several workers together (summing to it). */
    amounts?: { claimId: number; amount: string; shares?: { partyId: number; amount: string }[] }[];
    paymentDays?: number | null;
    /** fixK56 #2 (LDMAL Art. 44): the respondents ordered to pay (absent: every respondent). */
    obligorIds?: number[];
    /** fixD58 #1: the payers after the first answer jointly for what it pays (absent on records before it). */
    jointLiability?: boolean;
    /** fixA59: the payers answer by equal shares (按份, Civil Code Art. 517(2)). */
    equalShares?: boolean;
    /**
     * s60 M1: the respondents ordered to pay, resolved when the ruling was recorded — those it names (`obligorIds`),
     * else every respondent of the case on that day — so that a respondent added after it (Rules Art. 46(1)) is never
     * read as its payer. Absent on a ruling on a counterclaim (the applicant pays) and on records before stop 60
     * (workflows/advance-payers.ts rulingPayerIds resolves those against the respondents not added after the ruling).
     */
    payerIds?: number[];
  }[];
  partialAwards: AwardRecord[];
  award: AwardRecord | null;
  /**
   * legal54c M1 — DEEM_WITHDRAWN with `partyId`: one absent worker's application treated as withdrawn (LDMAL Art. 36;
   * Rules Art. 39) while the case goes on for the others — his claims (`claimIds`, withdrawn), the written notice proven
   * served on him, and the Rules Art. 39 bar on his new application on the same dispute (workflows/duplicates.ts).
   * Absent on a case without one.
   */
  deemedWithdrawals?: { partyId: number; on: string; claimIds: number[]; absentNotice: AbsentNotice | null; reason?: string }[];
  /** DEEM_WITHDRAWN keeps the written notice proven served on the absent applicants (LDMAL Art. 36). */
  closure: {
    mode: ClosureMode;
    closedOn: string;
    reason?: string;
    absentNotices?: AbsentNotice[];
    /** WITHDRAW / DEEM_WITHDRAWN: the respondent withdrew its merged counterclaim with the application (Rules Art. 36). */
    counterclaimWithdrawn?: true;
    /** TERMINATE on another ground than a court's suit over the delay (Rules Art. 48). */
    ground?: 'other';
    /** docs57 #4: the rule a termination on another ground rests on (TERMINATE `basis`), cited by its decision. */
    basis?: string;
    /** VOID_REGISTRATION: the case this registration duplicated, when named. */
    duplicateOf?: number;
  } | null;
  lawsuits: { partyId: number; court: string; filedOn: string; courtAccepted?: true }[];
  setAside: {
    court: string;
    filedOn: string;
    /** `terminated`: the review ended by the worker's suit (SPC-1 Art. 21(1)) — see `note`. */
    result: 'rejected' | 'set_aside' | 'withdrawn' | 'terminated' | null;
    /** Why the application ended without the court's decision on it (`terminated`). */
    note?: string;
    decidedOn: string | null;
    /** The day the ruling was received (LDMAL Art. 49(3): the 15-day suing window runs from it). */
    servedOn?: string | null;
    /** LDMAL Art. 49: the court recorded is not the configured intermediate court — recorded, with this warning. */
    courtWarning?: string;
    /**
     * LDMAL Art. 49(3): the suits brought on the matters of a mixed award's final part after it was set aside, recorded
     * while its non-final part is effective or enforced (RECORD_LAWSUIT in award_effective and after) — kept apart from
     * `lawsuits`, which are suits against the award and hold its effect back (SPC-1 Art. 16).
     */
    lawsuits?: { partyId: number; court: string; filedOn: string }[];
  } | null;
  /**
   * The court's outcome of the suits recorded (SPC-2000; SPC-1 Art. 21(2)): `partyIds` are the parties whose suits it
   * ended, `servedOn` the day the ruling was served (the effect and the employer's window run from it).
   */
  courtOutcomes?: {
    outcome: CourtOutcome;
    court: string | null;
    decidedOn: string;
    servedOn: string;
    partyIds: number[];
    /** How many suits were recorded when it was recorded (a later outcome ends only later suits). */
    suitCount: number;
    /**
     * The suits it ended, as positions in `lawsuits` (legal49c H2: one ruling per suit — RECORD_COURT_OUTCOME `partyId`).
     * Absent on records made before: such an outcome ended every suit recorded before it (`suitCount`).
     */
    suits?: number[];
    /** Issue 17: what the judgment did with each award item, where the clerk recorded it (absent on older records). */
    items?: CourtClaimResult[];
  }[];
  effectiveOn: string | null;
  /**
   * SPC-1 Art. 17: several workers, some of whom sued — the award took effect for a worker who did not sue (MARK_EFFECTIVE
   * with `partyId`) while the case stays in court for the others. Absent on snapshots recorded before it was kept.
   */
  effectiveFor?: { partyId: number; effectiveOn: string }[];
  transfers: { purpose: 'enforcement' | 'advance_execution' | 'litigation'; court: string; transferredOn: string }[];
  /** Pre-arbitration mediation track. */
  trackMediation: {
    terms: string | null;
    agreedOn: string | null;
    failedOn: string | null;
    referredOn: string | null;
    amount?: string | null;
    /** The agreed performance period's last day, when recorded (LDMAL Art. 15: not performed in time → arbitration). */
    performanceDueOn?: string | null;
    /** fixT57 #5: the parties the agreement orders to perform, when recorded (MEDIATION_AGREED `obligorIds`). */
    obligorIds?: number[];
    /** fixT58 #2: why it was referred to arbitration (REFER_TO_ARBITRATION `reason`, `ground`); absent on older records. */
    referral?: { reason: string | null; ground: string | null };
  } | null;
  archivedOn: string | null;
  /** ASSIGN_MEDIATOR: mediators assigned to the case (absent on snapshots recorded before assignments were kept). */
  mediatorIds?: number[];
  /**
   * feat52 (APPOINT_AGENT / REVOKE_AGENT; LDMAL Art. 24): the agency acts recorded after acceptance, in order — the
   * day the power of attorney or the written notice was received. The agents themselves are rows (db/stores/agents.ts).
   */
  agentActs?: {
    on: string;
    act: 'appoint' | 'revoke';
    partyId: number;
    agentId: number;
    /** An appointment's agent and authority (ui53 M1; absent on acts recorded before). */
    name?: string;
    kind?: string;
    powers?: 'general' | 'special' | null;
  }[];
}

/**
 * Round 2 (issue 11 "Missing"): what the added procedures record. Kept apart so that snapshots stored before
 * them restore with these defaults (workflows/procedure.ts `restore`).
 */
export interface AddedContext {
  /** CHANGE_CLAIMS (Rules Art. 44): each accepted change; `consentsBefore` = consents recorded before it (Rules Art. 63). */
  claimChanges: {
    on: string;
    added: number[];
    changed: { claimId: number; before: { category: string; amount: string | null; description: string } }[];
    withdrawn: number[];
    /** Rules Art. 36: the respondent gave up its counterclaim's claims (`withdrawn`); absent, the applicant's act. */
    by?: 'respondent';
    respondentWaivesDefense: boolean;
    consentsBefore: number;
  }[];
  /**
   * CONVERT_TO_ORDINARY (Rules Art. 61): a case handled simply went over to the ordinary procedure, told to the parties
   * by a 转为一般程序处理通知书; absent on a case never converted (and on snapshots from before it was recorded).
   */
  conversion?: { on: string; reason: string | null } | null;
  /**
   * ADD_PARTY (LDMAL Art. 23; Rules Art. 46(1)): parties added after acceptance, by decision. `hearingsBefore` (fixL58 #1):
   * how many hearings had been held when he was added (absent on older snapshots: judged by date, a hearing after the day).
   */
  partyAdditions: { on: string; partyId: number; side: 'respondent' | 'third_party'; ground: string; hearingsBefore?: number }[];
  /** REFER_ELSEWHERE (Rules Art. 31): written explanation that another commission has jurisdiction. */
  referral: { on: string; competentCommission: string; reason: string } | null;
  /** ACCEPT_TRANSFER (Rules Arts. 9, 46(5)): this case came from another commission. */
  /** `firstReceivedOn` (fixM56): the day the first commission received the application; absent on older snapshots. */
  transferIn: { on: string; fromCommission: string; fromCaseNo: string | null; firstReceivedOn?: string | null } | null;
  /** Jurisdiction objections (Rules Art. 10): `timely` = raised before the objector's defense period ended. */
  jurisdictionObjections: {
    on: string;
    partyId: number;
    grounds: string;
    timely: boolean;
    /** `transferred` (fixT58 #5, Rules Arts. 9–10): left undecided when the case was transferred, disposed by it. */
    decision: { on: string; result: 'upheld' | 'rejected' | 'transferred'; reason: string } | null;
  }[];
  /** TRANSFER_CASE / an upheld objection (Rules Arts. 9–10): the case went to another commission. */
  /** fixD58 #2: `designation`, the superior department's (指定管辖, Rules Art. 9) where the case came in on transfer. */
  transferOut: {
    on: string;
    toCommission: string;
    reason: string;
    onObjection: boolean;
    designation?: { department: string; documentNo?: string; decidedOn: string };
  } | null;
  /**
   * Recusal applications (LDMAL Art. 33; Rules Arts. 11–12). `afterDebate`: made after the end of debate, recorded
   * without effect on the proceedings. Until decided, the challenged person stands down.
   */
  recusalApplications: {
    on: string;
    partyId: number | null;
    /** `commissionChair`: the challenged arbitrator is the commission's chair (decided by the commission, Rules Art. 12). */
    target: { kind: 'arbitrator' | 'recorder'; userId: number | null; name: string | null; commissionChair: boolean };
    ground: string;
    reason: string;
    afterDebate: boolean;
    decision: {
      on: string;
      result: 'granted' | 'rejected';
      decidedBy: 'chair' | 'institute_head' | 'commission';
      replacementId: number | null;
      replacementName: string | null;
      reason: string | null;
      /** Rules Art. 12: in writing (its 决定书 can be made) or orally; absent where not given. */
      form?: 'written' | 'oral';
      /** fixT57 #2: hearings held when the recusal was decided (as `recusals[].hearingsBefore`). */
      hearingsBefore?: number;
    } | null;
  }[];
  /** The evidence period set by the tribunal (Rules Art. 15), its extensions and late evidence. */
  evidence: {
    setOn: string;
    until: string;
    extensions: { on: string; partyId: number; until: string; reason: string }[];
    late: {
      on: string;
      partyId: number;
      description: string;
      reasonAccepted: boolean;
      decision: 'admitted' | 'admitted_with_reprimand' | 'excluded';
    }[];
  } | null;
  /** Consents of the represented workers in a collective case (Rules Art. 63). */
  consents: { on: string; matter: ConsentMatter; partyIds: number[]; note: string | null }[];
  /** Arbitral review of a mediation agreement (Rules Arts. 74–79), on the `review` track. */
  review: {
    /** fixD58 #4: `agreedOn`, the day the agreement was reached, where recorded (Rules Art. 74). */
    agreement: { effectiveOn: string; agreedOn?: string; organization: string; terms: string | null };
    acceptedOn: string | null;
    rejection: { on: string; ground: string; reason: string } | null;
    extension: { on: string; days: number } | null;
    confirmation: {
      on: string;
      terms: string;
      /** CPL Art. 250(2): the last day of the performance period the 调解书 states, when recorded. */
      performanceDueOn?: string | null;
      signatures: { partyId: number; signedOn: string }[];
    } | null;
    refusal: { on: string; ground: string; reason: string } | null;
    referredOn: string | null;
  } | null;
  /** The winning party's applications for enforcement (LDMAL Art. 51; CPL Art. 250) and the court's outcomes. */
  enforcement: {
    on: string;
    partyId: number;
    court: string;
    filedOn: string;
    outcome: { result: EnforcementResult; decidedOn: string; receivedOn: string | null; note: string | null } | null;
    /** The partial award enforced (1 = the first made, LDMAL Arts. 43(2), 47, 51); absent: the award (or before it was kept). */
    partialAward?: number;
  }[];
  /**
   * The remedies against a partial award (部分裁决, LDMAL Art. 43(2); Rules Art. 49: challenged as any award), recorded
   * without moving the case (legalfixA H2): a party's suit (LDMAL Arts. 48, 50), the employer's application to set a final
   * partial award aside (Art. 49) and its result. `partialAward` numbers the partial award, 1 = the first made. Their
   * enforcement is kept in `enforcement` (`partialAward`). Absent on snapshots from before it was kept (read as none).
   */
  partialAwardRemedies?: PartialAwardRemedy[];
}

export interface PartialAwardRemedy {
  partialAward: number;
  kind: 'lawsuit' | 'set_aside';
  /** The suing party; null for the employer's application to set aside (the employer side). */
  partyId: number | null;
  court: string;
  filedOn: string;
  /** set_aside: the intermediate court's result (null while pending); `terminated`: ended by the worker's suit (SPC-1 Art. 21(1)). */
  result: 'rejected' | 'set_aside' | 'withdrawn' | 'terminated' | null;
  decidedOn: string | null;
  servedOn?: string | null;
  note?: string;
  courtWarning?: string;
}

/**
 * The extension approved within the current award period, or null (domain.md §7.2). Rules Art. 46: a restart (party
 * added, claims added or changed, counterclaim merged, transfer) makes the 45 days run anew from it, so an extension
 * approved before it lengthened the superseded period only: it is not carried into the new one, and the new period may
 * be extended once (≤ 15 days, LDMAL Art. 43(1); Rules Art. 45). Records stored before `extensionRestarts` was kept are
 * read by date: a restart dated after the approval supersedes it.
 */
export function currentExtension(
  ctx: Pick<CaseContext, 'extension' | 'extensionRestarts' | 'clockRestarts'>,
): { days: number; approvedOn: string } | null {
  const e = ctx.extension;
  if (!e) return null;
  if (ctx.extensionRestarts !== undefined) return ctx.extensionRestarts === ctx.clockRestarts.length ? e : null;
  return ctx.clockRestarts.some((r) => r.on > e.approvedOn) ? null : e;
}

/**
 * The defenses filed by `who` (reviewer s46b M4): `{ partyId }` — the defenses that respondent filed (FILE_DEFENSE with
 * its `partyId`); `'original'` — the original respondents' (filed without `partyId`, or by a respondent not added
 * later, Rules Art. 46(1)). A defense filed without `partyId` never answers for an added respondent.
 */
export function defensesBy(
  ctx: Pick<CaseContext, 'defenses' | 'defenseParties'> & Partial<Pick<CaseContext, 'partyAdditions'>>,
  who: { partyId: number } | 'original',
): { filedOn: string; summary?: string | null }[] {
  const added = new Set((ctx.partyAdditions ?? []).map((a) => a.partyId));
  return ctx.defenses.filter((_, i) => {
    const by = ctx.defenseParties?.[i] ?? null;
    return who === 'original' ? by === null || !added.has(by) : by === who.partyId;
  });
}

/** Empty records of the round-2 procedures: a new case starts with them, an older snapshot is filled with them. */
export function addedContext(input?: Pick<CaseInput, 'track' | 'reviewAgreement'>): AddedContext {
  return {
    claimChanges: [],
    partyAdditions: [],
    referral: null,
    transferIn: null,
    jurisdictionObjections: [],
    transferOut: null,
    recusalApplications: [],
    evidence: null,
    consents: [],
    review:
      input?.track === 'review' && input.reviewAgreement
        ? {
            agreement: input.reviewAgreement,
            acceptedOn: null,
            rejection: null,
            extension: null,
            confirmation: null,
            refusal: null,
            referredOn: null,
          }
        : null,
    enforcement: [],
  };
}

export type ConsentMatter = 'change_claims' | 'withdraw' | 'admit_claims' | 'settle';
export type EnforcementResult = 'enforced' | 'partly_enforced' | 'terminated' | 'refused' | 'withdrawn' | 'settled';

/** How a case ended (its Chinese label: workflows/labels.ts CLOSURE_MODE_LABELS). */
export const CLOSURE_MODES = [
  'award',
  'mediation',
  'withdrawal',
  'deemed_withdrawal',
  'termination',
  'rejection',
  // Round 2: transfer for jurisdiction (Rules Art. 9), written explanation before acceptance (Rules Art. 31),
  // and the outcomes of an arbitral review of a mediation agreement (Rules Arts. 75, 77–79).
  'transfer',
  'referral',
  'review_confirmed',
  'review_terminated',
  'review_rejected',
  // void44: a registration voided as made by mistake (VOID_REGISTRATION) — not an application, in no statistics.
  'voided',
] as const;
export type ClosureMode = (typeof CLOSURE_MODES)[number];

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
  track: 'arbitration' | 'mediation' | 'review';
  procedure: 'ordinary' | 'simple';
  collective: boolean;
  /** Why the case is collective; `union_applicant`: a union applies for the workers (Rules Art. 64; workflows/sides.ts). */
  collectiveGround?: string | null;
  wageArrears: boolean;
  receivedOn: string;
  /**
   * A posted application's postmark date (registration `postmarkOn`): the day it counts as filed, time in transit not
   * counted (CPL Art. 85(4); domain.md §14.1). Absent or null: filed on `receivedOn`.
   */
  postmarkOn?: string | null;
  parties: PartyRef[];
  claims: ClaimRef[];
  /** Track `review`: the mediation agreement to review (Rules Art. 74), given at registration. */
  reviewAgreement?: { effectiveOn: string; agreedOn?: string; organization: string; terms: string | null } | null;
}

/** The documents a SERVE names (送达文书); workflows/rules.ts documentMadeOn says which the record has made. */
export const SERVICE_DOCUMENTS = [
  'acceptance_notice',
  'rejection_notice',
  'supplement_notice',
  'application_copy',
  'respond_notice',
  'defense_copy',
  'tribunal_notice',
  'conversion_notice',
  'hearing_notice',
  'postponement_notice',
  'decision',
  'mediation_document',
  'award',
  'advance_execution_ruling',
  'other',
  // Round 2: the changed claims served on the respondent (Rules Art. 44); the notice to an added party (Rules Art. 46(1)).
  'claims_change_copy',
  'addition_notice',
  // The notice that a suspended case resumes (RESUME; Rules Art. 47), served on the parties.
  'resume_notice',
] as const;

/**
 * History entries that record bookkeeping, not a procedural act (no state change; their day is not a procedural date):
 * documents and court packages generated, registration corrections, deadlines recomputed after a calendar load
 * (app/time/recompute.ts), the chair's date corrections (workflows/date-corrections.ts).
 */
export const BOOKKEEPING_EVENTS: readonly string[] = [
  'GENERATE_DOCUMENT',
  'UPDATE_REGISTRATION',
  'GENERATE_COURT_PACKAGE',
  'RECOMPUTE_DEADLINES',
  'CORRECT_DATE',
];
