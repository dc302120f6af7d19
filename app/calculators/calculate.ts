import type { Knex } from 'knex';
import {
  CALCULATOR_KINDS,
  type Calculation,
  CalculatorInputError,
  type CalculatorKind,
  type CalculatorRequest,
  calculate,
  NEEDS_WAGE_REFERENCE,
  parseHundredths,
  pickAverageWage,
  type Readings,
  resolveReadings,
  yuan,
} from '../../workflows/calculators/index.ts';
import { readingUsed } from '../../workflows/calculators/readings.ts';
import { parseMoney } from '../../workflows/identifiers.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { type Actor, AREA_ROLES, assertRole } from '../policy.ts';
import type { AnnualLeaveBody, CompensationBody, DoubleWagesBody, NoticePayBody, OvertimeBody } from './schemas.ts';

const fen = (s: string) => parseMoney(s) as number;
const fenOpt = (s: string | undefined) => (s === undefined ? undefined : fen(s));
const hours = (s: string | undefined) => (s === undefined ? undefined : (parseHundredths(s) as number));

/** The request body (yuan strings) as the pure calculator's input (fen, hundredths of an hour). */
function toRequest(kind: CalculatorKind, body: Record<string, unknown>): CalculatorRequest {
  switch (kind) {
    case 'economic_compensation':
    case 'unlawful_termination': {
      const b = body as CompensationBody;
      return {
        kind,
        input: {
          startOn: b.startOn,
          endOn: b.endOn,
          wagesFen: b.wages?.map(fen),
          averageWageFen: fenOpt(b.averageWage),
          pre2008: b.pre2008 ? { ground: b.pre2008.ground, capMonths: b.pre2008.capMonths ?? null } : undefined,
        },
      };
    }
    case 'double_wages': {
      const b = body as DoubleWagesBody;
      return {
        kind,
        input: {
          startOn: b.startOn,
          contractSignedOn: b.contractSignedOn ?? null,
          endOn: b.endOn ?? null,
          monthlyWageFen: fenOpt(b.monthlyWage),
          monthlyWagesFen: b.monthlyWages?.map(fen),
          filedOn: b.filedOn ?? null,
          limitationRaised: b.limitationRaised ?? false,
        },
      };
    }
    case 'overtime': {
      const b = body as OvertimeBody;
      return {
        kind,
        input: {
          monthlyWageFen: fen(b.monthlyWage),
          workdayHours: hours(b.workdayHours),
          restDayHours: hours(b.restDayHours),
          holidayHours: hours(b.holidayHours),
          paidFen: fenOpt(b.paid),
        },
      };
    }
    case 'annual_leave': {
      const b = body as AnnualLeaveBody;
      return {
        kind,
        input: {
          monthlyWageFen: fen(b.monthlyWage),
          cumulativeYears: b.cumulativeYears,
          entitledDays: b.entitledDays,
          year: b.year,
          employedFrom: b.employedFrom ?? null,
          employedTo: b.employedTo ?? null,
          daysTaken: b.daysTaken,
        },
      };
    }
    case 'notice_pay': {
      const b = body as NoticePayBody;
      return { kind, input: { lastMonthWageFen: fen(b.lastMonthWage), noticeGiven: b.noticeGiven ?? false } };
    }
  }
}

interface NamedFigure {
  monthlyFen: number;
  label: string;
  confirmed: boolean;
  source: string;
  year?: number;
}

/**
 * The wage figures the compensation calculators need: the local minimum wage in force at the end (Reg Art. 27) and the
 * city's average monthly wage (LCL Art. 47(2)), from the admin's tables by the case's district — or as the request
 * supplies them, said so in the working.
 */
async function wageReferences(deps: Deps, k: Knex, b: CompensationBody, readings: Readings) {
  let minimumWage: NamedFigure | null = null;
  let averageWage: NamedFigure | null = null;
  if (b.minimumWage !== undefined) {
    minimumWage = { monthlyFen: fen(b.minimumWage), label: '请求中提供的当地月最低工资标准', confirmed: false, source: '请求' };
  } else if (b.district) {
    const row = await deps.stores.reference.minimumWageOn(k, b.district, b.endOn);
    if (row)
      minimumWage = {
        monthlyFen: row.monthlyFen,
        label: `${b.district}月最低工资标准（${row.effectiveFrom}起${row.confirmed ? '' : '，未经核实'}）`,
        confirmed: row.confirmed,
        source: row.source,
      };
  }
  if (b.localAverageWage !== undefined) {
    averageWage = {
      monthlyFen: fen(b.localAverageWage),
      label: '请求中提供的本地区上年度职工月平均工资',
      confirmed: false,
      source: '请求',
    };
  } else if (b.district) {
    const row = pickAverageWage(await deps.stores.reference.averageWages(k), b.district, b.endOn, readings.averageWageYear);
    if (row)
      averageWage = {
        monthlyFen: row.monthlyFen,
        year: row.year,
        label: `${row.year}年度本地区职工月平均工资${row.confirmed ? '' : '（未经核实）'}`,
        confirmed: row.confirmed,
        source: row.source,
      };
  }
  return { minimumWage, averageWage };
}

const view = (f: NamedFigure | null) =>
  f ? { monthly: yuan(f.monthlyFen), label: f.label, confirmed: f.confirmed, source: f.source, ...(f.year ? { year: f.year } : {}) } : null;

export interface CalculationView {
  kind: CalculatorKind;
  label: string;
  amount: string;
  steps: Calculation['steps'];
  basis: string[];
  readings: Calculation['readings'];
  warnings: string[];
  text: string;
  figures: Record<string, string>;
  reference: { minimumWage: ReturnType<typeof view>; averageWage: ReturnType<typeof view> };
  input: Record<string, unknown>;
}

/**
 * Runs a calculator on a validated body (reads reference data through `k`; writes nothing). A calculator error names
 * its field under `pathPrefix` (400). Used by `POST /api/calculators/{kind}` and by an award item that keeps its
 * calculation (the working is recomputed on the server, so what the award keeps is what the calculator says).
 */
export async function runCalculator(
  deps: Deps,
  k: Knex,
  kind: CalculatorKind,
  body: Record<string, unknown>,
  pathPrefix = '',
): Promise<CalculationView> {
  const readings = resolveReadings(body.readings as Record<string, unknown> | undefined, deps.config.calculatorReadings);
  const needsWages = NEEDS_WAGE_REFERENCE.includes(kind);
  const refs = needsWages ? await wageReferences(deps, k, body as CompensationBody, readings) : { minimumWage: null, averageWage: null };
  let r: Calculation;
  try {
    r = calculate(toRequest(kind, body), { minimumWage: refs.minimumWage, localAverage: refs.averageWage }, readings);
  } catch (e) {
    if (e instanceof CalculatorInputError) throw validationError([{ path: `${pathPrefix}${e.field}`, message: e.message }]);
    throw e;
  }
  const warnings = [...r.warnings];
  for (const [f, what] of [
    [refs.minimumWage, '月最低工资标准'],
    [refs.averageWage, '职工月平均工资'],
  ] as const) {
    if (f && !f.confirmed) warnings.push(`所用${what}（${f.label}）尚未经管理员核实，来源：${f.source}`);
  }
  return {
    kind,
    label: CALCULATOR_KINDS[kind],
    amount: yuan(r.amountFen),
    steps: r.steps,
    basis: r.basis,
    readings: needsWages ? [...r.readings, readingUsed('averageWageYear', readings)] : r.readings,
    warnings,
    text: r.text,
    figures: Object.fromEntries(Object.entries(r.figures).map(([name, v]) => [name, yuan(v)])),
    reference: { minimumWage: view(refs.minimumWage), averageWage: view(refs.averageWage) },
    input: body,
  };
}

/** POST /api/calculators/{kind} — the case staff who draft awards and mediation terms (AREA_ROLES.calculators). */
export async function calculateForActor(deps: Deps, actor: Actor, kind: CalculatorKind, body: Record<string, unknown>) {
  assertRole(actor, AREA_ROLES.calculators, '使用计算器');
  return runCalculator(deps, deps.db.reader, kind, body);
}
