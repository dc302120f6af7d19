import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import * as wideSeparators from '../../db/migrations/20261209_0010_search_text_wide_separators.ts';
import { createLogger } from '../../server/logger.ts';
import { apiSuite, caseAt } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * An outside security tester's findings (sec47): H2 numbers written with a doubled separator, a line break, a tab or a
 * comma neither refused in names nor masked; L1 a wrong method with a text body answered 400, OPTIONS Express's own
 * 200; L2 a masked reader's history snapshot claiming readLevel full; L4 a bad gzip body answered in zlib's English;
 * L3 two errors on one field.
 */
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    lines.push(String(chunk));
    cb();
  },
});
const { t, a } = apiSuite({ logger: createLogger('info', sink) });

const ID = '371502198506071238';
const MASKED = '3715**********1238';
const other = () => (a.arbitrators[1] as { token: string }).token;
const db = process.env.TEST_DB ?? 'sqlite';

describe(`H2: numbers across a run of separators, a line break, a tab or a comma (${db})`, () => {
  it('are refused in a party name, 400 naming the field, nothing stored', async () => {
    const clerk = t.api(a.tokens.clerk);
    const before = (await t.db.knex('cases').count({ n: '*' }).first())?.n;
    for (const name of [
      '张三 371502  19850607  1238',
      '张三 139  1234  5678',
      '张三371502\u3000\u3000198506071238',
      '张三371502\u00a0\u00a0198506071238',
      '张三371502，198506071238',
      '张三371502、198506071238',
    ]) {
      const r = await clerk.post('/api/cases', application({ applicants: [worker(name)] }));
      expect(r.status, name).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.body.errors), name).toContain('applicants.0.name');
      expect(JSON.stringify(r.body), name).not.toContain('19850607');
    }
    expect((await t.db.knex('cases').count({ n: '*' }).first())?.n).toBe(before);
    // Amounts and dates in a name still pass.
    const ok = await clerk.post('/api/cases', application({ applicants: [worker('张三（12,000.00元 2025.12.01）', 471)] }));
    expect(ok.status).toBe(201);
  });

  it('in the facts: masked for a reader below full, and identity numbers in the history for everyone', async () => {
    const facts =
      '身份证371502  19850607  1238，又写作371502\n198506071238、371502198\t506071238、371502，198506071238；电话139  1234  5678。工资12,000.00元。';
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('周九', 472)], facts }) });
    const view = await t.api(other()).get(`/api/cases/${c.id}`);
    expect(view.status).toBe(200);
    expect(view.body.readLevel).toBe('masked');
    expect(view.body.facts).toBe(`身份证${MASKED}，又写作${MASKED}、${MASKED}、${MASKED}；电话139  ****  5678。工资12,000.00元。`);
    for (const token of [a.tokens.clerk, other()]) {
      const events = await t.api(token).get(`/api/cases/${c.id}/events`);
      expect(events.status).toBe(200);
      const register = (events.body as { type: string; after: { facts: string } }[]).find((e) => e.type === 'REGISTER');
      expect(register?.after.facts).toContain(`身份证${MASKED}，又写作${MASKED}、${MASKED}、${MASKED}；`);
      expect(JSON.stringify(events.body)).not.toMatch(/19850607|198506071238|506071238/);
      if (token === other()) expect(register?.after.facts).toContain('139  ****  5678');
    }
  });

  it('typed into a name before the rule: masked in the analyst\u2019s view and export; the upgrade masks the search text', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker('张三', 473)] }))).body;
    const NAME = '张三 371502  19850607  1238';
    await t.db.knex('parties').where({ id: c.applicants[0]?.id }).update({ name: NAME });
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ search_text: `\u0001${NAME}\u0001聊城某某机械有限公司` });
    const view = await t.api(a.tokens.analyst).get(`/api/cases/${c.id}`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain('19850607');
    expect(JSON.stringify(view.body)).toContain(`张三 ${MASKED}`);
    const r = await asBytes(t.api(a.tokens.analyst).get(`/api/exports/cases?q=${encodeURIComponent('张三')}`));
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const sheet = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(sheet).toContain(`张三 ${MASKED}`);
    expect(sheet).not.toContain('19850607');

    const found = async (q: string) =>
      ((await t.api(a.tokens.analyst).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`)).body.items as { id: number }[]).some(
        (x) => x.id === c.id,
      );
    expect(await found('1985')).toBe(true);
    await wideSeparators.up(t.db.knex);
    const stored = (await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text as string;
    expect(stored).toBe('\u0001张三 3715**  ********  1238\u0001聊城某某机械有限公司');
    expect(await found('1985')).toBe(false);
    expect(await found('张三')).toBe(true);
    await wideSeparators.up(t.db.knex);
    expect((await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text).toBe(stored);
  });

  it('in a path: masked in the log line and the problem instance', async () => {
    const from = lines.length;
    for (const path of [
      '/api/cases/371502%20%2019850607%20%201238',
      '/api/cases/371502%0A198506071238',
      '/api/cases/139%09%091234%09%095678',
    ]) {
      const r = await t.api(a.tokens.clerk).get(path);
      expect(r.status, path).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.body), path).not.toMatch(/19850607|198506071238|1234/);
    }
    const written = lines.slice(from).join('\n');
    expect(written).toContain(MASKED);
    expect(written).not.toContain(ID);
    expect(written).not.toMatch(/19850607|198506071238|1234/);
    expect(written).toContain('139\\t\\t****\\t\\t5678');
  });
});

describe(`L1: a wrong method is 405 whatever its body; OPTIONS too (${db})`, () => {
  it('PUT /api/cases and DELETE /api/cases/{id} with a text body: 405 with Allow, as with a JSON body', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker('吴十', 474)] }))).body;
    for (const [method, path] of [
      ['put', '/api/cases'],
      ['delete', `/api/cases/${c.id}`],
    ] as const) {
      for (const [type, body] of [
        ['text/plain', 'x'],
        ['application/json', '{}'],
      ] as const) {
        const r = await request(t.app)[method](path).set('Authorization', `Bearer ${a.tokens.clerk}`).set('Content-Type', type).send(body);
        expect(r.status, `${method} ${path} ${type}`).toBe(405);
        expect(r.headers['content-type']).toContain('application/problem+json');
        expect(r.headers.allow).toBeTruthy();
      }
    }
    // Without a token still 401 first.
    expect((await request(t.app).put('/api/cases').set('Content-Type', 'text/plain').send('x')).status).toBe(401);
  });

  it('OPTIONS: 405 problem+json with Allow, as the document says of a method a path does not take', async () => {
    for (const path of ['/api/cases', '/healthz', '/api/auth/login']) {
      const r = await request(t.app).options(path).set('Authorization', `Bearer ${a.tokens.clerk}`);
      expect(r.status, path).toBe(405);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.headers.allow, path).not.toContain('OPTIONS');
      expect(r.headers.allow?.length).toBeGreaterThan(0);
    }
    const allow = (await request(t.app).options('/api/cases')).headers.allow as string;
    expect(allow.split(', ').sort()).toEqual(['GET', 'POST']);
    const doc = await request(t.app).get('/openapi.json');
    expect(doc.body.info.description).toContain('OPTIONS');
  });
});

describe(`L2: a history snapshot carries the reader\u2019s level (${db})`, () => {
  it('a masked reader\u2019s REGISTER entry reads masked, a full reader\u2019s full', async () => {
    const { c } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('郑一', 475)] }) });
    const masked = await t.api(other()).get(`/api/cases/${c.id}/events`);
    expect(masked.status).toBe(200);
    expect(masked.body[0].after.readLevel).toBe('masked');
    const full = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`);
    expect(full.body[0].after.readLevel).toBe('full');
  });
});

describe(`L4 and L3: a bad gzip body and an overlarge number answered in the house's words (${db})`, () => {
  it('Content-Encoding: gzip with a body that is not gzip: 400 naming the header, in Chinese', async () => {
    const r = await request(t.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${a.tokens.clerk}`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"not":"gzip"}');
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.type).toBe('https://zhongcai.dev/problems/malformed-body-encoding');
    expect(r.body.detail).toContain('Content-Encoding: gzip');
    expect(r.body.detail).not.toMatch(/incorrect header check/);
    expect(r.body.errors).toEqual([{ path: 'Content-Encoding', message: expect.stringContaining('gzip') }]);
    // A real gzip body is read.
    const good = await request(t.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${a.tokens.clerk}`)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      // superagent would serialise a Buffer as JSON: sent as it is.
      .serialize((b: unknown) => b as string)
      .send(gzipSync(JSON.stringify(application({ applicants: [worker('王二', 476)] }))) as unknown as object);
    expect(good.status, JSON.stringify(good.body)).toBe(201);
  });

  it('claims[0].applicant: 1e308 gets one error on its path, the tighter bound', async () => {
    const body = application();
    (body.claims as Record<string, unknown>[])[0] = { ...(body.claims as Record<string, unknown>[])[0], applicant: 1e308 };
    const r = await t.api(a.tokens.clerk).post('/api/cases', body);
    expect(r.status).toBe(400);
    const at = (r.body.errors as { path: string; message: string }[]).filter((e) => e.path === 'claims.0.applicant');
    expect(at).toHaveLength(1);
    expect(at[0]?.message).toContain('500');
    expect(at[0]?.message).not.toContain('9007199254740991');
  });
});
