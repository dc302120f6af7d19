import type { Knex } from 'knex';

/**
 * The hearing calendar shows every session of a case (issue 16, round 3), not only its latest: one row per session,
 * numbered per case (`seq`). A session is added by SCHEDULE_HEARING, moved by POSTPONE_HEARING, marked held by
 * HOLD_HEARING (on the day it was held); the case's closure takes the sessions not yet held off the calendar
 * (app/cases/case-state.ts `syncHearing`). Existing cases are replayed from their append-only event history.
 */
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as Record<string, unknown>;

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
  const events = await knex('case_events')
    .whereIn('type', ['SCHEDULE_HEARING', 'POSTPONE_HEARING', 'HOLD_HEARING'])
    .orderBy(['case_id', 'seq'])
    .select('case_id', 'type', 'occurred_on', 'payload');
  type Session = { hearing_on: string; time: string | null; place: string; public: boolean; status: string; scheduled_on: string };
  const byCase = new Map<number, Session[]>();
  for (const e of events) {
    const id = Number(e.case_id);
    const p = parse(e.payload);
    const list = byCase.get(id) ?? [];
    byCase.set(id, list);
    const last = list.at(-1);
    if (e.type === 'SCHEDULE_HEARING') {
      list.push({
        hearing_on: p.hearingOn as string,
        time: (p.time as string | undefined) ?? null,
        place: p.place as string,
        public: p.public !== false,
        status: 'scheduled',
        scheduled_on: e.occurred_on,
      });
    } else if (last && e.type === 'POSTPONE_HEARING') {
      last.hearing_on = p.hearingOn as string;
      last.place = (p.place as string | undefined) ?? last.place;
      last.time = (p.time as string | undefined) ?? last.time;
    } else if (last && e.type === 'HOLD_HEARING') {
      last.hearing_on = e.occurred_on;
      last.public = p.public === undefined ? last.public : p.public !== false;
      last.status = 'held';
    }
  }
  const closed = new Set(
    (
      await knex('cases')
        .whereNotNull('closed_on')
        .whereIn('id', [...byCase.keys()])
        .select('id')
    ).map((r) => Number(r.id)),
  );
  const rows = [...byCase].flatMap(([id, list]) =>
    list.map((s, i) => ({ case_id: id, seq: i + 1, ...s })).filter((s) => s.status === 'held' || !closed.has(id)),
  );
  for (let i = 0; i < rows.length; i += 100) await knex('hearings').insert(rows.slice(i, i + 100));
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
