import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application } from '../helpers/fixtures.ts';
import { issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/** fixP50: the outside checks of 2026-12-05 (legal50a, legal50b, med50). The server's today is 2026-12-06 China time. */
const { t, a } = apiSuite({ now: '2026-12-05T17:00:00Z' });
const { ok, send } = caseEvents(() => t);

type Deadline = { kind: string; dueOn: string | null; status: string; explanation: string };
const awardDue = (v: CaseView) => (v.deadlines as Deadline[]).find((d) => d.kind === 'award')?.dueOn;
const history = async (c: { id: number }) =>
  (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as {
    type: string;
    occurredOn: string;
    payload: Record<string, unknown>;
  }[];

async function reviewCase(receivedOn = '2026-12-01'): Promise<CaseView> {
  const r = await t.api(a.tokens.clerk).post(
    '/api/cases',
    standardApplication({
      track: 'review',
      receivedOn,
      agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
    }),
  );
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as CaseView;
}

describe(`fixP50 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('legal50a H1: an arbitrator recused on the case is not put back on its tribunal (LDMAL Arts. 33, 49(1)(3))', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const [arb1, arb2, arb3] = a.arbitrators as { id: number; token: string }[];
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb1?.id], presidingId: arb1?.id }, '2026-03-05');
    const apply = (userId?: number, on = '2026-03-06') =>
      ok(
        c,
        a.tokens.clerk,
        'APPLY_RECUSAL',
        { partyId: c.respondents[0]?.id, target: { kind: 'arbitrator', userId }, ground: 'relationship', reason: '仲裁员与申请人系亲属' },
        on,
      );
    await apply(arb1?.id);
    await ok(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: arb2?.id }, '2026-03-07');
    // The chair replaces arb2 — by arb1, who withdrew: refused, naming replacementId; nothing changed.
    const back = await send(
      c,
      a.tokens.chair,
      'RECUSE_ARBITRATOR',
      { arbitratorId: arb2?.id, replacementId: arb1?.id, reason: '回避' },
      '2026-03-08',
    );
    expect([back.status, back.body.rule, back.body.field], JSON.stringify(back.body)).toEqual([422, 'recused-arbitrator', 'replacementId']);
    // Replaced by arb3, who is then challenged; granted, with arb1 as the replacement: refused too.
    await ok(c, a.tokens.chair, 'RECUSE_ARBITRATOR', { arbitratorId: arb2?.id, replacementId: arb3?.id, reason: '回避' }, '2026-03-08');
    await apply(arb3?.id, '2026-03-09');
    for (const replacementId of [arb1?.id, arb2?.id]) {
      const r = await send(c, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId }, '2026-03-10');
      expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'recused-arbitrator', 'replacementId']);
    }
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(view.tribunal?.arbitrators.map((x: { id: number }) => x.id)).toEqual([arb3?.id]);
  });

  it('legal50b H1: an extension and a suspension approved in time are entered late on their own day', async () => {
    const { c } = await caseAt(t, a, 'received');
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    let v = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-10-14');
    expect(awardDue(v)).toBe('2026-11-26');
    await ok(c, a.tokens.clerk, 'SERVE', {
      document: 'tribunal_notice',
      partyId: c.respondents[0]?.id,
      method: 'post',
      servedOn: '2026-11-30',
    });
    // Approved on 11-20 (before the limit ran out on 11-26), entered today.
    const r = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-20' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('')).toContain('批准延长之日2026-11-20早于本案已记录的上一程序事项的日期');
    expect(awardDue(r.body)).toBe('2026-12-11');
    expect((await history(c)).at(-1)).toMatchObject({ occurredOn: '2026-11-30', payload: { approvedOn: '2026-11-20' } });
    // One approved after the limit ran out is still refused, naming approvedOn.
    const { c: c2 } = await caseAt(t, a, 'received');
    await ok(c2, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
    await ok(c2, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-10-14');
    await ok(c2, a.tokens.clerk, 'SERVE', {
      document: 'tribunal_notice',
      partyId: c2.respondents[0]?.id,
      method: 'post',
      servedOn: '2026-11-30',
    });
    const late = await send(c2, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-27' });
    expect([late.status, late.body.rule, late.body.field], JSON.stringify(late.body)).toEqual([
      422,
      'extension-before-deadline',
      'approvedOn',
    ]);
    // A suspension decided 11-15, resumed 11-17, entered late: the limit excludes only those days.
    const s = await send(c2, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'pending_case', decidedOn: '2026-11-15' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const early = await send(c2, a.tokens.chair, 'RESUME', { decidedOn: '2026-11-14' });
    expect([early.status, early.body.errors?.[0]?.path], JSON.stringify(early.body)).toEqual([400, 'decidedOn']);
    v = await ok(c2, a.tokens.chair, 'RESUME', { decidedOn: '2026-11-17' });
    expect((await history(c2)).at(-1)).toMatchObject({ type: 'RESUME', occurredOn: '2026-11-30', payload: { decidedOn: '2026-11-17' } });
    const limit = (v.deadlines as Deadline[]).find((d) => d.kind === 'award');
    // Rules Art. 47: 11-15 and 11-16 excluded (2 days): 11-28, a Saturday, carried to Monday 11-30.
    expect(limit?.explanation).toContain('扣除中止审理2026-11-15至恢复审理之日2026-11-17前一日（2天）');
    expect(limit?.dueOn).toBe('2026-11-30');
    // An act's own day after the day it is entered on is refused, naming it.
    const ahead = await send(c2, a.tokens.chair, 'SUSPEND', { reason: '等待鉴定', decidedOn: '2026-12-02' }, '2026-12-01');
    expect([ahead.status, ahead.body.errors?.[0]?.path], JSON.stringify(ahead.body)).toEqual([400, 'decidedOn']);
  });

  it('med50 H1: on review a 调解书 is not signed for before the agreement was confirmed (Rules Art. 77)', async () => {
    const c = await reviewCase();
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-12-03');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-03');
    await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-12-04');
    await issueMediationDocument(t, arb.token, c);
    const r = await send(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-10-01' });
    expect([r.status, r.body.errors?.[0]?.path], JSON.stringify(r.body)).toEqual([400, 'signedOn']);
    expect(r.body.errors[0].message).toContain('2026-12-04');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-12-04' });
  });

  it('legal50a M4: 支持 with less than the claim is recorded with a warning asking for 支持部分 (LDMAL Art. 46)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = c.claims as { id: number }[];
    const items = [
      { claimId: wages?.id, outcome: 'granted', amount: '3000.00' },
      { claimId: comp?.id, outcome: 'granted', amount: '26400.00' },
    ];
    const r = await send(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-01');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const said = (r.body.warnings as string[]).filter((w) => w.includes('漏裁'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('items.0.amount');
    expect(said[0]).toContain('支持部分');
    // 支持部分 with the same amount is the award that decides the rest (驳回其他仲裁请求): nothing said.
    const { c: c2, arb: arb2 } = await caseAt(t, a, 'heard');
    const items2 = [
      { claimId: c2.claims[0]?.id, outcome: 'partly', amount: '3000.00' },
      { claimId: c2.claims[1]?.id, outcome: 'granted', amount: '26400.00' },
    ];
    const v = await ok(c2, arb2.token, 'ISSUE_AWARD', { items: items2 }, '2026-04-01');
    expect((v.warnings as string[]).some((w) => w.includes('漏裁'))).toBe(false);
  });

  it('legal50a M3: facts or reasoning holding only their heading are asked for, as the defense summary is', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: '经审理查明：', reasoning: '本委认为' }, '2026-04-01');
    const make = (text: Record<string, string> = {}) =>
      t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', defenseSummary: '被申请人认为已足额支付工资', ...text });
    let r = await make();
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'text-from-arbitrator', 'facts']);
    r = await make({ facts: '申请人于2023年3月入职被申请人处。' });
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'text-from-arbitrator', 'reasoning']);
    r = await make({ facts: '申请人于2023年3月入职被申请人处。', reasoning: '本委认为，申请人的请求缺乏证据。' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });

  it('med50 M2: enforcing a review 调解书 before its performance period ran out is recorded with a warning (LDMAL Art. 51)', async () => {
    const c = await reviewCase();
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-12-03');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-03');
    const terms = '被申请人于2026年12月31日前支付申请人工资5000元';
    await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms, performanceDueOn: '2026-12-31' }, '2026-12-04');
    await issueMediationDocument(t, arb.token, c);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: p.id, signedOn: '2026-12-05' });
    const r = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', {
      partyId: c.applicants[0]?.id,
      court: '聊城市东昌府区人民法院',
      filedOn: '2026-12-06',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('')).toContain('履行期限至2026-12-31届满');
    expect(r.body.warnings.join('')).toContain('第五十一条');
  });

  it('med50 M2–M3, fixT57 #3: a mediation agreement is not taken to arbitration for non-performance before its day; never as failed', async () => {
    const m = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-11-20' }))).body;
    await ok(
      m,
      a.tokens.mediator,
      'MEDIATION_AGREED',
      { terms: '被申请人于2026年12月20日前支付工资', performanceDueOn: '2026-12-20' },
      '2026-11-25',
    );
    for (const reason of ['failed', 'time_limit']) {
      const r = await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason }, '2026-12-01');
      expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([422, 'mediation-agreement-reached', 'reason']);
    }
    // fixT57 #3 (LDMAL Art. 15): before the agreed day there is no non-performance — refused (it was a warning).
    const r = await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'non_performance' }, '2026-12-01');
    expect([r.status, r.body.rule, r.body.source, r.body.field], JSON.stringify(r.body)).toEqual([
      422,
      'performance-period-running',
      'LDMAL Art. 15',
      'reason',
    ]);
    expect(r.body.detail).toContain('履行期限至2026-12-20届满');
  });

  it('legal50b L1: a posted document received before the day it was posted is 400 naming servedOn', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const body = { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-06' };
    const r = await send(c, a.tokens.clerk, 'SERVE', body, '2026-03-10');
    expect([r.status, r.body.errors?.[0]?.path], JSON.stringify(r.body)).toEqual([400, 'servedOn']);
    expect((await history(c)).some((e) => e.type === 'SERVE')).toBe(false);
    // Posted 03-05, received 03-06: recorded.
    await ok(c, a.tokens.clerk, 'SERVE', body, '2026-03-05');
  });

  it('med50 L1, legal50a L1: next-events does not offer what the rules refuse whatever the payload', async () => {
    const offered = async (c: { id: number }) =>
      ((await t.api(a.tokens.admin).get(`/api/cases/${c.id}/next-events?all=true`)).body as { type: string }[]).map((x) => x.type);
    // A mediation received 12-01 is within its 15 days today (LDMAL Art. 14(3)): no referral offered.
    const m = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-12-01' }))).body;
    expect(await offered(m)).not.toContain('REFER_TO_ARBITRATION');
    expect((await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {})).body.rule).toBe('mediation-15-days');
    // A hearing the respondent missed without proof of notice (LDMAL Art. 36): no default award offered.
    const { c } = await caseAt(t, a, 'heard', { held: { applicantPresent: true, respondentPresent: false } });
    const list = await offered(c);
    expect(list).not.toContain('ISSUE_AWARD');
    expect(list).not.toContain('PARTIAL_AWARD');
    const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    const r = await send(c, a.arbitrators[0]?.token as string, 'ISSUE_AWARD', { items }, '2026-04-01');
    expect(r.body.rule, JSON.stringify(r.body)).toBe('default-award-notice-not-proven');
    // Both present: offered.
    const { c: heard } = await caseAt(t, a, 'heard');
    expect(await offered(heard)).toContain('ISSUE_AWARD');
  });

  it('med50 L3, legal50a L2: a review confirmed after its limit, an objection after the defense period, a recusal decided late — warned', async () => {
    const c = await reviewCase();
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-12-01');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-01');
    // Rules Art. 76: five working days from 12-01 end on 12-08 — confirmed on 12-04: nothing said.
    let v = await ok(c, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-12-04');
    expect((v.warnings as string[]).some((w) => w.includes('审查期限'))).toBe(false);
    const late = await reviewCase('2026-11-20');
    await ok(late, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-23');
    await ok(late, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-11-23');
    const deadlines = (await t.api(a.tokens.clerk).get(`/api/cases/${late.id}`)).body.deadlines as Deadline[];
    const due = deadlines.find((d) => d.kind === 'review')?.dueOn as string;
    expect(due < '2026-12-06', due).toBe(true);
    v = await ok(late, arb.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-12-06');
    expect((v.warnings as string[]).join('')).toContain(`仲裁审查期限已于${due}届满`);

    const { c: o } = await caseAt(t, a, 'accepted');
    await ok(o, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: o.respondents[0]?.id, method: 'direct' }, '2026-03-06');
    v = await ok(
      o,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: o.respondents[0]?.id, grounds: '应由临清市仲裁委管辖' },
      '2026-03-25',
    );
    expect(v.proceedings.jurisdictionObjections).toMatchObject([{ timely: false }]);
    expect((v.warnings as string[]).join('')).toContain('第十条');

    const { c: r } = await caseAt(t, a, 'tribunal_formed');
    const [arb1, arb2] = a.arbitrators as { id: number; token: string }[];
    await ok(
      r,
      a.tokens.clerk,
      'APPLY_RECUSAL',
      { partyId: r.respondents[0]?.id, target: { kind: 'arbitrator', userId: arb1?.id }, ground: 'relationship', reason: '系亲属' },
      '2026-03-06',
    );
    v = await ok(r, a.tokens.chair, 'DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: arb2?.id }, '2026-03-20');
    expect((v.warnings as string[]).join('')).toContain('第十二条');
  });
});
