import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt } from '../helpers/case-fixtures.ts';
import { employer, idNumber, worker } from '../helpers/fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';
import { resourced } from '../helpers/reference.ts';

/**
 * What the web interface's work views read (issue 16): the hearing calendar, the chair's award-clock board, the
 * arbitrators' workload, the case list's sorting and wider search (as the policy allows), its xlsx export, and the
 * vocabulary and award-preview additions. Same body on SQLite and PostgreSQL.
 */
const { t, a } = apiSuite();

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
type Body = Record<string, any>;
const ev = async (token: string, id: number, body: Record<string, unknown>) => {
  const r = await t.api(token).post(`/api/cases/${id}/events`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Body;
};
/** Registers, accepts on `acceptOn`, forms a sole tribunal of arbitrator `arb`. */
async function acceptedCase(acceptOn: string, arb: number, app = standardApplication()) {
  const { c, arb: x } = await caseAt(t, a, 'tribunal_formed', { body: app, acceptOn, formOn: acceptOn, arbitrator: arb });
  return { id: c.id as number, token: x.token, arbId: x.id };
}

describe(`work views (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  let one: { id: number; token: string; arbId: number };
  let two: { id: number; token: string; arbId: number };

  it('the hearing calendar shows every hearing session by day, room and arbitrator; held, further and cancelled ones follow the case', async () => {
    one = await acceptedCase('2026-03-02', 0);
    two = await acceptedCase('2026-03-03', 1, standardApplication({ applicants: [worker('李明', 321)] }));
    await ev(one.token, one.id, {
      type: 'SCHEDULE_HEARING',
      occurredOn: '2026-03-05',
      hearingOn: '2026-03-20',
      time: '09:30',
      place: '第一仲裁庭',
    });
    await ev(two.token, two.id, { type: 'SCHEDULE_HEARING', occurredOn: '2026-03-05', hearingOn: '2026-03-19', place: '第二仲裁庭' });
    const week = async (q = '') => (await t.api(a.tokens.analyst).get(`/api/hearings?from=2026-03-16&to=2026-03-22${q}`)).body as Body;
    const all = await week();
    expect(all.total).toBe(2);
    // By day, then time.
    expect(all.items.map((x: Body) => [x.hearingOn, x.time, x.place])).toEqual([
      ['2026-03-19', null, '第二仲裁庭'],
      ['2026-03-20', '09:30', '第一仲裁庭'],
    ]);
    expect(all.items[1]).toMatchObject({
      caseId: one.id,
      status: 'scheduled',
      public: true,
      applicantNames: ['张三'],
      arbitrators: [{ id: one.arbId, presiding: true }],
    });
    expect((await week(`&arbitratorId=${two.arbId}`)).items.map((x: Body) => x.caseId)).toEqual([two.id]);
    expect((await week(`&place=${encodeURIComponent('第一仲裁庭')}`)).items.map((x: Body) => x.caseId)).toEqual([one.id]);
    expect((await t.api(a.tokens.clerk).get('/api/hearings?from=2026-03-23&to=2026-03-29')).body.total).toBe(0);

    // Postponed: the calendar shows the new day.
    await ev(two.token, two.id, {
      type: 'POSTPONE_HEARING',
      occurredOn: '2026-03-10',
      hearingOn: '2026-03-27',
      reason: '仲裁员因公出差',
      requestedBy: 'tribunal',
    });
    expect((await week()).items.map((x: Body) => x.caseId)).toEqual([one.id]);
    // Held: it stays, marked held. Withdrawn before the hearing: it goes.
    await ev(one.token, one.id, { type: 'HOLD_HEARING', occurredOn: '2026-03-20', applicantPresent: true, respondentPresent: true });
    await ev(a.tokens.clerk, two.id, { type: 'WITHDRAW', occurredOn: '2026-03-21', reason: '双方已和解' });
    const after = await t.api(a.tokens.clerk).get('/api/hearings?from=2026-03-16&to=2026-03-31');
    expect(after.body.items.map((x: Body) => [x.caseId, x.status])).toEqual([[one.id, 'held']]);
    // A further session, scheduled on the day of the first: both are in the calendar, numbered.
    await ev(one.token, one.id, {
      type: 'SCHEDULE_HEARING',
      occurredOn: '2026-03-20',
      hearingOn: '2026-03-31',
      time: '14:00',
      place: '第三仲裁庭',
    });
    const both = await t.api(a.tokens.clerk).get('/api/hearings?from=2026-03-16&to=2026-03-31');
    expect(both.body.items.map((x: Body) => [x.caseId, x.session, x.hearingOn, x.place, x.status])).toEqual([
      [one.id, 1, '2026-03-20', '第一仲裁庭', 'held'],
      [one.id, 2, '2026-03-31', '第三仲裁庭', 'scheduled'],
    ]);
    expect(both.body.total).toBe(2);

    const tooLong = await t.api(a.tokens.clerk).get('/api/hearings?from=2026-01-01&to=2026-03-31');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: Body) => e.path)).toEqual(['to']);
    expect((await t.api(a.tokens.clerk).get('/api/hearings?from=2026-03-10&to=2026-03-01')).status).toBe(400);
  });

  it('the board lists open award clocks by days left to the chair and admin only; workload counts open cases and this week’s hearings', async () => {
    const board = await t.api(a.tokens.chair).get('/api/board/award-clock');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    // Case two was withdrawn: only case one's clock runs (accepted 2 March: LDMAL Art. 43, 45 days).
    expect(board.body.items.map((x: Body) => x.caseId)).toEqual([one.id]);
    expect(board.body.items[0]).toMatchObject({ dueOn: '2026-04-16', daysLeft: 15, status: 'open', arbitrators: [{ id: one.arbId }] });
    expect(board.body).toMatchObject({ total: 1, overdue: 0, page: 1 });
    expect((await t.api(a.tokens.chair).get('/api/board/award-clock?within=10')).body.total).toBe(0);
    expect((await t.api(t.adminToken).get('/api/board/award-clock?within=15')).body.total).toBe(1);
    expect((await t.api(a.tokens.clerk).get('/api/board/award-clock')).status).toBe(403);
    expect((await t.api(a.tokens.analyst).get('/api/board/award-clock')).status).toBe(403);

    const w = await t.api(a.tokens.chair).get('/api/workload?role=arbitrator');
    expect(w.status).toBe(200);
    const load = Object.fromEntries(w.body.items.map((x: Body) => [x.id, x]));
    expect(load[one.arbId]).toMatchObject({ openCases: 1 });
    expect(load[two.arbId]).toMatchObject({ openCases: 0 });
    expect(load[a.arbitrators[2]?.id as number]).toMatchObject({ openCases: 0, hearingsThisWeek: 0 });
    expect((await t.api(a.tokens.analyst).get('/api/workload')).status).toBe(403);
  });

  it('the list sorts by the award clock and searches phones, identity numbers and agents only as the policy allows', async () => {
    const agentCase = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [{ ...worker('王五', 654), phone: '13911112222' }],
        respondents: [{ ...employer('聊城某某纺织有限公司'), agents: [{ name: '赵律师', kind: 'lawyer', unit: '山东某某律师事务所' }] }],
      }),
    );
    const ids = async (token: string, q: string) =>
      ((await t.api(token).get(`/api/cases?${q}`)).body.items as Body[]).map((x) => x.id as number);
    // Phones and whole identity numbers: commission-wide readers only; never a partial identity number.
    expect(await ids(a.tokens.clerk, 'q=13911112222')).toEqual([agentCase.id]);
    // Whole phones only, as for identity numbers (security finding L2, sec44): a part finds nothing.
    expect(await ids(a.tokens.clerk, 'q=1111222')).toEqual([]);
    expect(await ids(a.tokens.arbitrator, 'q=13911112222')).toEqual([]);
    const wang = idNumber('371502', '19900101', 654);
    expect(await ids(a.tokens.chair, `q=${wang}`)).toEqual([agentCase.id]);
    expect(await ids(a.tokens.chair, `q=${wang.slice(0, 12)}`)).toEqual([]);
    expect(await ids(a.tokens.arbitrator, `q=${wang}`)).toEqual([]);
    // Agents by name or firm, for everyone but the analyst; names as before for everyone.
    expect(await ids(a.tokens.arbitrator, `q=${encodeURIComponent('赵律师')}`)).toEqual([agentCase.id]);
    expect(await ids(a.tokens.mediator, `q=${encodeURIComponent('某某律师事务所')}`)).toEqual([agentCase.id]);
    expect(await ids(a.tokens.analyst, `q=${encodeURIComponent('赵律师')}`)).toEqual([]);
    expect(await ids(a.tokens.analyst, `q=${encodeURIComponent('王五')}`)).toEqual([agentCase.id]);
    // A wildcard in the text is a character, not a pattern.
    expect(await ids(a.tokens.clerk, `q=${encodeURIComponent('%')}`)).toEqual([]);
    // A case number typed with the brackets a keyboard has finds the number written with 〔〕.
    const caseNo = (await t.api(a.tokens.clerk).get(`/api/cases/${one.id}`)).body.caseNo as string;
    for (const typed of [
      caseNo,
      caseNo.replace('〔', '[').replace('〕', ']'),
      caseNo.replace('〔', '（').replace('〕', '）'),
      caseNo.replace('〔', '【').replace('〕', '】'),
    ])
      expect(await ids(a.tokens.clerk, `q=${encodeURIComponent(typed)}`), typed).toEqual([one.id]);

    // Sorted by the running award clock: the open clock first, cases without one after.
    const byClock = (await t.api(a.tokens.clerk).get('/api/cases?sort=awardDue&order=asc')).body.items as Body[];
    expect(byClock[0]).toMatchObject({ id: one.id, awardDueOn: '2026-04-16', awardDueProvisional: false });
    expect(byClock.slice(1).every((x) => x.awardDueOn === null)).toBe(true);
    const byReceived = (await t.api(a.tokens.clerk).get('/api/cases?sort=receivedOn&order=desc')).body.items as Body[];
    expect(byReceived.map((x) => x.receivedOn)).toEqual([...byReceived.map((x) => x.receivedOn)].sort().reverse());
    expect((await t.api(a.tokens.clerk).get('/api/cases?sort=name')).status).toBe(400);
  });

  it('the list exports as xlsx with the list’s filters, names only', async () => {
    const r = await asBytes(t.api(a.tokens.clerk).get('/api/exports/cases?state=accepted'));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows = (ws?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1).map((v) => String(v ?? '')));
    expect(rows[1]?.slice(0, 3)).toEqual(['案号', '状态', '申请人']);
    // The state filter holds: no case waits for its tribunal here, so the sheet has its title and header only.
    expect(rows).toHaveLength(2);
    const all = await asBytes(t.api(a.tokens.clerk).get('/api/exports/cases'));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(all.body as unknown as ArrayBuffer);
    const text = JSON.stringify(wb2.worksheets[0]?.getSheetValues());
    expect(text).toContain('张三');
    expect(text).toContain('聊城某某纺织有限公司');
    // Lists never carry identity numbers or phones.
    expect(text).not.toContain(idNumber('371502', '19900101', 654));
    expect(text).not.toContain('13911112222');
  });

  it('the audit log shows reference-data changes, newest first, to the admin and the chair', async () => {
    // With a change (a table saved as it stands writes nothing since sec52 L1): a row's source re-checked.
    const wages = resourced((await t.api(t.adminToken).get('/api/reference/minimum-wages')).body) as Body[];
    expect((await t.api(t.adminToken).put('/api/reference/minimum-wages', wages)).status).toBe(200);
    const r = await t.api(a.tokens.chair).get('/api/audit-log?entity=minimum_wages');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items[0]).toMatchObject({ entity: 'minimum_wages', actor: { username: 'admin', role: 'admin' } });
    expect(r.body.items[0].after).toHaveLength(wages.length);
    expect((await t.api(a.tokens.clerk).get('/api/audit-log')).status).toBe(403);
    expect((await t.api(a.tokens.chair).get('/api/audit-log?entity=cases')).status).toBe(400);
  });

  it('the audit log filters by every audited table, average wages included; the vocabulary names them', async () => {
    const put = await t
      .api(t.adminToken)
      .put('/api/reference/average-wages', [
        { district: '全市', year: 2024, monthly: '8000.00', publishedOn: '2025-06-20', source: '测试：市统计局公报' },
      ]);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const r = await t.api(a.tokens.chair).get('/api/audit-log?entity=average_wages');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.items.every((x: Body) => x.entity === 'average_wages')).toBe(true);
    expect(r.body.items[0]).toMatchObject({ action: 'replace', actor: { username: 'admin' }, after: [{ year: 2024, monthly: '8000.00' }] });
    // Every entity the log holds is one the filter accepts and the vocabulary names.
    const vocab = (await t.api(a.tokens.chair).get('/api/reference/vocabulary')).body.auditEntities as Record<string, string>;
    expect(vocab.average_wages).toBe('职工月平均工资');
    const held = (await t.db.knex('audit_log').distinct('entity')).map((x) => x.entity as string);
    expect(held).toContain('average_wages');
    for (const entity of held) {
      expect(Object.keys(vocab)).toContain(entity);
      const f = await t.api(a.tokens.chair).get(`/api/audit-log?entity=${entity}`);
      expect(f.status, entity).toBe(200);
      expect(f.body.total, entity).toBeGreaterThan(0);
    }
    for (const entity of Object.keys(vocab)) expect((await t.api(a.tokens.chair).get(`/api/audit-log?entity=${entity}`)).status).toBe(200);
  });

  it('the vocabulary carries the server’s today, the commission and who may generate each document; the preview suggests a legal basis per item', async () => {
    const v = await t.api(a.tokens.clerk).get('/api/reference/vocabulary');
    expect(v.body).toMatchObject({ today: '2026-04-01', commissionName: t.config.commissionName });
    // The clerk prints an issued award to serve it (app/policy.ts ISSUED_DOCUMENT_ROLES).
    expect(v.body.documentRoles.award).toEqual(['arbitrator', 'clerk']);
    // The employer types the registration form offers (statistics by 用人单位类型).
    expect(v.body.ownershipTypes).toMatchObject({ private: '私营企业', state_owned: '国有企业' });

    const c = await acceptedCase('2026-03-10', 0);
    const claims = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.claims as Body[];
    const p = await t.api(c.token).post(`/api/cases/${c.id}/award-preview`, {
      items: [
        { claimId: claims[0]?.id, outcome: 'granted', amount: '12000.00' },
        { claimId: claims[1]?.id, outcome: 'dismissed' },
      ],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    // Wages granted within the final-award limit: the wages article and LDMAL Art. 47(1); a dismissal: burden of proof.
    expect(p.body.items[0].legalBasis).toEqual([
      '《中华人民共和国劳动合同法》第三十条',
      '《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项',
    ]);
    expect(p.body.items[1].legalBasis).toContain('《中华人民共和国劳动争议调解仲裁法》第六条');
    expect(p.body.items[1].legalBasis.join()).not.toContain('劳动合同法');
  });

  it('the mediators’ workload counts the mediations in hand: assigned open cases and pre-arbitration mediations in progress', async () => {
    const mediatorLoad = async () => {
      const r = await t.api(a.tokens.chair).get('/api/workload?role=mediator');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.items.find((x: Body) => x.id === a.ids.mediator) as Body;
    };
    expect(await mediatorLoad()).toMatchObject({ openCases: 0, hearingsThisWeek: 0 });
    // A pre-arbitration mediation the mediator registers.
    const pre = await t.api(a.tokens.mediator).post('/api/cases', standardApplication({ track: 'mediation' }));
    expect(pre.status, JSON.stringify(pre.body)).toBe(201);
    expect(await mediatorLoad()).toMatchObject({ openCases: 1 });
    // An accepted arbitration case the chair assigns it to, before the tribunal is formed (LDMAL Art. 42).
    const c = await registerCase(t, a, standardApplication());
    await ev(a.tokens.clerk, c.id, { type: 'ACCEPT', occurredOn: '2026-03-10' });
    await ev(a.tokens.chair, c.id, { type: 'ASSIGN_MEDIATOR', occurredOn: '2026-03-11', mediatorId: a.ids.mediator });
    expect(await mediatorLoad()).toMatchObject({ openCases: 2 });
    // The mediator finds the arbitration case assigned to her by the list's filter (her workbench and 调解 page).
    const mine = await t.api(a.tokens.mediator).get(`/api/cases?mediatorId=${a.ids.mediator}`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.items.map((x: Body) => x.id)).toEqual([c.id]);
    expect((await t.api(a.tokens.mediator).get('/api/cases?mediatorId=abc')).status).toBe(400);
    // The pre-arbitration mediation fails: no longer in hand.
    await ev(a.tokens.mediator, pre.body.id, { type: 'MEDIATION_FAILED', occurredOn: '2026-03-12' });
    expect(await mediatorLoad()).toMatchObject({ openCases: 1 });
    // Other mediators' counts are their own; the arbitrators' view is unchanged.
    expect((await t.api(a.tokens.clerk).get('/api/workload?role=mediator')).status).toBe(200);
    expect((await t.api(a.tokens.mediator).get('/api/workload?role=mediator')).status).toBe(403);
    expect((await t.api(a.tokens.chair).get('/api/workload?role=clerk')).status).toBe(400);
  });
  it('the board says which award clocks were already extended (延长审理期限 approved): the workbench reads no case for it', async () => {
    const early = { body: standardApplication({ receivedOn: '2026-02-18' }), acceptOn: '2026-02-20', formOn: '2026-02-24' };
    const plain = (await caseAt(t, a, 'tribunal_formed', early)).c;
    const extended = (await caseAt(t, a, 'tribunal_formed', early)).c;
    await ev(a.tokens.chair, extended.id, { type: 'EXTEND_TIME_LIMIT', occurredOn: '2026-03-31', days: 15, reason: '案情复杂' });
    const board = await t.api(a.tokens.chair).get('/api/board/award-clock?pageSize=100');
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const item = (id: number) => board.body.items.find((x: Body) => x.caseId === id) as Body;
    expect(item(plain.id)).toMatchObject({ extended: false });
    expect(item(extended.id)).toMatchObject({ extended: true });
    expect(board.body.items.every((x: Body) => typeof x.extended === 'boolean')).toBe(true);
  });
});
