import { describe, expect, it } from 'vitest';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { assessLimitation } from '../../workflows/limitation.ts';

const cal = new OfficialCalendar(packagedCalendarYears());
const comp = [{ id: 1, category: 'economic_compensation' as const }];
const wages = [{ id: 2, category: 'wages' as const }];

describe('limitation period warning (LDMAL Art. 27)', () => {
  it('one year from when the worker knew', () => {
    expect(assessLimitation({ knewOn: '2025-03-01' }, '2026-02-28', comp)).toMatchObject({ status: 'within', expiresOn: '2026-03-01' });
    const late = assessLimitation({ knewOn: '2025-03-01' }, '2026-03-02', comp);
    expect(late.status).toBe('expired');
    expect(late.reasoning).toContain('系统不据此不予受理');
  });
  it('an interruption starts a fresh year; a suspension adds its days', () => {
    const r = assessLimitation(
      {
        knewOn: '2024-03-01',
        interruptions: [{ on: '2025-01-10', kind: '向用人单位主张权利' }],
        suspensions: [{ from: '2025-06-01', to: '2025-06-11' }],
      },
      '2026-01-15',
      comp,
    );
    expect(r).toMatchObject({ status: 'within', expiresOn: '2026-01-20' });
    expect(r.reasoning).toContain('2025-01-10因向用人单位主张权利时效中断');
  });
  it('a claim is named by its number in the case (第1项), not its database id', () => {
    const r = assessLimitation({ knewOn: '2025-03-01', employmentStatus: 'ongoing' }, '2026-02-28', [
      { id: 65, category: 'wages', seq: 1 },
    ]);
    expect(r.reasoning).toContain('劳动报酬请求（第1项）');
    expect(r.reasoning).not.toContain('65');
  });
  it('the other claims beside remuneration are named by their number too (其他请求（第2项）, not its id)', () => {
    const r = assessLimitation({ knewOn: '2025-03-01', employmentStatus: 'ongoing' }, '2026-02-28', [
      { id: 65, category: 'wages', seq: 1 },
      { id: 7, category: 'economic_compensation', seq: 2 },
    ]);
    expect(r.reasoning).toContain('其他请求（第2项）：');
    expect(r.reasoning).not.toContain('（7）');
  });
  it('remuneration during employment is exempt; one year from its end afterwards', () => {
    expect(assessLimitation({ knewOn: '2020-01-01', employmentStatus: 'ongoing' }, '2026-03-02', wages).status).toBe('exempt');
    expect(assessLimitation({ knewOn: '2020-01-01', employmentEndedOn: '2025-12-31' }, '2026-03-02', wages)).toMatchObject({
      status: 'within',
      expiresOn: '2026-12-31',
    });
  });
  it('29 February: the year ends on the last day of February (CivCode Art. 202)', () => {
    expect(assessLimitation({ knewOn: '2024-02-29' }, '2024-03-01', comp).expiresOn).toBe('2025-02-28');
  });

  // Issue 11 item 8.
  it('the exemption follows the claim category and the employment status, not the migrant-worker flag', () => {
    // Employment ongoing: the wages claim is exempt, the compensation claim is not (old code: one status for the case,
    // and only when the priority flag `wageArrears` was set).
    const mixed = assessLimitation({ knewOn: '2024-01-10', employmentStatus: 'ongoing' }, '2026-03-02', [...wages, ...comp]);
    expect(mixed.status).toBe('expired');
    expect(mixed.claims).toEqual([
      { claimId: 2, status: 'exempt', expiresOn: null },
      { claimId: 1, status: 'expired', expiresOn: '2025-01-10' },
    ]);
    expect(mixed.reasoning).toContain('劳动关系存续期间');
    // A compensation claim alone is never exempt, whatever the employment status.
    expect(assessLimitation({ knewOn: '2024-01-10', employmentStatus: 'ongoing' }, '2026-03-02', comp).status).toBe('expired');
    // Employment status not recorded: the wages claim is counted like any other, and the reasoning says what would exempt it.
    const unknown = assessLimitation({ knewOn: '2024-01-10' }, '2026-03-02', wages);
    expect(unknown.status).toBe('expired');
    expect(unknown.reasoning).toContain('未记录劳动关系是否存续');
    expect(unknown.reasoning).not.toContain('employmentStatus');
  });
  it('a limitation year ending on a rest day extends to the next working day (CivCode Art. 203)', () => {
    // Knew 2025-10-04: nominally 2026-10-04, inside National Day 2026 (10-01…10-07) → 2026-10-08.
    const r = assessLimitation({ knewOn: '2025-10-04' }, '2026-10-08', comp, cal);
    expect(r).toMatchObject({ status: 'within', expiresOn: '2026-10-08' });
    expect(r.reasoning).toContain('顺延至其后第一个工作日2026-10-08');
    // A Saturday: knew 2025-03-07 → 2026-03-07 (Saturday) → Monday 2026-03-09.
    expect(assessLimitation({ knewOn: '2025-03-07' }, '2026-03-09', comp, cal).expiresOn).toBe('2026-03-09');
    // Beyond the loaded calendar the roll is judged on weekends only, and said so: 2027-03-06 is a Saturday.
    const beyond = assessLimitation({ knewOn: '2026-03-06' }, '2026-12-01', comp, cal);
    expect(beyond.expiresOn).toBe('2027-03-08');
    expect(beyond.reasoning).toContain('缺少2027年');
  });
});
