import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, type CaseView, caseAt, caseEvents, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round s23 of the web interface in real Chromium (the auditor's layout findings): on a phone (390×844) and a tablet
 * (768×1024) no page scrolls sideways — the side menu folds behind a menu button, tables scroll in their own box,
 * forms stack, dialogs fit — and the menu is reached and toggled by keyboard; on a desktop (1280×800) the side menu
 * is shown as before. The two pre-filled act defaults are shown for what they are (公开开庭, the legal rule) or left
 * to the person (保管期限).
 */
let t: TestApp;
let a: Actors;
let rig: BrowserRig;
let base: string;
let page: Page;
let scheduled: CaseView;
let formed: CaseView;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '1000', MAX_SESSIONS_PER_USER: '100' } });
  a = await createActors(t);
  rig = await openBrowser(t);
  ({ base, page } = rig);
  ({ c: scheduled } = await caseAt(t, a, 'hearing_scheduled'));
  ({ c: formed } = await caseAt(t, a, 'tribunal_formed'));
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
});

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1280, height: 800 };

/** Signs in at desktop width (the sign-in helper waits for the side menu), then takes the size asked for. */
async function loginAt(username: string, size: { width: number; height: number }) {
  await page.setViewportSize(DESKTOP);
  await signIn(page, base, username);
  await page.setViewportSize(size);
}

/** The page does not scroll sideways; on failure, the elements that stick out are named. */
async function noSidewaysScroll(what: string) {
  const m = (await page.evaluate(`(() => {
    const w = window.innerWidth;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1 && e.getClientRects().length)
      .slice(0, 8)
      .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replaceAll(' ', '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));
    return { scroll: document.documentElement.scrollWidth, width: w, out };
  })()`)) as { scroll: number; width: number; out: string[] };
  expect(m.scroll, `${what} at ${m.width}px scrolls sideways: ${m.out.join(', ')}`).toBeLessThanOrEqual(m.width);
}

/** The open dialog lies within the screen and does not scroll sideways itself. */
async function dialogFits(what: string) {
  const dlg = page.locator('dialog[open]');
  await dlg.waitFor();
  const m = (await page.evaluate(`(() => {
    const d = document.querySelector('dialog[open]');
    const r = d.getBoundingClientRect();
    const body = d.querySelector('.db') ?? d;
    return { left: r.left, right: r.right, width: window.innerWidth, inner: body.scrollWidth, box: body.clientWidth };
  })()`)) as { left: number; right: number; width: number; inner: number; box: number };
  expect(m.left, `${what}: dialog starts off screen`).toBeGreaterThanOrEqual(0);
  expect(m.right, `${what}: dialog ends off screen`).toBeLessThanOrEqual(m.width);
  expect(m.inner, `${what}: dialog body scrolls sideways`).toBeLessThanOrEqual(m.box + 1);
}

const menuButton = () => page.locator('header.top button.menu');
const sideMenu = () => page.locator('nav.side');

describe('s23: phone and tablet widths (Chromium)', () => {
  for (const size of [PHONE, TABLET]) {
    it(`${size.width}×${size.height}: case list, case page, registration form and an act dialog fit the width`, async () => {
      await loginAt('clerk', size);
      await page.goto(`${base}/#/cases`);
      await page.locator('main table').first().waitFor();
      await noSidewaysScroll('case list');
      // The list's table scrolls inside its own box where it is wider than the screen.
      const wrap = page.locator('main .table-scroll').first();
      expect(await wrap.count()).toBe(1);

      await page.goto(`${base}/#/cases/${scheduled.id}`);
      await page.getByRole('heading', { name: '文书' }).waitFor();
      await noSidewaysScroll('case page');

      await page.goto(`${base}/#/cases/new`);
      await page.getByRole('button', { name: '登记仲裁申请' }).waitFor();
      await noSidewaysScroll('registration form');
      // One field per row on a phone: the applicant's name and phone are not side by side.
      if (size === PHONE) {
        const party = page.locator('[data-party="applicants.0"]');
        const name = await party.getByLabel('姓名').boundingBox();
        const phone = await party.getByLabel('联系电话').boundingBox();
        expect(phone?.y ?? 0).toBeGreaterThan((name?.y ?? 0) + (name?.height ?? 0) - 1);
      }

      await loginAt('arb-li', size);
      await page.goto(`${base}/#/cases/${formed.id}`);
      await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '排期开庭', exact: true }).click();
      await dialogFits('排期开庭');
      await noSidewaysScroll('act dialog');
      await page.locator('dialog.act[open]').getByRole('button', { name: '取消' }).click();
      await page.locator('dialog.act').waitFor({ state: 'detached' });
    });

    it(`${size.width}×${size.height}: the side menu folds behind a menu button reached and toggled by keyboard`, async () => {
      await loginAt('clerk', size);
      await page.goto(`${base}/#/cases`);
      const btn = menuButton();
      await btn.waitFor();
      expect(await btn.getAttribute('aria-expanded')).toBe('false');
      expect(await btn.getAttribute('aria-controls')).toBe(await sideMenu().getAttribute('id'));
      expect(await sideMenu().isVisible()).toBe(false);
      // The header stays one line high (修改密码 does not stack): one row of 44-px tap targets (stop 42) and its padding.
      expect((await page.locator('header.top').boundingBox())?.height).toBeLessThanOrEqual(60);
      // Tab from the top of the page: skip link, then the menu button.
      await page.locator('body').focus();
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      let reached = false;
      for (let i = 0; i < 6 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = (await page.evaluate(`document.activeElement?.matches('header.top button.menu') ?? false`)) as boolean;
      }
      expect(reached, 'the menu button is reached with Tab').toBe(true);
      await page.keyboard.press('Enter');
      expect(await btn.getAttribute('aria-expanded')).toBe('true');
      await eventually(async () => expect(await sideMenu().isVisible()).toBe(true));
      // The focus moves into the menu; its links are there.
      await eventually(async () => expect(await page.evaluate(`document.activeElement?.closest('nav.side') !== null`)).toBe(true));
      await noSidewaysScroll('open menu');
      // Escape closes it and gives the focus back to the button.
      await page.keyboard.press('Escape');
      expect(await btn.getAttribute('aria-expanded')).toBe('false');
      expect(await sideMenu().isVisible()).toBe(false);
      expect(await page.evaluate(`document.activeElement?.matches('header.top button.menu') ?? false`)).toBe(true);
      // Space opens it again; a link is followed by keyboard and the new screen starts with the menu closed.
      await page.keyboard.press(' ');
      expect(await btn.getAttribute('aria-expanded')).toBe('true');
      await sideMenu().getByRole('link', { name: '登记申请' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '登记仲裁申请' }).waitFor();
      expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
      expect(await sideMenu().isVisible()).toBe(false);
      // The header's password link is in the menu where the header has no room for it.
      if (size === PHONE) {
        await menuButton().click();
        await sideMenu().getByRole('link', { name: '修改密码' }).waitFor();
        await menuButton().click();
      }
    });
  }

  it('1280×800: the side menu is shown as before, without a menu button', async () => {
    await loginAt('clerk', DESKTOP);
    await page.goto(`${base}/#/cases`);
    await page.locator('main table').first().waitFor();
    expect(await sideMenu().isVisible()).toBe(true);
    expect(await menuButton().isVisible()).toBe(false);
    const nav = await sideMenu().boundingBox();
    expect(nav?.x).toBe(0);
    expect(nav?.width).toBe(168);
    expect(await sideMenu().getByRole('link', { name: '案件' }).isVisible()).toBe(true);
    expect(await page.locator('header.top').getByRole('link', { name: '修改密码' }).isVisible()).toBe(true);
    await noSidewaysScroll('case list');
  });
});

describe('s23: defaults an act dialog starts with (Chromium)', () => {
  const events = async (caseId: number, type: string) =>
    ((await t.api(t.adminToken).get(`/api/cases/${caseId}/events`)).body as { type: string; payload: Record<string, unknown> }[]).filter(
      (e) => e.type === type,
    );
  const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });

  it('排期开庭 starts on 公开开庭, the rule of LDMAL Art. 26, named with the rule beside it; 不公开开庭 names its ground', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    await loginAt('arb-li', DESKTOP);
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('排期开庭').click();
    const dlg = page.locator('dialog.act[open]');
    const how = dlg.getByLabel('开庭方式');
    await how.waitFor();
    // Not a ticked box among the fields: a list that says what is chosen, the law beside it. (The one box is 合并开庭,
    // unticked: a hearing with other cases is asked for, never assumed.)
    const boxes = dlg.locator('input[type="checkbox"]');
    expect(await boxes.count()).toBe(1);
    expect(await dlg.getByLabel('合并开庭', { exact: false }).isChecked()).toBe(false);
    expect(await dlg.locator('div.f:has([data-path="public"]) input[type="checkbox"]').count()).toBe(0);
    expect(await how.inputValue()).toBe('public');
    expect(await how.locator('option:checked').textContent()).toBe('公开开庭');
    await hasText(dlg.locator('div.f:has([data-path="public"])'), '第二十六条');
    const offered = await how.locator('option').allTextContents();
    expect(offered.filter((o) => o.startsWith('不公开开庭：'))).toHaveLength(4);
    // A hearing already past (held in the second part of the test): notified 03-09 for 03-25.
    await dlg.getByLabel('排期（通知）日期').fill('2026-03-09');
    await dlg.locator('[data-path="hearingOn"]').fill('2026-03-25');
    await dlg.locator('[data-path="place"]').fill('第二仲裁庭');
    await how.selectOption('privacy');
    await dlg.getByRole('button', { name: '排期开庭…' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认排期开庭' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [s] = await events(c.id, 'SCHEDULE_HEARING');
    expect(s?.payload).toMatchObject({ public: false, nonPublicGround: 'privacy' });

    // 开庭审理 starts on what the hearing was scheduled as, and its confirmation repeats it.
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('开庭审理').click();
    const held = page.locator('dialog.act[open]');
    await held.getByLabel('开庭方式').waitFor();
    expect(await held.getByLabel('开庭方式').inputValue()).toBe('privacy');
    await held.getByRole('radiogroup', { name: '申请人是否到庭', exact: true }).getByRole('radio', { name: '到庭', exact: true }).check();
    await held.getByRole('radiogroup', { name: '被申请人是否到庭' }).getByRole('radio', { name: '到庭', exact: true }).check();
    await held.getByRole('button', { name: '开庭审理…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '开庭方式：不公开开庭：涉及个人隐私');
    await confirm.getByRole('button', { name: '返回修改' }).click();
    await held.getByRole('button', { name: '取消' }).click();
  });

  it('归档 has no pre-filled retention: the clerk enters it (at least 10 years, Rules Art. 24)', async () => {
    const c = await registerCase(t, a, standardApplication());
    await caseEvents(() => t).ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于受案范围' }, '2026-03-04');
    await loginAt('clerk', DESKTOP);
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: /^归档/ }).click();
    const dlg = page.locator('dialog.act[open]');
    const years = dlg.getByLabel('保管期限（年）');
    await years.waitFor();
    expect(await years.inputValue()).toBe('');
    expect(await years.getAttribute('aria-required')).toBe('true');
    await dlg.getByRole('button', { name: /^归档/ }).click();
    await hasText(dlg.locator('[data-error-for="retentionYears"]'), '必须填写');
    await years.fill('9');
    await dlg.getByRole('button', { name: /^归档/ }).click();
    await hasText(dlg.locator('[data-error-for="retentionYears"]'), '不能少于 10');
    await years.fill('30');
    await dlg.getByRole('button', { name: /^归档/ }).click();
    // The confirmation repeats the period; the act records it.
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, '保管期限（年）：30');
    await confirm.getByRole('button', { name: '确认归档' }).click();
    await eventually(async () => expect((await events(c.id, 'ARCHIVE'))[0]?.payload).toMatchObject({ retentionYears: 30 }));
  });
});
