import { describe, expect, it } from 'vitest';
import { defensePeriodWarnings } from '../../workflows/hearings.ts';

/** Stop 45, an outside legal tester: the hearing warnings word the shortened period with its unit and name the unserved. */
type Ctx = Parameters<typeof defensePeriodWarnings>[0];
const base = {
  track: 'arbitration',
  acceptedOn: '2026-03-04',
  closure: null,
  defensePeriodDays: null,
  parties: [
    { id: 1, side: 'applicant' },
    { id: 2, side: 'respondent' },
    { id: 3, side: 'respondent' },
  ],
  services: [],
  partyAdditions: [],
} as unknown as Ctx;

describe('defensePeriodWarnings (stop 45)', () => {
  it('L4: a period shortened with consent is worded in the rule’s unit (Rules Arts. 58, 80)', () => {
    const ctx = { ...base, defensePeriodDays: 3 } as Ctx;
    const working = { kind: 'defense', label: '被申请人答辩期', dueOn: '2026-03-11', unit: 'working' as const };
    const text = defensePeriodWarnings(ctx, '2026-03-10', [working]).join('');
    expect(text).toContain('经被申请人同意已缩短为3个工作日');
    expect(text).not.toContain('缩短为3日');
    const calendar = { ...working, unit: 'calendar' as const };
    expect(defensePeriodWarnings(ctx, '2026-03-10', [calendar]).join('')).toContain('经被申请人同意已缩短为3日');
  });

  it('L5: the original respondents not yet served are named (当事人N, named by the server)', () => {
    const ctx = { ...base, services: [{ document: 'application_copy', partyId: 2, servedOn: '2026-03-06', method: 'direct' }] } as Ctx;
    const [w] = defensePeriodWarnings(ctx, '2026-03-17', [], '2026-03-09');
    expect(w).toContain('被申请人（当事人3）尚未收到仲裁申请书副本');
    const none = defensePeriodWarnings(base, '2026-03-17', [], '2026-03-09');
    expect(none[0]).toContain('被申请人（当事人2、3）尚未收到仲裁申请书副本');
  });
});
