import { describeSkipped, MissingCalendarYearError, type OfficialCalendar, type SkippedDay } from './calendar.ts';
import type { MachineContext } from './case-machine.ts';
import { addDays, daysBetween } from './dates.ts';
import { MONETARY_FINAL_CATEGORIES } from './finality.ts';
import type { PeriodKind, Periods, Unit } from './periods.ts';
import type { Facts, ProcEvent } from './procedure-types.ts';
import { signingParties } from './rules.ts';

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

  if (ctx.track === 'mediation') {
    const m = ctx.trackMediation;
    const c = computePeriod(cal, P.mediation, ctx.receivedOn, '调解组织收到调解申请之日');
    add('mediation', P.mediation, ctx.receivedOn, c, m?.agreedOn ?? m?.failedOn ?? m?.referredOn ?? null, 'mediator');
    return out;
  }

  // Acceptance (LDMAL Art. 29) counts from receipt, or from the completed supplement (Rules Art. 46(2)).
  const decidedOn = ctx.acceptedOn ?? ctx.rejection?.decidedOn ?? null;
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
  const respondents = ctx.parties.filter((p) => p.side === 'respondent').map((p) => p.id);
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
  } catch (e) {
    if (e instanceof MissingCalendarYearError) return { facts, missingYear: e.year };
    throw e;
  }
  return { facts };
}

export { MONETARY_FINAL_CATEGORIES };
