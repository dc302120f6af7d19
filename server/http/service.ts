import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { databaseFaultError, serviceUnavailable } from '../../app/errors.ts';
import { Day, Instant } from '../../app/schemas.ts';
import { type Readiness, serviceStatus } from '../../app/service/status.ts';
import type { Lifecycle } from '../lifecycle.ts';
import { route } from './route.ts';

/** How long `/readyz` waits for the database before it answers 503 (a frozen database must not hang the probe). */
const READY_TIMEOUT_MS = 3_000;

/**
 * Service status, without a token. `/healthz` is liveness: the process answers (it never touches the database, so
 * an orchestrator does not restart healthy processes during a database outage). `/readyz` is readiness: the database
 * answers and accepts a write, and the process is not shutting down — a load balancer sends traffic only then.
 */
export function createServiceRouter(deps: Deps, lifecycle: Lifecycle, readiness: Readiness): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/healthz',
    anyQuery: true,
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
    anyQuery: true,
    operationId: 'ready',
    summary: '就绪检查（数据库可读可写、未在停止中时 200）',
    description:
      '证明数据库可写：本进程至多每 5 秒向 service_heartbeats 写入一行（一次很小的提交），其间的检查沿用最近一次成功；写入失败不沿用，下一次检查重新写入。数据库不可用、繁忙、空间不足或 3 秒内无响应时 503（Retry-After）。不公开进程名与巡检结果：见 GET /api/service/status（管理员）。',
    tags: ['service'],
    auth: false,
    responses: {
      200: {
        description: '可以接收请求',
        schema: z.strictObject({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }).openapi('Ready'),
      },
    },
    handler: async () => {
      if (lifecycle.shuttingDown) throw serviceUnavailable('服务正在停止', 5);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          readiness.check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(serviceUnavailable('数据库在 3 秒内没有响应', 5)), READY_TIMEOUT_MS);
          }),
        ]);
        return { body: { status: 'ready', database: deps.db.dialect } };
      } catch (err) {
        throw databaseFaultError(err) ?? err;
      } finally {
        clearTimeout(timer);
      }
    },
  });
  return router;
}

const SweepSummary = z
  .strictObject({
    day: Day,
    holder: z.string(),
    startedAt: Instant,
    finishedAt: Instant.nullable(),
    cases: z.number().int().nullable(),
    deadlinesChanged: z.number().int().nullable(),
    alertsRecorded: z.number().int().nullable(),
    chainOk: z.boolean().nullable(),
    chainAnchor: z.string().nullable(),
  })
  .openapi('SweepSummary');

/** The service's state for the admin (what `/readyz` does not tell anonymous callers). */
export function createServiceStatusRouter(deps: Deps, self: { instance: string; startedAt: string; readiness: Readiness }): Router {
  const router = Router();
  route(router, {
    method: 'get',
    path: '/api/service/status',
    operationId: 'serviceStatus',
    summary: '服务状态（管理员）：本进程、各进程心跳、最近一次每日巡检及历史记录哈希链校验',
    tags: ['service'],
    responses: {
      200: {
        description: '服务状态',
        schema: z
          .strictObject({
            instance: z.string().openapi({ description: '应答的进程（主机名:进程号）' }),
            startedAt: Instant,
            database: z.enum(['sqlite', 'postgres']),
            heartbeatAt: Instant.nullable().openapi({ description: '本进程最近一次证明数据库可写的时间' }),
            processes: z
              .array(
                z.strictObject({
                  instance: z.string(),
                  startedAt: Instant,
                  seenAt: Instant.openapi({ description: '该进程最近一次心跳（每个进程每 30 秒写一次，/readyz 探测时也写）' }),
                  codeVersion: z.string().nullable().openapi({
                    description:
                      '该进程运行的代码版本（其所知的最新数据库迁移名）；null 为早于该字段的版本。迁移要求重算统计时，待各存活进程均为同一版本后才重算（滚动升级中不重算）',
                  }),
                  alive: z
                    .boolean()
                    .openapi({ description: 'seenAt 晚于当前时间前 90 秒（连续三次心跳未写入即为 false：进程已停止或卡住）' }),
                }),
              )
              .openapi({ description: '各进程的心跳，最新在前；已停止的进程保留至每日巡检清理' }),
            lastSweep: SweepSummary.nullable().openapi({
              description:
                '最近一日的每日巡检；同一日巡检多次（定时一次，再强制一次）的，合计为一条：startedAt 为当日首次开始，finishedAt 为最近一次结束，cases、deadlinesChanged、alertsRecorded 为当日各次之和（sec51 L4）；chainOk=false 表示历史记录被篡改（详见日志与 npm run audit:verify）',
            }),
          })
          .openapi('ServiceStatus'),
      },
    },
    problems: [403],
    handler: async ({ actor }) => ({ body: await serviceStatus(deps, actor, self) }),
  });
  return router;
}
