import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';

/**
 * A party added after acceptance — a third party or a co-respondent (LDMAL Arts. 22–23; Rules Art. 46(1)) — is told of
 * the case before an award decides on it: an award made before it was served is refused (422). Before, a third party
 * added the day before the award was never served, and the award was made all the same.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const { send, ok } = caseEvents(() => t);

describe(`an added party is served before the award (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('refuses the award and the partial award until the added party is served', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const added = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人王五' } },
      '2026-03-26',
    );
    const third = (added.thirdParties as { id: number }[])[0]?.id as number;
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    for (const [type, payload] of [
      ['PARTIAL_AWARD', { items: items.slice(0, 1) }],
      ['ISSUE_AWARD', { items }],
    ] as const) {
      const r = await send(c, arb.token, type, payload, '2026-04-10');
      expect(r.status, type).toBe(422);
      expect(r.body).toMatchObject({ rule: 'added-party-not-served' });
      expect(r.body.detail).toContain('追加的第三人王五尚未送达');
    }
    // Served the notice of its addition: the award is made.
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: third, method: 'direct' }, '2026-03-30');
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    expect(v.state).toBe('award_issued');
  });

  it('served by public notice: the duty to serve is met on publication, the award waits for the deemed day', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const added = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人钱七' } },
      '2026-03-26',
    );
    const third = (added.thirdParties as { id: number }[])[0]?.id as number;
    // Published 03-27: deemed served 30 days later, 04-26 (CPL Art. 95).
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'addition_notice', partyId: third, method: 'public_notice', servedOn: '2026-03-27' },
      '2026-03-27',
    );
    const duty = (v.deadlines as { kind: string; status: string; partyId?: number }[]).find(
      (d) => d.kind === 'serve_added_party' && d.partyId === third,
    );
    expect(duty?.status).toBe('met');
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    const early = await send(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-24');
    expect(early.body).toMatchObject({ rule: 'added-party-not-served' });
    expect((await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-27')).state).toBe('award_issued');
  });
});
