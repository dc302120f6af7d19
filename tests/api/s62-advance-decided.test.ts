import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * s62 D #1 — advance execution (先予执行, LDMAL Art. 44; Rules Arts. 50–51) is a ruling on a claim still before the
 * tribunal: a claim a partial award (部分裁决, LDMAL Art. 43(2); Rules Art. 49) already decided is refused (422
 * `advance-execution-claim-decided` naming `claimIds`, the claim as 第N项 and the partial award that decided it),
 * nothing written; a claim no partial award decided is still ruled on; the reverse (a partial award on a claim paid in
 * advance) stays allowed.
 * Default case walk (caseAt): accepted 2026-03-04, tribunal 03-05, hearing held 03-25.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Body = Record<string, unknown>;

const { t, a } = apiSuite({ now: '2026-04-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const TEXT = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
const application = (name: string, seq: number) =>
  standardApplication({
    applicants: [worker(name, seq)],
    claims: [
      { category: 'wages', amount: '15000.00', description: '拖欠工资' },
      { category: 'economic_compensation', amount: '26400.00', description: '解除劳动合同经济补偿' },
    ],
  });
const ruling = (claimIds: number[], amounts: { claimId: number; amount: string }[]) => ({
  claimIds,
  appliedOn: '2026-03-26',
  rightsClear: true,
  lifeSeriouslyAffected: true,
  amounts,
  paymentDays: 5,
});
const view = async (id: number) => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as CaseView & Body;
const eventTypes = async (id: number) =>
  ((await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as { type: string }[]).map((e) => e.type);
const advances = (c: Body) => ((c.proceedings as Body | undefined)?.advanceExecutions ?? []) as { claimIds: number[] }[];

describe(`s62 D #1: no advance execution of a claim a partial award decided (${DB})`, () => {
  it('refused 422 naming claimIds, the claim (第1项) and the partial award, citing Arts. 43(2), 44 — nothing written; the claim not decided is ruled on', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: application('先裁甲', 621) });
    const [wages, comp] = c.claims.map((cl) => cl.id) as [number, number];
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: wages, outcome: 'granted', amount: '15000.00' }], ...TEXT }, '2026-03-27');
    const before = await view(c.id);
    const eventsBefore = await eventTypes(c.id);
    expect(eventsBefore.at(-1)).toBe('PARTIAL_AWARD');

    // The partial award's own claim, alone: refused, named as the screen numbers it.
    const refused = await send(c, arb.token, 'ADVANCE_EXECUTION', ruling([wages], [{ claimId: wages, amount: '15000.00' }]), '2026-03-30');
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ rule: 'advance-execution-claim-decided', field: 'claimIds' });
    expect(refused.body.detail).toContain('第1项请求已由第1件部分裁决（2026-03-27）作出裁决');
    expect(refused.body.detail).toContain('第四十三条第二款');
    expect(refused.body.detail).toContain('第四十四条');
    const after = await view(c.id);
    expect([after.version, after.state]).toEqual([before.version, before.state]);
    expect(advances(after)).toEqual([]);
    expect(await eventTypes(c.id)).toEqual(eventsBefore);

    // With a claim still pending sent too, the refusal names the decided one only.
    const mixed = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      ruling(
        [comp, wages],
        [
          { claimId: comp, amount: '5000.00' },
          { claimId: wages, amount: '15000.00' },
        ],
      ),
      '2026-03-30',
    );
    expect(mixed.status, JSON.stringify(mixed.body)).toBe(422);
    expect(mixed.body).toMatchObject({ rule: 'advance-execution-claim-decided', field: 'claimIds' });
    expect(mixed.body.detail).toContain('第1项请求已由第1件部分裁决');
    expect(mixed.body.detail).not.toContain('第2项');
    expect((await view(c.id)).version).toBe(before.version);

    // The preview (the dialog's confirmation) answers the same refusal before anything is sent.
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/event-preview`, {
      type: 'ADVANCE_EXECUTION',
      occurredOn: '2026-03-30',
      ...ruling([wages], [{ claimId: wages, amount: '15000.00' }]),
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(422);
    expect(preview.body).toMatchObject({ rule: 'advance-execution-claim-decided' });

    // The claim no partial award decided is still before the tribunal: ruled on.
    const allowed = await ok(c, arb.token, 'ADVANCE_EXECUTION', ruling([comp], [{ claimId: comp, amount: '5000.00' }]), '2026-03-30');
    expect(advances(allowed as Body).map((x) => x.claimIds)).toEqual([[comp]]);
    expect((await eventTypes(c.id)).at(-1)).toBe('ADVANCE_EXECUTION');
  }, 60_000);

  it('the reverse stays allowed: a partial award decides a claim already paid in advance', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: application('先裁乙', 622) });
    const [wages] = c.claims.map((cl) => cl.id) as [number, number];
    await ok(c, arb.token, 'ADVANCE_EXECUTION', ruling([wages], [{ claimId: wages, amount: '15000.00' }]), '2026-03-26');
    const r = await send(
      c,
      arb.token,
      'PARTIAL_AWARD',
      { items: [{ claimId: wages, outcome: 'granted', amount: '15000.00' }], ...TEXT },
      '2026-03-27',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await view(c.id);
    expect(((after.proceedings as Body).partialAwards as unknown[]).length).toBe(1);
    expect(advances(after).map((x) => x.claimIds)).toEqual([[wages]]);
  }, 60_000);
});
