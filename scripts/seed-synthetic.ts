/**
 * `npm run seed:synthetic -- --cases 1000000 [--from-year 2019] [--seed 7] [--today 2026-11-25] [--batch 200]`
 *
 * A realistic multi-year, multi-district history for statistics and benchmarks, written through the SAME use cases
 * as the API: every application is registered by `registerCase` and every act is an `applyEvent` (app/), with its
 * input parsed by the API's own parsers (CaseCreate, parseEventBody). So the cases, their history (hash-chained,
 * with before/after), deadlines, statistics projection and counters, the hearing calendar and the case numbers are
 * exactly what the API would have written — there is no second write path. Each act is recorded at its own instant
 * (a unit of work per act, stamped on the day of the act or a few days later); the acts of `--batch` cases share one
 * transaction (bulk mode: fewer commits, the same functions per case). Deadlines are those computed on the day of
 * each case's last act (the daily sweep, `npm run deadlines:sweep`, brings them to today).
 *
 * Documents: a mediation closure issues its 仲裁调解书 before the parties sign for it (LDMAL Art. 42(3); Rules Art. 77;
 * SIGN_MEDIATION_DOCUMENT is refused until it exists), through the API's own use case, `generateDocument` — no other
 * document is generated. It is rendered from committed rows, so such a case plays its acts up to the document inside the
 * bulk transaction and the rest (the document, then the signatures) after the batch commits, each act in its own
 * transaction at its stamped instant; the document's createdAt and history entry come from a FixedClock set to that
 * instant (app/clock.ts), so the history stays in order. The continuations of a batch run a few cases at a time, so
 * that the render threads are kept busy while the database writes. Rendering (tens of ms per 调解书) makes the seeding
 * slower than before; the rate printed at the end includes it.
 *
 * Its own configuration for the run (loadConfig, then): DOCUMENTS_PER_MINUTE unlimited — the seeder's arbitrators are
 * never throttled by the per-user document limit (deps.limits.documents) — and RENDER_THREADS, unless set, the
 * machine's cores (app/render/pool.ts).
 *
 * An act the use case refuses (a rule of the statechart, say) ends that case's story where it stands, as a clerk
 * would stop; refusals happen before the use case writes anything, and they are counted in the summary.
 *
 * Target database: DATABASE_URL (default SQLite data/zhongcai.sqlite). Adds to what is there.
 */

import os from 'node:os';
import { ensureFirstAdmin } from '../app/bootstrap.ts';
import { registerCase } from '../app/cases/register-case.ts';
import { FixedClock, systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { createDeps } from '../app/deps.ts';
import { type DocumentRequest, generateDocument } from '../app/documents/generate-document.ts';
import { AppError } from '../app/errors.ts';
import { hashPassword } from '../app/passwords.ts';
import type { Actor } from '../app/policy.ts';
import { applyEvent } from '../app/procedure/apply-event.ts';
import { minimumWages, replaceMinimumWages } from '../app/reference/minimum-wages.ts';
import { closeRenderPool } from '../app/render/pool.ts';
import { CaseCreate } from '../app/schemas.ts';
import { inBulkTransaction, inTransaction, type UnitOfWork } from '../app/unit-of-work.ts';
import { migrateLatest, openDatabase } from '../db/knex.ts';
import { parseEventBody } from '../server/http/events.ts';
import { createLogger } from '../server/logger.ts';
import { addDays } from '../workflows/dates.ts';
import { completeCreditCode, completeIdNumber } from '../workflows/identifiers.ts';
import type { EventType } from '../workflows/procedure-types.ts';
import { type ClaimCategory, DISTRICTS } from '../workflows/reference.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), String(process.argv[i + 1]));
const N = Number(args.get('cases') ?? 100_000);
const FROM_YEAR = Number(args.get('from-year') ?? 2019);
const TODAY = args.get('today') ?? systemClock.today();
const BATCH = Number(args.get('batch') ?? 200);
let seed = Number(args.get('seed') ?? 7);
if (!Number.isInteger(N) || N <= 0) throw new Error('--cases must be a positive integer');
if (!Number.isInteger(BATCH) || BATCH <= 0) throw new Error('--batch must be a positive integer');
/** How many cases' continuations (a document and the acts after it) run at once, below the render queue's bound. */
const CONTINUATIONS = 4;

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

// The seeder's own configuration: no per-user document limit (its arbitrators issue hundreds of 调解书 a minute), and
// as many render threads as cores unless RENDER_THREADS says otherwise.
const config = {
  ...loadConfig(),
  documentsPerMinute: Number.MAX_SAFE_INTEGER,
  ...(process.env.RENDER_THREADS ? {} : { renderThreads: os.availableParallelism() }),
};
const db = openDatabase(config.databaseUrl);
await migrateLatest(db);
await ensureFirstAdmin(db, systemClock, config.adminPassword ?? 'admin-demo-2026');
const deps = createDeps({ db, clock: systemClock, logger: createLogger('warn'), config });
const knex = db.knex;
const isPg = knex.client.config.client === 'pg';
// Bulk load on SQLite: a bigger page cache, and no fsync per transaction (a crash mid-seed means seeding again).
if (!isPg) await knex.raw('PRAGMA synchronous = OFF').then(() => knex.raw('PRAGMA cache_size = -262144'));

// Synthetic staff: a clerk, a chair, a mediator and 24 arbitrators (password = username + "-demo-2026").
async function user(username: string, displayName: string, role: 'clerk' | 'mediator' | 'arbitrator' | 'chair'): Promise<Actor> {
  const found = await knex('users').where({ username }).first();
  if (found) return { id: Number(found.id), role: found.role, displayName: found.display_name };
  const u = await deps.stores.users.create(
    { username, displayName, role, passwordHash: await hashPassword(`${username}-demo-2026`), mustChangePassword: false },
    new Date().toISOString(),
  );
  return { id: u.id, role, displayName };
}
const clerk = await user('syn-clerk', '合成数据书记员', 'clerk');
const chair = await user('syn-chair', '合成数据主任', 'chair');
const mediator = await user('syn-mediator', '合成数据调解员', 'mediator');
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文博宇轩浩然子涵欣怡梓萱俊杰晓东海燕红梅玉兰春生';
const personName = () =>
  `${SURNAMES[int(0, SURNAMES.length - 1)]}${GIVEN[int(0, GIVEN.length - 1)]}${rand() < 0.6 ? GIVEN[int(0, GIVEN.length - 1)] : ''}`;
// The final-award test needs the district's minimum wage on the award day (LDMAL Art. 47). Where the reference table
// starts after FROM_YEAR, the earliest figure is carried back to FROM_YEAR-01-01 — through the admin's reference-data
// use case (audited), marked unconfirmed and synthetic: never official data.
{
  const wages = await minimumWages(deps);
  const start = `${FROM_YEAR}-01-01`;
  const added = DISTRICTS.flatMap((district) => {
    const rows = wages.filter((w) => w.district === district).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    const first = rows[0];
    if (!first || first.effectiveFrom <= start) return [];
    return [
      {
        district,
        monthly: first.monthly,
        effectiveFrom: start,
        source: `合成数据（seed:synthetic）：沿用${first.effectiveFrom}起的标准，非官方数据`,
        confirmed: false,
      },
    ];
  });
  if (added.length) {
    const admin = await knex('users').where({ role: 'admin', active: true }).orderBy('id').first();
    await inTransaction(deps, (uow) =>
      replaceMinimumWages(deps, uow, { id: Number(admin.id), role: 'admin', displayName: admin.display_name }, [...wages, ...added]),
    );
    console.error(`minimum wages: ${added.length} synthetic rows from ${start} (unconfirmed, marked 合成数据)`);
  }
}

const arbitrators: Actor[] = [];
for (let i = 1; i <= 24; i++) arbitrators.push(await user(`syn-arb-${i}`, `${SURNAMES[i]}仲裁员`, 'arbitrator'));

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

/**
 * One act of a case's story: an event, or a document issued (`document`: generateDocument's request). Party and claim
 * references are positions, resolved once the case is registered.
 */
interface EventAct {
  type: EventType;
  on: string;
  actor: Actor;
  /** `today`: the day the act is recorded (China time). */
  payload: (ids: { parties: number[]; claims: number[] }, today: string) => Record<string, unknown>;
}
type Act = EventAct | { type: 'GENERATE_DOCUMENT'; on: string; actor: Actor; document: DocumentRequest };

/** One application (the API's registration body) and the acts that follow it, stopped at TODAY. */
function planCase(): { body: Record<string, unknown>; acts: Act[] } {
  const track: 'mediation' | 'arbitration' = rand() < 0.08 ? 'mediation' : 'arbitration';
  const district = weighted(DISTRICT_WEIGHTS);
  const received = receivedDay();
  const collective = track === 'arbitration' && rand() < 0.01;
  const workers = collective ? int(10, 30) : 1;
  const wageArrears = rand() < 0.22;
  const applicants = Array.from({ length: workers }, () => {
    const birth = `${int(1965, 2004)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`;
    return {
      kind: 'person' as const,
      name: personName(),
      idNumber: completeIdNumber(`371502${birth}${String(int(1, 999)).padStart(3, '0')}`),
      phone: `13${int(100000000, 999999999)}`,
      address: `聊城市${district}`,
    };
  });
  const respondent = {
    kind: 'organization' as const,
    name: `聊城${['宏达', '鲁西', '华信', '东方', '金科', '顺通', '恒泰', '阳光'][int(0, 7)]}${['机械', '纺织', '建筑', '物流', '食品', '化工'][int(0, 5)]}有限公司`,
    address: `聊城市${district}`,
    creditCode: completeCreditCode(`9137150${String(int(0, 9999999999)).padStart(10, '0')}`),
    legalRepresentative: personName(),
    legalRepresentativeTitle: '总经理',
  };
  const nClaims = weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ]);
  const claims = Array.from({ length: nClaims }, (_, i) => {
    const category = i === 0 && wageArrears ? 'wages' : weighted(CATEGORY_WEIGHTS);
    const amountFen = category === 'confirm_relationship' ? null : int(800, 120_000) * 100;
    return { category, amountFen, description: `第${i + 1}项请求` };
  });
  const body = {
    track,
    receivedOn: received,
    channel: 'counter',
    district,
    procedure: 'ordinary',
    wageArrears,
    applicants,
    respondents: [respondent],
    claims: claims.map((c) => ({
      category: c.category,
      ...(c.amountFen === null ? {} : { amount: (c.amountFen / 100).toFixed(2) }),
      description: c.description,
    })),
    facts: '（合成数据）',
  };
  const nParties = workers + 1;

  const acts: Act[] = [];
  const A = (type: EventType, on: string, actor: Actor, payload: EventAct['payload'] = () => ({})) => {
    if (on <= TODAY) acts.push({ type, on, actor, payload });
  };
  const arb = arbitrators[int(0, arbitrators.length - 1)] as Actor;
  if (track === 'mediation') {
    const end = addDays(received, int(3, 16));
    if (rand() < 0.62) A('MEDIATION_AGREED', end, mediator, () => ({ terms: '双方达成调解协议' }));
    else A('MEDIATION_FAILED', end, mediator, () => ({ reason: '调解不成' }));
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
    if (path === 'rejected') A('REJECT', acc, clerk, () => ({ reason: '不属于劳动人事争议仲裁受案范围' }));
    else if (path === 'withdrawnEarly') A('WITHDRAW', acc, clerk, () => ({ reason: '申请人撤回申请' }));
    else {
      // sec51 M1: an acceptance of late December recorded in January numbers the case in its year — the clerk confirms it.
      A('ACCEPT', acc, clerk, (_ids, today) => (acc.slice(0, 4) < today.slice(0, 4) ? { earlierYear: true } : {}));
      if (path === 'mediation') {
        const s = addDays(acc, int(3, 30));
        // The chair assigns the mediator, who then mediates (scope: app/policy.ts).
        A('ASSIGN_MEDIATOR', s, chair, () => ({ mediatorId: mediator.id }));
        A('START_MEDIATION', s, mediator);
        // The agreement becomes the tribunal's 调解书 (LDMAL Art. 42(2)–(3)): the tribunal is formed while it mediates.
        const panel = collective ? [arb, ...arbitrators.filter((x) => x !== arb).slice(0, 2)] : [arb];
        A('FORM_TRIBUNAL', s, chair, () => ({ arbitratorIds: panel.map((a) => a.id), presidingId: arb.id }));
        A('MEDIATION_AGREED', s, mediator, () => ({ terms: '被申请人支付申请人款项' }));
        const sign = addDays(s, int(0, 6));
        // The tribunal's presiding arbitrator issues the 调解书 (Rules Art. 73); the signature is its service (Art. 77).
        if (sign <= TODAY) acts.push({ type: 'GENERATE_DOCUMENT', on: sign, actor: arb, document: { kind: 'mediation_document' } });
        // Every party signs for the mediation document (it takes effect on the last signature).
        for (let i = 0; i < nParties; i++)
          A('SIGN_MEDIATION_DOCUMENT', sign, clerk, (ids) => ({ partyId: ids.parties[i], signedOn: sign }));
      } else if (path === 'withdrawn') {
        A('WITHDRAW', addDays(acc, int(3, 40)), clerk, () => ({ reason: '双方和解' }));
      } else {
        const formed = addDays(acc, int(1, 8));
        // Collective disputes are heard by three arbitrators (Rules Art. 66).
        const panel = collective ? [arb, ...arbitrators.filter((x) => x !== arb).slice(0, 2)] : [arb];
        A('FORM_TRIBUNAL', formed, chair, () => ({ arbitratorIds: panel.map((a) => a.id), presidingId: arb.id }));
        // The written notice of the tribunal's composition, served on every party (LDMAL Art. 32).
        for (let i = 0; i < nParties; i++)
          A('SERVE', formed, clerk, (ids) => ({ document: 'tribunal_notice', partyId: ids.parties[i], method: 'direct' }));
        const hearing = addDays(formed, int(16, 30));
        A('SCHEDULE_HEARING', formed, arb, () => ({ hearingOn: hearing, place: '第一仲裁庭' }));
        for (let i = 0; i < nParties; i++)
          A('SERVE', addDays(formed, 1), clerk, (ids) => ({ document: 'hearing_notice', partyId: ids.parties[i], method: 'direct' }));
        const respondentPresent = rand() < 0.9;
        A('HOLD_HEARING', hearing, arb, () => ({ applicantPresent: path !== 'deemed', respondentPresent }));
        if (path === 'deemed') A('DEEM_WITHDRAWN', hearing, arb, () => ({ reason: '申请人无正当理由拒不到庭' }));
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
            return { outcome, amountFen };
          });
          A('ISSUE_AWARD', awardOn, arb, (ids) => ({
            items: items.map((it, i) => ({
              claimId: ids.claims[i],
              outcome: it.outcome,
              ...(it.amountFen === null ? {} : { amount: (it.amountFen / 100).toFixed(2) }),
            })),
            facts: '经审理查明……（合成数据）',
            reasoning: '本委认为……（合成数据）',
          }));
        }
      }
    }
  }
  return { body, acts };
}

/** The instant an act is recorded: its day or (15 %) a few days later, never before the case's previous record. */
function stamper(received: string) {
  let last = `${received}T00:00:00.000Z`;
  return (on: string) => {
    const rec = addDays(
      on,
      weighted([
        [0, 85],
        [1, 10],
        [int(2, 5), 5],
      ] as [number, number][]),
    );
    // 01–08 h UTC is 09–16 h in China: the recording day is the same day in CST.
    const iso = `${rec > TODAY ? TODAY : rec}T0${int(1, 8)}:${String(int(10, 59))}:00.000Z`;
    last = iso > last ? iso : last;
    return last;
  };
}

const refusals = new Map<string, number>();
let acts = 0;
let documents = 0;

/** Runs one act's write in a unit of work at the given instant. */
type Run = <T>(instant: string, fn: (uow: UnitOfWork) => Promise<T>) => Promise<T>;
/** After the batch has committed: each act in its own transaction, at its instant. */
const alone: Run = (instant, fn) => inTransaction({ db: deps.db, clock: new FixedClock(instant) }, fn);

interface Story {
  caseId: number;
  ids: { parties: number[]; claims: number[] };
}

/**
 * Plays acts of a case in order, each at its instant; false when one is refused (the case's story ends there, as a
 * clerk would stop).
 */
async function play(story: Story, plan: { act: Act; instant: string }[], run: Run): Promise<boolean> {
  for (const { act: a, instant } of plan) {
    try {
      if ('document' in a) {
        // The API's use case: rendered from what is committed, recorded under the case lock in its own transaction.
        // Its createdAt and history entry are at the act's instant (a clock pinned to it).
        const at = { ...deps, clock: new FixedClock(instant) };
        await generateDocument(at, a.actor, story.caseId, a.document, (fn) => inTransaction(at, fn));
        documents++;
      } else {
        await run(instant, (uow) => {
          const ev = parseEventBody({ type: a.type, occurredOn: a.on, ...a.payload(story.ids, uow.today) }, uow.today);
          return applyEvent(deps, uow, a.actor, story.caseId, ev);
        });
      }
      acts++;
    } catch (err) {
      // A refusal (400/403/409/412/422) comes before the use case writes: the case stays where it is.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      // Grouped by act, status and rule (or the message without its dates and names).
      const rule = err.extra.rule as string | undefined;
      const k = `${a.type} ${err.status}: ${rule ?? err.message.replace(/[\d-]+|[\u4e00-\u9fff]+(?=在)/g, '…').slice(0, 60)}`;
      refusals.set(k, (refusals.get(k) ?? 0) + 1);
      if (process.env.SEED_DEBUG) console.error(k);
      return false;
    }
  }
  return true;
}

/**
 * Registers one planned application and applies its acts, each through the API's use cases, in the bulk transaction —
 * up to a document, which is rendered from committed rows: the rest of the story (the document, then what follows it)
 * is answered as a continuation, to run once the batch has committed.
 */
async function seedCase(at: (instant: string) => UnitOfWork): Promise<(() => Promise<unknown>) | null> {
  const { body, acts: plan } = planCase();
  const stamp = stamper(body.receivedOn as string);
  const input = CaseCreate.parse(body);
  // A pre-arbitration mediation is registered by its mediator (who then has it in scope: app/policy.ts).
  const view = await registerCase(deps, at(stamp(input.receivedOn)), input.track === 'mediation' ? mediator : clerk, input);
  const story: Story = {
    caseId: view.id,
    ids: { parties: [...view.applicants, ...view.respondents].map((p) => p.id), claims: view.claims.map((c) => c.id) },
  };
  // Every act's instant drawn now, in order: continuations run side by side, and a seed must still give one history.
  const stamped = plan.map((act) => ({ act, instant: stamp(act.on) }));
  const doc = plan.findIndex((a) => 'document' in a);
  const inBatch = doc < 0 ? stamped : stamped.slice(0, doc);
  if (!(await play(story, inBatch, (instant, fn) => fn(at(instant)))) || doc < 0) return null;
  return () => play(story, stamped.slice(doc), alone);
}

/** Runs the continuations a few at a time (a document renders on a thread while another case writes). */
async function runAll(tasks: (() => Promise<unknown>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<unknown>)();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}

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
// Bulk mode: the use cases of BATCH cases in one transaction (each act still its own unit of work and instant).
for (let done = 0; done < N; ) {
  const n = Math.min(BATCH, N - done);
  const later: (() => Promise<unknown>)[] = [];
  await inBulkTransaction(deps, async (at) => {
    for (let i = 0; i < n; i++) {
      const rest = await seedCase(at);
      if (rest) later.push(rest);
    }
  });
  // The documents and the acts after them, from what the batch committed.
  await runAll(later, CONTINUATIONS);
  done += n;
  bar(done);
}
process.stderr.write('\n');
await knex.raw('ANALYZE');
const secs = (Date.now() - t0) / 1000;
console.log(
  `seeded ${N} cases and ${acts} acts through registerCase/applyEvent (${documents} of them 调解书 by generateDocument) in ${secs.toFixed(1)} s (${Math.round(N / secs)} cases/s, ${Math.round(
    (N + acts) / secs,
  )} writes/s); database: ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
);
if (refusals.size) {
  console.log('acts refused (the case stopped there):');
  for (const [k, n] of [...refusals].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${k}`);
}
await closeRenderPool();
await db.close(); // the writer and the reader connections (generateDocument reads through db.reader)
