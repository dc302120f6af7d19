import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s61 E #1 (LDMAL Art. 30): the preview of 排期开庭 / 延期开庭 on a day inside an answer period, and its refusal under
 * HEARING_BEFORE_ANSWER_PERIOD=refuse, name the respondents whose period it is (`answerPeriodPending`) — not one who has
 * filed its defence: the confirmation asks for the consent of exactly these. Accepted and tribunal formed on Monday
 * 2026-12-07; the hearing on Friday 12-18 is before a period begun that day can end (12-21), one on 12-22 is not.
 */
const NOW = '2026-12-07T02:00:00Z';
const ON = '2026-12-07';
const EARLY = '2026-12-18';
const LATER = '2026-12-22';
/** Two respondents of one dispute: a dispatch agency and the user unit (LDMAL Art. 22(2)). */
const TWO = [
  { ...employer('聊城丙劳务派遣有限公司'), creditCode: creditCode('91371500MA3J8X5N3') },
  { ...employer('聊城丁用工单位有限公司'), creditCode: creditCode('91371500MA3K8X5N3') },
];
type Body = Record<string, unknown>;

function suite(mode: 'warn' | 'refuse') {
  const { t, a } = apiSuite({ now: NOW, env: mode === 'refuse' ? { HEARING_BEFORE_ANSWER_PERIOD: 'refuse' } : {} });
  const { ok, send } = caseEvents(() => t);
  let n = 0;
  /** Two respondents; the agency served and its defence received on 12-07, the user unit not served. */
  const oneAnswered = async () => {
    n += 1;
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker(`已答辩${mode}${n}`, 800 + n + (mode === 'refuse' ? 50 : 0))],
        receivedOn: '2026-12-01',
        respondents: TWO,
      }),
      acceptOn: ON,
      formOn: ON,
    });
    const [agency, user] = c.respondents.map((p) => p.id) as [number, number];
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: agency, method: 'direct', servedOn: ON }, ON);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: agency, filedOn: ON }, ON);
    return { c, arb, agency, user };
  };
  const body = (c: CaseView, hearingOn: string, extra: Body = {}) => ({
    type: 'SCHEDULE_HEARING',
    occurredOn: ON,
    hearingOn,
    place: `第${c.id}仲裁庭`,
    ...extra,
  });
  const preview = (c: CaseView, token: string, hearingOn: string) =>
    t.api(token).post(`/api/cases/${c.id}/event-preview`).send(body(c, hearingOn));
  return { t, a, ok, send, oneAnswered, body, preview };
}

describe('s61 E #1: answerPeriodPending — warn', () => {
  const { oneAnswered, preview } = suite('warn');

  it('the preview names only the respondent who has not answered; a day after the period names none', async () => {
    const { c, arb, user } = await oneAnswered();
    const r = await preview(c, arb.token, EARLY);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings as string[]).join('\n')).toContain('第三十条');
    expect(r.body.answerPeriodPending).toEqual([user]);
    const later = await preview(c, arb.token, LATER);
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body.answerPeriodPending).toBeUndefined();
  });
});

describe('s61 E #1: answerPeriodPending — refuse', () => {
  const { t, a, send, oneAnswered, preview } = suite('refuse');

  it('the refusal names only the respondent who has not answered; that one’s waiver alone lets the day through', async () => {
    const { c, arb, agency, user } = await oneAnswered();
    const r = await preview(c, arb.token, EARLY);
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.rule).toBe('hearing-before-answer-period');
    expect(r.body.answerPeriodPending).toEqual([user]);
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as Body;
    const refused = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: EARLY, place: `第${c.id}仲裁庭` }, ON);
    expect(refused.status).toBe(422);
    expect(refused.body.answerPeriodPending).toEqual([user]);
    expect(((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as Body).version).toBe(before.version);
    const set = await send(
      c,
      arb.token,
      'SCHEDULE_HEARING',
      { hearingOn: EARLY, place: `第${c.id}仲裁庭`, answerPeriodWaived: [{ partyId: user }] },
      ON,
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const waived = ((set.body.proceedings as Body).hearing as Body).answerPeriodWaived as { partyId: number }[];
    expect(waived.map((w) => w.partyId)).toEqual([user]);
    expect(waived.map((w) => w.partyId)).not.toContain(agency);
  });
});
