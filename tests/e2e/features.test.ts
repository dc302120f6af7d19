import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, caseAt, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, type CaseShape, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * Issue 17 in real Chromium: the calculator inside the award form (suggestion accepted, kept with the item), the claim
 * line on the case page, and the "移送法院材料包" action. The case is brought to the hearing over the API; the browser
 * does the rest. Screenshots go to artifacts/screenshots/.
 */
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
const keyDir = mkdtempSync(join(tmpdir(), 'zc-e2e-key-'));
let t: TestApp;
let a: Actors;
let c: CaseShape;
let rig: BrowserRig;
let base: string;
let page: Page;
let cspViolations: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestApp({
    now: '2026-04-01T02:00:00Z',
    env: { TOKEN_TTL_HOURS: '1000', COMMISSION_KEY_PATH: join(keyDir, 'key.pem') },
  });
  a = await createActors(t);
  const body = standardApplication({
    claims: [
      { category: 'wages', amount: '2750.00', description: '2025年加班工资' },
      { category: 'economic_compensation', amount: '42000.00', description: '解除劳动合同经济补偿' },
    ],
  });
  ({ c } = await caseAt(t, a, 'heard', { body }));
  rig = await openBrowser(t);
  ({ base, page, cspViolations } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
  rmSync(keyDir, { recursive: true, force: true });
});

const text = hasText;
const login = (username: string, password: string) => signIn(page, base, username, password);
const caseUrl = () => `${base}/#/cases/${c.id}`;

describe('issue 17 in the web interface (Chromium)', () => {
  it('a partial award decides the items answered and leaves the rest; the award then offers only those (Rules Art. 49)', async () => {
    const { c: p } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        claims: [
          { category: 'wages', amount: '3000.00', description: '2025年12月工资' },
          { category: 'economic_compensation', amount: '9000.00', description: '经济补偿' },
        ],
      }),
    });
    await login('arb-li', 'arb-li-password-1');
    await page.goto(`${base}/#/cases/${p.id}`);
    const actions = page.getByRole('group', { name: '可办理的操作' });
    await actions.getByRole('button', { name: '部分裁决', exact: true }).click();
    let form = page.locator('dialog.act[open]');
    await form.getByLabel('裁决日期').fill('2026-03-27');
    await form.locator('[data-path="facts"]').fill('申请人2025年12月工资未获支付。');
    await form.locator('[data-path="reasoning"]').fill('工资部分事实清楚，先行裁决。');
    // Nothing answered: a partial award decides at least one item.
    await form.getByRole('button', { name: '部分裁决…' }).click();
    await text(form.locator(`[data-error-for="unsent.${p.claims[0]?.id}.outcome"]`), '部分裁决至少裁决一项请求');
    // The wages item only; the compensation is left for the award.
    await form.getByLabel('第1项裁决结果').selectOption('granted');
    // The respondent attended and filed no defense: the confirmation says its answer is still to be written.
    await form.getByRole('button', { name: '部分裁决…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await text(confirm, '“被申请人辩称”尚未填写');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await confirm.waitFor({ state: 'detached' });
    await form.locator('[data-path="defenseSummary"]').fill('被申请人辩称工资已经支付。');
    await form.getByRole('button', { name: '部分裁决…' }).click();
    await text(confirm, '2025年12月工资：支持');
    expect(await confirm.textContent()).not.toContain('经济补偿：');
    await confirm.getByRole('button', { name: '确认部分裁决' }).click();
    await form.waitFor({ state: 'detached' });
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${p.id}/events`)).body as {
      type: string;
      payload: { items: { claimId: number }[] };
    }[];
    expect(history.find((e) => e.type === 'PARTIAL_AWARD')?.payload.items.map((i) => i.claimId)).toEqual([p.claims[0]?.id]);
    // The award offers the item left, at index 0 of its items.
    await actions.getByRole('button', { name: '作出裁决', exact: true }).click();
    form = page.locator('dialog.act[open]');
    await form.waitFor();
    expect(await form.getByLabel('第1项裁决结果').count()).toBe(0);
    expect(await form.getByLabel('第2项裁决结果').inputValue()).toBe('');
    expect(await form.getByLabel('第2项裁决结果').getAttribute('data-path')).toBe('items.0.outcome');
    await form.getByRole('button', { name: '取消' }).click();
    const leave = page.locator('dialog.confirm[open]');
    if (await leave.isVisible().catch(() => false)) await leave.getByRole('button', { name: '放弃并关闭' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('the arbitrator computes economic compensation in the award form, accepts the suggestion, and awards', async () => {
    await login('arb-li', 'arb-li-password-1');
    await page.goto(caseUrl());
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '作出裁决', exact: true }).click();
    const form = page.locator('dialog.act[open]');
    await form.getByLabel('裁决日期').fill('2026-04-01');
    await form.getByRole('button', { name: '第2项计算器' }).click();
    const calc = page.locator('dialog.calc[open]');
    await calc.waitFor();
    await calc.getByLabel('用工之日').fill('2019-03-01');
    await calc.getByLabel('解除或终止之日').fill('2025-12-31');
    await calc.getByLabel('前十二个月平均工资（元）').fill('6000');
    await calc.getByRole('button', { name: '计算', exact: true }).click();
    await text(calc.locator('.calc-amount'), '42000.00');
    await text(calc.locator('.calc-steps'), '计7个月');
    await calc.getByLabel('在裁决书“本委认为”中印出计算过程').check();
    await page.screenshot({ path: join(SHOTS, '17-calculator.png'), fullPage: true });
    await calc.getByRole('button', { name: '采纳建议金额' }).click();
    await calc.waitFor({ state: 'detached' });
    await eventually(async () => expect(await form.getByLabel('第2项裁决金额').inputValue()).toBe('42000.00'));
    await text(form.locator('.calc-tag').nth(1), '计算器建议 42000.00 元');
    // The arbitrator may still edit it; here it is kept. The wages item is granted as claimed. Each outcome is chosen
    // by the arbitrator (none is chosen in advance).
    await form.getByLabel('第2项裁决结果').selectOption('granted');
    expect(await form.getByLabel('第2项裁决金额').inputValue()).toBe('42000.00');
    await form.getByLabel('第1项裁决结果').selectOption('granted');
    await form.getByLabel('第1项裁决金额').fill('2750.00');
    await form.locator('[data-path="defenseSummary"]').fill('被申请人认为解除合法。');
    await form.locator('[data-path="facts"]').fill('申请人于2019年3月1日入职，2025年12月31日被解除劳动合同。');
    await form.locator('[data-path="reasoning"]').fill('被申请人应支付经济补偿。');
    // Making the award cannot be undone: it asks once more (issue 16).
    await form.getByRole('button', { name: '作出裁决…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认作出裁决' }).click();
    await form.waitFor({ state: 'detached' });
    await text(page.locator('.case-head'), '已裁决');
    const history = await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`);
    const award = history.body.find((e: { type: string }) => e.type === 'ISSUE_AWARD');
    expect(award.payload.items[1].calculation).toMatchObject({
      kind: 'economic_compensation',
      suggested: '42000.00',
      accepted: true,
      print: true,
    });
  });

  it('the case page shows a claim’s line', async () => {
    await page.getByRole('button', { name: '第2项请求的轨迹' }).click();
    const line = page.locator('.claim-line');
    await text(line, '申请仲裁请求');
    await text(line, '裁决：支持，42000.00元');
    await text(line.locator('h3'), '已裁决');
    await page.screenshot({ path: join(SHOTS, '17-claim-line.png'), fullPage: true });
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  it('the clerk makes the court hand-off package from the case page and can download it', async () => {
    await login('clerk', 'clerk-password-1');
    await page.goto(caseUrl());
    const panel = page.locator('.panel').filter({ hasText: '移送法院材料包' });
    // Only the purposes the case has an instrument for: this award is not in effect yet (nothing to enforce), there is
    // no advance-execution ruling to transfer, and no suit is recorded (a litigation package goes with a suit, med50 M4).
    await panel.getByLabel('移送事由').waitFor();
    const offered = await panel
      .getByLabel('移送事由')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(offered).toEqual(['set_aside', 'court_request']);
    await panel.getByLabel('移送事由').selectOption('court_request');
    await panel.getByLabel('受移送法院').fill('聊城市东昌府区人民法院');
    await panel.getByRole('button', { name: '生成移送法院材料包' }).click();
    await text(panel, '已生成材料包');
    await text(panel.locator('table.t'), '人民法院调阅案卷');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载 ZIP' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^court-package-\d+-\d+-\d{8}T\d{6}\.zip$/);
    await page.screenshot({ path: join(SHOTS, '17-court-package.png'), fullPage: true });
    // The arbitrator does not see the action (identity numbers inside; the server refuses it too).
    await page.getByRole('button', { name: '退出' }).click();
    await login('arb-li', 'arb-li-password-1');
    await page.goto(caseUrl());
    await text(page.locator('.case-head'), '已裁决');
    await text(page.locator('ol.timeline'), '生成移送法院材料包');
    expect(await page.getByRole('heading', { name: '移送法院材料包', exact: true }).count()).toBe(0);
  });

  it('nothing on these screens was refused by the Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
