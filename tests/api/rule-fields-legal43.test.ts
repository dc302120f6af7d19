import { describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { type CaseShape, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside legal tester, LOW-1 and LOW-3: a legal rule's refusal about one payload field names it in `field` (as
 * `hearing-notice-5-days` names `hearingOn`) and changes nothing; a refusal names parties by name, not by id; a 404 for
 * a path parameter names the parameter, never the value.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

type Body = Record<string, unknown>;
const { send, ok } = caseEvents(() => t);
const version = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version as number;

/** Sends the event, expects 422 with `rule` naming `field`, and the case's version unchanged. */
async function refusedAt(c: CaseShape, token: string, type: EventType, payload: Body, on: string, rule: string, field: string) {
  const before = await version(c);
  const r = await send(c, token, type, payload, on);
  expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(422);
  expect(r.type).toBe('application/problem+json');
  expect(r.body).toMatchObject({ rule, field });
  expect(await version(c)).toBe(before);
  return r.body as Body;
}

describe('LOW-1: rule refusals about one payload field name it', () => {
  it('collective-needs-three-arbitrators → arbitratorIds; three-to-five-representatives → partyIds', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 500 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const ids = a.arbitrators.map((x) => x.id);
    await refusedAt(
      c,
      a.tokens.chair,
      'FORM_TRIBUNAL',
      { arbitratorIds: [ids[0]], presidingId: ids[0] },
      '2026-03-05',
      'collective-needs-three-arbitrators',
      'arbitratorIds',
    );
    const two = { partyIds: c.applicants.slice(0, 2).map((p) => p.id) };
    await refusedAt(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', two, '2026-03-05', 'three-to-five-representatives', 'partyIds');
  });

  it('no-public-notice-in-simple-procedure → method', async () => {
    const s = await registerCase(t, a, standardApplication({ procedure: 'simple' }));
    await ok(s, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const serve = { document: 'respond_notice', partyId: s.respondents[0]?.id, method: 'public_notice' };
    await refusedAt(s, a.tokens.clerk, 'SERVE', serve, '2026-03-06', 'no-public-notice-in-simple-procedure', 'method');
  });

  it('advance-execution-categories → claimIds; advance-execution-conditions → the condition not found', async () => {
    const body = standardApplication({
      claims: [
        { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
        { category: 'confirm_relationship', description: '确认双方2025年存在劳动关系' },
      ],
    });
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled', { body });
    const confirm = c.claims.find((x) => x.category === 'confirm_relationship')?.id;
    const wages = c.claims.find((x) => x.category === 'wages')?.id;
    const both = { rightsClear: true, lifeSeriouslyAffected: true };
    // legalfixA L1: a wages claim's amount is required at the field first (400) — given, the conditions are tested.
    const priced = { amounts: [{ claimId: wages, amount: '1000.00' }], paymentDays: 5 };
    await refusedAt(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [confirm], ...both },
      '2026-03-10',
      'advance-execution-categories',
      'claimIds',
    );
    await refusedAt(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: false, ...priced },
      '2026-03-10',
      'advance-execution-conditions',
      'lifeSeriouslyAffected',
    );
    await refusedAt(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [wages], ...priced },
      '2026-03-10',
      'advance-execution-conditions',
      'rightsClear',
    );
  });

  it('extension-before-deadline → occurredOn', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    // 45 days from 2026-03-04 run out on Monday 2026-04-20 (the Saturday carried over).
    const body = await refusedAt(
      c,
      a.tokens.chair,
      'EXTEND_TIME_LIMIT',
      { days: 10 },
      '2026-04-21',
      'extension-before-deadline',
      'occurredOn',
    );
    expect(body.detail).toContain('2026-04-20');
  });

  it('the same gap elsewhere: electronic-service-consent → consent', async () => {
    const c = await registerCase(t, a);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const serve = { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'electronic' };
    await refusedAt(c, a.tokens.clerk, 'SERVE', serve, '2026-03-06', 'electronic-service-consent', 'consent');
  });
});

describe('LOW-3: refusals name parties by name; a 404 names the path parameter', () => {
  it('represented-consent-required names the workers without consent by name, not by party id', async () => {
    const c = await registerCase(
      t,
      a,
      application({
        applicants: Array.from({ length: 10 }, (_, i) => worker(`工人${String.fromCharCode(0x7532 + i)}`, 600 + i)),
        respondents: [employer('聊城某某纺织有限公司')],
      }),
    );
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const workers = c.applicants.map((x) => x.id);
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: workers.slice(0, 3) }, '2026-03-05');
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTED_CONSENT', { matter: 'withdraw', partyIds: workers.slice(3, 8) }, '2026-03-05');
    const r = await send(c, a.tokens.clerk, 'WITHDRAW', { reason: '和解' }, '2026-03-06');
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('represented-consent-required');
    const names = (c as unknown as { applicants: { id: number; name: string }[] }).applicants.map((p) => p.name);
    expect(r.body.detail).toContain(`（${names[8]}、${names[9]}）`);
    expect(r.body.detail).not.toMatch(new RegExp(`${workers[8]}、${workers[9]}`));
    // A named non-represented worker is named too (consent-by-represented, field partyIds).
    const rep = await send(c, a.tokens.clerk, 'RECORD_REPRESENTED_CONSENT', { matter: 'withdraw', partyIds: [workers[0]] }, '2026-03-06');
    expect(rep.body).toMatchObject({ rule: 'consent-by-represented', field: 'partyIds' });
    expect(rep.body.detail).toContain(names[0]);
  });

  it('an unknown case, claim or user: 404 naming the parameter, never its value', async () => {
    const ID = 98765;
    for (const path of [`/api/cases/${ID}`, `/api/cases/${ID}/deadlines`]) {
      const r = await t.api(a.tokens.clerk).get(path);
      expect(r.status).toBe(404);
      expect(r.body.field).toBe('id');
      expect(r.body.detail).toContain('路径参数 id');
      expect(r.body.detail).not.toContain(String(ID));
    }
    const ev = await t.api(a.tokens.clerk).post(`/api/cases/${ID}/events`, { type: 'ACCEPT', occurredOn: '2026-03-04' });
    expect(ev.status).toBe(404);
    expect(ev.body).toMatchObject({ field: 'id' });
    expect(ev.body.detail).not.toContain(String(ID));
    const c = await registerCase(t, a);
    const claim = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/claims/${ID}/history`);
    expect(claim.status).toBe(404);
    expect(claim.body).toMatchObject({ field: 'claimId' });
    expect(claim.body.detail).not.toContain(String(ID));
    const user = await t.api(t.adminToken).get(`/api/users/${ID}`);
    expect(user.status).toBe(404);
    expect(user.body).toMatchObject({ field: 'id' });
    expect(user.body.detail).not.toContain(String(ID));
  });
});
