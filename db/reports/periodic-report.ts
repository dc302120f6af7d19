import type { Knex } from 'knex';
import {
  type ClosureFigures,
  type ClosureOptions,
  closureWithBreakdowns,
  type GroupBy,
  type GroupFigures,
  type MonthRow,
  monthlyTrend,
  type PeriodQuery,
} from './closure-rate.ts';

/**
 * The periodic statistical report, shaped after the MOHRSS arbitration table 人社统MA2 and the yearbook table
 * 劳动争议处理情况 (domain.md §13.1): carried over, accepted (of which collective; workers involved), by cause,
 * closed by arbitration mediation / award / other methods, final awards, pending at the end, amounts.
 * MA2's exact row list has not been read ([R]); the rows follow the yearbook fields, each named in Chinese.
 */
export interface ReportRow {
  code: string;
  label: string;
  value: number | string | null;
  /** Drill-down measure behind the number, when there is one. */
  measure?: string;
  mode?: string;
}

export interface BreakdownTable {
  groupBy: GroupBy;
  title: string;
  groups: GroupFigures[];
}

export interface PeriodicReport {
  title: string;
  form: string;
  commission: string;
  from: string;
  to: string;
  asOf: string | null;
  generatedAt: string;
  formulaVersion: string;
  summary: ReportRow[];
  closure: ClosureFigures;
  breakdowns: BreakdownTable[];
  monthly: MonthRow[];
}

export const BREAKDOWN_TITLES: Record<GroupBy, string> = {
  district: '按地区',
  cause: '按争议原因',
  procedure: '按程序',
  wageArrears: '按是否欠薪',
  arbitrator: '按首席（独任）仲裁员',
};

export const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

export async function periodicReport(
  knex: Knex,
  q: PeriodQuery,
  opts: ClosureOptions & { commission: string; generatedAt: string },
): Promise<PeriodicReport> {
  const groupBys = Object.keys(BREAKDOWN_TITLES) as GroupBy[];
  const { figures: f, breakdowns } = await closureWithBreakdowns(knex, q, opts, groupBys);
  const byCause = new Map((breakdowns.cause ?? []).map((g) => [g.key, g.accepted]));
  const causes: [string, string][] = [
    ['remuneration', '劳动报酬'],
    ['social_insurance', '社会保险'],
    ['work_injury', '工伤'],
    ['termination', '解除、终止劳动合同'],
    ['labor_standards', '工作时间、休息休假'],
    ['relationship', '确认劳动关系'],
    ['other', '其他'],
  ];
  const summary: ReportRow[] = [
    { code: '1', label: '上期未结案件数', value: f.carriedOver, measure: 'carriedOver' },
    { code: '2', label: '本期受理案件数', value: f.accepted, measure: 'accepted' },
    { code: '3', label: '  其中：集体劳动人事争议案件数', value: f.acceptedCollective },
    { code: '4', label: '本期受理案件劳动者当事人数', value: f.workers },
    { code: '5', label: '  其中：集体劳动人事争议劳动者当事人数', value: f.workersCollective },
    ...causes.map(([k, label], i) => ({ code: `6.${i + 1}`, label: `  按争议原因：${label}`, value: byCause.get(k) ?? 0 })),
    { code: '7', label: '本期结案数', value: f.closed, measure: 'closed' },
    { code: '8', label: '  仲裁调解结案', value: f.byMode.mediation, measure: 'closed', mode: 'mediation' },
    { code: '9', label: '  仲裁裁决结案', value: f.byMode.award, measure: 'closed', mode: 'award' },
    { code: '10', label: '    其中：终局裁决', value: f.finalAwards },
    { code: '11', label: '    其中：部分终局裁决（终局与非终局事项并存）', value: f.mixedAwards },
    { code: '12', label: '  其他方式结案（撤回、按撤回处理、终止审理等）', value: f.byMode.withdrawal + f.byMode.other },
    { code: '13', label: '    其中：申请人撤回', value: f.byMode.withdrawal, measure: 'closed', mode: 'withdrawal' },
    { code: '14', label: '期末未结案件数', value: f.pending, measure: 'pending' },
    { code: '15', label: `仲裁结案率（目标 ${pct(f.target)}）`, value: pct(f.closureRate) },
    { code: '16', label: '超审限案件数（逾期结案及期末逾期未结）', value: f.overdue, measure: 'overdue' },
    { code: '17', label: '平均结案天数（受理至结案，日历日）', value: f.averageDays === null ? null : Number(f.averageDays.toFixed(1)) },
    { code: '18', label: '结案天数中位数', value: f.medianDays },
    { code: '19', label: '终局裁决占裁决结案比例', value: pct(f.finalAwardShare.value) },
    { code: '20', label: '调解结案与终局裁决占结案比例', value: pct(f.mediatedOrFinalShare.value) },
    { code: '21', label: '本期受理案件请求金额（元）', value: f.amounts.claimed },
    { code: '22', label: '本期裁决结案裁决金额（元）', value: f.amounts.awarded },
    { code: '23', label: '收到仲裁申请数', value: f.applications.received, measure: 'received' },
    { code: '24', label: '不予受理数', value: f.applications.rejected, measure: 'rejected' },
    { code: '25', label: '调解组织（仲裁前）调解结案数', value: f.mediationSuccess.mediationTrack.ended, measure: 'mediationEnded' },
    { code: '26', label: '  其中：达成调解协议数', value: f.mediationSuccess.mediationTrack.agreed, measure: 'mediationAgreed' },
    { code: '27', label: '调解成功率（调解组织口径）', value: pct(f.mediationSuccess.organization.value) },
    { code: '28', label: '调解成功率（统计公报口径）', value: pct(f.mediationSuccess.bulletin.value) },
  ];
  return {
    title: '劳动人事争议仲裁处理情况',
    form: '参照人社统MA2表式',
    commission: opts.commission,
    from: q.from,
    to: q.to,
    asOf: q.asOf ?? null,
    generatedAt: opts.generatedAt,
    formulaVersion: f.formulaVersion,
    summary,
    closure: f,
    breakdowns: groupBys.map((g) => ({ groupBy: g, title: BREAKDOWN_TITLES[g], groups: breakdowns[g] ?? [] })),
    monthly: await monthlyTrend(knex, q, f.carriedOver),
  };
}

export const BREAKDOWN_HEADER = [
  '分组',
  '上期未结',
  '本期受理',
  '本期结案',
  '仲裁调解',
  '仲裁裁决',
  '其他方式',
  '期末未结',
  '结案率',
  '超审限',
];

export const breakdownRow = (g: GroupFigures): (string | number)[] => [
  g.label,
  g.carriedOver,
  g.accepted,
  g.closed,
  g.byMode.mediation,
  g.byMode.award,
  g.byMode.withdrawal + g.byMode.other,
  g.pending,
  pct(g.closureRate),
  g.overdue,
];

export const MONTH_HEADER = ['月份', '本月受理', '本月结案', '仲裁调解', '仲裁裁决', '其他方式', '累计结案率'];

export const monthRow = (m: MonthRow): (string | number)[] => [
  m.month,
  m.accepted,
  m.closed,
  m.byMode.mediation,
  m.byMode.award,
  m.byMode.withdrawal + m.byMode.other,
  pct(m.cumulativeClosureRate),
];

export function reportHeading(r: PeriodicReport): string {
  return `统计期间：${r.from} 至 ${r.to}${r.asOf ? `（按 ${r.asOf} 日终记录重算）` : ''}；口径版本 ${r.formulaVersion}`;
}
