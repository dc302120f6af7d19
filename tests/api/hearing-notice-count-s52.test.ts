import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { createActors } from '../helpers/procedure.ts';

/**
 * legal52a Q1: 「开庭五日前」 (LDMAL Art. 35; Rules Art. 38). By default five clear working days lie between the notice
 * and the hearing; a commission counting the five days back from the hearing day sets PERIODS_OVERRIDE
 * {"hearing_notice":{"countsTargetDay":true}}: a decision on Thursday 2026-03-12 then allows Thursday 03-19 (13, 16,
 * 17, 18, 19 March — the hearing day ends the count) instead of 03-20.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    now: '2026-03-13T02:00:00Z',
    env: { PERIODS_OVERRIDE: JSON.stringify({ hearing_notice: { countsTargetDay: true } }) },
  });
});
afterAll(async () => t?.close());

describe(`hearing notice counted back from the hearing day (countsTargetDay; ${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('scheduled on 03-12: 03-18 is refused naming 03-19 as the earliest; 03-19 is accepted; the last day to serve the notice is 03-12', async () => {
    const a = await createActors(t);
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const { send, ok } = caseEvents(() => t);
    const near = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-18', place: '第一仲裁庭' }, '2026-03-12');
    expect(near.status).toBe(422);
    expect(near.body).toMatchObject({ rule: 'hearing-notice-5-days', field: 'hearingOn' });
    expect(near.body.detail).toContain('最早可定于2026-03-19');
    const v = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-19', place: '第一仲裁庭' }, '2026-03-12');
    const notice = (v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'hearing_notice');
    // The last day to serve the notice is the fifth working day before the hearing, counted back from it: 03-12.
    expect(notice?.dueOn).toBe('2026-03-12');
  });

  it('a setting for another period is refused at startup', async () => {
    await expect(
      startTestApp({ now: '2026-03-13T02:00:00Z', env: { PERIODS_OVERRIDE: JSON.stringify({ defense: { countsTargetDay: true } }) } }),
    ).rejects.toThrow(/countsTargetDay/);
  });
});
