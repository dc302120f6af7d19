import { type CalendarYear, MissingCalendarYearError, type SkippedDay } from '../../workflows/calendar.ts';
import { addDays } from '../../workflows/dates.ts';
import { computePeriod } from '../../workflows/deadlines.ts';
import { stateLabel } from '../../workflows/labels.ts';
import { nameDeadline } from '../cases/views.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, unprocessable, validationError } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import type { Transact } from '../unit-of-work.ts';
import { recomputationView, startRecomputations } from './recompute.ts';

/**
 * GET /api/calendar/deadline — n working or calendar days after `from` on the official calendar, explained. A year
 * without official data is a 422, unless `provisional` asks for the date as if that year had its weekends and the
 * holidays whose dates the law fixes only (workflows/calendar.ts `provisionalHoliday`; api.md v1.1).
 */
export async function deadlineCalculator(
  deps: Deps,
  q: { from: string; days: number; unit: 'working' | 'calendar'; provisional?: boolean },
) {
  const official = await deps.calendar.get();
  const cal = q.provisional ? official.provisionalView() : official;
  try {
    const c = computePeriod(cal, { days: q.days, unit: q.unit }, q.from, '起算日');
    if (!q.provisional && c.provisional) throw new MissingCalendarYearError(c.missingYear as number);
    const base = { from: q.from, days: q.days, unit: q.unit, explanation: c.explanation };
    const r =
      q.unit === 'working'
        ? { ...base, ...pick(cal.addWorkingDays(q.from, q.days), 'skipped') }
        : { ...base, ...pick(cal.addCalendarDays(q.from, q.days), 'rolledOver') };
    const missingYears = [...cal.assumed].sort((a, b) => a - b);
    return { ...r, provisional: missingYears.length > 0, missingYears };
  } catch (e) {
    if (e instanceof MissingCalendarYearError) {
      throw unprocessable(
        `${e.message}；已有数据的年份：${official.years()[0]}–${official.years().at(-1)}。如需暂定日期（该年只计周末和法律规定日期的元旦、春节、劳动节、国庆节），请加 &provisional=true`,
        { rule: 'calendar-data-missing', missingYear: e.year },
      );
    }
    throw e;
  }
}

const pick = (r: { dueOn: string } & Record<string, unknown>, skippedKey: string) => ({
  dueOn: r.dueOn,
  skipped: r[skippedKey] as SkippedDay[],
});

/**
 * GET /api/calendar/day?date= — one day on the official calendar: a working day, a weekend, a statutory holiday (with
 * its name) or an adjusted working day (调休上班). A year without official data answers from its weekends and the
 * law-fixed holidays (元旦, 春节 where known, 劳动节, 国庆节), marked provisional, so that a screen can still say
 * "Saturday" or "国庆节" (the hearing dialog's warning).
 */
export async function calendarDay(deps: Deps, date: string) {
  const cal = (await deps.calendar.get()).provisionalView();
  const d = cal.day(date);
  return { date: d.date, rest: d.rest, kind: d.kind, ...(d.name ? { name: d.name } : {}), provisional: cal.assumed.size > 0 };
}

/** GET /api/calendar/years — the years with official data, each with its State Council notice. */
export async function calendarYears(deps: Deps) {
  const cal = await deps.calendar.get();
  return cal.years().map((year) => ({ year, notice: cal.notice(year) as string }));
}

export interface CalendarYearInput {
  notice: string;
  offDays: string[];
  workDays: string[];
  names?: Record<string, string>;
}

/** The dates of a year's notice must belong to it (December dates may belong to the next year's notice, domain.md §14.4). */
export function calendarYearErrors(rawYear: string, body: CalendarYearInput): FieldError[] {
  const year = Number(rawYear);
  const errors: FieldError[] = [];
  if (!/^\d{4}$/.test(rawYear) || year < 2000 || year > 2100) errors.push({ path: 'year', message: '年份应为2000–2100' });
  for (const field of ['offDays', 'workDays'] as const) {
    body[field].forEach((d, i) => {
      const y = Number(d.slice(0, 4));
      if (y !== year && !(y === year - 1 && d.slice(5, 7) === '12')) errors.push({ path: `${field}.${i}`, message: `日期不属于${year}年` });
    });
  }
  const both = body.offDays.filter((d) => body.workDays.includes(d));
  if (both.length) errors.push({ path: 'workDays', message: `同一天既是放假日又是调休上班日：${both.join('、')}` });
  return errors;
}

/**
 * PUT /api/calendar/years/:year — loads a year's official arrangement (admin). The year and a request to recompute
 * open cases' deadlines commit together; the recomputation runs in the background (app/time/recompute.ts) and the
 * answer (202) says where to follow it. Every act on a case from now on already uses the new year.
 */
export async function loadCalendarYear(deps: Deps, actor: Actor, rawYear: string, body: CalendarYearInput, transact: Transact) {
  const year = Number(rawYear);
  const errors = calendarYearErrors(rawYear, body);
  if (errors.length) throw validationError(errors);
  assertRole(actor, AREA_ROLES.calendar, '录入节假日安排');
  const y: CalendarYear = {
    year,
    notice: body.notice,
    offDays: [...new Set(body.offDays)].sort(),
    workDays: [...new Set(body.workDays)].sort(),
    names: body.names ?? {},
  };
  const result = await transact(async (uow) => {
    await deps.stores.calendar.put(uow.trx, y, actor.id, uow.now);
    await deps.stores.reference.audit(uow.trx, {
      entity: 'calendar_years',
      key: String(year),
      action: 'put',
      actorId: actor.id,
      actorRole: actor.role,
      at: uow.now,
      before: undefined,
      after: y,
    });
    const job = await deps.stores.calendar.requestRecomputation(uow.trx, year, actor.id, uow.now);
    return { year, notice: y.notice, offDays: y.offDays.length, workDays: y.workDays.length, recomputation: recomputationView(job) };
  });
  deps.calendar.invalidate();
  startRecomputations(deps);
  return result;
}

/** GET /api/deadlines — open deadlines due within N days (overdue first), of everyone or of the caller. */
export async function dueDeadlines(
  deps: Deps,
  actor: Actor,
  q: { within: number; assignee: 'me' | 'all'; kind?: string; page: number; pageSize: number },
) {
  const k = deps.db.reader;
  const until = addDays(deps.clock.today(), q.within);
  // Overdue first, then by due date (the store's order); one page of it, in the list envelope (api.md "Lists").
  const all = (await deps.stores.deadlines.due(k, until, q.assignee === 'me' ? { role: actor.role, userId: actor.id } : undefined)).filter(
    (d) => d.assignee !== 'party' && (q.kind === undefined || d.kind === q.kind),
  );
  const list = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const caseIds = list.map((d) => d.caseId);
  const [heads, names] = await Promise.all([
    deps.stores.caseSummaries.headlines(k, caseIds),
    // The rules number the parties a deadline concerns ("答辩期（当事人57）"); the list names them.
    list.some((d) => d.label.includes('当事人') || d.explanation.includes('当事人'))
      ? deps.stores.caseSummaries.partyNamesById(k, caseIds)
      : new Map<number, Map<number, string>>(),
  ]);
  const none = new Map<number, string>();
  const items = list.map(({ metOn: _m, ...deadline }) => {
    const c = heads.get(deadline.caseId);
    const d = nameDeadline(deadline, names.get(deadline.caseId) ?? none);
    return {
      ...d,
      caseNo: c?.caseNo ?? null,
      track: (c?.track ?? 'arbitration') as 'arbitration' | 'mediation' | 'review',
      stateLabel: stateLabel(c?.state ?? ''),
      applicantNames: c?.applicantNames ?? [],
    };
  });
  return { items, total: all.length, page: q.page, pageSize: q.pageSize, overdue: all.filter((d) => d.status === 'overdue').length };
}
