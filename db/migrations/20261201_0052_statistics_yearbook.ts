import type { Knex } from 'knex';

/**
 * The statistics projection in the MA2/yearbook shape (domain.md §13.1; issue 18): who filed, the employer's ownership
 * type, the result of a closed case, the amount settled by mediation and referrals from mediation on each row version;
 * the matching counters; and the month table extended to the mediation and review series (rebuilt from the day table,
 * which holds every measure). Rows written before this migration carry the defaults until the case is next written or
 * `npm run stats:reproject` re-derives them (README "Statistics").
 */
const NEW_MEASURES = [
  'accepted_by_employer',
  'accepted_referred',
  'closed_collective',
  'workers_closed',
  'closed_deemed',
  'closed_terminated',
  'closed_transferred',
  'won_worker',
  'won_employer',
  'won_both',
  'med_referred',
  'rev_received',
  'rev_closed',
];
const NEW_MONEY = ['mediated_fen', 'med_agreed_fen'];
const MONTHLY = ['accepted', 'closed', 'due_unmet', 'closed_late', 'med_received', 'med_closed', 'rev_received', 'rev_closed'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('case_stat_rows', (t) => {
    t.string('filed_by', 16).notNullable().defaultTo('worker');
    t.string('ownership', 24).notNullable().defaultTo('unknown');
    t.string('result', 16);
    t.bigInteger('mediated_fen').notNullable().defaultTo(0);
    t.boolean('referred_from_mediation').notNullable().defaultTo(false);
  });
  for (const table of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) {
    await knex.schema.alterTable(table, (t) => {
      for (const m of NEW_MEASURES) t.integer(m).notNullable().defaultTo(0);
      for (const m of NEW_MONEY) t.bigInteger(m).notNullable().defaultTo(0);
    });
  }
  await knex('stat_counters_monthly').delete();
  const sums = MONTHLY.map((m) => `SUM(${m})`).join(', ');
  await knex.raw(
    `INSERT INTO stat_counters_monthly (dim, key, month, ${MONTHLY.join(', ')})
     SELECT dim, key, substr(day, 1, 7), ${sums} FROM stat_counters_daily GROUP BY dim, key, substr(day, 1, 7)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['stat_counters', 'stat_counters_daily', 'stat_counters_monthly']) {
    await knex.schema.alterTable(table, (t) => {
      for (const m of [...NEW_MEASURES, ...NEW_MONEY]) t.dropColumn(m);
    });
  }
  await knex.schema.alterTable('case_stat_rows', (t) => {
    for (const c of ['filed_by', 'ownership', 'result', 'mediated_fen', 'referred_from_mediation']) t.dropColumn(c);
  });
}
