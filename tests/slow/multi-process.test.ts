import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../app/clock.ts';
import { loadConfig } from '../../app/config.ts';
import { createDeps } from '../../app/deps.ts';
import { openDatabase } from '../../db/knex.ts';
import { createLogger } from '../../server/logger.ts';
import { plausibleOffDays } from '../helpers/calendar-years.ts';
import { PgServer } from '../helpers/pg-server.ts';
import { standardApplication } from '../helpers/procedure.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';
import { ADMIN_PASSWORD, call, cstDay, login, type ServerProcess, startServer, userToken } from '../helpers/server-process.ts';

/**
 * Two `npm start` processes on one throwaway PostgreSQL (issue 13 "Safe under N processes"): they start together on an
 * empty database, then take parallel registrations and acceptances, races on the same cases and deadline sweeps
 * (calendar loads in both, the cron CLI as a third process) — and everything derived agrees with a recomputation from
 * the history afterwards.
 */
let pg: PgServer;
const servers: ServerProcess[] = [];
const url = () => pg.url('zc_multi');
beforeAll(async () => {
  pg = await PgServer.start();
  pg.psql('CREATE DATABASE zc_multi');
});
afterAll(async () => {
  for (const s of servers) s.kill('SIGKILL');
  pg?.destroy();
});

function runSweepCli(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/deadlines-sweep.ts'], {
      env: { ...process.env, DATABASE_URL: url(), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('two server processes on one PostgreSQL', () => {
  it('start together on an empty database: both serve, migrations ran once, one admin', async () => {
    const [a, b] = await Promise.all([
      startServer({ DATABASE_URL: url() }, { portFrom: 55440 }),
      startServer({ DATABASE_URL: url() }, { portFrom: 55470 }),
    ]);
    servers.push(a as ServerProcess, b as ServerProcess);
    expect(pg.psql(`select count(*) from users where username = 'admin'`, 'zc_multi')).toBe('1');
    expect(Number(pg.psql('select count(*) from knex_migrations', 'zc_multi'))).toBeGreaterThan(15);
    for (const s of servers) expect((await call(null, 'GET', `${s.base}/readyz`)).status).toBe(200);
  });

  it('parallel acceptances, same-case races and sweeps through both agree with a recomputation from the history', {
    timeout: 180_000,
  }, async () => {
    const [A, B] = servers as [ServerProcess, ServerProcess];
    const via = (i: number) => (i % 2 === 0 ? A : B).base;
    const admin = await login(A.base, 'admin', ADMIN_PASSWORD);
    const clerk = (await userToken(A.base, admin, 'clerk', 'clerk')).token;
    const chair = (await userToken(B.base, admin, 'chair', 'chair')).token;
    const arbs = [await userToken(A.base, admin, 'arb-a', 'arbitrator'), await userToken(B.base, admin, 'arb-b', 'arbitrator')];

    // The servers run on the real clock: dates relative to today, and the official calendar loaded for this year and
    // the next when the packaged data lacks them (test data: the law's holidays only, tests/helpers/calendar-years.ts).
    const years = (await call(null, 'GET', `${A.base}/api/calendar/years`, { token: clerk })).body.map((y: { year: number }) => y.year);
    const thisYear = Number(cstDay().slice(0, 4));
    for (const y of [thisYear - 1, thisYear, thisYear + 1].filter((y) => !years.includes(y))) {
      const put = await call(null, 'PUT', `${A.base}/api/calendar/years/${y}`, {
        token: admin,
        body: { notice: `测试数据：${y}年节假日安排`, offDays: await plausibleOffDays(y), workDays: [] },
      });
      expect(put.status).toBe(202);
    }

    // Parallel registrations through both processes.
    const N = 30;
    const regs = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call(null, 'POST', `${via(i)}/api/cases`, { token: clerk, body: standardApplication({ receivedOn: cstDay(-20) }) }),
      ),
    );
    expect(regs.map((r) => r.status)).toEqual(regs.map(() => 201));
    const cases = regs.map((r) => r.body as { id: number; applicants: { id: number }[]; respondents: { id: number }[] });

    // Parallel acceptances through both: case numbers 1…N of the year, none twice, none skipped.
    const accepts = await Promise.all(
      cases.map((c, i) =>
        call(null, 'POST', `${via(i + 1)}/api/cases/${c.id}/events`, { token: clerk, body: { type: 'ACCEPT', occurredOn: cstDay(-18) } }),
      ),
    );
    expect(accepts.map((r) => r.status)).toEqual(accepts.map(() => 200));
    const serials = accepts.map((r) => Number(/第(\d+)号/.exec(r.body.caseNo)?.[1])).sort((x, y) => x - y);
    expect(serials).toEqual(serials.map((_, i) => i + 1));

    // Same-case races on 8 cases: services through both processes at once, then two tribunal formations with the
    // same If-Match, one through each process — exactly one wins.
    const served = await Promise.all(
      cases.slice(0, 8).flatMap((c) => {
        const parties = [...c.applicants, ...c.respondents];
        return Array.from({ length: 4 }, (_, i) =>
          call(null, 'POST', `${via(i)}/api/cases/${c.id}/events`, {
            token: clerk,
            body: { type: 'SERVE', occurredOn: cstDay(-17), document: 'other', partyId: parties[i % parties.length]?.id, method: 'direct' },
          }),
        );
      }),
    );
    expect(
      served.every((r) => [200, 409, 412].includes(r.status)),
      JSON.stringify(served.map((r) => [r.status, r.body?.detail])),
    ).toBe(true);
    const formed = await Promise.all(
      cases.slice(0, 8).map(async (c) => {
        const version = (await call(null, 'GET', `${A.base}/api/cases/${c.id}`, { token: clerk })).body.version;
        return Promise.all(
          arbs.map((arb, i) =>
            call(null, 'POST', `${via(i)}/api/cases/${c.id}/events`, {
              token: chair,
              headers: { 'If-Match': String(version) },
              body: { type: 'FORM_TRIBUNAL', occurredOn: cstDay(-16), arbitratorIds: [arb.id], presidingId: arb.id },
            }),
          ),
        );
      }),
    );
    for (const pair of formed) expect(pair.map((r) => r.status).sort()).toEqual([200, 412]);

    // Sweeps next to writes: a calendar load in each process recomputes every open case (its sweep), the cron CLI sweeps
    // as a third process, while more registrations, acceptances and services arrive through both.
    const more = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(null, 'POST', `${via(i)}/api/cases`, { token: clerk, body: standardApplication({ receivedOn: cstDay(-15) }) }),
      ),
    );
    const nextYear = Math.max(thisYear + 2, ...years) + 1;
    const nextOff = await plausibleOffDays(nextYear);
    const calendar = (base: string) =>
      call(null, 'PUT', `${base}/api/calendar/years/${nextYear}`, {
        token: admin,
        body: { notice: `测试数据：${nextYear}年节假日安排`, offDays: nextOff, workDays: [] },
      });
    const [cli, calA, calB, ...writes] = await Promise.all([
      runSweepCli(),
      calendar(A.base),
      calendar(B.base),
      ...more.map((r, i) =>
        call(null, 'POST', `${via(i)}/api/cases/${r.body.id}/events`, { token: clerk, body: { type: 'ACCEPT', occurredOn: cstDay(-14) } }),
      ),
      ...cases.slice(8, 20).map((c, i) =>
        call(null, 'POST', `${via(i)}/api/cases/${c.id}/events`, {
          token: clerk,
          body: { type: 'SERVE', occurredOn: cstDay(-13), document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct' },
        }),
      ),
    ]);
    expect(cli.code, cli.out).toBe(0);
    expect([calA.status, calB.status]).toEqual([202, 202]);
    // Both loads' recomputations run in the background (one runner at a time, under the advisory lock): wait until
    // each is done (a wait, not a timing check).
    for (const [base, r] of [
      [A.base, calA],
      [B.base, calB],
    ] as const) {
      for (let i = 0; ; i++) {
        const job = await call(null, 'GET', `${base}${r.headers.location}`, { token: admin });
        if (job.body.status === 'done') break;
        if (i > 600) throw new Error(`recomputation not done: ${JSON.stringify(job.body)}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    expect(writes.map((r) => r.status)).toEqual(writes.map(() => 200));
    // The year loaded through one process is known to the other.
    const yearsB = (await call(null, 'GET', `${B.base}/api/calendar/years`, { token: clerk })).body.map((y: { year: number }) => y.year);
    expect(yearsB).toContain(nextYear);

    // Today's sweep once more, then everything derived against a recomputation from the record.
    expect((await runSweepCli()).code).toBe(0);
    const db = openDatabase(url());
    try {
      const deps = createDeps({ db, clock: systemClock, logger: createLogger('silent'), config: loadConfig({ DATABASE_URL: url() }) });
      expect(await recomputeAndCompare(deps, systemClock.today())).toEqual([]);
      const accepted = Number((await db.knex('cases').whereNotNull('case_no').count({ n: '*' }).first())?.n);
      expect(accepted).toBe(N + 10);
    } finally {
      await db.close();
    }
  });

  it('SIGTERM: both exit cleanly', async () => {
    for (const s of servers) s.kill('SIGTERM');
    const exits = await Promise.all(servers.map((s) => s.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    servers.length = 0;
  });
});
