import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * Statements kept parsed on a connection (issue 15): on PostgreSQL a statement with parameters that a connection runs a
 * second time goes as a named prepared statement (db/knex.ts prepareRepeated), so PostgreSQL neither parses nor, once
 * it keeps a generic plan, plans it again. SQLite keeps its own prepared statements per connection (SqliteCachingClient).
 * What must hold on both: the answers are the same, and a schema change under a kept statement (a column added to a
 * table read with `*`) costs no request outside a transaction and leaves no connection refusing statements afterwards.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
let t: TestApp;
let caseId: number;
let clerk: string;
beforeAll(async () => {
  t = await startTestApp();
  clerk = await t.tokenFor('clerk', 'clerk-ps');
  const r = await t.api(clerk).post('/api/cases', application({ applicants: [worker('二备', 42)] }));
  expect(r.status).toBe(201);
  caseId = r.body.id;
  await t.db.knex.schema.createTable('ps_probe', (tb) => {
    tb.integer('k').primary();
    tb.string('v');
  });
  await t.db.knex('ps_probe').insert([
    { k: 1, v: '一' },
    { k: 2, v: '二' },
  ]);
});
afterAll(async () => t?.close());

/** The statements PostgreSQL holds prepared for the connection `trx` runs on. */
async function preparedOn(trx: typeof t.db.knex): Promise<string[]> {
  const r = await trx.raw('select statement from pg_prepared_statements');
  return (r.rows as { statement: string }[]).map((x) => x.statement);
}

describe(`statements kept parsed on a connection (${dialect})`, () => {
  it('a statement with parameters is prepared the second time a connection runs it, and answers as before', async () => {
    const answers = await t.db.knex.transaction(async (trx) => {
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) out.push(await trx('ps_probe').where({ k: 2 }).first('k', 'v'));
      out.push(await trx('ps_probe').where({ k: 1 }).first('k', 'v'));
      if (dialect === 'postgres') {
        const kept = await preparedOn(trx);
        expect(kept.filter((s) => /from "ps_probe" where "k" = \$1 limit \$2/.test(s))).toHaveLength(1);
      }
      return out;
    });
    expect(answers.map((a) => Number((a as { k: number }).k))).toEqual([2, 2, 2, 1]);
    expect((answers[3] as { v: string }).v).toBe('一');
  });

  it('a statement run once is not prepared (no room taken by one-off texts)', async () => {
    if (dialect !== 'postgres') return; // SQLite: nothing is kept on the server side
    await t.db.knex.transaction(async (trx) => {
      await trx('ps_probe').whereIn('k', [1, 2, 3, 4, 5, 6, 7]).select('k');
      expect((await preparedOn(trx)).filter((s) => s.includes('"k" in ($1, $2, $3, $4, $5, $6, $7)'))).toEqual([]);
    });
  });

  it('a column added under kept statements: every read outside a transaction still answers, with the new column', async () => {
    const read = () => t.db.knex('ps_probe').where({ k: 1 }).first();
    // Kept on every pooled connection: more runs than the pool has connections, concurrently.
    for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 12 }, read));
    await t.db.knex.schema.alterTable('ps_probe', (tb) => tb.string('w').defaultTo('新'));
    const after = await Promise.all(Array.from({ length: 24 }, read));
    for (const row of after) expect(row).toEqual({ k: 1, v: '一', w: '新' });
    // And the case read, which reads `cases.*`: a column added to cases and dropped again.
    const get = () => t.api(clerk).get(`/api/cases/${caseId}`);
    for (let round = 0; round < 3; round++) for (const r of await Promise.all(Array.from({ length: 12 }, get))) expect(r.status).toBe(200);
    await t.db.knex.schema.alterTable('cases', (tb) => tb.string('ps_extra'));
    for (const r of await Promise.all(Array.from({ length: 24 }, get))) expect(r.status).toBe(200);
    await t.db.knex.schema.alterTable('cases', (tb) => tb.dropColumn('ps_extra'));
    for (let round = 0; round < 2; round++)
      for (const r of await Promise.all(Array.from({ length: 24 }, get))) {
        expect(r.status).toBe(200);
        expect(r.body.id).toBe(caseId);
      }
  });

  it('inside a transaction a statement whose result changed fails that transaction only; the connection is then dropped', async () => {
    if (dialect !== 'postgres') return; // SQLite re-prepares a statement itself after a schema change
    const readIn = (trx: typeof t.db.knex) => trx('ps_probe').where({ k: 2 }).first();
    // One pooled connection, taken on purpose: the statement is kept on it by a first transaction.
    const client = t.db.knex.client as { acquireConnection(): Promise<unknown>; releaseConnection(c: unknown): Promise<void> };
    const conn = (await client.acquireConnection()) as { __knex__disposed?: unknown };
    try {
      await t.db.knex.transaction(
        async (trx) => {
          for (let i = 0; i < 3; i++) await readIn(trx);
        },
        { connection: conn },
      );
      await t.db.knex.schema.alterTable('ps_probe', (tb) => tb.integer('x').defaultTo(7));
      let failure: unknown;
      try {
        await t.db.knex.transaction(
          async (trx) => {
            await readIn(trx); // sent with BEGIN, unprepared (db/write-later.ts inlineNumbered)
            await readIn(trx); // the kept statement
          },
          { connection: conn },
        );
      } catch (err) {
        failure = err;
      }
      expect((failure as { code?: string })?.code).toBe('0A000');
      expect(conn.__knex__disposed).toBeTruthy();
    } finally {
      await client.releaseConnection(conn);
    }
    // Afterwards every pooled connection answers, the new column included.
    const rows = await Promise.all(Array.from({ length: 24 }, () => readIn(t.db.knex)));
    for (const row of rows) expect(row).toMatchObject({ k: 2, v: '二', x: 7 });
    await t.db.knex.transaction(async (trx) => {
      for (let i = 0; i < 3; i++) expect(await readIn(trx)).toMatchObject({ k: 2, x: 7 });
    });
  });
});
