import type { Knex } from 'knex';
import {
  COUNTER_MEASURES,
  type Contribution,
  type CounterMeasure,
  claimLinesOf,
  counterDeltas,
  type StatFacts,
  sameFacts,
} from '../../workflows/stat-facts.ts';
import { atCommit, hasCommitQueue } from '../commit-queue.ts';
import { advisoryXactLock, tryAdvisoryXactLock } from '../knex.ts';
import { isPg } from '../sql-json.ts';
import { canQueue, insertLater, queueStatement, rawLater, updateLater, valuesList } from '../write-later.ts';

const COLS: Record<keyof StatFacts, string> = {
  track: 'track',
  district: 'district',
  cause: 'cause',
  procedureKind: 'procedure_kind',
  collective: 'collective',
  wageArrears: 'wage_arrears',
  workers: 'workers',
  claimedFen: 'claimed_fen',
  awardedFen: 'awarded_fen',
  receivedOn: 'received_on',
  acceptedOn: 'accepted_on',
  closedOn: 'closed_on',
  closureMode: 'closure_mode',
  finality: 'finality',
  arbitratorId: 'arbitrator_id',
  awardDueOn: 'award_due_on',
  daysToClose: 'days_to_close',
  closedLate: 'closed_late',
  mediationOutcome: 'mediation_outcome',
  mediationEndedOn: 'mediation_ended_on',
  filedBy: 'filed_by',
  ownership: 'ownership',
  result: 'result',
  mediatedFen: 'mediated_fen',
  referredFromMediation: 'referred_from_mediation',
  claimLines: 'claim_lines',
};

/** The fact columns of a statistics row (also read as JSON inside the case's own row: db/stores/cases.ts). */
export const STAT_FACT_COLUMNS: readonly string[] = Object.values(COLS);

const BOOLS = new Set<keyof StatFacts>(['collective', 'wageArrears', 'closedLate', 'referredFromMediation']);
const NUMS = new Set<keyof StatFacts>(['workers', 'claimedFen', 'awardedFen', 'mediatedFen']);
const NULLABLE_NUMS = new Set<keyof StatFacts>(['arbitratorId', 'daysToClose']);

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
export function factsFromRow(r: Record<string, any>): StatFacts {
  const f: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(COLS) as [keyof StatFacts, string][]) {
    const v = r[col];
    if (BOOLS.has(k)) f[k] = v === true || v === 1 || v === '1';
    else if (NUMS.has(k)) f[k] = Number(v);
    else if (NULLABLE_NUMS.has(k)) f[k] = v === null || v === undefined ? null : Number(v);
    else f[k] = v ?? null;
  }
  return f as unknown as StatFacts;
}

export function rowFromFacts(f: StatFacts): Record<string, unknown> {
  // Issue 17: the first and last award day among the claim lines, so that a drill-down finds its rows by index.
  const days = claimLinesOf(f)
    .map((l) => l.on)
    .sort();
  return {
    ...Object.fromEntries((Object.entries(COLS) as [keyof StatFacts, string][]).map(([k, col]) => [col, f[k]])),
    claim_award_from: days[0] ?? null,
    claim_award_to: days.at(-1) ?? null,
  };
}

/** China Standard Time calendar day of an instant. */
const cstDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Adds signed deltas to `stat_counters` (one row per dim/key/fact day and recording day), to `stat_counters_daily` (the
 * same summed over recording days) and to `stat_counters_monthly` (the cumulative measures per fact month). The rows
 * go to the database as one JSON parameter per table, expanded there (`counterUpsert`): a write moving a few dozen
 * counter rows binds three parameters instead of hundreds. On PostgreSQL the three tables are one statement, so the
 * rows every write shares are locked one round trip before COMMIT instead of three.
 */
export async function applyCounterDeltas(trx: Knex, deltas: Contribution[], recordedOn: string): Promise<void> {
  return applyCounterDeltasByDay(trx, new Map([[recordedOn, deltas]]));
}

/**
 * The deltas of one or more recording days in one go (a seeder's transaction records acts of many days): each table's
 * rows merged and sorted once, so that every writer — one act or a thousand — locks the rows of a table in one key
 * order, whatever days it spans (per-day statements would lock a daily row shared by two days out of order: deadlock).
 */
export async function applyCounterDeltasByDay(trx: Knex, byRecordingDay: Map<string, Contribution[]>): Promise<void> {
  const counters: (Contribution & { keys: string[] })[] = [];
  const daily = new Map<string, Contribution>();
  // Months: only what reports sum over whole months before a period (the cumulative measures); several days of one
  // month fold into one row. A registration, say, touches no month row.
  const months = new Map<string, Contribution>();
  const add = (into: Map<string, Contribution>, d: Contribution, day: string, only?: readonly CounterMeasure[]) => {
    for (const [name, v] of Object.entries(d.m) as [CounterMeasure, number][]) {
      if (v === 0 || (only && !only.includes(name))) continue;
      const k = `${d.dim}\u0000${d.key}\u0000${day}`;
      const cur = into.get(k) ?? { dim: d.dim, key: d.key, day, m: {} };
      cur.m[name] = (cur.m[name] ?? 0) + v;
      into.set(k, cur);
    }
  };
  for (const [recordedOn, deltas] of byRecordingDay) {
    for (const d of deltas) {
      counters.push({ ...d, keys: [d.dim, d.key, d.day, recordedOn] });
      add(daily, d, d.day);
      add(months, d, d.day.slice(0, 7), MONTHLY_MEASURES);
    }
  }
  const keyed = (rows: Iterable<Contribution>) => [...rows].map((d) => ({ ...d, keys: [d.dim, d.key, d.day] }));
  // Sorted by the joined key, computed once per row (not once per comparison).
  const sorted = <T extends { keys: string[] }>(rows: T[]) =>
    rows
      .map((row) => ({ row, k: row.keys.join('\u0000') }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      .map((x) => x.row);
  const parts = [
    counterUpsert(trx, 'stat_counters', ['dim', 'key', 'day', 'recorded_on'], sorted(counters)),
    counterUpsert(trx, 'stat_counters_daily', ['dim', 'key', 'day'], sorted(keyed(daily.values()))),
    counterUpsert(trx, 'stat_counters_monthly', ['dim', 'key', 'month'], sorted(keyed(months.values()))),
  ].filter((x): x is CounterUpsert => x !== null);
  // Deltas that cancel out (a +1 and a −1 of one row in one transaction) move nothing.
  if (!parts.length) return;
  if (!isPg(trx)) {
    for (const part of parts) {
      const statement = canQueue(trx) ? part.values() : null;
      if (statement === null) await rawLater(trx, part.sql, [part.rows()]);
      else await queueStatement(trx, statement);
    }
    return;
  }
  // PostgreSQL: the upserts as data-modifying CTEs of one statement. Each waits for the one before it (its rows are
  // read by an uncorrelated subquery, evaluated before the next upsert's first row), so every writer locks the tables in
  // one order — counters, daily, monthly — and each table's rows in key order, over all the days it records. (The
  // maintenance rebuild, rebuildCounters, deletes and rewrites every counter: it is not meant to run beside writers.)
  const steps = parts.map((part, i) =>
    i === 0 ? part.sql : part.sql.replace(' ORDER BY n ', ` AND (SELECT count(*) FROM c${i - 1}) >= 0 ORDER BY n `),
  );
  const last = steps.length - 1;
  const sql = steps.map((step, i) => (i === last ? step : `c${i} AS (${step} RETURNING 1)`));
  await rawLater(
    trx,
    last === 0 ? (sql[0] as string) : `WITH ${sql.slice(0, last).join(', ')} ${sql[last]}`,
    parts.map((part) => part.rows()),
  );
}

interface CounterUpsert {
  sql: string;
  /** The rows as a JSON array of arrays: the key columns, then the measures, in the statement's column order. */
  rows: () => string;
  /** SQLite, queued: the same upsert with its rows as literal VALUES (no JSON for SQLite to take apart again). */
  values: () => string | null;
}

/**
 * INSERT … SELECT from the JSON array of rows … ON CONFLICT … DO UPDATE adding `excluded` to the stored values, with
 * only the measures some row moves (a registration moves one): SQLite's json_each (≥ 3.38 for `->>`), PostgreSQL's
 * json_array_elements in array order (the lock order). The statement's text depends only on the table and the measures,
 * so it is prepared once. Null when no row moves anything.
 */
function counterUpsert(trx: Knex, table: string, keyCols: string[], rows: (Contribution & { keys: string[] })[]): CounterUpsert | null {
  const moved = new Set<string>();
  for (const d of rows) for (const [m, v] of Object.entries(d.m)) if (v !== 0) moved.add(m);
  const measures = COUNTER_MEASURES.filter((m) => moved.has(m));
  if (!measures.length) return null;
  const cols = [...keyCols, ...measures];
  const updates = measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ');
  const tuples = rows.map((d) => [...d.keys, ...measures.map((m) => d.m[m] ?? 0)]);
  const json = () => JSON.stringify(tuples);
  const head = `INSERT INTO ${table} (${cols.join(', ')})`;
  const tail = `ON CONFLICT (${keyCols.join(', ')}) DO UPDATE SET ${updates}`;
  if (isPg(trx)) {
    const values = cols.map((_, i) => (i < keyCols.length ? `e->>${i}` : `(e->>${i})::bigint`)).join(', ');
    return {
      sql: `${head} SELECT ${values} FROM json_array_elements(?::json) WITH ORDINALITY AS j(e, n) WHERE true ORDER BY n ${tail}`,
      rows: json,
      values: () => null,
    };
  }
  // `WHERE true`: SQLite's parser would otherwise read ON CONFLICT as a join constraint of the SELECT.
  const values = cols.map((_, i) => `value->>${i}`).join(', ');
  return {
    sql: `${head} SELECT ${values} FROM json_each(?) WHERE true ${tail}`,
    rows: json,
    values: () => {
      const list = valuesList(tuples, 'sqlite');
      return list === null ? null : `${head} VALUES ${list} ${tail}`;
    },
  };
}

const queuedDeltas = new WeakMap<object, Map<string, Map<string, Contribution>>>();

/** Sums `deltas` into the recording day's entry of `byDay`, one entry per dim, key and fact day. */
function mergeDeltas(byDay: Map<string, Map<string, Contribution>>, recordedOn: string, deltas: Iterable<Contribution>): void {
  let merged = byDay.get(recordedOn);
  if (!merged) {
    merged = new Map();
    byDay.set(recordedOn, merged);
  }
  for (const d of deltas) {
    const k = `${d.dim}\u0000${d.key}\u0000${d.day}`;
    const cur = merged.get(k) ?? { dim: d.dim, key: d.key, day: d.day, m: {} };
    for (const [name, v] of Object.entries(d.m) as [CounterMeasure, number][]) cur.m[name] = (cur.m[name] ?? 0) + v;
    merged.set(k, cur);
  }
}

/**
 * Adds counter deltas when the caller's unit of work ends, summed with the other deltas of the same transaction and
 * recording day first — a seeder's transaction of hundreds of acts (app/unit-of-work.ts inBulkTransaction) moves each
 * counter row once. Outside a unit of work they are applied at once.
 *
 * Written as one pending row per recording day (`stat_counter_pending`), in the same transaction (db/commit-queue.ts
 * runs it right before COMMIT), and added to the counters by `settleCounters` — before any report reads them, and in
 * the background. PostgreSQL: the day's counter rows are shared by every write of every process: added in each
 * write's transaction, they were locked by each until it committed, and cost a third of the database's time per act.
 * SQLite (one writer) the same way since stop 44: the three counter upserts of an ACCEPT (~50 rows) were half of the
 * database's work per act (0.5 of ~1.1 ms, replayed); settled every 2 s, the deltas of hundreds of writes move those
 * rows once.
 */
export async function queueCounterDeltas(trx: Knex, deltas: Contribution[], recordedOn: string): Promise<void> {
  if (!hasCommitQueue(trx)) return applyCounterDeltas(trx, deltas, recordedOn);
  let byDay = queuedDeltas.get(trx);
  if (!byDay) {
    const days = new Map<string, Map<string, Contribution>>();
    byDay = days;
    queuedDeltas.set(trx, days);
    await atCommit(trx, async () => {
      queuedDeltas.delete(trx);
      const list = new Map([...days].map(([day, merged]) => [day, [...merged.values()]]));
      await pendCounterDeltas(trx, list);
    });
  }
  mergeDeltas(byDay, recordedOn, deltas);
}

const PENDING = 'stat_counter_pending';

/** The rows of a raw query: PostgreSQL's result object or SQLite's array. */
// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const rowsOf = (r: any): Record<string, any>[] => (Array.isArray(r) ? r : (r?.rows ?? []));
type PendingDelta = [dim: Contribution['dim'], key: string, day: string, m: Contribution['m']];

/** The deltas of a transaction as pending rows (zero deltas dropped: a +1 and a −1 of one row move nothing). */
async function pendCounterDeltas(trx: Knex, byRecordingDay: Map<string, Contribution[]>): Promise<void> {
  const rows: { recorded_on: string; deltas: string }[] = [];
  for (const [recordedOn, deltas] of byRecordingDay) {
    const moving: PendingDelta[] = [];
    for (const d of deltas) {
      const m = Object.fromEntries(Object.entries(d.m).filter(([, v]) => v !== 0)) as Contribution['m'];
      if (Object.keys(m).length) moving.push([d.dim, d.key, d.day, m]);
    }
    if (moving.length) rows.push({ recorded_on: recordedOn, deltas: JSON.stringify(moving) });
  }
  if (rows.length) await insertLater(trx, PENDING, rows);
}

/**
 * Adds the pending deltas of committed writes to the counters, under one advisory lock on PostgreSQL (every process may
 * call it; each pending row is taken once, by the DELETE that reads it; SQLite has one writer). Reports call it before
 * they read the counters, so a report sees every write committed before it began; the background settles every few
 * seconds (`startCounterSettler`), so that a report finds little to do. `wait: false` gives way when another settles.
 */
export async function settleCounters(knex: Knex, opts: { wait?: boolean } = {}): Promise<void> {
  const pg = isPg(knex);
  const pending = rowsOf(await knex.raw(`SELECT EXISTS (SELECT 1 FROM ${PENDING}) AS ${pg ? 'any' : '"any"'}`));
  const any = pending[0]?.any;
  if (any !== true && Number(any) !== 1) return;
  await knex.transaction(async (trx) => {
    if (opts.wait === false) {
      if (!(await tryAdvisoryXactLock(trx, 'statCounters'))) return;
    } else await advisoryXactLock(trx, 'statCounters');
    const taken = rowsOf(await trx.raw(`DELETE FROM ${PENDING} RETURNING recorded_on, deltas`));
    const byDay = new Map<string, Map<string, Contribution>>();
    for (const r of taken as { recorded_on: string; deltas: string }[])
      mergeDeltas(
        byDay,
        r.recorded_on,
        (JSON.parse(r.deltas) as PendingDelta[]).map(([dim, key, day, m]) => ({ dim, key, day, m })),
      );
    await applyCounterDeltasByDay(trx, new Map([...byDay].map(([day, merged]) => [day, [...merged.values()]])));
  });
}

/** Measures summed over whole months before a period: cases open at its start and cases past their due date. */
export const MONTHLY_MEASURES: readonly CounterMeasure[] = [
  'accepted',
  'closed',
  'due_unmet',
  'closed_late',
  // Pre-arbitration mediations and reviews open at a period's start (cases handled, 办理案件数).
  'med_received',
  'med_closed',
  'rev_received',
  'rev_closed',
];

/**
 * The counters rebuilt as the sum of the statistics row versions: + at recorded_from, − at recorded_to (China calendar
 * days). A repair (db/maintenance.ts), in the caller's transaction.
 */
export async function rebuildCounters(trx: Knex): Promise<void> {
  // What is pending is in the row versions read below: taken with the counters, under the settling lock.
  await advisoryXactLock(trx, 'statCounters');
  for (const t of [PENDING, 'stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) await trx(t).delete();
  let lastId = 0;
  for (;;) {
    const rows = await trx('case_stat_rows').where('id', '>', lastId).orderBy('id').limit(1000);
    if (!rows.length) break;
    for (const r of rows) {
      const facts = factsFromRow(r);
      await applyCounterDeltas(trx, counterDeltas(null, facts), cstDay(r.recorded_from));
      if (r.recorded_to) await applyCounterDeltas(trx, counterDeltas(facts, null), cstDay(r.recorded_to));
    }
    lastId = Number(rows.at(-1)?.id);
  }
}

export function createStatsStore() {
  return {
    /** The pending counter deltas added before a report reads the counters (`settleCounters`). */
    settle: settleCounters,

    async current(trx: Knex, caseId: number): Promise<(StatFacts & { rowId: number }) | null> {
      const r = await trx('case_stat_rows').where({ case_id: caseId }).whereNull('recorded_to').first();
      return r ? { ...factsFromRow(r), rowId: Number(r.id) } : null;
    },

    /**
     * Records the case's statistical facts as of `now`, in the caller's transaction: nothing happens when they did not
     * change; otherwise the current row is closed, a new one opened and the counters moved by the difference.
     */
    async project(
      trx: Knex,
      caseId: number,
      facts: StatFacts,
      now: string,
      /** `isNew`: the case has no row yet; `current`: its current row as the caller read it inside its transaction. */
      opts: { isNew?: boolean; current?: (StatFacts & { rowId: number }) | null } = {},
    ): Promise<boolean> {
      const row = opts.isNew ? null : opts.current !== undefined ? opts.current : await this.current(trx, caseId);
      // Compare the facts only: the row id is not a fact (comparing it made every write and sweep add a row).
      const { rowId, ...cur } = row ?? { rowId: 0 };
      const before = row ? (cur as StatFacts) : null;
      if (before && sameFacts(before, facts)) return false;
      // Nobody reads what these answer: on SQLite they go with the transaction's other queued writes.
      if (row) await updateLater(trx, 'case_stat_rows', { recorded_to: now }, { id: rowId });
      await insertLater(trx, 'case_stat_rows', [{ case_id: caseId, recorded_from: now, recorded_to: null, ...rowFromFacts(facts) }]);
      // The day's counters are shared by every write: updated last, right before COMMIT (db/commit-queue.ts).
      await queueCounterDeltas(trx, counterDeltas(before, facts), cstDay(now));
      return true;
    },
  };
}
