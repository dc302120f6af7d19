import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents, DEFENSE, FACTS, claimIds as ids, REASONING } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { asBytes, downloadDocument, flat, pdfRaw } from '../helpers/pdf.ts';
import { largeApplication, standardApplication } from '../helpers/procedure.ts';
import { scratchDir } from '../helpers/scratch.ts';

/** An outside reviewer of the generated PDFs (docs46): the findings, read back from the documents and packages. */
const { t, a } = apiSuite({
  now: '2026-11-20T02:00:00Z',
  env: {
    TOKEN_TTL_HOURS: '100000',
    COMMISSION_KEY_PATH: path.join(scratchDir('zc-docs46-'), 'keys', 'commission-ed25519.pem'),
  },
});

const { ok } = caseEvents(() => t);
const award = { facts: FACTS, reasoning: REASONING, defenseSummary: DEFENSE };
const packaged = async (id: number) => {
  const zip = await JSZip.loadAsync((await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${id}`))).body as Buffer);
  return zip;
};
const enclosed = (zip: JSZip) => Object.keys(zip.files).filter((f) => f.startsWith('documents/') && !f.endsWith('/'));

describe(`reviewer docs46 fixes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('H1: an enforcement package of a wholly final award is refused until the award PDF is issued, then holds it', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const [applicant, respondent] = [(c.applicants as { id: number }[])[0]?.id, (c.respondents as { id: number }[])[0]?.id];
    await ok(c, a.tokens.chair, 'EXTEND_TIME_LIMIT', { days: 15, reason: '案情复杂' }, '2026-03-30');
    const extension = await t.api(a.tokens.chair).post(`/api/cases/${c.id}/documents`, { kind: 'decision', matter: 'extension' });
    expect(extension.status, JSON.stringify(extension.body)).toBe(201);
    const items = [
      { claimId: wages, outcome: 'granted', amount: '3000.00' },
      { claimId: comp, outcome: 'dismissed' },
    ];
    const issued = await ok(c, arb.token, 'ISSUE_AWARD', { items, ...award }, '2026-04-01');
    expect(issued.award.finality).toBe('final');
    for (const partyId of [applicant, respondent])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct' }, '2026-04-03');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    const refused = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'court-package-purpose', field: 'purpose' });
    expect(refused.body.detail).toContain('终局裁决书尚未出具');
    expect(refused.body.detail).toContain('第五十一条');
    // Another purpose is not tied to the award PDF.
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'court_request' })).status).toBe(201);
    const docs = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(docs.status, JSON.stringify(docs.body)).toBe(201);
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    expect(enclosed(await packaged(pkg.body.id))).toContain(`documents/${docs.body.documents[0].id}-award.pdf`);
  });

  it('H1: a wholly non-final award in effect, and a mixed one in effect (both parts), need their award PDFs too', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = ids(c);
    const parties = [(c.applicants as { id: number }[])[0]?.id, (c.respondents as { id: number }[])[0]?.id];
    const items = [
      { claimId: wages, outcome: 'granted', amount: '3000.00' },
      { claimId: comp, outcome: 'granted', amount: '26400.00' },
    ];
    expect((await ok(c, arb.token, 'ISSUE_AWARD', { items, ...award }, '2026-04-01')).award.finality).toBe('mixed');
    for (const partyId of parties) await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct' }, '2026-04-03');
    await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-21');
    const refused = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.detail).toMatch(/裁决书（\S+-1号、\S+-2号）尚未出具/);
    const docs = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(docs.body.documents).toHaveLength(2);
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    const inside = enclosed(await packaged(pkg.body.id));
    for (const d of docs.body.documents as { id: number }[]) expect(inside).toContain(`documents/${d.id}-award.pdf`);

    const nf = await caseAt(t, a, 'heard', { body: largeApplication() });
    const [w2, c2] = ids(nf.c);
    const big = [
      { claimId: w2, outcome: 'granted', amount: '40000.00' },
      { claimId: c2, outcome: 'granted', amount: '26400.00' },
    ];
    expect((await ok(nf.c, nf.arb.token, 'ISSUE_AWARD', { items: big, ...award }, '2026-04-01')).award.finality).toBe('non_final');
    for (const partyId of [(nf.c.applicants as { id: number }[])[0]?.id, (nf.c.respondents as { id: number }[])[0]?.id])
      await ok(nf.c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method: 'direct' }, '2026-04-03');
    await ok(nf.c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-21');
    const no = await t.api(a.tokens.clerk).post(`/api/cases/${nf.c.id}/court-packages`, { purpose: 'enforcement' });
    expect(no.status).toBe(422);
    expect(no.body.detail).toContain('裁决书尚未出具');
    expect((await t.api(nf.arb.token).post(`/api/cases/${nf.c.id}/documents`, { kind: 'award' })).status).toBe(201);
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${nf.c.id}/court-packages`, { purpose: 'enforcement' })).status).toBe(201);
  });

  it('M3: each document of a split award names, in its party block and its narrative alike, the workers it decides for', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('甲工', 601), worker('乙工', 602)],
        claims: [
          { category: 'wages', amount: '30000.00', description: '支付拖欠工资', applicant: 1 },
          { category: 'wages', amount: '9000.00', description: '支付拖欠工资', applicant: 2 },
        ],
      }),
    });
    const [w1, w2] = ids(c);
    const items = [
      { claimId: w1, outcome: 'granted', amount: '30000.00' },
      { claimId: w2, outcome: 'granted', amount: '9000.00' },
    ];
    expect((await ok(c, arb.token, 'ISSUE_AWARD', { items, ...award }, '2026-04-01')).award.finality).toBe('mixed');
    const docs = await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' });
    expect(docs.body.documents).toHaveLength(2);
    const texts = await Promise.all(
      (docs.body.documents as { id: number }[]).map(async (d) => flat(pdfRaw(await downloadDocument(t, arb.token, d.id)))),
    );
    // 乙工's 9,000 is final (第N-1号), 甲工's 30,000 not (第N-2号): each introduces its worker, and names no other
    // (LDMAL Art. 48, SPC-1 Art. 17 — effect worker by worker; the s41 design kept, the narrative now following it).
    const [finalDoc, nonFinal] = texts as [string, string];
    expect(finalDoc).toContain('申请人：乙工，');
    expect(finalDoc).toContain('申请人乙工与被申请人');
    // 甲工 only where the other part is referred to (「申请人甲工关于…的仲裁请求，本委另行作出…第N-2号…」).
    expect(finalDoc).not.toContain('申请人：甲工');
    expect(finalDoc).not.toMatch(/甲工[、与]|[、]甲工/);
    expect(nonFinal).toContain('申请人：甲工，');
    expect(nonFinal).toContain('申请人甲工与被申请人');
    expect(nonFinal).not.toContain('申请人：乙工');
    expect(nonFinal).not.toMatch(/乙工[、与]|[、]乙工/);
    // The final part (第N-1号) orders 乙工's wages only; the non-final part 甲工's.
    expect(texts[0]).toContain('向申请人乙工支付');
    expect(texts[0]).not.toContain('向申请人甲工支付');
    expect(texts[1]).toContain('向申请人甲工支付');
  });

  it('L3: README.txt names the case.json schema version the manifest carries', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const pkg = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'court_request' });
    expect(pkg.status).toBe(201);
    const zip = await packaged(pkg.body.id);
    const manifest = JSON.parse(await (zip.file('manifest.json') as JSZip.JSZipObject).async('string'));
    const readme = await (zip.file('README.txt') as JSZip.JSZipObject).async('string');
    expect(manifest.caseSchemaVersion).toBe(pkg.body.schemaVersion);
    expect(readme).toContain(`版本 ${manifest.caseSchemaVersion}）`);
    expect(readme).not.toContain('版本 1.0');
  });
});
