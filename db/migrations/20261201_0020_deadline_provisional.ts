import type { Knex } from 'knex';

/**
 * api.md v1.1: a deadline computed beyond the loaded official calendar carries a provisional due date (weekends only)
 * and says so; `met_late` (an act done after its due date) fits the existing status column.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_deadlines', (t) => {
    t.boolean('provisional').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_deadlines', (t) => {
    t.dropColumn('provisional');
  });
}
