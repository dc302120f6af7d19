import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { databaseFaultError, serviceUnavailable } from '../../app/errors.ts';
import { Day, Instant } from '../../app/schemas.ts';
import { instanceName } from '../../app/time/sweep.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { route } from './route.ts';

/** How long `/readyz` waits for the database before it answers 503 (a frozen database must not hang the probe). */
const READY_TIMEOUT_MS = 3_000;

/**
 * Service status, without a token. `/healthz` is liveness: the process answers (it never touches the database, so
 * an orchestrator does not restart healthy processes during a database outage). `/readyz` is readiness: the database
 * answers and accepts a write, and the process is not shutting down — a load balancer sends traffic only then.
 */
export function createServiceRouter(deps: Deps, lifecycle: Lifecycle): Router {
  const router = Router();
  const instance = instanceName();
  route(router, {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: '存活检查（进程在运行即 200，不访问数据库）',
    tags: ['service'],
    auth: false,
    responses: {
      200: {
        description: '进程在运行',
        schema: z.strictObject({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }).openapi('Health'),
      },
    },
    handler: async () => ({ body: { status: 'ok', database: deps.db.dialect } }),
  });

  route(router, {
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: '就绪检查（数据库可读可写、未在停止中时 200）',
    description:
      '每次检查向 service_heartbeats 写入本进程的一行（一次很小的提交）以证明数据库可写；数据库不可用、繁忙、空间不足或 3 秒内无响应时 503（Retry-After）。lastSweep 为最近一次每日巡检的结果（含历史记录哈希链校验）。',
    tags: ['service'],
    auth: false,
    responses: {
      200: {
        description: '可以接收请求',
        schema: z
          .strictObject({
            status: z.literal('ready'),
            database: z.enum(['sqlite', 'postgres']),
            instance: z.string(),
            lastSweep: z
              .strictObject({ day: Day, finishedAt: Instant.nullable(), chainOk: z.boolean().nullable() })
              .nullable()
              .openapi({ description: '最近一次每日巡检；chainOk=false 表示历史记录被篡改（详见日志与 npm run audit:verify）' }),
          })
          .openapi('Ready'),
      },
    },
    handler: async () => {
      if (lifecycle.shuttingDown) throw serviceUnavailable('服务正在停止', 5);
      const check = async () => {
        await deps.stores.housekeeping.heartbeat(deps.db.knex, instance, lifecycle.startedAt, deps.clock.now().toISOString());
        return deps.stores.housekeeping.lastSweep(deps.db.reader);
      };
      let timer: NodeJS.Timeout | undefined;
      try {
        const last = await Promise.race([
          check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(serviceUnavailable('数据库在 3 秒内没有响应', 5)), READY_TIMEOUT_MS);
          }),
        ]);
        return {
          body: {
            status: 'ready',
            database: deps.db.dialect,
            instance,
            lastSweep: last ? { day: last.day, finishedAt: last.finishedAt, chainOk: last.chainOk } : null,
          },
        };
      } catch (err) {
        throw databaseFaultError(err) ?? err;
      } finally {
        clearTimeout(timer);
      }
    },
  });
  return router;
}
