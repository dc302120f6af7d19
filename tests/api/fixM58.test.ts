import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, REASONING } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixM58 (outside checkers sec58, docs58b): small findings.
 * #1 next-events `blocked=true` names the absent party by name, as the 422 for the same rule does (one builder:
 *    app/cases/views.ts namedRefusalDetail); the 422 of an advance-execution transfer names the unserved respondents.
 * #2 the advance-execution court package's refusal names the respondents, not 当事人N.
 * #3 the 移送函: an advance-execution ruling is 移送你院执行 (LDMAL Art. 44); enforcement is the party's application to
 *    the court (LDMAL Art. 51), not a transfer by the commission.
 * #4 a termination 决定书 prints 参照…之规定 for a basis applied by analogy, not 依照参照….
 * #5 the clerk prints a 决定书 of an act recorded, as he prints an award — no draft, no 补正 text of his own.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const COURT = '聊城市东昌府区人民法院';
const AGENCY = '聊城某某劳务派遣有限公司';
const USER = '聊城某某电子有限公司';
type Next = { type: string; blocked?: { rule: string; reason: string } };

/** A worker's case against two respondents (LDMAL Art. 22(2)), heard. */
async function twoRespondents(n: number, held?: Record<string, unknown>) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker(`派遣${n}`, 580 + n)],
      respondents: [
        { ...employer(AGENCY), creditCode: '91371500MA3C7K2L12' },
        { ...employer(USER), creditCode: '91371500MA3D8X5N3X' },
      ],
    }),
    ...(held ? { held } : {}),
  });
  return { c, arb, wages: (c.claims[0] as { id: number }).id };
}
const advance = (claimId: number) => ({
  claimIds: [claimId],
  appliedOn: '2026-03-20',
  rightsClear: true,
  lifeSeriouslyAffected: true,
  amounts: [{ claimId, amount: '6000.00' }],
  paymentDays: 7,
  // fixD58 #1: two respondents, none named — both pay only as jointly liable.
  jointLiability: true,
});

describe(`fixM58 #1: a rule's refusal names the party, in next-events as in the 422 (${DB})`, () => {
  it('default award without a served notice: the blocked reason and the 422 say 未到庭的被申请人（name）', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { held: { applicantPresent: true, respondentPresent: false } });
    const name = (c.respondents[0] as unknown as { name: string }).name;
    const list = (await t.api(arb.token).get(`/api/cases/${c.id}/next-events?blocked=true`)).body as Next[];
    const reason = list.find((n) => n.type === 'ISSUE_AWARD')?.blocked?.reason ?? '';
    expect(reason).toContain(`未到庭的被申请人（${name}）没有在开庭前经书面送达本次开庭日期的通知`);
    expect(reason).not.toMatch(/当事人 ?\d/);
    const items = (c.claims as { id: number }[]).map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    const refused = await send(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-01');
    expect(refused.body.rule).toBe('default-award-notice-not-proven');
    // The same words up to the citation.
    const words = reason.slice(0, reason.indexOf('不能缺席裁决') + '不能缺席裁决'.length);
    expect(refused.body.detail.startsWith(words), `${refused.body.detail} / ${words}`).toBe(true);
  });

  it('a transfer for advance execution before the ruling is served names the respondents', async () => {
    const { c, arb, wages } = await twoRespondents(1);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages), '2026-03-26');
    const r = await send(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-03-28');
    expect(r.body.rule).toBe('advance-execution-not-served');
    expect(r.body.detail).toContain(`先予执行裁决书尚未送达被申请人${AGENCY}、${USER}：`);
    expect(r.body.detail).not.toMatch(/当事人 ?\d|）（/);
  });
});

describe(`fixM58 #2 #3: the advance-execution package names the respondents; the 移送函 says what the law says (${DB})`, () => {
  it('refusals name the respondents; the letter transfers the ruling 移送你院执行', async () => {
    const { c, arb, wages } = await twoRespondents(2);
    await ok(c, arb.token, 'ADVANCE_EXECUTION', advance(wages), '2026-03-26');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'advance_execution_ruling' })).status).toBe(201);
    const pkg = () => t.api(a.tokens.chair).post(`/api/cases/${c.id}/court-packages`, { purpose: 'advance_execution', court: COURT });
    const unserved = await pkg();
    expect([unserved.status, unserved.body.rule]).toEqual([422, 'court-package-purpose']);
    expect(unserved.body.detail).toContain(`先予执行裁决书尚未送达被申请人${AGENCY}、${USER}——`);
    expect(unserved.body.detail).not.toMatch(/当事人 ?\d/);
    const [agency, user] = (c.respondents as { id: number }[]).map((p) => p.id) as [number, number];
    for (const id of [agency, user])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'advance_execution_ruling', partyId: id, method: 'direct' }, '2026-03-27');
    const receipt = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: agency, servedDocument: 'advance_execution_ruling' });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const oneReceipt = await pkg();
    expect(oneReceipt.status).toBe(422);
    expect(oneReceipt.body.detail).toContain(`尚未出具（被申请人${USER}）`);
    expect(oneReceipt.body.detail).not.toMatch(/当事人 ?\d/);
    await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'advance_execution', court: COURT }, '2026-03-28');
    const letter = await generatedText(t, a.tokens.clerk, c.id, { kind: 'court_transfer_letter' });
    expect(letter).toContain('现依法将先予执行裁决移送你院执行。');
  });

  it('an enforcement letter: the party applies to the court (LDMAL Art. 51); the commission sends the materials', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = (c.claims as { id: number }[]).map((x) => x.id);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '12000.00' },
      { claimId: comp, outcome: 'granted', amount: '26400.00' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-04-13');
    await ok(c, a.tokens.clerk, 'TRANSFER_TO_COURT', { purpose: 'enforcement', court: COURT }, '2026-04-14');
    const letter = await generatedText(t, a.tokens.clerk, c.id, { kind: 'court_transfer_letter' });
    expect(letter).toContain('当事人依照《中华人民共和国劳动争议调解仲裁法》第五十一条的规定向你院申请强制执行，现将有关材料函送你院。');
    expect(letter).not.toContain('强制执行移送你院');
  });
});

describe(`fixM58 #4: a termination on another ground by analogy prints 参照…之规定 (${DB})`, () => {
  const cases: [string, string][] = [
    [
      '参照《中华人民共和国民事诉讼法》第一百五十四条第一款第（六）项之规定',
      '参照《中华人民共和国民事诉讼法》第一百五十四条第一款第（六）项之规定，本委决定本案终止审理。',
    ],
    ['根据《浙江省劳动人事争议调解仲裁条例》第三十二条', '依照《浙江省劳动人事争议调解仲裁条例》第三十二条之规定，本委决定本案终止审理。'],
    [
      '《浙江省劳动人事争议调解仲裁条例》第三十二条的规定。',
      '依照《浙江省劳动人事争议调解仲裁条例》第三十二条之规定，本委决定本案终止审理。',
    ],
  ];
  it.each(cases)('basis %s', async (basis, printed) => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(c, a.tokens.chair, 'TERMINATE', { reason: '申请人死亡，没有继承人', ground: 'other', basis }, '2026-04-21');
    const text = (await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'termination' })).replace(/\s+/g, '');
    expect(text).toContain(`因申请人死亡，没有继承人，${printed}`);
    expect(text).not.toContain('依照参照');
    expect(text).not.toContain('之规定之规定');
  });
});

describe(`fixM58 #5: the clerk prints a 决定书 of an act recorded, as he prints an award (${DB})`, () => {
  it('before the act 409; after it 201; no draft, no 补正 text of his own (403)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const gen = (token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/documents`, body);
    const before = await gen(a.tokens.clerk, { kind: 'decision', matter: 'suspension' });
    expect(before.status, JSON.stringify(before.body)).toBe(409);
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-30');
    const printed = await gen(a.tokens.clerk, { kind: 'decision', matter: 'suspension' });
    expect(printed.status, JSON.stringify(printed.body)).toBe(201);
    expect((await gen(a.tokens.clerk, { kind: 'decision', matter: 'suspension', draft: true })).status).toBe(403);
    // The vocabulary says so.
    const vocabulary = (await t.api(a.tokens.clerk).get('/api/reference/vocabulary')).body as { documentRoles: Record<string, string[]> };
    expect(vocabulary.documentRoles.decision).toContain('clerk');
    // A 补正's text is the tribunal's; the clerk reprints the one it made.
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-02');
    const [wages, comp] = (c.claims as { id: number }[]).map((x) => x.id);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '12000.00' },
      { claimId: comp, outcome: 'dismissed' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE }, '2026-04-10');
    expect((await gen(arb.token, { kind: 'award' })).status).toBe(201);
    const fix = { kind: 'decision', matter: 'correction', body: '第一项中“2025年10月”应为“2025年9月”。', decidedOn: '2026-04-20' };
    const byClerk = await gen(a.tokens.clerk, fix);
    expect(byClerk.status, JSON.stringify(byClerk.body)).toBe(403);
    const made = await gen(arb.token, fix);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const reprint = await gen(a.tokens.clerk, { kind: 'decision', matter: 'correction' });
    expect(reprint.status, JSON.stringify(reprint.body)).toBe(201);
    expect(reprint.body.documents.map((d: { id: number }) => d.id)).toEqual(made.body.documents.map((d: { id: number }) => d.id));
  });
});
