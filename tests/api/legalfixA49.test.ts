import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/**
 * legalfixA, round 49: the remedies after an award an outside tester (legal49a, legal49b, med49, docs49) found wrong —
 * the effect of a court judgment on a final award (LDMAL Art. 48), a final partial award per worker (LDMAL Arts. 47–48,
 * 51; SPC-1 Art. 17), a late employer suit (LDMAL Art. 50), the partial-award remedies and the refusals that were untrue. "Today" is 2026-12-05.
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
const TEXT = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };

/** Workers `names` (seq from `seq`) against one employer; every claim granted at `amount`; served on all on `servedOn`. */
async function awardServed(
  names: string[],
  seq: number,
  opts: { claims?: { category: string; amount: string; description: string }[]; amount: string; on: string; servedOn: string },
) {
  const body = standardApplication({
    applicants: names.map((n, i) => worker(n, seq + i)),
    respondents: [employer()],
    ...(opts.claims ? { claims: opts.claims } : {}),
  });
  const { c, arb } = await caseAt(t, a, 'heard', { body });
  const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: opts.amount }));
  const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, opts.on);
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: opts.servedOn }, opts.servedOn);
  return { c, arb, v, workers: c.applicants.map((x: { id: number }) => x.id) as number[], employerId: c.respondents[0]?.id as number };
}

const WAGES = [{ category: 'wages', amount: '10000.00', description: '2025年工资' }];
const COMPENSATION = [{ category: 'economic_compensation', amount: '30000.00', description: '解除劳动合同经济补偿' }];

describe(`legalfixA49 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("1: a court judgment on the worker's suit replaces the final award for him — no enforcement (LDMAL Art. 48)", async () => {
    const {
      c,
      workers,
      v: issued,
    } = await awardServed(['工人甲'], 901, { claims: WAGES, amount: '10000.00', on: '2026-04-10', servedOn: '2026-04-15' });
    expect(issued.award.finality).toBe('final');
    const [w] = workers as [number];
    let v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(v.state).toBe('in_litigation');
    expect(await offered(c)).not.toContain('APPLY_ENFORCEMENT');
    // The displays agree: no effective date elapsed, no enforcement window for the worker who sued.
    expect(deadline(v, 'effective')).toBeUndefined();
    expect(deadline(v, 'enforcement_application')).toBeUndefined();
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-06-20' }, '2026-06-20');
    expect(v.state).toBe('court_decided');
    expect(await offered(c)).not.toContain('APPLY_ENFORCEMENT');
    const r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w, court: BASIC }, '2026-06-25');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'award-not-effective-for-party', 'partyId']);
    expect(r.body.detail).toContain('判决');
    expect(deadline(await view(c), 'enforcement_application')).toBeUndefined();
  });

  it('1b: several workers — A sued and the court gave judgment; A cannot enforce, B (who did not sue) can (LDMAL Arts. 47–48, 51)', async () => {
    const { c, workers } = await awardServed(['工人乙A', '工人乙B', '工人乙C'], 911, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    const [wa, wb] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    const v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-06-20' }, '2026-06-20');
    expect(v.state).toBe('court_decided');
    let r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wa, court: BASIC }, '2026-06-25');
    expect([r.status, r.body.rule]).toEqual([422, 'award-not-effective-for-party']);
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: BASIC }, '2026-06-25');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('2: a final partial award, worker A sues on it — B and C still enforce it; A is named (LDMAL Arts. 47–48, 51)', async () => {
    const body = standardApplication({ applicants: [worker('工人丙A', 921), worker('工人丙B', 922), worker('工人丙C', 923)] });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '10000.00' }], ...TEXT },
      '2026-04-01',
    );
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    const [wa, wb] = c.applicants.map((x: { id: number }) => x.id) as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partialAward: 1, partyId: wa, court: BASIC, filedOn: '2026-04-08' }, '2026-04-08');
    let r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: wa, court: BASIC }, '2026-04-10');
    expect([r.status, r.body.rule]).toEqual([422, 'partial-award-sued']);
    expect(r.body.detail).toContain('工人丙A');
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: wb, court: BASIC }, '2026-04-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body as CaseView).proceedings.enforcement).toEqual([expect.objectContaining({ partyId: wb, partialAward: 1 })]);
  });

  it('3: a late employer suit does not undo the effect that arose when the windows elapsed (LDMAL Art. 50)', async () => {
    const {
      c,
      workers,
      employerId,
      v: issued,
    } = await awardServed(['工人丁A', '工人丁B', '工人丁C'], 931, {
      claims: COMPENSATION,
      amount: '30000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    expect(issued.award.finality).toBe('non_final');
    const [wa, wb, wc] = workers as [number, number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-05-01');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: BASIC }, '2026-05-02');
    const late = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: employerId, court: BASIC, filedOn: '2026-05-05' },
      '2026-05-05',
    );
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    // Before the fix: 422 employer-sued-no-effect.
    const v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wc }, '2026-05-06');
    expect(v.proceedings.effectiveFor).toEqual(expect.arrayContaining([expect.objectContaining({ partyId: wc })]));
  });

  it('3b: a timely employer suit still holds the award back for all (SPC-1 Art. 16; LDMAL Art. 50)', async () => {
    const { c, workers, employerId } = await awardServed(['工人戊A', '工人戊B'], 941, {
      claims: COMPENSATION,
      amount: '30000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    const [wa, wb] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-28' }, '2026-04-28');
    const r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-05-06');
    expect([r.status, r.body.rule]).toEqual([422, 'employer-sued-no-effect']);
  });

  it('4: a partial award set aside — 15 days from the ruling to sue (elapsed by today, 12-05), no late warning (LDMAL Art. 49(3))', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人庚', 961)] }) });
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '10000.00' }], ...TEXT },
      '2026-04-01',
    );
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    const w = c.applicants[0]?.id as number;
    const e = c.respondents[0]?.id as number;
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { partialAward: 1, court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    let v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_SET_ASIDE',
      { partialAward: 1, result: 'set_aside', decidedOn: '2026-05-10', servedOn: '2026-05-12' },
      '2026-05-12',
    );
    expect(deadline(v, 'partial_award_sue_final_worker', w)?.status).toBe('ended');
    expect(deadline(v, 'partial_award_sue_final_worker', w)?.explanation).toContain('第四十九条第三款');
    expect(deadline(v, 'partial_award_sue_after_set_aside', w)).toMatchObject({ dueOn: '2026-05-27', status: 'elapsed' });
    expect(deadline(v, 'partial_award_sue_after_set_aside', e)).toMatchObject({ dueOn: '2026-05-27', status: 'elapsed' });
    v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partialAward: 1, partyId: w, court: BASIC, filedOn: '2026-05-21' }, '2026-05-21');
    // Before the fix: "晚于法定期间的届满日2026-04-20…".
    expect((v.warnings ?? []).join('')).not.toContain('晚于法定期间');
    expect(deadline(v, 'partial_award_sue_after_set_aside', w)?.status).toBe('met');
  });

  it('6: the employer applying to enforce a 调解书 is warned by name (LDMAL Art. 51)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人辛', 971)] }) });
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-28' }, '2026-03-28');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' }, '2026-03-30');
    const v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: c.respondents[0]?.id, court: BASIC }, '2026-04-20');
    const text = (v.warnings ?? []).join('');
    expect(text).toContain('第五十一条');
    expect(text).toContain('用人单位一方');
    expect(text).not.toMatch(/当事人\d/);
  });

  it('5: a non-final partial award nobody sued on took effect and is enforced (LDMAL Arts. 50–51)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人壬', 981)] }) });
    const pa = await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[1]?.id, outcome: 'granted', amount: '26400.00' }], ...TEXT },
      '2026-04-01',
    );
    expect(pa.proceedings.partialAwards[0].finality).toBe('non_final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    const w = c.applicants[0]?.id as number;
    let r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: w, court: BASIC }, '2026-04-10');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'partial-award-not-effective', 'partialAward']);
    await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-04-25');
    // Before the fix: 422 nothing-to-enforce "没有已发生法律效力的…".
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: w, court: BASIC }, '2026-04-26');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body as CaseView).proceedings.enforcement).toEqual([expect.objectContaining({ partyId: w, partialAward: 1 })]);
  });

  it('8: MARK_EFFECTIVE on a final award too early says the award is effective and what it waits for (LDMAL Arts. 47–49)', async () => {
    const { c } = await awardServed(['工人癸'], 991, { claims: WAGES, amount: '10000.00', on: '2026-04-10', servedOn: '2026-04-15' });
    const r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-16');
    expect([r.status, r.body.rule]).toEqual([422, 'windows-still-open']);
    expect(r.body.detail).toContain('终局裁决自作出之日（2026-04-10）起发生法律效力');
    expect(r.body.detail).not.toContain('裁决尚不能确认生效');
    expect(r.body.detail).toContain('2026-05-15');
  });

  it('9: a suit dated before the party received the award is warned; a second suit by the same party while the first is pending is refused', async () => {
    const { c, workers } = await awardServed(['工人子'], 995, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    const [w] = workers as [number];
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w, court: BASIC, filedOn: '2026-04-12' }, '2026-04-16');
    expect(v.state).toBe('in_litigation');
    expect((v.warnings ?? []).join('')).toContain('早于该当事人收到裁决书之日2026-04-15');
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'already-suing', 'partyId']);
    expect((await view(c)).proceedings.lawsuits).toHaveLength(1);
  });
});
