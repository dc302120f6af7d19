import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILDERS, type DocumentKind } from '../../templates/kinds.ts';
import { type Block, type DocSpec, renderPdf } from '../../templates/layout.ts';
import { suggestedBasis } from '../../templates/legal-basis.ts';
import { sampleFor } from '../../templates/sample.ts';

/** Reviewer docs45, the generated PDFs read back: page breaks around the closing lines and the signature column. */
const render = (spec: DocSpec) => renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
/** Each page's lines, spaces and the page footer removed. */
function pages(pdf: Buffer): string[][] {
  return spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf })
    .stdout.toString('utf8')
    .split('\f')
    .map((pg) =>
      pg
        .split('\n')
        .map((l) => l.replace(/\s+/g, ''))
        .filter((l) => l && !/^—\d+—$/.test(l)),
    )
    .filter((pg) => pg.length > 0);
}
/** Each drawn piece of text with its left edge (pdftotext -bbox). */
function words(pdf: Buffer): { text: string; x: number; y: number }[] {
  const xml = spawnSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-', '-'], { input: pdf }).stdout.toString('utf8');
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    text: m[3] as string,
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

describe('reviewer docs45: one-page notices and the closing lines', () => {
  it('#1: the short notices (受理, 应诉, 开庭, 仲裁庭组成, 不予受理) print on one page', async () => {
    for (const kind of ['acceptance_notice', 'respond_notice', 'hearing_notice', 'tribunal_notice', 'rejection_notice'] as DocumentKind[]) {
      const [spec] = BUILDERS[kind](sampleFor(kind));
      const pgs = pages(await render(spec as DocSpec));
      expect(pgs.length, kind).toBe(1);
      expect(pgs[0]?.join(''), kind).toContain('特此通知。');
    }
  });

  it('#1: 「特此通知。」 and the signature never go over without the last paragraph of body text', async () => {
    let broke = 0;
    for (let n = 8; n <= 26; n++) {
      const spec: DocSpec = {
        title: '受理通知书',
        caseNo: null,
        commission: '聊城市劳动人事争议仲裁委员会',
        dateOn: '2026-04-20',
        blocks: [
          { kind: 'to', text: '张三：' },
          ...Array.from({ length: n }, (_, i): Block => ({ kind: 'para', text: `第${i + 1}段。` })),
          { kind: 'para', text: '末段正文，当事人应当按时到庭。' },
          { kind: 'para', text: '特此通知。' },
        ],
      };
      const pgs = pages(await render(spec));
      const last = pgs.at(-1) ?? [];
      expect(last, `${n} paragraphs`).toContain('特此通知。');
      expect(last, `${n} paragraphs`).toContain('末段正文，当事人应当按时到庭。');
      expect(last.at(-1), `${n} paragraphs`).toBe('二〇二六年四月二十日');
      if (pgs.length > 1) broke++;
    }
    expect(broke).toBeGreaterThan(0);
  });
});

describe('reviewer docs45 #2: the signature block is aligned', () => {
  it("an award's arbitrators and clerk: the names in one column, the titles spread to one width, the date under them", async () => {
    const specs = BUILDERS.award(sampleFor('award'));
    const pdf = await render(specs[0] as DocSpec);
    const ws = words(pdf);
    const at = (t: string) => ws.filter((w) => w.text === t).at(-1);
    const names = ['李明', '赵丽华', '孙立新', '王晓燕'].map(at);
    for (const n of names) expect(n).toBeDefined();
    const x = names.map((n) => n?.x as number);
    for (const v of x) expect(Math.abs(v - (x[0] as number))).toBeLessThan(0.5);
    // The titles start in one column, where the date starts: 首席仲裁员, 仲　裁　员 (twice), 书　记　员.
    const date = ws.find((w) => w.text === '二〇二六年四月十日');
    expect(date).toBeDefined();
    const starts = ws.filter((w) => ['首席仲裁员', '仲', '书'].includes(w.text) && Math.abs(w.x - (date?.x as number)) < 0.5);
    expect(starts.map((w) => w.text)).toEqual(['首席仲裁员', '仲', '仲', '书']);
    // The titles are spread to one width: each name starts the same distance after its title's start.
    expect((x[0] as number) - (date?.x as number)).toBeGreaterThan(5 * 16);
  });
});

describe('reviewer docs45 #4: overtime pay and wages during work-injury leave cite their own articles', () => {
  const LL = '《中华人民共和国劳动法》';
  const LCL = '《中华人民共和国劳动合同法》';
  it('加班费 (as remuneration or as a labor standard): LL Art. 44 and LCL Art. 31; 停工留薪期工资: 工伤保险条例 Art. 33', () => {
    const overtime = [`${LL}第四十四条`, `${LCL}第三十一条`];
    expect(suggestedBasis('wages', 'granted', false, { description: '支付2025年延长工作时间加班费' })).toEqual(overtime);
    expect(suggestedBasis('labor_standards', 'granted', false, { description: '支付休息日加班工资' })).toEqual(overtime);
    expect(suggestedBasis('wages', 'granted', false, { description: '支付停工留薪期工资' })).toEqual(['《工伤保险条例》第三十三条']);
    expect(suggestedBasis('work_injury_medical', 'granted', false, { description: '支付停工留薪期间工资' })).toEqual([
      '《工伤保险条例》第三十三条',
    ]);
    // Other remuneration and work-injury costs keep theirs; words naming both, the category's.
    expect(suggestedBasis('wages', 'granted', false, { description: '支付拖欠工资' })).toEqual([`${LCL}第三十条`]);
    expect(suggestedBasis('work_injury_medical', 'granted', false, { description: '工伤医疗费' })).toEqual(['《工伤保险条例》第三十条']);
    expect(suggestedBasis('wages', 'granted', false, { description: '支付停工留薪期工资及加班费' })).toEqual([`${LCL}第三十条`]);
    // An employer's claim is not a worker's pay; a dismissed one cites the burden of proof.
    expect(suggestedBasis('wages', 'dismissed', false, { description: '加班费' })).toEqual(['《中华人民共和国劳动争议调解仲裁法》第六条']);
  });
});
