import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s64 D #1 (a new user's walk) — the award form's preview and confirmation said of a claim ordered paid in advance
 * (先予执行, LDMAL Art. 44; domain.md §9.2) a wording the 裁决书 does not print: 「裁决书写明被申请人无需另行支付」 where the
 * advance equals the amount awarded, 「尚需支付X元」 where it is less — the award orders the whole amount and says
 * 「已先予执行的部分在执行时予以扣减」 (a ruling is not a payment). The warning now quotes the award's words, from their
 * one home (workflows/advance-execution.ts), and the PDF is read for them.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

describe(`s64 D #1 — the advance-execution warning says what the award prints (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('an advance equal to the amount awarded, less than it, and on a claim dismissed: the preview quotes the 裁决书', async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '20000.00', description: '支付2025年10月至12月工资' },
        { category: 'economic_compensation', amount: '26400.00', description: '支付解除劳动合同经济补偿' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const [wages, comp] = ids(c) as [number, number];
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [wages, comp],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [
          { claimId: wages, amount: '18000.00' },
          { claimId: comp, amount: '5000.00' },
        ],
        paymentDays: 7,
      },
      '2026-03-26',
    );
    const preview = async (items: Record<string, unknown>[]) => {
      const r = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { items });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items as { claimId: number; advanceExecution?: { amount: string; remaining: string | null; message: string } }[];
    };

    // Less than the amount awarded: never 「尚需支付」 — the award orders 20000 and deducts what was executed.
    const [less] = await preview([{ claimId: wages, outcome: 'granted', amount: '20000.00' }]);
    expect(less?.advanceExecution).toMatchObject({ amount: '18000.00', remaining: '2000.00' });
    expect(less?.advanceExecution?.message).toBe(
      `该请求已于2026-03-26裁决先予执行18000.00元（劳动争议调解仲裁法第四十四条），少于本项裁决金额：裁决书写明本项裁决金额20000.00元及已裁决先行支付18000.00元，已先予执行的部分在执行时予以扣减`,
    );
    expect(less?.advanceExecution?.message).not.toContain('尚需支付');

    // Equal to it, with the other claim dismissed — the items the award below is made of.
    const items = [
      { claimId: wages, outcome: 'granted', amount: '18000.00' },
      { claimId: comp, outcome: 'dismissed' },
    ];
    const [equal, dismissed] = await preview(items);
    expect(equal?.advanceExecution).toMatchObject({ amount: '18000.00', remaining: '0.00' });
    expect(equal?.advanceExecution?.message).toContain(
      `等于本项裁决金额：裁决书写明本项裁决金额18000.00元及已裁决先行支付18000.00元，已先予执行的部分在执行时予以扣减`,
    );
    expect(equal?.advanceExecution?.message).not.toContain('无需另行支付');
    expect(dismissed?.advanceExecution?.message).toContain(
      `本项未裁决支付：裁决书写明已裁决先行支付5000.00元，本裁决对该项请求未予支持，已依先予执行裁决执行的款项，申请人应当予以返还（执行回转）`,
    );

    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    // What the preview quoted is what the 裁决书 prints, in the item ordering the whole amount…
    expect(award).toContain(
      '向申请人张三支付2025年10月至12月工资18000.00元（人民币壹万捌仟元整），本委于二〇二六年三月二十六日作出的先予执行裁决已裁决先行支付18000.00元（人民币壹万捌仟元整），已先予执行的部分在执行时予以扣减',
    );
    // …and in the paragraph of the claim dismissed.
    expect(award).toContain(
      '已裁决先行支付5000.00元（人民币伍仟元整）；本裁决对该项请求未予支持，已依先予执行裁决执行的款项，申请人应当予以返还（执行回转）。',
    );
    expect(award).not.toContain('无需另行支付');
    expect(award).not.toContain('尚需支付');
  });
});
