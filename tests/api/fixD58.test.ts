import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixD58 (outside checkers legal58a, docs58): documents found wrong.
 * #1 an advance execution against several respondents says who owes what (LDMAL Art. 44; SPC Enforcement Provisions
 *    Art. 16): `jointLiability` worded as an award item's 连带 sentence, else 400 naming it; the item's words without
 *    the total written in the claim (「支付两人工资合计6000.00元6000.00元」).
 * #2 the onward-transfer 决定书 of a case taken in on transfer recites the superior department's designation (Rules
 *    Art. 9) and says the case is outside the commission's jurisdiction once.
 * #3 an award on a case with a third party accounts for him at each hearing (LDMAL Art. 23); HOLD_HEARING warns when
 *    `thirdPartyPresent` is missing.
 * #4 the review 调解书 recites the day the agreement was reached (`agreement.agreedOn`), never its effective day in its
 *    place (Rules Art. 74).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string };
const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);
const A = '聊城甲机械有限公司';
const B = '聊城乙机械有限公司';
const OTHER = '临清市劳动人事争议仲裁委员会';
const THIRD = '茌平区劳动人事争议仲裁委员会';

/** Two workers, two respondents, one claim of the workers together written with its total, heard. */
async function twoRespondents(n: number, amount = '12000.00') {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`刘一${n}`, 900 + 2 * n), worker(`刘二${n}`, 901 + 2 * n)],
      respondents: [employer(A), { ...employer(B), creditCode: '91371500MA3D8X5N3X' }],
      claims: [{ category: 'wages', amount, description: '支付两人工资合计6000.00元' }],
    }),
  });
  const [r1, r2] = (c.respondents as Party[]).map((p) => p.id) as [number, number];
  return { c, arb, r1, r2, claimId: (c.claims[0] as { id: number }).id };
}
const advance = (claimId: number, extra: Record<string, unknown> = {}) => ({
  claimIds: [claimId],
  appliedOn: '2026-03-20',
  rightsClear: true,
  lifeSeriouslyAffected: true,
  amounts: [{ claimId, amount: '6000.00' }],
  paymentDays: 10,
  ...extra,
});

describe(`fixD58 #1: an advance execution against several respondents says who owes what (${DB})`, () => {
  it('several payers and no jointLiability: 400 naming it; joint with one payer: 400', async () => {
    const { c, arb, r1, r2, claimId } = await twoRespondents(1);
    // fixA59: none named ({}) is now recorded with a warning and printed as equal shares, as an award item (fixA59.test.ts).
    for (const extra of [{ obligorIds: [r2, r1] }, { obligorIds: [r2, r1], jointLiability: false }]) {
      const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, extra), '2026-03-26');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(paths(r)).toContain('jointLiability');
    }
    const one = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, { obligorIds: [r2], jointLiability: true }), '2026-03-26');
    expect(one.status).toBe(400);
    expect(paths(one)).toContain('jointLiability');
    // One payer named: no joint liability to say.
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, { obligorIds: [r2] }), '2026-03-26');
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain(`被申请人${B}于本裁决书送达之日起十日内先行向申请人刘一1、刘二1支付两人工资6000.00元`);
  });

  it('jointLiability: the ruling, the case view and the award history say the 连带 sentence as the award does', async () => {
    const { c, arb, r1, r2, claimId } = await twoRespondents(2);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, { obligorIds: [r2, r1], jointLiability: true }), '2026-03-26');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as {
      proceedings: { advanceExecutions: { jointLiability?: boolean; obligorIds?: number[] }[] };
    };
    expect(view.proceedings.advanceExecutions[0]).toMatchObject({ obligorIds: [r2, r1], jointLiability: true });
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain(
      `一、被申请人${B}于本裁决书送达之日起十日内先行向申请人刘一2、刘二2支付两人工资6000.00元（人民币陆仟元整），被申请人${A}对上述款项承担连带责任。`,
    );
    expect(ruling).not.toContain(`被申请人${B}、${A}`);
    // The item's words without the claim's own total (not 「合计6000.00元6000.00元」).
    expect(ruling).not.toContain('合计6000.00元');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId, outcome: 'partly', amount: '10000.00', obligorIds: [r2, r1], jointLiability: true }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toContain(
      `作出先予执行裁决，裁决被申请人${B}先行向申请人刘一2、刘二2支付两人工资6000.00元（人民币陆仟元整），被申请人${A}对上述款项承担连带责任。`,
    );
    expect(award).toContain(`被申请人${B}于本裁决生效之日起十日内向申请人刘一2、刘二2支付`);
    expect(award).toContain(`被申请人${A}对上述款项承担连带责任`);
  });
});

describe(`fixD58 #2: the onward-transfer 决定书 recites the designation as its basis (${DB})`, () => {
  it('department, number and date; the finding said once', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('移送1', 951)] }));
    await ok(c, a.tokens.clerk, 'ACCEPT_TRANSFER', { fromCommission: OTHER }, '2026-03-05');
    await ok(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      {
        toCommission: THIRD,
        reason: '不属本委管辖',
        designation: { department: '聊城市人力资源和社会保障局', documentNo: '聊人社指〔2026〕1号', decidedOn: '2026-03-09' },
      },
      '2026-03-10',
    );
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'transfer' });
    expect(text).toContain(
      `本案系${OTHER}移送本委的案件。经审查，本案不属本委管辖，本委报请聊城市人力资源和社会保障局指定管辖，聊城市人力资源和社会保障局于二〇二六年三月九日以聊人社指〔2026〕1号指定本案由${THIRD}管辖。依照《劳动人事争议仲裁办案规则》第九条之规定，本委决定：本案移送${THIRD}处理。`,
    );
    expect(text).not.toContain('本案不属于本委管辖');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as {
      proceedings: { transferOut: { designation?: unknown } };
    };
    expect(view.proceedings.transferOut.designation).toEqual({
      department: '聊城市人力资源和社会保障局',
      documentNo: '聊人社指〔2026〕1号',
      decidedOn: '2026-03-09',
    });
  });

  it('a case accepted here: the reason said once', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(c, a.tokens.chair, 'TRANSFER_CASE', { toCommission: OTHER, reason: '不属本委管辖' }, '2026-03-06');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'transfer' });
    expect(text).toContain(`经审查，本案不属本委管辖。依照《劳动人事争议仲裁办案规则》第九条之规定，本委决定：本案移送${OTHER}处理。`);
    expect(text).not.toContain('本案不属于本委管辖');
  });
});

describe(`fixD58 #3: the award's hearing account covers the third party (${DB})`, () => {
  it('HOLD_HEARING without thirdPartyPresent warns; the award says it was not recorded; recorded, it says so', async () => {
    for (const [n, present] of [
      [1, undefined],
      [2, true],
    ] as const) {
      const { c, arb } = await caseAt(t, a, 'hearing_scheduled', {
        body: standardApplication({ applicants: [worker(`三${n}`, 960 + n)] }),
      });
      const added = await ok(
        c,
        arb.token,
        'ADD_PARTY',
        { side: 'third_party', ground: 'interested_third_party', party: { kind: 'organization', name: `聊城第三${n}劳务派遣有限公司` } },
        '2026-03-10',
      );
      const third = (added.thirdParties as { id: number }[])[0]?.id;
      for (const document of ['addition_notice', 'hearing_notice'])
        await ok(c, a.tokens.clerk, 'SERVE', { document, partyId: third, method: 'direct' }, '2026-03-11');
      const held = await send(
        c,
        arb.token,
        'HOLD_HEARING',
        { applicantPresent: true, respondentPresent: true, ...(present === undefined ? {} : { thirdPartyPresent: present }) },
        '2026-03-25',
      );
      expect(held.status, JSON.stringify(held.body)).toBe(200);
      const warned = JSON.stringify(held.body.warnings ?? []);
      if (present === undefined) expect(warned).toContain('thirdPartyPresent');
      else expect(warned).not.toContain('thirdPartyPresent');
      await ok(
        c,
        arb.token,
        'ISSUE_AWARD',
        {
          items: (c.claims as { id: number }[]).map((x) => ({ claimId: x.id, outcome: 'dismissed' })),
          facts: FACTS,
          reasoning: REASONING,
          defenseSummary: DEFENSE,
        },
        '2026-04-10',
      );
      const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
      expect(award).not.toContain('申请人、被申请人均到庭参加仲裁活动');
      expect(award).toContain(
        present === undefined
          ? '申请人、被申请人到庭参加仲裁活动，第三人是否到庭未予记录。'
          : '申请人、被申请人、第三人均到庭参加仲裁活动。',
      );
    }
  });
});

describe(`fixD58 #4: the review 调解书 says the day the agreement was reached, not its effective day (${DB})`, () => {
  const review = async (agreement: Record<string, unknown>) => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-03-10',
        agreement: { effectiveOn: '2026-03-02', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元', ...agreement },
      }),
    );
    return r;
  };
  it('agreedOn after effectiveOn: 400 naming it; recorded: printed; not recorded: no date of reaching it', async () => {
    const late = await review({ agreedOn: '2026-03-03' });
    expect(late.status).toBe(400);
    expect(paths(late)).toContain('agreement.agreedOn');
    const arb = a.arbitrators[0] as { id: number; token: string };
    for (const agreedOn of ['2026-02-27', undefined]) {
      const r = await review(agreedOn ? { agreedOn } : {});
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const c = r.body as { id: number; version: number };
      await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11');
      await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
      await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年5月15日前支付申请人工资5000元' }, '2026-03-16');
      const text = await generatedText(t, arb.token, c.id, { kind: 'mediation_document' });
      expect(text).not.toContain('于二〇二六年三月二日经某某街道劳动争议调解委员会调解达成调解协议');
      expect(text).toContain(
        agreedOn
          ? '双方当事人于二〇二六年二月二十七日经某某街道劳动争议调解委员会调解达成调解协议，于二〇二六年三月十日共同向本委申请仲裁审查。'
          : '双方当事人经某某街道劳动争议调解委员会调解达成调解协议，该协议于二〇二六年三月二日生效，于二〇二六年三月十日共同向本委申请仲裁审查。',
      );
    }
  });
});
