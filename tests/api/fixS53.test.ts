import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/knex.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp } from '../helpers/app.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';

/**
 * Findings of the outside security tester sec53 (fixS53): M1 one address's failures locked out every account there, the
 * ones signing in from an address known for them too; L1 refused logins logged under a per-process digest; L2 two
 * mobiles written together shown unmasked; L5 unknown query parameters ignored on single resources.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const sinkOf = (lines: string[]) =>
  new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
const parsed = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe(`M1, L1: logins from a NAT address; the username digest (${dialect})`, () => {
  let t: TestApp;
  const lines: string[] = [];
  const second: string[] = [];
  let db2: ReturnType<typeof openDatabase>;
  let app2: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-01T02:00:00Z', logger: createLogger('info', sinkOf(lines)) });
    // A second process on the same database, with its own logger (and, before the fix, its own digest key).
    db2 = openDatabase(t.dbUrl);
    app2 = createApp({ db: db2, clock: t.clock, logger: createLogger('info', sinkOf(second)), config: t.config });
    for (const name of ['nat-analyst', 'nat-clerk', 'nat-new', 'nat-target']) await t.tokenFor('clerk', name);
  }, 120_000);
  afterAll(async () => {
    await db2?.close();
    await t?.close();
  });
  const login = (app: Parameters<typeof request>[0], username: string, password: string, address: string) =>
    request(app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('M1: 20 failures at any names from one address do not refuse an account from an address known for it', async () => {
    expect((await login(t.app, 'nat-analyst', 'nat-analyst-password-1', '10.53.2.2')).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await login(t.app, `nobody${i}`, 'wrong-password-1', '10.53.2.2')).status).toBe(401);
    // Known there: signs in, in either process (the known address and the counters are in the database).
    expect((await login(t.app, 'nat-analyst', 'nat-analyst-password-1', '10.53.2.2')).status).toBe(200);
    expect((await login(app2, 'nat-analyst', 'nat-analyst-password-1', '10.53.2.2')).status).toBe(200);
    // An account never signed in from there stays under the address's limit, the right password too.
    const unknown = await login(t.app, 'nat-new', 'nat-new-password-1', '10.53.2.2');
    expect(unknown.status).toBe(429);
    expect(unknown.body.detail).toMatch(/^该地址登录失败次数过多/);
    expect((await login(app2, 'nobody-else', 'wrong-password-1', '10.53.2.2')).status).toBe(429);
    // The known account's own failures from there still count, up to LOGIN_MAX_FAILURES (5): then 429 there too. Each
    // wrong password answers the address's refusal, as every other name there gets (reviewer s53 B M1: a 401 told which
    // accounts have signed in from the address).
    for (let i = 0; i < 5; i++) {
      const r = await login(t.app, 'nat-analyst', 'wrong-password-1', '10.53.2.2');
      expect([r.status, r.body.detail]).toEqual([429, unknown.body.detail]);
    }
    const own = await login(t.app, 'nat-analyst', 'nat-analyst-password-1', '10.53.2.2');
    expect(own.status).toBe(429);
    expect(own.body.detail).toContain('失败次数过多');
    // Elsewhere the account is locked by those failures (they counted against the account).
    expect((await login(t.app, 'nat-analyst', 'nat-analyst-password-1', '10.53.9.9')).status).toBe(429);
    // Another account known at the address is not refused by either lock.
    expect((await login(t.app, 'nat-clerk', 'nat-clerk-password-1', '10.53.3.3')).status).toBe(200);
    expect((await login(t.app, 'nat-clerk', 'nat-clerk-password-1', '10.53.3.3')).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await login(t.app, `ghost${i}`, 'wrong-password-1', '10.53.3.3')).status).toBe(401);
    expect((await login(app2, 'nat-clerk', 'nat-clerk-password-1', '10.53.3.3')).status).toBe(200);
    // The address's failures are still 20 (the known logins counted nothing against it): a stranger's are still refused.
    expect((await login(t.app, 'ghost-next', 'wrong-password-1', '10.53.3.3')).status).toBe(429);
  });

  it('L1: one account, one digest — across processes, case and spaces; the log names the account beside it', async () => {
    // Locked from everywhere but a known address: 5 wrong passwords, then refusals in both processes, the name typed
    // in other forms.
    for (let i = 0; i < 5; i++) expect((await login(t.app, 'nat-target', 'wrong-password-1', `10.53.4.${i + 1}`)).status).toBe(401);
    expect((await login(t.app, 'NAT-Target', 'nat-target-password-1', '10.53.5.1')).status).toBe(429);
    expect((await login(app2, ' nat-target ', 'nat-target-password-1', '10.53.5.2')).status).toBe(429);
    const all = [...parsed(lines), ...parsed(second)];
    const failed = all.filter((l) => l.event === 'auth.login_failed' && String(l.ip).startsWith('10.53.4.'));
    expect(failed).toHaveLength(5);
    const digest = failed[0]?.usernameDigest;
    expect(digest).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (const f of failed) expect(f).toMatchObject({ username: 'nat-target', usernameDigest: digest, reason: 'wrong_password' });
    expect(all).toContainEqual(
      expect.objectContaining({ event: 'auth.lockout', scope: 'account', username: 'nat-target', usernameDigest: digest }),
    );
    const refused = all.filter((l) => l.event === 'auth.login_refused' && String(l.ip).startsWith('10.53.5.'));
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r).toMatchObject({ usernameDigest: digest, reason: 'locked' });
      // A refusal looks nothing up: no name as typed.
      expect(r).not.toHaveProperty('username');
    }
    // A name that is no account is a digest only, never as typed, the same in both processes.
    const typed = 'Zc53-Typed-Password-In-Name';
    expect((await login(t.app, typed, 'x-password-1', '10.53.6.1')).status).toBe(401);
    expect((await login(app2, typed.toLowerCase(), 'x-password-1', '10.53.6.2')).status).toBe(401);
    const text = [...lines, ...second].join('');
    expect(text).not.toContain(typed);
    expect(text).not.toContain(typed.toLowerCase());
    const unknown = [...parsed(lines), ...parsed(second)].filter(
      (l) => l.event === 'auth.login_failed' && String(l.ip).startsWith('10.53.6.'),
    );
    expect(unknown).toHaveLength(2);
    expect(unknown[0]).not.toHaveProperty('username');
    expect(unknown[1]?.usernameDigest).toBe(unknown[0]?.usernameDigest);
    expect(unknown[0]?.usernameDigest).not.toBe(digest);
  });
});

const { t, a } = apiSuite({ now: '2026-12-01T02:00:00Z' });

describe(`L2: two mobiles written together (${dialect})`, () => {
  it('are masked for a masked reader, each as a mobile', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const other = a.arbitrators[1] as { id: number; token: string };
    const { ok } = caseEvents(() => t);
    await ok(c, arb.token, 'START_MEDIATION', { note: '联系电话c:1391234567813811112222；又150123456781370000111118600002222' });
    const masked = JSON.stringify((await t.api(other.token).get(`/api/cases/${c.id}/events`)).body);
    for (const m of ['13912345678', '13811112222', '15012345678', '13700001111', '18600002222']) expect(masked).not.toContain(m);
    expect(masked).toContain('c:139****5678138****2222');
    expect(masked).toContain('150****5678137****1111186****2222');
    // The arbitrator of the case reads what was written.
    expect(JSON.stringify((await t.api(arb.token).get(`/api/cases/${c.id}/events`)).body)).toContain('1391234567813811112222');
  });
});

describe(`L5: a query parameter a single resource does not take (${dialect})`, () => {
  it('→ 400 naming it, on every operation; the same requests without it answer', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const clerk = t.api(a.tokens.clerk);
    // A document to download (reviewer s53 B L3: the accepted case had none, and the download went untested).
    const made = await clerk.post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const doc = (made.body.documents as { id: number }[])[0] as { id: number };
    const paths = [`/api/cases/${c.id}`, `/api/cases/${c.id}/events`, '/api/auth/me', `/api/documents/${doc.id}`];
    for (const path of paths) {
      expect((await clerk.get(path)).status, path).toBe(200);
      const r = await clerk.get(`${path}?foo=bar&x=1`);
      expect(r.status, path).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.errors).toEqual([
        { path: 'foo', message: '不允许的字段“foo”' },
        { path: 'x', message: '不允许的字段“x”' },
      ]);
    }
    // A write too: nothing done.
    const before = (await clerk.get(`/api/cases/${c.id}`)).body.version;
    const w = await clerk.post(`/api/cases/${c.id}/events?x=1`, { type: 'NOTE', note: 'x' });
    expect(w.status).toBe(400);
    expect((await clerk.get(`/api/cases/${c.id}`)).body.version).toBe(before);
    // A list's own parameters still work.
    expect((await clerk.get(`/api/cases/${c.id}/next-events?all=true`)).status).toBe(200);
    // /openapi.json lists the 400 for every operation but the probes, which ignore a query string (a monitor's
    // cache-buster; reviewer s53 B L1).
    const spec = (await request(t.app).get('/openapi.json')).body as { paths: Record<string, Record<string, { responses: object }>> };
    const missing = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op && typeof op === 'object' && 'responses' in op && !('400' in op.responses))
        .map(([m]) => `${m} ${p}`),
    );
    expect(missing.sort()).toEqual(['get /api/keys', 'get /healthz', 'get /readyz']);
    for (const probe of ['/healthz?ts=1', '/readyz?x=1', '/api/keys?x=1'])
      expect((await request(t.app).get(probe)).status, probe).toBe(200);
  });
});
