/** Pure arithmetic on 'YYYY-MM-DD' civil dates (no time zones involved). */
const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => fromUtc(toUtc(d) + n * 86_400_000);
export const daysBetween = (a: string, b: string): number => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
export const weekday = (d: string): number => new Date(toUtc(d)).getUTCDay(); // 0 = Sunday
export const yearOf = (d: string): number => Number(d.slice(0, 4));

/** Same-numbered day of the month n months later, or the month's last day (CivCode Art. 202). */
export function addMonths(d: string, n: number): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const day = Math.min(Number(d.slice(8, 10)), last);
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 2026-04-10 → 二〇二六年四月十日 (the form used on documents). */
export function chineseDate(d: string): string {
  const digits = '〇一二三四五六七八九';
  const num = (n: number) => (n < 10 ? '' : n < 20 ? '十' : `${digits[Math.floor(n / 10)]}十`) + (n % 10 || n < 10 ? digits[n % 10] : '');
  const y = d
    .slice(0, 4)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
  return `${y}年${num(Number(d.slice(5, 7)))}月${num(Number(d.slice(8, 10)))}日`;
}
