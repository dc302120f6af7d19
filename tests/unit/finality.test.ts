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
});
