import type { Knex } from 'knex';

/**
 * A race between two writers of one case (two processes, or a process and the sweep) must fail loudly rather than
 * leave duplicates: one deadline per case, kind, party and occurrence (db/stores/deadlines.ts deadlineRows), and one
 * current statistics row per case.
 *
 * Deadlines are derived data (every write and the sweep recompute them), so duplicates left by the old race are
 * removed here and the next sweep rewrites them. A case with two current statistics rows has counters that count it
 * twice (or not at all): the older row is closed when the newer one was opened, and a rebuild of the counters — derived
 * data, the sum of the row versions — is requested in `maintenance_tasks`. It runs after the last migration, with the
 * code and schema of the version being started (db/maintenance.ts), not with this migration's idea of them.
 */
export async function up(knex: Knex): Promise<void> {
  // Copies left by the race (same case, kind, party, start, due date and label) go; what remains is numbered within its
  // kind and party, in insertion order (several of one kind are legitimate: one per recusal application, say).
  await knex.raw(`DELETE FROM case_deadlines WHERE id NOT IN (
    SELECT MIN(id) FROM case_deadlines
    GROUP BY case_id, kind, COALESCE(party_id, 0), COALESCE(starts_on, ''), COALESCE(due_on, ''), label)`);
  await knex.schema.alterTable('case_deadlines', (t) => {
    t.integer('occurrence').notNullable().defaultTo(1);
  });
  await knex.raw(`UPDATE case_deadlines SET occurrence = (
    SELECT COUNT(*) FROM case_deadlines d2
    WHERE d2.case_id = case_deadlines.case_id AND d2.kind = case_deadlines.kind
      AND COALESCE(d2.party_id, 0) = COALESCE(case_deadlines.party_id, 0) AND d2.id <= case_deadlines.id)`);
  await knex.raw('CREATE UNIQUE INDEX case_deadlines_one_per_kind ON case_deadlines (case_id, kind, COALESCE(party_id, 0), occurrence)');
  await knex.schema.createTable('maintenance_tasks', (t) => {
    t.string('name', 60).primary();
    t.string('requested_at', 32).notNullable();
    t.text('reason');
  });
  const dupes = await knex('case_stat_rows').whereNull('recorded_to').groupBy('case_id').havingRaw('COUNT(*) > 1').select('case_id');
  for (const { case_id } of dupes) {
    const rows = await knex('case_stat_rows').where({ case_id }).whereNull('recorded_to').orderBy('id');
    for (let i = 0; i < rows.length - 1; i++) {
      await knex('case_stat_rows')
        .where({ id: rows[i].id })
        .update({ recorded_to: rows[i + 1].recorded_from });
    }
  }
  if (dupes.length) {
    await knex('maintenance_tasks').insert({
      name: 'rebuild_stat_counters',
      requested_at: new Date().toISOString(),
      reason: `cases with two current statistics rows: ${dupes.map((d) => d.case_id).join(', ')}`,
    });
  }
  await knex.raw('CREATE UNIQUE INDEX case_stat_rows_one_current ON case_stat_rows (case_id) WHERE recorded_to IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX case_stat_rows_one_current');
  await knex.schema.dropTable('maintenance_tasks');
  await knex.raw('DROP INDEX case_deadlines_one_per_kind');
  await knex.schema.alterTable('case_deadlines', (t) => {
    t.dropColumn('occurrence');
  });
}
