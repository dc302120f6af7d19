import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeIdNumber } from '../../workflows/identifiers.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, caseAt, caseEvents, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { type Actors, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * A new user's walk in Chromium (round ui40): the document generated is the one the picker shows, also after the page
 * was drawn again under the person; the 送达 dialog shows each box with its method and says a missing consent at the
 * box; an extension the law refuses says so as the dialog opens; the registration form checks the identity number and
 * reads 36,000, and focuses the first field in error; 转入仲裁 starts on the mediation's outcome; a sole arbitrator
 * on an ordinary case is said in the confirmation; the case list reads on a phone.
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const events = async (caseId: number, type: string) =>
  ((await t.api(t.adminToken).get(`/api/cases/${caseId}/events`)).body as { type: string }[]).filter((e) => e.type === type);
const actButton = (label: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: label, exact: true });

describe('ui40: a new user’s walk (Chromium)', () => {
  it('#1 the kind generated is the kind the picker shows: a choice made while the page was redrawn is kept', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const issued = await t.api(arb.token).post(`/api/cases/${c.id}/events`, {
      type: 'ISSUE_AWARD',
      occurredOn: '2026-03-26',
      items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' })),
      facts: '申请人于2025年入职被申请人处，被申请人拖欠其工资。',
      reasoning: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const kinds: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/api/cases/${c.id}/documents`)) kinds.push(JSON.parse(r.postData() ?? '{}').kind);
    });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    const picker = page.getByLabel('文书种类');
    // The arbitrator's first kind is the hearing notice: generated, slowly.
    await page.route('**/api/cases/*/documents', async (route) => {
      if (route.request().method() === 'POST') await sleep(1500);
      // (The last request may still be held when the route is removed.)
      await route.continue().catch(() => undefined);
    });
    try {
      await picker.selectOption('hearing_notice');
      await page.getByRole('button', { name: '生成', exact: true }).click();
      // While it is generated, the person picks the award; the page is drawn again after the answer.
      await picker.selectOption('award');
      await hasText(page.locator('.flash'), '已生成：开庭通知书');
      expect(await page.getByLabel('文书种类').inputValue()).toBe('award');
      // s60 #4: the defense summary the award's document needs is asked before 生成.
      await page.getByLabel('被申请人辩称（答辩意见）').fill('被申请人辩称已足额支付工资。');
      await page.getByRole('button', { name: '生成', exact: true }).click();
      // The award is asked for (its original's confirmation, ui50 H1): never "再次生成开庭通知书".
      await hasText(page.locator('dialog.confirm[open] h2'), '生成“仲裁裁决书”正式文本（原件）？');
      await page.locator('dialog.confirm[open]').getByRole('button', { name: '生成正式文本' }).click();
      await eventually(async () => expect(kinds).toEqual(['hearing_notice', 'award']));
    } finally {
      await page.unroute('**/api/cases/*/documents');
    }
  });

  it('#2 送达: each box shows with its method; electronic service without consent is said at the consent box', async () => {
    await signIn(page, base, 'clerk');
    // Under the ordinary procedure service by phone or SMS is not offered (Rules Art. 59).
    const ordinary = (await caseAt(t, a, 'accepted')).c;
    await page.goto(`${base}/#/cases/${ordinary.id}`);
    await actButton('送达').click();
    const first = page.locator('dialog.act[open]');
    await first.waitFor();
    expect(await first.getByRole('combobox', { name: '送达方式', exact: true }).locator('option[value="sms"]').count()).toBe(0);
    await page.goto('about:blank');
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ procedure: 'simple' }) });
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('送达').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const consent = dlg.getByLabel('受送达人同意电子送达');
    const confirmed = dlg.getByLabel('简便方式送达已经受送达人确认');
    expect(await consent.isVisible()).toBe(false);
    expect(await confirmed.isVisible()).toBe(false);
    const method = dlg.getByRole('combobox', { name: '送达方式', exact: true });
    await method.selectOption('sms');
    expect(await confirmed.isVisible()).toBe(true);
    expect(await consent.isVisible()).toBe(false);
    await method.selectOption('electronic');
    expect(await consent.isVisible()).toBe(true);
    expect(await confirmed.isVisible()).toBe(false);
    await dlg.getByRole('combobox', { name: '送达文书', exact: true }).selectOption('acceptance_notice');
    await dlg.getByRole('combobox', { name: '受送达人', exact: true }).selectOption({ index: 1 });
    await dlg.getByRole('button', { name: '确定' }).click();
    await hasText(dlg.locator('[data-error-for="consent"]'), '电子送达须经受送达人同意');
    expect(await dlg.locator('.form-alert .alert').count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.dataset?.path')).toBe('consent');
    expect(await page.locator('dialog.confirm[open]').count()).toBe(0);
    // Ticked: confirmed and recorded with the consent.
    await consent.check();
    await dlg.getByRole('button', { name: '确定' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认送达' }).click();
    await dlg.waitFor({ state: 'detached' });
    const served = (await events(c.id, 'SERVE')) as unknown as { payload: Record<string, unknown> }[];
    expect(served.map((e) => [e.payload.method, e.payload.consent, e.payload.confirmed])).toEqual([['electronic', true, undefined]]);
  });

  it('#3 an extension after the time limit ran out is refused as the dialog opens, before anything is filled', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ receivedOn: '2026-01-05' }), acceptOn: '2026-01-06' });
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('延长审理期限').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await hasText(dlg.locator('.open-refusal'), '审理期限已于 2026-02-24 届满，不能再延长');
    // Approved in time and recorded late: the refusal goes with the earlier date.
    await dlg.getByLabel('批准延期日期').fill('2026-02-20');
    await dlg.getByLabel('批准延期日期').dispatchEvent('change');
    await eventually(async () => expect(await dlg.locator('.open-refusal').textContent()).toBe(''));
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: '放弃并关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
  });

  it('#4 registration: the first field in error is focused, the identity number is checked, 36,000 is read', async () => {
    await signIn(page, base, 'clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    await page.getByLabel('收到申请日期').fill('2026-03-20');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    const applicant = page.locator('[data-party="applicants.0"]');
    await applicant.getByLabel('姓名').fill('赵六');
    const good = completeIdNumber('37150219851212567');
    const wrong = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    await applicant.getByLabel('公民身份号码').fill(wrong);
    await page.locator('[data-party="respondents.0"]').getByLabel('名称').fill('聊城某某机械有限公司');
    await page.locator('[data-party="respondents.0"]').getByLabel('用人单位类型').selectOption('private');
    const claim = page.locator('[data-claim="claims.0"]');
    await claim.getByLabel('请求类别').selectOption('wages');
    await claim.getByLabel('金额（元）').fill('36,000');
    // The claim's words are left empty: two fields in error, the identity number first on the page.
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(applicant.locator('[data-error-for="applicants.0.idNumber"]'), '校验位');
    await hasText(claim.locator('[data-error-for="claims.0.description"]'), '必须填写');
    expect(await page.evaluate('document.activeElement?.dataset?.path')).toBe('applicants.0.idNumber');
    expect(await claim.getByLabel('金额（元）').inputValue()).toBe('36000');
    await applicant.getByLabel('公民身份号码').fill(good);
    await claim.getByLabel('金额（元）').fill('36，000.50');
    await claim.getByLabel('请求内容').fill('支付2025年工资');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('.flash'), '已登记');
    const id = Number(/#\/cases\/(\d+)/.exec(page.url())?.[1]);
    const c = (await t.api(t.adminToken).get(`/api/cases/${id}`)).body as { claims: { amount: string }[] };
    expect(c.claims.map((cl) => cl.amount)).toEqual(['36000.50']);
  });

  it('#6 转入仲裁 after 调解不成 starts on 调解不成 and records it without a refused preview', async () => {
    const m = (
      await t
        .api(a.tokens.mediator)
        .post('/api/cases', application({ track: 'mediation', receivedOn: '2026-03-02', applicants: [worker('钱七', 312)] }))
        .expect(201)
    ).body;
    const { ok } = caseEvents(() => t);
    await ok(m, a.tokens.mediator, 'MEDIATION_FAILED', { reason: '双方对金额分歧较大' }, '2026-03-10');
    const previews: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith(`/api/cases/${m.id}/event-preview`)) previews.push(r.status());
    });
    await signIn(page, base, 'mediator');
    await page.goto(`${base}/#/cases/${m.id}`);
    await actButton('转入仲裁').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    expect(await dlg.getByLabel('转入仲裁原因').inputValue()).toBe('failed');
    await dlg.getByRole('button', { name: '转入仲裁…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认转入仲裁' }).click();
    await dlg.waitFor({ state: 'detached' });
    const referred = (await events(m.id, 'REFER_TO_ARBITRATION')) as unknown as { payload: Record<string, unknown> }[];
    expect(referred.map((e) => e.payload.reason)).toEqual(['failed']);
    expect(previews.filter((s) => s >= 400)).toEqual([]);
  });

  it('#7 a sole arbitrator on a case under the ordinary procedure: the confirmation says so, with LDMAL Art. 31', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('组成仲裁庭').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.locator('[data-path="arbitratorIds"] input').first().check();
    await dlg.getByRole('button', { name: '组成仲裁庭…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '本案按普通程序处理');
    await hasText(confirm, '《劳动争议调解仲裁法》第三十一条');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await dlg.getByRole('button', { name: '取消' }).click();
    const ask = page.locator('dialog.confirm[open]');
    if (await ask.isVisible().catch(() => false)) await ask.getByRole('button', { name: '放弃并关闭' }).click();
    await dlg.waitFor({ state: 'detached' });
    expect(await events(c.id, 'FORM_TRIBUNAL')).toHaveLength(0);
  });

  it('#8 the case list on a 390-px phone: each case a card, 状态, 地区 and 审限剩余 on screen', async () => {
    await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/cases`);
      const row = page.locator('table.case-list tbody tr').first();
      await row.waitFor();
      for (const label of ['状态', '地区', '审限剩余']) {
        const cell = row.locator(`td[data-label="${label}"]`);
        const box = await cell.boundingBox();
        expect(box, label).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0), `${label} off-screen`).toBeLessThanOrEqual(390);
        // Labelled with its column (CSS content: attr(data-label)).
        const content = await cell.evaluate(
          (el) =>
            (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { content: string } }).getComputedStyle(el, '::before')
              .content,
        );
        expect(content).toBe(`"${label}"`);
      }
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(
        await page.evaluate("document.querySelector('.table-scroll').scrollWidth <= document.querySelector('.table-scroll').clientWidth"),
      ).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
