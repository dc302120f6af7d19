import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** The lead's fixes at stop 50. */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });
const { ok, send } = caseEvents(() => t);

type Deadline = { kind: string; status: string; dueOn: string; explanation: string };

describe(`lead50 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('med49 L1: a review application filed after the 15 days reads as a ground not to accept, not as a duty done late', async () => {
    const c = await registerCase(
      t,
      a,
      application({
        track: 'review',
        receivedOn: '2026-04-01',
        applicants: [worker('孙九', 459)],
        respondents: [employer('聊城某某物流有限公司')],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年1月工资5000元' }],
        agreement: {
          effectiveOn: '2026-03-02',
          organization: '东昌府区古楼街道劳动争议调解委员会',
          terms: '被申请人于2026年3月31日前支付工资5000元',
        },
      }),
    );
    const filing = (c.deadlines as Deadline[]).find((d) => d.kind === 'review_filing');
    // Rules Art. 74: 15 days from 03-02 end on 03-17; filed 04-01.
    expect(filing).toMatchObject({ dueOn: '2026-03-17', status: 'met_late' });
    expect(filing?.explanation).toContain('不予受理');
    expect(filing?.explanation).toContain('第七十五条');
    expect(filing?.explanation).not.toContain('完成');
  });

  it('reviewer s50 H1: an extension approved before a restart, entered after it, does not lengthen the new period (Rules Art. 46)', async () => {
    const { c } = await caseAt(t, a, 'received', { body: standardApplication({ applicants: [worker('吴五', 561)] }) });
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    const v = await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'damages', amount: '3000.00', description: '未签订书面劳动合同二倍工资差额' }] },
      '2026-11-20',
    );
    const due = (x: unknown) => (x as { deadlines: Deadline[] }).deadlines.find((d) => d.kind === 'award')?.dueOn;
    const before = due(v);
    // legal51b M1 (fixP51): approved in time, it is recorded — as the superseded period's, with a warning — and the new
    // period is not lengthened by it.
    const r = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-10' }, '2026-11-25');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('')).toContain('不延长重新计算的审理期限');
    const now = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(due(now)).toBe(before);
    // Approved for the restarted period, it extends it.
    const fresh = await send(
      c,
      a.tokens.chair,
      'EXTEND_TIME_LIMIT',
      { days: 15, reason: '案情复杂', approvedOn: '2026-11-24' },
      '2026-11-25',
    );
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(due(fresh.body)).not.toBe(before);
  });

  it('reviewer s50 M1: an award received before the final award was made must name the partial award it was', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('郑六', 562)] }) });
    const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[1]?.id, outcome: 'granted', amount: '26400.00' }], ...text },
      '2026-04-01',
    );
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '1000.00' }], ...text },
      '2026-04-10',
    );
    const w = c.applicants[0]?.id as number;
    const r = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: w, method: 'direct', servedOn: '2026-04-05' },
      '2026-04-12',
    );
    expect([r.status, r.body.errors?.[0]?.path], JSON.stringify(r.body)).toEqual([400, 'partialAward']);
    const named = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: w, method: 'direct', servedOn: '2026-04-05', partialAward: 1 },
      '2026-04-12',
    );
    expect(named.status, JSON.stringify(named.body)).toBe(200);
  });

  it('legal50c M1: a suspension entered late does not begin before the last resumption (Rules Arts. 46–47)', async () => {
    const { c, arb } = await caseAt(t, a, 'received', { body: standardApplication({ applicants: [worker('冯七', 563)] }) });
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', decidedOn: '2026-04-01' }, '2026-04-01');
    await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-04-11' }, '2026-04-11');
    const r = await send(c, a.tokens.chair, 'SUSPEND', { reason: '等待鉴定结论', decidedOn: '2026-04-05' }, '2026-04-12');
    expect([r.status, r.body.errors?.[0]?.path], JSON.stringify(r.body)).toEqual([400, 'decidedOn']);
    const later = await send(c, a.tokens.chair, 'SUSPEND', { reason: '等待鉴定结论', decidedOn: '2026-04-11' }, '2026-04-12');
    expect(later.status, JSON.stringify(later.body)).toBe(200);
  });
});
