import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { User, UserCreate } from '../../app/schemas.ts';
import { createUser, listUsers, staff } from '../../app/users/users.ts';
import { ROLE_CODES } from '../../workflows/reference.ts';
import { IdempotencyHeader, route } from './route.ts';
import { runWriteStaged } from './write.ts';

export function createUsersRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'post',
    path: '/api/users',
    operationId: 'createUser',
    summary: '创建用户（管理员）',
    tags: ['users'],
    headers: IdempotencyHeader,
    body: UserCreate,
    responses: { 201: { description: '已创建', schema: User } },
    problems: [403, 409],
    handler: async ({ req, res, actor, body }) => {
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => createUser(deps, actor, body, transact),
        (u) => ({ status: 201, body: u, headers: { Location: `/api/users/${u.id}` } }),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/users',
    operationId: 'listUsers',
    summary: '用户列表（管理员）',
    tags: ['users'],
    responses: { 200: { description: '用户', schema: z.array(User) } },
    problems: [403],
    handler: async ({ actor }) => ({ body: await listUsers(deps, actor) }),
  });

  route(router, {
    method: 'get',
    path: '/api/staff',
    operationId: 'listStaff',
    summary: '在职人员名单（任何登录用户；用于选择仲裁员等）',
    tags: ['users'],
    query: z.object({ role: z.enum(ROLE_CODES).optional() }).strict(),
    responses: {
      200: { description: '人员', schema: z.array(User.pick({ id: true, displayName: true, role: true }).openapi('StaffMember')) },
    },
    handler: async ({ query }) => ({ body: await staff(deps, query.role) }),
  });

  return router;
}
