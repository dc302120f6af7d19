import { describe, expect, it } from 'vitest';
import { type DocSpec, renderPdf } from '../../templates/layout.ts';
import { pdfRaw } from '../helpers/pdf.ts';

/** Reviewer docs46 L2 and M1: a paragraph broken at a page end keeps two lines on each side; the closing block takes
 * only the last lines of the item before it to the next page, never the whole item. */
const render = (spec: DocSpec) => renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
const spec = (fillers: number, compact: boolean): DocSpec => ({
  title: '受理通知书',
  caseNo: '聊劳人仲案字〔2026〕第1号',
  commission: '聊城市劳动人事争议仲裁委员会',
  dateOn: '2026-03-04',
  compact,
  blocks: [
    { kind: 'to', text: '张三：' },
    ...Array.from({ length: fillers }, () => ({ kind: 'para' as const, text: '甲'.repeat(12) })),
    { kind: 'para', text: '乙'.repeat(100) },
    { kind: 'para', text: '丙'.repeat(110) },
    { kind: 'para', text: '特此通知。' },
  ],
});
const linesWith = (page: string, ch: string) => page.split('\n').filter((l) => l.includes(ch)).length;

describe('page breaks inside paragraphs (reviewer docs46 L2, M1)', () => {
  it('a paragraph across two pages keeps at least two lines on each (the item before the closing block too)', async () => {
    for (const compact of [false, true])
      for (let fillers = 8; fillers <= 26; fillers++) {
        const pages = pdfRaw(await render(spec(fillers, compact)))
          .split('\f')
          .filter((p) => p.trim());
        for (const ch of ['乙', '丙']) {
          const counts = pages.map((p) => linesWith(p, ch)).filter((n) => n > 0);
          if (counts.length > 1) for (const n of counts) expect(n, `${ch} ${fillers} ${compact} ${counts}`).toBeGreaterThanOrEqual(2);
        }
      }
  });
});
