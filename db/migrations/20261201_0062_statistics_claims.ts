import type { Knex } from 'knex';

/**
 * Claims awarded and what courts made of them (issue 17): on each row version of `case_stat_rows` the awarded claims
 * as canonical JSON (`claim_lines`) with the first and last award day (to find the rows of a period by index), and the
 * matching counters per claim category (dim `claim_category`) and in the headline. Rows written before this migration
 * carry no claim lines until the case is next written or `npm run stats:reproject` re-derives them.
 */
const COUNTS = ['claim_items', 'claim_challenged', 'claim_court_decided', 'claim_court_changed', 'claim_settled'];
const MONEY = ['claim_claimed_fen', 'claim_awarded_fen', 'claim_settled_awarded_fen', 'claim_upheld_fen'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_stat_rows', (t) => {
    t.text('claim_lines').notNullable().defaultTo('[]');
    t.string('claim_award_from', 10);
    t.string('claim_award_to', 10);
    t.index(['claim_award_to', 'claim_award_from'], 'case_stat_rows_claim_award');
  });
  for (const table of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) {
    await knex.schema.alterTable(table, (t) => {
      for (const m of COUNTS) t.integer(m).notNullable().defaultTo(0);
      for (const m of MONEY) t.bigInteger(m).notNullable().defaultTo(0);
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) {
    await knex.schema.alterTable(table, (t) => {
      for (const m of [...COUNTS, ...MONEY]) t.dropColumn(m);
    });
  }
  await knex.schema.alterTable('case_stat_rows', (t) => {
    t.dropIndex(['claim_award_to', 'claim_award_from'], 'case_stat_rows_claim_award');
    for (const c of ['claim_lines', 'claim_award_from', 'claim_award_to']) t.dropColumn(c);
  });
}
