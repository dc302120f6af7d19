import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, mixedAwardServed, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * legalfixA: the remedies after an award an outside arbitrator found missing — a suit while a set-aside is pending
 * (LDMAL Arts. 49–50; SPC-1 Art. 21), the remedies against a partial award (LDMAL Art. 43(2); Rules Art. 49), the
 * enforcement window of a mixed award whose final part was set aside (LDMAL Art. 51), an advance-execution ruling's
 * amounts (LDMAL Art. 44) and a worker's suit after applying to enforce (LDMAL Art. 48). "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
type D = { kind: string; partyId?: number; status: string; dueOn: string | null; explanation: string };
const deadline = (v: CaseView, kind: string, partyId?: number) =>
  (v.deadlines as D[]).find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId));
const INTERMEDIATE = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';
const offered = async (c: { id: number }) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);
const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;

/** A final award (12 000 + 20 000) made 04-10, served on all 04-13. */
async function finalAwardServed(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(`工人A${n}`, 700 + n)] }) });
  const items = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
  await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
  return { c, arb, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}

/** A final partial award (12 000 on the first claim) made 04-02 in a heard case, served on all 04-03. */
async function finalPartialAward(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker(`工人P${n}`, 720 + n)] }) });
  const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
  await ok(
    c,
    arb.token,
    'PARTIAL_AWARD',
    { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' }], ...text },
    '2026-04-02',
  );
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
  return { c, arb, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}

describe(`legalfixA (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1a: the employer sues on the non-final part while its set-aside of the final part is pending (LDMAL Art. 50)', async () => {
    const { c, employerId } = await mixedAwardServed(t, a, '工人A1', 751);
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('set_aside_pending');
    expect(await offered(c)).toContain('RECORD_LAWSUIT');
    // Before the fix: 409.
    v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-23' }, '2026-04-23');
    expect(v.state).toBe('in_litigation');
    // The employer's own suit does not end its application (only a worker's does, SPC-1 Art. 21(1)).
    expect(v.proceedings.setAside).toMatchObject({ result: null, filedOn: '2026-04-20' });
    expect(deadline(v, 'sue_non_final', employerId)?.status).toBe('met');
    // The non-final part is sued on: it does not take effect.
    expect(await offered(c)).not.toContain('MARK_EFFECTIVE');
    const r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-05');
    expect([r.status, r.body.rule]).toEqual([422, 'employer-sued-no-effect']);
    expect((await view(c)).proceedings.effectiveOn).toBeNull();
    // The application is still decided in court.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-05-10' }, '2026-05-10');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.setAside.result).toBe('rejected');
  });

  it('H1b: the worker sues on a final award while the set-aside is pending — the suit is recorded and ends the review (SPC-1 Art. 21(1))', async () => {
    const { c, workerId, employerId } = await finalAwardServed(1);
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('set_aside_pending');
    expect(deadline(v, 'set_aside_employer', employerId)?.status).toBe('met');
    // Before the fix: 409 while sue_final_worker was open until 04-28.
    v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-04-22' }, '2026-04-22');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.lawsuits).toEqual([{ partyId: workerId, court: BASIC, filedOn: '2026-04-22', decided: null }]); // fixA50: each suit says its outcome
    expect(v.proceedings.setAside).toMatchObject({ result: 'terminated', decidedOn: '2026-04-22' });
    expect(v.proceedings.setAside.note).toContain('第二十一条');
    expect(deadline(v, 'sue_final_worker', workerId)?.status).toBe('met');
    // The employer's 30 days read paused while the worker's suit is pending, as when the suit came first.
    const sa = deadline(v, 'set_aside_employer', employerId);
    expect(sa?.status).toBe('paused');
    expect(sa?.explanation).toContain('第二十一条');
    expect(await offered(c)).not.toContain('MARK_EFFECTIVE');
    expect(await offered(c)).not.toContain('RECORD_SET_ASIDE');
    // The worker withdraws with the court's permission: the employer has 30 days from that ruling (SPC-1 Art. 21(2)).
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-05-10', servedOn: '2026-05-12' },
      '2026-05-12',
    );
    expect(deadline(v, 'set_aside_after_suit', employerId)?.dueOn).toBe('2026-06-11');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-05-20' }, '2026-05-20');
    expect(v.state).toBe('set_aside_pending');
    expect(v.proceedings.setAside).toMatchObject({ filedOn: '2026-05-20', result: null });
    expect(deadline(v, 'set_aside_after_suit', employerId)?.status).toBe('met');
  });

  it('M1: a mixed award whose final part was set aside keeps the enforcement window of its non-final part (LDMAL Art. 51)', async () => {
    const { c } = await mixedAwardServed(t, a, '工人A3', 753);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-06');
    expect(v.state).toBe('award_effective');
    const d = deadline(v, 'enforcement_application');
    expect(d, JSON.stringify(v.deadlines.map((x: D) => x.kind))).toBeDefined();
    expect(d?.explanation).toContain('非终局部分');
    // Two years from the last day of the non-final part's performance period (CPL Art. 250).
    expect(d?.dueOn && d.dueOn > '2028-05-01').toBe(true);
  });

  it('L2: the worker who applied to enforce a final award may still sue on it within his 15 days (LDMAL Art. 48)', async () => {
    const { c, workerId, employerId } = await finalAwardServed(2);
    let v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC }, '2026-04-15');
    expect(v.state).toBe('enforcement_applied');
    expect(deadline(v, 'sue_final_worker', workerId)?.status).not.toBe('met');
    expect(await offered(c)).toContain('RECORD_LAWSUIT');
    // The employer cannot sue on a final award (LDMAL Arts. 48–49): its rule, not a 409.
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect([r.status, r.body.rule]).toEqual([422, 'employer-cannot-sue-final']);
    // Before the fix: 409 while sue_final_worker read open.
    v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('in_litigation');
    expect(deadline(v, 'sue_final_worker', workerId)?.status).toBe('met');
    // The enforcement applied for stays for the court's outcome.
    expect(v.proceedings.enforcement).toHaveLength(1);
  });

  it('H2: the employer applies to set aside a final partial award while the case goes on; the worker enforces it; set aside ends it', async () => {
    const { c, arb, workerId, employerId } = await finalPartialAward(1);
    let v = await view(c);
    expect(v.state).toBe('heard');
    const clockBefore = deadline(v, 'award')?.dueOn;
    expect(deadline(v, 'partial_award_set_aside_employer', employerId)?.dueOn).toBe('2026-05-06');
    const next = await offered(c);
    expect(next).toEqual(expect.arrayContaining(['RECORD_SET_ASIDE', 'RECORD_LAWSUIT', 'APPLY_ENFORCEMENT']));
    // The worker applies to enforce it (LDMAL Arts. 47, 51) — before the fix: 409.
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, partialAward: 1 }, '2026-04-08');
    expect(v.state).toBe('heard');
    expect(v.proceedings.enforcement).toEqual([expect.objectContaining({ partyId: workerId, partialAward: 1, outcome: null })]);
    // The employer cannot sue on a final partial award; only the worker may enforce it.
    let r = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: employerId, court: BASIC, filedOn: '2026-04-09', partialAward: 1 },
      '2026-04-09',
    );
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'employer-cannot-sue-final', 'partyId']);
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: employerId, court: BASIC, partialAward: 1 }, '2026-04-09');
    expect([r.status, r.body.rule]).toEqual([422, 'enforcement-partial-award-by-worker']);
    // A partial award the case does not have: 400 naming the field, nothing recorded.
    r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-10', partialAward: 2 }, '2026-04-10');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('partialAward');
    // The employer's application (LDMAL Art. 49) — before the fix: 409. The SPC-1 Art. 25 warning: enforcement suspended.
    r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-10', partialAward: 1 }, '2026-04-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    v = r.body;
    expect(v.state).toBe('heard');
    expect(v.warnings.join('')).toContain('第二十五条');
    expect(v.proceedings.partialAwardRemedies).toEqual([
      expect.objectContaining({ partialAward: 1, kind: 'set_aside', court: INTERMEDIATE, filedOn: '2026-04-10', result: null }),
    ]);
    expect(deadline(v, 'partial_award_set_aside_employer', employerId)?.status).toBe('met');
    // The main procedure is untouched: same state, same 45-day clock; the award's own remedies are not recorded.
    expect(deadline(v, 'award')?.dueOn).toBe(clockBefore);
    expect(v.proceedings.setAside).toBeNull();
    r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-11', partialAward: 1 }, '2026-04-11');
    expect([r.status, r.body.rule]).toEqual([422, 'partial-award-set-aside-exists']);
    // Set aside (LDMAL Art. 49): the enforcement ends (SPC-1 Art. 25), nothing of it is left to enforce.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-20', partialAward: 1 }, '2026-04-20');
    expect(v.state).toBe('heard');
    expect(v.proceedings.partialAwardRemedies[0]).toMatchObject({ result: 'set_aside', decidedOn: '2026-04-20' });
    expect(v.proceedings.enforcement[0].outcome).toMatchObject({ result: 'terminated', decidedOn: '2026-04-20' });
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, partialAward: 1 }, '2026-04-21');
    expect([r.status, r.body.rule]).toEqual([422, 'partial-award-set-aside']);
    // The case still goes on to its award.
    const items = [{ claimId: c.claims[1]?.id, outcome: 'granted', amount: '20000.00' }];
    v = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-22');
    expect(v.state).toBe('award_issued');
  });

  it('H2: the worker sues on a final partial award — recorded, its window met; the employer may no longer apply (SPC-1 Art. 21)', async () => {
    const { c, workerId, employerId } = await finalPartialAward(2);
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workerId, court: BASIC, filedOn: '2026-04-10', partialAward: 1 },
      '2026-04-10',
    );
    expect(v.state).toBe('heard');
    expect(v.proceedings.lawsuits).toEqual([]);
    expect(v.proceedings.partialAwardRemedies).toEqual([
      expect.objectContaining({ partialAward: 1, kind: 'lawsuit', partyId: workerId, filedOn: '2026-04-10' }),
    ]);
    expect(deadline(v, 'partial_award_sue_final_worker', workerId)?.status).toBe('met');
    expect(deadline(v, 'partial_award_set_aside_employer', employerId)?.status).toBe('paused');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_SET_ASIDE',
      { court: INTERMEDIATE, filedOn: '2026-04-12', partialAward: 1 },
      '2026-04-12',
    );
    expect([r.status, r.body.rule]).toEqual([422, 'set-aside-while-worker-sues']);
    // A final partial award the worker sued on does not take effect (LDMAL Art. 48): not enforced.
    const e = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, partialAward: 1 }, '2026-04-12');
    expect([e.status, e.body.rule]).toEqual([422, 'partial-award-sued']);
  });

  it('H2: after a withdrawal the employer applies to set aside the final partial award; the enforcement is suspended, then ends', async () => {
    const { c, workerId } = await finalPartialAward(3);
    await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-04-08');
    // An application that names no partial award enforces the one in force (revfix L2), marked with it.
    let v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC }, '2026-04-09');
    expect(v.proceedings.enforcement[0]).toMatchObject({ partialAward: 1, outcome: null });
    expect(await offered(c)).toContain('RECORD_SET_ASIDE');
    // Before the fix: 409.
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-15', partialAward: 1 }, '2026-04-15');
    expect(v.state).toBe('closed_withdrawn');
    expect(v.warnings.join('')).toContain('中止执行');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-25', partialAward: 1 }, '2026-04-25');
    expect(v.state).toBe('closed_withdrawn');
    expect(v.proceedings.enforcement[0].outcome).toMatchObject({ result: 'terminated' });
    expect(await offered(c)).not.toContain('APPLY_ENFORCEMENT');
  });

  it('L1: an advance-execution ruling on a payment claim needs its amount at the event (LDMAL Art. 44): 400 naming amounts', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人L1', 741)] }) });
    const claimId = c.claims[0]?.id;
    const r = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [claimId], rightsClear: true, lifeSeriouslyAffected: true },
      '2026-03-26',
    );
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'amounts' })]);
    // Nothing recorded.
    expect((await view(c)).proceedings.advanceExecutions).toEqual([]);
    const v = await ok(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [claimId], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId, amount: '5000.00' }], paymentDays: 7 },
      '2026-03-26',
    );
    expect(v.proceedings.advanceExecutions).toHaveLength(1);
    // The ruling prints (before: 422 `amounts` at the document).
    const doc = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'advance_execution_ruling' });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
  });

  it('M3: several workers, a final award, one sues — the others enforce it meanwhile (LDMAL Arts. 47–48, 51)', async () => {
    const body = standardApplication({ applicants: [worker('工人M1', 761), worker('工人M2', 762), worker('工人M3', 763)] });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    let v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    expect(v.award.finality).toBe('final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    const [w1, w2] = c.applicants.map((x: { id: number }) => x.id) as [number, number];
    v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('in_litigation');
    expect(await offered(c)).toContain('APPLY_ENFORCEMENT');
    // The worker who sued: his award does not take effect (Art. 48) — refused with the rule naming who may.
    let r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w1, court: BASIC }, '2026-04-25');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'award-not-effective-for-party', 'partyId']);
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.respondents[0]?.id, court: BASIC }, '2026-04-25');
    expect(r.status).toBe(422);
    // Before the fix: 409. Recorded without leaving the court stage.
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w2, court: BASIC }, '2026-04-25');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.enforcement).toEqual([expect.objectContaining({ partyId: w2, outcome: null })]);
  });
});
