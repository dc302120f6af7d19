import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYMENT_DAYS } from '../../workflows/periods.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { type CaseShape, plusDays, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Session 23: the auditor's legal discrepancies, reproduced over HTTP on the official calendar. Each test names the
 * auditor's item and fails on the code before its fix. "Today" is 2026-11-20.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

type Body = Record<string, unknown>;
type Deadline = { kind: string; dueOn: string | null; status: string; explanation: string; partyId?: number; startsOn: string | null };
type View = CaseShape & Body & { deadlines: Deadline[]; state: string; proceedings: Body };

const { ok, send } = caseEvents<View>(() => t);
const deadline = (v: { deadlines: Deadline[] }, kind: string) => v.deadlines.find((d) => d.kind === kind) as Deadline;
const register = async (body: Body) => {
  const r = await t.api(a.tokens.clerk).post('/api/cases', body);
  return r;
};

describe(`session 23 — legal edges over HTTP (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  // Needs the postmark in the machine context: app/cases/case-state.ts `machineInput` must pass `postmarkOn` (outside
  // this change; the workflow side is covered in tests/unit/legal-s23.test.ts). Enable once it does.
  it('A (auditor #1): a review application posted in time is accepted, however late it arrives (CPL Art. 85(4))', async () => {
    const c = await registerCase(
      t,
      a,
      application({
        track: 'review',
        channel: 'post',
        postmarkOn: '2026-10-08',
        receivedOn: '2026-10-12',
        applicants: [worker('孙九', 459)],
        respondents: [employer('聊城某某物流有限公司')],
        claims: [{ category: 'wages', amount: '5000.00', description: '支付2026年8月工资5000元' }],
        agreement: { effectiveOn: '2026-09-20', organization: '东昌府区古楼街道劳动争议调解委员会' },
      }),
    );
    // 09-20 + 15 days = 10-05, inside National Day (10-01…10-07) → 10-08; posted 10-08.
    expect(deadline(c as View, 'review_filing')).toMatchObject({ dueOn: '2026-10-08', status: 'met' });
    const r = await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-10-12');
    expect(r.state).toBe('review_accepted');
  });
});

describe(`session 23 — limitation (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('B (auditor #6): an interruption inside the period as rolled over rest days and lengthened by suspensions counts', async () => {
    // Knew 2024-10-05: the year ends 2025-10-05, inside National Day → 10-09; interrupted on 10-09 → 2026-10-09.
    const rolled = await register(
      standardApplication({
        receivedOn: '2026-10-09',
        limitation: { knewOn: '2024-10-05', interruptions: [{ on: '2025-10-09', kind: '向用人单位主张权利' }] },
      }),
    );
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    expect(rolled.body.limitation).toMatchObject({ status: 'within', expiresOn: '2026-10-09' });
    // Knew 2024-01-10, 30 days suspended: 2025-02-09 (Sunday) → 02-10; interrupted 02-01 → 2026-02-01 (Sunday) → 02-02.
    const suspended = await register(
      standardApplication({
        receivedOn: '2026-02-02',
        limitation: {
          knewOn: '2024-01-10',
          suspensions: [{ from: '2024-06-01', to: '2024-07-01' }],
          interruptions: [{ on: '2025-02-01', kind: '向劳动保障监察机构投诉' }],
        },
      }),
    );
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(201);
    expect(suspended.body.limitation).toMatchObject({ status: 'within', expiresOn: '2026-02-02' });
    expect(suspended.body.limitation.reasoning).toContain('原应至2025-02-10届满');
  });
});

describe(`session 23 — the written notice of the tribunal's composition (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('C (auditor #5): met when the notice is served on every party, not when the tribunal is formed (LDMAL Art. 32)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-05-29' }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    let v = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-06-03');
    // Accepted Monday 06-01: 5 working days → 06-08. Formed, nothing served: by today (11-20) overdue.
    expect(deadline(v, 'tribunal_notice')).toMatchObject({ dueOn: '2026-06-08', status: 'overdue' });
    expect(deadline(v, 'tribunal_notice').explanation).toContain('尚未送达全部当事人');
    const serve = (partyId: number | undefined) =>
      ok(c, a.tokens.clerk, 'SERVE', { document: 'tribunal_notice', partyId, method: 'direct', servedOn: '2026-06-20' }, '2026-06-20');
    v = await serve(c.applicants[0]?.id);
    expect(deadline(v, 'tribunal_notice')).toMatchObject({ status: 'overdue' });
    v = await serve(c.respondents[0]?.id);
    expect(deadline(v, 'tribunal_notice')).toMatchObject({ dueOn: '2026-06-08', status: 'met_late' });
    expect(deadline(v, 'tribunal_notice').explanation).toContain('已于2026-06-20完成（晚于期限2026-06-08）');

    // Served on both within the period: met on the later service.
    const d = await registerCase(t, a, standardApplication({ receivedOn: '2026-05-29' }));
    await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    await ok(d, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-06-03');
    for (const [p, on] of [
      [d.applicants[0]?.id, '2026-06-04'],
      [d.respondents[0]?.id, '2026-06-05'],
    ] as const)
      v = await ok(d, a.tokens.clerk, 'SERVE', { document: 'tribunal_notice', partyId: p, method: 'post', servedOn: on }, on);
    expect(deadline(v, 'tribunal_notice')).toMatchObject({ status: 'met', dueOn: '2026-06-08' });
    expect(deadline(v, 'tribunal_notice').explanation).toContain('已于2026-06-05完成');
  });
});

describe(`session 23 — limitation dates are checked (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('D (auditor #10): limitation dates after the receipt (or in the future) are refused naming the field', async () => {
    const paths = async (limitation: Body, extra: Body = {}) => {
      const r = await register(standardApplication({ receivedOn: '2026-03-02', limitation, ...extra }));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      return (r.body.errors as { path: string; message: string }[]).map((e) => e.path);
    };
    // Knew after receipt; knew in the future (China time: today is 2026-11-20).
    expect(await paths({ knewOn: '2026-03-03' })).toEqual(['limitation.knewOn']);
    expect(await paths({ knewOn: '2026-12-01' })).toEqual(['limitation.knewOn']);
    expect(
      await paths({
        knewOn: '2025-03-01',
        employmentStatus: 'ended',
        employmentEndedOn: '2026-04-01',
        interruptions: [
          { on: '2025-06-01', kind: '向用人单位主张权利' },
          { on: '2026-03-05', kind: '申请调解' },
        ],
        suspensions: [{ from: '2026-02-20', to: '2026-03-10' }],
      }),
    ).toEqual(['limitation.employmentEndedOn', 'limitation.interruptions.1.on', 'limitation.suspensions.0.to']);
    // On the receipt day itself: accepted.
    const same = await register(
      standardApplication({
        receivedOn: '2026-03-02',
        limitation: { knewOn: '2026-03-02', interruptions: [{ on: '2026-03-02', kind: '申请调解' }] },
      }),
    );
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    // PATCH with a new receipt earlier than the facts recorded with it.
    const c = await registerCase(t, a);
    const patched = await t
      .api(a.tokens.clerk)
      .patch(`/api/cases/${c.id}`, { receivedOn: '2026-03-01', limitation: { knewOn: '2026-03-02' } });
    expect(patched.status).toBe(400);
    expect(patched.body.errors.map((e: { path: string }) => e.path)).toEqual(['limitation.knewOn']);
    // PATCH of the limitation alone: checked against the stored receipt.
    const stored = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    const after = plusDays(stored.receivedOn, 1);
    const alone = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { limitation: { knewOn: after } });
    expect(alone.status, JSON.stringify(alone.body)).toBe(400);
    expect(alone.body.errors.map((e: { path: string }) => e.path)).toEqual(['limitation.knewOn']);
    // PATCH of the receipt alone, to before the stored limitation facts: named receivedOn.
    const withFacts = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { limitation: { knewOn: stored.receivedOn } });
    expect(withFacts.status, JSON.stringify(withFacts.body)).toBe(200);
    const earlier = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { receivedOn: plusDays(stored.receivedOn, -1) });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(400);
    expect(earlier.body.errors.map((e: { path: string }) => e.path)).toEqual(['receivedOn']);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.receivedOn).toBe(stored.receivedOn);
  });
});

describe(`session 23 — the enforcement window and the award's payment period agree (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('E (auditor #4): an award issued without paymentDays prints 10 days and the window counts from their last day (CPL Art. 250)', async () => {
    expect(DEFAULT_PAYMENT_DAYS).toBe(10);
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = c.claims.map((x) => ({ claimId: x.id, outcome: 'granted', amount: '2000.00' }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-03-27');
    expect(v.award).toMatchObject({ finality: 'final' });
    // A final award is effective the day it is made (03-27); it prints "于本裁决生效之日起十日内支付" → pay by 04-06;
    // two years from there: 2028-04-06 (a Thursday; 2028 is judged on weekends only). Before: from 03-27.
    const enf = deadline(v, 'enforcement_application');
    expect(enf).toMatchObject({ startsOn: '2026-04-06', dueOn: '2028-04-06' });
    expect(enf.explanation).toContain('未另定履行期限的给付项按裁决书所载10日计');
    // A dismissed or non-monetary award has no performance period to wait for.
    const { c: d, arb: arb2 } = await caseAt(t, a, 'heard');
    const none = d.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' }));
    const w = await ok(d, arb2.token, 'ISSUE_AWARD', { items: none }, '2026-03-27');
    const e2 = deadline(w, 'enforcement_application');
    if (e2) expect(e2.startsOn).toBe('2026-03-27');
  });
});

describe(`session 23 — a partial award has its own windows (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('F (auditor #3): each party may challenge a partial award from its receipt (LDMAL Art. 43(2); Rules Art. 49)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [worker1, company] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    let v = await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '2000.00' }] },
      '2026-03-27',
    );
    const partial = (v.proceedings.partialAwards as { finality: string }[])[0];
    expect(partial?.finality).toBe('final');
    const find = (x: View, kind: string, partyId: number) => x.deadlines.find((d) => d.kind === kind && d.partyId === partyId) as Deadline;
    // Not served yet: open, no date.
    expect(find(v, 'partial_award_sue_final_worker', worker1)).toMatchObject({ dueOn: null, status: 'open' });
    for (const p of [worker1, company])
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p, method: 'direct', servedOn: '2026-03-30' }, '2026-03-30');
    // Final for the worker's claim: the worker may sue within 15 days (LDMAL Art. 48), the employer apply to set aside
    // within 30 (Art. 49) — from 03-30.
    expect(find(v, 'partial_award_sue_final_worker', worker1)).toMatchObject({ startsOn: '2026-03-30', dueOn: '2026-04-14' });
    expect(find(v, 'partial_award_set_aside_employer', company)).toMatchObject({ startsOn: '2026-03-30', dueOn: '2026-04-29' });
    // The final award on the rest: its windows run from its own service, not from the partial award's.
    v = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: c.claims[1]?.id, outcome: 'granted', amount: '2000.00' }] },
      '2026-04-10',
    );
    for (const p of [worker1, company])
      v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    expect(find(v, 'partial_award_sue_final_worker', worker1)).toMatchObject({ startsOn: '2026-03-30', dueOn: '2026-04-14' });
    const own = v.deadlines.find((d) => d.kind === 'sue_final_worker' && d.partyId === worker1);
    expect(own).toMatchObject({ startsOn: '2026-04-13', dueOn: '2026-04-28' });
  });

  it('a partial award and the final award served together both start their windows; a service may name its award', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [worker1, company] = [c.applicants[0]?.id as number, c.respondents[0]?.id as number];
    const find = (x: View, kind: string, partyId: number) => x.deadlines.find((d) => d.kind === kind && d.partyId === partyId) as Deadline;
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '2000.00' }] }, '2026-03-27');
    let v = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: c.claims[1]?.id, outcome: 'granted', amount: '2000.00' }] },
      '2026-03-30',
    );
    // The worker receives both documents on 04-02. fixA50 (item 4): a service naming no award after the final award is
    // the final award's (warned of the partial award outstanding); the partial award's names it.
    v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: worker1, method: 'direct', servedOn: '2026-04-02' },
      '2026-04-02',
    );
    expect(((v.warnings ?? []) as string[]).join('')).toContain('部分裁决');
    expect(v.deadlines.find((d) => d.kind === 'partial_award_sue_final_worker' && d.partyId === worker1)).not.toMatchObject({
      startsOn: '2026-04-02',
    });
    v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: worker1, method: 'direct', servedOn: '2026-04-02', partialAward: 1 },
      '2026-04-02',
    );
    expect(find(v, 'partial_award_sue_final_worker', worker1)).toMatchObject({ startsOn: '2026-04-02', dueOn: '2026-04-17' });
    expect(v.deadlines.find((d) => d.kind === 'sue_final_worker' && d.partyId === worker1)).toMatchObject({ startsOn: '2026-04-02' });
    // The employer receives the partial award's document on 04-03, named: the final award's windows still wait.
    v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: company, method: 'direct', servedOn: '2026-04-03', awardOn: '2026-03-27' },
      '2026-04-03',
    );
    expect(find(v, 'partial_award_set_aside_employer', company)).toMatchObject({ startsOn: '2026-04-03' });
    expect(v.deadlines.find((d) => d.kind === 'set_aside_employer' && d.partyId === company)).toMatchObject({ dueOn: null });
    expect(v.state).toBe('award_issued');
    // A service naming an award the case does not have, or naming one on another document: 400 naming awardOn.
    for (const bad of [
      { document: 'award', awardOn: '2026-03-28' },
      { document: 'hearing_notice', awardOn: '2026-03-27' },
    ]) {
      const r = await send(
        c,
        a.tokens.clerk,
        'SERVE',
        { ...bad, partyId: company, method: 'direct', servedOn: '2026-04-03' },
        '2026-04-03',
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['awardOn']);
    }
    // The final award's own service to the employer: now both parties have it.
    v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: company, method: 'direct', servedOn: '2026-04-07', awardOn: '2026-03-30' },
      '2026-04-07',
    );
    expect(v.deadlines.find((d) => d.kind === 'set_aside_employer' && d.partyId === company)).toMatchObject({ startsOn: '2026-04-07' });
    expect(v.state).toBe('award_served');
  });
});
