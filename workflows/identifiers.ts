import { daysInMonth } from './dates.ts';

/**
 * Pure checks for Chinese identifiers and money. Each returns null when valid or a Chinese message.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/**
 * First two digits of GB/T 2260 province-level codes (11 Beijing … 65 Xinjiang, 71 Taiwan, 81/82 HK/Macau), and 83: the
 * residence permits of Taiwan residents (港澳台居民居住证: 810000, 820000, 830000) — a worker from Taiwan applies with it.
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);

/** True when y-m-d is a real calendar date (no 2026-02-30). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Validates a YYYY-MM-DD string as a real date between 1900 and 2199. */
export function checkIsoDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return '日期格式应为 YYYY-MM-DD';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199) return '日期年份超出范围';
  if (!isRealDate(y, mo, d)) return `不存在的日期：${s}`;
  return null;
}

/**
 * GB 11643-1999 citizen identity number: 17 digits + check character (ISO 7064 MOD 11-2),
 * positions 7–14 a real birth date.
 */
export function checkIdNumber(raw: string): string | null {
  const s = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号码应为18位，前17位为数字，末位为数字或X';
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return '身份证号码的地区码无效';
  const y = Number(s.slice(6, 10));
  const mo = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || !isRealDate(y, mo, d)) return '身份证号码中的出生日期无效';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (ID_WEIGHTS[i] as number);
  if (ID_CHECK[sum % 11] !== s[17]) return '身份证号码校验位错误';
  return null;
}

/**
 * A valid identity number whose holder was not yet born on `day` (YYYY-MM-DD: a receipt date, today in China): its
 * birth date is on or after that day. Null when born before. Pure: the caller passes the day.
 */
export function checkIdBornBefore(id: string, day: string): string | null {
  const { birthDate } = idNumberFacts(id.toUpperCase());
  return birthDate >= day ? `身份证号码中的出生日期（${birthDate}）不早于${day}，不可能是本案当事人` : null;
}

/** The 17 leading digits of an identity number completed with their GB 11643 check character. */
export function completeIdNumber(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (ID_WEIGHTS[i] as number);
  return body17 + ID_CHECK[sum % 11];
}

/** Birth date and sex carried by a valid identity number (GB 11643: 17th digit odd = male). */
export function idNumberFacts(s: string): { birthDate: string; sex: 'male' | 'female' } {
  return {
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sex: Number(s[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Identity numbers (18 characters, GB 11643) and mainland mobile numbers written into free text — mediation terms, a
 * note, the facts, a party's name — found by their shape (a credit code of 18 digits looks the same and is masked too),
 * also as people write them down:
 * - digits in groups, one separator between two groups — a space, `.`, `-`, `·`, `/`, `_` or the ideographic space —
 *   in any grouping (`110105 19491231 002X`, `1101 0519 4912 3100 2X`, `110105.19491231.002X`, `139-1234-5678`,
 *   `1 3 9 1 2 3 4 5 6 7 8`);
 * - an identity number: 17 digits and a digit or X in one such run; written in groups, positions 1–2 a province and
 *   7–14 a birth date (1900–2019), so that a dated serial such as `370000-20261203-0012` is not one;
 * - a mobile: 11 digits starting 1[3-9] in one run, one separator throughout, after the country code or not
 *   (`+86 139 0000 6666`, `008613800005555`) — so that amounts such as `13000.00 1500.00` are not one;
 * - in full-width digits as a Chinese input method types them, or some of them (`１３８００００５５５５`).
 * A match starts and ends at a group's edge: a part of a longer digit group is no match (a bank account of 22 digits),
 * and dates and amounts (`2025.12.01`, `12000.00元`) hold too few digits. In text, digits right after or before a
 * letter are part of a word and left alone — but for a letter after a backslash (the log scrubs JSON text, where a line
 * break is `\n`) and an X ending an identity number (a mobile may follow it at once). The log reads `lenient`ly: next
 * to letters too, in any separators, grouped identity numbers without the province and birth-date test, and any group
 * of 19 or more digits (an identity number and a mobile written together). A UUID (a request id) is left whole.
 *
 * Text is read as it shows: characters that show nothing — the default-ignorable code points (zero-width space and
 * joiners, U+00AD soft hyphen, U+2060–206F, U+FEFF, U+034F, U+180E, the Hangul fillers U+115F/1160/3164/FFA0,
 * variation selectors, tag characters …) and combining marks — are read as absent, so `371502\u200b19850607\u200b1238`
 * is one identity number (an outside tester's finding: they carried numbers past every masker); any other space
 * (U+00A0, U+2000–200A, U+202F …) reads as a space and any dash (U+2010–2015, U+2212, small and full-width hyphens) as
 * `-`. Input has them removed (server/http/parse.ts); this reading covers text stored before, and what comes another way.
 */
const SEPARATORS = ' .\\-·・/_';
const RUN = new RegExp(`\\d+(?:[${SEPARATORS}]\\d+)*[Xx]?`, 'g');
const GROUP = /\d+[Xx]?/g;
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
/** 11 digits, at most one separator between each two: a text without such a run holds neither. */
const ELEVEN_DIGITS = new RegExp(`\\d(?:[${SEPARATORS}]?\\d){10}`);
/** Full-width forms (digits, Ｘ, ＋, －, ．, ／, ＿ …) and the ideographic space as ASCII, one character for one. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const toHalfWidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/**
 * Spaces and dashes of other widths, read as ` ` and `-`, one character for one (all in the BMP): the space separators
 * (Unicode Zs) but the ASCII space and U+3000 (FULL_WIDTH).
 */
const OTHER_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F]/g;
const OTHER_DASH = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
/**
 * What shows nothing: default-ignorable code points (Unicode's Default_Ignorable_Code_Point, bidi controls among them),
 * the interlinear annotation characters U+FFF9–FFFB, and combining marks (between two digits they make no separator).
 */
const UNSEEN = /[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\p{M}]/u;
/**
 * Default-ignorable code points and U+FFF9–FFFB — but the bidi embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069), which input refuses with a message of their own (server/http/parse.ts).
 */
const IGNORABLE = /(?![\u202A-\u202E\u2066-\u2069])[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]/u;

/**
 * The invisible characters a script writes with, kept between two of its letters (reviewer L5: stripping them changed
 * traditional Mongolian names of Inner Mongolia): the Mongolian free variation selectors and vowel separator
 * U+180B–U+180F and ZWNJ/ZWJ U+200C/U+200D choose a letter's written form (Unicode Core Spec §13.5 Mongolian; §23.2
 * for the joiners), between Mongolian letters (U+1800–U+18AF); ZWNJ/ZWJ also between Arabic-script letters
 * (U+0600–U+06FF: Uyghur). Anywhere else — next to a digit, a Latin letter, Han — they are removed like the rest, so
 * they can never sit inside an identity number or a mobile (and the maskers read through them anyway: `readable`).
 */
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
/** The letter before `at` in `s`, over the combining marks on it (an Arabic letter's vowel signs). */
function letterBefore(s: string, at: number): string | undefined {
  let i = at - 1;
  while (i >= 0 && MARK.test(s[i] as string) && !IGNORABLE.test(s[i] as string)) i--;
  return s[i];
}
const IGNORABLE_RUN = new RegExp(`(?:${IGNORABLE.source})+`, 'gu');

/**
 * `s` without the characters that show nothing (IGNORABLE above: zero-width space and joiners, soft hyphen, word joiner
 * and invisible operators, BOM, combining grapheme joiner, Mongolian vowel separator and free variation selectors, Hangul
 * fillers, variation selectors, tag characters) — but a script's own shaping characters between two of its letters
 * (above); line breaks, tabs and bidi controls stay. What every text of a request is made before validation
 * (server/http/parse.ts), and what the search text holds of a name.
 */
export function withoutInvisibles(s: string): string {
  if (!IGNORABLE.test(s)) return s;
  return s.replace(IGNORABLE_RUN, (run: string, at: number) => {
    const before = scriptOf(letterBefore(s, at));
    const next = s[at + run.length];
    const after = scriptOf(next);
    // A free variation selector chooses the form of the letter it follows, the last of a word too: kept at a word's
    // end (the text's end, a space, Mongolian punctuation U+1800–U+180A) — never before a digit, Latin or Han.
    if (before === 'mongolian' && (next === undefined || WORD_END.test(next)))
      return [...run].filter((c) => FREE_VARIATION.test(c)).join('');
    if (!before || before !== after) return '';
    const keep = before === 'mongolian' ? MONGOLIAN_SHAPING : JOINER;
    return [...run].filter((c) => keep.test(c)).join('');
  });
}

/**
 * `s` as the maskers read it: full-width forms, other spaces and dashes made ASCII, and what shows nothing (UNSEEN)
 * left out; `at[n]` is where the `n`th character read stands in `s` (null: one for one).
 */
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
const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const LETTER = /^[A-Za-z]$/;
const DIGIT = /^\d$/;

/** A grouped identity number reads as one: a province, then a real birth date between 1900 and 2019. */
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

/** The identity numbers, mobiles and (lenient) overlong digit groups in `ascii` (the rules above), in order. */
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
    let i = wordBefore ? 1 : 0;
    while (i <= last) {
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
          if (lenient || seps.size <= 1) best = { kind: 'mobile', groups: span, prefix };
        }
      }
      if (!best && lenient && (groups[i] as Group).text.replace(/[Xx]$/, '').length >= 19) {
        best = { kind: 'long', groups: [groups[i] as Group], prefix: 0 };
      }
      if (best) {
        out.push(best);
        i += best.groups.length;
      } else i++;
    }
  }
  return out;
}

/**
 * `s` with the numbers of the kinds asked for masked, read as shown (`readable`, UUIDs aside); what is kept is kept as
 * typed, but for what shows nothing inside a masked number, dropped.
 */
function maskNumbers(s: string, kinds: { ids: boolean; mobiles: boolean }, lenient: boolean): string {
  const read = readable(s);
  const ascii = read.text.replace(UUID, (u) => 'u'.repeat(u.length));
  if (!ELEVEN_DIGITS.test(ascii)) return s;
  const orig = (n: number) => (read.at ? (read.at[n] as number) : n);
  let out = '';
  let last = 0;
  for (const f of findNumbers(ascii, lenient)) {
    if (f.kind === 'mobile' ? !kinds.mobiles : !kinds.ids) continue;
    const from = (f.groups[0] as Group).from;
    const to = (f.groups[f.groups.length - 1] as Group).to;
    const at = f.groups.flatMap((g) => Array.from({ length: g.to - g.from }, (_, n) => g.from + n));
    const typed = (xs: number[]) => xs.map((n) => s[orig(n)]).join('');
    let masked: string;
    if (f.kind === 'mobile') {
      // The grouping and the country code kept: 139 **** 5678.
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

/** Identity-number shaped digits in free text masked as `maskIdNumber` masks a number: 3715**********1234. */
export function maskIdNumbersInText(s: string): string {
  return maskNumbers(s, { ids: true, mobiles: false }, false);
}

/** Mobile-number shaped digits in free text masked, their grouping and country code kept: 138****5555, 138 **** 5555. */
export function maskMobilesInText(s: string): string {
  return maskNumbers(s, { ids: false, mobiles: true }, false);
}

/** Both, in free text: what a list shows of a party's name, and a masked reader of what someone wrote. */
export function maskPersonalNumbersInText(s: string): string {
  return maskNumbers(s, { ids: true, mobiles: true }, false);
}

/**
 * The log's reading (server/logger.ts): identity numbers and mobiles also next to letters, in mixed separators, and
 * any group of 19 or more digits — if in doubt, masked.
 */
export function maskPersonalNumbersLeniently(s: string): string {
  return maskNumbers(s, { ids: true, mobiles: true }, true);
}

/** True when `s` holds an identity-number or mobile-number shaped sequence, read as the log reads (a name must not). */
export function holdsPersonalNumber(s: string): boolean {
  return maskPersonalNumbersLeniently(s) !== s;
}

/** Masks an identity number for lists and logs: 3715**********1234. */
export function maskIdNumber(s: string | null | undefined): string | null {
  if (!s) return s ?? null;
  if (s.length < 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 unified social credit code: 18 characters from a 31-letter alphabet, MOD 31 check. */
export function checkCreditCode(raw: string): string | null {
  const s = raw.toUpperCase();
  if (s.length !== 18) return '统一社会信用代码应为18位';
  for (const ch of s) {
    if (!USCC_CHARS.includes(ch)) return `统一社会信用代码含有无效字符“${ch}”（不使用 I、O、Z、S、V）`;
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) return '统一社会信用代码第3–8位应为行政区划码';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(s[i] as string) * (USCC_WEIGHTS[i] as number);
  const check = (31 - (sum % 31)) % 31;
  if (USCC_CHARS[check] !== s[17]) return '统一社会信用代码校验位错误';
  return null;
}

/** The 17 leading characters of a credit code completed with their GB 32100 check character. */
export function completeCreditCode(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body17[i] as string) * (USCC_WEIGHTS[i] as number);
  return body17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** Mainland mobile (1[3-9] + 9 digits) or a landline with area code (0635-8888888, extension allowed). */
export function checkPhone(s: string): string | null {
  if (/^1[3-9]\d{9}$/.test(s)) return null;
  if (/^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(s)) return null;
  return '电话号码格式无效（手机号11位，固定电话如 0635-8888888）';
}

/** Largest amount accepted: 10 billion yuan, comfortably inside exact integer range in fen. */
const MAX_FEN = 1_000_000_000_000;

/** Money strings in yuan with at most two decimals ("26400.00", "350") → integer fen, exactly. */
export function parseMoney(s: string): number | null {
  const m = /^(0|[1-9]\d{0,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > MAX_FEN ? null : fen;
}

export function formatMoney(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
