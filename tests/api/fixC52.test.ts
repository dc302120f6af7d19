import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside checks of legal52b, fixed in round 52 (fixC52). MAJOR_COLLECTIVE_MIN_WORKERS is the default 30.
 */
const { t, a } = apiSuite({ now: '2026-12-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张'.split('');
/** n workers with distinct names and identity numbers. */
const workers = (n: number, from: number) =>
  Array.from({ length: n }, (_, i) =>
    worker(`${NAMES[(from + i) % 24]}某${NAMES[Math.floor((from + i) / 24) % 24]}${NAMES[i % 7]}`, from + i),
  );
const view = async (id: number): Promise<CaseView> => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body;

/** An employer's application against `n` workers (LDMAL Art. 7 counts the workers' side, here the respondents). */
const againstWorkers = (n: number, from: number, extra: Record<string, unknown> = {}) =>
  standardApplication({
    receivedOn: '2026-11-20',
    applicants: [employer()],
    respondents: workers(n, from),
    claims: [{ category: 'other', amount: '5000.00', description: '返还培训费' }],
    ...extra,
  });

describe(`fixC52 legal52b H2: an employer's application against 10 or more workers is collective (${DB})`, () => {
  it('registered collective and major (LDMAL Art. 7; Rules Art. 62); collective:true needs no ground', async () => {
    const c = await registerCase(t, a, againstWorkers(30, 100));
    expect([c.collective, c.major, c.majorMarked]).toEqual([true, true, true]);
    const small = await registerCase(t, a, againstWorkers(10, 140, { collective: true }));
    expect([small.collective, small.major, small.collectiveGround]).toEqual([true, false, null]);
    // Nine workers are not collective by the count; collective:true then needs its ground (400 naming the field).
    const nine = await t.api(a.tokens.clerk).post('/api/cases', againstWorkers(9, 160, { collective: true }));
    expect(nine.status).toBe(400);
    expect(JSON.stringify(nine.body)).toContain('collectiveGround');
  });

  it('more than 50 workers can be respondents (the cap is the applicants’ 500)', async () => {
    const c = await registerCase(t, a, againstWorkers(60, 200));
    expect(c.respondents).toHaveLength(60);
    expect([c.collective, c.major]).toEqual([true, true]);
  });

  it('a PATCH un-marking collective is 400 naming collective, nothing changed', async () => {
    const c = await registerCase(t, a, againstWorkers(12, 300));
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { collective: false });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.path ?? JSON.stringify(r.body)).toContain('collective');
    expect(JSON.stringify(r.body)).toContain('劳动者一方');
    expect((await view(c.id)).collective).toBe(true);
  });

  it('29 workers then a 30th added (ADD_PARTY) → major; three arbitrators; respondent workers elect representatives', async () => {
    const c = await registerCase(t, a, againstWorkers(29, 330));
    expect([c.collective, c.major]).toEqual([true, false]);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-23');
    const added = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: worker('欧阳某某', 380) },
      '2026-11-24',
    );
    expect(added).toMatchObject({ collective: true, major: true, majorMarked: true });
    // Rules Art. 66: a sole arbitrator is refused.
    const arb = a.arbitrators[0] as { id: number };
    const sole = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-25');
    expect(sole.status).toBe(422);
    expect(JSON.stringify(sole.body)).toContain('collective-needs-three-arbitrators');
    // LDMAL Art. 7; Rules Art. 63: the workers (respondents here) elect 3–5 representatives; the employer is not one.
    const v = await view(c.id);
    const ids = v.respondents.map((p) => p.id);
    const employerId = v.applicants[0]?.id as number;
    const wrong = await send(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: [employerId, ids[0], ids[1]] }, '2026-11-25');
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('不是劳动者一方的被申请人');
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: ids.slice(0, 3) }, '2026-11-25');
    // Statistics (domain.md §13): the case and its 30 workers are counted as a collective dispute accepted in November.
    const f = (await t.api(a.tokens.chair).get('/api/stats/closure?from=2026-11-01&to=2026-11-30')).body;
    expect(JSON.stringify(f)).toContain('"workersCollective":30');
    expect(f.majorCollective).toMatchObject({ cases: 1, workers: 30 });
  });
});

type D = { kind: string; dueOn: string; explanation: string; status: string };
const awardDue = (v: CaseView) => (v.deadlines as D[]).find((d) => d.kind === 'award') as D;

describe(`fixC52 legal52b M2: the award limit's words name the suspension days actually deducted (${DB})`, () => {
  it('a suspension begun before a restart: only its days in the new period, named so (Rules Arts. 46–47)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-08-03' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-08-05');
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { add: [{ category: 'other', amount: '3000.00', description: '加班费' }] }, '2026-08-20');
    // Entered late: suspended 08-15, still suspended today (12-20): 08-21 … 12-19 fall in the new period (121 days) —
    // the restart day 08-20 is day 0, not one of the 45 (CPL Art. 85(2); s64 legal64 #4: it was deducted too).
    const suspended = awardDue(await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', decidedOn: '2026-08-15' }));
    expect(suspended.explanation).toContain('中止审理2026-08-15起中属于本期间的2026-08-21至今日2026-12-20前一日（121天，仍在中止）');
    expect(suspended.dueOn).toBe('2027-02-02'); // 08-20 + 45 = 10-04, + 121
    const resumed = awardDue(await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-08-25' }));
    // 08-25, the day it resumes, is the period's day 1: 08-20 + 45 = 10-04, + 4 (a Thursday, a working day).
    expect(resumed.dueOn).toBe('2026-10-08');
    expect(resumed.explanation).toContain('中止审理2026-08-15至恢复审理之日2026-08-25前一日中属于本期间的2026-08-21至2026-08-24（4天）');
    expect(resumed.explanation).not.toContain('（10天）');
    expect(resumed.explanation).not.toContain('（5天）');
  });

  it('a party added during a suspension: the days deducted are those after the restart (0 on its day)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-18');
    await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      {
        side: 'respondent',
        ground: 'co_respondent',
        party: { ...employer('聊城某某劳务派遣有限公司'), creditCode: creditCode('91371500MA3C7K2L2') },
      },
      '2026-12-06',
    );
    // Entered late: the suspension was decided on 12-03, before the restart of 12-06 (Rules Art. 46(1)).
    const added = awardDue(
      await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待另案审理结果', ground: 'pending_case', decidedOn: '2026-12-03' }),
    );
    // Today 12-20: 12-07 … 12-19 (13 days) of the new period (12-06, the restart, is day 0); 12-06 + 45 = 2027-01-20, + 13.
    expect(added.explanation).toContain('中止审理2026-12-03起中属于本期间的2026-12-07至今日2026-12-20前一日（13天，仍在中止）');
    expect(added.explanation).not.toContain('2026-12-03至今日2026-12-20前一日（17天');
    expect(added.dueOn).toBe('2027-02-02');
  });

  it('s64 legal64 #4: a suspension decided on the acceptance day deducts the days of the period it took, not day 0 (CPL Art. 85(2); Rules Art. 47)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-13' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-14');
    // Suspended the day of acceptance, still suspended that day: paused from the period's first day, nothing yet.
    const paused = awardDue(
      await ok(c, a.tokens.chair, 'SUSPEND', { reason: '不可抗力', ground: 'force_majeure', decidedOn: '2026-10-14' }),
    );
    expect(paused.explanation).toContain('中止审理2026-10-14起中属于本期间的2026-10-15至今日2026-12-20前一日（66天，仍在中止）');
    // Resumed 10-19: 10-15 … 10-18 lost (4 days); 10-19 is day 1. 10-14 + 45 = 11-28, + 4 = 12-02 (a Wednesday).
    const resumed = awardDue(await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-10-19' }));
    expect(resumed.dueOn).toBe('2026-12-02');
    expect(resumed.explanation).toContain('中止审理2026-10-14至恢复审理之日2026-10-19前一日中属于本期间的2026-10-15至2026-10-18（4天）');
    // Suspended later in the period, the suspension's own day is lost as before: 11-02 … 11-06 (5 days), 12-02 + 5.
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待另案审理结果', ground: 'pending_case', decidedOn: '2026-11-02' });
    const again = awardDue(await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-11-07' }));
    expect(again.dueOn).toBe('2026-12-07'); // 12-07, a Monday
    expect(again.explanation).toContain('扣除中止审理2026-11-02至恢复审理之日2026-11-07前一日（5天）');
  });
});

describe(`fixC52 legal52b M3: a supplement notice after the acceptance period is warned of as a late ACCEPT (${DB})`, () => {
  it('received 11-02, the 5 working days end 11-09: REQUEST_SUPPLEMENT on 11-16 warns (LDMAL Art. 29; Rules Art. 29)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
    const r = await send(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['补充劳动合同复印件'] }, '2026-11-16');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const words = (r.body.warnings as string[]).join();
    expect(words).toContain('一次性告知补正（2026-11-16）晚于受理期限（2026-11-09 届满');
    expect(words).toContain('申请人可以就该劳动争议事项向人民法院提起诉讼');
    // In time: no such warning.
    const d = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02', applicants: [worker('李某某', 611)] }));
    const inTime = await send(d, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['补充劳动合同复印件'] }, '2026-11-09');
    expect(inTime.status).toBe(200);
    expect(((inTime.body.warnings ?? []) as string[]).join()).not.toContain('晚于受理期限');
  });
});

describe(`fixC52 legal52b M2 (payment order): a mediation agreement on wages unperformed by the agreed day (${DB})`, () => {
  const mediationOn = async (claims: unknown[], performanceDueOn: string, seq: number) => {
    const m = await t
      .api(a.tokens.mediator)
      .post(
        '/api/cases',
        standardApplication({ track: 'mediation', receivedOn: '2026-11-20', applicants: [worker('钱某某', seq)], claims }),
      );
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    return ok(m.body, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资', performanceDueOn }, '2026-11-25');
  };
  const entry = (v: CaseView) => (v.deadlines as D[]).find((d) => d.kind === 'payment_order') as D & { basis: string };

  it('after performanceDueOn the worker’s payment-order route is shown with its article (LDMAL Art. 16)', async () => {
    const v = await mediationOn([{ category: 'wages', amount: '12000.00', description: '2026年9月至10月工资' }], '2026-12-10', 701);
    expect(entry(v)).toMatchObject({ dueOn: '2026-12-10', status: 'elapsed', assignee: 'party' });
    expect(entry(v).basis).toContain('LDMAL Art. 16');
    expect(entry(v).explanation).toContain('劳动者可以持调解协议书依法向人民法院申请支付令');
  });

  it('not before the agreed day, nor for another matter', async () => {
    const early = await mediationOn([{ category: 'wages', amount: '12000.00', description: '工资' }], '2026-12-31', 702);
    expect(entry(early)).toBeUndefined();
    const other = await mediationOn([{ category: 'social_insurance', description: '补缴社会保险' }], '2026-12-10', 703);
    expect(entry(other)).toBeUndefined();
  });
});

describe(`fixC52 legal52b L1: earlierYear on an ACCEPT dated this year is recorded with a warning (${DB})`, () => {
  it('the confirmation was not needed; the case is numbered in the current year', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-14', applicants: [worker('孙某某', 721)] }));
    const r = await send(c, a.tokens.clerk, 'ACCEPT', { earlierYear: true }, '2026-12-15');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings as string[]).join()).toContain('无需勾选“往年作出的受理决定：确认按该年度编号”');
    expect(r.body.view?.caseNo ?? r.body.caseNo).toContain('2026');
    const d = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-14', applicants: [worker('周某某', 722)] }));
    const plain = await send(d, a.tokens.clerk, 'ACCEPT', {}, '2026-12-15');
    expect(((plain.body.warnings ?? []) as string[]).join()).not.toContain('往年作出的受理决定');
  });
});

describe(`recheck52: an employer with an individual contractor as co-applicant, against its workers (${DB})`, () => {
  it('the 30 respondent workers are the workers’ side: collective and major, without ownership recorded (Rules Arts. 7, 62)', async () => {
    const contractor = worker('包某某', 801);
    const { ownership: _o, ...company } = employer() as Record<string, unknown>;
    const c = await registerCase(t, a, againstWorkers(30, 300, { applicants: [company, contractor] }));
    expect([c.collective, c.major]).toEqual([true, true]);
  });
});

describe(`recheck52: no payment-order entry on the employer's own claim (${DB})`, () => {
  it('an employer’s mediation agreement with its worker (damages owed by the worker): no entry (LDMAL Art. 16)', async () => {
    const m = await t.api(a.tokens.mediator).post(
      '/api/cases',
      standardApplication({
        track: 'mediation',
        receivedOn: '2026-11-20',
        applicants: [employer()],
        respondents: [worker('郑某某', 811)],
        claims: [{ category: 'damages', amount: '8000.00', description: '劳动者违约赔偿培训费' }],
      }),
    );
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const v = await ok(
      m.body,
      a.tokens.mediator,
      'MEDIATION_AGREED',
      { terms: '被申请人赔偿培训费', performanceDueOn: '2026-12-10' },
      '2026-11-25',
    );
    expect((v.deadlines as { kind: string }[]).map((d) => d.kind)).not.toContain('payment_order');
  });
});
