import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * s63 B (a UI walker's stop) — what the 办理记录 keeps of two acts, through the HTTP API:
 * #1 shortening or cancelling the answer period (SHORTEN_DEFENSE_PERIOD, Rules Art. 58: 简易处理的案件，经与被申请人协商
 *    同意，仲裁庭可以缩短或者取消答辩期): the history entry's `record` states the new period in the unit the defense
 *    period is counted in (个工作日 by default, Rules Art. 80; 日 under a PERIODS_OVERRIDE) and the respondent's consent,
 *    or that the period was cancelled; the preview the confirmation shows answers the same line; a summary reader gets
 *    none; a refused shortening writes nothing and has no line.
 * #2 a change of claims (CHANGE_CLAIMS, Rules Art. 44) keeps each changed claim as it was (amount before) and the ids of
 *    the claims it added, from which the case page words the amounts before → after (tests/e2e/s63-records.test.ts).
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Body = Record<string, unknown>;
type Entry = { type: string; record: string | null; payload: Body };

const { t, a } = apiSuite({ now: '2026-03-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const simple = (name: string, seq: number) => standardApplication({ procedure: 'simple', applicants: [worker(name, seq)] });
const history = async (app: TestApp, token: string, id: number) => (await app.api(token).get(`/api/cases/${id}/events`)).body as Entry[];
const shortening = (list: Entry[]) => list.filter((e) => e.type === 'SHORTEN_DEFENSE_PERIOD');

describe(`s63 B #1: the record of a shortened or cancelled answer period (Rules Art. 58) (${DB})`, () => {
  it('shortened to 5 working days: the preview and the history entry say the period, its unit and the consent', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: simple('缩短记录', 631) });
    const body = { type: 'SHORTEN_DEFENSE_PERIOD', occurredOn: '2026-03-06', days: 5, respondentConsent: true };
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/event-preview`, body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.record).toBe('经被申请人同意，答辩期缩短为5个工作日');
    // The preview writes nothing.
    expect(shortening(await history(t, a.tokens.clerk, c.id))).toHaveLength(0);
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 5, respondentConsent: true }, '2026-03-06');
    const [e] = shortening(await history(t, a.tokens.clerk, c.id));
    expect(e?.record).toBe('经被申请人同意，答辩期缩短为5个工作日');
    expect(e?.payload).toMatchObject({ days: 5, respondentConsent: true, unit: 'working' });
    // Every other entry has no server-worded line.
    expect((await history(t, a.tokens.clerk, c.id)).filter((x) => x.type !== 'SHORTEN_DEFENSE_PERIOD' && x.record !== null)).toEqual([]);
    // A summary reader (analyst) sees who did what when, not what was recorded.
    const summary = await t.api(a.tokens.analyst).get(`/api/cases/${c.id}/events`);
    expect(summary.status).toBe(200);
    const [seen] = shortening(summary.body as Entry[]);
    expect(seen?.payload).toEqual({});
    expect(seen?.record).toBeNull();
  });

  it('cancelled (days 0): 「经被申请人同意，取消答辩期」, never 「缩短为0」', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: simple('取消记录', 632) });
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/event-preview`, {
      type: 'SHORTEN_DEFENSE_PERIOD',
      occurredOn: '2026-03-06',
      days: 0,
      respondentConsent: true,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.record).toBe('经被申请人同意，取消答辩期');
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-03-06');
    const [e] = shortening(await history(t, a.tokens.clerk, c.id));
    expect(e?.record).toBe('经被申请人同意，取消答辩期');
    expect(e?.record).not.toContain('缩短为0');
  });

  it('without the consent: 422 naming respondentConsent, nothing recorded, no line', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: simple('未同意', 633) });
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    const r = await send(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 5, respondentConsent: false }, '2026-03-06');
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.field).toBe('respondentConsent');
    const after = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(after.version).toBe(before.version);
    expect(shortening(await history(t, a.tokens.clerk, c.id))).toHaveLength(0);
  });
});

describe(`s63 B #1: a commission counting the defense period in calendar days says 日 (${DB})`, () => {
  let app: TestApp;
  let actors: Actors;
  beforeAll(async () => {
    app = await startTestApp({
      now: '2026-03-20T02:00:00Z',
      env: { TOKEN_TTL_HOURS: '100000', PERIODS_OVERRIDE: JSON.stringify({ defense: { days: 10, unit: 'calendar' } }) },
    });
    actors = await createActors(app);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shortened to 3: 「答辩期缩短为3日」, not 个工作日', async () => {
    const { c, arb } = await caseAt(app, actors, 'tribunal_formed', { body: simple('自然日', 634) });
    const preview = await app.api(arb.token).post(`/api/cases/${c.id}/event-preview`, {
      type: 'SHORTEN_DEFENSE_PERIOD',
      occurredOn: '2026-03-06',
      days: 3,
      respondentConsent: true,
    });
    expect(preview.body.record).toBe('经被申请人同意，答辩期缩短为3日');
    await caseEvents(() => app).ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-06');
    const [e] = shortening(await history(app, actors.tokens.clerk, c.id));
    expect(e?.record).toBe('经被申请人同意，答辩期缩短为3日');
    expect(e?.payload.unit).toBe('calendar');
  });
});

describe(`s63 B #2: a change of claims keeps the amounts it changed (${DB})`, () => {
  it('the entry keeps the changed claim’s amount before and the added claim’s id; the case has the new amounts', async () => {
    const { c } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: [worker('变更记录', 635)] }) });
    type Claim = { id: number; amount: string | null };
    const [wages] = c.claims as unknown as Claim[];
    await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      {
        change: [{ claimId: wages?.id, amount: '15000' }],
        add: [{ category: 'wages', amount: '5000', description: '支付加班费' }],
      },
      '2026-03-10',
    );
    const [e] = (await history(t, a.tokens.clerk, c.id)).filter((x) => x.type === 'CHANGE_CLAIMS');
    expect(e?.record).toBeNull();
    const previous = (e?.payload.previous ?? {}) as Record<string, { amount: string | null }>;
    expect(previous[String(wages?.id)]?.amount).toBe(wages?.amount);
    const added = e?.payload.addedClaims as { id: number }[];
    expect(added).toHaveLength(1);
    const now = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as { claims: Claim[] };
    expect(now.claims.find((x) => x.id === wages?.id)?.amount).toBe('15000.00');
    expect(now.claims.find((x) => x.id === added[0]?.id)?.amount).toBe('5000.00');
  });
});
