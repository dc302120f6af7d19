import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, hasText, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * docs56 #1 in Chromium: a claim of two workers together (no single applicant) granted as one sum — the award form asks
 * each worker's share, the confirmation names them, and the award records them (`shares`).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });

describe('lead56 (Chromium)', () => {
  it("the award form asks each worker's share of a joint claim and sends it", async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('份额甲', 561), worker('份额乙', 562)],
        claims: [{ category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' }],
      }),
    });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('作出裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('第1项裁决结果').selectOption('granted');
    await dlg.getByLabel('第1项申请人份额甲分得的金额（元）').fill('7000');
    await dlg.getByLabel('第1项申请人份额乙分得的金额（元）').fill('5000');
    await dlg.getByLabel('经审理查明').fill('经审理查明，两申请人均在被申请人处工作。');
    await dlg.getByLabel('本委认为').fill('本委认为，被申请人应分别支付两申请人的工资。');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '分别为份额甲 7,000.00');
    await confirm.getByRole('button', { name: '确认作出裁决' }).click();
    await dlg.waitFor({ state: 'detached' });
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    const item = view.award.items[0];
    expect(item.shares).toMatchObject([
      { partyId: c.applicants[0]?.id, amount: '7000.00' },
      { partyId: c.applicants[1]?.id, amount: '5000.00' },
    ]);
    expect(item.shares).toHaveLength(2);
  });
});
