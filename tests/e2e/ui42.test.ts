import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, caseAt, caseEvents, eventually, hasText, openBrowser, signIn } from '../helpers/case-fixtures.ts';
import { type Actors, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui42 (an outside usability test) in Chromium: a correction refused because another tab saved first keeps
 * what was typed — laid over the latest case, fields both changed marked with the person's own value —; the chair's
 * workbench lists what waits for his decision; on a phone every control is at least 44 px tall; small things (a
 * digit in a name, undoing a removal, the statistics' method named in Chinese, the award as the next document, the
 * serve date's hint).
 */
let t: TestApp;
let a: Actors;
let rig: BrowserRig;
let base: string;
let page: Page;
const { ok } = caseEvents(() => t);

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

const draftKeys = (p: Page) => p.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('zc.draft.'))") as Promise<string[]>;

describe('ui42 (Chromium)', () => {
  it('MEDIUM 1 a correction refused with 412 keeps the typed text: merged over the latest case, conflicts marked', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', standardApplication({ receivedOn: '2026-03-30' }))).body;
    await signIn(page, base, 'clerk');
    const tab2 = await rig.context.newPage();
    const applicant = (p: Page) => p.locator('[data-party="applicants.0"]');
    for (const p of [page, tab2]) {
      await p.goto(`${base}/#/cases/${c.id}/edit`);
      await p.getByRole('button', { name: '保存修改' }).waitFor();
    }
    // Tab 1 saves a new phone and address.
    await applicant(page).getByLabel('联系电话').fill('13911112222');
    await applicant(page).getByLabel('住所/地址').fill('聊城市东昌府区柳园街道1号');
    await page.getByRole('button', { name: '保存修改' }).click();
    await hasText(page.locator('main'), '登记信息已修改');
    // Tab 2, opened before, types another address (both changed it) and the facts (only tab 2 changed them).
    await applicant(tab2).getByLabel('住所/地址').fill('聊城市东昌府区古楼街道9号');
    await tab2.getByRole('textbox', { name: '事实与理由' }).fill('申请人自2025年10月起未获工资，多次催要未果。');
    await tab2.getByRole('button', { name: '保存修改' }).click();
    const alert = tab2.locator('.form-alert .alert');
    // The same clerk in two tabs: not "someone else" (ui43 L10).
    await hasText(alert, '案件已在其他窗口或由您本人修改');
    await hasText(alert, '仍保留在本机草稿中');
    // The draft is still there after the refusal.
    expect((await draftKeys(tab2)).some((k) => k.endsWith(`.edit.${c.id}`))).toBe(true);
    await alert.getByRole('button', { name: '载入最新内容' }).click();
    await hasText(tab2.locator('form.register'), '重新填入');
    // The other's change is kept, this person's change to a field the other did not touch is re-applied…
    await eventually(async () => expect(await applicant(tab2).getByLabel('联系电话').inputValue()).toBe('13911112222'));
    expect(await tab2.getByRole('textbox', { name: '事实与理由' }).inputValue()).toBe('申请人自2025年10月起未获工资，多次催要未果。');
    // …and a field both changed keeps the saved value, the typed one shown under it and in 我的未保存内容.
    expect(await applicant(tab2).getByLabel('住所/地址').inputValue()).toBe('聊城市东昌府区柳园街道1号');
    const mine = applicant(tab2).locator('.mine-value');
    await hasText(mine, '聊城市东昌府区古楼街道9号');
    await hasText(tab2.getByRole('region', { name: '我的未保存内容' }), '聊城市东昌府区古楼街道9号');
    // Still there after a reload (kept with the draft).
    await tab2.reload();
    await hasText(applicant(tab2).locator('.mine-value'), '聊城市东昌府区古楼街道9号');
    await applicant(tab2).getByRole('button', { name: '改用我的内容' }).click();
    expect(await applicant(tab2).getByLabel('住所/地址').inputValue()).toBe('聊城市东昌府区古楼街道9号');
    await tab2.getByRole('button', { name: '保存修改' }).click();
    await hasText(tab2.locator('main'), '登记信息已修改');
    const now = (await t.api(t.adminToken).get(`/api/cases/${c.id}`)).body;
    expect(now.applicants[0]).toMatchObject({ phone: '13911112222', address: '聊城市东昌府区古楼街道9号' });
    expect(now.facts).toBe('申请人自2025年10月起未获工资，多次催要未果。');
    await eventually(async () => expect(await draftKeys(tab2)).toEqual([]));
    await tab2.close();
  });

  it('MEDIUM 2 the chair’s 待我决定: extension candidates (not yet extended), the tribunal list behind its card', async () => {
    // Accepted 2026-02-20: the 45 days run out within ten days of 2026-04-01.
    const early = { body: standardApplication({ receivedOn: '2026-02-18' }), acceptOn: '2026-02-20', formOn: '2026-02-24' };
    const candidate = (await caseAt(t, a, 'tribunal_formed', early)).c;
    const extended = (await caseAt(t, a, 'tribunal_formed', early)).c;
    await ok(extended, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-03-31');
    const waiting = (await caseAt(t, a, 'accepted')).c;
    await signIn(page, base, 'chair');
    const decide = page.getByRole('region', { name: /待我决定/ });
    await decide.waitFor();
    const table = decide.locator('table.extension-candidates');
    await hasText(table, candidate.caseNo);
    expect(await table.textContent()).not.toContain(extended.caseNo);
    await hasText(decide, waiting.caseNo);
    await table.getByRole('link', { name: `延长审理期限：${candidate.caseNo}` }).click();
    await eventually(async () => expect(page.url()).toContain(`#/cases/${candidate.id}`));
    await page.goto(`${base}/#/`);
    await page.getByRole('button', { name: /^待组成仲裁庭：/ }).click();
    await eventually(async () => expect(page.url()).toContain('#/cases?state=accepted'));
    await hasText(page.locator('main table'), waiting.caseNo);
  });

  it('MEDIUM 3 on a 390 px phone the header, 打印本页 and next-step buttons are at least 44 px; the desktop is unchanged', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('button', { name: '打印本页' }).waitFor();
    const height = (name: string) =>
      page
        .getByRole('button', { name: name === '审限提醒' ? /^审限提醒/ : name, exact: name !== '审限提醒' })
        .first()
        .evaluate((el) => el.getBoundingClientRect().height);
    const desktop = await height('打印本页');
    expect(desktop).toBeLessThan(44);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const name of ['菜单', '审限提醒', '退出', '打印本页', '组成仲裁庭'])
        await eventually(async () => expect(await height(name), name).toBeGreaterThanOrEqual(44));
      const small = await page.evaluate(
        "[...document.querySelectorAll('main button, main .btn, header button')].map((el) => el.getBoundingClientRect()).filter((r) => r.width && r.height && (r.height < 44 || r.width < 44)).length",
      );
      expect(small).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    expect(await height('打印本页')).toBe(desktop);
  });

  it('LOW a digit in a name is a soft note; a removed applicant comes back with 撤销', async () => {
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/new`);
    const first = page.locator('[data-party="applicants.0"]');
    await first.getByLabel('姓名').fill('李4');
    await hasText(first.locator('.field-warn'), '姓名含数字，请核对');
    await first.getByLabel('姓名').fill('李四');
    await eventually(async () => expect(await first.locator('.field-warn').count()).toBe(0));
    await page.getByRole('button', { name: '＋ 申请人' }).click();
    await page.locator('[data-party="applicants.1"]').getByLabel('姓名').fill('王五');
    await page.getByRole('button', { name: '删除申请人 2' }).click();
    await hasText(page.locator('[data-undo]'), '已删除申请人 2（王五）');
    await page.locator('[data-undo]').getByRole('button', { name: '撤销' }).click();
    await eventually(async () => expect(await page.locator('[data-party="applicants.1"]').getByLabel('姓名').inputValue()).toBe('王五'));
    // An edit after a removal closes the bar: 撤销 would otherwise take back what was typed since (reviewer L1).
    await page.getByRole('button', { name: '删除申请人 2' }).click();
    await hasText(page.locator('[data-undo]'), '已删除申请人 2（王五）');
    await first.getByLabel('联系电话').fill('13900001111');
    await eventually(async () => expect(await page.locator('[data-undo] button').count()).toBe(0));
    expect(await first.getByLabel('联系电话').inputValue()).toBe('13900001111');
    await page.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
  });

  it('LOW the statistics name their method in Chinese (code in the tooltip); the serve date says it is not the signing day', async () => {
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/stats`);
    const method = page.locator('.formula-version');
    await hasText(method, '结案率统计口径（2026年第4版）');
    expect(await method.getAttribute('title')).toContain('zhongcai-closure-2026.4');
    // 结案天数 (平均｜中位) is one line at 1366 px: its last 天 does not wrap.
    const days = page.locator('.card.days button.n');
    const lineHeight = await days.evaluate(
      (el) => Number.parseFloat(el.ownerDocument.defaultView?.getComputedStyle(el).lineHeight ?? '') || 30,
    );
    expect(await days.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(lineHeight * 1.5);
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '送达', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await hasText(dlg, '不填则以“送达日期”为本次送达的日期');
    await dlg.getByRole('button', { name: '取消' }).click();
  });

  it('LOW after an award the document picker starts on 仲裁裁决书', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' })) },
      '2026-03-30',
    );
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    const kind = page.getByRole('combobox', { name: '文书种类' });
    await kind.waitFor();
    expect(
      await kind.evaluate((el) => (el as unknown as { selectedOptions: { textContent: string }[] }).selectedOptions[0]?.textContent),
    ).toContain('裁决书');
  });
  it('LOW a correction of a mixed award starts with no target chosen: 生成 is refused at the field until one is', async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        { category: 'economic_compensation', amount: '30000.00', description: '解除劳动合同经济补偿' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: c.claims.map((cl, i) => ({ claimId: cl.id, outcome: 'granted', amount: i ? '30000.00' : '12000.00' })) },
      '2026-03-30',
    );
    const docCount = async () => ((await t.api(t.adminToken).get(`/api/cases/${c.id}/documents`)).body as unknown[]).length;
    const before = await docCount();
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('combobox', { name: '文书种类' }).selectOption({ label: '决定书' });
    await page.getByRole('combobox', { name: '决定事项' }).selectOption({ label: '补正' });
    const target = page.getByRole('combobox', { name: '补正哪一份裁决书' });
    await target.waitFor();
    expect(await target.inputValue()).toBe('');
    expect(await target.locator('option').first().textContent()).toBe('请选择补正的裁决书');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await hasText(page.locator('.corrected-choice .field-error'), '请选择补正的裁决书');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(await docCount()).toBe(before);
    const nonFinal = await target.locator('option', { hasText: '非终局部分' }).getAttribute('value');
    await target.selectOption(nonFinal ?? '');
    expect(await page.locator('.corrected-choice .field-error').textContent()).toBe('');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '生成正式文本' }).click();
    // Past the browser's check: the server asks for the correction's text (nothing about which award).
    await page.getByRole('textbox', { name: '补正内容' }).waitFor();
  });
  it('fix43 the correction decision has its date (decidedOn): today by default, refused at the field before the award or after today', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' })) },
      '2026-03-30',
    );
    const docCount = async () => ((await t.api(t.adminToken).get(`/api/cases/${c.id}/documents`)).body as unknown[]).length;
    const before = await docCount();
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('combobox', { name: '文书种类' }).selectOption({ label: '决定书' });
    const date = page.getByLabel('补正决定日期');
    // Shown only for a correction.
    await page.getByRole('combobox', { name: '决定事项' }).selectOption({ label: '补正' });
    await date.waitFor();
    expect(await date.inputValue()).toBe('2026-04-01');
    const error = page.locator('.decided-choice .field-error');
    const generate = page.getByRole('button', { name: '生成', exact: true });
    await date.fill('2026-03-29');
    await generate.click();
    await hasText(error, '补正决定不能早于裁决日期（2026-03-30）');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await date.fill('2026-04-02');
    expect(await error.textContent()).toBe('');
    await generate.click();
    await hasText(error, '决定日期不能晚于今天（2026-04-01）');
    await date.fill('');
    await generate.click();
    await hasText(error, '必须填写');
    expect(await docCount()).toBe(before);
    await date.fill('2026-03-31');
    await generate.click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '生成正式文本' }).click();
    const body = page.getByRole('textbox', { name: '补正内容' });
    await body.waitFor();
    await body.fill('裁决书第一项中“2025年10月”应为“2025年11月”。');
    await generate.click();
    // ui50 H1: the confirmation names the text and the decision's date.
    await hasText(page.locator('dialog.confirm[open]'), '补正决定日期：2026-03-31');
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '生成正式文本' }).click();
    await eventually(async () => expect(await docCount()).toBe(before + 1));
    const history = await t.db.knex('case_events').where({ case_id: c.id, type: 'GENERATE_DOCUMENT' }).orderBy('seq');
    const raw = history.at(-1)?.payload;
    const payload = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { text?: { decidedOn?: string } };
    expect(payload.text?.decidedOn).toBe('2026-03-31');
  });
});
