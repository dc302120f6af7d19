import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';

/**
 * A new user's walk (M4): a document sent by post was recorded as served on the day the service was logged when 送达日期
 * was left empty, and the periods ran from that day. CPL Art. 91: 邮寄送达的，以回执上注明的收件日期为送达日期.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { send, ok } = caseEvents(() => t);

describe(`service by post (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('without the date on the return receipt is 422 naming servedOn, records nothing; with it, the periods run from that date', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const to = c.respondents[0]?.id;
    const r = await send(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: to, method: 'post' }, '2026-03-10');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'postal-service-receipt-date', field: 'servedOn' });
    expect(r.body.detail).toContain('回执');
    const still = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(still.proceedings.services).toEqual([]);
    // Posted on 03-05 (occurredOn: the day sent, api-contract), received (return receipt) on 03-06: the defense period
    // runs from 03-06 (LDMAL Art. 30: 10 days, the working-day schedule of this commission's calendar), not from the day
    // posted. (fixP50, legal50b L1: a receipt dated before the day posted is 400 naming servedOn.)
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: to, method: 'post', servedOn: '2026-03-06' },
      '2026-03-05',
    );
    expect(v.proceedings.services).toEqual([expect.objectContaining({ method: 'post', servedOn: '2026-03-06' })]);
    expect(v.deadlines.find((d: { kind: string }) => d.kind === 'defense')).toMatchObject({ dueOn: '2026-03-20' });
  });

  it('other methods still default to the day recorded', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct' },
      '2026-03-06',
    );
    expect(v.proceedings.services).toEqual([expect.objectContaining({ method: 'direct', servedOn: '2026-03-06' })]);
  });
});
