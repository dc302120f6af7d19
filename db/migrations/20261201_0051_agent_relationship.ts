import type { Knex } from 'knex';

/** A relative acting as agent: the relationship to the party, printed on documents (domain.md §12.3 item 2). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agents', (t) => {
    t.string('relationship', 20);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agents', (t) => {
    t.dropColumn('relationship');
  });
}
