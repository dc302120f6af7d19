import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application, employer, idNumber, worker } from '../helpers/fixtures.ts';

let t: TestApp;
let clerk: string;
let analyst: string;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.tokenFor('clerk');
  analyst = await t.tokenFor('analyst');
});
afterAll(async () => t?.close());

async function caseCount(): Promise<number> {
  const r = await t.db.knex('cases').count<{ n: number }[]>({ n: '*' }).first();
  return Number(r?.n);
}

describe(`auth and users (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('401 problem+json without a token, with a bad token, and after logout', async () => {
    const r = await request(t.app).get('/api/cases');
    expect(r.status).toBe(401);
    expect(r.type).toBe('application/problem+json');
    expect(r.body).toMatchObject({ status: 401, title: expect.any(String), detail: expect.any(String) });
    expect((await t.api('x'.repeat(43)).get('/api/cases')).status).toBe(401);
    const token = (await request(t.app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password-1' })).body.token;
    expect((await t.api(token).get('/api/auth/me')).body.username).toBe('admin');
    expect((await t.api(token).post('/api/auth/logout')).status).toBe(204);
    expect((await t.api(token).get('/api/auth/me')).status).toBe(401);
  });

  it('tokens expire', async () => {
    const token = (await request(t.app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password-1' })).body.token;
    t.clock.advance(13 * 3600_000);
    try {
      expect((await t.api(token).get('/api/auth/me')).status).toBe(401);
    } finally {
      t.clock.advance(-13 * 3600_000);
    }
  });

  it('stores tokens and passwords only as hashes', async () => {
    const token = (await request(t.app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password-1' })).body.token;
    const rows = await t.db.knex('tokens').select('token_hash');
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const users = await t.db.knex('users').select('password_hash');
    for (const u of users) expect(u.password_hash).toMatch(/^scrypt\$/);
  });

  it('rate-limits failed logins with 429 and Retry-After', async () => {
    await t.tokenFor('mediator', 'victim');
    for (let i = 0; i < 5; i++) {
      expect((await request(t.app).post('/api/auth/login').send({ username: 'victim', password: 'wrong-password' })).status).toBe(401);
    }
    const r = await request(t.app).post('/api/auth/login').send({ username: 'victim', password: 'victim-password-1' });
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(16 * 60_000);
    expect((await request(t.app).post('/api/auth/login').send({ username: 'victim', password: 'victim-password-1' })).status).toBe(200);
  });

  it('only admins create and list users; duplicates are 409; bad roles are 400', async () => {
    const body = { username: 'arb1', password: 'arb1-password-2026', role: 'arbitrator', displayName: '李仲裁' };
    expect((await t.api(clerk).post('/api/users', body)).status).toBe(403);
    expect((await t.api(clerk).get('/api/users')).status).toBe(403);
    expect((await t.api(t.adminToken).post('/api/users', body)).status).toBe(201);
    const taken = await t.api(t.adminToken).post('/api/users', body);
    expect(taken.status).toBe(409);
    // The form marks the username field.
    expect(taken.body).toMatchObject({ field: 'username', detail: '用户名“arb1”已被使用' });
    const bad = await t.api(t.adminToken).post('/api/users', { ...body, username: 'x', role: 'judge', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['password', 'role', 'username']);
    const list = await t.api(t.adminToken).get('/api/users');
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain('arb1');
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });
});

describe('case registration', () => {
  it('registers a case with several applicants, a company respondent and several claims', async () => {
    const r = await t
      .api(clerk)
      .post('/api/cases', application({ applicants: [worker('张三', 11), worker('李四', 12), worker('王五', 13)], wageArrears: true }));
    expect(r.status).toBe(201);
    expect(r.headers.location).toBe(`/api/cases/${r.body.id}`);
    expect(r.body).toMatchObject({
      track: 'arbitration',
      state: 'received',
      stateLabel: '已收件待审查',
      caseNo: null,
      version: 1,
      collective: false,
      wageArrears: true,
    });
    expect(r.body.applicants).toHaveLength(3);
    expect(r.body.applicants[0]).toMatchObject({ name: '张三', sex: 'male', birthDate: '1990-01-01', id: expect.any(Number) });
    expect(r.body.respondents[0]).toMatchObject({ kind: 'organization', creditCode: '91371500MA3C7K2L12' });
    expect(r.body.claims.map((c: { amount: string }) => c.amount)).toEqual(['12000.00', '26400.00']);
    const stored = await t.db.knex('claims').where({ case_id: r.body.id }).orderBy('seq');
    expect(stored.map((c) => Number(c.amount_fen))).toEqual([1200000, 2640000]);
  });

  it('derives collective for 10 or more worker applicants', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 100 + i));
    const r = await t.api(clerk).post('/api/cases', application({ applicants: ten }));
    expect(r.body.collective).toBe(true);
    const nine = await t.api(clerk).post('/api/cases', application({ applicants: ten.slice(0, 9) }));
    expect(nine.body.collective).toBe(false);
  });

  it('records registration as the first history entry, in the same transaction', async () => {
    const r = await t.api(clerk).post('/api/cases', application());
    const ev = await t.api(clerk).get(`/api/cases/${r.body.id}/events`);
    expect(ev.status).toBe(200);
    expect(ev.body).toHaveLength(1);
    expect(ev.body[0]).toMatchObject({
      type: 'REGISTER',
      label: '登记申请',
      occurredOn: '2026-03-02',
      actor: { role: 'clerk', id: t.userId('clerk') },
      stateBefore: null,
      stateAfter: 'received',
      before: null,
    });
    expect(ev.body[0].after.applicants[0].idNumber).toBe('3715**********1234'.replace('1234', r.body.applicants[0].idNumber.slice(-4)));
  });

  it('lets a mediator register a pre-arbitration mediation, but not an arbitration application', async () => {
    const mediator = await t.tokenFor('mediator');
    const m = await t.api(mediator).post('/api/cases', application({ track: 'mediation' }));
    expect(m.status).toBe(201);
    expect(m.body).toMatchObject({ track: 'mediation', state: 'mediation_in_progress' });
    expect((await t.api(mediator).post('/api/cases', application())).status).toBe(403);
    expect((await t.api(analyst).post('/api/cases', application())).status).toBe(403);
  });

  it('refuses bad identity numbers, credit codes, money, dates and enums with 400 naming each field, storing nothing', async () => {
    const before = await caseCount();
    const r = await t.api(clerk).post(
      '/api/cases',
      application({
        receivedOn: '2026-02-30',
        district: '北京市',
        applicants: [{ ...worker('张三'), idNumber: '371502199001011235', phone: '123' }],
        respondents: [{ ...employer(), creditCode: '91371500MA3C7K2L13' }],
        claims: [
          { category: 'wages', amount: '100.001', description: '工资' },
          { category: 'bonus', amount: 100, description: '' },
        ],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.type).toBe('application/problem+json');
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(
      [
        'applicants.0.idNumber',
        'applicants.0.phone',
        'claims.0.amount',
        'claims.1.amount',
        'claims.1.category',
        'claims.1.description',
        'district',
        'receivedOn',
        'respondents.0.creditCode',
      ].sort(),
    );
    expect(r.body.errors.find((e: { path: string }) => e.path === 'applicants.0.idNumber').message).toBe('身份证号码校验位错误');
    expect(await caseCount()).toBe(before);
  });

  it('refuses a receipt date in the future, unknown fields and over-long text', async () => {
    const future = await t.api(clerk).post('/api/cases', application({ receivedOn: '2026-04-02' }));
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('receivedOn');
    const unknown = await t.api(clerk).post('/api/cases', application({ applicant: [] }));
    expect(unknown.body.errors[0].path).toBe('applicant');
    const long = await t.api(clerk).post('/api/cases', application({ applicants: [worker('张'.repeat(101))] }));
    expect(long.body.errors[0].path).toBe('applicants.0.name');
    const facts = await t.api(clerk).post('/api/cases', application({ facts: '事'.repeat(20001) }));
    expect(facts.body.errors[0].path).toBe('facts');
    // PostgreSQL cannot store NUL in text: control characters are refused at the edge, naming the field.
    const nul = await t.api(clerk).post('/api/cases', application({ applicants: [worker('张\u0000三')] }));
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ path: 'applicants.0.name', message: '包含不允许的控制字符' }]);
  });

  it('malformed JSON is 400, a huge body 413, an unknown route 404 — all problem+json', async () => {
    const bad = await request(t.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${clerk}`)
      .set('Content-Type', 'application/json')
      .send('{"receivedOn": ');
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
    const huge = await t.api(clerk).post('/api/cases', application({ facts: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    expect(huge.type).toBe('application/problem+json');
    const nf = await t.api(clerk).get('/api/nothing-here');
    expect(nf.status).toBe(404);
    expect(nf.type).toBe('application/problem+json');
    expect((await t.api(clerk).get('/api/cases/999999')).status).toBe(404);
    expect((await t.api(clerk).get('/api/cases/abc')).status).toBe(404);
    // A method the path does not take: 405 naming the ones it does (RFC 9110), not a 404.
    const wrong = await request(t.app).delete('/api/cases').set('Authorization', `Bearer ${clerk}`);
    expect(wrong.status).toBe(405);
    expect(wrong.type).toBe('application/problem+json');
    expect(wrong.headers.allow?.split(', ').sort()).toEqual(['GET', 'POST']);
    expect((await t.api(clerk).put('/api/cases/1/events')).headers.allow?.split(', ').sort()).toEqual(['GET', 'POST']);
    // A path id that is not valid percent-encoding names no record either (express would answer an undeclared 400).
    for (const path of ['/api/cases/%E0%A4%A', '/api/cases/%E0%A4%A/deadlines', '/api/documents/%ZZ']) {
      const res = await t.api(clerk).get(path);
      expect(res.status, path).toBe(404);
      expect(res.type).toBe('application/problem+json');
    }
  });
});

describe('listing and search', () => {
  it('finds a case by a party name and by case number text, paginates, and masks identity numbers', async () => {
    const created = await t.api(clerk).post('/api/cases', application({ applicants: [worker('欧阳明喆', 321)], district: '临清市' }));
    const byName = await t.api(analyst).get('/api/cases').query({ q: '明喆' });
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
    expect(byName.body.items[0].applicantNames).toEqual(['欧阳明喆']);
    const byDistrict = await t.api(analyst).get('/api/cases').query({ district: '临清市' });
    expect(byDistrict.body.total).toBe(1);
    const wildcard = await t.api(analyst).get('/api/cases').query({ q: '%' });
    expect(wildcard.body.total).toBe(0);
    const page = await t.api(analyst).get('/api/cases').query({ page: 1, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(JSON.stringify(page.body)).not.toMatch(/\d{17}[\dX]/);
    const bad = await t.api(analyst).get('/api/cases').query({ pageSize: 201 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('pageSize');
    expect((await t.api(analyst).get('/api/cases').query({ page: 0 })).status).toBe(400);
  });

  it('wage-arrears cases come first', async () => {
    const list = await t.api(analyst).get('/api/cases').query({ pageSize: 200 });
    const flags: boolean[] = list.body.items.map((c: { wageArrears: boolean }) => c.wageArrears);
    expect(flags.indexOf(false)).toBeGreaterThan(flags.lastIndexOf(true));
  });
});

describe('editing before acceptance', () => {
  it('edits with If-Match, keeps party ids, and records before/after', async () => {
    const c = (await t.api(clerk).post('/api/cases', application())).body;
    const applicant = c.applicants[0];
    const r = await t
      .api(clerk)
      .patch(`/api/cases/${c.id}`, {
        applicants: [{ ...worker('张三'), id: applicant.id, address: '聊城市茌平区振兴街道' }, worker('赵六', 55)],
        claims: [{ id: c.claims[0].id, category: 'wages', amount: '13000.50', description: '2025年10月至12月工资及加班费' }],
      })
      .set('If-Match', String(c.version));
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.body.applicants[0]).toMatchObject({ id: applicant.id, address: '聊城市茌平区振兴街道' });
    expect(r.body.applicants[1].name).toBe('赵六');
    expect(r.body.claims).toEqual([expect.objectContaining({ id: c.claims[0].id, amount: '13000.50' })]);
    const stale = await t.api(clerk).patch(`/api/cases/${c.id}`, { facts: '新的事实' }).set('If-Match', '1');
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(2);
    // It names what moved the case since version 1: who recorded what, when (China time).
    expect(stale.body.latest).toMatchObject({ type: 'UPDATE_REGISTRATION', label: '修改登记信息', actorName: 'clerk（测试）' });
    expect(stale.body.detail).toContain('clerk（测试）于 ');
    expect(stale.body.detail).toContain('办理了“修改登记信息”');
    const ev = (await t.api(clerk).get(`/api/cases/${c.id}/events`)).body;
    expect(ev.map((e: { type: string }) => e.type)).toEqual(['REGISTER', 'UPDATE_REGISTRATION']);
    expect(ev[1].before.claims).toHaveLength(2);
    expect(ev[1].after.claims).toHaveLength(1);
    expect((await t.api(analyst).get('/api/cases').query({ q: '赵六' })).body.total).toBe(1);
  });

  it('an event sent with a stale If-Match is 412 naming the act that moved the case, and records nothing', async () => {
    const c = (await t.api(clerk).post('/api/cases', application())).body;
    expect(
      (await t.api(clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' }).set('If-Match', '1')).status,
    ).toBe(200);
    const stale = await t
      .api(clerk)
      .post(`/api/cases/${c.id}/events`, { type: 'REJECT', occurredOn: '2026-03-04', reason: '不属于受理范围' })
      .set('If-Match', '1');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: 2, latest: { type: 'ACCEPT', label: '受理', actorName: 'clerk（测试）' } });
    expect(Date.parse(stale.body.latest.recordedAt)).not.toBeNaN();
    const ev = (await t.api(clerk).get(`/api/cases/${c.id}/events`)).body;
    expect(ev.map((e: { type: string }) => e.type)).toEqual(['REGISTER', 'ACCEPT']);
  });

  it('a document generated with a stale If-Match is 412 naming the act that moved the case, and stores nothing', async () => {
    const c = (await t.api(clerk).post('/api/cases', application())).body;
    expect((await t.api(clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })).status).toBe(200);
    const stale = await t.api(clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' }).set('If-Match', '1');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: 2, latest: { type: 'ACCEPT', label: '受理' } });
    expect((await t.api(clerk).get(`/api/cases/${c.id}/documents`)).body).toEqual([]);
    const fresh = await t.api(clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' }).set('If-Match', '"2"');
    expect(fresh.status).toBe(201);
    expect((await t.api(clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' }).set('If-Match', 'x')).status).toBe(400);
  });

  it('refuses ids from another case and bad patches without changing anything', async () => {
    const a = (await t.api(clerk).post('/api/cases', application())).body;
    const b = (await t.api(clerk).post('/api/cases', application())).body;
    const r = await t.api(clerk).patch(`/api/cases/${a.id}`, { applicants: [{ ...worker('X'), id: b.applicants[0].id }] });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].path).toBe('applicants.0.id');
    expect((await t.api(clerk).patch(`/api/cases/${a.id}`, {})).status).toBe(400);
    expect((await t.api(analyst).patch(`/api/cases/${a.id}`, { facts: 'x' })).status).toBe(403);
    expect((await t.api(clerk).get(`/api/cases/${a.id}`)).body.version).toBe(1);
  });
});

describe('idempotency', () => {
  it('a retried POST with the same key returns the first result and stores nothing twice', async () => {
    const before = await caseCount();
    const body = application({ applicants: [worker('钱七', 77)] });
    const first = await t.api(clerk).post('/api/cases', body).set('Idempotency-Key', 'reg-abc-1');
    const again = await t.api(clerk).post('/api/cases', body).set('Idempotency-Key', 'reg-abc-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await caseCount()).toBe(before + 1);
    const different = await t
      .api(clerk)
      .post('/api/cases', { ...body, facts: '不同' })
      .set('Idempotency-Key', 'reg-abc-1');
    expect(different.status).toBe(422);
    // Keys are scoped to the user.
    const mediator = await t.tokenFor('mediator');
    const other = await t
      .api(mediator)
      .post('/api/cases', { ...body, track: 'mediation' })
      .set('Idempotency-Key', 'reg-abc-1');
    expect(other.status).toBe(201);
  });

  it('parallel retries with one key create exactly one case', async () => {
    const before = await caseCount();
    const body = application({ applicants: [worker('孙八', 88)] });
    const rs = await Promise.all(
      Array.from({ length: 6 }, () => t.api(clerk).post('/api/cases', body).set('Idempotency-Key', 'parallel-key')),
    );
    expect(new Set(rs.map((r) => r.body.id)).size).toBe(1);
    expect(rs.every((r) => r.status === 201)).toBe(true);
    expect(await caseCount()).toBe(before + 1);
  });
});

describe('audit trail is append-only', () => {
  it('the database refuses to update or delete case_events', async () => {
    await expect(t.db.knex('case_events').update({ type: 'X' })).rejects.toThrow(/append-only/);
    await expect(t.db.knex('case_events').delete()).rejects.toThrow(/append-only/);
  });
});

describe('service endpoints', () => {
  it('healthz, openapi.json generated from the schemas, docs page', async () => {
    const h = await request(t.app).get('/healthz');
    expect(h.status).toBe(200);
    expect(h.body.status).toBe('ok');
    const doc = (await request(t.app).get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/users', '/api/auth/login']));
    expect(doc.components.schemas.CaseCreate.properties.applicants).toBeDefined();
    const docs = await request(t.app).get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('/openapi.json');
  });

  it('uses a sample identity number that is valid', () => {
    expect(idNumber()).toBe('371502199001011234');
  });
});
