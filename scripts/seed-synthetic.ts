/**
 * `npm run seed:synthetic -- --cases 1000000 [--from-year 2019] [--seed 7] [--today 2026-11-25]`
 *
 * A realistic multi-year, multi-district history for statistics and benchmarks, written through a bulk path
 * (multi-row inserts in large transactions) instead of one HTTP request per act. Every case is driven through the
 * real statechart (startCase / computeFacts / applyEvent, award finality by classifyAward), so `cases.state` and
 * the snapshot agree; the statistics projection is built by the same statFacts/contributions functions the API
 * uses, one row version per act that changes a statistical fact, stamped with the act's recording time.
 * Differences from the API, on purpose: history entries carry a compact `after` ({state, synthetic: true})
 * instead of the full before/after case views; deadlines are materialized for open cases only (the daily sweep
 * fills the rest); no documents. Counters are summed in memory and written once at the end.
 *
 * Target database: DATABASE_URL (default SQLite data/zhongcai.sqlite). Adds to what is there.
 */
import type { Knex } from 'knex';
import { transition } from 'xstate';
import { ensureFirstAdmin } from '../app/bootstrap.ts';
import { cstDate, systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { createDeps } from '../app/deps.ts';
import { hashPassword } from '../app/passwords.ts';
import { eventHash } from '../db/history-chain.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { partyRow, searchText, toRow } from '../db/stores/cases.ts';
import { deadlineRows } from '../db/stores/deadlines.ts';
import { rowFromFacts } from '../db/stores/stats.ts';
import { createLogger } from '../server/logger.ts';
import { caseMachine } from '../workflows/case-machine.ts';
import { formatCaseNo } from '../workflows/case-number.ts';
import { addDays } from '../workflows/dates.ts';
import { awardClock, computeDeadlines, computeFacts } from '../workflows/deadlines.ts';
import { classifyAward } from '../workflows/finality.ts';
import { completeCreditCode, completeIdNumber, formatMoney } from '../workflows/identifiers.ts';
import { leafState, persist, restore, type Snapshot, startCase } from '../workflows/procedure.ts';
import type { EventType } from '../workflows/procedure-types.ts';
import { type ClaimCategory, DISTRICTS } from '../workflows/reference.ts';
import { checkRules } from '../workflows/rules.ts';
import { type Contribution, contributions, type StatFacts, sameFacts, statFacts } from '../workflows/stat-facts.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const N = Number(args.get('cases') ?? 100_000);
const FROM_YEAR = Number(args.get('from-year') ?? 2019);
const TODAY = args.get('today') ?? systemClock.today();
let seed = Number(args.get('seed') ?? 7);
if (!Number.isInteger(N) || N <= 0) throw new Error('--cases must be a positive integer');

// mulberry32: a small deterministic generator, so a seed reproduces the same history.
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
function weighted<T>(items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r <= 0) return v;
  }
  return (items.at(-1) as [T, number])[0];
}

const config = loadConfig();
const db = openDatabase(config.databaseUrl);
await migrateLatest(db);
await ensureFirstAdmin(db, systemClock, config.adminPassword ?? 'admin-demo-2026');
const deps = createDeps({ db, clock: systemClock, logger: createLogger('warn'), config });
const knex = db.knex;
const isPg = knex.client.config.client === 'pg';
// Bulk load on SQLite: a bigger page cache, and no fsync per transaction (a crash mid-seed means seeding again).
if (!isPg) await knex.raw('PRAGMA synchronous = OFF').then(() => knex.raw('PRAGMA cache_size = -262144'));

// Synthetic staff: a clerk, a mediator and 24 arbitrators (password = username + "-demo-2026").
async function user(username: string, displayName: string, role: 'clerk' | 'mediator' | 'arbitrator' | 'chair'): Promise<number> {
  const found = await knex('users').where({ username }).first();
  if (found) return Number(found.id);
  const u = await deps.stores.users.create(
    { username, displayName, role, passwordHash: await hashPassword(`${username}-demo-2026`) },
    new Date().toISOString(),
  );
  return u.id;
}
const clerkId = await user('syn-clerk', '合成数据书记员', 'clerk');
const chairId = await user('syn-chair', '合成数据主任', 'chair');
const mediatorId = await user('syn-mediator', '合成数据调解员', 'mediator');
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文博宇轩浩然子涵欣怡梓萱俊杰晓东海燕红梅玉兰春生';
const personName = () =>
  `${SURNAMES[int(0, SURNAMES.length - 1)]}${GIVEN[int(0, GIVEN.length - 1)]}${rand() < 0.6 ? GIVEN[int(0, GIVEN.length - 1)] : ''}`;
const arbitrators: number[] = [];
for (let i = 1; i <= 24; i++) arbitrators.push(await user(`syn-arb-${i}`, `${SURNAMES[i]}仲裁员`, 'arbitrator'));
const actorName = new Map<number, string>([
  [clerkId, '合成数据书记员'],
  [chairId, '合成数据主任'],
  [mediatorId, '合成数据调解员'],
]);
for (const [i, id] of arbitrators.entries()) actorName.set(id, `${SURNAMES[i + 1]}仲裁员`);

const cal = await deps.calendar.get();
const wages = new Map<string, { monthlyFen: number; district: string; effectiveFrom: string; confirmed: boolean; source: string }>();
for (const d of DISTRICTS) {
  const w = await deps.stores.reference.minimumWageOn(knex, d, '2026-01-01');
  if (w) wages.set(d, w);
}

const maxId = async (table: string) => Number((await knex(table).max('id as m').first())?.m ?? 0);
let caseId = await maxId('cases');
let partyId = await maxId('parties');
let claimId = await maxId('claims');
const serials = new Map<number, number>();
for (const r of await knex('case_number_counters').select()) serials.set(Number(r.year), Number(r.last_serial));

// Districts weighted by size; cases grow ~12 % a year; 8 % of applications go to pre-arbitration mediation.
const DISTRICT_WEIGHTS: [string, number][] = DISTRICTS.map((d, i) => [d, [30, 12, 12, 10, 11, 7, 9, 8, 14, 6, 2][i] ?? 5]);
const CATEGORY_WEIGHTS: [ClaimCategory, number][] = [
  ['wages', 46],
  ['economic_compensation', 16],
  ['damages', 7],
  ['social_insurance', 9],
  ['work_injury_medical', 6],
  ['labor_standards', 4],
  ['confirm_relationship', 6],
  ['contract', 4],
  ['other', 2],
];
const startDay = `${FROM_YEAR}-01-01`;
const span = Math.round((Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)) / 86_400_000);
function receivedDay(): string {
  // Inverse-CDF of an exponential growth (12 %/year) over the span.
  const g = Math.log(1.12) / 365;
  const u = rand();
  const x = Math.log(1 + u * (Math.exp(g * span) - 1)) / g;
  return addDays(startDay, Math.min(span - 1, Math.floor(x)));
}

interface Act {
  type: EventType;
  on: string;
  actor: number;
  role: string;
  payload: Record<string, unknown>;
}

type Rows = Record<string, Record<string, unknown>[]>;
const counters = new Map<string, Contribution & { rec: string }>();
const cstDay = (iso: string) => cstDate(new Date(iso));

function addCounters(f: StatFacts, sign: 1 | -1, rec: string) {
  for (const c of contributions(f)) {
    const k = `${c.dim}\u0000${c.key}\u0000${c.day}\u0000${rec}`;
    let cur = counters.get(k);
    if (!cur) {
      cur = { ...c, m: {}, rec };
      counters.set(k, cur);
    }
    for (const [name, v] of Object.entries(c.m)) cur.m[name as keyof typeof c.m] = (cur.m[name as keyof typeof c.m] ?? 0) + sign * v;
  }
}

function oneCase(out: Rows): void {
  const id = ++caseId;
  const track: 'mediation' | 'arbitration' = rand() < 0.08 ? 'mediation' : 'arbitration';
  const district = weighted(DISTRICT_WEIGHTS);
  const received = receivedDay();
  const collective = track === 'arbitration' && rand() < 0.01;
  const workers = collective ? int(10, 30) : 1;
  const wageArrears = rand() < 0.22;
  const parties = [
    ...Array.from({ length: workers }, () => {
      const birth = `${int(1965, 2004)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`;
      return {
        id: ++partyId,
        side: 'applicant' as const,
        kind: 'person' as const,
        name: personName(),
        idNumber: completeIdNumber(`371502${birth}${String(int(1, 999)).padStart(3, '0')}`),
        sex: null,
        birthDate: null,
        ethnicity: null,
        phone: `13${int(100000000, 999999999)}`,
        address: `聊城市${district}`,
        creditCode: null,
        legalRepresentative: null,
        legalRepresentativeTitle: null,
        agents: [],
      };
    }),
    {
      id: ++partyId,
      side: 'respondent' as const,
      kind: 'organization' as const,
      name: `聊城${['宏达', '鲁西', '华信', '东方', '金科', '顺通', '恒泰', '阳光'][int(0, 7)]}${['机械', '纺织', '建筑', '物流', '食品', '化工'][int(0, 5)]}有限公司`,
      idNumber: null,
      sex: null,
      birthDate: null,
      ethnicity: null,
      phone: null,
      address: `聊城市${district}`,
      creditCode: completeCreditCode(`9137150${String(int(0, 9999999999)).padStart(10, '0')}`),
      legalRepresentative: personName(),
      legalRepresentativeTitle: '总经理',
      agents: [],
    },
  ];
  const nClaims = weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ]);
  const claims = Array.from({ length: nClaims }, (_, i) => {
    const category = i === 0 && wageArrears ? 'wages' : weighted(CATEGORY_WEIGHTS);
    const amountFen = category === 'confirm_relationship' ? null : int(800, 120_000) * 100;
    return { id: ++claimId, seq: i + 1, category, amountFen, description: `第${i + 1}项请求` };
  });
  const input = {
    track,
    procedure: 'ordinary' as const,
    collective,
    wageArrears,
    receivedOn: received,
    parties: parties.map((p) => ({ id: p.id, side: p.side, kind: p.kind })),
    claims: claims.map((c) => ({ id: c.id, category: c.category })),
  };
  const src = { track, district, receivedOn: received, collective, wageArrears, parties, claims } as const;

  // The path this case takes, as acts on days (stopped at TODAY: later acts have not happened yet).
  const acts: Act[] = [];
  const A = (type: EventType, on: string, actor: number, role: string, payload: Record<string, unknown> = {}) =>
    acts.push({ type, on, actor, role, payload });
  const arb = arbitrators[int(0, arbitrators.length - 1)] as number;
  if (track === 'mediation') {
    const end = addDays(received, int(3, 16));
    if (rand() < 0.62) A('MEDIATION_AGREED', end, mediatorId, 'mediator', { terms: '双方达成调解协议' });
    else A('MEDIATION_FAILED', end, mediatorId, 'mediator', { reason: '调解不成' });
  } else {
    const path = weighted([
      ['rejected', 4],
      ['withdrawnEarly', 2],
      ['mediation', 44],
      ['award', 37],
      ['withdrawn', 10],
      ['deemed', 3],
    ] as [string, number][]);
    const acc = addDays(received, int(1, 5));
    if (path === 'rejected') A('REJECT', acc, clerkId, 'clerk', { reason: '不属于劳动人事争议仲裁受案范围' });
    else if (path === 'withdrawnEarly') A('WITHDRAW', acc, clerkId, 'clerk', { reason: '申请人撤回申请' });
    else {
      A('ACCEPT', acc, clerkId, 'clerk');
      if (path === 'mediation') {
        const s = addDays(acc, int(3, 30));
        A('START_MEDIATION', s, mediatorId, 'mediator');
        A('MEDIATION_AGREED', s, mediatorId, 'mediator', { terms: '被申请人支付申请人款项' });
        const sign = addDays(s, int(0, 6));
        // Every party signs for the mediation document (it takes effect on the last signature).
        for (const p of parties) A('SIGN_MEDIATION_DOCUMENT', sign, clerkId, 'clerk', { partyId: p.id, signedOn: sign });
      } else if (path === 'withdrawn') {
        A('WITHDRAW', addDays(acc, int(3, 40)), clerkId, 'clerk', { reason: '双方和解' });
      } else {
        const formed = addDays(acc, int(1, 8));
        // Collective disputes are heard by three arbitrators (Rules Art. 66).
        const panel = collective ? [arb, ...arbitrators.filter((x) => x !== arb).slice(0, 2)] : [arb];
        A('FORM_TRIBUNAL', formed, chairId, 'chair', { arbitratorIds: panel, presidingId: arb });
        const hearing = addDays(formed, int(16, 30));
        A('SCHEDULE_HEARING', formed, arb, 'arbitrator', { hearingOn: hearing, place: '第一仲裁庭' });
        for (const p of parties)
          A('SERVE', addDays(formed, 1), clerkId, 'clerk', { document: 'hearing_notice', partyId: p.id, method: 'direct' });
        A('HOLD_HEARING', hearing, arb, 'arbitrator', { applicantPresent: path !== 'deemed', respondentPresent: rand() < 0.9 });
        if (path === 'deemed') A('DEEM_WITHDRAWN', hearing, arb, 'arbitrator', { reason: '申请人无正当理由拒不到庭' });
        else {
          const awardOn = addDays(
            hearing,
            weighted([
              [int(1, 15), 80],
              [int(16, 45), 20],
            ] as [number, number][]),
          );
          const items = claims.map((c) => {
            const outcome = weighted([
              ['granted', 45],
              ['partly', 35],
              ['dismissed', 20],
            ] as ['granted' | 'partly' | 'dismissed', number][]);
            const amountFen =
              outcome === 'dismissed' || c.amountFen === null ? null : outcome === 'granted' ? c.amountFen : Math.round(c.amountFen * 0.6);
            return { claimId: c.id, category: c.category, outcome, amountFen };
          });
          A('ISSUE_AWARD', awardOn, arb, 'arbitrator', { items });
        }
      }
    }
  }

  let snap: Snapshot = restore(startCase(input));
  let state = leafState(snap.value);
  let recordedAt = `${received}T02:00:00.000Z`;
  const stamp = (on: string) => {
    const rec = addDays(
      on,
      weighted([
        [0, 85],
        [1, 10],
        [int(2, 5), 5],
      ] as [number, number][]),
    );
    const iso = `${rec > TODAY ? TODAY : rec}T0${int(1, 8)}:${String(int(10, 59))}:00.000Z`;
    recordedAt = iso > recordedAt ? iso : recordedAt;
    return recordedAt;
  };
  const events: Record<string, unknown>[] = [];
  let seq = 0;
  const registeredAt = stamp(received);
  events.push({
    case_id: id,
    seq: ++seq,
    type: 'REGISTER',
    occurred_on: received,
    recorded_at: registeredAt,
    actor_id: clerkId,
    actor_role: 'clerk',
    actor_name: actorName.get(clerkId),
    payload: JSON.stringify({ channel: 'counter', track }),
    state_before: null,
    state_after: state,
    before: null,
    after: JSON.stringify({ state, synthetic: true }),
  });
  const versions: { facts: StatFacts; at: string }[] = [];
  const project = (at: string, today: string) => {
    const ctx = snap.context;
    let due: string | null = null;
    try {
      // As computeDeadlines does: a closed case's clock is read on its closing day.
      due = awardClock(ctx, cal, deps.periods, ctx.closure?.closedOn ?? today)?.dueOn ?? null;
    } catch {
      due = null;
    }
    const f = statFacts({ ...src, claims }, ctx, due);
    const last = versions.at(-1);
    if (last && sameFacts(last.facts, f)) return;
    versions.push({ facts: f, at });
  };
  project(registeredAt, received);
  let acceptedOn: string | null = null;
  let caseNo: string | null = null;
  let caseYear: number | null = null;
  let caseSerial: number | null = null;
  for (const a of acts) {
    if (a.on > TODAY) break;
    let payload = a.payload;
    if (a.type === 'ISSUE_AWARD') {
      const w = wages.get(district);
      if (!w) break;
      const r = classifyAward(
        payload.items as never,
        w.monthlyFen,
        claims.map((c) => c.category),
        {
          confirmRelationshipMakesCaseNonFinal: config.confirmRelationshipNonFinal,
        },
      );
      const raw = payload.items as { claimId: number; outcome: string; amountFen: number | null }[];
      payload = {
        items: raw.map((i) => ({
          claimId: i.claimId,
          outcome: i.outcome,
          ...(i.amountFen === null ? {} : { amount: formatMoney(i.amountFen) }),
        })),
        award: {
          items: r.items.map((x) => ({ ...x, amount: x.amountFen === null ? null : formatMoney(x.amountFen), paymentDays: null })),
          finality: r.finality,
          issuedOn: a.on,
          minimumWage: {
            district,
            monthly: formatMoney(w.monthlyFen),
            effectiveFrom: w.effectiveFrom,
            confirmed: w.confirmed,
            source: w.source,
          },
          thresholdAmount: formatMoney(r.thresholdFen),
          defaultAward: false,
        },
        facts: '经审理查明……（合成数据）',
        reasoning: '本委认为……（合成数据）',
      };
    }
    const { facts } = computeFacts(snap.context, { type: a.type, occurredOn: a.on, payload }, cal, deps.periods);
    // applyEvent without its list of allowed events (probing all 34 types is only needed to explain a refusal).
    const ev = { type: a.type, occurredOn: a.on, payload, facts };
    const violation = checkRules(snap.context, ev);
    if (violation || !snap.can(ev)) {
      if (process.env.SEED_DEBUG) console.error(a.type, a.on, violation?.rule ?? 'not allowed');
      break; // a rule refused (e.g. a collective case needs three arbitrators): the case stays where it is
    }
    const before = state;
    [snap] = transition(caseMachine, snap, ev);
    state = leafState(snap.value);
    const at = stamp(a.on);
    if (a.type === 'ACCEPT') {
      acceptedOn = a.on;
      caseYear = Number(a.on.slice(0, 4));
      caseSerial = (serials.get(caseYear) ?? 0) + 1;
      serials.set(caseYear, caseSerial);
      caseNo = formatCaseNo(config.caseNoPrefix, caseYear, caseSerial);
    }
    if (a.type === 'FORM_TRIBUNAL') {
      for (const u of a.payload.arbitratorIds as number[]) out.case_arbitrators?.push({ case_id: id, user_id: u, presiding: u === arb });
    }
    events.push({
      case_id: id,
      seq: ++seq,
      type: a.type,
      occurred_on: a.on,
      recorded_at: at,
      actor_id: a.actor,
      actor_role: a.role,
      actor_name: actorName.get(a.actor),
      payload: JSON.stringify(Object.keys(facts).length ? { ...payload, facts } : payload),
      state_before: before,
      state_after: state,
      before: null,
      after: JSON.stringify({ state, synthetic: true }),
    });
    project(at, a.on);
  }
  const ctx = snap.context;
  const persisted = persist(snap);
  out.cases?.push({
    id,
    ...toRow({
      track,
      state,
      receivedOn: received,
      postmarkOn: null,
      channel: 'counter',
      district,
      facts: '（合成数据）',
      procedure: ctx.procedure,
      collective,
      wageArrears,
      caseNo,
      caseYear,
      caseSerial,
      acceptedOn,
      closureMode: ctx.closure?.mode ?? null,
      closedOn: ctx.closure?.closedOn ?? null,
      finality: ctx.award?.finality ?? null,
      snapshot: persisted,
      machineVersion: persisted.machineVersion,
      limitation: null,
    }),
    version: seq,
    created_by: clerkId,
    created_at: registeredAt,
    updated_at: recordedAt,
    search_text: searchText(caseNo, parties),
  });
  const seqBySide = new Map<string, number>();
  for (const p of parties) {
    const s = (seqBySide.get(p.side) ?? 0) + 1;
    seqBySide.set(p.side, s);
    out.parties?.push({ id: p.id, ...partyRow(id, p, s) });
  }
  for (const c of claims)
    out.claims?.push({ id: c.id, case_id: id, seq: c.seq, category: c.category, amount_fen: c.amountFen, description: c.description });
  // The history is a hash chain (db/history-chain.ts): each row carries the previous row's hash and its own.
  let prevHash: string | null = null;
  for (const e of events) {
    e.prev_hash = prevHash;
    e.hash = eventHash(prevHash, e);
    prevHash = e.hash as string;
  }
  out.case_events?.push(...events);
  for (const [i, v] of versions.entries()) {
    const next = versions[i + 1];
    out.case_stat_rows?.push({ case_id: id, recorded_from: v.at, recorded_to: next ? next.at : null, ...rowFromFacts(v.facts) });
    addCounters(v.facts, 1, cstDay(v.at));
    if (next) addCounters(v.facts, -1, cstDay(next.at));
  }
  if (!ctx.closure) {
    out.case_deadlines?.push(...deadlineRows(id, computeDeadlines(ctx, cal, deps.periods, TODAY)));
  }
}

// Plain multi-row INSERT … VALUES (knex's SQLite dialect would build a UNION ALL select, slower and capped at
// 500 rows); the same statement runs on PostgreSQL.
const maxVars = isPg ? 60_000 : 30_000;
const insertMs = new Map<string, number>();
async function insertAll(trx: Knex, table: string, rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const t1 = Date.now();
  const cols = Object.keys(rows[0] as object);
  const per = Math.max(1, Math.floor(maxVars / cols.length));
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const bindings: unknown[] = [];
    for (const r of chunk) for (const c of cols) bindings.push(r[c] === undefined ? null : r[c]);
    await trx.raw(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, bindings as never[]);
  }
  insertMs.set(table, (insertMs.get(table) ?? 0) + Date.now() - t1);
}

const TABLES = ['cases', 'parties', 'claims', 'case_arbitrators', 'case_events', 'case_stat_rows', 'case_deadlines'];
const BATCH = 2000;
const t0 = Date.now();
const bar = (done: number) => {
  const w = 30;
  const f = Math.round((done / N) * w);
  const rate = done / Math.max(0.001, (Date.now() - t0) / 1000);
  const eta = rate ? Math.round((N - done) / rate) : 0;
  process.stderr.write(
    `\r[${'#'.repeat(f)}${'.'.repeat(w - f)}] ${((done / N) * 100).toFixed(1)}% ${done}/${N} cases, ${Math.round(rate)}/s, ETA ${eta}s   `,
  );
};
for (let done = 0; done < N; ) {
  const n = Math.min(BATCH, N - done);
  const out: Rows = Object.fromEntries(TABLES.map((t) => [t, []]));
  for (let i = 0; i < n; i++) oneCase(out);
  await knex.transaction(async (trx) => {
    for (const t of TABLES) await insertAll(trx, t, out[t] as Record<string, unknown>[]);
  });
  done += n;
  bar(done);
}
process.stderr.write('\n');
if (process.env.SEED_DEBUG) console.error('insert ms per table', Object.fromEntries(insertMs));

// Counters: the history table (per recording day), and the current day and month tables summed from it.
// Into empty tables they are bulk-inserted; otherwise added with the same upserts the API uses.
const { applyCounterDeltas, MONTHLY_MEASURES } = await import('../db/stores/stats.ts');
const { COUNTER_MEASURES } = await import('../workflows/stat-facts.ts');
const empty = Number((await knex('stat_counters').count('* as n').first())?.n ?? 0) === 0;
const tc = Date.now();
if (empty) {
  const daily = new Map<string, Record<string, unknown>>();
  const monthly = new Map<string, Record<string, unknown>>();
  const hist: Record<string, unknown>[] = [];
  const fold = (map: Map<string, Record<string, unknown>>, k: string, base: Record<string, unknown>, m: Record<string, number>) => {
    let row = map.get(k);
    if (!row) {
      row = { ...base, ...Object.fromEntries(COUNTER_MEASURES.map((x) => [x, 0])) };
      map.set(k, row);
    }
    for (const [name, v] of Object.entries(m)) row[name] = (row[name] as number) + v;
  };
  for (const c of counters.values()) {
    const m = Object.fromEntries(Object.entries(c.m).filter(([, v]) => v !== 0)) as Record<string, number>;
    if (!Object.keys(m).length) continue;
    hist.push({
      dim: c.dim,
      key: c.key,
      day: c.day,
      recorded_on: c.rec,
      ...Object.fromEntries(COUNTER_MEASURES.map((x) => [x, m[x] ?? 0])),
    });
    fold(daily, `${c.dim}\u0000${c.key}\u0000${c.day}`, { dim: c.dim, key: c.key, day: c.day }, m);
    const mm = Object.fromEntries(Object.entries(m).filter(([k]) => (MONTHLY_MEASURES as readonly string[]).includes(k)));
    if (Object.keys(mm).length)
      fold(monthly, `${c.dim}\u0000${c.key}\u0000${c.day.slice(0, 7)}`, { dim: c.dim, key: c.key, month: c.day.slice(0, 7) }, mm);
  }
  // Sorted by primary key, so the B-tree grows by appending.
  const pk = (cols: string[]) => (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const c of cols) {
      const x = String(a[c]);
      const y = String(b[c]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  hist.sort(pk(['dim', 'day', 'key', 'recorded_on']));
  await knex.transaction(async (trx) => {
    await insertAll(trx, 'stat_counters', hist);
    await insertAll(trx, 'stat_counters_daily', [...daily.values()].sort(pk(['dim', 'day', 'key'])));
    await insertAll(trx, 'stat_counters_monthly', [...monthly.values()].sort(pk(['dim', 'month', 'key'])));
  });
  console.error(
    `counters: ${hist.length} history rows, ${daily.size} day rows, ${monthly.size} month rows in ${((Date.now() - tc) / 1000).toFixed(1)} s`,
  );
} else {
  const byRec = new Map<string, Contribution[]>();
  for (const c of counters.values()) {
    const m = Object.fromEntries(Object.entries(c.m).filter(([, v]) => v !== 0));
    if (!Object.keys(m).length) continue;
    const list = byRec.get(c.rec) ?? [];
    list.push({ dim: c.dim, key: c.key, day: c.day, m });
    byRec.set(c.rec, list);
  }
  await knex.transaction(async (trx) => {
    for (const [rec, list] of byRec) await applyCounterDeltas(trx, list, rec);
  });
}
await knex.transaction(async (trx) => {
  for (const [year, last] of serials) {
    await trx('case_number_counters').insert({ year, last_serial: last }).onConflict('year').merge();
  }
});
if (isPg) {
  for (const t of ['cases', 'parties', 'claims', 'case_events', 'case_stat_rows', 'case_deadlines']) {
    await knex.raw(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM ${t}))`);
  }
  await knex.raw('ANALYZE');
} else {
  await knex.raw('ANALYZE');
}
const secs = (Date.now() - t0) / 1000;
console.log(
  `seeded ${N} cases in ${secs.toFixed(1)} s (${Math.round(N / secs)}/s); counters: ${counters.size} keys; database: ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
);
await db.knex.destroy();
