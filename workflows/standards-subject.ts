/**
 * What a claim of the broad category `labor_standards` is about (LDMAL Art. 47(2): 工作时间、休息休假、社会保险等国家劳动
 * 标准), read from its words where they name one subject only: social insurance, overtime, paid annual leave; null when
 * they name none or several. The ONE test the award's 案由 (templates/kinds.ts `causeWord`), its suggested basis
 * (templates/legal-basis.ts) and the statistics' cause (workflows/stat-facts.ts `causeOfClaim`) share — an outside
 * tester (stop 44, M2): a claim about 社会保险费 was counted under 工作时间、休息休假 while its award named 社会保险争议.
 */
export type StandardsSubject = 'social_insurance' | 'overtime' | 'annual_leave';
const SUBJECT_WORDS: [StandardsSubject, RegExp][] = [
  ['social_insurance', /社会保险|社保|养老保险|医疗保险|失业保险|工伤保险|生育保险/u],
  ['overtime', /加班|延长工作时间/u],
  ['annual_leave', /年休假|年假/u],
];
export function standardsSubject(description: string | null | undefined): StandardsSubject | null {
  const found = SUBJECT_WORDS.filter(([, re]) => re.test(description ?? '')).map(([s]) => s);
  return found.length === 1 ? (found[0] as StandardsSubject) : null;
}
