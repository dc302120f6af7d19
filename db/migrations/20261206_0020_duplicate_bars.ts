import type { Knex } from 'knex';

/**
 * `cases.duplicate_bars`: the earlier cases that bar an application (Rules Art. 34), as its registration found them —
 * the ids, comma-separated, or null. An ACCEPT reads them from the case row it loads anyway, instead of reading the
 * REGISTER entry of every case it accepts (app/procedure/duplicate-bar.ts). Filled here for the applications not yet
 * accepted, from their REGISTER entries (the only cases where it is read).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.text('duplicate_bars');
  });
  const rows: { id: number; payload: unknown }[] = await knex('cases')
    .join('case_events', 'case_events.case_id', 'cases.id')
    .where('cases.state', 'received')
    .where('case_events.type', 'REGISTER')
    .select('cases.id', 'case_events.payload');
  for (const r of rows) {
    const payload = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as {
      duplicates?: { caseId?: unknown; bars?: unknown }[];
    } | null;
    const ids = (payload?.duplicates ?? []).filter((d) => d.bars === true && Number.isInteger(d.caseId)).map((d) => Number(d.caseId));
    if (ids.length)
      await knex('cases')
        .where({ id: r.id })
        .update({ duplicate_bars: ids.join(',') });
  }
}

export async function down(knex: Knex): Promise<void> {
  // ALTER TABLE … DROP COLUMN itself (SQLite ≥ 3.35, PostgreSQL): knex's dropColumn on SQLite copies the table and drops
  // the old one, which the foreign keys of every case's rows refuse.
  await knex.raw('ALTER TABLE cases DROP COLUMN duplicate_bars');
}
