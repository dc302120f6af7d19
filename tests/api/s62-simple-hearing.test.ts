import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s62 B (a new user's walk) — simple handling (简易处理, Rules Arts. 56–61) and the hearing, through the HTTP API:
 * #1 a hearing set or moved to two working days ahead is refused in an ordinary case (LDMAL Art. 35; Rules Art. 38:
 *    开庭五日前书面通知) and, in a simple case, recorded with a warning that says why (Rules Art. 60: the tribunal sets
 *    the hearing date according to the case) — never silently; a commission keeping the period in simple handling
 *    (PERIODS_OVERRIDE {"hearing_notice":{"keptInSimple":true}}) has it refused as in an ordinary case.
 * #2 the warning of a hearing inside the answer period states the period the arbitrator shortened with the
 *    respondent's consent (Rules Art. 58), not the ordinary ten days (LDMAL Art. 30); a cancelled period warns of none;
 *    the collective hearing notice that restates the period (Rules Art. 65) states it as shortened or cancelled.
 * Default case walk: accepted 2026-03-04 (Wednesday), tribunal 03-05. Five clear working days after Monday 03-09 end
 * on Monday 03-16: the earliest hearing a notice on 03-09 allows is Tuesday 03-17.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Body = Record<string, unknown>;
type Dl = { kind: string; dueOn: string | null };
const MON = '2026-03-09';
const NEAR = '2026-03-11'; // two working days after MON
const PLACE = { place: '第一仲裁庭' };

const { t, a } = apiSuite({ now: '2026-03-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const simple = (name: string, seq: number) => standardApplication({ procedure: 'simple', applicants: [worker(name, seq)] });
const ordinary = (name: string, seq: number) => standardApplication({ procedure: 'ordinary', applicants: [worker(name, seq)] });
const warningsOf = (r: { body: Body }) => (r.body.warnings as string[] | undefined) ?? [];
const view = async (id: number) => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as CaseView & Body;

describe(`s62 B #1: the hearing notice period in simple handling is relaxed out loud (${DB})`, () => {
  it('ordinary: a hearing two working days ahead is refused naming hearingOn, nothing written; simple: recorded with a warning citing Rules Art. 60', async () => {
    const o = await caseAt(t, a, 'tribunal_formed', { body: ordinary('普通排期', 621) });
    const before = await view(o.c.id);
    const refused = await send(o.c, o.arb.token, 'SCHEDULE_HEARING', { hearingOn: NEAR, ...PLACE }, MON);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'hearing-notice-5-days', field: 'hearingOn' });
    expect(refused.body.detail).toContain('最早可定于2026-03-17');
    const after = await view(o.c.id);
    expect([after.version, after.state]).toEqual([before.version, before.state]);

    const s = await caseAt(t, a, 'tribunal_formed', { body: simple('简易排期', 622) });
    // The preview says it before the act is sent (the hearing dialog's confirmation).
    const preview = await t
      .api(s.arb.token)
      .post(`/api/cases/${s.c.id}/event-preview`, { type: 'SCHEDULE_HEARING', occurredOn: MON, hearingOn: NEAR, ...PLACE });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(warningsOf(preview).some((x) => x.includes('第六十条'))).toBe(true);
    const r = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: NEAR, ...PLACE }, MON);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const w = warningsOf(r).find((x) => x.includes('第六十条'));
    expect(w, JSON.stringify(warningsOf(r))).toBeDefined();
    expect(w).toContain(`开庭日期 ${NEAR} 距排期之日 ${MON} 不足开庭5个工作日前书面通知的期限`);
    expect(w).toContain('普通程序最早可定于 2026-03-17');
    expect(w).toContain('《劳动争议调解仲裁法》第三十五条');
    expect(w).toContain('第五十九条');
    // The relaxation: no notice deadline for the hearing set flexibly (domain.md §8.1).
    expect((r.body.deadlines as Dl[]).map((d) => d.kind)).not.toContain('hearing_notice');
    expect((r.body as CaseView).state).toBe('hearing_scheduled');
    // The preview does not say it was recorded (it is not yet).
    expect(warningsOf(preview).join('')).not.toContain('已予记录');
    // s62: its 开庭通知书 does not print a 开庭三日前 window that had closed before the date was set (LDMAL Art. 35;
    // Rules Art. 60); a notice given with the full period keeps it.
    const notice = await generatedText(t, a.tokens.clerk, s.c.id, { kind: 'hearing_notice' });
    expect(notice).toContain('当事人有正当理由申请延期开庭的，应当在收到本通知后及时提出');
    expect(notice).toContain('第六十条');
    expect(notice).not.toContain('应当在开庭三日前提出');
  });

  it('a simple case’s hearing set with the full notice period says nothing of it; a postponement at short notice is warned of (simple) or refused (ordinary)', async () => {
    const s = await caseAt(t, a, 'tribunal_formed', { body: simple('简易足期', 623) });
    const r = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-17', ...PLACE }, MON);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(warningsOf(r).some((x) => x.includes('第六十条'))).toBe(false);
    expect(await generatedText(t, a.tokens.clerk, s.c.id, { kind: 'hearing_notice' })).toContain('应当在开庭三日前提出');
    const p = await send(
      s.c,
      s.arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-13', requestedBy: 'tribunal', reason: '仲裁员另有公务' },
      '2026-03-11',
    );
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(warningsOf(p).join('\n')).toContain('开庭日期 2026-03-13 距延期决定之日 2026-03-11 不足开庭5个工作日前书面通知的期限');

    const o = await caseAt(t, a, 'tribunal_formed', { body: ordinary('普通延期', 624) });
    const scheduled = (await ok(o.c, o.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-17', ...PLACE }, MON)) as CaseView & Body;
    const q = await send(
      o.c,
      o.arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-13', requestedBy: 'tribunal', reason: '仲裁员另有公务' },
      '2026-03-11',
    );
    expect(q.status).toBe(422);
    expect(q.body).toMatchObject({ rule: 'hearing-notice-5-days', field: 'hearingOn' });
    expect((await view(o.c.id)).version).toBe(scheduled.version);
  });
});

describe(`s62 B #2: the answer-period warning states the period as shortened or cancelled (Rules Art. 58) (${DB})`, () => {
  const serve = (c: { id: number; respondents: { id?: number }[] }, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct', servedOn: on }, on);
  const answerWarning = (r: { body: Body }) => warningsOf(r).find((x) => x.includes('答辩期') && x.includes('内（'));

  it('ordinary: the ten days of LDMAL Art. 30; simple, shortened to 3 working days: the shortened period and the consent, not ten days', async () => {
    const o = await caseAt(t, a, 'tribunal_formed', { body: ordinary('普通答辩', 625) });
    await serve(o.c, '2026-03-05');
    const r = await send(o.c, o.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-16', ...PLACE }, '2026-03-06');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ow = answerWarning(r);
    expect(ow, JSON.stringify(warningsOf(r))).toBeDefined();
    expect(ow).toContain('被申请人有权自收到仲裁申请书副本之日起十日内提交答辩书（《劳动争议调解仲裁法》第三十条）');
    expect(ow).toContain('2026-03-19 届满');

    const s = await caseAt(t, a, 'tribunal_formed', { body: simple('简易缩短', 626) });
    await serve(s.c, '2026-03-05');
    await ok(s.c, s.arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-06');
    // 3 working days from 03-05 (Thursday): 03-06, 03-09, 03-10.
    const sr = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-10', ...PLACE }, '2026-03-06');
    expect(sr.status, JSON.stringify(sr.body)).toBe(200);
    const sw = answerWarning(sr);
    expect(sw, JSON.stringify(warningsOf(sr))).toBeDefined();
    expect(sw).toContain('经被申请人同意已缩短为3个工作日');
    expect(sw).toContain('2026-03-10 届满');
    expect(sw).toContain('第五十八条');
    expect(sw).toContain('被申请人有权在收到仲裁申请书副本之日起3个工作日内提交答辩书');
    expect(sw).not.toContain('十日');
    // After the shortened period ends, no answer-period warning (the ordinary period would still run to 03-19).
    const later = await send(
      s.c,
      s.arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-12', requestedBy: 'tribunal', reason: '调整' },
      '2026-03-09',
    );
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(answerWarning(later)).toBeUndefined();
  });

  it('simple, shortened to 3 working days before the copy is served: a hearing the period would still cover is warned of on the shortened period; one after it is not', async () => {
    const s = await caseAt(t, a, 'tribunal_formed', { body: simple('简易未送达', 628) });
    await ok(s.c, s.arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-06');
    // Served on 03-06 at the soonest, 3 working days run 03-09, 03-10, 03-11.
    const r = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-10', ...PLACE }, '2026-03-06');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const w = warningsOf(r).find((x) => x.includes('尚未收到仲裁申请书副本'));
    expect(w, JSON.stringify(warningsOf(r))).toBeDefined();
    expect(w).toContain('答辩期最早也要到 2026-03-11');
    expect(w).toContain('已将答辩期缩短为收到仲裁申请书副本之日起3个工作日');
    expect(w).toContain('第五十八条');
    expect(w).not.toContain('十日');
    const after = await send(
      s.c,
      s.arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-12', requestedBy: 'tribunal', reason: '调整' },
      '2026-03-06',
    );
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(warningsOf(after).filter((x) => x.includes('尚未收到仲裁申请书副本'))).toEqual([]);
  });

  it('simple, the answer period cancelled (0) with consent: a hearing the next working day is not warned of as inside an answer period', async () => {
    const s = await caseAt(t, a, 'tribunal_formed', { body: simple('简易取消', 627) });
    await serve(s.c, '2026-03-05');
    await ok(s.c, s.arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-03-06');
    const r = await send(s.c, s.arb.token, 'SCHEDULE_HEARING', { hearingOn: MON, ...PLACE }, '2026-03-06');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(warningsOf(r).filter((x) => x.includes('答辩'))).toEqual([]);
    // …while the short notice is said (s62 B #1).
    expect(warningsOf(r).some((x) => x.includes('第六十条'))).toBe(true);
  });

  it('a collective simple case’s hearing notice (Rules Art. 65) states the answer period in force on its own date: shortened, then (a later notice) cancelled', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`简易集体${i + 1}`, 640 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten, procedure: 'simple' }));
    const ids = a.arbitrators.map((x) => x.id);
    const arb = a.arbitrators[0] as { token: string };
    expect((await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04')).collective).toBe(true);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, '2026-03-06');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', ...PLACE }, MON);
    const shortened = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    expect(shortened).toContain(
      '一并通知如下：经被申请人同意，答辩期缩短为3个工作日（《劳动人事争议仲裁办案规则》第五十八条）；被申请人应当自收到仲裁申请书副本之日起3个工作日内提交答辩书',
    );
    expect(shortened).not.toContain('十日内提交答辩书');
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 0, respondentConsent: true }, '2026-03-10');
    // s64: the notice of 9 March, generated again after the cancellation of the 10th, reads as the one served then.
    expect(await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' })).toBe(shortened);
    // The notice of a postponement decided after the cancellation states it.
    await ok(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-03-27', requestedBy: 'tribunal', reason: '仲裁员另有公务' },
      '2026-03-11',
    );
    const cancelled = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    expect(cancelled).toContain('一并通知如下：经被申请人同意，仲裁庭已取消答辩期（《劳动人事争议仲裁办案规则》第五十八条）');
    expect(cancelled).not.toContain('提交答辩书');
  });

  it('s64: a collective hearing notice served before the answer period was shortened keeps the ten days and their last day, not the shortened period’s', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`简易集体后缩${i + 1}`, 660 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten, procedure: 'simple' }));
    const ids = a.arbitrators.map((x) => x.id);
    const arb = a.arbitrators[0] as { token: string };
    expect((await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04')).collective).toBe(true);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', ...PLACE }, '2026-03-06');
    const before = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    // Ten working days from 5 March (LDMAL Art. 30; Rules Art. 80): 19 March.
    expect(before).toContain('被申请人已于二〇二六年三月五日收到仲裁申请书副本，答辩期至二〇二六年三月十九日止');
    await ok(c, arb.token, 'SHORTEN_DEFENSE_PERIOD', { days: 3, respondentConsent: true }, MON);
    const again = await generatedText(t, a.tokens.clerk, c.id, { kind: 'hearing_notice' });
    // The record's last day is now that of three working days (10 March); the notice of the 6th still reads as served.
    expect(((await view(c.id)).deadlines as Dl[]).find((x) => x.kind === 'defense')?.dueOn).toBe('2026-03-10');
    expect(again).toBe(before);
    expect(again).not.toContain('缩短');
    expect(again).not.toContain('三月十日止');
  });
});

describe(`s62 B #1: PERIODS_OVERRIDE hearing_notice.keptInSimple — the notice period kept in simple handling (${DB})`, () => {
  let k: TestApp;
  beforeAll(async () => {
    k = await startTestApp({
      now: '2026-03-20T02:00:00Z',
      env: { PERIODS_OVERRIDE: JSON.stringify({ hearing_notice: { keptInSimple: true } }) },
    });
  }, 120_000);
  afterAll(async () => k?.close());

  it('a simple case’s hearing two working days ahead is refused as an ordinary case’s; five clear days are recorded with the notice deadline listed', async () => {
    const actors = await createActors(k);
    const { c, arb } = await caseAt(k, actors, 'tribunal_formed', { body: simple('简易守期', 630) });
    const { send: kSend } = caseEvents(() => k);
    const near = await kSend(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: NEAR, ...PLACE }, MON);
    expect(near.status).toBe(422);
    expect(near.body).toMatchObject({ rule: 'hearing-notice-5-days', field: 'hearingOn' });
    expect(near.body.detail).toContain('最早可定于2026-03-17');
    const far = await kSend(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-17', ...PLACE }, MON);
    expect(far.status, JSON.stringify(far.body)).toBe(200);
    expect(warningsOf(far).some((x) => x.includes('第六十条'))).toBe(false);
    const notice = (far.body.deadlines as Dl[]).find((d) => d.kind === 'hearing_notice');
    expect(notice?.dueOn).toBe('2026-03-09');
  });

  it('a late hearing notice in a simple case then grounds no default award (LDMAL Arts. 35–36); the default relaxes it (Rules Arts. 59–60)', async () => {
    // One walk per configuration: the notice of the 03-17 hearing served 03-13 (one working day, 03-16, before it).
    const walk = async (app: TestApp, actors: Awaited<ReturnType<typeof createActors>>, seq: number) => {
      const { c, arb } = await caseAt(app, actors, 'tribunal_formed', { body: simple(`简易缺席${seq}`, seq) });
      const e = caseEvents(() => app);
      await e.ok(
        c,
        actors.tokens.clerk,
        'SERVE',
        { document: 'application_copy', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-03-05' },
        '2026-03-05',
      );
      await e.ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-17', ...PLACE }, MON);
      for (const p of [...c.applicants, ...c.respondents])
        await e.ok(
          c,
          actors.tokens.clerk,
          'SERVE',
          { document: 'hearing_notice', partyId: p.id, method: 'direct', servedOn: '2026-03-13' },
          '2026-03-13',
        );
      await e.ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-03-17');
      const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' }));
      return e.send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-03-18');
    };
    const kept = await walk(k, await createActors(k), 631);
    expect(kept.status).toBe(422);
    expect(kept.body.rule).toBe('absence-notice-late');
    const relaxed = await walk(t, a, 632);
    expect(relaxed.status, JSON.stringify(relaxed.body)).toBe(200);
  });

  it('keptInSimple on another period is refused at startup', async () => {
    await expect(
      startTestApp({ now: '2026-03-13T02:00:00Z', env: { PERIODS_OVERRIDE: JSON.stringify({ defense: { keptInSimple: true } }) } }),
    ).rejects.toThrow(/keptInSimple/);
  });
});
