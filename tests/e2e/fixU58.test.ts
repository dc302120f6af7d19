import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui58 fix in Chromium (#1): the award form's 履行义务人 on a case of two respondents (a dispatched worker's agency
 * and user unit, LDMAL Art. 22(2)) has no silent default 「全体被申请人」 — a sum granted waits for the arbitrator to pick
 * who pays (said under the picker), the other respondent is said to answer jointly (连带, LCL Art. 92(2)) or not, and
 * the confirmation names it; the award records obligorIds and jointLiability as picked.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const AGENCY = '聊城五八劳务派遣有限公司';
const USER = '聊城五八机械有限公司';

describe('fixU58 (Chromium)', () => {
  it('#1 who pays is picked, 连带 said explicitly, the confirmation names it; the award records it', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('张五八', 585)],
        respondents: [employer(AGENCY), { ...employer(USER), creditCode: creditCode('91371500MA3C7K5L8') }],
        claims: [
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
          { category: 'wages', amount: '3000.00', description: '2025年9月加班工资' },
        ],
      }),
    });
    const [agency, user] = c.respondents as unknown as { id: number; name: string }[];
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('作出裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '第1项裁决结果', exact: true }).selectOption('granted');
    await dlg.getByRole('combobox', { name: '第2项裁决结果', exact: true }).selectOption('dismissed');
    const payer = dlg.getByRole('combobox', { name: '第1项履行义务人', exact: true });
    // No silent default: nothing chosen, and no option says 全体被申请人 without saying how they answer.
    expect(await payer.inputValue()).toBe('');
    const options = await payer.locator('option').allTextContents();
    expect(options).toEqual(['请选择', AGENCY, USER]);
    await dlg.getByLabel('经审理查明').fill('经审理查明，申请人由被申请人派遣至用工单位工作。');
    await dlg.getByLabel('本委认为').fill('本委认为，被申请人应支付申请人工资。');
    // A sum granted with no one picked: said under the picker, no confirmation.
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    const payerError = dlg.locator('[data-error-for="items.0.obligorIds"]');
    await hasText(payerError, '请选择第1项的履行义务人');
    expect(await page.locator('dialog.confirm[open]').count()).toBe(0);
    // Picked: the error goes; the other respondent is offered for joint liability, explicitly.
    await payer.selectOption({ label: AGENCY });
    await eventually(async () => expect(await payerError.textContent()).toBe(''));
    const joint = dlg.getByRole('group', { name: '第1项共同承担的其他被申请人' });
    await joint.waitFor();
    expect(await joint.getByLabel(AGENCY).isVisible()).toBe(false);
    // Not joint: the confirmation says the user unit does not answer for the item.
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    let confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, `由被申请人${AGENCY}履行，被申请人${USER}不承担本项`);
    await confirm.getByRole('button', { name: '返回修改' }).click();
    // Joint: said so in the confirmation, and recorded.
    await joint.getByLabel(USER).check();
    // fixW59 #2: 连带 or 按份 is chosen, neither preselected.
    await dlg
      .getByRole('radiogroup', { name: '第1项共同承担的方式' })
      .getByLabel(/^连带责任/)
      .check();
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, `由被申请人${AGENCY}履行，被申请人${USER}承担连带责任`);
    expect(await confirm.textContent()).not.toContain('未指定履行义务人');
    expect(await confirm.textContent()).not.toMatch(/obligorIds|jointLiability/);
    await confirm.getByRole('button', { name: '确认作出裁决' }).click();
    await dlg.waitFor({ state: 'detached' });
    const history = await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`);
    const award = history.body.find((e: { type: string }) => e.type === 'ISSUE_AWARD');
    expect(award.payload.items[0]).toMatchObject({ obligorIds: [agency?.id, user?.id], jointLiability: true });
  });
});
