import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, caseAt, caseEvents, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui57 fixes in Chromium: the award form's shares that do not add up are said under their field and go when
 * fixed, no English key in any message (#1); the confirmation warns of a joint item only when it is paid without shares
 * (#2); 下一步 says why 作出裁决 is not offered after a hearing whose notice was not proven served (#3); 更正日期 keeps
 * its dialog and what was typed, with each error under its field (#4); the award form's labels (#5); a role's refusal
 * on 系统管理 and 登记申请, and whose act 开始调解 is on an unassigned case (#6).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});
const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two workers, two employers (a dispatched worker's agency and user unit), two joint claims; heard 03-25. */
async function jointCase() {
  return caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker('张丙', 571), worker('王丁', 572)],
      respondents: [
        employer('聊城五七劳务派遣有限公司'),
        { ...employer('聊城五七机械有限公司'), creditCode: creditCode('91371500MA3C7K5L7') },
      ],
      claims: [
        { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        { category: 'wages', amount: '3000.00', description: '2025年9月加班工资' },
      ],
    }),
  });
}

describe('fixU57 (Chromium)', () => {
  it('#1 #2 #5 award form: shares errors under their field and gone when fixed; the joint warning only where due; labels', async () => {
    const { c } = await jointCase();
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('作出裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    // #5: every control has its own name — the outcome, who performs (not all its options), each worker's share.
    const outcome = dlg.getByRole('combobox', { name: '第1项裁决结果', exact: true });
    await outcome.selectOption('granted');
    const payer = dlg.getByRole('combobox', { name: '第1项履行义务人', exact: true });
    expect(await payer.count()).toBe(1);
    // fixU58 #1: who pays is picked (no silent 全体被申请人); the agency alone here.
    await payer.selectOption({ label: '聊城五七劳务派遣有限公司' });
    const payerLabel = dlg.locator('.payers label').first();
    expect(await payerLabel.textContent()).toBe('履行义务人：');
    const row1 = dlg.locator('.shares').first();
    expect(await row1.getAttribute('role')).toBe('group');
    const zhang = dlg.getByLabel('第1项申请人张丙分得的金额（元）');
    const wang = dlg.getByLabel('第1项申请人王丁分得的金额（元）');
    // Each box has its own label element (the worker's name) and 元 after it, one worker a line.
    const shareLines = (await row1.locator('.share').allTextContents()).map((x) => x.replace(/\s+/g, ''));
    expect(shareLines).toEqual(['张丙：元', '王丁：元']);
    expect(await row1.locator('label').allTextContents()).toEqual(['张丙：', '王丁：']);
    const [y1, y2] = await Promise.all([zhang.boundingBox(), wang.boundingBox()]);
    expect((y2?.y ?? 0) > (y1?.y ?? 0)).toBe(true);
    // #1: shares that do not add up — the error under the shares, no raw key, the summary line names the item.
    await zhang.fill('7000');
    await wang.fill('4000');
    const sharesError = dlg.locator('[data-error-for="items.0.shares"]');
    await hasText(sharesError, '合计');
    expect(await row1.getAttribute('aria-invalid')).toBe('true');
    const summary = await dlg.locator('p.small[aria-live="polite"]').allTextContents();
    expect(summary.join('')).toContain('第1项');
    expect(await dlg.textContent()).not.toMatch(/shares|obligorIds|items\.\d/);
    // Fixed: the error goes at once.
    await wang.fill('5000');
    await eventually(async () => expect(await sharesError.textContent()).toBe(''));
    expect(await row1.getAttribute('aria-invalid')).toBeNull();
    // A share of 0 (the sum right): said under that worker's box, the second one sent.
    await zhang.fill('12000');
    await wang.fill('0');
    const wangError = dlg.locator('[data-error-for="items.0.shares.1.amount"]');
    await hasText(wangError, '大于 0 元');
    expect(await wang.getAttribute('aria-invalid')).toBe('true');
    await wang.fill('');
    await eventually(async () => expect(await wangError.count()).toBe(0));
    await zhang.fill('7000');
    await wang.fill('5000');
    // #2: item 1 with its shares, item 2 dismissed — no warning of an item without shares.
    await dlg.getByRole('combobox', { name: '第2项裁决结果', exact: true }).selectOption('dismissed');
    await dlg.getByLabel('经审理查明').fill('经审理查明，两申请人均在被申请人处工作。');
    await dlg.getByLabel('本委认为').fill('本委认为，被申请人应分别支付两申请人的工资。');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    let confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '分别为张丙 7,000.00');
    expect(await confirm.textContent()).not.toContain('未写明');
    expect(await confirm.textContent()).not.toContain('shares');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    // Granted without shares: warned, for that item only.
    await zhang.fill('');
    await wang.fill('');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '请求“2025年10月至12月工资”是申请人张丙、王丁共同提出的，裁决12000.00元未写明每名申请人分得的金额');
    // Once, from the server's preview; not of the dismissed item.
    expect(((await confirm.textContent()) ?? '').split('未写明每名申请人分得的金额')).toHaveLength(2);
    expect(await confirm.textContent()).not.toContain('请求“2025年9月加班工资”是');
    expect(await confirm.textContent()).not.toContain('shares');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await dlg.getByRole('button', { name: '取消' }).first().click();
  });

  it('#5 先予执行: the date is named 先予执行裁决日期', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled');
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('先予执行裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('先予执行裁决日期').waitFor();
    expect(await dlg.getByLabel('裁决日期', { exact: true }).count()).toBe(0);
  });

  it('#3 下一步 says why 作出裁决 / 部分裁决 are not offered after a hearing without a served notice', async () => {
    const { c } = await caseAt(t, a, 'heard', { held: { applicantPresent: true, respondentPresent: false } });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    const blocked = page.getByRole('list', { name: '暂不能办理的操作' });
    await blocked.waitFor();
    const lines = await blocked.locator('li').allTextContents();
    const award = lines.find((l) => l.startsWith('作出裁决：'));
    expect(award).toContain('未到庭的被申请人');
    // The party is named, not numbered.
    expect(award).toContain((c.respondents as unknown as { name: string }[])[0]?.name as string);
    expect(award).toContain('第三十六条');
    expect(award).toContain('请送达开庭通知后另行排期开庭');
    expect(lines.some((l) => l.startsWith('部分裁决'))).toBe(true);
    expect(await actButton('作出裁决').count()).toBe(0);
    // The clerk, who serves the notice, reads the same reason; the act is not listed as someone else's to do.
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.getByRole('list', { name: '暂不能办理的操作' }), '作出裁决：未到庭的被申请人');
    expect((await page.locator('.others-next').textContent()) ?? '').not.toContain('作出裁决');
  });

  it('#4 更正日期: the dialog stays with what was typed, each error under its field; one confirmation of the effect', async () => {
    const c = (await registerCase(t, a, standardApplication({ receivedOn: '2026-03-03' }))) as CaseView;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-10');
    await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-03-20' }, '2026-03-20');
    const resume = ((await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { seq: number; type: string }[]).find(
      (e) => e.type === 'RESUME',
    ) as { seq: number };
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/date-corrections')) posts.push(r.url());
    });
    await page.getByTestId(`correct-date-${resume.seq}`).click();
    const dlg = page.locator('dialog.correct-date-dialog[open]');
    const day = dlg.getByLabel('更正后的日期');
    const reason = dlg.getByLabel('更正理由（主任决定）');
    // Empty: said under each field before any confirmation; the dialog stays.
    await day.fill('');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await hasText(dlg.locator('[data-error-for="value"]'), '请填写更正后的日期');
    await hasText(dlg.locator('[data-error-for="reason"]'), '请填写更正理由');
    expect(await page.locator('dialog.confirm[open] .correct-date-what').count()).toBe(0);
    // Enter in the date field confirms nothing.
    await day.fill('2026-03-20');
    await day.press('Enter');
    await sleep(200);
    expect(await page.locator('.correct-date-what').count()).toBe(0);
    // The same date: said under it.
    await reason.fill('恢复审理决定书落款日期有误');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await hasText(dlg.locator('[data-error-for="value"]'), '该日期已是 2026-03-20');
    // Typing clears it.
    await day.fill('2026-03-09');
    await eventually(async () => expect(await dlg.locator('[data-error-for="value"]').textContent()).toBe(''));
    // A date the rules refuse (a resumption before the suspension): the 422 under the date, the dialog and the reason kept.
    await dlg.getByRole('button', { name: '下一步' }).click();
    const what = page.locator('dialog.confirm[open] .correct-date-what');
    await hasText(what, '2026-03-09');
    const text = (await what.textContent()) ?? '';
    expect(text).toContain('恢复审理');
    // The due date is today's, said as today's (the server offers no preview).
    expect(text).toMatch(/审理期限届满日现为 \d{4}-\d{2}-\d{2}，更正后将重新计算/);
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认更正' }).click();
    await eventually(async () => expect((await dlg.locator('[data-error-for="value"]').textContent()) ?? '').not.toBe(''));
    expect(await dlg.isVisible()).toBe(true);
    expect(await reason.inputValue()).toBe('恢复审理决定书落款日期有误');
    expect(await page.locator('#sec-history .alert').count()).toBe(0);
    // Corrected: the dialog closes, the history shows the correction.
    await day.fill('2026-03-19');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认更正' }).click();
    await eventually(async () => {
      expect(await page.locator('.corrected-what').textContent()).toContain('2026-03-20 更正为 2026-03-19');
    });
    expect(await page.locator('dialog.correct-date-dialog[open]').count()).toBe(0);
    expect(posts).toHaveLength(2);
  });

  it("#6 系统管理 and 登记申请 refuse a role that may not use them; 开始调解 on an unassigned case is the assigned mediator's", async () => {
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/admin`);
    await hasText(page.locator('.admin-refusal'), '书记员不能使用系统管理');
    expect(await page.locator('main h1').textContent()).toBe('系统管理');
    expect(await page.title()).not.toContain('系统管理：系统管理');
    await signIn(page, base, 'analyst');
    await page.goto(`${base}/#/cases/new`);
    await hasText(page.locator('.register-refusal'), '不能登记仲裁申请');
    expect(await page.locator('form.register').count()).toBe(0);
    await page.goto(`${base}/#/cases/new-review`);
    await hasText(page.locator('.register-refusal'), '不能登记仲裁审查申请');
    expect(await page.locator('form.register').count()).toBe(0);
    // The mediator on an accepted case not assigned to him: 开始调解 is not his here — listed as the assigned mediator's.
    const { c } = await caseAt(t, a, 'accepted');
    const all = (await t.api(a.tokens.mediator).get(`/api/cases/${c.id}/next-events?all=true`)).body as { type: string }[];
    const mine = (await t.api(a.tokens.mediator).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(mine.map((n) => n.type)).not.toContain('START_MEDIATION');
    expect(all.map((n) => n.type)).toContain('START_MEDIATION');
    await signIn(page, base, 'mediator');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.others-next'), '开始调解（仲裁员、本案指派的调解员）');
  });
});
