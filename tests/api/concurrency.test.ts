import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { registerCase } from '../helpers/procedure.ts';

const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

describe(`concurrency (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('many parallel events on one case: exactly one wins, the others get 409/412, no lost update', async () => {
    const c = await registerCase(t, a);
    const rs = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' }).set('If-Match', '1'),
      ),
    );
    const statuses = rs.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 412)).toBe(true);
    const events = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['REGISTER', 'ACCEPT']);
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(after.version).toBe(2);
    expect(after.caseNo).toBe(rs.find((r) => r.status === 200)?.body.caseNo);
  });

  it('parallel different events without If-Match on one case: every accepted write is in the history, in order', async () => {
    const c = await registerCase(t, a);
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    const parties = [...c.applicants, ...c.respondents];
    const rs = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
          type: 'SERVE',
          occurredOn: '2026-03-05',
          document: 'other',
          partyId: parties[i % parties.length]?.id,
          method: 'direct',
        }),
      ),
    );
    const won = rs.filter((r) => r.status === 200).length;
    expect(rs.every((r) => [200, 409, 412].includes(r.status))).toBe(true);
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(after.proceedings.services).toHaveLength(won);
    expect(after.version).toBe(2 + won);
    const events = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
    expect(events.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 2 + won }, (_, i) => i + 1));
  });

  it('parallel acceptances across cases: case numbers are never duplicated or skipped', async () => {
    const cases = [];
    for (let i = 0; i < 16; i++) cases.push(await registerCase(t, a));
    const rs = await Promise.all(
      cases.map((c) => t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })),
    );
    expect(rs.map((r) => r.status)).toEqual(cases.map(() => 200));
    const serials = rs.map((r) => Number(/第(\d+)号/.exec(r.body.caseNo)?.[1])).sort((x, y) => x - y);
    const base = serials[0] as number;
    expect(serials).toEqual(serials.map((_, i) => base + i));
    const all = await t.db.knex('cases').whereNotNull('case_no').select('case_serial');
    const allSerials = all.map((r) => Number(r.case_serial)).sort((x, y) => x - y);
    expect(allSerials).toEqual(allSerials.map((_, i) => i + 1));
  });
});
