import type { UserRow } from '../db/stores/users.ts';
import type { DocumentKind } from '../templates/kinds.ts';
import { eventLabel } from '../workflows/labels.ts';
import type { EventType } from '../workflows/procedure-types.ts';
import { ROLES, type Role } from '../workflows/reference.ts';
import { EVENT_ROLES } from '../workflows/roles.ts';
import { forbidden } from './errors.ts';
import { own } from './own.ts';

/**
 * Who may do and see what — the one place that decides it. Every use case asks here; routes, next-events,
 * document generation and the web interface (through next-events) follow the same answers.
 * Roles, scope and read levels after api.md "Users and roles", "Scope (v1.1)" and "Reading (v1.1)".
 *
 * Each question has a `…Refusal` form (the reason as text, or null when allowed) and an `assert…` form (403).
 * Questions about one case come in two halves: the role's half (`…RoleRefusal`, `assertRoleMay…`), asked before the
 * case is loaded — a role that may never do it is a 403 whether the id names a case or not (api.md order: 403 before
 * 404) — and the whole question, asked with the loaded case's scope. The role's half refuses only what the whole
 * question refuses on every case.
 * `OPERATION_ACCESS` names the question each HTTP operation asks; the authorization matrix test
 * (tests/api/authorization-matrix.test.ts) drives every operation of /openapi.json with every role against it.
 */
export type Actor = Pick<UserRow, 'id' | 'role' | 'displayName'>;

/** What scope rules need to know of a case. */
export interface CaseScope {
  track: 'arbitration' | 'mediation';
  /** Members of the tribunal, or null before FORM_TRIBUNAL. */
  tribunalIds: readonly number[] | null;
  /** Mediators assigned to the case (ASSIGN_MEDIATOR). */
  mediatorIds: readonly number[];
  /** The user who registered the case (a mediator registering a pre-arbitration mediation has it in scope). */
  registeredBy: number | null;
}

const roleName = (r: Role) => ROLES[r] ?? r;
const roleList = (rs: readonly Role[]) => rs.map(roleName).join('、');
const refuse = (reason: string | null) => {
  if (reason) throw forbidden(reason);
};

/** 403 unless the actor has one of the roles. */
export function roleRefusal(actor: Actor, roles: readonly Role[], what: string): string | null {
  return roles.includes(actor.role) ? null : `${roleName(actor.role)}不能${what}（需要：${roleList(roles)}）`;
}
export function assertRole(actor: Actor, roles: readonly Role[], what: string): void {
  refuse(roleRefusal(actor, roles, what));
}

/** Role gates of the areas that are not about one case. */
export const AREA_ROLES = {
  /** Statistics and reports: bureau analysts, the chair and admins; read-only. */
  stats: ['analyst', 'chair', 'admin'],
  users: ['admin'],
  referenceData: ['admin'],
  calendar: ['admin'],
  /**
   * Marking a collective case major (重大集体劳动人事争议; domain.md §8.2): the chair, who heads the commission's
   * emergency handling — a registration field set through PATCH /api/cases/:id, alone (`markMajorRefusal`).
   */
  majorCollective: ['chair'],
  /**
   * fixC56 (legal56b M2): correcting the date of an act that moves a clock after acceptance (补正, a decision of the
   * chair): POST /api/cases/:id/date-corrections (`dateCorrectionRefusal`).
   */
  dateCorrection: ['chair'],
  /** The chair's board of award clocks against the closure target (issue 16). */
  board: ['chair', 'admin'],
  /** Changes to users and reference data (the audit log of writes that are not about one case). */
  auditLog: ['admin', 'chair'],
  /**
   * Award-clock alerts recorded by the daily sweep (the header's 审限提醒): those who answer for the clock — the
   * tribunal (its own cases), the clerk and the chair (all) — and the admin.
   */
  alerts: ['arbitrator', 'clerk', 'chair', 'admin'],
  /** Each arbitrator's load, shown where cases are assigned (tribunal composition). */
  workload: ['chair', 'admin', 'clerk', 'arbitrator'],
  /** Who read which full case or document (api.md "Reading (v1.1)"). */
  accessLog: ['admin', 'chair'],
  /** Which process answers, every process's heartbeat, the last daily sweep and the history chain's state. */
  service: ['admin'],
  /**
   * Labor-law calculators (issue 17): the staff who draft awards, mediation terms and intake advice. A calculation reads
   * only reference tables and what the caller types — no case data — but it is work tooling, not a public service.
   */
  calculators: ['arbitrator', 'mediator', 'chair', 'clerk'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Whether the case is the actor's own (api.md "Scope (v1.1)"): admin, clerk and chair work commission-wide; an
 * arbitrator only on its tribunal's cases (none before FORM_TRIBUNAL); a mediator only on cases assigned to it, or a
 * pre-arbitration mediation it registered; an analyst on none.
 */
export function inScope(actor: Actor, scope: CaseScope): boolean {
  switch (actor.role) {
    case 'admin':
    case 'clerk':
    case 'chair':
      return true;
    case 'arbitrator':
      return scope.tribunalIds?.includes(actor.id) ?? false;
    case 'mediator':
      return scope.mediatorIds.includes(actor.id) || (scope.track === 'mediation' && scope.registeredBy === actor.id);
    default:
      return false;
  }
}

function scopeRefusal(actor: Actor, scope: CaseScope): string | null {
  if (inScope(actor, scope)) return null;
  if (actor.role === 'arbitrator') {
    return scope.tribunalIds ? '仲裁员只能办理本人所在仲裁庭的案件' : '本案尚未组成仲裁庭：仲裁员只能查看，不能办理';
  }
  if (actor.role === 'mediator') return '调解员只能办理指派给本人的案件（或本人登记的案前调解）';
  return `${roleName(actor.role)}不能办理案件`;
}

/**
 * Why the actor may not send the event on this case, or null: the role (EVENT_ROLES), then the finer rules of
 * ASSIGN_MEDIATOR, then scope. The whole check runs before the version check (403 before 412).
 */
export function eventRefusal(actor: Actor, type: EventType, scope: CaseScope): string | null {
  const byRole = eventRoleRefusal(actor, type);
  if (byRole) return byRole;
  return caseRoleRefusal(actor.role, type, scope) ?? voidRefusal(actor, type, scope) ?? scopeRefusal(actor, scope);
}
/**
 * void44: a registration made by mistake is voided by the clerk who registered it (who knows it is a second copy) or by
 * the chair — not by any other clerk.
 */
function voidRefusal(actor: Actor, type: EventType, scope: CaseScope): string | null {
  if (type !== 'VOID_REGISTRATION' || actor.role !== 'clerk' || scope.registeredBy === actor.id) return null;
  return '只有登记本案的书记员或仲裁委员会主任可以作废登记';
}
/** The finer rules of ASSIGN_MEDIATOR by role, on the case's track and tribunal. */
function caseRoleRefusal(role: Role, type: EventType, scope: Pick<CaseScope, 'track' | 'tribunalIds'>): string | null {
  if (type !== 'ASSIGN_MEDIATOR' || scope.track !== 'arbitration') return null;
  // LDMAL Art. 42: once a tribunal exists, mediation in the case is under it.
  if (role === 'chair' && scope.tribunalIds) return '仲裁庭已组成：由仲裁庭指派调解员';
  if (role === 'clerk') return '书记员只能为案前调解指派调解员';
  return null;
}
/**
 * The roles that may send `type` on this case (the role list, less the roles the case's track and tribunal rule out):
 * what next-events says of an act the caller may not send — "由其他人员办理" named the clerk for ASSIGN_MEDIATOR in
 * an arbitration case, where the clerk has no such act (new user's walk).
 */
export function caseEventRoles(type: EventType, scope: Pick<CaseScope, 'track' | 'tribunalIds'>): Role[] {
  return EVENT_ROLES[type].filter((r) => caseRoleRefusal(r, type, scope) === null);
}
export function assertMaySendEvent(actor: Actor, type: EventType, scope: CaseScope): void {
  refuse(eventRefusal(actor, type, scope));
}
/** The role's half of `eventRefusal` (EVENT_ROLES), before the case is loaded. */
export function eventRoleRefusal(actor: Actor, type: EventType): string | null {
  const roles = EVENT_ROLES[type];
  return roles.includes(actor.role) ? null : `${roleName(actor.role)}不能进行“${eventLabel(type)}”（需要：${roleList(roles)}）`;
}
export function assertRoleMaySendEvent(actor: Actor, type: EventType): void {
  refuse(eventRoleRefusal(actor, type));
}

/** The events of `types` this actor could send on this case (for next-events). */
export function eventsForActor(actor: Actor, scope: CaseScope, types: readonly EventType[]): EventType[] {
  return types.filter((t) => eventRefusal(actor, t, scope) === null);
}

/** Registering an application (clerk) or a pre-arbitration mediation (clerk or mediator). */
export function registerRefusal(actor: Actor, track: 'arbitration' | 'mediation'): string | null {
  return track === 'mediation' ? roleRefusal(actor, ['clerk', 'mediator'], '登记调解申请') : roleRefusal(actor, ['clerk'], '登记仲裁申请');
}
export function assertMayRegister(actor: Actor, track: 'arbitration' | 'mediation'): void {
  refuse(registerRefusal(actor, track));
}

/** Marking (or unmarking) a collective case major (重大集体劳动人事争议): AREA_ROLES.majorCollective. */
export function markMajorRefusal(actor: Actor): string | null {
  return roleRefusal(actor, AREA_ROLES.majorCollective, '标记重大集体劳动人事争议');
}
export function assertMayMarkMajor(actor: Actor): void {
  refuse(markMajorRefusal(actor));
}

/** fixC56: correcting a procedural date after acceptance (补正): AREA_ROLES.dateCorrection. */
export function dateCorrectionRefusal(actor: Actor): string | null {
  return roleRefusal(actor, AREA_ROLES.dateCorrection, '更正程序事项的日期（补正须经仲裁委员会主任决定）');
}
export function assertMayCorrectDate(actor: Actor): void {
  refuse(dateCorrectionRefusal(actor));
}

/** Editing a registration before acceptance: the clerk; a mediator only on a pre-arbitration mediation in its scope. */
export function editRegistrationRefusal(actor: Actor, scope: CaseScope): string | null {
  const byRole = editRegistrationRoleRefusal(actor);
  if (byRole) return byRole;
  if (actor.role === 'mediator' && scope.track !== 'mediation') return roleRefusal(actor, ['clerk'], '修改仲裁申请的登记信息');
  return scopeRefusal(actor, scope);
}
export function assertMayEditRegistration(actor: Actor, scope: CaseScope): void {
  refuse(editRegistrationRefusal(actor, scope));
}
export function editRegistrationRoleRefusal(actor: Actor): string | null {
  return roleRefusal(actor, ['clerk', 'mediator'], '修改登记信息');
}
export function assertRoleMayEditRegistration(actor: Actor): void {
  refuse(editRegistrationRoleRefusal(actor));
}

/** Who may generate each kind of document (arbitrators and mediators only on cases in their scope). */
export const DOCUMENT_ROLES: Record<DocumentKind, readonly Role[]> = {
  acceptance_notice: ['clerk'],
  rejection_notice: ['clerk'],
  respond_notice: ['clerk'],
  hearing_notice: ['clerk', 'arbitrator'],
  tribunal_notice: ['clerk', 'chair'],
  conversion_notice: ['clerk', 'arbitrator'],
  award: ['arbitrator'],
  partial_award: ['arbitrator'],
  mediation_document: ['arbitrator', 'mediator'],
  mediation_agreement: ['mediator'],
  advance_execution_ruling: ['arbitrator'],
  court_transfer_letter: ['clerk'],
  decision: ['chair', 'arbitrator'],
  // The clerk serves documents (送达); the receipt goes with each.
  service_receipt: ['clerk'],
  // The notice that a suspended case resumes (RESUME, the chair's act): made by the clerk, the chair or the arbitrator.
  resume_notice: ['clerk', 'chair', 'arbitrator'],
  // s62 A #1: the notice to a party added (ADD_PARTY, the tribunal's decision), served by the clerk (Rules Art. 46(1)).
  addition_notice: ['clerk', 'arbitrator'],
};

/**
 * Documents of an act the tribunal has already made, which these roles print — not write: the clerk serves the
 * 仲裁裁决书 (LDMAL Art. 47 ff.; Rules Art. 20: 送达 is the clerk's), a partial award (LDMAL Art. 43(2)) and a 先予执行
 * ruling (LDMAL Art. 44; it goes to the court with its proof of service). Their text is fixed by the arbitrator's act
 * (ISSUE_AWARD / PARTIAL_AWARD / ADVANCE_EXECUTION and the text the arbitrator printed with it): the clerk prints the
 * issued copy of an act already made — no draft, no text of his own, nothing before the act (`DocumentAct`).
 */
export const ISSUED_DOCUMENT_ROLES: Partial<Record<DocumentKind, readonly Role[]>> = {
  award: ['clerk'],
  partial_award: ['clerk'],
  advance_execution_ruling: ['clerk'],
  // fixM58 #5: so is a 决定书 — the commission's or the chair's decision (SUSPEND, TERMINATE, TRANSFER_CASE…), the
  // tribunal's 准许撤回 or 补正 — which the clerk serves (SERVE `decision`, its 送达回证) as he serves an award: he prints
  // the decision of an act recorded (before it the document is 409 for anyone), no draft, no 补正 text of his own.
  decision: ['clerk'],
};
/**
 * Kinds whose document exists only of an act recorded — the document itself answers 409 before it (a 决定书 names the
 * act it decides: `matter`) — so printing it asks no more whether the act is made.
 */
const PRINTED_OF_RECORDED_ACT: ReadonlySet<string> = new Set<DocumentKind>(['decision']);

/** What a document request is of, where `ISSUED_DOCUMENT_ROLES` depend on it. */
export interface DocumentAct {
  /** The act the document prints is made (the award issued, the partial award or ruling the request names). */
  issued: boolean;
  /** A draft (草稿). */
  draft: boolean;
  /**
   * The request carries the act's text (facts, reasoning, defense summaries, legal basis; a 补正决定书's body and date):
   * the arbitrator's to write.
   */
  writes: boolean;
}
const NO_ACT: DocumentAct = { issued: false, draft: false, writes: false };

/** The roles that may generate `kind` on some case: its authors, and those who print it once made. */
export const documentRoles = (kind: string): readonly Role[] => [
  ...(own(DOCUMENT_ROLES, kind) ?? []),
  ...(own(ISSUED_DOCUMENT_ROLES, kind) ?? []),
];

export function generateDocumentRefusal(
  actor: Actor,
  kind: string,
  label: string,
  scope: CaseScope,
  act: DocumentAct = NO_ACT,
): string | null {
  const byRole = generateDocumentRoleRefusal(actor, kind, label);
  if (byRole) return byRole;
  if (!(own(DOCUMENT_ROLES, kind) ?? []).includes(actor.role)) {
    const who = roleName(actor.role);
    const authors = roleList(own(DOCUMENT_ROLES, kind) ?? []);
    if (!act.issued && !PRINTED_OF_RECORDED_ACT.has(kind)) return `${label}尚未作出：由${authors}作出后，${who}方可打印送达`;
    if (act.draft) return `${who}只能打印已作出的${label}的正式文本，草稿由${authors}生成`;
    if (act.writes) return `${label}的事实、理由和依据由${authors}撰写：${who}只能按已作出的文本打印`;
  }
  return scopeRefusal(actor, scope);
}
export function assertMayGenerateDocument(actor: Actor, kind: string, label: string, scope: CaseScope, act?: DocumentAct): void {
  refuse(generateDocumentRefusal(actor, kind, label, scope, act));
}
export function generateDocumentRoleRefusal(actor: Actor, kind: string, label: string): string | null {
  return roleRefusal(actor, documentRoles(kind), `生成${label}`);
}
export function assertRoleMayGenerateDocument(actor: Actor, kind: string, label: string): void {
  refuse(generateDocumentRoleRefusal(actor, kind, label));
}

/**
 * How much of a case the actor reads (api.md "Reading (v1.1)"):
 * `full` — identity numbers, phones, addresses: admin, clerk, chair, and arbitrators and mediators on their own cases;
 * `masked` — identity numbers masked, phones, addresses and birth dates omitted: arbitrators and mediators elsewhere;
 * `summary` — case number, state, dates, district, procedure, arbitrators, party names: analysts.
 * Lists and history never show a full identity number, whatever the level.
 */
export type ReadLevel = 'full' | 'masked' | 'summary';
export function readLevel(actor: Actor, scope: CaseScope): ReadLevel {
  if (actor.role === 'analyst') return 'summary';
  if (actor.role === 'arbitrator' || actor.role === 'mediator') return inScope(actor, scope) ? 'full' : 'masked';
  return 'full';
}

/**
 * The party fields a summary reader (an analyst) is shown besides id, side, kind and name: statistics fields, not
 * personal ones — an employer's 用人单位类型 is what the statistics by employer type count (ui44 M3), so a summary that
 * left it out read as 未登记.
 */
export const SUMMARY_PARTY_FIELDS = ['ownership'] as const;

const LEVEL_RANK: Record<ReadLevel, number> = { summary: 0, masked: 1, full: 2 };
/**
 * Whether a reader at this level is told which other cases a registration warned of as the same dispute (the REGISTER
 * entry's `duplicates`): only one who reads the case in full — the warning says that parties who may be named
 * differently share an identity number, which a masked reader is not shown.
 */
export function readsDuplicateFilings(level: ReadLevel): boolean {
  return level === 'full';
}
/**
 * A write's stored answer (a retry with the same Idempotency-Key) shows the case as its writer read it then. One who has
 * since lost that level — an arbitrator recused, a mediator replaced — is not shown it again: the write stands, the
 * answer is refused.
 */
export function replayRefusal(actor: Actor, scope: CaseScope, shownLevel: ReadLevel): string | null {
  return LEVEL_RANK[readLevel(actor, scope)] < LEVEL_RANK[shownLevel]
    ? '该请求此前已执行（同一 Idempotency-Key 的重试），但你现在已不能按当时的范围查看本案，不再返回当时的结果；请重新打开案件'
    : null;
}
export function assertMayReplay(actor: Actor, scope: CaseScope, shownLevel: ReadLevel): void {
  refuse(replayRefusal(actor, scope, shownLevel));
}

/**
 * What a case search (`q`) may match besides case numbers and party names (issue 16): identity numbers and phones
 * only for the roles that read every case in full (admin, clerk, chair) — anyone else could otherwise learn whose
 * number it is; agents' names and firms for everyone who reads more than summaries. Lists show names only.
 */
export function caseSearchScope(actor: Actor): { identity: boolean; phone: boolean; agents: boolean; creditCode: boolean } {
  const full = actor.role === 'admin' || actor.role === 'clerk' || actor.role === 'chair';
  // A whole credit code (sec51 L6): not personal, but found, as a whole identity number is, by full readers only.
  return { identity: full, phone: full, agents: actor.role !== 'analyst', creditCode: full };
}
/** The list of a case's documents (titles, hashes): everyone who reads more than a summary. */
export function documentListRefusal(actor: Actor, scope: CaseScope): string | null {
  return readLevel(actor, scope) === 'summary' ? '统计分析人员只能查看案件摘要，不能查看文书' : null;
}
export function assertMayListDocuments(actor: Actor, scope: CaseScope): void {
  refuse(documentListRefusal(actor, scope));
}
/** The role's half of the document questions: a summary reader (analyst) reads no document of any case. */
export function documentRoleRefusal(actor: Actor, what: 'list' | 'read'): string | null {
  if (actor.role !== 'analyst') return null;
  return what === 'list' ? '统计分析人员只能查看案件摘要，不能查看文书' : '统计分析人员不能下载文书';
}
export function assertRoleMayListDocuments(actor: Actor): void {
  refuse(documentRoleRefusal(actor, 'list'));
}
export function assertRoleMayReadDocuments(actor: Actor): void {
  refuse(documentRoleRefusal(actor, 'read'));
}

/** A document's bytes print identity numbers, phones and addresses: only those who read the case in full. */
export function documentReadRefusal(actor: Actor, scope: CaseScope): string | null {
  const level = readLevel(actor, scope);
  if (level === 'full') return null;
  return level === 'summary' ? '统计分析人员不能下载文书' : '只有本案仲裁庭成员或指派的调解员可以下载本案文书';
}
export function assertMayReadDocument(actor: Actor, scope: CaseScope): void {
  refuse(documentReadRefusal(actor, scope));
}

/**
 * The policy question each HTTP operation asks (by operationId). `route()` refuses to declare an operation that is
 * missing here, and the authorization matrix test computes the expected 403s from these answers.
 */
export type OperationAccess =
  /** No token needed (health, login). */
  | { kind: 'public' }
  /** Any signed-in user (about oneself, or shared vocabulary). */
  | { kind: 'signed-in' }
  /** An area gate: one of these roles. */
  | { kind: 'roles'; roles: readonly Role[] }
  /** Register a case: `registerRefusal` by track. */
  | { kind: 'register' }
  /** Read one case or its parts: everyone, at its `readLevel`. */
  | { kind: 'case-read' }
  /** Edit the registration: `editRegistrationRefusal`. */
  | { kind: 'case-edit' }
  /** Send a procedure event: `eventRefusal` by event type. */
  | { kind: 'case-event' }
  /** Generate a document: `generateDocumentRefusal` by kind. */
  | { kind: 'document-generate' }
  /** List a case's documents: `documentListRefusal`. */
  | { kind: 'document-list' }
  /** Download a document: `documentReadRefusal`. */
  | { kind: 'document-read' }
  /** Make, list or fetch a court hand-off package: `courtPackageRefusal` (issue 17). */
  | { kind: 'court-package' }
  /** A claim's line: `claimHistoryRefusal` (issue 17). */
  | { kind: 'claim-history' }
  /** The award preview: `awardPreviewRefusal`. */
  | { kind: 'award-preview' }
  /** fixC56: correct a procedural date of a case after acceptance: `dateCorrectionRefusal` (the chair, any case). */
  | { kind: 'date-correction' };

export const OPERATION_ACCESS: Record<string, OperationAccess> = {
  health: { kind: 'public' },
  ready: { kind: 'public' },
  serviceStatus: { kind: 'roles', roles: AREA_ROLES.service },
  login: { kind: 'public' },
  logout: { kind: 'signed-in' },
  logoutAll: { kind: 'signed-in' },
  me: { kind: 'signed-in' },
  changePassword: { kind: 'signed-in' },
  createUser: { kind: 'roles', roles: AREA_ROLES.users },
  listUsers: { kind: 'roles', roles: AREA_ROLES.users },
  getUser: { kind: 'roles', roles: AREA_ROLES.users },
  updateUser: { kind: 'roles', roles: AREA_ROLES.users },
  resetPassword: { kind: 'roles', roles: AREA_ROLES.users },
  listStaff: { kind: 'signed-in' },
  accessLog: { kind: 'roles', roles: AREA_ROLES.accessLog },
  registerCase: { kind: 'register' },
  listCases: { kind: 'signed-in' },
  getCase: { kind: 'case-read' },
  updateRegistration: { kind: 'case-edit' },
  caseDeadlines: { kind: 'case-read' },
  caseHistory: { kind: 'case-read' },
  nextEvents: { kind: 'case-read' },
  applyEvent: { kind: 'case-event' },
  previewEvent: { kind: 'case-event' },
  correctDate: { kind: 'date-correction' },
  // A calculator over the case's claims (writes nothing): drafting help for those who read the case in full.
  awardPreview: { kind: 'award-preview' },
  generateDocument: { kind: 'document-generate' },
  listDocuments: { kind: 'document-list' },
  downloadDocument: { kind: 'document-read' },
  minimumWages: { kind: 'signed-in' },
  replaceMinimumWages: { kind: 'roles', roles: AREA_ROLES.referenceData },
  vocabulary: { kind: 'signed-in' },
  deadlineCalculator: { kind: 'signed-in' },
  calendarYears: { kind: 'signed-in' },
  calendarDay: { kind: 'signed-in' },
  loadCalendarYear: { kind: 'roles', roles: AREA_ROLES.calendar },
  calendarRecomputation: { kind: 'roles', roles: AREA_ROLES.calendar },
  dueDeadlines: { kind: 'signed-in' },
  closureFigures: { kind: 'roles', roles: AREA_ROLES.stats },
  closureDrillDown: { kind: 'roles', roles: AREA_ROLES.stats },
  periodicReport: { kind: 'roles', roles: AREA_ROLES.stats },
  // Issue 17.
  calculate: { kind: 'roles', roles: AREA_ROLES.calculators },
  averageWages: { kind: 'signed-in' },
  replaceAverageWages: { kind: 'roles', roles: AREA_ROLES.referenceData },
  publicKeys: { kind: 'public' },
  generateCourtPackage: { kind: 'court-package' },
  listCourtPackages: { kind: 'court-package' },
  downloadCourtPackage: { kind: 'court-package' },
  claimHistory: { kind: 'claim-history' },
  claimStatistics: { kind: 'roles', roles: AREA_ROLES.stats },
  claimStatisticsDrillDown: { kind: 'roles', roles: AREA_ROLES.stats },
  // Work views of the web interface (issue 16). The hearing calendar and the list export show what a case list shows
  // (names, numbers, tribunals; never identity numbers or contact data).
  hearingCalendar: { kind: 'signed-in' },
  exportCases: { kind: 'signed-in' },
  awardClockBoard: { kind: 'roles', roles: AREA_ROLES.board },
  workload: { kind: 'roles', roles: AREA_ROLES.workload },
  awardClockAlerts: { kind: 'roles', roles: AREA_ROLES.alerts },
  auditLog: { kind: 'roles', roles: AREA_ROLES.auditLog },
};

/**
 * Court hand-off packages (issue 17) carry every party's identity number, phone and address: only those who read the
 * case in full may make, list or fetch one, and of those only the clerk (who records transfers to court and signs the
 * transfer letter) and the chair — not an admin (system role), an analyst, or an arbitrator or mediator (whose
 * documents go to the court through the clerk).
 */
export const COURT_PACKAGE_ROLES: readonly Role[] = ['clerk', 'chair'];
export function courtPackageRefusal(actor: Actor, scope: CaseScope): string | null {
  const byRole = courtPackageRoleRefusal(actor);
  if (byRole) return byRole;
  return readLevel(actor, scope) === 'full' ? null : '材料包含当事人身份证号码等完整信息，只有能查看本案完整信息的人员才能生成或下载';
}
export function assertMayHandOffToCourt(actor: Actor, scope: CaseScope): void {
  refuse(courtPackageRefusal(actor, scope));
}
export function courtPackageRoleRefusal(actor: Actor): string | null {
  return roleRefusal(actor, COURT_PACKAGE_ROLES, '生成或下载移送法院材料包');
}
export function assertRoleMayHandOffToCourt(actor: Actor): void {
  refuse(courtPackageRoleRefusal(actor));
}

/**
 * A claim's line through its life (issue 17): the claim, the award and the courts' outcome, no identity data — for
 * everyone who reads the case beyond a summary (api.md "Reading (v1.1)": an analyst reads case summaries, not histories).
 */
export function claimHistoryRefusal(actor: Actor, scope: CaseScope): string | null {
  return readLevel(actor, scope) === 'summary' ? '统计分析人员只能查看案件摘要，不能查看请求的办理经过' : null;
}
export function assertMayReadClaimHistory(actor: Actor, scope: CaseScope): void {
  refuse(claimHistoryRefusal(actor, scope));
}
export function claimHistoryRoleRefusal(actor: Actor): string | null {
  return actor.role === 'analyst' ? '统计分析人员只能查看案件摘要，不能查看请求的办理经过' : null;
}
export function assertRoleMayReadClaimHistory(actor: Actor): void {
  refuse(claimHistoryRoleRefusal(actor));
}

/**
 * Reading a case at all — its summary, deadlines, history and next events, each at the actor's `readLevel` — and lists
 * of case summaries (the hearing calendar): every staff role (api.md "Reading (v1.1)": analysts read summaries, which
 * carry the dates). Anyone else (a role this version does not know) reads nothing.
 */
export function caseReadRefusal(actor: Actor): string | null {
  return Object.hasOwn(ROLES, actor.role) ? null : '该角色不能查看案件';
}
export function assertMayReadCases(actor: Actor): void {
  refuse(caseReadRefusal(actor));
}

/**
 * The award preview (final or non-final per item, the threshold, the minimum wage, the legal basis the award would
 * cite): drafting help for the case's tribunal, and for those who read the case in full (clerk, chair, admin, an
 * assigned mediator) — not for an arbitrator of another tribunal, nor an analyst (who reads summaries, not claims'
 * amounts and outcomes).
 */
export function awardPreviewRefusal(actor: Actor, scope: CaseScope): string | null {
  const byRole = awardPreviewRoleRefusal(actor);
  if (byRole) return byRole;
  return readLevel(actor, scope) === 'full' ? null : '只有本案仲裁庭成员及可查看本案完整信息的人员可以预判裁决';
}
export function awardPreviewRoleRefusal(actor: Actor): string | null {
  return actor.role === 'analyst' ? '统计分析人员不能预判裁决' : null;
}
export function assertRoleMayPreviewAward(actor: Actor): void {
  refuse(awardPreviewRoleRefusal(actor));
}
export function assertMayPreviewAward(actor: Actor, scope: CaseScope): void {
  refuse(awardPreviewRefusal(actor, scope));
}
