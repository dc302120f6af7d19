import { describe, expect, it } from 'vitest';

/**
 * s61 C #3: a correction refused with 412 (web/merge.js) keeps a claim's 全体申请人共同 — the registration form's explicit
 * `joint` marker — as it keeps an owner: a merge never makes a joint claim one applicant's, nor one applicant's claim
 * joint, unless one side chose it; a claim not yet given an owner stays unchosen, not joint.
 */
describe('s61 C #3 mergeEdits: the joint marker of a claim', async () => {
  // @ts-expect-error the web interface is plain JavaScript modules (no types)
  const { mergeEdits, pathOf } = await import('../../web/merge.js');
  const party = (id: number | undefined, name: string) => ({
    ...(id ? { id } : {}),
    kind: 'person',
    name,
    idNumber: '',
    creditCode: '',
    legalRepresentative: '',
    ownership: '',
    phone: '',
    address: '',
    agents: [],
  });
  // As web/pages/register.js modelFromCase draws a case of two workers: claim 7 theirs together, claim 8 李四's own.
  const base = {
    receivedOn: '2026-03-30',
    channel: 'counter',
    district: '东昌府区',
    procedure: 'ordinary',
    wageArrears: false,
    facts: '',
    applicants: [party(1, '张三'), party(2, '李四')],
    respondents: [],
    claims: [
      { id: 7, category: 'wages', amount: '100', description: '工资', applicant: '', joint: true },
      { id: 8, category: 'wages', amount: '50', description: '加班费', applicant: '2', joint: false },
    ],
    limitation: { knewOn: '', employmentStatus: '', employmentEndedOn: '' },
  };
  const copy = () => JSON.parse(JSON.stringify(base));
  const owners = (m: { claims: { applicant: string; joint?: boolean }[] }) => m.claims.map((c) => [c.applicant, Boolean(c.joint)]);

  it('the other side’s unrelated change leaves both owners as they were: joint stays joint, 李四’s stays his', () => {
    const theirs = copy();
    theirs.facts = '他人改的事实';
    const { model, conflicts } = mergeEdits(base, copy(), theirs);
    expect(conflicts).toEqual([]);
    expect(owners(model)).toEqual([
      ['', true],
      ['2', false],
    ]);
  });

  it('this person’s change of owner is kept either way: joint → 张三, 李四’s → 全体申请人共同', () => {
    const mine = copy();
    Object.assign(mine.claims[0], { applicant: '1', joint: false });
    Object.assign(mine.claims[1], { applicant: '', joint: true });
    const theirs = copy();
    theirs.facts = '他人改的事实';
    const { model, conflicts, changes } = mergeEdits(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(owners(model)).toEqual([
      ['1', false],
      ['', true],
    ]);
    expect(changes.map((c: { value: string }) => c.value)).toEqual(['第1名申请人（张三）', '全体申请人共同']);
  });

  it('the other side’s change of owner is kept when this person did not touch it', () => {
    const theirs = copy();
    Object.assign(theirs.claims[0], { applicant: '2', joint: false });
    Object.assign(theirs.claims[1], { applicant: '', joint: true });
    const { model } = mergeEdits(base, copy(), theirs);
    expect(owners(model)).toEqual([
      ['2', false],
      ['', true],
    ]);
  });

  it('both changed it differently: the saved owner kept, 改用我的内容 offers 全体申请人共同 as the select’s value', () => {
    const mine = copy();
    Object.assign(mine.claims[1], { applicant: '', joint: true });
    const theirs = copy();
    Object.assign(theirs.claims[1], { applicant: '1', joint: false });
    const { model, conflicts } = mergeEdits(base, mine, theirs);
    expect(owners(model)[1]).toEqual(['1', false]);
    expect(conflicts).toHaveLength(1);
    expect(pathOf(model, conflicts[0].ref)).toBe('claims.1.applicant');
    expect(conflicts[0]).toMatchObject({ mine: 'all', mineText: '全体申请人共同', theirsText: '第1名申请人（张三）' });
  });

  it('a new claim: 全体申请人共同 chosen stays joint; one not yet given an owner stays unchosen, not joint', () => {
    const mine = copy();
    mine.claims.push({ category: 'wages', amount: '1', description: '共同', applicant: '', joint: true });
    mine.claims.push({ category: 'wages', amount: '2', description: '未选', applicant: '', joint: false });
    const { model } = mergeEdits(base, mine, copy());
    expect(owners(model).slice(2)).toEqual([
      ['', true],
      ['', false],
    ]);
  });

  it('a sole applicant’s claim stays his when this person added a second applicant and the other saved meanwhile', () => {
    const one = {
      ...copy(),
      applicants: [party(1, '张三')],
      claims: [{ id: 7, category: 'wages', amount: '100', description: '工资', applicant: '1', joint: false }],
    };
    const mine = JSON.parse(JSON.stringify(one));
    mine.applicants.push(party(undefined, '王五'));
    const theirs = JSON.parse(JSON.stringify(one));
    theirs.facts = '他人改的事实';
    const { model, conflicts } = mergeEdits(one, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(model.applicants.map((p: { name: string }) => p.name)).toEqual(['张三', '王五']);
    expect(owners(model)).toEqual([['1', false]]);
  });

  it('a draft kept before the marker (no `joint`): a registered claim with no owner reads as the server stores it', () => {
    const old = copy();
    for (const c of old.claims) delete c.joint;
    old.claims[1].applicant = '';
    // Two applicants: the applicants' together — never turned into （请选择） or one applicant's.
    const { model } = mergeEdits(old, JSON.parse(JSON.stringify(old)), copy());
    expect(owners(model)[0]).toEqual(['', true]);
  });
});
