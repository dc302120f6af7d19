import type { Knex } from 'knex';

/**
 * The case list's default order — wage arrears and collective cases first (priority, Rules Art. 5), then newest —
 * read from an index instead of sorting the whole table for every page; parties read in order per case.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.index(['wage_arrears', 'collective', 'received_on', 'id'], 'cases_list_order');
  });
  await knex.schema.alterTable('parties', (t) => {
    t.index(['case_id', 'side', 'seq'], 'parties_case_order');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.dropIndex(['case_id', 'side', 'seq'], 'parties_case_order');
  });
  await knex.schema.alterTable('cases', (t) => {
    t.dropIndex(['wage_arrears', 'collective', 'received_on', 'id'], 'cases_list_order');
  });
}
