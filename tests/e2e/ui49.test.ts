import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, DEFENSE, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui49 (a new user's walk) in Chromium: a remedy against a partial award names it (H1); reprinting an issued
 * document says so (M2); a service by leaving, posting or notice shows its deemed 送达日期 (M3); and the smaller ones.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-04-20T02:00:00Z' },
);

const { ok } = caseEvents(() => t);
const BASIC = '聊城市东昌府区人民法院';
const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
type Ev = { type: string; occurredOn: string; payload: Record<string, unknown> };
const events = async (id: number, type: string) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as Ev[]).filter((e) => e.type === type);
const openCase = async (id: number, who = 'clerk') => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};

/** A partial award on the worker's first claim made 04-02 and served on all 04-03; the case is still heard. */
async function partialAwardServed(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(name, seq)] }) });
  const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
  await ok(c, arb.token, 'PARTIAL_AWARD', { items, ...text }, '2026-04-02');
  for (const p of [...c.applicants, ...c.respondents] as { id: number }[])
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03', awardOn: '2026-04-02' },
      '2026-04-03',
    );
  return { c, arb, workerId: c.applicants[0]?.id as number };
}

describe('ui49 (Chromium)', () => {
  it('H1 a worker’s suit before the final award is recorded against the partial award, named in the confirmation and on the case page', async () => {
    const { c } = await partialAwardServed('部分甲', 491);
    await openCase(c.id);
    await actButton('登记当事人起诉').click();
    const dlg = dialog();
    await dlg.waitFor();
    const against = dlg.getByRole('combobox', { name: '针对的裁决', exact: true });
    // The only award there is: chosen, and named.
    expect(await against.locator('option').allTextContents()).toEqual([expect.stringContaining('第1件部分裁决（2026-04-02')]);
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-10');
    await dlg.getByRole('combobox', { name: '起诉当事人', exact: true }).selectOption({ index: 1 });
    await dlg.getByRole('textbox', { name: '受理法院', exact: true }).fill(BASIC);
    await dlg.locator('[data-path="filedOn"]').fill('2026-04-10');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '针对的裁决：第1件部分裁决（2026-04-02');
    await ask().getByRole('button', { name: '确认登记当事人起诉' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'RECORD_LAWSUIT');
    expect(e?.payload.partialAward).toBe(1);
    await hasText(page.locator('#sec-proc .partial-remedies'), `2026-04-10 向${BASIC}起诉`);
  });

  it('H1 after the final award the dialog asks which award, （请选择） first, and sends the partial award chosen', async () => {
    const { c, arb } = await partialAwardServed('部分乙', 492);
    const rest = c.claims.slice(1).map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '2000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items: rest, ...text }, '2026-04-08');
    await openCase(c.id);
    await actButton('登记当事人起诉').click();
    const dlg = dialog();
    await dlg.waitFor();
    const against = dlg.getByRole('combobox', { name: '针对的裁决', exact: true });
    expect(await against.inputValue()).toBe('');
    expect(await against.locator('option').allTextContents()).toEqual([
      '（请选择）',
      expect.stringContaining('本案裁决（2026-04-08'),
      expect.stringContaining('第1件部分裁决（2026-04-02'),
    ]);
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-10');
    await dlg.getByRole('combobox', { name: '起诉当事人', exact: true }).selectOption({ index: 1 });
    await dlg.getByRole('textbox', { name: '受理法院', exact: true }).fill(BASIC);
    await dlg.locator('[data-path="filedOn"]').fill('2026-04-10');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await hasText(dlg.locator('[data-error-for="partialAward"]'), '请选择针对的裁决');
    await against.selectOption('1');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '针对的裁决：第1件部分裁决');
    await ask().getByRole('button', { name: '确认登记当事人起诉' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'RECORD_LAWSUIT');
    expect(e?.payload.partialAward).toBe(1);
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(v.state).toBe('award_issued');
  });

  it('M2 an issued award asked for again is a reprint of the original: said so, its button 补打原件, the history says 补打', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('补打甲', 493)] }) });
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, ...text }, '2026-04-08');
    const first = await t.api(arb.token).post(`/api/cases/${c.id}/documents`).send({ kind: 'award' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = (await t.api(arb.token).get(`/api/cases/${c.id}/documents`)).body as { id: number }[];
    await openCase(c.id, 'arb-li');
    await page.getByLabel('文书种类').selectOption('award');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await ask().waitFor();
    await hasText(ask(), '补打“仲裁裁决书”？');
    await hasText(ask(), '再次生成即补打原件（同一文号、同一内容，不产生新的版本）');
    await hasText(ask(), '补正决定书');
    expect(await ask().getByRole('button', { name: '生成新版本' }).count()).toBe(0);
    await ask().getByRole('button', { name: '补打原件' }).click();
    await hasText(page.locator('.flash'), '已补打原件：');
    const after = (await t.api(arb.token).get(`/api/cases/${c.id}/documents`)).body as { id: number }[];
    expect(after.map((d) => d.id)).toEqual(before.map((d) => d.id));
    await hasText(page.locator('#sec-history .generated-what').filter({ hasText: '补打' }), '仲裁裁决书（补打原件）');
    expect(await page.locator('#sec-history .generated-what').filter({ hasText: '补打' }).count()).toBe(1);
  });

  it('M3/L2 a document left at the domicile: the confirmation, the message and the 送达记录 give the deemed 送达日期 and the 留置之日', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('留置甲', 494)] }),
      acceptOn: '2026-04-07',
    });
    await openCase(c.id);
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('application_copy');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ index: 2 });
    const method = dlg.getByRole('combobox', { name: '送达方式', exact: true });
    // L2: a posting's date is the one on its return receipt, said in the confirmation.
    await method.selectOption('post');
    await dlg.locator('[data-path="servedOn"]').fill('2026-04-13');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '送达日期（回执上注明的收件日期）2026-04-13');
    await ask().getByRole('button', { name: '返回修改' }).click();
    await ask().waitFor({ state: 'detached' });
    await method.selectOption('left');
    await hasText(dlg.locator('label[for]').filter({ hasText: '留置之日' }), '留置之日');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '留置之日 2026-04-13，视为送达日期 2026-04-16');
    await hasText(ask(), '留置之日：2026-04-13');
    // ui50 L: one day for the act — the 送交日期 box is put away, the day typed is both.
    await hasText(ask().locator('.act-date'), '送交日期：即留置之日 2026-04-13');
    await ask().getByRole('button', { name: '确认送达' }).click();
    await dlg.waitFor({ state: 'detached' });
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    const s = v.proceedings.services.at(-1);
    expect([s.servedOn, s.publishedOn]).toEqual(['2026-04-16', '2026-04-13']);
    await hasText(page.locator('main'), '送达日期：2026-04-16，留置之日：2026-04-13');
    await hasText(page.locator('#sec-service td.served-on'), '2026-04-16');
    await hasText(page.locator('#sec-service td.served-on'), '留置之日 2026-04-13，视为送达');
  });

  it('M1 a review’s rejection offers the five grounds of Rules Art. 75 only; L8 its withdrawal is 撤回仲裁审查申请', async () => {
    const review = await registerCase(
      t,
      a,
      application({
        track: 'review',
        applicants: [worker('审查乙', 495)],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年3月工资5000元' }],
        receivedOn: '2026-04-15',
        agreement: {
          effectiveOn: '2026-04-10',
          organization: '东昌府区古楼街道劳动争议调解委员会',
          terms: '被申请人于2026年5月30日前支付工资5000元',
        },
      }),
    );
    await openCase(review.id as number);
    const names = await page.getByRole('group', { name: '可办理的操作' }).getByRole('button').allTextContents();
    expect(names).toContain('撤回仲裁审查申请');
    await actButton('仲裁审查申请不予受理').click();
    const dlg = dialog();
    await dlg.waitFor();
    const grounds = dlg.getByRole('combobox', { name: '不予受理事由', exact: true });
    const values = await grounds.locator('option').evaluateAll((os) => os.map((o) => (o as { value: string }).value));
    expect(values).toEqual(['', 'scope', 'jurisdiction', 'late', 'confirms_relationship', 'judicially_confirmed']);
    expect(await grounds.locator('option').allTextContents()).not.toContain('其他');
  });

  it('L1 enforcement offers the entitled side; L3 a partial award’s service is 部分裁决书; L6 the 卷内目录 dates a receipt by its 送达日期', async () => {
    const { c } = await partialAwardServed('部分丙', 496);
    // A receipt entered late: served 03-05, recorded 04-15.
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'acceptance_notice', partyId: c.applicants[0]?.id, method: 'direct', servedOn: '2026-03-05' },
      '2026-04-15',
    );
    await openCase(c.id);
    await hasText(page.locator('#sec-service tbody tr').first(), '部分裁决书');
    await hasText(page.locator('#sec-history .served-what').filter({ hasText: '→' }).first(), '部分裁决书');
    await actButton('登记当事人申请强制执行').click();
    const dlg = dialog();
    await dlg.waitFor();
    const who = await dlg.getByRole('combobox', { name: '申请执行的当事人', exact: true }).locator('option').allTextContents();
    expect(who.filter((x) => x.startsWith('被申请人'))).toEqual([]);
    expect(who.some((x) => x.startsWith('申请人：部分丙'))).toBe(true);
    await dlg.getByRole('button', { name: '取消' }).click();
    await dlg.waitFor({ state: 'detached' });
    await actButton('送达').click();
    await dialog().waitFor();
    // L4: the act's own date is the day the document was sent out, not the day of entry.
    expect(await dialog().getByLabel('送交日期').count()).toBe(1);
    const docs = await dialog().getByRole('combobox', { name: '送达文书', exact: true }).locator('option[value="award"]').allTextContents();
    expect(docs[0]).toContain('部分裁决书');
    await dialog().getByRole('button', { name: '取消' }).click();
    await page.goto(`${base}/#/cases/${c.id}/cover`);
    const rows = page.locator('.cover-index tbody tr');
    await hasText(rows.filter({ hasText: '送达回证（部分裁决书）' }), '2026-04-03');
    expect(await rows.filter({ hasText: '2026-03-05' }).filter({ hasText: '送达回证' }).count()).toBe(1);
    expect(await rows.filter({ hasText: '2026-04-15' }).filter({ hasText: '送达回证' }).count()).toBe(0);
  });

  it('L5 the extension’s confirmation gives its days with the unit', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('延期甲', 497)] }),
      acceptOn: '2026-04-07',
    });
    await openCase(c.id, 'chair');
    await actButton('延长审理期限').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-20');
    await dlg.locator('[data-path="days"]').fill('15');
    await dlg.locator('[data-path="reason"]').fill('案情复杂，需要进一步调查取证');
    await dlg.getByRole('button', { name: '延长审理期限…' }).click();
    await ask().waitFor();
    await hasText(ask(), '延长天数：15日');
  });
});
