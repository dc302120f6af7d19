import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';

/**
 * s62 C #2: an act the case's state takes but the case itself refuses whatever is sent (workflows/rules.ts
 * PRECONDITIONS) is not offered by next-events — and with `blocked=true` it is listed after the acts offered with its
 * rule, source and reason, as the acts held back by the other certain rules are (fixU57): 延长审理期限 once the award
 * period was extended (LDMAL Art. 43(1): once, by no more than 15 days), 部分裁决 before any hearing (LDMAL Art. 43(2)).
 * The server's today is 2026-04-01 China time; accepted 03-04, the award limit runs to 04-20.
 */
const { t, a } = apiSuite({ now: '2026-04-01T02:00:00Z' });
const { send, ok } = caseEvents(() => t);

type Next = {
  type: string;
  label: string;
  roles: string[];
  blocked?: { rule: string; source: string; reason: string; precondition?: true };
};
const next = async (token: string, id: number, query = '') => {
  const r = await t.api(token).get(`/api/cases/${id}/next-events${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Next[];
};

describe(`s62 C #2: next-events says why a once-only act is not offered (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('延长审理期限: offered until extended once; then held back with extension-once and its reason, not dropped', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed');
    // Before: the chair is offered the extension, and nothing about it is blocked.
    const before = await next(a.tokens.chair, c.id, '?blocked=true');
    const offeredBefore = before.find((n) => n.type === 'EXTEND_TIME_LIMIT');
    expect(offeredBefore, JSON.stringify(before)).toBeDefined();
    expect(offeredBefore?.blocked).toBeUndefined();

    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂，需调取社保记录' }, '2026-04-01');

    // Without `blocked`: not offered, as before.
    const plain = await next(a.tokens.chair, c.id);
    expect(plain.map((n) => n.type)).not.toContain('EXTEND_TIME_LIMIT');
    expect(plain.some((n) => n.blocked)).toBe(false);

    // With it: listed after the acts offered, with the rule the act would be refused by, its source and the reason.
    const list = await next(a.tokens.chair, c.id, '?blocked=true');
    const held = list.find((n) => n.type === 'EXTEND_TIME_LIMIT');
    expect(held, JSON.stringify(list)).toMatchObject({
      label: '延长审理期限',
      roles: ['chair'],
      blocked: { rule: 'extension-once' },
    });
    expect(held?.blocked?.source).toContain('LDMAL Art. 43(1)');
    expect(held?.blocked?.reason).toContain('2026-04-01');
    expect(held?.blocked?.reason).toContain('延长10日');
    expect(held?.blocked?.reason).toContain('延长只能批准一次');
    const offered = list.filter((n) => !n.blocked);
    expect(offered.length).toBeGreaterThan(0);
    expect(list.findIndex((n) => n.blocked)).toBe(offered.length);

    // The reason is the one the act itself is refused with (one home: rules.ts PRECONDITIONS).
    const again = await send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 3, reason: '仍需鉴定' }, '2026-04-01');
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('extension-once');
    expect(again.body.detail).toContain(held?.blocked?.reason);

    // Not the clerk's act: not listed for him; listed as anyone's with all=true.
    expect((await next(a.tokens.clerk, c.id, '?blocked=true')).some((n) => n.type === 'EXTEND_TIME_LIMIT')).toBe(false);
    const all = await next(a.tokens.clerk, c.id, '?all=true&blocked=true');
    expect(all.find((n) => n.type === 'EXTEND_TIME_LIMIT')?.blocked?.rule).toBe('extension-once');
    // s62: marked as the case’s own precondition (no one's act unblocks it), which the page explains only to its doer.
    expect(held?.blocked).toMatchObject({ precondition: true });
  });

  it('a block another’s act can lift (the hearing notice not proven served, fixU57) carries no precondition mark', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { held: { applicantPresent: true, respondentPresent: false } });
    const award = (await next(arb.token, c.id, '?blocked=true')).find((n) => n.type === 'ISSUE_AWARD');
    expect(award?.blocked?.rule, JSON.stringify(award)).toBeDefined();
    expect(award?.blocked).not.toHaveProperty('precondition');
  });

  it('部分裁决 before any hearing: held back with partial-award-before-hearing; offered once heard', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const list = await next(arb.token, c.id, '?blocked=true');
    const partial = list.find((n) => n.type === 'PARTIAL_AWARD');
    expect(partial?.blocked?.rule, JSON.stringify(list)).toBe('partial-award-before-hearing');
    expect(partial?.blocked?.reason).toContain('本案尚未开庭');
    expect((await next(arb.token, c.id)).map((n) => n.type)).not.toContain('PARTIAL_AWARD');

    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const heard = await next(arb.token, c.id, '?blocked=true');
    const offered = heard.find((n) => n.type === 'PARTIAL_AWARD');
    expect(offered, JSON.stringify(heard)).toBeDefined();
    expect(offered?.blocked).toBeUndefined();
  });

  it('a state that does not take the act lists nothing about it: 延长审理期限 before acceptance', async () => {
    const { c } = await caseAt(t, a, 'received');
    const all = await next(a.tokens.chair, c.id, '?all=true&blocked=true');
    expect(all.map((n) => n.type)).not.toContain('EXTEND_TIME_LIMIT');
  });
});
