import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedRows } from '../../db/fixed-query.ts';
import { type Database, migrateLatest } from '../../db/knex.ts';
import { freshDatabase } from '../helpers/db.ts';

/**
 * Reads built once and run as text (db/fixed-query.ts): the rows are the builder's own, for every set of parameters,
 * on both databases; a statement that does not use each parameter exactly once is built every time instead.
 */
let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshDatabase());
  await migrateLatest(db);
  await db.knex.schema.createTable('fq_probe', (t) => {
    t.increments('id');
    t.string('tag').notNullable();
    t.integer('n').notNullable();
    t.string('note');
  });
  await db.knex('fq_probe').insert([
    { tag: 'a', n: 1, note: 'x' },
    { tag: 'b', n: 2, note: null },
    { tag: "it's", n: 3, note: 'y' },
    { tag: 'a', n: 4, note: null },
  ]);
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

const byTag = (k: Knex, tag: string, above: number) =>
  k('fq_probe').where('tag', tag).where('n', '>', above).orderBy('id').select('tag', 'n');

describe('fixedRows', () => {
  it('answers what the query builder answers, call after call with other parameters', async () => {
    for (const [tag, above] of [
      ['a', 0],
      ['a', 1],
      ["it's", 0],
      ['b', 5],
      ['none', 0],
    ] as const) {
      const built = await byTag(db.knex, tag, above);
      const fixed = await fixedRows(db.knex, 'fq-by-tag', byTag, [tag, above]);
      expect(fixed.map((r) => ({ tag: r.tag, n: Number(r.n) }))).toEqual(built.map((r) => ({ tag: r.tag, n: Number(r.n) })));
    }
  });

  it('builds a call with a null value with that value (where col = null is IS NULL)', async () => {
    const byNote = (k: Knex, note: string | null) => k('fq_probe').where('note', note).orderBy('id').select('n');
    const ns = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.n));
    expect(ns(await fixedRows(db.knex, 'fq-null', byNote, ['x']))).toEqual([1]);
    expect(ns(await fixedRows(db.knex, 'fq-null', byNote, [null]))).toEqual([2, 4]);
    expect(ns(await fixedRows(db.knex, 'fq-null', byNote, ['y']))).toEqual([3]);
  });

  it('builds a statement that uses a parameter twice with the real values every time', async () => {
    const twice = (k: Knex, n: number) => k('fq_probe').where('n', '>=', n).orWhere('id', n).orderBy('id').select('n');
    const first = await fixedRows(db.knex, 'fq-twice', twice, [3]);
    const second = await fixedRows(db.knex, 'fq-twice', twice, [2]);
    expect(first.map((r) => Number(r.n))).toEqual([3, 4]);
    expect(second.map((r) => Number(r.n))).toEqual([2, 3, 4]);
    // `.first()` answers one row or none; fixedRows answers a list either way, built once or every time.
    const one = (k: Knex, n: number) => k('fq_probe').where('n', n).first('n');
    const oneTwice = (k: Knex, n: number) => k('fq_probe').where('n', n).orWhere('n', n).first('n');
    for (const [name, build] of [
      ['fq-first', one],
      ['fq-first-twice', oneTwice],
    ] as const) {
      expect((await fixedRows(db.knex, name, build, [2])).map((r) => Number(r.n))).toEqual([2]);
      expect(await fixedRows(db.knex, name, build, [9])).toEqual([]);
    }
  });
});
