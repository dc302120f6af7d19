import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { Amount, Day, FractionSchema, IsoDate, listOf, Pagination } from '../../app/schemas.ts';
import { claimStatistics, claimStatisticsDrillDown } from '../../app/stats/claims.ts';
import { CLAIM_MEASURES } from '../../db/reports/claim-outcomes.ts';
import { CLAIM_CATEGORY_CODES } from '../../workflows/reference.ts';
import { route } from './route.ts';
import { Period } from './stats.ts';

const PeriodFields = {
  from: IsoDate.optional().openapi({ description: '起始日（含）：期间内作出的裁决' }),
  to: IsoDate.optional().openapi({ description: '截止日（含）' }),
  period: Period.optional(),
  asOf: IsoDate.optional().openapi({ description: '按该日日终的记录重算' }),
};
const Figures = {
  items: z.number().openapi({ description: '期间内作出裁决的请求项数' }),
  claimed: Amount.openapi({ description: '这些请求的请求金额（元）' }),
  awarded: Amount.openapi({ description: '裁决金额（元）' }),
  settled: z.number().openapi({ description: '最终金额已确定的项数（法院已处理，或未起诉且裁决已生效/终局）' }),
  settledAwarded: Amount.openapi({ description: '已确定项的裁决金额（元）' }),
  upheld: Amount.openapi({ description: '已确定项最终确定的金额（元）' }),
  challenged: z.number().openapi({ description: '起诉或申请撤销涉及的项数' }),
  courtDecided: z.number().openapi({ description: '其中法院已作出处理的' }),
  courtChanged: z.number().openapi({ description: '被法院改判、撤销或认定裁决不生效的' }),
  changedShare: FractionSchema.openapi({ description: '改变率 = 被改变 ÷ 法院已处理' }),
  changedOfAwarded: FractionSchema.openapi({ description: '被改变 ÷ 裁决项数' }),
};
const ClaimStatistics = z
  .strictObject({
    from: Day,
    to: Day,
    asOf: Day.nullable(),
    formulaVersion: z.string(),
    ...Figures,
    categories: z.array(z.strictObject({ key: z.enum(CLAIM_CATEGORY_CODES), label: z.string(), ...Figures })),
    links: z.strictObject({ claims: z.string().openapi({ description: '下钻地址模板（{measure}、{key}）' }) }),
  })
  .openapi('ClaimStatistics');
const ClaimCases = listOf(
  z
    .strictObject({
      caseId: z.number().int(),
      caseNo: z.string().nullable(),
      claimId: z.number().int(),
      category: z.enum(CLAIM_CATEGORY_CODES),
      awardedOn: Day,
      claimed: Amount,
      awarded: Amount,
      challenged: z.boolean(),
      court: z.string().nullable(),
      upheld: Amount.nullable(),
    })
    .openapi('ClaimStatisticsCase'),
  'ClaimStatisticsCases',
  { from: Day, to: Day, asOf: Day.nullable(), measure: z.enum(CLAIM_MEASURES), formulaVersion: z.string() },
);

export function createClaimStatsRouter(deps: Deps): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/api/stats/claims',
    operationId: 'claimStatistics',
    summary: '请求金额、裁决金额与最终确定金额，及法院改变裁决的比例（按请求类别）',
    tags: ['stats'],
    query: z.object(PeriodFields).strict(),
    responses: { 200: { description: '统计', schema: ClaimStatistics } },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await claimStatistics(deps, actor, query) }),
  });
  route(router, {
    method: 'get',
    path: '/api/stats/claims/cases',
    operationId: 'claimStatisticsDrillDown',
    summary: '上述数字所对应的请求项',
    tags: ['stats'],
    query: z
      .object({
        ...PeriodFields,
        measure: z.enum(CLAIM_MEASURES),
        category: z.enum(CLAIM_CATEGORY_CODES).optional(),
        ...Pagination.shape,
      })
      .strict(),
    responses: { 200: { description: '请求项', schema: ClaimCases } },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await claimStatisticsDrillDown(deps, actor, query) }),
  });
  return router;
}
