import { describe, expect, it } from 'vitest';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside clerk's findings (legalfixA): the notice of an old hearing date served on the day of the postponement,
 * the calendar years an administrator loads, the remedy of an overdue acceptance, late hearing notices. "Today" is
 * 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
type Deadline = { kind: string; dueOn: string | null; status: string; explanation: string };
const deadline = (v: CaseView, kind: string) => (v.deadlines as Deadline[]).find((d) => d.kind === kind);

/** Accepted 10-27, the respondent served 10-28, a hearing on 11-24 scheduled 11-13, both parties notified 11-16. */
async function noticedFor1124(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
    body: standardApplication({ applicants: [worker(name, seq)], receivedOn: '2026-10-26' }),
    acceptOn: '2026-10-27',
    formOn: '2026-10-28',
  });
  const app = c.applicants[0]?.id;
  const resp = c.respondents[0]?.id;
  await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: resp, method: 'direct' }, '2026-10-28');
  await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-24', place: '第八仲裁庭' }, '2026-11-13');
  for (const partyId of [app, resp])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId, method: 'direct' }, '2026-11-16');
  return { c, arb, app, resp };
}

describe(`legalfixA findings (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: a notice of the old date served on the day of the postponement is no notice of the new date (LDMAL Art. 36)', async () => {
    const { c, arb } = await noticedFor1124('甘一', 701);
    const moved = await ok(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-11-27', reason: '仲裁员出差', requestedBy: 'tribunal' },
      '2026-11-16',
    );
    const notice = deadline(moved, 'hearing_notice');
    expect(notice?.status).not.toBe('met');
    expect(notice?.explanation).not.toContain('已于2026-11-16完成');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-11-27');
    const dw = await send(c, arb.token, 'DEEM_WITHDRAWN', {}, '2026-11-27');
    expect(dw.status).toBe(422);
    expect(dw.body.rule).toBe('hearing-notice-not-proven');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(view.state).not.toBe('closed_deemed_withdrawn');
  });

  it('H1: a notice recorded after the postponement on the same day is notice of the new date', async () => {
    const { c, arb, app, resp } = await noticedFor1124('甘二', 702);
    await ok(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2026-11-27', reason: '仲裁员出差', requestedBy: 'tribunal' }, '2026-11-16');
    for (const partyId of [app, resp])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'postponement_notice', partyId, method: 'direct' }, '2026-11-16');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-11-27');
    const closed = await ok(c, arb.token, 'DEEM_WITHDRAWN', {}, '2026-11-27');
    expect(closed.state).toBe('closed_deemed_withdrawn');
  });

  it("M2: a year that leaves out the law's holidays, a day of another year, or a weekday as 调休上班日 is 400, nothing loaded", async () => {
    const admin = t.api(t.adminToken);
    const paths = (r: { body: { errors?: { path: string; message: string }[] } }) => (r.body.errors ?? []).map((e) => e.path).sort();
    const onlyNewYear = await admin.put('/api/calendar/years/2027', { notice: '测试', offDays: ['2027-01-01'], workDays: [] });
    expect(onlyNewYear.status).toBe(400);
    expect(paths(onlyNewYear)).toEqual(['offDays']);
    const why = onlyNewYear.body.errors[0].message as string;
    expect(why).toContain('2027-02-06（春节）');
    expect(why).toContain('2027-10-01（国庆节）');
    expect(why).toContain('清明节、端午节、中秋节');
    const odd = await admin.put('/api/calendar/years/2027', { notice: '测试', offDays: ['2026-12-31'], workDays: ['2027-01-05'] });
    expect(odd.status).toBe(400);
    // 2026-12-31 is not in a 元旦 break (1 January itself is not off); Tuesday 01-05 is no make-up working day.
    expect(paths(odd)).toEqual(['offDays', 'offDays.0', 'workDays.0']);
    expect(odd.body.errors.find((e: { path: string }) => e.path === 'workDays.0').message).toContain('周六或周日');
    expect((await t.api(a.tokens.clerk).get('/api/calendar/years')).body.map((y: { year: number }) => y.year)).not.toContain(2027);
    // A December day of the year before is allowed inside the 元旦 break that runs into 1 January (the 2023 notice).
    const ok2027 = await admin.put('/api/calendar/years/2027', {
      notice: '测试',
      offDays: offDaysWith(2027, ['2026-12-31', '2027-01-02', '2027-01-03']),
      workDays: ['2026-12-27', '2027-02-20'],
    });
    expect(ok2027.status, JSON.stringify(ok2027.body)).toBe(202);
  });

  it('M1: an overdue acceptance says the applicant may sue (LDMAL Art. 29); a late ACCEPT is recorded with a warning', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('甘三', 703)], receivedOn: '2026-11-20' }));
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    const acc = deadline(view, 'acceptance');
    expect(acc).toMatchObject({ dueOn: '2026-11-27', status: 'overdue' });
    expect(acc?.explanation).toContain('申请人可以就该劳动争议事项向人民法院提起诉讼');
    const due = await t.api(a.tokens.clerk).get('/api/deadlines').query({ within: 30, assignee: 'all', kind: 'acceptance', pageSize: 100 });
    expect(due.status).toBe(200);
    const listed = (due.body.items as (Deadline & { caseId: number })[]).find((d) => d.caseId === c.id);
    expect(listed?.explanation).toContain('向人民法院提起诉讼');
    const late = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-12-05');
    expect(late.status).toBe(200);
    expect(late.body.warnings).toEqual([expect.stringContaining('申请人可以就该劳动争议事项向人民法院提起诉讼')]);
    expect(late.body.warnings[0]).toContain('2026-11-27');
    const after = deadline(late.body.view ?? late.body, 'acceptance');
    expect(after?.status).toBe('met_late');
    expect(after?.explanation).toContain('自2026-11-28起申请人可以就该劳动争议事项向人民法院提起诉讼');
  });

  it('L1: a hearing notice served after its last day is recorded with a warning (LDMAL Art. 35), a deemed one by its deemed day', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('甘四', 704)], receivedOn: '2026-08-21' }),
      acceptOn: '2026-08-24',
      formOn: '2026-08-25',
    });
    const app = c.applicants[0]?.id;
    const resp = c.respondents[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: resp, method: 'direct' }, '2026-08-25');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-09-14', place: '第一仲裁庭' }, '2026-09-01');
    // Five clear working days before Monday 09-14 (09-07…09-11): served by 09-06 at the latest (the hearing_notice deadline).
    const timely = await send(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: resp, method: 'direct' }, '2026-09-04');
    expect(timely.status).toBe(200);
    expect(timely.body.warnings ?? []).toEqual([]);
    const late = await send(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: app, method: 'direct' }, '2026-09-10');
    expect(late.status).toBe(200);
    expect(late.body.warnings).toEqual([expect.stringContaining('晚于最迟送达日 2026-09-06')]);
    expect(late.body.warnings[0]).toContain('第三十五条');
    expect(late.body.warnings[0]).toContain('甘四');
  });

  it('L1: a hearing notice by public notice deemed served after the last day is warned of with its deemed day', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('甘五', 705)], receivedOn: '2026-10-08' }),
      acceptOn: '2026-10-09',
      formOn: '2026-10-09',
    });
    const resp = c.respondents[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: resp, method: 'direct' }, '2026-10-09');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-18', place: '第一仲裁庭' }, '2026-10-15');
    const late = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: resp, method: 'public_notice' },
      '2026-10-16',
    );
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body.warnings).toEqual([expect.stringContaining('2026-10-16公告，视为2026-11-15送达')]);
  });

  it('L2: a simple-method service not confirmed is recorded with a warning naming the defense period (Rules Art. 59)', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('甘六', 706)], receivedOn: '2026-11-02', procedure: 'simple' }),
      acceptOn: '2026-11-03',
    });
    const resp = c.respondents[0]?.id;
    const sms = await send(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: resp, method: 'sms' }, '2026-11-04');
    expect(sms.status).toBe(200);
    expect(sms.body.warnings).toEqual([expect.stringContaining('尚未经受送达人确认收悉（《劳动人事争议仲裁办案规则》第五十九条）')]);
    expect(sms.body.warnings[0]).toContain('答辩期');
    const confirmed = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: resp, method: 'sms', confirmed: true },
      '2026-11-05',
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.warnings ?? []).toEqual([]);
  });

  it('L4: a hearing set or moved to a Sunday or a holiday is recorded with a warning', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('甘七', 707)], receivedOn: '2026-11-02' }),
      acceptOn: '2026-11-03',
      formOn: '2026-11-04',
    });
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-11-04');
    const sunday = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-20', place: '第一仲裁庭' }, '2026-12-01');
    expect(sunday.status).toBe(200);
    // Accepted 11-03: the award limit is 12-18, and these hearings are after it (legalfixB M1, LDMAL Art. 43(1)).
    expect(sunday.body.warnings).toEqual([
      expect.stringContaining('开庭日期 2026-12-20 为休息日（星期日），请核对。'),
      expect.stringContaining('在审理期限届满日 2026-12-18'),
    ]);
    const newYear = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2027-01-01', reason: '仲裁员出差', requestedBy: 'tribunal' },
      '2026-12-02',
    );
    expect(newYear.status).toBe(200);
    expect(newYear.body.warnings).toEqual([
      expect.stringContaining('开庭日期 2027-01-01 为法定节假日'),
      expect.stringContaining('在审理期限届满日 2026-12-18'),
    ]);
    const monday = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-12-21', reason: '恢复原定安排', requestedBy: 'tribunal' },
      '2026-12-03',
    );
    expect(monday.status).toBe(200);
    expect(monday.body.warnings ?? []).toEqual([expect.stringContaining('在审理期限届满日 2026-12-18')]);
  });

  it('L5, L6: the limitation reasoning names an interruption after expiry as without effect, and a Sunday as 休息日', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        applicants: [worker('甘八', 708)],
        receivedOn: '2026-03-02',
        limitation: { knewOn: '2024-12-07', interruptions: [{ on: '2025-12-20', kind: '向用人单位主张权利' }] },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // 2025-12-07 is a Sunday → Monday 12-08 (CivCode Art. 203).
    expect(r.body.limitation).toMatchObject({ status: 'expired', expiresOn: '2025-12-08' });
    const why = r.body.limitation.reasoning as string;
    expect(why).toContain('2025-12-07为休息日，顺延至其后第一个工作日2025-12-08');
    expect(why).not.toContain('法定休假日');
    expect(why).toContain('2025-12-20向用人单位主张权利发生在时效期间届满（2025-12-08）之后，不发生时效中断的效力');
    const holiday = await t
      .api(a.tokens.clerk)
      .post(
        '/api/cases',
        standardApplication({ applicants: [worker('甘九', 709)], receivedOn: '2026-03-02', limitation: { knewOn: '2024-10-01' } }),
      );
    expect(holiday.body.limitation.reasoning).toContain('2025-10-01为法定节假日');
  });
});
