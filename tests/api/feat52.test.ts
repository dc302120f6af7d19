import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { capturedLogger } from '../helpers/log-sink.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * feat52: agents (委托代理人) appointed or revoked after acceptance — APPOINT_AGENT / REVOKE_AGENT (LDMAL Art. 24; the
 * written notice revoking an agency, domain.md §1.2). Two agents at most per party here (AGENTS_PER_PARTY_MAX=2, the
 * configurable cap). "Today" is 2026-04-01; the cases are received 03-02, accepted 03-04, heard 03-25.
 */
const { lines, logger } = capturedLogger('debug');
const { t, a } = apiSuite({ logger, env: { AGENTS_PER_PARTY_MAX: '2', TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const PHONE = '13912345678';
const legalAid = { name: '刘援助', kind: 'legal_aid', unit: '聊城市法律援助中心', phone: PHONE };
const sister = { name: '王小红', kind: 'relative', relationship: '姐姐' };

type Agent = { id: number; name: string; kind: string; powers: string | null; since: string | null };
type View = { id: number; version: number; applicants: { id: number; agents: Agent[] }[]; respondents: { id: number; agents: Agent[] }[] };

const get = async (token: string, path: string) => {
  const r = await t.api(token).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe(`agents appointed and revoked after acceptance (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a worker gets a legal-aid lawyer at the hearing stage: the view, the history, the statistics and the award show him', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('张援助', 521)] }) });
    const applicant = (c as unknown as View).applicants[0]?.id as number;
    const before = await get(a.tokens.analyst, '/api/stats/closure?from=2026-03-01&to=2026-03-31');
    // The appointment is recorded a day after the case (04-02): a statistic as of 04-01 does not count it yet.
    t.clock.set('2026-04-02T02:00:00Z');

    const v = (await ok(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: applicant, agent: legalAid, powers: 'special', receivedOn: '2026-03-26' },
      '2026-03-27',
    )) as unknown as View;
    const agent = v.applicants[0]?.agents.find((x) => x.name === '刘援助') as Agent;
    expect(agent).toMatchObject({ kind: 'legal_aid', unit: '聊城市法律援助中心', powers: 'special', since: '2026-03-26' });
    // The case view read again says the same; an agent registered with the case has no authority or day recorded.
    const read = (await get(a.tokens.clerk, `/api/cases/${c.id}`)) as View;
    expect(read.applicants[0]?.agents).toEqual([expect.objectContaining({ id: agent.id, powers: 'special', since: '2026-03-26' })]);
    // The history holds the act, by the clerk.
    const history = await get(a.tokens.clerk, `/api/cases/${c.id}/events`);
    expect(history.at(-1)).toMatchObject({ type: 'APPOINT_AGENT', occurredOn: '2026-03-27' });

    // A relative too, whose agency the worker revokes in writing: his row stays out of the view from then on.
    const withSister = (await ok(
      c,
      arb.token,
      'APPOINT_AGENT',
      { partyId: applicant, agent: sister, powers: 'general', receivedOn: '2026-03-27' },
      '2026-03-27',
    )) as unknown as View;
    const sisterId = withSister.applicants[0]?.agents.find((x) => x.name === '王小红')?.id as number;
    const revoked = (await ok(
      c,
      a.tokens.clerk,
      'REVOKE_AGENT',
      { partyId: applicant, agentId: sisterId, receivedOn: '2026-03-28' },
      '2026-03-28',
    )) as unknown as View;
    expect(revoked.applicants[0]?.agents.map((x) => x.name)).toEqual(['刘援助']);
    expect((await get(a.tokens.clerk, `/api/cases/${c.id}/events`)).at(-1)).toMatchObject({ type: 'REVOKE_AGENT' });

    // Legal-aid statistics count the case from the day the appointment was recorded (asOf), not before — not from
    // the day the power of attorney was received (reviewer s52 L2).
    const after = await get(a.tokens.analyst, '/api/stats/closure?from=2026-03-01&to=2026-03-31');
    expect(after.legalAid.cases).toBe(before.legalAid.cases + 1);
    expect(after.legalAid.workers).toBe(before.legalAid.workers + 1);
    const drill = await get(a.tokens.analyst, '/api/stats/closure/cases?from=2026-03-01&to=2026-03-31&measure=legalAid');
    expect(drill.items.map((x: { id: number }) => x.id)).toContain(c.id);
    const asOf = (day: string) => get(a.tokens.analyst, `/api/stats/closure?from=2026-03-01&to=2026-03-31&asOf=${day}`);
    expect((await asOf('2026-04-02')).legalAid.cases).toBe((await asOf('2026-04-01')).legalAid.cases + 1);

    // The award made after the revocation names the legal-aid agent, not the revoked relative.
    const [wages, comp] = ids(c);
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '1000.00' },
          { claimId: comp, outcome: 'dismissed' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-03-30',
    );
    const text = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(text).toContain('委托代理人：刘援助，聊城市法律援助中心指派的法律援助人员。');
    expect(text).not.toContain('王小红');
    // Closed by the award: no agent is recorded any more (409), nor offered.
    const late = await send(
      c,
      a.tokens.clerk,
      'REVOKE_AGENT',
      { partyId: applicant, agentId: agent.id, receivedOn: '2026-03-31' },
      '2026-03-31',
    );
    expect(late.status).toBe(409);
    const next = await get(a.tokens.clerk, `/api/cases/${c.id}/next-events`);
    expect(next.map((x: { type: string }) => x.type)).not.toContain('APPOINT_AGENT');
    // The phone given for the agent is never written to the log.
    expect(lines.join('')).not.toContain(PHONE);
    t.clock.set('2026-04-01T02:00:00Z');
  });

  it('is offered from acceptance to the clerk and the tribunal, not before; other roles are refused', async () => {
    const { c: received } = await caseAt(t, a, 'received');
    const applicant = (received as unknown as View).applicants[0]?.id as number;
    const body = { partyId: applicant, agent: legalAid, powers: 'general', receivedOn: '2026-03-03' };
    const early = await send(received, a.tokens.clerk, 'APPOINT_AGENT', body, '2026-03-03');
    expect(early.status).toBe(409);
    expect((await get(a.tokens.clerk, `/api/cases/${received.id}/next-events`)).map((x: { type: string }) => x.type)).not.toContain(
      'APPOINT_AGENT',
    );

    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const next = await get(a.tokens.clerk, `/api/cases/${c.id}/next-events`);
    expect(next).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'APPOINT_AGENT', label: '登记委托代理人' }),
        expect.objectContaining({ type: 'REVOKE_AGENT', label: '解除委托代理' }),
      ]),
    );
    expect((await get(arb.token, `/api/cases/${c.id}/next-events`)).map((x: { type: string }) => x.type)).toContain('APPOINT_AGENT');
    const other = a.arbitrators[1] as { token: string };
    const payload = { ...body, partyId: (c as unknown as View).applicants[0]?.id, receivedOn: '2026-03-06' };
    for (const token of [a.tokens.mediator, a.tokens.analyst, a.tokens.chair, a.tokens.admin, other.token])
      expect((await send(c, token, 'APPOINT_AGENT', payload, '2026-03-06')).status).toBe(403);
    const unchanged = (await get(a.tokens.clerk, `/api/cases/${c.id}`)) as View;
    expect(unchanged.version).toBe(c.version);
    expect(unchanged.applicants[0]?.agents).toEqual([]);
  });

  it('bad input is 400 naming the field, a rule 422 naming it — and nothing is changed', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const v = c as unknown as View;
    const applicant = v.applicants[0]?.id as number;
    const respondent = v.respondents[0]?.id as number;
    const appoint = (payload: Record<string, unknown>, on = '2026-03-10') =>
      send(
        c,
        a.tokens.clerk,
        'APPOINT_AGENT',
        { partyId: applicant, agent: legalAid, powers: 'general', receivedOn: '2026-03-10', ...payload },
        on,
      );
    const path = async (r: Promise<{ status: number; body: { errors?: { path: string }[] } }>, status: number) => {
      const res = await r;
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return (res.body.errors ?? []).map((e) => e.path);
    };
    expect(await path(appoint({ partyId: 999999 }), 400)).toContain('partyId');
    expect(await path(appoint({ agent: { ...legalAid, kind: 'friend' } }), 400)).toContain('agent.kind');
    expect(await path(appoint({ agent: { ...legalAid, name: '刘援助370102199001011234' } }), 400)).toContain('agent.name');
    expect(await path(appoint({ powers: 'everything' }), 400)).toContain('powers');
    expect(await path(appoint({ receivedOn: '2026-03-11' }), 400)).toContain('receivedOn');
    expect(await path(appoint({ receivedOn: '2026-03-01' }), 400)).toContain('receivedOn');
    const revoke = (payload: Record<string, unknown>) =>
      send(c, a.tokens.clerk, 'REVOKE_AGENT', { partyId: applicant, receivedOn: '2026-03-12', ...payload }, '2026-03-12');
    const unknown = await revoke({ agentId: 999999 });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ rule: 'unknown-agent', field: 'agentId' });
    expect(await path(revoke({}), 400)).toContain('agentId');
    let now = (await get(a.tokens.clerk, `/api/cases/${c.id}`)) as View;
    expect(now.version).toBe(c.version);

    // Two agents for the employer (AGENTS_PER_PARTY_MAX=2); a third is refused until one is revoked.
    const forEmployer = (agent: Record<string, unknown>) =>
      send(c, a.tokens.clerk, 'APPOINT_AGENT', { partyId: respondent, agent, powers: 'special', receivedOn: '2026-03-12' }, '2026-03-12');
    expect((await forEmployer({ name: '周律师', kind: 'lawyer', unit: '山东某律师事务所' })).status).toBe(200);
    const same = await forEmployer({ name: '周律师', kind: 'lawyer' });
    expect(same.status).toBe(422);
    expect(same.body).toMatchObject({ rule: 'agent-already-appointed', field: 'agent.name' });
    expect((await forEmployer({ name: '吴经理', kind: 'employee', unit: '人事部' })).status).toBe(200);
    const third = await forEmployer({ name: '郑法务', kind: 'employee' });
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({ rule: 'agents-per-party', field: 'partyId' });
    now = (await get(a.tokens.clerk, `/api/cases/${c.id}`)) as View;
    const lawyer = now.respondents[0]?.agents.find((x) => x.name === '周律师') as Agent;
    // An agent of another party is not this party's.
    expect((await revoke({ agentId: lawyer.id })).body).toMatchObject({ status: 422, rule: 'unknown-agent', field: 'agentId' });
    // The notice cannot precede the power of attorney.
    const tooEarly = await send(
      c,
      a.tokens.clerk,
      'REVOKE_AGENT',
      { partyId: respondent, agentId: lawyer.id, receivedOn: '2026-03-09' },
      '2026-03-12',
    );
    expect(tooEarly.status).toBe(400);
    const byEmployer = { partyId: respondent, agentId: lawyer.id, receivedOn: '2026-03-12' };
    expect((await send(c, a.tokens.clerk, 'REVOKE_AGENT', byEmployer, '2026-03-12')).status).toBe(200);
    const twice = await send(c, a.tokens.clerk, 'REVOKE_AGENT', byEmployer, '2026-03-12');
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ rule: 'agent-already-revoked', field: 'agentId' });
    // Revoked, he leaves room for another.
    expect((await forEmployer({ name: '郑法务', kind: 'employee' })).status).toBe(200);
    now = (await get(a.tokens.clerk, `/api/cases/${c.id}`)) as View;
    expect(now.respondents[0]?.agents.map((x) => x.name)).toEqual(['吴经理', '郑法务']);
  });
});
