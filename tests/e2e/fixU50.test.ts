import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui50 fixes in Chromium: an act's original asks before it is issued (H1); a hearing day passed before a
 * suspension is not said to have passed during it (M1); one who only prints an award is not given the writing boxes
 * (M4); and the smaller ones.
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
const ask = () => page.locator('dialog.confirm[open]');
const generate = () => page.locator('#sec-docs').getByRole('button', { name: '生成', exact: true });
const docCount = async (id: number, kind: string) =>
  ((await t.api(t.adminToken).get(`/api/cases/${id}/documents`)).body as { kind: string }[]).filter((d) => d.kind === kind).length;
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};

describe('fixU50 (Chromium)', () => {
  it('H1 the first issued award asks first, naming the document, the case and the text typed; 返回修改 focused, records nothing', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('原件甲', 501)] }) });
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    // No defense summary in the record: the arbitrator writes it at the document.
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-08');
    await openCase(c.id, 'arb-li');
    await page.getByLabel('文书种类').selectOption('award');
    await generate().click();
    await ask().waitFor();
    await hasText(ask().locator('h2'), '生成“仲裁裁决书”正式文本（原件）？');
    await hasText(ask(), `案件：${c.caseNo}（原件甲 诉`);
    await hasText(ask(), '文书：仲裁裁决书');
    await hasText(ask(), '文字不能再改');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('返回修改');
    await ask().getByRole('button', { name: '返回修改' }).click();
    await ask().waitFor({ state: 'detached' });
    expect(await docCount(c.id, 'award')).toBe(0);
    // Confirmed: the server asks for the defense summary; written, the confirmation names the text.
    await generate().click();
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    const box = page.getByLabel('被申请人辩称（答辩意见）');
    await box.waitFor();
    expect(await docCount(c.id, 'award')).toBe(0);
    await box.fill('被申请人辩称已足额支付工资。');
    await generate().click();
    await ask().waitFor();
    await hasText(ask(), '被申请人辩称（答辩意见）：被申请人辩称已足额支付工资。');
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await hasText(page.locator('.flash'), '已生成：');
    expect(await docCount(c.id, 'award')).toBe(1);
    // A draft is not an original: no question.
    await page.getByLabel('文书种类').selectOption('award');
    await page.locator('#sec-docs label.check input').check();
    await generate().click();
    await hasText(page.locator('.flash'), '已生成：');
    expect(await ask().count()).toBe(0);
  });

  it('M4 a clerk is told at once that a partial award is printed from the arbitrator’s text, and never given the writing boxes', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('打印甲', 502)] }) });
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
    await ok(c, arb.token, 'PARTIAL_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-02');
    await openCase(c.id, 'clerk');
    await page.getByLabel('文书种类').selectOption('partial_award');
    await hasText(page.locator('#sec-docs .print-note'), '您只能按仲裁员已作出的文本打印本文书');
    await generate().click();
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await hasText(page.locator('#sec-docs .alert.bad'), '须由仲裁员先生成部分裁决书的正式文本');
    expect(await page.locator('#sec-docs textarea').count()).toBe(0);
    expect(await docCount(c.id, 'partial_award')).toBe(0);
    // The arbitrator sees no such note.
    await openCase(c.id, 'arb-li');
    await page.getByLabel('文书种类').selectOption('partial_award');
    expect(await page.locator('#sec-docs .print-note').isVisible()).toBe(false);
  });

  it('M1 resuming: a hearing day passed before the suspension is not said to have passed during it', async () => {
    const suspendedWith = async (hearingOn: string, n: number) => {
      const { c } = await caseAt(t, a, 'hearing_scheduled', {
        body: standardApplication({ applicants: [worker(`中止${n}`, 503 + n)] }),
        hearingOn,
      });
      await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-27');
      return c;
    };
    const warned = (v: { warnings?: string[] }) => (v.warnings ?? []).join('\n');
    const during = await suspendedWith('2026-04-01', 2);
    const resumed = await ok(during, a.tokens.chair, 'RESUME', {}, '2026-04-10');
    expect(warned(resumed)).toContain('本案通知的开庭日期 2026-04-01 已在中止审理期间经过');
    // Passed before the suspension began: said so, in the chair's confirmation, and not as passed "during" it.
    const before = await suspendedWith('2026-03-25', 1);
    await openCase(before.id, 'chair');
    await actButton('恢复审理').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-10');
    await dlg.getByRole('button', { name: /…$/ }).click();
    await ask().waitFor();
    await hasText(ask().locator('.act-warning'), '本案通知的开庭日期 2026-03-25 在中止审理（自 2026-03-27 起）之前已经经过');
    expect(await ask().textContent()).not.toContain('已在中止审理期间经过');
  });
});
