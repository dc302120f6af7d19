import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../app/bootstrap.ts';
import { caseSnapshot, loadCase } from '../../app/cases/case-state.ts';
import { loadConfig } from '../../app/config.ts';
import { createDeps, type Deps } from '../../app/deps.ts';
import type { Actor } from '../../app/policy.ts';
import { runRequestedReflag } from '../../app/procedure/answer-flag.ts';
import { applyEvent } from '../../app/procedure/apply-event.ts';
import { reprojectStatistics } from '../../app/stats/reproject.ts';
import { runDailySweep, sweepDeadlines } from '../../app/time/sweep.ts';
import { inTransaction } from '../../app/unit-of-work.ts';
import { verifyHistory } from '../../db/history-chain.ts';
import { type Database, isUniqueViolation, migrateLatest, openDatabase } from '../../db/knex.ts';
import { backfillHearings } from '../../db/maintenance.ts';
import { migrationSource } from '../../db/migrations/index.ts';
import { grantStatements } from '../../db/pg-roles.ts';
import { createApp } from '../../server/app.ts';
import { createLifecycle } from '../../server/lifecycle.ts';
import { createLogger } from '../../server/logger.ts';
import { statFacts } from '../../workflows/stat-facts.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/app.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { type Actors, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';

const dialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
let t: TestApp;
let a: Actors;
const opened: Database[] = [];
beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z' });
  a = await createActors(t);
});
afterAll(async () => {
  for (const d of opened) await d.close().catch(() => undefined);
  await t?.close();
});

const depsOf = (x: TestApp): Deps => createDeps({ db: x.db, clock: x.clock, logger: createLogger('silent'), config: x.config });

/** A second "process" on the same database: its own connection pool and its own caches. */
function secondProcess(x: TestApp, options: Parameters<typeof openDatabase>[1] = {}) {
  const db = openDatabase(x.dbUrl, options);
  opened.push(db);
  const lifecycle = createLifecycle(x.clock.now().toISOString());
  const app = createApp({ db, clock: x.clock, logger: createLogger('silent'), config: x.config, lifecycle });
  const as = (token: string) => ({
    get: (url: string) => request(app).get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body?: object) => request(app).post(url).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body?: object) => request(app).put(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  return { db, app, lifecycle, as };
}

const expectUnavailable = (r: request.Response, fault: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(503);
  expect(r.headers['content-type']).toContain('application/problem+json');
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  expect(r.body).toMatchObject({ status: 503, type: 'https://zhongcai.dev/problems/unavailable', fault });
};

describe(`reliability (${dialect})`, () => {
  it('/healthz is liveness and never touches the database; /readyz proves a committed write', async () => {
    expect((await request(t.app).get('/healthz')).body).toEqual({ status: 'ok', database: dialect });
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).toBe(200);
    // Anonymous callers learn nothing more; the admin's status names the process whose heartbeat was written.
    expect(ready.body).toEqual({ status: 'ready', database: dialect });
    const status = await t.api(t.adminToken).get('/api/service/status');
    expect(status.body).toMatchObject({ instance: expect.any(String), heartbeatAt: expect.any(String) });
    expect(await t.db.knex('service_heartbeats').where({ instance: status.body.instance }).first()).toBeTruthy();

    // The same server on a database that is gone: alive, not ready, and every API call a 503 (never a 500 or a hang).
    const gone = secondProcess(t);
    await gone.db.close();
    expect((await request(gone.app).get('/healthz')).status).toBe(200);
    expectUnavailable(await request(gone.app).get('/readyz'), 'unavailable');
    expectUnavailable(await gone.as(a.tokens.clerk).get('/api/cases'), 'unavailable');

    // Shutting down: not ready, and every answer closes its connection.
    const stopping = secondProcess(t);
    stopping.lifecycle.shuttingDown = true;
    const r = await request(stopping.app).get('/readyz');
    expect(r.status).toBe(503);
    expect(r.headers.connection).toBe('close');
  });

  it('a database that is not writable answers 503, and /readyz says so', async () => {
    const ro = secondProcess(t);
    if (dialect === 'sqlite') await ro.db.knex.raw('PRAGMA query_only = ON');
    else {
      // Sessions opened from now on (process B has none yet) are read-only.
      const name = (await t.db.knex.raw('select current_database() as d')).rows[0].d;
      await t.db.knex.raw(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    }
    try {
      // Said as read-only, not as a database that cannot be reached (an outside reliability tester).
      expectUnavailable(await request(ro.app).get('/readyz'), 'read_only');
      const refused = await ro.as(a.tokens.clerk).post('/api/cases', standardApplication());
      expectUnavailable(refused, 'read_only');
      expect(refused.body.detail).toContain('只读');
      expect((await ro.as(a.tokens.clerk).get('/api/cases')).status).toBe(200); // reads still work
    } finally {
      if (dialect === 'postgres') {
        const name = (await t.db.knex.raw('select current_database() as d')).rows[0].d;
        await t.db.knex.raw(`ALTER DATABASE ${name} RESET default_transaction_read_only`);
      }
    }
  });

  it('a busy database answers 503 with Retry-After instead of 500, and the write goes through once it is free', async () => {
    const c = await registerCase(t, a);
    const busy = secondProcess(t, { busyTimeoutMs: 100, lockTimeoutMs: 200 });
    const holder = openDatabase(t.dbUrl);
    opened.push(holder);
    let release!: () => void;
    let held!: () => void;
    const isHeld = new Promise<void>((r) => (held = r));
    // Another process is in the middle of a write: it holds SQLite's write lock, or PostgreSQL's lock on the case row.
    const holding = holder.knex.transaction(async (trx) => {
      await trx('cases').where({ id: c.id }).update({ updated_at: '2026-04-01T02:00:00.000Z' });
      held();
      await new Promise<void>((r) => (release = r));
    });
    await isHeld;
    try {
      const accept = { type: 'ACCEPT', occurredOn: '2026-03-04' };
      const r = await busy.as(a.tokens.clerk).post(`/api/cases/${c.id}/events`, accept);
      expectUnavailable(r, 'busy');
      expect(r.headers['retry-after']).toBe('2');
      expect((await busy.as(a.tokens.clerk).get('/api/cases')).status).toBe(200); // a read is not blocked (a list writes no access log)
      if (dialect === 'postgres') {
        // Without a lock timeout, the statement timeout ends the wait.
        const slow = secondProcess(t, { lockTimeoutMs: 0, statementTimeoutMs: 300 });
        expectUnavailable(await slow.as(a.tokens.clerk).post(`/api/cases/${c.id}/events`, accept), 'timeout');
      }
      release();
      await holding;
      const ok = await busy.as(a.tokens.clerk).post(`/api/cases/${c.id}/events`, accept);
      expect(ok.status).toBe(200);
      expect(ok.body.caseNo).toMatch(/第\d+号/);
    } finally {
      release?.();
      await holding.catch(() => undefined);
    }
  });

  if (dialect === 'sqlite') {
    it('SQLite out of space (SQLITE_FULL) answers 503 and the database works again when space is back', async () => {
      const full = secondProcess(t);
      const pages = Number((await full.db.knex.raw('PRAGMA page_count'))[0].page_count);
      await full.db.knex.raw(`PRAGMA max_page_count = ${pages}`);
      const body = standardApplication({ facts: '事实'.repeat(5000) });
      let r = await full.as(a.tokens.clerk).post('/api/cases', body);
      for (let i = 0; i < 50 && r.status === 201; i++) r = await full.as(a.tokens.clerk).post('/api/cases', body);
      expectUnavailable(r, 'full');
      expect(r.headers['retry-after']).toBe('60');
      await full.db.knex.raw(`PRAGMA max_page_count = ${pages * 100}`);
      expect((await full.as(a.tokens.clerk).post('/api/cases', body)).status).toBe(201);
    });
  }

  it('a calendar year loaded through one process is used by another from its next request (no restart)', async () => {
    const b = secondProcess(t);
    const before = (await b.as(a.tokens.clerk).get('/api/calendar/years')).body.map((y: { year: number }) => y.year);
    expect(before).not.toContain(2027); // process B has cached the calendar without 2027
    const calc = { from: '2027-09-28', days: 5, unit: 'working' };
    expect((await b.as(a.tokens.clerk).get('/api/calendar/deadline').query(calc)).status).toBe(422);
    const put = await t.api(t.adminToken).put('/api/calendar/years/2027', {
      notice: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      offDays: offDaysWith(2027, ['2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']),
      workDays: ['2027-09-26', '2027-10-09'],
    });
    expect(put.status).toBe(202);
    const after = (await b.as(a.tokens.clerk).get('/api/calendar/years')).body.map((y: { year: number }) => y.year);
    expect(after).toContain(2027);
    const due = await b.as(a.tokens.clerk).get('/api/calendar/deadline').query(calc);
    expect(due.status).toBe(200);
    expect(due.body.dueOn).toBe('2027-10-11'); // 29, 30, (holiday 1–7), 8, 9 (make-up working day), 11
  });

  it('two sweeps in a row add no statistics rows and rewrite no deadlines', async () => {
    const deps = depsOf(t);
    for (let i = 0; i < 3; i++) {
      const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-10' }));
      if (i < 2) await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-12' });
    }
    const first = await sweepDeadlines(deps, t.clock.today());
    const rows = Number((await t.db.knex('case_stat_rows').count({ n: '*' }).first())?.n);
    const deadlineIds = (await t.db.knex('case_deadlines').orderBy('id').select('id')).map((r) => Number(r.id));
    const second = await sweepDeadlines(deps, t.clock.today());
    expect(second.cases).toBe(first.cases);
    expect(second.deadlinesChanged).toBe(0);
    expect(Number((await t.db.knex('case_stat_rows').count({ n: '*' }).first())?.n)).toBe(rows);
    expect((await t.db.knex('case_deadlines').orderBy('id').select('id')).map((r) => Number(r.id))).toEqual(deadlineIds);
    // A write that changes no statistical fact (serving a document) adds no row either.
    const c = await registerCase(t, a);
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    const n = Number((await t.db.knex('case_stat_rows').where({ case_id: c.id }).count({ n: '*' }).first())?.n);
    const served = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      occurredOn: '2026-03-05',
      document: 'respond_notice',
      partyId: c.respondents[0]?.id,
      method: 'direct',
    });
    expect(served.status).toBe(200);
    expect(Number((await t.db.knex('case_stat_rows').where({ case_id: c.id }).count({ n: '*' }).first())?.n)).toBe(n);
  });

  it('a race fails loudly: a second deadline of one kind, or a second current statistics row, is refused', async () => {
    const c = await registerCase(t, a);
    const d = await t.db.knex('case_deadlines').where({ case_id: c.id }).first();
    const { id: _id, ...copy } = d;
    const dup = await t.db
      .knex('case_deadlines')
      .insert(copy)
      .then(
        () => null,
        (e) => e,
      );
    expect(isUniqueViolation(dup)).toBe(true);
    const s = await t.db.knex('case_stat_rows').where({ case_id: c.id }).whereNull('recorded_to').first();
    const { id: _sid, ...scopy } = s;
    const dupStat = await t.db
      .knex('case_stat_rows')
      .insert({ ...scopy, recorded_from: '2026-04-01T03:00:00.000Z' })
      .then(
        () => null,
        (e) => e,
      );
    expect(isUniqueViolation(dupStat)).toBe(true);
  });

  it('concurrent appends to one case (events and documents) chain one after the other', async () => {
    const c = await registerCase(t, a);
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    const parties = [...c.applicants, ...c.respondents];
    const rs = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
          type: 'SERVE',
          occurredOn: '2026-03-05',
          document: 'other',
          partyId: parties[i % parties.length]?.id,
          method: 'direct',
        }),
      ),
      ...Array.from({ length: 3 }, () => t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' })),
    ]);
    expect(
      rs.every((r) => [200, 201, 409, 412].includes(r.status)),
      JSON.stringify(rs.map((r) => r.status)),
    ).toBe(true);
    const events = await t.db.knex('case_events').where({ case_id: c.id }).orderBy('seq');
    expect(events.map((e) => Number(e.seq))).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i].prev_hash).toBe(events[i - 1].hash);
    expect((await verifyHistory(t.db.knex)).ok).toBe(true);
  });

  it('SCHEDULER_HOUR=0 is allowed; hours outside 0–23 are refused', () => {
    expect(loadConfig({ SCHEDULER_HOUR: '0' }).schedulerHour).toBe(0);
    expect(loadConfig({ SCHEDULER_HOUR: '-1' }).schedulerHour).toBe(-1);
    expect(() => loadConfig({ SCHEDULER_HOUR: '24' })).toThrow(/SCHEDULER_HOUR/);
  });
});

describe(`daily sweep and housekeeping (${dialect})`, () => {
  let h: TestApp;
  beforeAll(async () => {
    h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
  });
  afterAll(async () => h?.close());

  it('runs once a day, purges expired tokens and idempotency records older than the retention', async () => {
    const clerk = await h.tokenFor('clerk');
    const body = standardApplication();
    const first = await h.api(clerk).post('/api/cases', body).set('Idempotency-Key', 'purge-me-1');
    expect(first.status).toBe(201);
    expect(await h.db.knex('idempotency_keys').where({ key: 'purge-me-1' }).first()).toBeTruthy();
    const tokens = Number((await h.db.knex('tokens').count({ n: '*' }).first())?.n);
    expect(tokens).toBeGreaterThan(0);

    // 25 hours later: tokens (12 h) have expired, the record is past the 24 h retention.
    h.clock.advance(25 * 3_600_000);
    const deps = depsOf(h);
    const r = await runDailySweep(deps);
    expect(r).toMatchObject({ day: '2026-04-02', purgedTokens: tokens, purgedIdempotency: 1, chain: { ok: true } });
    expect(await h.db.knex('idempotency_keys').where({ key: 'purge-me-1' }).first()).toBeUndefined();
    expect(Number((await h.db.knex('tokens').count({ n: '*' }).first())?.n)).toBe(0);
    // Once a day: a second run (another process's scheduler) does nothing; the CLI (force) may run it again.
    expect(await runDailySweep(deps)).toBeNull();
    expect(await runDailySweep(deps, { force: true })).toMatchObject({ purgedTokens: 0, purgedIdempotency: 0 });
    // Every token was purged with the day: the admin logs in again to read the service status.
    const admin = await request(h.app).post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    const status = await h.api(admin.body.token).get('/api/service/status');
    expect(status.body.lastSweep).toMatchObject({ day: '2026-04-02', chainOk: true });
  });
});

describe(`tamper-evident record (${dialect})`, () => {
  let h: TestApp;
  let caseId: number;
  beforeAll(async () => {
    h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
    const actors = await createActors(h);
    const c = await registerCase(h, actors);
    caseId = c.id;
    await h.api(actors.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    await h.api(actors.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      occurredOn: '2026-03-05',
      document: 'respond_notice',
      partyId: c.respondents[0]?.id,
      method: 'direct',
    });
    await registerCase(h, actors);
    const wages = await h
      .api(h.adminToken)
      .put('/api/reference/minimum-wages', [{ district: '东昌府区', monthly: '2010.00', effectiveFrom: '2023-10-01' }]);
    expect(wages.status).toBe(200);
    await h
      .api(h.adminToken)
      .put('/api/reference/minimum-wages', [{ district: '东昌府区', monthly: '2100.00', effectiveFrom: '2025-10-01' }]);
  });
  afterAll(async () => h?.close());

  const refused = async (sql: string, bindings: unknown[] = []) => {
    const err = await h.db.knex.raw(sql, bindings as never).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message ?? 'the statement was accepted', sql).toMatch(/append-only|permission denied/);
  };

  it('every history row carries the hash of the previous row and of itself; the chain verifies', async () => {
    const r = await verifyHistory(h.db.knex);
    const auditRows = Number((await h.db.knex('audit_log').count({ n: '*' }).first())?.n);
    expect(auditRows).toBeGreaterThanOrEqual(2); // two minimum-wage tables, and the users created
    expect(r).toMatchObject({ ok: true, caseEvents: 4, cases: 2, auditRows, broken: [] });
    const events = await h.db.knex('case_events').where({ case_id: caseId }).orderBy('seq');
    expect(events[0].prev_hash).toBeNull();
    expect(events[1].prev_hash).toBe(events[0].hash);
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('case_events and audit_log refuse UPDATE, DELETE, REPLACE and TRUNCATE', async () => {
    for (const table of ['case_events', 'audit_log']) {
      await refused(`UPDATE ${table} SET after = ? WHERE id = (SELECT MIN(id) FROM ${table})`, ['{}']);
      await refused(`DELETE FROM ${table} WHERE id = (SELECT MAX(id) FROM ${table})`);
    }
    if (dialect === 'sqlite') {
      // INSERT OR REPLACE deletes the old row without firing DELETE triggers: a BEFORE INSERT trigger refuses it.
      await refused(
        `INSERT OR REPLACE INTO case_events (id, case_id, seq, type, occurred_on, recorded_at, payload, state_after, after)
        SELECT id, case_id, seq, type, occurred_on, recorded_at, '{"forged":true}', state_after, after FROM case_events WHERE case_id = ? AND seq = 2`,
        [caseId],
      );
      await refused(
        `INSERT OR REPLACE INTO case_events (case_id, seq, type, occurred_on, recorded_at, payload, state_after, after)
        SELECT case_id, seq, type, occurred_on, recorded_at, '{"forged":true}', state_after, after FROM case_events WHERE case_id = ? AND seq = 2`,
        [caseId],
      );
      await refused(`REPLACE INTO audit_log (id, entity, entity_key, action, recorded_at)
        SELECT id, entity, entity_key, 'forged', recorded_at FROM audit_log WHERE id = (SELECT MIN(id) FROM audit_log)`);
    } else {
      await refused('TRUNCATE case_events CASCADE');
      await refused('TRUNCATE audit_log');
      await refused(`INSERT INTO case_events (case_id, seq, type, occurred_on, recorded_at, payload, state_after, after)
        SELECT case_id, seq, type, occurred_on, recorded_at, '{}', state_after, after FROM case_events WHERE case_id = ${caseId} AND seq = 2
        ON CONFLICT (case_id, seq) DO UPDATE SET payload = '{"forged":true}'`);
    }
    expect((await verifyHistory(h.db.knex)).ok).toBe(true);
  });

  it('a row rewritten behind the guards (as a table owner could) is named by the verifier, the CLI and the sweep', async () => {
    // The owner switches the guard off, rewrites one entry and one audit row, and switches it on again.
    const rewrite = async (table: string, set: string, where: string) => {
      if (dialect === 'postgres') {
        await h.db.knex.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_update`);
        await h.db.knex.raw(`UPDATE ${table} SET ${set} WHERE ${where}`);
        await h.db.knex.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_update`);
      } else {
        const sql = (
          await h.db
            .knex('sqlite_master')
            .where({ type: 'trigger', name: `${table}_no_update` })
            .first('sql')
        ).sql;
        await h.db.knex.raw(`DROP TRIGGER ${table}_no_update`);
        await h.db.knex.raw(`UPDATE ${table} SET ${set} WHERE ${where}`);
        await h.db.knex.raw(sql);
      }
    };
    await rewrite('case_events', `payload = '{"method":"post"}'`, `case_id = ${caseId} AND seq = 3`);
    await rewrite('audit_log', `after = '[]'`, 'id = (SELECT MIN(id) FROM audit_log)');
    const r = await verifyHistory(h.db.knex);
    expect(r.ok).toBe(false);
    const firstAudit = Number((await h.db.knex('audit_log').min({ m: 'id' }).first())?.m);
    expect(r.broken).toEqual([
      { table: 'case_events', id: expect.any(Number), caseId, seq: 3, reason: expect.stringContaining('content') },
      { table: 'audit_log', id: firstAudit, reason: expect.stringContaining('content') },
    ]);

    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: h.dbUrl, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(1);
    expect(cli.stdout).toContain('history chain BROKEN');
    expect(cli.stderr).toContain(`case ${caseId} seq 3`);
    expect(cli.stderr).toContain(`audit_log id ${firstAudit}`);

    const sweep = await runDailySweep(depsOf(h));
    expect(sweep?.chain.ok).toBe(false);
    expect((await h.api(h.adminToken).get('/api/service/status')).body.lastSweep.chainOk).toBe(false);
  });
});

describe(`upgrading a database that has history and duplicates (${dialect})`, () => {
  it('the chain is filled in for rows already there; duplicate deadlines go; duplicate statistics rows are repaired', async () => {
    const h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
    try {
      const actors = await createActors(h);
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await registerCase(h, actors);
        ids.push(c.id);
        await h.api(actors.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
      }
      await h
        .api(h.adminToken)
        .put('/api/reference/minimum-wages', [{ district: '东昌府区', monthly: '2010.00', effectiveFrom: '2023-10-01' }]);
      // Back to the schema before this work (0040–0045 down, and whatever came after them) …
      const k = h.db.knex;
      while (await k('knex_migrations').where('name', '>=', '20261201_0040').first()) await k.migrate.down({ migrationSource });
      expect(Object.keys(await k('case_events').columnInfo())).not.toContain('hash');
      // … where the old races left a deadline twice and a case with two current statistics rows, counted twice.
      const d = await k('case_deadlines').where({ case_id: ids[0] }).first();
      const { id: _d, ...dcopy } = d;
      await k('case_deadlines').insert(dcopy);
      const s = await k('case_stat_rows').where({ case_id: ids[1] }).whereNull('recorded_to').first();
      const { id: _s, ...scopy } = s;
      await k('case_stat_rows').insert({ ...scopy, recorded_from: '2026-04-01T03:00:00.000Z' });
      for (const t of ['stat_counters', 'stat_counters_daily']) await k(t).where({ dim: 'all' }).increment('accepted', 1);
      expect(await k('case_stat_rows').where({ case_id: ids[1] }).whereNull('recorded_to')).toHaveLength(2);
      expect(await k('case_deadlines').where({ case_id: ids[0], kind: d.kind })).toHaveLength(2);

      // The server's start-up: migrations, then the repairs they asked for (the counters rebuilt from the rows).
      await prepareDatabase(h.db, h.clock, undefined);
      expect(await k('maintenance_tasks').select()).toEqual([]);
      const chain = await verifyHistory(k);
      expect(chain).toMatchObject({
        ok: true,
        caseEvents: 6,
        cases: 3,
        auditRows: Number((await k('audit_log').count({ n: '*' }).first())?.n),
      });
      expect(chain.auditRows).toBeGreaterThan(0);
      // Going down and up again also went through later migrations, whose down drops the columns they added (with
      // their data): each row's facts against its case are outside this test; deadlines, one current row per case,
      // counters = the sum of the rows, case numbers and the chain are not.
      const problems = await recomputeAndCompare(depsOf(h), h.clock.today(), { rowFacts: false });
      expect(problems).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('the hearing calendar of cases registered before it is filled at start-up by the current derivation, idempotently', async () => {
    const h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
    try {
      const ha = await createActors(h);
      const { ok } = caseEvents(() => h);
      const cases: number[] = [];
      let arb = { id: 0, token: '' };
      for (let i = 0; i < 3; i++) {
        const r = await caseAt(h, ha, 'hearing_scheduled', {
          acceptOn: '2026-03-02',
          formOn: '2026-03-02',
          scheduleOn: '2026-03-05',
          hearingOn: '2026-03-20',
          // Three cases of one sole arbitrator in one room at one time: heard together (合并开庭).
          hearing: { time: '09:30', jointHearing: true },
        });
        cases.push(r.c.id);
        arb = r.arb;
      }
      // Scheduled; held; closed before it was held (no row).
      await ok({ id: cases[1] as number }, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
      await ok({ id: cases[2] as number }, ha.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-03-10');
      const k = h.db.knex;
      const rowsNow = () => k('hearings').orderBy('case_id').select();
      const before = await rowsNow();
      expect(before.map((r) => [r.case_id, r.status])).toEqual([
        [cases[0], 'scheduled'],
        [cases[1], 'held'],
      ]);
      // Back to the schema before the hearing calendar, then the server's start-up: 0070 makes the table and asks for
      // the backfill, which runs after the last migration.
      while (await k('knex_migrations').where('name', '>=', '20261201_0070').first()) await k.migrate.down({ migrationSource });
      await prepareDatabase(h.db, h.clock, undefined);
      // s61 D: the rebuilt sessions are stored unflagged; their answer-period flag (LDMAL Art. 30) is left for the
      // application (`reflag_answer_periods`, app/procedure/answer-flag.ts), which the server runs after start-up.
      expect((await k('maintenance_tasks').select('name')).map((r) => r.name)).toEqual(['reflag_answer_periods']);
      expect(await runRequestedReflag(depsOf(h))).toMatchObject({ cases: 1 });
      expect(await k('maintenance_tasks').select()).toEqual([]);
      // Judged on today (04-01), not on the day it was set (03-05, when served that day the respondent's period would
      // have ended 03-19): the respondent is still unserved, and served today its period would end after 03-20.
      const flag = (rows: Record<string, unknown>[]) => rows.map((r) => Boolean(r.before_answer_period_ends));
      const rest = (rows: Record<string, unknown>[]) => rows.map(({ before_answer_period_ends: _, ...r }) => r);
      expect(flag(before)).toEqual([false, false]);
      expect(flag(await rowsNow())).toEqual([true, false]);
      expect(rest(await rowsNow())).toEqual(rest(before));
      // Run twice, same rows (unflagged again, as backfill_hearings stores them).
      await k.transaction((trx) => backfillHearings(trx, 1));
      expect(rest(await rowsNow())).toEqual(rest(before));
      expect(flag(await rowsNow())).toEqual([false, false]);
    } finally {
      await h.close();
    }
  });
});

if (dialect === 'postgres') {
  describe('PostgreSQL: a full read next to a write in progress on the case', () => {
    it('does not wait for it: the access-log row referencing the case is not held up by the case lock', async () => {
      const h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
      try {
        const ha = await createActors(h);
        const c = await registerCase(h, ha);
        const deps = depsOf(h);
        const clerk: Actor = { id: h.userId('clerk'), role: 'clerk', displayName: '书记员' };
        let release!: () => void;
        const gate = new Promise<void>((r) => {
          release = r;
        });
        let applied!: () => void;
        const holding = new Promise<void>((r) => {
          applied = r;
        });
        // An event holds the case row (uncommitted)… — one that changes no unique column: an UPDATE of the case number
        // (ACCEPT) takes PostgreSQL's FOR UPDATE lock whatever the writer asked, and is over in milliseconds.
        const event = inTransaction(deps, async (uow) => {
          await applyEvent(deps, uow, clerk, c.id, {
            type: 'REQUEST_SUPPLEMENT',
            occurredOn: '2026-03-04',
            payload: { items: ['劳动合同复印件'] },
          });
          applied();
          await gate;
        });
        await holding;
        try {
          // …while a clerk reads the case in full (which records the read in the access log). Held up, it would answer
          // 503 after the lock timeout (reliability tester s41, M2).
          const read = await h.api(ha.tokens.clerk).get(`/api/cases/${c.id}`);
          expect(read.status).toBe(200);
          expect(read.body.state).toBe('received');
          const logged = await h.db.knex('access_log').where({ case_id: c.id, action: 'read_case' }).count({ n: '*' });
          expect(Number(logged[0]?.n)).toBeGreaterThan(0);
        } finally {
          release();
          await event;
        }
        expect((await h.api(ha.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('pending_supplement');
      } finally {
        await h.close();
      }
    });
  });

  describe('PostgreSQL: the statistics reprojection next to a running server', () => {
    it('waits for an event that holds the case and projects what it committed, never the facts of before it', async () => {
      const h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
      try {
        const ha = await createActors(h);
        const c = await registerCase(h, ha);
        const deps = depsOf(h);
        // A definition changed since the case was projected (here: the stored workers count disagrees with today's),
        // so the reprojection has something to write for this case.
        await h.db.knex('case_stat_rows').where({ case_id: c.id }).whereNull('recorded_to').update({ workers: 99 });
        const clerk: Actor = { id: h.userId('clerk'), role: 'clerk', displayName: '书记员' };
        // An event holds the case row (uncommitted) while the reprojection starts…
        let release!: () => void;
        const gate = new Promise<void>((r) => {
          release = r;
        });
        let applied!: () => void;
        const holding = new Promise<void>((r) => {
          applied = r;
        });
        const event = inTransaction(deps, async (uow) => {
          await applyEvent(deps, uow, clerk, c.id, { type: 'ACCEPT', occurredOn: '2026-03-04', payload: {} });
          applied();
          await gate;
        });
        await holding;
        const reprojection = reprojectStatistics(deps);
        // …until the reprojection waits for a lock the event holds (polled: no sleeping on a guess).
        for (let i = 0; ; i++) {
          const r = await h.db.knex.raw(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          if (r.rows[0].n > 0) break;
          if (i > 2000) throw new Error('the reprojection never waited for the event');
          await new Promise((r) => setTimeout(r, 5));
        }
        release();
        await event;
        expect(await reprojection).toMatchObject({ cases: 1 });
        const stored = await deps.stores.stats.current(h.db.knex, c.id);
        const now = await loadCase(deps, h.db.knex, c.id);
        const ctx = caseSnapshot(now).context;
        const { rowId: _r, awardDueOn, ...facts } = stored as NonNullable<typeof stored>;
        const { awardDueOn: _a, ...fresh } = statFacts(now, ctx, awardDueOn);
        expect(facts).toEqual(fresh);
        expect(facts.acceptedOn).toBe('2026-03-04');
      } finally {
        await h.close();
      }
    });
  });

  describe('PostgreSQL: the server runs as a role that does not own the tables', () => {
    it('works, but cannot change, delete or truncate the history, nor switch its guards off', async () => {
      const h = await startTestApp({ now: '2026-04-01T02:00:00Z' });
      const role = `zc_app_${process.pid}`;
      const dbName = (await h.db.knex.raw('select current_database() as d')).rows[0].d;
      await h.db.knex.raw(`CREATE ROLE ${role} LOGIN`);
      let appDb: Database | undefined;
      try {
        for (const sql of grantStatements(role, dbName)) await h.db.knex.raw(sql);
        const url = new URL(h.dbUrl);
        url.username = role;
        appDb = openDatabase(url.toString());
        await migrateLatest(appDb); // nothing pending: the start-up check works without ownership
        const app = createApp({ db: appDb, clock: h.clock, logger: createLogger('silent'), config: h.config });
        const login = await request(app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password-1' });
        expect(login.status).toBe(200);
        const admin = login.body.token;
        const clerkUser = await request(app)
          .post('/api/users')
          .set('Authorization', `Bearer ${admin}`)
          .send({ username: 'clerk-r', password: 'clerk-r-password-1', role: 'clerk', displayName: '书记员', mustChangePassword: false });
        expect(clerkUser.status).toBe(201);
        const clerk = (await request(app).post('/api/auth/login').send({ username: 'clerk-r', password: 'clerk-r-password-1' })).body.token;
        const c = await request(app).post('/api/cases').set('Authorization', `Bearer ${clerk}`).send(standardApplication());
        expect(c.status).toBe(201);
        const ev = await request(app)
          .post(`/api/cases/${c.body.id}/events`)
          .set('Authorization', `Bearer ${clerk}`)
          .send({ type: 'ACCEPT', occurredOn: '2026-03-04' });
        expect(ev.status).toBe(200);
        expect((await request(app).get('/readyz')).status).toBe(200);
        expect(
          await runDailySweep(createDeps({ db: appDb, clock: h.clock, logger: createLogger('silent'), config: h.config })),
        ).not.toBeNull();
        for (const sql of [
          'UPDATE case_events SET payload = payload',
          'DELETE FROM case_events',
          'TRUNCATE case_events CASCADE',
          'UPDATE audit_log SET after = after',
          'TRUNCATE audit_log',
          'ALTER TABLE case_events DISABLE TRIGGER ALL',
          'DROP TRIGGER case_events_no_update ON case_events',
        ]) {
          const err = await appDb.knex.raw(sql).then(
            () => null,
            (e: Error) => e,
          );
          expect(err?.message ?? 'accepted', sql).toMatch(/permission denied|must be owner/);
        }
        expect((await verifyHistory(appDb.knex)).ok).toBe(true);
      } finally {
        await appDb?.close();
        await h.close();
        await (async () => {
          const admin = openDatabase(process.env.TEST_PG_URL as string);
          await admin.knex.raw(`DROP ROLE IF EXISTS ${role}`);
          await admin.close();
        })();
      }
    });
  });
}
