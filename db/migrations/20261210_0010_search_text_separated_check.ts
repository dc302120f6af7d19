import type { Knex } from 'knex';

/**
 * The search text of cases whose parties' names hold a number the masker missed until secfix: an identity number whose
 * check character X stands apart (`11010519491231002 X`, `…002-X`, `…002,X`, `…002\tX`, `1101 0519 4912 3100 2 X`),
 * 17 digits alone (an identity number without its check character), or groups parted by four separators
 * (`371502    19850607    1238`, a blank line in CRLF text `371502\r\n\r\n198506071238`). Such names are refused since
 * and shown masked at read time; the search text written before still held the digits, so a role that may not search
 * by identity could find such a case by a few of them (`q=31002`, `q=1002 X`: outside tester secfix H1).
 *
 * Frozen — no copy of the live masker (workflows/identifiers.ts), but the shapes it masks: in each name of the search
 * text (after the case number), a run of digits (ASCII or full-width) with up to four separators between two (any space
 * or line break, `.`, `-`, `·`, `/`, `_`, a comma, `、`), then maybe an x/X/Ⅹ after up to four more, is masked when its
 * digits are
 * - an identity number (15 digits, 17 with or without a check character, 18 and more): first four and last four kept,
 *   an X after it counted among the last four (`1101**********002 X`);
 * - a mobile (1[3-9] and nine digits, maybe after 86, 0086 or 0): the prefix and its first three digits kept and its
 *   last four;
 * and left as it is otherwise. Each hidden digit shows `*`, the separators and the X as they are. Runs the live masker
 * wrote are parted by stars, so only the rows it missed change. Scanned in batches by id, on both dialects alike.
 * `down` does nothing.
 */
const BATCH = 500;
const LONG_RUN = /[0-9０-９](?:[\s.．\-－·・/_,，、､﹐﹑]{0,4}[0-9０-９]){10,}(?:[\s.．\-－·・/_,，、､﹐﹑]{0,4}[XxＸｘⅩⅹ])?/gu;
const DIGIT = /^[0-9０-９]$/;

const ascii = (c: string) => (/^[０-９]$/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c);

/** A name with every identity number and mobile among its long digit runs masked (see above). Exported for its test. */
export function maskSeparatedRuns(name: string): string {
  return name.replace(LONG_RUN, (run) => {
    const chars = Array.from(run);
    const digits = chars.map((c, i) => (DIGIT.test(c) ? i : -1)).filter((i) => i >= 0);
    const d = digits.map((i) => ascii(chars[i] as string)).join('');
    // The check character X counts among an identity number's last four, as the live masker shows it (`…002X`).
    const x = /[XxＸｘⅩⅹ]$/.test(run) ? [chars.length - 1] : [];
    let hidden: number[];
    if (d.length === 15 || d.length >= 17) hidden = [...digits, ...x].slice(4, -4);
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
      const masked = [caseNo ?? '', ...names.map(maskSeparatedRuns)].join('\u0001');
      if (masked !== text) await knex('cases').where({ id: r.id }).update({ search_text: masked });
    }
    after = Number(rows[rows.length - 1]?.id);
  }
}

export async function down(): Promise<void> {}
