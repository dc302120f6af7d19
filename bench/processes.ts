/**
 * `npm run bench:processes` — throughput of 1 and of 2 server processes (`npm start`) on one PostgreSQL: a throwaway
 * cluster (tests/helpers/pg-server.ts; needs root and Debian's postgresql) or BENCH_PG_URL (a maintenance database where
 * databases may be created). For each, a fresh database, the processes, and CLIENTS keep-alive clients spread over them
 * for BENCH_SECONDS (after a warm-up), each repeating the work of a clerk: register a case, accept it, read it, list a page.
 * Prints requests/s and p50/p99 per operation. The client runs in this process, on the same machine.
 *
 * Every acceptance of a year takes the next case number from one counter row (gapless numbering: never duplicated or
 * skipped), so acceptances are serialized across all processes, each holding that row lock until its COMMIT.
 * BENCH_MIX=no-accept leaves them out, to show how the rest scales.
 */
import http from 'node:http';
import { PgServer } from '../tests/helpers/pg-server.ts';
import { standardApplication } from '../tests/helpers/procedure.ts';
import { ADMIN_PASSWORD, call, cstDay, login, type ServerProcess, startServer, userToken } from '../tests/helpers/server-process.ts';
import { processCpuMs } from './proc-cpu.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
/** `clerk` (default): register, accept, read, list. `no-accept`: the same without the acceptance (see below). */
const MIX = process.env.BENCH_MIX === 'no-accept' ? 'no-accept' : 'clerk';

const pg = process.env.BENCH_PG_URL ? null : await PgServer.start({ portFrom: 55490 });
const baseUrl = process.env.BENCH_PG_URL ?? (pg as PgServer).url();
const dbUrl = (name: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
};

async function createDb(name: string) {
  const { openDatabase } = await import('../db/knex.ts');
  const admin = openDatabase(baseUrl);
  await admin.knex.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.knex.raw(`CREATE DATABASE ${name}`);
  await admin.close();
}

type Op = 'register' | 'accept' | 'read' | 'list';

const cpuOf = (pids: number[]) => pids.reduce((sum, p) => sum + (processCpuMs(p) ?? 0), 0);
interface Run {
  processes: number;
  seconds: number;
  total: number;
  byOp: Record<Op, number[]>;
  errors: number;
  /** CPU ms used during the measured window by the server processes, and by PostgreSQL (throwaway cluster only). */
  serverCpuMs: number;
  pgCpuMs: number | null;
}

async function run(processes: number): Promise<Run> {
  const name = `zc_bench_${processes}`;
  await createDb(name);
  const servers: ServerProcess[] = [];
  for (let i = 0; i < processes; i++)
    servers.push(await startServer({ DATABASE_URL: dbUrl(name), LOG_LEVEL: 'error' }, { portFrom: 55495 + i * 5 }));
  try {
    const first = servers[0] as ServerProcess;
    const admin = await login(first.base, 'admin', ADMIN_PASSWORD);
    const clerk = (await userToken(first.base, admin, 'clerk', 'clerk')).token;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const byOp: Record<Op, number[]> = { register: [], accept: [], read: [], list: [] };
    let errors = 0;
    let measuring = false;
    let running = true;
    const record = (op: Op, ms: number, ok: boolean) => {
      if (!ok) errors++;
      else if (measuring) byOp[op].push(ms);
    };
    const client = async (k: number) => {
      const base = (servers[k % servers.length] as ServerProcess).base;
      while (running) {
        const reg = await call(agent, 'POST', `${base}/api/cases`, { token: clerk, body: standardApplication({ receivedOn: cstDay(-3) }) });
        record('register', reg.ms, reg.status === 201);
        if (reg.status !== 201) continue;
        if (MIX === 'clerk') {
          const acc = await call(agent, 'POST', `${base}/api/cases/${reg.body.id}/events`, {
            token: clerk,
            body: { type: 'ACCEPT', occurredOn: cstDay(-1) },
          });
          record('accept', acc.ms, acc.status === 200);
        }
        const rd = await call(agent, 'GET', `${base}/api/cases/${reg.body.id}`, { token: clerk });
        record('read', rd.ms, rd.status === 200);
        const ls = await call(agent, 'GET', `${base}/api/cases?pageSize=20`, { token: clerk });
        record('list', ls.ms, ls.status === 200);
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, k) => client(k));
    await new Promise((r) => setTimeout(r, WARMUP * 1000));
    const serverPids = servers.map((x) => x.child.pid as number);
    const pgPids = pg ? pg.pids() : [];
    const cpu0 = [cpuOf(serverPids), cpuOf(pgPids)];
    measuring = true;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    const seconds = (performance.now() - t0) / 1000;
    const serverCpuMs = cpuOf(serverPids) - (cpu0[0] as number);
    const pgCpuMs = pg ? cpuOf(pgPids) - (cpu0[1] as number) : null;
    running = false;
    await Promise.all(clients);
    agent.destroy();
    const total = byOp.register.length + byOp.accept.length + byOp.read.length + byOp.list.length;
    return { processes, seconds, total, byOp, errors, serverCpuMs, pgCpuMs };
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(s.length * p))] as number) : 0;
};

try {
  const results: Run[] = [];
  for (const n of [1, 2]) {
    process.stdout.write(`${n} process(es): ${WARMUP} s warm-up, ${SECONDS} s measured, ${CLIENTS} keep-alive clients…\n`);
    results.push(await run(n));
  }
  const { cpus } = await import('node:os');
  console.log(`\nZhongcai on PostgreSQL, ${cpus().length} cores (server processes, PostgreSQL and this client share them), mix: ${MIX}\n`);
  console.log(
    '| processes | requests/s (all) | cycles/s (register, accept, read, list) | register p50/p99 ms | accept p50/p99 ms | read p50/p99 ms | list p50/p99 ms | errors |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const f = (op: Op) => `${pct(r.byOp[op], 0.5)} / ${pct(r.byOp[op], 0.99)}`;
    console.log(
      `| ${r.processes} | ${(r.total / r.seconds).toFixed(0)} | ${(r.byOp.list.length / r.seconds).toFixed(0)} | ${f('register')} | ${f('accept')} | ${f('read')} | ${f('list')} | ${r.errors} |`,
    );
  }
  const [one, two] = results as [Run, Run];
  console.log(`\n2 processes / 1 process: ${(two.total / two.seconds / (one.total / one.seconds)).toFixed(2)}×`);
  for (const r of results) {
    const perReq = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / r.total).toFixed(2)} ms`);
    console.log(
      `${r.processes} process(es): CPU per request — Node ${perReq(r.serverCpuMs)}, PostgreSQL ${perReq(r.pgCpuMs)}; ` +
        `Node used ${(r.serverCpuMs / r.seconds / 10).toFixed(0)}% of a core, PostgreSQL ${r.pgCpuMs === null ? 'n/a' : `${(r.pgCpuMs / r.seconds / 10).toFixed(0)}%`}`,
    );
  }
  const best = results.reduce((a, b) => (a.serverCpuMs / a.total < b.serverCpuMs / b.total ? a : b));
  const perReq = (best.serverCpuMs + (best.pgCpuMs ?? 0)) / best.total;
  console.log(
    `CPU-bound ceiling at 8 cores (Node + PostgreSQL CPU per request, nothing else running): ~${((8 * 1000) / perReq).toFixed(0)} requests/s`,
  );
} finally {
  pg?.destroy();
}
