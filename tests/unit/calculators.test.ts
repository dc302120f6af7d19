import { describe, expect, it } from 'vitest';
import {
  type AverageWageRow,
  annualEntitlement,
  type CalculatorRequest,
  calculate,
  DEFAULT_READINGS,
  Fraction,
  pickAverageWage,
  type Readings,
  resolveReadings,
  serviceLength,
} from '../../workflows/calculators/index.ts';

/**
 * Labor-law calculators (issue 17, part 1), table-driven. Every row says where its figures come from: the statute's own
 * rule applied by hand (the working is written out in `working`, step by step, so a reader can redo it with a pencil),
 * or a published worked example (address given). Amounts are in fen.
 *
 * Reference figures used throughout (not real data; the tables are the admin's): the local monthly minimum wage
 * 2,010.00 yuan (Shandong tier 2 from 2023-10-01, domain.md §9.3 [R]) and a city average monthly wage of 8,000.00 yuan,
 * so the LCL Art. 47(2) cap is 24,000.00 yuan.
 */
const Y = (yuan: number) => Math.round(yuan * 100);
const REFS = {
  minimumWage: { monthlyFen: Y(2010), label: '东昌府区月最低工资标准（2023-10-01起）' },
  localAverage: { monthlyFen: Y(8000), label: '2024年度聊城市职工月平均工资（测试数据）' },
};

interface Row {
  name: string;
  source: string;
  working: string[];
  req: CalculatorRequest;
  readings?: Partial<Readings>;
  refs?: typeof REFS | { minimumWage: typeof REFS.minimumWage | null; localAverage: typeof REFS.localAverage | null };
  amount: number;
  figures?: Record<string, number>;
  /** Fragments the working (steps or text) must contain. */
  says?: string[];
}

const HAND = '本测试手算（劳动合同法第四十七条；实施条例第二十七条）';

const ROWS: Row[] = [
  // ── Economic compensation (LCL Art. 47) ──
  {
    name: 'whole years plus six months or more count as a year',
    source: HAND,
    working: [
      'service 2019-03-01 … 2025-12-31: anniversaries to 2025-03-01 = 6 years; 2025-03-01 + 10 months = 2026-01-01 = the day after the end → 6 years 10 months',
      '10 months ≥ 6 → one more year: 7 months of wages',
      'average of the last 12 months: 12 × 6,000.00 / 12 = 6,000.00 (≤ 3 × 8,000.00, no cap; ≥ 2,010.00, no floor)',
      '6,000.00 × 7 = 42,000.00',
    ],
    req: { kind: 'economic_compensation', input: { startOn: '2019-03-01', endOn: '2025-12-31', wagesFen: Array(12).fill(Y(6000)) } },
    amount: Y(42000),
    says: ['6年10个月', '计7个月'],
  },
  {
    name: 'a remainder under six months is half a month; the average of twelve unequal months',
    source: HAND,
    working: [
      'service 2023-06-15 … 2025-09-30: 2 years to 2025-06-15; +3 months = 2025-09-15; 16 days to 2025-10-01 → 2 years 3 months 16 days',
      'remainder 3 months 16 days < 6 months → half a month: 2.5 months',
      'wages 5,000 + 5,200×2 + 5,400×3 + 5,600×3 + 5,800×2 + 6,000 = 66,000.00; ÷ 12 = 5,500.00',
      '5,500.00 × 2.5 = 13,750.00',
    ],
    req: {
      kind: 'economic_compensation',
      input: {
        startOn: '2023-06-15',
        endOn: '2025-09-30',
        wagesFen: [5000, 5200, 5200, 5400, 5400, 5400, 5600, 5600, 5600, 5800, 5800, 6000].map(Y),
      },
    },
    amount: Y(13750),
    says: ['2年3个月16天', '计2.5个月'],
  },
  {
    name: 'the average is rounded half up to the fen before it is multiplied',
    source: HAND,
    working: [
      'wages 11 × 5,000.00 + 5,001.00 = 60,001.00; ÷ 12 = 5,000.0833… → 5,000.08',
      'service 2024-01-01 … 2025-12-31 = exactly 2 years → 2 months',
      '5,000.08 × 2 = 10,000.16',
    ],
    req: {
      kind: 'economic_compensation',
      input: { startOn: '2024-01-01', endOn: '2025-12-31', wagesFen: [...Array(11).fill(Y(5000)), Y(5001)] },
    },
    amount: Y(10000.16),
    says: ['四舍五入到分'],
  },
  {
    name: 'an average under the minimum wage is raised to it (Reg Art. 27); four months is half a month',
    source: HAND,
    working: [
      'service 2025-08-01 … 2025-11-30 = 4 months → half a month',
      'average of 4 months of 1,800.00 = 1,800.00 < 2,010.00 → 2,010.00',
      '2,010.00 × 0.5 = 1,005.00',
    ],
    req: { kind: 'economic_compensation', input: { startOn: '2025-08-01', endOn: '2025-11-30', wagesFen: Array(4).fill(Y(1800)) } },
    amount: Y(1005),
    says: ['低于当地最低工资标准'],
  },
  {
    name: 'above 3× the city average: the wage is capped and the years are at most 12',
    source: HAND,
    working: [
      'average 30,000.00 > 3 × 8,000.00 = 24,000.00 → 24,000.00',
      'service 2010-01-01 … 2025-12-31 = 16 years → at most 12',
      '24,000.00 × 12 = 288,000.00',
    ],
    req: { kind: 'economic_compensation', input: { startOn: '2010-01-01', endOn: '2025-12-31', averageWageFen: Y(30000) } },
    amount: Y(288000),
    says: ['按三倍计算', '计12个月'],
  },
  {
    name: 'service before 2008 by the rules then in force (LCL Art. 97(3); 481号 Art. 5: agreement, a part year as a year, ≤ 12)',
    source: '本测试手算（劳动合同法第九十七条第三款；劳部发〔1994〕481号第五条，文本见 https://www.haofalv.com/know/102761）',
    working: [
      'before 2008: 2005-07-01 … 2007-12-31 = 2 years 6 months → the part year counts as a year: 3 months (cap 12 not reached)',
      'from 2008: 2008-01-01 … 2025-06-30 = 17 years 6 months → 6 months or more count as a year: 18 months',
      '6,000.00 × 18 = 108,000.00; 6,000.00 × 3 = 18,000.00; total 126,000.00',
    ],
    req: {
      kind: 'economic_compensation',
      input: { startOn: '2005-07-01', endOn: '2025-06-30', averageWageFen: Y(6000), pre2008: { ground: 'agreement' } },
    },
    amount: Y(126000),
    figures: { lclPart: Y(108000), pre2008Part: Y(18000) },
    says: ['17年6个月', '2年6个月', '计3个月'],
  },
  {
    name: 'service before 2008 where the rules then gave nothing (a fixed-term contract ending): only the years from 2008',
    source: '本测试手算（劳动合同法第九十七条第三款）',
    working: ['from 2008: 17 years 6 months → 18 months; before 2008: nothing', '6,000.00 × 18 = 108,000.00'],
    req: { kind: 'economic_compensation', input: { startOn: '2005-07-01', endOn: '2025-06-30', averageWageFen: Y(6000) } },
    amount: Y(108000),
    says: ['不计经济补偿'],
  },
  {
    name: '481号 Art. 5 caps the part before 2008 at 12 months',
    source: '本测试手算（劳部发〔1994〕481号第五条“最多不超过十二个月”）',
    working: [
      'before 2008: 1990-03-01 … 2007-12-31 = 17 years 10 months → 18, capped at 12 months',
      'from 2008: 2008-01-01 … 2025-12-31 = 18 years → 18 months',
      '5,000.00 × (12 + 18) = 150,000.00',
    ],
    req: {
      kind: 'economic_compensation',
      input: { startOn: '1990-03-01', endOn: '2025-12-31', averageWageFen: Y(5000), pre2008: { ground: 'agreement' } },
    },
    amount: Y(150000),
    says: ['最多不超过12个月'],
  },
  {
    name: 'capped wage and a layoff before 2008 (no cap then): the old part keeps the real wage under the default reading',
    source: '本测试手算（劳动合同法第四十七条第二款、第九十七条第三款；劳部发〔1994〕481号第九条）',
    working: [
      'from 2008: 18 years, wage 30,000.00 > 24,000.00 → 24,000.00 × 12 (years capped) = 288,000.00',
      'before 2008: 2000-01-01 … 2007-12-31 = 8 years → 8 months at 30,000.00 (reading old_rules) = 240,000.00',
      'total 528,000.00',
    ],
    req: {
      kind: 'economic_compensation',
      input: { startOn: '2000-01-01', endOn: '2025-12-31', averageWageFen: Y(30000), pre2008: { ground: 'layoff' } },
    },
    amount: Y(528000),
  },
  {
    name: 'the same case under the reading lcl_cap: the old part at the capped wage',
    source: '本测试手算（同上，读法 pre2008WageCap = lcl_cap）',
    working: ['288,000.00 + 8 × 24,000.00 = 288,000.00 + 192,000.00 = 480,000.00'],
    req: {
      kind: 'economic_compensation',
      input: { startOn: '2000-01-01', endOn: '2025-12-31', averageWageFen: Y(30000), pre2008: { ground: 'layoff' } },
    },
    readings: { pre2008WageCap: 'lcl_cap' },
    amount: Y(480000),
  },
  // ── Unlawful termination (LCL Arts. 48, 87; Reg Art. 25) ──
  {
    name: 'damages: twice the standard, years from the first day of work (no split at 2008)',
    source: '本测试手算（劳动合同法第八十七条；实施条例第二十五条）',
    working: ['2005-07-01 … 2025-06-30 = exactly 20 years → 20 months', '6,000.00 × 20 = 120,000.00; × 2 = 240,000.00'],
    req: { kind: 'unlawful_termination', input: { startOn: '2005-07-01', endOn: '2025-06-30', averageWageFen: Y(6000) } },
    amount: Y(240000),
    says: ['自用工之日起计算', '× 2'],
  },
  {
    name: 'damages under the 3× cap: 12 years at most',
    source: '本测试手算（劳动合同法第四十七条第二款、第八十七条）',
    working: ['2012-05-01 … 2026-04-30 = 14 years → 12; 26,000.00 > 24,000.00 → 24,000.00', '24,000.00 × 12 × 2 = 576,000.00'],
    req: { kind: 'unlawful_termination', input: { startOn: '2012-05-01', endOn: '2026-04-30', averageWageFen: Y(26000) } },
    amount: Y(576000),
  },
  // ── Double wages (LCL Art. 82; Reg Arts. 6–7) ──
  {
    name: 'no contract in the whole first year: 11 months (the period of a published example)',
    source: '期间同 http://www.hohj.cn/hohj/79.html 所举之例（2018年6月1日入职，二倍工资自2018年7月1日起，共计11个月）；金额本测试手算',
    working: ['2018-07-01 … 2019-05-31 (the day before the first anniversary): 11 whole months', '11 × 5,000.00 = 55,000.00'],
    req: { kind: 'double_wages', input: { startOn: '2018-06-01', endOn: '2020-05-01', monthlyWageFen: Y(5000) } },
    amount: Y(55000),
    says: ['2018年7月1日', '2019年5月31日', '11个整月'],
  },
  {
    name: 'the literal reading of “满一年的前一日”: one day short of 11 months, the last month by its days',
    source: '本测试手算（实施条例第七条按字面：满一年之日为2019-05-31，其前一日为2019-05-30）',
    working: [
      '2018-07-01 … 2019-05-30: 10 whole months + 2019-05-01 … 05-30 = 30 of 31 days',
      '10 × 5,000.00 + 5,000.00 × 30/31 = 50,000.00 + 4,838.709… = 54,838.71',
    ],
    req: { kind: 'double_wages', input: { startOn: '2018-06-01', monthlyWageFen: Y(5000) } },
    readings: { doubleWagesLastDay: 'literal' },
    amount: Y(54838.71),
  },
  {
    name: 'a contract signed in the fifth month: to the day before, the part month by calendar days',
    source: '本测试手算（实施条例第六条）',
    working: [
      'start 2025-03-10; from 2025-04-10 to 2025-08-19 (contract signed 2025-08-20)',
      '4 whole months (04-10…08-09) = 24,000.00; 08-10…08-19 = 10 of the 31 days of 08-10…09-09: 6,000.00 × 10/31 = 1,935.483…',
      '24,000.00 + 1,935.483… = 25,935.48',
    ],
    req: { kind: 'double_wages', input: { startOn: '2025-03-10', contractSignedOn: '2025-08-20', monthlyWageFen: Y(6000) } },
    amount: Y(25935.48),
    says: ['10/31天'],
  },
  {
    name: 'a contract signed within the first month: nothing',
    source: '劳动合同法第十条、第八十二条（一个月内订立的不产生二倍工资）',
    working: ['start 2025-03-10, signed 2025-04-01 < 2025-04-10: no period'],
    req: { kind: 'double_wages', input: { startOn: '2025-03-10', contractSignedOn: '2025-04-01', monthlyWageFen: Y(6000) } },
    amount: 0,
  },
  {
    name: 'limitation month by month: months ended more than a year before filing are shown as barred, not deducted unless raised',
    source: '本测试手算（劳动争议调解仲裁法第二十七条第一款；读法 month_by_month）',
    working: [
      'period 2018-02-01 … 2018-12-31, 11 × 5,000.00 = 55,000.00',
      'February ends 2018-02-28 → its year ends 2019-02-28; March → 2019-03-31; April → 2019-04-30 ≥ filed 2019-04-20',
      'barred: February and March = 10,000.00; suggestion stays 55,000.00 (no defense raised)',
    ],
    req: { kind: 'double_wages', input: { startOn: '2018-01-01', endOn: '2019-06-30', monthlyWageFen: Y(5000), filedOn: '2019-04-20' } },
    readings: { doubleWagesLimitation: 'month_by_month' },
    amount: Y(55000),
    figures: { timeBarred: Y(10000), withinLimitation: Y(45000) },
    says: ['2个月的部分已超过一年时效'],
  },
  {
    name: 'the same with the limitation defense raised: the barred months are deducted',
    source: '同上',
    working: ['55,000.00 − 10,000.00 = 45,000.00'],
    req: {
      kind: 'double_wages',
      input: { startOn: '2018-01-01', endOn: '2019-06-30', monthlyWageFen: Y(5000), filedOn: '2019-04-20', limitationRaised: true },
    },
    readings: { doubleWagesLimitation: 'month_by_month' },
    amount: Y(45000),
  },
  {
    name: 'limitation over the whole period (default): the year runs from the end of the period',
    source: '本测试手算（读法 whole_period）',
    working: ['period ends 2018-12-31 → year ends 2019-12-31; filed 2019-04-20: nothing barred'],
    req: { kind: 'double_wages', input: { startOn: '2018-01-01', endOn: '2019-06-30', monthlyWageFen: Y(5000), filedOn: '2019-04-20' } },
    amount: Y(55000),
    figures: { timeBarred: 0, withinLimitation: Y(55000) },
  },
  {
    name: 'whole period filed too late and raised: all barred',
    source: '本测试手算（读法 whole_period）',
    working: ['year ends 2019-12-31; filed 2020-02-15 > → the whole 55,000.00 barred'],
    req: {
      kind: 'double_wages',
      input: { startOn: '2018-01-01', endOn: '2019-06-30', monthlyWageFen: Y(5000), filedOn: '2020-02-15', limitationRaised: true },
    },
    amount: 0,
    figures: { timeBarred: Y(55000) },
  },
  {
    name: 'limitation from the end of employment: not barred while employment lasts a year after',
    source: '本测试手算（读法 employment_end）',
    working: ['employment ended 2019-06-30 → year ends 2020-06-30 ≥ filed 2020-02-15'],
    req: { kind: 'double_wages', input: { startOn: '2018-01-01', endOn: '2019-06-30', monthlyWageFen: Y(5000), filedOn: '2020-02-15' } },
    readings: { doubleWagesLimitation: 'employment_end' },
    amount: Y(55000),
    figures: { timeBarred: 0 },
  },
  {
    name: 'different wages month by month',
    source: '本测试手算',
    working: ['start 2025-01-01, left 2025-03-31: 2025-02-01 … 02-28 at 4,000.00 and 2025-03-01 … 03-31 at 4,500.00 = 8,500.00'],
    req: { kind: 'double_wages', input: { startOn: '2025-01-01', endOn: '2025-03-31', monthlyWagesFen: [Y(4000), Y(4500)] } },
    amount: Y(8500),
  },
  // ── Overtime (Labor Law Art. 44; 劳社部发〔2008〕3号) ──
  {
    name: 'the three rates on a wage with a whole hourly wage',
    source: '本测试手算（劳动法第四十四条；21.75天 × 8小时 = 174小时）',
    working: [
      'hourly 4,350.00 ÷ 21.75 ÷ 8 = 25.00',
      'working days 36 h × 25.00 × 150% = 1,350.00; rest days 16 h × 200% = 800.00; holidays 8 h × 300% = 600.00',
      'total 2,750.00',
    ],
    req: { kind: 'overtime', input: { monthlyWageFen: Y(4350), workdayHours: 3600, restDayHours: 1600, holidayHours: 800 } },
    amount: Y(2750),
  },
  {
    name: 'an inexact hourly wage: computed exactly, rounded once at the end',
    source: '本测试手算（读法 hourlyWageRounding = exact）',
    working: ['5,000.00 × 10.5 × 1.5 ÷ 174 = 78,750 ÷ 174 = 452.586… → 452.59'],
    req: { kind: 'overtime', input: { monthlyWageFen: Y(5000), workdayHours: 1050 } },
    amount: Y(452.59),
  },
  {
    name: 'the same with the hourly wage rounded to the fen first',
    source: '本测试手算（读法 hourlyWageRounding = fen）',
    working: ['hourly 28.7356… → 28.74; 28.74 × 10.5 × 1.5 = 452.655 → half up 452.66'],
    req: { kind: 'overtime', input: { monthlyWageFen: Y(5000), workdayHours: 1050 } },
    readings: { hourlyWageRounding: 'fen' },
    amount: Y(452.66),
  },
  {
    name: 'overtime already paid is deducted',
    source: '本测试手算',
    working: ['36 h × 25.00 × 150% = 1,350.00; paid 1,000.00 → 350.00'],
    req: { kind: 'overtime', input: { monthlyWageFen: Y(4350), workdayHours: 3600, paidFen: Y(1000) } },
    amount: Y(350),
  },
  // ── Annual leave (Regulations Art. 5; Measures Arts. 10–12) ──
  {
    name: 'three unused days at 200% extra',
    source: '本测试手算（带薪年休假条例第三条、第五条；实施办法第十条、第十一条）',
    working: ['5 years of work → 5 days; taken 2 → 3 unused', 'daily 6,525.00 ÷ 21.75 = 300.00', '3 × 300.00 × 200% = 1,800.00'],
    req: { kind: 'annual_leave', input: { monthlyWageFen: Y(6525), cumulativeYears: 5, year: 2025, daysTaken: 2 } },
    amount: Y(1800),
  },
  {
    name: 'the same at 300% when the normal wage for those days was not paid either',
    source: '本测试手算（读法 annualLeaveRate = full_300）',
    working: ['3 × 300.00 × 300% = 2,700.00'],
    req: { kind: 'annual_leave', input: { monthlyWageFen: Y(6525), cumulativeYears: 5, year: 2025, daysTaken: 2 } },
    readings: { annualLeaveRate: 'full_300' },
    amount: Y(2700),
  },
  {
    name: 'leaving mid-year: days pro-rated, the part of a day dropped',
    source: '本测试手算（实施办法第十二条）',
    working: [
      '12 years of work → 10 days',
      '2025-01-01 … 2025-06-30 = 181 days; 181 ÷ 365 × 10 = 4.958… → 4 days; taken 1 → 3',
      'daily 8,700.00 ÷ 21.75 = 400.00; 3 × 400.00 × 200% = 2,400.00',
    ],
    req: {
      kind: 'annual_leave',
      input: { monthlyWageFen: Y(8700), cumulativeYears: 12, year: 2025, employedTo: '2025-06-30', daysTaken: 1 },
    },
    amount: Y(2400),
    says: ['181 ÷ 365 × 10 = 4天'],
  },
  {
    name: 'a daily wage that is not whole: exact until the end',
    source: '本测试手算',
    working: ['20 years → 15 days, none taken', '6,000.00 ÷ 21.75 × 15 × 200% = 180,000,00 ÷ 21.75 … = 8,275.862… → 8,275.86'],
    req: { kind: 'annual_leave', input: { monthlyWageFen: Y(6000), cumulativeYears: 20, year: 2025 } },
    amount: Y(8275.86),
  },
  // ── Pay in lieu of notice (LCL Art. 40; Reg Art. 20) ──
  {
    name: 'one month at the previous month’s wage',
    source: '劳动合同法第四十条；实施条例第二十条',
    working: ['previous month 5,600.00 → 5,600.00'],
    req: { kind: 'notice_pay', input: { lastMonthWageFen: Y(5600) } },
    amount: Y(5600),
  },
  {
    name: 'nothing when written notice was given 30 days ahead',
    source: '劳动合同法第四十条',
    working: ['notice given → 0'],
    req: { kind: 'notice_pay', input: { lastMonthWageFen: Y(5600), noticeGiven: true } },
    amount: 0,
  },
];

describe('labor-law calculators: worked examples', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(row.source.length).toBeGreaterThan(0);
    expect(row.working.length).toBeGreaterThan(0);
    const readings = { ...DEFAULT_READINGS, ...row.readings } as Readings;
    const r = calculate(row.req, row.refs ?? REFS, readings);
    expect(r.amountFen).toBe(row.amount);
    expect(r.kind).toBe(row.req.kind);
    for (const [k, v] of Object.entries(row.figures ?? {})) expect(r.figures[k], k).toBe(v);
    const working = [...r.steps.map((s) => `${s.label} ${s.value}`), r.text].join('\n');
    for (const s of row.says ?? []) expect(working).toContain(s);
    // The printed working names the amount suggested (or says why there is none).
    if (row.amount > 0) expect(r.text).toContain(`${(row.amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}元`);
    for (const b of r.basis) expect(b).toMatch(/第.+条|〔/);
  });
});

describe('calculator building blocks', () => {
  it('service length by anniversaries, both ends counted', () => {
    expect(serviceLength('2015-03-01', '2016-02-29')).toEqual({ years: 1, months: 0, days: 0 });
    expect(serviceLength('2015-03-01', '2016-03-15')).toEqual({ years: 1, months: 0, days: 15 });
    expect(serviceLength('2023-06-15', '2025-09-30')).toEqual({ years: 2, months: 3, days: 16 });
    expect(serviceLength('2025-01-01', '2025-01-01')).toEqual({ years: 0, months: 0, days: 1 });
  });

  it('fixS55 (legal55a #10): endOn is the last day of service, counted — 2009-01-01 … 2023-12-31 is 15 years; an anniversary end day is warned of', () => {
    const ec = (endOn: string) =>
      calculate(
        { kind: 'economic_compensation', input: { startOn: '2009-01-01', endOn, averageWageFen: Y(6000) } },
        REFS,
        DEFAULT_READINGS,
      );
    // LCL Art. 47(1): a month per whole year; the last day worked is 2023-12-31 → 15 whole years, 15 months × 6,000.
    const last = ec('2023-12-31');
    expect(last.amountFen).toBe(Y(90000));
    expect(last.text).toContain('工作年限计至该日（含当日）');
    expect(last.steps[0]?.value).toBe('2009年1月1日至2023年12月31日（含首尾两日），共15年');
    expect(last.warnings.join('\n')).not.toContain('请改填');
    // 2024-01-01 as a day of service: 15 years and a day → half a month more (93,000), and the result says what to enter
    // when that day was the first without employment (a rescission 自该日起).
    const next = ec('2024-01-01');
    expect(next.amountFen).toBe(Y(93000));
    expect(next.warnings.join('\n')).toContain('最后工作日为2023年12月31日，工作年限为15年整');
  });

  it('fractions round half up to the fen, exactly', () => {
    expect(new Fraction(1, 2).round()).toBe(1);
    expect(new Fraction(5, 2).round()).toBe(3);
    expect(new Fraction(-5, 2).round()).toBe(-3);
    expect(new Fraction(7875000, 174).round()).toBe(45259);
    expect(new Fraction(4958, 1000).floor()).toBe(4);
    // 0.1 + 0.2 in fen fractions is exact.
    expect(new Fraction(1, 10).add(new Fraction(2, 10)).cmp(new Fraction(3, 10))).toBe(0);
  });

  it('annual leave entitlement by years worked (Regulations Art. 3)', () => {
    expect([0, 1, 9, 10, 19, 20, 35].map(annualEntitlement)).toEqual([0, 5, 5, 10, 10, 15, 15]);
  });

  it('the cap, the floor and the missing reference figures are stated, not silently skipped', () => {
    const r = calculate(
      { kind: 'economic_compensation', input: { startOn: '2020-01-01', endOn: '2025-12-31', averageWageFen: Y(30000) } },
      { minimumWage: null, localAverage: null },
      DEFAULT_READINGS,
    );
    expect(r.amountFen).toBe(Y(180000));
    expect(r.warnings.join()).toContain('未核对三倍封顶');
    expect(r.warnings.join()).toContain('最低工资');
  });

  it('refuses impossible input naming the field', () => {
    expect(() =>
      calculate(
        { kind: 'economic_compensation', input: { startOn: '2025-01-01', endOn: '2024-01-01', averageWageFen: 1 } },
        REFS,
        DEFAULT_READINGS,
      ),
    ).toThrow(expect.objectContaining({ field: 'endOn' }));
    expect(() =>
      calculate(
        { kind: 'economic_compensation', input: { startOn: '2005-01-01', endOn: '2007-06-30', averageWageFen: 1 } },
        REFS,
        DEFAULT_READINGS,
      ),
    ).toThrow(expect.objectContaining({ field: 'endOn' }));
    expect(() => calculate({ kind: 'overtime', input: { monthlyWageFen: 1 } }, REFS, DEFAULT_READINGS)).toThrow(
      expect.objectContaining({ field: 'workdayHours' }),
    );
    expect(() =>
      calculate({ kind: 'double_wages', input: { startOn: '2025-01-01', monthlyWagesFen: [Y(1)] } }, REFS, DEFAULT_READINGS),
    ).toThrow(expect.objectContaining({ field: 'monthlyWages.1' }));
  });

  it('readings: defaults, overrides, and unknown ones refused', () => {
    expect(resolveReadings(undefined)).toEqual(DEFAULT_READINGS);
    expect(resolveReadings({ annualLeaveRate: 'full_300' }).annualLeaveRate).toBe('full_300');
    expect(() => resolveReadings({ annualLeaveRate: 'triple' })).toThrow(/annualLeaveRate/);
    expect(() => resolveReadings({ nope: 'x' })).toThrow(/unknown/);
  });

  it('the average wage of the previous year, or the latest published by the end date', () => {
    const rows: AverageWageRow[] = [
      { district: '全市', year: 2023, monthlyFen: Y(7000), publishedOn: '2024-06-20', source: 's', confirmed: false },
      { district: '全市', year: 2024, monthlyFen: Y(7500), publishedOn: '2025-06-18', source: 's', confirmed: false },
      { district: '临清市', year: 2024, monthlyFen: Y(7100), publishedOn: '2025-06-18', source: 's', confirmed: true },
    ];
    expect(pickAverageWage(rows, '东昌府区', '2025-03-01', 'previous_year')?.monthlyFen).toBe(Y(7500));
    expect(pickAverageWage(rows, '东昌府区', '2025-03-01', 'latest_published')?.monthlyFen).toBe(Y(7000));
    expect(pickAverageWage(rows, '东昌府区', '2025-07-01', 'latest_published')?.monthlyFen).toBe(Y(7500));
    expect(pickAverageWage(rows, '临清市', '2025-03-01', 'previous_year')?.monthlyFen).toBe(Y(7100));
    expect(pickAverageWage(rows, '东昌府区', '2027-03-01', 'previous_year')).toBeNull();
  });
});
