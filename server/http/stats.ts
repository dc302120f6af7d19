import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { IsoDate } from '../../app/schemas.ts';
import { closureDrillDown, closureFigures, periodicReportFile } from '../../app/stats/closure.ts';
import { DRILL_MODES, MEASURES } from '../../db/reports/closure-rate.ts';
import { route } from './route.ts';

const GROUP_BYS = ['district', 'cause', 'procedure', 'wageArrears', 'arbitrator', 'ownership'] as const;

const Period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期间应为 2026、2026-Q1 或 2026-03')
  .openapi({ description: '期间简写：年（2026）、季度（2026-Q1）或月（2026-03）；按 STATS_MONTH_START_DAY 定月界' });

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
    group: z.string().max(40).optional(),
    mode: z.enum(DRILL_MODES).optional(),
    filedBy: z.enum(['worker', 'employer']).optional().openapi({ description: '劳动者申诉 / 用人单位申诉' }),
    result: z.enum(['worker', 'employer', 'both']).optional().openapi({ description: '劳动者胜诉 / 用人单位胜诉 / 双方部分胜诉' }),
    referred: z.enum(['true', 'false']).optional().openapi({ description: '经调解组织调解后申请仲裁' }),
    collective: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
const ReportQuery = z
  .object({
    ...PeriodFields,
    format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
    reportedOn: IsoDate.optional().openapi({ description: '报出日期（缺省为今天）' }),
  })
  .strict();

const FractionSchema = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });
const FiguresSchema = z.object({
  carriedOver: z.number().openapi({ description: '上期未结：期初前受理、期初仍未结' }),
  accepted: z.number().openapi({ description: '本期受理（不含不予受理）' }),
  closed: z.number().openapi({ description: '本期结案（上期未结与本期受理中，期内结案）' }),
  pending: z.number().openapi({ description: '期末未结 = 上期未结 + 本期受理 − 本期结案' }),
  closureRate: z.number().nullable(),
  closureRateFraction: FractionSchema,
  meetsTarget: z.boolean().nullable(),
  byMode: z.object({ award: z.number(), mediation: z.number(), withdrawal: z.number(), other: z.number() }),
  overdue: z.number(),
  overdueDetail: z.object({ closedLate: z.number(), pendingOverdue: z.number() }),
  averageDays: z.number().nullable(),
  finalAwards: z.number(),
  finalAwardShare: FractionSchema,
  amounts: z.object({ claimed: z.string(), awarded: z.string(), mediated: z.string() }),
  applications: z.object({ received: z.number(), rejected: z.number() }),
  toClose: z.number().openapi({ description: '应结案件数 = 上期未结 + 本期受理' }),
  filedBy: z.object({ worker: z.number(), employer: z.number() }).openapi({ description: '本期受理：劳动者申诉 / 用人单位申诉' }),
  acceptedReferred: z.number().openapi({ description: '本期受理中经调解组织调解后申请仲裁的' }),
  closedCollective: z.number(),
  workersClosed: z.number().openapi({ description: '结案案件劳动者当事人数' }),
  otherModes: z.object({
    withdrawal: z.number(),
    deemedWithdrawal: z.number(),
    termination: z.number(),
    transfer: z.number(),
    other: z.number(),
  }),
  results: z.object({ employer: z.number(), worker: z.number(), both: z.number() }).openapi({ description: '裁决、调解结案的处理结果' }),
});
const ClosureSchema = FiguresSchema.extend({
  from: z.string(),
  to: z.string(),
  asOf: z.string().nullable(),
  target: z.number(),
  mediationSuccessRate: z.number().nullable(),
  mediationSuccess: z.object({
    shown: z.enum(['bulletin', 'organization']),
    organization: FractionSchema.extend({ label: z.string() }),
    bulletin: FractionSchema.extend({ label: z.string() }),
  }),
  medianDays: z.number().nullable(),
  formulaVersion: z.string(),
  reviews: z.object({ carriedOver: z.number(), received: z.number(), closed: z.number() }),
  handled: z.number().openapi({ description: '案件办理数：仲裁应结 + 调解组织与仲裁审查在办、新收' }),
  groups: z.array(FiguresSchema.extend({ key: z.string(), label: z.string() })).optional(),
}).openapi('ClosureFigures');

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
      200: {
        description: '{items, total}',
        schema: z.object({ items: z.array(z.record(z.string(), z.unknown())), total: z.number().int() }).passthrough(),
      },
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
        description: '报表（format 决定内容类型：application/json、text/csv、xlsx、application/pdf）',
        schema: z.record(z.string(), z.unknown()),
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
