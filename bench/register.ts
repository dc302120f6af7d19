/**
 * `npm run bench:register` — registration throughput on SQLite: the full Zhongcai POST /api/cases (zod
 * validation, auth, case + parties + claims + audit row + snapshot + deadlines in one transaction)
 * against the floor of stack.md: bare Express + knex doing 4 inserts in one transaction, no validation or
 * auth. Both servers run in this process; a load generator in a child process keeps 20 requests in flight.
 * Prints requests/s and p50/p99 latency for each, and the ratio.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { ensureFirstAdmin } from '../app/bootstrap.ts';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 20;

if (process.argv[2] === 'client') {
  // Child: fire REQUESTS POSTs with CONCURRENCY in flight, report latencies.
  const [url, token, bodyJson] = process.argv.slice(3) as [string, string, string];
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const s = performance.now();
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: bodyJson,
        });
        if (r.status !== 201) throw new Error(`status ${r.status}: ${await r.text()}`);
        await r.arrayBuffer();
        latencies.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  process.send?.({
    rps: REQUESTS / secs,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
  });
  process.exit(0);
}

type Result = { rps: number; p50: number; p99: number };
function load(url: string, token: string, body: unknown): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url).pathname, ['client', url, token, JSON.stringify(body)], { execArgv: ['--import', 'tsx'] });
    child.on('message', (m) => resolve(m as Result));
    child.on('exit', (code) => code && reject(new Error(`client exited ${code}`)));
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-bench-'));
const body = JSON.parse(fs.readFileSync(new URL('./register-body.json', import.meta.url), 'utf8'));

// Floor: bare Express + knex, 4 inserts (case, party, claim, audit) in one transaction.
const bare = openDatabase(`sqlite:${path.join(dir, 'bare.sqlite')}`);
await bare.knex.schema.createTable('c', (t) => {
  t.increments('id');
  t.text('data');
});
for (const name of ['p', 'cl', 'e']) {
  await bare.knex.schema.createTable(name, (t) => {
    t.increments('id');
    t.integer('c_id');
    t.text('data');
  });
}
const bareApp = express();
bareApp.use(express.json());
bareApp.post('/api/cases', async (req, res) => {
  const id = await bare.knex.transaction(async (trx) => {
    const [row] = await trx('c').insert({ data: req.body.facts }).returning('id');
    const cid = (row as { id: number }).id;
    await trx('p').insert({ c_id: cid, data: JSON.stringify(req.body.applicants) });
    await trx('cl').insert({ c_id: cid, data: JSON.stringify(req.body.claims) });
    await trx('e').insert({ c_id: cid, data: JSON.stringify(req.body) });
    return cid;
  });
  res.status(201).json({ id });
});
const bareServer = bareApp.listen(0);

// Zhongcai, the real app.
const db = openDatabase(`sqlite:${path.join(dir, 'zc.sqlite')}`);
await migrateLatest(db);
await ensureFirstAdmin(db, systemClock, 'bench-admin-password');
const app = createApp({ db, clock: systemClock, logger: createLogger('silent'), config: loadConfig({ LOG_LEVEL: 'silent' }) });
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// biome-ignore lint/suspicious/noExplicitAny: JSON answers of our own API
const post = async (p: string, b: unknown, token?: string): Promise<any> =>
  (
    await fetch(base + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(b),
    })
  ).json();
const adminToken = (await post('/api/auth/login', { username: 'admin', password: 'bench-admin-password' })).token;
await post(
  '/api/users',
  { username: 'bench-clerk', password: 'bench-clerk-password', role: 'clerk', displayName: '压测书记员', mustChangePassword: false },
  adminToken,
);
const clerk = (await post('/api/auth/login', { username: 'bench-clerk', password: 'bench-clerk-password' })).token;

const floor = await load(`http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/api/cases`, 'x', body);
const full = await load(`${base}/api/cases`, clerk, body);
const fmt = (r: Result) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;
console.log(`register a case, SQLite, ${REQUESTS} requests, ${CONCURRENCY} in flight, ${os.cpus().length} cores`);
console.log(`  floor  (bare Express + knex, 4 inserts): ${fmt(floor)}`);
console.log(`  Zhongcai (validation, auth, audit, snapshot, deadlines): ${fmt(full)}`);
console.log(`  ratio: ${((full.rps / floor.rps) * 100).toFixed(0)}% of the floor (target ≥ 50%)`);
bareServer.close();
server.close();
await bare.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
