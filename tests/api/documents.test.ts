import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, type CaseShape, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

let t: TestApp;
let a: Actors;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  a = await createActors(t);
});
afterAll(async () => t?.close());

/** Text of a PDF via poppler's pdftotext, with whitespace removed (Chinese lines wrap anywhere). */
function pdfText(bytes: Buffer): string {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.toString('utf8').replace(/\s+/g, '');
}

async function download(id: number): Promise<Buffer> {
  const r = await t
    .api(a.tokens.clerk)
    .get(`/api/documents/${id}`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/pdf');
  return r.body as Buffer;
}

async function toHeard(body = standardApplication()): Promise<{ c: CaseShape; arb: { id: number; token: string } }> {
  const c = await registerCase(t, a, body);
  const arb = a.arbitrators[0] as { id: number; token: string };
  const ev = (token: string, type: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
    t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...extra });
  expect((await ev(a.tokens.clerk, 'ACCEPT', '2026-03-04')).status).toBe(200);
  expect((await ev(a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb.id], presidingId: arb.id })).status).toBe(200);
  expect((await ev(arb.token, 'SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' })).status).toBe(200);
  expect((await ev(arb.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true })).status).toBe(200);
  return { c, arb };
}

async function issue(c: CaseShape, arb: { token: string }, amounts: [string, string]) {
  const r = await t.api(arb.token).post(`/api/cases/${c.id}/events`, {
    type: 'ISSUE_AWARD',
    occurredOn: '2026-04-10',
    items: [
      { claimId: c.claims[0]?.id, outcome: 'granted', amount: amounts[0] },
      { claimId: c.claims[1]?.id, outcome: 'granted', amount: amounts[1] },
    ],
    facts: '申请人于2023年3月入职被申请人处，月工资4000元，被申请人拖欠其2025年10月至12月工资。',
    reasoning: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe(`documents as Chinese PDFs (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a final award: sections, rights notice, Chinese-numeral date, capital amounts, rare name characters, same bytes', async () => {
    const { c, arb } = await toHeard(standardApplication({ applicants: [worker('欧阳喆垚䶮', 301)] }));
    await issue(c, arb, ['12000.00', '24120.00']);
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'award', title: '仲裁裁决书', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(r.body.documents).toHaveLength(1);
    const bytes = await download(r.body.id);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await download(r.body.id);
    expect(again.equals(bytes)).toBe(true);
    const text = pdfText(bytes);
    for (const s of [
      '聊城市劳动人事争议仲裁委员会',
      '仲裁裁决书',
      '聊劳人仲案字〔2026〕第',
      '申请人：欧阳喆垚䶮',
      '被申请人：聊城某某机械有限公司',
      '统一社会信用代码91371500MA3C7K2L12',
      '申请人请求',
      '经审理查明',
      '本委认为',
      '裁决如下',
      '人民币壹万贰仟元整',
      '人民币贰万肆仟壹佰贰拾元整',
      '本裁决为终局裁决',
      '三十日内向聊城市中级人民法院申请撤销裁决',
      '二〇二六年四月十日',
      '本案现已审理终结',
      '第1页共',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('本裁决为非终局裁决');
    const list = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`)).body;
    expect(list).toEqual([expect.objectContaining({ id: r.body.id, kind: 'award', sha256: r.body.sha256 })]);
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
    expect(history.at(-1)).toMatchObject({ type: 'GENERATE_DOCUMENT', label: '生成文书' });
  });

  it('a mixed award produces two documents, each with its own notice', async () => {
    const { c, arb } = await toHeard();
    await issue(c, arb, ['12000.00', '30000.00']);
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status).toBe(201);
    expect(r.body.documents).toHaveLength(2);
    const [finalDoc, nonFinal] = await Promise.all(r.body.documents.map((d: { id: number }) => download(d.id).then(pdfText)));
    expect(finalDoc).toContain('本裁决为终局裁决');
    expect(finalDoc).toMatch(/第\d+-1号/);
    expect(finalDoc).toContain('人民币壹万贰仟元整');
    expect(finalDoc).not.toContain('人民币叁万元整');
    expect(nonFinal).toContain('本裁决为非终局裁决');
    expect(nonFinal).toContain('十五日内向人民法院提起诉讼');
    expect(nonFinal).toMatch(/第\d+-2号/);
    expect(nonFinal).toContain('人民币叁万元整');
  });

  it('a non-final award says so; a correction is a new document and never overwrites', async () => {
    const { c, arb } = await toHeard();
    await issue(c, arb, ['30000.00', '40000.00']);
    const first = (await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).body;
    expect(pdfText(await download(first.id))).toContain('本裁决为非终局裁决');
    const correction = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'correction', body: '第一项中“2025年10月”应为“2025年9月”。' });
    expect(correction.status).toBe(201);
    const text = pdfText(await download(correction.body.id));
    expect(text).toContain('决定书');
    expect(text).toContain('决定补正如下');
    expect(text).toContain('本决定书自送达之日起生效');
    expect((await download(first.id)).length).toBe(first.size);
  });

  it('the notices carry their required content', async () => {
    const { c, arb } = await toHeard();
    const expectations: [string, string, Record<string, unknown>, string[]][] = [
      ['acceptance_notice', a.tokens.clerk, {}, ['受理通知书', '决定予以受理', '四十五日']],
      ['respond_notice', a.tokens.clerk, {}, ['应诉通知书', '十日内向本委提交答辩书', '反申请']],
      ['hearing_notice', arb.token, {}, ['开庭通知书', '二〇二六年三月二十五日', '第一仲裁庭', '按撤回仲裁申请处理', '缺席裁决']],
    ];
    for (const [kind, token, extra, needles] of expectations) {
      const r = await t.api(token).post(`/api/cases/${c.id}/documents`, { kind, ...extra });
      expect(r.status, `${kind} ${JSON.stringify(r.body)}`).toBe(201);
      const text = pdfText(await download(r.body.id));
      for (const n of needles) expect(text, `${kind}: ${n}`).toContain(n);
    }
    const rej = await registerCase(t, a);
    await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${rej.id}/events`, { type: 'REJECT', reason: '申请人的请求不属于劳动人事争议', occurredOn: '2026-03-04' });
    const rn = await t.api(a.tokens.clerk).post(`/api/cases/${rej.id}/documents`, { kind: 'rejection_notice' });
    expect(pdfText(await download(rn.body.id))).toContain('可以就该劳动争议事项向人民法院提起诉讼');
  });

  it('advance execution ruling and the court transfer letter listing enclosures', async () => {
    const { c, arb } = await toHeard();
    expect(
      (
        await t
          .api(arb.token)
          .post(`/api/cases/${c.id}/events`, { type: 'ADVANCE_EXECUTION', claimIds: [c.claims[0]?.id], occurredOn: '2026-03-26' })
      ).status,
    ).toBe(200);
    const ruling = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'advance_execution_ruling' });
    expect(pdfText(await download(ruling.body.id))).toContain('移送人民法院执行');
    const letter = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, {
      kind: 'court_transfer_letter',
      purpose: 'advance_execution',
      court: '聊城市东昌府区人民法院',
    });
    expect(letter.status).toBe(201);
    const text = pdfText(await download(letter.body.id));
    for (const n of ['移送函', '聊城市东昌府区人民法院：', '先予执行裁决书', '送达回证']) expect(text).toContain(n);
  });

  it('refusals: award before the award event 409, missing arbitrator text 422, a glyph the font lacks 422, wrong role 403', async () => {
    const { c, arb } = await toHeard(standardApplication({ applicants: [worker('张𠀀', 302)] }));
    const early = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(early.status).toBe(409);
    await t.api(arb.token).post(`/api/cases/${c.id}/events`, {
      type: 'ISSUE_AWARD',
      occurredOn: '2026-04-10',
      items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '100.00' })),
    });
    const noText = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(noText.status).toBe(422);
    expect(noText.body.field).toBe('facts');
    const glyph = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', facts: '查明', reasoning: '认为' });
    expect(glyph.status).toBe(422);
    expect(glyph.body.characters).toEqual(['𠀀']);
    expect(glyph.body.detail).toContain('U+20000');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(403);
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'poster' })).status).toBe(400);
    expect((await t.api(a.tokens.analyst).get('/api/documents/999999')).status).toBe(404);
  });
});
