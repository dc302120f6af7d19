/**
 * Pure arithmetic on 'YYYY-MM-DD' civil dates — the one place the code adds, subtracts and compares calendar days —
 * and the one time-zone rule: a day is a day in China Standard Time (UTC+8, no daylight saving; China has one time
 * zone). Instants are only turned into days (and days into the instant they start) here.
 */
const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/**
 * The civil date of a UTC midnight, by arithmetic on days since 1970-01-01 (the proleptic Gregorian calendar's
 * days-to-civil conversion, as Date itself does it) — deadlines walk periods day by day, and this runs for every day
 * walked. Years outside 1000–9999 go through Date.
 */
const fromUtc = (t: number): string => {
  const z = Math.floor(t / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return new Date(t).toISOString().slice(0, 10);
  return `${year}-${pad2(month)}-${pad2(day)}`;
};

export const addDays = (d: string, n: number): string => fromUtc(toUtc(d) + n * 86_400_000);
export const daysBetween = (a: string, b: string): number => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
// 0 = Sunday: 1970-01-01 was a Thursday.
export const weekday = (d: string): number => (((Math.floor(toUtc(d) / 86_400_000) + 4) % 7) + 7) % 7;
export const yearOf = (d: string): number => Number(d.slice(0, 4));
/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Monday of the week of `d` (the calendar week the commission plans hearings by). */
export const mondayOf = (d: string): string => addDays(d, -((weekday(d) + 6) % 7));

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
/** The day in China Standard Time of an instant. */
export const cstDate = (instant: Date | string): string =>
  fromUtc((typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + CST_OFFSET_MS);
/** The instant (ISO, UTC) at which day `d` begins in China Standard Time. */
export const cstDayStart = (d: string): string => new Date(toUtc(d) - CST_OFFSET_MS).toISOString();

/** Same-numbered day of the month n months later, or the month's last day (CivCode Art. 202). */
export function addMonths(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = daysInMonth(ty, tm + 1);
  const day = Math.min(Number(d.slice(8, 10)), last);
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DIGITS = '〇一二三四五六七八九';
/** 1–99 as written in a document's text: 5 → 五, 15 → 十五, 30 → 三十, 45 → 四十五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  return (n < 10 ? '' : n < 20 ? '十' : `${DIGITS[Math.floor(n / 10)]}十`) + (n % 10 ? DIGITS[n % 10] : '');
}

/** 2026-04-10 → 二〇二六年四月十日 (the form used on documents). */
export function chineseDate(d: string): string {
  const digits = DIGITS;
  const num = chineseNumber;
  const y = d
    .slice(0, 4)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
  return `${y}年${num(Number(d.slice(5, 7)))}月${num(Number(d.slice(8, 10)))}日`;
}
