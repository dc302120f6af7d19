import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createDeps } from '../../app/deps.ts';
import { runDailySweep } from '../../app/time/sweep.ts';
import { createLogger } from '../../server/logger.ts';
import { completeCreditCode } from '../../workflows/identifiers.ts';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { employer } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside security/reliability check's findings (sec51): M1 a mistyped year of receipt went through silently and
 * numbered the case in a closed year; L1 same-name parties re-sent without ids swapped their contact details; L2
 * logout took unknown fields; L3 a `null` body was "malformed JSON"; L4 a second sweep of a day hid the first one's
 * alerts; L5 the access log named a rejected case by nothing; L6 a credit code found no case.
 */
const { t, a } = apiSuite({ now: '2026-04-20T18:00:00Z', env: { EARLIER_YEAR_ACCEPT_CONFIRMATION: 'true' } });
const db = process.env.TEST_DB ?? 'sqlite';
const { ok, send } = caseEvents(() => t);

describe(`M1: a received date long past is warned of; numbering in an earlier year is confirmed (${db})`, () => {
  it('registration warns (dateWarnings), ACCEPT in 2019 is 422 earlierYear until confirmed, then warns', async () => {
    const r = await t.api(a.tokens.clerk).post('/api/cases', standardApplication({ receivedOn: '2019-11-20' }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.warnings).toEqual([]);
    expect(r.body.dateWarnings).toEqual([expect.stringContaining('收件日期（2019-11-20）')]);
    expect(r.body.dateWarnings[0]).toContain('第二十九条');
    const c = r.body;
    const refused = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2019-11-22');
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'accept-earlier-year', field: 'earlierYear' });
    expect(refused.body.detail).toContain('2019');
    // Nothing changed: no number, still received.
    const still = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(still.body).toMatchObject({ state: 'received', caseNo: null, version: c.version });
    const done = await ok(c, a.tokens.clerk, 'ACCEPT', { earlierYear: true }, '2019-11-22');
    expect(done.caseNo).toMatch(/〔2019〕/);
    expect(done.warnings).toEqual(expect.arrayContaining([expect.stringContaining('收件日期（2019-11-20）')]));
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as { type: string; payload: object }[];
    expect(history.find((e) => e.type === 'ACCEPT')?.payload).toMatchObject({ earlierYear: true });
  });

  it('1900-01-01 (the lowest date the API takes, as the statistics do) is warned of and confirmed too', async () => {
    const nobody = { kind: 'person', name: '王五', phone: '13800000001', address: '聊城市东昌府区柳园街道' };
    const c = await registerCase(t, a, standardApplication({ receivedOn: '1900-01-01', applicants: [nobody] }));
    expect(c.dateWarnings).toEqual([expect.stringContaining('1900-01-01')]);
    const refused = await send(c, a.tokens.clerk, 'ACCEPT', {}, '1900-01-02');
    expect(refused.status).toBe(422);
    expect(refused.body.field).toBe('earlierYear');
  });

  it('a receipt this year: no date warning and no confirmation; the confirmation of a current year is not needed', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-04-15' }));
    expect(c.dateWarnings).toBeUndefined();
    const done = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-04-17');
    expect(done.caseNo).toMatch(/〔2026〕/);
    expect(done.warnings ?? []).toEqual([]);
  });

  it('a receipt of late last year accepted this year: no warning, no confirmation (within RECEIVED_ON_STALE_DAYS)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2025-12-30' }));
    expect(c.dateWarnings).toBeUndefined();
    const r = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2026-01-04');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('an ACCEPT dated last year (entered in January for a December decision) asks for the confirmation', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2025-12-29' }));
    const r = await send(c, a.tokens.clerk, 'ACCEPT', {}, '2025-12-31');
    expect(r.status).toBe(422);
    expect(r.body.field).toBe('earlierYear');
    expect((await send(c, a.tokens.clerk, 'ACCEPT', { earlierYear: true }, '2025-12-31')).status).toBe(200);
  });
});

describe(`L2: logout and logout-all take no fields (${db})`, () => {
  it('{"x":1} → 400 naming x, the token still works; {} and no body → 204', async () => {
    for (const path of ['/api/auth/logout', '/api/auth/logout-all']) {
      const token = await t.tokenFor('clerk', `leaver${path.length}`);
      const r = await t.api(token).post(path, { x: 1 });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.body.errors).toEqual([expect.objectContaining({ path: 'x' })]);
      const arr = await t.api(token).post(path, [1]);
      expect(arr.status).toBe(400);
      expect((await t.api(token).get('/api/auth/me')).status).toBe(200);
      expect((await t.api(token).post(path, {})).status).toBe(204);
      expect((await t.api(token).get('/api/auth/me')).status).toBe(401);
    }
    const bare = await t.tokenFor('clerk', 'leaver-bare');
    expect((await t.api(bare).post('/api/auth/logout')).status).toBe(204);
    expect((await t.api(bare).get('/api/auth/me')).status).toBe(401);
  });
});

describe(`L3: a JSON body of null, a number or a string is valid JSON, not an object (${db})`, () => {
  it('answers as [1,2] does, not "JSON 解析失败"', async () => {
    const send = (raw: string) =>
      request(t.app).post('/api/cases').set('Authorization', `Bearer ${a.tokens.clerk}`).set('Content-Type', 'application/json').send(raw);
    expect((await send('[1,2]')).status).toBe(400);
    for (const raw of ['null', ' null ', '1', '"x"', 'true']) {
      const r = await send(raw);
      expect(r.status, raw).toBe(400);
      expect(r.body.type, raw).not.toMatch(/malformed-json/);
      expect(r.body.detail, raw).not.toContain('JSON 解析失败');
      expect(r.body.errors, raw).toEqual([{ path: '', message: '请求体应为 JSON 对象' }]);
    }
    // Not JSON at all is still malformed.
    const bad = await send('nul');
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe('JSON 解析失败');
    const ev = await request(t.app)
      .post('/api/cases/1/events')
      .set('Authorization', `Bearer ${a.tokens.clerk}`)
      .set('Content-Type', 'application/json')
      .send('null');
    expect(ev.body.errors).toEqual([{ path: '', message: '请求体应为 JSON 对象' }]);
  });
});

describe(`L4: two sweeps on one day — the status shows the day's totals (${db})`, () => {
  it('a scheduled run, then a forced one: alertsRecorded is the first run plus the second (0), not 0', async () => {
    // An application left unaccepted past its 5 days (LDMAL Art. 29): the first sweep records its overdue alert.
    await registerCase(t, a, standardApplication({ receivedOn: '2026-04-01' }));
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const first = await runDailySweep(deps);
    expect(first?.alertsRecorded).toBeGreaterThan(0);
    const second = await runDailySweep(deps, { force: true });
    expect(second?.alertsRecorded).toBe(0);
    const status = await t.api(t.adminToken).get('/api/service/status');
    expect(status.status).toBe(200);
    expect(status.body.lastSweep).toMatchObject({
      day: first?.day,
      alertsRecorded: (first?.alertsRecorded ?? 0) + (second?.alertsRecorded ?? 0),
      cases: Math.max(first?.cases ?? 0, second?.cases ?? 0), // sec53 L4: the same cases each run: the largest
      deadlinesChanged: (first?.deadlinesChanged ?? 0) + (second?.deadlinesChanged ?? 0),
      chainOk: true,
    });
    expect(status.body.lastSweep.finishedAt).not.toBeNull();
  });
});

describe(`L5: the access log names a rejected case by its 不字 number (${db})`, () => {
  it('caseNo null, documentNo the 不予受理通知书 number; an accepted case: caseNo, documentNo null', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-04-18' }));
    const rejected = await ok(c, a.tokens.clerk, 'REJECT', { reason: '申请人的请求不属于劳动人事争议' }, '2026-04-20');
    const documentNo = rejected.proceedings.rejection.documentNo as string;
    expect(documentNo).toMatch(/不字/);
    expect((await t.api(a.tokens.chair).get(`/api/cases/${c.id}`)).status).toBe(200);
    const log = await t.api(a.tokens.chair).get(`/api/access-log?caseId=${c.id}`);
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.items.length).toBeGreaterThan(0);
    for (const e of log.body.items) expect(e).toMatchObject({ caseId: c.id, caseNo: null, documentNo });
    const other = await registerCase(t, a, standardApplication({ receivedOn: '2026-04-18' }));
    const accepted = await ok(other, a.tokens.clerk, 'ACCEPT', {}, '2026-04-20');
    await t.api(a.tokens.chair).get(`/api/cases/${other.id}`);
    const log2 = await t.api(a.tokens.chair).get(`/api/access-log?caseId=${other.id}`);
    expect(log2.body.items[0]).toMatchObject({ caseNo: accepted.caseNo, documentNo: null });
  });
});

describe(`L6: a whole credit code finds the employer's cases, for full readers (${db})`, () => {
  it('clerk and chair find it (any case, spaces, lower case); a part of it finds nothing; an arbitrator finds nothing', async () => {
    const code = completeCreditCode('91371500MA3D8E9F7');
    const body = standardApplication({ respondents: [{ ...employer('聊城某某信用代码测试有限公司'), creditCode: code }] });
    const c = await registerCase(t, a, body);
    const ids = async (token: string, q: string) => {
      const r = await t.api(token).get(`/api/cases?q=${encodeURIComponent(q)}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.items as { id: number }[]).map((x) => x.id);
    };
    expect(await ids(a.tokens.clerk, code)).toEqual([c.id]);
    expect(await ids(a.tokens.chair, code.toLowerCase())).toEqual([c.id]);
    expect(await ids(a.tokens.clerk, `${code.slice(0, 6)} ${code.slice(6)}`)).toEqual([c.id]);
    expect(await ids(a.tokens.clerk, code.slice(0, 17))).toEqual([]);
    expect(await ids(a.arbitrators[0]?.token as string, code)).toEqual([]);
    // Another employer's code (the fixtures' one) does not find this case.
    expect(await ids(a.tokens.clerk, employer().creditCode)).not.toContain(c.id);
  });
});

describe(`L1: two applicants of one name and no identity number, re-sent in another order without ids (${db})`, () => {
  type Party = Record<string, unknown> & { id: number };
  const zhangA = { kind: 'person', name: '张伟', phone: '13800000011', address: '聊城市东昌府区一号' };
  const zhangB = { kind: 'person', name: '张伟', phone: '13800000022', address: '聊城市茌平区二号' };
  const served = async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-04-18', applicants: [zhangA, zhangB] }));
    const first = (c.applicants as Party[])[0] as Party;
    await ok(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['劳动合同复印件'] }, '2026-04-19');
    const s = await ok(c, a.tokens.clerk, 'SERVE', { document: 'supplement_notice', partyId: first.id, method: 'direct' }, '2026-04-20');
    return { c: { ...c, version: s.version }, first, second: (c.applicants as Party[])[1] as Party };
  };

  it('swapped: each keeps his own id and details — the party the SERVE names still has his own address and phone', async () => {
    const { c, first, second } = await served();
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [zhangB, zhangA] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const byId = (body: { applicants: Party[] }) => Object.fromEntries(body.applicants.map((p) => [p.id, [p.phone, p.address]]));
    expect(byId(r.body)).toEqual({ [first.id]: [zhangA.phone, zhangA.address], [second.id]: [zhangB.phone, zhangB.address] });
    // Only the order differs: nothing to write (sec50 H1).
    expect(r.body.version).toBe(c.version);
    // One of them corrected (a new phone), sent first: the address still tells who he is.
    const fixed = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [{ ...zhangB, phone: '13800000033' }, zhangA] });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(byId(fixed.body)).toEqual({ [first.id]: [zhangA.phone, zhangA.address], [second.id]: ['13800000033', zhangB.address] });
  });

  it('both changed so that nothing tells them apart, one named by an act: 422 naming applicants.N.id, nothing changed', async () => {
    const { c, first, second } = await served();
    const before = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [
        { ...zhangA, phone: '13900000001', address: '聊城市阳谷县三号' },
        { ...zhangA, phone: '13900000002', address: '聊城市莘县四号' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ rule: 'ambiguous-party', field: 'applicants.0.id' });
    expect(r.body.detail).toContain('applicants.1.id');
    const after = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.applicants.map((p: Party) => p.id)).toEqual([first.id, second.id]);
    // With the ids: taken as sent.
    const withIds = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [
        { ...zhangA, id: second.id, phone: '13900000001' },
        { ...zhangA, id: first.id, phone: '13900000002' },
      ],
    });
    expect(withIds.status, JSON.stringify(withIds.body)).toBe(200);
    expect(withIds.body.applicants.map((p: Party) => [p.id, p.phone])).toEqual([
      [second.id, '13900000001'],
      [first.id, '13900000002'],
    ]);
  });

  it('the same, with no act naming either: taken by order (no refusal)', async () => {
    const c = await registerCase(t, a, standardApplication({ receivedOn: '2026-04-18', applicants: [zhangA, zhangB] }));
    const ids = (c.applicants as Party[]).map((p) => p.id);
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      applicants: [
        { ...zhangA, phone: '13900000001', address: '聊城市阳谷县三号' },
        { ...zhangA, phone: '13900000002', address: '聊城市莘县四号' },
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.applicants.map((p: Party) => p.id)).toEqual(ids);
  });
});
