import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, claimIds, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside checks legal53a / legal53b, fixed in round 53 (fixP53): an award served whose document Zhongcai never made
 * (AWARD_SERVICE_WITHOUT_DOCUMENT), the award preview refusing what ISSUE_AWARD refuses, the order of the chair's
 * major-collective marking checks, and the alerts list agreeing with the deadlines at once.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
const NOW = '2026-10-10T02:00:00Z';
const WORDS = '尚未在本系统生成';

/** Two workers against one employer, claims 6000 (applicant 1) and 7000 (applicant 2), heard 09-20 (legal53b M1). */
const twoWorkers = () =>
  standardApplication({
    applicants: [worker('张三', 301), worker('李四', 302)],
    claims: [
      { category: 'wages', amount: '6000.00', description: '2025年10月至12月工资', applicant: 1 },
      { category: 'wages', amount: '7000.00', description: '2025年10月至12月工资', applicant: 2 },
    ],
  });
const WALK = { acceptOn: '2026-09-01', formOn: '2026-09-02', scheduleOn: '2026-09-03', hearingOn: '2026-09-20' };
const grantAll = (c: CaseView) => claimIds(c).map((claimId, i) => ({ claimId, outcome: 'granted', amount: i ? '7000.00' : '6000.00' }));

function awardService(mode: 'warn' | 'refuse') {
  const { t, a } = apiSuite({ now: NOW, env: mode === 'refuse' ? { AWARD_SERVICE_WITHOUT_DOCUMENT: 'refuse' } : {} });
  const { ok, send } = caseEvents(() => t);
  const serve = (c: CaseView, partyId: number, extra: Record<string, unknown> = {}, on = '2026-09-28') =>
    send(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct', servedOn: on, ...extra }, on);
  const version = async (c: CaseView) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
  return { t, a, ok, send, serve, version };
}

describe(`fixP53 legal53b M1: an award served before Zhongcai made its document — warn (default) (${DB})`, () => {
  const { t, a, ok, serve } = awardService('warn');

  it('the 裁决书 not yet made: 200 with a warning naming it; once generated, no warning', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { ...WALK, body: twoWorkers() });
    await ok(c, arb.token, 'ISSUE_AWARD', { items: grantAll(c) }, '2026-09-25');
    // No 经审理查明 written: no document can be made.
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(422);
    const first = await serve(c, c.applicants[0]?.id as number);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.warnings.join('\n')).toContain(`裁决书（2026-09-25）${WORDS}`);
    expect(first.body.warnings.join('\n')).toContain('第四十八条至第五十条');
    const made = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'award', facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const second = await serve(c, c.applicants[1]?.id as number);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect((second.body.warnings ?? []).join('\n')).not.toContain(WORDS);
  });

  it('a partial award (部分裁决书, LDMAL Art. 43(2)) served before its document: the warning names it', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { ...WALK, body: twoWorkers() });
    const [first] = grantAll(c);
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [first] }, '2026-09-25');
    const r = await serve(c, c.respondents[0]?.id as number, { partialAward: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.join('\n')).toContain(`第1件部分裁决书（2026-09-25）${WORDS}`);
  });
});

describe(`fixP53 legal53b M1: AWARD_SERVICE_WITHOUT_DOCUMENT=refuse (${DB})`, () => {
  const { t, a, ok, serve, version } = awardService('refuse');

  it('409 award-document-not-issued at `document`, nothing recorded, no window runs; served once generated', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { ...WALK, body: twoWorkers() });
    const awarded = await ok(c, arb.token, 'ISSUE_AWARD', { items: grantAll(c) }, '2026-09-25');
    const r = await serve(c, c.applicants[0]?.id as number);
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([409, 'award-document-not-issued', 'document']);
    expect(r.body.detail).toContain('裁决书（2026-09-25）');
    const after = await version(c);
    expect([after.version, after.state]).toEqual([awarded.version, awarded.state]);
    // A draft is not the document served.
    const draft = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'award', draft: true, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await serve(c, c.applicants[0]?.id as number)).status).toBe(409);
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const served = await serve(c, c.applicants[0]?.id as number);
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect((served.body.warnings ?? []).join('\n')).not.toContain(WORDS);
  });

  it('a split (mixed) award: its one generation makes both parts; a partial award needs its own 部分裁决书', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { ...WALK, body: largeApplication() });
    const [wages, comp] = claimIds(c);
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'granted', amount: '24120.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-09-22',
    );
    const partial = await serve(c, c.applicants[0]?.id as number, { partialAward: 1 }, '2026-09-23');
    expect([partial.status, partial.body.rule], JSON.stringify(partial.body)).toEqual([409, 'award-document-not-issued']);
    expect(partial.body.detail).toContain('第1件部分裁决书（2026-09-22）');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'partial_award' })).status).toBe(201);
    expect((await serve(c, c.applicants[0]?.id as number, { partialAward: 1 }, '2026-09-23')).status).toBe(200);

    // The final award: the partial award's document does not stand for it.
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: comp, outcome: 'granted', amount: '50000.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-09-25',
    );
    expect((await serve(c, c.respondents[0]?.id as number)).status).toBe(409);
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    expect((await serve(c, c.respondents[0]?.id as number)).status).toBe(200);
  });

  it('a mixed award split in two documents (第N-1号 / 第N-2号): one generation serves either part', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { ...WALK, body: largeApplication({ applicants: [worker('王五', 303)] }) });
    // 12 × the monthly minimum wage (2010.00) is 24120.00 (LDMAL Art. 47): the first item final, the second not.
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: claimIds(c)[i], outcome: 'granted', amount }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-09-25');
    expect(v.award).toMatchObject({ finality: 'mixed' });
    expect((await serve(c, c.applicants[0]?.id as number)).status).toBe(409);
    const made = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect([made.status, made.body.documents?.length]).toEqual([201, 2]);
    for (const p of [...c.applicants, ...c.respondents]) expect((await serve(c, p.id)).status).toBe(200);
    expect((await version(c)).state).toBe('award_served');
  });
});

describe(`fixP53 legal53a L1: the award preview refuses what ISSUE_AWARD refuses, alike (${DB})`, () => {
  const { t, a } = apiSuite({ now: NOW });
  const { ok, send } = caseEvents(() => t);

  it('部分支持 as large as the claim, 支持 with 0, a claim withdrawn: same status and field as ISSUE_AWARD', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', WALK);
    const [wages, comp] = claimIds(c);
    const both = (items: Record<string, unknown>[]) => [
      { claimId: comp, outcome: 'dismissed' },
      ...items.map((it) => ({ claimId: wages, ...it })),
    ];
    const compare = async (items: Record<string, unknown>[]) => {
      const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { items: both(items) });
      const award = await send(c, arb.token, 'ISSUE_AWARD', { items: both(items), facts: FACTS, reasoning: REASONING }, '2026-09-25');
      const shape = (r: typeof preview) => [r.status, r.body.rule ?? null, r.body.field ?? null, r.body.errors ?? null];
      expect(shape(preview), JSON.stringify(preview.body)).toEqual(shape(award));
      return preview;
    };
    const partly = await compare([{ outcome: 'partly', amount: '12000.00' }]);
    expect(partly.status).toBe(400);
    expect(partly.body.errors).toEqual([{ path: 'items.1.amount', message: expect.stringContaining('部分支持的金额应少于请求金额') }]);
    const zero = await compare([{ outcome: 'granted', amount: '0' }]);
    expect([zero.status, zero.body.errors?.[0]?.path]).toEqual([400, 'items.1.amount']);
    const beyond = await compare([{ outcome: 'granted', amount: '12000.01' }]);
    expect(beyond.status).toBe(400);
    const unknown = await compare([{ outcome: 'granted', amount: '100.00', claimId: 999999 }]);
    expect([unknown.status, unknown.body.errors?.[0]?.path]).toEqual([400, 'items.1.claimId']);
    // recheck53 (lead): a dismissed item with an amount (400), a money claim granted without its sum (422
    // award-amount-required, LDMAL Art. 46) — alike too.
    const dismissedPriced = await compare([{ outcome: 'dismissed', amount: '1.00' }]);
    expect([dismissedPriced.status, dismissedPriced.body.errors?.[0]?.path]).toEqual([400, 'items.1.amount']);
    const unpriced = await compare([{ outcome: 'granted' }]);
    expect([unpriced.status, unpriced.body.rule, unpriced.body.field]).toEqual([422, 'award-amount-required', 'items.1.amount']);
    // Still a good form answers 200.
    expect(
      (await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { items: both([{ outcome: 'partly', amount: '11999.99' }]) }))
        .status,
    ).toBe(200);

    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [comp] }, '2026-09-21');
    const gone = await compare([{ outcome: 'granted', amount: '12000.00' }]);
    expect([gone.status, gone.body.rule, gone.body.field]).toEqual([422, 'claim-withdrawn', 'items.0.claimId']);
  });
});

describe(`fixP53 legal53b L3 and L2 (${DB})`, () => {
  const { t, a } = apiSuite({ now: NOW });
  const { ok } = caseEvents(() => t);

  it('L3: marking a closed case that is not collective major: 400 naming majorCollective before the 409', async () => {
    const c = (await registerCase(t, a, standardApplication({ receivedOn: '2026-09-01' }))) as CaseView;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-09-02');
    const closed = await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-09-10');
    expect(closed.closure).toBeTruthy();
    const r = await t.api(a.tokens.chair).patch(`/api/cases/${c.id}`, { majorCollective: true });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'majorCollective', message: expect.stringContaining('只有集体劳动人事争议') }]);
    // Unmarking a closed case is the state's to refuse.
    expect((await t.api(a.tokens.chair).patch(`/api/cases/${c.id}`, { majorCollective: false })).status).toBe(409);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version).toBe(closed.version);
  });

  it('L2: an award limit overdue when a late act is entered shows in GET /api/alerts at once, as in /api/deadlines', async () => {
    const c = (await registerCase(t, a, standardApplication({ receivedOn: '2025-12-29' }))) as CaseView;
    await ok(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['身份证复印件'] }, '2025-12-30');
    await ok(c, a.tokens.clerk, 'SUPPLEMENT_RECEIVED', {}, '2026-01-05');
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-01-08');
    const deadlines = (await t.api(a.tokens.clerk).get('/api/deadlines?within=30&kind=award&pageSize=200&assignee=all')).body.items as {
      caseId: number;
      status: string;
      dueOn: string;
    }[];
    const due = deadlines.find((d) => d.caseId === c.id);
    expect(due?.status).toBe('overdue');
    const overdueList = (await t.api(a.tokens.clerk).get('/api/cases?overdue=true&pageSize=200')).body.items as { id: number }[];
    expect(overdueList.map((x) => x.id)).toContain(c.id);
    const alerts = (await t.api(a.tokens.chair).get('/api/alerts').query({ pageSize: 200 })).body;
    const mine = alerts.items.filter((x: { caseId: number }) => x.caseId === c.id);
    expect(mine).toEqual([expect.objectContaining({ threshold: 'overdue', status: 'overdue', dueOn: due?.dueOn })]);
    expect(alerts.overdue).toBeGreaterThanOrEqual(1);
  });
});
