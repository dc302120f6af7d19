import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { MACHINE_VERSION, type MachineContext } from '../../workflows/case-machine.ts';
import { computeDeadlines, computeFacts } from '../../workflows/deadlines.ts';
import { DEFAULT_PERIODS } from '../../workflows/periods.ts';
import { applyEvent, restore, startCase } from '../../workflows/procedure.ts';
import type { CaseInput, ProcEvent } from '../../workflows/procedure-types.ts';
import { separateEffect } from '../../workflows/rules.ts';

/**
 * domain.md §9.4, on the pure workflow (the HTTP tests: tests/api/award-effect-s23.test.ts): several workers — the
 * award does not take effect for those who sue and does for those who do not (SPC-1 Art. 17); an employer's suit holds
 * it back for everyone (SPC-1 Art. 16). Workers 1 and 2, company 3; award made 06-15, served on all 06-16.
 */
const cal = new OfficialCalendar(packagedCalendarYears());
const WORKER_A = 1;
const WORKER_B = 2;
const COMPANY = 3;

const input = (workers = 2): CaseInput => ({
  track: 'arbitration',
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-05-04',
  parties: [
    { id: WORKER_A, side: 'applicant', kind: 'person' },
    ...(workers > 1 ? [{ id: WORKER_B, side: 'applicant' as const, kind: 'person' as const }] : []),
    { id: COMPANY, side: 'respondent', kind: 'organization' },
  ],
  claims: [{ id: 10, category: 'wages' }],
});

/** A case in court on a served award, with the given suits. */
function inCourt(opts: { finality?: 'non_final' | 'mixed' | 'final'; suers: number[]; workers?: number }) {
  const base = restore(startCase(input(opts.workers))).context;
  const parties = base.parties.map((p) => p.id);
  const context: MachineContext = {
    ...base,
    acceptedOn: '2026-05-06',
    award: {
      items: [{ claimId: 10, category: 'wages', outcome: 'granted', amount: '30000.00', final: false, reason: '' }],
      finality: opts.finality ?? 'non_final',
      issuedOn: '2026-06-15',
      minimumWage: null,
      defaultAward: false,
    } as MachineContext['award'],
    closure: { mode: 'award', closedOn: '2026-06-15' },
    services: parties.map((partyId) => ({ document: 'award', partyId, method: 'direct', servedOn: '2026-06-16' })),
    lawsuits: opts.suers.map((partyId) => ({ partyId, court: '聊城市东昌府区人民法院', filedOn: '2026-06-20' })),
    effectiveOn: opts.finality === 'final' ? '2026-06-15' : null,
  };
  return restore({ machineVersion: MACHINE_VERSION, value: { closed: { award: 'in_litigation' } }, context });
}

const decide = (snap: ReturnType<typeof inCourt>, type: ProcEvent['type'], occurredOn: string, payload: Record<string, unknown>) => {
  const ev: ProcEvent = { type, occurredOn, payload };
  return applyEvent(snap, { ...ev, facts: computeFacts(snap.context, ev, cal, DEFAULT_PERIODS).facts });
};

describe('separateEffect — whose effect the suits leave (SPC-1 Arts. 16–17)', () => {
  it('one of two workers sued: the other; the employer sued: nobody; one worker alone: nobody', () => {
    expect(separateEffect(inCourt({ suers: [WORKER_A] }).context)).toEqual({ workers: [WORKER_B], employerSued: false });
    expect(separateEffect(inCourt({ suers: [COMPANY] }).context)).toMatchObject({ employerSued: true });
    expect(separateEffect(inCourt({ suers: [WORKER_A, COMPANY] }).context)).toMatchObject({ employerSued: true });
    expect(separateEffect(inCourt({ suers: [WORKER_A], workers: 1 }).context)).toEqual({ workers: [], employerSued: false });
  });
  it('a mixed award splits with its non-final part; a final award is effective from the day made (not split)', () => {
    expect(separateEffect(inCourt({ finality: 'mixed', suers: [WORKER_A] }).context)?.workers).toEqual([WORKER_B]);
    expect(separateEffect(inCourt({ finality: 'final', suers: [WORKER_A] }).context)).toBeNull();
  });
});

describe('MARK_EFFECTIVE {partyId} and APPLY_ENFORCEMENT for the worker who did not sue', () => {
  it('B: windows run 07-01 (Wednesday), effective 07-02; the case stays in_litigation', () => {
    const snap = inCourt({ suers: [WORKER_A] });
    const d = computeDeadlines(snap.context, cal, DEFAULT_PERIODS, '2026-06-25').filter((x) => x.kind === 'effective');
    expect(d.map((x) => [x.partyId ?? null, x.dueOn])).toEqual([
      [null, null],
      [WORKER_B, '2026-07-02'],
    ]);
    expect(decide(snap, 'MARK_EFFECTIVE', '2026-07-01', { partyId: WORKER_B })).toMatchObject({
      ok: false,
      violation: { rule: 'windows-still-open' },
    });
    const r = decide(snap, 'MARK_EFFECTIVE', '2026-07-02', { partyId: WORKER_B });
    expect(r).toMatchObject({ ok: true, state: 'in_litigation' });
    if (!r.ok) return;
    expect(r.next.context).toMatchObject({ effectiveOn: null, effectiveFor: [{ partyId: WORKER_B, effectiveOn: '2026-07-02' }] });
    expect(decide(r.next, 'APPLY_ENFORCEMENT', '2026-07-10', { partyId: WORKER_A, court: 'x' })).toMatchObject({
      ok: false,
      violation: { rule: 'award-not-effective-for-party' },
    });
    const e = decide(r.next, 'APPLY_ENFORCEMENT', '2026-07-10', { partyId: WORKER_B, court: 'x' });
    expect(e).toMatchObject({ ok: true, state: 'in_litigation' });
  });

  it('a snapshot recorded before `effectiveFor` was kept reads as none recorded', () => {
    const snap = inCourt({ suers: [WORKER_A] });
    const { effectiveFor: _gone, ...old } = snap.context;
    const before = restore({ machineVersion: MACHINE_VERSION, value: snap.value, context: old as MachineContext });
    expect(decide(before, 'MARK_EFFECTIVE', '2026-07-02', { partyId: WORKER_B })).toMatchObject({ ok: true, state: 'in_litigation' });
  });

  it('the employer sued: refused for everyone (SPC-1 Art. 16)', () => {
    const r = decide(inCourt({ suers: [COMPANY] }), 'MARK_EFFECTIVE', '2026-07-02', { partyId: WORKER_B });
    expect(r).toMatchObject({ ok: false, violation: { rule: 'employer-sued-no-effect' } });
  });
});

describe('a mixed award of several workers, worker by worker (LDMAL Arts. 47–48, 50; SPC-1 Art. 17) — stop 41, M3', () => {
  /** Worker A's claim 10 decided non-final, worker B's claim 11 final; A sued. */
  function mixed() {
    const snap = inCourt({ finality: 'mixed', suers: [WORKER_A] });
    const context: MachineContext = {
      ...snap.context,
      claims: [
        { id: 10, category: 'wages', partyId: WORKER_A },
        { id: 11, category: 'wages', partyId: WORKER_B },
      ],
      award: {
        ...(snap.context.award as NonNullable<MachineContext['award']>),
        items: [
          { claimId: 10, category: 'wages', outcome: 'granted', amount: '30000.00', final: false, reason: '' },
          { claimId: 11, category: 'wages', outcome: 'granted', amount: '9000.00', final: true, reason: '' },
        ] as NonNullable<MachineContext['award']>['items'],
      },
    };
    return restore({ machineVersion: MACHINE_VERSION, value: { closed: { award: 'in_litigation' } }, context });
  }

  it('each worker has a window only on the document that decides his claim; the employer on both', () => {
    const d = computeDeadlines(mixed().context, cal, DEFAULT_PERIODS, '2026-06-25');
    const kinds = (partyId: number) =>
      d
        .filter((x) => x.partyId === partyId && /^(sue_|set_aside)/.test(x.kind))
        .map((x) => x.kind)
        .sort();
    expect(kinds(WORKER_A)).toEqual(['sue_non_final']);
    expect(kinds(WORKER_B)).toEqual(['sue_final_worker']);
    expect(kinds(COMPANY)).toEqual(['set_aside_employer', 'sue_non_final']);
  });

  it('the worker with only final items: his part is effective the day it was made, whatever the other sued', () => {
    const snap = mixed();
    const d = computeDeadlines(snap.context, cal, DEFAULT_PERIODS, '2026-06-25').filter((x) => x.kind === 'effective');
    expect(d.find((x) => x.partyId === WORKER_B)?.dueOn).toBe('2026-06-15');
    const r = decide(snap, 'MARK_EFFECTIVE', '2026-06-25', { partyId: WORKER_B });
    expect(r).toMatchObject({ ok: true });
  });
});

describe('the employer applies, its claims carrying an applicant: every worker keeps his windows (LDMAL Arts. 48, 50) — rev41 M3, L9', () => {
  /** Company 3 applies against workers 1 and 2; its claim 10 decided non-final, 11 final. Company served 06-16, workers 06-22. */
  function employerApplies(claims = [10, 11].map((id) => ({ id, category: 'other', partyId: COMPANY }))) {
    const base = restore(startCase(input())).context;
    const context: MachineContext = {
      ...base,
      parties: [
        { ...(base.parties.find((p) => p.id === COMPANY) as MachineContext['parties'][number]), side: 'applicant' },
        ...base.parties.filter((p) => p.id !== COMPANY).map((p) => ({ ...p, side: 'respondent' as const })),
      ],
      claims,
      acceptedOn: '2026-05-06',
      award: {
        items: [
          { claimId: 10, category: 'other', outcome: 'granted', amount: '30000.00', final: false, reason: '' },
          { claimId: 11, category: 'other', outcome: 'granted', amount: '9000.00', final: true, reason: '' },
        ],
        finality: 'mixed',
        issuedOn: '2026-06-15',
        minimumWage: null,
        defaultAward: false,
      } as MachineContext['award'],
      closure: { mode: 'award', closedOn: '2026-06-15' },
      services: [
        { document: 'award', partyId: COMPANY, method: 'direct', servedOn: '2026-06-16' },
        { document: 'award', partyId: WORKER_A, method: 'direct', servedOn: '2026-06-22' },
        { document: 'award', partyId: WORKER_B, method: 'direct', servedOn: '2026-06-22' },
      ],
      lawsuits: [],
      effectiveOn: null,
    } as MachineContext;
    return restore({ machineVersion: MACHINE_VERSION, value: { closed: { award: 'award_served' } }, context });
  }
  const kinds = (d: ReturnType<typeof computeDeadlines>, partyId: number) =>
    d
      .filter((x) => x.partyId === partyId && /^(sue_|set_aside)/.test(x.kind))
      .map((x) => x.kind)
      .sort();

  it("a claim owned by the employer concerns every worker: both windows each, and the effect waits for the workers'", () => {
    const snap = employerApplies();
    const d = computeDeadlines(snap.context, cal, DEFAULT_PERIODS, '2026-06-25');
    expect(kinds(d, WORKER_A)).toEqual(['sue_final_worker', 'sue_non_final']);
    expect(kinds(d, WORKER_B)).toEqual(['sue_final_worker', 'sue_non_final']);
    expect(kinds(d, COMPANY)).toEqual(['set_aside_employer', 'sue_non_final']);
    // The company's window ends 07-01; the workers', from 06-22, on 07-07 (Tuesday): effective 07-08.
    expect(d.find((x) => x.kind === 'effective' && !x.partyId)?.dueOn).toBe('2026-07-08');
    expect(decide(snap, 'MARK_EFFECTIVE', '2026-07-02', {})).toMatchObject({ ok: false, violation: { rule: 'windows-still-open' } });
    expect(decide(snap, 'MARK_EFFECTIVE', '2026-07-08', {})).toMatchObject({ ok: true });
  });

  it('a worker whose own claims the mixed award does not decide is not told its items are all final', () => {
    // Worker-side claims (a counterclaim is not needed: the ownership is what counts): A's non-final, nothing of B's.
    const base = inCourt({ finality: 'mixed', suers: [WORKER_A] });
    const context: MachineContext = {
      ...base.context,
      claims: [
        { id: 10, category: 'wages', partyId: WORKER_A },
        { id: 11, category: 'wages', partyId: WORKER_A },
      ],
      award: {
        ...(base.context.award as NonNullable<MachineContext['award']>),
        items: [
          { claimId: 10, category: 'wages', outcome: 'granted', amount: '30000.00', final: false, reason: '' },
          { claimId: 11, category: 'wages', outcome: 'granted', amount: '9000.00', final: true, reason: '' },
        ] as NonNullable<MachineContext['award']>['items'],
      },
    };
    const d = computeDeadlines(context, cal, DEFAULT_PERIODS, '2026-06-25');
    expect(kinds(d, WORKER_B)).toEqual([]);
    const b = d.find((x) => x.kind === 'effective' && x.partyId === WORKER_B);
    expect(b?.explanation).toContain(`本裁决未涉及当事人${WORKER_B}的请求事项`);
    expect(b?.explanation).not.toContain('均为终局裁决');
  });
});
