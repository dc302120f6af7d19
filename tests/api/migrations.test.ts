import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../app/bootstrap.ts';
import { FixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/knex.ts';
import { migrateLatest, migrateRollbackAll, openDatabase } from '../../db/knex.ts';
import { migrations, SchemaNewerError } from '../../db/migrations/index.ts';
import { freshDatabase } from '../helpers/db.ts';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
});
afterAll(async () => drop?.());

async function tables(): Promise<string[]> {
  if (db.dialect === 'postgres') {
    const r = await db.knex.raw(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'knex_%' order by 1`,
    );
    return r.rows.map((x: { table_name: string }) => x.table_name);
  }
  const r = await db.knex.raw(
    `select name from sqlite_master where type = 'table' and name not like 'knex_%' and name not like 'sqlite_%' order by 1`,
  );
  return r.map((x: { name: string }) => x.name);
}

async function columns(table: string): Promise<string[]> {
  return Object.keys(await db.knex(table).columnInfo()).sort();
}

describe(`migrations (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('are date-stamped and in order', () => {
    const names = migrations.map(([n]) => n);
    expect(names).toEqual([...names].sort());
    for (const n of names) expect(n).toMatch(/^\d{8}_\d{4}_[a-z0-9_]+$/);
  });

  it('migrate up, all the way down, and up again', async () => {
    await migrateLatest(db);
    const upTables = await tables();
    await migrateRollbackAll(db);
    expect(await tables()).toEqual([]);
    await migrateLatest(db);
    expect(await tables()).toEqual(upTables);
  });

  it('a database whose schema is newer than this code is refused at start-up, saying so, and left as it is', async () => {
    await migrateLatest(db);
    const future = '20991231_0001_from_a_newer_version';
    await db.knex('knex_migrations').insert({ name: future, batch: 999, migration_time: new Date() });
    try {
      await expect(migrateLatest(db)).rejects.toBeInstanceOf(SchemaNewerError);
      await expect(migrateLatest(db)).rejects.toThrow(/schema is newer than this version.*20991231_0001_from_a_newer_version/);
      expect(await db.knex('knex_migrations').where({ name: future }).first('name')).toBeTruthy();
    } finally {
      await db.knex('knex_migrations').where({ name: future }).delete();
    }
    await migrateLatest(db);
  });

  // Round 2: the duplicate-filing check at registration looks parties up by identity number (migration 0025).
  it('indexes parties by identity number and credit code', async () => {
    await migrateLatest(db);
    const names =
      db.dialect === 'postgres'
        ? (await db.knex.raw(`select indexname as name from pg_indexes where tablename = 'parties'`)).rows
        : await db.knex.raw(`pragma index_list('parties')`);
    expect(names.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['parties_id_number_index', 'parties_credit_code_index']),
    );
  });

  // Schema canary: a change to these tables must come with a new migration and an update here.
  it('schema canary', async () => {
    expect(await tables()).toMatchInlineSnapshot(`
      [
        "access_log",
        "agents",
        "audit_log",
        "average_wages",
        "calendar_recomputations",
        "calendar_years",
        "case_arbitrators",
        "case_deadlines",
        "case_document_numbers",
        "case_events",
        "case_mediators",
        "case_number_counters",
        "case_stat_rows",
        "cases",
        "claims",
        "commission_keys",
        "court_packages",
        "deadline_alerts",
        "document_number_counters",
        "documents",
        "hearings",
        "idempotency_keys",
        "maintenance_tasks",
        "minimum_wages",
        "parties",
        "reference_versions",
        "service_heartbeats",
        "stat_counter_pending",
        "stat_counters",
        "stat_counters_daily",
        "stat_counters_monthly",
        "sweep_runs",
        "throttle_events",
        "tokens",
        "users",
      ]
    `);
    expect(await columns('cases')).toMatchInlineSnapshot(`
      [
        "accepted_on",
        "case_no",
        "case_serial",
        "case_year",
        "channel",
        "closed_on",
        "closure_mode",
        "collective",
        "collective_ground",
        "created_at",
        "created_by",
        "district",
        "duplicate_bars",
        "facts",
        "finality",
        "id",
        "limitation",
        "linked_case_id",
        "machine_version",
        "major_marked",
        "postmark_on",
        "procedure",
        "received_on",
        "search_text",
        "snapshot",
        "state",
        "track",
        "updated_at",
        "version",
        "wage_arrears",
      ]
    `);
    // Review round 3: a calendar load's deadline recomputation, a background job with its cursor.
    expect(await columns('calendar_recomputations')).toEqual([
      'cases_done',
      'cases_total',
      'deadlines_changed',
      'finished_at',
      'holder',
      'id',
      'last_case_id',
      'requested_at',
      'requested_by',
      'started_at',
      'year',
    ]);
    expect(await columns('commission_keys')).toEqual([
      'algorithm',
      'created_at',
      'key_id',
      'public_key_pem',
      'registered_at',
      'registered_by',
      'retired_at',
    ]);
    // Issue 16: the hearing calendar, one row per hearing session of a case (20261202_0040).
    // s60 L: its flag of a session set before a respondent's answer period can end (20261225_0061).
    expect(await columns('hearings')).toEqual([
      'before_answer_period_ends',
      'case_id',
      'hearing_on',
      'place',
      'public',
      'scheduled_on',
      'seq',
      'status',
      'time',
    ]);
    // The mediators assigned to a case (20261202_0041), for their workload.
    expect(await columns('case_mediators')).toEqual(['case_id', 'user_id']);
    expect(await columns('users')).toMatchInlineSnapshot(`
      [
        "active",
        "created_at",
        "display_name",
        "id",
        "must_change_password",
        "password_changed_at",
        "password_hash",
        "role",
        "username",
      ]
    `);
    expect(await columns('tokens')).toMatchInlineSnapshot(`
      [
        "created_at",
        "expires_at",
        "id",
        "last_used_at",
        "revoked_at",
        "token_hash",
        "user_id",
      ]
    `);
    expect(await columns('access_log')).toMatchInlineSnapshot(`
      [
        "action",
        "at",
        "case_id",
        "document_id",
        "id",
        "role",
        "user_id",
      ]
    `);
    expect(await columns('case_deadlines')).toEqual([
      'assignee',
      'basis',
      'case_id',
      'days',
      'due_on',
      'explanation',
      'id',
      'kind',
      'label',
      'met_on',
      'occurrence',
      'party_id',
      'provisional',
      'starts_on',
      'status',
      'unit',
    ]);
    // Issue 18: the employer's ownership type, a relative agent's relationship, the yearbook facts of each row version.
    expect(await columns('parties')).toContain('ownership');
    expect(await columns('agents')).toContain('relationship');
    expect(
      (await columns('case_stat_rows')).filter((c) =>
        ['filed_by', 'ownership', 'result', 'mediated_fen', 'referred_from_mediation'].includes(c),
      ),
    ).toEqual(['filed_by', 'mediated_fen', 'ownership', 'referred_from_mediation', 'result']);
    for (const table of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly'])
      expect(await columns(table), table).toEqual(
        expect.arrayContaining(['won_worker', 'won_employer', 'won_both', 'closed_deemed', 'mediated_fen', 'rev_received']),
      );
    // Issue 17: the city's average monthly wage per year (the 3× cap of LCL Art. 47(2)), with its source.
    expect(await columns('average_wages')).toEqual(['confirmed', 'district', 'id', 'monthly_fen', 'published_on', 'source', 'year']);
    // Issue 17: awarded claims on each statistics row version, and their counters.
    expect(await columns('case_stat_rows')).toEqual(expect.arrayContaining(['claim_lines', 'claim_award_from', 'claim_award_to']));
    for (const table of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly'])
      expect(await columns(table), table).toEqual(expect.arrayContaining(['claim_items', 'claim_upheld_fen', 'claim_court_changed']));
    // Issue 17: court hand-off packages as sent, with what they were signed with (never the private key).
    expect(await columns('court_packages')).toEqual([
      'bytes',
      'case_id',
      'case_version',
      'court',
      'created_at',
      'created_by',
      'document_count',
      'file_name',
      'id',
      'key_id',
      'manifest_sha256',
      'purpose',
      'schema_version',
      'sha256',
      'signature',
      'size',
    ]);
    expect(await columns('case_events')).toMatchInlineSnapshot(`
      [
        "actor_id",
        "actor_name",
        "actor_role",
        "after",
        "before",
        "case_id",
        "hash",
        "id",
        "occurred_on",
        "payload",
        "prev_hash",
        "recorded_at",
        "seq",
        "state_after",
        "state_before",
        "type",
      ]
    `);
  });
});

describe.runIf((process.env.TEST_DB ?? 'sqlite') === 'postgres')('what the PostgreSQL database must be', () => {
  it('a database not in UTF8 is refused at start-up, with what to do, before anything is migrated', async () => {
    const base = process.env.TEST_PG_URL as string;
    const admin = openDatabase(base);
    const name = `zc_t_ascii_${process.pid}`;
    await admin.knex.raw(`CREATE DATABASE ${name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const other = openDatabase(url.toString());
    try {
      await expect(migrateLatest(other)).rejects.toThrow(/encoding SQL_ASCII; Zhongcai needs UTF8/);
      const started = await prepareDatabase(other, new FixedClock('2026-04-01T02:00:00Z'), 'admin-password-1').then(
        () => 'started',
        (e: Error) => e.message,
      );
      expect(started).toMatch(/needs UTF8 \(createdb -E UTF8/);
      const made = await other.knex.raw(`select count(*)::integer as n from information_schema.tables where table_schema = 'public'`);
      expect(made.rows[0].n).toBe(0);
    } finally {
      await other.close();
      await admin.knex.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  });
});
