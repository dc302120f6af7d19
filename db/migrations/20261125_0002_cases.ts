import type { Knex } from 'knex';

// Dates are stored as 'YYYY-MM-DD' text and instants as ISO-8601 text on both dialects, so that
// neither driver converts them through JavaScript Date and time zones.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cases', (t) => {
    t.increments('id');
    t.string('track', 16).notNullable(); // arbitration | mediation
    t.string('state', 40).notNullable();
    t.string('received_on', 10).notNullable();
    t.string('postmark_on', 10);
    t.string('channel', 16).notNullable();
    t.string('district', 40).notNullable();
    t.text('facts');
    t.string('procedure', 16).notNullable().defaultTo('ordinary'); // ordinary | simple
    t.boolean('collective').notNullable().defaultTo(false);
    t.boolean('wage_arrears').notNullable().defaultTo(false);
    t.string('case_no', 80).unique();
    t.integer('case_year');
    t.integer('case_serial');
    t.string('accepted_on', 10);
    t.string('closure_mode', 24);
    t.string('closed_on', 10);
    t.string('finality', 16);
    t.text('snapshot'); // persisted statechart snapshot (JSON)
    t.integer('machine_version');
    t.integer('version').notNullable().defaultTo(1);
    t.integer('linked_case_id').references('id').inTable('cases');
    t.text('search_text').notNullable().defaultTo('');
    t.integer('created_by').references('id').inTable('users');
    t.string('created_at', 32).notNullable();
    t.string('updated_at', 32).notNullable();
    t.unique(['case_year', 'case_serial']);
    t.index(['state']);
    t.index(['district']);
    t.index(['received_on']);
    t.index(['accepted_on']);
    t.index(['closed_on']);
  });
  // One row per year; acceptance increments it inside its own transaction, so a rolled-back
  // acceptance gives its number back and no number is ever skipped or issued twice.
  await knex.schema.createTable('case_number_counters', (t) => {
    t.integer('year').primary();
    t.integer('last_serial').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_number_counters');
  await knex.schema.dropTable('cases');
}
