import type { Knex } from 'knex';

/**
 * Attempts counted in sliding windows, shared by every process on the database: failed logins per address and per
 * account, document generation and exports per user. Keys are stored as sha256 hashes (no usernames or addresses
 * at rest); rows older than the longest window are pruned.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('throttle_events', (t) => {
    t.bigIncrements('id');
    t.string('bucket', 32).notNullable();
    t.string('key_hash', 64).notNullable();
    t.string('at', 32).notNullable();
    t.index(['bucket', 'key_hash', 'at']);
    t.index(['at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('throttle_events');
}
