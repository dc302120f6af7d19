import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixD56 (outside checkers docs56 and sec56): documents and the deemed-withdrawn worker.
 * #1 a collective award's lump sum: `shares` on an award item of a claim of several workers together — checked (400
 *    naming items.N.shares…), printed 「分别向申请人甲支付…元、向申请人乙支付…元」, each share's finality (LDMAL Art.
 *    47(1); SPC-1 Art. 19), warned where missing.
 * #2 the termination decision's ground: a suit because the commission did not decide in time (Rules Art. 48; LDMAL
 *    Art. 43(1)).
 * #3 the award served on a worker deemed withdrawn alone: refused (Rules Art. 39).
 * #4 the award document: the deemed-withdrawn worker without his identity number or address; the hearing told first.
 * #5 duplicate ids: HOLD_HEARING absentParties as award obligorIds — 400 naming the field.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string };
const FACTS = '经审理查明，被申请人拖欠申请人工资。';
const REASONING = '本委认为，被申请人应当支付。';
const DEFENSE = '被申请人辩称其经营困难';

/** Two workers' claim together (no single applicant) for 40000.00 of wages, heard. 12 × 2010.00 = 24120.00. */
async function jointCase(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`甲共${n}`, 900 + 2 * n), worker(`乙共${n}`, 901 + 2 * n)],
      respondents: [employer(`聊城某某${n}号机械有限公司`)],
      claims: [{ category: 'wages', amount: '40000.00', description: '支付2025年10月至12月工资' }],
    }),
  });
  const [p1, p2] = c.applicants as Party[];
  return { c, arb, p1: p1 as Party, p2: p2 as Party, claimId: (c.claims[0] as { id: number }).id };
}

const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);

describe(`fixD56 #1: each worker's share of a joint claim's sum (${DB})`, () => {
  it('bad shares are 400 naming the field, in the preview and the award alike', async () => {
    const { c, arb, p1, p2, claimId } = await jointCase(1);
    const r1 = (c.respondents[0] as Party).id;
    const bad: [unknown, string][] = [
      [
        [
          { partyId: p1.id, amount: '20000.00' },
          { partyId: p2.id, amount: '10000.00' },
        ],
        'items.0.shares',
      ],
      [
        [
          { partyId: p1.id, amount: '20000.00' },
          { partyId: r1, amount: '20000.00' },
        ],
        'items.0.shares.1.partyId',
      ],
      [
        [
          { partyId: p1.id, amount: '20000.00' },
          { partyId: p1.id, amount: '20000.00' },
        ],
        'items.0.shares',
      ],
      [
        [
          { partyId: p1.id, amount: '40000.00' },
          { partyId: p2.id, amount: '0.00' },
        ],
        'items.0.shares.1.amount',
      ],
    ];
    for (const [shares, path] of bad) {
      const items = [{ claimId, outcome: 'granted', amount: '40000.00', shares }];
      const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
      expect(p.status, JSON.stringify(p.body)).toBe(400);
      expect(paths(p)).toContain(path);
      const r = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-10');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(paths(r)).toContain(path);
    }
    // Shares on a dismissed item: refused too.
    const dismissed = await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId, outcome: 'dismissed', shares: [{ partyId: p1.id, amount: '1.00' }] }], facts: FACTS, reasoning: REASONING },
      '2026-04-10',
    );
    expect(dismissed.status).toBe(400);
    expect(paths(dismissed)).toContain('items.0.shares');
  });

  it('no shares: warned in the preview and at the award, finality on the whole sum as before', async () => {
    const { c, arb, claimId } = await jointCase(2);
    const items = [{ claimId, outcome: 'granted', amount: '40000.00' }];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.finality).toBe('non_final');
    expect(JSON.stringify(p.body.warnings)).toContain('未写明每名申请人分得的金额');
    expect(JSON.stringify(p.body.warnings)).not.toContain('shares');
    const r = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body.warnings)).toContain('未写明每名申请人分得的金额');
    expect(r.body.award.finality).toBe('non_final');
  });

  it('shares: each under the threshold makes the item final for each; printed 分别向申请人甲支付…元、向申请人乙支付…元', async () => {
    const { c, arb, p1, p2, claimId } = await jointCase(3);
    const shares = [
      { partyId: p1.id, amount: '24000.00' },
      { partyId: p2.id, amount: '16000.00' },
    ];
    const items = [{ claimId, outcome: 'granted', amount: '40000.00', shares }];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.finality).toBe('final');
    expect(JSON.stringify(p.body.warnings ?? [])).not.toContain('shares');
    const r = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.award.finality).toBe('final');
    expect(r.body.award.items[0].shares).toEqual([
      { partyId: p1.id, amount: '24000.00', final: true },
      { partyId: p2.id, amount: '16000.00', final: true },
    ]);
    const text = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(text).toContain(`分别向申请人${p1.name}支付`);
    expect(text).toMatch(new RegExp(`24,?000\\.00元（[^）]+）、向申请人${p2.name}支付[^。；]*16,?000\\.00元（`));
    expect(text).not.toContain(`向申请人${p1.name}、${p2.name}支付`);
    // case.json carries them.
    const pkg = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect((pkg.body as CaseView).award?.items?.[0]).toMatchObject({ shares: [{ partyId: p1.id }, { partyId: p2.id }] });
  });

  // fixS57 (legal57a #1, docs57 #1) reverses this: each share is final or not on its own amount, the item split
  // between the final and the non-final document; the windows read the shares too (reviewer s56 A M2 kept: they agree).
  it('a share over the threshold: that share non-final, the other final — the award mixed (fixS57)', async () => {
    const { c, arb, p1, p2, claimId } = await jointCase(4);
    const shares = [
      { partyId: p1.id, amount: '30000.00' },
      { partyId: p2.id, amount: '10000.00' },
    ];
    const r = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId, outcome: 'granted', amount: '40000.00', shares }], facts: FACTS, reasoning: REASONING },
      '2026-04-10',
    );
    expect(r.award?.finality).toBe('mixed');
    expect(r.award?.items?.[0]).toMatchObject({ final: false, shares: [{ final: false }, { final: true }] });
  });
});

describe(`fixD56 #2: the termination decision's ground (${DB})`, () => {
  it('a reason naming a suit alone: the decision says it was brought because the commission did not decide in time', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(c, a.tokens.chair, 'TERMINATE', { reason: '申请人已就本案向人民法院提起诉讼，人民法院已受理' }, '2026-04-21');
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'termination' });
    expect(text).toContain('以本委逾期未作出仲裁裁决为由');
    expect(text).toContain('第四十八条之规定，决定本案终止审理');
  });
});

/** Two workers each with his own wage claim; the first absent at the hearing and deemed withdrawn alone. */
async function oneWithdrawn(n: number, absent: (p1: Party) => unknown[] = (p1) => [p1.id]) {
  const { c, arb } = await caseAt(t, a, 'hearing_scheduled', {
    body: standardApplication({
      applicants: [worker(`甲撤${n}`, 950 + 2 * n), worker(`乙撤${n}`, 951 + 2 * n)],
      respondents: [employer(`聊城某某${n}号纺织有限公司`)],
      claims: [
        { category: 'wages', amount: '12000.00', description: '甲拖欠工资', applicant: 1 },
        { category: 'wages', amount: '15000.00', description: '乙拖欠工资', applicant: 2 },
      ],
    }),
  });
  for (const p of [...c.applicants, ...c.respondents] as Party[])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
  const [p1, p2] = c.applicants as Party[];
  const held = await send(c, arb.token, 'HOLD_HEARING', { absentParties: absent(p1 as Party) }, '2026-03-25');
  return { c, arb, p1: p1 as Party, p2: p2 as Party, held };
}

describe(`fixD56 #5: duplicate ids are 400 naming the field (${DB})`, () => {
  it('HOLD_HEARING absentParties [id, id]: 400, not quietly deduplicated', async () => {
    const { c, held } = await oneWithdrawn(5, (p1) => [p1.id, p1.id]);
    expect(held.status, JSON.stringify(held.body)).toBe(400);
    expect(paths(held)).toContain('absentParties');
    expect(JSON.stringify(held.body)).toContain('同一当事人不能出现两次');
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('hearing_scheduled');
  });
});

describe(`fixD56 #3, #4: the worker deemed withdrawn alone and the award (${DB})`, () => {
  it('the award is not served on him (422, Rules Art. 39); the award document lists him without identity number or address, the hearing first', async () => {
    const { c, arb, p1, p2, held } = await oneWithdrawn(6);
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    // The same day as the hearing: the award tells the hearing first, then the deemed withdrawal.
    await ok(c, arb.token, 'DEEM_WITHDRAWN', { partyId: p1.id }, '2026-03-25');
    const other = (c.claims as { id: number }[])[1] as { id: number };
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId: other.id, outcome: 'granted', amount: '15000.00' }],
        defenseSummary: '被申请人辩称其经营困难',
        facts: FACTS,
        reasoning: REASONING,
      },
      '2026-04-10',
    );
    const served = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: p1.id, method: 'direct', servedOn: '2026-04-15' },
      '2026-04-15',
    );
    expect(served.status, JSON.stringify(served.body)).toBe(422);
    expect(served.body.rule).toBe('served-party-deemed-withdrawn');
    expect(served.body.source).toContain('Rules Art. 39');
    // The others are served as before.
    for (const p of [p2, ...(c.respondents as Party[])])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');

    const text = await generatedText(t, arb.token, c.id, { kind: 'award' });
    const w1 = worker(`甲撤6`, 962);
    expect(text).toContain(`申请人：${p1.name}（其仲裁申请已于二〇二六年三月二十五日按撤回仲裁申请处理）。`);
    expect(text).not.toContain(w1.idNumber);
    expect(text).toContain(worker(`乙撤6`, 963).idNumber);
    const hearing = text.indexOf(`申请人${p2.name}到庭参加仲裁活动`);
    const deemed = text.indexOf('决定对其按撤回仲裁申请处理');
    expect(hearing).toBeGreaterThan(0);
    expect(deemed).toBeGreaterThan(hearing);
  });
});
