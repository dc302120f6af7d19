import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, hasText, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * s62 (stop 61's new-user walk): 增加、变更或放弃仲裁请求 can change an existing claim's amount or words (Rules Art. 44:
 * 申请人……变更仲裁请求), not only add or give one up. Only what is changed is sent; the confirmation repeats each change
 * (from → to) before anything is recorded; a badly typed amount is refused beside its box. In real Chromium.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-06-10T02:00:00Z' },
);

const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const events = async (id: number, type: string) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as { type: string; payload: Record<string, unknown> }[]).filter(
    (e) => e.type === type,
  );

describe('s62 变更仲裁请求 (Chromium)', () => {
  it('changes one claim’s amount and another’s words; the confirmation repeats them; nothing is sent for rows left as they were', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('变更甲', 621)], receivedOn: '2026-03-02' }),
    });
    const [wages, comp] = c.claims;
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('增加、变更或放弃仲裁请求').click();
    const dlg = dialog();
    await dlg.waitFor();
    const amount = (seq: number) => dlg.getByLabel(`第${seq}项变更后的金额`);
    const words = (seq: number) => dlg.getByLabel(`第${seq}项变更后的内容`);
    // The current amount is shown, nothing is pre-filled.
    expect(await amount(1).getAttribute('placeholder')).toContain('12000');
    expect(await amount(1).inputValue()).toBe('');
    // A bad amount is refused beside its box; nothing is asked or recorded.
    await amount(1).fill('一万五');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await hasText(dlg.locator('[data-error-for="change.0.amount"]'), '金额应为数字');
    expect(await ask().count()).toBe(0);
    // The second claim's amount typed as it is: no change of it is sent.
    await amount(1).fill('15,000');
    await amount(2).fill('26400');
    await words(2).fill('支付违法解除劳动合同赔偿金');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    const said = (await ask().textContent()) ?? '';
    expect(said).toContain('第1项金额由12,000.00 元变更为15,000.00 元');
    expect(said).toContain('第2项内容变更为“支付违法解除劳动合同赔偿金”');
    expect(said).not.toContain('第2项金额');
    expect(await events(c.id, 'CHANGE_CLAIMS')).toHaveLength(0);
    await ask().locator('button.danger, button.primary').last().click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'CHANGE_CLAIMS');
    expect(e?.payload.change).toEqual([
      { claimId: wages?.id, amount: '15000' },
      { claimId: comp?.id, description: '支付违法解除劳动合同赔偿金' },
    ]);
    const now = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as {
      claims: { id: number; amount: string; description: string }[];
    };
    expect(now.claims.find((x) => x.id === wages?.id)?.amount).toBe('15000.00');
    expect(now.claims.find((x) => x.id === comp?.id)?.description).toBe('支付违法解除劳动合同赔偿金');
  });
});
