/**
 * `npm run bench:hearings -- [--week 2026-12-07] [--runs 200]` on the database in DATABASE_URL, seeded first with
 * `npm run seed:synthetic` (its staff: syn-clerk, syn-arb-1…; password = username + "-demo-2026").
 *
 * The hearing calendar as clerks and arbitrators wait on it, through the real HTTP server (createApp on a local port,
 * signed in as syn-clerk and syn-arb-1): GET /api/hearings for a week and a month (pageSize 200, as the calendar page
 * asks), a week of one room, a week and a month of one arbitrator, the workbench's next two weeks of an arbitrator,
 * and the whole calendar page's requests (web/pages/hearings.js: its hearings, the arbitrators, and the room's week).
 *
 * Prints, per request, the rows it answered (total) and p50 / p99 / mean in ms over `runs` sequential requests after
 * ten of warm-up. Nothing is asserted: figures to read (tests do not time anything).
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { openDatabase } from '../db/knex.ts';
import { createApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';
import { addDays } from '../workflows/dates.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const monday = args.get('week') ?? '2026-12-07';
const runs = Number(args.get('runs') ?? 200);

const config = loadConfig();
const db = openDatabase(config.databaseUrl);
const app = createApp({ db, clock: systemClock, logger: createLogger('silent'), config });
const server = app.listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const port = (server.address() as AddressInfo).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

// biome-ignore lint/suspicious/noExplicitAny: a JSON body as the server answers it
type Json = any;

function call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text?.startsWith('{') ? JSON.parse(text) : text });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function login(username: string): Promise<{ token: string; id: number }> {
  const r = await call('POST', '/api/auth/login', null, { username, password: `${username}-demo-2026` });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  const me = await call('GET', '/api/auth/me', r.body.token);
  return { token: r.body.token, id: Number(me.body?.id ?? me.body?.user?.id) };
}

const clerk = await login('syn-clerk');
const arb = await login('syn-arb-1');
const busiest = await call('GET', `/api/hearings?from=${monday}&to=${addDays(monday, 6)}&pageSize=200`, clerk.token);
const room: string = busiest.body.items?.[0]?.place ?? '第一仲裁庭';
const week = `from=${monday}&to=${addDays(monday, 6)}`;
const month = `from=${monday}&to=${addDays(monday, 30)}`;

type Step = { path: string; token: string };
const cases: [string, Step[]][] = [
  ['week, all rooms (clerk)', [{ path: `/api/hearings?${week}&pageSize=200`, token: clerk.token }]],
  ['month, all rooms (clerk)', [{ path: `/api/hearings?${month}&pageSize=200`, token: clerk.token }]],
  ['month, page 5 (clerk)', [{ path: `/api/hearings?${month}&pageSize=200&page=5`, token: clerk.token }]],
  ['week, one room (clerk)', [{ path: `/api/hearings?${week}&place=${encodeURIComponent(room)}&pageSize=200`, token: clerk.token }]],
  ['week, one arbitrator', [{ path: `/api/hearings?${week}&arbitratorId=${arb.id}&pageSize=200`, token: arb.token }]],
  ['month, one arbitrator', [{ path: `/api/hearings?${month}&arbitratorId=${arb.id}&pageSize=200`, token: arb.token }]],
  [
    'workbench: next 14 days of an arbitrator',
    [{ path: `/api/hearings?from=${monday}&to=${addDays(monday, 13)}&arbitratorId=${arb.id}&pageSize=50`, token: arb.token }],
  ],
  [
    'calendar page, a room picked (3 requests at once)',
    [
      { path: `/api/hearings?${week}&place=${encodeURIComponent(room)}&pageSize=200`, token: clerk.token },
      { path: '/api/staff?role=arbitrator&pageSize=200', token: clerk.token },
      { path: `/api/hearings?${week}&pageSize=200`, token: clerk.token },
    ],
  ],
];

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] as number;
console.log(`hearings bench: ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}, week of ${monday}, ${runs} requests each`);
for (const [name, steps] of cases) {
  const once = async () => {
    const rs = await Promise.all(steps.map((s) => call('GET', s.path, s.token)));
    for (const r of rs) if (r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    return rs[0]?.body;
  };
  for (let i = 0; i < 10; i++) await once();
  const times: number[] = [];
  let first: Json;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    first = await once();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  console.log(
    `${name.padEnd(46)} total ${String(first?.total ?? '-').padStart(5)}, items ${String(first?.items?.length ?? '-').padStart(3)}: p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, mean ${mean.toFixed(1)} ms`,
  );
}
agent.destroy();
server.close();
await db.close();
