import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, eventually, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * s64 C (a new user's walk) in Chromium — the act dialogs:
 * #1 先予执行 (LDMAL Art. 44): a claim ticked without its amount — the server's error about the list (`amounts`) is
 *    said under that claim's 先予执行金额 box, marked and focused; the banner never shows the server's key;
 * #2 作出裁决: an item without its required 裁决依据 says why under the field, not only a red outline;
 * #3 增加、变更或放弃仲裁请求: a claim given up earlier is not offered again (Rules Art. 44; the server's 422
 *    claim-already-withdrawn); the 变更的请求 table fits a 390×844 phone (no column cut at the dialog's edge);
 * #4 the hearing dialog of a simple case says the commission's rule in a clerk's words, not the setting's.
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
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const events = async (id: number, type: string) =>
  ((await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as { type: string }[]).filter((e) => e.type === type);
const open = async (id: number, who: string, act: string, phone = false) => {
  await signIn(page, base, who);
  // The phone's width once signed in (its menu is folded away there).
  if (phone) await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
  await actButton(act).click();
  await dialog().waitFor();
  return dialog();
};

describe('s64 C (Chromium): the act dialogs', () => {
  it('#1 先予执行: a ticked claim without its amount is said under its box, focused; no server key in the banner', async () => {
    const { c } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('先予无额', 641)] }) });
    const dlg = await open(c.id, 'arb-li', '先予执行裁决');
    await dlg.getByLabel('申请人申请先予执行日期').fill('2026-04-01');
    await dlg.locator('label.check.item', { hasText: '解除劳动合同经济补偿' }).locator('input').check();
    const amount = dlg.getByLabel('第2项先予执行金额');
    await amount.waitFor();
    await dlg.getByLabel('履行期限（日）').fill('5');
    await dlg.getByLabel('权利义务关系明确').check();
    await dlg.getByLabel('不先予执行将严重影响申请人生活').check();
    await dlg.getByRole('button', { name: '先予执行裁决…' }).click();
    // The server's refusal, placed at the box: its words under it, the box marked and focused.
    const slot = dlg.locator(`[data-error-for="${await amount.getAttribute('data-path')}"]`);
    await hasText(slot, '须写明准予先予执行的金额（劳动争议调解仲裁法第四十四条）');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.evaluate((el) => el.classList.contains('invalid'))).toBe(true);
    await eventually(async () => expect(await amount.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true));
    // Nothing is left in the banner naming the list by its key (nor anywhere in the dialog).
    expect(await dlg.textContent()).not.toContain('amounts');
    expect(await dlg.locator('.form-alert').textContent()).not.toContain('须写明准予先予执行的金额');
    expect(await ask().count()).toBe(0);
    expect(await events(c.id, 'ADVANCE_EXECUTION')).toHaveLength(0);
    // Typed, the error goes and the ruling is asked about.
    await amount.fill('3000');
    expect((await slot.textContent()) ?? '').toBe('');
    await dlg.getByRole('button', { name: '先予执行裁决…' }).click();
    await ask().waitFor();
    await hasText(ask(), '先予执行金额：第2项 3,000.00 元');
  });

  it('#2 作出裁决: an item granted without a 裁决依据 to suggest says why under the field', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('无依据', 642)],
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'other', description: '出具解除劳动合同证明' },
        ],
      }),
    });
    const dlg = await open(c.id, 'arb-li', '作出裁决');
    await dlg.getByLabel('第1项裁决结果').selectOption('dismissed');
    const previewed = page.waitForResponse((r) => r.url().includes('/award-preview') && r.status() === 200);
    await dlg.getByLabel('第2项裁决结果').selectOption('granted');
    await previewed;
    await dlg.locator('[data-path="defenseSummary"]').fill('被申请人认为无需出具。');
    await dlg.locator('[data-path="facts"]').fill('申请人于2023年3月入职，2025年12月31日劳动合同解除。');
    await dlg.locator('[data-path="reasoning"]').fill(REASONING);
    const basis = dlg.getByLabel('第2项裁决依据');
    expect(await basis.inputValue()).toBe('');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    const path = await basis.getAttribute('data-path');
    await hasText(dlg.locator(`[data-error-for="${path}"]`), '请写明第2项的裁决依据（本项没有可建议的法律条文）');
    expect(await basis.getAttribute('aria-invalid')).toBe('true');
    await eventually(async () => expect(await basis.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true));
    expect(await ask().count()).toBe(0);
    // Written, the error goes.
    await basis.fill('《中华人民共和国劳动合同法》第五十条');
    expect((await dlg.locator(`[data-error-for="${path}"]`).textContent()) ?? '').toBe('');
  });

  it('#3 变更仲裁请求: a claim given up is not offered again; the change table fits a 390×844 phone', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({
        applicants: [worker('再放弃', 643)],
        receivedOn: '2026-03-02',
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
          { category: 'wages', amount: '3000.00', description: '延时加班工资' },
        ],
      }),
    });
    const overtime = (c.claims as { id: number }[])[2]?.id as number;
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [overtime] }, '2026-03-10');
    try {
      const dlg = await open(c.id, 'clerk', '增加、变更或放弃仲裁请求', true);
      const givenUp = dlg.locator('fieldset', { hasText: '放弃的请求' }).locator('label.check.item', { hasText: '延时加班工资' });
      await givenUp.waitFor();
      expect(await givenUp.locator('input').isDisabled()).toBe(true);
      await hasText(givenUp, '已放弃');
      const still = dlg.locator('fieldset', { hasText: '放弃的请求' }).locator('label.check.item', { hasText: '解除劳动合同经济补偿' });
      expect(await still.locator('input').isDisabled()).toBe(false);
      // A click on it ticks nothing.
      await givenUp.click({ force: true });
      expect(await givenUp.locator('input').isChecked()).toBe(false);

      // At phone width every 变更后的内容 box is inside the dialog, its full width visible.
      const words = dlg.getByLabel('第2项变更后的内容');
      await words.scrollIntoViewIfNeeded();
      const box = await dlg.boundingBox();
      const w = await words.boundingBox();
      const table = await dlg.locator('table.claim-changes').boundingBox();
      expect(box && w && table).toBeTruthy();
      if (!box || !w || !table) return;
      expect(w.x).toBeGreaterThanOrEqual(box.x);
      expect(w.x + w.width).toBeLessThanOrEqual(box.x + box.width);
      expect(table.x + table.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(w.width).toBeGreaterThan(200);
      // Nothing in the table's box scrolls sideways.
      const scrolls = await dlg
        .locator('table.claim-changes')
        .evaluate((el) =>
          el.closest('.table-scroll') ? el.closest('.table-scroll').scrollWidth > el.closest('.table-scroll').clientWidth + 1 : false,
        );
      expect(scrolls).toBe(false);
      await page.screenshot({ path: join(process.cwd(), 'artifacts', 'screenshots', 's64-change-claims-390.png') });
      // Typing in it works at that width; the confirmation repeats it.
      await words.fill('支付违法解除劳动合同赔偿金');
      await dlg.getByRole('button', { name: '确定…', exact: true }).click();
      await ask().waitFor();
      await hasText(ask(), '第2项内容变更为“支付违法解除劳动合同赔偿金”');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('#4 排期开庭 of a simple case: the hint says the commission’s rule plainly', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ procedure: 'simple', applicants: [worker('简易提示', 644)] }),
    });
    const dlg = await open(c.id, 'arb-li', '排期开庭');
    await hasText(dlg, '本委规定简易处理也须提前5个工作日通知的，开庭日期不足5个工作日将不予记录');
    expect(await dlg.textContent()).not.toContain('本委设定');
  });
});
