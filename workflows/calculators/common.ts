import { addDays, addMonths, daysBetween } from '../dates.ts';
import { formatMoney } from '../identifiers.ts';

/**
 * Exact arithmetic for the labor-law calculators. Money is integer fen; every intermediate value that is not a whole
 * number of fen (an average, an hourly wage, a part of a month) is kept as an exact fraction of BigInts and rounded
 * once, half up to the fen, where the working says it is. No floating point touches an amount.
 */
export class Fraction {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint | number, d: bigint | number = 1n) {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new Error('division by zero');
    if (dd < 0n) [nn, dd] = [-nn, -dd];
    const g = gcd(nn < 0n ? -nn : nn, dd);
    this.n = g > 1n ? nn / g : nn;
    this.d = g > 1n ? dd / g : dd;
  }
  static of(n: number | bigint): Fraction {
    return new Fraction(n);
  }
  add(o: Fraction): Fraction {
    return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Fraction): Fraction {
    return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Fraction | number | bigint): Fraction {
    const f = o instanceof Fraction ? o : new Fraction(o);
    return new Fraction(this.n * f.n, this.d * f.d);
  }
  div(o: Fraction | number | bigint): Fraction {
    const f = o instanceof Fraction ? o : new Fraction(o);
    return new Fraction(this.n * f.d, this.d * f.n);
  }
  cmp(o: Fraction): number {
    const a = this.n * o.d;
    const b = o.n * this.d;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  /** Rounded half up (away from zero for the halves) to a whole number — of fen, when the fraction is in fen. */
  round(): number {
    const neg = this.n < 0n;
    const a = neg ? -this.n : this.n;
    const q = (2n * a + this.d) / (2n * this.d);
    return exact(neg ? -q : q);
  }
  /** Rounded down to a whole number (Measures on Paid Annual Leave: 不足1整天的部分不计). */
  floor(): number {
    const q = this.n / this.d;
    return exact(this.n < 0n && q * this.d !== this.n ? q - 1n : q);
  }
}

/**
 * A whole number of fen as a JavaScript number, only while it is exact: past 2^53 a Number silently rounds (an
 * amount off by fen). The calculators' inputs are bounded (app/calculators/schemas.ts) so this never throws.
 */
function exact(q: bigint): number {
  if (q > BigInt(Number.MAX_SAFE_INTEGER) || q < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount ${q} beyond exact range`);
  return Number(q);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** 123456 fen → "1234.56" (the API's money string: the one formatter in workflows/identifiers.ts). */
export const yuan = formatMoney;

/** 123456 fen → "1,234.56元" (the working as printed in a reasoning). */
export function yuanText(fen: number): string {
  const [int, dec] = yuan(fen).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}元`;
}

/** A fraction of fen shown to the fen with "约" when it is not exact (the exact value is what is computed with). */
export function approxText(f: Fraction): string {
  return f.isInteger() ? yuanText(Number(f.n)) : `约${yuanText(f.round())}`;
}

/** Decimal strings with at most two decimals ("7.5", "12") → hundredths (750, 1200); null when malformed. */
export function parseHundredths(s: string): number | null {
  const m = /^(0|[1-9]\d{0,6})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
export const hundredthsText = (h: number) => (h % 100 === 0 ? String(h / 100) : (h / 100).toFixed(h % 10 === 0 ? 1 : 2));

/** 2026-04-10 → 2026年4月10日 (the working's dates; documents print their own dates in Chinese numerals). */
export function dateText(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/**
 * Length of service from the first day `start` through the last day `end`, both counted: whole years and months by
 * anniversaries (CivCode Art. 202: the same-numbered day, or the month's last day), then leftover days. Employment
 * from 2015-03-01 through 2016-02-29 is one whole year; through 2016-03-15, one year and 15 days.
 */
export interface ServiceLength {
  years: number;
  months: number;
  days: number;
}
export function serviceLength(start: string, end: string): ServiceLength {
  const after = addDays(end, 1);
  if (after <= start) return { years: 0, months: 0, days: 0 };
  let total = 0;
  while (addMonths(start, total + 1) <= after) total++;
  return { years: Math.floor(total / 12), months: total % 12, days: daysBetween(addMonths(start, total), after) };
}
export function serviceText(s: ServiceLength): string {
  const parts = [s.years ? `${s.years}年` : '', s.months ? `${s.months}个月` : '', s.days ? `${s.days}天` : ''].filter(Boolean);
  return parts.length ? parts.join('') : '0天';
}

/** A step of the working: what is computed, its value, and the rule it follows. */
export interface Step {
  label: string;
  value: string;
  basis?: string;
}

/**
 * A reading the calculator applied where the law is unsettled or left to local practice: which one, the others, and
 * why. Defaults come from CALCULATOR_READINGS (app/config.ts); a request may choose another.
 */
export interface ReadingUsed {
  key: string;
  value: string;
  label: string;
  options: Record<string, string>;
}

/** What every calculator returns: the amount it suggests, and everything needed to check and print it. */
export interface Calculation {
  kind: CalculatorKind;
  /** The suggested amount in fen (a suggestion: the arbitrator accepts or edits it). */
  amountFen: number;
  steps: Step[];
  /** The articles the computation applies. */
  basis: string[];
  readings: ReadingUsed[];
  warnings: string[];
  /** The working as one paragraph, for the award's reasoning (本委认为) when the arbitrator asks for it. */
  text: string;
  /** Named figures besides the amount (e.g. the part excluded by limitation), in fen. */
  figures: Record<string, number>;
}

export const CALCULATOR_KINDS = {
  economic_compensation: '经济补偿（劳动合同法第四十七条）',
  unlawful_termination: '违法解除或终止劳动合同赔偿金（劳动合同法第四十八条、第八十七条）',
  double_wages: '未订立书面劳动合同二倍工资差额（劳动合同法第八十二条）',
  overtime: '加班工资（劳动法第四十四条）',
  annual_leave: '未休年休假工资报酬（职工带薪年休假条例第五条）',
  notice_pay: '代通知金（劳动合同法第四十条）',
} as const;
export type CalculatorKind = keyof typeof CALCULATOR_KINDS;
export const CALCULATOR_KIND_CODES = Object.keys(CALCULATOR_KINDS) as [CalculatorKind, ...CalculatorKind[]];

/** Input the calculator cannot work with (a date order, a missing figure): the field and why, for a 400. */
export class CalculatorInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Statute short names used in the working. */
export const LCL = '《中华人民共和国劳动合同法》';
export const LCL_REG = '《中华人民共和国劳动合同法实施条例》';
export const LABOR_LAW = '《中华人民共和国劳动法》';
export const LEAVE_REG = '《职工带薪年休假条例》';
export const LEAVE_MEASURES = '《企业职工带薪年休假实施办法》';
export const PAY_DAYS_NOTICE = '《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）';
export const OLD_RULES_1994 = '《违反和解除劳动合同的经济补偿办法》（劳部发〔1994〕481号）';
