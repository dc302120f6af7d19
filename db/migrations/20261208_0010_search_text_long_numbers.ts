import type { Knex } from 'knex';

/**
 * The search text of cases whose parties' names hold a number the masker missed until sec46: an identity number followed
 * at once by an x or X (`张三371502199001011234X`), a first-generation 15-digit identity number, a mobile after a trunk
 * 0 (`0139 1234 5678`), an identity number ending in the Roman numeral Ⅹ. Such names are refused since, and shown masked
 * at read time; the search text written before still held the digits, so a role that may not search by identity could
 * find such a case by a few of them (the finding of 20261206_0030, for these shapes).
 *
 * Frozen and deliberately blunt — no copy of the live masker (workflows/identifiers.ts): in each name of the search text
 * (after the case number), every run of eleven or more digits (ASCII or full-width, a space or dash at most between two,
 * an x/X/Ⅹ after it) keeps its first four and last four characters and shows `*` for each digit between. The live
 * masker leaves no such run in a search text it writes (its shortest masked number, a mobile, shows three and four
 * digits around four stars), so only the rows it missed change; a name holding such a run is refused at input since.
 * Scanned in batches by id, on both dialects alike. `down` does nothing.
 */
const BATCH = 500;
const LONG_RUN = /[0-9０-９](?:[ \-－]?[0-9０-９]){10,}[XxＸｘⅩⅹ]?/g;
const DIGIT = /[0-9０-９]/;

/** A name with every long digit run masked (see above). Exported for its test. */
export function maskLongRuns(name: string): string {
  return name.replace(LONG_RUN, (run) => {
    const chars = Array.from(run);
    return chars.map((c, i) => (i >= 4 && i < chars.length - 4 && DIGIT.test(c) ? '*' : c)).join('');
  });
}

export async function up(knex: Knex): Promise<void> {
  for (let after = 0; ; ) {
    const rows: { id: number; search_text: string | null }[] = await knex('cases')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'search_text');
    if (!rows.length) break;
    for (const r of rows) {
      const text = r.search_text ?? '';
      const [caseNo, ...names] = text.split('\u0001');
      const masked = [caseNo ?? '', ...names.map(maskLongRuns)].join('\u0001');
      if (masked !== text) await knex('cases').where({ id: r.id }).update({ search_text: masked });
    }
    after = Number(rows[rows.length - 1]?.id);
  }
}

export async function down(): Promise<void> {}
