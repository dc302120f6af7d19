import type { Knex } from 'knex';

/**
 * Who read which full case or downloaded which document, and when (api.md "Reading (v1.1)"). Append-only: the
 * application only inserts and lists; `GET /api/access-log` (admin, chair) reads it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_log', (t) => {
    t.bigIncrements('id');
    t.string('at', 32).notNullable();
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.string('role', 16).notNullable();
    t.string('action', 32).notNullable();
    t.integer('case_id').references('id').inTable('cases');
    t.integer('document_id');
    t.index(['at']);
    t.index(['case_id', 'at']);
    t.index(['user_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('access_log');
}
