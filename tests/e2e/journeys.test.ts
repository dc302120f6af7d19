import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCreditCode, completeIdNumber } from '../../workflows/identifiers.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * The main journeys in real Chromium against the real server (issue 7). The server runs in this process on a
 * fresh database with "today" pinned to 2026-04-01; acts are dated in March through the forms' date fields.
 * Screenshots of the main screens go to artifacts/screenshots/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
let t: TestApp;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (install Debian "chromium"; .ci/run does)`);
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '1000' } });
  for (const [role, name] of [
    ['clerk', 'clerk-e2e'],
    ['chair', 'chair-e2e'],
    ['arbitrator', 'arb-e2e'],
    ['mediator', 'mediator-e2e'],
    ['analyst', 'analyst-e2e'],
  ] as const) {
    await t.tokenFor(role, name);
  }
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  // The Content-Security-Policy (server/app.ts) must not block anything the screens use.
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (apply|execute|load|connect|frame)/i.test(m.text())) cspViolations.push(m.text());
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  await t?.close();
});

/** playwright-core has no web-first assertions: retry a plain assertion until it holds (10 s). */
async function eventually(check: () => Promise<void>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 10_000 });
const text = (l: Locator, want: string) => eventually(async () => expect((await l.first().textContent()) ?? '').toContain(want));
const count = (l: Locator, n: number) => eventually(async () => expect(await l.count()).toBe(n));

/** Saves a screenshot, and checks the screen shows no leaked "null"/"undefined"/"NaN" text. */
async function shot(name: string) {
  const shown = (await page.evaluate('document.body.innerText')) as string;
  expect(shown, name).not.toMatch(/\bnull\b|\bundefined\b|\bNaN\b|\[object /);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function login(username: string) {
  await page.goto(`${base}/#/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(`${username}-password-1`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('nav.side').waitFor();
}
async function logout() {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}
/** Opens the action dialog by its button, sets the date and lets `fill` set the rest, then submits it. */
async function act(label: string, on: string, fill: () => Promise<void> = async () => {}) {
  await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: label, exact: true }).click();
  const dlg = page.locator('dialog[open]');
  await dlg.waitFor();
  await dlg.getByLabel('发生日期').fill(on);
  await fill();
  await dlg.getByRole('button', { name: '确定' }).click();
  await dlg.waitFor({ state: 'detached' });
}

let caseUrl = '';

describe('web interface journeys (Chromium)', () => {
  it('401 sends you to the login page', async () => {
    await page.goto(`${base}/#/cases`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await shot('01-login');
    await page.evaluate("sessionStorage.setItem('zc.token', 'not-a-token')");
    await page.goto(`${base}/#/stats`);
    await page.reload();
    await visible(page.getByText('登录已失效'));
  });

  it('clerk registers an application: field errors appear next to their fields, then it registers', async () => {
    await login('clerk-e2e');
    // Counts show 0, not nothing.
    await text(page.locator('.card').filter({ hasText: '已逾期期限' }).locator('.n'), '0');
    await shot('02-workbench-clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.getByLabel('收到申请日期').fill('2026-03-02');
    const applicant = page.locator('[data-party="applicants.0"]');
    await applicant.getByLabel('姓名').fill('张三');
    await applicant.getByLabel('公民身份号码').fill('371502199001011231');
    await page.locator('[data-claim="claims.0"]').getByLabel('金额（元）').fill('12000.00');
    await page.locator('[data-claim="claims.0"]').getByLabel('请求内容').fill('支付2025年10月至12月工资');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    // The server's 400 names the fields; each message sits under its input.
    await text(page.locator('[data-error-for="applicants.0.idNumber"]'), '校验');
    await eventually(async () =>
      expect(((await page.locator('[data-error-for="respondents.0.name"]').textContent()) ?? '').length).toBeGreaterThan(0),
    );
    await eventually(async () => expect(await applicant.getByLabel('公民身份号码').getAttribute('aria-invalid')).toBe('true'));
    await shot('03-register-errors');

    await applicant.getByLabel('公民身份号码').fill(completeIdNumber('37150219900101123'));
    const respondent = page.locator('[data-party="respondents.0"]');
    await respondent.getByLabel('名称').fill('聊城某某机械有限公司');
    await respondent.getByLabel('统一社会信用代码').fill(completeCreditCode('91371500MA3C7K2L1'));
    await page
      .getByRole('button', { name: '+ 请求' })
      .or(page.getByRole('button', { name: '＋ 请求' }))
      .click();
    const claim2 = page.locator('[data-claim="claims.1"]');
    await claim2.getByLabel('请求类别').selectOption('economic_compensation');
    await claim2.getByLabel('金额（元）').fill('26400');
    await claim2.getByLabel('请求内容').fill('解除劳动合同经济补偿');
    // Knew of the infringement more than a year before applying: registered, with the limitation notice shown.
    await page.getByLabel('知道或应当知道权利被侵害之日').fill('2024-12-01');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await visible(page.getByText('已登记'));
    await visible(page.getByText('时效提示：可能已超过仲裁时效'));
    // Deadlines name the parties, not their ids.

    caseUrl = page.url();
    expect(caseUrl).toMatch(/#\/cases\/\d+$/);
    await act('受理', '2026-03-04');
    await text(page.locator('.case-head'), '已受理');
    await text(page.locator('.case-head .no'), '〔2026〕');
    await shot('04-case-accepted');
    await logout();
  });

  it('chair forms the tribunal; the arbitrator schedules, hears and awards with finality shown as typed; the PDF downloads', async () => {
    await login('chair-e2e');
    await page.goto(caseUrl);
    await act('组成仲裁庭', '2026-03-05', async () => {
      const dlg = page.locator('dialog[open]');
      await dlg.getByLabel('仲裁员（独任1名或合议3名）').selectOption({ label: 'arb-e2e（测试）' });
      await dlg.getByLabel('首席/独任仲裁员').selectOption({ label: 'arb-e2e（测试）' });
    });
    await text(page.locator('.case-head'), '已组庭');
    await logout();

    await login('arb-e2e');
    await visible(page.getByText('我承办的案件'));
    await page.goto(caseUrl);
    await act('排期开庭', '2026-03-06', async () => {
      const dlg = page.locator('dialog[open]');
      await dlg.getByLabel('开庭日期').fill('2026-03-20');
      await dlg.getByLabel('地点').fill('第一仲裁庭');
    });
    await text(page.locator('.case-head'), '已排期');
    await act('开庭审理', '2026-03-20');
    await text(page.locator('.case-head'), '已开庭');

    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '作出裁决', exact: true }).click();
    const dlg = page.locator('dialog[open]');
    await dlg.getByLabel('发生日期').fill('2026-03-25');
    await dlg.getByLabel('第1项裁决金额').fill('12000.00');
    await dlg.getByLabel('第2项裁决结果').selectOption('partly');
    await dlg.getByLabel('第2项裁决金额').fill('20000.00');
    // Within 12 months of the local minimum wage: both items final, shown before anything is submitted.
    await count(dlg.locator('.final-yes'), 2);
    await visible(dlg.getByText('整体：终局裁决'));
    await dlg.getByLabel('第2项裁决金额').fill('99999.00');
    await count(dlg.locator('.final-no'), 1);
    await dlg.getByLabel('第2项裁决金额').fill('20000.00');
    await count(dlg.locator('.final-yes'), 2);
    await dlg.getByLabel('被申请人辩称').fill('被申请人辩称，已足额支付工资。');
    await dlg.getByLabel('经审理查明').fill('经审理查明，申请人于2023年3月入职被申请人处。');
    await dlg.getByLabel('本委认为').fill('本委认为，被申请人应支付拖欠的工资。');
    await shot('05-award-form');
    await dlg.getByRole('button', { name: '确定' }).click();
    await dlg.waitFor({ state: 'detached' });
    await text(page.locator('.case-head'), '已裁决');
    // Post-award windows per party, named (the deadline labels carry party ids).
    await visible(page.getByText('终局裁决劳动者起诉期间（张三）'));

    await page.getByLabel('文书种类').selectOption('award');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    const downloadButton = page.getByRole('button', { name: '下载 PDF' }).first();
    await downloadButton.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await shot('06-case-awarded');
    await logout();
  });

  it('a mediator records a pre-arbitration mediation and its outcome', async () => {
    await login('mediator-e2e');
    await page.getByRole('link', { name: '调解' }).click();
    const form = page.locator('form').filter({ hasText: '登记调解申请' });
    await form.getByLabel('收到申请日期').fill('2026-03-25');
    await form.locator('[data-party="applicants.0"]').getByLabel('姓名').fill('李四');
    await form.locator('[data-party="respondents.0"]').getByLabel('名称').fill('聊城某某食品有限公司');
    await form.locator('[data-claim="claims.0"]').getByLabel('金额（元）').fill('5000');
    await form.locator('[data-claim="claims.0"]').getByLabel('请求内容').fill('支付拖欠工资');
    await form.getByRole('button', { name: '登记调解申请' }).click();
    await visible(page.getByText('已登记'));
    await page.getByRole('link', { name: '调解' }).click();
    const row = page.locator('tr').filter({ hasText: '李四' });
    await row.getByRole('button', { name: '达成协议' }).click();
    const dlg = page.locator('dialog[open]');
    await dlg.getByLabel('发生日期').fill('2026-03-30');
    await dlg.getByLabel('调解协议内容').fill('被申请人于2026年4月15日前支付工资5000元');
    await dlg.getByRole('button', { name: '确定' }).click();
    await dlg.waitFor({ state: 'detached' });
    await visible(page.getByText('没有进行中的调解'));
    await shot('07-mediation');
    await logout();
  });

  it('the analyst sees the closure on the dashboard and clicks through to the case', async () => {
    await login('analyst-e2e');
    await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
    await text(page.getByTestId('closure-rate'), '100.00%');
    await page.locator('.card').filter({ hasText: '本期结案' }).getByRole('button').click();
    const drill = page.locator('#drill');
    await text(drill, '本期结案：共 1 件');
    await text(drill, '〔2026〕');
    await page.waitForTimeout(300); // let the charts finish drawing before the screenshot
    await shot('08-dashboard');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK'); // a zip container, as xlsx is
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    await drill.getByRole('link').first().click();
    await text(page.locator('.case-head'), '已裁决');
    // The layout holds at 1366×768: nothing wider than the window.
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('no screen of these journeys was refused anything by the Content-Security-Policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
