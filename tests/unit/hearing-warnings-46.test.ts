import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { defensePeriodWarnings, earliestDefenseEnd } from '../../workflows/hearings.ts';

/** Stop 46 M1: a period not yet begun ends at the earliest as if served on the act's day, on the official calendar. */
type Ctx = Parameters<typeof defensePeriodWarnings>[0];
const cal = new OfficialCalendar(packagedCalendarYears());
const base = {
  track: 'arbitration',
  acceptedOn: '2026-09-21',
  closure: null,
  defensePeriodDays: null,
  parties: [
    { id: 1, side: 'applicant' },
    { id: 2, side: 'respondent' },
  ],
  services: [],
  partyAdditions: [],
} as unknown as Ctx;

describe('earliestDefenseEnd (stop 46 M1)', () => {
  it('ten working days from the act, holidays skipped and make-up days counted (Rules Art. 80)', () => {
    expect(earliestDefenseEnd('2026-12-02', cal)).toEqual({ dueOn: '2026-12-16', provisional: false, unit: 'working' });
    // Over 国庆节 2026 (10-01…10-07 off, 10-10 a make-up working day): 09-29, 09-30, 10-08, 10-09, 10-10, 10-12…10-16.
    expect(earliestDefenseEnd('2026-09-28', cal)).toEqual({ dueOn: '2026-10-16', provisional: false, unit: 'working' });
    // A year whose schedule is not loaded: weekends and law-fixed holidays only, marked provisional.
    expect(earliestDefenseEnd('2030-12-02', cal)).toEqual({ dueOn: '2030-12-16', provisional: true, unit: 'working' });
    // A calendar-day override (PERIODS_OVERRIDE) is counted in calendar days, rolled off a rest day.
    expect(earliestDefenseEnd('2026-12-02', cal, { days: 10, unit: 'calendar' })).toMatchObject({ dueOn: '2026-12-14', unit: 'calendar' });
  });

  it('a hearing on that end is warned of, the day after it is not; a provisional end is marked 预计', () => {
    const on = (hearingOn: string, actOn: string) =>
      defensePeriodWarnings(base, hearingOn, [], actOn, 'hearing', earliestDefenseEnd(actOn, cal));
    expect(on('2026-12-16', '2026-12-02')[0]).toContain('答辩期最早也要到 2026-12-16 才届满');
    expect(on('2026-12-17', '2026-12-02')).toEqual([]);
    expect(on('2030-12-16', '2030-12-02')[0]).toContain('2030-12-16（预计）');
  });
});
