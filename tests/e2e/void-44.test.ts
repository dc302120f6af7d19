import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * void44 in Chromium: a registration made twice is voided from the case page — the confirmation says what follows
 * (not an application, not counted, not undone) and the case then reads 已作废; a hearing set inside the respondent's
 * defense period (LDMAL Art. 30) asks for confirmation, naming the period's end.
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});

const { ok } = caseEvents(() => t);
const pair = () =>
  standardApplication({
    applicants: [worker('重复登记甲', 944)],
    respondents: [employer('聊城某某重复登记有限公司')],
    receivedOn: '2026-03-30',
  });

describe('void44 (Chromium)', () => {
  it('作废误登记: the confirmation says what follows; the case then reads 已作废', async () => {
    const first = (await t.api(a.tokens.clerk).post('/api/cases', pair()).expect(201)).body;
    const copy = (await t.api(a.tokens.clerk).post('/api/cases', pair()).expect(201)).body;
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${copy.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '作废误登记', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('作废原因').fill('重复登记（两个窗口各登记一次）');
    // ui45 M1: chosen among the registration's duplicate candidates (by case number or 仲裁申请#id), not typed as an id.
    await dlg.getByLabel('所重复的案件（选填）').selectOption(String(first.id));
    await dlg.getByRole('button', { name: '作废误登记…' }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '作废后本登记不再作为仲裁申请处理，不计入统计，不可恢复');
    await ask.getByRole('button', { name: '确认作废误登记' }).click();
    await hasText(page.locator('main'), '本登记已作废（误登记）');
    await hasText(
      page.locator('main'),
      `所重复的案件：仲裁申请#${first.id}（重复登记甲与聊城某某重复登记有限公司劳动争议，收到日期 2026-03-30）`,
    );
    await eventually(async () =>
      expect((await t.api(a.tokens.clerk).get(`/api/cases/${copy.id}`)).body).toMatchObject({ state: 'voided', stateLabel: '已作废' }),
    );
  });

  it('排期开庭 inside the defense period asks for confirmation, naming its end', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('答辩期乙', 945)], receivedOn: '2026-03-02' }),
    });
    const served = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: (c.respondents[0] as { id: number }).id, method: 'direct' },
      '2026-03-06',
    );
    const due = (served.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'defense')?.dueOn as string;
    expect(arb.id).toBe(a.arbitrators[0]?.id);
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '排期开庭', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    await dlg.getByLabel('排期（通知）日期').fill('2026-03-09');
    await dlg.getByLabel('开庭日期').fill(due);
    await dlg.getByLabel('地点').fill('第一仲裁庭');
    await dlg.getByRole('button', { name: '排期开庭…' }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, `${due} 届满`);
    await hasText(ask, '第三十条');
    // Nothing recorded until confirmed: back to the form.
    await ask.getByRole('button', { name: '返回修改' }).click();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('tribunal_formed');
  });

  it('受理 of the genuine application: an earlier copy voided since is no longer shown as barring it (reviewer s44 M2)', async () => {
    const body = standardApplication({
      applicants: [worker('误登记丙', 946)],
      respondents: [employer('聊城某某误登记有限公司')],
      receivedOn: '2026-03-30',
    });
    const mistaken = (await t.api(a.tokens.clerk).post('/api/cases', body).expect(201)).body;
    const genuine = (await t.api(a.tokens.clerk).post('/api/cases', body).expect(201)).body;
    await ok(
      mistaken,
      a.tokens.clerk,
      'VOID_REGISTRATION',
      { reason: '重复登记（先登记的一份有误）', duplicateOf: genuine.id },
      '2026-03-31',
    );
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${genuine.id}`);
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '受理', exact: true }).click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('受理日期').waitFor();
    await dlg.getByLabel('受理日期').fill('2026-03-31');
    await dlg.getByRole('button', { name: '受理…' }).click();
    const ask = page.locator('dialog.confirm[open]');
    await hasText(ask, '案件将正式受理');
    expect(await ask.textContent()).not.toContain('在先案件');
    expect(await dlg.locator('fieldset.duplicate-check').count()).toBe(0);
    await ask.getByRole('button', { name: '返回修改' }).click();
    await dlg.getByRole('button', { name: '取消' }).click();
  });
});
