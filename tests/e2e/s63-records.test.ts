import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * s63 B (a UI walker's stop) — the 办理记录 says what an act decided, in real Chromium:
 * #1 缩短答辩期 (Rules Art. 58): the confirmation repeats what will be recorded in the server's words
 *    (「经被申请人同意，答辩期缩短为5个工作日」), not the form's label and a bare number; the history shows the same line.
 * #2 变更仲裁请求 (Rules Art. 44): the history names each claim changed with its amount before → after and each claim
 *    added with its amount, in yuan as the page shows amounts (15,000.00 元).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-03-20T02:00:00Z' },
);

const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const historyItem = (label: string) => page.locator('#sec-history li').filter({ hasText: label });

describe('s63 B 办理记录 (Chromium)', () => {
  it('缩短答辩期: the confirmation and the history say 「经被申请人同意，答辩期缩短为5个工作日」', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ procedure: 'simple', applicants: [worker('缩短页', 641)] }),
    });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('缩短答辩期（简易处理）').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="days"]').fill('5');
    await dlg.getByLabel('被申请人同意缩短或者取消答辩期').check();
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    await hasText(ask().locator('.record-line'), '记入办理记录：经被申请人同意，答辩期缩短为5个工作日');
    const said = (await ask().textContent()) ?? '';
    // Not the form's label with its input hint and the bare number typed.
    expect(said).not.toContain('0 为取消答辩期');
    expect(said).not.toMatch(/答辩期（工作日[^）]*）：5/);
    expect(said).not.toMatch(/respondentConsent|days/);
    await ask().locator('button.danger, button.primary').last().click();
    await dlg.waitFor({ state: 'detached' });
    await hasText(historyItem('缩短答辩期（简易处理）').locator('.record-what'), '经被申请人同意，答辩期缩短为5个工作日');
  });

  it('取消答辩期 (0): the confirmation and the history say 「经被申请人同意，取消答辩期」', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ procedure: 'simple', applicants: [worker('取消页', 642)] }),
    });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('缩短答辩期（简易处理）').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="days"]').fill('0');
    await dlg.getByLabel('被申请人同意缩短或者取消答辩期').check();
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    await hasText(ask().locator('.record-line'), '记入办理记录：经被申请人同意，取消答辩期');
    expect((await ask().textContent()) ?? '').not.toContain('缩短为0');
    await ask().locator('button.danger, button.primary').last().click();
    await dlg.waitFor({ state: 'detached' });
    await hasText(historyItem('缩短答辩期（简易处理）').locator('.record-what'), '经被申请人同意，取消答辩期');
  });

  it('变更仲裁请求: the history names the claim changed with its amount before → after and the claim added with its amount', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('变更页', 643)], receivedOn: '2026-03-02' }),
    });
    const [wages, comp] = c.claims as unknown as { id: number; seq: number; description: string }[];
    const { ok } = caseEvents(() => t);
    await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      {
        change: [{ claimId: wages?.id, amount: '15000' }],
        add: [{ category: 'wages', amount: '5000', description: '支付加班费' }],
        withdraw: [comp?.id],
      },
      '2026-03-10',
    );
    const now = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { claims: { seq: number; description: string }[] };
    const addedSeq = now.claims.find((x) => x.description === '支付加班费')?.seq;
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    const lines = historyItem('变更').locator('ul.claim-changes li');
    await lines.first().waitFor();
    const text = await lines.allTextContents();
    expect(text).toEqual([
      `第${wages?.seq}项“${wages?.description}”金额由12,000.00 元变更为15,000.00 元`,
      `增加第${addedSeq}项“支付加班费”，请求金额5,000.00 元`,
      `放弃第${comp?.seq}项“${comp?.description}”`,
    ]);
  });
});
