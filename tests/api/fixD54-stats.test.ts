import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { asBytes, flat, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * docs54 M1: the breakdowns by cause, procedure, wage arrears, arbitrator and ownership showed 0 applications received
 * and rejected in every group while their drill-downs listed the cases (the counters kept applications by district only).
 * Each group's figure must equal its drill-down list, and the groups must add up to the headline. "Today" is 2026-12-06.
 */
const { t, a } = apiSuite({ now: '2026-12-06T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const get = async (path: string) => {
  const r = await t.api(a.tokens.analyst).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

type Group = { key: string; label: string; applications: { received: number; rejected: number } };

describe(`docs54 M1: applications in every breakdown (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('each group’s received and rejected equal its drill-down, and the groups add up to the headline', async () => {
    const q = 'period=2026-03';
    // Received only (not yet accepted: no tribunal, procedure as far as known), wage arrears.
    await caseAt(t, a, 'received', { body: standardApplication({ receivedOn: '2026-03-02', wageArrears: true }) });
    // Accepted with a tribunal; a social-insurance cause.
    await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        receivedOn: '2026-03-02',
        claims: [{ category: 'social_insurance', amount: '5000.00', description: '补缴社会保险费' }],
      }),
    });
    // Rejected (不予受理) in the period.
    const { c: rej } = await caseAt(t, a, 'received', { body: standardApplication({ receivedOn: '2026-03-03', district: '临清市' }) });
    await ok(rej, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-05');
    // Accepted, no tribunal yet.
    await caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-03-03' }) });

    const top = await get(`/api/stats/closure?${q}`);
    expect(top.applications).toEqual({ received: 4, rejected: 1 });
    for (const groupBy of ['district', 'cause', 'procedure', 'wageArrears', 'arbitrator', 'ownership']) {
      const f = await get(`/api/stats/closure?${q}&groupBy=${groupBy}`);
      const groups = f.groups as Group[];
      const sum = (k: 'received' | 'rejected') => groups.reduce((s, g) => s + g.applications[k], 0);
      expect([sum('received'), sum('rejected')], groupBy).toEqual([4, 1]);
      for (const g of groups) {
        for (const measure of ['received', 'rejected'] as const) {
          const d = await get(`/api/stats/closure/cases?${q}&measure=${measure}&groupBy=${groupBy}&group=${encodeURIComponent(g.key)}`);
          expect(d.total, `${groupBy}=${g.key} ${measure}`).toBe(g.applications[measure]);
        }
      }
    }
    // The application not yet given a tribunal is counted, and listed, under 未组庭.
    const byArb = (await get(`/api/stats/closure?${q}&groupBy=arbitrator`)).groups as Group[];
    expect(byArb.find((g) => g.key === 'none')).toMatchObject({ label: '未组庭', applications: { received: 3, rejected: 1 } });
    const wage = (await get(`/api/stats/closure?${q}&groupBy=wageArrears`)).groups as Group[];
    expect(Object.fromEntries(wage.map((g) => [g.key, g.applications.received]))).toEqual({ yes: 1, no: 3 });

    // The report's breakdown rows carry the same figures (CSV; the PDF and workbook share the rows).
    const csv = await t.api(a.tokens.analyst).get(`/api/stats/report?${q}&format=csv`).buffer(true);
    expect(csv.status).toBe(200);
    const text = String(csv.text ?? csv.body);
    expect(text).toContain('收到申请,不予受理');
    const line = text.split(/\r?\n/).find((l) => l.startsWith('未组庭,'));
    expect(line?.split(',').slice(-2)).toEqual(['3', '1']);
  });
});

describe(`docs54 L4: a report of a period not yet over says so (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('JSON, CSV and PDF say the period is not over and the day the figures stand at; a period over says nothing', async () => {
    // Accepted 10-01, still open: past its award time limit by 12-06.
    await caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-09-28' }), acceptOn: '2026-10-01' });
    const report = await get('/api/stats/report?period=2026-12&format=json');
    expect(report).toMatchObject({ from: '2026-12-01', to: '2026-12-31', asOf: null, incomplete: true, dataAsOf: '2026-12-06' });
    expect(report.header.period).toBe('2026-12-01 至 2026-12-31（统计期间尚未结束，数据截至2026-12-06）');
    // The period-end figures are those of 12-06: the open cases (this one, and the March ones above when run together)
    // are overdue on that day, and the drill-down lists them.
    expect(report.closure.overdueDetail.pendingOverdue).toBeGreaterThanOrEqual(1);
    expect((await get('/api/stats/closure/cases?period=2026-12&measure=pendingOverdue')).total).toBe(
      report.closure.overdueDetail.pendingOverdue,
    );

    const csv = await t.api(a.tokens.analyst).get('/api/stats/report?period=2026-12&format=csv').buffer(true);
    const text = String(csv.text ?? csv.body);
    expect(text).toContain('统计期间,2026-12-01 至 2026-12-31（统计期间尚未结束，数据截至2026-12-06）');
    expect(text).toContain('统计期间尚未结束，数据截至2026-12-06，期末未结、期末逾期未结均为截至该日的数');
    const pdf = await asBytes(t.api(a.tokens.analyst).get('/api/stats/report?period=2026-12&format=pdf'));
    expect(pdf.status).toBe(200);
    const pdfText = flat(pdfRaw(pdf.body as Buffer));
    expect(pdfText).toContain('二〇二六年十二月一日至二〇二六年十二月三十一日（统计期间尚未结束，数据截至二〇二六年十二月六日）');
    expect(pdfText).toContain('期末未结、期末逾期未结均为截至该日的数');

    // A period over, and one recomputed as of a day after its end, say nothing of it.
    for (const q of ['period=2026-11', 'period=2026-11&asOf=2026-12-03']) {
      const done = await get(`/api/stats/report?${q}&format=json`);
      expect(done, q).toMatchObject({ incomplete: false, dataAsOf: null, header: { period: '2026-11-01 至 2026-11-30' } });
    }
    // Recomputed as of a day inside the period: not over on that day.
    const early = await get('/api/stats/report?period=2026-11&asOf=2026-11-20&format=json');
    expect(early).toMatchObject({ incomplete: true, dataAsOf: '2026-11-20' });
  });
});
