import { Router } from 'express';
import { z } from 'zod';
import { currentUser, LoginLimiter } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { unauthorized } from '../errors.ts';
import { parse } from '../http.ts';
import { DUMMY_HASH, newToken, sha256, verifyPassword } from '../passwords.ts';
import { Login, registry, User } from '../schemas.ts';

registry.registerPath({
  method: 'post',
  path: '/api/auth/login',
  summary: '登录，取得访问令牌',
  tags: ['auth'],
  request: { body: { content: { 'application/json': { schema: Login } } } },
  responses: {
    200: {
      description: '令牌与用户',
      content: { 'application/json': { schema: z.object({ token: z.string(), expiresAt: z.string(), user: User }) } },
    },
    401: { description: '用户名或密码错误' },
    429: { description: '失败次数过多' },
  },
});
registry.registerPath({
  method: 'post',
  path: '/api/auth/logout',
  summary: '注销当前令牌',
  tags: ['auth'],
  responses: { 204: { description: '已注销' } },
});
registry.registerPath({
  method: 'get',
  path: '/api/auth/me',
  summary: '当前用户',
  tags: ['auth'],
  responses: { 200: { description: '当前用户', content: { 'application/json': { schema: User } } } },
});

/** Login is the one /api route without a token; it is mounted before authentication. */
export function createLoginRouter({ stores, clock, config }: Deps): Router {
  const router = Router();
  const limiter = new LoginLimiter(clock, config.loginMaxFailures, config.loginWindowMinutes * 60_000);
  router.post('/api/auth/login', async (req, res) => {
    const body = parse(Login, req.body);
    const key = `${body.username}\u0000${req.ip}`;
    limiter.check(key);
    const user = await stores.users.findByUsername(body.username);
    // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      limiter.fail(key);
      throw unauthorized('用户名或密码错误');
    }
    limiter.succeed(key);
    const token = newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.tokenTtlHours * 3_600_000).toISOString();
    await stores.users.createToken(user.id, sha256(token), now.toISOString(), expiresAt);
    const { passwordHash: _, ...publicUser } = user;
    res.json({ token, expiresAt, user: publicUser });
  });
  return router;
}

export function createAuthRouter({ stores, clock }: Deps): Router {
  const router = Router();
  router.post('/logout', async (req, res) => {
    const token = (req.get('authorization') ?? '').replace(/^Bearer\s+/, '');
    await stores.users.revokeToken(sha256(token), clock.now().toISOString());
    res.status(204).end();
  });
  router.get('/me', (req, res) => {
    res.json(currentUser(req));
  });
  return router;
}
