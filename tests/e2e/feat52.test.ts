import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, hasText, signIn } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * feat52 in Chromium: the clerk records a legal-aid agent appointed after acceptance (登记委托代理人, LDMAL Art. 24) —
 * the confirmation names the act and its basis, the party's table shows his authority and day — and revokes a
 * relative's agency from the agent's own line (解除委托代理).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite((s) => {
  ({ t, a, base, page } = s);
});

const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const confirmation = () => page.locator('dialog.confirm[open]');
const agents = async (id: number) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as { applicants: { agents: { name: string; powers: string | null }[] }[] })
    .applicants[0]?.agents ?? [];

describe('feat52: agents after acceptance (Chromium)', () => {
  it('appoints a legal-aid agent from the case page and revokes a relative from his line', async () => {
    const body = standardApplication({
      applicants: [{ ...worker('马援助', 531), agents: [{ name: '马小妹', kind: 'relative', relationship: '妹妹' }] }],
    });
    const { c } = await caseAt(t, a, 'accepted', { body });
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/${c.id}`);
    await page.locator('#sec-proc').waitFor();

    await actButton('登记委托代理人').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="partyId"]').selectOption({ index: 1 });
    await dlg.locator('[data-path="agent.name"]').fill('刘援助');
    await dlg.locator('[data-path="agent.kind"]').selectOption('legal_aid');
    await dlg.locator('[data-path="agent.unit"]').fill('聊城市法律援助中心');
    await dlg.locator('[data-path="powers"]').selectOption('special');
    await dlg.locator('[data-path="receivedOn"]').fill('2026-03-20');
    await dlg.locator('[data-path="occurredOn"]').fill('2026-03-20');
    await dlg.getByRole('button', { name: '确定…' }).click();
    await confirmation().waitFor();
    await hasText(confirmation(), '将登记该当事人的委托代理人');
    await hasText(confirmation(), '第二十四条');
    await confirmation().getByRole('button', { name: '确认登记委托代理人' }).click();
    await confirmation().waitFor({ state: 'detached' });
    await hasText(page.locator('#sec-parties'), '刘援助');
    await hasText(page.locator('#sec-parties'), '特别授权');
    expect((await agents(c.id)).map((x) => x.name)).toEqual(['马小妹', '刘援助']);

    // The relative's line offers the revocation, the dialog starting on him.
    await page.getByRole('button', { name: '解除委托…（马小妹）' }).click();
    const revoke = dialog();
    await revoke.waitFor();
    expect(await revoke.locator('[data-path="agentId"] option:checked').textContent()).toContain('马小妹');
    await revoke.locator('[data-path="receivedOn"]').fill('2026-03-21');
    await revoke.locator('[data-path="occurredOn"]').fill('2026-03-21');
    await revoke.getByRole('button', { name: '确定…' }).click();
    await confirmation().waitFor();
    await hasText(confirmation(), '将登记解除该代理人的委托');
    await confirmation().getByRole('button', { name: '确认解除委托代理' }).click();
    await confirmation().waitFor({ state: 'detached' });
    await expect.poll(async () => (await agents(c.id)).map((x) => x.name)).toEqual(['刘援助']);
  });
});
