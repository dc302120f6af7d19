import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, caseEvents, eventually, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Tester LOW-2 in Chromium: the ACCEPT dialog of an application the registration found to repeat an earlier case shows
 * the earlier case and asks for the statement that it is not the same matter (Rules Art. 34); without it the server's
 * refusal is shown at the box; with it and a reason the acceptance is recorded with them.
 */
let t: TestApp;
let a: Actors;
let rig: BrowserRig;
let base: string;
let page: Page;
const { ok } = caseEvents(() => t);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { DUPLICATE_ACCEPT_CONFIRMATION: 'true' } });
  a = await createActors(t);
  rig = await openBrowser(t);
  ({ base, page } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
});

describe('the ACCEPT dialog of a duplicate application (Chromium)', () => {
  it('shows the earlier case, refuses without the statement, accepts with it and its reason', async () => {
    const body = standardApplication({ applicants: [worker('重复甲', 811)], respondents: [employer('聊城某某重复有限公司')] });
    const first = await registerCase(t, a, body);
    await ok(first, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const second = await registerCase(t, a, { ...body, receivedOn: '2026-03-05' });
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${second.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '受理', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await eventually(async () => expect(await dlg.locator('fieldset.duplicate-check').textContent()).toContain('仍在仲裁程序中'));
    await dlg.getByLabel('受理日期').fill('2026-03-06');
    await dlg.getByRole('button', { name: '受理…' }).click();
    // The server's refusal (the preview) at the box.
    await eventually(async () => expect(await dlg.locator('[data-error-for="notSameMatter"]').textContent()).toContain('不予受理'));
    await dlg.getByLabel('经核对，本申请与上述在先案件不属于同一争议，予以受理').check();
    await dlg.getByRole('button', { name: '受理…' }).click();
    await eventually(async () => expect(await dlg.locator('[data-error-for="reason"]').textContent()).not.toBe(''));
    await dlg.getByLabel('不属于同一争议的理由').fill('前案为2025年工资，本案为2026年工资');
    await dlg.getByRole('button', { name: '受理…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认受理' }).click();
    await eventually(async () => expect(await page.locator('.case-head').first().textContent()).toContain('已受理'));
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${second.id}/events`)).body as { type: string; payload: object }[];
    expect(history.find((e) => e.type === 'ACCEPT')?.payload).toMatchObject({
      notSameMatter: true,
      reason: '前案为2025年工资，本案为2026年工资',
    });
  }, 60_000);
});
