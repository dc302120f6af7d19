import type { Knex } from 'knex';

/**
 * The hearing calendar's range in its own order (s60 D): `hearings(hearing_on, time, case_id, seq)` — the order of
 * GET /api/hearings (db/stores/hearings.ts `list`). A page of a month is then read off the index in order and stops at
 * its last row, instead of fetching every session of the month (and its case) and sorting them; the count of the range
 * is answered from the index alone; the clash check (same day, a time between two bounds) finds its sessions by day and
 * time. It replaces `hearings(hearing_on)`, its first column.
 *
 * Like 0059 the ALTER waits at most `LOCK_TIMEOUT` for the table's lock on PostgreSQL.
 */
const LOCK_TIMEOUT = '10s';
const isPg = (knex: Knex) => knex.client.config.client === 'pg';

export async function up(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  await knex.schema.alterTable('hearings', (t) => {
    t.index(['hearing_on', 'time', 'case_id', 'seq'], 'hearings_calendar_order');
    t.dropIndex(['hearing_on'], 'hearings_hearing_on_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  await knex.schema.alterTable('hearings', (t) => {
    t.index(['hearing_on'], 'hearings_hearing_on_index');
    t.dropIndex(['hearing_on', 'time', 'case_id', 'seq'], 'hearings_calendar_order');
  });
}
