/**
 * `npm run deadlines:sweep` — for cron: today's daily sweep (deadlines and alerts, purging expired tokens and old
 * idempotency records, the history-chain check). Idempotent: a second run on the same day changes nothing.
 * PostgreSQL: waits while another process leads the sweep. SQLite: runs next to a running server (write transactions
 * take the write lock with BEGIN IMMEDIATE and wait up to DB_BUSY_TIMEOUT_MS for it).
 * Deadline recomputations left unfinished after a calendar load (app/time/recompute.ts) are finished first.
 * Exit status 1 when the history chain is broken (the first broken row is printed).
 */

import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { createDeps } from '../app/deps.ts';
import { runRecomputations } from '../app/time/recompute.ts';
import { runDailySweep } from '../app/time/sweep.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createLogger } from '../server/logger.ts';

const config = loadConfig();
const db = openDatabase(config.databaseUrl, config.database);
await migrateLatest(db);
const deps = createDeps({ db, clock: systemClock, logger: createLogger(config.logLevel), config });
await runRecomputations(deps);
const r = await runDailySweep(deps, { force: true, wait: true });
await db.close();
if (!r) throw new Error('the sweep did not run');
console.log(
  `deadline sweep ${r.day}: ${r.cases} cases, ${r.deadlinesChanged} changed, ${r.alertsRecorded} alerts recorded, ${r.overdue} overdue deadlines; ` +
    `purged ${r.purgedTokens} expired tokens, ${r.purgedIdempotency} idempotency records; ` +
    `history chain ${r.chain.ok ? 'intact' : 'BROKEN'} (${r.chain.caseEvents} case events, ${r.chain.auditRows} audit rows, anchor ${r.chain.anchor})`,
);
for (const b of r.chain.broken) console.error(`first broken row: ${JSON.stringify(b)}`);
process.exitCode = r.chain.ok ? 0 : 1;
