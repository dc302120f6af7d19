import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Issue 17, part 1 over HTTP (both databases): POST /api/calculators/{kind}, the average-wage table behind the 3× cap,
 * roles, 400s naming the field, and a calculation kept with an award item and printed in the reasoning.
 */
const { t, a } = apiSuite({ now: '2026-04-20T02:00:00Z' });

const calc = (token: string, kind: string, body: unknown) => t.api(token).post(`/api/calculators/${kind}`, body);

const COMPENSATION = {
  startOn: '2010-01-01',
  endOn: '2025-12-31',
  averageWage: '30000.00',
  district: '东昌府区',
};

describe(`calculators over HTTP (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('computes with the working, the basis and the readings; amounts are yuan strings', async () => {
    const r = await calc(a.tokens.arbitrator, 'overtime', {
      monthlyWage: '4350',
      workdayHours: '36',
      restDayHours: '16',
      holidayHours: '8',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.amount).toBe('2750.00');
    expect(r.body.kind).toBe('overtime');
    expect(r.body.basis).toContain('《中华人民共和国劳动法》第四十四条');
    expect(r.body.steps.length).toBeGreaterThan(2);
    expect(r.body.readings.map((x: { key: string }) => x.key)).toEqual(['hourlyWageRounding']);
    expect(r.body.text).toContain('2,750.00元');
  });

  it('the 3× cap needs the average-wage table: warned while it is empty, applied (and flagged unconfirmed) once loaded', async () => {
    const before = await calc(a.tokens.arbitrator, 'economic_compensation', COMPENSATION);
    expect(before.status).toBe(200);
    // 16 years at 30,000.00 with no cap known: 480,000.00, and a warning that the cap was not checked.
    expect(before.body.amount).toBe('480000.00');
    expect(before.body.warnings.join()).toContain('未核对三倍封顶');
    // The minimum wage comes from the seeded table (unconfirmed, domain.md §9.3).
    expect(before.body.reference.minimumWage.monthly).toBe('2010.00');
    expect(before.body.warnings.join()).toContain('尚未经管理员核实');

    const put = await t.api(t.adminToken).put('/api/reference/average-wages', [
      { district: '全市', year: 2024, monthly: '8000.00', publishedOn: '2025-06-20', source: '测试：市统计局公报' },
      { district: '全市', year: 2025, monthly: '8400.00', publishedOn: '2026-06-20', source: '测试：市统计局公报', confirmed: true },
    ]);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toHaveLength(2);

    const after = await calc(a.tokens.arbitrator, 'economic_compensation', COMPENSATION);
    // Previous year (2024): 3 × 8,000.00 = 24,000.00 × 12 years = 288,000.00.
    expect(after.body.amount).toBe('288000.00');
    expect(after.body.reference.averageWage).toMatchObject({ monthly: '8000.00', year: 2024, confirmed: false });
    expect(after.body.warnings.join()).toContain('职工月平均工资');
    // The same request under the other reading of "上年度" (latest published by 2025-12-31 is still 2024).
    const latest = await calc(a.tokens.arbitrator, 'economic_compensation', {
      ...COMPENSATION,
      readings: { averageWageYear: 'latest_published' },
    });
    expect(latest.body.amount).toBe('288000.00');
    // A figure supplied in the request overrides the table and says so.
    const supplied = await calc(a.tokens.arbitrator, 'economic_compensation', { ...COMPENSATION, localAverageWage: '9000' });
    expect(supplied.body.amount).toBe(`${27000 * 12 * 1}.00`);
    expect(supplied.body.reference.averageWage.label).toContain('请求中提供');
  });

  it('only the case staff may calculate; only admins edit the table', async () => {
    for (const role of ['clerk', 'chair', 'mediator'] as const)
      expect((await calc(a.tokens[role], 'notice_pay', { lastMonthWage: '5600' })).status).toBe(200);
    expect((await calc(a.tokens.analyst, 'notice_pay', { lastMonthWage: '5600' })).status).toBe(403);
    expect((await calc(t.adminToken, 'notice_pay', { lastMonthWage: '5600' })).status).toBe(403);
    expect(
      (await t.api(a.tokens.clerk).put('/api/reference/average-wages', [{ district: '全市', year: 2024, monthly: '6000', source: '测试' }]))
        .status,
    ).toBe(403);
    expect((await t.api(a.tokens.analyst).get('/api/reference/average-wages')).status).toBe(200);
  });

  it('400 names every bad field; 404 for an unknown kind', async () => {
    const bad = await calc(a.tokens.arbitrator, 'economic_compensation', {
      startOn: '2025-13-01',
      endOn: '2025-12-31',
      averageWage: '1.234',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['averageWage', 'extra', 'startOn']);
    const order = await calc(a.tokens.arbitrator, 'economic_compensation', {
      startOn: '2025-01-01',
      endOn: '2024-12-31',
      averageWage: '5000',
    });
    expect(order.status).toBe(400);
    expect(order.body.errors).toEqual([{ path: 'endOn', message: expect.stringContaining('不能早于') }]);
    const reading = await calc(a.tokens.arbitrator, 'overtime', {
      monthlyWage: '5000',
      workdayHours: '1',
      readings: { hourlyWageRounding: 'yuan' },
    });
    expect(reading.status).toBe(400);
    expect(reading.body.errors[0].path).toBe('readings.hourlyWageRounding');
    expect((await calc(a.tokens.arbitrator, 'severance', {})).status).toBe(404);
    const dup = await t.api(t.adminToken).put('/api/reference/average-wages', [
      { district: '全市', year: 2024, monthly: '1', source: 's' },
      { district: '全市', year: 2024, monthly: '2', source: 's', publishedOn: '2024-01-01' },
    ]);
    expect(dup.status).toBe(400);
    expect(dup.body.errors.map((e: { path: string }) => e.path)).toEqual(['1.year']);
  });

  it('an award item keeps its calculation, recomputed by the server, and prints the working when asked', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        claims: [
          { category: 'wages', amount: '2750.00', description: '2025年加班工资' },
          { category: 'economic_compensation', amount: '42000.00', description: '解除劳动合同经济补偿' },
        ],
      }),
    );
    const arb = a.arbitrators[0] as { id: number; token: string };
    const ev = async (token: string, type: string, occurredOn: string, extra: Record<string, unknown> = {}) => {
      const r = await t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...extra });
      expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body;
    };
    await ev(a.tokens.clerk, 'ACCEPT', '2026-03-04');
    await ev(a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb.id], presidingId: arb.id });
    await ev(arb.token, 'SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' });
    await ev(arb.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true });
    const [wages, comp] = c.claims as { id: number }[];
    const overtimeInput = { monthlyWage: '4350', workdayHours: '36', restDayHours: '16', holidayHours: '8' };
    // A bad input inside the award is a 400 naming the field inside the item.
    const bad = await t.api(arb.token).post(`/api/cases/${c.id}/events`, {
      type: 'ISSUE_AWARD',
      occurredOn: '2026-04-01',
      items: [{ claimId: wages?.id, outcome: 'granted', amount: '2750', calculation: { kind: 'overtime', input: { monthlyWage: 'x' } } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('items.0.calculation.input.monthlyWage');
    await ev(arb.token, 'ISSUE_AWARD', '2026-04-01', {
      facts: '申请人于2019年3月1日入职，2025年12月31日被解除劳动合同。',
      reasoning: '被申请人应支付加班工资及经济补偿。',
      defenseSummary: '被申请人认为加班时数不实。',
      items: [
        // "2750" and the suggestion "2750.00" are the same amount: accepted.
        { claimId: wages?.id, outcome: 'granted', amount: '2750', calculation: { kind: 'overtime', input: overtimeInput, print: true } },
        {
          claimId: comp?.id,
          outcome: 'partly',
          amount: '40000.00',
          calculation: {
            kind: 'economic_compensation',
            input: { startOn: '2019-03-01', endOn: '2025-12-31', wages: Array(12).fill('6000') },
          },
        },
      ],
    });
    const history = await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`);
    const award = history.body.find((e: { type: string }) => e.type === 'ISSUE_AWARD');
    const [i0, i1] = award.payload.items;
    expect(i0.calculation).toMatchObject({ kind: 'overtime', suggested: '2750.00', accepted: true, print: true });
    expect(i0.calculation.text).toContain('加班工资合计2,750.00元');
    // The arbitrator edited the second: suggested 42,000.00 (6,000.00 × 7), awarded 40,000.00; the district came from the case.
    expect(i1.calculation).toMatchObject({ kind: 'economic_compensation', suggested: '42000.00', accepted: false, print: false });
    expect(i1.calculation.input.district).toBe('东昌府区');

    const doc = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    const text = flat(pdfRaw(await downloadDocument(t, a.tokens.chair, doc.body.id)));
    expect(text).toContain('加班工资合计2,750.00元');
    // Not asked to print: the compensation working stays out of the document.
    expect(text).not.toContain('经济补偿为42,000.00元');
  });

  it('is in the OpenAPI document with its statuses', async () => {
    const doc = (await t.api(a.tokens.clerk).get('/openapi.json')).body;
    const op = doc.paths['/api/calculators/{kind}'].post;
    expect(op.operationId).toBe('calculate');
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404', '405', '413', '431', '500', '503']);
    expect(doc.paths['/api/reference/average-wages'].put.operationId).toBe('replaceAverageWages');
  });
});
