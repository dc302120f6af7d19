import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('parties', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.string('side', 16).notNullable(); // applicant | respondent | third_party
    t.integer('seq').notNullable();
    t.string('kind', 16).notNullable(); // person | organization
    t.string('name', 100).notNullable();
    t.string('id_number', 18);
    t.string('sex', 8);
    t.string('birth_date', 10);
    t.string('ethnicity', 20);
    t.string('phone', 32);
    t.string('address', 200);
    t.string('credit_code', 18);
    t.string('legal_representative', 100);
    t.string('legal_representative_title', 50);
    t.index(['case_id']);
    t.index(['name']);
  });
  await knex.schema.createTable('agents', (t) => {
    t.increments('id');
    t.integer('party_id').notNullable().references('id').inTable('parties').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.string('name', 100).notNullable();
    t.string('kind', 24).notNullable(); // lawyer | legal_worker | relative | employee | union | other
    t.string('unit', 100);
    t.string('phone', 32);
    t.index(['party_id']);
  });
  await knex.schema.createTable('claims', (t) => {
    t.increments('id');
    t.integer('case_id').notNullable().references('id').inTable('cases');
    t.integer('seq').notNullable();
    t.string('category', 32).notNullable();
    // Money is stored exactly, as integer fen (1 yuan = 100 fen).
    t.bigInteger('amount_fen');
    t.text('description').notNullable();
    t.index(['case_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('claims');
  await knex.schema.dropTable('agents');
  await knex.schema.dropTable('parties');
}
