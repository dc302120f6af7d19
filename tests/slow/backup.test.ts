import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../app/clock.ts';
import { loadConfig } from '../../app/config.ts';
import { createDeps } from '../../app/deps.ts';
import { openDatabase } from '../../db/knex.ts';
import { createLogger } from '../../server/logger.ts';
import { runScript } from '../helpers/cli.ts';
import { acknowledged, startLoad, until } from '../helpers/load.ts';
import { PgServer } from '../helpers/pg-server.ts';
import { recomputeAndCompare } from '../helpers/recompute.ts';
import { ADMIN_PASSWORD, call, login, type ServerProcess, startServer, userToken } from '../helpers/server-process.ts';

/**
 * `npm run backup` while the server takes writes, `npm run restore` into a fresh database, a fresh server on it:
 * every write acknowledged before the backup started is there (issue 13 "Backup and restore").
 */
let pg: PgServer;
const servers: ServerProcess[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-backup-'));
beforeAll(async () => {
  pg = await PgServer.start();
});
afterAll(async () => {
  for (const s of servers) s.kill('SIGKILL');
  pg?.destroy();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup under write load, restore into a fresh server', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`${dialect}: every write acknowledged before the backup is present after the restore`, { timeout: 180_000 }, async () => {
      const live = dialect === 'sqlite' ? `sqlite:${path.join(tmp, 'live.sqlite')}` : pg.url('zc_live');
      const restored = dialect === 'sqlite' ? `sqlite:${path.join(tmp, 'restored.sqlite')}` : pg.url('zc_restored');
      if (dialect === 'postgres') pg.psql('CREATE DATABASE zc_live');
      const file = path.join(tmp, `backup-${dialect}.${dialect === 'sqlite' ? 'sqlite' : 'dump'}`);

      const s = await startServer({ DATABASE_URL: live });
      servers.push(s);
      const admin = await login(s.base, 'admin', ADMIN_PASSWORD);
      const clerk = (await userToken(s.base, admin, 'clerk', 'clerk')).token;
      const load = startLoad({ base: () => s.base, token: clerk, clients: 4 });
      await until(() => acknowledged(load.outcomes).cases.length >= 30, 60_000, 'writes before the backup');
      // What was acknowledged before the backup starts: the answers received so far.
      const before = acknowledged([...load.outcomes]);
      const backupStarted = Date.now();
      const backup = await runScript('scripts/backup.ts', [file], { DATABASE_URL: live });
      const writesDuring = acknowledged(load.outcomes).cases.length - before.cases.length;
      await until(() => load.outcomes.some((o) => o.at > backup.ms + backupStarted && o.status === 201), 30_000, 'writes after the backup');
      await load.stop();
      expect(backup.code, backup.out).toBe(0);
      expect(backup.out).toContain(`backup ${file}`);
      console.log(
        `FIGURE backup (${dialect}) under write load: ${backup.ms} ms wall (incl. process start), ${writesDuring} writes acknowledged meanwhile`,
      );
      s.kill('SIGTERM');
      await s.exited;

      if (dialect === 'postgres') pg.psql('CREATE DATABASE zc_restored');
      const restore = await runScript('scripts/restore.ts', [file], { DATABASE_URL: restored });
      expect(restore.code, restore.out).toBe(0);
      expect(restore.out).toContain('history chain intact');

      const fresh = await startServer({ DATABASE_URL: restored });
      servers.push(fresh);
      expect(before.cases.length).toBeGreaterThanOrEqual(30);
      const clerk2 = await login(fresh.base, 'clerk', 'clerk-password-1');
      for (const id of before.cases)
        expect((await call(null, 'GET', `${fresh.base}/api/cases/${id}`, { token: clerk2 })).status, `case ${id}`).toBe(200);
      for (const a of before.accepted)
        expect((await call(null, 'GET', `${fresh.base}/api/cases/${a.caseId}`, { token: clerk2 })).body.caseNo).toBe(a.caseNo);
      // The restored server takes writes, and its record agrees with a recomputation.
      const more = await call(null, 'POST', `${fresh.base}/api/cases/${before.cases[0]}/documents`, {
        token: clerk2,
        body: { kind: 'acceptance_notice' },
      });
      expect([201, 409]).toContain(more.status);
      fresh.kill('SIGTERM');
      await fresh.exited;
      const db = openDatabase(restored);
      try {
        const deps = createDeps({ db, clock: systemClock, logger: createLogger('silent'), config: loadConfig({ DATABASE_URL: restored }) });
        expect(await recomputeAndCompare(deps, systemClock.today())).toEqual([]);
      } finally {
        await db.close();
      }
    });
  }
});
