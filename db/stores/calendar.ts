import type { Knex } from 'knex';
import type { CalendarYear } from '../../workflows/calendar.ts';
import { replaceReferenceRows } from './reference.ts';

export interface Recomputation {
  id: number;
  year: number;
  requestedBy: number;
  requestedAt: string;
  holder: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  casesTotal: number | null;
  casesDone: number;
  deadlinesChanged: number;
  lastCaseId: number;
}

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const recomputation = (r: Record<string, any>): Recomputation => ({
  id: Number(r.id),
  year: Number(r.year),
  requestedBy: Number(r.requested_by),
  requestedAt: r.requested_at,
  holder: r.holder ?? null,
  startedAt: r.started_at ?? null,
  finishedAt: r.finished_at ?? null,
  casesTotal: r.cases_total === null || r.cases_total === undefined ? null : Number(r.cases_total),
  casesDone: Number(r.cases_done),
  deadlinesChanged: Number(r.deadlines_changed),
  lastCaseId: Number(r.last_case_id),
});

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
    /** Asks for open cases' deadlines to be recomputed (app/time/recompute.ts), in the transaction that loads the year. */
    async requestRecomputation(trx: Knex, year: number, userId: number, now: string): Promise<Recomputation> {
      const row = { year, requested_by: userId, requested_at: now };
      const [ins] = await trx('calendar_recomputations').insert(row).returning('id');
      return recomputation({ ...row, id: (ins as { id: number }).id, cases_done: 0, deadlines_changed: 0, last_case_id: 0 });
    },
    async recomputation(k: Knex, id: number): Promise<Recomputation | undefined> {
      const r = await k('calendar_recomputations').where({ id }).first();
      return r ? recomputation(r) : undefined;
    },
    /** The oldest recomputation not finished (never started, or stopped half-way). */
    async nextRecomputation(k: Knex): Promise<Recomputation | undefined> {
      const r = await k('calendar_recomputations').whereNull('finished_at').orderBy('id').first();
      return r ? recomputation(r) : undefined;
    },
    async recomputationStarted(k: Knex, id: number, holder: string, now: string, total: number): Promise<void> {
      await k('calendar_recomputations')
        .where({ id })
        .update({ holder, cases_total: total, started_at: k.raw('coalesce(started_at, ?)', [now]) });
    },
    /** One case done: in that case's transaction, so the cursor never runs ahead of (or behind) what was written. */
    async recomputationProgress(trx: Knex, id: number, caseId: number, changed: boolean): Promise<void> {
      await trx('calendar_recomputations')
        .where({ id })
        .update({
          last_case_id: caseId,
          cases_done: trx.raw('cases_done + 1'),
          deadlines_changed: trx.raw('deadlines_changed + ?', [changed ? 1 : 0]),
        });
    },
    async recomputationFinished(k: Knex, id: number, now: string): Promise<void> {
      await k('calendar_recomputations').where({ id }).update({ finished_at: now });
    },
  };
}
