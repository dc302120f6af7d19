import type { Knex } from 'knex';

/**
 * Recomputing open cases' deadlines after an admin loads a calendar year, as a background job (a request no longer
 * recomputes every case before it answers). One row per load: who asked and when, who ran it, and its cursor — the
 * last case done, written in the same transaction as that case's deadlines — so a run stopped half-way (a restart,
 * a shutdown) resumes after the last case it finished.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('calendar_recomputations', (t) => {
    t.increments('id').primary();
    t.integer('year').notNullable();
    t.integer('requested_by').notNullable();
    t.string('requested_at', 32).notNullable();
    t.string('holder', 100);
    t.string('started_at', 32);
    t.string('finished_at', 32);
    t.integer('cases_total');
    t.integer('cases_done').notNullable().defaultTo(0);
    t.integer('deadlines_changed').notNullable().defaultTo(0);
    t.integer('last_case_id').notNullable().defaultTo(0);
    t.index(['finished_at', 'id'], 'calendar_recomputations_pending_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_recomputations');
}
