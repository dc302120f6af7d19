import { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { AREA_ROLES, assertRole } from '../../app/policy.ts';
import { Instant, IsoDate, listOf, Pagination, PasswordReset, QueryId, User, UserCreate, UserPatch } from '../../app/schemas.ts';
import { listAccessLog } from '../../app/security/access-log.ts';
import { createUser, getUser, listUsers, resetPassword, staff, updateUser } from '../../app/users/users.ts';
import { ROLE_CODES } from '../../workflows/reference.ts';
import { CreatedHeaders, IdempotencyHeader, IdParams, route } from './route.ts';
import { runWrite, runWriteStaged } from './write.ts';

const AccessLogEntry = z
  .strictObject({
    id: z.number().int(),
    at: Instant,
    user: z.strictObject({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.string() }),
    action: z.enum(['read_case', 'read_history', 'download_document', 'download_court_package']),
    caseId: z.number().int().nullable(),
    caseNo: z.string().nullable(),
    documentNo: z.string().nullable().openapi({
      description: '无案号的案件以其文书编号标明：不予受理的申请为不予受理通知书的不字号，仲裁审查为审字号；有案号或未取号时为 null',
    }),
    documentId: z.number().int().nullable().openapi({ description: '下载的文书编号（download_document）；其他操作为 null' }),
    courtPackageId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: '下载的移送材料包编号（download_court_package，GET /api/court-packages/{id}）；其他操作为 null' }),
  })
  .openapi('AccessLogEntry');

/**
 * A court package's download names the package (outside tester s45 L3: its id was answered as `documentId`, the id of
 * another document or none). The row keeps the package's id in its document column (app/court-package/generate.ts).
 */
const withCourtPackage = <T extends { action: string; documentId: number | null }>(x: T) =>
  x.action === 'download_court_package' ? { ...x, documentId: null, courtPackageId: x.documentId } : { ...x, courtPackageId: null };

const AccessLogQuery = Pagination.extend({
  userId: QueryId.optional(),
  caseId: QueryId.optional(),
  action: z.enum(['read_case', 'read_history', 'download_document', 'download_court_package']).optional(),
  // Real dates in the range of every other date parameter (1900–2199): 2026-02-30 is no day, and 9999-12-31 turned
  // into an instant past year 9999 that compared below every entry (0 items).
  from: IsoDate.optional().openapi({ description: '起始日（含，北京时间）' }),
  to: IsoDate.optional().openapi({ description: '截止日（含，北京时间）' }),
})
  .strict()
  // A pure input check, so it is a 400 before the role's 403 (api.md order).
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '截止日不能早于起始日' });
  });

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
    responses: { 201: { description: '已创建', schema: User, headers: CreatedHeaders } },
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
    query: Pagination.strict(),
    responses: { 200: { description: '用户', schema: listOf(User, 'UserPage') } },
    problems: [403],
    handler: async ({ actor, query }) => ({ body: await listUsers(deps, actor, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/users/{id}',
    operationId: 'getUser',
    summary: '一位用户（管理员）',
    tags: ['users'],
    params: IdParams,
    responses: { 200: { description: '用户', schema: User } },
    authorize: (actor) => assertRole(actor, AREA_ROLES.users, '查看用户'),
    handler: async ({ actor, params }) => ({ body: await getUser(deps, actor, params.id) }),
  });

  route(router, {
    method: 'patch',
    path: '/api/users/{id}',
    operationId: 'updateUser',
    summary: '停用/启用用户、修改角色或显示名（管理员；最后一位在职管理员不能停用或降级）',
    tags: ['users'],
    params: IdParams,
    headers: IdempotencyHeader,
    body: UserPatch,
    responses: { 200: { description: '修改后的用户', schema: User } },
    problems: [403, 422],
    authorize: (actor) => assertRole(actor, AREA_ROLES.users, '修改用户'),
    handler: async ({ req, res, actor, params, body }) => {
      await runWrite(
        deps,
        req,
        res,
        (uow) => updateUser(deps, uow, actor, params.id, body),
        (u) => ({ status: 200, body: u }),
      );
    },
  });

  route(router, {
    method: 'post',
    path: '/api/users/{id}/password-reset',
    operationId: 'resetPassword',
    summary: '重置用户密码（管理员）：设定临时密码，用户下次登录须修改；结束该用户的全部令牌',
    tags: ['users'],
    params: IdParams,
    headers: IdempotencyHeader,
    body: PasswordReset,
    responses: { 200: { description: '已重置', schema: User } },
    problems: [403],
    authorize: (actor) => assertRole(actor, AREA_ROLES.users, '重置密码'),
    handler: async ({ req, res, actor, params, body }) => {
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => resetPassword(deps, actor, params.id, body, transact),
        (u) => ({ status: 200, body: u }),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/staff',
    operationId: 'listStaff',
    summary: '在职人员名单（任何登录用户；用于选择仲裁员等）',
    tags: ['users'],
    query: Pagination.extend({ role: z.enum(ROLE_CODES).optional() }).strict(),
    responses: {
      200: {
        description: '人员（按编号）',
        schema: listOf(User.pick({ id: true, displayName: true, role: true }).openapi('StaffMember'), 'StaffPage'),
      },
    },
    handler: async ({ query }) => ({ body: await staff(deps, query) }),
  });

  route(router, {
    method: 'get',
    path: '/api/access-log',
    operationId: 'accessLog',
    summary: '访问记录：谁在何时读取了哪件案件的完整信息、下载了哪份文书（管理员、仲裁委/院领导）',
    tags: ['users'],
    query: AccessLogQuery,
    responses: { 200: { description: '最新在前', schema: listOf(AccessLogEntry, 'AccessLogPage') } },
    problems: [403],
    handler: async ({ actor, query }) => {
      const page = await listAccessLog(deps, actor, query);
      return { body: { ...page, items: page.items.map(withCourtPackage) } };
    },
  });

  return router;
}
