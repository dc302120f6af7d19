import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * domain.md §9.4 — several workers: a non-final award does not take effect for those who sue and does for those who
 * do not, who may apply for enforcement (SPC-1 Art. 17); an employer's suit holds it back for everyone (SPC-1 Art. 16;
 * LDMAL Art. 50). The auditor's case over HTTP: award made 06-15, served on every party 06-16 (Tuesday); worker A sues
 * 06-20; worker B's window ends 06-16 + 15 = 07-01 (Wednesday), so the award is effective for B from 07-02.
 */
type Deadline = { kind: string; label: string; dueOn: string | null; status: string; explanation: string; partyId?: number };
// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type View = { id: number; state: string; deadlines: Deadline[] } & Record<string, any>;

const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { send, ok } = caseEvents<View>(() => t);

const COURT = '聊城市东昌府区人民法院';
const effective = (v: View, partyId?: number) => v.deadlines.filter((d) => d.kind === 'effective' && d.partyId === partyId);

/** Two claims above 12 × 2010.00 = 24120.00 each: a non-final award (LDMAL Art. 47; SPC-1 Art. 19). */
async function nonFinalAward(
  applicants: ReturnType<typeof worker>[],
  servedOn: (partyId: number, i: number) => string = () => '2026-06-16',
) {
  const body = standardApplication({
    applicants,
    respondents: [employer()],
    claims: [
      { category: 'wages', amount: '30000.00', description: '2025年工资' },
      { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
    ],
  });
  const { c, arb } = await caseAt(t, a, 'heard', {
    body,
    acceptOn: '2026-05-06',
    formOn: '2026-05-07',
    scheduleOn: '2026-05-11',
    hearingOn: '2026-05-27',
  });
  const items = c.claims.map((cl, i) => ({
    claimId: cl.id,
    outcome: 'granted',
    amount: i === 0 ? '30000.00' : '26400.00',
    paymentDays: 10,
  }));
  const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-06-15');
  expect(issued.award.finality).toBe('non_final');
  let v = issued;
  // Served in date order (an act is never dated before the previous one).
  const parties = [...c.applicants, ...c.respondents]
    .map((p, i) => ({ p, on: servedOn(p.id, i) }))
    .sort((x, y) => x.on.localeCompare(y.on));
  for (const { p, on } of parties) {
    v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: on }, on);
  }
  return { c, v, workers: c.applicants.map((x) => x.id), company: c.respondents[0]?.id as number };
}

describe(`several workers, one sues (SPC-1 Art. 17) (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the award is effective for the worker who did not sue from 07-02 and enforceable; not for the one who sued', async () => {
    const { c, workers } = await nonFinalAward([worker('张三', 123), worker('李四', 131)]);
    const [wa, wb] = workers as [number, number];
    let v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: COURT, filedOn: '2026-06-20' }, '2026-06-20');
    expect(v.state).toBe('in_litigation');
    // The award as a whole: no date while the suit is pending; B's own date 07-02; none for A.
    expect(effective(v)).toHaveLength(1);
    expect(effective(v)[0]).toMatchObject({ dueOn: null });
    // The party is named, not numbered (workflows/labels.ts namePartiesIn).
    expect(effective(v)[0]?.explanation).toContain('对未起诉的劳动者（李四）');
    expect(effective(v)[0]?.explanation).not.toMatch(/当事人\d/);
    expect(effective(v, wb)[0]?.label).toBe('裁决对李四的生效日期');
    expect(effective(v, wb)).toHaveLength(1);
    expect(effective(v, wb)[0]).toMatchObject({ dueOn: '2026-07-02' });
    expect(effective(v, wb)[0]?.explanation).not.toContain('已于');
    expect(effective(v, wb)[0]?.explanation).toContain('2026-07-01');
    expect(effective(v, wa)).toHaveLength(0);
    const next = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`);
    expect(next.body.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['MARK_EFFECTIVE', 'RECORD_COURT_OUTCOME']));

    // Before the window has run, for the suing worker, or for nobody in particular: refused with the rule.
    let r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-07-01');
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('windows-still-open');
    r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wa }, '2026-07-02');
    expect([r.status, r.body.rule]).toEqual([422, 'effect-for-non-suing-worker']);
    expect(r.body.detail).toContain('张三已向人民法院起诉');
    r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-07-02');
    expect([r.status, r.body.rule]).toEqual([422, 'effect-party-required']);
    // fixE52 (legal52a M1): B enforces from his computed date, MARK_EFFECTIVE or not — refused the day before, naming it.
    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: COURT, filedOn: '2026-07-01' }, '2026-07-02');
    expect([r.status, r.body.rule]).toEqual([422, 'award-not-effective-for-party']);
    expect(r.body.detail).toContain('自2026-07-02起对其发生法律效力');

    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-07-02');
    // The case stays in court for A: not closed anew, not effective as a whole.
    expect(v).toMatchObject({ state: 'in_litigation', proceedings: { effectiveOn: null } });
    // The case view names the worker it took effect for, and when.
    expect(v.proceedings.effectiveFor).toEqual([{ partyId: wb, effectiveOn: '2026-07-02' }]);
    // A claim's line says for whom, by name (workflows/labels.ts namePartiesIn).
    const line = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/claims/${c.claims[0]?.id}/history`);
    expect(line.status).toBe(200);
    const texts = (line.body.line as { text: string }[]).map((e) => e.text);
    expect(texts).toContainEqual(expect.stringContaining('裁决对未起诉的劳动者（李四）发生法律效力'));
    for (const x of texts) expect(x).not.toMatch(/当事人 ?\d/);
    expect(effective(v, wb)[0]).toMatchObject({ dueOn: '2026-07-02', status: 'met' });
    expect(effective(v, wb)[0]?.explanation).toContain('已于2026-07-02完成');
    expect(effective(v)[0]).toMatchObject({ dueOn: null });
    r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-07-03');
    expect(r.status).toBe(409);

    r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wa, court: COURT }, '2026-07-10');
    expect([r.status, r.body.rule]).toEqual([422, 'award-not-effective-for-party']);
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: COURT, filedOn: '2026-07-10' }, '2026-07-10');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.enforcement).toMatchObject([{ partyId: wb, filedOn: '2026-07-10', outcome: null }]);

    // The court decides A's suit: the award does not take effect for A; B's effect and enforcement stand.
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-09-01' }, '2026-09-01');
    expect(v.state).toBe('court_decided');
    expect(effective(v, wb)[0]?.explanation).toContain('已于2026-07-02完成');
    v = await ok(c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', { result: 'enforced', decidedOn: '2026-09-10' }, '2026-09-10');
    expect(v.state).toBe('court_decided');
    expect(v.proceedings.enforcement[0].outcome).toMatchObject({ result: 'enforced' });
  });

  it('the suing worker’s later receipt does not hold back the other worker: B’s and the employer’s windows decide', async () => {
    // A is served 06-25, B and the company 06-16; A sues 06-28. B's date is still 07-02.
    const { c, workers } = await nonFinalAward([worker('张三', 123), worker('李四', 131)], (_id, i) =>
      i === 0 ? '2026-06-25' : '2026-06-16',
    );
    const [wa, wb] = workers as [number, number];
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: COURT, filedOn: '2026-06-28' }, '2026-06-28');
    expect(effective(v, wb)[0]).toMatchObject({ dueOn: '2026-07-02' });
    await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-07-02');
  });
});

describe(`the employer sues: the award takes effect for nobody (SPC-1 Art. 16; LDMAL Art. 50) (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('no per-worker date; MARK_EFFECTIVE refused with the rule, enforcement not allowed', async () => {
    const { c, workers, company } = await nonFinalAward([worker('张三', 123), worker('李四', 131)]);
    const [, wb] = workers as [number, number];
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: company, court: COURT, filedOn: '2026-06-20' }, '2026-06-20');
    expect(v.state).toBe('in_litigation');
    expect(effective(v)[0]).toMatchObject({ dueOn: null });
    expect(v.deadlines.filter((d) => d.kind === 'effective' && d.partyId !== undefined)).toHaveLength(0);
    const r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-07-02');
    expect([r.status, r.body.rule]).toEqual([422, 'employer-sued-no-effect']);
    expect((await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: COURT }, '2026-07-02')).status).toBe(409);
  });

  it('a worker and then the employer sue: nobody’s effect either', async () => {
    const { c, workers, company } = await nonFinalAward([worker('张三', 123), worker('李四', 131)]);
    const [wa, wb] = workers as [number, number];
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: COURT, filedOn: '2026-06-20' }, '2026-06-20');
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: company, court: COURT, filedOn: '2026-06-22' }, '2026-06-22');
    expect(v.deadlines.filter((d) => d.kind === 'effective' && d.partyId !== undefined)).toHaveLength(0);
    const r = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: wb }, '2026-07-02');
    expect([r.status, r.body.rule]).toEqual([422, 'employer-sued-no-effect']);
  });
});

describe(`a single worker sues: unchanged (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('no effective date, MARK_EFFECTIVE and APPLY_ENFORCEMENT are 409 while the suit is pending', async () => {
    const { c, workers, company } = await nonFinalAward([worker('张三', 123)]);
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workers[0], court: COURT, filedOn: '2026-06-20' }, '2026-06-20');
    expect(v.state).toBe('in_litigation');
    expect(effective(v)).toHaveLength(1);
    expect(effective(v)[0]).toMatchObject({ dueOn: null });
    expect(v.deadlines.filter((d) => d.kind === 'effective' && d.partyId !== undefined)).toHaveLength(0);
    expect((await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-07-02')).status).toBe(409);
    expect((await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', { partyId: company }, '2026-07-02')).status).toBe(409);
    expect((await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workers[0], court: COURT }, '2026-07-02')).status).toBe(409);
  });

  it('no suit: MARK_EFFECTIVE on 07-02 makes the award effective for everyone, as before', async () => {
    const { c, workers } = await nonFinalAward([worker('张三', 123), worker('李四', 131)]);
    expect((await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-07-01')).body.rule).toBe('windows-still-open');
    const v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-07-02');
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-07-02' } });
    expect(v.deadlines.filter((d) => d.kind === 'effective' && d.partyId !== undefined)).toHaveLength(0);
    const e = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workers[1], court: COURT }, '2026-07-10');
    expect(e.state).toBe('enforcement_applied');
  });
});
