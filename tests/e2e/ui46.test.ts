import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, DEFENSE, eventually, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui46 (a new user's walk) in Chromium: a service already recorded on the same party is said in the confirmation
 * (M1) and the history says what was served on whom (L4); 确认裁决生效 asks for the 确认日期 and states the award's legal
 * effective date from the server, with no doubled 确认 (M2); on a phone the workbench's deadlines and cases are cards
 * (M3), the case header's dates do not break (L5) and the open filters' toggle reads 收起筛选 apart (L6); a limitation
 * date after the receipt is said on the first 登记 (L1); a hearing day too soon for the notice, or a holiday, is said as
 * typed (L2); 收到答辩书 is confirmed and the confirming acts say so on their buttons (L3).
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
const closeDialog = async () => {
  const dlg = page.locator('dialog.act[open]');
  await dlg.getByRole('button', { name: '取消' }).click();
  const discard = page.locator('dialog.confirm[open]');
  if (await discard.count()) await discard.getByRole('button', { name: '放弃并关闭' }).click();
  await dlg.waitFor({ state: 'detached' });
};

describe('ui46 (Chromium)', () => {
  it('M1 a second service of the same document on a party is said in the confirmation; L4 the history names document and party', async () => {
    const names = ['送达甲一', '送达甲二', '送达甲三'];
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: names.map((n, i) => worker(n, 961 + i)), receivedOn: '2026-03-02' }),
    });
    const [first] = c.applicants as { id: number }[];
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      // Posted 03-05 (occurredOn, the day sent), received 03-06 (fixP50: not received before it was posted).
      { document: 'acceptance_notice', partyId: first?.id, method: 'post', servedOn: '2026-03-06' },
      '2026-03-05',
    );
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    // L4: the history's service entry says what was served on whom.
    await hasText(page.locator('#sec-history .served-what'), `受理通知书 → 申请人：${names[0]}，邮寄送达，送达日期 2026-03-06`);

    await actButton('送达').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    // L3: 送达 is confirmed, and its button and footer say so.
    expect(await dlg.getByRole('button', { name: '确定…', exact: true }).count()).toBe(1);
    await hasText(dlg.locator('.df'), '确定前会再次确认');
    await dlg.locator('[data-path="document"]').selectOption('acceptance_notice');
    await dlg.locator('[data-path="partyId"]').selectOption('allApplicants');
    await dlg.locator('[data-path="method"]').selectOption('post');
    await dlg.getByLabel('回执签收日期').fill('2026-03-06');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    const ask = page.locator('dialog.confirm[open]');
    await ask.waitFor();
    const repeated = ask.locator('.act-warning').filter({ hasText: '再次登记将另记一次送达' });
    await hasText(repeated, `⚠ 已于2026-03-06以邮寄送达方式向${names[0]}送达受理通知书，再次登记将另记一次送达`);
    expect(await repeated.count()).toBe(1);
    await ask.getByRole('button', { name: '返回修改' }).click();
    // Nothing recorded meanwhile.
    const now = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(now.proceedings.services).toHaveLength(1);
    // One party alone, not yet served: nothing said.
    await dlg.locator('[data-path="partyId"]').selectOption({ label: `申请人：${names[1]}` });
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask.waitFor();
    expect(await ask.locator('.act-warning').filter({ hasText: '再次登记' }).count()).toBe(0);
    await ask.getByRole('button', { name: '返回修改' }).click();
    await closeDialog();
  });

  it('stretch 送达 offers 全体被申请人 and starts on the method last used on the case', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({
        applicants: [worker('送达己', 968)],
        respondents: [employer('聊城某某送达甲有限公司'), employer('聊城某某送达乙有限公司')],
        receivedOn: '2026-03-02',
      }),
    });
    const [r1] = c.respondents as { id: number }[];
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'acceptance_notice', partyId: r1?.id, method: 'direct' }, '2026-03-06');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('送达').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    expect(await dlg.locator('[data-path="method"]').inputValue()).toBe('direct');
    await hasText(dlg, '已按本案上次的送达方式预选');
    await dlg.locator('[data-path="document"]').selectOption('acceptance_notice');
    await dlg.locator('[data-path="partyId"]').selectOption({ label: '全体被申请人（2人，逐人登记）' });
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '将逐人登记向全体 2 名被申请人（聊城某某送达甲有限公司、聊城某某送达乙有限公司）送达');
    await hasText(ask.locator('.act-warning').filter({ hasText: '再次登记' }), '向聊城某某送达甲有限公司送达');
    await ask.getByRole('button', { name: '确认送达' }).click();
    await hasText(page.locator('main'), '共 2 名被申请人');
    const services = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.proceedings.services as { partyId: number }[];
    expect(services.map((x) => x.partyId).sort()).toEqual([r1?.id, r1?.id, (c.respondents[1] as { id: number }).id].sort());
  });

  it('M2 确认裁决生效: 确认日期, the legal effective date and its article from the server, no doubled 确认', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('生效乙', 964)], receivedOn: '2026-03-02' }),
    });
    const claims = c.claims as unknown as { id: number; amount: string }[];
    let v = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: cl.amount, paymentDays: 10 })),
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-03-30',
    );
    for (const p of [...(c.applicants as { id: number }[]), ...(c.respondents as { id: number }[])])
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-03-31');
    const eff = (v.deadlines as { kind: string; partyId?: number | null; dueOn: string }[]).find(
      (d) => d.kind === 'effective' && !d.partyId,
    )?.dueOn as string;
    expect(eff).toMatch(/^2026-/);
    const article = (v.award as { finality: string }).finality === 'final' ? '第四十七条' : '第五十条';
    // Every window has run out by late May.
    t.clock.set('2026-05-20T02:00:00Z');
    try {
      await signIn(page, base, 'clerk');
      await page.goto(`${base}/#/cases/${c.id}`);
      await actButton('确认裁决生效').click();
      const dlg = page.locator('dialog.act[open]');
      await dlg.waitFor();
      expect(await dlg.getByLabel('确认日期').inputValue()).toBe('2026-05-20');
      expect(await dlg.getByText('生效日期', { exact: true }).count()).toBe(0);
      await dlg.getByRole('button', { name: '确认裁决生效…' }).click();
      const ask = page.locator('dialog.confirm[open]');
      await ask.waitFor();
      await hasText(ask.locator('#confirm-title'), '确认裁决生效：');
      const said = (await ask.textContent()) ?? '';
      expect(said).not.toContain('确认确认');
      expect(said).toContain('确认日期：2026-05-20');
      expect(said).toContain(`裁决的法定生效日期：${eff}`);
      expect(said).toContain(article);
      expect(said).not.toContain('生效日期：2026-05-20');
      await ask.getByRole('button', { name: '确认裁决生效', exact: true }).click();
      await hasText(page.locator('main'), `裁决生效日期：${eff}`);
      const clerk = (await request(t.app).post('/api/auth/login').send({ username: 'clerk', password: 'clerk-password-1' })).body
        .token as string;
      await eventually(async () => expect((await t.api(clerk).get(`/api/cases/${c.id}`)).body.proceedings.effectiveOn).toBe(eff));
    } finally {
      t.clock.set('2026-04-01T02:00:00Z');
    }
  });

  it('L2 a hearing day too soon for the notice, or a holiday, is said as typed; L3 (fixU54) the dialog says it asks before recording', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('排期丙', 965)], receivedOn: '2026-03-02' }),
    });
    const soon = '2026-04-03';
    const preview = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({ type: 'SCHEDULE_HEARING', occurredOn: '2026-04-01', hearingOn: soon, place: '第一仲裁庭' });
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('排期开庭').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await hasText(dlg.locator('.df'), '记录前会再次确认');
    await dlg.getByLabel('开庭日期').fill(soon);
    if (preview.status === 422) await hasText(dlg.locator('.hearing-warnings .hearing-refusal'), '开庭通知应在开庭');
    else expect(preview.status).toBe(200);
    await dlg.getByLabel('开庭日期').fill('2026-05-01');
    await hasText(dlg.locator('.hearing-warnings .act-warning'), '法定节假日');
    expect(await dlg.locator('.hearing-warnings .hearing-refusal').count()).toBe(0);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('tribunal_formed');
    await closeDialog();
  });

  it('L3 收到答辩书 asks for confirmation before it is recorded', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('答辩丁', 966)], receivedOn: '2026-03-02' }),
    });
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('收到答辩书').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await hasText(dlg.locator('.df'), '确定前会再次确认');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '第三十条');
    await ask.getByRole('button', { name: '返回修改' }).click();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.proceedings.defenses).toHaveLength(0);
    await closeDialog();
  });

  it('L1 a limitation date after the receipt date is said on the first 登记, with the other errors', async () => {
    await signIn(page, base, 'clerk');
    await page.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
    await page.goto(`${base}/#/cases/new`);
    await page.getByLabel('收到申请日期').fill('2026-03-20');
    await page.getByLabel('知道或应当知道权利被侵害之日').fill('2026-03-25');
    await page.getByRole('button', { name: '登记仲裁申请' }).click();
    await hasText(page.locator('[data-error-for="limitation.knewOn"]'), '不能晚于收件日期（2026-03-20）');
    await hasText(page.locator('[data-error-for="district"]'), '请选择');
    await page.evaluate("for (const k of Object.keys(localStorage)) if (k.startsWith('zc.draft.')) localStorage.removeItem(k)");
  });

  it('M3 L5 L6 on a phone: the workbench is cards, the header dates do not break, 收起筛选 stands apart', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('手机戊', 967)], receivedOn: '2026-03-25' }),
      acceptOn: '2026-03-27',
    });
    await signIn(page, base, 'clerk');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/`);
      const mine = page.locator('section.panel').filter({ has: page.getByRole('heading', { name: /我的期限/ }) });
      const row = mine.locator('table.deadline-list tbody tr').first();
      await row.waitFor();
      expect(await mine.locator('table.deadline-list thead').isVisible()).toBe(false);
      for (const cell of ['td.dl-due', 'td.dl-left', 'td.dl-status']) {
        const box = await row.locator(cell).boundingBox();
        expect(box && box.x + box.width <= 390, cell).toBe(true);
      }
      const recent = page.locator('section.panel').filter({ has: page.getByRole('heading', { name: '最近的案件' }) });
      const respondent = recent.locator('tbody tr').first().locator('td[data-label="被申请人"]');
      await respondent.waitFor();
      expect(((await respondent.boundingBox())?.width ?? 0) > 250).toBe(true);

      // L5: the case header's dates do not break; the deadline cards keep one background when tapped.
      await page.goto(`${base}/#/cases/${c.id}`);
      const dates = page.locator('.case-head .nowrap');
      await dates.first().waitFor();
      expect(await dates.allTextContents()).toEqual(['收到 2026-03-25', '受理 2026-03-27']);
      expect(await dates.last().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).whiteSpace)).toBe('nowrap');
      const card = page.locator('#sec-deadlines table.case-deadlines tbody tr').first();
      await card.hover();
      expect(await card.locator('td.dl-due').evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor)).toBe(
        'rgba(0, 0, 0, 0)',
      );

      // L6: the open filters' toggle says 收起筛选, on its own line under 查询.
      await page.goto(`${base}/#/cases`);
      const toggle = page.locator('button.filter-toggle');
      await toggle.waitFor();
      await toggle.click();
      expect(await toggle.textContent()).toBe('收起筛选');
      const query = await page.getByRole('button', { name: '查询', exact: true }).boundingBox();
      const own = await toggle.boundingBox();
      expect(query && own && own.y >= query.y + query.height).toBe(true);
      await toggle.click();
      expect(await toggle.textContent()).toBe('筛选');
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
