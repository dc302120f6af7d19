import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { asBytes, generatedText } from '../helpers/pdf.ts';
import { issueMediationDocument, standardApplication } from '../helpers/procedure.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** An outside reviewer of the generated PDFs (docs45, the fix round): the findings M2–M4 and the LOWs, read back. */
const { t, a } = apiSuite({
  now: '2026-11-20T02:00:00Z',
  env: {
    TOKEN_TTL_HOURS: '100000',
    COMMISSION_KEY_PATH: path.join(scratchDir('zc-docs45-'), 'keys', 'commission-ed25519.pem'),
  },
});

const { ok } = caseEvents(() => t);
const award = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };

describe(`reviewer docs45 fixes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M2: the default receipt of a party who signed the 调解书 after an older SERVE is of the 调解书 (the signing is its service)', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const [applicant, respondent] = [(c.applicants as { id: number }[])[0]?.id, (c.respondents as { id: number }[])[0]?.id];
    for (const partyId of [applicant, respondent])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId, method: 'direct' }, '2026-03-10');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月10日前支付申请人工资10000元。' }, '2026-03-27');
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: applicant, signedOn: '2026-03-28' }, '2026-03-28');
    const receipt = (partyId: unknown, more: Record<string, unknown> = {}) =>
      generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId, ...more });
    const worker = await receipt(applicant);
    expect(worker).toContain('仲裁调解书');
    expect(worker).not.toContain('开庭通知书');
    expect(worker).toContain('签收日期二〇二六年三月二十八日');
    expect(worker).toContain('第四十二条第三款');
    // The respondent has not signed yet: its last service is still the hearing notice's.
    const employer = await receipt(respondent);
    expect(employer).toContain('开庭通知书');
    expect(employer).toContain('签收日期二〇二六年三月十日');
    // Named, the older service is still printed.
    expect(await receipt(applicant, { servedDocument: 'hearing_notice' })).toContain('签收日期二〇二六年三月十日');
  });

  it('M3: an award of a case handled simply recites it (Rules Arts. 56–60); after CONVERT_TO_ORDINARY, the conversion and the tribunal', async () => {
    const items = (c: { claims: unknown }) => {
      const [wages, comp] = ids(c as Parameters<typeof ids>[0]);
      return [
        { claimId: wages, outcome: 'granted', amount: '12000.00' },
        { claimId: comp, outcome: 'dismissed' },
      ];
    };
    const simple = await caseAt(t, a, 'heard', { body: standardApplication({ procedure: 'simple' }) });
    await ok(simple.c, simple.arb.token, 'ISSUE_AWARD', { items: items(simple.c), ...award }, '2026-04-01');
    const text = await generatedText(t, simple.arb.token, simple.c.id, { kind: 'award' });
    expect(text).toMatch(
      /依法受理，并依照《劳动人事争议仲裁办案规则》第五十六条至第六十条的规定简易处理。本委依法指定仲裁员\S+?独任仲裁。/,
    );
    expect(text).not.toContain('一般程序');

    const conv = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ procedure: 'simple' }) });
    await ok(conv.c, a.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂，需要进行鉴定' }, '2026-03-08');
    await ok(conv.c, conv.arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(conv.c, conv.arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    await ok(conv.c, conv.arb.token, 'ISSUE_AWARD', { items: items(conv.c), ...award }, '2026-04-01');
    const converted = await generatedText(t, conv.arb.token, conv.c.id, { kind: 'award' });
    expect(converted).toContain('依法受理，并依照《劳动人事争议仲裁办案规则》第五十六条至第六十条的规定简易处理。');
    expect(converted).toMatch(
      /本委依法指定仲裁员(\S+?)独任仲裁。因案情复杂，需要进行鉴定，本案不宜简易处理，于二〇二六年三月八日依照《劳动人事争议仲裁办案规则》第六十一条的规定转为按照一般程序处理，仍由仲裁员\1独任仲裁。仲裁庭于二〇二六年三月二十五日/,
    );
  });

  it('M4: an employer suing over a mixed award leaves its final part enforceable — the package encloses only the final award; a worker suing stops it', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const [applicant, respondent] = [(c.applicants as { id: number }[])[0]?.id, (c.respondents as { id: number }[])[0]?.id];
    const items = [
      { claimId: wages, outcome: 'granted', amount: '3000.00' },
      { claimId: comp, outcome: 'granted', amount: '26400.00' },
    ];
    const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items, ...award }, '2026-04-01');
    expect(issued.award.finality).toBe('mixed');
    const docs = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(docs.status).toBe(201);
    expect(docs.body.documents).toHaveLength(2);
    for (const partyId of [applicant, respondent])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct' }, '2026-04-03');
    // The employer sues (LDMAL Art. 50): its suit is on the non-final part only.
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: respondent, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' },
      '2026-04-10',
    );
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    const zip = await JSZip.loadAsync((await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${pkg.body.id}`))).body as Buffer);
    const enclosed = Object.keys(zip.files).filter((f) => f.startsWith('documents/') && !f.endsWith('/'));
    const finalDoc = (docs.body.documents as { id: number; caseNo: string }[]).find((d) => /-1号$/.test(d.caseNo));
    expect(finalDoc).toBeDefined();
    expect(enclosed).toEqual([`documents/${finalDoc?.id}-award.pdf`]);
    // Another purpose is not narrowed: a litigation package still carries both parts.
    const lit = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' });
    expect(lit.status).toBe(201);
    expect(lit.body.documentCount).toBeGreaterThanOrEqual(2);
    // The worker applies to enforce the final part meanwhile (LDMAL Arts. 47, 51): recorded, the case stays in court;
    // the employer, who sued, is not the one enforcing it.
    const { send } = caseEvents(() => t);
    const byEmployer = await send(
      c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: respondent, court: '聊城市东昌府区人民法院' },
      '2026-04-11',
    );
    expect(byEmployer.status, JSON.stringify(byEmployer.body)).toBe(422);
    expect(byEmployer.body.rule).toBe('enforcement-final-part-by-worker');
    const enforced = await ok(
      c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: applicant, court: '聊城市东昌府区人民法院' },
      '2026-04-11',
    );
    expect(enforced.state).toBe('in_litigation');
    // The worker sues too (LDMAL Art. 48: against the final award): enforcement stops.
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: applicant, court: '聊城市东昌府区人民法院', filedOn: '2026-04-12' },
      '2026-04-12',
    );
    const stopped = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(stopped.status).toBe(422);
    expect(stopped.body).toMatchObject({ rule: 'court-package-purpose', field: 'purpose' });
    expect(stopped.body.detail).toContain('诉讼期间不能申请强制执行');
  });

  it('L1: the 按撤回处理 决定书 prints a reason of two clauses of the fixed wording once', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const applicant = (c.applicants as { id: number }[])[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: applicant, method: 'direct' }, '2026-03-10');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: false, respondentPresent: true }, '2026-03-25');
    await ok(c, arb.token, 'DEEM_WITHDRAWN', { reason: '申请人经书面通知，无正当理由拒不到庭' }, '2026-03-26');
    const text = await generatedText(t, arb.token, c.id, { kind: 'decision', matter: 'deemed_withdrawal' });
    expect(text).toContain('收到开庭通知，无正当理由拒不到庭。依照');
    expect(text).not.toContain('（无正当理由拒不到庭）');
  });

  it('L2: a respondent who neither answered nor came: 「被申请人经本委书面通知，未到庭，亦未提交书面答辩意见。」 without 辩称', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const respondent = (c.respondents as { id: number }[])[0]?.id;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'hearing_notice', partyId: respondent, method: 'direct' }, '2026-03-10');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: false }, '2026-03-25');
    const [wages, comp] = ids(c);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '12000.00' },
      { claimId: comp, outcome: 'dismissed' },
    ];
    await ok(c, arb.token, 'ISSUE_AWARD', { items, facts: FACTS, reasoning: REASONING }, '2026-04-01');
    const text = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(text).toContain('被申请人经本委书面通知，未到庭，亦未提交书面答辩意见。');
    expect(text).not.toContain('辩称');
  });

  it('L5: the 终止审理 决定书 calls the commission 本委 in the recorded reason', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    await ok(
      c,
      a.tokens.chair,
      'TERMINATE',
      { reason: '申请人以仲裁委员会逾期未作出裁决为由向人民法院提起诉讼，人民法院已受理' },
      '2026-04-21',
    );
    const text = await generatedText(t, a.tokens.chair, c.id, { kind: 'decision', matter: 'termination' });
    expect(text).toContain('因申请人以本委逾期未作出裁决为由向人民法院提起诉讼，人民法院已受理，');
    expect(text).not.toContain('以仲裁委员会逾期');
  });
});
