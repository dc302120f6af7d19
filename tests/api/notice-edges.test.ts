import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Two notices an outside tester worked by hand: a public notice overtaken by service in another way stops pausing the
 * award clock that day (CPL Art. 95 serves by notice only a party who cannot be found; Rules Art. 46(6)); and a
 * collective case notifies its tribunal, periods and hearing at once within 5 days of acceptance (Rules Art. 65).
 */
const { t, a } = apiSuite({ now: '2026-06-01T02:00:00Z' });

const { ok } = caseEvents(() => t);
type Deadline = { kind: string; dueOn: string | null; status: string; label: string; explanation: string; basis?: string };
const deadline = (v: unknown, kind: string) => (v as { deadlines: Deadline[] }).deadlines.find((d) => d.kind === kind) as Deadline;

/** Accepted 03-04; the notice to respond published to the respondent on 03-06 (deemed served 04-05). */
async function published() {
  const c = await registerCase(t, a);
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  const r = c.respondents[0]?.id;
  const v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: r, method: 'public_notice' }, '2026-03-06');
  return { c, r, v };
}

describe(`notices at their edges (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a public notice overtaken by direct service is excluded from the award clock only until that service', async () => {
    // Published 03-06 (deemed served 04-05): while it runs, the clock is held — 03-04 + 45 + 30 = Monday 05-18.
    let { c, r, v } = await published();
    expect(deadline(v, 'award').dueOn).toBe('2026-05-18');
    // The respondent is found and served directly on 03-16: 10 days excluded, not 30 — 03-04 + 45 + 10 = Tuesday 04-28.
    v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: r, method: 'direct' }, '2026-03-16');
    expect(deadline(v, 'award').dueOn).toBe('2026-04-28');
    expect(deadline(v, 'award').explanation).toContain('公告期满前已于2026-03-16以其他方式送达');
  });

  it('a notice merged with a suspension: the days they share are excluded once, the notice’s from the day after publication (legal54b #1)', async () => {
    // Published 03-06: the notice's days are 03-07..04-05 (CPL Arts. 85(2), 95); suspended 03-20, resumed 04-20: 03-20..04-19.
    // Together 03-07..04-19, 44 days: 03-04 + 45 = 04-18, + 44 = Monday 06-01 (the two read as 03-06..04-19 gave 45).
    const { c } = await published();
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-20');
    const v = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-20');
    expect(deadline(v, 'award').dueOn).toBe('2026-06-01');
    expect(deadline(v, 'award').explanation).toContain('合计扣除44天');
  });

  it('a suspension from the notice’s deemed day shares that day with it (legal54b #1)', async () => {
    // 03-07..04-05 and 04-05..04-14: 39 days, not 40 — 04-18 + 39 = Wednesday 05-27.
    const { c } = await published();
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-04-05');
    const v = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-15');
    expect(deadline(v, 'award').dueOn).toBe('2026-05-27');
  });

  it('a direct service on the day of publication leaves nothing of the notice period to exclude', async () => {
    const { c, r } = await published();
    const v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: r, method: 'direct' }, '2026-03-06');
    // 03-04 + 45 = Saturday 04-18, carried to Monday 04-20.
    expect(deadline(v, 'award').dueOn).toBe('2026-04-20');
  });

  it('the notice to respond is not served on the applicant (400 at partyId), so no public notice of it holds the clock', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    for (const document of ['respond_notice', 'application_copy']) {
      const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
        type: 'SERVE',
        document,
        partyId: c.applicants[0]?.id,
        method: 'public_notice',
        occurredOn: '2026-03-06',
      });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].path).toBe('partyId');
    }
  });

  it('a direct service of another document leaves the public notice’s period whole', async () => {
    const { c, r } = await published();
    const v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'acceptance_notice', partyId: r, method: 'direct' }, '2026-03-16');
    expect(deadline(v, 'award').dueOn).toBe('2026-05-18');
  });

  it('a collective case: the tribunal and the hearing are notified at once within 5 working days (Rules Art. 65)', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 500 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const ids = a.arbitrators.map((x) => x.id);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    const everyone = [...c.applicants, ...c.respondents];
    let v: unknown = c;
    for (const p of everyone)
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'tribunal_notice', partyId: p.id, method: 'direct' }, '2026-03-06');
    // The tribunal notice alone does not do: 03-04 + 5 working days = Wednesday 03-11, not met (overdue by today).
    let d = deadline(v, 'tribunal_notice');
    expect(d).toMatchObject({ dueOn: '2026-03-11', status: 'overdue', basis: 'Rules Art. 65' });
    expect(d.label).toContain('一次性书面通知');
    expect(d.explanation).toContain('尚未排期开庭');
    const arb = a.arbitrators[0] as { token: string };
    // The evidence period is set with the hearing (the notice of the hearing states it).
    await ok(c, arb.token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-20' }, '2026-03-09');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    for (const p of everyone)
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
    d = deadline(v, 'tribunal_notice');
    expect(d).toMatchObject({ status: 'met' });
    // The hearing notice of a collective case states the periods with the date and place.
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    expect(notice).toContain(
      '依照《劳动人事争议仲裁办案规则》第六十五条的规定，一并通知如下：被申请人应当自收到仲裁申请书副本之日起十日内提交答辩书；举证期限至二〇二六年三月二十日止，当事人应当在此期限内提交证据。',
    );

    // An evidence period set only after the hearing was: the notice could not state it — the duty stays undone, and the
    // notice (the record at its act) does not print a period set later.
    const late = await registerCase(t, a, standardApplication({ applicants: ten.map((w, i) => worker(w.name, 600 + i)) }));
    await ok(late, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(late, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    await ok(late, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-06');
    let u: unknown = late;
    for (const p of [...late.applicants, ...late.respondents]) {
      await ok(late, a.tokens.clerk, 'SERVE', { document: 'tribunal_notice', partyId: p.id, method: 'direct' }, '2026-03-09');
      u = await ok(late, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-09');
    }
    expect(deadline(u, 'tribunal_notice').explanation).toContain('尚未指定举证期限');
    u = await ok(late, arb.token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-20' }, '2026-03-10');
    expect(deadline(u, 'tribunal_notice').status).not.toBe('met');
    expect(deadline(u, 'tribunal_notice').explanation).toContain('晚于排期开庭（2026-03-06），开庭通知未能载明');
    expect(await generatedText(t, a.tokens.clerk, late.id, { kind: 'hearing_notice' })).toContain('举证期限由仲裁庭另行指定');
    // An individual case keeps the tribunal notice alone (LDMAL Art. 32).
    const one = await registerCase(t, a);
    await ok(one, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(one, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [ids[0]], presidingId: ids[0] }, '2026-03-05');
    let w: unknown = one;
    for (const p of [...one.applicants, ...one.respondents])
      w = await ok(one, a.tokens.clerk, 'SERVE', { document: 'tribunal_notice', partyId: p.id, method: 'direct' }, '2026-03-06');
    expect(deadline(w, 'tribunal_notice')).toMatchObject({ status: 'met' });
    expect(deadline(w, 'tribunal_notice').label).not.toContain('一次性');
  });
});
