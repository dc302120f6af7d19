import type { Knex } from 'knex';

/**
 * Generated documents: the exact bytes served (GET returns the same bytes every time), their sha256, the
 * case version they were made from and who made them. A correction is a new row; rows are never updated.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('documents', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('kind', 40).notNullable();
    t.string('title', 100).notNullable();
    t.string('case_no', 80);
    t.string('sha256', 64).notNullable();
    t.integer('size').notNullable();
    t.binary('bytes').notNullable();
    t.integer('case_version').notNullable();
    t.integer('created_by').references('id').inTable('users');
    t.string('created_at', 32).notNullable();
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('documents');
}
