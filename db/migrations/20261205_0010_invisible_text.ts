import type { Knex } from 'knex';
import { maskPersonalNumbersLeniently, withoutInvisibles } from '../../workflows/identifiers.ts';

/**
 * Names and facts stored before input lost its invisible characters (server/http/parse.ts `withoutInvisibleText`; an
 * outside security tester's finding): a zero-width space or a soft hyphen inside `371502\u200b19850607\u200b1238` hid an
 * identity number from the name check and the maskers, and `张\u200b三` was not found as 张三. Here the parties' names and
 * legal representatives, the agents' names and the cases' facts lose them (they showed nothing: nothing seen changes),
 * and the search text of every case whose parties' names held one is written again (as db/stores/cases.ts `searchText` writes it: numbers masked). The
 * maskers read through such characters anyway (workflows/identifiers.ts), for what is not rewritten: the history
 * (`case_events` payloads are hash-chained and stay as recorded), notes, other free text. Scanned in batches by id, on
 * both dialects alike. Irreversible in meaning, harmless to keep: `down` does nothing.
 */
const BATCH = 500;

async function clean(knex: Knex, table: string, columns: string[], touched?: Set<number>): Promise<void> {
  for (let after = 0; ; ) {
    const rows: Record<string, unknown>[] = await knex(table)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', ...columns, ...(touched ? ['case_id'] : []));
    if (!rows.length) return;
    for (const row of rows) {
      const changed: Record<string, string> = {};
      for (const c of columns) {
        const v = row[c];
        if (typeof v === 'string' && withoutInvisibles(v) !== v) changed[c] = withoutInvisibles(v);
      }
      if (Object.keys(changed).length) {
        await knex(table).where({ id: row.id }).update(changed);
        touched?.add(Number(row.case_id));
      }
    }
    after = Number(rows[rows.length - 1]?.id);
  }
}

const searchName = (name: string) => (/[0-9０-９]/.test(name) ? maskPersonalNumbersLeniently(name) : name);

export async function up(knex: Knex): Promise<void> {
  const touched = new Set<number>();
  await clean(knex, 'parties', ['name', 'legal_representative'], touched);
  await clean(knex, 'agents', ['name']);
  await clean(knex, 'cases', ['facts']);
  for (const id of touched) {
    const c = await knex('cases').where({ id }).first('case_no', 'search_text');
    if (!c) continue;
    const names = await knex('parties').where({ case_id: id }).orderBy(['side', 'seq']).pluck('name');
    const text = [c.case_no ?? '', ...names.map((n: string) => searchName(n))].join('\u0001');
    if (text !== c.search_text) await knex('cases').where({ id }).update({ search_text: text });
  }
}

export async function down(): Promise<void> {}
