import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { absenceAddition, asOurCommission, BUILDERS } from '../../templates/kinds.ts';
import { type DocSpec, renderPdf } from '../../templates/layout.ts';
import { suggestedBasis } from '../../templates/legal-basis.ts';
import { sampleFor } from '../../templates/sample.ts';

/** Reviewer docs45 (the fix round): the legal basis a claim's words suggest, and the words of the generated documents. */
const LCL = '《中华人民共和国劳动合同法》';
const FINAL_1 = '《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项';

describe('reviewer docs45 M1: the suggested basis of a contract claim follows its words', () => {
  it('a certificate of termination or the file transferred: LCL Art. 50, never Art. 3', () => {
    expect(suggestedBasis('contract', 'granted', false, { description: '出具解除劳动合同的证明' })).toEqual([`${LCL}第五十条`]);
    expect(suggestedBasis('contract', 'granted', false, { description: '出具离职证明并办理档案转移手续' })).toEqual([`${LCL}第五十条`]);
    expect(suggestedBasis('contract', 'granted', false, { description: '退还人事档案' })).toEqual([`${LCL}第五十条`]);
  });
  it('continued performance: LCL Art. 48; an open-ended contract: Art. 14', () => {
    expect(suggestedBasis('contract', 'granted', false, { description: '继续履行劳动合同' })).toEqual([`${LCL}第四十八条`]);
    expect(suggestedBasis('contract', 'partly', false, { description: '恢复劳动关系' })).toEqual([`${LCL}第四十八条`]);
    expect(suggestedBasis('contract', 'granted', false, { description: '与申请人订立无固定期限劳动合同' })).toEqual([`${LCL}第十四条`]);
  });
  it('words that name nothing known (or two kinds) suggest nothing: the arbitrator writes the basis', () => {
    expect(suggestedBasis('contract', 'granted', false, { description: '解决合同争议' })).toEqual([]);
    expect(suggestedBasis('contract', 'granted', false, { description: '出具工资收入证明' })).toEqual([]);
    expect(suggestedBasis('contract', 'granted', false, { description: '继续履行劳动合同并出具解除劳动合同的证明' })).toEqual([]);
    expect(suggestedBasis('contract', 'granted', false)).toEqual([]);
    // Dismissed: the burden of proof, as for any claim.
    expect(suggestedBasis('contract', 'dismissed', false, { description: '出具解除劳动合同的证明' })).toEqual([
      '《中华人民共和国劳动争议调解仲裁法》第六条',
    ]);
    // An employer's contract claim keeps its own articles.
    expect(suggestedBasis('contract', 'granted', false, { byEmployer: true, description: '出具解除劳动合同的证明' })).toEqual([
      `${LCL}第二十三条`,
      `${LCL}第九十条`,
    ]);
  });
  it('LOW: an economic_compensation claim for 违法解除…赔偿金 gets Arts. 48/87; economic compensation Arts. 46/47', () => {
    expect(suggestedBasis('economic_compensation', 'granted', false, { description: '支付违法解除劳动合同赔偿金' })).toEqual([
      `${LCL}第四十八条`,
      `${LCL}第八十七条`,
    ]);
    expect(suggestedBasis('economic_compensation', 'granted', true, { description: '违法解除劳动合同赔偿金' })).toEqual([
      `${LCL}第四十八条`,
      `${LCL}第八十七条`,
      FINAL_1,
    ]);
    expect(suggestedBasis('economic_compensation', 'granted', false, { description: '支付解除劳动合同经济补偿' })).toEqual([
      `${LCL}第四十六条`,
      `${LCL}第四十七条`,
    ]);
    // 违法解除 asking for the compensation (not 赔偿金) stays with Arts. 46/47.
    expect(suggestedBasis('economic_compensation', 'granted', false, { description: '被申请人违法解除劳动合同，支付经济补偿' })).toEqual([
      `${LCL}第四十六条`,
      `${LCL}第四十七条`,
    ]);
  });
});

const render = (spec: DocSpec) => renderPdf(spec, { createdAt: new Date('2026-04-20T00:00:00Z') });
/** Each drawn piece of text with its top edge (pdftotext -bbox). */
function words(pdf: Buffer): { text: string; y: number }[] {
  const xml = spawnSync('pdftotext', ['-enc', 'UTF-8', '-bbox', '-', '-'], { input: pdf }).stdout.toString('utf8');
  return [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    text: m[2] as string,
    y: Number(m[1]),
  }));
}
/** The lines of the PDF, spaces removed. */
function lines(pdf: Buffer): string[] {
  return spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf })
    .stdout.toString('utf8')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l);
}

describe('reviewer docs45 LOWs', () => {
  it('L1: a recorded reason that only repeats the fixed wording, clause by clause, adds nothing', () => {
    expect(absenceAddition('申请人经书面通知，无正当理由拒不到庭')).toBe('');
    expect(absenceAddition('申请人经依法书面通知，无正当理由拒不到庭。')).toBe('');
    expect(absenceAddition('申请人经书面通知，因出差未到庭')).toBe('因出差未到庭');
  });

  it('L3: the receipt leaves a tall box to sign in — for the person served and the one who served', async () => {
    const base = sampleFor('service_receipt');
    const d = {
      ...base,
      ctx: { ...base.ctx, services: [{ document: 'award', partyId: 2, method: 'direct', servedOn: '2026-03-27' }] },
    } as typeof base;
    const [spec] = BUILDERS.service_receipt(d);
    const ws = words(await render(spec as DocSpec));
    const top = (t: string) => ws.find((w) => w.text.startsWith(t))?.y as number;
    // At least four lines of 10.5 pt below each label before the next row.
    expect(top('签收日期') - top('受送达人签名或者盖章')).toBeGreaterThan(60);
    expect(top('备注') - top('送达人签名')).toBeGreaterThan(60);
  });

  it('L4: a date in a table cell is never split between two lines', async () => {
    for (const pad of ['', '　', '先予', '先予执行裁决']) {
      const text = `${pad}先予执行裁决书　聊劳人仲案字〔2026〕第12号（二〇二六年九月十五日作出）`;
      const pdf = await render({
        title: '送达回证',
        caseNo: null,
        commission: '聊城市劳动人事争议仲裁委员会',
        dateOn: '2026-09-20',
        blocks: [
          { kind: 'table', widths: [0.27, 0.73], align: ['left', 'left'], header: ['送达文书', text], rows: [['受送达人', '张三']] },
        ],
      });
      expect(
        lines(pdf).some((l) => l.includes('二〇二六年九月十五日')),
        pad,
      ).toBe(true);
    }
  });

  it('L5: the termination decision calls the commission 本委, not 仲裁委员会; another commission keeps its name', () => {
    const C = '聊城市劳动人事争议仲裁委员会';
    expect(asOurCommission('申请人以仲裁委员会逾期未作出裁决为由向人民法院提起诉讼', C)).toBe(
      '申请人以本委逾期未作出裁决为由向人民法院提起诉讼',
    );
    expect(asOurCommission(`申请人以${C}逾期未作出裁决为由起诉`, C)).toBe('申请人以本委逾期未作出裁决为由起诉');
    expect(asOurCommission('已由济南市劳动人事争议仲裁委员会受理', C)).toBe('已由济南市劳动人事争议仲裁委员会受理');
  });
});
