import { readFileSync } from 'node:fs';
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { AppError, type FieldError, notFound, validationError } from '../../app/errors.ts';
import { type Actor, OPERATION_ACCESS } from '../../app/policy.ts';
import { MAX_RECORD_ID, Problem } from '../../app/schemas.ts';

export { MAX_RECORD_ID };

import { WHILE_PASSWORD_MUST_CHANGE } from '../../app/users/sessions.ts';
import { registry } from './openapi.ts';
import { idempotencyKey, ifMatch, parse } from './parse.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A status the operation can answer with a body of `schema` (JSON unless `contentType` says otherwise). */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  /** Several content types (a report as JSON, CSV, XLSX or PDF), instead of `schema` + `contentType`. */
  content?: Record<string, { schema: z.ZodType }>;
  /** Response headers (Location, ETag) as a zod object of strings. */
  headers?: z.ZodObject;
}

/** Problem statuses an operation can answer, beyond the ones every operation of its kind can (see `problems`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 429 | 503;

const PROBLEM_TEXT: Record<number, string> = {
  400: '请求无效：字段、查询参数或事件类型有误（errors 逐项列明）',
  401: '未登录：缺少或无效的访问令牌',
  403: '无权：角色或案件范围不允许',
  404: '未找到',
  405: '地址存在而方法不对：本操作的地址不接受所用的方法（HEAD、OPTIONS 及本文档未列出的方法），Allow 头列出它接受的方法',
  409: '当前状态不允许（allowed 列出允许的事件）',
  412: 'If-Match 版本已过期（currentVersion 为当前版本）',
  413: '过大：请求体超过 BODY_LIMIT，或导出、材料包超过其上限（rule 指明哪一项）',
  422: '不符合法定规则或业务规则（rule、source 指明依据）',
  429: '请求过于频繁（Retry-After）',
  431: '请求行与请求头过大（超过 16 KB，多为过长的查询参数）：请缩短后重试（server/http/client-errors.ts）',
  500: '内部错误（errorId 用于查找日志）',
  503: '数据库暂时不可用（Retry-After）',
};

export interface HandlerContext<P, Q, B> {
  req: Request;
  res: Response;
  /** The authenticated caller (routes with `auth: false` get a placeholder that must not be used). */
  actor: Actor;
  params: P;
  query: Q;
  body: B;
}

/** A JSON answer; a handler that has already answered (a write, a file) returns nothing. */
export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, BO = z.infer<B>> {
  method: Method;
  /** OpenAPI form: `/api/cases/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** false: no bearer token (login, health); default true. */
  auth?: boolean;
  params?: P;
  query?: Q;
  /**
   * A probe a monitor or load balancer calls (health, readiness, the public keys): a query string — a cache-buster — is
   * ignored, not refused (reviewer s53 B L1: a 400 would mark a healthy process down).
   */
  anyQuery?: boolean;
  /** Documented request headers (If-Match, Idempotency-Key); read by the handler. */
  headers?: z.ZodObject;
  body?: B;
  /** A custom body parser (e.g. the event envelope), replacing `body.parse`; `body` then only documents. */
  parseBody?: (raw: unknown, req: Request) => BO;
  responses: Partial<Record<200 | 201 | 202 | 204, ResponseSpec>>;
  /**
   * The role's half of the operation's question (app/policy.ts `assertRole…`), asked after the inputs' 400 and before
   * the path parameters are read: a role that may never do it gets 403 whatever the id — `/api/users/abc` as
   * `/api/users/999` (api.md order: 403 before 404; security finding L3, sec44). The handler asks the whole question.
   */
  authorize?: (actor: Actor, body: BO) => void;
  /**
   * Checks the schema cannot make (dates against today), run on the body as sent when the schema refused it, so that
   * one 400 names every bad field (legal47b L3); fields they name that the schema named already are told once.
   */
  alsoWhenInvalid?: (raw: unknown) => FieldError[];
  /**
   * Problem statuses besides the automatic ones: 401 and 403 with auth (403: a password reset pending), 400 (any query),
   * 404 with path parameters, 413 with a body, 500, 503.
   */
  problems?: ProblemStatus[];
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that answered itself (a write, a file) returns nothing
  handler: (ctx: HandlerContext<z.infer<P>, z.infer<Q>, BO>) => Promise<Reply | undefined | void> | Reply | undefined;
}

/** What each path parameter names, by the collection it is in (`/api/cases/{id}`: a case). */
const ID_LABELS: Record<string, string> = {
  cases: '案件编号',
  users: '用户编号',
  documents: '文书编号',
  'court-packages': '材料包编号',
  recomputations: '重新计算编号',
};
const PARAM_LABELS: Record<string, string> = { claimId: '请求编号', kind: '计算器种类', year: '年份' };
function paramLabel(path: string, name: string): string {
  if (name !== 'id') return PARAM_LABELS[name] ?? name;
  const collection = /\/([\w-]+)\/\{id\}/.exec(path)?.[1] ?? '';
  return ID_LABELS[collection] ?? '编号';
}

/**
 * Path parameters are ids or codes: one that does not parse names nothing, so it is a 404, not a 400. The answer says
 * which parameter, never what was sent (a path may hold what someone typed by mistake: an identity number).
 */
function parseParams<P extends z.ZodType>(schema: P | undefined, req: Request, path: string): z.infer<P> {
  if (!schema) return {} as z.infer<P>;
  const r = schema.safeParse(req.params);
  if (!r.success) {
    const names = [...new Set(r.error.issues.map((i) => String(i.path[0] ?? '')).filter(Boolean))];
    const named = names.length ? names : Object.keys(req.params);
    throw notFound(
      `没有这个记录：${named.map((n) => paramLabel(path, n)).join('、')}无效或不存在`,
      named.length === 1 ? { field: named[0] } : {},
    );
  }
  return r.data as z.infer<P>;
}

const registered = new Set<string>();

/**
 * The methods the documented operations take at a path ("GET", "POST"), for a 405's Allow header (RFC 9110 §15.5.6);
 * empty when no operation has the path. Built from the routes registered (a fixed table, the same in every process).
 */
export function methodsAt(path: string): string[] {
  const out = new Set<string>();
  for (const [re, methods] of templateTable()) if (re.test(path)) for (const m of methods) out.add(m);
  // No HEAD: no operation takes it (server/http/errors.ts unansweredMethods) — /openapi.json lists none either.
  return [...out];
}
/**
 * Each path template once, compiled, with its methods — built again only when a route was registered since: asked of
 * every write before its body is read (server/app.ts, 405 before the body), so no string splitting per request.
 */
let table: { size: number; entries: [RegExp, string[]][] } = { size: -1, entries: [] };
function templateTable(): [RegExp, string[]][] {
  if (table.size === registered.size) return table.entries;
  const byTemplate = new Map<string, string[]>();
  for (const key of registered) {
    const [method, template] = key.split(' ') as [string, string];
    byTemplate.set(template, [...(byTemplate.get(template) ?? []), method.toUpperCase()]);
  }
  const entries = [...byTemplate].map(([template, methods]): [RegExp, string[]] => [
    new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}/?$`),
    methods,
  ]);
  table = { size: registered.size, entries };
  return entries;
}

/**
 * Examples of the document: real answers over the demo data, keyed "operationId status" (written by
 * `npm run openapi:examples`; checked against their schemas by tests/api/openapi.test.ts and redocly).
 */
const EXAMPLES = JSON.parse(readFileSync(new URL('./openapi-examples.json', import.meta.url), 'utf8')) as Record<string, unknown>;
function withExample(operationId: string, status: number | string, content: Record<string, { schema: z.ZodType }>) {
  const example = EXAMPLES[`${operationId} ${status}`];
  if (example === undefined) return content;
  return Object.fromEntries(Object.entries(content).map(([media, c]) => [media, /json$/.test(media) ? { ...c, example } : c]));
}

/**
 * The query of an operation that takes none (a single resource: `/api/cases/1`, `/api/documents/34`, `/api/auth/me`):
 * any parameter → 400 naming it, before anything is read — as a list refuses a parameter it does not know (outside
 * tester sec53 L5: `?foo=bar` was refused on lists and ignored here). The web UI sends none to these (no cache buster,
 * no download flag: `web/core.js` `api`, `fetchBlob`).
 */
const NO_QUERY = z.strictObject({});

const ANONYMOUS: Actor = { id: 0, role: 'analyst', displayName: '' } as Actor;

/**
 * Declares one operation: path, method, inputs, responses per status, and the handler — together. The handler is
 * installed on the router and the operation is registered in the OpenAPI registry from this same declaration, so
 * the published document cannot drift from what the route does.
 */
export function route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, BO = z.infer<B>>(
  router: Router,
  spec: RouteSpec<P, Q, B, BO>,
): void {
  // Every operation names the policy question it asks (app/policy.ts); the authorization matrix test checks it.
  if (!OPERATION_ACCESS[spec.operationId])
    throw new Error(`operation ${spec.operationId} has no entry in OPERATION_ACCESS (app/policy.ts)`);
  const auth = spec.auth !== false;
  // 405: the path of every operation answers a method it does not take (HEAD, OPTIONS among them) with Allow (secfix L4).
  // 431: a request line and headers over Node's maxHeaderSize, on any path (server/http/client-errors.ts, sec52 L2).
  const problems = new Set<number>([405, 431, 500, 503, ...(spec.problems ?? [])]);
  if (auth) problems.add(401);
  // A user whose password an admin reset gets 403 everywhere but the few routes that let them change it.
  if (auth && !WHILE_PASSWORD_MUST_CHANGE.has(spec.path)) problems.add(403);
  // A write's body is parsed as JSON whatever the route (server/app.ts): malformed, or in a charset other than UTF-8 or
  // an unknown Content-Encoding → 400 (errors[] names the header), too large → 413. GET bodies are not read.
  // Every operation answers 400 for a query parameter it does not take (`NO_QUERY`), as a list does for one of its own.
  if (!spec.anyQuery || spec.query) problems.add(400);
  if (spec.method !== 'get') problems.add(413);
  // The same Idempotency-Key with a different request → 422 (server/http/write.ts).
  if (spec.headers && 'Idempotency-Key' in spec.headers.shape) problems.add(422);
  if (spec.params) problems.add(404);

  const responses: RouteConfig['responses'] = {};
  const idempotent = spec.headers !== undefined && 'Idempotency-Key' in spec.headers.shape;
  for (const [status, r] of Object.entries(spec.responses) as [string, ResponseSpec][]) {
    // A write that takes an Idempotency-Key says when its answer is the stored first one (server/http/write.ts).
    const headers = idempotent ? z.object({ ...r.headers?.shape, 'Idempotent-Replayed': REPLAYED }) : r.headers;
    responses[status] = {
      description: r.description,
      ...(headers ? { headers } : {}),
      ...(r.content
        ? { content: withExample(spec.operationId, status, r.content) }
        : r.schema
          ? { content: withExample(spec.operationId, status, { [r.contentType ?? 'application/json']: { schema: r.schema } }) }
          : {}),
    };
  }
  for (const s of [...problems].sort()) {
    responses[String(s)] = {
      description: PROBLEM_TEXT[s] ?? '错误',
      ...(s === 429 || s === 503 ? { headers: { 'Retry-After': { description: '秒数', schema: { type: 'integer' } } } } : {}),
      ...(s === 405 ? { headers: { Allow: { description: '该地址接受的方法，如 GET, POST', schema: { type: 'string' } } } } : {}),
      content: withExample(spec.operationId, s, { 'application/problem+json': { schema: Problem } }),
    };
  }
  // Apps are built more than once in one process (tests): register each operation once.
  const key = `${spec.method} ${spec.path}`;
  if (!registered.has(key)) {
    registered.add(key);
    registry.registerPath({
      method: spec.method,
      path: spec.path,
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(auth ? {} : { security: [] }),
      request: {
        ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
        ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
        ...(spec.headers ? { headers: spec.headers } : {}),
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      },
      responses,
    });
  }

  const expressPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
  router[spec.method](expressPath, async (req: Request, res: Response) => {
    // api.md order: 401 (authenticate, before this) → 400 (query, body) → 403 → 404 (a path id that names nothing).
    const query = (spec.anyQuery && !spec.query ? {} : parse(spec.query ?? NO_QUERY, req.query)) as z.infer<Q>;
    const body = spec.parseBody
      ? spec.parseBody(req.body, req)
      : spec.body
        ? (parseNamingAll(spec.body, req.body, spec.alsoWhenInvalid) as BO)
        : (undefined as BO);
    const actor = auth ? (req.user as Actor) : ANONYMOUS;
    if (auth && spec.authorize) {
      // The documented request headers' own 400s come first (the handler reads them again).
      if (spec.headers && 'If-Match' in spec.headers.shape) ifMatch(req);
      if (spec.headers && 'Idempotency-Key' in spec.headers.shape) idempotencyKey(req);
      spec.authorize(actor, body);
    }
    const params = parseParams(spec.params, req, spec.path);
    const reply = await spec.handler({ req, res, actor, params, query, body });
    if (!reply || res.headersSent) return;
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    if (reply.status === 204) return void res.status(204).end();
    res.status(reply.status ?? 200).json(reply.body);
  });
}

const REPLAYED = z
  .literal('true')
  .optional()
  .openapi({ description: '重试（同一 Idempotency-Key）返回的是首次的结果（状态、正文、Location、ETag 与首次相同）' });

/** Response headers: the case's version as an entity tag (send it back as If-Match), and where a created thing lives. */
export const ETagHeader = z.object({
  ETag: z.string().openapi({ description: '案件版本（如 "3"）；写入时作为 If-Match 带回', example: '"3"' }),
});
export const CreatedHeaders = z.object({
  Location: z.string().openapi({ description: '新建资源的地址', example: '/api/cases/7' }),
});

/**
 * A record id in a path, in its one canonical spelling: decimal digits, no sign, no leading zero, no exponent, hex,
 * fraction or spaces (`0x22`, `3.4e1`, `034`, `+34` and `%2034` must not open case 34), within MAX_RECORD_ID.
 */
export const PathId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((n) => n <= MAX_RECORD_ID)
  .openapi({ type: 'integer', minimum: 1, maximum: MAX_RECORD_ID, example: 1 });

/** `{id}` path parameter: a positive integer (documented as such); anything else is a 404. */
export const IdParams = z.object({ id: PathId });

/** Headers of writes to a case. */
export const WriteHeaders = z.object({
  'If-Match': z.string().optional().openapi({ description: '案件版本号；过期则 412', example: '"3"' }),
  // As server/http/parse.ts `idempotencyKey` checks it: 1–200 visible ASCII characters, else 400 naming the header.
  'Idempotency-Key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/)
    .optional()
    .openapi({ description: '同一键的重试返回首次结果，不再写入；1–200个可见ASCII字符，每个用户各自一套键' }),
});
export const IdempotencyHeader = WriteHeaders.pick({ 'Idempotency-Key': true });

/** `parse`, and when it refuses the body, the route's own further checks of what is well-formed (`alsoWhenInvalid`). */
function parseNamingAll(schema: z.ZodType, raw: unknown, also: ((raw: unknown) => FieldError[]) | undefined): unknown {
  try {
    return parse(schema, raw);
  } catch (err) {
    const told = err instanceof AppError && err.status === 400 ? (err.extra.errors as FieldError[] | undefined) : undefined;
    if (!also || !told) throw err;
    const named = new Set(told.map((e) => e.path));
    const more = also(raw).filter((e) => !named.has(e.path));
    if (!more.length) throw err;
    throw validationError([...told, ...more]);
  }
}
