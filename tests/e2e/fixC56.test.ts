import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, caseEvents, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixC56 in Chromium: the chair's 更正日期 next to a resumption in 办理记录 — the new date and reason, then a
 * confirmation naming the act, the old and the new date and the effect; the correction is shown in the history.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});
const { ok } = caseEvents(() => t);

describe('fixC56 (Chromium)', () => {
  it('the chair corrects a resumption date from the history, confirming act, dates and effect', async () => {
    const c = (await registerCase(t, a, standardApplication({ receivedOn: '2026-03-03' }))) as CaseView;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-10');
    await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-03-20' }, '2026-03-20');
    const resume = ((await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { seq: number; type: string }[]).find(
      (e) => e.type === 'RESUME',
    ) as { seq: number };
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    const button = page.getByTestId(`correct-date-${resume.seq}`);
    await button.click();
    const dlg = page.locator('dialog.confirm[open]');
    await dlg.locator('input[type=date]').fill('2026-03-19');
    await dlg.locator('textarea').fill('恢复审理决定书落款为3月19日');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await hasText(page.locator('dialog.confirm[open] .correct-date-what'), '2026-03-20');
    const what = await page.locator('dialog.confirm[open] .correct-date-what').textContent();
    expect(what).toContain('恢复审理');
    expect(what).toContain('2026-03-19');
    expect(what).toContain('审理期限届满日现为');
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认更正' }).click();
    await eventually(async () => {
      expect(await page.locator('.corrected-what').textContent()).toContain('2026-03-20 更正为 2026-03-19');
    });
  });
});
