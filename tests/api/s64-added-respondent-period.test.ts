import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s64 (a new user's walk, #1): in a simple case whose answer period the arbitrator shortened with the original
 * respondent's consent (Rules Art. 58), a respondent added later (Rules Art. 46(1)) answers within its own ordinary
 * period from its own service (LDMAL Art. 30; Rules Art. 80: ten working days) — the consent was not its own. A hearing
 * set before it is served is judged on that period: accepted 2026-03-04, shortened to 3 working days on 03-05, a
 * co-respondent added on Monday 03-09; served that day at the soonest, its ten working days run 03-10 … 03-23.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Body = Record<string, unknown>;
const MON = '2026-03-09';
const PLACE = { place: '第一仲裁庭' };

const { t, a } = apiSuite({ now: '2026-03-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const warningsOf = (r: { body: Body }) => (r.body.warnings as string[] | undefined) ?? [];

describe(`s64: an added respondent's answer period is its own, not the original respondent's as shortened (${DB})`, () => {
  it('a hearing before the added respondent is served is warned of on its ten working days, the soonest end 03-23', async () => {
    const s = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ procedure: 'simple', applicants: [worker('追加答辩期', 641)] }),
    });
    await ok(s.c, s.arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-05');
    const added = await ok(
      s.c,
      a.tokens.clerk,
      'ADD_PARTY',
      {
        side: 'respondent',
        ground: 'co_respondent',
        party: { ...employer('聊城市人和劳务派遣有限公司'), creditCode: creditCode('91371500MA3C7K2L3') },
      },
      MON,
    );
    const partyId = (added.respondents as { id: number; name: string }[]).find((p) => p.name === '聊城市人和劳务派遣有限公司')?.id;
    expect(partyId).toBeDefined();
    const preview = (hearingOn: string) =>
      t.api(s.arb.token).post(`/api/cases/${s.c.id}/event-preview`, { type: 'SCHEDULE_HEARING', occurredOn: MON, hearingOn, ...PLACE });
    const addedWarning = (r: { body: Body }) => warningsOf(r).find((x) => x.startsWith('追加的被申请人'));
    // 03-20: after the original respondent's shortened three days would end (03-12), before the added one's ten (03-23).
    const late = await preview('2026-03-20');
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    const w = addedWarning(late);
    expect(w, JSON.stringify(warningsOf(late))).toBeDefined();
    expect(w).toContain('即使当日送达，答辩期最早也要到 2026-03-23 才届满');
    expect(w).toContain('自收到仲裁申请书副本之日起十日内提交答辩书');
    expect(w).not.toContain('2026-03-12');
    // After its soonest end: no warning of it.
    const after = await preview('2026-03-24');
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(addedWarning(after)).toBeUndefined();
    // Recorded: the act's warning says the same, and names the added respondent.
    const r = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-20', ...PLACE }, MON);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(addedWarning(r)).toContain('2026-03-23');
  });
});

describe(`s64 legal64 #7: each original respondent's answer period runs from its own receipt (LDMAL Art. 30) (${DB})`, () => {
  it('a hearing after the first-served respondent’s ten working days and inside the other’s names only the other as still to answer', async () => {
    const JIA = '聊城甲机械有限公司';
    const YI = '聊城乙劳务派遣有限公司';
    const s = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker('两被申请人', 642)],
        respondents: [employer(JIA), { ...employer(YI), creditCode: creditCode('91371500MA3C7K2L4') }],
      }),
    });
    const ids = Object.fromEntries((s.c.respondents as { id: number; name: string }[]).map((p) => [p.name, p.id]));
    // 甲 served Thursday 03-05: its ten working days end 03-19; 乙 served Tuesday 03-10: 03-24, the `defense` deadline.
    await ok(s.c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: ids[JIA], method: 'direct' }, '2026-03-05');
    await ok(s.c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: ids[YI], method: 'direct' }, '2026-03-10');
    const r = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-20', ...PLACE }, '2026-03-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const w = warningsOf(r).find((x) => x.includes('尚未答辩的被申请人'));
    expect(w, JSON.stringify(warningsOf(r))).toBeDefined();
    expect(w).toContain('2026-03-24');
    expect(w).toContain(`尚未答辩的被申请人：${YI}）`);
    expect(w).not.toContain(JIA);
  });
});
