import type { Knex } from 'knex';

/**
 * Document numbers of acts that give a case no case number: the 不予受理通知书 (LDMAL Art. 29; Rules Art. 30) is a
 * numbered document like every other the commission sends, but a rejected application is never accepted, so it has no
 * 案字 number. `document_number_counters` keeps the last serial of a kind per year (taken with the decision, in its
 * transaction: a rollback returns it), `case_document_numbers` the number a case's act was given. The applications
 * rejected before this migration are numbered per year of their decision, in the order decided.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_number_counters', (t) => {
    t.string('kind', 40).notNullable();
    t.integer('year').notNullable();
    t.integer('last_serial').notNullable();
    t.primary(['kind', 'year']);
  });
  await knex.schema.createTable('case_document_numbers', (t) => {
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('kind', 40).notNullable();
    t.integer('year').notNullable();
    t.integer('serial').notNullable();
    t.unique(['case_id', 'kind']);
    t.unique(['kind', 'year', 'serial']);
  });
  const rejected: { id: number; closed_on: string }[] = await knex('cases')
    .where({ track: 'arbitration', closure_mode: 'rejection' })
    .whereNotNull('closed_on')
    .orderBy([{ column: 'closed_on' }, { column: 'id' }])
    .select('id', 'closed_on');
  const last = new Map<number, number>();
  for (const r of rejected) {
    const year = Number(String(r.closed_on).slice(0, 4));
    const serial = (last.get(year) ?? 0) + 1;
    last.set(year, serial);
    await knex('case_document_numbers').insert({ case_id: r.id, kind: 'rejection_notice', year, serial });
  }
  for (const [year, serial] of last) await knex('document_number_counters').insert({ kind: 'rejection_notice', year, last_serial: serial });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('case_document_numbers');
  await knex.schema.dropTable('document_number_counters');
}
