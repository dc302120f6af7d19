import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { computeDeadlines, computeFacts } from '../../workflows/deadlines.ts';
import { assessLimitation } from '../../workflows/limitation.ts';
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

describe('B — an interruption inside the period as extended by rest days and suspensions counts (LDMAL Art. 27)', () => {
  const comp = [{ id: 1, category: 'economic_compensation' as const }];
  it('the year 2024-10-05…2025-10-05 (National Day) runs to 10-09: an interruption on 10-09 starts a fresh year', () => {
    const r = assessLimitation(
      { knewOn: '2024-10-05', interruptions: [{ on: '2025-10-09', kind: '向用人单位主张权利' }] },
      '2026-10-09',
      comp,
      cal,
    );
    expect(r).toMatchObject({ status: 'within', expiresOn: '2026-10-09' });
    expect(r.reasoning).toContain('2025-10-09因向用人单位主张权利时效中断');
    // The day after the rolled end is too late: no fresh year.
    const late = assessLimitation(
      { knewOn: '2024-10-05', interruptions: [{ on: '2025-10-10', kind: '申请调解' }] },
      '2026-10-09',
      comp,
      cal,
    );
    expect(late).toMatchObject({ status: 'expired', expiresOn: '2025-10-09' });
  });
  it('30 suspended days move 2025-01-10 to Sunday 02-09 → 02-10: an interruption on 02-01 counts', () => {
    const r = assessLimitation(
      {
        knewOn: '2024-01-10',
        suspensions: [{ from: '2024-06-01', to: '2024-07-01' }],
        interruptions: [{ on: '2025-02-01', kind: '向劳动监察部门投诉' }],
      },
      '2026-02-02',
      comp,
      cal,
    );
    // The fresh year from 02-01 ends Sunday 2026-02-01 → Monday 02-02.
    expect(r).toMatchObject({ status: 'within', expiresOn: '2026-02-02' });
    // The day the obstacle ends runs again (LDMAL Art. 27(3)): said so, so that 30 days is not read as an off-by-one.
    expect(r.reasoning).toContain('2024-06-01起时效中止，2024-07-01中止原因消除之日起继续计算（中止30天');
    expect(r.reasoning).toContain('2025-02-01因向劳动监察部门投诉时效中断');
  });
  it('a suspension beginning inside a period already lengthened by another counts; overlaps count once', () => {
    // 2024-03-01 + 1 year = 2025-03-01; +20 days (2024-06-01…06-21) → 03-21; a suspension from 2025-03-10 (after the
    // nominal end, inside the lengthened period) to 03-20 adds 10 more → 03-31. Overlapping 2024-06-11…06-21 adds nothing.
    const r = assessLimitation(
      {
        knewOn: '2024-03-01',
        suspensions: [
          { from: '2024-06-01', to: '2024-06-21' },
          { from: '2024-06-11', to: '2024-06-21' },
          { from: '2025-03-10', to: '2025-03-20' },
        ],
      },
      '2025-03-31',
      comp,
    );
    expect(r).toMatchObject({ status: 'within', expiresOn: '2025-03-31' });
  });
});
