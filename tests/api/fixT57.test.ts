import { describe, expect, it } from 'vitest';
import { duplicateAcceptRefusal } from '../../workflows/duplicates.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application } from '../helpers/fixtures.ts';
import { issueMediationDocument, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixT57 (legal57a): procedure rules found missing — no onward transfer of a case accepted on transfer (Rules Art. 9), an
 * award by a tribunal changed after the hearing (LDMAL Arts. 45–46; by analogy Arbitration Law Art. 37), a referral for
 * non-performance before the agreed day (LDMAL Art. 15), a jurisdiction objection by a third party or after the hearing
 * (Rules Art. 10), the enforcement of a 调解书 by its obligor (LDMAL Art. 51), and the rule name of a deemed-withdrawn
 * worker's new application (Rules Art. 39).
 */
const { t, a } = apiSuite({ now: '2026-05-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const OTHER = '临清市劳动人事争议仲裁委员会';
const THIRD = '茌平区劳动人事争议仲裁委员会';
const COURT = '聊城市东昌府区人民法院';
const read = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
type NextEvent = { type: string };
const nextEvents = async (c: { id: number }) => (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/next-events`)).body as NextEvent[];

/** A 422 problem+json naming `rule` (and `source`), the case left as it was. */
async function refused(
  c: { id: number },
  token: string,
  type: Parameters<typeof send>[2],
  body: Record<string, unknown>,
  on: string | undefined,
  rule: string,
  source?: string,
) {
  const before = await read(c);
  const r = await send(c, token, type, body, on);
  expect([r.status, r.body.rule], JSON.stringify(r.body)).toEqual([422, rule]);
  expect(r.headers['content-type']).toContain('application/problem+json');
  if (source) expect(r.body.source).toBe(source);
  const after = await read(c);
  expect([after.version, after.state]).toEqual([before.version, before.state]);
  return r.body as { rule: string; source: string; detail: string; field?: string };
}

const award = (c: CaseView, extra: Record<string, unknown> = {}) => ({
  items: [
    { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' },
    { claimId: c.claims[1]?.id, outcome: 'dismissed' },
  ],
  ...extra,
});

describe(`fixT57 #1: a case accepted on transfer is not transferred onward (Rules Art. 9) (${DB})`, () => {
  it('TRANSFER_CASE after ACCEPT_TRANSFER is 422 no-onward-transfer, not offered; a case accepted here still transfers', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'ACCEPT_TRANSFER', { fromCommission: OTHER }, '2026-03-05');
    // Reviewer s57 A M3: offered — it goes on by the superior department's designation (指定管辖), refused without it.
    expect((await nextEvents(c)).map((e) => e.type)).toContain('TRANSFER_CASE');
    const body = await refused(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      { toCommission: THIRD, reason: '不属本委管辖' },
      '2026-03-06',
      'no-onward-transfer',
      'Rules Art. 9',
    );
    expect(body.detail).toContain('指定管辖');
    expect(body.detail).toContain(OTHER);
    // A designation dated before this commission took the case in is refused, naming the field.
    const early = await send(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      { toCommission: THIRD, reason: '上级指定管辖', designation: { department: '聊城市人力资源和社会保障局', decidedOn: '2026-03-04' } },
      '2026-03-10',
    );
    expect([early.status, early.body.rule, early.body.field]).toEqual([422, 'designation-date', 'designation.decidedOn']);
    const designated = await ok(
      c,
      a.tokens.chair,
      'TRANSFER_CASE',
      {
        toCommission: THIRD,
        reason: '上级主管部门指定管辖',
        designation: { department: '聊城市人力资源和社会保障局', documentNo: '聊人社指〔2026〕1号', decidedOn: '2026-03-09' },
      },
      '2026-03-10',
    );
    expect(designated.state).toBe('closed_transferred');
    const { c: own } = await caseAt(t, a, 'accepted');
    // On a case accepted here, a designation is not what moves it: 422 naming the field.
    const needless = await send(
      own,
      a.tokens.chair,
      'TRANSFER_CASE',
      { toCommission: OTHER, reason: '不属本委管辖', designation: { department: '聊城市人力资源和社会保障局', decidedOn: '2026-03-05' } },
      '2026-03-06',
    );
    expect([needless.status, needless.body.rule]).toEqual([422, 'designation-not-transferred-in']);
    expect((await nextEvents(own)).map((e) => e.type)).toContain('TRANSFER_CASE');
    expect((await ok(own, a.tokens.chair, 'TRANSFER_CASE', { toCommission: OTHER, reason: '不属本委管辖' }, '2026-03-06')).state).toBe(
      'closed_transferred',
    );
  });

  it('an objection upheld on a case accepted on transfer is 422 too; rejected, it is recorded', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'ACCEPT_TRANSFER', { fromCommission: OTHER }, '2026-03-05');
    await ok(c, a.tokens.clerk, 'RAISE_JURISDICTION_OBJECTION', { partyId: c.respondents[0]?.id, grounds: '应由茌平区管辖' }, '2026-03-06');
    await refused(
      c,
      a.tokens.chair,
      'DECIDE_JURISDICTION_OBJECTION',
      { result: 'upheld', reason: '异议成立', toCommission: THIRD },
      '2026-03-09',
      'no-onward-transfer',
      'Rules Art. 9',
    );
    const v = await ok(c, a.tokens.chair, 'DECIDE_JURISDICTION_OBJECTION', { result: 'rejected', reason: '本委依移送受理' }, '2026-03-09');
    expect(v.state).toBe('accepted');
  });
});

describe(`fixT57 #2: an award by a tribunal changed after the hearing (LDMAL Arts. 45–46) (${DB})`, () => {
  it('RECUSE_ARBITRATOR after the hearing: ISSUE_AWARD is 422 naming noRehearing; with the decision and its reason, 200', async () => {
    const { c } = await caseAt(t, a, 'heard');
    await ok(c, a.tokens.chair, 'RECUSE_ARBITRATOR', { arbitratorId: arb(0).id, replacementId: arb(1).id, reason: '回避' }, '2026-03-26');
    const body = await refused(c, arb(1).token, 'ISSUE_AWARD', award(c), '2026-04-10', 'tribunal-changed-after-hearing');
    expect(body.field).toBe('noRehearing');
    expect(body.source).toContain('LDMAL Arts. 45–46');
    expect(body.detail).toContain('2026-03-26');
    // PARTIAL_AWARD likewise.
    const partial = { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' }] };
    await refused(c, arb(1).token, 'PARTIAL_AWARD', partial, '2026-04-10', 'tribunal-changed-after-hearing');
    // A reason of blanks is no reason (400 by the schema).
    const blank = await send(c, arb(1).token, 'ISSUE_AWARD', award(c, { noRehearing: { reason: '  ' } }), '2026-04-10');
    expect(blank.status, JSON.stringify(blank.body)).toBe(400);
    const v = await ok(
      c,
      arb(1).token,
      'ISSUE_AWARD',
      award(c, { noRehearing: { reason: '双方当事人均未申请重新开庭，庭审笔录完整' } }),
      '2026-04-10',
    );
    expect(v.state).toBe('award_issued');
    const h = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as { type: string; payload: Record<string, unknown> }[];
    expect(h.find((e) => e.type === 'ISSUE_AWARD')?.payload.noRehearing).toEqual({ reason: '双方当事人均未申请重新开庭，庭审笔录完整' });
  });

  it('DECIDE_RECUSAL granted after the hearing (on the same day, entered after it): a hearing held since lets the award through', async () => {
    const { c } = await caseAt(t, a, 'heard');
    await ok(
      c,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: c.respondents[0]?.id, target: { kind: 'arbitrator', userId: arb(0).id }, ground: 'relationship', reason: '系同学' },
      '2026-03-25',
    );
    await ok(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: arb(1).id }, '2026-03-25');
    await refused(c, arb(1).token, 'ISSUE_AWARD', award(c), '2026-04-10', 'tribunal-changed-after-hearing');
    await ok(c, arb(1).token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-15', place: '第一仲裁庭' }, '2026-04-01');
    await ok(c, arb(1).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-04-15');
    expect((await ok(c, arb(1).token, 'ISSUE_AWARD', award(c), '2026-04-20')).state).toBe('award_issued');
  });

  it('a replacement before the hearing needs nothing', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    await ok(c, a.tokens.chair, 'RECUSE_ARBITRATOR', { arbitratorId: arb(0).id, replacementId: arb(1).id, reason: '回避' }, '2026-03-06');
    await ok(c, arb(1).token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(c, arb(1).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    expect((await ok(c, arb(1).token, 'ISSUE_AWARD', award(c), '2026-04-10')).state).toBe('award_issued');
  });
});

describe(`fixT57 #3: non-performance of a mediation agreement before its day (LDMAL Art. 15) (${DB})`, () => {
  const agreed = async (performanceDueOn?: string) => {
    const m = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-04-20' }))).body;
    await ok(
      m,
      a.tokens.mediator,
      'MEDIATION_AGREED',
      { terms: '被申请人支付工资10000元', ...(performanceDueOn ? { performanceDueOn } : {}) },
      '2026-04-25',
    );
    return m as CaseView;
  };

  it('referred on or before performanceDueOn is 422 performance-period-running (field reason); the day after, 200', async () => {
    const m = await agreed('2026-05-10');
    for (const on of ['2026-05-05', '2026-05-10']) {
      const body = await refused(
        m,
        a.tokens.mediator,
        'REFER_TO_ARBITRATION',
        { reason: 'non_performance' },
        on,
        'performance-period-running',
        'LDMAL Art. 15',
      );
      expect([body.field, body.detail.includes('2026-05-10')]).toEqual(['reason', true]);
    }
    expect((await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'non_performance' }, '2026-05-11')).state).toBe(
      'mediation_referred',
    );
  });

  it('an agreement with no performance day recorded may be referred for non-performance at any time (Civil Code Art. 511(4))', async () => {
    const m = await agreed();
    expect((await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'non_performance' }, '2026-04-28')).state).toBe(
      'mediation_referred',
    );
  });
});

describe(`fixT57 #4: jurisdiction objections are the respondent's, within the defense period (Rules Art. 10) (${DB})`, () => {
  it("a third party's objection is 422 naming Rules Art. 10", async () => {
    const { c } = await caseAt(t, a, 'heard');
    const v = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人王五七' } },
      '2026-03-26',
    );
    const third =
      (v.thirdParties as { id: number }[] | undefined)?.[0]?.id ??
      (v.parties as { id: number; side: string }[]).find((p) => p.side === 'third_party')?.id;
    expect(third).toBeDefined();
    const body = await refused(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: third, grounds: '应由临清市管辖' },
      '2026-03-27',
      'objection-by-respondent',
    );
    expect(body.source).toContain('Rules Art. 10');
    expect(body.field).toBe('partyId');
  });

  it("a respondent's objection after the hearing (no service recorded) is late and does not stop the award", async () => {
    const { c, arb: a0 } = await caseAt(t, a, 'heard');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.respondents[0]?.id, grounds: '应由临清市管辖' },
      '2026-03-26',
    );
    expect(v.proceedings.jurisdictionObjections).toMatchObject([{ timely: false }]);
    expect((v.warnings as string[]).join('')).toContain('第十条');
    expect((await ok(c, a0.token, 'ISSUE_AWARD', award(c), '2026-04-10')).state).toBe('award_issued');
  });

  it("a respondent's objection before the hearing, no service recorded, is still timely and holds the merits back", async () => {
    const { c } = await caseAt(t, a, 'hearing_scheduled');
    const v = await ok(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: c.respondents[0]?.id, grounds: '应由临清市管辖' },
      '2026-03-10',
    );
    expect(v.proceedings.jurisdictionObjections).toMatchObject([{ timely: true }]);
  });
});

describe(`fixT57 #5: a 调解书 is enforced on the application of the other side than its obligor (LDMAL Art. 51) (${DB})`, () => {
  const signed = async (extra: Record<string, unknown> = {}) => {
    const { c, arb: a0 } = await caseAt(t, a, 'heard');
    await ok(c, a0.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(
      c,
      a0.token,
      'MEDIATION_AGREED',
      { terms: '被申请人于2026年4月10日前支付申请人工资10000元。', performanceDueOn: '2026-04-10', ...extra },
      '2026-03-27',
    );
    await issueMediationDocument(t, a0.token, c);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: p.id, signedOn: '2026-03-31' }, '2026-03-31');
    return c;
  };

  it('no obligorIds: nothing assumed (reviewer s57 A H1) — the respondent applying is recorded with the warning, not refused', async () => {
    const c = await signed();
    expect((await read(c)).proceedings.mediation.obligorIds ?? null).toBeNull();
    // A 调解书 may order the worker to perform (return equipment, a training fee): the employer's application is lawful
    // then (LDMAL Art. 51) — with obligors unknown it is recorded, warned.
    const r = await send(
      c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: c.respondents[0]?.id, court: COURT, filedOn: '2026-04-20' },
      '2026-04-20',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body.warnings ?? [])).toContain('第五十一条');
  });

  it('obligorIds naming the worker: the respondent applies; both sides obliged, either does', async () => {
    const w = await signedWith((x) => [x.applicants[0]?.id as number]);
    await refused(
      w,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: w.applicants[0]?.id, court: COURT, filedOn: '2026-04-20' },
      '2026-04-20',
      'enforcement-by-obligee',
    );
    await ok(w, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: w.respondents[0]?.id, court: COURT, filedOn: '2026-04-20' }, '2026-04-20');
    const both = await signedWith((x) => [x.applicants[0]?.id as number, x.respondents[0]?.id as number]);
    await ok(
      both,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: both.respondents[0]?.id, court: COURT, filedOn: '2026-04-20' },
      '2026-04-20',
    );
  });

  it('obligorIds: a third party is 422 obligor-not-a-party; an id of no party of the case is 400 (sec58 L4)', async () => {
    const { c, arb: a0 } = await caseAt(t, a, 'heard');
    const v = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人赵九' } },
      '2026-03-26',
    );
    const third =
      (v.thirdParties as { id: number }[] | undefined)?.[0]?.id ??
      (v.parties as { id: number; side: string }[] | undefined)?.find((p) => p.side === 'third_party')?.id;
    expect(third).toBeDefined();
    await ok(c, a0.token, 'START_MEDIATION', {}, '2026-03-26');
    const terms = '被申请人支付申请人工资10000元。';
    const body = await refused(
      c,
      a0.token,
      'MEDIATION_AGREED',
      { terms, obligorIds: [third] },
      '2026-03-27',
      'obligor-not-a-party',
      'LDMAL Art. 51',
    );
    expect(body.field).toBe('obligorIds');
    const before = await read(c);
    const r = await send(c, a0.token, 'MEDIATION_AGREED', { terms, obligorIds: [c.respondents[0]?.id, 999999] }, '2026-03-27');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect((r.body.errors as { path: string; message: string }[]).map((e) => e.path)).toEqual(['obligorIds.1']);
    expect((await read(c)).version).toBe(before.version);
  });

  async function signedWith(ids: (c: CaseView) => number[]) {
    const { c, arb: a0 } = await caseAt(t, a, 'heard');
    await ok(c, a0.token, 'START_MEDIATION', {}, '2026-03-26');
    const v = await ok(
      c,
      a0.token,
      'MEDIATION_AGREED',
      { terms: '申请人返还工作设备，被申请人支付工资10000元。', obligorIds: ids(c) },
      '2026-03-27',
    );
    expect(v.state).toBe('mediation_signing');
    await issueMediationDocument(t, a0.token, c);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: p.id, signedOn: '2026-03-31' }, '2026-03-31');
    return c;
  }
});

describe('fixT57 #6: a deemed-withdrawn application applied for again has its own rule name (Rules Art. 39)', () => {
  const recorded = [{ caseId: 7, bars: true }];
  const earlier = (closureMode: string | null, state: string) => ({
    id: 7,
    caseNo: '聊劳人仲案字〔2026〕第3号',
    receivedOn: '2026-03-02',
    state,
    closureMode,
  });
  it('deemed withdrawn: reapplication-after-deemed-withdrawal (Rules Art. 39); pending: duplicate-application-pending', () => {
    expect(duplicateAcceptRefusal(recorded, [earlier('deemed_withdrawal', 'closed_deemed_withdrawn')], {})).toMatchObject({
      rule: 'reapplication-after-deemed-withdrawal',
      source: 'Rules Art. 39',
      field: 'notSameMatter',
    });
    expect(duplicateAcceptRefusal(recorded, [earlier(null, 'accepted')], {})?.rule).toBe('duplicate-application-pending');
    // One worker of several deemed withdrawn alone while the earlier case goes on: his bar, the same name.
    const barred = [
      { side: 'applicant', kind: 'person', name: '张三', idNumber: '371502199001011234', creditCode: null, on: '2026-03-25' },
    ];
    const me = [{ side: 'applicant', kind: 'person', name: '张三', idNumber: '371502199001011234', creditCode: null }];
    expect(
      duplicateAcceptRefusal(recorded, [{ ...earlier(null, 'heard'), barredApplicants: barred } as never], {}, me as never)?.rule,
    ).toBe('reapplication-after-deemed-withdrawal');
  });
});
