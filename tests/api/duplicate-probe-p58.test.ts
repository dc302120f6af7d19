import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps, type Deps } from '../../app/deps.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * The duplicate check's candidates (db/stores/cases.ts `duplicateCandidates`, Rules Arts. 34, 39). On PostgreSQL a
 * probe first answers the applicants' cases, newest first, at most 50 (`CANDIDATE_PROBE_MAX`): up to 50 the candidates
 * are read by that id array (a statement kept prepared), beyond it by the lookup inside, as on SQLite. Both paths —
 * and SQLite's — answer the same: the applicant's newest cases first, at most `limit`, with their parties and claims
 * (perfP58, review of stop 57: no PostgreSQL test had 50 earlier cases). Runs on both dialects.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
let t: TestApp;
let deps: Deps;
beforeAll(async () => {
  t = await startTestApp();
  deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
});
afterAll(async () => t?.close());

/** Registers one case through the API, then `copies` more of it (rows copied in SQL: only the probe reads them). */
async function casesOf(applicant: ReturnType<typeof worker>, copies: number): Promise<number[]> {
  const clerk = t.api(await t.tokenFor('clerk', 'clerk-p58'));
  const r = await clerk.post('/api/cases', application({ applicants: [applicant] }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const first = Number(r.body.id);
  const k = t.db.knex;
  const { id: _id, ...caseRow } = await k('cases').where({ id: first }).first();
  const parties = await k('parties').where({ case_id: first }).orderBy('id');
  const claims = await k('claims').where({ case_id: first }).orderBy('id');
  const ids = [first];
  for (let i = 0; i < copies; i++) {
    const [row] = await k('cases').insert(caseRow).returning('id');
    const caseId = Number(typeof row === 'object' ? row.id : row);
    const partyIds = new Map<number, number>();
    for (const { id, ...p } of parties) {
      const [pr] = await k('parties')
        .insert({ ...p, case_id: caseId })
        .returning('id');
      partyIds.set(Number(id), Number(typeof pr === 'object' ? pr.id : pr));
    }
    for (const { id: _c, ...c } of claims)
      await k('claims').insert({ ...c, case_id: caseId, party_id: c.party_id === null ? null : partyIds.get(Number(c.party_id)) });
    ids.push(caseId);
  }
  return ids;
}

describe(`duplicate candidates, up to 50 earlier cases and beyond (${dialect})`, () => {
  it('a few earlier cases: all of them, newest first, with their parties and claims', async () => {
    const few = worker('王五', 501);
    const ids = await casesOf(few, 2);
    const other = await casesOf(worker('赵六', 502), 0);
    const found = await deps.stores.cases.duplicateCandidates(t.db.knex, [{ name: few.name, idNumber: few.idNumber }]);
    expect(found.map((c) => c.id)).toEqual([...ids].sort((a, b) => b - a));
    expect(found.map((c) => c.id)).not.toContain(other[0]);
    for (const c of found) {
      expect(c.parties.find((p) => p.side === 'applicant')).toMatchObject({ name: '王五', idNumber: few.idNumber });
      expect(c.claims.map((x) => x.category)).toEqual(['wages', 'economic_compensation']);
    }
    // The same applicant found by name alone where the application gives no identity number.
    const byName = await deps.stores.cases.duplicateCandidates(t.db.knex, [{ name: '王五', idNumber: null }]);
    expect(byName.map((c) => c.id)).toEqual(found.map((c) => c.id));
  });

  it('more than 50 earlier cases: the newest `limit` of them, as with a few', async () => {
    const many = worker('孙七', 503);
    const ids = await casesOf(many, 55);
    expect(ids.length).toBe(56);
    const newest = [...ids].sort((a, b) => b - a);
    const found = await deps.stores.cases.duplicateCandidates(t.db.knex, [{ name: many.name, idNumber: many.idNumber }]);
    expect(found.map((c) => c.id)).toEqual(newest.slice(0, 20));
    const more = await deps.stores.cases.duplicateCandidates(t.db.knex, [{ name: many.name, idNumber: many.idNumber }], 60);
    expect(more.map((c) => c.id)).toEqual(newest);
    expect(more.every((c) => c.parties.some((p) => p.side === 'applicant' && p.idNumber === many.idNumber))).toBe(true);
    // Exactly 50: still the probe's array on PostgreSQL.
    const fifty = worker('周八', 504);
    const fiftyIds = await casesOf(fifty, 49);
    const all50 = await deps.stores.cases.duplicateCandidates(t.db.knex, [{ name: fifty.name, idNumber: fifty.idNumber }], 60);
    expect(all50.map((c) => c.id)).toEqual([...fiftyIds].sort((a, b) => b - a));
    // Two applicants at once: the cases of either.
    const both = await deps.stores.cases.duplicateCandidates(
      t.db.knex,
      [
        { name: many.name, idNumber: many.idNumber },
        { name: fifty.name, idNumber: fifty.idNumber },
      ],
      200,
    );
    expect(both.map((c) => c.id)).toEqual([...ids, ...fiftyIds].sort((a, b) => b - a));
  });
});
