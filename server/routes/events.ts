import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { type CaseRecord, StaleVersionError } from '../../db/stores/cases.ts';
import { formatCaseNo } from '../../workflows/case-number.ts';
import { computeFacts } from '../../workflows/deadlines.ts';
import { classifyAward, type ItemToClassify } from '../../workflows/finality.ts';
import { eventLabel, stateLabel } from '../../workflows/labels.ts';
import { applyEvent, availableEvents, leafState, persist } from '../../workflows/procedure.ts';
import { EVENT_TYPES, type EventType, type ProcEvent } from '../../workflows/procedure-types.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import { currentUser } from '../auth.ts';
import { caseSnapshot, fullCaseView, loadCaseOr404, machineInput, projectStats, recomputeDeadlines, syncTribunal } from '../case-state.ts';
import type { Deps } from '../deps.ts';
import { conflict, type FieldError, forbidden, preconditionFailed, unprocessable, validationError, zodFieldErrors } from '../errors.ts';
import { EVENT_PAYLOADS, EventEnvelope, ProcedureEvent } from '../event-schemas.ts';
import { controlCharErrors, ifMatch, pathId, runWrite } from '../http.ts';
import { Case, Problem, registry } from '../schemas.ts';
import { formatMoney, parseMoney } from '../validation/identifiers.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
const NextEvent = z.object({ type: z.enum(EVENT_TYPES), label: z.string(), roles: z.array(z.string()) }).openapi('NextEvent');
registry.registerPath({
  method: 'get',
  path: '/api/cases/{id}/next-events',
  summary: '当前可进行的程序事件（按调用者角色筛选）',
  tags: ['procedure'],
  request: {
    params: z.object({ id: z.string() }),
    query: z.object({ all: z.enum(['true', 'false']).optional().openapi({ description: 'true：不按角色筛选' }) }),
  },
  responses: { 200: { description: '事件', content: { 'application/json': { schema: z.array(NextEvent) } } } },
});
registry.registerPath({
  method: 'post',
  path: '/api/cases/{id}/events',
  summary: '对案件施加一个程序事件',
  description:
    '检查顺序：401 → 400（未知事件或字段无效）→ 403（角色或非本案仲裁庭成员）→ 404 → 412（If-Match 过期）→ 409（当前状态不允许，返回 allowed）→ 422（法定规则拒绝，返回 rule 与 source）。',
  tags: ['procedure'],
  request: {
    params: z.object({ id: z.string() }),
    headers: z.object({ 'If-Match': z.string().optional(), 'Idempotency-Key': z.string().optional() }),
    body: { content: { 'application/json': { schema: ProcedureEvent } } },
  },
  responses: {
    200: { description: '更新后的案件', content: { 'application/json': { schema: Case } } },
    400: problem('事件类型未知或字段无效'),
    403: problem('角色无权'),
    409: problem('当前状态不允许（allowed 列出允许的事件）'),
    412: problem('版本过期'),
    422: problem('法定规则不允许（rule、source）'),
  },
});

/** Parses `{type, occurredOn?, ...payload}`; 400 naming every bad field. */
function parseEventBody(body: unknown, today: string): { type: EventType; occurredOn: string; payload: Record<string, unknown> } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw validationError([{ path: '', message: '请求体应为 JSON 对象' }]);
  const { type, occurredOn, ...rest } = body as Record<string, unknown>;
  const env = EventEnvelope.safeParse({ type, occurredOn });
  const errors: FieldError[] = env.success ? [] : zodFieldErrors(env.error);
  if (!env.success && errors.some((e) => e.path === 'type')) {
    throw validationError(
      errors.map((e) => (e.path === 'type' ? { ...e, message: `未知的事件类型；可用：${EVENT_TYPES.join(', ')}` } : e)),
    );
  }
  const t = type as EventType;
  const schema = EVENT_PAYLOADS[t];
  const strict = schema instanceof z.ZodObject ? schema.strict() : schema;
  const payload = strict.safeParse(rest);
  if (!payload.success) errors.push(...zodFieldErrors(payload.error));
  errors.push(...controlCharErrors(rest));
  const on = (occurredOn as string | undefined) ?? today;
  if (env.success && on > today) errors.push({ path: 'occurredOn', message: `发生日期不能晚于今天（${today}）` });
  if (errors.length) throw validationError(errors);
  return { type: t, occurredOn: on, payload: payload.data as Record<string, unknown> };
}

/** Ids in the payload must name this case's parties and claims and real arbitrators. */
async function checkReferences(deps: Deps, trx: Knex, c: CaseRecord, type: EventType, payload: Record<string, unknown>): Promise<void> {
  const errors: FieldError[] = [];
  const partyIds = new Set(c.parties.map((p) => p.id));
  const claimIds = new Set(c.claims.map((cl) => cl.id));
  const party = (path: string, id: unknown) => {
    if (id !== undefined && !partyIds.has(id as number)) errors.push({ path, message: `本案没有编号为 ${id} 的当事人` });
  };
  party('partyId', payload.partyId);
  for (const [i, id] of ((payload.partyIds as number[] | undefined) ?? []).entries()) party(`partyIds.${i}`, id);
  (payload.claimIds as number[] | undefined)?.forEach((id, i) => {
    if (!claimIds.has(id)) errors.push({ path: `claimIds.${i}`, message: `本案没有编号为 ${id} 的仲裁请求` });
  });
  if (type === 'ISSUE_AWARD' || type === 'PARTIAL_AWARD') {
    const items = payload.items as { claimId: number }[];
    for (const [i, it] of items.entries()) {
      if (!claimIds.has(it.claimId)) errors.push({ path: `items.${i}.claimId`, message: `本案没有编号为 ${it.claimId} 的仲裁请求` });
    }
    if (new Set(items.map((i) => i.claimId)).size !== items.length) errors.push({ path: 'items', message: '同一请求不能出现两次' });
  }
  const arbitrators: [string, number][] = [];
  if (type === 'FORM_TRIBUNAL')
    for (const [i, id] of (payload.arbitratorIds as number[]).entries()) arbitrators.push([`arbitratorIds.${i}`, id]);
  if (type === 'RECUSE_ARBITRATOR') arbitrators.push(['replacementId', payload.replacementId as number]);
  if (arbitrators.length) {
    const users = await deps.stores.users.listByIds(
      arbitrators.map(([, id]) => id),
      trx,
    );
    for (const [path, id] of arbitrators) {
      const u = users.find((x) => x.id === id);
      if (!u?.active || u.role !== 'arbitrator') errors.push({ path, message: `用户 ${id} 不是在职仲裁员` });
    }
  }
  if (errors.length) throw validationError(errors);
}

export function createEventsRouter(deps: Deps): Router {
  const { db, stores, clock } = deps;
  const router = Router();

  const loadOr404 = (trx: Knex, id: number) => loadCaseOr404(deps, trx, id);

  router.get('/cases/:id/next-events', async (req, res) => {
    const user = currentUser(req);
    const c = await loadOr404(db.knex, pathId(req));
    const snap = caseSnapshot(c);
    const all = req.query.all === 'true';
    const onTribunal = !snap.context.tribunal || snap.context.tribunal.arbitratorIds.includes(user.id);
    const list = availableEvents(snap, clock.today())
      .filter((t) => all || (EVENT_ROLES[t].includes(user.role) && (user.role !== 'arbitrator' || onTribunal)))
      .map((t) => ({ type: t, label: eventLabel(t), roles: [...EVENT_ROLES[t]] }));
    res.json(list);
  });

  router.post('/cases/:id/events', async (req, res) => {
    const today = clock.today();
    const body = parseEventBody(req.body, today);
    const user = currentUser(req);
    if (!EVENT_ROLES[body.type].includes(user.role)) {
      throw forbidden(`角色“${user.role}”不能进行“${eventLabel(body.type)}”（需要：${EVENT_ROLES[body.type].join('、')}）`);
    }
    const id = pathId(req);
    const expected = ifMatch(req);
    const now = clock.now().toISOString();
    await runWrite(db.knex, req, res, now, async (trx) => {
      const c = await loadOr404(trx, id);
      if (expected !== undefined && expected !== c.version) throw preconditionFailed(c.version);
      const snap = caseSnapshot(c);
      const ctx = snap.context;
      // Arbitrators act only on cases of their own tribunal.
      if (user.role === 'arbitrator' && ctx.tribunal && !ctx.tribunal.arbitratorIds.includes(user.id)) {
        throw forbidden('仲裁员只能办理本人所在仲裁庭的案件');
      }
      const last = await stores.cases.lastOccurredOn(trx, id);
      if (last && body.occurredOn < last)
        throw validationError([{ path: 'occurredOn', message: `发生日期不能早于上一事件的日期（${last}）` }]);
      await checkReferences(deps, trx, c, body.type, body.payload);

      // 409 before any legal rule (api.md order): is the event possible in this state at all?
      const allowed = availableEvents(snap, body.occurredOn);
      if (!allowed.includes(body.type)) {
        throw conflict(`案件当前状态为“${stateLabel(leafState(snap.value))}”，不能进行“${eventLabel(body.type)}”`, {
          state: leafState(snap.value),
          allowed,
        });
      }
      const payload: Record<string, unknown> = { ...body.payload };
      // Final-award classification (LDMAL Art. 47): the minimum wage in force on the award date in the district.
      if (body.type === 'ISSUE_AWARD' || body.type === 'PARTIAL_AWARD') {
        const wage = await stores.reference.minimumWageOn(trx, c.district, body.occurredOn);
        if (!wage) {
          throw unprocessable(`没有${c.district}在${body.occurredOn}有效的月最低工资标准，无法判断是否终局裁决；请管理员录入`, {
            rule: 'minimum-wage-missing',
            source: 'LDMAL Art. 47',
          });
        }
        const items = body.payload.items as {
          claimId: number;
          outcome: ItemToClassify['outcome'];
          amount?: string;
          paymentDays?: number;
        }[];
        const toClassify = items.map((it) => ({
          claimId: it.claimId,
          category: c.claims.find((cl) => cl.id === it.claimId)?.category ?? 'other',
          outcome: it.outcome,
          amountFen: it.amount === undefined ? null : parseMoney(it.amount),
        }));
        const r = classifyAward(
          toClassify,
          wage.monthlyFen,
          c.claims.map((cl) => cl.category),
          { confirmRelationshipMakesCaseNonFinal: deps.config.confirmRelationshipNonFinal },
        );
        payload.award = {
          items: r.items.map((x, i) => ({
            ...x,
            amount: x.amountFen === null ? null : formatMoney(x.amountFen),
            paymentDays: items[i]?.paymentDays ?? null,
          })),
          finality: r.finality,
          issuedOn: body.occurredOn,
          minimumWage: {
            district: wage.district,
            monthly: formatMoney(wage.monthlyFen),
            effectiveFrom: wage.effectiveFrom,
            confirmed: wage.confirmed,
            source: wage.source,
          },
          thresholdAmount: formatMoney(r.thresholdFen),
          defaultAward: ctx.hearingsHeld.at(-1)?.respondentPresent === false,
        };
      }
      const cal = await deps.calendar.get(trx);
      const { facts, missingYear } = computeFacts(ctx, { type: body.type, occurredOn: body.occurredOn, payload }, cal, deps.periods);
      if (missingYear) {
        throw unprocessable(
          `缺少${missingYear}年的国家法定节假日安排数据，无法判断期限；请管理员录入该年安排（PUT /api/calendar/years/${missingYear}）`,
          {
            rule: 'calendar-data-missing',
            source: 'Rules Art. 19; CPL Art. 85',
          },
        );
      }
      const event: ProcEvent = { type: body.type, occurredOn: body.occurredOn, payload, facts };
      const result = applyEvent(snap, event);
      if (!result.ok && result.reason === 'not_allowed') {
        throw conflict(`案件当前状态为“${stateLabel(leafState(snap.value))}”，不能进行“${eventLabel(body.type)}”`, {
          state: leafState(snap.value),
          allowed: result.allowed,
        });
      }
      if (!result.ok) {
        throw unprocessable(`${result.violation.detail}（${result.violation.source}）`, {
          rule: result.violation.rule,
          source: result.violation.source,
        });
      }

      const next = result.next;
      const nctx = next.context;
      const cols: Parameters<typeof stores.cases.update>[3] = {
        state: result.state,
        snapshot: persist(next),
        machineVersion: persist(next).machineVersion,
        procedure: nctx.procedure,
        closureMode: nctx.closure?.mode ?? null,
        closedOn: nctx.closure?.closedOn ?? null,
        finality: nctx.award?.finality ?? null,
      };
      let linkedCaseId: number | null = null;
      try {
        // Claim the row first (version check): a losing concurrent request stops here, before it takes a number.
        await stores.cases.update(trx, id, c.version, cols, now);
      } catch (err) {
        if (err instanceof StaleVersionError) throw preconditionFailed(err.currentVersion);
        throw err;
      }
      if (body.type === 'ACCEPT') {
        // The case number's year is the year of the ACCEPT event's occurredOn (api.md).
        const year = Number(body.occurredOn.slice(0, 4));
        const serial = await stores.cases.allocateSerial(trx, year);
        await stores.cases.setDerived(trx, id, {
          caseNo: formatCaseNo(deps.config.caseNoPrefix, year, serial),
          caseYear: year,
          caseSerial: serial,
          acceptedOn: body.occurredOn,
        });
      }
      if (body.type === 'REFER_TO_ARBITRATION') {
        linkedCaseId = await createLinkedApplication(deps, trx, c, body.occurredOn, (payload.channel as string) ?? 'counter', user.id, now);
        await stores.cases.setDerived(trx, id, { linkedCaseId });
      }
      if (body.type === 'FORM_TRIBUNAL' || body.type === 'RECUSE_ARBITRATOR') await syncTribunal(trx, id, nctx);
      const deadlines = await recomputeDeadlines(deps, trx, id, nctx, today);
      const updated = await loadOr404(trx, id);
      await projectStats(deps, trx, updated, nctx, deadlines, now);
      const before = await fullCaseView(deps, trx, c);
      const view = await fullCaseView(deps, trx, updated);
      await stores.cases.appendEvent(trx, {
        caseId: id,
        type: body.type,
        occurredOn: body.occurredOn,
        recordedAt: now,
        actorId: user.id,
        actorRole: user.role,
        actorName: user.displayName,
        payload: Object.keys(facts).length ? { ...payload, facts } : payload,
        stateBefore: leafState(snap.value),
        stateAfter: result.state,
        before: { ...before, deadlines: undefined },
        after: { ...view, deadlines: undefined },
      });
      res.setHeader('ETag', `"${updated.version}"`);
      return { status: 200, body: linkedCaseId ? { ...view, linkedCaseId } : view };
    });
  });

  return router;
}

/** REFER_TO_ARBITRATION: a new arbitration application with the mediation's parties and claims (LDMAL Art. 14). */
async function createLinkedApplication(
  deps: Deps,
  trx: Knex,
  m: CaseRecord,
  on: string,
  channel: string,
  userId: number,
  now: string,
): Promise<number> {
  const { stores } = deps;
  const parties = m.parties.map(({ id: _id, agents, ...p }) => ({ ...p, agents: agents.map(({ id: _a, ...a }) => a) }));
  const claims = m.claims.map(({ id: _id, seq: _s, ...cl }) => cl);
  const { id } = await stores.cases.insert(trx, {
    track: 'arbitration',
    state: 'received',
    receivedOn: on,
    postmarkOn: null,
    channel,
    district: m.district,
    facts: m.facts,
    procedure: m.procedure,
    collective: m.collective,
    wageArrears: m.wageArrears,
    linkedCaseId: m.id,
    parties,
    claims,
    createdBy: userId,
    now,
  });
  const created = (await stores.cases.load(trx, id)) as CaseRecord;
  const snapshot = persist(caseSnapshot({ ...created, snapshot: null }));
  await stores.cases.setDerived(trx, id, { snapshot, machineVersion: snapshot.machineVersion });
  const fresh = (await stores.cases.load(trx, id)) as CaseRecord;
  const freshCtx = caseSnapshot(fresh).context;
  const deadlines = await recomputeDeadlines(deps, trx, id, freshCtx, deps.clock.today());
  await projectStats(deps, trx, fresh, freshCtx, deadlines, now, { isNew: true });
  await stores.cases.appendEvent(trx, {
    caseId: id,
    type: 'REGISTER',
    occurredOn: on,
    recordedAt: now,
    actorId: userId,
    actorRole: null,
    actorName: null,
    payload: { channel, track: 'arbitration', referredFrom: m.id },
    stateBefore: null,
    stateAfter: 'received',
    before: null,
    after: await fullCaseView(deps, trx, fresh),
  });
  return id;
}

export { machineInput };
