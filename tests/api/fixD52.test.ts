import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { idNumber, worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, generatedText, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/** fixD52: the outside checks of round 52 on the documents, the court package and the report (docs52). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

describe(`fixD52 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('docs52 H1: two applicants of one name are told apart in the split award and the notices (LDMAL Arts. 46, 51)', async () => {
    const body = standardApplication({
      applicants: [
        {
          ...worker('张三'),
          idNumber: idNumber('371502', '19900101', 123),
          agents: [{ name: '王某', kind: 'relative', relationship: '配偶' }],
        },
        {
          ...worker('张三'),
          idNumber: idNumber('371502', '19850505', 221),
          agents: [{ name: '李某', kind: 'relative', relationship: '父亲' }],
        },
      ],
      claims: [
        { category: 'wages', amount: '12000.00', description: '2026年5月至7月工资', applicant: 1 },
        { category: 'wages', amount: '9000.50', description: '2026年6月至7月工资', applicant: 2 },
        { category: 'economic_compensation', amount: '80000.00', description: '解除劳动合同经济补偿', applicant: 1 },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const amounts = ['12000.00', '4500.25', '40000.00'];
    const items = amounts.map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: i ? 'partly' : 'granted', amount }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect(v.award).toMatchObject({ finality: 'mixed' });
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const [one, two] = await Promise.all(
      (r.body.documents as { id: number }[]).map(async (x) => flat(pdfRaw(await downloadDocument(t, arb.token, x.id)))),
    );
    // 第1-1号: both workers, each by the label the party block gives him, each item with its creditor.
    expect(one).toContain('申请人：张三（一），男，1990年1月1日出生');
    expect(one).toContain('申请人：张三（二），男，1985年5月5日出生');
    expect(one).toContain('委托代理人：王某，系申请人张三（一）的配偶');
    expect(one).toContain('委托代理人：李某，系申请人张三（二）的父亲');
    expect(one).toContain('申请人张三（一）、张三（二）与被申请人聊城某某机械有限公司');
    expect(one).toContain('支付申请人张三（一）2026年5月至7月工资12000.00元');
    expect(one).toContain('支付申请人张三（二）2026年6月至7月工资4500.25元');
    expect(one).toContain('驳回申请人张三（二）关于2026年6月至7月工资的其他仲裁请求');
    expect(one).toContain('申请人张三（一）关于解除劳动合同经济补偿的仲裁请求，本委另行作出聊劳人仲案字〔2026〕第1-2号');
    expect(one).not.toMatch(/张三(?!（)/u);
    // 第1-2号: the first worker alone as a party; the other document's claims each with its own worker.
    expect(two).toContain('申请人：张三（一），男');
    expect(two).not.toContain('申请人：张三（二）');
    expect(two).toContain(
      '申请人张三（一）关于2026年5月至7月工资的仲裁请求、申请人张三（二）关于2026年6月至7月工资的仲裁请求，本委另行作出聊劳人仲案字〔2026〕第1-1号终局裁决书',
    );
    expect(two).not.toMatch(/张三(?!（)/u);
    // The notices: addressed and headed with the same labels.
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    expect(notice).toContain('张三（一）、张三（二）、聊城某某机械有限公司：申请人张三（一）、张三（二）与被申请人');
    // A name no other party bears is printed as it is.
    const single = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('张四', 52)] }) });
    const plain = await generatedText(t, a.tokens.clerk, single.c.id, { kind: 'respond_notice' });
    expect(plain).toContain('张四');
    expect(plain).not.toContain('张四（');
  });
});
