import { describe, expect, it } from 'vitest';
import { impersonal, onlyPlainKeys } from '../../db/stores/cases.ts';

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

/**
 * Which case UPDATEs may go into a simple query's text on PostgreSQL (db/stores/cases.ts `update`, locked): only those
 * whose every value is a code, an identifier, a date or a number — nothing a party wrote, no person's number.
 */
describe('impersonal', () => {
  it("takes an acceptance's columns: the state, the statechart's snapshot of ids, codes and dates, the year", () => {
    expect(
      impersonal({
        state: 'accepted',
        procedure: 'ordinary',
        acceptedOn: '2026-12-05',
        caseYear: 2026,
        closedOn: null,
        snapshot: {
          machineVersion: 3,
          value: { open: { active: 'accepted' } },
          context: { parties: [{ id: 9, side: 'applicant' }], wageArrears: false },
        },
        updatedAt: '2026-12-04T19:59:16.960Z',
      }),
    ).toBe(true);
  });

  it('refuses text a party wrote, Chinese text, a person’s number however written, and anything long', () => {
    expect(impersonal({ facts: '拖欠工资' })).toBe(false);
    expect(impersonal({ district: '东昌府区' })).toBe(false);
    expect(impersonal({ snapshot: { context: { defenses: [{ summary: 'denies' }] } } })).toBe(false);
    expect(impersonal({ snapshot: { context: { services: [{ phone: '13912345678' }] } } })).toBe(false);
    expect(impersonal({ x: '371502198506071238' })).toBe(false);
    expect(impersonal({ x: '371502-19850607' })).toBe(false);
    expect(impersonal({ x: 'a b' })).toBe(false);
    expect(impersonal({ 'free key': 1 })).toBe(false);
    expect(impersonal({ x: 'a'.repeat(41) })).toBe(false);
    expect(impersonal({ x: '138-1234-5678' })).toBe(false);
    expect(impersonal({ x: '3715-0219-8506-0712-38' })).toBe(false);
    expect(impersonal({ x: 'ZhangSan' })).toBe(false);
    expect(impersonal({ jurisdictionObjections: [{ grounds: 'zhangsan' }] })).toBe(false);
    expect(impersonal({ x: new Date() })).toBe(false);
    expect(impersonal({ x: Number.NaN })).toBe(false);
  });
});

describe('impersonal, under keys people write', () => {
  it('refuses any text under a reason, a summary, terms, items…, even one plain word; takes their nulls', () => {
    expect(impersonal({ snapshot: { context: { rejection: { reason: 'zhangsan', decidedOn: '2026-12-01' } } } })).toBe(false);
    expect(impersonal({ supplement: { items: ['idcopy'] } })).toBe(false);
    expect(impersonal({ mediation: { terms: null, agreedOn: null }, rejection: null, suspensions: [] })).toBe(true);
  });
});
