import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { Login, User } from '../../app/schemas.ts';
import { LoginLimiter, login, logout } from '../../app/users/sessions.ts';
import { bearerToken } from '../auth.ts';
import { route } from './route.ts';

const LoginResult = z
  .object({ token: z.string(), expiresAt: z.string().openapi({ format: 'date-time' }), user: User })
  .openapi('LoginResult');

/** Login is the one /api route without a token; it is mounted before authentication. */
export function createLoginRouter(deps: Deps): Router {
  const router = Router();
  const limiter = new LoginLimiter(deps.clock, deps.config.loginMaxFailures, deps.config.loginWindowMinutes * 60_000);
  route(router, {
    method: 'post',
    path: '/api/auth/login',
    operationId: 'login',
    summary: '登录，取得访问令牌',
    tags: ['auth'],
    auth: false,
    body: Login,
    responses: { 200: { description: '令牌与用户', schema: LoginResult } },
    problems: [401, 429],
    handler: async ({ req, body }) => ({ body: await login(deps, limiter, body, req.ip ?? '') }),
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
    handler: async ({ req }) => {
      await logout(deps, bearerToken(req) as string);
      return { status: 204, body: null };
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
