import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { type BrowserSuite, browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import type { Actors } from '../helpers/procedure.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s60 L in Chromium (LDMAL Art. 30): 排期开庭 on a day before the respondent's answer period can end (accepted Monday
 * 2026-12-07, nothing served: the ten working days would end 12-21 at the earliest; the hearing on Friday 12-18). The
 * confirmation asks for the respondent's waiver or — HEARING_BEFORE_ANSWER_PERIOD=warn — the acknowledgment
 * 「答辩期尚未届满，仍安排开庭」 before 「确认排期开庭」 can be pressed; refused (`refuse`), only the waiver is offered.
 * s60 L2: with two respondents one's waiver does not enable it (the other's period still runs); the disabled button is
 * described (aria-describedby) by a hint saying why.
 */
const NOW = '2026-12-07T02:00:00Z';
const ON = '2026-12-07';
const EARLY = '2026-12-18';
const ACK = '答辩期尚未届满，仍安排开庭';
/** Two respondents of one dispute: a dispatch agency and the user unit (LDMAL Art. 22(2)). */
const TWO = [
  { ...employer('聊城甲劳务派遣有限公司'), creditCode: creditCode('91371500MA3G8X5N3') },
  { ...employer('聊城乙用工单位有限公司'), creditCode: creditCode('91371500MA3H8X5N3') },
];

function walk(get: () => { t: TestApp; a: Actors; base: string; page: Page }) {
  const dialog = () => get().page.locator('dialog.act[open]');
  const ask = () => get().page.locator('dialog.confirm[open]');
  const events = async (caseId: number, type: string) =>
    (
      (await get().t.api(get().t.adminToken).get(`/api/cases/${caseId}/events`)).body as {
        type: string;
        payload: Record<string, unknown>;
      }[]
    ).filter((e) => e.type === type);
  let n = 0;
  const openSchedule = async (
    mode: string,
    respondents?: ReturnType<typeof employer>[],
    before?: (c: Awaited<ReturnType<typeof caseAt>>['c']) => Promise<void>,
  ) => {
    const { t, a, base, page } = get();
    n += 1;
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker(`答辩期页面${mode}${n}`, 700 + n + (mode === 'refuse' ? 50 : 0))],
        receivedOn: '2026-12-01',
        ...(respondents ? { respondents } : {}),
      }),
      acceptOn: ON,
      formOn: ON,
    });
    if (before) await before(c);
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/cases/${c.id}`);
    await hasText(page.locator('.case-head'), '已组庭');
    await page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name: '排期开庭', exact: true }).click();
    await dialog().waitFor();
    await dialog().getByLabel('开庭日期').fill(EARLY);
    await dialog()
      .getByLabel('时间')
      .fill(`${String(8 + n).padStart(2, '0')}:00`);
    await dialog().getByLabel('地点').fill(`第${c.id}仲裁庭`);
    await dialog().getByRole('button', { name: '排期开庭…', exact: true }).click();
    await ask().waitFor();
    return {
      c,
      respondent: c.respondents[0] as unknown as { id: number; name: string },
      respondents: c.respondents as unknown as { id: number; name: string }[],
    };
  };
  return { dialog, ask, events, openSchedule };
}

describe('s60 L answer period — warn (Chromium)', () => {
  let s: BrowserSuite;
  browserSuite(
    (x) => {
      s = x;
    },
    { now: NOW },
  );
  const { dialog, ask, events, openSchedule } = walk(() => s);

  it('the acknowledgment enables 确认排期开庭; recorded without a waiver', async () => {
    const { c } = await openSchedule('warn');
    await hasText(ask(), '尚未收到仲裁申请书副本');
    const sure = ask().getByRole('button', { name: '确认排期开庭' });
    expect(await sure.isDisabled()).toBe(true);
    await ask().getByLabel(ACK).check();
    expect(await sure.isEnabled()).toBe(true);
    await sure.click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'SCHEDULE_HEARING');
    expect(e?.payload.hearingOn).toBe(EARLY);
    expect(e?.payload.answerPeriodWaived).toBeUndefined();
  });

  it('the respondent’s waiver (with a note) enables it and is recorded', async () => {
    const { c, respondent } = await openSchedule('warn');
    const sure = ask().getByRole('button', { name: '确认排期开庭' });
    expect(await sure.isDisabled()).toBe(true);
    await ask().getByLabel(`被申请人同意提前开庭：${respondent.name}`).check();
    await ask().getByLabel('说明').fill('被申请人书面同意提前开庭');
    expect(await sure.isEnabled()).toBe(true);
    await sure.click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'SCHEDULE_HEARING');
    expect(e?.payload.answerPeriodWaived).toEqual([{ partyId: respondent.id, note: '被申请人书面同意提前开庭' }]);
  });

  it('s60 L2 #3: two respondents, one waived: still disabled, described by the hint; both waived: enabled and recorded', async () => {
    const { c, respondents } = await openSchedule('warn', TWO);
    const [agency, user] = respondents as [{ id: number; name: string }, { id: number; name: string }];
    const sure = ask().getByRole('button', { name: '确认排期开庭' });
    expect(await sure.isDisabled()).toBe(true);
    await ask().getByLabel(`被申请人同意提前开庭：${agency.name}`).check();
    expect(await sure.isDisabled()).toBe(true);
    const hintId = await sure.getAttribute('aria-describedby');
    expect(hintId).toBeTruthy();
    await hasText(s.page.locator(`[id="${hintId}"]`), '仍有被申请人的答辩期尚未届满');
    await ask().getByLabel(`被申请人同意提前开庭：${user.name}`).check();
    expect(await sure.isEnabled()).toBe(true);
    expect(await sure.getAttribute('aria-describedby')).toBeNull();
    await sure.click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'SCHEDULE_HEARING');
    expect(e?.payload.answerPeriodWaived).toEqual([{ partyId: agency.id }, { partyId: user.id }]);
  });
});

describe('s60 L answer period — refuse (Chromium)', () => {
  let s: BrowserSuite;
  browserSuite(
    (x) => {
      s = x;
    },
    { now: NOW, env: { HEARING_BEFORE_ANSWER_PERIOD: 'refuse' } },
  );
  const { dialog, ask, events, openSchedule } = walk(() => s);

  it('only the waiver is offered (no acknowledgment); with it the hearing is recorded', async () => {
    const { c, respondent } = await openSchedule('refuse');
    await hasText(ask(), '答辩期届满前不安排开庭');
    expect(await ask().getByLabel(ACK).count()).toBe(0);
    const sure = ask().getByRole('button', { name: '确认排期开庭' });
    expect(await sure.isDisabled()).toBe(true);
    await ask().getByLabel(`被申请人同意提前开庭：${respondent.name}`).check();
    await sure.click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'SCHEDULE_HEARING');
    expect(e?.payload.answerPeriodWaived).toEqual([{ partyId: respondent.id }]);
  });

  it('s61 E #1: a respondent who has filed its defence is not asked to consent; the other’s consent alone enables it', async () => {
    const { ok } = caseEvents(() => s.t);
    let agencyId = 0;
    const { c, respondents } = await openSchedule('refuse', TWO, async (x) => {
      agencyId = x.respondents[0]?.id as number;
      await ok(x, s.a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: agencyId, method: 'direct', servedOn: ON }, ON);
      await ok(x, s.a.tokens.clerk, 'FILE_DEFENSE', { partyId: agencyId, filedOn: ON }, ON);
    });
    const [agency, user] = respondents as [{ id: number; name: string }, { id: number; name: string }];
    expect(agency.id).toBe(agencyId);
    await hasText(ask(), '答辩期届满前不安排开庭');
    expect(await ask().getByLabel(`被申请人同意提前开庭：${agency.name}`).count()).toBe(0);
    const sure = ask().getByRole('button', { name: '确认排期开庭' });
    expect(await sure.isDisabled()).toBe(true);
    await ask().getByLabel(`被申请人同意提前开庭：${user.name}`).check();
    expect(await sure.isEnabled()).toBe(true);
    await sure.click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'SCHEDULE_HEARING');
    expect(e?.payload.hearingOn).toBe(EARLY);
    expect(e?.payload.answerPeriodWaived).toEqual([{ partyId: user.id }]);
  });
});
