import { z } from 'zod';
import { CALCULATOR_KIND_CODES, type CalculatorKind, PRE2008_GROUNDS, READINGS } from '../../workflows/calculators/index.ts';
import { parseMoney } from '../../workflows/identifiers.ts';
import { DISTRICTS } from '../../workflows/reference.ts';
import { IsoDate, Money } from '../schemas.ts';

/**
 * Request bodies of `POST /api/calculators/{kind}`, one strict schema per kind. The same schemas validate the
 * calculation kept with an award item (ISSUE_AWARD `items[].calculation.input`), so what an award keeps is exactly
 * what the calculator accepts. Money is yuan strings (api.md), hours decimal strings ("7.5").
 */
/**
 * Realistic maxima of a calculator's inputs, so every amount it works out stays an exact integer of fen far inside
 * Number.MAX_SAFE_INTEGER (the largest, 300% of a maximal hourly wage over the maximal hours, is about 2 × 10^12 fen):
 * 10 million yuan a month or paid, 100,000 hours (over eleven years around the clock). Beyond → 400 naming the field.
 */
export const CALCULATOR_MAX_YUAN = 10_000_000;
export const CALCULATOR_MAX_HOURS = 100_000;
const CalcMoney = Money.refine((s) => (parseMoney(s) ?? 0) <= CALCULATOR_MAX_YUAN * 100, `金额不能超过${CALCULATOR_MAX_YUAN}元`).openapi({
  description: `人民币元，最多两位小数，不超过${CALCULATOR_MAX_YUAN}元`,
});
const Hours = z
  .string()
  .regex(/^(0|[1-9]\d{0,6})(\.\d{1,2})?$/, '小时数为数字字符串，最多两位小数，如 "7.5"')
  .refine((s) => !(Number(s) > CALCULATOR_MAX_HOURS), `小时数不能超过${CALCULATOR_MAX_HOURS}`)
  .openapi({ example: '36', description: `小时，最多两位小数，不超过${CALCULATOR_MAX_HOURS}` });
const District = z.enum(DISTRICTS).openapi({ description: '案件所在区县：据此查月最低工资标准和职工月平均工资' });

const readingValues = <K extends keyof typeof READINGS>(k: K) =>
  z.enum(Object.keys(READINGS[k].options) as [string, ...string[]]).openapi({ description: READINGS[k].label });
export const ReadingsInput = z
  .object(Object.fromEntries(Object.keys(READINGS).map((k) => [k, readingValues(k as keyof typeof READINGS).optional()])))
  .strict()
  .openapi('CalculatorReadings', { description: '本次计算采用的读法（缺省为本委配置 CALCULATOR_READINGS）' });

const Compensation = z
  .object({
    startOn: IsoDate.openapi({ description: '用工之日' }),
    endOn: IsoDate.openapi({
      description:
        '劳动合同解除或终止之日，即劳动关系存续的最后一日（最后工作日），计入工作年限：工作年限自用工之日（劳动合同法第七条）起算至该日止，两端均计入（劳动合同法第四十七条第一款“在本单位工作的年限”）。' +
        '例：2009-01-01 用工、最后工作日 2023-12-31，为15年；解除通知载明“自2024年1月1日起解除”的，应填 2023-12-31（填 2024-01-01 则为15年1天，不满六个月的部分按半个月计，结果会提示）',
    }),
    wages: z
      .array(CalcMoney)
      .min(1)
      .max(12, '最多十二个月')
      .optional()
      .openapi({ description: '解除或终止前十二个月的各月工资（不满十二个月的按实际月数）' }),
    averageWage: CalcMoney.optional().openapi({ description: '或：已认定的月平均工资' }),
    pre2008: z
      .object({
        ground: z.enum(Object.keys(PRE2008_GROUNDS) as [keyof typeof PRE2008_GROUNDS]),
        capMonths: z.number().int().min(0).max(600).nullable().optional(),
      })
      .strict()
      .optional()
      .openapi({ description: '2008年以前工作年限按当时规定计算的事由（劳动合同法第九十七条第三款）' }),
    district: District.optional(),
    minimumWage: CalcMoney.optional().openapi({ description: '覆盖月最低工资标准表（说明来源于请求）' }),
    localAverageWage: CalcMoney.optional().openapi({ description: '覆盖职工月平均工资表（说明来源于请求）' }),
    readings: ReadingsInput.optional(),
  })
  .strict()
  .refine((b) => b.wages !== undefined || b.averageWage !== undefined, { message: '须提供 wages 或 averageWage', path: ['wages'] });

const DoubleWages = z
  .object({
    startOn: IsoDate.openapi({ description: '用工之日' }),
    contractSignedOn: IsoDate.optional().openapi({ description: '订立书面劳动合同之日（未订立的省略）' }),
    endOn: IsoDate.optional().openapi({ description: '劳动关系终止之日' }),
    monthlyWage: CalcMoney.optional(),
    monthlyWages: z.array(CalcMoney).min(1).max(11).optional().openapi({ description: '期间内各月工资（第一个月起）' }),
    filedOn: IsoDate.optional().openapi({ description: '申请仲裁之日（计算时效）' }),
    limitationRaised: z.boolean().optional().openapi({ description: '被申请人已提出时效抗辩（否则只提示、不扣除）' }),
    readings: ReadingsInput.optional(),
  })
  .strict()
  .refine((b) => b.monthlyWage !== undefined || b.monthlyWages !== undefined, {
    message: '须提供 monthlyWage 或 monthlyWages',
    path: ['monthlyWage'],
  });

const Overtime = z
  .object({
    monthlyWage: CalcMoney.openapi({ description: '加班工资计算基数（月工资）' }),
    workdayHours: Hours.optional().openapi({ description: '工作日延长工作时间（150%）' }),
    restDayHours: Hours.optional().openapi({ description: '休息日工作且未补休（200%）' }),
    holidayHours: Hours.optional().openapi({ description: '法定休假日工作（300%）' }),
    paid: CalcMoney.optional().openapi({ description: '已支付的加班工资' }),
    readings: ReadingsInput.optional(),
  })
  .strict();

const AnnualLeave = z
  .object({
    monthlyWage: CalcMoney.openapi({ description: '前十二个月剔除加班工资后的月平均工资' }),
    cumulativeYears: z.number().int().min(0).max(60).optional().openapi({ description: '累计工作年限（整年）' }),
    entitledDays: z.number().int().min(0).max(30).optional().openapi({ description: '或：全年应休天数' }),
    year: z.number().int().min(2008).max(2199),
    employedFrom: IsoDate.optional().openapi({ description: '当年度入职之日（年中入职的折算）' }),
    employedTo: IsoDate.optional().openapi({ description: '当年度离职之日（年中离职的折算）' }),
    daysTaken: z.number().int().min(0).max(30).optional(),
    readings: ReadingsInput.optional(),
  })
  .strict()
  .refine((b) => b.cumulativeYears !== undefined || b.entitledDays !== undefined, {
    message: '须提供 cumulativeYears 或 entitledDays',
    path: ['cumulativeYears'],
  });

const NoticePay = z
  .object({
    lastMonthWage: CalcMoney.openapi({ description: '劳动者上一个月的工资' }),
    noticeGiven: z.boolean().optional().openapi({ description: '已提前三十日书面通知' }),
  })
  .strict();

export const CALCULATOR_INPUTS: Record<CalculatorKind, z.ZodType> = {
  economic_compensation: Compensation.openapi('EconomicCompensationInput'),
  unlawful_termination: Compensation.openapi('UnlawfulTerminationInput'),
  double_wages: DoubleWages.openapi('DoubleWagesInput'),
  overtime: Overtime.openapi('OvertimeInput'),
  annual_leave: AnnualLeave.openapi('AnnualLeaveInput'),
  notice_pay: NoticePay.openapi('NoticePayInput'),
};
export type CompensationBody = z.infer<typeof Compensation>;
export type DoubleWagesBody = z.infer<typeof DoubleWages>;
export type OvertimeBody = z.infer<typeof Overtime>;
export type AnnualLeaveBody = z.infer<typeof AnnualLeave>;
export type NoticePayBody = z.infer<typeof NoticePay>;

export const CalculatorKindEnum = z.enum(CALCULATOR_KIND_CODES);

// Response (issue 14): closed objects, so /openapi.json says exactly what a calculation answers.
const Yuan = z.string().openapi({ pattern: '^\\d+(\\.\\d{1,2})?$', example: '2750.00' });
const Named = z.strictObject({ monthly: Yuan, label: z.string(), confirmed: z.boolean(), source: z.string() });
export const CalculationResult = z
  .strictObject({
    kind: CalculatorKindEnum,
    label: z.string(),
    amount: Yuan.openapi({ description: '建议金额（元）：仲裁员采纳或修改' }),
    steps: z.array(z.strictObject({ label: z.string(), value: z.string(), basis: z.string().optional() })),
    basis: z.array(z.string()),
    readings: z.array(z.strictObject({ key: z.string(), value: z.string(), label: z.string(), options: z.record(z.string(), z.string()) })),
    warnings: z.array(z.string()),
    text: z.string().openapi({ description: '计算过程（可印入裁决书“本委认为”）' }),
    figures: z.record(z.string(), Yuan).openapi({ description: '其他金额（元），如超过时效的部分' }),
    reference: z.strictObject({
      minimumWage: Named.nullable(),
      averageWage: z
        .strictObject({ ...Named.shape, year: z.number().int().optional().openapi({ description: '统计年度（请求中提供的数字没有）' }) })
        .nullable(),
    }),
    input: z
      .union(Object.values(CALCULATOR_INPUTS) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
      .openapi({ description: '本次计算的输入（按 kind 为对应的输入；裁决项保存它以便复核）' }),
  })
  .openapi('Calculation');
