import { describe, expect, it } from 'vitest';
import { classifyAward } from '../../workflows/finality.ts';

// Shandong tier 2 (2010 yuan): threshold 12 × 2010 = 24120 yuan = 2,412,000 fen.
const WAGE = 201000;

describe('final-award classification (LDMAL Art. 47; SPC-1 Arts. 19–20)', () => {
  it('an item equal to 12 × the monthly minimum wage is final; one fen over is not', () => {
    const equal = classifyAward([{ claimId: 1, category: 'wages', outcome: 'granted', amountFen: 2412000 }], WAGE, ['wages']);
    expect(equal.thresholdFen).toBe(2412000);
    expect(equal.items[0]?.final).toBe(true);
    expect(equal.finality).toBe('final');
    const over = classifyAward([{ claimId: 1, category: 'wages', outcome: 'granted', amountFen: 2412001 }], WAGE, ['wages']);
    expect(over.items[0]?.final).toBe(false);
    expect(over.finality).toBe('non_final');
  });

  it('judges each item on its own awarded amount, not the total or the claimed amount', () => {
    const r = classifyAward(
      [
        { claimId: 1, category: 'wages', outcome: 'granted', amountFen: 2000000 },
        { claimId: 2, category: 'economic_compensation', outcome: 'partly', amountFen: 2000000 },
      ],
      WAGE,
      ['wages', 'economic_compensation'],
    );
    expect(r.items.map((i) => i.final)).toEqual([true, true]);
    expect(r.finality).toBe('final');
  });

  it('mixed when some items are final and others not', () => {
    const r = classifyAward(
      [
        { claimId: 1, category: 'wages', outcome: 'granted', amountFen: 100000 },
        { claimId: 2, category: 'damages', outcome: 'granted', amountFen: 5000000 },
        { claimId: 3, category: 'contract', outcome: 'granted', amountFen: null },
      ],
      WAGE,
      ['wages', 'damages', 'contract'],
    );
    expect(r.items.map((i) => i.final)).toEqual([true, false, false]);
    expect(r.finality).toBe('mixed');
  });

  it('labor-standards items are final; a dismissed monetary item is final (awarded 0)', () => {
    const r = classifyAward(
      [
        { claimId: 1, category: 'labor_standards', outcome: 'granted', amountFen: null },
        { claimId: 2, category: 'social_insurance', outcome: 'granted', amountFen: null },
        { claimId: 3, category: 'damages', outcome: 'dismissed', amountFen: null },
      ],
      WAGE,
      ['labor_standards', 'social_insurance', 'damages'],
    );
    expect(r.finality).toBe('final');
  });

  it('a claim to confirm a labor relationship makes the whole case non-final (configurable, Op-2022 [R])', () => {
    const items = [
      { claimId: 1, category: 'confirm_relationship' as const, outcome: 'granted' as const, amountFen: null },
      { claimId: 2, category: 'wages' as const, outcome: 'granted' as const, amountFen: 100 },
    ];
    expect(classifyAward(items, WAGE, ['confirm_relationship', 'wages']).finality).toBe('non_final');
    const relaxed = classifyAward(items, WAGE, ['confirm_relationship', 'wages'], { confirmRelationshipMakesCaseNonFinal: false });
    expect(relaxed.items.map((i) => i.final)).toEqual([false, true]);
    expect(relaxed.finality).toBe('mixed');
  });

  it("in a collective case one worker's confirmation makes only his items non-final (SPC-1 Art. 19; Rules Art. 50; reviewer docs42 H3)", () => {
    const items = [
      { claimId: 1, category: 'confirm_relationship' as const, outcome: 'granted' as const, amountFen: null, worker: 7 },
      { claimId: 2, category: 'wages' as const, outcome: 'granted' as const, amountFen: 100, worker: 7 },
      { claimId: 3, category: 'wages' as const, outcome: 'granted' as const, amountFen: 100, worker: 8 },
    ];
    const claims = items.map((i) => ({ category: i.category, worker: i.worker }));
    const r = classifyAward(items, WAGE, claims);
    expect(r.items.map((i) => i.final)).toEqual([false, false, true]);
    expect(r.finality).toBe('mixed');
    expect(r.items[1]?.reason).toContain('该劳动者的请求涉及确认劳动关系');
    // Configured off: by category and amount.
    expect(classifyAward(items, WAGE, claims, { confirmRelationshipMakesCaseNonFinal: false }).items.map((i) => i.final)).toEqual([
      false,
      true,
      true,
    ]);
    // A withdrawn confirmation (not among the case's claims) forces nothing.
    expect(classifyAward(items.slice(1), WAGE, claims.slice(1)).finality).toBe('final');
  });

  it('a confirmation concerning every worker (employer applicant, union, the applicants together) makes every item non-final', () => {
    const items = [
      { claimId: 2, category: 'wages' as const, outcome: 'granted' as const, amountFen: 100, worker: 7 },
      { claimId: 3, category: 'wages' as const, outcome: 'granted' as const, amountFen: 100, worker: 8 },
    ];
    const all = [{ category: 'confirm_relationship' as const, worker: null }, ...items];
    expect(classifyAward(items, WAGE, all).finality).toBe('non_final');
    // An item concerning every worker is non-final when any worker's relationship is to be confirmed.
    const common = [{ claimId: 4, category: 'wages' as const, outcome: 'granted' as const, amountFen: 100 }];
    expect(classifyAward(common, WAGE, [{ category: 'confirm_relationship', worker: 7 }, 'wages']).finality).toBe('non_final');
  });
});
