import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * Fonts of the documents. GB/T 9704-2012 sets the body in 仿宋 (FangSong) and titles in 小标宋; no suitably licensed
 * FangSong TrueType font is published on npm (see README "Documents"), so the default body face is Noto Serif SC
 * (SIL OFL; a Song-style serif with full GB 2312 and CJK Ext-A) and titles use its bold weight. A commission that
 * holds a licence for a FangSong TTF/OTF (e.g. 方正仿宋) sets DOCUMENT_BODY_FONT to its path: the body, the date and
 * the signature block are then set in it, and the glyph check reads that font. Loaded once per process. pdfkit draws
 * a missing glyph blank without an error, so text is checked first.
 */
const require = createRequire(import.meta.url);
let regular: Buffer | null = null;
let bold: Buffer | null = null;
const checkers = new WeakMap<Buffer, { hasGlyphForCodePoint(cp: number): boolean }>();

export function songRegular(): Buffer {
  regular ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'));
  return regular;
}
export function songBold(): Buffer {
  bold ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'));
  return bold;
}

const bodyFonts = new Map<string, Buffer>();
/**
 * The body font at `path` (TrueType or OpenType, read once), or an error saying why it cannot be used. WOFF/WOFF2
 * are refused: fontkit embeds them into huge PDFs that render blank (stack.md).
 */
export function loadBodyFont(path: string): Buffer {
  const cached = bodyFonts.get(path);
  if (cached) return cached;
  const buf = fs.readFileSync(path);
  const magic = buf.subarray(0, 4).toString('latin1');
  if (magic === 'wOFF' || magic === 'wOF2')
    throw new Error(`DOCUMENT_BODY_FONT ${path}: WOFF/WOFF2 fonts are not supported; use a TTF or OTF`);
  if (!(magic === '\u0000\u0001\u0000\u0000' || magic === 'OTTO' || magic === 'true'))
    throw new Error(`DOCUMENT_BODY_FONT ${path}: not a TrueType/OpenType font`);
  bodyFonts.set(path, buf);
  return buf;
}

/** Characters of `text` the font cannot draw (whitespace aside), in order of first appearance. */
export function missingGlyphs(text: string, font: Buffer = songRegular()): string[] {
  let checker = checkers.get(font);
  if (!checker) {
    checker = fontkit.create(font) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
    checkers.set(font, checker);
  }
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    if (!checker.hasGlyphForCodePoint(ch.codePointAt(0) as number)) missing.add(ch);
  }
  return [...missing];
}
