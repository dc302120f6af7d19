import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, signIn } from '../helpers/case-fixtures.ts';
import type { Actors } from '../helpers/procedure.ts';

/**
 * s61 (new user's walk #10): the 追加当事人或第三人 dialog asks for an added organization's 法定代表人/主要负责人 and
 * phone, as registration does — the award and the notices name the legal representative (Rules Art. 29).
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

const CHANGE = '增加、变更或放弃仲裁请求';

describe('s61 追加当事人 (Chromium)', () => {
  it('an added co-respondent organization is recorded with its legal representative and phone', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '追加当事人或第三人', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '追加为', exact: true }).selectOption('respondent');
    await dlg.getByRole('combobox', { name: '追加理由', exact: true }).selectOption('dispatch');
    await dlg.getByRole('combobox', { name: '类型', exact: true }).selectOption('organization');
    await dlg.getByLabel('名称/姓名').fill('聊城市恒信劳务派遣有限公司');
    await dlg.getByLabel('法定代表人/主要负责人（单位）').fill('王五');
    await dlg.getByLabel('联系电话').fill('0635-8123456');
    // s62 E #3: an organization added as a respondent is asked its 用人单位类型, as at registration.
    await dlg.locator('[data-path="party.ownership"]').selectOption('private');
    await dlg.getByRole('button', { name: /…$/ }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: /^确认/ }).click();
    await page.locator('dialog.confirm[open]').waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { respondents: Record<string, unknown>[] };
        return v.respondents.find((p) => p.name === '聊城市恒信劳务派遣有限公司') ?? null;
      })
      .toMatchObject({ legalRepresentative: '王五', phone: '0635-8123456', ownership: 'private' });
  });

  it('the change of claims says that the waiver of the new answer period is every respondent’s (Rules Art. 44)', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: CHANGE, exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await expect
      .poll(() => dlg.locator('.bool-field').filter({ hasText: '被申请人明确放弃新的答辩期' }).textContent())
      .toContain('须全体被申请人均明确放弃');
    await dlg.getByRole('button', { name: '取消' }).click();
  });
});
