import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseEvents } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { createActors } from '../helpers/procedure.ts';

/**
 * Hints of what the writer connection last committed (db/write-later.ts `committedHint`, stop 25), through the HTTP
 * API of a server of its own (no earlier failed write has switched its hints off). Both databases: PostgreSQL keeps no
 * hints, and the answers are the same.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe(`writes beside the hints (${dialect})`, () => {
  it("a case created inside the writer's transaction (REFER_TO_ARBITRATION) after a party was added in this process reads its ids: 200 every time", async () => {
    // Review of stop 25: a hint made stale by an insert that does not note it (ADD_PARTY's, a registration edit's)
    // failed every later write that trusted it inside a transaction holding the lock — which is never decided again.
    const a = await createActors(t);
    const { ok, send } = caseEvents(() => t);
    const mediation = async (n: number) =>
      (
        await t
          .api(a.tokens.mediator)
          .post('/api/cases', application({ track: 'mediation', receivedOn: '2026-03-02', applicants: [worker(`钱${n}`, n)] }))
          .expect(201)
      ).body;
    const ms = [await mediation(601), await mediation(602), await mediation(603)];
    const c = (
      await t
        .api(a.tokens.clerk)
        .post('/api/cases', application({ applicants: [worker('钱二', 600)] }))
        .expect(201)
    ).body;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      {
        side: 'respondent',
        ground: 'dispatch',
        initiative: 'tribunal',
        party: { kind: 'organization', name: '聊城某某劳务派遣有限公司', legalRepresentative: '周某', address: '聊城市东昌府区' },
      },
      '2026-03-12',
    );
    const statuses: number[] = [];
    for (const m of ms) statuses.push((await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-03-20')).status);
    expect(statuses).toEqual([200, 200, 200]);
    // And registrations go on with ids that match what is stored.
    const v = await t
      .api(a.tokens.clerk)
      .post('/api/cases', application({ applicants: [worker('钱三', 604)] }))
      .expect(201);
    const stored = await t.db.knex('parties').where({ case_id: v.body.id }).orderBy('id');
    expect(stored.map((p) => p.id)).toEqual([...v.body.applicants, ...v.body.respondents].map((p: { id: number }) => p.id));
  });
});
