import type { Knex } from 'knex';

/**
 * The search text of cases whose parties' names hold an identity number or a mobile written in digits other than ASCII
 * (an outside security tester's finding, sec43b): mathematical, Arabic-Indic, Devanagari … digits, superscripts,
 * circled digits, Chinese numerals as a digit string. The search text held them as typed, so a role that may not
 * search by identity number could find such a case by a few of its digits, written the same way. Such names are refused
 * since (app/schemas.ts PersonName) and shown masked everywhere (the maskers read them as digits, at read time); here
 * the search text of every case with a party name the masker now changes is written again, as db/stores/cases.ts
 * `searchText` writes it (numbers masked). The names themselves stay as stored (the clerk reads them in full). Scanned
 * in batches by id, on both dialects alike. `down` does nothing: masked search text is what the code writes anyway.
 *
 * Frozen (reviewer L6): the masking is copied below as workflows/identifiers.ts had it when this migration was written
 * (`maskPersonalNumbersLeniently`, the lenient reading) — a later change to the live maskers must not change what this
 * upgrade does to a database it has not reached yet. Do not import app code here. Names lost their invisible characters
 * in 20261205_0010 (and at input since), so `withoutInvisibles` is not needed.
 */
const BATCH = 500;

// ---- frozen copy of workflows/identifiers.ts `maskPersonalNumbersLeniently` (2026-12-06) ----
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}
const SEPARATORS = ' .\\-·・/_\uE000';
const EDGE = '\uE000';
const RUN = new RegExp(`\\d+(?:[${SEPARATORS}]\\d+)*[Xx]?`, 'g');
const GROUP = /\d+[Xx]?/g;
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
/** 11 digits, at most one separator between each two: a text without such a run holds neither. */
const ELEVEN_DIGITS = new RegExp(`\\d(?:[${SEPARATORS}]?\\d){10}`);
const FULL_WIDTH = /^[\uff01-\uff5e\u3000]$/;
const toHalfWidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const OTHER_SPACE = /^[\u00A0\u1680\u2000-\u200A\u202F\u205F]$/;
const OTHER_DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63]$/;
const UNSEEN = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\p{M}]/u;
const DECIMAL = /^\p{Nd}$/u;
const OTHER_NUMBER = /^\p{No}$/u;
const NFKC_DIGITS = /^\(?(\d+)[.,)]?$/;
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  '\u25cb': '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  壹: '1',
  贰: '2',
  貳: '2',
  叁: '3',
  參: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  陸: '6',
  柒: '7',
  捌: '8',
  玖: '9',
};
/** A text without any of these is read the same in the second reading (`maskNumbers`). */
const ANY_CHINESE_DIGIT = /[〇\u25cb零一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖\u3192-\u3195\u3280-\u3288]/;
function circledDigits(cp: number): string | null {
  if (cp >= 0x24eb && cp <= 0x24f4) return String(cp - 0x24eb + 11); // ⓫–⓴
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f5 + 1); // ⓵–⓾
  if (cp >= 0x2776 && cp <= 0x2793) return String(((cp - 0x2776) % 10) + 1); // ❶–❿ ➀–➉ ➊–➓
  if (cp === 0x24ff || cp === 0x1f10b || cp === 0x1f10c) return '0';
  return null;
}
const digitCache = new Map<number, string | null>();
/** The ASCII digits a character other than an ASCII one stands for (above, Chinese numerals aside), or null. */
function digitsOfCharacter(ch: string, cp: number): string | null {
  const cached = digitCache.get(cp);
  if (cached !== undefined) return cached;
  let read: string | null = null;
  if (DECIMAL.test(ch)) {
    let zero = cp;
    while (zero > 0 && DECIMAL.test(String.fromCodePoint(zero - 1))) zero--;
    read = String((cp - zero) % 10);
  } else if (OTHER_NUMBER.test(ch)) {
    const nfkc = ch.normalize('NFKC');
    const m = NFKC_DIGITS.exec(nfkc);
    read = m ? (m[1] as string) : (circledDigits(cp) ?? CHINESE_DIGITS[nfkc] ?? null);
  }
  if (digitCache.size < 4096) digitCache.set(cp, read);
  return read;
}
/** A Chinese numeral (`三`, `〇`, `○`, `叁`, `㊂`) as a digit, or null. */
function chineseDigit(ch: string): string | null {
  const direct = CHINESE_DIGITS[ch];
  if (direct) return direct;
  const cp = ch.codePointAt(0) as number;
  return (cp >= 0x3192 && cp <= 0x3195) || (cp >= 0x3280 && cp <= 0x3288) ? (CHINESE_DIGITS[ch.normalize('NFKC')] ?? null) : null;
}

/** Text of ASCII alone: read as it is. */
const NOT_ASCII = /[^\x20-\x7e\t\n\r]/;

function readable(s: string, chinese = false): { text: string; at: number[] | null } {
  if (!NOT_ASCII.test(s)) return { text: s, at: null };
  let text = '';
  const at: number[] = [];
  let lastChinese = false;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) as number;
    const n = cp > 0xffff ? 2 : 1;
    const ch = s.slice(i, i + n);
    let read: string | null;
    let numeral = false;
    if (cp < 0x80) read = ch;
    else if (FULL_WIDTH.test(ch)) read = toHalfWidth(ch);
    else if (OTHER_SPACE.test(ch)) read = ' ';
    else if (OTHER_DASH.test(ch)) read = '-';
    else if (UNSEEN.test(ch)) read = '';
    else {
      read = digitsOfCharacter(ch, cp);
      if (read === null && chinese) {
        read = chineseDigit(ch);
        numeral = read !== null;
      }
    }
    // A Chinese numeral and a digit side by side: an edge (EDGE) between them, where a number may start or end
    // (`李四一三九…`: the mobile starts after 四).
    if ((numeral || lastChinese) && read && DIGIT.test(read[0] as string) && DIGIT.test(text[text.length - 1] ?? '')) {
      text += EDGE;
      at.push(at[at.length - 1] as number);
    }
    if (read !== '') lastChinese = numeral;
    if (read === null || read === ch) {
      text += ch;
      for (let k = 0; k < n; k++) at.push(i + k);
    } else {
      text += read;
      for (let k = 0; k < read.length; k++) at.push(i);
    }
    i += n;
  }
  return { text, at };
}
const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const LETTER = /^[A-Za-z]$/;
const DIGIT = /^\d$/;
function plausibleId(d: string): boolean {
  if (!PROVINCES.has(Number(d.slice(0, 2)))) return false;
  const y = Number(d.slice(6, 10));
  return y >= 1900 && y <= 2019 && isRealDate(y, Number(d.slice(10, 12)), Number(d.slice(12, 14)));
}
interface Group {
  from: number;
  to: number;
  text: string;
}
/** One number found: what it is, the groups it spans, and (a mobile) how many digits of country code lead it. */
interface Found {
  kind: 'id' | 'mobile' | 'long';
  groups: Group[];
  prefix: number;
}
function findNumbers(ascii: string, lenient: boolean): Found[] {
  const out: Found[] = [];
  for (const run of ascii.matchAll(RUN)) {
    const start = run.index ?? 0;
    const end = start + run[0].length;
    const groups: Group[] = [...run[0].matchAll(GROUP)].map((g) => ({
      from: start + (g.index ?? 0),
      to: start + (g.index ?? 0) + g[0].length,
      text: g[0],
    }));
    const before = ascii[start - 1] ?? '';
    const after = ascii[end] ?? '';
    const wordBefore = !lenient && LETTER.test(before) && !/[Xx]/.test(before) && ascii[start - 2] !== '\\';
    const wordAfter = !lenient && (LETTER.test(after) || (DIGIT.test(after) && !/[Xx]$/.test(run[0])));
    const last = wordAfter ? groups.length - 2 : groups.length - 1;
    const bestAt = (i: number): Found | null => {
      let best: Found | null = null;
      let digits = '';
      for (let j = i; j <= last; j++) {
        digits += (groups[j] as Group).text;
        if (digits.length > 18) break;
        const span = groups.slice(i, j + 1);
        if (/^\d{17}[\dXx]$/.test(digits)) {
          if (j === i || lenient || plausibleId(digits)) best = { kind: 'id', groups: span, prefix: 0 };
        } else if (MOBILE.test(digits)) {
          const prefix = digits.length - 11;
          // The separators between the groups (not the one after a country code standing alone) are one and the same.
          const seps = new Set(span.slice(1).flatMap((g, n) => (n === 0 && span[0]?.text.length === prefix ? [] : [ascii[g.from - 1]])));
          seps.delete(EDGE);
          if (lenient || seps.size <= 1) best = { kind: 'mobile', groups: span, prefix };
        }
      }
      if (!best && lenient && (groups[i] as Group).text.replace(/[Xx]$/, '').length >= 19) {
        best = { kind: 'long', groups: [groups[i] as Group], prefix: 0 };
      }
      return best;
    };
    /** A grouped identity number read leniently that is none (no province, no birth date) — `张三三七一五…` from 三. */
    const doubtful = (f: Found) => f.kind === 'id' && f.groups.length > 1 && !plausibleId(f.groups.map((g) => g.text).join(''));
    let i = wordBefore ? 1 : 0;
    while (i <= last) {
      const best = bestAt(i);
      // Read leniently, a doubtful one gives way to a number starting a group later (the name's numeral left out).
      const next = best && lenient && doubtful(best) && i < last ? bestAt(i + 1) : null;
      if (next && !doubtful(next)) i++;
      else if (best) {
        out.push(best);
        i += best.groups.length;
      } else i++;
    }
  }
  return out;
}
function maskNumbers(s: string, kinds: { ids: boolean; mobiles: boolean }, lenient: boolean): string {
  const once = maskReading(s, kinds, lenient, false);
  return ANY_CHINESE_DIGIT.test(once) ? maskReading(once, kinds, lenient, true) : once;
}
function maskReading(s: string, kinds: { ids: boolean; mobiles: boolean }, lenient: boolean, chinese: boolean): string {
  const read = readable(s, chinese);
  const ascii = read.text.replace(UUID, (u) => 'u'.repeat(u.length));
  if (!ELEVEN_DIGITS.test(ascii)) return s;
  const orig = (n: number) => (read.at ? (read.at[n] as number) : n);
  /** The character of `s` starting at `i` (a surrogate pair whole). */
  const charAt = (i: number) => s.slice(i, i + ((s.codePointAt(i) as number) > 0xffff ? 2 : 1));
  let out = '';
  let last = 0;
  for (const f of findNumbers(ascii, lenient)) {
    if (f.kind === 'mobile' ? !kinds.mobiles : !kinds.ids) continue;
    const from = (f.groups[0] as Group).from;
    const to = (f.groups[f.groups.length - 1] as Group).to;
    const digits = f.groups.flatMap((g) => Array.from({ length: g.to - g.from }, (_, n) => g.from + n));
    const hidden = new Set(f.kind === 'mobile' ? digits.slice(f.prefix + 3, f.prefix + 7) : digits.slice(4, -4));
    const isDigit = new Set(digits);
    // What each character of `s` in the number shows: itself, `*` when a digit read from it is hidden, or (an identity
    // number's separators) nothing.
    const shown = new Map<number, string>();
    for (let n = from; n < to; n++) {
      const o = orig(n);
      if (hidden.has(n)) shown.set(o, '*');
      else if (!shown.has(o)) shown.set(o, f.kind !== 'mobile' && !isDigit.has(n) ? '' : charAt(o));
    }
    out += s.slice(last, orig(from)) + [...shown.values()].join('');
    const end = orig(to - 1);
    last = end + charAt(end).length;
  }
  return last === 0 ? s : out + s.slice(last);
}
function maskPersonalNumbersLeniently(s: string): string {
  return maskNumbers(s, { ids: true, mobiles: true }, true);
}
// ---- end of the frozen copy ----

/** Anything but printable ASCII: a name of ASCII alone was masked as it is now already (20261204_0020). */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

export async function up(knex: Knex): Promise<void> {
  const touched = new Set<number>();
  for (let after = 0; ; ) {
    const rows: { id: number; case_id: number; name: string | null }[] = await knex('parties')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'case_id', 'name');
    if (!rows.length) break;
    for (const r of rows) {
      const name = r.name ?? '';
      if (NOT_PRINTABLE_ASCII.test(name) && maskPersonalNumbersLeniently(name) !== name) touched.add(Number(r.case_id));
    }
    after = Number(rows[rows.length - 1]?.id);
  }
  for (const id of touched) {
    const c = await knex('cases').where({ id }).first('case_no', 'search_text');
    if (!c) continue;
    const names = await knex('parties').where({ case_id: id }).orderBy(['side', 'seq']).pluck('name');
    const text = [c.case_no ?? '', ...names.map((n: string) => maskPersonalNumbersLeniently(n ?? ''))].join('\u0001');
    if (text !== c.search_text) await knex('cases').where({ id }).update({ search_text: text });
  }
}

export async function down(): Promise<void> {}
