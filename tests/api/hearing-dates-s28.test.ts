import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * LDMAL Art. 35; Rules Art. 38: a hearing date — scheduled or postponed to — leaves the written notice 5 working days
 * before it. A date too near is refused at its field (`field: hearingOn`, which the form marks), with the earliest date
 * the period leaves: a decision on Thursday 2026-03-12 counts 13, 16, 17, 18, 19 March, so the earliest is 03-20.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-13T02:00:00Z' });
});
afterAll(async () => t?.close());

describe(`a hearing date too near names the earliest one (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('postponed: 422 at hearingOn with 最早可定于2026-03-20; the 20th is accepted', async () => {
    const a = await createActors(t);
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const { send, ok } = caseEvents(() => t);
    const r = await send(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2026-03-19', reason: '仲裁员公务' }, '2026-03-12');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'hearing-notice-5-days', field: 'hearingOn' });
    expect(r.body.detail).toContain('最早可定于2026-03-20');
    const same = await send(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2026-03-25', reason: '仲裁员公务' }, '2026-03-12');
    expect(same.body).toMatchObject({ rule: 'same-date', field: 'hearingOn' });
    const v = await ok(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2026-03-20', reason: '仲裁员公务' }, '2026-03-12');
    expect((v as unknown as { proceedings: { hearing: { hearingOn: string } } }).proceedings.hearing.hearingOn).toBe('2026-03-20');
  });

  it('simple handling: the tribunal sets the hearing day flexibly (Rules Art. 60) — a day moved at short notice is recorded, and the hearing held on it', async () => {
    const a = await createActors(t);
    // Scheduled on 03-09 for 03-11 (two days: allowed in simple handling); on 03-10 the parties agree to 03-12.
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled', {
      body: standardApplication({ procedure: 'simple' }),
      scheduleOn: '2026-03-09',
      hearingOn: '2026-03-11',
    });
    const { ok } = caseEvents(() => t);
    const moved = await ok(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2026-03-12', reason: '双方当事人协商一致' }, '2026-03-10');
    expect((moved as unknown as { proceedings: { hearing: { hearingOn: string } } }).proceedings.hearing.hearingOn).toBe('2026-03-12');
    const held = await ok(moved, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-12');
    expect(held.state).not.toBe('hearing_scheduled');
  });

  it('scheduled: the same, from the day the hearing is scheduled', async () => {
    const a = await createActors(t);
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const { send } = caseEvents(() => t);
    const r = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-18', place: '第一仲裁庭' }, '2026-03-12');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'hearing-notice-5-days', field: 'hearingOn' });
    expect(r.body.detail).toContain('最早可定于2026-03-20');
  });

  it('an earliest day that is a rest day also names the first working day after it', async () => {
    // Friday 03-13: 16–20 March are the five working days; Saturday the 21st is the earliest, Monday the 23rd the
    // first working day.
    const a = await createActors(t);
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const { send } = caseEvents(() => t);
    const r = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-20', place: '第一仲裁庭' }, '2026-03-13');
    expect(r.body.detail).toContain('最早可定于2026-03-21，为休息日；其后首个工作日为2026-03-23');
  });
});
