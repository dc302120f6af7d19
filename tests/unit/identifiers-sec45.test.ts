import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText, maskMobilesInText, maskPersonalNumbersInText } from '../../workflows/identifiers.ts';

// Outside security tester s45 M1: an identity number or a mobile written right next to Latin letters was read as part
// of a word and never masked, so full numbers showed in the history for every reader.
describe('numbers next to Latin letters (s45 M1)', () => {
  it.each([
    ['申请人身份证ID371502199001011234，', '申请人身份证ID3715**********1234，'],
    ['同事sfz371501199203154560', '同事sfz3715**********4560'],
    ['身份证371502199001011234abc', '身份证3715**********1234abc'],
    ['身份证371502199001011234Tel', '身份证3715**********1234Tel'],
    ['ID11010519491231002Xabc', 'ID1101**********002Xabc'],
    ['ID371502 19900101 1234', 'ID3715**********1234'],
  ])('an identity number passing the GB 11643 check character: %s', (typed, masked) => {
    expect(maskIdNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersInText(typed)).toBe(masked);
  });
  it.each([
    ['手机TEL13812345678，', '手机TEL138****5678，'],
    ['tel13812345678', 'tel138****5678'],
    ['QQ13812345678', 'QQ138****5678'],
    ['A13812345678', 'A138****5678'],
    ['13812345678abc', '138****5678abc'],
    ['13812345678Tel', '138****5678Tel'],
    ['13912345678xyz', '139****5678xyz'],
    // A single x after it, then nothing or punctuation (reviewer s45 L1).
    ['13812345678x', '138****5678x'],
    ['电话13812345678X，', '电话138****5678X，'],
    ['TEL138-1234-5678', 'TEL138-****-5678'],
  ])('a mobile of 1[3-9] and 9 digits: %s', (typed, masked) => {
    expect(maskMobilesInText(typed)).toBe(masked);
    expect(maskPersonalNumbersInText(typed)).toBe(masked);
  });
  it('still leaves alone a word\u2019s digits that are neither', () => {
    for (const s of [
      // A wrong check character, no province, an impossible birth date: no identity number.
      'ID371502199001011235',
      'sha1a371502199001011235b',
      'abc2026120312345678',
      'ab991502199001011234',
      // Not a mobile: 12…, too long, a part of a longer group.
      'SN12912345678',
      'SN139123456789',
      'v2.0.1',
      'ABC-2026-00012',
      '4a311cdd-a175-4018-8121-778521bce013',
    ]) {
      expect(maskPersonalNumbersInText(s)).toBe(s);
    }
  });
});
