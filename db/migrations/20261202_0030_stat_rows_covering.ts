import type { Knex } from 'knex';

/**
 * Issue 15: a statistics drill-down (db/reports/closure-rate.ts closureCases) counts and pages the current statistics
 * rows of a measure — carried over, accepted, pending, overdue — by their dates, track and closure. The index on the
 * acceptance date alone made each of the ~1 M matching rows a table lookup (5.2 s for "pending at year end" at 1 M
 * cases on SQLite); with every column those measures read in the index, the count and the page's order come from the
 * index alone. The row id (SQLite's rowid, PostgreSQL's primary key) is what the page then reads the 50 rows by.
 */
const COLUMNS = 'accepted_on, closed_on, track, closure_mode, award_due_on, closed_late, received_on, case_id';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX case_stat_rows_current_accepted');
  await knex.raw(`CREATE INDEX case_stat_rows_current_accepted ON case_stat_rows (${COLUMNS}) WHERE recorded_to IS NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX case_stat_rows_current_accepted');
  await knex.raw('CREATE INDEX case_stat_rows_current_accepted ON case_stat_rows (accepted_on) WHERE recorded_to IS NULL');
}
