/**
 * `npm run bench:login-flood` — does a flood of logins starve other users? (issue 12; not a timed test)
 *
 * Starts the real server (`server/main.ts`, SQLite in a temporary folder) in a child process, signs a clerk in,
 * registers a case, then measures the clerk's `GET /api/cases/:id` latency (sequential reads) three times:
 *   1. quiet;
 *   2. while FLOOD_CLIENTS clients post logins with random usernames from ONE address (a plain attacker);
 *   3. while they post them from random addresses (a distributed flood: X-Forwarded-For, trusted from loopback),
 *      so that the per-address limit does not stop them and every attempt reaches the password hash.
 * Prints p50/p90/p99/max of the reads, the flood's attempts per second and its answers by status.
 *
 * SERVER_DIR=/path/to/another/checkout measures another version of the server the same way (e.g. the code before
 * the bounded hashing). SECONDS of reads per phase (10), FLOOD_CLIENTS (12), extra server environment through
 * BENCH_ENV='{"K":"V"}'.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/node-flags.ts';

const SECONDS = Number(process.env.SECONDS ?? 10);
const FLOOD_CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 12);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const SERVER_DIR = path.resolve(process.env.SERVER_DIR ?? path.join(import.meta.dirname, '..'));
const ADMIN_PASSWORD = 'bench-flood-admin-2026';
const base = `http://127.0.0.1:${PORT}`;

async function call(method: string, url: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

async function startServer(): Promise<{ child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-flood-'));
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: `sqlite:${path.join(dir, 'flood.sqlite')}`,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      SCHEDULER_HOUR: '-1',
      ...JSON.parse(process.env.BENCH_ENV ?? '{}'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, dir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not start');
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;

async function measureReads(token: string, caseId: number, seconds = SECONDS) {
  const ms: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const s = performance.now();
    const r = await call('GET', `/api/cases/${caseId}`, token);
    if (r.status !== 200) throw new Error(`read: ${r.status} ${JSON.stringify(r.body)}`);
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const f = (x: number) => Math.round(x * 10) / 10;
  return { reads: ms.length, p50: f(pct(ms, 0.5)), p90: f(pct(ms, 0.9)), p99: f(pct(ms, 0.99)), max: f(ms.at(-1) as number) };
}

/** Runs the flood until `stop` resolves; answers attempts per second and the statuses seen. */
function flood(distributed: boolean) {
  let running = true;
  const statuses: Record<string, number> = {};
  let attempts = 0;
  const t0 = performance.now();
  const clients = Array.from({ length: FLOOD_CLIENTS }, async (_, k) => {
    while (running) {
      const address = distributed ? `10.${k}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` : '10.99.0.1';
      try {
        const r = await call(
          'POST',
          '/api/auth/login',
          null,
          { username: `u${Math.random().toString(36).slice(2, 10)}`, password: 'flood-password-0' },
          { 'x-forwarded-for': address },
        );
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
      }
      attempts++;
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(clients);
      return { attemptsPerSecond: Math.round(attempts / ((performance.now() - t0) / 1000)), statuses };
    },
  };
}

const { child, dir } = await startServer();
try {
  const admin = (await call('POST', '/api/auth/login', null, { username: 'admin', password: ADMIN_PASSWORD })).body.token;
  await call('POST', '/api/users', admin, {
    username: 'flood-clerk',
    password: 'flood-clerk-pass-2026',
    role: 'clerk',
    displayName: '书记员',
    mustChangePassword: false,
  });
  const clerk = (await call('POST', '/api/auth/login', null, { username: 'flood-clerk', password: 'flood-clerk-pass-2026' })).body.token;
  const body = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'register-body.json'), 'utf8'));
  const created = await call('POST', '/api/cases', clerk, body);
  if (created.status !== 201) throw new Error(`register: ${created.status} ${JSON.stringify(created.body)}`);
  const caseId = created.body.id as number;
  await measureReads(clerk, caseId, 2); // warm-up

  console.log(`server: ${SERVER_DIR}  ${SECONDS} s of sequential GET /api/cases/:id per phase  flood: ${FLOOD_CLIENTS} clients`);
  const quiet = await measureReads(clerk, caseId);
  console.log('quiet                       reads ms', quiet);
  for (const distributed of [false, true]) {
    const f = flood(distributed);
    await new Promise((r) => setTimeout(r, 2000)); // let the flood build up
    const during = await measureReads(clerk, caseId);
    const result = await f.stop();
    console.log(`${distributed ? 'flood, random addresses' : 'flood, one address     '}     reads ms`, during, 'flood', result);
  }
} finally {
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
