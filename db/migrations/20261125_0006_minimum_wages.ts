import type { Knex } from 'knex';

/**
 * Monthly minimum wage per district with its effective date, for the final-award test (LDMAL Art. 47:
 * 12 × the local monthly minimum wage). Seeded with Shandong's standard from 2023-10-01 — three tiers
 * 2200 / 2010 / 1820 yuan (domain.md §9.3, tag [R]). Which tier each Liaocheng district belongs to is NOT
 * confirmed; every district is seeded with the second tier (2010) and `confirmed = false` until an admin
 * enters the official figure (PUT /api/reference/minimum-wages).
 */
export const SEED_DISTRICTS = [
  '东昌府区',
  '茌平区',
  '临清市',
  '阳谷县',
  '莘县',
  '东阿县',
  '冠县',
  '高唐县',
  '聊城经济技术开发区',
  '聊城高新技术产业开发区',
  '江北水城旅游度假区',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('minimum_wages', (t) => {
    t.increments('id');
    t.string('district', 40).notNullable();
    t.bigInteger('monthly_fen').notNullable();
    t.string('effective_from', 10).notNullable();
    t.string('source', 200).notNullable();
    t.boolean('confirmed').notNullable().defaultTo(false);
    t.unique(['district', 'effective_from']);
  });
  await knex('minimum_wages').insert(
    SEED_DISTRICTS.map((district) => ({
      district,
      monthly_fen: 201000,
      effective_from: '2023-10-01',
      source: '山东省月最低工资标准（2023-10-01起，三档2200/2010/1820元），聊城各区县档次未核实，暂按第二档',
      confirmed: false,
    })),
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('minimum_wages');
}
