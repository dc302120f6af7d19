import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { serviceUnavailable } from '../../app/errors.ts';
import { route } from './route.ts';

/** Service status, without a token: liveness for a load balancer or an operator. */
export function createServiceRouter(deps: Deps): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: '健康检查（数据库可用时 200）',
    tags: ['service'],
    auth: false,
    responses: {
      200: {
        description: '正常',
        schema: z.strictObject({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }).openapi('Health'),
      },
    },
    handler: async () => {
      try {
        await deps.db.knex.raw('select 1');
      } catch {
        throw serviceUnavailable('数据库未响应');
      }
      return { body: { status: 'ok', database: deps.db.dialect } };
    },
  });
  return router;
}
