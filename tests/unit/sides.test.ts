import { describe, expect, it } from 'vitest';
import { employerApplies, employerSide, isEmployerParty, isWorkerParty, type SidedParty, workerSide } from '../../workflows/sides.ts';
import { workerCount } from '../../workflows/stat-facts.ts';

/** workflows/sides.ts: who is the worker and who the employer — by side, not by kind (LDMAL Art. 22; Rules Art. 7). */
const person = (side: string, ownership?: string) => ({ kind: 'person', side, ...(ownership ? { ownership } : {}) });
const org = (side: string, ownership?: string) => ({ kind: 'organization', side, ...(ownership ? { ownership } : {}) });
const roles = (parties: SidedParty[], collectiveGround: string | null = null) => {
  const c = { parties, collectiveGround };
  return parties.map((p) => (isWorkerParty(c, p) ? 'worker' : isEmployerParty(c, p) ? 'employer' : 'neither'));
};

describe('worker side and employer side', () => {
  it('workers against a company: the applicants are the workers, the company the employer', () => {
    const parties = [person('applicant'), person('applicant'), org('respondent')];
    expect(employerApplies({ parties })).toBe(false);
    expect(roles(parties)).toEqual(['worker', 'worker', 'employer']);
  });

  it('a worker against an individual employer (个体工商户): the natural-person respondent is the employer', () => {
    expect(roles([person('applicant'), person('respondent')])).toEqual(['worker', 'employer']);
  });

  it('Rules Art. 7: the organization and the individual contractor are both on the employer side', () => {
    expect(roles([person('applicant'), org('respondent'), person('respondent')])).toEqual(['worker', 'employer', 'employer']);
  });

  it('an employer applies: the natural-person respondents are the workers', () => {
    const parties = [org('applicant'), person('respondent'), person('respondent')];
    expect(employerApplies({ parties })).toBe(true);
    expect(workerSide({ parties })).toBe('respondent');
    expect(roles(parties)).toEqual(['employer', 'worker', 'worker']);
  });

  it('an individual employer applies: its recorded economic type marks its side', () => {
    const parties = [person('applicant', 'individual'), person('respondent')];
    expect(employerSide({ parties })).toBe('applicant');
    expect(roles(parties)).toEqual(['employer', 'worker']);
    // Without the type, two natural persons read as the common case: the applicant is the worker.
    expect(roles([person('applicant'), person('respondent')])).toEqual(['worker', 'employer']);
  });

  it('Rules Art. 64: a union applying — alone or with the workers — is on the workers’ side and is not an employer', () => {
    expect(roles([org('applicant'), person('applicant'), org('respondent')])).toEqual(['neither', 'worker', 'employer']);
    expect(roles([org('applicant'), org('respondent')], 'union_applicant')).toEqual(['neither', 'employer']);
    // Without the ground, an organization applying alone is an employer applying.
    expect(roles([org('applicant'), org('respondent')])).toEqual(['employer', 'neither']);
  });

  it('third parties are on neither side', () => {
    expect(roles([person('applicant'), org('respondent'), person('third_party'), org('third_party')])).toEqual([
      'worker',
      'employer',
      'neither',
      'neither',
    ]);
  });

  it('the statistics count the same workers', () => {
    expect(workerCount([person('applicant'), person('respondent')])).toBe(1);
    expect(workerCount([org('applicant'), person('respondent'), person('respondent')])).toBe(2);
    expect(workerCount([person('applicant'), org('respondent'), person('respondent')])).toBe(1);
    expect(workerCount([person('applicant', 'individual'), person('respondent'), person('respondent')])).toBe(2);
  });
});
