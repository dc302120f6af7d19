import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, inlineLimits, openDatabase } from '../../db/knex.ts';

// The SQLite connections keep their prepared statements (db/knex.ts SqliteCachingClient): that may not change what a
// query answers, nor leave a connection holding a snapshot or a write lock.
describe('SQLite prepared statements kept per connection', () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-stmts-'));
    db = openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`);
    await db.knex.schema.createTable('t', (t) => {
      t.increments('id');
      t.string('name').notNullable().unique();
      t.integer('n').notNullable().defaultTo(0);
    });
  });
  afterEach(async () => {
    await db.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a reader whose statement is kept still sees every write committed after it (no snapshot left open)', async () => {
    const count = async () => Number((await db.reader('t').count({ c: '*' }))[0]?.c);
    expect(await count()).toBe(0);
    for (let i = 1; i <= 3; i++) {
      await db.knex('t').insert({ name: `a${i}` });
      expect(await count()).toBe(i);
      expect(
        (
          await db
            .reader('t')
            .where({ name: `a${i}` })
            .first()
        )?.name,
      ).toBe(`a${i}`);
    }
  });

  it('answers ids, changed-row counts and returned rows as before, statement after statement', async () => {
    const [first] = await db.knex('t').insert({ name: 'x' });
    const [second] = await db.knex('t').insert({ name: 'y' });
    expect(second).toBe(Number(first) + 1);
    expect(await db.knex('t').where({ name: 'x' }).update({ n: 5 })).toBe(1);
    expect(await db.knex('t').update({ n: 7 })).toBe(2);
    expect(await db.knex('t').where({ name: 'nobody' }).update({ n: 1 })).toBe(0);
    expect(await db.knex('t').insert({ name: 'z' }).returning(['id', 'name'])).toEqual([{ id: Number(second) + 1, name: 'z' }]);
    expect(await db.knex('t').where({ name: 'z' }).del()).toBe(1);
  });

  it('a statement that failed (constraint, bad SQL) leaves the connection and the kept statement usable', async () => {
    await db.knex('t').insert({ name: 'dup' });
    await expect(db.knex('t').insert({ name: 'dup' })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    await db.knex('t').insert({ name: 'dup2' }); // the same SQL text as the failed insert
    await expect(db.knex.raw('select nonsense from t')).rejects.toThrow(/no such column/);
    await expect(db.knex.raw('select nonsense from t')).rejects.toThrow(/no such column/);
    expect(await db.knex('t').pluck('name')).toEqual(['dup', 'dup2']);
  });

  it('more distinct statements than are kept: the oldest are finalized, and the database closes cleanly', async () => {
    for (let i = 0; i < 260; i++) await db.knex.raw(`select ${i} as v from t where id > ?`, [i]);
    for (let i = 0; i < 260; i++) await db.reader.raw(`select ${i} as v where 1 = ?`, [1]);
    expect((await db.knex.raw('select 259 as v where 1 = ?', [1]))[0]).toEqual({ v: 259 });
    const writer = await db.knex.client.acquireConnection();
    await db.knex.client.releaseConnection(writer);
    const reader = await db.reader.client.acquireConnection();
    await db.reader.client.releaseConnection(reader);
    expect([writer.open, reader.open]).toEqual([true, true]);
    await db.close();
    // sqlite3_close refuses (SQLITE_BUSY, the connection stays open) while a statement of it is not finalized.
    expect([writer.open, reader.open]).toEqual([false, false]);
  });

  it('a statement that met another process’s write lock (SQLITE_BUSY) leaves nothing open: later writes commit', async () => {
    await db.close();
    db = openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`, { busyTimeoutMs: 50 });
    await db.knex('t').insert({ name: 'warm' });
    await db.knex.transaction(async (trx) => trx('t').insert({ name: 'warm2' }));
    const other = await rawConnection(path.join(dir, 'db.sqlite'));
    const names = () => rawAll(other, 'select name from t order by id').then((rows) => rows.map((r) => r.name));
    // An autocommit write, then a transaction's BEGIN IMMEDIATE, each meet the other process's write lock.
    await rawExec(other, 'PRAGMA busy_timeout = 0; BEGIN IMMEDIATE;');
    await expect(db.knex('t').insert({ name: 'busy' })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await expect(db.knex.transaction(async (trx) => trx('t').insert({ name: 'busy2' }))).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await rawExec(other, 'ROLLBACK;');
    // The same statements again: they commit, and the other process can write after them.
    await db.knex('t').insert({ name: 'a' });
    await db.knex.transaction(async (trx) => trx('t').insert({ name: 'b' }));
    expect(await names()).toEqual(['warm', 'warm2', 'a', 'b']);
    await rawExec(other, "BEGIN IMMEDIATE; INSERT INTO t (name) VALUES ('other'); COMMIT;");
    expect(await db.reader('t').orderBy('id').pluck('name')).toEqual(['warm', 'warm2', 'a', 'b', 'other']);
    await new Promise<void>((res) => other.close(() => res()));
  });
});

interface RawConnection {
  exec(sql: string, cb: (err: Error | null) => void): void;
  all(sql: string, cb: (err: Error | null, rows: { name: string }[]) => void): void;
  close(cb: () => void): void;
}
const sqlite3 = createRequire(import.meta.url)('sqlite3') as {
  Database: new (f: string, cb: (err: Error | null) => void) => RawConnection;
};
const rawConnection = (file: string) =>
  new Promise<RawConnection>((resolve, reject) => {
    const c = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(c)));
  });
const rawExec = (c: RawConnection, sql: string) => new Promise<void>((res, rej) => c.exec(sql, (err) => (err ? rej(err) : res())));
const rawAll = (c: RawConnection, sql: string) =>
  new Promise<{ name: string }[]>((res, rej) => c.all(sql, (err, rows) => (err ? rej(err) : res(rows))));

// SQLite (3.47 and later) re-plans a kept statement whenever a bound LIMIT is bound again: the count goes into the text.
describe('a bound LIMIT', () => {
  let dir: string;
  let db: Database;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-limits-'));
    db = openDatabase(`sqlite:${path.join(dir, 'db.sqlite')}`);
    await db.knex.schema.createTable('t', (t) => {
      t.increments('id');
      t.string('name').notNullable();
      t.integer('n').notNullable();
    });
    for (let i = 1; i <= 30; i++) await db.knex('t').insert({ name: `n${String(i).padStart(2, '0')}`, n: i % 3 });
  });
  afterEach(async () => {
    await db.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers as before: first(), a page with its offset, a LIMIT in a subquery, a literal holding a "?", several counts', async () => {
    expect((await db.reader('t').where({ n: 1 }).orderBy('id').first())?.name).toBe('n01');
    const page = await db.reader('t').orderBy('id').limit(5).offset(10);
    expect(page.map((r) => r.name)).toEqual(['n11', 'n12', 'n13', 'n14', 'n15']);
    const sub = await db
      .reader('t')
      .whereIn('id', db.reader('t').select('id').where('name', '<>', 'a?b').orderBy('id', 'desc').limit(2))
      .orderBy('id');
    expect(sub.map((r) => r.name)).toEqual(['n29', 'n30']);
    for (const size of [1, 2, 3, 1, 2]) expect(await db.reader('t').orderBy('id').limit(size)).toHaveLength(size);
    await db.knex.transaction(async (trx) => {
      expect((await trx('t').where({ n: 2 }).orderBy('id', 'desc').first())?.name).toBe('n29');
    });
  });

  it('is written into the text, its binding dropped; OFFSETs and other placeholders stay bound', () => {
    expect(inlineLimits('select * from `t` where `id` = ? limit ?', [7, 1])).toEqual({
      sql: 'select * from `t` where `id` = ? limit 1',
      bindings: [7],
    });
    expect(inlineLimits('select * from `t` order by `id` asc limit ? offset ?', [20, 40])).toEqual({
      sql: 'select * from `t` order by `id` asc limit 20 offset ?',
      bindings: [40],
    });
    expect(
      inlineLimits("select (select x from u where u.a = ? and u.b <> 'is it? limit ?' limit ?) as v from t where c = ? LIMIT ?", [
        'a',
        3,
        'c',
        9,
      ]),
    ).toEqual({
      sql: "select (select x from u where u.a = ? and u.b <> 'is it? limit ?' limit 3) as v from t where c = ? LIMIT 9",
      bindings: ['a', 'c'],
    });
  });

  it('stays bound when its count is not one of the few written in (small, round page sizes); nothing changes without one', () => {
    expect(inlineLimits('select * from t where id = ?', [1])).toBeNull();
    expect(inlineLimits('select * from t limit 5', [])).toBeNull();
    expect(inlineLimits('select * from t limit ?', ['1; drop table t'])).toBeNull();
    expect(inlineLimits('select * from t limit ?', [-1])).toBeNull();
    expect(inlineLimits('select * from t limit ?', [1.5])).toBeNull();
    expect(inlineLimits('select * from t limit ?', [1e9])).toBeNull();
    // Only a few counts per query (small ones, round page sizes): others stay bound, the kept statements few.
    expect(inlineLimits('select * from t limit ?', [37])).toBeNull();
    expect(inlineLimits('select * from t limit ?', [210])).toBeNull();
    expect(inlineLimits('select * from t limit ?', [200])?.sql).toBe('select * from t limit 200');
    expect(inlineLimits('select * from t limit ?', [25])?.sql).toBe('select * from t limit 25');
    // A comment could hide a quote: the text is left as it is.
    expect(inlineLimits("select * from t -- don't\n where a = ? limit ?", [1, 2])).toBeNull();
  });
});
