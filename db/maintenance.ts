import type { Knex } from 'knex';
import { rebuildCounters } from './stores/stats.ts';

/**
 * Repairs a migration asked for (`maintenance_tasks`), run after the last migration with the current code and schema:
 * a migration must not compute derived data with application code written for a later schema.
 */
const TASKS: Record<string, (trx: Knex) => Promise<void>> = {
  rebuild_stat_counters: rebuildCounters,
};

/** Runs and clears the pending tasks, each in its own transaction; returns their names. */
export async function runPendingMaintenance(knex: Knex): Promise<string[]> {
  const pending = await knex('maintenance_tasks').orderBy('requested_at').select('name');
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
