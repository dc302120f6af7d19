import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, mixedAwardServed } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixE52, round 52: the court's outcomes and the award's effect after them (SPC-2000 Art. 1; SPC-1 Arts. 17, 21;
 * LDMAL Arts. 48, 50). Award issued 10-12, served on every party 10-13. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const BASIC = '聊城市东昌府区人民法院';
type Deadline = { kind: string; partyId?: number; dueOn: string | null; status: string; startsOn?: string | null; explanation: string };
const deadlines = (v: CaseView) => v.deadlines as Deadline[];
const of = (v: CaseView, kind: string, partyId?: number) => deadlines(v).filter((d) => d.kind === kind && d.partyId === partyId);
const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const COMPENSATION = [{ category: 'economic_compensation', amount: '30000.00', description: '解除劳动合同经济补偿' }];
const WAGES = [{ category: 'wages', amount: '10000.00', description: '2025年工资' }];

/** Workers `names` (seq from `seq`) against one employer; every claim granted 10-12; the award served on all 10-13. */
async function awardServed(names: string[], seq: number, final: boolean) {
  const body = standardApplication({
    applicants: names.map((n, i) => worker(n, seq + i)),
    respondents: [employer()],
    claims: final ? WAGES : COMPENSATION,
  });
  const { c, arb } = await caseAt(t, a, 'heard', { body });
  const items = (c.claims as { id: number }[]).map((cl) => ({
    claimId: cl.id,
    outcome: 'granted',
    amount: final ? '10000.00' : '30000.00',
  }));
  const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-10-12');
  expect(v.award.finality).toBe(final ? 'final' : 'non_final');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-10-13' }, '2026-10-13');
  return { c, arb, workers: c.applicants.map((x: { id: number }) => x.id) as number[], employerId: c.respondents[0]?.id as number };
}

describe(`fixE52 1: a withdrawal's effect runs from the ruling's service, which must be entered (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('withdrawal_permitted without servedOn: 400 naming servedOn, nothing recorded (SPC-2000 Art. 1)', async () => {
    const { c, employerId } = await awardServed(['工人甲五二'], 611, false);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    const before = await view(c);
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-11-05' },
      '2026-11-05',
    );
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['servedOn']);
    const after = await view(c);
    expect(after.version).toBe(before.version);
    expect(after.proceedings.effectiveOn).toBeNull();
    // With the service day: effective from it.
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-11-05', servedOn: '2026-11-09' },
      '2026-11-09',
    );
    expect(v.proceedings.effectiveOn).toBe('2026-11-09');
  });
  it("a worker's suit on a final award dismissed: the employer's 30 days run from service, which must be entered (SPC-1 Art. 21(2))", async () => {
    const { c, workers } = await awardServed(['工人乙五二'], 613, true);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workers[0], court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-11-05' },
      '2026-11-05',
    );
    expect([r.status, r.body.field]).toEqual([422, 'servedOn']);
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-11-05', servedOn: '2026-11-09' },
      '2026-11-09',
    );
    expect(deadlines(v).find((d) => d.kind === 'set_aside_after_suit')?.dueOn).toBe('2026-12-09');
  });
});

describe(`fixE52 5: one suit pending per party at a time (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a second suit filed before the ruling that ended the first: 422 naming filedOn (domain.md §9.4)', async () => {
    const { c, workers } = await awardServed(['工人丙五二', '工人丁五二'], 615, false);
    const [w1, w2] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court: BASIC, filedOn: '2026-10-22' }, '2026-10-22');
    const ended = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: w1, decidedOn: '2026-11-10', servedOn: '2026-11-10' },
      '2026-11-10',
    );
    expect(ended.state).toBe('in_litigation');
    const before = await view(c);
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-01' }, '2026-11-10');
    expect([r.status, r.body.field, r.body.rule]).toEqual([422, 'filedOn', 'suit-overlaps-earlier-suit']);
    expect((await view(c)).version).toBe(before.version);
  });
});

describe(`fixE52 2: a worker's late suit on a final award does not stop the employer's set-aside (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('late suit first: refused as when entered after the set-aside; the employer applies, the award stays in force (LDMAL Arts. 47–48; SPC-1 Art. 21)', async () => {
    const { c, workers, employerId } = await awardServed(['工人戊五二'], 617, true);
    const [w1] = workers as [number];
    const before = await view(c);
    const late = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-02' }, '2026-11-02');
    expect([late.status, late.body.rule, late.body.field]).toEqual([422, 'late-suit-on-final-award', 'filedOn']);
    expect(late.body.detail).toContain('2026-10-28');
    let v = await view(c);
    expect(v.version).toBe(before.version);
    // The employer's own 30 days (LDMAL Art. 49) are not paused; the award's effect is still on the list.
    expect(of(v, 'set_aside_employer', employerId)[0]?.status).not.toBe('paused');
    expect(deadlines(v).some((d) => d.kind === 'effective')).toBe(true);
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-11-05' }, '2026-11-05');
    expect(v.state).toBe('set_aside_pending');
    // The other order: the same refusal.
    const again = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-06' }, '2026-11-06');
    expect([again.status, again.body.rule]).toEqual([422, 'late-suit-on-final-award']);
  });
  it('reviewer s52 H1: a late suit the court docketed (courtAccepted, CPL Art. 86) is recorded with its warning and goes to court', async () => {
    const { c, workers } = await awardServed(['工人庚五二'], 621, true);
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workers[0], court: BASIC, filedOn: '2026-11-02', courtAccepted: true },
      '2026-11-02',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('in_litigation');
    expect((r.body.warnings as string[]).join()).toContain('2026-10-28');
    const refused = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workers[0], court: BASIC, filedOn: '2026-11-02', courtAccepted: false },
      '2026-11-02',
    );
    expect(refused.status).toBe(400);
  });
  it('a timely suit on a final award is still recorded and goes to court (LDMAL Art. 48)', async () => {
    const { c, workers } = await awardServed(['工人己五二'], 619, true);
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workers[0], court: BASIC, filedOn: '2026-10-27' }, '2026-10-27');
    expect(v.state).toBe('in_litigation');
  });
});

describe(`fixE52 2 (legal52b L2): a late suit does not read as meeting the worker's window (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a late suit on a mixed award: sue_final_worker elapsed, the late suit named (LDMAL Art. 48)', async () => {
    const { c, workerId } = await mixedAwardServed(t, a, '工人庚五二', 621);
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-05-08' }, '2026-05-08');
    const w = of(v, 'sue_final_worker', workerId)[0];
    expect(w?.status).toBe('elapsed');
    expect(w?.explanation).toContain('已于2026-05-08提出，晚于期间届满日');
  });
});

describe(`fixE52 3: a worker who did not sue enforces on the date his effect is computed (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('2 workers, non-final award, only A sues: B applies on 10-29 without MARK_EFFECTIVE; before it, the refusal names the date (SPC-1 Art. 17; LDMAL Art. 50)', async () => {
    const { c, workers } = await awardServed(['工人辛五二', '工人壬五二'], 623, false);
    const [wa, wb] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    let v = await view(c);
    expect(of(v, 'effective', wb)[0]?.dueOn).toBe('2026-10-29');
    const early = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: BASIC }, '2026-10-28');
    expect([early.status, early.body.rule, early.body.field]).toEqual([422, 'award-not-effective-for-party', 'partyId']);
    expect(early.body.detail).toContain('自2026-10-29起对其发生法律效力');
    const sued = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wa, court: BASIC }, '2026-10-30');
    expect([sued.status, sued.body.rule]).toEqual([422, 'award-not-effective-for-party']);
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: BASIC }, '2026-10-29');
    expect(v.state).toBe('in_litigation');
  });
});

describe(`fixE52 4: the worker who did not sue has his enforcement window (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("while A's suit is pending and after it ends in a judgment, B's enforcement_application runs from his own date (CPL Art. 250; SPC-1 Art. 17)", async () => {
    const { c, workers } = await awardServed(['工人癸五二', '工人子五二'], 625, false);
    const [wa, wb] = workers as [number, number];
    let v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    const mine = (x: CaseView) => of(x, 'enforcement_application', wb)[0];
    expect(mine(v)?.explanation).toContain('2026-10-29');
    expect(of(v, 'enforcement_application', wa)).toEqual([]);
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-11-20' }, '2026-11-20');
    expect(v.state).toBe('court_decided');
    expect(mine(v)?.explanation).toContain('2026-10-29');
    expect(of(v, 'enforcement_application', wa)).toEqual([]);
  });
});

describe(`fixE52 7 (legal52a L1): the award preview refuses an amount above the claim as ISSUE_AWARD does (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('granted 40000.00 on a 30000.00 claim: 400 naming items.0.amount (LDMAL Art. 46)', async () => {
    const body = standardApplication({ applicants: [worker('工人丑五二', 627)], respondents: [employer()], claims: COMPENSATION });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const claimId = (c.claims as { id: number }[])[0]?.id;
    const r = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/award-preview`, { items: [{ claimId, outcome: 'granted', amount: '40000.00' }] });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.0.amount']);
    expect(r.body.errors[0].message).toContain('不能超过请求金额 30000.00');
    const fine = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/award-preview`, { items: [{ claimId, outcome: 'granted', amount: '30000.00' }] });
    expect(fine.status).toBe(200);
  });
});

describe(`fixE52 6 (legal52a M4): court_decided names whom the judgment holds the award back for (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('final award, A sued, B enforcing; A judged: the label says the award is without effect for the suing party only (LDMAL Arts. 47–48)', async () => {
    const { c, workers } = await awardServed(['工人寅五二', '工人卯五二'], 629, true);
    const [wa, wb] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: BASIC }, '2026-10-22');
    const v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-11-20' }, '2026-11-20');
    expect(v.state).toBe('court_decided');
    expect(v.stateLabel).toBe('法院已裁判（裁决对起诉的当事人不发生法律效力）');
    expect(v.proceedings.effectiveOn).toBe('2026-10-12');
  });
});

describe(`fixE52 7 (legal52a L3): an unknown partyId on a court outcome is one error (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('RECORD_COURT_OUTCOME {partyId: 999999}: 400 with one error at partyId', async () => {
    const { c, employerId } = await awardServed(['工人辰五二'], 631, false);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'judgment', partyId: 999999, decidedOn: '2026-11-05' },
      '2026-11-05',
    );
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['partyId']);
  });
});
