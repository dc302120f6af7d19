import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * An outside legal tester's hand-worked cases (stop 41): advance execution deducted in later awards (LDMAL Art. 44;
 * domain.md §9.2), the labor relationship confirmed between named parties, a challenged arbitrator standing down until
 * the recusal is decided (Rules Arts. 11–12), a collective mixed award's documents and windows worker by worker (LDMAL
 * Art. 48; SPC-1 Art. 17), the default basis of a damages claim, the written recusal decision, and small wording points.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { send, ok } = caseEvents(() => t);

async function documents(c: { id: number }, token: string, body: Record<string, unknown>): Promise<string[]> {
  const r = await t.api(token).post(`/api/cases/${c.id}/documents`, body);
  expect(r.status, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`).toBe(201);
  const out: string[] = [];
  for (const d of r.body.documents as { id: number }[]) out.push(flat(pdfRaw(await downloadDocument(t, a.tokens.chair, d.id))));
  return out;
}

describe(`legal findings, stop 41 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: money ordered paid in advance is stated and deducted in the partial award, and recited in the final award', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [wages],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: wages, amount: '6000' }],
        paymentDays: 7,
      },
      '2026-03-26',
    );
    // The award form's preview warns of the overlap.
    const preview = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/award-preview`, { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }] });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.items[0].advanceExecution).toMatchObject({ amount: '6000.00', remaining: '6000.00', rulings: ['2026-03-26'] });
    // s64 D #1: the preview says what the award prints — the whole amount and the deduction, never "尚需支付".
    expect(preview.body.items[0].advanceExecution.message).toContain(
      '少于本项裁决金额：裁决书写明本项裁决金额12000.00元及已裁决先行支付6000.00元，已先予执行的部分在执行时予以扣减',
    );
    expect(preview.body.items[0].advanceExecution.message).not.toContain('尚需支付');
    const untouched = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/award-preview`, { items: [{ claimId: comp, outcome: 'granted', amount: '26400.00' }] });
    expect(untouched.body.items[0].advanceExecution).toBeUndefined();

    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-03-30',
    );
    const [partial] = await documents(c, arb.token, { kind: 'partial_award' });
    expect(partial).toContain(
      '仲裁庭于二〇二六年三月二十六日依申请人的申请作出先予执行裁决，裁决被申请人聊城某某机械有限公司先行向申请人张三支付2025年10月至12月工资6000.00元（人民币陆仟元整）。',
    );
    expect(partial).toContain(
      '向申请人张三支付2025年10月至12月工资12000.00元（人民币壹万贰仟元整），本委于二〇二六年三月二十六日作出的先予执行裁决已裁决先行支付6000.00元（人民币陆仟元整），已先予执行的部分在执行时予以扣减',
    );
    // Reviewer docs43 M7: a ruling orders a payment, it is not one — the rest is not "尚需支付".
    expect(partial).not.toContain('尚需支付');

    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: comp, outcome: 'granted', amount: '26400.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    const award = (await documents(c, arb.token, { kind: 'award' })).join('\n');
    expect(award).toContain('作出先予执行裁决，裁决被申请人聊城某某机械有限公司先行向申请人张三支付2025年10月至12月工资6000.00元');
  });

  it('H1: an advance as large as the amount awarded is not ordered paid again', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: wages, amount: '12000' }], paymentDays: 7 },
      '2026-03-26',
    );
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '12000.00' },
          { claimId: comp, outcome: 'dismissed' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const award = (await documents(c, arb.token, { kind: 'award' })).join('\n');
    // Reviewer docs43 M7 (over rev41 M2(a)): the ruling is not payment — the whole amount is ordered, and what was
    // executed in advance is deducted on enforcement, so it is not paid twice; never "无需另行支付".
    expect(award).toContain(
      '被申请人聊城某某机械有限公司于本裁决生效之日起十日内向申请人张三支付2025年10月至12月工资12000.00元（人民币壹万贰仟元整），本委于二〇二六年三月二十六日作出的先予执行裁决已裁决先行支付12000.00元（人民币壹万贰仟元整），已先予执行的部分在执行时予以扣减',
    );
    expect(award).not.toContain('无需另行支付');
    // Legal tester s42, F3: the sentence reads once, not "先予执行裁决裁决".
    expect(award).not.toContain('裁决裁决');
  });

  it('rev41 M1, M2: a claim written with its verb; an advance larger than the award; a ruling without an amount', async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '12000.00', description: '支付拖欠工资12000元' },
        { category: 'economic_compensation', amount: '26400.00', description: '支付解除劳动合同经济补偿' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [wages, comp] = ids(c);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: wages, amount: '6000' }], paymentDays: 7 },
      '2026-03-26',
    );
    // The record names the compensation claim in a ruling, but not the amount ordered on it — as an older version
    // stored it: a ruling is now refused without its amount (legalfixA L1, 400 `amounts`), so the amount is removed
    // from the stored context afterwards (the history is append-only).
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [comp], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: comp, amount: '1000.00' }], paymentDays: 7 },
      '2026-03-27',
    );
    const row = await t.db.knex('cases').where({ id: c.id }).first('snapshot');
    const snap = JSON.parse(row.snapshot);
    delete snap.context.advanceExecutions[1].amounts;
    delete snap.context.advanceExecutions[1].paymentDays;
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ snapshot: JSON.stringify(snap) });
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      items: [
        { claimId: wages, outcome: 'granted', amount: '5000.00' },
        { claimId: comp, outcome: 'granted', amount: '26400.00' },
      ],
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.items[0].advanceExecution).toMatchObject({ amount: '6000.00', remaining: '0.00' });
    expect(preview.body.items[1].advanceExecution).toMatchObject({ amount: null, remaining: null, rulings: ['2026-03-27'] });
    expect(preview.body.items[1].advanceExecution.message).toContain(
      '本项请求已作出先予执行裁决，但未记录先行支付金额，请在裁决理由中写明已先予执行部分',
    );
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '5000.00' },
          { claimId: comp, outcome: 'granted', amount: '26400.00' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const award = (await documents(c, arb.token, { kind: 'award' })).join('\n');
    // M1: the ruling recited reads 先行向…支付…, the claimed figure not repeated.
    expect(award).toContain('裁决被申请人聊城某某机械有限公司先行向申请人张三支付拖欠工资6000.00元（人民币陆仟元整）');
    expect(award).not.toContain('先行支付申请人张三支付');
    // M2(a), docs43 M7: the advance exceeds the award — the award's amount ordered, the advance deducted on
    // enforcement, the excess stated, not decided.
    expect(award).toContain(
      '日内向申请人张三支付拖欠工资5000.00元（人民币伍仟元整），本委于二〇二六年三月二十六日作出的先予执行裁决已裁决先行支付6000.00元（人民币陆仟元整），已先予执行的部分在执行时予以扣减；已裁决先行支付的款项较本项裁决金额多出1000.00元（人民币壹仟元整）',
    );
    expect(award).not.toContain('无需另行支付');
    // M2(b): the item was ruled on in advance, without a number; the full sum is ordered.
    expect(award).toContain(
      '日内向申请人张三支付解除劳动合同经济补偿26400.00元（人民币贰万陆仟肆佰元整）（本项请求已经本委于二〇二六年三月二十七日裁决先予执行，已先予执行的部分在执行时予以扣减）',
    );
    const [ruling] = await documents(c, arb.token, { kind: 'advance_execution_ruling', occurrence: 1 });
    expect(ruling).toContain('七日内先行向申请人张三支付拖欠工资6000.00元（人民币陆仟元整）');
  });

  it('M1: a confirmed labor relationship names both sides, and the period where the claim gives one', async () => {
    const body = standardApplication({
      claims: [
        { category: 'confirm_relationship', description: '确认劳动关系' },
        { category: 'confirm_relationship', description: '请求确认自2023年3月1日起与被申请人存在劳动关系' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [plain, dated] = ids(c);
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: plain, outcome: 'granted', legalBasis: ['《中华人民共和国劳动合同法》第七条'] },
          { claimId: dated, outcome: 'granted' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const award = (await documents(c, arb.token, { kind: 'award' })).join('\n');
    expect(award).toContain('一、确认申请人张三与被申请人聊城某某机械有限公司之间存在劳动关系；');
    expect(award).toContain('二、确认申请人张三与被申请人聊城某某机械有限公司之间自2023年3月1日起存在劳动关系。');
    expect(award).not.toContain('确认申请人张三劳动关系');
  });

  it('M4: a damages claim cites the article its words name — a termination Arts. 48 and 87, not Art. 82 — or none', async () => {
    const body = standardApplication({
      claims: [
        { category: 'damages', amount: '20000.00', description: '违法解除劳动合同赔偿金' },
        { category: 'damages', amount: '8000.00', description: '未签书面劳动合同二倍工资差额' },
        { category: 'damages', amount: '3000.00', description: '其他损失赔偿' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [termination, double, other] = ids(c);
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      items: [
        { claimId: termination, outcome: 'granted', amount: '20000.00' },
        { claimId: double, outcome: 'granted', amount: '8000.00' },
        { claimId: other, outcome: 'granted', amount: '3000.00' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const basis = (id: number | undefined) =>
      (r.body.items as { claimId: number; legalBasis: string[] }[]).find((i) => i.claimId === id)?.legalBasis;
    expect(basis(termination)?.join()).toContain('《中华人民共和国劳动合同法》第八十七条');
    expect(basis(termination)?.join()).toContain('《中华人民共和国劳动合同法》第四十八条');
    expect(basis(termination)?.join()).not.toContain('第八十二条');
    expect(basis(double)?.join()).toContain('《中华人民共和国劳动合同法》第八十二条');
    expect(basis(double)?.join()).not.toContain('第八十七条');
    // Words that name no kind suggest no substantive article: the award asks the arbitrator.
    expect(basis(other)?.some((b) => b.includes('劳动合同法'))).toBe(false);
  });

  it('M2: a challenged arbitrator stands down until the recusal is decided; the other members act (Rules Arts. 11–12)', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const [arb1, arb2, arb3] = a.arbitrators as { id: number; token: string }[];
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb1?.id, arb2?.id, arb3?.id], presidingId: arb1?.id }, '2026-03-05');
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: c.respondents[0]?.id,
        target: { kind: 'arbitrator', userId: arb2?.id },
        ground: 'relationship',
        reason: '仲裁员与申请人系亲属',
      },
      '2026-03-06',
    );
    const types = async (token: string) =>
      ((await t.api(token).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((x) => x.type);
    expect(await types(arb2?.token as string)).not.toContain('SCHEDULE_HEARING');
    expect(await types(arb1?.token as string)).toContain('SCHEDULE_HEARING');
    const hearing = { hearingOn: '2026-03-25', place: '第一仲裁庭' };
    const refused = await send(c, arb2?.token as string, 'SCHEDULE_HEARING', hearing, '2026-03-09');
    expect([refused.status, refused.body.rule, refused.body.source], JSON.stringify(refused.body)).toEqual([
      422,
      'challenged-person-stands-down',
      'LDMAL Art. 33; Rules Arts. 11–12',
    ]);
    await ok(c, arb1?.token as string, 'SCHEDULE_HEARING', hearing, '2026-03-09');
    // Once the recusal is rejected, the arbitrator acts again.
    await ok(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'rejected', decidedBy: 'chair', reason: '理由不成立' }, '2026-03-10');
    expect(await types(arb2?.token as string)).toContain('HOLD_HEARING');
  });

  it('M5: a recusal decided in writing has its 决定书 (Rules Art. 12); one decided orally, or none, has not', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    const [arb1, arb2] = a.arbitrators as { id: number; token: string }[];
    const ask = () => t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'recusal' });
    expect((await ask()).status).toBe(409);
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: c.respondents[0]?.id,
        target: { kind: 'arbitrator', userId: arb1?.id },
        ground: 'relationship',
        reason: '仲裁员与申请人代理人系同学',
      },
      '2026-03-06',
    );
    await ok(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'granted', decidedBy: 'chair', replacementId: arb2?.id, form: 'oral' },
      '2026-03-07',
    );
    expect((await ask()).status).toBe(409);
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      {
        partyId: c.applicants[0]?.id,
        target: { kind: 'arbitrator', userId: arb2?.id },
        ground: 'interest',
        reason: '仲裁员与被申请人有利害关系',
      },
      '2026-03-09',
    );
    await ok(
      c,
      a.tokens.chair,
      'DECIDE_RECUSAL',
      { result: 'rejected', decidedBy: 'chair', reason: '申请人未提供证据证明所称利害关系', form: 'written' },
      '2026-03-10',
    );
    const [text] = await documents(c, a.tokens.chair, { kind: 'decision', matter: 'recusal' });
    for (const s of [
      '决定书',
      '申请人张三于二〇二六年三月九日以仲裁员与被申请人有利害关系为由，申请本案仲裁员arb-wang（测试）回避。',
      '经审查，申请人未提供证据证明所称利害关系。',
      '依照《中华人民共和国劳动争议调解仲裁法》第三十三条、《劳动人事争议仲裁办案规则》第十二条之规定，经本委主任决定：驳回申请人张三的回避申请',
      '二〇二六年三月十日',
      '本决定书自送达之日起生效。',
    ])
      expect(text, s).toContain(s);
    const openapi = (await t.api(a.tokens.clerk).get('/openapi.json')).body;
    expect(JSON.stringify(openapi.components.schemas.DocumentRequest)).toContain('"recusal"');
  });

  it('L4: the non-final document of a mixed award cites no burden-of-proof rule for an amount partly granted', async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        { category: 'economic_compensation', amount: '40000.00', description: '解除劳动合同经济补偿' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [wages, comp] = ids(c);
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '12000.00' },
          { claimId: comp, outcome: 'partly', amount: '30000.00' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const [finalDoc, nonFinal] = await documents(c, arb.token, { kind: 'award' });
    expect(finalDoc).toContain('本裁决为终局裁决');
    expect(nonFinal).toContain('本裁决为非终局裁决');
    expect(nonFinal).toContain('依照《中华人民共和国劳动合同法》第四十六条、第四十七条之规定，裁决如下');
    expect(nonFinal).not.toContain('第六条');
  });

  it('M3: a mixed award of several workers — each document names the workers whose claims it decides; windows worker by worker', async () => {
    const body = standardApplication({
      applicants: [worker('甲工', 481), worker('乙工', 482)],
      claims: [
        { category: 'wages', amount: '30000.00', description: '支付拖欠工资', applicant: 1 },
        { category: 'wages', amount: '9000.00', description: '支付拖欠工资', applicant: 2 },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [w1, w2] = ids(c);
    const r = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: w1, outcome: 'granted', amount: '30000.00' },
          { claimId: w2, outcome: 'granted', amount: '9000.00' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    expect(r.award).toMatchObject({ finality: 'mixed' });
    const [finalDoc, nonFinal] = await documents(c, arb.token, { kind: 'award' });
    // 乙工's 9,000 is final (-1), 甲工's 30,000 non-final (-2): each document names only its worker among the applicants.
    expect(finalDoc).toContain('申请人：乙工');
    expect(finalDoc).not.toContain('申请人：甲工');
    expect(nonFinal).toContain('申请人：甲工');
    expect(nonFinal).not.toContain('申请人：乙工');
    for (const text of [finalDoc, nonFinal]) expect(text).toContain('被申请人：聊城某某机械有限公司');
    const [p1, p2] = (c.applicants as { id: number }[]).map((p) => p.id);
    const employerId = c.respondents[0]?.id;
    let v = r;
    for (const partyId of [p1, p2, employerId])
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct' }, '2026-04-12');
    const kinds = (partyId: number | undefined) =>
      (v.deadlines as { kind: string; partyId?: number | null }[])
        .filter((d) => d.partyId === partyId && /^(sue_|set_aside)/.test(d.kind))
        .map((d) => d.kind)
        .sort();
    // LDMAL Art. 48 binds only the worker with a final item; Art. 50 the non-final document's parties.
    expect(kinds(p1)).toEqual(['sue_non_final']);
    expect(kinds(p2)).toEqual(['sue_final_worker']);
    expect(kinds(employerId)).toEqual(['set_aside_employer', 'sue_non_final']);
  });
});
