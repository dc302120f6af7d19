/**
 * A rate as the statistics report it: the two counts and their quotient (null when nothing was counted), so that a
 * reader can check the figure and its cases. The one shape of every rate and share in db/reports (the calculators'
 * exact arithmetic is workflows/calculators/common.ts, another thing).
 */
export interface Fraction {
  numerator: number;
  denominator: number;
  value: number | null;
}

export const fraction = (numerator: number, denominator: number): Fraction => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});
