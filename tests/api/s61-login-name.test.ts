import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';

/**
 * s61: usernames are lower case (app/schemas.ts); a name typed with a capital first letter (a phone's keyboard does
 * that) or with spaces around it logs into the same account. The password is still checked as typed.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
const { t } = apiSuite({ now: '2026-12-02T02:00:00Z' });

describe(`s61: a username typed with capitals or spaces is the same account (${dialect})`, () => {
  it('logs in as clerk.wang with 「Clerk.Wang」 and 「 clerk.wang 」; a wrong password still fails; capitals are refused when the account is made', async () => {
    const made = await t.api(t.adminToken).post('/api/users', {
      username: 'clerk.wang',
      password: 'wang-password-2026',
      role: 'clerk',
      displayName: '王书记员',
      mustChangePassword: false,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    for (const typed of ['Clerk.Wang', ' clerk.wang ', 'CLERK.WANG']) {
      const r = await request(t.app).post('/api/auth/login').send({ username: typed, password: 'wang-password-2026' });
      expect(r.status, `${typed}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.user.username).toBe('clerk.wang');
    }
    const wrong = await request(t.app).post('/api/auth/login').send({ username: 'Clerk.Wang', password: 'Wang-password-2026' });
    expect(wrong.status).toBe(401);
    const upper = await t.api(t.adminToken).post('/api/users', {
      username: 'Clerk.Li',
      password: 'li-password-2026',
      role: 'clerk',
      displayName: '李书记员',
      mustChangePassword: false,
    });
    expect(upper.status).toBe(400);
    expect(JSON.stringify(upper.body)).toContain('username');
  });
});
