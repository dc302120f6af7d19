import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { checkResponse } from '../helpers/contract.ts';

/**
 * Issue 14 items 1–2: the published document describes exactly what the server sends. The responses themselves are
 * checked against it in every API test (tests/helpers/contract.ts); this file checks the document's own shape: every
 * response object closed (an undeclared field would otherwise pass), no schema that admits anything, dates with their
 * format, operation ids and tags, and the problem statuses every operation of its kind can answer.
 */
type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Schema; example?: unknown }> }>;
}
interface Doc {
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await request(t.app).get('/openapi.json')).body;
});
afterAll(async () => t?.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

/** Walks a schema (following $ref into components once each), calling `visit` with every subschema and its place. */
function walk(schema: unknown, at: string, visit: (s: Schema, at: string) => void, seen = new Set<string>()): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return;
    seen.add(name);
    walk(doc.components.schemas[name], `#/components/schemas/${name}`, visit, seen);
    return;
  }
  visit(s, at);
  for (const k of ['items', 'additionalProperties', 'not', 'propertyNames']) {
    if (s[k] && typeof s[k] === 'object') walk(s[k], `${at}/${k}`, visit, seen);
  }
  for (const k of ['oneOf', 'anyOf', 'allOf', 'prefixItems']) {
    if (Array.isArray(s[k])) for (const [i, x] of (s[k] as unknown[]).entries()) walk(x, `${at}/${k}/${i}`, visit, seen);
  }
  for (const [name, p] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) walk(p, `${at}/properties/${name}`, visit, seen);
}

const isObjectSchema = (s: Schema) => s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')) || 'properties' in s;
const CONSTRAINING = ['type', '$ref', 'oneOf', 'anyOf', 'allOf', 'const', 'enum', 'not'];

describe('the OpenAPI document', () => {
  it('closes every response object and admits nothing unconstrained', () => {
    const open: string[] = [];
    const maps: string[] = [];
    const loose: string[] = [];
    const allOf: string[] = [];
    const seen = new Set<string>();
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        for (const [media, c] of Object.entries(r.content ?? {})) {
          walk(
            c.schema,
            `${method.toUpperCase()} ${path} ${status} ${media}`,
            (s, at) => {
              if (isObjectSchema(s) && !('additionalProperties' in s)) open.push(at);
              if (s.additionalProperties === true) maps.push(at);
              // `additionalProperties: {}` or a property schema with no type: anything would pass.
              if (!CONSTRAINING.some((k) => k in s)) loose.push(at);
              if ('allOf' in s) allOf.push(at);
            },
            seen,
          );
        }
      }
    }
    expect(open, 'objects without additionalProperties').toEqual([]);
    // The open maps, on purpose and said so: records kept as they were made — a history entry's payload and
    // before/after (the procedure's machine versions changed payloads over time; the current shape of each event is
    // ProcedureEvent), and an audit row's before/after (a user's fields, a whole reference table, a holiday year).
    expect(maps.sort()).toEqual(
      [
        ...['payload', 'before', 'after'].map((k) => `#/components/schemas/CaseEvent/properties/${k}`),
        ...['before', 'after'].flatMap((k) =>
          [0, 1].map((i) => `#/components/schemas/AuditEntry/properties/${k}/anyOf/${i}${i ? '/items' : ''}`),
        ),
      ].sort(),
    );
    expect(loose, 'schemas that admit any value').toEqual([]);
    // zod-to-openapi renders `.extend()` of a registered schema as allOf of two closed objects, which nothing satisfies.
    expect(allOf, 'allOf in responses').toEqual([]);
  });

  it('gives response dates their format: *On, on, from, to, until, asOf are dates; *At are instants', () => {
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        for (const c of Object.values(r.content ?? {})) {
          walk(
            c.schema,
            `${method.toUpperCase()} ${path} ${status}`,
            (s, at) => {
              for (const [name, p] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
                const types = [p.type].flat();
                if (!types.includes('string')) continue;
                const want = /(On|^on|^from|^to|^until|^asOf|^effectiveFrom)$/.test(name) ? 'date' : /At$/.test(name) ? 'date-time' : null;
                if (want && p.format !== want) wrong.push(`${at}/properties/${name}: format ${p.format ?? '(none)'}, expected ${want}`);
              }
            },
            seen,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names every operation once, with declared tags', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set(doc.tags.map((tg) => tg.name));
    const undeclared = operations().flatMap(({ op }) =>
      (op.tags ?? []).filter((tg) => !declared.has(tg)).map((tg) => `${op.operationId}: ${tg}`),
    );
    expect(undeclared).toEqual([]);
    expect(doc.tags.every((tg) => tg.description)).toBe(true);
  });

  it('documents the problems every operation of its kind can answer, each as problem+json', () => {
    const missing: string[] = [];
    for (const { op } of operations()) {
      const statuses = Object.keys(op.responses);
      const want = ['500', '503'];
      if (!op.security || op.security.length > 0) want.push('401');
      if (op.parameters?.some((p) => p.in === 'path')) want.push('404');
      if (op.requestBody || op.parameters?.some((p) => p.in === 'query')) want.push('400');
      if (op.requestBody) want.push('413');
      for (const s of want) if (!statuses.includes(s)) missing.push(`${op.operationId}: ${s}`);
      for (const s of statuses.filter((x) => Number(x) >= 400)) {
        const content = op.responses[s]?.content ?? {};
        if (
          Object.keys(content).join() !== 'application/problem+json' ||
          content['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem'
        )
          missing.push(`${op.operationId}: ${s} is not a Problem`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('asks no token of login, health, readiness and the public keys, and a bearer token of everything else', () => {
    const open = operations()
      .filter(({ op }) => Array.isArray(op.security) && op.security.length === 0)
      .map(({ op }) => op.operationId)
      .sort();
    expect(open).toEqual(['health', 'login', 'publicKeys', 'ready']);
  });
});

describe('the examples (real answers over the demo data, npm run openapi:examples)', () => {
  it('are attached to their operations and each matches its response schema exactly', () => {
    const found: string[] = [];
    const wrong: string[] = [];
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        for (const [media, c] of Object.entries(r.content ?? {}) as [string, { example?: unknown }][]) {
          if (c.example === undefined) continue;
          found.push(`${op.operationId} ${status}`);
          const url = path.replace(/\{\w+\}/g, '1');
          const problems = checkResponse(
            method.toUpperCase(),
            url,
            Number(status),
            { 'content-type': media },
            Buffer.from(JSON.stringify(c.example)),
          );
          // An example is a body: the headers that go with it are not part of it.
          wrong.push(...problems.filter((x) => !/documented header .* is missing/.test(x)));
        }
      }
    }
    expect(wrong).toEqual([]);
    // The main reads, a list, a problem of each kind the demo shows.
    expect(found).toEqual(
      expect.arrayContaining(['getCase 200', 'listCases 200', 'caseHistory 200', 'dueDeadlines 200', 'applyEvent 409', 'registerCase 400']),
    );
  });
});

describe('the response check (tests/helpers/contract.ts)', () => {
  const json = { 'content-type': 'application/json; charset=utf-8' };
  const body = (v: unknown) => Buffer.from(JSON.stringify(v));
  const me = { id: 1, username: 'admin', role: 'admin', displayName: '管理员', active: true, mustChangePassword: false };

  it('passes an answer that matches the document', () => {
    expect(checkResponse('GET', '/api/auth/me', 200, json, body(me))).toEqual([]);
  });

  it('fails an undeclared field, a missing one, a null where none is allowed, a bad date', () => {
    expect(checkResponse('GET', '/api/auth/me', 200, json, body({ ...me, extra: 1 })).join()).toMatch(/additional properties “extra”/);
    expect(checkResponse('GET', '/api/auth/me', 200, json, body({ ...me, active: undefined })).join()).toMatch(/active/);
    expect(checkResponse('GET', '/api/auth/me', 200, json, body({ ...me, displayName: null })).join()).toMatch(
      /displayName must be string/,
    );
    const health = { status: 'ok', database: 'sqlite' };
    expect(checkResponse('GET', '/healthz', 200, json, body(health))).toEqual([]);
    const keys = {
      keys: [
        {
          keyId: 'k',
          algorithm: 'Ed25519',
          use: 'court-package',
          publicKeyPem: 'p',
          jwk: { kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'k' },
          createdAt: '2026-13-01',
        },
      ],
    };
    expect(checkResponse('GET', '/api/keys', 200, json, body(keys)).join()).toMatch(/must match format "date-time"/);
  });

  it('fails an undocumented status or content type, and a problem that is not a Problem', () => {
    expect(checkResponse('GET', '/api/auth/me', 409, { 'content-type': 'application/problem+json' }, body({})).join()).toMatch(
      /not documented/,
    );
    expect(checkResponse('GET', '/api/auth/me', 200, { 'content-type': 'text/html' }, Buffer.from('<p>')).join()).toMatch(
      /content type text\/html/,
    );
    const problem = {
      type: 'https://zhongcai.dev/problems/not-found',
      title: '未找到',
      status: 404,
      detail: 'x',
      instance: '/api/nowhere',
    };
    expect(checkResponse('GET', '/api/nowhere', 404, { 'content-type': 'application/problem+json' }, body(problem))).toEqual([]);
    expect(
      checkResponse('GET', '/api/nowhere', 404, { 'content-type': 'application/problem+json' }, body({ ...problem, why: 1 })).join(),
    ).toMatch(/not a problem/);
    expect(checkResponse('GET', '/api/nowhere', 200, json, body({})).join()).toMatch(/no operation matches/);
  });
});
