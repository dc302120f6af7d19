import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../app/stats/closure.ts';
import { endOfDayInstant } from '../../db/reports/closure-rate.ts';
import { addDays, addMonths, cstDate, cstDayStart, daysBetween, daysInMonth, mondayOf, weekday } from '../../workflows/dates.ts';

describe('calendar days (workflows/dates.ts)', () => {
  it('days in a month, leap years included', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('the Monday of a week, across a month and a year', () => {
    expect(mondayOf('2026-03-16')).toBe('2026-03-16'); // a Monday
    expect(mondayOf('2026-03-22')).toBe('2026-03-16'); // Sunday belongs to the week before it
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('an instant’s day is its day in China Standard Time; a day starts at 16:00 UTC the day before', () => {
    expect(cstDate(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(cstDate('2026-03-31T16:00:00Z')).toBe('2026-04-01');
    expect(cstDayStart('2026-04-01')).toBe('2026-03-31T16:00:00.000Z');
    expect(cstDate(cstDayStart('2026-01-01'))).toBe('2026-01-01');
    // The statistics' "end of day" is the start of the next day, from the same rule.
    expect(endOfDayInstant('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('reporting months starting on the 21st span the year end and leap February', () => {
    expect(resolvePeriod({ period: '2026-01' }, 21, '2026-12-01')).toMatchObject({ from: '2025-12-21', to: '2026-01-20' });
    expect(resolvePeriod({ period: '2024-03' }, 21, '2026-12-01')).toMatchObject({ from: '2024-02-21', to: '2024-03-20' });
    expect(resolvePeriod({ period: '2026-Q4' }, 1, '2026-12-01')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(resolvePeriod({ period: '2026' }, 26, '2026-12-01')).toMatchObject({ from: '2025-12-26', to: '2026-12-25' });
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
  });

  it('no ad-hoc arithmetic on calendar days elsewhere in app/, db/, templates/ and workflows/', () => {
    // Patterns of a hand-rolled date calculation: a day string made an instant, an instant cut back to a day, a
    // weekday or month length read from a Date, a millisecond difference divided into days.
    const adHoc = [/T00:00:00/, /toISOString\(\)\.slice\(0, 10\)/, /getUTCDay\(\)|getUTCDate\(\)/, /\/ 86_?400_?000/, /T16:00:00/];
    // db/stores/stats.ts is being rewritten on another branch (perf); its cstDay moves to cstDate there.
    const allowed = new Set(['workflows/dates.ts', 'db/stores/stats.ts']);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? (p === join('db', 'migrations') ? [] : files(p)) : p.endsWith('.ts') ? [p] : [];
      });
    const found = ['app', 'db', 'templates', 'workflows']
      .flatMap(files)
      .filter((f) => !allowed.has(f.split('\\').join('/')))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (adHoc.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});

describe('day arithmetic agrees with Date on every day', () => {
  it('addDays and weekday match Date for each day of 1900–2200, and across year 1000', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2200, 11, 31); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      const next = new Date(t + 86_400_000).toISOString().slice(0, 10);
      if (addDays(d, 1) !== next || addDays(next, -1) !== d || weekday(d) !== new Date(t).getUTCDay()) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
    expect([addDays('0999-12-31', 1), addDays('1000-01-01', -1)]).toEqual(['1000-01-01', '0999-12-31']);
  });
});
