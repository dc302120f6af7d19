import { describe, expect, it } from 'vitest';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { roleActs } = await import('../../web/core.js');
const { EVENT_ROLES } = await import('../../workflows/roles.ts');

describe('fixU56 #3 roleActs: which roles get a 下一步 block', () => {
  it('the procedural roles act; the analyst and the admin do not (the vocabulary as the server sends it)', () => {
    for (const r of ['clerk', 'arbitrator', 'chair', 'mediator']) expect(roleActs(r, EVENT_ROLES)).toBe(true);
    for (const r of ['analyst', 'admin']) expect(roleActs(r, EVENT_ROLES)).toBe(false);
  });
  it('no role or no vocabulary: no acts', () => {
    expect(roleActs(undefined, EVENT_ROLES)).toBe(false);
    expect(roleActs('clerk', undefined)).toBe(false);
    expect(roleActs('clerk', { ACCEPT: ['clerk'], BAD: null })).toBe(true);
  });
});

describe("fixU56 #2 a correction refused with 412: the agent's 委托权限 is merged as his other fields", async () => {
  // @ts-expect-error the web interface is plain JavaScript modules (no types)
  const { mergeEdits } = await import('../../web/merge.js');
  const agent = { id: 11, name: '赵小红', kind: 'relative', unit: '', phone: '', relationship: '姐姐', powers: 'special' };
  const base = {
    receivedOn: '2026-03-30',
    channel: 'counter',
    district: '东昌府区',
    procedure: 'ordinary',
    wageArrears: false,
    facts: '',
    applicants: [
      {
        id: 1,
        kind: 'person',
        name: '张三',
        idNumber: '',
        creditCode: '',
        legalRepresentative: '',
        ownership: '',
        phone: '',
        address: '',
        agents: [agent],
      },
    ],
    respondents: [],
    claims: [],
    limitation: { knewOn: '', employmentStatus: '', employmentEndedOn: '' },
  };
  const copy = () => JSON.parse(JSON.stringify(base));
  it('changed only here: kept; changed on both sides differently: a conflict named 委托权限', () => {
    const mine = copy();
    mine.applicants[0].agents[0].powers = 'general';
    const theirs = copy();
    theirs.facts = '他人改的事实';
    const merged = mergeEdits(base, mine, theirs);
    expect(merged.model.applicants[0].agents[0].powers).toBe('general');
    expect(merged.conflicts).toHaveLength(0);
    const other = copy();
    other.applicants[0].agents[0].powers = '';
    const both = mergeEdits(base, mine, other);
    expect(both.model.applicants[0].agents[0].powers).toBe('');
    expect(JSON.stringify(both.conflicts)).toContain('委托权限');
  });
});
