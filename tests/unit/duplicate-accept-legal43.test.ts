import { describe, expect, it } from 'vitest';
import { duplicateAcceptRefusal, type EarlierCase } from '../../workflows/duplicates.ts';

/** Rules Art. 34 at ACCEPT, judged on the registration's warnings and the earlier cases as they stand now. */
const earlier = (over: Partial<EarlierCase> = {}): EarlierCase => ({
  id: 7,
  caseNo: '聊劳人仲案字〔2026〕第3号',
  receivedOn: '2026-03-02',
  state: 'accepted',
  closureMode: null,
  ...over,
});
const recorded = [{ caseId: 7, bars: true }];

describe('duplicateAcceptRefusal (Rules Arts. 34–35)', () => {
  it('an earlier case still pending refuses the acceptance, naming it and the field to confirm', () => {
    const v = duplicateAcceptRefusal(recorded, [earlier()], {});
    expect(v).toMatchObject({ rule: 'duplicate-application-pending', field: 'notSameMatter', source: 'Rules Art. 34' });
    expect(v?.detail).toContain('聊劳人仲案字〔2026〕第3号仍在仲裁程序中');
  });

  it('an earlier decided case bars too; one withdrawn since, or an award set aside, does not', () => {
    expect(duplicateAcceptRefusal(recorded, [earlier({ state: 'award_issued', closureMode: 'award' })], {})?.detail).toContain(
      '已作出裁决',
    );
    expect(duplicateAcceptRefusal(recorded, [earlier({ state: 'closed_withdrawn', closureMode: 'withdrawal' })], {})).toBeNull();
    expect(duplicateAcceptRefusal(recorded, [earlier({ state: 'award_set_aside', closureMode: 'award' })], {})).toBeNull();
  });

  it('the clerk’s statement that it is not the same matter lets it through; a warning that did not bar never refuses', () => {
    expect(duplicateAcceptRefusal(recorded, [earlier()], { notSameMatter: true })).toBeNull();
    expect(duplicateAcceptRefusal([{ caseId: 7, bars: false }], [earlier()], {})).toBeNull();
    expect(duplicateAcceptRefusal(recorded, [], {})).toBeNull();
  });

  it('an earlier case not yet numbered is named by its receipt date', () => {
    expect(duplicateAcceptRefusal(recorded, [earlier({ caseNo: null, state: 'received' })], {})?.detail).toContain(
      '收件日期为2026-03-02的申请',
    );
  });
});
