import { addDays } from '../dates.ts';
import {
  type Calculation,
  CalculatorInputError,
  dateText,
  Fraction,
  LCL,
  LCL_REG,
  OLD_RULES_1994,
  type ReadingUsed,
  type ServiceLength,
  type Step,
  serviceLength,
  serviceText,
  yuanText,
} from './common.ts';
import { type Readings, readingUsed } from './readings.ts';

/** The day the Labor Contract Law took effect (LCL Art. 98). */
export const LCL_IN_FORCE = '2008-01-01';

/**
 * Grounds on which the rules before 2008 gave economic compensation for the years worked before 2008-01-01
 * (LCL Art. 97(3): "按照当时有关规定执行"). From 劳部发〔1994〕481号: Art. 5 termination by agreement on the employer's
 * proposal and Art. 7 incompetence — one month per year, at most 12; Art. 6 illness or non-work injury, Art. 8 changed
 * circumstances, Art. 9 economic layoff — one month per year, no cap; `none` where those rules gave nothing (a
 * fixed-term contract expiring, the worker resigning); `custom` for a provincial or city rule (e.g. one giving
 * compensation on expiry) with its own cap.
 */
export const PRE2008_GROUNDS = {
  none: { label: '当时规定不支付经济补偿（如合同期满终止、劳动者辞职）', capMonths: 0, article: null },
  agreement: { label: '经协商一致由用人单位解除', capMonths: 12, article: '第五条' },
  illness: { label: '患病或非因工负伤不能从事原工作', capMonths: null, article: '第六条' },
  incompetence: { label: '不能胜任工作', capMonths: 12, article: '第七条' },
  changed_circumstances: { label: '客观情况发生重大变化', capMonths: null, article: '第八条' },
  layoff: { label: '经济性裁员', capMonths: null, article: '第九条' },
  custom: { label: '按地方规定', capMonths: null, article: null },
} as const;
export type Pre2008Ground = keyof typeof PRE2008_GROUNDS;

export interface CompensationInput {
  /** 用工之日: the first day of work. */
  startOn: string;
  /**
   * The day the contract was rescinded or ended (解除或终止之日), read as the last day of the relationship — the last day
   * of service, counted: service runs from 用工之日 (LCL Art. 7) to this day, both days counted (fixS55, legal55a #10).
   * 2009-01-01 … 2023-12-31 is 15 years; a notice "自2024年1月1日起解除" ends service on 2023-12-31. `endOn` on an
   * anniversary of `startOn` (15 years and one day) is warned of (`anniversaryWarning`).
   */
  endOn: string;
  /** The monthly wages (应得工资) of the last 12 months before the end, or of every month when fewer (Reg Art. 27). */
  wagesFen?: number[];
  /** Or the monthly wage already established (the 12-month average). */
  averageWageFen?: number;
  /** Only for economic compensation: how the years before 2008-01-01 are compensated (LCL Art. 97(3)). */
  pre2008?: { ground: Pre2008Ground; capMonths?: number | null };
}

/** Reference figures the app looks up (or the request supplies), each with how it is to be cited. */
export interface CompensationRefs {
  /** The local monthly minimum wage in force at the end (Reg Art. 27: the floor of the monthly wage). */
  minimumWage: { monthlyFen: number; label: string } | null;
  /** The city's average monthly wage of the year LCL Art. 47(2) refers to (the 3× cap). */
  localAverage: { monthlyFen: number; label: string } | null;
}

interface Months {
  /** Half-months of compensation (so that "half a month" stays an integer). */
  halves: number;
  text: string;
}

/** LCL Art. 47(1): one month per whole year; six months or more of a year count as a year, less as half a month. */
function lclMonths(s: ServiceLength): Months {
  const rest = s.months > 0 || s.days > 0;
  const halves = 2 * s.years + (s.months >= 6 ? 2 : rest ? 1 : 0);
  const restText = !rest ? '' : s.months >= 6 ? '，不满一年的部分六个月以上，按一年计算' : '，不满六个月的部分按半个月工资计算';
  return { halves, text: `${serviceText(s)}${restText}，计${halves / 2}个月` };
}

const monthsText = (halves: number) => `${halves / 2}个月`;

/** The monthly wage: the average of the months given (rounded to the fen), or the figure given; floored at the minimum wage. */
function monthlyWage(input: CompensationInput, refs: CompensationRefs, steps: Step[], warnings: string[]): number {
  let wage: number;
  if (input.wagesFen?.length) {
    const n = input.wagesFen.length;
    const sum = input.wagesFen.reduce((s, w) => s + w, 0);
    wage = new Fraction(sum, n).round();
    steps.push({
      label: n === 12 ? '解除或终止前十二个月的平均工资' : `解除或终止前${n}个月（工作不满十二个月，按实际工作月数）的平均工资`,
      value: `${yuanText(sum)} ÷ ${n} = ${yuanText(wage)}${sum % n === 0 ? '' : '（四舍五入到分）'}`,
      basis: n === 12 ? `${LCL}第四十七条第三款` : `${LCL}第四十七条第三款；${LCL_REG}第二十七条`,
    });
  } else if (input.averageWageFen !== undefined) {
    wage = input.averageWageFen;
    steps.push({
      label: '月工资（解除或终止前十二个月的平均工资，按所认定的数额）',
      value: yuanText(wage),
      basis: `${LCL}第四十七条第三款`,
    });
  } else {
    throw new CalculatorInputError('wages', '须提供解除或终止前十二个月的各月工资，或已认定的月平均工资');
  }
  if (refs.minimumWage && wage < refs.minimumWage.monthlyFen) {
    steps.push({
      label: '低于当地最低工资标准，按最低工资标准计算',
      value: `${yuanText(refs.minimumWage.monthlyFen)}（${refs.minimumWage.label}）`,
      basis: `${LCL_REG}第二十七条`,
    });
    wage = refs.minimumWage.monthlyFen;
  } else if (!refs.minimumWage) {
    warnings.push('没有当地月最低工资标准，未核对月工资是否低于最低工资标准（实施条例第二十七条）');
  }
  return wage;
}

/** LCL Art. 47(2): above 3× the city's average monthly wage, the wage is 3× that and the years at most 12. */
function applyCap(wage: number, refs: CompensationRefs, steps: Step[], warnings: string[]): { base: number; capped: boolean } {
  if (!refs.localAverage) {
    warnings.push('没有本地区上年度职工月平均工资，未核对三倍封顶（劳动合同法第四十七条第二款）；请管理员录入或在请求中提供');
    return { base: wage, capped: false };
  }
  const cap = 3 * refs.localAverage.monthlyFen;
  if (wage > cap) {
    steps.push({
      label: '月工资高于本地区上年度职工月平均工资三倍，按三倍计算，年限最高不超过十二年',
      value: `${yuanText(refs.localAverage.monthlyFen)} × 3 = ${yuanText(cap)}（${refs.localAverage.label}）`,
      basis: `${LCL}第四十七条第二款`,
    });
    return { base: cap, capped: true };
  }
  steps.push({
    label: '月工资未超过本地区上年度职工月平均工资三倍',
    value: `${yuanText(wage)} ≤ ${yuanText(cap)}（${refs.localAverage.label}的三倍）`,
    basis: `${LCL}第四十七条第二款`,
  });
  return { base: wage, capped: false };
}

function checkDates(input: CompensationInput): void {
  if (input.endOn < input.startOn) throw new CalculatorInputError('endOn', '解除或终止之日不能早于用工之日');
  if (input.endOn < LCL_IN_FORCE)
    throw new CalculatorInputError('endOn', '劳动合同法施行（2008年1月1日）以前解除或终止的，不适用本计算（劳动合同法第九十七条）');
}

/** The working's wording of the service period: both ends counted (CompensationInput.endOn). */
const servicePeriod = (input: CompensationInput) => `${dateText(input.startOn)}至${dateText(input.endOn)}（含首尾两日）`;

/**
 * Service of whole years and exactly one day: `endOn` is an anniversary of `startOn`. If that day is the first day
 * without employment (a rescission "自该日起"), the last day of service is the day before and the years are whole — LCL
 * Art. 47(1) gives half a month for any part of a year under six months, so the one day is worth half a month's wage.
 */
function anniversaryWarning(input: CompensationInput, s: ServiceLength, warnings: string[], what = '工作年限'): void {
  if (s.months !== 0 || s.days !== 1 || s.years === 0) return;
  warnings.push(
    `${what}为${serviceText(s)}：${dateText(input.endOn)}计为劳动关系存续的最后一日。` +
      `若劳动合同自该日起解除（该日已不在职），最后工作日为${dateText(addDays(input.endOn, -1))}，工作年限为${s.years}年整，请改填该日重新计算`,
  );
}

/**
 * 经济补偿 (LCL Arts. 46–47, 97(3); Reg Art. 27). The years from 2008-01-01 (or the start) follow LCL Art. 47 with
 * its caps; the years before follow the rules then in force, for the ground given (481号), kept as a separate part.
 */
export function economicCompensation(input: CompensationInput, refs: CompensationRefs, readings: Readings): Calculation {
  checkDates(input);
  const steps: Step[] = [];
  const warnings: string[] = [];
  const basis = [`${LCL}第四十七条`];
  const used: ReadingUsed[] = [];
  const whole = serviceLength(input.startOn, input.endOn);
  steps.push({
    label: '在本单位工作年限（自用工之日起至劳动关系存续的最后一日）',
    value: `${servicePeriod(input)}，共${serviceText(whole)}`,
    basis: `${LCL}第七条、第四十七条第一款`,
  });
  const wage = monthlyWage(input, refs, steps, warnings);
  const { base, capped } = applyCap(wage, refs, steps, warnings);
  if (refs.minimumWage) basis.push(`${LCL_REG}第二十七条`);

  const split = input.startOn < LCL_IN_FORCE;
  const lclStart = split ? LCL_IN_FORCE : input.startOn;
  const lclService = serviceLength(lclStart, input.endOn);
  anniversaryWarning(input, lclService, warnings, split ? '2008年1月1日以后的工作年限' : '工作年限');
  const m = lclMonths(lclService);
  let halves = m.halves;
  const yearsCapped = capped && halves > 24;
  if (yearsCapped) halves = 24;
  steps.push({
    label: split ? '2008年1月1日以后的工作年限（劳动合同法施行之日起计算）' : '经济补偿年限',
    value: `${m.text}${yearsCapped ? '；月工资按三倍封顶，年限最高十二年，计12个月' : ''}`,
    basis: split ? `${LCL}第四十七条第一款、第九十七条第三款` : `${LCL}第四十七条第一款`,
  });
  const lclPart = new Fraction(base).mul(halves).div(2);
  steps.push({
    label: split ? '2008年以后部分的经济补偿' : '经济补偿',
    value: `${yuanText(base)} × ${monthsText(halves)} = ${yuanText(lclPart.round())}`,
  });

  let oldPart = new Fraction(0);
  let oldMonths = 0;
  let oldText = '';
  if (split) {
    basis.push(`${LCL}第九十七条第三款`);
    const ground = input.pre2008?.ground ?? 'none';
    const g = PRE2008_GROUNDS[ground];
    const before = serviceLength(input.startOn, addDays(LCL_IN_FORCE, -1));
    // 481号 Arts. 5–9: a month per whole year; a part of a year is paid as a year ("工作时间不满一年的按一年的标准发给").
    const years = before.years + (before.months > 0 || before.days > 0 ? 1 : 0);
    const cap = ground === 'custom' ? (input.pre2008?.capMonths ?? null) : g.capMonths;
    oldMonths = cap === null ? years : Math.min(years, cap);
    const oldWageCapped = readings.pre2008WageCap === 'lcl_cap' && capped;
    used.push(readingUsed('pre2008WageCap', readings));
    const oldBase = oldWageCapped ? base : wage;
    oldPart = new Fraction(oldBase).mul(oldMonths);
    if (ground === 'none') {
      steps.push({
        label: '2008年1月1日以前的工作年限',
        value: `${serviceText(before)}；${g.label}，不计经济补偿`,
        basis: `${LCL}第九十七条第三款`,
      });
      warnings.push('2008年以前的工作年限按当时规定是否应支付经济补偿，取决于解除或终止的事由；未选择事由时按不支付计算');
    } else {
      if (g.article) basis.push(`${OLD_RULES_1994}${g.article}`);
      steps.push({
        label: '2008年1月1日以前的工作年限（按当时有关规定）',
        value: `${serviceText(before)}，不满一年的部分按一年计算，计${years}个月${cap !== null && years > cap ? `，最多不超过${cap}个月，计${cap}个月` : ''}（${g.label}）`,
        basis: g.article ? `${OLD_RULES_1994}${g.article}` : '地方有关规定',
      });
      steps.push({ label: '2008年以前部分的经济补偿', value: `${yuanText(oldBase)} × ${oldMonths}个月 = ${yuanText(oldPart.round())}` });
      if (ground === 'illness') warnings.push('患病或非因工负伤解除的，当时规定另有不低于六个月工资的医疗补助费，本计算未包含');
      oldText = `2008年1月1日以前的工作年限${serviceText(before)}，依当时有关规定（${g.label}）计${oldMonths}个月，为${yuanText(oldPart.round())}；`;
    }
  }
  const total = lclPart.add(oldPart).round();
  if (split)
    steps.push({ label: '经济补偿合计', value: `${yuanText(lclPart.round())} + ${yuanText(oldPart.round())} = ${yuanText(total)}` });

  const text =
    `申请人自${dateText(input.startOn)}起在被申请人处工作，至${dateText(input.endOn)}劳动合同解除（终止），工作年限计至该日（含当日），` +
    `月工资按解除（终止）前十二个月的平均工资计为${yuanText(wage)}` +
    (capped ? `，高于本地区上年度职工月平均工资三倍，按${yuanText(base)}计算、年限最高不超过十二年` : '') +
    '。' +
    (split
      ? `依《中华人民共和国劳动合同法》第九十七条第三款，2008年1月1日以后的工作年限${serviceText(lclService)}，计${monthsText(halves)}，为${yuanText(lclPart.round())}；${oldText}`
      : `工作年限${serviceText(lclService)}，依《中华人民共和国劳动合同法》第四十七条计${monthsText(halves)}；`) +
    `经济补偿为${yuanText(total)}。`;
  return {
    kind: 'economic_compensation',
    amountFen: total,
    steps,
    basis: [...new Set(basis)],
    readings: used,
    warnings,
    text,
    figures: { monthlyWage: wage, base, lclPart: lclPart.round(), pre2008Part: oldPart.round(), months2x: halves + 2 * oldMonths },
  };
}

/**
 * 赔偿金 for an unlawful rescission or ending (LCL Arts. 48, 87): twice the economic-compensation standard, the years
 * counted from the first day of work (Reg Art. 25) — no split at 2008 — under the same caps of Art. 47.
 */
export function unlawfulTermination(input: CompensationInput, refs: CompensationRefs): Calculation {
  checkDates(input);
  const steps: Step[] = [];
  const warnings: string[] = [];
  const whole = serviceLength(input.startOn, input.endOn);
  steps.push({
    label: '工作年限（自用工之日起计算）',
    value: `${servicePeriod(input)}，共${serviceText(whole)}`,
    basis: `${LCL_REG}第二十五条`,
  });
  anniversaryWarning(input, whole, warnings);
  const wage = monthlyWage(input, refs, steps, warnings);
  const { base, capped } = applyCap(wage, refs, steps, warnings);
  const m = lclMonths(whole);
  let halves = m.halves;
  const yearsCapped = capped && halves > 24;
  if (yearsCapped) halves = 24;
  steps.push({
    label: '经济补偿标准的年限',
    value: `${m.text}${yearsCapped ? '；月工资按三倍封顶，年限最高十二年，计12个月' : ''}`,
    basis: `${LCL}第四十七条`,
  });
  const standard = new Fraction(base).mul(halves).div(2);
  steps.push({ label: '经济补偿标准', value: `${yuanText(base)} × ${monthsText(halves)} = ${yuanText(standard.round())}` });
  const total = standard.mul(2).round();
  steps.push({
    label: '赔偿金（经济补偿标准的二倍）',
    value: `${yuanText(standard.round())} × 2 = ${yuanText(total)}`,
    basis: `${LCL}第八十七条`,
  });
  const text =
    `被申请人违法解除（终止）劳动合同，申请人不要求继续履行，依《中华人民共和国劳动合同法》第四十八条、第八十七条，应按经济补偿标准的二倍支付赔偿金。` +
    `申请人自${dateText(input.startOn)}起工作至${dateText(input.endOn)}（含当日），工作年限自用工之日起计算为${serviceText(whole)}，计${monthsText(halves)}；` +
    `月工资按解除（终止）前十二个月的平均工资计为${yuanText(wage)}${capped ? `，按本地区上年度职工月平均工资三倍${yuanText(base)}计算` : ''}；` +
    `赔偿金为${yuanText(base)}×${halves / 2}×2=${yuanText(total)}。`;
  return {
    kind: 'unlawful_termination',
    amountFen: total,
    steps,
    basis: [
      `${LCL}第四十七条`,
      `${LCL}第四十八条`,
      `${LCL}第八十七条`,
      `${LCL_REG}第二十五条`,
      ...(refs.minimumWage ? [`${LCL_REG}第二十七条`] : []),
    ],
    readings: [],
    warnings: [...warnings, '已支付赔偿金的，不再支付经济补偿（实施条例第二十五条）'],
    text,
    figures: { monthlyWage: wage, base, standard: standard.round() },
  };
}
