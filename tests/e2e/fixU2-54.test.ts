import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui54b fixes in Chromium: serving the 调解书 says it records the delivery only — the signature is 签收调解书
 * (LDMAL Art. 42(3); #1); the 调解书's generation confirmation in its own words (#2); a required choice's error goes as
 * it is answered (#3); a document left with no day typed names its deemed day, and no 签收人 box (#4).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
const TERMS = '被申请人于2026年4月30日前支付申请人工资8000元';

/** A heard case whose parties agreed on 03-26 (the suite's today is 04-01). */
async function agreed(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(name, seq)] }) });
  await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
  await ok(c, arb.token, 'MEDIATION_AGREED', { terms: TERMS }, '2026-03-26');
  return { c, arb };
}

describe('fixU2-54 (Chromium)', () => {
  it('#1 serving the 调解书 with a 签收人 says it records the delivery only and points to 签收调解书', async () => {
    const { c, arb } = await agreed('徐伟', 541);
    await issueMediationDocument(t, arb.token, c);
    await openCase(c.id, 'clerk');
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('mediation_document');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption(String(c.applicants[0]?.id));
    await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await dlg.locator('[data-path="servedOn"]').fill('2026-03-27');
    await dlg.getByLabel('签收人', { exact: true }).fill('徐伟');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    const said = ask().locator('.consequence');
    await hasText(said, '本次只登记调解书的送达，不登记当事人签收调解书');
    await hasText(said, '签收人“徐伟”是本次送交的签收');
    await hasText(said, '第四十二条第三款');
    await hasText(said, '“签收调解书”');
    await hasText(said, '拒绝签收');
    await ask().getByRole('button', { name: '确认送达' }).click();
    await dlg.waitFor({ state: 'detached' });
    await hasText(page.locator('main'), '本次只登记了送达');
    await hasText(page.locator('main'), '签收调解书后，请办理“签收调解书”登记其签收');
    // Nothing signed: the case still waits for the signatures.
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(v.proceedings.mediation?.signatures ?? []).toHaveLength(0);
  });

  it('#2 generating the 调解书 is confirmed in its own words: the agreement, LDMAL Art. 42, 申请人/被申请人, no Art. 54', async () => {
    const { c } = await agreed('调解乙', 542);
    await openCase(c.id, 'arb-li');
    await page.getByLabel('文书种类').selectOption('mediation_document');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await ask().waitFor();
    const body = ask();
    await hasText(body, '生成“仲裁调解书”正式文本（原件）？');
    await hasText(body.locator('.original-what'), '正文：按本案记录的调解协议（双方当事人协议的内容）');
    await hasText(body.locator('.original-what'), '（申请人调解乙');
    await hasText(body.locator('.original-what'), '，被申请人');
    await hasText(body.locator('.reprint-note'), '经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条）');
    const all = (await body.textContent()) ?? '';
    expect(all).not.toContain(' 诉 ');
    expect(all).not.toContain('第五十四条');
    expect(all).not.toContain('事实、理由和依据');
    await body.getByRole('button', { name: '取消' }).click();
    await ask().waitFor({ state: 'detached' });
  });

  it('#3 a required 到庭 choice left unanswered: its error and aria-invalid go as soon as it is answered', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled', { body: standardApplication({ applicants: [worker('到庭丙', 543)] }) });
    await openCase(c.id, 'arb-li');
    await actButton('开庭审理').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.getByRole('button', { name: '开庭审理…' }).click();
    const applicantError = dlg.locator('[data-error-for="applicantPresent"]');
    const respondentError = dlg.locator('[data-error-for="respondentPresent"]');
    await hasText(applicantError, '请选择');
    await hasText(respondentError, '请选择');
    const group = dlg.getByRole('radiogroup', { name: '申请人是否到庭', exact: true });
    expect(await group.getAttribute('aria-invalid')).toBe('true');
    await group.getByRole('radio', { name: '到庭', exact: true }).check();
    await expect.poll(() => applicantError.textContent()).toBe('');
    expect(await group.getAttribute('aria-invalid')).toBeNull();
    // The other, still unanswered, keeps its error.
    expect(await respondentError.textContent()).toBe('请选择');
    await dlg
      .getByRole('radiogroup', { name: '被申请人是否到庭', exact: true })
      .getByRole('radio', { name: '未到庭', exact: true })
      .check();
    await expect.poll(() => respondentError.textContent()).toBe('');
  });

  it('#4 a document left with no day typed: the confirmation names the deemed day; no 签收人 box for 留置/张贴/公告', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('留置丁', 544)] }) });
    await openCase(c.id, 'clerk');
    await actButton('送达').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('application_copy');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ index: 2 });
    const method = dlg.getByRole('combobox', { name: '送达方式', exact: true });
    await method.selectOption('direct');
    const signer = dlg.getByLabel('签收人', { exact: true });
    await signer.fill('代收人');
    for (const m of ['left', 'posted', 'public_notice']) {
      await method.selectOption(m);
      expect(await signer.isVisible()).toBe(false);
    }
    await method.selectOption('direct');
    expect(await signer.inputValue()).toBe('代收人');
    await method.selectOption('left');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    // The suite's today is 2026-04-01 (Wednesday): three working days after, 04-07 (Qingming 04-04 to 04-06).
    await hasText(ask().locator('.consequence'), '留置之日 2026-04-01，视为送达日期 ');
    expect(await ask().locator('.consequence').textContent()).not.toContain('依法计算');
    expect(await ask().textContent()).not.toContain('签收人');
    await ask().getByRole('button', { name: '返回修改' }).click();
  });

  it('#5 after an award: 支付 for a money item; a dismissed item counted final says so with its reason', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('支付戊', 545)] }) });
    const items = [
      { claimId: c.claims[0]?.id, outcome: 'granted', amount: '1000.00' },
      { claimId: c.claims[1]?.id, outcome: 'dismissed' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: '申请人入职被申请人处。', reasoning: '依法应当支付工资。' }, '2026-03-30');
    await openCase(c.id, 'clerk');
    const summary = page.locator('.award-summary');
    await hasText(summary, '支付：2025年10月至12月工资');
    expect(await summary.textContent()).not.toContain('支付/履行');
    const dismissed = page.locator('tr', { hasText: '解除劳动合同经济补偿' }).locator('td[data-label="裁决"]');
    await hasText(dismissed, '计为终局');
    await hasText(dismissed.locator('.fin-reason'), '该项请求被驳回');
  });

  it('#6 the award form asks for its preview only once the answered items can be judged: no 400s while typing', async () => {
    const { c } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('预览己', 546)] }) });
    const refused: number[] = [];
    const asked: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/award-preview')) {
        asked.push(r.url());
        if (r.status() >= 400) refused.push(r.status());
      }
    });
    await openCase(c.id, 'arb-li');
    await actButton('作出裁决').click();
    const dlg = dialog();
    await dlg.waitFor();
    // 部分支持 of a wage claim without its amount, then more than claimed: nothing the server would refuse is asked.
    await dlg.getByLabel('第1项裁决结果').selectOption('partly');
    await sleep(600);
    await hasText(dlg, '第1项的裁决金额填写完整后，显示裁决性质');
    await dlg.getByLabel('第1项裁决金额').fill('99999');
    await sleep(600);
    expect(asked).toHaveLength(0);
    await dlg.getByLabel('第1项裁决金额').fill('1000');
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    await hasText(dlg.locator('.final-yes'), '终局');
    expect(refused).toEqual([]);
  });
});
