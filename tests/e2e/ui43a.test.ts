import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, caseAt, caseEvents, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui43a (a new user's walk) in Chromium: identity numbers, credit codes and phones typed or pasted in groups
 * (M1, L7); 按申请人分列 keeps the amount and a money claim without one is asked about (M2); the award says why an item
 * is non-final (M6); a conflict with the person's own other tab is not "someone else" (L10); the award confirmation
 * after the time limit (L13); on a phone, compact deadline rows (M5) and the case page's section links (L14).
 */
let t: TestApp;
let a: Actors;
let rig: BrowserRig;
let base: string;
let page: Page;

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

const claim = (i: number) => page.locator(`[data-claim="claims.${i}"]`);
const clearDrafts = () =>
  page.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
const newestCase = async () => {
  const list = await t.api(a.tokens.clerk).get('/api/cases?pageSize=1');
  return (await t.api(a.tokens.clerk).get(`/api/cases/${list.body.items[0].id}`)).body;
};
async function startRegistration() {
  await signIn(page, base, 'clerk');
  await page.goto(`${base}/#/cases/new`);
  await page.getByLabel('收到申请日期').fill('2026-03-20');
  await page.getByLabel('管辖地区').selectOption('东昌府区');
  const respondent = page.locator('[data-party="respondents.0"]');
  await respondent.getByLabel('名称').fill('聊城某某建筑有限公司');
  await respondent.getByLabel('用人单位类型').selectOption('private');
  return respondent;
}

describe('ui43a (Chromium)', () => {
  it('M1 an identity number, a credit code and phones pasted or typed in groups are kept whole and sent plain', async () => {
    const respondent = await startRegistration();
    const applicant = page.locator('[data-party="applicants.0"]');
    await applicant.getByLabel('姓名').fill('王大槌');
    // Pasted with spaces: not cut at 18 characters by the field's length limit, the spaces dropped as it goes in.
    const id = applicant.getByLabel('公民身份号码');
    await id.focus();
    await page.keyboard.insertText('371502 19900101 1234');
    expect(await id.inputValue()).toBe('371502199001011234');
    // Typed with hyphens and full-width spaces, key by key.
    await id.fill('');
    await id.pressSequentially('371502-19900101\u30001234');
    expect(await id.inputValue()).toBe('371502199001011234');
    await id.blur();
    expect(await applicant.locator('[data-error-for="applicants.0.idNumber"]').textContent()).toBe('');
    // A credit code in groups, lower case.
    const cc = respondent.getByLabel('统一社会信用代码');
    await cc.focus();
    await page.keyboard.insertText('91371500 mA3C 0000 0X');
    expect(await cc.inputValue()).toBe('91371500MA3C00000X');
    await cc.fill('');
    // A grouped mobile becomes its 11 digits when the field is left; a landline gets its hyphen.
    const phone = applicant.getByLabel('联系电话');
    await phone.fill('138 0000 1111');
    await phone.blur();
    expect(await phone.inputValue()).toBe('13800001111');
    await respondent.getByLabel('联系电话').fill('0635 8888888');
    await respondent.getByLabel('联系电话').blur();
    expect(await respondent.getByLabel('联系电话').inputValue()).toBe('0635-8888888');
    await claim(0).getByLabel('请求类别').selectOption('wages');
    await claim(0).getByLabel('请求内容').fill('支付2025年10月至12月工资');
    await claim(0).getByLabel('金额（元）').fill('12000');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('main'), '已登记');
    const c = await newestCase();
    expect(c.applicants[0]).toMatchObject({ name: '王大槌', idNumber: '371502199001011234', phone: '13800001111' });
    expect(c.respondents[0]).toMatchObject({ phone: '0635-8888888' });
  });

  it('M1 the act dialog’s identity number (追加当事人) loses its spaces as it is pasted', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '追加当事人或第三人', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const id = dlg.getByLabel('身份证号码（自然人）');
    await id.focus();
    await page.keyboard.insertText('371502 19900101 1234');
    expect(await id.inputValue()).toBe('371502199001011234');
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: /放弃/ }).click();
  });

  it('M2 按申请人分列 keeps the amount (each worker’s, or the total to divide); a money claim without an amount is asked about', async () => {
    await startRegistration();
    const names = ['赵甲', '钱乙', '孙丙'];
    await page
      .locator('[data-party="applicants.0"]')
      .getByLabel('姓名')
      .fill(names[0] as string);
    for (const [i, n] of names.slice(1).entries()) {
      await page.getByRole('button', { name: '＋ 申请人' }).click();
      await page
        .locator(`[data-party="applicants.${i + 1}"]`)
        .getByLabel('姓名')
        .fill(n);
    }
    await claim(0).getByLabel('请求类别').selectOption('wages');
    await claim(0).getByLabel('请求内容').fill('支付拖欠工资');
    await claim(0).getByLabel('金额（元）').fill('3000');
    await claim(0).getByRole('button', { name: '按申请人分列' }).click();
    let ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '原金额 3000 元是每名申请人各自请求的金额');
    await ask.getByRole('button', { name: '每人各 3000 元' }).click();
    await eventually(async () => expect(await claim(2).count()).toBe(1));
    for (const i of [0, 1, 2]) expect(await claim(i).getByLabel('金额（元）').inputValue()).toBe('3000');
    await hasText(page.locator('.split-note'), '每项金额 3000 元');
    // A second claim of them all, its amount the total: each worker's amount is to be written, the empty ones marked.
    await page.getByRole('button', { name: '＋ 请求' }).click();
    await claim(3).getByLabel('请求类别').selectOption('economic_compensation');
    await claim(3).getByLabel('请求内容').fill('支付经济补偿');
    await claim(3).getByLabel('金额（元）').fill('9000');
    await claim(3).getByRole('button', { name: '按申请人分列' }).click();
    ask = page.locator('dialog.confirm[open]');
    await ask.getByRole('button', { name: '是合计，逐人填写' }).click();
    await eventually(async () => expect(await claim(5).count()).toBe(1));
    await hasText(page.locator('.split-note'), '原合计 9000 元');
    for (const i of [3, 4, 5]) {
      expect(await claim(i).getByLabel('金额（元）').inputValue()).toBe('');
      expect(await claim(i).getByLabel('金额（元）').getAttribute('aria-invalid')).toBe('true');
    }
    await claim(3).getByLabel('金额（元）').fill('4000');
    // Registering with two money claims still without an amount: asked first, nothing sent until confirmed.
    const before = (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total as number;
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '2 项金钱请求未填金额');
    await hasText(ask, '第2名申请人（钱乙）：经济补偿');
    await ask.getByRole('button', { name: '返回填写金额' }).click();
    await ask.waitFor({ state: 'detached' });
    await hasText(page.locator('[data-error-for="claims.4.amount"]'), '请填写金额');
    expect((await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total).toBe(before);
    await claim(4).getByLabel('金额（元）').fill('3000');
    await claim(5).getByLabel('金额（元）').fill('2000');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('main'), '已登记');
    const c = await newestCase();
    expect(c.claims.map((x: { applicant?: number; amount: string | null }) => [x.applicant, x.amount])).toEqual([
      [1, '3000.00'],
      [2, '3000.00'],
      [3, '3000.00'],
      [1, '4000.00'],
      [2, '3000.00'],
      [3, '2000.00'],
    ]);
    await clearDrafts();
  });

  it('M6 the award form and its confirmation say why an item is non-final; L13 an award after the time limit says so', async () => {
    // Accepted 2026-02-02: the 45 days ran out before the award of 2026-03-30.
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        receivedOn: '2026-01-30',
        claims: [
          { category: 'confirm_relationship', description: '确认申请人与被申请人自2024年3月起存在劳动关系' },
          { category: 'wages', amount: '5000.00', description: '支付2025年10月工资' },
        ],
      }),
      acceptOn: '2026-02-02',
      formOn: '2026-02-03',
      scheduleOn: '2026-02-04',
      hearingOn: '2026-02-26',
    });
    const due = (c.deadlines as { kind: string; dueOn: string | null }[]).find((d) => d.kind === 'award')?.dueOn;
    expect(due && due < '2026-03-30').toBe(true);
    const arbName = a.arbitrators.findIndex((x) => x.id === arb.id);
    await signIn(page, base, ['arb-li', 'arb-wang', 'arb-zhao'][arbName] as string);
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '作出裁决', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('裁决日期').fill('2026-03-30');
    await dlg.getByLabel('第1项裁决结果').selectOption('granted');
    await dlg.getByLabel('第2项裁决结果').selectOption('granted');
    // Each item's reason under its finality, not only in a tooltip.
    await eventually(async () => expect(await dlg.locator('.final-no').count()).toBe(2));
    await hasText(dlg.locator('.fin-reason').nth(1), '确认劳动关系');
    await dlg.getByLabel('经审理查明').fill('经审理查明，申请人于2024年3月入职被申请人处。');
    await dlg.getByLabel('本委认为').fill('本委认为，双方存在劳动关系。');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm.locator('li').nth(1), '5,000.00 元（非终局）理由：');
    await hasText(confirm.locator('li').nth(1), '确认劳动关系');
    await hasText(confirm, `已超过审理期限（届满日 ${due}`);
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: /放弃/ }).click();
    await clearDrafts();
  });

  it('L10 a conflict with the person’s own other tab says so, not “someone else”', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const applicant = (c.applicants[0] as { name?: string } | undefined)?.name as string;
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已受理');
    // The same clerk, in another tab, serves the acceptance notice (sent with the clerk's own token).
    const { ok } = caseEvents(() => t);
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'acceptance_notice', partyId: c.applicants[0]?.id, method: 'direct' }, '2026-03-31');
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '送达', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('acceptance_notice');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ label: `申请人：${applicant}` });
    await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await dlg.getByLabel('签收人').fill(applicant);
    await dlg.getByRole('button', { name: '确定' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认送达' }).click();
    const alert = dlg.locator('.form-alert');
    await hasText(alert, '案件已在其他窗口或由您本人修改（您于');
    await hasText(alert, '办理了“送达”');
    expect((await alert.textContent()) ?? '').not.toContain('他人');
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: /放弃/ }).click();
  });

  it('M5 L14 on a 390 px phone: deadline rows are compact (说明 behind a toggle), the section links sit in a grid', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled', { hearingOn: '2026-04-10' });
    await signIn(page, base, 'clerk');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/`);
      const table = page.locator('table.deadline-list');
      await table.waitFor();
      const tallest = await table.evaluate((el) =>
        Math.max(...[...el.querySelectorAll('tbody tr')].map((r) => r.getBoundingClientRect().height)),
      );
      expect(tallest).toBeLessThan(150);
      expect(await table.locator('th.explain').isVisible()).toBe(false);
      const toggle = table.locator('details.explain-inline summary').first();
      expect(await toggle.isVisible()).toBe(true);
      await toggle.click();
      expect(((await table.locator('details.explain-inline[open]').first().textContent()) ?? '').length).toBeGreaterThan(4);
      await page.goto(`${base}/#/cases/${c.id}`);
      const toc = page.locator('nav.toc');
      await toc.waitFor();
      const tops = await toc.evaluate((el) => [...el.querySelectorAll('a')].map((x) => Math.round(x.getBoundingClientRect().top)));
      const rows = [...new Set(tops)].sort((x, y) => x - y);
      expect(rows.length).toBeLessThanOrEqual(2);
      // No row left far below the others: rows are one link's height apart.
      if (rows.length === 2) expect((rows[1] as number) - (rows[0] as number)).toBeLessThan(60);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    // On a wide screen the 说明 column is there and the toggle is not.
    await page.goto(`${base}/#/`);
    await page.locator('table.deadline-list').waitFor();
    expect(await page.locator('table.deadline-list th.explain').isVisible()).toBe(true);
    expect(await page.locator('table.deadline-list details.explain-inline').first().isVisible()).toBe(false);
  });

  it('L12 a due date on a rest day is marked 休息日', async () => {
    // A hearing on Monday 2026-04-20: the notice is to be served 5 working days before, at the latest on Sunday
    // 2026-04-12 (the last day may be a rest day); the award limit (2026-04-20) is a working day.
    const { c } = await caseAt(t, a, 'hearing_scheduled', { hearingOn: '2026-04-20' });
    const notice = (c.deadlines as { kind: string; dueOn: string | null }[]).find((d) => d.kind === 'hearing_notice');
    expect(notice?.dueOn).toBe('2026-04-12');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    const dateCell = (label: string) => page.locator('#sec-deadlines tbody tr', { hasText: label }).locator('td.date').first();
    await hasText(dateCell('开庭通知送达'), '休息日');
    expect(await dateCell('开庭通知送达').locator('.rest-day').getAttribute('title')).toContain('周末');
    await page.waitForTimeout(300);
    expect(await dateCell('仲裁审理期限').locator('.rest-day').count()).toBe(0);
  });
});
