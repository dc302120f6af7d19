import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * legal54c M1 — attendance party by party. LDMAL Art. 36 and Rules Art. 39 apply to each applicant: with several
 * workers on one case (each has his own application, SPC-1 Art. 19) one absent worker's application alone may be
 * treated as withdrawn (按撤回仲裁申请处理) — with the Rules Art. 39 bar on his new application — while the others go on
 * to an award; one absent co-respondent (a dispatch agency beside the user unit, LDMAL Art. 22(2)) alone may be heard in
 * default (缺席). HOLD_HEARING `absentParties`, DEEM_WITHDRAWN `partyId`.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { DUPLICATE_ACCEPT_CONFIRMATION: 'true' } });
const { send, ok } = caseEvents(() => t);
type Party = { id: number; name: string };
const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;

/** Two workers (each his own wage claim) against an employer and a dispatch agency; accepted, served, noticed. */
async function noticed(n: number, opts: { agency?: boolean } = {}) {
  const w1 = worker(`甲${n}`, 800 + 2 * n);
  const w2 = worker(`乙${n}`, 801 + 2 * n);
  const respondents = [
    employer(`聊城某某${n}号用工单位`),
    ...(opts.agency ? [{ ...employer(`聊城某某${n}号劳务派遣公司`), creditCode: '91371500MA3C7K2L25' }] : []),
  ];
  const body = standardApplication({
    applicants: [w1, w2],
    respondents,
    claims: [
      { category: 'wages', amount: '12000.00', description: '甲拖欠工资', applicant: 1 },
      { category: 'wages', amount: '15000.00', description: '乙拖欠工资', applicant: 2 },
    ],
  });
  const c = await registerCase(t, a, body);
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  const ids = a.arbitrators.map((x) => x.id);
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
  const presiding = a.arbitrators[0] as { id: number; token: string };
  for (const r of c.respondents as Party[])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: r.id, method: 'direct' }, '2026-03-05');
  await ok(c, presiding.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
  for (const p of [...c.applicants, ...c.respondents] as Party[])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
  const [p1, p2] = c.applicants as Party[];
  const [r1, r2] = c.respondents as Party[];
  return { c, presiding, body, p1: p1 as Party, p2: p2 as Party, r1: r1 as Party, r2 };
}

describe(`attendance party by party (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('one absent worker: his application alone deemed withdrawn with the bar, the other goes on to an award', async () => {
    const { c, presiding, body, p1, p2 } = await noticed(1);
    // The side flags derived: an applicant was there, so the applicant side is present.
    const held = await ok(c, presiding.token, 'HOLD_HEARING', { absentParties: [p1.id] }, '2026-03-25');
    expect(held.proceedings.hearingsHeld.at(-1)).toMatchObject({ applicantPresent: true, respondentPresent: true, absentParties: [p1.id] });

    // Without partyId: as before, the applicant side attended — nothing to treat as withdrawn for everyone.
    const whole = await send(c, presiding.token, 'DEEM_WITHDRAWN', {}, '2026-03-26');
    expect(whole.status).toBeGreaterThanOrEqual(400);

    const done = await ok(c, presiding.token, 'DEEM_WITHDRAWN', { partyId: p1.id }, '2026-03-26');
    expect(done.state).toBe('heard');
    expect(done.closure).toBeNull();
    const mine = (done.claims as { id: number; applicantId?: number }[]).filter((x) => x.applicantId === p1.id).map((x) => x.id);
    expect(done.proceedings.deemedWithdrawals).toMatchObject([{ partyId: p1.id, on: '2026-03-26', claimIds: mine }]);
    expect(done.proceedings.deemedWithdrawals[0].absentNotice).toMatchObject({ partyId: p1.id, servedOn: '2026-03-10' });

    // Statistics: a partial deemed withdrawal closes nothing (a case closes once, by its final outcome).
    const closed = async (mode: string) => {
      const r = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?from=2026-03-01&to=2026-04-30&measure=closed&mode=${mode}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.items as { id: number }[]).map((i) => i.id);
    };
    expect(await closed('deemed_withdrawal')).not.toContain(c.id);
    // Twice: refused, naming the field.
    const again = await send(c, presiding.token, 'DEEM_WITHDRAWN', { partyId: p1.id }, '2026-03-26');
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('partyId');

    // The decision names the worker.
    const decision = await generatedText(t, presiding.token, c.id, { kind: 'decision', matter: 'deemed_withdrawal' });
    expect(decision).toContain(`视为撤回${p1.name}的仲裁申请`);

    // The other worker's claim goes on to an award (the withdrawn claim needs no item).
    const other = (done.claims as { id: number; applicantId?: number }[]).filter((x) => x.applicantId === p2.id);
    // reviewer s55 A M4 — LDMAL Art. 44: no advance execution of a claim whose worker's application was treated as withdrawn.
    const advance = await send(
      c,
      presiding.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: mine,
        rightsClear: true,
        lifeSeriouslyAffected: true,
        paymentDays: 7,
        amounts: [{ claimId: mine[0], amount: '1000.00' }],
      },
      '2026-03-27',
    );
    expect(advance.status, JSON.stringify(advance.body)).toBe(400);
    expect(advance.body.errors.map((e: { path: string }) => e.path)).toContain('claimIds.0');
    const award = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: other.map((x) => ({ claimId: x.id, outcome: 'granted', amount: '15000.00' })),
        defenseSummary: '被申请人辩称其经营困难',
        facts: '经审理查明，被申请人拖欠申请人乙1工资。',
        reasoning: '本委认为，被申请人应当支付。',
      },
      '2026-04-10',
    );
    expect(award.state).toBe('award_issued');
    expect(award.closure).toMatchObject({ mode: 'award' });
    // reviewer s55 A H2: the award is served once the parties it decides for have it — not the worker deemed withdrawn.
    for (const p of [p2, ...(c.respondents as Party[])])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');
    expect((await view(c)).state).toBe('award_served');
    // reviewer s55 A H1, L5: he has no award to sue against — refused, naming why (Rules Art. 39).
    const sue = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: p1.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    expect(sue.status, JSON.stringify(sue.body)).toBe(422);
    expect(sue.body.detail).toContain('按撤回仲裁申请处理');
    expect(await closed('award')).toContain(c.id);
    expect(await closed('deemed_withdrawal')).not.toContain(c.id);
    // The award recites the worker's deemed withdrawal and names who did not come.
    const awardText = await generatedText(t, presiding.token, c.id, { kind: 'award' });
    expect(awardText).toContain(
      `申请人${p1.name}经书面通知，无正当理由拒不到庭，本委于${'二〇二六年三月二十六日'}决定对其按撤回仲裁申请处理`,
    );
    expect(awardText).toContain(`申请人${p2.name}到庭参加仲裁活动，申请人${p1.name}经书面通知，未到庭`);

    // His new application on the same dispute: flagged as barred (Rules Art. 39), refused at acceptance.
    const again2 = await t.api(a.tokens.clerk).post('/api/cases', {
      ...body,
      applicants: [body.applicants[0]],
      claims: [{ category: 'wages', amount: '12000.00', description: '甲拖欠工资' }],
      receivedOn: '2026-04-12',
    });
    expect(again2.status, JSON.stringify(again2.body)).toBe(201);
    expect(again2.body.warnings[0]).toMatchObject({ code: 'deemed_withdrawn', bars: true, caseId: c.id, source: 'Rules Art. 39' });
    expect(again2.body.warnings[0].message).toContain(p1.name);
    const acc = await send(again2.body, a.tokens.clerk, 'ACCEPT', {}, '2026-04-13');
    expect(acc.status, JSON.stringify(acc.body)).toBe(422);
    expect(acc.body.source).toContain('Rules Art. 39');
    expect(acc.body.detail).toContain(p1.name);
  });

  it('bad partyId, a present worker, a respondent: 400 naming partyId, nothing changed', async () => {
    const { c, presiding, p1, p2, r1 } = await noticed(2);
    await ok(c, presiding.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true, absentParties: [p1.id] }, '2026-03-25');
    const before = (await view(c)).version;
    for (const partyId of [999999, p2.id, r1.id]) {
      const r = await send(c, presiding.token, 'DEEM_WITHDRAWN', { partyId }, '2026-03-26');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.type).toBe('application/problem+json');
      expect(JSON.stringify(r.body.errors)).toContain('partyId');
    }
    expect((await view(c)).version).toBe(before);
  });

  it('inconsistent or unknown absent parties: 400 naming the field', async () => {
    const { c, presiding, p1, p2, r1 } = await noticed(3);
    const before = (await view(c)).version;
    const cases: [Record<string, unknown>, string][] = [
      [{ absentParties: [999999] }, 'absentParties.0'],
      [{ applicantPresent: true, respondentPresent: true, absentParties: [p1.id, p2.id] }, 'absentParties'],
      [{ applicantPresent: false, respondentPresent: true, absentParties: [p1.id] }, 'absentParties'],
      // sec58 L2: a side marked absent with none of it listed is as incomplete as a part of it.
      [{ applicantPresent: true, respondentPresent: false, absentParties: [p1.id] }, 'absentParties'],
      [{ applicantPresent: true }, 'respondentPresent'],
    ];
    for (const [payload, path] of cases) {
      const r = await send(c, presiding.token, 'HOLD_HEARING', payload, '2026-03-25');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect((r.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    expect((await view(c)).version).toBe(before);
    // Both workers listed: the applicant side is absent (derived), as the old flag would say.
    const held = await ok(c, presiding.token, 'HOLD_HEARING', { absentParties: [p1.id, p2.id, r1.id] }, '2026-03-25');
    expect(held.proceedings.hearingsHeld.at(-1)).toMatchObject({ applicantPresent: false, respondentPresent: false });
    // Deeming the workers withdrawn one by one: the last ends the case as before.
    const one = await ok(c, presiding.token, 'DEEM_WITHDRAWN', { partyId: p1.id }, '2026-03-26');
    expect(one.state).toBe('heard');
    const last = await ok(c, presiding.token, 'DEEM_WITHDRAWN', { partyId: p2.id }, '2026-03-27');
    expect(last.state).toBe('closed_deemed_withdrawn');
    expect(last.closure).toMatchObject({ mode: 'deemed_withdrawal' });
  });

  it('an absent co-respondent: the default award names him', async () => {
    const { c, presiding, r2 } = await noticed(4, { agency: true });
    const agency = r2 as Party;
    await ok(c, presiding.token, 'HOLD_HEARING', { absentParties: [agency.id] }, '2026-03-25');
    const items = (c.claims as unknown as { id: number; amount: string }[]).map((x) => ({
      claimId: x.id,
      outcome: 'granted',
      amount: x.amount,
    }));
    const award = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items,
        defenseSummary: '被申请人辩称其已足额支付',
        facts: '经审理查明，被申请人拖欠工资。',
        reasoning: '本委认为，被申请人应当支付。',
      },
      '2026-04-10',
    );
    expect(award.award.absentNotices).toMatchObject([{ partyId: agency.id, side: 'respondent' }]);
    const text = await generatedText(t, presiding.token, c.id, { kind: 'award' });
    expect(text).toContain(`被申请人${agency.name}经书面通知，未到庭`);
    expect(text).toContain(`对被申请人${agency.name}缺席审理`);
    expect(text).not.toContain('被申请人经书面通知，未到庭');
  });
});
