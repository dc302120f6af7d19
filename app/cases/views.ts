import type { CaseRecord, CaseSummaryRecord, ClaimRecord, EventRecord, PartyRecord } from '../../db/stores/cases.ts';
import type { OfficialCalendar } from '../../workflows/calendar.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { withdrawnIds } from '../../workflows/claim-outcomes.ts';
import { type Deadline, shortenedDefenseLine } from '../../workflows/deadlines.ts';
import {
  formatMoney,
  maskIdNumber,
  maskIdNumbersInText,
  maskMobilesInText,
  maskPersonalNumbersInText,
} from '../../workflows/identifiers.ts';
import { eventLabel, nameClaimsIn, namePartiesIn, stateLabel } from '../../workflows/labels.ts';
import { assessLimitation, transferInterruption, withInterruptions } from '../../workflows/limitation.ts';
import { DEFAULT_PERIODS, type Unit } from '../../workflows/periods.ts';
import { SERVICE_DOCUMENTS } from '../../workflows/procedure-types.ts';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../../workflows/reference.ts';
import { documentMadeOn, remedyParties, setAsideWhole, suitsWithOutcomes } from '../../workflows/rules.ts';
import { type ReadLevel, readsDuplicateFilings, SUMMARY_PARTY_FIELDS } from '../policy.ts';
import { changeText, maskChange, type RegistrationChange } from './registration-changes.ts';

/**
 * A party as the reader may see it (api.md "Reading (v1.1)", levels decided by app/policy.ts `readLevel`):
 * `full` — everything; `masked` — identity number masked, phone, address and birth date (which the masked number
 * hides) left out, agents without phones; `summary` — the name only.
 */
function partyView(p: PartyRecord, level: ReadLevel) {
  const base = { id: p.id as number, side: p.side, kind: p.kind, name: p.name };
  // A summary keeps the statistics fields the policy names (an employer's 用人单位类型), where they apply.
  if (level === 'summary')
    return p.kind === 'organization' && SUMMARY_PARTY_FIELDS.includes('ownership') ? { ...base, ownership: p.ownership ?? null } : base;
  const full = level === 'full';
  // Object.assign, not `{ ...base, more }`: on Node 20 (V8 11.3) an object spread followed by more properties makes a
  // new hidden class on every call once warm (issue 15, stop 58: ~20 µs a party, and every object built from it goes
  // megamorphic). The same keys in the same order.
  return Object.assign(base, {
    idNumber: full ? p.idNumber : maskIdNumber(p.idNumber),
    sex: p.sex,
    ...(full ? { birthDate: p.birthDate } : {}),
    ethnicity: p.ethnicity,
    ...(full ? { phone: p.phone, address: p.address } : {}),
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    legalRepresentativeTitle: p.legalRepresentativeTitle,
    ownership: p.ownership ?? null,
    agents: p.agents.map((a) => ({
      id: a.id as number,
      name: a.name,
      kind: a.kind,
      unit: a.unit,
      ...(full ? { phone: a.phone } : {}),
      relationship: a.relationship ?? null,
      // feat52 (APPOINT_AGENT; LDMAL Art. 24): the authority granted and the day the power of attorney was received.
      powers: a.powers ?? null,
      since: a.since ?? null,
    })),
  });
}

export function caseSummaryView(c: CaseSummaryRecord) {
  return {
    id: c.id,
    track: c.track,
    state: c.state,
    stateLabel: stateLabel(c.state),
    caseNo: c.caseNo,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    district: c.district,
    // An arbitral review of a mediation agreement (Rules Arts. 74–79) is no arbitration heard under the ordinary or the
    // simple procedure (Rules Arts. 56–61): it has none (docs50 M2; the row's column keeps its default) — nor has a
    // pre-arbitration mediation (LDMAL Arts. 10–16; legal56a 5).
    procedure: c.track === 'arbitration' ? c.procedure : null,
    collective: c.collective,
    wageArrears: c.wageArrears,
    major: c.major ?? false,
    // A list never shows an identity number or a phone (api.md "Reading (v1.1)"): typed into a name, they are masked.
    applicantNames: c.parties.filter((p) => p.side === 'applicant').map((p) => maskPersonalNumbersInText(p.name)),
    respondentNames: c.parties.filter((p) => p.side === 'respondent').map((p) => maskPersonalNumbersInText(p.name)),
    closure: c.closureMode && c.closedOn ? { mode: c.closureMode, closedOn: c.closedOn } : null,
    version: c.version,
    ...(c.awardDueOn !== undefined ? { awardDueOn: c.awardDueOn, awardDueProvisional: c.awardDueProvisional ?? false } : {}),
  };
}

/** The applicant a claim is one's own, by party id and by position among the applicants (absent: theirs together). */
export function claimApplicant(
  c: Pick<CaseRecord, 'parties'>,
  cl: Pick<ClaimRecord, 'partyId'>,
): { applicantId?: number; applicant?: number } {
  if (!cl.partyId) return {};
  const position = c.parties.filter((p) => p.side === 'applicant').findIndex((p) => p.id === cl.partyId) + 1;
  return position ? { applicantId: cl.partyId, applicant: position } : {};
}

/** The registration part of a case, at the reader's level (a summary leaves out the facts and claim texts). */
export function registrationView(c: CaseRecord, level: ReadLevel = 'full', reuse?: { record: CaseRecord; view: RegistrationView }) {
  const side = (s: PartyRecord['side']) => c.parties.filter((p) => p.side === s).map((p) => partyView(p, level));
  const summary = level === 'summary';
  // The parties and claims of a view built from the very same lists (the before and after of one write).
  if (reuse && reuse.record.parties === c.parties && reuse.record.claims === c.claims && reuse.view.readLevel === level) {
    const { applicants, respondents, thirdParties, claims } = reuse.view;
    return Object.assign(registrationHead(c, level), { applicants, respondents, thirdParties, claims }, registrationTail(c));
  }
  // Object.assign onto the head, not spreads of it (see `partyView`): the same keys in the same order.
  return Object.assign(
    registrationHead(c, level),
    {
      applicants: side('applicant'),
      respondents: side('respondent'),
      thirdParties: side('third_party'),
      claims: c.claims.map((cl) => ({
        id: cl.id as number,
        seq: cl.seq as number,
        category: cl.category,
        categoryLabel: CLAIM_CATEGORIES[cl.category],
        // A claim of the respondent's merged counterclaim (Rules Art. 36), against the applicant.
        ...(cl.counterclaim ? { counterclaim: true } : {}),
        // One applicant's own claim (a worker's of several, Rules Art. 62), by id and by position (ClaimInput.applicant).
        ...claimApplicant(c, cl),
        // A summary (api.md "Reading (v1.1)") names what is claimed, not how much nor in what words.
        ...(summary ? {} : { amount: cl.amountFen === null ? null : formatMoney(cl.amountFen), description: cl.description }),
      })),
    },
    registrationTail(c),
  );
}
export type RegistrationView = ReturnType<typeof registrationHead> &
  ReturnType<typeof registrationTail> & {
    applicants: ReturnType<typeof partyView>[];
    respondents: ReturnType<typeof partyView>[];
    thirdParties: ReturnType<typeof partyView>[];
    claims: {
      id: number;
      seq: number;
      category: ClaimCategory;
      categoryLabel: string;
      counterclaim?: boolean;
      amount?: string | null;
      description?: string;
    }[];
  };

/**
 * What a major collective case's view says (domain.md §8.2): the emergency mechanism's duties are not deadlines here —
 * the texts found (关于加强劳动人事争议调解工作的意见 §6; 人社部发〔2017〕26号) name an information-reporting system and
 * emergency mediation led by the labor administration, with no period to count ([R]) — so a note, not a deadline.
 */
export const MAJOR_NOTE =
  '重大集体劳动人事争议：优先立案、优先审理（《劳动人事争议仲裁办案规则》第五条），按重大集体劳动人事争议信息报告制度及时报告，并启动应急调处机制（由人力资源社会保障行政部门会同工会、企业代表组织等协调处置）';

function registrationHead(c: CaseRecord, level: ReadLevel) {
  // Object.assign onto the summary, not a spread of it (see `partyView`): the same keys in the same order.
  return Object.assign(caseSummaryView(c), {
    readLevel: level,
    collectiveGround: c.collectiveGround,
    channel: c.channel,
    postmarkOn: c.postmarkOn,
    majorMarked: c.majorMarked ?? false,
    majorNote: c.major ? MAJOR_NOTE : null,
    ...(level === 'summary' ? {} : { facts: c.facts }),
  });
}

function registrationTail(c: CaseRecord) {
  return {
    linkedCaseId: c.linkedCaseId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * `{ ...a, ...b }` for a fresh `a` nothing else holds, as Object.assign onto it: on Node 20 (V8 11.3) a spread followed
 * by more properties makes a new hidden class on every call once warm (issue 15, stop 58: a case view's registration
 * part cost ~0.1 ms so, and everything reading those objects goes megamorphic). The same keys in the same order.
 */
function extend<A extends object, B extends object>(a: A, b: B): Omit<A, keyof B> & B {
  return Object.assign(a, b) as Omit<A, keyof B> & B;
}

/**
 * The whole case as the API shows it: registration, procedure record, deadlines, tribunal with names. Pure: built
 * from what a use case already holds (the record, the machine context, the deadlines just computed). `names` holds
 * the display names of the tribunal's arbitrators and the assigned mediators. A summary (analysts) leaves out the
 * procedure record and the limitation facts.
 */
export function buildCaseView(
  c: CaseRecord,
  ctx: MachineContext,
  deadlines: Deadline[],
  names: ReadonlyMap<number, string>,
  opts: {
    level?: ReadLevel;
    calendar?: OfficialCalendar;
    reuse?: ReusableView;
    /** The 不予受理通知书's number (case_document_numbers, taken with REJECT), formatted; null or absent: none taken. */
    rejectionNo?: string | null;
    /**
     * The 不字 / 审字 number of a case without a case number (app/cases/document-no.ts), as GET /api/cases/{id} and every
     * write's answer give it; undefined: the field is left out (a view built for another use).
     */
    documentNo?: string | null;
  } = {},
) {
  const name = (id: number) => names.get(id) ?? `#${id}`;
  const level = opts.level ?? 'full';
  const summary = level === 'summary';
  // A section whose inputs are the very objects another view of this case was built from is taken from that view.
  const r = opts.reuse?.view.readLevel === level ? opts.reuse : undefined;
  const same = (k: 'closure' | 'award' | 'tribunal') => r !== undefined && r.ctx[k] === ctx[k];
  const sameLimitation =
    r !== undefined &&
    r.record.limitation === c.limitation &&
    r.record.postmarkOn === c.postmarkOn &&
    r.record.receivedOn === c.receivedOn &&
    r.record.claims === c.claims &&
    r.ctx.transferIn === ctx.transferIn;
  const registration = registrationView(c, level, r);
  // Claims given up by a change of claims (Rules Art. 44) stay listed, marked: what the award decides no longer.
  const withdrawn = withdrawnIds(ctx);
  const view = extend(registration, {
    // A review's acceptance is the day of ACCEPT_REVIEW (Rules Art. 75), recorded on the review, not on the case row
    // (docs50 M2: acceptedOn was null though proceedings, statistics and case.json had it).
    acceptedOn: registration.acceptedOn ?? (c.track === 'review' ? (ctx.review?.acceptedOn ?? null) : null),
    ...(opts.documentNo !== undefined ? { documentNo: opts.documentNo } : {}),
    claims: registration.claims.map((cl) => ({ ...cl, withdrawn: withdrawn.has(cl.id) })),
    closure: r && same('closure') ? r.view.closure : closureView(ctx, level),
    award: r && same('award') ? r.view.award : awardView(ctx, level),
    tribunal: r && same('tribunal') ? r.view.tribunal : tribunalView(ctx, name),
    mediators: (ctx.mediatorIds ?? []).map((id) => ({ id, displayName: name(id) })),
    ...(summary ? {} : { proceedings: proceedingsView(ctx, opts.rejectionNo ?? null, c.parties) }),
    // The documents a SERVE may name now: those the record has made (workflows/rules.ts documentMadeOn, which SERVE is
    // refused on), and those it cannot tell of (a decision, other documents). Derived like the deadlines: not history.
    ...(summary ? {} : { servable: SERVICE_DOCUMENTS.filter((d) => documentMadeOn(ctx, d) !== null) }),
    // fixK56 #3: who may sue against the award and apply for its enforcement, by the rules that refuse the others
    // (workflows/rules.ts remedyParties): the web's forms offer these only. Derived like `servable`.
    ...(summary ? {} : { remedyParties: remedyParties(ctx) }),
    deadlines: namedDeadlines(deadlines, c.parties).map((d) => ({ caseId: c.id, ...d })),
    // LDMAL Art. 27: filed on the postmark date where one is recorded (CPL Art. 85(4)); a last day on a rest day rolls.
    ...(summary ? {} : { limitation: r && sameLimitation ? (r.view.limitation ?? null) : limitationView(c, opts.calendar, ctx) }),
  });
  // A masked reader (an arbitrator or mediator of another case) is not shown identity numbers, phones or addresses:
  // neither in the parties' fields (partyView) nor where someone typed them — the facts, mediation terms, notes, a
  // party's name; nor is a summary reader (an analyst), whose view holds names and deadlines naming parties.
  return level !== 'full' ? maskForReader(view, true) : view;
}

/** The case's parties' names by id: what a text that numbers them (workflows/labels.ts `namePartiesIn`) names. */
export function partyNameMap(parties: readonly { id?: number | null; name: string }[]): Map<number, string> {
  return new Map(parties.flatMap((p) => (p.id == null ? [] : [[Number(p.id), p.name] as const])));
}

/**
 * A rule's refusal as a person reads it — the 422 of the act (app/procedure/apply-event.ts) and the reason next-events
 * `blocked=true` gives for the same rule (fixM58 #1): the rules number the parties ("当事人57") and the claims
 * ("请求 3"); the reader gets the parties' names and the claims as the case lists them (第N项请求（类别：请求事项）; ui55 #1).
 */
export function namedRefusalDetail(detail: string, c: Pick<CaseRecord, 'parties' | 'claims'>): string {
  return nameClaimsIn(namePartiesIn(detail, partyNameMap(c.parties)), c.claims);
}

/** One deadline as a person reads it: the party it concerns named, not numbered; `partyId` keeps the id. */
export function nameDeadline<D extends { label: string; explanation: string }>(d: D, names: ReadonlyMap<number, string>): D {
  if (!d.label.includes('当事人') && !d.explanation.includes('当事人')) return d;
  return { ...d, label: namePartiesIn(d.label, names), explanation: namePartiesIn(d.explanation, names) };
}

/** The case's deadlines as a reader sees them (`nameDeadline`); `metOn` is the store's, not the reader's. */
export function namedDeadlines(deadlines: readonly Deadline[], parties: readonly { id?: number | null; name: string }[]) {
  const names = partyNameMap(parties);
  return deadlines.map(({ metOn: _m, ...d }) => nameDeadline(d, names));
}

/** How the case ended; a summary (analysts) says how and when, not the reason's free text (it may name amounts). */
function closureView(ctx: MachineContext, level: ReadLevel) {
  if (ctx.closure && level === 'summary') return { mode: ctx.closure.mode, closedOn: ctx.closure.closedOn };
  return ctx.closure
    ? {
        mode: ctx.closure.mode,
        closedOn: ctx.closure.closedOn,
        ...(ctx.closure.reason ? { reason: ctx.closure.reason } : {}),
        ...(ctx.closure.absentNotices ? { absentNotices: ctx.closure.absentNotices } : {}),
        ...(ctx.closure.counterclaimWithdrawn ? { counterclaimWithdrawn: true as const } : {}),
        ...(ctx.closure.ground ? { ground: ctx.closure.ground } : {}),
        ...(ctx.closure.basis ? { basis: ctx.closure.basis } : {}),
        ...(ctx.closure.duplicateOf !== undefined ? { duplicateOf: ctx.closure.duplicateOf } : {}),
      }
    : null;
}

/**
 * The intermediate court's ruling setting the `n`th partial award (its final part) aside (LDMAL Arts. 43(2), 49; Rules
 * Art. 49: a partial award is challenged as any award), or null (docs49 H1).
 */
export function partialSetAside(ctx: Pick<MachineContext, 'partialAwardRemedies'>, n: number) {
  const r = (ctx.partialAwardRemedies ?? []).find((x) => x.partialAward === n && x.kind === 'set_aside' && x.result === 'set_aside');
  return r ? { court: r.court, decidedOn: r.decidedOn as string, servedOn: r.servedOn ?? null } : null;
}

/** The award; a summary (analysts) shows that and when it was made and whether it is final, not its items. */
function awardView(ctx: MachineContext, level: ReadLevel) {
  // LDMAL Art. 49: an award (a mixed award's final part) the intermediate court set aside has no effect — said at every
  // level, an analyst's summary too (outside tester ui48 M3: it read as an award in force).
  const sa = ctx.setAside?.result === 'set_aside' ? ctx.setAside : null;
  const setAside = sa ? { court: sa.court, decidedOn: sa.decidedOn, whole: setAsideWhole(ctx) } : null;
  if (ctx.award && level === 'summary') {
    return { finality: ctx.award.finality, issuedOn: ctx.award.issuedOn, defaultAward: ctx.award.defaultAward, setAside };
  }
  return ctx.award
    ? {
        finality: ctx.award.finality,
        issuedOn: ctx.award.issuedOn,
        setAside,
        minimumWage: ctx.award.minimumWage,
        defaultAward: ctx.award.defaultAward,
        // LDMAL Art. 36: who was absent at the last hearing and the written notice proven served on each.
        absentNotices: ctx.award.absentNotices ?? [],
        items: ctx.award.items.map((i) => ({
          claimId: i.claimId,
          outcome: i.outcome,
          amount: i.amount,
          final: i.final,
          reason: i.reason,
          // legal55a #5: who performs the item, and jointly (app/event-schemas.ts AwardItem) — only where recorded.
          ...(i.obligorIds ? { obligorIds: i.obligorIds } : {}),
          ...(i.jointLiability ? { jointLiability: true } : {}),
          ...(i.equalShares ? { equalShares: true } : {}),
          // docs56 #1: each worker's share of a joint claim's sum — only where recorded.
          ...(i.shares ? { shares: i.shares } : {}),
        })),
      }
    : null;
}

function tribunalView(ctx: MachineContext, name: (id: number) => string) {
  return ctx.tribunal
    ? {
        formedOn: ctx.tribunal.formedOn,
        kind: ctx.tribunal.arbitratorIds.length === 1 ? ('sole' as const) : ('panel' as const),
        presidingId: ctx.tribunal.presidingId,
        arbitrators: ctx.tribunal.arbitratorIds.map((id) => ({ id, displayName: name(id), presiding: id === ctx.tribunal?.presidingId })),
      }
    : null;
}

function limitationView(c: CaseRecord, calendar: OfficialCalendar | undefined, ctx: Pick<MachineContext, 'transferIn'>) {
  // Rules Art. 27 (fixM56): a case transferred in was applied for at the first commission — an interruption the record
  // holds (ACCEPT_TRANSFER firstReceivedOn), assessed with the facts but not added to them.
  const facts = c.limitation ? withInterruptions(c.limitation, transferInterruption(ctx.transferIn)) : null;
  return c.limitation && facts
    ? {
        ...c.limitation,
        ...assessLimitation(
          facts,
          c.postmarkOn ?? c.receivedOn,
          // The application's claims: a merged counterclaim's were not filed on this day nor by the applicant.
          c.claims.filter((cl) => !cl.counterclaim).map((cl) => ({ id: cl.id as number, category: cl.category, seq: cl.seq as number })),
          calendar,
        ),
      }
    : null;
}
export type CaseView = ReturnType<typeof buildCaseView>;

/**
 * A view of the same case with the record and machine context it was built from (same names and calendar): the
 * sections whose inputs are the very same objects are reused as they are.
 */
export interface ReusableView {
  view: RegistrationView & {
    closure: ReturnType<typeof closureView>;
    award: ReturnType<typeof awardView>;
    tribunal: ReturnType<typeof tribunalView>;
    limitation?: ReturnType<typeof limitationView>;
  };
  record: CaseRecord;
  ctx: MachineContext;
}

/** The view's `proceedings.rejection` with the 不予受理通知书's number (reviewer s46 L2: only the document showed it). */
export const rejectionView = (rejection: MachineContext['rejection'], documentNo: string | null) =>
  rejection ? { ...rejection, documentNo } : null;

/**
 * ui53 M1 (LDMAL Art. 24): the agents appointed or revoked after acceptance, one line each — for which party, with what
 * authority, from when and until when. A revoked agent leaves the party's `agents`; the record keeps him. The name and
 * authority come from the appointment's act (or, for an act recorded before they were kept, the agent's current row);
 * no phone at any level.
 */
function agentsView(ctx: MachineContext, parties: PartyRecord[]) {
  const rows = new Map<
    number,
    {
      agentId: number;
      partyId: number;
      name: string | null;
      kind: string | null;
      powers: 'general' | 'special' | null;
      appointedOn: string | null;
      revokedOn: string | null;
    }
  >();
  const current = (id: number) => parties.flatMap((p) => p.agents).find((a) => a.id === id);
  for (const x of ctx.agentActs ?? []) {
    const row = rows.get(x.agentId) ?? {
      agentId: x.agentId,
      partyId: x.partyId,
      name: current(x.agentId)?.name ?? null,
      kind: current(x.agentId)?.kind ?? null,
      powers: (current(x.agentId)?.powers as 'general' | 'special' | undefined) ?? null,
      appointedOn: null,
      revokedOn: null,
    };
    if (x.act === 'appoint') {
      row.appointedOn = x.on;
      if (x.name !== undefined) row.name = x.name;
      if (x.kind !== undefined) row.kind = x.kind;
      if (x.powers !== undefined) row.powers = x.powers;
    } else row.revokedOn = x.on;
    rows.set(x.agentId, row);
  }
  return [...rows.values()];
}

function proceedingsView(ctx: MachineContext, rejectionNo: string | null, parties: PartyRecord[]) {
  return {
    agents: agentsView(ctx, parties),
    supplement: ctx.supplement,
    rejection: rejectionView(ctx.rejection, rejectionNo),
    representatives: ctx.representatives,
    services: ctx.services,
    defenses: ctx.defenses,
    counterclaims: ctx.counterclaims,
    hearing: ctx.hearing,
    postponements: ctx.postponements,
    hearingsHeld: ctx.hearingsHeld,
    suspensions: ctx.suspensions,
    extension: ctx.extension,
    // s62 A #2: the extensions of periods a restart superseded (Rules Art. 46), each with its own 决定书.
    earlierExtensions: ctx.earlierExtensions ?? [],
    clockRestarts: ctx.clockRestarts,
    mediation: ctx.mediation,
    mediationHistory: ctx.mediationHistory,
    trackMediation: ctx.trackMediation,
    advanceExecutions: ctx.advanceExecutions,
    // docs49 H1: a partial award the intermediate court set aside (LDMAL Arts. 43(2), 49) says so, as `award.setAside` does.
    partialAwards: ctx.partialAwards.map((p, k) => ({ ...p, setAside: partialSetAside(ctx, k + 1) })),
    // legal49c H2: each suit with the court's outcome that ended it (`decided`, null while pending).
    lawsuits: suitsWithOutcomes(ctx),
    setAside: ctx.setAside,
    // ui47 H2: an award the court set aside (LDMAL Art. 49) is in force from no day — the record keeps the day it took
    // effect (ctx), the view does not show it as in force. A mixed award whose final part alone was set aside keeps its
    // non-final part's effect (setAsideWhole is false for it).
    effectiveOn: setAsideWhole(ctx) ? null : ctx.effectiveOn,
    // SPC-1 Art. 17: the workers who did not sue, for whom the award took effect while another worker's suit goes on.
    effectiveFor: ctx.effectiveFor ?? [],
    transfers: ctx.transfers,
    recusals: ctx.recusals,
    archivedOn: ctx.archivedOn,
    // Round 2 (issue 11 "Missing").
    claimChanges: ctx.claimChanges,
    partyAdditions: ctx.partyAdditions,
    // legal54c M1: workers whose application alone was treated as withdrawn (LDMAL Art. 36; Rules Art. 39).
    deemedWithdrawals: ctx.deemedWithdrawals ?? [],
    // Rules Art. 61: a simple case converted to the ordinary procedure (null: never converted).
    conversion: ctx.conversion ?? null,
    referral: ctx.referral,
    transferIn: ctx.transferIn ? { ...ctx.transferIn, firstReceivedOn: ctx.transferIn.firstReceivedOn ?? null } : null,
    jurisdictionObjections: ctx.jurisdictionObjections,
    transferOut: ctx.transferOut,
    recusalApplications: ctx.recusalApplications,
    evidence: ctx.evidence,
    consents: ctx.consents,
    review: ctx.review,
    enforcement: ctx.enforcement,
    // LDMAL Art. 43(2); Rules Art. 49 (legalfixA H2): the suits and set-aside applications against partial awards.
    partialAwardRemedies: ctx.partialAwardRemedies ?? [],
  };
}

/**
 * The audit row's before/after: only the top-level parts of the view that the write changed (the first entry of a
 * history, REGISTER, carries the whole case). Deadlines are derived and left out.
 */
/** Two plain objects with the same keys holding the very same values (a section rebuilt from unchanged parts). */
function sameMembers(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

export function viewDelta(before: Record<string, unknown>, after: Record<string, unknown>): { before: unknown; after: unknown } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'deadlines' || k === 'servable' || k === 'remedyParties' || k === 'updatedAt' || k === 'version') continue;
    if (before[k] === after[k] || sameMembers(before[k], after[k]) || JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    b[k] = before[k];
    a[k] = after[k];
  }
  return { before: b, after: a };
}

/** Contact data a masked reader does not see (the masked identity number hides the birth date too). */
const CONTACT_KEYS = new Set(['phone', 'address', 'birthDate']);
/** A company's credit code may be 18 digits, the shape of an identity number: it is not personal, and stays. */
const NOT_PERSONAL_TEXT = new Set(['creditCode']);

/**
 * Masks identity numbers anywhere inside a stored payload, snapshot or view — the `idNumber` fields and identity-number
 * shaped digits typed into free text (mediation terms, notes, the facts) — and for a masked reader also leaves out
 * phones, addresses and birth dates and masks mobile numbers in free text. Iterative: stored JSON can be deep.
 */
function maskDeep(v: unknown, dropContact: boolean): unknown {
  const text = (x: string) => (dropContact ? maskMobilesInText(maskIdNumbersInText(x)) : maskIdNumbersInText(x));
  const copy = (x: unknown): unknown => (Array.isArray(x) ? [...x] : x && typeof x === 'object' ? { ...x } : x);
  const root = { v: typeof v === 'string' ? text(v) : copy(v) };
  const stack: unknown[] = [root.v];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    if (!node || typeof node !== 'object') continue;
    for (const k of Object.keys(node)) {
      const x = (node as Record<string, unknown>)[k];
      if (k === 'idNumber' && typeof x === 'string') (node as Record<string, unknown>)[k] = maskIdNumber(x);
      else if (dropContact && !Array.isArray(node) && CONTACT_KEYS.has(k)) delete (node as Record<string, unknown>)[k];
      else if (typeof x === 'string') {
        if (!NOT_PERSONAL_TEXT.has(k)) (node as Record<string, unknown>)[k] = text(x);
      } else if (x && typeof x === 'object') {
        const c = copy(x);
        (node as Record<string, unknown>)[k] = c;
        stack.push(c);
      }
    }
  }
  return root.v;
}

/**
 * What a reader may be shown of something that can hold what the parties or staff wrote (a masked case view, a claim's
 * line): identity numbers masked wherever they are; with `dropContact`, no phones, addresses or birth dates and mobile
 * numbers in free text masked.
 */
export function maskForReader<T>(v: T, dropContact: boolean): T {
  return maskDeep(v, dropContact) as T;
}

/**
 * A registration correction's changes (UPDATE_REGISTRATION `changes`, app/cases/registration-changes.ts), each masked at
 * the reader's level as the entry's before and after are, and worded from what is left (`text`): a masked reader reads
 * "申请人1联系电话已修改", never the numbers. `maskDeep` then masks numbers typed into free text, as everywhere.
 */
function withChangeText(stored: unknown, dropContact: boolean): unknown {
  const payload = stored as Record<string, unknown> | null;
  if (!payload || typeof payload !== 'object' || !Array.isArray(payload.changes)) return stored;
  const changes = (payload.changes as RegistrationChange[]).map((c) => {
    const m = maskChange(c, dropContact);
    return { ...m, text: changeText(m) };
  });
  return { ...payload, changes };
}

/**
 * ui52 L2: of a payload, a summary reader sees only which document a service delivered (a kind from a fixed list,
 * naming no one) — the file index (卷内目录) names its receipt by it.
 */
function summaryPayload(e: EventRecord): Record<string, unknown> {
  const document = (e.payload as Record<string, unknown> | null)?.document;
  return e.type === 'SERVE' && typeof document === 'string' ? { document } : {};
}

/**
 * s63 B #1 — the line the 办理记录 carries for an act whose record the server words (null for the others, whose lines the
 * case page words from the payload): a defense period shortened or cancelled with the respondent's consent (Rules Art.
 * 58), in the unit it was counted in when recorded (`payload.unit`, stamped by app/procedure/apply-event.ts; a record
 * made before s63 has none and was counted in the default unit, working days: Rules Art. 80). The confirmation shows
 * the same line from the preview (POST /api/cases/{id}/event-preview `record`).
 */
export function recordLine(type: string, payload: Record<string, unknown> | null | undefined): string | null {
  if (type === 'SHORTEN_DEFENSE_PERIOD' && typeof payload?.days === 'number') {
    const unit: Unit = payload.unit === 'calendar' || payload.unit === 'working' ? payload.unit : DEFAULT_PERIODS.defense.unit;
    return shortenedDefenseLine(payload.days, unit);
  }
  return null;
}

/** One history entry at the reader's level; a summary reader (analyst) sees who did what when, not the payloads. */
export function eventView(e: EventRecord, level: ReadLevel = 'full') {
  if (level === 'summary') {
    return {
      id: e.id,
      seq: e.seq,
      type: e.type,
      label: eventLabel(e.type),
      occurredOn: e.occurredOn,
      recordedAt: e.recordedAt,
      actor: { id: e.actorId, role: e.actorRole, name: e.actorName },
      payload: summaryPayload(e),
      record: null,
      stateBefore: e.stateBefore,
      stateAfter: e.stateAfter,
      before: null,
      after: null,
    };
  }
  const dropContact = level === 'masked';
  // The earlier cases a registration warned of (their parties share an identity number) only for a full reader.
  const { duplicates: _d, ...kept } = (e.payload ?? {}) as Record<string, unknown>;
  const payload = withChangeText(readsDuplicateFilings(level) ? e.payload : kept, dropContact);
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    label: eventLabel(e.type),
    occurredOn: e.occurredOn,
    recordedAt: e.recordedAt,
    actor: { id: e.actorId, role: e.actorRole, name: e.actorName },
    payload: maskDeep(payload, dropContact) as Record<string, unknown>,
    record: recordLine(e.type, e.payload as Record<string, unknown> | null),
    stateBefore: e.stateBefore,
    stateAfter: e.stateAfter,
    before: atLevel(maskDeep(e.before, dropContact), level),
    after: atLevel(maskDeep(e.after, dropContact), level),
  };
}

/**
 * A stored snapshot (a case view as it was written, `readLevel: 'full'`) as the reader is shown it: with the reader's
 * level, the level its content was masked to (outside tester sec47 L2: a masked reader's history claimed `full`).
 */
function atLevel(snapshot: unknown, level: ReadLevel): unknown {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot) || !('readLevel' in snapshot)) return snapshot;
  return { ...(snapshot as Record<string, unknown>), readLevel: level };
}
