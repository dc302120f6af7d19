/**
 * Who is the worker and who is the employer in a case (LDMAL Art. 22: the worker and the employer are the parties).
 * Decided by the SIDE a party is on (applicant / respondent), not by its kind: an employer can be a natural person (an
 * individual employer, 个体工商户; an individual contractor is a co-party with the organization that contracted the
 * business out, Rules Art. 7), an employer can be the applicant, and an organization on the workers' side is a union
 * acting for them (Rules Art. 64), not an employer.
 *
 * Which side is the employer's, in this order:
 * 1. the side of a party whose employer economic type (用人单位经济类型, `ownership`) is recorded — only an employer has
 *    one — when the record names one side only;
 * 2. the respondents when a union applies for the workers (`collectiveGround: 'union_applicant'`, Rules Art. 64);
 * 3. the applicants when every applicant is an organization (an employer applies against its workers), or when an
 *    organization is among the applicants and every respondent is a natural person (an employer with an individual
 *    contractor as co-party, Rules Art. 7, applying against workers; recheck52 H1);
 * 4. otherwise the respondents (workers apply — the common case).
 *
 * Every applicant or respondent on the employer's side is on the employer side, whatever its kind; the natural persons
 * on the other side are the workers; third parties (LDMAL Art. 23) are on neither.
 *
 * The one place that answers this question: the suing and set-aside windows (LDMAL Arts. 48–50), "an employer cannot
 * sue against a final award" (Art. 49), SPC-1 Art. 21(2), collective representatives (LDMAL Art. 7; Rules Art. 63),
 * the claim line and outcomes, and the statistics (workers involved, who filed, the employer's type) all ask here.
 */
export interface SidedParty {
  kind: string;
  side?: string;
  ownership?: string | null;
}

/** A case as far as sides go: its parties, and the ground of a collective case (a union applying, Rules Art. 64). */
export interface SidedCase<P extends SidedParty = SidedParty> {
  parties: readonly P[];
  collectiveGround?: string | null;
}

type Side = 'applicant' | 'respondent';
const isSide = (s: string | undefined): s is Side => s === 'applicant' || s === 'respondent';

/** The side the employer is on (see the order above). */
export function employerSide(c: SidedCase): Side {
  const marked = new Set(c.parties.filter((p) => isSide(p.side) && p.ownership).map((p) => p.side as Side));
  if (marked.size === 1) return [...marked][0] as Side;
  if (c.collectiveGround === 'union_applicant') return 'respondent';
  const applicants = c.parties.filter((p) => p.side === 'applicant');
  const respondents = c.parties.filter((p) => p.side === 'respondent');
  if (applicants.length > 0 && applicants.every((p) => p.kind === 'organization')) return 'applicant';
  return applicants.some((p) => p.kind === 'organization') && respondents.length > 0 && respondents.every((p) => p.kind === 'person')
    ? 'applicant'
    : 'respondent';
}

/** An employer applies (用人单位申诉). */
export function employerApplies(c: SidedCase): boolean {
  return employerSide(c) === 'applicant';
}

/**
 * The claim is the employer's against a worker: the employer applied and it is not a counterclaim, or the worker applied
 * and it is the employer's counterclaim (Rules Art. 36). Finality (LDMAL Art. 47(1)) and the suggested basis ask here.
 */
export function claimByEmployer(c: SidedCase, claim: { counterclaim?: boolean }): boolean {
  return employerApplies(c) !== (claim.counterclaim === true);
}

/**
 * The claim is a union's for the workers (Rules Art. 64; LCL Art. 56), not a worker recovering his own (LDMAL Art.
 * 47(1)): on the workers' side, not a counterclaim, and the party it names an organization — or, naming none, in a
 * case a union applies in (`collectiveGround: 'union_applicant'`). Finality asks here.
 */
export function claimByUnion(
  c: SidedCase<SidedParty & { id?: number }>,
  claim: { counterclaim?: boolean; partyId?: number | null },
): boolean {
  if (claim.counterclaim || workerSide(c) !== 'applicant') return false;
  if (claim.partyId) return c.parties.find((p) => p.id === claim.partyId)?.kind === 'organization';
  return c.collectiveGround === 'union_applicant';
}

/**
 * The worker whose own dispute a claim is (his party id), or null when it concerns every worker of the case: a worker's
 * own claim of several (Rules Art. 62, `partyId` naming him), or a counterclaim against him (Rules Art. 36); an
 * employer applicant's claim, a union's for the workers (Rules Art. 64) and a claim of the applicants together concern
 * them all. Each worker's items are read by themselves (SPC-1 Art. 19; Rules Art. 50): finality asks here.
 */
export function claimWorker(
  c: SidedCase<SidedParty & { id?: number }>,
  claim: { counterclaim?: boolean; partyId?: number | null },
): number | null {
  if (!claim.partyId) return null;
  const party = c.parties.find((p) => p.id === claim.partyId);
  return party && isWorkerParty(c, party) ? claim.partyId : null;
}

/** The side the workers are on. */
export function workerSide(c: SidedCase): Side {
  return employerSide(c) === 'applicant' ? 'respondent' : 'applicant';
}

/** `party` is a worker: a natural person on the workers' side. */
export function isWorkerParty(c: SidedCase, party: SidedParty): boolean {
  return party.kind === 'person' && party.side === workerSide(c);
}

/** `party` is on the employer side: an applicant or respondent on the employer's side, organization or natural person. */
export function isEmployerParty(c: SidedCase, party: SidedParty): boolean {
  return isSide(party.side) && party.side === employerSide(c);
}

/** The same questions by party id (for the procedure record, whose parties carry ids). */
export function isWorkerId(c: SidedCase<SidedParty & { id: number }>, partyId: number): boolean {
  const party = c.parties.find((p) => p.id === partyId);
  return party !== undefined && isWorkerParty(c, party);
}

export function isEmployerId(c: SidedCase<SidedParty & { id: number }>, partyId: number): boolean {
  const party = c.parties.find((p) => p.id === partyId);
  return party !== undefined && isEmployerParty(c, party);
}
