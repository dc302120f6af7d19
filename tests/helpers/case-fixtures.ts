import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { EventType } from '../../workflows/procedure-types.ts';
import { startTestApp, type TestApp } from './app.ts';
import { worker } from './fixtures.ts';
import { type Actors, type CaseShape, createActors, largeApplication, registerCase, standardApplication } from './procedure.ts';

/**
 * The setup the API and browser tests share: sending events to a case, walking a fresh case along the ordinary path
 * to a state, and (for the browser tests) a server, Chromium and a signed-in page. Everything goes through the real
 * HTTP API, as a user would.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
export type CaseView = CaseShape & Record<string, any>;
type Body = Record<string, unknown>;

/** The facts, reasoning and defense the documents tests write into awards (any plausible text would do). */
export const FACTS = '申请人于2023年3月入职被申请人处，月工资4000元，被申请人拖欠其2025年10月至12月工资。';
export const REASONING = '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。';
export const DEFENSE = '被申请人认为已足额支付工资';
/** The ids of a case's claims, in order. */
export const claimIds = (c: CaseView) => (c.claims as { id: number }[]).map((x) => x.id);

/**
 * `send` posts an event and returns the raw answer; `ok` posts it and expects 200, returning the case view. `app` is
 * read at each call (test files start their app in beforeAll). `V` types the view as the test file reads it.
 */
export function caseEvents<V = CaseView>(app: () => TestApp) {
  const send = (c: { id: number }, token: string, type: EventType, payload: Body = {}, occurredOn?: string) =>
    app()
      .api(token)
      .post(`/api/cases/${c.id}/events`, { type, ...(occurredOn ? { occurredOn } : {}), ...payload });
  const ok = async (c: { id: number }, token: string, type: EventType, payload: Body = {}, occurredOn?: string): Promise<V> => {
    const r = await send(c, token, type, payload, occurredOn);
    expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body as V;
  };
  return { send, ok };
}

/** The stages of the ordinary arbitration path a test starts from, in order. */
export type Stage = 'received' | 'accepted' | 'tribunal_formed' | 'hearing_scheduled' | 'heard';
const ORDER: Stage[] = ['received', 'accepted', 'tribunal_formed', 'hearing_scheduled', 'heard'];

export interface Walk {
  /** The application (default: the standard one). */
  body?: ReturnType<typeof standardApplication>;
  /** Which of the actors' arbitrators sits alone on the tribunal (default the first). */
  arbitrator?: number;
  acceptOn?: string;
  formOn?: string;
  scheduleOn?: string;
  hearingOn?: string;
  /** Extra fields of SCHEDULE_HEARING (place defaults to 第一仲裁庭; time, public …). */
  hearing?: Body;
  /** The fields of HOLD_HEARING (default: both parties present). */
  held?: Body;
}

/**
 * A fresh case walked to `stage` along the ordinary path: registered by the clerk, accepted (2026-03-04), a sole
 * arbitrator's tribunal formed (03-05), a hearing on 03-25 scheduled (03-09), held that day. Returns the case view
 * after the last step and the arbitrator.
 */
export async function caseAt(
  t: TestApp,
  a: Actors,
  stage: Stage,
  w: Walk = {},
): Promise<{ c: CaseView; arb: { id: number; token: string } }> {
  const { ok } = caseEvents(() => t);
  const arb = a.arbitrators[w.arbitrator ?? 0] as { id: number; token: string };
  const upTo = (s: Stage) => ORDER.indexOf(stage) >= ORDER.indexOf(s);
  let c: CaseView = await registerCase(t, a, w.body ?? standardApplication());
  const hearingOn = w.hearingOn ?? '2026-03-25';
  if (upTo('accepted')) c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, w.acceptOn ?? '2026-03-04');
  if (upTo('tribunal_formed'))
    c = await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb.id], presidingId: arb.id }, w.formOn ?? '2026-03-05');
  if (upTo('hearing_scheduled'))
    c = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn, place: '第一仲裁庭', ...w.hearing }, w.scheduleOn ?? '2026-03-09');
  if (upTo('heard')) c = await ok(c, arb.token, 'HOLD_HEARING', w.held ?? { applicantPresent: true, respondentPresent: true }, hearingOn);
  return { c, arb };
}

/**
 * A mixed award made 04-10 (12 × the minimum wage of 2010.00 is 24120.00: the first item final, the second not, LDMAL
 * Art. 47) on a one-worker case of the named worker, served on all on 04-15 — the case in award_served.
 */
export async function mixedAwardServed(t: TestApp, a: Actors, name: string, seq: number) {
  const { ok } = caseEvents(() => t);
  const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker(name, seq)] }) });
  const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount }));
  await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
  for (const p of [...c.applicants, ...c.respondents])
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');
  return { c, arb, workerId: c.applicants[0]?.id as number, employerId: c.respondents[0]?.id as number };
}

// ---------- browser tests ----------

/** playwright-core has no web-first assertions: retry a plain assertion until it holds (10 s by default). */
export async function eventually(check: () => Promise<void>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
/** The first element's text comes to contain `want`. */
export const hasText = (l: Locator, want: string) => eventually(async () => expect((await l.first().textContent()) ?? '').toContain(want));

export interface BrowserRig {
  server: Server;
  base: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Messages of Content-Security-Policy violations seen in the page's console. */
  cspViolations: string[];
  /** Files (not /api answers) the screens asked for and got 404: a missing icon is a red console error on every page. */
  missingFiles: string[];
  close(): Promise<void>;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The test app served on a free port and a Chromium page on it (1366×768, zh-CN, Asia/Shanghai), failing on any
 * page error and collecting CSP violations. `close()` closes the browser and the server, not the app.
 */
export async function openBrowser(t: TestApp): Promise<BrowserRig> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (install Debian "chromium"; .ci/run does)`);
  const { chromium } = await import('playwright-core');
  const server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  // The Content-Security-Policy (server/app.ts) must not block anything the screens use.
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (apply|execute|load|connect|frame)/i.test(m.text())) cspViolations.push(m.text());
  });
  const missingFiles: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 404 && !new URL(r.url()).pathname.startsWith('/api/')) missingFiles.push(r.url());
  });
  return {
    server,
    base,
    browser,
    context,
    page,
    cspViolations,
    missingFiles,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Signs in through the login form, from a signed-out browser (a test that failed signed in leaves its session). */
export async function signIn(page: Page, base: string, username: string, password = `${username}-password-1`): Promise<void> {
  await page.goto(`${base}/#/login`);
  await page.evaluate("localStorage.removeItem('zc.token'); sessionStorage.removeItem('zc.return')");
  await page.reload();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('nav.side').waitFor();
}

/** What a browser test file works with: its server, its users, the page's base URL and the page. */
export interface BrowserSuite {
  t: TestApp;
  a: Actors;
  rig: BrowserRig;
  base: string;
  page: Page;
}
/**
 * One Zhongcai (the clock at `now`, long-lived tokens, many sessions per user) and one Chromium for a browser test
 * file: started before its tests and handed to `take`, closed after them.
 */
export function browserSuite(take: (s: BrowserSuite) => void, opts: Parameters<typeof startTestApp>[0] = {}): void {
  let s: Partial<BrowserSuite> = {};
  beforeAll(async () => {
    const t = await startTestApp({
      now: '2026-04-01T02:00:00Z',
      ...opts,
      env: { TOKEN_TTL_HOURS: '1000', MAX_SESSIONS_PER_USER: '100', ...opts.env },
    });
    s = { t };
    const a = await createActors(t);
    const rig = await openBrowser(t);
    s = { t, a, rig, base: rig.base, page: rig.page };
    take(s as BrowserSuite);
  }, 120_000);
  afterAll(async () => {
    await s.rig?.close();
    await s.t?.close();
  });
}

/** What an API test file works with: its server and its users. */
export interface ApiSuite {
  t: TestApp;
  a: Actors;
}
/**
 * One Zhongcai (`opts` as `startTestApp` takes them) and its users for an API test file, started before its tests and
 * closed after them: `const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z' });` — `t` and `a` stand for them inside
 * the file's tests and hooks (used before the server started, they say so).
 */
export function apiSuite(opts: Parameters<typeof startTestApp>[0] = {}): ApiSuite {
  const live: Partial<ApiSuite> = {};
  beforeAll(async () => {
    live.t = await startTestApp(opts);
    live.a = await createActors(live.t);
  }, 120_000);
  afterAll(async () => {
    await live.t?.close();
  });
  return { t: standIn(() => live.t), a: standIn(() => live.a) };
}

/** An object that reads and writes through to the one `get` answers once the suite has started it. */
function standIn<T extends object>(get: () => T | undefined): T {
  const real = (): T => {
    const r = get();
    if (!r) throw new Error('apiSuite: the server and its users are there only inside tests and hooks');
    return r;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}
