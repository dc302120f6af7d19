import type { Knex } from 'knex';

/** The employer's ownership type (用人单位经济类型) on a party, optional: the yearbook's "by employer type" rows (issue 18). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.string('ownership', 24);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.dropColumn('ownership');
  });
}
