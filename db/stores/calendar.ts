import type { Knex } from 'knex';
import type { CalendarYear } from '../../workflows/calendar.ts';

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
      await trx('calendar_years').insert(row).onConflict('year').merge();
      // Every process's cached calendar is checked against this version (app/deps.ts).
      await trx('reference_versions').where({ name: 'calendar' }).increment('version', 1);
    },
  };
}
