/**
 * `npm run seed:demo` — fills the configured database (DATABASE_URL, default SQLite) with a realistic
 * Liaocheng dataset through the real HTTP API: one user per role with known demo passwords, and a few dozen
 * applications across the districts, at every stage of the procedure.
 *
 * Demo users (password = username + "-demo-2026"): clerk-wang, chair-zhang, arb-li, arb-zhao, arb-sun,
 * mediator-liu, analyst-chen. The admin is created as on first start (ADMIN_PASSWORD or printed).
 *
 * SEED_TODAY=YYYY-MM-DD seeds as if today were that day (the server's clock is pinned to it; tests use it to run the
 * seed on days whose dates cross holidays). The acts' days are computed on the calendar (scripts/seed-demo-dates.ts).
 */
import type { AddressInfo } from 'node:net';
import { ensureFirstAdmin } from '../app/bootstrap.ts';
import { type Clock, FixedClock, systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import type { Deps } from '../app/deps.ts';
import { sweepDeadlines } from '../app/time/sweep.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { createApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';
import { addDays, chineseDate } from '../workflows/dates.ts';
import { completeCreditCode, completeIdNumber } from '../workflows/identifiers.ts';
import { DISTRICTS } from '../workflows/reference.ts';
import { demoDates, demoReceivedOn } from './seed-demo-dates.ts';

const config = loadConfig();
const seedToday = process.env.SEED_TODAY;
if (seedToday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(seedToday)) throw new Error('SEED_TODAY must be YYYY-MM-DD');
// Noon in China (04:00 UTC) of SEED_TODAY, or the real clock.
const clock: Clock = seedToday ? new FixedClock(`${seedToday}T04:00:00Z`) : systemClock;
const db = openDatabase(config.databaseUrl);
await migrateLatest(db);
const admin = await ensureFirstAdmin(db, clock, config.adminPassword ?? 'admin-demo-2026');
if (admin.created) console.log(`created admin (password: ${config.adminPassword ? 'ADMIN_PASSWORD' : 'admin-demo-2026'})`);
const app = createApp({ db, clock, logger: createLogger('warn'), config });
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of our own API
async function call(method: string, path: string, token: string | null, body?: unknown): Promise<any> {
  const r = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = r.status === 204 ? null : await r.json();
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(json)}`);
  return json;
}
const login = async (username: string, password: string) =>
  (await call('POST', '/api/auth/login', null, { username, password })).token as string;

const adminPassword = config.adminPassword ?? 'admin-demo-2026';
const adminToken = await login('admin', adminPassword).catch(() => {
  throw new Error('cannot log in as admin: set ADMIN_PASSWORD to the admin password of this database');
});
const USERS = [
  ['clerk-wang', 'clerk', '王晓燕'],
  ['chair-zhang', 'chair', '张建国'],
  ['arb-li', 'arbitrator', '李明'],
  ['arb-zhao', 'arbitrator', '赵丽华'],
  ['arb-sun', 'arbitrator', '孙立新'],
  ['mediator-liu', 'mediator', '刘秀英'],
  ['analyst-chen', 'analyst', '陈静'],
] as const;
const existing = ((await call('GET', '/api/users?pageSize=200', adminToken)) as { items: { username: string; id: number }[] }).items;
const ids: Record<string, number> = {};
const tokens: Record<string, string> = {};
for (const [username, role, displayName] of USERS) {
  const password = `${username}-demo-2026`;
  const found = existing.find((u) => u.username === username);
  // Demo users keep the documented passwords (README): nobody has to change one to try the system.
  ids[username] = found
    ? found.id
    : (await call('POST', '/api/users', adminToken, { username, password, role, displayName, mustChangePassword: false })).id;
  tokens[username] = await login(username, password);
}

// Deterministic pseudo-random choices so that two runs produce the same kind of data.
let seed = 20261125;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '郑',
  '梁',
  '宋',
  '谢',
  '韩',
];
const GIVEN = [
  '建华',
  '秀兰',
  '志强',
  '丽娟',
  '海涛',
  '春梅',
  '国庆',
  '玉兰',
  '晓东',
  '桂英',
  '明',
  '静',
  '伟',
  '芳',
  '磊',
  '敏',
  '喆',
  '垚',
  '永军',
  '红霞',
];
const EMPLOYERS = [
  ['聊城市鲁西机械制造有限公司', '91371500MA3C7K2L12'],
  ['山东东阿阿胶物流有限公司', '91371524MA3MXX7Q1'],
  ['临清市华宇轴承有限公司', '91371581MA3NR5T82'],
  ['阳谷县祥光建筑工程有限公司', '91371521MA3P0KJ25'],
  ['冠县兴达纺织有限公司', '91371525MA3Q1W8A6'],
  ['高唐县金源食品有限公司', '91371526MA3R5TY49'],
  ['茌平区信发物业服务有限公司', '91371523MA3T2LL17'],
  ['莘县鸿运物流有限公司', '91371522MA3U8NN33'],
];
const idNumber = (region: string, birth: string, n: number) => completeIdNumber(`${region}${birth}${String(n).padStart(3, '0')}`);
const creditCode = (body: string) => completeCreditCode(body.slice(0, 17));
const REGIONS: Record<string, string> = {
  东昌府区: '371502',
  茌平区: '371523',
  临清市: '371581',
  阳谷县: '371521',
  莘县: '371522',
  东阿县: '371524',
  冠县: '371525',
  高唐县: '371526',
};

const today = clock.today();
const deps = app.locals.deps as Deps;
const calendar = await deps.calendar.get();
let created = 0;
for (let i = 0; i < 36; i++) {
  const district = DISTRICTS[i % DISTRICTS.length] as string;
  const region = REGIONS[district] ?? '371500';
  const [empName, empCode] = pick(EMPLOYERS);
  // fixD59 #3: received on a working day, as every act of the seed is dated (scripts/seed-demo-dates.ts).
  const receivedOn = demoReceivedOn(calendar, addDays(today, -(150 - i * 4)));
  const collective = i % 12 === 5;
  const nApplicants = collective ? 11 : 1 + rnd(2);
  const applicants = Array.from({ length: nApplicants }, (_, k) => ({
    kind: 'person',
    name: `${pick(SURNAMES)}${pick(GIVEN)}`,
    idNumber: idNumber(region, `19${70 + rnd(30)}0${1 + rnd(9)}1${rnd(9)}`, 100 + i * 13 + k),
    phone: `13${5 + rnd(4)}${String(10000000 + rnd(89999999)).slice(0, 8)}`,
    address: `聊城市${district}${pick(['柳园街道', '古楼街道', '新区街道', '城关镇'])}${1 + rnd(200)}号`,
  }));
  const wages = 3000 + rnd(40) * 500;
  const claims = [
    {
      category: 'wages',
      amount: `${wages}.00`,
      description: `${pick(['2026年3月至5月', '2026年1月至4月', '2025年12月至2026年2月'])}拖欠工资`,
    },
    ...(i % 3 === 0 ? [{ category: 'economic_compensation', amount: `${wages * 2}.00`, description: '违法解除劳动合同经济补偿' }] : []),
    ...(i % 5 === 0 ? [{ category: 'damages', amount: `${wages}.00`, description: '未签订书面劳动合同二倍工资差额' }] : []),
    ...(i % 7 === 0 ? [{ category: 'social_insurance', description: '补缴2025年度社会保险费' }] : []),
  ];
  const body = {
    track: i % 9 === 4 ? 'mediation' : 'arbitration',
    receivedOn,
    channel: pick(['counter', 'counter', 'online', 'post']),
    district,
    wageArrears: i % 4 === 1,
    applicants,
    respondents: [
      {
        kind: 'organization',
        name: empName,
        creditCode: creditCode(empCode as string),
        legalRepresentative: `${pick(SURNAMES)}${pick(GIVEN)}`,
        address: `聊城市${district}工业园区${1 + rnd(50)}号`,
      },
    ],
    claims,
    facts: `申请人于${2018 + rnd(7)}年入职被申请人处从事${pick(['操作工', '司机', '仓库管理员', '保洁员', '焊工'])}工作，被申请人拖欠工资至今未付。`,
  };
  const token = body.track === 'mediation' ? tokens['mediator-liu'] : tokens['clerk-wang'];
  const c = await call('POST', '/api/cases', token as string, body);
  created++;
  const on = demoDates(calendar, deps.periods, receivedOn);
  if (body.track === 'mediation') {
    if (i % 2 === 0)
      await call('POST', `/api/cases/${c.id}/events`, tokens['mediator-liu'] as string, {
        type: 'MEDIATION_AGREED',
        terms: '被申请人于十日内支付拖欠工资',
        occurredOn: on.agreedOn,
      });
    continue;
  }
  const stage = i % 6;
  const ev = async (who: string, type: string, on: string, extra: Record<string, unknown> = {}) =>
    call('POST', `/api/cases/${c.id}/events`, tokens[who] as string, { type, occurredOn: on, ...extra });
  if (stage === 0) continue; // awaiting the acceptance decision
  if (i % 17 === 3) {
    await ev('clerk-wang', 'REJECT', on.rejectOn, { reason: '申请人与被申请人之间不存在劳动关系争议，不属于受案范围' });
    continue;
  }
  // sec51 M1: an acceptance recorded in a later year than it was made numbers the case in its year — the clerk confirms it
  // (SEED_TODAY early in January; LDMAL Art. 29; Rules Art. 30).
  await ev('clerk-wang', 'ACCEPT', on.acceptOn, on.acceptOn.slice(0, 4) < today.slice(0, 4) ? { earlierYear: true } : {});
  if (on.respondNoticeOn <= today)
    await ev('clerk-wang', 'SERVE', on.respondNoticeOn, {
      document: 'respond_notice',
      partyId: c.respondents[0].id,
      method: 'post',
      servedOn: on.respondNoticeOn,
    });
  if (stage === 1) continue;
  const arbitrators = collective
    ? [ids['arb-li'], ids['arb-zhao'], ids['arb-sun']]
    : [pick([ids['arb-li'], ids['arb-zhao'], ids['arb-sun']])];
  if (on.tribunalOn > today) continue;
  await ev('chair-zhang', 'FORM_TRIBUNAL', on.tribunalOn, { arbitratorIds: arbitrators, presidingId: arbitrators[0] });
  // The written notice of the tribunal's composition, served on every party (LDMAL Art. 32).
  if (on.tribunalNoticeOn <= today) {
    for (const p of [...c.applicants, ...c.respondents])
      await ev('clerk-wang', 'SERVE', on.tribunalNoticeOn, { document: 'tribunal_notice', partyId: p.id, method: 'direct' });
  }
  const arb = Object.keys(ids).find((k) => ids[k] === arbitrators[0]) as string;
  if (stage === 2 || on.scheduleOn > today) continue;
  const hearingOn = on.hearingOn;
  await ev(arb, 'SCHEDULE_HEARING', on.scheduleOn, { hearingOn, place: pick(['第一仲裁庭', '第二仲裁庭', '第三仲裁庭']) });
  // The written hearing notice, served on every party well ahead (LDMAL Art. 35) — a default award rests on it (Art. 36).
  if (on.hearingNoticeOn <= today) {
    for (const p of [...c.applicants, ...c.respondents])
      await ev('clerk-wang', 'SERVE', on.hearingNoticeOn, { document: 'hearing_notice', partyId: p.id, method: 'direct' });
  }
  if (stage === 3 || hearingOn > today) continue;
  await ev(arb, 'HOLD_HEARING', hearingOn, { applicantPresent: true, respondentPresent: i % 10 !== 7 });
  if (stage === 4) {
    await ev(arb, 'START_MEDIATION', hearingOn);
    // docs55 L2: the agreement as a 调解书 states it (LDMAL Art. 42) — the day in Chinese, each payee by name.
    const payees = c.applicants.map((p: { name: string }) => p.name);
    await ev(arb, 'MEDIATION_AGREED', hearingOn, {
      terms: `被申请人于${chineseDate(addDays(hearingOn, 10))}前向申请人${payees.join('、')}支付拖欠工资${payees.length > 1 ? '共计' : ''}${wages}元`,
    });
    // med51 H1 (LDMAL Art. 42(3); Rules Art. 77): the tribunal issues the 调解书 before the parties sign for it.
    if (on.signOn <= today) await call('POST', `/api/cases/${c.id}/documents`, tokens[arb] as string, { kind: 'mediation_document' });
    for (const p of [...c.applicants, ...c.respondents])
      if (on.signOn <= today) await ev('clerk-wang', 'SIGN_MEDIATION_DOCUMENT', on.signOn, { partyId: p.id });
    continue;
  }
  const awardOn = on.awardOn;
  if (awardOn > today) continue;
  await ev(arb, 'ISSUE_AWARD', awardOn, {
    items: c.claims.map((cl: { id: number; amount: string | null }, k: number) => ({
      claimId: cl.id,
      outcome: k === 0 ? 'granted' : 'partly',
      ...(cl.amount ? { amount: k === 0 ? cl.amount : (Number(cl.amount) / 2).toFixed(2) } : {}),
    })),
    facts: '经审理查明，申请人在被申请人处工作期间，被申请人未足额支付劳动报酬。',
    reasoning: '本委认为，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
  });
}
// Today's deadline sweep, as the server's scheduler would run it: overdue marks and the award-clock alerts (the
// header's 审限提醒 shows what the sweep recorded).
const swept = await sweepDeadlines(deps, clock.today());
server.close();
await db.close();
console.log(`deadline sweep: ${swept.alertsRecorded} award-clock alerts recorded`);
console.log(`seeded ${created} applications and ${USERS.length} demo users into ${config.databaseUrl}`);
