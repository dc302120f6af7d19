import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { application, employer, idNumber, worker } from '../helpers/fixtures.ts';
import { type Actors, type CaseShape, createActors, largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Review findings on the legal core, over HTTP on the official calendar: when a mixed award takes effect, who is the
 * employer, PERIODS_OVERRIDE in every rule, and a receipt date moved after a recorded act. Each test fails on the code
 * before the fix. "Today" is 2026-11-20.
 */
type Body = Record<string, unknown>;
type Deadline = { kind: string; dueOn: string | null; status: string; explanation: string; partyId?: number; startsOn: string | null };
type View = CaseShape & Body & { deadlines: Deadline[]; proceedings: Body & { effectiveOn?: string | null }; state: string };

const deadline = (v: { deadlines: Deadline[] }, kind: string, partyId?: number) =>
  v.deadlines.find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId)) as Deadline;
const kindsOf = (v: { deadlines: Deadline[] }, partyId: number) =>
  v.deadlines
    .filter((d) => d.partyId === partyId)
    .map((d) => d.kind)
    .sort();

function driver(app: () => TestApp, actors: () => Actors) {
  const send = (c: { id: number }, token: string, type: EventType, payload: Body = {}, occurredOn?: string) =>
    app()
      .api(token)
      .post(`/api/cases/${c.id}/events`, { type, ...(occurredOn ? { occurredOn } : {}), ...payload });
  const ok = async (c: { id: number }, token: string, type: EventType, payload: Body = {}, occurredOn?: string): Promise<View> => {
    const r = await send(c, token, type, payload, occurredOn);
    expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  /** Accepted 03-04, heard 03-25, award made 04-10 and served on both parties on 04-13. */
  const awarded = async (amounts: [string, string], body = largeApplication()) => {
    const a = actors();
    const c = await registerCase(app(), a, body);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const items = amounts.map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
    const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    let v = issued;
    for (const p of [...c.applicants, ...c.respondents]) {
      v = await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' },
        '2026-04-13',
      );
    }
    return { c, v, finality: (issued.award as { finality: string }).finality };
  };
  return { send, ok, awarded };
}

const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { send, ok, awarded } = driver(
  () => t,
  () => a,
);
// 12 × the minimum wage of 2010.00 is 24120.00: the first item is final, the second not (LDMAL Art. 47; SPC-1 Art. 19).
const MIXED: [string, string] = ['24120.00', '24120.01'];
const FINAL: [string, string] = ['12000.00', '20000.00'];
/**
 * An employer's claims against a worker that a final award decides: national labor standards (LDMAL Art. 47(2) does not
 * ask who claims); an employer's monetary claim is not an Art. 47(1) matter (FINAL_AWARD_EMPLOYER_CLAIMS).
 */
const EMPLOYER_FINAL = [
  { category: 'labor_standards', description: '确认按综合计算工时制执行的加班安排符合规定' },
  { category: 'social_insurance', description: '确认社会保险费个人缴纳部分的计算' },
];

describe(`item 1 — a mixed award takes effect with its non-final part (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('MARK_EFFECTIVE is accepted on the `effective` date, inside the employer’s 30 days; the set-aside can still be recorded', async () => {
    const { c, v: served, finality } = await awarded(MIXED);
    expect(finality).toBe('mixed');
    const [worker1, company] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    // Served 04-13: every party's 15 days on the non-final part end 04-28; the employer's 30 days on the final part 05-13.
    expect(deadline(served, 'sue_non_final', worker1)).toMatchObject({ dueOn: '2026-04-28' });
    expect(deadline(served, 'sue_non_final', company)).toMatchObject({ dueOn: '2026-04-28' });
    expect(deadline(served, 'set_aside_employer', company)).toMatchObject({ dueOn: '2026-05-13' });
    const eff = deadline(served, 'effective');
    expect(eff).toMatchObject({ dueOn: '2026-04-29' });
    expect(eff.explanation).toContain('终局部分自作出之日（2026-04-10）起生效');

    const early = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-28');
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('windows-still-open');
    // It says from which day (a new user's walk, s45 L1).
    expect(early.body.detail).toContain('可于2026-04-29起确认');
    // The day the list says (refused before the fix until 05-14, after the employer's window).
    let v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, eff.dueOn as string);
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-04-29' } });
    expect(deadline(v, 'effective')).toMatchObject({ status: 'met' });
    expect(deadline(v, 'set_aside_employer', company)).toMatchObject({ dueOn: '2026-05-13' });
    // The enforcement window is open now: the final part from its own performance period (04-10 + 10 days), the
    // earlier of the two (CPL Art. 250; LDMAL Art. 47).
    const enf = deadline(v, 'enforcement_application');
    expect(enf).toMatchObject({ startsOn: '2026-04-20' });
    expect(enf.explanation).toContain('非终局部分规定的履行期间最后一日（生效之日2026-04-29起10日）为2026-05-09');

    // LDMAL Art. 49: the employer applies within its 30 days to set the final part aside; rejected, the award stands.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-05-08' }, '2026-05-08');
    expect(v.state).toBe('set_aside_pending');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-06-15' }, '2026-06-15');
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-04-29' } });
  });

  it('a set-aside application pending on the final part does not stop the non-final part taking effect', async () => {
    const { c } = await awarded(MIXED);
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('set_aside_pending');
    expect((await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-28')).body.rule).toBe('windows-still-open');
    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-29');
    expect(v).toMatchObject({ state: 'set_aside_pending', proceedings: { effectiveOn: '2026-04-29' } });
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'withdrawn', decidedOn: '2026-05-20' }, '2026-05-20');
    expect(v.state).toBe('award_effective');
  });

  it('a worker’s suit withdrawn: effective from the ruling at once, though it opens the employer’s 30 days (SPC-1 Art. 21(2))', async () => {
    const { c } = await awarded(MIXED);
    const [worker1, company] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: worker1, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    let v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-06-01', servedOn: '2026-06-05' },
      '2026-06-05',
    );
    // Before the fix: back to award_served until the employer's window (06-05 + 30 = Sunday 07-05 → 07-06) had run.
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-06-05' } });
    expect(deadline(v, 'set_aside_after_suit', company)).toMatchObject({ dueOn: '2026-07-06' });
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-06-20' }, '2026-06-20');
    expect(v.state).toBe('set_aside_pending');
  });

  it('a final award is unchanged: its effect dates from the day it was made, and MARK_EFFECTIVE waits for every window', async () => {
    const { c, v } = await awarded(FINAL);
    expect(deadline(v, 'effective')).toMatchObject({ dueOn: '2026-04-10' });
    expect((await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-13')).body.rule).toBe('windows-still-open');
    expect((await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-14')).proceedings.effectiveOn).toBe('2026-04-10');
  });
});

describe(`item 2 — the employer is decided by side, not by kind (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const individual = { kind: 'person', name: '李个体', idNumber: idNumber('371502', '19800101', 134), address: '聊城市东昌府区' };

  it('an individual employer (a natural person) has the 30-day set-aside window and cannot sue against a final award', async () => {
    const { c, v } = await awarded(FINAL, standardApplication({ respondents: [individual] }));
    const [worker1, boss] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    // LDMAL Art. 49, not Art. 48 (before the fix: the worker's 15 days, 04-28).
    expect(kindsOf(v, boss)).toEqual(['set_aside_employer']);
    expect(deadline(v, 'set_aside_employer', boss)).toMatchObject({ dueOn: '2026-05-13' });
    expect(kindsOf(v, worker1)).toEqual(['sue_final_worker']);
    const sue = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: boss, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    expect(sue.status).toBe(422);
    expect(sue.body.rule).toBe('employer-cannot-sue-final');
    // The worker may sue (LDMAL Art. 48).
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: worker1, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
  });

  it('Rules Art. 7: an individual contractor sued with the organization is on the employer side too', async () => {
    const { c, v } = await awarded(FINAL, standardApplication({ respondents: [employer(), individual] }));
    const [company, contractor] = [c.respondents[0]?.id as number, c.respondents[1]?.id as number];
    expect(kindsOf(v, company)).toEqual(['set_aside_employer']);
    expect(kindsOf(v, contractor)).toEqual(['set_aside_employer']);
  });

  it('an individual employer that applies, marked by its economic type: the employer’s window is the applicant’s', async () => {
    const boss = { ...individual, ownership: 'individual' };
    const { c, v } = await awarded(
      FINAL,
      standardApplication({ applicants: [boss], respondents: [worker('钱八', 147)], claims: EMPLOYER_FINAL }),
    );
    // Before the fix both natural persons had the worker's 15 days (kind decided it).
    expect(kindsOf(v, c.applicants[0]?.id as number)).toEqual(['set_aside_employer']);
    expect(kindsOf(v, c.respondents[0]?.id as number)).toEqual(['sue_final_worker']);
  });

  it('an employer that applies: the worker respondent has the worker’s window', async () => {
    const { c, v } = await awarded(
      FINAL,
      standardApplication({ applicants: [employer()], respondents: [worker('赵七', 131)], claims: EMPLOYER_FINAL }),
    );
    expect(kindsOf(v, c.applicants[0]?.id as number)).toEqual(['set_aside_employer']);
    expect(kindsOf(v, c.respondents[0]?.id as number)).toEqual(['sue_final_worker']);
  });
});

describe(`item 4 — the receipt date and procedural order (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const patch = (c: { id: number }, body: Body) => t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, body);
  const supplement = { items: ['身份证复印件'] };

  it('PATCH receivedOn after the first procedural act is 422 naming the rule; on or before it the deadlines follow', async () => {
    const c = await registerCase(t, a);
    // Received Monday 03-02: 5 working days to decide on acceptance (LDMAL Art. 29) → 03-09.
    expect(deadline(c as never, 'acceptance')).toMatchObject({ startsOn: '2026-03-02', dueOn: '2026-03-09' });
    // Only the registration so far: the receipt may be corrected, and every period that runs from it moves.
    let r = await patch(c, { receivedOn: '2026-03-04' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(deadline(r.body, 'acceptance')).toMatchObject({ startsOn: '2026-03-04', dueOn: '2026-03-11' });
    await ok(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', supplement, '2026-03-05');
    // After the supplement request of 03-05 the receipt cannot move to 03-06 (it was accepted before the fix).
    r = await patch(c, { receivedOn: '2026-03-06' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'receipt-after-procedural-act', source: 'LDMAL Art. 29; Rules Arts. 29–31' });
    expect(r.body.detail).toContain('2026-03-05');
    expect(r.body.detail).toContain('第二十九条');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.receivedOn).toBe('2026-03-04');
    // The same day as the act, or earlier, is a correction the order allows.
    r = await patch(c, { receivedOn: '2026-03-05' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('procedure events are ordered against the receipt as corrected, not as first registered', async () => {
    const later = await registerCase(t, a);
    expect((await patch(later, { receivedOn: '2026-03-04' })).status).toBe(200);
    // Before the corrected receipt: refused (before the fix the registration row's 03-02 let it through).
    const early = await send(later, a.tokens.clerk, 'REQUEST_SUPPLEMENT', supplement, '2026-03-03');
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ path: 'occurredOn' })]);
    expect(early.body.errors[0].message).toContain('2026-03-04');

    const earlier = await registerCase(t, a);
    expect((await patch(earlier, { receivedOn: '2026-02-26' })).status).toBe(200);
    // Between the corrected receipt (02-26) and the first registered one (03-02): accepted (refused before the fix).
    await ok(earlier, a.tokens.clerk, 'REQUEST_SUPPLEMENT', supplement, '2026-02-27');
  });
});

describe(`item 5 — the review-filing refusal names the article, the period and the dates (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ACCEPT_REVIEW of a late application: 422 with Rules Arts. 74–75, 15 days, the effective, last and filing days', async () => {
    const c = await registerCase(
      t,
      a,
      application({
        track: 'review',
        receivedOn: '2026-03-20',
        applicants: [worker('孙九', 459)],
        respondents: [employer('聊城某某物流有限公司')],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' }],
        agreement: {
          effectiveOn: '2026-03-02',
          organization: '东昌府区古楼街道劳动争议调解委员会',
          terms: '被申请人于2026年3月31日前支付工资5000元',
        },
      }),
    );
    const r = await send(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-20');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'review-filing-15-days', source: 'Rules Arts. 74–75' });
    // 03-02 + 15 calendar days = 03-17; received 03-20.
    for (const words of ['第七十四条', '第七十五条', '15日', '2026-03-02', '2026-03-17', '2026-03-20'])
      expect(r.body.detail).toContain(words);
  });

  it('ACCEPT_REVIEW of an agreement confirming a labor relationship: 422 (Rules Art. 75), in time or not', async () => {
    const c = await registerCase(
      t,
      a,
      application({
        track: 'review',
        receivedOn: '2026-03-10',
        applicants: [worker('孙十', 460)],
        respondents: [employer('聊城某某物流有限公司')],
        claims: [
          { category: 'confirm_relationship', description: '确认双方2025年存在劳动关系' },
          { category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' },
        ],
        agreement: { effectiveOn: '2026-03-02', organization: '东昌府区古楼街道劳动争议调解委员会', terms: '确认劳动关系并支付工资' },
      }),
    );
    const r = await send(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-10');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'review-confirms-relationship', source: 'Rules Art. 75' });
    expect(r.body.detail).toContain('确认劳动关系');
  });
});

describe(`items 3 and 5 — PERIODS_OVERRIDE reaches every rule (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let o: TestApp;
  let oa: Actors;
  beforeAll(async () => {
    o = await startTestApp({
      now: '2026-11-20T02:00:00Z',
      env: {
        PERIODS_OVERRIDE: JSON.stringify({
          defense: { days: 15, unit: 'calendar' },
          review_filing: { days: 15, unit: 'working' },
          public_notice: { days: 30, unit: 'working' },
        }),
      },
    });
    oa = await createActors(o);
  });
  afterAll(async () => o?.close());
  const d = driver(
    () => o,
    () => oa,
  );

  it('a jurisdiction objection is judged on the defense period of the deadline list (15 calendar days)', async () => {
    const c = await registerCase(o, oa);
    await d.ok(c, oa.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const v = await d.ok(
      c,
      oa.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    // 03-06 + 15 calendar days = Saturday 03-21 → Monday 03-23 (15 working days would run to 03-27).
    expect(deadline(v, 'defense')).toMatchObject({ dueOn: '2026-03-23' });
    const r = await d.ok(
      c,
      oa.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.respondents[0]?.id, grounds: '应由临清市仲裁委管辖' },
      '2026-03-25',
    );
    expect(r.proceedings.jurisdictionObjections).toMatchObject([{ on: '2026-03-25', timely: false }]);
  });

  it('a review application is judged on the review-filing period of the deadline list (15 working days)', async () => {
    const c = await registerCase(
      o,
      oa,
      application({
        track: 'review',
        receivedOn: '2026-03-20',
        applicants: [worker('孙九', 459)],
        respondents: [employer('聊城某某物流有限公司')],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' }],
        agreement: {
          effectiveOn: '2026-03-02',
          organization: '东昌府区古楼街道劳动争议调解委员会',
          terms: '被申请人于2026年3月31日前支付工资5000元',
        },
      }),
    );
    // 03-02 + 15 working days = 03-23 (15 calendar days: 03-17, and ACCEPT_REVIEW was refused).
    expect(deadline(c as never, 'review_filing')).toMatchObject({ dueOn: '2026-03-23', status: 'met' });
    const r = await d.ok(c, oa.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-20');
    expect(r.state).toBe('review_accepted');
  });

  it('public notice is deemed served after the configured period in its unit (30 working days)', async () => {
    const c = await registerCase(o, oa);
    await d.ok(c, oa.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const v = await d.ok(
      c,
      oa.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'public_notice', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    // 30 working days after 03-06, Qingming (04-04…04-06) skipped: 04-20 (30 calendar days: 04-05).
    expect(v.proceedings.services).toEqual([
      expect.objectContaining({ method: 'public_notice', publishedOn: '2026-03-06', servedOn: '2026-04-20' }),
    ]);
    expect(deadline(v, 'defense')).toMatchObject({ startsOn: '2026-04-20' });
    // The notice period excluded from the award clock is the same interval, 03-06…04-20 (45 days; Rules Art. 46(6)):
    // 03-04 + 45 + 45 = 06-02.
    expect(deadline(v, 'award')).toMatchObject({ dueOn: '2026-06-02' });
    expect(deadline(v, 'award').explanation).toContain('公告送达期间2026-03-07至2026-04-20（45天，2026-03-06发出公告');
  });
});
