import {
  type CalendarYear,
  LUNAR_FESTIVAL_DAYS,
  LUNAR_WINDOWS,
  MissingCalendarYearError,
  provisionalHoliday,
  type SkippedDay,
} from '../../workflows/calendar.ts';
import { addDays, weekday, yearOf } from '../../workflows/dates.ts';
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

/** A real day of the calendar (2027-02-30 is not: the day arithmetic reads it as 03-02). */
const realDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && addDays(d, 0) === d;

/** The first year the 2024 revision of the Holidays-Reg (全国年节及纪念日放假办法) governs: 13 holiday days. */
export const HOLIDAYS_REG_2024_FROM = 2025;

/**
 * legalfixB M2: whether the break around a lunar or solar-term festival day has a day off of its own — the festival day
 * is a rest day (never a 调休上班日) and the rest days running through it (days off and weekends, as the State Council
 * arranges a break) include a day off that is not one of `besides` (another holiday's law-fixed days). The State
 * Council has always given the festival day itself, or, where it fell on a weekend, the break around it (清明 2020:
 * 4–6 April); where 中秋 fell next to or on 国庆 it merged into one break with a day added (2017: 中秋 10-04, off 1–8
 * October; 2020: 中秋 10-01, off 1–8 October; 2023: 中秋 9-29, off 9-29 – 10-6; 2028: 中秋 10-03, the break runs to
 * 10-04) — accepted, while the 国庆 days alone (10-01 – 10-03) are no 中秋 day.
 */
export function festivalBreakHasDayOff(
  off: ReadonlySet<string>,
  work: ReadonlySet<string>,
  festivalDay: string,
  besides: readonly string[] = [],
): boolean {
  const rest = (d: string) => off.has(d) || (!work.has(d) && (weekday(d) === 0 || weekday(d) === 6));
  if (!rest(festivalDay)) return false;
  const own = (d: string) => off.has(d) && !besides.includes(d.slice(5));
  if (own(festivalDay)) return true;
  for (const dir of [-1, 1])
    for (let i = 1, d = addDays(festivalDay, dir); i <= 10 && rest(d); i++, d = addDays(d, dir)) if (own(d)) return true;
  return false;
}

/**
 * The days of `year` the law itself fixes as holidays (Holidays-Reg Art. 2: 元旦 1 Jan; 春节 除夕 to 初三 where the
 * system knows the year's Spring Festival; 劳动节 1–2 May; 国庆节 1–3 Oct) — the provisional view's own list
 * (workflows/calendar.ts `provisionalHoliday`), so the two never disagree.
 */
function lawFixedDays(year: number): { date: string; name: string }[] {
  const out: { date: string; name: string }[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const name = provisionalHoliday(d);
    if (name) out.push({ date: d, name });
  }
  return out;
}

/**
 * A year's notice must be a plausible State Council arrangement (legalfixA M2: an incomplete or impossible one was
 * loaded, and every deadline then marked exact):
 * - its dates belong to it — December dates of the year before only in the 元旦 break that runs into 1 January (the
 *   2019 and 2023 notices began on 30 and 31 December, with a make-up day on 29 December) (domain.md §14.4);
 * - a 调休上班日 is a Saturday or Sunday worked in exchange for a weekday off (domain.md §14.4), never a weekday;
 * - from 2025 (the 2024 revision in force) every day the law fixes is a day off, with a day off for 清明, 端午 and
 *   中秋 each (in the festival's own break for the years workflows/calendar.ts LUNAR_FESTIVAL_DAYS tables, else in the
 *   window the festival always falls in), and at least the 13 holiday days in the year.
 */
/** The path's year: four digits, 2000–2100 — else named `year`, whatever the body (sec54 L2). */
export function calendarYearPathErrors(rawYear: string): FieldError[] {
  const year = Number(rawYear);
  return /^\d{4}$/.test(rawYear) && year >= 2000 && year <= 2100 ? [] : [{ path: 'year', message: '年份应为2000–2100' }];
}

export function calendarYearErrors(rawYear: string, body: CalendarYearInput): FieldError[] {
  const year = Number(rawYear);
  const errors: FieldError[] = [...calendarYearPathErrors(rawYear)];
  const validYear = errors.length === 0;
  const off = new Set(body.offDays);
  const newYearsEve = `${year - 1}-12-25`;
  // A day of the December before, off: every day from it to 1 January is off too (the 元旦 break).
  const inNewYearBreak = (d: string) => {
    for (let x = d; x <= `${year}-01-01`; x = addDays(x, 1)) if (!off.has(x)) return false;
    return true;
  };
  for (const field of ['offDays', 'workDays'] as const) {
    body[field].forEach((d, i) => {
      const y = yearOf(d);
      if (y === year) return;
      const december = y === year - 1 && d >= newYearsEve && (field === 'workDays' || inNewYearBreak(d));
      if (!december)
        errors.push({
          path: `${field}.${i}`,
          message: `日期不属于${year}年（上一年12月的日期只能是连至${year}年1月1日的元旦假期及其调休上班日）`,
        });
    });
  }
  body.workDays.forEach((d, i) => {
    // A date that is not a real day (2027-02-30) is the schema's to name; one outside the year is named above.
    if (!realDay(d) || errors.some((e) => e.path === `workDays.${i}`)) return;
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) errors.push({ path: `workDays.${i}`, message: `调休上班日应为周六或周日：${d}是工作日` });
  });
  const both = body.offDays.filter((d) => body.workDays.includes(d));
  if (both.length) errors.push({ path: 'workDays', message: `同一天既是放假日又是调休上班日：${both.join('、')}` });
  if (validYear && year >= HOLIDAYS_REG_2024_FROM) {
    const missing = lawFixedDays(year).filter((h) => !off.has(h.date));
    const inYear = body.offDays.filter((d) => yearOf(d) === year);
    // The years whose festival days are tabled (workflows/calendar.ts LUNAR_FESTIVAL_DAYS): a day off in the festival's
    // own break (legalfixB M2: 国庆 days after a workday 中秋, or a 端午 day 12 days early, passed the windows). Other
    // years: a day off anywhere in the window the festival always falls in.
    const days = LUNAR_FESTIVAL_DAYS[year];
    const work = new Set(body.workDays);
    const lunar = LUNAR_WINDOWS.filter((w) => {
      const day = days?.[w.name as keyof typeof days];
      if (day) return !festivalBreakHasDayOff(off, work, day, w.besides);
      return !inYear.some((d) => d.slice(5) >= w.from && d.slice(5) <= w.to && !w.besides?.includes(d.slice(5)));
    }).map((w) => w.name);
    const on = lunar.map((n) => `${n}${days?.[n as keyof typeof days]}`).join('、');
    const parts = [
      ...(missing.length ? [`缺少法律规定的节日：${missing.map((h) => `${h.date}（${h.name}）`).join('、')}`] : []),
      ...(lunar.length
        ? [
            days
              ? `没有${lunar.join('、')}的放假日（应为节日当日或与其相连的同一假期内的一日：${on}）`
              : `没有${lunar.join('、')}的放假日（该年的农历节日日期未列入系统，只按节日可能落在的日期范围检查）`,
          ]
        : []),
      ...(inYear.length < 13 ? [`全年放假日只有${inYear.length}天，少于法定节假日13天`] : []),
    ];
    if (parts.length)
      errors.push({
        path: 'offDays',
        message: `${parts.join('；')}（《全国年节及纪念日放假办法》第二条，2024年修订，2025年起施行）`,
      });
  }
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
    // legal55b L2: a year loaded again (a corrected arrangement) is audited with what it replaced.
    const before = (await deps.stores.calendar.years(uow.trx)).find((x) => x.year === year);
    await deps.stores.calendar.put(uow.trx, y, actor.id, uow.now);
    await deps.stores.reference.audit(uow.trx, {
      entity: 'calendar_years',
      key: String(year),
      action: 'put',
      actorId: actor.id,
      actorRole: actor.role,
      at: uow.now,
      before,
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
