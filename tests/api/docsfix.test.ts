import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, claimIds } from '../helpers/case-fixtures.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { asBytes, downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** An outside documents reviewer (docsfix): lead-ins kept with what they introduce, court packages, receipts, stats. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

async function reviewCase(): Promise<CaseView> {
  const r = await t.api(a.tokens.clerk).post(
    '/api/cases',
    standardApplication({
      track: 'review',
      receivedOn: '2026-11-20',
      agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
    }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as CaseView;
}

/** The package made for the case as the chair: its case.json, README.txt, and what the offline verifier prints. */
async function courtPackage(c: { id: number }, body: Record<string, unknown>) {
  const pkg = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, body);
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const bytes = (await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer;
  const zip = await JSZip.loadAsync(bytes);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docsfix-')), 'p.zip');
  fs.writeFileSync(file, bytes);
  const v = spawnSync(process.execPath, ['scripts/verify-court-package.mjs', file], { encoding: 'utf8' });
  return {
    caseJson: JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string')),
    readme: await (zip.file('README.txt') as JSZip.JSZipObject).async('string'),
    verified: `${v.stdout}${v.stderr}`,
  };
}

async function generated(c: { id: number }, token: string, body: Record<string, unknown>) {
  const r = await t.api(token).post(`/api/cases/${c.id}/documents`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const raw = pdfRaw(await downloadDocument(t, token, r.body.documents[0].id));
  return { raw, text: flat(raw), pageTexts: raw.split('\f').map(flat).filter(Boolean), doc: r.body.documents[0] };
}

describe(`reviewer docsfix (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: the 先予执行裁决书’s 「裁决如下：」 is never the last line of a page (kept with the first order)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        claims: [
          { category: 'work_injury_medical', amount: '20000.00', description: '工伤医疗费' },
          { category: 'wages', amount: '4000.00', description: '2025年10月工资' },
        ],
      }),
    });
    const [first] = claimIds(c);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [first],
        appliedOn: '2026-03-20',
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: first, amount: '15000.00' }],
        paymentDays: 5,
      },
      '2026-03-28',
    );
    const ruling = await generated(c, arb.token, { kind: 'advance_execution_ruling' });
    for (const p of ruling.pageTexts) expect(p.replace(/—\d+—$/u, ''), ruling.raw).not.toMatch(/[：:]$/u);
    expect(ruling.text).toContain('裁决如下：一、被申请人');
  });

  it('M2: the court package of a confirmed review holds its mediation, acceptance, effect and 审字 number (Rules Arts. 76–77)', async () => {
    const c = await reviewCase();
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-24');
    await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-11-27');
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const number = made.body.caseNo as string;
    expect(number).toMatch(/^聊劳人仲审字〔2026〕第\d+号$/);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-12-01');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id }, '2026-12-01');
    const p = await courtPackage(c, { purpose: 'enforcement', court: '聊城市东昌府区人民法院' });
    expect(p.caseJson.schemaVersion).toBe('1.6');
    expect(p.caseJson.case).toMatchObject({ caseNo: null, documentNo: number, acceptedOn: '2026-11-24', effectiveOn: '2026-12-01' });
    expect(p.caseJson.mediation).toMatchObject({
      terms: '被申请人于2026年12月31日前支付申请人工资5000元',
      // fixA59 #3b: the day reached (not recorded here: null), its effective day as effectiveOn (it was agreedOn before).
      agreedOn: null,
      effectiveOn: '2026-11-18',
      confirmedOn: '2026-11-27',
      organization: '某某街道劳动争议调解委员会',
    });
    expect(p.caseJson.mediation.signatures).toHaveLength(2);
    expect(p.readme.split('\n')[0]).toBe(`移送法院材料包 ${number}`);
    expect(p.verified).toContain(`核验通过：${number} 签名有效`);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync('docs/court-package-case.schema.json', 'utf8')));
    expect(validate(p.caseJson), JSON.stringify(validate.errors)).toBe(true);
    // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
    const closed = closedCaseJsonValidator();
    expect(closed(p.caseJson), JSON.stringify(closed.errors)).toBe(true);
  });

  it('M2: a rejected application’s package bears its 不字 number; an arbitration 调解书 took effect on the last signature (LDMAL Art. 42(3))', async () => {
    const rejected = await registerCase(t, a, standardApplication());
    await ok(rejected, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${rejected.id}`)).body;
    const no = view.proceedings.rejection.documentNo as string;
    expect(no).toMatch(/^聊劳人仲不字〔2026〕第\d+号$/);
    // A litigation package holds the notice the applicant's suit is about (LDMAL Art. 29; fixR50, med50 M4).
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${rejected.id}/documents`, { kind: 'rejection_notice' })).status).toBe(201);
    const p = await courtPackage(rejected, { purpose: 'litigation', court: '聊城市东昌府区人民法院' });
    expect(p.caseJson.case).toMatchObject({ caseNo: null, documentNo: no });
    expect(p.readme.split('\n')[0]).toBe(`移送法院材料包 ${no}`);
    expect(p.verified).toContain(`核验通过：${no} 签名有效`);

    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' })).status).toBe(201);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-28' }, '2026-03-28');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' }, '2026-03-30');
    const m = await courtPackage(c, { purpose: 'enforcement', court: '聊城市东昌府区人民法院' });
    expect(m.caseJson.case).toMatchObject({ documentNo: null, effectiveOn: '2026-03-30' });
    expect(m.readme.split('\n')[0]).toBe(`移送法院材料包 ${c.caseNo}`);
  });

  it('L1: the 送达回证 of a 不予受理通知书 bears its 不字 number, under the title and after the document’s name', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    const notice = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'rejection_notice' });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    const no = notice.body.documents[0].caseNo as string;
    expect(no).toMatch(/^聊劳人仲不字〔2026〕第\d+号$/);
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'rejection_notice', partyId: c.applicants[0]?.id, method: 'direct' }, '2026-03-07');
    const receipt = await generated(c, a.tokens.clerk, { kind: 'service_receipt', partyId: c.applicants[0]?.id });
    expect(receipt.doc.caseNo).toBe(no);
    expect(receipt.text).toContain(`送达回证${no}`);
    expect(receipt.text).toContain(`不予受理通知书${no}`);
    const list = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`);
    expect(list.body.find((d: { kind: string }) => d.kind === 'service_receipt')?.caseNo).toBe(no);
  });

  it('L2: the drill-down names a rejected application: its 不字 number and its parties’ names, never an identity number', async () => {
    const c = await registerCase(t, a, standardApplication());
    const view = await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-05-06');
    const no = view.proceedings.rejection.documentNo as string;
    expect(no).toMatch(/^聊劳人仲不字〔2026〕第\d+号$/);
    for (const measure of ['rejected', 'received']) {
      const r = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?period=2026&measure=${measure}&pageSize=200`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const row = r.body.items.find((x: { id: number }) => x.id === c.id);
      expect(row, measure).toMatchObject({
        caseNo: null,
        documentNo: no,
        applicantNames: ['张三'],
        respondentNames: ['聊城某某机械有限公司'],
      });
      expect(JSON.stringify(r.body)).not.toMatch(/\d{17}[\dX]/);
    }
    // An accepted case's row: its case number, no documentNo.
    const { c: accepted } = await caseAt(t, a, 'accepted');
    const acc = await t.api(a.tokens.analyst).get('/api/stats/closure/cases?from=2026-03-01&to=2026-03-31&measure=accepted&pageSize=200');
    expect(acc.body.items.find((x: { id: number }) => x.id === accepted.id)).toMatchObject({ caseNo: accepted.caseNo, documentNo: null });
  });

  it('L4: the report PDF’s note stands above the issuer and the date; 「口径版本」 is never broken across lines', async () => {
    const r = await asBytes(t.api(a.tokens.analyst).get('/api/stats/report?period=2026-Q1&format=pdf&reportedOn=2026-04-08'));
    expect(r.status).toBe(200);
    const raw = pdfRaw(r.body as Buffer);
    const lines = raw.split('\n').map((l) => l.replace(/\s+/g, ''));
    // Since round 48 (L2) on the period's line, at the table's size: never broken inside 「口径」.
    expect(lines.some((l) => l.startsWith('统计期间：') && l.includes('结案率统计口径（2026年第4版）') && !l.includes('zhongcai-'))).toBe(
      true,
    );
    expect(lines.filter((l) => /口$/u.test(l))).toEqual([]);
    const text = flat(raw);
    const note = text.indexOf('注：调解成功率按统计公报口径');
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(text.lastIndexOf('聊城市劳动人事争议仲裁委员会二〇二六年四月八日'));
  });

  it('L5: rows 其他方式结案 and the reviews received / closed have a drill-down that totals each exactly', async () => {
    const { c } = await caseAt(t, a, 'accepted', { acceptOn: '2026-06-01' });
    await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-06-10');
    const review = await reviewCase();
    await ok(review, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'scope', reason: '协议事项不属于劳动人事争议' }, '2026-11-25');
    await reviewCase();
    const report = await t.api(a.tokens.analyst).get('/api/stats/report?period=2026&format=json');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const rows = report.body.summary as Record<string, string | number>[];
    const row = (label: string) => rows.find((r) => String(r.label).trim() === label) as Record<string, string | number>;
    expect(row('其他方式结案')).toMatchObject({ measure: 'closed', mode: 'other_ways' });
    expect(row('调解协议仲裁审查：本期收到数')).toMatchObject({ measure: 'reviewsReceived' });
    expect(row('调解协议仲裁审查：本期审结数')).toMatchObject({ measure: 'reviewsClosed' });
    for (const label of ['其他方式结案', '调解协议仲裁审查：本期收到数', '调解协议仲裁审查：本期审结数']) {
      const r = row(label);
      expect(Number(r.value), label).toBeGreaterThan(0);
      const d = await t
        .api(a.tokens.analyst)
        .get(`/api/stats/closure/cases?period=2026&measure=${r.measure}${r.mode ? `&mode=${r.mode}` : ''}&pageSize=200`);
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      expect(d.body.total, label).toBe(r.value);
    }
    const others = await t.api(a.tokens.analyst).get('/api/stats/closure/cases?period=2026&measure=closed&mode=other_ways&pageSize=200');
    expect(others.body.items.map((x: { id: number }) => x.id)).toContain(c.id);
    const reviews = await t.api(a.tokens.analyst).get('/api/stats/closure/cases?period=2026&measure=reviewsClosed&pageSize=200');
    expect(reviews.body.items.map((x: { id: number }) => x.id)).toContain(review.id);
  });

  it('L3: the review 调解书’s closing paragraph carried to page 2 is indented two characters (what pdftotext -layout hides)', async () => {
    const c = await reviewCase();
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-24');
    await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元。' }, '2026-11-27');
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const pdf = await downloadDocument(t, arb.token, made.body.documents[0].id);
    // Each line's left edge as drawn (pdftotext -bbox), by page: -layout sets a page's leftmost text at column 0.
    const out = spawnSync('pdftotext', ['-bbox', '-', '-'], { input: pdf }).stdout.toString();
    const words: { page: number; x: number; text: string }[] = [];
    let page = 0;
    for (const w of out.matchAll(/<page|<word xMin="([\d.]+)"[^>]*>([^<]*)</g)) {
      if (w[0] === '<page') page++;
      else words.push({ page, x: Number(w[1]), text: w[2] as string });
    }
    const margin = Math.min(...words.filter((w) => w.page === 1).map((w) => w.x));
    const closing = words.find((w) => w.text.startsWith('本调解书经双方当事人签收后'));
    expect(closing, out).toBeDefined();
    // Two characters of 16 pt (三号) in from the left margin, on whichever page it stands.
    expect((closing?.x ?? 0) - margin).toBeCloseTo(32, 0);
  });
});
