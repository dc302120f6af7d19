import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, type CaseShape, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

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
      facts: '经审理查明……',
      reasoning: '本委认为……',
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
  await ev(E, a.tokens.mediator, 'MEDIATION_AGREED', '2026-02-23', { terms: '被申请人支付工资12000元' });
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
    facts: '经审理查明……',
    reasoning: '本委认为……',
  });
  at('2026-04-08');
  await ev(H, a.tokens.clerk, 'WITHDRAW', '2026-03-30', { reason: '已和解' });
  const I = await register('2026-04-02', '东昌府区');
  await ev(I, a.tokens.clerk, 'ACCEPT', '2026-04-03');
  ids.I = I.id;
  at('2026-04-10');
}, 120_000);
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
    expect(r.body.amounts).toEqual({ claimed: '81800.00', awarded: '2000.00' });
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
    expect((await t.api(a.tokens.analyst).post(`/api/stats/closure?${Q1}`, {})).status).toBe(404);
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
      '按月',
    ]);
    const summary = wb.getWorksheet('汇总');
    const values = new Map<string, unknown>();
    summary?.eachRow((r) => values.set(String(r.getCell(2).value).trim(), r.getCell(3).value));
    expect(values.get('本期结案数')).toBe(3);
    const district = wb.getWorksheet('按地区');
    expect(district?.getRow(3).values).toEqual([
      undefined,
      ...['分组', '上期未结', '本期受理', '本期结案', '仲裁调解', '仲裁裁决', '其他方式', '期末未结', '结案率', '超审限'],
    ]);

    const pdf = await get(`/api/stats/report?${Q1}&format=pdf`).buffer(true).parse(binary);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'zc-report-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain('劳动人事争议仲裁处理情况统计表');
    expect(text).toMatch(/上期未结案件数\s+2/);
    expect(text).toContain('临清市');
  });
});

// biome-ignore lint/suspicious/noExplicitAny: supertest parser signature
function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
