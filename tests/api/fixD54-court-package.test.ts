import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../app/court-package/case-json.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';

/**
 * docs54 L3: the court package's labels disagreed — README.md said case.json schema 1.4 where the package's README.txt
 * (and the code) say 1.5; the file's name is China time (…T165243) while the ZIP entries were stamped in UTC.
 * "Now" is 2026-12-06T08:52:43Z, 16:52:43 in China.
 */
const { t, a } = apiSuite({ now: '2026-12-06T08:52:43Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);

describe(`docs54 L3: court package labels (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('README.md names the schema version the package carries', () => {
    // s60 fixC: 1.6 (tests/api/fixC60-case-json-1-6.test.ts pins the number); README.md follows the constant.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`schema ${CASE_SCHEMA_VERSION} documented in`);
    expect(readme.match(/schema 1\.\d+ documented in/g)).toEqual([`schema ${CASE_SCHEMA_VERSION} documented in`]);
  });

  it('the ZIP entries are stamped in the time of the file’s name (China Standard Time), and README.txt says so', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = c.claims as { id: number }[];
    const items = [
      { claimId: wages?.id, outcome: 'granted', amount: '12000.00' },
      { claimId: comp?.id, outcome: 'dismissed' },
    ];
    const award = {
      facts: '申请人于2023年3月入职被申请人处。',
      reasoning: '被申请人应支付拖欠工资。',
      defenseSummary: '被申请人认为已足额支付工资。',
    };
    await ok(c, arb.token, 'ISSUE_AWARD', { ...award, items }, '2026-04-01');
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    for (const p of [c.applicants[0], c.respondents[0]])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p?.id, method: 'direct' }, '2026-04-03');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: c.applicants[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' },
      '2026-04-10',
    );
    const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${r.body.id}`));
    expect(d.headers['content-disposition']).toBe(`attachment; filename="court-package-${c.id}-${r.body.id}-20261206T165243.zip"`);
    const zip = await JSZip.loadAsync(d.body as Buffer);
    const readme = (await zip.file('README.txt')?.async('string')) ?? '';
    expect(readme).toContain(`版本 ${CASE_SCHEMA_VERSION}`);
    expect(readme).toContain('生成时间：2026-12-06T16:52:43+08:00');
    expect(readme).toContain('本文件名及压缩包内各文件的时间均为北京时间');
    // A ZIP entry's time is a wall clock without a zone (JSZip reads its fields as UTC): 16:52:42 (2-second steps).
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names).toContain('case.json');
    for (const n of names) {
      const at = zip.files[n]?.date as Date;
      expect([at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes()], n).toEqual([
        2026, 12, 6, 16, 52,
      ]);
    }
    // The signed manifest keeps the instant in UTC, as its format says.
    expect(JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}').generatedAt).toBe('2026-12-06T08:52:43.000Z');
  });
});
