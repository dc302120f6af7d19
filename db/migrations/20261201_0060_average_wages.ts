import type { Knex } from 'knex';

/**
 * The city's average monthly wage of employees per statistical year (本地区上年度职工月平均工资), for the 3× cap of
 * LCL Art. 47(2) in the economic-compensation and damages calculators (issue 17). One row per district and year
 * (`全市` for a figure that holds for every district — the law names the city's figure), with its source and
 * `confirmed = false` until an admin has checked it against the published notice. No figure is seeded: none could be
 * read from an official source here (README "Labor-law calculators").
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('average_wages', (t) => {
    t.increments('id');
    t.string('district', 40).notNullable();
    t.integer('year').notNullable();
    t.bigInteger('monthly_fen').notNullable();
    t.string('published_on', 10);
    t.string('source', 200).notNullable();
    t.boolean('confirmed').notNullable().defaultTo(false);
    t.unique(['district', 'year']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('average_wages');
}
