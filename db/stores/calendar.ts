import type { Knex } from 'knex';
import type { CalendarYear } from '../../workflows/calendar.ts';
import { replaceReferenceRows } from './reference.ts';

export function createCalendarStore() {
  return {
    async years(trx: Knex): Promise<CalendarYear[]> {
      const rows = await trx('calendar_years').orderBy('year');
      return rows.map((r) => ({
        year: Number(r.year),
        notice: r.notice,
        offDays: JSON.parse(r.off_days),
        workDays: JSON.parse(r.work_days),
        names: r.names ? JSON.parse(r.names) : {},
      }));
    },
    async put(trx: Knex, y: CalendarYear, userId: number, now: string): Promise<void> {
      const row = {
        year: y.year,
        notice: y.notice,
        off_days: JSON.stringify(y.offDays),
        work_days: JSON.stringify(y.workDays),
        names: JSON.stringify(y.names ?? {}),
        loaded_by: userId,
        loaded_at: now,
      };
      // One year replaced; every process's cached calendar is checked against the version bumped with it (app/deps.ts).
      await replaceReferenceRows(trx, 'calendar', 'calendar_years', [row], { year: y.year });
    },
  };
}
