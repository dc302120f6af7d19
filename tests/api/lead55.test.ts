import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { registerCase } from '../helpers/procedure.ts';

/**
 * sec55 M1: a write's answer that holds the full case with no history entry behind it — a correction that changes
 * nothing, an Idempotency-Key's retry answered from the stored view — is a read of the personal data it shows, and is
 * recorded in the access log as a GET's is (api.md "Reading (v1.1)"). A write that does act is traced by its history
 * entry (who, when, what).
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
const { t, a } = apiSuite({ now: '2026-12-02T02:00:00Z' });

const readsOf = async (caseId: number) => {
  const r = await t.api(t.adminToken).get('/api/access-log').query({ caseId, action: 'read_case', pageSize: 200 });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.total as number;
};

describe(`sec55 M1: write answers that read the case (${dialect})`, () => {
  it('a PATCH that changes nothing answers the full case and records the read; one that changes something does not', async () => {
    const c = await registerCase(t, a);
    const before = await readsOf(c.id);
    const same = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { district: c.district });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.readLevel).toBe('full');
    expect(same.body.version).toBe(c.version);
    expect(await readsOf(c.id)).toBe(before + 1);
    const changed = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: '更正后的事实与理由（sec55）' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe((c.version as number) + 1);
    expect(await readsOf(c.id)).toBe(before + 1);
  });

  it('an Idempotency-Key retry answered from the stored full view records the read', async () => {
    const c = await registerCase(t, a);
    const send = () =>
      t
        .api(a.tokens.clerk)
        .post(`/api/cases/${c.id}/events`)
        .set('Idempotency-Key', `sec55-m1-${c.id}`)
        .send({ type: 'ACCEPT', occurredOn: '2026-12-02' });
    const first = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = await readsOf(c.id);
    const again = await send();
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.caseNo).toBe(first.body.caseNo);
    expect(await readsOf(c.id)).toBe(before + 1);
  });
});

describe(`sec55 L3: a required field left out is said in plain words (${dialect})`, () => {
  it('GET /api/hearings without from/to and a login without password: 400 naming the field, 「必须填写」', async () => {
    const h = await t.api(a.tokens.clerk).get('/api/hearings');
    expect(h.status, JSON.stringify(h.body)).toBe(400);
    expect(h.body.errors).toEqual(expect.arrayContaining([{ path: 'from', message: '必须填写' }]));
    const login = await t.api(a.tokens.clerk).post('/api/auth/login').send({ username: 'clerk' });
    expect(login.status, JSON.stringify(login.body)).toBe(400);
    expect(login.body.errors).toEqual([{ path: 'password', message: '必须填写' }]);
  });
});
