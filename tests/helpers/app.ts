import type { Express } from 'express';
import type { Logger } from 'pino';
import request from 'supertest';
import { ensureCommissionKey, ensureFirstAdmin } from '../../app/bootstrap.ts';
import { FixedClock } from '../../app/clock.ts';
import { type Config, loadConfig } from '../../app/config.ts';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { type Database, migrateLatest } from '../../db/knex.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import type { Role } from '../../workflows/reference.ts';
import { checkedApp } from './contract.ts';
import { freshDatabase } from './db.ts';
import { testKeyPath } from './scratch.ts';

export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestApp {
  app: Express;
  db: Database;
  /** DATABASE_URL of the test database (for a second "process" on it, or a CLI). */
  dbUrl: string;
  clock: FixedClock;
  config: Config;
  adminToken: string;
  /** Creates a user with the role (once per name) and returns a bearer token for it. */
  tokenFor(role: Role, username?: string): Promise<string>;
  userId(username: string): number;
  api(token: string): ApiClient;
  close(): Promise<void>;
}

export interface ApiClient {
  get(url: string): request.Test;
  post(url: string, body?: unknown): request.Test;
  patch(url: string, body?: unknown): request.Test;
  put(url: string, body?: unknown): request.Test;
}

/** The real app on a real, freshly migrated database, with a pinned clock ("today" = 2026-04-01 CST by default). */
export async function startTestApp(
  opts: {
    now?: string;
    env?: Record<string, string>;
    logger?: Logger /** Leave the signing key uninitialised. */;
    noSigningKey?: boolean;
  } = {},
): Promise<TestApp> {
  const { db, url: dbUrl, drop } = await freshDatabase();
  await migrateLatest(db);
  const clock = new FixedClock(opts.now ?? '2026-04-01T02:00:00Z');
  await ensureFirstAdmin(db, clock, ADMIN_PASSWORD);
  // The clock is pinned, so a per-minute limit never frees up: suites that generate many documents or reports would
  // hit the production defaults. The limits themselves are tested with their own values (tests/api/security.test.ts).
  // A suite that moves the clock by months keeps its tokens alive with TOKEN_TTL_HOURS; the idle timeout follows it.
  const idle = opts.env?.TOKEN_TTL_HOURS ? { SESSION_IDLE_MINUTES: String(Number(opts.env.TOKEN_TTL_HOURS) * 60) } : {};
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_MAX_FAILURES: '5',
    DOCUMENTS_PER_MINUTE: '100000',
    EXPORTS_PER_MINUTE: '100000',
    COURT_PACKAGES_PER_MINUTE: '100000',
    // The suites register the same worker against the same employer over and over: the Rules Art. 34 confirmation at
    // ACCEPT is off unless a suite turns it on (tests/api/duplicate-accept-legal43.test.ts).
    DUPLICATE_ACCEPT_CONFIRMATION: 'false',
    // The suites move their clocks across years and accept on dates of their fixtures: the sec51 M1 confirmation of an
    // ACCEPT numbered in an earlier year is off unless a suite turns it on (tests/api/fixS51.test.ts).
    EARLIER_YEAR_ACCEPT_CONFIRMATION: 'false',
    // Issue 17: the commission's signing key of a test run lives in the temporary directory, never in data/.
    COMMISSION_KEY_PATH: testKeyPath(),
    ...idle,
    ...opts.env,
  });
  // As the first `npm start` of a fresh install does: the signing key is made (once per test process) and registered.
  if (!opts.noSigningKey) await ensureCommissionKey(db, clock, config.commissionKeyPath, 'tests');
  // Every response, through `api()` or a raw `request(t.app)`, is checked against /openapi.json (issue 14).
  const app = checkedApp(createApp({ db, clock, logger: opts.logger ?? createLogger('silent'), config }));
  const login = async (username: string, password: string) => {
    const r = await request(app).post('/api/auth/login').send({ username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token as string;
  };
  const adminToken = await login('admin', ADMIN_PASSWORD);
  const tokens = new Map<string, string>();
  const ids = new Map<string, number>();
  const api = (token: string): ApiClient => ({
    get: (url) => request(app).get(url).set('Authorization', `Bearer ${token}`),
    post: (url, body) =>
      request(app)
        .post(url)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
    patch: (url, body) =>
      request(app)
        .patch(url)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
    put: (url, body) =>
      request(app)
        .put(url)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
  });
  return {
    app,
    db,
    dbUrl,
    clock,
    config,
    adminToken,
    api,
    userId: (u) => {
      const id = ids.get(u);
      if (id === undefined) throw new Error(`no test user ${u}`);
      return id;
    },
    async tokenFor(role, username = role) {
      const known = tokens.get(username);
      if (known) return known;
      const password = `${username}-password-1`;
      // A fixture user keeps the password it was given (a real admin's user must change it first: security.test.ts).
      const r = await api(adminToken).post('/api/users', {
        username,
        password,
        role,
        displayName: `${username}（测试）`,
        mustChangePassword: false,
      });
      if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      ids.set(username, r.body.id);
      const token = await login(username, password);
      tokens.set(username, token);
      return token;
    },
    // A background recomputation (a calendar year loaded) finishes before its database goes.
    close: async () => {
      await recomputationsIdle(db);
      await drop();
    },
  };
}
