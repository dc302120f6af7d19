import type { Knex } from 'knex';

/**
 * The access log's `case_id` no longer has a foreign key on PostgreSQL. The key made every access-log INSERT take a KEY
 * SHARE lock on the case row it names, so a case row held FOR UPDATE elsewhere (psql, a maintenance script) held up the
 * readers of that case — and of every other case whose rows shared the INSERT (sec50 H3). With the key gone the log
 * locks nothing: reads of all cases share one INSERT again (db/grouped-insert.ts), the FK check's cost leaves the read
 * path (issue 15), and a blocked case blocks no reader. The log is append-only and cases are never deleted, so the key
 * guarded nothing the application can break; an audit log that outlives what it names is what an audit log should be.
 *
 * SQLite keeps its key: it has no row locks (one writer), and dropping a key there means rebuilding the table.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('ALTER TABLE access_log DROP CONSTRAINT IF EXISTS access_log_case_id_foreign');
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('ALTER TABLE access_log ADD CONSTRAINT access_log_case_id_foreign FOREIGN KEY (case_id) REFERENCES cases (id)');
}
