import { describe, expect, it } from 'vitest';
import type { CaseContext } from '../../workflows/procedure-types.ts';
import { heardSinceJoined } from '../../workflows/rules.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixL58: smaller findings left from the last stop.
 * #1 a hearing held earlier on the day a party was added was not his (Rules Arts. 10, 46(1)): his jurisdiction objection
 *    is judged by the hearings held since his addition (`partyAdditions[].hearingsBefore`).
 * #2 the award states the tribunal's decision not to hear again after it changed (ISSUE_AWARD `noRehearing`).
 * #3 a joint item granted in full with shares leaving a worker out is 400 naming `items[i].shares` and him.
 * #6 an unknown key in a union's object branch is named with its path.
 * #7 a blocked act's reason does not cite again the articles its source gives.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string; side?: string };
const FACTS = '经审理查明，被申请人拖欠申请人工资。';
const REASONING = '本委认为，被申请人应当支付。';
const DEFENSE = '被申请人辩称其经营困难';
const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };

const addRespondent = async (c: { id: number }, on: string, name: string) => {
  const v = await ok(c, a.tokens.clerk, 'ADD_PARTY', { side: 'respondent', ground: 'co_respondent', party: { kind: 'person', name } }, on);
  return (v.respondents as Party[]).find((p) => p.name === name) as Party;
};

describe(`fixL58 #1: a hearing earlier on the day a party was added was not his (Rules Arts. 10, 46(1)) (${DB})`, () => {
  it('added the day of the hearing, after it: his objection is timely; after a hearing held since, late', async () => {
    const { c, arb: a0 } = await caseAt(t, a, 'heard');
    const added = await addRespondent(c, '2026-03-25', '追加人赵五八');
    expect(added).toBeDefined();
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(view.proceedings.partyAdditions).toMatchObject([{ on: '2026-03-25', partyId: added.id, hearingsBefore: 1 }]);
    const v = await ok(c, a.tokens.clerk, 'RAISE_JURISDICTION_OBJECTION', { partyId: added.id, grounds: '应由临清市管辖' }, '2026-03-26');
    expect(v.proceedings.jurisdictionObjections).toMatchObject([{ partyId: added.id, timely: true }]);
    // A second case: a hearing held after his addition — his objection then is late.
    const { c: c2 } = await caseAt(t, a, 'heard');
    const other = await addRespondent(c2, '2026-03-25', '追加人钱五八');
    await ok(c2, a0.token, 'SCHEDULE_HEARING', { hearingOn: '2026-04-08', place: '第一仲裁庭' }, '2026-03-26');
    await ok(c2, a0.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-04-08');
    const late = await ok(
      c2,
      a.tokens.clerk,
      'RAISE_JURISDICTION_OBJECTION',
      { partyId: other.id, grounds: '应由临清市管辖' },
      '2026-04-09',
    );
    expect(late.proceedings.jurisdictionObjections).toMatchObject([{ partyId: other.id, timely: false }]);
  });

  it('an older record without hearingsBefore: judged by date, a hearing after the day (not one on it)', () => {
    const ctx = (held: string[]) =>
      ({
        partyAdditions: [{ on: '2026-03-25', partyId: 9, side: 'respondent', ground: 'co_respondent' }],
        hearingsHeld: held.map((heldOn) => ({ heldOn })),
      }) as unknown as CaseContext;
    expect(heardSinceJoined(ctx(['2026-03-25']), 9)).toBe(false);
    expect(heardSinceJoined(ctx(['2026-03-25', '2026-03-26']), 9)).toBe(true);
    // An original party: any hearing.
    expect(heardSinceJoined(ctx(['2026-03-25']), 3)).toBe(true);
    expect(heardSinceJoined(ctx([]), 3)).toBe(false);
  });
});

describe(`fixL58 #2: the award states the decision not to hear again after the tribunal changed (${DB})`, () => {
  it('ISSUE_AWARD with noRehearing: the procedure paragraph states the decision and its reason; without a change, nothing', async () => {
    const { c } = await caseAt(t, a, 'heard');
    await ok(c, a.tokens.chair, 'RECUSE_ARBITRATOR', { arbitratorId: arb(0).id, replacementId: arb(1).id, reason: '回避' }, '2026-03-26');
    const items = [
      { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00' },
      { claimId: c.claims[1]?.id, outcome: 'dismissed' },
    ];
    const reason = '双方当事人均未申请重新开庭，庭审笔录完整。';
    await ok(
      c,
      arb(1).token,
      'ISSUE_AWARD',
      { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE, noRehearing: { reason } },
      '2026-04-10',
    );
    const text = await generatedText(t, arb(1).token, c.id, { kind: 'award' });
    const said = '仲裁庭组成人员变更后，仲裁庭决定已进行的审理程序不再重新进行，理由：双方当事人均未申请重新开庭，庭审笔录完整。';
    expect(text).toContain(said);
    // In the procedure: after the hearing and the replacement, before 本案现已审理终结.
    expect(text.indexOf(said)).toBeGreaterThan(text.indexOf('开庭审理了本案'));
    expect(text.indexOf(said)).toBeGreaterThan(text.indexOf('回避'));
    expect(text.indexOf('本案现已审理终结')).toBe(text.indexOf(said) + said.length);
    // An award without the decision says nothing of it.
    const { c: plain, arb: a0 } = await caseAt(t, a, 'heard');
    await ok(
      plain,
      a0.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: plain.claims[0]?.id, outcome: 'granted', amount: '12000.00' },
          { claimId: plain.claims[1]?.id, outcome: 'dismissed' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    expect(await generatedText(t, a0.token, plain.id, { kind: 'award' })).not.toContain('不再重新进行');
  });
});

describe(`fixL58 #3: a joint item granted in full names a share for every worker (LDMAL Art. 47(1); SPC-1 Art. 19) (${DB})`, () => {
  async function jointCase(n: number) {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker(`甲五八${n}`, 880 + 2 * n), worker(`乙五八${n}`, 881 + 2 * n)],
        respondents: [employer(`聊城某某五八${n}号五金有限公司`)],
        claims: [{ category: 'wages', amount: '50000.00', description: '支付2025年10月至12月工资' }],
      }),
    });
    const [p1, p2] = c.applicants as Party[];
    return { c, arb, p1: p1 as Party, p2: p2 as Party, claimId: (c.claims[0] as { id: number }).id };
  }

  it('granted, one worker left out: 400 naming items.0.shares and him (award and preview); partly: he recovers nothing, the rest dismissed', async () => {
    const { c, arb: a0, p1, p2, claimId } = await jointCase(1);
    const items = [{ claimId, outcome: 'granted', amount: '30000.00', shares: [{ partyId: p1.id, amount: '30000.00' }] }];
    const r = await send(c, a0.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const e = (r.body.errors as { path: string; message: string }[]).find((x) => x.path === 'items.0.shares');
    expect(e?.message).toContain(p2.name);
    expect(e?.message).toContain(`编号 ${p2.id}`);
    const p = await t.api(a0.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(400);
    expect((p.body.errors as { path: string }[]).map((x) => x.path)).toContain('items.0.shares');
    // Every worker named: accepted.
    const both = [
      { partyId: p1.id, amount: '20000.00' },
      { partyId: p2.id, amount: '10000.00' },
    ];
    const fine = await t
      .api(a0.token)
      .post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items: [{ ...items[0], shares: both }] });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    // Partly granted: the worker left out recovers nothing on it, his part dismissed with the rest.
    await ok(
      c,
      a0.token,
      'ISSUE_AWARD',
      { items: [{ ...items[0], outcome: 'partly' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    const text = await generatedText(t, a0.token, c.id, { kind: 'award' });
    expect(text).toContain(`申请人${p1.name}支付`);
    expect(text).toContain('驳回申请人的其他仲裁请求');
  });
});

describe(`fixL58 #6: an unknown key in a union's object branch is named with its path (${DB})`, () => {
  it('date-corrections target {seq: "x", foo}: 400 problem+json naming target.seq and target.foo', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const correct = (target: unknown) =>
      t
        .api(a.tokens.chair)
        .post(`/api/cases/${c.id}/date-corrections`)
        .send({ target, field: 'occurredOn', value: '2026-03-03', reason: '笔误' });
    // The branch's shape fits ({seq}), with a key it does not know beside a field of the wrong type: both named.
    const r = await correct({ seq: 'x', foo: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const errors = r.body.errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['target.foo', 'target.seq']);
    expect(errors.find((e) => e.path === 'target.foo')?.message).toBe('不允许的字段“foo”');
    // The unknown key alone, and with the required field missing.
    expect(((await correct({ seq: 2, foo: 1 })).body.errors as { path: string }[]).map((e) => e.path)).toEqual(['target.foo']);
    expect(((await correct({ foo: 1 })).body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['target.foo', 'target.seq']);
    // A target of neither shape is still told at target.
    const bad = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/date-corrections`)
      .send({ target: 5, field: 'occurredOn', value: '2026-03-03', reason: '笔误' });
    expect([bad.status, (bad.body.errors as { path: string }[]).map((x) => x.path)]).toEqual([400, ['target']]);
  });
});

describe(`fixL58 #7: a blocked act's reason does not repeat its source (${DB})`, () => {
  it('default award held back: the source names LDMAL Art. 36, the reason says what happened and the way on only', async () => {
    const { c, arb: a0 } = await caseAt(t, a, 'heard', { held: { applicantPresent: true, respondentPresent: false } });
    const list = (await t.api(a0.token).get(`/api/cases/${c.id}/next-events?blocked=true`)).body as {
      type: string;
      blocked?: { rule: string; source: string; reason: string };
    }[];
    const award = list.find((n) => n.type === 'ISSUE_AWARD')?.blocked;
    expect(award?.source).toContain('LDMAL Art. 36');
    expect(award?.reason).toContain('请送达开庭通知后另行排期开庭');
    expect(award?.reason).not.toMatch(/第[一二三四五六七八九十]+条|LDMAL|Rules/);
  });
});
