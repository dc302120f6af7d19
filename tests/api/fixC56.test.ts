import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixC56 (legal56b M2): the chair's traced correction (补正) of a procedural date after acceptance —
 * POST /api/cases/:id/date-corrections. The corrected entry stays as recorded; the correction is an entry of its own.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { send, ok } = caseEvents(() => t);

type Entry = { seq: number; type: string; occurredOn: string; payload: Record<string, unknown> };
const award = (v: CaseView) => (v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'award')?.dueOn;
const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Entry[];
const correct = (id: number, body: Record<string, unknown>, token = a.tokens.chair) =>
  t.api(token).post(`/api/cases/${id}/date-corrections`).send(body);
const closedLate = async (id: number) => {
  const r = await t.db.knex('case_stat_rows').where({ case_id: id }).whereNull('recorded_to').first();
  return { closedLate: Boolean(r.closed_late), awardDueOn: r.award_due_on as string | null };
};

/** Heard 03-25 (accepted 03-04), suspended 03-26, resumed with decidedOn `resumedOn`, the award made on `awardOn`. */
async function suspendedAndResumed(resumedOn: string) {
  const { c, arb } = await caseAt(t, a, 'heard');
  await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-03-26' }, '2026-03-26');
  const v = await ok(c, a.tokens.chair, 'RESUME', { decidedOn: resumedOn }, '2026-04-07');
  return { c, arb, v };
}

describe(`fixC56 — correcting a procedural date after acceptance (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("the checker's RESUME slip: the award limit moves back a day, closed-late follows, the history keeps both", async () => {
    // The control: the resumption recorded right (04-06).
    const right = await suspendedAndResumed('2026-04-06');
    const wrong = await suspendedAndResumed('2026-04-07');
    const rightDue = award(right.v) as string;
    const wrongDue = award(wrong.v) as string;
    expect([rightDue, wrongDue]).toEqual(['2026-04-29', '2026-04-30']);
    // The award made on the (wrong) last day: in time as recorded.
    const items = wrong.c.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' }));
    await ok(wrong.c, wrong.arb.token, 'ISSUE_AWARD', { items }, wrongDue);
    expect(await closedLate(wrong.c.id)).toMatchObject({ closedLate: false, awardDueOn: wrongDue });
    // A second RESUME is no way to fix it (409), nor is the registration (PATCH, 409).
    expect((await send(wrong.c, a.tokens.chair, 'RESUME', { decidedOn: '2026-04-06' }, '2026-04-07')).status).toBe(409);
    const before = await history(wrong.c.id);
    const resume = before.find((e) => e.type === 'RESUME') as Entry;
    const version = (await t.api(a.tokens.chair).get(`/api/cases/${wrong.c.id}`)).body.version as number;
    const r = await correct(wrong.c.id, {
      target: { seq: resume.seq },
      field: 'decidedOn',
      value: '2026-04-06',
      reason: '恢复审理决定书落款为4月6日，录入有误',
    }).set('If-Match', `"${version}"`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(award(r.body)).toBe(rightDue);
    expect(r.headers.etag).toBe(`"${version + 1}"`);
    expect(r.body.warnings?.[0]).toContain(rightDue);
    // The statistics in the same write: the award (made on the old last day) is now a day late.
    expect(await closedLate(wrong.c.id)).toMatchObject({ closedLate: true, awardDueOn: rightDue });
    // The history: the RESUME entry exactly as recorded, and the correction after it with before/after and the reason.
    const after = await history(wrong.c.id);
    expect(after.find((e) => e.seq === resume.seq)).toEqual(resume);
    const last = after.at(-1) as Entry & { label: string; actor: { role: string } };
    expect(last).toMatchObject({
      type: 'CORRECT_DATE',
      label: '更正日期',
      payload: {
        target: { seq: resume.seq, type: 'RESUME' },
        field: 'decidedOn',
        before: '2026-04-07',
        after: '2026-04-06',
        reason: '恢复审理决定书落款为4月6日，录入有误',
        awardDueOn: { before: wrongDue, after: rightDue },
      },
    });
    // The deadlines as GET answers them agree.
    const deadlines = (await t.api(a.tokens.chair).get(`/api/cases/${wrong.c.id}/deadlines`)).body as { kind: string; dueOn: string }[];
    expect(deadlines.find((d) => d.kind === 'award')?.dueOn).toBe(rightDue);
    // Corrected twice: the second reads the first correction's day as the one standing.
    const again = await correct(wrong.c.id, { target: { seq: resume.seq }, field: 'decidedOn', value: '2026-04-06', reason: '重复' });
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('date-correction-unchanged');
  });

  it('refuses a value that breaks the order of the record, a date no clock reads, a non-chair and a stale version', async () => {
    const { c } = await suspendedAndResumed('2026-04-07');
    const h = await history(c.id);
    const resume = h.find((e) => e.type === 'RESUME') as Entry;
    const suspend = h.find((e) => e.type === 'SUSPEND') as Entry;
    const held = h.find((e) => e.type === 'HOLD_HEARING') as Entry;
    const body = (seq: number, field: string, value: string) => ({ target: { seq }, field, value, reason: '录入有误' });
    const refused = async (b: Record<string, unknown>, rule: string) => {
      const r = await correct(c.id, b);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body.rule).toBe(rule);
      return r;
    };
    await refused(body(resume.seq, 'decidedOn', '2026-03-25'), 'date-correction-before-previous');
    // legal57b M2: an act's day is bounded by the day its entry was recorded (here today), not by its occurredOn; the
    // order of the record still holds (fixC57 tests the recorded day).
    await refused(body(suspend.seq, 'decidedOn', '2026-04-08'), 'date-correction-after-next');
    await refused(body(suspend.seq, 'decidedOn', '2026-03-03'), 'date-correction-before-acceptance');
    await refused(body(resume.seq, 'decidedOn', '2026-12-01'), 'date-correction-future');
    await refused(body(held.seq, 'occurredOn', '2026-03-24'), 'date-correction-target');
    await refused(body(resume.seq, 'occurredOn', '2026-04-06'), 'date-correction-field');
    const accept = h.find((e) => e.type === 'ACCEPT') as Entry;
    await refused(body(accept.seq, 'occurredOn', '2026-03-06'), 'date-correction-after-next');
    await refused({ target: 'receivedOn', field: 'receivedOn', value: '2026-03-05', reason: '录入有误' }, 'receipt-after-acceptance');
    // Not the chair: 403, whoever else (the clerk who entered it, the tribunal).
    for (const token of [a.tokens.clerk, a.arbitrators[0]?.token as string])
      expect((await correct(c.id, body(resume.seq, 'decidedOn', '2026-04-06'), token)).status).toBe(403);
    // A stale If-Match: 412, nothing written.
    const stale = await correct(c.id, body(resume.seq, 'decidedOn', '2026-04-06')).set('If-Match', '"1"');
    expect(stale.status).toBe(412);
    expect((await history(c.id)).length).toBe(h.length);
    // Not yet accepted: the registration is corrected as such (409).
    const fresh = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-03' }));
    const early = await correct(fresh.id, { target: 'receivedOn', field: 'receivedOn', value: '2026-03-02', reason: '录入有误' });
    expect(early.status).toBe(409);
  });

  it('a receipt corrected after acceptance, and the acceptance day itself (45-day limit)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-03-03' }));
    const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-05');
    expect(award(v)).toBe('2026-04-20');
    // PATCH is closed after acceptance (409) — the correction is the way.
    expect((await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { receivedOn: '2026-03-02' })).status).toBe(409);
    const r = await correct(c.id, { target: 'receivedOn', field: 'receivedOn', value: '2026-03-02', reason: '收件登记日期录入有误' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.receivedOn).toBe('2026-03-02');
    const h = await history(c.id);
    expect(h.at(-1)).toMatchObject({ type: 'CORRECT_DATE', payload: { target: 'receivedOn', before: '2026-03-03', after: '2026-03-02' } });
    const accept = h.find((e) => e.type === 'ACCEPT') as Entry;
    // Accepted 03-04 in truth: the 45th day is Saturday 04-18, carried to Monday 04-20 (unchanged), then 03-02 → 04-16.
    const moved = await correct(c.id, {
      target: { seq: accept.seq },
      field: 'occurredOn',
      value: '2026-03-02',
      reason: '受理日期录入有误',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.acceptedOn).toBe('2026-03-02');
    expect(award(moved.body)).toBe('2026-04-16');
    expect((await history(c.id)).find((e) => e.seq === accept.seq)).toEqual(accept);
    const stats = await t.db.knex('case_stat_rows').where({ case_id: c.id }).whereNull('recorded_to').first();
    expect(stats.accepted_on).toBe('2026-03-02');
    // Before the receipt, or into another year (the case number is the acceptance year's): refused.
    const r2 = await correct(c.id, { target: { seq: accept.seq }, field: 'occurredOn', value: '2026-03-01', reason: 'x' });
    expect(r2.body.rule).toBe('acceptance-before-receipt');
  });

  it("an extension's approval day corrected (LDMAL Art. 43(1))", async () => {
    const { c } = await caseAt(t, a, 'heard');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂', approvedOn: '2026-04-15' }, '2026-04-16');
    const ext = (await history(c.id)).find((e) => e.type === 'EXTEND_TIME_LIMIT') as Entry;
    const late = await correct(c.id, { target: { seq: ext.seq }, field: 'approvedOn', value: '2026-04-16', reason: 'x' });
    expect(late.status).toBe(200);
    const r = await correct(c.id, { target: { seq: ext.seq }, field: 'approvedOn', value: '2026-04-14', reason: '审批表落款为4月14日' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await history(c.id)).at(-1)).toMatchObject({ payload: { before: '2026-04-16', after: '2026-04-14' } });
  });

  it('reviewers s56 A M1, B M1: a resumption moved earlier that would leave the approved extension after the limit is refused', async () => {
    // Suspended 03-26, resumed 04-06: the limit is 04-29, so an extension approved 04-25 was in time.
    const { c, v } = await suspendedAndResumed('2026-04-06');
    expect(award(v)).toBe('2026-04-29');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂', approvedOn: '2026-04-25' }, '2026-04-25');
    const resume = (await history(c.id)).find((e) => e.type === 'RESUME') as Entry;
    // Resumed 03-27 instead: the limit (without the extension) ends before 04-25 — the extension would come too late.
    const r = await correct(c.id, { target: { seq: resume.seq }, field: 'decidedOn', value: '2026-03-27', reason: '核对决定书' });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'extension-after-limit', field: 'value' });
    expect((await history(c.id)).some((e) => e.type === 'CORRECT_DATE')).toBe(false);
  });
});
