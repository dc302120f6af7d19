import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside arbitrator's findings on the remedies after an award (LDMAL Arts. 47–51; SPC-1 Arts. 21, 25): enforcement
 * and set-aside side by side, the final part of a mixed award enforced while the non-final windows run, late suits and
 * applications. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
type D = { kind: string; partyId?: number; status: string; startsOn: string | null; dueOn: string | null; explanation: string };
const deadline = (v: CaseView, kind: string, partyId?: number) =>
  (v.deadlines as D[]).find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId));
const INTERMEDIATE = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';

/** A final award (12 000 + 20 000, each under twelve months of the minimum wage) made 04-10, served on all 04-13. */
async function finalAwardServed(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(`工人B${n}`, 520 + n)] }) });
  const items = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
  await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
  return { c, arb, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}

describe(`remedies after an award, legalfixB (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: enforcement applied during a pending set-aside is recorded with a warning; the set-aside is still decided and ends it', async () => {
    const { c, workerId } = await finalAwardServed(1);
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('set_aside_pending');
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, filedOn: '2026-04-21' }, '2026-04-21');
    expect(v.state).toBe('set_aside_pending');
    expect((v.warnings as string[]).join('')).toContain('中止执行');
    expect((v.warnings as string[]).join('')).toContain('第二十五条');
    // Before the fix: 409 — the enforcement application had swallowed the set-aside.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    expect(v.state).toBe('award_set_aside');
    const r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC }, '2026-04-25');
    expect(r.status).toBe(409);
  });

  it('H1: a set-aside rejected after an enforcement application lets the enforcement go on', async () => {
    const { c, workerId } = await finalAwardServed(2);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, filedOn: '2026-04-21' }, '2026-04-21');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-04-28' }, '2026-04-28');
    expect(v.state).toBe('enforcement_applied');
  });

  it('H1: the employer applies to set aside after the worker applied for enforcement, within its 30 days', async () => {
    const { c, workerId } = await finalAwardServed(3);
    let v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('enforcement_applied');
    // Before the fix: 409 while set_aside_employer still read open.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    expect(v.state).toBe('set_aside_pending');
    expect((v.warnings as string[]).join('')).toContain('中止执行');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-30' }, '2026-04-30');
    expect(v.state).toBe('award_set_aside');
  });

  it('M3: a suit and a set-aside application filed after their periods are recorded with a warning', async () => {
    const { c, workerId } = await finalAwardServed(4);
    // The worker's 15 days from 04-13 end 04-28 (LDMAL Art. 48).
    // fixE52 (legal52b H1): on a final award in force (LDMAL Art. 47) a late suit is refused — in whatever order it is
    // entered with the employer's set-aside (SPC-1 Art. 21 holds that back for a suit within the 15 days only).
    const late = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-05-06' }, '2026-05-06');
    expect([late.status, late.body.rule]).toEqual([422, 'late-suit-on-final-award']);
    expect(late.body.detail).toContain('2026-04-28');
    let v: CaseView;
    // In time: no warning.
    const { c: f, workerId: w2 } = await finalAwardServed(5);
    v = await ok(f, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.warnings ?? []).toEqual([]);
    // The employer's 30 days end 05-13 (LDMAL Art. 49).
    const { c: g } = await finalAwardServed(6);
    v = await ok(g, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-05-20' }, '2026-05-20');
    expect((v.warnings as string[]).join('')).toContain('申请撤销仲裁裁决的日期2026-05-20晚于法定期间的届满日');
  });

  it('M2: while the worker sues over a final award, the employer’s set-aside window is paused and an application is 422 naming the rule', async () => {
    const { c, workerId, employerId } = await finalAwardServed(9);
    let v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('in_litigation');
    const held = deadline(v, 'set_aside_employer', employerId);
    expect(held?.status).toBe('paused');
    expect(held?.explanation).toContain('第二十一条');
    const offered = ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);
    expect(offered).not.toContain('RECORD_SET_ASIDE');
    // Before the fix: a 409 naming no rule.
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'set-aside-while-worker-sues' });
    expect(r.body.detail).toContain('最高人民法院劳动争议解释（一）第二十一条');
    // The suit withdrawn: the employer's 30 days run from the ruling (SPC-1 Art. 21(2)).
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-04-25', servedOn: '2026-04-27' },
      '2026-04-27',
    );
    expect(deadline(v, 'set_aside_after_suit', employerId)?.dueOn).toBe('2026-05-27');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-28' }, '2026-04-28');
    expect(v.state).toBe('set_aside_pending');
  });

  it('M4: a counterclaim merged after an extension, restarting to an earlier limit, is recorded with a warning (Rules Art. 46)', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('工人B10', 530)] }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-09-02');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-09-08');
    let v = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-09-10');
    const extended = deadline(v, 'award')?.dueOn as string;
    v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '被申请人反申请：申请人返还培训费用',
        claims: [{ category: 'damages', amount: '5000.00', description: '返还培训费用' }],
      },
      '2026-09-15',
    );
    const restarted = deadline(v, 'award')?.dueOn as string;
    expect(restarted < extended).toBe(true);
    const w = (v.warnings as string[]).join('');
    expect(w).toContain(`至${restarted}届满，早于此前经批准延长后的期限${extended}`);
    expect(w).toContain('第四十六条');
  });

  it('L1, L3: a dismissed item’s finality reason says dismissed; Art. 50 is cited once after the final part was set aside', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人B11', 531)] }) });
    const dismissed = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({
        type: 'ISSUE_AWARD',
        occurredOn: '2026-04-10',
        items: [
          { claimId: c.claims[0]?.id, outcome: 'dismissed' },
          { claimId: c.claims[1]?.id, outcome: 'granted', amount: '30000.00' },
        ],
      });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    const issued = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: c.claims[0]?.id, outcome: 'dismissed' },
          { claimId: c.claims[1]?.id, outcome: 'granted', amount: '30000.00' },
        ],
      },
      '2026-04-10',
    );
    const reasons = JSON.stringify(issued.award);
    expect(reasons).toContain('该项请求被驳回，按本委对驳回的第四十七条第一项请求的处理口径，计为终局');
    // L3 on a mixed award whose final part is set aside.
    const m = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人B12', 532)] }) });
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: m.c.claims[i]?.id, outcome: 'granted', amount }));
    await ok(m.c, m.arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    for (const p of [...m.c.applicants, ...m.c.respondents])
      await ok(m.c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    await ok(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    const v = await ok(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    const eff = deadline(v, 'effective')?.explanation as string;
    expect(eff).toContain('劳动争议调解仲裁法第五十条');
    expect(eff.split('第五十条').length - 1).toBe(1);
  });

  it('L2: a respondent named as a representative is told it is not a worker applicant, not "三至五名"', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人C${i + 1}`, 540 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const r = await send(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: [c.respondents[0]?.id] }, '2026-03-05');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'representatives-are-workers', field: 'partyIds' });
    expect(r.body.detail).toContain('不是劳动者一方的申请人');
  });

  it('L4: an award made after the limit is recorded with a warning citing LDMAL Art. 43(1); one in time is not', async () => {
    // Accepted 03-04: 45 days end 04-18, a Saturday → 04-20 (LDMAL Art. 43(1)).
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人B13', 533)] }) });
    const items = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-05-06');
    expect(deadline(v, 'award')?.status).toBe('met_late');
    expect((v.warnings as string[]).join('')).toContain('晚于审理期限2026-04-20');
    expect((v.warnings as string[]).join('')).toContain('劳动争议调解仲裁法第四十三条第一款');
    const { c: f, arb: arb2 } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人B14', 534)] }) });
    const fItems = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: f.claims[i]?.id, outcome: 'granted', amount }));
    const inTime = await ok(f, arb2.token, 'ISSUE_AWARD', { items: fItems }, '2026-04-10');
    expect(((inTime.warnings ?? []) as string[]).join('')).not.toContain('审理期限');
  });

  it('M1: a withdrawal after a final partial award leaves it enforceable; the decision withdraws the undecided claims only', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人B8', 528)] }) });
    const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' }], ...text },
      '2026-04-02',
    );
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-04-03');
    let v = await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-04-10');
    expect(v.state).toBe('closed_withdrawn');
    const offered = ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);
    expect(offered).toContain('APPLY_ENFORCEMENT');
    // Before the fix: 409 — the withdrawal had wiped out the effective partial award (LDMAL Arts. 43(2), 47, 51).
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.applicants[0]?.id, court: BASIC }, '2026-04-20');
    expect(v.state).toBe('closed_withdrawn');
    const decision = await generatedText(t, arb.token, c.id, { kind: 'decision', matter: 'withdrawal' });
    expect(decision).toMatch(
      /准许申请人撤回除本委\S*号之一部分裁决已裁决事项（[^）]*）以外的仲裁请求|准许申请人撤回除本委\S*号之一部分裁决已裁决事项（[^）]*）以外的仲裁申请/u,
    );
    expect(decision).toContain('已作出的部分裁决不因撤回而失去效力');
  });

  it('H2: the final part of a mixed award is enforced by the worker while the non-final windows run', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人B7', 527)] }) });
    // 12 × the minimum wage of 2010.00 is 24120.00: the first item final, the second not (LDMAL Art. 47).
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    let v: CaseView = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: c.applicants[0]?.id, method: 'direct' },
      '2026-04-13',
    );
    expect(v.state).toBe('award_issued');
    // The enforcement window of the final part runs from its performance period (made 04-10, + 10 days).
    const due = deadline(v, 'enforcement_application');
    expect(due?.startsOn).toBe('2026-04-20');
    expect(due?.explanation).toContain('终局部分');
    v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-04-15');
    expect(v.state).toBe('award_served');
    const preview = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({ type: 'APPLY_ENFORCEMENT', occurredOn: '2026-04-21', partyId: c.applicants[0]?.id, court: BASIC });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // The employer cannot enforce the worker's final part.
    const byEmployer = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.respondents[0]?.id, court: BASIC }, '2026-04-21');
    expect(byEmployer.status).toBe(422);
    expect(byEmployer.body.rule).toBe('enforcement-final-part-by-worker');
    // Before the fix: 409. Recorded; the case still waits for the non-final part (LDMAL Art. 50).
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.applicants[0]?.id, court: BASIC }, '2026-04-21');
    expect(v.state).toBe('award_served');
    expect(deadline(v, 'enforcement_application')?.status).toBe('met');
    v = await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'enforcement', court: BASIC }, '2026-04-22');
    expect(v.state).toBe('award_served');
    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-05');
    expect(v.state).toBe('award_effective');
  });
});
