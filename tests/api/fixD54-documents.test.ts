import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { asBytes, flat, pdfRaw } from '../helpers/pdf.ts';

/**
 * docs54 L2: a 调解书's clause on when it takes effect (「本调解书经双方当事人签收后，即具有法律效力。」) stood alone at
 * the head of the last page above the signatures — read off pdftotext's layout as a paragraph at the left margin, since
 * nothing else on that page started there — and the agreed terms were printed without a closing 「。」.
 */
const { t, a } = apiSuite({ now: '2026-12-06T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

type Line = { page: number; xMin: number; text: string };
function lines(pdf: Buffer): Line[] {
  const xml = spawnSync('pdftotext', ['-bbox-layout', '-', '-'], { input: pdf }).stdout.toString('utf8');
  return xml
    .split('<page ')
    .slice(1)
    .flatMap((chunk, i) =>
      [...chunk.matchAll(/<line xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
        page: i + 1,
        xMin: Number(m[1]),
        text: [...(m[2] as string).matchAll(/>([^<]+)<\/word>/g)].map((w) => w[1]).join(''),
      })),
    )
    .filter((l) => !/^—\d+—$/.test(l.text));
}

describe(`docs54 L2: the 调解书's last page and its terms (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the effect clause goes over with the last term, indented as every paragraph; each term ends with 「。」', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    await ok(c, arb.token, 'START_MEDIATION', {}, '2026-03-26');
    // Five terms typed without final punctuation: as the checker typed them, the clause stood alone at the head of
    // page 3 (a term ending in punctuation stays as typed: tests/unit/documents-docs46b.test.ts closedSentence).
    const terms = ['一', '二', '三', '四', '五'].map((n) => `${n}、被申请人于2026年4月10日前支付申请人工资12000元`);
    await ok(c, arb.token, 'MEDIATION_AGREED', { terms: terms.join('\n') }, '2026-03-27');
    const r = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'mediation_document' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const pdf = (await asBytes(t.api(arb.token).get(`/api/documents/${r.body.documents[0].id}`))).body as Buffer;

    const text = flat(pdfRaw(pdf));
    for (const n of ['一', '二', '三', '四']) expect(text).toContain(`${n}、被申请人于2026年4月10日前支付申请人工资12000元。`);
    expect(text).toContain('五、被申请人于2026年4月10日前支付申请人工资12000元。本调解书经双方当事人签收后');

    const all = lines(pdf);
    const clause = all.findIndex((l) => l.text === '本调解书经双方当事人签收后，即具有法律效力。');
    expect(clause).toBeGreaterThan(0);
    const at = all[clause] as Line;
    const before = all[clause - 1] as Line;
    // Not alone at the head of its page: the last term's lines stand above it.
    expect(before.page).toBe(at.page);
    expect(before.text).toMatch(/元。$/);
    // Indented as the first line of every body paragraph (the lead-in of the terms), and 本件与原本核对无异 with it.
    const indent = (all.find((l) => l.text.startsWith('本案经仲裁庭主持调解')) as Line).xMin;
    expect(at.xMin).toBeCloseTo(indent, 0);
    expect((all.find((l) => l.text === '本件与原本核对无异') as Line).xMin).toBeCloseTo(indent, 0);
    // A paragraph's continuation line starts two characters left of its first line (the page's left margin).
    expect(before.xMin).toBeLessThan(indent - 20);
  });
});
