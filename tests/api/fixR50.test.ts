import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application } from '../helpers/fixtures.ts';
import { asBytes, generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** Outside checks of 2026-12-05 (docs50, med50), fixed in round 50 (fixR50). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const AWARD_TEXT = { facts: '申请人于2023年3月入职被申请人处。', reasoning: '被申请人应支付工资。', defenseSummary: '被申请人未答辩。' };

const search = async (token: string, q: string) =>
  (await t.api(token).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=100`)).body as {
    total: number;
    items: { id: number; documentNo: string | null; acceptedOn: string | null; procedure: string | null }[];
  };

async function reviewCase(extra: Record<string, unknown> = {}): Promise<CaseView> {
  const r = await t.api(a.tokens.clerk).post(
    '/api/cases',
    standardApplication({
      track: 'review',
      receivedOn: '2026-11-20',
      agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元', ...extra },
    }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as CaseView;
}

const packageOf = (c: { id: number }, purpose: string) =>
  t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose, court: '聊城市东昌府区人民法院' });

describe(`fixR50 docs50 M1: a case known by its 不字 / 审字 number is found by it (${DB})`, () => {
  it('q matches the whole number and its parts, for every role that searches', async () => {
    const rejected = await registerCase(t, a, standardApplication());
    await ok(rejected, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    const review = await reviewCase();
    await ok(review, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${review.id}/documents`, { kind: 'acceptance_notice' })).status).toBe(201);
    const list = await search(a.tokens.clerk, '');
    const noOf = (id: number) => list.items.find((x) => x.id === id)?.documentNo as string;
    const [bu, shen] = [noOf(rejected.id), noOf(review.id)];
    expect(bu).toMatch(/^聊劳人仲不字〔2026〕第\d+号$/);
    expect(shen).toMatch(/^聊劳人仲审字〔2026〕第\d+号$/);
    const serial = (no: string) => (no.match(/第(\d+)号/) as RegExpMatchArray)[1];
    for (const [c, no] of [
      [rejected, bu],
      [review, shen],
    ] as const) {
      for (const q of [no, no.replace('聊劳人仲', ''), no.replace('〔', '[').replace('〕', ']'), `第${serial(no)}号`]) {
        for (const token of [a.tokens.clerk, a.tokens.analyst]) {
          const r = await search(token, q);
          expect([q, r.items.map((x) => x.id)]).toEqual([q, expect.arrayContaining([c.id])]);
        }
      }
    }
    // A whole number finds its case alone (不字 and 审字 numbers are not each other's, nor a 案字 number's).
    expect((await search(a.tokens.clerk, bu)).items.map((x) => x.id)).toEqual([rejected.id]);
    expect((await search(a.tokens.clerk, shen)).items.map((x) => x.id)).toEqual([review.id]);
    expect((await search(a.tokens.clerk, `不字〔2026〕第${Number(serial(bu)) + 500}号`)).total).toBe(0);
  });
});

describe(`fixR50 docs50 M2: a review's acceptance and procedure as the case, the list and the export show them (${DB})`, () => {
  it('acceptedOn is the day of ACCEPT_REVIEW; no ordinary procedure is claimed (Rules Arts. 74–76)', async () => {
    const c = await reviewCase();
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect([v.acceptedOn, v.procedure]).toEqual(['2026-11-24', null]);
    const row = (await t.api(a.tokens.clerk).get('/api/cases?track=review&pageSize=100')).body.items.find(
      (x: { id: number }) => x.id === c.id,
    );
    expect([row.acceptedOn, row.procedure]).toEqual(['2026-11-24', null]);
    const r = await asBytes(t.api(a.tokens.clerk).get('/api/exports/cases?track=review'));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]?.getSheetValues() ?? []) as unknown[][];
    const header = rows.find((x) => Array.isArray(x) && x.includes('受理')) as unknown[];
    const mine = rows.find((x) => Array.isArray(x) && x.includes('2026-11-24')) as unknown[];
    expect(mine, JSON.stringify(rows)).toBeDefined();
    expect(mine[header.indexOf('程序')]).toBe('仲裁审查');
    expect(mine[header.indexOf('受理')]).toBe('2026-11-24');
    // An arbitration's procedure is unchanged.
    const arb = await registerCase(t, a, standardApplication());
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${arb.id}`)).body.procedure).toBe('ordinary');
  });
});

describe(`fixR50 med50 M4: a litigation package only for a suit recorded, with the document it is about (${DB})`, () => {
  it('refused after an effective 调解书, a confirmed review and a pre-arbitration mediation (no suit)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' })).status).toBe(201);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-28' });
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' });
    const mediated = await packageOf(c, 'litigation');
    expect([mediated.status, mediated.body.rule, mediated.body.field]).toEqual([422, 'court-package-purpose', 'purpose']);
    expect(mediated.body.detail).toContain('调解书');
    expect(mediated.body.detail).toContain('court_request');

    const review = await reviewCase();
    const rarb = a.arbitrators[0] as { id: number; token: string };
    await ok(review, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    await ok(review, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [rarb.id], presidingId: rarb.id }, '2026-11-24');
    await ok(review, rarb.token, 'CONFIRM_AGREEMENT', { terms: '支付工资5000元' }, '2026-11-27');
    const confirmed = await packageOf(review, 'litigation');
    expect([confirmed.status, confirmed.body.rule]).toEqual([422, 'court-package-purpose']);
    expect(confirmed.body.detail).toContain('仲裁审查');

    const m = await t.api(a.tokens.clerk).post('/api/cases', application({ track: 'mediation' }));
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const pre = await packageOf(m.body, 'litigation');
    expect([pre.status, pre.body.rule]).toEqual([422, 'court-package-purpose']);
    expect(pre.body.detail).toContain('案前调解');
    // Nothing recorded; the court's request for the file is still answered.
    const h = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { type: string }[];
    expect(h.some((e) => e.type === 'GENERATE_COURT_PACKAGE')).toBe(false);
    expect((await packageOf(c, 'court_request')).status).toBe(201);
  });

  it('a suit recorded on an award never issued as a document: refused until the 裁决书 is issued', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = (c.claims as { id: number }[]).map((x) => ({ claimId: x.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-15' });
    const before = await packageOf(c, 'litigation');
    expect([before.status, before.body.rule, before.body.field]).toEqual([422, 'court-package-purpose', 'purpose']);
    expect(before.body.detail).toContain('裁决书尚未出具');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', ...AWARD_TEXT })).status).toBe(201);
    const after = await packageOf(c, 'litigation');
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.documentCount).toBeGreaterThan(0);
  });

  it('a rejected application: the suit LDMAL Art. 29 allows, with its 不予受理通知书 issued', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    const before = await packageOf(c, 'litigation');
    expect([before.status, before.body.rule]).toEqual([422, 'court-package-purpose']);
    expect(before.body.detail).toContain('不予受理通知书尚未出具');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'rejection_notice' })).status).toBe(201);
    expect((await packageOf(c, 'litigation')).status).toBe(201);
  });

  it('a case in which no suit is recorded is refused, naming RECORD_LAWSUIT', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = (c.claims as { id: number }[]).map((x) => ({ claimId: x.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', ...AWARD_TEXT })).status).toBe(201);
    const r = await packageOf(c, 'litigation');
    expect([r.status, r.body.rule]).toEqual([422, 'court-package-purpose']);
    expect(r.body.detail).toContain('RECORD_LAWSUIT');
  });
});

describe(`fixR50 med50 M6: no identity number in a review's mediation organization, nor an agent's unit (${DB})`, () => {
  it('refused with 400 naming the field; nothing registered', async () => {
    const before = (await search(a.tokens.clerk, '')).total;
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-20',
        agreement: { effectiveOn: '2026-11-18', organization: '371502199001011330', terms: '支付工资5000元' },
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'agreement.organization' })]);
    expect(r.body.errors[0].message).toContain('身份证号码');
    const body = standardApplication() as { applicants: { agents?: unknown[] }[] };
    body.applicants[0] = {
      ...body.applicants[0],
      agents: [{ name: '李律师', kind: 'lawyer', unit: '山东某律师事务所13800000000' }],
    };
    const agent = await t.api(a.tokens.clerk).post('/api/cases', body);
    expect(agent.status).toBe(400);
    expect(agent.body.errors[0].path).toBe('applicants.0.agents.0.unit');
    expect((await search(a.tokens.clerk, '')).total).toBe(before);
    // A user's display name is printed on documents too (the arbitrators', the clerk's).
    const user = await t
      .api(t.adminToken)
      .post('/api/users', { username: 'arb.num', password: 'Qz7!vLp2#Rk9wX', role: 'arbitrator', displayName: '王13800000000' });
    expect([user.status, user.body.errors?.[0]?.path]).toEqual([400, 'displayName']);
  });
});

void send;

describe(`fixR50 docs50 L5: the documents list tells a draft from an issued document (${DB})`, () => {
  it('draft: true / false on each item and in the generation answer', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const draft = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice', draft: true });
    expect([draft.status, draft.body.draft]).toEqual([201, true]);
    const issued = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' });
    expect([issued.status, issued.body.draft]).toEqual([201, false]);
    const list = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`)).body as { id: number; draft: boolean }[];
    expect(list.map((d) => [d.id, d.draft]).sort()).toEqual(
      [
        [draft.body.id, true],
        [issued.body.id, false],
      ].sort(),
    );
  });
});

describe(`fixR50 docs50 L3: a typed reason is not said twice (${DB})`, () => {
  it('a suspension reason holding its own 因 is not given another (Rules Art. 47)', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '申请人因工伤住院治疗', ground: 'other' }, '2026-03-30');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension' });
    expect(text).not.toContain('因申请人因');
    expect(text).toContain('鉴于申请人因工伤住院治疗');
    const plain = (await caseAt(t, a, 'tribunal_formed')).c;
    await ok(plain, a.tokens.chair, 'SUSPEND', { reason: '因等待工伤认定结论', ground: 'appraisal' }, '2026-03-30');
    const kept = await generatedText(t, a.tokens.chair, plain.id, { kind: 'decision', matter: 'suspension' });
    expect(kept).toContain('，因等待工伤认定结论，依照');
    expect(kept).not.toContain('因因');
  });

  it('a late review application: the reason restating the 15 days is not printed after the ground (Rules Art. 75)', async () => {
    const c = await reviewCase({ effectiveOn: '2026-10-01' });
    await ok(
      c,
      a.tokens.clerk,
      'REJECT_REVIEW',
      { ground: 'late', reason: '申请人未在调解协议生效之日起十五日内提出仲裁审查申请' },
      '2026-11-24',
    );
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'review_rejection' });
    expect(text).toContain('申请超过了自调解协议生效之日起十五日的申请期限。');
    expect(text).not.toContain('申请人未在');
  });
});

describe(`fixR50 docs50 L2: a 补正决定书 says what it corrects (Rules Art. 54) (${DB})`, () => {
  it('a calculation error and an omitted matter are not called 笔误', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = (c.claims as { id: number }[]).map((x) => ({ claimId: x.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, ...AWARD_TEXT }, '2026-04-10');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    const text = (body: string) =>
      generatedText(t, arb.token, c.id, { kind: 'decision', matter: 'correction', body, decidedOn: '2026-04-16' });
    const calc = await text('裁决第一项金额计算有误，“1000元”应为“1100元”。');
    expect(calc).toContain('仲裁裁决书存在计算错误，依照');
    expect(calc).not.toContain('笔误');
    const omitted = await text('仲裁庭已经裁决但裁决书遗漏的事项补正为：被申请人支付申请人加班费500元。');
    expect(omitted).toContain('仲裁裁决书遗漏了已经裁决的事项，依照');
    expect(await text('第二页第三行“二〇二五年”应为“二〇二六年”。')).toContain('仲裁裁决书存在笔误，依照');
  });
});

describe(`fixR50 docs50 observation: a non-acceptance for 仲裁时效 does not claim it as a ground (LDMAL Arts. 27, 29) (${DB})`, () => {
  it('the notice states the decision and the reason as recorded, without Rules Arts. 30–31', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '申请人的仲裁申请已超过一年的仲裁时效' }, '2026-03-06');
    const text = await generatedText(t, a.tokens.clerk, c.id, { kind: 'rejection_notice' });
    expect(text).toContain('经审查，申请人的仲裁申请已超过一年的仲裁时效。');
    expect(text).toContain('本委决定不予受理。');
    expect(text).not.toContain('第三十条');
    expect(text).toContain('根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，');
    const other = await registerCase(t, a, standardApplication());
    await ok(other, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-06');
    expect(await generatedText(t, a.tokens.clerk, other.id, { kind: 'rejection_notice' })).toContain(
      '第三十条、第三十一条的规定，本委决定不予受理。',
    );
  });
});
