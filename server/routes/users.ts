import { Router } from 'express';
import { z } from 'zod';
import { isUniqueViolation } from '../../db/knex.ts';
import { ROLE_CODES } from '../../workflows/reference.ts';
import { requireRole } from '../auth.ts';
import type { Deps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parse, runWrite } from '../http.ts';
import { hashPassword } from '../passwords.ts';
import { registry, User, UserCreate } from '../schemas.ts';

registry.registerPath({
  method: 'post',
  path: '/api/users',
  summary: '创建用户（管理员）',
  tags: ['users'],
  request: { body: { content: { 'application/json': { schema: UserCreate } } } },
  responses: { 201: { description: '已创建', content: { 'application/json': { schema: User } } }, 409: { description: '用户名已存在' } },
});
registry.registerPath({
  method: 'get',
  path: '/api/users',
  summary: '用户列表（管理员）',
  tags: ['users'],
  responses: { 200: { description: '用户', content: { 'application/json': { schema: z.array(User) } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/staff',
  summary: '在职人员名单（任何登录用户；用于选择仲裁员等）',
  tags: ['users'],
  request: { query: z.object({ role: z.enum(ROLE_CODES).optional() }) },
  responses: {
    200: {
      description: '人员',
      content: { 'application/json': { schema: z.array(User.pick({ id: true, displayName: true, role: true })) } },
    },
  },
});

export function createUsersRouter({ db, stores, clock }: Deps): Router {
  const router = Router();
  router.post('/users', async (req, res) => {
    const body = parse(UserCreate, req.body);
    requireRole(req, ['admin'], '创建用户');
    const passwordHash = await hashPassword(body.password);
    const now = clock.now().toISOString();
    try {
      await runWrite(db.knex, req, res, now, async (trx) => {
        const user = await stores.users.create(
          { username: body.username, displayName: body.displayName, role: body.role, passwordHash },
          now,
          trx,
        );
        return { status: 201, body: user };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new HttpError(409, 'duplicate', '用户名已存在', `用户名“${body.username}”已被使用`);
      throw err;
    }
  });
  router.get('/users', async (req, res) => {
    requireRole(req, ['admin'], '查看用户列表');
    res.json(await stores.users.list());
  });
  router.get('/staff', async (req, res) => {
    const { role } = parse(z.object({ role: z.enum(ROLE_CODES).optional() }).strict(), req.query);
    const all = await stores.users.list();
    res.json(
      all.filter((u) => u.active && (!role || u.role === role)).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role })),
    );
  });
  return router;
}
