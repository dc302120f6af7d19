import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.ts';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { computeDeadlines, computeFacts } from '../../workflows/deadlines.ts';
import { classifyAward, DEFAULT_FINALITY_OPTIONS, minimumWageDate } from '../../workflows/finality.ts';
import { DEFAULT_PERIODS, type Periods, resolvePeriods } from '../../workflows/periods.ts';
import { applyEvent, restore, type Snapshot, startCase } from '../../workflows/procedure.ts';
import type { CaseInput, EventType } from '../../workflows/procedure-types.ts';

/**
 * Session 23 (legal configuration): readings domain.md marks uncertain, made configurable with the documented default.
 * The HTTP side: tests/api/legal-config-s23.test.ts.
 */
const cal = new OfficialCalendar(packagedCalendarYears());

const input = (procedure: 'ordinary' | 'simple'): CaseInput => ({
  track: 'arbitration',
  procedure,
  collective: false,
  wageArrears: false,
  receivedOn: '2026-05-29',
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [{ id: 10, category: 'wages' }],
});

/** A case driven event by event, each event's facts computed on the official calendar with `periods`. */
function drive(procedure: 'ordinary' | 'simple', periods: Periods) {
  let snap: Snapshot = restore(startCase(input(procedure)));
  const run = (type: EventType, on: string, payload: Record<string, unknown> = {}) => {
    const { facts } = computeFacts(snap.context, { type, occurredOn: on, payload }, cal, periods);
    const r = applyEvent(snap, { type, occurredOn: on, payload, facts });
    if (r.ok) snap = r.next;
    return r;
  };
  const deadline = (kind: string, today: string) => computeDeadlines(snap.context, cal, periods, today).find((d) => d.kind === kind);
  return { run, deadline };
}

describe('1 — the simple procedure has its own award period (domain.md §8.1; Rules Arts. 56–61)', () => {
  it('default: the statutory 45 days apply to a simple case too (the national Rules do not shorten them)', () => {
    expect(DEFAULT_PERIODS.award_simple).toMatchObject({ days: 45, unit: 'calendar' });
    const c = drive('simple', resolvePeriods());
    expect(c.run('ACCEPT', '2026-06-01').ok).toBe(true);
    expect(c.deadline('award', '2026-06-02')).toMatchObject({ dueOn: '2026-07-16', days: 45, label: '简易处理案件仲裁审理期限' });
  });

  it('award_simple is a period of its own: it changes simple cases only, `award` ordinary ones only', () => {
    const P = resolvePeriods('{"award_simple":{"days":30}}');
    const simple = drive('simple', P);
    simple.run('ACCEPT', '2026-06-01');
    expect(simple.deadline('award', '2026-06-02')).toMatchObject({ dueOn: '2026-07-01', days: 30 });
    const ordinary = drive('ordinary', P);
    ordinary.run('ACCEPT', '2026-06-01');
    expect(ordinary.deadline('award', '2026-06-02')).toMatchObject({ dueOn: '2026-07-16', days: 45, label: '仲裁审理期限' });
    // Overriding `award` leaves the simple cases on their own period.
    const P2 = resolvePeriods('{"award":{"days":60}}');
    const s2 = drive('simple', P2);
    s2.run('ACCEPT', '2026-06-01');
    expect(s2.deadline('award', '2026-06-02')?.dueOn).toBe('2026-07-16');
  });

  it('an extension adds to the simple limit and must come before it runs out (LDMAL Art. 43; Rules Art. 45)', () => {
    const P = resolvePeriods('{"award_simple":{"days":30}}');
    const late = drive('simple', P);
    late.run('ACCEPT', '2026-06-01');
    expect(late.run('EXTEND_TIME_LIMIT', '2026-07-02', { days: 10 })).toMatchObject({
      ok: false,
      violation: { rule: 'extension-before-deadline' },
    });
    const inTime = drive('simple', P);
    inTime.run('ACCEPT', '2026-06-01');
    expect(inTime.run('EXTEND_TIME_LIMIT', '2026-06-30', { days: 10 }).ok).toBe(true);
    // 06-01 + 30 + 10 = 07-11, a Saturday → Monday 07-13.
    expect(inTime.deadline('award', '2026-06-30')?.dueOn).toBe('2026-07-13');
  });

  it('conversion to ordinary procedure: before the simple limit runs out; then the ordinary limit from the original acceptance (Rules Art. 61)', () => {
    const P = resolvePeriods('{"award_simple":{"days":30}}');
    const late = drive('simple', P);
    late.run('ACCEPT', '2026-06-01');
    expect(late.run('CONVERT_TO_ORDINARY', '2026-07-02')).toMatchObject({ ok: false, violation: { rule: 'convert-before-deadline' } });
    const c = drive('simple', P);
    c.run('ACCEPT', '2026-06-01');
    expect(c.run('CONVERT_TO_ORDINARY', '2026-06-20').ok).toBe(true);
    expect(c.deadline('award', '2026-06-20')).toMatchObject({ dueOn: '2026-07-16', startsOn: '2026-06-01', label: '仲裁审理期限' });
  });
});

describe('2 — final-award readings to confirm locally (domain.md §9.3; LDMAL Art. 47; SPC-1 Art. 19)', () => {
  const WAGE = 201000; // 2010 yuan: threshold 24120 yuan
  const items = [
    { claimId: 1, category: 'wages' as const, outcome: 'granted' as const, amountFen: 500000 },
    { claimId: 2, category: 'economic_compensation' as const, outcome: 'dismissed' as const, amountFen: null },
  ];
  const cats = ['wages', 'economic_compensation'] as const;

  it('(a) default: a dismissed Art. 47(1) item counts as 0 and is final', () => {
    expect(DEFAULT_FINALITY_OPTIONS.dismissedItemsFinal).toBe(true);
    const r = classifyAward(items, WAGE, [...cats]);
    expect(r.items.map((i) => i.final)).toEqual([true, true]);
    expect(r.finality).toBe('final');
  });

  it('(a) dismissedItemsFinal: false — the dismissed item is non-final, the award mixed; a standards item is unaffected', () => {
    const r = classifyAward(items, WAGE, [...cats], { confirmRelationshipMakesCaseNonFinal: true, dismissedItemsFinal: false });
    expect(r.items.map((i) => i.final)).toEqual([true, false]);
    expect(r.items[1]?.reason).toContain('驳回');
    expect(r.finality).toBe('mixed');
    const std = classifyAward(
      [{ claimId: 3, category: 'labor_standards', outcome: 'dismissed', amountFen: null }],
      WAGE,
      ['labor_standards'],
      {
        dismissedItemsFinal: false,
      },
    );
    expect(std.finality).toBe('final');
  });

  it('(b) which day the minimum wage is read on: the award day by default; received or accepted when configured', () => {
    const dates = { awardOn: '2026-04-10', receivedOn: '2026-03-02', acceptedOn: '2026-03-04' };
    expect(minimumWageDate('award', dates)).toBe('2026-04-10');
    expect(minimumWageDate('received', dates)).toBe('2026-03-02');
    expect(minimumWageDate('accepted', dates)).toBe('2026-03-04');
    expect(minimumWageDate('accepted', { awardOn: '2026-04-10', acceptedOn: null })).toBe('2026-04-10');
  });

  it('configuration: FINAL_AWARD_DISMISSED_ITEMS and FINAL_AWARD_WAGE_DATE, defaults and refusals', () => {
    const d = loadConfig({});
    expect(d).toMatchObject({ finalAwardDismissedItemsFinal: true, finalAwardWageDate: 'award' });
    const c = loadConfig({ FINAL_AWARD_DISMISSED_ITEMS: 'non_final', FINAL_AWARD_WAGE_DATE: 'received' });
    expect(c).toMatchObject({ finalAwardDismissedItemsFinal: false, finalAwardWageDate: 'received' });
    expect(() => loadConfig({ FINAL_AWARD_DISMISSED_ITEMS: 'no' })).toThrow(/FINAL_AWARD_DISMISSED_ITEMS/);
    expect(() => loadConfig({ FINAL_AWARD_WAGE_DATE: 'dispute' })).toThrow(/FINAL_AWARD_WAGE_DATE/);
  });
});

describe('3 — a document left (留置) or posted (张贴) is deemed served 3 days after (Rules Art. 20 [R]; domain.md §14.2)', () => {
  const served = (periods: Periods, method: string) => {
    const c = drive('ordinary', periods);
    c.run('ACCEPT', '2026-06-01');
    const r = c.run('SERVE', '2026-06-02', { document: 'respond_notice', partyId: 2, method, servedOn: '2026-06-02' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return { c, service: r.next.context.services.at(-1) };
  };

  it('default: left 06-02 → deemed served 06-05; the defense period runs from it, skipping Dragon Boat (06-19) → 06-22', () => {
    expect(DEFAULT_PERIODS.deemed_service_left).toMatchObject({ days: 3, unit: 'working' });
    const { c, service } = served(resolvePeriods(), 'left');
    expect(service).toMatchObject({ method: 'left', publishedOn: '2026-06-02', servedOn: '2026-06-05' });
    expect(c.deadline('defense', '2026-06-03')).toMatchObject({ startsOn: '2026-06-05', dueOn: '2026-06-22' });
    // The commission's own act of serving was the leaving, within 5 working days of acceptance.
    expect(c.deadline('serve_respondent', '2026-06-03')).toMatchObject({ status: 'met', metOn: '2026-06-02' });
  });

  it('posting (张贴) has its own setting; a direct service is not deemed', () => {
    expect(served(resolvePeriods(), 'posted').service).toMatchObject({ publishedOn: '2026-06-02', servedOn: '2026-06-05' });
    expect(served(resolvePeriods('{"deemed_service_posted":{"days":5}}'), 'posted').service?.servedOn).toBe('2026-06-09');
    const direct = served(resolvePeriods(), 'direct');
    expect(direct.service).toMatchObject({ servedOn: '2026-06-02' });
    expect(direct.service?.publishedOn).toBeUndefined();
    expect(direct.c.deadline('defense', '2026-06-03')?.dueOn).toBe('2026-06-16');
  });

  it('configurable: days 0 is the CPL Art. 89 reading (served the day it is left); calendar days with rollOver', () => {
    const cpl = served(resolvePeriods('{"deemed_service_left":{"days":0}}'), 'left');
    expect(cpl.service?.servedOn).toBe('2026-06-02');
    expect(cpl.c.deadline('defense', '2026-06-03')?.dueOn).toBe('2026-06-16');
    // Left Friday 06-05: 3 working days → Wednesday 06-10; 3 calendar days → Monday 06-08.
    const friday = (periods: Periods) => {
      const c = drive('ordinary', periods);
      c.run('ACCEPT', '2026-06-01');
      const r = c.run('SERVE', '2026-06-05', { document: 'respond_notice', partyId: 2, method: 'left', servedOn: '2026-06-05' });
      return r.ok ? r.next.context.services.at(-1)?.servedOn : null;
    };
    expect(friday(resolvePeriods())).toBe('2026-06-10');
    expect(friday(resolvePeriods('{"deemed_service_left":{"unit":"calendar"}}'))).toBe('2026-06-08');
    // Left Tuesday 06-16 + 3 calendar days = 06-19 (Dragon Boat): stays, or rolls to 06-22 with rollOver.
    const dragon = (periods: Periods) => {
      const c = drive('ordinary', periods);
      c.run('ACCEPT', '2026-06-01');
      const r = c.run('SERVE', '2026-06-16', { document: 'respond_notice', partyId: 2, method: 'left', servedOn: '2026-06-16' });
      return r.ok ? r.next.context.services.at(-1)?.servedOn : null;
    };
    expect(dragon(resolvePeriods('{"deemed_service_left":{"unit":"calendar"}}'))).toBe('2026-06-19');
    expect(dragon(resolvePeriods('{"deemed_service_left":{"unit":"calendar","rollOver":true}}'))).toBe('2026-06-22');
    expect(() => resolvePeriods('{"award":{"rollOver":true}}')).toThrow(/public_notice only/);
  });

  it('the leaving is not excluded from the award clock (only public notice is, Rules Art. 46(6))', () => {
    const { c } = served(resolvePeriods(), 'left');
    expect(c.deadline('award', '2026-06-03')?.dueOn).toBe('2026-07-16');
  });
});
