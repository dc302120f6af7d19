import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, caseAt, caseEvents, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * A new user's walk in Chromium (round ui41): an act with legal effect is never recorded on the first 确定 — 回避, 恢复审理,
 * 指派调解员 and 开始调解 show what follows and its basis, and cancelling records nothing; a suspension of a case past its
 * time limit says that the suspension is not deducted (as the server computes it), and one over a notified hearing
 * names the hearing; every figure of the statistics page opens the cases it counted, rates and averages with their
 * formula; a refusal said as the dialog opened stays; a stale tab refused with 409 offers the latest case; a phone
 * shows that a table scrolls.
 */
let t: TestApp;
let a: Actors;
let rig: BrowserRig;
let base: string;
let page: Page;
const { ok } = caseEvents(() => t);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '1000', MAX_SESSIONS_PER_USER: '100' } });
  a = await createActors(t);
  rig = await openBrowser(t);
  ({ base, page } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
});

const events = async (caseId: number, type: string) =>
  ((await t.api(t.adminToken).get(`/api/cases/${caseId}/events`)).body as { type: string }[]).filter((e) => e.type === type);
const actButton = (label: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: label, exact: true });
const openAct = async (label: string) => {
  await actButton(label).click();
  const dlg = page.locator('dialog.act[open]');
  await dlg.waitFor();
  return dlg;
};
/** The confirmation shown; cancelled (返回修改), then the act's dialog closed (discarding what was typed). */
async function confirmedThenCancelled(dlg: Locator, okName: string | RegExp, said: string[]) {
  await dlg.getByRole('button', { name: okName }).click();
  const confirm = page.locator('dialog.confirm[open]');
  await confirm.waitFor();
  for (const s of said) await hasText(confirm.locator('.consequence'), s);
  await confirm.getByRole('button', { name: '返回修改' }).click();
  await confirm.waitFor({ state: 'detached' });
  await dlg.getByRole('button', { name: '取消' }).click();
  const ask = page.locator('dialog.confirm[open]');
  if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: '放弃并关闭' }).click();
  await dlg.waitFor({ state: 'detached' });
}

describe('ui41: a new user’s walk (Chromium)', () => {
  it('H1 回避, 恢复审理, 指派调解员, 开始调解 are confirmed with their effect and basis; cancelling records nothing', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    // 仲裁员回避: the one withdrawing (and anyone on the tribunal) is not offered as the replacement (LOW 5).
    const recuse = await openAct('仲裁员回避');
    const replacement = recuse.getByRole('combobox', { name: '替换仲裁员', exact: true });
    const offered = await replacement.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(offered).not.toContain(String(arb.id));
    expect(offered).toContain(String(a.arbitrators[1]?.id));
    await recuse.getByRole('combobox', { name: '回避的仲裁员', exact: true }).selectOption(String(arb.id));
    await replacement.selectOption(String(a.arbitrators[1]?.id));
    await recuse.getByLabel('理由').fill('与申请人系近亲属');
    await confirmedThenCancelled(recuse, '仲裁员回避…', ['由替换仲裁员接替', '第三十三条']);
    expect(await events(c.id, 'RECUSE_ARBITRATOR')).toHaveLength(0);

    // 恢复审理: its only field (the date) is prefilled — still two steps, with the award limit's day after it.
    await ok(c, a.tokens.chair, 'SUSPEND', { ground: 'appraisal', reason: '等待工伤认定结论' }, '2026-03-20');
    await page.reload();
    await hasText(page.locator('.case-head'), '中止');
    const resume = await openAct('恢复审理');
    await confirmedThenCancelled(resume, '确定', ['审理期限自恢复之日起继续计算', '第四十七条', '审理期限届满日为']);
    expect(await events(c.id, 'RESUME')).toHaveLength(0);
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-03-25');

    // 开始调解 (the arbitrator): mediation inside arbitration, its basis and that the clock keeps running.
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    const start = await openAct('开始调解');
    await confirmedThenCancelled(start, '确定', ['第四十二条', '审理期限照常计算', '签收后发生法律效力']);
    expect(await events(c.id, 'START_MEDIATION')).toHaveLength(0);
    // 指派调解员 (a member of the tribunal, once it is formed): the mediator chosen, the effect said.
    const assign = await openAct('指派调解员');
    await assign.getByRole('combobox', { name: '调解员', exact: true }).selectOption({ index: 1 });
    await confirmedThenCancelled(assign, '确定', ['将指派该调解员', '审理期限照常计算']);
    expect(await events(c.id, 'ASSIGN_MEDIATOR')).toHaveLength(0);
  });

  it('M1 a suspension past the time limit says it is not deducted (the server’s preview); LOW 3 a notified hearing is named', async () => {
    // Accepted 2026-01-06: the 45 days ran out on 2026-02-24 (today is 2026-04-01).
    const late = (await caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-01-05' }), acceptOn: '2026-01-06' })).c;
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${late.id}`);
    const dlg = await openAct('中止审理');
    await dlg.getByRole('combobox', { name: '中止事由', exact: true }).selectOption('appraisal');
    await dlg.getByLabel('理由').fill('等待劳动能力鉴定结论');
    await dlg.getByRole('button', { name: '确定' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await confirm.waitFor();
    const said = (await confirm.locator('.consequence').textContent()) ?? '';
    expect(said).toContain('本案审理期限已于 2026-02-24 届满，中止始于审理期限届满之后，不扣除中止期间');
    expect(said).toContain('仍为超过审理期限');
    expect(said).not.toContain('自中止之日起暂停计算');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await dlg.getByRole('button', { name: '取消' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '放弃并关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(await events(late.id, 'SUSPEND')).toHaveLength(0);

    // In time, with a hearing notified for 2026-04-20: the clock pauses, and the hearing is named.
    const { c } = await caseAt(t, a, 'hearing_scheduled', {
      scheduleOn: '2026-03-30',
      hearingOn: '2026-04-20',
      hearing: { time: '09:00' },
    });
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已排期');
    const again = await openAct('中止审理');
    await again.getByRole('combobox', { name: '中止事由', exact: true }).selectOption('pending_case');
    await again.getByLabel('理由').fill('以另案审理结果为依据');
    await confirmedThenCancelled(again, '确定', [
      '审理期限自中止之日起暂停计算',
      // s61 E #3: no hearing notice served yet — 已定于, not 已通知.
      '本案已定于 2026-04-20 09:00 开庭（尚无开庭通知的送达记录）：中止审理期间不能开庭',
      '第四十七条',
    ]);
    expect(await events(c.id, 'SUSPEND')).toHaveLength(0);
  });

  it('LOW 1 the extension refused as the dialog opened stays after submitting with empty fields', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-01-05' }), acceptOn: '2026-01-06' });
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    const dlg = await openAct('延长审理期限');
    await hasText(dlg.locator('.open-refusal'), '审理期限已于 2026-02-24 届满，不能再延长');
    await dlg.getByRole('button', { name: '延长审理期限…' }).click();
    await hasText(dlg.locator('[data-error-for="days"]'), '必须填写');
    expect(await dlg.locator('.open-refusal').textContent()).toContain('不能再延长');
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: '放弃并关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
  });

  it('LOW 2 a stale tab refused with 409 offers the latest case, as a 412 does', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    const dlg = await openAct('中止审理');
    // Meanwhile another tab suspends the case: this one's suspension is refused for the case's state.
    await ok(c, a.tokens.chair, 'SUSPEND', { ground: 'appraisal', reason: '等待鉴定' }, '2026-03-20');
    await dlg.getByRole('combobox', { name: '中止事由', exact: true }).selectOption('appraisal');
    await dlg.getByLabel('理由').fill('等待鉴定');
    await dlg.getByRole('button', { name: '确定' }).click();
    await hasText(dlg.locator('.form-alert'), '案件当前状态');
    await dlg.locator('.form-alert').getByRole('button', { name: '载入最新内容' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '载入最新内容' }).click();
    await dlg.waitFor({ state: 'detached' });
    await hasText(page.locator('.case-head'), '中止');
    expect(await events(c.id, 'SUSPEND')).toHaveLength(1);
  });

  it('M2 each figure of #/stats opens the cases it counted; rates and averages show their formula', async () => {
    // Closed cases: an award and a withdrawal.
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' })),
        facts: '申请人于2025年入职被申请人处，被申请人拖欠其工资。',
        reasoning: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
      },
      '2026-03-27',
    );
    const w = (await caseAt(t, a, 'accepted')).c;
    await ok(w, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-03-10');
    await signIn(page, base, 'analyst');
    await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
    const drill = page.locator('#drill');
    const formula = page.locator('#formula');
    /** The drill list's total after a click: the number said in its heading. */
    const total = async () => {
      await drill.locator('h2').waitFor();
      const h2 = (await drill.locator('h2').textContent()) ?? '';
      return Number(/共 (\d+) 件/.exec(h2)?.[1]);
    };
    // 调解成功率: its formula, numerator and denominator each with a list.
    await page.locator('.card').filter({ hasText: '调解成功率' }).getByRole('button').click();
    await hasText(formula, '分子');
    await hasText(formula, '分母');
    await hasText(formula, '仲裁调解结案');
    const closedPart = formula.getByRole('button', { name: /仲裁结案（本期结案）：\d+ 件/ });
    const closedN = Number(/(\d+) 件/.exec((await closedPart.textContent()) ?? '')?.[1]);
    await closedPart.click();
    await hasText(drill, '仲裁结案（本期结案）');
    expect(await total()).toBe(closedN);
    expect(closedN).toBeGreaterThanOrEqual(2);
    // 结案天数: the formula and the list with each case's days.
    await page.locator('.card').filter({ hasText: '结案天数' }).getByRole('button').click();
    await hasText(formula, '平均结案天数 = 本期结案各案自受理至结案的天数合计');
    await formula.getByRole('button', { name: /本期结案（逐案结案天数）/ }).click();
    await hasText(drill.locator('thead'), '结案天数');
    expect(await total()).toBe(closedN);
    // The closure-mode line: each figure opens its cases.
    const modes = page.locator('.modes');
    for (const [label, name] of [
      ['仲裁裁决结案', /^仲裁裁决结案 (\d+) 件/],
      ['撤回结案', /^撤回结案 (\d+) 件/],
      ['终局裁决结案', /^终局裁决结案 (\d+) 件/],
    ] as const) {
      const b = modes.getByRole('button', { name });
      const n = Number(await b.textContent());
      await b.click();
      await hasText(drill.locator('h2'), `${label}：共 ${n} 件`);
      expect(await total()).toBe(n);
    }
    // 按程序 and 按是否拖欠工资: each cell opens the group's cases; a group's rate shows its formula.
    const byProcedure = page.locator('.panel').filter({ has: page.getByRole('heading', { name: '按程序' }) });
    const cell = byProcedure.locator('table').first().locator('tbody tr').first().locator('td').nth(3).getByRole('button');
    const n = Number(await cell.textContent());
    await cell.click();
    await hasText(drill.locator('h2'), '本期结案：共');
    expect(await total()).toBe(n);
    const wage = byProcedure.locator('table').nth(1).locator('tbody tr').first().locator('td').nth(2).getByRole('button');
    const wn = Number(await wage.textContent());
    await wage.click();
    await eventually(async () => expect(await total()).toBe(wn));
    await byProcedure.locator('table').first().locator('tbody tr').first().locator('td').nth(5).getByRole('button').click();
    await hasText(formula, '结案率 = 本期结案 ÷（上期未结 + 本期受理）');
  });

  it('LOW 8 on a phone a table that scrolls says so; the case list’s sort row is named; 审限剩余 reads like the rest', async () => {
    // (Signed in on a wide screen: on a phone the menu is folded away.)
    await signIn(page, base, 'analyst');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
      const box = page
        .locator('.panel')
        .filter({ has: page.getByRole('heading', { name: '按地区' }) })
        .locator('.table-scroll');
      await eventually(async () => expect(await box.getAttribute('class')).toContain('scrolls'));
      const hint = await box.evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el, '::before').content);
      expect(hint).toContain('左右滑动');
      await page.setViewportSize({ width: 1366, height: 768 });
      await signIn(page, base, 'clerk');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/#/cases`);
      const list = page.locator('table.case-list');
      await list.locator('tbody tr').first().waitFor();
      expect(
        await list.locator('thead tr').evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el, '::before').content),
      ).toContain('排序');
      const sizes = await list
        .locator('tbody tr')
        .first()
        .evaluate((tr) =>
          [...tr.querySelectorAll('td')].map((td) => td.ownerDocument.defaultView.getComputedStyle(td, '::before').fontSize),
        );
      expect(new Set(sizes).size).toBe(1);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
