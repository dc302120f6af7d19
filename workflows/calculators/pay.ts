import { addDays, daysBetween } from '../dates.ts';
import {
  approxText,
  type Calculation,
  CalculatorInputError,
  dateText,
  Fraction,
  hundredthsText,
  LABOR_LAW,
  LCL,
  LCL_REG,
  LEAVE_MEASURES,
  LEAVE_REG,
  PAY_DAYS_NOTICE,
  type Step,
  yuanText,
} from './common.ts';
import { type Readings, readingUsed } from './readings.ts';

/** 劳社部发〔2008〕3号: 月计薪天数 = (365 − 104) ÷ 12 = 21.75 days; an hour is a day's wage ÷ 8. */
const PAY_DAYS = new Fraction(2175, 100);
const HOURS_PER_DAY = 8;

export interface OvertimeInput {
  /** The monthly wage the overtime pay is based on (加班费计算基数). */
  monthlyWageFen: number;
  /** Hours in hundredths (750 = 7.5 hours): extended hours on working days, rest days without time off, statutory holidays. */
  workdayHours?: number;
  restDayHours?: number;
  holidayHours?: number;
  /** Overtime pay already paid for these hours, deducted. */
  paidFen?: number;
}

const OVERTIME_KINDS = [
  { key: 'workdayHours', rate: 150, label: '工作日延长工作时间', clause: '第一项' },
  { key: 'restDayHours', rate: 200, label: '休息日工作又不能安排补休', clause: '第二项' },
  { key: 'holidayHours', rate: 300, label: '法定休假日工作', clause: '第三项' },
] as const;

/**
 * 加班工资 (Labor Law Art. 44): not less than 150% of the wage for extended hours on a working day, 200% on a rest day
 * without time off in lieu, 300% on a statutory holiday; the hourly wage is the monthly wage ÷ 21.75 ÷ 8
 * (劳社部发〔2008〕3号). The statutory minimum is computed; comprehensive or irregular working-hour systems are not.
 */
export function overtime(input: OvertimeInput, readings: Readings): Calculation {
  const hours = OVERTIME_KINDS.map((k) => ({ ...k, h: input[k.key] ?? 0 })).filter((k) => k.h > 0);
  if (!hours.length) throw new CalculatorInputError('workdayHours', '至少填写一类加班时数');
  const steps: Step[] = [];
  const exactHourly = new Fraction(input.monthlyWageFen).div(PAY_DAYS).div(HOURS_PER_DAY);
  const rounded = readings.hourlyWageRounding === 'fen';
  const hourly = rounded ? new Fraction(exactHourly.round()) : exactHourly;
  steps.push({
    label: '小时工资',
    value: `${yuanText(input.monthlyWageFen)} ÷ 21.75 ÷ 8 = ${rounded ? `${yuanText(hourly.round())}（取整到分）` : `${approxText(exactHourly)}（按精确值计算）`}`,
    basis: PAY_DAYS_NOTICE,
  });
  let total = new Fraction(0);
  const parts: string[] = [];
  for (const k of hours) {
    const amount = hourly.mul(k.h).div(100).mul(k.rate).div(100);
    total = total.add(amount);
    steps.push({
      label: `${k.label}（${k.rate}%）`,
      value: `小时工资 × ${hundredthsText(k.h)}小时 × ${k.rate}% = ${approxText(amount)}`,
      basis: `${LABOR_LAW}第四十四条${k.clause}`,
    });
    parts.push(`${k.label}${hundredthsText(k.h)}小时，按${k.rate}%计${approxText(amount)}`);
  }
  let amountFen = total.round();
  steps.push({ label: '加班工资合计', value: `${yuanText(amountFen)}（四舍五入到分）` });
  if (input.paidFen) {
    const due = Math.max(0, amountFen - input.paidFen);
    steps.push({ label: '扣除已支付的加班工资', value: `${yuanText(amountFen)} − ${yuanText(input.paidFen)} = ${yuanText(due)}` });
    amountFen = due;
  }
  return {
    kind: 'overtime',
    amountFen,
    steps,
    basis: [`${LABOR_LAW}第四十四条`, PAY_DAYS_NOTICE],
    readings: [readingUsed('hourlyWageRounding', readings)],
    warnings: ['按法定最低标准计算；实行综合计算工时或不定时工作制的，另行审查'],
    text:
      `申请人月工资（加班工资计算基数）为${yuanText(input.monthlyWageFen)}，小时工资为${yuanText(input.monthlyWageFen)}÷21.75÷8；` +
      `${parts.join('；')}；依《中华人民共和国劳动法》第四十四条，加班工资合计${yuanText(total.round())}` +
      (input.paidFen ? `，扣除已支付的${yuanText(input.paidFen)}，应支付${yuanText(amountFen)}` : '') +
      '。',
    figures: { total: total.round() },
  };
}

export interface AnnualLeaveInput {
  /** The monthly wage: the average of the 12 months before, overtime pay excluded (Measures Art. 11). */
  monthlyWageFen: number;
  /** 累计工作时间 in whole years (the entitlement, Reg Art. 3); or `entitledDays` directly. */
  cumulativeYears?: number;
  entitledDays?: number;
  /** The leave year. */
  year: number;
  /** The part of the year at this employer (joined or left during the year: pro-rated, Measures Arts. 5, 12). */
  employedFrom?: string | null;
  employedTo?: string | null;
  /** Days of leave already taken in the year. */
  daysTaken?: number;
}

/** Reg Art. 3: 已满1年不满10年 5 days; 已满10年不满20年 10 days; 已满20年 15 days; under a year none (Art. 2). */
export function annualEntitlement(years: number): number {
  if (years < 1) return 0;
  if (years < 10) return 5;
  if (years < 20) return 10;
  return 15;
}

/**
 * 未休年休假工资报酬 (Regulations on Paid Annual Leave Art. 5; Measures Arts. 10–12): for each unused day, 300% of the
 * daily wage (monthly ÷ 21.75), of which the wage for the working day already paid is part — 200% remains owed
 * (reading `annualLeaveRate`). A part year at the employer is pro-rated: days of the year at the employer ÷ 365 ×
 * the entitlement, less than a whole day not counted (Measures Arts. 5, 12).
 */
export function annualLeave(input: AnnualLeaveInput, readings: Readings): Calculation {
  const steps: Step[] = [];
  const basis = [`${LEAVE_REG}第三条`, `${LEAVE_REG}第五条`, `${LEAVE_MEASURES}第十条`, `${LEAVE_MEASURES}第十一条`];
  let entitled: number;
  if (input.entitledDays !== undefined) {
    entitled = input.entitledDays;
    steps.push({ label: '全年应休年休假天数（按所认定）', value: `${entitled}天` });
  } else if (input.cumulativeYears !== undefined) {
    entitled = annualEntitlement(input.cumulativeYears);
    steps.push({
      label: '全年应休年休假天数',
      value: `累计工作${input.cumulativeYears}年，${entitled}天`,
      basis: `${LEAVE_REG}第三条`,
    });
  } else {
    throw new CalculatorInputError('cumulativeYears', '须提供累计工作年限或全年应休天数');
  }
  const yearStart = `${input.year}-01-01`;
  const yearEnd = `${input.year}-12-31`;
  const from = input.employedFrom && input.employedFrom > yearStart ? input.employedFrom : yearStart;
  const to = input.employedTo && input.employedTo < yearEnd ? input.employedTo : yearEnd;
  if (to < from) throw new CalculatorInputError('employedTo', `${input.year}年内没有在本单位工作的日子`);
  let due = entitled;
  if (from !== yearStart || to !== yearEnd) {
    const days = daysBetween(from, addDays(to, 1));
    due = new Fraction(days * entitled, 365).floor();
    steps.push({
      label: '当年度在本单位工作的天数折算',
      value: `${dateText(from)}至${dateText(to)}共${days}天，${days} ÷ 365 × ${entitled} = ${due}天（不足一整天的部分不计）`,
      basis: `${LEAVE_MEASURES}第五条、第十二条`,
    });
    basis.push(`${LEAVE_MEASURES}第五条`, `${LEAVE_MEASURES}第十二条`);
  }
  const taken = input.daysTaken ?? 0;
  const unused = Math.max(0, due - taken);
  steps.push({ label: '应休未休天数', value: `${due} − ${taken} = ${unused}天` });
  const rate = readings.annualLeaveRate === 'full_300' ? 300 : 200;
  const daily = new Fraction(input.monthlyWageFen).div(PAY_DAYS);
  steps.push({
    label: '日工资',
    value: `${yuanText(input.monthlyWageFen)} ÷ 21.75 = ${approxText(daily)}（按精确值计算）`,
    basis: `${LEAVE_MEASURES}第十一条`,
  });
  const amount = daily.mul(unused).mul(rate).div(100);
  const amountFen = amount.round();
  steps.push({
    label: `未休年休假工资报酬（${rate}%）`,
    value: `日工资 × ${unused}天 × ${rate}% = ${yuanText(amountFen)}`,
    basis: rate === 200 ? `${LEAVE_MEASURES}第十条（300%中含正常工作期间工资）` : `${LEAVE_MEASURES}第十条`,
  });
  return {
    kind: 'annual_leave',
    amountFen,
    steps,
    basis: [...new Set(basis)],
    readings: [readingUsed('annualLeaveRate', readings)],
    warnings: [
      '职工有《职工带薪年休假条例》第四条所列情形的不享受当年年休假，或用人单位安排休假而职工书面提出不休的只支付正常工资，请结合案情审查',
    ],
    text:
      `申请人${input.year}年度应休年休假${due}天，已休${taken}天，未休${unused}天；依《职工带薪年休假条例》第五条及《企业职工带薪年休假实施办法》第十条、第十一条，` +
      `按日工资（${yuanText(input.monthlyWageFen)}÷21.75）的${rate}%支付${rate === 200 ? '（300%中已含正常工作期间的工资）' : ''}，` +
      `未休年休假工资报酬为${yuanText(amountFen)}。`,
    figures: { unusedDays: unused },
  };
}

export interface NoticePayInput {
  /** The worker's wage of the month before (Reg Art. 20). */
  lastMonthWageFen: number;
  /** Written notice was given 30 days ahead: nothing in lieu is owed. */
  noticeGiven?: boolean;
}

/**
 * 代通知金 (LCL Art. 40; Reg Art. 20): an employer rescinding under Art. 40 without 30 days' written notice pays one
 * extra month's wage, at the worker's wage of the month before.
 */
export function noticePay(input: NoticePayInput): Calculation {
  const due = input.noticeGiven ? 0 : input.lastMonthWageFen;
  const steps: Step[] = [
    input.noticeGiven
      ? { label: '已提前三十日书面通知', value: '无需额外支付一个月工资', basis: `${LCL}第四十条` }
      : {
          label: '未提前三十日书面通知，额外支付一个月工资（按上一个月的工资标准）',
          value: yuanText(due),
          basis: `${LCL}第四十条；${LCL_REG}第二十条`,
        },
  ];
  return {
    kind: 'notice_pay',
    amountFen: due,
    steps,
    basis: [`${LCL}第四十条`, `${LCL_REG}第二十条`],
    readings: [],
    warnings: ['仅适用于依劳动合同法第四十条解除劳动合同的情形'],
    text: input.noticeGiven
      ? '被申请人已提前三十日以书面形式通知申请人解除劳动合同，无需额外支付一个月工资。'
      : `被申请人依《中华人民共和国劳动合同法》第四十条解除劳动合同，未提前三十日以书面形式通知申请人，应额外支付一个月工资；依《中华人民共和国劳动合同法实施条例》第二十条，按申请人上一个月的工资标准计为${yuanText(due)}。`,
    figures: {},
  };
}
