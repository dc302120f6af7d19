import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { asBytes, downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixS57 (legal57a #1, docs57 #1; legal57a #3): the finality of each worker's share of a joint award item.
 * #1 each share is final or not on its own amount (LDMAL Art. 47(1); SPC-1 Art. 19); an item whose shares differ is
 *    split (Rules Art. 50): its final shares in 第N-1号, its non-final ones in 第N-2号; the award is mixed; the parties'
 *    windows, case.json and the enforcement package read the shares alike.
 * #3 after a co-claimant was deemed withdrawn (Rules Art. 39), a granted joint item without shares is 400.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string };
type Deadline = { kind: string; partyId?: number };
const FACTS = '经审理查明，被申请人拖欠申请人工资。';
const REASONING = '本委认为，被申请人应当支付。';
const DEFENSE = '被申请人辩称其经营困难';
const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);

/** Two workers' claim together for 50000.00 of wages, heard. 12 × 2010.00 = 24120.00. */
async function jointCase(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`甲份${n}`, 700 + 2 * n), worker(`乙份${n}`, 701 + 2 * n)],
      respondents: [employer(`聊城某某${n}号五金有限公司`)],
      claims: [{ category: 'wages', amount: '50000.00', description: '支付2025年10月至12月工资' }],
    }),
  });
  const [p1, p2] = c.applicants as Party[];
  return { c, arb, p1: p1 as Party, p2: p2 as Party, claimId: (c.claims[0] as { id: number }).id };
}

/** The generated award documents' text, by case number. */
async function awardTexts(token: string, caseId: number): Promise<{ caseNo: string; text: string }[]> {
  const r = await t.api(token).post(`/api/cases/${caseId}/documents`, { kind: 'award' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const docs = r.body.documents as { id: number; caseNo: string }[];
  return Promise.all(docs.map(async (d) => ({ caseNo: d.caseNo, text: flat(pdfRaw(await downloadDocument(t, token, d.id))) })));
}

describe(`fixS57 #1: each share final or not on its own amount; the item split (${DB})`, () => {
  it('P1 40000 over, P2 10000 under: mixed; -1 pays P2 (终局), -2 pays P1 (非终局); windows, case view and enforcement agree', async () => {
    const { c, arb, p1, p2, claimId } = await jointCase(1);
    const employerId = (c.respondents[0] as Party).id;
    const shares = [
      { partyId: p1.id, amount: '40000.00' },
      { partyId: p2.id, amount: '10000.00' },
    ];
    const items = [{ claimId, outcome: 'granted', amount: '50000.00', shares }];
    // The preview says what the award will: each share's finality, the award mixed.
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(p.body.finality).toBe('mixed');
    expect(p.body.items[0]).toMatchObject({
      final: false,
      shares: [
        { partyId: p1.id, amount: '40000.00', final: false },
        { partyId: p2.id, amount: '10000.00', final: true },
      ],
    });
    const r = await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect(r.award?.finality).toBe('mixed');
    expect(r.award?.items?.[0]).toMatchObject({
      final: false,
      shares: [
        { partyId: p1.id, final: false },
        { partyId: p2.id, final: true },
      ],
    });
    expect(r.award?.items?.[0]?.reason).toContain('分得金额不超过的部分终局');

    // Two documents (Rules Art. 50): each pays only its workers.
    const texts = await awardTexts(arb.token, c.id);
    expect(texts).toHaveLength(2);
    const fin = texts.find((x) => /-1号/.test(x.caseNo))?.text ?? '';
    const non = texts.find((x) => /-2号/.test(x.caseNo))?.text ?? '';
    expect(fin).toMatch(new RegExp(`向申请人${p2.name}支付[^。；]*10,?000\\.00元`));
    expect(fin).not.toMatch(/40,?000\.00元（/);
    expect(fin).not.toContain(`向申请人${p1.name}支付`);
    expect(fin).toContain('本裁决为终局裁决');
    expect(fin).toContain(`申请人${p1.name}分得的部分`);
    expect(non).toMatch(new RegExp(`向申请人${p1.name}支付[^。；]*40,?000\\.00元`));
    expect(non).not.toContain(`向申请人${p2.name}支付`);
    expect(non).toContain('非终局');
    expect(non).not.toContain('本裁决为终局裁决');
    expect(non).toContain(`申请人${p2.name}分得的部分`);
    // The -1 document names as applicant only the worker whose share it decides (P2), the -2 only P1.
    expect(fin).not.toContain(`申请人：${p1.name}`);
    expect(non).not.toContain(`申请人：${p2.name}`);

    for (const party of [...c.applicants, ...c.respondents] as Party[])
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'award', partyId: party.id, method: 'direct', servedOn: '2026-04-15' },
        '2026-04-15',
      );
    const v = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    const kinds = (partyId: number) =>
      (v.deadlines as Deadline[])
        .filter((d) => d.partyId === partyId)
        .map((d) => d.kind)
        .filter((k) => ['sue_non_final', 'sue_final_worker', 'set_aside_employer'].includes(k))
        .sort();
    // P2: his share is final — the Art. 48 window only; P1: his is not — the Art. 50 window only; the employer both
    // (set aside P2's share, Art. 49; sue on P1's, Art. 50).
    expect(kinds(p2.id)).toEqual(['sue_final_worker']);
    expect(kinds(p1.id)).toEqual(['sue_non_final']);
    expect(kinds(employerId)).toEqual(['set_aside_employer', 'sue_non_final']);
    // The case view (as case.json) gives each share its finality.
    expect(v.award?.items?.[0]).toMatchObject({ shares: [{ final: false }, { final: true }] });

    // The employer sues on P1's share (Art. 50): P2's final share stays enforceable (Arts. 47, 51) — the enforcement
    // package holds the final document 第N-1号, and case.json marks P2's share final.
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: employerId, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    const zip = await JSZip.loadAsync((await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer);
    const enclosed = Object.keys(zip.files).filter((f) => f.startsWith('documents/') && !f.endsWith('/'));
    expect(enclosed).toHaveLength(1);
    const caseJson = JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string'));
    expect(caseJson.award.items[0].shares).toEqual([
      { partyId: p1.id, amount: '40000.00', final: false },
      { partyId: p2.id, amount: '10000.00', final: true },
    ]);
    // P2 applies to enforce his final share; the employer, who sued, is not the one enforcing it.
    const enforced = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: p2.id, court: '聊城市东昌府区人民法院' }, '2026-04-21');
    expect(enforced.status, JSON.stringify(enforced.body)).toBe(200);
  });

  it('every share under: final as one; every share over: non-final as one (no split)', async () => {
    const under = await jointCase(2);
    const r1 = await ok(
      under.c,
      under.arb.token,
      'ISSUE_AWARD',
      {
        items: [
          {
            claimId: under.claimId,
            outcome: 'partly',
            amount: '40000.00',
            shares: [
              { partyId: under.p1.id, amount: '20000.00' },
              { partyId: under.p2.id, amount: '20000.00' },
            ],
          },
        ],
        facts: FACTS,
        reasoning: REASONING,
      },
      '2026-04-10',
    );
    expect(r1.award?.finality).toBe('final');
    expect(r1.award?.items?.[0]).toMatchObject({ final: true, shares: [{ final: true }, { final: true }] });
    const over = await jointCase(3);
    const r2 = await ok(
      over.c,
      over.arb.token,
      'ISSUE_AWARD',
      {
        items: [
          {
            claimId: over.claimId,
            outcome: 'granted',
            amount: '50000.00',
            shares: [
              { partyId: over.p1.id, amount: '25000.00' },
              { partyId: over.p2.id, amount: '25000.00' },
            ],
          },
        ],
        facts: FACTS,
        reasoning: REASONING,
      },
      '2026-04-10',
    );
    expect(r2.award?.finality).toBe('non_final');
    expect(r2.award?.items?.[0]).toMatchObject({ final: false, shares: [{ final: false }, { final: false }] });
  });
});

/** Two workers' joint wage claim; the first absent at the hearing and deemed withdrawn alone (Rules Art. 39). */
async function jointOneWithdrawn(n: number) {
  const { c, arb } = await caseAt(t, a, 'hearing_scheduled', {
    body: standardApplication({
      applicants: [worker(`甲撤份${n}`, 760 + 2 * n), worker(`乙撤份${n}`, 761 + 2 * n)],
      respondents: [employer(`聊城某某${n}号纸业有限公司`)],
      claims: [{ category: 'wages', amount: '50000.00', description: '两人共同追索2025年工资' }],
    }),
  });
  for (const p of [...c.applicants, ...c.respondents] as Party[])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
  const [p1, p2] = c.applicants as Party[];
  await ok(c, arb.token, 'HOLD_HEARING', { absentParties: [(p1 as Party).id] }, '2026-03-25');
  await ok(c, arb.token, 'DEEM_WITHDRAWN', { partyId: (p1 as Party).id }, '2026-03-25');
  return { c, arb, p1: p1 as Party, p2: p2 as Party, claimId: (c.claims[0] as { id: number }).id };
}

describe(`fixS57 #3: a joint item after a co-claimant was deemed withdrawn needs shares (${DB})`, () => {
  it("without shares: 400 naming items.0.shares (Rules Art. 39), in the preview and the award; with the remaining worker's share: made", async () => {
    const { c, arb, p1, p2, claimId } = await jointOneWithdrawn(1);
    const items = [{ claimId, outcome: 'granted', amount: '50000.00' }];
    const p = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, { occurredOn: '2026-04-10', items });
    expect(p.status, JSON.stringify(p.body)).toBe(400);
    expect(paths(p)).toContain('items.0.shares');
    const r = await send(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-10');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(paths(r)).toContain('items.0.shares');
    const msg = JSON.stringify(r.body);
    expect(msg).toContain('第三十九条');
    expect(msg).toContain(p1.name);
    // A dismissed joint item needs none.
    const dismissed = await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
      occurredOn: '2026-04-10',
      items: [{ claimId, outcome: 'dismissed' }],
    });
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    // The remaining worker's own share: judged on his amount (20000.00 ≤ 24120.00: final).
    const made = await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId, outcome: 'partly', amount: '20000.00', shares: [{ partyId: p2.id, amount: '20000.00' }] }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    expect(made.award?.finality).toBe('final');
  });
});
