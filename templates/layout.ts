import PDFDocument from 'pdfkit';
import { chineseDate } from '../workflows/dates.ts';
import { missingGlyphs, songBold, songRegular } from './fonts.ts';

/**
 * The shared layout of every document, after the Chinese official-document convention (GB/T 9704-2012):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title centered in a larger bold Song face;
 * the case number right-aligned under it with hexagonal brackets; body 16 pt (三号) Song, left-aligned
 * (justification only stretches ASCII spaces); date in Chinese numerals with a seal placeholder over it;
 * "第 1 页 共 N 页" at the foot of each page.
 */
export type Block =
  | { kind: 'para'; text: string; indent?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'to'; text: string }
  | { kind: 'right'; text: string }
  | { kind: 'gap' }
  /** A ruled table at 10.5 pt (五号); the header row repeats on each page. First column left, others right-aligned. */
  | { kind: 'table'; header: string[]; rows: string[][]; caption?: string; widths?: number[]; align?: ('left' | 'right')[] };

export interface DocSpec {
  title: string;
  caseNo: string | null;
  commission: string;
  blocks: Block[];
  /** The document's date (YYYY-MM-DD), printed in Chinese numerals. */
  dateOn: string;
  /** Signature lines above the date (arbitrators), and after it (clerk). */
  signatures?: string[];
  after?: string[];
}

export class MissingGlyphError extends Error {
  constructor(readonly chars: string[]) {
    super(
      `字体缺少以下字符，无法生成文书：${chars.map((c) => `“${c}”(U+${(c.codePointAt(0) as number).toString(16).toUpperCase()})`).join('、')}`,
    );
  }
}

const MM = 72 / 25.4;
const BODY = 16;
const LINE_GAP = 8;

export function specText(spec: DocSpec): string {
  const blockText = spec.blocks
    .map((b) => ('text' in b ? b.text : b.kind === 'table' ? [b.caption ?? '', ...b.header, ...b.rows.flat()].join('\n') : ''))
    .join('\n');
  return [spec.title, spec.caseNo ?? '', spec.commission, blockText, ...(spec.signatures ?? []), ...(spec.after ?? [])].join('\n');
}

/** Renders to PDF bytes. Throws MissingGlyphError before drawing anything the font cannot show. */
export async function renderPdf(spec: DocSpec, meta: { createdAt: Date }): Promise<Buffer> {
  const missing = missingGlyphs(specText(spec) + chineseDate(spec.dateOn));
  if (missing.length) throw new MissingGlyphError(missing);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${spec.title}${spec.caseNo ? ` ${spec.caseNo}` : ''}`,
      Author: spec.commission,
      Creator: 'Zhongcai',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('song', songRegular());
  doc.registerFont('song-bold', songBold());
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('song-bold').fontSize(22).text(spec.commission, { align: 'center', width });
  doc.moveDown(0.2);
  doc.font('song-bold').fontSize(26).text(spec.title, { align: 'center', width, characterSpacing: 4 });
  doc.moveDown(0.4);
  if (spec.caseNo) doc.font('song').fontSize(BODY).text(spec.caseNo, { align: 'right', width });
  doc.moveDown(0.8);
  doc.font('song').fontSize(BODY);
  for (const b of spec.blocks) {
    if (b.kind === 'gap') doc.moveDown(0.5);
    else if (b.kind === 'heading') doc.font('song-bold').text(b.text, { align: 'center', width, lineGap: LINE_GAP }).font('song');
    else if (b.kind === 'to') doc.text(b.text, { width, lineGap: LINE_GAP });
    else if (b.kind === 'right') doc.text(b.text, { width, align: 'right', lineGap: LINE_GAP });
    else if (b.kind === 'table') drawTable(doc, b, width);
    else doc.text(b.text, { width, lineGap: LINE_GAP, indent: b.indent === false ? 0 : BODY * 2 });
  }
  doc.moveDown(1.5);
  // Keep signatures, date and seal together on one page.
  const needed = ((spec.signatures?.length ?? 0) + 3 + (spec.after?.length ?? 0)) * (BODY + LINE_GAP) + 40;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  for (const s of spec.signatures ?? []) doc.text(s, { width, align: 'right', lineGap: LINE_GAP });
  doc.moveDown(1);
  const dateY = doc.y;
  doc.text(chineseDate(spec.dateOn), { width, align: 'right', lineGap: LINE_GAP });
  // Seal placeholder over the date: the commission's seal is applied to the printed original.
  const cx = doc.page.margins.left + width - 70;
  doc
    .save()
    .circle(cx, dateY + 8, 42)
    .lineWidth(1)
    .dash(3, { space: 3 })
    .strokeColor('#c0392b')
    .stroke()
    .undash()
    .restore();
  doc
    .save()
    .fillColor('#c0392b')
    .fontSize(9)
    .text('（印章）', cx - 20, dateY - 22, { width: 40, align: 'center', lineBreak: false })
    .restore();
  // save/restore keeps graphics state only: the body size and position are set again explicitly.
  doc.font('song').fontSize(BODY).fillColor('black');
  doc.x = doc.page.margins.left;
  doc.y = dateY + (BODY + LINE_GAP) * 2.5;
  for (const s of spec.after ?? []) doc.text(s, doc.page.margins.left, doc.y, { width, align: 'left', lineGap: LINE_GAP });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('song')
      .fontSize(12)
      .fillColor('black')
      .text(`第 ${i + 1} 页 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - 20 * MM, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

const TABLE_SIZE = 10.5;
const PAD = 3;

function drawTable(doc: PDFKit.PDFDocument, t: Extract<Block, { kind: 'table' }>, width: number): void {
  const x0 = doc.page.margins.left;
  const n = t.header.length;
  // Wide tables (breakdowns) use 9 pt so a rate such as 66.67% fits a column on portrait A4.
  const size = n > 6 ? 9 : TABLE_SIZE;
  const first = n > 1 ? Math.max(width * (n > 6 ? 0.2 : 0.28), width / n) : width;
  const rest = n > 1 ? (width - first) / (n - 1) : 0;
  const widths = t.widths ? t.widths.map((f) => f * width) : t.header.map((_, i) => (i === 0 ? first : rest));
  const align = (i: number) => t.align?.[i] ?? (i === 0 ? 'left' : 'right');
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] as number) - 2 * PAD }))) + 2 * PAD;
  };
  // Caption, header and first row stay together: start a new page when they do not fit.
  doc.font('song-bold').fontSize(BODY);
  const captionH = t.caption ? doc.heightOfString(t.caption, { width }) + LINE_GAP : 0;
  const startH = captionH + heightOf(t.header, 'song-bold') + (t.rows[0] ? heightOf(t.rows[0], 'song') : 0) + 8;
  if (doc.y + startH > bottom()) doc.addPage();
  if (t.caption) doc.font('song-bold').fontSize(BODY).text(t.caption, x0, doc.y, { width, lineGap: LINE_GAP });
  doc.moveDown(0.3);
  const drawRow = (cells: string[], font: string) => {
    const h = heightOf(cells, font);
    let x = x0;
    const y = doc.y;
    cells.forEach((c, i) => {
      const w = widths[i] as number;
      doc.save().rect(x, y, w, h).lineWidth(0.5).strokeColor('#333333').stroke().restore();
      doc
        .font(font)
        .fontSize(size)
        .fillColor('black')
        .text(c, x + PAD, y + PAD, { width: w - 2 * PAD, align: align(i), lineBreak: true, height: h });
      x += w;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(t.header, 'song-bold');
  for (const r of t.rows) {
    if (doc.y + heightOf(r, 'song') > bottom()) {
      doc.addPage();
      drawRow(t.header, 'song-bold');
    }
    drawRow(r, 'song');
  }
  doc.font('song').fontSize(BODY);
  doc.x = x0;
  doc.moveDown(0.8);
}
