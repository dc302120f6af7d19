import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, hasText, signIn } from '../helpers/case-fixtures.ts';
import type { Actors } from '../helpers/procedure.ts';

/**
 * s62 E in Chromium (an outside walk of 追加当事人): the dialog offers the grounds of the side chosen only (LDMAL Arts.
 * 22–23; Rules Arts. 6–7) and clears a ground that no longer fits (#1); it asks an organization its 用人单位类型 — of
 * one added as a respondent before it is sent, as registration does — and the case then shows it (#3).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-12-07T02:00:00Z' },
);

/** The choices a select offers now (not hidden nor disabled, not the placeholder). */
type Option = { value: string; hidden: boolean; disabled: boolean };
const offered = (sel: Locator) =>
  sel.evaluate((el) =>
    Array.from((el as unknown as { options: ArrayLike<Option> }).options)
      .filter((o) => o.value !== '' && !o.hidden && !o.disabled)
      .map((o) => o.value),
  );

describe('s62 E 追加当事人 (Chromium)', () => {
  it('追加为 decides the 追加理由 offered; an organization is asked its 用人单位类型, required of a respondent, and shown', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '追加当事人或第三人', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const side = dlg.getByRole('combobox', { name: '追加为', exact: true });
    const ground = dlg.getByRole('combobox', { name: '追加理由', exact: true });

    // 第三人: only the third party's grounds (LDMAL Art. 23) and 其他.
    await side.selectOption('third_party');
    await expect.poll(() => offered(ground)).toEqual(['interested_third_party', 'other']);
    // 共同被申请人: the parties' grounds (LDMAL Art. 22; Rules Arts. 6–7) and 其他.
    await side.selectOption('respondent');
    await expect.poll(() => offered(ground)).toEqual(['co_respondent', 'dispatch', 'unlicensed_employer', 'contractor', 'other']);
    // A ground chosen, then the side changed: the ground no longer fitting is cleared.
    await ground.selectOption('dispatch');
    await side.selectOption('third_party');
    await expect.poll(() => ground.inputValue()).toBe('');
    await side.selectOption('respondent');
    await ground.selectOption('dispatch');

    // 用人单位类型 is asked of an organization, not of a person.
    const ownership = dlg.locator('[data-path="party.ownership"]');
    const kind = dlg.getByRole('combobox', { name: '类型', exact: true });
    await kind.selectOption('person');
    await expect.poll(() => ownership.isVisible()).toBe(false);
    await kind.selectOption('organization');
    await expect.poll(() => ownership.isVisible()).toBe(true);
    await dlg.getByLabel('名称/姓名').fill('聊城市恒远劳务派遣有限公司');
    await dlg.getByLabel('法定代表人/主要负责人（单位）').fill('王五');

    // Left empty for an added respondent: asked before anything is sent.
    await dlg.getByRole('button', { name: /…$/ }).click();
    await hasText(dlg.locator('[data-error-for="party.ownership"]'), '请选择用人单位类型');
    expect(await page.locator('dialog.confirm[open]').count()).toBe(0);
    await ownership.selectOption('joint_stock');
    await dlg.getByRole('button', { name: /…$/ }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: /^确认/ }).click();
    await page.locator('dialog.confirm[open]').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { respondents: Record<string, unknown>[] };
        return v.respondents.find((p) => p.name === '聊城市恒远劳务派遣有限公司') ?? null;
      })
      .toMatchObject({ ownership: 'joint_stock', legalRepresentative: '王五' });
    // The case shows it (not 未登记).
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('main'), '股份制企业');
  });
});
