import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Response } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../app/deps.ts';
import { sweepDeadlines } from '../../app/time/sweep.ts';
import { completeCreditCode, completeIdNumber } from '../../workflows/identifiers.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * The main journeys in real Chromium against the real server (issues 7 and 16). The server runs in this process on a
 * fresh database with "today" pinned to 2026-04-01; acts are dated in March through the forms' date fields. Every
 * main screen is checked with axe-core (no serious or critical violation) and saved as a screenshot in
 * artifacts/screenshots/ (1366×768 through the journeys, 1920×1080 at the end).
 */
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
const AXE = readFileSync(join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let t: TestApp;
let rig: BrowserRig;
let base: string;
let context: BrowserContext;
let page: Page;
let cspViolations: string[];
let missingFiles: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '1000' } });
  for (const [role, name] of [
    ['clerk', 'clerk-e2e'],
    ['chair', 'chair-e2e'],
    ['arbitrator', 'arb-e2e'],
    ['arbitrator', 'arb-two'],
    ['mediator', 'mediator-e2e'],
    ['analyst', 'analyst-e2e'],
  ] as const) {
    await t.tokenFor(role, name);
  }
  rig = await openBrowser(t);
  ({ base, context, page, cspViolations, missingFiles } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
});

const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 10_000 });
const text = hasText;
const count = (l: Locator, n: number) => eventually(async () => expect(await l.count()).toBe(n));

/** Saves a screenshot, and checks the screen shows no leaked "null"/"undefined"/"NaN" text. */
async function shot(name: string) {
  const shown = (await page.evaluate('document.body.innerText')) as string;
  expect(shown, name).not.toMatch(/\bnull\b|\bundefined\b|\bNaN\b|\[object /);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Every date cell (td.date) of the screen is on one line: a date is never broken as "2026-12-" / "09". */
async function datesOnOneLine(name: string) {
  const broken = (await page.evaluate(`[...document.querySelectorAll('td.date')].filter((td) => {
    const r = document.createRange();
    r.selectNodeContents(td);
    const tops = [...r.getClientRects()].filter((x) => x.width > 0).map((x) => x.top);
    return tops.length > 0 && Math.max(...tops) - Math.min(...tops) > 8;
  }).map((td) => td.textContent)`)) as string[];
  expect(await page.locator('td.date').count(), `${name}: date cells`).toBeGreaterThan(0);
  expect(broken, `${name}: dates broken over two lines`).toEqual([]);
}

/** axe-core in the page: no serious or critical violation, a title and one main landmark. */
async function axe(name: string) {
  await page.waitForLoadState('networkidle');
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${name}`).toEqual([]);
  expect(await page.title(), name).toMatch(/仲裁案件管理/);
  expect(await page.locator('main').count(), `${name}: one main landmark`).toBe(1);
}

const login = (username: string, password?: string) => signIn(page, base, username, password);
async function logout() {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}
/** Opens the act dialog by its button and sets the act's date. */
async function openAct(label: string, dateLabel: string, on: string) {
  await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: label, exact: true }).click();
  const dlg = page.locator('dialog.act[open]');
  await dlg.waitFor();
  await dlg.getByLabel(dateLabel).fill(on);
  return dlg;
}
/** Opens the act dialog, lets `fill` set the rest, submits it (through the confirmation when the act asks for one). */
async function act(
  label: string,
  dateLabel: string,
  on: string,
  fill: (dlg: Locator) => Promise<void> = async () => {},
  /** What the user answers in the confirmation before confirming (s60 L: the answer-period acknowledgment). */
  answer: (confirm: Locator) => Promise<void> = async () => {},
) {
  const dlg = await openAct(label, dateLabel, on);
  await fill(dlg);
  await dlg.locator('.df button.primary, .df button.danger').click();
  // The act is recorded, or a confirmation asks first: whichever comes.
  const confirm = page.locator('dialog.confirm[open]');
  await Promise.race([confirm.waitFor({ state: 'visible' }), dlg.waitFor({ state: 'detached' })]);
  if (await confirm.isVisible().catch(() => false)) {
    await answer(confirm);
    await confirm.getByRole('button', { name: /^确认/ }).click();
  }
  await dlg.waitFor({ state: 'detached' });
}
const events = async (caseId: number, type: string) =>
  ((await t.api(t.adminToken).get(`/api/cases/${caseId}/events`)).body as { type: string }[]).filter((e) => e.type === type);

let caseUrl = '';
let caseId = 0;

describe('web interface journeys (Chromium)', () => {
  it('sign-in keeps the deep link; the login page has its landmark and title', async () => {
    await page.goto(`${base}/#/cases?state=accepted`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await axe('login');
    await shot('01-login');
    await page.getByLabel('用户名').fill('clerk-e2e');
    await page.getByLabel('密码').fill('clerk-e2e-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    // Back where the person was going, not on the workbench.
    await eventually(async () => expect(page.url()).toContain('#/cases?state=accepted'));
    await visible(page.getByRole('heading', { name: '案件', exact: true }));
    // A bad token sends you to sign in again.
    await page.evaluate("localStorage.setItem('zc.token', 'not-a-token')");
    await page.goto(`${base}/#/stats`);
    await page.reload();
    await visible(page.getByText('登录已失效'));
    await page.evaluate("sessionStorage.removeItem('zc.return')");
  });

  it('clerk registers: errors at their fields, removable blocks, a type switch keeps what was typed, an expired session keeps the form', async () => {
    await login('clerk-e2e');
    await text(page.locator('.card').filter({ hasText: '已逾期期限' }).locator('.n'), '0');
    await axe('workbench-clerk');
    await shot('02-workbench-clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.getByLabel('收到申请日期').fill('2026-03-02');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    const applicant = page.locator('[data-party="applicants.0"]');
    await applicant.getByLabel('姓名').fill('张三');
    await applicant.getByLabel('公民身份号码').fill('371502199001011231');
    await applicant.getByLabel('联系电话').fill('13912345678');
    await page.locator('[data-claim="claims.0"]').getByLabel('金额（元）').fill('12000.00');
    await page.locator('[data-claim="claims.0"]').getByLabel('请求类别').selectOption('wages');
    await page.locator('[data-claim="claims.0"]').getByLabel('请求内容').fill('支付2025年10月至12月工资');
    await axe('register');
    // The employer's type is asked before anything is sent (the statistics by 用人单位类型 count it).
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await text(page.locator('[data-error-for="respondents.0.ownership"]'), '请选择用人单位类型');
    await page.locator('[data-party="respondents.0"]').getByLabel('用人单位类型').selectOption('private');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    // The server's 400 names the fields; each message sits under its input, in plain words.
    await text(page.locator('[data-error-for="applicants.0.idNumber"]'), '校验');
    await eventually(async () =>
      expect(((await page.locator('[data-error-for="respondents.0.name"]').textContent()) ?? '').length).toBeGreaterThan(0),
    );
    expect(await page.locator('[data-error-for="respondents.0.name"]').textContent()).not.toMatch(/期望|undefined|string/);
    await eventually(async () => expect(await applicant.getByLabel('公民身份号码').getAttribute('aria-invalid')).toBe('true'));
    await shot('03-register-errors');
    // Fixing a field clears its error at once.
    await applicant.getByLabel('公民身份号码').fill(completeIdNumber('37150219900101123'));
    await eventually(async () => expect(await applicant.getByLabel('公民身份号码').getAttribute('aria-invalid')).toBeNull());

    const respondent = page.locator('[data-party="respondents.0"]');
    await respondent.getByLabel('名称').fill('聊城某某机械有限公司');
    await respondent.getByLabel('统一社会信用代码').fill(completeCreditCode('91371500MA3C7K2L1'));
    // Switching the type keeps the name; switching back restores the credit code.
    await respondent.getByLabel('类型', { exact: true }).selectOption('person');
    await eventually(async () => expect(await respondent.getByLabel('姓名').inputValue()).toBe('聊城某某机械有限公司'));
    await respondent.getByLabel('类型', { exact: true }).selectOption('organization');
    await eventually(async () =>
      expect(await respondent.getByLabel('统一社会信用代码').inputValue()).toBe(completeCreditCode('91371500MA3C7K2L1')),
    );
    // Added blocks can be removed again.
    await page.getByRole('button', { name: '＋ 申请人' }).click();
    await page.locator('[data-party="applicants.1"]').getByLabel('姓名').fill('多余的人');
    await page.getByRole('button', { name: '删除申请人 2' }).click();
    await count(page.locator('[data-party^="applicants."]'), 1);
    await respondent.getByRole('button', { name: /添加委托代理人/ }).click();
    await respondent.getByLabel('代理人姓名').fill('王律师');
    await respondent.getByLabel('工作单位/律所').fill('山东某某律师事务所');
    // fixU56 #2: the kind and the authority are chosen (they start empty).
    await respondent.getByLabel('代理人类别').selectOption('lawyer');
    await respondent.getByLabel('委托权限').selectOption('general');
    await page.getByRole('button', { name: '＋ 请求' }).click();
    const claim2 = page.locator('[data-claim="claims.1"]');
    await claim2.getByLabel('请求类别').selectOption('economic_compensation');
    await claim2.getByLabel('金额（元）').fill('26400');
    await claim2.getByLabel('请求内容').fill('解除劳动合同经济补偿');
    // Enter in a field does not register the (now valid) application: only the button does.
    const registrations: number[] = [];
    const onResponse = (r: Response) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/cases') registrations.push(r.status());
    };
    page.on('response', onResponse);
    await claim2.getByLabel('金额（元）').press('Enter');
    await page.getByLabel('知道或应当知道权利被侵害之日').fill('2024-12-01');
    expect(page.url()).toContain('#/cases/new');
    // The worker still works there: a wage claim is then not time-barred (LDMAL Art. 27(4)); no end date to give.
    await page.getByLabel('劳动关系', { exact: true }).selectOption('ongoing');
    expect(await page.getByLabel('劳动关系终止日').isDisabled()).toBe(true);

    // The session ends while the form is open: signing in again keeps every typed field and sends the request.
    await page.evaluate(
      "fetch('/api/auth/logout', { method: 'POST', headers: { authorization: 'Bearer ' + localStorage.getItem('zc.token') } })",
    );
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    const reauth = page.locator('dialog.reauth[open]');
    await reauth.waitFor();
    await shot('04-session-expired');
    await reauth.getByLabel('密码').fill('clerk-e2e-password-1');
    await reauth.getByRole('button', { name: '继续' }).click();
    await visible(page.getByText('已登记'));
    await visible(page.getByText('时效提示：可能已超过仲裁时效'));
    page.off('response', onResponse);
    // One registration: the request refused for the ended session, then the same request after signing in.
    expect(registrations).toEqual([401, 201]);
    caseUrl = page.url();
    expect(caseUrl).toMatch(/#\/cases\/\d+$/);
    caseId = Number(/(\d+)$/.exec(caseUrl)?.[1]);
    const c = (await t.api(t.adminToken).get(`/api/cases/${caseId}`)).body;
    expect(c.applicants).toHaveLength(1);
    expect(c.applicants[0]).toMatchObject({ name: '张三', phone: '13912345678' });
    expect(c.respondents[0].agents[0]).toMatchObject({ name: '王律师', unit: '山东某某律师事务所', kind: 'lawyer', powers: 'general' });
    expect(c.respondents[0].ownership).toBe('private');
    expect(c.claims).toHaveLength(2);
    expect(c.limitation).toMatchObject({ knewOn: '2024-12-01', employmentStatus: 'ongoing' });
    expect(JSON.stringify(c.limitation)).not.toContain('employmentStatus）');

    // Before acceptance the registration can be corrected from the case page.
    await page.getByRole('link', { name: '修改登记信息' }).click();
    const edit = page.locator('form.register');
    await eventually(async () => expect(await edit.locator('[data-party="applicants.0"]').getByLabel('姓名').inputValue()).toBe('张三'));
    await edit.locator('[data-party="applicants.0"]').getByLabel('住所/地址').fill('聊城市东昌府区柳园街道1号');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await visible(page.getByText('登记信息已修改'));
    await text(page.locator('#sec-parties'), '柳园街道1号');
    expect(await events(caseId, 'UPDATE_REGISTRATION')).toHaveLength(1);
    // The 办理记录 says what the correction changed (the address: the clerk reads it in full) — that alone.
    await text(page.locator('#sec-history ul.changes'), '申请人1');
    await text(page.locator('#sec-history ul.changes'), '柳园街道1号');
    expect(await page.locator('#sec-history ul.changes li').count()).toBe(1);
  });

  it('an irreversible act asks first, naming the case and the consequence; a double-click records one act', async () => {
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '受理', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('受理日期').fill('2026-03-04');
    await dlg.getByRole('button', { name: '受理…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await text(confirm, '张三');
    await text(confirm, '开始计算45日审理期限');
    await axe('confirm-accept');
    await shot('05-confirm-accept');
    // 返回修改 keeps the act dialog as it was.
    await confirm.getByRole('button', { name: '返回修改' }).click();
    expect(await dlg.getByLabel('受理日期').inputValue()).toBe('2026-03-04');
    await dlg.getByRole('button', { name: '受理…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认受理' }).click();
    await dlg.waitFor({ state: 'detached' });
    await text(page.locator('.case-head'), '已受理');
    await text(page.locator('.case-head h1'), '〔2026〕');

    const serve = await openAct('送达', '送交日期', '2026-03-04');
    await serve.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('acceptance_notice');
    await serve.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ label: '申请人：张三' });
    await serve.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('direct');
    await serve.getByLabel('签收人').fill('张三');
    await serve.getByRole('button', { name: '确定' }).click();
    // Every service is confirmed (it cannot be taken back), naming the day of service; a double-click records it once.
    const serveConfirm = page.locator('dialog.confirm[open]');
    await text(serveConfirm, '未填写送达日期：以送交日期 2026-03-04 为送达日期');
    await serveConfirm.getByRole('button', { name: '确认送达' }).dblclick();
    await serve.waitFor({ state: 'detached' });
    expect(await events(caseId, 'SERVE')).toHaveLength(1);
    // The case file shows what was served on whom, how and who signed.
    const services = page.locator('#sec-service');
    await text(services, '受理通知书');
    await text(services, '直接送达');
    await count(services.locator('tbody tr'), 1);
    await text(page.locator('#sec-parties'), '13912345678');
    await text(page.locator('#sec-parties'), '山东某某律师事务所');
    await datesOnOneLine('case-accepted');
    await axe('case-accepted');
    await shot('06-case-accepted');
    await logout();
  });

  it('the chair sees each mediator’s and arbitrator’s workload where assigning, forms the tribunal with checkboxes; the board lists the case', async () => {
    await login('chair-e2e');
    await axe('workbench-chair');
    await shot('07-workbench-chair');
    await page.goto(caseUrl);
    // Assigning a mediator shows each mediator's mediations in hand.
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '指派调解员', exact: true }).click();
    const med = page.locator('dialog.act[open]');
    await text(med.getByLabel('调解员').locator('option', { hasText: 'mediator-e2e' }), '在办调解 0 件）');
    await med.getByRole('button', { name: '取消' }).click();
    await med.waitFor({ state: 'detached' });
    const dlg = await openAct('组成仲裁庭', '组庭日期', '2026-03-05');
    await text(dlg, '在办 0 件');
    // The presiding arbitrator is chosen among those ticked: none before, the one ticked after (it is then preselected).
    const presiding = dlg.getByLabel('首席/独任仲裁员');
    expect(await presiding.locator('option:not([disabled])').count()).toBe(0);
    await dlg.getByRole('group', { name: '仲裁员（独任1名或合议3名）' }).getByLabel('arb-e2e（测试）').check();
    expect(await presiding.locator('option:not([disabled])').allTextContents()).toEqual(['arb-e2e（测试）']);
    await presiding.selectOption({ label: 'arb-e2e（测试）' });
    await shot('08-form-tribunal');
    // Forming the tribunal is confirmed (only a recusal changes it afterwards).
    await dlg.getByRole('button', { name: '组成仲裁庭…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认组成仲裁庭' }).click();
    await dlg.waitFor({ state: 'detached' });
    await text(page.locator('.case-head'), '已组庭');
    await page.getByRole('link', { name: '审限督办' }).click();
    const row = page.locator('tr').filter({ hasText: '张三' });
    await text(row, 'arb-e2e');
    await axe('board');
    await shot('09-board');
    await logout();
  });

  it('the arbitrator schedules, the calendar shows it; Enter never issues the award; facts are required; a mixed award gives two distinguishable documents', async () => {
    await login('arb-e2e');
    await visible(page.getByText('我承办的案件'));
    await axe('workbench-arbitrator');
    await page.goto(caseUrl);
    // The respondent has not been served yet: the confirmation asks to acknowledge the answer period still running
    // (LDMAL Art. 30, s60 L) — its confirm button stays disabled until then.
    await act(
      '排期开庭',
      '排期（通知）日期',
      '2026-03-06',
      async (dlg) => {
        await dlg.getByLabel('开庭日期').fill('2026-03-20');
        await dlg.getByLabel('时间').fill('09:30');
        await dlg.getByLabel('地点').fill('第一仲裁庭');
      },
      async (confirm) => {
        expect(await confirm.getByRole('button', { name: '确认排期开庭' }).isDisabled()).toBe(true);
        await confirm.getByLabel('答辩期尚未届满，仍安排开庭').check();
      },
    );
    await text(page.locator('.case-head'), '已排期');
    await text(page.locator('#sec-proc'), '2026-03-20 09:30');
    await page.goto(`${base}/#/hearings?week=2026-03-16`);
    const chip = page.locator('a.hearing-chip');
    await text(chip, '09:30');
    await text(chip, '〔2026〕');
    await text(page.locator('table.week'), '第一仲裁庭');
    await axe('hearings');
    await shot('10-hearings');
    await page.getByRole('link', { name: '按仲裁员' }).click();
    await text(page.locator('table.week tbody th'), 'arb-e2e');
    await chip.first().click();
    // Presence is chosen for each party (nothing is ticked in advance).
    await act('开庭审理', '开庭日期', '2026-03-20', async (d) => {
      await d.getByRole('radiogroup', { name: '申请人是否到庭', exact: true }).getByRole('radio', { name: '到庭', exact: true }).check();
      await d.getByRole('radiogroup', { name: '被申请人是否到庭', exact: true }).getByRole('radio', { name: '到庭', exact: true }).check();
    });
    await text(page.locator('.case-head'), '已开庭');

    const dlg = await openAct('作出裁决', '裁决日期', '2026-03-25');
    // Nothing is decided for the arbitrator: every item starts unanswered with no amount, and the award cannot be sent
    // until each has its outcome.
    expect(await dlg.getByLabel('第1项裁决结果').inputValue()).toBe('');
    expect(await dlg.getByLabel('第1项裁决金额').inputValue()).toBe('');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    await text(dlg.locator('[data-error-for="items.0.outcome"]'), '请选择第1项的裁决结果');
    await text(dlg.locator('[data-error-for="items.1.outcome"]'), '请选择第2项的裁决结果');
    expect(await page.locator('dialog.confirm[open]').count()).toBe(0);
    // 支持: the amount claimed is filled in, to be checked.
    await dlg.getByLabel('第1项裁决结果').selectOption('granted');
    expect(await dlg.getByLabel('第1项裁决金额').inputValue()).toBe('12000.00');
    await dlg.getByLabel('第2项裁决结果').selectOption('partly');
    await dlg.getByLabel('第2项裁决金额').fill('20000.00');
    // Within 12 months of the local minimum wage: both items final, shown before anything is submitted.
    await count(dlg.locator('.final-yes'), 2);
    // Enter in an amount does not submit the award.
    await dlg.getByLabel('第1项裁决金额').press('Enter');
    await page.waitForTimeout(300);
    expect(await dlg.isVisible()).toBe(true);
    expect(await events(caseId, 'ISSUE_AWARD')).toHaveLength(0);
    // Without the facts found and the reasoning, and with an amount that is not one, the award is refused at every one
    // of those fields at once (not one per attempt).
    await dlg.getByLabel('第1项裁决金额').fill('12.345');
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    await text(dlg.locator('[data-error-for="facts"]'), '查明');
    await text(dlg.locator('[data-error-for="reasoning"]'), '本委认为');
    expect(((await dlg.locator('[data-error-for="items.0.amount"]').textContent()) ?? '').length).toBeGreaterThan(0);
    expect(await page.locator('dialog.confirm[open]').count()).toBe(0);
    await dlg.getByLabel('第1项裁决金额').fill('12000.00');
    // 部分支持 of the 26,400 claimed: above 12 months of the minimum wage (24,120), so this item is not final.
    await dlg.getByLabel('第2项裁决金额').fill('25000.00');
    await count(dlg.locator('.final-no'), 1);
    await visible(dlg.getByText('整体：部分终局'));
    // The suggested legal basis follows the item until edited.
    await eventually(async () => expect(await dlg.getByLabel('第1项裁决依据').inputValue()).toContain('劳动合同法'));
    await dlg.getByLabel('被申请人辩称').fill('被申请人辩称，已足额支付工资。');
    await dlg.getByLabel('经审理查明').fill('经审理查明，申请人于2023年3月入职被申请人处。');
    await dlg.getByLabel('本委认为').fill('本委认为，被申请人应支付拖欠的工资。');
    // Esc asks before throwing the text away; the text is kept as a draft anyway.
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    const ask = page.locator('dialog.confirm[open]');
    await text(ask, '草稿');
    await ask.getByRole('button', { name: '放弃并关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
    const again = await openAct('作出裁决', '裁决日期', '2026-03-25');
    await eventually(async () => expect(await again.getByLabel('经审理查明').inputValue()).toContain('申请人于2023年3月入职'));
    expect(await again.getByLabel('第2项裁决金额').inputValue()).toBe('25000.00');
    await axe('award-dialog');
    await shot('11-award-form');
    // An amount changed just before the click: the confirmation states finality for the amounts as they now are.
    await again.getByLabel('第2项裁决金额').fill('1000.00');
    await again.getByRole('button', { name: '作出裁决…' }).click();
    let confirm = page.locator('dialog.confirm[open]');
    await text(confirm.locator('li').nth(1), '1,000.00 元（终局）');
    await text(confirm, '裁决性质：终局裁决');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await confirm.waitFor({ state: 'detached' });
    await again.getByLabel('第2项裁决金额').fill('25000.00');
    await again.getByRole('button', { name: '作出裁决…' }).click();
    confirm = page.locator('dialog.confirm[open]');
    await text(confirm, '裁决一经作出即结案');
    await text(confirm.locator('li').nth(1), '25,000.00 元（非终局）');
    await text(confirm, '裁决性质：部分终局');
    await shot('12-confirm-award');
    await confirm.getByRole('button', { name: '确认作出裁决' }).click();
    await again.waitFor({ state: 'detached' });
    await text(page.locator('.case-head'), '已裁决');
    await visible(page.getByText('终局裁决劳动者起诉期间（张三）'));

    await page.getByLabel('文书种类').selectOption('award');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    // ui50 H1: the original is issued once, on confirmation.
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '生成正式文本' }).click();
    const docs = page.locator('#sec-docs tbody tr');
    await count(docs, 2);
    await text(docs.nth(0), '-1号');
    await text(docs.nth(0), '终局');
    await text(docs.nth(1), '-2号');
    await text(docs.nth(1), '非终局');
    // Two buttons, two names: each download says which award it is.
    const finalBtn = page.getByRole('button', { name: /^下载 \S*裁决书（终局）.*-1号 PDF$/ });
    const nonFinalBtn = page.getByRole('button', { name: /^下载 \S*裁决书（非终局）.*-2号 PDF$/ });
    const [d1] = await Promise.all([page.waitForEvent('download'), finalBtn.click()]);
    const [d2] = await Promise.all([page.waitForEvent('download'), nonFinalBtn.click()]);
    expect(d1.suggestedFilename()).toMatch(/终局.*-1号\.pdf$/);
    expect(d2.suggestedFilename()).toMatch(/非终局.*-2号\.pdf$/);
    const [b1, b2] = [readFileSync(await d1.path()), readFileSync(await d2.path())];
    expect(b1.subarray(0, 5).toString()).toBe('%PDF-');
    expect(b1.equals(b2)).toBe(false);
    // Preview opens the PDF in the browser's own viewer.
    const [preview] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: /^预览 \S*裁决书（终局）/ }).click(),
    ]);
    await eventually(async () => expect(preview.url()).toMatch(/^blob:/));
    await preview.close();
    await axe('case-awarded');
    await shot('13-case-awarded');
    await logout();
  });

  it('a mediator records a pre-arbitration mediation and its outcome', async () => {
    await login('mediator-e2e');
    await page.getByRole('link', { name: '调解', exact: true }).click();
    const form = page.locator('form').filter({ hasText: '登记调解申请' });
    await form.getByLabel('收到申请日期').fill('2026-03-25');
    await form.getByLabel('管辖地区').selectOption('东昌府区');
    await form.locator('[data-party="applicants.0"]').getByLabel('姓名').fill('李四');
    await form.locator('[data-party="respondents.0"]').getByLabel('名称').fill('聊城某某食品有限公司');
    await form.locator('[data-party="respondents.0"]').getByLabel('用人单位类型').selectOption('private');
    await form.locator('[data-claim="claims.0"]').getByLabel('金额（元）').fill('5000');
    await form.locator('[data-claim="claims.0"]').getByLabel('请求类别').selectOption('wages');
    await form.locator('[data-claim="claims.0"]').getByLabel('请求内容').fill('支付拖欠工资');
    await axe('mediation');
    await form.getByRole('button', { name: '登记调解申请' }).click();
    await visible(page.getByText('已登记'));
    await text(page.locator('#sec-claims h2'), '调解请求事项');
    await page.getByRole('link', { name: '调解', exact: true }).click();
    await page
      .locator('tr')
      .filter({ hasText: '李四' })
      .getByRole('button', { name: /达成协议/ })
      .click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('达成协议日期').fill('2026-03-30');
    await dlg.getByLabel('调解协议内容').fill('被申请人于2026年4月15日前支付工资5000元');
    await dlg.getByLabel('调解金额（元，统计用）').fill('5000');
    await dlg.getByRole('button', { name: '达成调解协议…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认达成调解协议' }).click();
    await dlg.waitFor({ state: 'detached' });
    await visible(page.getByText('没有进行中的调解'));
    await shot('14-mediation');
    await logout();
  });

  it('the analyst drills down from the dashboard (with the arbitrator, exportable) and clicks through to the case', async () => {
    await login('analyst-e2e');
    await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
    await text(page.getByTestId('closure-rate'), '100.00%');
    await page.locator('.card').filter({ hasText: '本期结案' }).getByRole('button').click();
    const drill = page.locator('#drill');
    await text(drill, '本期结案：共 1 件');
    await text(drill, '〔2026〕');
    await text(drill, 'arb-e2e');
    const [csv] = await Promise.all([page.waitForEvent('download'), drill.getByRole('button', { name: '导出本表（CSV）' }).click()]);
    expect(readFileSync(await csv.path(), 'utf8')).toContain('arb-e2e');
    await page.waitForTimeout(300); // let the charts finish drawing before the screenshot
    await axe('stats');
    await shot('15-dashboard');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK'); // a zip container, as xlsx is
    await drill.getByRole('link').first().click();
    await text(page.locator('.case-head'), '已裁决');
    // The layout holds at 1366×768: nothing wider than the window.
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    // A month's figures at one click (today is 2026-04-01): this month and the one before.
    await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
    await page.getByRole('button', { name: '上月', exact: true }).click();
    await eventually(async () => expect(page.url()).toContain('from=2026-03-01&to=2026-03-31'));
    await page.getByRole('button', { name: '本月', exact: true }).click();
    await eventually(async () => expect(page.url()).toContain('from=2026-04-01&to=2026-04-30'));
    await logout();
  });

  it('the case list searches phones and agents, sorts by a column, saves a filter and exports xlsx', async () => {
    await login('clerk-e2e');
    await page.getByRole('link', { name: '案件', exact: true }).click();
    await page.getByRole('searchbox', { name: '查找' }).fill('13912345678');
    await page.getByRole('button', { name: '查询' }).click();
    await count(page.locator('main tbody tr'), 1);
    await text(page.locator('main tbody tr'), '张三');
    await page.getByRole('searchbox', { name: '查找' }).fill('王律师');
    await page.getByRole('button', { name: '查询' }).click();
    await count(page.locator('main tbody tr'), 1);
    await page.getByRole('searchbox', { name: '查找' }).fill('');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: /^收到申请/ }).click();
    await eventually(async () => expect(page.url()).toContain('sort=receivedOn'));
    await visible(page.locator('th[aria-sort="ascending"]'));
    await page.getByRole('button', { name: '保存当前筛选' }).click();
    const save = page.locator('dialog.confirm[open]');
    await save.getByLabel('名称').fill('按收件日期');
    await save.getByRole('button', { name: '保存' }).click();
    await visible(page.getByRole('link', { name: '按收件日期' }));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await axe('case-list');
    await shot('16-case-list');
    // A column's sort replaces the priority order until the clerk goes back to it.
    await page.getByRole('link', { name: '恢复默认排序（欠薪、集体争议案件优先）' }).click();
    await eventually(async () => expect(page.url()).not.toContain('sort='));
    await visible(page.getByText('欠薪、集体争议案件优先'));
    // One notice served on every worker of a collective case: one act per worker.
    const many = await t
      .api(await t.tokenFor('clerk', 'clerk-e2e'))
      .post(
        '/api/cases',
        application({ receivedOn: '2026-03-09', applicants: [worker('工人甲', 201), worker('工人乙', 202), worker('工人丙', 203)] }),
      );
    await t
      .api(await t.tokenFor('clerk', 'clerk-e2e'))
      .post(`/api/cases/${many.body.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-10' });
    await page.goto(`${base}/#/cases/${many.body.id}`);
    await act('送达', '送交日期', '2026-03-10', async (dlg) => {
      await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('acceptance_notice');
      await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ label: '全体申请人（3人，逐人登记）' });
      await dlg.getByRole('combobox', { name: '送达方式', exact: true }).selectOption('post');
      // CPL Art. 91: a posted document is served on the date on the return receipt, which the dialog asks for.
      await dlg.getByLabel('回执签收日期').fill('2026-03-12');
    });
    expect((await events(many.body.id, 'SERVE')).map((e) => (e as unknown as { payload: { partyId: number } }).payload.partyId)).toEqual(
      many.body.applicants.map((p: { id: number }) => p.id),
    );
    await count(page.locator('#sec-service tbody tr'), 3);
    await page.goto(`${caseUrl}/cover`);
    await text(page.locator('.cover-index'), '受理');
    await axe('cover');
    await shot('17-cover');
    await logout();
  });

  it('the admin manages users and wages, and loads next year’s calendar: the pending award clock gets its date', async () => {
    // December: a case accepted on 1 December has its 45 days run into 2027, a year with no official data yet.
    t.clock.set('2026-12-10T02:00:00Z');
    try {
      // Tokens issued in April have expired by December: sign in again.
      const signIn = await request(t.app).post('/api/auth/login').send({ username: 'clerk-e2e', password: 'clerk-e2e-password-1' });
      const clerk = signIn.body.token as string;
      const reg = await t.api(clerk).post('/api/cases', application({ receivedOn: '2026-11-30', applicants: [worker('赵六', 456)] }));
      expect(reg.status, JSON.stringify(reg.body)).toBe(201);
      const acc = await t.api(clerk).post(`/api/cases/${reg.body.id}/events`, { type: 'ACCEPT', occurredOn: '2026-12-01' });
      expect(acc.status, JSON.stringify(acc.body)).toBe(200);
      const award = acc.body.deadlines.find((d: { kind: string }) => d.kind === 'award');
      expect(award.provisional === true || award.dueOn === null).toBe(true);

      await login('admin', ADMIN_PASSWORD);
      await visible(page.getByText('尚未录入2027年的国家法定节假日安排'));
      // Before: a provisional date, marked 预计, its explanation naming the missing year.
      await page.goto(`${base}/#/cases/${reg.body.id}`);
      const before = page.locator('#sec-deadlines tr').filter({ hasText: '审理期限' }).first();
      await text(before, '预计');
      await text(before, '2027');
      await shot('19-case-provisional');
      await page.goto(`${base}/#/cases?sort=awardDue&order=asc`);
      await text(page.locator('main tbody tr').filter({ hasText: '赵六' }), '预计');
      await page.goto(`${base}/#/`);
      await axe('workbench-admin');
      await page.getByRole('link', { name: '系统管理' }).click();
      await visible(page.getByRole('heading', { name: /用户（/ }));
      await page.getByLabel('用户名').fill('clerk-two');
      await page.getByLabel('姓名（显示名）').fill('第二书记员');
      // fixU56 #1: the role starts empty and is chosen.
      await page.locator('select[data-path="role"]').selectOption('clerk');
      await page.getByRole('button', { name: '创建' }).click();
      // The initial password is shown once; the dialog closes when the admin says it was noted.
      const created = page.locator('dialog.secret[open]');
      await created.getByLabel('我已记下（或已复制）这个密码').check();
      await created.getByRole('button', { name: '已记下' }).click();
      await visible(page.locator('tr').filter({ hasText: '第二书记员' }));
      // The only active admin cannot be disabled or given another role (the server refuses it): not offered.
      const adminRow = page.locator('main tbody tr').filter({ has: page.getByRole('cell', { name: 'admin', exact: true }) });
      expect(await adminRow.getByRole('button', { name: '停用' }).isDisabled()).toBe(true);
      expect(await adminRow.getByRole('combobox').isDisabled()).toBe(true);
      await text(adminRow, '唯一在职的系统管理员');
      expect(await page.locator('tr').filter({ hasText: '第二书记员' }).getByRole('button', { name: '停用' }).isDisabled()).toBe(false);
      await axe('admin-users');
      await shot('18-admin-users');
      // A password reset shows a one-time temporary password; its holder must set a new one before anything else.
      await page.locator('tr').filter({ hasText: '第二书记员' }).getByRole('button', { name: '重置密码' }).click();
      await page.locator('dialog.confirm[open]').getByRole('button', { name: '重置密码' }).click();
      const temp = (await page.getByTestId('temp-password').textContent()) ?? '';
      expect(temp).toMatch(/^[A-Za-z0-9]{16}$/);
      await page.locator('dialog.secret[open]').getByLabel('我已记下（或已复制）这个密码').check();
      await page.locator('dialog.secret[open]').getByRole('button', { name: '已记下' }).click();
      await logout();
      await page.getByLabel('用户名').fill('clerk-two');
      await page.getByLabel('密码').fill(temp);
      await page.getByRole('button', { name: '登录' }).click();
      await visible(page.getByText('您的密码是管理员设定的', { exact: false }));
      await axe('password-forced');
      await page.locator('[data-path="currentPassword"]').fill(temp);
      await page.locator('[data-path="newPassword"]').fill('Zhongcai-clerk-two-2026!');
      await page.locator('[data-path="newPassword2"]').fill('Zhongcai-clerk-two-2026!');
      await page.getByRole('button', { name: '修改密码' }).click();
      await visible(page.getByText('密码已修改'));
      await visible(page.getByRole('heading', { name: '工作台' }));
      await logout();
      await login('admin', ADMIN_PASSWORD);
      await page.getByRole('link', { name: '系统管理' }).click();
      await page.getByRole('link', { name: '最低工资标准' }).click();
      await visible(page.getByRole('columnheader', { name: '月最低工资（元）' }));
      await axe('admin-wages');
      await page.getByRole('link', { name: '节假日安排' }).click();
      await page.getByLabel('年份').fill('2027');
      await page.getByLabel('通知正文').fill(
        [
          '国务院办公厅关于2027年部分节假日安排的通知',
          '一、元旦：1月1日（周五）至3日（周日）放假，共3天。',
          // 除夕 2027 is 5 February (正月初一 the 6th): a notice without it is refused since legalfixA M2.
          '二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。',
          '三、清明节：4月3日（周六）至5日（周一）放假，共3天。',
          '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。',
          '五、端午节：6月9日（周三）放假，共1天。',
          '六、中秋节：9月15日（周三）放假，共1天。',
          '七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。',
        ].join('\n'),
      );
      await page.getByLabel('通知名称及文号').fill('国务院办公厅关于2027年部分节假日安排的通知（测试）');
      await page.getByRole('button', { name: '解析并预览' }).click();
      const preview = page.getByTestId('calendar-preview');
      await text(preview, '春节');
      await text(preview, '2027-02-20');
      await axe('admin-calendar');
      await shot('19-admin-calendar');
      await page.getByRole('button', { name: '录入该年安排' }).click();
      await page.locator('dialog.confirm[open]').getByRole('button', { name: '录入' }).click();
      await visible(page.getByText('已录入2027年安排'));
      await page.getByRole('link', { name: '访问记录' }).click();
      await axe('admin-access-log');
      await page.getByRole('link', { name: '变更记录' }).click();
      await text(page.locator('main tbody'), '放假 29 天');
      await axe('admin-audit-log');
      await page.goto(`${base}/#/cases/${reg.body.id}`);
      const row = page.locator('#sec-deadlines tr').filter({ hasText: '审理期限' }).first();
      await text(row, '2027-01-15');
      expect(await row.textContent()).not.toMatch(/待定|预计/);
      await shot('20-case-after-calendar');
      await logout();
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
    }
  });

  it('errors read as plain Chinese: a lost connection, a proxy’s error page, a rule with its legal source', async () => {
    await login('clerk-e2e');
    // The network drops: the list says so in words, nothing technical.
    await page.route('**/api/cases?*', (r) => r.abort('internetdisconnected'));
    await page.goto(`${base}/#/cases?q=x`);
    await text(page.locator('main .alert'), '无法连接服务器');
    await page.unroute('**/api/cases?*');
    // A proxy answers with its own HTML page.
    await page.route('**/api/cases?*', (r) =>
      r.fulfill({ status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' }),
    );
    await page.goto(`${base}/#/cases?q=y`);
    await text(page.locator('main .alert'), '网关错误 502');
    expect(await page.locator('main').textContent()).not.toMatch(/Unexpected token|Failed to fetch|Bad Gateway/);
    await page.unroute('**/api/cases?*');
    // A rule's source once, in Chinese.
    const said = await page.evaluate(
      "import('/web/core.js').then((m) => m.withSource('延长审理期限须在期限届满前提出（LDMAL Art. 43; Rules Arts. 45–46）', 'LDMAL Art. 43; Rules Arts. 45–46'))",
    );
    expect(said).toBe(
      '延长审理期限须在期限届满前提出（依据：《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条至第四十六条）',
    );
    const missing = await page.evaluate(
      "import('/web/core.js').then((m) => m.withSource('缺少2027年的国家法定节假日安排数据，无法判断期限；请管理员录入该年安排（PUT /api/calendar/years/2027）'))",
    );
    expect(missing).not.toContain('/api/');
    expect(missing).toContain('系统管理 › 节假日安排');
    await logout();
  });

  it('the header bell shows the award-clock alerts the daily sweep recorded, not a count made in the browser', async () => {
    const clerk = (await request(t.app).post('/api/auth/login').send({ username: 'clerk-e2e', password: 'clerk-e2e-password-1' })).body
      .token as string;
    const chair = (await request(t.app).post('/api/auth/login').send({ username: 'chair-e2e', password: 'chair-e2e-password-1' })).body
      .token as string;
    const reg = await t.api(clerk).post('/api/cases', application({ receivedOn: '2026-03-02', applicants: [worker('钱七', 789)] }));
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const id = reg.body.id as number;
    expect((await t.api(clerk).post(`/api/cases/${id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })).status).toBe(200);
    const arb = t.userId('arb-e2e');
    const formed = await t
      .api(chair)
      .post(`/api/cases/${id}/events`, { type: 'FORM_TRIBUNAL', occurredOn: '2026-03-05', arbitratorIds: [arb], presidingId: arb });
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
    // 2026-04-12: eight days are left on the award clock (due 04-20), but the sweep has not run yet — no alert.
    t.clock.set('2026-04-12T02:00:00Z');
    try {
      await login('arb-e2e');
      const bell = page.getByRole('button', { name: /^审限提醒/ });
      await eventually(async () => expect(await bell.getAttribute('aria-label')).toBe('审限提醒：0 件案件审限临近或已逾期'));
      await sweepDeadlines(t.app.locals.deps as Deps, '2026-04-12');
      await page.reload();
      await eventually(async () => expect(await bell.getAttribute('aria-label')).toBe('审限提醒：1 件案件审限临近或已逾期'));
      await text(bell.locator('.count'), '1');
      await bell.click();
      const panel = page.getByRole('region', { name: '审限提醒列表' });
      await text(panel, '钱七');
      await text(panel, '届满前10日提醒');
      await text(panel, '剩 8 天');
      await axe('alerts');
      await shot('20-alerts');
      await panel.getByRole('link', { name: /〔2026〕/ }).click();
      await text(page.locator('#sec-parties'), '钱七');
      await logout();
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
      await sweepDeadlines(t.app.locals.deps as Deps, '2026-04-01');
    }
  });

  it('the hearing calendar shows every session of a case, a further one numbered', async () => {
    const token = async (username: string) =>
      (
        await request(t.app)
          .post('/api/auth/login')
          .send({ username, password: `${username}-password-1` })
      ).body.token as string;
    const [clerk, chair, arbitrator] = [await token('clerk-e2e'), await token('chair-e2e'), await token('arb-two')];
    const reg = await t.api(clerk).post('/api/cases', application({ receivedOn: '2026-03-02', applicants: [worker('孙八', 790)] }));
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const id = reg.body.id as number;
    const arb = t.userId('arb-two');
    for (const [tok, body] of [
      [clerk, { type: 'ACCEPT', occurredOn: '2026-03-04' }],
      [chair, { type: 'FORM_TRIBUNAL', occurredOn: '2026-03-05', arbitratorIds: [arb], presidingId: arb }],
      [arbitrator, { type: 'SCHEDULE_HEARING', occurredOn: '2026-03-06', hearingOn: '2026-03-17', time: '09:00', place: '第二仲裁庭' }],
      [arbitrator, { type: 'HOLD_HEARING', occurredOn: '2026-03-17', applicantPresent: true, respondentPresent: true }],
      // The next session is fixed at the end of the first, the same day.
      [arbitrator, { type: 'SCHEDULE_HEARING', occurredOn: '2026-03-17', hearingOn: '2026-03-27', time: '14:30', place: '第二仲裁庭' }],
    ] as const) {
      const r = await t.api(tok).post(`/api/cases/${id}/events`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await login('arb-two');
    await page.goto(`${base}/#/hearings?week=2026-03-16&arbitratorId=${arb}`);
    const chips = page.locator('a.hearing-chip').filter({ hasText: '孙八' });
    // The first session, held, stays where it was; the next one is in the following week, numbered.
    await count(chips, 1);
    await text(chips, '09:00');
    await text(chips, '已开庭');
    await page.getByRole('link', { name: '下一周 ›' }).click();
    await text(page.locator('main h1'), '2026-03-23');
    await count(chips, 1);
    await text(chips, '14:30');
    await text(chips, '第2次开庭');
    await axe('hearings-sessions');
    await shot('19-hearings-sessions');
    await logout();
  });

  it('two workers with the same name are told apart wherever a party is chosen', async () => {
    const clerk = (await request(t.app).post('/api/auth/login').send({ username: 'clerk-e2e', password: 'clerk-e2e-password-1' })).body
      .token as string;
    const [first, second] = [worker('周九', 611), worker('周九', 622)];
    const reg = await t.api(clerk).post('/api/cases', application({ receivedOn: '2026-03-20', applicants: [first, second] }));
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect((await t.api(clerk).post(`/api/cases/${reg.body.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-23' })).status).toBe(200);
    await login('clerk-e2e');
    await page.goto(`${base}/#/cases/${reg.body.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '送达', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    // Its options are filled once the dialog has the case: waited for, not read at once (a slow machine read none).
    await dlg
      .getByRole('combobox', { name: '受送达人', exact: true })
      .locator('option', { hasText: '第2位申请人' })
      .waitFor({ state: 'attached' });
    const options = await dlg.getByRole('combobox', { name: '受送达人', exact: true }).locator('option').allTextContents();
    expect(options).toContain(`申请人：周九（第1位申请人，身份证号尾号${first.idNumber.slice(-4)}）`);
    expect(options).toContain(`申请人：周九（第2位申请人，身份证号尾号${second.idNumber.slice(-4)}）`);
    // A name that is not shared stays as it is.
    expect(options.filter((o) => o.startsWith('被申请人：'))).toEqual(['被申请人：聊城某某机械有限公司']);
    await dlg.getByRole('button', { name: '取消' }).click();
    await dlg.waitFor({ state: 'detached' });
    await logout();
  });

  it('the district chart keeps the longest district name inside the chart at 1366×768', async () => {
    const clerk = (await request(t.app).post('/api/auth/login').send({ username: 'clerk-e2e', password: 'clerk-e2e-password-1' })).body
      .token as string;
    // A case of 2025 in the district with the longest name (the other journeys' figures are of 2026).
    const reg = await t.api(clerk).post('/api/cases', application({ receivedOn: '2025-12-01', district: '聊城高新技术产业开发区' }));
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    expect((await t.api(clerk).post(`/api/cases/${reg.body.id}/events`, { type: 'ACCEPT', occurredOn: '2025-12-03' })).status).toBe(200);
    await login('analyst-e2e');
    await page.goto(`${base}/#/stats?from=2025-01-01&to=2025-12-31`);
    const chart = page.getByRole('img', { name: '各地区结案率' });
    const label = chart.locator('text', { hasText: '聊城高新技术产业开发区' });
    await visible(label);
    const [box, inner] = [await chart.boundingBox(), await label.first().boundingBox()];
    expect(box && inner && inner.x >= box.x && inner.x + inner.width <= box.x + box.width).toBe(true);
    await logout();
  });

  it('the main screens at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await login('chair-e2e');
    await page.reload();
    await page.locator('nav.side').waitFor();
    await page.waitForLoadState('networkidle');
    await shot('21-workbench-chair-1920');
    await page.goto(caseUrl);
    await text(page.locator('.case-head'), '已裁决');
    await shot('22-case-1920');
    // On paper the file prints without the application around it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('nav.side').isVisible()).toBe(false);
    await visible(page.locator('#sec-parties'));
    await shot('22-case-print');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${base}/#/hearings?week=2026-03-16`);
    await visible(page.locator('a.hearing-chip'));
    await shot('23-hearings-1920');
    await page.goto(`${base}/#/stats?from=2026-01-01&to=2026-12-31`);
    await text(page.getByTestId('closure-rate'), '%');
    await page.waitForTimeout(300);
    await shot('24-stats-1920');
    await logout();
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('no screen of these journeys was refused anything by the Content-Security-Policy, nor missed a file', () => {
    expect(cspViolations).toEqual([]);
    expect(missingFiles).toEqual([]);
  });
});
