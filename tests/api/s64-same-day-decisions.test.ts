import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s64 D #2 (a new user's walk) — a second suspension on the day of the first (suspended, resumed, suspended again) had no
 * 中止审理决定书 of its own: a 决定书 was one act per matter and day (app/documents/originals.ts actKey), so asking for the
 * second's answered the first reprinted (`reprint: true`, `text.occurrence: 1`, citing 第四十七条第（六）项 and the first
 * reason). A decision of a matter decided more than once is now its own act by its occurrence: each suspension its own
 * original, each reprinted as itself (Rules Art. 47; Rules Art. 54: an issued decision's text is fixed).
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Answer = { status: number; body: { documents: { id: number; caseNo: string }[] } };
/** A GENERATE_DOCUMENT of the history: a reprint of an original, and the act it is of (`text.occurrence`). */
type Generation = { reprint?: boolean; text?: { occurrence?: number }; documents: { id: number }[] };

describe(`s64 D #2 — two decisions of one matter on one day (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-07T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };
  /** The documents answered, and what the history records of the generation (its payload). */
  const generate = async (body: Record<string, unknown>, c: { id: number }): Promise<{ body: Generation }> => {
    const r = (await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, body)) as Answer;
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as { type: string; payload: Generation }[];
    const g = history.filter((e) => e.type === 'GENERATE_DOCUMENT').at(-1)?.payload as Generation;
    expect(g.documents.map((d) => d.id)).toEqual(r.body.documents.map((d) => d.id));
    return { body: g };
  };
  const text = async (id: number) => flat(pdfRaw(await downloadDocument(t, a.tokens.chair, id)));

  async function accepted(): Promise<CaseView> {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-10-26' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-10-27');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-10-28');
    return c;
  }

  it.each([
    ['without occurrence', {}],
    ['with occurrence 2', { occurrence: 2 }],
  ])('suspended, resumed and suspended again on one day: the second suspension has its own 决定书 (%s)', async (_, which) => {
    const c = await accepted();
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '等待工伤认定结论', ground: 'appraisal' }, '2026-11-02');
    const first = await generate({ kind: 'decision', matter: 'suspension' }, c);
    expect(first.body.reprint).toBeUndefined();
    const firstText = await text(first.body.documents[0]?.id as number);
    expect(firstText).toContain('因等待工伤认定结论，依照《劳动人事争议仲裁办案规则》第四十七条第（六）项之规定');

    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-11-02');
    await ok(c, a.tokens.chair, 'SUSPEND', { reason: '申请人死亡，需要等待其继承人表明是否参加仲裁', ground: 'death' }, '2026-11-02');
    const second = await generate({ kind: 'decision', matter: 'suspension', ...which }, c);
    // Its own original: not a reprint of the first, another document, and the act kept with it is the second.
    expect(second.body.reprint).toBeUndefined();
    expect(second.body.text?.occurrence).toBe(2);
    expect(second.body.documents[0]?.id).not.toBe(first.body.documents[0]?.id);
    const secondText = await text(second.body.documents[0]?.id as number);
    expect(secondText).toContain(
      '因申请人死亡，需要等待其继承人表明是否参加仲裁，依照《劳动人事争议仲裁办案规则》第四十七条第（一）项之规定，经本委主任批准，决定本案自二〇二六年十一月二日起中止审理',
    );
    expect(secondText).not.toContain('工伤认定');
    expect(secondText).not.toContain('第（六）项');

    // Each asked for again is reprinted as itself — the first by its occurrence, the second by its own or as the latest.
    const firstAgain = await generate({ kind: 'decision', matter: 'suspension', occurrence: 1 }, c);
    expect(firstAgain.body.reprint).toBe(true);
    expect(firstAgain.body.documents.map((d) => d.id)).toEqual(first.body.documents.map((d) => d.id));
    for (const again of [{ occurrence: 2 }, {}]) {
      const r = await generate({ kind: 'decision', matter: 'suspension', ...again }, c);
      expect(r.body.reprint, JSON.stringify(again)).toBe(true);
      expect(r.body.text?.occurrence).toBe(2);
      expect(r.body.documents.map((d) => d.id)).toEqual(second.body.documents.map((d) => d.id));
    }
    // Two originals, each a document of its own (the case's list holds no third).
    const list = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/documents`)).body as { kind: string }[];
    expect(list.filter((d) => d.kind === 'decision')).toHaveLength(2);
  });

  it('two extensions approved on one day (the second after a restart of the limit): each its own 决定书', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-08-31' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-09-01');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-09-02');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 10, reason: '案情复杂，需要进行司法鉴定' }, '2026-09-20');
    // A party added restarts the limit (Rules Art. 46(1)): the new period may be extended again — here the same day.
    await ok(
      c,
      arb().token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'organization', name: '聊城某某建设有限公司' } },
      '2026-09-20',
    );
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 5, reason: '追加的被申请人需要调取证据' }, '2026-09-20');
    const first = await generate({ kind: 'decision', matter: 'extension', occurrence: 1 }, c);
    const second = await generate({ kind: 'decision', matter: 'extension' }, c);
    expect(second.body.reprint).toBeUndefined();
    expect(second.body.text?.occurrence).toBe(2);
    expect(second.body.documents[0]?.id).not.toBe(first.body.documents[0]?.id);
    const firstText = await text(first.body.documents[0]?.id as number);
    const secondText = await text(second.body.documents[0]?.id as number);
    expect(firstText).toContain('因案情复杂，需要进行司法鉴定');
    expect(firstText).toContain('决定本案审理期限延长十日');
    expect(secondText).toContain('因追加的被申请人需要调取证据');
    expect(secondText).toContain('决定本案审理期限延长五日');
    expect(secondText).not.toContain('司法鉴定');
    // Each asked for again: its own original reprinted.
    for (const [asked, original] of [
      [{ occurrence: 1 }, first],
      [{ occurrence: 2 }, second],
      [{}, second],
    ] as const) {
      const again = await generate({ kind: 'decision', matter: 'extension', ...asked }, c);
      expect(again.body.reprint, JSON.stringify(asked)).toBe(true);
      expect(again.body.documents.map((d) => d.id)).toEqual(original.body.documents.map((d) => d.id));
    }
  });
});
