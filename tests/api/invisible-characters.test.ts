import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as invisibleText from '../../db/migrations/20261205_0010_invisible_text.ts';
import { apiSuite } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { INVISIBLE_SEPARATORS } from '../helpers/invisible.ts';
import { asBytes } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Characters that show nothing inside a name or free text (an outside security tester's finding, HIGH): a zero-width
 * space or a soft hyphen between the groups of an identity number or a mobile carried it past the name check and every
 * masker. Input loses them (server/http/parse.ts); the maskers read through them, for text stored before; an upgrade
 * cleans the names and facts stored with them and writes their search text again. And (LOW) `张\u200b三` is found as 张三.
 */
const { t, a } = apiSuite();

const ID = '371502198506071238';
const ID_MASKED = '3715**********1238';
const SPLIT_ID = '371502\u200b19850607\u200b1238';
const MOBILE = '13987654321';
const FACTS = '申请人身份证371502\u00ad19850607\u00ad1238，电话1\u200b3987654321。';
const FACTS_MASKED = `申请人身份证${ID_MASKED}，电话139****4321。`;
const other = () => (a.arbitrators[1] as { token: string }).token;
const names = (items: { id: number; applicantNames: string[] }[], id: number) => items.find((x) => x.id === id)?.applicantNames;
async function exported(token: string): Promise<string> {
  const r = await asBytes(t.api(token).get('/api/exports/cases'));
  expect(r.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body as unknown as ArrayBuffer);
  return JSON.stringify(wb.worksheets[0]?.getSheetValues());
}

describe(`invisible characters in names and free text (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the repro: a name hiding an identity number is read cleaned and refused at its field', async () => {
    for (const sep of INVISIBLE_SEPARATORS) {
      const r = await t
        .api(a.tokens.clerk)
        .post(
          '/api/cases',
          standardApplication({ applicants: [{ ...worker('x', 801), name: `张371502${sep}19850607${sep}1238` }], facts: FACTS }),
        );
      expect(r.status, JSON.stringify(sep)).toBe(400);
      expect(r.body.errors).toEqual([{ path: 'applicants.0.name', message: expect.stringContaining('不应填写身份证号码或电话号码') }]);
      expect(JSON.stringify(r.body)).not.toContain(ID);
    }
    const agent = await t
      .api(a.tokens.clerk)
      .post(
        '/api/cases',
        standardApplication({ applicants: [{ ...worker('王五', 802), agents: [{ name: '律师1\u20603987654321', kind: 'lawyer' }] }] }),
      );
    expect(agent.status).toBe(400);
    expect(agent.body.errors.map((e: { path: string }) => e.path)).toEqual(['applicants.0.agents.0.name']);
  });

  it('facts with invisible separators: stored without them, masked for an arbitrator not on the case and in history', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('钱七\u00ad', 803)], facts: FACTS }));
    const stored = await t.db.knex('cases').where({ id: c.id }).first('facts');
    expect(stored.facts).toBe(`申请人身份证${ID}，电话${MOBILE}。`);
    expect(await t.db.knex('parties').where({ id: c.applicants[0]?.id }).first('name')).toEqual({ name: '钱七' });
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.body.readLevel).not.toBe('full');
    expect(view.body.facts).toBe(FACTS_MASKED);
    const history = JSON.stringify((await t.api(other()).get(`/api/cases/${c.id}/events`)).body);
    expect(history).not.toContain(ID);
    expect(history).not.toContain(MOBILE);
  });

  it('stored before the fix: masked in every list, view, export and deadline list; the upgrade cleans names, facts and search text', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('孙八', 804)] }));
    const party = c.applicants[0]?.id as number;
    await t.db
      .knex('parties')
      .where({ id: party })
      .update({ name: `张${SPLIT_ID}` });
    await t.db.knex('agents').insert({ party_id: party, seq: 9, name: '赵\u200b六', kind: 'lawyer' });
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ facts: FACTS, search_text: `\u0001张${SPLIT_ID}\u0001${employer().name}` });
    const maskedName = `张${ID_MASKED}`;

    const list = await t.api(a.tokens.analyst).get('/api/cases?pageSize=200');
    expect(names(list.body.items, c.id)).toEqual([maskedName]);
    expect(JSON.stringify(list.body)).not.toContain('19850607');
    const sheet = await exported(a.tokens.analyst);
    expect(sheet).toContain(maskedName);
    expect(sheet).not.toContain('19850607');
    const due = await t.api(a.tokens.mediator).get('/api/deadlines?within=60&pageSize=200');
    expect(due.status).toBe(200);
    expect(JSON.stringify(due.body)).toContain(maskedName);
    expect(JSON.stringify(due.body)).not.toContain('19850607');
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.body.applicants[0].name).toBe(maskedName);
    expect(view.body.facts).toBe(FACTS_MASKED);
    expect(JSON.stringify(view.body)).not.toContain('19850607');
    expect(JSON.stringify(view.body)).not.toContain('87654321');

    // The upgrade: names and facts without the invisible characters, the search text written again, masked.
    await invisibleText.up(t.db.knex);
    expect((await t.db.knex('parties').where({ id: party }).first('name')).name).toBe(`张${ID}`);
    expect((await t.db.knex('cases').where({ id: c.id }).first('facts')).facts).toBe(`申请人身份证${ID}，电话${MOBILE}。`);
    const search = (await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text as string;
    expect(search).toContain(maskedName);
    expect(search).not.toContain('19850607');
    expect(search).not.toMatch(/\u200b/);
    expect((await t.db.knex('agents').where({ party_id: party, seq: 9 }).first('name')).name).toBe('赵六');
    // A Mongolian name keeps its free variation selector between letters; the zero-width space beside it goes (L5).
    await t.db.knex('agents').insert({ party_id: party, seq: 10, name: 'ᠪᠠ\u200b\u180bᠲᠤ', kind: 'lawyer' });
    await invisibleText.up(t.db.knex);
    expect((await t.db.knex('agents').where({ party_id: party, seq: 10 }).first('name')).name).toBe('ᠪᠠ\u180bᠲᠤ');
    // Still masked for the roles that were shown it masked.
    expect(names((await t.api(a.tokens.analyst).get('/api/cases?pageSize=200')).body.items, c.id)).toEqual([maskedName]);
  });

  it('the upgrade is frozen: it imports no app code, so a later change to the live cleaner cannot change it (reviewer L6)', () => {
    const source = readFileSync(new URL('../../db/migrations/20261205_0010_invisible_text.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imports).toEqual(['knex']);
  });

  it('a name registered with an invisible character inside is found as it shows (q=张三)', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('欧阳\u200b\ufeff明远', 805)] }));
    expect((c.applicants[0] as { name?: string } | undefined)?.name).toBe('欧阳明远');
    const zhang = await registerCase(t, a, standardApplication({ applicants: [worker('张\u200b三', 807)] }));
    expect((zhang.applicants[0] as { name?: string } | undefined)?.name).toBe('张三');
    for (const q of ['欧阳明远', '欧阳\u200b明远']) {
      const r = await t.api(a.tokens.clerk).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(r.status).toBe(200);
      expect((r.body.items as { id: number }[]).map((x) => x.id)).toContain(c.id);
    }
  });

  it('a Mongolian or Uyghur name keeps its shaping characters between letters (reviewer L5); by digits they still go', async () => {
    // Traditional Mongolian: a free variation selector, the vowel separator, ZWJ between letters, a word-final selector.
    const mongolian = 'ᠪᠠ\u180bᠲᠤ ᠮᠥ\u180eᠩᠬᠡ\u200dᠪ\u180c';
    const uyghur = 'ئۇيغۇر\u200cچە';
    const c = await registerCase(t, a, standardApplication({ applicants: [worker(mongolian, 811), worker(uyghur, 812)] }));
    const stored = await t.db.knex('parties').where({ case_id: c.id, side: 'applicant' }).orderBy('seq').pluck('name');
    expect(stored).toEqual([mongolian, uyghur]);
    const found = await t.api(a.tokens.clerk).get(`/api/cases?q=${encodeURIComponent(mongolian.slice(0, 5))}&pageSize=100`);
    expect((found.body.items as { id: number }[]).map((x) => x.id)).toContain(c.id);
    // Between a letter and a digit they are removed: a number hidden with them is one number, refused in a name.
    for (const sep of ['\u180b', '\u180e', '\u200c', '\u200d']) {
      const r = await t
        .api(a.tokens.clerk)
        .post('/api/cases', standardApplication({ applicants: [{ ...worker('x', 813), name: `ᠪᠠ${sep}371502${sep}19850607${sep}1238` }] }));
      expect(r.status, JSON.stringify(sep)).toBe(400);
      expect(r.body.errors).toEqual([{ path: 'applicants.0.name', message: expect.stringContaining('不应填写身份证号码或电话号码') }]);
    }
    // In facts: stored without them, masked for an arbitrator not on the case.
    const facts = `申请人ᠪᠠ\u180b371502\u180b19850607\u200d1238\u200dᠲᠤ。`;
    const d = await registerCase(t, a, standardApplication({ applicants: [worker('宝音', 814)], facts }));
    expect((await t.db.knex('cases').where({ id: d.id }).first('facts')).facts).toBe(`申请人ᠪᠠ${ID}ᠲᠤ。`);
    expect((await t.api(other()).get(`/api/cases/${d.id}`)).body.facts).toBe(`申请人ᠪᠠ${ID_MASKED}ᠲᠤ。`);
  });

  it('a password is compared as it was set: one holding U+FE0F or U+200D still signs in, and only as typed (reviewer)', async () => {
    const password = 'heart\u2764\uFE0F-joined\u200D-2026';
    const made = await t
      .api(t.adminToken)
      .post('/api/users', { username: 'clerk-emoji', password, role: 'clerk', displayName: '书记员', mustChangePassword: false });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const login = (pw: string) => t.api('').post('/api/auth/login', { username: 'clerk-emoji', password: pw });
    expect((await login(password)).status).toBe(200);
    const stripped = password.replace(/[\uFE0F\u200D]/g, '');
    expect((await login(stripped)).status).toBe(401);
  });

  it('bidi overrides are still refused, not removed', async () => {
    const r = await t
      .api(a.tokens.clerk)
      .post('/api/cases', standardApplication({ applicants: [{ ...worker('x', 806), name: '张三\u202Egpj.exe' }] }));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: 'applicants.0.name', message: expect.stringContaining('双向') }]);
  });
});
