import { describe, expect, it } from 'vitest';
import {
  foldDigits,
  holdsPersonalNumber,
  maskIdNumbersInText,
  maskMobilesInText,
  maskPersonalNumbersInText,
  maskPersonalNumbersLeniently,
} from '../../workflows/identifiers.ts';
import { DIGIT_FORMS, fromTable, fromZero } from '../helpers/digit-forms.ts';

/**
 * Identity numbers and mobiles written in digits other than ASCII (an outside tester's finding, sec43b, LOW): read as
 * the digits they stand for by the name check and every masker, masked as typed.
 */
const ID = '371502198506071238';
const MOBILE = '13987654321';
const FORMS = DIGIT_FORMS;

describe('digits of other scripts and forms (sec43b)', () => {
  it.each(FORMS)('%s: folded to ASCII digits', (_, write) => {
    expect(foldDigits(write(ID))).toBe(ID);
    expect(foldDigits(`电话${write(MOBILE)}`)).toBe(`电话${MOBILE}`);
  });

  it.each(FORMS)('%s: an identity number and a mobile in a name are told; masked as typed, character for character', (_, write) => {
    const id = write(ID);
    const mobile = write(MOBILE);
    const chars = (s: string) => [...s];
    expect(holdsPersonalNumber(`张${id}`)).toBe(true);
    expect(holdsPersonalNumber(`李${mobile}`)).toBe(true);
    const idMasked = `${chars(id).slice(0, 4).join('')}${'*'.repeat(10)}${chars(id).slice(-4).join('')}`;
    const mobileMasked = `${chars(mobile).slice(0, 3).join('')}****${chars(mobile).slice(-4).join('')}`;
    const text = `申请人身份证${id}，电话${mobile}。`;
    expect(maskPersonalNumbersInText(text)).toBe(`申请人身份证${idMasked}，电话${mobileMasked}。`);
    expect(maskIdNumbersInText(text)).toBe(`申请人身份证${idMasked}，电话${mobile}。`);
    expect(maskMobilesInText(text)).toBe(`申请人身份证${id}，电话${mobileMasked}。`);
    expect(maskPersonalNumbersLeniently(`/api/cases/${id}`)).toBe(`/api/cases/${idMasked}`);
    // Grouped with separators, as written down.
    const grouped = `${write('139')} ${write('8765')} ${write('4321')}`;
    expect(maskPersonalNumbersInText(`电话${grouped}`)).toBe(`电话${write('139')} **** ${write('4321')}`);
  });

  it('mixed with ASCII digits and other forms, one number', () => {
    const mixed = `371502${fromZero(0x1d7ce)('19850607')}${fromTable('⁰¹²³⁴⁵⁶⁷⁸⁹')('1238')}`;
    expect(maskPersonalNumbersInText(mixed)).toBe(`3715${'*'.repeat(10)}¹²³⁸`);
    expect(maskPersonalNumbersInText(`一三九${'8765'}四三二一`)).toBe('一三九****四三二一');
  });

  it('a circled number of two digits is one character: masked as one', () => {
    // ⑩ reads as 10: 139⑩765432 is 13910765432 — its 4th–7th digits (1, 0, 7, 6) hide ⑩, 7 and 6.
    expect(foldDigits('139⑩765432')).toBe('13910765432');
    expect(maskPersonalNumbersInText('电话139⑩765432。')).toBe('电话139***5432。');
    // Twelve digits are no mobile.
    expect(maskPersonalNumbersInText('139⑩7654321')).toBe('139⑩7654321');
  });

  it('a name or a mobile beside Chinese numerals that are part of the name still shows the number (two readings)', () => {
    expect(maskPersonalNumbersInText('张三13987654321')).toBe('张三139****4321');
    expect(maskPersonalNumbersInText('李三三13987654321')).toBe('李三三139****4321');
    expect(holdsPersonalNumber('李三三13987654321')).toBe(true);
    expect(maskPersonalNumbersInText(`王二${ID}`)).toBe(`王二3715**********1238`);
    // A name ending in a numeral, the number in Chinese numerals right after it: the number starts after the name.
    expect(maskPersonalNumbersInText('李四一三九八七六五四三二一')).toBe('李四一三九****四三二一');
    expect(holdsPersonalNumber('李四一三九八七六五四三二一')).toBe(true);
    const chineseId = '三七一五〇二一九八五〇六〇七一二三八';
    for (const mask of [maskPersonalNumbersInText, maskPersonalNumbersLeniently]) {
      expect(mask(`张三${chineseId}`)).toBe(`张三三七一五${'*'.repeat(10)}一二三八`);
      expect(mask(`张三${chineseId}一三九八七六五四三二一`)).toBe(`张三三七一五${'*'.repeat(10)}一二三八一三九****四三二一`);
    }
    expect(maskPersonalNumbersInText(`王二二〇二六年十二月入职，身份证${chineseId}`)).toBe(
      `王二二〇二六年十二月入职，身份证三七一五${'*'.repeat(10)}一二三八`,
    );
  });

  it('leaves alone what is neither: Chinese dates, amounts and names, scripts with digits of their own in short numbers', () => {
    for (const s of [
      '王二',
      '张三',
      '李三三',
      '二〇二六年十二月三日',
      '二○二六年一月一日至二○二六年十二月三十一日',
      '拖欠工资一万二千元，加班费壹万贰仟叁佰元',
      '第一二三项',
      'ᠪᠠ\u180bᠲᠤ ᠮᠥ\u180eᠩᠬᠡ\u200dᠪ\u180c',
      'ئۇيغۇر\u200cچە',
      'عبد الله ١٢٣',
      '½ ¼ Ⅻ',
      '①②③',
      '𝟐𝟎𝟐𝟔年',
    ]) {
      expect(maskPersonalNumbersLeniently(s)).toBe(s);
      expect(maskPersonalNumbersInText(s)).toBe(s);
      expect(holdsPersonalNumber(s)).toBe(false);
    }
  });

  it('invisible characters still read through, and ASCII text is read as it is', () => {
    expect(
      maskPersonalNumbersInText(`${fromZero(0x0660)('371502')}\u200b${fromZero(0x0660)('19850607')}\u00ad${fromZero(0x0660)('1238')}`),
    ).toBe(`٣٧١٥${'*'.repeat(10)}١٢٣٨`);
    expect(foldDigits('abc 123')).toBe('abc 123');
  });
});
