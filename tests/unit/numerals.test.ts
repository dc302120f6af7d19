import { describe, expect, it } from 'vitest';
import { capitalAmount } from '../../templates/numerals.ts';

describe('capital numerals for amounts', () => {
  it.each([
    [1200000, '人民币壹万贰仟元整'],
    [2412000, '人民币贰万肆仟壹佰贰拾元整'],
    [1000500, '人民币壹万零伍元整'],
    [10050, '人民币壹佰元伍角'],
    [5, '人民币伍分'],
    [100101, '人民币壹仟零壹元零壹分'],
    [100000000, '人民币壹佰万元整'],
    [10000000000, '人民币壹亿元整'],
    [10001000000, '人民币壹亿零壹万元整'],
    [10010000000, '人民币壹亿零壹拾万元整'],
    [0, '人民币零元整'],
  ])('%i fen → %s', (fen, text) => {
    expect(capitalAmount(fen)).toBe(text);
  });
});
