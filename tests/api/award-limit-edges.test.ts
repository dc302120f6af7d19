import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * The award limit at its edges, through the API on the official calendar (an outside tester's cases, stop 37): an
 * interval excluded from the day a rest day carried the limit to, an extension that would move nothing, a second
 * extension, and termination (Rules Art. 48) before the limit could have run out.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const { send, ok } = caseEvents(() => t);
const award = (v: CaseView) => (v.deadlines as { kind: string; dueOn: string; status: string }[]).find((d) => d.kind === 'award');
/** Accepted 03-04: the 45th day is Saturday 04-18, carried to Monday 04-20 (CPL Art. 85(3)). */
async function accepted(on = '2026-03-04', receivedOn = '2026-03-03') {
  const c = await registerCase(t, a, standardApplication({ receivedOn }));
  const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, on);
  return { c, v };
}

describe(`the award limit at its edges (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a suspension from the carried last day is excluded from that day: the limit ends the day the case resumes', async () => {
    const { c, v } = await accepted();
    expect(award(v)?.dueOn).toBe('2026-04-20');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-04-20');
    const resumed = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-30');
    expect(award(resumed)?.dueOn).toBe('2026-04-30');
  });

  it('an extension that leaves the carried last day where it was is refused; one that moves it is the only one', async () => {
    // Accepted 08-17: the 45th day is 10-01 (National Day), carried to Thursday 10-08.
    const { c, v } = await accepted('2026-08-17', '2026-08-14');
    expect(award(v)?.dueOn).toBe('2026-10-08');
    const none = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 5, reason: '案情复杂' }, '2026-10-08');
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ rule: 'extension-changes-nothing', field: 'days' });
    expect(none.body.detail).toContain('2026-10-08');
    const extended = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂' }, '2026-10-08');
    expect(award(extended)?.dueOn).toBe('2026-10-12');
    // Once (LDMAL Art. 43(1)): a second is refused with the rule, and not offered.
    const again = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 2, reason: '仍需鉴定' }, '2026-10-09');
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('extension-once');
    const offered = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(offered.map((e) => e.type)).not.toContain('EXTEND_TIME_LIMIT');
  });

  it('a duty still undone when the award closes the case ends with it: no overdue to-do that nobody can clear', async () => {
    // Accepted 03-04; the application copy never recorded as served (due 03-11); heard 03-25, award 03-26.
    const { c, arb } = await caseAt(t, a, 'heard');
    const awarded = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: c.claims.map((x) => ({ claimId: x.id, outcome: 'dismissed' })) },
      '2026-03-26',
    );
    const duty = (awarded.deadlines as { kind: string; status: string; explanation: string }[]).find((d) => d.kind === 'serve_respondent');
    // Its day (03-11) passed before the closure: missed, not mooted (stop 44, L4) — still not a to-do.
    expect(duty).toMatchObject({ status: 'missed' });
    expect(duty?.explanation).toContain('届满时尚未完成；案件已于2026-03-26结案');
    const due = (await t.api(a.tokens.clerk).get('/api/deadlines?within=14&pageSize=200&assignee=all')).body.items as { caseId: number }[];
    expect(due.filter((d) => d.caseId === c.id)).toEqual([]);
  });

  it('termination for a court suit over the delay only once the limit has run out (Rules Art. 48; SPC-1 Art. 12)', async () => {
    const { c } = await accepted();
    const early = await send(c, a.tokens.chair, 'TERMINATE', { reason: '人民法院已受理诉讼' }, '2026-04-20');
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('terminate-before-limit');
    expect(early.body.detail).toContain('2026-04-20');
    expect((await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body.state).toBe('accepted');
    const closed = await ok(c, a.tokens.chair, 'TERMINATE', { reason: '人民法院已受理诉讼' }, '2026-04-21');
    expect(closed.state).toBe('closed_terminated');
    // Another ground a local rule provides (domain.md §10.1) is not judged on the limit, and its decision cites no Art. 48.
    const other = await accepted();
    // fixD57 #4: such a decision states the basis the tribunal names (400 naming basis without it).
    const without = await send(other.c, a.tokens.chair, 'TERMINATE', { reason: '申请人死亡且没有继承人', ground: 'other' }, '2026-03-20');
    expect([without.status, without.body.errors?.[0]?.path]).toEqual([400, 'basis']);
    const ended = await ok(
      other.c,
      a.tokens.chair,
      'TERMINATE',
      { reason: '申请人死亡且没有继承人', ground: 'other', basis: '《中华人民共和国民事诉讼法》第一百五十四条第一款第一项' },
      '2026-03-20',
    );
    expect(ended.closure).toMatchObject({ mode: 'termination', ground: 'other' });
    const doc = await t.api(a.tokens.chair).post(`/api/cases/${other.c.id}/documents`, { kind: 'decision', matter: 'termination' });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    const text = flat(pdfRaw(await downloadDocument(t, a.tokens.chair, doc.body.documents[0].id)));
    expect(text).toContain(
      '因申请人死亡且没有继承人，依照《中华人民共和国民事诉讼法》第一百五十四条第一款第一项之规定，本委决定本案终止审理。',
    );
    expect(text).not.toContain('第四十八条');
  });
});
