import { caseSnapshot } from '../../app/cases/case-state.ts';
import { statOptions } from '../../app/config.ts';
import type { Deps } from '../../app/deps.ts';
import { verifyHistory } from '../../db/history-chain.ts';
import { deadlineRow } from '../../db/stores/deadlines.ts';
import { factsFromRow, MONTHLY_MEASURES, settleCounters } from '../../db/stores/stats.ts';
import { computeDeadlines } from '../../workflows/deadlines.ts';
import { COUNTER_MEASURES, contributions, statFacts } from '../../workflows/stat-facts.ts';

const cst = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Everything derived, recomputed from the record and compared with what is stored; returns the differences (empty when
 * all agree). Case numbers against the ACCEPT entries of the history; deadlines against a fresh computation for
 * `today`; each case's current statistics row against its facts derived afresh; the counters against the sum of the
 * statistics row versions; the accepted total against the history; and the history chain.
 */
export async function recomputeAndCompare(deps: Deps, today: string, opts: { rowFacts?: boolean } = {}): Promise<string[]> {
  const k = deps.db.knex;
  const problems: string[] = [];
  // PostgreSQL: the counters as a report reads them, with every committed write's pending deltas added.
  await settleCounters(k);
  const cases = await k('cases').select('id', 'case_no', 'case_year', 'case_serial', 'track').orderBy('id');

  // Case numbers: one per ACCEPT in the history, unique, 1…n in each year without gaps.
  const accepts = await k('case_events').where({ type: 'ACCEPT' }).select('case_id', 'occurred_on');
  const acceptedIds = new Set(accepts.map((e) => Number(e.case_id)));
  if (accepts.length !== acceptedIds.size) problems.push(`${accepts.length} ACCEPT entries for ${acceptedIds.size} cases`);
  const numbered = cases.filter((c) => c.case_no !== null);
  if (numbered.length !== acceptedIds.size) problems.push(`${numbered.length} case numbers for ${acceptedIds.size} accepted cases`);
  for (const c of numbered) if (!acceptedIds.has(Number(c.id))) problems.push(`case ${c.id} has a number but no ACCEPT`);
  const byYear = new Map<number, number[]>();
  for (const c of numbered) byYear.set(Number(c.case_year), [...(byYear.get(Number(c.case_year)) ?? []), Number(c.case_serial)]);
  for (const [year, serials] of byYear) {
    const sorted = serials.sort((x, y) => x - y);
    if (sorted.some((s, i) => s !== i + 1)) problems.push(`case serials of ${year} are not 1…${sorted.length}: ${sorted.join(',')}`);
  }
  if (new Set(numbered.map((c) => c.case_no)).size !== numbered.length) problems.push('duplicate case numbers');

  // Deadlines and the current statistics row of every case, from the case as recorded.
  const cal = await deps.calendar.get();
  for (const { id } of cases) {
    const c = await deps.stores.cases.load(k, Number(id));
    if (!c) continue;
    const ctx = caseSnapshot(c).context;
    const list = computeDeadlines(ctx, cal, deps.periods, today);
    const want = list.map((d) => JSON.stringify(deadlineRow(c.id, d)));
    const have = (await deps.stores.deadlines.forCase(k, c.id)).map((d) => JSON.stringify(deadlineRow(c.id, d)));
    if (JSON.stringify(want.sort()) !== JSON.stringify(have.sort())) problems.push(`case ${c.id}: deadlines differ from a recomputation`);
    const current = await k('case_stat_rows').where({ case_id: c.id }).whereNull('recorded_to');
    if (current.length !== 1) {
      problems.push(`case ${c.id}: ${current.length} current statistics rows`);
      continue;
    }
    const stored = factsFromRow(current[0]);
    const fresh = statFacts(c, ctx, list.find((d) => d.kind === 'award')?.dueOn ?? null, statOptions(deps.config));
    if (opts.rowFacts !== false) {
      const keys = [...new Set([...Object.keys(stored), ...Object.keys(fresh)])].sort();
      const differ = keys.filter(
        (key) => JSON.stringify(stored[key as keyof typeof stored]) !== JSON.stringify(fresh[key as keyof typeof fresh]),
      );
      if (differ.length)
        problems.push(
          `case ${c.id}: statistics row differs from its facts in ${differ.map((key) => `${key} (${JSON.stringify(stored[key as keyof typeof stored])} ≠ ${JSON.stringify(fresh[key as keyof typeof fresh])})`).join(', ')}`,
        );
    }
  }

  // Counters = the sum of the row versions (+ at recorded_from, − at recorded_to).
  const expected = new Map<string, number>();
  for (const row of await k('case_stat_rows').select()) {
    for (const ct of contributions(factsFromRow(row))) {
      for (const [name, v] of Object.entries(ct.m)) {
        const add = (rec: string, sign: number) => {
          const key = `${ct.dim}|${ct.key}|${ct.day}|${rec}|${name}`;
          expected.set(key, (expected.get(key) ?? 0) + sign * (v as number));
        };
        add(cst(row.recorded_from), 1);
        if (row.recorded_to) add(cst(row.recorded_to), -1);
      }
    }
  }
  const nonZero = [...expected].filter(([, v]) => v !== 0).sort();
  const actual: [string, number][] = [];
  for (const r of await k('stat_counters').select()) {
    for (const m of COUNTER_MEASURES) {
      const v = Number(r[m]);
      if (v !== 0) actual.push([`${r.dim}|${r.key}|${r.day}|${r.recorded_on}|${m}`, v]);
    }
  }
  if (JSON.stringify(actual.sort()) !== JSON.stringify(nonZero)) problems.push('stat_counters differ from the sum of the statistics rows');
  for (const [table, cut] of [
    ['stat_counters_daily', 10],
    ['stat_counters_monthly', 7],
  ] as const) {
    const want = new Map<string, number>();
    for (const [key, v] of nonZero) {
      const [dim, kk, day, , name] = key.split('|') as [string, string, string, string, string];
      if (cut === 7 && !(MONTHLY_MEASURES as readonly string[]).includes(name)) continue;
      const w = `${dim}|${kk}|${day.slice(0, cut)}|${name}`;
      want.set(w, (want.get(w) ?? 0) + v);
    }
    const got: [string, number][] = [];
    for (const r of await k(table).select()) {
      for (const m of COUNTER_MEASURES) {
        const v = Number(r[m]);
        if (v !== 0) got.push([`${r.dim}|${r.key}|${r.day ?? r.month}|${m}`, v]);
      }
    }
    const w = [...want].filter(([, v]) => v !== 0).sort();
    if (JSON.stringify(got.sort()) !== JSON.stringify(w)) problems.push(`${table} differs from the sum of the statistics rows`);
  }

  // The official figure against the history: accepted arbitration cases (not later rejected).
  const acceptedTotal = Number((await k('stat_counters_daily').where({ dim: 'all' }).sum({ n: 'accepted' }).first())?.n ?? 0);
  const rejectedAfter = await k('cases')
    .whereIn('id', [...acceptedIds])
    .where({ closure_mode: 'rejection' })
    .count({ n: '*' })
    .first();
  const fromHistory = acceptedIds.size - Number(rejectedAfter?.n ?? 0);
  if (acceptedTotal !== fromHistory) problems.push(`statistics say ${acceptedTotal} accepted, the history ${fromHistory}`);

  const chain = await verifyHistory(k);
  if (!chain.ok) problems.push(`history chain broken: ${JSON.stringify(chain.broken)}`);
  return problems;
}
