import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixT58 (legal58a): procedure rules found wrong — an award against a party joined after the last hearing and never heard
 * (LDMAL Arts. 23, 30, 35–36; Rules Art. 38), a referral on an agreement reached with no stated ground (LDMAL Art. 15), a
 * hearing notice judged on parties joined after the hearing (LDMAL Art. 35), a termination on another ground that
 * concerns one of several workers, a jurisdiction objection left undecided by a designated transfer (Rules Arts. 9–10),
 * and an agreement reached after the mediation limit read as in time (LDMAL Art. 14(3)).
 */
const { t, a } = apiSuite({ now: '2026-12-10T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const read = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
type Deadline = { kind: string; status: string; dueOn: string | null; explanation: string };

/** A 422 problem+json naming `rule` (and `source`), the case left as it was. */
async function refused(
  c: { id: number },
  token: string,
  type: Parameters<typeof send>[2],
  body: Record<string, unknown>,
  on: string | undefined,
  rule: string,
) {
  const before = await read(c);
  const r = await send(c, token, type, body, on);
  expect([r.status, r.body.rule], JSON.stringify(r.body)).toEqual([422, rule]);
  expect(r.headers['content-type']).toContain('application/problem+json');
  const after = await read(c);
  expect([after.version, after.state]).toEqual([before.version, before.state]);
  return r.body as { rule: string; source: string; detail: string; field?: string };
}

const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
  ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);

/**
 * The repro: accepted 11-03, a third party added 11-04, tribunal 11-06, a hearing on 11-20 noticed to all 11-09 and held;
 * a co-respondent added 11-23 and served 11-24.
 */
async function joinedAfterHearing() {
  let c: CaseView = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
  c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
  const third = await ok(
    c,
    a.tokens.clerk,
    'ADD_PARTY',
    { side: 'third_party', ground: 'interested_third_party', party: worker('王五', 401) },
    '2026-11-04',
  );
  const thirdId = third.thirdParties.at(-1)?.id as number;
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-11-06');
  await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-20', place: '第一仲裁庭' }, '2026-11-06');
  await serve(c, 'application_copy', c.respondents[0]?.id as number, '2026-11-07');
  await serve(c, 'addition_notice', thirdId, '2026-11-07');
  for (const id of [c.applicants[0]?.id, c.respondents[0]?.id, thirdId]) await serve(c, 'hearing_notice', id as number, '2026-11-09');
  await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-20');
  const added = await ok(
    c,
    arb(0).token,
    'ADD_PARTY',
    { side: 'respondent', ground: 'co_respondent', party: worker('赵六', 402) },
    '2026-11-23',
  );
  const addedId = added.respondents.at(-1)?.id as number;
  await serve(c, 'addition_notice', addedId, '2026-11-24');
  return { c: await read(c), addedId, thirdId };
}

describe(`fixT58 #1: no award against a party joined after the last hearing and never heard (LDMAL Arts. 30, 35–36) (${DB})`, () => {
  it('ISSUE_AWARD and PARTIAL_AWARD are 422 party-joined-after-hearing; after a hearing since, 200 with the defence warning', async () => {
    const { c, addedId } = await joinedAfterHearing();
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00', obligorIds: [addedId] }];
    const body = await refused(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items: [...items, { claimId: c.claims[1]?.id, outcome: 'dismissed' }] },
      '2026-11-25',
      'party-joined-after-hearing',
    );
    expect(body.source).toContain('LDMAL Arts. 23, 30, 35–36');
    expect(body.field).toBe('items.0.obligorIds');
    expect(body.detail).toContain('2026-11-23');
    await refused(c, arb(0).token, 'PARTIAL_AWARD', { items }, '2026-11-25', 'party-joined-after-hearing');
    // A hearing since, noticed to every party (the added one too): the award is made — inside the added respondent's
    // defence period (served 11-24, ten days) it is warned of, not refused (LDMAL Art. 30 is his right to answer, which
    // he may use at the hearing; the tribunal checks).
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-03', place: '第一仲裁庭' }, '2026-11-24');
    for (const p of [...c.applicants, ...c.respondents, ...(c.thirdParties ?? [])]) await serve(c, 'hearing_notice', p.id, '2026-11-25');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-12-03');
    const r = await send(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items: [...items, { claimId: c.claims[1]?.id, outcome: 'dismissed' }] },
      '2026-12-03',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings as string[]).join('\n')).toContain('答辩期');
  });
});

describe(`fixT58 #3: a party joined after the hearing does not make its notice missed (LDMAL Art. 35; Rules Art. 38) (${DB})`, () => {
  it('hearing_notice of the 11-20 hearing stays met after a co-respondent is joined on 11-23 — in the view and the stored rows', async () => {
    const { c } = await joinedAfterHearing();
    const notice = (c.deadlines as Deadline[]).filter((d) => d.kind === 'hearing_notice');
    expect(
      notice.map((d) => d.status),
      JSON.stringify(notice),
    ).toEqual(['met']);
    expect(notice[0]?.explanation).toContain('已于2026-11-09完成');
    expect(JSON.stringify(notice)).not.toContain('开庭通知未在开庭前送达全体当事人');
    // The stored rows (what lists and statistics read) follow.
    const stored = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/deadlines`)).body as Deadline[] | { items: Deadline[] };
    const rows = (Array.isArray(stored) ? stored : stored.items).filter((d) => d.kind === 'hearing_notice');
    expect(rows.map((d) => d.status)).toEqual(['met']);
  });
});

describe(`fixT58 #2: a referral on an agreement reached states its reason (LDMAL Art. 15) (${DB})`, () => {
  const mediation = async (receivedOn: string) =>
    (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn }))).body as CaseView;
  it('no reason after MEDIATION_AGREED is 422 referral-reason-required (field reason); agreement_invalid needs its ground, recorded', async () => {
    const m = await mediation('2026-11-10');
    await ok(m, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资10000元', performanceDueOn: '2026-12-20' }, '2026-11-15');
    const body = await refused(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-11-20', 'referral-reason-required');
    expect([body.field, body.source]).toEqual(['reason', 'LDMAL Art. 15']);
    // agreement_invalid without its ground: 400 naming `ground`.
    const bare = await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'agreement_invalid' }, '2026-11-20');
    expect([bare.status, JSON.stringify(bare.body).includes('ground')]).toEqual([400, true]);
    const v = await ok(
      m,
      a.tokens.mediator,
      'REFER_TO_ARBITRATION',
      { reason: 'agreement_invalid', ground: '调解协议系受胁迫签订，已由人民法院确认无效' },
      '2026-11-20',
    );
    expect(v.state).toBe('mediation_referred');
    expect((await read(m)).proceedings.trackMediation.referral).toEqual({
      reason: 'agreement_invalid',
      ground: '调解协议系受胁迫签订，已由人民法院确认无效',
    });
  });

  it('with no agreement, an old client sending no reason still refers; agreement_invalid there is 422 referral-no-agreement', async () => {
    const m = await mediation('2026-11-01');
    await refused(
      m,
      a.tokens.mediator,
      'REFER_TO_ARBITRATION',
      { reason: 'agreement_invalid', ground: '无' },
      '2026-11-20',
      'referral-no-agreement',
    );
    const v = await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-11-20');
    expect(v.state).toBe('mediation_referred');
    expect((await read(m)).proceedings.trackMediation.referral).toEqual({ reason: null, ground: null });
  });
});

describe(`fixT58 #6: an agreement reached after the mediation limit ran out (LDMAL Art. 14(3)) (${DB})`, () => {
  it('the mediation deadline reads elapsed, naming the day it ran out, not met', async () => {
    const m = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-10-01' })))
      .body as CaseView;
    const v = await ok(m, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资10000元' }, '2026-10-20');
    const d = (v.deadlines as Deadline[]).find((x) => x.kind === 'mediation');
    expect([d?.status, d?.dueOn], JSON.stringify(d)).toEqual(['elapsed', '2026-10-16']);
    expect(d?.explanation).toContain('期间已于2026-10-16届满');
    // Reached in time, it is met.
    const early = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-10-01' })))
      .body as CaseView;
    const w = await ok(early, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资10000元' }, '2026-10-10');
    expect((w.deadlines as Deadline[]).find((x) => x.kind === 'mediation')?.status).toBe('met');
  });
});

describe(`fixT58 #5: an objection pending when the case is transferred by designation is disposed by it (Rules Arts. 9–10) (${DB})`, () => {
  it('TRANSFER_CASE with a designation records the pending objection as transferred; no decision document is offered for it', async () => {
    let c: CaseView = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
    await ok(c, a.tokens.clerk, 'ACCEPT_TRANSFER', { fromCommission: '临清市劳动人事争议仲裁委员会' }, '2026-11-03');
    await ok(c, a.tokens.clerk, 'RAISE_JURISDICTION_OBJECTION', { partyId: c.respondents[0]?.id, grounds: '应由茌平区管辖' }, '2026-11-05');
    c = await ok(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      {
        toCommission: '茌平区劳动人事争议仲裁委员会',
        reason: '上级主管部门指定管辖',
        designation: { department: '聊城市人力资源和社会保障局', decidedOn: '2026-11-09' },
      },
      '2026-11-10',
    );
    expect(c.state).toBe('closed_transferred');
    const o = (await read(c)).proceedings.jurisdictionObjections as { decision: { on: string; result: string; reason: string } | null }[];
    expect(o.map((x) => [x.decision?.on, x.decision?.result])).toEqual([['2026-11-10', 'transferred']]);
    expect(o[0]?.decision?.reason).toContain('指定管辖');
    const doc = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'jurisdiction' });
    expect([doc.status, JSON.stringify(doc.body).includes('DECIDE_JURISDICTION_OBJECTION')], JSON.stringify(doc.body)).toEqual([409, true]);
  });
});

describe(`fixT58 #4: a termination of a case of several workers, or with an advance execution ruled, is warned of (${DB})`, () => {
  it('TERMINATE ground other on a two-worker case with an advance execution: 200 with both warnings', async () => {
    let c: CaseView = await registerCase(
      t,
      a,
      standardApplication({ receivedOn: '2026-11-02', applicants: [worker('张三', 411), worker('李四', 412)] }),
    );
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-11-04');
    await ok(
      c,
      arb(0).token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [c.claims[0]?.id],
        appliedOn: '2026-11-04',
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: c.claims[0]?.id, amount: '500.00' }],
        paymentDays: 5,
      },
      '2026-11-05',
    );
    const r = await send(
      c,
      a.tokens.chair,
      'TERMINATE',
      { ground: 'other', reason: '申请人李四死亡且无继承人', basis: '参照《浙江省劳动人事争议调解仲裁条例》第三十二条' },
      '2026-11-10',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const w = (r.body.warnings as string[]).join('\n');
    expect(w).toContain('本案有2名申请人');
    expect(w).toContain('2026-11-05裁决先予执行');
  });
});
