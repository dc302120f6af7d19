import { describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { type CaseShape, issueMediationDocument, largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

type Body = Record<string, unknown>;
const { send, ok } = caseEvents<CaseShape & Body>(() => t);

describe(`the procedure over HTTP (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('registration → acceptance → tribunal → hearing → final award → service → effect → archive', async () => {
    const c = await registerCase(t, a);
    const arb = a.arbitrators[0] as { id: number; token: string };
    let r = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    expect(r).toMatchObject({ state: 'accepted', stateLabel: '已受理（待组庭）', acceptedOn: '2026-03-04' });
    expect(r.caseNo).toMatch(/^聊劳人仲案字〔2026〕第\d+号$/);
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    r = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-06');
    expect(r.tribunal).toMatchObject({ kind: 'sole', presidingId: arb.id });
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    for (const p of [...c.applicants, ...c.respondents]) {
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
    }
    r = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    expect(r.state).toBe('heard');
    r = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' },
          { claimId: c.claims[1]?.id, outcome: 'partly', amount: '24120.00' },
        ],
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    expect(r).toMatchObject({ state: 'award_issued', closure: { mode: 'award', closedOn: '2026-04-10' } });
    expect(r.award).toMatchObject({ finality: 'final', minimumWage: { district: '东昌府区', monthly: '2010.00' } });
    expect((r.award as { items: { final: boolean }[] }).items.map((i) => i.final)).toEqual([true, true]);
    for (const p of [...c.applicants, ...c.respondents]) {
      r = await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' },
        '2026-04-13',
      );
    }
    expect(r.state).toBe('award_served');
    // The employer's 30-day set-aside window (LDMAL Art. 49) runs to 2026-05-13: too early to mark effective.
    const early = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-10');
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('windows-still-open');
    r = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-20');
    expect(r.state).toBe('award_effective');
    r = await ok(c, a.tokens.clerk, 'ARCHIVE', {}, '2026-05-21');
    expect(r).toMatchObject({ state: 'archived', stateLabel: '已归档', closure: { mode: 'award' } });
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body;
    expect(history.map((e: { type: string }) => e.type)).toEqual([
      'REGISTER',
      'ACCEPT',
      'SERVE',
      'FORM_TRIBUNAL',
      'SCHEDULE_HEARING',
      'SERVE',
      'SERVE',
      'HOLD_HEARING',
      'ISSUE_AWARD',
      'SERVE',
      'SERVE',
      'MARK_EFFECTIVE',
      'ARCHIVE',
    ]);
    expect(history[8]).toMatchObject({ stateBefore: 'heard', stateAfter: 'award_issued', actor: { role: 'arbitrator', id: arb.id } });
    expect(history[8].payload.award.thresholdAmount).toBe('24120.00');
  });

  it('one fen over 12 × the minimum wage makes an item non-final; a mixed award lists both', async () => {
    const c = await registerCase(t, a, largeApplication());
    const arb = a.arbitrators[1] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第二仲裁庭' }, '2026-03-09');
    // A default award needs the hearing notice proven served on the absent respondent (LDMAL Art. 36).
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.respondents[0]?.id, method: 'post', servedOn: '2026-03-10' },
      '2026-03-10',
    );
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-03-25');
    const r = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: c.claims[0]?.id, outcome: 'granted', amount: '24120.00' },
          { claimId: c.claims[1]?.id, outcome: 'granted', amount: '24120.01' },
        ],
      },
      '2026-04-10',
    );
    expect(r.award).toMatchObject({ finality: 'mixed', defaultAward: true });
    expect((r.award as { items: { final: boolean }[] }).items.map((i) => i.final)).toEqual([true, false]);
  });

  it('refuses illegal steps with 409 and the allowed events, legal-rule refusals with 422 and the source', async () => {
    const c = await registerCase(t, a);
    const early = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', {
      arbitratorIds: [a.arbitrators[0]?.id],
      presidingId: a.arbitrators[0]?.id,
    });
    expect(early.status).toBe(409);
    expect(early.type).toBe('application/problem+json');
    expect(early.body.allowed).toEqual(expect.arrayContaining(['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT']));
    expect(early.body.state).toBe('received');
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const ext = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 16 }, '2026-03-05');
    expect(ext.status).toBe(422);
    expect(ext.body).toMatchObject({ rule: 'extension-max-15', source: 'LDMAL Art. 43; Rules Art. 45', field: 'days' });
    // 45 days from 2026-03-04 → 2026-04-18 (Saturday) → rolls to Monday 2026-04-20; extension after that is refused.
    const late = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10 }, '2026-04-21');
    expect(late.status).toBe(422);
    expect(late.body.rule).toBe('extension-before-deadline');
    expect(late.body.detail).toContain('2026-04-20');
  });

  it('a collective case needs a three-member tribunal (422), and three is accepted', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 200 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const ids = a.arbitrators.map((x) => x.id);
    const sole = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [ids[0]], presidingId: ids[0] }, '2026-03-05');
    expect(sole.status).toBe(422);
    expect(sole.body.rule).toBe('collective-needs-three-arbitrators');
    const three = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[1] }, '2026-03-05');
    expect(three.tribunal).toMatchObject({ kind: 'panel', presidingId: ids[1] });
    const reps = await send(
      c,
      a.tokens.clerk,
      'RECORD_REPRESENTATIVES',
      { partyIds: c.applicants.slice(0, 2).map((p) => p.id) },
      '2026-03-05',
    );
    expect(reps.status).toBe(422);
    expect(reps.body.rule).toBe('three-to-five-representatives');
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: c.applicants.slice(0, 3).map((p) => p.id) }, '2026-03-05');
  });

  it('a hearing too soon after the notice is refused on the official calendar (422)', async () => {
    const c = await registerCase(t, a);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-09-24');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-09-24');
    // From Friday 2026-09-25: 5 working days are 09-28, 09-29, 09-30, 10-08, 10-09 (National Day 10-01…10-07 skipped).
    const soon = await send(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-10-09', place: '第一仲裁庭' }, '2026-09-25');
    expect(soon.status).toBe(422);
    expect(soon.body.rule).toBe('hearing-notice-5-days');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-10-12', place: '第一仲裁庭' }, '2026-09-25');
  });

  it('a party postponement request later than 3 working days before the hearing is refused (422)', async () => {
    const c = await registerCase(t, a);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-04-20');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-04-20');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-05-11', place: '第一仲裁庭' }, '2026-04-21');
    // Three working days must separate request and hearing: from 05-07 they are 05-08, Saturday 05-09 (make-up
    // working day) and 05-11 — the hearing day itself, too late; from 05-06 they end on 05-09, in time.
    const late = await send(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-05-20', reason: '申请人住院', requestedBy: 'party' },
      '2026-05-07',
    );
    expect(late.status).toBe(422);
    // The day judged is named (legal s46b L1): here the act's own day, no requestedOn given.
    expect(late.body).toMatchObject({ rule: 'postponement-3-days', source: 'LDMAL Art. 35; Rules Art. 38', field: 'occurredOn' });
    const r = await ok(
      c,
      arb.token,
      'POSTPONE_HEARING',
      { hearingOn: '2026-05-20', reason: '申请人住院', requestedBy: 'party' },
      '2026-05-06',
    );
    expect((r.proceedings as { hearing: { hearingOn: string } }).hearing.hearingOn).toBe('2026-05-20');
  });

  it('roles: a clerk cannot form a tribunal; an arbitrator acts only on cases of its own tribunal', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const byClerk = await send(c, a.tokens.clerk, 'FORM_TRIBUNAL', {
      arbitratorIds: [a.arbitrators[0]?.id],
      presidingId: a.arbitrators[0]?.id,
    });
    expect(byClerk.status).toBe(403);
    await ok(
      c,
      a.tokens.chair,
      'FORM_TRIBUNAL',
      { arbitratorIds: [a.arbitrators[0]?.id], presidingId: a.arbitrators[0]?.id },
      '2026-03-05',
    );
    const outsider = await send(
      c,
      a.arbitrators[1]?.token as string,
      'SCHEDULE_HEARING',
      { hearingOn: '2026-03-30', place: '第一仲裁庭' },
      '2026-03-06',
    );
    expect(outsider.status).toBe(403);
    const next = await t.api(a.arbitrators[1]?.token as string).get(`/api/cases/${c.id}/next-events`);
    expect(next.body).toEqual([]);
    const mine = await t.api(a.arbitrators[0]?.token as string).get(`/api/cases/${c.id}/next-events`);
    expect(mine.body.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['SCHEDULE_HEARING', 'START_MEDIATION', 'ADVANCE_EXECUTION']),
    );
    expect(mine.body.find((e: { type: string }) => e.type === 'SCHEDULE_HEARING')).toEqual({
      type: 'SCHEDULE_HEARING',
      label: '排期开庭',
      roles: ['arbitrator', 'clerk'],
    });
    const filtered = await t.api(a.tokens.analyst).get('/api/cases').query({ arbitratorId: a.arbitrators[0]?.id, pageSize: 200 });
    expect(filtered.body.items.map((x: { id: number }) => x.id)).toContain(c.id);
  });

  it('occurredOn may be past but not future, and not before the previous event; bad ids are 400', async () => {
    const c = await registerCase(t, a);
    const future = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-21');
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe('occurredOn');
    const beforeRegistration = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-01');
    expect(beforeRegistration.status).toBe(400);
    const unknown = await send(c, a.tokens.clerk, 'FLY_TO_MOON' as EventType);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('type');
    const extra = await send(c, a.tokens.clerk, 'ACCEPT', { caseNo: 'x' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].path).toBe('caseNo');
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const badParty = await send(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: 999999, method: 'direct' });
    expect(badParty.status).toBe(400);
    expect(badParty.body.errors[0].path).toBe('partyId');
    const notArbitrator = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', {
      arbitratorIds: [t.userId('clerk')],
      presidingId: t.userId('clerk'),
    });
    expect(notArbitrator.status).toBe(400);
    expect(notArbitrator.body.errors[0].path).toBe('arbitratorIds.0');
  });

  it('If-Match: a stale version is 412 and nothing changes', async () => {
    const c = await registerCase(t, a);
    const stale = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, { type: 'ACCEPT' }).set('If-Match', '7');
    expect(stale.status).toBe(412);
    const fresh = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' })
      .set('If-Match', '1');
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(2);
    const patch = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: '改' });
    expect(patch.status).toBe(409);
  });

  it('mediation inside arbitration closes by mediation only when both parties sign', async () => {
    const c = await registerCase(t, a);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15 }, '2026-03-04');
    // Who else may assign the mediator, as the clerk's screen says it: the chair and the arbitrators, not the clerk
    // (who assigns only in a pre-arbitration mediation) — "由其他人员办理" named the clerk (new user's walk).
    const roles = async () =>
      ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events?all=true`)).body as { type: string; roles: string[] }[]).find(
        (x) => x.type === 'ASSIGN_MEDIATOR',
      )?.roles;
    expect(await roles()).toEqual(['chair', 'arbitrator']);
    // Before a tribunal exists, the chair assigns the mediator who conducts the mediation (api.md "Scope (v1.1)").
    await ok(c, a.tokens.chair, 'ASSIGN_MEDIATOR', { mediatorId: a.ids.mediator }, '2026-03-05');
    await ok(c, a.tokens.mediator, 'START_MEDIATION', {}, '2026-03-05');
    // LDMAL Art. 42(2)–(3); Rules Art. 73: the 调解书 is the tribunal's, signed by its arbitrators — no agreement is
    // recorded (and no document made) before the tribunal is formed; the tribunal can be formed during the mediation.
    const next = async (token: string) =>
      ((await t.api(token).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((x) => x.type);
    expect(await next(a.tokens.mediator)).not.toContain('MEDIATION_AGREED');
    expect(await next(a.tokens.mediator)).toContain('MEDIATION_FAILED');
    expect(await next(a.tokens.chair)).toContain('FORM_TRIBUNAL');
    const early = await send(c, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资12000元' }, '2026-03-06');
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('mediation-document-needs-tribunal');
    expect(early.body.detail).toContain('请先组成仲裁庭');
    expect((await t.api(a.tokens.mediator).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' })).status).toBe(409);
    let r = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-06');
    expect(r).toMatchObject({ state: 'in_mediation', tribunal: { presidingId: arb.id } });
    expect(await next(a.tokens.chair)).not.toContain('FORM_TRIBUNAL');
    r = await ok(c, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '被申请人支付工资12000元' }, '2026-03-06');
    expect(r.state).toBe('mediation_signing');
    await issueMediationDocument(t, a.tokens.mediator, c);
    r = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-09' }, '2026-03-09');
    expect(r.state).toBe('mediation_signing');
    r = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, signedOn: '2026-03-10' }, '2026-03-10');
    expect(r).toMatchObject({ state: 'closed_mediation', closure: { mode: 'mediation', closedOn: '2026-03-10' } });
    // The signatures came in time: that deadline is met on the day the document took effect (LDMAL Art. 42), never
    // overdue later; the tribunal notice never served is not "done" — the closure made it moot, and it says so.
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    const dl = (kind: string) => v.deadlines.find((d: { kind: string }) => d.kind === kind);
    expect(dl('mediation_signature').status).toBe('met');
    expect(dl('mediation_signature').explanation).toContain('已于2026-03-10完成。');
    expect(dl('tribunal_notice').explanation).toContain('案件已于2026-03-10结案，此项不再需要。');
    expect(dl('tribunal_notice').explanation).not.toContain('完成');
    // The document the tribunal made: signed by its arbitrator.
    const doc = await generatedText(t, arb.token, c.id, { kind: 'mediation_document' });
    expect(doc).toContain('本案经仲裁庭主持调解');
    expect(doc).toMatch(/即具有法律效力。仲裁员\S/);
  });

  it('a mediation begun before the tribunal that fails returns to the tribunal formed there', async () => {
    const c = await registerCase(t, a);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'ASSIGN_MEDIATOR', { mediatorId: a.ids.mediator }, '2026-03-05');
    await ok(c, a.tokens.mediator, 'START_MEDIATION', {}, '2026-03-05');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-06');
    const r = await ok(c, a.tokens.mediator, 'MEDIATION_FAILED', {}, '2026-03-07');
    expect(r.state).toBe('tribunal_formed');
  });

  it('withdrawal, termination and rejection each close with their mode', async () => {
    const w = await registerCase(t, a);
    await ok(w, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    expect((await ok(w, a.tokens.clerk, 'WITHDRAW', { reason: '已和解' }, '2026-03-05')).closure).toEqual({
      mode: 'withdrawal',
      closedOn: '2026-03-05',
      reason: '已和解',
    });
    const term = await registerCase(t, a);
    await ok(term, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    expect((await ok(term, a.tokens.chair, 'TERMINATE', { reason: '法院已受理' }, '2026-05-05')).closure).toMatchObject({
      mode: 'termination',
    });
    const rej = await registerCase(t, a);
    const r = await ok(rej, a.tokens.clerk, 'REJECT', { reason: '不属于受案范围' }, '2026-03-04');
    expect(r).toMatchObject({ state: 'rejected', caseNo: null, closure: { mode: 'rejection' } });
  });

  it('pre-arbitration mediation refers to arbitration, creating a linked application', async () => {
    const m = (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn: '2026-03-02' }))).body;
    const tooEarly = await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-03-10');
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.rule).toBe('mediation-15-days');
    const r = await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-03-20');
    expect(r.state).toBe('mediation_referred');
    const linked = (await t.api(a.tokens.clerk).get(`/api/cases/${r.linkedCaseId}`)).body;
    expect(linked).toMatchObject({ track: 'arbitration', state: 'received', receivedOn: '2026-03-20', linkedCaseId: m.id });
    expect(linked.applicants[0].name).toBe(m.applicants[0].name);
  });

  it('suspension pauses the award clock; resumption restores the stage', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定' }, '2026-03-10');
    const r = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-03-20');
    expect(r.state).toBe('accepted');
    const award = (r.deadlines as { kind: string; dueOn: string; explanation: string }[]).find((d) => d.kind === 'award');
    // 45 + 10 paused days from 2026-03-04 → 2026-04-28 (Tuesday).
    expect(award?.dueOn).toBe('2026-04-28');
    expect(award?.explanation).toContain('中止审理2026-03-10至恢复审理之日2026-03-20前一日（10天）');
  });
});
