import type { Knex } from 'knex';

/**
 * docs54 M1: applications received and rejected are now counted in every breakdown of the statistics counters (cause,
 * procedure, wage arrears, arbitrator, ownership), not by district only (workflows/stat-facts.ts `contributions`). The
 * counters are derived data — the sum of the statistics row versions — so they are rebuilt with the current code after
 * the last migration (db/maintenance.ts `rebuild_stat_counters`), not computed here.
 */
export async function up(knex: Knex): Promise<void> {
  if (await knex('case_stat_rows').first('id')) {
    await knex('maintenance_tasks')
      .insert({
        name: 'rebuild_stat_counters',
        requested_at: new Date().toISOString(),
        reason: 'applications received and rejected counted in every breakdown (docs54 M1)',
      })
      .onConflict('name')
      .ignore();
  }
}

export async function down(): Promise<void> {
  // Counters are derived data: the earlier code's own rebuild would restore its definition.
}
