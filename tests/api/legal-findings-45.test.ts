import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { creditCode, employer, worker } from '../helpers/fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside legal tester's findings (stop 45, API only): a mixed award whose final part is set aside keeps its
 * non-final part (LDMAL Arts. 49–50); VOID_REGISTRATION.duplicateOf names a case of the same applicant and is answered
 * with the helpful 422 while a supplement is awaited (Rules Arts. 29, 34); a defense period run out with no defense is
 * `elapsed`, not `met`; the hearing warnings name the unit and the unserved respondent. "Today" is 2026-11-20.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { send, ok } = caseEvents(() => t);
type Deadline = { kind: string; label: string; basis: string; dueOn: string | null; status: string; explanation: string; partyId?: number };
const deadline = (v: CaseView, kind: string, partyId?: number) =>
  (v.deadlines as Deadline[]).find((d) => d.kind === kind && (partyId === undefined || d.partyId === partyId)) as Deadline;
const nextEvents = async (c: { id: number }) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);
const COURT = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';
// 12 × the minimum wage of 2010.00 is 24120.00: the first item is final, the second not (LDMAL Art. 47; SPC-1 Art. 19).
const MIXED = ['24120.00', '24120.01'];

/** A mixed award made 04-10 and served on both parties 04-13; the employer applies 04-20 to set the final part aside. */
async function mixedUnderSetAside() {
  const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication() });
  const items = MIXED.map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
  const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
  expect((issued.award as { finality: string }).finality).toBe('mixed');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
  const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-20' }, '2026-04-20');
  expect(v.state).toBe('set_aside_pending');
  return { c, arb, worker1: c.applicants[0]?.id as number, company: c.respondents[0]?.id as number };
}

describe(`legal findings, stop 45 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M2: the final part of a mixed award set aside, the non-final part takes effect under LDMAL Art. 50 and is enforced', async () => {
    const { c, arb, worker1, company } = await mixedUnderSetAside();
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    // Not the whole case set aside: the non-final award (第N-2号) stands, served, its windows running.
    expect(v.state).toBe('award_served');
    expect(v.proceedings.setAside).toMatchObject({ result: 'set_aside', decidedOn: '2026-04-24' });
    const offered = await nextEvents(c);
    expect(offered).toEqual(expect.arrayContaining(['MARK_EFFECTIVE', 'RECORD_LAWSUIT']));
    // Nothing left to apply to set aside.
    expect(offered).not.toContain('RECORD_SET_ASIDE');
    expect((await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-25' }, '2026-04-25')).status).toBe(409);
    // The worker's window on the final part ended with it; the parties may sue on its matters within 15 days (Art. 49(3)).
    const finalWindow = deadline(v, 'sue_final_worker', worker1);
    expect(finalWindow.status).toBe('ended');
    expect(finalWindow.explanation).toContain('终局裁决部分已于2026-04-24被人民法院裁定撤销');
    expect(deadline(v, 'sue_after_set_aside', worker1)).toMatchObject({ dueOn: '2026-05-09' });
    // The non-final part: every party's 15 days from 04-13 end 04-28 → effective 04-29.
    expect(deadline(v, 'sue_non_final', company)).toMatchObject({ dueOn: '2026-04-28' });
    const eff = deadline(v, 'effective');
    expect(eff).toMatchObject({ label: '非终局裁决生效日期', dueOn: '2026-04-29' });
    expect(eff.explanation).toContain('终局部分已于2026-04-24被人民法院裁定撤销');
    expect((await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-28')).body.rule).toBe('windows-still-open');
    v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-29');
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-04-29' } });
    expect(await nextEvents(c)).not.toContain('RECORD_SET_ASIDE');
    // LDMAL Art. 51: the effective non-final award is enforced (reviewer s45 H1: 409, and its package 422 "撤销") — the
    // package encloses the non-final award (第N-2号) only, not the final part set aside.
    const docs = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/documents`, { kind: 'award', facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE });
    expect(docs.status, JSON.stringify(docs.body)).toBe(201);
    const nonFinal = (docs.body.documents as { id: number; caseNo: string }[]).find((d) => /-2号$/.test(d.caseNo));
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    const zip = await JSZip.loadAsync((await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('documents/') && !f.endsWith('/'))).toEqual([
      `documents/${nonFinal?.id}-award.pdf`,
    ]);
    // legal s46 L3: case.json says which items were set aside — a court reading it by machine enforces the rest only.
    const caseJson = JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string'));
    expect(caseJson.schemaVersion).toBe('1.6');
    // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
    const closed = closedCaseJsonValidator();
    expect(closed(caseJson), JSON.stringify(closed.errors)).toBe(true);
    const items = caseJson.award.items as { final: boolean; setAside: boolean }[];
    expect(items.some((i) => i.final)).toBe(true);
    for (const i of items) expect(i.setAside).toBe(i.final);
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: worker1, court: BASIC }, '2026-05-20');
    expect(v.state).toBe('enforcement_applied');
  });

  it('M2: a party sues on the non-final part after the set-aside; withdrawn, the award takes effect (SPC-2000 Art. 1)', async () => {
    const { c, company } = await mixedUnderSetAside();
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    let v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: company, court: BASIC, filedOn: '2026-04-27', matter: 'award' },
      '2026-04-27',
    );
    expect(v.state).toBe('in_litigation');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-06-01', servedOn: '2026-06-05' },
      '2026-06-05',
    );
    // Before the fix: court_decided — the set-aside of the final part was read as the end of the whole award.
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-06-05' } });
  });

  it('M2: the set-aside of a mixed award already marked effective leaves it effective; a pure final award is set aside whole', async () => {
    const { c } = await mixedUnderSetAside();
    await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-29');
    const v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-05-10' }, '2026-05-10');
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-04-29' } });

    const { c: f, arb } = await caseAt(t, a, 'heard');
    const items = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: f.claims[i]?.id, outcome: 'granted', amount }));
    expect(((await ok(f, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10')).award as { finality: string }).finality).toBe('final');
    await ok(f, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: COURT, filedOn: '2026-04-20' }, '2026-04-20');
    const gone = await ok(f, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-05-10' }, '2026-05-10');
    expect(gone.state).toBe('award_set_aside');
    expect((gone.deadlines as Deadline[]).some((d) => d.kind === 'effective')).toBe(false);
  });

  it('L1: VOID_REGISTRATION.duplicateOf names a case with an applicant in common (Rules Art. 34), else 422 naming the field', async () => {
    const other = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [worker('工人乙', 451)],
        respondents: [{ ...employer('聊城某某商贸有限公司'), creditCode: creditCode('91371500MA3C7K2M9') }],
      }),
    );
    const first = await registerCase(t, a, standardApplication({ applicants: [worker('工人甲', 452)] }));
    const copy = await registerCase(t, a, standardApplication({ applicants: [worker('工人甲', 452)] }));
    const r = await send(copy, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '重复登记同一申请', duplicateOf: other.id }, '2026-06-01');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'duplicate-of-no-common-applicant', field: 'duplicateOf' });
    // Another day's application of the same worker is another application: decided by 不予受理, not voided (s45 M1).
    const later = await registerCase(t, a, standardApplication({ applicants: [worker('工人甲', 452)], receivedOn: '2026-03-05' }));
    const again = await send(
      later,
      a.tokens.clerk,
      'VOID_REGISTRATION',
      { reason: '重复登记同一申请', duplicateOf: first.id },
      '2026-06-01',
    );
    expect(again.status, JSON.stringify(again.body)).toBe(422);
    expect(again.body).toMatchObject({ rule: 'duplicate-of-other-application', field: 'duplicateOf' });
    expect(again.body.detail).toContain('不予受理');
    const voided = await ok(copy, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '重复登记同一申请', duplicateOf: first.id }, '2026-06-01');
    expect(voided.state).toBe('voided');
  });

  it('L2: VOID_REGISTRATION while a supplement is awaited answers 422 void-after-supplement-request, not 409', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('工人丙', 453)] }));
    await ok(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['身份证复印件'] }, '2026-06-01');
    const r = await send(c, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '重复登记同一申请' }, '2026-06-02');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.rule).toBe('void-after-supplement-request');
    expect(await nextEvents(c)).not.toContain('VOID_REGISTRATION');
  });

  it('L3: a defense period run out with no defense is `elapsed`; one answered in time is `met`', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const respondent = c.respondents[0]?.id;
    let v = await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct' }, '2026-03-06');
    expect(deadline(v, 'defense')).toMatchObject({ dueOn: '2026-03-20', status: 'elapsed' });
    expect(deadline(v, 'defense').explanation).toContain('期间已届满');
    v = await ok(c, a.tokens.clerk, 'FILE_DEFENSE', {}, '2026-03-18');
    expect(deadline(v, 'defense')).toMatchObject({ status: 'met' });
  });

  it('L5: the hearing warning names the respondent not yet served', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
      body: standardApplication({
        applicants: [worker('工人丁', 454)],
        respondents: [employer('聊城甲公司'), { ...employer('聊城乙公司'), creditCode: creditCode('91371500MA3C7K3N2') }],
      }),
    });
    const [served, unserved] = c.respondents as { id: number }[];
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: served?.id, method: 'direct' }, '2026-03-06');
    const r = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-17', place: '第一仲裁庭' }, '2026-03-09');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const text = (r.body.warnings as string[]).join('');
    expect(text).toContain('被申请人（聊城乙公司）尚未收到仲裁申请书副本');
    expect(text).not.toContain('聊城甲公司');
    expect(unserved?.id).toBeDefined();
  });

  it('INFO: after a pre-arbitration mediation agreement, the periods to apply for review (Rules Art. 74) and confirmation (CPL Art. 205)', async () => {
    const m = await t
      .api(a.tokens.mediator)
      .post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-11-02', applicants: [worker('工人戊', 455)] }));
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect((m.body.deadlines as Deadline[]).map((d) => d.kind)).toEqual(['mediation']);
    const v = await ok(m.body, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '支付工资' }, '2026-11-10');
    // 11-10 + 15 = 11-25 (Rules Art. 74); + 30 = 12-10 (CPL Art. 205) — today is 11-20: both open, binding no one.
    expect(deadline(v, 'review_filing')).toMatchObject({ dueOn: '2026-11-25', status: 'open', basis: 'Rules Art. 74' });
    expect(deadline(v, 'judicial_confirmation')).toMatchObject({ dueOn: '2026-12-10', status: 'open' });
    expect(deadline(v, 'judicial_confirmation').basis).toContain('CPL Art. 205');
  });

  it('an award made before the respondent was ever served is recorded with a warning, and previewed with it (s45 L2)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00', paymentDays: 10 }));
    const preview = await t
      .api(arb.token)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({ type: 'ISSUE_AWARD', occurredOn: '2026-04-10', items });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    const warnings = issued.warnings as string[];
    expect(warnings.join('')).toContain('裁决日期 2026-04-10 在答辩期届满之前');
    expect(warnings.join('')).toContain('尚未收到仲裁申请书副本');
    expect(JSON.stringify(preview.body)).toContain('裁决日期 2026-04-10 在答辩期届满之前');
  });

  it('two copies voided at once as duplicates of each other: one stands, the other is told why (reviewer s45 M2, sec46 L1)', async () => {
    // sec46 L1: on PostgreSQL each void locked its own case, then the other — a deadlock PostgreSQL broke after a second
    // by failing one (503, to be sent again). The two cases are now locked in id order: the later void waits, then is
    // told the case it names is voided.
    for (let round = 0; round < 3; round++) {
      const body = standardApplication({ applicants: [worker(`工人戊${round}`, 455 + round)] });
      const [x, y] = [await registerCase(t, a, body), await registerCase(t, a, body)];
      const answers = await Promise.all([
        send(x, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '重复登记同一申请', duplicateOf: y.id }, '2026-06-01'),
        send(y, a.tokens.clerk, 'VOID_REGISTRATION', { reason: '重复登记同一申请', duplicateOf: x.id }, '2026-06-01'),
      ]);
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      const loser = answers.find((r) => r.status !== 200);
      expect(loser?.status, JSON.stringify(loser?.body)).toBe(400);
      expect(loser?.body.errors).toEqual([expect.objectContaining({ path: 'duplicateOf', message: expect.stringContaining('已作废') })]);
      const states = await Promise.all([x, y].map(async (c) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state));
      expect(states.sort()).toEqual(['received', 'voided']);
    }
  });
});
