import { Router } from 'express';
import { z } from 'zod';
import { claimHistory } from '../../app/cases/claim-history.ts';
import type { Deps } from '../../app/deps.ts';
import { assertRoleMayReadClaimHistory } from '../../app/policy.ts';
import { Amount, Day } from '../../app/schemas.ts';
import { PathId, route } from './route.ts';

const Params = z.object({
  id: PathId,
  claimId: PathId.openapi({ example: 2 }),
});
const Money = Amount;
const ClaimHistory = z
  .strictObject({
    claimId: z.number().int(),
    seq: z.number().int().nullable(),
    category: z.string(),
    categoryLabel: z.string(),
    description: z.string(),
    claimed: Money.nullable().openapi({ description: '最初请求的金额' }),
    current: Money.nullable().openapi({ description: '现在的请求金额（变更后）' }),
    withdrawn: z.boolean(),
    award: z
      .strictObject({ on: Day, partial: z.boolean(), outcome: z.string(), outcomeLabel: z.string(), amount: Money, final: z.boolean() })
      .nullable(),
    challenged: z.boolean().openapi({ description: '起诉或申请撤销涉及本项' }),
    court: z
      .strictObject({
        result: z.enum(['upheld', 'changed', 'revoked', 'no_effect', 'unspecified']),
        resultLabel: z.string(),
        amount: Money.nullable(),
        on: Day,
        via: z.enum(['suit', 'set_aside']),
      })
      .nullable(),
    upheld: Money.nullable().openapi({ description: '最终确定的金额（法院维持、改判或裁决生效后）；未确定为 null' }),
    settled: z.boolean(),
    status: z.string(),
    line: z.array(
      z.strictObject({
        seq: z.number().int(),
        on: Day,
        type: z.string(),
        stage: z.string(),
        text: z.string(),
        amount: Money.nullable().optional(),
      }),
    ),
  })
  .openapi('ClaimHistory');

export function createClaimsRouter(deps: Deps): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/api/cases/{id}/claims/{claimId}/history',
    operationId: 'claimHistory',
    summary: '一项仲裁请求的全过程：请求、变更、调解、裁决（终局与否）、法院结果、执行',
    tags: ['cases'],
    params: Params,
    responses: { 200: { description: '请求轨迹', schema: ClaimHistory } },
    problems: [403],
    authorize: assertRoleMayReadClaimHistory,
    handler: async ({ actor, params }) => ({ body: await claimHistory(deps, actor, params.id, params.claimId) }),
  });
  return router;
}
