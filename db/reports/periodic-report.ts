import type { Knex } from 'knex';
import { OWNERSHIP_TYPES } from '../../workflows/reference.ts';
import type { StatCause } from '../../workflows/stat-facts.ts';
import {
  type ClosureFigures,
  type ClosureOptions,
  closureWithBreakdowns,
  formulaLabel,
  type GroupBy,
  type GroupFigures,
  type MonthRow,
  monthlyTrend,
  type PeriodQuery,
} from './closure-rate.ts';

/**
 * The periodic statistical report, shaped after the MOHRSS arbitration table 人社统MA2 and the yearbook table
 * 劳动争议处理情况 (domain.md §13.1): the report header (表号, 制定机关, 批准文号, 填报单位, 负责人, 填表人, 报出日期);
 * carried over and accepted (of which collective, filed by workers / by employers, referred from mediation); cases
 * to be closed; workers involved; accepted by cause (the yearbook's list) and by employer ownership type; closed by
 * arbitration mediation / award / other methods (withdrawal, deemed withdrawal, termination, transfer), collective
 * cases closed and workers in them; results of closed cases; pending at the end; amounts; pre-arbitration mediation,
 * referrals and reviews of mediation agreements as their own rows. MA2's exact row list has not been read ([R]): the
 * rows follow the yearbook fields, each named in Chinese, with the conventions in README "Statistics".
 */
export interface ReportRow {
  code: string;
  label: string;
  value: number | string | null;
  /** Drill-down measure behind the number, when there is one. */
  measure?: string;
  mode?: string;
  /**
   * Further drill-down filters of the same list (GET /api/stats/closure/cases): award finality, collective cases, who
   * filed, the result of a closed case, referred from mediation — each row's list totals the row's figure.
   */
  finality?: 'final' | 'mixed';
  collective?: 'true';
  filedBy?: 'worker' | 'employer';
  result?: 'worker' | 'employer' | 'both';
  referred?: 'true';
}

export interface BreakdownTable {
  groupBy: GroupBy;
  title: string;
  groups: GroupFigures[];
}

/** The report header fields of the statistical form. */
export interface ReportHeader {
  formNo: string;
  authority: string;
  approvalNo: string;
  unit: string;
  period: string;
  principal: string;
  preparer: string;
  reportedOn: string;
}

export interface PeriodicReport {
  title: string;
  form: string;
  commission: string;
  header: ReportHeader;
  from: string;
  to: string;
  asOf: string | null;
  /**
   * docs54 L4: the period was not over on the day the figures stand at — today (the period's last day included: it ends
   * at the end of that day), or `asOf` before `to`. Its period-end figures (期末未结, 期末逾期未结) are then as of that
   * day, `dataAsOf`, and every format says so.
   */
  incomplete: boolean;
  /** The day the figures of an incomplete period stand at (the end of it, China time); null when the period is over. */
  dataAsOf: string | null;
  generatedAt: string;
  formulaVersion: string;
  /** s60 W2 #1: formulaVersion in words (formulaLabel), as the screen and every export print it. */
  formulaLabel: string;
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
  ownership: '按用人单位类型',
};

export const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

/**
 * The yearbook's cause rows (争议原因) and the statistics causes each gathers; our finer causes stay visible as
 * 其中 rows. Where to change the mapping: here and CAUSE_OF_CATEGORY (workflows/stat-facts.ts).
 */
export const YEARBOOK_CAUSES: { label: string; causes: StatCause[]; detail?: [string, StatCause][] }[] = [
  { label: '劳动报酬', causes: ['remuneration'] },
  { label: '社会保险（含工伤保险待遇）', causes: ['social_insurance', 'work_injury'], detail: [['工伤', 'work_injury']] },
  {
    label: '劳动保护（含工作时间、休息休假）',
    causes: ['labor_protection', 'labor_standards'],
    detail: [['工作时间、休息休假', 'labor_standards']],
  },
  { label: '职业培训', causes: ['training'] },
  { label: '变更劳动合同', causes: ['contract_change'] },
  { label: '解除、终止劳动合同', causes: ['termination'] },
  { label: '其他', causes: ['relationship', 'other'], detail: [['确认劳动关系', 'relationship']] },
];

export async function periodicReport(
  knex: Knex,
  q: PeriodQuery,
  opts: ClosureOptions & { commission: string; generatedAt: string; header?: Partial<Omit<ReportHeader, 'unit' | 'period'>> },
): Promise<PeriodicReport> {
  const groupBys = Object.keys(BREAKDOWN_TITLES) as GroupBy[];
  const { figures: f, breakdowns } = await closureWithBreakdowns(knex, q, opts, groupBys);
  // Not over while today is on or before its last day, or when read as of a day before it (reviewer s54 B L1: asOf on
  // the last day, which is today, read as over).
  const incomplete = q.today <= q.to || (q.asOf != null && q.asOf < q.to);
  const dataAsOf = incomplete ? (q.asOf ?? q.today) : null;
  // Header fields with no configured value stay blank for the preparer to fill in, never invented.
  const header: ReportHeader = {
    formNo: opts.header?.formNo ?? '人社统MA2',
    authority: opts.header?.authority ?? '人力资源和社会保障部',
    approvalNo: opts.header?.approvalNo ?? '',
    unit: opts.commission,
    // docs54 L4: a period not yet over says so where the period is named, on every format.
    period: `${q.from} 至 ${q.to}${dataAsOf ? `（${periodNotOver(dataAsOf)}）` : ''}`,
    principal: opts.header?.principal ?? '',
    preparer: opts.header?.preparer ?? '',
    reportedOn: opts.header?.reportedOn ?? opts.generatedAt.slice(0, 10),
  };
  const byCause = new Map((breakdowns.cause ?? []).map((g) => [g.key, g.accepted]));
  const cause = (keys: StatCause[]) => keys.reduce((s, k) => s + (byCause.get(k) ?? 0), 0);
  const byOwnership = new Map((breakdowns.ownership ?? []).map((g) => [g.key, g.accepted]));
  type Filters = Pick<ReportRow, 'finality' | 'collective' | 'filedBy' | 'result' | 'referred'>;
  const rows: [string, number | string | null, string?, string?, Filters?][] = [
    ['上期未结案件数', f.carriedOver, 'carriedOver'],
    ['本期受理案件数', f.accepted, 'accepted'],
    ['  其中：集体劳动人事争议案件数', f.acceptedCollective, 'accepted', undefined, { collective: 'true' }],
    ['  其中：劳动者申诉', f.filedBy.worker, 'accepted', undefined, { filedBy: 'worker' }],
    ['  其中：用人单位申诉', f.filedBy.employer, 'accepted', undefined, { filedBy: 'employer' }],
    ['  其中：经调解组织调解后申请仲裁', f.acceptedReferred, 'accepted', undefined, { referred: 'true' }],
    ['应结案件数（上期未结＋本期受理）', f.toClose],
    ['本期受理案件劳动者当事人数', f.workers],
    ['  其中：集体劳动人事争议劳动者当事人数', f.workersCollective],
    // One cause per case — its first claim's (workflows/stat-facts.ts statFacts; domain.md §13.1): the rows add up to the
    // cases accepted, as the yearbook's do; the heading says so (docs53 L1: a case claiming wages and compensation
    // counts under 劳动报酬 only when wages come first).
    ['本期受理案件按争议原因（每案按所列第一项请求计一类）：', null],
    ...YEARBOOK_CAUSES.flatMap((c): [string, number][] => [
      [`  ${c.label}`, cause(c.causes)],
      ...(c.detail ?? []).map(([label, k]): [string, number] => [`    其中：${label}`, cause([k])]),
    ]),
    ['本期受理案件按用人单位类型：', null],
    ...[...Object.entries(OWNERSHIP_TYPES), ['unknown', '未登记']].map(([k, label]): [string, number] => [
      `  ${label}`,
      byOwnership.get(k as string) ?? 0,
    ]),
    ['本期结案数', f.closed, 'closed'],
    ['  仲裁调解结案', f.byMode.mediation, 'closed', 'mediation'],
    ['  仲裁裁决结案', f.byMode.award, 'closed', 'award'],
    ['    其中：终局裁决', f.finalAwards, 'closed', 'award', { finality: 'final' }],
    ['    其中：部分终局裁决（终局与非终局事项并存）', f.mixedAwards, 'closed', 'award', { finality: 'mixed' }],
    ['  其他方式结案', f.byMode.withdrawal + f.byMode.other, 'closed', 'other_ways'],
    ['    撤回', f.otherModes.withdrawal, 'closed', 'withdrawal'],
    ['    按撤回处理', f.otherModes.deemedWithdrawal, 'closed', 'deemed_withdrawal'],
    ['    终止审理', f.otherModes.termination, 'closed', 'termination'],
    ['    移送', f.otherModes.transfer, 'closed', 'transfer'],
    ['    其他', f.otherModes.other],
    ['  其中：集体劳动人事争议结案数', f.closedCollective, 'closed', undefined, { collective: 'true' }],
    ['结案案件劳动者当事人数', f.workersClosed],
    ['结案案件按处理结果（裁决、调解结案）：', null],
    ['  用人单位胜诉', f.results.employer, 'closed', undefined, { result: 'employer' }],
    ['  劳动者胜诉', f.results.worker, 'closed', undefined, { result: 'worker' }],
    ['  双方部分胜诉', f.results.both, 'closed', undefined, { result: 'both' }],
    ['期末未结案件数', f.pending, 'pending'],
    [`仲裁结案率（目标 ${pct(f.target)}）`, pct(f.closureRate)],
    ['超审限案件数（逾期结案及期末逾期未结）', f.overdue, 'overdue'],
    ['平均结案天数（受理至结案，日历日）', f.averageDays === null ? null : Number(f.averageDays.toFixed(1))],
    ['结案天数中位数', f.medianDays],
    ['终局裁决占裁决结案比例', pct(f.finalAwardShare.value)],
    ['调解结案与终局裁决占结案比例', pct(f.mediatedOrFinalShare.value)],
    ['本期受理案件请求金额（元）', f.amounts.claimed],
    ['本期裁决结案裁决金额（元）', f.amounts.awarded],
    // docs51 L6: a mediation closure without an amount recorded is not in the sum: say how many, not a bare 0.00.
    ['本期调解结案调解金额（元）', withUnrecorded(f.amounts.mediated, f.mediatedWithoutAmount)],
    ['收到仲裁申请数', f.applications.received, 'received'],
    ['不予受理数', f.applications.rejected, 'rejected'],
    ['调解组织（仲裁前）本期收到调解申请数', f.mediationSuccess.mediationTrack.received],
    ['调解组织（仲裁前）调解结案数', f.mediationSuccess.mediationTrack.ended, 'mediationEnded'],
    ['  其中：达成调解协议数', f.mediationSuccess.mediationTrack.agreed, 'mediationAgreed'],
    ['  其中：调解不成转入仲裁数', f.mediationSuccess.mediationTrack.referred, 'mediationReferred'],
    [
      '  调解协议约定金额（元）',
      withUnrecorded(f.mediationSuccess.mediationTrack.agreedAmount, f.mediationSuccess.mediationTrack.agreedWithoutAmount),
    ],
    ['调解协议仲裁审查：本期收到数', f.reviews.received, 'reviewsReceived'],
    ['调解协议仲裁审查：本期审结数', f.reviews.closed, 'reviewsClosed'],
    ['案件办理数（仲裁应结＋调解组织及仲裁审查在办、新收）', f.handled],
    ['调解成功率（调解组织口径）', pct(f.mediationSuccess.organization.value)],
    ['调解成功率（统计公报口径）', pct(f.mediationSuccess.bulletin.value)],
    // Zhongcai's definitions (db/reports/special-cases.ts; domain.md §13.2), appended so the rows above keep their codes.
    ['法律援助：应结案件中劳动者获得法律援助的案件数', f.legalAid.cases, 'legalAid'],
    ['  其中：本期结案', f.legalAid.closed, 'legalAidClosed'],
    ['  获得法律援助的劳动者人数', f.legalAid.workers],
    ['重大集体劳动人事争议：应结案件数', f.majorCollective.cases, 'majorCollective'],
    ['  其中：本期结案', f.majorCollective.closed, 'majorCollectiveClosed'],
    ['  重大集体劳动人事争议劳动者人数', f.majorCollective.workers],
  ];
  const summary: ReportRow[] = rows.map(([label, value, measure, mode, filters], i) => ({
    code: String(i + 1),
    label,
    value,
    ...(measure ? { measure } : {}),
    ...(mode ? { mode } : {}),
    ...filters,
  }));
  return {
    title: '劳动人事争议仲裁处理情况',
    form: `参照${header.formNo}表式`,
    commission: opts.commission,
    header,
    from: q.from,
    to: q.to,
    asOf: q.asOf ?? null,
    incomplete,
    dataAsOf,
    generatedAt: opts.generatedAt,
    formulaVersion: f.formulaVersion,
    formulaLabel: formulaLabel(f.formulaVersion),
    summary,
    closure: f,
    breakdowns: groupBys.map((g) => ({ groupBy: g, title: BREAKDOWN_TITLES[g], groups: breakdowns[g] ?? [] })),
    monthly: await monthlyTrend(knex, q, f.carriedOver),
  };
}

/** The header fields as label/value pairs, in the form's order (printed above every copy of the report). */
export const headerFields = (h: ReportHeader): [string, string][] => [
  ['表号', h.formNo],
  ['制定机关', h.authority],
  ['批准文号', h.approvalNo],
  ['填报单位', h.unit],
  ['统计期间', h.period],
  ['负责人', h.principal],
  ['填表人', h.preparer],
  ['报出日期', h.reportedOn],
];

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
  // docs54 M1: each group's applications, as the drill-down (measure=received|rejected&groupBy&group) lists them.
  '收到申请',
  '不予受理',
];

/** An amount the report sums, with how many cases of it have none recorded (docs51 L6): "0.00（2件未登记金额）". */
const withUnrecorded = (amount: string, unrecorded: number): string => (unrecorded ? `${amount}（${unrecorded}件未登记金额）` : amount);

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
  g.applications.received,
  g.applications.rejected,
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

/** docs54 L4: what a report of a period not yet over says of itself. */
export const periodNotOver = (day: string) => `统计期间尚未结束，数据截至${day}`;

export function reportHeading(r: PeriodicReport): string {
  const notOver = r.dataAsOf ? `；${periodNotOver(r.dataAsOf)}，期末未结、期末逾期未结均为截至该日的数` : '';
  return `统计期间：${r.from} 至 ${r.to}${r.asOf ? `（按 ${r.asOf} 日终记录重算）` : ''}${notOver}；${r.formulaLabel}`;
}
