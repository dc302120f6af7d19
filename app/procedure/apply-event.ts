import type { Knex } from 'knex';
import {
  type CaseAggregate,
  type CaseColumns,
  type CaseRecord,
  type HistoryHead,
  onlyPlainKeys,
  queuesImpersonal,
  SERIAL_MARK,
  StaleVersionError,
  type UpdateGuard,
} from '../../db/stores/cases.ts';
import { isStaleWrite } from '../../db/write-later.ts';
import { advanceAddedPartyWarnings } from '../../workflows/advance-payers.ts';
import type { OfficialCalendar } from '../../workflows/calendar.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import { withdrawnIds } from '../../workflows/claim-outcomes.ts';
import {
  awardClock,
  computeDeadlines,
  computeFacts,
  type Deadline,
  lateAcceptanceWarnings,
  lateSupplementWarnings,
  leavesPeriodBefore,
  limitRanOutBefore,
  reviewClock,
} from '../../workflows/deadlines.ts';
import { MONETARY_FINAL_CATEGORIES } from '../../workflows/finality.ts';
import {
  awardDefensePeriodWarnings,
  defensePeriodFindings,
  earliestDefenseEnds,
  hearingAfterLimitWarnings,
  lateHearingNoticeWarnings,
  restDayHearingWarnings,
  simpleHearingNoticeWarnings,
  suspensionHearingWarnings,
} from '../../workflows/hearings.ts';
import { formatMoney, parseMoney } from '../../workflows/identifiers.ts';
import { eventLabel, namePartiesIn, stateLabel } from '../../workflows/labels.ts';
import { referredLimitation, rejectionLimitationWarnings } from '../../workflows/limitation.ts';
import { type Periods, periodWords } from '../../workflows/periods.ts';
import {
  availableEvents,
  isAvailableFor,
  leafState,
  persist,
  type Snapshot,
  applyEvent as transitionCase,
} from '../../workflows/procedure.ts';
import type { CaseContext, EventType, ProcEvent } from '../../workflows/procedure-types.ts';
import { earlierYearAcceptRefusal, needlessEarlierYearWarnings, staleReceivedWarnings } from '../../workflows/received-plausibility.ts';
import { lateAwardWarnings, remedyWarnings } from '../../workflows/remedy-warnings.ts';
import { restartWarnings } from '../../workflows/restart-warnings.ts';
import {
  absentNotices,
  challengedActorRefusal,
  courtOutcomeSuitError,
  decidedClaimIds,
  documentMadeOn,
  duplicateOfRefusal,
  hearingDateSetOn,
  lateRecusalWarnings,
  noAwardItemsServiceWarnings,
  partyAttendedHearing,
  pendingSuits,
  recusalToDecide,
  replacementNoticeWarnings,
  terminateWarnings,
  unconfirmedSimpleServiceWarnings,
  undatedPerformanceWarnings,
} from '../../workflows/rules.ts';
import { type StatFacts, statFacts } from '../../workflows/stat-facts.ts';
import { keepCalculations } from '../calculators/award-calculations.ts';
import { inCaseTurn } from '../case-turns.ts';
import {
  caseScope,
  caseSnapshot,
  HEARING_EVENTS,
  staleVersion,
  syncHearing,
  syncMediators,
  syncTribunal,
  userNames,
} from '../cases/case-state.ts';
import { documentNumbersOf } from '../cases/document-no.ts';
import {
  barringCaseIds,
  createCase,
  duplicateFilingWarnings,
  duplicatesEntry,
  majorAfterAddedParties,
  majorOnReferral,
} from '../cases/register-case.ts';
import {
  buildCaseView,
  type CaseView,
  claimApplicant,
  namedRefusalDetail,
  partyNameMap,
  recordLine,
  rejectionView,
  viewDelta,
} from '../cases/views.ts';
import { cstDate } from '../clock.ts';
import { statOptions } from '../config.ts';
import type { Deps } from '../deps.ts';
import { conflict, type FieldError, ruleRefusal, unknownPathParam, unprocessable, validationError } from '../errors.ts';
import { type Actor, assertMaySendEvent, assertRoleMaySendEvent } from '../policy.ts';
import { recordAccess } from '../security/access-log.ts';
import { queueAlerts } from '../time/alerts.ts';
import { inTransaction, type Transact, type UnitOfWork } from '../unit-of-work.ts';
import { checkAddedReferences, NUMBERING_EVENTS, TRIBUNAL_EVENTS, writeAddedRows } from './added-events.ts';
import { appointedAgentWarnings, checkAgentEvent } from './agents.ts';
import { answerPeriodFlag } from './answer-flag.ts';
import {
  type AwardItemInput,
  advanceShareErrors,
  awardDocumentMissingWords,
  awardItemErrors,
  awardRecord,
  awardsServedWithoutDocument,
  deemedParties,
  headingOnlyTextWarnings,
  payerError,
  payerVerdict,
  unnamedAdvancePayerWarnings,
  unsharedAdvanceWarnings,
} from './award.ts';
import { awardItemWarnings } from './award-warnings.ts';
import { duplicateAcceptBar } from './duplicate-bar.ts';
import { checkHearingClash } from './hearing-clash.ts';
import { MEDIATION_DOCUMENT_MISSING, mediationDocumentIssued } from './mediation-document.ts';
import { rejectionNoOf } from './rejection-no.ts';

/** ADVANCE_EXECUTION's `amounts` (app/event-schemas.ts), each with its workers' shares where given (fixD57 #2). */
type AdvanceAmounts = { claimId: number; amount: string; shares?: { partyId: number; amount: string }[] }[] | undefined;

/** One procedure event as the HTTP layer (or a seeder) hands it over: validated, `occurredOn` filled in. */
export interface EventInput {
  type: EventType;
  occurredOn: string;
  payload: Record<string, unknown>;
  /** Sent without occurredOn: its day was taken from this payload field (server/http/events.ts actDayField). */
  occurredOnFrom?: string;
}

export interface EventResult {
  view: CaseView;
  version: number;
  /** REFER_TO_ARBITRATION: the arbitration application it created. */
  linkedCaseId: number | null;
  /** What the act was recorded despite (not refusals): a hearing inside the defense period (void44). */
  warnings: string[];
}

function notAllowed(snap: Snapshot, type: EventType, on: string) {
  const allowed = availableEvents(snap, on);
  // Offered here only against a partial award (ui49 H1: the 409 listed the act it refused): say which field it needs.
  const onlyPartial = allowed.includes(type);
  return conflict(
    onlyPartial
      ? `案件当前状态为“${stateLabel(leafState(snap.value))}”，不能就本案裁决进行“${eventLabel(type)}”；针对部分裁决的，请写明针对第几件部分裁决（partialAward，1 为第一件，《劳动争议调解仲裁法》第四十三条第二款）`
      : `案件当前状态为“${stateLabel(leafState(snap.value))}”，不能进行“${eventLabel(type)}”`,
    { state: leafState(snap.value), allowed, ...(onlyPartial ? { field: 'partialAward' } : {}) },
  );
}

/**
 * legal51b M1 — LDMAL Art. 43(1); Rules Art. 46 (domain.md §7.1–§7.2): an extension approved in time is recorded whenever
 * its paper is entered, but one approved before a restart the record already holds was the superseded period's: it does
 * not lengthen the period now running, which needs its own approval before it runs out.
 */
function supersededExtensionWarnings(ctx: CaseContext, payload: Record<string, unknown>, occurredOn: string): string[] {
  const approvedOn = (payload.approvedOn as string | undefined) ?? occurredOn;
  const restart = ctx.clockRestarts.find((r) => r.on > approvedOn);
  if (!restart) return [];
  return [
    `该延长于${approvedOn}批准，审理期限已于${restart.on}依《劳动人事争议仲裁办案规则》第四十六条重新计算：原延长属于被取代的期间，已予记录，但不延长重新计算的审理期限；如需延长，请在新期限届满前另行报批（《劳动争议调解仲裁法》第四十三条第一款）`,
  ];
}

/**
 * fixD59 #2 (docs59): LDMAL Art. 43(1) extends the limit where 案情复杂需要延期 — the condition is recorded (`reason`)
 * and printed in the 决定书 (因…，经本委主任批准); one approved without it is recorded, with a warning.
 */
function extensionReasonWarnings(payload: Record<string, unknown>): string[] {
  if (typeof payload.reason === 'string' && payload.reason.trim()) return [];
  return [
    '未记录延长审理期限的理由（reason）：案情复杂需要延期的，经仲裁委员会主任批准，方可延长审理期限（《劳动争议调解仲裁法》第四十三条第一款），延长审理期限决定书将不写明延期理由；请补充记录',
  ];
}

/** The day in the body an act sent without occurredOn is dated by (server/http/events.ts actDayField): its name, and
 * what stays judged on it (reviewer s49 M4: the periods after a court's ruling run from its service, not from it). */
const ACT_DAY_LABELS: Record<string, { name: string; stays: string }> = {
  servedOn: { name: '送达日期', stays: '自送达之日起算的期间仍按送达日期{day}计算' },
  signedOn: { name: '签收日期', stays: '调解书的签收仍按签收日期{day}记录' },
  filedOn: { name: '向人民法院提出之日', stays: '是否在法定期间内提出仍按{day}判断' },
  decidedOn: { name: '人民法院作出裁判之日', stays: '裁判仍按其作出之日{day}记录' },
};
const actDay = (type: EventType, field: string) =>
  type === 'FILE_DEFENSE' && field === 'filedOn'
    ? { name: '收到答辩书之日', stays: '答辩是否在答辩期内仍按收到答辩书之日{day}判断' }
    : type === 'EXTEND_TIME_LIMIT'
      ? { name: '批准延长之日', stays: '是否在审理期限届满前批准、延长后的期限仍按批准之日{day}计算' }
      : type === 'SUSPEND'
        ? { name: '决定中止审理之日', stays: '审理期限自{day}起中止计算' }
        : type === 'RESUME'
          ? { name: '恢复审理之日', stays: '审理期限自{day}起恢复计算，只扣除实际中止的期间' }
          : (ACT_DAY_LABELS[field] ?? { name: field, stays: '' });

/** An act dated by its own day in the body, older than the last act recorded, is entered on that act's day (decide). */
function datedLaterWarnings(sent: EventInput, ev: EventInput): string[] {
  if (ev === sent || sent.occurredOnFrom === undefined) return [];
  const day = actDay(sent.type, sent.occurredOnFrom);
  return [
    `${day.name}${sent.occurredOn}早于本案已记录的上一程序事项的日期，本次${eventLabel(ev.type)}按${ev.occurredOn}记入办理记录；${day.stays.replace('{day}', sent.occurredOn)}`,
  ];
}

/** CONFIRM_AGREEMENT's terms set against the agreement registered for review, ignoring spacing and punctuation. */
function confirmedTermsWarnings(registered: string | null, confirmed: string): string[] {
  const bare = (x: string) => x.replace(/[\s，。、；：,.;:（）()“”"'‘’]/gu, '');
  if (!registered || bare(registered) === bare(confirmed)) return [];
  return [
    `所确认的调解书内容与登记的调解协议内容不一致（登记：“${registered}”）；仲裁调解书的内容应当与调解协议一致（《劳动人事争议仲裁办案规则》第七十七条），请核对`,
  ];
}

/**
 * Acts recorded after their period, which the record keeps as late, said so as they are entered (as an award after its
 * limit is, `lateAwardWarnings`): a review confirmed after its limit (med50 L3; Rules Art. 76), a jurisdiction objection
 * raised after the defense period (legal50a L2; Rules Art. 10: kept `timely: false`), a recusal decided after its three
 * working days (Rules Art. 12: the deadline met late).
 */
const lateReviewDue = (c: { dueOn: string | null; provisional?: boolean } | null) => (c && !c.provisional ? c.dueOn : null);

function lateActWarnings(ctx: CaseContext, nctx: CaseContext, ev: EventInput, deadlines: Deadline[], reviewDueOn: string | null): string[] {
  if (ev.type === 'CONFIRM_AGREEMENT' && reviewDueOn && ev.occurredOn > reviewDueOn)
    return [
      `仲裁审查期限已于${reviewDueOn}届满，本次确认调解协议（${ev.occurredOn}）晚于审查期限（《劳动人事争议仲裁办案规则》第七十六条：仲裁委员会应当自受理之日起五日内结束仲裁审查），请在办理记录中说明原因`,
    ];
  if (ev.type === 'RAISE_JURISDICTION_OBJECTION' && nctx.jurisdictionObjections.at(-1)?.timely === false)
    return [
      '管辖异议应当在答辩期满前书面提出，本次异议在答辩期满后提出，已记录为逾期提出：当事人逾期提出的，不影响仲裁程序的进行（《劳动人事争议仲裁办案规则》第十条）',
    ];
  if (ev.type === 'DECIDE_RECUSAL') {
    const i = (ctx.recusalApplications ?? []).findIndex((r, j) => r.decision === null && nctx.recusalApplications[j]?.decision !== null);
    const app = (ctx.recusalApplications ?? [])[i];
    const due = app && !app.afterDebate ? deadlines.filter((d) => d.kind === 'recusal_decision' && d.startsOn === app.on) : [];
    const late = due.find((d) => d.status === 'met_late' && !d.provisional);
    if (late?.dueOn)
      return [
        `回避申请于${app?.on}提出，应在${late.dueOn}前作出决定，本次决定（${ev.occurredOn}）已逾期（《劳动人事争议仲裁办案规则》第十二条：三日内以口头或者书面形式作出决定）`,
      ];
  }
  return [];
}

/**
 * med50 M2–M3: a mediation's performance is enforced (LDMAL Art. 51: 逾期不履行; CPL Art. 250) once the agreed period ran
 * out — before it, nothing has gone unperformed yet. Recorded with a warning naming the day (the clerk may be entering a paper dated wrongly, or a party who said he will
 * not perform); the performance period's last day is the one recorded with the agreement.
 */
function earlyPerformanceWarnings(ctx: CaseContext, ev: EventInput): string[] {
  if (ev.type === 'APPLY_ENFORCEMENT' && !ctx.award && ev.payload.partialAward === undefined) {
    const due = ctx.track === 'review' ? ctx.review?.confirmation?.performanceDueOn : ctx.mediation?.performanceDueOn;
    const on = typeof ev.payload.filedOn === 'string' ? ev.payload.filedOn : ev.occurredOn;
    if (due && on <= due)
      return [
        `调解书载明的履行期限至${due}届满，本次申请强制执行（${on}）在履行期限届满之前：一方当事人逾期不履行发生法律效力的调解书的，另一方当事人方可申请人民法院执行（《劳动争议调解仲裁法》第五十一条），请核对`,
      ];
  }
  // fixT57 #3: a `non_performance` referral before the agreed day is refused (workflows/rules.ts REFER_TO_ARBITRATION).
  return [];
}

/**
 * legal49b L2: Rules Art. 46(6) excludes a suspension from the award limit (LDMAL Art. 43) — one that begins after the limit
 * ran out has nothing to exclude: recorded, with a warning that the limit stays passed (the deadline's explanation says
 * "始于审理期限届满之后，不扣除").
 */
function lateSuspensionWarnings(dueOn: string | null, on: string): string[] {
  if (!dueOn || on <= dueOn) return [];
  return [
    `审理期限已于${dueOn}届满，本次中止审理始于其后（${on}），不扣除审理期限（《劳动人事争议仲裁办案规则》第四十六条第（六）项）：逾期未作出仲裁裁决的，当事人可以依法就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第四十三条第一款）。`,
  ];
}

/**
 * med49 L6: a conversion to the ordinary procedure (Rules Art. 61) keeps what simple handling allowed — a hearing set at
 * short notice (Rules Art. 60) and a defense period shortened or waived with consent (Rules Art. 58) — which the
 * ordinary procedure does not: warned of (the tribunal decides whether to set a new date or give time to answer).
 */
function conversionWarnings(ctx: MachineContext, cal: OfficialCalendar, periods: Periods, on: string): string[] {
  const out: string[] = [];
  const h = ctx.hearing;
  const held = h ? ctx.hearingsHeld.some((x) => x.heldOn >= h.scheduledOn) : true;
  const setOn = hearingDateSetOn(ctx);
  if (h && !held && setOn && h.hearingOn >= on && !leavesPeriodBefore(cal.provisionalView(), periods.hearing_notice, setOn, h.hearingOn))
    out.push(
      `本案已于${setOn}按简易处理定于${h.hearingOn}开庭，距开庭不足${periodWords(periods.hearing_notice)}：转为普通程序后，开庭日期应在开庭${periodWords(periods.hearing_notice)}前书面通知当事人（《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条），请考虑延期开庭并重新通知。`,
    );
  // med51 M1 — LDMAL Art. 31: a sole arbitrator is for simple cases; Rules Art. 61: converted, the tribunal may need
  // re-forming — the chair may form it again (FORM_TRIBUNAL) until a hearing is held under the ordinary procedure.
  if (ctx.tribunal && ctx.tribunal.arbitratorIds.length === 1)
    out.push(
      '本案按简易处理由一名仲裁员独任仲裁（《劳动争议调解仲裁法》第三十一条）：转为普通程序后，需由三名仲裁员组成仲裁庭的，请在按普通程序开庭前重新组成仲裁庭（组成仲裁庭），并将仲裁庭的组成情况书面通知当事人（《劳动争议调解仲裁法》第三十二条；《劳动人事争议仲裁办案规则》第六十一条）。',
    );
  if (ctx.defensePeriodDays !== null && ctx.defenses.length === 0)
    out.push(
      `本案答辩期已按简易处理经被申请人同意${ctx.defensePeriodDays === 0 ? '取消' : `缩短为${periodWords({ days: ctx.defensePeriodDays, unit: periods.defense.unit })}`}（《劳动人事争议仲裁办案规则》第五十八条）：转为普通程序后仍按缩短后的答辩期计算，被申请人尚未答辩；如需给予完整的答辩期（${periodWords(periods.defense)}），请另行安排。`,
    );
  return out;
}

/** legal56a 1: the fields naming another commission (LDMAL Art. 21; Rules Arts. 9–10, 31). */
const OTHER_COMMISSION_FIELDS: Partial<Record<EventType, string>> = {
  TRANSFER_CASE: 'toCommission',
  REFER_ELSEWHERE: 'competentCommission',
  ACCEPT_TRANSFER: 'fromCommission',
  DECIDE_JURISDICTION_OBJECTION: 'toCommission',
};
/** Two commission names compared without their spacing (full-width spaces included) and width forms. */
function sameCommission(name: unknown, own: string): boolean {
  const bare = (x: string) => x.normalize('NFKC').replace(/[\s\u3000\u200b-\u200d\ufeff]/gu, '');
  return typeof name === 'string' && bare(name) !== '' && bare(name) === bare(own);
}

/** Ids in the payload must name this case's parties and claims and real arbitrators (400 naming the field). */
async function checkReferences(deps: Deps, k: Knex, c: CaseRecord, ctx: MachineContext, ev: EventInput): Promise<void> {
  const { type, payload } = ev;
  const errors: FieldError[] = [];
  const partyIds = new Set(c.parties.map((p) => p.id));
  const claimIds = new Set(c.claims.map((cl) => cl.id));
  const party = (path: string, id: unknown) => {
    if (id !== undefined && !partyIds.has(id as number)) errors.push({ path, message: `本案没有编号为 ${id} 的当事人` });
  };
  party('partyId', payload.partyId);
  // legal56a 1 — LDMAL Art. 21; Rules Arts. 9–10, 31: a transfer or referral goes to ANOTHER competent commission (and
  // a transfer is received from another one): this commission's own name (config COMMISSION_NAME) is refused.
  const commissionField = OTHER_COMMISSION_FIELDS[type];
  if (commissionField && sameCommission(payload[commissionField], deps.config.commissionName))
    errors.push({
      path: commissionField,
      message: `${deps.config.commissionName}是本仲裁委员会：移送管辖、告知向有管辖权的仲裁委员会申请，须是其他仲裁委员会（劳动争议调解仲裁法第二十一条；劳动人事争议仲裁办案规则第九条、第十条、第三十一条）`,
    });
  // LDMAL Art. 49(3): once a mixed award's final part is set aside, a suit says which it is on (reviewer s46b M1).
  if (
    type === 'RECORD_LAWSUIT' &&
    payload.matter === undefined &&
    payload.partialAward === undefined &&
    ctx.award?.finality === 'mixed' &&
    ctx.setAside?.result === 'set_aside'
  )
    errors.push({
      path: 'matter',
      message: '混合裁决的终局部分已被撤销：请选择起诉的是被撤销部分的事项还是非终局部分',
    });
  for (const [i, id] of ((payload.partyIds as number[] | undefined) ?? []).entries()) party(`partyIds.${i}`, id);
  // s60 L (LDMAL Art. 30): only a respondent has an answer period to waive.
  for (const [i, w] of ((payload.answerPeriodWaived as { partyId: number }[] | undefined) ?? []).entries()) {
    const p = c.parties.find((x) => x.id === w.partyId);
    if (!p) errors.push({ path: `answerPeriodWaived.${i}.partyId`, message: `本案没有编号为 ${w.partyId} 的当事人` });
    else if (p.side !== 'respondent')
      errors.push({
        path: `answerPeriodWaived.${i}.partyId`,
        message: `${p.name}不是本案被申请人：只有被申请人有答辩期（劳动争议调解仲裁法第三十条），不能记录其放弃答辩期`,
      });
    else if ((payload.answerPeriodWaived as { partyId: number }[]).findIndex((x) => x.partyId === w.partyId) < i)
      errors.push({ path: `answerPeriodWaived.${i}.partyId`, message: `被申请人${p.name}已列出` });
  }
  // sec58 L4: an obligor of a mediation agreement that is no party of this case is bad input (400, as an award's); a third
  // party named there is the rule's to refuse (422 obligor-not-a-party, workflows/rules.ts).
  if (type === 'MEDIATION_AGREED')
    for (const [i, id] of ((payload.obligorIds as number[] | undefined) ?? []).entries()) party(`obligorIds.${i}`, id);
  // LDMAL Art. 44 (legal54a H1–H2): whose claim an advance execution may be of — a worker's, applicant or counterclaiming —
  // is the rule's to answer (422 advance-execution-worker-claims, workflows/rules.ts), not a reference check.
  (payload.claimIds as number[] | undefined)?.forEach((id, i) => {
    if (!claimIds.has(id)) errors.push({ path: `claimIds.${i}`, message: `本案没有编号为 ${id} 的仲裁请求` });
  });
  // ADVANCE_EXECUTION's amounts name this case's claims (the schema also ties them to claimIds, once each).
  (payload.amounts as { claimId: number }[] | undefined)?.forEach((a, i) => {
    if (!claimIds.has(a.claimId)) errors.push({ path: `amounts.${i}.claimId`, message: `本案没有编号为 ${a.claimId} 的仲裁请求` });
  });
  // LDMAL Art. 44; Rules Art. 51 (legalfixA L1): a ruling that a payment claim (remuneration, work-injury medical costs,
  // economic compensation, damages) be paid in advance orders an amount — recorded with it, or the ruling could never be
  // printed (its document needs every amount) nor transferred. A claim of another category is the rule's to refuse
  // (422 advance-execution-categories).
  if (type === 'ADVANCE_EXECUTION') {
    // reviewer s55 A M4 — LDMAL Art. 44: a ruling within a pending claim; a claim withdrawn (given up, or its worker's
    // application treated as withdrawn, Rules Art. 39) has none.
    const withdrawn = withdrawnIds(ctx);
    ((payload.claimIds as number[] | undefined) ?? []).forEach((id, i) => {
      const cl = c.claims.find((x) => x.id === id);
      if (cl && withdrawn.has(id))
        errors.push({
          path: `claimIds.${i}`,
          message: `第${cl.seq}项请求已撤回（或其申请人的仲裁申请已按撤回处理），不能裁决先予执行（劳动争议调解仲裁法第四十四条）`,
        });
    });
    // fixK56 #2 (LDMAL Art. 44; as an award item's obligorIds, app/procedure/award.ts): who pays in advance names
    // respondents of this case only; a respondent worker's counterclaim is paid by the applicant employer.
    const respondents = c.parties.filter((p) => p.side === 'respondent');
    ((payload.obligorIds as number[] | undefined) ?? []).forEach((id, i) => {
      if (respondents.some((p) => p.id === id)) return;
      const p = c.parties.find((x) => x.id === id);
      errors.push({
        path: `obligorIds.${i}`,
        message: `先予执行的支付义务人须为本案被申请人：${p ? `${p.name}（${p.side === 'applicant' ? '申请人' : '第三人'}）` : `编号 ${id}`}不是本案被申请人（本案被申请人：${respondents.map((x) => `${x.name}（编号 ${x.id}）`).join('、')}）`,
      });
    });
    if (
      payload.obligorIds !== undefined &&
      ((payload.claimIds as number[] | undefined) ?? []).some((id) => c.claims.find((x) => x.id === id)?.counterclaim)
    )
      errors.push({
        path: 'obligorIds',
        message: '反申请请求的先予执行由申请人支付，不能指定支付的被申请人（《劳动人事争议仲裁办案规则》第三十六条）',
      });
    // fixD58 #1, fixA59 (LDMAL Art. 44; SPC Enforcement Provisions Art. 16): several payers (those named, else every
    // respondent) answer jointly (`jointLiability`) or by equal shares (`equalShares`) — the award item's rule, one home
    // (app/procedure/award.ts payerVerdict): named payers saying neither are refused; none named is warned of.
    const counter = ((payload.claimIds as number[] | undefined) ?? []).some((id) => c.claims.find((x) => x.id === id)?.counterclaim);
    const how = (['jointLiability', 'equalShares'] as const).find((f) => payload[f] !== undefined);
    if (how && counter)
      errors.push({
        path: how,
        message: `反申请请求的先予执行由申请人支付，不能指定${how === 'jointLiability' ? '连带责任' : '按份承担'}（《劳动人事争议仲裁办案规则》第三十六条）`,
      });
    else if (!counter) {
      const obligorIds = payload.obligorIds as number[] | undefined;
      const named = (obligorIds ?? []).map((id) => respondents.find((p) => p.id === id)?.name ?? `编号 ${id}`);
      // s60 A2 #3: the ruling prints each amount's equal shares (templates/kinds.ts advanceExecution: each claim's order
      // with its own split, advanceClaimOrder) — the least of them. s61 A #2: judged so on purpose, not on the total: an
      // amount smaller in fen than the payers (0.01 beside 100.00, over three) is an order of its own in the ruling, which
      // would print a part of 0.00 — a payer ordered nothing (Civil Code Art. 517(2)); refused, naming `equalShares`. What
      // is accepted prints no part of 0.00 anywhere: the award's history recites each payer's parts added up (advanceOrders).
      const sums = ((payload.amounts as { amount?: unknown }[] | undefined) ?? []).flatMap((x) => {
        const fen = typeof x.amount === 'string' ? parseMoney(x.amount) : null;
        return fen && fen > 0 ? [fen] : [];
      });
      const leastFen = sums.length ? Math.min(...sums) : null;
      const verdict = payerVerdict(
        {
          obligorIds,
          jointLiability: payload.jointLiability as boolean | undefined,
          equalShares: payload.equalShares as boolean | undefined,
        },
        respondents.length,
        leastFen,
      );
      const error = payerError(verdict, '', '先予执行', named, respondents.length, leastFen);
      if (error) errors.push(error);
    }
    const given = new Set(((payload.amounts as { claimId: number }[] | undefined) ?? []).map((a) => a.claimId));
    const unpriced = c.claims.filter(
      (cl) =>
        cl.id !== undefined &&
        (payload.claimIds as number[] | undefined)?.includes(cl.id) === true &&
        MONETARY_FINAL_CATEGORIES.includes(cl.category) &&
        !given.has(cl.id),
    );
    if (unpriced.length)
      errors.push({
        path: 'amounts',
        message: `须写明准予先予执行的金额（劳动争议调解仲裁法第四十四条）：第${unpriced.map((cl) => cl.seq).join('、')}项请求未写明`,
      });
  }
  // The items' own checks, shared with the award preview (app/procedure/award.ts awardItemErrors).
  if (type === 'ISSUE_AWARD' || type === 'PARTIAL_AWARD')
    errors.push(...awardItemErrors(c.claims, payload.items as AwardItemInput[], c.parties, deemedParties(ctx)));
  // fixD57 #2: each worker's share of an amount paid in advance on a claim of several workers together, as an award's.
  if (type === 'ADVANCE_EXECUTION')
    errors.push(...advanceShareErrors(c.claims, payload.amounts as AdvanceAmounts, c.parties, deemedParties(ctx)));
  if (type === 'ADVANCE_EXECUTION' && Array.isArray(payload.amounts)) {
    // LDMAL Art. 44; Rules Art. 51: advance execution of what is claimed — no more than the claim asks, less what the
    // case's earlier rulings already ordered on it.
    const earlier = new Map<number, number>();
    for (const r of ctx.advanceExecutions ?? [])
      for (const a of r.amounts ?? []) earlier.set(a.claimId, (earlier.get(a.claimId) ?? 0) + (parseMoney(a.amount) ?? 0));
    (payload.amounts as { claimId: number; amount: string }[]).forEach((a, i) => {
      const claimed = c.claims.find((cl) => cl.id === a.claimId)?.amountFen ?? null;
      const asked = parseMoney(a.amount);
      if (claimed === null || asked === null) return;
      const before = earlier.get(a.claimId) ?? 0;
      if (asked > claimed - before)
        errors.push({
          path: `amounts.${i}.amount`,
          message: before
            ? `先予执行的金额不能超过请求金额 ${formatMoney(claimed)} 元减去已裁定先予执行的 ${formatMoney(before)} 元，即 ${formatMoney(Math.max(0, claimed - before))} 元`
            : `先予执行的金额不能超过请求金额 ${formatMoney(claimed)} 元`,
        });
    });
  }
  // legal49c H2: a court outcome ends one suit — which, when several are pending (several workers, or both sides).
  if (type === 'RECORD_COURT_OUTCOME') {
    const error = courtOutcomeSuitError(ctx, payload.partyId as number | undefined);
    if (error) errors.push({ path: 'partyId', message: error });
  }
  if (type === 'RECORD_COURT_OUTCOME' && Array.isArray(payload.items)) {
    // Issue 17: a judgment's result per award item names a claim the commission decided.
    const decided = decidedClaimIds(ctx);
    (payload.items as { claimId: number }[]).forEach((it, i) => {
      if (!decided.has(it.claimId)) errors.push({ path: `items.${i}.claimId`, message: `本案没有就编号为 ${it.claimId} 的请求作出裁决` });
    });
  }
  if (type === 'HOLD_HEARING') errors.push(...attendanceErrors(c, ctx, payload));
  if (type === 'DEEM_WITHDRAWN' && typeof payload.partyId === 'number' && partyIds.has(payload.partyId)) {
    const error = deemedPartyError(c, ctx, payload.partyId);
    if (error) errors.push({ path: 'partyId', message: error });
  }
  const presidingError = presidingAfterReplacementError(ctx, type, payload);
  if (presidingError) errors.push({ path: 'presidingId', message: presidingError });
  const arbitrators: [string, number][] = [];
  if (type === 'FORM_TRIBUNAL')
    for (const [i, id] of (payload.arbitratorIds as number[]).entries()) arbitrators.push([`arbitratorIds.${i}`, id]);
  if (type === 'RECUSE_ARBITRATOR') arbitrators.push(['replacementId', payload.replacementId as number]);
  if (arbitrators.length) {
    const users = await deps.stores.users.listByIds(
      arbitrators.map(([, id]) => id),
      k,
    );
    for (const [path, id] of arbitrators) {
      const u = users.find((x) => x.id === id);
      if (!u?.active || u.role !== 'arbitrator') errors.push({ path, message: `用户 ${id} 不是在职仲裁员` });
    }
  }
  if (type === 'ASSIGN_MEDIATOR') {
    const [m] = await deps.stores.users.listByIds([payload.mediatorId as number], k);
    if (!m?.active || m.role !== 'mediator') errors.push({ path: 'mediatorId', message: `用户 ${payload.mediatorId} 不是在职调解员` });
  }
  // void44: the case a voided registration duplicates is another case of this commission.
  if (type === 'VOID_REGISTRATION' && payload.duplicateOf !== undefined) {
    const other = payload.duplicateOf === c.id ? null : await deps.stores.cases.load(k, payload.duplicateOf as number);
    if (payload.duplicateOf === c.id) errors.push({ path: 'duplicateOf', message: '所重复的案件不能是本案' });
    else if (!other) errors.push({ path: 'duplicateOf', message: `没有编号为 ${payload.duplicateOf} 的案件` });
    // The application it repeats (a reviewer, s44 L7): an arbitration case, not itself a voided registration.
    else if (other.track !== 'arbitration') errors.push({ path: 'duplicateOf', message: `编号${payload.duplicateOf}的案件不是仲裁申请` });
    else if (other.state === 'voided') errors.push({ path: 'duplicateOf', message: `编号${payload.duplicateOf}的登记已作废` });
  }
  if (errors.length) throw validationError(errors);
}

/**
 * legal56a 2 — LDMAL Arts. 31–32: RECUSE_ARBITRATOR / DECIDE_RECUSAL `presidingId`, who presides once the presiding
 * arbitrator is replaced: a member of the tribunal as replaced. Another member replaced leaves the presiding one as he is.
 */
function presidingAfterReplacementError(ctx: CaseContext, type: EventType, payload: Record<string, unknown>): string | null {
  const presidingId = payload.presidingId as number | undefined;
  if (presidingId === undefined || (type !== 'RECUSE_ARBITRATOR' && type !== 'DECIDE_RECUSAL')) return null;
  const t = ctx.tribunal;
  const app = type === 'DECIDE_RECUSAL' ? recusalToDecide(ctx) : undefined;
  const replaced = type === 'RECUSE_ARBITRATOR' ? (payload.arbitratorId as number) : app?.target.userId;
  const replacementId = payload.replacementId as number | undefined;
  if (
    !t ||
    replacementId === undefined ||
    (type === 'DECIDE_RECUSAL' && (payload.result !== 'granted' || app?.target.kind !== 'arbitrator'))
  )
    return '只有决定仲裁员回避并替换时，才能指定重新组成的仲裁庭的首席仲裁员';
  if (t.presidingId !== replaced)
    return presidingId === t.presidingId ? null : `被替换的仲裁员不是首席仲裁员：首席仲裁员仍为用户 ${t.presidingId}，不能另行指定`;
  const after = t.arbitratorIds.map((id) => (id === replaced ? replacementId : id));
  return after.includes(presidingId) ? null : `首席仲裁员须是替换后的仲裁庭成员（${after.join('、')}）`;
}

/**
 * legal54c M1 — HOLD_HEARING attendance party by party (LDMAL Art. 36; Rules Art. 39; SPC-1 Art. 19): `absentParties`
 * names applicants or respondents of this case, and agrees with the side flags — a side recorded present (true) has
 * someone there, so not every one of it is listed; a side recorded absent (false) is absent whole, so a list naming some
 * of it names all. Without `absentParties` both side flags are given, as before.
 */
function attendanceErrors(c: CaseRecord, ctx: MachineContext, payload: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  const listed = payload.absentParties as number[] | undefined;
  if (listed === undefined) {
    for (const f of ['applicantPresent', 'respondentPresent'])
      if (typeof payload[f] !== 'boolean') errors.push({ path: f, message: '未逐人写明未到庭当事人的，须写明该方是否到庭' });
    return errors;
  }
  listed.forEach((id, i) => {
    const party = c.parties.find((x) => x.id === id);
    if (!party) errors.push({ path: `absentParties.${i}`, message: `本案没有编号为 ${id} 的当事人` });
    else if (party.side === 'third_party')
      errors.push({ path: `absentParties.${i}`, message: `${party.name}是第三人：第三人到庭情况以 thirdPartyPresent 记录` });
  });
  if (errors.length) return errors;
  const words = { applicant: ['申请人', 'applicantPresent'], respondent: ['被申请人', 'respondentPresent'] } as const;
  // A worker whose application was treated as withdrawn is no longer a party to the hearing (reviewer s55 A M3).
  const gone = new Set((ctx.deemedWithdrawals ?? []).map((d) => d.partyId));
  for (const side of ['applicant', 'respondent'] as const) {
    const all = c.parties.filter((x) => x.side === side && !gone.has(x.id as number)).map((x) => x.id as number);
    const absent = all.filter((id) => listed.includes(id));
    const flag = payload[words[side][1]];
    if (flag === true && all.length > 0 && absent.length === all.length)
      errors.push({
        path: 'absentParties',
        message: `${words[side][0]}均列为未到庭，与 ${words[side][1]}（到庭）不符：该方无人到庭的，${words[side][1]} 应为 false`,
      });
    // sec58 L2: a side marked absent lists every one of its parties — none listed is as incomplete as some.
    if (flag === false && absent.length < all.length)
      errors.push({
        path: 'absentParties',
        message: `${words[side][1]} 为 false（该方无人到庭），未到庭的${words[side][0]}须列全，或将 ${words[side][1]} 改为 true（有人到庭）`,
      });
  }
  return errors;
}

/**
 * legal54c M1 — DEEM_WITHDRAWN `partyId` (LDMAL Art. 36; Rules Art. 39): one applicant still in the proceedings who was
 * absent at the last hearing held (or left it midway without leave). The written notice is the rule's (422).
 */
function deemedPartyError(c: CaseRecord, ctx: CaseContext, partyId: number): string | null {
  const party = c.parties.find((x) => x.id === partyId);
  if (!party) return null;
  if (party.side !== 'applicant')
    return `${party.name}不是本案申请人：只有申请人的仲裁申请可以按撤回处理（被申请人未到庭的，可以缺席裁决，LDMAL Art. 36）`;
  if ((ctx.deemedWithdrawals ?? []).some((d) => d.partyId === partyId)) return `${party.name}的仲裁申请已按撤回处理`;
  const held = ctx.hearingsHeld.at(-1);
  if (!held) return '本案尚未开庭';
  if (partyAttendedHearing(held, 'applicant', partyId))
    return `${party.name}在${held.heldOn}开庭时到庭，不能对其按撤回仲裁申请处理（LDMAL Art. 36; Rules Art. 39）`;
  return null;
}

const DOCUMENT_WORDS: Record<string, string> = {
  acceptance_notice: '受理',
  application_copy: '受理',
  respond_notice: '受理',
  rejection_notice: '不予受理决定',
  supplement_notice: '一次性告知补正',
  defense_copy: '收到答辩书',
  tribunal_notice: '组成仲裁庭',
  conversion_notice: '转为一般程序处理',
  claims_change_copy: '变更仲裁请求',
  addition_notice: '追加当事人',
  hearing_notice: '排期开庭',
  postponement_notice: '延期开庭决定',
  mediation_document: '达成调解协议',
  award: '作出裁决',
  advance_execution_ruling: '先予执行裁决',
  resume_notice: '恢复审理',
};

/**
 * Dates inside the payload, validated like occurredOn (the "not in the future" half is checked at the edge): a
 * document is served no earlier than the act that made it; a counterclaim is filed no later than it is merged; a
 * ruling is served no earlier than it is made.
 */
function checkPayloadDates(ctx: CaseContext, ev: EventInput): void {
  const { type, payload } = ev;
  const errors: FieldError[] = [];
  if (type === 'SERVE') {
    const servedOn = (payload.servedOn as string | undefined) ?? ev.occurredOn;
    const doc = payload.document as string;
    const made = documentMadeOn(ctx, doc);
    const path = payload.servedOn ? 'servedOn' : 'occurredOn';
    if (made === null) errors.push({ path: 'document', message: `本案尚无“${DOCUMENT_WORDS[doc] ?? doc}”，该文书尚不存在，不能送达` });
    else if (made && servedOn < made)
      errors.push({ path, message: `送达日期不能早于该文书作出之日（${DOCUMENT_WORDS[doc] ?? ''} ${made}）` });
    else if (servedOn < ctx.receivedOn) errors.push({ path, message: `送达日期不能早于收到仲裁申请之日（${ctx.receivedOn}）` });
    // A direct service is its own act: recorded on or after its day, never before it (legal48c L5). A posted document is
    // sent on the act's day and received later (CPL Art. 91: the receipt's day is its servedOn), as is a public notice.
    else if (payload.method === 'direct' && servedOn > ev.occurredOn)
      errors.push({
        path: 'servedOn',
        message: `送达日期不能晚于登记（发生）日期（${ev.occurredOn}）；送达后登记的，登记日期填送达当日或之后`,
      });
    // legal50b L1: a posted document is sent on occurredOn and received on servedOn (CPL Art. 91) — not received before
    // it was sent. Sent without occurredOn, the act is dated by servedOn (or entered late on the last act's day): no check.
    else if (payload.method === 'post' && ev.occurredOnFrom === undefined && payload.servedOn && servedOn < ev.occurredOn)
      errors.push({
        path: 'servedOn',
        message: `邮寄送达的签收日期不能早于寄出之日（登记日期 ${ev.occurredOn}）：邮寄的文书于寄出日登记，签收日期为回执上的日期`,
      });
    // The notice to respond and the copy of the application go to those who answer it (LDMAL Art. 30; Rules Art. 46(1)
    // for an added party), never to the applicant — whose public notice would otherwise hold the award clock.
    const to = ctx.parties.find((p) => p.id === payload.partyId);
    if ((doc === 'respond_notice' || doc === 'application_copy') && to?.side === 'applicant')
      errors.push({ path: 'partyId', message: '应诉通知书、仲裁申请书副本送达被申请人（或追加的当事人），不送达申请人' });
  }
  // A mediation document is signed for after it was agreed; a suit or set-aside application follows the award.
  const agreedOn = ctx.mediation?.agreedOn;
  if (type === 'SIGN_MEDIATION_DOCUMENT' && agreedOn && payload.signedOn && (payload.signedOn as string) < agreedOn)
    errors.push({ path: 'signedOn', message: `签收日期不能早于达成调解协议之日（${agreedOn}）` });
  // med50 H1; Rules Art. 77: on review, the 调解书 is made when the agreement is confirmed (CONFIRM_AGREEMENT) and takes
  // effect when both sign for it — never signed for before it existed.
  const confirmedOn = ctx.track === 'review' ? ctx.review?.confirmation?.on : undefined;
  if (type === 'SIGN_MEDIATION_DOCUMENT' && confirmedOn && payload.signedOn && (payload.signedOn as string) < confirmedOn)
    errors.push({ path: 'signedOn', message: `签收日期不能早于仲裁调解书作出（确认调解协议）之日（${confirmedOn}）` });
  // legal50b H1: an extension, a suspension or a resumption entered late with its own day — on the case (after its
  // acceptance), and a resumption not before the suspension it ends (Rules Art. 47: only the days suspended are excluded).
  const ownOn = type === 'EXTEND_TIME_LIMIT' ? 'approvedOn' : type === 'SUSPEND' || type === 'RESUME' ? 'decidedOn' : null;
  const actOn = ownOn ? (payload[ownOn] as string | undefined) : undefined;
  if (ownOn && actOn) {
    const from = type === 'RESUME' ? ctx.suspensions.at(-1)?.from : undefined;
    // legal50c M1: a suspension entered late does not begin before the resumption that ended the one before it — the
    // days between were days the case ran (Rules Arts. 46–47).
    const resumedOn = type === 'SUSPEND' ? ctx.suspensions.at(-1)?.to : undefined;
    if (from && actOn < from) errors.push({ path: ownOn, message: `恢复审理之日不能早于中止审理之日（${from}）` });
    else if (resumedOn && actOn < resumedOn)
      errors.push({ path: ownOn, message: `中止审理之日不能早于上一次恢复审理之日（${resumedOn}）` });
    else if (ctx.acceptedOn && actOn < ctx.acceptedOn)
      errors.push({ path: ownOn, message: `${actDay(type, ownOn).name}不能早于受理之日（${ctx.acceptedOn}）` });
  }
  // CPL Art. 250(2): the performance period a 调解书 (or an agreement) states ends on or after the day it was agreed.
  if (
    (type === 'MEDIATION_AGREED' || type === 'CONFIRM_AGREEMENT') &&
    payload.performanceDueOn &&
    (payload.performanceDueOn as string) < ev.occurredOn
  )
    errors.push({ path: 'performanceDueOn', message: `履行期限届满之日不能早于达成调解协议（确认）之日（${ev.occurredOn}）` });
  // LDMAL Art. 43(2) (legalfixA H2): a remedy against a partial award names one the case has; its dates follow that award.
  const partialNo = payload.partialAward as number | undefined;
  if (partialNo !== undefined && !ctx.partialAwards[partialNo - 1])
    errors.push({
      path: 'partialAward',
      message: ctx.partialAwards.length ? `本案只有${ctx.partialAwards.length}件部分裁决` : '本案没有作出部分裁决',
    });
  const issuedOn = partialNo !== undefined ? ctx.partialAwards[partialNo - 1]?.issuedOn : ctx.award?.issuedOn;
  const challenge = type === 'RECORD_LAWSUIT' || type === 'RECORD_SET_ASIDE';
  if (challenge && issuedOn && payload.filedOn && (payload.filedOn as string) < issuedOn)
    errors.push({ path: 'filedOn', message: `起诉或申请撤销日期不能早于裁决作出之日（${issuedOn}）` });
  // An award is enforced after it was made (LDMAL Art. 51; reviewer s49 H2).
  if (type === 'APPLY_ENFORCEMENT' && issuedOn && payload.filedOn && (payload.filedOn as string) < issuedOn)
    errors.push({ path: 'filedOn', message: `申请强制执行的日期不能早于裁决作出之日（${issuedOn}）` });
  if (type === 'FILE_COUNTERCLAIM' && payload.filedOn && (payload.filedOn as string) > ev.occurredOn)
    errors.push({ path: 'filedOn', message: '反申请的提出日期不能晚于受理并合并审理之日（合并审理日期）' });
  if (type === 'POSTPONE_HEARING' && payload.requestedOn && (payload.requestedOn as string) > ev.occurredOn)
    errors.push({ path: 'requestedOn', message: '申请日期不能晚于延期决定之日' });
  // 中途退庭 is said of a side that came (LDMAL Art. 36): one absent did not leave.
  for (const side of ['applicant', 'respondent'] as const)
    if (
      type === 'HOLD_HEARING' &&
      payload[`${side}LeftEarly`] === true &&
      payload[`${side}Present`] !== true &&
      // Flags left out with absentParties are derived (below): someone of the side there (reviewer s55 B L1).
      !(payload[`${side}Present`] === undefined && Array.isArray(payload.absentParties))
    )
      errors.push({ path: `${side}LeftEarly`, message: `${side === 'applicant' ? '申请人' : '被申请人'}未到庭，不能同时记录其中途退庭` });
  // legal49a M1: an act's own day (the day a suit or application was filed, a 调解书 signed for, a court ruled) is the day
  // it happened — recorded on or after it, never before (occurredOn is the day of entry; sent without it, the server
  // dates the act by this field: server/http/events.ts actDayField).
  const ownDay: Partial<Record<EventType, string>> = {
    FILE_DEFENSE: 'filedOn',
    RECORD_LAWSUIT: 'filedOn',
    APPLY_ENFORCEMENT: 'filedOn',
    SIGN_MEDIATION_DOCUMENT: 'signedOn',
    RECORD_SET_ASIDE: payload.result === undefined ? 'filedOn' : 'decidedOn',
    RECORD_COURT_OUTCOME: 'decidedOn',
    RECORD_ENFORCEMENT_OUTCOME: 'decidedOn',
    // legal50b H1: the chair's approval of an extension (LDMAL Art. 43(1)), a suspension and a resumption (Rules Art. 47).
    EXTEND_TIME_LIMIT: 'approvedOn',
    SUSPEND: 'decidedOn',
    RESUME: 'decidedOn',
  };
  const dayField = ownDay[type];
  const day = dayField ? (payload[dayField] as string | undefined) : undefined;
  if (dayField && day && day > ev.occurredOn)
    errors.push({
      path: dayField,
      message: `${actDay(type, dayField).name}${day}晚于登记（发生）日期${ev.occurredOn}：事项发生后方能登记，登记日期填该日或之后`,
    });
  // legal49a M1: a court answers what was brought to it — its ruling is made no earlier than the application or suit it
  // decides (else the windows after it, LDMAL Art. 49(3), SPC-1 Arts. 21, 24, would run from before it was brought).
  const answered = courtAnswers(ctx, type, payload);
  if (answered) {
    const decidedOn = payload.decidedOn as string | undefined;
    if (decidedOn && decidedOn < answered.filedOn)
      errors.push({ path: 'decidedOn', message: `人民法院作出裁判之日不能早于${answered.what}之日（${answered.filedOn}）` });
    const receivedOn = payload.receivedOn as string | undefined;
    const ruled = decidedOn !== undefined && decidedOn >= answered.filedOn;
    if (receivedOn && receivedOn < (ruled ? decidedOn : answered.filedOn))
      errors.push({
        path: 'receivedOn',
        message: ruled
          ? `收到裁定之日不能早于裁定作出之日（${decidedOn}）`
          : `收到裁定之日不能早于${answered.what}之日（${answered.filedOn}）`,
      });
  }
  for (const t of ['RECORD_COURT_OUTCOME', 'RECORD_SET_ASIDE'] as const) {
    const decidedOn = (payload.decidedOn as string | undefined) ?? ev.occurredOn;
    if (type === t && payload.servedOn && (payload.servedOn as string) < decidedOn)
      errors.push({ path: 'servedOn', message: `裁定送达日期不能早于裁定作出之日（${decidedOn}）` });
  }
  if (errors.length) throw validationError(errors);
}

/**
 * The application or suit a court's ruling recorded now decides, and the day it was brought: the pending set-aside (of
 * the award, or of the partial award named), the suits since the last court outcome (`courtOutcomeRecord`), the
 * pending enforcement the outcome is recorded on (case-machine.ts `recordEnforcementOutcome`).
 */
function courtAnswers(ctx: CaseContext, type: EventType, payload: Record<string, unknown>): { filedOn: string; what: string } | null {
  if (type === 'RECORD_SET_ASIDE' && payload.result !== undefined) {
    const n = payload.partialAward as number | undefined;
    const pending =
      n === undefined
        ? ctx.setAside?.result === null
          ? ctx.setAside
          : null
        : (ctx.partialAwardRemedies ?? []).find((r) => r.partialAward === n && r.kind === 'set_aside' && r.result === null);
    return pending ? { filedOn: pending.filedOn, what: '申请撤销裁决' } : null;
  }
  if (type === 'RECORD_COURT_OUTCOME') {
    // legal49c H2: the suit the ruling ends (the party named), or every suit pending when none is named.
    const named = payload.partyId as number | undefined;
    const latest = pendingSuits(ctx)
      .filter((l) => named === undefined || l.partyId === named)
      .reduce<string | null>((m, l) => (m === null || l.filedOn > m ? l.filedOn : m), null);
    return latest ? { filedOn: latest, what: '起诉' } : null;
  }
  if (type === 'RECORD_ENFORCEMENT_OUTCOME') {
    const own = ctx.enforcement.find((e) => e.outcome === null && e.partialAward === undefined);
    const e = own ?? ctx.enforcement.find((x) => x.outcome === null);
    return e ? { filedOn: e.filedOn, what: '申请执行' } : null;
  }
  return null;
}

const previewNotAvailable = (type: EventType) =>
  unprocessable(`${eventLabel(type)}无法预览：它在决定时即写入当事人或请求`, { rule: 'preview-not-available' });

/** Events whose rows are written while the event is decided (a party or claims added, a new application referred). */
const WRITES_WHILE_DECIDING = new Set<EventType>([
  'ADD_PARTY',
  'CHANGE_CLAIMS',
  'FILE_COUNTERCLAIM',
  'REFER_TO_ARBITRATION',
  // feat52: the agent's row (app/procedure/agents.ts).
  'APPOINT_AGENT',
  'REVOKE_AGENT',
]);

/**
 * Events decided inside the writer's transaction on every database: those that write while decided, those that
 * name users (an arbitrator, mediator or clerk must be active in that role when the event is written; a user's role or
 * standing moves no case version), and those that take a hearing slot (another case's session in that room or before
 * that arbitrator moves no version of this case: hearing-clash.ts).
 */
const DECIDED_IN_WRITER = new Set<EventType>([
  ...WRITES_WHILE_DECIDING,
  'FORM_TRIBUNAL',
  'RECUSE_ARBITRATOR',
  'ASSIGN_MEDIATOR',
  'APPLY_RECUSAL',
  'DECIDE_RECUSAL',
  'SCHEDULE_HEARING',
  'POSTPONE_HEARING',
  // The case a voided registration duplicates must still stand when the void is written: two clerks voiding two copies
  // of one application as duplicates of each other would void both (reviewer s45 M2).
  'VOID_REGISTRATION',
]);

/** How often a decision made outside the transaction is made again when the case moved before it was written. */
const OPTIMISTIC_ATTEMPTS = 3;

/** Everything an event changes, decided from one read of the case; `recordDecision` writes it. */
/** s60 L: the acts after which the calendar's answer-period flag of a session to be held is judged again. */
const ANSWER_FLAG_EVENTS = new Set(['SERVE', 'FILE_DEFENSE', 'ADD_PARTY', 'CHANGE_CLAIMS', 'SHORTEN_DEFENSE_PERIOD']);

interface Decision {
  /**
   * s60 L (LDMAL Art. 30): whether the case's session still to be held is now before a respondent's answer period can
   * end (the hearing calendar's flag), for the acts that can change it; absent for the others.
   */
  answerFlag?: boolean;
  caseId: number;
  actor: Actor;
  ev: EventInput;
  now: string;
  /** The day (China time) the deadlines were computed for. */
  today: string;
  /** The case as read, and as it now stands. */
  c: CaseRecord;
  updated: CaseRecord;
  head: HistoryHead;
  stateBefore: string;
  stateAfter: string;
  ctx: MachineContext;
  nctx: MachineContext;
  cols: CaseColumns;
  /** Parties or claims the event wrote (locked mode only). */
  children: Pick<CaseRecord, 'parties' | 'claims'> | null;
  /** The year whose next serial the case takes (ACCEPT): allocated by `recordDecision`. */
  numberingYear: number | null;
  deadlines: Deadline[];
  storedDeadlines: Deadline[];
  stat: { facts: StatFacts; current: (StatFacts & { rowId: number }) | null };
  /** What the guard compares (`UpdateGuard`). */
  deadlinesMaxId: number;
  referenceVersions: number;
  view: CaseView;
  /** The history entry's payload and its before/after sections. */
  entryPayload: Record<string, unknown>;
  /** Warnings the act is recorded with (`EventResult.warnings`). */
  warnings: string[];
  /** s61 E #1: SCHEDULE_HEARING / POSTPONE_HEARING — the respondents whose answer period the day falls inside. */
  answerPeriodPending?: number[];
  delta: { before: unknown; after: unknown };
  /** The act changes nothing (a mediator assigned again): nothing is written, the case is answered as it stands. */
  unchanged?: true;
}

/**
 * Decides an event from the case as read through `k`: policy (403) → version (412) → dates and references (400) →
 * the state allows it (409) → facts from the calendar and reference data → the statechart and the legal rules (422) →
 * the derived columns, deadlines, statistics facts, the view (built once) and the history entry. Reads only, except
 * in a unit of work for the events that write rows while they are decided (`WRITES_WHILE_DECIDING`).
 */
async function decide(
  deps: Deps,
  k: Knex,
  uow: UnitOfWork | null,
  actor: Actor,
  caseId: number,
  sent: EventInput,
  opts: { expectedVersion?: number },
  at: { now: string; today: string },
  loaded: CaseAggregate | undefined,
): Promise<Decision> {
  if (!loaded) throw unknownPathParam('id', '案件');
  const c = loaded.record;
  const head = loaded.head as HistoryHead;
  const last = head.lastProceduralOn;
  // A paper entered after later acts (reviewer s48 M1; legal49b M1): an act dated by its own day in the body — no
  // occurredOn sent — that is earlier than the last act recorded is dated by that act's day, as the web form does; the
  // body's day stays the act's, from which the periods run. An occurredOn sent is judged as sent (api.md).
  const ev =
    sent.occurredOnFrom !== undefined && last && last >= c.receivedOn && sent.occurredOn < last ? { ...sent, occurredOn: last } : sent;
  const snap = caseSnapshot(c);
  const ctx = snap.context;
  assertMaySendEvent(actor, ev.type, caseScope(c, ctx));
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== c.version) throw await staleVersion(deps, k, caseId, c.version);

  // api.md: occurredOn never before the previous procedural event (bookkeeping entries do not count), nor before the
  // receipt as it now stands (a correction before acceptance may have moved it; the registration row keeps the first).
  // The state first (api.md: 409 before the checks of the act itself; outside checker sec52 M2): an event the state
  // does not allow on the earliest day it could bear is 409 — a rejected or voided case says so, not 「早于上一程序事件」.
  const firstDay = last && last > c.receivedOn ? last : c.receivedOn;
  if (ev.occurredOn < firstDay && !isAvailableFor(snap, { ...ev, occurredOn: firstDay })) throw notAllowed(snap, ev.type, firstDay);
  if (last && last >= c.receivedOn && ev.occurredOn < last)
    throw validationError([{ path: 'occurredOn', message: `发生日期不能早于上一程序事件的日期（${last}）` }]);
  // A defense received before the application was (reviewer s49 M3): named at the day sent, not at occurredOn.
  if (ev.type === 'FILE_DEFENSE' && typeof ev.payload.filedOn === 'string' && ev.payload.filedOn < c.receivedOn)
    throw validationError([{ path: 'filedOn', message: `收到答辩书之日不能早于收到仲裁申请之日（${c.receivedOn}）` }]);
  if (ev.occurredOn < c.receivedOn) throw validationError([{ path: 'occurredOn', message: `发生日期不能早于收件日期（${c.receivedOn}）` }]);
  // fixM56: the first commission received the application before this one did (Rules Art. 9; limitation, Rules Art. 27).
  if (ev.type === 'ACCEPT_TRANSFER' && typeof ev.payload.firstReceivedOn === 'string' && ev.payload.firstReceivedOn > c.receivedOn)
    throw validationError([{ path: 'firstReceivedOn', message: `原仲裁委员会收到仲裁申请之日不能晚于本委收件日期（${c.receivedOn}）` }]);
  await checkReferences(deps, k, c, ctx, ev);
  await checkAddedReferences(deps, k, c, ev.type, ev.payload);
  await checkAgentEvent(k, c, ev);
  // 409 before any legal rule (api.md order): is the event possible in this state at all?
  if (!isAvailableFor(snap, ev)) throw notAllowed(snap, ev.type, ev.occurredOn);
  // med51 H1; LDMAL Art. 42(3), Rules Art. 77: a 调解书 is signed for (served) only once it exists — issued after the
  // agreement now in signing. A party going back on the agreement before it is served (refused) is recorded whatever.
  // A party that signed already signed the document the others sign — or signed before this rule (reviewer s51 H2): the
  // other parties' signatures of a case part-signed then are not held up.
  if (
    ev.type === 'SIGN_MEDIATION_DOCUMENT' &&
    ev.payload.refused !== true &&
    !ctx.mediation?.signatures.length &&
    !(await mediationDocumentIssued(deps, k, caseId, ctx))
  )
    throw conflict(MEDIATION_DOCUMENT_MISSING, {
      rule: 'mediation-document-not-issued',
      field: 'document',
      state: leafState(snap.value),
      allowed: availableEvents(snap, ev.occurredOn),
    });
  checkPayloadDates(ctx, ev);
  // Which award an award document delivers, when named: one the case has (a partial award's or the final award's day).
  if (ev.type === 'SERVE' && ev.payload.awardOn !== undefined) {
    const made = [...ctx.partialAwards.map((x) => x.issuedOn), ...(ctx.award ? [ctx.award.issuedOn] : [])];
    if (ev.payload.document !== 'award' || !made.includes(ev.payload.awardOn as string))
      throw validationError([
        { path: 'awardOn', message: `只有裁决书写明所送达的裁决，且须是本案作出的裁决（${made.join('、') || '尚无'}）` },
      ]);
  }

  // LDMAL Art. 43(2); Rules Art. 49 (fixA50, item 4): which award an award document delivers. A partial award named
  // (`partialAward`, 1 = the first made) is recorded by its day (`awardOn`, as the windows, the documents list and the
  // templates read it). Naming none once the final award is made serves the final award only — not also a partial
  // award the party has not received, whose service is recorded apart (a warning says so).
  if (ev.type === 'SERVE' && ev.payload.partialAward !== undefined) {
    const pa = ctx.partialAwards[(ev.payload.partialAward as number) - 1];
    if (ev.payload.document !== 'award' || !pa)
      throw validationError([
        {
          path: 'partialAward',
          message: `只有裁决书（document: award）写明所送达的部分裁决，且须是本案作出的部分裁决（共${ctx.partialAwards.length}件）`,
        },
      ]);
    if (ev.payload.awardOn !== undefined && ev.payload.awardOn !== pa.issuedOn)
      throw validationError([{ path: 'awardOn', message: `第${ev.payload.partialAward}件部分裁决作于${pa.issuedOn}，与 awardOn 不符` }]);
  }
  const payload: Record<string, unknown> = { ...ev.payload };
  Object.assign(payload, recordedWith(deps, ev.type));
  // legal54c M1: the side flags derived from the parties absent one by one (someone of a side there: present).
  if (ev.type === 'HOLD_HEARING' && Array.isArray(payload.absentParties)) {
    const listed = payload.absentParties as number[];
    payload.absentParties = [...new Set(listed)];
    for (const [side, flag] of [
      ['applicant', 'applicantPresent'],
      ['respondent', 'respondentPresent'],
    ] as const)
      if (typeof payload[flag] !== 'boolean')
        payload[flag] = c.parties.some(
          (x) => x.side === side && !listed.includes(x.id as number) && !(ctx.deemedWithdrawals ?? []).some((d) => d.partyId === x.id),
        );
  }
  let partialsLeft: string[] = [];
  if (ev.type === 'SERVE' && payload.document === 'award' && payload.awardOn === undefined) {
    if (payload.partialAward !== undefined) payload.awardOn = ctx.partialAwards[(payload.partialAward as number) - 1]?.issuedOn;
    else if (ctx.award) {
      const received = (on: string) =>
        ctx.services.some(
          (s) =>
            s.document === 'award' && s.partyId === payload.partyId && s.servedOn >= on && (s.awardOn === undefined || s.awardOn === on),
        );
      partialsLeft = ctx.partialAwards.map((x, i) => (received(x.issuedOn) ? '' : `第${i + 1}件（${x.issuedOn}）`)).filter(Boolean);
      // Received before the final award was made, it can only be a partial award: which one, the record must say
      // (reviewer s50 M1 — read as the final award, it would hold an impossible service and start no window).
      const servedOn = (payload.servedOn as string | undefined) ?? ev.occurredOn;
      if (ctx.partialAwards.length && servedOn < ctx.award.issuedOn)
        throw validationError([
          {
            path: 'partialAward',
            message: `送达日期${servedOn}早于本案裁决作出之日（${ctx.award.issuedOn}），所送达的是部分裁决：请写明第几件部分裁决`,
          },
        ]);
      if (ctx.partialAwards.length) payload.awardOn = ctx.award.issuedOn;
    }
  }
  // legal53b M1 — LDMAL Arts. 48–50: the windows to sue and to apply to set aside run from receipt of the 裁决书. An award
  // (its parts, a partial award) served whose issued document Zhongcai has not made: a warning, or — where the commission
  // makes every 裁决书 here (AWARD_SERVICE_WITHOUT_DOCUMENT=refuse) — 409 as the 调解书 (LDMAL Art. 42; Rules Art. 77).
  const undocumented =
    ev.type === 'SERVE' && payload.document === 'award'
      ? await awardsServedWithoutDocument(deps, k, caseId, ctx, payload, (payload.servedOn as string | undefined) ?? ev.occurredOn)
      : [];
  if (undocumented.length && deps.config.awardServiceWithoutDocument === 'refuse')
    throw conflict(awardDocumentMissingWords(undocumented, true), {
      rule: 'award-document-not-issued',
      field: 'document',
      state: leafState(snap.value),
      allowed: availableEvents(snap, ev.occurredOn),
    });
  // An added party or claim is written first so that the procedure record holds its id (rolled back on refusal).
  // Decided inside its unit of work — but for a referral's preview, which stops before it writes (below).
  if (WRITES_WHILE_DECIDING.has(ev.type) && !uow && ev.type !== 'REFER_TO_ARBITRATION')
    throw new Error(`${ev.type} is decided inside its unit of work`);
  const children = uow ? await writeAddedRows(deps, uow, c, ev.type, payload) : null;
  // Workers added to a collective case reaching MAJOR_COLLECTIVE_MIN_WORKERS mark it major (domain.md §8.2; med51 H2).
  const addedMajor =
    children && ev.type === 'ADD_PARTY' ? majorAfterAddedParties(c, children.parties, deps.config.majorCollectiveMinWorkers) : {};
  if (ev.type === 'ISSUE_AWARD' || ev.type === 'PARTIAL_AWARD') {
    // The record keeps which parties were absent and the written notice proven served on each (LDMAL Art. 36), so that
    // the award document states only what the record shows.
    const absent = absentNotices(ctx);
    // Issue 17: the calculations kept with award items, recomputed from their input (400 naming a bad field).
    payload.items = await keepCalculations(deps, k, c, payload.items as AwardItemInput[]);
    payload.award = {
      ...(await awardRecord(
        deps,
        k,
        c,
        payload.items as AwardItemInput[],
        ev.occurredOn,
        absent.some((n) => n.side === 'respondent'),
        withdrawnIds(ctx),
      )),
      absentNotices: absent,
      heldOn: ctx.hearingsHeld.at(-1)?.heldOn ?? null,
    };
  }
  const cal = await deps.calendar.get(k, { version: loaded.calendarVersion });
  // A date in a year without official calendar data is judged provisionally and marked so (api.md v1.1).
  const { facts } = computeFacts(ctx, { type: ev.type, occurredOn: ev.occurredOn, payload }, cal, deps.periods, {
    absenceNoticeTimely: deps.config.absenceNoticeTimely,
    mediationDocumentByPost: deps.config.mediationDocumentByPost,
    intermediateCourt: deps.config.intermediateCourt,
  });
  const event: ProcEvent = { type: ev.type, occurredOn: ev.occurredOn, payload, facts };
  const result = transitionCase(snap, event);
  if (!result.ok && result.reason === 'not_allowed') throw notAllowed(snap, ev.type, ev.occurredOn);
  if (!result.ok) {
    // The rules number the parties ("裁决尚未对当事人57发生法律效力") and the claims ("请求 3"); the person reading the
    // refusal gets the parties' names and the claims as the case lists them (namedRefusalDetail; ui55 #1).
    throw ruleRefusal(result.violation, namedRefusalDetail(result.violation.detail, c));
  }
  // Rules Arts. 11–12: the person challenged for recusal steps back until it is decided (urgent measures excepted) —
  // after the case's own rules, which refuse the whole tribunal's hearing and award first (recusal-pending).
  const standsDown = challengedActorRefusal(ctx, actor.id, ev.type, deps.config.recusalUrgentEvents);
  if (standsDown) throw ruleRefusal(standsDown);
  // A registration made by another act — referred from a pre-arbitration mediation or a review, or transferred in from
  // another commission — is not a clerk's entry made twice: voided, the mediation or review would stay referred to a
  // case that is not one (a reviewer, s44 L6). It ends as an application does (不予受理, withdrawal).
  if (ev.type === 'VOID_REGISTRATION' && (c.linkedCaseId !== null || ctx.transferIn))
    throw ruleRefusal({
      rule: 'void-not-own-registration',
      source: 'Rules Art. 30',
      detail:
        c.linkedCaseId !== null
          ? `本案由编号${c.linkedCaseId}的调解或仲裁审查申请转入，不是误登记，不能作废：属于重复申请的，请作出不予受理决定，或由申请人撤回申请`
          : '本案由其他仲裁委员会移送而来，不是误登记，不能作废：属于重复申请的，请作出不予受理决定，或由申请人撤回申请',
    });
  // The case it duplicates has an applicant in common (reviewer s45 L1; its existence and kind: checkPayload above).
  if (ev.type === 'VOID_REGISTRATION' && typeof payload.duplicateOf === 'number') {
    // Locked (PostgreSQL) and read in the writer (DECIDED_IN_WRITER): a void of the other case in progress is waited
    // for, and then seen (a void of each by the other: one waits, the other is told the case is voided — an earlier
    // case was locked before this one, `applyEvent`, so the two never wait for each other).
    if (uow) await deps.stores.cases.lockedVersion(k, payload.duplicateOf);
    const other = await deps.stores.cases.load(k, payload.duplicateOf);
    if (other?.state === 'voided') throw validationError([{ path: 'duplicateOf', message: `编号${payload.duplicateOf}的登记已作废` }]);
    const refusal = other
      ? duplicateOfRefusal(
          c.parties,
          { id: other.id, caseNo: other.caseNo, parties: other.parties, receivedOn: other.receivedOn },
          c.receivedOn,
        )
      : null;
    if (refusal) throw ruleRefusal(refusal);
  }
  // Rules Art. 34 (一事不再理): an acceptance while an earlier case of the same dispute still bars it (read again now)
  // needs the clerk's statement that it is not the same matter (app/procedure/duplicate-bar.ts).
  const duplicate = await duplicateAcceptBar(deps, k, c, ev);
  if (duplicate) throw ruleRefusal(duplicate);
  // sec51 M1: a case numbered in a year before today's is confirmed (LDMAL Art. 29; workflows/received-plausibility.ts).
  const earlierYear =
    ev.type === 'ACCEPT' && deps.config.earlierYearAcceptConfirmation
      ? earlierYearAcceptRefusal(ev.occurredOn, at.today, ev.payload)
      : null;
  if (earlierYear) throw ruleRefusal(earlierYear);

  const nctx = result.next.context;
  // A room or an arbitrator another case's session takes at that time (locked until the write ends).
  await checkHearingClash(deps, k, caseId, ev.type, ctx, nctx, payload, uow !== null);
  const snapshot = persist(result.next);
  const cols: CaseColumns = {
    state: result.state,
    snapshot,
    machineVersion: snapshot.machineVersion,
    procedure: nctx.procedure,
    closureMode: nctx.closure?.mode ?? null,
    closedOn: nctx.closure?.closedOn ?? null,
    finality: nctx.award?.finality ?? null,
    ...addedMajor,
  };
  // The case number's year is the year of the ACCEPT event's occurredOn (api.md); the serial is taken when the
  // decision is written (`recordDecision`).
  const numberingYear = NUMBERING_EVENTS.has(ev.type) ? Number(ev.occurredOn.slice(0, 4)) : null;
  if (numberingYear !== null) Object.assign(cols, { caseYear: numberingYear, acceptedOn: ev.occurredOn });
  if (ev.type === 'REFER_TO_ARBITRATION') {
    // A preview (no unit of work) of a referral the rules allow ends here: what follows writes the new application.
    if (uow === null) throw previewNotAvailable(ev.type);
    // LDMAL Art. 14: a new arbitration application with the mediation's parties and claims — warned of an earlier case
    // of the same dispute as a registration is (Rules Arts. 34, 39).
    const parties = c.parties.map(({ id: _id, agents, ...p }) => ({ ...p, agents: agents.map(({ id: _a, ...a }) => a) }));
    // A claim of one applicant names him by position: the new case's parties are new rows (another case's ids).
    const claims = c.claims.map(({ id: _id, seq: _s, partyId, ...cl }) => {
      const { applicant } = claimApplicant(c, { partyId });
      return applicant ? { ...cl, applicant } : cl;
    });
    const warnings = await duplicateFilingWarnings(deps, (uow as UnitOfWork).trx, { parties, claims });
    const { record } = await createCase(
      deps,
      uow as UnitOfWork,
      actor,
      {
        track: 'arbitration',
        state: 'received',
        receivedOn: ev.occurredOn,
        postmarkOn: null,
        channel: (payload.channel as string) ?? 'counter',
        district: c.district,
        facts: c.facts,
        procedure: c.procedure,
        collective: c.collective,
        collectiveGround: c.collectiveGround,
        // A referral is a registration: 重大集体劳动人事争议 as at registration, or as the mediation was marked (med51 H2).
        ...majorOnReferral(c, parties, deps.config.majorCollectiveMinWorkers),
        wageArrears: c.wageArrears,
        // LDMAL Art. 27(2); Rules Art. 27 (fixM56): the source's limitation facts, its application for mediation (or the
        // review) and that procedure's end recorded as interruptions, each naming this case.
        limitation: referredLimitation(c, ctx, ev.occurredOn),
        linkedCaseId: c.id,
        duplicateBars: barringCaseIds(warnings),
        parties,
        claims,
      },
      { channel: (payload.channel as string) ?? 'counter', track: 'arbitration', referredFrom: c.id, ...duplicatesEntry(warnings) },
    );
    cols.linkedCaseId = record.id;
  }

  // A mediator assigned again changes nothing: no version, no history entry for an act that never happened (sec50 H1).
  const unchanged = ev.type === 'ASSIGN_MEDIATOR' && (ctx.mediatorIds ?? []).includes(payload.mediatorId as number);
  // The record as it now stands, from what is in hand (no second load).
  const updated: CaseRecord = {
    ...c,
    ...(children ?? {}),
    ...(cols as Partial<CaseRecord>),
    ...(addedMajor.majorMarked ? { major: true } : {}),
    version: unchanged ? c.version : c.version + 1,
    updatedAt: unchanged ? c.updatedAt : at.now,
  };
  const deadlines = computeDeadlines(nctx, cal, deps.periods, at.today);
  const awardDueOn = deadlines.find((d) => d.kind === 'award')?.dueOn ?? null;
  const names = await userNames(deps, k, [
    ...(ctx.tribunal?.arbitratorIds ?? []),
    ...(nctx.tribunal?.arbitratorIds ?? []),
    ...(nctx.mediatorIds ?? []),
  ]);
  // A rejected application's 不予受理通知书 number, already taken (REJECT takes it when written: `recordDecision`).
  const rejectionNo = ctx.rejection ? await rejectionNoOf(deps, k, caseId, ctx) : null;
  // The 不字 / 审字 number of a case without a case number, as GET answers it (reviewer docsfix L1).
  // Read only for a review or a rejected application (the only cases that have one): no statement for any other write.
  const numberable = updated.caseNo === null && (nctx.track === 'review' || Boolean(ctx.rejection));
  const documentNo = numberable ? ((await documentNumbersOf(deps, k, [{ id: caseId, caseNo: null }])).get(caseId) ?? null) : null;
  const view = buildCaseView(updated, nctx, deadlines, names, { calendar: cal, rejectionNo, documentNo });
  // void44: a hearing set or held inside a respondent's defense period (LDMAL Art. 30; Rules Art. 58) is recorded with a
  // warning naming the period's end (workflows/hearings.ts).
  // s60 L: a postponement to a new day is judged as a scheduling (LDMAL Art. 30).
  const hearingOn =
    ev.type === 'SCHEDULE_HEARING' || ev.type === 'POSTPONE_HEARING'
      ? (payload.hearingOn as string)
      : ev.type === 'HOLD_HEARING'
        ? ev.occurredOn
        : null;
  // An award or partial award made inside a defense period, or before a respondent was served (s45 L2).
  const awardOn = ev.type === 'ISSUE_AWARD' || ev.type === 'PARTIAL_AWARD' ? ev.occurredOn : null;
  // Parties named by name, as a refusal names them (reviewer s45 L5: which respondent is not yet served).
  const partyNames = partyNameMap(updated.parties);
  // A period not yet begun ends at the earliest as if the copy were served on the act's day, on this calendar (s46 M1);
  // s62: as shortened with the respondents' consent in simple handling (Rules Art. 58), where it was.
  // s64: an added respondent's own, ordinary period beside it (`earliestDefenseEnds`).
  const earliest = hearingOn ? earliestDefenseEnds(ev.occurredOn, cal, ctx, deps.periods) : undefined;
  // A suspension entered late is judged on the day it was decided (legal50b H1; server/http/events.ts actDayField).
  const suspendedOn = typeof payload.decidedOn === 'string' ? payload.decidedOn : ev.occurredOn;
  // s60 L (LDMAL Art. 30): respondents who agreed to this hearing before their answer period ends — each waiver with its
  // day (s60 L2: it waives only a period begun by then; Rules Art. 44).
  const waivers = (nctx.hearing ?? ctx.hearing)?.answerPeriodWaived ?? [];
  const answerFindings = hearingOn ? defensePeriodFindings(ctx, hearingOn, deadlines, ev.occurredOn, 'hearing', earliest, waivers) : [];
  const answerWarnings = answerFindings.map((f) => f.text);
  // s61 E #1: the respondents whose answer period the day set or moved falls inside (not one who has answered or
  // waived) — whose consent a confirmation asks for (LDMAL Art. 30), in the preview and in the refusal.
  const answerPeriodPending =
    ev.type === 'SCHEDULE_HEARING' || ev.type === 'POSTPONE_HEARING'
      ? [...new Set(answerFindings.flatMap((f) => f.partyIds))].sort((a, b) => a - b)
      : [];
  // HEARING_BEFORE_ANSWER_PERIOD=refuse: a day set or moved to before the answer period can end is refused (422, nothing
  // written); the default records it with the warning (domain.md §3.3).
  if (answerWarnings.length && deps.config.hearingBeforeAnswerPeriod === 'refuse' && ev.type !== 'HOLD_HEARING')
    throw unprocessable(
      `${answerWarnings.join('')}（本委设定：答辩期届满前不安排开庭。被申请人同意提前开庭的，请在 answerPeriodWaived 中记录；或另定开庭日期。）`,
      { rule: 'hearing-before-answer-period', field: 'hearingOn', source: '《劳动争议调解仲裁法》第三十条', answerPeriodPending },
    );
  // The calendar's flag of the session to be held (db/stores/hearings.ts): set with the day, changed by a service, a
  // defence, a party added or the claims changed — judged on the day of the act that changes it (s60 L2: not on the day
  // the session was first set — a postponement does not change `scheduledOn`, a party added after it was skipped, and a
  // later service could clear a correct flag), with the earliest period end counted from that day.
  // s61 D: the one judgement of the flag (app/procedure/answer-flag.ts), which the daily sweep and the maintenance task
  // `reflag_answer_periods` make again on their day. A day set or moved is flagged exactly when it is warned of above.
  const answerFlag =
    nctx.hearing && (ev.type === 'SCHEDULE_HEARING' || ev.type === 'POSTPONE_HEARING' || ANSWER_FLAG_EVENTS.has(ev.type))
      ? answerPeriodFlag(nctx, deadlines, ev.occurredOn, cal, deps.periods)
      : undefined;
  const warnings = (
    hearingOn
      ? answerWarnings
      : awardOn
        ? awardDefensePeriodWarnings(ctx, awardOn, deadlines, ev.occurredOn)
        : // 不予受理 on a limitation ground: limitation is decided after acceptance (LDMAL Art. 27; Rules Art. 30; s46 L5).
          ev.type === 'REJECT' && nctx.track === 'arbitration'
          ? rejectionLimitationWarnings(payload.reason)
          : ev.type === 'ACCEPT'
            ? [
                ...lateAcceptanceWarnings(deadlines),
                ...staleReceivedWarnings(c.receivedOn, at.today, deps.config.receivedOnStaleDays),
                ...needlessEarlierYearWarnings(ev.occurredOn, at.today, ev.payload),
              ]
            : // legal52b M3: a supplement notice after the acceptance period, as a late ACCEPT (LDMAL Art. 29; Rules Art. 29).
              ev.type === 'REQUEST_SUPPLEMENT'
              ? lateSupplementWarnings(ctx, ev.occurredOn, cal, deps.periods)
              : ev.type === 'SERVE'
                ? [...datedLaterWarnings(sent, ev), ...unconfirmedSimpleServiceWarnings(ev), ...lateHearingNoticeWarnings(nctx, deadlines)]
                : // A suit or set-aside filed late, an enforcement during a set-aside (LDMAL Arts. 48–51; SPC-1 Art. 25).
                  [...datedLaterWarnings(sent, ev), ...remedyWarnings(ctx, nctx, ev, deadlines)]
  )
    .concat(
      // A restart that shortens an extended award limit (Rules Art. 46; domain.md §7.2).
      nctx.clockRestarts.length > ctx.clockRestarts.length
        ? restartWarnings(ctx, nctx, awardClock(ctx, cal, deps.periods, at.today)?.dueOn ?? null, awardDueOn)
        : [],
      // legal51b M1: an extension approved before a restart recorded since, entered late — the superseded period's.
      ev.type === 'EXTEND_TIME_LIMIT' ? supersededExtensionWarnings(ctx, payload, ev.occurredOn) : [],
      ev.type === 'EXTEND_TIME_LIMIT' ? extensionReasonWarnings(payload) : [],
      // An award after the limit (LDMAL Art. 43(1)).
      lateAwardWarnings(ev, deadlines),
      // A hearing set or moved to a weekend or holiday (legalfixA L4): warned of, not refused.
      ev.type === 'SCHEDULE_HEARING' || ev.type === 'POSTPONE_HEARING' ? restDayHearingWarnings(cal, payload.hearingOn as string) : [],
      // s62 B #1: a simple case's hearing set inside the notice period (LDMAL Art. 35) is recorded, saying so (Rules Art. 60).
      simpleHearingNoticeWarnings(ctx, event),
      // …or to a day after the award limit (LDMAL Art. 43(1); Rules Art. 45), naming whether it may still be extended.
      (ev.type === 'SCHEDULE_HEARING' || ev.type === 'POSTPONE_HEARING') && typeof payload.hearingOn === 'string'
        ? hearingAfterLimitWarnings(nctx, payload.hearingOn, cal, deps.periods, ev.occurredOn, at.today)
        : [],
      // legal49b L2: a suspension begun after the award limit ran out deducts nothing from it (Rules Art. 47; LDMAL Art. 43).
      // One home with the resumption notice and the suspension 决定书 (workflows/deadlines.ts limitRanOutBefore; reviewer s59 A L1).
      ev.type === 'SUSPEND' ? lateSuspensionWarnings(limitRanOutBefore(ctx, cal, deps.periods, suspendedOn), suspendedOn) : [],
      earlyPerformanceWarnings(ctx, ev),
      // fixD58 #3 (LDMAL Art. 23; Rules Art. 50): a hearing of a case with a third party says whether he came.
      ev.type === 'HOLD_HEARING' && payload.thirdPartyPresent === undefined && c.parties.some((p) => p.side === 'third_party')
        ? [
            '本案有第三人，未记录第三人是否到庭（thirdPartyPresent）：裁决书、调解书须写明到庭情况（劳动争议调解仲裁法第二十三条），将写明“第三人是否到庭未予记录”；请补充记录',
          ]
        : [],
      // fixA53: an agent also the other side's, or lacking his relationship or firm (律师法 Art. 39; LDMAL Art. 24).
      ev.type === 'APPOINT_AGENT' ? appointedAgentWarnings(updated, payload) : [],
      lateActWarnings(
        ctx,
        nctx,
        ev,
        deadlines,
        ev.type === 'CONFIRM_AGREEMENT' ? lateReviewDue(reviewClock(ctx, cal, deps.periods)) : null,
      ),
      // The award's items, as its preview warns of them (legal59a #3: one home, app/procedure/award-warnings.ts).
      awardOn ? awardItemWarnings(ctx, c.claims, c.parties, payload.items as AwardItemInput[], awardOn) : [],
      awardOn ? headingOnlyTextWarnings(payload) : [],
      // fixD57 #2: …and an amount paid in advance on such a claim with no share for each.
      ev.type === 'ADVANCE_EXECUTION'
        ? unsharedAdvanceWarnings(c.claims, payload.amounts as AdvanceAmounts, c.parties, deemedParties(ctx))
        : [],
      // fixA59: …and one ordered of every respondent of several, none named to pay nor how they answer (warned).
      ev.type === 'ADVANCE_EXECUTION' ? unnamedAdvancePayerWarnings(c.claims, payload, c.parties) : [],
      // legal59a #4: an advance ordered paid by a respondent added whose defense period is running (LDMAL Arts. 30, 44).
      ev.type === 'ADVANCE_EXECUTION'
        ? advanceAddedPartyWarnings(ctx, c.parties, payload.obligorIds as number[] | undefined, deadlines, ev.occurredOn)
        : [],
      // What a conversion to the ordinary procedure keeps from simple handling (med49 L6; Rules Arts. 58, 60–61).
      ev.type === 'CONVERT_TO_ORDINARY' ? conversionWarnings(ctx, cal, deps.periods, ev.occurredOn) : [],
      undocumented.length ? [awardDocumentMissingWords(undocumented, false)] : [],
      // legal55a 3: the award served on a worker it decides nothing of (Rules Arts. 35, 44): warned, not refused.
      noAwardItemsServiceWarnings(ctx, ev),
      // legal56a 2, 3, 6: a re-formed tribunal to notify (LDMAL Art. 32), a recusal applied for after the debate (Rules
      // Art. 11), a 调解书 naming a payment date none was recorded for (CPL Art. 250).
      replacementNoticeWarnings(ctx, nctx, event, (id) => (names.get(id) ? `仲裁员${names.get(id)}` : `仲裁员（用户 ${id}）`)),
      lateRecusalWarnings(nctx, event),
      terminateWarnings(ctx, event),
      undatedPerformanceWarnings(ctx, event),
      // fixA50 (item 4): an award document naming no award, served once the final award is made, served the final award.
      partialsLeft.length
        ? [
            `本次送达记为最终裁决书的送达；该当事人尚未收到的部分裁决（${partialsLeft.join('、')}）未记为送达，一并送达的请另行登记，并写明第几件部分裁决`,
          ]
        : [],
      // Rules Art. 77: the review's 调解书 states the agreement under review (med49 M4) — other terms are said, not refused
      // (the registered text may be a summary).
      ev.type === 'CONFIRM_AGREEMENT' ? confirmedTermsWarnings(ctx.review?.agreement.terms ?? null, payload.terms as string) : [],
      // A scheduled hearing inside a suspension, or passed during it (Rules Art. 47; LDMAL Art. 35).
      ev.type === 'SUSPEND' || ev.type === 'RESUME'
        ? suspensionHearingWarnings(
            ev.type,
            ctx,
            nctx,
            leafState(snap.value),
            result.state,
            (payload.decidedOn as string | undefined) ?? ev.occurredOn,
            deps.periods.hearing_notice,
          )
        : [],
    )
    .map((w) => namePartiesIn(w, partyNames));
  return {
    ...(unchanged ? { unchanged } : {}),
    ...(answerFlag === undefined ? {} : { answerFlag }),
    ...(answerPeriodPending.length ? { answerPeriodPending } : {}),
    warnings,
    caseId,
    actor,
    ev,
    now: at.now,
    today: at.today,
    c,
    updated,
    head,
    stateBefore: leafState(snap.value),
    stateAfter: result.state,
    ctx,
    nctx,
    cols,
    children,
    numberingYear,
    deadlines,
    storedDeadlines: loaded.deadlines ?? [],
    stat: { facts: statFacts(updated, nctx, awardDueOn, statOptions(deps.config)), current: loaded.statRow ?? null },
    deadlinesMaxId: loaded.deadlinesMaxId ?? 0,
    referenceVersions: loaded.referenceVersions ?? 0,
    view,
    // The calendar facts the rules judged on (provisional ones named), kept apart from the payload's own fields (an
    // award's `facts` is the tribunal's finding of facts).
    entryPayload: Object.keys(facts).length ? { ...payload, ruleFacts: facts } : payload,
    // The view before the event, from the record and context in hand: the sections the event left alone are the
    // after view's own (app/cases/views.ts `reuse`), so only what changed is built a second time.
    delta: viewDelta(
      buildCaseView(c, ctx, [], names, { calendar: cal, rejectionNo, documentNo, reuse: { view, record: updated, ctx: nctx } }),
      view,
    ),
  };
}

/**
 * Writes a decision in the unit of work: one versioned UPDATE of the case (with `guard`, also checking that nothing the
 * decision was read from has moved: a stale decision throws StaleVersionError), the tribunal, mediators and hearing
 * calendar, the deadlines and statistics (only when they changed), the case number (ACCEPT) and the history entry
 * chained to the head read with the case.
 */
async function recordDecision(
  deps: Deps,
  uow: UnitOfWork,
  d: Decision,
  opts: { guard: boolean; serialAtCommit?: boolean },
): Promise<EventResult> {
  const { stores } = deps;
  const { caseId, c, nctx, ev, cols, children } = d;
  if (d.unchanged) {
    // sec55 M1: nothing written, no history entry says who acted — the full case answered is a read, recorded as a GET's.
    if (d.view.readLevel === 'full') await recordAccess(deps, d.actor, 'read_case', { caseId }, uow.trx);
    return { view: d.view, version: c.version, linkedCaseId: null, warnings: d.warnings };
  }
  let { updated, view, delta } = d;
  /**
   * The case number (ACCEPT): the next serial of the year from its counter row, locked until COMMIT, so that a
   * rollback returns the number — serials are never duplicated or skipped. It goes into the view and the history.
   */
  const takeNumber = async (year: number) => {
    // A decision made outside the transaction (SQLite) reserves the serial with the rest of its write (one trip).
    const serial =
      (opts.guard ? await stores.cases.reserveSerial(uow.trx, year) : null) ?? (await stores.cases.allocateSerial(uow.trx, year));
    const caseNo = formatCaseNo(deps.config.caseNoPrefix, year, serial);
    updated = { ...updated, caseNo, caseYear: year, caseSerial: serial };
    view = { ...view, caseNo };
    if (caseNo !== c.caseNo) {
      delta = { before: { ...(delta.before as object), caseNo: c.caseNo }, after: { ...(delta.after as object), caseNo } };
    }
    return { caseNo, caseYear: year, caseSerial: serial };
  };
  // SQLite's one writer holds the whole database anyway: the number is taken first and goes in the one UPDATE. On
  // PostgreSQL every acceptance of the year waits for the counter row's lock, so it is taken last, right before the
  // history entry that names it: the lock is held for the last few statements instead of the whole write. The case
  // row's number and search text are written with COMMIT.
  const numberLast = d.numberingYear !== null && deps.db.dialect === 'postgres';
  if (d.numberingYear !== null && !numberLast) Object.assign(cols, await takeNumber(d.numberingYear));
  // PostgreSQL, an event in a unit of work of its own (`submitEvent`): the serial is taken with COMMIT — the counter
  // row every acceptance of the year shares is then locked for one message, not for this process's work between two
  // (db/stores/cases.ts allocateSerialAtCommit) — and written where SERIAL_MARK stands in the entry and the case row.
  // Only for an entry queued with its literals (plain keys) and text that does not hold the mark already.
  const year = d.numberingYear as number;
  const marked = formatCaseNo(deps.config.caseNoPrefix, year, SERIAL_MARK);
  const markable =
    numberLast &&
    opts.serialAtCommit === true &&
    [d.entryPayload, delta.before, delta.after].every(onlyPlainKeys) &&
    !JSON.stringify([
      d.entryPayload,
      delta,
      c.caseNo,
      d.actor.displayName,
      updated.parties.map((p) => p.name),
      deps.config.caseNoPrefix,
    ]).includes(SERIAL_MARK);
  // One versioned UPDATE: state, snapshot, derived columns and (with a new number or party) the search text. A number
  // taken with COMMIT: when nothing in the UPDATE is what a party wrote (`updateWithNumber`, below), the UPDATE itself
  // is queued after the serial and writes the number and the search text's number in place (db/stores/cases.ts
  // `update` with `number`); otherwise the bound UPDATE writes the search text with the mark, which the statement
  // queued with COMMIT replaces (`setNumber`). Either way the parties' names never go into the text of a statement
  // written with literals, which PostgreSQL writes whole to its log when it fails (outside reliability tester). A
  // number taken otherwise rewrites the search text (`setDerived`, bound).
  const search = markable
    ? { caseNo: marked, parties: updated.parties }
    : cols.caseNo !== undefined || children?.parties
      ? { caseNo: updated.caseNo, parties: updated.parties }
      : undefined;
  const guard: UpdateGuard | undefined = opts.guard
    ? {
        historySeq: d.head.seq,
        statRowId: d.stat.current?.rowId ?? null,
        deadlinesMaxId: d.deadlinesMaxId,
        referenceVersions: d.referenceVersions,
      }
    : undefined;
  // A number taken with COMMIT and an UPDATE holding nothing a party wrote (an acceptance): the UPDATE goes last, with
  // the number, queued — one row version, not a bound UPDATE now and the number's UPDATE with COMMIT.
  const updateWithNumber = markable && !guard && !children?.parties && queuesImpersonal(uow.trx, cols);
  // Unguarded, the decision was made inside this transaction from the case as read under its lock (`applyEvent`).
  const updateCase = (number?: { caseNo: string; year: number }) =>
    stores.cases.update(uow.trx, caseId, c.version, cols, d.now, {
      ...(search && !number ? { search } : {}),
      ...(guard ? { guard } : { locked: true }),
      ...(number ? { number } : {}),
    });
  if (!updateWithNumber) await updateCase();
  // LDMAL Art. 29; Rules Art. 30: the 不予受理通知书 is a numbered document, and a rejected application has no case
  // number — its own serial of the decision's year is taken with the decision (docs45: it printed none).
  // The number goes into the answer's view, the history entry's `after` and its payload (`documentNo`), as on GET
  // (`proceedings.rejection.documentNo`, reviewer s46 L2: only the document showed it).
  let entryPayload = d.entryPayload;
  if (ev.type === 'REJECT' && nctx.track === 'arbitration' && nctx.rejection) {
    const year = Number(ev.occurredOn.slice(0, 4));
    const documentNo = formatCaseNo(
      deps.config.rejectionNoPrefix,
      year,
      await stores.documents.takeNumber(uow.trx, caseId, 'rejection_notice', year),
    );
    const numbered = <T>(v: T): T => {
      const p = (v as { proceedings?: Record<string, unknown> } | null)?.proceedings;
      // The view's `documentNo` too (reviewer docsfix L1), where the view carries it.
      const no = v && typeof v === 'object' && 'documentNo' in v ? { documentNo } : {};
      return p ? { ...v, ...no, proceedings: { ...p, rejection: rejectionView(nctx.rejection, documentNo) } } : v;
    };
    view = numbered(view);
    delta = { before: delta.before, after: numbered(delta.after) };
    entryPayload = { ...entryPayload, documentNo };
  }
  if (TRIBUNAL_EVENTS.has(ev.type)) await syncTribunal(uow.trx, caseId, nctx);
  if (ev.type === 'ASSIGN_MEDIATOR') await syncMediators(uow.trx, caseId, nctx);
  // The hearing calendar (issue 16): a session scheduled, moved or held, or those not held cancelled by the closure.
  const closedNow = Boolean(nctx.closure && !d.ctx.closure);
  if (HEARING_EVENTS.has(ev.type) || closedNow) await syncHearing(deps, uow.trx, caseId, ev.type, nctx, closedNow);
  if (d.answerFlag !== undefined && !closedNow) await stores.hearings.flagAnswerPeriod(uow.trx, caseId, d.answerFlag);
  // Deadlines and statistics are compared with the stored ones read with the case and written only when they changed.
  // legal53b L2: the alerts the deadlines now reach are recorded with them (an act entered late can make the award limit
  // overdue at once: GET /api/alerts agrees with /api/deadlines without waiting for the daily sweep).
  if (await stores.deadlines.replace(uow.trx, caseId, d.deadlines, { stored: d.storedDeadlines }))
    await queueAlerts(deps, uow.trx, caseId, d.deadlines, d.today, d.now);
  await stores.stats.project(uow.trx, caseId, d.stat.facts, d.now, { current: d.stat.current });
  const out: { result?: EventResult; serial?: number } = {};
  const atCommit =
    markable &&
    (await stores.cases.allocateSerialAtCommit(uow.trx, year, (serial) => {
      out.serial = serial;
      if (out.result) out.result.view = { ...out.result.view, caseNo: formatCaseNo(deps.config.caseNoPrefix, year, serial) };
    }));
  if (atCommit) {
    view = { ...view, caseNo: marked };
    delta = { before: { ...(delta.before as object), caseNo: c.caseNo }, after: { ...(delta.after as object), caseNo: marked } };
  }
  if (updateWithNumber && !atCommit) await updateCase();
  const number = numberLast && !atCommit ? await takeNumber(year) : null;
  const entry = {
    caseId,
    type: ev.type,
    occurredOn: ev.occurredOn,
    recordedAt: d.now,
    actorId: d.actor.id,
    actorRole: d.actor.role,
    actorName: d.actor.displayName,
    payload: entryPayload,
    stateBefore: d.stateBefore,
    stateAfter: d.stateAfter,
    ...delta,
  };
  if (atCommit) {
    await stores.cases.appendEventNumbered(uow.trx, entry, d.head);
    if (updateWithNumber) await updateCase({ caseNo: marked, year });
    else await stores.cases.setNumber(uow.trx, caseId, marked, year);
  } else await stores.cases.appendEvent(uow.trx, entry, d.head);
  // Queued: it goes with COMMIT (the history entry before it is a statement of its own, its text bound).
  if (number) await stores.cases.setDerived(uow.trx, caseId, number, { parties: updated.parties });
  out.result = { view, version: updated.version, linkedCaseId: cols.linkedCaseId ?? null, warnings: d.warnings };
  // The number when the queue was sent already (a statement queued after it answered something).
  if (atCommit && out.serial !== undefined) out.result.view = { ...view, caseNo: formatCaseNo(deps.config.caseNoPrefix, year, out.serial) };
  return out.result;
}

/**
 * POST /api/cases/:id/events — what happens when a procedure event arrives, in one unit of work: the case is loaded
 * (locked on PostgreSQL) with its deadlines, history head, statistics row and calendar version in one statement, the
 * event decided (`decide`) and written (`recordDecision`). A seeder calls this inside its own bulk unit of work.
 */
export async function applyEvent(
  deps: Deps,
  uow: UnitOfWork,
  actor: Actor,
  caseId: number,
  ev: EventInput,
  /** `serialAtCommit`: nothing else shares the unit of work, and its caller reads the result after COMMIT. */
  opts: { expectedVersion?: number; serialAtCommit?: boolean } = {},
): Promise<EventResult> {
  // The role's half of the policy before the load: a role that may never send this event is a 403, case or not.
  assertRoleMaySendEvent(actor, ev.type);
  // Two cases locked in id order (PostgreSQL): a void naming an earlier case as the one it repeats locks that one
  // before its own, so two copies voided at once as each other's duplicates wait in turn — the later void is then told
  // the other is voided — instead of deadlocking (sec46 L1: PostgreSQL failed one after a second, answered 503).
  const repeated = ev.type === 'VOID_REGISTRATION' ? ev.payload.duplicateOf : undefined;
  if (deps.db.dialect === 'postgres' && typeof repeated === 'number' && Number.isSafeInteger(repeated) && repeated < caseId)
    await deps.stores.cases.lockedVersion(uow.trx, repeated);
  const loaded = await deps.stores.cases.loadAggregate(uow.trx, caseId, AGGREGATE_FOR_UPDATE);
  const d = await decide(deps, uow.trx, uow, actor, caseId, ev, opts, notBefore(uow, loaded), loaded);
  try {
    return await recordDecision(deps, uow, d, { guard: false, serialAtCommit: opts.serialAtCommit === true });
  } catch (err) {
    // Another write overtook this one: the 412 names it (read in this transaction, which still stands: no statement failed).
    if (err instanceof StaleVersionError) throw await staleVersion(deps, uow.trx, caseId, err.currentVersion);
    throw err;
  }
}

type EventPreview = {
  state: string;
  stateLabel: string;
  deadlines: CaseView['deadlines'];
  warnings?: string[];
  answerPeriodPending?: number[];
  record?: string;
};

/**
 * s63 B #1: what the server keeps with an act besides what was sent, for its record line (app/cases/views.ts
 * `recordLine`): the unit a shortened defense period is counted in (`defenseRule`; Rules Art. 58: 个工作日 or 日), so
 * that the record says it as it was decided.
 */
const recordedWith = (deps: Deps, type: string): Record<string, unknown> =>
  type === 'SHORTEN_DEFENSE_PERIOD' ? { unit: deps.periods.defense.unit } : {};

/** What `previewEvent` answers: the decision's state, deadlines and warnings, and the line the 办理记录 will carry. */
const previewOf = (deps: Deps, { ev, view, warnings, answerPeriodPending }: Decision): EventPreview => {
  const record = recordLine(ev.type, { ...ev.payload, ...recordedWith(deps, ev.type) });
  return {
    state: view.state,
    stateLabel: view.stateLabel,
    deadlines: view.deadlines,
    ...(warnings.length ? { warnings } : {}),
    ...(answerPeriodPending?.length ? { answerPeriodPending } : {}),
    // s63 B #1: as the history entry's `record` will say it (the confirmation shows it).
    ...(record ? { record } : {}),
  };
};

/** Thrown out of a preview's unit of work with its answer, so that the transaction rolls back (`previewEvent`). */
class PreviewRolledBack {
  constructor(readonly preview: EventPreview) {}
}

/**
 * POST /api/cases/:id/event-preview — what an event would change, decided exactly as it would be when sent (the same
 * policy, dates, state and legal rules: the same 400/403/404/409/422 answers) from the case as it stands, and written
 * nowhere: the state and the deadlines after it. A confirmation shows the new dates before the act is recorded (an
 * extension's new award due date), and a refusal before the person is asked to confirm.
 *
 * s63: the events that write rows while they are decided (a party or claims added, a counterclaim, an agent appointed or
 * revoked — WRITES_WHILE_DECIDING) are decided in a unit of work of their own, as `applyEvent` decides them, that is
 * then rolled back: their refusals (an addition ground that does not fit the side, a change of claims after the
 * hearing ended, …) are answered before the confirmation, not after it (before s63 they answered 422
 * preview-not-available). Nothing is recorded — no row, no history entry, no audit row, no version moved.
 */
export async function previewEvent(deps: Deps, actor: Actor, caseId: number, ev: EventInput): Promise<EventPreview> {
  assertRoleMaySendEvent(actor, ev.type);
  // A referral is previewed as far as its refusals (LDMAL Art. 14's 15 days): the new application — another case — is
  // written as it is decided, so an allowed one stops before that (`decide`, 422 preview-not-available).
  if (WRITES_WHILE_DECIDING.has(ev.type) && ev.type !== 'REFER_TO_ARBITRATION') {
    try {
      await inTransaction(deps, async (uow) => {
        const loaded = await deps.stores.cases.loadAggregate(uow.trx, caseId, AGGREGATE_FOR_UPDATE);
        const d = await decide(deps, uow.trx, uow, actor, caseId, ev, {}, notBefore(uow, loaded), loaded);
        throw new PreviewRolledBack(previewOf(deps, d));
      });
    } catch (err) {
      if (err instanceof PreviewRolledBack) return err.preview;
      throw err;
    }
    throw new Error('a preview that writes is always rolled back');
  }
  const loaded = await deps.stores.cases.loadAggregate(deps.db.reader, caseId, AGGREGATE);
  const instant = deps.clock.now();
  const at = notBefore({ now: instant.toISOString(), today: cstDate(instant) }, loaded);
  return previewOf(deps, await decide(deps, deps.db.reader, null, actor, caseId, ev, {}, at, loaded));
}

/**
 * The instant of an event: the one given, or — when a write to the case committed with a later one (it overtook this
 * write while this one waited for the lock) — that write's, so that the history and the statistics rows of a case never
 * run back in time. (A seeder replays history in order: its instants stand.)
 */
function notBefore(at: { now: string; today: string }, loaded: CaseAggregate | undefined): { now: string; today: string } {
  const latest = [loaded?.head?.recordedAt, loaded?.statRowRecordedFrom].reduce<string>((m, x) => (x && x > m ? x : m), at.now);
  return latest === at.now ? at : { now: latest, today: cstDate(new Date(latest)) };
}

/** What an event is decided from, besides the case: its deadlines, history head, statistics row, reference versions. */
const AGGREGATE = { deadlines: true, history: true, stats: true, calendar: true } as const;
const AGGREGATE_FOR_UPDATE = { ...AGGREGATE, forUpdate: true } as const;

/**
 * The HTTP layer's way in: `applyEvent` in a unit of work of its own. On SQLite, whose one writer connection serves
 * every write in turn, the event is decided first from a read on a reader connection, and the writer only writes
 * the decision — its versioned UPDATE checks that the case, its history, its statistics row, its deadlines and the
 * reference data are as they were read; when one moved, the event is decided again (up to OPTIMISTIC_ATTEMPTS times,
 * then inside the writer's transaction). Events naming users or writing rows while decided (DECIDED_IN_WRITER), and
 * every event on PostgreSQL (a pool of connections), are decided under the case's row lock.
 */
export async function submitEvent(
  deps: Deps,
  transact: Transact,
  actor: Actor,
  caseId: number,
  ev: EventInput,
  opts: { expectedVersion?: number } = {},
): Promise<EventResult> {
  if (deps.db.dialect === 'sqlite' && !DECIDED_IN_WRITER.has(ev.type)) {
    assertRoleMaySendEvent(actor, ev.type);
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const loaded = await deps.stores.cases.loadAggregate(deps.db.reader, caseId, AGGREGATE);
      // The instant after the read, and never before what the read saw recorded (`notBefore`).
      const instant = deps.clock.now();
      const at = notBefore({ now: instant.toISOString(), today: cstDate(instant) }, loaded);
      const d = await decide(deps, deps.db.reader, null, actor, caseId, ev, opts, at, loaded);
      try {
        return await transact((uow) => recordDecision(deps, uow, d, { guard: true }));
      } catch (err) {
        // The case moved since it was read: the guarded UPDATE changed no row, found at once or at COMMIT.
        if (!(err instanceof StaleVersionError) && !isStaleWrite(err)) throw err;
      }
    }
  }
  // The unit of work is this event's alone: an ACCEPT's serial may be taken with COMMIT (`recordDecision`). On
  // PostgreSQL the case's writes in this process take turns before they take a connection (app/case-turns.ts).
  const write = () => transact((uow) => applyEvent(deps, uow, actor, caseId, ev, { ...opts, serialAtCommit: true }));
  return deps.db.dialect === 'postgres' ? inCaseTurn(caseId, deps.config.database.lockTimeoutMs, write) : write();
}
