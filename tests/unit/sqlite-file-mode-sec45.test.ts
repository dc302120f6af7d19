import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdSqliteServerLock, openDatabase } from '../../db/knex.ts';

// Outside security tester s45 L5: a fresh install's data/ was 0755 and the database files 0644.
describe('a fresh SQLite database is its owner\u2019s only', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-mode-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const mode = (f: string) => fs.statSync(f).mode & 0o777;

  it('folder 0700, database, -wal and server lock 0600', async () => {
    const file = path.join(root, 'data', 'zhongcai.sqlite');
    const lock = await holdSqliteServerLock(file);
    const db = openDatabase(`sqlite:${file}`);
    try {
      await db.knex.raw('create table t (x integer)');
      await db.knex('t').insert({ x: 1 });
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-server.lock`)).toBe(0o600);
      for (const extra of ['-wal', '-shm']) if (fs.existsSync(file + extra)) expect(mode(file + extra), extra).toBe(0o600);
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await db.close();
      await lock.release();
    }
  });

  it('what exists is left as it is', async () => {
    const dir = path.join(root, 'existing');
    fs.mkdirSync(dir, { mode: 0o750 });
    fs.chmodSync(dir, 0o750);
    const file = path.join(dir, 'z.sqlite');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o640);
    const db = openDatabase(`sqlite:${file}`);
    try {
      await db.knex.raw('select 1');
      expect(mode(dir)).toBe(0o750);
      expect(mode(file)).toBe(0o640);
    } finally {
      await db.close();
    }
  });
});
