import crypto from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../app/users/known-addresses.ts';
import * as longNumbers from '../../db/migrations/20261208_0010_search_text_long_numbers.ts';
import { completeIdNumber } from '../../workflows/identifiers.ts';
import { startTestApp } from '../helpers/app.ts';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { application, worker } from '../helpers/fixtures.ts';

/**
 * An outside security tester's findings (sec46): H1 an identity number followed at once by x/X masked nowhere and let
 * through by the name rules; L2 failed-login counters stored under an unkeyed hash of the address and the username;
 * L3 a mobile after a trunk 0, the Roman numeral ten, 15-digit identity numbers; L4 line breaks in names.
 */
const { t, a } = apiSuite();

const ID = completeIdNumber('37150219900101123');
const MASKED = `${ID.slice(0, 4)}**********${ID.slice(-4)}`;
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe(`H1: an identity number followed by x (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('never reaches a masked reader, an analyst or a problem instance in full', async () => {
    expect(ID).toBe('371502199001011234');
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const other = a.arbitrators[1] as { id: number; token: string };
    const { ok } = caseEvents(() => t);
    await ok(c, arb.token, 'START_MEDIATION', {
      note: `申请人idno${ID}x，身份证${ID}X有误，又写作${fullWidth(ID)}ｘ、NO.${ID}xyz、${ID.slice(0, 16)} ${ID.slice(16)}x`,
    });
    for (const token of [other.token, a.tokens.analyst]) {
      for (const url of [`/api/cases/${c.id}`, `/api/cases/${c.id}/events`]) {
        const r = await t.api(token).get(url);
        if (r.status !== 200) continue;
        const text = JSON.stringify(r.body);
        expect(text, url).not.toContain(ID);
        expect(text, url).not.toContain(fullWidth(ID));
        expect(text, url).not.toContain(ID.slice(0, 16));
      }
    }
    const history = JSON.stringify((await t.api(other.token).get(`/api/cases/${c.id}/events`)).body);
    expect(history).toContain(`idno${MASKED}x`);
    expect(history).toContain(`身份证${MASKED}X有误`);
    expect(history).toContain(`NO.${MASKED}xyz`);

    const missing = await t.api(a.tokens.clerk).get(`/api/cases/${ID}X`);
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(missing.body)).not.toContain(ID);
    expect(missing.body.instance).toContain(MASKED);
  });

  it('stored in a name before the rule: masked in the list and in the views of an analyst and a masked reader', async () => {
    const c = (await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker('孙八', 461)] }))).body;
    const NAME = `张三${ID}X`;
    await t.db.knex('parties').where({ id: c.applicants[0]?.id }).update({ name: NAME });
    const list = await t.api(a.tokens.clerk).get('/api/cases?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.items.find((x: { id: number }) => x.id === c.id)?.applicantNames).toEqual([`张三${MASKED}X`]);
    expect(JSON.stringify(list.body)).not.toContain(ID);
    for (const token of [a.tokens.analyst, (a.arbitrators[1] as { token: string }).token]) {
      const view = await t.api(token).get(`/api/cases/${c.id}`);
      expect(view.status).toBe(200);
      expect(view.body.readLevel).not.toBe('full');
      expect(JSON.stringify(view.body)).not.toContain(ID);
      expect(view.body.applicants[0].name).toBe(`张三${MASKED}X`);
    }
  });

  it('the upgrade writes the search text of such names stored before again: no longer found by a few of their digits', async () => {
    const found = async (q: string) =>
      ((await t.api(a.tokens.analyst).get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=200`)).body.items as { id: number }[]).some(
        (x) => x.id === c.id,
      );
    const c = (await t.api(a.tokens.clerk).post('/api/cases', application({ applicants: [worker('孙九', 462)] }))).body;
    const names = [`张三${ID}X`, '李四370102800101123', '王五0139 1234 5678', `赵六${ID.slice(0, 17)}Ⅹ`];
    // As a version before sec46 stored them: the names as typed, the search text holding their digits.
    await t.db
      .knex('parties')
      .where({ id: c.applicants[0]?.id })
      .update({ name: names.join('') });
    await t.db
      .knex('cases')
      .where({ id: c.id })
      .update({ search_text: `\u0001${names.join('')}\u0001聊城某某机械有限公司` });
    // A role that may not search by identity number finds nothing by six digits in a row; five or fewer it did find.
    for (const q of [ID.slice(6, 11), '80010', '39 12']) expect(await found(q), q).toBe(true);
    await longNumbers.up(t.db.knex);
    const stored = (await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text as string;
    expect(stored).toBe(
      `\u0001张三${ID.slice(0, 4)}${'*'.repeat(11)}${ID.slice(15)}X李四3701${'*'.repeat(7)}1123王五0139 **** 5678赵六${ID.slice(0, 4)}${'*'.repeat(10)}${ID.slice(14, 17)}Ⅹ\u0001聊城某某机械有限公司`,
    );
    for (const q of [ID.slice(6, 11), '80010', '39 12']) expect(await found(q), q).toBe(false);
    expect(await found('张三')).toBe(true);
    // Once more changes nothing; a search text without long runs is left alone.
    await longNumbers.up(t.db.knex);
    expect((await t.db.knex('cases').where({ id: c.id }).first('search_text')).search_text).toBe(stored);
    expect(longNumbers.maskLongRuns('聊城市某某有限公司（2026）第12号')).toBe('聊城市某某有限公司（2026）第12号');
  });

  it('is refused in a party name and a staff name, 400 naming the field', async () => {
    const clerk = t.api(a.tokens.clerk);
    for (const name of [`张三${ID}X`, `张三${fullWidth(ID)}ｘ`, `NO.${ID}xyz`, `${ID.slice(0, 16)} ${ID.slice(16)}x`]) {
      const r = await clerk.post('/api/cases', application({ applicants: [worker(name)] }));
      expect(r.status, name).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.body.errors), name).toContain('applicants.0.name');
      expect(JSON.stringify(r.body), name).not.toContain(ID);
    }
    const r = await t
      .api(t.adminToken)
      .post('/api/users', { username: 'staff-h1', password: 'Staff-H1-password-2026', role: 'clerk', displayName: `李${ID}X` });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toContain('displayName');
  });
});

describe(`L3: a trunk 0, the Roman numeral ten, a 15-digit identity number (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('are refused in names and masked in a masked reader\u2019s history', async () => {
    const clerk = t.api(a.tokens.clerk);
    for (const name of ['张三 0139 1234 5678', '张三11010519491231002Ⅹ', '张三370102800101123']) {
      const r = await clerk.post('/api/cases', application({ applicants: [worker(name)] }));
      expect(r.status, name).toBe(400);
      expect(JSON.stringify(r.body.errors), name).toContain('applicants.0.name');
    }
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    const other = a.arbitrators[1] as { id: number; token: string };
    const { ok } = caseEvents(() => t);
    await ok(c, arb.token, 'START_MEDIATION', { note: '电话：0139 1234 5678，身份证11010519491231002Ⅹ，旧身份证370102800101123' });
    const history = JSON.stringify((await t.api(other.token).get(`/api/cases/${c.id}/events`)).body);
    expect(history).toContain('0139 **** 5678');
    expect(history).toContain('1101**********002Ⅹ');
    expect(history).toContain('3701*******1123');
    expect(history).not.toContain('11010519491231002');
    expect(history).not.toContain('370102800101123');
  });
});

describe(`L4: control characters in names (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('a party\u2019s, an agent\u2019s, a legal representative\u2019s and a staff name: 400 naming the field', async () => {
    const clerk = t.api(a.tokens.clerk);
    const cases: [Record<string, unknown>, string][] = [
      [{ applicants: [worker('张三\n<script>alert(1)</script>')] }, 'applicants.0.name'],
      [{ applicants: [worker('张\r三')] }, 'applicants.0.name'],
      [{ applicants: [worker('张\t三')] }, 'applicants.0.name'],
      [{ applicants: [worker('张\u2028三')] }, 'applicants.0.name'],
      [{ applicants: [worker('张\u0085三')] }, 'applicants.0.name'],
      [
        { applicants: [{ ...worker('张三'), agents: [{ name: '李\u2029四', kind: 'lawyer', unit: '某律师事务所' }] }] },
        'applicants.0.agents.0.name',
      ],
      [
        { respondents: [{ kind: 'organization', name: '某公司', creditCode: '91371500MA3C7K2L12', legalRepresentative: '李\n四' }] },
        'respondents.0.legalRepresentative',
      ],
    ];
    for (const [over, field] of cases) {
      const r = await clerk.post('/api/cases', application(over));
      expect(r.status, field).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(r.body.errors), JSON.stringify(over)).toContain(`"${field}"`);
    }
    // Free text keeps its line breaks.
    expect((await clerk.post('/api/cases', application({ facts: '第一段。\n第二段。' }))).status).toBe(201);
    expect((await clerk.post('/api/cases', application({ applicants: [worker('张三 ')] }))).status).toBe(201);
    const admin = t.api(t.adminToken);
    for (const displayName of ['王五\n<b>', '王\t五', '王\u2028五', '王\u009b五']) {
      const r = await admin.post('/api/users', { username: 'staff-l4c', password: 'Staff-L4c-password-2026', role: 'clerk', displayName });
      expect(r.status, JSON.stringify(displayName)).toBe(400);
      expect(JSON.stringify(r.body.errors)).toContain('displayName');
    }
    const created = await admin.post('/api/users', {
      username: 'staff-l4c',
      password: 'Staff-L4c-password-2026',
      role: 'clerk',
      displayName: '王五',
    });
    expect(created.status).toBe(201);
    const patched = await admin.patch(`/api/users/${created.body.id}`, { displayName: '王五\r\n二组' });
    expect(patched.status).toBe(400);
    expect(JSON.stringify(patched.body.errors)).toContain('displayName');
  });
});

describe(`L2: failed-login counters under a keyed hash (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  /** The throttle rows of one failed login through `app`, and the two forms its keys could take. */
  async function failedLogin(app: typeof t, address: string, username: string) {
    const r = await request(app.app)
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ username, password: 'wrong-password-xyz' });
    expect(r.status).toBe(401);
    return (
      (await app.db.knex('throttle_events').whereIn('bucket', ['login.address', 'login.account']).select('key_hash')) as {
        key_hash: string;
      }[]
    ).map((x) => x.key_hash);
  }
  const sha = (bucket: string, key: string) => crypto.createHash('sha256').update(`${bucket}\u0000${key}`).digest('hex');

  it('with LOGIN_ADDRESS_KEY, the address and the typed username are stored as an HMAC under it', async () => {
    const KEY = 'login-address-key-for-sec46-tests-0123456789';
    const keyed = await startTestApp({ env: { LOGIN_ADDRESS_KEY: KEY } });
    try {
      const hashes = await failedLogin(keyed, '10.46.7.2', 'ghost-user-46b');
      const hmac = (bucket: string, key: string) => crypto.createHmac('sha256', KEY).update(`${bucket}\u0000${key}`).digest('hex');
      expect(hashes).toContain(hmac('login.address', '10.46.7.2'));
      expect(hashes).toContain(hmac('login.account', 'ghost-user-46b'));
      expect(hashes).not.toContain(sha('login.address', '10.46.7.2'));
    } finally {
      await keyed.close();
    }
  });

  it('without it, an unkeyed hash every process on the database shares — never the per-host key file (reviewer s46 H1)', async () => {
    const hashes = await failedLogin(t, '10.46.7.1', 'ghost-user-46');
    expect(hashes).toContain(sha('login.address', '10.46.7.1'));
    expect(hashes).toContain(sha('login.account', 'ghost-user-46'));
    const perHost = (bucket: string, key: string) =>
      crypto.createHmac('sha256', addressKey(t.config)).update(`${bucket}\u0000${key}`).digest('hex');
    expect(hashes).not.toContain(perHost('login.address', '10.46.7.1'));
  });
});
