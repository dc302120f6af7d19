import fs from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { application, employer, worker } from '../helpers/fixtures.ts';
import { asBytes, generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * fixA59 — legal leftovers (API, rules, documents).
 * #1 SEVERAL RESPONDENTS, ONE RULE (app/procedure/award.ts payerVerdict), for award items and ADVANCE_EXECUTION alike:
 *    `equalShares` (按份, Civil Code Art. 517(2)) beside `jointLiability` (连带, Art. 518; LCL Art. 92(2)); both → 400
 *    naming `equalShares`; either with fewer than two payers → 400; two payers named with neither → 400 naming
 *    `jointLiability`; none named on a case of several respondents → recorded with a warning, printed as equal shares.
 * #2 A pre-arbitration mediation's agreement settling some matters only: the others go to arbitration
 *    (REFER_TO_ARBITRATION `partial_agreement`, the unsettled matters in `ground`; LDMAL Art. 14(3)); the agreement
 *    still binds on what it settled (its payment-order entry stays, LDMAL Art. 16).
 * #3a A party added on the day of a hearing, after it (`partyAdditions[].hearingsBefore`), was owed no notice of it:
 *    the hearing_notice deadline reads the facts the award's rule reads (workflows/rules.ts partyAtHearing).
 * #3b A review's case.json says the day the agreement was reached as `agreedOn` (as the view and the 调解书), its
 *    effective day as `effectiveOn` (Rules Art. 74).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string };
type Answer = { status: number; body: { errors?: { path: string; message: string }[]; warnings?: string[] } };
const paths = (r: Answer) => (r.body.errors ?? []).map((e) => e.path);
const flat = (s: string) => s.replace(/\s+/g, '');
const A = '聊城戊机械有限公司';
const B = '聊城己机械有限公司';
const BASIC = '聊城市东昌府区人民法院';
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

async function twoRespondents(n: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`孙${n}`, 590 + n)],
      respondents: [employer(A), { ...employer(B), creditCode: '91371500MA3D8X5N3X' }],
      claims: [{ category: 'wages', amount: '12000.00', description: '支付2025年10月至12月工资' }],
    }),
  });
  const [r1, r2] = (c.respondents as Party[]).map((p) => p.id) as [number, number];
  return { c, arb, r1, r2, claimId: (c.claims[0] as { id: number }).id };
}
const advance = (claimId: number, extra: Record<string, unknown> = {}) => ({
  claimIds: [claimId],
  appliedOn: '2026-03-20',
  rightsClear: true,
  lifeSeriouslyAffected: true,
  amounts: [{ claimId, amount: '6000.00' }],
  paymentDays: 10,
  ...extra,
});
const award = (claimId: number, extra: Record<string, unknown> = {}) => ({
  items: [{ claimId, outcome: 'partly', amount: '10000.00', ...extra }],
  facts: FACTS,
  reasoning: REASONING,
  defenseSummary: DEFENSE,
});

async function packageOf(c: { id: number }, purpose: string) {
  const pkg = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose, court: BASIC });
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const bytes = (await asBytes(t.api(a.tokens.chair).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer;
  const zip = await JSZip.loadAsync(bytes);
  return JSON.parse(await (zip.file('case.json') as JSZip.JSZipObject).async('string'));
}

describe(`fixA59 #1: several respondents, one rule — award items and advance execution (${DB})`, () => {
  it('refusals alike: both ways, either with one payer, two named with neither', async () => {
    const { c, arb, r1, r2, claimId } = await twoRespondents(1);
    const cases: [Record<string, unknown>, string][] = [
      [{ obligorIds: [r2, r1], jointLiability: true, equalShares: true }, 'equalShares'],
      [{ jointLiability: true, equalShares: true }, 'equalShares'],
      [{ obligorIds: [r2], equalShares: true }, 'equalShares'],
      [{ obligorIds: [r2], jointLiability: true }, 'jointLiability'],
      [{ obligorIds: [r2, r1] }, 'jointLiability'],
      [{ obligorIds: [r2, r1], equalShares: false }, 'jointLiability'],
    ];
    for (const [extra, field] of cases) {
      const ae = (await send(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, extra), '2026-03-26')) as Answer;
      expect(ae.status, JSON.stringify(extra)).toBe(400);
      expect(paths(ae)).toContain(field);
      const aw = (await send(c, arb.token, 'ISSUE_AWARD', award(claimId, extra), '2026-04-10')) as Answer;
      expect(aw.status, JSON.stringify(extra)).toBe(400);
      expect(paths(aw)).toContain(`items.0.${field}`);
      const preview = (await t.api(arb.token).post(`/api/cases/${c.id}/award-preview`, {
        items: award(claimId, extra).items,
        occurredOn: '2026-04-10',
      })) as Answer;
      expect(preview.status, JSON.stringify(preview.body)).toBe(400);
      expect(paths(preview)).toContain(`items.0.${field}`);
    }
    // The message names the parties, in Chinese.
    const named = (await send(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, { obligorIds: [r2, r1] }), '2026-03-26')) as Answer;
    const msg = named.body.errors?.find((e) => e.path === 'jointLiability')?.message ?? '';
    expect(msg).toContain(`${B}、${A}`);
    expect(msg).toContain('equalShares');
    expect(msg).toContain('第五百一十七条');
  });

  it('none named: the advance ruling is recorded with the award’s warning and printed as equal shares', async () => {
    const { c, arb, claimId } = await twoRespondents(2);
    const r = (await send(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId), '2026-03-26')) as Answer;
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings ?? []).join('\n')).toContain('裁决先予执行6000.00元未指定履行义务人');
    const ruling = flat(await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' }));
    expect(ruling).toContain(`被申请人${A}、${B}各承担上述款项的二分之一`);
  });

  it('equalShares: recorded, in the view and case.json, printed in the ruling and the award as equal shares', async () => {
    const { c, arb, r1, r2, claimId } = await twoRespondents(3);
    const ruled = await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, { obligorIds: [r2, r1], equalShares: true }), '2026-03-26');
    expect(ruled.warnings ?? []).not.toContain(expect.stringContaining('未指定履行义务人'));
    const ae = (ruled.proceedings as { advanceExecutions: Record<string, unknown>[] }).advanceExecutions[0];
    expect(ae).toMatchObject({ obligorIds: [r2, r1], equalShares: true });
    expect(ae?.jointLiability).toBeUndefined();
    const ruling = flat(await generatedText(t, arb.token, c.id, { kind: 'advance_execution_ruling' }));
    expect(ruling).toContain(`被申请人${B}、${A}于本裁决书送达之日起十日内先行向申请人孙3支付`);
    expect(ruling).toContain(`被申请人${B}、${A}各承担上述款项的二分之一`);
    expect(ruling).not.toContain('连带责任');
    // case.json (the advance-execution package): the ruling's equalShares as its jointLiability would be.
    for (const id of [r1, r2]) {
      await ok(
        c,
        a.tokens.clerk,
        'SERVE',
        { document: 'advance_execution_ruling', partyId: id, method: 'direct', servedOn: '2026-03-27' },
        '2026-03-27',
      );
      const receipt = await t
        .api(a.tokens.clerk)
        .post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: id, servedDocument: 'advance_execution_ruling' });
      expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    }
    await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: BASIC }, '2026-03-28');
    // The award item alike, with no warning.
    const made = (await send(
      c,
      arb.token,
      'ISSUE_AWARD',
      award(claimId, { obligorIds: [r2, r1], equalShares: true }),
      '2026-04-10',
    )) as Answer;
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect((made.body.warnings ?? []).join('\n')).not.toContain('未指定履行义务人');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect((view.award as { items: Record<string, unknown>[] }).items[0]).toMatchObject({
      obligorIds: [r2, r1],
      equalShares: true,
    });
    const text = flat(await generatedText(t, arb.token, c.id, { kind: 'award' }));
    expect(text).toContain(`被申请人${B}、${A}于本裁决生效之日起十日内向申请人孙3支付`);
    expect(text).toContain(`被申请人${B}、${A}各承担上述款项的二分之一`);
    const caseJson = await packageOf(c, 'advance_execution');
    expect(caseJson.advanceExecutions[0]).toMatchObject({ obligorIds: [r2, r1], equalShares: true });
    expect(caseJson.award?.items?.[0]).toMatchObject({ equalShares: true });
  });

  it('one respondent: neither is needed, as before; equalShares with him alone is 400', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('孙4', 594)] }) });
    const claimId = (c.claims[0] as { id: number }).id;
    const one = (await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      advance(claimId, { equalShares: true, amounts: [{ claimId, amount: '100.00' }] }),
      '2026-03-26',
    )) as Answer;
    expect(one.status).toBe(400);
    expect(paths(one)).toContain('equalShares');
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(claimId, { amounts: [{ claimId, amount: '100.00' }] }), '2026-03-26');
  });
});

describe(`fixA59 #2: a partial mediation agreement refers the unsettled matters to arbitration (${DB})`, () => {
  const mediation = async (receivedOn: string) =>
    (await t.api(a.tokens.mediator).post('/api/cases', application({ track: 'mediation', receivedOn }))).body as CaseView;
  it('partial_agreement needs its matters (ground) and an agreement; recorded; the agreement still binds on the rest', async () => {
    const m = await mediation('2026-11-10');
    await ok(
      m,
      a.tokens.mediator,
      'MEDIATION_AGREED',
      { terms: '被申请人支付2025年10月工资4000元', performanceDueOn: '2026-11-18' },
      '2026-11-12',
    );
    const bare = (await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'partial_agreement' }, '2026-11-20')) as Answer;
    expect(bare.status).toBe(400);
    expect(paths(bare)).toContain('ground');
    const v = await ok(
      m,
      a.tokens.mediator,
      'REFER_TO_ARBITRATION',
      { reason: 'partial_agreement', ground: '解除劳动合同经济补偿金未达成协议' },
      '2026-11-20',
    );
    expect(v.state).toBe('mediation_referred');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${m.id}`)).body as CaseView;
    expect(view.proceedings.trackMediation.referral).toEqual({ reason: 'partial_agreement', ground: '解除劳动合同经济补偿金未达成协议' });
    // The agreement binds on what it settled (LDMAL Art. 14(2)): the worker's payment order on it stays open (Art. 16).
    const deadlines = (await t.api(a.tokens.clerk).get(`/api/cases/${m.id}/deadlines`)).body as { kind: string }[];
    expect(deadlines.map((d) => d.kind)).toContain('payment_order');
  });

  it('with no agreement, partial_agreement is 422 referral-no-agreement', async () => {
    const m = await mediation('2026-11-01');
    const r = await send(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', { reason: 'partial_agreement', ground: '加班费' }, '2026-11-20');
    expect([r.status, r.body.rule, r.body.field]).toEqual([422, 'referral-no-agreement', 'reason']);
  });
});

describe(`fixA59 #3a: the hearing notice and the award read "after the hearing" alike (${DB})`, () => {
  it('a co-respondent added on the hearing day after it: the notice stays met; the award is refused until he is heard', async () => {
    const arb0 = a.arbitrators[0] as { id: number; token: string };
    const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
      ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
    let c: CaseView = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb0.id], presidingId: arb0.id }, '2026-11-06');
    await ok(c, arb0.token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-19', place: '第一仲裁庭' }, '2026-11-06');
    await serve(c, 'application_copy', c.respondents[0]?.id as number, '2026-11-07');
    for (const id of [c.applicants[0]?.id, c.respondents[0]?.id]) await serve(c, 'hearing_notice', id as number, '2026-11-09');
    await ok(c, arb0.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-11-19');
    const added = await ok(
      c,
      arb0.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: worker('钱七', 597) },
      '2026-11-19',
    );
    const addedId = added.respondents.at(-1)?.id as number;
    const notice = (added.deadlines as { kind: string; status: string }[]).filter((d) => d.kind === 'hearing_notice');
    expect(
      notice.map((d) => d.status),
      JSON.stringify(notice),
    ).toEqual(['met']);
    await serve(c, 'addition_notice', addedId, '2026-11-20');
    const r = await send(
      c,
      arb0.token,
      'ISSUE_AWARD',
      { items: (c.claims as { id: number }[]).map((x) => ({ claimId: x.id, outcome: 'dismissed' })), facts: FACTS, reasoning: REASONING },
      '2026-11-20',
    );
    expect([r.status, r.body.rule]).toEqual([422, 'party-joined-after-hearing']);
  });
});

describe(`fixA59 #3b: a review's case.json says agreedOn as the view does, effectiveOn beside it (${DB})`, () => {
  it('agreedOn the day reached, effectiveOn the day in effect; null where not recorded; valid against the schema', async () => {
    const arb0 = a.arbitrators[0] as { id: number; token: string };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync('docs/court-package-case.schema.json', 'utf8')));
    for (const agreedOn of ['2026-11-10', undefined]) {
      const r = await t.api(a.tokens.clerk).post(
        '/api/cases',
        standardApplication({
          track: 'review',
          receivedOn: '2026-11-16',
          agreement: {
            effectiveOn: '2026-11-12',
            organization: '某某街道劳动争议调解委员会',
            terms: '支付工资5000元',
            ...(agreedOn ? { agreedOn } : {}),
          },
        }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const c = r.body as CaseView;
      await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-11-17');
      await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb0.id], presidingId: arb0.id }, '2026-11-17');
      await ok(c, arb0.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月15日前支付申请人工资5000元' }, '2026-11-18');
      const caseJson = await packageOf(c, 'court_request');
      expect(caseJson.mediation).toMatchObject({ agreedOn: agreedOn ?? null, effectiveOn: '2026-11-12' });
      expect(validate(caseJson), JSON.stringify(validate.errors)).toBe(true);
      // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
      const closed = closedCaseJsonValidator();
      expect(closed(caseJson), JSON.stringify(closed.errors)).toBe(true);
    }
  });
});
