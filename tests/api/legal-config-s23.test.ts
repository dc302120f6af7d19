import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseEvents } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { type Actors, type CaseShape, createActors, largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Session 23 (legal configuration) over HTTP: readings domain.md marks uncertain, each a setting with the documented
 * default — the default app, and one configured the other way. "Today" is 2026-11-20. Pure side:
 * tests/unit/legal-config-s23.test.ts.
 */
type Body = Record<string, unknown>;
type Deadline = { kind: string; dueOn: string | null; status: string; explanation: string; partyId?: number; startsOn: string | null };
type View = CaseShape & Body & { deadlines: Deadline[]; state: string; proceedings: Body };
const deadline = (v: { deadlines: Deadline[] }, kind: string, partyId?: number) =>
  v.deadlines.find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId)) as Deadline;

const NOW = '2026-11-20T02:00:00Z';
let t: TestApp;
let a: Actors;
let tc: TestApp;
let ac: Actors;
let tf: TestApp;
let af: Actors;
beforeAll(async () => {
  tf = await startTestApp({ now: NOW, env: { FINAL_AWARD_DISMISSED_ITEMS: 'non_final', FINAL_AWARD_WAGE_DATE: 'received' } });
  af = await createActors(tf);
  t = await startTestApp({ now: NOW });
  a = await createActors(t);
  tc = await startTestApp({ now: NOW, env: { PERIODS_OVERRIDE: JSON.stringify({ award_simple: { days: 30 } }) } });
  ac = await createActors(tc);
});
afterAll(async () => {
  await t?.close();
  await tc?.close();
  await tf?.close();
});

const db = process.env.TEST_DB ?? 'sqlite';

/** The running text of a new acceptance notice of the case. */
const acceptanceNotice = (app: TestApp, actors: Actors, caseId: number) =>
  generatedText(app, actors.tokens.clerk, caseId, { kind: 'acceptance_notice' });

describe(`1 — the simple procedure's award period (domain.md §8.1; ${db})`, () => {
  const { ok, send } = caseEvents<View>(() => t);
  const conf = caseEvents<View>(() => tc);

  it('default: a simple case accepted 2026-06-01 has the statutory 45 days (07-16)', async () => {
    const c = await registerCase(t, a, standardApplication({ procedure: 'simple', receivedOn: '2026-05-29' }));
    const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    expect(deadline(v, 'award')).toMatchObject({ dueOn: '2026-07-16', startsOn: '2026-06-01' });
  });

  it('PERIODS_OVERRIDE {"award_simple":{"days":30}}: simple cases 07-01, ordinary cases keep 07-16', async () => {
    const s = await registerCase(tc, ac, standardApplication({ procedure: 'simple', receivedOn: '2026-05-29' }));
    const sv = await conf.ok(s, ac.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    expect(deadline(sv, 'award')).toMatchObject({ dueOn: '2026-07-01' });
    expect(deadline(sv, 'award').explanation).toContain('30日');
    const o = await registerCase(tc, ac, standardApplication({ receivedOn: '2026-05-29' }));
    const ov = await conf.ok(o, ac.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    expect(deadline(ov, 'award')).toMatchObject({ dueOn: '2026-07-16' });
    // The acceptance notice states the limit this case has: 三十日 for the simple case, 四十五日 for the ordinary one.
    expect(await acceptanceNotice(tc, ac, s.id)).toContain('本案审理期限为自受理之日起三十日');
    expect(await acceptanceNotice(tc, ac, o.id)).toContain('本案审理期限为自受理之日起四十五日');
    expect(await acceptanceNotice(tc, ac, o.id)).toContain('延长期限不得超过十五日');
  });

  it('configured 30 days: no extension or conversion after 07-01; conversion before it gives the ordinary 45 days from acceptance', async () => {
    const late = await registerCase(tc, ac, standardApplication({ procedure: 'simple', receivedOn: '2026-05-29' }));
    await conf.ok(late, ac.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    const ext = await conf.send(late, ac.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂' }, '2026-07-02');
    expect(ext.status).toBe(422);
    expect(ext.body).toMatchObject({ rule: 'extension-before-deadline' });
    const conv = await conf.send(late, ac.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂' }, '2026-07-02');
    expect(conv.status).toBe(422);
    expect(conv.body).toMatchObject({ rule: 'convert-before-deadline' });

    const c = await registerCase(tc, ac, standardApplication({ procedure: 'simple', receivedOn: '2026-05-29' }));
    await conf.ok(c, ac.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    const v = await conf.ok(c, ac.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂' }, '2026-06-20');
    expect(deadline(v, 'award')).toMatchObject({ dueOn: '2026-07-16', startsOn: '2026-06-01' });
    // In the default app the same conversion on 07-02 is in time (the 45 days run to 07-16).
    const d = await registerCase(t, a, standardApplication({ procedure: 'simple', receivedOn: '2026-05-29' }));
    await ok(d, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    expect((await send(d, a.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂' }, '2026-07-02')).status).toBe(200);
  });
});

describe(`2 — final-award readings over HTTP, by default and configured the other way (domain.md §9.3; ${db})`, () => {
  /** An award on 04-10 of a 12,000.00 wage claim granted and a compensation claim dismissed, the wage raised on 04-01. */
  const award = async (app: TestApp, actors: Actors) => {
    const { ok } = caseEvents<View>(() => app);
    const wages = await app.api(app.adminToken).put('/api/reference/minimum-wages', [
      { district: '东昌府区', monthly: '2010.00', effectiveFrom: '2023-10-01' },
      { district: '东昌府区', monthly: '2200.00', effectiveFrom: '2026-04-01' },
    ]);
    expect(wages.status).toBe(200);
    const c = await registerCase(app, actors, standardApplication());
    const arb = actors.arbitrators[0] as { id: number; token: string };
    await ok(c, actors.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, actors.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const items = [
      { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00', paymentDays: 10 },
      { claimId: c.claims[1]?.id, outcome: 'dismissed' },
    ];
    const preview = await app.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      items: items.map(({ paymentDays: _p, ...it }) => it),
      occurredOn: '2026-04-10',
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    return {
      preview: preview.body as { finality: string; minimumWage: { monthly: string } },
      award: v.award as { finality: string; minimumWage: { monthly: string; effectiveFrom: string }; items: { final: boolean }[] },
    };
  };
  it('default: a dismissed compensation item is final; the minimum wage is the one in force on the award day', async () => {
    const { award: aw, preview } = await award(t, a);
    expect(aw.finality).toBe('final');
    expect(aw.items.map((i) => i.final)).toEqual([true, true]);
    expect(aw.minimumWage).toMatchObject({ monthly: '2200.00', effectiveFrom: '2026-04-01' });
    expect(preview).toMatchObject({ finality: 'final', minimumWage: { monthly: '2200.00' } });
  });
  it("FINAL_AWARD_DISMISSED_ITEMS=non_final, FINAL_AWARD_WAGE_DATE=received: the dismissed item is non-final (mixed); the wage is the receipt day's", async () => {
    const { award: aw, preview } = await award(tf, af);
    expect(aw.finality).toBe('mixed');
    expect(aw.items.map((i) => i.final)).toEqual([true, false]);
    expect(aw.minimumWage).toMatchObject({ monthly: '2010.00', effectiveFrom: '2023-10-01' });
    expect(preview).toMatchObject({ finality: 'mixed', minimumWage: { monthly: '2010.00' } });
  });
});

describe(`3 — deemed service after leaving (留置送达, Rules Art. 20 [R]; ${db})`, () => {
  const { ok } = caseEvents<View>(() => t);

  it('left 06-02: deemed served 06-05; defense 10 working days past Dragon Boat → 06-22; the act itself on 06-02', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-05-29' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    const rid = c.respondents[0]?.id as number;
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: rid, method: 'left', servedOn: '2026-06-02' },
      '2026-06-02',
    );
    expect((v.proceedings.services as Body[]).at(-1)).toMatchObject({ method: 'left', publishedOn: '2026-06-02', servedOn: '2026-06-05' });
    expect(deadline(v, 'defense')).toMatchObject({ startsOn: '2026-06-05', dueOn: '2026-06-22' });
    expect(deadline(v, 'serve_respondent')).toMatchObject({ status: 'met' });
  });

  it('posted (张贴) 06-02: deemed served 06-05 likewise (deemed_service_posted)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-05-29' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    const rid = c.respondents[0]?.id as number;
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: rid, method: 'posted', servedOn: '2026-06-02' },
      '2026-06-02',
    );
    expect((v.proceedings.services as Body[]).at(-1)).toMatchObject({
      method: 'posted',
      publishedOn: '2026-06-02',
      servedOn: '2026-06-05',
    });
    expect(deadline(v, 'defense')).toMatchObject({ startsOn: '2026-06-05', dueOn: '2026-06-22' });
  });

  it('an award left with the employer: its 15-day window runs from the deemed day', async () => {
    const c = await registerCase(t, a, largeApplication({ receivedOn: '2026-05-29' }));
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-06-01');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-06-02');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-06-24', place: '第一仲裁庭' }, '2026-06-03');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-06-24');
    // Over 12 × the minimum wage: non-final, both parties may sue within 15 days of receipt (LDMAL Art. 50).
    const items = [
      { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00', paymentDays: 10 },
      { claimId: c.claims[1]?.id, outcome: 'granted', amount: '30000.00', paymentDays: 10 },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-07-01');
    const rid = c.respondents[0]?.id as number;
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: rid, method: 'left', servedOn: '2026-07-02' },
      '2026-07-02',
    );
    // Left Thursday 07-02 → deemed Tuesday 07-07; + 15 days = 07-22.
    expect(deadline(v, 'sue_non_final', rid)).toMatchObject({ startsOn: '2026-07-07', dueOn: '2026-07-22' });
  });
});
