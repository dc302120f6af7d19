import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { type Database, openDatabase } from '../../db/knex.ts';

/**
 * A fresh, empty database for one test file, on the dialect chosen by TEST_DB (sqlite, the default,
 * or postgres with TEST_PG_URL pointing at a server where databases may be created).
 */
export async function freshDatabase(): Promise<{ db: Database; url: string; drop: () => Promise<void> }> {
  const kind = process.env.TEST_DB ?? 'sqlite';
  if (kind === 'postgres') {
    const base = process.env.TEST_PG_URL;
    if (!base) throw new Error('TEST_DB=postgres needs TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres)');
    const name = `zc_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = knexFactory({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
    await admin.raw(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = openDatabase(url.toString());
    return {
      db,
      url: url.toString(),
      drop: async () => {
        await db.close();
        await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.destroy();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-test-'));
  const url = `sqlite:${path.join(dir, 'test.sqlite')}`;
  const db = openDatabase(url);
  return {
    db,
    url,
    drop: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
