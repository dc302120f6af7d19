import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * A counterclaim merged into the case (反申请, Rules Art. 36) is made of claims of the respondent, which the award must
 * decide like the applicant's (LDMAL Art. 46; Rules Art. 49). Before, FILE_COUNTERCLAIM restarted the award clock and
 * nothing could decide what it asked: the award was final on the applicant's claims alone.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const { send, ok } = caseEvents(() => t);
const arb = () => a.arbitrators[0] as { id: number; token: string };
const TRAINING = { category: 'damages', amount: '5000.00', description: '返还培训费用' };

/** Accepted 03-04, served 03-06, counterclaim filed and merged 03-10, tribunal 03-11, heard 03-30. */
async function withCounterclaim(
  counterclaim: Record<string, unknown>,
  body = standardApplication(),
  merged: (c: CaseView, v: CaseView) => Promise<unknown> = async () => {},
) {
  const c = await registerCase(t, a, body);
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  await ok(
    c,
    a.tokens.clerk,
    'SERVE',
    { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-03-06' },
    '2026-03-06',
  );
  const v = await ok(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', counterclaim, '2026-03-10');
  await merged(c, v);
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-03-11');
  await ok(c, arb().token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-12');
  await ok(c, arb().token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
  return { c, v };
}
/** The running text of the (first) document generated, as the arbitrator. */
const documentText = (caseId: number, body: Record<string, unknown>) => generatedText(t, arb().token, caseId, body);
const own = (v: CaseView) => (v.claims as { id: number; counterclaim?: boolean }[]).filter((x) => !x.counterclaim);
const counter = (v: CaseView) => (v.claims as { id: number; counterclaim?: boolean }[]).filter((x) => x.counterclaim);

describe(`counterclaims are decided by the award (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('its claims join the case, marked; the final award must decide them; they are never final; figures count them (fixS55)', async () => {
    const { c, v } = await withCounterclaim({ description: '被申请人反申请：申请人返还培训费用', claims: [TRAINING] });
    expect(counter(v)).toEqual([expect.objectContaining({ seq: 3, category: 'damages', amount: '5000.00', counterclaim: true })]);
    expect(own(v)).toHaveLength(2);
    const cc = counter(v)[0]?.id as number;
    expect(v.proceedings.counterclaims[0]).toMatchObject({ filedOn: '2026-03-10', mergedOn: '2026-03-10', claimIds: [cc] });

    // The applicant cannot change the respondent's claim (Rules Art. 44 is the applicant's own claims).
    const change = await send(c, a.tokens.clerk, 'CHANGE_CLAIMS', { change: [{ claimId: cc, amount: '1.00' }] }, '2026-03-31');
    expect(change.status).toBe(400);
    expect(change.body.errors[0].path).toBe('change.0.claimId');
    // Nor give it up (the respondent's claim).
    const giveUp = await send(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [cc] }, '2026-03-31');
    expect(giveUp.status).toBe(400);
    expect(giveUp.body.errors[0].path).toBe('withdraw.0');
    // Advance execution is of the worker's claims (LDMAL Art. 44), not of the employer's counterclaim.
    const advance = await send(
      c,
      arb().token,
      'ADVANCE_EXECUTION',
      { claimIds: [cc], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: cc, amount: '100.00' }], paymentDays: 5 },
      '2026-03-31',
    );
    // fixE54 (legal54a H1–H2): whose claim it is, is the rule's — 422 naming claimIds (a worker's counterclaim is allowed).
    expect([advance.status, advance.body.rule, advance.body.field]).toEqual([422, 'advance-execution-worker-claims', 'claimIds']);

    // An award on the applicant's claims alone leaves the counterclaim undecided: refused.
    const [w, e] = own(v);
    const applicantItems = [
      { claimId: w?.id, outcome: 'granted', amount: '12000.00' },
      { claimId: e?.id, outcome: 'dismissed' },
    ];
    const partial = await send(c, arb().token, 'ISSUE_AWARD', { items: applicantItems }, '2026-04-10');
    expect(partial.status).toBe(422);
    expect(partial.body.rule).toBe('award-must-decide-every-claim');
    expect(partial.body.detail).toContain(String(cc));

    const done = await ok(
      c,
      arb().token,
      'ISSUE_AWARD',
      { items: [...applicantItems, { claimId: cc, outcome: 'partly', amount: '3000.00' }] },
      '2026-04-10',
    );
    // 12,000 of wages alone would be a final award (LDMAL Art. 47(1)); the employer's counterclaim is not a matter
    // Art. 47 makes final, so the award is mixed and that item non-final.
    expect(done.award.finality).toBe('mixed');
    const item = (done.award.items as { claimId: number; final: boolean; reason: string }[]).find((i) => i.claimId === cc);
    expect(item).toMatchObject({ final: false });
    expect(item?.reason).toContain('用人单位对劳动者的请求');

    // fixS55: the counterclaim is a claim the award decides — its item is in the amount awarded (12,000 + 3,000) and, by
    // default (STATS_CLAIMED_AMOUNT), in the amount claimed (38,400 + 5,000) (domain.md §13.1).
    const stats = await t.api(a.tokens.chair).get('/api/stats/closure?from=2026-03-01&to=2026-04-30');
    expect(stats.status).toBe(200);
    expect(stats.body.amounts).toMatchObject({ claimed: '43400.00', awarded: '15000.00' });
  });

  it("a counterclaim given as words only is one claim to decide; a worker counterclaiming an employer is classified as usual, the employer's own claim never final", async () => {
    const { c, v } = await withCounterclaim(
      { description: '请求申请人支付违约金' },
      standardApplication({ limitation: { knewOn: '2025-12-31', employmentStatus: 'ended', employmentEndedOn: '2025-12-31' } }),
    );
    // The limitation warning is the application's: the counterclaim was not filed with it nor by the applicant.
    expect((v.limitation.claims as { claimId: number }[]).map((x) => x.claimId).sort()).toEqual(
      own(v)
        .map((x) => x.id)
        .sort(),
    );
    expect(counter(v)).toEqual([
      expect.objectContaining({ category: 'other', amount: null, description: '请求申请人支付违约金', counterclaim: true }),
    ]);
    const refused = await send(
      c,
      arb().token,
      'ISSUE_AWARD',
      { items: own(v).map((x) => ({ claimId: x.id, outcome: 'dismissed' })) },
      '2026-04-10',
    );
    expect(refused.body.rule).toBe('award-must-decide-every-claim');

    // The employer applies; the worker counterclaims wages: that claim is judged by LDMAL Art. 47 like any other.
    const e = await withCounterclaim(
      { description: '反申请：支付拖欠工资', claims: [{ category: 'wages', amount: '6000.00', description: '2025年12月工资' }] },
      standardApplication({
        applicants: [employer()],
        respondents: [worker('李四')],
        claims: [{ category: 'damages', amount: '8000.00', description: '赔偿设备损失' }],
      }),
    );
    const [emp] = own(e.v);
    const [wage] = counter(e.v);
    const r = await ok(
      e.c,
      arb().token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: emp?.id, outcome: 'partly', amount: '3000.00' },
          { claimId: wage?.id, outcome: 'granted', amount: '6000.00' },
        ],
      },
      '2026-04-10',
    );
    expect((r.award.items as { claimId: number; final: boolean }[]).find((i) => i.claimId === wage?.id)).toMatchObject({ final: true });
    // The employer's own damages claim against the worker, 3,000 ≤ twelve months' minimum wage, is not an Art. 47(1)
    // item either: only what a worker recovers is (the same as its counterclaim would be).
    expect((r.award.items as { claimId: number; final: boolean }[]).find((i) => i.claimId === emp?.id)).toMatchObject({ final: false });
    expect(r.award.finality).toBe('mixed');
  });

  it("the applicant's withdrawal does not close a counterclaim still standing: it is decided first, or withdrawn too", async () => {
    const before = await withCounterclaim({ description: '被申请人反申请：申请人返还培训费用', claims: [TRAINING] });
    const cc = counter(before.v)[0]?.id as number;
    // Withdrawing the application would close the case with the respondent's claim undecided: refused, saying how.
    const refused = await send(before.c, a.tokens.clerk, 'WITHDRAW', { reason: '申请人撤回仲裁申请' }, '2026-03-31');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'counterclaim-standing', field: 'counterclaimWithdrawn' });
    expect(refused.body.detail).toContain('第3项请求');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${before.c.id}`)).body.state).toBe('heard');
    // Decided first by a partial award (LDMAL Art. 43(2)), the application may then be withdrawn.
    await ok(before.c, arb().token, 'PARTIAL_AWARD', { items: [{ claimId: cc, outcome: 'dismissed' }] }, '2026-03-31');
    // Its document decides the counterclaim only: the applicant's claims, none decided yet, are "申请人的仲裁请求".
    const text = await documentText(before.c.id, {
      kind: 'partial_award',
      facts: '双方约定的服务期已届满。',
      reasoning: '被申请人要求返还培训费用，缺乏依据。',
      counterclaimDefenseSummary: '服务期已满，不应返还',
    });
    expect(text).toContain('申请人的仲裁请求，本委另行裁决。');
    expect(text).not.toContain('其他仲裁请求');
    expect(text).not.toContain('被申请人辩称');
    const closed = await ok(before.c, a.tokens.clerk, 'WITHDRAW', { reason: '申请人撤回仲裁申请' }, '2026-04-01');
    expect(closed.state).toBe('closed_withdrawn');

    // The respondent withdraws its counterclaim with it: recorded with the act, the case closes.
    const both = await withCounterclaim({ description: '被申请人反申请：申请人返还培训费用', claims: [TRAINING] });
    const r = await ok(both.c, a.tokens.clerk, 'WITHDRAW', { reason: '双方和解，各自撤回', counterclaimWithdrawn: true }, '2026-03-31');
    expect(r.state).toBe('closed_withdrawn');
    expect(r.closure).toMatchObject({ mode: 'withdrawal', counterclaimWithdrawn: true });
    const decision = await documentText(both.c.id, { kind: 'decision', matter: 'withdrawal' });
    expect(decision).toContain('申请撤回仲裁申请，被申请人亦撤回反申请。');
    expect(decision).toContain('准许申请人撤回仲裁申请，准许被申请人撤回反申请。');

    // The applicant gives up every claim of its own: a change of claims, and the award decides the counterclaim alone.
    let gaveUp: CaseView | undefined;
    const alone = await withCounterclaim(
      { description: '被申请人反申请：申请人返还培训费用', claims: [TRAINING] },
      undefined,
      async (c, v) => {
        gaveUp = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: own(v).map((x) => x.id) }, '2026-03-10');
      },
    );
    const applicantLeft = ((gaveUp?.claims ?? []) as { withdrawn?: boolean; counterclaim?: boolean }[]).filter(
      (x) => !x.counterclaim && !x.withdrawn,
    );
    expect(applicantLeft).toEqual([]);
    const onlyCounter = counter(alone.v)[0]?.id as number;
    const awarded = await ok(
      alone.c,
      arb().token,
      'ISSUE_AWARD',
      { items: [{ claimId: onlyCounter, outcome: 'partly', amount: '2000.00' }] },
      '2026-04-20',
    );
    expect(awarded.award.items).toHaveLength(1);
    // The award says the applicant gave its claims up, and when (Rules Art. 35).
    const award = await documentText(alone.c.id, {
      kind: 'award',
      facts: '申请人入职时参加了被申请人出资的专项培训。',
      reasoning: '申请人未满服务期离职，应按约定返还部分培训费用。',
      counterclaimDefenseSummary: '不同意返还',
    });
    expect(award).toContain('申请人于二〇二六年三月十日放弃关于2025年10月至12月工资、解除劳动合同经济补偿的仲裁请求。');
    expect(award).toContain('申请人（被反申请人）针对反申请辩称：不同意返还。');
    // Without a counterclaim standing, giving up every claim is still a withdrawal (Rules Art. 35).
    const plain = await registerCase(t, a);
    await ok(plain, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const all = await send(plain, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: plain.claims.map((x) => x.id) }, '2026-03-05');
    expect(all.status).toBe(422);
    expect(all.body.rule).toBe('withdraw-all-is-withdrawal');
  });

  it("the respondent gives up its counterclaim by an act of its own; the award then decides the applicant's claims alone", async () => {
    const { c, v } = await withCounterclaim({
      description: '被申请人反申请：申请人返还培训费用及赔偿损失',
      claims: [TRAINING, { category: 'damages', amount: '3000.00', description: '赔偿设备损失' }],
    });
    const [training, loss] = counter(v).map((x) => x.id);
    const mine = own(v).map((x) => x.id);
    // Each side gives up its own claims only, in an act of its own: the documents recite who gave up what.
    const mixed = await send(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [training, mine[0]], by: 'respondent' }, '2026-03-31');
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ path: 'withdraw.1' })]);
    const adding = await send(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { withdraw: [training], add: [{ category: 'wages', amount: '1.00', description: '工资' }], by: 'respondent' },
      '2026-03-31',
    );
    expect(adding.status).toBe(400);
    expect(adding.body.errors[0].path).toBe('by');
    // A counterclaim is not changed by this act (Rules Art. 44 is the applicant's change; Art. 36: a new counterclaim).
    const changed = await send(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { change: [{ claimId: loss, amount: '4000.00', description: '赔偿设备损失' }] },
      '2026-03-31',
    );
    expect(changed.status).toBe(400);
    expect(changed.body.errors[0].path).toBe('change.0.claimId');
    const unchanged = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(unchanged.version).toBe(v.version + 3); // the tribunal, the hearing scheduled and held since
    // Giving up the whole counterclaim (after the hearing: until the award) restarts nothing.
    const gave = await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [training, loss], by: 'respondent' }, '2026-03-31');
    expect(counter(gave).every((x) => (x as { withdrawn?: boolean }).withdrawn)).toBe(true);
    // The award decides the applicant's claims only, and the applicant may now withdraw without the counterclaim.
    const awarded = await ok(
      c,
      arb().token,
      'ISSUE_AWARD',
      { items: mine.map((claimId) => ({ claimId, outcome: 'dismissed' })) },
      '2026-04-20',
    );
    expect(awarded.award.items).toHaveLength(mine.length);
    const award = await documentText(c.id, {
      kind: 'award',
      facts: '申请人主张的加班事实缺乏证据。',
      reasoning: '申请人的请求缺乏事实依据。',
      defenseSummary: '不同意申请人的请求',
    });
    expect(award).toContain('被申请人（反申请人）于二〇二六年三月三十一日放弃关于返还培训费用、赔偿设备损失的反申请请求。');
    expect(award).not.toContain('申请人于二〇二六年三月三十一日放弃');

    // With the applicant's own claims all given up, giving up the whole counterclaim leaves nothing to decide: a withdrawal.
    let gaveUp: CaseView | undefined;
    const alone = await withCounterclaim(
      { description: '被申请人反申请：申请人返还培训费用', claims: [TRAINING] },
      undefined,
      async (x, w) => {
        gaveUp = await ok(x, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: own(w).map((y) => y.id) }, '2026-03-10');
      },
    );
    expect(gaveUp).toBeDefined();
    const last = await send(
      alone.c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { withdraw: counter(alone.v).map((x) => x.id), by: 'respondent' },
      '2026-03-31',
    );
    expect(last.status).toBe(422);
    expect(last.body.rule).toBe('withdraw-all-is-withdrawal');
    const closed = await ok(alone.c, a.tokens.clerk, 'WITHDRAW', { reason: '双方均撤回', counterclaimWithdrawn: true }, '2026-03-31');
    expect(closed.state).toBe('closed_withdrawn');
  });

  it('a counterclaim in the new defense period a change of claims opens (Rules Arts. 36, 44) is in time; before it or after it, not', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const r0 = c.respondents[0]?.id;
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: r0, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    // The first defense period has ended (10 working days from 03-06); the applicant adds a claim on 03-23.
    await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'wages', amount: '2000.00', description: '2026年1月工资' }] },
      '2026-03-23',
    );
    const counterclaim = (filedOn: string) => ({ description: '被申请人反申请：申请人返还培训费用', filedOn, claims: [TRAINING] });
    const before = await send(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', counterclaim('2026-03-22'), '2026-03-23');
    expect(before.status).toBe(422);
    expect(before.body).toMatchObject({ rule: 'counterclaim-in-defense-period', field: 'filedOn' });
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'claims_change_copy', partyId: r0, method: 'direct' }, '2026-03-24');
    // The new period runs from 03-24 (10 working days; 04-06 is the Qingming holiday, to 04-08): one filed on 04-20 is late…
    const late = await send(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', counterclaim('2026-04-20'), '2026-04-20');
    expect(late.status).toBe(422);
    expect(late.body.detail).toContain('2026-04-08');
    // …one filed on 03-30 is in time, and merged.
    const v = await ok(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', counterclaim('2026-03-30'), '2026-03-31');
    expect(counter(v)).toHaveLength(1);
  });
});
