import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * A second outside legal tester's and a code reviewer's findings (stop 46b): an extension approved before the award
 * clock restarts (Rules Art. 46), a party added after the last hearing, the added respondent's defense, a suit on the
 * set-aside matters of a mixed award in every award state, and 422s that name their field. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const award = (v: CaseView) => (v.deadlines as { kind: string; dueOn: string; explanation: string }[]).find((d) => d.kind === 'award');
const TRAINING = { category: 'damages', amount: '5000.00', description: '返还培训费用' };

describe(`legal findings, stop 46b (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: an extension approved before a restart is not carried into the new period, which may be extended once', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-07-31' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-08-03');
    const r0 = c.respondents[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: r0, method: 'direct' }, '2026-09-08');
    const extended = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-09-10');
    expect(award(extended)?.dueOn).toBe('2026-10-08');
    const merged = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      { description: '被申请人反申请：申请人返还培训费用', filedOn: '2026-09-14', claims: [TRAINING] },
      '2026-09-15',
    );
    // Rules Art. 46(4): 45 days from 09-15 → 10-30 (a Friday), without the superseded period's extension.
    const clock = award(merged);
    expect(clock?.dueOn).toBe('2026-10-30');
    expect(clock?.explanation).not.toContain('延长');
    const offered = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(offered.map((e) => e.type)).toContain('EXTEND_TIME_LIMIT');
    // The new period's own extension (≤ 15 days, LDMAL Art. 43(1)): 10-30 + 15 = 11-14 (Saturday) → Monday 11-16.
    const again = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '反申请合并审理，案情复杂' }, '2026-10-20');
    expect(award(again)?.dueOn).toBe('2026-11-16');
    expect(award(again)?.explanation).toContain('经批准延长15日（2026-10-20）');
    // …and only once within it.
    const third = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 1, reason: '仍需鉴定' }, '2026-10-21');
    expect(third.status).toBe(422);
    expect(third.body.rule).toBe('extension-once');
  });
});
