import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { deemedServiceDay } from '../../workflows/deadlines.ts';
import { resolvePeriods } from '../../workflows/periods.ts';

/** CPL Art. 95: public notice is deemed served when 30 days have passed from publication (domain.md §14.2). */
const cal = new OfficialCalendar(packagedCalendarYears());

describe('public notice: the deemed service day', () => {
  const notice = resolvePeriods().public_notice;

  it.each([
    // [published, deemed, what]
    ['2026-03-06', '2026-04-05', 'publication day not counted (CPL Art. 85(2)): 03-07 is day 1, 04-05 day 30'],
    ['2026-01-31', '2026-03-02', 'across February (28 days): 02-01 is day 1'],
    ['2025-12-15', '2026-01-14', 'across the year boundary'],
  ])('published %s → deemed served %s (%s)', (published, deemed) => {
    expect(deemedServiceDay(cal, notice, published)).toBe(deemed);
  });

  it('a deemed day on a rest day stays (reading: no act falls due on it); rollOver: true moves it (CPL Art. 85(3))', () => {
    // 2026-04-05 is in the Qingming break (04-04…04-06).
    expect(deemedServiceDay(cal, notice, '2026-03-06')).toBe('2026-04-05');
    const rolled = resolvePeriods('{"public_notice":{"rollOver":true}}').public_notice;
    expect(deemedServiceDay(cal, rolled, '2026-03-06')).toBe('2026-04-07');
  });

  it('a working-day unit counts working days; rollOver belongs to public_notice only', () => {
    const working = resolvePeriods('{"public_notice":{"unit":"working"}}').public_notice;
    expect(deemedServiceDay(cal, working, '2026-03-06')).toBe('2026-04-20');
    expect(() => resolvePeriods('{"defense":{"rollOver":true}}')).toThrow(/public_notice only/);
    expect(() => resolvePeriods('{"public_notice":{"rollOver":"yes"}}')).toThrow(/public_notice only/);
  });
});
