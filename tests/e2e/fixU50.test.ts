import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui50 fixes in Chromium: an act's original asks before it is issued (H1); a hearing day passed before a
 * suspension is not said to have passed during it (M1); one who only prints an award is not given the writing boxes
 * (M4); and the smaller ones.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-04-20T02:00:00Z' },
);

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const ask = () => page.locator('dialog.confirm[open]');
const generate = () => page.locator('#sec-docs').getByRole('button', { name: '生成', exact: true });
const docCount = async (id: number, kind: string) =>
  ((await t.api(t.adminToken).get(`/api/cases/${id}/documents`)).body as { kind: string }[]).filter((d) => d.kind === kind).length;
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};

describe('fixU50 (Chromium)', () => {
  it('H1 the first issued award asks first, naming the document, the case and the text typed; 返回修改 focused, records nothing', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('原件甲', 501)] }) });
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    // No defense summary in the record: the arbitrator writes it at the document.
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-08');
    await openCase(c.id, 'arb-li');
    await page.getByLabel('文书种类').selectOption('award');
    // s60 #4: the defense summary the server will ask for is asked at once, before 生成 (not after a 422).
    const box = page.getByLabel('被申请人辩称（答辩意见）');
    await box.waitFor();
    await generate().click();
    await hasText(page.locator('#sec-docs .alert.bad'), '请先在“被申请人辩称（答辩意见）”中填写');
    expect(await ask().count()).toBe(0);
    await box.fill('被申请人辩称已足额支付工资。');
    await generate().click();
    await ask().waitFor();
    await hasText(ask().locator('h2'), '生成“仲裁裁决书”正式文本（原件）？');
    await hasText(ask(), `案件：${c.caseNo}（申请人原件甲，被申请人`);
    await hasText(ask(), '文书：仲裁裁决书');
    await hasText(ask(), '文字不能再改');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('取消');
    await ask().getByRole('button', { name: '取消' }).click();
    await ask().waitFor({ state: 'detached' });
    expect(await docCount(c.id, 'award')).toBe(0);
    // Written, the confirmation names the text.
    await generate().click();
    await ask().waitFor();
    await hasText(ask(), '被申请人辩称（答辩意见）：被申请人辩称已足额支付工资。');
    // On a 390 px phone the confirmation fits the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const box = await ask().boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      expect(await ask().evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await hasText(page.locator('.flash'), '已生成：');
    expect(await docCount(c.id, 'award')).toBe(1);
    // A draft is not an original: no question.
    await page.getByLabel('文书种类').selectOption('award');
    await page.locator('#sec-docs label.check input').check();
    await generate().click();
    await hasText(page.locator('.flash'), '已生成：');
    expect(await ask().count()).toBe(0);
  });

  it('M4 a clerk is told at once that a partial award is printed from the arbitrator’s text, and never given the writing boxes', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('打印甲', 502)] }) });
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
    await ok(c, arb.token, 'PARTIAL_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-02');
    await openCase(c.id, 'clerk');
    await page.getByLabel('文书种类').selectOption('partial_award');
    await hasText(page.locator('#sec-docs .print-note'), '您只能按仲裁员已作出的文本打印本文书');
    await generate().click();
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await hasText(page.locator('#sec-docs .alert.bad'), '须由仲裁员先生成部分裁决书的正式文本');
    expect(await page.locator('#sec-docs textarea').count()).toBe(0);
    expect(await docCount(c.id, 'partial_award')).toBe(0);
    // The arbitrator sees no such note.
    await openCase(c.id, 'arb-li');
    await page.getByLabel('文书种类').selectOption('partial_award');
    expect(await page.locator('#sec-docs .print-note').isVisible()).toBe(false);
  });

  it('M1 resuming: a hearing day passed before the suspension is not said to have passed during it', async () => {
    const suspendedWith = async (hearingOn: string, n: number) => {
      const { c } = await caseAt(t, a, 'hearing_scheduled', {
        body: standardApplication({ applicants: [worker(`中止${n}`, 503 + n)] }),
        hearingOn,
      });
      await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-27');
      return c;
    };
    const warned = (v: Record<string, unknown>) => ((v.warnings as string[] | undefined) ?? []).join('\n');
    const during = await suspendedWith('2026-04-01', 2);
    const resumed = await ok(during, a.tokens.chair, 'RESUME', {}, '2026-04-10');
    expect(warned(resumed)).toContain('本案通知的开庭日期 2026-04-01 已在中止审理期间经过');
    // Passed before the suspension began: said so, in the chair's confirmation, and not as passed "during" it.
    const before = await suspendedWith('2026-03-25', 1);
    await openCase(before.id, 'chair');
    await actButton('恢复审理').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-10');
    await dlg.getByRole('button', { name: /…$/ }).click();
    await ask().waitFor();
    await hasText(ask().locator('.act-warning'), '本案通知的开庭日期 2026-03-25 在中止审理（自 2026-03-27 起）之前已经经过');
    expect(await ask().textContent()).not.toContain('已在中止审理期间经过');
  });

  it('L a late award is warned of once in its confirmation', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('逾期甲', 511)], receivedOn: '2026-01-30' }),
      acceptOn: '2026-02-02',
      formOn: '2026-02-03',
      scheduleOn: '2026-02-04',
      hearingOn: '2026-02-26',
    });
    const due = (c.deadlines as { kind: string; dueOn: string | null }[]).find((d) => d.kind === 'award')?.dueOn;
    expect(due && due < '2026-04-20').toBe(true);
    await openCase(c.id, 'arb-li');
    await actButton('作出裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('裁决日期').fill('2026-04-20');
    for (const cl of c.claims as unknown as { seq: number }[]) await dlg.getByLabel(`第${cl.seq}项裁决结果`).selectOption('granted');
    await dlg.getByLabel('经审理查明').fill(FACTS);
    await dlg.getByLabel('本委认为').fill(REASONING);
    await dlg.getByRole('button', { name: '作出裁决…' }).click();
    await ask().waitFor();
    await hasText(ask(), `已超过审理期限（届满日 ${due}`);
    expect(await ask().locator('.act-warning').filter({ hasText: '逾期未作出仲裁裁决' }).count()).toBe(1);
    await ask().getByRole('button', { name: '返回修改' }).click();
    await dlg.getByRole('button', { name: '取消' }).click();
    if (
      await ask()
        .isVisible()
        .catch(() => false)
    )
      await ask().getByRole('button', { name: /放弃/ }).click();
  });

  it('L a suit names who sued, where, against which award; a 补正决定书 names the award it corrects; no field code in a hint', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('起诉甲', 512)] }) });
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
    await ok(c, arb.token, 'PARTIAL_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: '不同意' }, '2026-04-02');
    for (const p of [...c.applicants, ...c.respondents] as { id: number }[])
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03', awardOn: '2026-04-02' },
        '2026-04-03',
      );
    const court = '聊城市东昌府区人民法院';
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: c.applicants[0]?.id, court, filedOn: '2026-04-10', partialAward: 1 },
      '2026-04-10',
    );
    const fix = { kind: 'decision', matter: 'correction', body: '第一项中“2025年10月”应为“2025年9月”。', decidedOn: '2026-04-15' };
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`).send(fix);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await openCase(c.id, 'arb-li');
    await hasText(page.locator('#sec-history .lawsuit-what'), `起诉人：起诉甲（申请人），法院：${court}，针对第1件部分裁决`);
    await hasText(page.locator('#sec-docs .corrects-what'), '补正决定：补正第1件部分裁决书（2026-04-02）');
    // A second correction typed here: its box's hint has no field code.
    await page.getByLabel('文书种类').selectOption('decision');
    await page.getByRole('combobox', { name: '决定事项' }).selectOption({ label: '补正' });
    await generate().click();
    await ask().getByRole('button', { name: /^生成/ }).click();
    const box = page.getByRole('textbox', { name: '补正内容' });
    await box.waitFor();
    const hint = await page.locator(`#${await box.getAttribute('id')}-hint`).textContent();
    expect(hint ?? '').not.toMatch(/[A-Za-z]/);
  });

  it('L 送达 by leaving asks one day (留置之日), the 送交日期 box put away and back with its value', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('留置乙', 513)] }),
      acceptOn: '2026-04-07',
    });
    await openCase(c.id, 'clerk');
    await actButton('送达').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const sent = dlg.getByLabel('送交日期');
    await sent.fill('2026-04-12');
    const method = dlg.getByRole('combobox', { name: '送达方式', exact: true });
    await method.selectOption('left');
    expect(await sent.isVisible()).toBe(false);
    await hasText(dlg.locator('label[for]').filter({ hasText: '留置之日' }), '留置之日');
    await method.selectOption('direct');
    expect(await sent.isVisible()).toBe(true);
    expect(await sent.inputValue()).toBe('2026-04-12');
  });

  it('L the chair’s 访问记录 names the case without a 案号 and the document downloaded', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('访问甲', 514)] }) });
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: '不同意' }, '2026-04-08');
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`).send({ kind: 'award' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const doc = made.body.documents[0] as { id: number; title: string };
    expect((await t.api(a.tokens.chair).get(`/api/documents/${doc.id}`)).status).toBe(200);
    const { c: fresh } = await caseAt(t, a, 'received', { body: standardApplication({ applicants: [worker('访问乙', 515)] }) });
    expect((await t.api(a.tokens.chair).get(`/api/cases/${fresh.id}`)).status).toBe(200);
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/admin/access-log`);
    const rows = page.locator('table.t tbody tr');
    await hasText(rows.filter({ hasText: '下载文书' }), doc.title);
    await hasText(rows.filter({ hasText: '查看案件' }).filter({ hasText: `案件编号 ${fresh.id}` }), `案件编号 ${fresh.id}`);
    expect(await page.locator('table.t tbody').textContent()).not.toMatch(/#\d/);
  });

  it('L a dialog opened before another tab recorded 中止审理: its confirmation says the page is out of date', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('过时甲', 516)] }),
      acceptOn: '2026-04-07',
    });
    await openCase(c.id, 'chair');
    await actButton('延长审理期限').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-04-15');
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-20');
    await dlg.locator('[data-path="days"]').fill('15');
    await dlg.locator('[data-path="reason"]').fill('案情复杂，需要进一步调查取证');
    await dlg.getByRole('button', { name: '延长审理期限…' }).click();
    await ask().waitFor();
    await hasText(ask().locator('.stale-note'), '本案在本页打开后已有新的记录（他人或您在其他窗口办理，现为“中止审理”）');
  });

  it('L a mediator’s workload is not counted in hearings; 5 the People’s Mediation Law is cited in Chinese', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('调解甲', 517)] }),
      acceptOn: '2026-04-07',
    });
    await openCase(c.id, 'chair');
    await actButton('指派调解员').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const options = await dlg.getByLabel('调解员').locator('option').allTextContents();
    expect(options.some((o) => o.includes('在办调解'))).toBe(true);
    expect(options.join('')).not.toContain('开庭');
    await dlg.getByRole('button', { name: '取消' }).click();
    const said = await page.evaluate(
      "import('/web/core.js').then((m) => m.withSource('自调解协议生效之日起三十日内共同向人民法院申请司法确认（CPL Art. 205; People\\'s Mediation Law Art. 33）'))",
    );
    expect(said).toBe(
      '自调解协议生效之日起三十日内共同向人民法院申请司法确认（依据：《民事诉讼法》第二百零五条；《人民调解法》第三十三条）',
    );
  });
});
