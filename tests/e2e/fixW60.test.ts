import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, eventually, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round s60 (helper W1) in Chromium: #1 a 先予执行 ruling on a claim of two workers together asks each worker's share
 * (the award's share picker), says their sum against the amount as they are typed, and is not confirmed without
 * them; the amount starts empty. #2 the registration form never preselects 全体申请人共同 for a claim of several
 * workers. #3 the calculator's suggestion above the claim is put in as computed and refused at once next to the field,
 * in the server's words. #4 a partial award made without 被申请人辩称: the document panel asks for it before the
 * confirmation, and the award's dialog starts on what was written there.
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
interface Logged {
  type: string;
  payload: {
    kind?: string;
    text?: { defenseSummary?: string };
    amounts?: { claimId: number; amount: string; shares: { partyId: number; amount: string }[] }[];
  };
}
const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Logged[];
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};

describe('s60 W1 (Chromium)', () => {
  it('#1 先予执行 on a claim of two workers together: each one’s share asked, its sum said live, refused until given', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('周明远', 601), worker('吴桂兰', 602)],
        respondents: [employer()],
        claims: [{ category: 'wages', amount: '18000.00', description: '2025年10月至12月工资' }],
      }),
    });
    const [zhou, wu] = c.applicants as unknown as { id: number; name: string }[];
    await openCase(c.id, 'arb-li');
    await actButton('先予执行裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('申请人申请先予执行日期').fill('2026-03-26');
    await dlg.locator('label.check.item', { hasText: '2025年10月至12月工资' }).locator('input').check();
    // The amount starts empty (a ruling is usually for part of the claim); the amount claimed is shown beside it.
    const amount = dlg.getByLabel('第1项先予执行金额');
    expect(await amount.inputValue()).toBe('');
    await hasText(dlg.locator('table tbody tr'), '请求金额 18,000.00 元');
    await amount.fill('10000');
    const shares = dlg.getByRole('group', { name: '第1项各申请人先行受领的金额' });
    await hasText(shares, '须逐人填写');
    await dlg.getByLabel('履行期限（日）').fill('10');
    await dlg.getByLabel('权利义务关系明确').check();
    await dlg.getByLabel('不先予执行将严重影响申请人生活').check();
    const go = dlg.getByRole('button', { name: '先予执行裁决…' });
    // No share given: refused at the group, naming both workers; nothing asked, nothing recorded.
    await go.click();
    await hasText(dlg.locator('[data-error-for="amounts.0.shares"]'), '请写明每人先行受领的金额（未填：周明远、吴桂兰）');
    expect(await ask().count()).toBe(0);
    // The sum said as the shares are typed.
    await shares.getByLabel(`第1项申请人${zhou?.name}先行受领的金额（元）`).fill('6000');
    await hasText(shares.locator('.share-sum'), '合计 6,000.00 元，与本项金额 10,000.00 元相差 4,000.00 元');
    await shares.getByLabel(`第1项申请人${wu?.name}先行受领的金额（元）`).fill('5000');
    await hasText(shares.locator('.share-sum'), '多出 1,000.00 元');
    await go.click();
    await hasText(dlg.locator('[data-error-for="amounts.0.shares"]'), '合计须等于本项金额 10,000.00 元');
    expect(await ask().count()).toBe(0);
    await shares.getByLabel(`第1项申请人${wu?.name}先行受领的金额（元）`).fill('4000');
    await hasText(shares.locator('.share-sum'), '合计 10,000.00 元，与本项金额相符');
    expect((await history(c.id)).some((e) => e.type === 'ADVANCE_EXECUTION')).toBe(false);
    await go.click();
    await ask().waitFor();
    // The server's warning for an unshared amount is not there: the shares were sent.
    expect(await ask().textContent()).not.toContain('未写明每名申请人先行受领的金额');
    // s62 D #2: the confirmation repeats the amount with each worker's share, and the term.
    await hasText(ask(), `先予执行金额：第1项 10,000.00 元，分别为${zhou?.name} 6,000.00 元、${wu?.name} 4,000.00 元`);
    await hasText(ask(), '履行期限：自裁决书送达之日起10日');
    await ask().getByRole('button', { name: '确认先予执行裁决' }).click();
    await dlg.waitFor({ state: 'detached' });
    const ruling = (await history(c.id)).find((e) => e.type === 'ADVANCE_EXECUTION');
    const [sent] = ruling?.payload.amounts ?? [];
    expect(sent?.claimId).toBe(c.claims[0]?.id);
    expect(Number(sent?.amount)).toBe(10000);
    expect(sent?.shares.map((s) => [s.partyId, Number(s.amount)])).toEqual([
      [zhou?.id, 6000],
      [wu?.id, 4000],
    ]);
  });

  it('#2 registration with two workers: a claim’s applicant starts on （请选择） and is asked; 全体申请人共同 is a choice', async () => {
    await signIn(page, base, 'clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.getByLabel('收到申请日期').fill('2026-03-20');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    await page.locator('[data-party="applicants.0"]').getByLabel('姓名').fill('周明远');
    await page.getByRole('button', { name: '＋ 申请人' }).click();
    await page.locator('[data-party="applicants.1"]').getByLabel('姓名').fill('吴桂兰');
    await page.locator('[data-party="respondents.0"]').getByLabel('名称').fill('聊城六十建筑有限公司');
    await page.locator('[data-party="respondents.0"]').getByLabel('用人单位类型').selectOption('private');
    const claim = page.locator('[data-claim="claims.0"]');
    await claim.getByLabel('请求类别').selectOption('wages');
    await claim.getByLabel('金额（元）').fill('18000');
    await claim.getByLabel('请求内容').fill('支付拖欠工资');
    const owner = claim.getByLabel('申请人');
    expect(await owner.inputValue()).toBe('');
    expect(await owner.locator('option').allTextContents()).toEqual([
      '（请选择）',
      '全体申请人共同',
      '第1名申请人（周明远）',
      '第2名申请人（吴桂兰）',
    ]);
    const before = (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total as number;
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('[data-error-for="claims.0.applicant"]'), '请选择这项请求的申请人（或“全体申请人共同”）');
    expect((await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total).toBe(before);
    // Chosen on purpose: registered as the workers' claim together (no applicant).
    await owner.selectOption({ label: '全体申请人共同' });
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('main'), '已登记');
    const list = await t.api(a.tokens.clerk).get('/api/cases?pageSize=1');
    expect(list.body.total).toBe(before + 1);
    const c = (await t.api(a.tokens.clerk).get(`/api/cases/${list.body.items[0].id}`)).body;
    expect(c.applicants.map((p: { name: string }) => p.name)).toEqual(['周明远', '吴桂兰']);
    expect(c.claims).toHaveLength(1);
    expect(c.claims[0].applicant ?? null).toBeNull();
    expect(c.claims[0].amount).toBe('18000.00');
  });

  it('#3 the calculator’s suggestion above the claim is put in as computed and refused at once, in the server’s words', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('计算六十', 603)],
        claims: [{ category: 'economic_compensation', amount: '6000.00', description: '解除劳动合同经济补偿' }],
      }),
    });
    await openCase(c.id, 'arb-li');
    await actButton('作出裁决').click();
    const form = page.locator('dialog.act[open]');
    await form.waitFor();
    await form.getByLabel('裁决日期').fill('2026-04-01');
    await form.getByRole('button', { name: '第1项计算器' }).click();
    const calc = page.locator('dialog.calc[open]');
    await calc.waitFor();
    await calc.getByLabel('用工之日').fill('2019-03-01');
    await calc.getByLabel('解除或终止之日').fill('2025-12-31');
    await calc.getByLabel('前十二个月平均工资（元）').fill('6000');
    await calc.getByRole('button', { name: '计算', exact: true }).click();
    await hasText(calc.locator('.calc-amount'), '42000.00');
    await calc.getByRole('button', { name: '采纳建议金额' }).click();
    await calc.waitFor({ state: 'detached' });
    // Not capped: the amount computed, and the refusal next to it at once — no outcome chosen, nothing submitted.
    const amount = form.getByLabel('第1项裁决金额');
    await eventually(async () => expect(await amount.inputValue()).toBe('42000.00'));
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    const said = (await form.locator(`[data-error-for="${await amount.getAttribute('data-path')}"]`).textContent()) ?? '';
    // The server's own refusal of the same item, word for word.
    const refused = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/award-preview`, { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '42000.00' }] });
    expect(refused.status).toBe(400);
    const message = (refused.body.errors as { path: string; message: string }[]).find((e) => e.path === 'items.0.amount')?.message;
    expect(message).toContain('裁决金额不能超过请求金额 6000.00 元');
    expect(said).toBe(message);
    await form.getByRole('button', { name: '取消' }).click();
    if (
      await ask()
        .isVisible()
        .catch(() => false)
    )
      await ask().getByRole('button', { name: /放弃/ }).click();
    expect((await history(c.id)).some((e) => e.type === 'ISSUE_AWARD')).toBe(false);
  });

  it('#4 a partial award without 被申请人辩称: asked for in the document panel before the confirmation, then the award starts on it', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('辩称六十', 604)] }) });
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
    await ok(c, arb.token, 'PARTIAL_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-02');
    const refusals: number[] = [];
    const watch = (r: Response) => {
      if (r.request().method() === 'POST' && r.url().endsWith(`/api/cases/${c.id}/documents`) && r.status() >= 400)
        refusals.push(r.status());
    };
    page.on('response', watch);
    try {
      await openCase(c.id, 'arb-li');
      await page.getByLabel('文书种类').selectOption('partial_award');
      // Asked before 生成: the respondent attended the hearing, and nothing was written with the partial award.
      const box = page.getByLabel('被申请人辩称（答辩意见）');
      await box.waitFor();
      await hasText(page.locator('#sec-docs .gen-texts'), '被申请人到庭参加了仲裁活动，裁决书须写明其答辩意见');
      const generate = page.locator('#sec-docs').getByRole('button', { name: '生成', exact: true });
      await generate.click();
      await hasText(page.locator('#sec-docs .alert.bad'), '请先在“被申请人辩称（答辩意见）”中填写');
      expect(await ask().count()).toBe(0);
      const DEFENSE60 = '被申请人辩称已足额支付2025年10月至12月工资。';
      await box.fill(DEFENSE60);
      await generate.click();
      await hasText(ask(), `被申请人辩称（答辩意见）：${DEFENSE60}`);
      await ask().getByRole('button', { name: '生成正式文本' }).click();
      await hasText(page.locator('.flash'), '已生成：');
      expect(refusals).toEqual([]);
      const generated = (await history(c.id)).filter((e) => e.type === 'GENERATE_DOCUMENT' && e.payload.kind === 'partial_award');
      expect(generated).toHaveLength(1);
      expect(generated[0]?.payload.text?.defenseSummary).toBe(DEFENSE60);
      // The award's dialog starts on what was written (to be checked), not empty.
      await actButton('作出裁决').click();
      const dlg = page.locator('dialog.act[open]');
      await dlg.waitFor();
      expect(await dlg.locator('[data-path="defenseSummary"]').inputValue()).toBe(DEFENSE60);
      await hasText(dlg, '已填入本案此前（部分裁决或生成裁决书时）填写的答辩意见，请核对');
    } finally {
      page.off('response', watch);
    }
  });
});
