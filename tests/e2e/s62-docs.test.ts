import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s62 A in Chromium: the 文书 panel offers each suspension's 决定书 (one entry per suspension, named by its days and
 * ground), generates the one chosen, and lists the two decisions as two documents — not the first as an older version
 * of the second (#2); it offers the 追加当事人通知书 once a party was added (#1).
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

const { ok } = caseEvents(() => t);
const ask = () => page.locator('dialog.confirm[open]');
const generate = () => page.locator('#sec-docs').getByRole('button', { name: '生成', exact: true });
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
const arb = () => a.arbitrators[0] as { id: number; token: string };

describe('s62 A (Chromium)', () => {
  it('#2 each suspension has its entry; the one chosen is generated; both listed as documents of their own', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-02');
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-11-09');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '申请人住院治疗无法参加仲裁活动' }, '2026-11-16');
    await openCase(c.id, 'chair');
    await page.getByLabel('文书种类').selectOption('decision');
    await page.getByLabel('决定事项').selectOption('suspension');
    const which = page.getByLabel('哪一件');
    await which.waitFor();
    expect(await which.locator('option').allTextContents()).toEqual([
      '第1次中止审理（2026-11-02起，2026-11-09恢复，因等待工伤认定结论）',
      '第2次中止审理（2026-11-16起，因申请人住院治疗无法参加仲裁活动）',
    ]);
    // The latest first chosen.
    expect(await which.inputValue()).toBe('2');
    await which.selectOption('1');
    await generate().click();
    await ask().waitFor();
    await hasText(ask(), '第1次中止审理（2026-11-02起');
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await page.getByText('已生成：').waitFor();
    const docs = async () =>
      ((await t.api(a.tokens.chair).get(`/api/cases/${c.id}/documents`)).body as { id: number; kind: string }[]).filter(
        (d) => d.kind === 'decision',
      );
    const firstDocs = await docs();
    expect(firstDocs).toHaveLength(1);
    const text = async (id: number) => flat(pdfRaw(await downloadDocument(t, a.tokens.chair, id)));
    const first = await text((firstDocs[0] as { id: number }).id);
    expect(first).toContain('因等待工伤认定结论');
    expect(first).not.toContain('住院');

    // The second, chosen in its turn: a new document (not the first reprinted), listed beside it.
    await page.getByLabel('文书种类').selectOption('decision');
    await page.getByLabel('决定事项').selectOption('suspension');
    await page.getByLabel('哪一件').selectOption('2');
    await generate().click();
    await ask().waitFor();
    // Its own original (not 「再次生成」 of the first's): the list tells the decisions apart by their act.
    await hasText(ask().locator('h2'), '生成“决定书”正式文本（原件）？');
    await hasText(ask(), '第2次中止审理（2026-11-16起');
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await expect.poll(async () => (await docs()).length).toBe(2);
    const second = await text(((await docs())[1] as { id: number }).id);
    expect(second).toContain('因申请人住院治疗无法参加仲裁活动');
    await hasText(page.locator('#sec-docs'), '中止审理：第2次（2026-11-16起）');
    await hasText(page.locator('#sec-docs'), '中止审理：第1次（2026-11-02起）');
    expect(await page.locator('#sec-docs tr.stale').count()).toBe(0);
  });

  it('#1 the 追加当事人通知书 is offered once a party was added', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    await openCase(c.id, 'clerk');
    const kinds = () => page.getByLabel('文书种类').locator('option').allTextContents();
    expect(await kinds()).not.toContain('追加当事人通知书');
    await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '钱第三' } },
      '2026-11-05',
    );
    await page.reload();
    await page.locator('#sec-proc').waitFor();
    expect(await kinds()).toContain('追加当事人通知书');
  });
});
