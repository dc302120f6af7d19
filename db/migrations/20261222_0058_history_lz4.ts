import type { Knex } from 'knex';

/**
 * Issue 15 (perf57), PostgreSQL only: the history's `before`/`after` case views (~2.6 KB of JSON text each) and the
 * case's `snapshot` are compressed with lz4 instead of PostgreSQL's default pglz when a row is stored. Every write
 * stores one or two such views, and PostgreSQL compresses a value once its row passes ~2 KB: measured on 6,926 history
 * rows of the API bench, pglz took ~0.10–0.18 ms a row, lz4 ~0.03–0.05 ms (the stored size ~10% larger). Values already
 * stored stay as they are (PostgreSQL reads both); nothing is rewritten, the ALTER only takes the tables' lock for a
 * moment. Left as it is where the server has no lz4 (built without it, or before PostgreSQL 14). SQLite: nothing.
 *
 * The ALTER takes the table's ACCESS EXCLUSIVE lock. Queued behind a long transaction (a report, a psql session left
 * open) it would hold up every read and write of the cases and their history until that ended — startup migrates with
 * no lock timeout of its own (server/main.ts). So it waits at most `LOCK_TIMEOUT` (`SET LOCAL`: this migration's
 * transaction only) and otherwise fails the migration, nothing changed, with PostgreSQL's "canceling statement due to
 * lock timeout": start again when the blocking transaction has ended.
 */
const LOCK_TIMEOUT = '10s';
const COLUMNS: [string, string][] = [
  ['case_events', 'before'],
  ['case_events', 'after'],
  ['cases', 'snapshot'],
];

async function lz4Available(knex: Knex): Promise<boolean> {
  if (knex.client.config.client !== 'pg') return false;
  const r = await knex.raw(`select 1 as ok from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)`);
  return r.rows.length > 0;
}

export async function up(knex: Knex): Promise<void> {
  if (!(await lz4Available(knex))) return;
  await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  for (const [table, column] of COLUMNS) await knex.raw('alter table ?? alter column ?? set compression lz4', [table, column]);
}

export async function down(knex: Knex): Promise<void> {
  if (!(await lz4Available(knex))) return;
  await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  for (const [table, column] of COLUMNS) await knex.raw('alter table ?? alter column ?? set compression default', [table, column]);
}
