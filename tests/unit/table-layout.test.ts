import { describe, expect, it } from 'vitest';
import { type Block, renderPdf } from '../../templates/layout.ts';

/** Pages of a pdfkit PDF: page objects are plain (uncompressed) dictionaries `/Type /Page`. */
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const header = ['分组', '上期未结', '本期受理', '本期结案', '仲裁调解', '仲裁裁决', '其他方式', '期末未结', '结案率', '超审限'];
const row = (i: number) => [`第${i}组`, '1', '2', '3', '1', '1', '1', '0', '100.00%', '0'];

describe('ruled tables in documents', () => {
  it('a table that starts near the foot of a page moves whole to the next page (no page per cell)', async () => {
    // Enough text to fill most of page 1, then a table: before the fix each header cell overflowed onto a new page.
    // Sweep the table's starting height across the last part of page 1 in half-line steps.
    for (let filler = 0; filler < 24; filler++) {
      const blocks: Block[] = [
        ...Array.from({ length: 16 }, () => ({ kind: 'para' as const, text: '统计说明文字。', indent: false })),
        ...Array.from({ length: filler }, () => ({ kind: 'gap' as const })),
        // Consecutive short tables, as in the statistical report: one of them lands on the foot of the page.
        ...Array.from({ length: 8 }, (_, t) => ({ kind: 'table' as const, caption: `分表${t + 1}`, header, rows: [row(1), row(2)] })),
      ];
      const pdf = await renderPdf(
        { title: '统计表', caseNo: null, commission: '聊城市劳动人事争议仲裁委员会', blocks, dateOn: '2026-04-01' },
        { createdAt: new Date('2026-04-01T00:00:00Z') },
      );
      expect(pages(pdf), `${filler} gaps of filler`).toBeLessThanOrEqual(4);
    }
  });
});
