import type { Knex } from 'knex';
import { agentsOfParties, appointAgent, revokeAgent } from '../../db/stores/agents.ts';
import type { AgentRecord, CaseRecord, PartyRecord } from '../../db/stores/cases.ts';
import { agentWarnings } from '../../workflows/agent-checks.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, unprocessable, validationError } from '../errors.ts';
import type { UnitOfWork } from '../unit-of-work.ts';

/**
 * feat52: agents appointed or revoked after acceptance (委托代理人; domain.md §1.2).
 *
 * - LDMAL Art. 24: a party may appoint an agent; the power of attorney, signed or sealed by the party and stating the
 *   matters and the authority, is submitted to the commission — APPOINT_AGENT records it, its authority (`powers`:
 *   一般授权 / 特别授权) and the day it was received (`receivedOn`, the agent's `since`).
 * - LDMAL Art. 25: a worker without (full) capacity acts through his statutory agent, one the commission appoints when
 *   there is none; a deceased worker's close relatives or agent take part — recorded the same way (kind `relative`,
 *   `other` with the unit saying who appointed him).
 * - Revocation (REVOKE_AGENT): the party's written notice to the commission, which tells the other side. Neither LDMAL
 *   nor the 2017 Rules say so in terms ([S]: the Rules have no detailed agency provisions); the local rules
 *   (粤劳仲〔2003〕8号 Art. 5) and the Civil Procedure Law's rule applied by analogy do ([S]/[R]).
 *
 * The party must be one of the case's (400 `partyId`, as every event's party: apply-event.ts checkReferences); the agent
 * revoked one of that party's (422 `unknown-agent`, field `agentId`). A party at the configured number of agents
 * (AGENTS_PER_PARTY_MAX), an agent appointed twice, one revoked twice: 422 naming the field.
 */

type Payload = Record<string, unknown>;
type AgentPayload = {
  name: string;
  kind: string;
  unit?: string;
  phone?: string;
  relationship?: string;
};

export const AGENT_EVENTS = new Set(['APPOINT_AGENT', 'REVOKE_AGENT']);

/** 400 checks before the state is asked (api.md order): the days are possible — the notice not before the appointment. */
export async function checkAgentEvent(k: Knex, c: CaseRecord, ev: { type: string; occurredOn: string; payload: Payload }): Promise<void> {
  if (!AGENT_EVENTS.has(ev.type)) return;
  const errors: FieldError[] = [];
  const p = ev.payload;
  const receivedOn = p.receivedOn as string;
  if (receivedOn > ev.occurredOn)
    errors.push({ path: 'receivedOn', message: `收到之日${receivedOn}晚于登记日期${ev.occurredOn}：收到后方能登记` });
  if (receivedOn < c.receivedOn) errors.push({ path: 'receivedOn', message: `收到之日不能早于收到仲裁申请之日（${c.receivedOn}）` });
  if (ev.type === 'REVOKE_AGENT') {
    const party = c.parties.find((x) => x.id === p.partyId);
    if (party) {
      const agent = (await agentsOfParties(k, [party.id as number])).find((a) => a.id === p.agentId);
      // An agent who is not this party's is refused after the state is asked (422 unknown-agent, writeAgentRows).
      if (agent?.appointedOn && receivedOn < agent.appointedOn)
        errors.push({ path: 'receivedOn', message: `解除委托的告知不能早于收到授权委托书之日（${agent.appointedOn}）` });
    }
  }
  if (errors.length) throw validationError(errors);
}

/**
 * Writes the agent's row inside the event's unit of work (rolled back with a refusal) and returns the case's parties
 * as they now stand — the view and the documents read them from there. `payload.agentId` names the agent appointed.
 */
export async function writeAgentRows(deps: Deps, uow: UnitOfWork, c: CaseRecord, type: string, payload: Payload): Promise<PartyRecord[]> {
  const party = c.parties.find((x) => x.id === payload.partyId) as PartyRecord;
  const partyId = party.id as number;
  const receivedOn = payload.receivedOn as string;
  let agents: AgentRecord[];
  if (type === 'APPOINT_AGENT') {
    const a = payload.agent as AgentPayload;
    const max = deps.config.agentsPerPartyMax;
    if (party.agents.length >= max)
      throw unprocessable(`${party.name}已有${party.agents.length}名委托代理人，至多${max}名（AGENTS_PER_PARTY_MAX）；须先解除委托`, {
        rule: 'agents-per-party',
        field: 'partyId',
      });
    if (party.agents.some((x) => x.name === a.name))
      throw unprocessable(`${a.name}已是${party.name}的委托代理人；变更权限的，先解除原委托再登记新的授权委托书`, {
        rule: 'agent-already-appointed',
        field: 'agent.name',
      });
    const powers = payload.powers as 'general' | 'special';
    const rec = {
      name: a.name,
      kind: a.kind,
      unit: a.unit ?? null,
      phone: a.phone ?? null,
      relationship: a.relationship ?? null,
      powers,
      appointedOn: receivedOn,
    };
    const id = await appointAgent(uow.trx, partyId, rec, deps.clock.now().toISOString());
    payload.agentId = id;
    const { appointedOn: since, ...fields } = rec;
    agents = [...party.agents, { id, ...fields, since }];
  } else {
    if (!party.agents.some((x) => x.id === payload.agentId)) {
      const known = (await agentsOfParties(uow.trx, [partyId])).some((x) => x.id === payload.agentId);
      throw known
        ? unprocessable('该委托代理人的委托已经解除', { rule: 'agent-already-revoked', field: 'agentId' })
        : unprocessable(`${party.name}没有编号为 ${payload.agentId} 的委托代理人`, { rule: 'unknown-agent', field: 'agentId' });
    }
    await revokeAgent(uow.trx, payload.agentId as number, receivedOn);
    agents = party.agents.filter((x) => x.id !== payload.agentId);
  }
  return c.parties.map((x) => (x.id === partyId ? { ...x, agents } : x));
}

/**
 * fixA53 (legal53a M2, L2): the warnings an appointment is recorded with (`EventResult.warnings`) — the appointed agent
 * also the other side's agent, party or legal representative (律师法 Art. 39), a near relative without his relationship,
 * a lawyer without his firm, a legal-aid agent of the employer side (workflows/agent-checks.ts). Never a refusal: the
 * same name is not the same person. `c` is the case as it stands after the appointment.
 */
export function appointedAgentWarnings(c: Pick<CaseRecord, 'parties' | 'collectiveGround'>, payload: Payload): string[] {
  const party = c.parties.find((x) => x.id === payload.partyId);
  return party ? agentWarnings(c, party, payload.agent as AgentPayload) : [];
}
