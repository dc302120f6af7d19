import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { type Actors, type CaseShape, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside legal tester, LOW-1 and LOW-3: a legal rule's refusal about one payload field names it in `field` (as
 * `hearing-notice-5-days` names `hearingOn`) and changes nothing; a refusal names parties by name, not by id; a 404 for
 * a path parameter names the parameter, never the value.
 */
let t: TestApp;
let a: Actors;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-20T02:00:00Z' });
  a = await createActors(t);
});
afterAll(async () => t?.close());

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
      { claimIds: [wages], rightsClear: true, lifeSeriouslyAffected: false },
      '2026-03-10',
      'advance-execution-conditions',
      'lifeSeriouslyAffected',
    );
    await refusedAt(c, arb.token, 'ADVANCE_EXECUTION', { claimIds: [wages] }, '2026-03-10', 'advance-execution-conditions', 'rightsClear');
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
