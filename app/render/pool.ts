import os from 'node:os';
import { Piscina } from 'piscina';
import type { PeriodicReport } from '../../db/reports/periodic-report.ts';
import { type DocSpec, MissingGlyphError } from '../../templates/layout.ts';
import type { CaseSheet } from '../cases/case-sheet.ts';
import type { AssembledPackage, PackageParts } from '../court-package/assemble.ts';
import { serviceUnavailable } from '../errors.ts';
import type { RenderResult, RenderTask } from './tasks.ts';

/**
 * PDF rendering and report files run on worker threads (piscina), not on the event loop: a large document or a long
 * report used to block every other request for seconds. One pool per process, made on first use; its threads are
 * released when idle. A full queue answers 503 with Retry-After instead of growing without bound.
 */
let pool: Piscina | null = null;
let threads = 1;
const MAX_QUEUE = 32;

/** How many render threads (RENDER_THREADS); takes effect for a pool not yet made. */
export function configureRenderPool(opts: { threads: number }): void {
  threads = Math.max(1, Math.min(opts.threads, Math.max(1, os.availableParallelism())));
}

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    maxQueue: MAX_QUEUE,
  });
  return pool;
}

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

async function run(task: RenderTask): Promise<Buffer> {
  const r = await runRaw(task);
  return asBuffer(r.bytes);
}

async function runRaw(task: RenderTask): Promise<Extract<RenderResult, { ok: true }>> {
  let r: RenderResult;
  try {
    r = (await thePool().run(task)) as RenderResult;
  } catch (e) {
    if (e instanceof Error && /queue is at limit/i.test(e.message)) throw serviceUnavailable('文书与报表生成繁忙，请稍后再试', 5);
    throw e;
  }
  if (!r.ok) throw new MissingGlyphError(r.missingGlyphs);
  return r;
}

/** templates/layout.ts `renderPdf`, on a render thread (`bodyFontPath`: DOCUMENT_BODY_FONT, or null for the default). */
export function renderPdfOffThread(spec: DocSpec, meta: { createdAt: Date; bodyFontPath: string | null }): Promise<Buffer> {
  return run({ kind: 'pdf', spec, createdAt: meta.createdAt.toISOString(), bodyFontPath: meta.bodyFontPath });
}

/** The report's csv, xlsx or pdf file (app/stats/report-formats.ts), on a render thread. */
export function renderReportOffThread(format: 'csv' | 'xlsx' | 'pdf', report: PeriodicReport): Promise<Buffer> {
  return run({ kind: 'report', format, report });
}

/** The case-list export's xlsx (app/cases/case-sheet.ts), on a render thread. */
export function renderCaseSheetOffThread(sheet: CaseSheet): Promise<Buffer> {
  return run({ kind: 'caseSheet', sheet });
}

/** A court package's hashes, signed manifest and ZIP (app/court-package/assemble.ts), on a render thread. */
export async function assemblePackageOffThread(parts: PackageParts): Promise<AssembledPackage> {
  const r = await runRaw({ kind: 'courtPackage', parts });
  return { bytes: asBuffer(r.bytes), manifestBytes: asBuffer(r.manifest as Uint8Array), signature: r.signature as string };
}

/** Ends the render threads (scripts that must exit promptly; tests). */
export async function closeRenderPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
