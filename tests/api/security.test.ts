import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../app/bootstrap.ts';
import { loadConfig } from '../../app/config.ts';
import { loggedName, usernameDigestKey } from '../../app/users/sessions.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { ADMIN_PASSWORD, startTestApp } from '../helpers/app.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { checkedApp } from '../helpers/contract.ts';
import { freshDatabase } from '../helpers/db.ts';
import { application, employer, idNumber } from '../helpers/fixtures.ts';
import { createActors, registerCase } from '../helpers/procedure.ts';

/** Issue 12: authentication, user lifecycle, headers, input walks, exports, limits on expensive work. */
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    lines.push(String(chunk));
    cb();
  },
});
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', logger: createLogger('info', sink) });

const login = (username: string, password: string, address?: string) => {
  const r = request(t.app).post('/api/auth/login');
  return (address ? r.set('X-Forwarded-For', address) : r).send({ username, password });
};

describe(`browser hardening (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('CSP allows only the server’s own scripts and styles, no framing; /api answers are never stored', async () => {
    for (const path of ['/', '/docs', '/web/app.js', '/api/auth/me', '/api/cases', '/openapi.json']) {
      const r = await request(t.app).get(path).set('Authorization', `Bearer ${a.tokens.clerk}`);
      const csp = String(r.headers['content-security-policy']);
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k, v]),
      );
      expect(directives['default-src'], path).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      // /docs alone adds a nonce of its own response for the <style> elements Redoc creates (issue 14, server/app.ts).
      if (path === '/docs') expect(directives['style-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/)]);
      else expect(directives['style-src']).toEqual(["'self'"]);
      expect(directives['frame-ancestors']).toEqual(["'none'"]);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-powered-by']).toBeUndefined();
      if (path.startsWith('/api')) expect(r.headers['cache-control'], path).toBe('no-store');
    }
    // Errors under /api are not stored either; the login answer (a token) neither.
    expect((await request(t.app).get('/api/cases')).headers['cache-control']).toBe('no-store');
    expect((await login('admin', ADMIN_PASSWORD)).headers['cache-control']).toBe('no-store');
  });

  it('the pages carry no inline script or style the policy would block', async () => {
    for (const path of ['/', '/docs']) {
      const html = (await request(t.app).get(path)).text;
      expect(html, path).not.toMatch(/<style/i);
      expect(html, path).not.toMatch(/\sstyle=/i);
      expect(html, path).not.toMatch(/\son\w+=/i);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(m[1], path).toMatch(/\ssrc=/);
        expect((m[2] ?? '').trim(), path).toBe('');
      }
    }
  });
});

describe(`the bearer scheme (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('is case-insensitive (RFC 9110 §11.1); a 401 names it in WWW-Authenticate, an authenticated answer does not', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const r = await request(t.app).get('/api/auth/me').set('Authorization', `${scheme} ${a.tokens.clerk}`);
      expect(r.status, scheme).toBe(200);
      expect(r.headers['www-authenticate']).toBeUndefined();
    }
    for (const auth of [undefined, 'Basic YWRtaW46eA==', `Bearer ${'x'.repeat(40)}`]) {
      const q = request(t.app).get('/api/cases');
      const r = await (auth ? q.set('Authorization', auth) : q);
      expect(r.status, String(auth)).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer realm="zhongcai"');
    }
  });
});

describe(`login limits (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('per account, from any address: 429 after LOGIN_MAX_FAILURES, even with the right password; logged with username and address', async () => {
    await t.tokenFor('clerk', 'lock-me');
    for (let i = 0; i < 5; i++) expect((await login('lock-me', 'wrong-password-xyz', `10.1.0.${i + 1}`)).status).toBe(401);
    const r = await login('lock-me', 'lock-me-password-1', '10.1.0.99');
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    const events = logged().filter((l) => typeof l.event === 'string' && String(l.event).startsWith('auth.'));
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'auth.login_failed', username: 'lock-me', ip: '10.1.0.1', reason: 'wrong_password' }),
    );
    expect(events).toContainEqual(expect.objectContaining({ event: 'auth.lockout', scope: 'account', username: 'lock-me' }));
    // While locked, a refusal looks nothing up: the name is a digest (the lockout above named the account).
    expect(events).toContainEqual(
      expect.objectContaining({
        event: 'auth.login_refused',
        ...loggedName('lock-me', null, usernameDigestKey(t.config)),
        ip: '10.1.0.99',
      }),
    );
    expect(lines.join('')).not.toContain('wrong-password-xyz');
    // An admin's reset lifts the lockout.
    const id = t.userId('lock-me');
    expect((await t.api(t.adminToken).post(`/api/users/${id}/password-reset`, { newPassword: 'lock-me-reset-2026' })).status).toBe(200);
    expect((await login('lock-me', 'lock-me-reset-2026', '10.1.0.99')).status).toBe(200);
  });

  it('per address, whatever the usernames (a guessing flood): 429 before any password is checked; other addresses log in', async () => {
    for (let i = 0; i < 20; i++) expect((await login(`guess${i}`, 'wrong-password-xyz', '10.2.0.1')).status).toBe(401);
    expect((await login('clerk', 'clerk-password-1', '10.2.0.1')).status).toBe(429);
    expect((await login('clerk', 'clerk-password-1', '10.2.0.2')).status).toBe(200);
    expect(logged()).toContainEqual(expect.objectContaining({ event: 'auth.lockout', scope: 'address', ip: '10.2.0.1' }));
  });

  it('a name that is no account (often a password typed into the wrong field) is logged as a digest, never as typed', async () => {
    const typed = 'Zc-Typed-In-The-Wrong-Field-2026';
    for (const ip of ['10.4.0.1', '10.4.0.2']) expect((await login(typed, 'whatever-password-1', ip)).status).toBe(401);
    expect(lines.join('')).not.toContain(typed);
    const failed = logged().filter((l) => l.event === 'auth.login_failed' && String(l.ip).startsWith('10.4.0.'));
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ reason: 'unknown_user', usernameDigest: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    expect(failed[0]).not.toHaveProperty('username');
    // One name gives one digest: repeated guesses of it can still be told apart from other names.
    expect(failed[1]?.usernameDigest).toBe(failed[0]?.usernameDigest);
    // Keyed (HMAC with a key derived from the login-address key, never logged): not a plain hash anyone could try a
    // password list against.
    const plain = createHash('sha256').update(typed).digest('base64url');
    expect(plain.startsWith(String(failed[0]?.usernameDigest))).toBe(false);
    const [k1, k2] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
    expect(loggedName(typed, null, k1)).toEqual(loggedName(typed, null, k1));
    expect(loggedName(typed, null, k1)).not.toEqual(loggedName(typed, null, k2));
    expect(loggedName('clerk', 'clerk', k1)).toEqual({ username: 'clerk', usernameDigest: loggedName('clerk', null, k1).usernameDigest });
  });

  it('is counted in the database: a second process on the same database sees the failures; old attempts are pruned', async () => {
    const second = checkedApp(createApp({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config }));
    await t.tokenFor('clerk', 'shared');
    for (let i = 0; i < 3; i++) expect((await login('shared', 'wrong-password-xyz', '10.3.0.1')).status).toBe(401);
    for (let i = 0; i < 2; i++)
      expect((await request(second).post('/api/auth/login').send({ username: 'shared', password: 'wrong-password-xyz' })).status).toBe(401);
    // From an address the account never signed in from (the test's own address is known to it: s45 M2).
    expect(
      (
        await request(second)
          .post('/api/auth/login')
          .set('X-Forwarded-For', '10.3.0.2')
          .send({ username: 'shared', password: 'shared-password-1' })
      ).status,
    ).toBe(429);
    const stored = await t.db.knex('throttle_events').select('key_hash');
    expect(JSON.stringify(stored)).not.toContain('shared');
    t.clock.advance(24 * 3600_000);
    try {
      // The next counted attempt prunes everything older than the longest window.
      expect((await login('nobody', 'wrong-password-xyz', '10.3.0.9')).status).toBe(401);
      // Left: this attempt, counted per address and per account (and the addresses accounts signed in from, kept for
      // LOGIN_KNOWN_ADDRESS_DAYS: s45 M2).
      const left = await t.db
        .knex('throttle_events')
        .whereNot('bucket', 'login.known-address')
        .count<{ n: string | number }[]>({ n: '*' })
        .first();
      expect(Number(left?.n)).toBe(2);
    } finally {
      t.clock.advance(-24 * 3600_000);
    }
  });
});

describe(`passwords and the user lifecycle (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const user = (username: string, password: string) => ({ username, password, role: 'clerk', displayName: '测试书记员' });

  it('refuses short and common passwords, also as ADMIN_PASSWORD', async () => {
    for (const password of ['aaaaaaaaaa', 'password12', 'aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', 'weak-user-1']) {
      const r = await t.api(t.adminToken).post('/api/users', user('weak-user', password));
      expect(r.status, password).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['password']);
    }
    expect((await t.api(t.adminToken).post('/api/users', user('strong-user', 'Liaocheng-arbitration-42'))).status).toBe(201);
    const { db, drop } = await freshDatabase();
    try {
      const { migrateLatest } = await import('../../db/knex.ts');
      await migrateLatest(db);
      await expect(ensureFirstAdmin(db, t.clock, '1')).rejects.toThrow(/ADMIN_PASSWORD/);
      await expect(ensureFirstAdmin(db, t.clock, 'password1234')).rejects.toThrow(/ADMIN_PASSWORD/);
      expect((await ensureFirstAdmin(db, t.clock, 'a-Sound-admin-passphrase')).created).toBe(true);
      // The installer's ADMIN_PASSWORD stands; a generated one (printed on the console) must be replaced at first login.
      expect(Boolean((await db.knex('users').where({ username: 'admin' }).first()).must_change_password)).toBe(false);
      await db.knex('users').delete();
      const generated = await ensureFirstAdmin(db, t.clock, undefined);
      expect(generated.generatedPassword).toMatch(/^[\w-]{20}$/);
      expect(Boolean((await db.knex('users').where({ username: 'admin' }).first()).must_change_password)).toBe(true);
    } finally {
      await drop();
    }
  });

  it('changing one’s password needs the current one and ends the other sessions, not this one', async () => {
    const first = await t.tokenFor('clerk', 'changer');
    const second = (await login('changer', 'changer-password-1')).body.token;
    const wrong = await t
      .api(second)
      .post('/api/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'changer-new-pass-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('currentPassword');
    const weak = await t.api(second).post('/api/auth/password', { currentPassword: 'changer-password-1', newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].path).toBe('newPassword');
    const ok = await t
      .api(second)
      .post('/api/auth/password', { currentPassword: 'changer-password-1', newPassword: 'changer-new-pass-2026' });
    expect(ok.status).toBe(204);
    expect((await t.api(first).get('/api/auth/me')).status).toBe(401);
    expect((await t.api(second).get('/api/auth/me')).status).toBe(200);
    expect((await login('changer', 'changer-password-1')).status).toBe(401);
    expect((await login('changer', 'changer-new-pass-2026')).status).toBe(200);
    // Nothing of the passwords is kept beside the hash (the idempotency record hashes the body without them).
    const r = await t
      .api(second)
      .post('/api/auth/password', { currentPassword: 'changer-new-pass-2026', newPassword: 'changer-third-pass-2026' })
      .set('Idempotency-Key', 'pw-1');
    expect(r.status).toBe(204);
    const stored = JSON.stringify(await t.db.knex('idempotency_keys').select());
    expect(stored).not.toContain('changer-third-pass-2026');
  });

  it('an admin disables, re-enables, changes roles and names; the last active admin stays', async () => {
    const token = await t.tokenFor('arbitrator', 'leaver');
    const id = t.userId('leaver');
    const off = await t.api(t.adminToken).patch(`/api/users/${id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id, active: false });
    expect((await t.api(token).get('/api/auth/me')).status).toBe(401);
    expect((await login('leaver', 'leaver-password-1')).status).toBe(401);
    expect(
      (await t.api(t.adminToken).patch(`/api/users/${id}`, { active: true, role: 'mediator', displayName: '调任' })).body,
    ).toMatchObject({
      active: true,
      role: 'mediator',
      displayName: '调任',
    });
    expect((await t.api(t.adminToken).patch(`/api/users/${id}`, { role: 'judge' })).status).toBe(400);
    expect((await t.api(t.adminToken).patch('/api/users/999999', { active: false })).status).toBe(404);
    expect((await t.api(a.tokens.clerk).patch(`/api/users/${id}`, { active: false })).status).toBe(403);
    // The last active admin: neither disabled nor demoted (422), by itself or anyone.
    const last = await t.api(t.adminToken).patch('/api/users/1', { active: false });
    expect(last.status).toBe(422);
    expect(last.body.rule).toBe('last-admin');
    expect((await t.api(t.adminToken).patch('/api/users/1', { role: 'clerk' })).status).toBe(422);
    // With a second admin, the first may step down.
    await t.tokenFor('admin', 'admin2');
    expect((await t.api(t.adminToken).patch(`/api/users/${t.userId('admin2')}`, { displayName: '副管理员' })).status).toBe(200);
    const audit = await t.db
      .knex('audit_log')
      .where({ entity: 'user', entity_key: String(id) })
      .orderBy('id');
    expect(audit.map((r) => r.action)).toEqual(['create', 'update', 'update']);
  });

  it('a reset password must be changed before anything else', async () => {
    await t.tokenFor('chair', 'forgetful');
    const id = t.userId('forgetful');
    const r = await t.api(t.adminToken).post(`/api/users/${id}/password-reset`, { newPassword: 'temporary-pass-2026' });
    expect(r.status).toBe(200);
    expect(r.body.mustChangePassword).toBe(true);
    const session = await login('forgetful', 'temporary-pass-2026');
    expect(session.body.user.mustChangePassword).toBe(true);
    const token = session.body.token;
    const blocked = await t.api(token).get('/api/cases');
    expect(blocked.status).toBe(403);
    expect(blocked.body.rule).toBe('password-change-required');
    expect((await t.api(token).get('/api/auth/me')).status).toBe(200);
    expect(
      (await t.api(token).post('/api/auth/password', { currentPassword: 'temporary-pass-2026', newPassword: 'my-own-pass-2026-ok' }))
        .status,
    ).toBe(204);
    expect((await t.api(token).get('/api/cases')).status).toBe(200);
  });

  it("a user an admin creates changes the admin's initial password before anything else, unless the admin said otherwise (audited)", async () => {
    const create = (username: string, extra: Record<string, unknown> = {}) =>
      t
        .api(t.adminToken)
        .post('/api/users', { username, password: `${username}-initial-2026`, role: 'clerk', displayName: '新书记员', ...extra });
    const fresh = await create('newcomer');
    expect(fresh.status).toBe(201);
    expect(fresh.body.mustChangePassword).toBe(true);
    const session = await login('newcomer', 'newcomer-initial-2026');
    expect(session.body.user.mustChangePassword).toBe(true);
    const token = session.body.token;
    const blocked = await t.api(token).get('/api/cases');
    expect(blocked.status).toBe(403);
    expect(blocked.body.rule).toBe('password-change-required');
    expect((await t.api(token).post('/api/cases', {})).status).toBe(403);
    expect(
      (await t.api(token).post('/api/auth/password', { currentPassword: 'newcomer-initial-2026', newPassword: 'newcomer-own-pass-2026' }))
        .status,
    ).toBe(204);
    expect((await t.api(token).get('/api/cases')).status).toBe(200);
    expect((await t.api(t.adminToken).get(`/api/users/${fresh.body.id}`)).body.mustChangePassword).toBe(false);
    // Said otherwise: the password stands, and the audit log records that the admin chose so.
    const kept = await create('service-clerk', { mustChangePassword: false });
    expect(kept.status).toBe(201);
    expect(kept.body.mustChangePassword).toBe(false);
    expect((await t.api((await login('service-clerk', 'service-clerk-initial-2026')).body.token).get('/api/cases')).status).toBe(200);
    const audit = await t.db
      .knex('audit_log')
      .where({ entity: 'user', action: 'create' })
      .whereIn('entity_key', [String(fresh.body.id), String(kept.body.id)])
      .orderBy('id');
    const after = audit.map((r) => (typeof r.after === 'string' ? JSON.parse(r.after) : r.after));
    expect(after.map((x) => x.mustChangePassword)).toEqual([true, false]);
    for (const x of after) expect(JSON.stringify(x)).not.toContain('initial-2026');
  });

  it('log out everywhere, a limit on live sessions, an idle timeout', async () => {
    await t.tokenFor('clerk', 'roamer');
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) tokens.push((await login('roamer', 'roamer-password-1')).body.token);
    // MAX_SESSIONS_PER_USER = 5: the oldest of six is gone, the newest five work.
    const alive = await Promise.all(tokens.map(async (x) => (await t.api(x).get('/api/auth/me')).status));
    expect(alive).toEqual([401, 200, 200, 200, 200, 200]);
    expect((await t.api(tokens[5] as string).post('/api/auth/logout')).status).toBe(204);
    expect((await t.api(tokens[4] as string).get('/api/auth/me')).status).toBe(200);
    expect((await t.api(tokens[4] as string).post('/api/auth/logout-all')).status).toBe(204);
    for (const x of tokens) expect((await t.api(x).get('/api/auth/me')).status).toBe(401);
    // SESSION_IDLE_MINUTES = 30: used 29 minutes later it works, and again 29 minutes after that; 31 idle minutes end it.
    const idle = (await login('roamer', 'roamer-password-1')).body.token;
    try {
      t.clock.advance(29 * 60_000);
      expect((await t.api(idle).get('/api/auth/me')).status).toBe(200);
      t.clock.advance(29 * 60_000);
      expect((await t.api(idle).get('/api/auth/me')).status).toBe(200);
      // Past the 30 minutes and the minute the last use may lag in the record (app/users/sessions.ts touchEveryMs).
      t.clock.advance(31 * 60_000 + 1_000);
      expect((await t.api(idle).get('/api/auth/me')).status).toBe(401);
    } finally {
      t.clock.advance(-(89 * 60_000 + 1_000));
    }
    expect(logged()).toContainEqual(expect.objectContaining({ event: 'auth.logout_all', userId: t.userId('roamer') }));
  });

  it('GET /api/users answers the list envelope', async () => {
    const r = await t.api(t.adminToken).get('/api/users?page=1&pageSize=2');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(r.body.items).toHaveLength(2);
    expect(r.body.total).toBeGreaterThan(2);
    expect((await t.api(t.adminToken).get('/api/users?pageSize=0')).status).toBe(400);
  });
});

describe(`input walks (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('deeply nested JSON is a 400 naming the place, never a 500', async () => {
    // 3,000 levels: JSON.parse takes them; a recursive walk of the body ran out of stack (a 500 with a stack trace).
    const nested = `${'['.repeat(3000)}"x"${']'.repeat(3000)}`;
    const raw = (url: string, json: string) =>
      request(t.app).post(url).set('Authorization', `Bearer ${a.tokens.clerk}`).set('Content-Type', 'application/json').send(json);
    const app = JSON.stringify(application());
    for (const [url, json] of [
      ['/api/cases', `${app.slice(0, -1)},"facts":${nested}}`],
      ['/api/cases/1/events', `{"type":"ACCEPT","note":${nested}}`],
    ] as const) {
      const r = await raw(url, json);
      expect(r.status, `${url} ${JSON.stringify(r.body).slice(0, 200)}`).toBe(400);
      expect(r.body.errors[0].message).toContain('嵌套层数');
      expect(r.body.errors[0].path).toMatch(/^(facts|note)(\.0)+$/);
    }
    // Deeper than JSON.parse follows: a 400 (malformed JSON) as well.
    expect((await raw('/api/cases', `${'['.repeat(300_000)}${']'.repeat(300_000)}`)).status).toBe(400);
  });

  it('bidi override characters are refused in names (and any text), naming the field', async () => {
    const evil = '张三\u202Egpj.exe';
    const r = await t
      .api(a.tokens.clerk)
      .post('/api/cases', application({ applicants: [{ kind: 'person', name: evil, idNumber: idNumber() }] }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'applicants.0.name', message: expect.stringContaining('双向') }]);
    for (const ch of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const u = await t
        .api(t.adminToken)
        .post('/api/users', { username: 'bidi-user', password: 'bidi-password-2026', role: 'clerk', displayName: `王${ch}五` });
      expect(u.status).toBe(400);
    }
  });

  it('text of invisible characters only, or with half a surrogate pair, is refused at its field; visible text with a joiner is kept', async () => {
    const count = async () => (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total as number;
    const before = await count();
    for (const blank of ['\u200b', '\u200d\u200c', '\u2063', '\u0301', ' \u200b ']) {
      const r = await t
        .api(a.tokens.clerk)
        .post('/api/cases', application({ applicants: [{ kind: 'person', name: blank, idNumber: idNumber() }] }));
      expect(r.status, JSON.stringify(blank)).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('applicants.0.name');
    }
    // A lone surrogate can only come as an escape in the JSON text: it would be stored as U+FFFD.
    const body = JSON.stringify(application({ applicants: [{ kind: 'person', name: 'LONE', idNumber: idNumber() }] })).replace(
      'LONE',
      '\\ud800x',
    );
    const lone = await request(t.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${a.tokens.clerk}`)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(lone.status).toBe(400);
    expect(JSON.stringify(lone.body)).toContain('applicants.0.name');
    expect(await count()).toBe(before);
    // Bytes that are not UTF-8 (a name sent in GBK, a character cut in half) decode to U+FFFD: refused at the field, as
    // the outside reliability tester found them stored as "����".
    const good = Buffer.from(JSON.stringify(application({ applicants: [{ kind: 'person', name: 'BADBYTES', idNumber: idNumber() }] })));
    const at = good.indexOf('BADBYTES');
    const badBytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xe5, 0xbc, 0xff, 0xc0, 0x80]), good.subarray(at + 8)]);
    const garbled = await request(t.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${a.tokens.clerk}`)
      .set('Content-Type', 'application/json')
      .serialize((x: unknown) => x as string)
      .send(badBytes);
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'applicants.0.name' })]));
    expect(await count()).toBe(before);
    // A name with a zero-width joiner inside visible text is a name: registered as it shows, the joiner removed (it
    // could split a number past the name check and the maskers — an outside security tester's finding).
    const kept = await t
      .api(a.tokens.clerk)
      .post('/api/cases', application({ applicants: [{ kind: 'person', name: '张\u200d三', idNumber: idNumber() }] }));
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.applicants[0].name).toBe('张三');
  });
});

describe(`bodies that are not JSON (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a body sent as text/plain or without a type is refused naming Content-Type, not read as a body with no fields', async () => {
    const count = async () => (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total as number;
    const before = await count();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      let q = request(t.app).post('/api/cases').set('Authorization', `Bearer ${a.tokens.clerk}`);
      if (type) q = q.set('Content-Type', type);
      const r = await q.send(Buffer.from(JSON.stringify(application())));
      expect(r.status, String(type)).toBe(400);
      expect(r.body.type).toContain('unsupported-media-type');
      expect(r.body.errors[0].path).toBe('Content-Type');
    }
    expect(await count()).toBe(before);
  });

  it('a declared length over the limit is answered 413 at once, not after waiting for a body that never comes', async () => {
    const { createServer } = await import('node:http');
    const { connect } = await import('node:net');
    const server = createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => {
          s.write(
            `POST /api/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${a.tokens.clerk}\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}`,
          );
        });
        let got = '';
        s.on('data', (d) => {
          got += d.toString();
          if (got.includes('\r\n\r\n')) {
            s.destroy();
            resolve(got);
          }
        });
        s.on('error', reject);
      });
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    } finally {
      server.close();
    }
  });
});

describe(`exports and expensive work (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('CSV cells that a spreadsheet would run as a formula are neutralised', async () => {
    const evil = await t.api(t.adminToken).post('/api/users', {
      username: 'arb-formula',
      password: 'arb-formula-password-1',
      role: 'arbitrator',
      displayName: '=HYPERLINK("http://x.example","点我")',
    });
    expect(evil.status).toBe(201);
    const c = await registerCase(t, a, application({ receivedOn: '2026-03-02' }));
    const ev = (token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/events`, body);
    expect((await ev(a.tokens.clerk, { type: 'ACCEPT', occurredOn: '2026-03-03' })).status).toBe(200);
    expect(
      (
        await ev(a.tokens.chair, {
          type: 'FORM_TRIBUNAL',
          occurredOn: '2026-03-04',
          arbitratorIds: [evil.body.id],
          presidingId: evil.body.id,
        })
      ).status,
    ).toBe(200);
    const r = await t.api(a.tokens.analyst).get('/api/stats/report?from=2026-01-01&to=2026-12-31&format=csv').buffer(true);
    expect(r.status).toBe(200);
    const text = r.text;
    expect(text).toContain('HYPERLINK');
    const cells = text
      .split(/\r\n/)
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
      .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, ''));
    const formulas = cells.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-[^\d]/.test(cell));
    expect(formulas).toEqual([]);
    expect(cells).toContain(`'=HYPERLINK(""http://x.example"",""点我"")`);
  });

  it('report periods are capped at REPORT_MAX_YEARS (10)', async () => {
    const long = await t.api(a.tokens.analyst).get('/api/stats/report?from=1926-01-01&to=2026-12-31&format=json');
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe('to');
    expect((await t.api(a.tokens.analyst).get('/api/stats/closure?from=2016-01-01&to=2026-01-01')).status).toBe(400);
    expect((await t.api(a.tokens.analyst).get('/api/stats/closure?from=2016-01-02&to=2026-01-01')).status).toBe(200);
  });

  it('document generation and exports are limited per user (429 with Retry-After)', async () => {
    const limited = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { DOCUMENTS_PER_MINUTE: '2', EXPORTS_PER_MINUTE: '2' } });
    try {
      const la = await createActors(limited);
      const c = await registerCase(limited, la);
      await limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-03' });
      const gen = () => limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
      expect((await gen()).status).toBe(201);
      expect((await gen()).status).toBe(201);
      const third = await gen();
      expect(third.status).toBe(429);
      // Documented: the operations list 429 in /openapi.json.
      const doc = (await request(limited.app).get('/openapi.json')).body;
      expect(doc.paths['/api/cases/{id}/documents'].post.responses['429']).toBeDefined();
      expect(doc.paths['/api/stats/report'].get.responses['429']).toBeDefined();
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      const report = () => limited.api(la.tokens.analyst).get('/api/stats/report?period=2026&format=csv');
      expect((await report()).status).toBe(200);
      expect((await report()).status).toBe(200);
      expect((await report()).status).toBe(429);
      // Per user: the chair still exports; a minute later the analyst does again.
      expect((await limited.api(la.tokens.chair).get('/api/stats/report?period=2026&format=json')).status).toBe(200);
      limited.clock.advance(61_000);
      expect((await report()).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('a document request refused before it renders does not use up the per-user limit', async () => {
    const limited = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { DOCUMENTS_PER_MINUTE: '2' } });
    try {
      const la = await createActors(limited);
      const c = await registerCase(limited, la);
      await limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-03' });
      // No hearing scheduled yet: the 开庭通知书 is refused (409), nothing rendered — three times, more than the limit.
      for (let i = 0; i < 3; i++) {
        const refused = await limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'hearing_notice' });
        expect(refused.status).toBe(409);
        expect(refused.body.detail).toContain('尚未排期开庭');
      }
      const gen = () => limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
      expect((await gen()).status).toBe(201);
      expect((await gen()).status).toBe(201);
      expect((await gen()).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe(`case exports and court packages are bounded (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const xlsx = (r: request.Test) =>
    r.buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      // A problem (413, 429) is JSON: read as such; the workbook stays bytes.
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        cb(null, /json/.test(String(res.headers['content-type'])) ? JSON.parse(bytes.toString('utf8')) : bytes);
      });
    });

  it('the case export: per user (429), at most EXPORT_MAX_ROWS cases (413 naming the limit, never a cut list), cells neutralised', async () => {
    const limited = await startTestApp({
      now: '2026-11-20T02:00:00Z',
      env: { EXPORTS_PER_MINUTE: '3', EXPORT_MAX_ROWS: '2' },
    });
    try {
      const la = await createActors(limited);
      const evil = '=HYPERLINK("http://x.example","点我")';
      await registerCase(limited, la, application({ applicants: [{ kind: 'person', name: '@SUM(1+1)', idNumber: idNumber() }] }));
      await registerCase(limited, la, application({ respondents: [employer(evil)] }));
      const get = (token: string, q = '') => xlsx(limited.api(token).get(`/api/exports/cases${q}`));
      const ok = await get(la.tokens.clerk);
      expect(ok.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(ok.body as unknown as ArrayBuffer);
      const cells = (wb.worksheets[0]?.getSheetValues() ?? []).flatMap((row) => (Array.isArray(row) ? row.slice(1) : [])).map(String);
      expect(cells).toContain(`'${evil}`);
      expect(cells).toContain("'@SUM(1+1)");
      expect(cells.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);

      // A third case: the selection is over the limit — 413 naming it, not a workbook of the first two.
      await registerCase(limited, la);
      const over = await get(la.tokens.clerk);
      expect(over.status).toBe(413);
      expect(over.body).toMatchObject({ rule: 'export-max-rows' });
      expect(over.body.detail).toContain('EXPORT_MAX_ROWS');
      expect(over.body.detail).toContain('3 件');
      // Narrowed by a filter it goes through again; a fourth export in the minute is one too many (the refused one counted).
      expect((await get(la.tokens.clerk, `?q=${encodeURIComponent('@SUM')}`)).status).toBe(200);
      const fourth = await get(la.tokens.clerk);
      expect(fourth.status).toBe(429);
      expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
      // Per user: the chair still exports (and meets the row limit, not the rate limit).
      expect((await get(la.tokens.chair)).status).toBe(413);
      const doc = (await request(limited.app).get('/openapi.json')).body;
      expect(Object.keys(doc.paths['/api/exports/cases'].get.responses)).toEqual(expect.arrayContaining(['413', '429']));
    } finally {
      await limited.close();
    }
  });

  it('court packages: per user (429), documents over COURT_PACKAGE_MAX_BYTES refused with 413 naming the limit', async () => {
    const limited = await startTestApp({
      now: '2026-11-20T02:00:00Z',
      env: { COURT_PACKAGES_PER_MINUTE: '2', COURT_PACKAGE_MAX_BYTES: '2000000' },
    });
    try {
      const la = await createActors(limited);
      const c = await registerCase(limited, la);
      expect(
        (await limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-03' })).status,
      ).toBe(200);
      const doc = await limited.api(la.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
      expect(doc.status).toBe(201);
      const pack = (token: string) =>
        limited.api(token).post(`/api/cases/${c.id}/court-packages`, { purpose: 'court_request', court: '聊城市中级人民法院' });
      const first = await pack(la.tokens.clerk);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.documentCount).toBe(1);
      // The limit set just under what the case's documents hold: 413 before any PDF is read.
      const size = Number((await limited.db.knex('documents').where({ case_id: c.id }).sum({ n: 'size' }).first())?.n);
      limited.config.courtPackageMaxBytes = size - 1;
      const big = await pack(la.tokens.clerk);
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ rule: 'court-package-max-bytes' });
      expect(big.body.detail).toContain('COURT_PACKAGE_MAX_BYTES');
      limited.config.courtPackageMaxBytes = size;
      // Two attempts counted this minute (the refused one too): the third is a 429; the chair still makes one.
      const third = await pack(la.tokens.clerk);
      expect(third.status).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await pack(la.tokens.chair)).status).toBe(201);
      limited.clock.advance(61_000);
      expect((await pack(la.tokens.clerk)).status).toBe(201);
      expect(Number((await limited.db.knex('court_packages').where({ case_id: c.id }).count({ n: '*' }).first())?.n)).toBe(3);
    } finally {
      await limited.close();
    }
  });
});

describe(`nothing personal in logs or errors (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const many = Array.from({ length: 500 }, (_, i) => ({
    kind: 'person' as const,
    name: `集体申请人${String(i).padStart(3, '0')}`,
    idNumber: idNumber('371502', '19850101', i),
    phone: `1391234${String(i).padStart(4, '0')}`,
    address: `聊城市东昌府区柳园街道幸福小区${i}号楼`,
  }));
  const personal = (text: string) =>
    many.filter((p) => text.includes(p.idNumber) || text.includes(p.phone) || text.includes(p.address) || text.includes(p.name));

  it('a collective case with 500 applicants registers (SQLite: inserts in batches) and the log holds none of their data', async () => {
    lines.length = 0;
    const r = await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: many, respondents: [employer()] }));
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    expect(r.body.collective).toBe(true);
    expect(r.body.applicants).toHaveLength(500);
    expect(new Set(r.body.applicants.map((p: { id: number }) => p.id)).size).toBe(500);
    expect(r.body.applicants[499]).toMatchObject({ name: '集体申请人499', idNumber: many[499]?.idNumber });
    const read = await t.api(a.tokens.clerk).get(`/api/cases/${r.body.id}`);
    expect(read.body.applicants.map((p: { name: string }) => p.name)).toEqual(many.map((p) => p.name));
    expect(lines.length).toBeGreaterThan(1);
    expect(personal(lines.join('\n'))).toEqual([]);
  });

  it('a database error inside such a registration is a 500 whose log line and answer hold no identity number, phone, address or name', async () => {
    // A trigger makes the parties insert fail with the 500 applicants' values bound to it.
    if (t.db.dialect === 'postgres') {
      await t.db.knex.raw(`CREATE FUNCTION zc_fail() RETURNS trigger AS $$ BEGIN
        IF NEW.name = '集体申请人250' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await t.db.knex.raw('CREATE TRIGGER zc_fail BEFORE INSERT ON parties FOR EACH ROW EXECUTE FUNCTION zc_fail()');
    } else {
      await t.db.knex.raw(
        `CREATE TRIGGER zc_fail BEFORE INSERT ON parties WHEN NEW.name = '集体申请人250' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
      );
    }
    try {
      lines.length = 0;
      const r = await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: many, respondents: [employer()] }));
      expect(r.status).toBe(500);
      expect(personal(JSON.stringify(r.body))).toEqual([]);
      const errors = logged().filter((l) => l.msg === 'unhandled error');
      expect(errors).toHaveLength(1);
      const err = (errors[0] as { err: Record<string, unknown> }).err;
      expect(String(err.message)).toContain('forced failure');
      expect(Object.keys(err).sort()).toEqual(expect.arrayContaining(['message', 'stack', 'type']));
      for (const k of ['detail', 'where', 'parameters', 'bindings', 'sql']) expect(err).not.toHaveProperty(k);
      expect(personal(lines.join('\n'))).toEqual([]);
    } finally {
      await t.db.knex.raw(`DROP TRIGGER zc_fail${t.db.dialect === 'postgres' ? ' ON parties' : ''}`);
      if (t.db.dialect === 'postgres') await t.db.knex.raw('DROP FUNCTION zc_fail()');
    }
  });

  it('the log writer masks identity numbers and phones wherever they appear', () => {
    const out: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write(chunk, _e, cb) {
          out.push(String(chunk));
          cb();
        },
      }),
    );
    log.info({ note: `身份证 ${idNumber()} 电话 13912345678`, nested: { phone: '13900000000', address: '某地' } }, 'x');
    const line = out.join('');
    expect(line).not.toContain(idNumber());
    expect(line).toContain('3715**********1234');
    expect(line).not.toContain('13912345678');
    expect(line).not.toContain('13900000000');
    expect(line).not.toContain('某地');
  });
});

// The config keeps TRUST_PROXY from being a blanket "true" (any client could then choose its address).
describe('configuration', () => {
  it('TRUST_PROXY: loopback by default, false, hops, subnets; never a blanket true', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.5');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});
