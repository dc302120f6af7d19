import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  type BrowserRig,
  browserSuite,
  caseAt,
  caseEvents,
  DEFENSE,
  eventually,
  FACTS,
  hasText,
  REASONING,
  signIn,
} from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui45 (a new user's walk) in Chromium: 作废误登记 chooses the repeated case among the registration's candidates
 * by case number, parties and 收到日期, and says when the chosen one is a repeated application instead (M1); the
 * workbench counts and lists no voided registration (M2); a legal warning in a confirmation is the alert, the routine
 * line is quiet, and a hearing day inside the defense period is said beside 开庭日期 as it is typed (M3); on a phone the
 * case page's deadlines are cards and the provisional-calendar note is said once (M5); and the low findings: 确认裁决生效
 * says its refusal as it opens (L1), one name for the award and a separated finality mark (L3), a mistyped date said
 * with the other errors (L5), the phone case list's filters behind 筛选 (L6), 劳动报酬 suggests 拖欠工资 (L7), no stale
 * 已恢复…草稿 under 已在另一窗口登记 (L8), and 页面不存在 for an unknown address (L9).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
let rig: BrowserRig;
browserSuite((s) => {
  ({ t, a, base, page, rig } = s);
});

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const application = (receivedOn: string) =>
  standardApplication({ applicants: [worker('误登记丙', 951)], respondents: [employer('聊城某某误登记有限公司')], receivedOn });

describe('ui45 (Chromium)', () => {
  it('M1 作废误登记: the repeated case is chosen by case number, parties and 收到日期; another day is a repeated application', async () => {
    const first = (await t.api(a.tokens.clerk).post('/api/cases', application('2026-03-30')).expect(201)).body;
    const copy = (await t.api(a.tokens.clerk).post('/api/cases', application('2026-03-30')).expect(201)).body;
    const again = (await t.api(a.tokens.clerk).post('/api/cases', application('2026-03-31')).expect(201)).body;
    await signIn(page, base, 'clerk');

    // Another day's application: choosing the first says plainly it is 不予受理 (Rules Art. 34), not voided.
    await page.goto(`${base}/#/cases/${again.id}`);
    await actButton('作废误登记').click();
    let dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const pick = dlg.getByLabel('所重复的案件（选填）');
    const options = await pick.locator('option').allTextContents();
    expect(options[0]).toBe('无');
    expect(options).toContain(`仲裁申请#${first.id}：误登记丙与聊城某某误登记有限公司劳动争议，收到日期 2026-03-30（已收件待审查）`);
    expect(options.some((o) => o.startsWith(`仲裁申请#${again.id}：`))).toBe(false);
    await pick.selectOption(String(first.id));
    await hasText(dlg.locator('.dup-date-note'), '不是同一申请的重复登记');
    await hasText(dlg.locator('.dup-date-note'), '第三十四条');
    await dlg.getByRole('button', { name: '取消' }).click();
    const discard = page.locator('dialog.confirm[open]');
    if (await discard.count()) await discard.getByRole('button', { name: '放弃并关闭' }).click();
    await dlg.waitFor({ state: 'detached' });

    // The same day's second copy: the confirmation names the chosen case the same way.
    await page.goto(`${base}/#/cases/${copy.id}`);
    await actButton('作废误登记').click();
    dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('作废原因').fill('重复登记（两个窗口各登记一次）');
    await dlg.getByLabel('所重复的案件（选填）').selectOption(String(first.id));
    expect(await dlg.locator('.dup-date-note').textContent()).toBe('');
    await dlg.getByRole('button', { name: '作废误登记…' }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, `所重复的案件（选填）：仲裁申请#${first.id}：误登记丙与聊城某某误登记有限公司劳动争议，收到日期 2026-03-30`);
    await ask.getByRole('button', { name: '确认作废误登记' }).click();
    await hasText(
      page.locator('main'),
      `所重复的案件：仲裁申请#${first.id}（误登记丙与聊城某某误登记有限公司劳动争议，收到日期 2026-03-30）`,
    );
    await eventually(async () =>
      expect((await t.api(a.tokens.clerk).get(`/api/cases/${copy.id}`)).body.closure).toMatchObject({ duplicateOf: first.id }),
    );
  });

  it('M2 the workbench counts and lists no voided registration', async () => {
    const mistaken = (await t.api(a.tokens.clerk).post('/api/cases', application('2026-03-28')).expect(201)).body;
    await ok(mistaken, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '误登记（测试）' }, '2026-03-28');
    const all = (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total as number;
    const voided = (await t.api(a.tokens.clerk).get('/api/cases?state=voided&pageSize=1')).body.total as number;
    expect(voided).toBeGreaterThan(0);
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/`);
    const total = page.locator('.card').filter({ hasText: '案件总数' });
    await hasText(total, String(all - voided));
    await hasText(total, `不含已作废的误登记 ${voided} 件`);
    const recent = page.locator('section.panel').filter({ has: page.getByRole('heading', { name: '最近的案件' }) });
    await recent.locator('tbody tr').first().waitFor();
    expect(await recent.textContent()).not.toContain('已作废');
  });

  it('M3 a hearing inside the defense period: said beside 开庭日期 as typed, and the confirmation shows it as the alert', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('答辩期丁', 952)], receivedOn: '2026-03-02' }),
    });
    const served = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: (c.respondents[0] as { id: number }).id, method: 'direct' },
      '2026-03-06',
    );
    const due = (served.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'defense')?.dueOn as string;
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('排期开庭').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('排期（通知）日期').fill('2026-03-09');
    await dlg.getByLabel('开庭日期').fill(due);
    // Before 地点 is typed or anything is confirmed: the server's warning beside the field; nothing recorded.
    await hasText(dlg.locator('.hearing-warnings .act-warning'), '第三十条');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('tribunal_formed');
    await dlg.getByLabel('地点').fill('第一仲裁庭');
    await dlg.getByRole('button', { name: '排期开庭…' }).click();
    const ask = page.locator('dialog.confirm[open]');
    const warning = ask.locator('.act-warning').filter({ hasText: '第三十条' });
    await hasText(warning, `${due} 届满`);
    expect(await warning.getAttribute('role')).toBe('alert');
    expect(await warning.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor)).toBe('rgb(253, 236, 234)');
    await ask.getByRole('button', { name: '返回修改' }).click();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('tribunal_formed');
  });

  it('M3 the routine 记录后不能撤回 line is not styled as the alert', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled', {
      body: standardApplication({ applicants: [worker('开庭戊', 953)], receivedOn: '2026-03-02' }),
    });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('开庭审理').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    for (const who of ['申请人是否到庭', '被申请人是否到庭'])
      await dlg.getByRole('radiogroup', { name: who, exact: true }).getByLabel('到庭', { exact: true }).check();
    await dlg.getByRole('button', { name: '开庭审理…' }).click();
    const line = page.locator('dialog.confirm[open] .consequence');
    await hasText(line, '记录后不能撤回');
    expect(await line.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor)).not.toBe('rgb(253, 236, 234)');
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '返回修改' }).click();
  });

  it('M5 on a phone the deadlines are cards, 剩余 and 状态 on screen; the provisional note is said once', async () => {
    // December: a case accepted on 1 December has its 45 days run into 2027, a year with no official data yet.
    t.clock.set('2026-12-10T02:00:00Z');
    try {
      // Tokens issued in April have expired by December: sign in again.
      const clerk = (await request(t.app).post('/api/auth/login').send({ username: 'clerk', password: 'clerk-password-1' })).body
        .token as string;
      const reg = await t
        .api(clerk)
        .post('/api/cases', standardApplication({ applicants: [worker('暂定己', 954)], receivedOn: '2026-11-30' }))
        .expect(201);
      const acc = await t.api(clerk).post(`/api/cases/${reg.body.id}/events`, { type: 'ACCEPT', occurredOn: '2026-12-01' });
      expect(acc.status, JSON.stringify(acc.body)).toBe(200);
      const provisional = (acc.body.deadlines as { provisional?: boolean }[]).filter((d) => d.provisional);
      expect(provisional.length).toBeGreaterThan(0);
      await signIn(page, base, 'clerk');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/#/cases/${reg.body.id}`);
      const sec = page.locator('#sec-deadlines');
      await sec.locator('table.case-deadlines tbody tr').first().waitFor();
      // The note once above the list; each provisional row marked 暂定, not repeating it.
      await hasText(sec.locator('.provisional-note'), '缺少2027年国家法定节假日安排');
      const said = (await sec.textContent()) ?? '';
      expect(said.split('国务院办公厅通知尚未录入').length - 1).toBe(await sec.locator('.provisional-note').count());
      expect(await sec.locator('a.dl-provisional').count()).toBe(provisional.length);
      // Nothing off-screen: the table is no wider than its box, and each row's 剩余 / 状态 lie inside the screen.
      const fits = await sec
        .locator('.table-scroll')
        .first()
        .evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
      const row = sec.locator('table.case-deadlines tbody tr').first();
      for (const cell of ['td.dl-due', 'td.dl-left', 'td.dl-status']) {
        const box = await row.locator(cell).boundingBox();
        expect(box && box.x + box.width <= 390, cell).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
      t.clock.set('2026-04-01T02:00:00Z');
    }
  });

  it('L9 an unknown address shows 页面不存在 with a way back, not the workbench', async () => {
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/mediation/new`);
    await hasText(page.locator('main h1'), '页面不存在');
    await hasText(page.locator('main'), '#/mediation/new');
    expect(page.url()).toContain('#/mediation/new');
    await page.getByRole('link', { name: '返回工作台' }).click();
    await hasText(page.locator('main h1'), '工作台');
  });

  it('L7 a claim of 劳动报酬 suggests ticking 拖欠工资; L5 a mistyped date is said with the other errors', async () => {
    await signIn(page, base, 'clerk');
    await page.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
    await page.goto(`${base}/#/cases/new`);
    const hint = page.locator('.wage-hint');
    expect(await hint.isVisible()).toBe(false);
    await page.locator('[data-claim="claims.0"]').getByLabel('请求类别').selectOption('wages');
    await hasText(hint, '请勾选“拖欠工资”');
    expect(await hint.isVisible()).toBe(true);
    await page.getByLabel('拖欠工资（农民工工资优先）').check();
    await eventually(async () => expect(await hint.isVisible()).toBe(false));
    // A year of 6320 (2026/3/20 typed into the date control), with nothing else filled in: said at once, with the rest.
    await page.getByLabel('收到申请日期').evaluate((el) => {
      (el as unknown as { value: string }).value = '6320-12-05';
    });
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('[data-error-for="receivedOn"]'), '年份无效');
    await hasText(page.locator('[data-error-for="district"]'), '请选择');
    await page.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
  });

  it('L6 on a phone the case list folds its filters behind 筛选', async () => {
    await t.api(a.tokens.clerk).post('/api/cases', application('2026-03-27')).expect(201);
    await signIn(page, base, 'clerk');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/cases`);
      // (Open, it reads 收起筛选: ui46 L6.)
      const toggle = page.locator('button.filter-toggle');
      await page.locator('form.case-search').waitFor();
      await page.getByRole('button', { name: '筛选', exact: true }).waitFor();
      expect(await page.getByLabel('查找').isVisible()).toBe(true);
      expect(await page.getByLabel('地区').isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByLabel('地区').isVisible()).toBe(true);
      // The sort row is one line: 审限剩余 on the same line as 案号.
      await page.locator('table.case-list').waitFor();
      const first = await page.locator('table.case-list thead th').first().boundingBox();
      const last = await page.getByRole('link', { name: '审限剩余' }).boundingBox();
      expect(first && last && Math.abs(first.y - last.y) < 4).toBe(true);
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(await toggle.isVisible()).toBe(false);
      expect(await page.getByLabel('地区').isVisible()).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });

  it('L8 once the other tab registered the draft, 已恢复…草稿 is gone from this one', async () => {
    await signIn(page, base, 'clerk');
    const clearDrafts = (p: Page) =>
      p.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
    await clearDrafts(page);
    await page.goto(`${base}/#/cases/new`);
    await page.getByLabel('收到申请日期').fill('2026-03-20');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    const respondent = page.locator('[data-party="respondents.0"]');
    await respondent.getByLabel('名称').fill('聊城某某两窗有限公司');
    await respondent.getByLabel('用人单位类型').selectOption('private');
    await page.locator('[data-party="applicants.0"]').getByLabel('姓名').fill('两窗庚');
    const claim = page.locator('[data-claim="claims.0"]');
    await claim.getByLabel('请求类别').selectOption('economic_compensation');
    await claim.getByLabel('请求内容').fill('支付解除劳动合同经济补偿');
    await claim.getByLabel('金额（元）').fill('8000');
    await hasText(page.locator('[data-draft-status]'), '草稿已自动保存在本机');
    const tab2 = await rig.context.newPage();
    try {
      await tab2.goto(`${base}/#/cases/new`);
      await hasText(tab2.locator('main'), '保存在本机的草稿');
      expect(await tab2.locator('.draft-restored').count()).toBe(1);
      await page.getByRole('button', { name: '登记仲裁申请' }).click();
      await hasText(page.locator('main'), '已登记');
      await hasText(tab2.locator('[data-other-tab] .alert'), '此申请已在另一窗口登记为');
      expect(await tab2.locator('.draft-restored').count()).toBe(0);
      expect(await tab2.locator('main').textContent()).not.toContain('已恢复');
    } finally {
      await tab2.close();
      await clearDrafts(page);
    }
  });

  it('L3 the 送达 dialog names the award as 文书种类 does; the documents list separates its finality mark; L1 确认裁决生效 says its refusal as it opens', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('文书辛', 955)], receivedOn: '2026-03-02' }),
    });
    const claims = c.claims as unknown as { id: number; amount: string }[];
    const awarded = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: cl.amount, paymentDays: 10 })),
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-03-30',
    );
    const made = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const served = await ok(
      awarded,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: (c.applicants[0] as { id: number }).id, method: 'direct' },
      '2026-03-31',
    );
    await ok(
      served,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: (c.respondents[0] as { id: number }).id, method: 'direct' },
      '2026-03-31',
    );
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    const docs = page.locator('#sec-docs tbody tr').filter({ hasText: '仲裁裁决书' }).first();
    await docs.waitFor();
    expect(await docs.locator('td').first().textContent()).toMatch(/仲裁裁决书 (终局|非终局)/);
    await actButton('送达').click();
    let dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const options = await dlg.getByRole('combobox', { name: '送达文书', exact: true }).locator('option').allTextContents();
    expect(options).toContain('仲裁裁决书');
    expect(options).not.toContain('裁决书');
    await dlg.getByRole('button', { name: '取消' }).click();
    await dlg.waitFor({ state: 'detached' });
    await actButton('确认裁决生效').click();
    dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await hasText(dlg.locator('.open-refusal'), '裁决尚不能确认生效');
  });
});
