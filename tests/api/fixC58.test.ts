import { describe, expect, it } from 'vitest';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixC58 (legal58b): the chair's date corrections (POST /api/cases/:id/date-corrections) read every neighbouring act's
 * day as it now stands (#1), bound every corrected act by the act recorded before it (#3), and an extension 决定书
 * issued before a correction (or before its year was loaded) moved the limit it prints is issued again as a new
 * version naming the one it replaces (#2).
 */
type Entry = { seq: number; type: string; occurredOn: string; payload: Record<string, unknown> };
type Doc = { id: number; kind: string };
const due = (v: CaseView, kind: string) => (v.deadlines as { kind: string; dueOn: string | null }[]).find((d) => d.kind === kind)?.dueOn;

describe(`fixC58 — corrections read the record as corrected (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-08T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Entry[];
  const correct = (id: number, body: Record<string, unknown>) => t.api(a.tokens.chair).post(`/api/cases/${id}/date-corrections`).send(body);
  const seqOf = (h: Entry[], type: string, n = 1) => (h.filter((e) => e.type === type)[n - 1] as Entry).seq;
  const arb = () => a.arbitrators[0] as { id: number; token: string };

  it('#1: a receipt correction is judged against the acceptance as corrected, not as first entered', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-30' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-12-02');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-12-03');
    const h = await history(c.id);
    const accept = await correct(c.id, {
      target: { seq: seqOf(h, 'ACCEPT') },
      field: 'occurredOn',
      value: '2026-12-03',
      reason: '受理日期录入有误',
    });
    expect(accept.status, JSON.stringify(accept.body)).toBe(200);
    // Received and accepted the same day: lawful (LDMAL Art. 29).
    const receipt = await correct(c.id, { target: 'receivedOn', field: 'receivedOn', value: '2026-12-03', reason: '收件登记日期录入有误' });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(200);
    expect(receipt.body.receivedOn).toBe('2026-12-03');

    // The reverse: the acceptance moved earlier, the receipt may not follow it to the day first entered.
    const d = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-30' }));
    await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-12-02');
    const hd = await history(d.id);
    const earlier = await correct(d.id, {
      target: { seq: seqOf(hd, 'ACCEPT') },
      field: 'occurredOn',
      value: '2026-12-01',
      reason: '受理日期录入有误',
    });
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
    const stale = await correct(d.id, { target: 'receivedOn', field: 'receivedOn', value: '2026-12-02', reason: 'x' });
    expect(stale.status).toBe(422);
    expect(stale.body.detail).toContain('2026-12-01');
  });

  it('#1: the act after (and before) a corrected act is read at its corrected day', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-20' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-23');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-25' }, '2026-11-25');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-11-30' }, '2026-11-30');
    const h = await history(c.id);
    // The suspension's day corrected earlier: the extension before it may not now be moved past it.
    const s = await correct(c.id, {
      target: { seq: seqOf(h, 'SUSPEND') },
      field: 'decidedOn',
      value: '2026-11-27',
      reason: '决定书落款有误',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const past = await correct(c.id, {
      target: { seq: seqOf(h, 'EXTEND_TIME_LIMIT') },
      field: 'approvedOn',
      value: '2026-11-28',
      reason: 'x',
    });
    expect(past.status).toBe(422);
    expect(past.body.rule).toBe('date-correction-after-next');
    expect(past.body.detail).toContain('2026-11-27');
    // The extension moved later: the suspension after it may not now be moved before it.
    const x = await correct(c.id, {
      target: { seq: seqOf(h, 'EXTEND_TIME_LIMIT') },
      field: 'approvedOn',
      value: '2026-11-26',
      reason: '审批表落款',
    });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    const before = await correct(c.id, { target: { seq: seqOf(h, 'SUSPEND') }, field: 'decidedOn', value: '2026-11-25', reason: 'x' });
    expect(before.status).toBe(422);
    expect(before.body.rule).toBe('date-correction-before-previous');
    expect(before.body.detail).toContain('2026-11-26');
  });

  it('#3: a suspension is not corrected to before the act recorded before it', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-18' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-20');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-11-23');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-12-01' }, '2026-12-01');
    const target = { seq: seqOf(await history(c.id), 'SUSPEND') };
    const r = await correct(c.id, { target, field: 'decidedOn', value: '2026-11-21', reason: 'x' });
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('date-correction-before-previous');
    expect(r.body.detail).toContain('FORM_TRIBUNAL');
    expect(r.body.detail).toContain('2026-11-23');
    // The tribunal's day itself is lawful.
    const fine = await correct(c.id, { target, field: 'decidedOn', value: '2026-11-23', reason: '决定书落款为11月23日' });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  });

  it('#3: a suspension entered late (its day before acts recorded before it) keeps its own floors', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-18' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-20');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-11-23');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal', decidedOn: '2026-11-21' }, '2026-11-23');
    const target = { seq: seqOf(await history(c.id), 'SUSPEND') };
    const r = await correct(c.id, { target, field: 'decidedOn', value: '2026-11-22', reason: '决定书落款为11月22日' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const early = await correct(c.id, { target, field: 'decidedOn', value: '2026-11-19', reason: 'x' });
    expect(early.body.rule).toBe('date-correction-before-acceptance');
  });
});

describe(`fixC58 — the extension 决定书 after its limit moved (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-08T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const history = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body as Entry[];
  const correct = (id: number, body: Record<string, unknown>) => t.api(a.tokens.chair).post(`/api/cases/${id}/date-corrections`).send(body);
  const generate = async (id: number) => {
    const r = await t.api(a.tokens.chair).post(`/api/cases/${id}/documents`, { kind: 'decision', matter: 'extension' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const doc = r.body.documents[0] as Doc & { caseNo: string };
    return { id: doc.id, caseNo: doc.caseNo, text: flat(pdfRaw(await downloadDocument(t, a.tokens.chair, doc.id))) };
  };
  const load2027 = async () => {
    const r = await t
      .api(t.adminToken)
      .put('/api/calendar/years/2027', { notice: '国办发明电〔2026〕测试号', offDays: offDaysWith(2027), workDays: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await recomputationsIdle(t.db);
  };
  const documents = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/documents`)).body as Doc[];

  async function extended() {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-17');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-07');
    const v = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-12-07' }, '2026-12-07');
    return { c, v };
  }

  it('#2: the year loaded, then the acceptance corrected: a new version prints the corrected limit and names the one it replaces', async () => {
    await load2027();
    const { c, v } = await extended();
    expect(due(v, 'award')).toBe('2027-01-18');
    const first = await generate(c.id);
    expect(first.text).toContain('延长后的审理期限至二〇二七年一月十八日届满');
    // Nothing moved: asked again, the issued one (Rules Art. 54: its text is fixed).
    expect((await generate(c.id)).id).toBe(first.id);

    const h = await history(c.id);
    const r = await correct(c.id, {
      target: { seq: (h.find((e) => e.type === 'ACCEPT') as Entry).seq },
      field: 'occurredOn',
      value: '2026-11-16',
      reason: '受理日期录入有误',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(due(r.body, 'award')).toBe('2027-01-15');
    const second = await generate(c.id);
    expect(second.id).not.toBe(first.id);
    expect(second.text).toContain('延长后的审理期限至二〇二七年一月十五日届满');
    expect(second.text).not.toContain('一月十八日届满');
    // It names the decision it replaces, by its number and the day it was issued.
    expect(second.text).toContain(`取代本委于二〇二六年十二月八日出具的${first.caseNo}决定书`);
    // Asked again: the new version, not a third; the first stays in the case's documents and in the history.
    expect((await generate(c.id)).id).toBe(second.id);
    const ids = (await documents(c.id)).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    const version = (await history(c.id)).find((e) => e.type === 'GENERATE_DOCUMENT' && e.payload.replaces);
    expect(version?.payload.replaces).toEqual({ documents: [first.id], issuedOn: '2026-12-08' });
  });

  it('reviewer s58 B H1: a party added after it was issued moves no fact it decided — reprinted as issued, by a clerk too', async () => {
    await load2027();
    const { c } = await extended();
    const first = await generate(c.id);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'organization', name: '追加公司乙' } },
      '2026-12-08',
    );
    const again = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'extension' });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.documents[0].id).toBe(first.id);
    expect(((await history(c.id)).filter((e) => e.type === 'GENERATE_DOCUMENT' && e.payload.replaces) ?? []).length).toBe(0);
  });

  it('reviewer s58 B M1: the approval day corrected — the 决定书 issued on the old day is replaced, not issued again beside it', async () => {
    await load2027();
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-17');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-01');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-12-07' }, '2026-12-07');
    const first = await generate(c.id);
    const h = await history(c.id);
    const r = await correct(c.id, {
      target: { seq: (h.find((e) => e.type === 'EXTEND_TIME_LIMIT') as Entry).seq },
      field: 'approvedOn',
      value: '2026-12-04',
      reason: '批准日期录入有误',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const second = await generate(c.id);
    expect(second.id).not.toBe(first.id);
    expect(second.text).toContain(`取代本委于二〇二六年十二月八日出具的${first.caseNo}决定书`);
    expect((await generate(c.id)).id).toBe(second.id);
  });
});

describe(`fixC58 — the extension 决定书 issued before its year was loaded (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-08T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const generate = async (id: number) => {
    const r = await t.api(a.tokens.chair).post(`/api/cases/${id}/documents`, { kind: 'decision', matter: 'extension' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const doc = r.body.documents[0] as Doc;
    return { id: doc.id, text: flat(pdfRaw(await downloadDocument(t, a.tokens.chair, doc.id))) };
  };

  it('#2: while the limit is provisional the 决定书 is refused (fixD59 #2), issued with its last day once the year is loaded', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-17');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-07');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-12-07' }, '2026-12-07');
    const refused = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'extension' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.rule).toBe('calendar-data-missing');
    const r = await t
      .api(t.adminToken)
      .put('/api/calendar/years/2027', { notice: '国办发明电〔2026〕测试号', offDays: offDaysWith(2027), workDays: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    await recomputationsIdle(t.db);
    const second = await generate(c.id);
    expect(second.text).toContain('延长后的审理期限至二〇二七年一月十八日届满');
    expect(second.text).not.toContain('取代本委于');
    expect((await generate(c.id)).id).toBe(second.id);
  });
});
