import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkToAward } from '../../examples/typed-client/walk-to-award.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * Issue 14 item 4: a client generated from the served /openapi.json just works. openapi-typescript turns the document
 * the running server serves into types, tsc checks the example program against them (no casts in it), and the program
 * then runs against the same server over HTTP: it registers a case, walks it to an award, reads the deadlines and
 * downloads the award. Every answer it gets is also checked against the document (tests/helpers/contract.ts).
 */
const DIR = join(process.cwd(), 'examples', 'typed-client');
let t: TestApp;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-01T02:00:00Z' });
  for (const role of ['clerk', 'chair', 'arbitrator'] as const) await t.tokenFor(role, `typed-${role}`);
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await t?.close();
});

describe(`a client generated from /openapi.json (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('type-checks against the types generated from the served document, with no casts', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as OpenAPI3;
    const types = astToString(await openapiTS(doc));
    mkdirSync(join(DIR, 'generated'), { recursive: true });
    const file = join(DIR, 'generated', 'zhongcai-api.ts');
    writeFileSync(`${file}.${process.pid}`, types);
    renameSync(`${file}.${process.pid}`, file);
    const source = readFileSync(join(DIR, 'walk-to-award.ts'), 'utf8');
    expect(source).not.toMatch(/\bas (unknown|any|never)\b|<any>|@ts-(ignore|expect-error)/);
    const tsc = spawnSync(
      process.execPath,
      [join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(DIR, 'tsconfig.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('registers a case, walks it to an award, reads its deadlines and downloads the award over HTTP', async () => {
    const login = (role: string) => ({ username: `typed-${role}`, password: `typed-${role}-password-1` });
    const r = await walkToAward(base, { clerk: login('clerk'), chair: login('chair'), arbitrator: login('arbitrator') });
    expect(r.registered.state).toBe('received');
    expect(r.awarded.state).toBe('award_issued');
    expect(r.awarded.award?.items).toHaveLength(2);
    expect(r.awarded.closure).toMatchObject({ mode: 'award', closedOn: '2026-03-30' });
    expect(r.stale).toMatchObject({ status: 412, currentVersion: r.awarded.version - 2 });
    expect(r.deadlines.length).toBeGreaterThan(0);
    expect(r.deadlines.every((d) => d.caseId === r.registered.id)).toBe(true);
    expect(r.due.every((d) => typeof d.caseId === 'number')).toBe(true);
    expect(r.document.kind).toBe('award');
    expect(Buffer.from(r.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.pdf.byteLength).toBe(r.document.size);
  }, 120_000);
});
