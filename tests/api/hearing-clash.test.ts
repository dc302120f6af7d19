import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * A hearing room holds one hearing at a time and an arbitrator sits in one room (app/procedure/hearing-clash.ts):
 * scheduling or moving a hearing into a slot another case's session still to be held takes is refused (422
 * hearing-clash at `time`, naming that case) and records nothing — unless the tribunal hears the cases together in
 * that room (`jointHearing`). Two clerks taking one slot at once: one gets it. Same body on SQLite and PostgreSQL.
 */
const { t, a } = apiSuite();

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Body = Record<string, any>;
let seq = 500;
/** Accepted on 2026-03-02 with a sole tribunal of arbitrator `arb` (index into the test arbitrators). */
async function tribunalCase(arb: number) {
  seq++;
  const { c, arb: x } = await caseAt(t, a, 'tribunal_formed', {
    body: standardApplication({ applicants: [worker(`排${seq}`, seq)] }),
    acceptOn: '2026-03-02',
    formOn: '2026-03-02',
    arbitrator: arb,
  });
  return { id: c.id as number, caseNo: c.caseNo as string, token: x.token };
}
const send = (token: string, id: number, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${id}/events`, body);
const schedule = (x: { id: number; token: string }, hearing: Record<string, unknown>) =>
  send(x.token, x.id, { type: 'SCHEDULE_HEARING', occurredOn: '2026-03-05', ...hearing });
const sessions = async (from: string, to = from) =>
  ((await t.api(a.tokens.clerk).get(`/api/hearings?from=${from}&to=${to}`)).body as Body).items.map((x: Body) => [
    x.caseId,
    x.time,
    x.place,
  ]);

describe(`hearing slots (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a room taken at that hour by another case is refused, naming the case, and nothing is recorded; another hour or room is free', async () => {
    const one = await tribunalCase(0);
    const two = await tribunalCase(1);
    expect((await schedule(one, { hearingOn: '2026-03-20', time: '09:30', place: '第一仲裁庭' })).status).toBe(200);
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${two.id}`)).body as Body;
    const r = await schedule(two, { hearingOn: '2026-03-20', time: '09:30', place: '第一仲裁庭' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      rule: 'hearing-clash',
      field: 'time',
      clashes: [{ caseId: one.id, caseNo: one.caseNo, sameRoom: true, sameTribunal: false }],
    });
    expect(r.body.detail).toContain(one.caseNo);
    expect(r.body.detail).toContain('第一仲裁庭');
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${two.id}`)).body as Body;
    expect(after.version).toBe(before.version);
    expect(after.state).toBe(before.state);
    // Another tribunal cannot hear it "jointly" in that room.
    const joint = await schedule(two, { hearingOn: '2026-03-20', time: '09:30', place: '第一仲裁庭', jointHearing: true });
    expect(joint.status).toBe(422);
    expect(joint.body.detail).toContain('合并开庭须由同一仲裁庭审理');
    expect(await sessions('2026-03-20')).toEqual([[one.id, '09:30', '第一仲裁庭']]);
    // Half an hour later in that room still meets it (HEARING_SLOT_MINUTES, 60 by default).
    const later = await schedule(two, { hearingOn: '2026-03-20', time: '10:15', place: '第一仲裁庭' });
    expect(later.status).toBe(422);
    expect(later.body.clashes).toEqual([expect.objectContaining({ caseId: one.id, time: '09:30' })]);
    // Another hour in that room, or that hour in another room: free.
    expect((await schedule(two, { hearingOn: '2026-03-20', time: '14:00', place: '第一仲裁庭' })).status).toBe(200);
    const three = await tribunalCase(2);
    expect((await schedule(three, { hearingOn: '2026-03-20', time: '09:30', place: '第二仲裁庭' })).status).toBe(200);
    expect(await sessions('2026-03-20')).toEqual([
      [one.id, '09:30', '第一仲裁庭'],
      [three.id, '09:30', '第二仲裁庭'],
      [two.id, '14:00', '第一仲裁庭'],
    ]);
  });

  it('an arbitrator sitting elsewhere at that hour is refused, joint hearing or not; a joint hearing may share the room', async () => {
    const one = await tribunalCase(0);
    expect((await schedule(one, { hearingOn: '2026-03-23', time: '09:00', place: '第三仲裁庭' })).status).toBe(200);
    // The same arbitrator (index 0), another room, the same hour.
    const same = await tribunalCase(0);
    for (const joint of [false, true]) {
      const r = await schedule(same, {
        hearingOn: '2026-03-23',
        time: '09:00',
        place: '第四仲裁庭',
        ...(joint ? { jointHearing: true } : {}),
      });
      expect(r.status).toBe(422);
      expect(r.body.rule).toBe('hearing-clash');
      expect(r.body.clashes).toEqual([
        {
          caseId: one.id,
          caseNo: one.caseNo,
          place: '第三仲裁庭',
          time: '09:00',
          sameRoom: false,
          sameTribunal: true,
          arbitratorIds: [a.arbitrators[0]?.id],
        },
      ]);
      expect(r.body.detail).toContain('arb-li');
    }
    // Heard together in the first case's room by its tribunal: recorded, and the calendar shows both.
    const joint = await schedule(same, { hearingOn: '2026-03-23', time: '09:00', place: '第三仲裁庭', jointHearing: true });
    expect(joint.status, JSON.stringify(joint.body)).toBe(200);
    expect(await sessions('2026-03-23')).toEqual([
      [one.id, '09:00', '第三仲裁庭'],
      [same.id, '09:00', '第三仲裁庭'],
    ]);
    // Each session names the one it is heard with; the sessions of that day in other rooms are heard alone.
    const day = ((await t.api(a.tokens.clerk).get('/api/hearings?from=2026-03-23&to=2026-03-23')).body as Body).items;
    expect(day.map((x: Body) => [x.caseId, x.jointWith])).toEqual([
      [one.id, [{ caseId: same.id, caseNo: same.caseNo }]],
      [same.id, [{ caseId: one.id, caseNo: one.caseNo }]],
    ]);
    // One session a page, filtered by the arbitrator sitting in both (s60 D: the page reads its cases and the partners'
    // numbers by id): each page counts both, answers its own case's number and state, and names the partner on the other page.
    const arbitratorId = a.arbitrators[0]?.id;
    for (const [page, own, other] of [
      [1, one, same],
      [2, same, one],
    ] as const) {
      const r = await t
        .api(a.tokens.clerk)
        .get(`/api/hearings?from=2026-03-23&to=2026-03-23&arbitratorId=${arbitratorId}&pageSize=1&page=${page}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(2);
      expect(r.body.items.map((x: Body) => [x.caseId, x.caseNo, x.state, x.jointWith])).toEqual([
        [own.id, own.caseNo, 'hearing_scheduled', [{ caseId: other.id, caseNo: other.caseNo }]],
      ]);
    }
    const alone = ((await t.api(a.tokens.clerk).get('/api/hearings?from=2026-03-20&to=2026-03-20')).body as Body).items;
    expect(alone.map((x: Body) => x.jointWith)).toEqual(alone.map(() => []));
  });

  it('a postponement into a taken slot is refused; a hearing without a time, a held one or a withdrawn case takes no slot', async () => {
    const one = await tribunalCase(0);
    const two = await tribunalCase(1);
    expect((await schedule(one, { hearingOn: '2026-03-24', time: '10:00', place: '第五仲裁庭' })).status).toBe(200);
    expect((await schedule(two, { hearingOn: '2026-03-25', time: '10:00', place: '第五仲裁庭' })).status).toBe(200);
    const postpone = (hearing: Record<string, unknown>) =>
      send(two.token, two.id, {
        type: 'POSTPONE_HEARING',
        occurredOn: '2026-03-10',
        reason: '仲裁员因公出差',
        requestedBy: 'tribunal',
        ...hearing,
      });
    const refused = await postpone({ hearingOn: '2026-03-24' });
    expect(refused.status).toBe(422);
    expect(refused.body.clashes.map((x: Body) => x.caseId)).toEqual([one.id]);
    expect(await sessions('2026-03-25')).toEqual([[two.id, '10:00', '第五仲裁庭']]);
    // A day without a time is not judged (the day alone does not tell whether two sessions meet).
    const three = await tribunalCase(2);
    expect((await schedule(three, { hearingOn: '2026-03-24', place: '第五仲裁庭' })).status).toBe(200);
    // The first case withdrawn before its hearing: its session is off the calendar, and the slot is free.
    expect((await send(a.tokens.clerk, one.id, { type: 'WITHDRAW', occurredOn: '2026-03-11', reason: '双方已和解' })).status).toBe(200);
    expect((await postpone({ hearingOn: '2026-03-24' })).status).toBe(200);
  });

  it('an arbitrator replaced after a recusal who sits elsewhere when the case is to be heard is refused, naming where', async () => {
    const busy = await tribunalCase(1);
    expect((await schedule(busy, { hearingOn: '2026-03-27', time: '10:00', place: '第七仲裁庭' })).status).toBe(200);
    const mine = await tribunalCase(0);
    expect((await schedule(mine, { hearingOn: '2026-03-27', time: '10:30', place: '第八仲裁庭' })).status).toBe(200);
    const replace = (replacementId: number | undefined) =>
      send(a.tokens.chair, mine.id, {
        type: 'RECUSE_ARBITRATOR',
        occurredOn: '2026-03-12',
        arbitratorId: a.arbitrators[0]?.id,
        replacementId,
        reason: '与当事人有利害关系',
      });
    const refused = await replace(a.arbitrators[1]?.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'hearing-clash', field: 'replacementId' });
    expect(refused.body.clashes).toEqual([expect.objectContaining({ caseId: busy.id, place: '第七仲裁庭', time: '10:00' })]);
    expect(refused.body.detail).toContain('第七仲裁庭');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${mine.id}`)).body as Body;
    expect(view.tribunal.arbitrators.map((x: Body) => x.id)).toEqual([a.arbitrators[0]?.id]);
    // Another arbitrator, free at that time: recorded.
    const ok = await replace(a.arbitrators[2]?.id);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('two clerks taking meeting slots of one room at the same moment: one gets it, the others are refused naming it', async () => {
    const cases = await Promise.all([tribunalCase(0), tribunalCase(1), tribunalCase(2)]);
    // Three times less than an hour apart: any two meet.
    const times = ['15:00', '15:30', '15:59'];
    const answers = await Promise.all(cases.map((x, i) => schedule(x, { hearingOn: '2026-03-26', time: times[i], place: '第六仲裁庭' })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 422, 422]);
    const won = cases[answers.findIndex((r) => r.status === 200)] as { id: number };
    for (const r of answers.filter((x) => x.status === 422)) expect(r.body.clashes.map((x: Body) => x.caseId)).toEqual([won.id]);
    expect((await sessions('2026-03-26')).map((x: unknown[]) => x[0])).toEqual([won.id]);
  });
});
