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
