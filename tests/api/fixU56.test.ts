import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixU56 #2: an agent registered with the case may carry the authority his power of attorney states (`powers`, LDMAL
 * Art. 24), as APPOINT_AGENT records it after acceptance: stored, shown, changed with the registration (its change
 * recorded in words); another value is a 400 naming the field; APPOINT_AGENT takes it as the event's own `powers` only.
 */
const { t, a } = apiSuite();
const { send } = caseEvents(() => t);
const sister = { name: '赵小红', kind: 'relative', relationship: '姐姐' };

describe(`fixU56 an agent's authority at registration (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('given: stored and shown; absent: null; changed before acceptance: the new one, the change named in words', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [
          {
            ...worker('赵五六', 561),
            agents: [
              { ...sister, powers: 'special' },
              { name: '钱律师', kind: 'lawyer', unit: '某律所' },
            ],
          },
        ],
      }),
    );
    const read = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    const agents = read.applicants[0].agents;
    expect(agents[0]).toMatchObject({ name: '赵小红', powers: 'special', since: null });
    expect(agents[1]).toMatchObject({ name: '钱律师', powers: null });
    // Corrected before acceptance: the authority is one of the agent's fields.
    const body = {
      applicants: [
        {
          id: read.applicants[0].id,
          kind: 'person',
          name: read.applicants[0].name,
          idNumber: read.applicants[0].idNumber,
          agents: [
            { id: agents[0].id, ...sister, powers: 'general' },
            { id: agents[1].id, name: '钱律师', kind: 'lawyer', unit: '某律所' },
          ],
        },
      ],
    };
    const patched = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`).set('If-Match', `"${read.version}"`).send(body);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.applicants[0].agents[0].powers).toBe('general');
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body;
    expect(JSON.stringify(history.at(-1))).toContain('委托权限');
    expect(JSON.stringify(history.at(-1))).toContain('特别授权 → 一般授权');
  });

  it('another value: 400 naming the field; inside APPOINT_AGENT.agent: 400 (the event has its own powers)', async () => {
    const bad = await t
      .api(a.tokens.clerk)
      .post('/api/cases')
      .send(standardApplication({ applicants: [{ ...worker('孙五六', 562), agents: [{ ...sister, powers: 'full' }] }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['applicants.0.agents.0.powers']);
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('李五六', 563)] }));
    const accepted = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const applicant = c.applicants[0]?.id as number;
    const inside = await send(
      c,
      a.tokens.clerk,
      'APPOINT_AGENT',
      { partyId: applicant, agent: { ...sister, powers: 'special' }, powers: 'special', receivedOn: '2026-03-05' },
      '2026-03-05',
    );
    expect(inside.status).toBe(400);
    expect(JSON.stringify(inside.body.errors)).toContain('agent');
  });
});
