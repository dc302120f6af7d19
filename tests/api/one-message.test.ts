import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../app/deps.ts';
import { inTransaction } from '../../app/unit-of-work.ts';
import { verifyHistory } from '../../db/history-chain.ts';
import { openDatabase } from '../../db/knex.ts';
import { QueuedStatement, queueStatement, writeLater } from '../../db/write-later.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * Fewer round trips on PostgreSQL (issue 15): a transaction's BEGIN waits for its first statement, and the writes queued
 * before a statement whose parameters are numbers only go in one message with it (db/knex.ts, db/write-later.ts
 * inlineNumbered) — an event's lock and read of the case are one trip with BEGIN. What a transaction keeps, what a
 * failure undoes and what the lock holds are what they were; they are checked on both databases, the messages on
 * PostgreSQL.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
/** node-pg (untyped here), whose client every PostgreSQL query of the process goes through. */
const pg = createRequire(import.meta.url)('pg') as { Client: { prototype: unknown } };
let t: TestApp;
let deps: Deps;
let caseId: number;
beforeAll(async () => {
  t = await startTestApp();
  deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
  const clerk = await t.tokenFor('clerk', 'clerk-om');
  const r = await t.api(clerk).post('/api/cases', application({ applicants: [worker('一讯', 41)] }));
  expect(r.status).toBe(201);
  caseId = r.body.id;
  await t.db.knex.schema.createTable('om_probe', (tb) => {
    tb.integer('k').primary();
  });
});
afterAll(async () => t?.close());

/**
 * The text of every message node-pg sends while `fn` runs (PostgreSQL only; empty on SQLite) — apart from the PREPARE
 * a connection sends once for a transaction's first statement it sees the second time (db/knex.ts executeForm), which
 * comes in `prepared`: once a connection has it, that statement goes in the BEGIN message as EXECUTE (`firstRead`).
 */
async function messages(fn: () => Promise<unknown>): Promise<{ sent: string[]; prepared: string[]; error: unknown }> {
  const sent: string[] = [];
  const prepared: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text: string };
    const text = typeof q === 'string' ? q : q.text;
    // A script that prepares a queued write's statement before executing it (db/knex.ts scriptText) is a message of its own.
    (/^PREPARE zcx/.test(text) && !/;\nEXECUTE zcx/.test(text) ? prepared : sent).push(text);
    return original.apply(this, a);
  };
  try {
    await fn();
    return { sent, prepared, error: undefined };
  } catch (error) {
    return { sent, prepared, error };
  } finally {
    proto.query = original;
  }
}

/** A write transaction's BEGIN, with the plan mode of its prepared statements (db/knex.ts `PG_BEGIN`). */
const BEGIN = 'BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;';

/** A transaction's first statement in its BEGIN message: with its literals, or as EXECUTE of the connection's kept one. */
const firstRead = (literal: string) => `(?:${literal}|EXECUTE zcx\\d+_[0-9a-f]{40}\\('[^)]*'\\))`;

const probeKeys = async () => (await t.db.knex('om_probe').orderBy('k').pluck('k')).map(Number);

describe(`one message for a transaction's first statements (${dialect})`, () => {
  it('BEGIN, a queued write and a read by number go in one message; the read answers its rows and the write is kept', async () => {
    let read: unknown;
    const { sent, error } = await messages(() =>
      t.db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('om_probe').insert({ k: 1 }));
        read = await trx('cases').where({ id: caseId }).first('id', 'version');
      }),
    );
    expect(error).toBeUndefined();
    expect(read).toEqual({ id: caseId, version: 1 });
    expect(await probeKeys()).toEqual([1]);
    if (dialect === 'postgres') {
      expect(sent).toHaveLength(2); // the message, then COMMIT
      expect(sent[0]).toMatch(
        new RegExp(
          `^${BEGIN}\\n.*insert into "om_probe".*;\\n${firstRead(`select "id", "version" from "cases" where "id" = '\\d+' limit '1'`)}$`,
          's',
        ),
      );
      expect(sent[1]).toMatch(/^COMMIT/);
    }
  });

  it('a queued write that fails in that message fails the read and the transaction: nothing of it is kept', async () => {
    const { error } = await messages(() =>
      t.db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('om_probe').insert({ k: 2 }));
        await writeLater(trx, trx('om_probe').insert({ k: 1 })); // already there
        await trx('cases').where({ id: caseId }).first('id');
      }),
    );
    expect(String(error)).toMatch(/unique|duplicate/i);
    expect(await probeKeys()).toEqual([1]);
    // The pooled connection is clean for whoever takes it next.
    await t.db.knex.transaction(async (trx) => {
      await writeLater(trx, trx('om_probe').insert({ k: 3 }));
    });
    expect(await probeKeys()).toEqual([1, 3]);
  });

  it('a caller that catches the failure of a queued write cannot commit the rest: the COMMIT answers that failure, and nothing is kept', async () => {
    const { error } = await messages(() =>
      t.db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('om_probe').insert({ k: 6 }));
        await writeLater(trx, trx('om_probe').insert({ k: 1 })); // already there
        await trx('cases')
          .where({ id: caseId })
          .first('id')
          .catch(() => undefined);
      }),
    );
    // The write's own error, not a COMMIT that PostgreSQL answered with ROLLBACK.
    expect(String(error)).toMatch(/unique|duplicate/i);
    expect(await probeKeys()).not.toContain(6);
  });

  it('a statement with text parameters is not written into the message: the queue goes before it, on its own', async () => {
    const { sent, error } = await messages(() =>
      t.db.knex.transaction(async (trx) => {
        await writeLater(trx, trx('om_probe').insert({ k: 4 }));
        await trx('parties').where({ id_number: '371502199001011234' }).first('id');
      }),
    );
    expect(error).toBeUndefined();
    expect(await probeKeys()).toEqual([1, 3, 4]);
    if (dialect === 'postgres') {
      expect(sent).toHaveLength(3);
      expect(sent[1]).toMatch(/where "id_number" = \$1/);
      expect(sent.join('\n')).not.toContain('371502199001011234');
    }
  });

  it('a transaction that ends before anything was sent sends nothing, committed or rolled back', async () => {
    const committed = await messages(() => t.db.knex.transaction(async () => undefined));
    const rolledBack = await messages(() =>
      t.db.knex.transaction(async () => {
        throw new Error('changed my mind');
      }),
    );
    expect(committed.error).toBeUndefined();
    expect(String(rolledBack.error)).toMatch(/changed my mind/);
    if (dialect === 'postgres') {
      expect(committed.sent).toEqual([]);
      expect(rolledBack.sent).toEqual([]);
    }
  });

  it('an ACCEPT is three messages on PostgreSQL: session; BEGIN, lock and read; the writes, the serial, the history entry, the versioned UPDATE with the number and COMMIT', async () => {
    const clerk = await t.tokenFor('clerk', 'clerk-om');
    const applicant = worker('二讯', 42);
    const { idNumber } = applicant;
    let created: { status: number; body: { id: number } } | undefined;
    const registration = await messages(async () => {
      created = await t.api(clerk).post('/api/cases', application({ applicants: [applicant] }));
    });
    expect(created?.status).toBe(201);
    const id = created?.body.id as number;
    let accepted: { status: number; body: { caseNo?: string; version?: number } } | undefined;
    const { sent, prepared, error } = await messages(async () => {
      accepted = await t.api(clerk).post(`/api/cases/${id}/events`).send({ type: 'ACCEPT', occurredOn: '2026-03-03' });
    });
    expect(error).toBeUndefined();
    expect(accepted?.status).toBe(200);
    expect(accepted?.body.caseNo).toMatch(/〔2026〕第\d+号/);
    const stored = await t.db.knex('cases').where({ id }).first('case_no', 'version', 'state');
    expect(stored).toMatchObject({ case_no: accepted?.body.caseNo, version: 2, state: 'accepted' });
    const entry = await t.db.knex('case_events').where({ case_id: id, type: 'ACCEPT' }).first('after');
    expect(JSON.parse(entry.after)).toMatchObject({ state: 'accepted', caseNo: accepted?.body.caseNo });
    // Found by its new number and by the applicant's name.
    for (const q of [accepted?.body.caseNo as string, applicant.name]) {
      const found = await t.api(clerk).get(`/api/cases?q=${encodeURIComponent(q)}`);
      expect(
        found.body.items.map((c: { id: number }) => c.id),
        q,
      ).toContain(id);
    }
    if (dialect === 'postgres') {
      expect(sent).toHaveLength(3);
      expect(sent[1]).toMatch(
        new RegExp(
          `^${BEGIN}\\n(?:SELECT "id" FROM "cases" WHERE "id" = '\\d+' LIMIT 1 FOR NO KEY UPDATE|(?:PREPARE zcx\\d+_[0-9a-f]{40} AS SELECT "id" FROM "cases" WHERE "id" = \\$1 LIMIT 1 FOR NO KEY UPDATE;\\n)?EXECUTE zcx\\d+_[0-9a-f]{40}\\('\\d+'\\));\\n${firstRead('select "cases"\\.\\*')}`,
          's',
        ),
      );
      // The year's serial is taken in the last message, with COMMIT: its counter row is locked for that message only.
      // The case's one UPDATE (nothing in it a party wrote: state, snapshot, dates) follows, with the number and the
      // search text's number written in place — one row version.
      expect(sent[2]).toMatch(
        /INSERT INTO case_number_counters .*set_config\('zc\.serial'.*INSERT INTO "case_events" .*UPDATE "cases" SET "state" = E'accepted'.*"case_no" = replace\(.*"search_text" = .*COMMIT;?$/s,
      );
      expect(String(sent[2]).match(/UPDATE "cases"/g)).toHaveLength(1);
      // The parties' names stay where they were stored: the message with literals, which PostgreSQL logs whole when it
      // fails, holds none (outside reliability tester).
      expect(sent.slice(1).join('\n')).not.toContain(applicant.name);
      const search = await t.db.knex('cases').where({ id }).first('search_text');
      expect(search.search_text).not.toContain('\uE000');
      expect(search.search_text).toContain(accepted?.body.caseNo);
      // A registration is six: the session; BEGIN with the reference versions (numbers only); the duplicate check; the
      // case, its parties and its claims in one statement (bound: what the parties gave; db/stores/cases.ts
      // insertTreePg); the history entry (bound); the deadlines, the statistics and COMMIT.
      expect(registration.sent).toHaveLength(6);
      expect(registration.sent[3]).toMatch(
        /^WITH c AS \(INSERT INTO "cases" .*\$1,.*p AS \(INSERT INTO "parties" .*INSERT INTO "claims" /s,
      );
      expect(registration.sent[1]).toMatch(
        new RegExp(`^${BEGIN}\\n${firstRead("select coalesce\\(max\\(case when name = 'calendar'")}`, 's'),
      );
      // A statement kept for EXECUTE is prepared with its parameters, never a value.
      for (const text of [...registration.prepared, ...prepared]) {
        expect(text).toMatch(/^PREPARE zcx\d+_[0-9a-f]{40} AS /);
        expect(text).not.toContain(idNumber);
      }
      expect(registration.sent[4]).toMatch(/^insert into "case_events" .*\$1/s);
      expect(registration.sent[5]).toMatch(/^(?:INSERT INTO "case_deadlines"|PREPARE zcx|EXECUTE zcx).*COMMIT;?$/s);
      // The registration's entry holds the applicant's identity number: it stays bound, never in a message's text.
      expect(registration.sent.some((m) => /^insert into "case_events" .*\$1/s.test(m))).toBe(true);
      expect(registration.sent.join('\n')).not.toContain(idNumber);
      expect(await t.db.knex('parties').where({ case_id: id, id_number: idNumber }).first('id')).toBeTruthy();
    }
  });

  it('what the parties wrote into the procedure (a defence summary) never goes into the text of a message', async () => {
    const clerk = await t.tokenFor('clerk', 'clerk-om');
    const phone = '13912345678';
    const created = await t.api(clerk).post('/api/cases', application({ applicants: [worker('三讯', 43)] }));
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const { sent, error } = await messages(async () => {
      for (const [type, occurredOn, payload] of [
        ['ACCEPT', '2026-03-03', {}],
        ['FILE_DEFENSE', '2026-03-10', { summary: `被申请人不同意全部请求，联系电话${phone}。` }],
        [
          'SERVE',
          '2026-03-11',
          { document: 'acceptance_notice', partyId: created.body.applicants[0].id, method: 'post', servedOn: '2026-03-11' },
        ],
      ] as const) {
        const r = await t
          .api(clerk)
          .post(`/api/cases/${id}/events`)
          .send({ type, occurredOn, ...payload });
        expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
      }
    });
    expect(error).toBeUndefined();
    const snapshot = await t.db.knex('cases').where({ id }).first('snapshot');
    expect(String(snapshot.snapshot)).toContain(phone); // stored, as given
    expect(sent.join('\n')).not.toContain(phone);
  });

  it('an event’s lock and read of the case are one message with BEGIN, and the row stays locked until COMMIT', async () => {
    const other = openDatabase(t.dbUrl);
    try {
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let loaded: unknown;
      let lockedMeanwhile: unknown;
      const { sent, error } = await messages(() =>
        t.db.knex.transaction(async (trx) => {
          loaded = await deps.stores.cases.loadAggregate(trx, caseId, { history: true, forUpdate: true });
          if (dialect === 'postgres') {
            // Another connection finds the row locked.
            lockedMeanwhile = await other.knex
              .transaction(async (o) => o.raw('select id from cases where id = ? for update nowait', [caseId]))
              .then(
                () => 'not locked',
                (e: { code?: string }) => e.code,
              );
          }
          release();
          await held;
        }),
      );
      expect(error).toBeUndefined();
      expect((loaded as { record: { id: number; version: number } }).record).toMatchObject({ id: caseId, version: 1 });
      if (dialect === 'postgres') {
        expect(lockedMeanwhile).toBe('55P03'); // lock_not_available
        // The other connection's messages aside (knex asks a new connection its server's version; the pool raises its
        // synchronous_commit; the lock attempt; its rollback).
        const own = sent.filter((s) => !/nowait|^ROLLBACK|^select version\(\)|^select set_config\('synchronous_commit'/.test(s));
        // The lock with its literals, or — the connection having seen it before — as EXECUTE of the statement it
        // prepared (db/knex.ts scriptText), in the script itself the second time.
        expect(own[0]).toMatch(
          /^BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;\n(?:SELECT "id" FROM "cases" WHERE "id" = '\d+' LIMIT 1 FOR NO KEY UPDATE|(?:PREPARE zcx\d+_[0-9a-f]{40} AS SELECT "id" FROM "cases" WHERE "id" = \$1 LIMIT 1 FOR NO KEY UPDATE;\n)?EXECUTE zcx\d+_[0-9a-f]{40}\('\d+'\));\nselect "cases"\.\*/s,
        );
        expect(own).toHaveLength(2); // that message, then COMMIT
      }
    } finally {
      await other.close();
    }
  });
  it('an ACCEPT takes its serial with COMMIT: the answer, the case row, the history entry and its hash all hold that number; concurrent acceptances take consecutive serials', async () => {
    const clerk = await t.tokenFor('clerk', 'clerk-om');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.api(clerk).post('/api/cases', application({ applicants: [worker(`四讯${i}`, 44 + i)] }));
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    // Half of them with an Idempotency-Key: the answer stored in the transaction holds the number too.
    const rs = await Promise.all(
      ids.map((id, i) => {
        const q = t.api(clerk).post(`/api/cases/${id}/events`);
        if (i % 2) q.set('Idempotency-Key', `om-accept-${id}`);
        return q.send({ type: 'ACCEPT', occurredOn: '2026-03-03' });
      }),
    );
    for (const r of rs) expect(r.status, JSON.stringify(r.body)).toBe(200);
    const serials = rs.map((r) => Number(/〔2026〕第(\d+)号$/.exec(r.body.caseNo)?.[1])).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => (serials[0] as number) + i));
    for (const [i, id] of ids.entries()) {
      const caseNo = rs[i]?.body.caseNo as string;
      const row = await t.db.knex('cases').where({ id }).first('case_no', 'case_serial', 'case_year', 'search_text');
      expect(row).toMatchObject({ case_no: caseNo, case_year: 2026 });
      expect(Number(row.case_serial)).toBe(Number(/第(\d+)号/.exec(caseNo)?.[1]));
      expect(String(row.search_text).startsWith(`${caseNo}\u0001`)).toBe(true);
      expect(String(row.search_text)).not.toContain('\uE000');
      const entry = await t.db.knex('case_events').where({ case_id: id, type: 'ACCEPT' }).first('after');
      expect(JSON.parse(entry.after).caseNo).toBe(caseNo);
      // What the case shows is what the acceptance answered.
      expect((await t.api(clerk).get(`/api/cases/${id}`)).body.caseNo).toBe(caseNo);
    }
    // Each entry's hash, computed by PostgreSQL over the numbered text, is the one the verifier computes.
    const report = await verifyHistory(t.db.knex);
    expect(report.broken).toEqual([]);
    expect(report.ok).toBe(true);
    // A replay answers the stored answer: the same number.
    const replayed = await t
      .api(clerk)
      .post(`/api/cases/${ids[1]}/events`)
      .set('Idempotency-Key', `om-accept-${ids[1]}`)
      .send({ type: 'ACCEPT', occurredOn: '2026-03-03' });
    expect(replayed.status).toBe(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.caseNo).toBe(rs[1]?.body.caseNo);
  });

  it('an ACCEPT whose text already holds the private-use character that marks the serial takes its number first, and is numbered right', async () => {
    const clerk = await t.tokenFor('clerk', 'clerk-om');
    const created = await t.api(clerk).post('/api/cases', application({ applicants: [{ ...worker('五讯', 50), name: '五\uE000讯' }] }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    const { sent, error } = await messages(() =>
      t.api(clerk).post(`/api/cases/${id}/events`).send({ type: 'ACCEPT', occurredOn: '2026-03-03' }),
    );
    expect(error).toBeUndefined();
    const row = await t.db.knex('cases').where({ id }).first('case_no', 'case_serial', 'search_text');
    expect(row.case_no).toMatch(/〔2026〕第\d+号$/);
    expect(String(row.search_text)).toBe(`${row.case_no}\u0001五\uE000讯\u0001${String(row.search_text).split('\u0001')[2]}`);
    expect((await t.api(clerk).get(`/api/cases/${id}`)).body.caseNo).toBe(row.case_no);
    expect((await verifyHistory(t.db.knex)).ok).toBe(true);
    // The serial went on a trip of its own, answered before the history entry.
    if (dialect === 'postgres') expect(sent.some((m) => /INSERT INTO case_number_counters .*RETURNING last_serial$/s.test(m))).toBe(true);
  });
});

/**
 * PostgreSQL: a queued write with a template (db/write-later.ts QueuedStatement) goes as EXECUTE of a statement the
 * connection prepared in the script itself the second time it saw the template (db/knex.ts scriptText): PostgreSQL
 * neither parses nor plans it again. What is kept is what the literal statement kept; a template PostgreSQL cannot
 * prepare (a parameter with no type) fails nothing — the unit of work runs again with the literal statement.
 */
describe.runIf(dialect === 'postgres')('queued writes as EXECUTE of prepared statements (postgres)', () => {
  it('s64: a transaction plans its kept statements once (generic plans); outside one, PostgreSQL’s default stays', async () => {
    const mode = (r: unknown) => (r as { rows: { m: string }[] }).rows[0]?.m;
    const inside = await t.db.knex.transaction(async (trx) => mode(await trx.raw(`select current_setting('plan_cache_mode') as m`)));
    expect(inside).toBe('force_generic_plan');
    expect(mode(await t.db.knex.raw(`select current_setting('plan_cache_mode') as m`))).toBe('auto');
    // Ended with its transaction (SET LOCAL), on the same pooled connection too.
    await t.db.knex.transaction(async (trx) => trx.raw('select 1'));
    expect(mode(await t.db.knex.raw(`select current_setting('plan_cache_mode') as m`))).toBe('auto');
  });

  it('a queued insert is sent with its literals, then prepared once and executed; every row is kept and no value is in a PREPARE', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => 300 + i);
    const { sent, error } = await messages(async () => {
      for (const k of keys)
        await t.db.knex.transaction(async (trx) => {
          await writeLater(trx, trx('om_probe').insert({ k }));
        });
    });
    expect(error).toBeUndefined();
    expect((await probeKeys()).filter((k) => k >= 300 && k < 400)).toEqual(keys);
    const scripts = sent.filter((s) => /^BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;\n/.test(s));
    expect(scripts).toHaveLength(keys.length);
    const prepares = scripts.flatMap((s) => s.match(/PREPARE zcx\d+_[0-9a-f]{40} AS [^;]*/g) ?? []);
    expect(prepares.length).toBeGreaterThan(0);
    for (const p of prepares) expect(p).toMatch(/ AS insert into "om_probe" \("k"\) values \(\$1\)$/);
    // Each connection prepares the template once; later scripts only EXECUTE it with the value.
    expect(
      scripts.filter((s) =>
        /^BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;\nEXECUTE zcx\d+_[0-9a-f]{40}\('3\d\d'\);\nCOMMIT;?$/.test(s),
      ).length,
    ).toBeGreaterThan(0);
    for (const s of scripts)
      expect(s).toMatch(
        /^BEGIN; SET LOCAL plan_cache_mode = force_generic_plan;\n(?:insert into "om_probe" \("k"\) values \('3\d\d'\)|(?:PREPARE zcx\d+_[0-9a-f]{40} AS [^;]*;\n)?EXECUTE zcx\d+_[0-9a-f]{40}\('3\d\d'\));\nCOMMIT;?$/,
      );
  });

  it('a template PostgreSQL cannot prepare fails nothing: the unit of work runs again with the literal statement', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => 400 + i);
    const { sent, error } = await messages(async () => {
      for (const k of keys)
        await inTransaction(deps, async (uow) => {
          await queueStatement(
            uow.trx,
            // `$2 IS NOT NULL`: nothing tells PostgreSQL the parameter's type (42P18) — the literal has one.
            new QueuedStatement(
              `INSERT INTO om_probe (k) SELECT '${k}'::integer WHERE 'x' IS NOT NULL`,
              'INSERT INTO om_probe (k) SELECT $1::integer WHERE $2 IS NOT NULL',
              [`'${k}'`, `'x'`],
            ),
          );
        });
    });
    expect(error).toBeUndefined();
    expect((await probeKeys()).filter((k) => k >= 400 && k < 500)).toEqual(keys);
    // It was tried (a connection saw the template twice) and not again after PostgreSQL refused it.
    expect(sent.filter((s) => /PREPARE zcx\d+_[0-9a-f]{40} AS INSERT INTO om_probe/.test(s))).toHaveLength(1);
  });
});
