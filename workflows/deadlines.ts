import { describeSkipped, MissingCalendarYearError, type OfficialCalendar, type SkippedDay } from './calendar.ts';
import type { MachineContext } from './case-machine.ts';
import { addDays, addMonths, daysBetween } from './dates.ts';
import { MONETARY_FINAL_CATEGORIES } from './finality.ts';
import { ENFORCEMENT_YEARS, type PeriodKind, type Periods, type Unit } from './periods.ts';
import type { Facts, ProcEvent } from './procedure-types.ts';
import { addedPartyIds, signingParties } from './rules.ts';

export type DeadlineStatus = 'open' | 'met' | 'overdue' | 'paused' | 'unknown';
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
}

interface Computed {
  dueOn: string | null;
  explanation: string;
  missingYear?: number;
}

/** A period of `rule.days` after `startsOn` on the official calendar, with the sentence that explains it. */
export function computePeriod(
  cal: OfficialCalendar,
  rule: { days: number; unit: Unit },
  startsOn: string,
  startWhat: string,
  extra: { addDays?: number; addNote?: string } = {},
): Computed {
  try {
    if (rule.unit === 'working') {
      const r = cal.addWorkingDays(startsOn, rule.days);
      const skipped = describeSkipped(r.skipped);
      const makeup = r.skipped.length > 0 || hasMakeup(cal, startsOn, r.dueOn) ? makeupNote(cal, startsOn, r.dueOn) : '';
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
  } catch (e) {
    if (e instanceof MissingCalendarYearError)
      return { dueOn: null, explanation: `${e.message}；管理员录入该年安排后将自动重新计算。`, missingYear: e.year };
    throw e;
  }
}

function restWord(days: SkippedDay[]): string {
  const h = days.find((d) => d.reason === 'holiday');
  return h ? `法定节假日（${h.name ?? '节假日'}）` : '休息日';
}

function hasMakeup(cal: OfficialCalendar, from: string, to: string): boolean {
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.day(d).kind === 'makeup_workday') return true;
  return false;
}
function makeupNote(cal: OfficialCalendar, from: string, to: string): string {
  const days: string[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.day(d).kind === 'makeup_workday') days.push(d);
  return days.length ? `，调休上班日${days.join('、')}计为工作日` : '';
}

/** The last day on which something must happen so that at least `n` working days separate it from `date`. */
export function latestDayBefore(cal: OfficialCalendar, date: string, n: number): string {
  let d = date;
  let counted = 0;
  while (counted < n) {
    d = addDays(d, -1);
    if (!cal.day(d).rest) counted++;
  }
  // d is the n-th working day before `date`; the act must happen before it, on a working day.
  let latest = addDays(d, -1);
  while (cal.day(latest).rest) latest = addDays(latest, -1);
  return latest;
}

/** Days of suspension and public-notice service excluded from the award clock (Rules Arts. 46(6), 47). */
function excludedDays(
  ctx: MachineContext,
  periods: Periods,
  today: string,
  from: string,
): { days: number; notes: string[]; pausedNow: boolean } {
  let days = 0;
  const notes: string[] = [];
  let pausedNow = false;
  for (const s of ctx.suspensions) {
    if (s.from < from) continue;
    const end = s.to ?? today;
    if (!s.to) pausedNow = true;
    const n = Math.max(0, daysBetween(s.from, end));
    days += n;
    notes.push(`中止审理${s.from}至${s.to ?? '今'}（${n}天${s.to ? '' : '，仍在中止'}）`);
  }
  for (const sv of ctx.services.filter((x) => x.method === 'public_notice' && x.servedOn >= from)) {
    days += periods.public_notice.days;
    notes.push(`公告送达期间${periods.public_notice.days}天（自${sv.servedOn}）`);
  }
  return { days, notes, pausedNow };
}

export interface AwardClock extends Computed {
  startsOn: string;
  startWhat: string;
  pausedNow: boolean;
}

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
  const ex = excludedDays(ctx, periods, today, startsOn);
  const ext = ctx.extension?.days ?? 0;
  const notes = [...ex.notes.map((n) => `扣除${n}`), ...(ext ? [`经批准延长${ext}日（${ctx.extension?.approvedOn}）`] : [])];
  const c = computePeriod(cal, periods.award, startsOn, startWhat, {
    addDays: ex.days + ext,
    addNote: notes.length ? `，${notes.join('，')}` : '',
  });
  return { ...c, startsOn, startWhat, pausedNow: ex.pausedNow };
}

const firstService = (ctx: MachineContext, docs: string[], partyIds: number[]) => {
  const dates = partyIds.map(
    (id) =>
      ctx.services
        .filter((s) => docs.includes(s.document) && s.partyId === id)
        .map((s) => s.servedOn)
        .sort()[0],
  );
  return dates.every(Boolean) ? (dates.sort().at(-1) as string) : null;
};

export interface PartyWindow {
  partyId: number;
  kind: 'sue_non_final' | 'sue_final_worker' | 'set_aside_employer';
  servedOn: string | null;
  computed: Computed | null;
}

/** After an award: each party's window to sue or apply to set aside, from its own receipt (LDMAL Arts. 48–50). */
export function challengeWindows(ctx: MachineContext, cal: OfficialCalendar, periods: Periods): PartyWindow[] {
  const award = ctx.award;
  if (!award) return [];
  const out: PartyWindow[] = [];
  for (const party of signingParties(ctx)) {
    const servedOn =
      ctx.services
        .filter((s) => s.document === 'award' && s.partyId === party.id)
        .map((s) => s.servedOn)
        .sort()[0] ?? null;
    const employer = party.kind === 'organization';
    const kinds: PartyWindow['kind'][] = [];
    if (award.finality !== 'final') kinds.push('sue_non_final');
    if (award.finality !== 'non_final') kinds.push(employer ? 'set_aside_employer' : 'sue_final_worker');
    for (const kind of [...new Set(kinds)]) {
      if (kind === 'sue_non_final' && award.finality === 'mixed' && !employer && kinds.includes('sue_final_worker')) continue;
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
    opts: { paused?: boolean; partyId?: number; label?: string; periodOnly?: boolean } = {},
  ) => {
    let status: DeadlineStatus;
    if (!c || c.dueOn === null) status = c?.missingYear ? 'unknown' : 'open';
    else if (metOn) status = 'met';
    else if (opts.paused) status = 'paused';
    else if (today > c.dueOn) status = opts.periodOnly ? 'met' : 'overdue';
    else status = 'open';
    out.push({
      kind,
      label: opts.label ?? rule.label,
      startsOn,
      dueOn: c?.dueOn ?? null,
      unit: rule.unit,
      days: rule.days,
      basis: rule.basis,
      status,
      explanation:
        (c?.explanation ?? '尚未开始计算。') + (metOn ? `已于${metOn}完成。` : opts.periodOnly && status === 'met' ? '期间已届满。' : ''),
      assignee,
      ...(opts.partyId ? { partyId: opts.partyId } : {}),
      metOn,
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
    add('mediation', P.mediation, ctx.receivedOn, c, m?.agreedOn ?? m?.failedOn ?? m?.referredOn ?? null, 'mediator');
    return out;
  }

  // Acceptance (LDMAL Art. 29) counts from receipt, or from the completed supplement (Rules Art. 46(2)).
  // Rules Art. 31: a written explanation (REFER_ELSEWHERE) is the decision for a jurisdiction-only defect.
  const decidedOn = ctx.acceptedOn ?? ctx.rejection?.decidedOn ?? ctx.referral?.on ?? null;
  const withdrawnEarly = !ctx.acceptedOn && ctx.closure?.mode === 'withdrawal' ? ctx.closure.closedOn : null;
  add(
    'supplement_notice',
    P.supplement_notice,
    ctx.receivedOn,
    computePeriod(cal, P.supplement_notice, ctx.receivedOn, '收到仲裁申请之日'),
    ctx.supplement?.requestedOn ?? decidedOn ?? withdrawnEarly,
    'clerk',
  );
  const accStart = ctx.supplement?.completedOn ?? ctx.receivedOn;
  if (!ctx.supplement || ctx.supplement.completedOn || decidedOn) {
    add(
      'acceptance',
      P.acceptance,
      accStart,
      computePeriod(cal, P.acceptance, accStart, ctx.supplement?.completedOn ? '补正材料收齐之日' : '收到仲裁申请之日'),
      decidedOn ?? withdrawnEarly,
      'clerk',
    );
  }
  if (!ctx.acceptedOn) return out;

  const closedOn = ctx.closure?.closedOn ?? null;
  // Respondents added later have their own service and defense deadlines (addedDeadlines below).
  const added = addedPartyIds(ctx);
  const respondents = ctx.parties.filter((p) => p.side === 'respondent' && !added.has(p.id)).map((p) => p.id);
  const applicants = ctx.parties.filter((p) => p.side === 'applicant').map((p) => p.id);
  const servedRespondentsOn = firstService(ctx, ['application_copy', 'respond_notice'], respondents);
  add(
    'serve_respondent',
    P.serve_respondent,
    ctx.acceptedOn,
    computePeriod(cal, P.serve_respondent, ctx.acceptedOn, '受理之日'),
    servedRespondentsOn ?? (closedOn && !ctx.award ? closedOn : null),
    'clerk',
  );
  if (servedRespondentsOn) {
    const rule = ctx.defensePeriodDays === null ? P.defense : { ...P.defense, days: ctx.defensePeriodDays };
    const c = computePeriod(cal, rule, servedRespondentsOn, '被申请人收到申请书副本之日');
    if (ctx.defensePeriodDays !== null)
      c.explanation = `经被申请人同意缩短为${ctx.defensePeriodDays}个工作日（Rules Art. 58）；${c.explanation}`;
    add('defense', rule, servedRespondentsOn, c, ctx.defenses[0]?.filedOn ?? null, 'party', { periodOnly: true });
  }
  if (ctx.defenses.length) {
    const on = ctx.defenses[0]?.filedOn as string;
    add(
      'serve_defense_copy',
      P.serve_defense_copy,
      on,
      computePeriod(cal, P.serve_defense_copy, on, '收到答辩书之日'),
      firstService(ctx, ['defense_copy'], applicants),
      'clerk',
    );
  }
  add(
    'tribunal_notice',
    P.tribunal_notice,
    ctx.acceptedOn,
    computePeriod(cal, P.tribunal_notice, ctx.acceptedOn, '受理之日'),
    ctx.tribunal?.formedOn ?? (closedOn ? closedOn : null),
    'clerk',
  );

  if (ctx.hearing && !ctx.hearingsHeld.some((h) => h.heldOn >= (ctx.hearing?.scheduledOn as string))) {
    const h = ctx.hearing;
    const everyone = signingParties(ctx).map((p) => p.id);
    try {
      const latest = latestDayBefore(cal, h.hearingOn, P.hearing_notice.days);
      const noticedOn = firstService(ctx, ['hearing_notice'], everyone);
      add(
        'hearing_notice',
        P.hearing_notice,
        h.scheduledOn,
        {
          dueOn: latest,
          explanation: `开庭日为${h.hearingOn}，开庭通知应在开庭前至少${P.hearing_notice.days}个工作日送达全体当事人，最迟送达日为${latest}（只计工作日，法定节假日和休息日不计，调休上班日计入）。`,
        },
        noticedOn && noticedOn <= latest ? noticedOn : null,
        'clerk',
      );
      const lastRequest = latestDayBefore(cal, h.hearingOn, P.postponement_request.days);
      add(
        'postponement_request',
        P.postponement_request,
        h.scheduledOn,
        {
          dueOn: lastRequest,
          explanation: `当事人有正当理由申请延期开庭的，应在开庭前${P.postponement_request.days}个工作日提出，最迟${lastRequest}。`,
        },
        null,
        'party',
        { periodOnly: true },
      );
    } catch (e) {
      if (!(e instanceof MissingCalendarYearError)) throw e;
      add(
        'hearing_notice',
        P.hearing_notice,
        h.scheduledOn,
        { dueOn: null, explanation: `${e.message}。`, missingYear: e.year },
        null,
        'clerk',
      );
    }
  }

  const clock = awardClock(ctx, cal, P, closedOn ?? today);
  if (clock) {
    add('award', P.award, clock.startsOn, clock, closedOn, 'tribunal', { paused: clock.pausedNow && !closedOn });
  }
  if (ctx.mediation?.agreedOn && clock) {
    add(
      'mediation_signature',
      { days: P.award.days, unit: 'calendar', basis: 'LDMAL Art. 42', label: '调解书签收（须在审理期限内）' },
      ctx.mediation.agreedOn,
      {
        dueOn: clock.dueOn,
        explanation: `调解书经双方当事人签收后生效；一方在送达前反悔的，仲裁庭应当及时作出裁决。签收须在审理期限（${clock.dueOn ?? '未知'}）内完成。`,
        missingYear: clock.missingYear,
      },
      null,
      'clerk',
    );
  }

  // After the award: each party's window, then the effective date (LDMAL Arts. 47–50; SPC-1 Arts. 16–17).
  if (ctx.award) {
    const windows = challengeWindows(ctx, cal, P);
    for (const w of windows) {
      const rule = P[w.kind];
      const sued = ctx.lawsuits.find((l) => l.partyId === w.partyId)?.filedOn ?? null;
      const setAside = w.kind === 'set_aside_employer' ? (ctx.setAside?.filedOn ?? null) : null;
      add(w.kind, rule, w.servedOn, w.computed, w.kind === 'set_aside_employer' ? setAside : sued, 'party', {
        partyId: w.partyId,
        periodOnly: true,
        label: `${rule.label}（当事人${w.partyId}）`,
      });
    }
    const eff = effectiveDate(ctx, windows);
    add(
      'effective',
      { days: 0, unit: 'calendar', basis: ctx.award.finality === 'final' ? 'LDMAL Art. 47' : 'LDMAL Art. 50', label: '裁决生效日期' },
      ctx.award.issuedOn,
      eff,
      ctx.effectiveOn && ctx.award.finality !== 'final' ? ctx.effectiveOn : null,
      'clerk',
      { periodOnly: true },
    );
  }
  addedDeadlines(ctx, cal, P, add, closedOn);
  return out;
}

function effectiveDate(ctx: MachineContext, windows: PartyWindow[]): Computed {
  const award = ctx.award as NonNullable<MachineContext['award']>;
  if (award.finality === 'final') {
    return {
      dueOn: award.issuedOn,
      explanation: `终局裁决自作出之日（${award.issuedOn}）起发生法律效力（劳动争议调解仲裁法第四十七条）。`,
    };
  }
  const sue = windows.filter((w) => w.kind === 'sue_non_final');
  const missing = sue.find((w) => w.computed?.missingYear);
  if (missing) return missing.computed as Computed;
  if (sue.some((w) => !w.computed)) return { dueOn: null, explanation: '裁决书尚未送达全体当事人，生效日期待定。' };
  const last = sue
    .map((w) => w.computed?.dueOn as string)
    .sort()
    .at(-1) as string;
  const on = addDays(last, 1);
  const note = award.finality === 'mixed' ? '（终局部分自作出之日生效）' : '';
  return {
    dueOn: on,
    explanation: `各方当事人起诉期间最晚于${last}届满，期满未起诉的，裁决自${on}起发生法律效力${note}（劳动争议调解仲裁法第五十条）。`,
  };
}

/** The facts an event's guards need, computed on the official calendar. `missingYear` when data is lacking. */
export function computeFacts(
  ctx: MachineContext,
  ev: Pick<ProcEvent, 'type' | 'occurredOn' | 'payload'>,
  cal: OfficialCalendar,
  periods: Periods,
): { facts: Facts; missingYear?: number } {
  const facts: Facts = {};
  try {
    switch (ev.type) {
      case 'EXTEND_TIME_LIMIT':
      case 'CONVERT_TO_ORDINARY': {
        const c = awardClock(ctx, cal, periods, ev.occurredOn);
        if (c?.missingYear) return { facts, missingYear: c.missingYear };
        facts.awardDueOn = c?.dueOn ?? null;
        break;
      }
      case 'SCHEDULE_HEARING':
        facts.hearingNoticeOk = cal.addWorkingDays(ev.occurredOn, periods.hearing_notice.days).dueOn < ev.payload.hearingOn;
        break;
      case 'POSTPONE_HEARING':
        if (ctx.hearing)
          facts.postponementTimely = cal.addWorkingDays(ev.occurredOn, periods.postponement_request.days).dueOn < ctx.hearing.hearingOn;
        break;
      case 'FILE_COUNTERCLAIM': {
        const respondents = ctx.parties.filter((p) => p.side === 'respondent').map((p) => p.id);
        const served = firstService(ctx, ['application_copy', 'respond_notice'], respondents);
        if (!served) facts.defensePeriodOpen = true;
        else {
          const days = ctx.defensePeriodDays ?? periods.defense.days;
          facts.defensePeriodOpen = ev.occurredOn <= cal.addWorkingDays(served, days).dueOn;
        }
        break;
      }
      case 'MARK_EFFECTIVE': {
        const windows = challengeWindows(ctx, cal, periods);
        const miss = windows.find((w) => w.computed?.missingYear);
        if (miss) return { facts, missingYear: miss.computed?.missingYear };
        facts.challengeWindowsClosed = windows.every((w) => w.computed?.dueOn && ev.occurredOn > w.computed.dueOn);
        facts.effectiveOn = ctx.award?.finality === 'final' ? ctx.award.issuedOn : effectiveDate(ctx, windows).dueOn;
        break;
      }
      case 'REFER_TO_ARBITRATION': {
        const c = computePeriod(cal, periods.mediation, ctx.receivedOn, '调解组织收到调解申请之日');
        if (c.missingYear) return { facts, missingYear: c.missingYear };
        facts.mediationLimitPassed = ev.occurredOn > (c.dueOn as string);
        break;
      }
    }
    Object.assign(facts, addedFacts(ctx, ev, cal, periods));
  } catch (e) {
    if (e instanceof MissingCalendarYearError) return { facts, missingYear: e.year };
    throw e;
  }
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
  opts?: { paused?: boolean; partyId?: number; label?: string; periodOnly?: boolean },
) => void;

/**
 * A computation on the calendar that may reach a year without official data: shown as unknown, never guessed. (The
 * one place to switch to provisional dates, api.md v1.1, for the added deadlines.)
 */
function guarded(cal: OfficialCalendar, fn: (cal: OfficialCalendar) => Computed): Computed {
  try {
    return fn(cal);
  } catch (e) {
    if (e instanceof MissingCalendarYearError)
      return { dueOn: null, explanation: `${e.message}；管理员录入该年安排后将自动重新计算。`, missingYear: e.year };
    throw e;
  }
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

function reviewDeadlines(ctx: MachineContext, cal: OfficialCalendar, P: Periods, add: AddDeadline): void {
  const r = ctx.review;
  if (!r) return;
  // Rules Art. 74: both parties apply within 15 days of the agreement taking effect; receipt is the later filing.
  add(
    'review_filing',
    P.review_filing,
    r.agreement.effectiveOn,
    computePeriod(cal, P.review_filing, r.agreement.effectiveOn, '调解协议生效之日'),
    ctx.receivedOn,
    'party',
  );
  const clock = reviewClock(ctx, cal, P);
  if (clock) {
    const done = r.confirmation?.on ?? r.refusal?.on ?? ctx.closure?.closedOn ?? null;
    add('review', { ...P.review, days: P.review.days + (r.extension?.days ?? 0) }, r.acceptedOn, clock, done, 'tribunal');
  }
}

/** The start of the enforcement window: the last day of the performance period, or the effective date (CPL Art. 250). */
function enforcementStart(ctx: MachineContext): { on: string; what: string } | null {
  const mode = ctx.closure?.mode;
  if (mode === 'mediation' || mode === 'review_confirmed') {
    return { on: ctx.closure?.closedOn as string, what: '调解书生效之日（双方签收）' };
  }
  if (mode !== 'award' || !ctx.award || !ctx.effectiveOn || ctx.setAside?.result === 'set_aside') return null;
  const days = ctx.award.items
    .map((i) => (i as { paymentDays?: number | null }).paymentDays ?? null)
    .filter((d): d is number => d !== null && Number.isInteger(d) && d >= 0);
  if (days.length) {
    const max = Math.max(...days);
    return { on: addDays(ctx.effectiveOn, max), what: `裁决规定的履行期间最后一日（生效之日${ctx.effectiveOn}起${max}日）` };
  }
  return { on: ctx.effectiveOn, what: '裁决生效之日' };
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
      r.decision?.on ?? closedOn,
      'clerk',
      { label: `${P.recusal_decision.label}（${who}${r.target.name ?? r.target.userId ?? ''}）` },
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
  const change = ctx.claimChanges?.at(-1);
  if (change && !change.respondentWaivesDefense && ctx.acceptedOn) {
    const respondents = ctx.parties.filter((p) => p.side === 'respondent').map((p) => p.id);
    const dates = respondents.map((id) => servedOnAfter(ctx, id, ['claims_change_copy'], change.on));
    const servedOn = dates.every(Boolean) ? (dates.sort().at(-1) as string) : null;
    const filed = ctx.defenses.find((d) => d.filedOn >= change.on)?.filedOn ?? null;
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
    const servedOn = servedOnAfter(ctx, a.partyId, ['application_copy', 'respond_notice', 'addition_notice'], a.on);
    add(
      'serve_added_party',
      P.serve_added_party,
      a.on,
      computePeriod(cal, P.serve_added_party, a.on, '决定追加当事人之日'),
      servedOn ?? closedOn,
      'clerk',
      { partyId: a.partyId, label: `${P.serve_added_party.label}（当事人${a.partyId}）` },
    );
    if (a.side === 'respondent' && servedOn) {
      add(
        'defense_added_party',
        { ...P.defense, label: '追加的被申请人答辩期' },
        servedOn,
        computePeriod(cal, P.defense, servedOn, '追加的被申请人收到申请书副本之日'),
        null,
        'party',
        { partyId: a.partyId, periodOnly: true, label: `追加的被申请人答辩期（当事人${a.partyId}）` },
      );
    }
  }

  // LDMAL Art. 51; CPL Art. 250: the obligee applies to the court within two years.
  const start = enforcementStart(ctx);
  if (start) {
    const nominal = addMonths(start.on, 12 * ENFORCEMENT_YEARS);
    const c = guarded(cal, (cal) => {
      const r = cal.rollForward(nominal);
      const rolled = r.rolledOver.length ? `；该日为${restWord(r.rolledOver)}，顺延至其后第一个工作日${r.dueOn}` : '';
      return {
        dueOn: r.dueOn,
        explanation: `自${start.what}（${start.on}）起算${ENFORCEMENT_YEARS}年，至${nominal}届满${rolled}（民事诉讼法第二百五十条）。一方当事人逾期不履行的，另一方可向人民法院申请强制执行（劳动争议调解仲裁法第五十一条）。`,
      };
    });
    const applied = (ctx.enforcement ?? []).map((e) => e.filedOn).sort()[0] ?? null;
    const transferred = ctx.transfers.find((t) => t.purpose === 'enforcement')?.transferredOn ?? null;
    add(
      'enforcement_application',
      { days: 0, unit: 'calendar', basis: 'LDMAL Art. 51; CPL Art. 250', label: '申请强制执行期间' },
      start.on,
      c,
      applied ?? transferred,
      'party',
      { periodOnly: true },
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
        .filter((s) => s.partyId === ev.payload.partyId && ['application_copy', 'respond_notice', 'addition_notice'].includes(s.document))
        .map((s) => s.servedOn)
        .sort()[0];
      facts.defensePeriodOpen = !served || ev.occurredOn <= cal.addWorkingDays(served, ctx.defensePeriodDays ?? periods.defense.days).dueOn;
      break;
    }
    case 'CHANGE_CLAIMS':
    case 'EXTEND_EVIDENCE_PERIOD':
    case 'RECORD_LATE_EVIDENCE':
      if (ctx.evidence) facts.evidencePeriodOpen = ev.occurredOn <= cal.rollForward(ctx.evidence.until).dueOn;
      break;
    case 'ACCEPT_REVIEW':
      if (ctx.review) {
        const due = cal.addCalendarDays(ctx.review.agreement.effectiveOn, periods.review_filing.days).dueOn;
        facts.reviewFilingTimely = ctx.receivedOn <= due;
      }
      break;
    case 'EXTEND_TIME_LIMIT':
      if (ctx.track === 'review') {
        const c = reviewClock(ctx, cal, periods);
        if (c?.missingYear) throw new MissingCalendarYearError(c.missingYear);
        facts.reviewDueOn = c?.dueOn ?? null;
        facts.reviewExtensionMaxDays = periods.review_extension.days;
      }
      break;
  }
  return facts;
}
