import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTogether } from '../../db/batch.ts';
import { type Database, openDatabase } from '../../db/knex.ts';

// The SQLite connections keep their prepared statements (db/knex.ts SqliteCachingClient) and a write's independent
// statements are handed to the driver together (db/batch.ts runTogether): neither may change what a query answers.
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

  it('runTogether: when one statement fails, the others finish before the rollback, and none of them commits', async () => {
    await db.knex('t').insert({ name: 'taken' });
    let chainDone = false;
    let chainDoneWhenFailed: boolean | null = null;
    await expect(
      db.knex.transaction(async (trx) => {
        try {
          await runTogether(
            trx,
            () => trx('t').insert({ name: 'taken' }),
            () => trx('t').insert({ name: 'p' }),
            async () => {
              for (const name of ['q', 'r', 's', 't']) await trx('t').insert({ name });
              chainDone = true;
            },
          );
        } catch (err) {
          // The ROLLBACK that follows must not overtake a statement still queued.
          chainDoneWhenFailed = chainDone;
          throw err;
        }
      }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect(chainDoneWhenFailed).toBe(true);
    expect(await db.knex('t').orderBy('id').pluck('name')).toEqual(['taken']);
    await runTogether(
      db.knex,
      () => db.knex('t').insert({ name: 'p' }),
      () => db.knex('t').insert({ name: 'q' }),
    );
    expect(await db.knex('t').orderBy('name').pluck('name')).toEqual(['p', 'q', 'taken']);
  });
});
