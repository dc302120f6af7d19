import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, DEFENSE, eventually, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * s62 D (an outside UI walk) in Chromium — the 先予执行 dialog (LDMAL Art. 44; Rules Arts. 50–51):
 * #1 a claim a partial award decided (LDMAL Art. 43(2)) is shown disabled, saying which partial award decided it — it
 *    is no longer before the tribunal (the server's 422 advance-execution-claim-decided);
 * #2 the confirmation before the irreversible ruling repeats what it prints and cannot change afterwards: the amount
 *    per claim (先予执行金额) and the payment term (履行期限, `paymentDays`).
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
interface Logged {
  type: string;
  payload: { claimIds?: number[]; amounts?: { claimId: number; amount: string }[]; paymentDays?: number };
}
const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Logged[];

describe('s62 D (Chromium): 先予执行 after a partial award', () => {
  it('the decided claim is disabled with its reason; the confirmation repeats the amount and the term', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('先予执行确认', 623)],
        claims: [
          { category: 'wages', amount: '15000.00', description: '拖欠工资' },
          { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
          { category: 'wages', amount: '3000.00', description: '延时加班工资' },
        ],
      }),
    });
    const [wagesId, compId, overtimeId] = c.claims.map((cl) => cl.id) as [number, number, number];
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      {
        items: [{ claimId: wagesId, outcome: 'granted', amount: '15000.00' }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-03-27',
    );
    // s62: a claim given up (Rules Art. 44) is no longer pending either.
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [overtimeId] }, '2026-03-27');
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();
    await actButton('先予执行裁决').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.waitFor();
    const box = (words: string) => dlg.locator('label.check.item', { hasText: words });

    // #1 the claim the partial award decided: shown, not offered, saying why.
    const decided = box('拖欠工资');
    await decided.waitFor();
    expect(await decided.locator('input').isDisabled()).toBe(true);
    await hasText(decided, '已由第1件部分裁决（2026-03-27）作出裁决，不能先予执行（第四十三条第二款、第四十四条）');
    const givenUp = box('延时加班工资');
    expect(await givenUp.locator('input').isDisabled()).toBe(true);
    await hasText(givenUp, '已撤回的请求（或其申请人的仲裁申请已按撤回处理），不能先予执行（第四十四条）');
    const pending = box('解除劳动合同经济补偿');
    expect(await pending.locator('input').isDisabled()).toBe(false);
    expect(await pending.textContent()).not.toContain('部分裁决');

    // #2 the other claim ruled on: the confirmation repeats its amount and the term.
    await dlg.getByLabel('申请人申请先予执行日期').fill('2026-03-28');
    await pending.locator('input').check();
    const amount = dlg.getByLabel('第2项先予执行金额');
    await amount.waitFor();
    await amount.fill('5000');
    await dlg.getByLabel('履行期限（日）').fill('5');
    await dlg.getByLabel('权利义务关系明确').check();
    await dlg.getByLabel('不先予执行将严重影响申请人生活').check();
    await dlg.getByRole('button', { name: '先予执行裁决…' }).click();
    await ask().waitFor();
    await hasText(ask(), '先予执行金额：第2项 5,000.00 元');
    await hasText(ask(), '履行期限：自裁决书送达之日起5日');
    expect(await ask().textContent()).not.toContain('第1项');
    expect((await history(c.id)).some((e) => e.type === 'ADVANCE_EXECUTION')).toBe(false);
    await ask().getByRole('button', { name: '确认先予执行裁决' }).click();
    await dlg.waitFor({ state: 'detached' });
    await eventually(async () => expect((await history(c.id)).some((e) => e.type === 'ADVANCE_EXECUTION')).toBe(true));
    const ruling = (await history(c.id)).find((e) => e.type === 'ADVANCE_EXECUTION');
    expect(ruling?.payload.claimIds).toEqual([compId]);
    expect(ruling?.payload.amounts?.map((x) => [x.claimId, Number(x.amount)])).toEqual([[compId, 5000]]);
    expect(ruling?.payload.paymentDays).toBe(5);
  });
});
