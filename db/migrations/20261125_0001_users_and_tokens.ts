import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.string('username', 64).notNullable().unique();
    t.string('display_name', 100).notNullable();
    t.string('role', 16).notNullable();
    t.string('password_hash', 255).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.string('created_at', 32).notNullable();
  });
  await knex.schema.createTable('tokens', (t) => {
    t.increments('id');
    // sha256 of the opaque bearer token; the token itself is never stored.
    t.string('token_hash', 64).notNullable().unique();
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.string('created_at', 32).notNullable();
    t.string('expires_at', 32).notNullable();
    t.string('revoked_at', 32);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tokens');
  await knex.schema.dropTable('users');
}
