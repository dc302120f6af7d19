import type { Knex } from 'knex';

/**
 * The statistics projection (domain.md §13; issue 6).
 *
 * `case_stat_rows` holds, for every case, the facts statistics read (acceptance and closing dates, closure mode,
 * finality, district, cause, procedure, presiding arbitrator, amounts), one row per version: a write that changes
 * any of them closes the current row (`recorded_to`) and opens a new one (`recorded_from`), in the same transaction
 * as the write. "As the records stood at the end of day D" is then the rows with recorded_from < end(D) ≤ recorded_to.
 *
 * `stat_counters` are the same facts summed per fact day, dimension and key, as signed deltas stamped with the day
 * they were recorded: a change adds −1 for the old facts and +1 for the new. The sum of the rows recorded up to D is
 * the state at the end of D; the sum of all rows is the current state. Reports read these (a few rows per day and
 * key) instead of scanning cases or events.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('case_stat_rows', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('recorded_from', 32).notNullable();
    t.string('recorded_to', 32);
    t.string('track', 16).notNullable();
    t.string('district', 40).notNullable();
    t.string('cause', 32).notNullable();
    t.string('procedure_kind', 16).notNullable(); // ordinary | simple | collective
    t.boolean('collective').notNullable();
    t.boolean('wage_arrears').notNullable();
    t.integer('workers').notNullable();
    t.bigInteger('claimed_fen').notNullable();
    t.bigInteger('awarded_fen').notNullable();
    t.string('received_on', 10).notNullable();
    t.string('accepted_on', 10);
    t.string('closed_on', 10);
    t.string('closure_mode', 24);
    t.string('finality', 16);
    t.integer('arbitrator_id');
    t.string('award_due_on', 10);
    t.integer('days_to_close');
    t.boolean('closed_late').notNullable();
    t.string('mediation_outcome', 16); // mediation track: agreed | failed | referred | withdrawn
    t.string('mediation_ended_on', 10);
    t.index(['case_id', 'recorded_to']);
    t.index(['accepted_on', 'recorded_to']);
    t.index(['closed_on', 'recorded_to']);
  });
  // Current rows only: what today's drill-downs read.
  await knex.raw('CREATE INDEX case_stat_rows_current_accepted ON case_stat_rows (accepted_on) WHERE recorded_to IS NULL');
  await knex.raw('CREATE INDEX case_stat_rows_current_closed ON case_stat_rows (closed_on) WHERE recorded_to IS NULL');

  const measures = (t: Knex.CreateTableBuilder) => {
    for (const m of [
      'received',
      'rejected',
      'accepted',
      'accepted_collective',
      'workers',
      'workers_collective',
      'closed',
      'closed_award',
      'closed_mediation',
      'closed_withdrawal',
      'closed_other',
      'final_awards',
      'mixed_awards',
      'days_sum',
      'closed_late',
      'due_unmet',
      'med_received',
      'med_closed',
      'med_agreed',
    ]) {
      t.integer(m).notNullable().defaultTo(0);
    }
    t.bigInteger('claimed_fen').notNullable().defaultTo(0);
    t.bigInteger('awarded_fen').notNullable().defaultTo(0);
  };
  // Signed deltas per fact day and recording day: the history, for asOf.
  await knex.schema.createTable('stat_counters', (t) => {
    t.string('dim', 16).notNullable();
    t.string('key', 40).notNullable();
    t.string('day', 10).notNullable();
    t.string('recorded_on', 10).notNullable();
    measures(t);
    t.primary(['dim', 'day', 'key', 'recorded_on']);
    // asOf = current − recorded after the day: the recordings since a day are an index range.
    t.index(['recorded_on', 'dim'], 'stat_counters_recorded');
  });
  // The same summed over recording days (the current state), per fact day and per fact month: a report reads
  // the days of its period and the months before it, never the whole history day by day.
  await knex.schema.createTable('stat_counters_daily', (t) => {
    t.string('dim', 16).notNullable();
    t.string('key', 40).notNullable();
    t.string('day', 10).notNullable();
    measures(t);
    t.primary(['dim', 'day', 'key']);
  });
  await knex.schema.createTable('stat_counters_monthly', (t) => {
    t.string('dim', 16).notNullable();
    t.string('key', 40).notNullable();
    t.string('month', 7).notNullable();
    measures(t);
    t.primary(['dim', 'month', 'key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('stat_counters_monthly');
  await knex.schema.dropTable('stat_counters_daily');
  await knex.schema.dropTable('stat_counters');
  await knex.schema.dropTable('case_stat_rows');
}
