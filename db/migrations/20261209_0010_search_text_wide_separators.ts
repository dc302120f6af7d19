import type { Knex } from 'knex';

/**
 * The search text of cases whose parties' names hold a number the masker missed until sec47: its groups parted by more
 * than one separator (`371502  19850607  1238`, `139  1234  5678`, two ideographic or no-break spaces), a line break or
 * a tab, or a comma (`371502，198506071238`). Such names are refused since and shown masked at read time; the search text
 * written before still held the digits, so a role that may not search by identity could find such a case by a few of
 * them (the finding of 20261206_0030 and 20261208_0010, for these shapes).
 *
 * Frozen — no copy of the live masker (workflows/identifiers.ts), but the shapes it masks: in each name of the search
 * text (after the case number), a run of digits (ASCII or full-width) with up to three separators between two (any space
 * or line break, `.`, `-`, `·`, `/`, `_`, a comma, `、`), an x/X/Ⅹ after it, is masked when its digits are
 * - an identity number (15 digits, or 17 and a digit or X, 18 and an x): its first four and last four digits kept;
 * - a mobile (1[3-9] and nine digits, maybe after 86, 0086 or 0): the prefix and its first three digits kept and its last
 *   four (`139 **** 5678`, as the live masker shows it — reviewer rev47 M2: four were kept);
 * - 19 digits or more (an identity number and a mobile written together): first four and last four kept;
 * and left as it is otherwise (a list of dates, an amount: reviewer rev47 M2). Each hidden digit shows `*`, the
 * separators as they are. The live masker leaves no such run in a search text it writes (a masked number's digits are
 * parted by stars), so only the rows it missed change. Scanned in batches by id, on both dialects alike. `down` does
 * nothing.
 */
const BATCH = 500;
const LONG_RUN = /[0-9０-９](?:[\s.．\-－·・/_,，、､﹐﹑]{0,3}[0-9０-９]){10,}[XxＸｘⅩⅹ]?/gu;
const DIGIT = /^[0-9０-９]$/;

const ascii = (c: string) => (/^[０-９]$/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c);

/** A name with every identity number and mobile among its long digit runs masked (see above). Exported for its test. */
export function maskWideRuns(name: string): string {
  return name.replace(LONG_RUN, (run) => {
    const chars = Array.from(run);
    const digits = chars.map((c, i) => (DIGIT.test(c) ? i : -1)).filter((i) => i >= 0);
    const d = digits.map((i) => ascii(chars[i] as string)).join('');
    const x = /[XxＸｘⅩⅹ]$/.test(run);
    let hidden: number[];
    if (d.length === 15 || (d.length === 17 && x) || d.length >= 18) hidden = digits.slice(4, -4);
    else if (/^(?:0086|86|0)?1[3-9]\d{9}$/.test(d)) hidden = digits.slice(-8, -4);
    else return run;
    const set = new Set(hidden);
    return chars.map((c, i) => (set.has(i) ? '*' : c)).join('');
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
      const masked = [caseNo ?? '', ...names.map(maskWideRuns)].join('\u0001');
      if (masked !== text) await knex('cases').where({ id: r.id }).update({ search_text: masked });
    }
    after = Number(rows[rows.length - 1]?.id);
  }
}

export async function down(): Promise<void> {}
