import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixU59 (ui59, a new user's walk): #1 an award the rules refuse whatever its payload — an added party not served
 * (added-party-not-served), a respondent added after the last hearing and not heard since (party-joined-after-hearing) —
 * is not offered by next-events but listed with `blocked=true` and its reason (one home: rules.ts awardCaseRefusal);
 * #4 the refusal cites Rules Art. 46 item (一) as its source does, and the award's warning of a party added after the
 * hearing names him.
 */
const { t, a } = apiSuite({ now: '2026-12-10T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const read = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
type Next = { type: string; blocked?: { rule: string; source: string; reason: string } };
const next = async (c: { id: number }, token: string, q = 'blocked=true') =>
  (await t.api(token).get(`/api/cases/${c.id}/next-events?${q}`)).body as Next[];
const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
  ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);

/** Accepted 11-03, tribunal 11-06, a hearing on 11-20 noticed to all and held; then a party added on 11-23 (not served). */
async function heardThenAdded(side: 'respondent' | 'third_party', name: string, idNo: number) {
  let c: CaseView = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
  c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-11-06');
  await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-20', place: '第一仲裁庭' }, '2026-11-06');
  await serve(c, 'application_copy', c.respondents[0]?.id as number, '2026-11-07');
  for (const id of [c.applicants[0]?.id, c.respondents[0]?.id]) await serve(c, 'hearing_notice', id as number, '2026-11-09');
  await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-20');
  const ground = side === 'respondent' ? 'co_respondent' : 'interested_third_party';
  const added = await ok(c, arb(0).token, 'ADD_PARTY', { side, ground, party: worker(name, idNo) }, '2026-11-23');
  const addedId = (side === 'respondent' ? added.respondents : (added.thirdParties ?? [])).at(-1)?.id as number;
  return { c: await read(c), addedId };
}

describe(`fixU59 #1: an award refused whatever the payload is not offered, and says why (${DB})`, () => {
  it('added-party-not-served, then party-joined-after-hearing: held back under blocked, with the 422 rule and a reason naming him', async () => {
    const { c, addedId } = await heardThenAdded('respondent', '赵六', 402);
    const before = await next(c, arb(0).token);
    for (const type of ['ISSUE_AWARD', 'PARTIAL_AWARD']) {
      const n = before.find((x) => x.type === type);
      expect(n?.blocked?.rule, JSON.stringify(before)).toBe('added-party-not-served');
      expect(n?.blocked?.reason).toContain('赵六');
    }
    // Without blocked=true they are simply not offered.
    expect((await next(c, arb(0).token, '')).map((n) => n.type)).not.toContain('ISSUE_AWARD');
    // The 422 for the same rule, whatever is sent.
    const items = [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00', obligorIds: [addedId] }];
    const r0 = await send(c, arb(0).token, 'PARTIAL_AWARD', { items }, '2026-11-23');
    expect([r0.status, r0.body.rule]).toEqual([422, 'added-party-not-served']);

    await serve(c, 'addition_notice', addedId, '2026-11-24');
    const list = await next(c, arb(0).token);
    const award = list.find((n) => n.type === 'ISSUE_AWARD');
    expect(award?.blocked?.rule, JSON.stringify(list)).toBe('party-joined-after-hearing');
    expect(award?.blocked?.source).toContain('Rules Arts. 38, 46(1)');
    expect(award?.blocked?.reason).toContain('赵六');
    expect(award?.blocked?.reason).toContain('请书面通知全体当事人再次开庭后再作出裁决');
    // fixL58 #7: the reason does not cite again the articles its source gives; no party number.
    expect(award?.blocked?.reason).not.toMatch(/第[一二三四五六七八九十]+条|当事人\d/);
    expect(list.find((n) => n.type === 'PARTIAL_AWARD')?.blocked?.rule).toBe('party-joined-after-hearing');
    // The offered acts come first; the blocked ones after them.
    const firstBlocked = list.findIndex((n) => n.blocked);
    expect(list.slice(firstBlocked).every((n) => n.blocked)).toBe(true);
    // all=true (what the page asks for anyone's acts) holds them back alike.
    expect((await next(c, a.tokens.clerk, 'all=true&blocked=true')).find((n) => n.type === 'ISSUE_AWARD')?.blocked?.rule).toBe(
      'party-joined-after-hearing',
    );

    // #4: the 422 names him and cites Rules Art. 46 item (一) — as its source 46(1) reads.
    // A hearing scheduled before he is served is warned of by his name too (workflows/hearings.ts, the previewed act).
    const p = await t
      .api(arb(0).token)
      .post(`/api/cases/${c.id}/event-preview`)
      .send({ type: 'SCHEDULE_HEARING', occurredOn: '2026-11-25', hearingOn: '2026-12-07', place: '第一仲裁庭' });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const said = (p.body.warnings as string[]).join('\n');
    expect(said).not.toMatch(/当事人\d/);
    const r = await send(
      c,
      arb(0).token,
      'ISSUE_AWARD',
      { items: [...items, { claimId: c.claims[1]?.id, outcome: 'dismissed' }] },
      '2026-11-25',
    );
    expect([r.status, r.body.rule]).toEqual([422, 'party-joined-after-hearing']);
    expect(r.body.detail).toContain('第四十六条第（一）项');
    expect(r.body.detail).not.toContain('第四十六条第一款');
    expect(r.body.detail).toContain('赵六');
    expect(r.body.detail).not.toMatch(/当事人\d/);

    // A hearing since, noticed to every party: the award is offered again.
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-03', place: '第一仲裁庭' }, '2026-11-24');
    for (const p of [...c.applicants, ...(await read(c)).respondents]) await serve(c, 'hearing_notice', p.id, '2026-11-25');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-12-03');
    const after = await next(c, arb(0).token);
    expect(after.find((n) => n.type === 'ISSUE_AWARD')?.blocked, JSON.stringify(after)).toBeUndefined();
    expect(after.map((n) => n.type)).toContain('ISSUE_AWARD');
  });
});

describe(`fixU59 #4: the award's warning of a party added after the hearing names him (${DB})`, () => {
  it('a third party added and served after the hearing: the award is made, warned of by his name, Rules Art. 46 item (一)', async () => {
    const { c, addedId } = await heardThenAdded('third_party', '孙八', 403);
    await serve(c, 'addition_notice', addedId, '2026-11-24');
    expect((await next(c, arb(0).token)).find((n) => n.type === 'ISSUE_AWARD')?.blocked).toBeUndefined();
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    const r = await send(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-11-25');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const w = (r.body.warnings as string[]).find((x) => x.includes('在最后一次开庭'));
    expect(w, JSON.stringify(r.body.warnings)).toContain('孙八');
    expect(w).toContain('第四十六条第（一）项');
    expect(w).not.toMatch(/当事人\d/);
  });
});

describe(`fixU59 #5: a review application received after its period is warned of at registration (Rules Arts. 74–75) (${DB})`, () => {
  const review = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn,
        agreement: { effectiveOn: '2026-11-02', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
        ...extra,
      }),
    );
  it('late: 201 with a dateWarning naming the last day; in time (or posted in time): none', async () => {
    const late = await review('2026-11-30');
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const due = (late.body.deadlines as { kind: string; dueOn: string }[]).find((d) => d.kind === 'review_filing')?.dueOn as string;
    expect(due < '2026-11-30').toBe(true);
    const w = (late.body.dateWarnings ?? []) as string[];
    expect(w.join('\n')).toContain(`申请期间的最后一日为${due}`);
    expect(w.join('\n')).toContain('第七十五条不予受理');
    const timely = await review('2026-11-10');
    expect(timely.status).toBe(201);
    expect(timely.body.dateWarnings).toBeUndefined();
    // Posted on the last day, received later: filed on the postmark (CPL Art. 85(4)) — not late.
    const posted = await review('2026-11-30', { postmarkOn: due });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body.dateWarnings).toBeUndefined();
  });
});
