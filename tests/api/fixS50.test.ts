import JSZip from 'jszip';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { asBytes } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside security check's findings (sec50, three processes on one PostgreSQL): H1 a save that changes nothing was
 * recorded; H2 parties re-sent without their ids were replaced; H3 one locked case row failed other cases' reads;
 * M1 a password change refused while strangers guess; L1 court package times in UTC; L2 a blank If-Match ignored.
 */
const { t, a } = apiSuite({ now: '2026-04-20T18:00:00Z' });
const db = process.env.TEST_DB ?? 'sqlite';
const { ok, send } = caseEvents(() => t);

type Party = Record<string, unknown> & { id: number };
const history = async (id: number) =>
  (await t.api(a.tokens.clerk).get(`/api/cases/${id}/events`)).body as { type: string; payload: Record<string, unknown> }[];
/** A party as a form sends it back: its fields, without its id. */
const resent = (p: Party) => {
  const { id: _id, side: _side, sex: _s, birthDate: _b, agents: _a, ...rest } = p;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
};

describe(`H1: a save that changes nothing writes nothing (${db})`, () => {
  it('PATCH with the current facts: 200, same version, no history entry; If-Match of others still holds', async () => {
    const c = await registerCase(t, a, standardApplication());
    const before = await history(c.id);
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { facts: c.facts }).set('If-Match', `"${c.version}"`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(c.version);
    expect(r.headers.etag).toBe(`"${c.version}"`);
    expect(r.body.facts).toBe(c.facts);
    expect(await history(c.id)).toHaveLength(before.length);
    // The whole form sent back as it stands (parties without ids, as a client may): still nothing.
    const again = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, {
      facts: c.facts,
      district: c.district,
      applicants: (c.applicants as Party[]).map(resent),
      respondents: (c.respondents as Party[]).map(resent),
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.version).toBe(c.version);
    expect(again.body.applicants.map((p: Party) => p.id)).toEqual((c.applicants as Party[]).map((p) => p.id));
    expect(await history(c.id)).toHaveLength(before.length);
    // Another user's If-Match from before is still current.
    const real = await t
      .api(a.tokens.clerk)
      .patch(`/api/cases/${c.id}`, { facts: `${c.facts}补充。` })
      .set('If-Match', `"${c.version}"`);
    expect(real.status).toBe(200);
    expect(real.body.version).toBe((c.version as number) + 1);
    const entries = await history(c.id);
    expect(entries.at(-1)?.payload).toMatchObject({ fields: ['facts'] });
  });

  it('the limitation facts sent back as they stand: nothing written', async () => {
    const limitation = { knewOn: '2025-12-31', employmentStatus: 'ended', employmentEndedOn: '2025-12-31' };
    const c = await registerCase(t, a, standardApplication({ limitation }));
    const n = (await history(c.id)).length;
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { limitation, facts: c.facts });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.version).toBe(c.version);
    expect(await history(c.id)).toHaveLength(n);
  });

  it('ASSIGN_MEDIATOR of a mediator already assigned: 200, same version, no second entry', async () => {
    const { c } = await caseAt(t, a, 'accepted');
    const first = await ok(c, a.tokens.chair, 'ASSIGN_MEDIATOR', { mediatorId: a.ids.mediator });
    const n = (await history(c.id)).length;
    const again = await send(c, a.tokens.chair, 'ASSIGN_MEDIATOR', { mediatorId: a.ids.mediator });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.version).toBe(first.version);
    expect(again.body.mediators).toEqual(first.mediators);
    expect(await history(c.id)).toHaveLength(n);
  });
});

describe(`H2: parties re-sent without their ids (${db})`, () => {
  it('the same person keeps the id the record names; replacing a party an act names is 422', async () => {
    const c = await registerCase(t, a, standardApplication());
    const applicant = (c.applicants as Party[])[0] as Party;
    await ok(c, a.tokens.clerk, 'REQUEST_SUPPLEMENT', { items: ['劳动合同复印件'] }, '2026-04-02');
    const served = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'supplement_notice', partyId: applicant.id, method: 'direct' },
      '2026-04-03',
    );
    // The same applicant without id (and a new phone): kept, the phone changed — under the same id.
    const same = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [{ ...resent(applicant), phone: '13900000001' }] });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body.applicants[0].id).toBe(applicant.id);
    expect(same.body.version).toBe(served.version + 1);
    expect((await history(c.id)).at(-1)?.payload).toMatchObject({ changes: [{ field: 'applicants.0.phone' }] });
    const receipt = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/documents`, { kind: 'service_receipt', partyId: applicant.id, servedDocument: 'supplement_notice' });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    // Another person in his place: refused, naming him; nothing changed.
    const other = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [worker('李五', 456)] });
    expect(other.status, JSON.stringify(other.body)).toBe(422);
    expect(other.body.rule).toBe('party-named-by-act');
    expect(other.body.detail).toContain(applicant.name as string);
    const now = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(now.body.applicants.map((p: Party) => p.id)).toEqual([applicant.id]);
    expect(now.body.version).toBe(same.body.version);
  });

  it('a party no act names may be replaced: the history says who was removed and who added', async () => {
    const c = await registerCase(t, a, standardApplication());
    const applicant = (c.applicants as Party[])[0] as Party;
    const r = await t.api(a.tokens.clerk).patch(`/api/cases/${c.id}`, { applicants: [worker('李五', 456)] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.applicants[0].id).not.toBe(applicant.id);
    const payload = (await history(c.id)).at(-1)?.payload as { changes: Record<string, unknown>[] };
    expect(payload.changes).toEqual([
      expect.objectContaining({ field: 'applicants.0', kind: 'removed', before: applicant.name }),
      expect.objectContaining({ field: 'applicants.0', kind: 'added', after: '李五' }),
    ]);
  });
});

describe(`L2: a blank If-Match (${db})`, () => {
  it('is a 400 naming If-Match, like any other bad value', async () => {
    const c = await registerCase(t, a, standardApplication());
    for (const value of [' ', '', 'abc']) {
      const r = await request(t.app)
        .patch(`/api/cases/${c.id}`)
        .set('Authorization', `Bearer ${a.tokens.clerk}`)
        .set('If-Match', value)
        .send({ facts: `${c.facts}改` });
      expect(r.status, `If-Match ${JSON.stringify(value)}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.errors?.[0]?.path).toBe('If-Match');
      const ev = await request(t.app)
        .post(`/api/cases/${c.id}/events`)
        .set('Authorization', `Bearer ${a.tokens.clerk}`)
        .set('If-Match', value)
        .send({ type: 'REQUEST_SUPPLEMENT', items: ['劳动合同复印件'] });
      expect(ev.status, `events, If-Match ${JSON.stringify(value)}: ${JSON.stringify(ev.body)}`).toBe(400);
    }
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version).toBe(c.version);
  });
});

describe.runIf(db === 'postgres')('H3: a case row held locked elsewhere (postgres)', () => {
  it("holds up no read: another case's read answers 200 at once, and the locked case's own read answers 200", async () => {
    const locked = await registerCase(t, a, standardApplication());
    const other = await registerCase(t, a, standardApplication());
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let ready = () => {};
    const isLocked = new Promise<void>((r) => {
      ready = r;
    });
    // A second connection holds the case row FOR UPDATE (as psql did: BEGIN; SELECT … FOR UPDATE; pg_sleep).
    const holder = t.db.knex.transaction(async (trx) => {
      await trx('cases').where({ id: locked.id }).forUpdate().first('id');
      ready();
      await held;
    });
    await isLocked;
    try {
      // The locked case's read is waiting on its access-log row; the other case's read comes while it waits.
      const first = t
        .api(a.tokens.clerk)
        .get(`/api/cases/${locked.id}`)
        .then((r) => r.status);
      await new Promise((r) => setTimeout(r, 300));
      for (const token of [a.tokens.clerk, a.tokens.admin]) {
        const started = Date.now();
        const r = await t.api(token).get(`/api/cases/${other.id}`);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(Date.now() - started).toBeLessThan(2_000);
      }
      // The access log names the case without a foreign key on PostgreSQL (migration 20261216_0010): it takes no lock
      // on the case row, so even the locked case's own read is not held up.
      expect(await first).toBe(200);
      release();
    } finally {
      release();
      await holder;
    }
  }, 30_000);
});

describe(`M1: a password change while strangers guess the login (${db})`, () => {
  const login = (username: string, password: string, address: string) =>
    request(t.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
  it('the signed-in user changes the password; wrong current passwords of the session are still limited', async () => {
    await t.tokenFor('clerk', 'pw-rotator');
    const password = 'pw-rotator-password-1';
    const signedIn = await login('pw-rotator', password, '10.50.0.1');
    expect(signedIn.status).toBe(200);
    const token = signedIn.body.token as string;
    for (let i = 0; i < 5; i++) expect((await login('pw-rotator', 'wrong-password-xyz', '203.0.113.9')).status).toBe(401);
    expect((await login('pw-rotator', password, '203.0.113.9')).status).toBe(429);
    expect((await login('pw-rotator', password, '10.50.0.1')).status).toBe(200);
    const next = 'Amber-Harbor-Violin-5521';
    const changed = await t.api(token).post('/api/auth/password', { currentPassword: password, newPassword: next });
    expect(changed.status, JSON.stringify(changed.body)).toBe(204);
    // Wrong current passwords from this session: five answered, the sixth refused — even with the right one then.
    for (let i = 0; i < 5; i++) {
      const r = await t
        .api(token)
        .post('/api/auth/password', { currentPassword: 'not-the-password-0', newPassword: 'Other-Bison-Kettle-8841' });
      expect(r.status).toBe(400);
    }
    const refused = await t.api(token).post('/api/auth/password', { currentPassword: next, newPassword: 'Other-Bison-Kettle-8841' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe(`L1: court package times in China Standard Time (${db})`, () => {
  it("fileName and README.txt's 生成时间 are the commission's clock (UTC+8)", async () => {
    // 2026-04-20T18:00:00Z is 2026-04-21 02:00 in China.
    const { c, arb } = await caseAt(t, a, 'heard');
    const [wages, comp] = c.claims as { id: number }[];
    await ok(
      c,
      arb.token,
      'ISSUE_AWARD',
      {
        facts: '申请人于2023年3月入职被申请人处。',
        reasoning: '被申请人应支付拖欠工资。',
        defenseSummary: '被申请人认为已足额支付工资。',
        items: [
          { claimId: wages?.id, outcome: 'granted', amount: '12000.00' },
          { claimId: comp?.id, outcome: 'dismissed' },
        ],
      },
      '2026-04-01',
    );
    expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
    const [applicant, respondent] = [c.applicants[0]?.id, c.respondents[0]?.id];
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: applicant, method: 'direct' }, '2026-04-03');
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: respondent, method: 'direct' }, '2026-04-03');
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: applicant, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' },
      '2026-04-10',
    );
    const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = await asBytes(t.api(a.tokens.clerk).get(`/api/court-packages/${r.body.id}`));
    expect(d.headers['content-disposition']).toBe(`attachment; filename="court-package-${c.id}-${r.body.id}-20260421T020000.zip"`);
    const zip = await JSZip.loadAsync(d.body as Buffer);
    const readme = await zip.file('README.txt')?.async('string');
    expect(readme).toContain('生成时间：2026-04-21T02:00:00+08:00');
    // The signed manifest keeps the instant in UTC, as its format says.
    expect(JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}').generatedAt).toBe('2026-04-20T18:00:00.000Z');
  });
});
