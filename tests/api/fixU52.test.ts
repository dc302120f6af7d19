import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';

/** fixU52 (ui52 L2): an analyst's history holds of a payload only the kind of document a service delivered. */
const { t, a } = apiSuite({ now: '2026-12-05T17:00:00Z' });
const { ok } = caseEvents(() => t);

describe(`fixU52 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('L2 a SERVE entry shows the analyst its document kind, nothing else of any payload', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const party = c.respondents[0]?.id as number;
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'application_copy', partyId: party, method: 'direct', servedOn: '2026-03-05' },
      '2026-03-05',
    );
    const r = await t.api(a.tokens.analyst).get(`/api/cases/${c.id}/events`);
    expect(r.status).toBe(200);
    const history = r.body as { type: string; payload: Record<string, unknown> }[];
    const served = history.filter((e) => e.type === 'SERVE');
    expect(served.map((e) => e.payload)).toEqual([{ document: 'application_copy' }]);
    for (const e of history.filter((x) => x.type !== 'SERVE')) expect(e.payload).toEqual({});
    // A full reader still reads the whole payload.
    const full = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(full.find((e) => e.type === 'SERVE')?.payload).toMatchObject({ partyId: party, method: 'direct' });
  });
});
