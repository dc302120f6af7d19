import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Database } from '../db/knex.ts';
import { createAccessLogStore } from '../db/stores/access-log.ts';
import { createCalendarStore } from '../db/stores/calendar.ts';
import { createCaseSummaryStore } from '../db/stores/case-summaries.ts';
import { createCaseStore } from '../db/stores/cases.ts';
import { createCommissionKeyStore } from '../db/stores/commission-keys.ts';
import { createCourtPackageStore } from '../db/stores/court-packages.ts';
import { createDeadlineStore } from '../db/stores/deadlines.ts';
import { createDocumentStore } from '../db/stores/documents.ts';
import { createHearingStore } from '../db/stores/hearings.ts';
import { createHousekeepingStore } from '../db/stores/housekeeping.ts';
import { createIdempotencyStore } from '../db/stores/idempotency.ts';
import { createReferenceStore } from '../db/stores/reference.ts';
import { createStatsStore } from '../db/stores/stats.ts';
import { createThrottleStore } from '../db/stores/throttle.ts';
import { createUserStore } from '../db/stores/users.ts';
import { createWorkloadStore } from '../db/stores/workload.ts';
import { type CalendarYear, OfficialCalendar } from '../workflows/calendar.ts';
import { packagedCalendarYears } from '../workflows/calendar-seed.ts';
import { type Periods, resolvePeriods } from '../workflows/periods.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { configurePasswordHashing } from './passwords.ts';
import { configureRenderPool } from './render/pool.ts';
import { horizonMs, type Limits, limitsFrom } from './security/limits.ts';
import { Throttle } from './security/throttle.ts';

/** Everything a use case needs, injected by the app factory or a CLI (nothing reads a global database or clock). */
export interface Deps {
  db: Database;
  clock: Clock;
  logger: Logger;
  config: Config;
  stores: Stores;
  periods: Periods;
  calendar: CalendarProvider;
  /** Limits in force (logins, documents, exports) and the counter they are checked against. */
  limits: Limits;
  throttle: Throttle;
}

export function createStores(db: Database) {
  return {
    users: createUserStore(db.knex, db.reader),
    cases: createCaseStore(),
    reference: createReferenceStore(),
    calendar: createCalendarStore(),
    deadlines: createDeadlineStore(),
    stats: createStatsStore(),
    documents: createDocumentStore(),
    idempotency: createIdempotencyStore(),
    housekeeping: createHousekeepingStore(),
    hearings: createHearingStore(),
    caseSummaries: createCaseSummaryStore(),
    workload: createWorkloadStore(),
    courtPackages: createCourtPackageStore(),
    commissionKeys: createCommissionKeyStore(),
    accessLog: createAccessLogStore(),
    throttle: createThrottleStore(),
  };
}
export type Stores = ReturnType<typeof createStores>;

/**
 * The official calendar: the years packaged with the server, overridden by years an admin loaded. Cached per process
 * and checked against the `calendar` version row (db/migrations/…_0042) on every use — one primary-key read — so a
 * year loaded through any process is used by every process from its next request on.
 */
export interface CalendarProvider {
  /** `version`: the calendar version the caller has just read in the same transaction (no second read). */
  get(trx?: Knex, opts?: { version?: number }): Promise<OfficialCalendar>;
  invalidate(): void;
}

export function createCalendarProvider(db: Database, stores: Stores): CalendarProvider {
  const packaged = packagedCalendarYears();
  let cached: { calendar: OfficialCalendar; version: number } | null = null;
  return {
    async get(trx?: Knex, opts: { version?: number } = {}) {
      // Read through the caller's transaction when there is one: SQLite has a single writing connection.
      const k = trx ?? db.reader;
      // The version first, then the years: a year committed in between makes the next call reload, never the reverse.
      const version = opts.version ?? (await stores.reference.version(k, 'calendar'));
      if (cached && cached.version === version) return cached.calendar;
      const loaded = await stores.calendar.years(k);
      const byYear = new Map<number, CalendarYear>(packaged.map((y) => [y.year, y]));
      for (const y of loaded) byYear.set(y.year, y);
      cached = { calendar: new OfficialCalendar([...byYear.values()]), version };
      return cached.calendar;
    },
    invalidate() {
      cached = null;
    },
  };
}

export function createDeps(opts: { db: Database; clock: Clock; logger: Logger; config: Config }): Deps {
  const stores = createStores(opts.db);
  const limits = limitsFrom(opts.config);
  configurePasswordHashing({ concurrency: opts.config.passwordHashConcurrency });
  configureRenderPool({ threads: opts.config.renderThreads });
  return {
    ...opts,
    stores,
    periods: resolvePeriods(opts.config.periodsOverride),
    calendar: createCalendarProvider(opts.db, stores),
    limits,
    throttle: new Throttle(opts.db.knex, stores.throttle, opts.clock, horizonMs(limits), () =>
      opts.config.loginAddressKey ? Buffer.from(opts.config.loginAddressKey, 'utf8') : null,
    ),
  };
}
