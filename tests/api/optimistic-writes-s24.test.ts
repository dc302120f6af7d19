import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCase, submitRegistration } from '../../app/cases/register-case.ts';
import { createDeps, type Deps } from '../../app/deps.ts';
import { submitEvent } from '../../app/procedure/apply-event.ts';
import type { CaseCreate } from '../../app/schemas.ts';
import { inTransaction, type Transact } from '../../app/unit-of-work.ts';
import { openDatabase } from '../../db/knex.ts';
import { isStaleWrite } from '../../db/write-later.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';

/**
 * Writes decided before their transaction (issue 15): on SQLite a registration reads the applicants' earlier cases and
 * the reference versions on a reader connection, and an event is decided from a reader's copy of the case; the writer
 * then only writes, checking at COMMIT that what the decision was read from has not moved. When it has, nothing of the
 * write is kept and it is decided again. PostgreSQL decides under its locks; the outcomes are the same.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
let t: TestApp;
let deps: Deps;
let clerk: { id: number; role: 'clerk'; displayName: string };
beforeAll(async () => {
  t = await startTestApp();
  deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
  await t.tokenFor('clerk', 'clerk-s24');
  clerk = { id: t.userId('clerk-s24'), role: 'clerk', displayName: '书记员' };
});
afterAll(async () => t?.close());

/** Connections of their own on the same file, as another process has: hints live on the writer connection. */
const ownConnection = () => {
  const own = openDatabase(t.dbUrl);
  return { own, ownDeps: createDeps({ db: own, clock: t.clock, logger: createLogger('silent'), config: t.config }) };
};
const caseCount = async () => Number((await t.db.knex('cases').count({ n: '*' }).first())?.n);
const bumpCalendarVersion = () =>
  t.db
    .knex('reference_versions')
    .insert({ name: 'calendar', version: 1 })
    .onConflict('name')
    .merge({ version: t.db.knex.raw('reference_versions.version + 1') });
const body = (name: string, seq: number) => application({ track: 'arbitration', applicants: [worker(name, seq)] }) as unknown as CaseCreate;

describe(`writes decided before their transaction (${dialect})`, () => {
  it('a registration read against reference versions that moved since keeps nothing and fails as stale', async () => {
    const before = await caseCount();
    const versions = await deps.stores.reference.versions(t.db.reader);
    await bumpCalendarVersion();
    const err = await inTransaction(deps, (uow) => registerCase(deps, uow, clerk, body('李四', 201), { candidates: [], versions })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isStaleWrite(err)).toBe(true);
    expect(await caseCount()).toBe(before);
  });

  it('submitRegistration reads again when reference data is loaded between its read and its write, and registers once', async () => {
    const before = await caseCount();
    let calls = 0;
    const transact: Transact = async (fn) => {
      calls++;
      // A calendar year loaded by another request after this registration's read, before its write.
      if (calls === 1) await bumpCalendarVersion();
      return inTransaction(deps, fn);
    };
    const view = await submitRegistration(deps, transact, clerk, body('王五', 202));
    expect(await caseCount()).toBe(before + 1);
    expect(view.id).toBeGreaterThan(0);
    expect(calls).toBe(dialect === 'sqlite' ? 2 : 1);
    const history = await t.db.knex('case_events').where({ case_id: view.id });
    expect(history.map((e) => e.type)).toEqual(['REGISTER']);
  });

  it('two registrations of one application sent at once: the later warns of the earlier (SQLite: read again at COMMIT)', async () => {
    const api = t.api(await t.tokenFor('clerk', 'clerk-s24'));
    const same = application({ applicants: [worker('钱七', 204)] });
    const [a, b] = await Promise.all([api.post('/api/cases', same).expect(201), api.post('/api/cases', same).expect(201)]);
    const [first, second] = a.body.id < b.body.id ? [a.body, b.body] : [b.body, a.body];
    expect(first.warnings.map((w: { caseId: number }) => w.caseId)).not.toContain(second.id);
    // PostgreSQL reads the candidates inside each transaction under READ COMMITTED: two registrations committing at
    // the same instant do not see each other there (a known limit, the same before this change).
    if (dialect === 'sqlite') expect(second.warnings.map((w: { caseId: number }) => w.caseId)).toContain(first.id);
  });

  it('a serial reserved from a reader is taken at COMMIT only if no other process took it meanwhile', async () => {
    const year = 2031;
    const reserve = () => inTransaction(deps, async (uow) => deps.stores.cases.reserveSerial(uow.trx, year));
    if (dialect !== 'sqlite') {
      expect(await reserve()).toBeNull();
      return;
    }
    expect(await reserve()).toBe(1);
    expect(await reserve()).toBe(2);
    // Another process (its own connections on the same file) takes serial 3 after this write read the counter.
    const other = openDatabase(t.dbUrl);
    try {
      const err = await inTransaction(deps, async (uow) => {
        const serial = await deps.stores.cases.reserveSerial(uow.trx, year);
        await inTransaction({ db: other, clock: t.clock }, (o) => deps.stores.cases.allocateSerial(o.trx, year));
        return serial;
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isStaleWrite(err)).toBe(true);
    } finally {
      await other.close();
    }
    // The counter is as the other process left it, and the next reservation follows it.
    expect(await reserve()).toBe(4);
  });

  it('the serial this connection last committed is a hint: no read while it holds, a rollback or another process never makes a wrong number', async () => {
    const year = 2032;
    // A connection of its own (as a process of its own has): hints live on the writer connection, and this file's
    // earlier stale writes must not have switched them off on the shared one.
    const { own, ownDeps } = ownConnection();
    const reserve = (fail = false) =>
      inTransaction(ownDeps, async (uow) => {
        const serial = await ownDeps.stores.cases.reserveSerial(uow.trx, year);
        if (fail) throw new Error('refused after the reservation');
        return serial;
      });
    if (dialect !== 'sqlite') {
      expect(await reserve()).toBeNull();
      await own.close();
      return;
    }
    const reads: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (/select .*last_serial/i.test(q.sql)) reads.push(q.sql);
    };
    own.knex.on('query', onQuery);
    try {
      expect(await reserve()).toBe(1); // no hint yet: read
      expect(await reserve()).toBe(2); // from the hint
      expect(reads).toHaveLength(1);
      // A write that rolls back leaves the hint at the last committed serial: 3 is taken next, not skipped.
      await expect(reserve(true)).rejects.toThrow('refused after the reservation');
      expect(await reserve()).toBe(3);
      expect(reads).toHaveLength(1);
    } finally {
      own.knex.off('query', onQuery);
    }
    // Another process takes serial 4 between two acceptances of this one: the stale hint fails the write at COMMIT,
    // and an acceptance through the use case is decided again and takes 5.
    const other = openDatabase(t.dbUrl);
    try {
      await inTransaction({ db: other, clock: t.clock }, (o) => deps.stores.cases.allocateSerial(o.trx, year));
    } finally {
      await other.close();
    }
    const api = t.api(await t.tokenFor('clerk', 'clerk-s24'));
    const created = await api.post('/api/cases', application({ applicants: [worker('孙八', 205)] })).expect(201);
    let attempts = 0;
    const r = await submitEvent(
      ownDeps,
      (fn) => {
        attempts++;
        return inTransaction(ownDeps, fn);
      },
      clerk,
      created.body.id,
      { type: 'ACCEPT', occurredOn: `${year}-01-05`, payload: {} },
    )
      .catch((e: unknown) => e)
      .finally(() => own.close());
    expect(attempts).toBe(2); // the stale hint's write, then one after a read
    // The case was received in 2026; an acceptance dated 2032 numbers the case in 2032 (api.md: the ACCEPT's year).
    if (r instanceof Error) throw r;
    const row = await t.db.knex('cases').where({ id: created.body.id }).first();
    expect([Number(row.case_year), Number(row.case_serial)]).toEqual([year, 5]);
    expect(Number((await t.db.knex('case_number_counters').where({ year }).first())?.last_serial)).toBe(5);
  });

  it("a registration takes the ids that follow the tables' sequences: what it answers is what is stored, and no id of a deleted row comes back", async () => {
    const api = t.api(await t.tokenFor('clerk', 'clerk-s24'));
    // A claim inserted and deleted: AUTOINCREMENT never hands its id out again.
    const base = await api.post('/api/cases', application({ applicants: [worker('周九', 206)] })).expect(201);
    const [gone] = await t.db
      .knex('claims')
      .insert({ case_id: base.body.id, seq: 99, category: 'other', amount_fen: 1, description: '删除' })
      .returning('id');
    const goneId = Number((gone as { id: number }).id ?? gone);
    await t.db.knex('claims').where({ id: goneId }).delete();
    const created = await api
      .post(
        '/api/cases',
        application({
          applicants: [
            { ...worker('吴十', 207), agents: [{ name: '马秀兰', kind: 'relative', relationship: '配偶' }] },
            worker('郑十一', 208),
          ],
          respondents: [{ ...employer(), agents: [{ name: '赵律师', kind: 'lawyer', unit: '山东某某律师事务所' }] }],
        }),
      )
      .expect(201);
    const read = await api.get(`/api/cases/${created.body.id}`).expect(200);
    type PartyIds = { id: number; agents: { id: number }[] };
    const ids = (v: { applicants: PartyIds[]; respondents: PartyIds[]; claims: { id: number }[] }) => ({
      parties: [...v.applicants, ...v.respondents].map((p) => [p.id, p.agents.map((a) => a.id)]),
      claims: v.claims.map((c) => c.id),
    });
    expect(ids(created.body)).toEqual(ids(read.body));
    expect(Math.min(...created.body.claims.map((c: { id: number }) => c.id))).toBeGreaterThan(goneId);
    const partyIds = [...created.body.applicants, ...created.body.respondents].map((p: { id: number }) => p.id);
    const stored = await t.db.knex('agents').whereIn('party_id', partyIds).orderBy('id');
    expect(stored.map((a) => a.name)).toEqual(['马秀兰', '赵律师']);
  });

  it('a registration whose ids another process took between its read and its write is written again with the next ones', async () => {
    let calls = 0;
    const { own: other, ownDeps: otherDeps } = ownConnection();
    try {
      const transact: Transact = async (fn) => {
        calls++;
        return inTransaction(deps, async (uow) => {
          const r = await fn(uow);
          // Another process registers a case (its own connections on the same file) before this write reaches SQLite.
          if (calls === 1) await inTransaction(otherDeps, (o) => registerCase(otherDeps, o, clerk, body('冯十二', 209)));
          return r;
        });
      };
      const view = await submitRegistration(deps, transact, clerk, body('陈十三', 210));
      expect(calls).toBe(dialect === 'sqlite' ? 2 : 1);
      const row = await t.db.knex('cases').where({ id: view.id }).first();
      expect(row.id).toBe(view.id);
      const parties = await t.db.knex('parties').where({ case_id: view.id }).orderBy('id');
      expect(parties.map((p) => [p.id, p.name])).toEqual([...view.applicants, ...view.respondents].map((p) => [p.id, p.name]));
      expect(await t.db.knex('case_events').where({ case_id: view.id })).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('the ids this connection last committed are hints: no read of the sequences while they hold; a stale one costs one retry, two close together stop their use', async () => {
    if (dialect !== 'sqlite') return; // PostgreSQL inserts answer their ids (sequences)
    // A connection of its own (as a process of its own has): hints live on the writer connection.
    const { own, ownDeps } = ownConnection();
    const reads: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (/sqlite_sequence/.test(q.sql) && /^select/i.test(q.sql)) reads.push(q.sql);
    };
    own.knex.on('query', onQuery);
    let calls = 0;
    const transact: Transact = (fn) => {
      calls++;
      return inTransaction(ownDeps, fn);
    };
    const register = async (name: string, seq: number) => {
      calls = 0;
      const v = await submitRegistration(ownDeps, transact, clerk, body(name, seq));
      const stored = await t.db.knex('parties').where({ case_id: v.id }).orderBy('id');
      expect(stored.map((p) => [p.id, p.name])).toEqual([...v.applicants, ...v.respondents].map((p) => [p.id, p.name]));
      return { calls, reads: reads.length };
    };
    // Another kind of insert (an added party, say) through a connection of its own.
    const addParty = async () => {
      const anyCase = await t.db.knex('cases').first('id');
      await t.db.knex('parties').insert({ case_id: anyCase.id, side: 'third_party', seq: 99, kind: 'person', name: '第三人' });
    };
    try {
      expect(await register('卫一', 301)).toEqual({ calls: 1, reads: 1 });
      expect(await register('卫二', 302)).toEqual({ calls: 1, reads: 1 }); // from the hints
      await addParty();
      expect(await register('卫三', 303)).toEqual({ calls: 2, reads: 2 }); // stale hint: written again after a read
      expect(await register('卫四', 304)).toEqual({ calls: 1, reads: 2 }); // hints again
      await addParty();
      expect(await register('卫五', 305)).toEqual({ calls: 2, reads: 3 }); // the second failure within seconds…
      expect(await register('卫六', 306)).toEqual({ calls: 1, reads: 4 }); // …and the connection reads for a while
    } finally {
      own.knex.off('query', onQuery);
      await own.close();
    }
  });

  it('several registrations in one transaction, one of them rolled back to its savepoint, take distinct ids that match what is stored', async () => {
    const { own, ownDeps } = ownConnection();
    const check = async (v: { id: number; applicants: { id: number; name: string }[]; respondents: { id: number; name: string }[] }) => {
      const stored = await t.db.knex('parties').where({ case_id: v.id }).orderBy('id');
      expect(stored.map((p) => [p.id, p.name])).toEqual([...v.applicants, ...v.respondents].map((p) => [p.id, p.name]));
    };
    try {
      // Hints first (a committed registration), then a transaction of several (a seeder's, an import's).
      await check(await inTransaction(ownDeps, (uow) => registerCase(ownDeps, uow, clerk, body('蒋一', 401))));
      const [a, b, c] = await inTransaction(ownDeps, async (uow) => {
        const first = await registerCase(ownDeps, uow, clerk, body('蒋二', 402));
        const second = await registerCase(ownDeps, uow, clerk, body('蒋三', 403));
        await uow.trx
          .transaction(async (sp) => {
            await registerCase(ownDeps, { ...uow, trx: sp }, clerk, body('蒋四', 404));
            throw new Error('this one is rolled back');
          })
          .catch(() => undefined);
        const third = await registerCase(ownDeps, uow, clerk, body('蒋五', 405));
        return [first, second, third];
      });
      for (const v of [a, b, c]) await check(v);
      expect(new Set([a.id, b.id, c.id]).size).toBe(3);
      expect(await t.db.knex('parties').where({ name: '蒋四' })).toHaveLength(0);
      // And the connection goes on registering correctly after it.
      await check(await inTransaction(ownDeps, (uow) => registerCase(ownDeps, uow, clerk, body('蒋六', 406))));
    } finally {
      await own.close();
    }
  });

  it('a stale hint whose guard fails when the script goes ahead of a read is dropped: the next write reads and succeeds', async () => {
    if (dialect !== 'sqlite') return;
    const year = 2033;
    const { own, ownDeps } = ownConnection();
    const reserve = (readAfter = false) =>
      inTransaction(ownDeps, async (uow) => {
        const serial = await ownDeps.stores.cases.reserveSerial(uow.trx, year);
        if (readAfter) await uow.trx('cases').first('id'); // sends the queued script before it
        return serial;
      });
    try {
      expect(await reserve()).toBe(1);
      const other = openDatabase(t.dbUrl);
      try {
        await inTransaction({ db: other, clock: t.clock }, (o) => ownDeps.stores.cases.allocateSerial(o.trx, year));
      } finally {
        await other.close();
      }
      // The hint (1) is stale: the guard fails at the read, not at COMMIT.
      await expect(reserve(true)).rejects.toSatisfy(isStaleWrite);
      expect(await reserve()).toBe(3);
    } finally {
      await own.close();
    }
  });

  it('an event whose case moved between its read and its write is decided again; its guarded UPDATE kept nothing the first time', async () => {
    const api = t.api(await t.tokenFor('clerk', 'clerk-s24'));
    const created = await api.post('/api/cases', application({ applicants: [worker('赵六', 203)] })).expect(201);
    const id = created.body.id as number;
    let calls = 0;
    const transact: Transact = async (fn) => {
      calls++;
      // Another clerk corrects the registration after this event was decided, before it is written.
      if (calls === 1)
        await api.patch(`/api/cases/${id}`, { facts: '更正后的事实与理由' }).set('If-Match', `"${created.body.version}"`).expect(200);
      return inTransaction(deps, fn);
    };
    const r = await submitEvent(deps, transact, clerk, id, { type: 'ACCEPT', occurredOn: '2026-03-03', payload: {} });
    expect(calls).toBe(dialect === 'sqlite' ? 2 : 1);
    expect(r.version).toBe(created.body.version + 2);
    const history = await t.db.knex('case_events').where({ case_id: id }).orderBy('seq');
    expect(history.filter((e) => e.type === 'ACCEPT')).toHaveLength(1);
    const row = await t.db.knex('cases').where({ id }).first();
    expect([row.state, row.facts, Number(row.version)]).toEqual(['accepted', '更正后的事实与理由', created.body.version + 2]);
    // One current statistics row and one set of deadlines: the stale attempt left none of its rows behind.
    expect(await t.db.knex('case_stat_rows').where({ case_id: id }).whereNull('recorded_to')).toHaveLength(1);
    const kinds = (await t.db.knex('case_deadlines').where({ case_id: id })).map((d) => `${d.kind}:${d.party_id ?? ''}:${d.occurrence}`);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
