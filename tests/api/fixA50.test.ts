import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, mixedAwardServed, REASONING } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixA50, round 50: the court's outcome per suit (legal49c H2; LDMAL Arts. 48, 50; SPC-1 Art. 17; SPC-2000 Arts. 1–3),
 * the remedies' outcomes on an archived file (legal49a M5), the enforcement of a partial award by the side entitled
 * (reviewer L1) and the service of a partial award (LDMAL Art. 43(2)). "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const BASIC = '聊城市东昌府区人民法院';
type NextEvent = { type: string; suits?: { partyId: number }[] };
type Suit = { partyId: number; decided: { outcome: string; decidedOn: string } | null };
const nextEvents = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as NextEvent[];
const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const suits = (v: CaseView) => (v.proceedings as { lawsuits: Suit[] }).lawsuits;

/** Workers `names` (seq from `seq`) against one employer; every claim granted at `amount`; served on all on `servedOn`. */
async function awardServed(names: string[], seq: number, opts: { claims?: unknown[]; amount: string; on: string; servedOn: string }) {
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

describe(`fixA50 1: one court outcome per suit (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal49c H2: two workers sued a final award — one withdrawal ends his suit only, the other goes on (LDMAL Art. 48)', async () => {
    const {
      c,
      workers,
      v: issued,
    } = await awardServed(['工人甲五', '工人乙五', '工人丙五'], 951, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    expect(issued.award.finality).toBe('final');
    const [w1, w2, w3] = workers as [number, number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court: BASIC, filedOn: '2026-04-22' }, '2026-04-22');
    // next-events names the suits a ruling may end.
    const offered = (await nextEvents(c)).find((e) => e.type === 'RECORD_COURT_OUTCOME');
    expect(offered?.suits?.map((s) => s.partyId)).toEqual([w1, w2]);
    // Two suits pending: which one the ruling ends is required (400 naming partyId), nothing recorded.
    const before = await view(c);
    let r = await send(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', {
      outcome: 'withdrawal_permitted',
      decidedOn: '2026-05-20',
      servedOn: '2026-05-20',
    });
    expect([r.status, r.body.errors?.[0]?.path]).toEqual([400, 'partyId']);
    expect(r.body.errors[0].message).toContain('本案有2件起诉');
    // A party without a pending suit is not one to rule on.
    r = await send(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', {
      outcome: 'withdrawal_permitted',
      partyId: w3,
      decidedOn: '2026-05-20',
      servedOn: '2026-05-20',
    });
    expect([r.status, r.body.errors?.[0]?.path]).toEqual([400, 'partyId']);
    expect((await view(c)).version).toBe(before.version);
    // w1's withdrawal: his suit ends, w2's goes on — the case stays in court.
    let v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', {
      outcome: 'withdrawal_permitted',
      partyId: w1,
      decidedOn: '2026-05-20',
      servedOn: '2026-05-20',
    });
    expect(v.state).toBe('in_litigation');
    expect(suits(v).map((s) => s.decided?.outcome ?? null)).toEqual(['withdrawal_permitted', null]);
    expect((await nextEvents(c)).find((e) => e.type === 'RECORD_COURT_OUTCOME')?.suits?.map((s) => s.partyId)).toEqual([w2]);
    // The final award is in force again for w1 (his suit withdrawn, SPC-2000 Art. 1): he may apply to enforce it, while
    // w2's suit holds it back for w2 (LDMAL Art. 48).
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w2, court: BASIC }, '2026-05-25');
    expect([r.status, r.body.field]).toEqual([422, 'partyId']);
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w1, court: BASIC }, '2026-05-25');
    expect(v.state).toBe('in_litigation');
    // The last suit pending: partyId may be left out. The judgment replaces the award for w2 only.
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-06-20' });
    expect(v.state).toBe('court_decided');
    expect(suits(v).map((s) => s.decided?.outcome ?? null)).toEqual(['withdrawal_permitted', 'judgment']);
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w2, court: BASIC }, '2026-06-25');
    expect([r.status, r.body.rule]).toEqual([422, 'award-not-effective-for-party']);
  });

  it("legal49c H2: a mixed award both sides sued — the employer's withdrawal leaves the worker's suit pending, and back", async () => {
    for (const [first, seq] of [
      ['employer', 961],
      ['worker', 962],
    ] as const) {
      const { c, workerId, employerId } = await mixedAwardServed(t, a, `工人混${seq}`, seq);
      await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
      await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-21' }, '2026-04-21');
      const [one, other] = first === 'employer' ? [employerId, workerId] : [workerId, employerId];
      let v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', {
        outcome: 'withdrawal_permitted',
        partyId: one,
        decidedOn: '2026-05-20',
        servedOn: '2026-05-20',
      });
      expect(v.state, first).toBe('in_litigation');
      expect(suits(v).find((s) => s.partyId === other)?.decided, first).toBeNull();
      v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', partyId: other, decidedOn: '2026-06-20' });
      expect(v.state, first).toBe('court_decided');
      expect(suits(v).every((s) => s.decided !== null)).toBe(true);
    }
  });
});

describe(`fixA50 2: the court's outcomes on an archived file (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal49a M5: archived while a suit awaits its outcome — the outcome is recorded, the file stays archived (domain.md §10.3)', async () => {
    const {
      c,
      employerId,
      v: issued,
    } = await awardServed(['工人丁五'], 971, { claims: COMPENSATION, amount: '30000.00', on: '2026-04-10', servedOn: '2026-04-15' });
    expect(issued.award.finality).toBe('non_final');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    let v = await ok(c, a.tokens.clerk, 'ARCHIVE', {}, '2026-05-10');
    expect(v.state).toBe('archived');
    expect((await nextEvents(c)).map((e) => e.type)).toContain('RECORD_COURT_OUTCOME');
    // The suit withdrawn with the court's permission: the award takes effect (SPC-2000 Art. 1), the case stays archived.
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', {
      outcome: 'withdrawal_permitted',
      decidedOn: '2026-06-20',
      servedOn: '2026-06-20',
    });
    expect(v.state).toBe('archived');
    expect(suits(v)[0]?.decided).toEqual({ outcome: 'withdrawal_permitted', decidedOn: '2026-06-20' });
    expect(v.proceedings.effectiveOn).not.toBeNull();
    expect(v.proceedings.archivedOn).toBe('2026-05-10');
    // Nothing left to rule on: a second outcome is refused.
    const r = await send(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-06-21' });
    expect(r.status).toBe(409);
  });

  it('legal49a M5: the outcome first, then archiving — as before', async () => {
    const { c, employerId } = await awardServed(['工人戊五'], 972, {
      claims: COMPENSATION,
      amount: '30000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    let v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-06-20' });
    expect(v.state).toBe('court_decided');
    v = await ok(c, a.tokens.clerk, 'ARCHIVE', {}, '2026-07-10');
    expect(v.state).toBe('archived');
    expect(suits(v)[0]?.decided?.outcome).toBe('judgment');
    expect((await nextEvents(c)).map((e) => e.type)).not.toContain('RECORD_COURT_OUTCOME');
  });

  it('legal49a M5: an enforcement applied for, then archived — its outcome is recorded on the archived file; and the other order', async () => {
    for (const [order, seq] of [
      ['archive-first', 981],
      ['outcome-first', 982],
    ] as const) {
      const { c, workers } = await awardServed([`工人己${seq}`], seq, {
        claims: WAGES,
        amount: '10000.00',
        on: '2026-04-10',
        servedOn: '2026-04-15',
      });
      const [w] = workers as [number];
      let v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w, court: BASIC }, '2026-06-25');
      expect(v.state).toBe('enforcement_applied');
      if (order === 'archive-first') {
        v = await ok(c, a.tokens.clerk, 'ARCHIVE', {}, '2026-07-01');
        expect(v.state).toBe('archived');
        v = await ok(c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', { result: 'enforced', decidedOn: '2026-09-10' });
        expect(v.state).toBe('archived');
      } else {
        v = await ok(c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', { result: 'enforced', decidedOn: '2026-09-10' });
        expect(v.state).toBe('enforcement_closed');
        v = await ok(c, a.tokens.clerk, 'ARCHIVE', {}, '2026-09-20');
        expect(v.state).toBe('archived');
      }
      expect(v.proceedings.enforcement[0].outcome, order).toMatchObject({ result: 'enforced', decidedOn: '2026-09-10' });
      const r = await send(c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', { result: 'enforced', decidedOn: '2026-09-11' });
      expect(r.status, order).toBe(409);
    }
  });
});

/** A case with the employer's counterclaim merged (Rules Art. 36), heard on 03-30; a non-final partial award grants it. */
async function counterclaimPartialAward(seq: number) {
  const c = await registerCase(t, a, standardApplication({ applicants: [worker(`工人反${seq}`, seq)] }));
  const arb = a.arbitrators[0] as { id: number; token: string };
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  const notice = { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-03-06' };
  await ok(c, a.tokens.clerk, 'SERVE', notice, '2026-03-06');
  const cc = {
    description: '被申请人反申请：申请人返还培训费用',
    claims: [{ category: 'damages', amount: '5000.00', description: '返还培训费用' }],
  };
  const merged = await ok(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', cc, '2026-03-10');
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
  await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-12');
  await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
  const counter = (merged.claims as { id: number; counterclaim?: boolean }[]).find((x) => x.counterclaim)?.id as number;
  const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
  const pa = await ok(
    c,
    arb.token,
    'PARTIAL_AWARD',
    { items: [{ claimId: counter, outcome: 'granted', amount: '5000.00' }], ...text },
    '2026-04-01',
  );
  return { c, arb, pa, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}

describe(`fixA50 3: a non-final partial award is enforced by the side it entitles (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('reviewer L1: the employer whose counterclaim it granted applies; the worker it orders to pay does not (LDMAL Arts. 43(2), 50–51)', async () => {
    const { c, pa, workerId, employerId } = await counterclaimPartialAward(991);
    expect(pa.proceedings.partialAwards[0].finality).toBe('non_final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    // Before the windows ran out: not yet effective (LDMAL Art. 50) — for the employer too.
    let r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: employerId, court: BASIC }, '2026-04-10');
    expect([r.status, r.body.rule]).toEqual([422, 'partial-award-not-effective']);
    // The worker is the one it orders to pay: not his to enforce (Art. 51: 另一方当事人).
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: workerId, court: BASIC }, '2026-04-26');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'enforcement-by-obligee', 'partyId']);
    // Before the fix: 422 enforcement-partial-award-by-worker.
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: employerId, court: BASIC }, '2026-04-26');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body as CaseView).proceedings.enforcement).toEqual([expect.objectContaining({ partyId: employerId, partialAward: 1 })]);
  });

  it("reviewer L1: the worker's timely suit on it holds the employer's enforcement back (SPC-1 Art. 16)", async () => {
    const { c, workerId, employerId } = await counterclaimPartialAward(992);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partialAward: 1, partyId: workerId, court: BASIC, filedOn: '2026-04-10' },
      '2026-04-10',
    );
    const r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partialAward: 1, partyId: employerId, court: BASIC }, '2026-04-26');
    expect([r.status, r.body.rule]).toEqual([422, 'partial-award-sued']);
  });
});

describe(`fixA50 4: serving a partial award (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('SERVE names the partial award it delivers; naming none after the final award serves the final award only (LDMAL Art. 43(2))', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人庚五', 993)] }) });
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
    const [w, e] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    const serve = (partyId: number, extra: Record<string, unknown>) =>
      send(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct', servedOn: '2026-04-15', ...extra });
    // A partial award the case does not have, or named on another document: 400 naming partialAward, nothing recorded.
    let r = await serve(w, { partialAward: 2 });
    expect([r.status, r.body.errors?.[0]?.path]).toEqual([400, 'partialAward']);
    r = await serve(w, { document: 'hearing_notice', partialAward: 1 });
    expect([r.status, r.body.errors?.[0]?.path]).toEqual([400, 'partialAward']);
    // The worker receives the partial award, named: recorded by its day.
    r = await serve(w, { partialAward: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The employer receives an award document naming none: the final award, with a warning that the partial one is not.
    r = await serve(e, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(((r.body.warnings ?? []) as string[]).join('')).toContain('第1件（2026-04-01）');
    const services = (r.body as CaseView).proceedings.services as { document: string; partyId: number; awardOn?: string }[];
    expect(services.filter((s) => s.document === 'award').map((s) => [s.partyId, s.awardOn])).toEqual([
      [w, '2026-04-01'],
      [e, '2026-04-10'],
    ]);
    // The final award is not served on the worker by the partial award's service: not served to all, the case stays.
    expect((r.body as CaseView).state).toBe('award_issued');
  });
});

describe(`legal50c H1: a worker's own suit withdrawn (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the award takes effect for him from service of the ruling, not from the end of the windows (SPC-2000 Art. 1)', async () => {
    const { c, workers } = await awardServed(['工人甲九', '工人乙九'], 971, {
      claims: COMPENSATION,
      amount: '30000.00',
      on: '2026-04-10',
      servedOn: '2026-04-15',
    });
    const [w1, w2] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court: BASIC, filedOn: '2026-04-21' }, '2026-04-21');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: w1, decidedOn: '2026-05-10', servedOn: '2026-05-11' },
      '2026-05-11',
    );
    const mine = (v.deadlines as { kind: string; partyId?: number; dueOn: string; explanation: string }[]).find(
      (d) => d.kind === 'effective' && d.partyId === w1,
    );
    // The windows ended 04-30 (05-01 the day after); the ruling was served 05-11.
    expect(mine?.dueOn).toBe('2026-05-11');
    expect(mine?.explanation).toContain('准予');
    expect(mine?.explanation).not.toContain('未向人民法院起诉');
    const marked = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: w1 }, '2026-05-11');
    expect(JSON.stringify(marked)).toContain(`"effectiveFor":[{"partyId":${w1},"effectiveOn":"2026-05-11"}]`);
  });
});
