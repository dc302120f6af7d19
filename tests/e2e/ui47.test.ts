import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { browserSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, hasText, REASONING, signIn } from '../helpers/case-fixtures.ts';
import { application, creditCode, employer, idNumber, worker } from '../helpers/fixtures.ts';
import { type Actors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui47 (a new user's walk) in Chromium: the selects that decide whose act it is start on （请选择） and a choice
 * is required where several parties could be meant (H1); a jurisdiction objection and a recusal application are
 * confirmed, naming the party and the grounds (H3); an award set aside is shown as such, not in force (H2); 中途退庭 is
 * shown (M1); a transfer's commission, an objection and a review's agreement are on the case page (M2); the review
 * track speaks of 审查申请 (M4); the 送达回证 offers the case's documents and no preselected addressee (L1).
 */
let t: TestApp;
let a: Actors;
let base: string;
let page: Page;
browserSuite(
  (s) => {
    ({ t, a, base, page } = s);
  },
  { now: '2026-06-10T02:00:00Z' },
);

const { ok } = caseEvents(() => t);
const actButton = (name: string) => page.getByRole('group', { name: '可办理的操作' }).getByRole('button', { name, exact: true });
const dialog = () => page.locator('dialog.act[open]');
const ask = () => page.locator('dialog.confirm[open]');
const events = async (id: number, type: string) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as { type: string; payload: Record<string, unknown> }[]).filter(
    (e) => e.type === type,
  );
const openCase = async (id: number, who = 'clerk') => {
  await signIn(page, base, who);
  await page.goto(`${base}/#/cases/${id}`);
  await page.locator('#sec-proc').waitFor();
};

describe('ui47 (Chromium)', () => {
  it('H1 收到答辩书 with two respondents: no respondent chosen in advance, the one chosen named in the confirmation and the record', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({
        applicants: [worker('答辩甲', 471)],
        respondents: [employer('聊城某某答辩一有限公司'), employer('聊城某某答辩二有限公司')],
        receivedOn: '2026-03-02',
      }),
    });
    const second = (c.respondents as { id: number; name: string }[])[1] as { id: number; name: string };
    await openCase(c.id);
    await actButton('收到答辩书').click();
    const dlg = dialog();
    await dlg.waitFor();
    const who = dlg.locator('[data-path="partyId"]');
    expect(await who.inputValue()).toBe('');
    expect(await who.locator('option').allTextContents()).toEqual(['（请选择）', '聊城某某答辩一有限公司', '聊城某某答辩二有限公司']);
    // Not chosen: refused at the field, nothing asked, nothing recorded.
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await hasText(dlg.locator('[data-error-for="partyId"]'), '请选择');
    expect(await ask().count()).toBe(0);
    await who.selectOption({ label: second.name });
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    await hasText(ask(), `提交答辩的被申请人：${second.name}`);
    await ask().getByRole('button', { name: '确认收到答辩书' }).click();
    await hasText(page.locator('main'), `当事人：被申请人：${second.name}`);
    const [e] = await events(c.id, 'FILE_DEFENSE');
    expect(e?.payload.partyId).toBe(second.id);
    await hasText(page.locator('#sec-proc'), `收到${second.name}的答辩书`);
    await hasText(page.locator('#sec-history .defense-by'), `答辩人：被申请人：${second.name}`);
  });

  it('H1 增加、变更或放弃仲裁请求 with two workers: the added claim’s applicant is chosen, 全体申请人共同 is one choice', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('请求甲', 472), worker('请求乙', 473)], receivedOn: '2026-03-02' }),
    });
    await openCase(c.id);
    await actButton('增加、变更或放弃仲裁请求').click();
    const dlg = dialog();
    await dlg.waitFor();
    const whose = dlg.locator('[data-path="add.0.applicant"]');
    expect(await whose.inputValue()).toBe('');
    expect(await whose.locator('option').allTextContents()).toEqual([
      '（请选择）',
      '全体申请人共同',
      '第1名申请人（请求甲）',
      '第2名申请人（请求乙）',
    ]);
    await dlg.locator('[data-path="add.0.category"]').selectOption('wages');
    await dlg.locator('[data-path="add.0.description"]').fill('支付2026年1月加班费');
    await dlg.locator('[data-path="add.0.amount"]').fill('800');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await hasText(dlg.locator('[data-error-for="add.0.applicant"]'), '请选择该请求的申请人');
    expect(await ask().count()).toBe(0);
    await whose.selectOption({ label: '第2名申请人（请求乙）' });
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    await hasText(ask(), '增加的请求：申请人：第2名申请人（请求乙）');
    await ask().getByRole('button', { name: '返回修改' }).click();
    // 全体申请人共同: sent as no applicant.
    await whose.selectOption({ label: '全体申请人共同' });
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    await ask().locator('button.danger, button.primary').last().click();
    await dialog().waitFor({ state: 'detached' });
    const [e] = await events(c.id, 'CHANGE_CLAIMS');
    const added = (e?.payload.add ?? []) as Record<string, unknown>[];
    expect(added[0]).not.toHaveProperty('applicant');
  });

  it('H3 提出管辖异议 and 申请回避 are confirmed, naming the party and the grounds; nothing is recorded before', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker('异议甲', 474)],
        respondents: [employer('聊城某某异议有限公司')],
        receivedOn: '2026-03-02',
      }),
    });
    await openCase(c.id);
    await actButton('提出管辖异议').click();
    let dlg = dialog();
    await dlg.waitFor();
    expect(await dlg.locator('[data-path="partyId"]').inputValue()).toBe('');
    await dlg.locator('[data-path="partyId"]').selectOption({ label: '被申请人：聊城某某异议有限公司' });
    await dlg.locator('[data-path="grounds"]').fill('劳动合同履行地在济南市，本委无管辖权');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    const said = (await ask().textContent()) ?? '';
    expect(said).toContain('聊城某某异议有限公司');
    expect(said).toContain('劳动合同履行地在济南市，本委无管辖权');
    expect(said).toContain('第十条');
    expect(await events(c.id, 'RAISE_JURISDICTION_OBJECTION')).toHaveLength(0);
    await ask().getByRole('button', { name: '确认提出管辖异议' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await events(c.id, 'RAISE_JURISDICTION_OBJECTION')).toHaveLength(1);
    // M2: the objection's party and grounds on the page.
    await hasText(page.locator('#sec-proc'), '聊城某某异议有限公司提出管辖异议：劳动合同履行地在济南市，本委无管辖权；尚未决定');

    await actButton('申请回避').click();
    dlg = dialog();
    await dlg.waitFor();
    expect(await dlg.locator('[data-path="partyId"]').inputValue()).toBe('');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await hasText(dlg.locator('[data-error-for="partyId"]'), '请选择');
    await dlg.locator('[data-path="partyId"]').selectOption({ label: '申请人：异议甲' });
    await dlg.locator('[data-path="target.kind"]').selectOption('arbitrator');
    // The arbitrator is not chosen in advance either.
    expect(await dlg.locator('[data-path="target.userId"]').inputValue()).toBe('');
    await dlg.locator('[data-path="target.userId"]').selectOption({ index: 1 });
    await dlg.locator('[data-path="ground"]').selectOption('interest');
    await dlg.locator('[data-path="reason"]').fill('该仲裁员系被申请人股东');
    await dlg.getByRole('button', { name: '确定…', exact: true }).click();
    await ask().waitFor();
    const asked = (await ask().textContent()) ?? '';
    expect(asked).toContain('异议甲');
    expect(asked).toContain('与本案有利害关系');
    expect(asked).toContain('该仲裁员系被申请人股东');
    expect(await events(c.id, 'APPLY_RECUSAL')).toHaveLength(0);
    await ask().getByRole('button', { name: '确认申请回避' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await events(c.id, 'APPLY_RECUSAL')).toHaveLength(1);
  });

  it('H2 an award set aside reads 已被撤销, not in force; the suit’s confirmation cites LDMAL Art. 49(3)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('撤销丙', 475)],
        claims: [{ category: 'wages', amount: '7000.00', description: '2025年10月至12月工资' }],
        receivedOn: '2026-03-02',
      }),
    });
    const claims = c.claims as unknown as { id: number; amount: string }[];
    let v: CaseView = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: cl.amount, paymentDays: 10 })),
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-03-30',
    );
    expect((v.award as { finality: string }).finality).toBe('final');
    for (const p of [...(c.applicants as { id: number }[]), ...(c.respondents as { id: number }[])])
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-03-31');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    await openCase(c.id);
    // Pending: still in force.
    await hasText(page.locator('#sec-proc'), '2026-03-30 起裁决生效');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-05-25', servedOn: '2026-05-26' }, '2026-05-26');
    await page.reload();
    await page.locator('#sec-proc').waitFor();
    await hasText(page.locator('#sec-proc'), '裁决已被聊城市中级人民法院裁定撤销（2026-05-25），不发生法律效力');
    expect(await page.locator('#sec-proc').textContent()).not.toContain('起裁决生效');
    const cell = page.locator('#sec-claims td[data-label="裁决"]').first();
    await hasText(cell, '已被撤销');
    expect(await cell.textContent()).not.toContain('终局');
    await hasText(page.locator('#sec-claims .award-set-aside'), '第四十九条第三款');
    expect(await page.locator('#sec-claims .award-summary li').first().textContent()).toContain('（已被撤销）');

    await actButton('登记当事人起诉').click();
    const dlg = dialog();
    await dlg.waitFor();
    await dlg.locator('[data-path="partyId"]').selectOption({ label: '申请人：撤销丙' });
    await dlg.locator('[data-path="court"]').fill('聊城市东昌府区人民法院');
    await dlg.locator('[data-path="filedOn"]').fill('2026-06-01');
    await dlg.getByRole('button', { name: /^登记当事人起诉|^确定…$/ }).click();
    await ask().waitFor();
    const said = (await ask().textContent()) ?? '';
    expect(said).toContain('第四十九条第三款');
    expect(said).toContain('就该劳动争议事项向人民法院提起诉讼');
    expect(said).not.toContain('不发生法律效力（《劳动争议调解仲裁法》第四十八条、第五十条）');
    await ask().locator('button').last().click();
    await dialog().waitFor({ state: 'detached' });
    await hasText(page.locator('#sec-proc'), '裁决已被聊城市中级人民法院裁定撤销');
    expect(await page.locator('#sec-proc').textContent()).not.toContain('起裁决生效');
  });

  it('M1 中途退庭 is shown in 程序记录 and the history; L1 the 送达回证 starts on （请选择） with the case’s documents only', async () => {
    const { c } = await caseAt(t, a, 'heard', {
      body: standardApplication({ applicants: [worker('退庭甲', 476)], receivedOn: '2026-03-02' }),
      held: { applicantPresent: true, respondentPresent: true, respondentLeftEarly: true },
    });
    await openCase(c.id);
    await hasText(page.locator('#sec-proc'), '申请人到庭，被申请人到庭后中途退庭');
    await hasText(page.locator('#sec-history .attendance'), '被申请人到庭后中途退庭');
    const kind = page.locator('#sec-docs select').first();
    await kind.selectOption('service_receipt');
    const party = page.getByRole('combobox', { name: '受送达人' });
    expect(await party.inputValue()).toBe('');
    const docs = await page.getByRole('combobox', { name: '所送达的文书' }).locator('option').allTextContents();
    expect(docs.length).toBeLessThan(10);
    expect(docs).not.toContain('裁决书');
    await page.locator('#sec-docs').getByRole('button', { name: '生成', exact: true }).click();
    await hasText(page.locator('#sec-docs'), '请选择受送达人');
  });

  it('M2 a transfer names the receiving commission; M4 a review speaks of 审查申请 and shows the agreement', async () => {
    const { c } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('移送甲', 477)], receivedOn: '2026-03-02' }),
    });
    const company = (c.respondents as { id: number }[])[0]?.id as number;
    await ok(c, a.tokens.clerk, 'RAISE_JURISDICTION_OBJECTION', { partyId: company, grounds: '用人单位所在地在济南市' }, '2026-03-06');
    await ok(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'upheld', toCommission: '济南市劳动人事争议仲裁委员会', reason: '合同履行地与用人单位所在地均在济南市' },
      '2026-03-09',
    );
    await openCase(c.id);
    await hasText(page.locator('#sec-proc'), '移送济南市劳动人事争议仲裁委员会（管辖异议成立）');
    await hasText(page.locator('#sec-proc'), '异议成立');

    const review = await registerCase(
      t,
      a,
      application({
        track: 'review',
        applicants: [worker('审查甲', 478)],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' }],
        receivedOn: '2026-06-05',
        agreement: {
          effectiveOn: '2026-06-01',
          organization: '东昌府区古楼街道劳动争议调解委员会',
          terms: '被申请人于2026年6月30日前支付工资5000元',
        },
      }),
    );
    await openCase(review.id as number);
    await hasText(page.locator('.case-dates'), '调解协议仲裁审查');
    expect(await page.locator('.case-dates').textContent()).not.toContain('普通程序');
    await hasText(page.locator('#sec-claims h2'), '审查申请事项');
    await hasText(page.locator('#sec-proc .review-agreement'), '东昌府区古楼街道劳动争议调解委员会，2026-06-01 生效');
    await hasText(page.locator('#sec-proc .review-agreement'), '被申请人于2026年6月30日前支付工资5000元');
    const names = await page.getByRole('group', { name: '可办理的操作' }).getByRole('button').allTextContents();
    expect(names.join('|')).not.toContain('撤回仲裁申请');
  });

  it('M3 登记申请 registers an application for review with its agreement; L4 the analyst’s search does not offer 身份证号', async () => {
    await signIn(page, base, 'clerk');
    await page.goto(`${base}/#/cases/new`);
    await page.getByRole('link', { name: /登记仲裁审查申请/ }).click();
    await page.getByRole('heading', { name: '登记仲裁审查申请' }).waitFor();
    expect(await page.getByLabel('程序', { exact: true }).count()).toBe(0);
    await page.getByLabel('收到申请日期').fill('2026-06-08');
    await page.getByLabel('管辖地区').selectOption('东昌府区');
    const applicant = page.locator('[data-party="applicants.0"]');
    await applicant.getByLabel('姓名').fill('审查乙');
    await applicant.getByLabel('公民身份号码').fill(idNumber('371502', '19900101', 479));
    const respondent = page.locator('[data-party="respondents.0"]');
    await respondent.getByLabel('名称').fill('聊城某某审查有限公司');
    await respondent.getByLabel('统一社会信用代码').fill(creditCode());
    await respondent.getByLabel('用人单位类型').selectOption('private');
    const claim = page.locator('[data-claim="claims.0"]');
    await claim.getByLabel('请求类别').selectOption('wages');
    await claim.getByLabel('金额（元）').fill('5000');
    await claim.getByLabel('请求内容').fill('确认调解协议：支付2026年5月工资5000元');
    // The agreement is required.
    await page.getByRole('button', { name: '登记仲裁审查申请' }).click();
    await hasText(page.locator('[data-error-for="agreement.organization"]'), '必须填写');
    await hasText(page.locator('[data-error-for="agreement.effectiveOn"]'), '必须填写');
    await page.getByLabel('调解组织').fill('东昌府区古楼街道劳动争议调解委员会');
    await page.getByLabel('调解协议生效日期').fill('2026-06-01');
    await page.getByLabel('调解协议内容').fill('被申请人于2026年6月30日前支付工资5000元');
    await page.getByRole('button', { name: '登记仲裁审查申请' }).click();
    await page.waitForURL(/#\/cases\/\d+$/);
    const id = Number(/#\/cases\/(\d+)$/.exec(page.url())?.[1]);
    const c = (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body;
    expect(c.track).toBe('review');
    expect(c.proceedings.review.agreement).toEqual({
      organization: '东昌府区古楼街道劳动争议调解委员会',
      effectiveOn: '2026-06-01',
      terms: '被申请人于2026年6月30日前支付工资5000元',
    });
    await hasText(page.locator('#sec-proc .review-agreement'), '东昌府区古楼街道劳动争议调解委员会');

    await signIn(page, base, 'analyst');
    await page.goto(`${base}/#/cases`);
    const search = page.getByRole('searchbox', { name: '查找' });
    await search.waitFor();
    expect(await search.getAttribute('placeholder')).not.toContain('身份证号');
    expect(await search.getAttribute('placeholder')).not.toContain('电话');
  });
});
