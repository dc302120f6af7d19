import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixL59 (legal59a): an award deducting an advance paid by other payers says whose debt it reduces and is warned of (#1);
 * a 决定书 issued again is dated the day it is issued (#2); the award preview warns as the act (#3); an advance ordered
 * against a respondent added whose defense period runs is warned of (#4); a dismissed item with a payment term is 400 (#5).
 */
type Party = { id: number; name: string };
type Doc = { id: number; caseNo: string };
const JIA = '聊城甲派遣有限公司';
const YI = '聊城乙电子有限公司';

describe(`fixL59 — payers, previews, re-issued decisions (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000', EARLIER_YEAR_ACCEPT_CONFIRMATION: 'false' } });
  const { ok, send } = caseEvents(() => t);
  const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
  const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
  const preview = (c: { id: number }, items: unknown[], occurredOn = '2026-11-10') =>
    t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn, items });

  async function heard(respondents: number) {
    const rs = [
      { ...employer(JIA), creditCode: '91371500MA3C7K2L12' },
      { ...employer(YI), creditCode: '91371500MA3D8X5N3X' },
      { ...employer('聊城丙公司'), creditCode: creditCode('91371500MA3E8X5N3') },
    ].slice(0, respondents);
    let c = (await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-10-09',
        applicants: [worker('李一', 501), worker('李二', 502)],
        respondents: rs,
        claims: [
          { category: 'wages', amount: '10000.00', description: '工资' },
          { category: 'economic_compensation', amount: '60000.00', description: '经济补偿' },
        ],
      }),
    )) as CaseView;
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    c = await ok(
      c,
      a.tokens.chair,
      'FORM_TRIBUNAL',
      { arbitratorIds: [arb(0).id, arb(1).id, arb(2).id], presidingId: arb(0).id },
      '2026-10-13',
    );
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-05', place: '第一仲裁庭' }, '2026-10-14');
    const parties = [...(c.applicants as Party[]), ...(c.respondents as Party[])];
    for (const p of parties) await serve(c, 'hearing_notice', p.id, '2026-10-15');
    for (const p of c.respondents as Party[]) await serve(c, 'application_copy', p.id, '2026-10-15');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-05');
    return c;
  }

  it('#1, #5: an award deducting an advance paid by others is warned of, in the act and its preview, and names who paid', async () => {
    const c = await heard(3);
    const [r1, r2, r3] = (c.respondents as Party[]).map((x) => x.id);
    const [w1, w2] = (c.applicants as Party[]).map((x) => x.id);
    const [cl1, cl2] = (c.claims as { id: number }[]).map((x) => x.id);
    const halves = (total: string, half: string) => ({
      amount: total,
      shares: [
        { partyId: w1, amount: half },
        { partyId: w2, amount: half },
      ],
    });
    await ok(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [cl1],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        obligorIds: [r1, r2],
        jointLiability: true,
        amounts: [{ claimId: cl1, ...halves('1000.00', '500.00') }],
        paymentDays: 7,
      },
      '2026-11-06',
    );
    const items = [
      { claimId: cl1, outcome: 'granted', ...halves('10000.00', '5000.00') },
      { claimId: cl2, outcome: 'dismissed' },
    ];
    const payerWarning = (ws: string[] | undefined) => (ws ?? []).filter((w) => w.includes('付款人或责任方式与先予执行裁决不同'));
    // The preview: every respondent pays (no obligorIds) where 甲、乙 paid in advance jointly — warned, naming them.
    const p1 = await preview(c, items);
    expect(p1.status, JSON.stringify(p1.body)).toBe(200);
    const w1s = payerWarning(p1.body.warnings);
    expect(w1s).toHaveLength(1);
    expect(w1s[0]).toContain(`由被申请人${JIA}、${YI}先行支付，被申请人${YI}承担连带责任`);
    expect(w1s[0]).toContain(`本次裁决由被申请人${JIA}、${YI}、聊城丙公司支付，按份承担`);
    // s64 D #1: the item's own warning quotes the deduction as the award prints it below, naming who paid in advance.
    expect(p1.body.items[0].advanceExecution.message).toContain(
      `裁决书写明本项裁决金额10000.00元及已裁决先行支付1000.00元，被申请人${JIA}、${YI}依先予执行裁决已先予执行的部分，在执行时从其应付款项中扣减`,
    );
    // The same payers and liability: nothing said.
    const same = await preview(c, [{ ...items[0], obligorIds: [r1, r2], jointLiability: true }, items[1]]);
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(payerWarning(same.body.warnings)).toEqual([]);
    // Other payers (乙、丙 jointly): warned.
    const other = await preview(c, [{ ...items[0], obligorIds: [r2, r3], jointLiability: true }, items[1]]);
    expect(payerWarning(other.body.warnings)).toHaveLength(1);

    // #5: a dismissed item with a payment term is 400 naming the field, in the preview and the act alike.
    const dismissedTerm = [items[0], { claimId: cl2, outcome: 'dismissed', paymentDays: 10 }];
    const p5 = await preview(c, dismissedTerm);
    expect(p5.status).toBe(400);
    expect((p5.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['items.1.paymentDays']);
    const a5 = await send(c, arb(0).token, 'ISSUE_AWARD', { items: dismissedTerm }, '2026-11-10');
    expect(a5.status).toBe(400);
    expect((a5.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['items.1.paymentDays']);

    const aw = await send(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items, facts: '经审理查明：被申请人拖欠工资。', reasoning: '本委认为：应予支付。', defenseSummary: '被申请人辩称已付' },
      '2026-11-10',
    );
    expect(aw.status, JSON.stringify(aw.body)).toBe(200);
    expect(payerWarning(aw.body.warnings)).toEqual(w1s);
    const r = await t.api(arb(0).token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const text = flat(pdfRaw(await downloadDocument(t, arb(0).token, (r.body.documents as Doc[])[0]?.id as number)));
    expect(text).toContain(`已裁决先行支付1000.00元`);
    expect(text).toContain(`被申请人${JIA}、${YI}依先予执行裁决已先予执行的部分，在执行时从其应付款项中扣减`);
    expect(text).not.toContain('已先予执行的部分在执行时予以扣减');
  });

  it('#3, #4: the preview warns of a third party added after the hearing; an advance against a respondent added unheard is warned of', async () => {
    const c = await heard(1);
    const [w1, w2] = (c.applicants as Party[]).map((x) => x.id);
    const [cl1, cl2] = (c.claims as { id: number }[]).map((x) => x.id);
    const tp = await ok(
      c,
      arb(0).token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: worker('王五', 503) },
      '2026-11-06',
    );
    await serve(c, 'addition_notice', (tp.thirdParties as Party[]).at(-1)?.id as number, '2026-11-09');
    const items = [
      {
        claimId: cl1,
        outcome: 'granted',
        amount: '10000.00',
        shares: [
          { partyId: w1, amount: '5000.00' },
          { partyId: w2, amount: '5000.00' },
        ],
      },
      { claimId: cl2, outcome: 'dismissed' },
    ];
    const p = await preview(c, items);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const act = await send(c, arb(0).token, 'PARTIAL_AWARD', { items: [items[0]] }, '2026-11-10');
    expect(act.status, JSON.stringify(act.body)).toBe(200);
    const joined = (ws: string[] | undefined) => (ws ?? []).filter((w) => w.includes('追加的第三人'));
    expect(joined(p.body.warnings)).toHaveLength(1);
    expect(joined(p.body.warnings)[0]).toContain('王五');
    expect(joined(p.body.warnings)).toEqual(joined(act.body.warnings));

    // #4: a respondent added after the hearing, served: an advance he is to pay, inside his defense period — warned.
    const added = await ok(
      c,
      arb(0).token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { ...employer('聊城丁公司'), creditCode: creditCode('91371500MA3F8X5N3') } },
      '2026-11-10',
    );
    const ding = (added.respondents as Party[]).at(-1)?.id as number;
    await serve(c, 'addition_notice', ding, '2026-11-11');
    await serve(c, 'application_copy', ding, '2026-11-11');
    const ae = await send(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [cl2],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        obligorIds: [ding],
        amounts: [
          {
            claimId: cl2,
            amount: '1000.00',
            shares: [
              { partyId: w1, amount: '500.00' },
              { partyId: w2, amount: '500.00' },
            ],
          },
        ],
        paymentDays: 7,
      },
      '2026-11-12',
    );
    expect(ae.status, JSON.stringify(ae.body)).toBe(200);
    const due = (ae.body.deadlines as { kind: string; partyId?: number; dueOn: string }[]).find(
      (d) => d.kind === 'defense_added_party' && d.partyId === ding,
    )?.dueOn as string;
    expect(due > '2026-11-12').toBe(true);
    const defense = (ae.body.warnings as string[]).filter((w) => w.includes('先予执行裁决由追加的被申请人'));
    expect(defense).toHaveLength(1);
    expect(defense[0]).toContain('聊城丁公司');
    expect(defense[0]).toContain(`其答辩期至 ${due} 届满`);
    expect(defense[0]).toContain('最后一次开庭（2026-11-05）之后');
    expect(defense[0]).toContain('第四十四条');
  });

  it('#2: a 决定书 issued again is dated the day it is issued and states the day the act was approved', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-09' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-10-13');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-20' }, '2026-11-20');
    const generate = async () => {
      const r = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'extension' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const d = (r.body.documents as Doc[]).at(-1) as Doc;
      return { id: d.id, caseNo: d.caseNo, text: flat(pdfRaw(await downloadDocument(t, a.tokens.chair, d.id))) };
    };
    const first = await generate();
    expect(first.text).toContain('二〇二六年十一月二十日');
    expect(first.text).not.toContain('十二月七日');
    const h = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { seq: number; type: string }[];
    const r = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/date-corrections`)
      .send({
        target: { seq: h.find((e) => e.type === 'ACCEPT')?.seq },
        field: 'occurredOn',
        value: '2026-10-10',
        reason: '受理日期录入有误',
      });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const second = await generate();
    expect(second.id).not.toBe(first.id);
    expect(second.text).toContain('本决定书所载事项已于二〇二六年十一月二十日经本委主任批准。');
    expect(second.text).toContain(`本决定书取代本委于二〇二六年十二月七日出具的${first.caseNo}决定书`);
    // Its own date: the day of issue — the replaced one's day of issue and the document's date.
    expect(second.text.split('二〇二六年十二月七日').length - 1).toBeGreaterThanOrEqual(2);
    expect((await generate()).id).toBe(second.id);
  });
});
