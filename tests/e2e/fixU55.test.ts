import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, caseEvents, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui55 fixes in Chromium: the 先予执行 dialog offers only claims LDMAL Art. 44(1) can cover — another claim is
 * listed disabled with the reason and gets no amount row; a worker's counterclaim is still offered (stop 54) (#2); a
 * click on ＋ 委托代理人 right after leaving a wrong 公民身份号码 lands — the error line no longer moves the button
 * between press and release — and the error is shown (#3).
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
const dialog = () => page.locator('dialog.act[open]');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fixU55 (Chromium)', () => {
  it("#2 先予执行: a non-money claim is shown disabled with the reason and no amount row; the worker's counterclaim is offered", async () => {
    // An employer applies against a worker, who counterclaims his wages and a certificate (Rules Art. 36).
    const c = (await registerCase(
      t,
      a,
      standardApplication({
        applicants: [employer()],
        respondents: [worker('秦风', 555)],
        claims: [{ category: 'damages', amount: '5000.00', description: '赔偿损失' }],
      }),
    )) as CaseView;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const r0 = c.respondents[0]?.id as number;
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: r0, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '被申请人反申请：支付工资、出具解除劳动合同证明',
        claims: [
          { category: 'wages', amount: '3000.00', description: '2025年12月工资' },
          { category: 'other', description: '出具解除劳动合同证明' },
        ],
      },
      '2026-03-10',
    );
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    await actButton('先予执行裁决').click();
    await dialog().waitFor();
    const box = (words: string) => dialog().locator('label.check.item', { hasText: words });
    const certificate = box('出具解除劳动合同证明');
    await certificate.waitFor();
    expect(await certificate.locator('input').isDisabled()).toBe(true);
    await hasText(certificate, '不属于可先予执行的请求（第四十四条）');
    // The worker's counterclaim for wages (【反请求】) is offered; ticking it adds its amount row, and only it.
    const wages = box('2025年12月工资');
    expect(await wages.textContent()).toContain('【反请求】');
    expect(await wages.locator('input').isDisabled()).toBe(false);
    await wages.locator('input').check();
    const rows = dialog().locator('table tbody tr');
    await eventually(async () => expect(await rows.count()).toBe(1));
    expect(await rows.first().textContent()).toContain('2025年12月工资');
    // A click on the disabled one ticks nothing, adds no row.
    await certificate.click({ force: true });
    await sleep(200);
    expect(await certificate.locator('input').isChecked()).toBe(false);
    expect(await rows.count()).toBe(1);
    expect(
      await dialog()
        .getByLabel(/项先予执行金额/)
        .count(),
    ).toBe(1);
  });

  it('#3 a wrong 公民身份号码 left by pressing ＋ 委托代理人 below: the agent is added, and the error is shown', async () => {
    await signIn(page, base, 'clerk');
    await page.getByRole('link', { name: '登记申请' }).click();
    const applicant = page.locator('[data-party="applicants.0"]');
    const id = applicant.getByLabel('公民身份号码');
    await id.fill('37150219900101123X');
    // Focus stays in the field: the press on the button is what leaves it (as a person clicks).
    const add = applicant.getByRole('button', { name: /添加委托代理人/ });
    await add.scrollIntoViewIfNeeded();
    expect(await applicant.getByLabel('代理人姓名').count()).toBe(0);
    const at = await add.boundingBox();
    if (!at) throw new Error('no button');
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    // Between press and release the button stays where it was (a person's click takes ~100 ms).
    await sleep(150);
    const still = await add.boundingBox();
    expect(Math.abs((still?.y ?? 0) - at.y)).toBeLessThan(1);
    await page.mouse.up();
    await eventually(async () => expect(await applicant.getByLabel('代理人姓名').count()).toBe(1));
    // The error is not hidden: shown at its field once the click is done.
    await eventually(async () => expect(await applicant.getByLabel('公民身份号码').getAttribute('aria-invalid')).toBe('true'));
    await eventually(async () =>
      expect(((await page.locator('[data-error-for="applicants.0.idNumber"]').textContent()) ?? '').length).toBeGreaterThan(0),
    );
    // Left with Tab, the error comes at once, as before.
    await id.fill('371502199001011231');
    await eventually(async () => expect(await id.getAttribute('aria-invalid')).toBeNull());
    await id.press('Tab');
    await eventually(async () => expect(await id.getAttribute('aria-invalid')).toBe('true'));
  });
});
