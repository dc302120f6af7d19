import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, generatedText, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside reviewer of the generated PDFs (docs45): one-page notices, aligned signatures, the 恢复审理通知书 after a
 * suspension ends.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });

const { ok } = caseEvents(() => t);

/** The PDF generated for the request, with its page count (pdftotext's form feeds). */
async function generated(token: string, caseId: number, body: Record<string, unknown>): Promise<{ text: string; pages: string[] }> {
  const r = await t.api(token).post(`/api/cases/${caseId}/documents`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const raw = pdfRaw(await downloadDocument(t, token, r.body.documents[0].id));
  return { text: flat(raw), pages: raw.split('\f').filter((p) => p.trim()) };
}

describe(`reviewer docs45 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('#1: the 受理, 应诉, 仲裁庭组成 and 开庭 notices of an ordinary case are one page, 特此通知 and the signature on it', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    for (const [kind, token] of [
      ['acceptance_notice', a.tokens.clerk],
      ['respond_notice', a.tokens.clerk],
      ['tribunal_notice', a.tokens.clerk],
      ['hearing_notice', arb.token],
    ] as const) {
      const { pages } = await generated(token, c.id, { kind });
      expect(pages.length, kind).toBe(1);
      expect(flat(pages[0] as string), kind).toMatch(/特此通知。聊城市劳动人事争议仲裁委员会二〇二六年三月/);
    }
  });

  it('#6: after RESUME a 恢复审理通知书 names the suspension, the resumption and the limit running again; not before', async () => {
    const { c } = await caseAt(t, a, 'heard');
    const early = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'resume_notice' });
    expect(early.status).toBe(409);
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-03-30');
    const suspended = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'resume_notice' });
    expect(suspended.status).toBe(409);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.servable).not.toContain('resume_notice');
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-04-02');
    const { text, pages } = await generated(a.tokens.clerk, c.id, { kind: 'resume_notice' });
    expect(pages.length).toBe(1);
    expect(text).toContain('恢复审理通知书');
    expect(text).toMatch(/聊劳人仲案字〔2026〕第\d+号/);
    expect(text).toContain('本委于二〇二六年三月三十日因等待工伤认定结论，决定中止审理');
    expect(text).toContain('本案自二〇二六年四月二日起恢复审理');
    expect(text).toContain('自恢复审理之日起继续计算');
    expect(text).toContain('《劳动人事争议仲裁办案规则》第四十七条');
    // Dated the resumption, printed in November.
    expect(text).toContain('聊城市劳动人事争议仲裁委员会二〇二六年四月二日');
    expect(text).not.toContain('十一月');
    // Served as the other notices are: servable once made, not before its day.
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.servable).toContain('resume_notice');
    const party = (c.applicants as { id: number }[])[0]?.id;
    const tooEarly = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      document: 'resume_notice',
      partyId: party,
      method: 'direct',
      occurredOn: '2026-04-01',
    });
    expect(tooEarly.status).toBe(400);
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'resume_notice', partyId: party, method: 'direct' }, '2026-04-03');
    const receipt = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: party,
      servedDocument: 'resume_notice',
    });
    expect(receipt).toContain('恢复审理通知书');
  });

  it('#5: a collective award lists every worker and then names the representatives (申请人代表：…)', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => worker(`工人${i + 1}`, 400 + i));
    const c = await registerCase(t, a, standardApplication({ applicants: ten }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const arbs = a.arbitrators.map((x) => x.id);
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: arbs, presidingId: arbs[0] }, '2026-03-05');
    const workers = (c.applicants as { id: number }[]).map((p) => p.id);
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: [workers[2], workers[0], workers[5]] }, '2026-03-05');
    const arb = (a.arbitrators[0] as { token: string }).token;
    await ok(c, arb, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(c, arb, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-25');
    const view = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body;
    await ok(
      c,
      arb,
      'ISSUE_AWARD',
      {
        items: ids(view).map((claimId) => ({ claimId, outcome: 'dismissed' })),
        facts: FACTS,
        reasoning: REASONING,
        defenseSummary: DEFENSE,
      },
      '2026-04-10',
    );
    const text = await generatedText(t, arb, c.id, { kind: 'award' });
    // Every worker stays identifiable; the representatives follow the workers, before the respondent.
    for (let i = 1; i <= 10; i++) expect(text).toContain(`申请人：工人${i}，`);
    expect(text).toMatch(/申请人：工人10，[^。]*。(?:委托代理人：[^。]*。)*申请人代表：工人3、工人1、工人6。被申请人：/);
  });
});
