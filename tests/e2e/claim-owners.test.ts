import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, createActors } from '../helpers/procedure.ts';

/**
 * Several workers in one application (a collective dispute, Rules Art. 62): the registration form lets each claim be
 * one worker's own — chosen, or split from a claim of them all — so that the award names who is owed what and a final
 * award is judged on each worker's amount (LDMAL Art. 47(1); SPC-1 Art. 19). In real Chromium.
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

const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 10_000 });
const claim = (i: number) => page.locator(`[data-claim="claims.${i}"]`);

describe('each worker’s own claims in the registration form (Chromium)', () => {
  it('a claim of all is split per worker; a removed worker’s claim goes with him; the case shows whose claim each is', async () => {
    await signIn(page, base, 'clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.getByLabel('收到申请日期').fill('2026-03-20');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    // One applicant: no owner to choose.
    expect(await claim(0).getByLabel('申请人').count()).toBe(0);
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
    await page.locator('[data-party="respondents.0"]').getByLabel('名称').fill('聊城某某建筑有限公司');
    await page.locator('[data-party="respondents.0"]').getByLabel('用人单位类型').selectOption('private');
    await claim(0).getByLabel('请求类别').selectOption('wages');
    await claim(0).getByLabel('请求内容').fill('支付拖欠工资');
    // Several workers: the form says how a claim of them all is judged.
    await hasText(page.locator('.claims-owner-hint'), '终局裁决按该项全部金额判断');
    // The owner choices read the names as typed.
    await hasText(claim(0).getByLabel('申请人'), '第3名申请人（孙丙）');
    await claim(0).getByRole('button', { name: '按申请人分列' }).click();
    await visible(claim(2));
    for (const i of [0, 1, 2]) {
      expect(await claim(i).getByLabel('申请人').inputValue()).toBe(String(i + 1));
      expect(await claim(i).getByLabel('请求内容').inputValue()).toBe('支付拖欠工资');
      // Each worker's amount is his own to write: none is copied.
      expect(await claim(i).getByLabel('金额（元）').inputValue()).toBe('');
    }
    // 钱乙 removed: his own claim goes with him, asked first (never turned into a claim of everyone left); 孙丙's
    // follows him up to 2nd.
    await page.locator('[data-party="applicants.1"]').getByRole('button', { name: /删除/ }).first().click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '钱乙有 1 项本人的仲裁请求（支付拖欠工资），将一并删除');
    await ask.getByRole('button', { name: '返回修改' }).click();
    // The question is gone before it is asked again (a click while it closes would land on nothing).
    await page.locator('dialog.confirm[open]').waitFor({ state: 'detached' });
    expect(await claim(2).getByLabel('申请人').inputValue()).toBe('3');
    await page.locator('[data-party="applicants.1"]').getByRole('button', { name: /删除/ }).first().click();
    const again = page.locator('dialog.confirm[open]');
    await hasText(again, '钱乙有 1 项本人的仲裁请求');
    await again.getByRole('button', { name: '删除申请人及其请求' }).click();
    await eventually(async () => expect(await claim(2).count()).toBe(0));
    expect(await claim(0).getByLabel('申请人').inputValue()).toBe('1');
    expect(await claim(1).getByLabel('申请人').inputValue()).toBe('2');
    await claim(0).getByLabel('金额（元）').fill('8000');
    await claim(1).getByLabel('金额（元）').fill('9500');
    const before = (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total as number;
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await visible(page.getByText('已登记'));
    const list = await t.api(a.tokens.clerk).get('/api/cases?pageSize=1');
    expect(list.body.total).toBe(before + 1);
    const c = (await t.api(a.tokens.clerk).get(`/api/cases/${list.body.items[0].id}`)).body;
    expect(c.applicants.map((p: { name: string }) => p.name)).toEqual(['赵甲', '孙丙']);
    expect(c.claims.map((x: { applicant?: number; amount: string }) => [x.applicant, x.amount])).toEqual([
      [1, '8000.00'],
      [2, '9500.00'],
    ]);
    // The case page says whose claim each is.
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('main'), '申请人孙丙：支付拖欠工资');
    await eventually(async () => expect(await page.getByText('申请人赵甲：').count()).toBeGreaterThan(0));

    // A claim given up is named in the claims' history by its number and words, not counted ("放弃 1 项").
    const api = t.api(a.tokens.clerk);
    expect((await api.post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-23' })).status).toBe(200);
    const given = await api.post(`/api/cases/${c.id}/events`, {
      type: 'CHANGE_CLAIMS',
      occurredOn: '2026-03-24',
      withdraw: [c.claims[1].id],
    });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    await page.reload();
    await hasText(page.locator('main'), '放弃第2项“支付拖欠工资”');
  });
});
