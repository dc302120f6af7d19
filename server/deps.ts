import type { Logger } from 'pino';
import type { Database } from '../db/knex.ts';
import { createCaseStore } from '../db/stores/cases.ts';
import { createUserStore } from '../db/stores/users.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';

/** Everything a router needs, injected by the app factory (nothing reads a global database or clock). */
export interface Deps {
  db: Database;
  clock: Clock;
  logger: Logger;
  config: Config;
  stores: Stores;
}

export function createStores(db: Database) {
  return { users: createUserStore(db.knex), cases: createCaseStore() };
}
export type Stores = ReturnType<typeof createStores>;
