import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { type BrowserRig, openBrowser } from '../helpers/case-fixtures.ts';

/**
 * Issue 14 item 6: /docs renders the published document with Redoc, served from node_modules, offline, under the
 * strict Content-Security-Policy (server/app.ts): no CSP violation, no request to another host, no script error.
 */
let t: TestApp;
let rig: BrowserRig;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp();
  rig = await openBrowser(t);
  ({ base, browser } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
  await t?.close();
});

describe('/docs', () => {
  it('renders every operation with Redoc under the strict CSP, offline, with no violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const violations: string[] = [];
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to|violates/i.test(m.text())) violations.push(m.text());
      // A failed load is reported with its address below.
      else if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['http:', 'data:', 'blob:'].includes(url.protocol) || (url.protocol === 'http:' && url.origin !== base)) elsewhere.push(r.url());
    });
    const response = await page.goto(`${base}/docs`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(csp).not.toContain('unsafe-inline');
    await page.locator('body[data-rendered="true"]').waitFor({ timeout: 30_000 });
    // Every operation of the document is in the reference, by its summary.
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, Record<string, { summary: string }>> };
    const summaries = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.summary));
    const shown = (await page.evaluate('document.body.innerText')) as string;
    const missing = summaries.filter((s) => !shown.includes(s));
    expect(missing).toEqual([]);
    // Redoc's own styles apply (a sticky side menu) — they were not blocked.
    expect(await page.evaluate("getComputedStyle(document.querySelector('.menu-content')).position")).toBe('sticky');
    mkdirSync(join(process.cwd(), 'artifacts', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(process.cwd(), 'artifacts', 'screenshots', 'api-docs.png') });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 120_000);

  it('gives each response its own style nonce', async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await fetch(`${base}/docs`)).headers.get('content-security-policy') ?? '')?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
    const html = await (await fetch(`${base}/docs`)).text();
    expect(html).toMatch(/<script nonce="[A-Za-z0-9+/=]+" src="\/web\/docs.js"><\/script>/);
  });
});
