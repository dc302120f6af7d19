import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * Noto Serif SC (SIL OFL) TrueType from npm: a Song-style serif with full GB 2312 and CJK Ext-A. Loaded once
 * per process. pdfkit draws a missing glyph blank without an error, so text is checked first.
 */
const require = createRequire(import.meta.url);
let regular: Buffer | null = null;
let bold: Buffer | null = null;
let checker: { hasGlyphForCodePoint(cp: number): boolean } | null = null;

export function songRegular(): Buffer {
  regular ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'));
  return regular;
}
export function songBold(): Buffer {
  bold ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'));
  return bold;
}

/** Characters of `text` the font cannot draw (whitespace aside), in order of first appearance. */
export function missingGlyphs(text: string): string[] {
  checker ??= fontkit.create(songRegular()) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (!checker.hasGlyphForCodePoint(ch.codePointAt(0) as number)) missing.add(ch);
  }
  return [...missing];
}
