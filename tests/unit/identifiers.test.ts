import { describe, expect, it } from 'vitest';
import { withoutInvisibleText } from '../../server/http/parse.ts';
import { loggedPath } from '../../server/logger.ts';
import {
  checkCreditCode,
  checkIdNumber,
  checkIsoDate,
  checkPhone,
  completeIdNumber,
  formatMoney,
  holdsPersonalNumber,
  idNumberFacts,
  maskIdNumber,
  maskIdNumbersInText,
  maskMobilesInText,
  maskPersonalNumbersInText,
  maskPersonalNumbersLeniently,
  parseMoney,
  withoutInvisibles,
} from '../../workflows/identifiers.ts';
import { creditCode, idNumber } from '../helpers/fixtures.ts';
import { INVISIBLE_SEPARATORS } from '../helpers/invisible.ts';

describe('GB 11643 identity numbers', () => {
  it('accepts valid numbers, including the X check character', () => {
    expect(checkIdNumber('371502199001011234')).toBeNull();
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('11010519491231002x')).toBeNull();
  });
  it.each([
    ['371502199001011235', '校验位'],
    ['37150219900101123', '18位'],
    ['3715021990010112A4', '18位'],
    ['371502199002301234', '出生日期'], // 1990-02-30
    ['371502189001011234', '出生日期'], // 1890
    ['991502199001011234', '地区码'],
  ])('refuses %s (%s)', (s, fragment) => {
    expect(checkIdNumber(s)).toContain(fragment);
  });
  it('every single-digit change is caught by the check character', () => {
    const good = idNumber('371502', '19851120', 77);
    for (let i = 0; i < 17; i++) {
      const d = Number(good[i]);
      const bad = good.slice(0, i) + String((d + 1) % 10) + good.slice(i + 1);
      expect(checkIdNumber(bad), bad).not.toBeNull();
    }
  });
  it('derives sex and birth date', () => {
    expect(idNumberFacts('371502199001011234')).toEqual({ birthDate: '1990-01-01', sex: 'male' });
    expect(idNumberFacts('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
  });
  it('masks all but the first and last four', () => {
    expect(maskIdNumber('371502199001011234')).toBe('3715**********1234');
  });
});

describe('identity numbers and mobiles in free text, as people write them down', () => {
  const both = (s: string) => maskMobilesInText(maskIdNumbersInText(s));
  it.each([
    ['身份证号11010519491231002X。', '身份证号1101**********002X。'],
    ['身份证号 110105 19491231 002X，', '身份证号 1101**********002X，'],
    ['身份证号110105-19491231-002x', '身份证号1101**********002x'],
    // Grouped in mixed separators it still reads as one (a province, a birth date); a longer run is not one.
    ['110105 19491231-002X', '1101**********002X'],
    ['账号6222021101051949123100', '账号6222021101051949123100'],
    // Grouped, the middle group must read as a birth date (1900–2019): a dated serial is not an identity number.
    ['编号370000-20261203-0012', '编号370000-20261203-0012'],
    ['110105 19491331 002X', '110105 19491331 002X'],
  ])('an identity number whole or in its 6-8-4 groups (one separator used twice): %s', (typed, masked) => {
    expect(maskIdNumbersInText(typed)).toBe(masked);
  });
  it('full-width digits as an input method types them: masked, the rest kept as typed', () => {
    expect(both('电话１３８００００５５５５，身份证１１０１０５１９４９１２３１００２Ｘ。')).toBe(
      '电话１３８****５５５５，身份证１１０１**********００２Ｘ。',
    );
    expect(both('电话138　0000　5555，＋86 139 0000 6666')).toBe('电话138　****　5555，＋86 139 **** 6666');
    expect(both('身份证110105　19491231　002X')).toBe('身份证1101**********002X');
  });
  it('in a JSON log line: after an escaped line break or tab too; a request id (UUID) is left whole', () => {
    expect(both('{"msg":"备注：\\n11010519491231002X\\t13800005555"}')).toBe('{"msg":"备注：\\n1101**********002X\\t138****5555"}');
    for (const id of ['4a311cdd-a175-4018-8121-778521bce013', '0c1d2e3f-1381-4000-8555-138000055550']) {
      expect(both(`{"reqId":"${id}"}`)).toBe(`{"reqId":"${id}"}`);
    }
    // A letter before the digits that is not an escape makes them part of a word — but for an identity number passing
    // the check character (outside tester s45 M1).
    expect(maskIdNumbersInText('ab11010519491231002X')).toBe('ab1101**********002X');
    expect(maskIdNumbersInText('ab110105194912310021')).toBe('ab110105194912310021');
  });
  it.each([
    ['电话13800005555', '电话138****5555'],
    ['电话 138 0000 5555。', '电话 138 **** 5555。'],
    ['电话138-0000-5555', '电话138-****-5555'],
    ['电话+86 13800005555', '电话+86 138****5555'],
    ['电话+8613800005555', '电话+86138****5555'],
    ['电话008613800005555', '电话0086138****5555'],
    ['电话8613800005555', '电话86138****5555'],
    ['电话86-138-0000-5555', '电话86-138-****-5555'],
  ])('a mobile whole, in 3-4-4 groups, or after the country code, its grouping and the code kept: %s', (typed, masked) => {
    expect(both(typed)).toBe(masked);
  });
  it.each([
    // Any grouping, one separator between groups (F2 of the outside security test).
    ['身份证1101 0519 4912 3100 2X。', '身份证1101**********002X。'],
    ['身份证110105 1949 1231 002X', '身份证1101**********002X'],
    ['身份证110105.19491231.002X', '身份证1101**********002X'],
    ['身份证110105/19491231/002X', '身份证1101**********002X'],
    ['身份证110105_19491231_002X', '身份证1101**********002X'],
    ['身份证110105·19491231·002X', '身份证1101**********002X'],
    ['身份证11 01 05 19 49 12 31 00 2X', '身份证1101**********002X'],
    // Half and full width mixed, as an input method switched midway.
    ['身份证1101051949123100２X', '身份证1101**********00２X'],
    ['身份证１１０１０５19491231002Ｘ', '身份证１１０１**********002Ｘ'],
    ['身份证110105．19491231．002X', '身份证1101**********002X'],
    // An identity number ending in X and a mobile written on together: both.
    ['11010519491231002X13912345678', '1101**********002X139****5678'],
    // A date, then a mobile in the same run of groups.
    ['于2025.12.01 13912345678联系', '于2025.12.01 139****5678联系'],
  ])('an identity number in any grouping, half or full width: %s', (typed, masked) => {
    expect(both(typed)).toBe(masked);
  });
  it.each([
    ['电话1 3 9 1 2 3 4 5 6 7 8', '电话1 3 9 * * * * 5 6 7 8'],
    ['电话139.1234.5678', '电话139.****.5678'],
    ['电话1391 234 5678', '电话139* *** 5678'],
    ['电话139/1234/5678', '电话139/****/5678'],
    ['电话＋86 139-1234-5678', '电话＋86 139-****-5678'],
    ['电话0086 139 1234 5678', '电话0086 139 **** 5678'],
    ['电话13９12345678', '电话13９****5678'],
  ])('a mobile in any grouping (one separator throughout): %s', (typed, masked) => {
    expect(both(typed)).toBe(masked);
  });
  it('leaves alone dates, amounts, serials and parts of longer digit runs', () => {
    for (const s of [
      '2025.12.01',
      '2025-12-01 至 2026-03-31',
      '12000.00元',
      '2023年3月',
      '26400 元',
      '共计 13000.00 1500.00 元',
      '编号370000-20261203-0012',
      '110105 19491331 002X',
      '99 0105 1949 1231 002X',
      '账号 6222 0211 0105 1949 1231 00',
      '12345678901234567890123',
      '2026年第12号，2026-00012',
      '0635-8888888',
      '第1 2 3项',
      'ab110105194912310021',
      '12912345678ab',
    ]) {
      expect(both(s)).toBe(s);
    }
  });
  it('the log reads leniently: next to letters, any group of 19 or more digits, mixed separators', () => {
    expect(maskPersonalNumbersLeniently('a11010519491231002Xb')).toBe('a1101**********002Xb');
    expect(maskPersonalNumbersLeniently('x110105194912310021' + '13912345678')).toBe('x1101*********************5678');
    expect(maskPersonalNumbersLeniently('/api/cases/x\n110105 19491231 002X')).toBe('/api/cases/x\n1101**********002X');
    expect(maskPersonalNumbersLeniently('139 1234-5678')).toBe('139 ****-5678');
    // A request id (UUID) and a timestamp stay whole.
    for (const s of ['0c1d2e3f-1381-4000-8555-138000055550', '"time":1775008800000', '"durationMs":13.5']) {
      expect(maskPersonalNumbersLeniently(s)).toBe(s);
    }
  });
  it('a name holding an identity number or a mobile is told (holdsPersonalNumber)', () => {
    for (const s of ['张三（身份证11010519491231002X，电话13912345678）', '11010519491231002X', '张三13912345678', '李四 139 1234 5678']) {
      expect(holdsPersonalNumber(s)).toBe(true);
    }
    for (const s of ['张三', '聊城某某机械有限公司', '第3分公司', '阿卜杜拉·买买提', 'Zhang San'])
      expect(holdsPersonalNumber(s)).toBe(false);
  });
  it('leaves alone what is neither: amounts, dates, landlines, longer digit runs', () => {
    for (const s of [
      '支付工资12000元，2026-03-25前付清',
      '固定电话0635-8888888',
      '银行卡号6222021234567890123',
      '案号聊劳人仲案字〔2026〕第12号',
      '12800005555',
      '138000055556',
    ]) {
      expect(both(s)).toBe(s);
    }
  });
});

describe('what shows nothing hides no number (outside security tester, HIGH)', () => {
  const ID = '371502198506071238';
  const id = (sep: string) => `371502${sep}19850607${sep}1238`;
  const mobile = (sep: string) => `1${sep}3987654321`;

  it.each(INVISIBLE_SEPARATORS.map((s) => [s.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0'), s]))(
    'U+%s between digits: masked in text, found by the name check and the log',
    (_, sep) => {
      const text = `申请人身份证${id(sep)}，电话${mobile(sep)}。`;
      expect(maskPersonalNumbersInText(text)).toBe('申请人身份证3715**********1238，电话139****4321。');
      expect(maskIdNumbersInText(text)).not.toContain('19850607');
      expect(maskMobilesInText(text)).toContain('139****4321');
      expect(holdsPersonalNumber(`张${id(sep)}`)).toBe(true);
      expect(holdsPersonalNumber(`张${mobile(sep)}`)).toBe(true);
      expect(maskPersonalNumbersLeniently(`/api/cases/${id(sep)}`)).toBe('/api/cases/3715**********1238');
      expect(loggedPath(`/api/cases/${encodeURIComponent(id(sep))}`)).toBe('/api/cases/3715**********1238');
      // Removed from input; a name of visible characters around one is the name without it.
      expect(withoutInvisibles(id(sep))).toBe(ID);
      expect(withoutInvisibles(`张${sep}三`)).toBe('张三');
      expect(holdsPersonalNumber(`张${sep}三`)).toBe(false);
    },
  );

  it('combining marks between digits, other spaces and dashes read as the text shows', () => {
    expect(maskPersonalNumbersInText(`电话1\u03013\u20e3987654321`)).not.toContain('87654321');
    expect(holdsPersonalNumber(`张371502\u030119850607\u03011238`)).toBe(true);
    expect(maskPersonalNumbersInText('电话139\u00a01234\u00a05678')).toBe('电话139\u00a0****\u00a05678');
    expect(maskPersonalNumbersInText('电话139\u20131234\u20135678')).toBe('电话139\u2013****\u20135678');
    expect(maskPersonalNumbersInText('110105\u202f19491231\u202f002X')).toBe('1101**********002X');
    // Mixed with visible separators and full width: one separator throughout still makes one mobile.
    expect(maskPersonalNumbersInText('１３９\u200b 1234 \u2060５６７８')).toBe('１３９ **** ５６７８');
    // Text without a number keeps its invisible characters (the maskers read; they do not clean).
    expect(maskPersonalNumbersInText('张\u200b三 2025\u200b.12.01 12000\u00ad.00元')).toBe('张\u200b三 2025\u200b.12.01 12000\u00ad.00元');
  });

  it('input: every text loses them, line breaks, tabs and bidi controls stay (the latter to be refused); keys stay', () => {
    const input = {
      name: '张\u200b三',
      facts: `第一行\n\t${id('\u00ad')}\u2060`,
      list: [{ x: 'a\ufeffb', n: 3 }],
      bidi: 'x\u202ey',
      'k\u200b': 'v',
    };
    const out = withoutInvisibleText(input);
    expect(out).toEqual({ name: '张三', facts: `第一行\n\t${ID}`, list: [{ x: 'ab', n: 3 }], bidi: 'x\u202ey', 'k\u200b': 'v' });
    // The input is not changed.
    expect(input.name).toBe('张\u200b三');
    expect(withoutInvisibleText('\u{e0041}x\u{e007f}')).toBe('x');
    expect(withoutInvisibleText(null)).toBeNull();
    // Visible format characters are not invisible: an Arabic number sign stays.
    expect(withoutInvisibles('\u0600١')).toBe('\u0600١');
  });

  it('a script\u2019s own shaping characters stay between its letters (reviewer L5); elsewhere, and by digits, they go', () => {
    // Traditional Mongolian (Inner Mongolia): free variation selectors, the vowel separator, ZWJ/ZWNJ between letters.
    for (const c of ['\u180b', '\u180c', '\u180d', '\u180e', '\u180f', '\u200c', '\u200d'])
      expect(withoutInvisibles(`ᠪᠠ${c}ᠲᠤ`), c).toBe(`ᠪᠠ${c}ᠲᠤ`);
    // A selector on a word's last letter: kept at the end, before a space or Mongolian punctuation.
    expect(withoutInvisibles('ᠪᠠᠲᠤ\u180b ᠮᠥᠩᠬᠡ\u180c')).toBe('ᠪᠠᠲᠤ\u180b ᠮᠥᠩᠬᠡ\u180c');
    expect(withoutInvisibles('ᠪᠠ\u180b᠂')).toBe('ᠪᠠ\u180b᠂');
    // Another invisible in the same run goes; the shaping character stays.
    expect(withoutInvisibles('ᠪ\u200b\u180b\u2060ᠠ')).toBe('ᠪ\u180bᠠ');
    // Uyghur (Arabic script): ZWNJ/ZWJ between letters, a vowel sign on the letter before included; not a Mongolian selector.
    expect(withoutInvisibles('ئۇيغۇر\u200cچە')).toBe('ئۇيغۇر\u200cچە');
    expect(withoutInvisibles('بَ\u200dا')).toBe('بَ\u200dا');
    expect(withoutInvisibles('ب\u180bا')).toBe('با');
    // Not between two letters of one script that uses them: Han, Latin, digits, Mongolian digits, mixed scripts.
    for (const [s, out] of [
      ['张\u200d三', '张三'],
      ['a\u200cb', 'ab'],
      ['ᠪ\u180b1', 'ᠪ1'],
      ['1\u180bᠪ', '1ᠪ'],
      ['᠑\u180b᠒', '᠑᠒'],
      ['ᠪ\u200dب', 'ᠪب'],
      ['ᠪ\u180e', 'ᠪ'],
      ['\u180bᠪ', 'ᠪ'],
    ] as const)
      expect(withoutInvisibles(s), s).toBe(out);
    // Never inside a number: each sits by a digit, so each goes — and the maskers read through them anyway.
    for (const c of ['\u180b', '\u180e', '\u180f', '\u200c', '\u200d']) {
      const typed = `ᠪᠠ${c}371502${c}19850607${c}1238${c}ᠲᠤ`;
      expect(withoutInvisibles(typed), c).toBe(`ᠪᠠ${ID}ᠲᠤ`);
      expect(holdsPersonalNumber(typed), c).toBe(true);
      expect(maskPersonalNumbersInText(typed), c).not.toContain('19850607');
      expect(maskPersonalNumbersInText(`ᠪ${c}139${c}8765${c}4321`), c).not.toContain('8765');
    }
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('accepts valid codes', () => {
    expect(checkCreditCode('91371500MA3C7K2L12')).toBeNull();
    expect(checkCreditCode(creditCode('91110000600037341'))).toBeNull();
  });
  it('refuses a wrong check character, forbidden letters and wrong length', () => {
    expect(checkCreditCode('91371500MA3C7K2L13')).toContain('校验位');
    expect(checkCreditCode('91371500MA3C7K2LI2')).toContain('无效字符');
    expect(checkCreditCode('91371500MA3C7K2L1')).toContain('18位');
    expect(checkCreditCode('91ABCDEFMA3C7K2L12')).toContain('行政区划');
  });
});

describe('dates, phones, money', () => {
  it('dates must exist', () => {
    expect(checkIsoDate('2026-02-28')).toBeNull();
    expect(checkIsoDate('2028-02-29')).toBeNull();
    expect(checkIsoDate('2026-02-29')).toContain('不存在');
    expect(checkIsoDate('2026-02-30')).toContain('不存在');
    expect(checkIsoDate('2026-13-01')).toContain('不存在');
    expect(checkIsoDate('2026-1-01')).toContain('格式');
  });
  it('phones', () => {
    expect(checkPhone('13800000000')).toBeNull();
    expect(checkPhone('0635-8888888')).toBeNull();
    expect(checkPhone('12800000000')).not.toBeNull();
    expect(checkPhone('1380000000')).not.toBeNull();
  });
  it('money is exact integer fen', () => {
    expect(parseMoney('26400.00')).toBe(2640000);
    expect(parseMoney('350')).toBe(35000);
    expect(parseMoney('0.1')).toBe(10);
    expect(parseMoney('0.29')).toBe(29);
    expect(parseMoney('12000.001')).toBeNull();
    expect(parseMoney('-1')).toBeNull();
    expect(parseMoney('01')).toBeNull();
    expect(parseMoney('1e3')).toBeNull();
    expect(parseMoney('99999999999.99')).toBeNull();
    expect(formatMoney(2640000)).toBe('26400.00');
    expect(formatMoney(29)).toBe('0.29');
  });
});

describe('residence permits of Hong Kong, Macau and Taiwan residents (港澳台居民居住证)', () => {
  it('810000, 820000 and 830000 numbers are identity numbers: a worker from Taiwan applies with hers (reviewer)', () => {
    for (const region of ['810000', '820000', '830000']) expect(checkIdNumber(completeIdNumber(`${region}19900101123`)), region).toBeNull();
    expect(checkIdNumber(completeIdNumber('84000019900101123'))).not.toBeNull();
  });
});
