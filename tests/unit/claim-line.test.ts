import { describe, expect, it } from 'vitest';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { claimLine, type HistoryEntry } from '../../workflows/claim-line.ts';
import { startCase } from '../../workflows/procedure.ts';

/**
 * The claim line read from a history (issue 17), with the change-of-claims and enforcement entries as the procedures of
 * round 2 record them (CHANGE_CLAIMS: `change` with `previous`, `add` with `addedClaims`, `withdraw`; APPLY_ENFORCEMENT,
 * RECORD_ENFORCEMENT_OUTCOME).
 */
const base = startCase({
  track: 'arbitration',
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-03-02',
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [
    { id: 11, category: 'wages' },
    { id: 12, category: 'economic_compensation' },
    { id: 13, category: 'damages' },
  ],
}).context;

let seq = 0;
const entry = (
  type: string,
  occurredOn: string,
  payload: Record<string, unknown> = {},
  extra: Partial<HistoryEntry> = {},
): HistoryEntry => ({
  seq: ++seq,
  type,
  occurredOn,
  payload,
  before: null,
  after: {},
  stateAfter: 'x',
  ...extra,
});
const registered = entry(
  'REGISTER',
  '2026-03-02',
  {},
  {
    after: {
      claims: [
        { id: 11, category: 'wages', amount: '12000.00', description: '工资' },
        { id: 12, category: 'economic_compensation', amount: '40000.00', description: '经济补偿' },
      ],
    },
  },
);
const changed = entry('CHANGE_CLAIMS', '2026-03-20', {
  change: [{ claimId: 12, amount: '45000.00' }],
  previous: { 12: { category: 'economic_compensation', amount: '40000.00', description: '经济补偿' } },
  add: [{ category: 'damages', amount: '8000', description: '未签劳动合同二倍工资差额' }],
  addedClaims: [{ id: 13, category: 'damages' }],
  withdraw: [11],
});
const award = entry('ISSUE_AWARD', '2026-04-01', {
  award: {
    items: [
      { claimId: 12, outcome: 'partly', amount: '30000.00', final: false },
      { claimId: 13, outcome: 'granted', amount: '8000.00', final: true },
    ],
  },
  items: [{ claimId: 13, calculation: { suggested: '8000.00', accepted: true } }],
});
const enforce = [
  entry('APPLY_ENFORCEMENT', '2026-05-10', { partyId: 1, court: '聊城市东昌府区人民法院' }),
  entry('RECORD_ENFORCEMENT_OUTCOME', '2026-06-10', { result: 'enforced' }),
];
const ctx: MachineContext = {
  ...base,
  award: {
    items: [
      {
        claimId: 12,
        category: 'economic_compensation',
        outcome: 'partly',
        amountFen: 3_000_000,
        amount: '30000.00',
        final: false,
        reason: '',
      },
      { claimId: 13, category: 'damages', outcome: 'granted', amountFen: 800_000, amount: '8000.00', final: true, reason: '' },
    ],
    finality: 'mixed',
    issuedOn: '2026-04-01',
    minimumWage: null,
    defaultAward: false,
  },
  ...({
    claimChanges: [{ on: '2026-03-20', added: [13], changed: [], withdrawn: [11], respondentWaivesDefense: false, consentsBefore: 0 }],
  } as object),
};
const history = [registered, changed, award, ...enforce];

describe('claim line from the history', () => {
  it('a claim changed after acceptance, then awarded: from 40,000 to 45,000, awarded 30,000 non-final', () => {
    const l = claimLine({ id: 12, seq: 2, category: 'economic_compensation', amountFen: 4_500_000, description: '经济补偿' }, ctx, history);
    expect(l.line.map((e) => [e.stage, e.amount ?? null])).toEqual([
      ['claimed', '40000.00'],
      ['changed', '45000.00'],
      ['award', '30000.00'],
    ]);
    expect(l).toMatchObject({ claimed: '40000.00', current: '45000.00', award: { final: false }, upheld: null, withdrawn: false });
    expect(l.line[1]?.text).toBe('变更仲裁请求：40000.00 → 45000.00元');
  });

  it('a claim added by the change: it starts there, its calculation and enforcement on the line', () => {
    const l = claimLine({ id: 13, seq: 3, category: 'damages', amountFen: 800_000, description: '二倍工资差额' }, ctx, history);
    expect(l.line.map((e) => e.stage)).toEqual(['added', 'award', 'enforcement', 'enforcement']);
    expect(l.claimed).toBe('8000.00');
    expect(l.line[1]?.text).toContain('计算器建议8000.00元，已采纳');
    expect(l).toMatchObject({ upheld: '8000.00', settled: true });
  });

  it('a claim given up ends there', () => {
    const l = claimLine({ id: 11, seq: 1, category: 'wages', amountFen: 1_200_000, description: '工资' }, ctx, history);
    expect(l.line.map((e) => e.stage)).toEqual(['claimed', 'withdrawn']);
    expect(l).toMatchObject({ withdrawn: true, award: null, status: '已放弃' });
  });
});
