import type { Knex } from 'knex';

/**
 * fixS55 (legal55a #6, docs55 #3): a merged counterclaim's claims (Rules Art. 36) are now counted as the award decides
 * them — in the claim lines, the amount awarded, the result and (by default, STATS_CLAIMED_AMOUNT) the amount claimed
 * (workflows/stat-facts.ts `statFacts`). Only the cases with a counterclaim change. Their facts are re-derived with the
 * current code after start-up (`reproject_statistics`, app/stats/reproject.ts `runRequestedReprojection`: a new row
 * version and counter deltas stamped that day, so earlier `asOf` figures stay as published), not computed here.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex('case_stat_rows').first('id'))) return;
  if (!(await knex('claims').where({ counterclaim: true }).first('id'))) return;
  await knex('maintenance_tasks')
    .insert({
      name: 'reproject_statistics',
      requested_at: new Date().toISOString(),
      reason: "a counterclaim's claims counted in the statistics (fixS55)",
    })
    .onConflict('name')
    .ignore();
}

export async function down(): Promise<void> {
  // Derived data: the earlier code's `npm run stats:reproject` restores its definition.
}
