import type { Knex } from 'knex';

/**
 * s61 D (LDMAL Art. 30): the hearing calendar's flag of a session still to be held before a respondent's answer period
 * can end (`hearings.before_answer_period_ends`, 20261225_0061) read false for every session stored before that column,
 * until its case's next hearing, service, defence or claims event. The flag is derived data: judged again after the last
 * migration, with the current code, by the application task `reflag_answer_periods` (db/maintenance.ts
 * APPLICATION_TASKS; app/procedure/answer-flag.ts `runRequestedReflag`) — not computed here. Asked for only when there
 * is a session still to be held.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex('hearings').where({ status: 'scheduled' }).first('case_id'))) return;
  await knex('maintenance_tasks')
    .insert({
      name: 'reflag_answer_periods',
      requested_at: new Date().toISOString(),
      reason: 'hearing calendar: the answer-period flag of the sessions stored before it was kept (s61 D)',
    })
    .onConflict('name')
    .ignore();
}

export async function down(): Promise<void> {
  // Derived data: nothing to undo (0061's down drops the column).
}
