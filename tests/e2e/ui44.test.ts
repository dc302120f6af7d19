import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { type BrowserRig, browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, samplePayload, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui44 (a new user's walk) in Chromium: two tabs holding the same registration draft register it once (H1);
 * serving a document never generated is asked about (M1); the analyst's case page reads the employer type, a withheld
 * field says so (M3); 补正决定日期 only with a correction decision (M4); on a phone the claims and the award's items are
 * cards (L5); 延长天数 takes full-width digits (L7); the respondent's name field is wide enough for its name (L8).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
let rig: BrowserRig;
browserSuite((s) => {
  ({ t, a, base, page, rig } = s);
});

const clearDrafts = (p: Page = page) =>
  p.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
const newestId = async () => (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.items[0]?.id as number;
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });

/** A registration typed in `p` until its draft is saved in this browser. */
async function fillRegistration(p: Page, n: number) {
  await p.goto(`${base}/#/cases/new`);
  await p.getByLabel('收到申请日期').fill('2026-03-20');
  await p.getByLabel('管辖地区').selectOption('东昌府区');
  const respondent = p.locator('[data-party="respondents.0"]');
  await respondent.getByLabel('名称').fill(`聊城某某${n}号劳务有限公司`);
  await respondent.getByLabel('用人单位类型').selectOption('private');
  await p.locator('[data-party="applicants.0"]').getByLabel('姓名').fill(`王${n}槌`);
  const claim = p.locator('[data-claim="claims.0"]');
  await claim.getByLabel('请求类别').selectOption('wages');
  await claim.getByLabel('请求内容').fill('支付2025年10月至12月工资');
  await claim.getByLabel('金额（元）').fill('12000');
  await hasText(p.locator('[data-draft-status]'), '草稿已自动保存在本机');
}

describe('ui44 (Chromium)', () => {
  it('H1 a draft open in two tabs is registered once: the other tab is told, and its 登记 answers the first case', async () => {
    await signIn(page, base, 'clerk');
    await clearDrafts();
    await fillRegistration(page, 1);
    const tab2 = await rig.context.newPage();
    tab2.on('pageerror', (e) => {
      throw e;
    });
    try {
      await tab2.goto(`${base}/#/cases/new`);
      await hasText(tab2.locator('main'), '保存在本机的草稿');
      expect(await tab2.locator('[data-party="applicants.0"]').getByLabel('姓名').inputValue()).toBe('王1槌');

      await page.getByRole('button', { name: '登记仲裁申请' }).click();
      await hasText(page.locator('main'), '已登记');
      const first = await newestId();
      // The other tab is told before it submits, with a link to the case.
      const note = tab2.locator('[data-other-tab] .alert');
      await hasText(note, '此申请已在另一窗口登记为');
      expect(await note.locator('a').getAttribute('href')).toBe(`#/cases/${first}`);
      // Its 登记 anyway: the server answers the first case (same key, same content); nothing is registered again.
      await tab2.getByRole('button', { name: '登记仲裁申请' }).click();
      await hasText(tab2.locator('[data-other-tab] .alert'), '本窗口未再次登记');
      expect(await newestId()).toBe(first);
      expect(tab2.url()).toContain('#/cases/new');

      // Changed in the other tab after the first registered it: the same key with another content — said in Chinese.
      await clearDrafts();
      await fillRegistration(page, 2);
      await tab2.goto(`${base}/#/cases`);
      await tab2.goto(`${base}/#/cases/new`);
      await hasText(tab2.locator('main'), '保存在本机的草稿');
      await page.getByRole('button', { name: '登记仲裁申请' }).click();
      await hasText(page.locator('main'), '已登记');
      const second = await newestId();
      expect(second).not.toBe(first);
      await hasText(tab2.locator('[data-other-tab] .alert'), '此申请已在另一窗口登记为');
      await tab2.locator('[data-claim="claims.0"]').getByLabel('金额（元）').fill('13000');
      await tab2.getByRole('button', { name: '登记仲裁申请' }).click();
      await hasText(tab2.locator('[data-other-tab] .alert.bad'), '本窗口的内容与当时登记的内容不同，本窗口未再次登记');
      expect(await tab2.locator('[data-other-tab] .alert.bad').textContent()).not.toMatch(/Idempotency|422/);
      expect(await newestId()).toBe(second);
      // Truly another application: registered as one of its own.
      await tab2.getByRole('button', { name: '作为新申请登记' }).first().click();
      await tab2.getByRole('button', { name: '登记仲裁申请' }).click();
      await hasText(tab2.locator('main'), '已登记');
      expect(await newestId()).toBeGreaterThan(second);
    } finally {
      await tab2.close();
      await clearDrafts();
    }
  });

  it('M1 serving a document not generated yet is asked about: 本案尚未生成《受理通知书》', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已受理');
    // L2: the button's tooltip names no empty date.
    expect(await actButton('送达').getAttribute('title')).not.toMatch(/送交日期\s+为/);
    await actButton('送达').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    // L4: the hint names the dialog's own date field.
    await hasText(dlg, '不填则为送交日期');
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('acceptance_notice');
    await dlg
      .getByRole('combobox', { name: '受送达人', exact: true })
      .selectOption({ label: `申请人：${(c.applicants[0] as { name?: string } | undefined)?.name}` });
    await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await dlg.getByRole('button', { name: '确定' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '本案尚未生成《受理通知书》');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: /放弃/ }).click();
    await clearDrafts();
  });

  it('M3 the analyst reads the employer type; a field withheld says （无权查看）, not 未登记', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [worker('李四', 901)],
        respondents: [{ ...employer('聊城某某劳务有限公司'), ownership: 'private' }],
      }),
    );
    await signIn(page, base, 'analyst');
    await page.goto(`${base}/#/cases/${c.id}`);
    const party = page.locator('.party').filter({ hasText: '聊城某某劳务有限公司' });
    await hasText(party, '私营企业');
    expect(await party.textContent()).not.toContain('未登记');
    await hasText(party, '（无权查看）');
  });

  it('M4 补正决定日期 shows only with a correction decision', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#decided-on').waitFor({ state: 'attached' });
    expect(await page.locator('#decided-on').isVisible()).toBe(false);
    expect(await page.getByText('补正决定日期').isVisible()).toBe(false);
  });

  it('L7 延长天数 typed with full-width digits is read as the number', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已受理');
    await actButton('延长审理期限').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const days = dlg.getByLabel('延长天数');
    expect(await days.getAttribute('inputmode')).toBe('numeric');
    await days.focus();
    await page.keyboard.insertText('１０');
    expect(await days.inputValue()).toBe('10');
    await dlg.getByLabel('延期理由（经仲裁委主任批准）').fill('仍需调取证据');
    await dlg.getByRole('button', { name: '延长审理期限…' }).click();
    await page.locator('dialog.confirm[open]').waitFor();
    expect(await dlg.locator('[data-error-for="days"]').textContent()).toBe('');
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '返回修改' }).click();
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: /放弃/ }).click();
    await clearDrafts();
  });

  it('L6 请求类别 is chosen, not defaulted to 劳动报酬; 拖欠工资 without a wage claim is asked about', async () => {
    await signIn(page, base, 'clerk');
    await clearDrafts();
    await page.goto(`${base}/#/cases/new`);
    await page.getByLabel('收到申请日期').fill('2026-03-20');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    const respondent = page.locator('[data-party="respondents.0"]');
    await respondent.getByLabel('名称').fill('聊城某某劳务有限公司');
    await respondent.getByLabel('用人单位类型').selectOption('private');
    await page.locator('[data-party="applicants.0"]').getByLabel('姓名').fill('赵六');
    const claim = page.locator('[data-claim="claims.0"]');
    expect(await claim.getByLabel('请求类别').inputValue()).toBe('');
    await claim.getByLabel('请求内容').fill('支付解除劳动合同经济补偿');
    await claim.getByLabel('金额（元）').fill('8000');
    const before = await newestId();
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(claim.locator('[data-error-for="claims.0.category"]'), '请选择请求类别');
    expect(await newestId()).toBe(before);
    await claim.getByLabel('请求类别').selectOption('economic_compensation');
    await page.getByLabel('拖欠工资（农民工工资优先）').check();
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '没有劳动报酬请求');
    await ask.getByRole('button', { name: '返回修改' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await newestId()).toBe(before);
    await page.getByLabel('拖欠工资（农民工工资优先）').uncheck();
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('main'), '已登记');
    const c = (await t.api(a.tokens.clerk).get(`/api/cases/${await newestId()}`)).body;
    expect(c.claims.map((x: { category: string }) => x.category)).toEqual(['economic_compensation']);
  });

  it('L8 on a desktop the respondent’s 名称 shows 「聊城某某劳务有限公司」 whole', async () => {
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/new`);
    const name = page.locator('[data-party="respondents.0"]').getByLabel('名称');
    await name.fill('聊城某某劳务有限公司');
    // The input's inner width holds the name as drawn in its font (a canvas measures it), and it is not the row's narrowest.
    const m = (await page.evaluate(`(() => {
      const el = document.querySelector('[data-path="respondents.0.name"]');
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = cs.font;
      const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const others = [...el.closest('.row').querySelectorAll('input[type=text], select')].filter((x) => x !== el).map((x) => x.clientWidth);
      return { inner, text: ctx.measureText(el.value).width, narrowest: Math.min(...others), width: el.clientWidth };
    })()`)) as { inner: number; text: number; narrowest: number; width: number };
    const fits = m.inner >= m.text && m.width >= m.narrowest;
    expect(fits).toBe(true);
    await clearDrafts();
  });

  it('L5 at 390 px the claims’ 裁决 and the award dialog’s items are read without sideways scrolling', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const { ok } = caseEvents(() => t);
    await ok(c, arb.token, 'ISSUE_AWARD', samplePayload('ISSUE_AWARD', c, [arb.id], '2026-03-26'), '2026-03-26');
    const { c: other, arb: otherArb } = await caseAt(t, a, 'heard');
    // Signed in on a desktop (the phone's menu is folded away), then read on a phone.
    const onPhone = async (user: string) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await signIn(page, base, user);
      await page.setViewportSize({ width: 390, height: 844 });
    };
    try {
      await onPhone('clerk');
      await page.goto(`${base}/#/cases/${c.id}`);
      const table = page.locator('#sec-claims table.t');
      await hasText(table, '终局');
      // The table's scrolling box does not scroll, and no cell reaches past the screen's right edge.
      const fitsIn = (sel: string): Promise<{ scrolls: boolean; right: number }> =>
        page.evaluate(`(() => {
          const box = document.querySelector(${JSON.stringify(sel)})?.closest('.table-scroll');
          const cells = [...document.querySelectorAll(${JSON.stringify(`${sel} td`)})].map((td) => td.getBoundingClientRect().right);
          return { scrolls: box ? box.scrollWidth > box.clientWidth + 1 : false, right: Math.max(...cells) };
        })()`);
      let r = await fitsIn('#sec-claims table.t');
      expect(r.scrolls).toBe(false);
      expect(r.right).toBeLessThanOrEqual(390);
      expect(await table.locator('td[data-label="裁决"]').first().isVisible()).toBe(true);

      const arbName = a.arbitrators.findIndex((x) => x.id === otherArb.id);
      await onPhone(['arb-li', 'arb-wang', 'arb-zhao'][arbName] as string);
      await page.goto(`${base}/#/cases/${other.id}`);
      await actButton('作出裁决').click();
      const dlg = page.locator('dialog.act[open]');
      await dlg.waitFor();
      await dlg.getByLabel('第1项裁决结果').selectOption('granted');
      r = await fitsIn('dialog.act[open] table.t.award');
      expect(r.scrolls).toBe(false);
      expect(r.right).toBeLessThanOrEqual(390);
      await dlg.getByRole('button', { name: '取消' }).click();
      const ask = page.locator('dialog.confirm[open]');
      if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: /放弃/ }).click();
      await clearDrafts();
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
