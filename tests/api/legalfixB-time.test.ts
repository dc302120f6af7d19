import { describe, expect, it } from 'vitest';
import { LAW_OFF_DAYS } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside senior clerk's findings on hearings, the award clock and the calendar (legalfixB, second round): a hearing
 * past the award limit (LDMAL Art. 43(1); Rules Art. 45), the 中秋/端午 checks of a loaded year, the extension offered
 * after the limit, the suspension's wording, the late-notice wording, festival names of a year loaded without names,
 * and a hearing overtaken by a suspension (Rules Art. 47). "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });
const { send, ok } = caseEvents(() => t);
type D = { kind: string; dueOn: string | null; explanation: string };
const award = (v: CaseView) => (v.deadlines as D[]).find((d) => d.kind === 'award');
const warnings = (v: CaseView) => ((v as { warnings?: string[] }).warnings ?? []).join('\n');
const preview = async (c: { id: number }, token: string, body: Record<string, unknown>) => {
  const r = await t.api(token).post(`/api/cases/${c.id}/event-preview`).send(body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return ((r.body.warnings ?? []) as string[]).join('\n');
};

/** Registered `receivedOn`, accepted `acceptOn`, a sole arbitrator's tribunal formed the same day. */
async function accepted(n: number, receivedOn: string, acceptOn: string) {
  const c = await registerCase(t, a, standardApplication({ receivedOn, applicants: [worker(`工人T${n}`, 700 + n)] }));
  const arb = a.arbitrators[0] as { id: number; token: string };
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, acceptOn);
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, acceptOn);
  return { c, arb };
}

describe(`hearings and the award clock, legalfixB (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1 + L2: a hearing set or moved past the extended award limit is warned of, naming the limit and the spent extension', async () => {
    const { c, arb } = await accepted(1, '2026-10-30', '2026-11-02');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-09');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-11-20');
    const resumed = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-12-01');
    // 45 + 15 + 22 days of suspension (11-09 … 11-30) from 11-02 = 2027-01-23 (Saturday) → Monday 01-25.
    expect(award(resumed)?.dueOn).toBe('2027-01-25');
    // L2: the days named are the days excluded — 11-09 to 11-30, the day before the case resumed: 22 days.
    expect(award(resumed)?.explanation).toContain('中止审理2026-11-09至恢复审理之日2026-12-01前一日（22天）');
    const scheduled = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2027-02-08', place: '第一仲裁庭' }, '2026-12-02');
    expect(warnings(scheduled)).toContain('开庭日期 2027-02-08 在审理期限届满日 2027-01-25');
    expect(warnings(scheduled)).toContain('第四十三条第一款');
    expect(warnings(scheduled)).toContain('已于 2026-11-20 延长15日，不能再延长');
    // The rest-day warning is still there (春节).
    expect(warnings(scheduled)).toContain('为法定节假日（春节）');
    const moved = await ok(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2027-02-20', reason: '申请人申请延期' }, '2026-12-03');
    expect(warnings(moved)).toContain('开庭日期 2027-02-20 在审理期限届满日 2027-01-25');
    // Moved back inside the limit: no such warning.
    const inside = await preview(c, arb.token, { type: 'POSTPONE_HEARING', hearingOn: '2027-01-20', reason: '另定日期' });
    expect(inside).not.toContain('审理期限届满日');
  });

  it('M1: the preview of a postponement past a limit not yet extended names the limit, and how far an extension reaches', async () => {
    const { c, arb } = await accepted(2, '2026-12-03', '2026-12-05');
    // 45 days from 12-05: 2027-01-19.
    const v = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2027-01-11', place: '第一仲裁庭' }, '2026-12-05');
    expect(award(v)?.dueOn).toBe('2027-01-19');
    expect(warnings(v)).not.toContain('审理期限届满日');
    const far = await preview(c, arb.token, { type: 'POSTPONE_HEARING', hearingOn: '2027-03-01', reason: '另定日期' });
    expect(far).toContain('开庭日期 2027-03-01 在审理期限届满日 2027-01-19');
    expect(far).toContain('本期审理期限尚可延长');
    // 01-19 + 15 = 02-03; the hearing is after that too.
    expect(far).toContain('延长15日后最迟至 2027-02-03');
    expect(far).toContain('开庭日期仍在其后');
    const near = await preview(c, arb.token, { type: 'POSTPONE_HEARING', hearingOn: '2027-01-28', reason: '另定日期' });
    expect(near).toContain('延长15日后最迟至 2027-02-03');
    expect(near).toContain('另定 2027-01-19 之前的开庭日期');
    const { c: other, arb: arb2 } = await accepted(7, '2026-12-03', '2026-12-05');
    const sched = await preview(other, arb2.token, { type: 'SCHEDULE_HEARING', hearingOn: '2027-01-27', place: '第二仲裁庭' });
    expect(sched).toContain('开庭日期 2027-01-27 在审理期限届满日 2027-01-19');
  });

  it('L1: a suspended case whose limit ran out: an extension dated after the limit is refused, one approved in time is recorded', async () => {
    // Accepted 09-01: 45 days → 10-16 (Friday). Suspended 11-02, after the limit.
    const { c } = await accepted(3, '2026-08-31', '2026-09-01');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待另案审理结果', ground: 'pending_case' }, '2026-11-02');
    // Still offered (reviewer s48 L1): the act may be entered late with the day it was approved (api.md); the dialog
    // says at once that today is past the limit (tests/e2e/screen-acts.test.ts).
    const offered = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(offered.map((e) => e.type)).toEqual(expect.arrayContaining(['EXTEND_TIME_LIMIT', 'RESUME']));
    const r = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂' });
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('extension-before-deadline');
    // Approved on 10-12, before the limit ran, and entered now: recorded — before the suspension it was entered after.
    const { c: timely } = await accepted(4, '2026-08-31', '2026-09-01');
    const v = await ok(timely, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂' }, '2026-10-12');
    expect((v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'award')?.dueOn).toBe('2026-10-26');
  });

  it('L3 + L5: a suspension over a scheduled hearing is warned of, and at resumption the passed hearing date; the late notice wording', async () => {
    const { c, arb } = await accepted(5, '2026-10-30', '2026-11-02');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-20', place: '第一仲裁庭' }, '2026-11-04');
    // L3: served 11-18, after the last day leaving five days (LDMAL Art. 35).
    const late = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.applicants[0]?.id, method: 'direct', servedOn: '2026-11-18' },
      '2026-11-18',
    );
    expect(warnings(late)).toContain('开庭日期2026-11-20前已来不及依法通知，请考虑另定开庭日期并重新通知');
    expect(warnings(late)).not.toContain('另定开庭日期（');
    const suspended = await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-19');
    expect(warnings(suspended)).toContain('本案已定于 2026-11-20 开庭，该日在中止审理期间（自 2026-11-19 起）');
    const resumed = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-12-01');
    expect(resumed.state).toBe('hearing_scheduled');
    expect(warnings(resumed)).toContain('本案通知的开庭日期 2026-11-20 已在中止审理期间经过，未开庭：请记录延期开庭');
    // A suspension with the hearing already behind it, or none scheduled, says nothing of one.
    const { c: other } = await accepted(6, '2026-11-27', '2026-11-30');
    const s2 = await ok(other, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-12-01');
    expect(warnings(s2)).not.toContain('开庭');
  });
});

describe(`calendar years, legalfixB M2 + L4 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M2: 2027 without a 中秋 day off (国庆 days after it) or with 端午 12 days early is refused; the merged 2028 break is accepted', async () => {
    const admin = t.api(t.adminToken);
    const base = LAW_OFF_DAYS[2027] as string[];
    const noMidAutumn = await admin.put('/api/calendar/years/2027', {
      notice: '测试',
      offDays: [...base.filter((d) => d !== '2027-09-15'), '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
      workDays: [],
    });
    expect(noMidAutumn.status).toBe(400);
    expect(noMidAutumn.body.errors[0]).toMatchObject({ path: 'offDays' });
    expect(noMidAutumn.body.errors[0].message).toContain('没有中秋节的放假日');
    expect(noMidAutumn.body.errors[0].message).toContain('中秋节2027-09-15');
    const earlyDragonBoat = await admin.put('/api/calendar/years/2027', {
      notice: '测试',
      offDays: [...base.filter((d) => d !== '2027-06-09'), '2027-05-28'],
      workDays: [],
    });
    expect(earlyDragonBoat.status).toBe(400);
    expect(earlyDragonBoat.body.errors[0].message).toContain('没有端午节的放假日');
    expect(earlyDragonBoat.body.errors[0].message).not.toContain('中秋节');
    // Nothing was loaded.
    expect(((await admin.get('/api/calendar/years')).body as { year: number }[]).map((y) => y.year)).not.toContain(2027);
    // 中秋 on 3 October 2028 merged into 国庆, the break running to 10-04 (as 2020 and 2023 merged): accepted.
    const merged = await admin.put('/api/calendar/years/2028', {
      notice: '测试：无节日名称',
      offDays: [...(LAW_OFF_DAYS[2028] as string[]), '2028-10-05', '2028-10-06'],
      workDays: [],
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(202);
  });

  it('L4: a year loaded without names still names its holidays — in the day, and in a deadline explanation', async () => {
    const admin = t.api(t.adminToken);
    const years = ((await admin.get('/api/calendar/years')).body as { year: number }[]).map((y) => y.year);
    if (!years.includes(2028)) {
      const put = await admin.put('/api/calendar/years/2028', {
        notice: '测试：无节日名称',
        offDays: [...(LAW_OFF_DAYS[2028] as string[]), '2028-10-05', '2028-10-06'],
        workDays: [],
      });
      expect(put.status).toBe(202);
    }
    const day = async (date: string) => (await t.api(a.tokens.clerk).get(`/api/calendar/day?date=${date}`)).body as { name?: string };
    expect((await day('2028-04-04')).name).toBe('清明节');
    expect((await day('2028-05-28')).name).toBe('端午节');
    expect((await day('2028-01-25')).name).toBe('春节');
    expect((await day('2028-10-03')).name).toBe('国庆节、中秋节');
    // A day of the break the law does not fix itself: named after the festivals of its break.
    expect((await day('2028-10-05')).name).toBe('国庆节、中秋节');
    // 30 calendar days from 2028-09-05: 10-05, a day off → carried to the next working day, the holiday named.
    const r = await t.api(a.tokens.clerk).get('/api/calendar/deadline?from=2028-09-05&days=30&unit=calendar');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.explanation).toContain('法定节假日（国庆节、中秋节）');
    expect(r.body.explanation).not.toContain('（节假日）');
  });
});
