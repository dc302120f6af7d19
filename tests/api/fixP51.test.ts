import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { issueMediationDocument, standardApplication } from '../helpers/procedure.ts';

/** fixP51: the outside checks of 2026-12-05 (med51, legal51b). The server's today is 2026-12-06 China time. */
const { t, a } = apiSuite({ now: '2026-12-05T17:00:00Z' });
const { ok, send } = caseEvents(() => t);

type Next = { type: string; label: string; refusalOnly?: true; note?: string };
const nextOf = async (c: { id: number }, token: string) => (await t.api(token).get(`/api/cases/${c.id}/next-events`)).body as Next[];

describe(`fixP51 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('med51 H1: no signature for a 调解书 not yet issued — arbitration and review (LDMAL Art. 42; Rules Art. 77)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人于2026年4月30日前支付申请人工资12000元' }, '2026-03-26');
    // Offered only to record a party going back on the agreement, saying why.
    const offered = (await nextOf(c, a.tokens.clerk)).find((n) => n.type === 'SIGN_MEDIATION_DOCUMENT');
    expect(offered?.refusalOnly).toBe(true);
    expect(offered?.note).toContain('尚未出具仲裁调解书');
    const r = await send(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.applicants[0]?.id, signedOn: '2026-03-27' },
      '2026-03-27',
    );
    expect([r.status, r.body.rule, r.body.field], JSON.stringify(r.body)).toEqual([409, 'mediation-document-not-issued', 'document']);
    expect(r.body.detail).toContain('该文书尚不存在');
    // Nothing changed; a draft does not count.
    const draft = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document', draft: true });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const again = await send(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id }, '2026-03-27');
    expect(again.status).toBe(409);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.state).toBe('mediation_signing');
    // Issued: the signatures are recorded and close the case.
    await issueMediationDocument(t, arb.token, c);
    expect((await nextOf(c, a.tokens.clerk)).find((n) => n.type === 'SIGN_MEDIATION_DOCUMENT')?.refusalOnly).toBeUndefined();
    await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.applicants[0]?.id, signedOn: '2026-03-27' }, '2026-03-27');
    const v = await ok(
      c,
      a.tokens.clerk,
      'SIGN_MEDIATION_DOCUMENT',
      { partyId: c.respondents[0]?.id, signedOn: '2026-03-28' },
      '2026-03-28',
    );
    expect(v.closure).toMatchObject({ mode: 'mediation', closedOn: '2026-03-28' });

    // Review track: the same before the 调解书 of the confirmed agreement is issued.
    const rv = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-12-01',
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(rv.status, JSON.stringify(rv.body)).toBe(201);
    const rc = rv.body as CaseView;
    const arb1 = a.arbitrators[0] as { id: number; token: string };
    await ok(rc, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-12-03');
    await ok(rc, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb1.id], presidingId: arb1.id }, '2026-12-03');
    await ok(rc, arb1.token, 'CONFIRM_AGREEMENT', { terms: '被申请人于2026年12月31日前支付申请人工资5000元' }, '2026-12-04');
    const early = await send(rc, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: rc.applicants[0]?.id, signedOn: '2026-12-05' });
    expect([early.status, early.body.rule], JSON.stringify(early.body)).toEqual([409, 'mediation-document-not-issued']);
    const enforce = await send(rc, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: rc.applicants[0]?.id, filedOn: '2026-12-05' });
    expect(enforce.status, JSON.stringify(enforce.body)).not.toBe(200);
    await issueMediationDocument(t, arb1.token, rc);
    for (const p of [...rc.applicants, ...rc.respondents])
      await ok(rc, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: p.id, signedOn: '2026-12-05' });
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${rc.id}`)).body.closure).toMatchObject({ mode: 'review_confirmed' });
  });

  it('med51 H1: a party going back on the agreement before the 调解书 is issued is still recorded (LDMAL Art. 42(4))', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: '被申请人支付工资12000元' }, '2026-03-26');
    const v = await ok(c, a.tokens.clerk, 'SIGN_MEDIATION_DOCUMENT', { partyId: c.respondents[0]?.id, refused: true }, '2026-03-27');
    expect(v.state).toBe('heard');
  });

  it('legal51b M1: an extension approved in time before a restart is recorded when entered after it, lengthening nothing (LDMAL Art. 43; Rules Art. 46)', async () => {
    type Deadline = { kind: string; dueOn: string | null };
    const due = (v: unknown) => (v as { deadlines: Deadline[] }).deadlines.find((d) => d.kind === 'award')?.dueOn;
    const run = async (order: 'counterclaim-first' | 'extension-first') => {
      const { c } = await caseAt(t, a, 'received');
      await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-12');
      const counterclaim = () =>
        ok(c, a.tokens.clerk, 'FILE_COUNTERCLAIM', { description: '反申请：请求返还培训费5000元', filedOn: '2026-10-21' }, '2026-10-21');
      const extend = () => send(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-10-20' });
      let r: Awaited<ReturnType<typeof extend>>;
      let v: unknown;
      if (order === 'counterclaim-first') {
        v = await counterclaim();
        r = await extend();
      } else {
        r = await extend();
        v = await counterclaim();
      }
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
      return { c, r, v, view };
    };
    const late = await run('counterclaim-first');
    expect(late.r.body.warnings.join('')).toContain('不延长重新计算的审理期限');
    const inOrder = await run('extension-first');
    // Either order: the same award limit, the new period's own (not lengthened by the superseded period's extension).
    expect(due(late.view)).toBe(due(inOrder.view));
    expect(due(late.view)).toBe(due(late.v));
    // The new period may still be extended once, in time.
    const fresh = await send(late.c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-11-20' });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(due(fresh.body)).not.toBe(due(late.view));
    // The superseded period was extended once only.
    const twice = await send(late.c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂', approvedOn: '2026-10-19' });
    expect([twice.status, twice.body.rule], JSON.stringify(twice.body)).toEqual([422, 'extension-once']);
  });

  it('med51 L: a review of a collective agreement is designated to one arbitrator (Rules Art. 76); arbitration still needs three', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-12-01',
        applicants: [worker('工人丙', 511), worker('工人丁', 512)],
        collective: true,
        collectiveGround: 'collective_contract',
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const c = r.body as CaseView;
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.clerk, 'ACCEPT_REVIEW', {}, '2026-12-03');
    const v = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-12-03');
    expect(v.tribunal?.arbitrators.map((x: { id: number }) => x.id)).toEqual([arb.id]);
  });

  it("med51 M1: converted to the ordinary procedure, a sole arbitrator's tribunal is warned of and may be re-formed until heard (LDMAL Art. 31; Rules Art. 61)", async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled', { body: standardApplication({ procedure: 'simple' }) });
    const conv = await send(c, a.tokens.chair, 'CONVERT_TO_ORDINARY', { reason: '案情复杂，需要进行鉴定' }, '2026-03-10');
    expect(conv.status, JSON.stringify(conv.body)).toBe(200);
    expect(conv.body.warnings.join('')).toContain('重新组成仲裁庭');
    expect((await nextOf(c, a.tokens.chair)).map((n) => n.type)).toContain('FORM_TRIBUNAL');
    const ids = a.arbitrators.map((x) => x.id);
    const v = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: ids, presidingId: ids[0] }, '2026-03-11');
    expect(v.tribunal?.arbitrators.map((x: { id: number }) => x.id)).toEqual(ids);
    expect(v.state).toBe('hearing_scheduled');
    // Once heard under the ordinary procedure, it is not formed again.
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const again = await send(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, '2026-03-26');
    expect(again.status, JSON.stringify(again.body)).toBe(409);
  });
});
