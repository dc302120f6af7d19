import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * A second outside legal tester's and a code reviewer's findings (stop 46b): an extension approved before the award
 * clock restarts (Rules Art. 46), a party added after the last hearing, the added respondent's defense, a suit on the
 * set-aside matters of a mixed award in every award state, and 422s that name their field. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const award = (v: CaseView) => (v.deadlines as { kind: string; dueOn: string; explanation: string }[]).find((d) => d.kind === 'award');
const preview = async (c: { id: number }, token: string, body: Record<string, unknown>) => {
  const r = await t.api(token).post(`/api/cases/${c.id}/event-preview`).send(body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.warnings ?? []) as string[];
};
/** Accepted 09-21, the respondent served 09-22, heard 10-12 (its defense period long over). */
async function heardOn1012(name: string, seq: number) {
  const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
    body: standardApplication({ applicants: [worker(name, seq)], receivedOn: '2026-09-18' }),
    acceptOn: '2026-09-21',
    formOn: '2026-09-22',
  });
  await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-09-22');
  await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-10-12', place: '第一仲裁庭' }, '2026-09-23');
  await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-10-12');
  return { c, arb };
}
const TRAINING = { category: 'damages', amount: '5000.00', description: '返还培训费用' };

describe(`legal findings, stop 46b (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: an extension approved before a restart is not carried into the new period, which may be extended once', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-07-31' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-08-03');
    const r0 = c.respondents[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: r0, method: 'direct' }, '2026-09-08');
    const extended = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-09-10');
    expect(award(extended)?.dueOn).toBe('2026-10-08');
    const merged = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      { description: '被申请人反申请：申请人返还培训费用', filedOn: '2026-09-14', claims: [TRAINING] },
      '2026-09-15',
    );
    // Rules Art. 46(4): 45 days from 09-15 → 10-30 (a Friday), without the superseded period's extension.
    const clock = award(merged);
    expect(clock?.dueOn).toBe('2026-10-30');
    expect(clock?.explanation).not.toContain('延长');
    // Offered though today (12-05) is past the new period's limit (10-30): an extension approved on 10-20, within it,
    // may be entered late (api.md: acts are recorded after the fact; reviewer s48 L1).
    const offered = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(offered.map((e) => e.type)).toContain('EXTEND_TIME_LIMIT');
    // The new period's own extension (≤ 15 days, LDMAL Art. 43(1)): 10-30 + 15 = 11-14 (Saturday) → Monday 11-16.
    const again = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '反申请合并审理，案情复杂' }, '2026-10-20');
    expect(award(again)?.dueOn).toBe('2026-11-16');
    expect(award(again)?.explanation).toContain('经批准延长15日（2026-10-20）');
    // …and only once within it.
    const third = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 1, reason: '仍需鉴定' }, '2026-10-21');
    expect(third.status).toBe(422);
    expect(third.body.rule).toBe('extension-once');
  });

  it('legal M4: an award after a third party was added following the last hearing, with no hearing since, is warned of', async () => {
    const { c, arb } = await heardOn1012('工人21', 481);
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'partly', amount: '1000.00', paymentDays: 10 }));
    const awardOn = (on: string) => ({ type: 'ISSUE_AWARD', occurredOn: on, items });
    expect(await preview(c, arb.token, awardOn('2026-10-15'))).toEqual([]);
    const v = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人赵六' } },
      '2026-10-13',
    );
    const third = (v.thirdParties as { id: number; name: string }[]).find((p) => p.name === '第三人赵六')?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: third, method: 'direct' }, '2026-10-14');
    const warned = (await preview(c, arb.token, awardOn('2026-10-15'))).join('\n');
    expect(warned).toContain('追加的第三人（第三人赵六）于 2026-10-13 追加，在最后一次开庭（2026-10-12）之后');
    expect(warned).toContain('《劳动争议调解仲裁法》第三十五条');
    // Recorded with the same warning (a warning, not a refusal).
    const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-10-15');
    expect((issued.warnings as string[]).join('')).toContain('追加的第三人（第三人赵六）');
  });

  it('legal M4: a hearing held after the addition ends the warning', async () => {
    const { c, arb } = await heardOn1012('工人22', 482);
    const v = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人孙七' } },
      '2026-10-13',
    );
    const third = (v.thirdParties as { id: number; name: string }[]).find((p) => p.name === '第三人孙七')?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: third, method: 'direct' }, '2026-10-14');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-10-23', place: '第一仲裁庭' }, '2026-10-14');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-10-23');
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'partly', amount: '1000.00', paymentDays: 10 }));
    expect(await preview(c, arb.token, { type: 'ISSUE_AWARD', occurredOn: '2026-10-26', items })).toEqual([]);
  });

  it('reviewer M4: the original respondent’s later defense does not end an added respondent’s period; its own (partyId) does', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('工人23', 483)] }) });
    const respondent = c.respondents[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct' }, '2026-03-06');
    const v = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'person', name: '追加被申请人23' } },
      '2026-03-11',
    );
    const added = (v.respondents as { id: number }[]).at(-1)?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: added, method: 'direct' }, '2026-03-12');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-23', place: '第一仲裁庭' }, '2026-03-12');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-23');
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'partly', amount: '1000.00', paymentDays: 10 }));
    const award = { type: 'ISSUE_AWARD', occurredOn: '2026-03-24', items };
    const addedWarning = '在追加的被申请人答辩期（追加被申请人23）内（2026-03-26 届满）';
    // The original respondent's defense, filed after the added respondent was served: it does not answer for it.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', {}, '2026-03-24');
    expect((await preview(c, arb.token, award)).join('')).toContain(addedWarning);
    // Naming the original respondent: the same.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent }, '2026-03-24');
    expect((await preview(c, arb.token, award)).join('')).toContain(addedWarning);
    // An applicant is not the one who answers: 422 naming partyId.
    const wrong = await send(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: c.applicants[0]?.id }, '2026-03-24');
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ rule: 'defense-by-respondent', field: 'partyId' });
    // The added respondent's own defense ends its period's warning, and meets its deadline.
    const filed = await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: added }, '2026-03-24');
    // fixU58: a sum granted against the two respondents naming no payer is warned of on its own; none about the period.
    expect((await preview(c, arb.token, award)).filter((w) => w.includes('答辩期'))).toEqual([]);
    const own = (filed.deadlines as { kind: string; partyId?: number; explanation: string }[]).find(
      (d) => d.kind === 'defense_added_party' && d.partyId === added,
    );
    expect(own, JSON.stringify(filed.deadlines)).toBeTruthy();
    expect(own?.explanation).toContain('已于2026-03-24完成');
  });

  it('reviewer M1: a suit on the set-aside matters of a mixed award is routed by `matter` in award_served too', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人24', 484)] }) });
    // 12 × the minimum wage of 2010.00 is 24120.00: the first item final, the second not (LDMAL Art. 47).
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    // A matter before any set-aside: 422 naming it.
    const early = await send(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-11', matter: 'award' },
      '2026-04-11',
    );
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ rule: 'lawsuit-matter-only-after-set-aside', field: 'matter' });
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    expect(v.state).toBe('award_served');
    const worker1 = c.applicants[0]?.id as number;
    const suit = { partyId: worker1, court: '聊城市东昌府区人民法院', filedOn: '2026-04-25' };
    // Without `matter`: 400 naming it.
    const missing = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', suit, '2026-04-25');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.errors)).toContain('"path":"matter"');
    // On the set-aside matters: the state stays, the suit is the set-aside's, the non-final part not held back.
    const onSetAside = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { ...suit, matter: 'set_aside' }, '2026-04-25');
    expect(onSetAside).toMatchObject({ state: 'award_served', proceedings: { lawsuits: [] } });
    expect((onSetAside.proceedings as { setAside: { lawsuits: unknown[] } }).setAside.lawsuits).toEqual([suit]);
    // Against the non-final part, before it took effect: to court as before.
    const company = c.respondents[0]?.id as number;
    const against = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: company, court: '聊城市东昌府区人民法院', filedOn: '2026-04-26', matter: 'award' },
      '2026-04-26',
    );
    expect(against.state).toBe('in_litigation');
    expect((against.proceedings as { lawsuits: { partyId: number }[] }).lawsuits.map((l) => l.partyId)).toEqual([company]);
  });
});
