import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, caseAt, caseEvents, eventually, hasText, signIn } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { type Actors, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui51 fixes in Chromium: the chair's major marking asks first (H1); a review's 调解书 is offered once the agreement
 * is confirmed, before its signature (M1); a court outcome shows on the case page (M2); two workers of one name are told
 * apart (M3); a deadline met before it began reads as met (M4); 受理 names the new 案号 (L1); the mediation list's
 * actions on a phone (L3).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-11-20T02:00:00Z' },
);

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const ask = () => page.locator('dialog.confirm[open]');
const openCase = async (id: number, who: string) => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};
const NAMES = '赵钱孙李周吴郑王冯陈褚卫'.split('');
const COURT = '聊城市东昌府区人民法院';

describe('fixU51 (Chromium)', () => {
  it('H1 marking and unmarking a major collective dispute asks first, naming the act, the case and its effects', async () => {
    const applicants = NAMES.slice(0, 10).map((n, i) => worker(`${n}某集`, 610 + i));
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants }) });
    expect(c.collective).toBe(true);
    const marked = async () => ((await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body as { majorMarked: boolean }).majorMarked;
    await openCase(c.id, 'chair');
    await page.getByTestId('mark-major').click();
    await ask().waitFor();
    await hasText(ask().locator('h2'), '标记为重大集体劳动人事争议？');
    await hasText(ask(), `案件：${c.caseNo}（赵某集`);
    await hasText(ask(), '排在最前');
    await hasText(ask(), '重大集体劳动人事争议案件');
    await hasText(ask(), '应急调解协调机制');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('取消');
    await ask().getByRole('button', { name: '取消' }).click();
    await ask().waitFor({ state: 'detached' });
    expect(await marked()).toBe(false);
    await page.getByTestId('mark-major').click();
    await ask().getByRole('button', { name: '确认标记' }).click();
    await hasText(page.locator('.flash'), '已标记为重大集体劳动人事争议');
    expect(await marked()).toBe(true);
    await hasText(page.locator('#sec-history'), '标记为重大集体劳动人事争议');
    // Unmarking asks too.
    await page.getByTestId('mark-major').click();
    await hasText(ask().locator('h2'), '取消重大集体劳动人事争议标记？');
    await hasText(ask(), '不再计入统计');
    await ask().getByRole('button', { name: '确认取消标记' }).click();
    await hasText(page.locator('.flash'), '已取消重大集体争议标记');
    expect(await marked()).toBe(false);
    await hasText(page.locator('#sec-history'), '取消重大集体劳动人事争议标记');
    expect(await page.locator('#sec-history strong', { hasText: '修改登记信息' }).count()).toBe(0);
  });

  it('M1 a confirmed review offers its 调解书; the signature waits for it, saying why', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-10',
        applicants: [worker('审查甲', 651)],
        agreement: { effectiveOn: '2026-11-02', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const c = r.body as { id: number };
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-11');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-11');
    await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-11-12');
    // The clerk is offered 签收调解书 only once a 调解书 exists: why not yet, said.
    await openCase(c.id, 'clerk');
    await hasText(page.locator('.sign-needs-document'), '尚未生成调解书');
    // Offered as a party's refusal only (LDMAL Art. 42(4)), not as a signature.
    expect(await actButton('当事人拒绝签收调解书（调解书尚未出具）').isDisabled()).toBe(false);
    expect(await actButton('签收调解书').count()).toBe(0);
    // The arbitrator is offered the 调解书 (suggested), and generates it.
    await openCase(c.id, 'arb-li');
    await eventually(async () => expect(await page.getByLabel('文书种类').inputValue()).toBe('mediation_document'));
    await page.locator('#sec-docs').getByRole('button', { name: '生成', exact: true }).click();
    await ask().getByRole('button', { name: '生成正式文本' }).click();
    await hasText(page.locator('.flash'), '已生成：');
    const docs = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`)).body as { kind: string; documentNo: string }[];
    expect(docs.filter((d) => d.kind === 'mediation_document')).toHaveLength(1);
    await openCase(c.id, 'clerk');
    expect(await actButton('签收调解书').isDisabled()).toBe(false);
    expect(await page.locator('.sign-needs-document').count()).toBe(0);
  });

  it('M2–M4 a court outcome on its suit and in the history; two workers of one name told apart; a met deadline reads as met', async () => {
    const body = standardApplication({
      applicants: [worker('杨海涛', 652), worker('杨海涛', 653)],
      respondents: [employer()],
      claims: [
        { category: 'wages', amount: '30000.00', description: '2025年工资' },
        { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', {
      body,
      acceptOn: '2026-05-06',
      formOn: '2026-05-07',
      scheduleOn: '2026-05-11',
      hearingOn: '2026-05-27',
    });
    const items = c.claims.map((cl, i) => ({ claimId: cl.id, outcome: 'granted', amount: i === 0 ? '30000.00' : '26400.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-06-15');
    const [w1, w2] = c.applicants.map((p) => p.id) as [number, number];
    const company = c.respondents[0]?.id as number;
    // The second worker sues before the award is served on him (his window not begun): done before it began (M4).
    for (const id of [w1, company])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: id, method: 'direct', servedOn: '2026-06-16' }, '2026-06-16');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court: COURT, filedOn: '2026-06-18' }, '2026-06-18');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: COURT, filedOn: '2026-06-20' }, '2026-06-20');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: w1, court: COURT, decidedOn: '2026-07-10', servedOn: '2026-07-12' },
      '2026-07-13',
    );
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as {
      deadlines: { status: string; explanation: string; metOn?: string; partyId?: number }[];
    };
    // What the server answers (workflows/deadlines.ts): a window not begun, open, "尚未开始计算。已于…完成。".
    const before = v.deadlines.find((d) => d.partyId === w2);
    expect(before).toMatchObject({ status: 'open', explanation: expect.stringContaining('尚未开始计算。已于2026-06-18完成') });
    await openCase(c.id, 'clerk');
    // M2: the outcome on its suit's line, with its days; the other suit still pending.
    const outcome = page.locator('#sec-proc .court-outcome');
    await hasText(outcome.nth(1), '法院裁判：裁定准予撤诉（聊城市东昌府区人民法院），2026-07-10 作出，2026-07-12 送达');
    await hasText(outcome.nth(0), '尚未登记法院裁判结果');
    expect(await page.locator('#sec-proc .lawsuit').allTextContents()).toEqual([
      expect.stringContaining('杨海涛（第2位申请人，身份证号尾号'),
      expect.stringContaining('杨海涛（第1位申请人，身份证号尾号'),
    ]);
    await hasText(page.locator('#sec-history .outcome-what'), '裁定准予撤诉，针对杨海涛（第1位申请人，身份证号尾号');
    await hasText(page.locator('#sec-history .outcome-what'), '送达日期 2026-07-12');
    // M3: the history's suits, the services and the deadlines say which 杨海涛.
    await hasText(page.locator('#sec-history .lawsuit-what').first(), '起诉人：杨海涛（第2位申请人');
    const served = await page.locator('#sec-service tbody tr td:nth-child(2)').allTextContents();
    expect(served.filter((x) => x.startsWith('杨海涛（第1位申请人')).length).toBe(1);
    const labels = await page.locator('#sec-deadlines .dl-label').allTextContents();
    expect(labels.some((x) => x.includes('（杨海涛，第1位申请人，身份证号尾号'))).toBe(true);
    expect(labels.some((x) => x.includes('（杨海涛，第2位申请人，身份证号尾号'))).toBe(true);
    expect(labels.some((x) => x.includes('裁决对杨海涛（第1位申请人'))).toBe(true);
    // M4: no row says it has not begun and was done.
    const rows = await page.locator('#sec-deadlines tbody tr').allTextContents();
    expect(rows.filter((x) => x.includes('尚未开始计算') && x.includes('完成'))).toEqual([]);
    expect(rows.filter((x) => x.includes('完成') && x.includes('进行中'))).toEqual([]);
    const met = page.locator('#sec-deadlines tbody tr', { hasText: '（杨海涛，第2位申请人' }).filter({ hasText: '起诉期间' });
    await hasText(met.locator('.dl-status'), '已完成');
    await hasText(met.locator('.dl-explain'), '已于2026-06-18');
  });

  it('L1 受理 says the case number it gave', async () => {
    const { c } = await caseAt(t, a, 'received', {
      body: standardApplication({ applicants: [worker('案号甲', 654)], receivedOn: '2026-11-16' }),
    });
    await openCase(c.id, 'clerk');
    await actButton('受理').click();
    const dlg = page.locator('dialog.act[open]');
    await dlg.getByLabel('受理日期').fill('2026-11-18');
    await dlg.getByRole('button', { name: '受理…' }).click();
    await ask().getByRole('button', { name: '确认受理' }).click();
    await hasText(page.locator('.flash'), '已办理“受理”（案号：');
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { caseNo: string };
    await hasText(page.locator('.flash'), v.caseNo);
    expect(await page.locator('.flash').textContent()).not.toContain('仲裁申请#');
  });

  it('L3 on a phone the mediation list’s 达成协议 / 调解不成 are on the screen', async () => {
    const r = await t
      .api(a.tokens.mediator)
      .post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-11-16', applicants: [worker('调解甲', 655)] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await signIn(page, base, 'mediator');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${base}/#/mediation`);
      const agreed = page.getByRole('button', { name: `调解申请 #${r.body.id}（调解甲）：达成协议` });
      const failed = page.getByRole('button', { name: `调解申请 #${r.body.id}（调解甲）：调解不成` });
      await agreed.waitFor();
      for (const b of [agreed, failed]) {
        const box = await b.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box)).toBe(true);
      }
      expect(await page.evaluate('document.documentElement.scrollWidth <= 390')).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1366, height: 768 });
    }
  });
});
