import type { Knex } from 'knex';

/** An idempotent replay answers the same headers as the first answer (Location, ETag): keep them with the body. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.text('headers');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('idempotency_keys', (t) => {
    t.dropColumn('headers');
  });
}
