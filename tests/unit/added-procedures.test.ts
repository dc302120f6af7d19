import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { computeDeadlines } from '../../workflows/deadlines.ts';
import { type DuplicateCandidate, duplicateWarnings } from '../../workflows/duplicates.ts';
import { DEFAULT_PERIODS } from '../../workflows/periods.ts';
import { applyEvent, availableEvents, persist, restore, type Snapshot, startCase } from '../../workflows/procedure.ts';
import type { CaseInput, EventType, Facts } from '../../workflows/procedure-types.ts';
import { challengedActorRefusal } from '../../workflows/rules.ts';

/** Issue 11 "Missing": the pure parts of the added procedures (the HTTP tests are tests/api/procedure-added.test.ts). */
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
    { id: 11, category: 'economic_compensation' },
  ],
};

function drive(input: CaseInput = base) {
  let snap: Snapshot = restore(startCase(input));
  const day = { on: '2026-03-03' };
  const run = (type: EventType, payload: Record<string, unknown> = {}, facts: Facts = {}) =>
    applyEvent(snap, { type, occurredOn: day.on, payload, facts });
  const doIt = (type: EventType, payload: Record<string, unknown> = {}, facts: Facts = {}) => {
    const r = run(type, payload, facts);
    if (!r.ok) throw new Error(`${type}: ${JSON.stringify(r)}`);
    snap = r.next;
    return r.state;
  };
  return {
    run,
    do: doIt,
    day,
    get snap() {
      return snap;
    },
  };
}

describe('stored snapshots from before round 2', () => {
  it('restore with empty records of the added procedures and take the new events', () => {
    const stored = persist(restore(startCase(base)));
    const old = JSON.parse(JSON.stringify(stored));
    for (const k of [
      'claimChanges',
      'partyAdditions',
      'referral',
      'transferIn',
      'jurisdictionObjections',
      'transferOut',
      'recusalApplications',
      'evidence',
      'consents',
      'review',
      'enforcement',
    ])
      delete old.context[k];
    const snap = restore(old);
    expect(snap.context.claimChanges).toEqual([]);
    expect(snap.context.evidence).toBeNull();
    expect(availableEvents(snap, '2026-03-03')).toEqual(expect.arrayContaining(['REFER_ELSEWHERE', 'ACCEPT_TRANSFER']));
  });
});

describe('the added statechart rules', () => {
  it('a changed claim restarts the award clock (Rules Art. 46(3)); one only given up does not, and leaves the award', () => {
    const d = drive();
    d.do('ACCEPT');
    d.day.on = '2026-03-12';
    d.do('CHANGE_CLAIMS', { withdraw: [11], previous: {} });
    expect(d.snap.context.clockRestarts).toEqual([]);
    d.day.on = '2026-03-16';
    d.do('CHANGE_CLAIMS', {
      change: [{ claimId: 10, amount: '13000.00' }],
      previous: { 10: { category: 'wages', amount: '12000.00', description: '工资' } },
    });
    expect(d.snap.context.clockRestarts).toEqual([{ on: '2026-03-16', reason: 'claims_changed' }]);
    const cal = new OfficialCalendar(packagedCalendarYears());
    const award = computeDeadlines(d.snap.context, cal, DEFAULT_PERIODS, '2026-03-20').find((x) => x.kind === 'award');
    expect(award).toMatchObject({ startsOn: '2026-03-16', dueOn: '2026-04-30' });
  });

  it('a pending recusal or jurisdiction objection blocks the merits until decided; the decision lifts it', () => {
    const d = drive();
    d.do('ACCEPT');
    d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 });
    d.do('SCHEDULE_HEARING', { hearingOn: '2026-03-20', place: 'x' }, { hearingNoticeOk: true });
    d.do('APPLY_RECUSAL', { partyId: 2, target: { kind: 'arbitrator', userId: 7 }, ground: 'interest', reason: 'x' });
    d.day.on = '2026-03-20';
    expect(d.run('HOLD_HEARING', { applicantPresent: true, respondentPresent: true })).toMatchObject({
      ok: false,
      violation: { rule: 'recusal-pending' },
    });
    d.do('DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: 8 });
    expect(d.snap.context.tribunal).toMatchObject({ arbitratorIds: [8], presidingId: 8 });
    d.do('RAISE_JURISDICTION_OBJECTION', { partyId: 2, grounds: 'x' }, { defensePeriodOpen: true });
    expect(d.run('HOLD_HEARING', { applicantPresent: true, respondentPresent: true })).toMatchObject({
      ok: false,
      violation: { rule: 'jurisdiction-objection-pending' },
    });
    d.do('DECIDE_JURISDICTION_OBJECTION', { result: 'rejected', reason: 'x' });
    expect(d.do('HOLD_HEARING', { applicantPresent: true, respondentPresent: true })).toBe('heard');
  });

  it('a late objection (after the defense period) is recorded without holding anything', () => {
    const d = drive();
    d.do('ACCEPT');
    d.do('RAISE_JURISDICTION_OBJECTION', { partyId: 2, grounds: 'x' }, { defensePeriodOpen: false });
    expect(d.snap.context.jurisdictionObjections[0]?.timely).toBe(false);
    expect(availableEvents(d.snap, d.day.on)).not.toContain('DECIDE_JURISDICTION_OBJECTION');
  });

  it('the review track: designated arbitrator, confirmation, both signatures close it as review_confirmed', () => {
    const d = drive({ ...base, track: 'review', reviewAgreement: { effectiveOn: '2026-03-01', organization: 'x', terms: null } });
    expect(d.run('ACCEPT_REVIEW', {}, { reviewFilingTimely: false })).toMatchObject({
      ok: false,
      violation: { rule: 'review-filing-15-days' },
    });
    expect(d.do('ACCEPT_REVIEW', {}, { reviewFilingTimely: true })).toBe('review_accepted');
    expect(d.do('FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 })).toBe('review_in_progress');
    expect(d.run('EXTEND_TIME_LIMIT', { days: 6 }, { reviewExtensionMaxDays: 5 })).toMatchObject({
      ok: false,
      violation: { rule: 'review-extension-max' },
    });
    expect(d.do('CONFIRM_AGREEMENT', { terms: '支付5000元' })).toBe('review_signing');
    expect(d.do('SIGN_MEDIATION_DOCUMENT', { partyId: 1 })).toBe('review_signing');
    expect(d.do('SIGN_MEDIATION_DOCUMENT', { partyId: 2 })).toBe('review_confirmed');
    expect(d.snap.context.closure).toEqual({ mode: 'review_confirmed', closedOn: '2026-03-03' });
    expect(availableEvents(d.snap, d.day.on)).toEqual(expect.arrayContaining(['APPLY_ENFORCEMENT', 'ARCHIVE']));
  });
});

describe('duplicate-filing warnings (Rules Arts. 34, 35, 39)', () => {
  const worker = { side: 'applicant', kind: 'person', name: '张三', idNumber: '371502199001011234', creditCode: null };
  const company = { side: 'respondent', kind: 'organization', name: '某公司', idNumber: null, creditCode: '91371500MA3C7K2L12' };
  const incoming = { parties: [worker, company], claims: [{ category: 'wages' }] };
  const earlier = (id: number, state: string, closureMode: string | null, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
    id,
    caseNo: null,
    state,
    closureMode,
    receivedOn: '2026-01-05',
    parties: [worker, company],
    claims: [{ category: 'wages' }, { category: 'damages' }],
    ...over,
  });

  it('classifies each earlier case and puts the barring ones first', () => {
    const w = duplicateWarnings(incoming, [
      earlier(1, 'closed_withdrawn', 'withdrawal'),
      earlier(2, 'in_litigation', 'award'),
      earlier(3, 'closed_transferred', 'transfer'),
      earlier(4, 'award_set_aside', 'award'),
      earlier(5, 'closed_mediation', 'mediation'),
    ]);
    expect(w.map((x) => [x.caseId, x.code, x.bars])).toEqual([
      [5, 'decided', true],
      [3, 'transferred', true],
      [2, 'in_court', true],
      [4, 'other_closure', false],
      [1, 'withdrawn', false],
    ]);
    expect(w.every((x) => x.sameClaims === false && x.commonCategories.join() === 'wages')).toBe(true);
  });

  it('needs the same applicant and respondent (identity number or credit code before names) and a common claim', () => {
    const otherWorker = { ...worker, name: '张三', idNumber: '371502199001011250' };
    expect(duplicateWarnings(incoming, [earlier(1, 'accepted', null, { parties: [otherWorker, company] })])).toEqual([]);
    const renamedCompany = { ...company, name: '某公司（更名）' };
    expect(duplicateWarnings(incoming, [earlier(2, 'accepted', null, { parties: [worker, renamedCompany] })])).toHaveLength(1);
    expect(duplicateWarnings(incoming, [earlier(3, 'accepted', null, { claims: [{ category: 'social_insurance' }] })])).toEqual([]);
  });
});

describe('a challenged person and the recusal decision (Rules Arts. 11–12)', () => {
  const ctxWith = (targetUserId: number) => {
    const ctx = startCase({ track: 'arbitration' } as unknown as CaseInput).context;
    return {
      ...ctx,
      recusalApplications: [
        {
          on: '2026-05-06',
          partyId: null,
          target: { kind: 'arbitrator' as const, userId: targetUserId, name: null, commissionChair: true },
          ground: 'interest',
          reason: '与被申请人有利害关系',
          afterDebate: false,
          decision: null,
        },
      ],
    };
  };
  it('no one records the decision on his own recusal; another may, and the challenged person may not act meanwhile', () => {
    const ctx = ctxWith(7);
    expect(challengedActorRefusal(ctx, 7, 'DECIDE_RECUSAL')).toMatchObject({ rule: 'recusal-own-decision', source: 'Rules Art. 12' });
    expect(challengedActorRefusal(ctx, 8, 'DECIDE_RECUSAL')).toBeNull();
    expect(challengedActorRefusal(ctx, 7, 'SCHEDULE_HEARING')).toMatchObject({ rule: 'challenged-person-stands-down' });
    expect(challengedActorRefusal(ctx, 7, 'APPLY_RECUSAL')).toBeNull();
  });
});
