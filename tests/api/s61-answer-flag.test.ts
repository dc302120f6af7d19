import { describe, expect, it } from 'vitest';
import type { Deps } from '../../app/deps.ts';
import { runRequestedReflag } from '../../app/procedure/answer-flag.ts';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { runDailySweep } from '../../app/time/sweep.ts';
import { maintenanceRequested, runPendingMaintenance } from '../../db/maintenance.ts';
import { up as requestReflag } from '../../db/migrations/20261226_0062_reflag_answer_periods.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s61 D (LDMAL Art. 30; Rules Art. 80): the hearing calendar's `beforeAnswerPeriodEnds` stays true to the law when no
 * procedure event touches the case — for sessions stored before the flag was kept (migration 20261226_0062 asks for
 * `reflag_answer_periods`), after `backfill_hearings` (which stores sessions unflagged), as the days pass while a
 * respondent stays unserved (the daily sweep), and after a calendar year is loaded (its recomputation).
 *
 * Accepted and tribunal formed on Monday 2026-12-07, nothing served: served that day, the ten working days would run
 * 12-08…12-21, so a hearing on Tuesday 12-22 is not before the period can end when judged on 12-07; judged on Tuesday
 * 12-08 (served that day: 12-09…12-22) it is. A hearing on Friday 12-18 is before it on either day.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const ON = '2026-12-07';
const NEXT = '2026-12-08';
const EARLY = '2026-12-18';
const LATER = '2026-12-22';
type Body = Record<string, unknown>;

describe(`s61 D — the answer-period flag judged again (${DB})`, () => {
  const { t, a } = apiSuite({ now: `${ON}T02:00:00Z`, env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const deps = () => t.app.locals.deps as Deps;
  let n = 0;
  const formed = async (on = ON) => {
    n += 1;
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({ applicants: [worker(`重标${n}`, 700 + n)], receivedOn: '2026-12-01' }),
      acceptOn: on,
      formOn: on,
    });
    return { c, arb, respondent: c.respondents[0]?.id as number };
  };
  const scheduled = async (hearingOn: string, on = ON) => {
    const f = await formed(on);
    await ok(f.c, f.arb.token, 'SCHEDULE_HEARING', { hearingOn, place: `第${f.c.id}仲裁庭` }, on);
    return f;
  };
  /** The case's session on the hearing calendar (GET /api/hearings), as a clerk reads it. */
  const session = async (caseId: number, day: string) => {
    const items = (await t.api(a.tokens.clerk).get(`/api/hearings?from=${day}&to=${day}&pageSize=100`)).body.items as Body[];
    const mine = items.filter((h) => h.caseId === caseId);
    expect(mine).toHaveLength(1);
    return mine[0] as Body;
  };
  const flagOf = async (caseId: number, day: string) => (await session(caseId, day)).beforeAnswerPeriodEnds;
  const caseRead = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as Body;
  const historyLength = async (c: CaseView) => ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as unknown[]).length;
  /** Simulates a row stored before migration 0061 (or rebuilt by backfill_hearings): the column's default. */
  const unflag = (caseId: number) => t.db.knex('hearings').where({ case_id: caseId }).update({ before_answer_period_ends: false });

  it('sessions stored before the flag was kept: the migration asks for the task, which flags them (and only them)', async () => {
    t.clock.set(`${ON}T02:00:00Z`);
    const early = await scheduled(EARLY);
    const later = await scheduled(LATER);
    expect(await flagOf(early.c.id, EARLY)).toBe(true);
    expect(await flagOf(later.c.id, LATER)).toBe(false);
    await unflag(early.c.id);
    expect(await flagOf(early.c.id, EARLY)).toBe(false);
    const before = await caseRead(early.c);
    const entries = await historyLength(early.c);

    await requestReflag(t.db.knex);
    expect(await maintenanceRequested(t.db.knex, 'reflag_answer_periods')).toBe(true);
    // Left for the application: the migration runner does not run it.
    expect(await runPendingMaintenance(t.db.knex)).not.toContain('reflag_answer_periods');
    const r = await runRequestedReflag(deps());
    expect(r?.changed).toBeGreaterThanOrEqual(1);
    expect(await maintenanceRequested(t.db.knex, 'reflag_answer_periods')).toBe(false);
    expect(await flagOf(early.c.id, EARLY)).toBe(true);
    expect(await flagOf(later.c.id, LATER)).toBe(false);
    // Derived data: no new version, no history entry.
    expect((await caseRead(early.c)).version).toBe(before.version);
    expect(await historyLength(early.c)).toBe(entries);
    // Nothing asked for: nothing run.
    expect(await runRequestedReflag(deps())).toBeNull();
  });

  it('a respondent still unserved: the sweep of a later day flags a session that was before nothing the day it was set', async () => {
    t.clock.set(`${ON}T02:00:00Z`);
    const f = await scheduled(LATER);
    expect(await flagOf(f.c.id, LATER)).toBe(false);
    const before = await caseRead(f.c);
    const entries = await historyLength(f.c);

    t.clock.set(`${NEXT}T02:00:00Z`);
    expect(await runDailySweep(deps(), { force: true })).toMatchObject({ day: NEXT });
    expect(await flagOf(f.c.id, LATER)).toBe(true);
    expect((await caseRead(f.c)).version).toBe(before.version);
    expect(await historyLength(f.c)).toBe(entries);

    // Served on 12-08, the period runs 12-09…12-22: still before it ends. Answered, the flag goes.
    await ok(f.c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: f.respondent, method: 'direct', servedOn: NEXT }, NEXT);
    expect(await flagOf(f.c.id, LATER)).toBe(true);
    await ok(f.c, a.tokens.clerk, 'FILE_DEFENSE', { filedOn: NEXT }, NEXT);
    expect(await flagOf(f.c.id, LATER)).toBe(false);
    // …and the next day's sweep leaves it so.
    t.clock.set('2026-12-09T02:00:00Z');
    await runDailySweep(deps(), { force: true });
    expect(await flagOf(f.c.id, LATER)).toBe(false);
  });

  it('backfill_hearings stores the sessions unflagged and asks for the task, which flags them right again', async () => {
    t.clock.set(`${ON}T02:00:00Z`);
    const early = await scheduled(EARLY);
    const later = await scheduled(LATER);
    expect(await flagOf(early.c.id, EARLY)).toBe(true);

    await t.db.knex('maintenance_tasks').insert({ name: 'backfill_hearings', requested_at: new Date().toISOString(), reason: 'test' });
    expect(await runPendingMaintenance(t.db.knex)).toEqual(['backfill_hearings']);
    expect(await flagOf(early.c.id, EARLY)).toBe(false);
    expect(await maintenanceRequested(t.db.knex, 'reflag_answer_periods')).toBe(true);

    expect(await runRequestedReflag(deps())).not.toBeNull();
    expect(await flagOf(early.c.id, EARLY)).toBe(true);
    expect(await flagOf(later.c.id, LATER)).toBe(false);
  });

  it('a calendar year loaded: its recomputation judges the flag again with the period ends it moves', async () => {
    // Served Monday 2026-12-28: ten working days 12-29…2027-01-12 on the provisional view of 2027 (元旦 off).
    const day = '2026-12-28';
    t.clock.set(`${day}T02:00:00Z`);
    const f = await formed(day);
    await ok(f.c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: f.respondent, method: 'direct', servedOn: day }, day);
    const hearingOn = '2027-01-13';
    await ok(f.c, f.arb.token, 'SCHEDULE_HEARING', { hearingOn, place: `第${f.c.id}仲裁庭` }, day);
    const defenseDue = async () =>
      ((await caseRead(f.c)).deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'defense')?.dueOn;
    expect(await defenseDue()).toBe('2027-01-12');
    expect(await flagOf(f.c.id, hearingOn)).toBe(false);

    // The year loaded with one more day off inside the period: it ends on the hearing's day.
    const r = await t
      .api(t.adminToken)
      .put('/api/calendar/years/2027', { notice: '国办发明电〔2026〕测试号', offDays: offDaysWith(2027, ['2027-01-04']), workDays: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await recomputationsIdle(t.db);
    expect(await defenseDue()).toBe(hearingOn);
    expect(await flagOf(f.c.id, hearingOn)).toBe(true);
  });
});
