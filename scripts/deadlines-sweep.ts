/**
 * `npm run deadlines:sweep` — for cron: recompute every open case's deadlines for today and record alerts.
 * Idempotent: a second run on the same day changes nothing.
 */

import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { createDeps } from '../app/deps.ts';
import { sweepDeadlines } from '../app/time/sweep.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createLogger } from '../server/logger.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl);
await migrateLatest(db);
const deps = createDeps({ db, clock: systemClock, logger: createLogger(config.logLevel), config });
const r = await sweepDeadlines(deps, systemClock.today());
console.log(
  `deadline sweep ${systemClock.today()}: ${r.cases} cases, ${r.deadlinesChanged} changed, ${r.alertsRecorded} alerts recorded, ${r.overdue} overdue deadlines`,
);
await db.close();
