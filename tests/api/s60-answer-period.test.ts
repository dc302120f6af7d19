import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s60 L (LDMAL Art. 30; Rules Arts. 58, 80): a hearing set before the respondent's answer period can end.
 * Accepted and tribunal formed on Monday 2026-12-07, nothing served: served that day, the ten working days would run
 * 12-08…12-21, so a hearing on Friday 12-18 is before the period can end, one on Tuesday 12-22 is not.
 * HEARING_BEFORE_ANSWER_PERIOD: `warn` (default) records it with the warning, `refuse` answers 422 naming `hearingOn`.
 * A respondent who filed its defence or waived the rest of its period (`answerPeriodWaived`) is neither warned of nor
 * refused; the hearing calendar flags the session (`beforeAnswerPeriodEnds`).
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const NOW = '2026-12-07T02:00:00Z';
const ON = '2026-12-07';
const EARLY = '2026-12-18';
const LATER = '2026-12-22';
const WORDS = '尚未收到仲裁申请书副本，答辩期尚未开始计算';
type Body = Record<string, unknown>;

function suite(mode: 'warn' | 'refuse') {
  const { t, a } = apiSuite({ now: NOW, env: mode === 'refuse' ? { HEARING_BEFORE_ANSWER_PERIOD: 'refuse' } : {} });
  const { ok, send } = caseEvents(() => t);
  let n = 0;
  const formed = async () => {
    n += 1;
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker(`答辩期${mode}${n}`, 600 + n + (mode === 'refuse' ? 50 : 0))],
        receivedOn: '2026-12-01',
      }),
      acceptOn: ON,
      formOn: ON,
    });
    return { c, arb, respondent: c.respondents[0]?.id as number, applicant: c.applicants[0]?.id as number };
  };
  const schedule = (c: CaseView, token: string, hearingOn: string, extra: Body = {}) =>
    send(c, token, 'SCHEDULE_HEARING', { hearingOn, place: `第${c.id}仲裁庭`, ...extra }, ON);
  const calendar = async (caseId: number, day: string) =>
    ((await t.api(a.tokens.clerk).get(`/api/hearings?from=${day}&to=${day}`)).body.items as Body[]).filter((h) => h.caseId === caseId);
  const history = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
  const view = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as Body;
  return { t, a, ok, send, formed, schedule, calendar, history, view };
}

describe(`s60 L: a hearing before the answer period can end — warn (default) (${DB})`, () => {
  const { ok, send, formed, schedule, calendar, view, history, a } = suite('warn');

  it('recorded with the warning citing LDMAL Art. 30; the calendar flags it; a defence filed clears the flag', async () => {
    const { c, arb, respondent } = await formed();
    const r = await schedule(c, arb.token, EARLY);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('\n')).toContain(WORDS);
    expect(r.body.warnings.join('\n')).toContain('第三十条');
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    // Served and answered: the respondent has used its right to answer — the session is no longer flagged.
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct' }, ON);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent, filedOn: ON }, ON);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
    // A postponement to a day still inside the (served) period, after the defence: not warned of.
    const moved = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-12-17', reason: '仲裁庭另有安排', requestedBy: 'tribunal' },
      ON,
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((moved.body.warnings ?? []).join('\n')).not.toContain('答辩');
  });

  it('a day after the earliest end: no warning, not flagged', async () => {
    const { c, arb } = await formed();
    const r = await schedule(c, arb.token, LATER);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings ?? []).join('\n')).not.toContain('答辩期');
    expect((await calendar(c.id, LATER)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
  });

  it('a waiver by the respondent: no warning, recorded in the history and the case view, not flagged', async () => {
    const { c, arb, respondent } = await formed();
    const r = await schedule(c, arb.token, EARLY, { answerPeriodWaived: [{ partyId: respondent, note: '被申请人书面同意提前开庭' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings ?? []).join('\n')).not.toContain('答辩期');
    expect(((r.body.proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([
      { partyId: respondent, note: '被申请人书面同意提前开庭' },
    ]);
    expect((((await view(c)).proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([
      { partyId: respondent, note: '被申请人书面同意提前开庭' },
    ]);
    expect(JSON.stringify(await history(c))).toContain('被申请人书面同意提前开庭');
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
  });

  it('400 naming answerPeriodWaived.0.partyId for the applicant (only a respondent has an answer period); nothing written', async () => {
    const { c, arb, applicant } = await formed();
    const r = await schedule(c, arb.token, EARLY, { answerPeriodWaived: [{ partyId: applicant }] });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(r.body.errors)).toContain('answerPeriodWaived.0.partyId');
    expect(((await view(c)).proceedings as Body).hearing).toBeNull();
    expect(await calendar(c.id, EARLY)).toEqual([]);
    const none = await schedule(c, arb.token, EARLY, { answerPeriodWaived: [{ partyId: 999999 }] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body.errors)).toContain('answerPeriodWaived.0.partyId');
  });
});

describe(`s60 L: HEARING_BEFORE_ANSWER_PERIOD=refuse (${DB})`, () => {
  const { ok, send, formed, schedule, calendar, view, history, a } = suite('refuse');

  it('422 naming hearingOn, citing LDMAL Art. 30; nothing recorded', async () => {
    const { c, arb } = await formed();
    const before = await view(c);
    const r = await schedule(c, arb.token, EARLY);
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.rule).toBe('hearing-before-answer-period');
    expect(r.body.field).toBe('hearingOn');
    expect(r.body.detail).toContain('第三十条');
    const after = await view(c);
    expect(after.version).toBe(before.version);
    expect((after.proceedings as Body).hearing).toBeNull();
    expect(await calendar(c.id, EARLY)).toEqual([]);
    expect(JSON.stringify(await history(c))).not.toContain('SCHEDULE_HEARING');
  });

  it('allowed once the respondent has filed its defence', async () => {
    const { c, arb, respondent } = await formed();
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct' }, ON);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent, filedOn: ON }, ON);
    const r = await schedule(c, arb.token, EARLY);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings ?? []).join('\n')).not.toContain('答辩期');
  });

  it('a waiver lets the early day through, for scheduling and for a postponement', async () => {
    const { c, arb, respondent } = await formed();
    const late = await schedule(c, arb.token, LATER);
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const back = await send(c, arb.token, 'POSTPONE_HEARING', { hearingOn: EARLY, reason: '当事人申请提前', requestedBy: 'tribunal' }, ON);
    expect(back.status, JSON.stringify(back.body)).toBe(422);
    expect(back.body.field, JSON.stringify(back.body)).toBe('hearingOn');
    expect((((await view(c)).proceedings as Body).hearing as Body).hearingOn).toBe(LATER);
    const waived = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: EARLY, reason: '当事人申请提前', requestedBy: 'tribunal', answerPeriodWaived: [{ partyId: respondent }] },
      ON,
    );
    expect(waived.status, JSON.stringify(waived.body)).toBe(200);
    expect((((await view(c)).proceedings as Body).hearing as Body).hearingOn).toBe(EARLY);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
  });
});
