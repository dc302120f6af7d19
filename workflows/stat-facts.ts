import type { MachineContext } from './case-machine.ts';
import { type ClaimStatLine, changedByCourt, claimStatLines, courtDecided } from './claim-outcomes.ts';
import { daysBetween } from './dates.ts';
import type { Finality } from './finality.ts';
import { parseMoney } from './identifiers.ts';
import type { ClaimCategory } from './reference.ts';
import { employerApplies, isEmployerParty, isWorkerParty } from './sides.ts';
import { standardsSubject } from './standards-subject.ts';

/**
 * What statistics know about one case (domain.md §13), derived from the case record and its procedure context.
 * Pure: the same function feeds the maintained projection and the from-scratch recomputation that checks it.
 */
export interface StatFacts {
  /** arbitration, mediation (pre-arbitration), or any other track: the arbitral review of mediation agreements. */
  track: string;
  district: string;
  cause: StatCause;
  procedureKind: 'ordinary' | 'simple' | 'collective';
  collective: boolean;
  wageArrears: boolean;
  /** Workers among the parties (劳动者当事人数): natural persons on the worker side only (see workerCount). */
  workers: number;
  /** Who filed (劳动者申诉 / 用人单位申诉): the employer when an organization is among the applicants. */
  filedBy: 'worker' | 'employer';
  /** The employer's ownership type (OWNERSHIP_TYPES), 'unknown' when not recorded. */
  ownership: string;
  /** Result of a case closed by award or mediation (用人单位胜诉 / 劳动者胜诉 / 双方部分胜诉); null otherwise. */
  result: 'worker' | 'employer' | 'both' | null;
  /** Amount settled by an arbitration mediation document (调解金额), or by a mediation-track agreement, in fen. */
  mediatedFen: number;
  /** An arbitration application referred from pre-arbitration mediation (REFER_TO_ARBITRATION). */
  referredFromMediation: boolean;
  claimedFen: number;
  awardedFen: number;
  receivedOn: string;
  acceptedOn: string | null;
  closedOn: string | null;
  closureMode: string | null;
  finality: string | null;
  arbitratorId: number | null;
  awardDueOn: string | null;
  daysToClose: number | null;
  closedLate: boolean;
  mediationOutcome: 'agreed' | 'failed' | 'referred' | 'withdrawn' | null;
  mediationEndedOn: string | null;
  /**
   * Issue 17: each awarded claim — category, award day, claimed, awarded, challenged, the court's result, the amount
   * finally upheld — as canonical JSON (a list of ClaimStatLine sorted by claim id), compared as text like every fact.
   */
  claimLines: string;
}

/**
 * Dispute causes as the yearbook table groups them (争议原因, domain.md §13.1: labor remuneration, social insurance,
 * termination and ending of contracts merged since 2011, …). Work injury and confirmation of the relationship are kept
 * apart because the commission's own reports ask for them; the mapping from claim categories is ours.
 */
export const STAT_CAUSES = {
  remuneration: '劳动报酬',
  social_insurance: '社会保险',
  work_injury: '工伤',
  termination: '解除、终止劳动合同',
  labor_standards: '工作时间、休息休假',
  relationship: '确认劳动关系',
  labor_protection: '劳动保护',
  training: '职业培训',
  contract_change: '变更劳动合同',
  other: '其他',
} as const;
export type StatCause = keyof typeof STAT_CAUSES;

export const CAUSE_OF_CATEGORY: Record<ClaimCategory, StatCause> = {
  wages: 'remuneration',
  social_insurance: 'social_insurance',
  work_injury_medical: 'work_injury',
  economic_compensation: 'termination',
  damages: 'termination',
  contract: 'termination',
  labor_standards: 'labor_standards',
  confirm_relationship: 'relationship',
  labor_protection: 'labor_protection',
  training: 'training',
  contract_change: 'contract_change',
  other: 'other',
};

/**
 * The statistics cause of one claim: its category's (CAUSE_OF_CATEGORY), except that a `labor_standards` claim whose
 * words name social insurance is counted under 社会保险 — the subject test the award's 案由 uses (workflows/
 * standards-subject.ts; LDMAL Art. 47(2) lists 社会保险 among the labor standards; stop 44, M2). Overtime, annual leave,
 * or words naming none or several subjects stay under 工作时间、休息休假.
 */
export function causeOfClaim(claim: { category: ClaimCategory; description?: string | null }): StatCause {
  if (claim.category === 'labor_standards' && standardsSubject(claim.description) === 'social_insurance') return 'social_insurance';
  return CAUSE_OF_CATEGORY[claim.category];
}

export const PROCEDURE_KINDS = { ordinary: '普通程序', simple: '简易处理', collective: '集体争议' } as const;

/** Closure modes as api.md reports them; the official table folds withdrawal and other into 其他方式. */
export function reportMode(mode: string | null): 'award' | 'mediation' | 'withdrawal' | 'other' | null {
  if (mode === null || mode === 'rejection' || mode === 'voided') return null;
  if (mode === 'award' || mode === 'mediation' || mode === 'withdrawal') return mode;
  return 'other'; // deemed withdrawal, termination, transfer
}

export interface StatSource {
  track: string;
  district: string;
  receivedOn: string;
  collective: boolean;
  wageArrears: boolean;
  parties: { kind: string; side?: string; ownership?: string | null }[];
  /** A union applying for the workers puts the employer on the respondents' side (Rules Art. 64; workflows/sides.ts). */
  collectiveGround?: string | null;
  claims: {
    id?: number;
    seq?: number;
    category: ClaimCategory;
    /** The claim's words: what a broad category is about (`causeOfClaim`). */
    description?: string | null;
    amountFen: number | null;
    counterclaim?: true;
  }[];
  /** For an arbitration case: the mediation case it was referred from (REFER_TO_ARBITRATION). */
  linkedCaseId?: number | null;
}

/**
 * Workers involved (劳动者当事人数): the natural persons on the worker side — the applicants when workers apply, the
 * respondents when an employer applies (workflows/sides.ts). An individual employer (a natural person) is not a worker.
 */
export function workerCount(parties: StatSource['parties'], collectiveGround: string | null = null): number {
  const c = { parties, collectiveGround };
  // Parties without a side (older callers) count as before: every natural person.
  return parties.filter((p) => (p.side === undefined ? p.kind === 'person' : isWorkerParty(c, p))).length;
}

/** The employer's ownership type: the first employer-side party that has one recorded (workflows/sides.ts). */
function ownershipOf(c: StatSource): string {
  return c.parties.find((p) => isEmployerParty(c, p) && p.ownership)?.ownership ?? 'unknown';
}

/**
 * Who prevailed (domain.md §13.1 "by result"), from the applicant's side first. Every item the award decides counts —
 * the applicant's claims and a merged counterclaim's (Rules Art. 36): an item granted is won by the side that claimed
 * it, one dismissed by the other side, one granted in part by both. Every item won by the applicant's side → the
 * applicant; every one by the respondent's → the respondent; otherwise both in part (s55: before, a counterclaim's
 * items were left out). A mediated case is a compromise (both in part) unless the recorded settlement amount covers
 * every yuan the applicant claimed. Convention (README "Statistics").
 */
function resultOf(
  ctx: MachineContext,
  applicantClaimedFen: number,
  counter: ReadonlySet<number>,
): 'applicant' | 'respondent' | 'both' | null {
  const mode = ctx.closure?.mode;
  if (mode === 'award') {
    const items = [...ctx.partialAwards.flatMap((a) => a.items), ...(ctx.award?.items ?? [])];
    if (!items.length) return null;
    const winners = new Set(
      items.map((i) => {
        if (i.outcome === 'partly') return 'both';
        const claimant = counter.has(i.claimId) ? 'respondent' : 'applicant';
        if (i.outcome === 'granted') return claimant;
        return claimant === 'applicant' ? 'respondent' : 'applicant';
      }),
    );
    return winners.size === 1 ? ([...winners][0] as 'applicant' | 'respondent' | 'both') : 'both';
  }
  if (mode === 'mediation') {
    const amount = parseMoney(ctx.mediation?.amount ?? '');
    return amount !== null && applicantClaimedFen > 0 && amount >= applicantClaimedFen ? 'applicant' : 'both';
  }
  return null;
}

/**
 * Options of the projection (app/config.ts). `claimedWithCounterclaims` — whether the amount claimed (标的额 /
 * 涉案金额) includes a merged counterclaim's claims (default true; STATS_CLAIMED_AMOUNT=application counts the
 * applicant's claims only). No statistical form or rule read for domain.md §13.1 says which (MA1 names 涉案金额 without a
 * rule for counterclaims, [R]): a local choice. A change needs `npm run stats:reproject` (the facts are projected).
 */
export interface StatOptions {
  claimedWithCounterclaims?: boolean;
}

/**
 * The finality of the case's decisions together (docs53 M1): its partial awards (部分裁决, Rules Art. 49 — a final one
 * takes effect as such, LDMAL Art. 47) and its closing award. Every decision final → final; every one non-final →
 * non-final; otherwise mixed (部分终局: final and non-final matters side by side, Rules Art. 50; domain.md §9.5, §13.1).
 * Null when the case has no award at all.
 */
export function decisionsFinality(ctx: Pick<MachineContext, 'partialAwards' | 'award'>): Finality | null {
  const all = [...(ctx.partialAwards ?? []), ...(ctx.award ? [ctx.award] : [])].map((a) => a.finality);
  if (!all.length) return null;
  if (all.every((f) => f === 'final')) return 'final';
  if (all.every((f) => f === 'non_final')) return 'non_final';
  return 'mixed';
}

export function statFacts(c: StatSource, ctx: MachineContext, awardDueOn: string | null, opts: StatOptions = {}): StatFacts {
  // s55 (legal55a #6, docs55 #3): a merged counterclaim (Rules Art. 36) is decided by the award like the applicant's
  // claims (LDMAL Art. 46; Rules Art. 49), so its items are in the claim lines (by their category: a worker's wage
  // counterclaim is 劳动报酬), the amount awarded and the result — the same items the finality (final / mixed) reads.
  // Whether the amount claimed includes it is a local choice (StatOptions). The case's cause stays the applicant's.
  const counter = new Set(c.claims.filter((cl) => cl.counterclaim).map((cl) => cl.id as number));
  const all = [...c.claims].sort((a, b) => (a.counterclaim ? 1 : 0) - (b.counterclaim ? 1 : 0) || (a.seq ?? 0) - (b.seq ?? 0));
  const claims = all.filter((cl) => !cl.counterclaim);
  // The case's cause is the cause of the first claim the applicant listed (one cause per case, so causes add up).
  const cause = claims[0] ? causeOfClaim(claims[0]) : 'other';
  const acceptedOn = ctx.acceptedOn ?? null;
  const closedOn = ctx.closure?.closedOn ?? null;
  const closureMode = ctx.closure?.mode ?? null;
  // Awarded: every award of the case — its partial awards (Rules Art. 49) and the final one — on every claim decided.
  const awarded = [...ctx.partialAwards.flatMap((a) => a.items), ...(ctx.award?.items ?? [])].reduce(
    (s, i) => s + (i.outcome === 'dismissed' ? 0 : (i.amountFen ?? 0)),
    0,
  );
  const tm = ctx.trackMediation;
  let mediationOutcome: StatFacts['mediationOutcome'] = null;
  let mediationEndedOn: string | null = null;
  if (c.track === 'mediation') {
    if (tm?.agreedOn) [mediationOutcome, mediationEndedOn] = ['agreed', tm.agreedOn];
    // A failed mediation then referred to arbitration is one "调解不成转入仲裁" (MA1 row 63), ended the day it failed.
    else if (tm?.failedOn && tm.referredOn) [mediationOutcome, mediationEndedOn] = ['referred', tm.failedOn];
    else if (tm?.failedOn) [mediationOutcome, mediationEndedOn] = ['failed', tm.failedOn];
    else if (tm?.referredOn) [mediationOutcome, mediationEndedOn] = ['referred', tm.referredOn];
    else if (closureMode === 'withdrawal') [mediationOutcome, mediationEndedOn] = ['withdrawn', closedOn];
  }
  const counted = acceptedOn !== null && closedOn !== null && closureMode !== 'rejection';
  const applicantClaimedFen = claims.reduce((s, cl) => s + (cl.amountFen ?? 0), 0);
  const claimedFen = opts.claimedWithCounterclaims === false ? applicantClaimedFen : all.reduce((s, cl) => s + (cl.amountFen ?? 0), 0);
  const filedBy = employerApplies(c) ? 'employer' : 'worker';
  const applicantResult = c.track === 'arbitration' ? resultOf(ctx, applicantClaimedFen, counter) : null;
  const mediated =
    c.track === 'mediation' ? tm?.agreedOn && tm.amount : closureMode === 'mediation' ? (ctx.mediation?.amount ?? null) : null;
  return {
    track: c.track,
    district: c.district,
    cause,
    procedureKind: c.collective ? 'collective' : ctx.procedure,
    collective: c.collective,
    wageArrears: c.wageArrears,
    workers: workerCount(c.parties, c.collectiveGround ?? null),
    filedBy,
    ownership: ownershipOf(c),
    result:
      applicantResult === null || applicantResult === 'both'
        ? applicantResult
        : (applicantResult === 'applicant') === (filedBy === 'worker')
          ? 'worker'
          : 'employer',
    mediatedFen: (mediated && parseMoney(mediated)) || 0,
    referredFromMediation: c.track === 'arbitration' && (c.linkedCaseId ?? null) !== null,
    claimedFen,
    awardedFen: awarded,
    receivedOn: c.receivedOn,
    acceptedOn,
    closedOn,
    closureMode,
    finality: decisionsFinality(ctx),
    arbitratorId: ctx.tribunal?.presidingId ?? null,
    awardDueOn,
    daysToClose: counted ? daysBetween(acceptedOn as string, closedOn as string) : null,
    closedLate: counted && awardDueOn !== null && (closedOn as string) > awardDueOn,
    mediationOutcome,
    mediationEndedOn,
    claimLines: c.track === 'arbitration' ? JSON.stringify(claimStatLines(all, ctx)) : '[]',
  };
}

/** The awarded claims of a row's facts (issue 17). */
export const claimLinesOf = (f: Pick<StatFacts, 'claimLines'>): ClaimStatLine[] => JSON.parse(f.claimLines || '[]');

/** The same facts (keys of `b`: a stored row may carry bookkeeping fields such as its id). */
export function sameFacts(a: StatFacts, b: StatFacts): boolean {
  return (Object.keys(b) as (keyof StatFacts)[]).every((k) => a[k] === b[k]);
}

/** Dimensions the counters are kept by; `days` keys closures by days-to-close (for the median). */
export const STAT_DIMS = ['all', 'district', 'cause', 'procedure', 'wage_arrears', 'arbitrator', 'ownership'] as const;
export type StatDim = (typeof STAT_DIMS)[number];

export const COUNTER_MEASURES = [
  'received',
  'rejected',
  'accepted',
  'accepted_collective',
  'workers',
  'workers_collective',
  'claimed_fen',
  'closed',
  'closed_award',
  'closed_mediation',
  'closed_withdrawal',
  'closed_other',
  'final_awards',
  'mixed_awards',
  'days_sum',
  'closed_late',
  'due_unmet',
  'awarded_fen',
  'med_received',
  'med_closed',
  'med_agreed',
  // The MA2/yearbook rows (issue 18).
  'accepted_by_employer',
  'accepted_referred',
  'closed_collective',
  'workers_closed',
  'closed_deemed',
  'closed_terminated',
  'closed_transferred',
  'won_worker',
  'won_employer',
  'won_both',
  'mediated_fen',
  'med_referred',
  'med_agreed_fen',
  'rev_received',
  'rev_closed',
  // Claims awarded and what courts made of them (issue 17), per claim category, on the award's day.
  'claim_items',
  'claim_claimed_fen',
  'claim_awarded_fen',
  'claim_challenged',
  'claim_court_decided',
  'claim_court_changed',
  'claim_settled',
  'claim_settled_awarded_fen',
  'claim_upheld_fen',
] as const;
export type CounterMeasure = (typeof COUNTER_MEASURES)[number];
export type Measures = Partial<Record<CounterMeasure, number>>;

export interface Contribution {
  /** `days`: closures keyed by days to close (the median); `claim_category`: awarded claims by category (issue 17). */
  dim: StatDim | 'days' | 'claim_category';
  key: string;
  day: string;
  m: Measures;
}

export function dimKey(f: StatFacts, dim: StatDim): string {
  switch (dim) {
    case 'all':
      return 'all';
    case 'district':
      return f.district;
    case 'cause':
      return f.cause;
    case 'procedure':
      return f.procedureKind;
    case 'wage_arrears':
      return f.wageArrears ? 'yes' : 'no';
    case 'arbitrator':
      return f.arbitratorId === null ? 'none' : String(f.arbitratorId);
    case 'ownership':
      return f.ownership;
  }
}

/**
 * What one case adds to the counters, per fact day. An accepted arbitration case adds to `accepted` on its acceptance
 * day and, once closed (other than by rejection), to `closed` on its closing day; because closing never precedes
 * acceptance, the cases open at the start of a day are Σaccepted − Σclosed over the days before it.
 */
export function contributions(f: StatFacts): Contribution[] {
  const out: Contribution[] = [];
  // void44: a registration voided as made by mistake (VOID_REGISTRATION) was never an application: it is counted
  // nowhere — not received, rejected, accepted or closed (its row stays, for the history; drill-downs leave it out).
  if (f.closureMode === 'voided') return out;
  const each = (day: string, m: Measures, dims: readonly StatDim[] = STAT_DIMS) => {
    for (const dim of dims) out.push({ dim, key: dimKey(f, dim), day, m });
  };
  if (f.track === 'mediation') {
    each(f.receivedOn, { med_received: 1 }, ['all', 'district']);
    if (f.mediationOutcome && f.mediationEndedOn)
      each(
        f.mediationEndedOn,
        {
          med_closed: 1,
          med_agreed: f.mediationOutcome === 'agreed' ? 1 : 0,
          med_referred: f.mediationOutcome === 'referred' ? 1 : 0,
          med_agreed_fen: f.mediationOutcome === 'agreed' ? f.mediatedFen : 0,
        },
        ['all', 'district'],
      );
    return out;
  }
  if (f.track !== 'arbitration') {
    // The arbitral review of mediation agreements (Rules Arts. 74–79): its own series, never arbitration cases.
    each(f.receivedOn, { rev_received: 1 }, ['all', 'district']);
    if (f.closedOn) each(f.closedOn, { rev_closed: 1 }, ['all', 'district']);
    return out;
  }
  // docs54 M1: applications received and rejected are counted in every breakdown, under the key the case has now — as
  // the drill-down (`measure=received|rejected&groupBy&group`) lists them: a case not yet assigned a tribunal under
  // arbitrator `none` (未组庭), its procedure the one it has so far — so each group's figure equals its list, and the
  // groups add up to the headline (they were kept by district only, every other breakdown read 0).
  each(f.receivedOn, { received: 1 });
  // Issue 17: every awarded claim on its award's day, by claim category and in the headline.
  for (const l of claimLinesOf(f)) {
    const m: Measures = {
      claim_items: 1,
      claim_claimed_fen: l.claimedFen,
      claim_awarded_fen: l.awardedFen,
      claim_challenged: l.challenged ? 1 : 0,
      claim_court_decided: courtDecided(l.court) ? 1 : 0,
      claim_court_changed: changedByCourt(l.court) ? 1 : 0,
      claim_settled: l.upheldFen === null ? 0 : 1,
      claim_settled_awarded_fen: l.upheldFen === null ? 0 : l.awardedFen,
      claim_upheld_fen: l.upheldFen ?? 0,
    };
    out.push({ dim: 'claim_category', key: l.category, day: l.on, m }, { dim: 'all', key: 'all', day: l.on, m });
  }
  if (f.closureMode === 'rejection' && f.closedOn) each(f.closedOn, { rejected: 1 });
  if (f.acceptedOn === null || f.closureMode === 'rejection') return out;
  each(f.acceptedOn, {
    accepted: 1,
    accepted_collective: f.collective ? 1 : 0,
    workers: f.workers,
    workers_collective: f.collective ? f.workers : 0,
    claimed_fen: f.claimedFen,
    accepted_by_employer: f.filedBy === 'employer' ? 1 : 0,
    accepted_referred: f.referredFromMediation ? 1 : 0,
  });
  // On the award due date: a case not closed by then (still open, or closed late). With closed_late on the closing
  // day this gives the cases open past their due date on any day J: Σ_{d<J} due_unmet − Σ_{d≤J} closed_late.
  if (f.awardDueOn !== null && (f.closedOn === null || f.closedLate))
    out.push(...STAT_DIMS.map((dim) => ({ dim, key: dimKey(f, dim), day: f.awardDueOn as string, m: { due_unmet: 1 } })));
  if (f.closedOn !== null) {
    const mode = reportMode(f.closureMode);
    const m: Measures = {
      closed: 1,
      closed_award: mode === 'award' ? 1 : 0,
      closed_mediation: mode === 'mediation' ? 1 : 0,
      closed_withdrawal: mode === 'withdrawal' ? 1 : 0,
      closed_other: mode === 'other' ? 1 : 0,
      final_awards: mode === 'award' && f.finality === 'final' ? 1 : 0,
      mixed_awards: mode === 'award' && f.finality === 'mixed' ? 1 : 0,
      days_sum: f.daysToClose ?? 0,
      closed_late: f.closedLate ? 1 : 0,
      awarded_fen: mode === 'award' ? f.awardedFen : 0,
      closed_collective: f.collective ? 1 : 0,
      workers_closed: f.workers,
      closed_deemed: f.closureMode === 'deemed_withdrawal' ? 1 : 0,
      closed_terminated: f.closureMode === 'termination' ? 1 : 0,
      closed_transferred: f.closureMode === 'transfer' ? 1 : 0,
      won_worker: f.result === 'worker' ? 1 : 0,
      won_employer: f.result === 'employer' ? 1 : 0,
      won_both: f.result === 'both' ? 1 : 0,
      mediated_fen: mode === 'mediation' ? f.mediatedFen : 0,
    };
    each(f.closedOn, m);
    out.push({ dim: 'days', key: String(f.daysToClose ?? 0), day: f.closedOn, m: { closed: 1 } });
  }
  return out;
}

/** Nets old and new contributions into signed deltas per (dim, key, day); zero deltas are dropped. */
export function counterDeltas(before: StatFacts | null, after: StatFacts | null): Contribution[] {
  const acc = new Map<string, Contribution>();
  const add = (list: Contribution[], sign: 1 | -1) => {
    for (const c of list) {
      const k = `${c.dim}\u0000${c.key}\u0000${c.day}`;
      let cur = acc.get(k);
      if (!cur) {
        cur = { dim: c.dim, key: c.key, day: c.day, m: {} };
        acc.set(k, cur);
      }
      for (const [name, v] of Object.entries(c.m) as [CounterMeasure, number][]) cur.m[name] = (cur.m[name] ?? 0) + sign * v;
    }
  };
  if (before) add(contributions(before), -1);
  if (after) add(contributions(after), 1);
  return [...acc.values()]
    .map((c) => ({ ...c, m: Object.fromEntries(Object.entries(c.m).filter(([, v]) => v !== 0)) }))
    .filter((c) => Object.keys(c.m).length > 0);
}
