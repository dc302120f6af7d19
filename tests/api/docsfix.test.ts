import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, claimIds } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/** An outside documents reviewer (docsfix): lead-ins kept with what they introduce, court packages, receipts, stats. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

async function generated(c: { id: number }, token: string, body: Record<string, unknown>) {
  const r = await t.api(token).post(`/api/cases/${c.id}/documents`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const raw = pdfRaw(await downloadDocument(t, token, r.body.documents[0].id));
  return { raw, text: flat(raw), pageTexts: raw.split('\f').map(flat).filter(Boolean), doc: r.body.documents[0] };
}

describe(`reviewer docsfix (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: the 先予执行裁决书’s 「裁决如下：」 is never the last line of a page (kept with the first order)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        claims: [
          { category: 'work_injury_medical', amount: '20000.00', description: '工伤医疗费' },
          { category: 'wages', amount: '4000.00', description: '2025年10月工资' },
        ],
      }),
    });
    const [first] = claimIds(c);
    await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [first],
        appliedOn: '2026-03-20',
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: first, amount: '15000.00' }],
        paymentDays: 5,
      },
      '2026-03-28',
    );
    const ruling = await generated(c, arb.token, { kind: 'advance_execution_ruling' });
    for (const p of ruling.pageTexts) expect(p.replace(/第\d+页共\d+页$/u, ''), ruling.raw).not.toMatch(/[：:]$/u);
    expect(ruling.text).toContain('裁决如下：一、被申请人');
  });
});
