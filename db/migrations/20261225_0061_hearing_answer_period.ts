import type { Knex } from 'knex';

/**
 * s60 L (LDMAL Art. 30): the hearing calendar flags a session still to be held that is set before a respondent's answer
 * period can end, with no defence filed by it and no waiver recorded (`before_answer_period_ends`), written with the
 * hearing events and the acts that change it (a service, a defence) — the calendar reads it with the session, no
 * query per row. Sessions stored before this column read false until their case's next such act — or, since s61 D,
 * until the task `reflag_answer_periods` that migration 20261226_0062 asks for has run (app/procedure/answer-flag.ts).
 *
 * Like 0059 and 0060 the ALTER waits at most `LOCK_TIMEOUT` for the table's lock on PostgreSQL (s60 L2).
 */
const LOCK_TIMEOUT = '10s';
const isPg = (knex: Knex) => knex.client.config.client === 'pg';

export async function up(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  await knex.schema.alterTable('hearings', (t) => {
    t.boolean('before_answer_period_ends').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  if (isPg(knex)) await knex.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`);
  await knex.schema.alterTable('hearings', (t) => {
    t.dropColumn('before_answer_period_ends');
  });
}
