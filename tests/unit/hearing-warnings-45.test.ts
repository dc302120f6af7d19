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

  it('an award made inside a running defense period, or before a respondent was served, is warned of; not once a defense is filed (s45 L2)', () => {
    const served = {
      ...base,
      services: [2, 3].map((partyId) => ({ document: 'application_copy', partyId, servedOn: '2026-03-06', method: 'direct' })),
    } as Ctx;
    const period = { kind: 'defense', label: '被申请人答辩期', dueOn: '2026-03-20', startsOn: '2026-03-06', unit: 'working' as const };
    const [w] = defensePeriodWarnings(served, '2026-03-18', [period], '2026-03-18', 'award');
    expect(w).toContain('裁决日期 2026-03-18 在被申请人答辩期内');
    expect(w).toContain('待 2026-03-20 之后再作出裁决');
    expect(defensePeriodWarnings(served, '2026-03-23', [period], '2026-03-23', 'award')).toEqual([]);
    const answered = { ...served, defenses: [{ filedOn: '2026-03-12' }] } as Ctx;
    expect(defensePeriodWarnings(answered, '2026-03-18', [period], '2026-03-18', 'award')).toEqual([]);
    // Never served: the period has not begun, however late the award (no 12-day window as for a hearing set ahead).
    const [unserved] = defensePeriodWarnings(base, '2026-05-18', [], '2026-05-18', 'award');
    expect(unserved).toContain('裁决日期 2026-05-18 在答辩期届满之前');
  });
});
