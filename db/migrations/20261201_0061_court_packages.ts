import type { Knex } from 'knex';

/**
 * Court hand-off packages (裁审衔接, issue 17): the exact ZIP handed to a court — case.json, the stored PDFs, a manifest
 * of SHA-256 hashes and its Ed25519 signature — kept as sent, with the manifest's hash, the signature and the id of the
 * key that made it, so that the commission can later show what it sent. The private key is never stored here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('court_packages', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('purpose', 24).notNullable();
    t.string('court', 100);
    t.string('file_name', 200).notNullable();
    t.binary('bytes').notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('manifest_sha256', 64).notNullable();
    t.string('signature', 100).notNullable();
    t.string('key_id', 64).notNullable();
    t.string('schema_version', 16).notNullable();
    t.integer('case_version').notNullable();
    t.integer('document_count').notNullable();
    t.integer('created_by').references('id').inTable('users');
    t.string('created_at', 32).notNullable();
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('court_packages');
}
