import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, DEFENSE, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui49 (a new user's walk) in Chromium: a remedy against a partial award names it (H1); reprinting an issued
 * document says so (M2); a service by leaving, posting or notice shows its deemed 送达日期 (M3); and the smaller ones.
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
const BASIC = '聊城市东昌府区人民法院';
const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
type Ev = { type: string; occurredOn: string; payload: Record<string, unknown> };
const events = async (id: number, type: string) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as Ev[]).filter((e) => e.type === type);
const openCase = async (id: number, who = 'clerk') => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};

/** A partial award on the worker's first claim made 04-02 and served on all 04-03; the case is still heard. */
async function partialAwardServed(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(name, seq)] }) });
  const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
  await ok(c, arb.token, 'PARTIAL_AWARD', { items, ...text }, '2026-04-02');
  for (const p of [...c.applicants, ...c.respondents] as { id: number }[])
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03', awardOn: '2026-04-02' },
      '2026-04-03',
    );
  return { c, arb, workerId: c.applicants[0]?.id as number };
}

describe('ui49 (Chromium)', () => {
  it('H1 a worker’s suit before the final award is recorded against the partial award, named in the confirmation and on the case page', async () => {
    const { c } = await partialAwardServed('部分甲', 491);
    await openCase(c.id);
    await actButton('登记当事人起诉').click();
    const dlg = dialog();
    await dlg.waitFor();
    const against = dlg.getByRole('combobox', { name: '针对的裁决', exact: true });
    // The only award there is: chosen, and named.
    expect(await against.locator('option').allTextContents()).toEqual([expect.stringContaining('第1件部分裁决（2026-04-02')]);
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-10');
    await dlg.getByRole('combobox', { name: '起诉当事人', exact: true }).selectOption({ index: 1 });
    await dlg.getByRole('textbox', { name: '受理法院', exact: true }).fill(BASIC);
    await dlg.locator('[data-path="filedOn"]').fill('2026-04-10');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '针对的裁决：第1件部分裁决（2026-04-02');
    await ask().getByRole('button', { name: '确认登记当事人起诉' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'RECORD_LAWSUIT');
    expect(e?.payload.partialAward).toBe(1);
    await hasText(page.locator('#sec-proc .partial-remedies'), `2026-04-10 向${BASIC}起诉`);
  });

  it('H1 after the final award the dialog asks which award, （请选择） first, and sends the partial award chosen', async () => {
    const { c, arb } = await partialAwardServed('部分乙', 492);
    const rest = c.claims.slice(1).map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '2000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items: rest, ...text }, '2026-04-08');
    await openCase(c.id);
    await actButton('登记当事人起诉').click();
    const dlg = dialog();
    await dlg.waitFor();
    const against = dlg.getByRole('combobox', { name: '针对的裁决', exact: true });
    expect(await against.inputValue()).toBe('');
    expect(await against.locator('option').allTextContents()).toEqual([
      '（请选择）',
      expect.stringContaining('本案裁决（2026-04-08'),
      expect.stringContaining('第1件部分裁决（2026-04-02'),
    ]);
    await dlg.locator('[data-path="occurredOn"]').fill('2026-04-10');
    await dlg.getByRole('combobox', { name: '起诉当事人', exact: true }).selectOption({ index: 1 });
    await dlg.getByRole('textbox', { name: '受理法院', exact: true }).fill(BASIC);
    await dlg.locator('[data-path="filedOn"]').fill('2026-04-10');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await hasText(dlg.locator('[data-error-for="partialAward"]'), '请选择针对的裁决');
    await against.selectOption('1');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await hasText(ask(), '针对的裁决：第1件部分裁决');
    await ask().getByRole('button', { name: '确认登记当事人起诉' }).click();
    await dlg.waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'RECORD_LAWSUIT');
    expect(e?.payload.partialAward).toBe(1);
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(v.state).toBe('award_issued');
  });
});
