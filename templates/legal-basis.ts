/**
 * The legal basis an award cites (本委认为…依照…之规定，裁决如下), per item and per finality. These are suggestions the
 * arbitrator confirms or edits (ISSUE_AWARD `items[].legalBasis`, or `legalBasis` on the document request); the
 * award prints the edited list when there is one. The substantive articles are the usual ones for each claim
 * category; the final-award article (LDMAL Art. 47) is suggested only for items classified final, and a dismissed
 * or partly dismissed item suggests the burden-of-proof rule (LDMAL Art. 6). Edit SUGGESTED to change them.
 */
const LCL = '《中华人民共和国劳动合同法》';
const LL = '《中华人民共和国劳动法》';
const LDMAL = '《中华人民共和国劳动争议调解仲裁法》';

export const SUGGESTED: Record<string, string[]> = {
  wages: [`${LCL}第三十条`],
  work_injury_medical: ['《工伤保险条例》第三十条'],
  economic_compensation: [`${LCL}第四十六条`, `${LCL}第四十七条`],
  damages: [`${LCL}第八十二条`, `${LCL}第八十七条`],
  labor_standards: [`${LL}第四十四条`],
  social_insurance: [`${LL}第七十二条`],
  labor_protection: [`${LL}第五十二条`],
  training: [`${LCL}第二十二条`],
  contract_change: [`${LCL}第三十五条`],
  confirm_relationship: [`${LCL}第七条`],
  contract: [`${LCL}第三条`],
  other: [],
};
/** LDMAL Art. 47(1): remuneration, work-injury medical costs, compensation, damages up to 12 months' minimum wage. */
const FINAL_MONETARY = ['wages', 'work_injury_medical', 'economic_compensation', 'damages'];
/** LDMAL Art. 47(2): national labor standards (working hours, rest and leave, social insurance). */
const FINAL_STANDARDS = ['labor_standards', 'social_insurance'];

export function suggestedBasis(category: string, outcome: string, final: boolean): string[] {
  const out = outcome === 'dismissed' ? [] : [...(SUGGESTED[category] ?? [])];
  if (outcome !== 'granted') out.push(`${LDMAL}第六条`);
  if (final && FINAL_MONETARY.includes(category)) out.push(`${LDMAL}第四十七条第（一）项`);
  if (final && FINAL_STANDARDS.includes(category)) out.push(`${LDMAL}第四十七条第（二）项`);
  return out;
}

/**
 * "《甲法》第一条、第二条，《乙法》第三条" from a list of citations, each 《title》+ article; repeats dropped, laws in
 * order of first citation.
 */
export function formatBasis(citations: string[]): string {
  const byLaw = new Map<string, string[]>();
  for (const c of citations) {
    const m = /^(《[^》]+》)(.*)$/.exec(c.trim());
    const [law, art] = m ? [m[1] as string, (m[2] as string).trim()] : [c.trim(), ''];
    const arts = byLaw.get(law) ?? [];
    if (art && !arts.includes(art)) arts.push(art);
    byLaw.set(law, arts);
  }
  return [...byLaw].map(([law, arts]) => `${law}${arts.join('、')}`).join('，');
}
