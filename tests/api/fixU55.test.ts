import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui55 through the HTTP API. #1: a refusal names a claim as the case lists it — its number (seq, 第N项请求) and its
 * words — never its database id (「请求 3 不属于」 where the screen had no claim 3). #4: on a case already heard, a late
 * jurisdiction objection (Rules Art. 10) and a counterclaim filed in the defense period but merged now (Rules Art. 36)
 * are still recorded: the server does not refuse them whatever the payload, so next-events keeps offering them.
 */
const { t, a } = apiSuite({ now: '2026-12-06T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const CERTIFICATE = { category: 'other', description: '出具解除劳动合同证明' };
const body = (seq: number) =>
  standardApplication({
    applicants: [worker('韩立', seq)],
    claims: [{ category: 'wages', amount: '10000.00', description: '2025年工资' }, CERTIFICATE],
  });
/** No "请求 <digits>": the id the rules hold never reaches the person. */
const NO_ID = /请求 ?\d/;

describe(`fixU55 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('#1 advance execution of a non-money claim names it 第2项请求（其他：出具解除劳动合同证明）, not by its id', async () => {
    // A case registered first, so that ids and numbers differ.
    await registerCase(t, a, standardApplication({ applicants: [worker('韩一', 550)] }));
    const { c, arb } = await caseAt(t, a, 'heard', { body: body(551) });
    const [c1, c2] = c.claims.map((x) => x.id) as [number, number];
    expect(c2).not.toBe(2);
    const r = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [c2], rightsClear: true, lifeSeriouslyAffected: true, paymentDays: 7 },
      '2026-03-26',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'advance-execution-categories', field: 'claimIds' });
    expect(r.body.detail).toContain('第2项请求（其他：出具解除劳动合同证明）不属于');
    expect(r.body.detail).not.toMatch(NO_ID);
    // Two named alike, each by its number.
    const both = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { claimIds: [c1, c2], rightsClear: true, lifeSeriouslyAffected: true, paymentDays: 7, amounts: [{ claimId: c1, amount: '1000.00' }] },
      '2026-03-26',
    );
    expect(both.status).toBe(422);
    expect(both.body.detail).toContain('第2项请求（其他：出具解除劳动合同证明）不属于');
  });

  it('#1 the award refusals name the claims alike: a claim left undecided, a money claim without its sum (and the preview)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: body(552) });
    const [c1, c2] = c.claims.map((x) => x.id) as [number, number];
    const missing = await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: c1, outcome: 'granted', amount: '10000.00' }] },
      '2026-03-30',
    );
    expect(missing.status, JSON.stringify(missing.body)).toBe(422);
    expect(missing.body.rule).toBe('award-must-decide-every-claim');
    expect(missing.body.detail).toContain('尚未处理的：第2项请求（其他：出具解除劳动合同证明）');
    expect(missing.body.detail).not.toMatch(NO_ID);
    const items = [
      { claimId: c1, outcome: 'granted' },
      { claimId: c2, outcome: 'granted' },
    ];
    const unpriced = await send(c, arb.token, 'ISSUE_AWARD', { items }, '2026-03-30');
    expect(unpriced.status).toBe(422);
    expect(unpriced.body).toMatchObject({ rule: 'award-amount-required', field: 'items.0.amount' });
    expect(unpriced.body.detail).toContain('第1项请求（劳动报酬：2025年工资）为给付请求');
    const preview = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`).send({ items, occurredOn: '2026-03-30' });
    expect(preview.status).toBe(422);
    expect(preview.body.detail).toBe(unpriced.body.detail);
    // A partial award deciding claim 2, then an award deciding it again.
    await ok(c, arb.token, 'PARTIAL_AWARD', { items: [{ claimId: c2, outcome: 'granted' }] }, '2026-03-30');
    const again = await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: c1, outcome: 'granted', amount: '10000.00' },
          { claimId: c2, outcome: 'granted' },
        ],
      },
      '2026-03-31',
    );
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('claim-already-decided');
    expect(again.body.detail).toContain('第2项请求（其他：出具解除劳动合同证明）已由部分裁决处理');
    expect(again.body.detail).not.toMatch(NO_ID);
  });

  it("#1 an employer's counterclaim paid in advance: named with its number and 反请求", async () => {
    const c = (await registerCase(t, a, body(553))) as CaseView;
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      {
        description: '被申请人反申请：申请人返还培训费用',
        claims: [{ category: 'damages', amount: '5000.00', description: '返还培训费用' }],
      },
      '2026-03-10',
    );
    const counter = (v.claims as unknown as { id: number; seq: number; counterclaim?: boolean }[]).find((x) => x.counterclaim);
    expect(counter?.seq).toBe(3);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    const r = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      {
        claimIds: [counter?.id],
        rightsClear: true,
        lifeSeriouslyAffected: true,
        paymentDays: 7,
        amounts: [{ claimId: counter?.id, amount: '100.00' }],
      },
      '2026-03-12',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.rule).toBe('advance-execution-worker-claims');
    expect(r.body.detail).toContain('第3项请求（反请求，赔偿金：返还培训费用）是用人单位对劳动者提出的请求');
    expect(r.body.detail).not.toMatch(NO_ID);
  });

  it('#4 heard, the defense period over: a late objection is recorded (Art. 10), a counterclaim filed in time is merged (Art. 36) — both offered', async () => {
    const c = (await registerCase(t, a, body(554))) as CaseView;
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const r0 = c.respondents[0]?.id as number;
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'respond_notice', partyId: r0, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-30', place: '第一仲裁庭' }, '2026-03-12');
    const heard = await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-30');
    expect(heard.state).toBe('heard');
    const next = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[];
    expect(next.map((x) => x.type)).toEqual(expect.arrayContaining(['FILE_COUNTERCLAIM', 'RAISE_JURISDICTION_OBJECTION']));
    // A counterclaim filed after the defense period (10 working days from 03-06) is refused …
    const counterclaim = (filedOn: string) => ({
      description: '被申请人反申请：申请人返还培训费用',
      filedOn,
      claims: [{ category: 'damages', amount: '5000.00', description: '返还培训费用' }],
    });
    const late = await send(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', counterclaim('2026-03-31'), '2026-03-31');
    expect(late.status).toBe(422);
    expect(late.body.rule).toBe('counterclaim-in-defense-period');
    // … one filed within it (03-16) and merged only now is not: the refusal depends on the payload (filedOn).
    const merged = await send(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', counterclaim('2026-03-16'), '2026-03-31');
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    // A late objection is recorded as late and does not stop the case (Rules Art. 10): never refused for lateness.
    const objection = await ok(
      c,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: r0, grounds: '应由临清市仲裁委管辖' },
      '2026-03-31',
    );
    expect(objection.proceedings.jurisdictionObjections).toMatchObject([{ timely: false }]);
    expect((objection.warnings as string[]).join('')).toContain('第十条');
    expect(objection.state).toBe('heard');
  });
});
