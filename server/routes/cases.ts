import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { type CaseRecord, type ClaimRecord, type PartyRecord, StaleVersionError } from '../../db/stores/cases.ts';
import { persist, startCase } from '../../workflows/procedure.ts';
import { COLLECTIVE_MIN_WORKERS } from '../../workflows/reference.ts';
import { requireRole } from '../auth.ts';
import { caseSnapshot, fullCaseView, loadCaseOr404, projectStats, recomputeDeadlines } from '../case-state.ts';
import type { Deps } from '../deps.ts';
import { conflict, type FieldError, preconditionFailed, validationError } from '../errors.ts';
import { ifMatch, parse, pathId, runWrite } from '../http.ts';
import {
  Case,
  CaseCreate,
  CaseEvent,
  CaseListQuery,
  CasePatch,
  CaseSummary,
  type ClaimInput,
  Deadline,
  type PartyInput,
  Problem,
  registry,
} from '../schemas.ts';
import { idNumberFacts, parseMoney } from '../validation/identifiers.ts';
import { caseSummaryView, eventView } from '../views.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
const IdParam = z.object({ id: z.string().openapi({ example: '1' }) });
const IfMatchHeader = z.object({ 'If-Match': z.string().optional().openapi({ description: '案件版本号；过期则 412' }) });

registry.registerPath({
  method: 'post',
  path: '/api/cases',
  summary: '登记仲裁申请或案前调解（书记员；调解亦可由调解员登记）',
  tags: ['cases'],
  request: {
    headers: z.object({ 'Idempotency-Key': z.string().optional() }),
    body: { content: { 'application/json': { schema: CaseCreate } } },
  },
  responses: {
    201: { description: '已登记', content: { 'application/json': { schema: Case } } },
    400: problem('字段无效'),
    403: problem('角色无权'),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/cases',
  summary: '案件列表（q 检索案号与当事人姓名）',
  tags: ['cases'],
  request: { query: CaseListQuery },
  responses: {
    200: {
      description: '分页列表',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(CaseSummary), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/cases/{id}',
  summary: '案件详情',
  tags: ['cases'],
  request: { params: IdParam },
  responses: { 200: { description: '案件', content: { 'application/json': { schema: Case } } }, 404: problem('无此案件') },
});
registry.registerPath({
  method: 'patch',
  path: '/api/cases/{id}',
  summary: '受理前修改登记信息（书记员）',
  tags: ['cases'],
  request: { params: IdParam, headers: IfMatchHeader, body: { content: { 'application/json': { schema: CasePatch } } } },
  responses: {
    200: { description: '已修改', content: { 'application/json': { schema: Case } } },
    409: problem('已受理，不能修改登记'),
    412: problem('版本已过期'),
  },
});
registry.registerPath({
  method: 'get',
  path: '/api/cases/{id}/deadlines',
  summary: '案件的全部法定期限（含计算说明）',
  tags: ['time'],
  request: { params: IdParam },
  responses: { 200: { description: '期限', content: { 'application/json': { schema: z.array(Deadline) } } } },
});
registry.registerPath({
  method: 'get',
  path: '/api/cases/{id}/events',
  summary: '案件全部经过（审计记录）',
  tags: ['cases'],
  request: { params: IdParam },
  responses: { 200: { description: '按顺序的事件', content: { 'application/json': { schema: z.array(CaseEvent) } } } },
});

/** States in which the registration itself may still be edited (before acceptance). */
const EDITABLE_STATES = new Set(['received', 'pending_supplement', 'mediation_in_progress']);

function toParty(side: PartyRecord['side'], p: PartyInput): PartyRecord {
  const facts = p.kind === 'person' && p.idNumber ? idNumberFacts(p.idNumber) : null;
  return {
    id: p.id,
    side,
    kind: p.kind,
    name: p.name,
    idNumber: p.kind === 'person' ? (p.idNumber ?? null) : null,
    sex: facts?.sex ?? null,
    birthDate: facts?.birthDate ?? null,
    ethnicity: p.kind === 'person' ? (p.ethnicity ?? null) : null,
    phone: p.phone ?? null,
    address: p.address ?? null,
    creditCode: p.kind === 'organization' ? (p.creditCode ?? null) : null,
    legalRepresentative: p.kind === 'organization' ? (p.legalRepresentative ?? null) : null,
    legalRepresentativeTitle: p.kind === 'organization' ? (p.legalRepresentativeTitle ?? null) : null,
    agents: (p.agents ?? []).map((a) => ({ id: a.id, name: a.name, kind: a.kind, unit: a.unit ?? null, phone: a.phone ?? null })),
  };
}

const toClaim = (c: ClaimInput): ClaimRecord => ({
  id: c.id,
  category: c.category,
  amountFen: c.amount === undefined ? null : (parseMoney(c.amount) as number),
  description: c.description,
});

/** Collective dispute: 10 or more workers (natural persons) on the applicant side (Rules Art. 62). */
const isCollective = (parties: PartyRecord[]) =>
  parties.filter((p) => p.side === 'applicant' && p.kind === 'person').length >= COLLECTIVE_MIN_WORKERS;

/** Date rules the schema cannot see: nothing received in the future; a postmark not after receipt. */
function checkDates(body: { receivedOn?: string; postmarkOn?: string }, today: string, current?: CaseRecord): void {
  const errors: FieldError[] = [];
  if (body.receivedOn && body.receivedOn > today) errors.push({ path: 'receivedOn', message: `收件日期不能晚于今天（${today}）` });
  const received = body.receivedOn ?? current?.receivedOn;
  if (body.postmarkOn && received && body.postmarkOn > received) errors.push({ path: 'postmarkOn', message: '邮戳日期不能晚于收件日期' });
  if (errors.length) throw validationError(errors);
}

/** Ids sent in PATCH must be existing parties/claims of this case (and the same side). */
function checkChildIds(body: z.infer<typeof CasePatch>, current: CaseRecord): void {
  const errors: FieldError[] = [];
  const sides = { applicants: 'applicant', respondents: 'respondent', thirdParties: 'third_party' } as const;
  for (const [field, side] of Object.entries(sides) as [keyof typeof sides, PartyRecord['side']][]) {
    const own = new Map(current.parties.filter((p) => p.side === side).map((p) => [p.id, p]));
    body[field]?.forEach((p, i) => {
      if (p.id !== undefined && !own.has(p.id)) errors.push({ path: `${field}.${i}.id`, message: `本案没有编号为 ${p.id} 的该方当事人` });
      const agentIds = new Set(own.get(p.id)?.agents.map((a) => a.id));
      p.agents?.forEach((a, j) => {
        if (a.id !== undefined && !agentIds.has(a.id))
          errors.push({ path: `${field}.${i}.agents.${j}.id`, message: `该当事人没有编号为 ${a.id} 的代理人` });
      });
    });
  }
  const claimIds = new Set(current.claims.map((c) => c.id));
  body.claims?.forEach((c, i) => {
    if (c.id !== undefined && !claimIds.has(c.id)) errors.push({ path: `claims.${i}.id`, message: `本案没有编号为 ${c.id} 的请求` });
  });
  if (errors.length) throw validationError(errors);
}

export function createCasesRouter(deps: Deps): Router {
  const { db, stores, clock } = deps;
  const router = Router();

  const loadOr404 = (trx: Knex, id: number) => loadCaseOr404(deps, trx, id);

  router.post('/cases', async (req, res) => {
    const body = parse(CaseCreate, req.body);
    const user = requireRole(
      req,
      body.track === 'mediation' ? ['clerk', 'mediator'] : ['clerk'],
      body.track === 'mediation' ? '登记调解申请' : '登记仲裁申请',
    );
    const today = clock.today();
    checkDates(body, today);
    const now = clock.now().toISOString();
    const parties = [
      ...body.applicants.map((p) => toParty('applicant', p)),
      ...body.respondents.map((p) => toParty('respondent', p)),
      ...(body.thirdParties ?? []).map((p) => toParty('third_party', p)),
    ];
    const state = body.track === 'mediation' ? 'mediation_in_progress' : 'received';
    await runWrite(db.knex, req, res, now, async (trx) => {
      // The initial snapshot goes in with the row; parties and claims in it are re-read from their rows (caseSnapshot).
      const snapshot = startCase({
        track: body.track,
        procedure: body.procedure ?? 'ordinary',
        collective: isCollective(parties),
        wageArrears: body.wageArrears ?? false,
        receivedOn: body.receivedOn,
        parties: [],
        claims: [],
      });
      const inserted = await stores.cases.insert(trx, {
        snapshot,
        machineVersion: snapshot.machineVersion,
        track: body.track,
        state,
        receivedOn: body.receivedOn,
        postmarkOn: body.postmarkOn ?? null,
        channel: body.channel,
        district: body.district,
        facts: body.facts ?? null,
        procedure: body.procedure ?? 'ordinary',
        collective: isCollective(parties),
        wageArrears: body.wageArrears ?? false,
        limitation: body.limitation ?? null,
        parties,
        claims: body.claims.map(toClaim),
        createdBy: user.id,
        now,
      });
      const id = inserted.id;
      const created = inserted;
      const createdCtx = caseSnapshot(created).context;
      const deadlines = await recomputeDeadlines(deps, trx, id, createdCtx, today, { isNew: true });
      await projectStats(deps, trx, created, createdCtx, deadlines, now, { isNew: true });
      const view = await fullCaseView(deps, trx, created, { deadlines });
      // Registration is the first entry of the history (api.md), in the same transaction.
      await stores.cases.appendEvent(
        trx,
        {
          caseId: id,
          type: 'REGISTER',
          occurredOn: body.receivedOn,
          recordedAt: now,
          actorId: user.id,
          actorRole: user.role,
          actorName: user.displayName,
          payload: { channel: body.channel, track: body.track },
          stateBefore: null,
          stateAfter: state,
          before: null,
          after: view,
        },
        1,
      );
      res.setHeader('Location', `/api/cases/${id}`);
      res.setHeader('ETag', `"${created.version}"`);
      return { status: 201, body: view };
    });
  });

  router.get('/cases', async (req, res) => {
    const q = parse(CaseListQuery, req.query);
    const bool = (v?: 'true' | 'false') => (v === undefined ? undefined : v === 'true');
    let caseIds: number[] | undefined;
    if (q.arbitratorId)
      caseIds = (await db.knex('case_arbitrators').where({ user_id: q.arbitratorId }).select('case_id')).map((r) => Number(r.case_id));
    if (q.overdue === 'true') {
      const overdue = await stores.deadlines.overdueCaseIds(db.knex);
      caseIds = caseIds ? caseIds.filter((x) => overdue.includes(x)) : overdue;
    }
    const result = await stores.cases.list(db.knex, {
      caseIds,
      state: q.state,
      track: q.track,
      district: q.district,
      procedure: q.procedure,
      collective: bool(q.collective),
      wageArrears: bool(q.wageArrears),
      q: q.q || undefined,
      page: q.page,
      pageSize: q.pageSize,
    });
    res.json({ items: result.items.map(caseSummaryView), total: result.total, page: q.page, pageSize: q.pageSize });
  });

  router.get('/cases/:id', async (req, res) => {
    const c = await loadOr404(db.knex, pathId(req));
    res.setHeader('ETag', `"${c.version}"`);
    res.json(await fullCaseView(deps, db.knex, c));
  });

  router.patch('/cases/:id', async (req, res) => {
    const body = parse(CasePatch, req.body);
    const user = requireRole(req, ['clerk', 'mediator'], '修改登记信息');
    const id = pathId(req);
    const expected = ifMatch(req);
    const today = clock.today();
    const now = clock.now().toISOString();
    await runWrite(db.knex, req, res, now, async (trx) => {
      const current = await loadOr404(trx, id);
      if (user.role === 'mediator' && current.track !== 'mediation') requireRole(req, ['clerk'], '修改仲裁申请的登记信息');
      if (expected !== undefined && expected !== current.version) throw preconditionFailed(current.version);
      if (!EDITABLE_STATES.has(current.state)) {
        throw conflict('案件已受理或已结束，登记信息不能再修改；请通过程序事件处理（如变更仲裁请求）', { allowed: [] });
      }
      checkDates(body, today, current);
      checkChildIds(body, current);
      const replace = <K extends 'applicants' | 'respondents' | 'thirdParties'>(field: K, side: PartyRecord['side']) =>
        body[field] ? body[field].map((p) => toParty(side, p)) : current.parties.filter((p) => p.side === side);
      const parties =
        body.applicants || body.respondents || body.thirdParties
          ? [...replace('applicants', 'applicant'), ...replace('respondents', 'respondent'), ...replace('thirdParties', 'third_party')]
          : undefined;
      const before = await fullCaseView(deps, trx, current);
      try {
        await stores.cases.update(
          trx,
          id,
          current.version,
          {
            receivedOn: body.receivedOn,
            postmarkOn: body.postmarkOn,
            channel: body.channel,
            district: body.district,
            facts: body.facts,
            procedure: body.procedure,
            wageArrears: body.wageArrears,
            limitation: body.limitation,
            collective: parties ? isCollective(parties) : undefined,
          },
          now,
          { parties, claims: body.claims?.map(toClaim) },
        );
      } catch (err) {
        if (err instanceof StaleVersionError) throw preconditionFailed(err.currentVersion);
        throw err;
      }
      const patched = await loadOr404(trx, id);
      const snapshot = persist(caseSnapshot(patched));
      await trx('cases')
        .where({ id })
        .update({ snapshot: JSON.stringify(snapshot) });
      const deadlines = await recomputeDeadlines(deps, trx, id, snapshot.context, today);
      const updated = await loadOr404(trx, id);
      await projectStats(deps, trx, updated, snapshot.context, deadlines, now);
      const after = await fullCaseView(deps, trx, updated);
      await stores.cases.appendEvent(trx, {
        caseId: id,
        type: 'UPDATE_REGISTRATION',
        occurredOn: today,
        recordedAt: now,
        actorId: user.id,
        actorRole: user.role,
        actorName: user.displayName,
        payload: { fields: Object.keys(body) },
        stateBefore: current.state,
        stateAfter: updated.state,
        before,
        after,
      });
      res.setHeader('ETag', `"${updated.version}"`);
      return { status: 200, body: after };
    });
  });

  router.get('/cases/:id/deadlines', async (req, res) => {
    const id = pathId(req);
    await loadOr404(db.knex, id);
    res.json((await stores.deadlines.forCase(db.knex, id)).map(({ metOn: _m, ...d }) => d));
  });

  router.get('/cases/:id/events', async (req, res) => {
    const id = pathId(req);
    await loadOr404(db.knex, id);
    res.json((await stores.cases.events(db.knex, id)).map(eventView));
  });

  return router;
}
