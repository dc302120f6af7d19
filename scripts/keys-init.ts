/**
 * `npm run keys:init` — makes the commission's signing key for court hand-off packages (COMMISSION_KEY_PATH, 0600)
 * unless the file exists, and registers its key id in the database (DATABASE_URL) unless a key is registered. Run once
 * per installation; on every further machine, copy the key file instead. Exit status 0 when the file holds the
 * registered key, 1 when this machine lacks it or holds another one (the message says what to do).
 */
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { describeKeyInit, initCommissionKey } from '../app/court-package/keys.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createCommissionKeyStore } from '../db/stores/commission-keys.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl, config.database);
try {
  await migrateLatest(db);
  const r = await initCommissionKey(db.knex, { commissionKeys: createCommissionKeyStore() }, config.commissionKeyPath, {
    create: true,
    now: systemClock.now().toISOString(),
    by: 'npm run keys:init',
  });
  const line = describeKeyInit(r, config.commissionKeyPath);
  if (r.status === 'missing' || r.status === 'mismatch') {
    console.error(line);
    process.exitCode = 1;
  } else console.log(line);
} finally {
  await db.close();
}
