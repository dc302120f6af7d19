import { describe, expect, it } from 'vitest';
import { calendarYearErrors, festivalBreakHasDayOff } from '../../app/time/calendar.ts';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { restDayHearingWarnings } from '../../workflows/hearings.ts';
import { LAW_OFF_DAYS, plausibleOffDays } from '../helpers/calendar-years.ts';

/**
 * legalfixB M2: the festival-break check against what the State Council actually arranged (the packaged notices), the
 * years 中秋 merged into the 国庆 break among them; L4: a year loaded without names names its holidays.
 */
const packaged = new Map(packagedCalendarYears().map((y) => [y.year, y]));
// 清明, 端午, 中秋 of past years (published lunar calendar and solar terms).
const HISTORY: [number, string, string, string][] = [
  [2017, '2017-04-04', '2017-05-30', '2017-10-04'],
  [2019, '2019-04-05', '2019-06-07', '2019-09-13'],
  [2020, '2020-04-04', '2020-06-25', '2020-10-01'],
  [2021, '2021-04-04', '2021-06-14', '2021-09-21'],
  [2022, '2022-04-05', '2022-06-03', '2022-09-10'],
  [2023, '2023-04-05', '2023-06-22', '2023-09-29'],
  [2024, '2024-04-04', '2024-06-10', '2024-09-17'],
  [2025, '2025-04-04', '2025-05-31', '2025-10-06'],
  [2026, '2026-04-05', '2026-06-19', '2026-09-25'],
];

describe('festival breaks, legalfixB M2', () => {
  it.each(HISTORY)('%i: the State Council arrangement has a day off in the break of 清明, 端午 and 中秋', (year, qm, dw, zq) => {
    const y = packaged.get(year);
    expect(y).toBeDefined();
    const off = new Set(y?.offDays);
    const work = new Set(y?.workDays);
    expect(festivalBreakHasDayOff(off, work, qm)).toBe(true);
    expect(festivalBreakHasDayOff(off, work, dw)).toBe(true);
    expect(festivalBreakHasDayOff(off, work, zq, ['10-01', '10-02', '10-03'])).toBe(true);
  });

  it('国庆 days alone are no 中秋 day, nor a day off twelve days before 端午', () => {
    const off = new Set([...(LAW_OFF_DAYS[2027] as string[]), '2027-10-04', '2027-10-05']);
    off.delete('2027-09-15');
    off.delete('2027-06-09');
    off.add('2027-05-28');
    expect(festivalBreakHasDayOff(off, new Set(), '2027-09-15', ['10-01', '10-02', '10-03'])).toBe(false);
    expect(festivalBreakHasDayOff(off, new Set(), '2027-06-09')).toBe(false);
    // 中秋 2028 on 3 October: 国庆 1–3 October alone do not do; with 4 October they do.
    const y2028 = new Set(LAW_OFF_DAYS[2028]);
    expect(festivalBreakHasDayOff(y2028, new Set(), '2028-10-03', ['10-01', '10-02', '10-03'])).toBe(true);
    y2028.delete('2028-10-04');
    expect(festivalBreakHasDayOff(y2028, new Set(), '2028-10-03', ['10-01', '10-02', '10-03'])).toBe(false);
  });
});

describe('the test arrangements still load', () => {
  it.each([2027, 2028, 2029, 2030, 2031, 2032])('plausibleOffDays(%i) passes the check', async (year) => {
    expect(calendarYearErrors(String(year), { notice: '测试', offDays: await plausibleOffDays(year), workDays: [] })).toEqual([]);
  });
  it('a year beyond the table is checked on the windows, and the refusal says so', () => {
    const errors = calendarYearErrors('2031', { notice: '测试', offDays: ['2031-01-01'], workDays: [] });
    expect(errors[0]?.message).toContain('该年的农历节日日期未列入系统');
  });
});

describe('holiday names of a year loaded without names, legalfixB L4', () => {
  it('derives 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 from the date and the break', () => {
    const cal = new OfficialCalendar([
      { year: 2027, notice: '测试', offDays: [...(LAW_OFF_DAYS[2027] as string[]), '2027-02-09', '2027-10-04'], workDays: [] },
    ]);
    const names = ['01-01', '02-05', '02-09', '04-05', '05-01', '06-09', '09-15', '10-02', '10-04'].map((d) => cal.day(`2027-${d}`).name);
    expect(names).toEqual(['元旦', '春节', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节']);
    expect(restDayHearingWarnings(cal, '2027-06-09')).toEqual(['开庭日期 2027-06-09 为法定节假日（端午节），请核对。']);
    // Names loaded win.
    const named = new OfficialCalendar([
      { year: 2027, notice: '测试', offDays: ['2027-06-09'], workDays: [], names: { '2027-06-09': '端午' } },
    ]);
    expect(named.day('2027-06-09').name).toBe('端午');
  });
});
