import type { Knex } from 'knex';

/** Append-only audit of writes that are not about one case (users, reference data, calendar). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.string('entity', 40).notNullable();
    t.string('entity_key', 100).notNullable();
    t.string('action', 40).notNullable();
    t.integer('actor_id').references('id').inTable('users');
    t.string('actor_role', 16);
    t.string('recorded_at', 32).notNullable();
    t.text('before');
    t.text('after');
    t.index(['entity', 'entity_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
}
