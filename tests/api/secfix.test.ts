import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import * as separatedCheck from '../../db/migrations/20261210_0010_search_text_separated_check.ts';
import { createLogger } from '../../server/logger.ts';
import { apiSuite, caseAt } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * An outside security tester's findings (secfix): H1 an identity number with its check character X set apart masked
 * nowhere (views, history, names, search, log); M1 an admin's reset left a lockout from the user's known address;
 * M2 an identity number written against more digits shown in full; L1 HEAD recorded reads and downloads; L2 zstd on
 * Node 20; L3 four separators; L4 405 documented in no operation.
 */
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    lines.push(String(chunk));
    cb();
  },
});
const { t, a } = apiSuite({ logger: createLogger('info', sink) });
const db = process.env.TEST_DB ?? 'sqlite';
const other = () => (a.arbitrators[1] as { token: string }).token;

const BODY = '11010519491231002';
const MASKED = '1101**********002X';
const FACTS = [
  `d1: ${BODY} X`,
  `d2: ${BODY}-X`,
  `e5: ${BODY},X`,
  `d8: ${BODY}\tX`,
  'e8: 1101 0519 4912 3100 2 X',
  'd3: 110105 19491231 002 X',
].join('; ');

describe(`H1: an identity number with its check character set apart (${db})`, () => {
  it('is masked in the view of a masked reader and in the history for everyone', async () => {
    const facts = `${FACTS}; e6: ${BODY} Ｘ; 17: ${BODY}。`;
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('孙八', 615)], facts }) });
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.body.readLevel).toBe('masked');
    expect(view.body.facts).toBe(
      `d1: ${MASKED}; d2: ${MASKED}; e5: ${MASKED}; d8: ${MASKED}; e8: ${MASKED}; d3: ${MASKED}; e6: 1101**********002Ｘ; 17: 1101*********1002。`,
    );
    for (const token of [a.tokens.clerk, other()]) {
      const history = JSON.stringify((await t.api(token).get(`/api/cases/${c.id}/events`)).body);
      expect(history).not.toMatch(/0519491231|19491231|3100 2|194\*{4}1/);
      expect(history).toContain(MASKED);
    }
  });

  it('is refused in a party name and a display name, 400 naming the field, nothing stored', async () => {
    const before = (await t.db.knex('cases').count({ n: '*' }).first())?.n;
    for (const name of [`王${BODY} X`, `王${BODY}-X`, `王${BODY}，X`, `王${BODY}`, '王110105 19491231 002 X']) {
      const r = await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker(name, 611)] }));
      expect(r.status, name).toBe(400);
      expect(JSON.stringify(r.body.errors), name).toContain('applicants.0.name');
      expect(JSON.stringify(r.body)).not.toContain('19491231');
    }
    expect((await t.db.knex('cases').count({ n: '*' }).first())?.n).toBe(before);
    const u = await t.api(t.adminToken).patch(`/api/users/${a.ids.analyst}`, { displayName: `统计${BODY} X` });
    expect(u.status).toBe(400);
    expect(JSON.stringify(u.body.errors)).toContain('displayName');
    const staff = JSON.stringify((await t.api(a.tokens.clerk).get('/api/staff?pageSize=200')).body);
    expect(staff).not.toContain(BODY);
  });

  it('typed into a name before: masked in views; the upgrade masks the search text, found by no part of it', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker('王五', 612)] }))).body;
    const NAME = `王${BODY} X`;
    await t.db.knex('parties').where({ id: c.applicants[0]?.id }).update({ name: NAME });
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ search_text: `\u0001${NAME}\u0001聊城某某机械有限公司` });
    const view = await t.api(a.tokens.analyst).get(`/api/cases/${c.id}`);
    expect(JSON.stringify(view.body)).not.toContain(BODY);
    expect(JSON.stringify(view.body)).toContain(`王${MASKED}`);
    const found = async (q: string) =>
      ((await t.api(other()).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`)).body.items as { id: number }[]).some(
        (x) => x.id === c.id,
      );
    expect(await found('31002')).toBe(true);
    await separatedCheck.up(t.db.knex);
    const stored = (await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text as string;
    expect(stored).toBe('\u0001王1101**********002 X\u0001聊城某某机械有限公司');
    for (const q of ['31002', '11010', '1002 X', '1002', '19491231']) expect(await found(q), q).toBe(false);
    expect(await found('王')).toBe(true);
    await separatedCheck.up(t.db.knex);
    expect((await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text).toBe(stored);
  });

  it('in a path: masked in the log line and the problem instance', async () => {
    const from = lines.length;
    for (const path of [`/api/cases/${BODY}%20X`, `/api/cases/${BODY}-X`, '/api/cases/371502%0D%0A%0D%0A198506071238']) {
      const r = await t.api(a.tokens.clerk).get(path);
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body), path).not.toMatch(/0519491231|19850607/);
    }
    const written = lines.slice(from).join('\n');
    expect(written).toContain(`/api/cases/${MASKED}`);
    expect(written).not.toMatch(/0519491231|19850607/);
  });
});

describe(`M2 and L3: a number against more digits; four separators (${db})`, () => {
  it('are masked in the view of a masked reader and in the history', async () => {
    const facts =
      '身份证及电话37150219850607123813912345678；又371502\r\n\r\n198506071238、371502    19850607    1238；账号6222021234567890123。';
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('李九', 616)], facts }) });
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.body.facts).toBe(
      '身份证及电话3715*********************5678；又3715**********1238、3715**********1238；账号6222021234567890123。',
    );
    for (const token of [a.tokens.clerk, other()]) {
      const history = JSON.stringify((await t.api(token).get(`/api/cases/${c.id}/events`)).body);
      expect(history).not.toMatch(/19850607|0607123813912/);
    }
  });
});

describe(`M1: an admin's password reset lifts a lockout from the user's known address (${db})`, () => {
  it('the new password signs in from the usual address', async () => {
    await t.tokenFor('clerk', 'lock3');
    const login = (password: string, address: string) =>
      request(t.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username: 'lock3', password });
    expect((await login('lock3-password-1', '10.61.0.1')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('wrong-password-xyz', '10.61.0.1')).status).toBe(401);
    expect((await login('wrong-password-xyz', '10.61.0.1')).status).toBe(429);
    const reset = await t.api(t.adminToken).post(`/api/users/${t.userId('lock3')}/password-reset`, { newPassword: 'lock3-reset-2026-ok' });
    expect(reset.status).toBe(200);
    expect((await login('lock3-reset-2026-ok', '10.61.0.1')).status).toBe(200);
    // Guesses after the reset count again.
    for (let i = 0; i < 5; i++) expect((await login('wrong-password-xyz', '10.61.0.1')).status).toBe(401);
    expect((await login('lock3-reset-2026-ok', '10.61.0.1')).status).toBe(429);
  });
});

describe(`L1 and L4: HEAD is no operation's method; 405 documented (${db})`, () => {
  it('HEAD on a case or a document: 405 with an Allow naming no HEAD, and no access recorded', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker('赵六', 613)] }))).body;
    const count = async () => (await t.db.knex('access_log').where({ case_id: c.id }).count({ n: '*' }).first())?.n;
    const before = await count();
    for (const path of [`/api/cases/${c.id}`, `/api/cases/${c.id}/events`, '/api/documents/1']) {
      const r = await request(t.app).head(path).set('Authorization', `Bearer ${a.tokens.clerk}`);
      expect(r.status, path).toBe(405);
      expect(r.headers.allow, path).not.toContain('HEAD');
      expect(r.headers.allow, path).toContain('GET');
    }
    expect(await count()).toBe(before);
    const get = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(get.headers.allow).toBeUndefined();
    expect(Number(await count())).toBe(Number(before) + 1);
  });

  it('/openapi.json documents a 405 with Allow on every operation, and no HEAD', async () => {
    const doc = (await request(t.app).get('/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(Object.keys(item), path).not.toContain('head');
      for (const [method, op] of Object.entries(item)) {
        expect(op.responses['405'], `${method} ${path}`).toBeDefined();
        expect(Object.keys(op.responses['405']?.headers ?? {}), `${method} ${path}`).toContain('Allow');
      }
    }
  });
});

describe(`L2: a zstd body (${db})`, () => {
  it('on a Node.js without zstd, 400 saying so; decompressed where zlib has it', async () => {
    const hasZstd = typeof (zlib as { zstdCompressSync?: unknown }).zstdCompressSync === 'function';
    const json = Buffer.from(JSON.stringify(application({ applicants: [worker('钱七', 614)] })));
    const body = hasZstd ? (zlib as unknown as { zstdCompressSync(b: Buffer): Buffer }).zstdCompressSync(json) : json;
    const r = await request(t.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${a.tokens.clerk}`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'zstd')
      .send(body);
    if (hasZstd) expect(r.status).toBe(201);
    else {
      expect(r.status).toBe(400);
      expect(r.body.type).toBe('https://zhongcai.dev/problems/unsupported-body-encoding');
      expect(r.body.detail).toContain(`Node.js（${process.version}）不支持 zstd`);
      expect(JSON.stringify(r.body.errors)).toContain('Content-Encoding');
    }
  });
});
