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
 * Adds signed deltas to `stat_counters` (one upsert per dim/key/day). The same SQL runs on SQLite (≥ 3.24) and
 * PostgreSQL: INSERT … ON CONFLICT … DO UPDATE with the table-qualified old value plus `excluded`.
 */
export async function applyCounterDeltas(trx: Knex, unsorted: Contribution[], recordedOn: string): Promise<void> {
  if (!unsorted.length) return;
  // One lock order for every writer (PostgreSQL locks the rows of an upsert in the order given): no deadlocks.
  const order = (d: Contribution) => `${d.dim}\u0000${d.key}\u0000${d.day}`;
  const deltas = [...unsorted].sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  await upsert(
    trx,
    'stat_counters',
    ['dim', 'key', 'day', 'recorded_on'],
    deltas.map((d) => ({ ...d, keys: [d.dim, d.key, d.day, recordedOn] })),
  );
  await upsert(
    trx,
    'stat_counters_daily',
    ['dim', 'key', 'day'],
    deltas.map((d) => ({ ...d, keys: [d.dim, d.key, d.day] })),
  );
  // Months: only what reports sum over whole months before a period (the cumulative measures); several days of one
  // month fold into one row. A registration, say, touches no month row.
  const months = new Map<string, Contribution>();
  for (const d of deltas) {
    for (const [name, v] of Object.entries(d.m) as [CounterMeasure, number][]) {
      if (!MONTHLY_MEASURES.includes(name) || v === 0) continue;
      const k = `${d.dim}\u0000${d.key}\u0000${d.day.slice(0, 7)}`;
      const cur = months.get(k) ?? { dim: d.dim, key: d.key, day: d.day.slice(0, 7), m: {} };
      cur.m[name] = (cur.m[name] ?? 0) + v;
      months.set(k, cur);
    }
  }
  await upsert(
    trx,
    'stat_counters_monthly',
    ['dim', 'key', 'month'],
    [...months.values()].map((d) => ({ ...d, keys: [d.dim, d.key, d.day] })),
  );
}

const queuedDeltas = new WeakMap<object, Map<string, Map<string, Contribution>>>();

/**
 * Adds counter deltas when the caller's unit of work ends (the day's counters are shared by every write:
 * db/commit-queue.ts), summed with the other deltas of the same transaction and recording day first — a seeder's
 * transaction of hundreds of acts (app/unit-of-work.ts inBulkTransaction) moves each counter row once. One write per
 * transaction (the API) moves exactly the rows it did before. Outside a unit of work they are applied at once.
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
      for (const [day, merged] of days) await applyCounterDeltas(trx, [...merged.values()], day);
    });
  }
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
 * INSERT … ON CONFLICT … DO UPDATE adding `excluded` to the stored values: the same SQL on SQLite (≥ 3.24) and
 * PostgreSQL. Several rows per statement (SQLite allows 999 variables by default: 40 rows of 25 columns).
 */
async function upsert(trx: Knex, table: string, keyCols: string[], rows: (Contribution & { keys: string[] })[]): Promise<void> {
  if (!rows.length) return;
  for (let i = 0; i < rows.length; i += 35) {
    const chunk = rows.slice(i, i + 35);
    // Only the measures this change touches (a registration touches one): shorter SQL, the rest default to 0.
    const measures = COUNTER_MEASURES.filter((m) => chunk.some((d) => (d.m[m] ?? 0) !== 0));
    if (!measures.length) continue;
    const cols = [...keyCols, ...measures];
    const updates = measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ');
    const values = chunk.map(() => `(${cols.map(() => '?').join(', ')})`).join(', ');
    const bindings = chunk.flatMap((d) => [...d.keys, ...measures.map((m) => d.m[m] ?? 0)]);
    await trx.raw(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${values} ON CONFLICT (${keyCols.join(', ')}) DO UPDATE SET ${updates}`,
      bindings,
    );
  }
}

/**
 * The counters rebuilt as the sum of the statistics row versions: + at recorded_from, − at recorded_to (China calendar
 * days). A repair (db/maintenance.ts), in the caller's transaction.
 */
export async function rebuildCounters(trx: Knex): Promise<void> {
  for (const t of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) await trx(t).delete();
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
      if (row) await trx('case_stat_rows').where({ id: rowId }).update({ recorded_to: now });
      await trx('case_stat_rows').insert({ case_id: caseId, recorded_from: now, recorded_to: null, ...rowFromFacts(facts) });
      // The day's counters are shared by every write: updated last, right before COMMIT (db/commit-queue.ts).
      await queueCounterDeltas(trx, counterDeltas(before, facts), cstDay(now));
      return true;
    },
  };
}
