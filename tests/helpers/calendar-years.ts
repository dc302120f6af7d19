/**
 * The days off the law itself fixes in a year (Holidays-Reg, 2024 revision, Art. 2: 元旦 1, 春节 4 — 除夕 to 初三,
 * 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), for tests that load a year's arrangement (PUT /api/calendar/years/:year
 * refuses a year that leaves one out — app/time/calendar.ts `calendarYearErrors`). Test data, not a State Council
 * notice: no make-up days, no longer breaks. 2028: 中秋 falls on 10-03, so the break runs to 10-04 (13 days).
 */
export const LAW_OFF_DAYS: Record<number, string[]> = {
  2027: [
    '2027-01-01',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
  ],
  2028: [
    '2028-01-01',
    '2028-01-25',
    '2028-01-26',
    '2028-01-27',
    '2028-01-28',
    '2028-04-04',
    '2028-05-01',
    '2028-05-02',
    '2028-05-28',
    '2028-10-01',
    '2028-10-02',
    '2028-10-03',
    '2028-10-04',
  ],
};

/** `LAW_OFF_DAYS[year]` with `extra` days off, sorted, each once. */
export const offDaysWith = (year: number, extra: string[] = []): string[] => [...new Set([...(LAW_OFF_DAYS[year] ?? []), ...extra])].sort();

/**
 * A plausible arrangement of any year from 2025 (test data, not a notice): `LAW_OFF_DAYS[year]` where given, else the
 * days the law fixes as the provisional view knows them (workflows/calendar.ts `provisionalHoliday`: 元旦, 春节 where the
 * year's Spring Festival is known, 劳动节, 国庆节), the 清明, 端午 and 中秋 days where workflows/calendar.ts
 * LUNAR_FESTIVAL_DAYS tables them (else a day in each window they take, app/time/calendar.ts), and February days up to the law's 13 where the Spring Festival is not known.
 */
export async function plausibleOffDays(year: number): Promise<string[]> {
  if (LAW_OFF_DAYS[year]) return LAW_OFF_DAYS[year] as string[];
  const { provisionalHoliday, LUNAR_FESTIVAL_DAYS } = await import('../../workflows/calendar.ts');
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (provisionalHoliday(d)) days.push(d);
  }
  // The festival days themselves where tabled (legalfixB M2: a day off in the festival's own break is required then).
  const lunar = LUNAR_FESTIVAL_DAYS[year];
  days.push(...(lunar ? Object.values(lunar) : [`${year}-04-05`, `${year}-06-01`, `${year}-09-20`]));
  // 中秋 on a 国庆 day (2028): the break gets a day of its own after 国庆.
  if (lunar && lunar.中秋节 >= `${year}-10-01`) days.push(`${year}-10-04`);
  for (let n = 10; days.length < 13; n++) days.push(`${year}-02-${String(n).padStart(2, '0')}`);
  return [...new Set(days)].sort();
}
