import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import type { Actors } from '../helpers/procedure.ts';

/**
 * Round s62 (helper C) in Chromium: #1 Enter in a single-line field of an act form does what the act's button does —
 * it opens the CONFIRMATION, and records nothing until that is confirmed with its own button; a held (repeating) Enter
 * presses nothing in the confirmation, whose focus starts on 返回修改; a textarea's Enter is a new line. #2 延长审理期限
 * once extended (LDMAL Art. 43(1): once, by no more than 15 days) is shown disabled with the server's reason, not
 * dropped from the acts without a word. The server's today is 2026-04-01; accepted 03-04, the award limit is 04-20.
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
const focused = () => page.evaluate('document.activeElement?.textContent');

describe('s62 C (Chromium)', () => {
  it('#1 Enter in a text field opens the confirmation and records nothing until confirmed; #2 then 延长审理期限 is shown disabled with its reason', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    await actButton('延长审理期限').click();
    await dialog().waitFor();
    const days = dialog().getByLabel('延长天数');
    const reason = dialog().getByLabel('延期理由（经仲裁委主任批准）');

    // A textarea's Enter is a new line: no confirmation.
    await reason.fill('案情复杂');
    await reason.press('End');
    await reason.press('Enter');
    await reason.type('需调取社保记录');
    expect(await reason.inputValue()).toBe('案情复杂\n需调取社保记录');
    await sleep(300);
    expect(await ask().count()).toBe(0);

    // Enter in an empty required text field: what the button does — the field's error, no confirmation.
    await days.press('Enter');
    await eventually(async () =>
      expect(((await dialog().locator('[data-error-for="days"]').textContent()) ?? '').length).toBeGreaterThan(0),
    );
    expect(await ask().count()).toBe(0);

    // Filled in, Enter (held down: the key repeats) opens the confirmation — one — and records nothing.
    await days.fill('10');
    await days.focus();
    await page.keyboard.down('Enter');
    await ask().waitFor();
    await hasText(ask(), '确认延长审理期限');
    await hasText(ask().locator('.consequence'), '第四十三条');
    // Its focus starts on 返回修改, never on the confirm button; the repeating Enter presses nothing there.
    expect(await focused()).toBe('返回修改');
    await page.keyboard.down('Enter');
    await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    await sleep(500);
    expect(await page.locator('dialog.confirm[open]').count()).toBe(1);
    expect(await events(c.id, 'EXTEND_TIME_LIMIT')).toHaveLength(0);

    // A fresh Enter presses 返回修改: back to the form, what was typed kept, nothing recorded.
    await page.keyboard.press('Enter');
    await ask().waitFor({ state: 'detached' });
    expect(await dialog().count()).toBe(1);
    expect(await days.inputValue()).toBe('10');
    expect(await events(c.id, 'EXTEND_TIME_LIMIT')).toHaveLength(0);

    // Enter again, then the deliberate click on the confirm button: recorded once.
    await days.press('Enter');
    const sure = ask().getByRole('button', { name: '确认延长审理期限' });
    await sure.waitFor();
    expect(await events(c.id, 'EXTEND_TIME_LIMIT')).toHaveLength(0);
    await sure.click();
    await dialog().waitFor({ state: 'detached' });
    await eventually(async () => expect(await events(c.id, 'EXTEND_TIME_LIMIT')).toHaveLength(1));

    // #2: the extension is no longer among the acts offered — it is shown disabled, with the server's reason.
    await hasText(page.locator('.flash'), '延长审理期限');
    expect(await actButton('延长审理期限').count()).toBe(0);
    const held = page.getByRole('group', { name: '暂不能办理（原因见下）' }).getByRole('button', { name: '延长审理期限', exact: true });
    await held.waitFor();
    expect(await held.getAttribute('aria-disabled')).toBe('true');
    const why = page.locator(`#${(await held.getAttribute('aria-describedby')) ?? 'none'}`);
    await hasText(why, '延长审理期限：');
    await hasText(why, '本期审理期限已于 2026-04-01 延长10日，延长只能批准一次');
    await hasText(why, '《劳动争议调解仲裁法》第四十三条');
    expect(await page.getByRole('list', { name: '暂不能办理的操作' }).locator('li').allTextContents()).toContain(
      (await why.textContent()) ?? '',
    );
    // Pressed (by mouse or keyboard), it opens nothing (`force`: Playwright itself does not click an aria-disabled button).
    await held.click({ force: true });
    await held.focus();
    await page.keyboard.press('Enter');
    await sleep(300);
    expect(await dialog().count()).toBe(0);
    expect(await ask().count()).toBe(0);
    expect(await events(c.id, 'EXTEND_TIME_LIMIT')).toHaveLength(1);
    // s62 (a new user's walk): the clerk, who cannot extend, is not told why the chair cannot — a precondition of the case
    // is explained only to the act's doer (blocked.precondition); the clerk's page lists no such reason.
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await page.getByRole('group', { name: '可办理的操作' }).waitFor();
    const lines = await page.getByRole('list', { name: '暂不能办理的操作' }).locator('li').allTextContents();
    expect(lines.filter((l) => l.startsWith('延长审理期限'))).toEqual([]);
    expect(await page.getByRole('group', { name: '暂不能办理（原因见下）' }).count()).toBe(0);
  });
});
