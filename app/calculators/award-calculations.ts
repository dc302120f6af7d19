import type { Knex } from 'knex';
import type { CaseRecord } from '../../db/stores/cases.ts';
import type { CalculatorKind } from '../../workflows/calculators/index.ts';
import { parseMoney } from '../../workflows/identifiers.ts';
import type { Deps } from '../deps.ts';
import { validationError, zodFieldErrors } from '../errors.ts';
import { runCalculator } from './calculate.ts';
import { CALCULATOR_INPUTS } from './schemas.ts';

/** An award item as ISSUE_AWARD / PARTIAL_AWARD carry it, with the calculation the arbitrator kept (if any). */
export interface ItemWithCalculation {
  claimId: number;
  amount?: string;
  calculation?: { kind: CalculatorKind; input: Record<string, unknown>; print?: boolean };
}

/**
 * The calculations kept with award items (issue 17): each is recomputed here from its input — the case's district
 * filling in the reference lookups — so that the history keeps the server's working, not a copy the client sent.
 * The item keeps what was suggested, whether the arbitrator accepted it (`accepted`: the awarded amount equals the
 * suggestion) and whether the working is to be printed in the award's reasoning (`print`).
 */
export async function keepCalculations<T extends ItemWithCalculation>(
  deps: Deps,
  k: Knex,
  c: Pick<CaseRecord, 'district'>,
  items: T[],
): Promise<T[]> {
  const out: T[] = [];
  for (const [i, it] of items.entries()) {
    if (!it.calculation) {
      out.push(it);
      continue;
    }
    const { kind, print } = it.calculation;
    const prefix = `items.${i}.calculation.input.`;
    const parsed = CALCULATOR_INPUTS[kind].safeParse({ ...it.calculation.input });
    if (!parsed.success) throw validationError(zodFieldErrors(parsed.error, ['items', i, 'calculation', 'input']));
    const input = parsed.data as Record<string, unknown>;
    if ((kind === 'economic_compensation' || kind === 'unlawful_termination') && input.district === undefined) input.district = c.district;
    const r = await runCalculator(deps, k, kind, input, prefix);
    out.push({
      ...it,
      calculation: {
        kind,
        input,
        print: print ?? false,
        suggested: r.amount,
        accepted: it.amount !== undefined && parseMoney(it.amount) === parseMoney(r.amount),
        text: r.text,
        steps: r.steps,
        basis: r.basis,
        readings: r.readings.map(({ key, value }) => ({ key, value })),
        warnings: r.warnings,
        reference: r.reference,
      } as ItemWithCalculation['calculation'],
    });
  }
  return out;
}
