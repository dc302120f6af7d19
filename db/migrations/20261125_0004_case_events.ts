import type { Knex } from 'knex';

/** The append-only audit trail of every act on a case. Triggers refuse UPDATE and DELETE. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_events', (t) => {
    t.bigIncrements('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.integer('seq').notNullable();
    t.string('type', 40).notNullable();
    t.string('occurred_on', 10).notNullable();
    t.string('recorded_at', 32).notNullable();
    t.integer('actor_id').references('id').inTable('users');
    t.string('actor_role', 16);
    t.string('actor_name', 100);
    t.text('payload').notNullable();
    t.string('state_before', 40);
    t.string('state_after', 40).notNullable();
    t.text('before');
    t.text('after').notNullable();
    t.unique(['case_id', 'seq']);
    t.index(['type', 'occurred_on']);
  });
  if (knex.client.config.client === 'pg') {
    await knex.raw(`CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'case_events is append-only'; END $$`);
    await knex.raw(`CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  } else {
    await knex.raw(`CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END`);
    await knex.raw(`CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_events');
  if (knex.client.config.client === 'pg') await knex.raw('DROP FUNCTION IF EXISTS case_events_append_only()');
}
