import { describe, expect, it } from 'vitest';
import { maskSeparatedRuns } from '../../db/migrations/20261210_0010_search_text_separated_check.ts';
import { holdsPersonalNumber, maskPersonalNumbersInText, maskPersonalNumbersLeniently } from '../../workflows/identifiers.ts';

/** The masker's widened reading (secfix H1, M2, L3) and what it still leaves alone. */
describe('secfix: a set-apart check character, 17 digits, four separators, a valid identity number inside more digits', () => {
  it.each([
    ['11010519491231002 X', '1101**********002X'],
    ['11010519491231002-x', '1101**********002x'],
    ['11010519491231002，X', '1101**********002X'],
    ['11010519491231002\u3000Ｘ', '1101**********002Ｘ'],
    ['11010519491231002\r\nX', '1101**********002X'],
    ['110105 19491231 002 X', '1101**********002X'],
    ['11010519491231002', '1101*********1002'],
    ['371502\r\n\r\n198506071238', '3715**********1238'],
    ['371502    19850607    1238', '3715**********1238'],
    ['139    1234    5678', '139    ****    5678'],
    ['电话37150219850607123813912345678', '电话3715*********************5678'],
  ])('masks %j', (s, want) => {
    expect(maskPersonalNumbersInText(s)).toBe(want);
    expect(holdsPersonalNumber(`王${s}`)).toBe(true);
  });

  it.each([
    '13000.00 1500.00',
    '账号6222021234567890123',
    '卡号 6217 3715 0290 0101 123',
    '12345678901234567',
    '2025.12.01    2026.01.05',
    '13800    1500    55',
    '371502     198506071238',
    '案件编号 370000-20261203-0012 X',
  ])('leaves %j alone in views', (s) => {
    expect(maskPersonalNumbersInText(s)).toBe(s);
  });

  it('the log masks a path the same way', () => {
    expect(maskPersonalNumbersLeniently('/api/cases/11010519491231002 X')).toBe('/api/cases/1101**********002X');
  });

  it('the upgrade masks stored search text names in the same shapes, an X among the last four', () => {
    expect(maskSeparatedRuns('王11010519491231002 X')).toBe('王1101**********002 X');
    expect(maskSeparatedRuns('王11010519491231002')).toBe('王1101*********1002');
    expect(maskSeparatedRuns('王371502    19850607    1238')).toBe('王3715**    ********    1238');
    expect(maskSeparatedRuns('王1101**********002X')).toBe('王1101**********002X');
    expect(maskSeparatedRuns('工资2025.12.01')).toBe('工资2025.12.01');
  });
});
