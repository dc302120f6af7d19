import { Router } from 'express';
import { z } from 'zod';
import { assertMayReplayCaseView, caseDeadlines, caseHistory, getCase, listCases } from '../../app/cases/queries.ts';
import { checkRegistrationDates, registrationDateErrorsOfRaw, submitRegistration } from '../../app/cases/register-case.ts';
import { updateRegistration } from '../../app/cases/update-registration.ts';
import type { Deps } from '../../app/deps.ts';
import { assertMayMarkMajor, assertRoleMayEditRegistration } from '../../app/policy.ts';
import {
  Case,
  CaseCreate,
  CaseEvent,
  CaseListQuery,
  CasePatch,
  CaseState,
  CaseSummary,
  Deadline,
  listOf,
  RegisteredCase,
  UpdatedCase,
} from '../../app/schemas.ts';
import { ifMatch } from './parse.ts';
import { CreatedHeaders, ETagHeader, IdempotencyHeader, IdParams, route, WriteHeaders } from './route.ts';
import { runWrite, runWriteStaged } from './write.ts';

const caseHeaders = (view: { version: number }) => ({ ETag: `"${view.version}"` });

export function createCasesRouter(deps: Deps): Router {
  const router = Router();

  route(router, {
    method: 'post',
    path: '/api/cases',
    operationId: 'registerCase',
    summary: '登记仲裁申请或案前调解（书记员；调解亦可由调解员登记）',
    tags: ['cases'],
    headers: IdempotencyHeader,
    body: CaseCreate,
    alsoWhenInvalid: (raw) => registrationDateErrorsOfRaw(raw, deps.clock.today()),
    responses: {
      201: {
        description: '已登记（warnings：同一当事人之间的在先案件提示）',
        schema: RegisteredCase,
        headers: z.object({ ...CreatedHeaders.shape, ...ETagHeader.shape }),
      },
    },
    problems: [403, 422],
    handler: async ({ req, res, actor, body }) => {
      // Pure input checks (dates, birth dates) are a 400 before the role's 403 (api.md order).
      checkRegistrationDates(body, deps.clock.today());
      await runWriteStaged(
        deps,
        req,
        res,
        (transact) => submitRegistration(deps, transact, actor, body),
        (view) => ({ status: 201, body: view, headers: { Location: `/api/cases/${view.id}`, ...caseHeaders(view) } }),
        undefined,
        (stored) => assertMayReplayCaseView(deps, actor, stored.body),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/cases',
    operationId: 'listCases',
    summary: '案件列表（q 检索案号、当事人与代理人姓名；管理员、书记员、主任还可按完整身份证号或电话号码检索）',
    tags: ['cases'],
    // `state` is one of the states (a misspelt one listed nothing: 200 with no items).
    query: CaseListQuery.extend({ state: CaseState.optional() }),
    responses: { 200: { description: '分页列表', schema: listOf(CaseSummary, 'CaseSummaryPage') } },
    handler: async ({ actor, query: q }) => {
      const bool = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');
      return {
        body: await listCases(deps, actor, {
          ...q,
          collective: bool(q.collective),
          wageArrears: bool(q.wageArrears),
          major: bool(q.major),
          overdue: q.overdue === 'true' ? true : undefined,
        }),
      };
    },
  });

  route(router, {
    method: 'get',
    path: '/api/cases/{id}',
    operationId: 'getCase',
    summary: '案件详情',
    tags: ['cases'],
    params: IdParams,
    responses: { 200: { description: '案件', schema: Case, headers: ETagHeader } },
    problems: [403],
    handler: async ({ actor, params }) => {
      const view = await getCase(deps, actor, params.id);
      return { body: view, headers: caseHeaders(view) };
    },
  });

  route(router, {
    method: 'patch',
    path: '/api/cases/{id}',
    operationId: 'updateRegistration',
    summary: '受理前修改登记信息（书记员）；主任标记重大集体劳动人事争议（majorCollective，单独提交）',
    tags: ['cases'],
    params: IdParams,
    headers: WriteHeaders,
    body: CasePatch,
    responses: { 200: { description: '已修改', schema: UpdatedCase, headers: ETagHeader } },
    problems: [403, 409, 412, 422],
    alsoWhenInvalid: (raw) => registrationDateErrorsOfRaw(raw, deps.clock.today()),
    // The body's own date checks (400) before the role (403), as the handler asks them.
    authorize: (actor, body) => {
      checkRegistrationDates(body, deps.clock.today());
      // The chair's marking of a major collective case (重大集体劳动人事争议) is the chair's, asked of the policy module.
      if (body.majorCollective !== undefined) assertMayMarkMajor(actor);
      else assertRoleMayEditRegistration(actor);
    },
    handler: async ({ req, res, actor, params, body }) => {
      const expectedVersion = ifMatch(req);
      // Pure input checks (a receipt in the future, dates out of order within the body) are a 400 before the role,
      // scope, case, If-Match and state (403/404/412/409, api.md order); the use case repeats them with the case.
      checkRegistrationDates(body, deps.clock.today());
      await runWrite(
        deps,
        req,
        res,
        (uow) => updateRegistration(deps, uow, actor, params.id, body, { expectedVersion }),
        (view) => ({ status: 200, body: view, headers: caseHeaders(view) }),
        undefined,
        (stored) => assertMayReplayCaseView(deps, actor, stored.body),
      );
    },
  });

  route(router, {
    method: 'get',
    path: '/api/cases/{id}/deadlines',
    operationId: 'caseDeadlines',
    summary: '案件的全部法定期限（含计算说明）',
    tags: ['time'],
    params: IdParams,
    responses: { 200: { description: '期限', schema: z.array(Deadline) } },
    problems: [403],
    handler: async ({ actor, params }) => ({ body: await caseDeadlines(deps, actor, params.id) }),
  });

  route(router, {
    method: 'get',
    path: '/api/cases/{id}/events',
    operationId: 'caseHistory',
    summary: '案件全部经过（审计记录；身份证号码脱敏）',
    tags: ['cases'],
    params: IdParams,
    responses: { 200: { description: '按顺序的事件', schema: z.array(CaseEvent) } },
    problems: [403],
    handler: async ({ actor, params }) => ({ body: await caseHistory(deps, actor, params.id) }),
  });

  return router;
}
