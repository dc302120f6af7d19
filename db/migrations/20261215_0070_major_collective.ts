import type { Knex } from 'knex';

/**
 * 重大集体劳动人事争议 (domain.md §8.2 "Major collective disputes"): the chair's marking of a collective case as major
 * (`major_marked`). A collective case is major when the chair marked it or when its workers reach
 * MAJOR_COLLECTIVE_MIN_WORKERS (a local choice, app/config.ts) — the head count is read from the case's parties at
 * read time, so only the chair's marking is stored. Existing cases are not marked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.boolean('major_marked').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('major_marked');
  });
}
