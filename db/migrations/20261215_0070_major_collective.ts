import type { Knex } from 'knex';

/**
 * 重大集体劳动人事争议 (domain.md §8.2 "Major collective disputes"): a collective case's marking as major
 * (`major_marked`) — at registration when its workers reach MAJOR_COLLECTIVE_MIN_WORKERS (a local choice, app/config.ts;
 * app/cases/register-case.ts majorAtRegistration), or by the chair at any time. Major cases come first in the case list:
 * the list's order index (20261201_0015) leads with the marking, so a page is still read from the index (issue 15).
 *
 * Existing collective cases are marked by the default head count (30 workers, the statistics projection's current row);
 * a commission with another MAJOR_COLLECTIVE_MIN_WORKERS marks or unmarks them by hand (the chair's PATCH).
 */
export async function up(knex: Knex): Promise<void> {
  // Plain DDL, here, for the index below and in `down`: knex's SQLite alterTable rebuilds the table for a NOT NULL column or an
  // index change, which the foreign keys to a `cases` holding rows refuse.
  await knex.raw('ALTER TABLE cases ADD COLUMN major_marked boolean NOT NULL DEFAULT FALSE');
  await knex('cases')
    .where('collective', true)
    .whereIn('id', knex('case_stat_rows').select('case_id').whereNull('recorded_to').where('workers', '>=', 30))
    .update({ major_marked: true });
  await knex.raw('DROP INDEX cases_list_order');
  await knex.raw('CREATE INDEX cases_list_order ON cases (major_marked, wage_arrears, collective, received_on, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX cases_list_order');
  await knex.raw('CREATE INDEX cases_list_order ON cases (wage_arrears, collective, received_on, id)');
  await knex.raw('ALTER TABLE cases DROP COLUMN major_marked');
}
