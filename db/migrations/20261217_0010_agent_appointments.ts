import type { Knex } from 'knex';

/**
 * Agents appointed or revoked after acceptance (APPOINT_AGENT / REVOKE_AGENT; LDMAL Art. 24, domain.md §1.2): the
 * authority the power of attorney grants (`general` 一般授权 / `special` 特别授权), the day the commission received it
 * (`appointed_on`), the instant the appointment was recorded (`recorded_at`: an `asOf` statistic counts him from the
 * day it was recorded, as it reads the statistics rows) and the day it received the written notice revoking it
 * (`revoked_on`). An agent recorded at registration has none of these (null). A revoked agent's row stays: the legal-aid statistics
 * still count the aid the worker had, the case view and the documents no longer show him.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agents', (t) => {
    t.string('powers', 10);
    t.string('appointed_on', 10);
    t.string('recorded_at', 30);
    t.string('revoked_on', 10);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agents', (t) => {
    t.dropColumn('revoked_on');
    t.dropColumn('recorded_at');
    t.dropColumn('appointed_on');
    t.dropColumn('powers');
  });
}
