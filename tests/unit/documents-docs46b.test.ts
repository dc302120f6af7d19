import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { songRegular } from '../../templates/fonts.ts';
import { BUILDERS } from '../../templates/kinds.ts';
import { type Block, breakLines, renderPdf } from '../../templates/layout.ts';
import { sampleFor } from '../../templates/sample.ts';
import { pdfRaw } from '../helpers/pdf.ts';

/** A second outside reviewer of the documents (docs46b L2): table cells never leave one character or a unit alone. */
const render = (blocks: Block[]) =>
  renderPdf(
    { title: '统计表', caseNo: null, commission: '聊城市劳动人事争议仲裁委员会', blocks, dateOn: '2026-04-01' },
    { createdAt: new Date('2026-04-01T00:00:00Z') },
  );
const lines = (raw: string) =>
  raw
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe('table cells (reviewer docs46b L2)', () => {
  it('a cell’s last line is never one character: the one before goes down with it', () => {
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('song', songRegular());
    doc.font('song').fontSize(10.5);
    const text = '拖欠工资（农民工工资）案件';
    // A column where the text would end with one character alone.
    const w = doc.widthOfString('拖欠工资（农民工') + 0.5;
    const plain = breakLines(doc, text, w, w);
    const cell = breakLines(doc, text, doc.widthOfString('拖欠工资（农民工工资）案') + 0.5, w, false, true);
    expect(plain.join('|')).toBe('拖欠工资（农民工|工资）案件');
    expect(cell.join('|')).toBe('拖欠工资（农民工工资）|案件');
  });

  it('a rate too wide for its column is set smaller, never split 「100.00 / %」; a broken line is not broken again', async () => {
    const header = ['类别', '受理', '结案', '结案率', '调解', '裁决', '其他', '未结', '超审限', '备注'];
    const pdf = await render([
      {
        kind: 'table',
        widths: [0.16, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.2],
        header,
        rows: [['拖欠工资（农民工工资）案件', '12', '12', '100.00%', '1', '1', '1', '0', '0', '《中华人民共和国民事诉讼法》第九十一条']],
      },
    ]);
    const out = lines(pdfRaw(pdf));
    expect(
      out.some((l) => l.includes('100.00%')),
      out.join('|'),
    ).toBe(true);
    // No line of one character (pdftotext joins cells on one baseline: a lone one reads as its own line).
    for (const lone of ['%', '国', '民', '工']) expect(out, out.join('|')).not.toContain(lone);
    expect(out.join('|')).toContain('拖欠工资（农民|工工资）案件');
  });
});

describe('调解书 terms (reviewer docs46b L1)', () => {
  const paras = (terms: string) => {
    const d = sampleFor('mediation_document');
    d.ctx = { ...d.ctx, mediation: { ...(d.ctx.mediation as NonNullable<typeof d.ctx.mediation>), terms } };
    const [spec] = BUILDERS.mediation_document(d);
    return (spec?.blocks ?? []).flatMap((b) => (b.kind === 'para' ? [b] : []));
  };
  it('items typed on one line after a comma are one paragraph each, each indented; other numbers stay in the text', () => {
    const out = paras('一、被申请人于2026年4月10日前支付申请人工资12000元，二、申请人放弃其他仲裁请求。');
    const two = out.find((b) => b.text === '二、申请人放弃其他仲裁请求。');
    expect(two, JSON.stringify(out)).toBeDefined();
    expect(two?.indent).not.toBe(false);
    expect(out.map((b) => b.text)).toContain('一、被申请人于2026年4月10日前支付申请人工资12000元；');
    // 「3、5月」 is not the next item after 1: kept in its item.
    expect(paras('1、支付3、5月工资，共计1.5万元 2、双方无争议').map((b) => b.text)).toEqual(
      // The last term ends as a sentence (docs54 L2: typed without its 「。」).
      expect.arrayContaining(['1、支付3、5月工资，共计1.5万元；', '2、双方无争议。']),
    );
  });
});

describe('closedSentence: an agreed term ends as a sentence without changing the parties’ words (docs54 L2, reviewer s54 B M1)', () => {
  it('adds 「。」 after a character, a number or a closing bracket; keeps any punctuation the parties typed', async () => {
    const { closedSentence } = await import('../../templates/kinds.ts');
    expect(closedSentence('被申请人支付工资3000元')).toBe('被申请人支付工资3000元。');
    expect(closedSentence('（人民币叁仟元整）')).toBe('（人民币叁仟元整）。');
    for (const kept of [
      '被申请人于5月1日前支付下列款项：',
      '收款账户:',
      '见附件1、2、',
      '各方确认，',
      'USD 100.',
      '双方无其他争议；',
      '……“已结清。”',
      '结清。',
    ])
      expect(closedSentence(kept)).toBe(kept);
  });
});
