import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import express, { type Express, type Request, type Response } from 'express';
import { buildOpenApi } from '../../server/http/openapi.ts';
import { contractState } from './contract-state.ts';

/**
 * Issue 14 item 3: every response the API suite receives is checked against the published document (/openapi.json)
 * with ajv (JSON Schema 2020-12, formats on): the status must be documented for the operation, the content type must
 * be one the status documents, a JSON body must validate (response schemas are closed objects, so an undeclared field
 * fails), and a documented header must match its schema. `checkedApp` wraps the app of `startTestApp`, so the check is
 * automatic for `t.api(...)` and for raw `request(t.app)` calls alike; the violations of a test fail that test
 * (tests/helpers/contract-setup.ts, an afterEach hook), and the counts go to CONTRACT_STATS_DIR for the closing note.
 */

// ajv-formats is CommonJS with a default export; under NodeNext its type is the module namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  responses: Record<
    string,
    { content?: Record<string, { schema?: unknown }>; headers?: Record<string, { schema?: Json; required?: boolean }> }
  >;
}
interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  literal: number;
  op: Operation;
}

let compiled: { ajv: Ajv2020; routes: Route[]; doc: Json; validators: Map<string, ValidateFunction> } | null = null;

function setup() {
  if (compiled) return compiled;
  // The served document is `res.json(buildOpenApi())`: the same object through JSON.
  const doc = JSON.parse(JSON.stringify(buildOpenApi())) as Json;
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI keywords beside JSON Schema's (annotations only).
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs', 'components', 'paths']);
  // The document's top level is not a schema: only its fragments are compiled (by $ref).
  const { openapi: _o, info: _i, servers: _s, security: _sec, tags: _t, webhooks: _w, ...rest } = doc;
  ajv.addSchema({ ...rest, $id: 'zc-openapi' }, undefined, undefined, false);
  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
    const segments = template.split('/');
    const pattern = new RegExp(
      `^${segments.map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`,
    );
    for (const [method, op] of Object.entries(item)) {
      routes.push({ method, template, pattern, literal: segments.filter((s) => !s.startsWith('{')).length, op });
    }
  }
  // A literal segment wins over a parameter (`/api/stats/closure/cases` before a `{…}` at that place).
  routes.sort((a, b) => b.literal - a.literal);
  compiled = { ajv, routes, doc, validators: new Map() };
  contractState().figures = {
    operations: routes.length,
    statuses: routes.reduce((n, r) => n + Object.keys(r.op.responses).length, 0),
  };
  return compiled;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function validator(ref: string): ValidateFunction {
  const c = setup();
  let v = c.validators.get(ref);
  if (!v) {
    v = c.ajv.compile({ $ref: `zc-openapi#/${ref}` });
    c.validators.set(ref, v);
  }
  return v;
}

function describeErrors(v: ValidateFunction, body: unknown): string {
  const errs = (v.errors ?? []).slice(0, 8).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` “${(e.params as { additionalProperty: string }).additionalProperty}”` : '';
    return `${e.instancePath || '(body)'} ${e.message}${extra}`;
  });
  const shown = JSON.stringify(body);
  return `${errs.join('; ')}${(v.errors?.length ?? 0) > 8 ? ` … (${v.errors?.length} errors)` : ''} — body: ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}`;
}

function isJson(contentType: string): boolean {
  return contentType === 'application/json' || /^application\/[\w.-]+\+json$/.test(contentType);
}

/**
 * Checks one response; returns the problems found (none: it matches the document). `count`: add it to the figures of
 * this test process (responses the server sent; not the made-up ones of the check's own tests).
 */
export function checkResponse(
  method: string,
  url: string,
  status: number,
  headers: Record<string, unknown>,
  body: Buffer,
  { count = false } = {},
): string[] {
  const c = setup();
  const path = url.split('?')[0] as string;
  const m = method.toLowerCase();
  const route = c.routes.find((r) => r.method === m && r.pattern.test(path));
  const state = count ? contractState() : { checks: 0, pairs: new Set<string>() };
  const contentType = String(headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase() as string;
  if (!route) {
    // No operation: an unknown address under /api is a problem+json 401 (no token) or 404, nothing else; an address
    // the document has with other methods is a 405 whose Allow header lists exactly those.
    if (!path.startsWith('/api/') && path !== '/api') return [];
    state.checks++;
    const others = c.routes.filter((r) => r.pattern.test(path)).map((r) => r.method.toUpperCase());
    if (others.length && status === 405) {
      const allow = String(headers.allow ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x && x !== 'HEAD');
      if ([...allow].sort().join() !== [...new Set(others)].sort().join())
        return [`${method} ${url} → 405: Allow "${headers.allow}" is not the document's methods ${others.join(', ')}`];
    } else if (![401, 404].includes(status))
      return [`${method} ${url} → ${status}: no operation matches, and the answer is not 401/404 (405 where the path has other methods)`];
    const v = validator(pointer('components', 'schemas', 'Problem'));
    const parsed = contentType === 'application/problem+json' ? JSON.parse(body.toString('utf8')) : undefined;
    return parsed !== undefined && v(parsed) ? [] : [`${method} ${url} → ${status}: not a problem+json Problem`];
  }
  state.checks++;
  state.pairs.add(`${route.op.operationId} ${status}`);
  const where = `${method} ${url} (${route.op.operationId}) → ${status}`;
  const doc = route.op.responses[String(status)] ?? route.op.responses.default;
  if (!doc) return [`${where}: status ${status} is not documented (documented: ${Object.keys(route.op.responses).join(', ')})`];
  const problems: string[] = [];
  for (const [name, h] of Object.entries(doc.headers ?? {})) {
    const value = headers[name.toLowerCase()];
    if (value === undefined) {
      if (h.required) problems.push(`${where}: documented header ${name} is missing`);
      continue;
    }
    if (h.schema) {
      const v = c.ajv.compile(h.schema);
      const typed = h.schema.type === 'integer' || h.schema.type === 'number' ? Number(value) : value;
      if (!v(typed)) problems.push(`${where}: header ${name}: ${describeErrors(v, value)}`);
    }
  }
  if (body.length === 0 && !doc.content) return problems;
  if (!doc.content) return [...problems, `${where}: a body of ${contentType || 'no type'} is sent, the document describes none`];
  const media = doc.content[contentType];
  if (!media)
    return [...problems, `${where}: content type ${contentType || '(none)'} is not documented (${Object.keys(doc.content).join(', ')})`];
  if (isJson(contentType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return [...problems, `${where}: the body is not JSON`];
    }
    const statusKey = route.op.responses[String(status)] ? String(status) : 'default';
    const v = validator(pointer('paths', route.template, m, 'responses', statusKey, 'content', contentType, 'schema'));
    if (!v(parsed)) problems.push(`${where}: ${describeErrors(v, parsed)}`);
  }
  return problems;
}

/** Listens to one response: its bytes are collected and checked when it ends, before they go out. */
function watch(req: Request, res: Response): void {
  const method = req.method;
  const url = req.originalUrl;
  if (method === 'HEAD' || method === 'OPTIONS') return;
  const chunks: Buffer[] = [];
  const take = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array),
    );
  };
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => Response;
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    take(chunk, encoding);
    return write(chunk, encoding, cb);
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    take(chunk, encoding);
    try {
      const found = checkResponse(method, url, res.statusCode, res.getHeaders() as Record<string, unknown>, Buffer.concat(chunks), {
        count: true,
      });
      contractState().violations.push(...found);
    } catch (err) {
      contractState().violations.push(`${method} ${url}: the contract check failed: ${(err as Error).message}`);
    }
    return end(chunk, encoding, cb);
  }) as Response['end'];
}

/** The app with every response checked against the document. */
export function checkedApp(inner: Express): Express {
  const outer = express();
  outer.disable('x-powered-by');
  outer.set('etag', false);
  outer.locals = inner.locals;
  outer.use((req, res, next) => {
    watch(req, res);
    next();
  });
  outer.use(inner);
  return outer;
}
