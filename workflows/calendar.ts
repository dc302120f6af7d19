import { addDays, weekday, yearOf } from './dates.ts';

/**
 * The official working calendar (domain.md §14): weekends and official holidays are rest days, make-up
 * working days (调休上班) are working days. Only years with official data are known; a computation that
 * reaches any other year throws MissingCalendarYearError — never a silent guess. A *provisional view*
 * (`provisionalView()`, api.md v1.1) reads a missing year as its weekends plus the holidays whose dates the law itself
 * fixes (`provisionalHoliday`), without the other holidays or make-up working days, and remembers which years it
 * assumed, so that every date computed through it can be marked provisional.
 */
export interface CalendarYear {
  year: number;
  /** Official days off (holidays, including weekend days inside a holiday break). */
  offDays: string[];
  /** Make-up working days (a Saturday or Sunday worked in exchange). */
  workDays: string[];
  /** The State Council notice the data comes from. */
  notice: string;
  names?: Record<string, string>;
}

/**
 * 正月初一 (Spring Festival day) by Gregorian year, for the years after the packaged official data that are certain
 * (checked against the published lunar calendar). A year not listed gets no Spring Festival in the provisional view.
 */
export const SPRING_FESTIVAL_DAYS: Record<number, string> = {
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/**
 * The days of the holidays Holidays-Reg Art. 2 puts on a lunar or solar-term date, for the same years as
 * `SPRING_FESTIVAL_DAYS` (checked against the published lunar calendar and solar terms): 清明节 (the 清明 solar term),
 * 端午节 (农历五月初五), 中秋节 (农历八月十五). A year not listed is checked against the windows these always fall in
 * (app/time/calendar.ts `LUNAR_WINDOWS`).
 */
export const LUNAR_FESTIVAL_DAYS: Record<number, { 清明节: string; 端午节: string; 中秋节: string }> = {
  2027: { 清明节: '2027-04-05', 端午节: '2027-06-09', 中秋节: '2027-09-15' },
  2028: { 清明节: '2028-04-04', 端午节: '2028-05-28', 中秋节: '2028-10-03' },
  2029: { 清明节: '2029-04-04', 端午节: '2029-06-16', 中秋节: '2029-09-22' },
  2030: { 清明节: '2030-04-05', 端午节: '2030-06-05', 中秋节: '2030-09-12' },
};

/** Holidays-Reg (全国年节及纪念日放假办法, 2024 revision) Art. 2: the holidays on fixed Gregorian dates. */
const FIXED_HOLIDAYS: Record<string, string> = {
  '01-01': '元旦',
  '05-01': '劳动节',
  '05-02': '劳动节',
  '10-01': '国庆节',
  '10-02': '国庆节',
  '10-03': '国庆节',
};

/**
 * The holiday a year without official data certainly has on `date`, by the law alone (Holidays-Reg Art. 2): 元旦 1 Jan,
 * 劳动节 1–2 May, 国庆节 1–3 Oct, and 春节 — 除夕 and 正月初一 to 初三 — where `SPRING_FESTIVAL_DAYS` knows the year.
 * Not here, left to the State Council's yearly schedule: 清明节, 端午节 and 中秋节 (lunar or solar-term dates), the
 * days made up for a holiday on a weekend, and the days swapped into longer breaks with their make-up working days (调休).
 */
export function provisionalHoliday(date: string): string | undefined {
  const fixed = FIXED_HOLIDAYS[date.slice(5)];
  if (fixed) return fixed;
  for (const y of [yearOf(date), yearOf(date) + 1]) {
    const first = SPRING_FESTIVAL_DAYS[y];
    if (first && date >= addDays(first, -1) && date <= addDays(first, 2)) return '春节';
  }
  return undefined;
}

/**
 * How the provisional view reads `years` (for explanations): "该年暂按周末和法定日期固定的节日（元旦、春节、劳动节、
 * 国庆节）休息计算，未计清明节、端午节、中秋节、补休和调休上班日".
 */
/**
 * The festival `date` is by the law or the tables alone: a law-fixed day (`provisionalHoliday`) or the day of 清明节,
 * 端午节 or 中秋节 where `LUNAR_FESTIVAL_DAYS` knows the year. Names a calendar year's day off loaded without `names`.
 */
export function festivalOn(date: string): string | undefined {
  const lunar = LUNAR_FESTIVAL_DAYS[yearOf(date)];
  // Both on one day (中秋 on 3 October 2028): "国庆节、中秋节".
  const names = [provisionalHoliday(date), lunar && (Object.keys(lunar) as (keyof typeof lunar)[]).find((k) => lunar[k] === date)];
  return names.filter(Boolean).join('、') || undefined;
}

/**
 * Where the lunar and solar-term holidays of a year not in `LUNAR_FESTIVAL_DAYS` always fall (Holidays-Reg Art. 2):
 * 清明 on the solar term (4–5 April, at most 3–6 April), 端午 (五月初五: 28 May – 25 June), 中秋 (八月十五: 7 September –
 * 8 October with its break). Used to name a day off of such a year that was loaded without names.
 */
export const LUNAR_WINDOWS = [
  { name: '清明节', from: '04-03', to: '04-06' },
  { name: '端午节', from: '05-28', to: '06-25' },
  // 国庆 1–3 October, required on their own, are no 中秋 day: a 中秋 that falls on one of them adds a day to the break
  // (2020: 1–8 October; 2028: 中秋 3 October, off 1–4 October) — reviewer rev47 M1 (a year without 中秋 passed).
  { name: '中秋节', from: '09-07', to: '10-08', besides: ['10-01', '10-02', '10-03'] },
];

export function provisionalBasis(years: number[]): string {
  const spring = years.filter((y) => SPRING_FESTIVAL_DAYS[y]);
  const without = years.filter((y) => !SPRING_FESTIVAL_DAYS[y]);
  // Years with and without a known Spring Festival are named apart (a span over 2030 and 2031 counted 2030's).
  const festival = !without.length ? '春节（除夕至正月初三）、' : spring.length ? `春节（${spring.join('、')}年，除夕至正月初三）、` : '';
  const fixed = `元旦1月1日、${festival}劳动节5月1日至2日、国庆节10月1日至3日`;
  const missing = without.length ? (spring.length ? `${without.join('、')}年的春节、` : '春节、') : '';
  return `该年暂按周末和《全国年节及纪念日放假办法》第二条规定日期的节日（${fixed}）休息计算，未计${missing}清明节、端午节、中秋节，也未计补休、连休和调休上班日（以国务院办公厅通知为准）`;
}

export class MissingCalendarYearError extends Error {
  constructor(readonly year: number) {
    super(`缺少${year}年的国家法定节假日安排数据（国务院办公厅通知尚未录入），无法计算期限`);
  }
}

export interface SkippedDay {
  date: string;
  reason: 'weekend' | 'holiday';
  name?: string;
}

export interface DayInfo {
  date: string;
  rest: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  name?: string;
}

interface CalendarData {
  off: Set<string>;
  work: Set<string>;
  names: Map<string, string>;
  known: Map<number, string>;
}

export class OfficialCalendar {
  private readonly off: Set<string>;
  private readonly work: Set<string>;
  private readonly names: Map<string, string>;
  private readonly known: Map<number, string>;
  /** True for a provisional view: a missing year is read as weekends and law-fixed holidays instead of throwing. */
  readonly provisional: boolean;
  /** Years without official data that this (provisional) view had to assume. */
  readonly assumed = new Set<number>();

  constructor(years: CalendarYear[] | CalendarData, opts: { provisional?: boolean } = {}) {
    this.provisional = opts.provisional ?? false;
    if (!Array.isArray(years)) {
      ({ off: this.off, work: this.work, names: this.names, known: this.known } = years);
      return;
    }
    this.off = new Set();
    this.work = new Set();
    this.names = new Map();
    this.known = new Map();
    for (const y of years) {
      this.known.set(y.year, y.notice);
      for (const d of y.offDays) this.off.add(d);
      for (const d of y.workDays) this.work.add(d);
      for (const [d, n] of Object.entries(y.names ?? {})) this.names.set(d, n);
    }
  }

  /**
   * A view on the same data that reads a year without official data as its weekends and law-fixed holidays
   * (`provisionalHoliday`), and records it in
   * `assumed` (api.md v1.1: the earliest plausible date, marked provisional). Each view is fresh: ask for one
   * per computation whose provisionality you want to know.
   */
  provisionalView(): OfficialCalendar {
    return new OfficialCalendar({ off: this.off, work: this.work, names: this.names, known: this.known }, { provisional: true });
  }

  years(): number[] {
    return [...this.known.keys()].sort((a, b) => a - b);
  }
  has(year: number): boolean {
    return this.known.has(year);
  }
  notice(year: number): string | undefined {
    return this.known.get(year);
  }

  day(date: string): DayInfo {
    const y = yearOf(date);
    if (!this.known.has(y)) {
      if (!this.provisional) throw new MissingCalendarYearError(y);
      this.assumed.add(y);
      const holiday = provisionalHoliday(date);
      if (holiday) return { date, rest: true, kind: 'holiday', name: holiday };
      const wd = weekday(date);
      return wd === 0 || wd === 6 ? { date, rest: true, kind: 'weekend' } : { date, rest: false, kind: 'workday' };
    }
    const name = this.names.get(date);
    if (this.work.has(date)) return { date, rest: false, kind: 'makeup_workday', name };
    // legalfixB L4: a year loaded without `names` still names its days off where the law and the tables allow.
    if (this.off.has(date)) return { date, rest: true, kind: 'holiday', name: name ?? this.derivedName(date) };
    const wd = weekday(date);
    if (wd === 0 || wd === 6) return { date, rest: true, kind: 'weekend' };
    return { date, rest: false, kind: 'workday' };
  }

  /**
   * The festival a day off without a loaded name belongs to: its own (`festivalOn`), else the festivals of the days of
   * the same break (the rest days around it, weekends included, within the loaded years: 10-05 in 国庆 1–7 October is
   * 国庆节; 30 September 2023 is 中秋节、国庆节), else — a year the tables do not know — the lunar holiday whose window
   * it lies in (`LUNAR_WINDOWS`).
   */
  private derivedName(date: string): string | undefined {
    const own = festivalOn(date);
    if (own) return own;
    const restKnown = (d: string) => {
      if (!this.known.has(yearOf(d)) || this.work.has(d)) return false;
      const wd = weekday(d);
      return this.off.has(d) || wd === 0 || wd === 6;
    };
    const breakDays: string[] = [];
    for (const dir of [-1, 1]) for (let i = 1, d = addDays(date, dir); i <= 10 && restKnown(d); i++, d = addDays(d, dir)) breakDays.push(d);
    const found = [...new Set(breakDays.sort().flatMap((d) => festivalOn(d)?.split('、') ?? []))];
    if (found.length) return found.join('、');
    if (LUNAR_FESTIVAL_DAYS[yearOf(date)]) return undefined;
    const md = date.slice(5);
    return LUNAR_WINDOWS.find((w) => md >= w.from && md <= w.to && !w.besides?.includes(md))?.name;
  }

  /**
   * n working days after `from` (the start day is not counted): skips weekends and holidays, counts
   * make-up working days.
   */
  addWorkingDays(from: string, n: number): { dueOn: string; skipped: SkippedDay[] } {
    const skipped: SkippedDay[] = [];
    let d = from;
    let counted = 0;
    while (counted < n) {
      d = addDays(d, 1);
      const info = this.day(d);
      if (info.rest) skipped.push({ date: d, reason: info.kind === 'holiday' ? 'holiday' : 'weekend', name: info.name });
      else counted++;
    }
    if (n === 0) this.day(d);
    return { dueOn: d, skipped };
  }

  /**
   * n calendar days after `from` (start day excluded, CPL Art. 85; CivCode Art. 201); when the last day is a
   * rest day the period ends on the first working day after it (CPL Art. 85(3); CivCode Art. 203).
   */
  addCalendarDays(from: string, n: number): { dueOn: string; nominalDueOn: string; rolledOver: SkippedDay[] } {
    const nominal = addDays(from, n);
    return { nominalDueOn: nominal, ...this.rollForward(nominal) };
  }

  /** The day itself if it is a working day, else the first working day after it. */
  rollForward(date: string): { dueOn: string; rolledOver: SkippedDay[] } {
    const rolledOver: SkippedDay[] = [];
    let d = date;
    for (let info = this.day(d); info.rest; info = this.day(d)) {
      rolledOver.push({ date: d, reason: info.kind === 'holiday' ? 'holiday' : 'weekend', name: info.name });
      d = addDays(d, 1);
    }
    return { dueOn: d, rolledOver };
  }
}

/** "10月1日至10月8日（国庆节）" style summary of skipped days, for explanations. */
export function describeSkipped(days: SkippedDay[]): string {
  if (days.length === 0) return '';
  const holidays = days.filter((d) => d.reason === 'holiday');
  const weekends = days.filter((d) => d.reason === 'weekend');
  const parts: string[] = [];
  if (holidays.length) {
    const names = [...new Set(holidays.map((d) => d.name).filter(Boolean))];
    // Each unbroken run of holidays on its own (legal54b #2: "09-26至10-07" read as one holiday over the working days
    // 09-28..09-30 that the period counted).
    const runs: [string, string][] = [];
    for (const d of holidays) {
      const last = runs.at(-1);
      if (last && addDays(last[1], 1) === d.date) last[1] = d.date;
      else runs.push([d.date, d.date]);
    }
    const spans = runs.map(([from, to]) => (from === to ? from : `${from}至${to}`)).join('、');
    parts.push(`法定节假日${holidays.length}天（${spans}${names.length ? `，${names.join('、')}` : ''}）`);
  }
  if (weekends.length) parts.push(`休息日${weekends.length}天`);
  return parts.join('，');
}
