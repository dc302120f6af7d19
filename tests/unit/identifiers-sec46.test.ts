import { describe, expect, it } from 'vitest';
import {
  foldDigits,
  holdsPersonalNumber,
  maskIdNumbersInText,
  maskMobilesInText,
  maskPersonalNumbersInText,
  maskPersonalNumbersLeniently,
} from '../../workflows/identifiers.ts';

// Outside security tester s46 H1: an 18-digit identity number followed at once by x/X was masked nowhere — the x was
// read as its check character, making 19 characters, no identity number and (18 digits) no overlong group either.
describe('an identity number followed by x (s46 H1)', () => {
  it.each([
    ['张三371502199001011234X', '张三3715**********1234X'],
    ['idno371502199001011234x', 'idno3715**********1234x'],
    ['身份证371502199001011234X有误', '身份证3715**********1234X有误'],
    ['李371502199001011234X', '李3715**********1234X'],
    ['/api/cases/371502199001011234X', '/api/cases/3715**********1234X'],
    ['张三３７１５０２１９９００１０１１２３４ｘ', '张三３７１５**********１２３４ｘ'],
    ['NO.371502199001011234xyz', 'NO.3715**********1234xyz'],
    ['3715021990010112 34x', '3715**********1234x'],
    ['371502 19900101 1234X。', '3715**********1234X。'],
    // 17 digits and X, then letters (an x among them).
    ['ID11010519491231002Xx', 'ID1101**********002Xx'],
    ['11010519491231002Xabc', '1101**********002Xabc'],
  ])('%s', (typed, masked) => {
    expect(maskIdNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersLeniently(typed)).toBe(masked);
    expect(holdsPersonalNumber(typed)).toBe(true);
  });
  it('reads 18 digits before an x strictly in text (their check character), always in the log and the name rule', () => {
    // Wrong check character (…1235): a word's digits in text, masked by the lenient reading.
    for (const s of ['ab371502199001011235x', '371502199001011235X']) {
      expect(maskPersonalNumbersInText(s)).toBe(s);
      expect(maskPersonalNumbersLeniently(s)).toContain('3715**********1235');
      expect(holdsPersonalNumber(s)).toBe(true);
    }
  });
  it('a mobile followed by x stays masked as a mobile', () => {
    expect(maskPersonalNumbersInText('13812345678x')).toBe('138****5678x');
  });
});

// Outside security tester s46 L3: a mobile after a trunk 0, an identity number ending in the Roman numeral ten, and
// first-generation (15-digit) identity numbers were masked nowhere.
describe('trunk 0, Roman numeral ten, 15-digit identity numbers (s46 L3)', () => {
  it.each([
    ['电话：0139 1234 5678', '电话：0139 **** 5678'],
    ['电话013912345678。', '电话0139****5678。'],
    ['0 139 1234 5678', '0 139 **** 5678'],
    ['TEL013912345678', 'TEL0139****5678'],
  ])('a mobile after a trunk 0: %s', (typed, masked) => {
    expect(maskMobilesInText(typed)).toBe(masked);
    expect(maskPersonalNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersLeniently(typed)).toBe(masked);
    expect(holdsPersonalNumber(typed)).toBe(true);
  });
  it.each([
    ['身份证11010519491231002Ⅹ', '身份证1101**********002Ⅹ'],
    ['身份证11010519491231002ⅹ号', '身份证1101**********002ⅹ号'],
    ['张三371502199001011234Ⅹ', '张三3715**********1234Ⅹ'],
  ])('the Roman numeral ten as the check character, or after it: %s', (typed, masked) => {
    expect(maskIdNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersLeniently(typed)).toBe(masked);
    expect(holdsPersonalNumber(typed)).toBe(true);
  });
  it('folds the Roman numeral ten to X for search', () => {
    expect(foldDigits('11010519491231002Ⅹ')).toBe('11010519491231002X');
  });
  it.each([
    ['370102800101123', '3701*******1123'],
    ['旧身份证370102 800101 123。', '旧身份证3701*******1123。'],
    ['张三370102800101123', '张三3701*******1123'],
    ['sfz370102800101123', 'sfz3701*******1123'],
    ['３７０１０２８０１２３１１２３', '３７０１*******１１２３'],
  ])('a first-generation identity number: %s', (typed, masked) => {
    expect(maskIdNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersLeniently(typed)).toBe(masked);
    expect(holdsPersonalNumber(typed)).toBe(true);
  });
  it('leaves alone 15 digits that are none: no province, no real YYMMDD; landlines with a trunk 0', () => {
    for (const s of [
      '案号202612030001234',
      '金额123456789012345',
      '370102801301123',
      '370102800230123',
      '990102800101123',
      '010-62345678',
      '01062345678',
      '0531-88888888',
      '0635 8888 8888',
      // Fifteen digits inside a longer grouped number are no first-generation identity number (reviewer s46 L3).
      '卡号6217 3715 0290 0101 123',
    ]) {
      expect(maskPersonalNumbersInText(s)).toBe(s);
      expect(maskPersonalNumbersLeniently(s)).toBe(s);
      expect(holdsPersonalNumber(s)).toBe(false);
    }
  });
});
