import { describe, expect, it } from 'vitest';
import { maskWideRuns } from '../../db/migrations/20261209_0010_search_text_wide_separators.ts';
import {
  holdsPersonalNumber,
  maskIdNumbersInText,
  maskMobilesInText,
  maskPersonalNumbersInText,
  maskPersonalNumbersLeniently,
} from '../../workflows/identifiers.ts';

// Outside security tester sec47 H2: numbers whose groups were parted by a doubled separator, a line break, a tab or a
// comma were neither refused in names nor masked anywhere (371502198506071238 has a valid check character).
describe('numbers across a run of separators, a line break, a tab or a comma (sec47 H2)', () => {
  it.each([
    ['371502  19850607  1238', '3715**********1238'],
    ['371502\n198506071238', '3715**********1238'],
    ['371502\r\n198506071238', '3715**********1238'],
    ['371502198\t506071238', '3715**********1238'],
    ['371502，198506071238', '3715**********1238'],
    ['371502,198506071238', '3715**********1238'],
    ['371502、198506071238', '3715**********1238'],
    ['张三371502\u3000\u3000198506071238', '张三3715**********1238'],
    ['张三371502\u00a0\u00a0198506071238', '张三3715**********1238'],
    ['身份证：371502 \n 19850607 \n 1238。', '身份证：3715**********1238。'],
    ['139  1234  5678', '139  ****  5678'],
    ['139\n1234\n5678', '139\n****\n5678'],
    ['139，1234，5678', '139，****，5678'],
    ['+86  139  1234  5678', '+86  139  ****  5678'],
    ['0139\t1234\t5678', '0139\t****\t5678'],
    ['13812345678、13912345678', '138****5678、139****5678'],
    ['371502198506071238，13912345678', '3715**********1238，139****5678'],
    ['一三九  一二三四  五六七八', '一三九  ****  五六七八'],
  ])('%j', (typed, masked) => {
    expect(maskPersonalNumbersInText(typed)).toBe(masked);
    expect(maskPersonalNumbersLeniently(typed)).toBe(masked);
    expect(holdsPersonalNumber(typed)).toBe(true);
  });

  it('masks each kind only where asked', () => {
    expect(maskIdNumbersInText('371502  19850607  1238，139  1234  5678')).toBe('3715**********1238，139  1234  5678');
    expect(maskMobilesInText('371502  19850607  1238，139  1234  5678')).toBe('371502  19850607  1238，139  ****  5678');
  });

  it('reads an escaped line break or tab in the log as one separator', () => {
    expect(maskPersonalNumbersLeniently('{"path":"/api/cases/371502\\n198506071238"}')).toBe('{"path":"/api/cases/3715**********1238"}');
    expect(maskPersonalNumbersLeniently('"139\\t1234\\t5678"')).toBe('"139\\t****\\t5678"');
  });

  it.each([
    '12,000.00元',
    '13,800,000,000元',
    '工资13000，1500，2000元',
    '1380，5555，123',
    '13800\t1500\t55',
    '13000.00 1500.00',
    '2025.12.01',
    '2025年12月01日  2026年01月05日',
    '[101,102,103,104,105,106]',
    '案件编号 370000-20261203-0012',
    // Five separators between two groups: no run (four are read since secfix L3).
    '371502     198506071238',
    // A grouped 18 digits without a province and a birth date, across a comma.
    '991502，199906071238',
  ])('leaves %j alone', (s) => {
    expect(maskPersonalNumbersInText(s)).toBe(s);
    // The log's reading masks a grouped 18 or 11 digits in one kind of separator as ever (if in doubt, masked).
    if (!/[ -]/.test(s) || /[,，\t]/.test(s)) expect(maskPersonalNumbersLeniently(s)).toBe(s);
  });
});

describe('the upgrade 20261209_0010 (search text of names stored before)', () => {
  it('masks long digit runs across separators, digits only, and leaves the rest', () => {
    expect(maskWideRuns('张三371502  19850607  1238')).toBe('张三3715**  ********  1238');
    expect(maskWideRuns('李四139，1234，5678、王五３７１５０２\n１９８５０６０７１２３８')).toBe(
      '李四139，****，5678、王五３７１５**\n********１２３８',
    );
    expect(maskWideRuns('聊城市某某有限公司（2026）第12号')).toBe('聊城市某某有限公司（2026）第12号');
    // rev47 M2: the mobile as the live masker shows it (three digits kept), not a date list or an amount.
    expect(maskWideRuns('王五139  1234  5678')).toBe('王五139  ****  5678');
    expect(maskWideRuns('赵六+86 139  1234  5678')).toBe('赵六+86 139  ****  5678');
    expect(maskWideRuns('某某1990-01-01、1991-02-02')).toBe('某某1990-01-01、1991-02-02');
    expect(maskWideRuns('某某公司 12,000,000.00')).toBe('某某公司 12,000,000.00');
    // What the live masker wrote is left as it is.
    expect(maskWideRuns('张三3715**********1238 139 **** 5678')).toBe('张三3715**********1238 139 **** 5678');
  });
});
