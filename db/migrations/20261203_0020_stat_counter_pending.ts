import type { Knex } from 'knex';

/**
 * PostgreSQL: the statistics counters' deltas of each write wait here, one row per transaction and recording day, until
 * they are added to the counters under one advisory lock (db/stores/stats.ts `settleCounters`) — by every report before
 * it reads and every few seconds in the background. A write then inserts one row instead of locking the day's shared
 * counter rows until it commits, which every write of every process did. (SQLite added them in the write's own
 * transaction until stop 44; it pends them the same way since — the table is the same.)
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stat_counter_pending', (t) => {
    t.bigIncrements('id');
    t.string('recorded_on', 10).notNullable();
    // [[dim, key, day, {measure: delta}], …]
    t.text('deltas').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('stat_counter_pending');
}
