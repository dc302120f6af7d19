import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { createActors, standardApplication } from '../helpers/procedure.ts';

/**
 * s63 A (documents, walkers' findings), through the HTTP API and the rendered PDFs' text:
 * #1 the 中止审理决定书 cites the item of Rules Art. 47 its suspension rests on (SUSPEND `ground`: 第四十七条第（六）项),
 *    the case view carrying the ground; a suspension without one — or recorded before the ground was kept in the
 *    case — cites the article alone, as before.
 * #2 the 应诉通知书 states the answer period in force on its own date (the acceptance): shortened or cancelled with the
 *    respondent's consent on or before it (Rules Art. 58), in the rule's unit; an act after it leaves 「十日内」, so the
 *    notice reads the same generated again; a record stored before the act's day was kept leaves 「十日内」; the
 *    追加当事人通知书 of an added respondent states the ten days (its period is its own, counted in full).
 * Default walk: accepted Wednesday 2026-03-04.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Body = Record<string, unknown>;
type Suspension = { from: string; to: string | null; reason: string; ground?: string };
type Party = { id: number; name: string; kind?: string };

const { t, a } = apiSuite({ now: '2026-05-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const simple = (name: string, seq: number) => standardApplication({ procedure: 'simple', applicants: [worker(name, seq)] });
const view = async (app: TestApp, id: number) => (await app.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as CaseView & Body;
const suspensionsOf = (v: Body) => (v.proceedings as { suspensions: Suspension[] }).suspensions;
/** Simulates a case stored before s63: the context without the field named. */
async function storedBefore(app: TestApp, caseId: number, drop: (ctx: Body) => void) {
  const row = await app.db.knex('cases').where({ id: caseId }).first('snapshot');
  const snap = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
  drop(snap.context);
  await app.db
    .knex('cases')
    .where({ id: caseId })
    .update({ snapshot: JSON.stringify(snap) });
}

describe(`s63 A #1: the 中止审理决定书 cites Rules Art. 47's item when the ground was recorded (${DB})`, () => {
  it('appraisal → 第四十七条第（六）项, pending_case → 第（五）项, none → the article alone; the view carries the ground', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('中止事由', 631)] }) });
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-10');
    await ok(c, a.tokens.chair, 'RESUME', { reason: '工伤认定结论已作出' }, '2026-03-20');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待另案审理结果', ground: 'pending_case' }, '2026-03-23');
    await ok(c, a.tokens.chair, 'RESUME', { reason: '另案已审结' }, '2026-03-27');
    const last = await ok(c, a.tokens.chair, 'SUSPEND', { reason: '申请人住院治疗' }, '2026-03-30');
    const s = suspensionsOf(last as unknown as Body);
    expect(s.map((x) => x.ground)).toEqual(['appraisal', 'pending_case', undefined]);
    expect(s[2]).not.toHaveProperty('ground');

    const first = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 1 });
    expect(first).toContain(
      '因等待工伤认定结论，依照《劳动人事争议仲裁办案规则》第四十七条第（六）项之规定，经本委主任批准，决定本案自二〇二六年三月十日起中止审理',
    );
    const second = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 2 });
    expect(second).toContain(
      '依照《劳动人事争议仲裁办案规则》第四十七条第（五）项之规定，经本委主任批准，决定本案自二〇二六年三月二十三日起中止审理',
    );
    const third = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 3 });
    expect(third).toContain('依照《劳动人事争议仲裁办案规则》第四十七条之规定，经本委主任批准，决定本案自二〇二六年三月三十日起中止审理');
    expect(third).not.toContain('第四十七条第');
  });

  it('a suspension stored before the ground was kept in the case reads as before: the article alone, and the view has no ground', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('中止旧档', 632)] }) });
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-10');
    await storedBefore(t, c.id, (ctx) => {
      for (const x of ctx.suspensions as Body[]) delete x.ground;
    });
    const v = await view(t, c.id);
    expect(suspensionsOf(v)[0]).not.toHaveProperty('ground');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension' });
    expect(text).toContain(
      '因等待工伤认定结论，依照《劳动人事争议仲裁办案规则》第四十七条之规定，经本委主任批准，决定本案自二〇二六年三月十日起中止审理',
    );
    expect(text).not.toContain('第（六）项');
  });
});

describe(`s63 A #2: the 应诉通知书 states the answer period in force on its date (Rules Art. 58) (${DB})`, () => {
  /** A simple case accepted and its tribunal formed on 03-04, so the arbitrator may act on the day of acceptance. */
  const acceptedSimple = (name: string, seq: number) =>
    caseAt(t, a, 'tribunal_formed', { body: simple(name, seq), acceptOn: '2026-03-04', formOn: '2026-03-04' });
  const addressee = (c: CaseView) => ((c.respondents[0] as Party).kind === 'organization' ? '你单位' : '你');

  it('shortened on the day of acceptance: the notice states the shortened period in working days and the consent, not ten days; a later cancellation does not reach back', async () => {
    const { c, arb } = await acceptedSimple('应诉缩短', 633);
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-04');
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' });
    expect(notice).toContain(
      `一、经${addressee(c)}同意，答辩期缩短为3个工作日（《劳动人事争议仲裁办案规则》第五十八条），请在收到仲裁申请书副本之日起3个工作日内向本委提交答辩书（一式两份）及有关证据；逾期未提交答辩书的，不影响仲裁程序的进行。`,
    );
    expect(notice).not.toContain('十日内');
    expect(notice).toContain('二〇二六年三月四日');
    // Cancelled two days later: the notice dated the acceptance still states the period then in force.
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-03-06');
    expect(await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' })).toBe(notice);
  });

  it('cancelled on the day of acceptance: no answer period, the defense and evidence before the hearing', async () => {
    const { c, arb } = await acceptedSimple('应诉取消', 634);
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-03-04');
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' });
    expect(notice).toContain(
      `一、经${addressee(c)}同意，仲裁庭已取消答辩期（《劳动人事争议仲裁办案规则》第五十八条），请在开庭前向本委提交答辩书（一式两份）及有关证据；逾期未提交答辩书的，不影响仲裁程序的进行。`,
    );
    expect(notice).not.toContain('十日内');
    expect(notice).not.toContain('答辩期缩短为');
  });

  it('shortened after the acceptance: the notice keeps 十日内 and reads, generated again, as it did when issued', async () => {
    const { c, arb } = await acceptedSimple('应诉后缩', 635);
    const issued = await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' });
    expect(issued).toContain('一、请在收到仲裁申请书副本之日起十日内向本委提交答辩书（一式两份）及有关证据');
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-06');
    const again = await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' });
    expect(again).toBe(issued);
    expect(again).not.toContain('答辩期缩短为');
  });

  it('a record stored before the act’s day was kept: the day unknown, the notice keeps 十日内 (as every notice then read)', async () => {
    const { c, arb } = await acceptedSimple('应诉旧档', 636);
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-04');
    expect(await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' })).toContain('答辩期缩短为3个工作日');
    await storedBefore(t, c.id, (ctx) => {
      expect(ctx.defenseShortenings).toEqual([{ on: '2026-03-04', days: 3 }]);
      delete ctx.defenseShortenings;
    });
    const old = await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' });
    expect(old).toContain('一、请在收到仲裁申请书副本之日起十日内向本委提交答辩书');
    expect(old).not.toContain('答辩期缩短为');
  });

  it('the 追加当事人通知书 of a respondent added after a shortening states the ten days: the consent was not its own', async () => {
    const { c, arb } = await acceptedSimple('追加缩短', 637);
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-04');
    const v = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'dispatch', party: { kind: 'organization', name: '聊城某某派遣有限公司' } },
      '2026-03-10',
    );
    expect((v.respondents as Party[]).some((p) => p.name === '聊城某某派遣有限公司')).toBe(true);
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'addition_notice' });
    expect(notice).toContain('聊城某某派遣有限公司：');
    expect(notice).toContain('一、请在收到仲裁申请书副本之日起十日内向本委提交答辩书（一式两份）及有关证据');
    expect(notice).not.toContain('答辩期缩短为');
    // …while the original respondent's notice states the period it agreed to.
    expect(await generatedText(t, a.tokens.clerk, c.id, { kind: 'respond_notice' })).toContain('答辩期缩短为3个工作日');
  });
});

describe(`s63 A #2: a commission counting the answer period in calendar days says 日 (PERIODS_OVERRIDE) (${DB})`, () => {
  let k: TestApp;
  beforeAll(async () => {
    k = await startTestApp({
      now: '2026-05-20T02:00:00Z',
      env: { TOKEN_TTL_HOURS: '100000', PERIODS_OVERRIDE: JSON.stringify({ defense: { unit: 'calendar' } }) },
    });
  }, 120_000);
  afterAll(async () => k?.close());

  it('shortened to 5 days on the day of acceptance: 「答辩期缩短为5日」, not 个工作日', async () => {
    const actors = await createActors(k);
    const { ok: kOk } = caseEvents(() => k);
    const { c, arb } = await caseAt(k, actors, 'tribunal_formed', {
      body: simple('应诉自然日', 638),
      acceptOn: '2026-03-04',
      formOn: '2026-03-04',
    });
    await kOk(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 5, respondentConsent: true }, '2026-03-04');
    const notice = await generatedText(k, actors.tokens.clerk, c.id, { kind: 'respond_notice' });
    expect(notice).toContain(
      '答辩期缩短为5日（《劳动人事争议仲裁办案规则》第五十八条），请在收到仲裁申请书副本之日起5日内向本委提交答辩书',
    );
    expect(notice).not.toContain('工作日');
  });
});
