import PDFDocument from 'pdfkit';
import { chineseDate } from '../workflows/dates.ts';
import { missingGlyphs, songBold, songRegular } from './fonts.ts';

/**
 * The shared layout of every document, after the Chinese official-document format (GB/T 9704-2012):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the issuing body and the title centered in a larger
 * bold face; the case number right-aligned under them with hexagonal brackets; body 16 pt (三号), first lines indented
 * two characters and justified on both edges (our own line breaker: pdfkit's `justify` only stretches ASCII spaces),
 * with the line-start and line-end rules of Chinese typesetting (no 。，、；：？！）》 at a line start, no （《 at an end);
 * the signature block (GB/T 9704 §7.3.5): the arbitrators and the clerk in one column (titles spread to one width, the
 * names aligned, the date under them), the issuing body centered over the date, the date in Chinese numerals four
 * characters from the right edge, the seal over both — a dashed placeholder on drafts only, the commission's seal image
 * on issued copies when one is configured; the page number 「— 1 —」 under the type area, odd pages right, even left
 * (§7.5); 22 lines a page (§5.2.2).
 */
export type Block =
  | { kind: 'para'; text: string; indent?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'to'; text: string }
  | { kind: 'right'; text: string }
  | { kind: 'gap' }
  /**
   * A line under a table (a report's period and formula version), at the table's 10.5 pt (五号) — 9 pt where that keeps
   * it on one line — left-aligned; too long even so, broken after its 「；」 (reviewer docsfix L2: set at the body's
   * 16 pt it stood out larger than the table and wrapped onto two lines).
   */
  | { kind: 'small'; text: string }
  /** A ruled table at 10.5 pt (五号); the header row repeats on each page. First column left, others right-aligned. */
  | { kind: 'table'; header: string[]; rows: string[][]; caption?: string; widths?: number[]; align?: ('left' | 'right')[] };

export interface DocSpec {
  title: string;
  caseNo: string | null;
  commission: string;
  blocks: Block[];
  /** The document's date (YYYY-MM-DD), printed in Chinese numerals: the day of the act it records. */
  dateOn: string;
  /** Signature lines above the date (arbitrators). */
  signatures?: string[];
  /** The issuing body printed above the date (GB/T 9704 §7.3.5.1); defaults to the commission. `null`: none. */
  issuer?: string | null;
  /** Lines after the date, aligned with the signatures (the clerk). */
  after?: string[];
  /** "本件与原本核对无异" on certified copies of awards and mediation documents, two characters in from the left. */
  certified?: string;
  /** Lines under the signature block at the left margin (a report's notes). */
  notes?: string[];
  /** A draft: marked 草稿 and carries the dashed seal placeholder; never served. */
  draft?: boolean;
  /** The commission's seal image (PNG or JPEG) printed over the date on issued copies. */
  sealImage?: Buffer | null;
  /**
   * A one-page notice or decision (MOHRSS formats): narrower top and bottom margins and a tighter line pitch
   * (`COMPACT`), so that the notice, its closing and the signature stand on one page (reviewer docs46 M1).
   */
  compact?: boolean;
}

export interface RenderOptions {
  createdAt: Date;
  /** A licensed FangSong (or other) TrueType body font; default Noto Serif SC. */
  bodyFont?: Buffer | null;
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
/**
 * The line pitch of the body: GB/T 9704-2012 §5.2.2 puts 22 lines on a page (版心 225 mm: A4's 297 mm less the top
 * and bottom margins), i.e. about 29 pt; the font's own line height with a fixed 8 pt gap came to 31 pt and pushed a
 * one-page notice's 「特此通知。」 and signature onto a second page (reviewer docs45 #1).
 */
const PITCH = ((297 - 37 - 35) * MM) / 22;
/** A notice's page (`DocSpec.compact`): margins top and bottom 22 mm, a 24 pt pitch (1.5 lines: about 31 lines a page). */
const COMPACT = { top: 22 * MM, bottom: 22 * MM, pitch: 24, footer: 11 * MM };
/** Widow and orphan control: a paragraph broken across pages leaves at least this many lines on each side (L2). */
const KEEP_LINES = 2;
/** The date's right indent (GB/T 9704 §7.3.5.1: 成文日期右空四字). */
const DATE_RIGHT = 4 * BODY;
/** A seal is 42 mm across (the common size of a commission's round seal). */
const SEAL_R = 21 * MM;

export function specText(spec: DocSpec): string {
  const blockText = spec.blocks
    .map((b) => ('text' in b ? b.text : b.kind === 'table' ? [b.caption ?? '', ...b.header, ...b.rows.flat()].join('\n') : ''))
    .join('\n');
  return [
    spec.title,
    spec.caseNo ?? '',
    spec.commission,
    spec.issuer ?? '',
    blockText,
    ...(spec.signatures ?? []),
    ...(spec.after ?? []),
    ...(spec.notes ?? []),
    spec.certified ?? '',
  ].join('\n');
}

/**
 * A closing formula of a notice or decision (特此通知。, 特此决定。, 此致), or a mediation document's clause on when it takes
 * effect (「本调解书经双方当事人签收后，即具有法律效力。」, LDMAL Art. 42(3)): never carried over without body text — on
 * a page of its own above the signatures it read as a stray line (docs54 L2).
 */
const CLOSING = /^(?:特此\S{1,4}。?|此致|此复|本调解书经双方当事人签收后，即具有法律效力。)$/u;

// Chinese line-breaking rules (禁则): characters that may not begin a line, and those that may not end one.
const NO_START = new Set([...'，。、；：？！）》」』〕】〉”’…—·％,.;:?!)]}%']);
const NO_END = new Set([...'（《「『〔【〈“‘([{']);

/**
 * Units that never break inside: a short run of Latin letters, digits and ASCII punctuation (an amount, a date), and
 * an 18-character identity number (GB 11643-1999: 17 digits and a check digit or X; masked `3715**********1234` too)
 * or unified social credit code (GB 32100-2015: 18 digits and capitals) — moved whole to the next line, never split
 * between two lines where a reader or a court clerk would copy it wrong; otherwise one character. Any other long
 * run of digits and capitals (a contract number) may wrap like Chinese text, rather than leave a ragged line.
 */
const WHOLE_NUMBER = /^(?:[0-9*]{17}[0-9X*]|[0-9A-HJ-NPQRTUWXY]{18})$/;
/** A run of Latin letters, digits and ASCII punctuation: drawn as one piece, never spread apart ("1 2号"). */
const RUN = /[A-Za-z0-9.,:%/\-+*#@&_~'"=]+|[\s\S]/gu;
/** A short bracketed phrase kept whole where `keepBrackets` asks (a signature's "（签名或者盖章）"). */
const BRACKETED = /（[^（）]{1,8}）/gu;
/**
 * A date written in Chinese numerals (二〇二六年九月十五日), kept whole where `keepDates` asks: in a table cell a date is
 * read as one item and never split 「二〇二六年九月十 / 五日」 (reviewer docs45 L4). Body paragraphs break it as text.
 */
const CN_DATE = /[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?/gu;
/**
 * Kept whole everywhere (docs52 L2): a document's number 「第2号」「第1-2号」 (a line ending 「…〔2026〕第2」 and the
 * next beginning 「号）」 reads as another number), and a counted note 「（1件未登记金额）」, which split
 * 「（1件未登」/「记金额）」 in the report.
 */
const ALWAYS_WHOLE = /第[0-9]+(?:-[0-9]+)?号|（[0-9]+件[^（）]{1,8}）/gu;
function units(text: string, keepBrackets = false, keepDates = false): string[] {
  const plain = (t: string) =>
    (t.match(/[A-Za-z0-9.,:%/\-+*#@&_~'"=]+|\s+|[\s\S]/gu) ?? []).flatMap((u) =>
      u.length > 10 && /^[0-9A-Z*]+$/.test(u) && !WHOLE_NUMBER.test(u) ? [...u] : [u],
    );
  const whole = new RegExp(
    [ALWAYS_WHOLE.source, ...(keepBrackets ? [BRACKETED.source] : []), ...(keepDates ? [CN_DATE.source] : [])].join('|'),
    'gu',
  );
  const out: string[] = [];
  let at = 0;
  for (const m of text.matchAll(whole)) {
    out.push(...plain(text.slice(at, m.index)), m[0]);
    at = m.index + m[0].length;
  }
  return [...out, ...plain(text.slice(at))];
}

/**
 * Breaks `text` into lines no wider than `first` (first line) and `rest` (following lines). `keepBrackets`: a short
 * bracketed phrase moves whole to the next line rather than break inside its brackets.
 */
export function breakLines(
  doc: PDFKit.PDFDocument,
  text: string,
  first: number,
  rest: number,
  keepBrackets = false,
  keepDates = false,
): string[] {
  const us = units(text, keepBrackets, keepDates);
  const lines: string[][] = [];
  let cur: string[] = [];
  let w = 0;
  const limit = () => (lines.length === 0 ? first : rest);
  for (const u of us) {
    if (/^\s+$/.test(u) && cur.length === 0) continue;
    const uw = doc.widthOfString(u);
    if (w + uw <= limit() + 0.01 || cur.length === 0) {
      cur.push(u);
      w += uw;
      continue;
    }
    // The unit does not fit: close the line, moving characters down so that the next line does not begin with a
    // closing mark and this one does not end with an opening mark.
    const next: string[] = [u];
    while (cur.length > 1 && (NO_START.has(next[0] as string) || NO_END.has(cur[cur.length - 1] as string))) {
      next.unshift(cur.pop() as string);
    }
    lines.push(cur);
    cur = next.filter((x, i) => !(i === 0 && /^\s+$/.test(x)));
    w = cur.reduce((s, x) => s + doc.widthOfString(x), 0);
  }
  if (cur.length) lines.push(cur);
  // In a table cell (`keepDates`) a last line of one character or one unit (「国」, 「%」) is not left alone: the
  // previous line's last unit goes down with it, where the rules above allow (reviewer docs46b L2).
  const last = lines.at(-1);
  const prev = lines.at(-2);
  if (keepDates && last && prev && last.length === 1 && prev.length >= 3) {
    const moved = prev[prev.length - 1] as string;
    const rest = prev[prev.length - 2] as string;
    if (!/^\s+$/u.test(moved) && !NO_START.has(moved) && !NO_END.has(rest)) last.unshift(prev.pop() as string);
  }
  return lines.map((l) => l.join('').replace(/\s+$/u, ''));
}

/** Renders to PDF bytes. Throws MissingGlyphError before drawing anything the font cannot show. */
export async function renderPdf(spec: DocSpec, meta: RenderOptions): Promise<Buffer> {
  const body = meta.bodyFont ?? songRegular();
  const missing = missingGlyphs(`${specText(spec)}${chineseDate(spec.dateOn)}草稿（印章）`, body);
  if (missing.length) throw new MissingGlyphError(missing);
  const doc = new PDFDocument({
    size: 'A4',
    margins: spec.compact
      ? { top: COMPACT.top, bottom: COMPACT.bottom, left: 28 * MM, right: 26 * MM }
      : { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${spec.title}${spec.caseNo ? ` ${spec.caseNo}` : ''}${spec.draft ? '（草稿）' : ''}`,
      Author: spec.commission,
      Creator: 'Zhongcai',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('song', body);
  doc.registerFont('song-bold', songBold());
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('song-bold').fontSize(22).text(spec.commission, { align: 'center', width });
  doc.moveDown(0.2);
  // The title on one line: 26 pt (一号), smaller only when a long title would not fit.
  doc.font('song-bold').fontSize(26);
  const perPoint = doc.widthOfString(spec.title) / 26;
  const titleSize = Math.max(18, Math.min(26, (width - 4 * ([...spec.title].length + 1) - 2) / perPoint));
  doc.fontSize(titleSize).text(spec.title, { align: 'center', width, characterSpacing: 4 });
  doc.moveDown(0.4);
  if (spec.caseNo) doc.font('song').fontSize(BODY).text(spec.caseNo, { align: 'right', width });
  doc.moveDown(0.8);
  doc.font('song').fontSize(BODY);
  const pitch = spec.compact ? COMPACT.pitch : PITCH;
  const lineH = () => Math.max(pitch, doc.currentLineHeight(true) + 2);
  /** The gap pdfkit's own text flow (headings, right-aligned lines, notes) needs to keep the same pitch. */
  const LINE_GAP = Math.max(2, pitch - doc.currentLineHeight(true));

  /** Whole lines that still fit on the page from the current position. */
  const roomLines = () => Math.floor((bottom() - doc.y) / lineH() + 0.001);
  const atTop = () => doc.y <= doc.page.margins.top + 1;
  /** The block being set follows a lead-in that stands at the head of its page (reviewer docsfix M1). */
  let leadAtTop = false;
  /**
   * A justified paragraph: every line but the last is spread to the full width. Broken across pages, it leaves at least
   * `KEEP_LINES` lines at the foot of one page and at the head of the next (widow and orphan control: never 「整）。」
   * alone at the top of a page, reviewer docs46 L2). `tail`: lines that must follow its last line on the same page (the
   * closing formula and the signature block): only its last lines go over with them, never the whole paragraph.
   */
  const paragraph = (text: string, indent: number, tail = 0) => {
    const lines = breakLines(doc, text, width - indent, width);
    const n = lines.length;
    // Lines to draw before the next page break (Infinity: no break planned from here).
    let until = Number.POSITIVE_INFINITY;
    const plan = (from: number) => {
      const left = n - from;
      const room = roomLines();
      if (left + tail <= room) return Number.POSITIVE_INFINITY;
      // The paragraph fits, and nothing has to go with it.
      if (!tail && left <= room) return Number.POSITIVE_INFINITY;
      let here = Math.min(room, left - KEEP_LINES);
      if (here < KEEP_LINES && from === 0) here = 0;
      // At the head of a page already: as many as fit (a paragraph longer than a page, or no way to keep it whole).
      // A lead-in set at the head of the page counts as the head: the paragraph is not moved on without it.
      if (here <= 0 && (atTop() || leadAtTop)) here = Math.max(1, Math.min(room, left));
      return from + Math.max(0, here);
    };
    until = plan(0);
    lines.forEach((line, i) => {
      if (i === until || doc.y + lineH() > bottom()) {
        doc.addPage();
        until = plan(i);
      }
      const x = left + (i === 0 ? indent : 0);
      const avail = width - (i === 0 ? indent : 0);
      const natural = doc.widthOfString(line);
      const n = [...line].length;
      const last = i === lines.length - 1;
      // Spread the slack over the gaps between characters; a line whose slack would be absurd stays left-aligned.
      // An identity number or credit code moved whole to the next line leaves up to 8½ characters of slack: spread too
      // when that is at most half a character per gap.
      const slack = avail - natural;
      // A line whose next begins with an identity number or credit code moved whole is left ragged, whatever its slack
      // (spreading it read "1 2 号", reviewer docs43 M5); any other line is spread when its slack is under three
      // characters. The slack goes between pieces — a character, or a run of digits and Latin letters kept together —
      // never inside a number.
      const pieces = line.match(RUN) ?? [];
      const beforeMoved = WHOLE_NUMBER.test((lines[i + 1] ?? '').match(RUN)?.[0] ?? '');
      const spacing = !last && !beforeMoved && n > 1 && pieces.length > 1 && slack < BODY * 3 ? slack / (pieces.length - 1) : 0;
      const y = doc.y;
      if (spacing > 0) {
        let px = x;
        for (const piece of pieces) {
          doc.text(piece, px, y, { lineBreak: false });
          px += doc.widthOfString(piece) + spacing;
        }
      } else doc.text(line, x, y, { lineBreak: false });
      doc.x = left;
      doc.y = y + lineH();
    });
  };

  // The signature block never stands alone on a page (GB/T 9704 §7.3.5): when it would not fit under the last
  // paragraph, that paragraph goes to the next page with it.
  const sigs = spec.signatures ?? [];
  const issuer = spec.issuer === undefined ? spec.commission : spec.issuer;
  const rightEdge = left + width - DATE_RIGHT;
  /**
   * A signature line (an arbitrator, a party signing a 调解协议书, the clerk) ends where the date ends, four characters
   * in; a longer one ends at the right margin; one longer than the line (a company's full name and 签名或者盖章) wraps
   * inside the margins, its continuation indented two characters — never drawn past the left edge (reviewer docs42 H2).
   */
  const alignedLines = (s: string): { text: string; x: number }[] => {
    const w = doc.widthOfString(s);
    if (w <= rightEdge - left) return [{ text: s, x: rightEdge - w }];
    if (w <= width) return [{ text: s, x: left + width - w }];
    return breakLines(doc, s, width, width - 2 * BODY, true).map((text, i) => ({ text, x: i === 0 ? left : left + 2 * BODY }));
  };
  const lineCount = (ss: string[]) => ss.reduce((n, s) => n + alignedLines(s).length, 0);
  const blockLines =
    lineCount(sigs) +
    (sigs.length ? 1 : 0) +
    (issuer ? 1 : 0) +
    1 +
    lineCount(spec.after ?? []) +
    (spec.certified ? 1 : 0) +
    (spec.certified || spec.after?.length ? 0.5 : 0);
  const lastPara = spec.blocks.findLastIndex((b) => b.kind === 'para' || b.kind === 'to');
  const linesOf = (b: Block): number => {
    if (b.kind === 'para' || b.kind === 'to') {
      const indent = b.kind === 'para' && b.indent !== false ? BODY * 2 : 0;
      return breakLines(doc, b.text, width - indent, width).length;
    }
    return b.kind === 'gap' ? 0.5 : 1;
  };
  // The closing lines (「特此通知。」, 「特此决定。」) never go over to a page of their own with the signature: the last
  // lines of the paragraph of body text before them go with them (reviewer docs45 #1) — its last lines only, not the
  // whole paragraph, which left page 1 a quarter empty (reviewer docs46 M1).
  let keepFrom = lastPara;
  while (keepFrom > 0 && CLOSING.test((spec.blocks[keepFrom] as { text?: string }).text ?? '')) {
    const prev = spec.blocks.findLastIndex((b, i) => i < keepFrom && (b.kind === 'para' || b.kind === 'to'));
    if (prev < 0) break;
    keepFrom = prev;
  }
  /** Lines that must stand on the page after block `bi`'s last line: the closing lines, the signature block. */
  const tailOf = (bi: number): number => {
    if (bi !== keepFrom || lastPara < 0) return 0;
    const after = spec.blocks.slice(keepFrom + 1, lastPara + 1).reduce((n, x) => n + linesOf(x), 0);
    const tail = after + 1 + blockLines;
    // More than a page could hold with two of the paragraph's lines: nothing to keep together.
    return doc.page.margins.top + (tail + KEEP_LINES) * lineH() > bottom() ? 0 : tail;
  };
  /**
   * The lines block `bi` needs on the page for its first line to be set there, as paragraph()'s plan() decides: a
   * paragraph too short to leave KEEP_LINES on each page goes over whole (and with its tail, when it has one); a
   * longer one starts on a page with KEEP_LINES of room. A table needs its header and a row.
   */
  const startNeed = (bi: number): number => {
    const x = spec.blocks[bi];
    if (!x) return 0;
    if (x.kind === 'table') return 2;
    if (x.kind !== 'para' && x.kind !== 'to') return 1;
    const n = linesOf(x);
    return n - KEEP_LINES >= KEEP_LINES ? KEEP_LINES : n + tailOf(bi);
  };
  for (const [bi, b] of spec.blocks.entries()) {
    doc.x = left;
    const tail = tailOf(bi);
    // A lead-in (申请人请求：, 随函附送：, 裁决如下：) or a heading is never the last line of a page: kept with the
    // first line of what it introduces (reviewer docs44 L4) — foreseeing what moves that first line to the next page:
    // widow and orphan control, or the closing lines and signature kept with it (reviewer docsfix M1: 「裁决如下：」
    // alone at the foot of page 1 of a 先予执行裁决书, its only order moved whole to page 2).
    const next = spec.blocks[bi + 1];
    if ((bi < keepFrom || bi > lastPara) && next && (next.kind === 'para' || next.kind === 'to' || next.kind === 'table')) {
      const leads = b.kind === 'heading' || ((b.kind === 'para' || b.kind === 'to') && /[：:]$/u.test(b.text));
      if (leads && 'text' in b) {
        const indent = b.kind === 'para' && b.indent !== false ? BODY * 2 : 0;
        const own = breakLines(doc, b.text, width - indent, width).length;
        const h = (own + startNeed(bi + 1)) * lineH();
        const fitsAlone = (own + Math.min(startNeed(bi + 1), KEEP_LINES)) * lineH();
        if (doc.y + h > bottom() && !atTop() && doc.page.margins.top + fitsAlone <= bottom()) doc.addPage();
      }
    }
    const leadHere = atTop();
    if (b.kind === 'gap') doc.moveDown(0.5);
    else if (b.kind === 'heading')
      doc.font('song-bold').text(b.text, left, doc.y, { align: 'center', width, lineGap: LINE_GAP }).font('song');
    else if (b.kind === 'to') paragraph(b.text, 0, tail);
    else if (b.kind === 'right') doc.text(b.text, left, doc.y, { width, align: 'right', lineGap: LINE_GAP });
    else if (b.kind === 'table') drawTable(doc, b, width);
    else if (b.kind === 'small') smallLine(doc, b.text, left, width, bottom());
    else paragraph(b.text, b.indent === false ? 0 : BODY * 2, tail);
    leadAtTop = leadHere && (b.kind === 'heading' || ((b.kind === 'para' || b.kind === 'to') && /[：:]$/u.test(b.text)));
  }
  doc.y += lineH();

  // The signature block stays on one page: arbitrators, a blank line, the issuer, the date, the seal, the clerk.
  const needed = blockLines * lineH();
  if (doc.y + needed > bottom()) doc.addPage();
  const rightAligned = (s: string) => {
    for (const l of alignedLines(s)) {
      const y = doc.y;
      doc.text(l.text, l.x, y, { lineBreak: false });
      doc.x = left;
      doc.y = y + lineH();
    }
  };
  // The arbitrators and the clerk in one column (reviewer docs45 #2), as Chinese awards set them: each title spread to
  // the width of the longest (仲　裁　员 under 首席仲裁员, 书　记　员), a character's space, the names starting in one
  // column; the block's longest line ends where the date ends. Lines that are not a short title and a name (a party's
  // signature line on a 调解协议书), or a column too wide for the page, are right-aligned one by one as before.
  const titled = [...sigs, ...(spec.after ?? [])].map((s) => /^([^\s（）]{2,6})\u3000+(\S.*)$/u.exec(s));
  const titleW = Math.max(0, ...titled.map((m) => (m ? doc.widthOfString(m[1] as string) : 0)));
  const nameW = Math.max(0, ...titled.map((m) => (m ? doc.widthOfString(m[2] as string) : 0)));
  // The column starts where the date starts when it is narrower than the date: the date stands under the names.
  const colX = rightEdge - Math.max(titleW + BODY + nameW, doc.widthOfString(chineseDate(spec.dateOn)));
  const inColumn = titled.length > 0 && titled.every(Boolean) && colX >= left;
  const signed = (s: string) => {
    const m = inColumn ? /^([^\s（）]{2,6})\u3000+(\S.*)$/u.exec(s) : null;
    if (!m) return rightAligned(s);
    const title = [...(m[1] as string)];
    const spread = title.length > 1 ? (titleW - doc.widthOfString(m[1] as string)) / (title.length - 1) : 0;
    const y = doc.y;
    let x = colX;
    for (const ch of title) {
      doc.text(ch, x, y, { lineBreak: false });
      x += doc.widthOfString(ch) + spread;
    }
    doc.text(m[2] as string, colX + titleW + BODY, y, { lineBreak: false });
    doc.x = left;
    doc.y = y + lineH();
  };
  for (const s of sigs) signed(s);
  if (sigs.length) doc.y += lineH();
  const date = chineseDate(spec.dateOn);
  const dateW = doc.widthOfString(date);
  const dateCenter = rightEdge - dateW / 2;
  const blockTop = doc.y;
  if (issuer) {
    // Centered over the date; a name too long for that stays inside the right margin.
    const w = doc.widthOfString(issuer);
    const x = Math.max(left, Math.min(dateCenter - w / 2, left + width - w));
    const y = doc.y;
    doc.text(issuer, x, y, { lineBreak: false });
    doc.y = y + lineH();
  }
  const dateY = doc.y;
  doc.text(date, rightEdge - dateW, dateY, { lineBreak: false });
  doc.y = dateY + lineH();
  const sealCy = (blockTop + dateY + BODY) / 2;
  const belowDate = doc.y;
  if (spec.draft) {
    // Drafts only: where the seal will go. Never on an issued copy (an electronic service copy included).
    doc.save().circle(dateCenter, sealCy, SEAL_R).lineWidth(1).dash(3, { space: 3 }).strokeColor('#c0392b').stroke().undash().restore();
    doc
      .save()
      .fillColor('#c0392b')
      .fontSize(9)
      .text('（印章）', dateCenter - 20, sealCy - SEAL_R + 6, { width: 40, align: 'center', lineBreak: false })
      .restore();
  } else if (spec.sealImage) {
    doc.image(spec.sealImage, dateCenter - SEAL_R, sealCy - SEAL_R, { width: 2 * SEAL_R, height: 2 * SEAL_R });
  }
  // save/restore keeps graphics state only: the body size and position are set again explicitly.
  doc.font('song').fontSize(BODY).fillColor('black');
  doc.x = left;
  doc.y = belowDate;
  if (spec.certified || spec.after?.length) doc.y += lineH() * 0.5;
  if (spec.certified) {
    const y = doc.y;
    doc.text(spec.certified, left + BODY * 2, y, { lineBreak: false });
    doc.y = y + lineH();
  }
  for (const s of spec.after ?? []) signed(s);
  for (const s of spec.notes ?? []) {
    doc.x = left;
    doc.text(s, left, doc.y, { width, align: 'left', lineGap: LINE_GAP });
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const marginBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (spec.draft && i === 0) {
      doc
        .save()
        .font('song-bold')
        .fontSize(14)
        .fillColor('#c0392b')
        .text('草稿', left, 18 * MM, { width, align: 'right', lineBreak: false })
        .restore();
    }
    // GB/T 9704-2012 §7.5 (docs55 L4): the page number in 4号 (14 pt) Arabic numerals between two 一字线 「— 1 —」, 7 mm
    // under the type area's lower edge; odd pages to the right, even pages to the left, one character (16 pt) in. A
    // notice's compact page keeps the number in its narrower foot.
    const n = i + 1;
    const top = spec.compact ? doc.page.height - COMPACT.footer : doc.page.height - marginBottom + 7 * MM;
    doc
      .font('song')
      .fontSize(14)
      .fillColor('black')
      .text(`— ${n} —`, left + 16, top, { width: width - 32, align: n % 2 === 1 ? 'right' : 'left', lineBreak: false });
    doc.page.margins.bottom = marginBottom;
  }
  doc.end();
  return done;
}

const TABLE_SIZE = 10.5;

/** A `small` block: one line at the table's size, or 9 pt, or broken after each 「；」 at 9 pt; then the body size again. */
function smallLine(doc: PDFKit.PDFDocument, text: string, x: number, width: number, bottom: number): void {
  doc.font('song').fontSize(TABLE_SIZE);
  if (doc.widthOfString(text) > width) doc.fontSize(9);
  const lines = doc.widthOfString(text) > width ? text.split(/(?<=；)/u) : [text];
  for (const line of lines) {
    const h = doc.currentLineHeight(true) + 3;
    if (doc.y + h > bottom) doc.addPage();
    doc.text(line, x, doc.y, { width, lineGap: 3 });
  }
  doc.font('song').fontSize(BODY);
}
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
  // Each cell broken into lines here, by the rules of the body text (禁则, numbers whole) and a date kept whole, each
  // line then fitting its column as drawn.
  // A line's leading spaces are its own (a blank date's 「　　　　年　　月　　日」): kept on its first line.
  const broken = (c: string, i: number) =>
    c
      .split('\n')
      .map((line) => {
        const w = (widths[i] as number) - 2 * PAD;
        const lead = /^\s*/u.exec(line)?.[0] ?? '';
        const rest = breakLines(doc, line.slice(lead.length), w - doc.widthOfString(lead), w, false, true);
        return `${lead}${rest.join('\n')}`;
      })
      .join('\n');
  /**
   * A cell's font size: the table's, or smaller where one unit that never breaks (「100.00%」, an identity number) is
   * wider than the column — pdfkit split it 「100.00 / %」 (reviewer docs46b L2). Not below 6 pt.
   */
  const cellSize = (c: string, i: number) => {
    doc.fontSize(size);
    const w = (widths[i] as number) - 2 * PAD;
    const widest = Math.max(
      0,
      ...c
        .split(/\s+/u)
        .flatMap((x) => x.match(/[A-Za-z0-9.,:%/\-+*#@&_~'"=]+/gu) ?? [])
        .map((u) => doc.widthOfString(u)),
    );
    return widest > w ? Math.max(6, Math.floor(((size * w) / widest) * 4) / 4) : size;
  };
  // The lines are broken above to fit the column, and drawn one by one as broken: pdfkit's own wrapping, measuring a
  // hair differently, broke some of them again (「《中华人民共和 / 国 / 民事诉讼法》」, reviewer docs46b L2).
  const cellLines = (c: string, i: number) => (broken(c, i) || ' ').split('\n');
  const heightOf = (cells: string[], font: string) => {
    doc.font(font);
    return (
      Math.max(
        ...cells.map((c, i) => {
          doc.fontSize(cellSize(c, i));
          return cellLines(c, i).length * doc.currentLineHeight(true);
        }),
      ) +
      2 * PAD
    );
  };
  // Caption, header and first row stay together: start a new page when they do not fit.
  doc.font('song-bold').fontSize(BODY);
  const LINE_GAP = Math.max(2, PITCH - doc.currentLineHeight(true));
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
      doc.font(font).fontSize(cellSize(c, i)).fillColor('black');
      const lh = doc.currentLineHeight(true);
      cellLines(c, i).forEach((line, k) => {
        const lw = doc.widthOfString(line);
        const inner = w - 2 * PAD;
        const dx = align(i) === 'right' ? inner - lw : 0;
        doc.text(line, x + PAD + Math.max(0, dx), y + PAD + k * lh, { lineBreak: false });
      });
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
