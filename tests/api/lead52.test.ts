import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * sec52 L3: a party an act names, kept under its id but made another kind of party (a person into an organization),
 * is another party, not a correction — 422 `party-identity-after-act` naming the field; nothing changed.
 */
const { t, a } = apiSuite({ now: '2026-04-20T18:00:00Z' });
const db = process.env.TEST_DB ?? 'sqlite';
const { ok } = caseEvents(() => t);
type Party = Record<string, unknown> & { id: number; kind: string; name: string };

describe(`sec52 L3: the kind of a party an act names (${db})`, () => {
  it('a served applicant made an organization: 422 at applicants.0.kind, nothing changed; his phone still a correction', async () => {
    const c = await registerCase(t, a, standardApplication());
    const applicant = (c.applicants as Party[])[0] as Party;
    const asOrg = { id: applicant.id, kind: 'organization', name: `${applicant.name}商行` };
    await ok(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['劳动合同复印件'] }, '2026-04-02');
    const served = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'supplement_notice', partyId: applicant.id, method: 'direct' },
      '2026-04-03',
    );
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [asOrg] });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.rule).toBe('party-identity-after-act');
    expect(r.body.errors?.[0]?.path ?? r.body.field).toBe('applicants.0.kind');
    const now = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(now.body.version).toBe(served.version);
    expect(now.body.applicants[0].kind).toBe('person');
    // His details under his id (a phone) are still a correction.
    const phone = await t
      .api(a.tokens.clerk)
      .patch(`/api/cases/${c.id}`, { applicants: [{ ...applicantFields(applicant), phone: '13900000002' }] });
    expect(phone.status, JSON.stringify(phone.body)).toBe(200);
  });

  it('a respondent no act names may change kind (a correction before anything was served)', async () => {
    const c = await registerCase(t, a, standardApplication());
    const respondent = (c.respondents as Party[])[0] as Party;
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      respondents: [{ id: respondent.id, kind: 'person', name: '王某某' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.respondents[0].kind).toBe('person');
  });
});

/** A party as a form sends it back, with its id. */
function applicantFields(p: Party) {
  const { side: _side, sex: _s, birthDate: _b, agents: _a, ...rest } = p;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
}
