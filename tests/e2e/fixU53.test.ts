import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui53 fixes in Chromium: the file shows who acted for which party, with what authority, from when until when
 * (LDMAL Art. 24; M1); a late suit the court docketed says so (CPL Art. 86; M2); the board's own refusal (L1); the
 * refusal of the 调解书 worded as one throughout (L2); same-name parties told apart on the revoke buttons, the revoke
 * choice and the lists (L3, L6); 取消 where nothing can be modified (L4); no preview asked of an act that has none (L5).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-12-06T06:00:00Z' },
);

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
const TERMS = '被申请人于2026年12月31日前支付申请人工资12000元';

describe('fixU53 (Chromium)', () => {
  it('M1, L3, L5 an agent appointed and revoked: history and procedure record name him, his party, authority and days', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('李强', 801), worker('李强', 802)] }),
    });
    const [p1, p2] = c.applicants.map((x) => x.id) as [number, number];
    const lawyer = { name: '王律师', kind: 'lawyer', unit: '山东某律师事务所', phone: '13900001111' };
    await ok(c, a.tokens.clerk, 'APPOINT_AGENT', { partyId: p1, agent: lawyer, powers: 'general', receivedOn: '2026-12-04' }, '2026-12-04');
    await ok(c, a.tokens.clerk, 'APPOINT_AGENT', { partyId: p2, agent: lawyer, powers: 'special', receivedOn: '2026-12-04' }, '2026-12-04');
    await openCase(c.id, 'clerk');
    // L3: the two revoke buttons are told apart by their party.
    const first = page.getByRole('button', { name: '解除委托…（王律师，李强（第1位申请人', exact: false });
    const second = page.getByRole('button', { name: '解除委托…（王律师，李强（第2位申请人', exact: false });
    expect(await first.count()).toBe(1);
    expect(await second.count()).toBe(1);
    await second.click();
    await dialog().waitFor();
    // The preset choice is short enough for a phone: the party by place and name, no identity number's tail.
    const chosen = (await dialog().locator('[data-path="agentId"] option:checked').textContent()) ?? '';
    expect(chosen).toBe('王律师（第2位申请人李强）');
    await dialog().locator('[data-path="receivedOn"]').fill('2026-12-05');
    await dialog().locator('[data-path="occurredOn"]').fill('2026-12-06');
    await dialog().getByRole('button', { name: '确定…' }).click();
    await ask().waitFor();
    await ask().getByRole('button', { name: '确认解除委托代理' }).click();
    await hasText(page.locator('.flash'), '已办理“解除委托代理”');

    await openCase(c.id, 'clerk');
    const appointed = page.locator('#sec-history li', { hasText: '登记委托代理人 · ' }).last();
    await hasText(appointed.locator('.agent-act'), '委托人：申请人：李强（第2位申请人');
    await hasText(appointed.locator('.agent-act'), '代理人：王律师');
    await hasText(appointed.locator('.agent-act'), '权限：特别授权');
    await hasText(appointed.locator('.agent-act'), '收到授权委托书 2026-12-04');
    const revoked = page.locator('#sec-history li', { hasText: '解除委托代理 · 2026-12-06' });
    await hasText(revoked.locator('.agent-act'), '解除委托的代理人：王律师（特别授权，2026-12-04 起）');
    await hasText(revoked.locator('.agent-act'), '收到解除委托的告知 2026-12-05');
    expect(await page.locator('#sec-history').textContent()).not.toContain('13900001111');
    // The procedure record keeps both agencies, the revoked one with its end.
    const records = page.locator('#sec-proc .agent-record');
    expect(await records.count()).toBe(2);
    await hasText(records.nth(1), '王律师（律师），代理李强（第2位申请人');
    await hasText(records.nth(1), '特别授权，2026-12-04 收到授权委托书，2026-12-05 收到解除委托的告知（已解除）');
    await hasText(records.nth(0), '一般授权，2026-12-04 收到授权委托书，现仍代理');
  });

  it('M2 a late suit recorded as docketed by the court: one consistent confirmation, and the records say so', async () => {
    const body = standardApplication({
      applicants: [worker('朱海涛', 811)],
      respondents: [employer()],
      claims: [{ category: 'wages', amount: '10000.00', description: '2025年工资' }],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '10000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-10-12');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-10-13' }, '2026-10-13');
    await openCase(c.id, 'clerk');
    await actButton('登记当事人起诉').click();
    await dialog().waitFor();
    await dialog().getByLabel('起诉当事人').selectOption({ index: 1 });
    await dialog().getByLabel('受理法院').fill('聊城市东昌府区人民法院');
    await dialog().getByLabel('起诉日期').fill('2026-11-30');
    await dialog().getByLabel('登记日期').fill('2026-11-30');
    await dialog().locator('[data-path="courtAccepted"]').check();
    await dialog().locator('.df .btn.danger, .df .btn.primary').click();
    await ask().waitFor();
    await hasText(ask(), '法院已受理逾期起诉');
    await hasText(ask().locator('.act-warning'), '已登记为人民法院已受理的逾期起诉');
    expect(await ask().textContent()).not.toContain('是否受理由人民法院决定');
    await ask().locator('.btn.danger, .btn.primary').last().click();
    await hasText(page.locator('.flash'), '已办理');
    await openCase(c.id, 'clerk');
    await hasText(page.locator('#sec-proc .lawsuit'), '向聊城市东昌府区人民法院起诉（逾期起诉，法院已受理）');
    await hasText(page.locator('#sec-history .lawsuit-what'), '逾期起诉，法院已受理');
  });

  it('L1 an arbitrator opening the board by its address is told the board is the chair’s and the administrator’s', async () => {
    await signIn(page, base, 'arb-li');
    await page.goto(`${base}/#/board`);
    const refusal = page.locator('.board-refusal');
    await refusal.waitFor();
    await hasText(refusal, '不能查看审限督办');
    await hasText(refusal, '审限督办仅供');
    expect(await refusal.textContent()).not.toContain('统计');
  });

  it('L2 the refusal of the 调解书 names its party and date as the refusal’s, its note a sentence, its date error too', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('张伟', 821)] }) });
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-11-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: TERMS }, '2026-11-27');
    await openCase(c.id, 'clerk');
    await actButton('当事人拒绝签收调解书（调解书尚未出具）').click();
    await dialog().waitFor();
    expect(await dialog().getByLabel('拒收当事人').count()).toBe(1);
    expect(await dialog().getByLabel('签收当事人').count()).toBe(0);
    expect((await dialog().locator('.refusal-only-note').textContent())?.endsWith('。')).toBe(true);
    await dialog().getByLabel('拒收当事人').selectOption({ index: 1 });
    // Before the agreement: the server's words about the signature's date, said of the refusal.
    await dialog().getByLabel('拒收日期').fill('2026-11-20');
    await dialog().getByRole('button', { name: '登记拒绝签收调解书…' }).click();
    const said = dialog().locator('[data-error-for="signedOn"]');
    await hasText(said, '拒收日期不能早于达成调解协议之日');
    await dialog().getByLabel('拒收日期').fill('2026-11-28');
    await dialog().getByRole('button', { name: '登记拒绝签收调解书…' }).click();
    await ask().waitFor();
    await hasText(ask(), '拒收当事人：');
    expect(await ask().textContent()).not.toContain('签收当事人');
    await ask().getByRole('button', { name: '返回修改' }).click();
    await dialog().getByRole('button', { name: '取消' }).click();
  });

  it('L4, L6 the major marking offers 取消; same-name parties told apart in the case list (core.js names, the workbench’s too)', async () => {
    const many = [worker('李强', 831), worker('李强', 832), ...Array.from({ length: 8 }, (_, i) => worker(`工人${i}`, 840 + i))];
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: many }) });
    await openCase(c.id, 'chair');
    await page.getByTestId('mark-major').click();
    await ask().waitFor();
    expect(await ask().getByRole('button', { name: '返回修改' }).count()).toBe(0);
    await ask().getByRole('button', { name: '取消', exact: true }).click();
    await ask().waitFor({ state: 'detached' });

    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases?q=${encodeURIComponent(c.caseNo ?? '')}`);
    const row = page.locator('tr', { hasText: c.caseNo ?? '' }).first();
    await hasText(row, '李强（第1位）、李强（第2位）、工人0 等10人');
  });
});
