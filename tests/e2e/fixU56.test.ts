import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { completeCreditCode, completeIdNumber } from '../../workflows/identifiers.ts';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui56 / sec56 fixes in Chromium: 新建用户's 角色 starts at （请选择） and a missing one is said at the field (#1);
 * the registration's agent starts with no 代理人类别 and takes the 委托权限 his power of attorney states (LDMAL Art. 24),
 * shown in the case page's 权限 column (#2); a role that does no act (统计分析) gets no 下一步 block (#3); a password
 * hashed on the server keeps its button busy — 正在保存…/正在登录…/正在重置…, disabled, one request (#4).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Holds every `method` request to `path` for `ms` before it goes on, counting them. */
async function slowDown(path: string, method: string, ms: number): Promise<{ count: () => number; off: () => Promise<void> }> {
  let n = 0;
  const url = `${base}${path}`;
  const handler = async (route: { request(): Request; continue(): Promise<void> }) => {
    if (route.request().method() !== method) return route.continue();
    n++;
    await sleep(ms);
    await route.continue();
  };
  await page.route(url, handler);
  return { count: () => n, off: () => page.unroute(url, handler) };
}
const users = async () => {
  const r = (await t.api(t.adminToken).get('/api/users?pageSize=200')).body;
  return (Array.isArray(r) ? r : r.items) as { id: number; username: string; role: string }[];
};

describe('fixU56 (Chromium)', () => {
  it('#1 新建用户: 角色 starts at （请选择）; without a choice nothing is created and the field says so', async () => {
    await signIn(page, base, 'admin');
    await page.goto(`${base}/#/admin/users`);
    const role = page.locator('select[data-path="role"]');
    await role.waitFor();
    expect(await role.inputValue()).toBe('');
    expect(await role.locator('option:checked').textContent()).toBe('（请选择）');
    expect(await role.getAttribute('aria-required')).toBe('true');
    await page.getByLabel('用户名').fill('clerk-u56');
    await page.getByLabel('姓名（显示名）').fill('五六书记员');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await hasText(page.locator('[data-error-for="role"]'), '请选择角色');
    await eventually(async () => expect(await role.getAttribute('aria-invalid')).toBe('true'));
    expect((await users()).some((u) => u.username === 'clerk-u56')).toBe(false);
    // Chosen: the error goes, the account is made with that role.
    await role.selectOption('mediator');
    await eventually(async () => expect(await role.getAttribute('aria-invalid')).toBeNull());
    await page.getByRole('button', { name: '创建', exact: true }).click();
    const dlg = page.locator('dialog.secret[open]');
    await hasText(dlg, '角色“调解员”');
    await dlg.getByLabel('我已记下（或已复制）这个密码').check();
    await dlg.getByRole('button', { name: '已记下' }).click();
    expect((await users()).find((u) => u.username === 'clerk-u56')?.role).toBe('mediator');
    // The next user's form starts empty again.
    await eventually(async () => expect(await page.locator('select[data-path="role"]').inputValue()).toBe(''));
  });

  it('#2 登记: 代理人类别 and 委托权限 start empty, are asked for, and the authority reaches the case page', async () => {
    await signIn(page, base, 'clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.getByLabel('收到申请日期').fill('2026-03-02');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    const applicant = page.locator('[data-party="applicants.0"]');
    await applicant.getByLabel('姓名').fill('韩五六');
    await applicant.getByLabel('公民身份号码').fill(completeIdNumber('37150219900101561'));
    const respondent = page.locator('[data-party="respondents.0"]');
    await respondent.getByLabel('名称').fill('聊城五六机械有限公司');
    await respondent.getByLabel('统一社会信用代码').fill(completeCreditCode('91371500MA3C7K5L6'));
    await respondent.getByLabel('用人单位类型').selectOption('private');
    const claim = page.locator('[data-claim="claims.0"]');
    await claim.getByLabel('请求类别').selectOption('wages');
    await claim.getByLabel('金额（元）').fill('5600.00');
    await claim.getByLabel('请求内容').fill('支付2026年1月工资');
    await applicant.getByRole('button', { name: /添加委托代理人/ }).click();
    const kind = applicant.getByLabel('代理人类别');
    const powers = applicant.getByLabel('委托权限');
    await kind.waitFor();
    expect(await kind.inputValue()).toBe('');
    expect(await powers.inputValue()).toBe('');
    expect(await powers.locator('option').allTextContents()).toEqual([
      '（请选择）',
      '一般授权',
      '特别授权（可代为承认、放弃、变更仲裁请求，进行和解等）',
    ]);
    await applicant.getByLabel('代理人姓名').fill('韩小妹');
    await applicant.getByLabel('与当事人关系').fill('妹妹');
    // Left unchosen: asked at their fields before anything is sent.
    const posts: number[] = [];
    const onRequest = (r: Request) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/cases') posts.push(1);
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('[data-error-for="applicants.0.agents.0.kind"]'), '请选择代理人类别');
    await hasText(page.locator('[data-error-for="applicants.0.agents.0.powers"]'), '委托权限');
    expect(posts).toHaveLength(0);
    await kind.selectOption('relative');
    await powers.selectOption('special');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await page.getByText('已登记').first().waitFor();
    page.off('request', onRequest);
    const id = Number(/#\/cases\/(\d+)$/.exec(page.url())?.[1]);
    const c = (await t.api(t.adminToken).get(`/api/cases/${id}`)).body;
    expect(c.applicants[0].agents[0]).toMatchObject({ name: '韩小妹', kind: 'relative', relationship: '妹妹', powers: 'special' });
    // The case page's agent table shows it in its 权限 column.
    const row = page.locator('tr').filter({ hasText: '韩小妹' }).first();
    await hasText(row, '特别授权');
    // Corrected before acceptance: the stored agent's authority is there to change.
    await page.getByRole('link', { name: '修改登记信息' }).click();
    const edit = page.locator('form.register');
    const editPowers = edit.locator('[data-party="applicants.0"]').getByLabel('委托权限');
    await eventually(async () => expect(await editPowers.inputValue()).toBe('special'));
    await editPowers.selectOption('general');
    await edit.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('登记信息已修改').first().waitFor();
    expect((await t.api(t.adminToken).get(`/api/cases/${id}`)).body.applicants[0].agents[0].powers).toBe('general');
  });

  it('#3 统计分析: the case page has no 下一步 block — no to-do list of acts others do; a clerk still has it', async () => {
    const c = (await registerCase(t, a, standardApplication())) as CaseView;
    await signIn(page, base, 'analyst');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-parties').waitFor();
    await sleep(200);
    expect(await page.getByRole('heading', { name: '下一步' }).count()).toBe(0);
    expect(await page.locator('.others-next').count()).toBe(0);
    expect(await page.getByText('当前没有您可以办理的操作').count()).toBe(0);
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('heading', { name: '下一步' }).waitFor();
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '受理', exact: true }).waitFor();
  });

  it('#4 修改密码, 登录, 重置密码: the button says it is busy, is disabled, and sends one request', async () => {
    const made = await t
      .api(t.adminToken)
      .post('/api/users')
      .send({ username: 'pw-u56', password: 'pw-u56-password-1', role: 'clerk', displayName: '改密五六', mustChangePassword: false });
    expect(made.status).toBe(201);
    // 登录: Enter twice while the first is on its way — one request, the button saying 正在登录….
    await page.goto(`${base}/#/login`);
    await page.evaluate("localStorage.removeItem('zc.token'); sessionStorage.removeItem('zc.return')");
    await page.reload();
    const login = await slowDown('/api/auth/login', 'POST', 1200);
    await page.getByLabel('用户名').fill('pw-u56');
    await page.getByLabel('密码').fill('pw-u56-password-1');
    await page.getByLabel('密码').press('Enter');
    const busyLogin = page.locator('form.login button[type="submit"]');
    await hasText(busyLogin, '正在登录…');
    expect(await busyLogin.isDisabled()).toBe(true);
    await page.getByLabel('密码').press('Enter');
    await page.locator('nav.side').waitFor();
    expect(login.count()).toBe(1);
    await login.off();
    // 修改密码.
    const change = await slowDown('/api/auth/password', 'POST', 1200);
    await page.goto(`${base}/#/password`);
    await page.getByLabel('当前密码').fill('pw-u56-password-1');
    await page.locator('[data-path="newPassword"]').fill('pw-u56-new-password-2');
    await page.getByLabel('再次输入新密码').fill('pw-u56-new-password-2');
    const save = page.locator('main form button[type="submit"]');
    await save.click();
    await hasText(save, '正在保存…');
    expect(await save.isDisabled()).toBe(true);
    expect(await save.getAttribute('aria-busy')).toBe('true');
    await save.click({ force: true });
    await page.getByLabel('再次输入新密码').press('Enter');
    await eventually(async () => expect(new URL(page.url()).hash).toBe('#/'));
    expect(change.count()).toBe(1);
    await change.off();
    // 重置密码 (admin): after the confirmation naming the act, the row's button says 正在重置… until the answer.
    await signIn(page, base, 'admin');
    await page.goto(`${base}/#/admin/users`);
    const uid = (await users()).find((u) => u.username === 'pw-u56')?.id;
    const reset = await slowDown(`/api/users/${uid}/password-reset`, 'POST', 1200);
    const row = page.locator('main tbody tr').filter({ hasText: '改密五六' });
    await row.getByRole('button', { name: '重置密码' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '重置 改密五六 的密码？');
    await confirm.getByRole('button', { name: '重置密码' }).click();
    const busy = row.locator('button', { hasText: '正在重置…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    await busy.click({ force: true });
    const dlg = page.locator('dialog.secret[open]');
    await dlg.waitFor();
    expect(reset.count()).toBe(1);
    await dlg.getByLabel('我已记下（或已复制）这个密码').check();
    await dlg.getByRole('button', { name: '已记下' }).click();
    await reset.off();
    await row.getByRole('button', { name: '重置密码' }).waitFor();
  });
});
