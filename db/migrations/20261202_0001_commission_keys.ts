import type { Knex } from 'knex';

/**
 * The commission's signing key as the database knows it (court hand-off packages, issue 17): the key id and public key
 * of the one key every process must sign with. The private key stays in its file (COMMISSION_KEY_PATH), never here; a
 * process whose file holds another key refuses to sign, and GET /api/keys publishes what is registered here, so two
 * machines with two keys can no longer hand courts packages signed by a key the commission does not publish. At most
 * one current key (retired_at null); a retired key stays listed for the packages it signed.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('commission_keys', (t) => {
    t.string('key_id', 64).primary();
    t.string('algorithm', 16).notNullable();
    t.text('public_key_pem').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('registered_at', 32).notNullable();
    t.string('registered_by', 200).notNullable();
    t.string('retired_at', 32);
  });
  await knex.raw('CREATE UNIQUE INDEX commission_keys_one_current ON commission_keys ((1)) WHERE retired_at IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('commission_keys');
}
