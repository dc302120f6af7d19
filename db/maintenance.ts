import type { Knex } from 'knex';
import { HEARING_EVENTS, sessionsFromHistory } from '../workflows/hearings.ts';
import { createHearingStore } from './stores/hearings.ts';
import { rebuildCounters } from './stores/stats.ts';

/**
 * The hearing calendar of the cases already there (migration 0070 made the table; 20261202_0040 made it one row per
 * session): every session rebuilt from each case's append-only history through workflows/hearings.ts — the same steps
 * every hearing event takes. Pages through the cases that had a hearing event by id (keyset), `pageSize` at a time;
 * replacing a case's rows, so running it again gives the same rows.
 */
export async function backfillHearings(trx: Knex, pageSize = 500): Promise<void> {
  const hearings = createHearingStore();
  const types = [...HEARING_EVENTS];
  for (let after = 0; ; ) {
    const ids = (
      await trx('case_events').whereIn('type', types).where('case_id', '>', after).distinct('case_id').orderBy('case_id').limit(pageSize)
    ).map((r) => Number(r.case_id));
    if (!ids.length) return;
    const events = await trx('case_events')
      .whereIn('case_id', ids)
      .whereIn('type', types)
      .orderBy(['case_id', 'seq'])
      .select('case_id', 'type', 'occurred_on', 'payload');
    const closed = new Set((await trx('cases').whereIn('id', ids).whereNotNull('closed_on').select('id')).map((r) => Number(r.id)));
    for (const id of ids) {
      const mine = events
        .filter((e) => Number(e.case_id) === id)
        .map((e) => ({
          type: e.type as string,
          occurredOn: e.occurred_on as string,
          payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : (e.payload ?? {})) as Record<string, unknown>,
        }));
      await hearings.replaceSessions(trx, id, sessionsFromHistory(mine, closed.has(id)));
    }
    after = ids.at(-1) as number;
  }
}

/**
 * Repairs a migration asked for (`maintenance_tasks`), run after the last migration with the current code and schema:
 * a migration must not compute derived data with application code written for a later schema.
 */
const TASKS: Record<string, (trx: Knex) => Promise<void>> = {
  rebuild_stat_counters: rebuildCounters,
  // s61 D: the sessions rebuilt are stored unflagged (`before_answer_period_ends` false): their answer-period flag is
  // judged again by the application after start (`reflag_answer_periods`), asked for in the same transaction when a
  // session is still to be held.
  backfill_hearings: async (trx) => {
    await backfillHearings(trx);
    if (await trx('hearings').where({ status: 'scheduled' }).first('case_id'))
      await requestMaintenance(trx, 'reflag_answer_periods', 'hearing calendar: the flags of the sessions backfill_hearings rebuilt');
  },
};

/** Asks for a task (once: a request already pending stays as it is). */
export async function requestMaintenance(k: Knex, name: string, reason: string): Promise<void> {
  await k('maintenance_tasks').insert({ name, requested_at: new Date().toISOString(), reason }).onConflict('name').ignore();
}

/**
 * Tasks that need the application (its stores, calendar and periods), not a transaction alone: left pending here and run
 * by the server once it has started (`reproject_statistics`: app/stats/reproject.ts `runRequestedReprojection`;
 * `reflag_answer_periods`: app/procedure/answer-flag.ts `runRequestedReflag`).
 */
export const APPLICATION_TASKS: readonly string[] = ['reproject_statistics', 'reflag_answer_periods'];

/** Whether a migration asked for the task and it has not run yet. */
export async function maintenanceRequested(knex: Knex, name: string): Promise<boolean> {
  return Boolean(await knex('maintenance_tasks').where({ name }).first('name'));
}

/** The task has run (or is no longer needed). */
export async function clearMaintenance(knex: Knex, name: string): Promise<void> {
  await knex('maintenance_tasks').where({ name }).delete();
}

/** Runs and clears the pending tasks, each in its own transaction; returns their names. */
export async function runPendingMaintenance(knex: Knex): Promise<string[]> {
  const pending = await knex('maintenance_tasks')
    .whereNotIn('name', [...APPLICATION_TASKS])
    .orderBy('requested_at')
    .select('name');
  const done: string[] = [];
  for (const { name } of pending) {
    const task = TASKS[name as string];
    if (!task) throw new Error(`unknown maintenance task ${name}`);
    await knex.transaction(async (trx) => {
      await task(trx);
      await trx('maintenance_tasks').where({ name }).delete();
    });
    done.push(name);
  }
  return done;
}
