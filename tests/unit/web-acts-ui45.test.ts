import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { awardServiceConsequence, consequenceOf, partySide } from '../../web/acts.js';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;

const worker = { id: 1, kind: 'person', name: '王大槌' };
const company = { id: 2, kind: 'organization', name: '聊城某某机械有限公司', ownership: 'private' };
const caseWith = (finality: string | null, over: Record<string, unknown> = {}) => ({
  id: 1,
  track: 'arbitration',
  applicants: [worker],
  respondents: [company],
  award: finality ? { finality, issuedOn: '2026-03-30' } : null,
  ...over,
});
const serve = (c: unknown, partyId: number | string) =>
  consequenceOf('SERVE', c, { document: 'award', partyId, method: 'direct', occurredOn: '2026-04-01' }) as string;

describe('ui45 M4 the award-service confirmation, per party side and award kind', () => {
  it('a final award: the worker may sue (LDMAL Art. 48), the employer may only apply to set it aside (Art. 49)', () => {
    const toWorker = serve(caseWith('final'), 1);
    expect(toWorker).toContain('终局裁决');
    expect(toWorker).toContain('十五日内向人民法院提起诉讼（《劳动争议调解仲裁法》第四十八条）');
    expect(toWorker).not.toContain('撤销');
    const toEmployer = serve(caseWith('final'), 2);
    expect(toEmployer).toContain('用人单位不能向人民法院起诉');
    expect(toEmployer).toContain('三十日内向仲裁委员会所在地的中级人民法院申请撤销裁决（《劳动争议调解仲裁法》第四十九条）');
    expect(toEmployer).not.toContain('十五日');
  });
  it('a non-final award: either party may sue within 15 days (Art. 50), no setting aside', () => {
    for (const id of [1, 2]) {
      const said = serve(caseWith('non_final'), id);
      expect(said).toContain('十五日内向人民法院提起诉讼');
      expect(said).toContain('第五十条');
      expect(said).toContain('不适用申请撤销裁决');
    }
  });
  it('a mixed award says both parts', () => {
    const said = serve(caseWith('mixed'), 2);
    expect(said).toContain('终局事项，用人单位不能向人民法院起诉');
    expect(said).toContain('非终局事项，当事人不服的，可以自收到裁决书之日起十五日内');
  });
  it('the sides as workflows/sides.ts reads them: an employer applicant; the served date named first', () => {
    const employerApplies = caseWith('final', { applicants: [company], respondents: [worker] });
    expect(partySide(employerApplies, 2)).toBe('employer');
    expect(partySide(employerApplies, 1)).toBe('worker');
    expect(awardServiceConsequence(employerApplies, 1)).toContain('第四十八条');
    expect(consequenceOf('SERVE', caseWith('final'), { document: 'award', partyId: 1, servedOn: '2026-04-01' })).toMatch(
      /^送达日期 2026-04-01。本裁决为终局裁决/,
    );
    // No award on the case (not read): the periods without a side, as before.
    expect(serve(caseWith(null), 1)).toContain('申请撤销裁决（三十日）');
  });
});
