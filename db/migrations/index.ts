import type { Knex } from 'knex';
import * as m0001 from './20261125_0001_users_and_tokens.ts';
import * as m0002 from './20261125_0002_cases.ts';
import * as m0003 from './20261125_0003_parties_and_claims.ts';
import * as m0004 from './20261125_0004_case_events.ts';
import * as m0005 from './20261125_0005_idempotency_keys.ts';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/**
 * Migrations are listed here explicitly (not discovered on disk) so that they load the same way
 * under tsx, vitest and any bundler. Append new ones at the end; never edit a released one.
 */
export const migrations: [string, Migration][] = [
  ['20261125_0001_users_and_tokens', m0001],
  ['20261125_0002_cases', m0002],
  ['20261125_0003_parties_and_claims', m0003],
  ['20261125_0004_case_events', m0004],
  ['20261125_0005_idempotency_keys', m0005],
];

export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => migrations,
  getMigrationName: (m) => m[0],
  getMigration: async (m) => m[1],
};
