import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { computeDeadlines, computeFacts } from '../../workflows/deadlines.ts';
import { DEFAULT_PERIODS } from '../../workflows/periods.ts';
import { applyEvent, restore, startCase } from '../../workflows/procedure.ts';
import type { CaseInput } from '../../workflows/procedure-types.ts';

/** Session 23: the auditor's legal discrepancies, on the pure workflow (the HTTP tests: tests/api/legal-edges-s23.test.ts). */
const cal = new OfficialCalendar(packagedCalendarYears());

const review = (postmarkOn: string | null): CaseInput => ({
  track: 'review',
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-10-12',
  postmarkOn,
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [{ id: 10, category: 'wages' }],
  reviewAgreement: { effectiveOn: '2026-09-20', organization: '东昌府区古楼街道劳动争议调解委员会', terms: null },
});

describe('A — a posted review application is filed on its postmark date (Rules Art. 74; CPL Art. 85(4))', () => {
  it('09-20 + 15 days = 10-05 (National Day) → 10-08; posted 10-08, received 10-12: in time', () => {
    const ctx = restore(startCase(review('2026-10-08'))).context;
    const { facts } = computeFacts(ctx, { type: 'ACCEPT_REVIEW', occurredOn: '2026-10-12', payload: {} }, cal, DEFAULT_PERIODS);
    expect(facts).toMatchObject({ reviewFilingTimely: true, reviewFiling: { dueOn: '2026-10-08', filedOn: '2026-10-08' } });
    const d = computeDeadlines(ctx, cal, DEFAULT_PERIODS, '2026-10-12').find((x) => x.kind === 'review_filing');
    expect(d).toMatchObject({ dueOn: '2026-10-08', status: 'met', metOn: '2026-10-08' });
    expect(d?.explanation).toContain('邮戳日期2026-10-08');
    const snap = restore(startCase(review('2026-10-08')));
    expect(applyEvent(snap, { type: 'ACCEPT_REVIEW', occurredOn: '2026-10-12', payload: {}, facts }).ok).toBe(true);
  });
  it('without a postmark the receipt counts, and the refusal says so', () => {
    const snap = restore(startCase(review(null)));
    const { facts } = computeFacts(snap.context, { type: 'ACCEPT_REVIEW', occurredOn: '2026-10-12', payload: {} }, cal, DEFAULT_PERIODS);
    expect(facts.reviewFilingTimely).toBe(false);
    const r = applyEvent(snap, { type: 'ACCEPT_REVIEW', occurredOn: '2026-10-12', payload: {}, facts });
    expect(r).toMatchObject({ ok: false, violation: { rule: 'review-filing-15-days' } });
    // Posted after the last day: late, and the refusal names the postmark and the receipt.
    const late = restore(startCase(review('2026-10-09')));
    const f2 = computeFacts(late.context, { type: 'ACCEPT_REVIEW', occurredOn: '2026-10-12', payload: {} }, cal, DEFAULT_PERIODS).facts;
    const r2 = applyEvent(late, { type: 'ACCEPT_REVIEW', occurredOn: '2026-10-12', payload: {}, facts: f2 });
    expect(r2.ok).toBe(false);
    if (!r2.ok && 'violation' in r2) expect(r2.violation.detail).toContain('邮戳日期2026-10-09（2026-10-12收到');
  });
});
