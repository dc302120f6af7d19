import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { minimumWages, replaceMinimumWages } from '../../app/reference/minimum-wages.ts';
import { IsoDate, Money } from '../../app/schemas.ts';
import { DISTRICTS } from '../../workflows/reference.ts';
import { route } from './route.ts';
import { runWrite } from './write.ts';

const MinimumWage = z
  .object({
    district: z.enum(DISTRICTS),
    monthly: Money,
    effectiveFrom: IsoDate,
    source: z.string().trim().min(1).max(200).optional().openapi({ description: '依据（如省政府通知文号）' }),
    confirmed: z.boolean().optional().openapi({ description: '是否已对照官方文件核实' }),
  })
  .strict()
  .openapi('MinimumWage');
const MinimumWageTable = z.array(MinimumWage).max(1000);

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
    body: MinimumWageTable,
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

  return router;
}
