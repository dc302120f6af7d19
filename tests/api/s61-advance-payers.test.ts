import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s61 A — the advance-execution ruling (先予执行, LDMAL Art. 44; Rules Art. 51) where respondents change after it.
 * #1 TRANSFER_TO_COURT (`advance-execution-not-served`) and the advance-execution court package ask the ruling served on
 *    its payers and the respondents of its day (workflows/advance-execution.ts advanceServiceIds) — not on a respondent
 *    added after it (ADD_PARTY, Rules Art. 46(1)), whom it does not bind; the applicant employer who pays on a worker's
 *    counterclaim's ruling (Rules Art. 36) is asked for.
 * #2 equal shares (按份, Civil Code Art. 517(2)) of several amounts: the ruling prints each claim's order with its own
 *    parts, so an amount smaller in fen than the payers is refused (400 naming `equalShares`) whatever the others; what
 *    is accepted prints no part of 0.00, and the award's history recites each payer's parts of the ruling added up.
 */
type Party = { id: number; name: string };
type Answer = { status: number; body: { rule?: string; detail?: string; errors?: { path: string; message: string }[] } };

const JIA = '聊城壬机械有限公司';
const YI = '聊城癸电子有限公司';
const BING = '聊城子物流有限公司';
const BASIC = '聊城市东昌府区人民法院';
const FACTS = { facts: '经审理查明：被申请人拖欠工资。', reasoning: '本委认为：应予支付。', defenseSummary: '被申请人辩称已付' };

describe(`s61 A — advance payers after a change of respondents (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000', EARLIER_YEAR_ACCEPT_CONFIRMATION: 'false' } });
  const { ok, send } = caseEvents(() => t);
  const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
  const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
  const transfer = (c: { id: number }, on: string) =>
    send(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: BASIC }, on) as Promise<Answer>;
  const pkg = (c: { id: number }) =>
    t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution', court: BASIC }) as Promise<Answer>;
  const receipt = async (c: { id: number }, partyId: number) => {
    const r = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId, servedDocument: 'advance_execution_ruling' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;

  /** 甲 the one respondent; an advance ruling naming no payer on 10-20 (甲 pays); 乙 added on 10-22. */
  async function rulingThenAdded(n: number) {
    let c = (await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-10-09',
        applicants: [worker(`钱${n}`, 660 + n)],
        respondents: [{ ...employer(JIA), creditCode: '91371500MA3C7K2L12' }],
        claims: [{ category: 'wages', amount: '10000.00', description: '支付2025年10月至12月工资' }],
      }),
    )) as CaseView;
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    c = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-10-13');
    const jia = (c.respondents as Party[])[0]?.id as number;
    const claimId = (c.claims as { id: number }[])[0]?.id as number;
    await serve(c, 'application_copy', jia, '2026-10-15');
    await ok(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [claimId],
        appliedOn: '2026-10-16',
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId, amount: '3000.00' }],
        paymentDays: 10,
      },
      '2026-10-20',
    );
    const added = await ok(
      c,
      arb(0).token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { ...employer(YI), creditCode: '91371500MA3D8X5N3X' } },
      '2026-10-22',
    );
    const yi = (added.respondents as Party[]).at(-1)?.id as number;
    return { c, jia, yi };
  }

  it('#1 a respondent added after the ruling blocks neither the transfer nor the package; its payer unserved blocks both', async () => {
    const { c, jia, yi } = await rulingThenAdded(1);
    expect(yi).not.toBe(jia);
    // The payer not served: refused, naming him and not the respondent added later.
    const early = await transfer(c, '2026-10-23');
    expect(early.status, JSON.stringify(early.body)).toBe(422);
    expect(early.body.rule).toBe('advance-execution-not-served');
    expect(early.body.detail).toContain(`先予执行裁决书尚未送达被申请人${JIA}：`);
    expect(early.body.detail).not.toContain(YI);
    const before = await view(c);
    expect(before.proceedings.advanceExecutions[0].transferredOn).toBeNull();
    // The package alike: the ruling issued, its service on 甲 missing.
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'advance_execution_ruling' })).status).toBe(201);
    const unserved = await pkg(c);
    expect([unserved.status, unserved.body.rule]).toEqual([422, 'court-package-purpose']);
    expect(unserved.body.detail).toContain(`先予执行裁决书尚未送达被申请人${JIA}——`);
    expect(unserved.body.detail).not.toContain(YI);
    // Served on 甲 alone (乙 was never a party to it): the receipt lacking still refuses the package, naming 甲 only.
    await serve(c, 'advance_execution_ruling', jia, '2026-10-23');
    const noReceipt = await pkg(c);
    expect(noReceipt.status).toBe(422);
    expect(noReceipt.body.detail).toContain(`尚未出具（被申请人${JIA}）`);
    expect(noReceipt.body.detail).not.toContain(YI);
    await receipt(c, jia);
    const made = await pkg(c);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const done = await transfer(c, '2026-10-24');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const after = await view(c);
    expect(after.proceedings.advanceExecutions[0].transferredOn).toBe('2026-10-24');
    // The ruling orders 甲 alone: the letter names him alone as 被执行人 (the case's title names both respondents).
    const letter = await generatedText(t, a.tokens.clerk, c.id, { kind: 'court_transfer_letter' });
    expect(letter).toContain(`被执行人：${JIA}。`);
  });

  it('#1 a respondent of the ruling’s day it does not order to pay is still served first (the ruling names him a party)', async () => {
    const { c, arb: arbiter } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('孙1', 671)],
        respondents: [
          { ...employer(JIA), creditCode: '91371500MA3C7K2L12' },
          { ...employer(YI), creditCode: '91371500MA3D8X5N3X' },
        ],
      }),
    });
    const [jia, yi] = (c.respondents as Party[]).map((p) => p.id) as [number, number];
    const claimId = (c.claims as { id: number }[])[0]?.id as number;
    await ok(
      c,
      arbiter.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [claimId],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId, amount: '3000.00' }],
        paymentDays: 7,
        obligorIds: [jia],
      },
      '2026-03-26',
    );
    await serve(c, 'advance_execution_ruling', jia, '2026-03-27');
    const r = await transfer(c, '2026-03-28');
    expect([r.status, r.body.rule]).toEqual([422, 'advance-execution-not-served']);
    expect(r.body.detail).toContain(`先予执行裁决书尚未送达被申请人${YI}：`);
    await serve(c, 'advance_execution_ruling', yi, '2026-03-27');
    expect((await transfer(c, '2026-03-28')).status).toBe(200);
  });

  it("#1 a worker's counterclaim paid in advance: the applicant employer who pays is served first (Rules Art. 36)", async () => {
    const body = standardApplication({
      applicants: [employer(BING)],
      respondents: [worker('李1', 672)],
      claims: [{ category: 'damages', amount: '5000.00', description: '赔偿损失' }],
    });
    const { c, arb: arbiter } = await caseAt(t, a, 'heard', { body });
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '反申请：支付工资',
        claims: [{ category: 'wages', amount: '8000.00', description: '拖欠工资' }],
        filedOn: '2026-03-06',
      },
      '2026-03-26',
    );
    const counter = (v.claims as { id: number; counterclaim?: boolean }[]).find((x) => x.counterclaim)?.id as number;
    const ruled = await ok(
      c,
      arbiter.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [counter],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        paymentDays: 7,
        amounts: [{ claimId: counter, amount: '3000.00' }],
      },
      '2026-03-27',
    );
    const employerId = (ruled.applicants as Party[])[0]?.id as number;
    const workerId = (ruled.respondents as Party[])[0]?.id as number;
    await serve(c, 'advance_execution_ruling', workerId, '2026-03-28');
    const r = await transfer(c, '2026-03-29');
    expect([r.status, r.body.rule]).toEqual([422, 'advance-execution-not-served']);
    expect(r.body.detail).toContain(`先予执行裁决书尚未送达申请人${BING}：`);
    await serve(c, 'advance_execution_ruling', employerId, '2026-03-28');
    expect((await transfer(c, '2026-03-29')).status).toBe(200);
  });

  /** 甲、乙、丙 respondents, heard on 11-05, two wage claims. */
  async function threeRespondents(n: number) {
    let c = (await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-10-09',
        applicants: [worker(`吴${n}`, 680 + n)],
        respondents: [
          { ...employer(JIA), creditCode: '91371500MA3C7K2L12' },
          { ...employer(YI), creditCode: '91371500MA3D8X5N3X' },
          { ...employer(BING), creditCode: creditCode('91371500MA3E8X5N3') },
        ],
        claims: [
          { category: 'wages', amount: '200.00', description: '支付2025年12月工资' },
          { category: 'wages', amount: '200.00', description: '支付2025年12月加班工资' },
        ],
      }),
    )) as CaseView;
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    c = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-10-13');
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-05', place: '第一仲裁庭' }, '2026-10-14');
    for (const p of [...(c.applicants as Party[]), ...(c.respondents as Party[])]) await serve(c, 'hearing_notice', p.id, '2026-10-15');
    for (const p of c.respondents as Party[]) await serve(c, 'application_copy', p.id, '2026-10-15');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-05');
    const ids = (c.respondents as Party[]).map((p) => p.id) as [number, number, number];
    const [w1, w2] = (c.claims as { id: number }[]).map((x) => x.id) as [number, number];
    const advance = (amounts: [string, string]) =>
      send(
        c,
        arb(0).token,
        'ADVANCE_EXECUTION',
        {
          claimIds: [w1, w2],
          rightsClear: true,
          lifeSeriouslyAffected: true,
          amounts: [
            { claimId: w1, amount: amounts[0] },
            { claimId: w2, amount: amounts[1] },
          ],
          paymentDays: 7,
          obligorIds: ids,
          equalShares: true,
        },
        '2026-11-06',
      ) as Promise<Answer>;
    return { c, ids, w1, w2, advance };
  }

  it('#2 an amount smaller in fen than the payers is refused naming equalShares, whatever the others; nothing recorded', async () => {
    const { c, advance } = await threeRespondents(1);
    const before = await view(c);
    // 0.01 + 100.00 over three: the ruling orders each claim with its own parts — 0.01 would be 0.01, 0.00, 0.00.
    const r = await advance(['0.01', '100.00']);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect((r.body.errors ?? []).map((e) => e.path)).toEqual(['equalShares']);
    expect(r.body.errors?.[0]?.message).toContain('0.01元由3名支付义务人按份平均分担，每人不足一分');
    const after = await view(c);
    expect(after.version).toBe(before.version);
    expect(after.proceedings.advanceExecutions).toEqual([]);
  });

  it('#2 several amounts by equal shares accepted: each claim printed with its parts, the award reciting each payer’s sum', async () => {
    const { c, ids, w1, w2, advance } = await threeRespondents(2);
    // 100.01 and 100.01 over three: each divides as 33.35 + 33.33 + 33.33 (甲 named first carries the fen).
    const r = await advance(['100.01', '100.01']);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ruling = await generatedText(t, arb(0).token, c.id, { kind: 'advance_execution_ruling' });
    const parts = `被申请人${JIA}、${YI}、${BING}按份承担上述款项，其中被申请人${JIA}承担33.35元（人民币叁拾叁元叁角伍分），被申请人${YI}、${BING}各承担33.33元（人民币叁拾叁元叁角叁分）`;
    expect(ruling.split(parts).length - 1).toBe(2);
    expect(ruling).not.toMatch(/[^\d.]0\.00元/u);
    // The award's history recites what the ruling ordered each: 甲 66.70, 乙 and 丙 66.66 each (summing to 200.02) —
    // not an equal split of 200.02 (66.68 + 66.67 + 66.67), which no part the ruling printed adds up to.
    const items = [w1, w2].map((claimId) => ({ claimId, outcome: 'granted', amount: '200.00', obligorIds: ids, equalShares: true }));
    const aw = (await send(c, arb(0).token, 'ISSUE_AWARD', { items, ...FACTS }, '2026-11-10')) as Answer;
    expect(aw.status, JSON.stringify(aw.body)).toBe(200);
    const award = await generatedText(t, arb(0).token, c.id, { kind: 'award' });
    expect(award).toContain(
      `被申请人${JIA}、${YI}、${BING}按份承担上述款项，其中被申请人${JIA}承担66.70元（人民币陆拾陆元柒角），被申请人${YI}、${BING}各承担66.66元（人民币陆拾陆元陆角陆分）`,
    );
    expect(award).not.toContain('66.67元');
  });

  it('#2 the smallest amount at one fen a payer is accepted and printed with no part of 0.00', async () => {
    const { c, advance } = await threeRespondents(3);
    const r = await advance(['0.03', '100.00']);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ruling = await generatedText(t, arb(0).token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain(`被申请人${JIA}、${YI}、${BING}各承担上述款项的三分之一，即各0.01元`);
    expect(ruling).toContain(`其中被申请人${JIA}承担33.34元（人民币叁拾叁元叁角肆分），被申请人${YI}、${BING}各承担33.33元`);
    expect(ruling).not.toMatch(/[^\d.]0\.00元/u);
  });
});
