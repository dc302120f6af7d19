import { describeSkipped, type OfficialCalendar, provisionalBasis, type SkippedDay } from './calendar.ts';
import type { MachineContext } from './case-machine.ts';
import { claimOwner } from './claim-outcomes.ts';
import { addDays, addMonths, daysBetween } from './dates.ts';
import { hasPart, itemsPart, MONETARY_FINAL_CATEGORIES, partWorkers } from './finality.ts';
import {
  DEEMED_SERVICE,
  DEFAULT_PAYMENT_DAYS,
  ENFORCEMENT_YEARS,
  type PeriodKind,
  type PeriodRule,
  type Periods,
  periodWords,
  type Unit,
} from './periods.ts';
import { currentExtension, defensesBy, type Facts, type ProcEvent } from './procedure-types.ts';
import { isRemedyWindow } from './remedy-warnings.ts';
import {
  ADDITION_SERVICES,
  absentNotices,
  addedPartyIds,
  awardParties,
  courtOutcomeRecord,
  effectiveForParty,
  finalAwardHeldFor,
  finalAwardNonSuers,
  finalPartInForce,
  hearingDateSetOn,
  hearingNoticeService,
  outcomeSuits,
  partialRemediesOf,
  partyAtHearing,
  pendingSuits,
  renotifiedReplacementDays,
  separateEffect,
  setAsideWhole,
  signingParties,
  workerSuitHoldingSetAside,
} from './rules.ts';
import { claimByEmployer, isEmployerParty, isWorkerId } from './sides.ts';

/**
 * The latest change of claims the respondent answers (Rules Art. 44: claims added or changed open a new defense
 * period); one that only gave claims up opens none.
 */
const changeToAnswer = (ctx: MachineContext) => ctx.claimChanges?.filter((c) => c.added.length || c.changed.length).at(-1);

/** `met_late` (api.md v1.1): the act was done, but after its due date — an overdue that was cured stays visible. */
/**
 * `ended`: a duty the case's closure made moot before it was done (the tribunal notice of a case withdrawn first) — not
 * done, no longer counted.
 */
/**
 * `missed` (stop 44, L4): a duty still undone when the case closed, whose day had already passed — missed, not mooted.
 * Like `met_late` it keeps the lateness visible in the record; like `ended` it is no longer anyone's to-do (not on the
 * workbench, not in the list's 有逾期期限 filter). Statistics are not affected: their overdue / closed-late measures
 * are the award time limit's (LDMAL Art. 43; workflows/stat-facts.ts `closedLate`, domain.md §13.2), not these duties.
 */
/**
 * `elapsed` (已届满): a period that, once over, frees a party to act rather than binding anyone to act within it — the
 * mediation's 15 days after which a party may apply for arbitration (LDMAL Art. 14(3)). Never counted as overdue.
 */
/** Every status a stored deadline may bear (a query over "any status" reads this list: reviewer s57 B M1). */
export const DEADLINE_STATUSES = ['open', 'met', 'met_late', 'overdue', 'elapsed', 'paused', 'unknown', 'ended', 'missed'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export type Assignee = 'clerk' | 'tribunal' | 'mediator' | 'party';

export interface Deadline {
  kind: string;
  label: string;
  startsOn: string | null;
  dueOn: string | null;
  unit: Unit;
  days: number;
  basis: string;
  status: DeadlineStatus;
  explanation: string;
  assignee: Assignee;
  partyId?: number;
  metOn?: string | null;
  /** api.md v1.1: `dueOn` was computed as if a year without official calendar data had its weekends and law-fixed holidays only. */
  provisional: boolean;
}

interface Computed {
  dueOn: string | null;
  explanation: string;
  /** The first year without official data the computation needed. */
  missingYear?: number;
  /** Computed on a provisional view (years in `years` read as weekends and law-fixed holidays only). */
  provisional?: boolean;
  years?: number[];
}

type Rule = Pick<PeriodRule, 'days' | 'unit' | 'countsTargetDay'>;

/** Runs a computation on a provisional view of the calendar and says which missing years it had to assume. */
function onView<T>(cal: OfficialCalendar, fn: (view: OfficialCalendar) => T): { value: T; years: number[] } {
  const view = cal.provisionalView();
  const value = fn(view);
  return { value, years: [...view.assumed].sort((a, b) => a - b) };
}

/**
 * How the official schedule can move a provisional date (api.md v1.1): holidays push a working-day count and a
 * rolled-over calendar-day end later; only a make-up working day can bring one earlier. For a "served at least N
 * days before" date the direction is the reverse.
 */
export function provisionalNote(years: number[], unit: Unit, direction: 'after' | 'before' = 'after'): string {
  const y = years.join('、');
  const how =
    direction === 'before'
      ? unit === 'working'
        ? '正式安排公布后，这段时间内未计入的放假日会使该日提前；只有安排了调休上班日时才可能推后。'
        : '正式安排不改变按日历日倒数的日期。'
      : unit === 'working'
        ? '正式安排公布后，期间内未计入的放假日会使截止日推后；只有期间内安排了调休上班日时才可能提前。'
        : '正式安排公布后，届满日如落在未计入的放假日将顺延（推后）；只有届满日恰为调休上班日时才可能提前。';
  return `（暂定：缺少${y}年国家法定节假日安排（国务院办公厅通知尚未录入），${provisionalBasis(years)}。${how}管理员录入${y}年安排后将自动按正式安排重新计算。）`;
}

const asProvisional = (c: Computed, years: number[], unit: Unit, direction: 'after' | 'before' = 'after'): Computed =>
  years.length
    ? { ...c, explanation: `${c.explanation}${provisionalNote(years, unit, direction)}`, provisional: true, years, missingYear: years[0] }
    : c;

/**
 * A period of `rule.days` after `startsOn` on the official calendar, with the sentence that explains it. A period that
 * reaches a year without official data is computed provisionally (weekends and law-fixed holidays only) and says so (api.md v1.1).
 */
export function computePeriod(
  cal: OfficialCalendar,
  rule: Rule,
  startsOn: string,
  startWhat: string,
  extra: { addDays?: number; addNote?: string } = {},
): Computed {
  const { value, years } = onView(cal, (view) => exactPeriod(view, rule, startsOn, startWhat, extra));
  return asProvisional(value, years, rule.unit);
}

function exactPeriod(
  cal: OfficialCalendar,
  rule: Rule,
  startsOn: string,
  startWhat: string,
  extra: { addDays?: number; addNote?: string },
) {
  if (rule.unit === 'working') {
    const r = cal.addWorkingDays(startsOn, rule.days);
    const skipped = describeSkipped(r.skipped);
    const makeup = makeupNote(cal, startsOn, r.dueOn);
    return {
      dueOn: r.dueOn,
      explanation: `自${startWhat}（${startsOn}）的次日起算${rule.days}个工作日${skipped ? `，跳过${skipped}` : ''}${makeup}，截止${r.dueOn}。`,
    };
  }
  const total = rule.days + (extra.addDays ?? 0);
  const r = cal.addCalendarDays(startsOn, total);
  const rolled = r.rolledOver.length ? `；该日为${restWord(r.rolledOver)}，依法顺延至其后第一个工作日${r.dueOn}` : '';
  return {
    dueOn: r.dueOn,
    explanation: `自${startWhat}（${startsOn}）的次日起算${rule.days}日${extra.addNote ?? ''}，届满日为${r.nominalDueOn}${rolled}。`,
  };
}

/**
 * The nominal last day's own kind — 「其后第一个工作日」 covers the rest days after it (legal56b L3: a Sunday followed
 * by a day off was called a 法定节假日 because a later day was one; a day loaded without a name read 「（节假日）」).
 */
function restWord(days: SkippedDay[]): string {
  const first = days[0];
  return first?.reason === 'holiday' ? `法定节假日${first.name ? `（${first.name}）` : ''}` : '休息日';
}

function makeupNote(cal: OfficialCalendar, from: string, to: string): string {
  const days: string[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.day(d).kind === 'makeup_workday') days.push(d);
  return days.length ? `，调休上班日${days.join('、')}计为工作日` : '';
}

/**
 * LDMAL Art. 35 ("at least N days before"): whether an act on `on` leaves the whole period before `target`, both
 * days excluded. Working days skip rest days and count make-up days; calendar days are counted as they are (a count
 * back is not a last day for an act, so nothing rolls over).
 */
export function leavesPeriodBefore(cal: OfficialCalendar, rule: Rule, on: string, target: string): boolean {
  const end = rule.unit === 'working' ? cal.addWorkingDays(on, rule.days).dueOn : addDays(on, rule.days);
  // `countsTargetDay` (PERIODS_OVERRIDE; legal52a Q1): the period counted back from the target day ends on it.
  return rule.countsTargetDay ? end <= target : end < target;
}

/** The first day that `rule` counted from `on` leaves before it: the earliest target `leavesPeriodBefore` accepts. */
export function firstDayAfterPeriod(cal: OfficialCalendar, rule: Rule, on: string): string {
  const end = rule.unit === 'working' ? cal.addWorkingDays(on, rule.days).dueOn : addDays(on, rule.days);
  return rule.countsTargetDay ? end : addDays(end, 1);
}

/** `d` itself when it is a working day, else the next working day (a date to suggest for a hearing). */
export function workingDayFrom(cal: OfficialCalendar, d: string): string {
  let x = d;
  for (let i = 0; i < 60 && cal.day(x).rest; i++) x = addDays(x, 1);
  return x;
}

/**
 * The last day on which an act still leaves `rule` before `target` — any day, a Saturday included: a notice served on
 * a Saturday that leaves five working days before the hearing is in time.
 */
export function latestDayBefore(cal: OfficialCalendar, target: string, rule: Rule): string {
  const clear = rule.countsTargetDay ? 0 : 1;
  if (rule.unit === 'calendar') return addDays(target, -rule.days - clear);
  let d = target;
  for (let counted = 0; counted < rule.days; ) {
    d = addDays(d, -1);
    if (!cal.day(d).rest) counted++;
  }
  return addDays(d, -clear);
}

/** An interval [from, to) of days excluded from the award clock, with the words that explain it. */
interface Excluded {
  from: string;
  to: string;
  /**
   * The day of the act that began the interval, by which it is judged begun within the limit or after it: a
   * suspension's first day (`from`), a public notice's publication — the day before its first day (CPL Art. 85(2)).
   */
  begins: string;
  /** A public notice's deemed service day (CPL Art. 95): its last day excluded, after which the clock runs again. */
  deemedOn?: string;
  what: string;
  open: boolean;
  /** The words for the part after `start` of an interval begun before it (a restart, Rules Art. 46). */
  clippedWhat?: (start: string) => string;
}

/**
 * Documents public notice may lawfully serve (CPL Art. 95): all but the 调解书, which takes effect only when each party
 * signs for it (LDMAL Art. 42(3); SPC CPL Interpretation Art. 133) — its notice period is never excluded from the award limit.
 */
const PUBLIC_NOTICE_DOCUMENT = (document: string) => document !== 'mediation_document';

/**
 * Days excluded from the award clock after `from` (Rules Arts. 46(6), 47): suspensions and public-notice periods. The
 * intervals are merged — two respondents served by public notice on the same day exclude the 30 days once. Only a
 * period still running is held back: an interval beginning after the day the clock ran out on (`dueWith`, the due date
 * with the days excluded before it; null when that cannot be known) excludes nothing — once the limit has passed, the
 * parties may go to court (LDMAL Art. 43(1)), and a suspension ordered afterwards does not revive it.
 *
 * An interval beginning after the period's last day counted (`nominal`) but on or before the day a rest day carried it
 * to (`dueOn`; CPL Art. 85(3)) begins while the limit still runs: the tail days before it count as the period's own and
 * the interval is excluded once, so the limit ends the day the interval does — never inside it, nor before the case
 * resumes (45th day Saturday 04-18, carried to Monday 04-20, suspended 04-19 or 04-20 to 04-30: due 04-30, not 04-28).
 */
function excludedDays(
  ctx: MachineContext,
  today: string,
  from: string,
  dueWith: (excluded: number) => { nominal: string; dueOn: string } | null,
): { days: number; notes: string[]; pausedNow: boolean; why: string[]; knownEnds: string[] } {
  const raw: Excluded[] = [];
  // Rules Art. 46 excludes a public notice made while the time limit runs — of a document served in the course of the
  // proceedings. The award (or the closure) stops the clock: a notice begun on or after that day (the award's own, a
  // ruling's) excludes nothing (legal50b M2: the award's notice of 11-25 moved a limit already met on 11-20 to 12-28).
  const stop = ctx.award?.issuedOn ?? ctx.closure?.closedOn ?? null;
  const stopWhat = ctx.award?.issuedOn ? '裁决作出' : '结案';
  const afterStop: string[] = [];
  for (const s of ctx.suspensions) {
    const end = s.to ?? today;
    const n = Math.max(0, daysBetween(s.from, end));
    // The days excluded are the suspension's first day to the day before the case resumes (or before today): worded so
    // that a clerk counting the named days gets the same number (legalfixB L2: "11-10至11-30（20天）" read as 21).
    const what = s.to
      ? `中止审理${s.from}至恢复审理之日${s.to}前一日（${n}天）`
      : n === 0
        ? `中止审理自今日${s.from}起（仍在中止）`
        : `中止审理${s.from}至今日${today}前一日（${n}天，仍在中止）`;
    raw.push({
      from: s.from,
      to: end,
      begins: s.from,
      open: !s.to,
      what,
      // Begun on or before the period's first day — the acceptance or a restart (Rules Art. 46), day 0, which is not
      // one of the 45 (CPL Art. 85(2)) — only its days inside the period are excluded (Rules Art. 47): the day after
      // day 0 to the day before the case resumes (or before today), and the words name those days (legal52b M2:
      // "中止审理08-15至…（10天）" was written while 5 were deducted; s64 legal64 #4: day 0 was deducted as well — a
      // suspension decided on the acceptance day and resumed five days later moved the limit five days for four days
      // of the period lost).
      clippedWhat: (start: string) => {
        const first = addDays(start, 1);
        const m = Math.max(0, daysBetween(first, end));
        if (s.to) return `中止审理${s.from}至恢复审理之日${s.to}前一日中属于本期间的${first}至${addDays(s.to, -1)}（${m}天）`;
        return m === 0
          ? `中止审理${s.from}起（仍在中止），本期间自${first}起暂停计算（0天）`
          : `中止审理${s.from}起中属于本期间的${first}至今日${today}前一日（${m}天，仍在中止）`;
      },
    });
  }
  for (const sv of ctx.services) {
    if (sv.method !== 'public_notice') continue;
    // Only a document public notice can lawfully serve excludes its notice period: a 调解书 takes effect on the parties'
    // signatures (LDMAL Art. 42(3); SPC CPL Interpretation Art. 133) and is never served by notice (workflows/rules.ts
    // SERVE refuses it) — a record from before that refusal excludes nothing.
    if (!PUBLIC_NOTICE_DOCUMENT(sv.document)) continue;
    const published = sv.publishedOn ?? sv.servedOn;
    if (stop !== null && published >= stop) {
      afterStop.push(
        `公告送达期间${published}至${sv.servedOn}（当事人${sv.partyId}）始于${stopWhat}（${stop}）之后，审理期限已停止计算，不扣除`,
      );
      continue;
    }
    // Zhongcai's reading (README "Readings chosen"): the notice period is excluded while the notice does its work — a
    // party found and served the same document in another way before the notice's 30 days ran out (CPL Art. 95 serves
    // by notice only one who cannot be found) is served that day, and the exclusion ends with it.
    const overtaken = ctx.services
      .filter((o) => o.method !== 'public_notice' && o.document === sv.document && o.partyId === sv.partyId)
      .map((o) => o.servedOn)
      .filter((on) => on < sv.servedOn)
      .sort()[0];
    // Served that way on the day of publication or before it: nothing of the notice period to exclude.
    const to = overtaken ? ([overtaken, published].sort()[1] as string) : sv.servedOn;
    const how = overtaken ? `；公告期满前已于${to}以其他方式送达` : '';
    // The notice's days are the day after publication to the deemed day (CPL Arts. 85(2), 95) — as the words count
    // them: merged with a suspension, the days they share are excluded once (legal54b #1: publication 09-03, deemed
    // 10-03, suspended 09-20 to 10-20 excluded 47 days where 09-04..10-19 are 46).
    raw.push({
      from: addDays(published, 1),
      to: addDays(to, 1),
      begins: published,
      deemedOn: to,
      open: today >= published && today < to,
      // The days named as counted (recheck54 C: "03-06至04-05（30天）" read as 31): from the day after publication.
      what: `公告送达期间${addDays(published, 1)}至${to}（${daysBetween(published, to)}天，${published}发出公告，当事人${sv.partyId}${how}）`,
      // Begun before a restart (Rules Art. 46): only its days inside the restarted period are excluded. The notice's days
      // are the day after publication to the deemed day (CPL Arts. 85(2), 95), the restart day is day 0 of the new
      // period (counted from the next day): the days after the restart day to the deemed day, named as counted
      // (legal50b M3: "09-07至10-07（30天）" was written while 22 days were deducted).
      clippedWhat: (start: string) =>
        `公告送达期间${published}至${to}中属于本期间的${addDays(start, 1)}至${to}（${daysBetween(start, to)}天，当事人${sv.partyId}${how}）`,
    });
  }
  // An interval still running is kept on its first day too (0 days yet): the clock is paused from that day. The
  // period's start (the acceptance, or a restart) is day 0, not counted (CPL Art. 85(2)): what an interval excludes
  // begins the day after it at the earliest — a suspension's days as a notice's (s64 legal64 #4: a suspension kept
  // day 0 and moved the limit a day too far). One still running since day 0 or before pauses the period from its
  // first day (0 days yet).
  const lo = addDays(from, 1);
  const clipped = raw
    .map((x) => {
      if (x.from >= lo) return x;
      const y = { ...x, from: lo, what: x.clippedWhat ? x.clippedWhat(from) : x.what };
      return y.open && y.to < lo ? { ...y, to: lo } : y;
    })
    .filter((x) => x.to > x.from || (x.open && x.to === x.from))
    .sort((a, b) => a.from.localeCompare(b.from));
  let days = 0;
  // Days of the roll-over tail the limit ran on before an interval began there: the period's own, not excluded.
  let tail = 0;
  let cur: { from: string; to: string } | null = null;
  const counted: Excluded[] = [];
  const late: string[] = [];
  for (const x of clipped) {
    if (cur && x.from <= cur.to) {
      if (x.to > cur.to) cur.to = x.to;
      counted.push(x);
      continue;
    }
    if (cur) days += daysBetween(cur.from, cur.to);
    cur = null;
    const due = dueWith(days + tail);
    if (due !== null && x.begins > due.dueOn) {
      late.push(`${x.what}始于审理期限届满（${due.dueOn}）之后，不扣除`);
      continue;
    }
    if (due !== null && x.begins > due.nominal) {
      tail += daysBetween(due.nominal, x.begins);
      late.push(`期限末日${due.nominal}依法顺延至${due.dueOn}，${x.what.replace(/（.*$/, '')}始于顺延期间，期限至该期间结束之日`);
    }
    cur = { from: x.from, to: x.to };
    counted.push(x);
  }
  if (cur) days += daysBetween(cur.from, cur.to);
  const notes = counted.map((x) => `扣除${x.what}`);
  const summed = counted.reduce((n, x) => n + daysBetween(x.from, x.to), 0);
  if (summed > days) notes.push(`上述期间重叠的日子只扣除一次，合计扣除${days}天`);
  days += tail;
  const openOnes = counted.filter((x) => x.open);
  const why = openOnes.map((x) => (x.what.startsWith('中止') ? '中止审理' : '公告送达期间'));
  // A public-notice period still running has a known end (its deemed service day, CPL Art. 95) and is excluded whole
  // already; an open suspension has none (counted to today).
  const knownEnds = [...new Set(openOnes.flatMap((x) => (x.deemedOn ? [x.deemedOn] : [])))].sort();
  return { days, notes: [...notes, ...late, ...afterStop], pausedNow: openOnes.length > 0, why: [...new Set(why)], knownEnds };
}

/** How a paused award clock's due date is to be read: resumed today (a suspension), or when a notice period ends. */
function pausedWords(clock: AwardClock): string {
  const why = clock.pausedWhy.join('、');
  const ends = clock.pausedKnownEnds.join('、');
  if (!clock.pausedWhy.includes('中止审理'))
    return `审理期限因公告送达期间暂停计算，公告期满（${ends}）后恢复计算；以下届满日已扣除整个公告期间：`;
  if (!ends) return `审理期限因${why}暂停计算，以下为假定今日恢复计算的届满日：`;
  return `审理期限因${why}暂停计算，以下为假定中止审理今日结束、公告期满（${ends}）后恢复计算的届满日：`;
}

export interface AwardClock extends Computed {
  startsOn: string;
  startWhat: string;
  pausedNow: boolean;
  pausedWhy: string[];
  /** The ends of the running public-notice periods (deemed service days), excluded whole already; [] when none. */
  pausedKnownEnds: string[];
}

/**
 * The award time limit that applies to the case now: `award_simple` while it is on the simple procedure (domain.md
 * §8.1: a province may shorten it, e.g. Zhejiang-Reg Art. 39; default the statutory 45 days), else `award`
 * (LDMAL Art. 43). After conversion to ordinary procedure the ordinary limit runs from the same start (Rules Art. 61).
 */
export const awardRule = (ctx: Pick<MachineContext, 'procedure'>, periods: Periods): PeriodRule =>
  ctx.procedure === 'simple' ? periods.award_simple : periods.award;

/** LDMAL Art. 43; Rules Arts. 45–46: 45 calendar days from acceptance (or the latest restart), +≤15 on approval, pauses excluded. */
export function awardClock(ctx: MachineContext, cal: OfficialCalendar, periods: Periods, today: string): AwardClock | null {
  if (!ctx.acceptedOn) return null;
  let startsOn = ctx.acceptedOn;
  let startWhat = '受理之日';
  const REASONS: Record<string, string> = {
    counterclaim: '受理反申请并合并审理之日',
    claims_changed: '受理变更仲裁请求之日',
    party_added: '决定追加当事人之日',
    transfer: '受理移送案件之日',
  };
  for (const r of ctx.clockRestarts) {
    if (r.on >= startsOn) {
      startsOn = r.on;
      startWhat = REASONS[r.reason] ?? '重新起算之日';
    }
  }
  // Rules Art. 46: only the extension approved within the current period lengthens it (an earlier one was spent on the
  // period the restart superseded; procedure-types.ts currentExtension).
  const extension = currentExtension(ctx);
  const ext = extension?.days ?? 0;
  // A due date that is only provisional (a year without official data) is not judged on: the interval is excluded.
  const rule = awardRule(ctx, periods);
  const ex = excludedDays(ctx, today, startsOn, (days) => {
    const due = computePeriod(cal, rule, startsOn, startWhat, { addDays: days + ext });
    if (due.provisional || !due.dueOn) return null;
    return { dueOn: due.dueOn, nominal: rule.unit === 'calendar' ? addDays(startsOn, rule.days + days + ext) : due.dueOn };
  });
  const notes = [...ex.notes, ...(ext ? [`经批准延长${ext}日（${extension?.approvedOn}）`] : [])];
  const c = computePeriod(cal, awardRule(ctx, periods), startsOn, startWhat, {
    addDays: ex.days + ext,
    addNote: notes.length ? `，${notes.join('，')}` : '',
  });
  return { ...c, startsOn, startWhat, pausedNow: ex.pausedNow, pausedWhy: ex.why, pausedKnownEnds: ex.knownEnds };
}

/**
 * legal57b H1: the last day of the award limit as the extension `ext` (default the case's last) lengthened it, on the
 * case's dates as they now stand — a correction of the acceptance, a suspension, a resumption or the approval day moves
 * it (workflows/date-corrections.ts) — and as of the approval: the suspensions and public notices begun after it, the
 * restarts after it and the award or closure are not counted (the 决定书 states the limit the decision made; LDMAL
 * Art. 43(1), Rules Art. 47). With nothing corrected it is the day the rules worked out when the extension was approved
 * (`ruleFacts.extendedDueOn`). Null when only provisional (a year without the official schedule) or the clock stood
 * paused that day (a suspension running: no last day yet).
 */
export function extendedLimitDueOn(
  ctx: MachineContext,
  cal: OfficialCalendar,
  periods: Periods,
  ext: { days: number; approvedOn: string } | null = ctx.extension,
): string | null {
  const c = extendedLimitClock(ctx, cal, periods, ext);
  return c?.dueOn && !c.provisional && !c.pausedNow ? c.dueOn : null;
}

/**
 * fixD59 #2: the year without the official schedule the extended limit's last day falls in (or runs through), where it
 * is only provisional — the extension 决定书 names the new last day (LDMAL Art. 43(1); Rules Art. 45) and is not issued
 * on a guess; null when it is exact (or unknown for another reason).
 */
export function extendedLimitMissingYear(
  ctx: MachineContext,
  cal: OfficialCalendar,
  periods: Periods,
  ext: { days: number; approvedOn: string } | null = ctx.extension,
): number | null {
  const c = extendedLimitClock(ctx, cal, periods, ext);
  return c?.provisional && !c.pausedNow ? (c.missingYear ?? null) : null;
}

function extendedLimitClock(
  ctx: MachineContext,
  cal: OfficialCalendar,
  periods: Periods,
  ext: { days: number; approvedOn: string } | null,
): AwardClock | null {
  if (!ext || !ctx.acceptedOn) return null;
  const on = ext.approvedOn;
  const clockRestarts = ctx.clockRestarts.filter((r) => r.on <= on);
  const then: MachineContext = {
    ...ctx,
    award: null,
    closure: null,
    clockRestarts,
    extension: ext,
    extensionRestarts: clockRestarts.length,
    earlierExtensions: [],
    suspensions: ctx.suspensions.filter((s) => s.from <= on).map((s) => (s.to && s.to <= on ? s : { ...s, to: null })),
    services: ctx.services.filter((sv) => (sv.publishedOn ?? sv.servedOn) <= on),
  };
  return awardClock(then, cal, periods, on);
}

/**
 * fixD59 #1 (LDMAL Art. 43(1); Rules Art. 47): the last day of the award limit where a suspension begun `from` began
 * after it — the limit had run out, the suspension deducts nothing and the parties may sue. The clock SUSPEND's warning
 * judges on (app/procedure/apply-event.ts lateSuspensionWarnings), read on the case as it stood that day: the earlier
 * suspensions, the restarts, the extension and the public notices up to it; the award or closure not yet. Null when the
 * suspension began within the limit, or the last day is only provisional (a year without the official schedule).
 */
export function limitRanOutBefore(ctx: MachineContext, cal: OfficialCalendar, periods: Periods, from: string): string | null {
  if (!ctx.acceptedOn) return null;
  const then: MachineContext = {
    ...ctx,
    award: null,
    closure: null,
    clockRestarts: ctx.clockRestarts.filter((r) => r.on <= from),
    extension: ctx.extension && ctx.extension.approvedOn <= from ? ctx.extension : null,
    suspensions: ctx.suspensions.filter((s) => s.from < from),
    services: ctx.services.filter((sv) => (sv.publishedOn ?? sv.servedOn) <= from),
  };
  const c = awardClock(then, cal, periods, from);
  return c?.dueOn && !c.provisional && from > c.dueOn ? c.dueOn : null;
}

/**
 * The last day a party may ask to postpone the case's hearing (LDMAL Art. 35: 开庭三日前; Rules Art. 80 working days;
 * PERIODS_OVERRIDE `postponement_request`), with the years counted provisionally; null without a hearing. The one
 * place it is worked out: the `postponement_request` deadline and the hearing notice (a window that had closed before
 * the date was set — a short-notice hearing of a simple case, Rules Art. 60 — is not printed as a condition).
 */
export function postponementWindow(
  ctx: Pick<MachineContext, 'hearing'>,
  cal: OfficialCalendar,
  periods: Pick<Periods, 'postponement_request'>,
): { value: string | null; years: number[] } | null {
  const h = ctx.hearing;
  if (!h) return null;
  return onView(cal, (view) => latestDayBefore(view, h.hearingOn, periods.postponement_request));
}

/**
 * The defense period (LDMAL Art. 30), as shortened with the respondent's consent in simple procedure (Rules Art. 58).
 * The one place it is worked out: the `defense` deadline, and the earliest end of a period not yet begun that a hearing
 * or the answer-period flag is judged on (workflows/hearings.ts `earliestDefenseEnd`).
 */
export const defenseRule = (ctx: Pick<MachineContext, 'defensePeriodDays'>, periods: Pick<Periods, 'defense'>): PeriodRule =>
  ctx.defensePeriodDays === null ? periods.defense : { ...periods.defense, days: ctx.defensePeriodDays };

/**
 * s63 B #1 — the words the 办理记录 keeps for SHORTEN_DEFENSE_PERIOD (Rules Art. 58: 简易处理的案件，经与被申请人协商
 * 同意，仲裁庭可以缩短或者取消答辩期): the period as shortened, in the unit the defense period is counted in
 * (`defenseRule`: PERIODS_OVERRIDE may make it calendar days), or cancelled (0), and the respondent's consent it rests on
 * (workflows/rules.ts refuses the act without it). The one home of that line: the history entry's `record` and the
 * confirmation's preview (app/cases/views.ts `recordLine`).
 */
export const shortenedDefenseLine = (days: number, unit: Unit): string =>
  days === 0 ? '经被申请人同意，取消答辩期' : `经被申请人同意，答辩期缩短为${periodWords({ days, unit })}`;

/** The day every one of `partyIds` had been served one of `docs` (the latest of their first services), or null. */
const firstService = (ctx: MachineContext, docs: string[], partyIds: number[], act = false) => {
  const dates = partyIds.map(
    (id) =>
      ctx.services
        .filter((s) => docs.includes(s.document) && s.partyId === id)
        // The commission's own act of serving is the publication of a public notice, not the deemed day.
        .map((s) => (act ? (s.publishedOn ?? s.servedOn) : s.servedOn))
        .sort()[0],
  );
  return dates.every(Boolean) ? (dates.sort().at(-1) as string) : null;
};

export type WindowKind = 'sue_non_final' | 'sue_final_worker' | 'set_aside_employer' | 'set_aside_after_suit';

export interface PartyWindow {
  partyId: number;
  kind: WindowKind;
  servedOn: string | null;
  computed: Computed | null;
  /** The party's own suit ended by withdrawal or out-of-time dismissal: its award windows no longer hold the award back. */
  spent?: boolean;
}

/**
 * A party's first receipt of the award made on `issuedOn`: an award document served on or after that day that names
 * this award (`awardOn`) or names none — a service naming none delivers every award made by then (a partial award and
 * the final award served together), so that neither award's windows wait for a service that never comes.
 */
const awardServedOn = (ctx: MachineContext, partyId: number, issuedOn: string): string | null =>
  ctx.services
    .filter(
      (s) =>
        s.document === 'award' && s.partyId === partyId && s.servedOn >= issuedOn && (s.awardOn === undefined || s.awardOn === issuedOn),
    )
    .map((s) => s.servedOn)
    .sort()[0] ?? null;

/**
 * The claim concerns worker `partyId`: it is his own, or the applicants' together (no one's own), or unknown to the
 * record — or it is an employer's (the employer applies, with several employer applicants or an API client naming
 * `applicant: n`): a claim against the workers concerns every worker, whose windows on its item (LDMAL Arts. 48, 50)
 * it must not take away. Only a claim owned by a worker narrows to him (Rules Art. 62; SPC-1 Art. 17).
 */
function claimConcerns(ctx: MachineContext, claimId: number, partyId: number): boolean {
  const claim = ctx.claims.find((c) => c.id === claimId);
  return !claim?.partyId || claim.partyId === partyId || !isWorkerId(ctx, claim.partyId);
}

/** Each signing party's windows on `award` (LDMAL Arts. 48–50), from its receipt as `servedOn` finds it. */
function awardWindows(
  ctx: MachineContext,
  cal: OfficialCalendar,
  periods: Periods,
  award: NonNullable<MachineContext['award']>,
  servedOnOf: (partyId: number) => string | null,
): PartyWindow[] {
  const out: PartyWindow[] = [];
  for (const party of awardParties(ctx)) {
    const servedOn = servedOnOf(party.id);
    // By side, not by kind: an individual employer (a natural person) has the employer's window (workflows/sides.ts).
    const employer = isEmployerParty(ctx, party);
    const kinds: WindowKind[] = [];
    // A mixed award is two documents (Rules Art. 50): a worker has a window on each only where it decides one of his
    // claims (or one of them all together) — LDMAL Art. 48 binds the worker with a final item, Art. 50 lets a party sue
    // on the non-final one, and the effect is worker by worker (SPC-1 Art. 17). The employer side is a party to both.
    // fixS57: of a joint item split by its workers' shares, each share is its worker's part of that finality (LDMAL Art.
    // 47(1); SPC-1 Art. 19): a worker whose share is final has no suit window on it under Art. 50, one whose share is not
    // has no Art. 48 window on it; a worker the shares leave out is read with the item as before.
    const concerns = (final: boolean) =>
      award.finality !== 'mixed' ||
      employer ||
      award.items.some((it) => {
        const mine = it.shares?.some((sh) => sh.partyId === party.id) ? partWorkers(it, final) : null;
        return mine ? mine.includes(party.id) : hasPart(it, final) && claimConcerns(ctx, it.claimId, party.id);
      });
    if (party.side === 'third_party') {
      // LDMAL Art. 50 (fixK56 #1): a third party bound by a non-final award, or by a mixed award's non-final part, may sue
      // within 15 days of his own receipt; a final award (part) gives him no window (Arts. 47–49).
      if (award.finality !== 'final') kinds.push('sue_non_final');
    } else {
      if (award.finality !== 'final' && concerns(false)) kinds.push('sue_non_final');
      if (award.finality !== 'non_final' && concerns(true)) kinds.push(employer ? 'set_aside_employer' : 'sue_final_worker');
    }
    for (const kind of kinds) {
      out.push({
        partyId: party.id,
        kind,
        servedOn,
        computed: servedOn ? computePeriod(cal, periods[kind], servedOn, '收到裁决书之日') : null,
      });
    }
  }
  return out;
}

/**
 * A partial award (部分裁决, LDMAL Art. 43(2)) is challenged like any award (Rules Art. 49): each party's window on it
 * runs from its receipt of that award — an `award` document served from the day it was made until the next award.
 */
export function partialAwardWindows(
  ctx: MachineContext,
  cal: OfficialCalendar,
  periods: Periods,
): { index: number; award: NonNullable<MachineContext['award']>; windows: PartyWindow[] }[] {
  return ctx.partialAwards.map((award, index) => ({
    index,
    award,
    windows: awardWindows(ctx, cal, periods, award, (id) => awardServedOn(ctx, id, award.issuedOn)),
  }));
}

/** The outcomes that let the award stand (withdrawal permitted; dismissed as out of time). */
const reviving = (ctx: MachineContext) =>
  (ctx.courtOutcomes ?? []).filter((o) => o.outcome === 'withdrawal_permitted' || o.outcome === 'dismissed_out_of_time');

/**
 * After an award: each party's window to sue or apply to set aside, from its own receipt (LDMAL Arts. 48–50). A mixed
 * award gives every party the non-final window too (LDMAL Art. 50: the worker may sue on the non-final part). After a
 * worker's suit against a final award ended by withdrawal or dismissal, the employer has 30 days from the ruling
 * (SPC-1 Art. 21(2)).
 */
export function challengeWindows(ctx: MachineContext, cal: OfficialCalendar, periods: Periods): PartyWindow[] {
  const award = ctx.award;
  if (!award) return [];
  const spent = new Set(reviving(ctx).flatMap((o) => o.partyIds));
  // The award's own service: an `award` served before it was made is a partial award's (PARTIAL_AWARD).
  const out = awardWindows(ctx, cal, periods, award, (id) => awardServedOn(ctx, id, award.issuedOn)).map((w) =>
    spent.has(w.partyId) ? { ...w, spent: true } : w,
  );
  if (award.finality !== 'non_final') {
    const per = outcomeSuits(ctx);
    for (const [k, o] of (ctx.courtOutcomes ?? []).entries()) {
      if (o.outcome !== 'withdrawal_permitted' && o.outcome !== 'dismissed_out_of_time') continue;
      const suits = (per[k] ?? [])
        .map((i) => ctx.lawsuits[i])
        .filter((l): l is MachineContext['lawsuits'][number] => l !== undefined && isWorkerId(ctx, l.partyId));
      for (const employer of signingParties(ctx).filter((x) => isEmployerParty(ctx, x))) {
        // SPC-1 Art. 21(2) (legal53a H1): only a suit that held the employer's window — brought under LDMAL Art. 48 within
        // the worker's 15 days, while that window ran — gives it 30 days from the ruling; a late suit revives nothing.
        if (!suits.some((l) => suitHoldsSetAside(out, l, employer.id))) continue;
        out.push({
          partyId: employer.id,
          kind: 'set_aside_after_suit',
          servedOn: o.servedOn,
          computed: computePeriod(cal, periods.set_aside_after_suit, o.servedOn, '收到法院准予撤诉或驳回起诉裁定之日'),
        });
      }
    }
  }
  return out;
}

/**
 * SPC-1 Art. 21 (legal53a H1): whether a worker's suit on a final award (part) holds the employer's window to apply to
 * set it aside (LDMAL Art. 49) — the intermediate court does not accept the application while it is pending, and the
 * employer has 30 days from the ruling that dismisses it or permits its withdrawal (`set_aside_after_suit`). Art. 21 is
 * about a suit brought "依据调解仲裁法第四十八条"; a suit after the worker's 15 days is on the record only when the clerk
 * records that the court docketed it (`courtAccepted`, CPL Art. 86; workflows/rules.ts) — the court then hears it as one
 * brought under Art. 48, and it holds the employer's window as a timely one does (reviewer s53 A H1: the application
 * it ends, `endSetAsideReview`, and the refusal while it is pending, `setAsideAfterWorkerSuit`, read it so too). What
 * no suit does is revive a window that had ended before it was filed (legal53a H1). `windows`: the award's windows
 * computed so far (each `set_aside_after_suit` an earlier ruling opened counts as the employer's window from its
 * service). Where a day is not known yet (the award not served, a provisional calendar year) the suit is taken to hold
 * it, as before.
 */
function suitHoldsSetAside(windows: PartyWindow[], suit: { partyId: number; filedOn: string }, employerId: number): boolean {
  const employer = windows.filter(
    (w) => w.partyId === employerId && (w.kind === 'set_aside_employer' || w.kind === 'set_aside_after_suit'),
  );
  if (!employer.length) return true;
  return employer.some(
    (w) =>
      !w.computed?.dueOn ||
      w.computed.provisional ||
      ((w.kind === 'set_aside_employer' || (w.servedOn as string) <= suit.filedOn) && suit.filedOn <= w.computed.dueOn),
  );
}

/**
 * The worker's suit pending that holds the employer's window `w` to apply to set the final award aside (SPC-1 Art. 21(1);
 * suitHoldsSetAside): filed while `w` ran (an after-suit window from its ruling's service), or null.
 */
function pendingSuitHoldingWindow(ctx: MachineContext, windows: PartyWindow[], w: PartyWindow) {
  if (!workerSuitHoldingSetAside(ctx)) return null;
  return (
    pendingSuits(ctx).find(
      (l) =>
        isWorkerId(ctx, l.partyId) &&
        suitHoldsSetAside(windows, l, w.partyId) &&
        (w.kind === 'set_aside_employer' || (w.servedOn as string) <= l.filedOn),
    ) ?? null
  );
}

/**
 * The windows that hold back the award's legal effect — and so MARK_EFFECTIVE, the `effective` deadline and the
 * enforcement window that starts from it:
 * * a non-final award, and the non-final part of a mixed award: every party's window to sue on it (LDMAL Art. 50; the
 *   worker's too). A party's suit that ended by withdrawal or out-of-time dismissal no longer holds it back (SPC-2000).
 * * a mixed award: its final part took effect on the day it was made (LDMAL Art. 47), so the award as a whole is
 *   effective with its non-final part. The employer's 30-day window to apply to set the final part aside (LDMAL
 *   Art. 49; SPC-1 Art. 21(2)) does not hold it back: an application to set aside suspends enforcement, not effect
 *   (SPC-1 Art. 25), and it can still be recorded after the award is marked effective.
 * * a final award: effective on the day it was made (recorded at ISSUE_AWARD); MARK_EFFECTIVE confirms that it stands,
 *   once neither the worker's suit (Art. 48) nor the employer's application (Art. 49) can come any more — every window.
 */
export function holdingWindows(finality: AwardFinality | undefined, windows: PartyWindow[]): PartyWindow[] {
  const live = windows.filter((w) => !w.spent);
  return finality === 'final' ? live : live.filter((w) => w.kind === 'sue_non_final');
}

type AwardFinality = NonNullable<MachineContext['award']>['finality'];

/** Whether every window that holds the award back has ended before `on`, on exact dates. */
function windowsClosed(finality: AwardFinality | undefined, windows: PartyWindow[], on: string): boolean {
  return holdingWindows(finality, windows).every((w) => w.computed?.dueOn && on > w.computed.dueOn);
}

/** LDMAL Art. 29: what an acceptance not decided in time opens to the applicant (the deadline and a late ACCEPT say it). */
export const ACCEPTANCE_OVERDUE_REMEDY =
  '申请人可以就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第二十九条：逾期未作出受理或者不予受理决定的，申请人可以就该劳动争议事项向人民法院提起诉讼）。';

/**
 * LDMAL Art. 43(1): what an award limit run out opens to the parties (the overdue or late-met `award` deadline says it).
 * SPC-1 Art. 12(1): the court does not accept such a suit where the delay has a proper reason.
 */
export const AWARD_OVERDUE_REMEDY =
  '当事人可以就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第四十三条第一款：逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼；因移送管辖、正在送达或者送达延误、等待另案诉讼结果或者评残结论、正在等候开庭、启动鉴定程序或者委托调查取证等正当事由逾期的，人民法院不予受理，《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十二条）。';

/**
 * LDMAL Art. 29: an ACCEPT after the acceptance period ran out is recorded (the commission may still accept), with a
 * warning that from the day after the period the applicant could already sue in court (legalfixA M1). `deadlines`: the
 * case's deadlines as the act leaves them.
 */
export function lateAcceptanceWarnings(deadlines: readonly Pick<Deadline, 'kind' | 'status' | 'dueOn' | 'metOn'>[]): string[] {
  const acc = deadlines.find((d) => d.kind === 'acceptance');
  if (acc?.status !== 'met_late' || !acc.dueOn) return [];
  return [
    `受理决定（${acc.metOn}）晚于受理期限（${acc.dueOn} 届满）：期限届满后${ACCEPTANCE_OVERDUE_REMEDY}请核对申请人是否已向人民法院起诉。`,
  ];
}

/**
 * LDMAL Art. 29; Rules Arts. 29–30: the one-time supplement notice is given on the spot or within the 5 working days of
 * the acceptance decision, from receipt. One given after those days (REQUEST_SUPPLEMENT dated later) is recorded — the
 * commission may still ask — with the late ACCEPT's warning: from the day after the period ran out the applicant could
 * already sue in court (legal52b M3). `ctx`: the case before the request (no supplement yet).
 */
export function lateSupplementWarnings(
  ctx: Pick<MachineContext, 'receivedOn'>,
  requestedOn: string,
  cal: OfficialCalendar,
  periods: Periods,
): string[] {
  const acc = computePeriod(cal, periods.acceptance, ctx.receivedOn, '收到仲裁申请之日');
  if (!acc.dueOn || acc.provisional || requestedOn <= acc.dueOn) return [];
  return [
    `一次性告知补正（${requestedOn}）晚于受理期限（${acc.dueOn} 届满，《劳动人事争议仲裁办案规则》第二十九条：当场或者在五日内一次性告知）：期限届满后${ACCEPTANCE_OVERDUE_REMEDY}请核对申请人是否已向人民法院起诉。`,
  ];
}

/** The matters of LDMAL Art. 16: 拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金. */
const PAYMENT_ORDER_CATEGORIES: ReadonlySet<string> = new Set(['wages', 'work_injury_medical', 'economic_compensation', 'damages']);

/**
 * LDMAL Art. 16 (legal52b M2; domain.md §2.4): a mediation agreement on unpaid remuneration, work-injury medical costs,
 * economic compensation or damages that the employer does not perform within the agreed period — the worker may take
 * it to the basic court for a payment order (CPL Art. 225). Informational, once the agreed day (`performanceDueOn`) has
 * passed and the matter was not referred to arbitration instead (LDMAL Art. 15): an entry of the worker's, binding no
 * one (`elapsed`, with the words of the article). Whether the employer performed the record does not show; the court's
 * payment-order procedure is not modelled.
 */
function paymentOrderEntry(
  ctx: MachineContext,
  today: string,
  add: (
    kind: string,
    rule: { days: number; unit: Unit; basis: string; label: string },
    startsOn: string,
    c: Computed,
    metOn: null,
    assignee: Assignee,
    opts: { entitlement: boolean; entitlementNote: string },
  ) => void,
): void {
  const m = ctx.trackMediation;
  const due = m?.performanceDueOn;
  // fixA59 #2: a referral of the matters a partial agreement left unsettled leaves the agreement binding on the rest.
  if (!m?.agreedOn || !due || today <= due || (m.referredOn && m.referral?.reason !== 'partial_agreement')) return;
  // The worker's own claims only (workflows/sides.ts): Art. 16 gives the worker a payment order against an employer
  // that does not pay — not an employer's claim on its worker (recheck52 M1).
  if (!ctx.claims.some((c) => PAYMENT_ORDER_CATEGORIES.has(c.category) && !claimByEmployer(ctx, c as { counterclaim?: boolean }))) return;
  const rule = {
    days: 0,
    unit: 'calendar' as const,
    basis: 'LDMAL Art. 16; CPL Art. 225',
    label: '劳动者申请支付令（用人单位在调解协议约定期限内不履行的）',
  };
  const c: Computed = { dueOn: due, explanation: `调解协议约定的履行期限至${due}届满。` };
  add('payment_order', rule, due, c, null, 'party', {
    entitlement: true,
    entitlementNote:
      '因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令（《劳动争议调解仲裁法》第十六条；向有管辖权的基层人民法院申请，《民事诉讼法》第二百二十五条）；也可以依法申请仲裁（第十五条）。',
  });
}

/** Every deadline of a case, with status relative to `today`. */
export function computeDeadlines(ctx: MachineContext, cal: OfficialCalendar, periods: Periods, today: string): Deadline[] {
  const out: Deadline[] = [];
  const add = (
    kind: PeriodKind | string,
    rule: { days: number; unit: Unit; basis: string; label: string },
    startsOn: string | null,
    c: Computed | null,
    metOn: string | null,
    assignee: Assignee,
    opts: {
      paused?: boolean;
      partyId?: number;
      label?: string;
      periodOnly?: boolean;
      entitlement?: boolean;
      entitlementNote?: string;
      endedOn?: string | null;
      /** What ended it, when not the case's closure (`endedOn`): said instead of "案件已于…结案". */
      endedNote?: string;
      /** A late suit the clerk recorded as docketed by the court (`courtAccepted`, CPL Art. 86): said so (ui53 M3). */
      docketed?: boolean;
    } = {},
  ) => {
    // A duty the case's closure made moot (`endedOn`) ends on the closing day without having been done: `ended`, no
    // longer counted, and its explanation says so — whether its day had passed by then — instead of "done".
    const ended = !metOn && opts.endedOn ? opts.endedOn : null;
    let status: DeadlineStatus;
    // A paused clock reads "paused" whatever its due date would be (api.md), even when that date is not known.
    // Its day passed before the closure: missed, not mooted (stop 44, L4) — a period that binds no one is never missed.
    if (ended) status = c?.dueOn && ended > c.dueOn && !opts.periodOnly && !opts.entitlement ? 'missed' : 'ended';
    else if (opts.paused && !metOn) status = 'paused';
    else if (!c || c.dueOn === null) status = c?.missingYear ? 'unknown' : 'open';
    // An entitlement period is no one's duty: ending the matter after it ran out is not late.
    // legal52b L2: a worker's suit on a final award after his 15 days did not meet his window (LDMAL Art. 48): the window
    // ran out — `elapsed`, the late suit named in the text — the award standing in force (Art. 47).
    else if (metOn && kind === 'sue_final_worker' && metOn > c.dueOn) status = 'elapsed';
    // fixT58 #6 — LDMAL Art. 14(3): an entitlement period (the mediation's 15 days) that ran out before the matter ended
    // (an agreement reached after it, by the parties' continuing consent) was not met: it ran out — `elapsed`, the day
    // named in the text — and a party was free to apply for arbitration from then on.
    else if (metOn && opts.entitlement && metOn > c.dueOn) status = 'elapsed';
    else if (metOn) status = metOn > c.dueOn && !opts.entitlement ? 'met_late' : 'met';
    // A period that binds no one (a party's defense period or window to sue, periodOnly) that ran out with nothing done is
    // `elapsed` (api-contract: a period that frees a party to act once over), not `met`, which says it was done — a
    // defense filed, a suit brought (reviewer s45 L3). Neither is overdue; the statistics read no deadline status.
    else if (today > c.dueOn) status = opts.entitlement || opts.periodOnly ? 'elapsed' : 'overdue';
    else status = 'open';
    const done = ended
      ? opts.endedNote
        ? opts.endedNote
        : c?.dueOn && ended > c.dueOn
          ? `期限${c.dueOn}届满时尚未完成；案件已于${ended}结案，不再计算。`
          : `案件已于${ended}结案，此项不再需要。`
      : status === 'met_late' || (status === 'elapsed' && metOn)
        ? isRemedyWindow(String(kind))
          ? // LDMAL Arts. 48–50: a suit or application after the period is recorded as filed; the court decides whether it
            // was in time (reviewer legal M3: "完成" made a late filing look valid).
            opts.docketed
            ? `已于${metOn}提出，晚于期间届满日${c?.dueOn}：逾期起诉，已登记人民法院受理（民事诉讼法第八十六条）。`
            : `已于${metOn}提出，晚于期间届满日${c?.dueOn}：逾期提出，是否受理由人民法院决定。`
          : kind === 'review_filing'
            ? // Rules Arts. 74–75: an application for review filed after the 15 days is one the commission does not
              // accept — not a duty done late (med49 L1).
              `已于${metOn}提出，晚于期间届满日${c?.dueOn}：超过申请仲裁审查的期限，属于不予受理的情形（劳动人事争议仲裁办案规则第七十五条）。`
            : opts.entitlement
              ? `期间已于${c?.dueOn}届满，${metOn}方告结束（晚于期间届满日）。${opts.entitlementNote ?? ''}`
              : `已于${metOn}完成（晚于期限${c?.dueOn}）。`
        : metOn
          ? `已于${metOn}完成。`
          : '';
    out.push({
      kind,
      label: opts.label ?? rule.label,
      startsOn,
      dueOn: c?.dueOn ?? null,
      unit: rule.unit,
      days: rule.days,
      basis: rule.basis,
      status,
      explanation: (c?.explanation ?? '尚未开始计算。') + (done || (status === 'elapsed' ? (opts.entitlementNote ?? '期间已届满。') : '')),
      assignee,
      ...(opts.partyId ? { partyId: opts.partyId } : {}),
      metOn,
      provisional: Boolean(c?.provisional && c.dueOn),
    });
  };
  const P = periods;

  // Round 2: the arbitral review of a mediation agreement has its own deadlines (Rules Arts. 74–76).
  if (ctx.track === 'review') {
    reviewDeadlines(ctx, cal, P, add);
    addedDeadlines(ctx, cal, P, add, ctx.closure?.closedOn ?? null);
    return out;
  }

  if (ctx.track === 'mediation') {
    const m = ctx.trackMediation;
    const c = computePeriod(cal, P.mediation, ctx.receivedOn, '调解组织收到调解申请之日');
    // LDMAL Art. 14(3): when the 15 days pass without agreement a party may apply for arbitration — the day a right
    // opens, not a mediator's deadline missed: `elapsed` (已届满), never "overdue" (mediation may go on by consent).
    add('mediation', P.mediation, ctx.receivedOn, c, m?.agreedOn ?? m?.failedOn ?? m?.referredOn ?? null, 'mediator', {
      entitlement: true,
      entitlementNote: '期间已届满，未达成调解协议的，当事人可以依法申请仲裁（劳动争议调解仲裁法第十四条第三款）。',
    });
    // After the agreement, for information (reviewer s45; docs/domain.md §2.5): the parties may jointly apply to the
    // commission to review it within 15 days of its taking effect (Rules Art. 74; PERIODS_OVERRIDE review_filing), or to
    // the court for judicial confirmation within 30 days (CPL Art. 205; People's Mediation Law Art. 33). Read from the
    // day the agreement was reached (recorded as MEDIATION_AGREED). Periods of the parties', binding no one: never
    // overdue, `elapsed` once over.
    if (m?.agreedOn) {
      const from = '调解协议生效之日（以达成调解协议之日计）';
      // Rules Art. 75(4): an agreement concerning the confirmation of a labor relationship is not accepted for review (the
      // rule ACCEPT_REVIEW refuses it by, 'review-confirms-relationship': any of its matters) — no review period is
      // offered for it; judicial confirmation remains (med50 M5).
      const relationship = ctx.claims.some((c) => c.category === 'confirm_relationship');
      if (!relationship)
        add('review_filing', P.review_filing, m.agreedOn, computePeriod(cal, P.review_filing, m.agreedOn, from), null, 'party', {
          periodOnly: true,
          label: '双方当事人共同申请仲裁审查调解协议的期间（调解协议生效之日起）',
        });
      // The basis as users read it (med50 L2): the People's Mediation Law has no code the case page translates.
      const confirmation = {
        days: 30,
        unit: 'calendar' as const,
        basis: 'CPL Art. 205; 《中华人民共和国人民调解法》第三十三条',
        label: '双方当事人共同申请司法确认调解协议的期间（调解协议生效之日起）',
      };
      const c = computePeriod(cal, confirmation, m.agreedOn, from);
      if (relationship)
        c.explanation +=
          '调解协议涉及确认劳动关系，不能申请仲裁委员会审查（劳动人事争议仲裁办案规则第七十五条第（四）项），可以申请司法确认。';
      add('judicial_confirmation', confirmation, m.agreedOn, c, null, 'party', { periodOnly: true });
      paymentOrderEntry(ctx, today, add);
    }
    return out;
  }

  // void44: a registration voided as made by mistake was never an application: no period of one runs for it (no
  // acceptance to decide, no to-do left on anyone's workbench).
  if (ctx.closure?.mode === 'voided') return out;
  // Acceptance (LDMAL Art. 29) counts from receipt, or from the completed supplement (Rules Art. 46(2)).
  // Rules Art. 31: a written explanation (REFER_ELSEWHERE) is the decision for a jurisdiction-only defect.
  const decidedOn = ctx.acceptedOn ?? ctx.rejection?.decidedOn ?? ctx.referral?.on ?? null;
  const withdrawnEarly = !ctx.acceptedOn && ctx.closure?.mode === 'withdrawal' ? ctx.closure.closedOn : null;
  // Rules Art. 29: materials incomplete, the commission tells the applicant once, in full, what to supplement — on the
  // spot or within 5 days. A duty only where something is missing, which the record shows by the request itself
  // (REQUEST_SUPPLEMENT): an application complete as filed has no supplement notice to give — not overdue while it
  // waits for its acceptance decision (the `acceptance` deadline is that to-do, LDMAL Art. 29), nor "已完成" once
  // accepted without one (legal50b L3).
  if (ctx.supplement)
    add(
      'supplement_notice',
      P.supplement_notice,
      ctx.receivedOn,
      computePeriod(cal, P.supplement_notice, ctx.receivedOn, '收到仲裁申请之日'),
      ctx.supplement.requestedOn,
      'clerk',
    );
  const accStart = ctx.supplement?.completedOn ?? ctx.receivedOn;
  if (!ctx.supplement || ctx.supplement.completedOn || decidedOn) {
    add(
      'acceptance',
      // Rules Art. 65 (domain.md §8.2): a collective dispute's acceptance decision within 5 days of receipt — its own
      // article, same period (med49 L7); LDMAL Art. 29 still opens the suit when it runs out.
      ctx.collective ? { ...P.acceptance, basis: 'Rules Art. 65; LDMAL Art. 29' } : P.acceptance,
      accStart,
      computePeriod(cal, P.acceptance, accStart, ctx.supplement?.completedOn ? '补正材料收齐之日' : '收到仲裁申请之日'),
      decidedOn ?? withdrawnEarly,
      'clerk',
    );
    // LDMAL Art. 29: 逾期未作出受理或者不予受理决定的，申请人可以就该劳动争议事项向人民法院提起诉讼 — the overdue
    // acceptance says what it opens to the applicant (domain.md workflow step 3: "Overdue → flag 'applicant may sue'"),
    // and so does a decision made late (the right arose when the period ran out; legalfixA M1).
    const acc = out.at(-1);
    if (acc?.kind === 'acceptance' && acc.dueOn && !withdrawnEarly) {
      if (acc.status === 'overdue') acc.explanation += `期限已过仍未作出受理或者不予受理决定：${ACCEPTANCE_OVERDUE_REMEDY}`;
      else if (decidedOn && decidedOn > acc.dueOn)
        acc.explanation += `期限届满时尚未作出决定，自${addDays(acc.dueOn, 1)}起${ACCEPTANCE_OVERDUE_REMEDY}`;
    }
  }
  if (!ctx.acceptedOn) return out;

  const closedOn = ctx.closure?.closedOn ?? null;
  // Respondents added later have their own service and defense deadlines (addedDeadlines below).
  const added = addedPartyIds(ctx);
  const respondents = ctx.parties.filter((p) => p.side === 'respondent' && !added.has(p.id)).map((p) => p.id);
  const applicants = ctx.parties.filter((p) => p.side === 'applicant').map((p) => p.id);
  add(
    'serve_respondent',
    P.serve_respondent,
    ctx.acceptedOn,
    computePeriod(cal, P.serve_respondent, ctx.acceptedOn, '受理之日'),
    firstService(ctx, ['application_copy', 'respond_notice'], respondents, true),
    'clerk',
    // Closed — by an award too — the duty can no longer be done: `ended`, its explanation saying it was not done by its
    // day (not an overdue to-do that nobody can clear, on the workbench and the list's 有逾期期限 filter for ever).
    { endedOn: closedOn },
  );
  // The defense period runs from the respondents' receipt — for public notice, the deemed day (CPL Art. 95).
  const servedRespondentsOn = firstService(ctx, ['application_copy', 'respond_notice'], respondents);
  if (servedRespondentsOn) {
    const rule = defenseRule(ctx, P);
    const c = computePeriod(cal, rule, servedRespondentsOn, '被申请人收到申请书副本之日');
    // Rules Art. 58: 「缩短或者取消答辩期」 — 0 days is the period cancelled.
    if (ctx.defensePeriodDays !== null)
      c.explanation = `${ctx.defensePeriodDays === 0 ? '经被申请人同意取消答辩期' : `经被申请人同意缩短为${periodWords(rule)}`}（Rules Art. 58）；${c.explanation}`;
    // The original respondents' defense (one filed by an added respondent, with its partyId, answers for that one only).
    const filed = defensesBy(ctx, 'original')[0]?.filedOn ?? null;
    // legal56a 4: a case closed while the period ran (transferred, a 调解书 signed, withdrawn) leaves no defense to file
    // here — `ended`, not `open` (one that had run out before stays `elapsed`).
    const closedWhileRunning = closedOn && (c.dueOn === null || closedOn <= c.dueOn) ? closedOn : null;
    add('defense', rule, servedRespondentsOn, c, filed, 'party', { periodOnly: true, endedOn: closedWhileRunning });
  }
  if (ctx.defenses.length) {
    const on = ctx.defenses[0]?.filedOn as string;
    add(
      'serve_defense_copy',
      P.serve_defense_copy,
      on,
      computePeriod(cal, P.serve_defense_copy, on, '收到答辩书之日'),
      firstService(ctx, ['defense_copy'], applicants, true),
      'clerk',
      { endedOn: closedOn },
    );
  }
  // Rules Art. 36: the decision on a counterclaim within 5 working days of its filing.
  for (const [i, cc] of ctx.counterclaims.entries()) {
    add(
      'counterclaim_decision',
      P.counterclaim_decision,
      cc.filedOn,
      computePeriod(cal, P.counterclaim_decision, cc.filedOn, '收到反申请之日'),
      cc.mergedOn ?? cc.filedOn,
      'clerk',
      { label: ctx.counterclaims.length > 1 ? `${P.counterclaim_decision.label}（第${i + 1}件）` : undefined },
    );
  }
  // LDMAL Art. 32; Rules Art. 37: the parties are *notified in writing* of the composition within 5 working days of
  // acceptance — done when the notice is served on every applicant and respondent, not when the tribunal is formed.
  // Rules Art. 65: in a collective case the tribunal's members, the defense and evidence periods and the hearing's date
  // and place are notified at once, within the same 5 days — done when both the tribunal notice and the hearing notice
  // (which states the periods, the date and the place) are served on every party.
  const everyone = [...applicants, ...respondents];
  const tribunalNotice = computePeriod(cal, P.tribunal_notice, ctx.acceptedOn, '受理之日');
  const formedNotified = firstService(ctx, ['tribunal_notice'], everyone, true);
  const hearingNotified = ctx.collective ? firstService(ctx, ['hearing_notice'], everyone, true) : null;
  // The evidence period is part of that notice: the hearing notice states it when it was set by the day the hearing
  // was (the notice's act) — one set later was not notified with it (an outside tester).
  const hearingSetOn = hearingDateSetOn(ctx);
  const evidenceSet = !!ctx.evidence && !!hearingSetOn && ctx.evidence.setOn <= hearingSetOn;
  const notifiedOn = !ctx.collective
    ? formedNotified
    : formedNotified && hearingNotified && evidenceSet
      ? ([formedNotified, hearingNotified].sort()[1] as string)
      : null;
  if (ctx.tribunal?.formedOn && !formedNotified)
    tribunalNotice.explanation += `仲裁庭已于${ctx.tribunal.formedOn}组成，组成情况的书面通知尚未送达全部当事人。`;
  if (ctx.collective && !hearingNotified)
    tribunalNotice.explanation += ctx.hearing
      ? '开庭通知（开庭日期、地点及答辩、举证期限）尚未送达全部当事人。'
      : '集体争议须同时通知开庭日期和地点：尚未排期开庭。';
  else if (ctx.collective && !evidenceSet)
    tribunalNotice.explanation += ctx.evidence
      ? `集体争议须同时通知举证期限：举证期限于${ctx.evidence.setOn}指定，晚于排期开庭（${hearingSetOn}），开庭通知未能载明。`
      : '集体争议须同时通知举证期限：尚未指定举证期限（须在排期开庭时或之前指定，开庭通知一并载明）。';
  const collectiveRule = {
    ...P.tribunal_notice,
    basis: 'Rules Art. 65',
    label: '一次性书面通知仲裁庭组成人员、答辩期限、举证期限、开庭日期和地点（集体争议）',
  };
  add('tribunal_notice', ctx.collective ? collectiveRule : P.tribunal_notice, ctx.acceptedOn, tribunalNotice, notifiedOn, 'clerk', {
    endedOn: closedOn,
  });
  // legal56a 2 — LDMAL Arts. 32–33; domain.md §8.1: an arbitrator replaced (recused) once the parties had been told the
  // composition re-forms the tribunal, notified like the first — within the same 5 working days, from the replacement.
  // Done when the tribunal notice is served on every party on or after that day.
  for (const on of renotifiedReplacementDays(ctx)) {
    const c = computePeriod(cal, P.tribunal_notice, on, '更换仲裁员（仲裁庭重新组成）之日');
    const served = everyone.map(
      (id) =>
        ctx.services
          .filter((x) => x.document === 'tribunal_notice' && x.partyId === id && (x.publishedOn ?? x.servedOn) >= on)
          .map((x) => x.publishedOn ?? x.servedOn)
          .sort()[0],
    );
    const metOn = served.every(Boolean) ? (served.sort().at(-1) as string) : null;
    if (!metOn) c.explanation += `仲裁庭于${on}重新组成，新的组成情况的书面通知尚未送达全部当事人。`;
    add('tribunal_notice', P.tribunal_notice, on, c, metOn, 'clerk', {
      endedOn: closedOn,
      label: `书面通知重新组成的仲裁庭组成情况（${on}更换仲裁员）`,
    });
  }

  // LDMAL Art. 35; Rules Art. 38: the notice of the hearing set stays listed once the hearing is held (reviewer legalfixC
  // 2: a late notice was warned of at SERVE, then vanished from the deadlines) — met, met_late, or, not served on every
  // party by the hearing, `missed` (the hearing held makes it moot, `endedOn`, as a closure does other duties). The
  // party's window to ask for a postponement goes with the hearing.
  let noticeFree = false;
  const heldIndex = ctx.hearing ? ctx.hearingsHeld.findIndex((h) => h.heldOn >= (ctx.hearing?.scheduledOn as string)) : -1;
  const heldOn = ctx.hearingsHeld[heldIndex]?.heldOn ?? null;
  // Rules Arts. 59–60 (med49 M2): in simple handling the tribunal sets the hearing date flexibly and may notify by phone
  // or SMS — no notice period to keep, so no notice deadline for a hearing set while the case was simple (a conversion
  // to ordinary afterwards, Rules Art. 61, does not make a short notice given under it late: the conversion warns of it).
  // Nor one that could not be met from the day the date was set (due before it starts: the same-day conversion case).
  // s62 B #1: a commission keeping the notice period in simple handling (PERIODS_OVERRIDE hearing_notice.keptInSimple,
  // LDMAL Art. 35) lists the deadline for such a hearing too.
  const setUnderSimple = (setOn: string) =>
    !P.hearing_notice.keptInSimple && (ctx.procedure === 'simple' || (ctx.conversion != null && ctx.conversion.on > setOn));
  if (ctx.hearing) {
    const h = ctx.hearing;
    const setOn = hearingDateSetOn(ctx) as string;
    const due = onView(cal, (view) => latestDayBefore(view, h.hearingOn, P.hearing_notice)).value;
    if (setUnderSimple(setOn) || (due !== null && due < setOn)) noticeFree = true;
  }
  if (ctx.hearing && !noticeFree) {
    const h = ctx.hearing;
    const setOn = hearingDateSetOn(ctx) as string;
    // LDMAL Art. 35: the notice of *this* date, served on every party; a notice of an earlier date does not count.
    // fixT58 #3 — LDMAL Art. 35; Rules Art. 38: every party *of that hearing*: once it is held, a party joined after its
    // day (Rules Art. 46(1)) was owed no notice of it — his own hearing is the next one (rules.ts party-joined-after-hearing).
    // fixA59 #3a: "after it" by the facts the award's rule reads (rules.ts partyAtHearing: `hearingsBefore`), not the date.
    const joinedAfter = new Set(
      (ctx.partyAdditions ?? []).filter((a) => heldIndex >= 0 && !partyAtHearing(ctx, a, heldIndex)).map((a) => a.partyId),
    );
    const services = signingParties(ctx)
      .filter((p) => !joinedAfter.has(p.id))
      .map((p) => hearingNoticeService(ctx, p.id));
    // legal53b L1: a notice by announcement (or another deemed service, `publishedOn`) deemed served on or after the
    // hearing day (CPL Art. 95: served when the announcement period has run) gives no notice of that hearing: it does not
    // meet the notice period, and the row says so — the period can still be met by serving that party otherwise in time.
    const tooLate = services.filter((x) => x?.publishedOn && x.servedOn >= h.hearingOn) as NonNullable<(typeof services)[number]>[];
    const notices = services.map((x) => (x && !tooLate.includes(x) ? x.servedOn : null));
    const lastNotice = notices.every(Boolean) ? ((notices as string[]).sort().at(-1) as string) : null;
    const announced = tooLate
      .map(
        (x) =>
          `对当事人${x.partyId}的开庭通知于${x.publishedOn}${x.method === 'public_notice' ? '公告送达' : '留置或张贴送达'}，视为${x.servedOn}送达，${x.servedOn === h.hearingOn ? '即开庭当日' : `晚于开庭日${h.hearingOn}`}，不能在开庭前送达，不能满足开庭通知期间（${x.method === 'public_notice' ? '《民事诉讼法》第九十五条' : '《劳动人事争议仲裁办案规则》第二十条'}；《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条）：请在最迟送达日前以其他方式送达，或另定开庭日期并重新通知。`,
      )
      .join('');
    // A notice served only after the hearing was held gave no notice of it.
    const noticedOn = lastNotice && (!heldOn || lastNotice <= heldOn) ? lastNotice : null;
    const moved = setOn !== h.scheduledOn ? `开庭日期于${setOn}改期，原开庭日期的通知不能代替新日期的通知；` : '';
    const n = onView(cal, (view) => latestDayBefore(view, h.hearingOn, P.hearing_notice));
    const workingNote =
      P.hearing_notice.unit === 'working' ? '（只计工作日，法定节假日和休息日不计，调休上班日计入；最迟送达日本身可以是休息日）' : '';
    add(
      'hearing_notice',
      P.hearing_notice,
      setOn,
      asProvisional(
        {
          dueOn: n.value,
          explanation: `${moved}开庭日为${h.hearingOn}，开庭通知应在开庭前至少${periodWords(P.hearing_notice)}送达全体当事人，最迟送达日为${n.value}${workingNote}。${noticedOn ? '' : announced}`,
        },
        n.years,
        P.hearing_notice.unit,
        'before',
      ),
      noticedOn,
      'clerk',
      heldOn
        ? {
            endedOn: heldOn,
            endedNote: noticedOn
              ? undefined
              : `开庭已于${heldOn}举行，开庭通知未在开庭前送达全体当事人（劳动争议调解仲裁法第三十五条；劳动人事争议仲裁办案规则第三十八条）。`,
          }
        : { endedOn: closedOn },
    );
  }
  if (ctx.hearing && !heldOn) {
    const setOn = hearingDateSetOn(ctx) as string;
    const r = postponementWindow(ctx, cal, P) as { value: string | null; years: number[] };
    // A window to ask for postponement that closed before the date was even set (a short-notice hearing of a simple
    // case, Rules Art. 60) was never open to a party: not listed as one that elapsed (med49 M2).
    if (r.value === null || r.value >= setOn)
      add(
        'postponement_request',
        P.postponement_request,
        setOn,
        asProvisional(
          {
            dueOn: r.value,
            explanation: `当事人有正当理由申请延期开庭的，应在开庭前${periodWords(P.postponement_request)}提出，最迟${r.value}。`,
          },
          r.years,
          P.postponement_request.unit,
          'before',
        ),
        null,
        'party',
        { periodOnly: true },
      );
  }

  const clock = awardClock(ctx, cal, P, closedOn ?? today);
  if (clock) {
    const paused = clock.pausedNow && !closedOn;
    // While paused by a suspension, the due date is hypothetical (as if resumed today) — provisional, like any date in a
    // year without official data (api.md v1.1), when it needs one; the clock reads "paused" either way (api.md). A
    // public-notice period has a known end (CPL Art. 95: deemed served 30 days after publication; Rules Art. 47 excludes
    // it) and is deducted whole already: the date is the one the clock reaches when it resumes then (stop 44, L2).
    const shown: Computed = paused ? { ...clock, explanation: `${pausedWords(clock)}${clock.explanation}` } : clock;
    // legal56a 4 — Rules Art. 46(5): a case transferred decides nothing here; its 45 days start again at the receiving
    // commission from its acceptance. The limit is `ended` (or `missed`, had it run out before the transfer), not met.
    const transferredOn = ctx.closure?.mode === 'transfer' ? closedOn : null;
    add('award', awardRule(ctx, P), clock.startsOn, shown, transferredOn ? null : closedOn, 'tribunal', {
      paused,
      ...(transferredOn
        ? {
            endedOn: transferredOn,
            endedNote:
              shown.dueOn && transferredOn > shown.dueOn
                ? `期限${shown.dueOn}届满时尚未结案；案件已于${transferredOn}移送管辖，本委不再作出裁决。`
                : `案件已于${transferredOn}移送管辖，本委不作出裁决；审理期限自受理移送的仲裁委员会受理之日起重新计算（《劳动人事争议仲裁办案规则》第四十六条第（五）项）。`,
          }
        : {}),
    });
    // LDMAL Art. 43(1): 逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼 — the limit run out says what it
    // opens to the parties, as the acceptance's does (LDMAL Art. 29); so does a case closed after it (the right arose
    // the day after the limit ran out; legal50b M1).
    const award = out.at(-1);
    if (award?.kind === 'award' && award.dueOn) {
      if (award.status === 'overdue') award.explanation += `审理期限已届满，仍未作出仲裁裁决：${AWARD_OVERDUE_REMEDY}`;
      else if (award.status === 'met_late' || award.status === 'missed')
        award.explanation += `审理期限届满时尚未结案，自${addDays(award.dueOn, 1)}起${AWARD_OVERDUE_REMEDY}`;
    }
  }
  if (ctx.mediation?.agreedOn && clock) {
    add(
      'mediation_signature',
      { days: awardRule(ctx, P).days, unit: awardRule(ctx, P).unit, basis: 'LDMAL Art. 42', label: '调解书签收（须在审理期限内）' },
      ctx.mediation.agreedOn,
      {
        dueOn: clock.dueOn,
        // legal49b L4: an agreement reached after the limit ran out starts a duty already past its day — said plainly.
        explanation:
          clock.dueOn && clock.dueOn < ctx.mediation.agreedOn
            ? `达成调解协议时（${ctx.mediation.agreedOn}）审理期限已于${clock.dueOn}届满，签收已不可能在审理期限内完成（劳动争议调解仲裁法第四十三条第一款）；调解书经双方当事人签收后生效，一方在送达前反悔的，仲裁庭应当及时作出裁决。`
            : `调解书经双方当事人签收后生效；一方在送达前反悔的，仲裁庭应当及时作出裁决。签收须在审理期限（${clock.dueOn ?? '未知'}）内完成。`,
        missingYear: clock.missingYear,
        provisional: clock.provisional,
      },
      // Both signed: the case closed by the mediation document on the day it took effect (LDMAL Art. 42). Closed
      // otherwise (an award after one side went back on it, a withdrawal): no signature is awaited any more.
      ctx.closure?.mode === 'mediation' ? ctx.closure.closedOn : null,
      'clerk',
      { endedOn: closedOn },
    );
  }

  // Partial awards (LDMAL Art. 43(2); Rules Art. 49): each party's window on each, from its receipt of that award.
  // They do not hold the case or the final award back; a suit or an application after its receipt ends the window.
  for (const { index, award, windows } of partialAwardWindows(ctx, cal, P)) {
    const which = ctx.partialAwards.length > 1 ? `第${index + 1}件部分裁决` : '部分裁决';
    // The remedies recorded against this partial award (legalfixA H2: `partialAward` on the act) meet its windows.
    const remedies = partialRemediesOf(ctx, index + 1);
    const workerSuit = remedies.find((r) => r.kind === 'lawsuit' && r.partyId !== null && isWorkerId(ctx, r.partyId));
    // LDMAL Art. 49(3) (legal49a M4, docs49 H1): the partial award set aside, the worker's window to sue on it ends and
    // each party has 15 days from receiving the ruling to sue on the dispute — as for the award.
    const setAside = remedies.find((r) => r.kind === 'set_aside' && r.result === 'set_aside');
    const setAsideOn = setAside?.decidedOn ?? null;
    const suitOf = (id: number, after: boolean) =>
      remedies.find((r) => r.kind === 'lawsuit' && r.partyId === id && (setAsideOn === null || after === r.filedOn >= setAsideOn))
        ?.filedOn ?? null;
    for (const w of windows) {
      const rule = P[w.kind];
      const met =
        w.kind === 'set_aside_employer'
          ? (remedies.find((r) => r.kind === 'set_aside' && r.result !== 'terminated')?.filedOn ?? null)
          : suitOf(w.partyId, false);
      const ends = w.kind === 'sue_final_worker' && setAsideOn !== null;
      const c = w.computed ?? {
        dueOn: null,
        explanation: `${which}于${award.issuedOn}作出，尚未送达当事人${w.partyId}；自收到之日起计算（劳动人事争议仲裁办案规则第四十九条）。`,
      };
      // SPC-1 Art. 21: the worker's suit on it holds the employer's application, as for the award.
      const held = w.kind === 'set_aside_employer' && !met && workerSuit && w.computed;
      add(
        `partial_award_${w.kind}`,
        { ...rule, basis: `${rule.basis}; LDMAL Art. 43(2); Rules Art. 49` },
        w.servedOn,
        held
          ? {
              ...c,
              explanation: `劳动者已于${workerSuit.filedOn}就${which}向人民法院起诉，中级人民法院不受理用人单位撤销该裁决的申请，本期间暂停（最高人民法院劳动争议解释（一）第二十一条）。原期间：${c.explanation}`,
            }
          : c,
        met,
        'party',
        {
          partyId: w.partyId,
          periodOnly: true,
          ...(held ? { paused: true } : {}),
          label: `${which}：${rule.label}（当事人${w.partyId}）`,
          ...(ends
            ? {
                endedOn: setAsideOn,
                endedNote: `${which}已于${setAsideOn}被人民法院裁定撤销，不再就其起诉；当事人可自收到撤销裁定之日起十五日内就该劳动争议事项向人民法院起诉（劳动争议调解仲裁法第四十九条第三款）。`,
              }
            : {}),
        },
      );
    }
    if (setAside && setAsideOn) {
      const on = setAside.servedOn ?? setAsideOn;
      const rule = P.sue_after_set_aside;
      for (const party of signingParties(ctx))
        add(
          'partial_award_sue_after_set_aside',
          { ...rule, basis: `${rule.basis}; LDMAL Art. 43(2); Rules Art. 49`, label: `${which}被撤销后起诉期间` },
          on,
          computePeriod(cal, rule, on, '收到撤销裁决裁定之日'),
          suitOf(party.id, true),
          'party',
          { partyId: party.id, periodOnly: true, label: `${which}被撤销后起诉期间（当事人${party.id}）` },
        );
    }
  }

  // After the award: each party's window, then the effective date (LDMAL Arts. 47–50; SPC-1 Arts. 16–17, 21).
  if (ctx.award) {
    const windows = challengeWindows(ctx, cal, P);
    const setAsideAfter = (on: string) => (ctx.setAside && ctx.setAside.filedOn >= on ? ctx.setAside.filedOn : null);
    // The employer's window from its receipt of the award, once a ruling on a worker's suit opened the 30 days from that
    // ruling (SPC-1 Art. 21(2)): the day of that ruling's service, else null.
    const supersededOn = (w: PartyWindow): string | null =>
      w.kind === 'set_aside_employer'
        ? (windows
            .filter((x) => x.kind === 'set_aside_after_suit' && x.partyId === w.partyId)
            .map((x) => x.servedOn as string)
            .sort()[0] ?? null)
        : null;
    for (const w of windows) {
      const rule = P[w.kind];
      const suit = ctx.lawsuits.find((l) => l.partyId === w.partyId);
      const sued = suit?.filedOn ?? null;
      const met =
        w.kind === 'set_aside_after_suit'
          ? setAsideAfter(w.servedOn as string)
          : w.kind === 'set_aside_employer'
            ? // An application whose review the worker's suit ended (SPC-1 Art. 21(1), `terminated`) does not meet the
              // window: it reads paused while the suit is pending, as when the suit came first (legalfixA H1).
              ctx.setAside?.result === 'terminated'
              ? null
              : (ctx.setAside?.filedOn ?? null)
            : sued;
      // The award (a mixed award: its final part) set aside, a worker's window to sue on it (LDMAL Art. 48) ends: there is
      // nothing left to sue on; the dispute goes to court within 15 days of the ruling instead (Art. 49(3),
      // `sue_after_set_aside`) — reviewer s45 M2.
      const setAsideOn = w.kind === 'sue_final_worker' && ctx.setAside?.result === 'set_aside' ? (ctx.setAside.decidedOn ?? null) : null;
      // SPC-1 Art. 21: while the worker's suit is pending the employer cannot apply (the intermediate court does not accept
      // it); the 30 days run again from the ruling that dismisses the suit or permits its withdrawal
      // (`set_aside_after_suit`) — the window reads paused, not open (reviewer legal M2).
      // legal53a H1: only a suit that holds the window (suitHoldsSetAside) — not a late one, nor one filed after it ended.
      // The window the employer's 30 days moved to (`superseded`, below) is the one a later suit holds; an after-suit
      // window is held, too, by another worker's suit filed while it ran (reviewer s53 A M2: else it read open while
      // RECORD_SET_ASIDE was refused, workflows/rules.ts setAsideAfterWorkerSuit).
      const workerSuit =
        (w.kind === 'set_aside_employer' || w.kind === 'set_aside_after_suit') && !met && !supersededOn(w)
          ? pendingSuitHoldingWindow(ctx, windows, w)
          : null;
      const held: Computed | null =
        workerSuit && w.computed
          ? {
              ...w.computed,
              explanation: `劳动者已于${workerSuit.filedOn}向人民法院起诉，中级人民法院不受理用人单位撤销裁决的申请，本期间暂停；起诉被驳回或者准许撤诉的，用人单位可自收到裁定书之日起三十日内申请撤销（最高人民法院劳动争议解释（一）第二十一条）。原期间：${w.computed.explanation}`,
            }
          : null;
      // SPC-1 Art. 21(2) (legal51b M2): the worker's suit ended by withdrawal or dismissal, the employer's 30 days run
      // from that ruling (`set_aside_after_suit`); the window from its receipt of the award, paused meanwhile, is
      // superseded — ended on the ruling's service, not open again beside the new one.
      const superseded = !met ? supersededOn(w) : null;
      add(w.kind, rule, w.servedOn, held ?? w.computed, met, 'party', {
        partyId: w.partyId,
        periodOnly: true,
        ...(held ? { paused: true } : {}),
        ...(met === sued && suit?.courtAccepted ? { docketed: true } : {}),
        label: `${rule.label}（当事人${w.partyId}）`,
        ...(superseded && !held
          ? {
              endedOn: superseded,
              endedNote: `劳动者的起诉已被人民法院裁定准予撤诉或驳回（裁定于${superseded}送达），用人单位申请撤销裁决的期间改为自收到该裁定之日起三十日，见“劳动者撤诉或起诉被驳回后用人单位申请撤销终局裁决期间”，本期间不再计算（最高人民法院劳动争议解释（一）第二十一条）。`,
            }
          : {}),
        ...(setAsideOn
          ? {
              endedOn: setAsideOn,
              endedNote: `${ctx.award.finality === 'mixed' ? '终局裁决部分' : '终局裁决'}已于${setAsideOn}被人民法院裁定撤销，不再就其起诉；当事人可自收到撤销裁定之日起十五日内就该劳动争议事项向人民法院起诉（劳动争议调解仲裁法第四十九条第三款）。`,
            }
          : {}),
      });
    }
    // LDMAL Art. 49(3): after the award is set aside, either party may sue within 15 days of receiving the ruling.
    if (ctx.setAside?.result === 'set_aside') {
      const on = ctx.setAside.servedOn ?? (ctx.setAside.decidedOn as string);
      for (const party of signingParties(ctx)) {
        // A suit after the ruling: against the award's remains in court, or on the set-aside matters recorded while the
        // non-final part is effective (`setAside.lawsuits`, reviewer s46).
        const sued = [...ctx.lawsuits, ...(ctx.setAside.lawsuits ?? [])].find(
          (l) => l.partyId === party.id && l.filedOn >= (ctx.setAside?.decidedOn as string),
        )?.filedOn;
        add(
          'sue_after_set_aside',
          P.sue_after_set_aside,
          on,
          computePeriod(cal, P.sue_after_set_aside, on, '收到撤销裁决裁定之日'),
          sued ?? null,
          'party',
          { partyId: party.id, periodOnly: true, label: `${P.sue_after_set_aside.label}（当事人${party.id}）` },
        );
      }
    }
    // A mixed award whose final part was set aside: its non-final part still takes effect under LDMAL Art. 50 (s45 M2).
    if (
      (ctx.setAside?.result !== 'set_aside' || ctx.award.finality === 'mixed') &&
      !(ctx.courtOutcomes ?? []).some((o) => o.outcome === 'judgment' || o.outcome === 'dismissed_no_effect') &&
      // LDMAL Art. 48 (legal49a H1): a final award every worker sued on is in force for nobody while the suits stand.
      finalAwardNonSuers(ctx)?.length !== 0
    ) {
      const eff = effectiveDate(ctx, windows);
      add(
        'effective',
        {
          days: 0,
          unit: 'calendar',
          basis:
            ctx.award.finality === 'final'
              ? 'LDMAL Art. 47'
              : `${ctx.award.finality === 'mixed' ? (ctx.setAside?.result === 'set_aside' ? 'LDMAL Arts. 49, 50' : 'LDMAL Arts. 47, 50') : 'LDMAL Art. 50'}${reviving(ctx).length ? '; SPC-2000' : ''}`,
          label: ctx.setAside?.result === 'set_aside' ? '非终局裁决生效日期' : '裁决生效日期',
        },
        ctx.award.issuedOn,
        eff,
        // A final award took effect the day it was made (LDMAL Art. 47; `effectiveOn` recorded then): met, not elapsed
        // (legal51a L3).
        ctx.effectiveOn ?? null,
        'clerk',
        { periodOnly: true },
      );
    }
    // SPC-1 Art. 17: some workers sued, the employer did not — the award takes effect for each worker who did not sue.
    // legal51b H3: once the suits ended without a judgment, each worker's own date stays (a withdrawal ruling served after
    // the windows dates only its own party's effect, SPC-2000 Art. 1) — the award as a whole takes effect on the last.
    const split = separateEffect(ctx);
    for (const partyId of split ? (split.employerSued ? [] : split.workers) : workersAfterSuits(ctx, windows)) {
      const c = partyEffectiveDate(ctx, windows, partyId);
      add(
        'effective',
        { days: 0, unit: 'calendar', basis: 'LDMAL Art. 50; SPC-1 Art. 17', label: `裁决对当事人${partyId}的生效日期` },
        ctx.award.issuedOn,
        c,
        effectiveForParty(ctx, partyId) ?? (ctx.effectiveOn && c.dueOn && c.dueOn <= ctx.effectiveOn ? c.dueOn : null),
        'clerk',
        { partyId, periodOnly: true, label: `裁决对当事人${partyId}的生效日期` },
      );
    }
  }
  addedDeadlines(ctx, cal, P, add, closedOn);
  return out;
}

/**
 * The day the award takes effect. Final: the day it is made (LDMAL Art. 47). Non-final (and the non-final part of a
 * mixed award): the day after every party's 15-day window (LDMAL Art. 50); after a suit is withdrawn with the court's
 * permission, from service of the ruling (SPC-2000 Art. 1) — reading: not before the windows of the parties who did
 * not sue have ended; after a suit is dismissed as out of time, from the day after the suing period (SPC-2000 Art. 2).
 */
function effectiveDate(ctx: MachineContext, windows: PartyWindow[]): Computed {
  const award = ctx.award as NonNullable<MachineContext['award']>;
  if (award.finality === 'final') {
    return {
      dueOn: award.issuedOn,
      explanation: `终局裁决自作出之日（${award.issuedOn}）起发生法律效力（劳动争议调解仲裁法第四十七条）。`,
    };
  }
  // SPC-1 Art. 16: while a suit is pending, the award does not take effect — for the workers who did not sue, see
  // partyEffectiveDate (SPC-1 Art. 17).
  if (pendingSuits(ctx).length > 0) {
    const split = separateEffect(ctx);
    const others =
      split && !split.employerSued && split.workers.length
        ? `对未起诉的劳动者（当事人${split.workers.join('、')}）裁决分别发生法律效力，见其各自的生效日期（最高人民法院劳动争议解释（一）第十七条）；`
        : '';
    return {
      dueOn: null,
      explanation: `当事人已向人民法院起诉，裁决暂不发生法律效力；${others}法院准予撤诉或以超过起诉期间驳回起诉后，按最高人民法院2000年批复重新计算生效日期。`,
    };
  }
  // Every party's window on the non-final award or part, spent ones included: SPC-2000 dates from them.
  const sue = windows.filter((w) => w.kind === 'sue_non_final');
  if (sue.some((w) => !w.computed)) return { dueOn: null, explanation: '裁决书尚未送达全体当事人，生效日期待定。' };
  const setAsideOn = ctx.setAside?.result === 'set_aside' ? ctx.setAside.decidedOn : null;
  const note =
    award.finality === 'mixed' && setAsideOn
      ? `（终局部分已于${setAsideOn}被人民法院裁定撤销，劳动争议调解仲裁法第四十九条；非终局部分不受影响，须待每一方当事人——包括劳动者——的起诉期间均届满，劳动争议调解仲裁法第五十条）`
      : award.finality === 'mixed'
        ? `（终局部分自作出之日（${award.issuedOn}）起生效，劳动争议调解仲裁法第四十七条；非终局部分须待每一方当事人——包括劳动者——的起诉期间均届满。用人单位申请撤销终局部分的期间不影响生效：申请撤销只中止执行，最高人民法院劳动争议解释（一）第二十五条）`
        : '';
  const provisional = sue.some((w) => w.computed?.provisional);
  const years = [...new Set(sue.flatMap((w) => w.computed?.years ?? []))].sort();
  const lastOf = (ws: PartyWindow[]) =>
    ws
      .map((w) => w.computed?.dueOn as string)
      .sort()
      .at(-1);
  // legal51a H1: every suit ended counts, in whatever order the rulings were entered. The award was held back while any
  // suit was pending (SPC-1 Art. 16); a withdrawal gives it effect from service of its ruling (SPC-2000 Art. 1), an
  // out-of-time dismissal from the day after the suing period (Art. 2): the effect is the latest of these days.
  const withdrawals = reviving(ctx).filter((o) => o.outcome === 'withdrawal_permitted');
  const outcome = reviving(ctx).at(-1);
  let c: Computed;
  if (withdrawals.length) {
    const withdrawn = new Set(withdrawals.flatMap((o) => o.partyIds));
    const others = lastOf(sue.filter((w) => !withdrawn.has(w.partyId)));
    const served = withdrawals.map((o) => o.servedOn).sort();
    const on = [...(others ? [addDays(others, 1)] : []), ...served].sort().at(-1) as string;
    const rulings = served.length > 1 ? `各准予撤诉裁定分别于${served.join('、')}送达` : `裁定送达之日（${served[0]}）`;
    c = {
      dueOn: on,
      explanation: `人民法院裁定准予撤诉，裁决自${rulings}起发生法律效力（最高人民法院2000年批复第一条）；起诉期间任何一方的起诉未结，裁决不发生法律效力（最高人民法院劳动争议解释（一）第十六条）${others ? `；其他当事人的起诉期间于${others}届满` : ''}，生效日为${on}${note}。`,
    };
  } else if (outcome?.outcome === 'dismissed_out_of_time') {
    const last = lastOf(sue) as string;
    c = {
      dueOn: addDays(last, 1),
      explanation: `起诉超过期间被裁定驳回，裁决自起诉期间届满之次日（${addDays(last, 1)}）起恢复法律效力（最高人民法院2000年批复第二条）${note}。`,
    };
  } else {
    const last = lastOf(sue) as string;
    const on = addDays(last, 1);
    c = {
      dueOn: on,
      // The note of a mixed award cites Art. 50 already: not twice (reviewer legal L3).
      explanation: `各方当事人起诉期间最晚于${last}届满，期满未起诉的，裁决自${on}起发生法律效力${note}${note.includes('第五十条') ? '' : '（劳动争议调解仲裁法第五十条）'}。`,
    };
  }
  return provisional ? asProvisional(c, years, 'calendar') : c;
}

/**
 * SPC-1 Art. 17; SPC-2000 Arts. 1–2 (legal51b H3): the workers each with an effect date of their own after every suit on a
 * non-final award ended without a judgment or a finding of no effect — listed when their dates differ (a worker's suit
 * withdrawn by a ruling served after the windows: his effect dates from its service, the others' from the windows' end).
 * Empty otherwise: the award's one `effective` date says it all.
 */
export function workersAfterSuits(ctx: MachineContext, windows: PartyWindow[]): number[] {
  const award = ctx.award;
  if (!award || award.finality === 'final' || ctx.closure?.mode !== 'award' || ctx.setAside?.result === 'set_aside') return [];
  if (!ctx.lawsuits.length || pendingSuits(ctx).length) return [];
  if ((ctx.courtOutcomes ?? []).some((o) => o.outcome === 'judgment' || o.outcome === 'dismissed_no_effect')) return [];
  const workers = signingParties(ctx)
    .filter((x) => isWorkerId(ctx, x.id))
    .map((x) => x.id);
  if (workers.length < 2) return [];
  const whole = effectiveDate(ctx, windows).dueOn;
  const dates = workers.map((id) => partyEffectiveDate(ctx, windows, id).dueOn);
  return whole && dates.every(Boolean) && dates.some((d) => d !== whole) ? workers : [];
}

/**
 * SPC-1 Art. 17: the day a non-final award (or a mixed award's non-final part) takes effect for a worker who did not sue
 * while other workers did: the day after the last of that worker's own window and the employer side's windows to sue
 * (LDMAL Art. 50) — the other workers' windows and suits do not hold it back.
 */
function partyEffectiveDate(ctx: MachineContext, windows: PartyWindow[], partyId: number): Computed {
  const award = ctx.award as NonNullable<MachineContext['award']>;
  // A mixed award none of whose non-final items is this worker's: his part is final, effective the day it was made
  // (LDMAL Art. 47); nothing of the non-final document holds it back (SPC-1 Art. 17).
  if (award.finality === 'mixed' && !windows.some((w) => w.partyId === partyId && w.kind === 'sue_non_final')) {
    // A worker none of whose claims the award decides (other workers' own claims only): neither part is his to sue on.
    if (!windows.some((w) => w.partyId === partyId))
      return {
        dueOn: award.issuedOn,
        explanation: `本裁决未涉及当事人${partyId}的请求事项，其本人无起诉期间；对其生效日期记为裁决作出之日（${award.issuedOn}）（劳动争议调解仲裁法第四十七条、第五十条；最高人民法院劳动争议解释（一）第十七条）。`,
      };
    return {
      dueOn: award.issuedOn,
      explanation: `本裁决中涉及当事人${partyId}的事项均为终局裁决，自作出之日（${award.issuedOn}）起对其发生法律效力（劳动争议调解仲裁法第四十七条；最高人民法院劳动争议解释（一）第十七条）。`,
    };
  }
  // The employer side's windows and a third party's (fixK56 #1: bound by the non-final award, LDMAL Art. 50).
  const employers = new Set(
    awardParties(ctx)
      .filter((x) => x.side === 'third_party' || isEmployerParty(ctx, x))
      .map((x) => x.id),
  );
  const sue = windows.filter((w) => w.kind === 'sue_non_final' && (w.partyId === partyId || employers.has(w.partyId)));
  if (!sue.length || sue.some((w) => !w.computed?.dueOn)) {
    return { dueOn: null, explanation: `裁决书尚未送达当事人${partyId}或用人单位，对其生效日期待定。` };
  }
  const last = sue
    .map((w) => w.computed?.dueOn as string)
    .sort()
    .at(-1) as string;
  const note = award.finality === 'mixed' ? `（终局部分自作出之日（${award.issuedOn}）起生效，劳动争议调解仲裁法第四十七条）` : '';
  // His own suit ended without a judgment (legal50c H1): withdrawn with the court's permission, the award takes effect
  // for him from service of the ruling (SPC-2000 Art. 1) — not before the windows have ended; dismissed as out of time,
  // from the day after the suing period (SPC-2000 Art. 2). While it was pending it had no effect for him (SPC-1 Art. 16).
  const own = reviving(ctx)
    .filter((o) => o.partyIds.includes(partyId))
    .at(-1);
  // legal51b H2: the employer's suit held the award back for every worker while pending (SPC-1 Art. 16); withdrawn, the
  // award takes effect from service of that ruling (SPC-2000 Art. 1) — for him too, not from the end of the windows.
  const employerWithdrawals = reviving(ctx).filter(
    (o) => o.outcome === 'withdrawal_permitted' && o.partyIds.some((id) => employers.has(id)),
  );
  const windowsEnd = addDays(last, 1);
  const employerServed =
    employerWithdrawals
      .map((o) => o.servedOn)
      .sort()
      .at(-1) ?? null;
  const employerNote = employerServed
    ? `；用人单位的起诉在裁定送达前裁决对任何当事人均不发生法律效力，准予用人单位撤诉的裁定于${employerServed}送达（最高人民法院劳动争议解释（一）第十六条；最高人民法院2000年批复第一条）`
    : '';
  let c: Computed;
  if (own?.outcome === 'withdrawal_permitted') {
    const on = [windowsEnd, own.servedOn, ...(employerServed ? [employerServed] : [])].sort().at(-1) as string;
    c = {
      dueOn: on,
      explanation: `人民法院裁定准予当事人${partyId}撤诉，裁决自裁定送达之日（${own.servedOn}）起对其发生法律效力（最高人民法院2000年批复第一条）；其本人与用人单位的起诉期间于${last}届满${employerNote}，生效日为${on}，其可申请强制执行${note}（最高人民法院劳动争议解释（一）第十七条）。`,
    };
  } else if (employerServed && employerServed > windowsEnd) {
    c = {
      dueOn: employerServed,
      explanation: `当事人${partyId}${own ? '的起诉超过期间被裁定驳回' : '未向人民法院起诉'}；其本人与用人单位的起诉期间最晚于${last}届满${employerNote}，裁决自${employerServed}起对其发生法律效力，其可申请强制执行${note}（劳动争议调解仲裁法第五十条；最高人民法院劳动争议解释（一）第十七条）。`,
    };
  } else if (own?.outcome === 'dismissed_out_of_time') {
    c = {
      dueOn: windowsEnd,
      explanation: `当事人${partyId}的起诉超过期间被裁定驳回，裁决自起诉期间届满之次日（${windowsEnd}）起对其恢复法律效力（最高人民法院2000年批复第二条），其可申请强制执行${note}（最高人民法院劳动争议解释（一）第十七条）。`,
    };
  } else {
    c = {
      dueOn: windowsEnd,
      explanation: `当事人${partyId}未向人民法院起诉；其本人与用人单位的起诉期间最晚于${last}届满，期满未起诉的，裁决自${windowsEnd}起对其发生法律效力，其可申请强制执行${note}（劳动争议调解仲裁法第五十条；最高人民法院劳动争议解释（一）第十七条）。其他劳动者起诉的，裁决对起诉的劳动者不发生法律效力。`,
    };
  }
  const years = [...new Set(sue.flatMap((w) => w.computed?.years ?? []))].sort();
  return sue.some((w) => w.computed?.provisional) ? asProvisional(c, years, 'calendar') : c;
}

/** Options for facts whose reading of the law is configurable (app/config.ts). */
export interface FactOptions {
  /** ABSENCE_NOTICE_TIMELY: a default award / deemed withdrawal needs the notice served the full notice period ahead. */
  absenceNoticeTimely?: boolean;
  /** MEDIATION_DOCUMENT_BY_POST: a 调解书 may be served by post (SPC CPL Interpretation Art. 133 read strictly: no). */
  mediationDocumentByPost?: boolean;
  /** INTERMEDIATE_COURT: the intermediate people's court where the commission sits (LDMAL Art. 49; RECORD_SET_ASIDE). */
  intermediateCourt?: string;
}

/**
 * CPL Art. 95: a document served by public notice is deemed served when 30 days have passed from publication
 * (自发出公告之日起，经过三十日，即视为送达). The day of publication is not counted (CPL Art. 85(2)): published 03-06, the
 * 30th day is 04-05, and that is the service day — the defense period (LDMAL Art. 30) and the suing windows run from
 * it (day 0), and the interval publication…deemed day is excluded from the award clock (Rules Art. 46(6)).
 * Reading: the deemed day is not a last day on which a party must act, so it is not moved off a rest day (the periods
 * that run from it are, CPL Art. 85(3)); `rollOver: true` in PERIODS_OVERRIDE moves it. A working-day unit (also an
 * override) counts working days.
 * The same computation deems a document left (留置) or posted (张贴) at the addressee's domicile served 3 days after
 * (Rules Art. 20 [R]; periods `deemed_service_left` / `deemed_service_posted`, working days by default, Rules Art. 80).
 */
export function deemedServiceDay(cal: OfficialCalendar, rule: PeriodRule, publishedOn: string): string {
  if (rule.unit === 'working') return cal.addWorkingDays(publishedOn, rule.days).dueOn;
  return rule.rollOver ? cal.addCalendarDays(publishedOn, rule.days).dueOn : addDays(publishedOn, rule.days);
}

/**
 * The facts an event's guards need, computed on the official calendar; where a date falls in a year without official
 * data it is computed provisionally (weekends and law-fixed holidays only) and `facts.provisional` names the year (api.md v1.1).
 */
export function computeFacts(
  ctx: MachineContext,
  ev: Pick<ProcEvent, 'type' | 'occurredOn' | 'payload'>,
  cal: OfficialCalendar,
  periods: Periods,
  opts: FactOptions = {},
): { facts: Facts; missingYear?: number } {
  const facts: Facts = {};
  const view = cal.provisionalView();
  const years = new Set<number>();
  const track = <T extends Computed | null | undefined>(c: T): T => {
    for (const y of c?.years ?? []) years.add(y);
    return c;
  };
  const rule = (r: Rule) => ({ days: r.days, unit: r.unit });
  switch (ev.type) {
    case 'RECORD_SET_ASIDE':
      if (opts.intermediateCourt) facts.intermediateCourt = opts.intermediateCourt;
      break;
    case 'APPLY_ENFORCEMENT': {
      // LDMAL Art. 50 (legal49a M5): a non-final partial award takes effect when every party's window on it has run.
      const n = ev.payload.partialAward;
      if (typeof n !== 'number') {
        // SPC-1 Art. 17; LDMAL Art. 50 (legal52a M3): a worker who did not sue while others did — the award is in force
        // for him once his and the employer side's windows ran, on the date his `effective` deadline shows.
        const split = separateEffect(ctx);
        const partyId = ev.payload.partyId;
        if (split && !split.employerSued && typeof partyId === 'number' && split.workers.includes(partyId)) {
          const c = track(partyEffectiveDate(ctx, challengeWindows(ctx, view, periods), partyId));
          facts.partyEffectiveOn = c.provisional ? null : c.dueOn;
        }
        break;
      }
      const windows = (partialAwardWindows(ctx, view, periods)[n - 1]?.windows ?? []).filter((w) => w.kind === 'sue_non_final');
      for (const w of windows) track(w.computed);
      const known = windows.length > 0 && windows.every((w) => w.computed?.dueOn && !w.computed.provisional);
      facts.partialWindowsEndOn = known
        ? (windows
            .map((w) => w.computed?.dueOn as string)
            .sort()
            .at(-1) as string)
        : null;
      break;
    }
    case 'RECORD_LAWSUIT': {
      // LDMAL Art. 48: the worker's 15 days on a final award (part), from his receipt — whether a suit met them decides
      // whether it ends a pending set-aside (SPC-1 Art. 21(1)) or takes an award under enforcement back to court.
      const partyId = ev.payload.partyId;
      if (typeof partyId !== 'number') break;
      // A suit on a partial award (legalfixA H2) meets that award's windows, from its own service.
      const n = ev.payload.partialAward;
      const windows =
        typeof n === 'number' ? (partialAwardWindows(ctx, view, periods)[n - 1]?.windows ?? []) : challengeWindows(ctx, view, periods);
      const w = windows.find((x) => x.partyId === partyId && x.kind === 'sue_final_worker');
      const c = w?.computed;
      const filedOn = typeof ev.payload.filedOn === 'string' ? ev.payload.filedOn : ev.occurredOn;
      if (c?.dueOn && !c.provisional) {
        facts.finalSuitDueOn = c.dueOn;
        facts.finalSuitTimely = filedOn <= c.dueOn;
      }
      break;
    }
    case 'EXTEND_TIME_LIMIT':
    case 'CONVERT_TO_ORDINARY':
    case 'TERMINATE': {
      const c = track(awardClock(ctx, view, periods, ev.occurredOn));
      facts.awardDueOn = c?.dueOn ?? null;
      if (ev.type === 'EXTEND_TIME_LIMIT' && ctx.track !== 'review' && !currentExtension(ctx) && Number.isInteger(ev.payload.days)) {
        facts.maxExtensionDays = periods.extension.days;
        const extension = { days: ev.payload.days as number, approvedOn: ev.occurredOn };
        const extended = { ...ctx, extension, extensionRestarts: ctx.clockRestarts.length };
        facts.extendedDueOn = track(awardClock(extended, view, periods, ev.occurredOn))?.dueOn ?? null;
      } else if (ev.type === 'EXTEND_TIME_LIMIT') facts.maxExtensionDays = periods.extension.days;
      // Approved before a restart the record holds (entered late): the period it was approved in — the one the restart
      // superseded — must still have been running (LDMAL Art. 43(1); reviewer s51 M3). Its last day, without extension.
      if (ev.type === 'EXTEND_TIME_LIMIT') {
        const approvedOn = typeof ev.payload.approvedOn === 'string' ? ev.payload.approvedOn : ev.occurredOn;
        if (ctx.clockRestarts.some((r) => r.on > approvedOn)) {
          const then = {
            ...ctx,
            clockRestarts: ctx.clockRestarts.filter((r) => r.on <= approvedOn),
            extension: null,
            earlierExtensions: [],
          };
          facts.supersededDueOn = track(awardClock(then, view, periods, approvedOn))?.dueOn ?? null;
        }
      }
      break;
    }
    case 'SCHEDULE_HEARING':
      facts.hearingNoticeOk = leavesPeriodBefore(view, periods.hearing_notice, ev.occurredOn, ev.payload.hearingOn);
      facts.earliestHearingOn = firstDayAfterPeriod(view, periods.hearing_notice, ev.occurredOn);
      facts.earliestWorkingHearingOn = workingDayFrom(view, facts.earliestHearingOn);
      facts.noticePeriod = rule(periods.hearing_notice);
      if (periods.hearing_notice.keptInSimple) facts.noticeKeptInSimple = true;
      break;
    case 'POSTPONE_HEARING':
      if (ctx.hearing) {
        const requestedOn = (ev.payload.requestedOn as string | undefined) ?? ev.occurredOn;
        facts.postponementTimely = leavesPeriodBefore(view, periods.postponement_request, requestedOn, ctx.hearing.hearingOn);
        facts.postponementPeriod = rule(periods.postponement_request);
      }
      // LDMAL Art. 35: the new date, too, must leave the notice period after the decision.
      facts.hearingNoticeOk = leavesPeriodBefore(view, periods.hearing_notice, ev.occurredOn, ev.payload.hearingOn);
      facts.earliestHearingOn = firstDayAfterPeriod(view, periods.hearing_notice, ev.occurredOn);
      facts.earliestWorkingHearingOn = workingDayFrom(view, facts.earliestHearingOn);
      facts.noticePeriod = rule(periods.hearing_notice);
      if (periods.hearing_notice.keptInSimple) facts.noticeKeptInSimple = true;
      break;
    case 'SHORTEN_DEFENSE_PERIOD':
      facts.defensePeriod = rule(periods.defense);
      break;
    case 'FILE_COUNTERCLAIM': {
      const respondents = ctx.parties.filter((p) => p.side === 'respondent').map((p) => p.id);
      const served = firstService(ctx, ['application_copy', 'respond_notice'], respondents);
      const filedOn = (ev.payload.filedOn as string | undefined) ?? ev.occurredOn;
      if (!served) facts.defensePeriodOpen = true;
      else {
        const due = track(computePeriod(view, defenseRule(ctx, periods), served, '被申请人收到申请书副本之日')).dueOn;
        facts.defenseDueOn = due;
        facts.defensePeriodOpen = due !== null && filedOn <= due;
      }
      // Rules Art. 44: a change of claims accepted gives the respondent a new defense period (unless it waived it),
      // and a counterclaim is filed within the defense period (Rules Art. 36) — that one too. Zhongcai's reading: the
      // Rules do not limit it to the claims changed.
      const change = changeToAnswer(ctx);
      if (facts.defensePeriodOpen === false && change && !change.respondentWaivesDefense && filedOn >= change.on) {
        const dates = respondents.map((id) => servedOnAfter(ctx, id, ['claims_change_copy'], change.on));
        const since = dates.every(Boolean) ? (dates.sort().at(-1) as string) : null;
        const again = since ? track(computePeriod(view, periods.defense, since, '被申请人收到变更后的仲裁请求之日')).dueOn : null;
        // The later period is the one the refusal names.
        if (again !== null) facts.defenseDueOn = again;
        if (!since || (again !== null && filedOn <= again)) facts.defensePeriodOpen = true;
      }
      break;
    }
    case 'SERVE': {
      // Public notice (CPL Art. 95), leaving or posting (Rules Art. 20 [R]): served on a deemed day after the act.
      const deemed = DEEMED_SERVICE[ev.payload.method as string];
      if (deemed) {
        const actOn = (ev.payload.servedOn as string | undefined) ?? ev.occurredOn;
        facts.deemedServedOn = deemedServiceDay(view, periods[deemed], actOn);
      }
      if (ev.payload.document === 'mediation_document') facts.mediationDocumentByPost = opts.mediationDocumentByPost === true;
      break;
    }
    case 'ISSUE_AWARD':
    case 'PARTIAL_AWARD':
    case 'DEEM_WITHDRAWN': {
      const held = ctx.hearingsHeld.at(-1);
      if (!held || !opts.absenceNoticeTimely) break;
      // Rules Arts. 59–60 (reviewer s49 M1): a hearing set under simple handling has no notice period — a notice proven
      // served before it (absentNotices) is enough, as the deadlines keep no hearing_notice for it.
      const setOn = ctx.hearing ? hearingDateSetOn(ctx) : null;
      // s62 B #1: unless the commission keeps the notice period in simple handling (hearing_notice.keptInSimple).
      if (
        !periods.hearing_notice.keptInSimple &&
        setOn &&
        (ctx.procedure === 'simple' || (ctx.conversion != null && ctx.conversion.on > setOn))
      )
        break;
      facts.noticePeriod = rule(periods.hearing_notice);
      const side = ev.type === 'DEEM_WITHDRAWN' ? 'applicant' : 'respondent';
      facts.absenceNoticeLate = absentNotices(ctx)
        .filter((n) => n.side === side && n.servedOn && !leavesPeriodBefore(view, periods.hearing_notice, n.servedOn, held.heldOn))
        .map((n) => n.partyId);
      break;
    }
    case 'MARK_EFFECTIVE': {
      const windows = challengeWindows(ctx, view, periods);
      // SPC-1 Art. 17: for one worker who did not sue, that worker's and the employer's windows are judged.
      const split = separateEffect(ctx);
      const partyId = ev.payload.partyId as number | undefined;
      if (split && partyId !== undefined && split.workers.includes(partyId)) {
        const c = track(partyEffectiveDate(ctx, windows, partyId));
        facts.challengeWindowsClosed = c.dueOn !== null && ev.occurredOn >= c.dueOn;
        facts.effectiveOn = c.dueOn;
        break;
      }
      // Only the windows that hold the award back are judged (a mixed award's set-aside window is not one of them).
      for (const w of holdingWindows(ctx.award?.finality, windows)) track(w.computed);
      facts.challengeWindowsClosed = windowsClosed(ctx.award?.finality, windows, ev.occurredOn);
      facts.effectiveOn = ctx.award?.finality === 'final' ? ctx.award.issuedOn : effectiveDate(ctx, windows).dueOn;
      // legal49a L1: a final award's refusal names the last day of the windows it waits for (LDMAL Arts. 48–49).
      const ends = holdingWindows(ctx.award?.finality, windows).map((w) => w.computed?.dueOn);
      if (ctx.award?.finality === 'final' && ends.length && ends.every(Boolean)) facts.windowsEndOn = (ends as string[]).sort().at(-1);
      break;
    }
    case 'RECORD_COURT_OUTCOME': {
      // The award as it would stand after the ruling: may it take effect at once (SPC-2000 Arts. 1–2)?
      const next = { ...ctx, courtOutcomes: [...(ctx.courtOutcomes ?? []), courtOutcomeRecord(ctx, ev as ProcEvent)] };
      const windows = challengeWindows(next, view, periods);
      const holding = holdingWindows(next.award?.finality, windows);
      for (const w of holding) track(w.computed);
      // Legal effect is recorded on exact dates only; a provisional window leaves the award in its windows.
      facts.challengeWindowsClosed =
        windowsClosed(next.award?.finality, windows, ev.occurredOn) && !holding.some((w) => w.computed?.provisional);
      facts.effectiveOn = next.award?.finality === 'final' ? next.award.issuedOn : effectiveDate(next, windows).dueOn;
      break;
    }
    case 'REFER_TO_ARBITRATION': {
      const c = track(computePeriod(view, periods.mediation, ctx.receivedOn, '调解组织收到调解申请之日'));
      facts.mediationLimitPassed = c.dueOn !== null && ev.occurredOn > c.dueOn;
      facts.mediationPeriod = rule(periods.mediation);
      break;
    }
  }
  Object.assign(facts, addedFacts(ctx, ev, view, periods));
  for (const y of view.assumed) years.add(y);
  if (years.size) facts.provisional = { years: [...years].sort((a, b) => a - b) };
  return { facts };
}

export { MONETARY_FINAL_CATEGORIES };

// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Round 2 (issue 11 "Missing"): deadlines and facts of the added procedures.
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────

type AddDeadline = (
  kind: PeriodKind | string,
  rule: { days: number; unit: Unit; basis: string; label: string },
  startsOn: string | null,
  c: Computed | null,
  metOn: string | null,
  assignee: Assignee,
  opts?: { paused?: boolean; partyId?: number; label?: string; periodOnly?: boolean; endedOn?: string | null },
) => void;

/**
 * A computation on the calendar that may reach a year without official data: shown as unknown, never guessed. (The
 * one place to switch to provisional dates, api.md v1.1, for the added deadlines.)
 */
function guarded(cal: OfficialCalendar, fn: (cal: OfficialCalendar) => Computed): Computed {
  const { value, years } = onView(cal, fn);
  return asProvisional(value, years, 'calendar');
}

/** A last day fixed by a decision (not counted in days): rolled forward when it is a rest day (CPL Art. 85(3)). */
function fixedLastDay(cal: OfficialCalendar, day: string, what: string): Computed {
  return guarded(cal, (cal) => {
    const r = cal.rollForward(day);
    const rolled = r.rolledOver.length ? `；该日为${restWord(r.rolledOver)}，顺延至其后第一个工作日${r.dueOn}` : '';
    return { dueOn: r.dueOn, explanation: `${what}为${day}${rolled}。` };
  });
}

/** The first service on a party of one of `docs`, on or after `from`. */
const servedOnAfter = (ctx: MachineContext, partyId: number, docs: string[], from: string) =>
  ctx.services
    .filter((s) => s.partyId === partyId && docs.includes(s.document) && s.servedOn >= from)
    .map((s) => s.servedOn)
    .sort()[0] ?? null;

/** Rules Art. 76: 5 (working) days from acceptance of the review, +5 once with approval. */
export function reviewClock(ctx: MachineContext, cal: OfficialCalendar, periods: Periods): Computed | null {
  const r = ctx.review;
  if (!r?.acceptedOn) return null;
  const ext = r.extension?.days ?? 0;
  const c = computePeriod(cal, { days: periods.review.days + ext, unit: periods.review.unit }, r.acceptedOn, '受理仲裁审查申请之日');
  if (ext) c.explanation = `经批准延长${ext}日（${r.extension?.on}）；${c.explanation}`;
  return c;
}

/** The day an application counts as filed: its postmark where one is recorded, else receipt (CPL Art. 85(4)). */
export const filedOnOf = (ctx: Pick<MachineContext, 'receivedOn' | 'postmarkOn'>): string =>
  ctx.postmarkOn && ctx.postmarkOn < ctx.receivedOn ? ctx.postmarkOn : ctx.receivedOn;

function reviewDeadlines(ctx: MachineContext, cal: OfficialCalendar, P: Periods, add: AddDeadline): void {
  const r = ctx.review;
  if (!r) return;
  // Rules Art. 74: both parties apply within 15 days of the agreement taking effect; receipt is the later filing, and a
  // posted application is filed on its postmark date (CPL Art. 85(4)).
  const filedOn = filedOnOf(ctx);
  const c = computePeriod(cal, P.review_filing, r.agreement.effectiveOn, '调解协议生效之日');
  if (filedOn !== ctx.receivedOn) c.explanation += `邮寄申请以邮戳日期${filedOn}为提出之日（${ctx.receivedOn}收到，在途时间不计入期间）。`;
  // Rules Art. 75(4) (med50 M5; med51 L2): whatever the period, an agreement confirming a labor relationship is not
  // accepted for review (ACCEPT_REVIEW refuses it, 'review-confirms-relationship') — no review period is shown for it,
  // as on the mediation track; judicial confirmation remains.
  if (!ctx.claims.some((x) => x.category === 'confirm_relationship'))
    add('review_filing', P.review_filing, r.agreement.effectiveOn, c, filedOn, 'party');
  const clock = reviewClock(ctx, cal, P);
  if (clock) {
    const done = r.confirmation?.on ?? r.refusal?.on ?? null;
    add('review', { ...P.review, days: P.review.days + (r.extension?.days ?? 0) }, r.acceptedOn, clock, done, 'tribunal', {
      endedOn: ctx.closure?.closedOn ?? null,
    });
  }
}

/** The start of the enforcement window: the last day of the performance period, or the effective date (CPL Art. 250). */
function enforcementStart(
  ctx: MachineContext,
  forParty?: { partyId: number; effectiveOn: string; note?: string },
): { on: string; what: string; note?: string } | null {
  const mode = ctx.closure?.mode;
  if (mode === 'mediation' || mode === 'review_confirmed') {
    // CPL Art. 250(2): from the last day of the performance period the 调解书 states (分期履行: the last instalment's);
    // from the day it takes effect (both signatures, LDMAL Art. 42(3); Rules Art. 77) only when it states none. The
    // terms are free text: the day is the one recorded with the agreement (MEDIATION_AGREED / CONFIRM_AGREEMENT
    // `performanceDueOn`), and when none was recorded the list says it counted from the effective day and why.
    const effectiveOn = ctx.closure?.closedOn as string;
    const due = mode === 'mediation' ? ctx.mediation?.performanceDueOn : ctx.review?.confirmation?.performanceDueOn;
    if (!due)
      return {
        on: effectiveOn,
        what: '调解书生效之日（双方签收）',
        note: '调解书载明履行期限的，自履行期限最后一日起计算（分期履行的，自最后一期履行期限届满之日起计算）；本案未录入履行期限，暂按调解书未载明履行期限、自生效之日起计算。调解书载明履行期限的，请录入履行期限（达成调解协议时的“履行期限届满之日”）。',
      };
    // A performance period ending before the document took effect (signed late): nothing can be enforced before it does.
    if (due < effectiveOn)
      return {
        on: effectiveOn,
        what: '调解书生效之日（双方签收）',
        note: `调解书载明的履行期限已于${due}届满，早于调解书生效之日，期间自生效之日起计算。`,
      };
    return { on: due, what: `调解书规定的履行期间最后一日（调解书于${effectiveOn}生效）` };
  }
  // LDMAL Arts. 47, 51: a mixed award's final part is enforceable from the day it is made, before its non-final part takes
  // effect (reviewer legal H2: no enforcement_application deadline while the non-final windows ran).
  const finalOnly = mode === 'award' && !ctx.effectiveOn && finalPartInForce(ctx);
  // An award set aside as a whole has nothing left to enforce (LDMAL Art. 49); a mixed award whose final part alone was
  // set aside keeps its non-final part, enforced once effective (LDMAL Arts. 50–51; CPL Art. 250) — legalfixA M1.
  if (!finalOnly && (mode !== 'award' || !ctx.award || !(ctx.effectiveOn || forParty) || setAsideWhole(ctx))) return null;
  // LDMAL Art. 48 (legal49a H1): a final award every worker sued on (pending, or replaced by the court's judgment) has
  // nobody to enforce it.
  if (finalAwardNonSuers(ctx)?.length === 0) return null;
  const award = ctx.award as NonNullable<MachineContext['award']>;
  // The performance period is the one the award prints: an item ordering a payment without `paymentDays` reads
  // DEFAULT_PAYMENT_DAYS, like the document (templates/kinds.ts rulingItem).
  const payDays = (i: (typeof award.items)[number]): number | null => {
    const recorded = (i as { paymentDays?: number | null }).paymentDays;
    if (recorded !== null && recorded !== undefined) return recorded;
    return i.outcome !== 'dismissed' && i.amount && Number(i.amount) > 0 ? DEFAULT_PAYMENT_DAYS : null;
  };
  const from = (effectiveOn: string, items: typeof award.items, what: string) => {
    const days = items.map(payDays).filter((d): d is number => d !== null && Number.isInteger(d) && d >= 0);
    if (!days.length) return { on: effectiveOn, what: `${what}生效之日` };
    const max = Math.max(...days);
    const defaulted = items.some((i) => (i as { paymentDays?: number | null }).paymentDays == null && payDays(i) !== null);
    const note = defaulted ? `；未另定履行期限的给付项按裁决书所载${DEFAULT_PAYMENT_DAYS}日计` : '';
    return { on: addDays(effectiveOn, max), what: `${what}规定的履行期间最后一日（生效之日${effectiveOn}起${max}日${note}）` };
  };
  if (finalOnly)
    return {
      ...from(award.issuedOn, itemsPart(award.items, true), '终局部分'),
      note: '非终局部分尚未生效，其申请执行期间自其生效后另行计算（劳动争议调解仲裁法第四十七条、第五十条）。',
    };
  // legal51b H3: a worker's own effect date (SPC-1 Art. 17) starts his own two years, on his own items.
  // legal53a M1: a final award's too, for each worker it is in force for (finalAwardOwnEffect).
  if (forParty && award.finality !== 'mixed') {
    const mine = award.items.filter((i) => {
      const owner = claimOwner(ctx, i.claimId);
      return owner === null || owner === forParty.partyId;
    });
    return { ...from(forParty.effectiveOn, mine, `裁决对当事人${forParty.partyId}`), note: forParty.note };
  }
  if (award.finality !== 'mixed') return from(ctx.effectiveOn as string, award.items, '裁决');
  if (ctx.setAside?.result === 'set_aside')
    return {
      ...from(ctx.effectiveOn as string, itemsPart(award.items, false), '非终局部分'),
      note: `终局部分已于${ctx.setAside.decidedOn ?? ''}被人民法院裁定撤销，仅非终局部分可申请执行（劳动争议调解仲裁法第四十九条、第五十一条）。`,
    };
  // A mixed award: the final part took effect on the day it was made (LDMAL Art. 47), the non-final part on
  // `effectiveOn`; each part's two years run from its own start, and the list shows the earlier end.
  const fin = from(award.issuedOn, itemsPart(award.items, true), '终局部分');
  const non = from(ctx.effectiveOn as string, itemsPart(award.items, false), '非终局部分');
  const [first, second] = fin.on <= non.on ? [fin, non] : [non, fin];
  return first.on === second.on
    ? first
    : { ...first, note: `混合裁决的${second.what}为${second.on}，该部分的申请执行期间相应较晚届满；此处列出较早届满的期间。` };
}

/**
 * legal53a M1: a final award several workers hold, some of whom sued (LDMAL Arts. 47–48; SPC-1 Art. 17): the award is in
 * force worker by worker, so each worker it is in force for has his own enforcement window (CPL Art. 250) on his own
 * items — from the day it was made (Art. 47; a suit dismissed as out of time leaves that day, SPC-2000 Art. 2), or, for a
 * worker whose own suit was withdrawn, from the service of the ruling permitting it (SPC-2000 Art. 1). A worker whose
 * suit is pending or ended in a judgment or a finding of no effect has none (finalAwardHeldFor). Empty (one window for
 * the award) with one worker or no worker's suit.
 */
function finalAwardOwnEffect(ctx: MachineContext): { partyId: number; effectiveOn: string; note?: string }[] {
  const award = ctx.award;
  if (award?.finality !== 'final' || ctx.closure?.mode !== 'award' || setAsideWhole(ctx)) return [];
  const workers = signingParties(ctx)
    .filter((x) => isWorkerId(ctx, x.id))
    .map((x) => x.id);
  if (workers.length < 2 || !ctx.lawsuits.some((l) => isWorkerId(ctx, l.partyId))) return [];
  const held = finalAwardHeldFor(ctx);
  const per = outcomeSuits(ctx);
  const out = workers
    .filter((id) => !held.has(id))
    .map((partyId) => {
      // The first withdrawal of his own suits that was served after the award: the award binds him from that service
      // (SPC-2000 Art. 1); a later suit of his and its dismissal do not move the day back (reviewer s53 A M1). Else
      // (no withdrawal, or dismissals only) from the award's day (LDMAL Art. 47).
      const o = (ctx.courtOutcomes ?? [])
        .filter(
          (x, i) =>
            x.outcome === 'withdrawal_permitted' &&
            x.servedOn > award.issuedOn &&
            (per[i] ?? []).some((j) => ctx.lawsuits[j]?.partyId === partyId),
        )
        .sort((x, y) => (x.servedOn < y.servedOn ? -1 : x.servedOn > y.servedOn ? 1 : 0))[0];
      if (!o) return { partyId, effectiveOn: award.issuedOn };
      return {
        partyId,
        effectiveOn: o.servedOn,
        note: `当事人${partyId}的起诉经人民法院裁定准予撤诉，裁决自裁定送达之日（${o.servedOn}）起对其发生法律效力（最高人民法院2000年批复第一条；劳动争议调解仲裁法第四十八条）。`,
      };
    });
  return out;
}

function addedDeadlines(ctx: MachineContext, cal: OfficialCalendar, P: Periods, add: AddDeadline, closedOn: string | null): void {
  // LDMAL Art. 33; Rules Arts. 11–12: a recusal application is decided within 3 (working) days.
  for (const r of ctx.recusalApplications ?? []) {
    if (r.afterDebate) continue;
    const who = r.target.kind === 'arbitrator' ? '仲裁员' : '记录人员';
    add(
      'recusal_decision',
      P.recusal_decision,
      r.on,
      computePeriod(cal, P.recusal_decision, r.on, '提出回避申请之日'),
      r.decision?.on ?? null,
      'clerk',
      { label: `${P.recusal_decision.label}（${who}${r.target.name ?? r.target.userId ?? ''}）`, endedOn: closedOn },
    );
  }

  // Rules Art. 15: the evidence period the tribunal set (and extended).
  if (ctx.evidence) {
    const e = ctx.evidence;
    const ext = e.extensions.length ? `（${e.extensions.map((x) => `${x.on}依当事人申请延长至${x.until}`).join('；')}）` : '';
    const c = fixedLastDay(cal, e.until, `仲裁庭指定的举证期限最后一日${ext}`);
    add(
      'evidence',
      { days: 0, unit: 'calendar', basis: 'Rules Art. 15', label: '举证期限' },
      e.setOn,
      { ...c, explanation: `${c.explanation}逾期提交证据的，当事人应说明理由；理由不成立的，可不予采纳或采纳并予训诫。` },
      null,
      'party',
      { periodOnly: true },
    );
  }

  // Rules Art. 44: after an accepted change the respondent has a new defense period, unless it waived it.
  const change = changeToAnswer(ctx);
  if (change && !change.respondentWaivesDefense && ctx.acceptedOn) {
    const respondents = ctx.parties.filter((p) => p.side === 'respondent').map((p) => p.id);
    const dates = respondents.map((id) => servedOnAfter(ctx, id, ['claims_change_copy'], change.on));
    const servedOn = dates.every(Boolean) ? (dates.sort().at(-1) as string) : null;
    // s61: answered once EVERY respondent has filed a defence since the period began (the change's service on all of
    // them) — one respondent's defence does not answer a co-respondent's period (LDMAL Arts. 22(2), 30), and a defence
    // filed before the changed claims reached the respondents answered the claims as they were, not the change (Rules
    // Art. 44). A period not yet begun is answered by none. The same judgement as a hearing's and an award's warnings
    // (workflows/hearings.ts `periodAnswer`).
    const added = new Set((ctx.partyAdditions ?? []).map((a) => a.partyId));
    const answeredOn = (id: number, since: string): string | null =>
      ctx.defenses
        .filter((d, i) => {
          const by = ctx.defenseParties?.[i] ?? null;
          return (by === id || (by === null && !added.has(id))) && d.filedOn >= since;
        })
        .map((d) => d.filedOn)
        .sort()[0] ?? null;
    const answers = servedOn ? respondents.map((id) => answeredOn(id, servedOn)) : [];
    const filed = answers.length && answers.every(Boolean) ? ((answers as string[]).sort().at(-1) as string) : null;
    add(
      'defense_after_claims_change',
      { ...P.defense, basis: 'Rules Art. 44; LDMAL Art. 30', label: '变更仲裁请求后的答辩期' },
      servedOn,
      servedOn
        ? computePeriod(cal, P.defense, servedOn, '被申请人收到变更后的仲裁请求之日')
        : {
            dueOn: null,
            explanation: `仲裁请求于${change.on}变更，变更后的请求尚未送达全部被申请人；送达之日起重新计算答辩期（Rules Art. 44）。`,
          },
      filed,
      'party',
      { periodOnly: true },
    );
  }

  // Rules Art. 46(1): an added party is served like a respondent (LDMAL Art. 30 by analogy) and, if a respondent, answers.
  for (const a of ctx.partyAdditions ?? []) {
    const servedOn = servedOnAfter(ctx, a.partyId, ADDITION_SERVICES, a.on);
    // The commission's own act of serving is the publication of a public notice, not its deemed day (as for the
    // respondent); the deemed day starts the added respondent's defense period.
    const service = ctx.services.find((s) => s.partyId === a.partyId && s.servedOn === servedOn && ADDITION_SERVICES.includes(s.document));
    add(
      'serve_added_party',
      P.serve_added_party,
      a.on,
      computePeriod(cal, P.serve_added_party, a.on, '决定追加当事人之日'),
      service ? (service.publishedOn ?? service.servedOn) : null,
      'clerk',
      { partyId: a.partyId, label: `${P.serve_added_party.label}（当事人${a.partyId}）`, endedOn: closedOn },
    );
    if (a.side === 'respondent' && servedOn) {
      add(
        'defense_added_party',
        { ...P.defense, label: '追加的被申请人答辩期' },
        servedOn,
        computePeriod(cal, P.defense, servedOn, '追加的被申请人收到申请书副本之日'),
        // Its own defense (FILE_DEFENSE naming it, reviewer s46b M4).
        defensesBy(ctx, { partyId: a.partyId })[0]?.filedOn ?? null,
        'party',
        { partyId: a.partyId, periodOnly: true, label: `追加的被申请人答辩期（当事人${a.partyId}）` },
      );
    }
  }

  // LDMAL Art. 51; CPL Art. 250: the obligee applies to the court within two years — each worker from his own effect
  // date when the suits left them different (SPC-1 Art. 17; legal51b H3).
  // legal52a M2: the same for a worker who did not sue while another worker's suit is pending or after it ended in a
  // judgment (separateEffect): the award is his from his own date (SPC-1 Art. 17), his two years run from it.
  const split = separateEffect(ctx);
  const splitWorkers = split && !split.employerSued ? split.workers : null;
  const ownEffect: { partyId: number; effectiveOn: string; note?: string }[] =
    ctx.award?.finality === 'final'
      ? finalAwardOwnEffect(ctx)
      : ctx.award?.finality === 'non_final' && (ctx.effectiveOn || splitWorkers)
        ? (() => {
            const windows = challengeWindows(ctx, cal, P);
            return (splitWorkers ?? workersAfterSuits(ctx, windows))
              .map((partyId) => ({
                partyId,
                effectiveOn: effectiveForParty(ctx, partyId) ?? (partyEffectiveDate(ctx, windows, partyId).dueOn as string),
              }))
              .filter((x) => x.effectiveOn);
          })()
        : [];
  for (const [forParty, start] of ownEffect.length
    ? ownEffect.map((x) => [x, enforcementStart(ctx, x)] as const)
    : [[undefined, enforcementStart(ctx)] as const]) {
    if (!start) continue;
    const nominal = addMonths(start.on, 12 * ENFORCEMENT_YEARS);
    const c = guarded(cal, (cal) => {
      const r = cal.rollForward(nominal);
      const rolled = r.rolledOver.length ? `；该日为${restWord(r.rolledOver)}，顺延至其后第一个工作日${r.dueOn}` : '';
      return {
        dueOn: r.dueOn,
        explanation: `自${start.what}（${start.on}）起算${ENFORCEMENT_YEARS}年，至${nominal}届满${rolled}（民事诉讼法第二百五十条）。${start.note ?? ''}一方当事人逾期不履行的，另一方可向人民法院申请强制执行（劳动争议调解仲裁法第五十一条）。`,
      };
    });
    // A partial award's enforcement (legalfixA H2) does not meet the award's window.
    const applied =
      (ctx.enforcement ?? [])
        .filter((e) => e.partialAward === undefined && (!forParty || e.partyId === forParty.partyId))
        .map((e) => e.filedOn)
        .sort()[0] ?? null;
    const transferred = ctx.transfers.find((t) => t.purpose === 'enforcement')?.transferredOn ?? null;
    add(
      'enforcement_application',
      { days: 0, unit: 'calendar', basis: 'LDMAL Art. 51; CPL Art. 250', label: '申请强制执行期间' },
      start.on,
      c,
      applied ?? transferred,
      'party',
      forParty
        ? { periodOnly: true, partyId: forParty.partyId, label: `申请强制执行期间（当事人${forParty.partyId}）` }
        : { periodOnly: true },
    );
  }

  // SPC-1 Art. 24: after the court refuses enforcement, either party may sue within 30 days of receiving the ruling.
  for (const e of ctx.enforcement ?? []) {
    if (e.outcome?.result !== 'refused') continue;
    const from = e.outcome.receivedOn ?? e.outcome.decidedOn;
    add(
      'sue_after_non_enforcement',
      P.sue_after_non_enforcement,
      from,
      computePeriod(cal, P.sue_after_non_enforcement, from, '收到不予执行裁定之日'),
      null,
      'party',
      { periodOnly: true },
    );
  }
}

/** Facts the added events' rules need, on the official calendar. */
function addedFacts(
  ctx: MachineContext,
  ev: Pick<ProcEvent, 'type' | 'occurredOn' | 'payload'>,
  cal: OfficialCalendar,
  periods: Periods,
): Facts {
  const facts: Facts = {};
  switch (ev.type) {
    case 'RAISE_JURISDICTION_OBJECTION': {
      // Rules Art. 10: before the objecting party's own defense period ends (10 working days from its service).
      const served = ctx.services
        .filter((s) => s.partyId === ev.payload.partyId && ADDITION_SERVICES.includes(s.document))
        .map((s) => s.servedOn)
        .sort()[0];
      if (!served) {
        facts.defensePeriodOpen = true;
        break;
      }
      // The same period, in the same unit, as the `defense` deadline (PERIODS_OVERRIDE may make it calendar days).
      // `cal` is the provisional view of computeFacts: a year it had to assume is marked on the facts.
      const due = exactPeriod(cal, defenseRule(ctx, periods), served, '被申请人收到申请书副本之日', {}).dueOn;
      facts.defensePeriodOpen = ev.occurredOn <= due;
      break;
    }
    case 'CHANGE_CLAIMS':
    case 'EXTEND_EVIDENCE_PERIOD':
    case 'RECORD_LATE_EVIDENCE':
      if (ctx.evidence) facts.evidencePeriodOpen = ev.occurredOn <= cal.rollForward(ctx.evidence.until).dueOn;
      break;
    case 'ACCEPT_REVIEW':
    case 'REJECT_REVIEW':
      if (ctx.review) {
        // Rules Art. 74: the period and unit of the `review_filing` deadline (PERIODS_OVERRIDE included).
        const { effectiveOn } = ctx.review.agreement;
        // CPL Art. 85(4): a posted application is filed on its postmark date, time in transit not counted.
        const due = exactPeriod(cal, periods.review_filing, effectiveOn, '调解协议生效之日', {}).dueOn;
        const filedOn = filedOnOf(ctx);
        facts.reviewFilingTimely = filedOn <= due;
        const { days, unit } = periods.review_filing;
        facts.reviewFiling = { effectiveOn, days, unit, dueOn: due, filedOn, receivedOn: ctx.receivedOn };
      }
      break;
    case 'EXTEND_TIME_LIMIT':
      if (ctx.track === 'review') {
        const c = reviewClock(ctx, cal, periods);
        facts.reviewDueOn = c?.dueOn ?? null;
        facts.reviewExtensionMaxDays = periods.review_extension.days;
      }
      break;
  }
  return facts;
}
