import { describe, expect, it } from 'vitest';
import { MissingCalendarYearError, OfficialCalendar, provisionalBasis } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { chineseDate } from '../../workflows/dates.ts';
import { awardClock, computeDeadlines, computePeriod } from '../../workflows/deadlines.ts';
import { DEFAULT_PERIODS, resolvePeriods } from '../../workflows/periods.ts';
import { applyEvent, restore, type Snapshot, startCase } from '../../workflows/procedure.ts';
import type { EventType } from '../../workflows/procedure-types.ts';

const cal = new OfficialCalendar(packagedCalendarYears());
const periods = resolvePeriods();

describe('official calendar 2023–2026 (domain.md §14)', () => {
  it.each([
    // [from, n, expected, what]
    ['2025-09-26', 5, '2025-10-10', 'National Day 2025: make-up Sunday 09-28 counts, 10-01…10-08 skipped'],
    ['2026-02-10', 10, '2026-03-02', 'Spring Festival 2026 with make-up Saturdays 02-14 and 02-28'],
    ['2022-12-29', 5, '2023-01-06', 'New Year 2023 across the year boundary (12-31…01-02 off)'],
    ['2023-12-29', 3, '2024-01-04', 'New Year 2024'],
    ['2025-12-31', 1, '2026-01-04', 'New Year 2026: 01-01…01-03 off, Sunday 01-04 worked'],
    ['2024-05-10', 1, '2024-05-11', 'a Saturday that is a working day (2024-05-11)'],
    ['2023-09-28', 1, '2023-10-07', 'National Day 2023: 09-29…10-06 off, Saturday 10-07 worked'],
    ['2025-04-25', 3, '2025-04-29', 'Labor Day 2025: make-up Sunday 04-27'],
    ['2026-03-06', 5, '2026-03-13', 'an ordinary week'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n).dueOn).toBe(expected);
  });

  it.each([
    ['2025-09-15', 45, '2025-10-30', 'award clock example'],
    ['2025-09-15', 60, '2025-11-14', 'with a 15-day extension'],
    ['2025-09-20', 15, '2025-10-09', 'ends inside National Day 2025 → first working day after'],
    ['2026-02-05', 15, '2026-02-24', 'ends inside Spring Festival 2026'],
    ['2023-09-20', 15, '2023-10-07', 'rolls onto a make-up working Saturday and stops there'],
    ['2024-01-28', 15, '2024-02-18', 'Spring Festival 2024 → make-up Sunday 02-18'],
    ['2026-03-04', 45, '2026-04-20', 'ends on Saturday 04-18 → Monday'],
  ])('%s + %i calendar days = %s (%s)', (from, n, expected) => {
    expect(cal.addCalendarDays(from, n).dueOn).toBe(expected);
  });

  it('never guesses a year without official data', () => {
    expect(cal.years().at(-1)).toBe(2026);
    expect(() => cal.addCalendarDays('2026-12-01', 45)).toThrow(MissingCalendarYearError);
    expect(() => cal.addWorkingDays('2026-12-30', 5)).toThrow(/缺少2027年/);
    // api.md v1.1: a provisional date (2027 read as weekends only), marked, never passed off as exact.
    const c = computePeriod(cal, { days: 45, unit: 'calendar' }, '2026-12-01', '受理之日');
    expect(c).toMatchObject({ dueOn: '2027-01-15', missingYear: 2027, provisional: true });
    expect(c.explanation).toContain('缺少2027年国家法定节假日安排');
    expect(c.explanation).toContain('推后');
  });

  it('the provisional view rests on the holidays the law dates: 元旦, 春节 (known years), 劳动节, 国庆节 (Holidays-Reg Art. 2)', () => {
    const view = cal.provisionalView();
    expect(view.day('2027-01-01')).toEqual({ date: '2027-01-01', rest: true, kind: 'holiday', name: '元旦' });
    for (const d of ['2027-05-01', '2027-05-02']) expect(view.day(d)).toMatchObject({ rest: true, kind: 'holiday', name: '劳动节' });
    for (const d of ['2027-10-01', '2027-10-02', '2027-10-03']) expect(view.day(d)).toMatchObject({ rest: true, name: '国庆节' });
    // 春节: 除夕 and 正月初一 to 初三 (2027-02-06 is 初一).
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'])
      expect(view.day(d)).toMatchObject({ rest: true, kind: 'holiday', name: '春节' });
    expect(view.day('2027-02-04')).toMatchObject({ rest: false, kind: 'workday' });
    expect(view.day('2027-02-09')).toMatchObject({ rest: false, kind: 'workday' });
    expect(view.day('2028-01-25')).toMatchObject({ rest: true, name: '春节' });
    expect(view.day('2030-02-05')).toMatchObject({ rest: true, name: '春节' });
    // Lunar and solar-term holidays and make-up days are the official schedule's: Monday 2027-04-05 stays a working day.
    expect(view.day('2027-04-05')).toMatchObject({ rest: false, kind: 'workday' });
    expect(view.assumed).toEqual(new Set([2027, 2028, 2030]));
    const five = computePeriod(cal, { days: 5, unit: 'working' }, '2026-12-28', '收到之日');
    expect(five).toMatchObject({ dueOn: '2027-01-05', provisional: true });
    expect(five.explanation).toContain('元旦');
    expect(five.explanation).toContain('未计清明节、端午节、中秋节');
    const limit = computePeriod(cal, { days: 45, unit: 'calendar' }, '2026-11-17', '受理之日');
    expect(limit).toMatchObject({ dueOn: '2027-01-04', provisional: true });
    // A year the Spring Festival table does not know says that 春节 is not counted either.
    expect(computePeriod(cal, { days: 5, unit: 'working' }, '2031-01-20', '收到之日').explanation).toContain('未计春节、清明节');
  });

  it('a loaded year is used, and its make-up days count', () => {
    const withNext = new OfficialCalendar([
      ...packagedCalendarYears(),
      { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）', offDays: ['2027-01-01'], workDays: ['2027-01-02'] },
    ]);
    expect(withNext.addWorkingDays('2026-12-31', 1).dueOn).toBe('2027-01-02');
  });

  it('explains a period in Chinese, naming skipped holidays and make-up days', () => {
    const c = computePeriod(cal, DEFAULT_PERIODS.acceptance, '2025-09-26', '收到仲裁申请之日');
    expect(c.explanation).toBe(
      '自收到仲裁申请之日（2025-09-26）的次日起算5个工作日，跳过法定节假日8天（2025-10-01至2025-10-08，国庆节、中秋节），休息日1天，调休上班日2025-09-28计为工作日，截止2025-10-10。',
    );
    // legal54b #2: two runs of holidays with working days between them are named apart (2026: 中秋 09-25..09-27, 国庆
    // 10-01..10-07; 09-28..09-30 counted).
    expect(computePeriod(cal, DEFAULT_PERIODS.acceptance, '2026-09-25', '收到仲裁申请之日').explanation).toContain(
      '跳过法定节假日9天（2026-09-26至2026-09-27、2026-10-01至2026-10-07，',
    );
    const r = computePeriod(cal, DEFAULT_PERIODS.sue_non_final, '2025-09-20', '收到裁决书之日');
    expect(r.explanation).toContain('届满日为2025-10-05；该日为法定节假日（国庆节），依法顺延至其后第一个工作日2025-10-09');
  });

  it('legal56b L3: a Sunday last day followed by a day off is a 休息日, and a day loaded without a name has no 「（节假日）」', () => {
    const y2027 = { year: 2027, offDays: ['2027-03-22'], workDays: [], notice: '测试', names: {} };
    const c = new OfficialCalendar([...packagedCalendarYears(), y2027]);
    // 2027-03-06 + 15 days = Sunday 2027-03-21; Monday 03-22 is a day off (no name): the first working day is 03-23.
    const sunday = computePeriod(c, DEFAULT_PERIODS.sue_non_final, '2027-03-06', '收到裁决书之日');
    expect(sunday.dueOn).toBe('2027-03-23');
    expect(sunday.explanation).toContain('届满日为2027-03-21；该日为休息日，依法顺延至其后第一个工作日2027-03-23');
    const monday = computePeriod(c, DEFAULT_PERIODS.sue_non_final, '2027-03-07', '收到裁决书之日');
    expect(monday.explanation).toContain('该日为法定节假日，依法顺延');
    expect(monday.explanation).not.toContain('（节假日）');
  });

  it('writes dates in Chinese numerals for documents', () => {
    expect(chineseDate('2026-04-10')).toBe('二〇二六年四月十日');
    expect(chineseDate('2025-10-20')).toBe('二〇二五年十月二十日');
    expect(chineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
  });

  it('the period table is configurable (Rules Art. 80 is tagged [R])', () => {
    const p = resolvePeriods('{"acceptance":{"unit":"calendar"}}');
    expect(p.acceptance).toMatchObject({ days: 5, unit: 'calendar' });
    expect(() => resolvePeriods('{"nope":{}}')).toThrow(/unknown period/);
  });
});

function drive(steps: [EventType, string, Record<string, unknown>?][]): Snapshot {
  let s = restore(
    startCase({
      track: 'arbitration',
      procedure: 'ordinary',
      collective: false,
      wageArrears: false,
      receivedOn: '2025-09-12',
      parties: [
        { id: 1, side: 'applicant', kind: 'person' },
        { id: 2, side: 'respondent', kind: 'organization' },
      ],
      claims: [{ id: 10, category: 'wages' }],
    }),
  );
  for (const [type, occurredOn, payload] of steps) {
    const r = applyEvent(s, { type, occurredOn, payload: payload ?? {}, facts: { awardDueOn: '2099-01-01', defensePeriodOpen: true } });
    if (!r.ok) throw new Error(JSON.stringify(r));
    s = r.next;
  }
  return s;
}

describe('the award clock (LDMAL Art. 43; Rules Arts. 45–47)', () => {
  it('45 calendar days from acceptance', () => {
    const c = awardClock(drive([['ACCEPT', '2025-09-15']]).context, cal, periods, '2025-09-16');
    expect(c).toMatchObject({ dueOn: '2025-10-30', startsOn: '2025-09-15' });
  });
  it('suspension days are excluded; the clock is paused while suspended', () => {
    const open = drive([
      ['ACCEPT', '2025-09-15'],
      ['SUSPEND', '2025-09-20', { reason: '等待工伤认定' }],
    ]);
    const paused = computeDeadlines(open.context, cal, periods, '2025-09-25').find((d) => d.kind === 'award');
    expect(paused?.status).toBe('paused');
    const resumed = drive([
      ['ACCEPT', '2025-09-15'],
      ['SUSPEND', '2025-09-20', { reason: '等待工伤认定' }],
      ['RESUME', '2025-09-30'],
    ]);
    const c = awardClock(resumed.context, cal, periods, '2025-10-01');
    // 45 + 10 = 55 days → 2025-11-09 (Sunday) → Monday 2025-11-10.
    expect(c?.dueOn).toBe('2025-11-10');
    expect(c?.explanation).toContain('扣除中止审理2025-09-20至恢复审理之日2025-09-30前一日（10天）');
    expect(c?.explanation).toContain('顺延至其后第一个工作日2025-11-10');
  });
  it('an approved extension adds up to 15 days', () => {
    const s = drive([
      ['ACCEPT', '2025-09-15'],
      ['EXTEND_TIME_LIMIT', '2025-10-20', { days: 15 }],
    ]);
    const c = awardClock(s.context, cal, periods, '2025-10-21');
    expect(c?.dueOn).toBe('2025-11-14');
    expect(c?.explanation).toContain('经批准延长15日（2025-10-20）');
  });
  it('a merged counterclaim restarts the clock (Rules Art. 46(4))', () => {
    const s = drive([
      ['ACCEPT', '2025-09-15'],
      ['FILE_COUNTERCLAIM', '2025-09-25', { description: '反申请' }],
    ]);
    const c = awardClock(s.context, cal, periods, '2025-09-26');
    expect(c).toMatchObject({ startsOn: '2025-09-25', dueOn: '2025-11-10' });
    expect(c?.explanation).toContain('受理反申请并合并审理之日');
  });
  it('overdue when today is past the due date and the case is open; met once closed', () => {
    const s = drive([['ACCEPT', '2025-09-15']]);
    expect(computeDeadlines(s.context, cal, periods, '2025-10-31').find((d) => d.kind === 'award')?.status).toBe('overdue');
    const closed = drive([
      ['ACCEPT', '2025-09-15'],
      ['WITHDRAW', '2025-10-10', { reason: '和解' }],
    ]);
    expect(computeDeadlines(closed.context, cal, periods, '2025-10-31').find((d) => d.kind === 'award')?.status).toBe('met');
  });
  it('acceptance restarts from a completed supplement (Rules Art. 46(2))', () => {
    const s = drive([
      ['REQUEST_SUPPLEMENT', '2025-09-15', { items: ['劳动合同'] }],
      ['SUPPLEMENT_RECEIVED', '2025-09-26'],
    ]);
    const acc = computeDeadlines(s.context, cal, periods, '2025-09-26').find((d) => d.kind === 'acceptance');
    expect(acc).toMatchObject({ startsOn: '2025-09-26', dueOn: '2025-10-10', status: 'open' });
    expect(acc?.explanation).toContain('补正材料收齐之日');
  });
});

describe('deadlines after the award and in mediation', () => {
  const award = (finality: 'final' | 'non_final' | 'mixed') => ({
    items: [{ claimId: 10, outcome: 'granted', amount: '100.00' }],
    award: { items: [], finality, issuedOn: '2026-04-10', minimumWage: null, defaultAward: false },
  });
  const heard = (): [EventType, string, Record<string, unknown>?][] => [
    ['ACCEPT', '2026-03-04'],
    ['FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [7], presidingId: 7 }],
    ['SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' }],
    ['HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true }],
  ];
  const at = (s: Snapshot, today: string) =>
    Object.fromEntries(computeDeadlines(s.context, cal, periods, today).map((d) => [`${d.kind}${d.partyId ? `:${d.partyId}` : ''}`, d]));

  it('a final award: the worker may sue within 15 days, the employer apply to set aside within 30; effective when made', () => {
    const s = drive([
      ...heard(),
      ['ISSUE_AWARD', '2026-04-10', award('final')],
      ['SERVE', '2026-04-13', { document: 'award', partyId: 1, method: 'direct', servedOn: '2026-04-13' }],
      ['SERVE', '2026-04-14', { document: 'award', partyId: 2, method: 'post', servedOn: '2026-04-14' }],
    ]);
    const d = at(s, '2026-04-15');
    expect(d['sue_final_worker:1']).toMatchObject({ dueOn: '2026-04-28', status: 'open', basis: 'LDMAL Art. 48' });
    // 2026-04-14 + 30 = 2026-05-14 (Thursday).
    expect(d['set_aside_employer:2']).toMatchObject({ dueOn: '2026-05-14', status: 'open', basis: 'LDMAL Art. 49' });
    expect(d['sue_non_final:1']).toBeUndefined();
    expect(d.effective).toMatchObject({ dueOn: '2026-04-10' });
    expect(d.award).toMatchObject({ status: 'met' });
  });

  it('a non-final award takes effect the day after the last party’s 15-day window, holidays rolled', () => {
    const s = drive([
      ...heard(),
      ['ISSUE_AWARD', '2026-04-10', award('non_final')],
      ['SERVE', '2026-04-13', { document: 'award', partyId: 1, method: 'direct', servedOn: '2026-04-13' }],
      ['SERVE', '2026-04-16', { document: 'award', partyId: 2, method: 'post', servedOn: '2026-04-16' }],
    ]);
    const d = at(s, '2026-04-17');
    expect(d['sue_non_final:1']).toMatchObject({ dueOn: '2026-04-28' });
    // 2026-04-16 + 15 = 05-01, inside Labor Day (05-01…05-05) → 05-06.
    expect(d['sue_non_final:2']).toMatchObject({ dueOn: '2026-05-06' });
    expect(d['sue_non_final:2']?.explanation).toContain('劳动节');
    expect(d.effective).toMatchObject({ dueOn: '2026-05-07' });
    expect(at(s, '2026-05-08')['sue_non_final:2']?.status).toBe('elapsed');
  });

  it('mediation: the pre-arbitration 15-day limit; a mediation document must be signed within the award limit', () => {
    const m = restore(
      startCase({
        track: 'mediation',
        procedure: 'ordinary',
        collective: false,
        wageArrears: false,
        receivedOn: '2026-03-02',
        parties: [
          { id: 1, side: 'applicant', kind: 'person' },
          { id: 2, side: 'respondent', kind: 'organization' },
        ],
        claims: [{ id: 10, category: 'wages' }],
      }),
    );
    expect(computeDeadlines(m.context, cal, periods, '2026-03-20')).toEqual([
      // LDMAL Art. 14(3): the day a party may apply for arbitration, not a missed deadline — 已届满, never overdue.
      expect.objectContaining({ kind: 'mediation', dueOn: '2026-03-17', status: 'elapsed', basis: 'LDMAL Art. 14', assignee: 'mediator' }),
    ]);
    const s = drive([
      ['ACCEPT', '2026-03-04'],
      ['START_MEDIATION', '2026-03-05'],
      // LDMAL Art. 42(2)–(3): the agreement becomes the tribunal's 调解书, so the tribunal is formed first.
      ['FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [7], presidingId: 7 }],
      ['MEDIATION_AGREED', '2026-03-06', { terms: '支付工资' }],
    ]);
    expect(at(s, '2026-03-07').mediation_signature).toMatchObject({ dueOn: '2026-04-20', status: 'open' });
  });
});

describe('provisionalBasis', () => {
  it('names the years whose Spring Festival it counted apart from those it did not (a span over 2030 and 2031)', () => {
    expect(provisionalBasis([2027])).toContain('春节（除夕至正月初三）');
    expect(provisionalBasis([2027])).toContain('未计清明节');
    const mixed = provisionalBasis([2030, 2031]);
    expect(mixed).toContain('春节（2030年，除夕至正月初三）');
    expect(mixed).toContain('未计2031年的春节、清明节');
    expect(provisionalBasis([2031])).toContain('未计春节、清明节');
  });
});
