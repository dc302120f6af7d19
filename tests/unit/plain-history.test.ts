import { describe, expect, it } from 'vitest';
import { onlyPlainKeys } from '../../db/stores/cases.ts';

/**
 * Which history entries may go into a simple query's text on PostgreSQL (db/stores/cases.ts appendEvent): only those
 * whose every key, at any depth, is one the system itself fills — never one that may hold what a party gave.
 */
describe('onlyPlainKeys', () => {
  it("takes an ACCEPT's entry: the state, its label, the acceptance day and the case number", () => {
    expect(onlyPlainKeys({})).toBe(true);
    expect(onlyPlainKeys(null)).toBe(true);
    expect(onlyPlainKeys({ state: 'received', stateLabel: '已收件待审查', acceptedOn: null, caseNo: null })).toBe(true);
    expect(onlyPlainKeys({ state: 'accepted', stateLabel: '已受理', acceptedOn: '2026-03-03', caseNo: '聊劳人仲案字〔2026〕第1号' })).toBe(
      true,
    );
  });

  it('refuses any other key, however deep, and so every entry that may name an identity number, a phone or an address', () => {
    expect(onlyPlainKeys({ state: 'accepted', applicants: [{ idNumber: '371502199001011234' }] })).toBe(false);
    expect(onlyPlainKeys({ state: { idNumber: 'x' } })).toBe(false);
    expect(onlyPlainKeys({ caseNo: [{ phone: '13800000000' }] })).toBe(false);
    expect(onlyPlainKeys({ address: '聊城市' })).toBe(false);
    expect(onlyPlainKeys({ servedOn: '2026-03-03' })).toBe(false);
    expect(onlyPlainKeys([{ state: 'a' }, { facts: '…' }])).toBe(false);
  });
});
