import type { Knex } from 'knex';

/**
 * The hearing calendar (issue 16): one row per case for its latest scheduled hearing — day, time, room, public —
 * and whether it has been held. Kept in step with the case by every event that schedules, postpones or holds a
 * hearing or closes the case (app/cases/case-state.ts `syncHearing`). Existing cases are read from their stored
 * procedure context.
 */
export async function up(knex: Knex): Promise<void> {
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
  const rows = await knex('cases').whereNotNull('snapshot').select('id', 'snapshot');
  for (const r of rows) {
    const snap = typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot;
    const ctx = snap?.context;
    const h = ctx?.hearing;
    if (!h?.hearingOn || !h.place) continue;
    const held = (ctx.hearingsHeld ?? []).filter((x: { heldOn: string }) => x.heldOn >= (h.scheduledOn ?? '')).at(-1);
    if (!held && ctx.closure) continue;
    await knex('hearings').insert({
      case_id: r.id,
      hearing_on: held ? held.heldOn : h.hearingOn,
      time: h.time ?? null,
      place: h.place,
      public: held ? held.public !== false : h.public !== false,
      status: held ? 'held' : 'scheduled',
      scheduled_on: h.scheduledOn ?? h.hearingOn,
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('hearings');
}
