import type { Knex } from 'knex';

/**
 * Names and facts stored before input lost its invisible characters (server/http/parse.ts `withoutInvisibleText`; an
 * outside security tester's finding): a zero-width space or a soft hyphen inside `371502\u200b19850607\u200b1238` hid an
 * identity number from the name check and the maskers, and `张\u200b三` was not found as 张三. Here the parties' names and
 * legal representatives, the agents' names and the cases' facts lose them (they showed nothing: nothing seen changes),
 * and the search text of every case whose parties' names held one is written again (as db/stores/cases.ts `searchText` writes it: numbers masked). The
 * maskers read through such characters anyway (workflows/identifiers.ts), for what is not rewritten: the history
 * (`case_events` payloads are hash-chained and stay as recorded), notes, other free text. Scanned in batches by id, on
 * both dialects alike. Irreversible in meaning, harmless to keep: `down` does nothing.
 *
 * Frozen (reviewer L6): the cleaning and the masking it needs are copied below, as workflows/identifiers.ts had them
 * when this migration was written (`withoutInvisibles` keeping Mongolian and Uyghur shaping characters between letters,
 * reviewer L5; `maskPersonalNumbersLeniently`) — a later change to the live cleaner or maskers must not change what
 * this upgrade does to a database it has not reached yet. Do not import app code here.
 */
const BATCH = 500;

// ---- frozen copy of workflows/identifiers.ts `withoutInvisibles` (2026-12-04) ----
/** Default-ignorable code points and U+FFF9–FFFB, but the bidi controls (refused at input, not removed). */
const IGNORABLE = /(?![\u202A-\u202E\u2066-\u2069])[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;
const IGNORABLE_RUN = new RegExp(`(?:${IGNORABLE.source})+`, 'gu');
/** Mongolian FVS1–4, MVS and ZWNJ/ZWJ: kept between Mongolian letters; ZWNJ/ZWJ also between Arabic-script letters. */
const MONGOLIAN_SHAPING = /^[\u180B-\u180F\u200C\u200D]$/;
const JOINER = /^[\u200C\u200D]$/;
const FREE_VARIATION = /^[\u180B-\u180D\u180F]$/;
const WORD_END = /^[\s\u1800-\u180A]$/u;
const SCRIPT_LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
function scriptOf(ch: string | undefined): 'mongolian' | 'arabic' | null {
  if (!ch || !SCRIPT_LETTER.test(ch)) return null;
  const cp = ch.codePointAt(0) as number;
  if (cp >= 0x1800 && cp <= 0x18af) return 'mongolian';
  if (cp >= 0x0600 && cp <= 0x06ff) return 'arabic';
  return null;
}
function letterBefore(s: string, at: number): string | undefined {
  let i = at - 1;
  while (i >= 0 && MARK.test(s[i] as string) && !IGNORABLE.test(s[i] as string)) i--;
  return s[i];
}
function withoutInvisibles(s: string): string {
  if (!IGNORABLE.test(s)) return s;
  return s.replace(IGNORABLE_RUN, (run: string, at: number) => {
    const before = scriptOf(letterBefore(s, at));
    const next = s[at + run.length];
    if (before === 'mongolian' && (next === undefined || WORD_END.test(next)))
      return [...run].filter((c) => FREE_VARIATION.test(c)).join('');
    const after = scriptOf(next);
    if (!before || before !== after) return '';
    const keep = before === 'mongolian' ? MONGOLIAN_SHAPING : JOINER;
    return [...run].filter((c) => keep.test(c)).join('');
  });
}

// ---- frozen copy of workflows/identifiers.ts `maskPersonalNumbersLeniently` (2026-12-04), the lenient reading only ----
const SEPARATORS = ' .\\-·・/_';
const RUN = new RegExp(`\\d+(?:[${SEPARATORS}]\\d+)*[Xx]?`, 'g');
const GROUP = /\d+[Xx]?/g;
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const ELEVEN_DIGITS = new RegExp(`\\d(?:[${SEPARATORS}]?\\d){10}`);
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const toHalfWidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const OTHER_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F]/g;
const OTHER_DASH = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
const UNSEEN = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\p{M}]/u;
const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
interface Group {
  from: number;
  to: number;
  text: string;
}
interface Found {
  kind: 'id' | 'mobile' | 'long';
  groups: Group[];
  prefix: number;
}
function readable(s: string): { text: string; at: number[] | null } {
  const half = s.replace(FULL_WIDTH, toHalfWidth).replace(OTHER_SPACE, ' ').replace(OTHER_DASH, '-');
  if (!UNSEEN.test(half)) return { text: half, at: null };
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < half.length; ) {
    const n = (half.codePointAt(i) as number) > 0xffff ? 2 : 1;
    const ch = half.slice(i, i + n);
    if (!UNSEEN.test(ch)) {
      text += ch;
      for (let k = 0; k < n; k++) at.push(i + k);
    }
    i += n;
  }
  return { text, at };
}
function findNumbers(ascii: string): Found[] {
  const out: Found[] = [];
  for (const run of ascii.matchAll(RUN)) {
    const start = run.index ?? 0;
    const groups: Group[] = [...run[0].matchAll(GROUP)].map((g) => ({
      from: start + (g.index ?? 0),
      to: start + (g.index ?? 0) + g[0].length,
      text: g[0],
    }));
    let i = 0;
    while (i < groups.length) {
      let best: Found | null = null;
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        digits += (groups[j] as Group).text;
        if (digits.length > 18) break;
        const span = groups.slice(i, j + 1);
        if (/^\d{17}[\dXx]$/.test(digits)) best = { kind: 'id', groups: span, prefix: 0 };
        else if (MOBILE.test(digits)) best = { kind: 'mobile', groups: span, prefix: digits.length - 11 };
      }
      if (!best && (groups[i] as Group).text.replace(/[Xx]$/, '').length >= 19)
        best = { kind: 'long', groups: [groups[i] as Group], prefix: 0 };
      if (best) {
        out.push(best);
        i += best.groups.length;
      } else i++;
    }
  }
  return out;
}
function maskPersonalNumbersLeniently(s: string): string {
  const read = readable(s);
  const ascii = read.text.replace(UUID, (u) => 'u'.repeat(u.length));
  if (!ELEVEN_DIGITS.test(ascii)) return s;
  const orig = (n: number) => (read.at ? (read.at[n] as number) : n);
  let out = '';
  let last = 0;
  for (const f of findNumbers(ascii)) {
    const from = (f.groups[0] as Group).from;
    const to = (f.groups[f.groups.length - 1] as Group).to;
    const at = f.groups.flatMap((g) => Array.from({ length: g.to - g.from }, (_, n) => g.from + n));
    const typed = (xs: number[]) => xs.map((n) => s[orig(n)]).join('');
    let masked: string;
    if (f.kind === 'mobile') {
      const hide = new Set(at.slice(f.prefix + 3, f.prefix + 7));
      masked = Array.from({ length: to - from }, (_, n) => (hide.has(from + n) ? '*' : s[orig(from + n)])).join('');
    } else {
      masked = `${typed(at.slice(0, 4))}${'*'.repeat(at.length - 8)}${typed(at.slice(-4))}`;
    }
    out += s.slice(last, orig(from)) + masked;
    last = orig(to - 1) + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}
// ---- end of the frozen copies ----

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
