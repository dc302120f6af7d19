import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';

/**
 * 送达回证 (document kind `service_receipt`): the receipt a served document travels with and the file keeps (CPL
 * Arts. 87–91, 95; Rules Art. 20). Before service it is the blank to take along — the document, the person and address,
 * the ways of service as boxes, signature and date blank, dated the day the document was made; after a recorded SERVE it
 * records that service — its way and day, and what stands for a signature where none does.
 */
const { t, a } = apiSuite({ now: '2026-04-01T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { ok } = caseEvents(() => t);
const party = (c: CaseView, side: 'applicants' | 'respondents') =>
  (c[side] as { id: number; name: string }[])[0] as { id: number; name: string };

describe(`送达回证 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('before service: the blank receipt of the document named, dated the day it was made; the ways as boxes', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const applicant = party(c, 'applicants');
    const text = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: applicant.id,
      servedDocument: 'acceptance_notice',
    });
    expect(text).toContain('送达回证');
    expect(text).toContain(`受理通知书${c.caseNo}`);
    expect(text).toContain(`受送达人${applicant.name}`);
    expect(text).toContain('□直接送达□邮寄送达□委托送达□留置送达□电子送达');
    expect(text).toContain('签收日期年月日');
    // The acceptance's day (2026-03-04), not the day printed.
    expect(text).toContain('二〇二六年三月四日');
  });

  it('after a recorded service: its way and day; a refusal says the document was left, with the witness to sign', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const respondent = party(c, 'respondents');
    const applicant = party(c, 'applicants');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'application_copy', partyId: respondent.id, method: 'left', servedOn: '2026-03-05' },
      '2026-03-05',
    );
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'acceptance_notice', partyId: applicant.id, method: 'direct', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const left = await generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId: respondent.id });
    expect(left).toContain('仲裁申请书副本');
    expect(left).toContain('送达方式留置送达');
    expect(left).toContain('受送达人拒绝签收，于二〇二六年三月五日将文书留置（《中华人民共和国民事诉讼法》第八十九条）');
    expect(left).toContain('（视为送达之日）');
    expect(left).toContain('见证人（签名或者盖章）');
    const direct = await generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId: applicant.id });
    expect(direct).toContain('受理通知书');
    expect(direct).toContain('送达方式直接送达');
    expect(direct).toContain('签收日期二〇二六年三月六日');
    expect(direct).not.toContain('□');
  });

  it('a public notice: deemed served thirty days after publication (CPL Art. 95), no signature asked for', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const respondent = party(c, 'respondents');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'application_copy', partyId: respondent.id, method: 'public_notice', servedOn: '2026-03-06' },
      '2026-03-06',
    );
    const text = await generatedText(t, a.tokens.clerk, c.id, { kind: 'service_receipt', partyId: respondent.id });
    expect(text).toContain('公告于二〇二六年三月六日发布，自发布之日起经过三十日，即视为送达（《中华人民共和国民事诉讼法》第九十五条）');
    expect(text).toContain('签收日期二〇二六年四月五日（视为送达之日）');
  });

  it('a 调解书’s blank offers only the ways it may be served: never left (SPC CPL Interpretation Art. 133)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月30日前支付申请人工资12000元' }, '2026-03-26');
    const text = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: party(c, 'applicants').id,
      servedDocument: 'mediation_document',
    });
    expect(text).toContain('仲裁调解书');
    expect(text).toContain('送达方式□直接送达□委托送达□电子送达');
    expect(text).not.toContain('留置');
  });

  it('refuses what it cannot print: no party (400), another case’s party (400), no document and no service (422), a document not made (409), another role (403)', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const applicant = party(c, 'applicants');
    const post = (token: string, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${c.id}/documents`, body);
    const none = await post(a.tokens.clerk, { kind: 'service_receipt' });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].path).toBe('partyId');
    const other = await post(a.tokens.clerk, { kind: 'service_receipt', partyId: 9_999_999 });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe('partyId');
    const which = await post(a.tokens.clerk, { kind: 'service_receipt', partyId: applicant.id });
    expect(which.status).toBe(422);
    expect(which.body).toMatchObject({ rule: 'record-incomplete', field: 'servedDocument' });
    const award = await post(a.tokens.clerk, { kind: 'service_receipt', partyId: applicant.id, servedDocument: 'award' });
    expect(award.status).toBe(409);
    expect(award.body.detail).toContain('尚未作出仲裁裁决书');
    const bad = await post(a.tokens.clerk, { kind: 'service_receipt', partyId: applicant.id, servedDocument: 'nonsense' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('servedDocument');
    const analyst = await post(a.tokens.analyst, { kind: 'service_receipt', partyId: applicant.id, servedDocument: 'acceptance_notice' });
    expect(analyst.status).toBe(403);
    // Nothing was generated.
    const docs = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`);
    expect(docs.body.filter((d: { kind: string }) => d.kind === 'service_receipt')).toEqual([]);
  });
});
