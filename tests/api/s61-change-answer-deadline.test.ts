import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s61 (new user's walk #1; Rules Art. 44, LDMAL Arts. 22(2), 30): the deadline 「变更仲裁请求后的答辩期」 is met only
 * when every respondent has filed a defence since the changed claims reached them — not by one co-respondent's
 * defence, nor by a defence filed before the change was served; and a period not yet begun (the change not yet served
 * on all) is never shown as met.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z' });
const { ok } = caseEvents(() => t);
const D1 = '2026-12-01';
const D3 = '2026-12-03';
type Body = Record<string, unknown>;

describe(`s61: the answer period after a change of claims is each respondent's (${DB})`, () => {
  it('one respondent’s defence — before the change or after it — does not meet the period; both after it do', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker('变更答辩甲', 881)],
        receivedOn: D1,
        respondents: [
          { ...employer('聊城丙劳务派遣有限公司'), creditCode: creditCode('91371500MA3J8X5N3') },
          { ...employer('聊城丁用工单位有限公司'), creditCode: creditCode('91371500MA3K8X5N3') },
        ],
      }),
      acceptOn: D1,
      formOn: D1,
    });
    const [agency, user] = c.respondents.map((p) => p.id as number) as [number, number];
    const serve = (document: string, partyId: number, on: string) =>
      ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
    const row = async () => {
      const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView & { deadlines: Body[] };
      return v.deadlines.find((d) => d.kind === 'defense_after_claims_change') as Body;
    };
    for (const id of [agency, user]) await serve('application_copy', id, D1);
    // The agency answers the claims as they were, on the day of the change.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: agency, filedOn: D3 }, D3);
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { add: [{ category: 'wages', amount: '2000.00', description: '2026年11月工资' }] }, D3);
    // Not yet served on the respondents: not begun, and not met.
    let d = await row();
    expect(d.dueOn).toBeNull();
    expect(d.metOn ?? null).toBeNull();
    expect(d.status).not.toBe('met');
    // Served on both on 12-04: the period runs from then; the agency's defence of 12-03 answered the old claims.
    for (const id of [agency, user]) await serve('claims_change_copy', id, '2026-12-04');
    d = await row();
    expect(d.dueOn).not.toBeNull();
    expect(d.status).not.toBe('met');
    // The agency answers the change: the user unit has not — still open.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: agency, filedOn: '2026-12-05' }, '2026-12-05');
    expect((await row()).status).not.toBe('met');
    // The user unit answers too: met, on the later of the two.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: user, filedOn: '2026-12-07' }, '2026-12-07');
    d = await row();
    expect(d.status).toBe('met');
  });

  it('Rules Art. 58: a simple case’s answer period cancelled (0 days) with the respondent’s consent is said as cancelled', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ procedure: 'simple', applicants: [worker('取消答辩期', 883)], receivedOn: D1 }),
      acceptOn: D1,
      formOn: D1,
    });
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-12-02');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct', servedOn: D3 },
      D3,
    );
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { deadlines: Body[] };
    const d = v.deadlines.find((x) => x.kind === 'defense') as Body;
    expect(d.explanation).toContain('经被申请人同意取消答辩期');
    expect(d.explanation).not.toContain('缩短为0');
  });
});
