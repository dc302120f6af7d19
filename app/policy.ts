import type { UserRow } from '../db/stores/users.ts';
import type { EventType } from '../workflows/procedure-types.ts';
import { ROLES, type Role } from '../workflows/reference.ts';
import { EVENT_ROLES } from '../workflows/roles.ts';
import { forbidden } from './errors.ts';

/**
 * Who may do and see what — the one place that decides it. Every use case asks here; routes, next-events,
 * document generation and the web interface (through next-events and `access`) follow the same answers.
 * Roles and scope after api.md "Users and roles" (v1.1).
 */
export type Actor = Pick<UserRow, 'id' | 'role' | 'displayName'>;

/** What scope rules need to know of a case. */
export interface CaseScope {
  track: 'arbitration' | 'mediation';
  /** Members of the tribunal, or null before FORM_TRIBUNAL. */
  tribunalIds: number[] | null;
}

const roleName = (r: Role) => ROLES[r] ?? r;
const roleList = (rs: readonly Role[]) => rs.map(roleName).join('、');

/** 403 unless the actor has one of the roles. */
export function assertRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) throw forbidden(`${roleName(actor.role)}不能${what}（需要：${roleList(roles)}）`);
}

/** Role gates of the areas that are not about one case. */
export const AREA_ROLES = {
  /** Statistics and reports: bureau analysts, the chair and admins; read-only. */
  stats: ['analyst', 'chair', 'admin'],
  users: ['admin'],
  referenceData: ['admin'],
  calendar: ['admin'],
  /**
   * Labor-law calculators (issue 17): the staff who draft awards, mediation terms and intake advice. A calculation reads
   * only reference tables and what the caller types — no case data — but it is work tooling, not a public service.
   */
  calculators: ['arbitrator', 'mediator', 'chair', 'clerk'],
} as const satisfies Record<string, readonly Role[]>;

/** An arbitrator acts on a case only as a member of its tribunal (checked once a tribunal exists). */
function inScope(actor: Actor, scope: CaseScope): boolean {
  if (actor.role === 'arbitrator') return !scope.tribunalIds || scope.tribunalIds.includes(actor.id);
  return true;
}

/** 403 unless the actor may send the event on this case (role, then scope). Runs before the version check (412). */
export function assertMaySendEvent(actor: Actor, type: EventType, scope: CaseScope, label: string): void {
  const roles = EVENT_ROLES[type];
  if (!roles.includes(actor.role)) throw forbidden(`${roleName(actor.role)}不能进行“${label}”（需要：${roleList(roles)}）`);
  if (!inScope(actor, scope)) throw forbidden('仲裁员只能办理本人所在仲裁庭的案件');
}

/** The events of `types` this actor could send on this case (for next-events). */
export function eventsForActor(actor: Actor, scope: CaseScope, types: EventType[]): EventType[] {
  if (!inScope(actor, scope)) return [];
  return types.filter((t) => EVENT_ROLES[t].includes(actor.role));
}

/** Registering an application (clerk) or a pre-arbitration mediation (clerk or mediator). */
export function assertMayRegister(actor: Actor, track: 'arbitration' | 'mediation'): void {
  if (track === 'mediation') assertRole(actor, ['clerk', 'mediator'], '登记调解申请');
  else assertRole(actor, ['clerk'], '登记仲裁申请');
}

/** Editing a registration before acceptance: the clerk; a mediator only on the mediation track. */
export function assertMayEditRegistration(actor: Actor, scope: CaseScope): void {
  assertRole(actor, ['clerk', 'mediator'], '修改登记信息');
  if (actor.role === 'mediator' && scope.track !== 'mediation') assertRole(actor, ['clerk'], '修改仲裁申请的登记信息');
}

/** Who may generate each kind of document (an arbitrator only on its own tribunal's cases). */
export const DOCUMENT_ROLES: Record<string, readonly Role[]> = {
  acceptance_notice: ['clerk'],
  rejection_notice: ['clerk'],
  respond_notice: ['clerk'],
  hearing_notice: ['clerk', 'arbitrator'],
  award: ['arbitrator'],
  mediation_document: ['arbitrator', 'mediator'],
  advance_execution_ruling: ['arbitrator'],
  court_transfer_letter: ['clerk'],
  decision: ['chair', 'arbitrator'],
};

export function assertMayGenerateDocument(actor: Actor, kind: string, label: string, scope: CaseScope): void {
  assertRole(actor, DOCUMENT_ROLES[kind] ?? [], `生成${label}`);
  if (!inScope(actor, scope)) throw forbidden('仲裁员只能为本人所在仲裁庭的案件生成文书');
}

/**
 * How much of a case the actor reads: `full` (identity numbers, contact data), `masked` (identity numbers masked)
 * or `summary`. Lists and history are always masked (api.md "Cases").
 */
export type ReadLevel = 'full' | 'masked' | 'summary';
export function readLevel(_actor: Actor, _scope: CaseScope): ReadLevel {
  return 'full';
}

/**
 * Court hand-off packages (issue 17) carry every party's identity number, phone and address: only those who read the
 * case in full may make or fetch one, and of those only the clerk (who records transfers to court and signs the
 * transfer letter) and the chair — not an admin (system role), an analyst, or an arbitrator or mediator (whose
 * documents go to the court through the clerk).
 */
export const COURT_PACKAGE_ROLES: readonly Role[] = ['clerk', 'chair'];
export function courtPackageRefusal(actor: Actor, scope: CaseScope): string | null {
  if (!COURT_PACKAGE_ROLES.includes(actor.role)) return `${roleName(actor.role)}不能生成或下载移送法院材料包（需要：${roleList(COURT_PACKAGE_ROLES)}）`;
  if (readLevel(actor, scope) !== 'full') return '材料包含当事人身份证号码等完整信息，只有能查看本案完整信息的人员才能生成或下载';
  return null;
}
export function assertMayHandOffToCourt(actor: Actor, scope: CaseScope): void {
  const reason = courtPackageRefusal(actor, scope);
  if (reason) throw forbidden(reason);
}

/**
 * A claim's line through its life (issue 17): the claim, the award and the courts' outcome, with no identity data — for
 * everyone who reads the case beyond a summary (an analyst reads statistics, not case histories).
 */
export function assertMayReadClaimHistory(actor: Actor, scope: CaseScope): void {
  // api.md "Reading (v1.1)": an analyst reads case summaries, not histories.
  if (actor.role === 'analyst' || readLevel(actor, scope) === 'summary')
    throw forbidden('统计分析人员只能查看案件摘要，不能查看请求的办理经过');
}
