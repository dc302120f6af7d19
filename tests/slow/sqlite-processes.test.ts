import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../app/clock.ts';
import { loadConfig } from '../../app/config.ts';
import { createDeps } from '../../app/deps.ts';
import { openDatabase } from '../../db/knex.ts';
import { createLogger } from '../../server/logger.ts';
import { runScript } from '../helpers/cli.ts';
import { acknowledged, startLoad, until } from '../helpers/load.ts';
import { freePort } from '../helpers/pg-server.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';
import { ADMIN_PASSWORD, login, type ServerProcess, spawnServer, startServer, userToken } from '../helpers/server-process.ts';

/** SQLite is single-process by design, and says so (issue 13 item 4). */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-sqlite-'));
const url = `sqlite:${path.join(tmp, 'zc.sqlite')}`;
const servers: ServerProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('SQLite: one server per file', () => {
  it('a second server on the same file is refused at start with a clear message; the first keeps serving', async () => {
    const first = await startServer({ DATABASE_URL: url });
    servers.push(first);
    const second = await spawnServer(await freePort(first.port + 1), { DATABASE_URL: url }, false);
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output()).toContain('another Zhongcai server is already running on');
    expect(second.output()).toContain('SQLite is single-process by design');
    expect(second.output()).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
    expect((await fetch(`${first.base}/readyz`)).status).toBe(200);
  });

  it('the deadline sweep CLI runs next to the server under write load: no request fails, every sweep finishes', {
    timeout: 120_000,
  }, async () => {
    const s = servers[0] as ServerProcess;
    const admin = await login(s.base, 'admin', ADMIN_PASSWORD);
    const clerk = (await userToken(s.base, admin, 'clerk', 'clerk')).token;
    const load = startLoad({ base: () => s.base, token: clerk, clients: 6, reads: true });
    await until(() => acknowledged(load.outcomes).cases.length >= 20, 30_000, 'writes');
    const sweeps = [];
    for (let i = 0; i < 3; i++) sweeps.push(await runScript('scripts/deadlines-sweep.ts', [], { DATABASE_URL: url }));
    await load.stop();
    for (const r of sweeps) {
      expect(r.code, r.out).toBe(0);
      expect(r.out).toMatch(/deadline sweep \d{4}-\d{2}-\d{2}: \d+ cases/);
    }
    const failed = load.outcomes.filter((o) => o.status !== 200 && o.status !== 201);
    expect(failed).toEqual([]);
    expect(acknowledged(load.outcomes).cases.length).toBeGreaterThan(20);
    const db = openDatabase(url);
    try {
      const deps = createDeps({ db, clock: systemClock, logger: createLogger('silent'), config: loadConfig({ DATABASE_URL: url }) });
      expect(await recomputeAndCompare(deps, systemClock.today())).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('restore refuses to replace the file while the server holds it', async () => {
    const backup = path.join(tmp, 'b.sqlite');
    expect((await runScript('scripts/backup.ts', [backup], { DATABASE_URL: url })).code).toBe(0);
    const r = await runScript('scripts/restore.ts', [backup, '--force'], { DATABASE_URL: url });
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('another Zhongcai server is already running');
  });

  it('starts on a database in a folder that does not exist yet (a fresh clone has no data/): made, migrated, ready', async () => {
    const fresh = `sqlite:${path.join(tmp, 'not', 'yet', 'zhongcai.sqlite')}`;
    const s = await startServer({ DATABASE_URL: fresh, COMMISSION_KEY_PATH: path.join(tmp, 'not', 'yet', 'key.pem') });
    servers.push(s);
    expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
    expect(fs.existsSync(path.join(tmp, 'not', 'yet', 'zhongcai.sqlite'))).toBe(true);
  });
});
