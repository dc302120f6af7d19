/**
 * `npm run bench:stats -- [--year 2025] [--runs 7]` on the database in DATABASE_URL (seed it first with
 * `npm run seed:synthetic -- --cases 100000`).
 *
 * Prints, as medians of `runs` after one warm-up:
 *  - report: the yearly closure report with every breakdown (district, cause, procedure, wage arrears, arbitrator),
 *    the monthly trend, the median and the overdue count — what GET /api/stats/report?format=json computes;
 *  - floor: the bare SQL aggregate over the same cases — one statement counting carried over / accepted / closed /
 *    pending for the year straight from the current case rows, nothing else;
 *  - the ratio report ÷ floor (target ≤ 3), plus asOf and drill-down timings for information.
 */

import { loadConfig } from '../app/config.ts';
import { openDatabase } from '../db/knex.ts';
import { closureCases, type PeriodQuery, rowsOf } from '../db/reports/closure-rate.ts';
import { periodicReport } from '../db/reports/periodic-report.ts';
import { settleCounters } from '../db/stores/stats.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const year = Number(args.get('year') ?? 2025);
const runs = Number(args.get('runs') ?? 7);
const config = loadConfig();
const db = openDatabase(config.databaseUrl);
const knex = db.knex;
const q: PeriodQuery = { from: `${year}-01-01`, to: `${year}-12-31`, asOf: null, today: '2026-11-25' };
const opts = {
  target: '0.98',
  mediationRateShown: 'bulletin' as const,
  majorMinWorkers: 30,
  label: (_g: string, k: string) => k,
  commission: config.commissionName,
  generatedAt: new Date().toISOString(),
};

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  await fn();
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value: value as T };
}

const floorSql = `SELECT
  SUM(CASE WHEN accepted_on < ? THEN 1 ELSE 0 END) AS carried,
  SUM(CASE WHEN accepted_on >= ? THEN 1 ELSE 0 END) AS accepted,
  SUM(CASE WHEN closed_on IS NOT NULL AND closed_on <= ? THEN 1 ELSE 0 END) AS closed
FROM case_stat_rows
WHERE recorded_to IS NULL AND track = 'arbitration' AND accepted_on IS NOT NULL
  AND (closure_mode IS NULL OR closure_mode <> 'rejection')
  AND accepted_on <= ? AND (closed_on IS NULL OR closed_on >= ?)`;

// PostgreSQL: the pending counter deltas added first, as a report does (db/stores/stats.ts settleCounters).
await settleCounters(knex);
const cases = Number((await knex('cases').count('* as n').first())?.n ?? 0);
const counterRows = Number((await knex('stat_counters').count('* as n').first())?.n ?? 0);
const statRows = Number((await knex('case_stat_rows').count('* as n').first())?.n ?? 0);
const dialect = knex.client.config.client === 'pg' ? 'PostgreSQL' : 'SQLite';

const floor = await time(async () => rowsOf(await knex.raw(floorSql, [q.from, q.from, q.to, q.to, q.from]))[0]);
const report = await time(() => periodicReport(knex, q, opts));
const asOf = await time(() => periodicReport(knex, { ...q, asOf: `${year + 1}-01-15` }, opts));
const drill = await time(() => closureCases(knex, { ...q, measure: 'pending', limit: 50, offset: 0 }));

const f = report.value.closure;
const bare = floor.value as Record<string, unknown>;
const same = Number(bare.carried) === f.carriedOver && Number(bare.accepted) === f.accepted && Number(bare.closed) === f.closed;
console.log(`${dialect}: ${cases} cases, ${statRows} stat row versions, ${counterRows} counter rows; year ${year}`);
console.log(
  `  figures: carried ${f.carriedOver}, accepted ${f.accepted}, closed ${f.closed}, pending ${f.pending}, rate ${(
    (f.closureRate ?? 0) * 100
  ).toFixed(2)}% — floor agrees: ${same}`,
);
console.log(`  floor (bare SQL aggregate, one statement):            ${floor.ms.toFixed(1)} ms`);
console.log(
  `  yearly report, all breakdowns + monthly + median:     ${report.ms.toFixed(1)} ms  (${(report.ms / floor.ms).toFixed(2)}× floor)`,
);
console.log(`  same report asOf ${year + 1}-01-15:                     ${asOf.ms.toFixed(1)} ms`);
console.log(`  drill-down, pending at year end, first 50 (+ total):  ${drill.ms.toFixed(1)} ms (total ${drill.value.total})`);
await knex.destroy();
