import type { Knex } from 'knex';
import type { Deadline } from '../../workflows/deadlines.ts';
import { checkCreditCode, foldDigits, maskPersonalNumbersLeniently, withoutInvisibles } from '../../workflows/identifiers.ts';
import type { LimitationInput } from '../../workflows/limitation.ts';
import type { ClaimCategory } from '../../workflows/reference.ts';
import type { StatFacts } from '../../workflows/stat-facts.ts';
import { insertChunked } from '../batch.ts';
import { fixedRows, planOnce } from '../fixed-query.ts';
import { eventHash, eventHashInput } from '../history-chain.ts';
import { isPg, jsonObject, jsonRows, parseJsonColumn } from '../sql-json.ts';
import {
  canQueue,
  canQueueGuarded,
  committedHint,
  expectLater,
  FormBuilder,
  insertLater,
  noteOnCommit,
  pgLiteral,
  QueuedStatement,
  queueAnswering,
  queueStatement,
  rawLater,
  reserveIds,
  updateForm,
  updateLater,
  updateLaterChangingOne,
  writeLater,
  writeLaterChangingOne,
} from '../write-later.ts';
import { DEADLINE_COLUMNS, deadlineFromRow } from './deadlines.ts';
import { NUMBERED_KINDS, type TakenNumber } from './documents.ts';
import { factsFromRow, STAT_FACT_COLUMNS } from './stats.ts';

/** Why the clerk marked a case collective although fewer than 10 workers apply (Rules Arts. 62, 64). */
export type CollectiveGround = 'collective_contract' | 'union_applicant';

/** The stored shape of a case, as the use cases see it (camelCase, numbers and booleans normalized). */
export interface CaseRecord {
  id: number;
  track: 'arbitration' | 'mediation' | 'review';
  state: string;
  receivedOn: string;
  postmarkOn: string | null;
  channel: string;
  district: string;
  facts: string | null;
  procedure: 'ordinary' | 'simple';
  collective: boolean;
  /** Set by the clerk: a collective-contract dispute or a union applicant (Rules Arts. 62, 64); null: head count only. */
  collectiveGround: CollectiveGround | null;
  wageArrears: boolean;
  caseNo: string | null;
  caseYear: number | null;
  caseSerial: number | null;
  acceptedOn: string | null;
  closureMode: string | null;
  closedOn: string | null;
  finality: string | null;
  snapshot: unknown;
  machineVersion: number | null;
  limitation: LimitationInput | null;
  version: number;
  linkedCaseId: number | null;
  /**
   * Earlier cases that bar this application as its registration found them (Rules Art. 34; app/cases/register-case.ts
   * `barringCaseIds`): read again at ACCEPT (app/procedure/duplicate-bar.ts). Empty for almost every case, which then
   * costs an ACCEPT no read.
   */
  duplicateBars: number[];
  /** The chair marked this collective case major (重大集体劳动人事争议; domain.md §8.2). */
  majorMarked?: boolean;
  /**
   * A major collective case (重大集体劳动人事争议; domain.md §8.2), as the store read it: collective and marked
   * (`isMajorCollective`). Derived, never written.
   */
  major?: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  parties: PartyRecord[];
  claims: ClaimRecord[];
}

export interface AgentRecord {
  id?: number;
  name: string;
  kind: string;
  unit: string | null;
  phone: string | null;
  /** A relative's relationship to the party (配偶, 父亲…); null otherwise. */
  relationship?: string | null;
  /** feat52 (APPOINT_AGENT; LDMAL Art. 24): 一般授权 / 特别授权 as the power of attorney grants; null when not recorded. */
  powers?: 'general' | 'special' | null;
  /** feat52: the day the commission received the power of attorney (APPOINT_AGENT); null for an agent registered with the case. */
  since?: string | null;
}

export interface PartyRecord {
  id?: number;
  side: 'applicant' | 'respondent' | 'third_party';
  kind: 'person' | 'organization';
  name: string;
  idNumber: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  ethnicity: string | null;
  phone: string | null;
  address: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  legalRepresentativeTitle: string | null;
  /** Employer ownership type for the yearbook table (OWNERSHIP_TYPES); optional. */
  ownership?: string | null;
  agents: AgentRecord[];
}

export interface ClaimRecord {
  id?: number;
  seq?: number;
  category: ClaimCategory;
  amountFen: number | null;
  description: string;
  /** A claim of the respondent's counterclaim merged into the case (Rules Art. 36); absent on the applicant's. */
  counterclaim?: true;
  /**
   * The applicant (party id) whose own claim this is — one worker's of several (Rules Art. 62; LDMAL Art. 47(1) reads
   * each worker's items on their own) — or, on a counterclaim's, the applicant it is against; null or absent: the
   * applicants' together.
   */
  partyId?: number | null;
  /**
   * On a write only: the applicant by position (1-based, in the order of the case's applicants as written) — the store
   * turns it into `partyId` (an applicant registered in the same write has no id yet).
   */
  applicant?: number;
}

/** Columns of `cases` a use case may set. */
export interface CaseColumns {
  track?: string;
  state?: string;
  receivedOn?: string;
  postmarkOn?: string | null;
  channel?: string;
  district?: string;
  facts?: string | null;
  procedure?: string;
  collective?: boolean;
  collectiveGround?: CollectiveGround | null;
  wageArrears?: boolean;
  caseNo?: string | null;
  caseYear?: number | null;
  caseSerial?: number | null;
  acceptedOn?: string | null;
  closureMode?: string | null;
  closedOn?: string | null;
  finality?: string | null;
  snapshot?: unknown;
  machineVersion?: number | null;
  linkedCaseId?: number | null;
  limitation?: LimitationInput | null;
  duplicateBars?: number[];
  majorMarked?: boolean;
}

const COLUMN_NAMES: Record<keyof CaseColumns, string> = {
  track: 'track',
  state: 'state',
  receivedOn: 'received_on',
  postmarkOn: 'postmark_on',
  channel: 'channel',
  district: 'district',
  facts: 'facts',
  procedure: 'procedure',
  collective: 'collective',
  collectiveGround: 'collective_ground',
  wageArrears: 'wage_arrears',
  caseNo: 'case_no',
  caseYear: 'case_year',
  caseSerial: 'case_serial',
  acceptedOn: 'accepted_on',
  closureMode: 'closure_mode',
  closedOn: 'closed_on',
  finality: 'finality',
  snapshot: 'snapshot',
  machineVersion: 'machine_version',
  linkedCaseId: 'linked_case_id',
  limitation: 'limitation',
  duplicateBars: 'duplicate_bars',
  majorMarked: 'major_marked',
};

export function toRow(c: CaseColumns): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (v === undefined) continue;
    const col = COLUMN_NAMES[k as keyof CaseColumns];
    row[col] =
      k === 'snapshot' || k === 'limitation'
        ? v === null
          ? null
          : JSON.stringify(v)
        : k === 'duplicateBars'
          ? (v as number[]).length
            ? (v as number[]).join(',')
            : null
          : v;
  }
  return row;
}

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
type Row = Record<string, any>;

const nOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function fromRow(r: Row): Omit<CaseRecord, 'parties' | 'claims'> {
  return {
    id: Number(r.id),
    track: r.track,
    state: r.state,
    receivedOn: r.received_on,
    postmarkOn: r.postmark_on ?? null,
    channel: r.channel,
    district: r.district,
    facts: r.facts ?? null,
    procedure: r.procedure,
    collective: Boolean(r.collective),
    collectiveGround: r.collective_ground ?? null,
    wageArrears: Boolean(r.wage_arrears),
    caseNo: r.case_no ?? null,
    caseYear: nOrNull(r.case_year),
    caseSerial: nOrNull(r.case_serial),
    acceptedOn: r.accepted_on ?? null,
    closureMode: r.closure_mode ?? null,
    closedOn: r.closed_on ?? null,
    finality: r.finality ?? null,
    snapshot: r.snapshot ? JSON.parse(r.snapshot) : null,
    machineVersion: nOrNull(r.machine_version),
    limitation: r.limitation ? JSON.parse(r.limitation) : null,
    version: Number(r.version),
    linkedCaseId: nOrNull(r.linked_case_id),
    duplicateBars: r.duplicate_bars ? String(r.duplicate_bars).split(',').map(Number) : [],
    majorMarked: Boolean(r.major_marked),
    createdBy: nOrNull(r.created_by),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What a list row holds: the columns a summary shows and the parties' names. */
export type CaseSummaryRecord = Pick<
  CaseRecord,
  | 'id'
  | 'track'
  | 'state'
  | 'caseNo'
  | 'receivedOn'
  | 'acceptedOn'
  | 'district'
  | 'procedure'
  | 'collective'
  | 'wageArrears'
  | 'closureMode'
  | 'closedOn'
  | 'version'
> & {
  parties: Pick<PartyRecord, 'side' | 'name'>[];
  /** A major collective case (重大集体劳动人事争议): marked by the chair or at MAJOR_COLLECTIVE_MIN_WORKERS workers. */
  major?: boolean;
  /** The running award clock's due date, on list pages (null: none running), and whether it is provisional. */
  awardDueOn?: string | null;
  awardDueProvisional?: boolean;
  /** On list pages, of a case without a case number: the numbers its acts were given (不字 / 审字, `takeNumber`). */
  documentNumbers?: TakenNumber[];
};

/**
 * A major collective case (重大集体劳动人事争议; domain.md §8.2): collective (Rules Art. 62) and marked major — at
 * registration when it has at least MAJOR_COLLECTIVE_MIN_WORKERS workers (app/cases/register-case.ts
 * `majorAtRegistration`), or by the chair at any time. Stored as a column, so the case list orders on it from an index
 * (cases_list_order) — a head count worked out per row would sort the whole table on every page (issue 15).
 */
export function isMajorCollective(c: Pick<CaseRecord, 'collective' | 'majorMarked'>): boolean {
  return c.collective && c.majorMarked === true;
}

/** `isMajorCollective` as SQL over `cases`. */
export const MAJOR_SQL = '(cases.collective = ? AND cases.major_marked = ?)';
const MAJOR_BINDINGS = [true, true];

const SUMMARY_COLUMNS = [
  'id',
  'track',
  'state',
  'case_no',
  'received_on',
  'accepted_on',
  'district',
  'procedure',
  'collective',
  'wage_arrears',
  'major_marked',
  'closure_mode',
  'closed_on',
  'version',
];

/**
 * What a write decided from a read outside its transaction (app/procedure/apply-event.ts, SQLite) depends on besides
 * the case's version: the history's last entry, the open statistics row, the stored deadlines and the reference data.
 */
export interface UpdateGuard {
  historySeq: number;
  statRowId: number | null;
  /** The stored deadlines (the sweep and a recomputation replace them: new rows, new ids). */
  deadlinesMaxId: number;
  /** The calendar, minimum and average wages, …: the sum of their versions. */
  referenceVersions: number;
}

export class StaleVersionError extends Error {
  constructor(readonly currentVersion: number) {
    super('stale version');
  }
}

/** The cases whose applicants match these (the same identity number, or the same name where one has none). */
function matchingApplicants(k: Knex, applicants: Pick<PartyRecord, 'name' | 'idNumber'>[]) {
  const ids = [...new Set(applicants.map((p) => p.idNumber).filter((x): x is string => !!x))];
  const unnumbered = [...new Set(applicants.filter((p) => !p.idNumber).map((p) => p.name))];
  const names = [...new Set(applicants.map((p) => p.name))];
  return k('parties')
    .select('case_id')
    .where('side', 'applicant')
    .where((q) => {
      // "No identity number" written so that no index on id_number can serve it: this branch is found through the name
      // index. As `id_number IS NULL`, a planner without fresh statistics (PostgreSQL before autovacuum's next ANALYZE,
      // SQLite without any) took the id_number index and walked every party that has none — every employer.
      q.where((x) => x.whereIn('name', names).whereRaw(`coalesce(id_number, '') = ''`));
      if (ids.length) q.orWhereIn('id_number', ids);
      if (unnumbered.length) q.orWhereIn('name', unnumbered);
    });
}

/**
 * Six digits in a row, one separator at most between two: identity-number or phone text, not a case number's. Read in
 * a text made `foldDigits` (workflows/identifiers.ts): full-width, other scripts' digits (`٣٧١٥٠٢`, `𝟑𝟕𝟏𝟓𝟎𝟐`),
 * superscript and circled ones, Chinese numerals (`三七一五〇二`) count as digits.
 */
const DIGIT_RUN = /\d(?:[\s.\-·/_]?\d){5}/;

/**
 * A `q` read as one whole number — an identity number or a phone as staff type it: `foldDigits` (full-width
 * `１３８１２３４５６７８`, other scripts' digits), then without separators (`138-1234-5678`, `138 1234 5678`,
 * `(0635) 8888888`) and a mobile's country code (`+86`, `0086`); null when anything else is left. Matched whole
 * against the stored number only (api-contract.md: whole identity numbers and phone numbers — never a part of one;
 * security finding L2, sec44).
 */
export function wholeNumber(q: string): string | null {
  const bare = foldDigits(q).replace(/[\s.\-·/_()+]/g, '');
  if (!/^\d+[Xx]?$/.test(bare)) return null;
  const mobile = /^(?:0086|86)(1[3-9]\d{9})$/.exec(bare);
  return mobile ? (mobile[1] as string) : bare.toUpperCase();
}

/**
 * A `q` read as one whole unified social credit code (GB 32100): digits folded as `wholeNumber` folds them, spaces
 * and dashes dropped, letters upper case; null unless its check character holds (never a part of a code).
 */
export function wholeCreditCode(q: string): string | null {
  const bare = foldDigits(q).replace(/[\s-]/g, '').toUpperCase();
  return bare.length === 18 && checkCreditCode(bare) === null ? bare : null;
}

/**
 * Searchable text: the case number and every party name, identity-number and mobile shaped digits masked as the log
 * masks them — a role that may not search by identity is not let probe a number typed into a name a few digits at a
 * time (reviewer, stop 41); who may search by identity finds a case by the number itself (the parties' columns).
 */
export function searchText(caseNo: string | null, parties: Pick<PartyRecord, 'name'>[]): string {
  return [caseNo ?? '', ...parties.map((p) => searchName(p.name))].join('\u0001');
}
/**
 * A name as the search text holds it: without invisible characters (`张\u200b三` is found as 张三), numbers masked —
 * in whatever digits they are written (`𝟏𝟑𝟗…`, `١٣٩…`, `一三九…`: the masker reads them all).
 */
export const searchName = (raw: string) => maskPersonalNumbersLeniently(withoutInvisibles(raw));

export interface CaseListFilter {
  state?: string;
  track?: string;
  district?: string;
  procedure?: string;
  collective?: boolean;
  wageArrears?: boolean;
  /** Major collective cases only (true) or none of them (false). */
  major?: boolean;
  q?: string;
  /** Cases on this arbitrator's tribunal. */
  arbitratorId?: number;
  /** Cases this mediator is assigned to (case_mediators). */
  mediatorId?: number;
  /** Cases with an overdue deadline. */
  overdue?: boolean;
  caseIds?: number[];
  /**
   * What `q` may also match (the policy decides): a whole identity number, phones, agents' names and firms, a whole
   * credit code.
   */
  searchIn?: { identity: boolean; phone: boolean; agents: boolean; creditCode?: boolean };
  /**
   * The prefixes of the document numbers a case without a case number is known by, by kind of
   * `case_document_numbers` (`review` 审字, `rejection_notice` 不字): `q` matches the number as formatted with them
   * (app/cases/document-no.ts), whole or in part, as it matches a case number.
   */
  documentNoPrefixes?: Record<string, string>;
  /** Column order; the default is priority (wage arrears, collective) then newest. */
  sort?: 'awardDue' | 'receivedOn' | 'state' | 'caseNo';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** How many first pages of a case list carry their OFFSET in the statement's text (see `list`). */
const LITERAL_PAGES = 20;

/** The running award clock (LDMAL Art. 43) of the case in the outer query, or NULL (not accepted, closed, met). */
/**
 * The case's row locked until the transaction ends (PostgreSQL, `lock` and `loadAggregate`): FOR NO KEY UPDATE. Written
 * as text, with no query builder to compile on every write (issue 15).
 */
const LOCK_CASE_SQL = 'SELECT "id" FROM "cases" WHERE "id" = ? LIMIT 1 FOR NO KEY UPDATE';

const AWARD_DUE_SQL = `(SELECT MIN(d.due_on) FROM case_deadlines d WHERE d.case_id = cases.id AND d.kind = 'award' AND d.status IN ('open', 'overdue', 'paused', 'unknown'))`;
/** Whether that date is provisional (beyond the loaded official calendar). */
const AWARD_DUE_PROVISIONAL_SQL = `(SELECT MAX(CASE WHEN d.provisional THEN 1 ELSE 0 END) FROM case_deadlines d WHERE d.case_id = cases.id AND d.kind = 'award' AND d.status IN ('open', 'overdue', 'paused', 'unknown'))`;

/** History entries that record bookkeeping, not a procedural act. */
export { BOOKKEEPING_EVENTS } from '../../workflows/procedure-types.ts';

import { CORRECT_DATE } from '../../workflows/date-corrections.ts';
import { BOOKKEEPING_EVENTS } from '../../workflows/procedure-types.ts';

export interface EventInsert {
  caseId: number;
  type: string;
  occurredOn: string;
  recordedAt: string;
  actorId: number | null;
  actorRole: string | null;
  actorName: string | null;
  payload: unknown;
  stateBefore: string | null;
  stateAfter: string;
  before: unknown;
  after: unknown;
}

export interface EventRecord extends Omit<EventInsert, 'caseId'> {
  id: number;
  caseId: number;
  seq: number;
}

export function partyRow(caseId: number, p: PartyRecord, seq: number) {
  return {
    case_id: caseId,
    side: p.side,
    seq,
    kind: p.kind,
    name: p.name,
    id_number: p.idNumber,
    sex: p.sex,
    birth_date: p.birthDate,
    ethnicity: p.ethnicity,
    phone: p.phone,
    address: p.address,
    credit_code: p.creditCode,
    legal_representative: p.legalRepresentative,
    legal_representative_title: p.legalRepresentativeTitle,
    ownership: p.ownership ?? null,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const eventFromRow = (r: Record<string, any>): EventRecord => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  seq: Number(r.seq),
  type: r.type,
  occurredOn: r.occurred_on,
  recordedAt: r.recorded_at,
  actorId: nOrNull(r.actor_id),
  actorRole: r.actor_role ?? null,
  actorName: r.actor_name ?? null,
  payload: JSON.parse(r.payload),
  stateBefore: r.state_before ?? null,
  stateAfter: r.state_after,
  before: r.before ? JSON.parse(r.before) : null,
  after: JSON.parse(r.after),
});

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const agentFromRow = (a: Record<string, any>): AgentRecord => ({
  id: Number(a.id),
  name: a.name,
  kind: a.kind,
  unit: a.unit ?? null,
  phone: a.phone ?? null,
  relationship: a.relationship ?? null,
  powers: a.powers ?? null,
  since: a.appointed_on ?? null,
});

/** An agent's row: every field the record holds (an agent added after acceptance keeps its relationship too). */
const agentRow = (partyId: number, seq: number, a: AgentRecord) => ({
  party_id: partyId,
  seq,
  name: a.name,
  kind: a.kind,
  unit: a.unit,
  phone: a.phone,
  relationship: a.relationship ?? null,
  powers: a.powers ?? null,
});

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const partyFromRow = (p: Record<string, any>, agents: AgentRecord[]): PartyRecord => ({
  id: Number(p.id),
  side: p.side,
  kind: p.kind,
  name: p.name,
  idNumber: p.id_number ?? null,
  sex: p.sex ?? null,
  birthDate: p.birth_date ?? null,
  ethnicity: p.ethnicity ?? null,
  phone: p.phone ?? null,
  address: p.address ?? null,
  creditCode: p.credit_code ?? null,
  legalRepresentative: p.legal_representative ?? null,
  legalRepresentativeTitle: p.legal_representative_title ?? null,
  ownership: p.ownership ?? null,
  agents,
});

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
const claimFromRow = (c: Record<string, any>): ClaimRecord => ({
  id: Number(c.id),
  seq: Number(c.seq),
  category: c.category,
  amountFen: nOrNull(c.amount_fen),
  description: c.description,
  ...(c.counterclaim === true || c.counterclaim === 1 || c.counterclaim === '1' ? { counterclaim: true as const } : {}),
  ...(c.party_id !== null && c.party_id !== undefined ? { partyId: Number(c.party_id) } : {}),
});

/** A claim's applicant as stored: the one named by position among `applicants` (ids in their order), else as held. */
function claimPartyId(c: ClaimRecord, applicants: (number | undefined)[]): number | null {
  if (c.applicant !== undefined) return applicants[c.applicant - 1] ?? null;
  return c.partyId ?? null;
}

const PARTY_COLUMNS = [
  'id',
  'side',
  'seq',
  'kind',
  'name',
  'id_number',
  'sex',
  'birth_date',
  'ethnicity',
  'phone',
  'address',
  'credit_code',
  'legal_representative',
  'legal_representative_title',
  'ownership',
];
const AGENT_COLUMNS = ['id', 'seq', 'name', 'kind', 'unit', 'phone', 'relationship', 'powers', 'appointed_on'];
const CLAIM_COLUMNS = ['id', 'seq', 'category', 'amount_fen', 'description', 'counterclaim', 'party_id'];

/** Where the history of a case stands: its last entry (the next one chains to it) and its last procedural day. */
export interface HistoryHead {
  seq: number;
  hash: string | null;
  /** When the last entry was recorded (ISO 8601). */
  recordedAt: string | null;
  /**
   * The day of the latest procedural act after the registration (bookkeeping entries — documents, registration edits —
   * do not count, nor the registration itself): `proceduralSpan().last`, read with the case.
   */
  lastProceduralOn: string | null;
}

/** A case with what a write to it (or a full read of it) needs besides, read in one statement. */
export interface CaseAggregate {
  record: CaseRecord;
  /** The stored deadlines, in order (`deadlines: true`). */
  deadlines?: Deadline[];
  /** `history: true`. */
  head?: HistoryHead;
  /** The current statistics row, or null (`stats: true`). */
  statRow?: (StatFacts & { rowId: number }) | null;
  /** When the current statistics row was opened (`stats: true`; the sweep opens one without a history entry). */
  statRowRecordedFrom?: string;
  /** The official calendar's version (`calendar: true`), for the calendar cache (app/deps.ts). */
  calendarVersion?: number;
  /** The sum of every reference data version (`calendar: true`): calendar, minimum and average wages, … */
  referenceVersions?: number;
  /** The largest id among the stored deadlines, 0 when none (`deadlines: true`): ids are never reused (AUTOINCREMENT). */
  deadlinesMaxId?: number;
}

export interface AggregateParts {
  deadlines?: boolean;
  history?: boolean;
  stats?: boolean;
  calendar?: boolean;
}

/**
 * The one statement that reads a case: its row, its parties with their agents and its claims folded in as JSON
 * (db/sql-json.ts), plus whichever of its deadlines, history head, current statistics row and the calendar version
 * the caller asks for — one round trip instead of one per table.
 */
function aggregateQuery(k: Knex, id: number, parts: AggregateParts) {
  // feat52: an agent revoked (REVOKE_AGENT) is no longer the party's: his row stays for the statistics and history.
  const agents = jsonRows(k, jsonObject(k, 'a', AGENT_COLUMNS), 'agents a where a.party_id = p.id and a.revoked_on is null', 'a.seq');
  const cols = [
    'cases.*',
    k.raw(
      `${jsonRows(k, jsonObject(k, 'p', PARTY_COLUMNS, [['agents', agents]]), 'parties p where p.case_id = cases.id', 'p.side, p.seq')} as parties_json`,
    ),
    k.raw(`${jsonRows(k, jsonObject(k, 'cl', CLAIM_COLUMNS), 'claims cl where cl.case_id = cases.id', 'cl.seq')} as claims_json`),
  ];
  if (parts.deadlines)
    cols.push(
      k.raw(
        `${jsonRows(k, jsonObject(k, 'd', [...DEADLINE_COLUMNS, 'id']), 'case_deadlines d where d.case_id = cases.id', 'd.id')} as deadlines_json`,
      ),
    );
  if (parts.history) {
    const last = (col: string, where = '') =>
      `(select ${col.includes('(') ? col : `e.${col}`} from case_events e where e.case_id = cases.id${where} order by e.seq desc limit 1)`;
    // The registration's own row keeps the receipt as first registered (a correction before acceptance moves the
    // case's): like the bookkeeping entries, it does not order procedural dates (`proceduralSpan`).
    const bookkeeping = [...BOOKKEEPING_EVENTS, 'REGISTER'].map((t) => `'${t}'`).join(', ');
    // Reviewer s56 B M3: the last act's day as it now stands — the chair's last correction of it (CORRECT_DATE, only an
    // ACCEPT's own day is correctable, workflows/date-corrections.ts) or its entry's. The entry itself is never rewritten.
    const corrected = isPg(k)
      ? `x.payload::json #>> '{target,seq}' = e.seq::text and x.payload::json ->> 'field' = 'occurredOn'`
      : `json_extract(x.payload, '$.target.seq') = e.seq and json_extract(x.payload, '$.field') = 'occurredOn'`;
    const after = isPg(k) ? `x.payload::json ->> 'after'` : `json_extract(x.payload, '$.after')`;
    const lastDay = `coalesce((select ${after} from case_events x where x.case_id = e.case_id and x.type = '${CORRECT_DATE}' and ${corrected} order by x.seq desc limit 1), e.occurred_on)`;
    cols.push(
      k.raw(`${last('seq')} as head_seq`),
      k.raw(`${last('hash')} as head_hash`),
      k.raw(`${last('recorded_at')} as head_recorded_at`),
      k.raw(`${last(lastDay, ` and e.type not in (${bookkeeping})`)} as last_procedural_on`),
    );
  }
  if (parts.stats)
    cols.push(
      k.raw(
        `(select ${jsonObject(k, 's', [...STAT_FACT_COLUMNS, 'id', 'recorded_from'])} from case_stat_rows s where s.case_id = cases.id and s.recorded_to is null order by s.id desc limit 1) as stat_row_json`,
      ),
    );
  if (parts.calendar)
    cols.push(
      k.raw(`(select version from reference_versions where name = 'calendar') as calendar_version`),
      // Every kind of reference data at once (versions only grow): a write decided from this read checks it (UpdateGuard).
      k.raw('(select coalesce(sum(version), 0) from reference_versions) as reference_versions'),
    );
  return k('cases').where('cases.id', id).first(cols);
}

/** The aggregate's statement: the same text for every case, only the id a parameter (db/fixed-query.ts). */
// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
async function aggregateRow(k: Knex, id: number, parts: AggregateParts): Promise<Record<string, any> | undefined> {
  const name = `case-aggregate:${parts.deadlines ? 1 : 0}${parts.history ? 1 : 0}${parts.stats ? 1 : 0}${parts.calendar ? 1 : 0}`;
  return (await fixedRows(k, name, (q, caseId: number) => aggregateQuery(q, caseId, parts), [id]))[0];
}

// biome-ignore lint/suspicious/noExplicitAny: raw driver rows
function aggregateFromRow(row: Record<string, any>, parts: AggregateParts): CaseAggregate {
  // biome-ignore lint/suspicious/noExplicitAny: JSON rows
  const parties = parseJsonColumn<Record<string, any>[]>(row.parties_json, []).map((p) =>
    // biome-ignore lint/suspicious/noExplicitAny: JSON rows
    partyFromRow(p, parseJsonColumn<Record<string, any>[]>(p.agents, []).map(agentFromRow)),
  );
  // biome-ignore lint/suspicious/noExplicitAny: JSON rows
  const claims = parseJsonColumn<Record<string, any>[]>(row.claims_json, []).map(claimFromRow);
  const out: CaseAggregate = { record: { ...fromRow(row), parties, claims } };
  if (parts.deadlines) {
    // biome-ignore lint/suspicious/noExplicitAny: JSON rows
    const rows = parseJsonColumn<Record<string, any>[]>(row.deadlines_json, []);
    out.deadlines = rows.map((r) => {
      const { caseId: _c, ...d } = deadlineFromRow(r);
      return d;
    });
    out.deadlinesMaxId = rows.reduce((m, r) => Math.max(m, Number(r.id)), 0);
  }
  if (parts.history)
    out.head = {
      seq: Number(row.head_seq ?? 0),
      hash: row.head_hash ?? null,
      recordedAt: row.head_recorded_at ?? null,
      lastProceduralOn: row.last_procedural_on ?? null,
    };
  if (parts.stats) {
    // biome-ignore lint/suspicious/noExplicitAny: JSON row
    const s = parseJsonColumn<Record<string, any> | null>(row.stat_row_json, null);
    out.statRow = s ? { ...factsFromRow(s), rowId: Number(s.id) } : null;
    if (s?.recorded_from) out.statRowRecordedFrom = String(s.recorded_from);
  }
  if (parts.calendar) {
    out.calendarVersion = Number(row.calendar_version ?? 0);
    out.referenceVersions = Number(row.reference_versions ?? 0);
  }
  return out;
}

/**
 * Keys of a history entry's payload and before/after views that hold nothing a party gave — the procedure's state and
 * its label, the acceptance day, the case number the commission assigns. An entry whose every key, at any depth, is one
 * of these carries no identity number, phone or address, and may be written into the text of a simple query on
 * PostgreSQL (which logs a failing one whole): an ACCEPT's entry then goes with COMMIT instead of on a round trip of its
 * own, while the year's serial row is locked. Any other key keeps the entry bound. A list to add to with care: only
 * keys whose values the system itself writes.
 */
const PLAIN_HISTORY_KEYS = new Set(['state', 'stateLabel', 'acceptedOn', 'caseNo']);
export function onlyPlainKeys(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(onlyPlainKeys);
  for (const [k, x] of Object.entries(v)) if (!PLAIN_HISTORY_KEYS.has(k) || !onlyPlainKeys(x)) return false;
  return true;
}

/** PostgreSQL: the duplicate check's probe answers at most this many of the applicants' cases (`duplicateCandidates`). */
const CANDIDATE_PROBE_MAX = 50;

/** Cases with their parties, claims and append-only history. Every method takes the transaction to run in. */
/** More values than this and the tree goes table by table (PostgreSQL takes at most 65,535 parameters a statement). */
const TREE_MAX_BINDINGS = 30_000;

/**
 * PostgreSQL: a new case, its parties, their agents and its claims in one statement (data-modifying CTEs, one round trip
 * instead of one per table — issue 15: a registration was 8 messages against the floor's 5). The children find the case's
 * id, and the agents and claims their party's, through the CTEs' RETURNING (a claim's applicant by its side and
 * position, as `claimPartyId` takes it); every value is bound — what the parties gave never goes into the statement's
 * text. Answers the ids in input order, or null when the tree is too large for one statement (the caller then inserts
 * table by table).
 */
async function insertTreePg(
  trx: Knex,
  caseRow: Record<string, unknown>,
  parties: PartyRecord[],
  seqs: number[],
  claimRows: Record<string, unknown>[],
  claims: ClaimRecord[] = [],
): Promise<{ caseId: number; partyIds: number[]; agentIds: number[]; claimIds: number[] } | null> {
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const bindings: unknown[] = [];
  const bind = (v: unknown) => {
    bindings.push(v === undefined ? null : v);
    return '?';
  };
  const caseCols = Object.keys(caseRow);
  const parts = [
    `c AS (INSERT INTO "cases" (${caseCols.map(q).join(', ')}) VALUES (${caseCols.map((k) => bind(caseRow[k])).join(', ')}) RETURNING id)`,
  ];
  if (parties.length) {
    const partyCols = Object.keys(partyRow(0, parties[0] as PartyRecord, 1)).filter((k) => k !== 'case_id');
    const rows = parties.map((p, i) => {
      const r = partyRow(0, p, seqs[i] as number) as Record<string, unknown>;
      return `((SELECT id FROM c), ${partyCols.map((k) => bind(r[k])).join(', ')})`;
    });
    parts.push(
      `p AS (INSERT INTO "parties" ("case_id", ${partyCols.map(q).join(', ')}) VALUES ${rows.join(', ')} RETURNING id, side, seq)`,
    );
  }
  const agents = parties.flatMap((p, i) => p.agents.map((a, k) => ({ side: p.side, seq: seqs[i] as number, row: agentRow(0, k + 1, a) })));
  if (agents.length) {
    const agentCols = Object.keys(agents[0]?.row ?? {}).filter((k) => k !== 'party_id');
    const rows = agents.map(
      (a) =>
        `((SELECT id FROM p WHERE side = ${bind(a.side)} AND seq = ${bind(a.seq)}), ${agentCols.map((k) => bind((a.row as Record<string, unknown>)[k])).join(', ')})`,
    );
    parts.push(
      `a AS (INSERT INTO "agents" ("party_id", ${agentCols.map(q).join(', ')}) VALUES ${rows.join(', ')} RETURNING id, party_id, seq)`,
    );
  }
  const answers = [
    '(SELECT id FROM c) AS case_id',
    ...(parties.length ? ['(SELECT json_agg(json_build_array(id, side, seq)) FROM p) AS parties'] : []),
    ...(agents.length ? ['(SELECT json_agg(json_build_array(id, party_id, seq)) FROM a) AS agents'] : []),
  ];
  let main: string;
  if (claimRows.length) {
    const claimCols = Object.keys(claimRows[0] as Record<string, unknown>).filter((k) => k !== 'case_id' && k !== 'party_id');
    const rows = claimRows.map((r, i) => {
      const cl = claims[i];
      // The applicant by position among the applicants (seq on their side), as claimPartyId takes it.
      const owner =
        cl?.applicant === undefined
          ? bind(cl?.partyId ?? null)
          : parties.length && cl.applicant !== null
            ? `(SELECT id FROM p WHERE side = 'applicant' AND seq = ${bind(cl.applicant)})`
            : bind(null);
      return `((SELECT id FROM c), ${owner}, ${claimCols.map((k) => bind(r[k])).join(', ')})`;
    });
    main = `INSERT INTO "claims" ("case_id", "party_id", ${claimCols.map(q).join(', ')}) VALUES ${rows.join(', ')} RETURNING id, seq, ${answers.join(', ')}`;
  } else main = `SELECT NULL AS id, NULL AS seq, ${answers.join(', ')}`;
  if (bindings.length > TREE_MAX_BINDINGS) return null;
  // One text for every registration of the same shape (parties, agents, claims): kept prepared (`planOnce`).
  const result = (await planOnce(trx.raw(`WITH ${parts.join(', ')} ${main}`, bindings as Knex.RawBinding[]))) as {
    // biome-ignore lint/suspicious/noExplicitAny: raw driver rows
    rows: Record<string, any>[];
  };
  const first = result.rows[0];
  if (!first) throw new Error('insertTreePg: no answer');
  const partyBy = new Map<string, number>();
  for (const [pid, side, seq] of (first.parties ?? []) as [number, string, number][]) partyBy.set(`${side}:${seq}`, Number(pid));
  const agentBy = new Map<string, number>();
  for (const [aid, partyId, seq] of (first.agents ?? []) as [number, number, number][]) agentBy.set(`${partyId}:${seq}`, Number(aid));
  const partyIds = parties.map((p, i) => partyBy.get(`${p.side}:${seqs[i]}`) as number);
  const agentIds = parties.flatMap((p, i) => p.agents.map((_, k) => agentBy.get(`${partyIds[i]}:${k + 1}`) as number));
  const claimBy = new Map<number, number>();
  if (claimRows.length) for (const r of result.rows) claimBy.set(Number(r.seq), Number(r.id));
  return { caseId: Number(first.case_id), partyIds, agentIds, claimIds: claimRows.map((_, i) => claimBy.get(i + 1) as number) };
}

export function createCaseStore() {
  const withMajor = (r: CaseRecord): CaseRecord => Object.assign(r, { major: isMajorCollective(r) });
  async function writeParties(trx: Knex, caseId: number, parties: PartyRecord[]): Promise<void> {
    const existing = await trx('parties').where({ case_id: caseId }).select('id');
    const keep = new Set(parties.filter((p) => p.id).map((p) => p.id));
    const gone = existing.map((r) => Number(r.id)).filter((id) => !keep.has(id));
    if (gone.length) {
      await trx('agents').whereIn('party_id', gone).delete();
      await trx('parties').whereIn('id', gone).delete();
    }
    const seqBySide = new Map<string, number>();
    for (const p of parties) {
      const seq = (seqBySide.get(p.side) ?? 0) + 1;
      seqBySide.set(p.side, seq);
      const row = partyRow(caseId, p, seq);
      let partyId = p.id;
      if (partyId) {
        await trx('parties').where({ id: partyId, case_id: caseId }).update(row);
        await trx('agents').where({ party_id: partyId }).delete();
      } else {
        const [ins] = await trx('parties').insert(row).returning('id');
        partyId = Number((ins as { id: number }).id);
        p.id = partyId;
      }
      let aseq = 0;
      for (const a of p.agents) {
        const [ains] = await trx('agents')
          .insert(agentRow(partyId, ++aseq, a))
          .returning('id');
        a.id = Number((ains as { id: number }).id);
      }
    }
  }

  /** The case's applicants' ids in their order (a claim names its applicant by position). */
  async function applicantIds(trx: Knex, caseId: number): Promise<number[]> {
    const rows = await trx('parties').where({ case_id: caseId, side: 'applicant' }).orderBy('seq').select('id');
    return rows.map((r) => Number(r.id));
  }

  async function writeClaims(trx: Knex, caseId: number, claims: ClaimRecord[], applicants: number[]): Promise<void> {
    const existing = await trx('claims').where({ case_id: caseId }).select('id', 'party_id');
    // A kept claim sent without its applicant (neither a position nor null) keeps the one it has, while he is still one.
    const held = new Map(existing.map((r) => [Number(r.id), r.party_id === null ? null : Number(r.party_id)]));
    for (const c of claims)
      if (c.id && c.applicant === undefined && c.partyId === undefined) {
        const was = held.get(c.id) ?? null;
        c.partyId = was !== null && applicants.includes(was) ? was : null;
      }
    const keep = new Set(claims.filter((c) => c.id).map((c) => c.id));
    const gone = existing.map((r) => Number(r.id)).filter((id) => !keep.has(id));
    if (gone.length) await trx('claims').whereIn('id', gone).delete();
    let seq = 0;
    for (const c of claims) {
      const partyId = claimPartyId(c, applicants);
      delete c.applicant;
      if (partyId === null) delete c.partyId;
      else c.partyId = partyId;
      const row = {
        case_id: caseId,
        seq: ++seq,
        category: c.category,
        amount_fen: c.amountFen,
        description: c.description,
        party_id: partyId,
      };
      c.seq = seq;
      if (c.id) {
        await trx('claims').where({ id: c.id, case_id: caseId }).update(row);
      } else {
        const [ins] = await trx('claims').insert(row).returning('id');
        c.id = Number((ins as { id: number }).id);
      }
    }
  }

  async function loadChildren(trx: Knex, caseIds: number[]) {
    const parties = caseIds.length ? await trx('parties').whereIn('case_id', caseIds).orderBy(['case_id', 'side', 'seq']) : [];
    const partyIds = parties.map((p) => p.id);
    const agents = partyIds.length
      ? await trx('agents').whereIn('party_id', partyIds).whereNull('revoked_on').orderBy(['party_id', 'seq'])
      : [];
    const claims = caseIds.length ? await trx('claims').whereIn('case_id', caseIds).orderBy(['case_id', 'seq']) : [];
    const agentsBy = new Map<number, AgentRecord[]>();
    for (const a of agents) {
      const list = agentsBy.get(Number(a.party_id)) ?? [];
      list.push(agentFromRow(a));
      agentsBy.set(Number(a.party_id), list);
    }
    const partiesBy = new Map<number, PartyRecord[]>();
    const order = { applicant: 0, respondent: 1, third_party: 2 } as const;
    for (const p of parties.sort((a, b) => order[a.side as keyof typeof order] - order[b.side as keyof typeof order] || a.seq - b.seq)) {
      const list = partiesBy.get(Number(p.case_id)) ?? [];
      list.push(partyFromRow(p, agentsBy.get(Number(p.id)) ?? []));
      partiesBy.set(Number(p.case_id), list);
    }
    const claimsBy = new Map<number, ClaimRecord[]>();
    for (const c of claims) {
      const list = claimsBy.get(Number(c.case_id)) ?? [];
      list.push(claimFromRow(c));
      claimsBy.set(Number(c.case_id), list);
    }
    return { partiesBy, claimsBy };
  }

  return {
    /**
     * Inserts a new case with its parties, agents and claims (batched: one statement per table) and returns
     * the stored record without reading it back.
     */
    async insert(
      trx: Knex,
      c: CaseColumns & { parties: PartyRecord[]; claims: ClaimRecord[]; createdBy: number; now: string },
    ): Promise<CaseRecord> {
      const { parties, claims, createdBy, now, ...cols } = c;
      // SQLite: the ids are taken from the tables' sequences read before the transaction, and the rows go with the rest
      // of it (db/write-later.ts reserveIds); elsewhere each insert answers its ids.
      const agentCount = parties.reduce((n, p) => n + p.agents.length, 0);
      const last = await reserveIds(trx, {
        cases: 1,
        parties: parties.length,
        claims: claims.length,
        ...(agentCount ? { agents: agentCount } : {}),
      });
      const insertRows = async (table: string, rows: Record<string, unknown>[]): Promise<number[]> => {
        if (!last) return (await insertChunked<{ id: number }>(trx, table, rows, 'id')).map((r) => Number(r.id));
        const first = (last[table] as number) + 1;
        const withIds = rows.map((r, i) => ({ id: first + i, ...r }));
        await insertLater(trx, table, withIds, { personal: true });
        return withIds.map((r) => r.id);
      };
      const caseRow = {
        ...toRow(cols),
        version: 1,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
        search_text: searchText(null, parties),
      };
      const seqBySide = new Map<string, number>();
      const seqs = parties.map((p) => {
        const seq = (seqBySide.get(p.side) ?? 0) + 1;
        seqBySide.set(p.side, seq);
        return seq;
      });
      const claimRow = (cl: ClaimRecord, i: number, caseId: number, partyId: number | null) => ({
        case_id: caseId,
        seq: i + 1,
        category: cl.category,
        amount_fen: cl.amountFen,
        description: cl.description,
        party_id: partyId,
      });
      const tree =
        !last && isPg(trx)
          ? await insertTreePg(
              trx,
              caseRow,
              parties,
              seqs,
              claims.map((cl, i) => claimRow(cl, i, 0, null)),
              claims,
            )
          : null;
      const id = tree ? tree.caseId : ((await insertRows('cases', [caseRow])) as [number])[0];
      const partyIds = tree
        ? tree.partyIds
        : await insertRows(
            'parties',
            parties.map((p, i) => partyRow(id, p, seqs[i] as number)),
          );
      const stored: PartyRecord[] = parties.map((p, i) => ({ ...p, id: partyIds[i] as number, agents: p.agents.map((a) => ({ ...a })) }));
      const agentRows = stored.flatMap((p) => p.agents.map((a, k) => agentRow(p.id as number, k + 1, a)));
      if (agentRows.length) {
        const agentIds = tree ? tree.agentIds : await insertRows('agents', agentRows);
        let k = 0;
        for (const p of stored) for (const a of p.agents) a.id = agentIds[k++] as number;
      }
      const applicants = stored.filter((p) => p.side === 'applicant').map((p) => p.id);
      const claimRows = claims.map((cl, i) => claimRow(cl, i, id, claimPartyId(cl, applicants)));
      const claimIds = tree ? tree.claimIds : claimRows.length ? await insertRows('claims', claimRows) : [];
      const storedClaims: ClaimRecord[] = claims.map(({ applicant: _a, ...cl }, i) => {
        const partyId = claimRows[i]?.party_id ?? null;
        return { ...cl, id: claimIds[i] as number, seq: i + 1, ...(partyId !== null ? { partyId } : {}) };
      });
      // Parties are returned in side order (applicants, respondents, third parties), as `load` returns them.
      const order = { applicant: 0, respondent: 1, third_party: 2 } as const;
      stored.sort((a, b) => order[a.side] - order[b.side]);
      return withMajor({
        id,
        track: (cols.track ?? 'arbitration') as CaseRecord['track'],
        state: cols.state ?? '',
        receivedOn: cols.receivedOn ?? '',
        postmarkOn: cols.postmarkOn ?? null,
        channel: cols.channel ?? '',
        district: cols.district ?? '',
        facts: cols.facts ?? null,
        procedure: (cols.procedure ?? 'ordinary') as CaseRecord['procedure'],
        collective: cols.collective ?? false,
        collectiveGround: cols.collectiveGround ?? null,
        wageArrears: cols.wageArrears ?? false,
        caseNo: null,
        caseYear: null,
        caseSerial: null,
        acceptedOn: null,
        closureMode: null,
        closedOn: null,
        finality: null,
        snapshot: cols.snapshot ?? null,
        machineVersion: cols.machineVersion ?? null,
        limitation: cols.limitation ?? null,
        version: 1,
        linkedCaseId: cols.linkedCaseId ?? null,
        duplicateBars: cols.duplicateBars ?? [],
        majorMarked: cols.majorMarked ?? false,
        createdBy,
        createdAt: now,
        updatedAt: now,
        parties: stored,
        claims: storedClaims,
      });
    },

    /** The case with its children; `forUpdate` locks the case row until commit (PostgreSQL; SQLite has one writer). */
    async load(trx: Knex, id: number, opts: { forUpdate?: boolean } = {}): Promise<CaseRecord | undefined> {
      return (await this.loadAggregate(trx, id, { forUpdate: opts.forUpdate }))?.record;
    },

    /**
     * The case with its children and the `parts` asked for, in one statement (one round trip). `forUpdate` locks the
     * case row first (PostgreSQL: its own statement, so that the read that follows sees everything committed before
     * the lock was granted; SQLite has one writer).
     */
    async loadAggregate(trx: Knex, id: number, parts: AggregateParts & { forUpdate?: boolean } = {}): Promise<CaseAggregate | undefined> {
      if (parts.forUpdate && isPg(trx)) {
        // The row locked by a statement of its own, so that the read below — a statement after the lock is granted, with
        // a snapshot of its own — sees every write that held it. Queued, the lock goes in one message with the read
        // (and the transaction's BEGIN): one round trip (db/knex.ts).
        if (canQueue(trx)) await rawLater(trx, LOCK_CASE_SQL, [id]);
        else if (!(await trx('cases').where({ id }).forNoKeyUpdate().first('id'))) return undefined;
      }
      const row = await aggregateRow(trx, id, parts);
      if (!row) return undefined;
      const aggregate = aggregateFromRow(row, parts);
      withMajor(aggregate.record);
      return aggregate;
    },

    /** Case ids above `afterId`, ascending, at most `limit` (keyset pagination for tasks that visit every case). */
    async idPage(k: Knex, afterId: number, limit: number): Promise<number[]> {
      const rows = await k('cases').where('id', '>', afterId).orderBy('id').limit(limit).select('id');
      return rows.map((r) => Number(r.id));
    },

    /**
     * Locks the case row until the transaction ends (PostgreSQL; SQLite's write transactions are serialized already).
     * A write takes it before anything that references the case (a foreign key takes a share lock on the row, and
     * upgrading that to this lock next to another writer is a deadlock). FOR NO KEY UPDATE, like every case lock here:
     * writers wait for each other, but a row that only references the case — the access-log row a full read writes —
     * takes its KEY SHARE lock without waiting for a write in progress (FOR UPDATE made a clerk's read of a case wait
     * out any write to it, and answer 503 after the lock timeout: reliability tester s41). No write changes a case's id;
     * ACCEPT's UPDATE of the case number (a unique key) takes FOR UPDATE for its last statement, so a read waits for that
     * commit — milliseconds, not a held transaction.
     */
    async lock(trx: Knex, id: number): Promise<void> {
      // Queued in a transaction: it goes before the next statement, in the same message when it can (db/knex.ts).
      if (trx.client.config.client === 'pg') await rawLater(trx, LOCK_CASE_SQL, [id]);
    },

    /**
     * `lock`, answering the case's version as it stands under the lock (undefined: no such case) — for a write prepared
     * outside the transaction from an earlier read, to see whether the case moved in between.
     */
    async lockedVersion(trx: Knex, id: number): Promise<number | undefined> {
      const q = trx('cases').where({ id }).first('version');
      if (trx.client.config.client === 'pg') q.forNoKeyUpdate();
      const r = await q;
      return r ? Number(r.version) : undefined;
    },

    /**
     * Optimistic update: bumps `version` only if it still equals `expectedVersion`; otherwise throws
     * StaleVersionError. On PostgreSQL the row lock taken here also serializes concurrent writers.
     */
    async update(
      trx: Knex,
      id: number,
      expectedVersion: number,
      cols: CaseColumns,
      now: string,
      children?: {
        parties?: PartyRecord[];
        claims?: ClaimRecord[];
        /** The case number and parties the search text is made of, when the caller holds them: set in the same UPDATE. */
        search?: { caseNo: string | null; parties: PartyRecord[] };
        /** What a write decided outside the transaction was decided from, checked in the same UPDATE (`UpdateGuard`). */
        guard?: UpdateGuard;
        /**
         * The caller read `expectedVersion` in this transaction with the case row locked (loadAggregate `forUpdate`; on
         * SQLite inside the writer's transaction): the UPDATE cannot miss, so on SQLite it is queued with the writes that
         * follow. On PostgreSQL it stays bound: the snapshot holds what the parties wrote (a defence summary, agreement
         * terms), and a failing simple query's whole text may reach the server's log — unless every value is
         * `impersonal` (an acceptance, early acts: a snapshot that holds a hearing's place or a reason stays bound):
         * then it is queued too, one round trip fewer.
         */
        locked?: true;
        /**
         * PostgreSQL, locked and queued after `allocateSerialAtCommit`: the case number taken with COMMIT (`caseNo`
         * holds `SERIAL_MARK` where the serial goes), its year and serial, and the search text's number, written in
         * this same UPDATE — one new row version instead of two (`setNumber`). The search text's names are the stored
         * ones (the parties did not change), so no name is written into the statement's text. Only when
         * `queuesImpersonal` says so.
         */
        number?: { caseNo: string; year: number };
      },
    ): Promise<void> {
      const search = children?.search ? { search_text: searchText(children.search.caseNo, children.search.parties) } : {};
      const set = { ...toRow(cols), ...search, version: expectedVersion + 1, updated_at: now };
      const g = children?.guard;
      const where = { id, version: expectedVersion };
      if (children?.number) {
        const { caseNo, year } = children.number;
        if (!children.locked || !queuesImpersonal(trx, cols) || children.search || !Number.isSafeInteger(year))
          throw new Error('update: a number taken with COMMIT needs a locked, impersonal, queued update');
        const noLit = pgLiteral(caseNo);
        const { case_no: _no, case_year: _year, case_serial: _serial, ...rest } = set as Record<string, unknown>;
        // The number's literal a parameter of the statement's template (db/write-later.ts `updateForm`), the serial put
        // in where SERIAL_MARK stands.
        const no = (x: string) => (caseNo.includes(SERIAL_MARK) ? `replace(${x}, E'${SERIAL_MARK}', current_setting('zc.serial'))` : x);
        const statement =
          noLit === null
            ? null
            : updateForm(
                'cases',
                { ...rest, case_year: year },
                where,
                [
                  ['case_no', noLit, no],
                  // searchText: the number, then each name after a U+0001 — the names kept as stored.
                  [
                    'search_text',
                    noLit,
                    (x) =>
                      `${no(x)} || CASE WHEN strpos("search_text", chr(1)) > 0 THEN substr("search_text", strpos("search_text", chr(1))) ELSE '' END`,
                  ],
                ],
                [`"case_serial" = current_setting('zc.serial')::integer`],
              );
        if (statement === null) throw new Error('update: a value with no literal');
        await queueStatement(trx, statement);
        return;
      }
      // Guarded (a decision made outside the transaction): on SQLite queued with the rest of the write, its guard
      // failing the transaction when the row moved (db/write-later.ts isStaleWrite); a caller that guards retries on it.
      // Locked (read in this transaction under the row's lock), the UPDATE cannot miss: queued on SQLite, and on
      // PostgreSQL when nothing in it is what a party wrote (its text may reach the server's log).
      const n = g
        ? await updateLaterChangingOne(trx, 'cases', set, where, guardConditions(g))
        : children?.locked && (canQueueGuarded(trx) || (!children.search && queuesImpersonal(trx, cols)))
          ? await updateLater(trx, 'cases', set, where).then(() => 'queued' as const)
          : await trx('cases').where(where).update(set);
      if (n !== 'queued' && n !== 1) {
        const cur = await trx('cases').where({ id }).first('version');
        throw new StaleVersionError(Number(cur?.version ?? 0));
      }
      if (children?.parties) await writeParties(trx, id, children.parties);
      if (children?.claims) {
        const applicants = children.parties
          ? children.parties.filter((p) => p.side === 'applicant').map((p) => p.id as number)
          : await applicantIds(trx, id);
        await writeClaims(trx, id, children.claims, applicants);
      }
      if (!children?.search && (children?.parties || cols.caseNo !== undefined)) {
        const rec = await trx('cases').where({ id }).first('case_no');
        const parties = children?.parties ?? (await loadChildren(trx, [id])).partiesBy.get(id) ?? [];
        await trx('cases')
          .where({ id })
          .update({ search_text: searchText(rec?.case_no ?? null, parties) });
      }
    },

    /**
     * Writes columns derived within the same write (snapshot, case number, links) without a second
     * version bump; the caller has already claimed the row with `update`. With `parties` (the case's, as the caller
     * holds them) a new case number's search text is written in the same statement.
     */
    async setDerived(trx: Knex, id: number, cols: CaseColumns, opts: { parties?: PartyRecord[] } = {}): Promise<void> {
      if (cols.caseNo !== undefined && opts.parties) {
        // The caller holds the parties: the search text in the same statement (queued: nobody reads its answer). It
        // holds the parties' names: `personal`, so bound on PostgreSQL, never in a script's text (reviewer).
        await writeLater(
          trx,
          trx('cases')
            .where({ id })
            .update({ ...toRow(cols), search_text: searchText(cols.caseNo, opts.parties) }),
          { personal: true },
        );
        return;
      }
      await trx('cases').where({ id }).update(toRow(cols));
      if (cols.caseNo !== undefined) {
        const parties = (await loadChildren(trx, [id])).partiesBy.get(id) ?? [];
        await trx('cases')
          .where({ id })
          .update({ search_text: searchText(cols.caseNo, parties) });
      }
    },

    async list(trx: Knex, f: CaseListFilter): Promise<{ items: CaseSummaryRecord[]; total: number }> {
      const col = (c: string) => `cases.${c}`;
      const base = trx('cases').where((qb) => {
        if (f.state) qb.where(col('state'), f.state);
        if (f.track) qb.where(col('track'), f.track);
        if (f.district) qb.where(col('district'), f.district);
        // Only an arbitration has an ordinary or simple procedure (a review, Rules Arts. 74–79, docs50 M2; a mediation,
        // legal56a 5: their views show null).
        if (f.procedure) qb.where(col('procedure'), f.procedure).where(col('track'), 'arbitration');
        if (f.collective !== undefined) qb.where(col('collective'), f.collective);
        if (f.wageArrears !== undefined) qb.where(col('wage_arrears'), f.wageArrears);
        if (f.major !== undefined) qb.whereRaw(f.major ? MAJOR_SQL : `NOT ${MAJOR_SQL}`, MAJOR_BINDINGS);
        if (f.caseIds) qb.whereIn(col('id'), f.caseIds.length ? f.caseIds : [-1]);
        if (f.arbitratorId) qb.whereIn(col('id'), trx('case_arbitrators').select('case_id').where({ user_id: f.arbitratorId }));
        if (f.mediatorId) qb.whereIn(col('id'), trx('case_mediators').select('case_id').where({ user_id: f.mediatorId }));
        if (f.overdue !== undefined) {
          const overdue = trx('case_deadlines').select('case_id').where({ status: 'overdue' });
          if (f.overdue) qb.whereIn(col('id'), overdue);
          else qb.whereNotIn(col('id'), overdue);
        }
        if (f.q) {
          const q = f.q;
          // Same SQL on both dialects: wildcards in the user's text are escaped, '\' declared as the escape.
          const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
          const s = f.searchIn;
          // Who may not search by identity number or phone is not let find one typed into a name either (a party's, an
          // agent's): a text of six digits or more in a row (one separator at most between two) matches nothing for
          // them — a case number holds fewer. Names holding such digits are refused since (app/schemas.ts PersonName).
          if (s && !s.identity && DIGIT_RUN.test(foldDigits(q))) qb.whereRaw('1 = 0');
          else
            qb.where((w) => {
              w.whereRaw(`search_text LIKE ? ESCAPE '\\'`, [like]);
              // docs50 M1: the 不字 / 审字 number of a case without a case number (LDMAL Art. 29; Rules Arts. 74–79), as
              // the list names it — formatted in SQL as formatCaseNo writes it (prefix〔year〕第serial号), so a part of it
              // (不字〔2026〕第3号, 第3号) is found too. Not in search_text: the number is taken after the text is written.
              // Only for the cases that have no case number (the list names the others by it).
              for (const [kind, prefix] of Object.entries(f.documentNoPrefixes ?? {}))
                w.orWhereIn(
                  col('id'),
                  trx('case_document_numbers')
                    .join('cases as numbered', 'numbered.id', 'case_document_numbers.case_id')
                    .select('case_document_numbers.case_id')
                    .where('case_document_numbers.kind', kind)
                    .whereNull('numbered.case_no')
                    .whereRaw(
                      `(CAST(? AS VARCHAR(100)) || '\u3014' || CAST(case_document_numbers.year AS VARCHAR(10)) || '\u3015第' || CAST(case_document_numbers.serial AS VARCHAR(10)) || '号') LIKE ? ESCAPE '\\'`,
                      [prefix, like],
                    ),
                );
              // A whole identity number, exactly (indexed lookups, never a pattern over identity numbers).
              const number = s?.identity || s?.phone ? wholeNumber(q) : null;
              if (s?.identity && number && /^\d{17}[\dX]$/.test(number))
                w.orWhereIn(col('id'), trx('parties').select('case_id').whereIn('id_number', [number, number.toLowerCase()]));
              // sec51 L6: a whole 统一社会信用代码 (GB 32100, valid check character), exactly — as stored, upper case
              // (app/schemas.ts CreditCode); by the parties' credit-code index.
              const code = s?.creditCode ? wholeCreditCode(q) : null;
              if (code) w.orWhereIn(col('id'), trx('parties').select('case_id').where('credit_code', code));
              // A whole phone, exactly: the stored one without its dashes (app/schemas.ts Phone: digits and '-'), never
              // a part of one (`q=1234` of 13812345678 found the case: security finding L2, sec44).
              if (s?.phone && number && /^\d{7,20}$/.test(number)) {
                w.orWhereIn(col('id'), trx('parties').select('case_id').whereRaw(`replace(phone, '-', '') = ?`, [number]));
                w.orWhereIn(
                  col('id'),
                  trx('agents')
                    .join('parties', 'parties.id', 'agents.party_id')
                    .select('parties.case_id')
                    .whereNull('agents.revoked_on')
                    .whereRaw(`replace(agents.phone, '-', '') = ?`, [number]),
                );
              }
              if (s?.agents && !/^\d+$/.test(q))
                w.orWhereIn(
                  col('id'),
                  trx('agents')
                    .join('parties', 'parties.id', 'agents.party_id')
                    .select('parties.case_id')
                    // An agent revoked (REVOKE_AGENT) is no longer shown with the case: nor found by (reviewer s52 L3).
                    .whereNull('agents.revoked_on')
                    .where((a) =>
                      a.whereRaw(`agents.name LIKE ? ESCAPE '\\'`, [like]).orWhereRaw(`agents.unit LIKE ? ESCAPE '\\'`, [like]),
                    ),
                );
            });
        }
      });
      const dir = f.order === 'desc' ? 'desc' : 'asc';
      // Major collective cases first (重大集体劳动人事争议: the emergency mechanism, domain.md §8.2), then wage-arrears and
      // collective cases (priority, Rules Art. 5), then newest (index cases_list_order).
      const byPriority = [
        { column: col('major_marked'), order: 'desc' },
        { column: col('wage_arrears'), order: 'desc' },
        { column: col('collective'), order: 'desc' },
        { column: col('received_on'), order: 'desc' },
        { column: col('id'), order: 'desc' },
      ];
      // The page's rows chosen first (their columns, the order's, and the count), and only then what each row shows
      // besides its columns — the running award clock and the parties' names — for those rows alone: selected in one
      // query, PostgreSQL (and SQLite) computed them for every row the OFFSET skips too (40 rows for page 2, 200 for
      // page 10; EXPLAIN ANALYZE, stop 43).
      const order = (q: Knex.QueryBuilder) => {
        if (f.sort === 'awardDue')
          q.orderByRaw(`CASE WHEN ${AWARD_DUE_SQL} IS NULL THEN 1 ELSE 0 END`).orderByRaw(`${AWARD_DUE_SQL} ${dir}`);
        else if (f.sort === 'receivedOn') q.orderBy(col('received_on'), dir);
        else if (f.sort === 'state') q.orderBy(col('state'), dir);
        else if (f.sort === 'caseNo')
          q.orderByRaw(`CASE WHEN cases.case_no IS NULL THEN 1 ELSE 0 END`).orderBy(col('case_year'), dir).orderBy(col('case_serial'), dir);
        q.orderBy(f.sort ? [{ column: col('id'), order: dir }] : byPriority);
        return q;
      };
      // A page reads only what a summary shows: the case columns, the running award clock and the parties' names — and
      // its count, as a column of the same statement (computed once: the subquery does not depend on the row). One
      // statement whatever the page size; a second, the count alone, only for a page past the last.
      const count = () => base.clone().count<{ n: string | number }[]>({ n: '*' });
      const chosen = order(
        base
          .clone()
          .select([...new Set([...SUMMARY_COLUMNS, 'case_year', 'case_serial'])].map(col))
          .select(count().as('total_n'))
          // LIMIT and OFFSET as numbers in the text (whole numbers, never a user's text): with them bound, PostgreSQL's
          // generic plan of the prepared list assumed a tenth of the table per page, so every request was planned anew
          // for its values (~0.5 ms of a list's ~1 ms in PostgreSQL, issue 15 on PostgreSQL); in the text, one plan serves.
          // Reviewer s56 B L7: only the first pages' offsets go in the text — each text is a prepared statement of its own
          // on PostgreSQL, and a client walking thousands of pages would push the hot ones out of each connection's cache.
          .limit(wholeNumber0(f.pageSize), { skipBinding: true })
          .offset(wholeNumber0((f.page - 1) * f.pageSize), { skipBinding: f.page <= LITERAL_PAGES }),
      );
      const page = order(
        trx.from(chosen.as('cases')).select([
          ...SUMMARY_COLUMNS.map(col),
          col('total_n'),
          trx.raw(`${AWARD_DUE_SQL} AS award_due_on`),
          trx.raw(`${AWARD_DUE_PROVISIONAL_SQL} AS award_due_provisional`),
          trx.raw(`CASE WHEN ${MAJOR_SQL} THEN 1 ELSE 0 END AS major`, MAJOR_BINDINGS),
          // The parties' names folded into the row (db/sql-json.ts): no query per page for them.
          trx.raw(
            `${jsonRows(trx, jsonObject(trx, 'p', ['side', 'name']), 'parties p where p.case_id = cases.id', 'p.side, p.seq')} AS names_json`,
          ),
          // A case without a case number is named by its 不字 / 审字 number (app/cases/document-no.ts): the numbers its
          // acts were given, folded into the row — no statement per page for them.
          trx.raw(
            `CASE WHEN cases.case_no IS NULL THEN ${jsonRows(trx, jsonObject(trx, 'n', ['kind', 'year', 'serial']), `case_document_numbers n where n.case_id = cases.id and n.kind in (${NUMBERED_KINDS.map(() => '?').join(', ')})`, 'n.kind')} END AS numbers_json`,
            [...NUMBERED_KINDS],
          ),
        ]),
      );
      // biome-ignore lint/suspicious/noExplicitAny: rows of a raw select
      const rows: Record<string, any>[] = await page;
      const total = rows.length ? Number(rows[0]?.total_n) : f.page === 1 ? 0 : Number((await count().first())?.n ?? 0);
      return {
        total,
        items: rows.map((r) => ({
          id: Number(r.id),
          track: r.track,
          state: r.state,
          caseNo: r.case_no ?? null,
          receivedOn: r.received_on,
          acceptedOn: r.accepted_on ?? null,
          district: r.district,
          procedure: r.procedure,
          collective: Boolean(r.collective),
          wageArrears: Boolean(r.wage_arrears),
          closureMode: r.closure_mode ?? null,
          closedOn: r.closed_on ?? null,
          version: Number(r.version),
          parties: parseJsonColumn<{ side: PartyRecord['side']; name: string }[]>(r.names_json, []),
          awardDueOn: r.award_due_on ?? null,
          awardDueProvisional: Number(r.award_due_provisional ?? 0) === 1,
          major: Number(r.major ?? 0) === 1,
          documentNumbers: parseJsonColumn<TakenNumber[]>(r.numbers_json, []).map((n) => ({
            kind: n.kind,
            year: Number(n.year),
            serial: Number(n.serial),
          })),
        })),
      };
    },

    /**
     * Round 2: a party added after acceptance (Rules Art. 46(1)) — appended after the others of its side, with its
     * agents; the search text gains its name. Returns the party with its new id.
     */
    async addParty(trx: Knex, caseId: number, p: PartyRecord): Promise<PartyRecord> {
      const last = await trx('parties').where({ case_id: caseId, side: p.side }).max<{ m: number | string | null }[]>({ m: 'seq' }).first();
      const [ins] = await trx('parties')
        .insert(partyRow(caseId, p, Number(last?.m ?? 0) + 1))
        .returning('id');
      const id = Number((ins as { id: number }).id);
      const agents = [];
      let aseq = 0;
      for (const a of p.agents) {
        const [ains] = await trx('agents')
          .insert(agentRow(id, ++aseq, a))
          .returning('id');
        agents.push({ ...a, id: Number((ains as { id: number }).id) });
      }
      const rec = await trx('cases').where({ id: caseId }).first('search_text');
      await trx('cases')
        .where({ id: caseId })
        .update({ search_text: `${rec?.search_text ?? ''}\u0001${searchName(p.name)}` });
      return { ...p, id, agents };
    },

    /**
     * Round 2: claims changed or added after acceptance (Rules Art. 44). Changed rows are updated in place (the
     * procedure record keeps what they were); added ones are appended — also a merged counterclaim's (Rules Art. 36,
     * `counterclaim`). Returns the added claims with ids and seq.
     */
    async changeClaims(
      trx: Knex,
      caseId: number,
      change: { id: number; category: ClaimCategory; amountFen: number | null; description: string }[],
      add: ClaimRecord[],
    ): Promise<ClaimRecord[]> {
      for (const c of change) {
        await trx('claims')
          .where({ id: c.id, case_id: caseId })
          .update({ category: c.category, amount_fen: c.amountFen, description: c.description });
      }
      const last = await trx('claims').where({ case_id: caseId }).max<{ m: number | string | null }[]>({ m: 'seq' }).first();
      let seq = Number(last?.m ?? 0);
      const out: ClaimRecord[] = [];
      const applicants = add.some((c) => c.applicant !== undefined) ? await applicantIds(trx, caseId) : [];
      for (const { applicant, ...c } of add) {
        seq++;
        const partyId = claimPartyId({ ...c, ...(applicant !== undefined ? { applicant } : {}) }, applicants);
        const [ins] = await trx('claims')
          .insert({
            case_id: caseId,
            seq,
            category: c.category,
            amount_fen: c.amountFen,
            description: c.description,
            counterclaim: c.counterclaim === true,
            party_id: partyId,
          })
          .returning('id');
        out.push({ ...c, id: Number((ins as { id: number }).id), seq, ...(partyId !== null ? { partyId } : {}) });
      }
      return out;
    },

    /**
     * Round 2: the candidates of the duplicate-filing check (Rules Arts. 34, 39) — the newest arbitration cases with an
     * applicant of the same identity number (or, where either side has none, the same name), with what the warning
     * reads: state, closure, the parties' identities, the claims' categories. The respondent and the claims are
     * compared by the caller (workflows/duplicates.ts). Indexed lookups: the applicant's parties, then their cases.
     */
    async duplicateCandidates(
      trx: Knex,
      applicants: Pick<PartyRecord, 'name' | 'idNumber'>[],
      limit = 20,
    ): Promise<
      (Pick<CaseRecord, 'id' | 'caseNo' | 'state' | 'closureMode' | 'receivedOn'> & {
        parties: Pick<PartyRecord, 'side' | 'kind' | 'name' | 'idNumber' | 'creditCode'>[];
        claims: { category: string }[];
        /**
         * legal54c M1 (Rules Art. 39): its applicants whose application alone was treated as withdrawn (DEEM_WITHDRAWN
         * `partyId`, in the procedure record's deemedWithdrawals), with the day — read in the same statement, so no
         * candidate is loaded whole for it (issue 15). Absent: none.
         */
        barredApplicants?: (Pick<PartyRecord, 'side' | 'kind' | 'name' | 'idNumber' | 'creditCode'> & { on: string })[];
      })[]
    > {
      const matching = matchingApplicants(trx, applicants);
      // Most applications are a worker's first: a lookup of the applicant in the parties' indexes answers that alone —
      // PostgreSQL plans it in a fifth of the time of the statement below (its plan was ~0.2–0.5 ms a registration,
      // issue 15), which then runs only when that applicant has a case.
      // Planned every time (not `planOnce`): a plan kept from a connection's first registrations, when the parties
      // table was small, read the whole table (a sequential scan) ever after — ~1 ms a registration at 9,000 parties
      // and growing with the table (stop 52).
      // PostgreSQL: the probe answers the applicants' cases themselves (newest first, at most CANDIDATE_PROBE_MAX), and
      // the statement below takes them as one array — one text whatever the applicants, kept prepared (`planOnce`): its
      // plan is a lookup by primary key whatever the ids. Planned every time with the applicants' lookup inside, it
      // took ~0.9 ms of planning for ~0.5 ms of work (pg_stat_statements, perf57). More cases than that (a common name
      // without identity number): the lookup inside, as on SQLite.
      const probed = isPg(trx)
        ? (
            await matching
              .clone()
              .distinct()
              .orderBy('case_id', 'desc')
              .limit(CANDIDATE_PROBE_MAX + 1)
          ).map((r) => Number(r.case_id))
        : null;
      if (probed ? !probed.length : !(await matching.clone().first())) return [];
      const byIds = probed !== null && probed.length <= CANDIDATE_PROBE_MAX;
      // The candidates with their parties and claims folded in (db/sql-json.ts): one statement.
      const candidates = trx('cases')
        .select(
          'id',
          'case_no',
          'state',
          'closure_mode',
          'received_on',
          trx.raw(
            `${jsonRows(trx, jsonObject(trx, 'p', ['id', 'side', 'kind', 'name', 'id_number', 'credit_code']), 'parties p where p.case_id = cases.id', 'p.side, p.seq')} as parties_json`,
          ),
          trx.raw(
            // The application's claims: a merged counterclaim's are the other side's (Rules Art. 36).
            `${jsonRows(trx, jsonObject(trx, 'cl', ['category']), 'claims cl where cl.case_id = cases.id and not cl.counterclaim', 'cl.seq')} as claims_json`,
          ),
          // The procedure record's deemed withdrawals of one party (app/procedure/duplicate-bar.ts barredApplicantsOf
          // reads the same), the array alone.
          trx.raw(
            isPg(trx)
              ? `(snapshot::json #> '{context,deemedWithdrawals}') as deemed_json`
              : `json_extract(snapshot, '$.context.deemedWithdrawals') as deemed_json`,
          ),
        )
        .where('track', 'arbitration');
      if (byIds) candidates.whereRaw('id = any(?::int[])', [probed]);
      else candidates.whereIn('id', matching);
      candidates.orderBy('id', 'desc').limit(limit);
      // PostgreSQL re-planned the kept statement on every registration (custom plans, ~0.4 ms each in pg_stat_statements,
      // perfN59): its generic plan's estimate for `= any($1)` — ten ids — costs more than a plan for the one or two ids a
      // worker's earlier cases are, so the plan cache never settles on it. The generic plan is the same lookups by primary
      // key whatever the ids: kept for this statement alone (the setting is queued with it and put back after it — to the
      // session's value, which nothing else sets). PostgreSQL 12 or later (db/knex.ts assertPostgresSupported).
      const generic = byIds && isPg(trx) && canQueue(trx);
      if (generic) await queueStatement(trx, 'SET LOCAL plan_cache_mode = force_generic_plan');
      const rows = await (byIds ? planOnce(candidates) : candidates);
      if (generic) await queueStatement(trx, 'SET LOCAL plan_cache_mode TO DEFAULT');
      return rows.map((r) => {
        // biome-ignore lint/suspicious/noExplicitAny: JSON rows
        const parties = parseJsonColumn<Record<string, any>[]>(r.parties_json, []).map((p) => ({
          id: Number(p.id),
          side: p.side,
          kind: p.kind,
          name: p.name,
          idNumber: p.id_number ?? null,
          creditCode: p.credit_code ?? null,
        }));
        const deemed = parseJsonColumn<{ partyId?: number; on: string }[] | null>(r.deemed_json, []);
        const barredApplicants = (Array.isArray(deemed) ? deemed : []).flatMap((w) => {
          const p = parties.find((x) => x.id === w.partyId);
          return p ? [{ side: p.side, kind: p.kind, name: p.name, idNumber: p.idNumber, creditCode: p.creditCode, on: w.on }] : [];
        });
        return {
          id: Number(r.id),
          caseNo: r.case_no ?? null,
          state: r.state,
          closureMode: r.closure_mode ?? null,
          receivedOn: r.received_on,
          parties: parties.map(({ id: _id, ...p }) => p),
          claims: parseJsonColumn<{ category: string }[]>(r.claims_json, []).map((c) => ({ category: c.category })),
          ...(barredApplicants.length ? { barredApplicants } : {}),
        };
      });
    },

    /**
     * SQLite, a registration that read its duplicate candidates before its transaction (app/cases/register-case.ts):
     * fails the write at COMMIT (db/write-later.ts `isStaleWrite`) when an arbitration case of the same applicants was
     * registered after `seen` (the newest candidate read, 0 for none) — the registration is then read again and warns
     * of it, as when registrations were written one after the other. Answers whether the check was queued.
     */
    async expectNoNewCandidates(trx: Knex, applicants: Pick<PartyRecord, 'name' | 'idNumber'>[], seen: number): Promise<boolean> {
      const newest = trx('cases').max('id').where('track', 'arbitration').whereIn('id', matchingApplicants(trx, applicants));
      return expectLater(trx, trx.raw('select coalesce(?, 0) = ?', [newest, seen]));
    },

    /**
     * Appends to the history, chained to the case's previous entry (db/history-chain.ts). `1` may be given for a new
     * case (no previous entry), or the head the caller read with the case row locked (no query then). Otherwise, on
     * PostgreSQL, the case row is locked first (a no-op when the write holds it already), so two appends to one case —
     * a document generated next to an event — chain one after the other.
     */
    async appendEvent(trx: Knex, e: EventInsert, known?: 1 | HistoryHead): Promise<{ seq: number }> {
      let seq = 1;
      let prevHash: string | null = null;
      if (known && known !== 1) {
        // The caller read the head inside this transaction with the case row locked (loadAggregate, forUpdate).
        seq = known.seq + 1;
        prevHash = known.hash;
      } else if (known !== 1) {
        await this.lock(trx, e.caseId);
        const last = await trx('case_events').where({ case_id: e.caseId }).orderBy('seq', 'desc').first('seq', 'hash');
        seq = Number(last?.seq ?? 0) + 1;
        prevHash = last?.hash ?? null;
      }
      const row = entryRow(e, seq);
      // Nobody reads the entry's id: the insert goes with the transaction's other queued writes. Its payload and views
      // may hold what the parties gave (`personal`: bound on PostgreSQL) unless every key in them is a plain one.
      const plain = [e.payload ?? {}, e.before ?? null, e.after].every(onlyPlainKeys);
      await insertLater(trx, 'case_events', [{ ...row, prev_hash: prevHash, hash: eventHash(prevHash, row) }], {
        personal: !plain,
      });
      return { seq };
    },

    async events(trx: Knex, caseId: number): Promise<EventRecord[]> {
      const rows = await trx('case_events').where({ case_id: caseId }).orderBy('seq');
      return rows.map(eventFromRow);
    },

    /** What the latest history entry of a case records: the act, who recorded it and when (undefined: none). */
    async latestEntry(trx: Knex, caseId: number): Promise<{ type: string; actorName: string | null; recordedAt: string } | undefined> {
      const r = await trx('case_events').where({ case_id: caseId }).orderBy('seq', 'desc').first('type', 'actor_name', 'recorded_at');
      return r ? { type: r.type, actorName: r.actor_name ?? null, recordedAt: r.recorded_at } : undefined;
    },

    /** The latest history entry of one type, or undefined. */
    async lastEventOfType(trx: Knex, caseId: number, type: string): Promise<EventRecord | undefined> {
      const r = await trx('case_events').where({ case_id: caseId, type }).orderBy('seq', 'desc').first();
      return r ? eventFromRow(r) : undefined;
    },

    /**
     * The day of the first and of the latest procedural act after the registration: bookkeeping entries — documents
     * generated, registration edits — carry the day they were recorded and do not order procedural dates; the
     * registration's own row keeps the receipt date as first registered, while the case row holds the current one (a
     * correction before acceptance moves it), so callers read the receipt from the case.
     */
    async proceduralSpan(trx: Knex, caseId: number): Promise<{ first: string | null; last: string | null }> {
      const q = () =>
        trx('case_events')
          .where({ case_id: caseId })
          .whereNotIn('type', [...BOOKKEEPING_EVENTS, 'REGISTER']);
      const first = await q().orderBy('seq', 'asc').first('occurred_on');
      const last = await q().orderBy('seq', 'desc').first('occurred_on');
      return { first: first?.occurred_on ?? null, last: last?.occurred_on ?? null };
    },

    /**
     * Next serial of the year, inside the caller's transaction: the counter row is locked until
     * commit (PostgreSQL) or the whole database is (SQLite's single writer), and a rollback returns
     * the number, so serials are never duplicated or skipped.
     */
    async allocateSerial(trx: Knex, year: number): Promise<number> {
      const rows = await trx.raw(
        `INSERT INTO case_number_counters (year, last_serial) VALUES (?, 1)
         ON CONFLICT (year) DO UPDATE SET last_serial = case_number_counters.last_serial + 1
         RETURNING last_serial`,
        [year],
      );
      const list = Array.isArray(rows) ? rows : rows.rows;
      const serial = Number(list[0].last_serial);
      await noteOnCommit(trx, serialHintKey(year), serial);
      return serial;
    },

    /**
     * SQLite, a write decided outside the writer's transaction (app/procedure/apply-event.ts): the next serial of the
     * year, read on the process's one writer connection before its queued BEGIN — every earlier write of this process
     * has committed, and no later one can start — and taken with the rest of the write, queued (db/write-later.ts).
     * The counter moves only from the serial read: when another process took it meanwhile, the guard fails the write,
     * which is decided again. One trip instead of BEGIN and an upsert answering the serial. Answers null when the
     * write cannot be queued (the caller then takes `allocateSerial`).
     *
     * The serial this connection's last committed acceptance of the year took is kept as a hint
     * (db/write-later.ts `committedHint`); with it there is no read at all — the guard checks it as it checks a read,
     * and a write that finds it stale (another process accepted meanwhile) is decided again after reading.
     */
    async reserveSerial(trx: Knex, year: number): Promise<number | null> {
      if (!canQueueGuarded(trx)) return null;
      const key = serialHintKey(year);
      const last =
        (await committedHint(trx, key)) ??
        Number((await trx('case_number_counters').where({ year }).first('last_serial').options({ beforeBegin: true }))?.last_serial ?? 0);
      const serial = last + 1;
      await noteOnCommit(trx, key, serial);
      const taken = await writeLaterChangingOne(
        trx,
        trx.raw(
          `INSERT INTO case_number_counters (year, last_serial) VALUES (?, ?)
           ON CONFLICT (year) DO UPDATE SET last_serial = excluded.last_serial WHERE case_number_counters.last_serial = ?`,
          [year, serial, serial - 1],
        ),
      );
      if (taken !== 'queued' && taken !== 1) throw new Error('zc_stale_write: the serial was taken by another process');
      return serial;
    },

    /**
     * PostgreSQL, an acceptance written in one unit of work of its own: the year's next serial taken in the
     * transaction's last message, with COMMIT, instead of on a round trip of its own. Taken on a trip, the counter row
     * stayed locked until COMMIT while this process built and sent the rest of the write — under load, the time other
     * requests kept the event loop busy — and every acceptance of the year, in every process, waited behind it (issue
     * 15: 39 ms of waiting per ACCEPT at 20 clients). Taken with COMMIT, it is locked while PostgreSQL runs the last
     * statements of that message. The serial is kept in the transaction's setting `zc.serial` for the statements
     * queued after it (`appendEventNumbered`, `setNumber`: the number written where `SERIAL_MARK` stands) and reaches
     * `onSerial` when the queue has been sent. Answers false where writes are not queued (the caller takes
     * `allocateSerial`). Serials stay never duplicated or skipped: the upsert is the same, inside the same transaction.
     */
    async allocateSerialAtCommit(trx: Knex, year: number, onSerial: (serial: number) => void): Promise<boolean> {
      if (!Number.isSafeInteger(year)) throw new Error(`year ${year} is not an integer`);
      // With its template: the connection keeps it prepared (db/knex.ts scriptText), not planned on every acceptance.
      const upsert = (y: string) =>
        `WITH s AS (INSERT INTO case_number_counters (year, last_serial) VALUES (${y}, 1)
         ON CONFLICT (year) DO UPDATE SET last_serial = case_number_counters.last_serial + 1
         RETURNING last_serial) SELECT set_config('zc.serial', last_serial::text, true) AS zc_serial FROM s`;
      return queueAnswering(trx, new QueuedStatement(upsert(String(year)), upsert('$1'), [String(year)]), 'zc_serial', (v) =>
        onSerial(Number(v)),
      );
    },

    /**
     * `appendEvent` of an entry whose text holds the case number still to be taken (`allocateSerialAtCommit`, queued
     * before it): every `SERIAL_MARK` in its values becomes the serial, and the hash is computed by PostgreSQL over the
     * same text `eventHash` reads (db/history-chain.ts `eventHashInput`, UTF-8) — the stored row and its hash are what
     * `appendEvent` would have written with the number known. Queued with its literals, so only for an entry whose
     * every key is a plain one (`onlyPlainKeys`): the caller checks, and takes the number first otherwise.
     */
    async appendEventNumbered(trx: Knex, e: EventInsert, known: HistoryHead): Promise<{ seq: number }> {
      if (![e.payload ?? {}, e.before ?? null, e.after].every(onlyPlainKeys)) throw new Error('appendEventNumbered: not a plain entry');
      const seq = known.seq + 1;
      const prevHash = known.hash;
      const row: Record<string, unknown> = { ...entryRow(e, seq), prev_hash: prevHash };
      // Each value a parameter of the statement's template (db/write-later.ts `QueuedStatement`), a value holding
      // SERIAL_MARK inside the expression that puts the serial in.
      const f = new FormBuilder().sql(
        `INSERT INTO "case_events" (${[...Object.keys(row), 'hash'].map((c) => `"${c}"`).join(', ')}) VALUES (`,
      );
      const param = (v: unknown, around: (x: string) => string = (x) => x) => {
        const lit = pgLiteral(v);
        if (lit === null) throw new Error('numbered: a value with no literal');
        f.param(lit, (x) =>
          around(typeof v === 'string' && v.includes(SERIAL_MARK) ? `replace(${x}, E'${SERIAL_MARK}', current_setting('zc.serial'))` : x),
        );
      };
      for (const v of Object.values(row)) {
        param(v);
        f.sql(', ');
      }
      param(eventHashInput(prevHash, row), (x) => `encode(sha256(convert_to(${x}, 'UTF8')), 'hex')`);
      await queueStatement(trx, f.sql(')').done());
      return { seq };
    },

    /**
     * The case number, year and serial of a case whose serial is taken with COMMIT (`allocateSerialAtCommit`, queued
     * before it): `caseNo` holds `SERIAL_MARK` where the serial goes, and so does the search text the caller's UPDATE
     * wrote (`update` with `search.caseNo` the marked number) — replaced here in place, so that no party's name is
     * written into this statement's text (PostgreSQL logs a failing simple query whole).
     */
    async setNumber(trx: Knex, id: number, caseNo: string, year: number): Promise<void> {
      if (!Number.isSafeInteger(id) || !Number.isSafeInteger(year)) throw new Error('setNumber: id and year are integers');
      await queueStatement(
        trx,
        `UPDATE "cases" SET "case_no" = ${numbered(caseNo)}, "case_year" = ${year}, "case_serial" = current_setting('zc.serial')::integer, "search_text" = replace("search_text", E'${SERIAL_MARK}', current_setting('zc.serial')) WHERE "id" = ${id}`,
      );
    },
  };
}
export type CaseStore = ReturnType<typeof createCaseStore>;

/** The stored columns of a history entry (its chain columns aside): the text `eventHash` reads. */
function entryRow(e: EventInsert, seq: number) {
  return {
    case_id: e.caseId,
    seq,
    type: e.type,
    occurred_on: e.occurredOn,
    recorded_at: e.recordedAt,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    actor_name: e.actorName,
    payload: JSON.stringify(e.payload ?? {}),
    state_before: e.stateBefore,
    state_after: e.stateAfter,
    before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
    after: JSON.stringify(e.after),
  };
}

/**
 * Whether a value holds nothing a party wrote and no number of a person: null, numbers, booleans, and strings that are
 * codes (lowercase ASCII words joined by `_`: `accepted`, `public_notice`) or ISO dates and times — also nested in
 * arrays and in objects whose keys are ASCII identifiers. A statement of such values may go to PostgreSQL with its
 * literals: the whole text of a simple query that fails reaches the server's log. Anything else stays bound: a name (in
 * any script, pinyin with a capital too), a summary, agreement terms, an address, a district's Chinese name, a number
 * however grouped (`138-1234-5678` is no code and no date) — and any text under a key that names what people write
 * (`writtenByPeople`), however plain it looks (a one-word reason in lowercase pinyin).
 */
export function impersonal(v: unknown): boolean {
  if (v === null || v === undefined || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.length <= 40 && (CODE.test(v) || ISO_DATE_TIME.test(v));
  if (Array.isArray(v)) return v.every(impersonal);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if (!KEY.test(k) || !impersonal(x) || (writtenByPeople(k) && holdsText(x))) return false;
    }
    return true;
  }
  return false;
}
const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z)?$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const holdsText = (x: unknown): boolean =>
  typeof x === 'string'
    ? x !== ''
    : Array.isArray(x)
      ? x.some(holdsText)
      : x !== null && typeof x === 'object' && Object.values(x).some(holdsText);
/**
 * Keys whose text someone wrote (the statechart's reasons, summaries, terms, places, courts, grounds…): never taken as
 * impersonal, however plain the text looks.
 */
const WRITTEN_BY_PEOPLE = new Set(
  'reason summary description terms place court items text note notes remark remarks content address phone name basis facts finding grounds organization commission'.split(
    ' ',
  ),
);
/** A key naming what people write: one of its words (camelCase or snake_case) is one of `WRITTEN_BY_PEOPLE`. */
const writtenByPeople = (key: string) => key.split(/(?=[A-Z])|_/).some((w) => WRITTEN_BY_PEOPLE.has(w.toLowerCase()));

/** Whether an `update` of these columns, locked, is queued with its literals on `trx` (PostgreSQL): `impersonal`. */
export function queuesImpersonal(trx: Knex, cols: CaseColumns): boolean {
  return canQueue(trx) && !canQueueGuarded(trx) && impersonal(cols);
}

/**
 * Where an ACCEPT's serial goes in text written before the serial is known (`allocateSerialAtCommit`): a character of
 * Unicode's private use area, which JSON leaves as it is. A write whose text already holds it takes the number first.
 */
export const SERIAL_MARK = '\uE000';

/** A PostgreSQL literal of a value, with the serial of `allocateSerialAtCommit` written where `SERIAL_MARK` stands. */
function numbered(v: unknown): string {
  const lit = pgLiteral(v);
  if (lit === null) throw new Error('numbered: a value with no literal');
  return typeof v === 'string' && v.includes(SERIAL_MARK) ? `replace(${lit}, E'${SERIAL_MARK}', current_setting('zc.serial'))` : lit;
}

/**
 * What a decision made outside its transaction was read from, as conditions of its UPDATE: entries that do not move
 * the version (a document generated), a statistics row or deadlines the sweep replaced, reference data loaded (a
 * calendar year, a minimum wage) each make the decision stale like a new version does.
 */
function guardConditions(g: UpdateGuard): string[] {
  const n = (v: number | null) => {
    const x = Number(v ?? 0);
    if (!Number.isSafeInteger(x)) throw new Error(`guard value ${v} is not an integer`);
    return x < 0 ? `(${x})` : String(x);
  };
  return [
    `(select coalesce(max(e.seq), 0) from case_events e where e.case_id = cases.id) = ${n(g.historySeq)}`,
    `coalesce((select max(s.id) from case_stat_rows s where s.case_id = cases.id and s.recorded_to is null), 0) = ${n(g.statRowId)}`,
    `coalesce((select max(d.id) from case_deadlines d where d.case_id = cases.id), 0) = ${n(g.deadlinesMaxId)}`,
    `(select coalesce(sum(r.version), 0) from reference_versions r) = ${n(g.referenceVersions)}`,
  ];
}

/** The hint key of a year's case-number counter (db/write-later.ts `committedHint`). */
const serialHintKey = (year: number) => `case_number_counters:${year}`;

/** A LIMIT or OFFSET written into a statement's text: a whole number ≥ 0 whatever it was given. */
const wholeNumber0 = (n: number): number => Math.max(0, Math.floor(Number(n) || 0));
