import { describe, expect, it, vi } from 'vitest';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s60 fixB L6 — the extension 决定书 while its new last day is only provisional (the year's official holiday schedule
 * not loaded; LDMAL Art. 43(1)): its first issue is refused (422 calendar-data-missing, fixD59 #2), not its draft
 * (草稿, printed without the day, said in a warning) nor the reprint of an original already issued (its stored document,
 * Rules Art. 54). /openapi.json lists the 422 and names the rule.
 *
 * An original issued while the day was provisional is one an earlier version issued (before fixD59 refused it; the
 * history keeps it). `earlier.version` stands for that version: its decision was issued whatever the calendar.
 */
const earlier = vi.hoisted(() => ({ version: false }));
vi.mock('../../workflows/deadlines.ts', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../workflows/deadlines.ts')>();
  return {
    ...m,
    extendedLimitMissingYear: (...args: Parameters<typeof m.extendedLimitMissingYear>) =>
      earlier.version ? null : m.extendedLimitMissingYear(...args),
  };
});

const DB = process.env.TEST_DB ?? 'sqlite';
type Doc = { id: number; sha256: string; draft: boolean };

describe(`s60 L6: the extension decision on a provisional last day — draft and reprint are not refused (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-08T02:00:00Z', env: { TOKEN_TTL_HOURS: '2400' } });
  const { ok } = caseEvents(() => t);
  const arb = () => a.arbitrators[0] as { id: number; token: string };
  const generate = (id: number, body: Record<string, unknown> = {}) =>
    t.api(a.tokens.chair).post(`/api/cases/${id}/documents`, { kind: 'decision', matter: 'extension', ...body });
  const text = async (doc: Doc) => flat(pdfRaw(await downloadDocument(t, a.tokens.chair, doc.id)));

  /** Accepted 11-17, extended by 15 days on 12-07: the new last day, 2027-01-18, is in a year not loaded. */
  async function extended() {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-16' }));
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-17');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb().id], presidingId: arb().id }, '2026-12-07');
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂', approvedOn: '2026-12-07' }, '2026-12-07');
    return c;
  }

  it('first issue: 422 naming the year; a draft: 201, 草稿, without the day, with a warning saying so', async () => {
    const c = await extended();
    const refused = await generate(c.id);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.rule).toBe('calendar-data-missing');
    expect(refused.body.missingYear).toBe(2027);
    expect(refused.body.field).toBe('matter');
    const before = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/documents`)).body as Doc[];

    const draft = await generate(c.id, { draft: true });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const doc = draft.body.documents[0] as Doc;
    expect(doc.draft).toBe(true);
    const printed = await text(doc);
    expect(printed).toContain('草稿');
    expect(printed).toContain('决定本案审理期限延长十五日');
    expect(printed).not.toContain('延长后的审理期限至');
    expect(JSON.stringify(draft.body.warnings)).toContain('本草稿未写明延长后的审理期限届满日');
    expect(JSON.stringify(draft.body.warnings)).toContain('2027年');
    // Still no original issued: the draft did not count as one, the next request is refused again.
    const after = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/documents`)).body as Doc[];
    expect(after.filter((d) => !d.draft)).toEqual(before.filter((d) => !d.draft));
    expect((await generate(c.id)).status).toBe(422);
  });

  it('an original issued (by an earlier version) on the provisional day: reprinted as stored; a new version once the year is loaded', async () => {
    const c = await extended();
    earlier.version = true;
    let issued: Doc;
    try {
      const r = await generate(c.id);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      issued = r.body.documents[0] as Doc;
    } finally {
      earlier.version = false;
    }
    expect(issued.draft).toBe(false);
    expect(await text(issued)).not.toContain('延长后的审理期限至');

    // Today's version: the same request answers the original as stored — the same document, not a refusal.
    const again = await generate(c.id);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((again.body.documents as Doc[]).map((d) => [d.id, d.sha256])).toEqual([[issued.id, issued.sha256]]);
    // A draft of it too.
    const draft = await generate(c.id, { draft: true });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((draft.body.documents[0] as Doc).draft).toBe(true);

    // The year loaded: the decision now names its last day — a new version, naming the one it replaces.
    const y = await t
      .api(t.adminToken)
      .put('/api/calendar/years/2027', { notice: '国办发明电〔2026〕测试号', offDays: offDaysWith(2027), workDays: [] });
    expect(y.status, JSON.stringify(y.body)).toBe(202);
    await recomputationsIdle(t.db);
    const next = await generate(c.id);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const version2 = next.body.documents[0] as Doc;
    expect(version2.id).not.toBe(issued.id);
    const printed = await text(version2);
    expect(printed).toContain('延长后的审理期限至二〇二七年一月十八日届满');
    expect(printed).toContain('取代本委于');
  });

  it('/openapi.json: the document generation lists 422 and names calendar-data-missing', async () => {
    const spec = (await t.api(a.tokens.chair).get('/openapi.json')).body as {
      paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>;
    };
    const op = spec.paths['/api/cases/{id}/documents']?.post;
    expect(Object.keys(op?.responses ?? {})).toContain('422');
    expect(op?.description).toContain('calendar-data-missing');
    expect(op?.description).toContain('missingYear');
  });
});
