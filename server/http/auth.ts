import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { sha256 } from '../../app/passwords.ts';
import { Instant, Login, PasswordChange, User } from '../../app/schemas.ts';
import { changePassword, login, logout, logoutAll } from '../../app/users/sessions.ts';
import { bearerToken } from '../auth.ts';
import { noBody } from './parse.ts';
import { IdempotencyHeader, route } from './route.ts';
import { runWriteStaged } from './write.ts';

const LoginResult = z.strictObject({ token: z.string(), expiresAt: Instant, user: User }).openapi('LoginResult');

/** Login is the one /api route without a token; it is mounted before authentication. */
export function createLoginRouter(deps: Deps): Router {
  const router = Router();
  route(router, {
    method: 'post',
    path: '/api/auth/login',
    operationId: 'login',
    summary: '登录，取得访问令牌',
    description:
      '同一地址（LOGIN_MAX_FAILURES_PER_ADDRESS）或同一账号（LOGIN_MAX_FAILURES）在 LOGIN_WINDOW_MINUTES 内失败次数过多 → 429（Retry-After），在计算密码散列之前判断；只计失败的登录：正在核对密码的登录暂占名额，成功即归还，其占满余下名额时 → 429「同时进行的登录过多」（Retry-After: 2，不锁定）；' +
      '但该账号在 LOGIN_KNOWN_ADDRESS_DAYS（默认 90）天内成功登录过的地址，不因其他地址的失败而被拒绝（该地址自身的失败仍计入，满 LOGIN_MAX_FAILURES 次 → 429）；登录过于集中 → 503。',
    tags: ['auth'],
    auth: false,
    body: Login,
    responses: { 200: { description: '令牌与用户', schema: LoginResult } },
    problems: [401, 429],
    handler: async ({ req, body }) => ({ body: await login(deps, body, req.ip ?? '') }),
  });
  return router;
}

export function createAuthRouter(deps: Deps): Router {
  const router = Router();
  route(router, {
    method: 'post',
    path: '/api/auth/logout',
    operationId: 'logout',
    summary: '注销当前令牌',
    tags: ['auth'],
    responses: { 204: { description: '已注销' } },
    // No body, or {}: a field is 400 naming it, and nothing ends (sec51 L2).
    parseBody: noBody,
    handler: async ({ req, actor }) => {
      await logout(deps, actor, bearerToken(req) as string);
      return { status: 204, body: null };
    },
  });
  route(router, {
    method: 'post',
    path: '/api/auth/logout-all',
    operationId: 'logoutAll',
    summary: '在所有设备上注销（结束本人的全部令牌，包括当前令牌）',
    tags: ['auth'],
    responses: { 204: { description: '已全部注销' } },
    parseBody: noBody,
    handler: async ({ actor }) => {
      await logoutAll(deps, actor);
      return { status: 204, body: null };
    },
  });
  route(router, {
    method: 'post',
    path: '/api/auth/password',
    operationId: 'changePassword',
    summary: '修改本人密码（结束本人的其他令牌）',
    description: '当前密码错误 → 400（currentPassword），并计入账号的登录失败次数；新密码至少12个字符且不是常见密码。',
    tags: ['auth'],
    headers: IdempotencyHeader,
    body: PasswordChange,
    responses: { 204: { description: '已修改' } },
    problems: [429],
    handler: async ({ req, res, actor, body }) => {
      const current = sha256(bearerToken(req) as string);
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => changePassword(deps, actor, body, current, transact),
        () => ({ status: 204, body: null }),
      );
    },
  });
  route(router, {
    method: 'get',
    path: '/api/auth/me',
    operationId: 'me',
    summary: '当前用户',
    tags: ['auth'],
    responses: { 200: { description: '当前用户', schema: User } },
    handler: ({ req }) => ({ body: req.user }),
  });
  return router;
}
