/**
 * `npm run bench:processes` — throughput of 1 and of 2 server processes (`npm start`) on one PostgreSQL: a throwaway
 * cluster (tests/helpers/pg-server.ts; needs root and Debian's postgresql) or BENCH_PG_URL (a maintenance database where
 * databases may be created). For each, a fresh database, the processes, and CLIENTS keep-alive clients spread over them
 * for BENCH_SECONDS (after a warm-up), each repeating the work of a clerk: register a case, accept it, read it, list a page.
 * Prints requests/s and p50/p99 per operation. The client runs in this process, on the same machine.
 */
import http from 'node:http';
import { PgServer } from '../tests/helpers/pg-server.ts';
import { standardApplication } from '../tests/helpers/procedure.ts';
import { ADMIN_PASSWORD, call, cstDay, login, type ServerProcess, startServer, userToken } from '../tests/helpers/server-process.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);

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
interface Run {
  processes: number;
  seconds: number;
  total: number;
  byOp: Record<Op, number[]>;
  errors: number;
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
        const acc = await call(agent, 'POST', `${base}/api/cases/${reg.body.id}/events`, {
          token: clerk,
          body: { type: 'ACCEPT', occurredOn: cstDay(-1) },
        });
        record('accept', acc.ms, acc.status === 200);
        const rd = await call(agent, 'GET', `${base}/api/cases/${reg.body.id}`, { token: clerk });
        record('read', rd.ms, rd.status === 200);
        const ls = await call(agent, 'GET', `${base}/api/cases?pageSize=20`, { token: clerk });
        record('list', ls.ms, ls.status === 200);
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, k) => client(k));
    await new Promise((r) => setTimeout(r, WARMUP * 1000));
    measuring = true;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await Promise.all(clients);
    agent.destroy();
    const total = byOp.register.length + byOp.accept.length + byOp.read.length + byOp.list.length;
    return { processes, seconds, total, byOp, errors };
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
  console.log(`\nZhongcai on PostgreSQL, ${cpus().length} cores (server processes, PostgreSQL and this client share them)\n`);
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
} finally {
  pg?.destroy();
}
