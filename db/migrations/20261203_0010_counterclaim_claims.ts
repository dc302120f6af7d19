import type { Knex } from 'knex';

/**
 * A counterclaim merged into the case (反申请, Rules Art. 36) is made of claims of the respondent against the applicant,
 * which the award decides like the applicant's (LDMAL Art. 46; Rules Art. 49): they are rows of `claims` marked
 * `counterclaim`. Claims stored before have none.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.boolean('counterclaim').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.dropColumn('counterclaim');
  });
}
