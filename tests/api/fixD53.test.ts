import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../app/deps.ts';
import { reprojectStatistics } from '../../app/stats/reproject.ts';
import { runDailySweep } from '../../app/time/sweep.ts';
import { createLogger } from '../../server/logger.ts';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { idNumber, worker } from '../helpers/fixtures.ts';
import { asBytes, generatedText } from '../helpers/pdf.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/** fixD53: the outside checks of round 53 on the statistics, the documents, the exports and the court package. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

const stats = async (path: string) => {
  const r = await t.api(a.tokens.analyst).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe(`fixD53 statistics (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs53 M1: a final partial award and a non-final award together classify the case — mixed (LDMAL Arts. 43, 47; Rules Art. 50)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: largeApplication({ applicants: [worker('李混', 531)], receivedOn: '2026-05-04' }),
      acceptOn: '2026-05-06',
      formOn: '2026-05-07',
      scheduleOn: '2026-05-08',
      hearingOn: '2026-06-01',
    });
    const [wages, comp] = c.claims.map((x: { id: number }) => x.id);
    const p = await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }] },
      '2026-06-03',
    );
    expect(p.proceedings.partialAwards[0].finality).toBe('final');
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: comp, outcome: 'partly', amount: '30000.00' }] }, '2026-06-10');
    expect(v.award.finality).toBe('non_final');
    const Q = 'from=2026-06-01&to=2026-06-30';
    const f = await stats(`/api/stats/closure?${Q}`);
    expect(f).toMatchObject({ finalAwards: 0, mixedAwards: 1 });
    const listed = async (measure: string) =>
      (await stats(`/api/stats/closure/cases?${Q}&measure=${measure}`)).items.map((i: { id: number }) => i.id);
    expect(await listed('mixedAwards')).toEqual([c.id]);
    expect(await listed('finalAwards')).toEqual([]);
    // The case list of the period says why: the row's finality is the decisions' together.
    const closed = await stats(`/api/stats/closure/cases?${Q}&measure=closed&mode=award&finality=mixed`);
    expect(closed.items.map((i: { id: number; finality: string }) => [i.id, i.finality])).toEqual([[c.id, 'mixed']]);
    // The report's rows 其中：终局裁决 / 部分终局裁决 count it where the drill-down lists it.
    const report = await stats(`/api/stats/report?${Q}&format=json`);
    const row = (label: string) => report.summary.find((r: { label: string }) => r.label.trim() === label);
    expect(row('其中：终局裁决')).toMatchObject({ value: 0, finality: 'final' });
    expect(row('其中：部分终局裁决（终局与非终局事项并存）')).toMatchObject({ value: 1, finality: 'mixed' });
    // Re-projection with today's definitions derives the same facts: nothing to move.
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    expect(await reprojectStatistics(deps)).toMatchObject({ changed: 0 });
    expect(await stats(`/api/stats/closure?${Q}`)).toMatchObject({ finalAwards: 0, mixedAwards: 1 });
  });

  it('docs53 L2: the workbook stores each rate as the rounded fraction it shows, no float noise', async () => {
    // June: the case of the test above closed, one more closed by award, one still open — a closure rate of 2/3
    // (66.67%, which as 66.67 / 100 is 0.6667000000000001).
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: largeApplication({ applicants: [worker('结案乙', 532)], receivedOn: '2026-06-01' }),
      acceptOn: '2026-06-02',
      formOn: '2026-06-03',
      scheduleOn: '2026-06-04',
      hearingOn: '2026-06-15',
    });
    const items = c.claims.map((x: { id: number }) => ({ claimId: x.id, outcome: 'granted', amount: '10000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-06-20');
    await caseAt(t, a, 'accepted', {
      body: largeApplication({ applicants: [worker('待结丙', 533)], receivedOn: '2026-06-02' }),
      acceptOn: '2026-06-03',
    });
    const x = (await asBytes(t.api(a.tokens.analyst).get('/api/stats/report?from=2026-06-01&to=2026-06-30&format=xlsx'))).body as Buffer;
    const zip = await JSZip.loadAsync(x);
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(1);
    for (const name of sheets) {
      const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
      expect(xml, name).not.toMatch(/<v>-?\d+\.\d{7,}<\/v>/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x as never);
    const cells = new Map<string, unknown>();
    wb.getWorksheet('汇总')?.eachRow((r) => {
      cells.set(String(r.getCell(2).value).trim(), r.getCell(3).value);
    });
    expect([...cells.entries()].find(([k]) => k.startsWith('仲裁结案率'))?.[1]).toBe(0.6667);
    expect(cells.get('终局裁决占裁决结案比例')).toBe(0.5);
  });

  it('docs53 L1: the report says its causes are one per case, by the first claim (domain.md §13.1)', async () => {
    // June's cases above all claim wages first and compensation second: every one under 劳动报酬, none under 解除、终止.
    const report = await stats('/api/stats/report?from=2026-06-01&to=2026-06-30&format=json');
    const labels = report.summary.map((r: { label: string }) => r.label.trim());
    expect(labels).toContain('本期受理案件按争议原因（每案按所列第一项请求计一类）：');
    const value = (label: string) => report.summary.find((r: { label: string }) => r.label.trim() === label)?.value;
    expect([value('劳动报酬'), value('解除、终止劳动合同')]).toEqual([2, 0]);
  });
});

/** The export's rows: the header row and each case's row, found by a cell value. */
async function exportRows(query: string) {
  const r = await asBytes(t.api(a.tokens.clerk).get(`/api/exports/cases?${query}`));
  expect(r.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body as unknown as ArrayBuffer);
  const rows = (wb.worksheets[0]?.getSheetValues() ?? []).filter(Array.isArray) as unknown[][];
  const header = rows.find((x) => x.includes('程序')) as unknown[];
  return { rows, col: (row: unknown[], name: string) => row[header.indexOf(name)] };
}

describe(`fixD53 case-list export (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs53 L4: parties of one name by the labels the documents give them (张三（一）、张三（二）)', async () => {
    await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-02-02',
        applicants: [
          { ...worker('同名甲'), idNumber: idNumber('371502', '19900101', 541) },
          { ...worker('同名甲'), idNumber: idNumber('371502', '19850505', 542) },
        ],
      }),
    );
    const { rows, col } = await exportRows(`q=${encodeURIComponent('同名甲')}`);
    const mine = rows.find((x) => x.includes('2026-02-02')) as unknown[];
    expect(mine, JSON.stringify(rows)).toBeDefined();
    expect(col(mine, '申请人')).toBe('同名甲（一）、同名甲（二）');
  });

  it('docs53 L5: a refused application (不字) and a refused review entered no procedure: 「—」', async () => {
    const refused = await registerCase(t, a, standardApplication({ applicants: [worker('不予受理乙', 543)], receivedOn: '2026-02-03' }));
    await ok(refused, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-02-04');
    await registerCase(t, a, standardApplication({ applicants: [worker('在办丙', 544)], receivedOn: '2026-02-05' }));
    const review = (
      await t.api(a.tokens.clerk).post(
        '/api/cases',
        standardApplication({
          track: 'review',
          applicants: [worker('审查丁', 545)],
          receivedOn: '2026-11-20',
          agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
        }),
      )
    ).body as { id: number };
    await ok(review, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'scope', reason: '协议事项不属于劳动人事争议' }, '2026-11-25');
    const accepted = (
      await t.api(a.tokens.clerk).post(
        '/api/cases',
        standardApplication({
          track: 'review',
          applicants: [worker('审查戊', 546)],
          receivedOn: '2026-11-21',
          agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
        }),
      )
    ).body as { id: number };
    await ok(accepted, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    const { rows, col } = await exportRows('');
    const row = (name: string) => rows.find((x) => x.some((v) => typeof v === 'string' && v.startsWith(name))) as unknown[];
    expect([col(row('不予受理乙'), '程序'), col(row('审查丁'), '程序')]).toEqual(['—', '—']);
    expect([col(row('在办丙'), '程序'), col(row('审查戊'), '程序')]).toEqual(['普通程序', '仲裁审查']);
  });
});

describe(`fixD53 court package (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec53 L4: packages of one case made at once each have their own file name (the package id in it)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('转交己', 551)] }) });
    const items = c.claims.map((x: { id: number }) => ({ claimId: x.id, outcome: 'granted', amount: '10000.00', paymentDays: 10 }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-02');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-04-03');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' },
      '2026-04-10',
    );
    // The clock stands still: every package in the same second.
    const made = await Promise.all(
      Array.from({ length: 4 }, () => t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' })),
    );
    for (const r of made) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const names = made.map((r) => r.body.fileName as string);
    expect(new Set(names).size).toBe(4);
    for (const r of made) expect(r.body.fileName).toMatch(new RegExp(`^court-package-${c.id}-${r.body.id}-\\d{8}T\\d{6}\\.zip$`));
    const listed = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/court-packages`)).body as { id: number; fileName: string }[];
    expect(listed.map((p) => p.fileName).sort()).toEqual([...names].sort());
    const d = await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${made[0]?.body.id}`));
    expect(d.headers['content-disposition']).toBe(`attachment; filename="${names[0]}"`);
  });
});

describe(`fixD53 sweep (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('sec53 L4: two sweeps of one day — the cases looked at are the largest run’s, the alerts and purges still summed', async () => {
    // Open cases for the sweep to look at (those of the tests above, or these alone).
    await registerCase(t, a, standardApplication({ applicants: [worker('扫描庚', 561)], receivedOn: '2026-11-30' }));
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const first = await runDailySweep(deps, { force: true });
    const second = await runDailySweep(deps, { force: true });
    expect(first?.cases).toBeGreaterThan(0);
    expect(second?.cases).toBe(first?.cases);
    const status = await t.api(t.adminToken).get('/api/service/status');
    expect(status.status).toBe(200);
    expect(status.body.lastSweep).toMatchObject({
      cases: first?.cases,
      alertsRecorded: (first?.alertsRecorded ?? 0) + (second?.alertsRecorded ?? 0),
    });
  });
});

describe(`fixD53 documents (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs53 L3: a payment ordered names the one paid before the verb — never a name run into a date (LDMAL Art. 46)', async () => {
    const body = largeApplication({
      applicants: [
        { ...worker('李B'), idNumber: idNumber('371502', '19900101', 571) },
        { ...worker('张三'), idNumber: idNumber('371502', '19900101', 572) },
        { ...worker('张三'), idNumber: idNumber('371502', '19850505', 573) },
      ],
      claims: [
        { category: 'wages', amount: '24120.00', description: '2025年10月至12月工资', applicant: 1 },
        { category: 'wages', amount: '9000.00', description: '2025年10月至12月工资' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [own, all] = c.claims.map((x: { id: number }) => x.id);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [own], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: own, amount: '6000' }], paymentDays: 7 },
      '2026-03-26',
    );
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain('先行向申请人李B支付2025年10月至12月工资6000.00元');
    const items = [
      { claimId: own, outcome: 'granted', amount: '24120.00' },
      { claimId: all, outcome: 'granted', amount: '9000.00' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toContain('向申请人李B支付2025年10月至12月工资24120.00元');
    expect(award).toContain('先行向申请人李B支付');
    expect(award).toContain('向申请人李B、张三（一）、张三（二）支付2025年10月至12月工资9000.00元');
    // No name runs into a figure anywhere in the documents.
    for (const text of [ruling, award]) expect(text).not.toMatch(/申请人(李B|张三（[一二]）)[0-9]/u);
  });
});
