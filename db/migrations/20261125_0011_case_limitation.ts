import type { Knex } from 'knex';

/** Facts for the limitation warning (LDMAL Art. 27): when the worker knew, interruptions, suspensions. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.text('limitation');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('limitation');
  });
}
