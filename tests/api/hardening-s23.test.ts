import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type Actors, createActors } from '../helpers/procedure.ts';

/**
 * Findings of the s23 audit: bad input is a 4xx problem naming the field, checked in the contract's order, and changes
 * nothing — never a 500, never a record opened by a spelling of its id. The same body on SQLite and PostgreSQL.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
let t: TestApp;
let a: Actors;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-02T02:00:00Z' });
  a = await createActors(t);
});
afterAll(async () => t?.close());

const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);

describe(`statistics periods (${dialect})`, () => {
  it('a period year outside 1900–2199 is 400 naming `period` on every statistics route, as from/to are', async () => {
    const api = t.api(a.tokens.analyst);
    for (const period of ['0000', '0999', '0999-Q1', '0500-03', '1899', '2200-12']) {
      for (const url of [
        `/api/stats/closure?period=${period}`,
        `/api/stats/closure/cases?period=${period}&measure=accepted`,
        `/api/stats/report?period=${period}`,
        `/api/stats/report?period=${period}&format=csv`,
        `/api/stats/claims?period=${period}`,
        `/api/stats/claims/cases?period=${period}&measure=items`,
      ]) {
        const r = await api.get(url);
        expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(400);
        expect(paths(r)).toContain('period');
      }
    }
    for (const period of ['1900', '2199-12', '2026-Q1']) {
      expect((await api.get(`/api/stats/closure?period=${period}`)).status).toBe(200);
      expect((await api.get(`/api/stats/claims?period=${period}`)).status).toBe(200);
    }
  });
});
