import type { Knex } from 'knex';

/**
 * A collective dispute set by the clerk (Rules Arts. 62, 64; OrgRules Art. 13): a collective-contract dispute or a
 * union applicant, whatever the head count. Null: `collective` follows the head count alone (10+ workers).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.string('collective_ground', 32);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('cases', (t) => {
    t.dropColumn('collective_ground');
  });
}
