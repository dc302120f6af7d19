import { describe, expect, it } from 'vitest';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

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
});
