import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { createActors } from '../helpers/procedure.ts';

/**
 * fixA53 (legal53a L3) in Chromium: the registration's partyWarnings are shown on the new case's page, and a natural
 * person can be marked as the employer (用人单位类型), which the warning asks for (workflows/sides.ts; LDMAL Art. 22).
 */
let t: TestApp;
let rig: BrowserRig;
let base: string;
let page: Page;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '1000', MAX_SESSIONS_PER_USER: '100' } });
  await createActors(t);
  rig = await openBrowser(t);
  ({ base, page } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
});

const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 10_000 });

async function register(applicant: string, respondent: string, applicantOwnership?: string): Promise<number> {
  await page.getByRole('link', { name: '登记申请' }).click();
  await page.getByLabel('收到申请日期').fill('2026-03-20');
  await page.getByLabel('管辖地区').selectOption('东昌府区');
  const app = page.locator('[data-party="applicants.0"]');
  await app.getByLabel('姓名').fill(applicant);
  if (applicantOwnership) await app.getByLabel('用人单位类型').selectOption(applicantOwnership);
  const resp = page.locator('[data-party="respondents.0"]');
  await resp.getByLabel('类型', { exact: true }).selectOption('person');
  await resp.getByLabel('姓名').fill(respondent);
  await page.locator('[data-claim="claims.0"]').getByLabel('金额（元）').fill('5000');
  await page.locator('[data-claim="claims.0"]').getByLabel('请求类别').selectOption('damages');
  await page.locator('[data-claim="claims.0"]').getByLabel('请求内容').fill('赔偿损失');
  await page.getByRole('button', { name: '登记仲裁申请' }).click();
  await visible(page.getByText('已登记'));
  return Number(/#\/cases\/(\d+)/.exec(page.url())?.[1]);
}

describe('fixA53: both sides natural persons (Chromium)', () => {
  it('unmarked: the case page says the employer cannot be told; marked in the form: no such note, ownership recorded', async () => {
    await signIn(page, base, 'clerk');
    await register('蒋老板', '沈伙计');
    await hasText(page.locator('.alert.warn', { hasText: '当事人、代理人信息请核对' }), '系统无法分辨哪一方是用人单位');

    const id = await register('韩老板', '杨伙计', 'individual');
    expect(await page.getByText('系统无法分辨哪一方是用人单位').count()).toBe(0);
    const c = (await t.api(t.adminToken).get(`/api/cases/${id}`)).body;
    expect(c.applicants[0].ownership).toBe('individual');
  });
});
