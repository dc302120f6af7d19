import type { Knex } from 'knex';

/**
 * Issue 15 (perfP59): fewer index entries per write.
 *
 * - `cases(accepted_on)`, `cases(closed_on)`: no statement reads cases by these dates — the statistics and the
 *   drill-downs read `case_stat_rows` (db/reports), the workload reads `closed_on IS NULL` of cases reached by id from
 *   deadlines or tribunals (db/stores/workload.ts), the list filters by state, district, track … and sorts by the
 *   received day (its own indexes stay). Every UPDATE of a case that is not HOT on PostgreSQL (an ACCEPT sets the case
 *   number, any change of state moves the state index) wrote an entry into each; on SQLite an ACCEPT and a closure wrote
 *   one into the index of the column they set.
 * - `case_stat_rows(case_id, recorded_to)`: every read of a case's statistics row is of its current one, which the
 *   unique partial index `case_stat_rows_one_current` (case_id WHERE recorded_to IS NULL) finds; no statement reads a
 *   case's past rows by case (the reports read them by date: `(accepted_on, recorded_to)`, `(closed_on, recorded_to)`,
 *   kept). Cases are never deleted, so the foreign key's reverse check never needs it. Each write that moves the
 *   statistics inserts one row and closes another: two entries fewer.
 * - (Not done: `case_events` `toast_tuple_target` 8160 was tried at first to keep the lz4-compressed history row out of
 *   the TOAST table; the target is the row length at which PostgreSQL starts compressing at all, so it stored the
 *   history rows uncompressed — reviewer s59 B. Migration 0058's lz4 stays in force.)
 *
 * The ALTERs take their tables' ACCESS EXCLUSIVE lock; like 0058 they wait at most `LOCK_TIMEOUT` for it.
 */
const LOCK_TIMEOUT = '10s';
const isPg = (knex: Knex) => knex.client.config.client === 'pg';

export async function up(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['accepted_on'], 'cases_accepted_on_index');
    t.dropIndex(['closed_on'], 'cases_closed_on_index');
  });
  await knex.schema.alterTable('case_stat_rows', (t) => {
    t.dropIndex(['case_id', 'recorded_to'], 'case_stat_rows_case_id_recorded_to_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  await knex.schema.alterTable('case_stat_rows', (t) => {
    t.index(['case_id', 'recorded_to'], 'case_stat_rows_case_id_recorded_to_index');
  });
  await knex.schema.alterTable('cases', (t) => {
    t.index(['accepted_on'], 'cases_accepted_on_index');
    t.index(['closed_on'], 'cases_closed_on_index');
  });
}
