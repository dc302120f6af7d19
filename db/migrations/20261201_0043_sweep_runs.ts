import type { Knex } from 'knex';

/**
 * One row per day the daily sweep ran (whichever process led it, under an advisory lock on PostgreSQL): when, what it
 * changed and purged, and the state of the tamper-evident record (history chain) it verified.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sweep_runs', (t) => {
    t.string('day', 10).primary();
    t.string('holder', 100).notNullable();
    t.string('started_at', 32).notNullable();
    t.string('finished_at', 32);
    t.integer('cases');
    t.integer('deadlines_changed');
    t.integer('alerts_recorded');
    t.integer('purged_tokens');
    t.integer('purged_idempotency');
    t.boolean('chain_ok');
    t.text('chain_broken');
    t.string('chain_anchor', 64);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sweep_runs');
}
