import type { Knex } from 'knex';

/**
 * The access log's `case_id` and `user_id` no longer have foreign keys on PostgreSQL. The case key made every access-log
 * INSERT take a KEY SHARE lock on the case row it names, so a case row held FOR UPDATE elsewhere (psql, a maintenance
 * script) held up the readers of that case — and of every other case whose rows shared the INSERT (sec50 H3). With the
 * keys gone the log locks nothing: reads of all cases share one INSERT again (db/grouped-insert.ts), the key checks'
 * cost leaves the read path (issue 15), and a row held locked blocks no reader. The user key goes for the same reason
 * (a users row held FOR UPDATE from outside would hold up every reader in the shared INSERT; reviewer s51 L1). The log
 * is append-only and neither cases nor users are ever deleted, so the keys guarded nothing the application can break;
 * an audit log that outlives what it names is what an audit log should be.
 *
 * SQLite keeps its keys: it has no row locks (one writer), and dropping a key there means rebuilding the table.
 */
export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('ALTER TABLE access_log DROP CONSTRAINT IF EXISTS access_log_case_id_foreign');
  await knex.raw('ALTER TABLE access_log DROP CONSTRAINT IF EXISTS access_log_user_id_foreign');
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('ALTER TABLE access_log ADD CONSTRAINT access_log_case_id_foreign FOREIGN KEY (case_id) REFERENCES cases (id)');
  await knex.raw('ALTER TABLE access_log ADD CONSTRAINT access_log_user_id_foreign FOREIGN KEY (user_id) REFERENCES users (id)');
}
