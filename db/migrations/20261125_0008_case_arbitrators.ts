import type { Knex } from 'knex';

/** Tribunal membership, maintained from FORM_TRIBUNAL / RECUSE_ARBITRATOR, for "my cases" and filters. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_arbitrators', (t) => {
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.boolean('presiding').notNullable().defaultTo(false);
    t.primary(['case_id', 'user_id']);
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_arbitrators');
}
