import type { Knex } from 'knex';
import * as m0001 from './20261125_0001_users_and_tokens.ts';
import * as m0002 from './20261125_0002_cases.ts';
import * as m0003 from './20261125_0003_parties_and_claims.ts';
import * as m0004 from './20261125_0004_case_events.ts';
import * as m0005 from './20261125_0005_idempotency_keys.ts';
import * as m0006 from './20261125_0006_minimum_wages.ts';
import * as m0007 from './20261125_0007_audit_log.ts';
import * as m0008 from './20261125_0008_case_arbitrators.ts';
import * as m0009 from './20261125_0009_calendar_years.ts';
import * as m0010 from './20261125_0010_deadlines.ts';
import * as m0011 from './20261125_0011_case_limitation.ts';
import * as m0012 from './20261125_0012_documents.ts';
import * as m0013 from './20261126_0013_statistics.ts';
import * as m0014 from './20261201_0014_idempotency_headers.ts';
import * as m0015 from './20261201_0015_case_list_order.ts';
import * as m0020 from './20261201_0020_deadline_provisional.ts';
import * as m0021 from './20261201_0021_collective_ground.ts';
import * as m0025 from './20261201_0025_party_identity_index.ts';
import * as m0030 from './20261201_0030_access_log.ts';
import * as m0031 from './20261201_0031_throttle_events.ts';
import * as m0032 from './20261201_0032_sessions_and_passwords.ts';
import * as m0040 from './20261201_0040_history_hash_chain.ts';
import * as m0041 from './20261201_0041_unique_projections.ts';
import * as m0042 from './20261201_0042_reference_versions.ts';
import * as m0043 from './20261201_0043_sweep_runs.ts';
import * as m0044 from './20261201_0044_service_heartbeats.ts';
import * as m0045 from './20261201_0045_purge_indexes.ts';
import * as m0050 from './20261201_0050_party_ownership.ts';
import * as m0051 from './20261201_0051_agent_relationship.ts';
import * as m0052 from './20261201_0052_statistics_yearbook.ts';
import * as m0060 from './20261201_0060_average_wages.ts';
import * as m0061 from './20261201_0061_court_packages.ts';
import * as m0062 from './20261201_0062_statistics_claims.ts';
import * as m0070 from './20261201_0070_hearings.ts';
import * as k0001 from './20261202_0001_commission_keys.ts';
import * as m20261202_0020 from './20261202_0020_calendar_recomputations.ts';
import * as m1202_0030 from './20261202_0030_stat_rows_covering.ts';
import * as m20261202_0040 from './20261202_0040_hearing_sessions.ts';
import * as m20261202_0041 from './20261202_0041_case_mediators.ts';
import * as m20261202_0050 from './20261202_0050_write_guard.ts';
import * as m20261203_0010 from './20261203_0010_counterclaim_claims.ts';
import * as m20261203_0020 from './20261203_0020_stat_counter_pending.ts';
import * as m20261204_0010 from './20261204_0010_claim_applicant.ts';
import * as m20261204_0020 from './20261204_0020_search_text_masked.ts';
import * as m20261205_0010 from './20261205_0010_invisible_text.ts';
import * as m20261206_0010 from './20261206_0010_redundant_indexes.ts';
import * as m20261206_0020 from './20261206_0020_duplicate_bars.ts';
import * as m20261206_0030 from './20261206_0030_unicode_digits_search_text.ts';
import * as m20261207_0010 from './20261207_0010_rejection_numbers.ts';
import * as m20261208_0010 from './20261208_0010_search_text_long_numbers.ts';
import * as m20261209_0010 from './20261209_0010_search_text_wide_separators.ts';
import * as m20261210_0010 from './20261210_0010_search_text_separated_check.ts';
import * as m20261215_0070 from './20261215_0070_major_collective.ts';
import * as m20261216_0010 from './20261216_0010_access_log_no_case_lock.ts';
import * as m20261217_0010 from './20261217_0010_agent_appointments.ts';
import * as m20261218_0054 from './20261218_0054_stat_applications_by_group.ts';
import * as m20261219_0055 from './20261219_0055_stat_counterclaims.ts';
import * as m20261221_0057 from './20261221_0057_heartbeat_code_version.ts';
import * as m20261222_0058 from './20261222_0058_history_lz4.ts';
import * as m20261223_0059 from './20261223_0059_write_path_indexes.ts';
import * as m20261224_0060 from './20261224_0060_hearing_calendar_order.ts';
import * as m20261225_0061 from './20261225_0061_hearing_answer_period.ts';
import * as m20261226_0062 from './20261226_0062_reflag_answer_periods.ts';

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
  ['20261125_0006_minimum_wages', m0006],
  ['20261125_0007_audit_log', m0007],
  ['20261125_0008_case_arbitrators', m0008],
  ['20261125_0009_calendar_years', m0009],
  ['20261125_0010_deadlines', m0010],
  ['20261125_0011_case_limitation', m0011],
  ['20261125_0012_documents', m0012],
  ['20261126_0013_statistics', m0013],
  ['20261201_0014_idempotency_headers', m0014],
  ['20261201_0015_case_list_order', m0015],
  ['20261201_0020_deadline_provisional', m0020],
  ['20261201_0021_collective_ground', m0021],
  ['20261201_0025_party_identity_index', m0025],
  ['20261201_0030_access_log', m0030],
  ['20261201_0031_throttle_events', m0031],
  ['20261201_0032_sessions_and_passwords', m0032],
  ['20261201_0040_history_hash_chain', m0040],
  ['20261201_0041_unique_projections', m0041],
  ['20261201_0042_reference_versions', m0042],
  ['20261201_0043_sweep_runs', m0043],
  ['20261201_0044_service_heartbeats', m0044],
  ['20261201_0045_purge_indexes', m0045],
  ['20261201_0050_party_ownership', m0050],
  ['20261201_0051_agent_relationship', m0051],
  ['20261201_0052_statistics_yearbook', m0052],
  ['20261201_0060_average_wages', m0060],
  ['20261201_0061_court_packages', m0061],
  ['20261201_0062_statistics_claims', m0062],
  ['20261201_0070_hearings', m0070],
  ['20261202_0001_commission_keys', k0001],
  ['20261202_0020_calendar_recomputations', m20261202_0020],
  ['20261202_0030_stat_rows_covering', m1202_0030],
  ['20261202_0040_hearing_sessions', m20261202_0040],
  ['20261202_0041_case_mediators', m20261202_0041],
  ['20261202_0050_write_guard', m20261202_0050],
  ['20261203_0010_counterclaim_claims', m20261203_0010],
  ['20261203_0020_stat_counter_pending', m20261203_0020],
  ['20261204_0010_claim_applicant', m20261204_0010],
  ['20261204_0020_search_text_masked', m20261204_0020],
  ['20261205_0010_invisible_text', m20261205_0010],
  ['20261206_0010_redundant_indexes', m20261206_0010],
  ['20261206_0020_duplicate_bars', m20261206_0020],
  ['20261206_0030_unicode_digits_search_text', m20261206_0030],
  ['20261207_0010_rejection_numbers', m20261207_0010],
  ['20261208_0010_search_text_long_numbers', m20261208_0010],
  ['20261209_0010_search_text_wide_separators', m20261209_0010],
  ['20261210_0010_search_text_separated_check', m20261210_0010],
  ['20261215_0070_major_collective', m20261215_0070],
  ['20261216_0010_access_log_no_case_lock', m20261216_0010],
  ['20261217_0010_agent_appointments', m20261217_0010],
  ['20261218_0054_stat_applications_by_group', m20261218_0054],
  ['20261219_0055_stat_counterclaims', m20261219_0055],
  ['20261221_0057_heartbeat_code_version', m20261221_0057],
  ['20261222_0058_history_lz4', m20261222_0058],
  ['20261223_0059_write_path_indexes', m20261223_0059],
  ['20261224_0060_hearing_calendar_order', m20261224_0060],
  ['20261225_0061_hearing_answer_period', m20261225_0061],
  ['20261226_0062_reflag_answer_periods', m20261226_0062],
];

/**
 * Which code a process runs, as its heartbeat says (service_heartbeats.code_version): the newest migration it knows.
 * A process of an earlier version knows fewer (app/stats/reproject.ts waits for those to stop).
 */
export const CODE_VERSION: string = (migrations.at(-1) as [string, Migration])[0];

export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => migrations,
  getMigrationName: (m) => m[0],
  getMigration: async (m) => m[1],
};

/**
 * The database's schema is newer than this code: migrations it records that this version does not know (a newer
 * version ran on it — a rolling deploy that went back, an old process started by hand). knex would refuse with "the
 * migration directory is corrupt" and a stack; the server says what it is and what to do instead, and does not start.
 */
export class SchemaNewerError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `the database's schema is newer than this version of Zhongcai: it holds ${unknown.length} migration(s) this version does not have (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}). Run the newer version on it, or restore a backup taken before it was upgraded. 数据库结构比本程序版本新，请使用较新版本运行。`,
    );
    this.name = 'SchemaNewerError';
  }
}

/** Migrations to the latest, after refusing a database whose schema is newer than this code (`SchemaNewerError`). */
export async function migrateToLatest(knex: Knex): Promise<void> {
  await assertSchemaNotNewer(knex);
  await knex.migrate.latest({ migrationSource });
}

/** `SchemaNewerError` when the database records migrations this code does not have. */
export async function assertSchemaNotNewer(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('knex_migrations'))) return;
  const known = new Set(migrations.map((m) => m[0]));
  const recorded: { name: string }[] = await knex('knex_migrations').select('name');
  const unknown = recorded.map((r) => r.name).filter((n) => !known.has(n));
  if (unknown.length) throw new SchemaNewerError(unknown);
}
