import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, mixedAwardServed, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, issueMediationDocument, largeApplication, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui52 fixes in Chromium: a refusal of the 调解书 before it is issued reads as a refusal throughout (M1); the
 * history and the procedure record name who signed or refused (M2); the earlier-year acceptance names its box and year
 * (M3); a period no longer counted after a suit withdrawn (M4); same-name parties told apart, service documents named,
 * long name lists abbreviated, no employer's suit against a final award (L1–L4).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  // The earlier-year confirmation is asked (the suite's default turns it off: README configuration table).
  { now: '2026-12-05T17:00:00Z', env: { EARLIER_YEAR_ACCEPT_CONFIRMATION: 'true' } },
);

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
const TERMS = '被申请人于2026年12月31日前支付申请人工资12000元';

describe('fixU52 (Chromium)', () => {
  it('M1 before the 调解书 is issued the act opens, asks and is recorded as a refusal; its 409 offers no reload', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('张伟', 701), worker('张伟', 702)] }),
    });
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-11-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: TERMS }, '2026-11-26');
    await openCase(c.id, 'clerk');
    await actButton('当事人拒绝签收调解书（调解书尚未出具）').click();
    await dialog().waitFor();
    await hasText(dialog().locator('h2'), '登记拒绝签收调解书');
    const box = dialog().locator('[data-path="refused"]');
    expect(await box.isChecked()).toBe(true);
    expect(await box.isDisabled()).toBe(true);
    // One explanation, the server's; no refusal of a signature shown as the dialog opens.
    expect(await dialog().locator('.refusal-only-note').count()).toBe(1);
    await hasText(dialog().locator('.refusal-only-note'), '尚未出具仲裁调解书');
    await page.waitForTimeout(300);
    expect(await dialog().locator('.open-refusal .alert').count()).toBe(0);
    // The second 张伟 (after （请选择） and the first).
    await dialog().getByLabel('拒收当事人').selectOption({ index: 2 });
    expect(await dialog().getByLabel('拒收当事人').locator('option:checked').textContent()).toContain('张伟（第2位申请人');
    await dialog().getByLabel('拒收日期').fill('2026-12-05');
    await dialog().getByRole('button', { name: '登记拒绝签收调解书…' }).click();
    await ask().waitFor();
    await hasText(ask().locator('h2'), '登记拒绝签收调解书：');
    await hasText(ask(), '将记录当事人拒绝签收调解书');
    await ask().getByRole('button', { name: '登记拒绝签收调解书', exact: true }).click();
    await hasText(page.locator('.flash'), '已办理“登记拒绝签收调解书”');
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { state: string };
    expect(v.state).not.toBe('mediation_signing');
    // M2: the history names the act as the refusal, and who refused; the procedure record too.
    await openCase(c.id, 'clerk');
    const refusal = page.locator('#sec-history li', { hasText: '拒绝签收调解书 · ' });
    await hasText(refusal.locator('.signed-by'), '拒绝签收的当事人：申请人：张伟（第2位申请人');
    expect(await page.locator('#sec-history strong', { hasText: /^签收调解书$/ }).count()).toBe(0);
    await hasText(page.locator('#sec-proc'), '调解书被拒收（张伟（第2位申请人');

    // Opened without the offer (another screen's button) on a case whose 调解书 is not issued: the 409 of the law's rule
    // is shown without 载入最新内容; ticking 拒绝签收 makes the title, button and confirmation the refusal's.
    const { c: d, arb: arb2 } = await caseAt(t, a, 'heard');
    await ok(d, arb2.token, 'START_MEDIATION', {}, '2026-11-26');
    await ok(d, arb2.token, 'MEDIATION_AGREED', { terms: TERMS }, '2026-11-26');
    await openCase(d.id, 'clerk');
    // (A string: the test's own transform would rewrite a function's import().)
    await page.evaluate(`(async () => {
      const m = await import('/web/pages/act.js');
      const core = await import('/web/core.js');
      const fresh = await core.api('GET', '/api/cases/${d.id}');
      m.openEventForm(fresh, 'SIGN_MEDIATION_DOCUMENT', () => {});
    })()`);
    await dialog().waitFor();
    await hasText(dialog().locator('h2'), '签收调解书');
    const party = dialog().getByLabel('签收当事人');
    await party.selectOption((await party.locator('option').nth(1).getAttribute('value')) ?? '');
    await dialog().getByRole('button', { name: '签收调解书…' }).click();
    await hasText(dialog().locator('.form-alert'), '尚未出具仲裁调解书');
    expect(await dialog().getByRole('button', { name: '载入最新内容' }).count()).toBe(0);
    await dialog().locator('[data-path="refused"]').check();
    await hasText(dialog().locator('h2'), '登记拒绝签收调解书');
    await dialog().getByRole('button', { name: '登记拒绝签收调解书…' }).click();
    await hasText(ask().locator('h2'), '登记拒绝签收调解书：');
    await ask().getByRole('button', { name: '返回修改' }).click();
    await dialog().locator('[data-path="refused"]').uncheck();
    await dialog().getByRole('button', { name: '签收调解书…' }).click();
    await hasText(dialog().locator('.form-alert'), '尚未出具仲裁调解书');
  });

  it('M2 a signature for the 调解书 names its party in the history', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('李娜', 711), worker('李娜', 712)] }),
    });
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-11-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: TERMS }, '2026-11-26');
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-11-27' }, '2026-11-28');
    await openCase(c.id, 'clerk');
    const signed = page.locator('#sec-history li', { hasText: '签收调解书 · 2026-11-28' });
    await hasText(signed.locator('.signed-by'), '签收当事人：申请人：李娜（第1位申请人');
    await hasText(signed.locator('.signed-by'), '签收日期 2026-11-27');
  });

  it('M3 the earlier-year box: shown only for a date of an earlier year, named by the refusal, its year in the confirmation', async () => {
    const register = async () => {
      const r = await t.api(a.tokens.clerk).post('/api/cases', standardApplication({ receivedOn: '2025-12-29' }));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body as { id: number };
    };
    const c = await register();
    await openCase(c.id, 'clerk');
    await actButton('受理').click();
    await dialog().waitFor();
    // (Nothing the dialog leaves out is written as "null".)
    expect(await dialog().textContent()).not.toMatch(/\bnull\b|\bundefined\b/);
    const wrap = dialog().locator('.earlier-year');
    const box = dialog().locator('[data-path="earlierYear"]');
    const date = dialog().getByLabel('受理日期');
    await date.fill('2026-12-01');
    expect(await wrap.isHidden()).toBe(true);
    await date.fill('2025-12-31');
    await wrap.waitFor();
    await hasText(wrap, '编为2025年度的案号');
    await dialog().getByRole('button', { name: '受理…' }).click();
    const said = dialog().locator('[data-error-for="earlierYear"]');
    await hasText(said, '请勾选“往年作出的受理决定：确认按该年度编号”后受理');
    expect(await said.textContent()).not.toContain('earlierYear');
    await box.check();
    await dialog().getByRole('button', { name: '受理…' }).click();
    await hasText(ask(), '案号年度：按2025年度编号（往年作出的受理决定，已确认）');
    await ask().getByRole('button', { name: '确认受理' }).click();
    await hasText(page.locator('.flash'), '〔2025〕');

    // Ticked, then the date moved into this year: hidden, unticked, not sent.
    const d = await register();
    await openCase(d.id, 'clerk');
    await actButton('受理').click();
    await dialog().getByLabel('受理日期').fill('2025-12-31');
    await dialog().locator('[data-path="earlierYear"]').check();
    await dialog().getByLabel('受理日期').fill('2026-12-01');
    expect(await dialog().locator('.earlier-year').isHidden()).toBe(true);
    await dialog().getByRole('button', { name: '受理…' }).click();
    expect(await ask().textContent()).not.toContain('案号年度');
    await ask().getByRole('button', { name: '确认受理' }).click();
    await hasText(page.locator('.flash'), '〔2026〕');
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${d.id}/events`)).body as { type: string; payload: object }[];
    expect(history.find((e) => e.type === 'ACCEPT')?.payload).not.toHaveProperty('earlierYear');
  });

  it('M4 the employer’s old set-aside period after the worker’s suit was withdrawn reads 不再计算, with why', async () => {
    const { c, workerId, employerId } = await mixedAwardServed(t, a, '孙某撤', 721);
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workerId, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: workerId, decidedOn: '2026-06-01', servedOn: '2026-06-05' },
      '2026-06-05',
    );
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as {
      deadlines: { kind: string; status: string; partyId?: number; label: string }[];
    };
    const old = v.deadlines.find((d) => d.kind === 'set_aside_employer' && d.partyId === employerId);
    expect(old?.status).toBe('ended');
    await openCase(c.id, 'clerk');
    const row = page.locator('#sec-deadlines tr', { hasText: old?.label ?? '' }).first();
    await hasText(row.locator('.dl-status'), '不再计算');
    expect(await row.locator('.dl-status').textContent()).not.toContain('结案');
    expect(await row.locator('.dl-due').textContent()).not.toContain('待定');
    await hasText(row.locator('.dl-explain'), '第二十一条');
  });

  it('L1–L4 same-name parties told apart; the analyst’s file index names the document served; long lists abbreviated; no employer’s suit on a final award', async () => {
    const body = largeApplication({ applicants: [worker('王芳', 731), worker('王芳', 732)], respondents: [employer()] });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    expect((issued.award as { finality: string }).finality).toBe('final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');

    // L4: the employer is not offered as the one suing on a final award (LDMAL Arts. 48–49).
    await openCase(c.id, 'clerk');
    await actButton('登记当事人起诉').click();
    await dialog().waitFor();
    const offered = await dialog().getByLabel('起诉当事人').locator('option').allTextContents();
    expect(offered.some((o) => o.includes('被申请人'))).toBe(false);
    expect(offered.filter((o) => o.includes('王芳'))).toHaveLength(2);
    // L1: the confirmation's header tells the two 王芳 apart.
    await dialog().getByLabel('起诉当事人').selectOption({ index: 2 });
    await dialog().getByLabel('受理法院').fill('聊城市东昌府区人民法院');
    await dialog().getByLabel('起诉日期').fill('2026-04-20');
    await dialog().getByLabel('登记日期').fill('2026-04-20');
    // L5: Enter in a date field moves to the act's button, and records nothing.
    await dialog().getByLabel('起诉日期').press('Enter');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('确定…');
    expect(await ask().count()).toBe(0);
    await dialog().locator('.df .btn.danger, .df .btn.primary').click();
    await ask().waitFor();
    await hasText(ask(), '申请人：王芳（第1位申请人');
    await hasText(ask(), '王芳（第2位申请人');
    await ask().getByRole('button', { name: '返回修改' }).click();

    // L1, L2: the analyst's parties and file cover tell them apart; each receipt names its document.
    await signIn(page, base, 'analyst');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-parties').waitFor();
    await hasText(page.locator('#sec-parties'), '（第2位申请人');
    await page.goto(`${base}/#/cases/${c.id}/cover`);
    await page.locator('article.cover').waitFor();
    await hasText(page.locator('article.cover'), '王芳（第2位申请人');
    await hasText(page.locator('.cover-page'), '送达回证（裁决书）');
    expect(await page.locator('.cover-page').textContent()).not.toContain('送达回证（文书）');

    // L3: the major marking names thirty workers as the case list does.
    const many = Array.from({ length: 30 }, (_, i) => worker(`工人${i}`, 740 + i));
    const { c: big } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: many }) });
    await openCase(big.id, 'chair');
    await page.getByTestId('mark-major').click();
    await ask().waitFor();
    await hasText(ask(), '工人0、工人1、工人2 等30人与');
    expect(await ask().textContent()).not.toContain('工人29');
    await ask().getByRole('button', { name: '取消', exact: true }).click();
  });
});
