import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application } from '../helpers/fixtures.ts';

/**
 * fixU57 #3: next-events with `blocked=true` lists the acts the state allows but a rule refuses whatever is sent (a
 * default award or a deemed withdrawal after a hearing whose notice was not proven served: LDMAL Art. 36, Rules
 * Art. 39; a referral within the mediation's 15 days: LDMAL Art. 14(3)) after those offered, each with its reason; the
 * answer without it is as before. The server's today is 2026-12-06 China time.
 */
const { t, a } = apiSuite({ now: '2026-12-05T17:00:00Z' });
const { send } = caseEvents(() => t);

type Next = { type: string; label: string; roles: string[]; blocked?: { rule: string; source: string; reason: string } };
const next = async (token: string, id: number, query = '') =>
  (await t.api(token).get(`/api/cases/${id}/next-events${query}`)).body as Next[];

describe('fixU57: next-events says what a rule holds back, and why', () => {
  it('#3 an absent respondent without a served hearing notice: 作出裁决 / 部分裁决 blocked, with the reason', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { held: { applicantPresent: true, respondentPresent: false } });
    // Without `blocked`: as before — neither offered nor listed.
    const plain = await next(arb.token, c.id);
    expect(plain.map((n) => n.type)).not.toContain('ISSUE_AWARD');
    expect(plain.some((n) => n.blocked)).toBe(false);
    // With it: offered first, then the blocked ones, each with the rule's reason and the way on.
    const list = await next(arb.token, c.id, '?blocked=true');
    const offered = list.filter((n) => !n.blocked).map((n) => n.type);
    expect(offered).toEqual(plain.map((n) => n.type));
    const blocked = list.filter((n) => n.blocked);
    expect(blocked.map((n) => n.type).sort()).toEqual(['ISSUE_AWARD', 'PARTIAL_AWARD']);
    const award = blocked.find((n) => n.type === 'ISSUE_AWARD');
    expect(award).toMatchObject({ label: '作出裁决', blocked: { rule: 'default-award-notice-not-proven' } });
    expect(award?.blocked?.reason).toContain('未到庭的被申请人');
    // fixL58 #7: the articles are the source's, not repeated in the reason (the page prints both).
    expect(award?.blocked?.source).toContain('LDMAL Art. 36');
    expect(award?.blocked?.reason).not.toContain('第三十六条');
    expect(award?.blocked?.reason).toContain('请送达开庭通知后另行排期开庭');
    expect(award?.roles).toContain('arbitrator');
    // The blocked items come after the offered ones.
    expect(list.findIndex((n) => n.blocked)).toBe(offered.length);
    // What the rule says when the act is sent is the same rule.
    const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    expect((await send(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-01')).body.rule).toBe('default-award-notice-not-proven');
    // A role that may not send them is not told of them (its list is its own); `all` lists them for anyone.
    expect((await next(a.tokens.clerk, c.id, '?blocked=true')).some((n) => n.blocked)).toBe(false);
    const all = await next(a.tokens.clerk, c.id, '?all=true&blocked=true');
    expect(all.filter((n) => n.blocked).map((n) => n.type)).toContain('ISSUE_AWARD');
  });

  it('#3 an absent applicant: 视为撤回 blocked with its reason; a mediation within 15 days: the referral', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { held: { applicantPresent: false, respondentPresent: true } });
    const list = await next(arb.token, c.id, '?all=true&blocked=true');
    const deem = list.find((n) => n.type === 'DEEM_WITHDRAWN');
    expect(deem?.blocked?.rule).toBe('hearing-notice-not-proven');
    expect(deem?.blocked?.reason).toContain('未到庭的申请人');
    const m = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-12-01' }))).body;
    const refer = (await next(a.tokens.mediator, m.id, '?blocked=true')).find((n) => n.type === 'REFER_TO_ARBITRATION');
    expect(refer?.blocked?.rule).toBe('mediation-15-days');
  });

  it('#3 an unknown query value is refused (400)', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events?blocked=yes`)).status).toBe(400);
  });
});
