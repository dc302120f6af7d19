import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixD57 (outside checker docs57): documents found wrong.
 * #1 the history of an award, a partial award and a 调解书 restates an advance-execution ruling (LDMAL Art. 44) as it
 *    was made: the respondents it named pay (obligorIds), not every respondent.
 * #2 an advance execution for several workers together says each one's share (`amounts[].shares`): checked as an
 *    award item's (400 naming amounts.N.shares…), printed 「分别先行向申请人甲支付…元、向申请人乙支付…元」, warned where
 *    missing; the award's deduction of the advance stays the whole sum ordered.
 * #3 an item ordering a dispatch agency and the user unit jointly liable suggests LCL Art. 92(2).
 * #4 a termination on another ground cites the basis the arbitrator names (TERMINATE `basis`, 400 when missing).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string };
const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);
const AGENCY = '聊城恒通劳务派遣有限公司';
const USER = '聊城华宇食品有限公司';

/** A dispatched worker: the agency and the user unit co-respondents (LDMAL Art. 22(2)), two claims, heard. */
async function dispatched(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`派遣${n}`, 700 + n)],
      respondents: [
        { ...employer(AGENCY), creditCode: '91371500MA3C7K2L12' },
        { ...employer(USER), creditCode: '91371500MA3D8X5N3X' },
      ],
      claims: [
        { category: 'wages', amount: '20000.00', description: '支付2025年12月工资' },
        { category: 'economic_compensation', amount: '9000.00', description: '支付解除劳动合同经济补偿' },
      ],
    }),
  });
  const [agency, user] = (c.respondents as Party[]).map((p) => p.id) as [number, number];
  const [wages, comp] = (c.claims as { id: number }[]).map((x) => x.id) as [number, number];
  return { c, arb, agency, user, wages, comp };
}
const advance = (claimId: number, amount: string, extra: Record<string, unknown> = {}) => ({
  claimIds: [claimId],
  appliedOn: '2026-03-20',
  rightsClear: true,
  lifeSeriouslyAffected: true,
  amounts: [{ claimId, amount }],
  paymentDays: 7,
  ...extra,
});

describe(`fixD57 #1: the history restates who the advance-execution ruling ordered to pay (${DB})`, () => {
  it('partial award and award: the user unit named, not both respondents', async () => {
    const { c, arb, user, wages, comp } = await dispatched(1);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, '6000.00', { obligorIds: [user] }), '2026-03-26');
    await ok(
      c,
      arb.token,
      'PARTIAL_AWARD',
      {
        items: [{ claimId: wages, outcome: 'granted', amount: '20000.00', obligorIds: [user] }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-03-30',
    );
    const partial = await generatedText(t, arb.token, c.id, { kind: 'partial_award' });
    expect(partial).toContain(`作出先予执行裁决，裁决被申请人${USER}先行向申请人派遣1支付2025年12月工资6000.00元`);
    expect(partial).not.toContain(`裁决被申请人${AGENCY}、${USER}先行`);
    // The deduction of the advance stays (domain.md §9.2).
    expect(partial).toContain('已裁决先行支付6000.00元');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      { items: [{ claimId: comp, outcome: 'granted', amount: '9000.00' }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
      '2026-04-10',
    );
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toContain(`裁决被申请人${USER}先行向申请人派遣1支付`);
    expect(award).not.toContain(`裁决被申请人${AGENCY}、${USER}先行`);
  });

  // fixD58 #1: naming no one orders every respondent — with several, only as jointly liable (400 otherwise).
  it('a ruling naming no one still orders every respondent (jointly, fixD58)', async () => {
    const { c, arb, wages, comp } = await dispatched(2);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, '6000.00', { jointLiability: true }), '2026-03-26');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages, outcome: 'granted', amount: '20000.00' },
          { claimId: comp, outcome: 'dismissed' },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toContain(`裁决被申请人${AGENCY}先行向申请人派遣2支付`);
    expect(award).toContain(`被申请人${USER}对上述款项承担连带责任`);
  });
});

/** Two workers' claim together (no single applicant) for 40000.00 of wages, heard. */
async function jointCase(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`甲先${n}`, 800 + 2 * n), worker(`乙先${n}`, 801 + 2 * n)],
      respondents: [employer(`聊城某某${n}号食品有限公司`)],
      claims: [{ category: 'wages', amount: '40000.00', description: '支付2025年10月至12月工资' }],
    }),
  });
  const [p1, p2] = c.applicants as Party[];
  return { c, arb, p1: p1 as Party, p2: p2 as Party, claimId: (c.claims[0] as { id: number }).id, r1: (c.respondents[0] as Party).id };
}

describe(`fixD57 #2: each worker's share of an advance execution (${DB})`, () => {
  it('bad shares: 400 naming amounts.N.shares…', async () => {
    const { c, arb, p1, p2, claimId, r1 } = await jointCase(1);
    const bad: [unknown, string][] = [
      [
        [
          { partyId: p1.id, amount: '12000.00' },
          { partyId: p2.id, amount: '5000.00' },
        ],
        'amounts.0.shares',
      ],
      [
        [
          { partyId: p1.id, amount: '10000.00' },
          { partyId: r1, amount: '10000.00' },
        ],
        'amounts.0.shares.1.partyId',
      ],
      [
        [
          { partyId: p1.id, amount: '20000.00' },
          { partyId: p2.id, amount: '0.00' },
        ],
        'amounts.0.shares.1.amount',
      ],
      [
        [
          { partyId: p1.id, amount: '10000.00' },
          { partyId: p1.id, amount: '10000.00' },
        ],
        'amounts.0.shares',
      ],
    ];
    for (const [shares, path] of bad) {
      const r = await send(
        c,
        arb.token,
        'ADVANCE_EXECUTION',
        { ...advance(claimId, '20000.00'), amounts: [{ claimId, amount: '20000.00', shares }] },
        '2026-03-26',
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(paths(r)).toContain(path);
    }
  });

  it('no shares: recorded with a warning; the ruling orders one sum as before', async () => {
    const { c, arb, claimId } = await jointCase(2);
    const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, '20000.00'), '2026-03-26');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body.warnings)).toContain('未写明每名申请人先行受领的金额');
  });

  it('shares: the ruling, the award history and case view say each worker’s sum; the award deducts the whole advance', async () => {
    const { c, arb, p1, p2, claimId } = await jointCase(3);
    const shares = [
      { partyId: p1.id, amount: '12000.00' },
      { partyId: p2.id, amount: '8000.00' },
    ];
    const r = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { ...advance(claimId, '20000.00'), amounts: [{ claimId, amount: '20000.00', shares }] },
      '2026-03-26',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body.warnings ?? [])).not.toContain('先行受领');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView & {
      proceedings: { advanceExecutions: { amounts: { shares?: unknown[] }[] }[] };
    };
    expect(view.proceedings.advanceExecutions[0]?.amounts[0]?.shares).toEqual(shares);
    const ruling = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(ruling).toMatch(
      new RegExp(
        `于本裁决书送达之日起七日内分别先行向申请人${p1.name}支付[^。；]*12,?000\\.00元（[^）]+）、向申请人${p2.name}支付[^。；]*8,?000\\.00元（`,
      ),
    );
    expect(ruling).not.toContain(`向申请人${p1.name}、${p2.name}支付`);
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [
          {
            claimId,
            outcome: 'granted',
            amount: '40000.00',
            shares: [
              { partyId: p1.id, amount: '24000.00' },
              { partyId: p2.id, amount: '16000.00' },
            ],
          },
        ],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toMatch(new RegExp(`作出先予执行裁决，裁决被申请人[^先]+分别先行向申请人${p1.name}支付[^。]*、向申请人${p2.name}支付`));
    expect(award).toContain('已裁决先行支付20000.00元');
  });
});

describe(`fixD57 #3: joint liability of a dispatch agency and the user unit suggests LCL Art. 92(2) (${DB})`, () => {
  it('preview and award suggest 第九十二条第二款 for the joint item only', async () => {
    const { c, arb, agency, user, wages, comp } = await dispatched(3);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '20000.00', obligorIds: [user, agency], jointLiability: true },
      { claimId: comp, outcome: 'granted', amount: '9000.00', obligorIds: [agency] },
    ];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const basis = (id: number) => (p.body.items as { claimId: number; legalBasis: string[] }[]).find((i) => i.claimId === id)?.legalBasis;
    expect(basis(wages)).toContain('《中华人民共和国劳动合同法》第九十二条第二款');
    expect(basis(wages)).toContain('《中华人民共和国劳动合同法》第三十条');
    expect(basis(comp)).not.toContain('《中华人民共和国劳动合同法》第九十二条第二款');
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    const award = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(award).toMatch(/第九十二条第二款/);
    expect(award).toContain(`被申请人${AGENCY}对上述款项承担连带责任`);
  });

  it('joint liability of respondents the record cannot place: no article for it', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('连带1', 871)],
        respondents: [employer('聊城甲机械有限公司'), { ...employer('聊城乙机械有限公司'), creditCode: '91371500MA3D8X5N3X' }],
        claims: [{ category: 'wages', amount: '20000.00', description: '支付2025年12月工资' }],
      }),
    });
    const claimId = (c.claims[0] as { id: number }).id;
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      occurredOn: '2026-04-10',
      items: [{ claimId, outcome: 'granted', amount: '20000.00', jointLiability: true }],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.items[0].legalBasis).toEqual([
      '《中华人民共和国劳动合同法》第三十条',
      '《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项',
    ]);
  });
});

describe(`fixD57 #4: a termination on another ground cites its basis (${DB})`, () => {
  it('ground other without basis: 400 naming basis; with it: printed', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const missing = await send(c, a.tokens.chair, 'TERMINATE', { reason: '申请人死亡，没有继承人', ground: 'other' }, '2026-04-21');
    expect(missing.status, JSON.stringify(missing.body)).toBe(400);
    expect(paths(missing)).toContain('basis');
    const stray = await send(c, a.tokens.chair, 'TERMINATE', { reason: '人民法院已受理', basis: '某规定' }, '2026-04-21');
    expect(stray.status).toBe(400);
    expect(paths(stray)).toContain('basis');
    const basis = '《浙江省劳动人事争议调解仲裁条例》第三十二条';
    const r = await ok(c, a.tokens.chair, 'TERMINATE', { reason: '申请人死亡，没有继承人', ground: 'other', basis }, '2026-04-21');
    expect((r as { closure?: { basis?: string } }).closure?.basis).toBe(basis);
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'termination' });
    expect(text).toContain(`因申请人死亡，没有继承人，依照${basis}之规定，本委决定本案终止审理。`);
    expect(text).not.toContain('第四十八条');
  });
});
