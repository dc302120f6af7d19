import fs from 'node:fs';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../app/court-package/case-json.ts';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { asBytes, generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** A second outside reviewer of the documents (docs46b): the findings, read back from the documents. */
const { t, a } = apiSuite({
  now: '2026-11-20T02:00:00Z',
  env: {
    TOKEN_TTL_HOURS: '100000',
    COMMISSION_KEY_PATH: path.join(scratchDir('zc-docs46b-'), 'keys', 'commission-ed25519.pem'),
  },
});
const { ok, send } = caseEvents(() => t);
const generate = (c: { id: number }, token: string, body: Record<string, unknown>) =>
  t.api(token).post(`/api/cases/${c.id}/documents`, body);

/** A review of a mediation agreement (Rules Arts. 74–79), received 2026-03-10 — late when the agreement took effect
 * before 2026-02-24 less 15 days (a refusal for lateness needs a late application: tests/api/lead48.test.ts). */
async function reviewCase(effectiveOn = '2026-03-02'): Promise<CaseView> {
  const r = await t.api(a.tokens.clerk).post(
    '/api/cases',
    standardApplication({
      track: 'review',
      receivedOn: '2026-03-10',
      agreement: { effectiveOn, organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
    }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as CaseView;
}
const arbOf = () => a.arbitrators[0] as { id: number; token: string };

describe(`reviewer docs46b fixes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: a case transferred to another commission gives the parties a 决定书 and the commission a 移送函 (Rules Art. 9)', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    expect((await generate(c, a.tokens.chair, { kind: 'decision', matter: 'transfer' })).status).toBe(409);
    await ok(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      { toCommission: '茌平区劳动人事争议仲裁委员会', reason: '受理后发现劳动合同履行地在茌平区' },
      '2026-03-06',
    );
    const decision = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'transfer' });
    expect(decision).toContain('本委于二〇二六年三月四日受理。经审查，受理后发现劳动合同履行地在茌平区，本案不属于本委管辖。');
    expect(decision).toContain('依照《劳动人事争议仲裁办案规则》第九条之规定，本委决定：本案移送茌平区劳动人事争议仲裁委员会处理。');
    expect(decision).toContain('二〇二六年三月六日');
    const letter = await generatedText(t, a.tokens.clerk, c.id, { kind: 'court_transfer_letter' });
    expect(letter).toContain('茌平区劳动人事争议仲裁委员会：');
    expect(letter).toContain('现将本案移送你委处理。');
    expect(letter).toContain('决定书（移送管辖）');
    expect(letter).toContain('请依法受理。');
  });

  it('M1: a jurisdiction objection decided is a written decision (Rules Art. 10): rejected, or upheld and transferred', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.respondents[0]?.id, grounds: '应由临清市仲裁委管辖' },
      '2026-03-06',
    );
    expect((await generate(c, a.tokens.chair, { kind: 'decision', matter: 'jurisdiction' })).status).toBe(409);
    await ok(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'rejected', reason: '劳动合同履行地在本市东昌府区' },
      '2026-03-09',
    );
    const rejected = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'jurisdiction' });
    expect(rejected).toMatch(
      /被申请人\S+于二〇二六年三月六日对本案提出管辖异议，认为应由临清市仲裁委管辖。经审查，劳动合同履行地在本市东昌府区。/,
    );
    expect(rejected).toMatch(/第十条之规定，本委决定：驳回被申请人\S+提出的管辖异议，本案由本委继续审理。/);

    const up = (await caseAt(t, a, 'accepted')).c;
    await ok(
      up,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: up.respondents[0]?.id, grounds: '实际工作地在临清市' },
      '2026-03-06',
    );
    await ok(
      up,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'upheld', reason: '申请人实际工作地在临清市', toCommission: '临清市劳动人事争议仲裁委员会' },
      '2026-03-09',
    );
    const upheld = await generatedText(t, a.tokens.chair, up.id, { kind: 'decision', matter: 'jurisdiction' });
    expect(upheld).toMatch(/第九条、第十条之规定，本委决定：被申请人\S+提出的管辖异议成立，本案移送临清市劳动人事争议仲裁委员会处理。/);
    const transfer = await generatedText(t, a.tokens.chair, up.id, { kind: 'decision', matter: 'transfer' });
    expect(transfer).toContain('经审查，申请人实际工作地在临清市，异议成立。');
    const letter = await generatedText(t, a.tokens.clerk, up.id, { kind: 'court_transfer_letter' });
    expect(letter).toContain('临清市劳动人事争议仲裁委员会：');
    expect(letter).toContain('第九条、第十条之规定，现将本案移送你委处理。');
  });

  it('M2: a review not accepted (Art. 75) and a confirmation refused (Art. 78) are answered in writing', async () => {
    const rej = await reviewCase('2026-02-06');
    await ok(rej, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'late', reason: '超过调解协议生效之日起15日' }, '2026-03-11');
    const notAccepted = await generatedText(t, a.tokens.chair, rej.id, { kind: 'decision', matter: 'review_rejection' });
    expect(notAccepted).toContain(
      // fixD58 #4: the day the agreement was reached is not recorded — its effective day is said as such.
      '经某某街道劳动争议调解委员会调解达成调解协议，该协议于二〇二六年二月六日生效，于二〇二六年三月十日共同向本委申请仲裁审查。',
    );
    // med49 L2: the typed reason only restated the ground, so it is not printed again.
    expect(notAccepted).toContain('申请超过了自调解协议生效之日起十五日的申请期限。');
    expect(notAccepted).toContain('依照《劳动人事争议仲裁办案规则》第七十五条之规定，本委决定：对该仲裁审查申请不予受理。');
    expect(notAccepted).toMatch(/聊劳人仲审字〔2026〕第\d+号/);
    expect((await generate(rej, a.tokens.chair, { kind: 'decision', matter: 'review_refusal' })).status).toBe(409);

    const ref = await reviewCase();
    const arb = arbOf();
    await ok(ref, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11');
    await ok(ref, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    await ok(ref, arb.token, 'REFUSE_CONFIRMATION', { ground: 'involuntary', reason: '申请人称系受胁迫签订' }, '2026-03-16');
    const refused = await generatedText(t, arb.token, ref.id, { kind: 'decision', matter: 'review_refusal' });
    expect(refused).toContain('本委于二〇二六年三月十一日受理后依法进行了审查。经审查，该调解协议违反自愿原则，申请人称系受胁迫签订。');
    expect(refused).toContain('第七十八条、第七十九条之规定，本委决定：不予制作调解书，本案终止仲裁审查。');
    expect(refused).toContain('当事人可以就调解协议约定的属于劳动人事争议仲裁受理范围的事项依法申请仲裁。');
  });

  it("a review's first numbered document generated several times at once gets one number, never a 500", async () => {
    const c = await reviewCase('2026-02-06');
    await ok(c, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'late', reason: '超过调解协议生效之日起15日' }, '2026-03-11');
    const made = await Promise.all(
      Array.from({ length: 4 }, () => generate(c, a.tokens.chair, { kind: 'decision', matter: 'review_rejection' })),
    );
    for (const r of made) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const numbers = new Set(made.map((r) => r.body.caseNo));
    expect(numbers.size).toBe(1);
    expect([...numbers][0]).toMatch(/^聊劳人仲审字〔2026〕第\d+号$/);
  });

  it('M3: the review 调解书 bears a number; signing for it is its service, and its receipt can be made', async () => {
    const c = await reviewCase();
    const arb = arbOf();
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    const confirmed = await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年5月15日前支付申请人工资5000元' }, '2026-03-16');
    expect(confirmed.servable).toContain('mediation_document');
    const made = await generate(c, arb.token, { kind: 'mediation_document' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.caseNo).toMatch(/^聊劳人仲审字〔2026〕第\d+号$/);
    const number = made.body.caseNo as string;
    // The same number every time.
    expect((await generate(c, arb.token, { kind: 'mediation_document' })).body.caseNo).toBe(number);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-03-17');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id }, '2026-03-18');
    for (const body of [{}, { servedDocument: 'mediation_document' }]) {
      const receipt = await generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId: c.respondents[0]?.id, ...body });
      expect(receipt).toContain(`仲裁调解书${number}`);
      expect(receipt).toContain('直接送达');
      expect(receipt).toContain('二〇二六年三月十八日');
      expect(receipt).toContain('《劳动人事争议仲裁办案规则》第七十七条');
    }
  });

  it('M5, L5: a receipt names the decision it carries; none for a 决定书 never generated; matter only with decision', async () => {
    const { c } = await caseAt(t, a, 'heard');
    const applicant = c.applicants[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'decision', partyId: applicant, method: 'direct' }, '2026-03-26');
    // L5: served as recorded, but no 决定书 was made: 409, as for any document not made yet.
    const none = await generate(c, a.tokens.clerk, { kind: 'service_receipt', partyId: applicant });
    expect(none.status, JSON.stringify(none.body)).toBe(409);
    expect(none.body.detail).toContain('本案尚未作出决定书');

    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-30');
    expect((await generate(c, a.tokens.chair, { kind: 'decision', matter: 'suspension' })).status).toBe(201);
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-02');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'decision', partyId: applicant, method: 'direct' }, '2026-04-03');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-04-10');
    expect((await generate(c, a.tokens.chair, { kind: 'decision', matter: 'extension' })).status).toBe(201);
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'decision', partyId: applicant, method: 'direct' }, '2026-04-13');

    const second = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: applicant,
      servedDocument: 'decision',
    });
    expect(second).toContain('送达文书决定书（延长审理期限）');
    expect(second).not.toContain('中止审理');
    const first = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: applicant,
      servedDocument: 'decision',
      occurrence: 2,
    });
    expect(first).toContain('送达文书决定书（中止审理）');
    expect(first).not.toContain('延长审理期限');
    // `matter` picks the decision: a blank receipt for the respondent, dated the decision.
    const blank = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: c.respondents[0]?.id,
      servedDocument: 'decision',
      matter: 'suspension',
    });
    expect(blank).toContain('送达文书决定书（中止审理）');
    expect(blank).toContain('二〇二六年三月三十日');
    const notMade = await generate(c, a.tokens.clerk, {
      kind: 'service_receipt',
      partyId: c.respondents[0]?.id,
      servedDocument: 'decision',
      matter: 'termination',
    });
    expect(notMade.status).toBe(409);
    const wrong = await generate(c, a.tokens.clerk, {
      kind: 'service_receipt',
      partyId: applicant,
      servedDocument: 'award',
      matter: 'suspension',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toContain('matter');
    expect(
      (await send(c, a.tokens.clerk, 'SERVE', { document: 'decision', partyId: applicant, method: 'direct' }, '2026-04-14')).status,
    ).toBe(200);
  });

  it('L8: the 终止审理 decision states the acceptance as the withdrawal decisions do', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(c, a.tokens.chair, 'TERMINATE', { reason: '申请人向人民法院提起诉讼，人民法院已受理' }, '2026-04-21');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'termination' });
    expect(text).toContain(
      // fixD56 #2: the fixed wording says the suit's ground (Rules Art. 48; LDMAL Art. 43(1)) where the reason does not.
      '一案，本委于二〇二六年三月四日受理。因申请人向人民法院提起诉讼，人民法院已受理，该诉讼系当事人以本委逾期未作出仲裁裁决为由提起（《中华人民共和国劳动争议调解仲裁法》第四十三条第一款），依照《劳动人事争议仲裁办案规则》第四十八条之规定，决定本案终止审理。',
    );
  });

  it('L6: case.json of a set-aside package while pending lists setAside.servedOn (null); the schema says 1.3', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '3000.00' },
      { claimId: comp, outcome: 'dismissed' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-01');
    for (const partyId of [c.applicants[0]?.id, c.respondents[0]?.id])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct' }, '2026-04-03');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'set_aside' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    const zip = await JSZip.loadAsync((await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer);
    const caseJson = JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string'));
    expect(caseJson.courtProceedings.setAside).toMatchObject({
      court: '聊城市中级人民法院',
      filedOn: '2026-04-20',
      result: null,
      decidedOn: null,
      servedOn: null,
    });
    const schema = JSON.parse(fs.readFileSync('docs/court-package-case.schema.json', 'utf8'));
    expect(schema.$id).toMatch(new RegExp(`case-${CASE_SCHEMA_VERSION.replace('.', '\\.')}\\.json$`));
    expect(schema.title).toContain(`version ${CASE_SCHEMA_VERSION}`);
    expect(caseJson.schemaVersion).toBe(CASE_SCHEMA_VERSION);
    const ajv = new Ajv2020Module.default({ allErrors: true, strict: false });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(caseJson), JSON.stringify(validate.errors)).toBe(true);
    // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
    const closed = closedCaseJsonValidator();
    expect(closed(caseJson), JSON.stringify(closed.errors)).toBe(true);
  });
});
