import { describe, expect, it } from 'vitest';
import { caseCause } from '../../templates/kinds.ts';
import { standardsSubject } from '../../workflows/standards-subject.ts';
import { CAUSE_OF_CATEGORY, causeOfClaim, STAT_CAUSES } from '../../workflows/stat-facts.ts';

/** Stop 44, M2: the award's 案由 and the statistics' cause read a labor_standards claim's subject by the same test. */
describe('labor_standards subject: award cause and statistics cause agree', () => {
  const cases: [string, string, keyof typeof STAT_CAUSES][] = [
    ['补缴2025年社会保险费', '社会保险争议', 'social_insurance'],
    ['补缴养老保险', '社会保险争议', 'social_insurance'],
    ['2025年加班工资', '工作时间和休息休假争议', 'labor_standards'],
    ['未休年休假工资', '工作时间和休息休假争议', 'labor_standards'],
    // Several subjects or none: the award names no cause from it; statistics keep the category's.
    ['加班工资及社会保险', '劳动人事争议', 'labor_standards'],
    ['按集体合同执行每周工作四十小时', '劳动人事争议', 'labor_standards'],
  ];
  for (const [description, award, stat] of cases)
    it(description, () => {
      expect(caseCause([{ category: 'labor_standards', description }])).toBe(award);
      expect(causeOfClaim({ category: 'labor_standards', description })).toBe(stat);
      if (standardsSubject(description) === 'social_insurance') expect(award).toContain(STAT_CAUSES[stat]);
    });
  it('other categories keep their mapping', () => {
    expect(causeOfClaim({ category: 'wages', description: '社会保险' })).toBe(CAUSE_OF_CATEGORY.wages);
  });
});
