import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type Actors, type CaseShape, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Issue 17, part 2 over HTTP (both databases): each claim as one line — claimed, awarded (final or not), challenged in
 * court and changed by the judgment — through GET /api/cases/:id/claims/:claimId/history, and the court's per-claim
 * result recorded with RECORD_COURT_OUTCOME `items`.
 */
let t: TestApp;
let a: Actors;
let c: CaseShape;
let arb: { id: number; token: string };
let wages: number;
let comp: number;
let added: number;

async function ev(token: string, type: string, occurredOn: string, extra: Record<string, unknown> = {}) {
  const r = await t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...extra });
  expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}
const history = async (claimId: number, token = a.tokens.chair) => t.api(token).get(`/api/cases/${c.id}/claims/${claimId}/history`);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-05-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
  a = await createActors(t);
  arb = a.arbitrators[0] as { id: number; token: string };
  c = await registerCase(
    t,
    a,
    standardApplication({
      claims: [
        { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        { category: 'economic_compensation', amount: '40000.00', description: '解除劳动合同经济补偿' },
      ],
    }),
  );
  [wages, comp] = c.claims.map((x) => x.id) as [number, number];
  await ev(a.tokens.clerk, 'ACCEPT', '2026-03-04');
  // Rules Art. 44: the applicant raises the compensation claim and adds one for double wages.
  const changed = await ev(a.tokens.clerk, 'CHANGE_CLAIMS', '2026-03-04', {
    change: [{ claimId: comp, amount: '45000.00' }],
    add: [{ category: 'damages', amount: '8000.00', description: '未订立书面劳动合同二倍工资差额' }],
  });
  added = (changed.claims as { id: number }[])[2]?.id as number;
  await ev(a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb.id], presidingId: arb.id });
  await ev(arb.token, 'SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' });
  await ev(arb.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true });
  // Shandong tier 2: 12 × 2,010.00 = 24,120.00 — wages 12,000.00 and double wages 8,000.00 final; compensation
  // 30,000.00 non-final (a mixed award).
  await ev(arb.token, 'ISSUE_AWARD', '2026-04-01', {
    items: [
      { claimId: wages, outcome: 'granted', amount: '12000.00' },
      { claimId: comp, outcome: 'partly', amount: '30000.00' },
      { claimId: added, outcome: 'granted', amount: '8000.00' },
    ],
  });
  await ev(a.tokens.clerk, 'SERVE', '2026-04-03', { document: 'award', partyId: c.applicants[0]?.id, method: 'direct' });
  await ev(a.tokens.clerk, 'SERVE', '2026-04-03', { document: 'award', partyId: c.respondents[0]?.id, method: 'direct' });
});
afterAll(async () => t?.close());

describe(`claim line (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('after the award: claimed → awarded, final or not; a final item stands, a non-final one waits for the suing period', async () => {
    const w = (await history(wages)).body;
    expect(w).toMatchObject({
      claimId: wages,
      claimed: '12000.00',
      award: { outcome: 'granted', amount: '12000.00', final: true },
      challenged: false,
      upheld: '12000.00',
      settled: true,
    });
    expect(w.line.map((e: { stage: string }) => e.stage)).toEqual(['claimed', 'award']);
    const k = (await history(comp)).body;
    expect(k).toMatchObject({
      claimed: '40000.00',
      current: '45000.00',
      award: { outcome: 'partly', amount: '30000.00', final: false },
      upheld: null,
      settled: false,
    });
    expect(k.line.map((e: { stage: string; amount?: string }) => [e.stage, e.amount])).toEqual([
      ['claimed', '40000.00'],
      ['changed', '45000.00'],
      ['award', '30000.00'],
    ]);
    // The claim added by the change starts there.
    const d = (await history(added)).body;
    expect(d.line.map((e: { stage: string }) => e.stage)).toEqual(['added', 'award']);
    expect(d).toMatchObject({ claimed: '8000.00', award: { amount: '8000.00', final: true }, upheld: '8000.00' });
    expect(k.status).toContain('起诉期间');
  });

  it('the court’s result per item is checked: decided claims only, an amount only when changed, only with a judgment', async () => {
    await ev(a.tokens.clerk, 'RECORD_LAWSUIT', '2026-04-10', {
      partyId: c.respondents[0]?.id,
      court: '聊城市东昌府区人民法院',
      filedOn: '2026-04-10',
    });
    const post = (body: Record<string, unknown>) =>
      t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'RECORD_COURT_OUTCOME', occurredOn: '2026-05-15', ...body });
    const noAmount = await post({ outcome: 'judgment', items: [{ claimId: comp, result: 'changed' }] });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors.map((e: { path: string }) => e.path)).toContain('items.0.amount');
    const notJudgment = await post({ outcome: 'withdrawal_permitted', items: [{ claimId: comp, result: 'upheld' }] });
    expect(notJudgment.status).toBe(400);
    expect(notJudgment.body.errors.map((e: { path: string }) => e.path)).toContain('items');
    const unknown = await post({ outcome: 'judgment', items: [{ claimId: 999999, result: 'upheld' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.0.claimId']);
  });

  it('sued by the employer and changed by the court: the non-final item reaches court; the final one is untouched', async () => {
    // The court's judgment is entered five days after the suit (the statistics can be reproduced as of before it).
    t.clock.set('2026-05-25T02:00:00Z');
    const pending = (await history(comp)).body;
    expect(pending).toMatchObject({ challenged: true, court: null, upheld: null, settled: false });
    expect(pending.status).toContain('审理中');
    await ev(a.tokens.clerk, 'RECORD_COURT_OUTCOME', '2026-05-15', {
      outcome: 'judgment',
      court: '聊城市东昌府区人民法院',
      items: [{ claimId: comp, result: 'changed', amount: '25000.00' }],
    });
    const k = (await history(comp)).body;
    expect(k).toMatchObject({
      claimed: '40000.00',
      current: '45000.00',
      award: { amount: '30000.00', final: false },
      challenged: true,
      court: { result: 'changed', amount: '25000.00', on: '2026-05-15', via: 'suit' },
      upheld: '25000.00',
      settled: true,
    });
    expect(k.line.map((e: { stage: string; amount?: string | null }) => [e.stage, e.amount ?? null])).toEqual([
      ['claimed', '40000.00'],
      ['changed', '45000.00'],
      ['award', '30000.00'],
      ['challenged', null],
      ['court', '25000.00'],
    ]);
    expect(k.line[4].text).toContain('改判为25000.00元');
    // The employer cannot sue a final award (LDMAL Art. 49): the wages item is not part of the suit.
    const w = (await history(wages)).body;
    expect(w).toMatchObject({ challenged: false, court: null, upheld: '12000.00' });
    expect(w.line.map((e: { stage: string }) => e.stage)).toEqual(['claimed', 'award']);
    // The case record keeps the per-item result for the statistics.
    const cs = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).body;
    expect(cs.state).toBe('court_decided');
  });

  it('statistics: claimed vs awarded vs finally upheld, and the awards courts changed, per category (hand-counted)', async () => {
    const q = 'from=2026-04-01&to=2026-04-30';
    const r = await t.api(a.tokens.analyst).get(`/api/stats/claims?${q}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Claimed (as now) 12,000 + 45,000 + 8,000; awarded 12,000 + 30,000 + 8,000; upheld 12,000 and 8,000 (final,
    // unchallenged) + 25,000 (changed by the court).
    expect(r.body).toMatchObject({
      items: 3,
      claimed: '65000.00',
      awarded: '50000.00',
      settled: 3,
      settledAwarded: '50000.00',
      upheld: '45000.00',
      challenged: 1,
      courtDecided: 1,
      courtChanged: 1,
      changedShare: { numerator: 1, denominator: 1, value: 1 },
      changedOfAwarded: { numerator: 1, denominator: 3 },
    });
    expect(
      r.body.categories.map((x: { key: string; items: number; courtChanged: number; upheld: string }) => [
        x.key,
        x.items,
        x.courtChanged,
        x.upheld,
      ]),
    ).toEqual([
      ['damages', 1, 0, '8000.00'],
      ['economic_compensation', 1, 1, '25000.00'],
      ['wages', 1, 0, '12000.00'],
    ]);
    const changed = await t.api(a.tokens.analyst).get(`/api/stats/claims/cases?${q}&measure=courtChanged`);
    expect(changed.body.items).toEqual([
      expect.objectContaining({ caseId: c.id, claimId: comp, awarded: '30000.00', court: 'changed', upheld: '25000.00' }),
    ]);
    // As recorded before the judgment was entered: challenged, not yet decided, nothing upheld on that item.
    const before = await t.api(a.tokens.analyst).get(`/api/stats/claims?${q}&asOf=2026-05-24`);
    expect(before.body).toMatchObject({ items: 3, challenged: 1, courtDecided: 0, courtChanged: 0, settled: 2, upheld: '20000.00' });
    // Awards outside the period are not counted; a clerk is not an analyst.
    expect((await t.api(a.tokens.analyst).get('/api/stats/claims?from=2026-05-01&to=2026-05-31')).body.items).toBe(0);
    expect((await t.api(a.tokens.clerk).get(`/api/stats/claims?${q}`)).status).toBe(403);
  });

  it('reads like the case: 404 for a claim of another case, 403 for an analyst', async () => {
    expect((await history(999999)).status).toBe(404);
    expect((await t.api(a.tokens.chair).get(`/api/cases/999999/claims/${wages}/history`)).status).toBe(404);
    expect((await history(wages, a.tokens.analyst)).status).toBe(403);
    expect((await history(wages, a.tokens.clerk)).status).toBe(200);
  });
});
