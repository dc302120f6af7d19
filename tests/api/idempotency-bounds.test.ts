import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application } from '../helpers/fixtures.ts';

/**
 * What an Idempotency-Key is bound to (server/http/write.ts): the caller, the caller's role, the operation and the
 * body — passwords included, as slow salted digests. A key sent again with another body (another password too) is a
 * 422; a stored answer is never served to a user whose role changed since it was stored.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const reused = (r: { status: number; body: { rule?: string } }) => {
  expect(r.status).toBe(422);
  expect(r.body.rule).toBe('idempotency-key-reused');
};

describe(`Idempotency-Key bounds (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a clerk made analyst is not answered the stored full view: 422, no identity number', async () => {
    const token = await t.tokenFor('clerk', 'clerk-demoted');
    const body = application();
    const first = await t.api(token).post('/api/cases', body).set('Idempotency-Key', 'demote-1');
    expect(first.status).toBe(201);
    expect(first.body.readLevel).toBe('full');
    const again = await t.api(token).post('/api/cases', body).set('Idempotency-Key', 'demote-1');
    expect(again.headers['idempotent-replayed']).toBe('true');

    const patched = await t.api(t.adminToken).patch(`/api/users/${t.userId('clerk-demoted')}`, { role: 'analyst' });
    expect(patched.status).toBe(200);
    const relogin = await t.api('').post('/api/auth/login', { username: 'clerk-demoted', password: 'clerk-demoted-password-1' });
    expect(relogin.status).toBe(200);
    const asAnalyst = await t.api(relogin.body.token).post('/api/cases', body).set('Idempotency-Key', 'demote-1');
    reused(asAnalyst);
    expect(asAnalyst.headers['idempotent-replayed']).toBeUndefined();
    expect(JSON.stringify(asAnalyst.body)).not.toContain(String(body.applicants[0]?.idNumber));
    // Nothing was written by the refused retry.
    const list = await t.api(t.adminToken).get('/api/cases?pageSize=200');
    expect(list.body.total).toBe(1);
  });

  it('the same key with another password is another request (422), on every operation that takes one', async () => {
    const user = { username: 'idem-user', password: 'first-Password-2026', role: 'clerk', displayName: '幂等' };
    const created = await t.api(t.adminToken).post('/api/users', user).set('Idempotency-Key', 'user-pw');
    expect(created.status).toBe(201);
    const same = await t.api(t.adminToken).post('/api/users', user).set('Idempotency-Key', 'user-pw');
    expect(same.status).toBe(201);
    expect(same.headers['idempotent-replayed']).toBe('true');
    reused(
      await t
        .api(t.adminToken)
        .post('/api/users', { ...user, password: 'other-Password-2026' })
        .set('Idempotency-Key', 'user-pw'),
    );
    // The password that works is the first one.
    const login = (password: string) => t.api('').post('/api/auth/login', { username: 'idem-user', password });
    expect((await login('first-Password-2026')).status).toBe(200);

    const reset = (newPassword: string) =>
      t.api(t.adminToken).post(`/api/users/${created.body.id}/password-reset`, { newPassword }).set('Idempotency-Key', 'reset-pw');
    expect((await reset('reset-Password-2026-a')).status).toBe(200);
    expect((await reset('reset-Password-2026-a')).headers['idempotent-replayed']).toBe('true');
    reused(await reset('reset-Password-2026-b'));
    expect((await login('reset-Password-2026-b')).status).toBe(401);
    expect((await login('reset-Password-2026-a')).status).toBe(200);

    // The user's own change: a wrong current password with a reused key is not answered the first 204.
    const token = (await login('reset-Password-2026-a')).body.token as string;
    const change = (currentPassword: string, newPassword: string) =>
      t.api(token).post('/api/auth/password', { currentPassword, newPassword }).set('Idempotency-Key', 'change-pw');
    expect((await change('reset-Password-2026-a', 'changed-Password-2026')).status).toBe(204);
    const fresh = (await login('changed-Password-2026')).body.token as string;
    const wrong = await t
      .api(fresh)
      .post('/api/auth/password', { currentPassword: 'totally-wrong-password', newPassword: 'Other-Bison-Kettle-8841' })
      .set('Idempotency-Key', 'change-pw');
    reused(wrong);
    expect((await login('Other-Bison-Kettle-8841')).status).toBe(401);
    expect((await login('changed-Password-2026')).status).toBe(200);

    // No stored fingerprint or answer contains a password.
    const rows = await t.db.knex('idempotency_keys').select('*');
    const stored = JSON.stringify(rows);
    for (const pw of ['first-Password-2026', 'other-Password-2026', 'reset-Password-2026-a', 'changed-Password-2026']) {
      expect(stored).not.toContain(pw);
    }
  });

  it('a user refused by the password throttle costs no password digest, whatever keys they send; others still log in', async () => {
    const token = await t.tokenFor('analyst', 'analyst-flood');
    const change = (key: string) =>
      t
        .api(token)
        .post('/api/auth/password', { currentPassword: 'wrong-password-0000', newPassword: 'Other-Bison-Kettle-8841' })
        .set('Idempotency-Key', key);
    // Locked by wrong current passwords (LOGIN_MAX_FAILURES), then a flood with a new key each time.
    for (let i = 0; i < 6; i++) await change(`lock-${i}`);
    const flood = await Promise.all(Array.from({ length: 100 }, (_, i) => change(`flood-${i}`)));
    expect(flood.map((r) => r.status).every((s) => s === 429)).toBe(true);
    const other = await t.api('').post('/api/auth/login', { username: 'clerk-demoted', password: 'clerk-demoted-password-1' });
    expect(other.status).toBe(200);
  });

  it('the same body with its fields in another order is the same request: replayed', async () => {
    const token = await t.tokenFor('clerk', 'clerk-order');
    const body = application();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await t.api(token).post('/api/cases', body).set('Idempotency-Key', 'order-1');
    const again = await t.api(token).post('/api/cases', reordered).set('Idempotency-Key', 'order-1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });
});
