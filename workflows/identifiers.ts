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
 * note, the facts — found by their shape (a credit code of 18 digits looks the same and is masked too), also as people
 * write them down:
 * - an identity number in its 6-8-4 groups with a birth date's shape, born 1900–2019 (`371502 19851212 567X`, the same
 *   space or hyphen between both; a serial such as `370000-20261203-0012` is not one);
 * - a mobile in 3-4-4 groups (`138 0000 5555`, `138-0000-5555`) or after the country code (`+86 13800005555`,
 *   `008613800005555`, `8613800005555`);
 * - in full-width digits as a Chinese input method types them (`１３８００００５５５５`).
 * The log (server/logger.ts) scrubs JSON text, where a line break before a number is `\n`: a letter right after a
 * backslash does not count as part of a word. A UUID (a request id) is left whole.
 */
const NOT_AFTER_WORD = '(?<!(?<!\\\\)[0-9A-Za-z])';
const ID_NUMBER_IN_TEXT = new RegExp(
  `${NOT_AFTER_WORD}(?:\\d{17}[\\dXx]|\\d{6}([ -])(?:19\\d{2}|20[01]\\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\1\\d{3}[\\dXx])(?![0-9A-Za-z])`,
  'g',
);
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const MOBILE_IN_TEXT = new RegExp(
  `(${UUID.source})|(?<![\\d+])((?:(?:\\+|00)?86[ -]?)?)(1[3-9]\\d)([ -]?)\\d{4}([ -]?)(\\d{4})(?!\\d)`,
  'g',
);
/** 11 digits, each pair at most one space or hyphen apart: a string without such a run holds neither. */
const ELEVEN_DIGITS = /\d(?:[ -]?\d){10}/;
/** Full-width digits, Ｘ, ＋, －, the ideographic space: their ASCII forms, one character for one (positions kept). */
const FULL_WIDTH = /[０-９Ｘｘ＋－\u3000]/g;
const toHalfWidth = (c: string) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * `s` with each match of `re` in its ASCII form (full-width digits and signs read as ASCII, one character for one, so
 * positions agree) replaced by `render` of the original text matched: what is kept is kept as it was typed.
 */
function replaceAsAscii(s: string, re: RegExp, render: (typed: string, m: RegExpMatchArray) => string): string {
  const ascii = s.replace(FULL_WIDTH, toHalfWidth);
  if (!ELEVEN_DIGITS.test(ascii)) return s;
  let out = '';
  let last = 0;
  for (const m of ascii.matchAll(re)) {
    const at = m.index ?? 0;
    out += s.slice(last, at) + render(s.slice(at, at + m[0].length), m);
    last = at + m[0].length;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Identity-number shaped digits in free text masked as `maskIdNumber` masks a number: 3715**********1234. */
export function maskIdNumbersInText(s: string): string {
  return replaceAsAscii(s, ID_NUMBER_IN_TEXT, (typed) => `${typed.slice(0, 4)}**********${typed.slice(-4)}`);
}

/** Mobile-number shaped digits in free text masked, their grouping and country code kept: 138****5555, 138 **** 5555. */
export function maskMobilesInText(s: string): string {
  return replaceAsAscii(s, MOBILE_IN_TEXT, (typed, m) => {
    if (m[1] !== undefined) return typed; // a UUID
    const hidden = (m[2] as string).length + 3 + (m[4] as string).length;
    return `${typed.slice(0, hidden)}****${typed.slice(hidden + 4)}`;
  });
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
