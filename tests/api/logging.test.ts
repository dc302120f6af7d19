import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../app/bootstrap.ts';
import { FixedClock } from '../../app/clock.ts';
import { loadConfig } from '../../app/config.ts';
import { migrateLatest } from '../../db/knex.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { checkedApp } from '../helpers/contract.ts';
import { freshDatabase } from '../helpers/db.ts';
import { application } from '../helpers/fixtures.ts';

const lines: string[] = [];
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  await migrateLatest(fresh.db);
  const clock = new FixedClock('2026-04-01T02:00:00Z');
  await ensureFirstAdmin(fresh.db, clock, 'admin-password-1');
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  app = checkedApp(createApp({ db: fresh.db, clock, logger: createLogger('info', sink), config: loadConfig({}) }));
});
afterAll(async () => drop?.());

describe('request logging', () => {
  it('one line per request with id, status and duration; no password, token or identity number', async () => {
    const login = await request(app).post('/api/auth/login').send({ username: 'admin', password: 'admin-password-1' });
    const token = login.body.token;
    await request(app)
      .post('/api/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ username: 'clerk1', password: 'clerk-password-1', role: 'clerk', displayName: '书记员', mustChangePassword: false });
    const c = (await request(app).post('/api/auth/login').send({ username: 'clerk1', password: 'clerk-password-1' })).body.token;
    const r = await request(app).post('/api/cases').set('Authorization', `Bearer ${c}`).send(application());
    expect(r.status).toBe(201);
    await request(app).get('/api/cases').query({ q: '张三' }).set('Authorization', `Bearer ${c}`);
    const reqLines = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(reqLines.length).toBe(5);
    for (const l of reqLines) {
      expect(l).toMatchObject({ reqId: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) });
    }
    const all = lines.join('\n');
    expect(all).not.toContain('admin-password-1');
    expect(all).not.toContain(token);
    expect(all).not.toContain('371502199001011234');
    expect(all).not.toContain('张三');
  });

  it('masks identity numbers and mobiles in the logged path and request id: escaped, percent-encoded, next to letters, grouped', async () => {
    const id = '11010519491231002X';
    const mobile = '13912345678';
    const bare = '110105194912310021';
    const pct = (s: string) => [...s].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`).join('');
    const from = lines.length;
    const paths = [
      `/api/cases/x%0A${id}`,
      `/api/cases/x%0a${id}`,
      `/api/cases/a${id}b`,
      `/api/cases/${id}${mobile}`,
      `/api/cases/${bare}${mobile}`,
      `/api/cases/${pct(id)}`,
      `/api/cases/110105%2019491231%20002X`,
      `/api/cases/139%201234%205678`,
      // Invisible characters between the groups (an outside security tester's finding): read as absent.
      `/api/cases/371502%E2%80%8B19850607%E2%80%8B1238`,
      `/api/cases/371502%C2%AD19850607%EF%BB%BF1238`,
      `/api/cases/1%E2%81%A03987654321`,
    ];
    for (const p of paths) await request(app).get(p);
    for (const rid of [`req-${id}`, `a${id}b`, `110105_19491231_002X`, `x${mobile}y`])
      await request(app).get('/healthz').set('X-Request-Id', rid);
    const written = lines.slice(from).join('\n');
    expect(lines.length - from).toBe(paths.length + 4);
    for (const secret of [id, mobile, bare, '19491231', '1234 5678', '1234_5678', '19850607', '87654321'])
      expect(written).not.toContain(secret);
    expect(written).toContain('3715**********1238');
    expect(written).toContain('1101**********002X');
  });
});
