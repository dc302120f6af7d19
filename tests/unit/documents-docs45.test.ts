import { describe, expect, it } from 'vitest';
import { suggestedBasis } from '../../templates/legal-basis.ts';

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
