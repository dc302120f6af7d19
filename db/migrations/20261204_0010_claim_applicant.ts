import type { Knex } from 'knex';

/**
 * The applicant a claim is one's own (an outside tester's finding): in a case of several
 * workers (a collective dispute, Rules Art. 62) each worker's claim is his own, and the final-award test reads each
 * item a worker recovers by its own amount (LDMAL Art. 47(1); SPC-1 Art. 19). `party_id` names that applicant (a row
 * of `parties` of the same case, side applicant); null where the claim is the applicants' together or not attributed.
 * No foreign key: a party removed by a registration edit is refused while a claim names it (app/cases).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.integer('party_id').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.dropColumn('party_id');
  });
}
