/**
 * `npm run restore -- <file> [--force]` — restores a backup made by `npm run backup` into the database named by
 * DATABASE_URL, with no server running on it, then verifies the history chain. SQLite: the file is replaced (its -wal
 * and -shm removed); refused while a server holds the file. PostgreSQL: `pg_restore` into an empty database (create it
 * first: `createdb zhongcai`); `--force` drops what is there first (`--clean`). Start the server afterwards: it migrates
 * a backup taken by an older version. On PostgreSQL, grant the application role again (`npm run db:grant -- <role>`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../app/config.ts';
import { verifyHistory } from '../db/history-chain.ts';
import { holdSqliteServerLock, openDatabase, ServerAlreadyRunningError, sqliteFileOf } from '../db/knex.ts';

const args = process.argv.slice(2);
const force = args.includes('--force');
const source = args.find((a) => !a.startsWith('--'));
if (!source || !fs.existsSync(source)) {
  console.error('usage: npm run restore -- <backup file> [--force]');
  process.exit(2);
}
const config = loadConfig();
const file = sqliteFileOf(config.databaseUrl);
const started = Date.now();

if (file) {
  // Holding the server lock keeps a server from starting on the file while it is replaced.
  const lock = await holdSqliteServerLock(file).catch((err) => {
    console.error(err instanceof ServerAlreadyRunningError ? `restore refused: ${err.message}` : err);
    process.exit(1);
  });
  try {
    if (fs.existsSync(file) && !force) {
      console.error(`${file} exists: stop the server and add --force to replace it`);
      process.exit(2);
    }
    const probe = openDatabase(`sqlite:${path.resolve(source)}`);
    try {
      const check = await probe.knex.raw('PRAGMA integrity_check');
      if (check[0]?.integrity_check !== 'ok') throw new Error(`${source} is not an intact SQLite database`);
    } finally {
      await probe.close();
    }
    const tmp = `${file}.restoring`;
    fs.copyFileSync(source, tmp);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(tmp, file);
  } finally {
    await lock.release();
  }
} else {
  const db = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0 });
  const tables = await db.knex.raw(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
  await db.close();
  if (tables.rows[0].n > 0 && !force) {
    console.error('the target database is not empty: restore into a new database, or add --force to replace its contents');
    process.exit(2);
  }
  const r = spawnSync(
    'pg_restore',
    ['--no-owner', '--exit-on-error', ...(force ? ['--clean', '--if-exists'] : []), `--dbname=${config.databaseUrl}`, source],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) {
    console.error(`pg_restore failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(1);
  }
}

const db = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0 });
try {
  const chain = await verifyHistory(db.reader);
  const n = Number((await db.knex('cases').count({ n: '*' }).first())?.n ?? 0);
  console.log(
    `restored ${source}: ${n} cases, history chain ${chain.ok ? 'intact' : 'BROKEN'} (anchor ${chain.anchor}), ${Date.now() - started} ms`,
  );
  process.exitCode = chain.ok ? 0 : 1;
} finally {
  await db.close();
}
