import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * s61 E in Chromium (today 2026-04-01): 收到答辩书's confirmation says, for the respondent named, that its answer period
 * is no longer warned of — for a hearing and an award alike (#2); 中止审理 over a scheduled hearing says the hearing once,
 * 已定于 until a notice of it is served, then 已通知 (#3); 排期开庭 on a day too near for the notice says the refusal once,
 * not again as typed beside the refusal of the act (#4).
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
const ask = () => page.locator('dialog.confirm[open]');
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
/** Back out of a confirmation and its dialog, recording nothing. */
async function backOut() {
  await ask().getByRole('button', { name: '返回修改' }).click();
  await ask().waitFor({ state: 'detached' });
  await closeDialog();
}
async function closeDialog() {
  await dialog().getByRole('button', { name: '取消' }).click();
  if (
    await ask()
      .isVisible()
      .catch(() => false)
  )
    await ask().getByRole('button', { name: '放弃并关闭' }).click();
  await dialog().waitFor({ state: 'detached' });
}
/** The elements of `scope` that show `words` on screen. */
const shownWith = (scope: ReturnType<typeof dialog>, words: string) =>
  scope.evaluate(
    (el, w) =>
      [...el.querySelectorAll('p, .field-error, .alert, li')].filter(
        (x) =>
          (x as unknown as { checkVisibility(): boolean }).checkVisibility() &&
          [...x.childNodes].some((n) => n.textContent?.includes(w)) &&
          !x.querySelector('p, li'),
      ).length,
    words,
  );

describe('s61 E (Chromium)', () => {
  it('#2 收到答辩书 names the respondent whose answer period is no longer warned of — hearings and the award alike', async () => {
    const two = [
      { ...employer('聊城戊劳务派遣有限公司'), creditCode: creditCode('91371500MA3L8X5N3') },
      { ...employer('聊城己用工单位有限公司'), creditCode: creditCode('91371500MA3M8X5N3') },
    ];
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('答辩戊', 971)], respondents: two, receivedOn: '2026-03-02' }),
    });
    const [agency, user] = c.respondents as unknown as [{ id: number; name: string }, { id: number; name: string }];
    await openCase(c.id, 'clerk');
    await actButton('收到答辩书').click();
    await dialog().waitFor();
    await dialog().getByRole('combobox', { name: '提交答辩的被申请人' }).selectOption(String(user.id));
    await dialog().getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    const said = (await ask().locator('.consequence').textContent()) ?? '';
    expect(said).toContain(`将记录收到被申请人${user.name}的答辩书`);
    expect(said).toContain(`此后排期开庭、延期开庭和作出裁决时，不再提示${user.name}的答辩期未满`);
    expect(said).toContain('其他被申请人尚未答辩的，其答辩期仍照常提示');
    expect(said).not.toContain('开庭仍按答辩期提示');
    expect(said).not.toContain(agency.name);
    await backOut();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.proceedings.defenses).toHaveLength(0);
  });

  it('#3 中止审理 over a scheduled hearing says it once: 已定于 with no notice served, 已通知 once one is', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled', {
      body: standardApplication({ applicants: [worker('中止戊', 972)], receivedOn: '2026-03-02' }),
      acceptOn: '2026-03-04',
      formOn: '2026-03-05',
      scheduleOn: '2026-03-30',
      hearingOn: '2026-04-20',
      hearing: { time: '09:00' },
    });
    const suspend = async () => {
      await actButton('中止审理').click();
      await dialog().waitFor();
      await dialog().getByRole('combobox', { name: '中止事由', exact: true }).selectOption('pending_case');
      await dialog().getByLabel('理由').fill('以另案审理结果为依据');
      await dialog().getByRole('button', { name: '确定' }).click();
      await ask().waitFor();
      await hasText(ask().locator('.consequence'), '中止审理期间不能开庭');
    };
    await openCase(c.id, 'chair');
    await suspend();
    const first = (await ask().locator('.consequence').textContent()) ?? '';
    expect(first).toContain('本案已定于 2026-04-20 09:00 开庭（尚无开庭通知的送达记录）：中止审理期间不能开庭');
    expect(first).not.toContain('已通知');
    // The server's warning of the same day is not shown beside it.
    expect(await ask().getByText('该日在中止审理期间').count()).toBe(0);
    expect(await shownWith(ask(), '2026-04-20')).toBe(1);
    await backOut();

    // The hearing notice served on the worker: now 已通知, naming whom.
    const applicant = c.applicants[0] as unknown as { id: number; name: string };
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: applicant.id, method: 'direct', servedOn: '2026-04-01' },
      '2026-04-01',
    );
    await openCase(c.id, 'chair');
    await suspend();
    const second = (await ask().locator('.consequence').textContent()) ?? '';
    expect(second).toContain(`本案已通知于 2026-04-20 09:00 开庭（开庭通知已送达${applicant.name}）：中止审理期间不能开庭`);
    expect(second).toContain('请告知当事人该次开庭不再按期进行');
    expect(await ask().getByText('该日在中止审理期间').count()).toBe(0);
    expect(await shownWith(ask(), '2026-04-20')).toBe(1);
    await backOut();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('hearing_scheduled');
  });

  it('#4 排期开庭 on a day too near for the notice: the refusal is said once after 排期开庭…, not again as typed', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker('排期戊', 973)], receivedOn: '2026-03-02' }),
    });
    const soon = '2026-04-02';
    const preview = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({ type: 'SCHEDULE_HEARING', occurredOn: '2026-04-01', hearingOn: soon, place: '第一仲裁庭' });
    expect(preview.status, JSON.stringify(preview.body)).toBe(422);
    expect(preview.body.detail).toContain('开庭通知应在开庭');
    await openCase(c.id, 'arb-li');
    await actButton('排期开庭').click();
    await dialog().waitFor();
    await dialog().getByLabel('开庭日期').fill(soon);
    await dialog().getByLabel('地点').fill('第一仲裁庭');
    // As typed: said once, beside the date.
    await hasText(dialog().locator('.hearing-warnings .hearing-refusal'), '开庭通知应在开庭');
    expect(await shownWith(dialog(), '开庭通知应在开庭')).toBe(1);
    // Sent: the refusal of the act at the field — and the same words as typed no longer beside it.
    await dialog().getByRole('button', { name: '排期开庭…', exact: true }).click();
    await hasText(dialog().locator('[data-error-for="hearingOn"]'), '开庭通知应在开庭');
    expect(await shownWith(dialog(), '开庭通知应在开庭')).toBe(1);
    expect(await ask().count()).toBe(0);
    await closeDialog();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('tribunal_formed');
  });
});
