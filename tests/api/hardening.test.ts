import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/knex.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp } from '../helpers/app.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { createActors, registerCase } from '../helpers/procedure.ts';

/**
 * Findings of the security review (fixsec): the order of checks on unauthenticated bodies, login and work limits under
 * parallel requests, what /readyz tells anonymous callers, expensive work kept off the request and the event loop, and
 * spreadsheet exports. The same body on SQLite and PostgreSQL.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const statuses = (rs: { status: number }[]) => {
  const n: Record<number, number> = {};
  for (const r of rs) n[r.status] = (n[r.status] ?? 0) + 1;
  return n;
};

describe(`a body is read only after authentication (${dialect})`, () => {
  it('without a token: 401 for malformed JSON and for a body over the limit — not 400 or 413', async () => {
    const malformed = await request(t.app).post('/api/cases').set('Content-Type', 'application/json').send('{"track": ');
    expect(malformed.status).toBe(401);
    const huge = JSON.stringify({ facts: 'x'.repeat(3 * 1024 * 1024) });
    const big = await request(t.app).post('/api/cases').set('Content-Type', 'application/json').send(huge);
    expect(big.status).toBe(401);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const other = await request(t.app).post('/api/cases/1/events').set('Content-Type', 'application/json').send('not json');
    expect(other.status).toBe(401);
    // With a token the same bodies are what they are: 400 and 413.
    const clerk = (r: request.Test) => r.set('Authorization', `Bearer ${a.tokens.clerk}`).set('Content-Type', 'application/json');
    expect((await clerk(request(t.app).post('/api/cases')).send('{"track": ')).status).toBe(400);
    expect((await clerk(request(t.app).post('/api/cases')).send(huge)).status).toBe(413);
    // The login, the one route without a token, still reads its body: malformed → 400, too large → 413.
    const login = () => request(t.app).post('/api/auth/login').set('Content-Type', 'application/json');
    expect((await login().send('{"username": ')).status).toBe(400);
    expect((await login().send(huge)).status).toBe(413);
  });
});

describe(`limits hold under parallel requests (${dialect})`, () => {
  const login = (username: string, password: string, address: string) =>
    request(t.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('30 parallel wrong passwords for one account through two processes: exactly LOGIN_MAX_FAILURES (5) reach the password hash, the rest are 429', async () => {
    await t.tokenFor('clerk', 'flooded');
    // A second "process": its own connection pool on the same database, its own throttle.
    const db = openDatabase(t.dbUrl);
    const second = createApp({ db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const via = (i: number) => (i % 2 ? request(second) : request(t.app));
    const rs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        via(i)
          .post('/api/auth/login')
          .set('X-Forwarded-For', `10.9.0.${i + 1}`)
          .send({ username: 'flooded', password: `wrong-password-${i}` }),
      ),
    ).finally(() => db.close());
    // A 401 is a password that was hashed and compared; a 429 was refused before any hashing.
    expect(statuses(rs)).toEqual({ 401: 5, 429: 25 });
    expect((await login('flooded', 'flooded-password-1', '10.9.1.1')).status).toBe(429);
    // Refusals counted nothing: exactly 5 failures are stored for the account (and one per address that failed).
    expect(Number((await t.db.knex('throttle_events').where({ bucket: 'login.account' }).count({ n: '*' }).first())?.n)).toBe(5);
  });

  it('30 parallel guesses from one address, each a different username: exactly LOGIN_MAX_FAILURES_PER_ADDRESS (20) are hashed', async () => {
    const rs = await Promise.all(Array.from({ length: 30 }, (_, i) => login(`guess-${i}`, 'wrong-password-xyz', '10.9.2.1')));
    expect(statuses(rs)).toEqual({ 401: 20, 429: 10 });
    // A success gives its attempt back: another address logs in, and its count stays empty.
    expect((await login('clerk', 'clerk-password-1', '10.9.2.2')).status).toBe(200);
    expect((await login('clerk', 'clerk-password-1', '10.9.2.2')).status).toBe(200);
  });

  it('parallel document generations and reports: at most DOCUMENTS_PER_MINUTE / EXPORTS_PER_MINUTE per user', async () => {
    const limited = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { DOCUMENTS_PER_MINUTE: '3', EXPORTS_PER_MINUTE: '3' } });
    try {
      const la = await createActors(limited);
      const c = await registerCase(limited, la);
      await limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-03' });
      const docs = await Promise.all(
        Array.from({ length: 10 }, () => limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' })),
      );
      expect(statuses(docs)).toEqual({ 201: 3, 429: 7 });
      const reports = await Promise.all(
        Array.from({ length: 10 }, () => limited.api(la.tokens.analyst).get('/api/stats/report?period=2026&format=json')),
      );
      expect(statuses(reports)).toEqual({ 200: 3, 429: 7 });
    } finally {
      await limited.close();
    }
  });
});

describe(`/readyz is a cheap public probe (${dialect})`, () => {
  it('answers anonymous callers ready or not only; writes at most once every few seconds; a failed write still shows', async () => {
    // Process B: its own pool, its own readiness (the heartbeat row is named by host and pid: the same as A's here).
    const db = openDatabase(t.dbUrl);
    const b = createApp({ db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const started = t.clock.now().toISOString();
    try {
      const ready = await request(b).get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ready', database: dialect });
      // The process name and the state of the history chain are for the admin only.
      const status = await request(b).get('/api/service/status').set('Authorization', `Bearer ${t.adminToken}`);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ instance: expect.any(String), heartbeatAt: started, database: dialect, lastSweep: null });
      expect(status.body.processes.map((p: { instance: string }) => p.instance)).toContain(status.body.instance);
      expect((await request(b).get('/api/service/status').set('Authorization', `Bearer ${a.tokens.clerk}`)).status).toBe(403);
      expect((await request(b).get('/api/service/status')).status).toBe(401);

      // A burst of probes is one write: the row taken away after the first is not written again within 5 s…
      const row = () => t.db.knex('service_heartbeats').where({ instance: status.body.instance }).first();
      await t.db.knex('service_heartbeats').where({ instance: status.body.instance }).delete();
      const burst = await Promise.all(Array.from({ length: 20 }, () => request(b).get('/readyz')));
      expect(burst.map((r) => r.status)).toEqual(burst.map(() => 200));
      expect(await row()).toBeUndefined();
      // …and is written again by the first probe after that.
      t.clock.advance(5_000);
      expect((await request(b).get('/readyz')).status).toBe(200);
      expect((await row())?.seen_at).toBe(t.clock.now().toISOString());

      // A failed write is never reused: with the database gone the next probe after the last success has aged is a 503.
      await db.close();
      t.clock.advance(5_000);
      const gone = await request(b).get('/readyz');
      expect(gone.status).toBe(503);
      expect(gone.body).toMatchObject({ fault: 'unavailable' });
      expect((await request(b).get('/readyz')).status).toBe(503);
    } finally {
      t.clock.set(started);
      await db.close().catch(() => undefined);
    }
  });
});
