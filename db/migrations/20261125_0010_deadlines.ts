import type { Knex } from 'knex';

/**
 * Deadlines of each case, recomputed in the same transaction as every case write and by the daily
 * scheduler (statuses move with time), plus the alerts the scheduler recorded (T-10, T-5, T-1, overdue).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_deadlines', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('kind', 40).notNullable();
    t.integer('party_id');
    t.string('label', 100).notNullable();
    t.string('starts_on', 10);
    t.string('due_on', 10);
    t.string('unit', 10).notNullable();
    t.integer('days').notNullable();
    t.string('basis', 100).notNullable();
    t.string('status', 10).notNullable();
    t.text('explanation').notNullable();
    t.string('assignee', 16).notNullable();
    t.string('met_on', 10);
    t.index(['case_id']);
    t.index(['status', 'due_on']);
  });
  await knex.schema.createTable('deadline_alerts', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('kind', 40).notNullable();
    t.string('threshold', 10).notNullable(); // T-10 | T-5 | T-1 | overdue
    t.string('due_on', 10).notNullable();
    t.string('created_at', 32).notNullable();
    t.unique(['case_id', 'kind', 'threshold', 'due_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('deadline_alerts');
  await knex.schema.dropTable('case_deadlines');
}
