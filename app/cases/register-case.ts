import type { CaseColumns, CaseRecord, ClaimRecord, CollectiveGround, PartyRecord } from '../../db/stores/cases.ts';
import { isStaleWrite } from '../../db/write-later.ts';
import { casePartyWarnings } from '../../workflows/agent-checks.ts';
import { yearOf } from '../../workflows/dates.ts';
import { computeDeadlines, type Deadline, filedOnOf, provisionalNote } from '../../workflows/deadlines.ts';
import { type DuplicateWarning, duplicateWarnings } from '../../workflows/duplicates.ts';
import { checkIdBornBefore, formatMoney, idNumberFacts, parseMoney } from '../../workflows/identifiers.ts';
import { startCase } from '../../workflows/procedure.ts';
import { staleReceivedWarnings } from '../../workflows/received-plausibility.ts';
import { CLAIM_CATEGORIES, COLLECTIVE_MIN_WORKERS } from '../../workflows/reference.ts';
import { isWorkerParty } from '../../workflows/sides.ts';
import { workerCount } from '../../workflows/stat-facts.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, validationError } from '../errors.ts';
import { type Actor, assertMayRegister } from '../policy.ts';
import { type CaseCreate, type ClaimInput, limitationDatesAfter, type PartyInput } from '../schemas.ts';
import type { Transact, UnitOfWork } from '../unit-of-work.ts';
import { caseContext, projectStats, userNames } from './case-state.ts';
import { buildCaseView, type CaseView } from './views.ts';

export function toParty(side: PartyRecord['side'], p: PartyInput): PartyRecord {
  const facts = p.kind === 'person' && p.idNumber ? idNumberFacts(p.idNumber) : null;
  return {
    id: p.id,
    side,
    kind: p.kind,
    name: p.name,
    idNumber: p.kind === 'person' ? (p.idNumber ?? null) : null,
    sex: facts?.sex ?? null,
    birthDate: facts?.birthDate ?? null,
    ethnicity: p.kind === 'person' ? (p.ethnicity ?? null) : null,
    phone: p.phone ?? null,
    address: p.address ?? null,
    creditCode: p.kind === 'organization' ? (p.creditCode ?? null) : null,
    legalRepresentative: p.kind === 'organization' ? (p.legalRepresentative ?? null) : null,
    legalRepresentativeTitle: p.kind === 'organization' ? (p.legalRepresentativeTitle ?? null) : null,
    ownership: p.ownership ?? null,
    agents: (p.agents ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      unit: a.unit ?? null,
      phone: a.phone ?? null,
      relationship: a.relationship ?? null,
      // fixU56 #2: the authority the power of attorney states (LDMAL Art. 24), when given at registration.
      powers: a.powers ?? null,
    })),
  };
}

export const toClaim = (c: ClaimInput): ClaimRecord => ({
  id: c.id,
  category: c.category,
  amountFen: c.amount === undefined ? null : (parseMoney(c.amount) as number),
  description: c.description,
  // A position names the applicant; null, none (the applicants' together); absent, a kept claim keeps its own (store).
  ...(typeof c.applicant === 'number' ? { applicant: c.applicant } : c.applicant === null ? { partyId: null } : {}),
});

/**
 * A claim names its applicant by position among the case's `applicants` (ClaimInput.applicant): one past the last is a
 * 400 at `<path>.N.applicant`, before anything is written.
 */
export function checkClaimApplicants(claims: Pick<ClaimInput, 'applicant'>[] | undefined, applicants: number, path: string): void {
  const errors = claimApplicantErrors(claims, applicants, path);
  if (errors.length) throw validationError(errors);
}
export function claimApplicantErrors(claims: Pick<ClaimInput, 'applicant'>[] | undefined, applicants: number, path: string): FieldError[] {
  const errors: FieldError[] = [];
  claims?.forEach((c, i) => {
    if (typeof c.applicant === 'number' && c.applicant > applicants)
      errors.push({ path: `${path}.${i}.applicant`, message: `本案只有${applicants}名申请人，没有第${c.applicant}名` });
  });
  return errors;
}

/**
 * docs54 #2: a money claim of several worker-applicants that names none of them is the applicants' together — the award
 * orders the sum to them all without each one's share, and its finality is judged on the sum (LDMAL Art. 47(1) reads
 * each worker's own claim; SPC-1 Art. 19): said at registration and at a correction of the claims (`partyWarnings`),
 * never refused — a joint claim is lawful (README "claims of several applicants").
 */
export function jointMoneyClaimWarnings(
  c: { parties: readonly PartyRecord[]; collectiveGround?: string | null },
  claims: readonly ClaimRecord[],
): string[] {
  // The workers among the applicants (workflows/sides.ts): individual employers applying are not (reviewer s54 A L4).
  const workers = c.parties.filter((p) => p.side === 'applicant' && isWorkerParty(c, p)).length;
  if (workers < 2) return [];
  const out: string[] = [];
  claims.forEach((c, i) => {
    if (c.counterclaim || c.amountFen === null || c.amountFen <= 0 || typeof c.applicant === 'number' || typeof c.partyId === 'number')
      return;
    out.push(
      `第${i + 1}项请求（${CLAIM_CATEGORIES[c.category]}${formatMoney(c.amountFen)}元）未指明申请人，为${workers}名申请人共同的请求：裁决将向全体申请人支付该数额而不分列各人应得数额，终局裁决按该合计数额判断（劳动争议调解仲裁法第四十七条第一项按每名劳动者各自的请求判断）。如为各人的请求，请按申请人分别登记数额`,
    );
  });
  return out;
}

/**
 * Collective dispute: 10 or more workers on the workers' side (劳动者一方, LDMAL Art. 7; Rules Art. 62) — the natural
 * persons on whichever procedural side the workers are (workflows/sides.ts): the applicants when workers apply, the
 * respondents when an employer applies against its workers (legal52b H2: an employer's application against 30 workers
 * was never collective). `collectiveGround` decides the sides when a union applies (Rules Art. 64).
 */
export const isCollective = (parties: Pick<PartyRecord, 'side' | 'kind' | 'ownership'>[], collectiveGround: string | null = null) =>
  workerCount(parties, collectiveGround) >= COLLECTIVE_MIN_WORKERS;

/**
 * `collective` and its ground as the clerk sets them: a collective-contract dispute or a union applicant is collective
 * whatever the head count (Rules Arts. 62, 64; OrgRules Art. 13 — three arbitrators then required); 10 or more workers
 * make a case collective anyway. 400 naming the field when the ground is missing or does not fit the parties.
 */
export function collectiveFlags(
  body: { collective?: boolean; collectiveGround?: CollectiveGround },
  parties: PartyRecord[],
  current: CollectiveGround | null = null,
): { collective: boolean; collectiveGround: CollectiveGround | null } {
  let ground = body.collective === false ? null : (body.collectiveGround ?? current);
  const byCount = isCollective(parties, ground ?? null);
  const errors: FieldError[] = [];
  if (body.collective === false && byCount)
    errors.push({
      path: 'collective',
      message: `劳动者一方有${COLLECTIVE_MIN_WORKERS}名以上劳动者，依法为集体争议（LDMAL Art. 7；Rules Art. 62）`,
    });
  if (body.collective === true && !ground && !byCount)
    errors.push({
      path: 'collectiveGround',
      message: '劳动者不足10人时须写明集体争议的依据：collective_contract（集体合同争议）或 union_applicant（工会申请）',
    });
  if (ground === 'union_applicant' && !parties.some((p) => p.side === 'applicant' && p.kind === 'organization'))
    errors.push({ path: 'collectiveGround', message: '申请人中没有组织（工会），不能以工会申请为依据（Rules Art. 64）' });
  if (errors.length) throw validationError(errors);
  if (ground === undefined) ground = null;
  return { collective: byCount || ground !== null, collectiveGround: ground };
}

/**
 * Rules Arts. 56, 62(2), 66 (med49 M1; COLLECTIVE_SIMPLE_HANDLING=refused): a collective dispute is heard by a tribunal of
 * three (Art. 66) under the ordinary procedure — not registered for simple handling, whose mark is the sole arbitrator
 * (Art. 56). 400 naming `procedure`. With the default `allowed` (Art. 62(2): a collective case meeting a condition of
 * Art. 56 may be handled simply) nothing is refused: its tribunal is still of three (rules.ts FORM_TRIBUNAL).
 */
export function collectiveSimpleErrors(
  procedure: string | undefined,
  collective: boolean,
  mode: 'allowed' | 'refused' | undefined,
): FieldError[] {
  if (mode !== 'refused' || procedure !== 'simple' || !collective) return [];
  return [
    {
      path: 'procedure',
      message:
        '集体劳动人事争议由三名仲裁员组成仲裁庭处理（《劳动人事争议仲裁办案规则》第六十六条），本委不对其简易处理（第五十六条）：请选择普通程序',
    },
  ];
}

/**
 * 重大集体劳动人事争议 (domain.md §8.2): a collective case registered with at least MAJOR_COLLECTIVE_MIN_WORKERS workers
 * (a local choice, app/config.ts; the statistics' head count, workflows/sides.ts) is marked major at registration; the
 * chair marks or unmarks any collective case later. Stored (`major_marked`), so the case list orders on a column.
 */
export function majorAtRegistration<T extends { collective: boolean; collectiveGround: string | null }>(
  flags: T,
  parties: Pick<PartyRecord, 'side' | 'kind'>[],
  minWorkers: number,
  /** An arbitral review of a mediation agreement (Rules Arts. 74–79) tries no dispute: never major (med51 L4). */
  track?: string,
): T & { majorMarked: boolean } {
  return {
    ...flags,
    majorMarked: track !== 'review' && flags.collective && workerCount(parties, flags.collectiveGround) >= minWorkers,
  };
}

/**
 * The arbitration application a pre-arbitration mediation refers (REFER_TO_ARBITRATION; LDMAL Art. 14) is a registration
 * (med51 H2): marked major at MAJOR_COLLECTIVE_MIN_WORKERS workers as `majorAtRegistration` marks one, and major too when
 * the mediation case was (the chair's marking, or its own registration's, carried over — domain.md §8.2).
 */
export function majorOnReferral(
  mediation: Pick<CaseRecord, 'collective' | 'collectiveGround' | 'majorMarked'>,
  parties: Pick<PartyRecord, 'side' | 'kind'>[],
  minWorkers: number,
): { majorMarked: boolean } {
  const { majorMarked } = majorAtRegistration(mediation, parties, minWorkers);
  return { majorMarked: majorMarked || (mediation.collective && mediation.majorMarked === true) };
}

/**
 * Parties added after acceptance (ADD_PARTY; LDMAL Art. 23; Rules Art. 46(1)) to a collective case: one whose workers now
 * reach MAJOR_COLLECTIVE_MIN_WORKERS, from fewer, is marked major as at registration (domain.md §8.2); otherwise the
 * marking stands (the chair's, or the registration's). Nothing to write when it does not change.
 */
export function majorAfterAddedParties(
  c: Pick<CaseRecord, 'track' | 'collective' | 'collectiveGround' | 'majorMarked' | 'parties'>,
  parties: Pick<PartyRecord, 'side' | 'kind'>[],
  minWorkers: number,
): { majorMarked?: true } {
  if (c.track === 'review' || !c.collective || c.majorMarked) return {};
  const before = workerCount(c.parties, c.collectiveGround);
  const after = workerCount(parties, c.collectiveGround);
  return before < minWorkers && after >= minWorkers ? { majorMarked: true } : {};
}

/** `flags` once `collectiveSimpleErrors` finds nothing to refuse (400 naming `procedure` otherwise). */
export function collectiveOf<T extends { collective: boolean }>(
  procedure: string | undefined,
  flags: T,
  mode: 'allowed' | 'refused' | undefined,
): T {
  const errors = collectiveSimpleErrors(procedure, flags.collective, mode);
  if (errors.length) throw validationError(errors);
  return flags;
}

/** A party as sent or as stored: only its identity number (a person's) is read. */
type IdHolder = { [field: string]: unknown };
const PARTY_FIELDS = ['applicants', 'respondents', 'thirdParties'] as const;
const SIDE_FIELD = { applicant: 'applicants', respondent: 'respondents', third_party: 'thirdParties' } as const;

/**
 * Date rules the schema cannot see: nothing received in the future; a postmark not after receipt; no party born on or
 * after the receipt (nor after today); and one person a party once (`samePersonTwice`). Pure (no case state but
 * `current`), so the HTTP layer runs it before the role, scope, version and state checks (api.md: 400 before
 * 403/404/412/409) and the use case runs it again with the case.
 */
export function checkRegistrationDates(
  body: {
    receivedOn?: string;
    postmarkOn?: string;
    limitation?: CaseCreate['limitation'];
    agreement?: { effectiveOn: string; agreedOn?: string };
    applicants?: IdHolder[];
    respondents?: IdHolder[];
    thirdParties?: IdHolder[];
  },
  today: string,
  current?: Pick<CaseRecord, 'receivedOn'> & { parties?: PartyRecord[]; limitation?: CaseRecord['limitation'] },
): void {
  const errors = registrationDateErrors(body, today, current);
  if (errors.length) throw validationError(errors);
}

/** `checkRegistrationDates`' errors, not thrown. */
function registrationDateErrors(
  body: Parameters<typeof checkRegistrationDates>[0],
  today: string,
  current?: Parameters<typeof checkRegistrationDates>[2],
): FieldError[] {
  const errors: FieldError[] = [];
  if (body.limitation?.employmentStatus === 'ongoing' && body.limitation.employmentEndedOn)
    errors.push({ path: 'limitation.employmentEndedOn', message: '劳动关系仍存续时不应填写劳动关系终止日期' });
  if (body.receivedOn && body.receivedOn > today) errors.push({ path: 'receivedOn', message: `收件日期不能晚于今天（${today}）` });
  const received = body.receivedOn ?? current?.receivedOn;
  if (body.postmarkOn && received && body.postmarkOn > received) errors.push({ path: 'postmarkOn', message: '邮戳日期不能晚于收件日期' });
  // LDMAL Art. 27: limitation dates sent without a receipt are checked against the stored one (the schema checks them
  // against a receipt in the same body); a receipt moved before the stored limitation dates is refused, naming it.
  if (body.limitation && !body.receivedOn && received) {
    for (const e of limitationDatesAfter(body.limitation, received)) errors.push({ path: e.path.join('.'), message: e.message });
  }
  if (body.receivedOn && !body.limitation && current?.limitation && limitationDatesAfter(current.limitation, body.receivedOn).length)
    errors.push({ path: 'receivedOn', message: '收件日期不能早于已登记的仲裁时效日期（知道权利被侵害之日、时效中断或中止之日等）' });
  if (body.agreement && received && body.agreement.effectiveOn > received)
    errors.push({ path: 'agreement.effectiveOn', message: '调解协议生效日期不能晚于收件日期' });
  if (body.agreement?.agreedOn && body.agreement.agreedOn > body.agreement.effectiveOn)
    errors.push({ path: 'agreement.agreedOn', message: '达成调解协议之日不能晚于调解协议生效之日' });
  // GB 11643 birth dates: a party is born before the application is received (and before today, China time).
  const bornBy = received && received < today ? received : today;
  for (const field of PARTY_FIELDS) {
    body[field]?.forEach((p, i) => {
      const problem = typeof p.idNumber === 'string' ? checkIdBornBefore(p.idNumber, bornBy) : null;
      if (problem) errors.push({ path: `${field}.${i}.idNumber`, message: problem });
    });
  }
  // A receipt moved earlier than the birth of a party already registered (and not replaced in this body).
  if (body.receivedOn && current?.parties) {
    const kept = current.parties.filter((p) => !body[SIDE_FIELD[p.side as keyof typeof SIDE_FIELD]]);
    if (kept.some((p) => typeof p.idNumber === 'string' && checkIdBornBefore(p.idNumber, bornBy)))
      errors.push({ path: 'receivedOn', message: '收件日期不能早于当事人的出生日期（身份证号码）' });
  }
  errors.push(...samePersonTwice(body, current?.parties));
  return errors;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The date rules of a registration body the schema refused for another field (legal47b L3: a future receipt and a bad
 * amount were named one at a time): the receipt and postmark dates, where they are themselves well-formed, so that one
 * answer names every bad field. Nothing else of a malformed body is read.
 */
export function registrationDateErrorsOfRaw(raw: unknown, today: string): FieldError[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const r = raw as Record<string, unknown>;
  const day = (v: unknown) => (typeof v === 'string' && ISO_DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);
  const body = { receivedOn: day(r.receivedOn), postmarkOn: day(r.postmarkOn) };
  return registrationDateErrors(body, today);
}

/**
 * One person is a party of a case once: an identity number a second time among the parties — on the same side or
 * another, as sent or (PATCH) kept from those stored on the sides not sent — is refused naming the one sent later.
 */
export function samePersonTwice(
  body: { applicants?: IdHolder[]; respondents?: IdHolder[]; thirdParties?: IdHolder[] },
  stored: PartyRecord[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string | null>();
  for (const field of PARTY_FIELDS) {
    const sent = body[field];
    const holders: { id: unknown; path: string | null }[] = sent
      ? sent.map((p, i) => ({ id: p.idNumber, path: `${field}.${i}.idNumber` }))
      : stored.filter((p) => SIDE_FIELD[p.side as keyof typeof SIDE_FIELD] === field).map((p) => ({ id: p.idNumber, path: null }));
    for (const h of holders) {
      if (typeof h.id !== 'string' || !h.id) continue;
      const key = h.id.toUpperCase();
      if (!seen.has(key)) {
        seen.set(key, h.path);
        continue;
      }
      const first = seen.get(key) ?? null;
      const path = h.path ?? first;
      if (path)
        errors.push({
          path,
          message: `身份证号码与${first && first !== path ? partyPlace(first) : '本案已登记的当事人'}相同：同一人不能重复列为当事人`,
        });
    }
  }
  return errors;
}
const PLACE = { applicants: '申请人', respondents: '被申请人', thirdParties: '第三人' } as const;
/** `applicants.1.idNumber` → 第2名申请人. */
const partyPlace = (path: string) => {
  const [field, i] = path.split('.');
  return `第${Number(i) + 1}名${PLACE[field as keyof typeof PLACE]}`;
};

/** A case to create: its columns, parties and claims (registration, or the application a mediation refers). */
export type NewCase = CaseColumns &
  Required<Pick<CaseColumns, 'track' | 'state' | 'receivedOn' | 'channel' | 'district' | 'procedure' | 'collective' | 'wageArrears'>> & {
    parties: PartyRecord[];
    claims: ClaimRecord[];
    /** Track `review`: the mediation agreement under review (Rules Art. 74), kept in the procedure record. */
    reviewAgreement?: { effectiveOn: string; agreedOn?: string; organization: string; terms: string | null } | null;
  };

/**
 * Creates a case with its deadlines, statistics row and first history entry (REGISTER, occurredOn = receipt) in the
 * caller's unit of work, and returns the view built from what it wrote.
 */
export async function createCase(
  deps: Deps,
  uow: UnitOfWork,
  actor: Actor,
  draft: NewCase,
  registerPayload: Record<string, unknown>,
  /** `calendarVersion`: the calendar's version as the caller read it (its write checks it: `RegistrationReads`). */
  opts: { calendarVersion?: number } = {},
): Promise<{ record: CaseRecord; view: CaseView }> {
  const { reviewAgreement, ...columns } = draft;
  const snapshot = startCase({
    track: draft.track as 'arbitration' | 'mediation' | 'review',
    reviewAgreement: reviewAgreement ?? null,
    procedure: draft.procedure as 'ordinary' | 'simple',
    collective: draft.collective,
    wageArrears: draft.wageArrears,
    receivedOn: draft.receivedOn,
    // Parties and claims in the snapshot are re-read from their rows (caseContext).
    parties: [],
    claims: [],
  });
  const record = await deps.stores.cases.insert(uow.trx, {
    ...columns,
    snapshot,
    machineVersion: snapshot.machineVersion,
    createdBy: actor.id,
    now: uow.now,
  });
  // The context alone: nothing here asks the statechart anything (no XState snapshot built).
  const ctx = caseContext(record);
  const cal = await deps.calendar.get(uow.trx, opts.calendarVersion === undefined ? {} : { version: opts.calendarVersion });
  const deadlines = computeDeadlines(ctx, cal, deps.periods, uow.today);
  // A case just registered has no 不字 / 审字 number yet (documentNo, reviewer docsfix L1).
  const view = buildCaseView(record, ctx, deadlines, await userNames(deps, uow.trx, []), { calendar: cal, documentNo: null });
  // Registration is the first entry of the history (api.md), in the same transaction. Written before the deadlines and
  // the statistics: on PostgreSQL its values (what the parties gave) are bound, a message of its own, and the rows
  // queued after it go with COMMIT instead of on a message before it (db/write-later.ts).
  await deps.stores.cases.appendEvent(
    uow.trx,
    {
      caseId: record.id,
      type: 'REGISTER',
      occurredOn: draft.receivedOn,
      recordedAt: uow.now,
      actorId: actor.id,
      actorRole: actor.role,
      actorName: actor.displayName,
      payload: registerPayload,
      stateBefore: null,
      stateAfter: draft.state,
      before: null,
      after: view,
    },
    1,
  );
  await deps.stores.deadlines.replace(uow.trx, record.id, deadlines, { isNew: true });
  await projectStats(deps, uow.trx, record, ctx, deadlines, uow.now, { isNew: true });
  return { record, view };
}

/**
 * fixU59 #5 — Rules Arts. 74–75: a review application filed (its postmark, else its receipt) after the last day of the
 * period from the agreement taking effect — the `review_filing` deadline the case shows — is said at registration,
 * naming that day; ACCEPT_REVIEW refuses it (review-filing-15-days) and REJECT_REVIEW takes it (ground `late`).
 * s60 B-L: the day filed is the deadlines' own (workflows/deadlines.ts filedOnOf: the postmark, CPL Art. 85(4)); a last
 * day computed on a year whose official holiday schedule is not loaded is said to be provisional, in the deadlines'
 * words (provisionalNote) — the application is late on that day, which the schedule may still move.
 */
async function lateReviewWarnings(
  deps: Deps,
  uow: UnitOfWork,
  calendarVersion: number,
  input: CaseCreate,
  deadlines: readonly Pick<Deadline, 'kind' | 'dueOn' | 'startsOn' | 'unit' | 'provisional'>[],
): Promise<string[]> {
  const d = input.track === 'review' ? deadlines.find((x) => x.kind === 'review_filing') : undefined;
  const due = d?.dueOn;
  const filedOn = filedOnOf({ receivedOn: input.receivedOn, postmarkOn: input.postmarkOn ?? null });
  if (!d || !due || filedOn <= due) return [];
  const filed = filedOn === input.receivedOn ? `${filedOn}收到` : `邮戳日期${filedOn}（${input.receivedOn}收到）`;
  let last = `为${due}`;
  if (d.provisional) {
    // The years of the period (the agreement's day to its last) whose official schedule is not loaded.
    const cal = await deps.calendar.get(uow.trx, { version: calendarVersion });
    const years: number[] = [];
    for (let y = yearOf(d.startsOn ?? due); y <= yearOf(due); y++) if (!cal.has(y)) years.push(y);
    last = `暂定为${due}${provisionalNote(years.length ? years : [yearOf(due)], d.unit)}`;
  }
  return [
    `本仲裁审查申请${filed}，${d.provisional ? '按暂定的最后一日计算' : ''}已超过申请期间：调解协议于${input.agreement?.effectiveOn}生效，申请期间的最后一日${last}（《劳动人事争议仲裁办案规则》第七十四条）。逾期提出的，依第七十五条不予受理；请核对调解协议生效日期与收件日期`,
  ];
}

/**
 * POST /api/cases: an arbitration application (申请), with track "mediation" a pre-arbitration mediation, with track
 * "review" an application for arbitral review of a mediation agreement (Rules Arts. 74–79). An arbitration application
 * answers with warnings of earlier cases between the same parties (Rules Arts. 34, 39) — never a refusal.
 */
export async function registerCase(
  deps: Deps,
  uow: UnitOfWork,
  actor: Actor,
  input: CaseCreate,
  /** What was read before the transaction (`submitRegistration`); without it, read inside. */
  reads?: RegistrationReads,
): Promise<CaseView & { warnings: DuplicateWarning[]; dateWarnings?: string[]; partyWarnings?: string[]; claimWarnings?: string[] }> {
  // A review is registered by the filing clerk like an arbitration application.
  assertMayRegister(actor, input.track === 'mediation' ? 'mediation' : 'arbitration');
  checkRegistrationDates(input, uow.today);
  checkClaimApplicants(input.claims, input.applicants.length, 'claims');
  const parties = partiesOf(input);
  const claims = input.claims.map(toClaim);
  // Inside the transaction (PostgreSQL): the calendar's version first — a statement with numbers only, it goes in one
  // message with BEGIN (db/knex.ts) instead of BEGIN going alone before the duplicate check, whose values are bound.
  const versions = reads?.versions ?? (await deps.stores.reference.versions(uow.trx));
  const warnings =
    input.track === 'arbitration' ? await duplicateFilingWarnings(deps, uow.trx, { parties, claims }, reads?.candidates) : [];
  // Deadlines computed from a calendar read before the transaction: the write fails (and is decided again) when
  // reference data was loaded in between.
  if (reads && !(await deps.stores.reference.expectVersions(uow.trx, reads.versions.all))) {
    if ((await deps.stores.reference.versions(uow.trx)).all !== reads.versions.all) throw staleReads();
  }
  // An arbitration case of the same applicants registered since the candidates were read (two clerks registering one
  // application at once): read again, so that the later one warns of the earlier.
  if (reads && input.track === 'arbitration') {
    const applicants = parties.filter((p) => p.side === 'applicant');
    const seen = reads.candidates[0]?.id ?? 0;
    if (!(await deps.stores.cases.expectNoNewCandidates(uow.trx, applicants, seen))) {
      if (((await deps.stores.cases.duplicateCandidates(uow.trx, applicants))[0]?.id ?? 0) !== seen) throw staleReads();
    }
  }
  const { view } = await createCase(
    deps,
    uow,
    actor,
    {
      track: input.track,
      state: { arbitration: 'received', mediation: 'mediation_in_progress', review: 'review_received' }[input.track],
      receivedOn: input.receivedOn,
      postmarkOn: input.postmarkOn ?? null,
      channel: input.channel,
      district: input.district,
      facts: input.facts ?? null,
      procedure: input.procedure ?? 'ordinary',
      ...majorAtRegistration(
        collectiveOf(input.procedure, collectiveFlags(input, parties), deps.config.collectiveSimpleHandling),
        parties,
        deps.config.majorCollectiveMinWorkers,
        input.track,
      ),
      wageArrears: input.wageArrears ?? false,
      limitation: input.limitation ?? null,
      duplicateBars: barringCaseIds(warnings),
      parties,
      claims,
      reviewAgreement: input.agreement ? { ...input.agreement, terms: input.agreement.terms ?? null } : null,
    },
    {
      channel: input.channel,
      track: input.track,
      ...duplicatesEntry(warnings),
    },
    { calendarVersion: versions.calendar },
  );
  // sec51 M1: a receipt long before today is most often a mistyped year (LDMAL Arts. 27, 29): said, not refused.
  const dateWarnings = [
    ...staleReceivedWarnings(input.receivedOn, uow.today, deps.config.receivedOnStaleDays),
    ...(await lateReviewWarnings(deps, uow, versions.calendar, input, view.deadlines)),
  ];
  // fixA53 (legal53a M2, L2, L3): one agent for both sides, an agent lacking his relationship or firm, an employer's
  // legal-aid agent, sides the record cannot tell apart (workflows/agent-checks.ts): said, not refused.
  // s60 W2 #2: the claims' warnings are also answered on their own (`claimWarnings`), to be shown under their own
  // heading; `partyWarnings` still carries them after the parties' (unchanged for API clients).
  const claimWarnings = jointMoneyClaimWarnings({ parties, collectiveGround: input.collectiveGround ?? null }, claims);
  const partyWarnings = [...casePartyWarnings({ parties, collectiveGround: input.collectiveGround ?? null }), ...claimWarnings];
  return {
    ...view,
    warnings,
    ...(dateWarnings.length ? { dateWarnings } : {}),
    ...(partyWarnings.length ? { partyWarnings } : {}),
    ...(claimWarnings.length ? { claimWarnings } : {}),
  };
}

/**
 * The duplicate-filing warnings (Rules Arts. 34, 39) of a new arbitration application — a registration's, or the one a
 * pre-arbitration mediation refers (REFER_TO_ARBITRATION): its applicants' earlier arbitration cases read (unless the
 * caller read them already) and compared. Never a refusal.
 */
export async function duplicateFilingWarnings(
  deps: Deps,
  k: UnitOfWork['trx'],
  draft: { parties: PartyRecord[]; claims: ClaimRecord[] },
  candidates?: RegistrationReads['candidates'],
): Promise<DuplicateWarning[]> {
  const found =
    candidates ??
    (await deps.stores.cases.duplicateCandidates(
      k,
      draft.parties.filter((p) => p.side === 'applicant'),
    ));
  // legal54c M1 — Rules Art. 39 for one worker: the applicants whose own application an earlier case treated as
  // withdrawn (DEEM_WITHDRAWN partyId) come with the candidates (`barredApplicants`, read in the same statement): their
  // bar holds whatever became of the case.
  return duplicateWarnings(draft, found);
}

/** The earlier cases that bar the application (Rules Art. 34), kept on the case for its ACCEPT (`CaseRecord.duplicateBars`). */
export const barringCaseIds = (warnings: DuplicateWarning[]): number[] => warnings.filter((w) => w.bars).map((w) => w.caseId);

/** What the REGISTER entry keeps of the warnings: which cases, how and why (the history shows it to full readers). */
export function duplicatesEntry(warnings: DuplicateWarning[]): { duplicates?: Record<string, unknown>[] } {
  return warnings.length ? { duplicates: warnings.map((w) => ({ code: w.code, caseId: w.caseId, bars: w.bars, source: w.source })) } : {};
}

const partiesOf = (input: CaseCreate): PartyRecord[] => [
  ...input.applicants.map((p) => toParty('applicant', p)),
  ...input.respondents.map((p) => toParty('respondent', p)),
  ...(input.thirdParties ?? []).map((p) => toParty('third_party', p)),
];

/** What a registration reads besides what it writes: earlier cases of its applicants, and the reference versions. */
export interface RegistrationReads {
  candidates: Awaited<ReturnType<Deps['stores']['cases']['duplicateCandidates']>>;
  versions: { calendar: number; all: number };
}

const staleReads = () => new Error('zc_stale_write: what the registration was read from moved while it was written');

/** How often a registration read before its transaction is read again when reference data moved meanwhile. */
const OPTIMISTIC_ATTEMPTS = 3;

/**
 * The HTTP layer's way in: `registerCase` in a unit of work of its own. On SQLite, whose one writer connection serves
 * every write in turn, the earlier cases of the applicants (for the duplicate warnings) and the reference versions are
 * read first on a reader connection, so the writer only writes; the write checks, with the writer's lock held, that no
 * reference data was loaded and no case of the same applicants registered since (db/write-later.ts `expectLater`), and
 * the registration is read again when either was — so of two registrations of one application sent at once, the later
 * still warns of the earlier. PostgreSQL reads inside the transaction.
 */
export async function submitRegistration(deps: Deps, transact: Transact, actor: Actor, input: CaseCreate) {
  if (deps.db.dialect === 'sqlite') {
    assertMayRegister(actor, input.track === 'mediation' ? 'mediation' : 'arbitration');
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const k = deps.db.reader;
      const versions = await deps.stores.reference.versions(k);
      const applicants = partiesOf(input).filter((p) => p.side === 'applicant');
      const candidates = input.track === 'arbitration' ? await deps.stores.cases.duplicateCandidates(k, applicants) : [];
      try {
        return await transact((uow) => registerCase(deps, uow, actor, input, { candidates, versions }));
      } catch (err) {
        if (!isStaleWrite(err)) throw err;
      }
    }
  }
  return transact((uow) => registerCase(deps, uow, actor, input));
}
