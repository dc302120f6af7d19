import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import {
  type Actors,
  type CaseShape,
  createActors,
  issueMediationDocument,
  largeApplication,
  registerCase,
  standardApplication,
} from '../helpers/procedure.ts';

/**
 * Issue 11, "Wrong today" items 1–13: hand-worked edge cases a commission meets, over HTTP on the official calendar.
 * Each test names its item and fails on the code before the fix. "Today" is 2026-11-20.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

type Body = Record<string, unknown>;
type Deadline = {
  kind: string;
  dueOn: string | null;
  status: string;
  explanation: string;
  partyId?: number;
  startsOn: string | null;
  provisional: boolean;
};
type View = CaseShape & Body & { deadlines: Deadline[]; proceedings: Body; state: string };

const { send, ok } = caseEvents<View>(() => t);
const deadline = (v: { deadlines: Deadline[] }, kind: string, partyId?: number) =>
  v.deadlines.find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId)) as Deadline;
const arbitrator = () => a.arbitrators[0] as { id: number; token: string };

/** Accepted 2026-03-04, sole arbitrator 03-05, hearing on Wednesday 2026-03-25 scheduled 03-09. */
async function scheduled(body = standardApplication()) {
  const { c, arb } = await caseAt(t, a, 'hearing_scheduled', { body });
  return { c: c as View, arb };
}
const notice = (c: CaseShape, partyId: number | undefined, servedOn: string, occurredOn = servedOn, document = 'hearing_notice') =>
  ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn }, occurredOn);
const items = (c: CaseShape, amounts: [string, string]) => ({
  items: [
    { claimId: c.claims[0]?.id, outcome: 'granted', amount: amounts[0] },
    { claimId: c.claims[1]?.id, outcome: 'granted', amount: amounts[1] },
  ],
});

describe(`issue 11 — legal edges over HTTP (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('item 1: a document generated today and a registration edited today do not block back-entered procedural acts', async () => {
    const c = await registerCase(t, a);
    // Bookkeeping with today's date (2026-11-20)…
    expect((await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: '补充：申请人于2025年12月被辞退。' })).status).toBe(200);
    // …then the acceptance of last March, entered late.
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const doc = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    // SERVE dated last March after printing the notice today (refused before: "not before 2026-11-20").
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'acceptance_notice', partyId: c.applicants[0]?.id, method: 'direct' }, '2026-03-06');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-09' },
      '2026-03-09',
    );
    // Procedural dates still keep their order.
    const before = await send(c, a.tokens.clerk, 'FILE_DEFENSE', {}, '2026-03-08');
    expect(before.status).toBe(400);
    expect(before.body.errors[0]).toMatchObject({ path: 'occurredOn', message: expect.stringContaining('2026-03-09') });
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as { type: string; occurredOn: string }[];
    expect(history.map((e) => `${e.type}@${e.occurredOn}`)).toEqual([
      'REGISTER@2026-03-02',
      'UPDATE_REGISTRATION@2026-11-20',
      'ACCEPT@2026-03-04',
      'GENERATE_DOCUMENT@2026-11-20',
      'SERVE@2026-03-06',
      'SERVE@2026-03-09',
    ]);
  });

  it('item 12: service dates are validated like occurredOn — not in the future, not before the document existed', async () => {
    const c = await registerCase(t, a);
    const early = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'acceptance_notice', partyId: c.applicants[0]?.id, method: 'direct' },
      '2026-03-03',
    );
    expect(early.status).toBe(400);
    expect(early.body.errors[0].path).toBe('document');
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const future = await send(c, a.tokens.clerk, 'SERVE', {
      document: 'respond_notice',
      partyId: c.respondents[0]?.id,
      method: 'post',
      servedOn: '2026-11-21',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('servedOn');
    const beforeMade = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-03' },
      '2026-03-06',
    );
    expect(beforeMade.status).toBe(400);
    expect(beforeMade.body.errors[0]).toMatchObject({ path: 'servedOn', message: expect.stringContaining('2026-03-04') });
    const noHearing = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.applicants[0]?.id, method: 'direct' },
      '2026-03-06',
    );
    expect(noHearing.status).toBe(400);
    expect(noHearing.body.errors[0].path).toBe('document');
    const signedFuture = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', {
      partyId: c.applicants[0]?.id,
      court: '法院',
      filedOn: '2027-01-01',
    });
    expect(signedFuture.status).toBe(400);
    expect(signedFuture.body.errors[0].path).toBe('filedOn');
    // A mediation document is not signed for before the agreement it records.
    // Before a tribunal exists, the chair assigns the mediator who conducts the mediation (api.md "Scope (v1.1)").
    await ok(c, a.tokens.chair, 'ASSIGN_MEDIATOR', { mediatorId: a.ids.mediator }, '2026-03-10');
    await ok(c, a.tokens.mediator, 'START_MEDIATION', {}, '2026-03-10');
    // LDMAL Art. 42(2)–(3): the agreement becomes the tribunal's 调解书, so the tribunal is formed first.
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [a.ids.arbitrator], presidingId: a.ids.arbitrator }, '2026-03-11');
    await ok(c, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资12000元' }, '2026-03-12');
    await issueMediationDocument(t, a.tokens.mediator, c);
    const early2 = await send(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.applicants[0]?.id, signedOn: '2026-03-11' },
      '2026-03-13',
    );
    expect(early2.status).toBe(400);
    expect(early2.body.errors[0].path).toBe('signedOn');
  });

  it('item 2: public notice — excluded periods merged, defense from the deemed service date, no simple procedure', async () => {
    const c = await registerCase(t, a, standardApplication({ respondents: [employer(), employer('聊城某某劳务派遣有限公司')] }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    let v: View = c as View;
    for (const r of c.respondents) {
      v = await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'respond_notice', partyId: r.id, method: 'public_notice', servedOn: '2026-03-06' },
        '2026-03-06',
      );
    }
    // Published 2026-03-06, deemed served 30 days later (CPL Art. 95).
    expect((v.proceedings.services as Body[]).at(-1)).toMatchObject({
      method: 'public_notice',
      publishedOn: '2026-03-06',
      servedOn: '2026-04-05',
    });
    // 45 days + the 30-day notice period once (two notices on the same day are one interval): 03-04 + 75 = Monday 05-18.
    // (Summed, it was 03-04 + 105 = 06-17.)
    const award = deadline(v, 'award');
    expect(award.dueOn).toBe('2026-05-18');
    expect(award.explanation).toContain('重叠的日子只扣除一次，合计扣除30天');
    // The defense period runs from the deemed day 04-05 (Qingming 04-04…04-06): 10 working days → 2026-04-20.
    expect(deadline(v, 'defense')).toMatchObject({ startsOn: '2026-04-05', dueOn: '2026-04-20' });
    // The commission's own act of serving was the publication: within 5 working days of acceptance.
    expect(deadline(v, 'serve_respondent')).toMatchObject({ status: 'met' });

    // While the notice period runs, the award clock reads "paused".
    const p = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
    await ok(p, a.tokens.clerk, 'ACCEPT', {}, '2026-11-02');
    const pv = await ok(
      p,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: p.respondents[0]?.id, method: 'public_notice' },
      '2026-11-05',
    );
    expect(deadline(pv, 'award')).toMatchObject({ status: 'paused' });
    expect(deadline(pv, 'award').explanation).toContain('公告送达期间暂停计算');

    // Rules Art. 57: a party served by public notice → no simple procedure.
    const s = await registerCase(t, a, standardApplication({ procedure: 'simple' }));
    await ok(s, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const refused = await send(
      s,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: s.respondents[0]?.id, method: 'public_notice' },
      '2026-03-06',
    );
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'no-public-notice-in-simple-procedure', source: expect.stringContaining('Rules Art. 57') });
    await ok(s, a.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '被申请人下落不明' }, '2026-03-06');
    await ok(
      s,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: s.respondents[0]?.id, method: 'public_notice' },
      '2026-03-06',
    );
  });

  it('item 3: a default award and a deemed withdrawal need written notice of that hearing proven served in time (LDMAL Art. 36)', async () => {
    const { c, arb } = await scheduled();
    const [applicant, respondent] = [c.applicants[0]?.id, c.respondents[0]?.id];
    await notice(c, applicant, '2026-03-10');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-03-25');
    let r = await send(c, arb.token, 'ISSUE_AWARD', items(c, ['12000.00', '24120.00']), '2026-04-10');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'default-award-notice-not-proven', source: 'LDMAL Art. 36; Rules Arts. 39, 59' });
    // A notice served after the hearing is no notice of it.
    await notice(c, respondent, '2026-03-26');
    r = await send(c, arb.token, 'ISSUE_AWARD', items(c, ['12000.00', '24120.00']), '2026-04-10');
    expect(r.body.rule).toBe('default-award-notice-not-proven');
    // A new hearing, noticed to both — but to the respondent only four working days ahead (03-19 → 03-25 style).
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-15', place: '第一仲裁庭' }, '2026-03-27');
    await notice(c, applicant, '2026-03-30');
    await notice(c, respondent, '2026-04-09');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-04-15');
    r = await send(c, arb.token, 'ISSUE_AWARD', items(c, ['12000.00', '24120.00']), '2026-04-16');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'absence-notice-late', source: 'LDMAL Arts. 35–36; Rules Arts. 38–39' });
    // Third session, noticed properly: the default award is made, and records the proof it rests on.
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-05-06', place: '第一仲裁庭' }, '2026-04-17');
    await notice(c, applicant, '2026-04-17');
    await notice(c, respondent, '2026-04-20', '2026-04-20', 'hearing_notice');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-05-06');
    const v = await ok(c, arb.token, 'ISSUE_AWARD', items(c, ['12000.00', '24120.00']), '2026-05-08');
    expect(v.award).toMatchObject({
      defaultAward: true,
      absentNotices: [{ partyId: respondent, side: 'respondent', servedOn: '2026-04-20', document: 'hearing_notice', method: 'direct' }],
    });

    // Deemed withdrawal: the applicant's notice was served only after the hearing.
    const w = await scheduled();
    await notice(w.c, w.c.respondents[0]?.id, '2026-03-10');
    await ok(w.c, w.arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-25');
    await notice(w.c, w.c.applicants[0]?.id, '2026-03-26');
    const dw = await send(w.c, w.arb.token, 'DEEM_WITHDRAWN', {}, '2026-03-27');
    expect(dw.status).toBe(422);
    expect(dw.body).toMatchObject({ rule: 'hearing-notice-not-proven', source: 'LDMAL Art. 36; Rules Arts. 39, 59' });
    // An unconfirmed SMS notice (simple procedure) is no proof either (Rules Art. 59).
    const sms = await scheduled(standardApplication({ procedure: 'simple' }));
    await ok(sms.c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: sms.c.applicants[0]?.id, method: 'sms' }, '2026-03-10');
    await ok(sms.c, sms.arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-25');
    expect((await send(sms.c, sms.arb.token, 'DEEM_WITHDRAWN', {}, '2026-03-26')).body.rule).toBe('hearing-notice-not-proven');
    const confirmed = await scheduled(standardApplication({ procedure: 'simple' }));
    await ok(
      confirmed.c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: confirmed.c.applicants[0]?.id, method: 'sms', confirmed: true },
      '2026-03-10',
    );
    await ok(confirmed.c, confirmed.arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-25');
    const closed = await ok(confirmed.c, confirmed.arb.token, 'DEEM_WITHDRAWN', {}, '2026-03-26');
    expect(closed.closure).toMatchObject({
      mode: 'deemed_withdrawal',
      absentNotices: [{ side: 'applicant', servedOn: '2026-03-10', method: 'sms' }],
    });
  });

  it('item 4: the non-final part of a mixed award takes effect only after every party’s window, the worker’s included', async () => {
    const { c, arb } = await scheduled(largeApplication());
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    let v = await ok(c, arb.token, 'ISSUE_AWARD', items(c, ['24120.00', '24120.01']), '2026-04-10');
    expect((v.award as { finality: string }).finality).toBe('mixed');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-04-13' },
      '2026-04-13',
    );
    v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: c.applicants[0]?.id, method: 'post', servedOn: '2026-04-20' },
      '2026-04-20',
    );
    const worker = c.applicants[0]?.id as number;
    // The worker's window on the non-final part: 04-20 + 15 = 05-05, inside Labor Day → 05-06 (it was dropped before).
    expect(deadline(v, 'sue_non_final', worker)).toMatchObject({ dueOn: '2026-05-06' });
    expect(deadline(v, 'sue_final_worker', worker)).toMatchObject({ dueOn: '2026-05-06' });
    expect(deadline(v, 'sue_non_final', c.respondents[0]?.id)).toMatchObject({ dueOn: '2026-04-28' });
    // Effective the day after the last window: 05-07, not 04-29 (the employer's window alone).
    expect(deadline(v, 'effective')).toMatchObject({ dueOn: '2026-05-07' });
    expect(deadline(v, 'effective').explanation).toContain('包括劳动者');
    // The day after that date, inside the employer's 30 days on the final part (04-13 + 30 = 05-13), which do not hold
    // the award back (LDMAL Art. 47; SPC-1 Art. 25): accepted (it was refused until 05-14).
    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-08');
    expect(v.proceedings.effectiveOn).toBe('2026-05-07');
  });

  it('item 5: a postponed hearing needs a new notice served the same five working days ahead', async () => {
    const { c, arb } = await scheduled();
    await notice(c, c.applicants[0]?.id, '2026-03-10');
    let v = await notice(c, c.respondents[0]?.id, '2026-03-10');
    expect(deadline(v, 'hearing_notice')).toMatchObject({ status: 'met', dueOn: '2026-03-17' });
    // From Friday 03-20 a hearing on Tuesday 03-24 leaves two working days: refused (it was accepted).
    const soon = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-24', reason: '仲裁员出差', requestedBy: 'tribunal' },
      '2026-03-20',
    );
    expect(soon.status).toBe(422);
    expect(soon.body).toMatchObject({ rule: 'hearing-notice-5-days', source: 'LDMAL Art. 35; Rules Art. 38' });
    v = await ok(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-04-08', reason: '仲裁员出差', requestedBy: 'tribunal' },
      '2026-03-20',
    );
    // The notice of 03-25 does not satisfy the new date: 5 working days before Wednesday 04-08 (Qingming 04-04…04-06)
    // is 03-31, so the last day to serve is 03-30 — long past today, not met: overdue (it read "met" before).
    const hn = deadline(v, 'hearing_notice');
    expect(hn).toMatchObject({ startsOn: '2026-03-20', dueOn: '2026-03-30', status: 'overdue' });
    expect(hn.explanation).toContain('原开庭日期的通知不能代替新日期的通知');
    await notice(c, c.applicants[0]?.id, '2026-03-23', '2026-03-23', 'postponement_notice');
    v = await notice(c, c.respondents[0]?.id, '2026-03-23', '2026-03-23', 'postponement_notice');
    expect(deadline(v, 'hearing_notice')).toMatchObject({ status: 'met' });
  });

  it('item 7: advance execution needs both statutory conditions recorded as true (LDMAL Art. 44)', async () => {
    const { c, arb } = await scheduled();
    const claimIds = [c.claims[0]?.id];
    // (legalfixA L1: the amount is required at the field first — given here, the conditions are what is tested.)
    const priced = { amounts: [{ claimId: claimIds[0], amount: '8000.00' }], paymentDays: 5 };
    const none = await send(c, arb.token, 'ADVANCE_EXECUTION', { claimIds, ...priced }, '2026-03-10');
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ rule: 'advance-execution-conditions', source: 'LDMAL Art. 44' });
    // fixU58 #2: the condition named in words, its field in `field` (not in the sentence).
    expect(none.body.detail).toContain('当事人之间权利义务关系明确');
    expect(none.body.field).toBe('rightsClear');
    const one = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds, rightsClear: true, lifeSeriouslyAffected: false, ...priced },
      '2026-03-10',
    );
    expect(one.body.rule).toBe('advance-execution-conditions');
    // Of what is claimed (12,000.00), and — with earlier rulings on the claim — of what is left (LDMAL Art. 44).
    const both = { claimIds, rightsClear: true, lifeSeriouslyAffected: true };
    const over = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { ...both, amounts: [{ claimId: claimIds[0], amount: '12000.01' }], paymentDays: 5 },
      '2026-03-10',
    );
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([{ path: 'amounts.0.amount', message: '先予执行的金额不能超过请求金额 12000.00 元' }]);
    const v = await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds, rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: claimIds[0], amount: '8000.00' }], paymentDays: 5 },
      '2026-03-10',
    );
    expect((v.proceedings.advanceExecutions as Body[])[0]).toMatchObject({
      rightsClear: true,
      lifeSeriouslyAffected: true,
      amounts: [{ claimId: claimIds[0], amount: '8000.00' }],
      paymentDays: 5,
    });
    const again = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { ...both, amounts: [{ claimId: claimIds[0], amount: '4000.01' }], paymentDays: 5 },
      '2026-03-11',
    );
    expect(again.status).toBe(400);
    expect(again.body.errors[0].message).toBe('先予执行的金额不能超过请求金额 12000.00 元减去已裁定先予执行的 8000.00 元，即 4000.00 元');
    // Amounts ordered without the term to pay them in: refused at the field, or the ruling could never be printed
    // (LDMAL Art. 44; reviewer docs42 M7).
    const noTerm = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { ...both, amounts: [{ claimId: claimIds[0], amount: '4000.00' }] },
      '2026-03-11',
    );
    expect(noTerm.status).toBe(400);
    expect(noTerm.body.errors).toEqual([{ path: 'paymentDays', message: '裁决先予执行金额的，须写明履行期限（日）' }]);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { ...both, amounts: [{ claimId: claimIds[0], amount: '4000.00' }], paymentDays: 5 },
      '2026-03-11',
    );
  });

  it('item 8: limitation follows the claim category and employment status, rolls over rest days, counts from the postmark', async () => {
    const reg = async (body: Body) => {
      const r = await t.api(a.tokens.clerk).post('/api/cases', standardApplication(body));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.limitation;
    };
    // The migrant-worker priority flag does not exempt a compensation claim (it did).
    const flag = await reg({
      wageArrears: true,
      claims: [{ category: 'economic_compensation', amount: '26400.00', description: '经济补偿' }],
      limitation: { knewOn: '2020-01-01' },
    });
    expect(flag.status).toBe('expired');
    // A wages claim during employment is exempt without the flag; the compensation claim beside it is not.
    const both = await reg({ limitation: { knewOn: '2024-01-10', employmentStatus: 'ongoing' } });
    expect(both.status).toBe('expired');
    expect(both.claims.map((x: { status: string }) => x.status)).toEqual(['exempt', 'expired']);
    // Knew Saturday... no: knew 2025-03-07 → 2026-03-07 is a Saturday → the year ends Monday 03-09 (CivCode Art. 203).
    const rest = await reg({ receivedOn: '2026-03-09', limitation: { knewOn: '2025-03-07' } });
    expect(rest).toMatchObject({ status: 'within', expiresOn: '2026-03-09' });
    // Posted on Friday 2026-03-06, received Tuesday 03-10: filed on the postmark date (CPL Art. 85(4)).
    const posted = await reg({ channel: 'post', receivedOn: '2026-03-10', postmarkOn: '2026-03-06', limitation: { knewOn: '2025-03-06' } });
    expect(posted).toMatchObject({ status: 'within', expiresOn: '2026-03-06', filedOn: '2026-03-06' });
  });

  it('item 9: a non-public hearing is stored with its ground (LDMAL Art. 26)', async () => {
    const c = await registerCase(t, a);
    const arb = arbitrator();
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    const bare = await send(
      c,
      arb.token,
      'SCHEDULE_HEARING',
      { hearingOn: '2026-03-25', place: '第一仲裁庭', public: false },
      '2026-03-09',
    );
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ rule: 'non-public-needs-ground', source: 'LDMAL Art. 26' });
    let v = await ok(
      c,
      arb.token,
      'SCHEDULE_HEARING',
      { hearingOn: '2026-03-25', time: '09:30', place: '第一仲裁庭', public: false, nonPublicGround: 'trade_secret' },
      '2026-03-09',
    );
    expect(v.proceedings.hearing).toMatchObject({ public: false, nonPublicGround: 'trade_secret', time: '09:30' });
    v = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    expect((v.proceedings.hearingsHeld as Body[])[0]).toMatchObject({ public: false, nonPublicGround: 'trade_secret' });
    const read = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(read.proceedings.hearingsHeld[0]).toMatchObject({ public: false, nonPublicGround: 'trade_secret' });
  });

  it('item 11: the clerk sets `collective` for a collective-contract dispute or a union applicant; three arbitrators then', async () => {
    const two = { applicants: [worker('工人甲', 401), worker('工人乙', 402)] };
    const noGround = await t.api(a.tokens.clerk).post('/api/cases', standardApplication({ ...two, collective: true }));
    expect(noGround.status).toBe(400);
    expect(noGround.body.errors[0].path).toBe('collectiveGround');
    const union = await t
      .api(a.tokens.clerk)
      .post('/api/cases', standardApplication({ ...two, collective: true, collectiveGround: 'union_applicant' }));
    expect(union.status).toBe(400);
    expect(union.body.errors[0].path).toBe('collectiveGround');
    const c = await registerCase(t, a, standardApplication({ ...two, collective: true, collectiveGround: 'collective_contract' }));
    expect(c).toMatchObject({ collective: true, collectiveGround: 'collective_contract' });
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const ids = a.arbitrators.map((x) => x.id);
    const sole = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [ids[0]], presidingId: ids[0] }, '2026-03-05');
    expect(sole.status).toBe(422);
    expect(sole.body.rule).toBe('collective-needs-three-arbitrators');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    // A union applying for the workers (Rules Art. 64); the flag can be cleared again before acceptance.
    const u = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [employer('聊城某某机械有限公司工会委员会')],
        collective: true,
        collectiveGround: 'union_applicant',
      }),
    );
    expect(u).toMatchObject({ collective: true, collectiveGround: 'union_applicant' });
    const cleared = await t.api(a.tokens.clerk).patch(`/api/cases/${u.id}`, { collective: false });
    expect(cleared.body).toMatchObject({ collective: false, collectiveGround: null });
  });

  it('item 12: a counterclaim keeps its filing date (timeliness) and its merger date (clock restart) apart', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    // Served Friday 03-06: the defense period ends 03-20.
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const late = await send(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      { description: '反申请：返还培训费', filedOn: '2026-03-23' },
      '2026-03-24',
    );
    expect(late.status).toBe(422);
    expect(late.body.detail).toContain('2026-03-20');
    // Filed 03-19 in time, accepted and merged 03-27 (refused before: judged on 03-27).
    const v = await ok(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', { description: '反申请：返还培训费', filedOn: '2026-03-19' }, '2026-03-27');
    expect((v.proceedings.counterclaims as Body[])[0]).toMatchObject({ filedOn: '2026-03-19', mergedOn: '2026-03-27' });
    expect(deadline(v, 'award')).toMatchObject({ startsOn: '2026-03-27', dueOn: '2026-05-11' });
    // Decided five working days after filing at the latest (03-26): merged on 03-27 is late, and stays visible.
    expect(deadline(v, 'counterclaim_decision')).toMatchObject({ dueOn: '2026-03-26', status: 'met_late' });
  });

  it('item 12: a hearing notice served on a Saturday that still leaves five working days is met, not overdue', async () => {
    const c = await registerCase(t, a);
    const arb = arbitrator();
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-16');
    // Hearing Monday 03-30: 03-23…03-27 are the five working days, so Sunday 03-22 is the last day to serve.
    await notice(c, c.applicants[0]?.id, '2026-03-21');
    const v = await notice(c, c.respondents[0]?.id, '2026-03-21');
    expect(deadline(v, 'hearing_notice')).toMatchObject({ dueOn: '2026-03-22', status: 'met' });
  });

  it('item 12: a late acceptance reads met_late; a suspended clock reads paused even beyond the calendar', async () => {
    const c = await registerCase(t, a);
    const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-12');
    expect(deadline(v, 'acceptance')).toMatchObject({ dueOn: '2026-03-09', status: 'met_late' });
    expect(deadline(v, 'acceptance').explanation).toContain('晚于期限2026-03-09');

    const s = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-13' }));
    await ok(s, a.tokens.clerk, 'ACCEPT', {}, '2026-11-15');
    const sv = await ok(s, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-16');
    // Resumed today, 11-15 + 45 + 4 = 2027-01-03 (a Sunday): a year without official data. The clock reads paused,
    // with the date as if that year had weekends only — provisional (api.md v1.1), as any date of such a year.
    expect(deadline(sv, 'award')).toMatchObject({ status: 'paused', dueOn: '2027-01-04', provisional: true });
    expect(deadline(sv, 'award').explanation).toContain('中止审理');
    expect(deadline(sv, 'award').explanation).toContain('2027');
  });

  it('item 10: court outcomes move the award — withdrawal and out-of-time dismissal let it take effect (SPC-2000)', async () => {
    const nonFinal = async () => {
      const { c, arb } = await scheduled(largeApplication());
      await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
      await ok(c, arb.token, 'ISSUE_AWARD', items(c, ['30000.00', '40000.00']), '2026-04-10');
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: c.applicants[0]?.id, method: 'direct', servedOn: '2026-04-13' },
        '2026-04-13',
      );
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-04-14' },
        '2026-04-14',
      );
      return c;
    };
    // The worker sues; while the suit is pending the award has no effective date (SPC-1 Art. 16).
    const w = await nonFinal();
    let v = await ok(
      w,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: w.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    expect(v.state).toBe('in_litigation');
    expect(deadline(v, 'effective')).toMatchObject({ dueOn: null });
    // Withdrawal permitted, ruling served 06-03: effective from service of the ruling (SPC-2000 Art. 1).
    v = await ok(
      w,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-06-01', servedOn: '2026-06-03' },
      '2026-06-04',
    );
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-06-03' } });
    expect(deadline(v, 'effective').explanation).toContain('准予撤诉');

    // Withdrawn while the employer's own window still runs: the award waits for it (reading noted in README).
    const early = await nonFinal();
    await ok(
      early,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: early.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    v = await ok(early, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'withdrawal_permitted', servedOn: '2026-04-22' }, '2026-04-22');
    expect(v.state).toBe('award_served');
    // The employer's window: 04-14 + 15 = 04-29 → effective 04-30.
    expect(deadline(v, 'effective')).toMatchObject({ dueOn: '2026-04-30' });
    v = await ok(early, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-06');
    expect(v.proceedings.effectiveOn).toBe('2026-04-30');

    // The employer sued out of time: dismissed; effective from the day after the suing period (SPC-2000 Art. 2).
    const e = await nonFinal();
    await ok(
      e,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: e.respondents[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-05-20' },
      '2026-05-20',
    );
    v = await ok(e, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'dismissed_out_of_time', servedOn: '2026-06-10' }, '2026-06-10');
    // Windows: worker 04-13 + 15 = 04-28, employer 04-14 + 15 = 04-29 → effective 04-30.
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-04-30' } });

    // A judgment decides the dispute: the award does not take effect.
    const j = await nonFinal();
    await ok(
      j,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: j.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    v = await ok(j, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-07-01' }, '2026-07-02');
    expect(v).toMatchObject({ state: 'court_decided', stateLabel: '法院已裁判（裁决对起诉的当事人不发生法律效力）' });
    expect(v.deadlines.some((d) => d.kind === 'effective')).toBe(false);
    expect((await send(j, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-07-03')).status).toBe(409);
    await ok(j, a.tokens.clerk, 'ARCHIVE', {}, '2026-07-03');
  });

  it('item 10: after a worker’s suit against a final award ends, the employer’s 30 days open; after set-aside, 15 days to sue', async () => {
    const { c, arb } = await scheduled();
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    await ok(c, arb.token, 'ISSUE_AWARD', items(c, ['12000.00', '20000.00']), '2026-04-10');
    const [worker, company] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: worker, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: company, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: worker, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    let v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-06-01', servedOn: '2026-06-05' },
      '2026-06-05',
    );
    // SPC-1 Art. 21(2): 30 days from the employer's receipt of the ruling: 06-05 + 30 = Sunday 07-05 → Monday 07-06.
    expect(v.state).toBe('award_served');
    expect(deadline(v, 'set_aside_after_suit', company)).toMatchObject({ startsOn: '2026-06-05', dueOn: '2026-07-06', status: 'elapsed' });
    const tooSoon = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-07-01');
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.rule).toBe('windows-still-open');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-07-01' }, '2026-07-01');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_SET_ASIDE',
      { result: 'set_aside', decidedOn: '2026-08-03', servedOn: '2026-08-05' },
      '2026-08-05',
    );
    expect(v.state).toBe('award_set_aside');
    // LDMAL Art. 49(3): either party may sue within 15 days of receiving the ruling: 08-05 + 15 = 08-20.
    expect(deadline(v, 'sue_after_set_aside', worker)).toMatchObject({ startsOn: '2026-08-05', dueOn: '2026-08-20' });
    expect(deadline(v, 'sue_after_set_aside', company)).toMatchObject({ dueOn: '2026-08-20' });
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: company, court: '聊城市东昌府区人民法院', filedOn: '2026-08-18' },
      '2026-08-18',
    );
    expect(deadline(v, 'sue_after_set_aside', company)).toMatchObject({ status: 'met' });
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment' }, '2026-10-09');
    expect(v.state).toBe('court_decided');
  });
});

describe(`issue 11 item 6 — PERIODS_OVERRIDE changes the rules, not only the deadline list (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let o: TestApp;
  let oa: Actors;
  beforeAll(async () => {
    o = await startTestApp({
      now: '2026-11-20T02:00:00Z',
      env: {
        PERIODS_OVERRIDE: JSON.stringify({
          hearing_notice: { days: 3, unit: 'calendar' },
          postponement_request: { days: 3, unit: 'calendar' },
          defense: { days: 15, unit: 'calendar' },
          extension: { days: 10 },
        }),
      },
    });
    oa = await createActors(o);
  });
  afterAll(async () => o?.close());

  const post = (c: { id: number }, token: string, type: EventType, payload: Body, occurredOn: string) =>
    o.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...payload });

  it('scheduling, postponement, the counterclaim cut-off and the extension read the same period table', async () => {
    const c = (await o.api(oa.tokens.clerk).post('/api/cases', standardApplication())).body;
    const arb = oa.arbitrators[0] as { id: number; token: string };
    expect((await post(c, oa.tokens.clerk, 'ACCEPT', {}, '2026-03-04')).status).toBe(200);
    // Defense 15 calendar days from service on 03-06 → Saturday 03-21 → Monday 03-23; a counterclaim filed 03-25 is late
    // (the old facts counted 15 *working* days → 03-27 and let it in).
    await post(
      c,
      oa.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0].id, method: 'post', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const cc = await post(c, oa.tokens.clerk, 'FILE_COUNTERCLAIM', { description: '反申请' }, '2026-03-25');
    expect(cc.status).toBe(422);
    expect(cc.body).toMatchObject({ rule: 'counterclaim-in-defense-period' });
    expect(cc.body.detail).toContain('2026-03-23');
    // Extension: at most 10 days under this table (the old rule had 15 written in).
    const ext = await post(c, oa.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 12 }, '2026-03-26');
    expect(ext.status).toBe(422);
    expect(ext.body).toMatchObject({ rule: 'extension-max-15' });
    expect(ext.body.detail).toContain('10日');
    await post(c, oa.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-04-27');
    // Hearing notice 3 calendar days: from 04-28 a hearing on 05-02 leaves 04-29…05-01 — enough (5 working days would
    // not be); 05-01 leaves two days — refused, and the message names the configured period.
    const near = await post(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-05-01', place: '第一仲裁庭' }, '2026-04-28');
    expect(near.status).toBe(422);
    expect(near.body.detail).toContain('3日');
    let r = await post(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-05-11', place: '第一仲裁庭' }, '2026-04-28');
    expect(r.status).toBe(200);
    // The deadline list counts back the same way: 05-11 − 3 days − 1 = 05-07.
    expect(r.body.deadlines.find((d: Deadline) => d.kind === 'hearing_notice')).toMatchObject({
      dueOn: '2026-05-07',
      unit: 'calendar',
      days: 3,
    });
    // Postponement request 3 calendar days ahead: Thursday 05-07 for Monday 05-11 is in time (3 working days would not be).
    r = await post(c, arb.token, 'POSTPONE_HEARING', { hearingOn: '2026-05-20', reason: '申请人住院', requestedBy: 'party' }, '2026-05-07');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});
