import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import type { Actors } from '../helpers/procedure.ts';

/**
 * Round ui54 fixes in Chromium: 排期开庭 is recorded only through a confirmation that names the day, time, place, the
 * parties to be notified and the written notice five working days ahead (LDMAL Art. 35; #1); 首席/独任仲裁员 filled in
 * for one arbitrator, an error beside it when several are ticked and none is chosen (#2); the new user's initial
 * password hidden with a 显示/隐藏 toggle (#3); registration drafts dropped past their life on page load, whoever's
 * (#4).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});

const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const events = async (caseId: number, type: string) =>
  ((await t.api(t.adminToken).get(`/api/cases/${caseId}/events`)).body as { type: string }[]).filter((e) => e.type === type);
// Accepted 03-30: the award limit (45 days) is 05-14 — a hearing on Tuesday 04-21 draws no warning of its own.
const LATE_ACCEPTANCE = { acceptOn: '2026-03-30', formOn: '2026-03-31' };

/** The page's storage, inside functions `page.evaluate` runs in the browser (the project's types have no DOM). */
declare const localStorage: { setItem(key: string, value: string): void; removeItem(key: string): void };

describe('fixU54 (Chromium)', () => {
  it('#1 排期开庭… asks first, naming day, time, place, the parties notified and LDMAL Art. 35; Enter and a double click record nothing twice', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', LATE_ACCEPTANCE);
    const applicant = (c.applicants[0] as unknown as { name: string }).name;
    const respondent = (c.respondents[0] as unknown as { name: string }).name;
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    await actButton('排期开庭').click();
    await dialog().waitFor();
    // The button names the act; no plain 确定; the footer says a confirmation follows.
    const go = dialog().getByRole('button', { name: '排期开庭…', exact: true });
    expect(await go.count()).toBe(1);
    expect(await dialog().getByRole('button', { name: '确定', exact: true }).count()).toBe(0);
    await hasText(dialog().locator('.df'), '记录前会再次确认');
    expect(await dialog().locator('.df').textContent()).not.toContain('确定后即记录');
    await dialog().getByLabel('开庭日期').fill('2026-04-21');
    await dialog().getByLabel('时间').fill('09:30');
    await dialog().getByLabel('地点').fill('第一仲裁庭');
    // Enter in a field records nothing: s62 C #1 — it opens the confirmation, as the button does, focused on 返回修改.
    await dialog().getByLabel('地点').press('Enter');
    await ask().waitFor();
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('返回修改');
    await sleep(300);
    expect(await events(c.id, 'SCHEDULE_HEARING')).toHaveLength(0);
    await ask().getByRole('button', { name: '返回修改' }).click();
    await ask().waitFor({ state: 'detached' });
    // A double click opens one confirmation.
    await go.dblclick();
    await ask().waitFor();
    await sleep(300);
    expect(await page.locator('dialog.confirm[open]').count()).toBe(1);
    const said = ask().locator('.consequence');
    await hasText(said, '将排期开庭：2026-04-21 09:30，地点：第一仲裁庭');
    await hasText(said, `申请人${applicant}`);
    await hasText(said, `被申请人${respondent}`);
    await hasText(said, '开庭五日前');
    await hasText(said, '第三十五条');
    await hasText(said, '按工作日计算');
    // Nothing to warn of on this day: the confirmation is asked anyway.
    expect(await ask().locator('.act-warning').count()).toBe(0);
    await ask().getByRole('button', { name: '返回修改' }).click();
    await ask().waitFor({ state: 'detached' });
    expect(await events(c.id, 'SCHEDULE_HEARING')).toHaveLength(0);
    await go.click();
    const sure = ask().getByRole('button', { name: '确认排期开庭' });
    await sure.waitFor();
    await sure.dblclick();
    await dialog().waitFor({ state: 'detached' });
    await hasText(page.locator('.case-head'), '已排期');
    expect(await events(c.id, 'SCHEDULE_HEARING')).toHaveLength(1);
  });

  it('#1 延期开庭… asks too, naming the new day and the place kept', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled', { ...LATE_ACCEPTANCE, scheduleOn: '2026-03-31', hearingOn: '2026-04-21' });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('延期开庭').click();
    await dialog().waitFor();
    await dialog().getByLabel('新的开庭日期').fill('2026-04-28');
    await dialog().getByLabel('理由').fill('仲裁员临时公务');
    await dialog().getByRole('button', { name: '延期开庭…', exact: true }).click();
    await hasText(ask().locator('.consequence'), '原定 2026-04-21 的开庭不再按期举行');
    await hasText(ask().locator('.consequence'), '地点：第一仲裁庭');
    await hasText(ask().locator('.consequence'), '第三十五条');
    expect(await events(c.id, 'POSTPONE_HEARING')).toHaveLength(0);
    await ask().getByRole('button', { name: '确认延期开庭' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await events(c.id, 'POSTPONE_HEARING')).toHaveLength(1);
  });

  it('#2 one arbitrator ticked fills 首席/独任; several ticked and none chosen is an error beside the field', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('组成仲裁庭').click();
    await dialog().waitFor();
    const boxes = dialog().locator('[data-path="arbitratorIds"] input');
    const presiding = dialog().locator('[data-path="presidingId"]');
    expect(await presiding.inputValue()).toBe('');
    // One ticked: filled in and shown.
    await boxes.nth(0).check();
    const first = await boxes.nth(0).getAttribute('value');
    await eventually(async () => expect(await presiding.inputValue()).toBe(first));
    expect((await presiding.locator('option:checked').textContent())?.trim()).not.toBe('（请选择）');
    // Three ticked: none chosen for the person — an error beside the field on 组成仲裁庭….
    await boxes.nth(1).check();
    await boxes.nth(2).check();
    expect(await presiding.inputValue()).toBe('');
    await dialog().getByRole('button', { name: '组成仲裁庭…' }).click();
    await hasText(dialog().locator('[data-error-for="presidingId"]'), '请从已勾选的仲裁员中选择首席仲裁员');
    expect(await ask().count()).toBe(0);
    // Chosen: the confirmation names that one.
    const second = (await boxes.nth(1).getAttribute('value')) as string;
    await presiding.selectOption(second);
    // A choice the person made stays while its arbitrator stays ticked.
    await boxes.nth(2).uncheck();
    await boxes.nth(2).check();
    expect(await presiding.inputValue()).toBe(second);
    await dialog().getByRole('button', { name: '组成仲裁庭…' }).click();
    await ask().waitFor();
    const name = ((await presiding.locator('option:checked').textContent()) ?? '').trim();
    await hasText(ask(), name);
    await ask().getByRole('button', { name: '返回修改' }).click();
    await dialog().getByRole('button', { name: '取消' }).click();
    if (
      await ask()
        .isVisible()
        .catch(() => false)
    )
      await ask().getByRole('button', { name: '放弃并关闭' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await events(c.id, 'FORM_TRIBUNAL')).toHaveLength(0);
  });

  it('#3 新建用户: the initial password is hidden, with a 显示/隐藏 toggle (aria-pressed); #5 the dialog says what it is', async () => {
    await signIn(page, base, 'admin');
    await page.goto(`${base}/#/admin/users`);
    const pw = page.getByLabel('初始密码');
    await pw.waitFor();
    expect(await pw.getAttribute('type')).toBe('password');
    expect(await pw.getAttribute('autocomplete')).toBe('new-password');
    const toggle = page.getByRole('button', { name: '显示', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await pw.getAttribute('type')).toBe('text');
    const hide = page.getByRole('button', { name: '隐藏', exact: true });
    expect(await hide.getAttribute('aria-pressed')).toBe('true');
    const typed = await pw.inputValue();
    expect(typed).toMatch(/^[A-Za-z0-9]{16}$/);
    await hide.click();
    expect(await pw.getAttribute('type')).toBe('password');
    // Created: the dialog says it is the initial password to pass on, changed at the first sign-in.
    await page.getByLabel('用户名').fill('clerk-u54');
    await page.getByLabel('姓名（显示名）').fill('新书记员五四');
    // fixU56 #1: the role starts empty and is chosen.
    await page.locator('select[data-path="role"]').selectOption('clerk');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    const dlg = page.locator('dialog.secret[open]');
    await hasText(dlg, '这是交给该用户的初始密码');
    await hasText(dlg, '首次登录时须改为自己的密码');
    expect(await dlg.textContent()).not.toContain('只显示这一次');
    expect(await dlg.getByTestId('temp-password').textContent()).toBe(typed);
    await dlg.getByLabel('我已记下（或已复制）这个密码').check();
    await dlg.getByRole('button', { name: '已记下' }).click();
    await dlg.waitFor({ state: 'detached' });
    // The next user's form: a fresh password, hidden.
    await eventually(async () => expect(await page.getByLabel('初始密码').getAttribute('type')).toBe('password'));
  });

  it('#4 drafts past their life are dropped on page load, whoever’s; a live one stays; the note says how long', async () => {
    await signIn(page, base, 'clerk');
    const old = new Date(Date.now() - 13 * 3_600_000).toISOString();
    const fresh = new Date(Date.now() - 3_600_000).toISOString();
    await page.evaluate(
      ([o, f]) => {
        const d = (savedAt: string) => JSON.stringify({ savedAt, value: { applicants: [{ idNumber: '110101199003078515' }] } });
        localStorage.setItem('zc.draft.9999.register.arbitration', d(o as string));
        localStorage.setItem('zc.draft.9998.register.arbitration', d(f as string));
        localStorage.setItem('zc.draft.9997.register.arbitration', 'not json');
      },
      [old, fresh],
    );
    await page.reload();
    await page.locator('nav.side').waitFor();
    const left = (await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('zc.draft.')))) as string[];
    expect(left).not.toContain('zc.draft.9999.register.arbitration');
    expect(left).not.toContain('zc.draft.9997.register.arbitration');
    expect(left).toContain('zc.draft.9998.register.arbitration');
    // The registration form's draft note says how long a draft is kept.
    await page.goto(`${base}/#/cases/new`);
    await page.locator('[data-party="applicants.0"]').getByLabel('姓名').fill('草稿甲');
    await hasText(page.locator('[data-draft-status]'), '12小时内未再保存即自动清除');
    await page.evaluate(() => localStorage.removeItem('zc.draft.9998.register.arbitration'));
  });
});
