import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { asBytes, generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixK56 — three items the last stop left open.
 * #1 A third party bound by a non-final award may sue within 15 days of his own receipt (LDMAL Art. 50): the award's
 *    service waits for his receipt, his window is a deadline of its own, and the award takes effect only after it.
 * #2 ADVANCE_EXECUTION names who pays (`obligorIds`, LDMAL Art. 44): the ruling orders them, the transfer letter and
 *    case.json name them as 被执行人 (enforcement: the award items' obligors).
 * #3 The case view says who may sue and who may apply for enforcement (`remedyParties`), by the server's own rules.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const BASIC = '聊城市东昌府区人民法院';
type Deadline = { kind: string; partyId?: number; dueOn: string | null; status: string; label: string };

const serve = (c: CaseView, id: number, on: string, document = 'award') =>
  ok(c, a.tokens.clerk, 'SERVE', { document, partyId: id, method: 'direct', servedOn: on }, on);
const deadlines = async (c: CaseView): Promise<Deadline[]> => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/deadlines`)).body;
const view = async (c: CaseView): Promise<CaseView & Record<string, unknown>> =>
  (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;

async function packageOf(c: { id: number }, purpose: string) {
  const pkg = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose, court: BASIC });
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const bytes = (await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer;
  const zip = await JSZip.loadAsync(bytes);
  return JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string'));
}

/** A worker's case with a third party added (LDMAL Art. 23), heard; the award is `items` of its one claim. */
async function withThirdParty(seq: number, claim: Record<string, unknown>, item: Record<string, unknown>) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({ applicants: [worker(`己${seq}`, seq)], claims: [claim] }),
  });
  const added = await ok(
    c,
    a.tokens.clerk,
    'ADD_PARTY',
    { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人庚' } },
    '2026-03-26',
  );
  const third = (added.thirdParties as { id: number }[])[0]?.id as number;
  await serve(c, third, '2026-03-27', 'addition_notice');
  await ok(
    c,
    arb.token,
    'ISSUE_AWARD',
    { items: [{ claimId: c.claims[0]?.id, ...item }], facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE },
    '2026-04-10',
  );
  return { c, arb, third, applicant: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}
const nonFinal = (seq: number) => withThirdParty(seq, { category: 'contract', description: '继续履行劳动合同' }, { outcome: 'granted' });
const final = (seq: number) =>
  withThirdParty(seq, { category: 'wages', amount: '9000.00', description: '工资' }, { outcome: 'granted', amount: '9000.00' });

describe(`fixK56 #1: a third party's own window on a non-final award (LDMAL Art. 50) (${DB})`, () => {
  it('the award is served once he has received it too; his 15 days are a deadline; the effect waits for them', async () => {
    const { c, third, applicant, employerId } = await nonFinal(561);
    await serve(c, applicant, '2026-04-15');
    const before = await serve(c, employerId, '2026-04-15');
    // Before: award_served and the effect on 2026-05-01 from the others' windows alone.
    expect(before.state).toBe('award_issued');
    const open = await deadlines(c);
    const his = open.find((d) => d.kind === 'sue_non_final' && d.partyId === third);
    expect(his, JSON.stringify(open)).toMatchObject({ dueOn: null, status: 'open' });
    expect(his?.label).toContain('第三人庚');
    expect(open.find((d) => d.kind === 'effective')?.dueOn).toBeNull();

    const after = await serve(c, third, '2026-04-20');
    expect(after.state).toBe('award_served');
    const ds = await deadlines(c);
    // 2026-05-05 is a public holiday (劳动节): the last day rolls to 2026-05-06.
    expect(ds.find((d) => d.kind === 'sue_non_final' && d.partyId === third)?.dueOn).toBe('2026-05-06');
    expect(ds.find((d) => d.kind === 'effective')?.dueOn).toBe('2026-05-07');
    // The view lists the same deadline.
    expect(((await view(c)).deadlines as Deadline[]).some((d) => d.kind === 'sue_non_final' && d.partyId === third)).toBe(true);

    // The others' windows ended on 04-30: not effective yet while his runs.
    const early = await send(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-04');
    expect(early.status, JSON.stringify(early.body)).toBe(422);
    // He sues within his own window: recorded, not warned as late.
    const sued = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: third, court: BASIC, filedOn: '2026-05-04' }, '2026-05-04');
    expect(sued.state).toBe('in_litigation');
    expect(JSON.stringify(sued.warnings ?? [])).not.toContain('届满');
  });

  it('his window over, the award takes effect the day after it; case.json says so', async () => {
    const { c, arb, third, applicant, employerId } = await nonFinal(562);
    for (const id of [applicant, employerId]) await serve(c, id, '2026-04-15');
    await serve(c, third, '2026-04-20');
    const marked = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-05-07');
    expect(marked.state).toBe('award_effective');
    await generatedText(t, arb.token, c.id, { kind: 'award' });
    const caseJson = await packageOf(c, 'enforcement');
    expect(caseJson.case.effectiveOn).toBe('2026-05-07');
    expect(caseJson.services.some((s: { partyId: number; document: string }) => s.partyId === third && s.document === 'award')).toBe(true);
  });

  it('a final award: the service waits for his receipt, but he has no window and may not sue (LDMAL Arts. 47–49)', async () => {
    const { c, third, applicant, employerId } = await final(563);
    for (const id of [applicant, employerId]) await serve(c, id, '2026-04-15');
    expect((await view(c)).state).toBe('award_issued');
    expect((await serve(c, third, '2026-04-15')).state).toBe('award_served');
    expect((await deadlines(c)).some((d) => d.partyId === third && d.kind.startsWith('sue'))).toBe(false);
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: third, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect([r.status, r.body.rule]).toEqual([422, 'third-party-cannot-sue-final']);
  });

  it('README no longer says his window is not tracked', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).not.toContain('not yet waited for');
    expect(readme).toContain('a third party');
  });
});

/** A dispatched worker's case: the agency and the user unit are co-respondents (LDMAL Art. 22(2)), heard. */
async function dispatched(seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`派${seq}`, seq)],
      respondents: [
        { ...employer('聊城丙劳务派遣有限公司'), creditCode: '91371500MA3C7K2L12' },
        { ...employer('聊城丁电子有限公司'), creditCode: '91371500MA3D8X5N3X' },
      ],
      claims: [{ category: 'wages', amount: '20000.00', description: '支付2025年12月工资' }],
    }),
  });
  const [agency, user] = (c.respondents as { id: number }[]).map((p) => p.id) as [number, number];
  return { c, arb, agency, user, workerId: c.applicants[0]?.id as number, wages: c.claims[0]?.id as number };
}
const advance = (wages: number, extra: Record<string, unknown> = {}) => ({
  claimIds: [wages],
  rightsClear: true,
  lifeSeriouslyAffected: true,
  amounts: [{ claimId: wages, amount: '6000' }],
  paymentDays: 7,
  ...extra,
});

describe(`fixK56 #2: who pays under an advance-execution ruling (LDMAL Art. 44) (${DB})`, () => {
  it('obligorIds names respondents only (400 naming obligorIds.N)', async () => {
    const { c, arb, workerId, wages } = await dispatched(564);
    const r = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, { obligorIds: [workerId] }), '2026-03-26');
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(r.body.errors)).toContain('obligorIds.0');
    const unknown = await send(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, { obligorIds: [999999] }), '2026-03-26');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('obligorIds.0');
  });

  it('the ruling orders the named respondent to pay; the transfer letter and case.json name him as 被执行人', async () => {
    const { c, arb, agency, user, wages } = await dispatched(565);
    const ruled = await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, { obligorIds: [user] }), '2026-03-26');
    expect((ruled.proceedings as { advanceExecutions: { obligorIds?: number[] }[] }).advanceExecutions[0]?.obligorIds).toEqual([user]);
    const text = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(text).toContain('被申请人聊城丁电子有限公司于本裁决书送达之日起');
    expect(text).not.toContain('被申请人聊城丙劳务派遣有限公司、聊城丁电子有限公司于本裁决书送达之日起');
    for (const id of [agency, user]) {
      await serve(c, id, '2026-03-27', 'advance_execution_ruling');
      const receipt = await t
        .api(a.tokens.clerk)
        .post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: id, servedDocument: 'advance_execution_ruling' });
      expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    }
    await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: BASIC }, '2026-03-28');
    const letter = await generatedText(t, a.tokens.clerk, c.id, { kind: 'court_transfer_letter' });
    expect(letter).toContain('被执行人：聊城丁电子有限公司。');
    const caseJson = await packageOf(c, 'advance_execution');
    expect(caseJson.executedPartyIds).toEqual([user]);
    expect(caseJson.advanceExecutions[0].obligorIds).toEqual([user]);
  });

  // fixD58 #1: with several respondents and none named, every respondent pays only as jointly liable (400 otherwise).
  it('none named: every respondent pays, jointly (fixD58); enforcement names the award items’ obligors', async () => {
    const { c, arb, agency, user, workerId, wages } = await dispatched(566);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages, { jointLiability: true }), '2026-03-26');
    const text = await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' });
    expect(text.replace(/\s+/g, '')).toContain('对上述款项承担连带责任');
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        items: [{ claimId: wages, outcome: 'granted', amount: '20000.00', obligorIds: [user, agency], jointLiability: true }],
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    await generatedText(t, arb.token, c.id, { kind: 'award' });
    for (const id of [workerId, agency, user]) await serve(c, id, '2026-04-11');
    await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: workerId, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    const caseJson = await packageOf(c, 'enforcement');
    expect(caseJson.executedPartyIds).toEqual([user, agency]);
    expect((await packageOf(c, 'court_request')).executedPartyIds).toBeNull();
  });
});

describe(`fixK56 #3: who may sue and who may enforce, in the case view (${DB})`, () => {
  it('a final award: the third party and the employer may not sue; the worker may; only the worker enforces', async () => {
    const { c, third, applicant, employerId } = await final(567);
    for (const id of [applicant, employerId, third]) await serve(c, id, '2026-04-15');
    const v = await view(c);
    expect(v.remedyParties).toEqual({ lawsuit: [applicant], enforcement: [applicant] });
    expect(third).not.toBe(employerId);
  });

  it('a non-final award: every party may sue, the third party too (LDMAL Art. 50)', async () => {
    const { c, third, applicant, employerId } = await nonFinal(568);
    const v = await view(c);
    expect((v.remedyParties as { lawsuit: number[] }).lawsuit.sort()).toEqual([applicant, employerId, third].sort());
  });

  it('a worker whose claims were all given up is not offered a suit (no-award-items-for-party)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('甲五六', 569), worker('乙五六', 570)],
        claims: [
          { category: 'wages', amount: '9000.00', description: '甲工资', applicant: 1 },
          { category: 'wages', amount: '10000.00', description: '乙工资', applicant: 2 },
        ],
      }),
    });
    const [w1, w2] = c.claims as { id: number }[];
    const [jia, yi] = (c.applicants as { id: number }[]).map((p) => p.id) as [number, number];
    await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [w1?.id] }, '2026-03-26');
    await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: w2?.id, outcome: 'granted', amount: '10000.00' }] }, '2026-04-10');
    const v = await view(c);
    const rp = v.remedyParties as { lawsuit: number[]; enforcement: number[] };
    expect(rp.lawsuit).toContain(yi);
    expect(rp.lawsuit).not.toContain(jia);
    expect(rp.enforcement).not.toContain(jia);
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: jia, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(r.body.rule).toBe('no-award-items-for-party');
  });
});
