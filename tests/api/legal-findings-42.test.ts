import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.ts';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { createActors, issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside legal tester's findings (stop 42): a 调解书 is served on the party in person and takes effect on signing
 * (LDMAL Art. 42(3); SPC CPL Interpretation Art. 133) — never left, posted or by public notice; the two years to apply
 * for its enforcement run from the last day of the performance period it states (CPL Art. 250(2)); the mediation's 15
 * days (LDMAL Art. 14(3)) are the day a party may go to arbitration, not an overdue deadline.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { send, ok } = caseEvents(() => t);
type Deadline = { kind: string; status: string; startsOn: string | null; dueOn: string | null; explanation: string };
const deadline = (v: CaseView, kind: string) => (v.deadlines as Deadline[]).find((d) => d.kind === kind) as Deadline;

/** A heard case mediated to agreement on 03-26 (the 调解书 to sign), with `agreed` beside the terms. */
async function agreedCase(agreed: Record<string, unknown> = {}) {
  const { c, arb } = await caseAt(t, a, 'heard');
  await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
  const r = await ok(
    c,
    arb.token,
    'MEDIATION_AGREED',
    { terms: '被申请人于2026年4月30日前支付申请人工资12000元', ...agreed },
    '2026-03-26',
  );
  await issueMediationDocument(t, arb.token, c);
  expect(r.state).toBe('mediation_signing');
  return { c: r, arb };
}

describe(`legal findings, stop 42 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('F1: a 调解书 is not left, posted, served by public notice, SMS or (by default) post: 422 on method, saying why', async () => {
    const { c } = await agreedCase();
    const to = c.applicants[0]?.id;
    for (const [method, rule, words] of [
      ['left', 'mediation-document-personal-service', '不适用留置送达'],
      ['posted', 'mediation-document-personal-service', '不适用张贴送达'],
      ['public_notice', 'mediation-document-personal-service', '不适用公告送达'],
      ['post', 'mediation-document-personal-service', '未允许邮寄送达调解书'],
      ['sms', 'no-simple-service-for-award', '不得以电话、短信等简便方式送达'],
    ] as const) {
      const r = await send(c, a.tokens.clerk, 'SERVE', { document: 'mediation_document', partyId: to, method }, '2026-03-27');
      expect(r.status, `${method}: ${JSON.stringify(r.body)}`).toBe(422);
      expect(r.body).toMatchObject({ rule, field: 'method' });
      expect(r.body.detail).toContain(words);
    }
    const left = await send(c, a.tokens.clerk, 'SERVE', { document: 'mediation_document', partyId: to, method: 'left' }, '2026-03-27');
    expect(left.body.detail).toContain('经双方当事人签收后发生法律效力');
    expect(left.body.detail).toContain('指定的代收人签收');
    // Nothing was recorded, and the award limit is untouched (no public-notice period to exclude).
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
    expect(view.proceedings.services.filter((s: { document: string }) => s.document === 'mediation_document')).toEqual([]);
    expect(deadline(view, 'award').dueOn).toBe(deadline(c, 'award').dueOn);
    // The other documents are still served by those methods (the award limit's exclusion of public notice stays).
    const notice = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.respondents[0]?.id, method: 'left' },
      '2026-03-27',
    );
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
  });

  it('F1: a 调解书 may be served directly, by an entrusted body, or electronically with consent; signing still makes it effective', async () => {
    const { c } = await agreedCase();
    const [applicant, respondent] = [c.applicants[0]?.id, c.respondents[0]?.id];
    const unconsented = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'mediation_document', partyId: applicant, method: 'electronic' },
      '2026-03-27',
    );
    expect(unconsented.body).toMatchObject({ rule: 'electronic-service-consent' });
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'mediation_document', partyId: applicant, method: 'electronic', consent: true },
      '2026-03-27',
    );
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'mediation_document', partyId: respondent, method: 'entrusted' }, '2026-03-27');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'mediation_document', partyId: respondent, method: 'direct' }, '2026-03-27');
    let r = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: applicant, signedOn: '2026-03-27' }, '2026-03-27');
    expect(r.state).toBe('mediation_signing');
    r = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: respondent, signedOn: '2026-03-27' }, '2026-03-27');
    expect(r.closure).toMatchObject({ mode: 'mediation', closedOn: '2026-03-27' });
    // The web form is told which methods a 调解书 takes.
    const vocab = (await t.api(a.tokens.clerk).get('/api/reference/vocabulary')).body;
    expect(vocab.mediationDocumentMethods).toEqual(['direct', 'entrusted', 'electronic']);
  });

  it('F1: MEDIATION_DOCUMENT_BY_POST=true lets a 调解书 go by post; leaving it is still refused', async () => {
    const t2 = await startTestApp({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000', MEDIATION_DOCUMENT_BY_POST: 'true' } });
    try {
      const a2 = await createActors(t2);
      const e = caseEvents(() => t2);
      const { c, arb } = await caseAt(t2, a2, 'heard');
      await e.ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
      await e.ok(c, arb.token, 'MEDIATION_AGREED', { terms: '支付工资' }, '2026-03-26');
      const to = c.applicants[0]?.id;
      await e.ok(
        c,
        a2.tokens.clerk,
        'SERVE',
        { document: 'mediation_document', partyId: to, method: 'post', servedOn: '2026-03-27' },
        '2026-03-27',
      );
      const left = await e.send(c, a2.tokens.clerk, 'SERVE', { document: 'mediation_document', partyId: to, method: 'left' }, '2026-03-27');
      expect(left.body).toMatchObject({ rule: 'mediation-document-personal-service', field: 'method' });
      expect((await t2.api(a2.tokens.clerk).get('/api/reference/vocabulary')).body.mediationDocumentMethods).toContain('post');
    } finally {
      await t2.close();
    }
  });

  it('F2: enforcement of a 调解书 runs from the last day of the performance period recorded with the agreement', async () => {
    const { c } = await agreedCase({ performanceDueOn: '2026-04-30' });
    expect(c.proceedings.mediation.performanceDueOn).toBe('2026-04-30');
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-27' }, '2026-03-27');
    const r = await ok(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' },
      '2026-03-30',
    );
    const enf = deadline(r, 'enforcement_application');
    expect(enf).toMatchObject({ startsOn: '2026-04-30', status: 'open' });
    expect(enf.explanation).toContain('调解书规定的履行期间最后一日（调解书于2026-03-30生效）（2026-04-30）起算2年');
    expect(enf.explanation).toContain('第二百五十条');
    expect(enf.explanation).not.toContain('请录入履行期限');
  });

  it('F2: without a performance period recorded, it runs from the effective day and says to record the period', async () => {
    const { c } = await agreedCase();
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-27' }, '2026-03-27');
    const r = await ok(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.respondents[0]?.id, signedOn: '2026-03-30' },
      '2026-03-30',
    );
    const enf = deadline(r, 'enforcement_application');
    expect(enf).toMatchObject({ startsOn: '2026-03-30', status: 'open' });
    expect(enf.explanation).toContain('调解书载明履行期限的，自履行期限最后一日起计算');
    expect(enf.explanation).toContain('请录入履行期限');
  });

  it('F2: the performance day is a valid date on or after the agreement: otherwise 400 naming performanceDueOn', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    for (const bad of ['2026-02-30', '30/04/2026', '2026-03-25']) {
      const r = await send(c, arb.token, 'MEDIATION_AGREED', { terms: '支付工资', performanceDueOn: bad }, '2026-03-26');
      expect(r.status, `${bad}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('performanceDueOn');
    }
    // A day in the future is what a performance period usually is.
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '支付工资', performanceDueOn: '2027-06-30' }, '2026-03-26');
  });

  it('F2: an arbitral review’s 调解书 (Rules Art. 77) takes the performance day with CONFIRM_AGREEMENT', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-03-10',
        agreement: { effectiveOn: '2026-03-02', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const c = r.body as CaseView;
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-03-11');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-11');
    await ok(
      c,
      arb.token,
      'CONFIRM_AGREEMENT',
      { terms: '被申请人于2026年5月15日前支付申请人工资5000元', performanceDueOn: '2026-05-15' },
      '2026-03-16',
    );
    await issueMediationDocument(t, arb.token, c);
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-03-17');
    const v = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id }, '2026-03-18');
    expect(deadline(v, 'enforcement_application')).toMatchObject({ startsOn: '2026-05-15', status: 'open' });
  });

  it('F5: the mediation’s 15 days, once over, read 已届满 (elapsed) — never overdue, nor counted or listed as such', async () => {
    const m = await t.api(a.tokens.mediator).post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-03-02' }));
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const v = (await t.api(a.tokens.mediator).get(`/api/cases/${m.body.id}`)).body as CaseView;
    const d = deadline(v, 'mediation');
    expect(d).toMatchObject({ kind: 'mediation', status: 'elapsed', basis: 'LDMAL Art. 14' });
    expect(d.explanation).toContain('当事人可以依法申请仲裁（劳动争议调解仲裁法第十四条第三款）');
    const list = (await t.api(a.tokens.mediator).get(`/api/cases/${m.body.id}/deadlines`)).body as Deadline[];
    expect(list.find((x) => x.kind === 'mediation')?.status).toBe('elapsed');
    // Not among the cases with an overdue deadline, nor the overdue deadlines of the list.
    const overdue = (await t.api(a.tokens.chair).get('/api/cases?overdue=true&pageSize=200')).body;
    expect((overdue.items as { id: number }[]).map((x) => x.id)).not.toContain(m.body.id);
    const due = (await t.api(a.tokens.mediator).get('/api/deadlines?within=366&pageSize=200&assignee=all')).body;
    expect((due.items as { caseId: number; status: string }[]).filter((x) => x.caseId === m.body.id && x.status === 'overdue')).toEqual([]);
    // Mediation may go on by consent: agreed after the 15 days, it is not late — but the 15 days did run out (fixT58 #6:
    // elapsed, an entitlement period, never overdue).
    const agreed = await ok(m.body, a.tokens.mediator, 'MEDIATION_AGREED', { terms: '支付工资' }, '2026-04-02');
    expect(deadline(agreed, 'mediation').status).toBe('elapsed');
  });
});
