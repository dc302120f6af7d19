import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { caseEvents } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { type Actors, type CaseShape, createActors, largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Issue 11, "Missing": the procedures a commission could not record before, over HTTP on the real database.
 * Every rule named here is new: on the code before them the events did not exist (400 unknown event type).
 */
let t: TestApp;
let a: Actors;
type Body = Record<string, unknown>;
type Case = CaseShape & Body;
type Deadline = { kind: string; dueOn: string | null; startsOn: string | null; status: string; explanation: string; partyId?: number };

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  a = await createActors(t);
  // Two-year enforcement windows end in 2028: a year of weekends and the law's holidays only, so their last days are exact.
  const put = await t
    .api(t.adminToken)
    .put('/api/calendar/years/2028', { notice: '测试：周末及法定日期的节日', offDays: offDaysWith(2028), workDays: [] });
  expect(put.status).toBe(202);
  await recomputationsIdle(t.db);
});
afterAll(async () => t?.close());

const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
const { send, ok } = caseEvents<Case>(() => t);
async function refused(
  c: { id: number },
  token: string,
  type: EventType,
  payload: Body,
  occurredOn: string,
  status: number,
  rule?: string,
) {
  const r = await send(c, token, type, payload, occurredOn);
  expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(status);
  if (rule) expect(r.body.rule).toBe(rule);
  return r.body;
}
const deadline = (c: Body, kind: string) => (c.deadlines as Deadline[]).find((d) => d.kind === kind) as Deadline;
const proceedings = (c: Body) => c.proceedings as Record<string, never>;

/** Registered and accepted on 2026-03-04, the respondent served on 03-05. */
async function acceptedCase(body: Body = standardApplication()): Promise<Case> {
  const c = await registerCase(t, a, body as ReturnType<typeof standardApplication>);
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  return ok(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-03-05');
}
/** …with a sole arbitrator, a hearing on `hearingOn` notified to both parties. */
async function scheduledCase(hearingOn = '2026-03-20', body?: Body, arbitrator = 0): Promise<Case> {
  const c = await acceptedCase(body);
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(arbitrator).id], presidingId: arb(arbitrator).id }, '2026-03-05');
  await ok(c, arb(arbitrator).token, 'SCHEDULE_HEARING', { hearingOn, place: '第一仲裁庭' }, '2026-03-06');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-06');
  return c;
}

describe(`changing and adding claims — Rules Arts. 44, 46(3) (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the registration edit after acceptance points to CHANGE_CLAIMS, and the event exists for the clerk', async () => {
    const c = await acceptedCase();
    const patch = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: '补充事实' });
    expect(patch.status).toBe(409);
    expect(patch.body.detail).toContain('变更仲裁请求');
    const next = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`);
    expect(next.body.map((e: { type: string }) => e.type)).toContain('CHANGE_CLAIMS');
    expect(next.body.find((e: { type: string }) => e.type === 'CHANGE_CLAIMS').label).toBe('增加、变更或放弃仲裁请求');
  });

  it('adds and changes claims, restarts the 45 days from the change, gives the respondent a new defense period', async () => {
    const c = await acceptedCase();
    const [c0, c1] = c.claims;
    let r = await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      {
        add: [{ category: 'wages', amount: '3000.00', description: '2025年加班费' }],
        change: [{ claimId: c0?.id, amount: '15000.00' }],
      },
      '2026-03-16',
    );
    const claims = r.claims as unknown as { id: number; amount: string; description: string }[];
    expect(claims).toHaveLength(3);
    expect(claims[0]?.amount).toBe('15000.00');
    expect(claims[2]).toMatchObject({ amount: '3000.00', description: '2025年加班费' });
    expect(proceedings(r).claimChanges).toEqual([
      {
        on: '2026-03-16',
        added: [claims[2]?.id],
        changed: [{ claimId: c0?.id, before: { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' } }],
        withdrawn: [],
        respondentWaivesDefense: false,
        consentsBefore: 0,
      },
    ]);
    // Rules Art. 46(3): 45 days from acceptance of the change (03-16 → 04-30).
    expect(deadline(r, 'award')).toMatchObject({ startsOn: '2026-03-16', dueOn: '2026-04-30' });
    expect(deadline(r, 'award').explanation).toContain('受理变更仲裁请求之日');
    // Rules Art. 44: a new defense period once the changed claims reach the respondent.
    expect(deadline(r, 'defense_after_claims_change')).toMatchObject({ dueOn: null, status: 'open' });
    r = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'claims_change_copy', partyId: c.respondents[0]?.id, method: 'direct' },
      '2026-03-17',
    );
    expect(deadline(r, 'defense_after_claims_change')).toMatchObject({ startsOn: '2026-03-17', dueOn: '2026-03-31' });

    // The award decides the added claim too.
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-03-17');
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-18');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
    // No evidence period was set: after the hearing a new claim is a new application (reading of Rules Art. 44)…
    await refused(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'wages', amount: '1.00', description: '加班费' }] },
      '2026-03-31',
      422,
      'claims-change-after-hearing',
    );
    const two = [c0, c1].map((x) => ({ claimId: x?.id, outcome: 'granted', amount: '1000.00' }));
    await refused(c, arb(0).token, 'ISSUE_AWARD', { items: two }, '2026-04-01', 422, 'award-must-decide-every-claim');
    // …while giving one up is not limited so (Rules Art. 35), and restarts no clock (Rules Art. 46 restarts it for
    // claims added or changed).
    r = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [claims[2]?.id] }, '2026-03-31');
    expect(deadline(r, 'award')).toMatchObject({ startsOn: '2026-03-16', dueOn: '2026-04-30' });
    r = await ok(c, arb(0).token, 'ISSUE_AWARD', { items: two }, '2026-04-01');
    expect(r.state).toBe('award_issued');
  });

  it('a claim given up is no longer decided; giving up every claim is a withdrawal; ids are checked', async () => {
    const c = await scheduledCase();
    const [c0, c1] = c.claims;
    await refused(c, a.tokens.clerk, 'CHANGE_CLAIMS', {}, '2026-03-09', 400);
    const bad = await refused(c, a.tokens.clerk, 'CHANGE_CLAIMS', { change: [{ claimId: 999999, amount: '1.00' }] }, '2026-03-09', 400);
    expect(bad.errors[0].path).toBe('change.0.claimId');
    await refused(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [c0?.id, c1?.id] }, '2026-03-09', 422, 'withdraw-all-is-withdrawal');
    const r = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [c1?.id], respondentWaivesDefense: true }, '2026-03-09');
    expect(deadline(r, 'defense_after_claims_change')).toBeUndefined();
    await refused(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [c1?.id] }, '2026-03-09', 422, 'claim-already-withdrawn');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    const item = (id?: number) => ({ claimId: id, outcome: 'granted', amount: '1000.00' });
    const gone = await refused(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items: [item(c0?.id), item(c1?.id)] },
      '2026-03-23',
      422,
      'claim-withdrawn',
    );
    // legal s46b L1: the item named as the field, the claim by its position — not an internal id — under Rules Arts. 35, 44.
    expect(gone).toMatchObject({ field: 'items.1.claimId', source: 'Rules Arts. 35, 44' });
    expect(gone.detail).toContain('第2项请求已由当事人放弃');
    expect((await ok(c, arb(0).token, 'ISSUE_AWARD', { items: [item(c0?.id)] }, '2026-03-23')).state).toBe('award_issued');
  });

  it('a claim to confirm the relationship given up no longer makes the award non-final (LDMAL Art. 47; Rules Art. 44)', async () => {
    const c = await scheduledCase(
      '2026-03-20',
      standardApplication({
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'confirm_relationship', description: '确认与被申请人存在劳动关系' },
        ],
      }),
    );
    const [wages, relationship] = c.claims;
    const r = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [relationship?.id], respondentWaivesDefense: true }, '2026-03-09');
    expect((r.claims as unknown as { id: number; withdrawn: boolean }[]).map((x) => [x.id, x.withdrawn])).toEqual([
      [wages?.id, false],
      [relationship?.id, true],
    ]);
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    const items = [{ claimId: wages?.id, outcome: 'granted', amount: '12000.00' }];
    const preview = await t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-03-23', items });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.finality).toBe('final');
    const awarded = await ok(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-03-23');
    expect((awarded.award as { finality: string }).finality).toBe('final');
  });
});

describe('the evidence period — Rules Arts. 15, 44', () => {
  it('set, extended on request within it, late evidence explained; changes to claims only before it ends', async () => {
    const c = await acceptedCase();
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-03-05');
    await refused(c, arb(0).token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-05' }, '2026-03-05', 422, 'evidence-period-ends-later');
    // The last day a Saturday: the period ends on the next working day (CPL Art. 85(3)).
    let r = await ok(c, arb(0).token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-21' }, '2026-03-05');
    // (Statuses are judged on today, 2026-11-20: a period long over reads `elapsed`, an act not done `overdue`.)
    expect(deadline(r, 'evidence')).toMatchObject({ startsOn: '2026-03-05', dueOn: '2026-03-23', status: 'elapsed' });
    expect(deadline(r, 'evidence').explanation).toContain('顺延');
    await refused(c, arb(0).token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-28' }, '2026-03-05', 409);
    const applicant = c.applicants[0]?.id;
    r = await ok(
      c,
      arb(0).token,
      'EXTEND_EVIDENCE_PERIOD',
      { partyId: applicant, until: '2026-03-27', reason: '工资流水需银行出具' },
      '2026-03-20',
    );
    expect(deadline(r, 'evidence').dueOn).toBe('2026-03-27');
    const late = { partyId: applicant, description: '银行流水', reasonAccepted: false, decision: 'admitted_with_reprimand' };
    await refused(c, arb(0).token, 'RECORD_LATE_EVIDENCE', late, '2026-03-23', 422, 'evidence-not-late');
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { change: [{ claimId: c.claims[0]?.id, amount: '13000.00' }] }, '2026-03-23');
    await refused(
      c,
      arb(0).token,
      'EXTEND_EVIDENCE_PERIOD',
      { partyId: applicant, until: '2026-04-10', reason: '再延' },
      '2026-03-30',
      422,
      'evidence-extension-within-period',
    );
    await refused(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { change: [{ claimId: c.claims[0]?.id, amount: '14000.00' }] },
      '2026-03-30',
      422,
      'claims-change-after-evidence-period',
    );
    await refused(
      c,
      arb(0).token,
      'RECORD_LATE_EVIDENCE',
      { ...late, decision: 'admitted' },
      '2026-03-30',
      422,
      'late-evidence-without-reason',
    );
    await refused(
      c,
      arb(0).token,
      'RECORD_LATE_EVIDENCE',
      { ...late, reasonAccepted: true, decision: 'excluded' },
      '2026-03-30',
      422,
      'late-evidence-valid-reason',
    );
    r = await ok(c, arb(0).token, 'RECORD_LATE_EVIDENCE', late, '2026-03-30');
    expect(proceedings(r).evidence).toMatchObject({
      until: '2026-03-27',
      extensions: [{ on: '2026-03-20', until: '2026-03-27' }],
      late: [{ on: '2026-03-30', decision: 'admitted_with_reprimand', reasonAccepted: false }],
    });
  });

  it('a period ending on a rest day lets claims change on the next working day, not after it', async () => {
    const c = await acceptedCase();
    await ok(c, a.tokens.clerk, 'SET_EVIDENCE_PERIOD', { until: '2026-03-21' }, '2026-03-05');
    await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { change: [{ claimId: c.claims[0]?.id, description: '2025年10月至2026年1月工资' }] },
      '2026-03-23',
    );
    await refused(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { change: [{ claimId: c.claims[0]?.id, amount: '1.00' }] },
      '2026-03-24',
      422,
      'claims-change-after-evidence-period',
    );
  });
});

describe('adding a party or a third party — LDMAL Art. 23; Rules Art. 46(1)', () => {
  it('adds a co-respondent: its own service and defense deadlines, the 45 days restart, the case is found by its name', async () => {
    const c = await acceptedCase();
    const dispatch = { kind: 'organization', name: '聊城某某劳务派遣有限公司', legalRepresentative: '周某', address: '聊城市东昌府区' };
    const dup = await refused(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: employer() },
      '2026-03-12',
      400,
    );
    expect(dup.errors[0].path).toBe('party');
    let r = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'respondent', ground: 'dispatch', party: dispatch, initiative: 'tribunal' },
      '2026-03-12',
    );
    const added = (r.respondents as { id: number; name: string }[])[1] as { id: number; name: string };
    expect(added.name).toBe('聊城某某劳务派遣有限公司');
    expect(proceedings(r).partyAdditions).toEqual([
      { on: '2026-03-12', partyId: added.id, side: 'respondent', ground: 'dispatch', hearingsBefore: 0 },
    ]);
    // Rules Art. 46(1): 45 days from the decision to add (03-12 → 04-26, a Sunday → 04-27).
    expect(deadline(r, 'award')).toMatchObject({ startsOn: '2026-03-12', dueOn: '2026-04-27' });
    expect(deadline(r, 'award').explanation).toContain('决定追加当事人之日');
    // The original respondent's service stays met; the added one has its own.
    expect(deadline(r, 'serve_respondent').status).toBe('met');
    expect(deadline(r, 'serve_added_party')).toMatchObject({ dueOn: '2026-03-19', status: 'overdue', partyId: added.id });
    r = await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: added.id, method: 'direct' }, '2026-03-13');
    expect(deadline(r, 'serve_added_party').status).toBe('met');
    expect(deadline(r, 'defense_added_party')).toMatchObject({ startsOn: '2026-03-13', dueOn: '2026-03-27', partyId: added.id });
    const found = await t.api(a.tokens.clerk).get(`/api/cases?q=${encodeURIComponent('劳务派遣')}`);
    expect(found.body.items.map((x: { id: number }) => x.id)).toContain(c.id);
    r = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: worker('赵六', 789) },
      '2026-03-13',
    );
    expect(r.thirdParties).toHaveLength(1);
    // Told of the case before the award decides on it (LDMAL Art. 23; Rules Art. 46(1)).
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'addition_notice', partyId: (r.thirdParties as { id: number }[])[0]?.id, method: 'direct' },
      '2026-03-13',
    );
    // The added respondent must receive the award before it counts as served on every party.
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(1).id], presidingId: arb(1).id }, '2026-03-13');
    await ok(c, arb(1).token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第二仲裁庭' }, '2026-03-16');
    await ok(c, arb(1).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
    await ok(
      c,
      arb(1).token,
      'ISSUE_AWARD',
      { items: c.claims.map((x) => ({ claimId: x.id, outcome: 'granted', amount: '100.00' })) },
      '2026-03-31',
    );
    for (const p of [...c.applicants, ...c.respondents])
      r = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-04-01');
    expect(r.state).toBe('award_issued');
    r = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: added.id, method: 'direct' }, '2026-04-01');
    // fixK56 #1: and the third party too — his own window runs from his receipt (LDMAL Art. 50).
    expect(r.state).toBe('award_issued');
    const thirdId = (r.thirdParties as { id: number }[])[0]?.id;
    r = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: thirdId, method: 'direct' }, '2026-04-01');
    expect(r.state).toBe('award_served');
  });
});

describe('jurisdiction — Rules Arts. 8–10, 31, 46(5)', () => {
  it('before acceptance a jurisdiction-only defect is a written explanation, not a rejection', async () => {
    const c = await registerCase(t, a);
    await refused(c, a.tokens.clerk, 'REJECT', { reason: '不属于本委管辖', ground: 'jurisdiction' }, '2026-03-05', 400);
    const r = await ok(
      c,
      a.tokens.clerk,
      'REFER_ELSEWHERE',
      { competentCommission: '临清市劳动人事争议仲裁委员会', reason: '劳动合同履行地在临清市' },
      '2026-03-05',
    );
    expect(r).toMatchObject({ state: 'referred_elsewhere', caseNo: null, closure: { mode: 'referral', closedOn: '2026-03-05' } });
    expect(deadline(r, 'acceptance').status).toBe('met');
    expect(proceedings(r).referral).toEqual({
      on: '2026-03-05',
      competentCommission: '临清市劳动人事争议仲裁委员会',
      reason: '劳动合同履行地在临清市',
    });
  });

  it('a timely objection holds the hearing until decided; a rejected one lets it go on', async () => {
    const c = await scheduledCase('2026-03-24');
    await refused(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.applicants[0]?.id, grounds: '应由临清市仲裁委管辖' },
      '2026-03-10',
      422,
      'objection-by-respondent',
    );
    let r = await ok(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.respondents[0]?.id, grounds: '应由临清市仲裁委管辖' },
      '2026-03-10',
    );
    expect(proceedings(r).jurisdictionObjections).toMatchObject([{ on: '2026-03-10', timely: true, decision: null }]);
    await refused(
      c,
      arb(0).token,
      'HOLD_HEARING',
      { applicantPresent: true, respondentPresent: true },
      '2026-03-24',
      422,
      'jurisdiction-objection-pending',
    );
    await refused(c, a.tokens.clerk, 'DECIDE_JURISDICTION_OBJECTION', { result: 'rejected', reason: 'x' }, '2026-03-24', 403);
    r = await ok(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'rejected', reason: '劳动合同履行地在本市东昌府区' },
      '2026-03-24',
    );
    expect(proceedings(r).jurisdictionObjections).toMatchObject([{ decision: { on: '2026-03-24', result: 'rejected' } }]);
    await refused(c, a.tokens.chair, 'DECIDE_JURISDICTION_OBJECTION', { result: 'rejected', reason: 'x' }, '2026-03-24', 409);
    expect((await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-24')).state).toBe(
      'heard',
    );
  });

  it('an objection after the defense period is recorded as late and does not stop the case', async () => {
    const c = await acceptedCase();
    // Served 03-05: the 10 working days end 03-19.
    const r = await ok(c, a.tokens.clerk, 'RAISE_JURISDICTION_OBJECTION', { partyId: c.respondents[0]?.id, grounds: '异议' }, '2026-03-20');
    expect(proceedings(r).jurisdictionObjections).toMatchObject([{ timely: false, decision: null }]);
    await refused(c, a.tokens.chair, 'DECIDE_JURISDICTION_OBJECTION', { result: 'rejected', reason: 'x' }, '2026-03-20', 409);
  });

  it('an upheld objection transfers the case: closed here as `transfer`, counted under other', async () => {
    const c = await acceptedCase();
    await ok(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.respondents[0]?.id, grounds: '实际工作地在临清市' },
      '2026-03-06',
    );
    const missing = await refused(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'upheld', reason: '异议成立' },
      '2026-03-09',
      400,
    );
    expect(missing.errors[0].path).toBe('toCommission');
    const r = await ok(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'upheld', reason: '异议成立', toCommission: '临清市劳动人事争议仲裁委员会' },
      '2026-03-09',
    );
    expect(r).toMatchObject({
      state: 'closed_transferred',
      stateLabel: '移送管辖结案',
      closure: { mode: 'transfer', closedOn: '2026-03-09' },
    });
    expect(proceedings(r).transferOut).toMatchObject({ toCommission: '临清市劳动人事争议仲裁委员会', onObjection: true });
    const other = await t
      .api(a.tokens.analyst)
      .get('/api/stats/closure/cases?from=2026-03-01&to=2026-03-31&measure=closed&mode=other&pageSize=200');
    expect(other.status).toBe(200);
    expect(other.body.items.map((x: { id: number }) => x.id)).toContain(c.id);
    expect((await ok(c, a.tokens.clerk, 'ARCHIVE', {}, '2026-03-10')).state).toBe('archived');
  });

  it('the chair transfers on the commission’s own finding; the receiving commission accepts and its 45 days start then', async () => {
    const c = await acceptedCase();
    await refused(
      c,
      a.tokens.clerk,
      'TRANSFER_CASE',
      { toCommission: '茌平区劳动人事争议仲裁委员会', reason: '用人单位所在地' },
      '2026-03-06',
      403,
    );
    const out = await ok(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      { toCommission: '茌平区劳动人事争议仲裁委员会', reason: '受理后发现不属本委管辖' },
      '2026-03-06',
    );
    expect(out).toMatchObject({ state: 'closed_transferred', closure: { mode: 'transfer' } });
    expect(proceedings(out).transferOut).toMatchObject({ onObjection: false });

    const incoming = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-09' }));
    const r = await ok(
      incoming,
      a.tokens.clerk,
      'ACCEPT_TRANSFER',
      { fromCommission: '茌平区劳动人事争议仲裁委员会', fromCaseNo: '茌劳人仲案字〔2026〕第3号' },
      '2026-03-10',
    );
    expect(r.state).toBe('accepted');
    expect(r.caseNo).toMatch(/^聊劳人仲案字〔2026〕第\d+号$/);
    expect(deadline(r, 'award')).toMatchObject({ startsOn: '2026-03-10', dueOn: '2026-04-24' });
    expect(deadline(r, 'award').explanation).toContain('受理移送案件之日');
    expect(proceedings(r).transferIn).toEqual({
      on: '2026-03-10',
      fromCommission: '茌平区劳动人事争议仲裁委员会',
      fromCaseNo: '茌劳人仲案字〔2026〕第3号',
      firstReceivedOn: null,
    });
  });
});

describe('recusal as a procedure — LDMAL Art. 33; Rules Arts. 11–12', () => {
  it('application → the arbitrator stands down → the chair decides within 3 working days and replaces it', async () => {
    const c = await scheduledCase('2026-03-20', undefined, 0);
    const target = { kind: 'arbitrator', userId: arb(0).id };
    let r = await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target, ground: 'relationship', reason: '仲裁员与申请人代理人系同学' },
      '2026-03-09',
    );
    expect(proceedings(r).recusalApplications).toMatchObject([{ on: '2026-03-09', afterDebate: false, decision: null }]);
    expect(deadline(r, 'recusal_decision')).toMatchObject({ startsOn: '2026-03-09', dueOn: '2026-03-12', status: 'overdue' });
    await refused(
      c,
      arb(0).token,
      'HOLD_HEARING',
      { applicantPresent: true, respondentPresent: true },
      '2026-03-20',
      422,
      'recusal-pending',
    );
    await refused(
      c,
      a.tokens.clerk,
      'DECIDE_RECUSAL',
      { result: 'granted', decidedBy: 'chair', replacementId: arb(1).id },
      '2026-03-11',
      403,
    );
    await refused(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair' }, '2026-03-11', 422, 'replacement-needed');
    await refused(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'granted', decidedBy: 'commission', replacementId: arb(1).id },
      '2026-03-11',
      422,
      'recusal-by-chair',
    );
    r = await ok(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'granted', decidedBy: 'chair', replacementId: arb(1).id, form: 'written' },
      '2026-03-11',
    );
    expect(r.tribunal).toMatchObject({ presidingId: arb(1).id });
    expect(deadline(r, 'recusal_decision').status).toBe('met');
    // The arbitrator who withdrew no longer acts on the case; the replacement does.
    await refused(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20', 403);
    expect((await ok(c, arb(1).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20')).state).toBe(
      'heard',
    );
  });

  it('the chair sitting as arbitrator is decided by the commission; recorders (clerks) can be recused too', async () => {
    const c = await scheduledCase('2026-03-20', undefined, 2);
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: c.applicants[0]?.id,
        target: { kind: 'arbitrator', userId: arb(2).id, commissionChair: true },
        ground: 'interest',
        reason: '利害关系',
      },
      '2026-03-09',
    );
    await refused(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'rejected', decidedBy: 'chair' },
      '2026-03-10',
      422,
      'chair-recusal-by-commission',
    );
    let r = await ok(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'rejected', decidedBy: 'commission', reason: '理由不成立' },
      '2026-03-10',
    );
    expect(proceedings(r).recusalApplications).toMatchObject([{ decision: { result: 'rejected', decidedBy: 'commission' } }]);
    const wrong = await refused(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.applicants[0]?.id, target: { kind: 'recorder', userId: arb(0).id }, ground: 'other', reason: 'x' },
      '2026-03-10',
      400,
    );
    expect(wrong.errors[0].path).toBe('target.userId');
    r = await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: c.applicants[0]?.id,
        target: { kind: 'recorder', userId: t.userId('clerk') },
        ground: 'private_meeting',
        reason: '记录人员私自会见被申请人',
      },
      '2026-03-10',
    );
    // Without its recorder the hearing cannot be held either.
    await refused(
      c,
      arb(2).token,
      'HOLD_HEARING',
      { applicantPresent: true, respondentPresent: true },
      '2026-03-20',
      422,
      'recusal-pending',
    );
    r = await ok(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'granted', decidedBy: 'institute_head', replacementName: '书记员乙' },
      '2026-03-11',
    );
    expect(proceedings(r).recusalApplications).toMatchObject([
      {},
      { target: { kind: 'recorder' }, decision: { result: 'granted', replacementName: '书记员乙' } },
    ]);
    expect((await ok(c, arb(2).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20')).state).toBe(
      'heard',
    );
  });

  it('after the hearing began only a ground learned later; after the debate it is recorded without effect', async () => {
    const c = await scheduledCase('2026-03-20', undefined, 1);
    await ok(c, arb(1).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    // After the debate (award drafting): recorded, no stand-down, no decision deadline.
    let r = await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target: { kind: 'arbitrator', userId: arb(1).id }, ground: 'other', reason: '辩论终结后提出' },
      '2026-03-23',
    );
    expect(proceedings(r).recusalApplications).toMatchObject([{ afterDebate: true }]);
    expect(deadline(r, 'recusal_decision')).toBeUndefined();
    // A further session: the hearing has begun, so only a ground learned later may be raised.
    await ok(c, arb(1).token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-08', place: '第一仲裁庭' }, '2026-03-24');
    const target = { kind: 'arbitrator', userId: arb(1).id };
    await refused(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target, ground: 'interest', reason: 'x' },
      '2026-03-25',
      422,
      'recusal-before-hearing',
    );
    r = await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target, ground: 'interest', reason: '开庭后得知仲裁员持有对方股份', groundLearnedLate: true },
      '2026-03-25',
    );
    expect(deadline(r, 'recusal_decision')).toMatchObject({ dueOn: '2026-03-30' });
  });
});

describe('duplicate filing and the bar after deemed withdrawal — Rules Arts. 34, 35, 39', () => {
  const claims = [
    { category: 'wages', amount: '8000.00', description: '拖欠工资' },
    { category: 'damages', amount: '16000.00', description: '违法解除赔偿金' },
  ];
  const body = (name: string, seq: number, extra: Body = {}) =>
    application({ applicants: [worker(name, seq)], respondents: [employer('聊城某某纺织有限公司')], claims, ...extra });

  it('warns of an open case with the same parties and claims (not a refusal), and records the warning', async () => {
    const first = await t.api(a.tokens.clerk).post('/api/cases', body('王五', 456));
    expect(first.status).toBe(201);
    expect(first.body.warnings).toEqual([]);
    const again = await t.api(a.tokens.clerk).post('/api/cases', body('王五', 456));
    expect(again.status).toBe(201);
    expect(again.body.warnings).toEqual([
      expect.objectContaining({ code: 'pending', caseId: first.body.id, bars: true, sameClaims: true, source: 'Rules Art. 34' }),
    ]);
    expect(again.body.warnings[0].message).toContain('同一争议不予受理');
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${again.body.id}/events`)).body;
    expect(history[0].payload.duplicates).toEqual([{ code: 'pending', caseId: first.body.id, bars: true, source: 'Rules Art. 34' }]);
    // The same identity number under another spelling of the name is the same worker.
    const renamed = await t.api(a.tokens.clerk).post('/api/cases', body('王 五', 456));
    expect(renamed.body.warnings.map((w: { caseId: number }) => w.caseId)).toContain(first.body.id);
    // Another employer, or no claim of the same kind: no warning.
    const other = await t
      .api(a.tokens.clerk)
      .post('/api/cases', body('王五', 456, { respondents: [{ kind: 'organization', name: '聊城某某食品有限公司' }] }));
    expect(other.body.warnings).toEqual([]);
    const insurance = await t
      .api(a.tokens.clerk)
      .post('/api/cases', body('王五', 456, { claims: [{ category: 'social_insurance', description: '补缴社会保险' }] }));
    expect(insurance.body.warnings).toEqual([]);
  });

  it('an applicant with no identity number (an employer applying) is matched by name, among many parties with none', async () => {
    // Employers are respondents with no identity number in most cases: the name is what finds this one.
    for (let i = 0; i < 3; i++) expect((await t.api(a.tokens.clerk).post('/api/cases', body(`孙${i}`, 470 + i))).status).toBe(201);
    const byEmployer = (respondentName: string) =>
      application({ applicants: [employer('聊城某某化工有限公司')], respondents: [worker(respondentName, 480)], claims });
    const first = await t.api(a.tokens.clerk).post('/api/cases', byEmployer('钱八'));
    expect(first.status).toBe(201);
    expect(first.body.warnings).toEqual([]);
    const again = await t.api(a.tokens.clerk).post('/api/cases', byEmployer('钱八'));
    expect(again.body.warnings).toEqual([expect.objectContaining({ code: 'pending', caseId: first.body.id })]);
  });

  it("中途退庭: a side present that left without the tribunal's consent stands as absent (LDMAL Art. 36; Rules Art. 39)", async () => {
    // An applicant who left midway: the application may be deemed withdrawn; the record keeps that it came.
    const left = await scheduledCase('2026-03-20', body('退庭甲', 491));
    const bad = await send(
      left,
      arb(0).token,
      'HOLD_HEARING',
      { applicantPresent: false, applicantLeftEarly: true, respondentPresent: true },
      '2026-03-20',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'applicantLeftEarly' })]);
    const held = await ok(
      left,
      arb(0).token,
      'HOLD_HEARING',
      { applicantPresent: true, applicantLeftEarly: true, respondentPresent: true },
      '2026-03-20',
    );
    expect(proceedings(held).hearingsHeld).toEqual([expect.objectContaining({ applicantPresent: true, applicantLeftEarly: true })]);
    expect((await ok(left, arb(0).token, 'DEEM_WITHDRAWN', {}, '2026-03-20')).state).toBe('closed_deemed_withdrawn');
    // The decision says what happened, and why it may be so handled.
    const decision = await generatedText(t, arb(0).token, left.id, { kind: 'decision', matter: 'deemed_withdrawal' });
    expect(decision).toContain('到庭后未经仲裁庭同意中途退庭');
    expect(decision).not.toContain('拒不到庭');
    expect(decision).toContain('《劳动人事争议仲裁办案规则》第三十九条');
    // One who came and stayed: no deemed withdrawal.
    const stayed = await scheduledCase('2026-03-20', body('退庭乙', 492));
    await ok(stayed, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    expect((await send(stayed, arb(0).token, 'DEEM_WITHDRAWN', {}, '2026-03-20')).status).toBe(409);
    // A respondent who left midway: the award is a default award, with the notice of the hearing on record.
    const gone = await scheduledCase('2026-03-20', body('退庭丙', 493));
    await ok(
      gone,
      arb(0).token,
      'HOLD_HEARING',
      { applicantPresent: true, respondentPresent: true, respondentLeftEarly: true },
      '2026-03-20',
    );
    const items = gone.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    const awarded = await ok(gone, arb(0).token, 'ISSUE_AWARD', { items }, '2026-03-23');
    expect(awarded.award).toMatchObject({ defaultAward: true });
  });

  it('after deemed withdrawal a new application is barred (Rules Art. 39); after voluntary withdrawal it is not (Rules Art. 35)', async () => {
    const deemed = await scheduledCase('2026-03-20', body('赵七', 457));
    await ok(deemed, arb(0).token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-20');
    await ok(deemed, arb(0).token, 'DEEM_WITHDRAWN', {}, '2026-03-20');
    const withdrawn = await registerCase(t, a, body('钱八', 458));
    await ok(withdrawn, a.tokens.clerk, 'WITHDRAW', { reason: '双方和解' }, '2026-03-05');

    const r1 = await t.api(a.tokens.clerk).post('/api/cases', body('赵七', 457, { receivedOn: '2026-04-01' }));
    expect(r1.body.warnings).toEqual([
      expect.objectContaining({ code: 'deemed_withdrawn', caseId: deemed.id, bars: true, source: 'Rules Art. 39' }),
    ]);
    const r2 = await t.api(a.tokens.clerk).post('/api/cases', body('钱八', 458, { receivedOn: '2026-04-01' }));
    expect(r2.body.warnings).toEqual([
      expect.objectContaining({ code: 'withdrawn', caseId: withdrawn.id, bars: false, source: 'Rules Art. 35' }),
    ]);
  });
});

describe('arbitral review of a mediation agreement — Rules Arts. 74–79 (its own track)', () => {
  const review = (effectiveOn: string, receivedOn = '2026-03-10') =>
    application({
      track: 'review',
      receivedOn,
      applicants: [worker('孙九', 459)],
      respondents: [employer('聊城某某物流有限公司')],
      claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' }],
      agreement: { effectiveOn, organization: '东昌府区古楼街道劳动争议调解委员会', terms: '被申请人于2026年3月31日前支付工资5000元' },
    });

  it('registration needs the agreement on the review track and only there', async () => {
    const noAgreement = await t.api(a.tokens.clerk).post('/api/cases', { ...review('2026-03-02'), agreement: undefined });
    expect(noAgreement.status).toBe(400);
    expect(noAgreement.body.errors.map((e: { path: string }) => e.path)).toContain('agreement');
    const stray = await t
      .api(a.tokens.clerk)
      .post('/api/cases', { ...standardApplication(), agreement: (review('2026-03-02') as Body).agreement });
    expect(stray.status).toBe(400);
    const after = await t.api(a.tokens.clerk).post('/api/cases', review('2026-03-12'));
    expect(after.status).toBe(400);
    expect(after.body.errors[0].path).toBe('agreement.effectiveOn');
  });

  it('accepted in time → an arbitrator reviews within 5 working days (+5) → 调解书 signed by both → enforceable', async () => {
    const c = await registerCase(t, a, review('2026-03-02'));
    expect(c).toMatchObject({ track: 'review', state: 'review_received', caseNo: null, warnings: [] });
    // Before acceptance the registration can still be corrected, as for an arbitration application.
    const patched = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: '双方于2026年3月2日达成调解协议' });
    expect(patched.status).toBe(200);
    expect(deadline(c, 'review_filing')).toMatchObject({ startsOn: '2026-03-02', dueOn: '2026-03-17', status: 'met' });
    let r = await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11');
    expect(r.state).toBe('review_accepted');
    expect(deadline(r, 'review')).toMatchObject({ startsOn: '2026-03-11', dueOn: '2026-03-18', status: 'overdue' });
    r = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-03-11');
    expect(r.state).toBe('review_in_progress');
    await refused(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 6 }, '2026-03-12', 422, 'review-extension-max');
    r = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 5, reason: '需核实协议是否自愿' }, '2026-03-12');
    expect(deadline(r, 'review').dueOn).toBe('2026-03-25');
    // Rules Art. 76: once — the rule answers (med49 L4), not the state.
    await refused(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 1 }, '2026-03-12', 422, 'extension-once');
    r = await ok(c, arb(0).token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年3月31日前支付申请人工资5000元' }, '2026-03-16');
    expect(r.state).toBe('review_signing');
    // Reviewed in time: the review deadline is met; the mediation document the parties sign is made (Rules Art. 77).
    expect(deadline(r, 'review')).toMatchObject({ status: 'met' });
    const doc = await t.api(arb(0).token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-03-17');
    await refused(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-03-17', 422, 'already-signed');
    r = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id }, '2026-03-18');
    expect(r).toMatchObject({ state: 'review_confirmed', closure: { mode: 'review_confirmed', closedOn: '2026-03-18' } });
    expect(deadline(r, 'review').status).toBe('met');
    // LDMAL Art. 51; CPL Art. 250: two years from effect (2028-03-18 is a Saturday → 03-20).
    expect(deadline(r, 'enforcement_application')).toMatchObject({ startsOn: '2026-03-18', dueOn: '2028-03-20', status: 'open' });
    r = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院' }, '2026-04-02');
    expect(r.state).toBe('enforcement_applied');
    expect(deadline(r, 'enforcement_application').status).toBe('met');
  });

  it('filed after 15 days: acceptance is refused, the application is not accepted, arbitration remains open to the parties', async () => {
    const c = await registerCase(t, a, review('2026-02-01'));
    expect(deadline(c, 'review_filing')).toMatchObject({ dueOn: '2026-02-24' });
    await refused(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11', 422, 'review-filing-15-days');
    let r = await ok(c, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'late', reason: '超过调解协议生效之日起15日' }, '2026-03-11');
    expect(r).toMatchObject({ state: 'review_rejected', closure: { mode: 'review_rejected' } });
    // Op-2022 item 1: the parties may apply for arbitration on the agreement's matters.
    r = await ok(c, a.tokens.clerk, 'REFER_TO_ARBITRATION', { channel: 'counter' }, '2026-03-12');
    expect(r.state).toBe('review_referred');
    const linked = await t.api(a.tokens.clerk).get(`/api/cases/${r.linkedCaseId}`);
    expect(linked.body).toMatchObject({ track: 'arbitration', state: 'received', receivedOn: '2026-03-12' });
  });

  it('a refusal with reasons ends the review; reviews are not counted in the arbitration statistics', async () => {
    const c = await registerCase(t, a, review('2026-06-10', '2026-06-15'));
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-06-15');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(1).id], presidingId: arb(1).id }, '2026-06-15');
    const r = await ok(c, arb(1).token, 'REFUSE_CONFIRMATION', { ground: 'involuntary', reason: '申请人称系受胁迫签订' }, '2026-06-16');
    expect(r).toMatchObject({ state: 'review_terminated', closure: { mode: 'review_terminated' } });
    expect(proceedings(r).review).toMatchObject({ refusal: { on: '2026-06-16', ground: 'involuntary' } });
    const stats = await t.api(a.tokens.analyst).get('/api/stats/closure?from=2026-06-15&to=2026-06-16');
    expect(stats.status).toBe(200);
    expect(stats.body.applications.received).toBe(0);
    const drill = await t.api(a.tokens.analyst).get('/api/stats/closure/cases?from=2026-06-15&to=2026-06-16&measure=received');
    expect(drill.body.total).toBe(0);
  });
});

describe('consent of the represented workers in a collective case — Rules Art. 63', () => {
  const collective = () =>
    application({
      applicants: Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 300 + i)),
      respondents: [employer('聊城某某电子有限公司')],
    });
  async function withRepresentatives(): Promise<{ c: Case; workers: number[] }> {
    const c = await registerCase(t, a, collective());
    expect(c.collective).toBe(true);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const workers = c.applicants.map((x) => x.id);
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: workers.slice(0, 3) }, '2026-03-05');
    return { c, workers };
  }

  it('representatives change claims only with every represented worker’s consent, recorded for that change', async () => {
    const { c, workers } = await withRepresentatives();
    const change = { change: [{ claimId: c.claims[0]?.id, amount: '9000.00' }] };
    const body = await refused(c, a.tokens.clerk, 'CHANGE_CLAIMS', change, '2026-03-06', 422, 'represented-consent-required');
    expect(body.detail).toContain('7 名');
    await refused(
      c,
      a.tokens.clerk,
      'RECORD_REPRESENTED_CONSENT',
      { matter: 'change_claims', partyIds: workers.slice(0, 4) },
      '2026-03-06',
      422,
      'consent-by-represented',
    );
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTED_CONSENT', { matter: 'change_claims', partyIds: workers.slice(3, 9) }, '2026-03-06');
    await refused(c, a.tokens.clerk, 'CHANGE_CLAIMS', change, '2026-03-06', 422, 'represented-consent-required');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_REPRESENTED_CONSENT',
      { matter: 'change_claims', partyIds: [workers[9]], note: '书面同意书' },
      '2026-03-06',
    );
    const r = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', change, '2026-03-06');
    expect(proceedings(r).claimChanges).toMatchObject([{ consentsBefore: 2 }]);
    // A further change needs consent again.
    await refused(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { change: [{ claimId: c.claims[0]?.id, amount: '9500.00' }] },
      '2026-03-09',
      422,
      'represented-consent-required',
    );
  });

  it('settling and withdrawing need their own consent; consent given before this mediation began does not count', async () => {
    const { c, workers } = await withRepresentatives();
    const represented = workers.slice(3);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: a.arbitrators.map((x) => x.id), presidingId: arb(0).id }, '2026-03-05');
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTED_CONSENT', { matter: 'settle', partyIds: represented }, '2026-03-09');
    await ok(c, arb(0).token, 'START_MEDIATION', {}, '2026-03-10');
    await refused(c, arb(0).token, 'MEDIATION_AGREED', { terms: '分期支付' }, '2026-03-10', 422, 'represented-consent-required');
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTED_CONSENT', { matter: 'settle', partyIds: represented }, '2026-03-10');
    expect((await ok(c, arb(0).token, 'MEDIATION_AGREED', { terms: '分期支付' }, '2026-03-10')).state).toBe('mediation_signing');
    await refused(c, a.tokens.clerk, 'WITHDRAW', { reason: '和解' }, '2026-03-11', 422, 'represented-consent-required');
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTED_CONSENT', { matter: 'withdraw', partyIds: represented }, '2026-03-11');
    expect((await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '和解' }, '2026-03-11')).state).toBe('closed_withdrawn');
  });

  it('an individual case has no represented workers', async () => {
    const c = await acceptedCase();
    await refused(
      c,
      a.tokens.clerk,
      'RECORD_REPRESENTED_CONSENT',
      { matter: 'settle', partyIds: [c.applicants[0]?.id] },
      '2026-03-06',
      409,
    );
  });
});

describe('enforcement — LDMAL Art. 51; CPL Art. 250; SPC-1 Art. 24', () => {
  it('a final award is enforceable from the day it is made: the window runs two years from the last day to pay', async () => {
    const c = await scheduledCase();
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    const items = c.claims.map((x) => ({ claimId: x.id, outcome: 'granted', amount: '2000.00', paymentDays: 10 }));
    let r = await ok(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-03-23');
    expect(r.award).toMatchObject({ finality: 'final' });
    // Effective 03-23, pay within 10 days → 04-02; two years → 2028-04-02, a Sunday → 04-03.
    expect(deadline(r, 'enforcement_application')).toMatchObject({ startsOn: '2026-04-02', dueOn: '2028-04-03', status: 'open' });
    expect(deadline(r, 'enforcement_application').explanation).toContain('第二百五十条');
    r = await ok(
      c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-03' },
      '2026-04-03',
    );
    expect(r).toMatchObject({ state: 'enforcement_applied', stateLabel: '当事人已申请强制执行', closure: { mode: 'award' } });
    expect(proceedings(r).enforcement).toEqual([
      { on: '2026-04-03', partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-03', outcome: null },
    ]);
    r = await ok(
      c,
      a.tokens.clerk,
      'RECORD_ENFORCEMENT_OUTCOME',
      { result: 'refused', decidedOn: '2026-05-08', receivedOn: '2026-05-11' },
      '2026-05-11',
    );
    expect(r.state).toBe('enforcement_closed');
    // SPC-1 Art. 24: 30 days from receipt of the refusal (05-11 → 06-10).
    expect(deadline(r, 'sue_after_non_enforcement')).toMatchObject({ startsOn: '2026-05-11', dueOn: '2026-06-10' });
  });

  it('a non-final award is not enforceable before it takes effect, nor while a party’s suit is pending', async () => {
    const c = await scheduledCase(undefined, largeApplication());
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    const items = c.claims.map((x) => ({ claimId: x.id, outcome: 'granted', amount: '40000.00' }));
    const r = await ok(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-03-23');
    expect(r.award).toMatchObject({ finality: 'non_final' });
    expect(deadline(r, 'enforcement_application')).toBeUndefined();
    const apply = { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院' };
    await refused(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', apply, '2026-03-24', 409);
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: c.respondents[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-03-30' },
      '2026-03-30',
    );
    await refused(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', apply, '2026-03-31', 409);
  });

  it('an award that dismissed every claim has nothing to enforce', async () => {
    const c = await scheduledCase();
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-20');
    const r = await ok(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items: c.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' })) },
      '2026-03-23',
    );
    expect(r.award).toMatchObject({ finality: 'final' });
    await refused(
      c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: c.respondents[0]?.id, court: '聊城市东昌府区人民法院' },
      '2026-03-24',
      422,
      'nothing-to-enforce',
    );
  });
});
