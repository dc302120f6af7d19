import { describe, expect, it } from 'vitest';
import { type Block, renderPdf } from '../../templates/layout.ts';
import { pdfRaw } from '../helpers/pdf.ts';

/** An outside documents reviewer (docsfix M1): a lead-in is never the last line of a page. */
const pages = async (blocks: Block[]) =>
  pdfRaw(
    await renderPdf(
      {
        title: '先予执行裁决书',
        caseNo: '聊劳人仲案字〔2026〕第1号',
        commission: '聊城市劳动人事争议仲裁委员会',
        blocks,
        dateOn: '2026-08-28',
        signatures: ['仲裁员　李某'],
        after: ['书记员　王某'],
      },
      { createdAt: new Date('2026-08-28T00:00:00Z') },
    ),
  )
    .split('\f')
    .map((p) => p.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, ''))
    .filter(Boolean);

describe('lead-ins (reviewer docsfix M1)', () => {
  it('「裁决如下：」 goes to the next page with the first order whatever moves that order there (widow control, the kept closing)', async () => {
    const order =
      '一、被申请人聊城某某机械有限公司于本裁决书送达之日起五日内先行向申请人张三支付工伤医疗费15000.00元（人民币壹万伍仟元整）。';
    let stranded = 0;
    for (let k = 0; k < 44; k++) {
      const filler =
        '申请人张三与被申请人聊城某某机械有限公司工伤医疗费、劳动报酬争议一案，本委依法受理。'.repeat(6 + (k >> 2)) +
        '审'.repeat((k % 4) * 6);
      for (const tailOrder of [false, true]) {
        const blocks: Block[] = [
          { kind: 'para', text: filler },
          { kind: 'para', text: '依照《中华人民共和国劳动争议调解仲裁法》第四十四条之规定，裁决如下：' },
          { kind: 'para', text: order },
          ...(tailOrder ? [] : [{ kind: 'para', text: '本裁决移送人民法院执行。劳动者申请先予执行的，可以不提供担保。' } as Block]),
        ];
        const ps = await pages(blocks);
        for (const p of ps) if (/[：:]$/u.test(p)) stranded++;
        expect(ps.join(''), `k=${k}`).toContain('裁决如下：一、被申请人');
      }
    }
    expect(stranded).toBe(0);
  }, 60_000);
});
