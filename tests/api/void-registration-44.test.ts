import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * void44 — a new user's walk: two tabs registered one application twice, and the copy could only be refused (不予受理:
 * notified, counted) or accepted. VOID_REGISTRATION voids a registration made by mistake before acceptance, by the clerk
 * who registered it or the chair: a distinct closed state (已作废) in no statistics, its history kept, no longer an
 * earlier case for the duplicate bar (Rules Art. 34). Also: the defense-period warning of a hearing (LDMAL Art. 30;
 * Rules Art. 58) and the wording of a duplicate warning about an application not yet accepted.
 */
let t: TestApp;
let a: Actors;
let otherClerk: string;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { DUPLICATE_ACCEPT_CONFIRMATION: 'true' } });
  a = await createActors(t);
  otherClerk = await t.tokenFor('clerk', 'clerk-void-other');
});
afterAll(async () => t?.close());

const { send, ok } = caseEvents(() => t);
/** One worker against one employer: each test its own pair, so that only its own cases repeat each other. */
const pair = (n: number, receivedOn = '2026-06-01') =>
  standardApplication({ applicants: [worker(`作废${n}`, 900 + n)], respondents: [employer(`聊城作废${n}号有限公司`)], receivedOn });
const register = async (body: ReturnType<typeof pair>) => {
  const r = await t.api(a.tokens.clerk).post('/api/cases', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
};
const REASON = '重复登记（同一申请两次登记）';

describe('VOID_REGISTRATION (作废误登记)', () => {
  it('the registering clerk voids a second copy: 已作废, reason and duplicate kept, history says who and why', async () => {
    const first = await register(pair(1));
    const copy = await register(pair(1));
    // Item 3: an earlier application only received is 尚在审查受理中, not 仍在仲裁程序中.
    expect(copy.warnings).toMatchObject([{ code: 'pending', bars: true, caseId: first.id }]);
    expect(copy.warnings[0].message).toContain('尚在审查受理中');
    expect(copy.warnings[0].message).not.toContain('仍在仲裁程序中');

    const next = (await t.api(a.tokens.clerk).get(`/api/cases/${copy.id}/next-events`)).body as { type: string; label: string }[];
    expect(next).toContainEqual(expect.objectContaining({ type: 'VOID_REGISTRATION', label: '作废误登记' }));
    const voided = await ok(copy, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON, duplicateOf: first.id }, '2026-06-01');
    expect(voided).toMatchObject({
      state: 'voided',
      stateLabel: '已作废',
      caseNo: null,
      closure: { mode: 'voided', closedOn: '2026-06-01', reason: REASON, duplicateOf: first.id },
    });
    // No period of an application runs for it: no acceptance to decide, nothing on a workbench.
    expect(voided.deadlines).toEqual([]);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${copy.id}/next-events?all=true`)).body).toEqual([]);
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${copy.id}/events`)).body as CaseView[];
    const entry = history.at(-1) as CaseView;
    expect(entry).toMatchObject({ type: 'VOID_REGISTRATION', stateAfter: 'voided', payload: { reason: REASON, duplicateOf: first.id } });
    expect(entry.actor.id).toBe(a.ids.clerk);
    // The earlier case is untouched.
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${first.id}`)).body).toMatchObject({ state: 'received', closure: null });
    // A closed state: nothing more (no withdrawal, no acceptance).
    const again = await send(copy, a.tokens.clerk, 'ACCEPT', {}, '2026-06-02');
    expect(again.status).toBe(409);
  });

  it('only the clerk who registered it or the chair; another clerk is refused (403), others by role', async () => {
    const c = await register(pair(2));
    const r = await send(c, otherClerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-06-01');
    expect(r.status, JSON.stringify(r.body)).toBe(403);
    expect(r.body.detail).toContain('登记本案的书记员');
    const offered = (await t.api(otherClerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(offered.map((e) => e.type)).not.toContain('VOID_REGISTRATION');
    expect((await send(c, a.tokens.arbitrator, 'VOID_REGISTRATION', { reason: REASON }, '2026-06-01')).status).toBe(403);
    await ok(c, a.tokens.chair, 'VOID_REGISTRATION', { reason: '误登记：申请人到窗口询问，并未申请' }, '2026-06-01');
  });

  it('asks for a reason of at least 4 characters, and a duplicate that is another case (400 naming the field)', async () => {
    const c = await register(pair(3));
    for (const [payload, field] of [
      [{}, 'reason'],
      [{ reason: '重复' }, 'reason'],
      [{ reason: REASON, duplicateOf: c.id }, 'duplicateOf'],
      [{ reason: REASON, duplicateOf: 99_999_999 }, 'duplicateOf'],
    ] as const) {
      const r = await send(c, a.tokens.clerk, 'VOID_REGISTRATION', payload, '2026-06-01');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.type).toBe('application/problem+json');
      expect(JSON.stringify(r.body.errors)).toContain(field);
    }
  });

  it('the duplicate named is an application still standing: not a voided registration (a reviewer, s44 L7)', async () => {
    const voided = await register(pair(13));
    await ok(voided, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-06-01');
    const c = await register(pair(14));
    const r = await send(c, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON, duplicateOf: voided.id }, '2026-06-01');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'duplicateOf', message: `编号${voided.id}的登记已作废` }]);
  });

  it('not after acceptance, nor once the applicant was told to supplement (Rules Art. 29), nor after a service', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: pair(4, '2026-03-02') });
    expect((await send(c, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-03-05')).status).toBe(409);

    const s = await register(pair(5));
    await ok(s, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['劳动合同复印件'] }, '2026-06-02');
    // Waiting for the supplement: the same helpful 422 as after it (reviewer s45 L2), not 409.
    const waiting = await send(s, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-06-03');
    expect(waiting.status).toBe(422);
    expect(waiting.body.rule).toBe('void-after-supplement-request');
    await ok(s, a.tokens.clerk, 'SUPPLEMENT_RECEIVED', {}, '2026-06-03');
    const late = await send(s, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-06-03');
    expect(late.status, JSON.stringify(late.body)).toBe(422);
    expect(late.body).toMatchObject({ rule: 'void-after-supplement-request', source: 'Rules Art. 29' });
    const next = (await t.api(a.tokens.clerk).get(`/api/cases/${s.id}/next-events`)).body as { type: string }[];
    expect(next.map((e) => e.type)).not.toContain('VOID_REGISTRATION');

    const served = await register(pair(6));
    await ok(served, a.tokens.clerk, 'SERVE', { document: 'other', partyId: served.applicants[0].id, method: 'direct' }, '2026-06-02');
    const r = await send(served, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-06-02');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.rule).toBe('void-after-service');
  });

  it('is in no statistics: not received, rejected, accepted or closed; the drill-down does not list it', async () => {
    const q = 'from=2026-07-01&to=2026-07-31';
    const before = (await t.api(a.tokens.analyst).get(`/api/stats/closure?${q}`)).body;
    const c = await register(pair(7, '2026-07-10'));
    const mid = (await t.api(a.tokens.analyst).get(`/api/stats/closure?${q}`)).body;
    expect(mid.applications.received).toBe(before.applications.received + 1);
    await ok(c, a.tokens.clerk, 'VOID_REGISTRATION', { reason: REASON }, '2026-07-10');
    const after = (await t.api(a.tokens.analyst).get(`/api/stats/closure?${q}`)).body;
    expect(after.applications).toEqual(before.applications);
    expect(after.closed).toBe(before.closed);
    expect(after.accepted).toBe(before.accepted);
    for (const measure of ['received', 'rejected', 'closed']) {
      const d = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?${q}&measure=${measure}&pageSize=200`);
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      expect((d.body.items as { caseId?: number; id?: number }[]).map((x) => x.caseId ?? x.id)).not.toContain(c.id);
    }
    // The case list still shows it, as 已作废.
    const list = await t.api(a.tokens.clerk).get('/api/cases?state=voided');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(JSON.stringify(list.body)).toContain(`"id":${c.id}`);
  });

  it('is no earlier case for the duplicate bar (Rules Art. 34): not warned of, and no longer barring an acceptance', async () => {
    const first = await register(pair(8));
    const second = await register(pair(8));
    expect(second.warnings.map((w: { caseId: number }) => w.caseId)).toEqual([first.id]);
    // The first registration was the mistake: voided, the second is accepted without a statement.
    await ok(first, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '重复登记，以后一登记为准' }, '2026-06-01');
    const accepted = await ok(second, a.tokens.clerk, 'ACCEPT', {}, '2026-06-02');
    expect(accepted.state).toBe('accepted');
    const third = await register(pair(8, '2026-06-03'));
    expect(third.warnings.map((w: { caseId: number }) => w.caseId)).toEqual([second.id]);
  });
});

describe('a hearing inside the defense period (LDMAL Art. 30; Rules Art. 58)', () => {
  const respondentOf = (c: { respondents: { id: number }[] }) => (c.respondents[0] as { id: number }).id;
  const defenseDue = (c: CaseView) => (c.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'defense')?.dueOn as string;

  it('SCHEDULE_HEARING and HOLD_HEARING warn, naming the end date; a day after it does not', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: pair(9, '2026-03-02') });
    const served = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: respondentOf(c), method: 'direct' },
      '2026-03-06',
    );
    const due = defenseDue(served);
    expect(due).toMatch(/^2026-03-\d\d$/);
    // On the period's last day: inside it.
    const early = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: due, place: '第一仲裁庭' }, '2026-03-07');
    expect(early.warnings?.join('')).toContain(`${due} 届满`);
    expect(early.warnings?.join('')).toContain('第三十条');
    const held = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, due);
    expect(held.warnings?.join('')).toContain('答辩期');

    const { c: later, arb: arb2 } = await caseAt(t, a, 'tribunal_formed', { body: pair(10, '2026-03-02') });
    const s2 = await ok(
      later,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: respondentOf(later), method: 'direct' },
      '2026-03-06',
    );
    const after = new Date(Date.parse(`${defenseDue(s2)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const fine = await ok(later, arb2.token, 'SCHEDULE_HEARING', { hearingOn: after, place: '第二仲裁庭' }, '2026-03-07');
    // The day after is a Saturday: only the rest-day warning (legalfixA L4), none about the defense period.
    expect(fine.warnings).toEqual([`开庭日期 ${after} 为休息日（星期六），请核对。`]);
  });

  it('before the respondent received the copy: warned when the hearing falls inside the period however soon the copy is served', async () => {
    // Scheduled 03-09: ten working days from a service that day end no earlier than the 13th day — 03-20 is inside.
    const near = await caseAt(t, a, 'hearing_scheduled', {
      body: pair(11, '2026-03-02'),
      hearingOn: '2026-03-20',
      hearing: { place: '第三仲裁庭' },
    });
    expect(near.c.warnings?.join('')).toContain('尚未收到仲裁申请书副本');
    // 03-25 may well be after it (the hearing notice usually goes with the copy): not warned before service.
    const far = await caseAt(t, a, 'hearing_scheduled', { body: pair(12, '2026-03-02'), hearing: { place: '第三仲裁庭' } });
    expect(far.c.warnings ?? []).toEqual([]);
  });
});
