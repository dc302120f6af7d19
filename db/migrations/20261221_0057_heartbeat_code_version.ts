import type { Knex } from 'knex';

/**
 * Reviewer s55 B M2: every process's heartbeat says which code it runs (`code_version`: the newest migration it knows,
 * db/migrations/index.ts `CODE_VERSION`), so that a re-derivation of the statistics a migration asked for waits until no
 * process of an earlier version is still writing (app/stats/reproject.ts). A row written by an earlier version has none.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('service_heartbeats', (t) => {
    t.string('code_version', 100).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('service_heartbeats', (t) => {
    t.dropColumn('code_version');
  });
}
