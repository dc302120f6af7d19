import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, mixedAwardServed } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * legalfixC: the employer's application to set aside a mixed award's final part while it sues on the non-final part
 * (LDMAL Arts. 49–50; SPC-1 Art. 21), and a held hearing's notice deadline. "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
type D = { kind: string; partyId?: number; status: string; dueOn: string | null; explanation: string };
const deadline = (v: CaseView, kind: string, partyId?: number) =>
  (v.deadlines as D[]).find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId));
const INTERMEDIATE = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';
const offered = async (c: { id: number }) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);

/**
 * A mixed award made 04-10 (24120.00 final, 24120.01 not: LDMAL Art. 47), served on all 04-15; the employer sues on the
 * non-final part 04-20 (LDMAL Art. 50) — the case is in_litigation.
 */
async function mixedAwardEmployerSues(n: number) {
  const { c, workerId, employerId } = await mixedAwardServed(t, a, `工人C${n}`, 600 + n);
  const v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: employerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
  expect(v.state).toBe('in_litigation');
  return { c, workerId, employerId };
}

describe(`legalfixC (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('1: the employer applies to set aside the final part while suing on the non-final part; set aside — the suit goes on', async () => {
    const { c, workerId, employerId } = await mixedAwardEmployerSues(1);
    expect(await offered(c)).toContain('RECORD_SET_ASIDE');
    // Before the fix: 409.
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.setAside).toMatchObject({ court: INTERMEDIATE, filedOn: '2026-04-22', result: null });
    expect(v.warnings ?? []).toEqual([]);
    expect(deadline(v, 'set_aside_employer', employerId)?.status).toBe('met');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-05-06' }, '2026-05-06');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.setAside).toMatchObject({ result: 'set_aside', decidedOn: '2026-05-06' });
    // LDMAL Art. 49(3): the worker's window on the final part ends; both may sue on its matters within 15 days.
    expect(deadline(v, 'sue_final_worker', workerId)?.explanation).toContain('撤销');
    expect(deadline(v, 'sue_after_set_aside', workerId)?.dueOn).toBe('2026-05-21');
    // A suit on the set-aside matters is kept with the set-aside, not as a second suit on the non-final part.
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: workerId, court: BASIC, filedOn: '2026-05-10', matter: 'set_aside' },
      '2026-05-10',
    );
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.setAside.lawsuits).toHaveLength(1);
    expect(v.proceedings.lawsuits).toHaveLength(1);
    expect(deadline(v, 'sue_after_set_aside', workerId)?.status).toBe('met');
    // Nothing left to apply against.
    expect(await offered(c)).not.toContain('RECORD_SET_ASIDE');
    // The suit on the non-final part is still decided by the court.
    v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-08-01' }, '2026-08-01');
    expect(v.state).toBe('court_decided');
  });

  it('1: the application rejected — the final part stands, the suit goes on and ends by withdrawal', async () => {
    const { c, workerId } = await mixedAwardEmployerSues(2);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected', decidedOn: '2026-05-06' }, '2026-05-06');
    expect(v.state).toBe('in_litigation');
    expect(v.proceedings.setAside.result).toBe('rejected');
    expect(deadline(v, 'sue_after_set_aside', workerId)).toBeUndefined();
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-06-01', servedOn: '2026-06-03' },
      '2026-06-03',
    );
    expect(['award_effective', 'award_served']).toContain(v.state);
  });

  it('1: filed after its 30 days — recorded with the late warning; a court outcome while pending waits in set_aside_pending', async () => {
    const { c } = await mixedAwardEmployerSues(3);
    // The employer's 30 days from 04-15 end 05-15 (LDMAL Art. 49).
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-05-20' }, '2026-05-20');
    expect(v.state).toBe('in_litigation');
    expect((v.warnings as string[]).join('')).toContain('晚于法定期间的届满日2026-05-15');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-06-01', servedOn: '2026-06-03' },
      '2026-06-03',
    );
    expect(v.state).toBe('set_aside_pending');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-06-10' }, '2026-06-10');
    expect(v.proceedings.setAside.result).toBe('set_aside');
    expect(['award_effective', 'award_served']).toContain(v.state);
  });

  it('1: the final part’s set-aside decided after the judgment on the non-final part', async () => {
    const { c } = await mixedAwardEmployerSues(4);
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    let v = await ok(c, a.tokens.clerk, 'RECORD_COURT_OUTCOME', { outcome: 'judgment', decidedOn: '2026-05-01' }, '2026-05-01');
    expect(v.state).toBe('court_decided');
    v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'withdrawn', decidedOn: '2026-05-06' }, '2026-05-06');
    expect(v.state).toBe('court_decided');
    expect(v.proceedings.setAside.result).toBe('withdrawn');
  });

  it('1: a worker’s suit still holds the application (SPC-1 Art. 21(1)): 422', async () => {
    const { c, workerId } = await mixedAwardEmployerSues(5);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: workerId, court: BASIC, filedOn: '2026-04-21' }, '2026-04-21');
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: INTERMEDIATE, filedOn: '2026-04-22' }, '2026-04-22');
    expect(r.status).toBe(422);
    expect(r.body.rule ?? JSON.stringify(r.body)).toContain('set-aside-while-worker-sues');
  });

  /** Accepted 08-24, tribunal 08-25, a hearing on Monday 09-14 set 09-01: the notice is due by 09-06 (LDMAL Art. 35). */
  async function hearingSet(name: string, seq: number) {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker(name, seq)], receivedOn: '2026-08-21' }),
      acceptOn: '2026-08-24',
      formOn: '2026-08-25',
    });
    const app = c.applicants[0]?.id as number;
    const resp = c.respondents[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: resp, method: 'direct' }, '2026-08-25');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-09-14', place: '第一仲裁庭' }, '2026-09-01');
    return { c, arb, app, resp };
  }
  const listed = async (c: { id: number }) =>
    ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/deadlines`)).body as D[]).filter((d) => d.kind === 'hearing_notice');

  it('2: a late hearing notice stays listed as met_late once the hearing is held (LDMAL Art. 35; Rules Art. 38)', async () => {
    const { c, arb, app, resp } = await hearingSet('甘六', 706);
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: resp, method: 'direct' }, '2026-09-04');
    const late = await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: app, method: 'direct' }, '2026-09-10');
    expect((late.warnings as string[]).join('')).toContain('晚于最迟送达日 2026-09-06');
    const v = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-09-14');
    expect(v.state).toBe('heard');
    // Before the fix: gone from the case view and GET /deadlines.
    expect(deadline(v, 'hearing_notice')).toMatchObject({ status: 'met_late', dueOn: '2026-09-06' });
    expect(await listed(c)).toEqual([expect.objectContaining({ status: 'met_late', dueOn: '2026-09-06' })]);
    // The window to ask for a postponement goes with the hearing.
    expect(deadline(v, 'postponement_request')).toBeUndefined();
  });

  it('2: a timely notice stays met; one never served on a party reads missed once the hearing is held', async () => {
    const { c, arb, app, resp } = await hearingSet('甘七', 707);
    for (const partyId of [app, resp])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId, method: 'direct' }, '2026-09-04');
    let v = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-09-14');
    expect(deadline(v, 'hearing_notice')?.status).toBe('met');

    const d = await hearingSet('甘八', 708);
    await ok(d.c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: d.resp, method: 'direct' }, '2026-09-04');
    v = await ok(d.c, d.arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-09-14');
    expect(deadline(v, 'hearing_notice')).toMatchObject({ status: 'missed', dueOn: '2026-09-06' });
    expect(deadline(v, 'hearing_notice')?.explanation).toContain('开庭已于2026-09-14举行');
  });
});
