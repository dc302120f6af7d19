import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixE54, round 54 (outside checker legal54a): advance execution is of a worker's claim (LDMAL Art. 44), whichever side
 * he is on; a mixed award's final part is in force per worker — for the worker who has a final item granted and has not
 * sued (LDMAL Arts. 47, 50–51; SPC-1 Arts. 16–17); an award granting less than was ordered paid in advance is warned of.
 */
const { t, a } = apiSuite({ now: '2026-12-06T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const BASIC = '聊城市东昌府区人民法院';
const MIDDLE = '聊城市中级人民法院';
const advance = (claimId: number, amount: string) => ({
  claimIds: [claimId],
  rightsClear: true,
  lifeSeriouslyAffected: true,
  paymentDays: 7,
  amounts: [{ claimId, amount }],
});

/** An employer applies against worker 戊 for damages; walked to heard. */
async function employerApplies(seq: number) {
  const body = standardApplication({
    applicants: [employer()],
    respondents: [worker('戊', seq)],
    claims: [{ category: 'damages', amount: '5000.00', description: '赔偿损失' }],
  });
  return caseAt(t, a, 'heard', { body });
}

describe(`fixE54 1–2: advance execution is of a worker's claim, whichever side he is on (LDMAL Art. 44) (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("1: the employer-applicant's own claim → 422 advance-execution-worker-claims at claimIds, nothing recorded", async () => {
    const { c, arb } = await employerApplies(541);
    const c1 = c.claims[0]?.id as number;
    const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(c1, '1000.00'), '2026-03-26');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'advance-execution-worker-claims', field: 'claimIds', source: 'LDMAL Art. 44' });
    // ui55 #1: the claim as the case lists it, not its id.
    expect(r.body.detail).toContain('第1项请求（赔偿金：赔偿损失）是用人单位对劳动者提出的请求');
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(v.proceedings.advanceExecutions).toEqual([]);
  });

  it("a union's claim for the workers (Rules Art. 64) → 422: the article's applicant is a worker (reviewers s54)", async () => {
    const body = standardApplication({
      applicants: [employer('聊城某某机械有限公司工会委员会')],
      collective: true,
      collectiveGround: 'union_applicant',
      claims: [{ category: 'wages', amount: '9000.00', description: '支付拖欠的职工工资' }],
    });
    // Three arbitrators for a collective case (Rules Art. 66): accepted 03-04, formed 03-05, heard 03-25.
    const { c } = await caseAt(t, a, 'accepted', { body });
    const ids = a.arbitrators.slice(0, 3).map((x) => x.id);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(c.claims[0]?.id as number, '1000.00'), '2026-03-26');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'advance-execution-worker-claims', 'claimIds']);
    expect(r.body.detail).toContain('是工会为劳动者提出的请求');
  });

  it("2: the worker's counterclaim for wages against the employer-applicant → 200 recorded", async () => {
    const { c, arb } = await employerApplies(542);
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '反申请：支付工资',
        claims: [{ category: 'wages', amount: '8000.00', description: '拖欠工资' }],
        filedOn: '2026-03-06',
      },
      '2026-03-26',
    );
    const counter = (v.claims as { id: number; counterclaim?: boolean }[]).find((x) => x.counterclaim)?.id as number;
    expect(counter).toBeGreaterThan(0);
    const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(counter, '3000.00'), '2026-03-27');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The employer's own claim in the same ruling is still refused (422 naming claimIds).
    const c1 = c.claims[0]?.id as number;
    const both = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        ...advance(counter, '1000.00'),
        claimIds: [counter, c1],
        amounts: [
          { claimId: counter, amount: '1000.00' },
          { claimId: c1, amount: '1.00' },
        ],
      },
      '2026-03-27',
    );
    expect([both.status, both.body.rule, both.body.field]).toEqual([422, 'advance-execution-worker-claims', 'claimIds']);
    // reviewer s54 A H1: the ruling names the worker as the one who applied and is paid, the employer as the payer.
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toContain('审理中，被申请人（反申请人）向仲裁庭申请先予执行');
    expect(ruling).toContain('不先予执行将严重影响被申请人（反申请人）的生活');
    expect(ruling).toMatch(/申请人聊城某某机械有限公司于本裁决书送达之日起七日内先行向被申请人戊支付拖欠工资3000\.00元/);
    expect(ruling).not.toContain('先行向申请人');
    // …and an award dismissing the counterclaim says the respondent returns what was executed (执行回转).
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      items: [
        { claimId: c1, outcome: 'dismissed' },
        { claimId: counter, outcome: 'dismissed' },
      ],
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect((preview.body.warnings as string[]).join('\n')).toContain('超出裁决金额的部分由被申请人返还');
  });

  it("a worker-applicant case: the employer's counterclaim → 422 advance-execution-worker-claims; the worker's claim → 200", async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('己', 543)] }) });
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '反申请：赔偿损失',
        claims: [{ category: 'damages', amount: '3000.00', description: '赔偿损失' }],
        filedOn: '2026-03-06',
      },
      '2026-03-26',
    );
    const counter = (v.claims as { id: number; counterclaim?: boolean }[]).find((x) => x.counterclaim)?.id as number;
    const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(counter, '1000.00'), '2026-03-27');
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'advance-execution-worker-claims', 'claimIds']);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(c.claims[0]?.id as number, '1000.00'), '2026-03-27');
  });
});

/** Two workers with their own claims against one employer, all granted on 04-10 and served on all on 04-15. */
async function twoWorkers(names: [string, string], claims: { category: string; amount: string; applicant: number }[], seq: number) {
  const body = standardApplication({
    applicants: names.map((n, i) => worker(n, seq + i)),
    respondents: [employer()],
    claims: claims.map((x) => ({ ...x, description: x.category === 'wages' ? '2025年工资' : '经济补偿' })),
  });
  const { c, arb } = await caseAt(t, a, 'heard', { body });
  const items = (c.claims as { id: number }[]).map((cl, i) => ({ claimId: cl.id, outcome: 'granted', amount: claims[i]?.amount }));
  const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
  expect(v.award.finality).toBe('mixed');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');
  const [first, second] = c.applicants.map((x: { id: number }) => x.id) as [number, number];
  return { c, arb, first, second, employerId: c.respondents[0]?.id as number };
}

const enforce = (c: { id: number }, partyId: number, filedOn: string) =>
  send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId, court: BASIC, filedOn }, filedOn);

describe(`fixE54 3–4: a mixed award's final part is in force per worker (LDMAL Arts. 47, 50–51; SPC-1 Arts. 16–17) (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('3: the employer sues; the worker whose only item is non-final → 422; the worker with the final item → 200', async () => {
    const { c, first, second, employerId } = await twoWorkers(
      ['丙', '丁'],
      [
        { category: 'wages', amount: '10000.00', applicant: 1 },
        { category: 'economic_compensation', amount: '50000.00', applicant: 2 },
      ],
      544,
    );
    // Before anyone sues: the non-final part waits out its windows (Art. 50) — 丁 has nothing in force yet.
    const early = await enforce(c, second, '2026-04-20');
    expect([early.status, early.body.rule, early.body.field], JSON.stringify(early.body)).toEqual([
      422,
      'award-not-effective-for-party',
      'partyId',
    ]);
    const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-25' }, '2026-04-25');
    expect(v.state).toBe('in_litigation');
    const r = await enforce(c, second, '2026-04-26');
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'award-not-effective-for-party', 'partyId']);
    expect(r.body.detail).toContain('非终局');
    expect(r.body.detail).toContain('（丙）');
    const fine = await enforce(c, first, '2026-04-26');
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    expect(fine.body.state).toBe('in_litigation');
  });

  it("4: one worker's suit holds back his own award only — the other worker enforces his final item (SPC-1 Art. 17)", async () => {
    const setup = () =>
      twoWorkers(
        ['辰', '巳'],
        [
          { category: 'wages', amount: '10000.00', applicant: 1 },
          { category: 'wages', amount: '10000.00', applicant: 2 },
          { category: 'economic_compensation', amount: '50000.00', applicant: 2 },
        ],
        546,
      );
    // Control: before anyone sues.
    const control = await setup();
    expect((await enforce(control.c, control.second, '2026-04-22')).status).toBe(200);
    const { c, first, second } = await setup();
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: first, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    const r = await enforce(c, second, '2026-04-22');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The suing worker's own award is held back (LDMAL Art. 48).
    const own = await enforce(c, first, '2026-04-22');
    expect([own.status, own.body.rule, own.body.field], JSON.stringify(own.body)).toEqual([
      422,
      'award-not-effective-for-party',
      'partyId',
    ]);
    expect(own.body.detail).toContain('起诉');
    // (6) SPC-1 Art. 21(1) holds back the set-aside of 辰's award only; the set-aside is not recorded per worker, and the
    // 422 says so plainly (domain.md §9.4 [S]).
    const sa = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MIDDLE, filedOn: '2026-04-23' }, '2026-04-23');
    expect([sa.status, sa.body.rule], JSON.stringify(sa.body)).toEqual([422, 'set-aside-while-worker-sues']);
    expect(sa.body.detail).toContain('该起诉只阻止撤销');
    expect(sa.body.detail).toContain('本系统尚不能按劳动者分别登记撤销申请');
  });
});

describe(`fixE54 5: an award granting less than was ordered paid in advance is warned of (LDMAL Art. 44) (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('two rulings of 5,000.00 on a 12,000.00 wages claim, the award 2,000.00 → 200 with a warning naming the 8,000.00', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const wages = c.claims[0]?.id as number;
    const comp = c.claims[1]?.id as number;
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, '5000.00'), '2026-03-26');
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, '5000.00'), '2026-03-27');
    const items = [
      { claimId: wages, outcome: 'partly', amount: '2000.00' },
      { claimId: comp, outcome: 'granted', amount: '26400.00' },
    ];
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const want = '8000.00';
    expect(JSON.stringify(preview.body.warnings)).toContain(want);
    const ep = await t.api(arb.token).post(`/api/cases/${c.id}/event-preview`, { type: 'ISSUE_AWARD', occurredOn: '2026-04-10', items });
    expect(ep.status, JSON.stringify(ep.body)).toBe(200);
    expect(JSON.stringify(ep.body.warnings)).toContain(want);
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    const w = (v.warnings as string[]).find((x) => x.includes('先予执行'));
    expect(w).toContain(want);
    expect(w).toContain('10000.00');
    expect(w).toContain('2000.00');
    expect(preview.body.warnings).toContain(w);
  });
});
