import type { Knex } from 'knex';

/**
 * User lifecycle: a password an admin reset must be changed at the next login; tokens remember their last use (idle
 * timeout) and are found per user (log out everywhere, session limit).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.string('password_changed_at', 32);
  });
  await knex.schema.alterTable('tokens', (t) => {
    t.string('last_used_at', 32);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tokens', (t) => {
    t.dropIndex(['user_id']);
    t.dropColumn('last_used_at');
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('password_changed_at');
    t.dropColumn('must_change_password');
  });
}
