import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Readiness } from '../../app/service/status.ts';
import { createLogger } from '../../server/logger.ts';
import { startHeartbeat } from '../../server/scheduler.ts';
import { completeIdNumber } from '../../workflows/identifiers.ts';
import { apiSuite, caseAt, caseEvents, eventually } from '../helpers/case-fixtures.ts';

/**
 * An outside security / privacy tester's findings (sec45): M1 numbers written next to Latin letters never masked; M2
 * anyone could lock any account; L2 a stale service status; L3 a court package's id as a document's in the access log;
 * L4 numbers in staff names; L6 the idle timeout early; INFO-1 `page` beyond its range.
 */
const { t, a } = apiSuite({ env: { SESSION_IDLE_MINUTES: '1' } });

const login = (username: string, password: string, address: string) =>
  request(t.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

describe(`M1: numbers next to Latin letters (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('are masked in the history for every reader and in the case view of a masked reader', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const other = a.arbitrators[1] as { id: number; token: string };
    const ID = completeIdNumber('37150219900101123');
    const ID2 = completeIdNumber('37150119920315456');
    const PHONE = '13812345678';
    const { ok } = caseEvents(() => t);
    const note = `申请人身份证ID${ID}，手机TEL${PHONE}，同事sfz${ID2}，QQ${PHONE}abc`;
    await ok(c, arb.token, 'START_MEDIATION', { note });
    for (const token of [arb.token, other.token, a.tokens.clerk]) {
      const history = JSON.stringify((await t.api(token).get(`/api/cases/${c.id}/events`)).body);
      expect(history).not.toContain(ID);
      expect(history).not.toContain(ID2);
      expect(history).toContain(`ID${ID.slice(0, 4)}**********${ID.slice(-4)}`);
      expect(history).toContain(`sfz${ID2.slice(0, 4)}**********${ID2.slice(-4)}`);
    }
    const masked = await t.api(other.token).get(`/api/cases/${c.id}/events`);
    const maskedText = JSON.stringify(masked.body);
    expect(maskedText).not.toContain(PHONE);
    expect(maskedText).toContain('TEL138****5678');
    expect(maskedText).toContain('QQ138****5678abc');
  });
});

describe(`M2: a stranger's failures do not lock the real user out (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the known address signs in; its own guesses still count; a new address is refused', async () => {
    await t.tokenFor('clerk', 'known-user');
    const password = 'known-user-password-1';
    // Signed in from 10.45.0.1 once: a known address.
    expect((await login('known-user', password, '10.45.0.1')).status).toBe(200);
    // Someone else guesses five times from elsewhere: the account is locked for other addresses.
    for (let i = 0; i < 5; i++) expect((await login('known-user', 'wrong-password-xyz', `10.45.1.${i + 1}`)).status).toBe(401);
    expect((await login('known-user', password, '10.45.2.1')).status).toBe(429);
    // Guesses from the known address after the lock are still counted (against it): at five, 429 there too.
    for (let i = 0; i < 5; i++) expect((await login('known-user', 'wrong-password-xyz', '10.45.0.1')).status).toBe(401);
    expect((await login('known-user', password, '10.45.0.1')).status).toBe(429);
    // Its window over, the known address signs in while the stranger's lock stands for a new address.
    t.clock.advance(16 * 60_000);
    try {
      for (let i = 0; i < 5; i++) expect((await login('known-user', 'wrong-password-xyz', `10.45.3.${i + 1}`)).status).toBe(401);
      expect((await login('known-user', password, '10.45.0.1')).status).toBe(200);
      expect((await login('known-user', password, '10.45.4.1')).status).toBe(429);
      // A guess from the known address is counted; with the lock from elsewhere, never a way past it for a new one.
      expect((await login('known-user', 'wrong-password-xyz', '10.45.0.1')).status).toBe(401);
      expect((await login('known-user', password, '10.45.4.2')).status).toBe(429);
      // What is stored of the known address is a keyed hash: neither the address nor the name.
      const stored = JSON.stringify(await t.db.knex('throttle_events').where({ bucket: 'login.known-address' }).select());
      expect(stored).not.toContain('10.45.0.1');
      expect(stored).not.toContain('known-user');
    } finally {
      t.clock.advance(-16 * 60_000);
    }
  });
  it('an address known more than LOGIN_KNOWN_ADDRESS_DAYS ago is a new one', async () => {
    await t.tokenFor('clerk', 'old-known');
    const password = 'old-known-password-1';
    expect((await login('old-known', password, '10.46.0.1')).status).toBe(200);
    t.clock.advance(91 * 86_400_000);
    try {
      for (let i = 0; i < 5; i++) expect((await login('old-known', 'wrong-password-xyz', `10.46.1.${i + 1}`)).status).toBe(401);
      expect((await login('old-known', password, '10.46.0.1')).status).toBe(429);
    } finally {
      t.clock.advance(-91 * 86_400_000);
    }
  });
});

describe('L4: staff names hold no identity number or phone', () => {
  const user = (over: Record<string, unknown>) => ({
    username: 'staff-l4',
    password: 'Staff-L4-password-2026',
    role: 'clerk',
    displayName: '王五',
    ...over,
  });
  it('create and PATCH answer 400 naming the field', async () => {
    const admin = t.api(t.adminToken);
    const ID = completeIdNumber('37150219900101123');
    for (const [over, field] of [
      [{ displayName: '王13812345678' }, 'displayName'],
      [{ displayName: `王（${ID}）` }, 'displayName'],
      [{ displayName: '王 138 1234 5678' }, 'displayName'],
      [{ username: 'wang13812345678' }, 'username'],
      [{ username: `w${ID.toLowerCase()}` }, 'username'],
    ] as const) {
      const r = await admin.post('/api/users', user(over));
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.body.errors)).toContain(field);
    }
    const created = await admin.post('/api/users', user({ username: 'staff-l4-ok', displayName: '王五2' }));
    expect(created.status).toBe(201);
    const patched = await admin.patch(`/api/users/${created.body.id}`, { displayName: '王五 13812345678' });
    expect(patched.status).toBe(400);
    expect(JSON.stringify(patched.body.errors)).toContain('displayName');
    expect((await admin.patch(`/api/users/${created.body.id}`, { displayName: '王五（二组）' })).status).toBe(200);
  });
});

describe('L6: the idle timeout counts from the last use, not the last recorded one', () => {
  it('SESSION_IDLE_MINUTES=1: never refused within the minute after a use the record missed; refused past it and the 6 s touch interval', async () => {
    await t.tokenFor('clerk', 'idle-l6');
    const login = await t.api('').post('/api/auth/login', { username: 'idle-l6', password: 'idle-l6-password-1' });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    let moved = 0;
    const advance = (ms: number) => {
      t.clock.advance(ms);
      moved += ms;
    };
    try {
      advance(29_000);
      expect((await t.api(token).get('/api/auth/me')).status).toBe(200);
      // 3 s later: a use not written (the next write is due 6 s after the last).
      advance(3_000);
      expect((await t.api(token).get('/api/auth/me')).status).toBe(200);
      // A whole minute after that use (63 s after the recorded one): alive — it was refused before the minute (s45 L6).
      advance(60_000);
      expect((await t.api(token).get('/api/auth/me')).status).toBe(200);
      // Unused for the minute and the touch interval after the recorded use: refused, by every process alike.
      advance(66_001);
      expect((await t.api(token).get('/api/auth/me')).status).toBe(401);
    } finally {
      t.clock.advance(-moved);
    }
  });
});

describe('INFO-1: a page number beyond its range says the range', () => {
  it('page=1000000000 → 400 "page 为 1–1000000"; the maximum is in OpenAPI', async () => {
    const api = t.api(a.tokens.clerk);
    for (const page of ['1000000000', '1000001', '99999999999999999999999']) {
      const r = await api.get(`/api/cases?page=${page}`);
      expect(r.status, page).toBe(400);
      expect(r.body.errors).toEqual([{ path: 'page', message: 'page 为 1–1000000' }]);
    }
    expect((await api.get('/api/cases?page=1000000')).status).toBe(200);
    expect((await api.get('/api/cases?page=1x')).body.errors).toEqual([{ path: 'page', message: 'page 应为十进制整数（只含数字 0–9）' }]);
    const doc = (await request(t.app).get('/openapi.json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string; schema: { maximum?: number } }[] } }>;
    };
    const page = doc.paths['/api/cases']?.get?.parameters?.find((p) => p.name === 'page');
    expect(page?.schema.maximum).toBe(1_000_000);
  });
});

describe('L3: the access log names a downloaded court package as such', () => {
  it('courtPackageId for a package, documentId null; a document keeps its documentId', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const me = (await t.api(a.tokens.chair).get('/api/auth/me')).body as { id: number };
    const row = { at: t.clock.now().toISOString(), user_id: me.id, role: 'chair', case_id: c.id };
    await t.db.knex('access_log').insert([
      { ...row, action: 'download_court_package', document_id: 4501 },
      { ...row, action: 'download_document', document_id: 4502 },
    ]);
    const log = await t.api(a.tokens.chair).get(`/api/access-log?caseId=${c.id}`);
    expect(log.status).toBe(200);
    const items = log.body.items as { action: string; documentId: number | null; courtPackageId: number | null }[];
    expect(items.find((x) => x.action === 'download_court_package')).toMatchObject({ courtPackageId: 4501, documentId: null });
    expect(items.find((x) => x.action === 'download_document')).toMatchObject({ courtPackageId: null, documentId: 4502 });
    expect(items.filter((x) => x.action === 'read_case').every((x) => x.courtPackageId === null)).toBe(true);
  });
});

describe('L2: every process writes its heartbeat; the status says which are alive', () => {
  it('a process writes without any probe; one silent for over 90 s is alive: false', async () => {
    const self = (await t.api(t.adminToken).get('/api/service/status')).body.instance as string;
    // A readiness write more than 5 s old is not reused: the beat below writes.
    t.clock.advance(6_000);
    try {
      const now = t.clock.now().getTime();
      const iso = (ms: number) => new Date(ms).toISOString();
      await t.db.knex('service_heartbeats').delete();
      await t.db.knex('service_heartbeats').insert([
        { instance: 'killed-host:4501', started_at: iso(now - 3_600_000), seen_at: iso(now - 91_000) },
        { instance: 'live-host:4502', started_at: iso(now - 3_600_000), seen_at: iso(now - 20_000) },
      ]);
      // This process's periodic heartbeat, no /readyz probe.
      const beat = startHeartbeat({ logger: createLogger('silent') }, t.app.locals.readiness as Readiness, 60_000);
      try {
        await eventually(async () =>
          expect(await t.db.knex('service_heartbeats').where({ instance: self }).first('instance')).toBeTruthy(),
        );
      } finally {
        await beat.stop();
      }
      const status = await t.api(t.adminToken).get('/api/service/status');
      expect(status.status).toBe(200);
      const processes = status.body.processes as { instance: string; alive: boolean }[];
      expect(processes.find((p) => p.instance === 'killed-host:4501')?.alive).toBe(false);
      expect(processes.find((p) => p.instance === 'live-host:4502')?.alive).toBe(true);
      expect(processes.find((p) => p.instance === self)?.alive).toBe(true);
    } finally {
      t.clock.advance(-6_000);
    }
  });
});
