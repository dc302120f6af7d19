import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../app/deps.ts';
import { sweepDeadlines } from '../../app/time/sweep.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { type Actors, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

let t: TestApp;
let a: Actors;
beforeAll(async () => {
  // The clock moves months in this file: tokens must outlive it.
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '20000' } });
  a = await createActors(t);
});
afterAll(async () => t?.close());

const deps = () => t.app.locals.deps as Deps;

describe(`legal time over HTTP (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the calculator answers on the official calendar and refuses years without data', async () => {
    const r = await t.api(a.tokens.clerk).get('/api/calendar/deadline').query({ from: '2026-09-28', days: 5, unit: 'working' });
    expect(r.status).toBe(200);
    // 09-29, 09-30, [10-01…10-07 off], 10-08, 10-09, Saturday 10-10 is a make-up working day.
    expect(r.body).toMatchObject({ from: '2026-09-28', days: 5, unit: 'working', dueOn: '2026-10-10' });
    expect(r.body.skipped.filter((s: { reason: string }) => s.reason === 'holiday')).toHaveLength(7);
    expect(r.body.explanation).toContain('调休上班日2026-10-10计为工作日');
    const beyond = await t.api(a.tokens.clerk).get('/api/calendar/deadline').query({ from: '2026-12-20', days: 15, unit: 'calendar' });
    expect(beyond.status).toBe(422);
    expect(beyond.type).toBe('application/problem+json');
    expect(beyond.body.detail).toContain('缺少2027年');
    const bad = await t.api(a.tokens.clerk).get('/api/calendar/deadline').query({ from: '2026-02-30', days: -1, unit: 'weeks' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['days', 'from', 'unit']);
  });

  it('one day on the official calendar: holiday, adjusted working day, weekend, working day; a year without data provisionally', async () => {
    const day = (date: string) => t.api(a.tokens.arbitrator).get('/api/calendar/day').query({ date });
    const holiday = await day('2026-10-01');
    expect(holiday.status).toBe(200);
    expect(holiday.body).toMatchObject({ date: '2026-10-01', rest: true, kind: 'holiday', provisional: false });
    if (holiday.body.name !== undefined) expect(holiday.body.name).toContain('国庆');
    // Saturday 2026-10-10 is worked (调休上班); Saturday 2026-12-12 is a weekend; Monday 2026-12-14 a working day.
    expect((await day('2026-10-10')).body).toMatchObject({ rest: false, kind: 'makeup_workday', provisional: false });
    expect((await day('2026-12-12')).body).toEqual({ date: '2026-12-12', rest: true, kind: 'weekend', provisional: false });
    expect((await day('2026-12-14')).body).toEqual({ date: '2026-12-14', rest: false, kind: 'workday', provisional: false });
    // 2027 has no official data loaded here: weekends and the holidays the law dates (Holidays-Reg Art. 2), said so.
    expect((await day('2027-01-02')).body).toEqual({ date: '2027-01-02', rest: true, kind: 'weekend', provisional: true });
    expect((await day('2027-01-04')).body).toEqual({ date: '2027-01-04', rest: false, kind: 'workday', provisional: true });
    expect((await day('2027-01-01')).body).toEqual({ date: '2027-01-01', rest: true, kind: 'holiday', name: '元旦', provisional: true });
    expect((await day('2027-02-05')).body).toEqual({ date: '2027-02-05', rest: true, kind: 'holiday', name: '春节', provisional: true });
    expect((await day('2027-10-01')).body).toMatchObject({ rest: true, kind: 'holiday', name: '国庆节', provisional: true });
    const bad = await day('2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['date']);
    expect((await request(t.app).get('/api/calendar/day').query({ date: '2026-10-01' })).status).toBe(401);
  });

  it('the calculator gives a provisional date beyond the official calendar only when asked (&provisional=true)', async () => {
    const q = { from: '2026-12-20', days: 15, unit: 'calendar' };
    const exact = await t.api(a.tokens.clerk).get('/api/calendar/deadline').query(q);
    expect(exact.status).toBe(422);
    expect(exact.body.detail).toContain('provisional=true');
    const r = await t
      .api(a.tokens.clerk)
      .get('/api/calendar/deadline')
      .query({ ...q, provisional: 'true' });
    expect(r.status).toBe(200);
    // 2026-12-20 + 15 = Monday 2027-01-04 with 2027 read as weekends only.
    expect(r.body).toMatchObject({ dueOn: '2027-01-04', provisional: true, missingYears: [2027] });
    expect(r.body.explanation).toContain('缺少2027年');
    const known = await t
      .api(a.tokens.clerk)
      .get('/api/calendar/deadline')
      .query({ from: '2026-03-02', days: 5, unit: 'working', provisional: 'true' });
    expect(known.body).toMatchObject({ provisional: false, missingYears: [] });
    // Holidays-Reg Art. 2: 元旦 (Friday 2027-01-01) is a rest day in the provisional view: 12-29, 12-30, 12-31, 01-04, 01-05.
    const newYear = await t
      .api(a.tokens.clerk)
      .get('/api/calendar/deadline')
      .query({ from: '2026-12-28', days: 5, unit: 'working', provisional: 'true' });
    expect(newYear.body).toMatchObject({ dueOn: '2027-01-05', provisional: true, missingYears: [2027] });
    expect(newYear.body.skipped).toContainEqual({ date: '2027-01-01', reason: 'holiday', name: '元旦' });
    expect(newYear.body.explanation).toContain('元旦');
    expect(newYear.body.explanation).toContain('清明节、端午节、中秋节');
    // A calendar-day period ending on 元旦 is carried to the next working day.
    const carried = await t
      .api(a.tokens.clerk)
      .get('/api/calendar/deadline')
      .query({ from: '2026-11-17', days: 45, unit: 'calendar', provisional: 'true' });
    expect(carried.body).toMatchObject({ dueOn: '2027-01-04', provisional: true });
  });

  it('a case whose award limit falls on 元旦 of a year without official data: carried to the next working day', async () => {
    t.clock.set('2026-11-20T02:00:00Z');
    try {
      const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
      const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-11-17' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const award = r.body.deadlines.find((d: { kind: string }) => d.kind === 'award');
      // 2026-11-17 + 45 = Friday 2027-01-01 (元旦) → Monday 2027-01-04.
      expect(award).toMatchObject({ dueOn: '2027-01-04', provisional: true });
      expect(award.explanation).toContain('元旦');
      expect(award.explanation).toContain('缺少2027年国家法定节假日安排');
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
    }
  });

  // Issue 11 item 13 (api.md v1.1): the earliest plausible date instead of 待定, recomputed exactly when the year is loaded.
  it('item 13: a case accepted in December shows a provisional award date until an admin loads the next year', async () => {
    t.clock.set('2026-12-29T02:00:00Z');
    try {
      const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-01' }));
      const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-12-02' });
      const award = r.body.deadlines.find((d: { kind: string }) => d.kind === 'award');
      // 2026-12-02 + 45 = Saturday 2027-01-16 → Monday 2027-01-18 on weekends only (v1: dueOn null, status unknown).
      expect(award).toMatchObject({ dueOn: '2027-01-18', status: 'open', provisional: true });
      expect(award.explanation).toContain('缺少2027年国家法定节假日安排');
      expect(award.explanation).toContain('推后');
      expect(award.explanation).toContain('调休上班日');
      const exactOnes = r.body.deadlines.filter((d: { kind: string }) => d.kind === 'acceptance');
      expect(exactOnes[0]).toMatchObject({ provisional: false, status: 'met' });
      // A case closed meanwhile keeps a provisional (met) award date until the year is loaded, too.
      const w = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-01' }));
      await t.api(a.tokens.clerk).post(`/api/cases/${w.id}/events`, { type: 'ACCEPT', occurredOn: '2026-12-02' });
      const closed = await t
        .api(a.tokens.clerk)
        .post(`/api/cases/${w.id}/events`, { type: 'WITHDRAW', reason: '已和解', occurredOn: '2026-12-04' });
      expect(closed.body.deadlines.find((d: { kind: string }) => d.kind === 'award')).toMatchObject({ status: 'met', provisional: true });

      // A rule that allows on a provisional date records that it did (v1: 422 calendar-data-missing).
      const ext = await t
        .api(a.tokens.chair)
        .post(`/api/cases/${c.id}/events`, { type: 'EXTEND_TIME_LIMIT', days: 10, occurredOn: '2026-12-03' });
      expect(ext.status, JSON.stringify(ext.body)).toBe(200);
      const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
      expect(history.at(-1).payload.ruleFacts).toMatchObject({ awardDueOn: '2027-01-18', provisional: { years: [2027] } });
      // A rule that refuses on a provisional date says so plainly: 12-29, 12-30 and 12-31 are three working days before a
      // hearing on 2027-01-04 (01-01, 元旦, is a rest day even before the 2027 schedule is loaded).
      const arb = a.arbitrators[0] as { id: number; token: string };
      await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, {
        type: 'FORM_TRIBUNAL',
        arbitratorIds: [arb.id],
        presidingId: arb.id,
        occurredOn: '2026-12-28',
      });
      const soon = await t.api(arb.token).post(`/api/cases/${c.id}/events`, {
        type: 'SCHEDULE_HEARING',
        hearingOn: '2027-01-04',
        place: '第一仲裁庭',
        occurredOn: '2026-12-28',
      });
      expect(soon.status).toBe(422);
      expect(soon.body.rule).toBe('hearing-notice-5-days');
      expect(soon.body.detail).toContain('按暂定日期判断');
      expect(soon.body.detail).toContain('缺少2027年');

      expect(
        (await t.api(a.tokens.clerk).put('/api/calendar/years/2027', { notice: 'x', offDays: offDaysWith(2027), workDays: [] })).status,
      ).toBe(403);
      const badYear = await t
        .api(t.adminToken)
        .put('/api/calendar/years/2027', { notice: '通知', offDays: ['2028-01-01'], workDays: ['2027-02-30'] });
      expect(badYear.status).toBe(400);
      expect(badYear.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['offDays', 'offDays.0', 'workDays.0']); // offDays: the law's holidays left out (legalfixA M2)
      // A year outside 2000–2100 (or not four digits) is named in the same 400 as the body's fields (the contract says so).
      for (const y of ['1999', '27', '2101']) {
        const out = await t.api(t.adminToken).put(`/api/calendar/years/${y}`, { notice: '通知', offDays: [], workDays: [] });
        expect(out.status, y).toBe(400);
        expect(out.body.errors.map((e: { path: string }) => e.path)).toContain('year');
      }
      // …and beside a body that fails its own schema (sec54 L2: `abcd` with `{}` named only the body's fields).
      const both = await t.api(t.adminToken).put('/api/calendar/years/abcd', {});
      expect(both.status).toBe(400);
      expect(both.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['notice', 'offDays', 'workDays', 'year']);
      // Test data, not the official 2027 schedule: a holiday on Tuesday 2027-01-26 moves the date later.
      const put = await t.api(t.adminToken).put('/api/calendar/years/2027', {
        notice: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
        offDays: offDaysWith(2027, ['2027-01-02', '2027-01-03', '2027-01-26']),
        workDays: [],
      });
      // 202: the year is in force at once; open cases' deadlines are recomputed by a background job, followed at
      // Location — and the answer waits for it (CALENDAR_RECOMPUTE_WAIT_MS), so that what the admin reads next is exact.
      expect(put.status).toBe(202);
      expect(put.headers.location).toBe(`/api/calendar/recomputations/${put.body.recomputation.id}`);
      // The answer says where the job stands after the wait (legal tester, stop 42, F6): done, not the `pending`,
      // `startedAt: null` of the commit — the same as the progress read right after.
      expect(put.body).toMatchObject({
        year: 2027,
        offDays: 16,
        recomputation: { year: 2027, status: 'done', startedAt: expect.any(String), finishedAt: expect.any(String) },
      });
      expect(put.body.recomputation.casesDone).toBe(put.body.recomputation.casesTotal);
      const progress = await t.api(t.adminToken).get(String(put.headers.location));
      expect(progress.status).toBe(200);
      expect(progress.body).toMatchObject({ status: 'done', year: 2027, finishedAt: expect.any(String) });
      expect(progress.body).toEqual(put.body.recomputation);
      expect(progress.body.casesDone).toBe(progress.body.casesTotal);
      expect(progress.body.deadlinesChanged).toBeGreaterThanOrEqual(2);
      expect((await t.api(a.tokens.clerk).get(String(put.headers.location))).status).toBe(403);
      const years = (await t.api(a.tokens.clerk).get('/api/calendar/years')).body;
      expect(years.at(-1)).toMatchObject({ year: 2027, notice: expect.stringContaining('2027') });
      const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/deadlines`)).body.find(
        (d: { kind: string }) => d.kind === 'award',
      );
      // Recomputed exactly: 45 + 10 (extension) from 2026-12-02 = 2027-01-26, a holiday in the loaded year → 01-27.
      expect(after).toMatchObject({ dueOn: '2027-01-27', status: 'open', provisional: false, basis: 'LDMAL Art. 43; Rules Arts. 45–46' });
      expect(after.explanation).not.toContain('暂定');
      const closedAfter = (await t.api(a.tokens.clerk).get(`/api/cases/${w.id}/deadlines`)).body.find(
        (d: { kind: string }) => d.kind === 'award',
      );
      expect(closedAfter).toMatchObject({ dueOn: '2027-01-18', status: 'met', provisional: false });
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
    }
  });

  it('each deadline the clerk and tribunal watch appears on the case with a sentence explaining it', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-02' }));
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      document: 'application_copy',
      partyId: c.respondents[0]?.id,
      method: 'post',
      servedOn: '2026-03-06',
      occurredOn: '2026-03-06',
    });
    const list = (await t.api(a.tokens.analyst).get(`/api/cases/${c.id}/deadlines`)).body as {
      kind: string;
      dueOn: string;
      status: string;
      explanation: string;
      unit: string;
    }[];
    const byKind = Object.fromEntries(list.map((d) => [d.kind, d]));
    expect(byKind.acceptance).toMatchObject({ dueOn: '2026-03-09', status: 'met', unit: 'working' });
    expect(byKind.serve_respondent).toMatchObject({ dueOn: '2026-03-11', status: 'met' });
    // Defense: 10 working days from service on Friday 2026-03-06 → 2026-03-20; by today (04-01) it has run out.
    // No defense filed: `elapsed` (a period over), not `met` (done) — reviewer s45 L3.
    expect(byKind.defense).toMatchObject({ dueOn: '2026-03-20', status: 'elapsed' });
    expect(byKind.defense?.explanation).toContain('期间已届满');
    expect(byKind.tribunal_notice).toMatchObject({ dueOn: '2026-03-11', status: 'overdue' });
    expect(byKind.award).toMatchObject({ dueOn: '2026-04-20', status: 'open' });
    for (const d of list) expect(d.explanation).toMatch(/。$/);
  });

  it('the due list puts overdue first, filters by assignee and kind, pages in the list envelope, and the overdue case filter agrees', async () => {
    const due = await t.api(a.tokens.clerk).get('/api/deadlines').query({ within: 30, assignee: 'me', pageSize: 200 });
    expect(due.status).toBe(200);
    const list = due.body.items as { assignee: string; status: string; caseId: number; kind: string }[];
    expect(due.body).toMatchObject({ total: list.length, page: 1, pageSize: 200 });
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((d) => d.assignee === 'clerk')).toBe(true);
    const statuses = list.map((d) => d.status);
    expect(statuses.lastIndexOf('overdue')).toBeLessThan(statuses.indexOf('open') === -1 ? Infinity : statuses.indexOf('open'));
    expect(due.body.overdue).toBe(statuses.filter((s) => s === 'overdue').length);
    expect(list[0]).toMatchObject({ caseId: expect.any(Number), applicantNames: expect.any(Array), stateLabel: expect.any(String) });
    // Pages: the same order, one at a time; the totals do not depend on the page.
    const second = await t.api(a.tokens.clerk).get('/api/deadlines').query({ within: 30, assignee: 'me', pageSize: 1, page: 2 });
    expect(second.body).toMatchObject({ total: list.length, page: 2, pageSize: 1, overdue: due.body.overdue });
    if (list.length > 1) expect(second.body.items[0]).toEqual(list[1]);
    const kind = list[0]?.kind as string;
    const ofKind = (await t.api(a.tokens.clerk).get('/api/deadlines').query({ within: 30, assignee: 'me', kind, pageSize: 200 })).body;
    expect(ofKind.items.length).toBe(list.filter((d) => d.kind === kind).length);
    const overdueCases = (await t.api(a.tokens.clerk).get('/api/cases').query({ overdue: 'true', pageSize: 200 })).body.items.map(
      (x: { id: number }) => x.id,
    );
    const fromList = [...new Set(list.filter((d) => d.status === 'overdue').map((d) => d.caseId))];
    for (const id of fromList) expect(overdueCases).toContain(id);
    expect((await t.api(a.tokens.clerk).get('/api/deadlines').query({ within: 400 })).status).toBe(400);
    expect((await t.api(a.tokens.clerk).get('/api/deadlines').query({ pageSize: 201 })).status).toBe(400);
  });

  it('the sweep marks overdue and records award alerts once; running it twice changes nothing', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-02' }));
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    // Award due 2026-04-20: on 04-12 eight days are left (T-10 crossed, T-5 not yet).
    const first = await sweepDeadlines(deps(), '2026-04-12');
    expect(first.alertsRecorded).toBeGreaterThan(0);
    const again = await sweepDeadlines(deps(), '2026-04-12');
    expect(again.alertsRecorded).toBe(0);
    expect(again.deadlinesChanged).toBe(0);
    const alerts = await deps().stores.deadlines.alerts(t.db.knex, c.id);
    expect(alerts.filter((x) => x.kind === 'award').map((x) => x.threshold)).toEqual(['T-10']);
    await sweepDeadlines(deps(), '2026-04-21');
    const later = await deps().stores.deadlines.alerts(t.db.knex, c.id);
    expect(later.filter((x) => x.kind === 'award').map((x) => x.threshold)).toEqual(['T-10', 'overdue']);
    const award = (await deps().stores.deadlines.forCase(t.db.knex, c.id)).find((d) => d.kind === 'award');
    expect(award?.status).toBe('overdue');
    await sweepDeadlines(deps(), '2026-04-01');
  });

  it('GET /api/alerts: the award-clock alerts the sweep recorded and that still stand, one per case, in scope', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-02' }));
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    const [mine, other] = a.arbitrators as [{ id: number; token: string }, { id: number; token: string }];
    const formed = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, {
      type: 'FORM_TRIBUNAL',
      occurredOn: '2026-03-05',
      arbitratorIds: [mine.id],
      presidingId: mine.id,
    });
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
    const alertsOf = async (token: string) => {
      const r = await t.api(token).get('/api/alerts').query({ pageSize: 200 });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items.filter((x: { caseId: number }) => x.caseId === c.id);
    };
    // Nothing is shown before the sweep has recorded an alert, however close the clock is.
    t.clock.set('2026-04-12T02:00:00Z');
    try {
      expect(await alertsOf(a.tokens.clerk)).toEqual([]);
      // Award due 2026-04-20: on 04-12 the sweep records T-10.
      await sweepDeadlines(deps(), '2026-04-12');
      const [alert] = await alertsOf(a.tokens.clerk);
      expect(alert).toMatchObject({
        threshold: 'T-10',
        dueOn: '2026-04-20',
        provisional: false,
        status: 'open',
        daysLeft: 8,
        applicantNames: ['张三'],
      });
      expect(alert.caseNo).toMatch(/〔2026〕/);
      expect(await alertsOf(mine.token)).toHaveLength(1);
      expect(await alertsOf(a.tokens.chair)).toHaveLength(1);
      // Another arbitrator's tribunal: not in scope. An analyst or a mediator does not answer for award clocks.
      expect(await alertsOf(other.token)).toEqual([]);
      expect((await t.api(a.tokens.analyst).get('/api/alerts')).status).toBe(403);
      expect((await t.api(a.tokens.mediator).get('/api/alerts')).status).toBe(403);
      // Overdue: the latest alert stands, one row for the case.
      t.clock.set('2026-04-21T02:00:00Z');
      await sweepDeadlines(deps(), '2026-04-21');
      const overdue = await alertsOf(a.tokens.clerk);
      expect(overdue).toHaveLength(1);
      expect(overdue[0]).toMatchObject({ threshold: 'overdue', status: 'overdue', daysLeft: -1 });
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
      await sweepDeadlines(deps(), '2026-04-01');
    }
  });

  it('GET /api/alerts: an award limit in a year with no official holiday notice is said to be provisional (legal55b M1)', async () => {
    t.clock.set('2027-11-25T02:00:00Z');
    try {
      const c = await registerCase(t, a, standardApplication({ receivedOn: '2027-11-20' }));
      const acc = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2027-11-25' });
      expect(acc.status, JSON.stringify(acc.body)).toBe(200);
      // 45 days from 2027-11-25: Sunday 2028-01-09 → Monday 01-10 (CPL Art. 85), on no official 2028 notice: provisional
      // (2027 may be loaded by an earlier test of this file; 2028 never is).
      const award = (await deps().stores.deadlines.forCase(t.db.knex, c.id)).find((d) => d.kind === 'award');
      expect(award).toMatchObject({ dueOn: '2028-01-10', provisional: true });
      t.clock.set('2028-01-01T02:00:00Z');
      await sweepDeadlines(deps(), '2028-01-01');
      const r = await t.api(a.tokens.clerk).get('/api/alerts').query({ pageSize: 200 });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const mine = r.body.items.filter((x: { caseId: number }) => x.caseId === c.id);
      expect(mine).toEqual([expect.objectContaining({ threshold: 'T-10', dueOn: '2028-01-10', provisional: true, daysLeft: 9 })]);
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
      await sweepDeadlines(deps(), '2026-04-01');
    }
  });

  it('GET /api/alerts: an extension moves the award clock and retires the alerts of the old date', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-02' }));
    await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    const standing = async () =>
      (await t.api(a.tokens.chair).get('/api/alerts').query({ pageSize: 200 })).body.items.filter(
        (x: { caseId: number }) => x.caseId === c.id,
      );
    t.clock.set('2026-04-12T02:00:00Z');
    try {
      await sweepDeadlines(deps(), '2026-04-12');
      expect(await standing()).toHaveLength(1);
      const ext = await t
        .api(a.tokens.chair)
        .post(`/api/cases/${c.id}/events`, { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-04-12', days: 15 });
      expect(ext.status, JSON.stringify(ext.body)).toBe(200);
      expect(await standing()).toEqual([]);
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
      await sweepDeadlines(deps(), '2026-04-01');
    }
  });

  it('registration shows a limitation warning with its reasoning, never a refusal', async () => {
    const r = await t
      .api(a.tokens.clerk)
      .post('/api/cases', standardApplication({ receivedOn: '2026-03-02', limitation: { knewOn: '2024-12-01' } }));
    expect(r.status).toBe(201);
    expect(r.body.state).toBe('received');
    expect(r.body.limitation).toMatchObject({ knewOn: '2024-12-01', status: 'expired', expiresOn: '2025-12-01' });
    expect(r.body.limitation.reasoning).toContain('已超过仲裁时效');
    const wages = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        claims: [{ category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' }],
        limitation: { knewOn: '2020-01-01', employmentStatus: 'ongoing' },
      }),
    );
    expect(wages.body.limitation.status).toBe('exempt');
  });
});
