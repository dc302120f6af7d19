import type { Knex } from 'knex';

/**
 * Two indexes every write paid for and no read needs: `parties(case_id)` is the first column of `parties_case_order`
 * (case_id, side, seq), `case_deadlines(case_id)` the first of `case_deadlines_one_per_kind` (case_id, kind, …) — both
 * SQLite and PostgreSQL find a case's rows (and check a foreign key to the case) through the longer index. Measured on
 * issue 15: a registration inserts 2–3 parties and 3–5 deadlines, an ACCEPT replaces the deadlines; each row kept one
 * index fewer up to date.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.dropIndex(['case_id'], 'parties_case_id_index');
  });
  await knex.schema.alterTable('case_deadlines', (t) => {
    t.dropIndex(['case_id'], 'case_deadlines_case_id_index');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('parties', (t) => {
    t.index(['case_id'], 'parties_case_id_index');
  });
  await knex.schema.alterTable('case_deadlines', (t) => {
    t.index(['case_id'], 'case_deadlines_case_id_index');
  });
}
