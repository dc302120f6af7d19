import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * Issue 14 item 5 and the order of checks: one list envelope with the same pageSize limits on every top-level list; an
 * idempotent replay answers exactly what the first request did (status, body, Location, ETag); a body is read only
 * where it can be (login before authentication, writes after it), so a GET never answers 400 or 413 for a body.
 */
const { t, a } = apiSuite();

/** Every top-level list (api.md "Lists"), with a token that may read it. */
const LISTS = (): [string, () => string][] => [
  ['/api/cases', () => a.tokens.clerk],
  ['/api/users', () => a.tokens.admin],
  ['/api/access-log', () => a.tokens.admin],
  ['/api/deadlines', () => a.tokens.clerk],
  ['/api/stats/closure/cases?period=2026&measure=received', () => a.tokens.analyst],
  ['/api/stats/claims/cases?period=2026&measure=items', () => a.tokens.analyst],
  ['/api/hearings?from=2026-03-01&to=2026-03-31', () => a.tokens.clerk],
  ['/api/board/award-clock', () => a.tokens.chair],
  ['/api/audit-log', () => a.tokens.admin],
  ['/api/staff', () => a.tokens.clerk],
];

describe(`lists (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('answer {items, total, page, pageSize}: pageSize 1–200, default 50, outside → 400 naming pageSize', async () => {
    await t.api(a.tokens.clerk).post('/api/cases', application());
    for (const [url, token] of LISTS()) {
      const r = await t.api(token()).get(url);
      expect(r.status, url).toBe(200);
      expect(Object.keys(r.body), url).toEqual(expect.arrayContaining(['items', 'page', 'pageSize', 'total']));
      expect(r.body, url).toMatchObject({ page: 1, pageSize: 50 });
      expect(r.body.total).toBeGreaterThanOrEqual(r.body.items.length);
      const sep = url.includes('?') ? '&' : '?';
      const one = await t.api(token()).get(`${url}${sep}pageSize=1&page=1`);
      expect(one.body.items.length, url).toBeLessThanOrEqual(1);
      expect((await t.api(token()).get(`${url}${sep}pageSize=200`)).status, url).toBe(200);
      for (const bad of ['pageSize=0', 'pageSize=201', 'page=0', 'pageSize=x']) {
        const r2 = await t.api(token()).get(`${url}${sep}${bad}`);
        expect(r2.status, `${url}?${bad}`).toBe(400);
        expect(r2.body.errors.map((e: { path: string }) => e.path)).toEqual([bad.split('=')[0]]);
      }
    }
  });
});

describe(`the case list's total (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('is the count of every case the filters select, on each page, on a page past the last and with nothing found', async () => {
    const district = '江北水城旅游度假区';
    for (let i = 0; i < 5; i++) expect((await t.api(a.tokens.clerk).post('/api/cases', application({ district }))).status).toBe(201);
    const named = application({ district, applicants: [worker('周列表', 77)] });
    for (let i = 0; i < 3; i++) expect((await t.api(a.tokens.clerk).post('/api/cases', named)).status).toBe(201);
    // A search (its text bound twice: the page and its count) and a filter, on a later page.
    const searched = await t.api(a.tokens.clerk).get('/api/cases').query({ q: '周列表', district, pageSize: 2, page: 2 });
    expect(searched.body).toMatchObject({ total: 3, page: 2 });
    expect(searched.body.items).toHaveLength(1);
    const all = (await t.api(a.tokens.clerk).get('/api/cases').query({ pageSize: 200 })).body;
    const ids = new Set<number>();
    for (const page of [1, 2, 3, 4]) {
      const r = await t.api(a.tokens.clerk).get('/api/cases').query({ district, pageSize: 2, page });
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(8);
      expect(r.body.items).toHaveLength(2);
      for (const c of r.body.items) {
        expect(c.district).toBe(district);
        ids.add(c.id);
      }
    }
    expect(ids.size).toBe(8);
    // Past the last page: no items, the same total.
    const past = await t.api(a.tokens.clerk).get('/api/cases').query({ district, pageSize: 2, page: 9 });
    expect(past.body).toMatchObject({ items: [], total: 8, page: 9 });
    // Nothing selected: 0, on the first page and after it.
    for (const page of [1, 4]) {
      const none = await t.api(a.tokens.clerk).get('/api/cases').query({ district: '高唐县', page });
      expect(none.body).toMatchObject({ items: [], total: 0 });
    }
    // Unfiltered: the total counts every case, not the page.
    const one = await t.api(a.tokens.clerk).get('/api/cases').query({ pageSize: 1 });
    expect(one.body.total).toBe(all.total);
    expect(all.total).toBe(all.items.length);
  });
});

describe(`idempotent retries (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a replay answers the first status, body, Location and ETag; the ETag works as If-Match', async () => {
    const body = application();
    const first = await t.api(a.tokens.clerk).post('/api/cases', body).set('Idempotency-Key', 'replay-register');
    const again = await t.api(a.tokens.clerk).post('/api/cases', body).set('Idempotency-Key', 'replay-register');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(first.headers.location).toBe(`/api/cases/${first.body.id}`);
    expect(first.headers.etag).toBe(`"${first.body.version}"`);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // Location names something that exists.
    expect((await t.api(a.tokens.clerk).get(first.headers.location as string)).body.id).toBe(first.body.id);
    const user = { username: 'located', password: 'located-password-2026', role: 'clerk', displayName: '定位' };
    const created = await t.api(a.tokens.admin).post('/api/users', user).set('Idempotency-Key', 'user-located');
    const replayed = await t.api(a.tokens.admin).post('/api/users', user).set('Idempotency-Key', 'user-located');
    expect(replayed.headers.location).toBe(created.headers.location);
    expect((await t.api(a.tokens.admin).get(created.headers.location as string)).body).toEqual(created.body);

    const id = first.body.id as number;
    const accept = () =>
      t
        .api(a.tokens.clerk)
        .post(`/api/cases/${id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })
        .set('If-Match', again.headers.etag as string)
        .set('Idempotency-Key', 'replay-accept');
    const e1 = await accept();
    const e2 = await accept();
    expect(e1.status).toBe(200);
    expect(e2.status).toBe(200);
    expect(e2.body).toEqual(e1.body);
    expect(e1.headers.etag).toBe(`"${e1.body.version}"`);
    expect(e2.headers.etag).toBe(e1.headers.etag);
    // The replayed ETag is the case's version: sent back as If-Match it is current.
    const next = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${id}/events`, {
        type: 'SERVE',
        document: 'acceptance_notice',
        partyId: e1.body.applicants[0].id,
        method: 'direct',
      })
      .set('If-Match', e2.headers.etag as string);
    expect(next.status).toBe(200);
    // No body-hash ETag anywhere: reads carry the version too, lists none.
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).headers.etag).toBe(`"${next.body.version}"`);
    expect((await t.api(a.tokens.clerk).get('/api/cases')).headers.etag).toBeUndefined();
  });

  it('retries sent while the first is still being written (same key, in parallel) all answer the first one’s result', async () => {
    const c = await t.api(a.tokens.clerk).post('/api/cases', application());
    expect(c.status).toBe(201);
    const accept = () =>
      t
        .api(a.tokens.clerk)
        .post(`/api/cases/${c.body.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })
        .set('Idempotency-Key', `parallel-accept-${c.body.id}`);
    const rs = await Promise.all([accept(), accept(), accept(), accept()]);
    expect(
      rs.map((r) => r.status),
      JSON.stringify(rs.map((r) => r.body)),
    ).toEqual([200, 200, 200, 200]);
    for (const r of rs) expect(r.body).toEqual(rs[0]?.body);
    expect(rs.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(3);
    const accepts = await t.db.knex('case_events').where({ case_id: c.body.id, type: 'ACCEPT' });
    expect(accepts).toHaveLength(1);
  });

  it('the same key with another body is refused with 422 (documented on every write that takes the key)', async () => {
    const first = await t.api(a.tokens.clerk).post('/api/cases', application()).set('Idempotency-Key', 'reused-key');
    expect(first.status).toBe(201);
    const other = await t
      .api(a.tokens.clerk)
      .post('/api/cases', application({ district: '临清市' }))
      .set('Idempotency-Key', 'reused-key');
    expect(other.status).toBe(422);
    expect(other.body.rule).toBe('idempotency-key-reused');
    const table = (await t.api(a.tokens.admin).get('/api/reference/minimum-wages')).body;
    const put = () => t.api(a.tokens.admin).put('/api/reference/minimum-wages', table).set('Idempotency-Key', 'wages-1');
    expect((await put()).status).toBe(200);
    const replay = await put();
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });
});

describe(`bodies are read only where they can be (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('401 before 400: a malformed body without a token is a 401; a GET with one is answered as if it had none', async () => {
    const noToken = await request(t.app).post('/api/cases').set('Content-Type', 'application/json').send('{"broken');
    expect(noToken.status).toBe(401);
    const withToken = await t.api(a.tokens.clerk).post('/api/cases').set('Content-Type', 'application/json').send('{"broken');
    expect(withToken.status).toBe(400);
    const get = await t.api(a.tokens.clerk).get('/api/auth/me').set('Content-Type', 'application/json').send('{"broken');
    expect(get.status).toBe(200);
    const login = await request(t.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"broken');
    expect(login.status).toBe(400);
  });
});
