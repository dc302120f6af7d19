import type { Knex } from 'knex';

/**
 * One version number per kind of cached reference data (the official calendar, minimum wages). A write bumps it in
 * its own transaction; every process compares it with the version it cached, per request, so a calendar year loaded
 * through one process is used by all of them from the next request on.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reference_versions', (t) => {
    t.string('name', 40).primary();
    t.integer('version').notNullable().defaultTo(0);
  });
  await knex('reference_versions').insert([
    { name: 'calendar', version: 0 },
    { name: 'minimum_wages', version: 0 },
  ]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reference_versions');
}
