import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixE51, round 51: the effect of an award after the court's outcomes of several suits (SPC-1 Arts. 16–17, 21;
 * SPC-2000 Arts. 1–2), the outcome's check, and the deadlines that follow. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const BASIC = '聊城市东昌府区人民法院';
type Deadline = { kind: string; partyId?: number; dueOn: string | null; status: string; startsOn?: string | null; explanation: string };
const deadlines = (v: CaseView) => v.deadlines as Deadline[];
const effective = (v: CaseView, partyId?: number) => deadlines(v).filter((d) => d.kind === 'effective' && d.partyId === partyId);
const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const COMPENSATION = [{ category: 'economic_compensation', amount: '30000.00', description: '解除劳动合同经济补偿' }];
const WAGES = [{ category: 'wages', amount: '10000.00', description: '2025年工资' }];

/** Workers `names` (seq from `seq`) against one employer; every claim granted; the award served on all on `servedOn`. */
async function awardServed(names: string[], seq: number, opts: { claims?: unknown[]; amount: string; on: string; servedOn: string }) {
  const body = standardApplication({
    applicants: names.map((n, i) => worker(n, seq + i)),
    respondents: [employer()],
    claims: opts.claims ?? COMPENSATION,
  });
  const { c, arb } = await caseAt(t, a, 'heard', { body });
  const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: opts.amount }));
  const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, opts.on);
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: opts.servedOn }, opts.servedOn);
  return { c, arb, v, workers: c.applicants.map((x: { id: number }) => x.id) as number[], employerId: c.respondents[0]?.id as number };
}

describe(`fixE51 H1: the effect after several suits ended takes every ruling into account (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  for (const order of ['withdrawal first', 'dismissal first'] as const)
    it(`a worker's suit withdrawn (served 11-22), the employer's late suit dismissed out of time — ${order}: effect 11-22 (SPC-1 Art. 16; SPC-2000 Arts. 1–2)`, async () => {
      const {
        c,
        workers,
        employerId,
        v: issued,
      } = await awardServed(['工人甲E', '工人乙E'], order === 'withdrawal first' ? 511 : 515, {
        amount: '30000.00',
        on: '2026-10-20',
        servedOn: '2026-10-28',
      });
      expect(issued.award.finality).toBe('non_final');
      const [w1] = workers as [number, number];
      await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-05' }, '2026-11-05');
      // The windows ended 11-12: the employer's suit of 11-16 is late (recorded with a warning; the court decides).
      await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-11-16' }, '2026-11-16');
      const withdrawal = { outcome: 'withdrawal_permitted', partyId: w1, decidedOn: '2026-11-20', servedOn: '2026-11-22' };
      const dismissal = { outcome: 'dismissed_out_of_time', partyId: employerId, decidedOn: '2026-11-24', servedOn: '2026-11-26' };
      const [first, second] = order === 'withdrawal first' ? [withdrawal, dismissal] : [dismissal, withdrawal];
      await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', first, first.servedOn);
      const v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', second, '2026-11-26');
      expect(v.state).toBe('award_effective');
      expect(v.proceedings.effectiveOn).toBe('2026-11-22');
      expect(effective(v)[0]?.dueOn).toBe('2026-11-22');
    });
});

describe(`fixE51 H2: an employer's suit withdrawn held the award back for everyone until the ruling's service (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("the worker who did not sue is bound from service of the employer's withdrawal ruling, not from the end of the windows (SPC-1 Art. 16; SPC-2000 Art. 1)", async () => {
    const { c, workers, employerId } = await awardServed(['张三E', '李五E'], 521, {
      amount: '30000.00',
      on: '2026-11-01',
      servedOn: '2026-11-08',
    });
    const [w1, w2] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-11-13' }, '2026-11-13');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: employerId, decidedOn: '2026-11-30', servedOn: '2026-12-02' },
      '2026-12-02',
    );
    expect(v.state).toBe('in_litigation');
    expect(effective(v, w2)[0]?.dueOn).toBe('2026-12-02');
    expect(effective(v, w2)[0]?.explanation).toContain('准予用人单位撤诉的裁定于2026-12-02送达');
    const marked = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: w2 }, '2026-12-02');
    expect(marked.proceedings.effectiveFor).toEqual([{ partyId: w2, effectiveOn: '2026-12-02' }]);
  });
});

describe(`fixE51 H3: one worker's suit withdrawn, the other worker's own effect stays (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('李五 is bound since 11-24 (SPC-1 Art. 17) and enforces from there; 张三 from service of his ruling (SPC-2000 Art. 1)', async () => {
    const { c, workers } = await awardServed(['张三F', '李五F'], 531, { amount: '30000.00', on: '2026-11-01', servedOn: '2026-11-08' });
    const [w1, w2] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    let v = await view(c);
    expect(effective(v, w2)[0]?.dueOn).toBe('2026-11-24');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: w1, decidedOn: '2026-12-01', servedOn: '2026-12-03' },
      '2026-12-03',
    );
    expect(v.state).toBe('award_effective');
    expect(v.proceedings.effectiveOn).toBe('2026-12-03');
    expect(effective(v, w2)[0]?.dueOn).toBe('2026-11-24');
    expect(effective(v, w1)[0]?.dueOn).toBe('2026-12-03');
    const enforce = deadlines(v).filter((d) => d.kind === 'enforcement_application');
    expect(enforce.find((d) => d.partyId === w2)?.startsOn).toBe('2026-12-04');
    expect(enforce.find((d) => d.partyId === w1)?.startsOn).toBe('2026-12-13');
  });
});

describe(`fixE51 M1: a timely suit dismissed as out of time (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('is recorded with a warning naming the window the suit met (SPC-2000 Art. 2 concerns a late suit)', async () => {
    const { c, workers } = await awardServed(['工人丙E'], 541, { amount: '30000.00', on: '2026-11-01', servedOn: '2026-11-08' });
    const [w1] = workers as [number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-12-01' },
      '2026-12-01',
    );
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body.warnings)).toContain('2026-11-23届满');
    expect(JSON.stringify(r.body.warnings)).toContain('批复第二条');
  });
  it('on a final award the warning says the award stands from the day it was made (LDMAL Art. 47; legal51c L5)', async () => {
    const { c, workers } = await awardServed(['工人丙F'], 545, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-11-01',
      servedOn: '2026-11-08',
    });
    const [w1] = workers as [number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-12-01', servedOn: '2026-12-01' },
      '2026-12-01',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const said = JSON.stringify(r.body.warnings);
    expect(said).toContain('终局裁决自作出之日起发生法律效力');
    expect(said).not.toContain('恢复法律效力');
  });
  it('a late suit dismissed as out of time gets no such warning', async () => {
    const { c, workers } = await awardServed(['工人丁E'], 551, { amount: '30000.00', on: '2026-11-01', servedOn: '2026-11-08' });
    const [w1] = workers as [number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-25' }, '2026-11-25');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-12-01' },
      '2026-12-01',
    );
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body.warnings ?? [])).not.toContain('批复第二条');
  });
});

describe(`fixE51 M2: another worker's enforcement pending when the last suit ends (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("a final award: A's suit withdrawn, B's application pending → enforcement_applied (SPC-1 Art. 21(2); LDMAL Art. 51)", async () => {
    const { c, workers, employerId } = await awardServed(['工人戊E', '工人己E'], 561, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-11-01',
      servedOn: '2026-11-08',
    });
    const [w1, w2] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w2, court: BASIC }, '2026-11-20');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: w1, decidedOn: '2026-11-30', servedOn: '2026-12-02' },
      '2026-12-02',
    );
    expect(v.state).toBe('enforcement_applied');
    // The employer's 30 days from the ruling (SPC-1 Art. 21(2)) are still open there.
    expect(deadlines(v).find((d) => d.kind === 'set_aside_after_suit' && d.partyId === employerId)?.status).toBe('open');
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-12-04' }, '2026-12-04');
    expect([r.status, r.body.state]).toEqual([200, 'set_aside_pending']);
  });

  it("reviewer s51 H1: an application ended by the worker's suit may be made again there once the suit is withdrawn (SPC-1 Art. 21)", async () => {
    const { c, workers } = await awardServed(['工人戊F'], 566, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-11-01',
      servedOn: '2026-11-08',
    });
    const [w1] = workers as [number];
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-11-10' }, '2026-11-10');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w1, court: BASIC }, '2026-11-11');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: w1, decidedOn: '2026-11-30', servedOn: '2026-12-02' },
      '2026-12-02',
    );
    expect(v.state).toBe('enforcement_applied');
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-12-04' }, '2026-12-04');
    expect([r.status, r.body.state], JSON.stringify(r.body)).toEqual([200, 'set_aside_pending']);
  });
});

describe(`fixE51 M6, L3: a final award after the worker's suit was withdrawn (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("the employer's first window reads ended beside set_aside_after_suit (SPC-1 Art. 21(2)); `effective` reads met on the award day (LDMAL Art. 47)", async () => {
    const { c, workers, employerId } = await awardServed(['工人庚E'], 571, {
      claims: WAGES,
      amount: '10000.00',
      on: '2026-11-01',
      servedOn: '2026-11-10',
    });
    const [w1] = workers as [number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court: BASIC, filedOn: '2026-11-12' }, '2026-11-12');
    let v = await view(c);
    expect(deadlines(v).find((d) => d.kind === 'set_aside_employer')?.status).toBe('paused');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-11-30', servedOn: '2026-12-02' },
      '2026-12-02',
    );
    const first = deadlines(v).find((d) => d.kind === 'set_aside_employer' && d.partyId === employerId);
    expect(first?.status).toBe('ended');
    expect(first?.explanation).toContain('第二十一条');
    const after = deadlines(v).find((d) => d.kind === 'set_aside_after_suit' && d.partyId === employerId);
    expect([after?.status, after?.dueOn]).toEqual(['open', '2027-01-04']);
    const eff = effective(v)[0];
    expect([eff?.status, eff?.dueOn]).toEqual(['met', '2026-11-01']);
  });
});

describe(`fixE51 L8: a review of an agreement confirming a labor relationship (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('lists no review_filing deadline (Rules Art. 75(4): not accepted for review), as the mediation track; another agreement does', async () => {
    const review = async (claims?: unknown[]) =>
      (
        await t.api(a.tokens.clerk).post(
          '/api/cases',
          standardApplication({
            track: 'review',
            receivedOn: '2026-12-01',
            applicants: [worker('工人辛E', claims ? 581 : 582)],
            ...(claims ? { claims } : {}),
            agreement: { effectiveOn: '2026-11-25', organization: '某某街道劳动争议调解委员会', terms: '确认劳动关系并支付工资' },
          }),
        )
      ).body as CaseView;
    const rel = await review([
      { category: 'confirm_relationship', description: '确认2024年1月至2025年6月存在劳动关系' },
      { category: 'wages', amount: '5000.00', description: '支付工资5000元' },
    ]);
    expect(rel.id).toBeTypeOf('number');
    expect(deadlines(await view(rel)).some((d) => d.kind === 'review_filing')).toBe(false);
    const plain = await review();
    expect(deadlines(await view(plain)).find((d) => d.kind === 'review_filing')?.status).toBe('met');
  });
});
