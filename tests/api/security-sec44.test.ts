import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { employer, idNumber, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside security tester's findings (sec44): L1 the idle timeout cut short by the rare last-use writes; L2 a case
 * found by a part of a phone (and not by a whole one typed full-width or grouped); L3 a malformed path id answered 404
 * where the role may never do it (403 before 404).
 */
const { t, a } = apiSuite({ env: { SESSION_IDLE_MINUTES: '1' } });

describe(`L1: SESSION_IDLE_MINUTES=1 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a token used every 25 s keeps working; one left unused for the idle minute stops', async () => {
    await t.tokenFor('clerk', 'idler');
    const login = await t.api('').post('/api/auth/login', { username: 'idler', password: 'idler-password-1' });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    let moved = 0;
    try {
      // 10 uses, 25 s apart: 250 s after login, still alive (it died at 75 s before the fix).
      for (let i = 1; i <= 10; i++) {
        t.clock.advance(25_000);
        moved += 25_000;
        expect((await t.api(token).get('/api/auth/me')).status, `use ${i} at ${i * 25} s`).toBe(200);
      }
      // Unused for over the minute and its touch interval (6 s, app/users/sessions.ts touchEveryMs): ended.
      t.clock.advance(66_001);
      moved += 66_001;
      expect((await t.api(token).get('/api/auth/me')).status).toBe(401);
    } finally {
      t.clock.advance(-moved);
    }
  });
});

describe('L2: q matches whole phone numbers only, as typed', () => {
  it('full readers find a whole phone (full-width, grouped, with dashes), never a part; masked readers nothing', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [{ ...worker('钱七', 844), phone: '13812345678' }],
        respondents: [{ ...employer('聊城某某食品有限公司'), phone: '0635-8123456' }],
      }),
    );
    const ids = async (token: string, q: string) => {
      const r = await t.api(token).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`);
      expect(r.status, q).toBe(200);
      return (r.body.items as { id: number }[]).map((x) => x.id).filter((id) => id === c.id);
    };
    const whole = [
      '13812345678',
      '１３８１２３４５６７８',
      '138-1234-5678',
      '138 1234 5678',
      '+86 138 1234 5678',
      '0635-8123456',
      '06358123456',
    ];
    const parts = ['81234', '1234', '1381234', '12345678', '3812345678', '8123456', '0635'];
    for (const token of [a.tokens.admin, a.tokens.clerk, a.tokens.chair]) {
      for (const q of whole) expect(await ids(token, q), q).toEqual([c.id]);
      for (const q of parts) expect(await ids(token, q), q).toEqual([]);
    }
    // Identity numbers as before, now also typed full-width or grouped; a part finds nothing.
    const id = idNumber('371502', '19900101', 844);
    const fullWidth = id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    for (const q of [id, fullWidth, `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`])
      expect(await ids(a.tokens.clerk, q), q).toEqual([c.id]);
    expect(await ids(a.tokens.clerk, id.slice(0, 14))).toEqual([]);
    // Masked readers: nothing, in any form.
    for (const token of [a.tokens.analyst, a.tokens.mediator, (a.arbitrators[0] as { token: string }).token])
      for (const q of [...whole, ...parts.filter((p) => p.length >= 6), id, fullWidth]) expect(await ids(token, q), q).toEqual([]);
  });
});

describe('L3: 403 before 404 on path ids, malformed or not', () => {
  it('a clerk on /api/users/{id}: 403 whatever the id', async () => {
    for (const id of ['abc', '999', '0', '1']) expect((await t.api(a.tokens.clerk).get(`/api/users/${id}`)).status, id).toBe(403);
    for (const id of ['abc', '999']) {
      expect((await t.api(a.tokens.clerk).patch(`/api/users/${id}`, { displayName: '某某' })).status, id).toBe(403);
      expect((await t.api(a.tokens.clerk).post(`/api/users/${id}/password-reset`, { newPassword: 'temporary-pass-2026' })).status, id).toBe(
        403,
      );
    }
    // The admin: 404 for an id that names nothing, in any spelling.
    for (const id of ['abc', '999']) expect((await t.api(a.tokens.admin).get(`/api/users/${id}`)).status, id).toBe(404);
    // 400 still before 403: a malformed body names its field.
    const bad = await t.api(a.tokens.clerk).patch('/api/users/abc', { role: 'emperor' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('role');
  });

  it('the other role-gated routes with path ids answer 403 for a malformed id too', async () => {
    const cases: [string, string, 'get' | 'post', unknown?][] = [
      [a.tokens.analyst, '/api/cases/abc/documents', 'get'],
      [a.tokens.analyst, '/api/documents/abc', 'get'],
      [a.tokens.analyst, '/api/cases/abc/claims/1/history', 'get'],
      [a.tokens.analyst, '/api/cases/abc/court-packages', 'get'],
      [a.tokens.mediator, '/api/court-packages/abc', 'get'],
      [a.tokens.clerk, '/api/calendar/recomputations/abc', 'get'],
      [a.tokens.analyst, '/api/calculators/nope', 'post', {}],
      [a.tokens.analyst, '/api/cases/abc/events', 'post', { type: 'ACCEPT', occurredOn: '2026-04-01' }],
    ];
    for (const [token, url, method, body] of cases) {
      const r = method === 'get' ? await t.api(token).get(url) : await t.api(token).post(url, body);
      expect(r.status, `${url} ${JSON.stringify(r.body)}`).toBe(403);
    }
  });
});
