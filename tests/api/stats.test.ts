import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { employer, idNumber, worker } from '../helpers/fixtures.ts';
import {
  type Actors,
  type CaseShape,
  createActors,
  issueMediationDocument,
  registerCase,
  standardApplication,
} from '../helpers/procedure.ts';
import { scratchDir } from '../helpers/scratch.ts';

/**
 * Hand-counted fixture (issue 6). Period Q1 2026 = 2026-01-01 … 2026-03-31.
 *
 *   case  district  received    accepted    closed                      Q1 role
 *   A     东昌府区   2025-12-01  2025-12-03  award 2026-01-20             carried over, closed
 *   B     临清市     2025-12-10  2025-12-12  —                            carried over, pending
 *   C     东昌府区   2025-11-01  2025-11-03  withdrawal 2025-12-20        closed before: not counted
 *   E     东昌府区   2026-01-05  2026-01-06  mediation 2026-02-25         accepted, closed
 *   F     临清市     2026-02-01  2026-02-02  award 2026-04-05             accepted, pending (social insurance)
 *   G     东昌府区   2026-03-01  —           rejected 2026-03-03          rejected: never accepted
 *   H     临清市     2026-03-20  2026-03-25  withdrawal 2026-03-30        accepted, closed — recorded late, on 2026-04-08
 *   I     东昌府区   2026-04-02  2026-04-03  —                            after the period
 *   M     东昌府区   mediation track, received 2026-01-10, agreement 2026-01-20
 *
 * By hand: carriedOver 2 (A, B); accepted 3 (E, F, H); closed 3 (A, E, H); pending 2 (B, F); rate 3/5.
 * 东昌府区: carried 1, accepted 1, closed 2, pending 0.  临清市: carried 1, accepted 2, closed 1, pending 2.
 * As the records stood at the end of 2026-04-01, H was still open: closed 2, pending 3.
 *
 * Q3 2026 (2026-07-01 … 2026-09-30), the MA2/yearbook rows (issue 18), recorded on 2026-10-10:
 *
 *   case  who filed / parties                         cause             ownership    accepted  closed
 *   J     employer (company) v. 1 worker              training          private      07-02     award 07-30, all granted → employer won
 *   K     2 workers v. an individual employer (person) remuneration    individual   07-03     deemed withdrawal 07-24
 *   L     worker v. company                           labor protection  state_owned  07-06     termination 08-20
 *   N     worker v. company                           remuneration      —            07-07     award 08-10, all granted → worker won
 *   O     worker v. company                           training          private      07-08     award 08-12, all dismissed → employer won
 *   P     worker v. company                           contract change   —            07-09     mediation 07-20, 3000 of 5000 → both
 *   T     10 workers v. company (collective)          remuneration      —            07-10     withdrawal 07-25
 *   U     worker v. company                           remuneration      —            07-13     award 08-14, partly → both
 *   Q     mediation track, received 07-01, referred to arbitration 07-20 → R (accepted 07-21, open)
 *
 * By hand: carried over 2 (B, I); accepted 9 (J K L N O P T U R), of which employer-filed 1, referred 1, collective 1;
 * to be closed 11; workers 19 (K's individual employer is not one), collective 10; closed 8: award 4, mediation 1,
 * withdrawal 1, deemed 1, termination 1; collective closed 1; workers in closed cases 18; results employer 2, worker 1,
 * both 2; pending 3; mediated 3000.00; mediation track received 1, ended 1 (referred); handled 11 + 1 = 12.
 */
let t: TestApp;
let a: Actors;
const ids: Record<string, number> = {};
type Body = Record<string, unknown>;

const at = (day: string) => t.clock.set(`${day}T02:00:00Z`);
async function ev(c: CaseShape, token: string, type: EventType, occurredOn: string, payload: Body = {}) {
  const r = await t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...payload });
  expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as CaseShape & Body;
}
async function register(receivedOn: string, district: string, extra: Body = {}) {
  return registerCase(t, a, standardApplication({ receivedOn, district, ...extra }) as never);
}
async function awardPath(c: CaseShape, acceptOn: string, scheduleOn: string, hearingOn: string, awardOn: string) {
  await ev(c, a.tokens.clerk, 'ACCEPT', acceptOn);
  const arb = a.arbitrators[0] as { id: number; token: string };
  await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', scheduleOn, { arbitratorIds: [arb.id], presidingId: arb.id });
  await ev(c, arb.token, 'SCHEDULE_HEARING', scheduleOn, { hearingOn, place: '第一仲裁庭' });
  await ev(c, arb.token, 'HOLD_HEARING', hearingOn, { applicantPresent: true, respondentPresent: true });
  if (awardOn)
    await ev(c, arb.token, 'ISSUE_AWARD', awardOn, {
      items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' })),
      facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
      reasoning: '本委认为：被申请人应当支付所欠工资。',
    });
}

const Q1 = 'from=2026-01-01&to=2026-03-31';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
  a = await createActors(t);
  const A = await register('2025-12-01', '东昌府区');
  await awardPath(A, '2025-12-03', '2025-12-04', '2025-12-22', '2026-01-20');
  const B = await register('2025-12-10', '临清市');
  await ev(B, a.tokens.clerk, 'ACCEPT', '2025-12-12');
  const C = await register('2025-11-01', '东昌府区');
  await ev(C, a.tokens.clerk, 'ACCEPT', '2025-11-03');
  await ev(C, a.tokens.clerk, 'WITHDRAW', '2025-12-20', { reason: '双方已和解' });
  const E = await register('2026-01-05', '东昌府区');
  await ev(E, a.tokens.clerk, 'ACCEPT', '2026-01-06');
  await ev(E, a.tokens.chair, 'ASSIGN_MEDIATOR', '2026-02-20', { mediatorId: a.ids.mediator });
  await ev(E, a.tokens.mediator, 'START_MEDIATION', '2026-02-20');
  // LDMAL Art. 42(2)–(3): the agreement becomes the tribunal's 调解书, so the tribunal is formed first.
  await ev(E, a.tokens.chair, 'FORM_TRIBUNAL', '2026-02-20', { arbitratorIds: [a.ids.arbitrator], presidingId: a.ids.arbitrator });
  await ev(E, a.tokens.mediator, 'MEDIATION_AGREED', '2026-02-23', { terms: '被申请人支付工资12000元' });
  await issueMediationDocument(t, a.tokens.mediator, E);
  await ev(E, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', '2026-02-24', { partyId: E.applicants[0]?.id, signedOn: '2026-02-24' });
  await ev(E, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', '2026-02-25', { partyId: E.respondents[0]?.id, signedOn: '2026-02-25' });
  const F = await register('2026-02-01', '临清市', {
    claims: [{ category: 'social_insurance', amount: '5000.00', description: '补缴社会保险费' }],
    applicants: [worker('李五', 124), worker('王六', 125)],
    respondents: [employer()],
  });
  const G = await register('2026-03-01', '东昌府区');
  await ev(G, a.tokens.clerk, 'REJECT', '2026-03-03', { reason: '不属于劳动人事争议仲裁受案范围' });
  const H = await register('2026-03-20', '临清市');
  await ev(H, a.tokens.clerk, 'ACCEPT', '2026-03-25');
  const M = await registerCase(t, a, standardApplication({ receivedOn: '2026-01-10', track: 'mediation' }) as never);
  await ev(M, a.tokens.clerk, 'ASSIGN_MEDIATOR', '2026-01-10', { mediatorId: a.ids.mediator });
  await ev(M, a.tokens.mediator, 'MEDIATION_AGREED', '2026-01-20', { terms: '用人单位于2月底前支付工资' });
  // Up to here everything was recorded on 2026-04-01. F's path up to the hearing as well:
  await awardPath(F, '2026-02-02', '2026-02-03', '2026-03-02', '');
  Object.assign(ids, { A: A.id, B: B.id, C: C.id, E: E.id, F: F.id, G: G.id, H: H.id, M: M.id });
  // Later entries: F's award on 2026-04-05; on 2026-04-08 the clerk records H's withdrawal of 2026-03-30 (late).
  at('2026-04-05');
  const arb = a.arbitrators[0] as { id: number; token: string };
  await ev({ ...F, tribunal: null }, arb.token, 'ISSUE_AWARD', '2026-04-05', {
    items: F.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '5000.00' })),
    facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
    reasoning: '本委认为：被申请人应当支付所欠工资。',
  });
  at('2026-04-08');
  await ev(H, a.tokens.clerk, 'WITHDRAW', '2026-03-30', { reason: '已和解' });
  const I = await register('2026-04-02', '东昌府区');
  await ev(I, a.tokens.clerk, 'ACCEPT', '2026-04-03');
  ids.I = I.id;
  at('2026-04-10');
  await q3Fixture();
  at('2026-10-10');
}, 180_000);

const Q3 = 'from=2026-07-01&to=2026-09-30';
async function q3Fixture() {
  at('2026-10-10');
  const arb = a.arbitrators[0] as { id: number; token: string };
  const company = (ownership?: string) => ({ ...employer(), ...(ownership ? { ownership } : {}) });
  const J = await register('2026-07-01', '东昌府区', {
    applicants: [{ ...employer('聊城某某纺织有限公司'), ownership: 'private' }],
    respondents: [worker('赵七', 131)],
    claims: [{ category: 'training', amount: '6000.00', description: '返还培训费' }],
  });
  await awardPath(J, '2026-07-02', '2026-07-03', '2026-07-24', '2026-07-30');
  const K = await register('2026-07-02', '东昌府区', {
    applicants: [worker('钱八', 132), worker('孙九', 133)],
    respondents: [{ kind: 'person', name: '李个体', idNumber: idNumber('371502', '19800101', 134), ownership: 'individual' }],
  });
  await ev(K, a.tokens.clerk, 'ACCEPT', '2026-07-03');
  await ev(K, a.tokens.chair, 'FORM_TRIBUNAL', '2026-07-04', { arbitratorIds: [arb.id], presidingId: arb.id });
  await ev(K, arb.token, 'SCHEDULE_HEARING', '2026-07-06', { hearingOn: '2026-07-24', place: '第一仲裁庭' });
  for (const p of K.applicants)
    await ev(K, a.tokens.clerk, 'SERVE', '2026-07-07', {
      document: 'hearing_notice',
      partyId: p.id,
      method: 'direct',
      servedOn: '2026-07-07',
    });
  await ev(K, arb.token, 'HOLD_HEARING', '2026-07-24', { applicantPresent: false, respondentPresent: true });
  await ev(K, arb.token, 'DEEM_WITHDRAWN', '2026-07-24', { reason: '申请人经书面通知无正当理由拒不到庭' });
  const L = await register('2026-07-03', '东昌府区', {
    respondents: [company('state_owned')],
    claims: [{ category: 'labor_protection', description: '提供劳动防护用品' }],
  });
  await ev(L, a.tokens.clerk, 'ACCEPT', '2026-07-06');
  // Rules Art. 48: after the limit (08-20) ran out and a court accepted the suit over the delay.
  await ev(L, a.tokens.chair, 'TERMINATE', '2026-08-24', { reason: '人民法院已受理当事人因逾期未作出裁决提起的诉讼' });
  const N = await register('2026-07-06', '东昌府区');
  await awardPath(N, '2026-07-07', '2026-07-08', '2026-07-29', '2026-08-10');
  const O = await register('2026-07-07', '东昌府区', {
    respondents: [company('private')],
    claims: [{ category: 'training', amount: '3000.00', description: '培训期间工资' }],
  });
  await awardPath(O, '2026-07-08', '2026-07-09', '2026-07-30', '');
  await ev(O, arb.token, 'ISSUE_AWARD', '2026-08-12', {
    items: O.claims.map((cl) => ({ claimId: cl.id, outcome: 'dismissed' })),
    facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
    reasoning: '本委认为：被申请人应当支付所欠工资。',
  });
  const P = await register('2026-07-08', '东昌府区', {
    claims: [{ category: 'contract_change', amount: '5000.00', description: '变更劳动合同并补发工资差额' }],
  });
  await ev(P, a.tokens.clerk, 'ACCEPT', '2026-07-09');
  await ev(P, a.tokens.chair, 'ASSIGN_MEDIATOR', '2026-07-15', { mediatorId: a.ids.mediator });
  await ev(P, a.tokens.mediator, 'START_MEDIATION', '2026-07-15');
  await ev(P, a.tokens.chair, 'FORM_TRIBUNAL', '2026-07-15', { arbitratorIds: [a.ids.arbitrator], presidingId: a.ids.arbitrator });
  await ev(P, a.tokens.mediator, 'MEDIATION_AGREED', '2026-07-15', { terms: '被申请人支付申请人3000元', amount: '3000.00' });
  await issueMediationDocument(t, a.tokens.mediator, P);
  await ev(P, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', '2026-07-20', { partyId: P.applicants[0]?.id, signedOn: '2026-07-20' });
  await ev(P, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', '2026-07-20', { partyId: P.respondents[0]?.id, signedOn: '2026-07-20' });
  const T = await register('2026-07-09', '东昌府区', {
    applicants: Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 140 + i)),
  });
  await ev(T, a.tokens.clerk, 'ACCEPT', '2026-07-10');
  await ev(T, a.tokens.clerk, 'WITHDRAW', '2026-07-25', { reason: '双方已和解' });
  const U = await register('2026-07-10', '东昌府区');
  await awardPath(U, '2026-07-13', '2026-07-14', '2026-08-04', '');
  await ev(U, arb.token, 'ISSUE_AWARD', '2026-08-14', {
    items: [
      { claimId: U.claims[0]?.id, outcome: 'partly', amount: '6000.00' },
      { claimId: U.claims[1]?.id, outcome: 'dismissed' },
    ],
    facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
    reasoning: '本委认为：被申请人应当支付所欠工资。',
  });
  const Q = await registerCase(t, a, standardApplication({ receivedOn: '2026-07-01', track: 'mediation' }) as never);
  await ev(Q, a.tokens.clerk, 'ASSIGN_MEDIATOR', '2026-07-01', { mediatorId: a.ids.mediator });
  const referred = await ev(Q, a.tokens.mediator, 'REFER_TO_ARBITRATION', '2026-07-20', { reason: 'time_limit' });
  const R = { ...Q, id: referred.linkedCaseId as number };
  await ev(R, a.tokens.clerk, 'ACCEPT', '2026-07-21');
  Object.assign(ids, { J: J.id, K: K.id, L: L.id, N: N.id, O: O.id, P: P.id, T: T.id, U: U.id, Q: Q.id, R: R.id });
}
afterAll(async () => t?.close());

const get = (url: string, token = a.tokens.analyst) => t.api(token).get(url);

describe(`closure statistics, hand-counted (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('Q1 headline figures', async () => {
    const r = await get(`/api/stats/closure?${Q1}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      from: '2026-01-01',
      to: '2026-03-31',
      asOf: null,
      carriedOver: 2,
      accepted: 3,
      closed: 3,
      pending: 2,
      closureRate: 0.6,
      closureRateFraction: { numerator: 3, denominator: 5 },
      target: 0.98,
      meetsTarget: false,
      byMode: { award: 1, mediation: 1, withdrawal: 1, other: 0 },
      applications: { received: 4, rejected: 1 },
      finalAwards: 1,
      formulaVersion: expect.any(String),
    });
    // Days to close: A 2025-12-03→2026-01-20 = 48, E 01-06→02-25 = 50, H 03-25→03-30 = 5.
    expect(r.body.averageDays).toBeCloseTo(103 / 3, 10);
    expect(r.body.medianDays).toBe(48);
    // Mediation: track M agreed (1 of 1 ended); bulletin = (1 + 1 arbitration mediation) / (1 + 3 closed).
    expect(r.body.mediationSuccess.organization).toMatchObject({ numerator: 1, denominator: 1 });
    expect(r.body.mediationSuccess.bulletin).toMatchObject({ numerator: 2, denominator: 4 });
    expect(r.body.mediationSuccessRate).toBe(0.5);
    // Amounts: accepted in Q1 E 38400 + F 5000 + H 38400 claimed; awarded A 2 × 1000.
    expect(r.body.amounts).toEqual({ claimed: '81800.00', awarded: '2000.00', mediated: '0.00' });
    expect(r.body.links.closed).toContain('measure=closed');
    // Award time limit, 45 days (LDMAL Art. 43), end rolled past rest days: A due 2026-01-19 closed 01-20 (late);
    // E due 02-24 (Spring Festival) closed 02-25 (late); B due 01-26 and F due 03-19 still open on 03-31.
    expect(r.body.overdue).toBe(4);
    expect(r.body.overdueDetail).toEqual({ closedLate: 2, pendingOverdue: 2 });
  });

  it('per district, and the identity holds in every group', async () => {
    const r = await get(`/api/stats/closure?${Q1}&groupBy=district`);
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.groups.map((g: Body) => [g.key, g]));
    expect(by['东昌府区']).toMatchObject({ carriedOver: 1, accepted: 1, closed: 2, pending: 0, closureRate: 1, meetsTarget: true });
    expect(by['临清市']).toMatchObject({ carriedOver: 1, accepted: 2, closed: 1, pending: 2 });
    expect(by['临清市'].closureRateFraction).toMatchObject({ numerator: 1, denominator: 3 });
    for (const g of r.body.groups) expect(g.pending).toBe(g.carriedOver + g.accepted - g.closed);
    const cause = await get(`/api/stats/closure?${Q1}&groupBy=cause`);
    const byCause = Object.fromEntries(cause.body.groups.map((g: Body) => [g.key, g]));
    expect(byCause.social_insurance).toMatchObject({ label: '社会保险', accepted: 1, pending: 1 });
    expect(byCause.remuneration).toMatchObject({ label: '劳动报酬', carriedOver: 2, accepted: 2, closed: 3 });
  });

  it('drill-down lists exactly the cases behind each number', async () => {
    const list = async (q: string) => {
      const r = await get(`/api/stats/closure/cases?${Q1}&${q}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items.length).toBe(r.body.total);
      return r.body.items.map((i: Body) => i.id).sort((x: number, y: number) => x - y);
    };
    const sorted = (...k: string[]) => k.map((x) => ids[x]).sort((x, y) => (x as number) - (y as number));
    expect(await list('measure=carriedOver')).toEqual(sorted('A', 'B'));
    expect(await list('measure=accepted')).toEqual(sorted('E', 'F', 'H'));
    expect(await list('measure=closed')).toEqual(sorted('A', 'E', 'H'));
    expect(await list('measure=pending')).toEqual(sorted('B', 'F'));
    expect(await list('measure=rejected')).toEqual(sorted('G'));
    expect(await list('measure=closed&mode=mediation')).toEqual(sorted('E'));
    expect(await list('measure=pending&groupBy=district&group=临清市')).toEqual(sorted('B', 'F'));
    expect(await list('measure=mediationAgreed')).toEqual(sorted('M'));
    expect(await list('measure=overdue')).toEqual(sorted('A', 'B', 'E', 'F'));
    expect(await list('measure=closedLate')).toEqual(sorted('A', 'E'));
    // Pages: the total beside every page (one pass over the rows), and still on a page past the end.
    const p2 = await get(`/api/stats/closure/cases?${Q1}&measure=overdue&page=2&pageSize=3`);
    expect(p2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.body.items.map((i: Body) => i.id)).toHaveLength(1);
    const past = await get(`/api/stats/closure/cases?${Q1}&measure=overdue&page=3&pageSize=3`);
    expect(past.body).toMatchObject({ total: 4, items: [] });
    const none = await get(`/api/stats/closure/cases?${Q1}&measure=pending&groupBy=district&group=冠县`);
    expect(none.body).toMatchObject({ total: 0, items: [] });
    const one = await get(`/api/stats/closure/cases?${Q1}&measure=closed&mode=award`);
    expect(one.body.items[0]).toMatchObject({ caseNo: expect.stringMatching(/〔2025〕/), closureMode: 'award', daysToClose: 48 });
  });

  it('asOf reproduces the figure as it stood, before a late entry', async () => {
    const then = await get(`/api/stats/closure?${Q1}&asOf=2026-04-01`);
    expect(then.status).toBe(200);
    expect(then.body).toMatchObject({ asOf: '2026-04-01', carriedOver: 2, accepted: 3, closed: 2, pending: 3 });
    const cases = await get(`/api/stats/closure/cases?${Q1}&asOf=2026-04-01&measure=pending`);
    expect(cases.body.items.map((i: Body) => i.id).sort()).toEqual([ids.B, ids.F, ids.H].sort());
    // The same request later still gives the published number; today's gives the corrected one.
    const now = await get(`/api/stats/closure?${Q1}`);
    expect(now.body.closed).toBe(3);
    // Before A's award was entered? Everything above was recorded on 2026-04-01, so asOf 2026-03-31 knows nothing.
    const before = await get(`/api/stats/closure?${Q1}&asOf=2026-03-31`);
    expect(before.body).toMatchObject({ carriedOver: 0, accepted: 0, closed: 0, pending: 0, closureRate: null, meetsTarget: null });
  });

  it('period shortcuts: quarter and year', async () => {
    const q = await get('/api/stats/closure?period=2026-Q1');
    expect(q.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', closed: 3 });
    const y = await get('/api/stats/closure?period=2025');
    // 2025: accepted A, B, C; closed C (withdrawal 2025-12-20).
    expect(y.body).toMatchObject({ from: '2025-01-01', to: '2025-12-31', carriedOver: 0, accepted: 3, closed: 1, pending: 2 });
  });

  it('bad input is a 400 naming the field; other roles get 403', async () => {
    const cases: [string, string][] = [
      ['/api/stats/closure?from=2026-02-30&to=2026-03-31', 'from'],
      ['/api/stats/closure?from=2026-03-01&to=2026-01-31', 'to'],
      ['/api/stats/closure?to=2026-01-31', 'from'],
      ['/api/stats/closure?period=2026-Q5', 'period'],
      [`/api/stats/closure?${Q1}&groupBy=color`, 'groupBy'],
      [`/api/stats/closure?${Q1}&asOf=2027-01-01`, 'asOf'],
      [`/api/stats/closure/cases?${Q1}&measure=everything`, 'measure'],
      [`/api/stats/closure/cases?${Q1}&measure=closed&group=临清市`, 'groupBy'],
      [`/api/stats/closure/cases?${Q1}&measure=closed&groupBy=arbitrator&group=abc`, 'group'],
      [`/api/stats/closure/cases?${Q1}&measure=closed&groupBy=wageArrears&group=maybe`, 'group'],
      [`/api/stats/report?${Q1}&format=doc`, 'format'],
    ];
    for (const [url, field] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.errors.map((e: Body) => e.path)).toContain(field);
    }
    for (const role of ['clerk', 'mediator', 'arbitrator'] as const) {
      expect((await get(`/api/stats/closure?${Q1}`, a.tokens[role])).status).toBe(403);
    }
    expect((await get(`/api/stats/closure?${Q1}`, a.tokens.chair)).status).toBe(200);
    expect((await get(`/api/stats/closure?${Q1}`, t.adminToken)).status).toBe(200);
    // A method the address does not take: 405 naming the one it does.
    const post = await t.api(a.tokens.analyst).post(`/api/stats/closure?${Q1}`, {});
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
  });

  it('the periodic report as JSON, CSV, xlsx (read back) and PDF (text extracted)', async () => {
    const j = await get(`/api/stats/report?${Q1}`);
    expect(j.status).toBe(200);
    const row = (label: string) => j.body.summary.find((s: Body) => String(s.label).trim() === label)?.value;
    expect(row('上期未结案件数')).toBe(2);
    expect(row('本期受理案件数')).toBe(3);
    expect(row('本期结案数')).toBe(3);
    expect(row('期末未结案件数')).toBe(2);
    expect(row('不予受理数')).toBe(1);
    expect(row('本期受理案件劳动者当事人数')).toBe(4); // E 1 + F 2 + H 1
    expect(j.body.monthly.map((m: Body) => [m.month, m.accepted, m.closed])).toEqual([
      ['2026-01', 1, 1],
      ['2026-02', 1, 1],
      ['2026-03', 1, 1],
    ]);
    const csv = await get(`/api/stats/report?${Q1}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('上期未结案件数,2');
    expect(csv.text).toContain('按地区');

    const x = await get(`/api/stats/report?${Q1}&format=xlsx`).buffer(true).parse(binary);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '按地区',
      '按争议原因',
      '按程序',
      '按是否欠薪',
      '按首席（独任）仲裁员',
      '按用人单位类型',
      '按月',
    ]);
    const summary = wb.getWorksheet('汇总');
    const values = new Map<string, unknown>();
    summary?.eachRow((r) => values.set(String(r.getCell(2).value).trim(), r.getCell(3).value));
    expect(values.get('本期结案数')).toBe(3);
    const district = wb.getWorksheet('按地区');
    expect(district?.getRow(3).values).toEqual([
      undefined,
      ...[
        '分组',
        '上期未结',
        '本期受理',
        '本期结案',
        '仲裁调解',
        '仲裁裁决',
        '其他方式',
        '期末未结',
        '结案率',
        '超审限',
        '收到申请',
        '不予受理',
      ],
    ]);

    const pdf = await get(`/api/stats/report?${Q1}&format=pdf`).buffer(true).parse(binary);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = scratchDir('zc-report-');
    writeFileSync(join(dir, 'r.pdf'), pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('劳动人事争议仲裁处理情况统计表');
    expect(text).toMatch(/上期未结案件数\s+2/);
    expect(text).toContain('临清市');
  });
});

describe(`the MA2/yearbook rows, hand-counted (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('Q3 figures: who filed, referrals, workers, other modes split, collective closed, results, mediated amount, handled', async () => {
    const r = await get(`/api/stats/closure?${Q3}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      carriedOver: 2,
      accepted: 9,
      acceptedCollective: 1,
      toClose: 11,
      filedBy: { worker: 8, employer: 1 },
      acceptedReferred: 1,
      workers: 19,
      workersCollective: 10,
      closed: 8,
      byMode: { award: 4, mediation: 1, withdrawal: 1, other: 2 },
      otherModes: { withdrawal: 1, deemedWithdrawal: 1, termination: 1, transfer: 0, other: 0 },
      closedCollective: 1,
      workersClosed: 18,
      results: { employer: 2, worker: 1, both: 2 },
      pending: 3,
      handled: 12,
      reviews: { carriedOver: 0, received: 0, closed: 0 },
    });
    expect(r.body.amounts.mediated).toBe('3000.00');
    expect(r.body.mediationSuccess.mediationTrack).toMatchObject({ received: 1, ended: 1, agreed: 0, referred: 1, carriedOver: 0 });
    const own = await get(`/api/stats/closure?${Q3}&groupBy=ownership`);
    const byOwn = Object.fromEntries(own.body.groups.map((g: Body) => [g.key, g.accepted]));
    expect(byOwn).toEqual({ private: 2, individual: 1, state_owned: 1, unknown: 5 });
    expect(own.body.groups.find((g: Body) => g.key === 'individual').label).toBe('个体经济组织');
  });

  it('Q3 drill-downs list exactly the cases behind the new rows', async () => {
    const list = async (q: string) => {
      const r = await get(`/api/stats/closure/cases?${Q3}&${q}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items.map((i: Body) => i.id).sort((x: number, y: number) => x - y);
    };
    const sorted = (...k: string[]) => k.map((x) => ids[x]).sort((x, y) => (x as number) - (y as number));
    expect(await list('measure=accepted&filedBy=employer')).toEqual(sorted('J'));
    expect(await list('measure=accepted&referred=true')).toEqual(sorted('R'));
    expect(await list('measure=closed&collective=true')).toEqual(sorted('T'));
    expect(await list('measure=closed&mode=deemed_withdrawal')).toEqual(sorted('K'));
    expect(await list('measure=closed&mode=termination')).toEqual(sorted('L'));
    expect(await list('measure=closed&mode=other')).toEqual(sorted('K', 'L'));
    expect(await list('measure=closed&result=both')).toEqual(sorted('P', 'U'));
    expect(await list('measure=closed&result=employer')).toEqual(sorted('J', 'O'));
    expect(await list('measure=closed&result=worker')).toEqual(sorted('N'));
    expect(await list('measure=accepted&groupBy=ownership&group=private')).toEqual(sorted('J', 'O'));
  });

  it('every report row with a drill-down lists as many cases as it counts: 终局裁决, 部分终局裁决 and 集体争议结案 too', async () => {
    const j = await get(`/api/stats/report?${Q3}`);
    const rows = (j.body.summary as Body[]).filter((r) => r.measure);
    const byLabel = (label: string) => rows.find((r) => String(r.label).trim() === label);
    expect(byLabel('其中：终局裁决')).toMatchObject({ code: '34', measure: 'closed', mode: 'award', finality: 'final' });
    expect(byLabel('其中：部分终局裁决（终局与非终局事项并存）')).toMatchObject({ code: '35', finality: 'mixed' });
    expect(byLabel('其中：集体劳动人事争议结案数')).toMatchObject({ code: '42', measure: 'closed', collective: 'true' });
    // Stop 46 (L3): the rows whose drill-down worked but was not named.
    expect(byLabel('其中：集体劳动人事争议案件数')).toMatchObject({ code: '3', measure: 'accepted', collective: 'true', value: 1 });
    expect(byLabel('其中：劳动者申诉')).toMatchObject({ code: '4', measure: 'accepted', filedBy: 'worker', value: 8 });
    expect(byLabel('其中：用人单位申诉')).toMatchObject({ code: '5', measure: 'accepted', filedBy: 'employer', value: 1 });
    expect(byLabel('其中：经调解组织调解后申请仲裁')).toMatchObject({ code: '6', measure: 'accepted', referred: 'true', value: 1 });
    expect(byLabel('用人单位胜诉')).toMatchObject({ code: '45', measure: 'closed', result: 'employer', value: 2 });
    expect(byLabel('劳动者胜诉')).toMatchObject({ code: '46', measure: 'closed', result: 'worker', value: 1 });
    expect(byLabel('双方部分胜诉')).toMatchObject({ code: '47', measure: 'closed', result: 'both', value: 2 });
    expect(byLabel('其中：调解不成转入仲裁数')).toMatchObject({ code: '63', measure: 'mediationReferred', value: 1 });
    for (const r of rows) {
      const filters = ['mode', 'finality', 'collective', 'filedBy', 'result', 'referred'].filter((k) => r[k]).map((k) => `&${k}=${r[k]}`);
      const d = await get(`/api/stats/closure/cases?${Q3}&measure=${r.measure}${filters.join('')}`);
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      expect(d.body.total, `${r.code} ${r.label}`).toBe(r.value);
    }
    const finals = await get(`/api/stats/closure/cases?${Q3}&measure=closed&mode=award&finality=final`);
    expect(finals.body.total).toBeGreaterThan(0);
    for (const c of finals.body.items as Body[]) expect(c).toMatchObject({ closureMode: 'award', finality: 'final' });
  });

  it('the report: header fields and every yearbook row, on JSON, CSV, xlsx and PDF', async () => {
    const j = await get(`/api/stats/report?${Q3}&reportedOn=2026-10-08`);
    expect(j.status).toBe(200);
    expect(j.body.header).toMatchObject({
      formNo: '人社统MA2',
      authority: '人力资源和社会保障部',
      approvalNo: '',
      unit: '聊城市劳动人事争议仲裁委员会',
      period: '2026-07-01 至 2026-09-30',
      preparer: expect.any(String),
      reportedOn: '2026-10-08',
    });
    const row = (label: string) => {
      const found = j.body.summary.find((s: Body) => String(s.label).trim() === label);
      expect(found, label).toBeDefined();
      return found.value;
    };
    const expected: [string, unknown][] = [
      ['其中：劳动者申诉', 8],
      ['其中：用人单位申诉', 1],
      ['其中：经调解组织调解后申请仲裁', 1],
      ['应结案件数（上期未结＋本期受理）', 11],
      ['本期受理案件劳动者当事人数', 19],
      ['劳动报酬', 5],
      ['社会保险（含工伤保险待遇）', 0],
      ['劳动保护（含工作时间、休息休假）', 1],
      ['职业培训', 2],
      ['变更劳动合同', 1],
      ['解除、终止劳动合同', 0],
      ['其他', 0],
      ['国有企业', 1],
      ['私营企业', 2],
      ['个体经济组织', 1],
      ['未登记', 5],
      ['撤回', 1],
      ['按撤回处理', 1],
      ['终止审理', 1],
      ['移送', 0],
      ['其中：集体劳动人事争议结案数', 1],
      ['结案案件劳动者当事人数', 18],
      ['用人单位胜诉', 2],
      ['劳动者胜诉', 1],
      ['双方部分胜诉', 2],
      ['本期调解结案调解金额（元）', '3000.00'],
      ['其中：调解不成转入仲裁数', 1],
      ['调解协议仲裁审查：本期收到数', 0],
      ['案件办理数（仲裁应结＋调解组织及仲裁审查在办、新收）', 12],
    ];
    for (const [label, value] of expected) expect(row(label), label).toBe(value);
    const csv = await get(`/api/stats/report?${Q3}&format=csv&reportedOn=2026-10-08`);
    expect(csv.text).toContain('表号,人社统MA2');
    expect(csv.text).toContain('报出日期,2026-10-08');
    expect(csv.text).toContain('双方部分胜诉,2');
    const x = await get(`/api/stats/report?${Q3}&format=xlsx&reportedOn=2026-10-08`).buffer(true).parse(binary);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const cells = new Map<string, unknown>();
    wb.getWorksheet('汇总')?.eachRow((r) => {
      cells.set(String(r.getCell(1).value).trim(), r.getCell(2).value);
      cells.set(String(r.getCell(2).value).trim(), r.getCell(3).value);
    });
    expect(cells.get('表号')).toBe('人社统MA2');
    expect(cells.get('制定机关')).toBe('人力资源和社会保障部');
    expect(cells.get('填报单位')).toBe('聊城市劳动人事争议仲裁委员会');
    expect(cells.get('报出日期')).toBe('2026-10-08');
    expect(cells.has('负责人') && cells.has('填表人') && cells.has('批准文号')).toBe(true);
    expect(cells.get('按撤回处理')).toBe(1);
    // docs46b L7: one title in every format; a figure a number cell, not text.
    const sheet = wb.getWorksheet('汇总');
    expect(sheet?.getRow(1).getCell(1).value).toBe('聊城市劳动人事争议仲裁委员会劳动人事争议仲裁处理情况统计表');
    expect(csv.text).toContain('聊城市劳动人事争议仲裁委员会劳动人事争议仲裁处理情况统计表');
    const numbers: unknown[] = [];
    sheet?.eachRow((r) => numbers.push(r.getCell(3).value));
    expect(numbers.filter((v) => typeof v === 'number').length).toBeGreaterThan(20);
    expect(numbers.filter((v) => typeof v === 'string' && /^-?\d+(\.\d+)?%?$/.test(v))).toEqual([]);
    const pdf = await get(`/api/stats/report?${Q3}&format=pdf&reportedOn=2026-10-08`).buffer(true).parse(binary);
    const dir = scratchDir('zc-report-');
    writeFileSync(join(dir, 'r.pdf'), pdf.body as Buffer);
    const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const n of [
      '表号',
      '人社统MA2',
      '制定机关',
      '批准文号',
      '填报单位',
      '负责人',
      '填表人',
      '报出日期',
      // In Chinese, as the sign-off (docs46b L7).
      '二〇二六年十月八日',
      '双方部分胜诉',
      '按撤回处理',
      '按用人单位类型',
    ])
      expect(text, n).toContain(n);
    expect(text).not.toContain('2026-10-08');
    expect(text).not.toContain('口径：统计公报口径');
  });
});

// biome-ignore lint/suspicious/noExplicitAny: supertest parser signature
function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
