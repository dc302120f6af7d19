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
 * - digits in groups, up to four separators between two groups (a CRLF counts as one: `371502\r\n\r\n198506071238`,
 *   `371502    19850607    1238` — outside tester secfix L3; five or more part two numbers) — a space (any width: NBSP, the ideographic space …),
 *   `.`, `-`, `·`, `/`, `_`, a tab or a line break, a comma (`,`, `，`) or `、` — in any grouping (`110105 19491231 002X`,
 *   `1101 0519 4912 3100 2X`, `110105.19491231.002X`, `139-1234-5678`, `1 3 9 1 2 3 4 5 6 7 8`, `371502  19850607  1238`,
 *   `371502\n198506071238`, `371502，198506071238`: outside tester sec47 H2 — a doubled separator, a line break, a tab or
 *   a comma carried a number past the name check and every masker); in the log's JSON text an escaped `\n`, `\t`, `\r`
 *   counts as one;
 * - an identity number: 17 digits and a digit or X in one such run — the X also set apart by up to four separators
 *   (`11010519491231002 X`, `…002-X`, `…002,X`, `…002\tX`: outside tester secfix H1, masked nowhere before); written in
 *   groups, positions 1–2 a province and 7–14 a birth date (1900–2019), so that a dated serial such as
 *   `370000-20261203-0012` is not one; 17 digits alone, a whole run with a province and a birth date, are one without
 *   its check character (which follows from them);
 * - a mobile: 11 digits starting 1[3-9] in one run, one separator throughout, after the country code, a trunk 0 or
 *   neither (`+86 139 0000 6666`, `008613800005555`, `0139 1234 5678`) — so that amounts such as `13000.00 1500.00`
 *   are not one; between groups a wide separator (more than one character, a tab, a line break, a comma: what also
 *   parts the cells of a pasted table and the items of a list) only in the groupings a mobile is written in, 3-4-4,
 *   3-8 or 7-4 (`139  1234  5678`), so that `13,800,000,000` and a table's row `13800\t1500\t55` are none;
 * - an identity number of the first generation: 15 digits, a province and a real YYMMDD (`firstGenerationId`);
 * - 18 digits followed at once by an x (`371502199001011234X`): the 18 digits, the x left as typed (s46 H1);
 * - the Roman numeral ten `Ⅹ`/`ⅹ` read as X;
 * - in full-width digits as a Chinese input method types them, or some of them (`１３８００００５５５５`).
 * - a group of 19 or more digits that holds 18 passing the GB 11643 check (`37150219850607123813912345678`: an identity
 *   number and a mobile written together — outside tester secfix M2), masked whole as the log masks it.
 * Otherwise a match starts and ends at a group's edge: a part of a longer digit group is no match (a bank account of 22 digits),
 * and dates and amounts (`2025.12.01`, `12000.00元`) hold too few digits. In text, digits right after or before a
 * Latin letter are read strictly, as part of a word — but for a letter after a backslash (the log scrubs JSON text,
 * where a line break is `\n`) and an X ending an identity number (a mobile may follow it at once): only an identity
 * number passing the GB 11643 check character and a mobile `1[3-9]` + 9 digits are found there (`ID3715…`, `TEL138…`,
 * `sfz…`, `…abc`: outside tester s45 M1), not a word's other digits (`ab110105194912310021`, `SN12912345678`). The log reads `lenient`ly: next
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
const SEPARATORS = ' .\\-·・/_\uE000\t\n\v\f\r\u0085\u2028\u2029,、､\uFE50\uFE51';
/** What makes a separator between two groups wide (WIDE_GROUPINGS): a line or cell break, a comma (`，` reads `,`). */
const WIDE = /[\t\n\v\f\r\u0085\u2028\u2029,、､\uFE50\uFE51]|\\[ntr]/;
/** One separator: a character of SEPARATORS, or a line break or tab escaped in JSON (the log's text). */
const SEPARATOR = `(?:\r\n|\\\\r\\\\n|[${SEPARATORS}]|\\\\[ntr])`;
/**
 * Read between a Chinese numeral and a digit beside it (`readable`): a separator that is no separator typed — a number
 * may start or end there, and a mobile's one separator throughout does not count it.
 */
const EDGE = '\uE000';
const RUN = new RegExp(`\\d+(?:${SEPARATOR}{1,4}\\d+)*(?:${SEPARATOR}{0,4}[Xx])?`, 'g');
const GROUP = /\d+[Xx]?|[Xx]/g;
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
/** 11 digits, at most four separators between each two: a text without such a run holds neither. */
const ELEVEN_DIGITS = new RegExp(`\\d(?:${SEPARATOR}{0,4}\\d){10}`);
/** Full-width forms (digits, Ｘ, ＋, －, ．, ／, ＿ …) and the ideographic space as ASCII, one character for one. */
const FULL_WIDTH = /^[\uff01-\uff5e\u3000]$/;
const toHalfWidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
/**
 * Spaces and dashes of other widths, read as ` ` and `-`, one character for one (all in the BMP): the space separators
 * (Unicode Zs) but the ASCII space and U+3000 (FULL_WIDTH).
 */
const OTHER_SPACE = /^[\u00A0\u1680\u2000-\u200A\u202F\u205F]$/;
const OTHER_DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63]$/;
/**
 * What shows nothing: default-ignorable code points (Unicode's Default_Ignorable_Code_Point, bidi controls among them),
 * the interlinear annotation characters U+FFF9–FFFB, and combining marks (between two digits they make no separator).
 */
const UNSEEN_CLASS = '\\p{Default_Ignorable_Code_Point}\\uFFF9-\\uFFFB\\p{M}';
const UNSEEN = new RegExp(`[${UNSEEN_CLASS}]`, 'u');
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
 * Digits of other scripts and forms, read as the ASCII digits they stand for (an outside tester's finding: an identity
 * number or a mobile written with them passed the name check and every masker):
 * - every decimal digit (Unicode Nd: Arabic-Indic, extended Arabic-Indic, Devanagari, mathematical bold or monospace
 *   `𝟏𝟑𝟗` …) by its value — Unicode encodes each script's ten digits in a row from its zero, and a row of them is whole
 *   tens (mathematical digits: five sets of ten), so the value is the distance from the row's first, modulo 10;
 * - what NFKC reads as digits: superscripts and subscripts (`¹²³`, `₁₂₃`), circled, parenthesized and full-stop digits
 *   and numbers (`①`, `⑩` → 10, `⑴`, `⒈`, `㉑`), `🄁` (digit comma) — not fractions (`½`);
 * - the circled digits NFKC leaves (`❶`, `➀`, `➊`, `⓫`, `⓵`, `⓿`), by a small table;
 * - Chinese numerals written as a string of digits (`三七一五〇二…`, also `○` for zero and the financial forms
 *   `壹贰叁…`): only in a second reading of the text (`maskNumbers`), as `王二`, `张三`, `二〇二六年十二月`, `一万二千元` hold
 *   too few of them in a row to make a number, and `张三13912345678` still shows its mobile in the first.
 */
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
/**
 * The Roman numeral ten (`Ⅹ` U+2169, `ⅹ` U+2179; NFKC `X`, `x`), which a Chinese input method offers for an identity
 * number's check character X: read as X (outside tester s46 L3: `…002Ⅹ` was masked nowhere).
 */
const ROMAN_TEN: Record<string, string> = { '\u2169': 'X', '\u2179': 'x' };
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

/** What `readable` reads otherwise than as typed; a text without any (and with no Chinese numeral) is read as it is. */
const READ_OTHERWISE =
  /[\u2169\u2179\uff01-\uff5e\u3000\u00A0\u1680\u2000-\u200A\u202F\u205F\u2010-\u2015\u2212\uFE58\uFE63\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB\p{M}\p{No}]|(?![0-9])\p{Nd}/u;
const READ_OTHERWISE_ALL = new RegExp(READ_OTHERWISE.source, 'gu');
/** How the first reading reads one character (not ASCII; Chinese numerals as typed). */
function readCharacter(ch: string): string {
  if (FULL_WIDTH.test(ch)) return toHalfWidth(ch);
  if (ROMAN_TEN[ch]) return ROMAN_TEN[ch];
  if (OTHER_SPACE.test(ch)) return ' ';
  if (OTHER_DASH.test(ch)) return '-';
  if (UNSEEN.test(ch)) return '';
  return digitsOfCharacter(ch, ch.codePointAt(0) as number) ?? ch;
}
/** Text of ASCII alone: read as it is. */
const NOT_ASCII = /[^\x20-\x7e\t\n\r]/;

/**
 * `s` as the maskers read it: full-width forms, other spaces and dashes made ASCII, digits of other scripts and forms
 * as ASCII digits (above; Chinese numerals with `chinese`), and what shows nothing (UNSEEN) left out; `at[n]` is where
 * the character the `n`th character read comes from starts in `s` (null: one for one). A character read as several
 * digits (`⑩`) gives each of them its own place.
 */
function readable(s: string, chinese = false): { text: string; at: number[] | null } {
  if (!NOT_ASCII.test(s)) return { text: s, at: null };
  if (!chinese) {
    // Most text: what is read otherwise is read one for one (full-width forms, BMP digits) — no map needed.
    let oneForOne = true;
    const text = s.replace(READ_OTHERWISE_ALL, (ch) => {
      const read = readCharacter(ch);
      if (read.length !== ch.length) oneForOne = false;
      return read;
    });
    if (oneForOne) return { text, at: null };
  }
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
    else if (cp >= 0x4e00 && cp <= 0x9fff) {
      // Han (most of a Chinese text): a digit only as a Chinese numeral.
      read = chinese ? (CHINESE_DIGITS[ch] ?? null) : null;
      numeral = read !== null;
    } else if (FULL_WIDTH.test(ch)) read = toHalfWidth(ch);
    else if (ROMAN_TEN[ch]) read = ROMAN_TEN[ch] as string;
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

/**
 * `s` with every digit as an ASCII digit — digits of other scripts and forms, Chinese numerals too (above) — and
 * full-width forms, other spaces and dashes made ASCII, what shows nothing left out: a search text told for digits
 * (db/stores/cases.ts).
 */
export function foldDigits(s: string): string {
  return readable(s, true).text.replaceAll(EDGE, '');
}
/**
 * A mobile, after the country code (`0086`, `86`) or the trunk 0 some write before it as before a landline's area code
 * (`0139 1234 5678`: outside tester s46 L3) — no landline is 0 and 1[3-9] and 10 more digits (010 takes 8).
 */
const MOBILE = /^(?:0086|86|0)?1[3-9]\d{9}$/;

/**
 * A first-generation identity number (居民身份证, 15 digits: a 6-digit area code, the birth date as YYMMDD of the 1900s,
 * a 3-digit serial; GB 11643-1989, replaced by the 18-digit number of GB 11643-1999 — old cards and records still carry
 * it: outside tester s46 L3): read only when it starts with a province and its YYMMDD is a real date, so that case
 * numbers, amounts and serials of 15 digits are no such number.
 */
function firstGenerationId(d: string): boolean {
  if (!/^\d{15}$/.test(d) || !PROVINCES.has(Number(d.slice(0, 2)))) return false;
  return isRealDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)));
}
const LETTER = /^[A-Za-z]$/;
const DIGIT = /^\d$/;

/**
 * A group of 19 or more digits holding, anywhere in it, 18 characters that pass the GB 11643 check (a province, a real
 * birth date, the check character): an identity number written straight against more digits — a mobile, a bank account
 * (outside tester secfix M2: `37150219850607123813912345678` showed in full in views and history). Masked whole, as the
 * log masks any such group; a bank account of 19–22 digits holds such 18 by chance about once in 10⁸.
 */
function holdsValidId(d: string): boolean {
  for (let k = 0; k + 18 <= d.length; k++) if (checkIdNumber(d.slice(k, k + 18)) === null) return true;
  return false;
}

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
/** The separators between each two groups of `span`, as read. */
function separatorsOf(ascii: string, span: Group[]): string[] {
  return span.slice(1).map((g, n) => ascii.slice((span[n] as Group).to, g.from));
}
const COMMA = /[,、､\uFE50\uFE51]/;
/** The groupings a mobile is written in (after its country code or trunk 0), the only ones read across a wide separator. */
const WIDE_GROUPINGS = new Set(['3,4,4', '3,8', '7,4', '11']);
function mobileGrouping(span: Group[], between: string[], prefix: number): boolean {
  const lengths: number[] = [];
  span.forEach((g, n) => {
    const len = g.text.replace(/[Xx]$/, '').length;
    // Digits parted only by a Chinese numeral's edge (EDGE) are one group as written.
    if (n > 0 && between[n - 1] === EDGE) lengths[lengths.length - 1] = (lengths[lengths.length - 1] as number) + len;
    else lengths.push(len);
  });
  if (lengths[0] === prefix) lengths.shift();
  else lengths[0] = (lengths[0] as number) - prefix;
  return WIDE_GROUPINGS.has(lengths.join(','));
}
/**
 * Two or more mobiles written together in one group of digits (`1391234567813811112222`, 22 digits: outside tester
 * sec53 L2 — each alone, or parted by 、/或 or a space, was masked; together they showed in full to a masked reader):
 * each mobile found as one, masked as one (`139****5678138****2222`). Only a group that is nothing but mobiles (a
 * multiple of 11 digits, each eleven 1[3-9] and 9 digits) — as the 19+-digit group holding an identity number
 * (`holdsValidId`) is read even when written straight against more digits. The log masks any such group whole anyway.
 */
function mobilesTogether(g: Group): Found[] {
  if (g.text.length < 22 || g.text.length % 11 !== 0 || !/^\d+$/.test(g.text)) return [];
  const out: Found[] = [];
  for (let k = 0; k < g.text.length; k += 11) {
    const text = g.text.slice(k, k + 11);
    if (!/^1[3-9]\d{9}$/.test(text)) return [];
    out.push({ kind: 'mobile', groups: [{ from: g.from + k, to: g.from + k + 11, text }], prefix: 0 });
  }
  return out;
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
    const last = groups.length - 1;
    const bestAt = (i: number): Found | null => {
      let best: Found | null = null;
      let digits = '';
      for (let j = i; j <= last; j++) {
        digits += (groups[j] as Group).text;
        if (digits.length > 18) {
          // 18 digits and then an x (`371502199001011234X`, `idno…1234x`, `…1234xyz`): the x is no part of the number
          // (outside tester s46 H1: such a number was masked nowhere) — the 18 digits are read as the identity number,
          // strictly when their check character passes, always when read leniently; the x is kept as typed.
          if (
            j === last &&
            /^\d{18}[Xx]$/.test(digits) &&
            (groups[j] as Group).text.length > 1 &&
            (lenient || checkIdNumber(digits.slice(0, 18)) === null)
          ) {
            const g = groups[j] as Group;
            best = { kind: 'id', groups: [...groups.slice(i, j), { from: g.from, to: g.to - 1, text: g.text.slice(0, -1) }], prefix: 0 };
          }
          break;
        }
        const span = groups.slice(i, j + 1);
        // A group touching a letter (`ID371502…`, `TEL138…`, `…1234abc`) is read strictly (outside tester s45 M1: full
        // numbers showed in the history): an identity number passing the GB 11643 check character, or a mobile of
        // 1[3-9] and 9 digits — not a word's digits that only look like one (a product code, a hash).
        const touching = (wordBefore && i === 0) || (wordAfter && j === last);
        // A mobile followed at once by an x (`13912345678xyz`, `13812345678x`, `…X，`): the x is no part of it (reviewer
        // s45 L1: one followed by x and no other letter was never masked).
        // Not the check character of a grouped identity number (`110105 19491331 002X`): the x follows four digits.
        const mobileDigits =
          j === last && /^\d{11,15}[Xx]$/.test(digits) && /\d{4}[Xx]$/.test(groups[j]?.text ?? '') ? digits.slice(0, -1) : digits;
        if (/^\d{17}[\dXx]$/.test(digits)) {
          // Across a comma, a province and a birth date also when read leniently: the log's JSON lists ids with commas.
          const listed = separatorsOf(ascii, span).some((b) => COMMA.test(b));
          if (touching ? checkIdNumber(digits) === null : j === i || (lenient && !listed) || plausibleId(digits))
            best = { kind: 'id', groups: span, prefix: 0 };
        } else if (i === 0 && j === last && firstGenerationId(digits)) {
          // No check character to read it by: next to letters too, a province and a real birth date are the test — of a
          // whole run only, never fifteen digits inside a longer grouped number (a bank card's `6217 3715 0290 0101
          // 123`: reviewer s46 L3).
          best = { kind: 'id', groups: span, prefix: 0 };
        } else if (i === 0 && j === last && /^\d{17}$/.test(digits) && plausibleId(digits)) {
          // 17 digits alone, a whole run: an identity number without its check character — which follows from the 17
          // (outside tester secfix H1): a province and a real birth date are the test, as for a grouped one.
          best = { kind: 'id', groups: span, prefix: 0 };
        } else if (MOBILE.test(mobileDigits)) {
          const prefix = mobileDigits.length - 11;
          const between = separatorsOf(ascii, span);
          // The separators between the groups (not the one after a country code standing alone) are one and the same.
          const seps = new Set(between.filter((_, n) => !(n === 0 && span[0]?.text.length === prefix)));
          seps.delete(EDGE);
          const wide = between.some((b) => b.length > 1 || WIDE.test(b));
          if ((lenient || seps.size <= 1) && (!wide || mobileGrouping(span, between, prefix)))
            best = { kind: 'mobile', groups: span, prefix };
        }
      }
      const long = (groups[i] as Group).text.replace(/[Xx]$/, '');
      if (!best && long.length >= 19 && (lenient || holdsValidId((groups[i] as Group).text))) {
        best = { kind: 'long', groups: [groups[i] as Group], prefix: 0 };
      }
      return best;
    };
    /** A grouped identity number read leniently that is none (no province, no birth date) — `张三三七一五…` from 三. */
    const doubtful = (f: Found) => {
      const d = f.groups.map((g) => g.text).join('');
      // A first-generation number (15 digits) was read with its province and birth date already.
      return f.kind === 'id' && f.groups.length > 1 && d.length === 18 && !plausibleId(d);
    };
    let i = 0;
    while (i <= last) {
      const best = bestAt(i);
      // Read leniently, a doubtful one gives way to a number starting a group later (the name's numeral left out).
      const next = best && lenient && doubtful(best) && i < last ? bestAt(i + 1) : null;
      if (next && !doubtful(next)) i++;
      else if (best) {
        out.push(best);
        i += best.groups.length;
      } else {
        out.push(...mobilesTogether(groups[i] as Group));
        i++;
      }
    }
  }
  return out;
}

/**
 * `s` with the numbers of the kinds asked for masked, read as shown (`readable`, UUIDs aside); what is kept is kept as
 * typed, but for what shows nothing inside a masked number, dropped. Read twice: as typed, then with Chinese numerals
 * as digits too (`三七一五〇二…`) — each reading masks what it finds, so that neither hides a number from the other
 * (`张三13912345678`: the first finds the mobile; in the second `3139…` is no number).
 */
function maskNumbers(s: string, kinds: { ids: boolean; mobiles: boolean }, lenient: boolean): string {
  const once = maskReading(s, kinds, lenient, false);
  return chineseNumberPossible(once) ? maskReading(once, kinds, lenient, true) : once;
}

/**
 * A run of digit-like characters (digits of any form, Chinese numerals), four separators at most between two and what
 * shows nothing anywhere: conservative (any separator of any width), cheap (one native scan).
 */
const DIGIT_LIKE_RUN = new RegExp(
  `(?:[0-9\\p{Nd}\\p{No}〇\\u25cb零一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖\\u3192-\\u3195\\u3280-\\u3288][${UNSEEN_CLASS}]*(?:[ .\\-·・/_\\u3000\\uff01-\\uff5e\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\t\\n\\v\\f\\r\\u0085\\u2028\\u2029,、､\\uFE50\\uFE51][${UNSEEN_CLASS}]*){0,4})+`,
  'gu',
);
/** Whether the second reading could find what the first did not: a run of 6 or more (`⑩` is two digits) holding a numeral. */
function chineseNumberPossible(s: string): boolean {
  if (!ANY_CHINESE_DIGIT.test(s)) return false;
  for (const m of s.matchAll(DIGIT_LIKE_RUN)) if ([...m[0]].length >= 6 && ANY_CHINESE_DIGIT.test(m[0])) return true;
  return false;
}

/**
 * One reading's masking. The characters of `s` a number was read from are masked, not the digits read: an identity
 * number keeps its first and last four digits as typed, the characters of the others each one `*` and its separators
 * dropped; a mobile keeps its grouping and country code, the characters of its 4th–7th digits each one `*`.
 */
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

/**
 * Control characters in a name (outside tester s46 L4: `张三\n<script>…` was taken): C0 and C1 — line feed, carriage
 * return and tab among them, which free text keeps (server/http/parse.ts refuses the others everywhere) — and the line
 * and paragraph separators U+2028/U+2029. A name is one line on every list, document and export; like the bidi
 * controls (refused everywhere, server/http/parse.ts) they would make it show as something else. A message, or null.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NAME_CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
export function nameControlProblem(s: string): string | null {
  return NAME_CONTROL.test(s) ? '姓名（名称）中不应含有换行、制表符等控制字符（含 U+2028/U+2029）' : null;
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

/**
 * s60 L5 — a sum owed by `n` payers in equal shares (按份, 份额难以确定的，视为份额相同: Civil Code Art. 517(2)), in
 * whole fen that add up to the sum exactly: each pays ⌊sum / n⌋ fen and the first named carries what is left over
 * (fewer than n fen: 100.00 yuan over three is 33.34 + 33.33 + 33.33). Why whole fen (Zhongcai's drafting convention,
 * docs/domain.md §1.2, not a rule of law): the court enforces a determined subject (执行标的确定, SPC Enforcement
 * Provisions Art. 16(1)(4)), and a part printed in whole fen — the smallest sum that can be paid — is determined as
 * printed, while the parts together stay exactly the sum awarded. The order of the shares is the payers' order.
 */
export function equalSharesFen(totalFen: number, n: number): number[] {
  if (n < 1) return [];
  const each = Math.floor(totalFen / n);
  return Array.from({ length: n }, (_, i) => (i === 0 ? totalFen - each * (n - 1) : each));
}

export function formatMoney(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
