import { describe, expect, it } from 'vitest';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixC57 (legal57b): the chair's date corrections (POST /api/cases/:id/date-corrections) and a calendar year loaded
 * again — the documents follow a correction (H1), an act's day may be corrected to a later day up to the day its entry
 * was recorded (M2), a closed case is recomputed by a reload (M3), and the correction's trace lists every deadline it
 * moved (L4).
 */
type Entry = { seq: number; type: string; occurredOn: string; payload: Record<string, unknown> };
type Moved = { kind: string; before: { dueOn: string | null } | null; after: { dueOn: string | null } | null; text: string };
const due = (v: CaseView, kind: string) => (v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === kind)?.dueOn;

describe(`fixC57 — corrections: documents, later days, the trace (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-11-25T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Entry[];
  const correct = (id: number, body: Record<string, unknown>) => t.api(a.tokens.chair).post(`/api/cases/${id}/date-corrections`).send(body);
  const seqOf = (h: Entry[], type: string, n = 1) => (h.filter((e) => e.type === type)[n - 1] as Entry).seq;

  /** The checker's case: received 09-29, accepted 10-09, suspended twice, extended by 15 days on 11-20. */
  async function checkersCase() {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-09-29' }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-09');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-10-12');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-10-20' }, '2026-10-20');
    await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-10-30' }, '2026-10-30');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-11-05' }, '2026-11-05');
    await ok(c, a.tokens.chair, 'RESUME', { decidedOn: '2026-11-10' }, '2026-11-10');
    const v = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-20' }, '2026-11-20');
    return { c, v };
  }

  it('H1: after a correction the extension 决定书 prints the extended limit as it now stands, as the deadlines do', async () => {
    const { c, v } = await checkersCase();
    expect(due(v, 'award')).toBe('2026-12-23');
    const decision = (draft = false) => generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'extension', draft });
    // A draft before the correction (an issued decision is reprinted as issued, Rules Art. 54).
    expect(await decision(true)).toContain('延长后的审理期限至二〇二六年十二月二十三日届满');
    const h = await history(c.id);
    const accepted = await correct(c.id, {
      target: { seq: seqOf(h, 'ACCEPT') },
      field: 'occurredOn',
      value: '2026-10-12',
      reason: '受理日期录入有误',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const resumed = await correct(c.id, {
      target: { seq: seqOf(h, 'RESUME', 2) },
      field: 'decidedOn',
      value: '2026-11-05',
      reason: '决定书落款有误',
    });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect(due(resumed.body, 'award')).toBe('2026-12-21');
    const text = await decision();
    expect(text).toContain('延长后的审理期限至二〇二六年十二月二十一日届满');
    expect(text).not.toContain('十二月二十三日');
    // The other documents a correction moves read the case as it now stands too: the acceptance notice is dated the
    // corrected acceptance, the resumption notice the corrected resumption.
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'acceptance_notice' });
    expect(notice).toContain('二〇二六年十月十二日');
    expect(notice).not.toContain('二〇二六年十月九日');
    const resume = await generatedText(t, a.tokens.chair, c.id, { kind: 'resume_notice' });
    expect(resume).toContain('二〇二六年十一月五日');
    expect(resume).not.toContain('十一月十日');
  });

  it('M2: an act back-filled with a mistyped day is corrected to a later day, up to the day its entry was recorded', async () => {
    // Recorded on 11-25 (today) with the suspension's day typed 11-05: the true day, 11-06, is later than the entry's own
    // occurredOn but not than the day it was recorded.
    const { c } = await checkersCase();
    const h = await history(c.id);
    const r = await correct(c.id, {
      target: { seq: seqOf(h, 'SUSPEND', 2) },
      field: 'decidedOn',
      value: '2026-11-06',
      reason: '决定书落款为11月6日',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // The extension's approval day to a later day too (still before the limit ran out, LDMAL Art. 43(1)).
    const x = await correct(c.id, {
      target: { seq: seqOf(h, 'EXTEND_TIME_LIMIT') },
      field: 'approvedOn',
      value: '2026-11-23',
      reason: '审批表落款',
    });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    // Every order rule still holds: a suspension not after its own resumption.
    const after = await correct(c.id, { target: { seq: seqOf(h, 'SUSPEND', 2) }, field: 'decidedOn', value: '2026-11-11', reason: 'x' });
    expect(after.body.rule).toBe('date-correction-after-next');

    // An entry recorded on an earlier day: its act's day is not after that day (China time), whatever today is.
    t.clock.set('2026-11-12T17:00:00Z'); // 11-13 01:00 in China
    try {
      const d = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
      await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
      await ok(d, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-11-04' }, '2026-11-04');
      t.clock.set('2026-11-25T02:00:00Z');
      const s = seqOf(await history(d.id), 'SUSPEND');
      const late = await correct(d.id, { target: { seq: s }, field: 'decidedOn', value: '2026-11-14', reason: 'x' });
      expect(late.status).toBe(422);
      expect(late.body.rule).toBe('date-correction-after-entry');
      expect(late.body.detail).toContain('2026-11-13');
      const fine = await correct(d.id, { target: { seq: s }, field: 'decidedOn', value: '2026-11-13', reason: '决定书落款为11月13日' });
      expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    } finally {
      t.clock.set('2026-11-25T02:00:00Z');
    }
  });

  it('L4: the CORRECT_DATE entry lists every deadline the correction moved, as RECOMPUTE_DEADLINES does', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-17' }));
    const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-20');
    const award = due(v, 'award');
    const r = await correct(c.id, { target: 'receivedOn', field: 'receivedOn', value: '2026-11-16', reason: '收件登记日期录入有误' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const last = (await history(c.id)).at(-1) as Entry;
    expect(last.type).toBe('CORRECT_DATE');
    // awardDueOn as it was (never renamed): the award limit runs from the acceptance, unmoved.
    expect(last.payload.awardDueOn).toEqual({ before: award, after: award });
    const moved = last.payload.deadlines as Moved[];
    const acceptance = moved.find((m) => m.kind === 'acceptance');
    expect(acceptance?.before?.dueOn).not.toBe(acceptance?.after?.dueOn);
    expect(acceptance?.text).toContain('→');
    expect(moved.some((m) => m.kind === 'award')).toBe(false);
  });
});

describe(`fixC57 — a calendar year loaded again recomputes a closed case (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2027-01-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);

  it("M3: a withdrawn case's met acceptance deadline moves with the corrected year, with its trace", async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-12-31' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2027-01-05');
    await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '申请人撤回仲裁申请' }, '2027-01-15');
    const admin = t.api(t.adminToken);
    const load = async (offDays: string[], workDays: string[], notice: string) => {
      const r = await admin.put('/api/calendar/years/2027', { notice, offDays, workDays });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      await recomputationsIdle(t.db);
    };
    const acceptance = async () =>
      ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.deadlines as { kind: string; dueOn: string; status: string }[]).find(
        (d) => d.kind === 'acceptance',
      );
    await load(offDaysWith(2027), [], '测试一');
    expect(await acceptance()).toMatchObject({ dueOn: '2027-01-08', status: 'met' });
    // Corrected: 01-04 a day off, Saturday 01-09 a make-up working day — five working days from 12-31 end on 01-09.
    await load(offDaysWith(2027, ['2027-01-04']), ['2027-01-09'], '测试二');
    expect(await acceptance()).toMatchObject({ dueOn: '2027-01-09', status: 'met' });
    const h = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as Entry[];
    const trace = h.filter((e) => e.type === 'RECOMPUTE_DEADLINES').at(-1);
    const moved = (trace?.payload.deadlines as Moved[] | undefined)?.find((m) => m.kind === 'acceptance');
    expect(moved).toMatchObject({ before: { dueOn: '2027-01-08' }, after: { dueOn: '2027-01-09' } });
  });
});
