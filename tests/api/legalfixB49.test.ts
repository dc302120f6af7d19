import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, mixedAwardServed } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { issueMediationDocument, registerCase, standardApplication } from '../helpers/procedure.ts';

/** legalfixB at stop 49: the procedure itself (outside testers legal49a, legal49b, med49). */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z' });
const { ok, send } = caseEvents(() => t);

type Entry = { type: string; occurredOn: string };
const history = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as Entry[];
const offered = async (c: { id: number }, token: string) =>
  ((await t.api(token).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);
const COURT = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';

describe(`legalfixB49: mediation agreed, no award (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal49a H4: no partial award nor advance execution once agreement is reached (LDMAL Art. 42(2),(4))', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-04-02');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-04-03');
    const next = await offered(c, arb.token);
    expect(next).not.toContain('PARTIAL_AWARD');
    expect(next).not.toContain('ADVANCE_EXECUTION');
    const before = (await history(c)).length;
    const wages = c.claims[0]?.id;
    let r = await send(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: wages, outcome: 'dismissed' }] }, '2026-04-04');
    expect([r.status, r.body.rule]).toEqual([422, 'mediation-agreed-no-award']);
    expect(r.body.detail).toContain('第四十二条');
    r = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [wages],
        amounts: [{ claimId: wages, amount: '5000.00' }],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        paymentDays: 10,
      },
      '2026-04-04',
    );
    expect([r.status, r.body.rule]).toEqual([422, 'mediation-agreed-no-award']);
    expect((await history(c)).length).toBe(before);
    // A party going back on it before service: the award follows (LDMAL Art. 42(4)) — a partial one too.
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, refused: true }, '2026-04-05');
    expect(await offered(c, arb.token)).toContain('PARTIAL_AWARD');
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: wages, outcome: 'dismissed' }] }, '2026-04-06');
  });
});

describe(`legalfixB49: a court's or a party's day follows the act it answers (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal49a M1: a set-aside ruling before the application, a judgment before the suit → 400, nothing changed', async () => {
    const m = await mixedAwardServed(t, a, '林甲', 711);
    await ok(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-25' }, '2026-04-25');
    const before = (await history(m.c)).length;
    let r = await send(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-20' }, '2026-04-26');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'decidedOn' });
    // Sent without occurredOn (dated by its decidedOn, then by the last act): still refused on its decidedOn.
    r = await send(m.c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-20' });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'decidedOn' });
    expect((await history(m.c)).length).toBe(before);
    // The ruling made on 05-20 is served later (servedOn after decidedOn is what happens).
    await ok(
      m.c,
      a.tokens.clerk,
      'RECORD_SET_ASIDE',
      { result: 'rejected', decidedOn: '2026-05-20', servedOn: '2026-05-25' },
      '2026-05-26',
    );
  });

  it('legal49a M1: a partial award’s set-aside ruled before the application → 400 naming decidedOn', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('林戊', 715)] }) });
    const first = c.claims[0]?.id;
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: first, outcome: 'granted', amount: '12000.00' }] }, '2026-04-02');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-03', awardOn: '2026-04-02' },
        '2026-04-03',
      );
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-25', partialAward: 1 }, '2026-04-25');
    const r = await send(
      c,
      a.tokens.clerk,
      'RECORD_SET_ASIDE',
      { result: 'set_aside', decidedOn: '2026-04-20', partialAward: 1 },
      '2026-04-26',
    );
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'decidedOn' });
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-05-06', partialAward: 1 }, '2026-05-06');
  });

  it('legal49a M1: a judgment before the suit, an enforcement outcome before the application → 400', async () => {
    const m = await mixedAwardServed(t, a, '林乙', 712);
    await ok(m.c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: m.employerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    let r = await send(m.c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-04-18' }, '2026-04-21');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'decidedOn' });
    await ok(m.c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-04-30' }, '2026-04-30');

    const e = await mixedAwardServed(t, a, '林丙', 713);
    await ok(e.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: e.workerId, court: BASIC, filedOn: '2026-05-06' }, '2026-05-06');
    const before = (await history(e.c)).length;
    r = await send(
      e.c,
      a.tokens.clerk,
      'RECORD_ENFORCEMENT_OUTCOME',
      { result: 'refused', decidedOn: '2026-05-01', receivedOn: '2026-05-02' },
      '2026-05-07',
    );
    expect(r.status).toBe(400);
    expect(r.body.errors.map((x: { path: string }) => x.path)).toEqual(['decidedOn', 'receivedOn']);
    r = await send(e.c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', {
      result: 'refused',
      decidedOn: '2026-05-10',
      receivedOn: '2026-05-09',
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'receivedOn' });
    expect((await history(e.c)).length).toBe(before);
    await ok(e.c, a.tokens.clerk, 'RECORD_ENFORCEMENT_OUTCOME', { result: 'refused', decidedOn: '2026-05-10', receivedOn: '2026-05-12' });
  });

  it('legal49a M1: an act recorded before the day it happened (filedOn, signedOn after occurredOn) → 400', async () => {
    const m = await mixedAwardServed(t, a, '林丁', 714);
    let r = await send(m.c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: m.employerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-16');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'filedOn' });
    r = await send(m.c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: m.workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-16');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'filedOn' });

    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-04-02');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-04-03');
    await issueMediationDocument(t, arb.token, c);
    r = await send(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-04-06' }, '2026-04-04');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'signedOn' });
    // Without occurredOn it is dated by its signedOn (lead49) and recorded.
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-04-06' });
  });
});

describe(`legalfixB49: a collective dispute and simple handling (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const eleven = Array.from({ length: 11 }, (_, i) => worker(`集体${i + 1}`, 600 + i));
  const refusing = apiSuite({ now: '2026-12-05T02:00:00Z', env: { COLLECTIVE_SIMPLE_HANDLING: 'refused' } });

  it('med49 M1: COLLECTIVE_SIMPLE_HANDLING=refused — a collective case registered simple is 400 naming procedure', async () => {
    const { t: rt, a: ra } = refusing;
    const r = await rt.api(ra.tokens.clerk).post('/api/cases', standardApplication({ applicants: eleven, procedure: 'simple' }));
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'procedure' });
    expect(r.body.errors[0].message).toContain('第六十六条');
    // A simple case made collective by a correction before acceptance: judged the same way, nothing changed.
    const c = await registerCase(rt, ra, standardApplication({ applicants: eleven.slice(0, 9), procedure: 'simple' }));
    const p = await rt.api(ra.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: eleven.slice(0, 10) });
    expect(p.status).toBe(400);
    expect(p.body.errors[0]).toMatchObject({ path: 'procedure' });
    const now = await rt.api(ra.tokens.clerk).get(`/api/cases/${c.id}`);
    expect((now.body.applicants as unknown[]).length).toBe(9);
    // Registered ordinary, it is accepted (and heard by three).
    await registerCase(rt, ra, standardApplication({ applicants: eleven, procedure: 'ordinary' }));
  });

  it('med49 M1: by default (Rules Art. 62(2)) a collective case may be handled simply, its tribunal still of three', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: eleven, procedure: 'simple' }));
    expect(c.collective).toBe(true);
  });
});

describe(`legalfixB49: the hearing notice of a simple case (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  type Dl = { kind: string; status: string; startsOn: string; dueOn: string | null; explanation: string };
  it('med49 M2, L6: no 5-day notice deadline for a hearing set flexibly (Rules Arts. 59–60); the conversion warns', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ procedure: 'simple' }) });
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-06');
    const v = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-11', place: '第一仲裁庭' }, '2026-03-09');
    const kinds = (v.deadlines as Dl[]).map((d) => d.kind);
    expect(kinds).not.toContain('hearing_notice');
    expect(kinds).not.toContain('postponement_request');
    const listed = await t.api(a.tokens.clerk).get('/api/deadlines?within=366&kind=hearing_notice&pageSize=200');
    expect(listed.status).toBe(200);
    const items = (listed.body.items ?? listed.body) as { caseId?: number; kind: string }[];
    expect(items.filter((d) => d.caseId === c.id && d.kind === 'hearing_notice')).toEqual([]);
    const r = await send(c, arb.token, 'CONVERT_TO_ORDINARY', { reason: '案情复杂' }, '2026-03-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const w = (r.body.warnings as string[]).join('\n');
    expect(w).toContain('2026-03-11开庭');
    expect(w).toContain('第三十八条');
    expect(w).toContain('第五十八条');
    expect((r.body.deadlines as Dl[]).map((d) => d.kind)).not.toContain('hearing_notice');
  });

  it('med49 M2: an ordinary case keeps its hearing notice deadline', async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled');
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect((v.deadlines as Dl[]).find((d) => d.kind === 'hearing_notice')).toMatchObject({ startsOn: '2026-03-09' });
  });

  it('legal49b L4: a 调解书 agreed after the award limit passed says the limit had already passed', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-04-10');
    const v = await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年5月10日前支付申请人工资10000元。' }, '2026-04-25');
    const d = (v.deadlines as Dl[]).find((x) => x.kind === 'mediation_signature') as Dl;
    expect(d.dueOn && d.dueOn < d.startsOn).toBe(true);
    expect(d.explanation).toContain(`审理期限已于${d.dueOn}届满`);
    expect(d.explanation).toContain('签收已不可能在审理期限内完成');
  });
});

describe(`legalfixB49: suspension and deemed withdrawal (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal49b L2: a suspension begun after the award limit expired is warned of (Rules Art. 47; LDMAL Art. 43)', async () => {
    const { c } = await caseAt(t, a, 'heard');
    const early = await send(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-04-01');
    expect(early.status).toBe(200);
    expect(((early.body.warnings ?? []) as string[]).join('')).not.toContain('不扣除');
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-03');
    const r = await send(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-05-25');
    expect(r.status).toBe(200);
    const w = (r.body.warnings as string[]).join('');
    expect(w).toContain('本次中止审理始于其后（2026-05-25），不扣除审理期限');
    expect(w).toContain('第四十六条第（六）项');
  });

  it('legal49b L3: deemed withdrawal is not offered when the absent applicant’s notice was late', async () => {
    const notified = async (applicantOn: string) => {
      const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
      for (const [p, on] of [
        [c.respondents[0]?.id, '2026-03-10'],
        [c.applicants[0]?.id, applicantOn],
      ] as const)
        await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p, method: 'direct', servedOn: on }, on);
      await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-25');
      return { c, arb };
    };
    const late = await notified('2026-03-23');
    expect(await offered(late.c, late.arb.token)).not.toContain('DEEM_WITHDRAWN');
    const r = await send(late.c, late.arb.token, 'DEEM_WITHDRAWN', {}, '2026-03-26');
    expect([r.status, r.body.rule]).toEqual([422, 'absence-notice-late']);
    // Notified in time: offered, and recorded.
    const timely = await notified('2026-03-10');
    expect(await offered(timely.c, timely.arb.token)).toContain('DEEM_WITHDRAWN');
    await ok(timely.c, timely.arb.token, 'DEEM_WITHDRAWN', {}, '2026-03-26');
  });
});

describe(`legalfixB49: the review's extension (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('med49 L4: extended from acceptance, before an arbitrator is designated; a second one is 422 extension-once (Rules Art. 76)', async () => {
    const reg = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-20',
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const c = reg.body as { id: number };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-24');
    expect(await offered(c, a.tokens.chair)).toContain('EXTEND_TIME_LIMIT');
    const v = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 5 }, '2026-11-25');
    expect(v.state).toBe('review_accepted');
    expect(await offered(c, a.tokens.chair)).not.toContain('EXTEND_TIME_LIMIT');
    const r = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 3 }, '2026-11-26');
    expect([r.status, r.body.rule]).toEqual([422, 'extension-once']);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-26');
    const again = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 3 }, '2026-11-27');
    expect([again.status, again.body.rule]).toEqual([422, 'extension-once']);
  });
});

describe(`legalfixB49: the collective acceptance deadline (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('med49 L7: cites Rules Art. 65', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`受理${i + 1}`, 650 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    const d = (c.deadlines as { kind: string; basis: string }[]).find((x) => x.kind === 'acceptance');
    expect(d?.basis).toBe('Rules Art. 65; LDMAL Art. 29');
    const one = await registerCase(t, a, standardApplication({ applicants: [worker('受理单', 670)] }));
    expect((one.deadlines as { kind: string; basis: string }[]).find((x) => x.kind === 'acceptance')?.basis).toContain('Rules Arts. 30–31');
  });
});
