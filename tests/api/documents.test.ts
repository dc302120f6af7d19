import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../../app/deps.ts';
import { generateDocument } from '../../app/documents/generate-document.ts';
import { AppError } from '../../app/errors.ts';
import type { Actor } from '../../app/policy.ts';
import { inTransaction, type Transact } from '../../app/unit-of-work.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseAt, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { type Actors, type CaseShape, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';
import { scratchDir } from '../helpers/scratch.ts';

/**
 * Documents print what the record says, dated the day of their act (issue 18). Every document generated here is
 * regenerated at the end with the clock a month later and must give the same text.
 */
let t: TestApp;
let a: Actors;
const sealDir = scratchDir('zc-seal-');
const SEAL = join(sealDir, 'seal.png');

/** A small red PNG (the commission's seal image slot). */
function png(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) raw[y * (size * 3 + 1) + 1 + x * 3] = 200;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  writeFileSync(SEAL, png(32));
  t = await startTestApp({
    now: '2026-11-20T02:00:00Z',
    env: { TOKEN_TTL_HOURS: '100000', DOCUMENT_SEAL_IMAGE: SEAL, COMMISSION_PHONE: '0635-8888888' },
  });
  a = await createActors(t);
});
afterAll(async () => t?.close());

const pdfText = (bytes: Buffer) => flat(pdfRaw(bytes));
function imageCount(bytes: Buffer): number {
  const dir = scratchDir('zc-img-');
  writeFileSync(join(dir, 'd.pdf'), bytes);
  const r = spawnSync('pdfimages', ['-list', join(dir, 'd.pdf')], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim()).length;
}

const download = (id: number) => downloadDocument(t, a.tokens.chair, id);

/** Every document generated: its case, the request and the text it printed (regenerated a month later at the end). */
const generated: { caseId: number; token: string; body: Record<string, unknown>; texts: string[] }[] = [];

async function generate(c: { id: number }, token: string, body: Record<string, unknown>): Promise<string[]> {
  const r = await t.api(token).post(`/api/cases/${c.id}/documents`, body);
  expect(r.status, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`).toBe(201);
  const texts = [];
  for (const d of r.body.documents as { id: number }[]) texts.push(pdfRaw(await download(d.id)));
  generated.push({ caseId: c.id, token, body, texts });
  return texts.map(flat);
}
const one = async (c: { id: number }, token: string, body: Record<string, unknown>) => (await generate(c, token, body))[0] as string;

async function ev(c: { id: number }, token: string, type: string, occurredOn: string, extra: Record<string, unknown> = {}) {
  const r = await t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...extra });
  expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

type Arb = { id: number; token: string };
async function toHeard(
  body = standardApplication(),
  hearing: Record<string, unknown> = {},
  held = { applicantPresent: true, respondentPresent: true },
): Promise<{ c: CaseShape; arb: Arb }> {
  return caseAt(t, a, 'heard', { body, hearing, held });
}

async function issue(c: CaseShape, arb: Arb, items: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return ev(c, arb.token, 'ISSUE_AWARD', '2026-04-10', { items, facts: FACTS, reasoning: REASONING, ...extra });
}
const granted = (c: CaseShape, amounts: string[]) => amounts.map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));

describe(`documents print the record (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('an award: parties with ethnicity and a relative agent, 案由, non-public hearing, the filed defense, basis per item, dismissal clause', async () => {
    const body = standardApplication({
      applicants: [
        {
          ...worker('欧阳喆垚䶮', 301),
          ethnicity: '回族',
          agents: [{ name: '马秀兰', kind: 'relative', relationship: '配偶' }],
        },
      ],
      respondents: [{ ...employer(), ownership: 'private' }],
    });
    const { c, arb } = await toHeard(
      body,
      { time: '14:30', public: false, nonPublicGround: 'privacy' },
      { applicantPresent: true, respondentPresent: true },
    );
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(view.respondents[0].ownership).toBe('private');
    expect(view.applicants[0].agents[0].relationship).toBe('配偶');
    await ev(c, a.tokens.clerk, 'FILE_DEFENSE', '2026-03-25', { summary: '已足额支付申请人工资，不同意申请人的全部请求。' });
    await issue(c, arb, [
      {
        claimId: c.claims[0]?.id,
        outcome: 'partly',
        amount: '8000.00',
        legalBasis: ['《中华人民共和国劳动合同法》第三十条', '《工资支付暂行规定》第十八条'],
      },
      { claimId: c.claims[1]?.id, outcome: 'dismissed' },
    ]);
    const text = await one(c, arb.token, { kind: 'award' });
    for (const s of [
      '申请人：欧阳喆垚䶮，男，回族，1990年1月1日出生',
      '委托代理人：马秀兰，系申请人欧阳喆垚䶮的配偶。',
      '劳动报酬、经济补偿争议一案',
      '本委于二〇二六年三月二日收到仲裁申请，于二〇二六年三月四日依法受理',
      '本委依法指定仲裁员',
      '仲裁庭于二〇二六年三月二十五日不公开开庭审理了本案',
      '被申请人辩称：已足额支付申请人工资，不同意申请人的全部请求。',
      // The arbitrator's basis for item 1; the suggestion for the dismissed item 2 (burden of proof; final, Art. 47(1)).
      '依照《中华人民共和国劳动合同法》第三十条，《工资支付暂行规定》第十八条，《中华人民共和国劳动争议调解仲裁法》第六条、第四十七条第（一）项之规定，裁决如下',
      '一、被申请人聊城某某机械有限公司于本裁决生效之日起十日内向申请人欧阳喆垚䶮支付2025年10月至12月工资8000.00元（人民币捌仟元整）；',
      '二、驳回申请人的其他仲裁请求。',
      '本裁决为终局裁决',
      // Claims: one level of brackets, the last one ends with a full stop.
      '1．2025年10月至12月工资，12000.00元（人民币壹万贰仟元整）；',
      '2．解除劳动合同经济补偿，26400.00元（人民币贰万陆仟肆佰元整）。',
      '聊城市劳动人事争议仲裁委员会二〇二六年四月十日',
      '本件与原本核对无异',
    ])
      expect(text, s).toContain(s);
    for (const s of ['答辩意见见庭审笔录', '日公开开庭', '（劳动报酬', '（印章）', '草稿']) expect(text, s).not.toContain(s);
  });

  it('a non-final award cites no final-award article; a confirmation is ordered as such', async () => {
    const body = standardApplication({
      claims: [
        { category: 'confirm_relationship', description: '确认2023年3月1日至2025年12月31日与被申请人存在劳动关系' },
        { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
      ],
    });
    const { c, arb } = await toHeard(body);
    // Texts typed with the headings the award prints itself are printed once under them.
    await issue(c, arb, [{ claimId: c.claims[0]?.id, outcome: 'granted' }, ...granted(c, ['', '20000.00']).slice(1)], {
      defenseSummary: '被申请人辩称，双方之间系劳务关系',
      facts: `经审理查明：${FACTS}`,
      reasoning: `本委认为，${REASONING}`,
    });
    const text = await one(c, arb.token, { kind: 'award' });
    for (const twice of ['被申请人辩称：被申请人辩称', '经审理查明：经审理查明', '本委认为：本委认为']) expect(text).not.toContain(twice);
    expect(text).toContain('被申请人辩称：双方之间系劳务关系');
    expect(text).toContain('本裁决为非终局裁决');
    expect(text).not.toContain('调解仲裁法》第六条、第四十七条');
    expect(text).not.toContain('第四十七条第（');
    expect(text).toContain('一、确认申请人张三与被申请人聊城某某机械有限公司之间于2023年3月1日至2025年12月31日期间存在劳动关系；');
    expect(text).toContain('《中华人民共和国劳动合同法》第七条、第四十六条、第四十七条之规定');
    expect(text).not.toContain('支持申请人关于确认');
    expect(text).not.toContain('驳回');
  });

  it('a mixed award: two documents, each its own notice, each naming the other', async () => {
    const { c, arb } = await toHeard(
      standardApplication({
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'economic_compensation', amount: '30000.00', description: '解除劳动合同经济补偿' },
        ],
      }),
    );
    await issue(c, arb, granted(c, ['12000.00', '30000.00']), { defenseSummary: '不同意' });
    const [finalDoc, nonFinal] = (await generate(c, arb.token, { kind: 'award' })).map((x) => x);
    expect(finalDoc).toContain('本裁决为终局裁决');
    expect(finalDoc).toMatch(/第\d+-1号/);
    expect(finalDoc).toContain('人民币壹万贰仟元整');
    expect(finalDoc).not.toContain('人民币叁万元整');
    expect(finalDoc).toMatch(/申请人关于解除劳动合同经济补偿的仲裁请求，本委另行作出聊劳人仲案字〔2026〕第\d+-2号非终局裁决书/);
    expect(nonFinal).toContain('本裁决为非终局裁决');
    expect(nonFinal).toContain('十五日内向人民法院提起诉讼');
    expect(nonFinal).toMatch(/第\d+-2号/);
    expect(nonFinal).toContain('人民币叁万元整');
    expect(nonFinal).toMatch(/申请人关于2025年10月至12月工资的仲裁请求，本委另行作出聊劳人仲案字〔2026〕第\d+-1号终局裁决书/);
    expect(nonFinal).not.toContain('第四十七条第（');
    expect(finalDoc).toContain('第四十七条第（一）项');
    // Rules Art. 54 (reviewer docs42 H1): a correction names the part it corrects; no 第N号 award exists.
    const fix = { kind: 'decision', matter: 'correction', body: '第一项中“2025年10月”应为“2025年9月”。', decidedOn: '2026-04-20' };
    const which = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, fix);
    expect(which.status).toBe(422);
    expect(which.body.field).toBe('corrects.part');
    const wrong = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { ...fix, corrects: { part: 'partly' } });
    expect(wrong.status).toBe(400);
    const corrected = await one(c, arb.token, { ...fix, corrects: { part: 'non_final' } });
    expect(corrected).toMatch(/本委于二〇二六年四月十日作出的聊劳人仲案字〔2026〕第\d+-2号非终局仲裁裁决书存在笔误/);
    // Regenerated without the text: the same document, the same part.
    expect(await one(c, arb.token, { kind: 'decision', matter: 'correction' })).toMatch(/第\d+-2号非终局仲裁裁决书存在笔误/);
  });

  it('a partial award has its document (LDMAL Art. 43(2)); the final award names what the partial one decided', async () => {
    const { c, arb } = await toHeard();
    const [wages, compensation] = c.claims;
    await ev(c, arb.token, 'PARTIAL_AWARD', '2026-04-05', {
      items: [{ claimId: wages?.id, outcome: 'granted', amount: '12000.00' }],
      facts: '被申请人拖欠申请人2025年10月至12月工资，事实清楚。',
      reasoning: '该部分事实已经清楚，可以先行裁决。',
      defenseSummary: '工资已在核对',
    });
    const partial = await one(c, arb.token, { kind: 'partial_award' });
    expect(partial).toContain('部分裁决书');
    expect(partial).toContain('被申请人辩称：工资已在核对。');
    expect(partial).toContain('申请人请求：1．2025年10月至12月工资');
    // It recites every claim still asked for, so that the reader sees what is left to decide.
    expect(partial).toContain('2．解除劳动合同经济补偿，26400.00元');
    // Numbered as a document of its own (之一), never the award's number.
    expect(partial).toMatch(/聊劳人仲案字〔2026〕第\d+号之一/);
    expect(partial).toContain(
      '依照《中华人民共和国劳动合同法》第三十条，《中华人民共和国劳动争议调解仲裁法》第四十三条第二款、第四十七条第（一）项之规定，先行裁决如下：',
    );
    expect(partial).toContain('一、被申请人聊城某某机械有限公司于本裁决生效之日起十日内向申请人张三支付2025年10月至12月工资12000.00元');
    expect(partial).toContain('申请人的其他仲裁请求，本委另行裁决。');
    expect(partial).toContain('本裁决为终局裁决');
    expect(partial).not.toContain('本案现已审理终结');
    // Asked for by number, it is the same document; there is no second one.
    expect(await one(c, arb.token, { kind: 'partial_award', occurrence: 1 })).toBe(partial);
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'partial_award', occurrence: 2 })).status).toBe(409);
    const listed = await t.api(arb.token).get(`/api/cases/${c.id}/documents`);
    expect(listed.body.find((d: { kind: string }) => d.kind === 'partial_award')).toMatchObject({ title: '部分裁决书', occurrence: 1 });

    await issue(c, arb, [{ claimId: compensation?.id, outcome: 'dismissed' }], { defenseSummary: '不同意' });
    const final = await one(c, arb.token, { kind: 'award' });
    // Its own number is never 之一: the partial award's number is only recited (reviewer docs44 L8).
    expect(final.replace(/先行作出部分裁决（聊劳人仲案字〔2026〕第\d+号之一）/, '')).not.toMatch(/号之一/);
    // An award that only dismisses orders nothing to enforce.
    expect(final).not.toContain('申请强制执行');
    expect(final).toMatch(
      /仲裁庭于二〇二六年四月五日就申请人关于2025年10月至12月工资的仲裁请求先行作出部分裁决（聊劳人仲案字〔2026〕第\d+号之一）。/,
    );
    expect(final).toContain('本案现已审理终结');
    // Only what this award decides is dismissed — by name, not "all the applicant's claims".
    expect(final).toContain('一、驳回申请人关于解除劳动合同经济补偿的仲裁请求。');
    expect(final).not.toContain('全部仲裁请求');
    expect(final).not.toContain('先行裁决如下');
    // The partial award's text is its own: regenerating it after the award prints it unchanged.
    expect(await one(c, arb.token, { kind: 'partial_award' })).toBe(partial);
  });

  it('a partial award prints what it decided on: regenerated after a later give-up it reads the same; a same-day hearing comes first', async () => {
    const { c, arb } = await toHeard(
      standardApplication({
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
          { category: 'wages', amount: '3000.00', description: '2025年加班费' },
        ],
      }),
    );
    const [wages, comp, overtime] = c.claims;
    await ev(c, arb.token, 'PARTIAL_AWARD', '2026-03-25', {
      items: [{ claimId: wages?.id, outcome: 'granted', amount: '12000.00' }],
      facts: '被申请人拖欠申请人2025年10月至12月工资，事实清楚。',
      reasoning: '该部分事实已经清楚，可以先行裁决。',
      defenseSummary: '不同意',
    });
    const before = await one(c, arb.token, { kind: 'partial_award' });
    expect(before).toContain('3．2025年加班费');
    await ev(c, a.tokens.clerk, 'CHANGE_CLAIMS', '2026-03-27', { withdraw: [overtime?.id] });
    expect(await one(c, arb.token, { kind: 'partial_award' })).toBe(before);
    await issue(c, arb, [{ claimId: comp?.id, outcome: 'dismissed' }], { defenseSummary: '不同意' });
    const final = await one(c, arb.token, { kind: 'award' });
    const heard = final.indexOf('开庭审理了本案');
    expect(heard).toBeGreaterThan(0);
    expect(final.indexOf('先行作出部分裁决')).toBeGreaterThan(heard);
    expect(final).toContain('申请人于二〇二六年三月二十七日放弃关于2025年加班费的仲裁请求。');
  });

  it('a counterclaim: both sides named by it, its claims listed and decided, the applicant ordered to pay; a third party listed', async () => {
    const { c, arb } = await toHeard();
    const v = await ev(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', '2026-03-26', {
      description: '被申请人反申请：申请人返还培训费用',
      filedOn: '2026-03-25',
      claims: [
        { category: 'damages', amount: '5000.00', description: '返还培训费用' },
        { category: 'other', description: '返还工作电脑一台' },
      ],
    });
    const added = await ev(c, arb.token, 'ADD_PARTY', '2026-03-27', {
      side: 'third_party',
      ground: 'interested_third_party',
      party: { kind: 'organization', name: '聊城某某劳务派遣有限公司' },
    });
    const third = (added.thirdParties as { id: number }[])[0]?.id;
    await ev(c, a.tokens.clerk, 'SERVE', '2026-03-30', { document: 'addition_notice', partyId: third, method: 'direct' });
    // fixT58 #1: a party joined after the last hearing is heard at a hearing before the award (LDMAL Arts. 35–36).
    await ev(c, arb.token, 'SCHEDULE_HEARING', '2026-03-30', { hearingOn: '2026-04-09', place: '第一仲裁庭' });
    for (const id of [c.applicants[0]?.id, c.respondents[0]?.id, third])
      await ev(c, a.tokens.clerk, 'SERVE', '2026-03-30', { document: 'hearing_notice', partyId: id, method: 'direct' });
    await ev(c, arb.token, 'HOLD_HEARING', '2026-04-09', { applicantPresent: true, respondentPresent: true });
    const [fee, pc] = (v.claims as { id: number; counterclaim?: boolean }[]).filter((x) => x.counterclaim);
    await issue(
      c,
      arb,
      [
        ...granted(c, ['12000.00', '26400.00']),
        { claimId: fee?.id, outcome: 'partly', amount: '3000.00' },
        { claimId: pc?.id, outcome: 'dismissed' },
      ],
      { defenseSummary: '不同意' },
    );
    // The applicant's answer to the counterclaim is the arbitrator's to write: asked for, never left out or invented.
    const ask = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(ask.status).toBe(422);
    expect(ask.body).toMatchObject({ rule: 'text-from-arbitrator', field: 'counterclaimDefenseSummary' });
    // The counterclaim is not a final-award matter (LDMAL Art. 47): the wages are decided in -1, the rest in -2.
    const [finalDoc, nonFinal] = await generate(c, arb.token, {
      kind: 'award',
      counterclaimDefenseSummary: '培训费用已按约定折抵，不同意返还',
    });
    for (const text of [finalDoc, nonFinal]) {
      expect(text).toContain('申请人（被反申请人）：张三');
      expect(text).toContain('被申请人（反申请人）：聊城某某机械有限公司');
      expect(text).toContain('第三人：聊城某某劳务派遣有限公司');
      expect(text).toContain('被申请人于二〇二六年三月二十五日提出反申请，本委于二〇二六年三月二十六日受理并与本案合并审理。');
    }
    expect(finalDoc).not.toContain('被申请人反申请请求');
    expect(finalDoc).toMatch(
      /申请人关于解除劳动合同经济补偿的仲裁请求及被申请人关于返还培训费用、返还工作电脑一台的反申请请求，本委另行作出聊劳人仲案字〔2026〕第\d+-2号非终局裁决书/,
    );
    expect(nonFinal).toContain('被申请人反申请请求：1．返还培训费用，');
    expect(nonFinal).toContain('2．返还工作电脑一台。申请人（被反申请人）针对反申请辩称：培训费用已按约定折抵，不同意返还。');
    expect(finalDoc).not.toContain('针对反申请辩称');
    expect(nonFinal).toContain('二、申请人张三于本裁决生效之日起十日内向被申请人聊城某某机械有限公司返还培训费用3000.00元');
    // The partly granted claim's rest, and the one wholly dismissed, each as it is (no 其他 for the latter).
    expect(nonFinal).toContain('三、驳回被申请人关于返还工作电脑一台的反申请请求；');
    expect(nonFinal).toContain('四、驳回被申请人关于返还培训费用的其他反申请请求。');
    // The history says when the third party was added.
    expect(nonFinal).toContain('本委于二〇二六年三月二十七日依法追加聊城某某劳务派遣有限公司为本案第三人。');
    // The employer's damages claim suggests the worker's liability (LCL Art. 90), not the employer's (Arts. 82, 87).
    expect(nonFinal).not.toContain('第八十二条');
    expect(nonFinal).toContain('第九十条');
    expect(nonFinal).not.toContain('驳回申请人');
  });

  it("a third party's attendance at the hearing is printed as recorded (LDMAL Art. 23), written notice only when served", async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const added = await ev(c, arb.token, 'ADD_PARTY', '2026-03-10', {
      side: 'third_party',
      ground: 'interested_third_party',
      party: { kind: 'organization', name: '聊城某某劳务派遣有限公司' },
    });
    const third = (added.thirdParties as { id: number }[])[0]?.id;
    for (const document of ['addition_notice', 'hearing_notice'])
      await ev(c, a.tokens.clerk, 'SERVE', '2026-03-11', { document, partyId: third, method: 'direct' });
    await ev(c, arb.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true, thirdPartyPresent: false });
    await issue(
      c,
      arb,
      [
        { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' },
        { claimId: c.claims[1]?.id, outcome: 'dismissed' },
      ],
      { defenseSummary: '不同意' },
    );
    const [text] = await generate(c, arb.token, { kind: 'award' });
    expect(text).toContain('申请人、被申请人到庭参加仲裁活动，第三人经书面通知，未到庭。');
  });

  it('an award with no article to cite asks the arbitrator for its basis instead of printing 依照之规定', async () => {
    const body = standardApplication({ claims: [{ category: 'other', description: '出具解除劳动合同证明' }] });
    const { c, arb } = await toHeard(body);
    await issue(c, arb, [{ claimId: c.claims[0]?.id, outcome: 'granted' }], { defenseSummary: '不同意' });
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'text-from-arbitrator', field: 'legalBasis', claimIds: [c.claims[0]?.id] });
    expect(r.body.detail).toContain('出具解除劳动合同证明');
    const text = await one(c, arb.token, {
      kind: 'award',
      legalBasis: [{ claimId: c.claims[0]?.id, basis: ['《中华人民共和国劳动合同法》第五十条'] }],
    });
    expect(text).toContain('依照《中华人民共和国劳动合同法》第五十条之规定，裁决如下');
  });

  it('a default award says written notice only when the record shows the notice served', async () => {
    const { c, arb } = await (async () => {
      const c0 = await registerCase(t, a);
      const arb0 = a.arbitrators[0] as Arb;
      await ev(c0, a.tokens.clerk, 'ACCEPT', '2026-03-04');
      await ev(c0, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb0.id], presidingId: arb0.id });
      await ev(c0, arb0.token, 'SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' });
      await ev(c0, a.tokens.clerk, 'SERVE', '2026-03-10', {
        document: 'hearing_notice',
        partyId: c0.respondents[0]?.id,
        method: 'post',
        servedOn: '2026-03-12',
      });
      await ev(c0, arb0.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: false });
      return { c: c0, arb: arb0 };
    })();
    await issue(c, arb, granted(c, ['12000.00', '20000.00']));
    const text = await one(c, arb.token, { kind: 'award' });
    expect(text).toContain('被申请人经书面通知，未到庭，仲裁庭依照《中华人民共和国劳动争议调解仲裁法》第三十六条第二款的规定缺席审理');
    // The award in default cites LDMAL Art. 36(2) with its basis (an outside tester, L2).
    expect(text).toMatch(/依照[^。]*《中华人民共和国劳动争议调解仲裁法》第三十六条第二款[^。]*之规定，裁决如下/);
    // No defense was filed and the respondent never came: that, not a placeholder.
    // (reviewer docs45 L2: without a 辩称 heading.)
    expect(text).toContain('被申请人经本委书面通知，未到庭，亦未提交书面答辩意见。');
    expect(text).not.toContain('被申请人辩称');
  });

  it('the defense is never invented: a filed defense without a summary asks for one (422)', async () => {
    const { c, arb } = await toHeard();
    await ev(c, a.tokens.clerk, 'FILE_DEFENSE', '2026-03-25');
    await issue(c, arb, granted(c, ['100.00', '100.00']));
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ field: 'defenseSummary', rule: 'text-from-arbitrator' });
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', defenseSummary: '不同意' })).status).toBe(201);
    // A basis naming a claim of another case: 400 naming the field.
    const bad = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'award', legalBasis: [{ claimId: 999999, basis: ['x'] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('legalBasis.0.claimId');
  });

  it('notices: time of day, non-public, a postponement dated its decision; signed by the commission', async () => {
    const c = await registerCase(t, a);
    const arb = a.arbitrators[0] as Arb;
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
    await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb.id], presidingId: arb.id });
    await ev(c, arb.token, 'SCHEDULE_HEARING', '2026-03-09', {
      hearingOn: '2026-03-25',
      place: '第一仲裁庭',
      time: '14:30',
      public: false,
      nonPublicGround: 'trade_secret',
    });
    const notice = await one(c, arb.token, { kind: 'hearing_notice' });
    expect(notice).toContain('仲裁庭定于二〇二六年三月二十五日下午二时三十分在第一仲裁庭不公开开庭审理');
    expect(notice).toContain('第二十六条');
    expect(notice).toContain('聊城市劳动人事争议仲裁委员会二〇二六年三月九日');
    await ev(c, arb.token, 'POSTPONE_HEARING', '2026-03-12', {
      hearingOn: '2026-03-31',
      reason: '仲裁员因公出差',
      time: '09:00',
      requestedBy: 'tribunal',
    });
    const moved = await one(c, arb.token, { kind: 'hearing_notice' });
    expect(moved).toContain(
      '原定于二〇二六年三月二十五日开庭审理，因仲裁员因公出差，仲裁庭决定改期于二〇二六年三月三十一日上午九时在第一仲裁庭不公开开庭审理',
    );
    expect(moved).toContain('二〇二六年三月十二日');
    for (const [kind, needles] of [
      [
        'acceptance_notice',
        ['受理通知书', '劳动报酬、经济补偿争议一案', '决定予以受理', '四十五日', '聊城市劳动人事争议仲裁委员会二〇二六年三月四日'],
      ],
      ['respond_notice', ['应诉通知书', '十日内向本委提交答辩书', '反申请', '聊城市劳动人事争议仲裁委员会二〇二六年三月四日']],
    ] as const) {
      const text = await one(c, a.tokens.clerk, { kind });
      for (const n of needles) expect(text, `${kind}: ${n}`).toContain(n);
    }
    const rej = await registerCase(t, a);
    await ev(rej, a.tokens.clerk, 'REJECT', '2026-03-04', { reason: '申请人的请求不属于劳动人事争议' });
    const rn = await one(rej, a.tokens.clerk, { kind: 'rejection_notice' });
    expect(rn).toContain('可以就该劳动争议事项向人民法院提起诉讼');
    expect(rn).toContain('聊城市劳动人事争议仲裁委员会二〇二六年三月四日');
  });

  it('decisions are dated the day of their act, never the day printed', async () => {
    const { c, arb } = await toHeard();
    await ev(c, a.tokens.chair, 'SUSPEND', '2026-03-30', { reason: '等待工伤认定结论', ground: 'appraisal' });
    await ev(c, a.tokens.chair, 'RESUME', '2026-04-02');
    await ev(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', '2026-04-05', { days: 15, reason: '案情复杂' });
    // Printed on 2026-11-20: the decisions still read March and April.
    const suspension = await one(c, a.tokens.chair, { kind: 'decision', matter: 'suspension' });
    expect(suspension).toContain('决定本案自二〇二六年三月三十日起中止审理');
    expect(suspension).toContain('聊城市劳动人事争议仲裁委员会二〇二六年三月三十日');
    expect(suspension).not.toContain('十一月');
    const extension = await one(c, a.tokens.chair, { kind: 'decision', matter: 'extension' });
    expect(extension).toContain('因案情复杂，依照《中华人民共和国劳动争议调解仲裁法》第四十三条第一款之规定');
    // Accepted 2026-03-04: 45 days → 04-18 (Saturday) → 04-20; extended from the 45th day by 15 → Sunday 05-03 → 05-06.
    expect(extension).toContain('延长十五日，延长后的审理期限至二〇二六年五月六日届满。');
    expect(extension).toContain('二〇二六年四月五日');
    await ev(c, a.tokens.chair, 'SUSPEND', '2026-04-08', { reason: '申请人住院治疗', ground: 'other' });
    const first = await one(c, a.tokens.chair, { kind: 'decision', matter: 'suspension', occurrence: 1 });
    expect(first).toContain('二〇二六年三月三十日');
    const second = await one(c, a.tokens.chair, { kind: 'decision', matter: 'suspension' });
    expect(second).toContain('因申请人住院治疗');
    expect(second).toContain('二〇二六年四月八日');
    const none = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'suspension', occurrence: 3 });
    expect(none.status).toBe(409);
    await ev(c, a.tokens.chair, 'RESUME', '2026-04-09');
    await issue(c, arb, granted(c, ['1000.00', '1000.00']), { defenseSummary: '不同意' });
    const noDate = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'correction', body: '笔误' });
    expect(noDate.status).toBe(422);
    expect(noDate.body.field).toBe('decidedOn');
    const future = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'correction', body: '笔误', decidedOn: '2026-12-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('decidedOn');
    const correction = await one(c, arb.token, {
      kind: 'decision',
      matter: 'correction',
      body: '第一项中“2025年10月”应为“2025年9月”。',
      decidedOn: '2026-04-20',
    });
    expect(correction).toContain('本委于二〇二六年四月十日作出的');
    expect(correction).toContain('决定补正如下');
    expect(correction).toContain('二〇二六年四月二十日');
  });

  it('termination decision dated the termination', async () => {
    const c = await registerCase(t, a);
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
    await ev(c, a.tokens.chair, 'TERMINATE', '2026-05-06', { reason: '人民法院已受理当事人因逾期未作出裁决提起的诉讼' });
    const text = await one(c, a.tokens.chair, { kind: 'decision', matter: 'termination' });
    expect(text).toContain(
      '因人民法院已受理当事人因逾期未作出裁决提起的诉讼，依照《劳动人事争议仲裁办案规则》第四十八条之规定，决定本案终止审理',
    );
    expect(text).toContain('二〇二六年五月六日');
  });

  it("an amount written into a claim's text is not printed twice (支付拖欠工资8000元8000.00元), nor contradicted", async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '8000.00', description: '支付拖欠工资8000元' },
        { category: 'economic_compensation', amount: '12000.00', description: '支付解除劳动合同经济补偿金共计人民币1.2万元整' },
      ],
    });
    const { c, arb } = await toHeard(body);
    await issue(
      c,
      arb,
      [
        { claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' },
        { claimId: c.claims[1]?.id, outcome: 'partly', amount: '6000.00' },
      ],
      { defenseSummary: '不同意申请人的请求' },
    );
    const text = await one(c, arb.token, { kind: 'award' });
    expect(text).not.toMatch(/8000元8|1\.2万元整6/);
    expect(text).toContain('支付拖欠工资，8000.00元');
    expect(text).toMatch(/向申请人[^，。]*支付拖欠工资8000\.00元/);
    expect(text).toMatch(/向申请人[^，。]*支付解除劳动合同经济补偿金6000\.00元/);
  });

  it('the tribunal notice names who sits and the right to ask for recusal, dated the formation (LDMAL Arts. 31–33)', async () => {
    const c = await registerCase(t, a);
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
    const early = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'tribunal_notice' });
    expect(early.status).toBe(409);
    const [x, y, z] = a.arbitrators;
    await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [x?.id, y?.id, z?.id], presidingId: x?.id });
    const text = await one(c, a.tokens.clerk, { kind: 'tribunal_notice' });
    expect(text).toContain('仲裁庭组成通知书');
    expect(text).toMatch(
      /依照《中华人民共和国劳动争议调解仲裁法》第三十一条、第三十二条之规定，本委决定本案组成仲裁庭，由.+担任首席仲裁员，.+、.+担任仲裁员。/,
    );
    expect(text).toContain('有权以口头或者书面方式申请其回避');
    expect(text).toContain('二〇二六年三月五日');
    const arbitrator = await t.api(x?.token as string).post(`/api/cases/${c.id}/documents`, { kind: 'tribunal_notice' });
    expect(arbitrator.status).toBe(403);
  });

  it('after a recusal granted by DECIDE_RECUSAL the tribunal notice is dated the replacement; the history names the tribunal as formed, then the replacement (an outside tester, M1)', async () => {
    const c = await registerCase(t, a);
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
    const [x, y] = a.arbitrators as [Arb, Arb];
    const formed = await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [x.id], presidingId: x.id });
    const xName = formed.tribunal.arbitrators[0].displayName as string;
    await ev(c, a.tokens.clerk, 'APPLY_RECUSAL', '2026-03-09', {
      partyId: c.respondents[0]?.id,
      target: { kind: 'arbitrator', userId: x.id },
      ground: 'relationship',
      reason: '仲裁员与申请人代理人系同学',
    });
    const r = await ev(c, a.tokens.chair, 'DECIDE_RECUSAL', '2026-03-11', { result: 'granted', decidedBy: 'chair', replacementId: y.id });
    const yName = r.tribunal.arbitrators[0].displayName as string;
    expect(yName).not.toBe(xName);
    const notice = await one(c, a.tokens.clerk, { kind: 'tribunal_notice' });
    expect(notice).toContain('二〇二六年三月十一日');
    expect(notice).not.toContain('二〇二六年三月五日');
    expect(notice).toContain(`因原仲裁员回避，本委决定本案由仲裁员${yName}独任仲裁。`);
    // The mediation document's history: the tribunal as formed on 03-05, then the replacement on 03-11.
    await ev(c, y.token, 'SCHEDULE_HEARING', '2026-03-12', { hearingOn: '2026-03-25', place: '第一仲裁庭' });
    await ev(c, y.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true });
    await ev(c, y.token, 'START_MEDIATION', '2026-03-26');
    await ev(c, y.token, 'MEDIATION_AGREED', '2026-03-27', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' });
    const doc = await one(c, y.token, { kind: 'mediation_document' });
    expect(doc).toContain(
      `本委依法指定仲裁员${xName}独任仲裁。本委于二〇二六年三月十一日决定仲裁员${xName}回避，由${yName}担任本案独任仲裁员。`,
    );
  });

  it('a case handled simply is told so, and its conversion to the ordinary procedure has its notice (Rules Arts. 56, 61)', async () => {
    const c = await registerCase(t, a, standardApplication({ procedure: 'simple' }));
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
    const accepted = await one(c, a.tokens.clerk, { kind: 'acceptance_notice' });
    expect(accepted).toContain('四、本案依照《劳动人事争议仲裁办案规则》第五十六条至第六十条的规定简易处理');
    expect(accepted).toContain('调解书、裁决书除外');
    // The respondent is told too (Rules Art. 56), in the notice to respond.
    expect(await one(c, a.tokens.clerk, { kind: 'respond_notice' })).toContain(
      '五、本案依照《劳动人事争议仲裁办案规则》第五十六条至第六十条的规定简易处理',
    );
    const [x] = a.arbitrators;
    await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [x?.id], presidingId: x?.id });
    expect(await one(c, a.tokens.clerk, { kind: 'tribunal_notice' })).toMatch(
      /受理，并依照《劳动人事争议仲裁办案规则》第五十六条的规定简易处理。.*独任仲裁/,
    );
    // Not converted yet: no such notice (409), and nothing of it to serve (400).
    const early = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'conversion_notice' });
    expect(early.status).toBe(409);
    // What may be served is what the record has made (the SERVE list offers only these).
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.servable as string[];
    expect(before).toEqual(expect.arrayContaining(['acceptance_notice', 'respond_notice', 'tribunal_notice', 'decision', 'other']));
    for (const none of ['conversion_notice', 'award', 'hearing_notice', 'claims_change_copy', 'addition_notice', 'mediation_document'])
      expect(before).not.toContain(none);
    const serveEarly = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      document: 'conversion_notice',
      partyId: c.respondents[0]?.id,
      method: 'direct',
      occurredOn: '2026-03-10',
    });
    expect(serveEarly.status).toBe(400);
    await ev(c, x?.token as string, 'CONVERT_TO_ORDINARY', '2026-03-10', { reason: '案情复杂，需要进行鉴定' });
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(v.proceedings.conversion).toEqual({ on: '2026-03-10', reason: '案情复杂，需要进行鉴定' });
    expect(v.servable).toContain('conversion_notice');
    const text = await one(c, x?.token as string, { kind: 'conversion_notice' });
    expect(text).toContain('转为一般程序处理通知书');
    expect(text).toContain('本委于二〇二六年三月四日受理后简易处理。因案情复杂，需要进行鉴定，本案不宜简易处理');
    expect(text).toContain('自二〇二六年三月十日起转为按照一般程序处理');
    expect(text).toContain('本案审理期限仍自受理之日起计算');
    // Served like any notice, no earlier than it was made.
    const served = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      document: 'conversion_notice',
      partyId: c.respondents[0]?.id,
      method: 'direct',
      occurredOn: '2026-03-11',
    });
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(text).toContain('依照《劳动人事争议仲裁办案规则》第六十一条之规定');
    // A case converted before the context recorded it: its notice is made from the history's conversion.
    const row = await t.db.knex('cases').where({ id: c.id }).first('snapshot');
    const snap = JSON.parse(row.snapshot);
    delete snap.context.conversion;
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ snapshot: JSON.stringify(snap) });
    expect(await one(c, x?.token as string, { kind: 'conversion_notice' })).toContain('自二〇二六年三月十日起转为按照一般程序处理');
    // The acceptance and tribunal notices, printed again, say how the case stood at their acts (formed 03-05, converted
    // 03-10): a document is the record at its act.
    expect(await one(c, a.tokens.clerk, { kind: 'acceptance_notice' })).toContain('简易处理');
    expect(await one(c, a.tokens.clerk, { kind: 'tribunal_notice' })).toContain('第五十六条的规定简易处理');
  });

  it('a withdrawal and a deemed withdrawal each have their decision, dated the closure (domain.md §§10.1–10.2)', async () => {
    const c = await registerCase(t, a);
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
    const early = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'withdrawal' });
    expect(early.status).toBe(409);
    await ev(c, a.tokens.clerk, 'WITHDRAW', '2026-03-20', { reason: '双方已自行和解' });
    const text = await one(c, a.tokens.chair, { kind: 'decision', matter: 'withdrawal' });
    expect(text).toContain('本委于二〇二六年三月四日受理。申请人于二〇二六年三月二十日以双方已自行和解为由申请撤回仲裁申请。');
    expect(text).toContain('本委决定：准许申请人撤回仲裁申请。');
    expect(text).not.toContain('反申请');
    expect(text).toContain('二〇二六年三月二十日');

    const { c: d, arb } = await caseAt(t, a, 'hearing_scheduled');
    await ev(d, a.tokens.clerk, 'SERVE', '2026-03-10', {
      document: 'hearing_notice',
      partyId: d.applicants[0]?.id,
      method: 'direct',
      servedOn: '2026-03-10',
    });
    await ev(d, arb.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: false, respondentPresent: true });
    const wrong = await t.api(arb.token).post(`/api/cases/${d.id}/documents`, { kind: 'decision', matter: 'deemed_withdrawal' });
    expect(wrong.status).toBe(409);
    // The reason repeats the fixed wording: printed once, not as "无正当理由拒不到庭（申请人经书面通知无正当理由拒不到庭）".
    await ev(d, arb.token, 'DEEM_WITHDRAWN', '2026-03-26', { reason: '申请人经书面通知无正当理由拒不到庭。' });
    const deemed = await one(d, arb.token, { kind: 'decision', matter: 'deemed_withdrawal' });
    expect(deemed).toContain('于二〇二六年三月二十五日开庭审理。申请人张三于二〇二六年三月十日收到开庭通知，无正当理由拒不到庭。');
    expect(deemed).not.toContain('（申请人');
    expect(deemed).toContain(
      '依照《中华人民共和国劳动争议调解仲裁法》第三十六条第一款、《劳动人事争议仲裁办案规则》第三十九条之规定，本案按撤回仲裁申请处理。',
    );
    expect(deemed).toContain('二〇二六年三月二十六日');
  });

  it('advance execution: the amount granted, who pays whom by when; the transfer letter dated the transfer, with a contact', async () => {
    const { c, arb } = await toHeard();
    await ev(c, arb.token, 'ADVANCE_EXECUTION', '2026-03-26', {
      claimIds: [c.claims[0]?.id],
      rightsClear: true,
      lifeSeriouslyAffected: true,
      amounts: [{ claimId: c.claims[0]?.id, amount: '5000.00' }],
      paymentDays: 7,
    });
    const ruling = await one(c, arb.token, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain(
      '一、被申请人聊城某某机械有限公司于本裁决书送达之日起七日内先行向申请人张三支付2025年10月至12月工资5000.00元（人民币伍仟元整）。',
    );
    expect(ruling).toContain('权利义务关系明确，不先予执行将严重影响申请人的生活');
    expect(ruling).not.toContain('12000.00');
    expect(ruling).toContain('二〇二六年三月二十六日');
    // A letter needs a recorded transfer.
    const early = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'court_transfer_letter' });
    expect(early.status).toBe(409);
    // Not before the ruling is served on the respondent: the package holds its proof of service.
    const unserved = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'TRANSFER_TO_COURT',
      occurredOn: '2026-03-27',
      purpose: 'advance_execution',
      court: '聊城市东昌府区人民法院',
    });
    expect(unserved.status).toBe(422);
    expect(unserved.body.rule).toBe('advance-execution-not-served');
    await ev(c, a.tokens.clerk, 'SERVE', '2026-03-27', {
      document: 'advance_execution_ruling',
      partyId: c.respondents[0]?.id,
      method: 'direct',
    });
    await ev(c, a.tokens.clerk, 'TRANSFER_TO_COURT', '2026-03-27', { purpose: 'advance_execution', court: '聊城市东昌府区人民法院' });
    const letter = await one(c, a.tokens.clerk, { kind: 'court_transfer_letter' });
    for (const n of [
      '移送函',
      '聊城市东昌府区人民法院：',
      '先予执行裁决书',
      '送达回证',
      '联系人：',
      '联系电话：0635-8888888。',
      '二〇二六年三月二十七日',
    ])
      expect(letter, n).toContain(n);
  });

  it('advance execution recorded before its term was required (a legacy event without paymentDays): printed, no term invented', async () => {
    const { c, arb } = await toHeard();
    await ev(c, arb.token, 'ADVANCE_EXECUTION', '2026-03-26', {
      claimIds: [c.claims[0]?.id],
      rightsClear: true,
      lifeSeriouslyAffected: true,
      amounts: [{ claimId: c.claims[0]?.id, amount: '5000.00' }],
      paymentDays: 7,
    });
    // The ruling as an older version stored it: no paymentDays in the case's context (the history is append-only).
    const row = await t.db.knex('cases').where({ id: c.id }).first('snapshot');
    const snap = JSON.parse(row.snapshot);
    delete snap.context.advanceExecutions[0].paymentDays;
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ snapshot: JSON.stringify(snap) });
    const ruling = await one(c, arb.token, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain('一、被申请人聊城某某机械有限公司先行向申请人张三支付2025年10月至12月工资5000.00元（人民币伍仟元整）。');
    expect(ruling).not.toContain('送达之日起');
  });

  it('advance execution on the applicant’s application: its day recorded and printed, not after the ruling nor before the case (LDMAL Art. 44; an outside tester)', async () => {
    const { c, arb } = await toHeard();
    const base = {
      claimIds: [c.claims[0]?.id],
      rightsClear: true,
      lifeSeriouslyAffected: true,
      amounts: [{ claimId: c.claims[0]?.id, amount: '5000.00' }],
      paymentDays: 7,
    };
    const post = (appliedOn: string) =>
      t.api(arb.token).post(`/api/cases/${c.id}/events`, { type: 'ADVANCE_EXECUTION', occurredOn: '2026-03-26', ...base, appliedOn });
    const late = await post('2026-03-27');
    expect([late.status, late.body.rule], JSON.stringify(late.body)).toEqual([422, 'advance-execution-applied-after']);
    const early = await post('2026-03-01');
    expect([early.status, early.body.rule]).toEqual([422, 'advance-execution-applied-before-case']);
    const r = await post('2026-03-20');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.proceedings.advanceExecutions[0]).toMatchObject({ appliedOn: '2026-03-20', ruledOn: '2026-03-26' });
    const ruling = await one(c, arb.token, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain('申请人于二〇二六年三月二十日向仲裁庭申请先予执行。');
    expect(ruling).not.toContain('审理中，申请人向仲裁庭申请先予执行');
  });

  it('the mediation document: the history (receipt, tribunal, hearing), 案由, the agreement', async () => {
    const { c, arb } = await toHeard();
    await ev(c, arb.token, 'START_MEDIATION', '2026-03-26');
    await ev(c, arb.token, 'MEDIATION_AGREED', '2026-03-27', {
      terms: '被申请人于2026年4月10日前支付申请人工资10000元。',
      amount: '10000.00',
    });
    const text = await one(c, arb.token, { kind: 'mediation_document' });
    for (const n of [
      '劳动报酬、经济补偿争议一案，本委于二〇二六年三月二日收到仲裁申请，于二〇二六年三月四日依法受理',
      '本委依法指定仲裁员',
      '仲裁庭于二〇二六年三月二十五日公开开庭审理了本案，申请人、被申请人均到庭参加仲裁活动',
      '双方当事人自愿达成如下协议',
      '被申请人于2026年4月10日前支付申请人工资10000元。',
      '二〇二六年三月二十七日',
    ])
      expect(text, n).toContain(n);
  });

  it('the 书记员 of a document is the clerk who handles the case, not the mediator who referred the application', async () => {
    const m = (
      await t
        .api(a.tokens.mediator)
        .post('/api/cases', application({ track: 'mediation', receivedOn: '2026-03-02', applicants: [worker('钱七', 331)] }))
        .expect(201)
    ).body as { id: number };
    await ev(m, a.tokens.mediator, 'MEDIATION_FAILED', '2026-03-05', { reason: '被申请人不同意支付' });
    const referred = (await ev(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', '2026-03-05')) as { linkedCaseId: number };
    const c = { id: referred.linkedCaseId };
    await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-06');
    const arbId = a.ids.arbitrator;
    await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-06', { arbitratorIds: [arbId], presidingId: arbId });
    await ev(c, a.tokens.arbitrator, 'START_MEDIATION', '2026-03-09');
    await ev(c, a.tokens.arbitrator, 'MEDIATION_AGREED', '2026-03-10', { terms: '被申请人于2026年3月20日前支付申请人工资8000元。' });
    const text = await one(c, a.tokens.arbitrator, { kind: 'mediation_document' });
    expect(text).toContain('书记员clerk（测试）');
    expect(text).not.toContain('mediator（测试）');
  });

  it('a mediation before arbitration: a 调解协议书 with the signature lines and LDMAL Arts. 14-16, not a 仲裁调解书', async () => {
    const m = (
      await t
        .api(a.tokens.mediator)
        .post('/api/cases', application({ track: 'mediation', receivedOn: '2026-03-02', applicants: [worker('吴六', 321)] }))
        .expect(201)
    ).body as { id: number };
    // Not before the agreement; and the arbitration kind is refused for this track whatever its state.
    expect((await t.api(a.tokens.mediator).post(`/api/cases/${m.id}/documents`, { kind: 'mediation_agreement' })).status).toBe(409);
    await ev(m, a.tokens.mediator, 'MEDIATION_AGREED', '2026-03-10', { terms: '被申请人于2026年3月20日前支付申请人工资12000元。' });
    const text = await one(m, a.tokens.mediator, { kind: 'mediation_agreement' });
    for (const n of [
      '调解协议书',
      '申请人吴六与被申请人',
      // Dates in Chinese numerals, as in every other document (the agreement's own terms are the parties' words).
      '于二〇二六年三月二日申请调解',
      '经调解，双方当事人自愿达成如下协议',
      '被申请人于2026年3月20日前支付申请人工资12000元。',
      '经调解员签名并加盖调解组织印章后生效',
      '第十五条',
      '申请支付令',
      '吴六（签名或者盖章）',
      '聊城某某机械有限公司（签名或者盖章）',
      // No mediator formally assigned: the mediator who recorded the agreement signs (reviewer docs42 M8).
      '调解员mediator（测试）',
      '二〇二六年三月十日',
    ])
      expect(text.replace(/\s/g, ''), n).toContain(n.replace(/\s/g, ''));
    expect(text).not.toContain('仲裁调解书');
    // Sealed by the mediation organization by hand after the parties sign: never printed under the commission's seal.
    const listed = (await t.api(a.tokens.mediator).get(`/api/cases/${m.id}/documents`)).body as { id: number; kind: string }[];
    const agreement = listed.find((x) => x.kind === 'mediation_agreement');
    expect(imageCount(await download(agreement?.id as number))).toBe(0);
    const wrong = await t.api(a.tokens.mediator).post(`/api/cases/${m.id}/documents`, { kind: 'mediation_document' });
    expect([wrong.status, wrong.body.detail]).toEqual([
      409,
      '案前调解达成的协议制作调解协议书（劳动争议调解仲裁法第十四条），不制作仲裁调解书',
    ]);
    // The kind belongs to the mediator of the case; an arbitrator's mediation inside arbitration keeps its 仲裁调解书.
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${m.id}/documents`, { kind: 'mediation_agreement' })).status).toBe(403);
  });

  it('a draft carries 草稿 and the seal placeholder; an issued copy carries the configured seal image and no placeholder', async () => {
    const { c, arb } = await toHeard();
    await issue(c, arb, granted(c, ['100.00', '100.00']), { defenseSummary: '不同意' });
    const draft = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', draft: true });
    expect(draft.status).toBe(201);
    expect(draft.body.title).toBe('仲裁裁决书（草稿）');
    const draftBytes = await download(draft.body.id);
    expect(pdfText(draftBytes)).toContain('草稿');
    expect(pdfText(draftBytes)).toContain('（印章）');
    expect(pdfText(draftBytes)).not.toContain('本件与原本核对无异');
    expect(imageCount(draftBytes)).toBe(0);
    const issued = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    const issuedBytes = await download(issued.body.id);
    expect(pdfText(issuedBytes)).not.toContain('（印章）');
    expect(imageCount(issuedBytes)).toBe(1);
    // The same bytes every time.
    expect((await download(issued.body.id)).equals(issuedBytes)).toBe(true);
  });

  it('refusals: award before the award event 409, missing arbitrator text 422, a glyph the font lacks 422, wrong role 403', async () => {
    const { c, arb } = await toHeard(standardApplication({ applicants: [worker('张𠀀', 302)] }));
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(409);
    await t.api(arb.token).post(`/api/cases/${c.id}/events`, {
      type: 'ISSUE_AWARD',
      occurredOn: '2026-04-10',
      items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '100.00' })),
    });
    const noText = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(noText.status).toBe(422);
    expect(noText.body.field).toBe('facts');
    const glyph = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'award', facts: '查明', reasoning: '认为', defenseSummary: '不同意' });
    expect(glyph.status).toBe(422);
    expect(glyph.body.characters).toEqual(['𠀀']);
    expect(glyph.body.detail).toContain('U+20000');
    // The clerk prints an issued award to serve it (app/policy.ts ISSUED_DOCUMENT_ROLES) but writes none of it: the text
    // the arbitrator has not yet written is asked of the arbitrator (422), and text of the clerk's own is refused (403).
    const clerkPrint = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(clerkPrint.status).toBe(422);
    expect(clerkPrint.body).toMatchObject({ rule: 'text-from-arbitrator', field: 'facts' });
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'award', facts: '查明' })).status).toBe(403);
    expect((await t.api(a.tokens.mediator).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(403);
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'poster' })).status).toBe(400);
    expect((await t.api(a.tokens.chair).get('/api/documents/999999')).status).toBe(404);
  });

  it('registration: an unknown ownership type is a 400 naming the field', async () => {
    const r = await t
      .api(a.tokens.clerk)
      .post('/api/cases', standardApplication({ respondents: [{ ...employer(), ownership: 'martian' }] }));
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('respondents.0.ownership');
  });

  it('is never stale on arrival: an event committed while it renders makes it render again; twice answers 409', async () => {
    // The seam: the use case opens its unit of work through the injected `transact` once rendering is done. Here that
    // first applies an event (as another user would, committing while the PDF was being rendered).
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const arb = a.arbitrators[0] as Arb;
    const actor: Actor = { id: arb.id, role: 'arbitrator', displayName: '仲裁员' };
    const scheduled = async () => {
      const c = await registerCase(t, a);
      await ev(c, a.tokens.clerk, 'ACCEPT', '2026-03-04');
      await ev(c, a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb.id], presidingId: arb.id });
      await ev(c, arb.token, 'SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' });
      return c;
    };
    const postpone = (c: { id: number }, hearingOn: string) =>
      ev(c, arb.token, 'POSTPONE_HEARING', '2026-03-12', { hearingOn, reason: '仲裁员因公出差', requestedBy: 'tribunal' });
    const racing = (moves: ((n: number) => Promise<unknown>) | null): { transact: Transact; calls: () => number } => {
      let n = 0;
      return {
        transact: async (fn) => {
          n++;
          if (moves) await moves(n);
          return inTransaction(deps, fn);
        },
        calls: () => n,
      };
    };

    const c = await scheduled();
    const once = racing((n) => (n === 1 ? postpone(c, '2026-03-31') : Promise.resolve()));
    const r = await generateDocument(deps, actor, c.id, { kind: 'hearing_notice' }, once.transact);
    expect(once.calls()).toBe(2);
    const [doc] = r.documents;
    const text = pdfText(await download(doc?.id as number));
    expect(text).toContain('改期于二〇二六年三月三十一日');
    expect(text).not.toContain('定于二〇二六年三月二十五日在第一仲裁庭');
    const now = (await t.api(arb.token).get(`/api/cases/${c.id}`)).body;
    expect(doc?.caseVersion).toBe(now.version);
    const history = (await t.api(arb.token).get(`/api/cases/${c.id}/events`)).body as { type: string }[];
    expect(history.filter((e) => e.type === 'GENERATE_DOCUMENT')).toHaveLength(1);

    // The case moves again while the notice renders the second time: 409, nothing stored, nothing in the history.
    const c2 = await scheduled();
    const twice = racing((n) => postpone(c2, n === 1 ? '2026-03-31' : '2026-04-08'));
    const refused = await generateDocument(deps, actor, c2.id, { kind: 'hearing_notice' }, twice.transact).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 409, extra: { rule: 'case-moved-during-generation' } });
    expect((await t.api(arb.token).get(`/api/cases/${c2.id}/documents`)).body).toEqual([]);
    const h2 = (await t.api(arb.token).get(`/api/cases/${c2.id}/events`)).body as { type: string }[];
    expect(h2.some((e) => e.type === 'GENERATE_DOCUMENT')).toBe(false);
  });

  it('every document above, regenerated a month later without resending its text, reads the same', async () => {
    expect(generated.length).toBeGreaterThan(15);
    t.clock.set('2026-12-20T02:00:00Z');
    // The latest document of each request: a hearing notice printed before a postponement is superseded by the
    // notice of the postponement (the record moved on); everything else is the record as it stands.
    const latest = new Map<string, (typeof generated)[number]>();
    for (const g of generated)
      latest.set(`${g.caseId} ${JSON.stringify({ ...g.body, facts: 0, reasoning: 0, defenseSummary: 0, legalBasis: 0 })}`, g);
    for (const g of latest.values()) {
      // Only the selectors are sent again: the arbitrator's text comes from what the last generation recorded.
      const { facts: _f, reasoning: _r, defenseSummary: _d, legalBasis: _l, ...selectors } = g.body;
      const again = await t.api(g.token).post(`/api/cases/${g.caseId}/documents`, selectors);
      expect(again.status, JSON.stringify(g.body)).toBe(201);
      const texts = [];
      for (const d of again.body.documents as { id: number }[]) texts.push(pdfRaw(await download(d.id)));
      expect(texts, JSON.stringify(g.body)).toEqual(g.texts);
    }
  });
});
