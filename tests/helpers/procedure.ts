import { expect } from 'vitest';
import { type CaseScope, eventRefusal } from '../../app/policy.ts';
import type { EventType } from '../../workflows/procedure-types.ts';
import type { Role } from '../../workflows/reference.ts';
import { EVENT_ROLES } from '../../workflows/roles.ts';
import type { TestApp } from './app.ts';
import { application, employer, worker } from './fixtures.ts';

export interface Actors {
  tokens: Record<Role, string>;
  arbitrators: { id: number; token: string }[];
  /** The user ids behind `tokens` (clerk, chair, mediator, analyst, admin). */
  ids: Record<Role, number>;
  tokenOfUser(id: number): string;
}

export async function createActors(t: TestApp): Promise<Actors> {
  const roles: Role[] = ['clerk', 'chair', 'mediator', 'analyst'];
  const tokens = { admin: t.adminToken } as Record<Role, string>;
  const ids = { admin: 1 } as Record<Role, number>;
  for (const r of roles) {
    tokens[r] = await t.tokenFor(r);
    ids[r] = t.userId(r);
  }
  const arbitrators: { id: number; token: string }[] = [];
  for (const name of ['arb-li', 'arb-wang', 'arb-zhao']) {
    const token = await t.tokenFor('arbitrator', name);
    arbitrators.push({ id: t.userId(name), token });
  }
  tokens.arbitrator = (arbitrators[0] as { token: string }).token;
  ids.arbitrator = (arbitrators[0] as { id: number }).id;
  return {
    tokens,
    ids,
    arbitrators,
    tokenOfUser: (id) => {
      const a = arbitrators.find((x) => x.id === id);
      if (!a) throw new Error(`no arbitrator ${id}`);
      return a.token;
    },
  };
}

export interface CaseShape {
  id: number;
  track?: 'arbitration' | 'mediation';
  applicants: { id: number }[];
  respondents: { id: number }[];
  claims: { id: number; category: string }[];
  tribunal?: { presidingId: number; arbitrators: { id: number }[] } | null;
  mediators?: { id: number }[];
}

/** The standard test application: one worker, one company, a wages and a compensation claim. */
export const standardApplication = (overrides: Record<string, unknown> = {}) =>
  application({
    applicants: [worker('张三')],
    respondents: [employer()],
    claims: [
      { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
      { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
    ],
    ...overrides,
  });

/**
 * The standard application with claims large enough for a non-final award of either item (over twelve months of the
 * local minimum wage, LDMAL Art. 47): an award never grants more than a claim asks.
 */
export const largeApplication = (overrides: Record<string, unknown> = {}) =>
  standardApplication({
    claims: [
      { category: 'wages', amount: '40000.00', description: '2025年10月至12月工资' },
      { category: 'economic_compensation', amount: '50000.00', description: '解除劳动合同经济补偿' },
    ],
    ...overrides,
  });

export const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/** A payload that passes the event's schema and names real ids of the case (`mediatorId`: an active mediator). */
export function samplePayload(
  type: EventType,
  c: CaseShape,
  arbitratorIds: number[],
  on: string,
  mediatorId?: number,
): Record<string, unknown> {
  const applicant = c.applicants[0]?.id;
  const respondent = c.respondents[0]?.id;
  const [arb0, arb1] = arbitratorIds;
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return { items: ['申请人身份证复印件', '劳动合同复印件'] };
    case 'REJECT':
      return { reason: '不属于劳动人事争议仲裁受案范围' };
    case 'SERVE':
      // A document with no making act of its own: serving it is possible in every state (a respond notice is not,
      // before acceptance — 400 naming `document`).
      return { document: 'other', partyId: respondent, method: 'direct' };
    case 'SHORTEN_DEFENSE_PERIOD':
      return { days: 3, respondentConsent: true };
    case 'FILE_COUNTERCLAIM':
      return { description: '反申请：请求返还培训费5000元' };
    case 'RECORD_REPRESENTATIVES':
      return { partyIds: c.applicants.slice(0, 3).map((a) => a.id) };
    case 'FORM_TRIBUNAL':
      return { arbitratorIds: [arb0], presidingId: arb0 };
    case 'RECUSE_ARBITRATOR':
      return {
        arbitratorId: c.tribunal?.presidingId ?? arb0,
        replacementId: c.tribunal?.presidingId === arb1 ? arbitratorIds[2] : arb1,
        reason: '与当事人有利害关系',
      };
    case 'SCHEDULE_HEARING':
      return { hearingOn: plusDays(on, 15), place: '第一仲裁庭' };
    case 'POSTPONE_HEARING':
      return { hearingOn: plusDays(on, 22), reason: '仲裁员因公出差', requestedBy: 'tribunal' };
    case 'HOLD_HEARING':
      return { applicantPresent: true, respondentPresent: true };
    case 'MEDIATION_AGREED':
      return { terms: '被申请人于2026年5月10日前支付申请人工资12000元' };
    case 'SIGN_MEDIATION_DOCUMENT':
      return { partyId: applicant };
    case 'SUSPEND':
      return { reason: '等待工伤认定结论', ground: 'appraisal' };
    case 'EXTEND_TIME_LIMIT':
      return { days: 15, reason: '案情复杂' };
    case 'ADVANCE_EXECUTION':
      // legalfixA L1: a payment claim's amount is required (LDMAL Art. 44), with the days to pay it.
      return {
        claimIds: [c.claims[0]?.id],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        amounts: [{ claimId: c.claims[0]?.id, amount: '1000.00' }],
        paymentDays: 7,
      };
    case 'PARTIAL_AWARD':
      return { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '1000.00' }] };
    case 'ISSUE_AWARD':
      return { items: c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '1000.00' })) };
    case 'WITHDRAW':
      return { reason: '双方已和解' };
    case 'TERMINATE':
      return { reason: '人民法院已受理当事人因逾期未作出裁决提起的诉讼' };
    case 'RECORD_LAWSUIT':
      return { partyId: applicant, court: '聊城市东昌府区人民法院', filedOn: on };
    case 'RECORD_SET_ASIDE':
      return { court: '聊城市中级人民法院', filedOn: on };
    case 'RECORD_COURT_OUTCOME':
      return { outcome: 'judgment' };
    case 'TRANSFER_TO_COURT':
      return { purpose: 'enforcement', court: '聊城市东昌府区人民法院' };
    case 'ASSIGN_MEDIATOR':
      return { mediatorId: mediatorId ?? 0 };
    // Round 2 (issue 11 "Missing").
    case 'CHANGE_CLAIMS':
      return { change: [{ claimId: c.claims[0]?.id, amount: '15000.00' }] };
    case 'ADD_PARTY':
      return { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人乙' } };
    case 'REFER_ELSEWHERE':
      return { competentCommission: '临清市劳动人事争议仲裁委员会', reason: '劳动合同履行地在临清市' };
    case 'ACCEPT_TRANSFER':
      return { fromCommission: '茌平区劳动人事争议仲裁委员会' };
    case 'RAISE_JURISDICTION_OBJECTION':
      return { partyId: respondent, grounds: '应由临清市仲裁委管辖' };
    case 'DECIDE_JURISDICTION_OBJECTION':
      return { result: 'rejected', reason: '劳动合同履行地在本市' };
    case 'TRANSFER_CASE':
      return { toCommission: '茌平区劳动人事争议仲裁委员会', reason: '用人单位所在地' };
    case 'APPLY_RECUSAL':
      return {
        partyId: respondent,
        target: { kind: 'arbitrator', userId: c.tribunal?.presidingId ?? arb0 },
        ground: 'relationship',
        reason: '同学关系',
      };
    case 'DECIDE_RECUSAL':
      return { result: 'rejected', decidedBy: 'chair' };
    case 'SET_EVIDENCE_PERIOD':
      return { until: plusDays(on, 10) };
    case 'EXTEND_EVIDENCE_PERIOD':
      return { partyId: applicant, until: plusDays(on, 20), reason: '需银行出具流水' };
    case 'RECORD_LATE_EVIDENCE':
      return { partyId: applicant, description: '银行流水', reasonAccepted: false, decision: 'admitted_with_reprimand' };
    case 'RECORD_REPRESENTED_CONSENT':
      return { matter: 'settle', partyIds: [applicant] };
    case 'REJECT_REVIEW':
      return { ground: 'scope', reason: '协议事项不属于劳动人事争议' };
    case 'CONFIRM_AGREEMENT':
      return { terms: '被申请人支付工资' };
    case 'REFUSE_CONFIRMATION':
      return { ground: 'involuntary', reason: '非自愿' };
    case 'APPLY_ENFORCEMENT':
      return { partyId: applicant, court: '聊城市东昌府区人民法院' };
    case 'RECORD_ENFORCEMENT_OUTCOME':
      return { result: 'enforced' };
    case 'VOID_REGISTRATION':
      return { reason: '重复登记（同一申请两次登记）' };
    // feat52 (LDMAL Art. 24). The agent revoked need not exist: the answer sought is the policy's (403) or the state's.
    case 'APPOINT_AGENT':
      return { partyId: applicant, agent: { name: '刘援助', kind: 'legal_aid' }, powers: 'general', receivedOn: on };
    case 'REVOKE_AGENT':
      return { partyId: applicant, agentId: 1, receivedOn: on };
    default:
      return {};
  }
}

/** The scope of a case as the policy sees it, from its view (`registeredBy`: who registered it). */
export function scopeOf(c: CaseShape, registeredBy: number | null = null): CaseScope {
  return {
    track: c.track ?? 'arbitration',
    tribunalIds: c.tribunal ? c.tribunal.arbitrators.map((x) => x.id) : null,
    mediatorIds: (c.mediators ?? []).map((m) => m.id),
    registeredBy,
  };
}

/**
 * A token of someone the policy lets send the event on this case, trying the event's roles in order (an arbitrator:
 * the presiding member of the tribunal; a mediator: the test mediator), or null when nobody may (e.g. an
 * arbitrator-only event before a tribunal exists).
 */
export function tokenFor(type: EventType, actors: Actors, c: CaseShape, registeredBy: number | null = null): string | null {
  const scope = scopeOf(c, registeredBy);
  for (const role of EVENT_ROLES[type]) {
    const id = role === 'arbitrator' && c.tribunal ? c.tribunal.presidingId : actors.ids[role];
    if (eventRefusal({ id, role, displayName: '' }, type, scope) === null) {
      return role === 'arbitrator' && c.tribunal ? actors.tokenOfUser(id) : actors.tokens[role];
    }
  }
  return null;
}

/** `tokenFor`, failing when nobody may send the event. */
export function actorFor(type: EventType, actors: Actors, c: CaseShape, registeredBy: number | null = null): string {
  const token = tokenFor(type, actors, c, registeredBy);
  if (!token) throw new Error(`nobody may send ${type} on case ${c.id} now`);
  return token;
}

/**
 * A case every role's test user has in scope: accepted, the test mediator assigned (by the chair, before the
 * tribunal), a sole-arbitrator tribunal of the first test arbitrator.
 */
export async function scopedCase(t: TestApp, actors: Actors, on = '2026-03-03'): Promise<CaseShape & Record<string, unknown>> {
  const c = await registerCase(t, actors);
  const send = async (token: string, body: Record<string, unknown>) => {
    const r = await t.api(token).post(`/api/cases/${c.id}/events`, { occurredOn: on, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  await send(actors.tokens.clerk, { type: 'ACCEPT' });
  await send(actors.tokens.chair, { type: 'ASSIGN_MEDIATOR', mediatorId: actors.ids.mediator });
  const arb = actors.ids.arbitrator;
  return send(actors.tokens.chair, { type: 'FORM_TRIBUNAL', arbitratorIds: [arb], presidingId: arb });
}

export async function registerCase(t: TestApp, actors: Actors, body = standardApplication()): Promise<CaseShape & Record<string, unknown>> {
  const r = await t.api(actors.tokens.clerk).post('/api/cases', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/**
 * med51 H1 (LDMAL Art. 42(3); Rules Art. 77): the tribunal (or the case's mediator) issues the 仲裁调解书 the parties
 * then sign for — a signature before it exists is refused (409 mediation-document-not-issued).
 */
export async function issueMediationDocument(t: TestApp, token: string, c: { id: number }): Promise<void> {
  const r = await t.api(token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' });
  if (r.status !== 201) throw new Error(`mediation_document: ${r.status} ${JSON.stringify(r.body)}`);
}
