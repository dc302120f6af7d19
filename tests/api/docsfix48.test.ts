import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { asBytes, downloadDocument, flat, generatedText, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/** The outside documents reviewer and an arbitrator, round 48 (docsfix): issued text fixed, numbers of unnumbered cases. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

type Arb = { id: number; token: string };
const DEFENSE = '被申请人辩称已足额支付工资。';
const docs = async (c: { id: number }) =>
  (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/documents`)).body as { id: number; kind: string }[];

async function packageOf(c: { id: number }, purpose: string) {
  const pkg = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose, court: '聊城市东昌府区人民法院' });
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const bytes = (await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer;
  const zip = await JSZip.loadAsync(bytes);
  return { pkg: pkg.body, caseJson: JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string')), zip };
}

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

describe(`reviewer docsfix, round 48 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: a served award keeps its text — other text is refused (Rules Art. 54), a reprint is the original, the package holds it once, marked served', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-11-10');
    const issued = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const original = issued.body.documents[0] as { id: number; sha256: string; caseNo: string };
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-11-12' }, '2026-11-12');

    // Other text under the same number: refused, naming the field and the way to correct; nothing stored.
    const before = await docs(c);
    const other = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, {
      kind: 'award',
      facts: '申请人于2024年1月入职，月工资9000元。',
      reasoning: REASONING,
    });
    expect(other.status, JSON.stringify(other.body)).toBe(422);
    expect(other.body).toMatchObject({
      rule: 'issued-document-text-fixed',
      field: 'facts',
      source: '《劳动人事争议仲裁办案规则》第五十四条',
    });
    expect(other.body.detail).toContain('corrects');
    expect(await docs(c)).toEqual(before);

    // The same text, or none: the original answered again — same id, same bytes, no second 第N号.
    for (const body of [{ kind: 'award' }, { kind: 'award', facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }]) {
      const again = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, body);
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      expect(again.body.documents).toEqual([original].map((d) => expect.objectContaining({ id: d.id, sha256: d.sha256 })));
    }
    expect((await docs(c)).filter((d) => d.kind === 'award')).toHaveLength(1);

    // A draft with other text may always be printed (草稿, never in a package); a 补正 corrects the issued text.
    const draft = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'award', draft: true, facts: '草稿中的另一种写法。' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const fix = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, {
      kind: 'decision',
      matter: 'correction',
      body: '“经审理查明”部分“2023年3月”应为“2023年5月”。',
      decidedOn: '2026-11-20',
    });
    expect(fix.status, JSON.stringify(fix.body)).toBe(201);
    const text = flat(pdfRaw(await downloadDocument(t, arb.token, fix.body.documents[0].id)));
    expect(text).toContain('存在笔误');

    // The package: one award, the original, with whom it was served on; the correction beside it; no draft.
    const { pkg, caseJson, zip } = await packageOf(c, 'court_request');
    expect(caseJson.schemaVersion).toBe('1.6');
    // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
    const closed = closedCaseJsonValidator();
    expect(closed(caseJson), JSON.stringify(closed.errors)).toBe(true);
    const awards = caseJson.documents.filter((d: { kind: string }) => d.kind === 'award');
    expect(awards).toHaveLength(1);
    expect(awards[0]).toMatchObject({ id: original.id, original: true });
    expect(awards[0].served.map((s: { partyId: number }) => s.partyId).sort()).toEqual(
      [...c.applicants, ...c.respondents].map((p) => p.id).sort(),
    );
    expect(awards[0].served[0]).toMatchObject({ servedOn: '2026-11-12', method: 'direct' });
    expect(caseJson.documents.some((d: { id: number }) => d.id === draft.body.documents[0].id)).toBe(false);
    expect(caseJson.documents.find((d: { id: number }) => d.id === fix.body.documents[0].id)).toMatchObject({
      kind: 'decision',
      original: true,
    });
    expect(Object.keys(zip.files).filter((f) => f.endsWith('-award.pdf'))).toEqual([`documents/${original.id}-award.pdf`]);
    expect(pkg.documentCount).toBe(caseJson.documents.length);
  });

  it('H1: a partial award’s text is fixed too; its reprint is the original', async () => {
    const { c, arb } = (await caseAt(t, a, 'heard', {
      body: standardApplication({
        claims: [
          { category: 'wages', amount: '4000.00', description: '2025年10月工资' },
          { category: 'wages', amount: '4000.00', description: '2025年11月工资' },
        ],
      }),
    })) as { c: CaseView; arb: Arb };
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      {
        items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '4000.00' }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-11-10',
    );
    const first = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'partial_award' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const other = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'partial_award', occurrence: 1, reasoning: '另一种说理。' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ rule: 'issued-document-text-fixed', field: 'reasoning' });
    const again = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'partial_award', occurrence: 1 });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.documents.map((d: { id: number }) => d.id)).toEqual(first.body.documents.map((d: { id: number }) => d.id));
  });

  it('M1, L1: a review’s 审字 number and acceptance in the drill-down, the case list and the case view; a rejection’s 不字 number in the list', async () => {
    const c = await reviewCase();
    const arb = a.arbitrators[0] as Arb;
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-24');
    await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-11-27');
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const number = made.body.documents[0].caseNo as string;
    expect(number).toMatch(/^聊劳人仲审字〔2026〕第\d+号$/);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-12-01');
    const signed = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id }, '2026-12-01');
    // A write's case view says it too, as GET does.
    expect(signed.documentNo).toBe(number);

    for (const measure of ['reviewsReceived', 'reviewsClosed']) {
      const r = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?from=2026-11-01&to=2026-12-05&measure=${measure}&pageSize=200`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const row = r.body.items.find((x: { id: number }) => x.id === c.id);
      expect(row, measure).toMatchObject({ caseNo: null, documentNo: number, acceptedOn: '2026-11-24' });
      expect(row).not.toHaveProperty('track');
    }

    const list = await t.api(a.tokens.clerk).get('/api/cases?track=review&pageSize=100');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.find((x: { id: number }) => x.id === c.id)).toMatchObject({ caseNo: null, documentNo: number });
    const view = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(view.body).toMatchObject({ caseNo: null, documentNo: number });

    const rejected = (await caseAt(t, a, 'received')).c;
    const rejectedView = await ok(rejected, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-11-06');
    expect(rejectedView.documentNo).toBe(rejectedView.proceedings.rejection.documentNo);
    const all = await t.api(a.tokens.clerk).get('/api/cases?pageSize=100&sort=receivedOn&order=desc');
    const row = all.body.items.find((x: { id: number }) => x.id === rejected.id);
    expect(row).toMatchObject({ caseNo: null, documentNo: expect.stringMatching(/^聊劳人仲不字〔2026〕第\d+号$/) });
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${rejected.id}`)).body.documentNo).toBe(row.documentNo);
    // A case with a case number has none.
    const numbered = all.body.items.find((x: { caseNo: string | null }) => x.caseNo !== null);
    if (numbered) expect(numbered.documentNo).toBeNull();
  });

  it('L2: the report PDF sets the period and formula version under the header table at the table’s size, on one line', async () => {
    const r = await asBytes(t.api(a.tokens.analyst).get('/api/stats/report?period=2026-Q1&format=pdf&reportedOn=2026-04-08'));
    expect(r.status).toBe(200);
    // Each word as drawn (pdftotext -bbox): its top, bottom and text.
    const out = spawnSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-', '-'], { input: r.body as Buffer }).stdout.toString();
    const words = [...out.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      top: Number(m[1]),
      h: Number(m[2]) - Number(m[1]),
      text: m[3] as string,
    }));
    const heading = words.find((w) => w.text.startsWith('统计期间：'));
    const version = words.find((w) => w.text.includes('结案率统计口径'));
    const cell = words.find((w) => w.text === '统计期间');
    expect(heading && version && cell, out.slice(0, 3000)).toBeTruthy();
    // One line: the formula version on the period's line; no larger than the table's cells.
    expect(Math.abs((version?.top ?? 0) - (heading?.top ?? 0))).toBeLessThan(2);
    expect(heading?.h ?? 99).toBeLessThanOrEqual((cell?.h ?? 0) + 0.5);
  });

  it('L4: the 不予受理通知书 cites LDMAL Art. 29 and Rules Arts. 30, 31; the 先予执行裁决书 is certified like the awards', async () => {
    const rejected = (await caseAt(t, a, 'received')).c;
    await ok(rejected, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    const notice = await generatedText(t, a.tokens.clerk, rejected.id, { kind: 'rejection_notice' });
    expect(notice).toContain(
      '根据《中华人民共和国劳动争议调解仲裁法》第二十九条、《劳动人事争议仲裁办案规则》第三十条、第三十一条的规定，本委决定不予受理。',
    );

    const { c, arb } = await caseAt(t, a, 'heard');
    const first = c.claims[0]?.id as number;
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [first],
        appliedOn: '2026-03-20',
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: first, amount: '5000.00' }],
        paymentDays: 5,
      },
      '2026-03-28',
    );
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain('本件与原本核对无异');
    const draft = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling', draft: true });
    expect(draft).not.toContain('本件与原本核对无异');
  });

  it('M2: a deemed withdrawal after a partial award reaches the undecided claims only; the partial award stands (LDMAL Arts. 36, 43(2))', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        claims: [
          { category: 'wages', amount: '4000.00', description: '2025年10月工资' },
          { category: 'wages', amount: '4000.00', description: '2025年11月工资' },
        ],
      }),
    });
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      {
        items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '4000.00' }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-02',
    );
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-15', place: '第一仲裁庭' }, '2026-04-03');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.applicants[0]?.id, method: 'direct', servedOn: '2026-04-05' },
      '2026-04-05',
    );
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-04-15');
    await ok(c, arb.token, 'DEEM_WITHDRAWN', {}, '2026-04-16');
    const text = await generatedText(t, arb.token, c.id, { kind: 'decision', matter: 'deemed_withdrawal' });
    expect(text).toMatch(/本案申请人除本委\S*第\d+号之一部分裁决已裁决事项（[^）]*）以外的仲裁申请按撤回仲裁申请处理。/u);
    expect(text).toContain('已作出的部分裁决不因按撤回仲裁申请处理而失去效力。');
    expect(text).not.toContain('本案按撤回仲裁申请处理');
  });
});
