import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { Amount, CaseState, Day, FractionSchema, Instant, IsoDate, listOf, Pagination } from '../../app/schemas.ts';
import { closureDrillDown, closureFigures, periodicReportFile } from '../../app/stats/closure.ts';
import { DRILL_MODES, MEASURES } from '../../db/reports/closure-rate.ts';
import { route } from './route.ts';

const GROUP_BYS = ['district', 'cause', 'procedure', 'wageArrears', 'arbitrator', 'ownership'] as const;

/**
 * A period's year follows the range of every other date parameter (IsoDate: 1900–2199); year 0999 made Date arithmetic
 * throw (a 500).
 */
export const Period = z
  .string()
  .regex(/^(19|20|21)\d{2}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期间应为 2026、2026-Q1 或 2026-03（年份 1900–2199）')
  .openapi({ description: '期间简写：年（2026）、季度（2026-Q1）或月（2026-03），年份 1900–2199；按 STATS_MONTH_START_DAY 定月界' });

const PeriodFields = {
  from: IsoDate.optional().openapi({ description: '起始日（含）' }),
  to: IsoDate.optional().openapi({ description: '截止日（含）' }),
  period: Period.optional(),
  asOf: IsoDate.optional().openapi({ description: '按该日日终（北京时间）的记录重算，用于复现已公布的数字' }),
};

const ClosureQuery = z.object({ ...PeriodFields, groupBy: z.enum(GROUP_BYS).optional() }).strict();
const CasesQuery = z
  .object({
    ...PeriodFields,
    measure: z.enum(MEASURES),
    groupBy: z.enum(GROUP_BYS).optional(),
    group: z.string().max(40).optional().openapi({
      description:
        '分组的 key（GET /api/stats/closure 各组的 key，如 collective、private、none；地区即其名称），不是标签；不是该 groupBy 的 key 时 400',
    }),
    mode: z.enum(DRILL_MODES).optional(),
    filedBy: z.enum(['worker', 'employer']).optional().openapi({ description: '劳动者申诉 / 用人单位申诉' }),
    result: z.enum(['worker', 'employer', 'both']).optional().openapi({ description: '劳动者胜诉 / 用人单位胜诉 / 双方部分胜诉' }),
    referred: z.enum(['true', 'false']).optional().openapi({ description: '经调解组织调解后申请仲裁' }),
    collective: z.enum(['true', 'false']).optional(),
    finality: z.enum(['final', 'mixed', 'non_final']).optional().openapi({
      description:
        '裁决的终局性：终局裁决 / 部分终局裁决（终局与非终局事项并存）/ 非终局裁决（与 measure=closed&mode=award 同用即报表的终局裁决数）',
    }),
    ...Pagination.shape,
  })
  .strict();
const ReportQuery = z
  .object({
    ...PeriodFields,
    format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
    reportedOn: IsoDate.optional().openapi({ description: '报出日期（缺省为今天）' }),
  })
  .strict();

const ByMode = z.strictObject({
  award: z.number().int(),
  mediation: z.number().int(),
  withdrawal: z.number().int(),
  other: z.number().int(),
});
const n = () => z.number().int();
const figuresShape = {
  carriedOver: n().openapi({ description: '上期未结：期初前受理、期初仍未结' }),
  accepted: n().openapi({ description: '本期受理（不含不予受理）' }),
  acceptedCollective: n().openapi({ description: '本期受理的集体争议' }),
  workers: n().openapi({ description: '本期受理案件的劳动者当事人数' }),
  workersCollective: n().openapi({ description: '其中集体争议的劳动者人数' }),
  closed: n().openapi({ description: '本期结案（上期未结与本期受理中，期内结案）' }),
  pending: n().openapi({ description: '期末未结 = 上期未结 + 本期受理 − 本期结案' }),
  closureRate: z.number().nullable().openapi({ description: '结案率 = 本期结案 ÷（上期未结 + 本期受理）；分母为0时为 null' }),
  closureRateFraction: FractionSchema,
  meetsTarget: z.boolean().nullable(),
  byMode: ByMode,
  finalAwards: n(),
  mixedAwards: n().openapi({ description: '部分终局、部分非终局的裁决' }),
  finalAwardShare: FractionSchema,
  mediatedOrFinalShare: FractionSchema.openapi({ description: '调解与终局裁决结案所占比例' }),
  averageDays: z.number().nullable(),
  overdue: n(),
  overdueDetail: z.strictObject({ closedLate: n(), pendingOverdue: n() }),
  amounts: z.strictObject({ claimed: Amount, awarded: Amount, mediated: Amount }),
  applications: z.strictObject({ received: n(), rejected: n() }),
  toClose: n().openapi({ description: '应结案件数 = 上期未结 + 本期受理' }),
  filedBy: z.strictObject({ worker: n(), employer: n() }).openapi({ description: '本期受理：劳动者申诉 / 用人单位申诉' }),
  acceptedReferred: n().openapi({ description: '本期受理中经调解组织调解后申请仲裁的' }),
  closedCollective: n(),
  workersClosed: n().openapi({ description: '结案案件劳动者当事人数' }),
  otherModes: z.strictObject({
    withdrawal: n(),
    deemedWithdrawal: n(),
    termination: n(),
    transfer: n(),
    other: n(),
  }),
  results: z.strictObject({ employer: n(), worker: n(), both: n() }).openapi({ description: '裁决、调解结案的处理结果' }),
};
const Special = (description: string) => z.strictObject({ cases: n(), workers: n(), closed: n() }).openapi({ description });
const GroupFigures = z
  .strictObject({
    ...figuresShape,
    key: z.string(),
    label: z.string(),
    legalAid: Special('本组的法律援助案件：应结案件数、获得法律援助的劳动者人数、其中本期结案数（下钻：groups 模板 measure=legalAid）'),
    majorCollective: Special('本组的重大集体劳动人事争议：应结案件数、劳动者人数、其中本期结案数（下钻：measure=majorCollective）'),
    mediatedWithoutAmount: n().openapi({ description: '本组本期调解结案中未登记调解金额的件数（不计入本组 amounts.mediated）' }),
  })
  .openapi('GroupFigures', { description: '一个分组（地区、争议原因、程序……）的同一组指标' });
const GroupBy = z.enum(GROUP_BYS);
const closureShape = {
  ...figuresShape,
  from: Day,
  to: Day,
  asOf: Day.nullable(),
  target: z.number().openapi({ description: '结案率目标（STATS_CLOSURE_TARGET）' }),
  targetText: z.string().openapi({ example: '0.98' }),
  mediationSuccessRate: z.number().nullable(),
  mediationSuccess: z.strictObject({
    shown: z.enum(['bulletin', 'organization']),
    organization: z.strictObject({ ...FractionSchema.shape, label: z.string() }),
    bulletin: z.strictObject({ ...FractionSchema.shape, label: z.string() }),
    mediationTrack: z.strictObject({
      received: n(),
      ended: n(),
      agreed: n(),
      referred: n(),
      carriedOver: n(),
      agreedAmount: Amount,
      agreedWithoutAmount: n().openapi({ description: '达成调解协议中未登记金额的件数（不计入 agreedAmount）' }),
    }),
  }),
  medianDays: z.number().nullable(),
  formulaVersion: z.string(),
  groupBy: GroupBy.optional(),
  groups: z.array(GroupFigures).optional(),
  reviews: z.strictObject({ carriedOver: n(), received: n(), closed: n() }),
  handled: n().openapi({ description: '案件办理数：仲裁应结 + 调解组织与仲裁审查在办、新收' }),
  mediatedWithoutAmount: n().openapi({ description: '本期调解结案中未登记调解金额的件数（不计入 amounts.mediated）' }),
  legalAid: z.strictObject({ cases: n(), workers: n(), closed: n() }).openapi({
    description:
      '法律援助（中裁口径）：应结案件中有劳动者获得法律援助（代理人类别 legal_aid）的案件数、获得法律援助的劳动者人数、其中本期结案数',
  }),
  majorCollective: z.strictObject({ cases: n(), workers: n(), closed: n() }).openapi({
    description: '重大集体劳动人事争议（主任标记或人数达到 MAJOR_COLLECTIVE_MIN_WORKERS）：应结案件数、劳动者人数、其中本期结案数',
  }),
};
const ClosureSchema = z
  .strictObject({
    ...closureShape,
    links: z
      .strictObject({
        carriedOver: z.string(),
        accepted: z.string(),
        closed: z.string(),
        pending: z.string(),
        overdue: z.string(),
        finalAwards: z.string(),
        mixedAwards: z.string(),
        legalAid: z.string(),
        legalAidClosed: z.string(),
        majorCollective: z.string(),
        majorCollectiveClosed: z.string(),
        groups: z.string().optional().openapi({ description: '分组的下钻地址模板（{key}、{measure}）' }),
      })
      .openapi({ description: '各数字背后案件清单的地址（GET /api/stats/closure/cases）' }),
  })
  .openapi('ClosureFigures');

const DrillCase = z
  .strictObject({
    id: z.number().int(),
    caseNo: z.string().nullable(),
    documentNo: z.string().nullable().openapi({
      description: '无案号案件的文书编号：不予受理的申请为不予受理通知书的不字号（劳动争议调解仲裁法第二十九条）；其他为 null',
    }),
    applicantNames: z.array(z.string()).openapi({ description: '申请人姓名或名称（不含身份证号码、联系方式）' }),
    respondentNames: z.array(z.string()).openapi({ description: '被申请人姓名或名称' }),
    state: CaseState,
    district: z.string(),
    cause: z.string(),
    procedure: z.string(),
    wageArrears: z.boolean(),
    receivedOn: Day,
    acceptedOn: Day.nullable(),
    closedOn: Day.nullable().openapi({
      description: '期末（to）以前的结案日；期末以后才结案的为 null（行按期末时的情况列出：closureMode、finality、daysToClose 亦为 null）',
    }),
    closedLaterOn: Day.nullable().openapi({ description: '期末以后结案的，其结案日（如期末未结、其后撤回的案件）；否则 null' }),
    closureMode: z.string().nullable(),
    finality: z.enum(['final', 'non_final', 'mixed']).nullable(),
    arbitratorId: z.number().int().nullable(),
    awardDueOn: Day.nullable(),
    daysToClose: z.number().int().nullable(),
    closedLate: z.boolean(),
    mediationOutcome: z.string().nullable(),
    setAside: z
      .strictObject({
        court: z.string(),
        decidedOn: Day,
        whole: z.boolean().openapi({ description: 'true：裁决整体被撤销；false：仅混合裁决的终局部分被撤销' }),
      })
      .nullable()
      .openapi({
        description:
          '人民法院撤销该案裁决（或混合裁决终局部分）的裁定（《劳动争议调解仲裁法》第四十九条），同案件摘要的 award.setAside；null：未被撤销',
      }),
  })
  .openapi('ClosureCase', { description: '统计数字背后的一件案件（统计行）' });
const ClosureCases = listOf(DrillCase, 'ClosureCases', {
  from: Day,
  to: Day,
  asOf: Day.nullable(),
  measure: z.enum(MEASURES),
  formulaVersion: z.string(),
});

const ReportRow = z.strictObject({
  code: z.string(),
  label: z.string(),
  value: z.union([z.number(), z.string()]).nullable(),
  measure: z.string().optional().openapi({ description: '下钻的指标（GET /api/stats/closure/cases 的 measure）' }),
  mode: z.string().optional(),
  finality: z.enum(['final', 'mixed']).optional().openapi({ description: '下钻时另加的 finality（终局、部分终局裁决）' }),
  collective: z.enum(['true']).optional().openapi({ description: '下钻时另加的 collective=true（集体争议受理、结案）' }),
  filedBy: z.enum(['worker', 'employer']).optional().openapi({ description: '下钻时另加的 filedBy（劳动者申诉 / 用人单位申诉）' }),
  result: z
    .enum(['worker', 'employer', 'both'])
    .optional()
    .openapi({ description: '下钻时另加的 result（劳动者胜诉 / 用人单位胜诉 / 双方部分胜诉）' }),
  referred: z.enum(['true']).optional().openapi({ description: '下钻时另加的 referred=true（经调解组织调解后申请仲裁）' }),
});
const PeriodicReport = z
  .strictObject({
    title: z.string(),
    form: z.string(),
    commission: z.string(),
    header: z.strictObject({
      formNo: z.string(),
      authority: z.string(),
      approvalNo: z.string(),
      unit: z.string(),
      period: z.string(),
      principal: z.string(),
      preparer: z.string(),
      reportedOn: Day,
    }),
    from: Day,
    to: Day,
    asOf: Day.nullable(),
    incomplete: z.boolean().openapi({ description: '统计期间尚未结束（今天或 asOf 不晚于/早于截止日）：期末数为截至 dataAsOf 的数' }),
    dataAsOf: Day.nullable().openapi({ description: '统计期间尚未结束时，数据截至之日（该日终，北京时间）；期间已结束为 null' }),
    generatedAt: Instant,
    formulaVersion: z.string(),
    formulaLabel: z.string().openapi({
      description: '统计口径的中文名称（由 formulaVersion 得出，如「结案率统计口径（2026年第4版）」），与各导出格式表头所印一致',
    }),
    summary: z.array(ReportRow),
    closure: z.strictObject(closureShape),
    breakdowns: z.array(z.strictObject({ groupBy: GroupBy, title: z.string(), groups: z.array(GroupFigures) })),
    monthly: z.array(
      z.strictObject({
        month: z.string().openapi({ example: '2026-03' }),
        from: Day,
        to: Day,
        accepted: n(),
        closed: n(),
        byMode: ByMode,
        cumulativeClosureRate: z.number().nullable(),
      }),
    ),
  })
  .openapi('PeriodicReport');

export function createStatsRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'get',
    path: '/api/stats/closure',
    operationId: 'closureFigures',
    summary: '仲裁结案率及相关指标（分析员、主任、管理员）',
    tags: ['stats'],
    query: ClosureQuery,
    responses: { 200: { description: '指标', schema: ClosureSchema } },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await closureFigures(deps, actor, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/stats/closure/cases',
    operationId: 'closureDrillDown',
    summary: '某一数字背后的案件清单',
    tags: ['stats'],
    query: CasesQuery,
    responses: {
      200: { description: '案件清单（列表信封 {items, total, page, pageSize}，另含期间与指标）', schema: ClosureCases },
    },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await closureDrillDown(deps, actor, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/stats/report',
    operationId: 'periodicReport',
    summary: '定期统计报表（参照人社统MA2）：json / csv / xlsx / pdf',
    tags: ['stats'],
    query: ReportQuery,
    responses: {
      200: {
        description: '报表（format 决定内容类型）',
        content: {
          'application/json': { schema: PeriodicReport },
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
    problems: [403, 422, 429],
    handler: async ({ res, actor, query }) => {
      const r = await periodicReportFile(deps, actor, query);
      if (r.format === 'json') return { body: r.body };
      res.setHeader('Content-Disposition', `attachment; filename="${r.filename}"`);
      res.type(r.contentType).send(r.bytes);
      return undefined;
    },
  });

  return router;
}
