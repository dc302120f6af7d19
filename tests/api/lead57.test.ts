import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Reviewer s56 B M3: after the chair corrects the acceptance day (POST /api/cases/:id/date-corrections), the rule that
 * no act is dated before the previous procedural act (api.md) reads the acceptance day as it now stands — the
 * correction's — not the day its history entry was first recorded with (the entry itself is never rewritten).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { send, ok } = caseEvents(() => t);

async function acceptedThenCorrected(acceptOn: string, correctedOn: string) {
  const { c, arb } = await caseAt(t, a, 'accepted', { acceptOn });
  const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { seq: number; type: string }[];
  const accept = history.find((e) => e.type === 'ACCEPT') as { seq: number };
  const r = await t
    .api(a.tokens.chair)
    .post(`/api/cases/${c.id}/date-corrections`)
    .send({ target: { seq: accept.seq }, field: 'occurredOn', value: correctedOn, reason: '受理通知书落款日期录入有误' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.acceptedOn).toBe(correctedOn);
  return { c, arb };
}

describe(`lead57 — the previous act's day after a corrected acceptance (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('an acceptance corrected to an earlier day: an act between the two days is no longer refused', async () => {
    const { c, arb } = await acceptedThenCorrected('2026-03-06', '2026-03-03');
    const r = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('an acceptance corrected to a later day: an act before it is refused, naming the corrected day', async () => {
    const { c, arb } = await acceptedThenCorrected('2026-03-03', '2026-03-06');
    const r = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    // The rule's own answer (apply-event.ts): 400 naming occurredOn and the day it may not precede.
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('2026-03-06');
    expect(JSON.stringify(r.body)).toContain('occurredOn');
    // On the corrected day itself it is recorded.
    const on = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-06');
    expect(on.status, JSON.stringify(on.body)).toBe(200);
  });

  it('sec57 L2–L3: a wrong type inside target names target.seq; the contract states the years a date may bear', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    for (const seq of ['2', 1.5, true, null]) {
      const r = await t
        .api(a.tokens.chair)
        .post(`/api/cases/${c.id}/date-corrections`)
        .send({ target: { seq }, field: 'occurredOn', value: '2026-03-04', reason: '录入有误' });
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['target.seq']);
    }
    // Neither branch fits: the union's own message, at target.
    const neither = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/date-corrections`)
      .send({ target: 7, field: 'occurredOn', value: '2026-03-04', reason: '录入有误' });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e: { path: string }) => e.path)).toEqual(['target']);
    const doc = (await t.api(a.tokens.chair).get('/openapi.json')).body;
    const schema = doc.components.schemas.DateCorrection.properties;
    expect(schema.value.pattern).toBe('^(19\\d{2}|2[01]\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$');
    expect(new RegExp(schema.value.pattern).test('2026-13-40')).toBe(false);
    expect(new RegExp(schema.value.pattern).test('1899-12-31')).toBe(false);
    expect(new RegExp(schema.value.pattern).test('2199-12-31')).toBe(true);
    // The record number's bound (RecordId) is in the contract too.
    expect(JSON.stringify(schema.target)).toContain('"maximum"');
  });

  it('sec57 M1: the receipt of an application rejected (不予受理) is corrected by the chair, with its trace', async () => {
    const c = await registerCase(t, a, standardApplication());
    await ok(c, a.tokens.clerk, 'REJECT', { reason: '不属于劳动人事争议仲裁受案范围' }, '2026-03-09');
    // As a registration it is closed (PATCH 409): the correction is the way.
    const patch = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`).send({ receivedOn: '2026-02-27' });
    expect(patch.status).toBe(409);
    const r = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/date-corrections`)
      .send({ target: 'receivedOn', field: 'receivedOn', value: '2026-02-27', reason: '收件登记表日期录入有误' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.receivedOn).toBe('2026-02-27');
    // LDMAL Art. 29: five working days from the day after 02-27 (Fri) — 02-28 (a Saturday worked under the 2026 notice,
    // calendar-seed.ts), 03-02, 03-03, 03-04, 03-05 — the rejection on 03-09 is now late.
    const acceptance = (r.body.deadlines as { kind: string; dueOn: string; status: string }[]).find((d) => d.kind === 'acceptance');
    expect(acceptance).toMatchObject({ dueOn: '2026-03-05', status: 'met_late' });
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    expect(history.at(-1)).toMatchObject({
      type: 'CORRECT_DATE',
      payload: { target: 'receivedOn', before: '2026-03-02', after: '2026-02-27' },
    });
    // Not after the rejection itself.
    const late = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/date-corrections`)
      .send({ target: 'receivedOn', field: 'receivedOn', value: '2026-03-10', reason: '录入有误' });
    expect(late.status).toBe(422);
    // A case not yet decided is still corrected as a registration (409 here, naming PATCH).
    const open = await registerCase(t, a, standardApplication());
    const notYet = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${open.id}/date-corrections`)
      .send({ target: 'receivedOn', field: 'receivedOn', value: '2026-02-27', reason: '录入有误' });
    expect(notYet.status).toBe(409);
    expect(JSON.stringify(notYet.body)).toContain('PATCH');
  });

  it('reviewer s57 A L7: an extension approved is not corrected past the act recorded after it (the award)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂', approvedOn: '2026-04-10' }, '2026-04-10');
    const items = c.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-12');
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { seq: number; type: string }[];
    const ext = history.find((e) => e.type === 'EXTEND_TIME_LIMIT') as { seq: number };
    const correct = (value: string) =>
      t
        .api(a.tokens.chair)
        .post(`/api/cases/${c.id}/date-corrections`)
        .send({ target: { seq: ext.seq }, field: 'approvedOn', value, reason: '审批表日期录入有误' });
    const late = await correct('2026-04-14');
    expect([late.status, late.body.rule]).toEqual([422, 'date-correction-after-next']);
    expect(late.body.detail).toContain('ISSUE_AWARD');
    // Up to the award's own day it is a correction like any other.
    expect((await correct('2026-04-12')).status).toBe(200);
  });
});
