import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, claimIds as ids } from '../helpers/case-fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * Partial awards and the claims an award may decide, at their edges (an outside legal tester's findings, stop 36):
 * a partial award comes after a hearing (LDMAL Art. 43(2); Rules Art. 49) and never decides everything still open (that
 * is the award, which closes the case — LDMAL Art. 46); no item is awarded more than its claim asks (不告不理); a claim
 * only given up changes nothing the respondent must answer and restarts no clock (Rules Arts. 35, 44, 46); a
 * counterclaim decided against an absent applicant needs the hearing notice proven served (LDMAL Art. 36).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const { send, ok } = caseEvents(() => t);
const THREE = standardApplication({
  claims: [
    { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
    { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
    { category: 'damages', amount: '8000.00', description: '未签书面劳动合同二倍工资差额' },
  ],
});
const deadline = (v: CaseView, kind: string) =>
  (v.deadlines as { kind: string; startsOn: string; dueOn: string }[]).find((d) => d.kind === kind);

describe(`partial awards and what an award decides (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a partial award comes after a hearing, and one that would decide every open claim is the award', async () => {
    const scheduled = await caseAt(t, a, 'hearing_scheduled', { body: THREE });
    const [w] = ids(scheduled.c);
    const early = await send(
      scheduled.c,
      scheduled.arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: w, outcome: 'granted', amount: '12000.00' }] },
      '2026-03-20',
    );
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('partial-award-before-hearing');
    // Nor is it offered before then: what next-events lists is what the case takes.
    const types = async (id: number) =>
      ((await t.api(scheduled.arb.token).get(`/api/cases/${id}/next-events?all=true`)).body as { type: string }[]).map((e) => e.type);
    expect(await types(scheduled.c.id)).not.toContain('PARTIAL_AWARD');
    expect(await types(scheduled.c.id)).toContain('HOLD_HEARING');

    const { c, arb } = await caseAt(t, a, 'heard', { body: THREE });
    const [wages, comp, dbl] = ids(c);
    expect(await types(c.id)).toContain('PARTIAL_AWARD');
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }] }, '2026-03-26');
    const all = await send(
      c,
      arb.token,
      'PARTIAL_AWARD',
      {
        items: [
          { claimId: comp, outcome: 'dismissed' },
          { claimId: dbl, outcome: 'dismissed' },
        ],
      },
      '2026-03-27',
    );
    expect(all.status).toBe(422);
    expect(all.body.rule).toBe('partial-award-decides-every-claim');
    // Nor is the last open claim given up while the rest were decided by partial awards: nothing would be left for the
    // award to decide (withdraw the application instead).
    const last = await send(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [comp, dbl] }, '2026-03-27');
    expect(last.status).toBe(422);
    expect(last.body.rule).toBe('withdraw-all-is-withdrawal');
    expect(last.body.detail).toContain('部分裁决');
    // The same items as the award close the case.
    const done = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: comp, outcome: 'dismissed' },
          { claimId: dbl, outcome: 'dismissed' },
        ],
      },
      '2026-03-27',
    );
    expect(done.state).toBe('award_issued');
  });

  it('no item is awarded more than its claim asks (不告不理), nor supported with nothing, in an award or a partial award', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: THREE });
    const [wages, comp] = ids(c);
    for (const type of ['PARTIAL_AWARD', 'ISSUE_AWARD'] as const) {
      const r = await send(c, arb.token, type, { items: [{ claimId: wages, outcome: 'granted', amount: '12000.01' }] }, '2026-03-26');
      expect(r.status).toBe(400);
      expect(r.body.errors[0].path).toBe('items.0.amount');
      expect(r.body.errors[0].message).toContain('12000.00');
      // Nor is a claim supported with nothing to pay: that is a dismissal (LDMAL Art. 46, a definite result).
      for (const outcome of ['partly', 'granted'])
        for (const amount of ['0', '0.00']) {
          const nothing = await send(c, arb.token, type, { items: [{ claimId: wages, outcome, amount }] }, '2026-03-26');
          expect(nothing.status).toBe(400);
          expect(nothing.body.errors[0]).toMatchObject({ path: 'items.0.amount', message: expect.stringContaining('驳回') });
        }
    }
    // The claim's own amount is granted in full.
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '12000.00' },
          { claimId: comp, outcome: 'dismissed' },
        ],
      },
      '2026-03-26',
    );
  });

  it('a claim given up after the hearing is recorded; giving up restarts no clock and opens no new defense period', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: THREE });
    const [, , dbl] = ids(c);
    const before = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/deadlines`);
    const award = (before.body as { kind: string; startsOn: string; dueOn: string }[]).find((d) => d.kind === 'award');
    // Adding a claim after the hearing is a new application (Rules Art. 44)…
    const add = await send(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'wages', amount: '1.00', description: '加班费' }] },
      '2026-03-26',
    );
    expect(add.status).toBe(422);
    expect(add.body.rule).toBe('claims-change-after-hearing');
    // …giving one up is not (Rules Art. 35: until the award).
    const v = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [dbl] }, '2026-03-26');
    expect(deadline(v, 'award')).toMatchObject({ startsOn: award?.startsOn, dueOn: award?.dueOn });
    expect(deadline(v, 'defense_after_claims_change')).toBeUndefined();
    const [wages, comp] = ids(c);
    const done = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '12000.00' },
          { claimId: comp, outcome: 'dismissed' },
        ],
      },
      '2026-03-27',
    );
    expect(done.state).toBe('award_issued');
  });

  it('a counterclaim decided against an absent applicant needs the hearing notice proven served on it', async () => {
    const { c, arb } = await caseAt(t, a, 'accepted');
    const r0 = c.respondents[0]?.id;
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: r0, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '被申请人反申请：申请人返还培训费用',
        claims: [{ category: 'damages', amount: '5000.00', description: '返还培训费用' }],
      },
      '2026-03-10',
    );
    const cc = (v.claims as { id: number; counterclaim?: boolean }[]).find((x) => x.counterclaim)?.id;
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-12');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-30');
    const item = { items: [{ claimId: cc, outcome: 'granted', amount: '5000.00' }] };
    const refused = await send(c, arb.token, 'PARTIAL_AWARD', item, '2026-03-31');
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('default-award-notice-not-proven');
    expect(refused.body.detail).toContain('缺席裁决反申请请求');
    // The applicant's own claims are not decided in its default: they go on as before.
    const [wages] = ids(c);
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: wages, outcome: 'granted', amount: '12000.00' }] }, '2026-03-31');
  });
});
