/**
 * `npm run stats:reproject` — re-derives the statistics projection of every case with the current definitions and
 * records what changed as of now (app/stats/reproject.ts). Run once after upgrading to a release that changes them.
 */
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { createDeps } from '../app/deps.ts';
import { reprojectStatistics } from '../app/stats/reproject.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { clearMaintenance } from '../db/maintenance.ts';
import { createLogger } from '../server/logger.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl);
await migrateLatest(db);
const deps = createDeps({ db, clock: systemClock, logger: createLogger(config.logLevel), config });
const r = await reprojectStatistics(deps);
// A migration's request for the same (`reproject_statistics`) is met.
await clearMaintenance(db.knex, 'reproject_statistics');
console.log(`statistics re-projected: ${r.cases} cases, ${r.changed} changed`);
await db.close();
