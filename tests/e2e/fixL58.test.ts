import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, caseAt, caseEvents, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixL58 in Chromium: the mediation agreement form records who must perform (obligorIds, LDMAL Art. 51) (#4); the
 * chair corrects the receipt day of an application closed without acceptance (#5, POST date-corrections target
 * receivedOn); the termination form's basis on another ground, and the case page's item split by its shares (#8).
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
type Entry = { seq: number; type: string; payload: Record<string, unknown> };
const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Entry[];

describe('fixL58 (Chromium)', () => {
  it('#4 达成调解协议: 履行义务人 picked among the parties is sent as obligorIds', async () => {
    const r = await t
      .api(a.tokens.mediator)
      .post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-03-16', applicants: [worker('调解五八', 658)] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const c = r.body as CaseView;
    const respondent = (c.respondents as { id: number; name: string }[])[0] as { id: number; name: string };
    await signIn(page, base, 'mediator');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('达成调解协议').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('达成协议日期').fill('2026-03-18');
    await dlg.getByLabel('调解协议内容').fill('被申请人于2026年12月15日前支付工资5000元');
    const picker = dlg.locator('fieldset', { has: page.locator('legend', { hasText: '履行义务人' }) });
    await picker.waitFor();
    // The parties of the case, the applicant's and the respondent's, with the hint that none picked records none (docs/domain.md: nothing is assumed).
    const options = await picker.locator('label').allTextContents();
    expect(options.some((o) => o.includes('调解五八'))).toBe(true);
    expect(options.some((o) => o.includes(respondent.name))).toBe(true);
    await hasText(picker, '不选的，不记录履行义务人');
    await picker.locator('label', { hasText: respondent.name }).locator('input').check();
    await dlg.getByRole('button', { name: '达成调解协议…' }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, `履行义务人`);
    await hasText(confirm, respondent.name);
    await confirm.getByRole('button', { name: '确认达成调解协议' }).click();
    await dlg.waitFor({ state: 'detached' });
    await eventually(async () => {
      const e = (await history(c.id)).find((x) => x.type === 'MEDIATION_AGREED');
      expect(e?.payload.obligorIds).toEqual([respondent.id]);
    });
  });

  it('#5 更正日期 of the receipt on an application rejected before acceptance (不予受理)', async () => {
    const c = (await registerCase(t, a, standardApplication({ receivedOn: '2026-03-03' }))) as CaseView;
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-09');
    const register = (await history(c.id)).find((e) => e.type === 'REGISTER') as Entry;
    // Not the clerk's: the chair decides a correction.
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-history').waitFor();
    expect(await page.getByTestId(`correct-date-${register.seq}`).count()).toBe(0);
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.getByTestId(`correct-date-${register.seq}`).click();
    const dlg = page.locator('dialog.correct-date-dialog[open]');
    await hasText(dlg.locator('h2'), '收件日期');
    expect(await dlg.getByLabel('更正后的日期').inputValue()).toBe('2026-03-03');
    await dlg.getByLabel('更正后的日期').fill('2026-03-04');
    await dlg.getByLabel('更正理由（主任决定）').fill('收件登记日期笔误');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await page.locator('dialog.confirm[open]').getByRole('button', { name: '确认更正' }).click();
    await eventually(async () => {
      expect(await page.locator('.corrected-what').textContent()).toContain('收件日期：2026-03-03 更正为 2026-03-04');
    });
    expect(((await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body as CaseView).receivedOn).toBe('2026-03-04');
    // A case received and still open has no such button (its registration is edited instead; the server answers 409).
    const open = (await registerCase(t, a, standardApplication({ receivedOn: '2026-03-03' }))) as CaseView;
    const reg = (await history(open.id)).find((e) => e.type === 'REGISTER') as Entry;
    await page.goto(`${base}/#/cases/${open.id}`);
    await page.locator('#sec-history').waitFor();
    expect(await page.getByTestId(`correct-date-${reg.seq}`).count()).toBe(0);
  });

  it('#8 终止审理 on another ground asks for its basis and sends it', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await signIn(page, base, 'chair');
    await page.goto(`${base}/#/cases/${c.id}`);
    await actButton('终止审理').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('终止日期').fill('2026-03-20');
    await dlg.getByLabel('终止事由').selectOption('other');
    await dlg.getByLabel('理由').fill('申请人死亡且没有继承人');
    // Another ground without its basis: said under the field, nothing sent.
    await dlg.getByRole('button', { name: /终止审理…|确定…/ }).click();
    await hasText(dlg.locator('[data-error-for="basis"]'), '请写明终止审理的依据');
    const basis = '《中华人民共和国民事诉讼法》第一百五十四条第一款第一项';
    await dlg.getByLabel('终止审理的依据').fill(basis);
    await dlg.getByRole('button', { name: /终止审理…|确定…/ }).click();
    const confirm = page.locator('dialog.confirm[open]');
    await hasText(confirm, basis);
    await confirm.getByRole('button', { name: /^确认/ }).click();
    await dlg.waitFor({ state: 'detached' });
    await eventually(async () => {
      const e = (await history(c.id)).find((x) => x.type === 'TERMINATE');
      expect(e?.payload).toMatchObject({ ground: 'other', basis });
    });
  });

  it('#8 the case page shows a joint item split by its shares: 部分终局, each worker final or not', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('甲分五八', 758), worker('乙分五八', 759)],
        respondents: [employer('聊城五八分项五金有限公司')],
        claims: [{ category: 'wages', amount: '50000.00', description: '支付2025年10月至12月工资' }],
      }),
    });
    const [p1, p2] = c.applicants as { id: number; name: string }[];
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          {
            claimId: (c.claims[0] as { id: number }).id,
            outcome: 'granted',
            amount: '50000.00',
            shares: [
              { partyId: p1?.id, amount: '40000.00' },
              { partyId: p2?.id, amount: '10000.00' },
            ],
          },
        ],
        facts: '经审理查明，被申请人拖欠申请人工资。',
        reasoning: '本委认为，被申请人应当支付。',
        defenseSummary: '被申请人辩称其经营困难',
      },
      '2026-03-30',
    );
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    const split = page.locator('.final-split');
    await split.first().waitFor();
    const text = (await split.first().textContent()) ?? '';
    expect(text).toContain('部分终局');
    expect(text).toMatch(new RegExp(`${p1?.name}[^；]*40,000\\.00[^；]*非终局`));
    expect(text).toMatch(new RegExp(`${p2?.name}[^；]*10,000\\.00[^；]*终局`));
  });
});
