import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui53 through the HTTP API: the case view's proceedings keep the agents appointed and revoked after acceptance
 * (LDMAL Art. 24; M1) — never their phones — and a late suit the court docketed says so (courtAccepted, CPL Art. 86; M2).
 */
const { t, a } = apiSuite({ now: '2026-12-06T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const PHONE = '13987654321';
type AgentRecord = {
  agentId: number;
  partyId: number;
  name: string | null;
  kind: string | null;
  powers: string | null;
  appointedOn: string | null;
  revokedOn: string | null;
};
const read = async (token: string, id: number) => {
  const r = await t.api(token).get(`/api/cases/${id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as CaseView & { readLevel: string; proceedings: { agents: AgentRecord[]; lawsuits: Record<string, unknown>[] } };
};

describe(`fixU53 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1 an agent appointed then revoked stays in proceedings.agents: party, authority, from and until; no phone', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('郭喆', 531)] }) });
    const partyId = c.applicants[0]?.id as number;
    const appointed = await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      {
        partyId,
        agent: { name: '周律师', kind: 'relative', relationship: '哥哥', phone: PHONE },
        powers: 'general',
        receivedOn: '2026-12-04',
      },
      '2026-12-05',
    );
    const listed = ((appointed.applicants[0] as { agents?: { id: number; name: string }[] }).agents ?? []) as {
      id: number;
      name: string;
    }[];
    const agentId = listed.find((x) => x.name === '周律师')?.id as number;
    let v = await read(a.tokens.clerk, c.id);
    expect(v.proceedings.agents).toEqual([
      { agentId, partyId, name: '周律师', kind: 'relative', powers: 'general', appointedOn: '2026-12-04', revokedOn: null },
    ]);
    await ok(c, a.tokens.clerk, 'REVOKE_AGENT', { partyId, agentId, receivedOn: '2026-12-05' }, '2026-12-06');
    v = await read(a.tokens.clerk, c.id);
    // The party's agents no longer hold him; the record does, with the day the revocation was received.
    expect((v.applicants[0] as { agents?: unknown[] }).agents ?? []).toEqual([]);
    expect(v.proceedings.agents).toEqual([
      { agentId, partyId, name: '周律师', kind: 'relative', powers: 'general', appointedOn: '2026-12-04', revokedOn: '2026-12-05' },
    ]);
    expect(JSON.stringify(v.proceedings)).not.toContain(PHONE);
    // A masked reader (an arbitrator of another case) sees the record, never the phone anywhere.
    const other = a.arbitrators.find((x) => x.id !== arb.id) as { token: string };
    const masked = await read(other.token, c.id);
    expect(masked.readLevel).toBe('masked');
    expect(masked.proceedings.agents[0]).toMatchObject({ name: '周律师', powers: 'general', revokedOn: '2026-12-05' });
    expect(JSON.stringify(masked)).not.toContain(PHONE);
  });

  it('M2 a late suit recorded as docketed by the court carries courtAccepted in proceedings.lawsuits; an ordinary one does not', async () => {
    const body = standardApplication({
      applicants: [worker('朱海涛', 532), worker('朱海波', 533)],
      respondents: [employer()],
      claims: [{ category: 'wages', amount: '10000.00', description: '2025年工资' }],
    });
    const { c, arb } = await caseAt(t, a, 'heard', { body });
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'granted', amount: '10000.00' }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-10-12');
    expect(v.award.finality).toBe('final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-10-13' }, '2026-10-13');
    const [w1, w2] = c.applicants.map((x) => x.id) as [number, number];
    const court = '聊城市东昌府区人民法院';
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w2, court, filedOn: '2026-10-20' }, '2026-10-20');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w1, court, filedOn: '2026-11-30', courtAccepted: true }, '2026-11-30');
    const after = await read(a.tokens.clerk, c.id);
    expect(after.proceedings.lawsuits.map((l) => [l.partyId, l.courtAccepted])).toEqual([
      [w2, undefined],
      [w1, true],
    ]);
  });
});
