import { Router } from 'express';
import { z } from 'zod';
import { calculateForActor } from '../../app/calculators/calculate.ts';
import { CALCULATOR_INPUTS, CalculationResult, CalculatorKindEnum } from '../../app/calculators/schemas.ts';
import type { Deps } from '../../app/deps.ts';
import { own } from '../../app/own.ts';
import { AREA_ROLES, assertRole } from '../../app/policy.ts';
import { CALCULATOR_KINDS } from '../../workflows/calculators/index.ts';
import { parse } from './parse.ts';
import { route } from './route.ts';

const KindParams = z.object({
  kind: CalculatorKindEnum.openapi({
    description: Object.entries(CALCULATOR_KINDS)
      .map(([k, v]) => `${k}：${v}`)
      .join('；'),
  }),
});
const AnyInput = z
  .union(Object.values(CALCULATOR_INPUTS) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
  .openapi('CalculatorInput', { description: '按 kind 取对应的输入' });

export function createCalculatorsRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'post',
    path: '/api/calculators/{kind}',
    operationId: 'calculate',
    summary: '劳动争议计算器：经济补偿、赔偿金、二倍工资、加班工资、未休年休假工资、代通知金（只计算，不保存）',
    description:
      '金额以分精确计算，取整规则写在计算过程中。结果是建议：仲裁员在裁决书中采纳或修改；裁决项可保存计算（items[].calculation），由服务器复算。法律未定之处按本委配置的读法（CALCULATOR_READINGS）计算，可在请求中另选。',
    tags: ['calculators'],
    params: KindParams,
    body: AnyInput,
    // The body's schema follows the kind in the path (an unknown kind is a 404 from the path parameter): looked up among
    // the kinds only — `toString`, `__proto__` … are no kind (an outside security tester's finding: a 500).
    parseBody: (raw, req) => {
      const schema = own(CALCULATOR_INPUTS, String(req.params.kind));
      return (schema ? parse(schema, raw) : raw) as z.infer<typeof AnyInput>;
    },
    responses: { 200: { description: '计算结果与计算过程', schema: CalculationResult } },
    problems: [403],
    authorize: (actor) => assertRole(actor, AREA_ROLES.calculators, '使用计算器'),
    handler: async ({ actor, params, body }) => ({
      body: await calculateForActor(deps, actor, params.kind, body as Record<string, unknown>),
    }),
  });

  return router;
}
