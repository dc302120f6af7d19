import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../app/deps.ts';
import type { Actor } from '../../app/policy.ts';
import { applyEvent, submitEvent } from '../../app/procedure/apply-event.ts';
import { inTransaction, type Transact } from '../../app/unit-of-work.ts';
import { verifyHistory } from '../../db/history-chain.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type Actors, createActors, registerCase } from '../helpers/procedure.ts';
import { resourced } from '../helpers/reference.ts';

/**
 * On SQLite an event is decided from a read outside the writer's transaction and the writer only writes the decision
 * (app/procedure/apply-event.ts submitEvent); PostgreSQL decides under the case's row lock. Whatever commits between
 * the read and the write — a document generated (a history entry that does not move the version), another event, a
 * calendar year loaded — makes the decision be taken again from the case as it then stands, never written stale.
 */
const dialect = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
let t: TestApp;
let a: Actors;
let deps: Deps;
let clerk: Actor;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z' });
  a = await createActors(t);
  deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
  clerk = { id: a.ids.clerk, role: 'clerk', displayName: '书记员（测试）' };
});
afterAll(async () => t?.close());

/** A unit of work that lets `between` commit first, the first time only; counts the units of work opened. */
function interleaved(between: () => Promise<unknown>): { transact: Transact; opened: () => number } {
  let n = 0;
  const transact: Transact = async (fn) => {
    n++;
    if (n === 1) await between();
    return inTransaction(deps, fn);
  };
  return { transact, opened: () => n };
}

const accepted = async () => {
  const c = await registerCase(t, a);
  const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: number; version: number; applicants: { id: number }[]; caseNo: string };
};
const serve = (partyId: number) => ({
  type: 'SERVE' as const,
  occurredOn: '2026-03-05',
  payload: { document: 'acceptance_notice', partyId, method: 'direct' },
});
const history = (id: number) => t.db.knex('case_events').where({ case_id: id }).orderBy('seq');

describe(`an event decided outside the writer is decided again when the case moved (${dialect})`, () => {
  it('a document generated in between: the event chains after it, the history verifies', async () => {
    const c = await accepted();
    const { transact, opened } = interleaved(() =>
      t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' }).expect(201),
    );
    const r = await submitEvent(deps, transact, clerk, c.id, serve(c.applicants[0]?.id as number));
    expect(r.version).toBe(c.version + 1);
    expect(opened()).toBe(dialect === 'sqlite' ? 2 : 1);
    const rows = await history(c.id);
    expect(rows.map((e) => e.type).slice(-2)).toEqual(['GENERATE_DOCUMENT', 'SERVE']);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect((await verifyHistory(t.db.knex)).ok).toBe(true);
  });

  it('another event in between: decided again on the new version; with If-Match the stale version is a 412', async () => {
    const c = await accepted();
    // Another write of the case committed in between — as another process's would be: its own unit of work, not this
    // process's turn for the case (app/case-turns.ts), which the event decided here holds on PostgreSQL.
    const other = () => inTransaction(deps, (uow) => applyEvent(deps, uow, clerk, c.id, serve(c.applicants[0]?.id as number)));
    const first = interleaved(other);
    const r = await submitEvent(deps, first.transact, clerk, c.id, serve(c.applicants[0]?.id as number));
    expect(r.version).toBe(c.version + 2);
    const second = interleaved(other);
    await expect(
      submitEvent(deps, second.transact, clerk, c.id, serve(c.applicants[0]?.id as number), { expectedVersion: c.version + 2 }),
    ).rejects.toMatchObject({ status: 412 });
    const rows = await history(c.id);
    expect(rows.filter((e) => e.type === 'SERVE')).toHaveLength(3);
    expect(Number(rows.at(-1)?.seq)).toBe(rows.length);
  });

  it('reference data loaded in between (a calendar year, a minimum wage): decided again with it', async () => {
    const c = await accepted();
    // A minimum wage table saved (any kind of reference data: the guard sums every kind's version).
    // With a change (a table saved as it stands writes nothing since sec52 L1): a row's source re-checked.
    const table = resourced((await t.api(t.adminToken).get('/api/reference/minimum-wages')).body);
    const { transact, opened } = interleaved(() => t.api(t.adminToken).put('/api/reference/minimum-wages', table).expect(200));
    await submitEvent(deps, transact, clerk, c.id, serve(c.applicants[0]?.id as number));
    expect(opened()).toBe(dialect === 'sqlite' ? 2 : 1);
  });

  it('deadlines the sweep replaced in between: decided again, never written over the newer rows', async () => {
    const c = await accepted();
    const { transact, opened } = interleaved(() =>
      inTransaction(deps, async (uow) => {
        const stored = await deps.stores.deadlines.forCase(uow.trx, c.id);
        await deps.stores.deadlines.replace(uow.trx, c.id, stored);
      }),
    );
    await submitEvent(deps, transact, clerk, c.id, serve(c.applicants[0]?.id as number));
    expect(opened()).toBe(dialect === 'sqlite' ? 2 : 1);
  });

  it('an event naming a user is decided in the writer: an arbitrator disabled in between is refused (400), not seated', async () => {
    const c = await accepted();
    const arb = a.arbitrators[2] as { id: number };
    const chair: Actor = { id: a.ids.chair, role: 'chair', displayName: '主任（测试）' };
    const { transact, opened } = interleaved(() => t.api(t.adminToken).patch(`/api/users/${arb.id}`, { active: false }).expect(200));
    try {
      await expect(
        submitEvent(deps, transact, chair, c.id, {
          type: 'FORM_TRIBUNAL',
          occurredOn: '2026-03-05',
          payload: { arbitratorIds: [arb.id], presidingId: arb.id },
        }),
      ).rejects.toMatchObject({ status: 400 });
      expect(opened()).toBe(1);
      expect(await t.db.knex('case_arbitrators').where({ case_id: c.id })).toHaveLength(0);
    } finally {
      await t.api(t.adminToken).patch(`/api/users/${arb.id}`, { active: true }).expect(200);
    }
  });

  it('ACCEPT decided outside the writer takes its number when written: the answer, the record and the history agree', async () => {
    const c = await registerCase(t, a);
    const { transact } = interleaved(async () => undefined);
    const r = await submitEvent(deps, transact, clerk, c.id, { type: 'ACCEPT', occurredOn: '2026-03-04', payload: {} });
    expect(r.view.caseNo).toMatch(/2026/);
    const read = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(read.body.caseNo).toBe(r.view.caseNo);
    const { version: _v, updatedAt: _u, ...answer } = r.view as unknown as Record<string, unknown>;
    const { version: _v2, updatedAt: _u2, ...stored } = read.body as Record<string, unknown>;
    expect(stored).toEqual(JSON.parse(JSON.stringify(answer)));
    const entry = (await history(c.id)).at(-1);
    expect(JSON.parse(entry.after).caseNo).toBe(r.view.caseNo);
    expect(JSON.parse(entry.before).caseNo ?? null).toBeNull();
  });

  it('a write that waited for the lock while a later one committed is recorded at that one’s instant, never before it', async () => {
    const c = await accepted();
    const before = await history(c.id);
    const last = before.at(-1)?.recorded_at as string;
    // The unit of work's instant taken before the wait: an hour before what the case already records.
    const early = new Date(Date.parse(last) - 3_600_000).toISOString();
    await t.db.knex.transaction((trx) =>
      applyEvent(deps, { trx, now: early, today: early.slice(0, 10) }, clerk, c.id, serve(c.applicants[0]?.id as number)),
    );
    const after = await history(c.id);
    expect(after.at(-1)?.type).toBe('SERVE');
    expect(after.at(-1)?.recorded_at).toBe(last);
    const rows = await t.db.knex('case_stat_rows').where({ case_id: c.id }).orderBy('id');
    for (const r of rows) if (r.recorded_to) expect(r.recorded_to >= r.recorded_from).toBe(true);
  });
});
