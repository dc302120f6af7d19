import type { Knex } from 'knex';

/**
 * The hearing calendar shows every session of a case (issue 16, round 3), not only its latest: one row per session,
 * numbered per case (`seq`). A session is added by SCHEDULE_HEARING, moved by POSTPONE_HEARING, marked held by
 * HOLD_HEARING (on the day it was held); the case's closure takes the sessions not yet held off the calendar
 * (app/cases/case-state.ts `syncHearing`). Existing cases are replayed from their append-only event history by the
 * maintenance task `backfill_hearings` after the last migration.
 */
function createSessions(knex: Knex) {
  return knex.schema.createTable('hearings', (t) => {
    t.integer('case_id').notNullable().references('cases.id');
    t.integer('seq').notNullable();
    t.string('hearing_on', 10).notNullable();
    t.string('time', 5);
    t.string('place', 100).notNullable();
    t.boolean('public').notNullable().defaultTo(true);
    t.string('status', 10).notNullable();
    t.string('scheduled_on', 10).notNullable();
    t.primary(['case_id', 'seq']);
    t.index(['hearing_on']);
    t.index(['place', 'hearing_on']);
  });
}

export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('hearings');
  await createSessions(knex);
  // The rows of the cases already there are derived data: rebuilt after the last migration from each case's history
  // with the current code (db/maintenance.ts backfill_hearings), not with a copy of it here.
  if (await knex('case_events').whereIn('type', ['SCHEDULE_HEARING', 'POSTPONE_HEARING', 'HOLD_HEARING']).first('case_id')) {
    await knex('maintenance_tasks')
      .insert({
        name: 'backfill_hearings',
        requested_at: new Date().toISOString(),
        reason: 'hearing calendar: one row per session of the cases recorded before',
      })
      .onConflict('name')
      .ignore();
  }
}

/** Back to one row per case: its latest session. */
export async function down(knex: Knex): Promise<void> {
  const rows = await knex('hearings').orderBy(['case_id', 'seq']).select('*');
  const latest = new Map<number, Record<string, unknown>>();
  for (const { seq: _seq, ...r } of rows) latest.set(Number(r.case_id), r);
  await knex.schema.dropTable('hearings');
  await knex.schema.createTable('hearings', (t) => {
    t.integer('case_id').primary().references('cases.id');
    t.string('hearing_on', 10).notNullable();
    t.string('time', 5);
    t.string('place', 100).notNullable();
    t.boolean('public').notNullable().defaultTo(true);
    t.string('status', 10).notNullable();
    t.string('scheduled_on', 10).notNullable();
    t.index(['hearing_on']);
    t.index(['place', 'hearing_on']);
  });
  const list = [...latest.values()];
  for (let i = 0; i < list.length; i += 100) await knex('hearings').insert(list.slice(i, i + 100));
}
