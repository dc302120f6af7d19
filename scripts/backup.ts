/**
 * `npm run backup -- <file>` — a consistent copy of the database named by DATABASE_URL, taken while the server runs:
 * SQLite `VACUUM INTO` (one read transaction: every write committed before it started is in the copy), PostgreSQL
 * `pg_dump -Fc` (one snapshot). Written to `<file>.partial` and renamed when complete, then checked (SQLite: integrity
 * check and the history chain). Never copy a live SQLite file with cp: the last writes may still be in the -wal file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../app/config.ts';
import { verifyHistory } from '../db/history-chain.ts';
import { openDatabase, sqliteFileOf } from '../db/knex.ts';

const target = process.argv[2];
if (!target) {
  console.error('usage: npm run backup -- <file>');
  process.exit(2);
}
const out = path.resolve(target);
if (fs.existsSync(out)) {
  console.error(`${out} exists already: choose a new file name`);
  process.exit(2);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
const partial = `${out}.partial`;
fs.rmSync(partial, { force: true });
const config = loadConfig();
const started = Date.now();

if (sqliteFileOf(config.databaseUrl)) {
  const db = openDatabase(config.databaseUrl, { ...config.database, statementTimeoutMs: 0 });
  try {
    await db.knex.raw('VACUUM INTO ?', [partial]);
  } finally {
    await db.close();
  }
  fs.renameSync(partial, out);
  const copy = openDatabase(`sqlite:${out}`);
  try {
    const check = await copy.knex.raw('PRAGMA integrity_check');
    if (check[0]?.integrity_check !== 'ok') throw new Error(`integrity check of the backup failed: ${JSON.stringify(check)}`);
    const chain = await verifyHistory(copy.reader);
    const n = Number((await copy.knex('cases').count({ n: '*' }).first())?.n ?? 0);
    console.log(
      `backup ${out}: ${fs.statSync(out).size} bytes, ${n} cases, history chain ${chain.ok ? 'intact' : 'BROKEN'} (anchor ${chain.anchor}), ${Date.now() - started} ms`,
    );
  } finally {
    await copy.close();
  }
} else {
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${config.databaseUrl}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    fs.rmSync(partial, { force: true });
    console.error(
      `pg_dump failed (${r.error?.message ?? `exit ${r.status}`}); is the PostgreSQL client (pg_dump) installed and as new as the server?`,
    );
    process.exit(1);
  }
  fs.renameSync(partial, out);
  console.log(`backup ${out}: ${fs.statSync(out).size} bytes (pg_dump custom format), ${Date.now() - started} ms`);
}
