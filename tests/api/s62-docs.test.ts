import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, generatedText, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s62 A (a new user's walk of the web UI):
 * #1 the 追加当事人通知书 (ADD_PARTY; LDMAL Arts. 23, 30; Rules Art. 46(1)) the SERVE form offers is a document the
 *    system makes: addressed to the added party, naming the case, the decision to add, the answer period and its rights;
 *    one per party added (`occurrence`), 409 before any addition; served and receipted like the other notices.
 * #2 each suspension has its own 中止审理决定书 (and each resumption its own 恢复审理通知书): `occurrence` picks it, and the
 *    document prints that suspension's day and ground, not the first's or the last's; the history keeps which act a
 *    document generated with no `occurrence` is of (the latest).
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Doc = { id: number; kind: string; title: string };
type Party = { id: number; name: string };

describe(`s62 A — documents of added parties and of repeated suspensions (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };
  const generate = (token: string, id: number, body: Record<string, unknown>) => t.api(token).post(`/api/cases/${id}/documents`, body);

  async function accepted(): Promise<CaseView> {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    return c;
  }

  it('#1 the notice of an added party: generated for each party added, addressed to it, served and receipted', async () => {
    const c = await accepted();
    // Before any addition there is no such notice: 409, and the case does not offer it to SERVE.
    const before = await generate(a.tokens.clerk, c.id, { kind: 'addition_notice' });
    expect(before.status, JSON.stringify(before.body)).toBe(409);
    const fresh = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(fresh.body.servable).not.toContain('addition_notice');

    const v1 = await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'dispatch', party: { kind: 'organization', name: '聊城某某用工单位有限公司' } },
      '2026-11-05',
    );
    const added = (v1.respondents as Party[]).find((p) => p.name === '聊城某某用工单位有限公司') as Party;
    expect(added).toBeDefined();
    const v2 = await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '赵第三' } },
      '2026-11-06',
    );
    const third = (v2.thirdParties as Party[]).find((p) => p.name === '赵第三') as Party;
    expect(third).toBeDefined();
    expect(v2.servable).toContain('addition_notice');

    // The first addition's notice: to the added respondent, the case as it stood (without itself), its answer period.
    const made = await generate(a.tokens.clerk, c.id, { kind: 'addition_notice', occurrence: 1 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const raw = pdfRaw(await downloadDocument(t, a.tokens.clerk, made.body.documents[0].id));
    // One page, as the other notices of the MOHRSS formats (pdftotext separates pages with a form feed).
    expect(raw.split('\f').filter((x) => x.trim()).length).toBe(1);
    const first = flat(raw);
    const applicant = (c.applicants[0] as Party).name;
    const original = (c.respondents[0] as Party).name;
    expect(first).toContain('追加当事人通知书');
    expect(first).toContain('聊城某某用工单位有限公司：');
    expect(first).toContain(`申请人${applicant}与被申请人${original}`);
    expect(first).not.toContain(`被申请人${original}、聊城某某用工单位有限公司`);
    expect(first).toContain('本委已于二〇二六年十月二十七日依法受理');
    expect(first).toContain('《中华人民共和国劳动争议调解仲裁法》第二十二条第二款');
    expect(first).toContain('本委于二〇二六年十一月五日决定追加你单位为本案被申请人');
    expect(first).toContain('现将仲裁申请书副本送达你单位');
    expect(first).toContain('收到仲裁申请书副本之日起十日内向本委提交答辩书');
    expect(first).toContain('如提出反申请，应当在答辩期内提出');
    expect(first).toContain('对本委管辖有异议的，应当在答辩期满前书面提出');
    expect(first).toContain('本案审理期限自决定追加当事人之日起重新计算');
    expect(first).toContain('委托书应当载明委托事项和权限');
    // The third party added the day after is not named on the respondent's notice of the day before.
    expect(first).not.toContain('赵第三');
    expect(first).toContain('二〇二六年十一月五日');

    // The second (the latest, the default): to the third party, who takes part; no answer period of a respondent's.
    const second = await generatedText(t, a.tokens.clerk, c.id, { kind: 'addition_notice' });
    expect(second).toContain('赵第三：');
    expect(second).toContain('《中华人民共和国劳动争议调解仲裁法》第二十三条');
    expect(second).toContain('本委于二〇二六年十一月六日决定追加你为本案第三人');
    expect(second).toContain('你作为第三人参加本案仲裁活动');
    expect(second).not.toContain('答辩书');
    expect(second).toContain(`被申请人${original}、聊城某某用工单位有限公司`);

    // Served on the added respondent, its receipt names the notice.
    const served = await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: added.id, method: 'direct' }, '2026-11-09');
    expect(JSON.stringify(served.warnings ?? [])).not.toContain('尚未生成');
    const receipt = await generatedText(t, a.tokens.clerk, c.id, {
      kind: 'service_receipt',
      partyId: added.id,
      servedDocument: 'addition_notice',
    });
    expect(receipt).toContain('追加当事人通知书');
    expect(receipt).toContain('聊城某某用工单位有限公司');

    // Each is a document of its own in the list, and the history says which addition each is of.
    const docs = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`)).body as Doc[];
    expect(docs.filter((d) => d.kind === 'addition_notice')).toHaveLength(2);
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as {
      type: string;
      payload: { kind?: string; text?: { occurrence?: number } };
    }[];
    const notices = history.filter((e) => e.type === 'GENERATE_DOCUMENT' && e.payload.kind === 'addition_notice');
    expect(notices.map((e) => e.payload.text?.occurrence)).toEqual([1, 2]);

    // A mediator prints no such notice (app/policy.ts DOCUMENT_ROLES).
    const refused = await generate(a.tokens.mediator, c.id, { kind: 'addition_notice' });
    expect(refused.status).toBe(403);
  });

  it('#2 two suspensions: each 中止审理决定书 and 恢复审理通知书 prints its own day and ground', async () => {
    const c = await accepted();
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-02');
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-11-09');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '申请人住院治疗无法参加仲裁活动' }, '2026-11-16');
    const v = await ok(c, a.tokens.chair, 'RESUME', {}, '2026-11-23');
    expect((v.proceedings as { suspensions: unknown[] }).suspensions).toHaveLength(2);

    const one = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 1 });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    const two = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 2 });
    expect(two.status, JSON.stringify(two.body)).toBe(201);
    const [oneId, twoId] = [one.body.documents[0].id as number, two.body.documents[0].id as number];
    expect(oneId).not.toBe(twoId);
    const text = async (id: number) => flat(pdfRaw(await downloadDocument(t, a.tokens.chair, id)));
    const first = await text(oneId);
    const second = await text(twoId);
    expect(first).toContain('因等待工伤认定结论');
    expect(first).toContain('决定本案自二〇二六年十一月二日起中止审理');
    expect(first).not.toContain('住院');
    expect(first).not.toContain('十一月十六日');
    expect(second).toContain('因申请人住院治疗无法参加仲裁活动');
    expect(second).toContain('决定本案自二〇二六年十一月十六日起中止审理');
    expect(second).not.toContain('工伤认定');
    expect(second).not.toContain('十一月二日');

    // Asked for again with no occurrence: the latest suspension's decision, the same original (a reprint).
    const latest = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension' });
    expect(latest.status).toBe(201);
    expect(latest.body.documents[0].id).toBe(twoId);
    // Asked for the first again: its own original, not the second's.
    const again = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 1 });
    expect(again.body.documents[0].id).toBe(oneId);
    // A third suspension there is not: 409 naming it.
    const none = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'suspension', occurrence: 3 });
    expect(none.status).toBe(409);
    expect(JSON.stringify(none.body)).toContain('第3次中止审理');

    // Each resumption's notice: its own suspension's days.
    const r1 = await generatedText(t, a.tokens.clerk, c.id, { kind: 'resume_notice', occurrence: 1 });
    expect(r1).toContain('本委于二〇二六年十一月二日因等待工伤认定结论');
    expect(r1).toContain('本案自二〇二六年十一月九日起恢复审理');
    const r2 = await generatedText(t, a.tokens.clerk, c.id, { kind: 'resume_notice' });
    expect(r2).toContain('本委于二〇二六年十一月十六日因申请人住院治疗无法参加仲裁活动');
    expect(r2).toContain('本案自二〇二六年十一月二十三日起恢复审理');

    // The history keeps which suspension each document is of — the default one too (the latest).
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as {
      type: string;
      payload: { kind?: string; text?: { matter?: string; occurrence?: number } };
    }[];
    const of = (kind: string) =>
      history.filter((e) => e.type === 'GENERATE_DOCUMENT' && e.payload.kind === kind).map((e) => e.payload.text?.occurrence);
    expect(of('decision')).toEqual([1, 2, 2, 1]);
    expect(of('resume_notice')).toEqual([1, 2]);
  });

  it('#2 two extensions across a restart (Rules Art. 46): each 决定书 prints its own reason, days and last day', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-08-31' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-09-01');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-09-02');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂，需要进行司法鉴定' }, '2026-09-20');
    // A party added restarts the limit (Rules Art. 46(1)): the new period may be extended once again.
    await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'organization', name: '聊城某某建设有限公司' } },
      '2026-09-25',
    );
    const v = await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 5, reason: '追加的被申请人需要调取证据' }, '2026-10-20');
    const p = v.proceedings as { extension: { approvedOn: string }; earlierExtensions: { approvedOn: string; days: number }[] };
    expect(p.extension.approvedOn).toBe('2026-10-20');
    expect(p.earlierExtensions).toEqual([{ days: 10, approvedOn: '2026-09-20' }]);

    const one = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'extension', occurrence: 1 });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    const two = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'extension', occurrence: 2 });
    expect(two.status, JSON.stringify(two.body)).toBe(201);
    const text = async (id: number) => flat(pdfRaw(await downloadDocument(t, a.tokens.chair, id)));
    const first = await text(one.body.documents[0].id);
    const second = await text(two.body.documents[0].id);
    expect(first).toContain('因案情复杂，需要进行司法鉴定');
    expect(first).toContain('决定本案审理期限延长十日');
    expect(first).not.toContain('调取证据');
    expect(first).toContain('二〇二六年九月二十日');
    expect(second).toContain('因追加的被申请人需要调取证据');
    expect(second).toContain('决定本案审理期限延长五日');
    expect(second).not.toContain('司法鉴定');
    expect(second).toContain('二〇二六年十月二十日');
    // Each names its own period's last day.
    const lastDay = (x: string) => /延长后的审理期限至(.+?)届满/u.exec(x)?.[1];
    expect(lastDay(first)).toBeTruthy();
    expect(lastDay(second)).toBeTruthy();
    expect(lastDay(first)).not.toBe(lastDay(second));
    // The default is the latest: the second's original again.
    const latest = await generate(a.tokens.chair, c.id, { kind: 'decision', matter: 'extension' });
    expect(latest.body.documents[0].id).toBe(two.body.documents[0].id);
  });
});
