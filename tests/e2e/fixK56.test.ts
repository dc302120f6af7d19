import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * fixK56 #3 in Chromium: the 登记当事人起诉 and 登记当事人申请强制执行 dialogs offer only the parties the server says may
 * (case view `remedyParties`): not a worker the award decides nothing of (his claims all given up —
 * no-award-items-for-party), not a third party nor the employer against a final award (LDMAL Arts. 47–49, 51).
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
const dialog = () => page.locator('dialog.act[open]');

async function offered(act: string): Promise<string[]> {
  await actButton(act).click();
  await dialog().waitFor();
  const options = await dialog().locator('select[data-path="partyId"] option').allTextContents();
  await page.keyboard.press('Escape');
  await dialog()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  return options;
}

describe('fixK56 (Chromium)', () => {
  it('#3 a final award: the suit and enforcement forms offer the worker it decides for, no one else', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('甲五六', 661), worker('乙五六', 662)],
        claims: [
          { category: 'wages', amount: '9000.00', description: '甲工资', applicant: 1 },
          { category: 'wages', amount: '10000.00', description: '乙工资', applicant: 2 },
        ],
      }),
    });
    const [w1, w2] = c.claims as { id: number }[];
    const added = (await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人丙五六' } },
      '2026-03-26',
    )) as CaseView;
    const third = (added.thirdParties as { id: number }[])[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: third, method: 'direct' }, '2026-03-27');
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [w1?.id] }, '2026-03-27');
    // fixT58 #1: a party joined after the last hearing is heard at a hearing before the award (LDMAL Arts. 35–36).
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-09', place: '第一仲裁庭' }, '2026-03-27');
    for (const p of [...c.applicants, ...c.respondents, { id: third }])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-27');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-04-09');
    await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: w2?.id, outcome: 'granted', amount: '10000.00' }] }, '2026-04-10');
    for (const p of [...c.applicants, ...c.respondents, { id: third }])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '裁决书已送达');
    const suit = (await offered('登记当事人起诉')).join('|');
    expect(suit).toContain('乙五六');
    expect(suit).not.toContain('甲五六');
    expect(suit).not.toContain('第三人丙五六');
    expect(suit).not.toContain('聊城某某机械有限公司');
    const enforce = (await offered('登记当事人申请强制执行')).join('|');
    expect(enforce).toContain('乙五六');
    expect(enforce).not.toContain('甲五六');
    expect(enforce).not.toContain('第三人丙五六');
    expect(enforce).not.toContain('聊城某某机械有限公司');
  });
});
