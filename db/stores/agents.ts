import type { Knex } from 'knex';

/**
 * feat52: agents appointed or revoked after acceptance (APPOINT_AGENT / REVOKE_AGENT; LDMAL Art. 24). Written inside
 * the event's unit of work, with its history entry and audit event. A revoked agent keeps his row (`revoked_on`): the
 * case's reads (db/stores/cases.ts) leave him out, the legal-aid statistics still count the aid given.
 */

export interface AgentRow {
  id: number;
  partyId: number;
  name: string;
  kind: string;
  appointedOn: string | null;
  revokedOn: string | null;
}

/** The agents of these parties, revoked ones too, for the checks an agent event makes. */
export async function agentsOfParties(k: Knex, partyIds: number[]): Promise<AgentRow[]> {
  if (!partyIds.length) return [];
  const rows = await k('agents')
    .whereIn('party_id', partyIds)
    .select('id', 'party_id', 'name', 'kind', 'appointed_on', 'revoked_on')
    .orderBy(['party_id', 'seq']);
  return rows.map((r) => ({
    id: Number(r.id),
    partyId: Number(r.party_id),
    name: r.name,
    kind: r.kind,
    appointedOn: r.appointed_on ?? null,
    revokedOn: r.revoked_on ?? null,
  }));
}

/** Appends an agent to the party's (after every row it has, revoked ones too); returns his id. */
export async function appointAgent(
  trx: Knex,
  partyId: number,
  a: {
    name: string;
    kind: string;
    unit: string | null;
    phone: string | null;
    relationship: string | null;
    powers: 'general' | 'special';
    appointedOn: string;
  },
  recordedAt: string,
): Promise<number> {
  const last = await trx('agents').where({ party_id: partyId }).max<{ m: number | string | null }[]>({ m: 'seq' }).first();
  const [ins] = await trx('agents')
    .insert({
      party_id: partyId,
      seq: Number(last?.m ?? 0) + 1,
      name: a.name,
      kind: a.kind,
      unit: a.unit,
      phone: a.phone,
      relationship: a.relationship,
      powers: a.powers,
      appointed_on: a.appointedOn,
      recorded_at: recordedAt,
    })
    .returning('id');
  return Number((ins as { id: number }).id);
}

/** Marks the agent revoked from the day the written notice was received. */
export async function revokeAgent(trx: Knex, agentId: number, revokedOn: string): Promise<void> {
  await trx('agents').where({ id: agentId }).whereNull('revoked_on').update({ revoked_on: revokedOn });
}
