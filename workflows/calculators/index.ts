import type { Calculation, CalculatorKind } from './common.ts';
import { type DoubleWagesInput, doubleWages } from './double-wages.ts';
import { type CompensationInput, type CompensationRefs, economicCompensation, unlawfulTermination } from './economic-compensation.ts';
import { type AnnualLeaveInput, annualLeave, type NoticePayInput, noticePay, type OvertimeInput, overtime } from './pay.ts';
import type { Readings } from './readings.ts';

export * from './common.ts';
export { PRE2008_GROUNDS, type Pre2008Ground } from './economic-compensation.ts';
export { annualEntitlement } from './pay.ts';
export { DEFAULT_READINGS, READINGS, type Readings, resolveReadings } from './readings.ts';

/** One calculator request: the kind and its input (amounts in fen). */
export type CalculatorRequest =
  | { kind: 'economic_compensation'; input: CompensationInput }
  | { kind: 'unlawful_termination'; input: CompensationInput }
  | { kind: 'double_wages'; input: DoubleWagesInput }
  | { kind: 'overtime'; input: OvertimeInput }
  | { kind: 'annual_leave'; input: AnnualLeaveInput }
  | { kind: 'notice_pay'; input: NoticePayInput };

/** The reference figures a request needs looked up: the compensation calculators need the wage figures. */
export const NEEDS_WAGE_REFERENCE: readonly CalculatorKind[] = ['economic_compensation', 'unlawful_termination'];

/** Runs one calculator: pure — the reference figures and the readings come in with the request. */
export function calculate(req: CalculatorRequest, refs: CompensationRefs, readings: Readings): Calculation {
  switch (req.kind) {
    case 'economic_compensation':
      return economicCompensation(req.input, refs, readings);
    case 'unlawful_termination':
      return unlawfulTermination(req.input, refs);
    case 'double_wages':
      return doubleWages(req.input, readings);
    case 'overtime':
      return overtime(req.input, readings);
    case 'annual_leave':
      return annualLeave(req.input, readings);
    case 'notice_pay':
      return noticePay(req.input);
  }
}

/** A row of the average-wage table (本地区上年度职工月平均工资) as the calculators read it. */
export interface AverageWageRow {
  district: string;
  /** The statistical year the figure describes. */
  year: number;
  monthlyFen: number;
  /** When the city published it (needed for the `latest_published` reading). */
  publishedOn: string | null;
  source: string;
  confirmed: boolean;
}

/** Rows for every district of the city (the figure is the city's, LCL Art. 47(2): 设区的市级人民政府公布). */
export const CITY_WIDE = '全市';

/**
 * The row LCL Art. 47(2) points to for a contract ended on `endOn` in `district` (the district's own row, else the
 * city-wide one): the previous calendar year's figure, or the latest published by that day (reading `averageWageYear`).
 */
export function pickAverageWage(
  rows: AverageWageRow[],
  district: string,
  endOn: string,
  reading: Readings['averageWageYear'],
): AverageWageRow | null {
  const forDistrict = (d: string) => rows.filter((r) => r.district === d);
  const candidates = forDistrict(district).length ? forDistrict(district) : forDistrict(CITY_WIDE);
  const year = Number(endOn.slice(0, 4)) - 1;
  if (reading === 'previous_year') return candidates.find((r) => r.year === year) ?? null;
  return candidates.filter((r) => r.publishedOn !== null && r.publishedOn <= endOn).sort((a, b) => b.year - a.year)[0] ?? null;
}
