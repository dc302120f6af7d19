import fs from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, claimIds, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside checks of 2026-12-05 (med51, docs51), fixed in round 51 (fixR51). MAJOR_COLLECTIVE_MIN_WORKERS is 12 here
 * (a local choice, app/config.ts), so that a major collective case needs a dozen workers, not thirty.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000', MAJOR_COLLECTIVE_MIN_WORKERS: '12' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张'.split('');
const workers = (n: number, from: number) => Array.from({ length: n }, (_, i) => worker(`${NAMES[i]}某${NAMES[(i + 3) % 24]}`, from + i));
const view = async (id: number): Promise<CaseView> => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body;

async function mediation(applicants: unknown[]): Promise<CaseView> {
  const r = await t
    .api(a.tokens.mediator)
    .post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-11-20', applicants }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as CaseView;
}

async function refer(m: CaseView): Promise<CaseView> {
  await ok(m, a.tokens.mediator, 'MEDIATION_FAILED', { reason: '被申请人不同意支付' }, '2026-11-25');
  const referred = (await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-11-25')) as CaseView & { linkedCaseId: number };
  return view(referred.linkedCaseId);
}

describe(`fixR51 med51 H2: a major collective dispute referred from mediation to arbitration stays major (${DB})`, () => {
  it('marked by the head count as at registration (LDMAL Art. 14; domain.md §8.2)', async () => {
    const m = await mediation(workers(13, 900));
    expect([m.collective, m.major, m.majorMarked]).toEqual([true, true, true]);
    const arb = await refer(m);
    expect(arb).toMatchObject({ track: 'arbitration', collective: true, major: true, majorMarked: true });
    expect(arb.applicants).toHaveLength(13);
    expect(arb.majorNote).toContain('重大集体劳动人事争议');
    const majors = (await t.api(a.tokens.clerk).get('/api/cases?major=true&pageSize=200')).body.items.map((x: { id: number }) => x.id);
    expect(majors).toEqual(expect.arrayContaining([m.id, arb.id]));
  });

  it('the chair’s marking of the mediation carried over; an unmarked small collective stays unmarked', async () => {
    const m = await mediation(workers(10, 930));
    expect([m.collective, m.major]).toEqual([true, false]);
    const marked = await t.api(a.tokens.chair).patch(`/api/cases/${m.id}`, { majorCollective: true });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect((await refer(m)) as CaseView).toMatchObject({ collective: true, major: true, majorMarked: true });
    const plain = await refer(await mediation(workers(10, 960)));
    expect(plain).toMatchObject({ collective: true, major: false, majorMarked: false, majorNote: null });
  });

  it('workers added as parties (ADD_PARTY) reaching the head count mark the case major', async () => {
    // An employer applies against eleven workers under a collective contract (Rules Art. 62); a twelfth is added.
    const c = await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-11-20',
        applicants: [employer()],
        respondents: workers(11, 300),
        collective: true,
        collectiveGround: 'collective_contract',
        claims: [{ category: 'other', amount: '5000.00', description: '返还培训费' }],
      }),
    );
    expect([c.collective, c.major]).toEqual([true, false]);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-23');
    const added = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: worker('欧阳某', 320) },
      '2026-11-24',
    );
    expect(added).toMatchObject({ major: true, majorMarked: true });
    expect(await view(c.id)).toMatchObject({ major: true, majorMarked: true });
  });
});

describe(`fixR51 med51 L4: an arbitral review is not marked major collective (${DB})`, () => {
  it('400 naming majorCollective, nothing changed (Rules Arts. 74–79)', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-20',
        applicants: workers(13, 400),
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Not major at registration either, whatever its head count.
    expect([r.body.major, r.body.majorMarked, r.body.majorNote]).toEqual([false, false, null]);
    const mark = await t.api(a.tokens.chair).patch(`/api/cases/${r.body.id}`, { majorCollective: true });
    expect(mark.status).toBe(400);
    expect(JSON.stringify(mark.body)).toContain('majorCollective');
    expect(await view(r.body.id)).toMatchObject({ major: false, majorMarked: false, version: r.body.version });
  });
});

const COURT = '聊城市东昌府区人民法院';
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

async function packageOf(c: { id: number }, purpose: string) {
  const pkg = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose, court: COURT });
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const bytes = (await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer;
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (zip.file(name) as JSZip.JSZipObject).async('string');
  return { pkg: pkg.body, caseJson: JSON.parse(await text('case.json')), readme: await text('README.txt'), names: Object.keys(zip.files) };
}
const packages = async (c: { id: number }) => (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/court-packages`)).body.length;

describe(`fixR51 docs51 M1: the advance-execution package holds the 送达回证 its 移送函 lists (${DB})`, () => {
  it('422 court-package-purpose naming the receipt until it is issued for the served ruling; then enclosed', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = claimIds(c);
    const respondent = c.respondents[0]?.id as number;
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: wages, amount: '6000' }], paymentDays: 7 },
      '2026-03-26',
    );
    const items = [
      { claimId: wages, outcome: 'granted', amount: '12000.00' },
      { claimId: comp, outcome: 'granted', amount: '26400.00' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'advance_execution_ruling' })).status).toBe(201);
    // Not served: the receipt cannot exist yet.
    const unserved = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution', court: COURT });
    expect([unserved.status, unserved.body.rule, unserved.body.field]).toEqual([422, 'court-package-purpose', 'purpose']);
    expect(unserved.body.detail).toContain('先予执行裁决书送达回证');
    expect(unserved.body.detail).toContain('尚未送达');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'advance_execution_ruling', partyId: respondent, method: 'direct' }, '2026-04-11');
    await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-04-12');
    // Served and transferred, the receipt not issued: refused, naming the enclosure; nothing stored.
    const before = await packages(c);
    const missing = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution', court: COURT });
    expect([missing.status, missing.body.rule, missing.body.field]).toEqual([422, 'court-package-purpose', 'purpose']);
    expect(missing.body.detail).toContain('先予执行裁决书送达回证');
    expect(missing.body.detail).toContain('service_receipt');
    expect(await packages(c)).toBe(before);
    // A receipt of another document (the award's) is not that enclosure.
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: respondent, method: 'direct' }, '2026-04-13');
    const other = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: respondent });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    expect((await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution' })).status).toBe(422);
    const receipt = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: respondent, servedDocument: 'advance_execution_ruling' });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const { names } = await packageOf(c, 'advance_execution');
    const receiptId = receipt.body.documents[0].id;
    expect(names).toContain(`documents/${receiptId}-service_receipt.pdf`);
    expect(names.some((n) => n.endsWith('-advance_execution_ruling.pdf'))).toBe(true);
  });

  it('an enforcement package after a transfer says in README.txt which listed enclosures it lacks', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = claimIds(c);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '12000.00' },
      { claimId: comp, outcome: 'granted', amount: '26400.00' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-04-13');
    const enforce = await send(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'enforcement', court: COURT }, '2026-04-14');
    expect(enforce.status, JSON.stringify(enforce.body)).toBe(200);
    const { readme } = await packageOf(c, 'enforcement');
    expect(readme).toContain('移送函所列附件中本材料包未含');
    expect(readme).toContain('送达回证');
    expect(readme).toContain('生效证明');
    // With the receipts issued, only the 生效证明 is said missing.
    for (const p of [...c.applicants, ...c.respondents])
      expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: p.id })).status).toBe(
        201,
      );
    const again = await packageOf(c, 'enforcement');
    expect(again.readme).not.toContain('- 送达回证');
    expect(again.readme).toContain('生效证明');
    expect(again.names.filter((n) => n.endsWith('-service_receipt.pdf'))).toHaveLength(2);
  });
});

describe(`fixR51 med51 M3: a review's case.json has no procedure (${DB})`, () => {
  it('procedure null, valid against the documented schema (Rules Arts. 74–79); an arbitration keeps its own', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-20',
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await ok(r.body, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync('docs/court-package-case.schema.json', 'utf8')));
    const { caseJson } = await packageOf(r.body, 'court_request');
    expect(caseJson.case.track).toBe('review');
    expect(caseJson.case.procedure).toBeNull();
    expect(validate(caseJson), JSON.stringify(validate.errors)).toBe(true);
    // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
    const closed = closedCaseJsonValidator();
    expect(closed(caseJson), JSON.stringify(closed.errors)).toBe(true);
    const arb = await registerCase(t, a, standardApplication());
    expect((await packageOf(arb, 'court_request')).caseJson.case.procedure).toBe('ordinary');
  });
});

const MAY = 'from=2026-05-01&to=2026-05-31';
const stats = async (path: string) => {
  const r = await t.api(a.tokens.analyst).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const mayCase = (body: Record<string, unknown>) =>
  caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-05-04', ...body }), acceptOn: '2026-05-06' });

describe(`fixR51 med51 L1: each group of a breakdown has its legal-aid and major collective figures (${DB})`, () => {
  it('groupBy=district: the figures per group, matching the drill-down per group', async () => {
    const legalAid = { name: '刘援助', kind: 'legal_aid', unit: '聊城市法律援助中心' };
    await mayCase({ district: '茌平区', applicants: [{ ...worker('王援助', 501), agents: [legalAid] }] });
    const { c: M } = await mayCase({ district: '冠县', applicants: workers(12, 520) });
    expect(M.major).toBe(true);
    await ok(M, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-05-20');
    const f = await stats(`/api/stats/closure?${MAY}&groupBy=district`);
    const group = (key: string) => f.groups.find((g: { key: string }) => g.key === key);
    expect(group('茌平区')).toMatchObject({
      legalAid: { cases: 1, workers: 1, closed: 0 },
      majorCollective: { cases: 0, workers: 0, closed: 0 },
    });
    expect(group('冠县')).toMatchObject({
      legalAid: { cases: 0, workers: 0, closed: 0 },
      majorCollective: { cases: 1, workers: 12, closed: 1 },
    });
    // The groups add up to the headline figures.
    const sum = (k: 'legalAid' | 'majorCollective') =>
      f.groups.reduce((s: number, g: Record<string, { cases: number }>) => s + (g[k]?.cases ?? 0), 0);
    expect([sum('legalAid'), sum('majorCollective')]).toEqual([f.legalAid.cases, f.majorCollective.cases]);
    // The drill-down per group says the same.
    for (const [key, measure, n] of [
      ['茌平区', 'legalAid', 1],
      ['冠县', 'majorCollective', 1],
      ['冠县', 'majorCollectiveClosed', 1],
      ['茌平区', 'majorCollective', 0],
    ] as const) {
      const d = await stats(`/api/stats/closure/cases?${MAY}&groupBy=district&group=${encodeURIComponent(key)}&measure=${measure}`);
      expect([key, measure, d.total]).toEqual([key, measure, n]);
    }
    // Other breakdowns too (the periodic report's, in JSON).
    const byArbitrator = await stats(`/api/stats/closure?${MAY}&groupBy=wageArrears`);
    expect(byArbitrator.groups.every((g: Record<string, unknown>) => g.legalAid && g.majorCollective)).toBe(true);
  });
});

describe(`fixR51 docs51 L6: mediation amounts not recorded are counted, not shown as a bare 0.00 (${DB})`, () => {
  it('mediatedWithoutAmount / agreedWithoutAmount, and the report says "N件未登记金额"', async () => {
    const JUNE = 'from=2026-06-01&to=2026-06-30';
    const before = await stats(`/api/stats/closure?${JUNE}`);
    expect([before.mediatedWithoutAmount, before.mediationSuccess.mediationTrack.agreedWithoutAmount]).toEqual([0, 0]);
    // An arbitration case closed by a 调解书 whose agreement recorded no amount (MEDIATION_AGREED.amount is optional).
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ receivedOn: '2026-06-01' }),
      acceptOn: '2026-06-02',
      formOn: '2026-06-03',
      scheduleOn: '2026-06-04',
      hearingOn: '2026-06-24',
    });
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-06-24');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年7月10日前支付申请人工资10000元。' }, '2026-06-25');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' })).status).toBe(201);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-06-26' });
    const closed = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-06-26' });
    expect(closed.closure?.mode).toBe('mediation');
    // A pre-arbitration mediation agreed without an amount; and one with its amount.
    for (const amount of [undefined, '3000.00']) {
      const m = await t
        .api(a.tokens.mediator)
        .post(
          '/api/cases',
          standardApplication({ track: 'mediation', receivedOn: '2026-06-01', applicants: [worker('调解某', amount ? 541 : 540)] }),
        );
      expect(m.status, JSON.stringify(m.body)).toBe(201);
      await ok(m.body, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '支付工资3000元', ...(amount ? { amount } : {}) }, '2026-06-10');
    }
    const f = await stats(`/api/stats/closure?${JUNE}`);
    expect(f.byMode.mediation).toBe(1);
    expect([f.amounts.mediated, f.mediatedWithoutAmount]).toEqual(['0.00', 1]);
    expect(f.mediationSuccess.mediationTrack).toMatchObject({ agreed: 2, agreedAmount: '3000.00', agreedWithoutAmount: 1 });
    const report = await stats(`/api/stats/report?${JUNE}`);
    const row = (label: string) => report.summary.find((r: { label: string }) => r.label.includes(label));
    expect(row('本期调解结案调解金额').value).toBe('0.00（1件未登记金额）');
    expect(row('调解协议约定金额').value).toBe('3000.00（1件未登记金额）');
    const csv = await t.api(a.tokens.analyst).get(`/api/stats/report?${JUNE}&format=csv`);
    expect(csv.text).toContain('1件未登记金额');
  });
});

describe(`fixR51 docs51 L4: a malformed path id names its parameter (${DB})`, () => {
  it('404 naming `id` — the contract answers a path id that names nothing 404, after 403 (api-contract.md; sec44 L3)', async () => {
    for (const path of [
      '/api/documents/abc',
      '/api/court-packages/abc',
      '/api/cases/abc',
      '/api/cases/abc/documents',
      '/api/documents/0',
    ]) {
      const r = await t.api(a.tokens.chair).get(path);
      expect([path, r.status, r.body.field]).toEqual([path, 404, 'id']);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.detail).not.toContain('abc');
    }
  });
});
