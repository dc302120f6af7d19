/**
 * `npm run openapi:examples` — writes server/http/openapi-examples.json: real answers of the API over the demo data
 * (`npm run seed:demo` into a throwaway SQLite database), attached to /openapi.json as the examples of their
 * operations (server/http/route.ts). tests/api/openapi.test.ts and `redocly lint` check every example against its
 * schema, so a schema change that makes one stale fails `npm test`: run this again then. The demo data is invented
 * (names, identity numbers with a valid check character, companies).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { openDatabase } from '../db/knex.ts';
import { createApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-examples-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'demo.sqlite')}`,
  ADMIN_PASSWORD: 'admin-demo-2026',
  COMMISSION_KEY_PATH: path.join(dir, 'key.pem'),
  LOG_LEVEL: 'warn',
};
const seeded = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'seed-demo.ts')], { env, stdio: 'inherit' });
if (seeded.status !== 0) throw new Error('seed:demo failed');

const config = loadConfig(env);
const db = openDatabase(config.databaseUrl);
const server = createApp({ db, clock: systemClock, logger: createLogger('warn'), config }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of our own API, checked against the document by the tests
type Json = any;
async function call(method: string, url: string, token: string | null, body?: unknown): Promise<{ status: number; body: Json }> {
  const r = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, body: r.status === 204 ? null : await r.json() };
}
const login = async (u: string) => (await call('POST', '/api/auth/login', null, { username: u, password: `${u}-demo-2026` })).body;

const examples: Record<string, unknown> = {};
async function take(operationId: string, status: number, method: string, url: string, token: string | null, body?: unknown) {
  const r = await call(method, url, token, body);
  if (r.status !== status) throw new Error(`${operationId}: ${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
  examples[`${operationId} ${status}`] = r.body;
  return r.body;
}
/** A list example: its first `n` items (the envelope's total stays what the server said). */
const shorten = (key: string, n = 2) => {
  const e = examples[key] as { items?: unknown[] } | unknown[];
  if (Array.isArray(e)) examples[key] = e.slice(0, n);
  else if (e?.items) e.items = e.items.slice(0, n);
};

const clerkLogin = await login('clerk-wang');
examples['login 200'] = { ...clerkLogin, token: 'q3Yb0pZ7r1cXk2mN8sT4uV6wA9eH5jL0oP3iR7tY1uE' };
const clerk = clerkLogin.token as string;
const chair = (await login('chair-zhang')).token as string;
const analyst = (await login('analyst-chen')).token as string;

await take('me', 200, 'GET', '/api/auth/me', clerk);
await take('listStaff', 200, 'GET', '/api/staff?role=arbitrator', clerk);
const list = await take('listCases', 200, 'GET', '/api/cases?pageSize=50', clerk);
const cases = [...list.items] as { id: number; state: string }[];
shorten('listCases 200');
const awarded = cases.find((c) => c.state === 'award_issued') ?? (cases[0] as { id: number });
await take('getCase', 200, 'GET', `/api/cases/${awarded.id}`, clerk);
await take('caseHistory', 200, 'GET', `/api/cases/${awarded.id}/events`, clerk);
shorten('caseHistory 200', 3);
await take('caseDeadlines', 200, 'GET', `/api/cases/${awarded.id}/deadlines`, clerk);
await take('nextEvents', 200, 'GET', `/api/cases/${awarded.id}/next-events`, clerk);
await take('dueDeadlines', 200, 'GET', '/api/deadlines?within=30', clerk);
shorten('dueDeadlines 200');
const received = cases.find((c) => c.state === 'received');
if (received) {
  await take('applyEvent', 409, 'POST', `/api/cases/${received.id}/events`, clerk, { type: 'ARCHIVE' });
}
await take('registerCase', 400, 'POST', '/api/cases', clerk, {
  receivedOn: '2026-03-02',
  channel: 'counter',
  district: '东昌府区',
  applicants: [{ kind: 'person', name: '张三', idNumber: '371502199001011235' }],
  respondents: [],
  claims: [{ category: 'wages', amount: '12000.001', description: '工资' }],
});
const year = new Date().getFullYear();
await take('deadlineCalculator', 200, 'GET', `/api/calendar/deadline?from=${year}-09-28&days=5&unit=working`, clerk);
await take('closureFigures', 200, 'GET', `/api/stats/closure?period=${year}&groupBy=district`, analyst);
const figures = examples['closureFigures 200'] as { groups?: unknown[] };
figures.groups = figures.groups?.slice(0, 2);
await take('closureDrillDown', 200, 'GET', `/api/stats/closure/cases?period=${year}&measure=accepted&pageSize=2`, analyst);
await take('accessLog', 200, 'GET', '/api/access-log?pageSize=2', chair);

server.close();
await db.close();
fs.rmSync(dir, { recursive: true, force: true });
const out = path.join(root, 'server', 'http', 'openapi-examples.json');
fs.writeFileSync(out, `${JSON.stringify(examples, null, 2)}\n`);
console.log(`wrote ${Object.keys(examples).length} examples to ${path.relative(root, out)}`);
