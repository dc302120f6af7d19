import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { songRegular } from '../../templates/fonts.ts';
import { breakLines } from '../../templates/layout.ts';

/** docs52 L2: a document's number and a counted note are never split over two lines, at any width. */
describe('fixD52 line breaks (docs52 L2)', () => {
  it('「第2号」「第1-2号」 and 「（1件未登记金额）」 stay whole in body text and table cells', () => {
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('song', songRegular());
    doc.font('song').fontSize(10.5);
    const texts = [
      '附件：1．先予执行裁决书（聊劳人仲案字〔2026〕第2号）；2．先予执行裁决书送达回证。',
      '本委另行作出聊劳人仲案字〔2026〕第1-2号非终局裁决书。',
      '15000.00（1件未登记金额）',
    ];
    for (const text of texts)
      for (let w = 60; w < 420; w += 1.5)
        for (const table of [false, true]) {
          const lines = breakLines(doc, text, w, w, false, table);
          const at = `${w} ${table}: ${lines.join('|')}`;
          expect(lines.join(''), at).toBe(text);
          for (const whole of ['第2号', '第1-2号', '（1件未登记金额）'])
            if (text.includes(whole))
              expect(
                lines.some((l) => l.includes(whole)),
                at,
              ).toBe(true);
        }
  });
});
