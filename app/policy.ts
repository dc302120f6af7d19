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
  /** The chair's board of award clocks against the closure target (issue 16). */
  board: ['chair', 'admin'],
  /** Changes to users and reference data (the audit log of writes that are not about one case). */
  auditLog: ['admin', 'chair'],
  /** Each arbitrator's load, shown where cases are assigned (tribunal composition). */
  workload: ['chair', 'admin', 'clerk', 'arbitrator'],
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
 * What a case search (`q`) may match besides case numbers and party names (issue 16): identity numbers and phones
 * only for the roles that read every case in full (admin, clerk, chair) — anyone else could otherwise learn whose
 * number it is; agents' names and firms for everyone who reads more than summaries. Lists show names only.
 */
export function caseSearchScope(actor: Actor): { identity: boolean; phone: boolean; agents: boolean } {
  const full = actor.role === 'admin' || actor.role === 'clerk' || actor.role === 'chair';
  return { identity: full, phone: full, agents: actor.role !== 'analyst' };
}
