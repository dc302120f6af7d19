import type { Knex } from 'knex';

/**
 * The hearing calendar (issue 16): one row per case for its latest scheduled hearing — day, time, room, public —
 * and whether it has been held. Kept in step with the case by every event that schedules, postpones or holds a
 * hearing or closes the case (app/cases/case-state.ts `syncHearing`). Existing cases get their rows from the
 * maintenance task it requests.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('hearings', (t) => {
    t.integer('case_id').primary().references('cases.id');
    t.string('hearing_on', 10).notNullable();
    t.string('time', 5);
    t.string('place', 100).notNullable();
    t.boolean('public').notNullable().defaultTo(true);
    t.string('status', 10).notNullable();
    t.string('scheduled_on', 10).notNullable();
    t.index(['hearing_on']);
    t.index(['place', 'hearing_on']);
  });
  // The rows of the cases already there are derived data: filled after the last migration, with the current code
  // (db/maintenance.ts backfill_hearings), not with this migration's copy of it.
  if (await knex('cases').whereNotNull('snapshot').first('id')) {
    await knex('maintenance_tasks')
      .insert({
        name: 'backfill_hearings',
        requested_at: new Date().toISOString(),
        reason: 'hearing calendar rows of the cases registered before it existed',
      })
      .onConflict('name')
      .ignore();
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('hearings');
}
