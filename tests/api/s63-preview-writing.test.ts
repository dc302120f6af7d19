import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s63: the acts that write rows while they are decided — a party added (ADD_PARTY), claims changed (CHANGE_CLAIMS), a
 * counterclaim, an agent appointed — are previewed too (POST /api/cases/:id/event-preview): decided in a transaction
 * that is rolled back. Their refusals come before the person is asked to confirm (before s63 the preview answered 422
 * preview-not-available and the refusal came after the confirmation); what they would do is answered; nothing is kept.
 */
const DB = process.env.TEST_DB ?? 'sqlite';

describe(`s63 — previewing the acts that write rows as they are decided (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok, send } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };
  const read = async (id: number) => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as CaseView;
  const preview = (token: string, id: number, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${id}/event-preview`, body);
  // Everything the act would write: the rows it adds, its history entry, its audit row, its statistics row.
  const TABLES = ['parties', 'claims', 'agents', 'case_events', 'audit_log', 'case_stat_rows', 'case_deadlines', 'cases'];
  const rows = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (tb) => [tb, Number(((await t.db.knex(tb).count({ n: '*' })) as { n: number | string }[])[0]?.n)]),
      ),
    );
  // A deadline as a person reads it: a party's own deadline names the party's id, which the rolled-back preview and the
  // act itself may number differently (a PostgreSQL sequence is not rolled back).
  const dates = (ds: { kind: string; dueOn: string | null; status: string }[]) => ds.map((d) => `${d.kind} ${d.dueOn} ${d.status}`).sort();

  async function accepted(): Promise<CaseView> {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    return read(c.id);
  }

  it('ADD_PARTY: a refusal is answered as sending answers it; an allowed addition is answered with its deadlines; nothing is kept', async () => {
    const c = await accepted();
    const before = await read(c.id);
    const counted = await rows();
    const org = { kind: 'organization', name: '聊城某某劳务派遣有限公司' };

    // A ground of the other side (LDMAL Art. 23): 400 naming `ground`, in the preview as when sent.
    const wrong = { type: 'ADD_PARTY', occurredOn: '2026-11-05', side: 'third_party', ground: 'dispatch', party: org };
    const p1 = await preview(arb().token, c.id, wrong);
    expect(p1.status, JSON.stringify(p1.body)).toBe(400);
    expect(p1.headers['content-type']).toContain('application/problem+json');
    expect((p1.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['ground']);
    const s1 = await send(c, arb().token, 'ADD_PARTY', { side: 'third_party', ground: 'dispatch', party: org }, '2026-11-05');
    expect(s1.status).toBe(400);
    expect(s1.body.errors).toEqual(p1.body.errors);

    // Allowed: the preview answers the case as the addition would leave it — the award limit restarting on the day of
    // the decision to add (Rules Art. 46(1)), the added respondent's service due — and keeps nothing of it.
    const right = { type: 'ADD_PARTY', occurredOn: '2026-11-05', side: 'respondent', ground: 'dispatch', party: org };
    const p2 = await preview(arb().token, c.id, right);
    expect(p2.status, JSON.stringify(p2.body)).toBe(200);
    expect(p2.body.state).toBe(before.state);
    const award = (p2.body.deadlines as { kind: string; startsOn: string }[]).find((d) => d.kind === 'award');
    expect(award?.startsOn).toBe('2026-11-05');
    expect((p2.body.deadlines as { kind: string }[]).map((d) => d.kind)).toContain('serve_added_party');
    const still = await read(c.id);
    expect(still.version).toBe(before.version);
    expect(still.respondents).toEqual(before.respondents);
    expect(still.deadlines).toEqual(before.deadlines);
    expect(await rows()).toEqual(counted);

    // Sent, it does what the preview said.
    const sent = await send(c, arb().token, 'ADD_PARTY', { side: 'respondent', ground: 'dispatch', party: org }, '2026-11-05');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.state).toBe(p2.body.state);
    expect(dates(sent.body.deadlines)).toEqual(dates(p2.body.deadlines));
    expect((sent.body.respondents as { name: string }[]).map((p) => p.name)).toContain(org.name);
  });

  it('CHANGE_CLAIMS: previewed as sent — refused past the evidence period (Rules Art. 44), allowed within it — and nothing is kept', async () => {
    const c = await accepted();
    const claim = c.claims[0] as { id: number };
    await ok(c, a.tokens.clerk, 'SET_EVIDENCE_PERIOD', { until: '2026-11-20' }, '2026-11-02');
    const before = await read(c.id);
    const counted = await rows();

    const change = {
      change: [{ claimId: claim.id, amount: '12000.00' }],
      add: [{ category: 'labor_standards', description: '2025年加班费', amount: '3000.00' }],
    };
    const p = await preview(a.tokens.clerk, c.id, { type: 'CHANGE_CLAIMS', occurredOn: '2026-11-10', ...change });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.state).toBe(before.state);
    // A change of claims accepted restarts the award limit (Rules Art. 46(1)).
    const award = (p.body.deadlines as { kind: string; startsOn: string }[]).find((d) => d.kind === 'award');
    expect(award?.startsOn).toBe('2026-11-10');
    const still = await read(c.id);
    expect(still.version).toBe(before.version);
    expect(still.claims).toEqual(before.claims);
    expect(await rows()).toEqual(counted);

    // After the evidence period: the preview refuses with the rule sending refuses with.
    const late = { type: 'CHANGE_CLAIMS', occurredOn: '2026-11-23', change: [{ claimId: claim.id, amount: '1.00' }] };
    const lp = await preview(a.tokens.clerk, c.id, late);
    const ls = await send(c, a.tokens.clerk, 'CHANGE_CLAIMS', { change: late.change }, late.occurredOn);
    expect([lp.status, lp.body.rule]).toEqual([422, 'claims-change-after-evidence-period']);
    expect([ls.status, ls.body.rule]).toEqual([lp.status, lp.body.rule]);
    expect(await rows()).toEqual(counted);

    // Sent within the period, it does what the preview said.
    const sent = await send(c, a.tokens.clerk, 'CHANGE_CLAIMS', change, '2026-11-10');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(dates(sent.body.deadlines)).toEqual(dates(p.body.deadlines));
    expect((sent.body.claims as unknown[]).length).toBe(before.claims.length + 1);
  });

  it('a role that may not send the act may not preview it (403), and the case must exist (404)', async () => {
    const c = await accepted();
    const act = { side: 'respondent', ground: 'dispatch', party: { kind: 'organization', name: '聊城某某有限公司' } };
    const body = { type: 'ADD_PARTY', occurredOn: '2026-11-05', ...act };
    const byMediator = await preview(a.tokens.mediator, c.id, body);
    expect(byMediator.status).toBe(403);
    expect((await send(c, a.tokens.mediator, 'ADD_PARTY', act, '2026-11-05')).status).toBe(403);
    expect((await preview(arb().token, 999999, body)).status).toBe(404);
  });
});
