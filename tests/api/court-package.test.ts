import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SCHEMA_VERSION } from '../../app/court-package/case-json.ts';
import { generateCourtPackage } from '../../app/court-package/generate.ts';
import { createKeyFile, readKeyFile } from '../../app/court-package/keys.ts';
import { createDeps } from '../../app/deps.ts';
import type { Actor } from '../../app/policy.ts';
import { inTransaction, type Transact } from '../../app/unit-of-work.ts';
import { type Database, openDatabase } from '../../db/knex.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/logger.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { closedCaseJsonValidator } from '../helpers/case-schema.ts';
import { runScript } from '../helpers/cli.ts';
import { asBytes, downloadDocument } from '../helpers/pdf.ts';
import { type Actors, type CaseShape, createActors, registerCase, standardApplication } from '../helpers/procedure.ts';

// CommonJS packages seen through NodeNext typings: the class and the function are the default export's `default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/**
 * Issue 17, part 3 over HTTP (both databases): the signed court hand-off package — generated, recorded in the history,
 * verified offline by the standalone verifier (and `npm run verify-package`), refused after one byte of a PDF changes,
 * after a file is added, and when signed by another key; who may make and fetch it; GET /api/keys.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-pkg-'));
const KEY_PATH = path.join(dir, 'keys', 'commission-ed25519.pem');
const VERIFIER = path.resolve('scripts/verify-court-package.mjs');
let t: TestApp;
let a: Actors;
let c: CaseShape;
let arb: { id: number; token: string };

beforeAll(async () => {
  t = await startTestApp({ now: '2026-04-20T02:00:00Z', env: { COMMISSION_KEY_PATH: KEY_PATH } });
  a = await createActors(t);
  arb = a.arbitrators[0] as { id: number; token: string };
  c = await registerCase(t, a, standardApplication());
  const ev = async (token: string, type: string, occurredOn: string, extra: Record<string, unknown> = {}) => {
    const r = await t.api(token).post(`/api/cases/${c.id}/events`, { type, occurredOn, ...extra });
    expect(r.status, `${type}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  const [applicant, respondent] = [c.applicants[0]?.id, c.respondents[0]?.id];
  await ev(a.tokens.clerk, 'ACCEPT', '2026-03-04');
  expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' })).status).toBe(201);
  await ev(a.tokens.clerk, 'SERVE', '2026-03-05', { document: 'acceptance_notice', partyId: applicant, method: 'direct' });
  await ev(a.tokens.chair, 'FORM_TRIBUNAL', '2026-03-05', { arbitratorIds: [arb.id], presidingId: arb.id });
  await ev(arb.token, 'SCHEDULE_HEARING', '2026-03-09', { hearingOn: '2026-03-25', place: '第一仲裁庭' });
  await ev(arb.token, 'HOLD_HEARING', '2026-03-25', { applicantPresent: true, respondentPresent: true });
  const [wages, comp] = c.claims;
  await ev(arb.token, 'ISSUE_AWARD', '2026-04-01', {
    facts: '申请人于2023年3月入职被申请人处，2025年12月被辞退。',
    reasoning: '被申请人应支付拖欠工资及经济补偿。',
    defenseSummary: '被申请人认为已足额支付工资。',
    items: [
      { claimId: wages?.id, outcome: 'granted', amount: '12000.00' },
      { claimId: comp?.id, outcome: 'partly', amount: '20000.00' },
    ],
  });
  expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award' })).status).toBe(201);
  // A draft is stored too, but never handed to a court.
  expect((await t.api(arb.token).post(`/api/cases/${c.id}/documents`, { kind: 'award', draft: true })).status).toBe(201);
  await ev(a.tokens.clerk, 'SERVE', '2026-04-03', { document: 'award', partyId: applicant, method: 'direct' });
  await ev(a.tokens.clerk, 'SERVE', '2026-04-03', { document: 'award', partyId: respondent, method: 'post', servedOn: '2026-04-03' });
  await ev(a.tokens.clerk, 'RECORD_LAWSUIT', '2026-04-10', { partyId: applicant, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const download = (token: string, id: number) => asBytes(t.api(token).get(`/api/court-packages/${id}`));

function runVerifier(zip: Buffer, args: string[] = [], viaNpm = false) {
  const file = path.join(dir, `p-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, zip);
  const r = viaNpm
    ? spawnSync('npm', ['run', '--silent', 'verify-package', '--', file, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, [VERIFIER, file, ...args], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let pkg: { id: number; keyId: string; sha256: string; manifestSha256: string; documentCount: number };
let zip: Buffer;
let keyPemFile: string;

describe(`court hand-off package (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the clerk generates it; it is stored, downloadable and recorded in the history', async () => {
    const r = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' })
      .set('Idempotency-Key', 'pkg-1');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    pkg = r.body;
    expect(r.headers.location).toBe(`/api/court-packages/${pkg.id}`);
    expect(r.body).toMatchObject({
      purpose: 'litigation',
      court: '聊城市东昌府区人民法院',
      schemaVersion: CASE_SCHEMA_VERSION,
      documentCount: 2,
    });
    // A retry with the same key answers the same package and records nothing more.
    const again = await t
      .api(a.tokens.clerk)
      .post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' })
      .set('Idempotency-Key', 'pkg-1');
    expect(again.body.id).toBe(pkg.id);

    const d = await download(a.tokens.chair, pkg.id);
    expect(d.status).toBe(200);
    expect(d.headers['content-type']).toBe('application/zip');
    zip = d.body as Buffer;
    expect(d.headers.etag).toBe(`"${pkg.sha256}"`);

    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    const entries = history.filter((e) => e.type === 'GENERATE_COURT_PACKAGE');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.payload).toMatchObject({
      packageId: pkg.id,
      purpose: 'litigation',
      manifestSha256: pkg.manifestSha256,
      keyId: pkg.keyId,
    });
    const list = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/court-packages`);
    expect(list.body.map((p: { id: number }) => p.id)).toEqual([pkg.id]);
    // It carries identity numbers in full: the download is in the access log.
    const log = await t.api(a.tokens.chair).get(`/api/access-log?caseId=${c.id}&action=download_court_package`);
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({ action: 'download_court_package', caseId: c.id, courtPackageId: pkg.id, documentId: null }),
    ]);
  });

  it('is a bookkeeping entry: a later act may still be dated before the day the package was made', async () => {
    const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
      type: 'SERVE',
      occurredOn: '2026-04-12',
      document: 'other',
      partyId: c.applicants[0]?.id,
      method: 'direct',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('holds case.json (valid against the documented schema), the issued PDFs and a signed manifest', async () => {
    const z = await JSZip.loadAsync(zip);
    const names = Object.keys(z.files).sort();
    expect(names.filter((n) => !n.startsWith('documents/'))).toEqual([
      'README.txt',
      'case.json',
      'manifest.json',
      'manifest.sig',
      'public-key.pem',
    ]);
    const pdfs = names.filter((n) => n.startsWith('documents/'));
    expect(pdfs).toHaveLength(2);
    expect(pdfs.some((n) => n.includes('acceptance_notice'))).toBe(true);
    const caseJson = JSON.parse(await (z.file('case.json') as JSZip.JSZipObject).async('string'));
    const schema = JSON.parse(fs.readFileSync('docs/court-package-case.schema.json', 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(caseJson), JSON.stringify(validate.errors)).toBe(true);
    // s60 fixC: and the schema declares every property it carries (closed: tests/helpers/case-schema.ts).
    const closed = closedCaseJsonValidator();
    expect(closed(caseJson), JSON.stringify(closed.errors)).toBe(true);
    // Parties in full (the court must identify them); the history masked; service records; the award; no draft.
    expect(caseJson.parties[0].idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(JSON.stringify(caseJson.history)).not.toContain(caseJson.parties[0].idNumber);
    expect(caseJson.services.map((s: { document: string }) => s.document)).toEqual(['acceptance_notice', 'award', 'award']);
    expect(caseJson.award.items.map((i: { amount: string }) => i.amount)).toEqual(['12000.00', '20000.00']);
    expect(caseJson.documents.map((d: { title: string }) => d.title).join()).not.toContain('草稿');
    expect(caseJson.courtProceedings.lawsuits).toHaveLength(1);
    expect(caseJson.commission.keyId).toBe(pkg.keyId);
    // The PDFs inside are the stored documents, byte for byte.
    for (const d of caseJson.documents as { id: number; path: string; sha256: string }[]) {
      const inside = await (z.file(d.path) as JSZip.JSZipObject).async('nodebuffer');
      expect(Buffer.compare(inside, await downloadDocument(t, a.tokens.chair, d.id))).toBe(0);
    }
  });

  it('GET /api/keys publishes the key without a token; the private key is a 0600 file outside the database', async () => {
    const r = await t.api('not-a-token').get('/api/keys');
    expect(r.status).toBe(200);
    const [key] = r.body.keys;
    expect(key).toMatchObject({ keyId: pkg.keyId, algorithm: 'Ed25519', use: 'court-package' });
    keyPemFile = path.join(dir, 'published.pem');
    fs.writeFileSync(keyPemFile, key.publicKeyPem);
    expect(fs.statSync(KEY_PATH).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(KEY_PATH, 'utf8')).toContain('BEGIN PRIVATE KEY');
  });

  it('verifies offline with the standalone verifier and with npm run verify-package', () => {
    const r = runVerifier(zip, ['--key', keyPemFile]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('VERIFIED');
    const viaNpm = runVerifier(zip, ['--key', keyPemFile], true);
    expect(viaNpm.status, viaNpm.out).toBe(0);
    // With the key inside the package: verified, with a warning that the origin is not proven; by key id: proven.
    const embedded = runVerifier(zip);
    expect(embedded.status).toBe(0);
    expect(embedded.out).toContain('不能证明由仲裁委员会生成');
    expect(runVerifier(zip, ['--key-id', pkg.keyId]).status).toBe(0);
  });

  it('is refused after one byte of a PDF is changed (in the ZIP as it lies, and repacked with fresh CRCs)', async () => {
    // 1. Flip one byte of the stored PDF bytes in the ZIP file itself.
    const at = zip.indexOf(Buffer.from('%PDF-')) + 200;
    const raw = Buffer.from(zip);
    raw[at] = (raw[at] as number) ^ 0x01;
    const r1 = runVerifier(raw, ['--key', keyPemFile]);
    expect(r1.status).toBe(1);
    expect(r1.out).toMatch(/documents\/\d+-[a-z_]+\.pdf：SHA-256 不符/);
    expect(r1.out).toContain('REFUSED');

    // 2. Repack: the same files, one byte of a PDF changed — the ZIP is well formed, only the hash catches it.
    const z = await JSZip.loadAsync(zip);
    const pdfName = Object.keys(z.files).find((n) => n.startsWith('documents/')) as string;
    const pdf = Buffer.from(await (z.file(pdfName) as JSZip.JSZipObject).async('nodebuffer'));
    pdf[pdf.length - 10] = (pdf[pdf.length - 10] as number) ^ 0x20;
    z.file(pdfName, pdf, { compression: 'STORE' });
    const r2 = runVerifier(await z.generateAsync({ type: 'nodebuffer' }), ['--key', keyPemFile]);
    expect(r2.status).toBe(1);
    expect(r2.out).toContain(`${pdfName}：SHA-256 不符`);
    expect(r2.out).not.toContain('CRC');
  });

  it('is refused with a file added, case.json edited, or a manifest signed by another key', async () => {
    const added = await JSZip.loadAsync(zip);
    added.file('documents/99-award.pdf', Buffer.from('%PDF-1.4 forged'));
    const r1 = runVerifier(await added.generateAsync({ type: 'nodebuffer' }), ['--key', keyPemFile]);
    expect(r1.status).toBe(1);
    expect(r1.out).toContain('documents/99-award.pdf：清单中没有此文件');

    const edited = await JSZip.loadAsync(zip);
    const cj = JSON.parse(await (edited.file('case.json') as JSZip.JSZipObject).async('string'));
    cj.award.items[1].amount = '200000.00';
    edited.file('case.json', `${JSON.stringify(cj, null, 2)}\n`);
    const r2 = runVerifier(await edited.generateAsync({ type: 'nodebuffer' }), ['--key', keyPemFile]);
    expect(r2.status).toBe(1);
    expect(r2.out).toContain('case.json：SHA-256 不符');

    // A forger rewrites the manifest and signs it with a key of its own, shipping that key inside.
    const crypto = await import('node:crypto');
    const forger = crypto.generateKeyPairSync('ed25519');
    const forged = await JSZip.loadAsync(zip);
    const manifest = JSON.parse(await (forged.file('manifest.json') as JSZip.JSZipObject).async('string'));
    const cjBytes = Buffer.from(`${JSON.stringify(cj, null, 2)}\n`);
    forged.file('case.json', cjBytes);
    for (const f of manifest.files)
      if (f.path === 'case.json')
        Object.assign(f, { sha256: crypto.createHash('sha256').update(cjBytes).digest('hex'), size: cjBytes.length });
    const mBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    forged.file('manifest.json', mBytes);
    forged.file('manifest.sig', `${crypto.sign(null, mBytes, forger.privateKey).toString('base64')}\n`);
    forged.file('public-key.pem', forger.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const forgedZip = await forged.generateAsync({ type: 'nodebuffer' });
    const r3 = runVerifier(forgedZip, ['--key', keyPemFile]);
    expect(r3.status).toBe(1);
    expect(r3.out).toContain('签名无效');
    const r4 = runVerifier(forgedZip, ['--key-id', pkg.keyId]);
    expect(r4.status).toBe(1);
    expect(r4.out).toContain('密钥编号不符');
  });

  it('only the clerk and the chair may make or fetch a package (it carries identity numbers)', async () => {
    const body = { purpose: 'litigation' };
    for (const token of [arb.token, a.tokens.mediator, a.tokens.analyst, t.adminToken]) {
      expect((await t.api(token).post(`/api/cases/${c.id}/court-packages`, body)).status).toBe(403);
      expect((await download(token, pkg.id)).status).toBe(403);
      expect((await t.api(token).get(`/api/cases/${c.id}/court-packages`)).status).toBe(403);
    }
    const chair = await t
      .api(a.tokens.chair)
      .post(`/api/cases/${c.id}/court-packages`, { purpose: 'court_request', court: '聊城市中级人民法院' });
    expect(chair.status).toBe(201);
    expect(chair.body.court).toBe('聊城市中级人民法院');
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'fax' })).status).toBe(400);
    expect((await t.api(a.tokens.clerk).post('/api/cases/999999/court-packages', body)).status).toBe(404);
    expect((await download(a.tokens.clerk, 999999)).status).toBe(404);
  });

  it('a purpose that rests on an instrument the case does not have is refused (domain.md §11)', async () => {
    // An accepted case with no award, ruling or mediation document: nothing to enforce, transfer or set aside.
    const open = await registerCase(t, a, standardApplication());
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${open.id}/events`, { type: 'ACCEPT', occurredOn: '2026-04-01' })).status).toBe(
      200,
    );
    for (const [purpose, article] of [
      ['enforcement', '第五十一条'],
      ['advance_execution', '第四十四条'],
      ['set_aside', '第四十九条'],
    ] as const) {
      const r = await t.api(a.tokens.clerk).post(`/api/cases/${open.id}/court-packages`, { purpose });
      expect(r.status, purpose).toBe(422);
      expect(r.body).toMatchObject({ rule: 'court-package-purpose', field: 'purpose' });
      expect(r.body.detail).toContain(article);
    }
    // A suit (after non-acceptance or delay too) and a court's request for the file are not tied to an instrument.
    expect((await t.api(a.tokens.clerk).post(`/api/cases/${open.id}/court-packages`, { purpose: 'court_request' })).status).toBe(201);
    // The awarded case: the applicant sued on it, so it is not in effect and not enforced (LDMAL Art. 51, as
    // APPLY_ENFORCEMENT); its final items may be challenged by the employer.
    const award = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.award;
    const enforcement = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'enforcement' });
    expect(enforcement.status).toBe(422);
    expect(enforcement.body.detail).toContain('诉讼期间不能申请强制执行');
    // No application to set aside recorded (RECORD_SET_ASIDE): nothing for the intermediate court yet (med49 L3).
    expect(award).not.toBeNull();
    const setAside = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'set_aside' });
    expect(setAside.status).toBe(422);
    expect(setAside.body).toMatchObject({ rule: 'court-package-purpose', field: 'purpose' });
  });
});

describe(`court packages next to each other (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('concurrent generations of packages and documents for one case all succeed, chained in the history', async () => {
    // Before the case row was locked first, PostgreSQL found a deadlock here (the package's foreign key share lock,
    // then the history's FOR UPDATE) and every loser answered 503.
    const n = 6;
    const rs = await Promise.all([
      ...Array.from({ length: n }, () => t.api(a.tokens.clerk).post(`/api/cases/${c.id}/court-packages`, { purpose: 'litigation' })),
      ...Array.from({ length: 2 }, () => t.api(a.tokens.clerk).post(`/api/cases/${c.id}/documents`, { kind: 'acceptance_notice' })),
    ]);
    expect(
      rs.map((r) => r.status),
      JSON.stringify(rs.map((r) => r.body)),
    ).toEqual(Array(n + 2).fill(201));
    const history = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/events`)).body as {
      seq: number;
      type: string;
      payload: { packageId?: number };
    }[];
    const made = history.filter((e) => e.type === 'GENERATE_COURT_PACKAGE').map((e) => e.payload.packageId);
    for (const r of rs.slice(0, n)) expect(made).toContain(r.body.id);
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
  });

  it('is never stale on arrival: an event committed while it is assembled makes it assemble again', async () => {
    const deps = createDeps({ db: t.db, clock: t.clock, logger: createLogger('silent'), config: t.config });
    const clerk: Actor = { id: t.userId('clerk'), role: 'clerk', displayName: '书记员' };
    const before = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version as number;
    let calls = 0;
    const transact: Transact = async (fn) => {
      // Another user records a service while the package is being signed (the use case's seam: its unit of work).
      if (calls++ === 0) {
        const r = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/events`, {
          type: 'SERVE',
          occurredOn: '2026-04-13',
          document: 'other',
          partyId: c.respondents[0]?.id,
          method: 'direct',
        });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
      return inTransaction(deps, fn);
    };
    const p = await generateCourtPackage(deps, clerk, c.id, { purpose: 'litigation' }, transact);
    expect(calls).toBe(2);
    expect(p.caseVersion).toBe(before + 1);
    const z = await JSZip.loadAsync((await download(a.tokens.clerk, p.id)).body as Buffer);
    const caseJson = JSON.parse(await (z.file('case.json') as JSZip.JSZipObject).async('string'));
    expect(caseJson.services.map((s: { servedOn: string }) => s.servedOn)).toContain('2026-04-13');
  });
});

describe(`the signing key: made once, explicitly; only the registered key signs (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('an install without a key publishes none, refuses to sign, and no request makes one; keys:init does', async () => {
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-keyinit-'));
    const file = path.join(keyDir, 'keys', 'commission-ed25519.pem');
    const h = await startTestApp({ noSigningKey: true, env: { COMMISSION_KEY_PATH: file } });
    const opened: Database[] = [];
    const machine = (keyPath: string) => {
      const db = openDatabase(h.dbUrl);
      opened.push(db);
      const config = { ...h.config, commissionKeyPath: keyPath };
      return createApp({ db, clock: h.clock, logger: createLogger('silent'), config });
    };
    try {
      const ha = await createActors(h);
      const cc = await registerCase(h, ha);
      const make = (app = h.app) =>
        request(app)
          .post(`/api/cases/${cc.id}/court-packages`)
          .set('Authorization', `Bearer ${ha.tokens.clerk}`)
          .send({ purpose: 'court_request' });
      expect((await request(h.app).get('/api/keys')).body).toEqual({ keys: [] });
      const refused = await make();
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ rule: 'signing-key-not-initialised' });
      expect(refused.body.detail).toContain('npm run keys:init');
      expect(fs.existsSync(file), 'a request never makes the key').toBe(false);

      const init = await runScript('scripts/keys-init.ts', [], { DATABASE_URL: h.dbUrl, COMMISSION_KEY_PATH: file });
      expect(init.code, init.out).toBe(0);
      expect(init.out).toContain('created');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // No temporary file left (the key of the known login addresses lives beside it: app/users/known-addresses.ts).
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f !== 'login-address.key')).toEqual(['commission-ed25519.pem']);
      const keyId = (readKeyFile(file) as { keyId: string }).keyId;
      const published = (await request(h.app).get('/api/keys')).body.keys;
      expect(published.map((k: { keyId: string }) => k.keyId)).toEqual([keyId]);
      const made = await make();
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body.keyId).toBe(keyId);
      const again = await runScript('scripts/keys-init.ts', [], { DATABASE_URL: h.dbUrl, COMMISSION_KEY_PATH: file });
      expect(again.code, again.out).toBe(0);
      expect(again.out).toContain('is the registered key');

      // A second machine that made a key of its own: it refuses to sign, keys:init there says so, and GET /api/keys
      // on it still publishes the registered key, not its own.
      const other = path.join(keyDir, 'other.pem');
      expect(createKeyFile(other)).toBe(true);
      const second = machine(other);
      const mismatch = await make(second);
      expect(mismatch.status).toBe(503);
      expect(mismatch.body).toMatchObject({ rule: 'signing-key-mismatch' });
      expect(mismatch.body.detail).toContain(keyId);
      expect((await request(second).get('/api/keys')).body.keys.map((k: { keyId: string }) => k.keyId)).toEqual([keyId]);
      const otherInit = await runScript('scripts/keys-init.ts', [], { DATABASE_URL: h.dbUrl, COMMISSION_KEY_PATH: other });
      expect(otherInit.code).toBe(1);
      expect(otherInit.out).toContain(`is not the registered key ${keyId}`);

      // A machine with no key file: refuses to sign; keys:init does not make a second key for this database.
      const none = path.join(keyDir, 'none', 'commission-ed25519.pem');
      const missing = await make(machine(none));
      expect(missing.status).toBe(503);
      expect(missing.body).toMatchObject({ rule: 'signing-key-missing' });
      const noneInit = await runScript('scripts/keys-init.ts', [], { DATABASE_URL: h.dbUrl, COMMISSION_KEY_PATH: none });
      expect(noneInit.code).toBe(1);
      expect(noneInit.out).toContain('copy that key file');
      expect(fs.existsSync(none)).toBe(false);
      // Once the registered key is copied there, that machine signs.
      fs.mkdirSync(path.dirname(none), { recursive: true });
      fs.copyFileSync(file, none);
      expect((await make(machine(none))).status).toBe(201);
    } finally {
      for (const d of opened) await d.close();
      await h.close();
      fs.rmSync(keyDir, { recursive: true, force: true });
    }
  });

  it('processes racing to make the key file end with one complete key', async () => {
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-keyrace-'));
    const file = path.join(keyDir, 'commission-ed25519.pem');
    const script = path.join(keyDir, 'race.ts');
    fs.writeFileSync(
      script,
      `import { createKeyFile, readKeyFile } from ${JSON.stringify(path.resolve('app/court-package/keys.ts'))};
const made = createKeyFile(process.argv[2]);
console.log(JSON.stringify({ made, keyId: readKeyFile(process.argv[2])?.keyId }));\n`,
    );
    try {
      const runs = await Promise.all(Array.from({ length: 4 }, () => runScript(script, [file], {})));
      const out = runs.map((r) => JSON.parse(r.out.trim().split('\n').at(-1) as string) as { made: boolean; keyId: string });
      expect(out.filter((o) => o.made)).toHaveLength(1);
      expect(new Set(out.map((o) => o.keyId)).size).toBe(1);
      expect(readKeyFile(file)?.keyId).toBe(out[0]?.keyId);
      expect(fs.readdirSync(keyDir).sort()).toEqual(['commission-ed25519.pem', 'race.ts']);
    } finally {
      fs.rmSync(keyDir, { recursive: true, force: true });
    }
  });
});
