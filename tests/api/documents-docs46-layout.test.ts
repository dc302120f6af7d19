import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/** An outside reviewer of the generated PDFs (docs46): one-page notices (M1) and who they name (M2, L1). */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const DUMP = process.env.DOCS46_DUMP;

// The page numbers (GB/T 9704 §7.5) are 「— n —」: the pages are counted as pdftotext separates them.
const pagesOf = (raw: string) => raw.split('\f').filter((p) => p.trim()).length;
async function generated(c: { id: number }, token: string, body: Record<string, unknown>, name: string) {
  const r = await t.api(token).post(`/api/cases/${c.id}/documents`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const pdf = await downloadDocument(t, token, r.body.documents[0].id);
  if (DUMP) fs.writeFileSync(`${DUMP}/${name}.pdf`, pdf);
  const raw = pdfRaw(pdf);
  return { raw, text: flat(raw), pages: pagesOf(raw), pageTexts: raw.split('\f').map(flat) };
}

const agent = { name: '赵律师', kind: 'lawyer', unit: '山东某某律师事务所' };
const eleven = Array.from({ length: 11 }, (_, i) =>
  worker(
    ['周志强', '吴丽娟', '徐海涛', '孙建国', '胡秀英', '朱卫东', '高红梅', '林志明', '何桂兰', '郭建华', '马春燕'][i] as string,
    500 + i,
  ),
);

async function accepted(body: Record<string, unknown>) {
  const c = await registerCase(t, a, standardApplication(body));
  await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
  return c;
}

describe(`reviewer docs46 layout (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: short notices fit one page', async () => {
    const ordinary = await accepted({
      applicants: [
        { ...worker('张三', 201), agents: [agent] },
        { ...worker('李秀兰', 202), agents: [{ name: '王某', kind: 'relative', relationship: '配偶' }] },
      ],
      respondents: [{ ...standardApplication().respondents[0], agents: [{ name: '钱某', kind: 'employee', unit: '人事部' }] }],
      thirdParties: [{ kind: 'organization', name: '聊城某某劳务派遣有限公司' }],
    });
    const n1 = await generated(ordinary, a.tokens.clerk, { kind: 'acceptance_notice' }, 'acc-ordinary');
    const collective = await accepted({ applicants: eleven });
    const n2 = await generated(collective, a.tokens.clerk, { kind: 'acceptance_notice' }, 'acc-collective');
    const simple = await accepted({ procedure: 'simple' });
    const n3 = await generated(simple, a.tokens.clerk, { kind: 'acceptance_notice' }, 'acc-simple');
    const n4 = await generated(simple, a.tokens.clerk, { kind: 'respond_notice' }, 'respond-simple');
    const arbs = a.arbitrators.map((x) => x.id);
    await ok(collective, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: arbs, presidingId: arbs[0] }, '2026-03-05');
    const ids = (collective.applicants as { id: number }[]).map((p) => p.id);
    await ok(collective, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: [ids[0], ids[1], ids[2]] }, '2026-03-05');
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(collective, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    const n5 = await generated(collective, a.tokens.clerk, { kind: 'hearing_notice' }, 'hearing-collective');
    for (const n of [n1, n2, n3, n4, n5]) expect(n.pages, n.raw).toBe(1);
    // Eleven workers are addressed by the first and their number; with the representatives named (M2).
    expect(n2.text).toContain('周志强等11人：');
    expect(n5.text).toContain('周志强等11人（申请人代表：周志强、吴丽娟、徐海涛）、聊城某某机械有限公司：');
    expect(n1.text).toContain('张三、李秀兰：');
  });

  it('M2: the representatives of a collective dispute are named on its notices and decisions; L1: the resume notice reads 「…，决定中止审理」', async () => {
    const c = await accepted({ applicants: eleven });
    const arbs = a.arbitrators.map((x) => x.id);
    const arb = a.arbitrators[0] as { id: number; token: string };
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: arbs, presidingId: arbs[0] }, '2026-03-05');
    const ids = (c.applicants as { id: number }[]).map((p) => p.id);
    await ok(c, a.tokens.clerk, 'RECORD_REPRESENTATIVES', { partyIds: [ids[0], ids[1], ids[2]] }, '2026-03-05');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-25', place: '第一仲裁庭' }, '2026-03-09');
    await ok(
      c,
      a.tokens.chair,
      'SUSPEND',
      { reason: '本案须以另一案的审理结果为依据，而另一案尚未审结', ground: 'pending_case' },
      '2026-03-10',
    );
    await ok(c, a.tokens.chair, 'RESUME', {}, '2026-03-20');
    const reps = '（申请人代表：周志强、吴丽娟、徐海涛）';
    for (const [body, name] of [
      [{ kind: 'acceptance_notice' }, 'acc'],
      [{ kind: 'respond_notice' }, 'respond'],
      [{ kind: 'tribunal_notice' }, 'tribunal'],
      [{ kind: 'hearing_notice' }, 'hearing'],
      [{ kind: 'resume_notice' }, 'resume'],
      [{ kind: 'decision', matter: 'suspension' }, 'suspension'],
    ] as const) {
      const n = await generated(c, body.kind === 'decision' ? a.tokens.chair : a.tokens.clerk, body, `m2-${name}`);
      expect(n.text, name).toContain(`周志强等11人${reps}`);
      expect(n.pages, name).toBe(1);
      if (name === 'resume') expect(n.text).toContain('而另一案尚未审结，决定中止审理');
    }
  });
});
