/**
 * `npm run migrate` — runs the pending migrations on DATABASE_URL (on PostgreSQL under the start-up advisory lock, as
 * the server does, so it may run while servers start). Run it as the role that owns the tables; the server may then run
 * as a role that does not (README "PostgreSQL").
 */
import { loadConfig } from '../app/config.ts';
import { openDatabase, withAdvisoryLock } from '../db/knex.ts';
import { runPendingMaintenance } from '../db/maintenance.ts';
import { assertSchemaNotNewer, migrateToLatest, migrationSource } from '../db/migrations/index.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0, lockTimeoutMs: 0 });
try {
  // A schema newer than this code is refused saying so before knex lists anything (it would call the folder corrupt).
  await assertSchemaNotNewer(db.knex);
  const [, pending] = (await db.knex.migrate.list({ migrationSource })) as [unknown[], unknown[]];
  const r = await withAdvisoryLock(db, 'startup', async () => {
    await migrateToLatest(db.knex);
    return runPendingMaintenance(db.knex);
  });
  const repairs = r.acquired && r.value.length ? `; repairs: ${r.value.join(', ')}` : '';
  console.log(`migrations: ${pending.length} applied, database up to date (${db.dialect})${repairs}`);
} finally {
  await db.close();
}
