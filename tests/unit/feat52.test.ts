import { describe, expect, it } from 'vitest';
import { applyEvent, availableEvents, restore, type Snapshot, startCase } from '../../workflows/procedure.ts';
import type { CaseInput, EventType } from '../../workflows/procedure-types.ts';
import { MODEL_INPUT, MODEL_REVIEW_INPUT } from '../helpers/model.ts';

/**
 * feat52: the statechart offers APPOINT_AGENT / REVOKE_AGENT (LDMAL Art. 24) from acceptance — an arbitration's or an
 * arbitral review's — until the case closes, never on a mediation before arbitration, and records the act.
 */
const base: CaseInput = MODEL_INPUT;

const step = (snap: Snapshot, type: EventType, payload: Record<string, unknown> = {}, on = '2026-03-04'): Snapshot => {
  const r = applyEvent(snap, { type, occurredOn: on, payload, facts: {} });
  if (!r.ok) throw new Error(`${type}: ${JSON.stringify(r)}`);
  return r.next;
};
const offers = (snap: Snapshot) => availableEvents(snap, '2026-03-10').filter((t) => t === 'APPOINT_AGENT' || t === 'REVOKE_AGENT');
const appoint = { partyId: 1, agentId: 5, receivedOn: '2026-03-05' };

describe('feat52: agents in the statechart', () => {
  it('an arbitration: not before acceptance, then until the case closes; the act is kept in agentActs', () => {
    let s = restore(startCase(base));
    expect(offers(s)).toEqual([]);
    s = step(s, 'ACCEPT');
    expect(offers(s)).toEqual(['APPOINT_AGENT', 'REVOKE_AGENT']);
    s = step(s, 'APPOINT_AGENT', appoint, '2026-03-06');
    s = step(s, 'REVOKE_AGENT', { ...appoint, receivedOn: '2026-03-07' }, '2026-03-07');
    expect(s.context.agentActs).toEqual([
      { on: '2026-03-05', act: 'appoint', partyId: 1, agentId: 5 },
      { on: '2026-03-07', act: 'revoke', partyId: 1, agentId: 5 },
    ]);
    // Suspended: a party may still appoint an agent.
    s = step(s, 'SUSPEND', { reason: 'appraisal', ground: 'appraisal' }, '2026-03-08');
    expect(offers(s)).toEqual(['APPOINT_AGENT', 'REVOKE_AGENT']);
    s = step(s, 'RESUME', {}, '2026-03-09');
    s = step(s, 'WITHDRAW', { reason: '已和解' }, '2026-03-10');
    expect(offers(s)).toEqual([]);
  });

  it('a review once accepted; never a mediation before arbitration', () => {
    let review = restore(startCase(MODEL_REVIEW_INPUT));
    expect(offers(review)).toEqual([]);
    review = step(review, 'ACCEPT_REVIEW');
    expect(offers(review)).toEqual(['APPOINT_AGENT', 'REVOKE_AGENT']);
    const mediation = restore(startCase({ ...base, track: 'mediation' }));
    expect(offers(mediation)).toEqual([]);
  });
});
