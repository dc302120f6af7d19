/**
 * `npm run deadlines:sweep` — for cron: recompute every open case's deadlines for today and record alerts.
 * Idempotent: a second run on the same day changes nothing.
 */
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { systemClock } from '../server/clock.ts';
import { loadConfig } from '../server/config.ts';
import { createDeps } from '../server/deps.ts';
import { createLogger } from '../server/logger.ts';
import { sweepDeadlines } from '../server/scheduler.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl);
await migrateLatest(db);
const deps = createDeps({ db, clock: systemClock, logger: createLogger(config.logLevel), config });
const r = await sweepDeadlines(deps, systemClock.today());
console.log(
  `deadline sweep ${systemClock.today()}: ${r.cases} cases, ${r.deadlinesChanged} changed, ${r.alertsRecorded} alerts recorded, ${r.overdue} overdue deadlines`,
);
await db.close();
