import type { Knex } from 'knex';

/** `/readyz` proves the database writable by writing its process's row here (one small committed write per probe). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('service_heartbeats', (t) => {
    t.string('instance', 100).primary();
    t.string('started_at', 32).notNullable();
    t.string('seen_at', 32).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('service_heartbeats');
}
