import type { Knex } from 'knex';
import { counterDeltas } from '../../workflows/stat-facts.ts';
import { applyCounterDeltas, factsFromRow } from '../stores/stats.ts';

/**
 * A race between two writers of one case (two processes, or a process and the sweep) must fail loudly rather than
 * leave duplicates: one deadline per case, kind and party, and one current statistics row per case.
 *
 * Deadlines are derived data (every write and the sweep recompute them), so duplicates left by the old race are
 * removed here and the next sweep rewrites them. A case with two current statistics rows has counters that count it
 * twice (or not at all): the older row is closed when the newer one was opened, and the counters — derived data,
 * the sum of the row versions — are rebuilt from the rows.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`DELETE FROM case_deadlines WHERE id NOT IN (
    SELECT MIN(id) FROM case_deadlines GROUP BY case_id, kind, COALESCE(party_id, 0))`);
  await knex.raw('CREATE UNIQUE INDEX case_deadlines_one_per_kind ON case_deadlines (case_id, kind, COALESCE(party_id, 0))');
  const dupes = await knex('case_stat_rows').whereNull('recorded_to').groupBy('case_id').havingRaw('COUNT(*) > 1').select('case_id');
  for (const { case_id } of dupes) {
    const rows = await knex('case_stat_rows').where({ case_id }).whereNull('recorded_to').orderBy('id');
    for (let i = 0; i < rows.length - 1; i++) {
      await knex('case_stat_rows')
        .where({ id: rows[i].id })
        .update({ recorded_to: rows[i + 1].recorded_from });
    }
  }
  if (dupes.length) await rebuildCounters(knex);
  await knex.raw('CREATE UNIQUE INDEX case_stat_rows_one_current ON case_stat_rows (case_id) WHERE recorded_to IS NULL');
}

/** The counters as the sum of the row versions: + at recorded_from, − at recorded_to (China calendar days). */
async function rebuildCounters(knex: Knex): Promise<void> {
  for (const t of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) await knex(t).delete();
  const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
  let lastId = 0;
  for (;;) {
    const rows = await knex('case_stat_rows').where('id', '>', lastId).orderBy('id').limit(1000);
    if (!rows.length) break;
    for (const r of rows) {
      const facts = factsFromRow(r);
      await applyCounterDeltas(knex, counterDeltas(null, facts), day(r.recorded_from));
      if (r.recorded_to) await applyCounterDeltas(knex, counterDeltas(facts, null), day(r.recorded_to));
    }
    lastId = Number(rows.at(-1).id);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX case_stat_rows_one_current');
  await knex.raw('DROP INDEX case_deadlines_one_per_kind');
}
