/**
 * `npm run bench:api` — the paths people wait on, Zhongcai side by side with the floor server
 * (../shared/bench/floor-server.mjs: bare Express + knex doing the same row work, no validation, auth, statechart,
 * deadlines or statistics), in one run on this machine. Each server runs in its own process; the load comes from a
 * third process keeping N requests in flight over keep-alive connections.
 *
 *   npm run bench:api                               # SQLite (both servers on fresh temporary files)
 *   DATABASE_URL=postgres://…/zc FLOOR_DATABASE_URL=postgres://…/floor npm run bench:api   # fresh PostgreSQL databases
 *   BENCH_PROFILE_DIR=/tmp/prof npm run bench:api   # the Zhongcai server also writes a CPU profile (node --cpu-prof)
 *   BENCH_SECONDS=8 BENCH_ROUNDS=4 BENCH_WARMUP_SECONDS=10 BENCH_CONNECTIONS=20 BENCH_MIXED_SECONDS=60 BENCH_MIXED_CLIENTS=50 npm run bench:api
 *
 * Each route's BENCH_SECONDS per server are measured in BENCH_ROUNDS turns that alternate between the servers (floor
 * then Zhongcai, then Zhongcai then floor, …): on these shared machines the pace drifts by tens of percent within a
 * minute, and one long turn each would put that drift into the ratio. The table sums the turns (requests ÷ seconds,
 * CPU ÷ requests; p99 is the worst turn's, p50 the median turn's) and prints each turn's ratio beside it, so the
 * spread is in view. (Before stop 30 the bench measured one turn each, floor first.)
 *
 * Registrations come from 2,000 different workers (names and identity numbers), as on a real docket: the duplicate
 * check (Rules Arts. 34, 39) then meets what it meets in production, not thousands of earlier cases of one applicant.
 *
 * Prints, per route, requests/s and p50/p99 for both and the ratio (target ≥ 0.5), the CPU time each server process
 * spent per request (all threads, and the main thread alone in parentheses, from /proc: less swayed than req/s by
 * whatever else the machine runs; "CPU ratio" is floor ÷ Zhongcai), then a mixed-traffic run against
 * Zhongcai alone (reads, lists, events, registrations) with p50/p99 per route (target p99 < 500 ms at 50 clients).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/node-flags.ts';
import { completeCreditCode, completeIdNumber } from '../workflows/identifiers.ts';
import { postgresCpuMs, processCpuMs } from './proc-cpu.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Turns per route and server, alternating between the two (see above). */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 4)) || 1);
/**
 * Seconds of the same load on both servers before a route is measured (a one-shot plan such as ACCEPT uses its first
 * requests). 10 s since stop 43 (2 s before): a server that has served a few hundred requests of a route is still
 * compiling it — V8's optimising compiler runs on its worker threads, and Zhongcai has far more code on the path than
 * the floor. Measured on SQLite (stop 43): an ACCEPT's CPU on V8's threads was 1.50 ms after ~400 requests of warm-up
 * and 0.67 ms after ~3,000; its main thread 3.22 and 2.68 ms. A commission's server runs for days: the steady state is
 * what its users wait on. BENCH_WARMUP_SECONDS=2 gives the earlier figures.
 */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const MIXED_CLIENTS = Number(process.env.BENCH_MIXED_CLIENTS ?? 50);
/**
 * BENCH_ROUTES=registration,ACCEPT: only the routes whose name contains one of these (case-insensitive); every route
 * when unset. A route left out still prepares what later routes need (the applications a read or an ACCEPT uses; the
 * floor's 200 cases). The mixed run goes with BENCH_ROUTES only when it names both ACCEPT and `mixed`. On PostgreSQL
 * the database's CPU is that of every `postgres` process on the machine: run the bench alone.
 */
const ROUTES = (process.env.BENCH_ROUTES ?? '')
  .split(',')
  .map((x) => x.trim().toLowerCase())
  .filter(Boolean);
const wanted = (route: string) => !ROUTES.length || ROUTES.some((x) => route.toLowerCase().includes(x));

interface Req {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
  expect: number;
}
interface Result {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  firstError?: string;
}
type Plan = { kind: 'fixed'; reqs: Req[]; once: boolean } | { kind: 'mixed'; routes: Record<string, { weight: number; reqs: Req[] }> };

// ---------------------------------------------------------------- load client (child process)
if (process.argv[2] === 'client') {
  process.on('message', async (m: { base: string; plan: Plan; seconds: number; connections: number }) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: m.connections });
    const url = new URL(m.base);
    const send = (r: Req) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const data = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
        const q = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: r.method,
            path: r.path,
            headers: {
              ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
              ...(r.token ? { authorization: `Bearer ${r.token}` } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        q.on('error', reject);
        if (data) q.write(data);
        q.end();
      });
    const lat: Record<string, number[]> = {};
    const errs: Record<string, { n: number; first?: string }> = {};
    const fail = (name: string, what: string) => {
      const e = errs[name] ?? { n: 0 };
      e.n++;
      e.first ??= what;
      errs[name] = e;
    };
    const deadline = performance.now() + m.seconds * 1000;
    const t0 = performance.now();
    let next = 0;
    const plan = m.plan;
    const routes = plan.kind === 'mixed' ? Object.entries(plan.routes) : [];
    const totalWeight = routes.reduce((s, [, r]) => s + r.weight, 0);
    const pick = (): [string, Req] | null => {
      if (plan.kind === 'fixed') {
        if (plan.once && next >= plan.reqs.length) return null;
        return ['all', plan.reqs[next++ % plan.reqs.length] as Req];
      }
      let x = Math.random() * totalWeight;
      for (const [name, r] of routes) {
        x -= r.weight;
        if (x <= 0) return [name, r.reqs[Math.floor(Math.random() * r.reqs.length)] as Req];
      }
      const [name, r] = routes.at(-1) as [string, { reqs: Req[] }];
      return [name, r.reqs[0] as Req];
    };
    await Promise.all(
      Array.from({ length: m.connections }, async () => {
        while (performance.now() < deadline) {
          const p = pick();
          if (!p) return;
          const [name, r] = p;
          const s = performance.now();
          try {
            const res = await send(r);
            if (res.status !== r.expect) fail(name, `${r.method} ${r.path} → ${res.status} ${res.text.slice(0, 200)}`);
          } catch (err) {
            fail(name, String(err));
          }
          const l = lat[name] ?? [];
          l.push(performance.now() - s);
          lat[name] = l;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const out: Record<string, Result> = {};
    for (const [name, l] of Object.entries(lat)) {
      l.sort((a, b) => a - b);
      out[name] = {
        requests: l.length,
        seconds,
        rps: l.length / seconds,
        p50: l[Math.floor(l.length * 0.5)] ?? 0,
        p99: l[Math.floor(l.length * 0.99)] ?? 0,
        errors: errs[name]?.n ?? 0,
        firstError: errs[name]?.first,
      };
    }
    process.send?.(out);
    agent.destroy();
    process.exit(0);
  });
} else {
  await main();
}

function runClient(base: string, plan: Plan, seconds: number, connections: number): Promise<Record<string, Result>> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url).pathname, ['client'], { execArgv: ['--import', 'tsx'] });
    child.on('message', (m) => resolve(m as Record<string, Result>));
    child.on('exit', (code) => code && reject(new Error(`client exited ${code}`)));
    child.send({ base, plan, seconds, connections });
  });
}

// ---------------------------------------------------------------- servers
async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base} did not start`);
}

/** The database a PostgreSQL URL names (its path), whose backends' CPU the bench counts. */
function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function json(base: string, method: string, p: string, body?: unknown, token?: string) {
  const r = await fetch(base + p, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  const root = path.resolve(new URL('..', import.meta.url).pathname);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-bench-api-'));
  const pg = process.env.DATABASE_URL?.startsWith('postgres');
  const zcPort = await freePort();
  const floorPort = await freePort();
  const zcBase = `http://127.0.0.1:${zcPort}`;
  const floorBase = `http://127.0.0.1:${floorPort}`;
  const adminPassword = 'bench-admin-password-2026';
  // BENCH_PROFILE_DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
  const zcFlags = (process.env.BENCH_ZC_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const zc = spawn(process.execPath, [...profile, ...SERVER_NODE_FLAGS, ...zcFlags, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(zcPort),
      DATABASE_URL: pg ? (process.env.DATABASE_URL as string) : `sqlite:${path.join(dir, 'zc.sqlite')}`,
      ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'silent',
      SCHEDULER_HOUR: '-1',
    },
    stdio: ['ignore', process.env.BENCH_ZC_STDOUT ? fs.openSync(process.env.BENCH_ZC_STDOUT, 'w') : 'ignore', 'inherit'],
  });
  // BENCH_FLOOR_SERVER: the floor's script where this checkout is not next to ../shared (a worktree elsewhere).
  const floorScript = process.env.BENCH_FLOOR_SERVER || path.resolve(root, '../shared/bench/floor-server.mjs');
  const floor = spawn(process.execPath, [floorScript], {
    cwd: root,
    env: { ...process.env, PORT: String(floorPort), ...(pg ? {} : { FLOOR_DATABASE_URL: '' }) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    zc.kill('SIGTERM');
    floor.kill('SIGTERM');
  };
  process.on('exit', stop);
  try {
    await Promise.all([waitReady(zcBase, zc), waitReady(floorBase, floor)]);
    const admin = (await json(zcBase, 'POST', '/api/auth/login', { username: 'admin', password: adminPassword })).token;
    await json(
      zcBase,
      'POST',
      '/api/users',
      {
        username: 'bench-clerk',
        password: 'bench-clerk-password-2026',
        role: 'clerk',
        displayName: '压测书记员',
        mustChangePassword: false,
      },
      admin,
    );
    const clerk = (await json(zcBase, 'POST', '/api/auth/login', { username: 'bench-clerk', password: 'bench-clerk-password-2026' })).token;
    const body = JSON.parse(fs.readFileSync(path.join(root, 'bench/register-body.json'), 'utf8'));
    const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    body.receivedOn = today;

    const rows: {
      route: string;
      z: Result;
      f: Result;
      zCpu: number | null;
      fCpu: number | null;
      zMainCpu: number | null;
      fMainCpu: number | null;
      zDbCpu: number | null;
      fDbCpu: number | null;
      turns: number[];
    }[] = [];
    /** One server's measured turn: its requests, its process's CPU (all threads, and the main thread alone), the database's. */
    type Turn = { r: Result; cpuMs: number | null; mainCpuMs: number | null; dbCpuMs: number | null };
    // CPU milliseconds the server process (all its threads: JavaScript, the database driver's pool, GC) spent per
    // request during the measured run, from /proc (Linux). Throughput on these shared 2-core machines swings with what
    // else runs; the CPU a request costs swings much less, and the load client's own CPU is not in it. With SQLite the
    // database's work is in it (the driver's threads); PostgreSQL's server processes are not counted on either side.
    // The main thread's share is printed beside it: JavaScript runs there; the rest is SQLite's own work on libuv's
    // pool and V8's helper threads (GC, compilation).
    // On PostgreSQL, also the CPU of the backends connected to that server's database during the turn (only one server
    // is loaded at a time; other clusters and databases on the machine are not counted): where a write's cost lies, in
    // Node or in the database.
    const measured = async (base: string, pid: number | undefined, plan: Plan, seconds: number) => {
      const url = base === zcBase ? (process.env.DATABASE_URL as string) : (process.env.FLOOR_DATABASE_URL as string);
      const database = pg ? databaseName(url) : undefined;
      const port = pg ? Number(new URL(url).port || 5432) : undefined;
      const before = processCpuMs(pid);
      const mainBefore = processCpuMs(pid, { mainThread: true });
      const dbBefore = pg ? postgresCpuMs(database, port) : null;
      // A one-shot plan used up by earlier turns sends nothing: a turn of no requests.
      const r = (await runClient(base, plan, seconds, CONNECTIONS)).all ?? { requests: 0, seconds, rps: 0, p50: 0, p99: 0, errors: 0 };
      const after = processCpuMs(pid);
      const mainAfter = processCpuMs(pid, { mainThread: true });
      const dbAfter = pg ? postgresCpuMs(database, port) : null;
      return {
        r,
        cpuMs: before === null || after === null ? null : after - before,
        mainCpuMs: mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore,
        dbCpuMs: dbBefore === null || dbAfter === null ? null : dbAfter - dbBefore,
      };
    };
    /** The turns of one server summed: requests ÷ seconds, CPU ÷ requests, the worst p99, the median turn's p50. */
    const summed = (all: Turn[]) => {
      // A turn of a one-shot plan that had nothing left sent no request: its seconds are not the server's pace.
      const turns = all.some((t) => t.r.requests > 0) ? all.filter((t) => t.r.requests > 0) : all;
      if (turns.length < all.length)
        process.stderr.write(`  warning: a one-shot plan ran out after ${turns.length} of ${all.length} turns\n`);
      const requests = turns.reduce((n, t) => n + t.r.requests, 0);
      const seconds = turns.reduce((n, t) => n + t.r.seconds, 0);
      const p50s = turns.map((t) => t.r.p50).sort((a, b) => a - b);
      const r: Result = {
        requests,
        seconds,
        rps: requests / seconds,
        p50: p50s[Math.floor(p50s.length / 2)] ?? 0,
        p99: Math.max(...turns.map((t) => t.r.p99)),
        errors: turns.reduce((n, t) => n + t.r.errors, 0),
        firstError: turns.find((t) => t.r.firstError)?.r.firstError,
      };
      const cpu = turns.some((t) => t.cpuMs === null) || !requests ? null : turns.reduce((n, t) => n + (t.cpuMs ?? 0), 0) / requests;
      const dbCpu = turns.some((t) => t.dbCpuMs === null) || !requests ? null : turns.reduce((n, t) => n + (t.dbCpuMs ?? 0), 0) / requests;
      const mainCpu =
        turns.some((t) => t.mainCpuMs === null) || !requests ? null : turns.reduce((n, t) => n + (t.mainCpuMs ?? 0), 0) / requests;
      return { r, cpu, dbCpu, mainCpu };
    };
    /** What is left of a plan after a turn: a one-shot plan (each request used once) goes on where the turn stopped. */
    const rest = (plan: Plan, used: number): Plan => (plan.kind === 'fixed' && plan.once ? { ...plan, reqs: plan.reqs.slice(used) } : plan);
    const side = async (route: string, zPlan: Plan, fPlan: Plan) => {
      if (!wanted(route)) return;
      // Both servers warmed with the same load first (JIT, caches). A plan that uses each request once (Zhongcai's
      // ACCEPT: an application is accepted once) is warmed with its first requests, and the turns go on from there.
      // (Until stop 32 such a route was not warmed at all, the floor's neither: its ACCEPT then ran at half its pace in
      // the first turn and the ratio's first turn looked better than the steady state.)
      let zLeft = zPlan;
      let fLeft = fPlan;
      if (WARMUP > 0) {
        fLeft = rest(fLeft, (await runClient(floorBase, fPlan, WARMUP, CONNECTIONS)).all?.requests ?? 0);
        zLeft = rest(zLeft, (await runClient(zcBase, zPlan, WARMUP, CONNECTIONS)).all?.requests ?? 0);
      }
      const fTurns: Turn[] = [];
      const zTurns: Turn[] = [];
      for (let turn = 0; turn < ROUNDS; turn++) {
        // Which server goes first alternates too, so that a steady drift in the machine's pace favours neither.
        const [f, z] =
          turn % 2 === 0
            ? [await measured(floorBase, floor.pid, fLeft, SECONDS / ROUNDS), await measured(zcBase, zc.pid, zLeft, SECONDS / ROUNDS)]
            : await (async () => {
                const zFirst = await measured(zcBase, zc.pid, zLeft, SECONDS / ROUNDS);
                return [await measured(floorBase, floor.pid, fLeft, SECONDS / ROUNDS), zFirst] as const;
              })();
        fTurns.push(f);
        zTurns.push(z);
        fLeft = rest(fLeft, f.r.requests);
        zLeft = rest(zLeft, z.r.requests);
      }
      const f = summed(fTurns);
      const z = summed(zTurns);
      const turns = zTurns
        .map((t, i) => ({ z: t.r, f: (fTurns[i] as { r: Result }).r }))
        .filter((t) => t.z.requests > 0 && t.f.requests > 0)
        .map((t) => t.z.rps / t.f.rps);
      rows.push({
        route,
        z: z.r,
        f: f.r,
        zCpu: z.cpu,
        fCpu: f.cpu,
        zMainCpu: z.mainCpu,
        fMainCpu: f.mainCpu,
        zDbCpu: z.dbCpu,
        fDbCpu: f.dbCpu,
        turns,
      });
      process.stderr.write(
        `  ${route}: Zhongcai ${z.r.rps.toFixed(0)} req/s, floor ${f.r.rps.toFixed(0)} req/s (turns: ${turns.map((x) => x.toFixed(2)).join(' ')}; ` +
          `req/s per turn, Zhongcai/floor: ${zTurns.map((t, i) => `${t.r.rps.toFixed(0)}/${(fTurns[i] as { r: Result }).r.rps.toFixed(0)}`).join(' ')})\n`,
      );
    };
    const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
    const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞';
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    // 2,000 workers, each against one of 8 employers in turn: 16,000 different disputes. (Since stop 43 an ACCEPT of a
    // worker's second application against the same employer on the same claims is refused until the clerk states it
    // is not the same matter, Rules Art. 34 — the ACCEPT run accepts applications of different disputes, as a docket's.)
    const EMPLOYERS = '甲乙丙丁戊己庚辛';
    const bodies = Array.from({ length: 16_000 }, (_, i) => {
      const v = Math.floor(i / 2000) % EMPLOYERS.length;
      const w = i % 2000;
      return {
        ...body,
        applicants: [
          {
            ...body.applicants[0],
            name: `${SURNAMES[w % 20]}${GIVEN[Math.floor(w / 20) % 20]}${GIVEN[(w * 7) % 20]}`,
            idNumber: completeIdNumber(`371502${1970 + (w % 30)}${pad(1 + (w % 12), 2)}${pad(1 + (w % 28), 2)}${pad(w % 1000, 3)}`),
          },
        ],
        respondents: [
          {
            ...body.respondents[0],
            name: `聊城某某${EMPLOYERS[v]}机械有限公司`,
            creditCode: completeCreditCode(`91371500MA3C7K2L${v}`),
          },
        ],
      };
    });
    const regReq = (token: string | undefined, i: number): Req => ({
      method: 'POST',
      path: '/api/cases',
      body: bodies[i % bodies.length],
      token,
      expect: 201,
    });
    // Zhongcai's registrations each a dispute of its own (used once, the turns going on where the warm-up stopped); the
    // floor, which judges nothing, goes round the list.
    const reg = (token: string | undefined, once: boolean): Plan => ({ kind: 'fixed', once, reqs: bodies.map((_, i) => regReq(token, i)) });
    await side('POST /api/cases (registration)', reg(clerk, true), reg(undefined, false));
    // The floor's events and reads go to its first 200 cases: registered here when the registration route was left out.
    if (!wanted('POST /api/cases (registration)'))
      await runClient(
        floorBase,
        { kind: 'fixed', once: true, reqs: bodies.slice(0, 200).map((_, i) => regReq(undefined, i)) },
        60,
        CONNECTIONS,
      );

    // Enough fresh applications for one ACCEPT each (an application is accepted once): the warm-up's and the turns', at
    // up to 400 ACCEPTs a second.
    // None when no later route is measured (BENCH_ROUTES=registration): the registration row alone, without the
    // minutes of registering that a loaded machine takes for them.
    const later = ['POST /api/cases/:id/events (ACCEPT)', 'GET /api/cases/:id', 'GET /api/cases?page=2&pageSize=20', 'mixed'].some(wanted);
    const need = later ? Math.max(6000, Math.ceil((WARMUP + SECONDS) * 400)) : 0;
    const list = async () => (await json(zcBase, 'GET', `/api/cases?state=received&pageSize=1`, undefined, clerk)).total as number;
    let have = await list();
    if (have < need) {
      process.stderr.write(`  registering ${need - have} more applications for the event run…\n`);
      await runClient(
        zcBase,
        // Past the disputes the registration route registered (`have` of them at most): new ones.
        { kind: 'fixed', once: true, reqs: Array.from({ length: need - have }, (_, i) => regReq(clerk, have + i)) },
        3600,
        CONNECTIONS,
      );
      have = await list();
    }
    const ids: number[] = [];
    for (let page = 1; ids.length < have; page++) {
      const r = await json(zcBase, 'GET', `/api/cases?state=received&pageSize=200&page=${page}`, undefined, clerk);
      if (!r.items.length) break;
      ids.push(...r.items.map((c: { id: number }) => c.id));
    }
    if (wanted('POST /api/cases/:id/events (ACCEPT)')) process.stderr.write(`  ACCEPT run: ${ids.length} applications to accept\n`);
    const floorIds = Array.from({ length: 200 }, (_, i) => i + 1);
    await side(
      'POST /api/cases/:id/events (ACCEPT)',
      {
        kind: 'fixed',
        once: true,
        reqs: ids.map((id) => ({
          method: 'POST',
          path: `/api/cases/${id}/events`,
          body: { type: 'ACCEPT', occurredOn: today },
          token: clerk,
          expect: 200,
        })),
      },
      {
        kind: 'fixed',
        once: false,
        reqs: floorIds.map((id) => ({ method: 'POST', path: `/api/cases/${id}/events`, body: { type: 'ACCEPT' }, expect: 200 })),
      },
    );
    const accepted = ids.slice(0, 2000);
    await side(
      'GET /api/cases/:id',
      { kind: 'fixed', once: false, reqs: accepted.map((id) => ({ method: 'GET', path: `/api/cases/${id}`, token: clerk, expect: 200 })) },
      { kind: 'fixed', once: false, reqs: floorIds.map((id) => ({ method: 'GET', path: `/api/cases/${id}`, expect: 200 })) },
    );
    await side(
      'GET /api/cases?page=2&pageSize=20',
      { kind: 'fixed', once: false, reqs: [{ method: 'GET', path: '/api/cases?page=2&pageSize=20', token: clerk, expect: 200 }] },
      { kind: 'fixed', once: false, reqs: [{ method: 'GET', path: '/api/cases?page=2&pageSize=20', expect: 200 }] },
    );

    const db = pg ? 'PostgreSQL' : 'SQLite';
    console.log(
      `\nZhongcai vs floor (${db}, ${CONNECTIONS} connections, ${SECONDS} s per route and server in ${ROUNDS} alternating turns after ${WARMUP} s of warm-up each, ${os.cpus().length} cores, Node ${process.version})\n`,
    );
    const dbHead = pg ? ' PostgreSQL CPU per request (Z / floor) |' : '';
    console.log(
      `| path | Zhongcai | floor | ratio | ratio per turn | p99 (Z / floor) | server CPU per request, all threads (main thread) (Z / floor) | CPU ratio |${dbHead}`,
    );
    console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |${pg ? ' --- |' : ''}`);
    for (const r of rows) {
      const err = r.z.errors || r.f.errors ? ` (errors: ${r.z.errors}/${r.f.errors})` : '';
      const main = (x: number | null) => (x === null ? '' : ` (main ${x.toFixed(2)})`);
      const cpu =
        r.zCpu !== null && r.fCpu !== null
          ? `${r.zCpu.toFixed(2)}${main(r.zMainCpu)} / ${r.fCpu.toFixed(2)}${main(r.fMainCpu)} ms | ${(r.fCpu / r.zCpu).toFixed(2)}`
          : 'n/a | n/a';
      const dbCpu = !pg ? '' : r.zDbCpu !== null && r.fDbCpu !== null ? ` ${r.zDbCpu.toFixed(2)} / ${r.fDbCpu.toFixed(2)} ms |` : ' n/a |';
      console.log(
        `| \`${r.route}\` | ${r.z.rps.toFixed(0)} req/s | ${r.f.rps.toFixed(0)} req/s | ${(r.z.rps / r.f.rps).toFixed(2)} | ${r.turns.map((x) => x.toFixed(2)).join(' ')} | ${r.z.p99.toFixed(0)} / ${r.f.p99.toFixed(0)} ms | ${cpu} |${dbCpu}${err}`,
      );
      if (r.z.firstError) console.log(`  first Zhongcai error: ${r.z.firstError}`);
    }

    // The mixed run reads and serves the cases the ACCEPT route accepted: with BENCH_ROUTES, only when it names both
    // (`BENCH_ROUTES=ACCEPT,mixed`).
    if (MIXED_SECONDS > 0 && (!ROUTES.length || (wanted('mixed') && wanted('POST /api/cases/:id/events (ACCEPT)')))) {
      // Mixed traffic: reads, list pages, a repeatable event (SERVE on an accepted case) and registrations.
      const mixed: Plan = {
        kind: 'mixed',
        routes: {
          'GET /api/cases/:id': {
            weight: 40,
            reqs: accepted.map((id) => ({ method: 'GET', path: `/api/cases/${id}`, token: clerk, expect: 200 })),
          },
          'GET /api/cases (list)': {
            weight: 25,
            reqs: [1, 2, 3, 4, 5].map((p) => ({ method: 'GET', path: `/api/cases?page=${p}&pageSize=20`, token: clerk, expect: 200 })),
          },
          'POST /api/cases/:id/events (SERVE)': {
            weight: 20,
            reqs: accepted.map((id) => ({
              method: 'POST',
              path: `/api/cases/${id}/events`,
              token: clerk,
              expect: 200,
              body: { type: 'SERVE', document: 'acceptance_notice', partyId: 0, method: 'direct', occurredOn: today },
            })),
          },
          'POST /api/cases': { weight: 15, reqs: bodies.map((_, i) => regReq(clerk, i)) },
        },
      };
      // SERVE names a party of the case: fill in each case's applicant.
      const serve = (mixed as { routes: Record<string, { reqs: Req[] }> }).routes['POST /api/cases/:id/events (SERVE)'] as { reqs: Req[] };
      for (const r of serve.reqs.slice(0, 500)) {
        const id = Number(r.path.split('/')[3]);
        const c = await json(zcBase, 'GET', `/api/cases/${id}`, undefined, clerk);
        (r.body as { partyId: number }).partyId = c.applicants[0].id;
      }
      serve.reqs = serve.reqs.slice(0, 500);
      const m = await runClient(zcBase, mixed, MIXED_SECONDS, MIXED_CLIENTS);
      const total = Object.values(m).reduce((s, r) => s + r.requests, 0);
      const secs = Object.values(m)[0]?.seconds ?? MIXED_SECONDS;
      console.log(
        `\nMixed traffic on Zhongcai (${db}): ${MIXED_CLIENTS} clients, ${MIXED_SECONDS} s, ${(total / secs).toFixed(0)} req/s in all\n`,
      );
      console.log('| route | req/s | p50 | p99 | errors |');
      console.log('| --- | --- | --- | --- | --- |');
      const all: number[] = [];
      for (const [name, r] of Object.entries(m)) {
        console.log(`| \`${name}\` | ${r.rps.toFixed(0)} | ${r.p50.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.errors} |`);
        if (r.firstError) console.log(`  first error: ${r.firstError}`);
        all.push(r.p99);
      }
      console.log(`\nworst p99 of the mixed run: ${Math.max(...all).toFixed(0)} ms (target < 500 ms at 50 clients on SQLite)`);
    }
  } finally {
    stop();
    // The profile is written as the server exits.
    if (profile.length && zc.exitCode === null) await new Promise((r) => zc.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
