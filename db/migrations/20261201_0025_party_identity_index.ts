import type { Knex } from 'knex';

/**
 * The duplicate-filing check at registration (Rules Arts. 34, 39) looks earlier cases up by the parties' identity
 * numbers (credit codes for the search by employer to come); parties were indexed by case and name only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.index(['id_number'], 'parties_id_number_index');
    t.index(['credit_code'], 'parties_credit_code_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.dropIndex(['credit_code'], 'parties_credit_code_index');
    t.dropIndex(['id_number'], 'parties_id_number_index');
  });
}
