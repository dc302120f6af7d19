import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s61 B #1 (LDMAL Arts. 22(2), 30; Rules Art. 44): an award made inside the answer period a change of claims opens is
 * judged as a hearing is (workflows/hearings.ts, one judgement) — every respondent answers the new period for itself;
 * one co-respondent's defence (the dispatch agency's) does not answer for the other's (the user unit's), and the
 * warning names the respondent who has not answered. A waiver given since the change counts; one given before it does
 * not (s60 L2). HEARING_BEFORE_ANSWER_PERIOD concerns SCHEDULE_HEARING / POSTPONE_HEARING only: under `refuse` the
 * award is still recorded with the warning (docs/domain.md §3.3, api-contract: an award is warned of, never refused).
 *
 * The walk: accepted and formed Tuesday 12-01, both respondents served that day (their first period ends 12-15) and
 * both answer on 12-02; a hearing set on 12-02 for Friday 12-11; the claims changed on 12-03 and the change served on
 * both that day — the new period runs to 12-17 (ten working days); the agency answers it on 12-04. Today is 12-18.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const NOW = '2026-12-18T02:00:00Z';
const D1 = '2026-12-01';
const D2 = '2026-12-02';
const D3 = '2026-12-03';
const D4 = '2026-12-04';
const HEARING = '2026-12-11';
const AWARD_ON = '2026-12-14';
const AFTER_CHANGE = '变更仲裁请求后的答辩期';
const AGENCY = '聊城甲劳务派遣有限公司';
const USER = '聊城乙用工单位有限公司';
/** Two respondents of one dispute: a dispatch agency and the user unit (LDMAL Art. 22(2)). */
const TWO = [
  { ...employer(AGENCY), creditCode: creditCode('91371500MA3G8X5N3') },
  { ...employer(USER), creditCode: creditCode('91371500MA3H8X5N3') },
];
type Body = Record<string, unknown>;
const answerWarnings = (ws: unknown) => ((ws ?? []) as string[]).filter((w) => w.includes('答辩'));

function suite(mode: 'warn' | 'refuse') {
  const { t, a } = apiSuite({ now: NOW, env: mode === 'refuse' ? { HEARING_BEFORE_ANSWER_PERIOD: 'refuse' } : {} });
  const { ok, send } = caseEvents(() => t);
  let n = 0;
  const serve = (c: CaseView, document: string, partyId: number, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
  /**
   * The walk above, up to the agency's defence of the new period. `waiver`: the user unit's waiver — `before` the
   * change (with the scheduling, 12-02), `after` it (with a postponement to 12-14 on 12-04); the hearing is then held.
   */
  const changed = async (waiver: 'none' | 'before' | 'after' = 'none') => {
    n += 1;
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker(`裁决答辩期${mode}${n}`, 700 + n + (mode === 'refuse' ? 50 : 0))],
        receivedOn: D1,
        respondents: TWO,
      }),
      acceptOn: D1,
      formOn: D1,
    });
    const [agency, user] = c.respondents.map((p) => p.id) as [number, number];
    for (const id of [agency, user]) await serve(c, 'application_copy', id, D1);
    for (const id of [agency, user]) await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: id, filedOn: D2 }, D2);
    const set = await send(
      c,
      arb.token,
      'SCHEDULE_HEARING',
      {
        hearingOn: HEARING,
        place: `第${c.id}仲裁庭`,
        ...(waiver === 'before' ? { answerPeriodWaived: [{ partyId: user, note: '书面同意提前开庭' }] } : {}),
      },
      D2,
    );
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(answerWarnings(set.body.warnings)).toEqual([]);
    const v = await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'wages', amount: '2000.00', description: '2026年11月工资' }] },
      D3,
    );
    for (const id of [agency, user]) await serve(c, 'claims_change_copy', id, D3);
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: agency, filedOn: D4 }, D4);
    let heldOn = HEARING;
    if (waiver === 'after') {
      heldOn = AWARD_ON;
      const moved = await send(
        c,
        arb.token,
        'POSTPONE_HEARING',
        {
          hearingOn: heldOn,
          reason: '仲裁庭另有安排',
          requestedBy: 'tribunal',
          answerPeriodWaived: [{ partyId: user, note: '书面放弃答辩期' }],
        },
        D4,
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(answerWarnings(moved.body.warnings)).toEqual([]);
    }
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, heldOn);
    const items = (v.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    return { c, arb, agency, user, items };
  };
  /** The award's answer-period warnings, as previewed (award-preview, event-preview) on `on`. */
  const previewed = async (c: CaseView, token: string, items: Body[], on = AWARD_ON) => {
    const award = await t.api(token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: on, items });
    expect(award.status, JSON.stringify(award.body)).toBe(200);
    const event = await t.api(token).post(`/api/cases/${c.id}/event-preview`, { type: 'ISSUE_AWARD', occurredOn: on, items });
    expect(event.status, JSON.stringify(event.body)).toBe(200);
    return { award: answerWarnings(award.body.warnings), event: answerWarnings(event.body.warnings) };
  };
  const view = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as Body;
  return { t, a, ok, send, changed, previewed, view };
}

for (const mode of ['warn', 'refuse'] as const) {
  describe(`s61 B #1: an award inside the answer period after a change of claims — HEARING_BEFORE_ANSWER_PERIOD=${mode} (${DB})`, () => {
    const { a, ok, send, changed, previewed, view } = suite(mode);

    it('one co-respondent answered the new period: the award is warned of, naming the other; recorded with the warning', async () => {
      const { c, arb, items } = await changed();
      const before = await previewed(c, arb.token, items);
      for (const ws of [before.award, before.event]) {
        expect(ws, JSON.stringify(ws)).toHaveLength(1);
        expect(ws[0]).toContain(`裁决日期 ${AWARD_ON} 在${AFTER_CHANGE}内（2026-12-17 届满）`);
        expect(ws[0]).toContain(`（尚未答辩的被申请人：${USER}）`);
        expect(ws[0]).not.toContain(AGENCY);
        expect(ws[0]).toContain('第四十四条');
        expect(ws[0]).toContain('“缩短或者取消答辩期”');
        expect(ws[0]).toContain('待 2026-12-17 之后再作出裁决');
      }
      // The act says the same and is recorded (an award is warned of, never refused for it, whatever the setting).
      const r = await send(c, arb.token, 'ISSUE_AWARD', { items }, AWARD_ON);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(answerWarnings(r.body.warnings)).toEqual(before.award);
      expect((await view(c)).award).not.toBeNull();
    });

    it('both answered the new period: no answer-period warning, in the previews or the act', async () => {
      const { c, arb, user, items } = await changed();
      await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: user, filedOn: AWARD_ON }, AWARD_ON);
      const after = await previewed(c, arb.token, items);
      expect(after).toEqual({ award: [], event: [] });
      const r = await send(c, arb.token, 'ISSUE_AWARD', { items }, AWARD_ON);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(answerWarnings(r.body.warnings)).toEqual([]);
    });

    it('the other waived the new period since the change (Rules Art. 44): no answer-period warning', async () => {
      const { c, arb, user, items } = await changed('after');
      expect((((await view(c)).proceedings as Body).hearing as Body).answerPeriodWaived).toEqual([
        { partyId: user, note: '书面放弃答辩期', on: D4 },
      ]);
      expect(await previewed(c, arb.token, items)).toEqual({ award: [], event: [] });
      const r = await send(c, arb.token, 'ISSUE_AWARD', { items }, AWARD_ON);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(answerWarnings(r.body.warnings)).toEqual([]);
    });

    it('a waiver given before the change does not waive the new period: warned of, naming the respondent', async () => {
      const { c, arb, items } = await changed('before');
      const before = await previewed(c, arb.token, items);
      for (const ws of [before.award, before.event]) {
        expect(ws, JSON.stringify(ws)).toHaveLength(1);
        expect(ws[0]).toContain(AFTER_CHANGE);
        expect(ws[0]).toContain(`（尚未答辩的被申请人：${USER}）`);
      }
      // After the period has run (12-18), nothing is left to warn of.
      expect(await previewed(c, arb.token, items, '2026-12-18')).toEqual({ award: [], event: [] });
    });
  });
}
