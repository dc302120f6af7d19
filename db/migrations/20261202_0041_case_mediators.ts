import type { Knex } from 'knex';

/**
 * Mediator assignments (ASSIGN_MEDIATOR, LDMAL Art. 42), kept beside the case's snapshot like `case_arbitrators`, so
 * that the mediator's workload can be shown where a mediator is assigned (issue 16, round 3). Existing cases are read
 * from their stored procedure context.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_mediators', (t) => {
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.integer('user_id').notNullable().references('id').inTable('users');
    t.primary(['case_id', 'user_id']);
    t.index(['user_id']);
  });
  const rows: { case_id: number; user_id: number }[] = [];
  // Only cases that ever had a mediator assigned carry the event: read those snapshots, not every case's.
  const ids = (await knex('case_events').where({ type: 'ASSIGN_MEDIATOR' }).distinct('case_id')).map((r) => Number(r.case_id));
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await knex('cases')
      .whereIn('id', ids.slice(i, i + 500))
      .select('id', 'snapshot')) {
      const snap = typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot;
      for (const userId of new Set<number>(snap?.context?.mediatorIds ?? [])) rows.push({ case_id: Number(r.id), user_id: userId });
    }
  }
  for (let i = 0; i < rows.length; i += 100) await knex('case_mediators').insert(rows.slice(i, i + 100));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_mediators');
}
