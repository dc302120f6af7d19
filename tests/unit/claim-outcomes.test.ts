import { describe, expect, it } from 'vitest';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { claimOutcomes, claimStatLines } from '../../workflows/claim-outcomes.ts';
import { startCase } from '../../workflows/procedure.ts';

/**
 * Where each claim ends up (issue 17): which award items a suit or set-aside reaches (LDMAL Arts. 48–50), and what a
 * judgment, a withdrawal, a dismissal (SPC-2000 Arts. 1–3) or a set-aside ruling makes of them.
 */
const WORKER = 1;
const COMPANY = 2;
const CLAIMS = [
  { id: 11, category: 'wages' as const, amountFen: 1_200_000 },
  { id: 12, category: 'economic_compensation' as const, amountFen: 4_000_000 },
];
const item = (claimId: number, final: boolean, amount: string, outcome: 'granted' | 'partly' | 'dismissed' = 'granted') => ({
  claimId,
  category: 'wages' as const,
  outcome,
  amountFen: Number(amount) * 100,
  amount,
  final,
  reason: '',
});

function ctx(over: Partial<MachineContext>): MachineContext {
  const base = startCase({
    track: 'arbitration',
    procedure: 'ordinary',
    collective: false,
    wageArrears: false,
    receivedOn: '2026-03-02',
    parties: [
      { id: WORKER, side: 'applicant', kind: 'person' },
      { id: COMPANY, side: 'respondent', kind: 'organization' },
    ],
    claims: CLAIMS.map((c) => ({ id: c.id, category: c.category })),
  }).context;
  return { ...base, ...over };
}
const award = (items: ReturnType<typeof item>[], finality: 'final' | 'non_final' | 'mixed') => ({
  items,
  finality,
  issuedOn: '2026-04-01',
  minimumWage: null,
  defaultAward: false,
});
const mixed = award([item(11, true, '12000.00'), item(12, false, '30000.00', 'partly')], 'mixed');
const suit = (partyId: number) => ({ partyId, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' });
const outcome = (
  o: string,
  partyIds: number[],
  items?: { claimId: number; result: 'upheld' | 'changed' | 'revoked'; amount: string | null }[],
) => ({
  outcome: o as 'judgment',
  court: null,
  decidedOn: '2026-05-15',
  servedOn: '2026-05-15',
  partyIds,
  suitCount: 1,
  ...(items ? { items } : {}),
});

describe('claim outcomes', () => {
  it('before any challenge: a final item stands at once; a non-final one only once the award took effect', () => {
    const [w, k] = claimOutcomes(CLAIMS, ctx({ award: mixed }));
    expect([w?.upheldFen, w?.settled, k?.upheldFen, k?.settled]).toEqual([1_200_000, true, null, false]);
    const eff = claimOutcomes(CLAIMS, ctx({ award: mixed, effectiveOn: '2026-04-20' }));
    expect(eff[1]?.upheldFen).toBe(3_000_000);
  });

  it('an employer’s suit reaches only the non-final items; a worker’s reaches every item', () => {
    const byEmployer = claimOutcomes(CLAIMS, ctx({ award: mixed, lawsuits: [suit(COMPANY)] }));
    expect(byEmployer.map((o) => o.challenged)).toEqual([false, true]);
    const byWorker = claimOutcomes(CLAIMS, ctx({ award: mixed, lawsuits: [suit(WORKER)] }));
    expect(byWorker.map((o) => [o.challenged, o.upheldFen])).toEqual([
      [true, null],
      [true, null],
    ]);
  });

  it('a judgment per item: upheld, changed to an amount, revoked; without per-item results the outcome is unknown', () => {
    const judged = claimOutcomes(
      CLAIMS,
      ctx({
        award: mixed,
        lawsuits: [suit(WORKER)],
        courtOutcomes: [
          outcome(
            'judgment',
            [WORKER],
            [
              { claimId: 11, result: 'revoked', amount: null },
              { claimId: 12, result: 'changed', amount: '25000.00' },
            ],
          ),
        ],
      }),
    );
    expect(judged.map((o) => [o.court?.result, o.upheldFen])).toEqual([
      ['revoked', 0],
      ['changed', 2_500_000],
    ]);
    const unsaid = claimOutcomes(CLAIMS, ctx({ award: mixed, lawsuits: [suit(WORKER)], courtOutcomes: [outcome('judgment', [WORKER])] }));
    expect(unsaid.map((o) => [o.court?.result, o.upheldFen, o.settled])).toEqual([
      ['unspecified', null, false],
      ['unspecified', null, false],
    ]);
  });

  it('withdrawal permitted or out of time: the award stands; wrong party or not a labor dispute: no effect (SPC-2000)', () => {
    const kept = claimOutcomes(
      CLAIMS,
      ctx({ award: mixed, lawsuits: [suit(COMPANY)], courtOutcomes: [outcome('withdrawal_permitted', [COMPANY])] }),
    );
    expect(kept[1]).toMatchObject({ court: { result: 'upheld' }, upheldFen: 3_000_000 });
    const none = claimOutcomes(
      CLAIMS,
      ctx({ award: mixed, lawsuits: [suit(COMPANY)], courtOutcomes: [outcome('dismissed_no_effect', [COMPANY])] }),
    );
    expect(none[1]).toMatchObject({ court: { result: 'no_effect' }, upheldFen: 0 });
    // The final item was never reached.
    expect(none[0]).toMatchObject({ challenged: false, court: null, upheldFen: 1_200_000 });
  });

  it('a set-aside application reaches the final items: set aside revokes them, rejected leaves them', () => {
    const finalAward = award([item(11, true, '12000.00'), item(12, true, '20000.00')], 'final');
    const setAside = (result: 'set_aside' | 'rejected' | null) =>
      claimOutcomes(
        CLAIMS,
        ctx({
          award: finalAward,
          setAside: { court: '聊城市中级人民法院', filedOn: '2026-04-20', result, decidedOn: result ? '2026-05-30' : null },
        }),
      );
    expect(setAside(null).map((o) => [o.challenged, o.upheldFen])).toEqual([
      [true, null],
      [true, null],
    ]);
    expect(setAside('set_aside').map((o) => [o.court?.result, o.court?.via, o.upheldFen])).toEqual([
      ['revoked', 'set_aside', 0],
      ['revoked', 'set_aside', 0],
    ]);
    expect(setAside('rejected').map((o) => o.upheldFen)).toEqual([1_200_000, 2_000_000]);
  });

  it('a partial award counts on its own day; a dismissed item awards nothing; the stat lines are canonical', () => {
    const c = ctx({
      partialAwards: [award([item(11, true, '12000.00')], 'final')].map((a) => ({ ...a, issuedOn: '2026-03-20' })),
      award: award([item(12, false, '0', 'dismissed')], 'non_final'),
    });
    const lines = claimStatLines([...CLAIMS].reverse(), c);
    expect(lines.map((l) => [l.claimId, l.on, l.awardedFen, l.claimedFen])).toEqual([
      [11, '2026-03-20', 1_200_000, 1_200_000],
      [12, '2026-04-01', 0, 4_000_000],
    ]);
    expect(JSON.stringify(lines)).toBe(JSON.stringify(claimStatLines(CLAIMS, c)));
  });

  it('several workers, each his own claim (stop 46, M4): a worker’s suit reaches his items and the applicants’ together only', () => {
    const [W1, W2] = [1, 3];
    const own = [
      { id: 21, category: 'wages' as const, amountFen: 3_000_000 },
      { id: 22, category: 'wages' as const, amountFen: 3_000_000 },
      { id: 23, category: 'economic_compensation' as const, amountFen: 3_000_000 },
    ];
    const base = startCase({
      track: 'arbitration',
      procedure: 'ordinary',
      collective: false,
      wageArrears: false,
      receivedOn: '2026-03-02',
      parties: [
        { id: W1, side: 'applicant', kind: 'person' },
        { id: W2, side: 'applicant', kind: 'person' },
        { id: COMPANY, side: 'respondent', kind: 'organization' },
      ],
      claims: [
        { id: 21, category: 'wages', partyId: W1 },
        { id: 22, category: 'wages', partyId: W2 },
        { id: 23, category: 'economic_compensation' },
      ],
    }).context;
    // W1's item final, W2's and the joint one non-final (a mixed award).
    const split = award([item(21, true, '20000.00'), item(22, false, '30000.00'), item(23, false, '30000.00')], 'mixed');
    const of = (over: Partial<MachineContext>) => claimOutcomes(own, { ...base, award: split, ...over });
    expect(of({ lawsuits: [suit(W1)] }).map((o) => o.challenged)).toEqual([true, false, true]);
    expect(of({ lawsuits: [suit(W2)] }).map((o) => o.challenged)).toEqual([false, true, true]);
    // The employer's suit reaches every non-final item, each worker's (as before: the award takes effect for no one,
    // SPC-1 Art. 16), never the final one.
    expect(of({ lawsuits: [suit(COMPANY)] }).map((o) => o.challenged)).toEqual([false, true, true]);
    // W1 sues; the award took effect for W2 who did not (SPC-1 Art. 17): W2's non-final item stands, the joint one waits.
    const split2 = of({ lawsuits: [suit(W1)], effectiveFor: [{ partyId: W2, effectiveOn: '2026-04-25' }] });
    expect(split2.map((o) => [o.challenged, o.upheldFen])).toEqual([
      [true, null],
      [false, 3_000_000],
      [true, null],
    ]);
  });
});
