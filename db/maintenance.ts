import type { Knex } from 'knex';
import { hearingRowOf } from '../workflows/hearings.ts';
import { migrateSnapshot, type PersistedSnapshot } from '../workflows/procedure.ts';
import { createHearingStore } from './stores/hearings.ts';
import { rebuildCounters } from './stores/stats.ts';

/**
 * The hearing calendar of the cases already there (db/migrations/20261201_0070_hearings.ts made the table empty): each
 * case's stored procedure context, brought to the current machine version, through the same derivation every hearing
 * event uses (workflows/hearings.ts). Pages through the cases by id (keyset), `pageSize` at a time.
 */
export async function backfillHearings(trx: Knex, pageSize = 500): Promise<void> {
  const hearings = createHearingStore();
  for (let after = 0; ; ) {
    const page = await trx('cases').where('id', '>', after).whereNotNull('snapshot').orderBy('id').limit(pageSize).select('id', 'snapshot');
    if (!page.length) return;
    for (const r of page) {
      const stored = (typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot) as PersistedSnapshot;
      await hearings.replace(trx, Number(r.id), hearingRowOf(migrateSnapshot(stored).context));
    }
    after = Number(page.at(-1).id);
  }
}

/**
 * Repairs a migration asked for (`maintenance_tasks`), run after the last migration with the current code and schema:
 * a migration must not compute derived data with application code written for a later schema.
 */
const TASKS: Record<string, (trx: Knex) => Promise<void>> = {
  rebuild_stat_counters: rebuildCounters,
  backfill_hearings: (trx) => backfillHearings(trx),
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
