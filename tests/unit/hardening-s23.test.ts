import { describe, expect, it } from 'vitest';
import { checkIdBornBefore, completeIdNumber } from '../../workflows/identifiers.ts';

describe('checkIdBornBefore (GB 11643 birth date against a reference day)', () => {
  const id = (birth: string) => completeIdNumber(`371502${birth}123`);
  it('refuses a holder born on or after the day, accepts one born before', () => {
    expect(checkIdBornBefore('371502999912311233', '2026-03-02')).toContain('9999-12-31');
    expect(checkIdBornBefore(id('20260302'), '2026-03-02')).not.toBeNull();
    expect(checkIdBornBefore(id('20260301'), '2026-03-02')).toBeNull();
    expect(checkIdBornBefore(id('19900101'), '2026-03-02')).toBeNull();
  });
});
