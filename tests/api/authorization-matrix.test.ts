import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  awardPreviewRefusal,
  type CaseScope,
  claimHistoryRefusal,
  courtPackageRefusal,
  DOCUMENT_ROLES,
  type DocumentAct,
  dateCorrectionRefusal,
  documentListRefusal,
  documentReadRefusal,
  editRegistrationRefusal,
  eventRefusal,
  generateDocumentRefusal,
  inScope,
  OPERATION_ACCESS,
  readLevel,
  registerRefusal,
} from '../../app/policy.ts';
import { EVENT_TYPES, type EventType } from '../../workflows/procedure-types.ts';
import type { Role } from '../../workflows/reference.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/app.ts';
import { LAW_OFF_DAYS } from '../helpers/calendar-years.ts';
import { application } from '../helpers/fixtures.ts';
import { type Actors, type CaseShape, createActors, registerCase, samplePayload, scopedCase, scopeOf } from '../helpers/procedure.ts';

/**
 * The authorization matrix, generated: every operation of /openapi.json × every role (arbitrators and mediators both
 * on and off the case) × cases in and out of scope. The expected answer of each cell comes from the policy module
 * (app/policy.ts OPERATION_ACCESS names the question each operation asks); the test proves every route asks it, over
 * HTTP, on a real database. Case writes carry a stale If-Match: an allowed one answers 412 and changes nothing, a
 * refused one 403 — the scope check runs before the version check. Every answer is validated against the OpenAPI
 * document. The rules themselves (api.md "Scope", "Reading") are stated one by one in tests/unit/policy.test.ts.
 */
let t: TestApp;
let a: Actors;
let doc: OpenApi;
// CommonJS modules: their default export is the module object under NodeNext typing.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module.default }).default ?? Ajv2020Module;
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule.default }).default ?? addFormatsModule;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

interface OpenApi {
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string; required?: boolean }[] }>>;
}

interface TestActor {
  label: string;
  role: Role;
  id: number;
  username: string;
  password: string;
  token: string;
}

interface Fixture {
  label: string;
  c: CaseShape & Record<string, unknown>;
  scope: CaseScope;
  documentId: number | null;
  /** Issue 17: a court hand-off package of the case (the clerk made it). */
  packageId: number;
  /** The documents' acts (an award issued …), where who may print them depends on it (absent: none made). */
  act?: DocumentAct;
}

let actors: TestActor[];
let fixtures: Fixture[];
let targetUserId: number;
let wages: unknown;

const STALE = '"999"';
/** The act a document prints is made: the issued copy, no text of the request's own. */
const ISSUED: DocumentAct = { issued: true, draft: false, writes: false };
/** The current token of a test actor (the matrix logs everyone out everywhere once, and in again). */
const tokenOf = (label: string) => (actors.find((w) => w.label === label) as TestActor).token;
const login = async (username: string, password: string) => {
  const r = await request(t.app).post('/api/auth/login').send({ username, password });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.token as string;
};

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  a = await createActors(t);
  await t.tokenFor('mediator', 'mediator-other');
  await t.tokenFor('clerk', 'matrix-target');
  targetUserId = t.userId('matrix-target');
  const user = async (label: string, role: Role, username: string, id: number, token: string, password = `${username}-password-1`) => ({
    label,
    role,
    id,
    username,
    password,
    token,
  });
  actors = [
    await user('admin', 'admin', 'admin', 1, t.adminToken, ADMIN_PASSWORD),
    await user('clerk', 'clerk', 'clerk', a.ids.clerk, a.tokens.clerk),
    await user('chair', 'chair', 'chair', a.ids.chair, a.tokens.chair),
    await user('analyst', 'analyst', 'analyst', a.ids.analyst, a.tokens.analyst),
    await user('arbitrator (tribunal of X)', 'arbitrator', 'arb-li', a.ids.arbitrator, a.tokens.arbitrator),
    await user('arbitrator (no case)', 'arbitrator', 'arb-wang', t.userId('arb-wang'), a.tokenOfUser(t.userId('arb-wang'))),
    await user('mediator (assigned to X, Y; registered Z)', 'mediator', 'mediator', a.ids.mediator, a.tokens.mediator),
    await user(
      'mediator (no case)',
      'mediator',
      'mediator-other',
      t.userId('mediator-other'),
      await t.tokenFor('mediator', 'mediator-other'),
    ),
  ];

  const send = async (token: string, id: number, body: Record<string, unknown>) => {
    const r = await t.api(token).post(`/api/cases/${id}/events`, { occurredOn: '2026-03-03', ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  // X: a tribunal (arb-li) and an assigned mediator. Y: accepted, a mediator assigned, no tribunal yet.
  // Z: a pre-arbitration mediation the mediator registered.
  const x = await scopedCase(t, a);
  const y0 = await registerCase(t, a);
  await send(a.tokens.clerk, y0.id, { type: 'ACCEPT' });
  const y = await send(a.tokens.chair, y0.id, { type: 'ASSIGN_MEDIATOR', mediatorId: a.ids.mediator });
  const zr = await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation' }));
  expect(zr.status).toBe(201);
  const documentOf = async (c: CaseShape) => {
    const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as number;
  };
  const packageOf = async (c: CaseShape) => {
    const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'court_request' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as number;
  };
  fixtures = [
    { label: 'X', c: x, scope: scopeOf(x, a.ids.clerk), documentId: await documentOf(x), packageId: await packageOf(x) },
    { label: 'Y', c: y, scope: scopeOf(y, a.ids.clerk), documentId: await documentOf(y), packageId: await packageOf(y) },
    { label: 'Z', c: zr.body, scope: scopeOf(zr.body, a.ids.mediator), documentId: null, packageId: await packageOf(zr.body) },
  ];
  wages = (await t.api(t.adminToken).get('/api/reference/minimum-wages')).body;
  doc = (await request(t.app).get('/openapi.json')).body;
  ajv.addSchema(doc as object, 'openapi');
});
afterAll(async () => t?.close());

/** One request of an operation: path parameters, query, body, headers. */
interface Call {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** What the policy says (true = allowed). */
  allowed: boolean;
  /** The exact status an allowed call must get, when it is known (a stale If-Match: 412). */
  allowedStatus?: number;
  note?: string;
}

let seq = 0;
const asActor = (x: TestActor): Actor => ({ id: x.id, role: x.role, displayName: x.label });
const byRole = (roles: readonly Role[], x: TestActor) => roles.includes(x.role);
const period = { from: '2026-01-01', to: '2026-12-31' };

/** Calls of one operation for one actor on one case (or none, for operations not about a case). */
function calls(operationId: string, x: TestActor, f: Fixture | null): Call[] {
  const access = OPERATION_ACCESS[operationId];
  if (!access) throw new Error(`${operationId} has no OPERATION_ACCESS entry`);
  const actor = asActor(x);
  const areaAllowed = access.kind === 'roles' ? byRole(access.roles, x) : true;
  const c = f?.c;
  switch (operationId) {
    case 'health':
    case 'ready':
    case 'serviceStatus':
    case 'me':
    case 'listStaff':
    case 'vocabulary':
    case 'calendarYears':
    case 'minimumWages':
    case 'listCases':
    case 'listUsers':
    case 'accessLog':
    case 'averageWages':
    case 'publicKeys':
      return [{ allowed: areaAllowed }];
    // Issue 17: calculators, the average-wage table, claim statistics.
    case 'calculate':
      return [{ params: { kind: 'notice_pay' }, body: { lastMonthWage: '5600.00' }, allowed: areaAllowed }];
    case 'replaceAverageWages':
      // Not empty (an empty table is a 400 since sec52 M1).
      return [
        {
          body: [{ district: '全市', year: 2025, monthly: '7000.00', publishedOn: '2026-05-01', source: '矩阵', confirmed: true }],
          allowed: areaAllowed,
        },
      ];
    case 'claimStatistics':
      return [{ query: period, allowed: areaAllowed }];
    case 'claimStatisticsDrillDown':
      return [{ query: { ...period, measure: 'items' }, allowed: areaAllowed }];
    case 'login':
      return [{ body: { username: 'nobody', password: 'wrong-password-000' }, allowed: true }];
    case 'logout':
    case 'logoutAll':
      return [{ allowed: true, note: 'fresh token' }];
    case 'changePassword':
      // The right current password and the same one again: refused by the policy check (400), nothing changes.
      return [{ body: { currentPassword: x.password, newPassword: x.password }, allowed: true }];
    case 'createUser':
      return [
        {
          body: { username: `matrix-${++seq}`, password: 'matrix-password-2026', role: 'clerk', displayName: '矩阵' },
          allowed: areaAllowed,
        },
      ];
    case 'getUser':
      return [{ params: { id: targetUserId }, allowed: areaAllowed }];
    case 'updateUser':
      return [{ params: { id: targetUserId }, body: { displayName: '矩阵目标' }, allowed: areaAllowed }];
    case 'resetPassword':
      return [{ params: { id: targetUserId }, body: { newPassword: 'matrix-reset-2026-x' }, allowed: areaAllowed }];
    case 'replaceMinimumWages':
      return [{ body: wages, allowed: areaAllowed }];
    case 'deadlineCalculator':
      return [{ query: { from: '2026-09-28', days: 5, unit: 'working' }, allowed: true }];
    case 'calendarDay':
      return [{ query: { date: '2026-10-01' }, allowed: true }];
    case 'loadCalendarYear':
      return [
        {
          params: { year: '2027' },
          body: { notice: '矩阵测试', offDays: LAW_OFF_DAYS[2027], workDays: [] },
          allowed: areaAllowed,
        },
      ];
    case 'calendarRecomputation':
      // Whether or not a load made one yet: 200 or 404 for the admin, 403 for everyone else.
      return [{ params: { id: 1 }, allowed: areaAllowed }];
    case 'dueDeadlines':
      return [{ query: { within: 7, assignee: 'all' }, allowed: true }];
    case 'closureFigures':
      return [{ query: period, allowed: areaAllowed }];
    case 'closureDrillDown':
      return [{ query: { ...period, measure: 'accepted' }, allowed: areaAllowed }];
    case 'periodicReport':
      return [{ query: { ...period, format: 'json' }, allowed: areaAllowed }];
    case 'hearingCalendar':
      return [{ query: { from: '2026-03-16', to: '2026-03-22' }, allowed: true }];
    case 'exportCases':
    case 'awardClockBoard':
    case 'awardClockAlerts':
    case 'auditLog':
      return [{ allowed: areaAllowed }];
    case 'workload':
      return [{ query: { role: 'arbitrator' }, allowed: areaAllowed }];
    case 'registerCase':
      return (['arbitration', 'mediation'] as const).map((track) => ({
        body: application({ track }),
        allowed: registerRefusal(actor, track) === null,
        note: track,
      }));
  }
  if (!f || !c) throw new Error(`${operationId} needs a case`);
  const scope = f.scope;
  /** An event's body with a payload that passes validation (the answer sought is the policy's, not a 400). */
  const eventBody = (type: EventType) => ({
    type,
    ...samplePayload(
      type,
      c,
      a.arbitrators.map((z) => z.id),
      '2026-11-20',
      a.ids.mediator,
    ),
  });
  switch (operationId) {
    case 'getCase':
    case 'caseDeadlines':
    case 'caseHistory':
    case 'nextEvents':
      return [{ params: { id: c.id }, allowed: true }];
    case 'awardPreview':
      return [
        {
          params: { id: c.id },
          body: { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '1.00' }] },
          allowed: awardPreviewRefusal(actor, scope) === null,
        },
      ];
    case 'updateRegistration':
      return [
        {
          params: { id: c.id },
          body: { facts: '矩阵' },
          headers: { 'If-Match': STALE },
          allowed: editRegistrationRefusal(actor, scope) === null,
          allowedStatus: 412,
        },
      ];
    // fixC56: the chair's correction of a procedural date (an area gate; a stale If-Match: 412 when allowed).
    case 'correctDate':
      return [
        {
          params: { id: c.id },
          body: { target: 'receivedOn', field: 'receivedOn', value: '2026-03-02', reason: '矩阵' },
          headers: { 'If-Match': STALE },
          allowed: dateCorrectionRefusal(actor) === null,
          allowedStatus: 412,
        },
      ];
    case 'applyEvent':
      return EVENT_TYPES.map((type: EventType) => ({
        params: { id: c.id },
        body: eventBody(type),
        headers: { 'If-Match': STALE },
        allowed: eventRefusal(actor, type, scope) === null,
        allowedStatus: 412,
        note: type,
      }));
    case 'previewEvent':
      // Decided as if sent, written nowhere: the same role and scope answer as the event itself (then 200, 409 or 422).
      return (['ACCEPT', 'EXTEND_TIME_LIMIT', 'WITHDRAW'] as EventType[]).map((type) => ({
        params: { id: c.id },
        body: eventBody(type),
        allowed: eventRefusal(actor, type, scope) === null,
        note: type,
      }));
    case 'generateDocument':
      return Object.keys(DOCUMENT_ROLES).map((kind) => ({
        params: { id: c.id },
        // A decision names its matter, a service receipt its party (400 without it, before the role is asked).
        body:
          kind === 'decision'
            ? { kind, matter: 'suspension' }
            : kind === 'service_receipt'
              ? { kind, partyId: (c.applicants as { id: number }[])[0]?.id ?? 1 }
              : { kind },
        allowed: generateDocumentRefusal(actor, kind, kind, scope, f?.act) === null,
        note: kind,
      }));
    case 'listDocuments':
      return [{ params: { id: c.id }, allowed: documentListRefusal(actor, scope) === null }];
    case 'downloadDocument':
      return f.documentId === null ? [] : [{ params: { id: f.documentId }, allowed: documentReadRefusal(actor, scope) === null }];
    // Issue 17: court hand-off packages (clerk and chair, full readers only) and a claim's line (not for analysts).
    case 'generateCourtPackage':
      return [{ params: { id: c.id }, body: { purpose: 'court_request' }, allowed: courtPackageRefusal(actor, scope) === null }];
    case 'listCourtPackages':
      return [{ params: { id: c.id }, allowed: courtPackageRefusal(actor, scope) === null }];
    case 'downloadCourtPackage':
      return [{ params: { id: f.packageId }, allowed: courtPackageRefusal(actor, scope) === null }];
    case 'claimHistory':
      return [{ params: { id: c.id, claimId: c.claims[0]?.id as number }, allowed: claimHistoryRefusal(actor, scope) === null }];
  }
  throw new Error(`no sample request for ${operationId}: add one to the matrix`);
}

const CASE_KINDS = new Set([
  'date-correction',
  'case-read',
  'case-edit',
  'case-event',
  'document-generate',
  'document-list',
  'document-read',
  'court-package',
  'claim-history',
  'award-preview',
]);

/** The response's schema in the OpenAPI document, as a reference for ajv. */
function schemaRef(path: string, method: string, status: number, type: string): string | null {
  const op = doc.paths[path]?.[method] as unknown as { responses: Record<string, { content?: Record<string, unknown> }> };
  const content = op.responses[String(status)]?.content;
  if (!content) return null;
  const media = Object.keys(content).find((m) => type.startsWith(m));
  if (!media) return null;
  const esc = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
  return `openapi#/paths/${esc(path)}/${method}/responses/${status}/content/${esc(media)}/schema`;
}

describe(`authorization matrix: every operation × every role × own/other case (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('answers 403 exactly where the policy refuses, 412 (not 403) for an allowed stale write, and every answer matches the OpenAPI document', async () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    let cells = 0;
    const ownOther = new Set<string>();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, operationId: op.operationId })),
    );
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      const access = OPERATION_ACCESS[op.operationId];
      expect(access, `${op.operationId} must name its policy question in OPERATION_ACCESS`).toBeDefined();
      const perCase = CASE_KINDS.has(access?.kind ?? '');
      for (const x of actors) {
        for (const f of perCase ? fixtures : [null]) {
          if (f) ownOther.add(`${x.role}:${inScope(asActor(x), f.scope) ? 'own' : 'other'}`);
          for (const call of calls(op.operationId, x, f)) {
            let token = x.token;
            if (call.note === 'fresh token') token = await login(x.username, x.password);
            const url = op.path.replace(/\{(\w+)\}/g, (_, k: string) => String(call.params?.[k]));
            let req = request(t.app)[op.method as 'get'](url);
            if (!['login', 'health', 'ready'].includes(op.operationId)) req = req.set('Authorization', `Bearer ${token}`);
            for (const [k, v] of Object.entries(call.headers ?? {})) req = req.set(k, v);
            if (call.query) req = req.query(call.query);
            const r = call.body === undefined ? await req : await req.send(call.body as object);
            if (op.operationId === 'logoutAll') x.token = await login(x.username, x.password);
            cells++;
            seen.add(op.operationId);
            const where = `${op.operationId}${call.note ? `(${call.note})` : ''} ${x.label}${f ? ` on ${f.label}` : ''}`;
            // A wrong login is 401 (then 429); changing to the same password is 400: both are the answers sought.
            const expectedRefusal =
              (op.operationId === 'login' && (r.status === 401 || r.status === 429)) ||
              (op.operationId === 'changePassword' && r.status === 400);
            if (!expectedRefusal && (r.status === 400 || r.status === 401 || r.status >= 500)) {
              mismatches.push(`${where}: ${r.status} ${JSON.stringify(r.body)}`);
            } else if (call.allowed && r.status === 403) mismatches.push(`${where}: 403 but the policy allows (${r.body.detail})`);
            else if (!call.allowed && r.status !== 403) mismatches.push(`${where}: ${r.status} but the policy refuses`);
            else if (call.allowed && call.allowedStatus && r.status !== call.allowedStatus)
              mismatches.push(`${where}: ${r.status}, expected ${call.allowedStatus}`);
            const type = String(r.headers['content-type'] ?? '');
            const ref = r.status === 204 ? null : schemaRef(op.path, op.method, r.status, type);
            if (r.status !== 204 && !ref) mismatches.push(`${where}: ${r.status} ${type} is not documented`);
            if (ref && type.includes('json')) {
              const validate = ajv.getSchema(ref);
              if (validate && !validate(r.body)) mismatches.push(`${where}: ${r.status} body ≠ schema: ${ajv.errorsText(validate.errors)}`);
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect([...seen].sort()).toEqual(operations.map((o) => o.operationId).sort());
    // Arbitrators and mediators were each tried on a case of theirs and on one that is not.
    for (const cell of ['arbitrator:own', 'arbitrator:other', 'mediator:own', 'mediator:other']) expect(ownOther).toContain(cell);
    expect(cells).toBeGreaterThan(1400);
  }, 600_000);

  it('403 before 404: a role that may never do it is refused before the id is looked up — every operation on an id × every role', async () => {
    // An id that names nothing. Expected: 403 when the role is refused even on a case wholly in its own scope (the
    // tribunal, the assigned mediator, the registering user — on either track, with or without a tribunal), else 404.
    const MISSING = 999_999;
    const x = fixtures[0] as Fixture;
    const ghost: Fixture = { ...x, label: 'missing', c: { ...x.c, id: MISSING }, documentId: MISSING, packageId: MISSING };
    const ownScopes = (w: TestActor): CaseScope[] => [
      { track: 'arbitration', tribunalIds: [w.id], mediatorIds: [w.id], registeredBy: w.id },
      { track: 'arbitration', tribunalIds: null, mediatorIds: [w.id], registeredBy: w.id },
      { track: 'mediation', tribunalIds: null, mediatorIds: [w.id], registeredBy: w.id },
    ];
    const mismatches: string[] = [];
    let cells = 0;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, operationId: op.operationId })),
    );
    for (const op of operations) {
      const kind = OPERATION_ACCESS[op.operationId]?.kind ?? '';
      const userIds = op.operationId === 'updateUser' || op.operationId === 'resetPassword';
      if (!CASE_KINDS.has(kind) && !userIds) continue;
      for (const w of actors) {
        const sample = calls(op.operationId, w, userIds ? null : ghost);
        // …and whether or not the act a document prints is made (the clerk prints an issued award, ISSUED_DOCUMENT_ROLES).
        const own = ownScopes(w).flatMap((scope) =>
          [undefined, ISSUED].map((act) => calls(op.operationId, w, userIds ? null : { ...ghost, scope, act })),
        );
        for (const [i, call] of sample.entries()) {
          const roleRefused = own.every((list) => list[i]?.allowed === false);
          const expected = roleRefused ? 403 : 404;
          const params = userIds ? { ...call.params, id: MISSING } : call.params;
          const url = op.path.replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k]));
          let req = request(t.app)[op.method as 'get'](url).set('Authorization', `Bearer ${w.token}`);
          for (const [k, v] of Object.entries(call.headers ?? {})) req = req.set(k, v);
          if (call.query) req = req.query(call.query);
          const r = call.body === undefined ? await req : await req.send(call.body as object);
          cells++;
          if (r.status !== expected)
            mismatches.push(
              `${op.operationId}${call.note ? `(${call.note})` : ''} ${w.label}: ${r.status}, expected ${expected} (${r.body?.detail ?? ''})`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(500);
  }, 600_000);

  it('the clerk prints an award, partial award or 先予执行 ruling once made — not before, not a draft, not with text of his own', async () => {
    // ISSUED_DOCUMENT_ROLES: serving the award is the clerk's next step (new user's walk L8); writing it is the tribunal's.
    const { caseAt } = await import('../helpers/case-fixtures.ts');
    // The matrix above logged everyone out once: the walk goes with the current tokens.
    const arbToken = tokenOf('arbitrator (tribunal of X)');
    const fresh: Actors = {
      ...a,
      tokens: { ...a.tokens, clerk: tokenOf('clerk'), chair: tokenOf('chair'), arbitrator: arbToken },
      arbitrators: [{ id: a.ids.arbitrator, token: arbToken }],
    };
    const { c, arb } = await caseAt(t, fresh, 'heard');
    const scope = scopeOf(c, a.ids.clerk);
    const act = async (token: string, type: string, body: Record<string, unknown>, on: string) => {
      const r = await t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn: on, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    const mismatches: string[] = [];
    let printed = 0;
    const cells = async (kinds: string[], made: boolean) => {
      for (const x of actors) {
        for (const kind of kinds) {
          for (const [body, a2] of [
            [{ kind }, { issued: made, draft: false, writes: false }],
            [
              { kind, draft: true },
              { issued: made, draft: true, writes: false },
            ],
            [
              { kind, reasoning: '本委认为：被申请人应支付工资。' },
              { issued: made, draft: false, writes: true },
            ],
          ] as const) {
            const allowed = generateDocumentRefusal(asActor(x), kind, kind, scope, a2) === null;
            const r = await t.api(x.token).post(`/api/cases/${c.id}/documents`, body);
            const where = `${x.label} ${JSON.stringify(body)} (${made ? 'made' : 'not made'})`;
            if (allowed && r.status === 403) mismatches.push(`${where}: 403 but the policy allows (${r.body.detail})`);
            else if (!allowed && r.status !== 403) mismatches.push(`${where}: ${r.status} but the policy refuses`);
            if (x.role === 'clerk' && allowed) {
              if (r.status === 201) printed++;
              else mismatches.push(`${where}: ${r.status} ${JSON.stringify(r.body)}`);
            }
          }
        }
      }
    };
    const kinds = ['award', 'partial_award', 'advance_execution_ruling'];
    await cells(kinds, false);
    const text = { facts: '申请人于2025年入职。', reasoning: '本委认为：被申请人应支付工资。', defenseSummary: '被申请人未答辩。' };
    const claimId = c.claims[0]?.id;
    await act(
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [claimId], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId, amount: '500.00' }], paymentDays: 5 },
      '2026-03-26',
    );
    await act(arb.token, 'PARTIAL_AWARD', { items: [{ claimId, outcome: 'granted', amount: '1000.00' }], ...text }, '2026-03-27');
    const rest = c.claims.slice(1).map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    await act(arb.token, 'ISSUE_AWARD', { items: rest, ...text }, '2026-03-30');
    await cells(kinds, true);
    expect(mismatches).toEqual([]);
    // The clerk printed each issued act once (the other two requests of each were refused).
    expect(printed).toBe(3);
    // An act the request names that is not made (a second partial award) is refused like one before the award.
    const second = await t.api(tokenOf('clerk')).post(`/api/cases/${c.id}/documents`, { kind: 'partial_award', occurrence: 2 });
    expect(second.status).toBe(403);
  }, 120_000);

  it('reads follow the read level: full in scope, masked elsewhere, a summary for analysts; lists and history never show a full identity number', async () => {
    const x = fixtures[0] as Fixture;
    const full = (await t.api(tokenOf('clerk')).get(`/api/cases/${x.c.id}`)).body;
    const id = full.applicants[0].idNumber as string;
    expect(id).toMatch(/^\d{17}[\dX]$/);
    for (const who of actors) {
      const level = readLevel(asActor(who), x.scope);
      const r = await t.api(who.token).get(`/api/cases/${x.c.id}`);
      expect(r.status).toBe(200);
      expect(r.body.readLevel, who.label).toBe(level);
      const p = r.body.applicants[0];
      if (level === 'full') expect(p).toMatchObject({ idNumber: id, phone: '13800000000', address: expect.any(String) });
      if (level === 'masked') {
        expect(p.idNumber).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
        expect(p).not.toHaveProperty('phone');
        expect(p).not.toHaveProperty('address');
        expect(p).not.toHaveProperty('birthDate');
      }
      if (level === 'summary') {
        expect(Object.keys(p).sort()).toEqual(['id', 'kind', 'name', 'side']);
        expect(r.body).not.toHaveProperty('proceedings');
        expect(r.body).not.toHaveProperty('facts');
      }
      const history = await t.api(who.token).get(`/api/cases/${x.c.id}/events`);
      const text = JSON.stringify(history.body);
      expect(text).not.toContain(id);
      if (level !== 'full') expect(text).not.toContain('13800000000');
      if (level === 'summary') expect(history.body.every((e: { payload: object }) => Object.keys(e.payload).length === 0)).toBe(true);
      const list = await t.api(who.token).get('/api/cases?pageSize=200');
      expect(JSON.stringify(list.body)).not.toContain(id);
    }
    // Exactly the api.md read levels for this case.
    const levels = Object.fromEntries(actors.map((w) => [w.label, readLevel(asActor(w), x.scope)]));
    expect(levels).toEqual({
      admin: 'full',
      clerk: 'full',
      chair: 'full',
      analyst: 'summary',
      'arbitrator (tribunal of X)': 'full',
      'arbitrator (no case)': 'masked',
      'mediator (assigned to X, Y; registered Z)': 'full',
      'mediator (no case)': 'masked',
    });
  });

  it('full reads and document downloads are in the access log, for admin and chair to see', async () => {
    const x = fixtures[0] as Fixture;
    const chair = actors.find((w) => w.role === 'chair') as TestActor;
    await t.api(tokenOf('arbitrator (tribunal of X)')).get(`/api/cases/${x.c.id}`);
    await t.api(tokenOf('arbitrator (tribunal of X)')).get(`/api/documents/${x.documentId}`);
    const masked = actors.find((w) => w.label === 'arbitrator (no case)') as TestActor;
    await t.api(masked.token).get(`/api/cases/${x.c.id}`);
    const r = await t.api(chair.token).get(`/api/access-log?caseId=${x.c.id}&userId=${a.ids.arbitrator}&pageSize=200`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });
    const actions = r.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('read_case');
    expect(actions).toContain('download_document');
    expect(r.body.items[0]).toMatchObject({ user: { id: a.ids.arbitrator, username: 'arb-li', role: 'arbitrator' }, caseId: x.c.id });
    const download = r.body.items.find((e: { action: string }) => e.action === 'download_document');
    expect(download.documentId).toBe(x.documentId);
    // A masked read is not a read of personal data: not logged.
    const other = await t.api(chair.token).get(`/api/access-log?caseId=${x.c.id}&userId=${masked.id}`);
    expect(other.body.total).toBe(0);
    expect((await t.api(tokenOf('clerk')).get('/api/access-log')).status).toBe(403);
    expect((await t.api(tokenOf('admin')).get('/api/access-log?pageSize=201')).status).toBe(400);
  });
});
