import type { Knex } from 'knex';

/**
 * Official holiday arrangements loaded by an admin (PUT /api/calendar/years/:year), each with its State
 * Council notice. They override the data packaged with the server (chinese-days) for the same year.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('calendar_years', (t) => {
    t.integer('year').primary();
    t.string('notice', 300).notNullable();
    t.text('off_days').notNullable();
    t.text('work_days').notNullable();
    t.text('names');
    t.integer('loaded_by').references('id').inTable('users');
    t.string('loaded_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_years');
}
