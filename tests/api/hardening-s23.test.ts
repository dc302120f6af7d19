import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { idNumber, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Findings of the s23 audit: bad input is a 4xx problem naming the field, checked in the contract's order, and changes
 * nothing — never a 500, never a record opened by a spelling of its id. The same body on SQLite and PostgreSQL.
 */
const dialect = process.env.TEST_DB ?? 'sqlite';
const { t, a } = apiSuite({ now: '2026-12-02T02:00:00Z' });

const paths = (r: { body: { errors?: { path: string }[] } }) => (r.body.errors ?? []).map((e) => e.path);

describe(`statistics periods (${dialect})`, () => {
  it('a period year outside 1900–2199 is 400 naming `period` on every statistics route, as from/to are', async () => {
    const api = t.api(a.tokens.analyst);
    for (const period of ['0000', '0999', '0999-Q1', '0500-03', '1899', '2200-12']) {
      for (const url of [
        `/api/stats/closure?period=${period}`,
        `/api/stats/closure/cases?period=${period}&measure=accepted`,
        `/api/stats/report?period=${period}`,
        `/api/stats/report?period=${period}&format=csv`,
        `/api/stats/claims?period=${period}`,
        `/api/stats/claims/cases?period=${period}&measure=items`,
      ]) {
        const r = await api.get(url);
        expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(400);
        expect(paths(r)).toContain('period');
      }
    }
    for (const period of ['1900', '2199-12', '2026-Q1']) {
      expect((await api.get(`/api/stats/closure?period=${period}`)).status).toBe(200);
      expect((await api.get(`/api/stats/claims?period=${period}`)).status).toBe(200);
    }
  });
});

describe(`path ids (${dialect})`, () => {
  it('only the canonical decimal spelling of an id opens a record; every other spelling is 404 (as documented)', async () => {
    const c = await registerCase(t, a);
    const api = t.api(a.tokens.clerk);
    expect((await api.get(`/api/cases/${c.id}`)).status).toBe(200);
    const claim = (c.claims[0] as { id: number }).id;
    for (const id of [
      `0x${c.id.toString(16)}`,
      `0b${c.id.toString(2)}`,
      `${c.id / 10}e1`,
      `${c.id}.0`,
      `+${c.id}`,
      `0${c.id}`,
      `%20${c.id}`,
      `${c.id}%20`,
    ]) {
      const r = await api.get(`/api/cases/${id}`);
      expect(r.status, `/api/cases/${id}`).toBe(404);
      expect((await api.get(`/api/cases/${id}/events`)).status, `/api/cases/${id}/events`).toBe(404);
      expect((await api.get(`/api/cases/${c.id}/claims/${id.replace(String(c.id), String(claim))}/history`)).status).toBe(404);
    }
    // Past the id columns' integer range (PostgreSQL int4) or a safe integer: nothing, not a database error.
    for (const id of ['2147483648', '9007199254740993', '99999999999999999999']) {
      expect((await api.get(`/api/cases/${id}`)).status, id).toBe(404);
    }
    expect((await api.get('/api/cases/2147483647')).status).toBe(404);
  });
});

describe(`references inside event payloads (${dialect})`, () => {
  const { send } = caseEvents(() => t);
  const historyLength = async (id: number) => (await t.api(a.tokens.chair).get(`/api/cases/${id}/events`)).body.length as number;

  it('ADVANCE_EXECUTION: an amount for a claim that is not the case’s, twice the same claim, or not in claimIds → 400 naming amounts.i.claimId, nothing stored', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled');
    const [first, second] = c.claims.map((cl) => cl.id) as [number, number];
    const base = { claimIds: [first], rightsClear: true, lifeSeriouslyAffected: true, paymentDays: 5 };
    const before = await historyLength(c.id);
    const cases: [unknown[], string][] = [
      [[{ claimId: 99999, amount: '1.00' }], 'amounts.0.claimId'],
      [
        [
          { claimId: first, amount: '1.00' },
          { claimId: first, amount: '2.00' },
        ],
        'amounts.1.claimId',
      ],
      [[{ claimId: second, amount: '1.00' }], 'amounts.0.claimId'],
    ];
    for (const [amounts, path] of cases) {
      const r = await send(c, arb.token, 'ADVANCE_EXECUTION', { ...base, amounts }, '2026-03-10');
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(paths(r)).toContain(path);
    }
    // A claim of another case, listed in claimIds too: checkReferences names both.
    const other = await registerCase(t, a);
    const foreign = (other.claims[0] as { id: number }).id;
    const r = await send(
      c,
      arb.token,
      'ADVANCE_EXECUTION',
      { ...base, claimIds: [foreign], amounts: [{ claimId: foreign, amount: '1.00' }] },
      '2026-03-10',
    );
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(expect.arrayContaining(['claimIds.0', 'amounts.0.claimId']));
    expect(await historyLength(c.id)).toBe(before);
    const fine = await send(c, arb.token, 'ADVANCE_EXECUTION', { ...base, amounts: [{ claimId: first, amount: '1.00' }] }, '2026-03-10');
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  });

  it('PARTIAL_AWARD / ISSUE_AWARD: a dismissed item carrying an amount → 400 naming items.i.amount', async () => {
    const { c, arb } = await caseAt(t, a, 'heard');
    const [first, second] = c.claims.map((cl) => cl.id) as [number, number];
    const before = await historyLength(c.id);
    for (const type of ['PARTIAL_AWARD', 'ISSUE_AWARD'] as const) {
      const r = await send(
        c,
        arb.token,
        type,
        {
          items: [
            { claimId: first, outcome: 'granted', amount: '12000.00' },
            { claimId: second, outcome: 'dismissed', amount: '500.00' },
          ],
        },
        '2026-03-26',
      );
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(paths(r)).toEqual(['items.1.amount']);
    }
    expect(await historyLength(c.id)).toBe(before);
  });
});

describe(`access-log dates (${dialect})`, () => {
  it('from/to are real dates in 1900–2199 (400 naming the field); the last supported `to` includes every entry', async () => {
    const c = await registerCase(t, a);
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).status).toBe(200);
    const api = t.api(t.adminToken);
    const all = await api.get('/api/access-log');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    for (const [q, path] of [
      ['from=2026-02-30', 'from'],
      ['to=2026-13-01', 'to'],
      ['to=9999-12-31', 'to'],
      ['from=0999-01-01', 'from'],
      ['from=2026-12-02&to=2026-12-01', 'to'],
    ]) {
      const r = await api.get(`/api/access-log?${q}`);
      expect(r.status, q).toBe(400);
      expect(paths(r), q).toEqual([path]);
    }
    const far = await api.get('/api/access-log?from=1900-01-01&to=2199-12-31');
    expect(far.status).toBe(200);
    expect(far.body.total).toBe(all.body.total);
    // Input is checked before the role: an analyst with a malformed date gets the 400, a well-formed query the 403.
    expect((await t.api(a.tokens.analyst).get('/api/access-log?from=2026-12-02&to=2026-12-01')).status).toBe(400);
    expect((await t.api(a.tokens.analyst).get('/api/access-log?to=2026-12-01')).status).toBe(403);
  });
});

describe(`identity numbers with impossible birth dates (${dialect})`, () => {
  it('a party born after the receipt date or after today → 400 naming the idNumber; nothing registered', async () => {
    const clerk = t.api(a.tokens.clerk);
    const count = async () => (await clerk.get('/api/cases?pageSize=1')).body.total as number;
    const before = await count();
    for (const id of ['371502999912311233', '371502203001011233', '371502202612021233', idNumber('371502', '20260302')]) {
      const r = await clerk.post('/api/cases', standardApplication({ applicants: [{ ...worker('张三'), idNumber: id }] }));
      expect(r.status, `${id}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(paths(r)).toEqual(['applicants.0.idNumber']);
    }
    const third = await clerk.post(
      '/api/cases',
      standardApplication({ applicants: [worker('张三'), { ...worker('李四', 124), idNumber: idNumber('371502', '20300101') }] }),
    );
    expect(paths(third)).toEqual(['applicants.1.idNumber']);
    expect(await count()).toBe(before);
    // Born the day before the receipt: a possible (if unlikely) party.
    const born = await clerk.post(
      '/api/cases',
      standardApplication({ applicants: [{ ...worker('张三'), idNumber: idNumber('371502', '20260301') }] }),
    );
    expect(born.status).toBe(201);
  });

  it('PATCH: a new party born after the receipt, or a receipt moved before a party’s birth → 400 naming the field', async () => {
    const c = await registerCase(
      t,
      a,
      standardApplication({ applicants: [{ ...worker('张三'), idNumber: idNumber('371502', '20000101') }] }),
    );
    const clerk = t.api(a.tokens.clerk);
    const late = await clerk.patch(`/api/cases/${c.id}`, { applicants: [{ ...worker('张三'), idNumber: idNumber('371502', '20300101') }] });
    expect(late.status).toBe(400);
    expect(paths(late)).toEqual(['applicants.0.idNumber']);
    const early = await clerk.patch(`/api/cases/${c.id}`, { receivedOn: '1999-12-31' });
    expect(early.status).toBe(400);
    expect(paths(early)).toEqual(['receivedOn']);
    expect((await clerk.get(`/api/cases/${c.id}`)).body.version).toBe(c.version);
  });
});

describe(`pure input checks run before 403/404/412/409 (${dialect})`, () => {
  it('a future receivedOn is 400 for an analyst, on a missing case, with a stale If-Match, on an accepted case; POST as analyst too', async () => {
    const received = await registerCase(t, a);
    const { c: accepted } = await caseAt(t, a, 'accepted');
    const future = { receivedOn: '2030-01-01' };
    const checks = [
      t.api(a.tokens.analyst).patch(`/api/cases/${received.id}`, future),
      t.api(a.tokens.clerk).patch('/api/cases/999999', future),
      t.api(a.tokens.clerk).patch(`/api/cases/${received.id}`, future).set('If-Match', '"999"'),
      t.api(a.tokens.clerk).patch(`/api/cases/${accepted.id}`, future),
      t.api(a.tokens.clerk).patch(`/api/cases/${accepted.id}`, { receivedOn: '2026-03-02', postmarkOn: '2026-03-05' }),
      t.api(a.tokens.analyst).post('/api/cases', standardApplication(future)),
    ];
    for (const [i, r] of (await Promise.all(checks)).entries()) {
      expect(r.status, `${i}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(paths(r).length, String(i)).toBe(1);
    }
    // Well-formed, the same requests get their 403/404/412/409.
    const ok = { receivedOn: '2026-03-02' };
    expect((await t.api(a.tokens.analyst).patch(`/api/cases/${received.id}`, ok)).status).toBe(403);
    expect((await t.api(a.tokens.clerk).patch('/api/cases/999999', ok)).status).toBe(404);
    expect((await t.api(a.tokens.clerk).patch(`/api/cases/${received.id}`, ok).set('If-Match', '"999"')).status).toBe(412);
    expect((await t.api(a.tokens.clerk).patch(`/api/cases/${accepted.id}`, ok)).status).toBe(409);
    expect((await t.api(a.tokens.analyst).post('/api/cases', standardApplication(ok))).status).toBe(403);
  });
});

describe(`calculator inputs stay in exact range (${dialect})`, () => {
  it('the auditor’s overtime input → 400 naming monthlyWage and workdayHours; the maxima compute an exact amount', async () => {
    const api = t.api(a.tokens.arbitrator);
    const r = await api.post('/api/calculators/overtime', {
      monthlyWage: '9999999999.99',
      workdayHours: '9999999.99',
      restDayHours: '9999999.99',
      holidayHours: '9999999.99',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(paths(r).sort()).toEqual(['holidayHours', 'monthlyWage', 'restDayHours', 'workdayHours']);
    for (const body of [
      { monthlyWage: '10000000.01' },
      { monthlyWage: '4350', paid: '10000000.01' },
      { monthlyWage: '4350', workdayHours: '100000.01' },
    ]) {
      expect((await api.post('/api/calculators/overtime', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(paths(await api.post('/api/calculators/notice_pay', { lastMonthWage: '99999999.00' }))).toEqual(['lastMonthWage']);
    // At the maxima: 10,000,000 yuan ÷ 21.75 ÷ 8 × 300% × 100,000 hours, to the fen (exact BigInt arithmetic).
    const max = await api.post('/api/calculators/overtime', {
      monthlyWage: '10000000.00',
      holidayHours: '100000',
      readings: { hourlyWageRounding: 'exact' },
    });
    expect(max.status, JSON.stringify(max.body)).toBe(200);
    const [num, den] = [10_000_000_00n * 3n * 100_000n * 100n, 2175n * 8n];
    const want = (2n * num + den) / (2n * den); // half up, to the fen
    expect(max.body.amount).toBe(`${want / 100n}.${String(want % 100n).padStart(2, '0')}`);
  });
});

describe(`an unsupported body encoding is a documented 400 naming the header (${dialect})`, () => {
  it('a latin1 charset or an unknown Content-Encoding → 400 problem naming Content-Type / Content-Encoding (was an undocumented 415)', async () => {
    const auth = `Bearer ${a.tokens.clerk}`;
    const latin = await request(t.app)
      .post('/api/cases')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json; charset=latin1')
      .send(JSON.stringify(standardApplication()));
    expect(latin.status).toBe(400);
    expect(latin.headers['content-type']).toContain('application/problem+json');
    expect(latin.body.type).toBe('https://zhongcai.dev/problems/unsupported-body-encoding');
    expect(paths(latin)).toEqual(['Content-Type']);
    const compressed = await request(t.app)
      .patch('/api/cases/1')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{}');
    expect(compressed.status).toBe(400);
    expect(paths(compressed)).toEqual(['Content-Encoding']);
    // Still authenticated first: without a token, 401.
    const anonymous = await request(t.app).post('/api/cases').set('Content-Type', 'application/json; charset=latin1').send('{}');
    expect(anonymous.status).toBe(401);
  });
});

describe(`workload takes paging like every list (${dialect})`, () => {
  it('page and pageSize page the arbitrators; outside 1–200 → 400 naming pageSize', async () => {
    const api = t.api(a.tokens.chair);
    const all = await api.get('/api/workload?role=arbitrator');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50 });
    const p2 = await api.get('/api/workload?role=arbitrator&page=2&pageSize=1');
    expect(p2.status).toBe(200);
    expect(p2.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 1 });
    expect(p2.body.items).toEqual([all.body.items[1]]);
    expect((await api.get('/api/workload?pageSize=100')).status).toBe(200);
    expect(paths(await api.get('/api/workload?pageSize=201'))).toEqual(['pageSize']);
  });
});

describe(`every validation error names a field (${dialect})`, () => {
  it('RECORD_SET_ASIDE without either form, or with both → 400 naming court/filedOn/result, not a pathless union error', async () => {
    const { send } = caseEvents(() => t);
    const c = await registerCase(t, a);
    const empty = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', {});
    expect(empty.status).toBe(400);
    expect(paths(empty).sort()).toEqual(['court', 'filedOn']);
    const both = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', {
      court: '聊城市中级人民法院',
      filedOn: '2026-03-10',
      result: 'rejected',
    });
    expect(both.status).toBe(400);
    expect(paths(both).sort()).toEqual(['court', 'filedOn']);
    const halfResult = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { decidedOn: '2026-03-10' });
    expect(paths(halfResult)).toContain('result');
    // Each form alone passes the schema (here the state refuses it: 409, not 400).
    expect((await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-03-10' })).status).toBe(409);
    expect((await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'rejected' })).status).toBe(409);
  });
});

describe(`minor inputs (${dialect})`, () => {
  it('?state=bogus → 400 naming state; an empty minimum-wage table or a zero wage → 400; calendar names keyed by a non-date → 400', async () => {
    expect(paths(await t.api(a.tokens.clerk).get('/api/cases?state=bogus'))).toEqual(['state']);
    expect((await t.api(a.tokens.clerk).get('/api/cases?state=received')).status).toBe(200);
    const admin = t.api(t.adminToken);
    const before = (await admin.get('/api/reference/minimum-wages')).body;
    expect(before.length).toBeGreaterThan(0);
    expect((await admin.put('/api/reference/minimum-wages', [])).status).toBe(400);
    const zero = await admin.put('/api/reference/minimum-wages', [{ district: '东昌府区', monthly: '0', effectiveFrom: '2025-10-01' }]);
    expect(paths(zero)).toEqual(['0.monthly']);
    expect((await admin.get('/api/reference/minimum-wages')).body).toEqual(before);
    const year = await admin.put('/api/calendar/years/2027', {
      notice: '测试',
      offDays: ['2027-01-01'],
      workDays: [],
      names: { 'not-a-date': '元旦' },
    });
    expect(year.status).toBe(400);
    expect(paths(year)).toEqual(['names.not-a-date']);
  });
});

describe(`a decision names its matter (${dialect})`, () => {
  it('POST documents {kind: decision} without matter → 400 naming matter, before the role is asked; nothing generated', async () => {
    const { c, arb } = await caseAt(t, a, 'accepted');
    for (const token of [arb.token, a.tokens.clerk, a.tokens.analyst]) {
      const r = await t.api(token).post(`/api/cases/${c.id}/documents`, { kind: 'decision' });
      expect(r.status).toBe(400);
      expect(paths(r)).toEqual(['matter']);
    }
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/documents`)).body).toEqual([]);
  });
});

describe(`ids beyond the database's integer range are refused, never a 500 (${dialect})`, () => {
  it('in event payloads, registration corrections and query filters', async () => {
    const big = 3_000_000_000;
    const { c } = await caseAt(t, a, 'accepted');
    const answers = [
      await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, { type: 'FORM_TRIBUNAL', arbitratorIds: [big], presidingId: big }),
      await t.api(a.tokens.chair).post(`/api/cases/${c.id}/events`, { type: 'ASSIGN_MEDIATOR', mediatorId: big }),
      await t.api(a.tokens.clerk).get(`/api/access-log?userId=${big}`),
      await t.api(a.tokens.admin).get(`/api/access-log?caseId=${big}`),
      await t.api(a.tokens.clerk).get(`/api/cases?arbitratorId=${big}`),
      await t.api(a.tokens.clerk).get('/api/access-log?userId=0x22'),
    ];
    for (const [i, r] of answers.entries()) {
      expect(r.status, `#${i}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `#${i}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
    }
    // The query filters name the parameter.
    expect(paths(answers[2] as { body: { errors?: { path: string }[] } })).toEqual(['userId']);
    expect(paths(answers[5] as { body: { errors?: { path: string }[] } })).toEqual(['userId']);
  });
});
