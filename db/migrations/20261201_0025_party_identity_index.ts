import type { Knex } from 'knex';

/**
 * The duplicate-filing check at registration (Rules Arts. 34, 39) looks up earlier cases by the applicant's identity
 * number; parties were indexed by case and name only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.index(['id_number'], 'parties_id_number_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.dropIndex(['id_number'], 'parties_id_number_index');
  });
}
