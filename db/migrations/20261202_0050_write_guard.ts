import type { Knex } from 'knex';

/**
 * SQLite: the guard a queued write ends with (db/write-later.ts `writeLaterChangingOne`). A versioned UPDATE sent in one
 * script with the rest of a transaction cannot answer how many rows it changed, so the script goes on with
 * `INSERT INTO write_guard (changed) SELECT changes()`: the view takes no rows, and its trigger aborts the statement —
 * and with it the script, which is then rolled back — unless the UPDATE changed exactly one row. PostgreSQL runs such a
 * write at once and reads its row count, as before.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  await knex.raw('CREATE VIEW write_guard AS SELECT 1 AS changed WHERE 0');
  await knex.raw(
    "CREATE TRIGGER write_guard_check INSTEAD OF INSERT ON write_guard WHEN NEW.changed IS NOT 1 BEGIN SELECT RAISE(ABORT, 'zc_stale_write'); END",
  );
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') return;
  await knex.raw('DROP TRIGGER IF EXISTS write_guard_check');
  await knex.raw('DROP VIEW IF EXISTS write_guard');
}
