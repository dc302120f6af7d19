import type { Knex } from 'knex';

/** The sweep purges expired tokens and old idempotency records (their stored answers hold identity numbers). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tokens', (t) => t.index(['expires_at'], 'tokens_expires_at'));
  await knex.schema.alterTable('idempotency_keys', (t) => t.index(['created_at'], 'idempotency_keys_created_at'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('idempotency_keys', (t) => t.dropIndex(['created_at'], 'idempotency_keys_created_at'));
  await knex.schema.alterTable('tokens', (t) => t.dropIndex(['expires_at'], 'tokens_expires_at'));
}
