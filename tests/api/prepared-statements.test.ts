import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../app/unit-of-work.ts';
import { planOnce } from '../../db/fixed-query.ts';
import { openDatabase } from '../../db/knex.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * Statements kept parsed on a connection (issue 15): on PostgreSQL a statement with parameters that a connection runs a
 * second time outside a transaction goes as a named prepared statement (db/knex.ts prepareRepeated), and the first
 * statement of a transaction, sent with its BEGIN and with numbers for parameters (the case load of a write), as EXECUTE
 * of one (executeForm), so PostgreSQL neither parses nor, once it keeps a generic plan, plans it again. SQLite keeps its own prepared statements per
 * connection (SqliteCachingClient). What must hold on both: the answers are the same, and a schema change under a kept
 * statement (a column added to a table read with `*`, as another process's migration would) costs no request and
 * leaves no connection refusing statements afterwards.
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

type Conn = { __knex__disposed?: unknown };
type Knex = typeof t.db.knex;

/** Runs `fn` with one pooled connection of `k`, taken on purpose (statements outside a transaction, on it). */
async function onOneConnection<T>(k: Knex, fn: (conn: Conn) => Promise<T>): Promise<T> {
  const client = k.client as { acquireConnection(): Promise<Conn>; releaseConnection(c: Conn): Promise<void> };
  const conn = await client.acquireConnection();
  try {
    return await fn(conn);
  } finally {
    await client.releaseConnection(conn);
  }
}

/** The statements PostgreSQL holds prepared for a connection. */
async function preparedOn(k: Knex, conn: Conn): Promise<string[]> {
  const r = await k.raw('select statement from pg_prepared_statements').connection(conn);
  return (r.rows as { statement: string }[]).map((x) => x.statement);
}
const probeRead = /from "ps_probe" where "k" = \$1 limit \$2/;

describe(`statements kept parsed on a connection (${dialect})`, () => {
  it('a read with parameters is prepared the second time a connection runs it — not the first — and answers as before', async () => {
    const read = (k: number, conn: Conn) => t.db.reader('ps_probe').where({ k }).first('k', 'v').connection(conn);
    await onOneConnection(t.db.reader, async (conn) => {
      expect(await read(2, conn)).toEqual({ k: 2, v: '二' });
      if (dialect === 'postgres') expect((await preparedOn(t.db.reader, conn)).filter((s) => probeRead.test(s))).toEqual([]);
      expect(await read(1, conn)).toEqual({ k: 1, v: '一' });
      expect(await read(2, conn)).toEqual({ k: 2, v: '二' });
      if (dialect === 'postgres') expect((await preparedOn(t.db.reader, conn)).filter((s) => probeRead.test(s))).toHaveLength(1);
    });
  });

  it('statements with parameters inside a transaction, after its first message, are not prepared', async () => {
    if (dialect !== 'postgres') return; // nothing is kept on the server side by SQLite
    await t.db.knex.transaction(async (trx) => {
      await trx.raw('select 1'); // the BEGIN goes with this one
      for (let i = 0; i < 4; i++) {
        expect(await trx('ps_probe').where({ v: '一' }).first('k')).toEqual({ k: 1 });
        expect(await trx('ps_probe').where({ k: 2 }).first('v')).toEqual({ v: '二' });
      }
      const r = await trx.raw('select statement from pg_prepared_statements');
      expect(
        (r.rows as { statement: string }[]).filter((x) => /where "v" = \$1|select "v" from "ps_probe" where "k" = \$1/.test(x.statement)),
      ).toEqual([]);
    });
  });

  it("a transaction's first statement, sent with its BEGIN, runs as EXECUTE of a statement prepared the second time", async () => {
    if (dialect !== 'postgres') return;
    // One connection, so that every transaction below runs on it.
    const db = openDatabase(t.dbUrl, { poolMax: 1 });
    try {
      const kept = async () =>
        (
          await db.knex.raw(
            "select name, statement, generic_plans + custom_plans as runs from pg_prepared_statements where name like 'zcx%'",
          )
        ).rows as { name: string; statement: string; runs: string }[];
      const read = (k: number) => db.knex.transaction(async (trx) => trx('ps_probe').where({ k }).first('k', 'v'));
      expect(await read(1)).toEqual({ k: 1, v: '一' });
      expect((await kept()).filter((x) => probeRead.test(x.statement))).toEqual([]);
      expect(await read(2)).toEqual({ k: 2, v: '二' });
      expect(await read(1)).toEqual({ k: 1, v: '一' });
      const probe = (await kept()).filter((x) => probeRead.test(x.statement));
      expect(probe).toHaveLength(1);
      expect(Number(probe[0]?.runs)).toBe(2);
    } finally {
      await db.close();
    }
  });

  it('with DB_PG_PREPARED_PER_CONNECTION=0 nothing is kept prepared', async () => {
    if (dialect !== 'postgres') return; // a PostgreSQL setting
    const db = openDatabase(t.dbUrl, { pgPreparedPerConnection: 0 });
    try {
      await onOneConnection(db.knex, async (conn) => {
        for (let i = 0; i < 4; i++) expect(await db.knex('ps_probe').where({ k: 1 }).first('v').connection(conn)).toEqual({ v: '一' });
        expect(await preparedOn(db.knex, conn)).toEqual([]);
      });
    } finally {
      await db.close();
    }
  });

  it('a column added under a kept statement: the read answers, with the new column, and the connection is then dropped', async () => {
    // The reads on a reader connection (on SQLite the one writer connection is the ALTER's; on PostgreSQL they are one pool).
    const read = (conn: Conn) => t.db.reader('ps_probe').where({ k: 1 }).first().connection(conn);
    await onOneConnection(t.db.reader, async (conn) => {
      await read(conn);
      await read(conn);
      if (dialect === 'postgres') expect((await preparedOn(t.db.reader, conn)).some((s) => /select \* from "ps_probe"/.test(s))).toBe(true);
      // Another connection changes the table (another process's migration).
      await t.db.knex.schema.alterTable('ps_probe', (tb) => tb.string('w').defaultTo('新'));
      expect(await read(conn)).toEqual({ k: 1, v: '一', w: '新' });
      if (dialect === 'postgres') expect(conn.__knex__disposed).toBeTruthy();
    });
    // Every pooled connection answers afterwards.
    for (const row of await Promise.all(Array.from({ length: 24 }, () => t.db.knex('ps_probe').where({ k: 1 }).first())))
      expect(row).toEqual({ k: 1, v: '一', w: '新' });
  });

  it('the case read, kept on every pooled connection, answers through a column added to cases and dropped again', async () => {
    const get = () => t.api(clerk).get(`/api/cases/${caseId}`);
    const all = async (n: number) => {
      for (const r of await Promise.all(Array.from({ length: n }, get))) {
        expect(r.status).toBe(200);
        expect(r.body.id).toBe(caseId);
      }
    };
    for (let round = 0; round < 3; round++) await all(12);
    await t.db.knex.schema.alterTable('cases', (tb) => tb.string('ps_extra'));
    await all(24);
    await t.db.knex.schema.alterTable('cases', (tb) => tb.dropColumn('ps_extra'));
    await all(24);
    await all(24);
  });

  it('writes whose case load is kept on every pooled connection go through a column added to cases and dropped again', async () => {
    // Each ACCEPT reads its case, locked, in the message that begins its transaction (EXECUTE of the kept load once a
    // connection has seen it twice). After the schema changes under it PostgreSQL refuses the kept load: that
    // transaction has done nothing, and the unit of work runs again (app/unit-of-work.ts) — no request fails.
    const register = async (n: number) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        const r = await t.api(clerk).post('/api/cases', application({ applicants: [worker(`受${i}`, 300 + i)] }));
        expect(r.status).toBe(201);
        ids.push(r.body.id);
      }
      return ids;
    };
    const accept = async (ids: number[]) => {
      const answers = await Promise.all(
        ids.map((id) => t.api(clerk).post(`/api/cases/${id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })),
      );
      for (const r of answers) expect(r.status, JSON.stringify(r.body)).toBe(200);
      for (const id of ids) expect((await t.api(clerk).get(`/api/cases/${id}`)).body.state).not.toBe('received');
    };
    const ids = await register(72);
    await accept(ids.slice(0, 24));
    await t.db.knex.schema.alterTable('cases', (tb) => tb.string('ps_extra2'));
    await accept(ids.slice(24, 48));
    await t.db.knex.schema.alterTable('cases', (tb) => tb.dropColumn('ps_extra2'));
    await accept(ids.slice(48));
  });

  it('inside a transaction, a statement asked to keep its plan (planOnce) is prepared the second time, one beside it is not', async () => {
    if (dialect !== 'postgres') return;
    const db = openDatabase(t.dbUrl, { poolMax: 1 });
    try {
      const run = () =>
        db.knex.transaction(async (trx) => {
          await trx.raw('select 1'); // the BEGIN goes with this one
          expect(await planOnce(trx('ps_probe').where({ v: '二' }).first('k'))).toEqual({ k: 2 });
          expect(await trx('ps_probe').where({ v: '一' }).first('k')).toEqual({ k: 1 });
        });
      const kept = async () =>
        ((await db.knex.raw('select statement from pg_prepared_statements')).rows as { statement: string }[]).map((x) => x.statement);
      await run();
      expect((await kept()).filter((x) => /"ps_probe" where "v" = \$1/.test(x))).toEqual([]);
      await run();
      await run();
      const probes = (await kept()).filter((x) => /"ps_probe" where "v" = \$1/.test(x));
      expect(probes).toHaveLength(1);
      expect(probes[0]).toContain('select "k" from "ps_probe" where "v" = $1');
    } finally {
      await db.close();
    }
  });

  it('a column added under a statement kept inside a transaction: the unit of work runs again and answers with it', async () => {
    const db = openDatabase(t.dbUrl, { poolMax: 1 });
    const deps = { db, clock: { now: () => new Date() } } as unknown as Parameters<typeof inTransaction>[0];
    try {
      const read = () =>
        inTransaction(deps, async (uow) => {
          await uow.trx.raw('select 1');
          return planOnce(uow.trx('ps_probe').where({ k: 2 }).first());
        });
      expect(await read()).toMatchObject({ k: 2, v: '二' });
      expect(await read()).toMatchObject({ k: 2, v: '二' });
      await t.db.knex.schema.alterTable('ps_probe', (tb) => tb.string('x2').defaultTo('再'));
      expect(await read()).toMatchObject({ k: 2, v: '二', x2: '再' });
      expect(await read()).toMatchObject({ k: 2, v: '二', x2: '再' });
    } finally {
      await db.close();
    }
  });

  it('registrations, whose inserts are kept prepared, go through columns added to cases and parties and dropped again', async () => {
    const register = async (n: number, from: number) => {
      const answers = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          t.api(clerk).post('/api/cases', application({ applicants: [worker(`登${from + i}`, 600 + from + i)] })),
        ),
      );
      for (const r of answers) expect(r.status, JSON.stringify(r.body)).toBe(201);
      for (const r of answers) expect((await t.api(clerk).get(`/api/cases/${r.body.id}`)).body.respondents).toHaveLength(1);
    };
    await register(12, 0);
    await register(12, 12);
    await t.db.knex.schema.alterTable('cases', (tb) => tb.string('ps_extra3'));
    await t.db.knex.schema.alterTable('parties', (tb) => tb.string('ps_extra4'));
    await register(24, 24);
    await t.db.knex.schema.alterTable('cases', (tb) => tb.dropColumn('ps_extra3'));
    await t.db.knex.schema.alterTable('parties', (tb) => tb.dropColumn('ps_extra4'));
    await register(24, 48);
  });
});
