import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, generatedText, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s62 E (an outside walk of 追加当事人; LDMAL Arts. 22–23; Rules Arts. 6, 7, 46(1)):
 * #1 the ground of an addition belongs to a side: a party to the dispute (co-respondent, dispatch, unlicensed employer,
 *    contractor) is added as a respondent, one with an interest in the outcome as a third party (Art. 23); a mismatch
 *    is 400 naming `ground`, and nothing is written.
 * #2 the 追加当事人通知书 names the case as it stood when the party was added, by the order of the additions: a third
 *    party added after the respondent the same day is not named in the respondent's notice.
 * #3 an added employer's 用人单位类型 (ownership) is stored and shown, as at registration.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Party = { id: number; name: string; ownership?: string | null };

describe(`s62 E — 追加当事人: ground by side, the notice's case, the employer's type (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok, send } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };
  const read = async (id: number) => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body as CaseView;
  const history = async (id: number) => (await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as unknown[];

  async function accepted(): Promise<CaseView> {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    return read(c.id);
  }

  it('#1 a ground of the other side is refused naming `ground`, saying which grounds go with the side; nothing is written', async () => {
    const c = await accepted();
    const before = await read(c.id);
    const events = (await history(c.id)).length;
    const org = { kind: 'organization', name: '聊城某某劳务派遣有限公司' };
    const cases: [string, string, RegExp][] = [
      ['respondent', 'interested_third_party', /追加为被申请人.*第二十二条.*第六条.*第七条/],
      ['third_party', 'co_respondent', /追加为第三人.*第二十三条/],
      ['third_party', 'dispatch', /追加为第三人.*第二十三条/],
      ['third_party', 'unlicensed_employer', /追加为第三人/],
      ['third_party', 'contractor', /追加为第三人/],
    ];
    for (const [side, ground, says] of cases) {
      const r = await send(c, arb().token, 'ADD_PARTY', { side, ground, party: org }, '2026-11-05');
      expect(r.status, `${side}/${ground}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      const errors = r.body.errors as { path: string; message: string }[];
      expect(errors.map((e) => e.path)).toEqual(['ground']);
      expect(errors[0]?.message).toMatch(says);
    }
    // Nothing written: no party, no history entry, the same version.
    const after = await read(c.id);
    expect(after.respondents).toEqual(before.respondents);
    expect(after.thirdParties ?? []).toEqual(before.thirdParties ?? []);
    expect(after.version).toBe(before.version);
    expect((await history(c.id)).length).toBe(events);

    // The grounds of the side chosen, and `other` on either side, are recorded.
    const v1 = await ok(c, arb().token, 'ADD_PARTY', { side: 'respondent', ground: 'dispatch', party: org }, '2026-11-05');
    expect((v1.respondents as Party[]).map((p) => p.name)).toContain(org.name);
    const v2 = await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'other', party: { kind: 'person', name: '钱其他' } },
      '2026-11-05',
    );
    expect(((v2.thirdParties ?? []) as Party[]).map((p) => p.name)).toContain('钱其他');
    const v3 = await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'other', party: { kind: 'organization', name: '聊城某某建设有限公司' } },
      '2026-11-06',
    );
    expect((v3.respondents as Party[]).map((p) => p.name)).toContain('聊城某某建设有限公司');
    // A respondent added on `other` is told of LDMAL Art. 22 (a party to the dispute), never Art. 23 (a third party's).
    const notice = await generatedText(t, a.tokens.clerk, c.id, { kind: 'addition_notice', occurrence: 3 });
    expect(notice).toContain('聊城某某建设有限公司：');
    expect(notice).toContain('依照《中华人民共和国劳动争议调解仲裁法》第二十二条之规定');
    expect(notice).not.toContain('第二十三条');
    expect(notice).toContain('决定追加你单位为本案被申请人');
    // A third party added on `other`: Art. 23.
    const third = await generatedText(t, a.tokens.clerk, c.id, { kind: 'addition_notice', occurrence: 2 });
    expect(third).toContain('依照《中华人民共和国劳动争议调解仲裁法》第二十三条之规定');
    expect(third).toContain('决定追加你为本案第三人');
  });

  it('#2 a third party added later the same day is not named in the respondent’s notice; the respondent is in the third party’s', async () => {
    const c = await accepted();
    const original = (c.respondents[0] as Party).name;
    await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'organization', name: '聊城某某商贸有限公司', ownership: 'private' } },
      '2026-11-05',
    );
    await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '王五' } },
      '2026-11-05',
    );
    const made = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'addition_notice', occurrence: 1 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const first = flat(pdfRaw(await downloadDocument(t, a.tokens.clerk, made.body.documents[0].id)));
    expect(first).toContain('聊城某某商贸有限公司：');
    expect(first).toContain(`与被申请人${original}`);
    expect(first).not.toContain('王五');
    expect(first).not.toContain('第三人');
    expect(first).toContain('本委于二〇二六年十一月五日决定追加你单位为本案被申请人');

    // The third party's notice (the latest): the case then had the added respondent, named with the original one.
    const second = await generatedText(t, a.tokens.clerk, c.id, { kind: 'addition_notice' });
    expect(second).toContain('王五：');
    expect(second).toContain(`被申请人${original}、聊城某某商贸有限公司`);
  });

  it('#3 an added employer’s 用人单位类型 is stored and shown; a third party organization may leave it', async () => {
    const c = await accepted();
    const v = await ok(
      c,
      arb().token,
      'ADD_PARTY',
      {
        side: 'respondent',
        ground: 'dispatch',
        party: { kind: 'organization', name: '聊城某某人力资源有限公司', ownership: 'joint_stock', legalRepresentative: '孙某' },
      },
      '2026-11-05',
    );
    const added = (v.respondents as Party[]).find((p) => p.name === '聊城某某人力资源有限公司');
    expect(added?.ownership).toBe('joint_stock');
    const again = (await read(c.id)).respondents as Party[];
    expect(again.find((p) => p.name === '聊城某某人力资源有限公司')?.ownership).toBe('joint_stock');
    // Another code is 400 naming it, nothing written.
    const bad = await send(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'organization', name: '聊城某某物业有限公司', ownership: 'mystery' } },
      '2026-11-05',
    );
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toContain('party.ownership');
    expect(((await read(c.id)).respondents as Party[]).map((p) => p.name)).not.toContain('聊城某某物业有限公司');
    // The API does not ask it of a third party (nor, for v1 clients, of a respondent).
    const t3 = await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'organization', name: '聊城某某保安服务有限公司' } },
      '2026-11-06',
    );
    expect(((t3.thirdParties ?? []) as Party[]).find((p) => p.name === '聊城某某保安服务有限公司')?.ownership ?? null).toBeNull();
  });
});
