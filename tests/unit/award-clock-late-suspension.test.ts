import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { computeDeadlines } from '../../workflows/deadlines.ts';
import { DEFAULT_PERIODS } from '../../workflows/periods.ts';
import { restore, startCase } from '../../workflows/procedure.ts';
import type { CaseInput } from '../../workflows/procedure-types.ts';

/**
 * Only a running award period is held back by a suspension (Rules Arts. 46–47): once the 45 days (+ an approved
 * extension) have run out the parties may go to court (LDMAL Art. 43(1)), and a suspension ordered afterwards neither
 * revives the period nor hides that it is overdue.
 */
const cal = new OfficialCalendar(packagedCalendarYears());
const input: CaseInput = {
  track: 'arbitration',
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-08-10',
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [{ id: 10, category: 'wages' }],
};
// Accepted 08-11; suspended 09-01…09-10 (9 days): 08-11 + 45 + 9 = 10-04 (National Day); extended by 15 → 10-19.
const ctx = (suspensions: { from: string; to: string | null }[]) => ({
  ...restore(startCase(input)).context,
  acceptedOn: '2026-08-11',
  suspensions: suspensions.map((s) => ({ ...s, reason: '等待鉴定' })),
  extension: { days: 15, approvedOn: '2026-10-08' },
});
const award = (c: MachineContext, today: string) => computeDeadlines(c, cal, DEFAULT_PERIODS, today).find((d) => d.kind === 'award');

describe('a suspension after the award period ran out (LDMAL Art. 43; Rules Arts. 46–47)', () => {
  it('a suspension inside the period holds it back', () => {
    expect(award(ctx([{ from: '2026-09-01', to: '2026-09-10' }]), '2026-10-12')).toMatchObject({ dueOn: '2026-10-19', status: 'open' });
  });
  it('one ordered after the due day excludes nothing, and the note says so', () => {
    const d = award(
      ctx([
        { from: '2026-09-01', to: '2026-09-10' },
        { from: '2026-11-02', to: '2026-11-20' },
      ]),
      '2026-11-25',
    );
    expect(d).toMatchObject({ dueOn: '2026-10-19', status: 'overdue' });
    expect(d?.explanation).toContain('中止审理2026-11-02至恢复审理之日2026-11-20前一日（18天）始于审理期限届满（2026-10-19）之后，不扣除');
  });
  it('while such a suspension lasts the clock reads overdue, not paused', () => {
    const d = award(
      ctx([
        { from: '2026-09-01', to: '2026-09-10' },
        { from: '2026-11-02', to: null },
      ]),
      '2026-11-10',
    );
    expect(d).toMatchObject({ dueOn: '2026-10-19', status: 'overdue' });
  });
  it('one ordered on the last day itself still holds it back', () => {
    const d = award(
      ctx([
        { from: '2026-09-01', to: '2026-09-10' },
        { from: '2026-10-19', to: '2026-10-29' },
      ]),
      '2026-10-27',
    );
    expect(d).toMatchObject({ dueOn: '2026-10-29', status: 'open' });
  });
});

describe('a paused award clock whose hypothetical due date needs a year without official data (api.md v1.1)', () => {
  it('shows that date as provisional, not as unknown, and reads paused', () => {
    const c = {
      ...restore(startCase(input)).context,
      acceptedOn: '2026-11-20',
      suspensions: [{ from: '2026-11-25', to: null, reason: '等待鉴定' }],
      extension: null,
    };
    // 11-20 + 45 = 01-04; 8 days suspended so far (11-25…12-03) → 2027-01-12, in a year with no arrangement loaded.
    const d = computeDeadlines(c, cal, DEFAULT_PERIODS, '2026-12-03').find((x) => x.kind === 'award');
    expect(d).toMatchObject({ status: 'paused', dueOn: '2027-01-12', provisional: true });
    expect(d?.explanation).toContain('暂停计算');
    expect(d?.explanation).toContain('2027');
  });
});

describe('an interval beginning on the day a rest day carried the last day to (CPL Art. 85(3); Rules Arts. 46–47)', () => {
  // Accepted 03-04: the 45th day is Saturday 04-18, carried to Monday 04-20 — the limit still runs on 04-19 and 04-20.
  /** The application served on the respondent by public notice, published `publishedOn`, deemed served `servedOn`. */
  const noticed = (c: MachineContext, publishedOn: string, servedOn: string): MachineContext => ({
    ...c,
    services: [{ document: 'application_copy', partyId: 2, method: 'public_notice', publishedOn, servedOn }] as MachineContext['services'],
  });
  const carried = (extra: Partial<MachineContext>): MachineContext => ({
    ...restore(startCase(input)).context,
    acceptedOn: '2026-03-04',
    ...extra,
  });
  it('without one, the limit ends on the carried day', () => {
    expect(award(carried({}), '2026-04-10')).toMatchObject({ dueOn: '2026-04-20' });
  });
  it('a suspension from the carried day: its days are excluded from that day, so the limit ends the day the case resumes', () => {
    const d = award(carried({ suspensions: [{ from: '2026-04-20', to: '2026-04-30', reason: '等待鉴定' }] }), '2026-04-30');
    expect(d).toMatchObject({ dueOn: '2026-04-30', status: 'open' });
    expect(d?.explanation).toContain(
      '期限末日2026-04-18依法顺延至2026-04-20，中止审理2026-04-20至恢复审理之日2026-04-30前一日始于顺延期间',
    );
  });
  it('one from the Sunday in between likewise, and while it lasts the clock is paused, not overdue', () => {
    const d = award(carried({ suspensions: [{ from: '2026-04-19', to: null, reason: '等待鉴定' }] }), '2026-04-25');
    expect(d?.status).not.toBe('overdue');
    // Excluded once: from the Sunday or from the Monday, the limit ends the day the case resumes.
    for (const from of ['2026-04-19', '2026-04-20']) {
      const resumed = award(carried({ suspensions: [{ from, to: '2026-04-29', reason: '等待鉴定' }] }), '2026-04-29');
      expect(resumed, from).toMatchObject({ dueOn: '2026-04-29', status: 'open' });
    }
  });
  it('a public notice published on the carried day: the limit ends when the notice period does, not two days inside it', () => {
    expect(award(noticed(carried({}), '2026-04-20', '2026-05-20'), '2026-05-10')?.dueOn).toBe('2026-05-20');
  });
  it('a notice published inside a long holiday tail ends the limit with the notice period, not days after it', () => {
    // Accepted 08-17: the 45th day is 10-01 (National Day), carried to 10-08; notice 10-03 to 11-02 (a reviewer's case).
    expect(award(noticed(carried({ acceptedOn: '2026-08-17' }), '2026-10-03', '2026-11-02'), '2026-10-20')?.dueOn).toBe('2026-11-02');
  });
  it('one beginning after the carried day still excludes nothing', () => {
    const d = award(carried({ suspensions: [{ from: '2026-04-21', to: '2026-04-30', reason: '等待鉴定' }] }), '2026-05-01');
    expect(d).toMatchObject({ dueOn: '2026-04-20', status: 'overdue' });
  });
});

describe('a suspension ordered today', () => {
  it('pauses the clock from its first day, before a day has been excluded', () => {
    const c = {
      ...restore(startCase(input)).context,
      acceptedOn: '2026-03-04',
      suspensions: [{ from: '2026-03-20', to: null, reason: '等待鉴定' }],
    };
    expect(award(c, '2026-03-20')?.status).toBe('paused');
    expect(award(c, '2026-03-21')?.status).toBe('paused');
  });
});
