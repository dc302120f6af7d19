/**
 * Characters that show nothing, each of which an outside security tester used to split an identity number or a mobile
 * typed into a name or free text (`371502\u200b19850607\u200b1238`), and the ranges the finding named as likely: every
 * one of them, and the ends of each range.
 */
export const INVISIBLE_SEPARATORS = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u00ad',
  '\ufeff',
  '\u034f',
  '\u180e',
  '\u3164',
  '\u115f',
  '\u1160',
  '\uffa0',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\u206a',
  '\u206f',
  '\u17b4',
  '\u17b5',
  '\u180b',
  '\u180f',
  '\ufe00',
  '\ufe0f',
  '\u{e0000}',
  '\u{e0001}',
  '\u{e0041}',
  '\u{e007f}',
  '\u{e0100}',
  '\u200b\u00ad\ufeff',
];
