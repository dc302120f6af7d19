import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s60 L (LDMAL Art. 30; Rules Arts. 58, 80): a hearing set before the respondent's answer period can end.
 * Accepted and tribunal formed on Monday 2026-12-07, nothing served: served that day, the ten working days would run
 * 12-08…12-21, so a hearing on Friday 12-18 is before the period can end, one on Tuesday 12-22 is not.
 * HEARING_BEFORE_ANSWER_PERIOD: `warn` (default) records it with the warning, `refuse` answers 422 naming `hearingOn`.
 * A respondent who filed its defence or waived the rest of its period (`answerPeriodWaived`) is neither warned of nor
 * refused; the hearing calendar flags the session (`beforeAnswerPeriodEnds`).
 * s60 L2: a waiver carries its day (`on`) and waives only a period begun by then — a change of claims opens a new one
 * (Rules Art. 44) that needs a fresh waiver or every respondent's defence; the flag is judged on the day of the act
 * that changes it. Those cases start earlier: accepted Tuesday 12-01 (served that day, the period ends 12-15); the
 * claims changed 12-03 and served that day (the new period ends 12-17).
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const NOW = '2026-12-07T02:00:00Z';
const ON = '2026-12-07';
const EARLY = '2026-12-18';
const LATER = '2026-12-22';
const WORDS = '尚未收到仲裁申请书副本，答辩期尚未开始计算';
const D1 = '2026-12-01';
const D2 = '2026-12-02';
const D3 = '2026-12-03';
const AFTER_CHANGE = '变更仲裁请求后的答辩期';
/** Two respondents of one dispute: a dispatch agency and the user unit (LDMAL Art. 22(2)). */
const TWO = [
  { ...employer('聊城甲劳务派遣有限公司'), creditCode: creditCode('91371500MA3G8X5N3') },
  { ...employer('聊城乙用工单位有限公司'), creditCode: creditCode('91371500MA3H8X5N3') },
];
type Body = Record<string, unknown>;

function suite(mode: 'warn' | 'refuse') {
  const { t, a } = apiSuite({ now: NOW, env: mode === 'refuse' ? { HEARING_BEFORE_ANSWER_PERIOD: 'refuse' } : {} });
  const { ok, send } = caseEvents(() => t);
  let n = 0;
  const formed = async (w: { on?: string; respondents?: ReturnType<typeof employer>[] } = {}) => {
    n += 1;
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker(`答辩期${mode}${n}`, 600 + n + (mode === 'refuse' ? 50 : 0))],
        receivedOn: '2026-12-01',
        ...(w.respondents ? { respondents: w.respondents } : {}),
      }),
      acceptOn: w.on ?? ON,
      formOn: w.on ?? ON,
    });
    return { c, arb, respondent: c.respondents[0]?.id as number, applicant: c.applicants[0]?.id as number };
  };
  const serve = (c: CaseView, document: string, partyId: number, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
  /**
   * s60 L2: accepted 12-01 and served that day; a hearing on 12-11 set on 12-02 with the respondent's waiver; the
   * claims changed on 12-03 and the change served that day (Rules Art. 44: a new answer period, to 12-17).
   */
  const waivedThenChanged = async () => {
    const f = await formed({ on: D1 });
    await serve(f.c, 'application_copy', f.respondent, D1);
    const set = await send(
      f.c,
      f.arb.token,
      'SCHEDULE_HEARING',
      { hearingOn: '2026-12-11', place: `第${f.c.id}仲裁庭`, answerPeriodWaived: [{ partyId: f.respondent, note: '书面同意提前开庭' }] },
      D2,
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(((set.body.proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([
      { partyId: f.respondent, note: '书面同意提前开庭', on: D2 },
    ]);
    await ok(f.c, a.tokens.clerk, 'CHANGE_CLAIMS', { add: [{ category: 'wages', amount: '2000.00', description: '2026年11月工资' }] }, D3);
    await serve(f.c, 'claims_change_copy', f.respondent, D3);
    return f;
  };
  const schedule = (c: CaseView, token: string, hearingOn: string, extra: Body = {}) =>
    send(c, token, 'SCHEDULE_HEARING', { hearingOn, place: `第${c.id}仲裁庭`, ...extra }, ON);
  const calendar = async (caseId: number, day: string) =>
    ((await t.api(a.tokens.clerk).get(`/api/hearings?from=${day}&to=${day}`)).body.items as Body[]).filter((h) => h.caseId === caseId);
  const history = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
  const view = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as Body;
  return { t, a, ok, send, formed, schedule, calendar, history, view, serve, waivedThenChanged };
}

describe(`s60 L: a hearing before the answer period can end — warn (default) (${DB})`, () => {
  const { ok, send, formed, schedule, calendar, view, history, a, serve, waivedThenChanged } = suite('warn');

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
    // s60 L2: with the day it was recorded — the act's occurredOn, which the history keeps with the act.
    expect(((r.body.proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([
      { partyId: respondent, note: '被申请人书面同意提前开庭', on: ON },
    ]);
    expect((((await view(c)).proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([
      { partyId: respondent, note: '被申请人书面同意提前开庭', on: ON },
    ]);
    expect(JSON.stringify(await history(c))).toContain('被申请人书面同意提前开庭');
    const scheduled = ((await history(c)) as { type: string; occurredOn: string }[]).filter((e) => e.type === 'SCHEDULE_HEARING');
    expect(scheduled.map((e) => e.occurredOn)).toEqual([ON]);
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

  it('s60 L2 #1: a waiver given before a change of claims does not waive the new period it opens (Rules Art. 44)', async () => {
    const { c, arb, respondent } = await waivedThenChanged();
    // Moved on 12-07 to 12-16: after the first period (12-15), inside the one the change opened (to 12-17).
    const moved = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-12-16', reason: '仲裁庭另有安排', requestedBy: 'tribunal' },
      ON,
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((moved.body.warnings ?? []).join('\n')).toContain(AFTER_CHANGE);
    expect((moved.body.warnings ?? []).join('\n')).toContain('第四十四条');
    expect((await calendar(c.id, '2026-12-16')).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    // A waiver given since the change: not warned of, not flagged; one waiver for the respondent, the latest.
    const waived = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-12-17', reason: '仲裁庭另有安排', requestedBy: 'tribunal', answerPeriodWaived: [{ partyId: respondent }] },
      ON,
    );
    expect(waived.status, JSON.stringify(waived.body)).toBe(200);
    expect((waived.body.warnings ?? []).join('\n')).not.toContain('答辩');
    expect((((await view(c)).proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([{ partyId: respondent, on: ON }]);
    expect((await calendar(c.id, '2026-12-17')).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
  });

  it('s60 L2 #1: one co-respondent’s defence does not answer the new period for the other (LDMAL Art. 22(2))', async () => {
    const { c, arb } = await formed({ on: D1, respondents: TWO });
    const [agency, user] = c.respondents.map((p) => p.id);
    for (const id of [agency, user]) await serve(c, 'application_copy', id as number, D1);
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { add: [{ category: 'wages', amount: '2000.00', description: '2026年11月工资' }] }, D3);
    for (const id of [agency, user]) await serve(c, 'claims_change_copy', id as number, D3);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: agency, filedOn: '2026-12-04' }, '2026-12-04');
    // 12-16: inside the period after the change (to 12-17); only the agency has answered since it began.
    const r = await schedule(c, arb.token, '2026-12-16');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings ?? []).join('\n')).toContain(AFTER_CHANGE);
    expect((await calendar(c.id, '2026-12-16')).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    // The user unit answers too: the flag is cleared, a move inside the period is not warned of.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: user, filedOn: ON }, ON);
    expect((await calendar(c.id, '2026-12-16')).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
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

  it('s60 L2 #2: a respondent added after the day was set flags the session; served, still; answered, cleared', async () => {
    const { c, arb, respondent } = await formed({ on: D1 });
    await serve(c, 'application_copy', respondent, D1);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: respondent, filedOn: D2 }, D2);
    const r = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: EARLY, place: `第${c.id}仲裁庭` }, D2);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
    // Added on 12-07, not served: served that day its period would end 12-21 at the earliest — after 12-18.
    const added = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { ...employer('聊城丁公司'), creditCode: creditCode('91371500MA3F8X5N3') } },
      ON,
    );
    const ding = added.respondents.at(-1)?.id as number;
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    await serve(c, 'addition_notice', ding, ON);
    await serve(c, 'application_copy', ding, ON);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: ding, filedOn: ON }, ON);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
  });

  it('s60 L2 #2: a service after a postponement keeps the flag the postponement set', async () => {
    const { c, arb, respondent } = await formed({ on: D1 });
    // Set on 12-01 for 12-16: after the earliest end counted from 12-01 (12-15) — not warned of, not flagged.
    const r = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-16', place: `第${c.id}仲裁庭` }, D1);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings ?? []).join('\n')).not.toContain('答辩期');
    expect((await calendar(c.id, '2026-12-16')).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
    // Moved on 12-07 to 12-18, still nothing served: the earliest end is now 12-21 — warned of, flagged.
    const moved = await send(c, arb.token, 'POSTPONE_HEARING', { hearingOn: EARLY, reason: '仲裁庭另有安排', requestedBy: 'tribunal' }, ON);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((moved.body.warnings ?? []).join('\n')).toContain(WORDS);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    // The notice of the new day served (judged on the service's day, not the first scheduling's): still flagged.
    await serve(c, 'postponement_notice', respondent, ON);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
    // The application served that day: its period runs to 12-21 — still flagged.
    await serve(c, 'application_copy', respondent, ON);
    expect((await calendar(c.id, EARLY)).map((h) => h.beforeAnswerPeriodEnds)).toEqual([true]);
  });
});

describe(`s60 L: HEARING_BEFORE_ANSWER_PERIOD=refuse (${DB})`, () => {
  const { ok, send, formed, schedule, calendar, view, history, a, waivedThenChanged } = suite('refuse');

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

  it('s60 L2 #1: a waiver given before a change of claims does not let a day inside the new period through (Rules Art. 44)', async () => {
    const { c, arb, respondent } = await waivedThenChanged();
    const before = await view(c);
    const moved = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-12-16', reason: '仲裁庭另有安排', requestedBy: 'tribunal' },
      ON,
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(422);
    expect(moved.body.rule).toBe('hearing-before-answer-period');
    expect(moved.body.field).toBe('hearingOn');
    expect(moved.body.detail).toContain(AFTER_CHANGE);
    const after = await view(c);
    expect(after.version).toBe(before.version);
    expect(((after.proceedings as Body).hearing as Body).hearingOn).toBe('2026-12-11');
    // With a waiver given since the change: moved; the respondent's waiver is the latest one.
    const waived = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-12-16', reason: '仲裁庭另有安排', requestedBy: 'tribunal', answerPeriodWaived: [{ partyId: respondent }] },
      ON,
    );
    expect(waived.status, JSON.stringify(waived.body)).toBe(200);
    const hearing = ((await view(c)).proceedings as Body).hearing as Body;
    expect(hearing.hearingOn).toBe('2026-12-16');
    expect(hearing.answerPeriodWaived).toEqual([{ partyId: respondent, on: ON }]);
    expect((await calendar(c.id, '2026-12-16')).map((h) => h.beforeAnswerPeriodEnds)).toEqual([false]);
  });
});
