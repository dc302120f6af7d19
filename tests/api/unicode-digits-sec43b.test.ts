import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import * as unicodeDigits from '../../db/migrations/20261206_0030_unicode_digits_search_text.ts';
import { foldDigits } from '../../workflows/identifiers.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { API_DIGIT_FORMS, fromTable, fromZero } from '../helpers/digit-forms.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { capturedLogger } from '../helpers/log-sink.ts';
import { asBytes } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Identity numbers and mobiles written in digits other than ASCII (an outside security tester's finding, sec43b, LOW):
 * mathematical, Arabic-Indic, Devanagari digits, superscripts, circled digits, Chinese numerals as a digit string passed
 * the name check and every masker. Now read as the digits they stand for: refused in a name, masked in facts, lists,
 * exports and the log — masked as typed.
 */
const { lines, logger } = capturedLogger();
const { t, a } = apiSuite({ logger });

const ID = '371502198506071238';
const MOBILE = '13987654321';
const FORMS = API_DIGIT_FORMS;
const bold = fromZero(0x1d7ce);
const chinese = fromTable('〇一二三四五六七八九');
const other = () => (a.arbitrators[1] as { token: string }).token;
/** No identity number or mobile in `s`, in any digits (read folded), nor their middle digits. */
const holdsNone = (s: string) => {
  const folded = foldDigits(s);
  for (const secret of [ID, MOBILE, '19850607', '87654321']) expect(folded).not.toContain(secret);
};
async function exported(token: string): Promise<string> {
  const r = await asBytes(t.api(token).get('/api/exports/cases'));
  expect(r.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body as unknown as ArrayBuffer);
  return JSON.stringify(wb.worksheets[0]?.getSheetValues());
}

describe(`identity numbers and mobiles in other digits (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it.each(FORMS)('%s: a name holding one is refused, 400 naming the field', async (_, write) => {
    let seq = 900;
    for (const [path, overrides] of [
      ['applicants.0.name', { applicants: [{ ...worker('x', seq++), name: `张${write(ID)}` }] }],
      ['applicants.0.name', { applicants: [{ ...worker('x', seq++), name: `李四${write(MOBILE)}` }] }],
      [
        'applicants.0.agents.0.name',
        { applicants: [{ ...worker('王五', seq++), agents: [{ name: `律师${write(MOBILE)}`, kind: 'lawyer' }] }] },
      ],
      ['respondents.0.legalRepresentative', { respondents: [{ ...employer(), legalRepresentative: `赵六${write(ID)}` }] }],
    ] as const) {
      const r = await t.api(a.tokens.clerk).post('/api/cases', standardApplication(overrides));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.errors).toEqual([{ path, message: expect.stringContaining('不应填写身份证号码或电话号码') }]);
    }
  });

  it('legitimate names and text register and show as written: 王二, 张三, Chinese dates and amounts, Mongolian and Uyghur', async () => {
    const mongolian = 'ᠪᠠ\u180bᠲᠤ ᠮᠥ\u180eᠩᠬᠡ\u200dᠪ\u180c';
    const uyghur = 'ئۇيغۇر\u200cچە';
    const facts = '申请人王二于二〇二六年一月入职，约定月工资一万二千元，拖欠二〇二六年十一月、十二月工资壹万贰仟元。';
    const c = await registerCase(
      t,
      a,
      standardApplication({ applicants: [worker('王二', 921), worker('张三', 922), worker(mongolian, 923), worker(uyghur, 924)], facts }),
    );
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.status).toBe(200);
    expect(view.body.readLevel).not.toBe('full');
    expect(view.body.facts).toBe(facts);
    expect(view.body.applicants.map((p: { name: string }) => p.name)).toEqual(['王二', '张三', mongolian, uyghur]);
    const list = await t.api(a.tokens.analyst).get('/api/cases?pageSize=200');
    expect(list.body.items.find((x: { id: number }) => x.id === c.id)?.applicantNames).toEqual(['王二', '张三', mongolian, uyghur]);
    const found = await t.api(a.tokens.analyst).get(`/api/cases?q=${encodeURIComponent('王二')}&pageSize=200`);
    expect(found.body.items.map((x: { id: number }) => x.id)).toContain(c.id);
  });

  it('facts holding them: masked as typed for an arbitrator not on the case, and in its history', async () => {
    const facts = `申请人身份证${bold(ID)}，电话${chinese(MOBILE)}，另一电话${fromZero(0x0660)(MOBILE)}。`;
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('钱七', 931)], facts }));
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.body.readLevel).not.toBe('full');
    expect(view.body.facts).toBe(`申请人身份证𝟑𝟕𝟏𝟓${'*'.repeat(10)}𝟏𝟐𝟑𝟖，电话一三九****四三二一，另一电话١٣٩****٤٣٢١。`);
    holdsNone(JSON.stringify(view.body));
    holdsNone(JSON.stringify((await t.api(other()).get(`/api/cases/${c.id}/events`)).body));
    // The clerk reads the case in full.
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.facts).toBe(facts);
  });

  it('names stored before the fix: masked in lists, exports, deadlines and the case view; not found digit by digit', async () => {
    const names = FORMS.map(([, write], n) => (n % 2 ? `张${write(ID)}` : `李${write(MOBILE)}`));
    const c = await registerCase(t, a, standardApplication({ applicants: names.map((_, n) => worker(`孙${n}`, 940 + n)) }));
    const rows = await t.db.knex('parties').where({ case_id: c.id, side: 'applicant' }).orderBy('seq').select('id');
    for (const [n, row] of rows.entries()) await t.db.knex('parties').where({ id: row.id }).update({ name: names[n] });
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ search_text: ['', ...names, employer().name].join('\u0001') });

    const list = await t.api(a.tokens.analyst).get('/api/cases?pageSize=200');
    const shown = list.body.items.find((x: { id: number }) => x.id === c.id)?.applicantNames as string[];
    expect(shown).toHaveLength(names.length);
    expect(shown[0]).toBe(`李${bold('139')}****${bold('4321')}`);
    expect(shown[1]).toBe(`张𝟹𝟽𝟷𝟻${'*'.repeat(10)}𝟷𝟸𝟹𝟾`);
    expect(shown[FORMS.length - 1]).toBe(`张三七一五${'*'.repeat(10)}一二三八`);
    holdsNone(JSON.stringify(list.body));
    holdsNone(await exported(a.tokens.analyst));
    const due = await t.api(a.tokens.mediator).get('/api/deadlines?within=60&pageSize=200');
    expect(due.status).toBe(200);
    holdsNone(JSON.stringify(due.body));
    holdsNone(JSON.stringify((await t.api(other()).get(`/api/cases/${c.id}`)).body));

    // A role that may not search by identity cannot probe six digits of it, in any digits.
    for (const q of [
      bold(ID.slice(6, 12)),
      chinese(ID.slice(6, 12)),
      fromZero(0x0966)(MOBILE.slice(3, 9)),
      `${ID.slice(6, 9)}${bold(ID.slice(9, 12))}`,
    ]) {
      const r = await t.api(a.tokens.analyst).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`);
      expect(r.status).toBe(200);
      expect(
        r.body.items.map((x: { id: number }) => x.id),
        q,
      ).not.toContain(c.id);
    }
  });

  it('the upgrade writes the search text of names stored before again, masked: no more found by five digits', async () => {
    const name = `周${bold(ID)}${chinese(MOBILE)}`;
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('周九', 960)] }));
    await t.db.knex('parties').where({ id: c.applicants[0]?.id }).update({ name });
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ search_text: `\u0001${name}\u0001${employer().name}` });
    const found = async (q: string) =>
      ((await t.api(a.tokens.analyst).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`)).body.items as { id: number }[]).some(
        (x) => x.id === c.id,
      );
    expect(await found(bold(ID.slice(6, 11)))).toBe(true);
    await unicodeDigits.up(t.db.knex);
    const stored = (await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text as string;
    holdsNone(stored);
    expect(stored).toContain(`周𝟑𝟕𝟏𝟓${'*'.repeat(10)}𝟏𝟐𝟑𝟖一三九****四三二一`);
    expect(await found(bold(ID.slice(6, 11)))).toBe(false);
    expect(await found(chinese(MOBILE.slice(3, 7)))).toBe(false);
    expect(await found('周')).toBe(true);
    // Once more changes nothing; the name itself stays as stored.
    await unicodeDigits.up(t.db.knex);
    expect((await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text).toBe(stored);
    expect((await t.db.knex('parties').where({ id: c.applicants[0]?.id }).first('name')).name).toBe(name);
  });

  it('the upgrade is frozen: it imports no app code (reviewer L6)', () => {
    const source = readFileSync(new URL('../../db/migrations/20261206_0030_unicode_digits_search_text.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imports).toEqual(['knex']);
  });

  it('the search text written now holds the numbers masked, in any digits', async () => {
    const { searchText } = await import('../../db/stores/cases.ts');
    const text = searchText(
      '〔2026〕第1号',
      FORMS.map(([, write]) => ({ name: `张${write(ID)}${write(MOBILE)}` })),
    );
    holdsNone(text);
    for (const [, write] of FORMS) expect(text).not.toContain(write('50219'));
  });

  it('the log: a request path holding one is masked, in any digits', async () => {
    const start = lines.length;
    for (const [, write] of FORMS) {
      await request(t.app).get(`/api/cases/${encodeURIComponent(write(ID))}`);
      await request(t.app).get(`/api/cases/x${encodeURIComponent(write(MOBILE))}y`);
    }
    const written = lines.slice(start).join('\n');
    expect(lines.length - start).toBeGreaterThanOrEqual(FORMS.length * 2);
    holdsNone(written);
    expect(written).toContain(`${'*'.repeat(10)}`);
  });
});
