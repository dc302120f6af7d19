import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { employer, idNumber, worker } from '../helpers/fixtures.ts';
import { asBytes, downloadDocument, flat, generatedText, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** fixD52: the outside checks of round 52 on the documents, the court package and the report (docs52). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

describe(`fixD52 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs52 H1: two applicants of one name are told apart in the split award and the notices (LDMAL Arts. 46, 51)', async () => {
    const body = standardApplication({
      applicants: [
        {
          ...worker('张三'),
          idNumber: idNumber('371502', '19900101', 123),
          agents: [{ name: '王某', kind: 'relative', relationship: '配偶' }],
        },
        {
          ...worker('张三'),
          idNumber: idNumber('371502', '19850505', 221),
          agents: [{ name: '李某', kind: 'relative', relationship: '父亲' }],
        },
      ],
      claims: [
        { category: 'wages', amount: '12000.00', description: '2026年5月至7月工资', applicant: 1 },
        { category: 'wages', amount: '9000.50', description: '2026年6月至7月工资', applicant: 2 },
        { category: 'economic_compensation', amount: '80000.00', description: '解除劳动合同经济补偿', applicant: 1 },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const amounts = ['12000.00', '4500.25', '40000.00'];
    const items = amounts.map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: i ? 'partly' : 'granted', amount }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect(v.award).toMatchObject({ finality: 'mixed' });
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [one, two] = await Promise.all(
      (r.body.documents as { id: number }[]).map(async (x) => flat(pdfRaw(await downloadDocument(t, arb.token, x.id)))),
    );
    // 第1-1号: both workers, each by the label the party block gives him, each item with its creditor.
    expect(one).toContain('申请人：张三（一），男，1990年1月1日出生');
    expect(one).toContain('申请人：张三（二），男，1985年5月5日出生');
    expect(one).toContain('委托代理人：王某，系申请人张三（一）的配偶');
    expect(one).toContain('委托代理人：李某，系申请人张三（二）的父亲');
    expect(one).toContain('申请人张三（一）、张三（二）与被申请人聊城某某机械有限公司');
    expect(one).toContain('向申请人张三（一）支付2026年5月至7月工资12000.00元');
    expect(one).toContain('向申请人张三（二）支付2026年6月至7月工资4500.25元');
    expect(one).toContain('驳回申请人张三（二）关于2026年6月至7月工资的其他仲裁请求');
    expect(one).toContain('申请人张三（一）关于解除劳动合同经济补偿的仲裁请求，本委另行作出聊劳人仲案字〔2026〕第1-2号');
    expect(one).not.toMatch(/张三(?!（)/u);
    // 第1-2号: the first worker alone as a party; the other document's claims each with its own worker.
    expect(two).toContain('申请人：张三（一），男');
    expect(two).not.toContain('申请人：张三（二）');
    expect(two).toContain(
      '申请人张三（一）关于2026年5月至7月工资的仲裁请求、申请人张三（二）关于2026年6月至7月工资的仲裁请求，本委另行作出聊劳人仲案字〔2026〕第1-1号终局裁决书',
    );
    expect(two).not.toMatch(/张三(?!（)/u);
    // The notices: addressed and headed with the same labels.
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    expect(notice).toContain('张三（一）、张三（二）、聊城某某机械有限公司：申请人张三（一）、张三（二）与被申请人');
    // A name no other party bears is printed as it is.
    const single = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('张四', 52)] }) });
    const plain = await generatedText(t, a.tokens.clerk, single.c.id, { kind: 'respond_notice' });
    expect(plain).toContain('张四');
    expect(plain).not.toContain('张四（');
  });
});

const COURT = '聊城市东昌府区人民法院';
async function packageOf(c: { id: number }, purpose: string) {
  const pkg = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose, court: COURT });
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const bytes = (await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer;
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (zip.file(name) as JSZip.JSZipObject).async('string');
  return { caseJson: JSON.parse(await text('case.json')), names: Object.keys(zip.files) };
}
const docId = (r: { status: number; body: { documents: { id: number }[] } }) => {
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.documents[0]?.id as number;
};

describe(`fixD52 court package (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs52 M1: a blank 送达回证 a filled one followed is left out; a replaced tribunal notice is marked (Rules Art. 51)', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('郑六', 521)] }));
    const [x, y] = a.arbitrators as [{ id: number; token: string }, { id: number; token: string }];
    const respondent = c.respondents[0]?.id as number;
    const make = (token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/documents`, body);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [x.id], presidingId: x.id }, '2026-03-05');
    const firstNotice = docId(await make(a.tokens.clerk, { kind: 'tribunal_notice' }));
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: respondent, target: { kind: 'arbitrator', userId: x.id }, ground: 'relationship', reason: '仲裁员与申请人代理人系同学' },
      '2026-03-09',
    );
    await ok(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: y.id }, '2026-03-11');
    const secondNotice = docId(await make(a.tokens.clerk, { kind: 'tribunal_notice' }));
    await ok(c, y.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-12');
    await ok(c, y.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const wages = c.claims[0]?.id as number;
    await ok(
      c,
      y.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: wages, amount: '6000' }], paymentDays: 7 },
      '2026-03-26',
    );
    docId(await make(y.token, { kind: 'advance_execution_ruling' }));
    // The blank receipt, printed to take along before the ruling is served.
    const receipt = { kind: 'service_receipt', partyId: respondent, servedDocument: 'advance_execution_ruling' };
    const blank = docId(await make(a.tokens.clerk, receipt));
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'advance_execution_ruling', partyId: respondent, method: 'direct' }, '2026-03-27');
    await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-03-28');
    // Only the blank one: refused as before, nothing stored.
    const refused = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution', court: COURT });
    expect([refused.status, refused.body.rule, refused.body.field]).toEqual([422, 'court-package-purpose', 'purpose']);
    expect((await t.api(a.tokens.chair).get(`/api/cases/${c.id}/court-packages`)).body).toEqual([]);
    // The filled one issued: the package holds it, not the blank one.
    const filled = docId(await make(a.tokens.clerk, receipt));
    const { names, caseJson } = await packageOf(c, 'advance_execution');
    expect(names).toContain(`documents/${filled}-service_receipt.pdf`);
    expect(names).not.toContain(`documents/${blank}-service_receipt.pdf`);
    expect(caseJson.documents.map((d: { id: number }) => d.id)).not.toContain(blank);
    // The tribunal notice of the tribunal as first formed: enclosed, marked replaced by the one after the recusal.
    const notices = caseJson.documents.filter((d: { kind: string }) => d.kind === 'tribunal_notice');
    expect(notices).toEqual([
      expect.objectContaining({ id: firstNotice, supersededBy: secondNotice }),
      expect.not.objectContaining({ supersededBy: expect.anything() }),
    ]);
    expect(notices[1].id).toBe(secondNotice);
  });
});

const stats = async (path: string) => {
  const r = await t.api(a.tokens.analyst).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe(`fixD52 statistics (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs52 M2: each group of a breakdown carries mediatedWithoutAmount as the headline figures do', async () => {
    const JULY = 'from=2026-07-01&to=2026-07-31';
    // Two arbitration cases closed by a 调解书 in July: 东昌府区 without an amount, 茌平区 with 15000.00.
    for (const [district, amount, seq] of [
      ['东昌府区', undefined, 531],
      ['茌平区', '15000.00', 532],
    ] as const) {
      const { c, arb } = await caseAt(t, a, 'heard', {
        body: standardApplication({ receivedOn: '2026-07-01', district, applicants: [worker('调解甲', seq)] }),
        acceptOn: '2026-07-02',
        formOn: '2026-07-03',
        scheduleOn: '2026-07-04',
        hearingOn: '2026-07-20',
      });
      await ok(c, arb.token, 'START_MEDIATION', {}, '2026-07-20');
      await ok(
        c,
        arb.token,
        'MEDIATION_AGREED',
        { terms: '被申请人于2026年8月10日前支付申请人工资。', ...(amount ? { amount } : {}) },
        '2026-07-21',
      );
      expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' })).status).toBe(201);
      await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-07-22' });
      await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-07-22' });
    }
    const f = await stats(`/api/stats/closure?${JULY}&groupBy=district`);
    expect([f.amounts.mediated, f.mediatedWithoutAmount]).toEqual(['15000.00', 1]);
    const group = (key: string) => f.groups.find((g: { key: string }) => g.key === key);
    expect([group('东昌府区').amounts.mediated, group('东昌府区').mediatedWithoutAmount]).toEqual(['0.00', 1]);
    expect([group('茌平区').amounts.mediated, group('茌平区').mediatedWithoutAmount]).toEqual(['15000.00', 0]);
    // The report's breakdowns (JSON) carry it alike.
    const report = await stats(`/api/stats/report?${JULY}`);
    const byDistrict = report.breakdowns.find((b: { groupBy: string }) => b.groupBy === 'district');
    expect(byDistrict.groups.find((g: { key: string }) => g.key === '东昌府区')?.mediatedWithoutAmount).toBe(1);
  });
});

describe(`fixD52 low (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs52 L1: a recusal decided without form "written" has no 决定书, and the 409 says form "written" is needed', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('郑七', 541)] }));
    const [x, y] = a.arbitrators as [{ id: number; token: string }, { id: number; token: string }];
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [x.id], presidingId: x.id }, '2026-03-05');
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: c.respondents[0]?.id,
        target: { kind: 'arbitrator', userId: x.id },
        ground: 'relationship',
        reason: '仲裁员与申请人代理人系同学',
      },
      '2026-03-09',
    );
    await ok(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: y.id }, '2026-03-11');
    const r = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'recusal' });
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body.detail).toContain('form: "written"');
    expect(r.body.detail).toContain('DECIDE_RECUSAL');
  });

  it('docs52 L4: a collective case’s hearing notice states the last day of the defense period once the copy is served (Rules Art. 65)', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工友${i + 1}`, 550 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    const ids = a.arbitrators.map((x) => x.id);
    const arb = a.arbitrators[0] as { token: string };
    const v0 = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    expect(v0.collective).toBe(true);
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-03-05' },
      '2026-03-05',
    );
    const due = (v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'defense')?.dueOn as string;
    expect(due).toMatch(/^2026-03-/);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    await ok(c, arb.token, 'SET_EVIDENCE_PERIOD', { until: '2026-03-20' }, '2026-03-09');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    const cn = (d: string) => {
      const n = (x: number) =>
        x < 10
          ? '〇一二三四五六七八九'[x]
          : x < 20
            ? `十${x % 10 ? '〇一二三四五六七八九'[x % 10] : ''}`
            : `${'〇一二三四五六七八九'[Math.floor(x / 10)]}十${x % 10 ? '〇一二三四五六七八九'[x % 10] : ''}`;
      return `二〇二六年${n(Number(d.slice(5, 7)))}月${n(Number(d.slice(8, 10)))}日`;
    };
    expect(notice).toContain(
      `依照《劳动人事争议仲裁办案规则》第六十五条的规定，一并通知如下：被申请人已于二〇二六年三月五日收到仲裁申请书副本，答辩期至${cn(due)}止，被申请人应当在此期限内提交答辩书；举证期限至二〇二六年三月二十日止`,
    );
    expect(notice).not.toContain('之日起十日内提交答辩书');
  });

  it('reviewer s52 M2: respondents served on different days — the notice states the rule and the last receipt, not one day for all (LDMAL Art. 30)', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 580 + i));
    const c = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [employer()],
        respondents: ten,
        claims: [{ category: 'other', amount: '5000.00', description: '返还培训费' }],
      }),
    );
    const ids = a.arbitrators.map((x) => x.id);
    const arb = a.arbitrators[0] as { token: string };
    const v0 = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    expect(v0.collective).toBe(true);
    const rs = c.respondents as { id: number }[];
    for (const [i, r] of rs.entries())
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'respond_notice', partyId: r.id, method: 'direct', servedOn: i === 0 ? '2026-03-05' : '2026-03-12' },
        i === 0 ? '2026-03-05' : '2026-03-12',
      );
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-12');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-08', place: '第一仲裁庭' }, '2026-03-13');
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    expect(notice).toContain('被申请人应当自各自收到仲裁申请书副本之日起十日内提交答辩书（最后收到的被申请人于二〇二六年三月十二日收到');
    expect(notice).not.toContain('被申请人已于');
  });
});
