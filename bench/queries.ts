/**
 * `npm run bench:queries` — the SQL statements each request on the paths people wait on runs (registration, ACCEPT,
 * SERVE, case read, list page), counted and listed with their wall time, on a fresh database in this process
 * (SQLite by default; DATABASE_URL=postgres://… for PostgreSQL). A tool to see round trips, not a timed test.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { ensureFirstAdmin } from '../app/bootstrap.ts';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-queries-'));
const url = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : `sqlite:${path.join(dir, 'q.sqlite')}`;
const verbose = process.argv.includes('--sql');
const db = openDatabase(url);
await migrateLatest(db);
await ensureFirstAdmin(db, systemClock, 'queries-admin-password-2026');
const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url });
const app = createApp({ db, clock: systemClock, logger: createLogger('silent'), config });

interface Q {
  sql: string;
  start: number;
  ms?: number;
}
let log: Q[] | null = null;
const pending = new Map<string, Q>();
for (const k of new Set([db.knex, db.reader])) {
  k.on('query', (d: { __knexQueryUid: string; sql: string }) => {
    if (!log) return;
    const q = { sql: d.sql, start: performance.now() };
    log.push(q);
    pending.set(d.__knexQueryUid, q);
  });
  const done = (d: { __knexQueryUid: string }) => {
    const q = pending.get(d.__knexQueryUid);
    if (q) q.ms = performance.now() - q.start;
  };
  k.on('query-response', (_r: unknown, d: { __knexQueryUid: string }) => done(d));
  k.on('query-error', (_e: unknown, d: { __knexQueryUid: string }) => done(d));
}

// Writes queued on a transaction (db/write-later.ts) reach SQLite as one script (sqlite3_exec) with the next statement
// or with COMMIT: each script is listed as one trip, with the statements it carries.
const sqlite3 = createRequire(import.meta.url)('sqlite3') as {
  Database: { prototype: { exec: (sql: string, cb: (e: Error | null) => void) => unknown } };
};
const exec = sqlite3.Database.prototype.exec;
sqlite3.Database.prototype.exec = function (this: unknown, sql: string, cb: (e: Error | null) => void) {
  if (!log || !/;/.test(sql)) return exec.call(this, sql, cb);
  const statements = sql.split(';\n').map((x) => x.trim().split(/\s+/).slice(0, 3).join(' '));
  const q: Q = { sql: `(script: ${statements.length} statements) ${statements.join(' | ')}`, start: performance.now() };
  log.push(q);
  return exec.call(this, sql, (e) => {
    q.ms = performance.now() - q.start;
    cb(e);
  });
};

async function probe(name: string, fn: () => Promise<request.Response>, expect: number) {
  // Warm once (caches, prepared paths), then measure the second call.
  log = [];
  const t = performance.now();
  const r = await fn();
  const wall = performance.now() - t;
  const queries = log;
  log = null;
  if (r.status !== expect) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  const dbMs = queries.reduce((s, q) => s + (q.ms ?? 0), 0);
  const scripts = queries.filter((q) => q.sql.startsWith('(script')).length;
  console.log(
    `${name}: ${queries.length - scripts} queries, ${scripts} scripts of queued writes (each sent with the query after it or with COMMIT), ${wall.toFixed(1)} ms wall, ${dbMs.toFixed(1)} ms in queries`,
  );
  if (verbose) for (const q of queries) console.log(`   ${(q.ms ?? 0).toFixed(2).padStart(6)} ms  ${q.sql.slice(0, 160)}`);
  return r;
}

const login = await request(app).post('/api/auth/login').send({ username: 'admin', password: 'queries-admin-password-2026' });
const admin = login.body.token as string;
await request(app)
  .post('/api/users')
  .set('Authorization', `Bearer ${admin}`)
  .send({ username: 'q-clerk', password: 'q-clerk-password-2026', role: 'clerk', displayName: '书记员', mustChangePassword: false });
const clerk = (await request(app).post('/api/auth/login').send({ username: 'q-clerk', password: 'q-clerk-password-2026' })).body.token;
const body = JSON.parse(fs.readFileSync(new URL('./register-body.json', import.meta.url), 'utf8'));
const today = systemClock.today();
body.receivedOn = today;
const as = (r: request.Test) => r.set('Authorization', `Bearer ${clerk}`);
const ids: number[] = [];
// Each case its own applicant (no identity number): the second round's ACCEPT is not barred as the same dispute as the
// first round's (Rules Art. 34), and each registration probes the duplicate check the same way.
const bodyFor = (i: number) => ({
  ...body,
  applicants: body.applicants.map((a: Record<string, unknown>) => ({ ...a, name: `${a.name}${i}`, idNumber: undefined })),
});
for (let i = 0; i < 30; i++) ids.push((await as(request(app).post('/api/cases')).send(bodyFor(i))).body.id);
for (let round = 0; round < 2; round++) {
  if (round) console.log('--- second round');
  const reg = await probe('POST /api/cases', () => as(request(app).post('/api/cases')).send(body), 201);
  const id = ids[round] as number;
  await probe(
    'POST /api/cases/:id/events ACCEPT',
    () => as(request(app).post(`/api/cases/${id}/events`)).send({ type: 'ACCEPT', occurredOn: today }),
    200,
  );
  const c = await probe('GET /api/cases/:id', () => as(request(app).get(`/api/cases/${id}`)), 200);
  await probe(
    'POST /api/cases/:id/events SERVE',
    () =>
      as(request(app).post(`/api/cases/${id}/events`)).send({
        type: 'SERVE',
        document: 'acceptance_notice',
        partyId: c.body.applicants[0].id,
        method: 'direct',
        occurredOn: today,
      }),
    200,
  );
  await probe('GET /api/cases?page=2&pageSize=20', () => as(request(app).get('/api/cases?page=2&pageSize=20')), 200);
  void reg;
}
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
