import { describe, expect, it } from 'vitest';
import type { Deadline } from '../../workflows/deadlines.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

// POST /api/cases/:id/event-preview: an event decided exactly as it would be when sent, written nowhere — what a
// confirmation shows before the act is recorded (an extension's new award due date).
const { t, a } = apiSuite({ now: '2026-04-20T02:00:00Z' });

const award = (deadlines: Deadline[]) => deadlines.find((d) => d.kind === 'award');

describe(`event preview (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('shows the deadlines an extension would give — the same as sending it gives — and writes nothing', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', standardApplication())).body;
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })).status).toBe(200);
    const before = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body;
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body;
    const ext = { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-04-10', days: 15, reason: '案情复杂' };

    const p = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/event-preview`, ext);
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.state).toBe(before.state);
    const was = award(before.deadlines)?.dueOn as string;
    const will = award(p.body.deadlines)?.dueOn as string;
    expect(will > was).toBe(true);
    // Nothing was written: the same version, the same history, the same award due date.
    const still = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body;
    expect(still.version).toBe(before.version);
    expect(award(still.deadlines)?.dueOn).toBe(was);
    expect((await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body).toHaveLength(history.length);

    // Sent, the event gives what the preview showed.
    const sent = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, ext);
    expect(sent.status).toBe(200);
    expect(sent.body.deadlines).toEqual(p.body.deadlines);
    expect(sent.body.state).toBe(p.body.state);
  });

  it('answers what sending would answer: 400 naming the field, 403 for a role that may not, 422 for a legal rule', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', standardApplication())).body;
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })).status).toBe(200);
    const preview = (token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/event-preview`, body);
    const bad = await preview(a.tokens.chair, { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-04-10', days: 'x', reason: '案情复杂' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['days']);
    // The clerk may not approve an extension (the chair does): 403, as for the event itself.
    const clerk = { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-04-10', days: 10, reason: '案情复杂' };
    expect((await preview(a.tokens.clerk, clerk)).status).toBe(403);
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, clerk)).status).toBe(403);
    // A second extension is refused by the law (LDMAL Art. 43: once, at most 15 days) — in the preview too.
    const first = { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-04-10', days: 10, reason: '案情复杂' };
    expect((await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, first)).status).toBe(200);
    const again = { ...first, days: 5, occurredOn: '2026-04-15' };
    const refused = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, again);
    expect([409, 422]).toContain(refused.status);
    const previewed = await preview(a.tokens.chair, again);
    expect(previewed.status).toBe(refused.status);
    expect(previewed.body.rule ?? previewed.body.allowed).toEqual(refused.body.rule ?? refused.body.allowed);
    // s63: events that write rows while they are decided are previewed in a transaction rolled back: answered, kept nowhere
    // (tests/api/s63-preview-writing.test.ts).
    const claimsBefore = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body.claims;
    const change = await preview(a.tokens.clerk, { type: 'CHANGE_CLAIMS', occurredOn: '2026-04-15', withdraw: [c.claims[1].id] });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    expect((await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body.claims).toEqual(claimsBefore);
    expect((await t.api(a.tokens.chair).post('/api/cases/999999/event-preview', first)).status).toBe(404);
  });

  it('a referral to arbitration is previewed as far as its refusal: within the 15 days of LDMAL Art. 14(3) it is refused there, before any confirmation', async () => {
    const m = await t.api(a.tokens.mediator).post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-03-25' }));
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const preview = (token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${m.body.id}/event-preview`, body);
    const refer = { type: 'REFER_TO_ARBITRATION', occurredOn: '2026-03-30' };
    const early = await preview(a.tokens.mediator, refer);
    expect([early.status, early.body.rule]).toEqual([422, 'mediation-15-days']);
    expect(early.body.source).toBe('LDMAL Art. 14(3)'); // the screens read it as 第十四条第三款 (web/core.js sourceZh)
    // Once the mediation failed, the referral is allowed; it writes the new application as it is decided, so the
    // preview stops there, and nothing was written.
    expect(
      (await t.api(a.tokens.mediator).post(`/api/cases/${m.body.id}/events`, { type: 'MEDIATION_FAILED', occurredOn: '2026-03-30' }))
        .status,
    ).toBe(200);
    const allowed = await preview(a.tokens.mediator, refer);
    expect([allowed.status, allowed.body.rule]).toEqual([422, 'preview-not-available']);
    const after = (await t.api(a.tokens.mediator).get(`/api/cases/${m.body.id}`)).body;
    expect(after.linkedCaseId ?? null).toBeNull();
  });
  it('a hearing is held on the day notified: another day is refused, previewed so, until it is postponed (LDMAL Art. 35; an outside tester)', async () => {
    const { send, ok } = caseEvents(() => t);
    // Scheduled (03-09) for 03-25, notice served; refused that day — then recorded as held on 03-27.
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
    const held = { type: 'HOLD_HEARING', occurredOn: '2026-03-27', applicantPresent: true, respondentPresent: true };
    const refused = await t.api(arb.token).post(`/api/cases/${c.id}/events`, held);
    expect([refused.status, refused.body.rule], JSON.stringify(refused.body)).toEqual([422, 'hearing-not-on-scheduled-day']);
    expect(refused.body.detail).toContain('2026-03-25');
    expect(refused.body.detail).toContain('延期开庭');
    const previewed = await t.api(arb.token).post(`/api/cases/${c.id}/event-preview`, held);
    expect([previewed.status, previewed.body.rule]).toEqual([422, 'hearing-not-on-scheduled-day']);
    // Postponed on 03-25 to 04-08 (a new written notice 5 working days ahead), it is held on 04-08 — and on no other day.
    await ok(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-04-08', reason: '回避申请尚未决定', requestedBy: 'tribunal' },
      '2026-03-25',
    );
    expect((await send(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-04-09')).status).toBe(422);
    const v = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-04-08');
    expect(v.state).toBe('heard');
  });
});
