import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/knex.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp } from '../helpers/app.ts';
import { caseEvents } from '../helpers/case-fixtures.ts';
import { type Actors, createActors, registerCase } from '../helpers/procedure.ts';

/** Findings of the outside checker sec52 (fixS52). The same body on SQLite and PostgreSQL. */
const dialect = process.env.TEST_DB ?? 'sqlite';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

describe(`H1: parallel correct logins lock nothing (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '4', LOGIN_MAX_FAILURES: '3' } });
    for (let i = 0; i < 8; i++) await t.tokenFor('clerk', `user${i}`);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const login = (app: Parameters<typeof request>[0], username: string, password: string, address: string) =>
    request(app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
  /** Every answer a 200, or a 429 that says what happened: logins in flight, a Retry-After of seconds — never 「失败」. */
  const onlyBusy = (rs: request.Response[], busy: string) => {
    for (const r of rs) {
      if (r.status === 200) continue;
      expect(r.status, JSON.stringify(r.body)).toBe(429);
      expect(r.body.detail).toBe(busy);
      expect(r.body.detail).not.toContain('失败');
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(2);
    }
  };

  it('from one address, more correct logins at once than LOGIN_MAX_FAILURES_PER_ADDRESS: no lockout, the next login passes', async () => {
    const db = openDatabase(t.dbUrl);
    const second = createApp({ db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    try {
      const rs = await Promise.all(
        Array.from({ length: 22 }, (_, i) => login(i % 2 ? second : t.app, `user${i % 8}`, `user${i % 8}-password-1`, '10.52.0.1')),
      );
      onlyBusy(rs, '该地址同时进行的登录过多，请稍后再试');
      expect(rs.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(4);
      // Nothing failed: nothing is counted, nothing remembered — the next correct login from there, in either process, passes.
      expect((await login(t.app, 'user0', 'user0-password-1', '10.52.0.1')).status).toBe(200);
      expect((await login(second, 'user1', 'user1-password-1', '10.52.0.1')).status).toBe(200);
      const rows = await t.db
        .knex('throttle_events')
        .whereIn('bucket', ['login.address', 'login.address~', 'login.account', 'login.account~']);
      expect(rows).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('one account, 12 correct logins at once: none 「账号暂时锁定」, the next one passes', async () => {
    const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => login(t.app, 'user2', 'user2-password-1', `10.52.1.${i + 1}`)));
    onlyBusy(rs, '该账号同时进行的登录过多，请稍后再试');
    expect((await login(t.app, 'user2', 'user2-password-1', '10.52.1.99')).status).toBe(200);
  });

  it('only failures count: below the limit a correct login passes; at the limit 「失败次数过多」 as before, also for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login(t.app, `nobody${i}`, 'wrong-password-1', '10.52.2.1')).status).toBe(401);
    // 3 failures of 4, and correct logins in parallel: they pass or are told to retry in seconds.
    const rs = await Promise.all(Array.from({ length: 4 }, (_, i) => login(t.app, `user${i + 3}`, `user${i + 3}-password-1`, '10.52.2.1')));
    onlyBusy(rs, '该地址同时进行的登录过多，请稍后再试');
    expect(rs.some((r) => r.status === 200)).toBe(true);
    expect((await login(t.app, 'nobody3', 'wrong-password-1', '10.52.2.1')).status).toBe(401);
    // An account never signed in from there (user3–6 may have: an address known for an account does not refuse it, sec53 M1).
    const locked = await login(t.app, 'user0', 'user0-password-1', '10.52.2.1');
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/^该地址登录失败次数过多，请 1[45] 分钟后再试$/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // Parallel wrong passwords for one account: at most LOGIN_MAX_FAILURES (3) are hashed, then the account is locked.
    const wrong = await Promise.all(Array.from({ length: 10 }, (_, i) => login(t.app, 'user7', `wrong-${i}-password`, `10.52.3.${i + 1}`)));
    expect(wrong.filter((r) => r.status === 401)).toHaveLength(3);
    const after = await login(t.app, 'user7', 'user7-password-1', '10.52.3.99');
    expect(after.status).toBe(429);
    expect(after.body.detail).toContain('账号暂时锁定');
  });
});

describe(`M1, L1: reference tables and users (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const audits = async () => Number((await t.db.knex('audit_log').count({ n: '*' }).first())?.n);
  const versions = async () => await t.db.knex('reference_versions').orderBy('name').select('name', 'version');

  it('M1: PUT average-wages [] → 400 naming the body, the table unchanged (as the minimum wages)', async () => {
    const admin = t.api(t.adminToken);
    const row = { district: '全市', year: 2024, monthly: '6000', publishedOn: '2025-05-20', source: '测试公布文件' };
    expect((await admin.put('/api/reference/average-wages', [row])).status).toBe(200);
    const before = (await admin.get('/api/reference/average-wages')).body;
    const [n, v] = [await audits(), await versions()];
    const r = await admin.put('/api/reference/average-wages', []);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.errors).toEqual([{ path: '', message: '职工月平均工资表不能为空（整表替换）' }]);
    expect((await admin.get('/api/reference/average-wages')).body).toEqual(before);
    expect(await audits()).toBe(n);
    expect(await versions()).toEqual(v);
  });

  it('L1: the same table again, in another order, or a user PATCH changing nothing: 200, no audit row, no version bump', async () => {
    const admin = t.api(t.adminToken);
    const avg = [
      { district: '全市', year: 2024, monthly: '6000', publishedOn: '2025-05-20', source: '测试公布文件', confirmed: true },
      { district: '全市', year: 2023, monthly: '5800.00', source: '测试公布文件' },
    ];
    expect((await admin.put('/api/reference/average-wages', avg)).status).toBe(200);
    const min = (await admin.get('/api/reference/minimum-wages')).body as object[];
    expect(min.length).toBeGreaterThan(0);
    await t.tokenFor('clerk', 'same-name');
    const id = t.userId('same-name');
    const [n, v] = [await audits(), await versions()];
    const sameAvg = await admin.put('/api/reference/average-wages', [{ ...avg[1], monthly: '5800' }, avg[0]]);
    expect(sameAvg.status).toBe(200);
    expect(sameAvg.body).toEqual((await admin.get('/api/reference/average-wages')).body);
    const sameMin = await admin.put('/api/reference/minimum-wages', [...min].reverse());
    expect(sameMin.status).toBe(200);
    expect(sameMin.body).toEqual(min);
    const user = await admin.patch(`/api/users/${id}`, { displayName: 'same-name（测试）', active: true, role: 'clerk' });
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ id, displayName: 'same-name（测试）', active: true, role: 'clerk' });
    expect(await audits()).toBe(n);
    expect(await versions()).toEqual(v);
    // A real change is still written and audited.
    expect((await admin.patch(`/api/users/${id}`, { displayName: '新名字' })).status).toBe(200);
    expect((await admin.put('/api/reference/average-wages', [avg[0]])).status).toBe(200);
    expect(await audits()).toBe(n + 2);
    expect(await versions()).not.toEqual(v);
  });
});

describe(`M2: the state before the date ordering (${dialect})`, () => {
  let t: TestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-28T02:00:00Z' });
    a = await createActors(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });
  const { send, ok } = caseEvents(() => t);

  it('ACCEPT of a rejected case dated before the rejection: 409 naming the state, as on a later day; nothing recorded', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-11-25');
    const version = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version;
    for (const day of ['2026-11-24', '2026-11-26']) {
      const r = await send(c, a.tokens.clerk, 'ACCEPT', {}, day);
      expect(r.status, `${day}: ${JSON.stringify(r.body)}`).toBe(409);
      expect(r.body.detail).toContain('案件当前状态为“不予受理”，不能进行“受理”');
    }
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version).toBe(version);
  });

  it('a voided registration: an event dated before the void is 409, not the date 400; an allowed event dated too early is still 400', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '登记错误' }, '2026-11-25');
    const r = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-24');
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.detail).not.toContain('发生日期');
    // The date check stands for an event the state allows.
    const d = await registerCase(t, a);
    await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-11-25');
    const early = await send(
      d,
      a.tokens.chair,
      'FORM_TRIBUNAL',
      { arbitratorIds: [a.arbitrators[0]?.id], presidingId: a.arbitrators[0]?.id },
      '2026-11-24',
    );
    expect(early.status, JSON.stringify(early.body)).toBe(400);
    expect(early.body.errors).toEqual([{ path: 'occurredOn', message: '发生日期不能早于上一程序事件的日期（2026-11-25）' }]);
  });
});

describe(`L2: a request line over maxHeaderSize (${dialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/cases?q=<45 KB> → 431 problem+json naming the cause, documented in /openapi.json; the server still answers', async () => {
    const server = createApp({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await fetch(`${base}/api/cases/110101199003077777?q=${'张'.repeat(5000)}${'x'.repeat(30_000)}`, {
        headers: { authorization: `Bearer ${t.adminToken}` },
      });
      expect(r.status).toBe(431);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      const body = (await r.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        type: 'https://zhongcai.dev/problems/request-header-too-large',
        title: '请求头过大',
        status: 431,
        detail: '请求行与请求头合计超过 16 KB（多为过长的查询参数，如 q）：请缩短查询内容后重试',
      });
      // The path without the query, an identity-number shape masked (as every problem's instance).
      expect(body.instance).toMatch(/^\/api\/cases\//);
      expect(String(body.instance)).not.toContain('110101199003077777');
      // A request of ordinary size on the same server is answered as ever.
      const ok = await fetch(`${base}/api/cases?q=${'张'.repeat(10)}`, { headers: { authorization: `Bearer ${t.adminToken}` } });
      expect(ok.status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
    const doc = (await request(t.app).get('/openapi.json')).body;
    expect(doc.paths['/api/cases'].get.responses['431']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  });
});
