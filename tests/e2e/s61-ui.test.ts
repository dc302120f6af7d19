import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, idNumber, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round s61 (helper C) in Chromium: #1 the arbitrator's workbench names a hearing's parties as a commission does
 * (「甲与乙劳动争议」), never the litigation's 「甲 诉 乙」; #2 a registration correction that adds a second applicant
 * keeps each claim registered with one applicant his own (the owner the server stored), not 全体申请人共同; #3 a
 * correction refused with 412 and merged keeps 全体申请人共同 where the clerk chose it and the sole applicant's claim
 * his; #4 the award's per-worker share boxes say their sum against the item's amount as they are typed.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
let rig: { context: { newPage(): Promise<Page> } };
browserSuite((s) => {
  ({ t, a, base, page } = s);
  rig = s.rig;
});
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
interface ClaimView {
  id: number;
  applicantId?: number;
  applicant?: number;
}

describe('s61 C (Chromium)', () => {
  it('#1 the workbench names a hearing’s parties 「甲与乙劳动争议」, not 「甲 诉 乙」', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled', {
      body: standardApplication({ applicants: [worker('郑六一', 611)], respondents: [employer('聊城六一纺织有限公司')] }),
    });
    await signIn(page, base, 'arb-li');
    // The hearing of 03-25 has passed with nothing recorded: listed on the arbitrator's workbench.
    const row = page.locator('.passed-hearings tr', { has: page.locator(`a[href="#/cases/${c.id}"]`) });
    await hasText(row, '郑六一与聊城六一纺织有限公司劳动争议');
    expect(await row.textContent()).not.toContain('诉');
  });

  it('#2 #3 a second applicant added in a correction: the sole applicant’s claims stay his; a 412 merge keeps each owner', async () => {
    // Registered with one applicant: the server stores its claims with no owner (his own).
    const c = await registerCase(
      t,
      a,
      standardApplication({ applicants: [worker('孙六一', 612)], respondents: [employer('聊城六一机械有限公司')] }),
    );
    const stored = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect((stored.claims as ClaimView[]).map((x) => x.applicantId ?? null)).toEqual([null, null]);
    const sun = stored.applicants[0].id as number;

    await signIn(page, base, 'clerk');
    const tab2 = await rig.context.newPage();
    for (const p of [page, tab2]) {
      await p.goto(`${base}/#/cases/${c.id}/edit`);
      await p.getByRole('button', { name: '保存修改' }).first().waitFor();
    }
    // Tab 1 saves a change of its own first.
    await page.locator('[data-party="applicants.0"]').getByLabel('联系电话').fill('13911116161');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('登记信息已修改').first().waitFor();

    // Tab 2 adds a second applicant: both claims are shown as 孙六一's, not 全体申请人共同.
    const claim = (i: number) => tab2.locator(`[data-claim="claims.${i}"]`).getByLabel('申请人');
    await tab2.getByRole('button', { name: '＋ 申请人' }).click();
    const added = tab2.locator('[data-party="applicants.1"]');
    await added.getByLabel('姓名').fill('钱六一');
    await added.getByLabel('公民身份号码').fill(idNumber('371502', '19910101', 613));
    for (const i of [0, 1]) {
      expect(await claim(i).inputValue()).toBe('1');
      await hasText(claim(i).locator('option:checked'), '第1名申请人（孙六一）');
    }
    // The clerk may change it: the second claim made theirs together.
    await claim(1).selectOption('all');
    await tab2.getByRole('button', { name: '保存修改' }).click();
    // Refused (tab 1 saved first): merged after a reload, each owner as this clerk left it.
    await hasText(tab2.locator('.form-alert'), '案件已在其他窗口或由您本人修改');
    await tab2.reload();
    await hasText(tab2.locator('form.register'), '重新填入');
    await eventually(async () => expect(await claim(0).inputValue()).toBe('1'));
    expect(await claim(1).inputValue()).toBe('all');
    expect(await tab2.locator('[data-party="applicants.0"]').getByLabel('联系电话').inputValue()).toBe('13911116161');
    await tab2.getByRole('button', { name: '保存修改' }).click();
    await tab2.getByText('登记信息已修改').first().waitFor();
    const now = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(now.applicants.map((p: { name: string }) => p.name)).toEqual(['孙六一', '钱六一']);
    expect((now.claims as ClaimView[]).map((x) => x.applicantId ?? null)).toEqual([sun, null]);
    expect(now.applicants[0].phone).toBe('13911116161');

    // Opened again: the stored owners as they are — 孙六一's claim his, the other 全体申请人共同.
    await tab2.goto(`${base}/#/cases/${c.id}`);
    await tab2.goto(`${base}/#/cases/${c.id}/edit`);
    await eventually(async () => expect(await claim(0).inputValue()).toBe('1'));
    expect(await claim(1).inputValue()).toBe('all');
    await tab2.close();
  });

  it('#4 the award’s shares of a joint claim: their sum said live against the item’s amount, as a 先予执行 ruling’s', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('周六一', 614), worker('吴六一', 615)],
        respondents: [employer('聊城六一建筑有限公司')],
        claims: [{ category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' }],
      }),
    });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('作出裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '第1项裁决结果', exact: true }).selectOption('granted');
    const amount = dlg.getByLabel('第1项裁决金额');
    // 支持 puts in the amount claimed, to be checked.
    expect(await amount.inputValue()).toBe('12000.00');
    const shares = dlg.getByRole('group', { name: '第1项各申请人分得的金额' });
    const sum = shares.locator('.share-sum');
    expect(await sum.textContent()).toBe('');
    await shares.getByLabel('第1项申请人周六一分得的金额（元）').fill('7000');
    await hasText(sum, '合计 7,000.00 元，与本项金额 12,000.00 元相差 5,000.00 元');
    await shares.getByLabel('第1项申请人吴六一分得的金额（元）').fill('6000');
    await hasText(sum, '合计 13,000.00 元，与本项金额 12,000.00 元多出 1,000.00 元');
    // The item's amount changed: the sum is said again against it.
    await amount.fill('13000');
    await hasText(sum, '合计 13,000.00 元，与本项金额相符');
    await amount.fill('12500.50');
    await hasText(sum, '多出 499.50 元');
    await dlg.getByRole('button', { name: '取消' }).first().click();
  });
});
