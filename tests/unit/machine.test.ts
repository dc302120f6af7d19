import { describe, expect, it } from 'vitest';
import { MACHINE_VERSION } from '../../workflows/case-machine.ts';
import {
  type ApplyResult,
  applyEvent,
  availableEvents,
  migrateSnapshot,
  restore,
  type Snapshot,
  startCase,
} from '../../workflows/procedure.ts';
import type { CaseInput, EventType, Facts } from '../../workflows/procedure-types.ts';

const base: CaseInput = {
  track: 'arbitration',
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-03-02',
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [
    { id: 10, category: 'wages' },
    { id: 11, category: 'contract' },
  ],
};

class Driver {
  snap: Snapshot;
  day = '2026-03-03';
  constructor(input: Partial<CaseInput> = {}) {
    this.snap = restore(startCase({ ...base, ...input }));
  }
  try(type: EventType, payload: Record<string, unknown> = {}, facts: Facts = {}): ApplyResult {
    return applyEvent(this.snap, { type, occurredOn: this.day, payload, facts });
  }
  do(type: EventType, payload: Record<string, unknown> = {}, facts: Facts = {}): string {
    const r = this.try(type, payload, facts);
    if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r)}`);
    this.snap = r.next;
    return r.state;
  }
  get ctx() {
    return this.snap.context;
  }
}

const award = (finality: 'final' | 'non_final' | 'mixed') => ({
  items: [
    { claimId: 10, outcome: 'granted', amount: '100.00' },
    { claimId: 11, outcome: 'dismissed' },
  ],
  award: { items: [], finality, issuedOn: '2026-03-03', minimumWage: null, defaultAward: false },
});

function toHeard(d: Driver, opts: { applicantPresent?: boolean; noticeApplicantOn?: string } = {}) {
  d.do('ACCEPT');
  d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
  d.do('SCHEDULE_HEARING', { hearingOn: '2026-03-20', place: '第一仲裁庭' }, { hearingNoticeOk: true });
  if (opts.noticeApplicantOn) {
    d.day = opts.noticeApplicantOn;
    d.do('SERVE', { document: 'hearing_notice', partyId: 1, method: 'direct' });
  }
  d.day = '2026-03-20';
  return d.do('HOLD_HEARING', { applicantPresent: opts.applicantPresent ?? true, respondentPresent: true });
}

describe('stored snapshots', () => {
  it('restore from {value, context} and carry their machine version; a newer version is refused', () => {
    const stored = startCase(base);
    expect(stored.machineVersion).toBe(MACHINE_VERSION);
    const json = JSON.parse(JSON.stringify(stored));
    const snap = restore(json);
    expect(availableEvents(snap, '2026-03-03')).toContain('ACCEPT');
    expect(() => restore({ ...json, machineVersion: MACHINE_VERSION + 1 })).toThrow(/newer machine/);
  });
  it('version 1 → 2: a public-notice service gets its publication day and the deemed service day 30 days later', () => {
    const v1 = JSON.parse(JSON.stringify(startCase(base)));
    v1.machineVersion = 1;
    delete v1.context.courtOutcomes;
    v1.context.services = [
      { document: 'respond_notice', partyId: 2, method: 'public_notice', servedOn: '2026-03-06' },
      { document: 'respond_notice', partyId: 1, method: 'direct', servedOn: '2026-03-06' },
    ];
    const m = migrateSnapshot(v1);
    expect(m.machineVersion).toBe(MACHINE_VERSION);
    expect(m.context.services).toEqual([
      { document: 'respond_notice', partyId: 2, method: 'public_notice', publishedOn: '2026-03-06', servedOn: '2026-04-05' },
      { document: 'respond_notice', partyId: 1, method: 'direct', servedOn: '2026-03-06' },
    ]);
    expect(m.context.courtOutcomes).toEqual([]);
    expect(migrateSnapshot(m)).toEqual(m);
  });
  it('version 2 → 3: a change that only gave claims up loses the clock restart version 2 recorded for it', () => {
    const v2 = JSON.parse(JSON.stringify(startCase(base)));
    v2.machineVersion = 2;
    const change = (on: string, added: number[], withdrawn: number[]) => ({
      on,
      added,
      changed: [],
      withdrawn,
      respondentWaivesDefense: false,
      consentsBefore: 0,
    });
    v2.context.claimChanges = [change('2026-03-10', [], [11]), change('2026-03-12', [12], []), change('2026-03-12', [], [10])];
    v2.context.clockRestarts = [
      { on: '2026-03-08', reason: 'party_added' },
      { on: '2026-03-10', reason: 'claims_changed' },
      { on: '2026-03-12', reason: 'claims_changed' },
      { on: '2026-03-12', reason: 'claims_changed' },
    ];
    const m = migrateSnapshot(v2);
    expect(m.machineVersion).toBe(3);
    // The same day as a change adding a claim, the restarts stay (that day restarts the clock anyway).
    expect(m.context.clockRestarts).toEqual([
      { on: '2026-03-08', reason: 'party_added' },
      { on: '2026-03-12', reason: 'claims_changed' },
      { on: '2026-03-12', reason: 'claims_changed' },
    ]);
    expect(migrateSnapshot(m)).toEqual(m);
  });
});

describe('procedure statechart guards', () => {
  it('asks for a supplement only once (Rules Art. 29)', () => {
    const d = new Driver();
    expect(d.do('REQUEST_SUPPLEMENT', { items: ['身份证复印件'] })).toBe('pending_supplement');
    expect(d.do('SUPPLEMENT_RECEIVED')).toBe('received');
    expect(d.ctx.supplement?.completedOn).toBe('2026-03-03');
    const again = d.try('REQUEST_SUPPLEMENT', { items: ['x'] });
    expect(again).toMatchObject({ ok: false, reason: 'not_allowed' });
  });

  it('rejection closes the application without acceptance', () => {
    const d = new Driver();
    expect(d.do('REJECT', { reason: '不属于受案范围' })).toBe('rejected');
    expect(d.ctx.closure).toEqual({ mode: 'rejection', closedOn: '2026-03-03', reason: '不属于受案范围' });
    expect(d.ctx.acceptedOn).toBeNull();
  });

  it('a collective case needs three arbitrators (OrgRules Art. 13; Rules Art. 66)', () => {
    const d = new Driver({ collective: true });
    d.do('ACCEPT');
    const sole = d.try('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
    expect(sole).toMatchObject({ ok: false, reason: 'rule', violation: { rule: 'collective-needs-three-arbitrators' } });
    expect(d.do('FORM_TRIBUNAL', { arbitratorIds: [7, 8, 9], presidingId: 8 })).toBe('tribunal_formed');
    expect(new Driver().try('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 })).toMatchObject({ ok: false, reason: 'not_allowed' });
  });

  it('refuses a hearing date the notice cannot precede by 5 working days', () => {
    const d = new Driver();
    d.do('ACCEPT');
    d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
    expect(d.try('SCHEDULE_HEARING', { hearingOn: '2026-03-05', place: 'x' }, { hearingNoticeOk: false })).toMatchObject({
      ok: false,
      reason: 'rule',
      violation: { rule: 'hearing-notice-5-days', source: 'LDMAL Art. 35; Rules Art. 38' },
    });
  });

  it('extends the award limit once, by at most 15 days, before it runs out (LDMAL Art. 43)', () => {
    const d = new Driver();
    d.do('ACCEPT');
    expect(d.try('EXTEND_TIME_LIMIT', { days: 16 }, { awardDueOn: '2026-04-17' })).toMatchObject({
      ok: false,
      violation: { rule: 'extension-max-15' },
    });
    d.day = '2026-04-18';
    expect(d.try('EXTEND_TIME_LIMIT', { days: 10 }, { awardDueOn: '2026-04-17' })).toMatchObject({
      ok: false,
      violation: { rule: 'extension-before-deadline' },
    });
    d.day = '2026-04-17';
    d.do('EXTEND_TIME_LIMIT', { days: 15 }, { awardDueOn: '2026-04-17' });
    expect(d.ctx.extension).toEqual({ days: 15, approvedOn: '2026-04-17' });
    // Once: a second is refused with its rule (not as a state that takes no extension), and is not offered.
    expect(d.try('EXTEND_TIME_LIMIT', { days: 1 }, { awardDueOn: '2026-05-02' })).toMatchObject({
      ok: false,
      violation: { rule: 'extension-once' },
    });
    expect(availableEvents(d.snap, d.day)).not.toContain('EXTEND_TIME_LIMIT');
  });

  it('an extension that would leave the limit where a rest day carried it is refused: it would spend the only one on nothing', () => {
    const d = new Driver();
    d.do('ACCEPT');
    // The limit's 45th day carried from Saturday 04-18 to Monday 04-20; 1 day more from the 18th is the 19th.
    expect(d.try('EXTEND_TIME_LIMIT', { days: 1 }, { awardDueOn: '2026-04-20', extendedDueOn: '2026-04-20' })).toMatchObject({
      ok: false,
      violation: { rule: 'extension-changes-nothing', field: 'days' },
    });
    d.do('EXTEND_TIME_LIMIT', { days: 5 }, { awardDueOn: '2026-04-20', extendedDueOn: '2026-04-23' });
  });

  it("the 调解书 is the tribunal's (LDMAL Art. 42(2)–(3)): no agreement before a tribunal; it can be formed during the mediation", () => {
    const d = new Driver();
    d.do('ACCEPT');
    d.do('START_MEDIATION');
    expect(d.try('MEDIATION_AGREED', { terms: '支付工资' })).toMatchObject({
      ok: false,
      violation: { rule: 'mediation-document-needs-tribunal' },
    });
    expect(availableEvents(d.snap, d.day)).not.toContain('MEDIATION_AGREED');
    expect(availableEvents(d.snap, d.day)).toContain('FORM_TRIBUNAL');
    expect(d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 })).toBe('in_mediation');
    expect(availableEvents(d.snap, d.day)).not.toContain('FORM_TRIBUNAL');
    expect(d.do('MEDIATION_AGREED', { terms: '支付工资' })).toBe('mediation_signing');
    // A case stored before the rule, at signing without a tribunal: no signature until the tribunal is formed there.
    const old = new Driver();
    old.do('ACCEPT');
    old.do('START_MEDIATION');
    old.snap = restore({
      machineVersion: MACHINE_VERSION,
      value: d.snap.value,
      context: { ...d.ctx, tribunal: null, stageBefore: 'accepted' },
    });
    expect(old.try('SIGN_MEDIATION_DOCUMENT', { partyId: 1 })).toMatchObject({
      ok: false,
      violation: { rule: 'mediation-document-needs-tribunal' },
    });
    expect(availableEvents(old.snap, old.day)).toContain('FORM_TRIBUNAL');
    const legacy = old.snap;
    old.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
    expect(old.do('SIGN_MEDIATION_DOCUMENT', { partyId: 1 })).toBe('mediation_signing');
    // A party going back on the agreement is recorded whatever the tribunal (LDMAL Art. 42(4)) — reviewer.
    old.snap = legacy;
    expect(old.try('SIGN_MEDIATION_DOCUMENT', { partyId: 1, refused: true })).toMatchObject({ ok: true });
    // One party signed the commission's document before the rule: the other signs the same document.
    old.snap = restore({
      machineVersion: MACHINE_VERSION,
      value: d.snap.value,
      context: {
        ...d.ctx,
        tribunal: null,
        stageBefore: 'accepted',
        mediation: { ...(d.ctx.mediation as NonNullable<typeof d.ctx.mediation>), signatures: [{ partyId: 1, signedOn: d.day }] },
      },
    });
    expect(old.try('SIGN_MEDIATION_DOCUMENT', { partyId: 2 })).toMatchObject({ ok: true });
  });

  it('suspension returns to the stage it interrupted', () => {
    const d = new Driver();
    d.do('ACCEPT');
    d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
    expect(d.do('SUSPEND', { reason: '等待工伤认定结论' })).toBe('suspended');
    expect(availableEvents(d.snap, d.day)).not.toContain('SCHEDULE_HEARING');
    d.day = '2026-03-10';
    expect(d.do('RESUME', {})).toBe('tribunal_formed');
    expect(d.ctx.suspensions).toEqual([{ from: '2026-03-03', to: '2026-03-10', reason: '等待工伤认定结论' }]);
  });

  it('the mediation document closes the case only when every party has signed (LDMAL Art. 42)', () => {
    const d = new Driver();
    toHeard(d);
    d.do('START_MEDIATION');
    expect(d.do('MEDIATION_AGREED', { terms: '被申请人支付申请人工资10000元' })).toBe('mediation_signing');
    expect(d.do('SIGN_MEDIATION_DOCUMENT', { partyId: 1 })).toBe('mediation_signing');
    expect(d.try('SIGN_MEDIATION_DOCUMENT', { partyId: 1 })).toMatchObject({ ok: false, violation: { rule: 'already-signed' } });
    d.day = '2026-03-22';
    expect(d.do('SIGN_MEDIATION_DOCUMENT', { partyId: 2, signedOn: '2026-03-22' })).toBe('closed_mediation');
    expect(d.ctx.closure).toEqual({ mode: 'mediation', closedOn: '2026-03-22' });
  });

  it('a refusal to sign returns the case to award drafting', () => {
    const d = new Driver();
    toHeard(d);
    d.do('START_MEDIATION');
    d.do('MEDIATION_AGREED', { terms: '…' });
    expect(d.do('SIGN_MEDIATION_DOCUMENT', { partyId: 2, refused: true })).toBe('heard');
    expect(availableEvents(d.snap, d.day)).toContain('ISSUE_AWARD');
    expect(d.ctx.mediationHistory.at(-1)?.outcome).toBe('refused');
  });

  it('before the hearing, failed mediation returns to the stage it started from', () => {
    const d = new Driver();
    d.do('ACCEPT');
    d.do('START_MEDIATION');
    expect(d.do('MEDIATION_FAILED', {})).toBe('accepted');
  });

  it('deemed withdrawal needs an absent applicant and a proven hearing notice (Rules Art. 39)', () => {
    const present = new Driver();
    toHeard(present);
    expect(present.try('DEEM_WITHDRAWN')).toMatchObject({ ok: false, reason: 'not_allowed' });
    const absent = new Driver();
    toHeard(absent, { applicantPresent: false });
    expect(absent.try('DEEM_WITHDRAWN')).toMatchObject({ ok: false, violation: { rule: 'hearing-notice-not-proven' } });
    // A notice served on the hearing day or after it is no notice of that hearing (LDMAL Art. 36).
    absent.do('SERVE', { document: 'hearing_notice', partyId: 1, method: 'direct' });
    expect(absent.try('DEEM_WITHDRAWN')).toMatchObject({ ok: false, violation: { rule: 'hearing-notice-not-proven' } });
    const noticed = new Driver();
    toHeard(noticed, { applicantPresent: false, noticeApplicantOn: '2026-03-05' });
    expect(noticed.do('DEEM_WITHDRAWN')).toBe('closed_deemed_withdrawn');
    expect(noticed.ctx.closure).toMatchObject({
      mode: 'deemed_withdrawal',
      absentNotices: [{ partyId: 1, side: 'applicant', servedOn: '2026-03-05', document: 'hearing_notice', method: 'direct' }],
    });
  });

  it('advance execution only for remuneration, medical, compensation or damages claims (LDMAL Art. 44)', () => {
    const d = new Driver();
    d.do('ACCEPT');
    d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
    expect(d.try('ADVANCE_EXECUTION', { claimIds: [11] })).toMatchObject({
      ok: false,
      violation: { rule: 'advance-execution-categories' },
    });
    expect(d.try('ADVANCE_EXECUTION', { claimIds: [10], rightsClear: true })).toMatchObject({
      ok: false,
      violation: { rule: 'advance-execution-conditions' },
    });
    d.do('ADVANCE_EXECUTION', { claimIds: [10], rightsClear: true, lifeSeriouslyAffected: true });
    expect(availableEvents(d.snap, d.day)).toContain('TRANSFER_TO_COURT');
    // The package holds the ruling's proof of service: served on the respondent first.
    expect(d.try('TRANSFER_TO_COURT', { purpose: 'advance_execution', court: '聊城市东昌府区人民法院' })).toMatchObject({
      ok: false,
      violation: { rule: 'advance-execution-not-served' },
    });
    d.do('SERVE', { document: 'advance_execution_ruling', partyId: 2, method: 'direct' });
    d.do('TRANSFER_TO_COURT', { purpose: 'advance_execution', court: '聊城市东昌府区人民法院' });
    expect(d.ctx.advanceExecutions[0]?.transferredOn).toBe('2026-03-03');
    expect(availableEvents(d.snap, d.day)).not.toContain('TRANSFER_TO_COURT');
  });

  it('an award must decide every claim not already decided by a partial award', () => {
    const d = new Driver();
    toHeard(d);
    d.do('PARTIAL_AWARD', {
      items: [{ claimId: 10, outcome: 'granted', amount: '1.00' }],
      award: { ...award('final').award, items: [{ claimId: 10 }] },
    });
    expect(d.try('ISSUE_AWARD', { items: [{ claimId: 10, outcome: 'granted', amount: '1' }] })).toMatchObject({
      ok: false,
      violation: { rule: 'claim-already-decided' },
    });
    expect(d.try('ISSUE_AWARD', { items: [{ claimId: 11, outcome: 'dismissed' }], award: award('non_final').award })).toMatchObject({
      ok: true,
    });
    const fresh = new Driver();
    toHeard(fresh);
    expect(fresh.try('ISSUE_AWARD', { items: [{ claimId: 10, outcome: 'granted', amount: '1' }] })).toMatchObject({
      ok: false,
      violation: { rule: 'award-must-decide-every-claim' },
    });
  });

  it('after a final award the employer cannot sue, only apply to set aside (LDMAL Arts. 48–49)', () => {
    const d = new Driver();
    toHeard(d);
    d.do('ISSUE_AWARD', award('final'));
    expect(d.ctx.effectiveOn).toBe('2026-03-20');
    expect(d.try('RECORD_LAWSUIT', { partyId: 2, court: 'x', filedOn: '2026-03-21' })).toMatchObject({
      ok: false,
      violation: { rule: 'employer-cannot-sue-final' },
    });
    expect(d.do('RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-03-25' })).toBe('set_aside_pending');
    expect(d.do('RECORD_SET_ASIDE', { result: 'set_aside' })).toBe('award_set_aside');
  });

  it('a non-final award cannot be set aside, and takes effect only after the windows close', () => {
    const d = new Driver();
    toHeard(d);
    d.do('ISSUE_AWARD', award('non_final'));
    expect(availableEvents(d.snap, d.day)).not.toContain('RECORD_SET_ASIDE');
    expect(d.do('SERVE', { document: 'award', partyId: 1, method: 'direct' })).toBe('award_issued');
    expect(d.do('SERVE', { document: 'award', partyId: 2, method: 'post', servedOn: d.day })).toBe('award_served');
    expect(d.try('MARK_EFFECTIVE', {}, { challengeWindowsClosed: false })).toMatchObject({
      ok: false,
      violation: { rule: 'windows-still-open' },
    });
    expect(d.do('MARK_EFFECTIVE', {}, { challengeWindowsClosed: true, effectiveOn: '2026-04-09' })).toBe('award_effective');
    expect(d.ctx.effectiveOn).toBe('2026-04-09');
    expect(d.do('TRANSFER_TO_COURT', { purpose: 'enforcement', court: '聊城市东昌府区人民法院' })).toBe('enforcement_transferred');
    expect(d.do('ARCHIVE')).toBe('archived');
    // fixA50 (legal49a M5): an archived file still takes the court's later outcomes — not a final state any more; with
    // no suit or enforcement pending it takes nothing.
    expect(d.snap.value).toBe('archived');
    expect(d.snap.can({ type: 'RECORD_COURT_OUTCOME', occurredOn: '2026-12-01', probe: true, payload: {} } as never)).toBe(false);
    expect(availableEvents(d.snap, d.day)).toEqual([]);
  });

  it('awards and mediation documents are never served by SMS (Rules Art. 59)', () => {
    const d = new Driver({ procedure: 'simple' });
    toHeard(d);
    d.do('ISSUE_AWARD', award('final'));
    expect(d.try('SERVE', { document: 'award', partyId: 1, method: 'sms' })).toMatchObject({
      ok: false,
      violation: { rule: 'no-simple-service-for-award' },
    });
  });

  it('simple procedure converts to ordinary, keeping the acceptance date (Rules Art. 61)', () => {
    const d = new Driver({ procedure: 'simple' });
    d.do('ACCEPT');
    d.do('CONVERT_TO_ORDINARY', {}, { awardDueOn: '2026-04-17' });
    expect(d.ctx.procedure).toBe('ordinary');
    expect(d.ctx.acceptedOn).toBe('2026-03-03');
    expect(availableEvents(d.snap, d.day)).not.toContain('CONVERT_TO_ORDINARY');
  });

  it('pre-arbitration mediation: refer to arbitration only after failure or the 15-day limit (LDMAL Art. 14)', () => {
    const m = new Driver({ track: 'mediation' });
    expect(m.snap.value).toEqual({ mediation_track: 'mediation_in_progress' });
    expect(m.try('REFER_TO_ARBITRATION', {}, { mediationLimitPassed: false })).toMatchObject({
      ok: false,
      violation: { rule: 'mediation-15-days' },
    });
    expect(m.do('REFER_TO_ARBITRATION', {}, { mediationLimitPassed: true })).toBe('mediation_referred');
    const failed = new Driver({ track: 'mediation' });
    failed.do('MEDIATION_FAILED');
    expect(failed.do('REFER_TO_ARBITRATION', {}, { mediationLimitPassed: false })).toBe('mediation_referred');
  });
});
