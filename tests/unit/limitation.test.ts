import { describe, expect, it } from 'vitest';
import { assessLimitation } from '../../workflows/limitation.ts';

describe('limitation period warning (LDMAL Art. 27)', () => {
  it('one year from when the worker knew', () => {
    expect(assessLimitation({ knewOn: '2025-03-01' }, '2026-02-28')).toMatchObject({ status: 'within', expiresOn: '2026-03-01' });
    const late = assessLimitation({ knewOn: '2025-03-01' }, '2026-03-02');
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
    );
    expect(r).toMatchObject({ status: 'within', expiresOn: '2026-01-20' });
    expect(r.reasoning).toContain('2025-01-10因向用人单位主张权利时效中断');
  });
  it('wage arrears: exempt during employment; one year from its end afterwards', () => {
    expect(assessLimitation({ knewOn: '2020-01-01', wageArrears: true }, '2026-03-02').status).toBe('exempt');
    expect(assessLimitation({ knewOn: '2020-01-01', wageArrears: true, employmentEndedOn: '2025-12-31' }, '2026-03-02')).toMatchObject({
      status: 'within',
      expiresOn: '2026-12-31',
    });
  });
  it('29 February: the year ends on the last day of February (CivCode Art. 202)', () => {
    expect(assessLimitation({ knewOn: '2024-02-29' }, '2024-03-01').expiresOn).toBe('2025-02-28');
  });
});
