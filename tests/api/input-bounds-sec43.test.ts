import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from '../../app/errors.ts';
import { bodySizeError, MAX_BODY_VALUES, MAX_KEYS_PER_OBJECT } from '../../server/http/body-size.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { capturedLogger } from '../helpers/log-sink.ts';

/**
 * Findings of an outside security tester (sec43): a body of tens of thousands of unknown keys answered a 400 naming each
 * (megabytes, a second of blocked event loop, before any token or throttle); an inherited name as calculator kind
 * (`toString`) was a 500; `page=0x10` was read as 16 and a repeated `pageSize` answered "NaN".
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
const { lines, logger } = capturedLogger();
const { t, a } = apiSuite({ logger });

/** ~1 MB: 60,000 unknown keys, as the tester sent. */
const manyKeys = JSON.stringify(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`key${i}`, i])));
const post = (url: string, body: string, token?: string) => {
  const r = request(t.app).post(url).set('Content-Type', 'application/json');
  return (token ? r.set('Authorization', `Bearer ${token}`) : r).send(body);
};
const requestLine = (reqId: string) => lines.find((l) => l.includes(reqId) && l.includes('"msg":"request"'));

describe(`many keys in a body (${dialect})`, () => {
  it('a 1 MB body of 60,000 unknown keys → a short 400 naming the body, on login and on a write of any role', async () => {
    expect(manyKeys.length).toBeGreaterThan(900_000);
    for (const [url, token] of [
      ['/api/auth/login', undefined],
      ['/api/cases', a.tokens.clerk],
      // A role that may not register answers the same 400 (400 comes before 403), as cheaply.
      ['/api/cases', a.tokens.analyst],
      ['/api/users', a.tokens.clerk],
    ] as const) {
      const r = await post(url, manyKeys, token);
      expect(r.status, url).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.text.length, url).toBeLessThan(1000);
      expect(r.body.type).toBe('https://zhongcai.dev/problems/validation-error');
      expect(r.body.errors).toEqual([{ path: '', message: `字段过多：一个对象最多${MAX_KEYS_PER_OBJECT}个字段，收到60000个` }]);
      // The request's log line stays one short line: no detail, no key.
      const line = requestLine(r.headers['x-request-id'] as string);
      expect(line, 'request log line').toBeDefined();
      expect((line as string).length).toBeLessThan(400);
      expect(line).not.toContain('key59999');
    }
    // Nested: the object named by its path.
    const nested = `{"applicants":[{"kind":"person","x":${manyKeys}}]}`;
    const r = await post('/api/cases', nested, a.tokens.clerk);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['applicants.0.x']);
  });

  it('up to the limit of keys, a 400 names every bad field in errors; its detail names the first 20 and counts the rest', async () => {
    const body = { username: 'admin', password: 'x', ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])) };
    const r = await post('/api/auth/login', JSON.stringify(body));
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(500);
    expect(r.body.errors[0]).toEqual({ path: 'k0', message: '不允许的字段“k0”' });
    expect(r.body.errors.at(-1)).toEqual({ path: 'k499', message: '不允许的字段“k499”' });
    expect(r.body.detail).toBe(
      `500 个字段无效：${Array.from({ length: MAX_LISTED_ERRORS }, (_, i) => `k${i}`).join(', ')}；另有480个字段无效`,
    );
    expect(r.text.length).toBeLessThan(40_000);
    // The same on a write, the registration's own errors first.
    const w = await post('/api/cases', JSON.stringify({ ...application(), ...body }), a.tokens.clerk);
    expect(w.status).toBe(400);
    expect(w.body.errors).toHaveLength(502);
    expect(w.body.detail).toMatch(/^502 个字段无效：username, password, k0, .*；另有482个字段无效$/);
  });

  it('too many values in all (many small objects or array elements) → a short 400 naming the body', async () => {
    for (const body of [
      { username: 'a', password: 'b', x: Array.from({ length: 25_000 }, () => ({ k: 1 })) },
      { username: 'a', password: 'b', x: new Array(MAX_BODY_VALUES).fill(0) },
    ]) {
      const r = await post('/api/auth/login', JSON.stringify(body));
      expect(r.status).toBe(400);
      expect(r.text.length).toBeLessThan(1000);
      expect(r.body.errors).toEqual([{ path: '', message: `请求体过于庞大：最多${MAX_BODY_VALUES}个值（字段与数组元素）` }]);
    }
  });

  it('a key as long as the body is not repeated whole in the answer', async () => {
    const r = await post('/api/auth/login', JSON.stringify({ [`k${'x'.repeat(500_000)}`]: 1 }));
    expect(r.status).toBe(400);
    expect(r.text.length).toBeLessThan(6000);
    expect(r.body.errors.every((e: { path: string }) => e.path.length <= 200)).toBe(true);
  });

  it('the largest bodies the API takes stay under the limits', () => {
    const agent = { name: '李律师', kind: 'lawyer', unit: '某律师事务所', phone: '13900000000' };
    const big = application({
      applicants: Array.from({ length: 500 }, (_, i) => ({ ...worker(`申请人${i}`, i), agents: [agent, agent] })),
      claims: Array.from({ length: 100 }, (_, i) => ({ category: 'wages', amount: '100', description: `请求${i}`, applicant: 1 })),
    });
    expect(bodySizeError(big)).toBeNull();
    expect(bodySizeError(Object.fromEntries(Array.from({ length: MAX_KEYS_PER_OBJECT }, (_, i) => [`k${i}`, i])))).toBeNull();
  });
});

describe(`calculator kinds (${dialect})`, () => {
  it('an inherited name is no kind: 404, never a 500', async () => {
    for (const kind of [
      'toString',
      'constructor',
      '__proto__',
      'valueOf',
      'hasOwnProperty',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'toLocaleString',
      '__defineGetter__',
      'nope',
    ]) {
      const r = await t.api(a.tokens.arbitrator).post(`/api/calculators/${kind}`, {});
      expect(r.status, `${kind}: ${JSON.stringify(r.body)}`).toBe(404);
      expect(r.body.detail).toBe('没有这个记录：计算器种类无效或不存在');
    }
    const ok = await t.api(a.tokens.arbitrator).post('/api/calculators/notice_pay', { lastMonthWage: '5000' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

describe(`whole numbers in a query (${dialect})`, () => {
  const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);
  it('page, pageSize, within and days take plain decimal digits only', async () => {
    const api = t.api(a.tokens.clerk);
    for (const page of ['0x10', '1e3', '%2B5', '1.0', '%207', '-1', '0', '', 'abc', '1234567890']) {
      const r = await api.get(`/api/cases?page=${page}`);
      expect(r.status, `page=${page}`).toBe(400);
      expect(paths(r)).toEqual(['page']);
    }
    expect((await api.get('/api/cases?pageSize=0x10')).status).toBe(400);
    expect((await api.get('/api/cases?pageSize=201')).body.errors).toEqual([{ path: 'pageSize', message: 'pageSize 为 1–200' }]);
    expect((await api.get('/api/deadlines?within=1e2')).status).toBe(400);
    expect((await api.get('/api/board/award-clock?within=0x10')).status).toBe(400);
    const days = await api.get('/api/calendar/deadline?from=2026-09-28&days=1e1&unit=working');
    expect(days.status).toBe(400);
    expect(paths(days)).toEqual(['days']);
    const fine = await api.get('/api/cases?page=2&pageSize=10');
    expect(fine.status).toBe(200);
    expect([fine.body.page, fine.body.pageSize]).toEqual([2, 10]);
    const dflt = await api.get('/api/cases');
    expect([dflt.body.page, dflt.body.pageSize]).toEqual([1, 50]);
    expect((await api.get('/api/calendar/deadline?from=2026-09-28&days=5&unit=working')).status).toBe(200);
    expect((await api.get('/api/deadlines?within=14')).status).toBe(200);
  });

  it('a parameter given twice is named, in Chinese, not "NaN"', async () => {
    const r = await t.api(a.tokens.clerk).get('/api/cases?pageSize=1&pageSize=2');
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'pageSize', message: 'pageSize 只能指定一次' }]);
    expect(r.text).not.toContain('NaN');
    const p = await t.api(a.tokens.clerk).get('/api/cases?page=1&page=2');
    expect(p.body.errors).toEqual([{ path: 'page', message: 'page 只能指定一次' }]);
  });
});
