import type { Knex } from 'knex';
import { auditHash, eventHash } from '../history-chain.ts';

/**
 * The tamper-evident record (db/history-chain.ts): `prev_hash` and `hash` on every `case_events` and `audit_log` row,
 * filled in for the rows already there, and both tables refuse UPDATE, DELETE, REPLACE and TRUNCATE on both databases.
 *
 * SQLite: `INSERT OR REPLACE` deletes the old row without firing DELETE triggers (unless recursive_triggers is on in
 * that connection), so a BEFORE INSERT trigger refuses an insert that would replace a row. PostgreSQL: row triggers
 * for UPDATE/DELETE (an `ON CONFLICT DO UPDATE` fires the UPDATE one) and a statement trigger for TRUNCATE. The owner
 * of a table can still disable triggers: run the application as a role that does not own the tables (README).
 */
const TABLES = ['case_events', 'audit_log'] as const;

const isPg = (knex: Knex) => knex.client.config.client === 'pg';

async function dropTriggers(knex: Knex): Promise<void> {
  if (isPg(knex)) {
    for (const t of TABLES) {
      await knex.raw(`DROP TRIGGER IF EXISTS ${t}_no_update ON ${t}`);
      await knex.raw(`DROP TRIGGER IF EXISTS ${t}_no_truncate ON ${t}`);
    }
    await knex.raw('DROP FUNCTION IF EXISTS history_append_only()');
  } else {
    for (const t of TABLES) for (const op of ['update', 'delete', 'replace']) await knex.raw(`DROP TRIGGER IF EXISTS ${t}_no_${op}`);
  }
}

export async function up(knex: Knex): Promise<void> {
  await dropTriggers(knex); // the old case_events triggers would refuse the backfill below
  for (const t of TABLES) {
    await knex.schema.alterTable(t, (tb) => {
      tb.string('prev_hash', 64);
      tb.string('hash', 64);
    });
  }
  // Backfill: each case's events in order, then the audit log in id order.
  let prev: string | null = null;
  let curCase = -1;
  let after: [number, number] = [0, 0];
  for (;;) {
    const rows = await knex('case_events').whereRaw('(case_id, seq) > (?, ?)', after).orderBy(['case_id', 'seq']).limit(1000);
    if (!rows.length) break;
    for (const r of rows) {
      if (Number(r.case_id) !== curCase) {
        curCase = Number(r.case_id);
        prev = null;
      }
      const hash = eventHash(prev, r);
      await knex('case_events').where({ id: r.id }).update({ prev_hash: prev, hash });
      prev = hash;
    }
    const last = rows.at(-1);
    after = [Number(last.case_id), Number(last.seq)];
  }
  prev = null;
  let lastId = 0;
  for (;;) {
    const rows = await knex('audit_log').where('id', '>', lastId).orderBy('id').limit(1000);
    if (!rows.length) break;
    for (const r of rows) {
      const hash = auditHash(prev, r);
      await knex('audit_log').where({ id: r.id }).update({ prev_hash: prev, hash });
      prev = hash;
    }
    lastId = Number(rows.at(-1).id);
  }

  if (isPg(knex)) {
    await knex.raw(`CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const t of TABLES) {
      await knex.raw(`CREATE TRIGGER ${t}_no_update BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION history_append_only()`);
      await knex.raw(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()`);
    }
  } else {
    for (const t of TABLES) {
      await knex.raw(
        `CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only: UPDATE refused'); END`,
      );
      await knex.raw(
        `CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only: DELETE refused'); END`,
      );
    }
    await knex.raw(`CREATE TRIGGER case_events_no_replace BEFORE INSERT ON case_events
      WHEN EXISTS (SELECT 1 FROM case_events WHERE id = NEW.id OR (case_id = NEW.case_id AND seq = NEW.seq))
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only: REPLACE refused'); END`);
    await knex.raw(`CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: REPLACE refused'); END`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await dropTriggers(knex);
  for (const t of TABLES) {
    await knex.schema.alterTable(t, (tb) => {
      tb.dropColumn('prev_hash');
      tb.dropColumn('hash');
    });
  }
  // The triggers of 20261125_0004_case_events, as they were.
  if (isPg(knex)) {
    await knex.raw(`CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  } else {
    await knex.raw(`CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END`);
    await knex.raw(`CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END`);
  }
}
