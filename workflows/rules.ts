import { advanceServiceIds } from './advance-execution.ts';
import { provisionalBasis } from './calendar.ts';
import { hasPart, MONETARY_FINAL_CATEGORIES, partWorkers } from './finality.ts';
import { DEFAULT_PERIODS, periodWords } from './periods.ts';
import {
  type AbsentNotice,
  type CaseContext,
  type ConsentMatter,
  type CourtClaimResult,
  type CourtOutcome,
  currentExtension,
  type EventType,
  type ProcEvent,
} from './procedure-types.ts';
import {
  claimByEmployer,
  claimByUnion,
  claimWorker,
  employerApplies,
  isEmployerId,
  isWorkerId,
  isWorkerParty,
  workerSide,
} from './sides.ts';

/**
 * legalfixA L2: a document served by a simple method (phone/SMS/fax/e-mail, method `sms`) that the addressee has not
 * confirmed receiving. Rules Art. 59 allows the method in simple cases; what it proves is the addressee's receipt
 * (domain.md §5: an unconfirmed simple-method notice supports no deemed withdrawal or default award [S]). The service
 * is recorded and counted as the clerk recorded it — the reading that an unconfirmed one does not count for every
 * period is not settled — with a warning naming what runs from it.
 */
export function unconfirmedSimpleServiceWarnings(ev: ProcEvent): string[] {
  if (ev.type !== 'SERVE' || ev.payload.method !== 'sms' || ev.payload.confirmed === true) return [];
  const doc = ev.payload.document as string;
  const runs = ['application_copy', 'respond_notice'].includes(doc)
    ? '答辩期（《劳动争议调解仲裁法》第三十条：自收到仲裁申请书副本之日起）按此日计算，'
    : HEARING_NOTICE_DOCUMENTS.includes(doc)
      ? '未经确认的开庭通知不能作为按撤回处理或缺席裁决的依据；'
      : '';
  return [
    `以电话、短信等简便方式送达（当事人${ev.payload.partyId as number}），尚未经受送达人确认收悉（《劳动人事争议仲裁办案规则》第五十九条）：${runs}请取得确认后登记为已确认收悉，或以其他方式送达。`,
  ];
}

/** A legal rule that refuses an event (HTTP 422), with its source. */
export interface Violation {
  rule: string;
  source: string;
  detail: string;
  /** The payload field the refusal is about, when it is one (the form marks it). */
  field?: string;
}

type Rule = (ctx: CaseContext, ev: ProcEvent) => Violation | null;

const v = (rule: string, source: string, detail: string, field?: string): Violation => ({
  rule,
  source,
  detail,
  ...(field ? { field } : {}),
});
/** "（最早可定于2026-04-09）": the first hearing day the notice period leaves (and the first working day from it). */
const earliestHearing = (ev: ProcEvent) => {
  const on = ev.facts?.earliestHearingOn;
  if (!on) return '';
  const working = ev.facts?.earliestWorkingHearingOn;
  return working && working !== on ? `（最早可定于${on}，为休息日；其后首个工作日为${working}）` : `（最早可定于${on}）`;
};

/**
 * How a 调解书 may be served (workflows/rules.ts SERVE gives the reasons): in person, by an entrusted body, electronically
 * with consent, and by post only where MEDIATION_DOCUMENT_BY_POST allows it. Never left, posted, by public notice or SMS.
 */
export const mediationDocumentMethods = (byPost: boolean): string[] =>
  byPost ? ['direct', 'entrusted', 'electronic', 'post'] : ['direct', 'entrusted', 'electronic'];

/**
 * Parties that must sign a mediation document or receive an award: applicants and respondents — not a worker whose
 * application was treated as withdrawn alone (DEEM_WITHDRAWN partyId; LDMAL Art. 36; Rules Art. 39): he is no longer a
 * party to what the others go on to (reviewer s55 A H2: the award never counted as served without him).
 */
export const signingParties = (ctx: CaseContext) => {
  const gone = new Set((ctx.deemedWithdrawals ?? []).map((d) => d.partyId));
  return ctx.parties.filter((p) => p.side !== 'third_party' && !gone.has(p.id));
};

/**
 * Parties the award is served on and whose receipt its service waits for: the signing parties and every third party
 * (LDMAL Art. 23). A third party the award binds is a 「当事人」 of LDMAL Art. 50: against a non-final award (or the
 * non-final part of a mixed one) he may sue within 15 days of his own receipt, and the award takes effect only once his
 * window has run too (fixK56 #1). Against a final award he has no window (Arts. 47–49; `third-party-cannot-sue-final`).
 */
export const awardParties = (ctx: CaseContext) => {
  const gone = new Set((ctx.deemedWithdrawals ?? []).map((d) => d.partyId));
  return ctx.parties.filter((p) => !gone.has(p.id));
};

/** The employer side, by side and not by kind: an individual employer is a natural person (workflows/sides.ts). */
const isEmployer = (ctx: CaseContext, partyId: number) => isEmployerId(ctx, partyId);
const isThirdParty = (ctx: CaseContext, partyId: unknown) => ctx.parties.some((p) => p.id === partyId && p.side === 'third_party');
/** LDMAL Arts. 47–49 (legal55a 2): a third party cannot sue against a final award (`which`: 裁决, 第N件部分裁决). */
const thirdPartyCannotSueFinal = (partyId: unknown, which: string) =>
  v(
    'third-party-cannot-sue-final',
    'LDMAL Arts. 47–49',
    `${which}为终局裁决，自作出之日起发生法律效力（《劳动争议调解仲裁法》第四十七条）：只有劳动者可以对终局裁决向人民法院起诉（第四十八条），用人单位只能向中级人民法院申请撤销（第四十九条）；第三人当事人${partyId}不能对其起诉`,
    'partyId',
  );

/**
 * api.md v1.1: a refusal judged on a date computed without the official calendar says so plainly, and how to get
 * an exact judgement.
 */
const provisionalNote = (ev: ProcEvent): string => {
  const years = ev.facts?.provisional?.years;
  if (!years?.length) return '';
  const y = years.join('、');
  return `（按暂定日期判断：缺少${y}年国家法定节假日安排，${provisionalBasis(years)}；管理员录入${y}年安排后可按正式安排重新判断）`;
};

/** The day the current hearing date was set: its scheduling, or the postponement that moved the hearing to it. */
export function hearingDateSetOn(ctx: CaseContext): string | null {
  const h = ctx.hearing;
  if (!h) return null;
  const moved = ctx.postponements.filter((x) => x.decidedOn >= h.scheduledOn && x.to === h.hearingOn).at(-1);
  return moved?.decidedOn ?? h.scheduledOn;
}

/** Documents that give written notice of a hearing date: the hearing notice, or a postponement notice naming the new date. */
export const HEARING_NOTICE_DOCUMENTS = ['hearing_notice', 'postponement_notice'];

/**
 * The first proven service on `partyId` of written notice of the *current* hearing date (LDMAL Art. 35): a notice of an
 * earlier date does not count once the hearing was postponed (the notice must name the new date; one recorded before the postponement names the old date even when served on its day), and a
 * simple-method notice (phone/SMS/fax/e-mail) counts only if the addressee confirmed it (Rules Art. 59).
 */
export function hearingNoticeService(ctx: CaseContext, partyId: number): CaseContext['services'][number] | null {
  const setOn = hearingDateSetOn(ctx);
  if (!setOn) return null;
  // The order of the acts, not only their dates (legalfixA H1): a notice served on the day of the postponement but
  // recorded before it is a notice of the old date, and so is a public notice of the old date deemed served after the
  // postponement. LDMAL Art. 36 needs 书面通知 of the hearing the party missed.
  const from = ctx.hearingNoticesFrom ?? 0;
  return (
    ctx.services
      .filter(
        (s, i) =>
          i >= from &&
          HEARING_NOTICE_DOCUMENTS.includes(s.document) &&
          s.partyId === partyId &&
          s.servedOn >= setOn &&
          (s.method !== 'sms' || s.confirmed === true),
      )
      .sort((a, b) => a.servedOn.localeCompare(b.servedOn))[0] ?? null
  );
}

/**
 * Whether a side attended a hearing held: present, and not gone midway without the tribunal's consent (中途退庭) —
 * which LDMAL Art. 36 and Rules Art. 39 treat as refusing to attend (deemed withdrawal, a default award).
 */
export function attendedHearing(
  held: Pick<CaseContext['hearingsHeld'][number], 'applicantPresent' | 'respondentPresent' | 'applicantLeftEarly' | 'respondentLeftEarly'>,
  side: 'applicant' | 'respondent',
): boolean {
  return side === 'applicant'
    ? held.applicantPresent && held.applicantLeftEarly !== true
    : held.respondentPresent && held.respondentLeftEarly !== true;
}

/** The applicants still in the proceedings: not one whose application was treated as withdrawn alone (legal54c M1). */
export function remainingApplicants(ctx: Pick<CaseContext, 'parties' | 'deemedWithdrawals'>): number[] {
  const gone = new Set((ctx.deemedWithdrawals ?? []).map((d) => d.partyId));
  return ctx.parties.filter((p) => p.side === 'applicant' && !gone.has(p.id)).map((p) => p.id);
}

/**
 * fixT58 #4 — a termination ends the whole case (Rules Art. 48; another ground, domain.md §10.1): warned of where it
 * reaches further than its ground may — several workers applying together (LDMAL Art. 7; Rules Art. 63: each worker's
 * claims are his own; a ground such as one co-applicant's death without an heir concerns him alone, as a deemed
 * withdrawal does per worker, Rules Art. 39), or an advance execution ruled in the case (LDMAL Art. 44) that no award will
 * now confirm or reverse. Said, not refused: ending one applicant's claims alone is not yet recorded apart.
 */
export function terminateWarnings(ctx: CaseContext, ev: Pick<ProcEvent, 'type' | 'payload'>): string[] {
  if (ev.type !== 'TERMINATE') return [];
  const out: string[] = [];
  const applicants = remainingApplicants(ctx);
  if (applicants.length > 1)
    out.push(
      `本案有${applicants.length}名申请人（${applicants.map((id) => `当事人${id}`).join('、')}），终止审理结束全案：终止事由只涉及其中一名申请人的（如该申请人死亡且无继承人，或只有该申请人因逾期未作出裁决起诉），其他申请人的仲裁请求应当继续审理（参照《劳动人事争议仲裁办案规则》第三十九条按人处理），请核对`,
    );
  const advances = ctx.advanceExecutions ?? [];
  if (advances.length)
    out.push(
      `本案已于${advances.map((x) => x.ruledOn).join('、')}裁决先予执行（《劳动争议调解仲裁法》第四十四条），终止审理后不再作出裁决对其予以确认或纠正：请告知当事人，并核对先予执行的执行情况`,
    );
  return out;
}

/**
 * DEEM_WITHDRAWN `partyId` ends that worker's application while other applicants go on (LDMAL Art. 36; Rules Art. 39;
 * SPC-1 Art. 19): true when some other applicant remains. Deeming the last one withdrawn ends the case as before.
 */
export function partialDeemedWithdrawal(ctx: Pick<CaseContext, 'parties' | 'deemedWithdrawals'>, partyId: unknown): boolean {
  return typeof partyId === 'number' && remainingApplicants(ctx).some((id) => id !== partyId);
}

/**
 * Whether one party attended (legal54c M1): LDMAL Art. 36 and Rules Art. 39 apply to each party — each worker of several
 * has his own application (SPC-1 Art. 19), a co-respondent (LDMAL Art. 22(2)) his own defense — so a party named in
 * `absentParties` did not attend although others of his side did; a side recorded absent or gone midway is absent whole.
 */
export function partyAttendedHearing(
  held: Pick<
    CaseContext['hearingsHeld'][number],
    'applicantPresent' | 'respondentPresent' | 'applicantLeftEarly' | 'respondentLeftEarly' | 'absentParties'
  >,
  side: 'applicant' | 'respondent',
  partyId: number,
): boolean {
  return attendedHearing(held, side) && !(held.absentParties ?? []).includes(partyId);
}

/**
 * Parties absent at the last hearing held (or gone midway without leave), each with the written notice of that hearing proven served on it before the
 * hearing day (null when there is none). LDMAL Art. 36; Rules Arts. 39, 59.
 */
export function absentNotices(ctx: CaseContext): AbsentNotice[] {
  const held = ctx.hearingsHeld.at(-1);
  if (!held) return [];
  const out: AbsentNotice[] = [];
  // A worker whose application was already treated as withdrawn (DEEM_WITHDRAWN partyId) is no longer in the proceedings.
  const gone = new Set((ctx.deemedWithdrawals ?? []).map((d) => d.partyId));
  for (const side of ['applicant', 'respondent'] as const) {
    for (const party of ctx.parties.filter((p) => p.side === side && !gone.has(p.id))) {
      if (partyAttendedHearing(held, side, party.id)) continue;
      const s = hearingNoticeService(ctx, party.id);
      const proven = s && s.servedOn < held.heldOn ? s : null;
      out.push({
        partyId: party.id,
        side,
        servedOn: proven?.servedOn ?? null,
        document: proven?.document ?? null,
        method: proven?.method ?? null,
      });
    }
  }
  return out;
}

/**
 * LDMAL Art. 36: deemed withdrawal (applicant) or a default award (respondent; `inDefault`: the applicant, on a
 * counterclaim decided against it) needs written notice of the hearing.
 */
function absenceNoticeRule(
  ctx: CaseContext,
  ev: ProcEvent,
  side: 'applicant' | 'respondent',
  inDefault = side === 'respondent',
): Violation | null {
  // legal54c M1: DEEM_WITHDRAWN with `partyId` treats that worker's application alone as withdrawn — the written
  // notice is needed on him (LDMAL Art. 36; Rules Art. 39), not on the others.
  const one = ev.type === 'DEEM_WITHDRAWN' && typeof ev.payload.partyId === 'number' ? ev.payload.partyId : null;
  const list = absentNotices(ctx).filter((n) => n.side === side && (one === null || n.partyId === one));
  const what = inDefault ? (side === 'applicant' ? '对其缺席裁决反申请请求' : '缺席裁决') : '按撤回仲裁申请处理';
  const missing = list.filter((n) => n.servedOn === null);
  if (missing.length) {
    return v(
      inDefault ? 'default-award-notice-not-proven' : 'hearing-notice-not-proven',
      'LDMAL Art. 36; Rules Arts. 39, 59',
      `未到庭的${side === 'applicant' ? '申请人' : '被申请人'}（当事人 ${missing.map((n) => n.partyId).join('、')}）没有在开庭前经书面送达本次开庭日期的通知（或简易方式送达未经确认），不能${what}`,
    );
  }
  const late = list.filter((n) => ev.facts?.absenceNoticeLate?.includes(n.partyId));
  if (late.length) {
    const words = periodWords(ev.facts?.noticePeriod ?? DEFAULT_PERIODS.hearing_notice);
    return v(
      'absence-notice-late',
      'LDMAL Arts. 35–36; Rules Arts. 38–39',
      `当事人${late.map((n) => n.partyId).join('、')}收到开庭通知距开庭不足${words}，不能${what}${provisionalNote(ev)}`,
    );
  }
  return null;
}

/**
 * LDMAL Art. 36; Rules Arts. 39, 59: deemed withdrawal needs the written notice of that hearing proven served on the
 * absent applicant (in time: `facts.absenceNoticeLate`). Whatever the payload — so next-events does not offer what it
 * refuses (legal49b L3).
 */
export const deemWithdrawnNoticeRefusal = (ctx: CaseContext, ev: ProcEvent): Violation | null => absenceNoticeRule(ctx, ev, 'applicant');
/** The same for an award against the absent respondent (LDMAL Art. 36; legal50a L1): refused whatever its items are. */
export const defaultAwardNoticeRefusal = (ctx: CaseContext, ev: ProcEvent): Violation | null => absenceNoticeRule(ctx, ev, 'respondent');

/** LDMAL Art. 26: a hearing is public unless the parties agreed otherwise or state secrets, trade secrets or privacy are involved. */
function nonPublicRule(ev: ProcEvent, scheduledGround?: string | null): Violation | null {
  if (ev.payload.public !== false) return null;
  if (ev.payload.nonPublicGround || scheduledGround) return null;
  return v(
    'non-public-needs-ground',
    'LDMAL Art. 26',
    '劳动争议仲裁公开进行；不公开开庭须写明理由：当事人协议不公开，或涉及国家秘密、商业秘密、个人隐私',
    'nonPublicGround',
  );
}

/**
 * When the document a service is about came into being (null: not made yet; undefined: no rule for this kind). Of a
 * kind made several times (a partial award and the award, two postponements, two rulings) the earliest: the first day
 * any of them can be served, which a SERVE is checked against — a SERVE of the partial award recorded after the award
 * was made may still be dated between the two. A blank 送达回证 that lists several is dated the latest of those it
 * lists (templates/kinds.ts serviceReceipt), never before a document it carries.
 */
export function documentMadeOn(ctx: CaseContext, document: string): string | null | undefined {
  const earliest = (dates: (string | null | undefined)[]) => (dates.filter(Boolean) as string[]).sort()[0] ?? null;
  switch (document) {
    case 'acceptance_notice':
    case 'application_copy':
    case 'respond_notice':
      return ctx.acceptedOn;
    case 'rejection_notice':
      return ctx.rejection?.decidedOn ?? null;
    case 'supplement_notice':
      return ctx.supplement?.requestedOn ?? null;
    case 'defense_copy':
      return earliest(ctx.defenses.map((d) => d.filedOn));
    case 'tribunal_notice':
      return ctx.tribunal?.formedOn ?? null;
    case 'conversion_notice':
      return ctx.conversion?.on ?? null;
    case 'hearing_notice':
      return ctx.hearing?.scheduledOn ?? null;
    case 'postponement_notice':
      return earliest(ctx.postponements.map((x) => x.decidedOn));
    // A reviewed agreement's 调解书 is made with its confirmation (Rules Art. 77: CONFIRM_AGREEMENT).
    case 'mediation_document':
      return ctx.track === 'review' ? (ctx.review?.confirmation?.on ?? null) : (ctx.mediation?.agreedOn ?? null);
    case 'award':
      return earliest([ctx.award?.issuedOn, ...ctx.partialAwards.map((a) => a.issuedOn)]);
    case 'advance_execution_ruling':
      return earliest(ctx.advanceExecutions.map((a) => a.ruledOn));
    // Rules Art. 44: the changed claims served on the respondent; Rules Art. 46(1): the notice to an added party.
    case 'claims_change_copy':
      return earliest((ctx.claimChanges ?? []).map((x) => x.on));
    case 'addition_notice':
      return earliest((ctx.partyAdditions ?? []).map((x) => x.on));
    // A suspension ended (RESUME, Rules Art. 47): the 恢复审理通知书 is made on the day the case resumed.
    case 'resume_notice':
      return earliest(ctx.suspensions.map((s) => s.to));
    default:
      return undefined;
  }
}

/**
 * The record a RECORD_COURT_OUTCOME adds: which suit it ended and when its ruling was served. legal49c H2: a ruling ends
 * one suit — the suit of the party it names (`partyId`; one pending suit per party, rule `already-suing`), or the only
 * suit pending. With several pending and none named (refused with 400 on `partyId`, apply-event.ts), or on a probe, it
 * ends them all, as before.
 */
export function courtOutcomeRecord(ctx: CaseContext, ev: ProcEvent): NonNullable<CaseContext['courtOutcomes']>[number] {
  const decidedOn = (ev.payload.decidedOn as string | undefined) ?? ev.occurredOn;
  const named = ev.payload.partyId as number | undefined;
  const pending = pendingSuitIndexes(ctx);
  const ends = named === undefined ? pending : pending.filter((i) => suitAt(ctx, i).partyId === named);
  const last = ends.at(-1);
  return {
    outcome: ev.payload.outcome as CourtOutcome,
    court: (ev.payload.court as string | undefined) ?? (last === undefined ? ctx.lawsuits.at(-1)?.court : suitAt(ctx, last).court) ?? null,
    decidedOn,
    servedOn: (ev.payload.servedOn as string | undefined) ?? decidedOn,
    partyIds: [...new Set(ends.map((i) => suitAt(ctx, i).partyId))],
    suitCount: ctx.lawsuits.length,
    suits: ends,
    // Issue 17: the judgment per award item, when recorded.
    ...(Array.isArray(ev.payload.items)
      ? {
          items: (ev.payload.items as { claimId: number; result: CourtClaimResult['result']; amount?: string }[]).map((i) => ({
            claimId: i.claimId,
            result: i.result,
            amount: i.amount ?? null,
          })),
        }
      : {}),
  };
}

/**
 * SPC-1 Art. 21(2): a worker's suit against a final award (or the final part of a mixed one) ended by withdrawal or
 * dismissal opens the employer's 30-day window to apply to set the award aside.
 */
/**
 * LDMAL Art. 49: an employer applies to set a final award aside to the intermediate people's court where the commission
 * sits (INTERMEDIATE_COURT, default 聊城市中级人民法院). Another court recorded is a warning, not a refusal (stop 44, L3):
 * the clerk records what was filed, and the court may have been named otherwise than the configured name.
 */
export function setAsideCourtWarning(court: unknown, intermediateCourt: string | undefined): string | null {
  if (typeof court !== 'string' || !intermediateCourt) return null;
  const plain = (s: string) => s.replace(/\s+/gu, '');
  if (plain(court) === plain(intermediateCourt)) return null;
  return `撤销终局裁决的申请应向仲裁委员会所在地的中级人民法院（${intermediateCourt}）提出（劳动争议调解仲裁法第四十九条）；登记的法院为${court}，请核对`;
}

export function opensSetAsideWindow(ctx: CaseContext, outcome: CourtOutcome, partyIds: number[]): boolean {
  if (outcome !== 'withdrawal_permitted' && outcome !== 'dismissed_out_of_time') return false;
  if (ctx.award?.finality === 'non_final' || !ctx.award) return false;
  // legal55a 1: the suit of a worker with a final item only (LDMAL Art. 48) held the set-aside back.
  return partyIds.some((id) => isWorkerId(ctx, id) && workerHasFinalPart(ctx, id));
}

/**
 * A correction of the receipt date before acceptance (PATCH of the registration). The receipt is day 0 of every period
 * that runs on the application — the 5 working days to accept or refuse (LDMAL Art. 29; Rules Arts. 30–31), the
 * one-time supplement notice (Rules Art. 29) — so it cannot come after the first procedural act already recorded on the
 * application (api.md: procedural dates never go backwards).
 */
export function receiptOrderRule(receivedOn: string, firstProceduralOn: string | null): Violation | null {
  if (!firstProceduralOn || receivedOn <= firstProceduralOn) return null;
  return v(
    'receipt-after-procedural-act',
    'LDMAL Art. 29; Rules Arts. 29–31',
    `收件日期${receivedOn}晚于本案已记录的第一项程序行为的日期${firstProceduralOn}：收件之日是受理审查期限（劳动争议调解仲裁法第二十九条）等期间的起算日，不能晚于其后发生的程序行为`,
  );
}

/**
 * The award's items that are a worker's (legal55a 1, 3): those on his own claims and on claims of every worker together
 * (naming no worker, an employer's) — never another worker's (SPC-1 Arts. 17, 19; Rules Art. 50; sides.ts claimWorker).
 */
export function workerAwardItems(ctx: CaseContext, partyId: number): NonNullable<CaseContext['award']>['items'] {
  // A worker whose application was treated as withdrawn (LDMAL Art. 36; Rules Art. 39) has no item in the award, not even
  // of a claim of the workers together: the award decides it for the others (reviewer s55 A H1).
  if ((ctx.deemedWithdrawals ?? []).some((d) => d.partyId === partyId)) return [];
  return (ctx.award?.items ?? []).filter((i) => {
    const claim = ctx.claims.find((c) => c.id === i.claimId);
    return claim !== undefined && [null, partyId].includes(claimWorker(ctx, claim));
  });
}

/**
 * The worker has a final item in the award — granted or dismissed (LDMAL Art. 47): only his suit is one against a
 * final award (Art. 48). A worker whose items are all non-final sues under Art. 50 (legal55a 1).
 */
export const workerHasFinalPart = (ctx: CaseContext, partyId: number): boolean =>
  // fixS57: of a joint item split by its workers' shares, his own share's finality (LDMAL Art. 47(1); SPC-1 Art. 19).
  workerAwardItems(ctx, partyId).some((i) => {
    const mine = i.shares?.some((sh) => sh.partyId === partyId) ? partWorkers(i, true) : null;
    return mine ? mine.includes(partyId) : hasPart(i, true);
  });

/**
 * legal55a 3: a worker to whom the award decides nothing — his own claims were all given up before it (Rules Arts. 35,
 * 44) or decided by a partial award, and no claim of the workers together is in it. The award binds him in nothing: he
 * has no award to sue against (LDMAL Arts. 48, 50) nor to enforce (Art. 51). The words naming him and why, or null.
 */
export function noAwardItemsWords(ctx: CaseContext, partyId: number): string | null {
  if (ctx.closure?.mode !== 'award' || !ctx.award || !isWorkerId(ctx, partyId)) return null;
  if (workerAwardItems(ctx, partyId).length) return null;
  const own = ctx.claims.filter((c) => claimWorker(ctx, c) === partyId);
  const changes = (ctx.claimChanges ?? []).filter(
    (ch) => ch.by !== 'respondent' && ch.withdrawn.some((id) => own.some((c) => c.id === id)),
  );
  const given = new Set(changes.flatMap((ch) => ch.withdrawn));
  const partial = ctx.partialAwards.findIndex((pa) => pa.items.some((i) => own.some((c) => c.id === i.claimId)));
  const deemed = (ctx.deemedWithdrawals ?? []).find((d) => d.partyId === partyId);
  const why = deemed
    ? `其仲裁申请已于${deemed.on}按撤回仲裁申请处理（劳动争议调解仲裁法第三十六条，劳动人事争议仲裁办案规则第三十九条）`
    : own.length && own.every((c) => given.has(c.id))
      ? `其仲裁请求已于${changes.map((ch) => ch.on).join('、')}全部撤回（放弃）（劳动人事争议仲裁办案规则第四十四条）`
      : partial >= 0
        ? `其仲裁请求已由第${partial + 1}件部分裁决处理（对该部分裁决的起诉、执行请写明 partialAward）`
        : '本案没有其本人的仲裁请求';
  return `当事人${partyId}${why}，裁决（${ctx.award.issuedOn}）对其没有裁决事项`;
}

/** legal55a 3: serving the award on a worker it decides nothing of is warned, not refused — serving him does no harm. */
export function noAwardItemsServiceWarnings(ctx: CaseContext, ev: Pick<ProcEvent, 'type' | 'payload'>): string[] {
  if (ev.type !== 'SERVE' || ev.payload.document !== 'award' || ev.payload.partialAward !== undefined) return [];
  const words = typeof ev.payload.partyId === 'number' ? noAwardItemsWords(ctx, ev.payload.partyId) : null;
  return words
    ? [
        `${words}：向其送达裁决书不产生其起诉或申请执行的权利（《劳动争议调解仲裁法》第四十八条、第五十条、第五十一条）；已按所登记的送达记录，请核对是否应向其送达`,
      ]
    : [];
}

/**
 * The worker's suit against a final award (or the final part of a mixed one — his own final items) pending (LDMAL
 * Art. 48; SPC-1 Art. 21(1)), or null. legal55a 1: a worker whose items are all non-final sues under LDMAL Art. 50 on
 * the non-final part, which does not hold back the set-aside of another worker's final award (Art. 49; SPC-1 Arts. 17, 19).
 */
export function workerSuitHoldingSetAside(ctx: CaseContext): CaseContext['lawsuits'][number] | null {
  if (!ctx.award || ctx.award.finality === 'non_final' || ctx.setAside?.result === 'set_aside') return null;
  return pendingSuits(ctx).find((l) => isWorkerId(ctx, l.partyId) && workerHasFinalPart(ctx, l.partyId)) ?? null;
}

/**
 * SPC-1 Art. 21: while the worker's suit is pending, the intermediate court does not accept the employer's application
 * to set the award aside; if the suit is dismissed or its withdrawal permitted, the employer may apply within 30 days of
 * receiving that ruling (`set_aside_after_suit`).
 */
export function setAsideAfterWorkerSuit(ctx: CaseContext): Violation | null {
  const suit = workerSuitHoldingSetAside(ctx);
  if (!suit) return null;
  // legal54a (6), domain.md §9.4 [S]: with several workers, SPC-1 Art. 21(1) holds back the set-aside of the suing
  // worker's award only; Zhongcai records one set-aside for the whole award (RECORD_SET_ASIDE names no worker), so it
  // stays refused while any worker's suit is pending — said plainly, not presented as the article's reach.
  const several = ctx.parties.filter((p) => p.side !== 'third_party' && isWorkerId(ctx, p.id)).length > 1;
  return v(
    'set-aside-while-worker-sues',
    'SPC-1 Art. 21',
    `劳动者（当事人${suit.partyId}）已于${suit.filedOn}就终局裁决向${suit.court}起诉：中级人民法院不受理用人单位撤销裁决的申请；起诉被驳回或者准许撤诉的，用人单位可以自收到裁定书之日起三十日内申请撤销（最高人民法院劳动争议解释（一）第二十一条）${
      several
        ? `。本案有多名劳动者：该起诉只阻止撤销当事人${suit.partyId}的裁决，用人单位对其他劳动者的裁决仍可申请撤销；但本系统尚不能按劳动者分别登记撤销申请（撤销申请不写明针对哪一劳动者），须待该起诉有处理结果后登记`
        : ''
    }`,
  );
}

/**
 * The suits each court outcome ended, as positions in `lawsuits` (legal49c H2): its `suits`, or — on a record made
 * before outcomes were per suit — every suit recorded before it not ended yet.
 */
export function outcomeSuits(ctx: Pick<CaseContext, 'lawsuits' | 'courtOutcomes'>): number[][] {
  const ended = new Set<number>();
  return (ctx.courtOutcomes ?? []).map((o) => {
    const suits = o.suits ?? [...Array(Math.min(o.suitCount, ctx.lawsuits.length)).keys()].filter((i) => !ended.has(i));
    for (const i of suits) ended.add(i);
    return suits;
  });
}

/** The positions in `lawsuits` of the suits no court outcome has ended yet. */
export function pendingSuitIndexes(ctx: Pick<CaseContext, 'lawsuits' | 'courtOutcomes'>): number[] {
  const ended = new Set(outcomeSuits(ctx).flat());
  return ctx.lawsuits.map((_, i) => i).filter((i) => !ended.has(i));
}

/**
 * The same party's earlier suit, ended by a court outcome made after the day a new suit says it was filed (legal52a M3):
 * the two would have been pending together (domain.md §9.4). Its filing day and the day the ruling ended it.
 */
function overlappedSuit(ctx: CaseContext, ev: ProcEvent): { filedOn: string; decidedOn: string } | null {
  const filedOn = typeof ev.payload.filedOn === 'string' ? ev.payload.filedOn : ev.occurredOn;
  const outcomes = ctx.courtOutcomes ?? [];
  let found: { filedOn: string; decidedOn: string } | null = null;
  outcomeSuits(ctx).forEach((suits, k) => {
    const o = outcomes[k];
    if (!o) return;
    for (const i of suits) {
      const l = suitAt(ctx, i);
      if (l.partyId !== ev.payload.partyId) continue;
      if (filedOn < o.decidedOn && (!found || o.decidedOn > found.decidedOn)) found = { filedOn: l.filedOn, decidedOn: o.decidedOn };
    }
  });
  return found;
}

/** The suits recorded that no court outcome has ended yet (legal49c H2: each outcome ends its own suit). */
export const pendingSuits = (ctx: Pick<CaseContext, 'lawsuits' | 'courtOutcomes'>) => pendingSuitIndexes(ctx).map((i) => suitAt(ctx, i));

/** The suit at a position in `lawsuits` (positions come from `lawsuits` itself). */
const suitAt = (ctx: Pick<CaseContext, 'lawsuits'>, i: number) => ctx.lawsuits[i] as CaseContext['lawsuits'][number];

/**
 * Each suit with the court's outcome that ended it, or `decided: null` while pending (legal49c H2): what the case view
 * and case.json show of which suit a ruling decided.
 */
export function suitsWithOutcomes(ctx: Pick<CaseContext, 'lawsuits' | 'courtOutcomes'>) {
  const decided = new Map<number, { outcome: CourtOutcome; decidedOn: string }>();
  const outcomes = ctx.courtOutcomes ?? [];
  outcomeSuits(ctx).forEach((suits, k) => {
    const o = outcomes[k];
    if (o) for (const i of suits) decided.set(i, { outcome: o.outcome, decidedOn: o.decidedOn });
  });
  return ctx.lawsuits.map((l, i) => ({ ...l, decided: decided.get(i) ?? null }));
}

/**
 * The court outcomes of the suits now before the court or just ended together: those recorded since the last outcome
 * after which no suit was pending. The case leaves in_litigation when the last of them is recorded; what it moves to
 * is judged on them all (legal49c H2: a judgment on one worker's suit decides the case in court even when another
 * worker's suit was withdrawn).
 */
export function roundOutcomes(ctx: Pick<CaseContext, 'lawsuits' | 'courtOutcomes'>): NonNullable<CaseContext['courtOutcomes']> {
  const all = ctx.courtOutcomes ?? [];
  const per = outcomeSuits(ctx);
  const ended = new Set<number>();
  let start = 0;
  per.forEach((suits, k) => {
    for (const i of suits) ended.add(i);
    const count = Math.min(all[k]?.suitCount ?? 0, ctx.lawsuits.length);
    if ([...Array(count).keys()].every((i) => ended.has(i))) start = k + 1;
  });
  return all.slice(start);
}

/**
 * The suit a court outcome is for (legal49c H2): the party named, or the only suit pending. `null` names nothing to
 * refuse; otherwise the field error (400 on `partyId`).
 */
export function courtOutcomeSuitError(ctx: CaseContext, partyId: number | undefined): string | null {
  const pending = pendingSuits(ctx);
  if (partyId === undefined)
    return pending.length > 1
      ? `本案有${pending.length}件起诉尚未登记处理结果（当事人${pending.map((l) => l.partyId).join('、')}），请写明本次裁判针对哪一当事人的起诉`
      : null;
  if (pending.some((l) => l.partyId === partyId)) return null;
  // legal52a L3: a party not of the case is named once, by the payload's party check (app/procedure/apply-event.ts).
  if (!ctx.parties.some((p) => p.id === partyId)) return null;
  return pending.length
    ? `当事人${partyId}没有尚未登记处理结果的起诉；待登记结果的起诉：当事人${pending.map((l) => l.partyId).join('、')}`
    : '本案没有尚未登记处理结果的起诉';
}

/**
 * The award set aside as a whole: a final award the intermediate court set aside (LDMAL Art. 49). A mixed award's set-aside
 * takes its final part only — the non-final part stands under Art. 50 and, once effective, is enforced (Art. 51;
 * reviewer s45 H1: it was effective and could not be enforced).
 */
export const setAsideWhole = (ctx: Pick<CaseContext, 'award' | 'setAside'>): boolean =>
  ctx.setAside?.result === 'set_aside' && ctx.award?.finality !== 'mixed';

/**
 * An award with a final part (终局裁决) that orders something and was not set aside. The final part takes effect the
 * day it is made (LDMAL Art. 47); the employer cannot sue over it — a suit is the worker's (Art. 48), the employer's
 * route is an application to set it aside at the intermediate court (Art. 49) — so an employer's suit (Art. 50) concerns
 * only the non-final part, and the final part's items can still be enforced (LDMAL Art. 51; reviewer docs45 M4). A
 * worker's suit against the final award (Art. 48) does stop it.
 */
export function finalPartEnforceable(ctx: Pick<CaseContext, 'award' | 'setAside'>): boolean {
  const a = ctx.award;
  if (!a || a.finality === 'non_final' || ctx.setAside?.result === 'set_aside') return false;
  return a.items.some((i) => hasPart(i, true) && i.outcome !== 'dismissed');
}

/**
 * A mixed award in court on the employer's suit alone (its non-final part, LDMAL Art. 50): the final part stays in force
 * and a worker applies to enforce its items while the suit goes on (Arts. 47, 51) — the case stays in court.
 */
export function finalPartInForceDuringSuit(ctx: CaseContext): boolean {
  return pendingSuits(ctx).length > 0 && finalPartInForce(ctx);
}

/**
 * A mixed award not yet effective as a whole (its non-final part waits out the 15-day windows, LDMAL Art. 50, or the
 * employer's suit on it): its final part took effect the day it was made (LDMAL Art. 47) and the worker may apply to
 * enforce it (Art. 51) — in award_issued / award_served as during the employer's suit (reviewer legal H2). Not after a
 * worker sued (Art. 48 holds the final part back) or once the final part was set aside (Art. 49).
 */
export function finalPartInForce(ctx: CaseContext): boolean {
  return finalPartInForceFor(ctx).length > 0;
}

/**
 * The workers a mixed award's final part is in force for (legal54a H3–H4), while the award is not effective as a whole:
 * each worker's items are his own (SPC-1 Art. 19; Rules Art. 50; workflows/sides.ts claimWorker), so the final part is in
 * force for a worker who has a final item granted — his own, or one of the workers' together — (LDMAL Art. 47) and whose
 * own suit does not hold his award back (pending, or ended by a judgment or a finding of no effect: LDMAL Art. 48; SPC-1
 * Art. 17 — another worker's suit holds back that worker's award only). A worker whose items are all non-final has
 * nothing in force until the non-final part takes effect (LDMAL Art. 50; SPC-1 Art. 16 while the employer sues). Not
 * once the final part was set aside (Art. 49).
 */
export function finalPartInForceFor(ctx: CaseContext): number[] {
  const award = ctx.award;
  if (ctx.closure?.mode !== 'award' || award?.finality !== 'mixed' || ctx.effectiveOn !== null || !finalPartEnforceable(ctx)) return [];
  const held = finalAwardHeldFor(ctx);
  const granted = award.items
    .filter((i) => hasPart(i, true) && i.outcome !== 'dismissed')
    .map((i) => ({ claim: ctx.claims.find((c) => c.id === i.claimId), sharers: partWorkers(i, true) }))
    // The final items a worker recovers: not the employer's against a worker (its claim or counterclaim, Rules Art. 36).
    .filter(
      (g): g is { claim: CaseContext['claims'][number]; sharers: number[] | null } =>
        g.claim !== undefined && !claimByEmployer(ctx, g.claim),
    );
  return (
    signingParties(ctx)
      .filter((p) => isWorkerParty(ctx, p) && !held.has(p.id))
      // fixS57: of a joint item split by its shares, only the workers whose shares are final (SPC-1 Art. 19).
      .filter((p) => granted.some((g) => (g.sharers ? g.sharers.includes(p.id) : [null, p.id].includes(claimWorker(ctx, g.claim)))))
      .map((p) => p.id)
  );
}

/**
 * LDMAL Arts. 43(2), 47, 51: a final partial award ordering something, made before the application was withdrawn — or
 * deemed withdrawn (Art. 36), which reaches the undecided claims only in the same way — took effect the day it was made
 * and is enforced. Not once a worker sued on it (Art. 48: a final award a worker sues on does not take effect) nor once
 * it was set aside (Art. 49) (reviewer revfix L2).
 */
export function partialAwardInForce(ctx: CaseContext): boolean {
  return partialAwardInForceNo(ctx) !== null;
}

/**
 * The first partial award in force after a withdrawal (1 = the first made), or null: the one an APPLY_ENFORCEMENT that
 * names none enforces. Not one set aside or sued on by a worker as recorded against it (legalfixA H2).
 */
export function partialAwardInForceNo(ctx: CaseContext): number | null {
  if (ctx.closure?.mode !== 'withdrawal' && ctx.closure?.mode !== 'deemed_withdrawal') return null;
  if (ctx.setAside?.result === 'set_aside' || ctx.lawsuits.some((l) => isWorkerId(ctx, l.partyId))) return null;
  const i = ctx.partialAwards.findIndex((pa, j) => {
    const remedies = (ctx.partialAwardRemedies ?? []).filter((r) => r.partialAward === j + 1);
    const gone = remedies.some(
      (r) =>
        (r.kind === 'set_aside' && r.result === 'set_aside') || (r.kind === 'lawsuit' && r.partyId !== null && isWorkerId(ctx, r.partyId)),
    );
    return !gone && pa.items.some((it) => hasPart(it, true) && it.outcome !== 'dismissed');
  });
  return i < 0 ? null : i + 1;
}

/** The remedies recorded against the partial award numbered `n` (1 = the first made; legalfixA H2). */
export const partialRemediesOf = (ctx: CaseContext, n: number) => (ctx.partialAwardRemedies ?? []).filter((r) => r.partialAward === n);

/** The partial award's items that order something and are final (LDMAL Art. 47): what its enforcement is of. */
const partialFinalOrders = (award: CaseContext['partialAwards'][number]) =>
  award.items.some((i) => hasPart(i, true) && i.outcome !== 'dismissed');

/**
 * The remedies against a partial award (LDMAL Art. 43(2); Rules Art. 49: a party dissatisfied with it proceeds as
 * against any award — domain.md §9.1), named by `partialAward` on RECORD_LAWSUIT, RECORD_SET_ASIDE and
 * APPLY_ENFORCEMENT (legalfixA H2). Recorded whatever the case's state: the main procedure and its 45-day clock go on.
 * * A suit (LDMAL Arts. 48, 50): by the worker, or by the employer against a partial award that is not final (the
 *   employer cannot sue against a final one, Arts. 48–49, until it is set aside, Art. 49(3)); one per party.
 * * The employer's application to set aside (LDMAL Art. 49): against a partial award with final items only; not while
 *   the worker's suit on it is pending (SPC-1 Art. 21(1)); one at a time; its result names a pending one.
 * * Enforcement (LDMAL Arts. 47, 51): of a partial award's final items ordering something, by the worker — not once he
 *   sued on it (Art. 48) nor once it was set aside (Art. 49) — per worker (legal49a H2). A non-final partial award is
 *   enforced once every party's window on it has run without a timely suit (Art. 50; legal49a M5, domain.md §9.1).
 */
export function partialAwardRemedyRule(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const n = ev.payload.partialAward as number;
  const award = ctx.partialAwards[n - 1];
  if (!award)
    return v(
      'partial-award-unknown',
      'LDMAL Art. 43(2)',
      ctx.partialAwards.length ? `本案只有${ctx.partialAwards.length}件部分裁决，没有第${n}件` : '本案没有作出部分裁决',
      'partialAward',
    );
  const remedies = partialRemediesOf(ctx, n);
  const setAside = remedies.find((r) => r.kind === 'set_aside' && r.result === 'set_aside');
  const pending = remedies.find((r) => r.kind === 'set_aside' && r.result === null);
  const workerSuit = remedies.find((r) => r.kind === 'lawsuit' && r.partyId !== null && isWorkerId(ctx, r.partyId));
  const workerSuitOf = (id: number | undefined) => remedies.find((r) => r.kind === 'lawsuit' && r.partyId === id && id !== undefined);
  const which = `第${n}件部分裁决`;
  const partyId = ev.payload.partyId as number | undefined;
  if (ev.type === 'RECORD_LAWSUIT') {
    if (award.finality === 'final' && !setAside && partyId !== undefined && isEmployer(ctx, partyId))
      return v(
        'employer-cannot-sue-final',
        'LDMAL Arts. 48–49',
        `${which}为终局裁决，用人单位不能起诉，只能向中级人民法院申请撤销`,
        'partyId',
      );
    if (award.finality === 'final' && !setAside && isThirdParty(ctx, partyId)) return thirdPartyCannotSueFinal(partyId, which);
    if (remedies.some((r) => r.kind === 'lawsuit' && r.partyId === partyId))
      return v('partial-award-already-sued', 'LDMAL Arts. 48, 50', `当事人${partyId}已就${which}起诉`, 'partyId');
    // As for the award (workerSuitOnFinalAwardInForce; legal48c H1, H2): only a timely suit ends a pending set-aside of
    // it (SPC-1 Art. 21(1)), and with several workers it concerns the suing worker's own award only.
    if (pending && partyId !== undefined && isWorkerId(ctx, partyId)) {
      if (ev.facts?.finalSuitTimely === false)
        return v(
          'late-suit-on-final-award',
          'LDMAL Art. 48; SPC-1 Art. 21',
          `劳动者对${which}的起诉期间已于${ev.facts.finalSuitDueOn}届满（《劳动争议调解仲裁法》第四十八条）；逾期的起诉不能终结中级人民法院对用人单位撤销该裁决申请的审查（最高人民法院劳动争议解释（一）第二十一条），请先登记该申请的审查结果`,
          'filedOn',
        );
      if (ctx.parties.filter((x) => x.side !== 'third_party' && isWorkerId(ctx, x.id)).length > 1)
        return v(
          'suit-during-set-aside-several-workers',
          'SPC-1 Art. 21; LDMAL Art. 48',
          `本案有多名劳动者：一名劳动者就${which}的起诉只涉及其本人，用人单位对其他劳动者的撤销申请仍在审查；本系统尚不能按劳动者分别登记撤销申请，请待中级人民法院对撤销申请作出裁定后登记该起诉`,
          'partyId',
        );
    }
    return null;
  }
  if (ev.type === 'RECORD_SET_ASIDE') {
    if (ev.payload.result !== undefined)
      return pending ? null : v('partial-award-no-set-aside-pending', 'LDMAL Art. 49', `${which}没有审查中的撤销申请`, 'partialAward');
    if (award.finality === 'non_final')
      return v(
        'partial-award-not-final',
        'LDMAL Art. 49',
        `${which}为非终局裁决，不能申请撤销；当事人可以起诉（第五十条）`,
        'partialAward',
      );
    if (workerSuit)
      return v(
        'set-aside-while-worker-sues',
        'SPC-1 Art. 21',
        `劳动者已于${workerSuit.filedOn}就${which}向${workerSuit.court}起诉：中级人民法院不受理用人单位撤销该裁决的申请（最高人民法院劳动争议解释（一）第二十一条）`,
      );
    if (pending || setAside)
      return v(
        'partial-award-set-aside-exists',
        'LDMAL Art. 49',
        pending ? `${which}的撤销申请正在审查（${pending.filedOn}提出）` : `${which}已被撤销`,
        'partialAward',
      );
    return null;
  }
  if (ev.type === 'APPLY_ENFORCEMENT') {
    const party = ctx.parties.find((x) => x.id === partyId);
    if (!party || (partialFinalOrders(award) && !isWorkerParty(ctx, party)))
      return v(
        'enforcement-partial-award-by-worker',
        'LDMAL Arts. 43(2), 47, 51',
        `只有劳动者可以就${which}的终局裁决事项申请强制执行`,
        'partyId',
      );
    if (!partialFinalOrders(award)) {
      // LDMAL Art. 51 (reviewer L1): a non-final partial award is enforced by the side it entitles, as the award is
      // (`enforcement-by-obligee`) — the employer whose counterclaim it granted too, not the workers alone.
      const granted = award.items.filter((i) => i.outcome !== 'dismissed');
      const entitled = new Set<string>(
        granted.map((i) => (ctx.claims.find((c) => c.id === i.claimId)?.counterclaim ? 'respondent' : 'applicant')),
      );
      if (granted.length && !entitled.has(party.side))
        return v(
          'enforcement-by-obligee',
          'LDMAL Art. 51',
          `${which}确定由${party.side === 'applicant' ? '申请人' : '被申请人'}一方履行给付义务；申请强制执行的应当是该裁决所确认权利的${
            party.side === 'applicant' ? '被申请人' : '申请人'
          }一方（《劳动争议调解仲裁法》第五十一条）`,
          'partyId',
        );
      // LDMAL Arts. 50–51 (legal49a M5): a non-final partial award no party sued on in time took effect when every
      // party's 15-day window on it had run, and is enforced like any effective award.
      if (!award.items.some((i) => i.outcome !== 'dismissed'))
        return v('nothing-to-enforce', 'LDMAL Art. 51', `${which}驳回了其处理的全部请求，没有可供强制执行的给付内容`, 'partialAward');
      // Judged on the day the application was filed in court (reviewer s49 H2), not the day it was entered.
      const end = ev.facts?.partialWindowsEndOn;
      const filedOn = typeof ev.payload.filedOn === 'string' ? ev.payload.filedOn : ev.occurredOn;
      if (!end || filedOn <= end)
        return v(
          'partial-award-not-effective',
          'LDMAL Art. 50',
          `${which}为非终局裁决，各方当事人收到后十五日内均未起诉的，期满才发生法律效力（劳动争议调解仲裁法第五十条）${
            end ? `：起诉期间于${end}届满，可于其后申请强制执行` : '：尚未向全部当事人送达，起诉期间未能确定'
          }`,
          'partialAward',
        );
      // A timely suit holds it back for the party who sued, and the employer's for everyone (SPC-1 Arts. 16–17); an
      // employer enforcing its counterclaim's items is held back by any worker's suit too — the dispute with him is in court.
      const worker = isWorkerParty(ctx, party);
      const timely = remedies.find(
        (r) =>
          r.kind === 'lawsuit' &&
          r.filedOn <= end &&
          (!worker || r.partyId === partyId || (r.partyId !== null && !isWorkerId(ctx, r.partyId))),
      );
      if (timely)
        return v(
          'partial-award-sued',
          'LDMAL Art. 50; SPC-1 Art. 16',
          `当事人${timely.partyId}已于${timely.filedOn}就${which}起诉，该非终局裁决不发生法律效力`,
          'partialAward',
        );
      return null;
    }
    if (setAside) return v('partial-award-set-aside', 'LDMAL Art. 49', `${which}已于${setAside.decidedOn}被撤销`, 'partialAward');
    // LDMAL Arts. 47–48, 51; SPC-1 Art. 17 (legal49a H2): a worker's suit holds back his own award only — for the workers
    // who did not sue, the final partial award stays in force and is enforced, as the award's path does
    // (finalAwardNonSuers).
    const own = workerSuitOf(partyId);
    if (own)
      return v(
        'partial-award-sued',
        'LDMAL Art. 48',
        `当事人${partyId}已于${own.filedOn}就${which}起诉，该裁决对其不发生法律效力`,
        'partyId',
      );
    return null;
  }
  return null;
}

/** Whether a remedy against some partial award can be recorded now (the event offered; legalfixA H2). */
export function partialRemedyOffered(ctx: CaseContext, type: EventType): boolean {
  if (ctx.track !== 'arbitration' || ctx.archivedOn !== null || ctx.partialAwards.length === 0) return false;
  return ctx.partialAwards.some((award, i) => {
    const remedies = partialRemediesOf(ctx, i + 1);
    const gone = remedies.some((r) => r.kind === 'set_aside' && r.result === 'set_aside');
    const sued = remedies.some((r) => r.kind === 'lawsuit' && r.partyId !== null && isWorkerId(ctx, r.partyId));
    if (type === 'RECORD_LAWSUIT') return true;
    if (type === 'RECORD_SET_ASIDE') return award.finality !== 'non_final' && !gone && !sued;
    // Enforced by a worker who did not sue on it (LDMAL Arts. 47–48, 51; legal49a H2).
    const suers = new Set(remedies.filter((r) => r.kind === 'lawsuit').map((r) => r.partyId));
    const free = signingParties(ctx).some((x) => isWorkerParty(ctx, x) && !suers.has(x.id));
    return partialFinalOrders(award) && !gone && free;
  });
}

/**
 * Several workers, some of whom sued (domain.md §9.4): a non-final award (or a mixed award, with its non-final part)
 * does not take effect for the workers who sue, and does for those who do not, who may apply for enforcement
 * (SPC-1 Art. 17). It applies while the award as a whole is held in court — a suit pending, or the court decided the
 * suit or found the award without effect — and was not set aside. Returns the workers who did not sue, or `null` when
 * the award's effect is not split this way. An employer's suit holds the award back for everyone (SPC-1 Art. 16;
 * LDMAL Art. 50): no split, and `employerSued` says why.
 */
export function separateEffect(ctx: CaseContext): { workers: number[]; employerSued: boolean } | null {
  const award = ctx.award;
  if (!award || award.finality === 'final' || ctx.closure?.mode !== 'award') return null;
  if (ctx.effectiveOn !== null || ctx.setAside?.result === 'set_aside' || ctx.lawsuits.length === 0) return null;
  const decided = (ctx.courtOutcomes ?? []).some((o) => o.outcome === 'judgment' || o.outcome === 'dismissed_no_effect');
  if (pendingSuits(ctx).length === 0 && !decided) return null;
  const held = holdingSuits(ctx);
  const sued = new Set(held.map((l) => l.partyId));
  return {
    workers: signingParties(ctx)
      .filter((p) => isWorkerParty(ctx, p) && !sued.has(p.id))
      .map((p) => p.id),
    employerSued: held.some((l) => !isWorkerId(ctx, l.partyId) && !suitAfterEffect(ctx, l)),
  };
}

/**
 * The suits that hold the award back for their party (legal49c H2): pending, or ended by a judgment (it decides the
 * dispute in the award's place, LDMAL Art. 50) or by a finding that the award has no effect (SPC-2000 Art. 3). A suit
 * withdrawn or dismissed as out of time does not: the award stands for that party as if it had not sued (SPC-2000
 * Arts. 1–2), the other suits going on. Several suits ended by one outcome recorded before outcomes were per suit
 * count as that outcome says.
 */
function holdingSuits(ctx: CaseContext): CaseContext['lawsuits'] {
  const per = outcomeSuits(ctx);
  const revived = new Set<number>();
  (ctx.courtOutcomes ?? []).forEach((o, k) => {
    if (o.outcome === 'withdrawal_permitted' || o.outcome === 'dismissed_out_of_time') for (const i of per[k] ?? []) revived.add(i);
  });
  return ctx.lawsuits.filter((_, i) => !revived.has(i));
}

/**
 * LDMAL Art. 50 (legal49a H3): a suit filed after the award took effect for a worker who did not sue was filed after the
 * 15-day windows ended — MARK_EFFECTIVE for him required the employer's windows to have run (SPC-1 Art. 17) — so it is
 * late: the court dismisses it (SPC-2000 Art. 2) and it does not undo the effect that arose when the windows elapsed.
 * Only a suit filed before that day holds the award back for everyone (SPC-1 Art. 16).
 */
const suitAfterEffect = (ctx: CaseContext, suit: CaseContext['lawsuits'][number]): boolean =>
  (ctx.effectiveFor ?? []).some((e) => e.effectiveOn <= suit.filedOn);

/**
 * The workers a final award is not in force for, because of their own suit (LDMAL Art. 48): a suit pending, or one the
 * court ended by a judgment — the judgment decides the dispute in the award's place — or by finding the award without
 * effect (legal49a H1: the worker who sued could still enforce the award after the judgment). A suit withdrawn or
 * dismissed as out of time leaves the award in force for him (SPC-1 Art. 21(2)). Maps each worker to how it ended
 * (`pending`, or the outcome's decidedOn).
 */
export function finalAwardHeldFor(ctx: CaseContext): Map<number, { outcome: 'pending' | CourtOutcome; decidedOn?: string }> {
  const out = new Map<number, { outcome: 'pending' | CourtOutcome; decidedOn?: string }>();
  // legal49c H2: each outcome reaches the suits it ended only.
  const per = outcomeSuits(ctx);
  (ctx.courtOutcomes ?? []).forEach((o, k) => {
    if (o.outcome === 'judgment' || o.outcome === 'dismissed_no_effect')
      for (const l of (per[k] ?? []).map((i) => suitAt(ctx, i)))
        if (isWorkerId(ctx, l.partyId)) out.set(l.partyId, { outcome: o.outcome, decidedOn: o.decidedOn });
  });
  for (const l of pendingSuits(ctx)) if (isWorkerId(ctx, l.partyId)) out.set(l.partyId, { outcome: 'pending' });
  return out;
}

/**
 * A final award some workers sued on (legalfixA M3; legal49a H1): a final award is effective from the day it is made
 * (LDMAL Art. 47); a worker's suit holds back his own award only (Art. 48) — while pending, and for good once the court
 * gave judgment — so for the workers who did not sue it is in force and they may apply to enforce it (Art. 51). Returns
 * those workers (none when every worker sued), or null when no worker's suit holds the final award back.
 */
export function finalAwardNonSuers(ctx: CaseContext): number[] | null {
  if (ctx.award?.finality !== 'final' || ctx.closure?.mode !== 'award' || ctx.setAside?.result === 'set_aside') return null;
  const held = finalAwardHeldFor(ctx);
  if (held.size === 0) return null;
  return signingParties(ctx)
    .filter((x) => isWorkerParty(ctx, x) && !held.has(x.id))
    .map((x) => x.id);
}

/** The day the award took effect for one party on its own (SPC-1 Art. 17), as MARK_EFFECTIVE recorded it. */
export const effectiveForParty = (ctx: CaseContext, partyId: number): string | null =>
  (ctx.effectiveFor ?? []).find((e) => e.partyId === partyId)?.effectiveOn ?? null;

/** SPC-1 Art. 17: which party a MARK_EFFECTIVE names, when the award's effect is split by worker. */
function separateEffectRule(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const split = separateEffect(ctx);
  if (!split) return null;
  const partyId = ev.payload.partyId as number | undefined;
  if (split.employerSued) {
    return v(
      'employer-sued-no-effect',
      'SPC-1 Art. 16; LDMAL Art. 50',
      '用人单位已就本裁决向人民法院起诉，裁决对任何当事人均不发生法律效力（起诉事项），不能确认生效',
    );
  }
  if (partyId === undefined) {
    return v(
      'effect-party-required',
      'SPC-1 Art. 17',
      `已有劳动者起诉，裁决对其不发生法律效力；对未起诉的劳动者（当事人${split.workers.join('、')}）分别确认生效，请写明 partyId`,
      'partyId',
    );
  }
  if (!split.workers.includes(partyId)) {
    return v(
      'effect-for-non-suing-worker',
      'SPC-1 Art. 17',
      ctx.lawsuits.some((l) => l.partyId === partyId)
        ? `当事人${partyId}已向人民法院起诉，裁决对其不发生法律效力`
        : `裁决分别生效只适用于未起诉的劳动者（当事人${split.workers.join('、') || '无'}）`,
      'partyId',
    );
  }
  if (effectiveForParty(ctx, partyId)) {
    return v('already-effective', 'SPC-1 Art. 17', `裁决已于${effectiveForParty(ctx, partyId)}对当事人${partyId}发生法律效力`, 'partyId');
  }
  return null;
}

export const decidedClaimIds = (ctx: CaseContext): Set<number> =>
  new Set([...ctx.partialAwards.flatMap((a) => a.items.map((i) => i.claimId)), ...(ctx.award?.items.map((i) => i.claimId) ?? [])]);

/** The merged counterclaim's claims (Rules Art. 36) neither decided nor given up: the respondent's request still standing. */
export function standingCounterclaims(ctx: CaseContext): number[] {
  const decided = decidedClaimIds(ctx);
  const withdrawn = withdrawnClaimIds(ctx);
  return ctx.claims.filter((c) => c.counterclaim && !decided.has(c.id) && !withdrawn.has(c.id)).map((c) => c.id);
}

/**
 * The applicant's withdrawal, or its deemed withdrawal (LDMAL Art. 36), ends the applicant's claims, not the
 * respondent's: a merged counterclaim still standing is decided — by analogy with the civil procedure (SPC
 * Interpretation of the CPL, Art. 239: after the claim is withdrawn the counterclaim is tried on). Closing the case
 * over it would leave it undecided with no record of why. It is decided first (a partial award), or the respondent
 * withdraws it too (`counterclaimWithdrawn`, recorded with the act); an applicant who gives up every claim while it
 * stands records that as a change of claims (CHANGE_CLAIMS), and the case goes on to decide the counterclaim.
 */
function counterclaimStanding(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const standing = standingCounterclaims(ctx);
  if (!standing.length || ev.payload.counterclaimWithdrawn === true) return null;
  // Named as the case numbers its claims (第3、4项: their place among the claims, in the order they were made).
  const items = standing.map((id) => ctx.claims.findIndex((c) => c.id === id) + 1).join('、');
  const decide = ctx.hearingsHeld.length ? '先对反申请作出部分裁决' : '开庭审理后先对反申请作出部分裁决';
  return v(
    'counterclaim-standing',
    'Rules Art. 36; SPC CPL Interpretation Art. 239 (by analogy)',
    `被申请人的反申请（第${items}项请求）尚未处理，申请人撤回仲裁申请不影响反申请的审理。被申请人一并撤回反申请的，请勾选“被申请人一并撤回反申请”；否则请${decide}，或由申请人以“变更仲裁请求”放弃其全部请求、本案继续审理反申请`,
    'counterclaimWithdrawn',
  );
}

/**
 * An award against an absent party needs the hearing notice proven served on it (LDMAL Art. 36): the respondent, and
 * — on a counterclaim's items, which are decided against the applicant (Rules Art. 36; by analogy the CPL, Art. 146 of
 * the 2021 text: 原告拒不到庭…被告反诉的，可以缺席判决) — the applicant.
 */
function awardAbsenceRule(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const counter = new Set(ctx.claims.filter((c) => c.counterclaim).map((c) => c.id));
  const items = (ev.payload.items ?? []) as { claimId: number }[];
  return (
    absenceNoticeRule(ctx, ev, 'respondent') ??
    (items.some((i) => counter.has(i.claimId)) ? absenceNoticeRule(ctx, ev, 'applicant', true) : null)
  );
}

/** A claim as the parties and the documents number it: 第N项请求, or 反请求第N项 (by its order among its kind). */
function claimPosition(ctx: CaseContext, claimId: number): string {
  const claim = ctx.claims.find((c) => c.id === claimId);
  if (!claim) return `请求（编号${claimId}）`;
  const n = ctx.claims.filter((c) => !!c.counterclaim === !!claim.counterclaim).indexOf(claim) + 1;
  return claim.counterclaim ? `反请求第${n}项` : `第${n}项请求`;
}

/**
 * Rules Art. 44: a claim the applicant gave up (CHANGE_CLAIMS) is no longer decided — refused alike by ISSUE_AWARD,
 * PARTIAL_AWARD and the award preview (app/procedure/award-preview.ts; legal53a L1).
 */
export function withdrawnItemsRule(ctx: CaseContext, items: readonly { claimId: number }[]): Violation | null {
  const withdrawn = withdrawnClaimIds(ctx);
  const gone = items.filter((i) => withdrawn.has(i.claimId));
  if (!gone.length) return null;
  // Named by position as the parties and the documents number them (第N项请求 / 反请求第N项), the first at its item
  // (legal s46b L1: the internal id, no field); a counterclaim given up under Rules Art. 36, a claim under Arts. 35, 44.
  const counter = gone.every((i) => ctx.claims.find((c) => c.id === i.claimId)?.counterclaim);
  const first = items.findIndex((i) => withdrawn.has(i.claimId));
  return v(
    'claim-withdrawn',
    counter ? 'Rules Arts. 36, 44' : 'Rules Arts. 35, 44',
    `${gone.map((i) => claimPosition(ctx, i.claimId)).join('、')}已${counter ? '由被申请人放弃（撤回反申请）' : '由当事人放弃'}，不再裁决`,
    `items.${first}.claimId`,
  );
}

/**
 * A money claim granted in whole or in part names the sum (LDMAL Art. 46): the award's items and the award preview
 * (app/procedure/award-preview.ts, recheck53) refuse it alike.
 */
export function amountRequiredRule(
  ctx: Pick<CaseContext, 'claims'>,
  items: readonly { claimId: number; outcome: string; amount?: string }[],
): Violation | null {
  for (const [i, it] of items.entries()) {
    const claim = ctx.claims.find((c) => c.id === it.claimId);
    if (claim && MONETARY_FINAL_CATEGORIES.includes(claim.category) && it.outcome !== 'dismissed' && it.amount === undefined) {
      return v(
        'award-amount-required',
        'LDMAL Art. 46',
        `请求 ${it.claimId} 为给付请求，支持或部分支持时须写明裁决金额`,
        `items.${i}.amount`,
      );
    }
  }
  return null;
}

function awardItemsRule(ctx: CaseContext, ev: ProcEvent, whole: boolean): Violation | null {
  const items = (ev.payload.items ?? []) as { claimId: number; outcome: string; amount?: string }[];
  const decided = decidedClaimIds(ctx);
  const gone = withdrawnItemsRule(ctx, items);
  if (gone) return gone;
  const withdrawn = withdrawnClaimIds(ctx);
  const again = items.filter((i) => decided.has(i.claimId));
  if (again.length) {
    return v('claim-already-decided', 'Rules Art. 49', `请求 ${again.map((i) => i.claimId).join('、')} 已由部分裁决处理，不能再次裁决`);
  }
  const unpriced = amountRequiredRule(ctx, items);
  if (unpriced) return unpriced;
  const covered = new Set(items.map((i) => i.claimId));
  const missing = ctx.claims.filter((c) => !decided.has(c.id) && !covered.has(c.id) && !withdrawn.has(c.id)).map((c) => c.id);
  if (whole && missing.length) {
    return v('award-must-decide-every-claim', 'LDMAL Art. 46', `裁决须对每一项仲裁请求作出处理，尚未处理的：请求 ${missing.join('、')}`);
  }
  if (!whole) {
    const before = PRECONDITIONS.PARTIAL_AWARD?.(ctx);
    if (before) return before;
    // What decides every claim still open is the award itself: it closes the case (LDMAL Art. 46).
    if (!missing.length)
      return v(
        'partial-award-decides-every-claim',
        'LDMAL Arts. 43, 46; Rules Art. 49',
        '本次裁决处理了全部尚未裁决的请求：请改用“作出裁决”，而非部分裁决',
      );
  }
  return null;
}

/** LDMAL Art. 42(2)–(3); Rules Art. 73: the 调解书 inside arbitration is made by the tribunal and signed by its arbitrators. */
export function mediationNeedsTribunal(ctx: CaseContext, act = '制作调解书'): Violation | null {
  if (ctx.track !== 'arbitration' || ctx.tribunal) return null;
  return v(
    'mediation-document-needs-tribunal',
    'LDMAL Art. 42(2)–(3); Rules Arts. 71, 73',
    `调解达成协议的，由仲裁庭制作调解书，调解书由仲裁员签名并加盖仲裁委员会印章（《劳动争议调解仲裁法》第四十二条）：本案尚未组成仲裁庭，不能${act}。请先组成仲裁庭（调解可以继续），再${act}`,
  );
}

/**
 * LDMAL Art. 42(2),(4) (legal49a H4): "调解达成协议的，仲裁庭应当制作调解书" — once agreement is reached the tribunal makes
 * the 调解书; an award (a partial one included) or a ruling on the claims follows only if a party goes back on it before
 * the document is served (SIGN_MEDIATION_DOCUMENT refused, which returns the case to award drafting) or mediation fails.
 */
export function mediationAgreedRefusal(ctx: CaseContext, act: string): Violation | null {
  // An agreement recorded and not gone back on: the case is signing its 调解书 (a refusal ends the mediation: null).
  if (!ctx.mediation?.agreedOn) return null;
  return v(
    'mediation-agreed-no-award',
    'LDMAL Art. 42(2),(4)',
    `双方已于${ctx.mediation?.agreedOn ?? ''}达成调解协议，仲裁庭应当制作调解书，不能${act}（《劳动争议调解仲裁法》第四十二条）：当事人在调解书送达前反悔的，请先登记拒绝签收调解书，再及时作出裁决`,
  );
}

/** A party as the duplicate check compares it (workflows/duplicates.ts, db/stores/cases.ts matchingApplicants). */
interface NamedParty {
  side: string;
  kind: string;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
}

/**
 * VOID_REGISTRATION.duplicateOf (reviewer s45 L1): a registration voided as a second copy of an application repeats a case
 * of the same applicant — at least one applicant in common, by the duplicate check's rule (Rules Art. 34; workflows/
 * duplicates.ts): the same identity number (credit code for an organization) where both have one, else the same name.
 */
export function duplicateOfRefusal(
  mine: readonly NamedParty[],
  other: { id: number; caseNo: string | null; parties: readonly NamedParty[]; receivedOn?: string },
  receivedOn?: string,
): Violation | null {
  const applicants = (ps: readonly NamedParty[]) => ps.filter((p) => p.side === 'applicant');
  const key = (p: NamedParty) => (p.kind === 'person' ? p.idNumber : p.creditCode);
  const same = (a: NamedParty, b: NamedParty) => {
    if (a.kind !== b.kind) return false;
    const ka = key(a);
    const kb = key(b);
    return ka && kb ? ka === kb : a.name === b.name;
  };
  const named = other.caseNo ?? `编号${other.id}的案件`;
  if (applicants(mine).some((a) => applicants(other.parties).some((b) => same(a, b)))) {
    // The same application entered twice was received once: one received on another day is another application — a
    // repeated application is decided (不予受理, Rules Art. 34: the applicant is told and may go to court), never voided
    // out of the record and the statistics (a new user's walk, s45 M1). A receipt date mistyped on the copy is corrected
    // first (UPDATE_REGISTRATION).
    if (receivedOn && other.receivedOn && other.receivedOn !== receivedOn)
      return {
        rule: 'duplicate-of-other-application',
        source: 'Rules Art. 34',
        detail: `${named}的收件日期为${other.receivedOn}，本登记为${receivedOn}：是另一次提出的申请，不是同一申请的误登记，不能作废。重复申请请作出不予受理决定（《劳动人事争议仲裁办案规则》第三十四条）；如系本登记的收件日期填错，请先更正登记信息`,
        field: 'duplicateOf',
      };
    return null;
  }
  return {
    rule: 'duplicate-of-no-common-applicant',
    source: 'Rules Art. 34',
    detail: `${named}与本登记没有相同的申请人（身份证号码或统一社会信用代码相同，无号码的姓名或名称相同），不是本登记所重复的申请：请核对“所重复的案件”`,
    field: 'duplicateOf',
  };
}

/**
 * What the case itself, whatever the payload, must be for an event its state takes: an event refused on these grounds is
 * not offered (procedure.ts `availableEvents`, and so next-events), and sent anyway answers 422 with the rule.
 */
export const PRECONDITIONS: Partial<Record<EventType, (ctx: CaseContext) => Violation | null>> = {
  // LDMAL Art. 48 (legal49a H1): a final award every worker sued on (pending, or replaced by a judgment) has nobody to
  // enforce it — not offered (the rule answers an attempt: award-not-effective-for-party).
  APPLY_ENFORCEMENT: (ctx) =>
    finalAwardNonSuers(ctx)?.length === 0
      ? v(
          'award-not-effective-for-party',
          'LDMAL Arts. 47–48, 51',
          '终局裁决对已起诉的劳动者不发生法律效力，没有可以申请执行该裁决的当事人',
        )
      : null,
  // SPC-1 Art. 21(1): not offered while the worker's suit is pending (the rule answers an attempt with 422).
  RECORD_SET_ASIDE: (ctx) => setAsideAfterWorkerSuit(ctx),
  // fixT57 #1 (Rules Art. 9): a case accepted on transfer is not transferred onward of this commission's own motion —
  // only where the superior department designated another (reviewer s57 A M3: `designation`, checked when sent).
  // SPC-1 Art. 16; LDMAL Art. 50: while the employer's suit holds the (non-final part of the) award back for everyone, it
  // is not offered (legalfixA H1: it was offered in court and answered 422 only when sent).
  MARK_EFFECTIVE: (ctx) => (separateEffect(ctx)?.employerSued ? separateEffectRule(ctx, { payload: {} } as ProcEvent) : null),
  // void44: a registration made by mistake is voided only while it is nothing but the commission's own entry: not yet
  // accepted (the machine offers it in `received` only), the applicant not yet told to supplement it (Rules Art. 29:
  // the written notice went out under this registration) and no document served to a party. After any of these the
  // application has been dealt with as one: it ends by a legal act — 不予受理 (Rules Art. 30), or the applicant's
  // withdrawal — which the parties are told of and the statistics count.
  VOID_REGISTRATION: (ctx) =>
    ctx.supplement !== null
      ? v(
          'void-after-supplement-request',
          'Rules Art. 29',
          `已于 ${ctx.supplement.requestedOn} 书面告知申请人补正，本登记已作为仲裁申请处理，不能作废：属于重复申请的，请作出不予受理决定，或由申请人撤回申请`,
        )
      : ctx.services.length
        ? v(
            'void-after-service',
            'Rules Art. 20',
            `本案已于 ${ctx.services[0]?.servedOn} 向当事人送达文书，不能作废登记：属于重复申请的，请作出不予受理决定，或由申请人撤回申请`,
          )
        : null,
  // LDMAL Art. 43(2); Rules Art. 49: part of the facts found clear in the hearing is decided first — after a hearing;
  // and not once the parties have agreed (LDMAL Art. 42(2),(4): `mediationAgreedRefusal`).
  PARTIAL_AWARD: (ctx) =>
    mediationAgreedRefusal(ctx, '作出部分裁决') ??
    (ctx.hearingsHeld.length
      ? null
      : v(
          'partial-award-before-hearing',
          'LDMAL Arts. 43(2), 35–36; Rules Art. 49',
          '先行裁决须在开庭审理、部分事实已经清楚之后作出：本案尚未开庭',
        )),
  // LDMAL Art. 44 rules on what is claimed while the award is pending; once the parties agreed, the 调解书 settles it
  // (LDMAL Art. 42(2),(4); legal49a H4).
  ADVANCE_EXECUTION: (ctx) => mediationAgreedRefusal(ctx, '裁决先予执行'),
  // LDMAL Art. 42(2)–(3); Rules Art. 73: "调解达成协议的，仲裁庭应当制作调解书……调解书由仲裁员签名": an agreement in
  // arbitration becomes the tribunal's mediation document, so it is recorded only once a tribunal is formed. A mediation
  // the chair's mediator began before (Rules Art. 71 lets the tribunal entrust one before the hearing) goes on; the
  // tribunal is formed from that state (case-machine.ts `formTribunalInMediation`).
  MEDIATION_AGREED: (ctx) => mediationNeedsTribunal(ctx, '记录调解协议'),
  // LDMAL Art. 43(1); Rules Art. 45: the award limit is extended once (the review's own extension is Rules Art. 76).
  // Rules Art. 46: counted within the current award period — an extension approved before a restart belonged to the
  // superseded period (procedure-types.ts currentExtension; domain.md §7.2).
  EXTEND_TIME_LIMIT: (ctx) => {
    // Rules Art. 76: a review's period is extended once (med49 L4: a second one answered 409).
    const review = ctx.track === 'review' ? ctx.review?.extension : null;
    if (review) return v('extension-once', 'Rules Art. 76', `仲裁审查期限已于 ${review.on} 延长${review.days}日，延长只能批准一次`);
    const ext = currentExtension(ctx);
    return ext
      ? v(
          'extension-once',
          'LDMAL Art. 43(1); Rules Arts. 45–46',
          `本期审理期限已于 ${ext.approvedOn} 延长${ext.days}日，延长只能批准一次（审理期限重新计算后可再批准延长一次）`,
        )
      : null;
  },
};

/**
 * LDMAL Art. 33; Rules Arts. 11–12: an arbitrator who withdrew from the case (recused by the chair, RECUSE_ARBITRATOR,
 * or on a party's application granted, DECIDE_RECUSAL) no longer hears it — an award he took part in is a set-aside
 * ground (LDMAL Art. 49(1)(3)). So he is not named again: as a replacement, nor when the tribunal is formed anew (legal50a H1).
 */
function recusedOnCase(ctx: CaseContext, ids: number[]): ((path: string) => Violation) | null {
  const recused = new Set<number>([
    ...(ctx.recusals ?? []).map((r) => r.arbitratorId),
    ...(ctx.recusalApplications ?? [])
      .filter((r) => r.target.kind === 'arbitrator' && r.target.userId !== null && r.decision?.result === 'granted')
      .map((r) => r.target.userId as number),
  ]);
  const back = ids.find((id) => recused.has(id));
  if (back === undefined) return null;
  return (path) =>
    v('recused-arbitrator', 'LDMAL Arts. 33, 49(1)(3); Rules Arts. 11–12', `仲裁员（${back}）已在本案回避，不得再参与本案审理`, path);
}

/**
 * Payload-dependent legal rules per event. The machine's guards call these (so the chart itself refuses
 * illegal steps) and the server calls them first to answer 422 with the rule and its source.
 */
export const RULES: Partial<Record<EventType, Rule>> = {
  FORM_TRIBUNAL: (ctx, ev) => {
    const ids = ev.payload.arbitratorIds as number[];
    const back = recusedOnCase(ctx, ids);
    if (back) return back('arbitratorIds');
    // OrgRules Art. 13; Rules Art. 66: collective disputes (10+ workers) need a three-arbitrator tribunal — to hear them.
    // A review of a mediation agreement is not a hearing: Rules Art. 76 has the commission designate an arbitrator
    // (指定仲裁员) to review it, whatever the number of workers (med51 L; domain.md §6 review, [R]).
    if (ctx.collective && ctx.track !== 'review' && ids.length !== 3) {
      return v(
        'collective-needs-three-arbitrators',
        'OrgRules Art. 13; Rules Art. 66',
        '集体劳动人事争议应当由三名仲裁员组成仲裁庭，不能独任仲裁',
        'arbitratorIds',
      );
    }
    return null;
  },
  RECUSE_ARBITRATOR: (ctx, ev) => {
    const t = ctx.tribunal;
    if (!t?.arbitratorIds.includes(ev.payload.arbitratorId))
      return v('not-on-tribunal', 'LDMAL Art. 33', '被申请回避的仲裁员不是本案仲裁庭成员', 'arbitratorId');
    if (t.arbitratorIds.includes(ev.payload.replacementId))
      return v('replacement-on-tribunal', 'LDMAL Art. 33', '替换的仲裁员已是本案仲裁庭成员', 'replacementId');
    return recusedOnCase(ctx, [ev.payload.replacementId])?.('replacementId') ?? null;
  },
  SCHEDULE_HEARING: (ctx, ev) => {
    if (ev.payload.hearingOn <= ev.occurredOn) return v('hearing-in-future', 'LDMAL Art. 35', '开庭日期应晚于排期日期', 'hearingOn');
    // LDMAL Art. 35; Rules Art. 38: written notice at least 5 (working) days before the hearing — except in simple
    // handling, where the tribunal sets the hearing date flexibly (Rules Art. 60) and may notify by phone or SMS (Art. 59):
    // recorded there with a warning that says so (workflows/hearings.ts simpleHearingNoticeWarnings, s62 B #1), or
    // refused as here where the commission keeps the period in simple handling too (hearing_notice.keptInSimple).
    if (ev.facts?.hearingNoticeOk === false && (ctx.procedure !== 'simple' || ev.facts.noticeKeptInSimple === true)) {
      const words = periodWords(ev.facts.noticePeriod ?? DEFAULT_PERIODS.hearing_notice);
      return v(
        'hearing-notice-5-days',
        'LDMAL Art. 35; Rules Art. 38',
        `开庭通知应在开庭${words}前送达当事人，所选开庭日期过近${earliestHearing(ev)}${provisionalNote(ev)}`,
        'hearingOn',
      );
    }
    return nonPublicRule(ev);
  },
  POSTPONE_HEARING: (ctx, ev) => {
    if (ev.payload.hearingOn <= ev.occurredOn)
      return v('hearing-in-future', 'LDMAL Art. 35', '新的开庭日期应晚于延期决定之日', 'hearingOn');
    if (ctx.hearing && ev.payload.hearingOn === ctx.hearing.hearingOn)
      return v('same-date', 'LDMAL Art. 35', '新的开庭日期与原定日期相同', 'hearingOn');
    // LDMAL Art. 35: a party may ask for postponement at least 3 (working) days before the hearing.
    if (ev.payload.requestedBy === 'party' && ev.facts?.postponementTimely === false) {
      const words = periodWords(ev.facts.postponementPeriod ?? DEFAULT_PERIODS.postponement_request);
      return v(
        'postponement-3-days',
        'LDMAL Art. 35; Rules Art. 38',
        `当事人申请延期开庭应当在开庭前${words}提出，本申请已逾期${provisionalNote(ev)}`,
        ev.payload.requestedOn !== undefined ? 'requestedOn' : 'occurredOn',
      );
    }
    // LDMAL Art. 35: the new date needs a new written notice, served the same notice period ahead — except in simple
    // handling (Rules Art. 60: the hearing date set flexibly): a hearing the parties agreed to move by a day or two can
    // be recorded as held on that day (the reviewer: refused both ways, it could be recorded only under a false date).
    // s62 B #1: recorded with a warning saying so (simpleHearingNoticeWarnings); refused where hearing_notice.keptInSimple.
    if (ev.facts?.hearingNoticeOk === false && (ctx.procedure !== 'simple' || ev.facts.noticeKeptInSimple === true)) {
      const words = periodWords(ev.facts.noticePeriod ?? DEFAULT_PERIODS.hearing_notice);
      return v(
        'hearing-notice-5-days',
        'LDMAL Art. 35; Rules Art. 38',
        `延期后的开庭日期须重新书面通知，且应在新开庭日${words}前送达当事人，所选日期过近${earliestHearing(ev)}${provisionalNote(ev)}`,
        'hearingOn',
      );
    }
    return null;
  },
  HOLD_HEARING: (ctx, ev) => {
    if (ctx.hearing && ev.occurredOn < ctx.hearing.hearingOn)
      return v(
        'hearing-not-yet',
        'LDMAL Art. 35',
        `开庭日期为 ${ctx.hearing.hearingOn}，尚未到期：请于该日记录开庭；需要改期的，请记录延期开庭`,
        'occurredOn',
      );
    // LDMAL Art. 35; Rules Art. 38: the parties are told the hearing's day in writing 5 days ahead — a hearing held on
    // another day was never notified. A hearing that did not take place on its day is postponed (POSTPONE_HEARING: a
    // new day and a new written notice), then held on that day (an outside tester: refused on 05-28, held on 06-01).
    if (ctx.hearing && ev.occurredOn > ctx.hearing.hearingOn)
      return v(
        'hearing-not-on-scheduled-day',
        'LDMAL Art. 35; Rules Art. 38',
        `本案通知的开庭日期为 ${ctx.hearing.hearingOn}，不能记录 ${ev.occurredOn} 开庭：未在通知的日期开庭的，请先记录延期开庭（确定新的开庭日期并书面通知当事人），再于新的开庭日期记录开庭`,
        'occurredOn',
      );
    return nonPublicRule(ev, ctx.hearing?.public === false ? ctx.hearing.nonPublicGround : null);
  },
  // LDMAL Art. 36; Rules Arts. 39, 59: only after written notice of that hearing proven served on the applicant.
  // legal54c M1: one worker's deemed withdrawal while others go on leaves a counterclaim standing to be decided with them.
  DEEM_WITHDRAWN: (ctx, ev) =>
    deemWithdrawnNoticeRefusal(ctx, ev) ?? (partialDeemedWithdrawal(ctx, ev.payload.partyId) ? null : counterclaimStanding(ctx, ev)),
  MEDIATION_AGREED: (ctx, ev) => {
    const none = PRECONDITIONS.MEDIATION_AGREED?.(ctx);
    if (none) return none;
    // fixT57 #5 (LDMAL Art. 51): the obligors are parties to the agreement — applicants or respondents.
    const ids = (ev.payload.obligorIds ?? []) as number[];
    const others = ids.filter((id) => !ctx.parties.some((p) => p.id === id && (p.side === 'applicant' || p.side === 'respondent')));
    if (others.length)
      return v(
        'obligor-not-a-party',
        'LDMAL Art. 51',
        `履行义务人应当是本案的申请人或被申请人：当事人${others.join('、')}不是`,
        'obligorIds',
      );
    return null;
  },
  VOID_REGISTRATION: (ctx) => PRECONDITIONS.VOID_REGISTRATION?.(ctx) ?? null,
  SIGN_MEDIATION_DOCUMENT: (ctx, ev) => {
    // A case stored before MEDIATION_AGREED needed a tribunal that reached signing without one: no first signature
    // until the tribunal is formed (its document must be the tribunal's). A party going back on the agreement is
    // recorded whatever the tribunal (LDMAL Art. 42(4)); once one party has signed, the other signs the same document.
    if (ev.payload.refused !== true && !ctx.mediation?.signatures.length) {
      const none = mediationNeedsTribunal(ctx, '签收调解书');
      if (none) return none;
    }
    const p = signingParties(ctx).find((x) => x.id === ev.payload.partyId);
    if (!p) return v('not-a-signing-party', 'LDMAL Art. 42', '只有申请人和被申请人签收调解书', 'partyId');
    if (ctx.mediation?.signatures.some((s) => s.partyId === p.id))
      return v('already-signed', 'LDMAL Art. 42', '该当事人已签收调解书', 'partyId');
    return null;
  },
  EXTEND_TIME_LIMIT: (ctx, ev) => {
    // LDMAL Art. 43: extension by no more than 15 days, approved before the time limit runs out.
    const max = ev.facts?.maxExtensionDays ?? DEFAULT_PERIODS.extension.days;
    if (ev.payload.days > max) return v('extension-max-15', 'LDMAL Art. 43; Rules Art. 45', `延长期限不得超过${max}日`, 'days');
    const due = ev.facts?.awardDueOn;
    // legal50b H1: approved in time, entered late — judged on the day approved.
    const approvedOn = (ev.payload.approvedOn as string | undefined) ?? ev.occurredOn;
    // Rules Art. 46: a restart after the approval began a new period the approval never reached — the extension belonged
    // to the period then running and lapsed with it (procedure-types.ts `currentExtension`; domain.md §7.2). Approved in
    // time, it is in time whenever the paper is entered (§7.1; legal51b M1): recorded as that superseded period's, never
    // lengthening the new one (reviewer s50 H1; case-machine.ts keeps it in `earlierExtensions`, apply-event.ts warns). That
    // period was extended once only (LDMAL Art. 43(1)).
    const restart = ctx.clockRestarts.find((r) => r.on > approvedOn);
    if (restart) {
      const before = ev.facts?.supersededDueOn;
      if (before && approvedOn > before)
        return v(
          'extension-before-deadline',
          'LDMAL Art. 43; Rules Arts. 45–46',
          `批准延长时（${approvedOn}），${restart.on}重新计算前的审理期限已于 ${before} 届满，不能再延长`,
          ev.payload.approvedOn ? 'approvedOn' : 'occurredOn',
        );
      const from = ctx.clockRestarts.filter((r) => r.on <= approvedOn).at(-1)?.on ?? '';
      const same = [...(ctx.earlierExtensions ?? []), ...(ctx.extension ? [ctx.extension] : [])].find(
        (e) => e.approvedOn >= from && e.approvedOn < restart.on,
      );
      return same
        ? v(
            'extension-once',
            'LDMAL Art. 43(1); Rules Arts. 45–46',
            `${restart.on}重新计算前的审理期限已于 ${same.approvedOn} 延长${same.days}日，延长只能批准一次`,
            ev.payload.approvedOn ? 'approvedOn' : 'occurredOn',
          )
        : null;
    }
    const once = PRECONDITIONS.EXTEND_TIME_LIMIT?.(ctx);
    if (once) return once;
    if (due && approvedOn > due)
      return v(
        'extension-before-deadline',
        'LDMAL Art. 43; Rules Art. 45',
        `审理期限已于 ${due} 届满，不能再延长${provisionalNote(ev)}`,
        ev.payload.approvedOn ? 'approvedOn' : 'occurredOn',
      );
    // The extension lengthens the period itself (counted on from its last day counted, not from the working day a rest
    // day carried it to): one too short to reach past that day would spend the only extension on nothing.
    const extended = ev.facts?.extendedDueOn;
    if (due && extended && extended <= due)
      return v(
        'extension-changes-nothing',
        'LDMAL Art. 43; Rules Art. 45; CPL Art. 85(3)',
        `延长${ev.payload.days}日后审理期限届满日仍为 ${due}（原期限末日为休息日，已依法顺延至该日；延长期间自原期限末日起算），不产生延长效果，而延长只能批准一次：请增加延长日数${provisionalNote(ev)}`,
        'days',
      );
    return null;
  },
  // Rules Art. 48: the hearing is terminated when a court has accepted a suit brought because no award was made within
  // the time limit (LDMAL Art. 43(1); SPC-1 Art. 12) — a suit that cannot exist before the limit has run out.
  TERMINATE: (_ctx, ev) => {
    // Another ground a local rule provides (domain.md §10.1: Zhejiang-Reg Art. 32) is not judged on the time limit.
    if (ev.payload.ground === 'other') return null;
    const due = ev.facts?.awardDueOn;
    if (due && ev.occurredOn <= due)
      return v(
        'terminate-before-limit',
        'LDMAL Art. 43(1); Rules Art. 48; SPC-1 Art. 12',
        `审理期限至 ${due} 届满：期限届满前当事人不能以仲裁委员会逾期未作出裁决为由起诉，不能据此终止审理${provisionalNote(ev)}`,
      );
    return null;
  },
  CONVERT_TO_ORDINARY: (_ctx, ev) => {
    const due = ev.facts?.awardDueOn;
    // Rules Art. 61: conversion before the time limit expires; the limit keeps running from acceptance.
    if (due && ev.occurredOn > due)
      return v(
        'convert-before-deadline',
        'Rules Art. 61',
        `审理期限已于 ${due} 届满，不能再转为普通程序${provisionalNote(ev)}`,
        'occurredOn',
      );
    return null;
  },
  SHORTEN_DEFENSE_PERIOD: (_ctx, ev) => {
    if (ev.payload.respondentConsent !== true)
      return v('consent-needed', 'Rules Art. 58', '缩短或放弃答辩期须经被申请人同意', 'respondentConsent');
    const full = ev.facts?.defensePeriod ?? DEFAULT_PERIODS.defense;
    if (ev.payload.days >= full.days)
      return v('shorten-must-shorten', 'Rules Art. 58', `答辩期为${periodWords(full)}，缩短后应少于此数`, 'days');
    return null;
  },
  FILE_COUNTERCLAIM: (_ctx, ev) => {
    // Rules Art. 36: judged on the day the counterclaim was filed, not the day it was accepted and merged.
    if (ev.facts?.defensePeriodOpen === false) {
      const due = ev.facts.defenseDueOn ? `（答辩期于 ${ev.facts.defenseDueOn} 届满）` : '';
      return v(
        'counterclaim-in-defense-period',
        'Rules Art. 36',
        `答辩期满后提出的反申请应当另行申请仲裁${due}${provisionalNote(ev)}`,
        ev.payload.filedOn !== undefined ? 'filedOn' : 'occurredOn',
      );
    }
    return null;
  },
  RECORD_REPRESENTATIVES: (ctx, ev) => {
    const ids = ev.payload.partyIds as number[];
    // Who is named first (reviewer legal L2: a respondent named alone was told "三至五名" instead of what was wrong).
    const workers = ctx.parties.filter((p) => isWorkerParty(ctx, p)).map((p) => p.id);
    const other = ids.find((id) => !workers.includes(id));
    if (other !== undefined)
      return v(
        'representatives-are-workers',
        'LDMAL Art. 7',
        `代表须为本案劳动者一方的当事人；当事人${other}不是劳动者一方的${workerSide(ctx) === 'applicant' ? '申请人' : '被申请人'}`,
        'partyIds',
      );
    if (ids.length < 3 || ids.length > 5)
      return v('three-to-five-representatives', 'Rules Art. 63', '集体争议的劳动者一方应推举三至五名代表', 'partyIds');
    return null;
  },
  ADVANCE_EXECUTION: (ctx, ev) => {
    const agreed = PRECONDITIONS.ADVANCE_EXECUTION?.(ctx);
    if (agreed) return agreed;
    const ids = ev.payload.claimIds as number[];
    // LDMAL Art. 44: the ruling is made on the party's application — made before the ruling, within the case.
    const applied = ev.payload.appliedOn as string | undefined;
    if (applied && applied > ev.occurredOn)
      return v(
        'advance-execution-applied-after',
        'LDMAL Art. 44',
        `申请先予执行的日期 ${applied} 晚于裁决日期 ${ev.occurredOn}`,
        'appliedOn',
      );
    if (applied && applied < ctx.receivedOn)
      return v(
        'advance-execution-applied-before-case',
        'LDMAL Art. 44',
        `申请先予执行的日期 ${applied} 早于本委收到仲裁申请之日 ${ctx.receivedOn}`,
        'appliedOn',
      );
    // s62 D #1 — LDMAL Art. 44 with Art. 43(2) (Rules Arts. 49, 51): advance execution is a ruling on a claim still before
    // the tribunal, ahead of its award; a claim a partial award decided is no longer pending — that award orders (or
    // refuses) the payment, and a ruling on it would order the same sum twice. Named as the case numbers its claims
    // (第N项, its place among the claims) and by the partial award that decided it (第N件部分裁决, 1 = the first made).
    const byPartial = new Set(ctx.partialAwards.flatMap((pa) => pa.items.map((it) => it.claimId)));
    if (ids.some((id) => byPartial.has(id))) {
      const words = ids.flatMap((id) => {
        const n = ctx.partialAwards.findIndex((pa) => pa.items.some((it) => it.claimId === id));
        const award = ctx.partialAwards[n];
        if (!award) return [];
        const seq = ctx.claims.findIndex((c) => c.id === id) + 1;
        return [`第${seq}项请求已由第${n + 1}件部分裁决（${award.issuedOn}）作出裁决`];
      });
      return v(
        'advance-execution-claim-decided',
        'LDMAL Arts. 43(2), 44',
        `先予执行是对仲裁庭尚未裁决的请求作出的裁决（劳动争议调解仲裁法第四十四条）：${words.join('；')}，已不是待裁决的请求，不能裁决先予执行（劳动争议调解仲裁法第四十三条第二款）`,
        // The claims list, as the other refusals of ADVANCE_EXECUTION name it (the form shows it there).
        'claimIds',
      );
    }
    // LDMAL Art. 44 (legal54a H1–H2): advance execution is of what a WORKER recovers (追索劳动报酬、工伤医疗费、经济补偿或者
    // 赔偿金), on his application, his life seriously affected — whichever side he is on: the worker-applicant's claims, or
    // the worker's counterclaim against an employer that applied (Rules Art. 36). Never of the employer's claim against a
    // worker, as applicant or by counterclaim (workflows/sides.ts claimByEmployer — the same question finality asks, Art.
    // 47(1)). Nor of a union's claim for the workers (Rules Art. 64; sides.ts claimByUnion): the article's applicant is a
    // worker whose life is seriously affected, who may go without security (reviewers s54 A, recheck54 B).
    const unions = ctx.claims.filter((c) => ids.includes(c.id) && claimByUnion(ctx, c));
    if (unions.length)
      return v(
        'advance-execution-worker-claims',
        'LDMAL Art. 44',
        `先予执行由劳动者就其本人追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的请求申请（劳动争议调解仲裁法第四十四条：不先予执行将严重影响申请人的生活）：请求 ${unions
          .map((c) => c.id)
          .join('、')} 是工会为劳动者提出的请求（劳动人事争议仲裁办案规则第六十四条），不能先予执行`,
        'claimIds',
      );
    const employers = ctx.claims.filter((c) => ids.includes(c.id) && claimByEmployer(ctx, c));
    if (employers.length)
      return v(
        'advance-execution-worker-claims',
        'LDMAL Art. 44',
        `先予执行仅适用于劳动者追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的请求（劳动争议调解仲裁法第四十四条）：请求 ${employers
          .map((c) => c.id)
          .join('、')} 是用人单位对劳动者提出的请求（${employerApplies(ctx) ? '用人单位的仲裁申请' : '用人单位的反申请'}），不能先予执行`,
        'claimIds',
      );
    // LDMAL Art. 44: only claims for remuneration, work-injury medical costs, economic compensation or damages.
    const bad = ctx.claims.filter((c) => ids.includes(c.id) && !MONETARY_FINAL_CATEGORIES.includes(c.category));
    if (bad.length) {
      return v(
        'advance-execution-categories',
        'LDMAL Art. 44; Rules Art. 51',
        `先予执行仅限追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的案件，请求 ${bad.map((c) => c.id).join('、')} 不属于`,
        'claimIds',
      );
    }
    // Both statutory conditions must be found and recorded as true; an unrecorded one is not assumed.
    const absent = [
      ev.payload.rightsClear !== true ? '当事人之间权利义务关系明确' : null,
      ev.payload.lifeSeriouslyAffected !== true ? '不先予执行将严重影响申请人的生活' : null,
    ].filter(Boolean);
    if (absent.length) {
      return v(
        'advance-execution-conditions',
        'LDMAL Art. 44',
        `先予执行须同时符合两项条件并记录为成立，以下条件未记录为成立：${absent.join('；')}`,
        // The first condition not recorded as found (the form marks its checkbox).
        ev.payload.rightsClear !== true ? 'rightsClear' : 'lifeSeriouslyAffected',
      );
    }
    return null;
  },
  // LDMAL Art. 36: a default award only after written notice of the hearing proven served on the absent respondent.
  PARTIAL_AWARD: (ctx, ev) => mediationAgreedRefusal(ctx, '作出部分裁决') ?? awardItemsRule(ctx, ev, false) ?? awardAbsenceRule(ctx, ev),
  ISSUE_AWARD: (ctx, ev) => awardItemsRule(ctx, ev, true) ?? awardAbsenceRule(ctx, ev),
  RECORD_LAWSUIT: (ctx, ev) => {
    if (ev.payload.partialAward !== undefined) return partialAwardRemedyRule(ctx, ev);
    // legal55a 3 (LDMAL Arts. 48, 50; Rules Arts. 35, 44): a worker the award decides nothing of has nothing to sue against.
    const nothing = typeof ev.payload.partyId === 'number' ? noAwardItemsWords(ctx, ev.payload.partyId) : null;
    if (nothing)
      return v(
        'no-award-items-for-party',
        'LDMAL Arts. 48, 50; Rules Arts. 35, 44',
        `${nothing}，不能对裁决起诉（《劳动争议调解仲裁法》第四十八条、第五十条：对裁决不服的当事人起诉）`,
        'partyId',
      );
    // legal49b L1: one suit per party on the award at a time — a second while the first awaits its outcome is the same
    // suit recorded twice (a repeated suit, 重复起诉, is not accepted: SPC CPL Interpretation Art. 247).
    // A suit on a mixed award's set-aside matters (LDMAL Art. 49(3), `matter: set_aside`) is another suit, recorded on
    // its own (proceedings.setAside.lawsuits): not the same one again (reviewer s49 H1).
    const same = ev.payload.matter === 'set_aside' ? undefined : pendingSuits(ctx).find((l) => l.partyId === ev.payload.partyId);
    if (same)
      return v(
        'already-suing',
        'LDMAL Arts. 48, 50; SPC CPL Interpretation Art. 247',
        `当事人${same.partyId}已于${same.filedOn}向${same.court}起诉，尚未登记法院的处理结果：同一当事人不能就同一裁决再次登记起诉`,
        'partyId',
      );
    // domain.md §9.4 (legal52a M3): one suit pending per party at a time — a suit entered after an earlier one of the same
    // party ended was filed after the ruling that ended it, else the two overlapped (SPC CPL Interpretation Art. 247).
    const overlap = ev.payload.matter === 'set_aside' ? undefined : overlappedSuit(ctx, ev);
    if (overlap)
      return v(
        'suit-overlaps-earlier-suit',
        'LDMAL Arts. 48, 50; SPC CPL Interpretation Art. 247',
        `当事人${ev.payload.partyId}此前于${overlap.filedOn}的起诉至${overlap.decidedOn}法院作出裁判时才终结：再次起诉的日期应在该日或之后（同一当事人同一时间只能有一件起诉）`,
        'filedOn',
      );
    // LDMAL Art. 49(3) (reviewer s46b M1): once a mixed award's final part is set aside, a suit is either on the set-aside
    // matters (`set_aside`) or against the non-final part (`award`), which only exists until that part takes effect
    // (LDMAL Art. 50). `matter` is for that case only (the server answers a missing one with 400 first).
    const mixedSetAside = ctx.award?.finality === 'mixed' && ctx.setAside?.result === 'set_aside';
    const matter = ev.payload.matter as 'set_aside' | 'award' | undefined;
    if (!mixedSetAside && matter !== undefined)
      return v(
        'lawsuit-matter-only-after-set-aside',
        'LDMAL Art. 49(3)',
        '只有混合裁决的终局部分被撤销后，才需要区分起诉的是被撤销部分的事项还是非终局部分',
        'matter',
      );
    if (mixedSetAside && matter === undefined)
      return v('lawsuit-matter-required', 'LDMAL Art. 49(3)', '请说明起诉的是被撤销的终局部分的事项还是非终局部分', 'matter');
    if (mixedSetAside && matter === 'award' && ctx.effectiveOn)
      return v(
        'non-final-part-effective',
        'LDMAL Art. 50',
        `非终局部分已于 ${ctx.effectiveOn} 发生法律效力，不能再对其起诉；对被撤销部分的事项起诉请选择“被撤销部分”`,
        'matter',
      );
    // LDMAL Arts. 48–49: an employer cannot sue against a final award; it may only apply to set it aside — once the
    // award is set aside, either party may sue on the dispute (Art. 49(3)).
    if (ctx.award?.finality === 'final' && ctx.setAside?.result !== 'set_aside' && isEmployer(ctx, ev.payload.partyId)) {
      return v('employer-cannot-sue-final', 'LDMAL Arts. 48–49', '终局裁决的用人单位不能起诉，只能向中级人民法院申请撤销裁决', 'partyId');
    }
    // LDMAL Arts. 47–49 (legal55a 2): a final award is in force from the day it is made; only the worker may sue against it
    // (Art. 48), the employer may only apply to set it aside (Art. 49) — a third party (Art. 23) has neither route. Against
    // a non-final award, or the non-final part of a mixed one, a party the award binds may sue (Art. 50 「当事人」).
    if (ctx.award?.finality === 'final' && ctx.setAside?.result !== 'set_aside' && isThirdParty(ctx, ev.payload.partyId))
      return thirdPartyCannotSueFinal(ev.payload.partyId, '裁决');
    return workerSuitOnFinalAwardInForce(ctx, ev);
  },
  // SPC-1 Art. 21(1): once the worker sued over a final award (or a mixed one), the intermediate court does not accept the
  // employer's application to set it aside (reviewer legal M2: a generic 409 named no rule).
  RECORD_SET_ASIDE: (ctx, ev) =>
    ev.payload.partialAward !== undefined
      ? partialAwardRemedyRule(ctx, ev)
      : ev.payload.result === undefined
        ? setAsideAfterWorkerSuit(ctx)
        : null,
  MARK_EFFECTIVE: (ctx, ev) => {
    const split = separateEffectRule(ctx, ev);
    if (split) return split;
    // LDMAL Arts. 47–49 (legal49a L1): a final award is effective from the day it is made; MARK_EFFECTIVE confirms that it
    // stands once neither the worker's suit nor the employer's application can come — the refusal says so, not "not yet
    // effective".
    if (ev.facts?.challengeWindowsClosed === false && ctx.award?.finality === 'final' && ctx.closure?.mode === 'award') {
      const end = typeof ev.facts.windowsEndOn === 'string' ? ev.facts.windowsEndOn : null;
      return v(
        'windows-still-open',
        'LDMAL Arts. 47–49',
        `终局裁决自作出之日（${ctx.award.issuedOn}）起发生法律效力（劳动争议调解仲裁法第四十七条）；劳动者的起诉期间（第四十八条）或用人单位申请撤销裁决的期间（第四十九条）尚未届满（或裁决书尚未全部送达），暂不能确认裁决不再受到挑战${
          end ? `；各期间届满后，可于${end}之后确认` : ''
        }${provisionalNote(ev)}`,
      );
    }
    if (ev.facts?.challengeWindowsClosed === false) {
      return v(
        'windows-still-open',
        'LDMAL Arts. 48–50',
        // The day it can be confirmed, when the windows' ends are known (a new user's walk, s45 L1: the clerk was told
        // only "not yet").
        `尚有当事人的起诉或申请撤销期间未届满（或裁决书尚未全部送达），裁决尚不能确认生效${
          typeof ev.facts?.effectiveOn === 'string' && ev.facts.effectiveOn > ev.occurredOn
            ? `；各期间届满后，可于${ev.facts.effectiveOn}${ev.facts.provisional ? '（暂定）' : ''}起确认`
            : ''
        }${provisionalNote(ev)}`,
      );
    }
    // api.md v1.1: legal effect is confirmed only on exact dates.
    if (ev.facts?.provisional) {
      return v(
        'effective-date-provisional',
        'LDMAL Arts. 48–50; CPL Art. 85',
        `起诉或申请撤销期间的届满日${provisionalNote(ev)}，不能据暂定日期确认裁决生效`,
      );
    }
    return null;
  },
  TRANSFER_TO_COURT: (ctx, ev) => {
    if (ev.payload.purpose !== 'advance_execution') return null;
    const pending = ctx.advanceExecutions.filter((a) => a.transferredOn === null);
    if (!pending.length) return v('no-advance-execution-ruling', 'LDMAL Art. 44', '没有待移送的先予执行裁决');
    // The package the court executes holds the ruling and its proof of service (LDMAL Art. 44; Rules Art. 51; domain.md
    // §9.2): each ruling to transfer served first on its payers and the respondents of its day — not on a respondent
    // added after it, whom it does not bind (s61 A #1; one rule with the court package: advanceServiceIds).
    const unserved = ctx.parties.filter((p) =>
      pending.some(
        (a) =>
          advanceServiceIds(ctx, ctx.parties, a).includes(p.id as number) &&
          !ctx.services.some((s) => s.document === 'advance_execution_ruling' && s.partyId === p.id && s.servedOn >= a.ruledOn),
      ),
    );
    if (unserved.length) {
      const bySide = (['applicant', 'respondent'] as const).flatMap((side) => {
        const ids = unserved.filter((p) => p.side === side).map((p) => p.id);
        return ids.length ? [`${side === 'applicant' ? '申请人' : '被申请人'}当事人${ids.join('、')}`] : [];
      });
      return v(
        'advance-execution-not-served',
        'LDMAL Art. 44; Rules Art. 51',
        `先予执行裁决书尚未送达${bySide.join('、')}：移送人民法院执行须附送达回证，请先登记送达`,
      );
    }
    return null;
  },
  SERVE: (ctx, ev) => {
    const doc = ev.payload.document as string;
    // sec56 #3 (Rules Art. 39; LDMAL Art. 36): a worker whose application alone was treated as withdrawn is no party to the
    // award made after it (signingParties; reviewer s55 A H2) — it decides nothing for him: not served it (a partial award
    // made before his withdrawal may have decided his claims, and is served as any).
    const deemed = (ctx.deemedWithdrawals ?? []).find((d) => d.partyId === ev.payload.partyId);
    const partial = typeof ev.payload.partialAward === 'number' ? ctx.partialAwards[ev.payload.partialAward - 1] : undefined;
    if (deemed && doc === 'award' && (partial === undefined ? ev.payload.partialAward === undefined : partial.issuedOn >= deemed.on))
      return v(
        'served-party-deemed-withdrawn',
        'Rules Art. 39; LDMAL Art. 36',
        `当事人${deemed.partyId}的仲裁申请已于${deemed.on}按撤回仲裁申请处理（《劳动争议调解仲裁法》第三十六条，《劳动人事争议仲裁办案规则》第三十九条），其后作出的裁决对其没有裁决事项，其不是该裁决的当事人，不向其送达裁决书`,
        'partyId',
      );
    // Rules Art. 57: simple procedure is not available when a party's whereabouts are unknown (public notice).
    if (ev.payload.method === 'public_notice' && ctx.procedure === 'simple') {
      return v(
        'no-public-notice-in-simple-procedure',
        'Rules Art. 57; CPL Art. 95',
        '被申请人下落不明需公告送达的案件不适用简易处理；请先转为普通程序（CONVERT_TO_ORDINARY）再公告送达',
        'method',
      );
    }
    // Rules Art. 59: simple-procedure service by phone/SMS/fax/e-mail is not allowed for mediation documents and awards.
    if (ev.payload.method === 'sms' && (doc === 'award' || doc === 'mediation_document')) {
      return v('no-simple-service-for-award', 'Rules Art. 59', '调解书和裁决书不得以电话、短信等简便方式送达', 'method');
    }
    // A 调解书 takes effect only when each party signs for it (LDMAL Art. 42(3); Rules Art. 73), and must be served on the
    // party in person — 留置送达 does not apply (最高人民法院《民事诉讼法》解释 Art. 133; a recipient the party designates
    // may sign). Every method that deems a document served without the party's own act is refused: leaving (留置) and
    // posting (张贴, Rules Art. 20) stand in for a signature, and a public notice (CPL Art. 95) cannot make a party sign
    // (so no notice period of a 调解书 is ever excluded from the award limit, workflows/deadlines.ts). Allowed: direct
    // service, entrusted service (another body hands it to the party, CPL Art. 91), and electronic service with consent
    // (CPL Art. 90 as amended in 2021 names 调解书 among the documents it may deliver) — a delivery only: the document
    // takes effect on the signatures recorded by SIGN_MEDIATION_DOCUMENT. Post is not service on the party in person
    // (Art. 133 read strictly) and is refused unless MEDIATION_DOCUMENT_BY_POST=true (a local practice may accept the
    // party's own signature on the return receipt).
    if (doc === 'mediation_document') {
      const method = ev.payload.method as string;
      // One list says what may serve a 调解书 — the web form offers it, this rule refuses the rest (SMS has its own
      // refusal, Rules Art. 59).
      const allowed = mediationDocumentMethods(ev.facts?.mediationDocumentByPost !== false);
      const why: Record<string, string> = {
        left: '调解书应当直接送达当事人本人，不适用留置送达',
        posted: '调解书应当直接送达当事人本人，不适用张贴送达',
        public_notice: '公告送达不能使当事人签收，调解书不适用公告送达',
      };
      if (!allowed.includes(method) && method !== 'sms' && method !== 'post')
        return v(
          'mediation-document-personal-service',
          'LDMAL Art. 42(3); SPC CPL Interpretation Art. 133',
          `${why[method] ?? '调解书应当直接送达当事人本人'}：调解书经双方当事人签收后发生法律效力（劳动争议调解仲裁法第四十二条第三款；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释第一百三十三条）。当事人本人因故不能签收的，可由其指定的代收人签收；当事人拒绝签收的，请登记拒绝签收调解书（视为反悔，应及时作出裁决）`,
          'method',
        );
      if (method === 'post' && !allowed.includes('post'))
        return v(
          'mediation-document-personal-service',
          'LDMAL Art. 42(3); SPC CPL Interpretation Art. 133',
          '调解书应当直接送达当事人本人（最高人民法院关于适用《中华人民共和国民事诉讼法》的解释第一百三十三条），本委未允许邮寄送达调解书：请直接送达、委托送达或经同意电子送达',
          'method',
        );
    }
    // CPL Art. 91: 邮寄送达的，以回执上注明的收件日期为送达日期 — not the day the service is logged (occurredOn), from
    // which the periods after service would otherwise run: the date on the return receipt is required.
    if (ev.payload.method === 'post' && ev.payload.servedOn === undefined) {
      return v(
        'postal-service-receipt-date',
        'CPL Art. 91',
        '邮寄送达的，以回执上注明的收件日期为送达日期（《民事诉讼法》第九十一条）：请填写回执签收日期',
        'servedOn',
      );
    }
    if (ev.payload.method === 'sms' && ctx.procedure !== 'simple') {
      return v('simple-service-only-in-simple-procedure', 'Rules Art. 59', '电话、短信等简便方式送达仅适用于简易处理案件', 'method');
    }
    // CPL Art. 90: electronic service needs the addressee's consent.
    if (ev.payload.method === 'electronic' && ev.payload.consent !== true) {
      return v('electronic-service-consent', 'CPL Art. 90', '电子送达须经受送达人同意', 'consent');
    }
    return null;
  },
  REFER_TO_ARBITRATION: (ctx, ev) => {
    // LDMAL Art. 14(3): arbitration may be applied for when no agreement is reached within 15 days of receipt.
    if (ctx.trackMediation?.agreedOn === null && ctx.trackMediation.failedOn === null && ev.facts?.mediationLimitPassed === false) {
      const words = periodWords(ev.facts.mediationPeriod ?? DEFAULT_PERIODS.mediation);
      return v(
        'mediation-15-days',
        'LDMAL Art. 14(3)',
        `调解组织收到调解申请之日起${words}内仍可调解；调解不成或期满未达成协议后方可申请仲裁${provisionalNote(ev)}`,
      );
    }
    // med50 M3; LDMAL Arts. 14(3), 15: once an agreement was reached, the mediation neither failed nor ran out without
    // one — the way to arbitration is its non-performance (Art. 15), or no reason stated (e.g. the agreement held void).
    // Refused rather than warned: no lawful path needs the false reason, and the referral's record would carry it.
    const reason = ev.payload.reason as string | undefined;
    // fixT57 #3 — LDMAL Art. 15: 「一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁」: until the agreed
    // performance period has run (its last day included) there is no non-performance to go to arbitration on. An
    // agreement with no period recorded may be demanded at any time (by analogy Civil Code Art. 511(4)): not refused.
    const due = ctx.trackMediation?.performanceDueOn;
    if (reason === 'non_performance' && ctx.trackMediation?.agreedOn && due && ev.occurredOn <= due)
      return v(
        'performance-period-running',
        'LDMAL Art. 15',
        `调解协议约定的履行期限至${due}届满，尚未届满不存在“在协议约定期限内不履行”的情形：${due}之后对方仍未履行的，方可以不履行调解协议为由申请仲裁（《劳动争议调解仲裁法》第十五条）`,
        'reason',
      );
    // fixT58 #2 — LDMAL Art. 15: with an agreement reached, arbitration is applied for on its non-performance within the
    // agreed period; otherwise only where the agreement does not bind — held void or set aside (by analogy Civil Code
    // Arts. 153–157; People's Mediation Law Art. 32 for a people's mediation agreement) — said as `agreement_invalid`
    // with its stated ground. A referral with no reason is kept for a mediation without an agreement (old clients).
    if (ctx.trackMediation?.agreedOn && reason === undefined)
      return v(
        'referral-reason-required',
        'LDMAL Art. 15',
        `本调解已于${ctx.trackMediation.agreedOn}达成调解协议：一方当事人在协议约定期限内不履行的，另一方可以申请仲裁（《劳动争议调解仲裁法》第十五条），请选择“不履行调解协议”；调解协议无效或被撤销的，请选择“调解协议无效”并写明理由；调解协议只解决了部分争议事项的，请选择“部分达成调解协议”并写明未达成协议的事项（第十四条第三款）`,
        'reason',
      );
    // fixA59 #2 — LDMAL Art. 14(3): an agreement settling only some matters leaves the others unsettled (达成调解协议
    // 的事项之外, no agreement was reached on them): those may go to arbitration (`partial_agreement`, the matters named
    // in `ground`), while the agreement binds on what it settled (Art. 14(2)). Like `agreement_invalid`, it needs an
    // agreement recorded.
    if ((reason === 'agreement_invalid' || reason === 'partial_agreement') && !ctx.trackMediation?.agreedOn)
      return v(
        'referral-no-agreement',
        'LDMAL Arts. 14(3), 15',
        `本调解未达成调解协议，不存在调解协议${reason === 'partial_agreement' ? '部分达成' : '无效'}的情形：请选择“调解不成”或“调解期满未结”`,
        'reason',
      );
    if (ctx.trackMediation?.agreedOn && (reason === 'failed' || reason === 'time_limit'))
      return v(
        'mediation-agreement-reached',
        'LDMAL Arts. 14(3), 15',
        `本调解已于${ctx.trackMediation.agreedOn}达成调解协议，不属于调解不成或期满未达成协议；一方不履行协议的，请选择“不履行调解协议”（劳动争议调解仲裁法第十五条）`,
        'reason',
      );
    return null;
  },
};

// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Round 2 (issue 11 "Missing"): rules of the added procedures, and what they add to existing events.
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Claims the applicant gave up by CHANGE_CLAIMS (Rules Art. 44). Snapshots stored before round 2 have none. */
export const withdrawnClaimIds = (ctx: CaseContext): Set<number> =>
  new Set([
    ...(ctx.claimChanges ?? []).flatMap((c) => c.withdrawn),
    // legal54c M1: a worker's application treated as withdrawn alone (LDMAL Art. 36; Rules Art. 39) ends his claims.
    ...(ctx.deemedWithdrawals ?? []).flatMap((d) => d.claimIds),
  ]);

/** Parties added after acceptance (Rules Art. 46(1)). */
export const addedPartyIds = (ctx: CaseContext): Set<number> => new Set((ctx.partyAdditions ?? []).map((a) => a.partyId));

/** A timely jurisdiction objection not yet decided (Rules Art. 10): the tribunal decides it before the merits. */
export const pendingObjection = (ctx: CaseContext) => (ctx.jurisdictionObjections ?? []).find((o) => o.timely && o.decision === null);

/** Recusal applications that suspend the challenged person until decided (Rules Art. 12); late ones do not. */
export const pendingRecusals = (ctx: CaseContext) => (ctx.recusalApplications ?? []).filter((r) => !r.afterDebate && r.decision === null);

/** The application a DECIDE_RECUSAL answers: the oldest undecided one that stands the person down, else the oldest. */
export const recusalToDecide = (ctx: CaseContext) =>
  pendingRecusals(ctx)[0] ?? (ctx.recusalApplications ?? []).find((r) => r.decision === null);

/**
 * Rules Arts. 11–12 (domain.md §4.1; §16.1 item 12): until the commission decides a recusal, the challenged person
 * (arbitrator or recorder) steps back from the case, except for urgent measures — an act that person records on the case
 * is refused; the other members, the clerk and the chair still act (the whole tribunal's hearing and award wait too:
 * `meritsBlocked`). What counts as an urgent measure the Rules do not list: `urgent` (config RECUSAL_URGENT_EVENTS).
 * A late application (after the end of debate) does not affect the proceedings and stands no one down.
 */
export function challengedActorRefusal(
  ctx: CaseContext,
  userId: number,
  type: EventType,
  urgent: readonly string[] = [],
): Violation | null {
  // The recusal procedure itself (recording an application, the decision) is not taking part in the arbitration — but no
  // one decides his own: the chair's recusal is the commission's to decide (Rules Art. 12), recorded by another.
  if (type === 'DECIDE_RECUSAL') {
    const own = recusalToDecide(ctx);
    if (!own || own.target.userId === null || own.target.userId !== userId) return null;
    return v(
      'recusal-own-decision',
      'Rules Art. 12',
      `当事人于${own.on}申请您本人回避，是否回避不能由您决定（仲裁委员会主任的回避由仲裁委员会决定），应由其他负责人记录该决定`,
    );
  }
  if (urgent.includes(type) || type === 'APPLY_RECUSAL') return null;
  const r = pendingRecusals(ctx).find((x) => x.target.userId !== null && x.target.userId === userId);
  if (!r) return null;
  return v(
    'challenged-person-stands-down',
    'LDMAL Art. 33; Rules Arts. 11–12',
    `当事人于${r.on}申请您回避，回避决定作出前被申请回避的人员应暂停参与本案的仲裁活动（案件需要采取紧急措施的除外）；本案其他仲裁庭成员、书记员和仲裁委员会主任可以继续办理`,
  );
}

/**
 * The debate has ended (庭审辩论终结, Rules Art. 11): a hearing was held and no further session is scheduled after it.
 * Before any hearing, or with a further session pending, it has not.
 */
export function debateEnded(ctx: CaseContext): boolean {
  const last = ctx.hearingsHeld.at(-1);
  return !!last && (!ctx.hearing || last.heldOn >= ctx.hearing.hearingOn);
}

/**
 * legal56a 3 — Rules Art. 11; LDMAL Art. 33: a recusal application made after the end of the debate (庭审辩论终结) does
 * not affect the proceedings — even one whose ground was learned after the hearing began, which Art. 11 allows only until
 * the end of the debate. Not a refusal (the Rules do not say such an application is not accepted): recorded, and said so.
 */
export function lateRecusalWarnings(nctx: CaseContext, ev: ProcEvent): string[] {
  if (ev.type !== 'APPLY_RECUSAL') return [];
  const app = (nctx.recusalApplications ?? []).at(-1);
  if (!app?.afterDebate) return [];
  const heldOn = nctx.hearingsHeld.at(-1)?.heldOn;
  return [
    `庭审辩论已于${heldOn ?? '开庭时'}终结，本次回避申请在庭审辩论终结后提出${ev.payload.groundLearnedLate === true ? '（回避事由在开庭后知道的，也应当在庭审辩论终结前提出）' : ''}：已予记录，但不影响仲裁程序的进行，被申请回避的人员无需暂停参与本案（《劳动人事争议仲裁办案规则》第十一条；《劳动争议调解仲裁法》第三十三条）`,
  ];
}

/**
 * legal56a 2 — LDMAL Arts. 31–33: the arbitrators replaced on the tribunal — recused by the chair (RECUSE_ARBITRATOR) or on
 * a recusal granted with a replacement (DECIDE_RECUSAL) — with the day.
 */
export function tribunalReplacements(
  ctx: CaseContext,
): { on: string; arbitratorId: number; replacementId: number; hearingsBefore?: number }[] {
  // fixT57 #2: `hearingsBefore`, the hearings held at the replacement (absent on older records).
  const before = (n: number | undefined) => (n === undefined ? {} : { hearingsBefore: n });
  const byChair = (ctx.recusals ?? []).map((r) => ({
    on: r.decidedOn,
    arbitratorId: r.arbitratorId,
    replacementId: r.replacementId,
    ...before(r.hearingsBefore),
  }));
  const granted = (ctx.recusalApplications ?? []).flatMap((r) =>
    r.target.kind === 'arbitrator' && r.target.userId !== null && r.decision?.result === 'granted' && r.decision.replacementId !== null
      ? [
          {
            on: r.decision.on,
            arbitratorId: r.target.userId,
            replacementId: r.decision.replacementId,
            ...before(r.decision.hearingsBefore),
          },
        ]
      : [],
  );
  return [...byChair, ...granted].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * legal56a 2 — LDMAL Art. 32 (the parties are told the tribunal's composition in writing; Art. 33: they may challenge the
 * new member); domain.md §8.1: a re-formed tribunal is notified like the first. The days of replacements made after some
 * party had been sent the tribunal notice (a notice served on the day of the replacement is taken to state it).
 */
export function renotifiedReplacementDays(ctx: CaseContext): string[] {
  const sent = ctx.services.filter((s) => s.document === 'tribunal_notice').map((s) => s.publishedOn ?? s.servedOn);
  const days = tribunalReplacements(ctx)
    .map((r) => r.on)
    .filter((on) => sent.some((d) => d < on));
  return [...new Set(days)];
}

/**
 * legal56a 2: what a replacement on the tribunal leaves to do — the new composition notified to the parties once they had
 * been told the first (LDMAL Art. 32; a new `tribunal_notice` deadline runs), and who presides when the presiding
 * arbitrator was replaced (`presidingId`, default the replacement).
 */
export function replacementNoticeWarnings(ctx: CaseContext, nctx: CaseContext, ev: ProcEvent, nameOf: (id: number) => string): string[] {
  if (ev.type !== 'RECUSE_ARBITRATOR' && ev.type !== 'DECIDE_RECUSAL') return [];
  const before = tribunalReplacements(ctx).length;
  const made = tribunalReplacements(nctx).slice(before);
  if (!made.length) return [];
  const out: string[] = [];
  const replaced = made[0] as { on: string; arbitratorId: number; replacementId: number };
  if (ctx.tribunal?.presidingId === replaced.arbitratorId && nctx.tribunal)
    out.push(
      ev.payload.presidingId === undefined
        ? `被替换的${nameOf(replaced.arbitratorId)}是首席仲裁员：未指定首席仲裁员，由替换的${nameOf(replaced.replacementId)}担任首席仲裁员`
        : `被替换的${nameOf(replaced.arbitratorId)}是首席仲裁员：重新组成的仲裁庭由${nameOf(nctx.tribunal.presidingId)}担任首席仲裁员`,
    );
  if (renotifiedReplacementDays(nctx).includes(replaced.on))
    out.push(
      `仲裁庭组成情况已书面通知当事人，本次更换仲裁员后仲裁庭重新组成：应当将新的组成情况书面通知当事人（送达仲裁庭组成通知书，《劳动争议调解仲裁法》第三十二条），当事人可以对新的仲裁员申请回避（第三十三条）；已新增“书面通知仲裁庭组成情况”期限`,
    );
  return out;
}

const TERMS_DATE =
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[〇零一二三四五六七八九十]{1,3}月[〇零一二三四五六七八九十]{1,3}[日号]|\d+\s*日内|[一二三四五六七八九十]+日内/u;

/**
 * legal56a 6 — CPL Art. 250: the two years to apply for enforcement run from the last day of the performance period the
 * document states, or, when it states none, from the day it takes effect. An arbitration 调解书 whose terms name a payment
 * date (or a number of days) but recorded without `performanceDueOn` would be counted from its effect: warned of.
 */
export function undatedPerformanceWarnings(ctx: CaseContext, ev: ProcEvent): string[] {
  if (ev.type !== 'MEDIATION_AGREED' || ctx.track !== 'arbitration' || ev.payload.performanceDueOn) return [];
  if (!TERMS_DATE.test(String(ev.payload.terms ?? ''))) return [];
  return [
    '调解协议内容载有履行日期（或期限），但未填写履行期限届满之日：申请执行的期间（二年）从法律文书规定履行期间的最后一日起计算，未规定的从调解书生效之日起计算（《民事诉讼法》第二百五十条）；请核对并填写履行期限届满之日',
  ];
}

/**
 * Workers represented in a collective case: the workers (on the workers' side, applicants or — an employer applying —
 * respondents; LDMAL Art. 7) who are not among the 3–5 representatives (Rules Art. 63).
 */
export function representedWorkers(ctx: CaseContext): number[] {
  if (!ctx.collective || ctx.representatives.length === 0) return [];
  return ctx.parties.filter((p) => isWorkerParty(ctx, p) && !ctx.representatives.includes(p.id)).map((p) => p.id);
}

/**
 * Rules Art. 63: representatives change or give up claims, admit the other side's claims or settle only with the
 * represented workers' consent. Reading chosen: every represented worker's consent is recorded (CPL Art. 56 "经被代表
 * 的当事人同意" is read the same way), in consents recorded for this matter after `since` (index into `consents`) or on/after
 * `sinceOn`.
 */
export function consentViolation(ctx: CaseContext, matter: ConsentMatter, since: { index?: number; on?: string }): Violation | null {
  const represented = representedWorkers(ctx);
  if (!represented.length) return null;
  const given = new Set(
    (ctx.consents ?? [])
      .filter((c, i) => c.matter === matter && i >= (since.index ?? 0) && (!since.on || c.on >= since.on))
      .flatMap((c) => c.partyIds),
  );
  const missing = represented.filter((id) => !given.has(id));
  if (!missing.length) return null;
  const what = {
    change_claims: '变更、放弃仲裁请求',
    withdraw: '撤回仲裁申请',
    admit_claims: '承认对方请求',
    settle: '和解、达成调解协议',
  }[matter];
  return v(
    'represented-consent-required',
    'Rules Art. 63',
    `集体争议代表人${what}须经被代表的劳动者同意，尚有 ${missing.length} 名被代表劳动者（当事人${missing.join('、')}）的同意未记录`,
  );
}

/** The evidence period has ended on the facts the server computed, or on its recorded last day. */
const evidenceClosed = (ctx: CaseContext, ev: ProcEvent) =>
  ev.facts?.evidencePeriodOpen === false ||
  (ev.facts?.evidencePeriodOpen === undefined && !!ctx.evidence && ev.occurredOn > ctx.evidence.until);

/** What serves an added party (Rules Art. 46(1)): the notice of its addition, or the application with the notice to respond. */
export const ADDITION_SERVICES = ['addition_notice', 'application_copy', 'respond_notice'];

/**
 * Parties added after acceptance (Rules Art. 46(1)) not served by `on` with what tells them of the case: a deemed
 * service counts from its deemed day (public notice: 30 days after publication), a simple method (phone, SMS) only when
 * the addressee confirmed it (Rules Art. 59). A receipt dated before the addition was recorded counts: additions are
 * often recorded after the fact.
 */
export const unservedAdditions = (ctx: CaseContext, on: string): number[] =>
  (ctx.partyAdditions ?? [])
    .filter(
      (a) =>
        !ctx.services.some(
          (s) =>
            s.partyId === a.partyId &&
            ADDITION_SERVICES.includes(s.document) &&
            s.servedOn <= on &&
            (s.method !== 'sms' || s.confirmed === true),
        ),
    )
    .map((a) => a.partyId);

/**
 * LDMAL Arts. 23, 30; Rules Art. 46(1): a party added to the case — a co-respondent or a third party — takes part in it
 * once told of it; an award made before it was served decides on a party never heard (a ground to set it aside, LDMAL
 * Art. 49(1)(3)).
 */
function additionsUnserved(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const unserved = unservedAdditions(ctx, ev.occurredOn);
  if (!unserved.length) return null;
  return v(
    'added-party-not-served',
    'LDMAL Arts. 23, 30; Rules Art. 46(1)',
    `追加的${unserved.map((id) => `当事人${id}`).join('、')}尚未送达追加当事人通知书或仲裁申请书副本，不能作出裁决`,
  );
}

/** Acts on the merits wait for a timely jurisdiction objection and for a recusal (Rules Arts. 10, 12). */
function meritsBlocked(ctx: CaseContext, opts: { recorder: boolean }): Violation | null {
  if (pendingObjection(ctx)) {
    return v('jurisdiction-objection-pending', 'Rules Art. 10', '当事人在答辩期内提出的管辖异议尚未作出决定，不能进行实体审理或裁决');
  }
  const stood = pendingRecusals(ctx).filter((r) => r.target.kind === 'arbitrator' || opts.recorder);
  if (stood.length) {
    return v(
      'recusal-pending',
      'LDMAL Art. 33; Rules Art. 12',
      '回避申请尚未作出决定，被申请回避的人员应暂停参与本案工作（案件需要采取紧急措施的除外）',
    );
  }
  return null;
}

/**
 * fixT57 #1 — Rules Art. 9: 「对上述移送案件，受移送的仲裁委员会应当依法受理。受移送的仲裁委员会认为移送的案件按照规定不属于本仲裁委员会
 * 管辖…的，应当报请共同的上一级仲裁委员会主管部门指定管辖」. A case accepted on transfer (ACCEPT_TRANSFER) is not transferred
 * onward — by TRANSFER_CASE or an objection upheld alike: the commission reports to the common superior department.
 */
function transferredInRefusal(ctx: CaseContext, act: string): Violation | null {
  const t = ctx.transferIn;
  if (!t) return null;
  return v(
    'no-onward-transfer',
    'Rules Art. 9',
    `本案系${t.fromCommission}移送、本委于${t.on}受理的案件，受移送的仲裁委员会不能再行${act}：认为本案不属于本委管辖的，应当报请共同的上一级仲裁委员会主管部门指定管辖（《劳动人事争议仲裁办案规则》第九条）`,
  );
}

/**
 * Reviewer s57 A M3 — Rules Art. 9: the superior department's designation (指定管辖) is what moves a case taken in on
 * transfer; it is recorded only on such a case, and not dated before that case was accepted here nor after the act.
 */
function designationRule(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const d = ev.payload.designation as { decidedOn: string };
  if (!ctx.transferIn)
    return v(
      'designation-not-transferred-in',
      'Rules Art. 9',
      '本案不是受移送的案件：移送本身即可（《劳动人事争议仲裁办案规则》第九条），无需上一级主管部门指定管辖',
      'designation',
    );
  if (d.decidedOn < ctx.transferIn.on || d.decidedOn > ev.occurredOn)
    return v(
      'designation-date',
      'Rules Art. 9',
      `指定管辖之日${d.decidedOn}应在本委受理移送案件之日（${ctx.transferIn.on}）与本次移送之日（${ev.occurredOn}）之间`,
      'designation.decidedOn',
    );
  return null;
}

/**
 * fixT57 #4 — Rules Art. 10: whether a hearing was held since `partyId` became a party (acceptance, or his addition,
 * Rules Art. 46(1)): a jurisdiction objection raised after it is late whatever service was recorded — he answered on the
 * merits (by analogy CPL Art. 130(2)); recorded `timely: false`, it does not stop the proceedings.
 */
export function heardSinceJoined(ctx: CaseContext, partyId: unknown): boolean {
  const added = (ctx.partyAdditions ?? []).find((a) => a.partyId === partyId);
  if (!added) return ctx.hearingsHeld.length > 0;
  return ctx.hearingsHeld.some((_, k) => partyAtHearing(ctx, added, k));
}

/**
 * fixL58 #1, fixA59 #3a — the one home of whether a party added after acceptance (ADD_PARTY; Rules Art. 46(1)) was a
 * party at the `k`-th hearing held (0-based, `hearingsHeld` order): counted by the hearings held at his addition
 * (`hearingsBefore`) — a hearing earlier on the day he was added was not his. Records from before `hearingsBefore` was
 * kept are judged by date: a hearing after the day. Read alike by the award's rule (heardSinceJoined,
 * party-joined-after-hearing) and the hearing notice's deadline (workflows/deadlines.ts: who was owed notice of it).
 */
export function partyAtHearing(ctx: Pick<CaseContext, 'hearingsHeld'>, added: { on: string; hearingsBefore?: number }, k: number): boolean {
  const held = ctx.hearingsHeld[k];
  if (!held) return false;
  return added.hearingsBefore !== undefined ? k >= added.hearingsBefore : held.heldOn > added.on;
}

/**
 * fixT58 #1 — LDMAL Arts. 23, 30, 35–36; Rules Arts. 38, 46(1): a respondent or third party added after the last hearing
 * held, with no hearing held since (heardSinceJoined), has never been heard: he answers within ten days of service
 * (Art. 30) and is notified of a hearing five days ahead (Art. 35; Rules Art. 38); the tribunal hears the case at a
 * hearing (Arts. 35–36) — an award (or partial award) deciding the case against him unheard is made in breach of the
 * statutory procedure (Art. 49(1)(3)). Refused until a hearing is held since his addition. A 调解书 is the parties'
 * agreement (Art. 42), not refused; nor an advance execution (Art. 44; Rules Art. 51), which may be ruled before any
 * hearing, an original respondent's as an added one's. Field: the first award item naming him among its obligors.
 */
function joinedAfterHearingRule(ctx: CaseContext, ev: ProcEvent): Violation | null {
  if (!ctx.hearingsHeld.length) return null;
  // Lead s58: a respondent — the award decides against him; a third party added after the hearing (no award item may
  // order him, LDMAL Art. 23) is warned of, not refused (workflows/hearings.ts).
  const unheard = (ctx.partyAdditions ?? []).filter((a) => a.side === 'respondent' && !heardSinceJoined(ctx, a.partyId));
  if (!unheard.length) return null;
  const items = (ev.payload.items ?? []) as { obligorIds?: unknown }[];
  const ids = unheard.map((a) => a.partyId);
  const i = items.findIndex((it) => Array.isArray(it.obligorIds) && it.obligorIds.some((id) => ids.includes(id as number)));
  const last = ctx.hearingsHeld.at(-1)?.heldOn;
  const who = unheard.map((a) => `${a.side === 'third_party' ? '第三人' : '被申请人'}当事人${a.partyId}（${a.on}追加）`).join('、');
  return v(
    'party-joined-after-hearing',
    'LDMAL Arts. 23, 30, 35–36; Rules Arts. 38, 46(1)',
    `追加的${who}在最后一次开庭（${last}）之后参加仲裁，此后未再开庭，未经开庭审理：被追加的当事人有权自收到仲裁申请书副本之日起十日内答辩（《劳动争议调解仲裁法》第三十条），仲裁庭应当书面通知其开庭日期并开庭审理（第三十五条、第三十六条；《劳动人事争议仲裁办案规则》第三十八条、第四十六条第（一）项）。请书面通知全体当事人再次开庭后再作出裁决`,
    i >= 0 ? `items.${i}.obligorIds` : undefined,
  );
}

/**
 * fixU59 #1: what refuses an award (ISSUE_AWARD, PARTIAL_AWARD) whatever its payload — a pending jurisdiction objection
 * or recusal (Rules Arts. 10, 12), an added party not served (Rules Art. 46(1)), a respondent added after the last
 * hearing and not heard since (LDMAL Arts. 30, 35–36). One home: the rule (ADDED_RULES) and next-events' `blocked`
 * (app/procedure/next-events.ts) both ask it. (Judged on the act's day: served or heard by today, by no earlier day.)
 */
export function awardCaseRefusal(ctx: CaseContext, ev: ProcEvent): Violation | null {
  return meritsBlocked(ctx, { recorder: false }) ?? additionsUnserved(ctx, ev) ?? joinedAfterHearingRule(ctx, ev);
}

/**
 * fixT57 #2 — the replacements on the tribunal (RECUSE_ARBITRATOR, DECIDE_RECUSAL granted) made after the last hearing
 * held: no hearing since. Records from before `hearingsBefore` was kept are judged by date (a replacement after the day).
 */
export function replacedSinceLastHearing(ctx: CaseContext): ReturnType<typeof tribunalReplacements> {
  const held = ctx.hearingsHeld;
  const last = held.at(-1);
  if (!last) return [];
  return tribunalReplacements(ctx).filter((r) => (r.hearingsBefore !== undefined ? r.hearingsBefore === held.length : r.on > last.heldOn));
}

/**
 * fixT57 #2 — LDMAL Arts. 45–46: the award is made by the tribunal that heard the case; by analogy 《仲裁法》第三十七条第二款:
 * after an arbitrator is replaced on recusal, whether the proceedings already held are repeated is the tribunal's
 * decision (on a party's request or its own). An award (or partial award) by a tribunal changed since the last hearing
 * is refused unless a hearing was held since, or the payload records the tribunal's decision not to hear again
 * (`noRehearing: {reason}`, kept in the event's history).
 */
function tribunalChangedRule(ctx: CaseContext, ev: ProcEvent): Violation | null {
  // Reviewer s57 A H2: a tribunal formed anew after the last hearing (re-formed on conversion from the simple procedure,
  // Rules Art. 61 — reformAfterConversion) did not hear the case either. A first formation always comes before a hearing.
  const last = ctx.hearingsHeld.at(-1);
  const reformed = last && ctx.tribunal && ctx.tribunal.formedOn > last.heldOn ? [{ on: ctx.tribunal.formedOn }] : [];
  const changed = [...replacedSinceLastHearing(ctx), ...reformed];
  const reason = (ev.payload.noRehearing as { reason?: unknown } | undefined)?.reason;
  // Reviewer s58 A M1: a decision not to re-hear after a change that never happened would print a false account of the
  // procedure in the award (LDMAL Art. 49(1)(3)).
  if (!changed.length)
    return ev.payload.noRehearing === undefined
      ? null
      : v(
          'no-rehearing-without-change',
          'LDMAL Arts. 45–46',
          '最后一次开庭后仲裁庭组成人员没有变更，无需作出不重新开庭的决定：请删去“不重新开庭的决定”',
          'noRehearing',
        );
  if (typeof reason === 'string' && reason.trim()) return null;
  const heldOn = ctx.hearingsHeld.at(-1)?.heldOn;
  return v(
    'tribunal-changed-after-hearing',
    'LDMAL Arts. 45–46; Arbitration Law Art. 37 (by analogy)',
    `仲裁庭组成人员已于${changed.map((r) => r.on).join('、')}更换，晚于最后一次开庭（${heldOn}）：裁决应由审理本案的仲裁庭作出（《劳动争议调解仲裁法》第四十五条、第四十六条）。请重新开庭审理；仲裁庭决定已进行的程序不再重新进行的（参照《仲裁法》第三十七条第二款），请在“不重新开庭的决定”中写明理由`,
    'noRehearing',
  );
}

export const ADDED_RULES: Partial<Record<EventType, Rule>> = {
  CHANGE_CLAIMS: (ctx, ev) => {
    const change = (ev.payload.change ?? []) as { claimId: number }[];
    const withdraw = (ev.payload.withdraw ?? []) as number[];
    const added = (ev.payload.add ?? []) as unknown[];
    const touched = [...change.map((c) => c.claimId), ...withdraw];
    const withdrawn = withdrawnClaimIds(ctx);
    const again = touched.filter((id) => withdrawn.has(id));
    if (again.length) return v('claim-already-withdrawn', 'Rules Art. 44', `请求 ${again.join('、')} 已经放弃`);
    const decided = decidedClaimIds(ctx);
    const done = touched.filter((id) => decided.has(id));
    if (done.length) return v('claim-already-decided', 'Rules Art. 49', `请求 ${done.join('、')} 已由部分裁决处理，不能再变更或放弃`);
    // The respondent giving up its counterclaim's claims (`by: "respondent"`; that it touches only those is checked with
    // the payload, app/procedure/added-events.ts).
    const byRespondent = ev.payload.by === 'respondent';
    // The claims still open on each side (one a partial award decided is closed): giving up the last of them leaves
    // nothing for an award to decide — the case is then withdrawn (with the counterclaim, `counterclaimWithdrawn`).
    const live =
      ctx.claims.filter((c) => !c.counterclaim && !withdrawn.has(c.id) && !decided.has(c.id) && !withdraw.includes(c.id)).length +
      added.length;
    // Unless a counterclaim stands: the case goes on to decide it (`counterclaimStanding`).
    if (live === 0 && !standingCounterclaims(ctx).filter((id) => !withdraw.includes(id)).length)
      return v(
        'withdraw-all-is-withdrawal',
        'Rules Art. 35',
        byRespondent
          ? decided.size
            ? '申请人尚未裁决的仲裁请求均已放弃，反申请请求全部放弃后本案已无可以裁决的请求'
            : '申请人的仲裁请求均已放弃，反申请请求全部放弃后本案已无可以裁决的请求：请登记撤回（并注明反申请一并撤回）'
          : decided.size
            ? '放弃全部尚未裁决的仲裁请求的，应当办理“撤回仲裁申请”：其余请求已由部分裁决处理，没有可以裁决的请求'
            : '放弃全部仲裁请求的，应当办理“撤回仲裁申请”',
      );
    // The respondent giving up its counterclaim: no evidence-period limit, no consent of represented workers.
    if (byRespondent) return null;
    // Rules Art. 44: claims may be added or changed before the evidence period ends; later ones are a new application.
    // Giving claims up is not limited so (a partial withdrawal, Rules Art. 35): until the award.
    const addsOrChanges = added.length > 0 || change.length > 0;
    if (addsOrChanges && evidenceClosed(ctx, ev)) {
      return v(
        'claims-change-after-evidence-period',
        'Rules Art. 44',
        `举证期限届满后增加或变更的仲裁请求，应当另行申请仲裁${provisionalNote(ev)}`,
      );
    }
    // Reading chosen (Rules Art. 44 is silent when no evidence period was set): until the first hearing is held.
    if (addsOrChanges && !ctx.evidence && ctx.hearingsHeld.length > 0) {
      return v(
        'claims-change-after-hearing',
        'Rules Art. 44',
        '本案未指定举证期限，开庭审理后提出的新增或变更请求应当另行申请仲裁（举证期限默认至开庭前届满）',
      );
    }
    return consentViolation(ctx, 'change_claims', { index: ctx.claimChanges?.at(-1)?.consentsBefore ?? 0 });
  },
  // LDMAL Art. 30: the defense is the respondent's (an added respondent's too, Rules Art. 46(1)); `partyId` names which.
  FILE_DEFENSE: (ctx, ev) => {
    const id = ev.payload.partyId as number | undefined;
    if (id === undefined) return null;
    const party = ctx.parties.find((p) => p.id === id);
    if (party && party.side !== 'respondent')
      return v('defense-by-respondent', 'LDMAL Art. 30', '答辩书由被申请人提交：所填当事人不是被申请人', 'partyId');
    return null;
  },
  RAISE_JURISDICTION_OBJECTION: (ctx, ev) => {
    // Rules Art. 10: the objection is the respondent's, raised within its defense period; the applicant chose the
    // commission.
    const party = ctx.parties.find((p) => p.id === ev.payload.partyId);
    if (party?.side === 'applicant')
      return v('objection-by-respondent', 'Rules Art. 10', '申请人不能对其自行选择的仲裁委员会提出管辖异议', 'partyId');
    // fixT57 #4: a third party (LDMAL Art. 23) has no defense period and no standing to object to jurisdiction (by
    // analogy CPL-Interp Art. 82: 第三人无权提出管辖异议).
    if (party?.side === 'third_party')
      return v(
        'objection-by-respondent',
        'Rules Art. 10; CPL-Interp Art. 82 (by analogy)',
        '管辖异议由被申请人在答辩期满前提出（《劳动人事争议仲裁办案规则》第十条）；第三人无权提出管辖异议（参照最高人民法院《关于适用〈中华人民共和国民事诉讼法〉的解释》第八十二条）',
        'partyId',
      );
    if (pendingObjection(ctx)) return v('objection-pending', 'Rules Art. 10', '已有管辖异议尚未决定');
    return null;
  },
  TRANSFER_CASE: (ctx, ev) => (ev.payload.designation ? designationRule(ctx, ev) : transferredInRefusal(ctx, '移送')),
  DECIDE_JURISDICTION_OBJECTION: (ctx, ev) => (ev.payload.result === 'upheld' ? transferredInRefusal(ctx, '认定管辖异议成立并移送') : null),
  APPLY_RECUSAL: (ctx, ev) => {
    const target = ev.payload.target as { kind: string; userId?: number };
    if (target.kind === 'arbitrator' && !ctx.tribunal?.arbitratorIds.includes(target.userId as number)) {
      return v('not-on-tribunal', 'LDMAL Art. 33', '被申请回避的仲裁员不是本案仲裁庭成员', 'target.userId');
    }
    if (pendingRecusals(ctx).some((r) => r.target.kind === target.kind && r.target.userId === (target.userId ?? null) && target.userId)) {
      return v('recusal-already-pending', 'Rules Art. 11', '对该人员的回避申请尚未决定');
    }
    // Rules Art. 11: before the hearing starts; a ground learned later, before the end of debate. After the debate
    // the application is recorded but does not affect the proceedings.
    if (ctx.hearingsHeld.length > 0 && !debateEnded(ctx) && ev.payload.groundLearnedLate !== true) {
      return v(
        'recusal-before-hearing',
        'Rules Art. 11',
        '回避申请应当在案件开庭审理前提出；回避事由在开庭后知道的，应在庭审辩论终结前提出并说明',
        'groundLearnedLate',
      );
    }
    return null;
  },
  DECIDE_RECUSAL: (ctx, ev) => {
    const app = pendingRecusals(ctx)[0] ?? (ctx.recusalApplications ?? []).find((r) => r.decision === null);
    if (!app) return null;
    // Rules Art. 12: the chair (or the delegated institute head) decides; the chair's own recusal, the commission.
    if (app.target.commissionChair && ev.payload.decidedBy !== 'commission') {
      return v('chair-recusal-by-commission', 'Rules Art. 12', '仲裁委员会主任担任本案仲裁员的，其回避由仲裁委员会决定', 'decidedBy');
    }
    if (!app.target.commissionChair && ev.payload.decidedBy === 'commission') {
      return v('recusal-by-chair', 'Rules Art. 12', '仲裁员、记录人员的回避由仲裁委员会主任或者其委托的仲裁院负责人决定', 'decidedBy');
    }
    if (ev.payload.result === 'granted' && app.target.kind === 'arbitrator') {
      const rep = ev.payload.replacementId as number | undefined;
      if (!rep) return v('replacement-needed', 'LDMAL Art. 33; Rules Art. 12', '决定仲裁员回避的，应当指定替换的仲裁员', 'replacementId');
      if (ctx.tribunal?.arbitratorIds.includes(rep))
        return v('replacement-on-tribunal', 'LDMAL Art. 33', '替换的仲裁员已是本案仲裁庭成员', 'replacementId');
      const back = recusedOnCase(ctx, [rep]);
      if (back) return back('replacementId');
    }
    return null;
  },
  SET_EVIDENCE_PERIOD: (_ctx, ev) => {
    if (ev.payload.until <= ev.occurredOn)
      return v('evidence-period-ends-later', 'Rules Art. 15', '举证期限的最后一日应晚于指定之日', 'until');
    return null;
  },
  EXTEND_EVIDENCE_PERIOD: (ctx, ev) => {
    // Rules Art. 15; by Rules Art. 18 the civil rule (CPL-Interp Art. 100): the request comes before the period ends.
    if (evidenceClosed(ctx, ev)) {
      return v(
        'evidence-extension-within-period',
        'Rules Art. 15; CPL-Interp Art. 100',
        `延长举证期限应当在举证期限届满前申请${provisionalNote(ev)}`,
      );
    }
    if (ctx.evidence && ev.payload.until <= ctx.evidence.until) {
      return v('evidence-extension-later', 'Rules Art. 15', `延长后的举证期限应晚于现举证期限（${ctx.evidence.until}）`, 'until');
    }
    return null;
  },
  RECORD_LATE_EVIDENCE: (ctx, ev) => {
    if (!evidenceClosed(ctx, ev))
      return v('evidence-not-late', 'Rules Art. 15', `举证期限尚未届满，不属于逾期提交证据${provisionalNote(ev)}`);
    // Rules Art. 15: without a valid reason the tribunal may exclude it, or admit it with a reprimand.
    if (ev.payload.reasonAccepted === true && ev.payload.decision !== 'admitted') {
      return v('late-evidence-valid-reason', 'Rules Art. 15', '逾期理由成立的，应当采纳该证据', 'decision');
    }
    if (ev.payload.reasonAccepted !== true && ev.payload.decision === 'admitted') {
      return v('late-evidence-without-reason', 'Rules Art. 15', '逾期理由不成立的，可以不予采纳，或者采纳并予以训诫', 'decision');
    }
    return null;
  },
  RECORD_REPRESENTED_CONSENT: (ctx, ev) => {
    const represented = representedWorkers(ctx);
    const ids = ev.payload.partyIds as number[];
    const others = ids.filter((id) => !represented.includes(id));
    if (others.length) {
      return v(
        'consent-by-represented',
        'Rules Art. 63',
        `只记录被代表劳动者的同意；当事人${others.join('、')} 不是被代表的劳动者（代表人本人除外）`,
        'partyIds',
      );
    }
    return null;
  },
  // Rules Art. 63 on existing events: settling and withdrawing by representatives.
  MEDIATION_AGREED: (ctx) => (ctx.mediation ? consentViolation(ctx, 'settle', { on: ctx.mediation.startedOn }) : null),
  WITHDRAW: (ctx, ev) => (ctx.acceptedOn ? (consentViolation(ctx, 'withdraw', {}) ?? counterclaimStanding(ctx, ev)) : null),
  HOLD_HEARING: (ctx) => meritsBlocked(ctx, { recorder: true }),
  PARTIAL_AWARD: (ctx, ev) => awardCaseRefusal(ctx, ev) ?? tribunalChangedRule(ctx, ev),
  ISSUE_AWARD: (ctx, ev) => awardCaseRefusal(ctx, ev) ?? tribunalChangedRule(ctx, ev),
  ACCEPT_REVIEW: (ctx, ev) => {
    // Rules Art. 75: an agreement that confirms a labor relationship is not accepted for review.
    if (ctx.claims.some((c) => c.category === 'confirm_relationship'))
      return v(
        'review-confirms-relationship',
        'Rules Art. 75',
        '依《劳动人事争议仲裁办案规则》第七十五条，调解协议内容涉及确认劳动关系的，仲裁委员会不予受理仲裁审查申请',
      );
    // Rules Art. 74: both parties apply within 15 days of the agreement taking effect; Rules Art. 75: a late application
    // is not accepted. The refusal names the articles, the period and the dates it was judged on.
    if (ev.facts?.reviewFilingTimely === false) {
      const f = ev.facts.reviewFiling;
      const period = periodWords(f ?? DEFAULT_PERIODS.review_filing);
      const filed =
        f?.receivedOn && f.receivedOn !== f.filedOn
          ? `邮戳日期${f.filedOn}（${f.receivedOn}收到，在途时间不计入期间）`
          : `${f?.filedOn}收到`;
      const dates = f ? `：调解协议于${f.effectiveOn}生效，申请期间至${f.dueOn}届满，本申请${filed}，已逾期` : '，本申请已逾期';
      return v(
        'review-filing-15-days',
        'Rules Arts. 74–75',
        `依《劳动人事争议仲裁办案规则》第七十四条，双方当事人应当自调解协议生效之日起${period}内共同提出仲裁审查申请${dates}；依第七十五条应不予受理${provisionalNote(ev)}`,
      );
    }
    return null;
  },
  REJECT_REVIEW: (ctx, ev) => {
    // Rules Art. 75 names the grounds of a refusal: a refusal must stand on what the record shows. Lateness (Art. 74:
    // more than 15 days after the agreement took effect) is judged on the same dates as ACCEPT_REVIEW judges it.
    if (ev.payload.ground === 'late' && ev.facts?.reviewFilingTimely === true) {
      const f = ev.facts.reviewFiling;
      const dates = f ? `调解协议于${f.effectiveOn}生效，申请期间至${f.dueOn}届满，本申请${f.filedOn}提出，未逾期` : '本申请未逾期';
      return v(
        'review-rejection-not-late',
        'Rules Arts. 74–75',
        `${dates}，不能以超过申请期间为由不予受理（《劳动人事争议仲裁办案规则》第七十四条、第七十五条）${provisionalNote(ev)}`,
        'ground',
      );
    }
    if (ev.payload.ground === 'confirms_relationship' && !ctx.claims.some((c) => c.category === 'confirm_relationship'))
      return v(
        'review-rejection-no-relationship-claim',
        'Rules Art. 75',
        '调解协议内容不涉及确认劳动关系（登记的协议事项中没有“确认劳动关系”），不能以此为由不予受理；如登记有误，请先更正登记',
        'ground',
      );
    // Rules Art. 75 names five grounds and no other (ui49 M1: a refusal for missing papers was printed as an Art. 75
    // refusal): papers missing are asked for once, in full (Rules Art. 74), not a ground of non-acceptance. The value stays
    // in the vocabulary (never removed), and is refused.
    if (ev.payload.ground === 'other')
      return v(
        'review-rejection-ground',
        'Rules Art. 75',
        '《劳动人事争议仲裁办案规则》第七十五条规定的不予受理情形只有五种：不属于受理范围、不属于本委管辖、超出申请期间、涉及确认劳动关系、已经人民法院司法确认；请选择其一。申请材料不齐全的，应当一次性告知当事人补正，而不是不予受理',
        'ground',
      );
    return null;
  },
  EXTEND_TIME_LIMIT: (ctx, ev) => {
    if (ctx.track !== 'review') return null;
    const once = PRECONDITIONS.EXTEND_TIME_LIMIT?.(ctx);
    if (once) return once;
    // Rules Art. 76: the review may be extended once, by no more than 5 (working) days, with the chair's approval.
    const max = ev.facts?.reviewExtensionMaxDays ?? DEFAULT_PERIODS.review_extension.days;
    if (ev.payload.days > max) return v('review-extension-max', 'Rules Art. 76', `仲裁审查期限延长不得超过${max}日`, 'days');
    const due = ev.facts?.reviewDueOn;
    // legal50b H1: approved in time, entered late — judged on the day approved.
    const approvedOn = (ev.payload.approvedOn as string | undefined) ?? ev.occurredOn;
    if (due && approvedOn > due)
      return v(
        'review-extension-before-deadline',
        'Rules Art. 76',
        `审查期限已于 ${due} 届满，不能再延长${provisionalNote(ev)}`,
        ev.payload.approvedOn ? 'approvedOn' : 'occurredOn',
      );
    return null;
  },
  SIGN_MEDIATION_DOCUMENT: (ctx, ev) => {
    if (ctx.track !== 'review') return null;
    if (ctx.review?.confirmation?.signatures.some((s) => s.partyId === ev.payload.partyId)) {
      return v('already-signed', 'Rules Art. 77', '该当事人已签收调解书', 'partyId');
    }
    return null;
  },
  // SPC-1 Art. 21(2) (legal52a H1): a worker's suit on a final award dismissed opens the employer's 30 days from its
  // receipt of the ruling — a day the record must hold, not one assumed from the ruling's date. (A withdrawal always
  // needs it — the award's effect runs from that service, SPC-2000 Art. 1 — refused with 400 by the event's schema.)
  RECORD_COURT_OUTCOME: (ctx, ev) => {
    if (ev.payload.servedOn !== undefined || ev.payload.outcome !== 'dismissed_out_of_time') return null;
    const record = courtOutcomeRecord(ctx, ev);
    if (!opensSetAsideWindow(ctx, record.outcome, record.partyIds)) return null;
    return v(
      'ruling-service-required',
      'SPC-1 Art. 21(2)',
      '劳动者就终局裁决的起诉被裁定驳回的，用人单位可以自收到裁定书之日起三十日内申请撤销裁决（最高人民法院劳动争议解释（一）第二十一条）：请填写裁定送达日期',
      'servedOn',
    );
  },
  APPLY_ENFORCEMENT: (ctx, ev) => {
    if (ev.payload.partialAward !== undefined) return partialAwardRemedyRule(ctx, ev);
    const party = ctx.parties.find((p) => p.id === ev.payload.partyId);
    if (!party || party.side === 'third_party')
      return v('enforcement-by-party', 'LDMAL Art. 51', '申请强制执行的应当是本案当事人', 'partyId');
    // LDMAL Art. 51: what is enforced is an obligation the award imposes; an award that dismissed everything has none.
    if (ctx.closure?.mode === 'award' && ctx.award && ctx.award.items.every((i) => i.outcome === 'dismissed')) {
      return v('nothing-to-enforce', 'LDMAL Art. 51', '裁决驳回了全部仲裁请求，没有可供强制执行的给付内容');
    }
    // legal55a 3: a worker the award decides nothing of has nothing to enforce (LDMAL Art. 51; Rules Arts. 35, 44).
    const nothing = noAwardItemsWords(ctx, party.id);
    if (nothing)
      return v('no-award-items-for-party', 'LDMAL Art. 51; Rules Arts. 35, 44', `${nothing}，没有可供其申请强制执行的内容`, 'partyId');
    // SPC-1 Art. 17: while the award is in court for the workers who sued, it is enforceable only by a worker who did
    // not sue and for whom it took effect.
    // The final part of a mixed award while the employer sues on the other part: the worker enforces it (Arts. 47, 51).
    // The same while the non-final part's windows run (reviewer legal H2).
    // legal54a H3–H4: per worker — the worker who has a final item granted and whose own suit does not hold it back
    // (finalPartInForceFor); another worker's suit holds back that worker's award only (SPC-1 Art. 17).
    const inForceFor = finalPartInForceFor(ctx);
    if (inForceFor.length) {
      if (inForceFor.includes(party.id) || effectiveForParty(ctx, party.id)) return null;
      if (!isWorkerParty(ctx, party))
        return v(
          'enforcement-final-part-by-worker',
          'LDMAL Arts. 47, 51',
          '非终局裁决部分尚未生效（起诉期间未满或用人单位已起诉），只有劳动者可以就已发生法律效力的终局裁决部分申请强制执行',
          'partyId',
        );
      const held = finalAwardHeldFor(ctx).get(party.id);
      const employerSued = pendingSuits(ctx).some((l) => !isWorkerId(ctx, l.partyId));
      const why = held
        ? held.outcome === 'pending'
          ? `当事人${party.id}已向人民法院起诉，诉讼期间裁决对其不发生法律效力（劳动争议调解仲裁法第四十八条、第五十条；最高人民法院劳动争议解释（一）第十七条）`
          : `人民法院已于${held.decidedOn}就当事人${party.id}的起诉作出${held.outcome === 'judgment' ? '判决' : '裁定'}，裁决对其不发生法律效力，应以人民法院的判决为准`
        : `裁决对当事人${party.id}的裁决事项均为非终局，${
            employerSued
              ? '用人单位已起诉，非终局部分不发生法律效力（劳动争议调解仲裁法第五十条；最高人民法院劳动争议解释（一）第十六条）'
              : '非终局部分须待起诉期间届满后才发生法律效力（劳动争议调解仲裁法第五十条）'
          }`;
      return v(
        'award-not-effective-for-party',
        'LDMAL Arts. 47–48, 50–51; SPC-1 Arts. 16–17',
        `${why}；终局部分自作出之日起发生法律效力（第四十七条），只有有终局裁决事项且未起诉的劳动者（当事人${inForceFor.join('、')}）现在可以申请执行`,
        'partyId',
      );
    }
    // LDMAL Arts. 47, 51: a final partial award after a withdrawal is enforced by the party it entitles — the worker, as
    // the final part of a mixed award above (reviewer revfix L2).
    if (partialAwardInForce(ctx) && !isWorkerParty(ctx, party)) {
      return v(
        'enforcement-partial-award-by-worker',
        'LDMAL Arts. 43(2), 47, 51',
        '仲裁申请已撤回（或按撤回处理），只有劳动者可以就已发生法律效力的终局部分裁决申请强制执行',
        'partyId',
      );
    }
    // LDMAL Art. 51: "一方当事人逾期不履行的，另一方当事人可以…申请执行" — the party the award entitles applies, never the one
    // it orders to perform (outside tester ui48 H3: the employer that lost was recorded as applying, closing the worker's
    // window). An item granted on an applicant's claim entitles the applicants; on a counterclaim's, the respondents.
    if (ctx.award) {
      const granted = ctx.award.items.filter((i) => i.outcome !== 'dismissed');
      const entitled = new Set(granted.map((i) => (ctx.claims.find((c) => c.id === i.claimId)?.counterclaim ? 'respondent' : 'applicant')));
      if (granted.length && !entitled.has(party.side))
        return v(
          'enforcement-by-obligee',
          'LDMAL Art. 51',
          `裁决确定由${party.side === 'applicant' ? '申请人' : '被申请人'}一方履行给付义务；申请强制执行的应当是裁决所确认权利的${
            party.side === 'applicant' ? '被申请人' : '申请人'
          }一方（《劳动争议调解仲裁法》第五十一条：一方当事人逾期不履行的，另一方当事人可以申请执行）`,
          'partyId',
        );
    }
    // fixT57 #5 — LDMAL Art. 51: the same for a 调解书 — the party it orders to perform (MEDIATION_AGREED `obligorIds`)
    // does not apply; a party on the other side of an obligor does. A 调解书 whose entry did not name its obligors (or
    // recorded before they were kept) says nothing of them: recorded with a warning (remedy-warnings.ts).
    if (!ctx.award && ctx.closure?.mode === 'mediation' && ctx.mediation?.obligorIds) {
      const obligors = ctx.mediation.obligorIds;
      const sideOf = (id: number) => ctx.parties.find((p) => p.id === id)?.side;
      if (!obligors.some((id) => sideOf(id) !== party.side))
        return v(
          'enforcement-by-obligee',
          'LDMAL Art. 51',
          `调解书确定由${party.side === 'applicant' ? '申请人' : '被申请人'}一方（当事人${obligors.join('、')}）履行给付义务；申请强制执行的应当是另一方当事人（《劳动争议调解仲裁法》第五十一条：一方当事人逾期不履行的，另一方当事人可以申请执行）`,
          'partyId',
        );
    }
    // LDMAL Arts. 47–48, 51 (legalfixA M3): a final award in court on some workers' suits is in force for the others.
    const nonSuers = finalAwardNonSuers(ctx);
    if (nonSuers && !nonSuers.includes(party.id)) {
      const held = finalAwardHeldFor(ctx).get(party.id);
      const why = !held
        ? ''
        : held.outcome === 'pending'
          ? `当事人${party.id}已就终局裁决向人民法院起诉，诉讼期间裁决对其不发生法律效力；`
          : `人民法院已于${held.decidedOn}就当事人${party.id}的起诉作出${held.outcome === 'judgment' ? '判决' : '裁定'}，终局裁决对其不发生法律效力，应以人民法院的判决为准；`;
      return v(
        'award-not-effective-for-party',
        'LDMAL Arts. 47–48, 51',
        `${why}${
          nonSuers.length
            ? `只有未起诉的劳动者（当事人${nonSuers.join('、')}）可以申请执行终局裁决`
            : '终局裁决对已起诉的劳动者不发生法律效力，没有可以申请执行该裁决的当事人'
        }`,
        'partyId',
      );
    }
    const split = separateEffect(ctx);
    // SPC-1 Art. 17; LDMAL Art. 50 (legal52a M3): in force for a worker who did not sue once his own and the employer
    // side's windows ran — on the date his `effective` deadline computes (`partyEffectiveOn`), MARK_EFFECTIVE or not.
    const computed = typeof ev.facts?.partyEffectiveOn === 'string' ? ev.facts.partyEffectiveOn : null;
    const appliedOn = typeof ev.payload.filedOn === 'string' ? ev.payload.filedOn : ev.occurredOn;
    if (split && !effectiveForParty(ctx, party.id) && !(computed && computed <= appliedOn)) {
      const on = (ctx.effectiveFor ?? []).map((e) => `当事人${e.partyId}（${e.effectiveOn}起）`);
      const own = split.employerSued
        ? '：用人单位已起诉，裁决对任何当事人均不发生法律效力（最高人民法院劳动争议解释（一）第十六条）'
        : !split.workers.includes(party.id)
          ? ''
          : computed
            ? `：其本人与用人单位的起诉期间届满后，自${computed}起对其发生法律效力（劳动争议调解仲裁法第五十条；最高人民法院劳动争议解释（一）第十七条）`
            : '：其本人或用人单位的起诉期间尚未确定（裁决书尚未全部送达或日期暂定）';
      return v(
        'award-not-effective-for-party',
        'SPC-1 Arts. 16–17; LDMAL Art. 51',
        `裁决尚未对当事人${party.id}发生法律效力${own}${on.length ? `；已对${on.join('、')}生效` : ''}`,
        'partyId',
      );
    }
    return null;
  },
};

/**
 * A worker's suit while the employer's set-aside is pending or while the final award is being enforced (reviewer s48 H2,
 * H3, M2). SPC-1 Art. 21(1) ends the intermediate court's review for a suit brought under LDMAL Art. 48 — within the
 * worker's 15 days — and only such a suit takes a final award in force back to court: a late one is refused here (the
 * record would otherwise show a review ended, or an award no longer in force, that the court never ended). With several
 * workers the suit concerns the suing worker's own award only, and the set-aside is not split by worker (domain.md §9.4):
 * recorded once the court has decided the application.
 */
function workerSuitOnFinalAwardInForce(ctx: CaseContext, ev: ProcEvent): Violation | null {
  const partyId = ev.payload.partyId;
  if (typeof partyId !== 'number' || !isWorkerId(ctx, partyId)) return null;
  // legal55a 1: a worker whose items are all non-final sues under LDMAL Art. 50 — not against a final award (Art. 48).
  if (ctx.award && !workerHasFinalPart(ctx, partyId)) return null;
  const setAsidePending = ctx.setAside !== null && ctx.setAside.result === null;
  const enforcing = ctx.enforcement.some((e) => e.outcome === null && e.partialAward === undefined);
  // legal52b H1: a final award is in force from the day it is made (LDMAL Art. 47), and SPC-1 Art. 21 holds the
  // employer's set-aside back for a suit brought under Art. 48 only — within the worker's 15 days. Recorded before the
  // employer applies, a late suit would pause its window and take the award out of force, while entered after it it is
  // refused: refused in both orders, so the award and the employer's 30 days stand whatever the order of entry (the
  // court dismisses the late suit, SPC-2000 Art. 2; a receipt recorded wrongly is corrected first).
  const finalInForce = ctx.award?.finality === 'final' && ctx.closure?.mode === 'award' && ctx.setAside?.result !== 'set_aside';
  if (!setAsidePending && !enforcing && !finalInForce) return null;
  // Whether a suit is in time is the court's to decide: a late suit the court has docketed (its period extended, CPL
  // Art. 86) is recorded when the clerk says so (`courtAccepted`; reviewer s52 H1) — the court then treats it as one
  // under LDMAL Art. 48, and its outcome (dismissed_out_of_time among them, SPC-2000 Art. 2) is recorded as it comes.
  if (ev.facts?.finalSuitTimely === false && ev.payload.courtAccepted !== true)
    return v(
      'late-suit-on-final-award',
      'LDMAL Art. 48; SPC-1 Art. 21',
      `劳动者对终局裁决的起诉期间已于${ev.facts.finalSuitDueOn}届满（《劳动争议调解仲裁法》第四十八条：收到仲裁裁决书之日起十五日内）；${
        setAsidePending
          ? '逾期的起诉不能终结中级人民法院对用人单位撤销裁决申请的审查（最高人民法院劳动争议解释（一）第二十一条），请先登记该申请的审查结果'
          : enforcing
            ? '终局裁决已发生法律效力并正在申请强制执行，逾期的起诉不能使其不发生效力'
            : `终局裁决自作出之日（${ctx.award?.issuedOn}）起发生法律效力（第四十七条），逾期的起诉不能使其不发生效力，也不妨碍用人单位在其期间内申请撤销裁决（最高人民法院劳动争议解释（一）第二十一条只适用于依第四十八条在十五日内提起的诉讼）；收到裁决书的日期登记有误的，请先更正送达记录`
      }；人民法院已立案受理该逾期起诉的（如准许顺延期限，《民事诉讼法》第八十六条），请注明“法院已受理逾期起诉”后登记`,
      'filedOn',
    );
  const workers = ctx.parties.filter((p) => p.side !== 'third_party' && isWorkerId(ctx, p.id));
  if (setAsidePending && ctx.award && ctx.award.finality !== 'non_final' && workers.length > 1)
    return v(
      'suit-during-set-aside-several-workers',
      'SPC-1 Art. 21; LDMAL Art. 48',
      '本案有多名劳动者：一名劳动者的起诉只涉及其本人的裁决，用人单位对其他劳动者的撤销裁决申请仍在审查；本系统尚不能按劳动者分别登记撤销申请，请待中级人民法院对撤销申请作出裁定后登记该起诉',
      'partyId',
    );
  return null;
}

export function checkRules(ctx: CaseContext, ev: ProcEvent): Violation | null {
  return RULES[ev.type]?.(ctx, ev) ?? ADDED_RULES[ev.type]?.(ctx, ev) ?? null;
}

/**
 * fixK56 #3: the parties the rules let sue against an award (RECORD_LAWSUIT) and apply for its enforcement
 * (APPLY_ENFORCEMENT) as the record stands — each party tried against the award and every partial award with the very
 * rules that refuse the act (checkRules), and left out only where one refuses it for who he is (a refusal naming
 * `partyId`: no award items of his — a worker deemed withdrawn alone, Rules Art. 39, or one whose claims were all given up
 * (no-award-items-for-party, LDMAL Arts. 48, 50–51); a third party against a final award, Arts. 47–49; the employer
 * against a final award, Art. 49; a suit of his already pending). A refusal about anything else (a date, which part) is
 * the form's to meet, not a reason to hide him. The web's suit and enforcement forms offer these only: one copy of the
 * rule. Null before any award.
 */
export function remedyParties(ctx: CaseContext): { lawsuit: number[]; enforcement: number[] } | null {
  if (!ctx.award && !ctx.partialAwards.length) return null;
  const mixedSetAside = ctx.award?.finality === 'mixed' && ctx.setAside?.result === 'set_aside';
  const targets: Record<string, unknown>[] = [
    ...(ctx.award ? (mixedSetAside ? [{ matter: 'award' }, { matter: 'set_aside' }] : [{}]) : []),
    ...ctx.partialAwards.map((_, i) => ({ partialAward: i + 1 })),
  ];
  const may = (type: 'RECORD_LAWSUIT' | 'APPLY_ENFORCEMENT', partyId: number) =>
    targets.some((t) => {
      const ev: ProcEvent = { type, occurredOn: '9999-12-31', payload: { ...t, partyId, court: '-', filedOn: '9999-12-31' } };
      return checkRules(ctx, ev)?.field !== 'partyId';
    });
  const ids = ctx.parties.map((p) => p.id);
  return { lawsuit: ids.filter((id) => may('RECORD_LAWSUIT', id)), enforcement: ids.filter((id) => may('APPLY_ENFORCEMENT', id)) };
}
