import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, mixedAwardServed, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { largeApplication, standardApplication } from '../helpers/procedure.ts';

/**
 * A reviewer's findings on the remedies after an award as legalfixB left them (LDMAL Arts. 43(2), 47–51; SPC-1 Art. 25):
 * a mixed award's set-aside decided while its final part is enforced, a set-aside ending the enforcement, a partial
 * award enforced after a withdrawal, the final part handed over once. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const INTERMEDIATE = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';
const offered = async (c: { id: number }) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);

/**
 * A mixed award made 04-10 (12 × the minimum wage of 2010.00 is 24120.00: the first item final, the second not, LDMAL
 * Art. 47), served on all 04-15; the worker applies to enforce its final part on 04-21 (the case stays award_served).
 */
async function mixedAwardEnforced(n: number) {
  const { c, arb, workerId, employerId } = await mixedAwardServed(t, a, `工人R${n}`, 560 + n);
  const v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC }, '2026-04-21');
  expect(v.state).toBe('award_served');
  return { c, arb, workerId, employerId };
}

/** A final award (12 000 + 20 000) made 04-10, served on all 04-13. */
async function finalAwardServed(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(`工人S${n}`, 580 + n)] }) });
  const items = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
  await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
  return { c, arb, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}

describe(`remedies after an award, revfix (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: the set-aside of a mixed award’s enforced final part rejected — back to award_served, the non-final part proceeds', async () => {
    const { c, employerId } = await mixedAwardEnforced(1);
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    expect(v.state).toBe('set_aside_pending');
    // Before the fix: enforcement_applied with effectiveOn null, MARK_EFFECTIVE and the employer's suit 409.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-04-24' }, '2026-04-24');
    expect(v.state).toBe('award_served');
    // The suspended enforcement resumes (SPC-1 Art. 25): still pending.
    expect(v.proceedings.enforcement[0].outcome).toBeNull();
    const next = await offered(c);
    expect(next).toContain('MARK_EFFECTIVE');
    expect(next).toContain('RECORD_LAWSUIT');
    // The employer sues on the non-final part within 15 days (LDMAL Art. 50).
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-28' }, '2026-04-28');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('in_litigation');
  });

  it('H1, L1: the enforced final part of a mixed award set aside — its enforcement ends, the non-final part takes effect', async () => {
    const { c } = await mixedAwardEnforced(2);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    expect(v.state).toBe('award_served');
    // SPC-1 Art. 25: 仲裁裁决被撤销的，人民法院应当裁定终结执行.
    expect(v.proceedings.enforcement[0].outcome).toMatchObject({ result: 'terminated', decidedOn: '2026-04-24' });
    expect(await offered(c)).toContain('MARK_EFFECTIVE');
    // The final part set aside, nothing of it is left to enforce before the non-final part takes effect.
    const r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.applicants[0]?.id, court: BASIC }, '2026-04-25');
    expect(r.status).toBe(409);
    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-06');
    expect(v.state).toBe('award_effective');
    expect(v.proceedings.effectiveOn).not.toBeNull();
  });

  it('H1: the set-aside of a mixed award’s final part set aside — the employer may still sue on the non-final part', async () => {
    const { c, employerId } = await mixedAwardEnforced(3);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: employerId, court: BASIC, filedOn: '2026-04-28', matter: 'award' },
      '2026-04-28',
    );
    expect(v.state).toBe('in_litigation');
  });

  it('H1: an effective mixed award enforced, its set-aside rejected — the enforcement goes on', async () => {
    const { c } = await mixedAwardEnforced(4);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-06');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-05-10' }, '2026-05-10');
    expect(v.state).toBe('enforcement_applied');
    expect(v.proceedings.effectiveOn).not.toBeNull();
    expect(v.proceedings.enforcement[0].outcome).toBeNull();
  });

  it('H1, L1: an effective mixed award’s final part set aside — its own enforcement ends, the whole award’s goes on', async () => {
    const { c, workerId } = await mixedAwardEnforced(5);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-06');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC }, '2026-05-07');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-05-10' }, '2026-05-10');
    // The 04-21 application was the final part's alone (SPC-1 Art. 25 终结执行); the 05-07 one reaches the non-final part.
    expect(v.proceedings.enforcement.map((e: { outcome: { result: string } | null }) => e.outcome?.result ?? null)).toEqual([
      'terminated',
      null,
    ]);
    expect(v.state).toBe('enforcement_applied');
  });

  it('L1: a final award set aside while an enforcement application is pending — the enforcement is recorded as ended', async () => {
    const { c, workerId } = await finalAwardServed(1);
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-30' }, '2026-04-30');
    expect(v.state).toBe('award_set_aside');
    // Before the fix: outcome null for ever, RECORD_ENFORCEMENT_OUTCOME not offered in award_set_aside.
    expect(v.proceedings.enforcement[0].outcome).toMatchObject({ result: 'terminated', decidedOn: '2026-04-30' });
  });

  it('L2: a final partial award after a withdrawal or a deemed withdrawal is enforced by the worker alone', async () => {
    const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
    const partial = async (n: number) => {
      const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(`工人P${n}`, 590 + n)] }) });
      await ok(
        c,
        arb.token,
        'PARTIAL_AWARD',
        { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' }], ...text },
        '2026-04-02',
      );
      return { c, arb, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
    };
    const w = await partial(1);
    await ok(w.c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-04-10');
    // Before the fix: the employer's application was recorded too (LDMAL Art. 51: the party the award entitles).
    const r = await send(w.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w.employerId, court: BASIC }, '2026-04-20');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'enforcement-partial-award-by-worker', field: 'partyId' });
    expect((await ok(w.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w.workerId, court: BASIC }, '2026-04-20')).state).toBe(
      'closed_withdrawn',
    );
    // Deemed withdrawn (LDMAL Art. 36) after the partial award: before the fix, 409.
    const d = await partial(2);
    await ok(d.c, d.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-20', place: '第一仲裁庭' }, '2026-04-03');
    await ok(d.c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: d.workerId, method: 'direct' }, '2026-04-06');
    await ok(d.c, d.arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-04-20');
    let v = await ok(d.c, d.arb.token, 'DEEM_WITHDRAWN', { reason: '申请人经书面通知，无正当理由拒不到庭' }, '2026-04-21');
    expect(v.state).toBe('closed_deemed_withdrawn');
    expect(await offered(d.c)).toContain('APPLY_ENFORCEMENT');
    v = await ok(d.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: d.workerId, court: BASIC }, '2026-04-25');
    expect(v.state).toBe('closed_deemed_withdrawn');
    expect(v.proceedings.enforcement).toHaveLength(1);
  });

  it('L4: the final part of a mixed award is handed over for enforcement once; a second hand-off is refused', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人R9', 569)] }) });
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    const v = await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'enforcement', court: BASIC }, '2026-04-22');
    expect(v.state).toBe('award_issued');
    expect(await offered(c)).not.toContain('TRANSFER_TO_COURT');
    const r = await send(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'enforcement', court: BASIC }, '2026-04-23');
    expect(r.status).toBe(409);
  });
});
