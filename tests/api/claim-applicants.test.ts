import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * A claim may name the applicant whose own claim it is (ClaimInput.applicant, by position). In a case of several workers
 * (a collective dispute, Rules Art. 62) each worker recovers his own wages: LDMAL Art. 47(1) and SPC-1 Art. 19 read
 * each item's amount — each worker's — against twelve months of the minimum wage (24,120.00 in 东昌府区), where a claim
 * "for all ten of us" is one sum. The documents name who is paid what. Found by an outside tester: ten workers owed
 * 20,000 each got a non-final award on a lump sum of 200,000, and the award could not say who was owed what.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });

const { send, ok } = caseEvents(() => t);
const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 300 + i));
type ClaimOut = { id: number; seq: number; applicant?: number; applicantId?: number; amount?: string | null };
const claimsOf = (v: { claims: unknown }) => v.claims as ClaimOut[];

/** Accepted, served, a three-member tribunal (Rules Art. 66), heard with everyone present. */
async function heard(body: ReturnType<typeof standardApplication>) {
  const c = await registerCase(t, a, body);
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  const ids = a.arbitrators.map((x) => x.id);
  await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-05');
  const presiding = a.arbitrators[0] as { id: number; token: string };
  await ok(c, presiding.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: p.id, method: 'direct' }, '2026-03-10');
  await ok(c, presiding.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
  return { c, presiding };
}

describe(`each worker's own claims (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('ten workers owed 20,000 each: each item is final on its own amount; the documents name who is owed and paid what', async () => {
    const body = standardApplication({
      applicants: ten,
      claims: ten.map((_, i) => ({ category: 'wages', amount: '20000.00', description: '支付拖欠工资', applicant: i + 1 })),
    });
    const { c, presiding } = await heard(body);
    const claims = claimsOf(c);
    expect(claims.map((x) => x.applicant)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(claims.map((x) => x.applicantId)).toEqual(c.applicants.map((p) => p.id));
    // The case page reads the same (stored, not only answered).
    const read = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(claimsOf(read.body).map((x) => x.applicantId)).toEqual(c.applicants.map((p) => p.id));

    const r = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: claims.map((x) => ({ claimId: x.id, outcome: 'granted', amount: '20000.00' })),
        defenseSummary: '被申请人辩称其经营困难',
        facts: '经审理查明，被申请人拖欠十名申请人工资。',
        reasoning: '本委认为，被申请人应当支付。',
      },
      '2026-04-10',
    );
    // 20,000 ≤ 24,120 for each worker: final (LDMAL Art. 47(1); SPC-1 Art. 19).
    expect(r.award).toMatchObject({ finality: 'final' });
    const text = await generatedText(t, presiding.token, c.id, { kind: 'award' });
    expect(text).toContain('申请人工人1：支付拖欠工资，20000.00元');
    expect(text).toContain('申请人工人10：支付拖欠工资，20000.00元');
    expect(text).toContain('向申请人工人3支付拖欠工资20000.00元');
    // Nobody is paid "申请人工人1、工人2、…" a sum that is one worker's.
    expect(text).not.toContain('向申请人工人1、工人2');
  });

  it('the same 200,000 claimed for all ten together is one item over the threshold: non-final', async () => {
    const { c, presiding } = await heard(
      standardApplication({ applicants: ten, claims: [{ category: 'wages', amount: '200000.00', description: '支付十名申请人拖欠工资' }] }),
    );
    expect(claimsOf(c)[0]?.applicant).toBeUndefined();
    const r = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId: claimsOf(c)[0]?.id, outcome: 'granted', amount: '200000.00' }],
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    expect(r.award).toMatchObject({ finality: 'non_final' });
  });

  it('one worker’s claim to confirm his relationship makes only his items non-final (SPC-1 Art. 19; Rules Art. 50; reviewer docs42 H3)', async () => {
    const two = [worker('丙工', 403), worker('丁工', 404)];
    const { c, presiding } = await heard(
      standardApplication({
        applicants: two,
        claims: [
          { category: 'confirm_relationship', description: '确认申请人与被申请人之间存在劳动关系', applicant: 1 },
          { category: 'wages', amount: '3000.00', description: '支付拖欠工资', applicant: 1 },
          { category: 'wages', amount: '4000.00', description: '支付拖欠工资', applicant: 2 },
        ],
      }),
    );
    const [confirm, w1, w2] = claimsOf(c);
    const r = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: confirm?.id, outcome: 'granted' },
          { claimId: w1?.id, outcome: 'granted', amount: '3000.00' },
          { claimId: w2?.id, outcome: 'granted', amount: '4000.00' },
        ],
        defenseSummary: '被申请人辩称双方系劳务关系',
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    // 丙工's items are non-final (his relationship is in dispute, Op-2022 [R]); 丁工's 4,000 is final on its own.
    expect(r.award).toMatchObject({ finality: 'mixed' });
    const items = (r.award as { items: { claimId: number; final: boolean }[] }).items;
    expect(items.map((i) => [i.claimId, i.final])).toEqual([
      [confirm?.id, false],
      [w1?.id, false],
      [w2?.id, true],
    ]);
    const all = await generatedText(t, presiding.token, c.id, { kind: 'award' });
    // The final document is 丁工's, and names 丙工's items decided by the non-final one.
    expect(all).toMatch(/申请人丙工关于[^，]*支付拖欠工资的仲裁请求，本委另行作出/);
  });

  it('a dismissal and a split award name each worker’s claim by the worker', async () => {
    const two = [worker('甲工', 401), worker('乙工', 402)];
    const { c, presiding } = await heard(
      standardApplication({
        applicants: two,
        claims: [
          { category: 'wages', amount: '30000.00', description: '支付拖欠工资', applicant: 1 },
          { category: 'wages', amount: '9000.00', description: '支付拖欠工资', applicant: 2 },
          { category: 'economic_compensation', amount: '5000.00', description: '支付经济补偿', applicant: 2 },
        ],
      }),
    );
    const [w1, w2, comp] = claimsOf(c);
    const r = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: w1?.id, outcome: 'granted', amount: '30000.00' },
          { claimId: w2?.id, outcome: 'partly', amount: '6000.00' },
          { claimId: comp?.id, outcome: 'dismissed' },
        ],
        defenseSummary: '被申请人辩称已足额支付',
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    // 甲工's 30,000 is over the threshold, 乙工's items are under it: a split award (SPC-1 Art. 20).
    expect(r.award).toMatchObject({ finality: 'mixed' });
    const all = await generatedText(t, presiding.token, c.id, { kind: 'award' });
    expect(all).toContain('向申请人乙工支付拖欠工资6000.00元');
    expect(all).toContain('驳回申请人乙工关于支付经济补偿的仲裁请求');
    expect(all).toContain('驳回申请人乙工关于支付拖欠工资的其他仲裁请求');
    // The other document of the split award is named by the worker too.
    expect(all).toContain('申请人甲工关于支付拖欠工资的仲裁请求，本委另行作出');
  });

  it('a worker giving up his own claim is named as the one who gave it up in the award’s history', async () => {
    const { c, presiding } = await heard(
      standardApplication({
        applicants: [worker('甲工', 451), worker('乙工', 452)],
        claims: [
          { category: 'wages', amount: '3000.00', description: '支付拖欠工资', applicant: 1 },
          { category: 'wages', amount: '4000.00', description: '支付拖欠工资', applicant: 2 },
        ],
      }),
    );
    const [w1, w2] = claimsOf(c);
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [w2?.id] }, '2026-03-26');
    await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId: w1?.id, outcome: 'granted', amount: '3000.00' }],
        defenseSummary: '被申请人辩称已支付',
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    const text = await generatedText(t, presiding.token, c.id, { kind: 'award' });
    expect(text).toContain('申请人乙工于二〇二六年三月二十六日放弃关于支付拖欠工资的仲裁请求。');
    expect(text).not.toContain('放弃乙工关于');
  });

  it('a union’s claim for the workers is not a worker’s own recovery: non-final; a labor-standards item stays final', async () => {
    const { c, presiding } = await heard(
      standardApplication({
        applicants: [{ kind: 'organization', name: '聊城某某机械有限公司工会委员会' }],
        collective: true,
        collectiveGround: 'union_applicant',
        claims: [
          { category: 'wages', amount: '9000.00', description: '按集体合同支付工资差额' },
          { category: 'labor_standards', description: '按集体合同执行每周工作四十小时' },
        ],
      }),
    );
    const [wages, hours] = claimsOf(c);
    const r = await ok(
      c,
      presiding.token,
      'ISSUE_AWARD',
      {
        items: [
          { claimId: wages?.id, outcome: 'granted', amount: '9000.00' },
          { claimId: hours?.id, outcome: 'granted' },
        ],
        defenseSummary: '被申请人辩称已按集体合同执行',
        facts: '经审理查明：双方存在劳动关系，被申请人未足额支付工资。',
        reasoning: '本委认为：被申请人应当支付所欠工资。',
      },
      '2026-04-10',
    );
    // LDMAL Art. 47(1) makes final what a worker recovers (追索); the union is none (Rules Art. 64; LCL Art. 56).
    // Art. 47(2) (national labor standards) does not ask who claims.
    const items = (r.award as { items: { claimId: number; final: boolean; reason: string }[] }).items;
    expect(items.find((i) => i.claimId === wages?.id)).toMatchObject({ final: false, reason: expect.stringContaining('工会') });
    expect(items.find((i) => i.claimId === hours?.id)).toMatchObject({ final: true });
    expect(r.award).toMatchObject({ finality: 'mixed' });
  });

  it('a position past the last applicant is 400 at the field, and nothing is registered', async () => {
    const before = (await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total;
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        applicants: [worker('甲工', 411), worker('乙工', 412)],
        claims: [{ category: 'wages', amount: '100.00', description: '支付拖欠工资', applicant: 3 }],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'claims.0.applicant' })]);
    expect((await t.api(a.tokens.clerk).get('/api/cases?pageSize=1')).body.total).toBe(before);
  });

  it('a registration edit keeps each claim with its worker; removing a worker whose claim stays is 400', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [worker('甲工', 421), worker('乙工', 422)],
        claims: [
          { category: 'wages', amount: '100.00', description: '支付拖欠工资', applicant: 1 },
          { category: 'wages', amount: '200.00', description: '支付拖欠工资', applicant: 2 },
        ],
      }),
    );
    const [p1, p2] = c.applicants as { id: number; name: string }[];
    // Reordered applicants: the claims stay with the same people.
    const swap = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [
        { ...worker('乙工', 422), id: p2?.id },
        { ...worker('甲工', 421), id: p1?.id },
      ],
    });
    expect(swap.status, JSON.stringify(swap.body)).toBe(200);
    expect(claimsOf(swap.body).map((x) => [x.applicantId, x.applicant])).toEqual([
      [p1?.id, 2],
      [p2?.id, 1],
    ]);
    // 乙工 removed while a kept claim is his: refused, naming the field; nothing changed.
    const drop = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [{ ...worker('甲工', 421), id: p1?.id }] });
    expect(drop.status).toBe(400);
    expect(drop.body.errors[0].path).toBe('applicants');
    // A claim sent back without its applicant keeps him; null makes it the applicants' together.
    const amend = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      claims: [
        { id: claimsOf(c)[0]?.id, category: 'wages', amount: '150.00', description: '支付拖欠工资' },
        { id: claimsOf(c)[1]?.id, category: 'wages', amount: '200.00', description: '支付拖欠工资', applicant: null },
      ],
    });
    expect(amend.status, JSON.stringify(amend.body)).toBe(200);
    expect(claimsOf(amend.body).map((x) => [x.amount, x.applicantId ?? null])).toEqual([
      ['150.00', p1?.id],
      ['200.00', null],
    ]);
    // Removing 甲工 while his claim is sent back without saying whose it now is: 400 at that claim, nothing changed.
    const unsaid = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [{ ...worker('乙工', 422), id: p2?.id }],
      claims: [{ id: claimsOf(c)[0]?.id, category: 'wages', amount: '150.00', description: '支付拖欠工资' }],
    });
    expect(unsaid.status).toBe(400);
    expect(unsaid.body.errors[0].path).toBe('claims.0.applicant');
    // With the claims corrected in the same edit, it is done.
    const fixed = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [{ ...worker('甲工', 421), id: p1?.id }],
      claims: [{ id: claimsOf(c)[0]?.id, category: 'wages', amount: '100.00', description: '支付拖欠工资', applicant: 1 }],
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(claimsOf(fixed.body)).toEqual([expect.objectContaining({ applicantId: p1?.id, applicant: 1 })]);
  });

  it('s61: a second worker added to a one-worker registration leaves the first worker’s claims his, not the two workers’ joint claims', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [worker('甲工', 471)],
        claims: [
          { category: 'wages', amount: '100.00', description: '支付拖欠工资' },
          { category: 'economic_compensation', amount: '50.00', description: '支付经济补偿' },
        ],
      }),
    );
    const [p1] = c.applicants as { id: number }[];
    // One worker: the claims are stored with no owner — his own.
    expect(claimsOf(c).map((x) => x.applicantId ?? null)).toEqual([null, null]);
    // 乙工 added, the claims not sent: both stay 甲工's.
    const added = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [{ ...worker('甲工', 471), id: p1?.id }, worker('乙工', 472)],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(claimsOf(added.body).map((x) => [x.applicantId ?? null, x.applicant ?? null])).toEqual([
      [p1?.id, 1],
      [p1?.id, 1],
    ]);
    const read = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    expect(claimsOf(read).map((x) => x.applicantId ?? null)).toEqual([p1?.id, p1?.id]);

    // The same with the claims sent back: one without `applicant` stays 甲工's; one with `applicant: null` is joint as asked.
    const d = await registerCase(
      t,
      a,
      standardApplication({
        applicants: [worker('丙工', 473)],
        claims: [
          { category: 'wages', amount: '100.00', description: '支付拖欠工资' },
          { category: 'economic_compensation', amount: '50.00', description: '支付经济补偿' },
        ],
      }),
    );
    const [q1] = d.applicants as { id: number }[];
    const both = await t.api(a.tokens.clerk).patch(`/api/cases/${d.id}`, {
      applicants: [{ ...worker('丙工', 473), id: q1?.id }, worker('丁工', 474)],
      claims: [
        { id: claimsOf(d)[0]?.id, category: 'wages', amount: '100.00', description: '支付拖欠工资' },
        { id: claimsOf(d)[1]?.id, category: 'economic_compensation', amount: '50.00', description: '支付经济补偿', applicant: null },
      ],
    });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(claimsOf(both.body).map((x) => x.applicantId ?? null)).toEqual([q1?.id, null]);
  });

  it('a mediation referred to arbitration keeps each worker’s claim with him (the new case’s own parties)', async () => {
    const m = await t.api(a.tokens.mediator).post(
      '/api/cases',
      standardApplication({
        track: 'mediation',
        applicants: [worker('甲工', 441), worker('乙工', 442)],
        claims: [
          { category: 'wages', amount: '100.00', description: '支付拖欠工资', applicant: 2 },
          { category: 'wages', amount: '300.00', description: '支付加班费' },
        ],
      }),
    );
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const referred = await ok(m.body, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-03-20');
    const arb = (await t.api(a.tokens.clerk).get(`/api/cases/${(referred as unknown as { linkedCaseId: number }).linkedCaseId}`)).body;
    expect(claimsOf(arb).map((x) => [x.applicant ?? null, x.applicantId ?? null])).toEqual([
      [2, arb.applicants[1].id],
      [null, null],
    ]);
    expect(arb.applicants[1].id).not.toBe(m.body.applicants[1].id);
  });

  it('a counterclaim’s claim names the worker it is against; one past the last is 400 at claims.0.applicant', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('甲工', 461), worker('乙工', 462)] }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'respond_notice', partyId: c.respondents[0]?.id, method: 'direct' }, '2026-03-06');
    const training = { category: 'damages', amount: '5000.00', description: '返还培训费用' };
    const bad = await send(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      { description: '反申请', claims: [{ ...training, applicant: 3 }] },
      '2026-03-10',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('claims.0.applicant');
    const v = await ok(
      c,
      a.tokens.clerk,
      'FILE_COUNTERCLAIM',
      { description: '反申请', claims: [{ ...training, applicant: 2 }] },
      '2026-03-10',
    );
    expect(claimsOf(v).at(-1)).toMatchObject({ counterclaim: true, applicant: 2, applicantId: c.applicants[1]?.id });
  });

  it('a claim added after acceptance names its worker; one past the last is 400 at add.0.applicant', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('甲工', 431), worker('乙工', 432)] }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const bad = await send(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'wages', amount: '10.00', description: '支付加班费', applicant: 3 }] },
      '2026-03-05',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('add.0.applicant');
    const v: CaseView = await ok(
      c,
      a.tokens.clerk,
      'CHANGE_CLAIMS',
      { add: [{ category: 'wages', amount: '10.00', description: '支付加班费', applicant: 2 }] },
      '2026-03-05',
    );
    expect(claimsOf(v).at(-1)).toMatchObject({ applicant: 2, applicantId: c.applicants[1]?.id });
  });
});
