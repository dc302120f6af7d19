import { describe, expect, it } from 'vitest';
import { createDeps } from '../../app/deps.ts';
import { reprojectStatistics } from '../../app/stats/reproject.ts';
import { createLogger } from '../../server/logger.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside legal tester's findings (stop 44, API only): an advance-execution ruling transferred to the court after
 * the award (LDMAL Arts. 44, 50; Rules Art. 51), …
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { send, ok } = caseEvents(() => t);
const ids = (c: CaseView) => (c.claims as { id: number }[]).map((x) => x.id);
const FACTS = '申请人于2023年3月入职被申请人处，月工资4000元，被申请人拖欠其2025年10月至12月工资。';
const REASONING = '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。';
const DEFENSE = '被申请人认为已足额支付工资';
const COURT = '聊城市东昌府区人民法院';

const nextEvents = async (c: { id: number }) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);

/** A heard case with an advance-execution ruling on the wages (03-26), then a non-final award (04-10). */
async function awardWithRuling() {
  const { c, arb } = await caseAt(t, a, 'heard');
  const [wages, comp] = ids(c);
  await ok(
    c,
    arb.token,
    'ADVANCE_EXECUTION',
    { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: true, amounts: [{ claimId: wages, amount: '6000' }], paymentDays: 7 },
    '2026-03-26',
  );
  const after = await ok(
    c,
    arb.token,
    'ISSUE_AWARD',
    {
      items: [
        { claimId: wages, outcome: 'granted', amount: '12000.00' },
        { claimId: comp, outcome: 'granted', amount: '26400.00' },
      ],
      facts: FACTS,
      reasoning: REASONING,
      defenseSummary: DEFENSE,
    },
    '2026-04-10',
  );
  return { c, arb, after };
}

describe(`legal findings, stop 44 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: an advance-execution ruling goes to the court after the award, until the award takes effect (LDMAL Arts. 44, 50)', async () => {
    const { c } = await awardWithRuling();
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('award_issued');
    expect(await nextEvents(c)).toContain('TRANSFER_TO_COURT');
    // Not served yet: the existing refusal, not a 409.
    const unserved = await send(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-04-11');
    expect(unserved.status, JSON.stringify(unserved.body)).toBe(422);
    expect(unserved.body.rule).toBe('advance-execution-not-served');
    // Enforcement of the award not yet effective: of its final part only (12 000, effective the day it was made — LDMAL
    // Arts. 47, 51; reviewer legal H2, legalfixB), not refused any more; previewed here, not recorded.
    const enforce = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({ type: 'TRANSFER_TO_COURT', occurredOn: '2026-04-11', purpose: 'enforcement', court: COURT });
    expect(enforce.status, JSON.stringify(enforce.body)).toBe(200);
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'advance_execution_ruling', partyId: c.respondents[0]?.id, method: 'direct' },
      '2026-04-11',
    );
    const done = await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-04-12');
    expect(done.state).toBe('award_issued');
    // Transferred: nothing more to send for advance execution (the final part's enforcement still may be, H2 above).
    const again = await send(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-04-12');
    // The final part's enforcement keeps TRANSFER_TO_COURT open: the refusal names the rule (nothing to transfer).
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('no-advance-execution-ruling');
    // The transfer letter.
    const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'court_transfer_letter' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const letter = flat(pdfRaw(await downloadDocument(t, a.tokens.chair, (r.body.documents as { id: number }[])[0]?.id as number)));
    for (const n of [`${COURT}：`, '先予执行裁决书', '送达回证', '二〇二六年四月十二日']) expect(letter, n).toContain(n);
    // The court package for advance execution: it holds the ruling it asks the court to execute (LDMAL Art. 44; reviewer
    // s46 M2 — it was made without the ruling's PDF).
    const early = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution' });
    expect(early.status, JSON.stringify(early.body)).toBe(422);
    expect(early.body).toMatchObject({ rule: 'court-package-purpose', field: 'purpose' });
    expect(early.body.detail).toContain('先予执行裁决书尚未出具');
    const ruling = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'advance_execution_ruling' });
    expect(ruling.status, JSON.stringify(ruling.body)).toBe(201);
    // …and the ruling's 送达回证 the 移送函 lists (docs51 M1; tests/api/fixR51.test.ts).
    const receiptBody = { kind: 'service_receipt', partyId: c.respondents[0]?.id, servedDocument: 'advance_execution_ruling' };
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, receiptBody)).status).toBe(201);
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  });

  it('M1: … and in award_served, after the award was served on all', async () => {
    const { c } = await awardWithRuling();
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'advance_execution_ruling', partyId: c.respondents[0]?.id, method: 'direct' },
      '2026-04-11',
    );
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-04-13');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('award_served');
    expect(await nextEvents(c)).toContain('TRANSFER_TO_COURT');
    const done = await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-04-14');
    expect(done.state).toBe('award_served');
    expect(done.proceedings.advanceExecutions[0]).toMatchObject({ transferredOn: '2026-04-14', court: COURT });
  });

  it('M2: a labor_standards claim about 社会保险费 counts under 社会保险, as its award names it; re-projection moves old rows', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-05-06',
        claims: [
          { category: 'labor_standards', amount: '8000.00', description: '补缴2025年社会保险费' },
          { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        ],
      }),
    );
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-05-07');
    const Q = 'from=2026-05-01&to=2026-05-31';
    const byCause = async () => {
      const r = await t.api(a.tokens.analyst).get(`/api/stats/closure?${Q}&groupBy=cause`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return Object.fromEntries((r.body.groups as { key: string; accepted: number }[]).map((g) => [g.key, g.accepted]));
    };
    expect(await byCause()).toEqual({ social_insurance: 1 });
    // A row projected under the old definition: the claim's words say overtime (工作时间、休息休假) — changed here behind
    // the projection's back, as an upgrade changes a definition — and `stats:reproject` moves it, recording the change.
    const claimId = (c.claims[0] as { id: number }).id;
    await t.db.knex('claims').where({ id: claimId }).update({ description: '2025年加班工资' });
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    expect(await reprojectStatistics(deps)).toMatchObject({ changed: 1 });
    expect(await byCause()).toEqual({ labor_standards: 1 });
    expect(await reprojectStatistics(deps)).toMatchObject({ changed: 0 });
  });

  it('L1: an extension that changes nothing, judged on a provisional calendar, says so', async () => {
    // Accepted 11-18: the 45th day is Saturday 2027-01-02, carried (on 2027's provisional calendar: weekends and the
    // law-fixed New Year's Day) to Monday 01-04; one day more from 01-02 is 01-03.
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-17' }));
    const v = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-18');
    expect((v.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'award')?.dueOn).toBe('2027-01-04');
    const none = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 1, reason: '案情复杂' }, '2026-11-20');
    expect(none.status, JSON.stringify(none.body)).toBe(422);
    expect(none.body).toMatchObject({ rule: 'extension-changes-nothing', field: 'days' });
    expect(none.body.detail).toContain('按暂定日期判断：缺少2027年国家法定节假日安排');
  });

  it('L2: an award clock paused by a public notice reads as paused until the notice period ends, deducted whole', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-17' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-18');
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'public_notice', servedOn: '2026-11-19' },
      '2026-11-19',
    );
    const clock = (x: CaseView) => (x.deadlines as { kind: string; status: string; explanation: string }[]).find((d) => d.kind === 'award');
    const deemed = (v.proceedings.services as { method: string; servedOn: string }[]).find((s) => s.method === 'public_notice')?.servedOn;
    expect(clock(v)?.status).toBe('paused');
    expect(clock(v)?.explanation).toContain(
      `审理期限因公告送达期间暂停计算，公告期满（${deemed}）后恢复计算；以下届满日已扣除整个公告期间：`,
    );
    expect(clock(v)?.explanation).not.toContain('假定今日');
    // A suspension besides: its end is not known — resumed today, as before.
    const s = await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-20');
    expect(clock(s)?.explanation).toContain(`以下为假定中止审理今日结束、公告期满（${deemed}）后恢复计算的届满日`);
  });

  it('L3: a set-aside application recorded at a basic court is recorded with a warning naming the intermediate court', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '12000.00' },
          { claimId: comp, outcome: 'granted', amount: '20000.00' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const wrong = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-15' }, '2026-04-15');
    expect(wrong.state).toBe('set_aside_pending');
    expect(wrong.proceedings.setAside.courtWarning).toBe(
      `撤销终局裁决的申请应向仲裁委员会所在地的中级人民法院（聊城市中级人民法院）提出（劳动争议调解仲裁法第四十九条）；登记的法院为${COURT}，请核对`,
    );
    // Withdrawn there, filed at the intermediate court: no warning.
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'withdrawn', decidedOn: '2026-04-20' }, '2026-04-20');
    const right = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-21' }, '2026-04-21');
    expect(right.proceedings.setAside).not.toHaveProperty('courtWarning');
  });

  it('L4: a duty overdue before the closure stays visibly missed; one not yet due is mooted; neither is a to-do', async () => {
    type D = { kind: string; status: string; explanation: string };
    const find = (v: CaseView, kind: string) => (v.deadlines as D[]).find((d) => d.kind === kind);
    // Accepted 03-04, tribunal formed 03-05: the written notice of it (5 working days, due 03-11) never served.
    const { c } = await caseAt(t, a, 'tribunal_formed');
    const closed = await ok(c, a.tokens.clerk, 'WITHDRAW', { reason: '申请人撤回仲裁申请' }, '2026-04-02');
    expect(find(closed, 'tribunal_notice')).toMatchObject({ status: 'missed' });
    expect(find(closed, 'tribunal_notice')?.explanation).toContain('届满时尚未完成；案件已于2026-04-02结案');
    const due = (await t.api(a.tokens.clerk).get('/api/deadlines?within=14&pageSize=200&assignee=all')).body.items as { caseId: number }[];
    expect(due.filter((d) => d.caseId === c.id)).toEqual([]);
    const listed = await t.api(a.tokens.clerk).get('/api/cases?overdue=true&pageSize=200');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect((listed.body.items as { id: number }[]).map((x) => x.id)).not.toContain(c.id);
    // Withdrawn the day after acceptance: the notice was not due yet — mooted, `ended`.
    const early = await registerCase(t, a, standardApplication());
    await ok(early, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const withdrawn = await ok(early, a.tokens.clerk, 'WITHDRAW', { reason: '申请人撤回仲裁申请' }, '2026-03-05');
    expect(find(withdrawn, 'tribunal_notice')).toMatchObject({ status: 'ended' });
    expect(find(withdrawn, 'serve_respondent')).toMatchObject({ status: 'ended' });
  });
});
