import { describe, expect, it } from 'vitest';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * docs54 #2: a money claim of several worker-applicants naming none of them is the applicants' together — the award
 * orders the sum to them all and judges finality on the sum (LDMAL Art. 47(1) reads each worker's own claim): the clerk
 * is told at registration and at a correction of the claims (`partyWarnings`), never refused.
 */
const { t, a } = apiSuite({ env: { TOKEN_TTL_HOURS: '100000' } });
const DB = process.env.TEST_DB ?? 'sqlite';
const two = () => [worker('甲共同', 541), worker('乙共同', 542)];
const joint = (w: unknown) => ((w ?? []) as string[]).filter((x) => x.includes('未指明申请人'));

describe(`a joint money claim of several workers is said (${DB})`, () => {
  it('registration: each money claim naming no applicant, with its sum; one naming its worker, or a sole worker, says nothing', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        applicants: two(),
        claims: [
          { category: 'economic_compensation', amount: '60000.00', description: '违法解除劳动合同赔偿金' },
          { category: 'wages', amount: '8000.00', description: '甲的工资', applicant: 1 },
          { category: 'confirm_relationship', description: '确认劳动关系' },
        ],
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const said = joint(r.body.partyWarnings);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('第1项请求（经济补偿60000.00元）未指明申请人，为2名申请人共同的请求');
    expect(said[0]).toContain('第四十七条第一项');
    // s60 W2 #2: the claims' warnings on their own too (claimWarnings), the same words.
    expect(r.body.claimWarnings).toEqual(said);

    const sole = await t.api(a.tokens.clerk).post('/api/cases', standardApplication({ applicants: [worker('丙单独', 543)] }));
    expect(sole.status).toBe(201);
    expect(joint(sole.body.partyWarnings)).toHaveLength(0);
    expect(sole.body.claimWarnings).toBeUndefined();
  });

  it('a correction: a kept claim keeps its worker (no warning); one made joint is said', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        applicants: two(),
        claims: [
          { category: 'wages', amount: '8000.00', description: '甲的工资', applicant: 1 },
          { category: 'wages', amount: '9000.00', description: '乙的工资', applicant: 2 },
        ],
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(joint(r.body.partyWarnings)).toHaveLength(0);
    const [c1, c2] = r.body.claims as { id: number }[];
    const kept = await t.api(a.tokens.clerk).patch(`/api/cases/${r.body.id}`, {
      claims: [
        { id: c1?.id, category: 'wages', amount: '8500.00', description: '甲的工资' },
        { id: c2?.id, category: 'wages', amount: '9000.00', description: '乙的工资' },
      ],
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(joint(kept.body.partyWarnings)).toHaveLength(0);
    expect(kept.body.claimWarnings).toBeUndefined();
    const made = await t.api(a.tokens.clerk).patch(`/api/cases/${r.body.id}`, {
      claims: [
        { id: c1?.id, category: 'wages', amount: '8500.00', description: '甲的工资' },
        { id: c2?.id, category: 'wages', amount: '9000.00', description: '二人的工资', applicant: null },
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(joint(made.body.partyWarnings)).toEqual([expect.stringContaining('第2项请求（劳动报酬9000.00元）未指明申请人')]);
    expect(made.body.claimWarnings).toEqual(joint(made.body.partyWarnings));
  });
});
