import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, mixedAwardServed, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** The lead's fixes at stop 48, from the outside checks (ui48: a new user's walk in Chromium). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });
const { ok, send } = caseEvents(() => t);

const history = async (c: { id: number }) =>
  (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as {
    type: string;
    occurredOn: string;
    payload: Record<string, unknown>;
  }[];

describe(`lead48: a receipt entered late (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ui48 H1: a SERVE sent without occurredOn happened on its servedOn — a timely defense is recorded on its day', async () => {
    const { c } = await caseAt(t, a, 'accepted', { acceptOn: '2026-11-18' });
    const respondent = (c.respondents as { id: number }[])[0]?.id;
    // The paper receipt (served 11-20) is entered today, 12-05, without a separate day of entry.
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct', servedOn: '2026-11-20' });
    const serve = (await history(c)).find((e) => e.type === 'SERVE');
    expect(serve?.occurredOn).toBe('2026-11-20');
    // The defense that came on 11-27, inside the 10 days (LDMAL Art. 30), is recorded on 11-27 and is on time.
    const v = await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent, summary: '被申请人认为已足额支付工资' }, '2026-11-27');
    const defense = (v.deadlines as { kind: string; status: string }[]).find((d) => d.kind === 'defense');
    expect(defense?.status).toBe('met');
  });

  it('reviewer M1: a receipt older than the last act, sent without occurredOn, is dated by that act; its servedOn stands', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', { acceptOn: '2026-11-18', formOn: '2026-11-25' });
    const respondent = (c.respondents as { id: number }[])[0]?.id;
    const v = await ok(c, a.tokens.clerk, 'SERVE', {
      document: 'application_copy',
      partyId: respondent,
      method: 'direct',
      servedOn: '2026-11-20',
    });
    const serve = (await history(c)).find((e) => e.type === 'SERVE') as { occurredOn: string; payload: { servedOn: string } } | undefined;
    expect(serve?.occurredOn).toBe('2026-11-25');
    expect(serve?.payload.servedOn).toBe('2026-11-20');
    // The defense period runs from the service day (LDMAL Art. 30; ten working days as configured), not from 11-25.
    const defense = (v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'defense');
    expect(defense?.dueOn).toBe('2026-12-04');
  });

  it('an explicit occurredOn still orders the acts after it (api.md)', async () => {
    const { c } = await caseAt(t, a, 'accepted', { acceptOn: '2026-11-18' });
    const respondent = (c.respondents as { id: number }[])[0]?.id;
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'application_copy', partyId: respondent, method: 'direct', servedOn: '2026-11-20' },
      '2026-12-01',
    );
    const r = await send(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent }, '2026-11-27');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'occurredOn' });
  });
});

describe(`lead48: refusing a review (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const review = (effectiveOn: string, claims?: { category: string; amount?: string; description: string }[]) =>
    registerCase(
      t,
      a,
      standardApplication({
        track: 'review',
        receivedOn: '2026-12-01',
        ...(claims ? { claims } : {}),
        agreement: { effectiveOn, organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    ) as Promise<CaseView>;

  it('ui48 H2: an application made within 15 days of the agreement is not refused as late (Rules Arts. 74–75)', async () => {
    const c = await review('2026-11-25');
    const r = await send(c, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'late', reason: '超过十五日' }, '2026-12-02');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'review-rejection-not-late' });
    expect(r.body.detail).toContain('申请期间至2026-12-10届满');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('review_received');
    // A late one is: 2026-11-02 + 15 days ended 11-17.
    const late = await review('2026-11-02');
    const v = await ok(late, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'late', reason: '超过十五日' }, '2026-12-02');
    expect(v.state).toBe('review_rejected');
  });

  it('ui48 H2: "confirms a labor relationship" needs such a matter in the agreement (Rules Art. 75)', async () => {
    const c = await review('2026-11-25');
    const r = await send(c, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'confirms_relationship', reason: '涉及确认劳动关系' }, '2026-12-02');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'review-rejection-no-relationship-claim' });
    const rel = await review('2026-11-25', [{ category: 'confirm_relationship', description: '确认2024年1月至2025年6月存在劳动关系' }]);
    const v = await ok(rel, a.tokens.clerk, 'REJECT_REVIEW', { ground: 'confirms_relationship', reason: '涉及确认劳动关系' }, '2026-12-02');
    expect(v.state).toBe('review_rejected');
  });
});

describe(`lead48: HEAD (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the probes answer HEAD for an outside monitor; a path of the API does not (secfix L1)', async () => {
    const request = (await import('supertest')).default;
    expect((await request(t.app).head('/healthz')).status).toBe(200);
    expect((await request(t.app).head('/readyz')).status).toBe(200);
    const api = await request(t.app).head('/api/cases/1').set('Authorization', `Bearer ${a.tokens.clerk}`);
    expect(api.status).toBe(405);
    expect(api.headers.allow).not.toContain('HEAD');
  });
});

describe(`lead48: an award set aside, read by an analyst (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ui48 M3: the summary says the final award was set aside (LDMAL Art. 49), not only that it was made', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    const staff = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-05-10' }, '2026-05-10');
    expect(staff.award).toMatchObject({ setAside: { court: '聊城市中级人民法院', decidedOn: '2026-05-10', whole: true } });
    const analyst = (await t.api(a.tokens.analyst).get(`/api/cases/${c.id}`)).body;
    expect(analyst.readLevel).toBe('summary');
    expect(analyst.award).toEqual({
      finality: 'final',
      issuedOn: '2026-04-10',
      defaultAward: false,
      setAside: { court: '聊城市中级人民法院', decidedOn: '2026-05-10', whole: true },
    });
  });
});

describe(`lead48: who applies to enforce (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ui48 H3: the employer an award orders to pay cannot be recorded as applying for enforcement (LDMAL Art. 51)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = ['3000.00', '2000.00'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    const employer = c.respondents[0]?.id as number;
    const worker = c.applicants[0]?.id as number;
    const court = '聊城市东昌府区人民法院';
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    const r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: employer, court, filedOn: '2026-05-06' }, '2026-05-06');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ rule: 'enforcement-by-obligee' });
    expect(r.body.detail).toContain('第五十一条');
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(after.version).toBe(before.version);
    const v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: worker, court, filedOn: '2026-05-06' }, '2026-05-06');
    expect(v.state).toBe('enforcement_applied');
  });
});

describe(`lead48: a worker's suit on a final award in force (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const INTERMEDIATE = '聊城市中级人民法院';
  const BASIC = '聊城市东昌府区人民法院';
  /** A final award (12 000 + 20 000) made 04-10 on the workers named, served on all 04-13. */
  async function finalAwardServed(names: [string, number][]) {
    const body = standardApplication({ applicants: names.map(([n, i]) => worker(n, i)) });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const items = c.claims.map((cl: { id: number }, i: number) => ({
      claimId: cl.id,
      outcome: 'granted',
      amount: i ? '20000.00' : '12000.00',
    }));
    expect((await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10')).award.finality).toBe('final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    return { c, workers: c.applicants.map((x: { id: number }) => x.id) as number[] };
  }

  it('reviewer H2: a late suit does not end the pending set-aside (SPC-1 Art. 21(1) concerns a suit under LDMAL Art. 48)', async () => {
    const { c, workers } = await finalAwardServed([['工人R1', 801]]);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-05-08' }, '2026-05-08');
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workers[0], court: BASIC, filedOn: '2026-05-20' }, '2026-05-20');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'late-suit-on-final-award', 'filedOn']);
    expect(r.body.detail).toContain('2026-04-28');
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(v.state).toBe('set_aside_pending');
    expect(v.proceedings.setAside).toMatchObject({ result: null, filedOn: '2026-05-08' });
  });

  it('reviewer H3: a late suit does not take a final award under enforcement back to court (LDMAL Art. 48)', async () => {
    const { c, workers } = await finalAwardServed([['工人R2', 802]]);
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workers[0], court: BASIC, filedOn: '2026-06-15' }, '2026-06-15');
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workers[0], court: BASIC, filedOn: '2026-07-20' }, '2026-07-20');
    expect([r.status, r.body.rule]).toEqual([422, 'late-suit-on-final-award']);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('enforcement_applied');
  });

  it('reviewer M2: with several workers one worker’s suit does not end the set-aside as to the others', async () => {
    const { c, workers } = await finalAwardServed([
      ['工人R3', 803],
      ['工人R4', 804],
    ]);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workers[0], court: BASIC, filedOn: '2026-04-22' }, '2026-04-22');
    expect([r.status, r.body.rule]).toEqual([422, 'suit-during-set-aside-several-workers']);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.proceedings.setAside.result).toBeNull();
  });

  it('reviewer H1: the award’s enforcement outcome is recorded on the award’s enforcement, not a partial award’s', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人R5', 805)] }) });
    const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
    const first = c.claims[0]?.id;
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: first, outcome: 'granted', amount: '12000.00' }], ...text }, '2026-04-02');
    const parties = [...c.applicants, ...c.respondents] as { id: number }[];
    for (const p of parties)
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03', awardOn: '2026-04-02' },
        '2026-04-03',
      );
    const workerId = c.applicants[0]?.id;
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, partialAward: 1 }, '2026-04-08');
    const rest = c.claims.slice(1).map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '2000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items: rest, ...text }, '2026-04-10');
    for (const p of parties)
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13', awardOn: '2026-04-10' },
        '2026-04-13',
      );
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, filedOn: '2026-05-06' }, '2026-05-06');
    const v = await ok(c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', { result: 'enforced', decidedOn: '2026-06-01' }, '2026-06-01');
    const entries = v.proceedings.enforcement as { partialAward?: number; outcome: { result: string } | null }[];
    expect(entries.find((e) => e.partialAward === 1)?.outcome).toBeNull();
    expect(entries.find((e) => e.partialAward === undefined)?.outcome).toMatchObject({ result: 'enforced' });
  });
});

describe(`lead48: a second outside check of the remedies (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const INTERMEDIATE = '聊城市中级人民法院';
  const BASIC = '聊城市东昌府区人民法院';
  const text = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
  /** A final partial award on each worker's first claim (8 000), made 04-02, served on all 04-03; the employer applies 04-10 to set it aside. */
  async function partialUnderSetAside(names: [string, number][]) {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: names.map(([n, i]) => worker(n, i)) }) });
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '8000.00' }];
    await ok(c, arb.token, 'PARTIAL_AWARD', { items, ...text }, '2026-04-02');
    for (const p of [...c.applicants, ...c.respondents] as { id: number }[])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03' }, '2026-04-03');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-10', partialAward: 1 }, '2026-04-10');
    return { c, workers: c.applicants.map((x: { id: number }) => x.id) as number[] };
  }

  it('legal48c H1: a late worker suit on a partial award does not end its pending set-aside', async () => {
    const { c, workers } = await partialUnderSetAside([['工人S1', 811]]);
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workers[0], court: BASIC, filedOn: '2026-05-06', partialAward: 1 },
      '2026-05-06',
    );
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'late-suit-on-final-award', 'filedOn']);
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(v.proceedings.partialAwardRemedies).toEqual([expect.objectContaining({ kind: 'set_aside', result: null })]);
  });

  it('legal48c H2: with several workers, one worker’s suit on the partial award waits for the set-aside’s ruling', async () => {
    const { c, workers } = await partialUnderSetAside([
      ['工人S2', 812],
      ['工人S5', 815],
    ]);
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workers[0], court: BASIC, filedOn: '2026-04-13', partialAward: 1 },
      '2026-04-13',
    );
    expect([r.status, r.body.rule]).toEqual([422, 'suit-during-set-aside-several-workers']);
  });

  it('legal48c H3: the worker’s suit after the employer’s (mixed award, set-aside pending) ends the application', async () => {
    const { c, employerId } = await mixedAwardServed(t, a, '工人S3', 813);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-22' }, '2026-04-22');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: c.applicants[0]?.id, court: BASIC, filedOn: '2026-04-24' },
      '2026-04-24',
    );
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.setAside).toMatchObject({ result: 'terminated', decidedOn: '2026-04-24' });
  });

  it('legal48c M1, L4, L5: a suit after one’s own enforcement is warned; no advance execution of nothing; no service registered before it happened', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人S4', 814)] }) });
    const items = c.claims.map((cl: { id: number }) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    for (const p of [...c.applicants, ...c.respondents] as { id: number }[])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    const w = c.applicants[0]?.id;
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w, court: BASIC, filedOn: '2026-04-24' }, '2026-04-24');
    expect(r.status).toBe(200);
    expect((r.body.warnings as string[]).some((x) => x.includes('已于2026-04-20') && x.includes('申请强制执行'))).toBe(true);

    const { c: h } = await caseAt(t, a, 'heard');
    const zero = await send(
      h,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [h.claims[0]?.id],
        amounts: [{ claimId: h.claims[0]?.id, amount: '0.00' }],
        paymentDays: 10,
        rightsClear: true,
        lifeSeriouslyAffected: true,
      },
      '2026-03-26',
    );
    expect(zero.status).toBe(400);
    expect(zero.body.errors.map((e: { path: string }) => e.path)).toContain('amounts.0.amount');
    const early = await send(
      h,
      a.tokens.clerk,
      'SERVE',
      { document: 'acceptance_notice', partyId: h.applicants[0]?.id, method: 'direct', servedOn: '2026-03-27' },
      '2026-03-26',
    );
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ path: 'servedOn' });
  });
});
