import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { averageWages, replaceAverageWages } from '../../app/reference/average-wages.ts';
import { minimumWages, replaceMinimumWages } from '../../app/reference/minimum-wages.ts';
import { IsoDate, Money } from '../../app/schemas.ts';
import { CITY_WIDE } from '../../workflows/calculators/index.ts';
import { parseMoney } from '../../workflows/identifiers.ts';
import { DISTRICTS } from '../../workflows/reference.ts';
import { IdempotencyHeader, route } from './route.ts';
import { runWrite } from './write.ts';

/** A monthly wage of a reference table: more than zero (a zero standard makes every award final, a zero average caps at 0). */
const Monthly = Money.refine((m) => (parseMoney(m) ?? 1) > 0, '月工资标准应大于0');
const MinimumWage = z
  .object({
    district: z.enum(DISTRICTS),
    monthly: Monthly,
    effectiveFrom: IsoDate,
    source: z.string().trim().min(1).max(200).optional().openapi({ description: '依据（如省政府通知文号）' }),
    confirmed: z.boolean().optional().openapi({ description: '是否已对照官方文件核实' }),
  })
  .strict()
  .openapi('MinimumWage');
const MinimumWageTable = z.array(MinimumWage).max(1000);
// Replaced whole: an empty table would leave the final-award test (LDMAL Art. 47) without any standard.
const MinimumWageTableInput = MinimumWageTable.min(1, '最低工资标准表不能为空（整表替换）');
const AverageWage = z
  .object({
    district: z.enum([CITY_WIDE, ...DISTRICTS]).openapi({ description: '区县，或“全市”（适用于各区县）' }),
    year: z.number().int().min(1990).max(2199).openapi({ description: '统计年度（该数字所描述的年份）' }),
    monthly: Monthly.openapi({ description: '职工月平均工资（元）' }),
    publishedOn: IsoDate.optional().openapi({ description: '公布之日（“已公布的最近一个年度”读法需要）' }),
    source: z.string().trim().min(1).max(200).openapi({ description: '依据（公布文件、网址）' }),
    confirmed: z.boolean().optional().openapi({ description: '是否已对照公布文件核实；未核实的，计算结果会提示' }),
  })
  .strict()
  .openapi('AverageWage');
const AverageWageTable = z.array(AverageWage).max(1000);
// Replaced whole, like the minimum wages: an empty table would drop every year's average at once, and with it the
// 3× cap of LCL Art. 47(2) on every calculation (outside checker sec52 M1).
const AverageWageTableInput = AverageWageTable.min(1, '职工月平均工资表不能为空（整表替换）');

export function createReferenceRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'get',
    path: '/api/reference/minimum-wages',
    operationId: 'minimumWages',
    summary: '各区县月最低工资标准（终局裁决判断用）',
    tags: ['reference'],
    responses: { 200: { description: '全部标准', schema: MinimumWageTable } },
    handler: async () => ({ body: await minimumWages(deps) }),
  });

  route(router, {
    method: 'put',
    path: '/api/reference/minimum-wages',
    operationId: 'replaceMinimumWages',
    summary: '替换月最低工资标准表（管理员）',
    tags: ['reference'],
    headers: IdempotencyHeader,
    body: MinimumWageTableInput,
    responses: { 200: { description: '新表', schema: MinimumWageTable } },
    problems: [403],
    handler: async ({ req, res, actor, body }) => {
      await runWrite(
        deps,
        req,
        res,
        (uow) => replaceMinimumWages(deps, uow, actor, body),
        (table) => ({ status: 200, body: table }),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/reference/average-wages',
    operationId: 'averageWages',
    summary: '本地区职工月平均工资（经济补偿三倍封顶用，劳动合同法第四十七条第二款）',
    tags: ['reference'],
    responses: { 200: { description: '全部年度', schema: AverageWageTable } },
    handler: async () => ({ body: await averageWages(deps) }),
  });

  route(router, {
    method: 'put',
    path: '/api/reference/average-wages',
    operationId: 'replaceAverageWages',
    summary: '替换职工月平均工资表（管理员）',
    tags: ['reference'],
    headers: IdempotencyHeader,
    body: AverageWageTableInput,
    responses: { 200: { description: '新表', schema: AverageWageTable } },
    problems: [403],
    handler: async ({ req, res, actor, body }) => {
      await runWrite(
        deps,
        req,
        res,
        (uow) => replaceAverageWages(deps, uow, actor, body),
        (table) => ({ status: 200, body: table }),
      );
    },
  });

  return router;
}
