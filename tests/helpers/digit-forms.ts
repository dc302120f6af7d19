/**
 * Digits of other scripts and forms (sec43b): an identity number or mobile written in them must be read as the digits
 * they stand for by the name check and every masker. Shared by the unit and the API tests.
 */

/** `s` with each ASCII digit written from a script's zero (`0x0660` Arabic-Indic …). */
export const fromZero = (zero: number) => (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
/** `s` with each ASCII digit written as the character at its place in `digits`. */
export const fromTable = (digits: string) => (s: string) => s.replace(/\d/g, (d) => [...digits][Number(d)] as string);

export const DIGIT_FORMS: [string, (s: string) => string][] = [
  ['mathematical bold', fromZero(0x1d7ce)],
  ['mathematical double-struck', fromZero(0x1d7d8)],
  ['mathematical monospace', fromZero(0x1d7f6)],
  ['Arabic-Indic', fromZero(0x0660)],
  ['extended Arabic-Indic', fromZero(0x06f0)],
  ['Devanagari', fromZero(0x0966)],
  ['Bengali', fromZero(0x09e6)],
  ['Thai', fromZero(0x0e50)],
  ['Osmanya', fromZero(0x104a0)],
  ['superscript', fromTable('⁰¹²³⁴⁵⁶⁷⁸⁹')],
  ['subscript', fromTable('₀₁₂₃₄₅₆₇₈₉')],
  ['circled', fromTable('⓪①②③④⑤⑥⑦⑧⑨')],
  ['negative circled', fromTable('⓿❶❷❸❹❺❻❼❽❾')],
  ['circled sans-serif', fromTable('🄋➀➁➂➃➄➅➆➇➈')],
  ['double circled', fromTable('0⓵⓶⓷⓸⓹⓺⓻⓼⓽')],
  ['parenthesized', fromTable('0⑴⑵⑶⑷⑸⑹⑺⑻⑼')],
  ['full stop', fromTable('🄀⒈⒉⒊⒋⒌⒍⒎⒏⒐')],
  ['digit comma', fromTable('🄁🄂🄃🄄🄅🄆🄇🄈🄉🄊')],
  ['Chinese numerals', fromTable('〇一二三四五六七八九')],
  ['Chinese numerals, ○ and 零 for zero', fromTable('○一二三四五六七八九')],
  ['financial numerals', fromTable('零壹贰叁肆伍陆柒捌玖')],
  ['circled ideographs', fromTable('〇㊀㊁㊂㊃㊄㊅㊆㊇㊈')],
];

/** The forms the API tests go through (each a whole request round): one per kind of writing. */
export const API_DIGIT_FORMS = DIGIT_FORMS.filter(([name]) =>
  [
    'mathematical bold',
    'mathematical monospace',
    'Arabic-Indic',
    'extended Arabic-Indic',
    'Devanagari',
    'superscript',
    'subscript',
    'circled',
    'negative circled',
    'Chinese numerals',
  ].includes(name),
);
