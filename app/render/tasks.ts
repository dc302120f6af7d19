import type { PeriodicReport } from '../../db/reports/periodic-report.ts';
import { loadBodyFont } from '../../templates/fonts.ts';
import { type DocSpec, MissingGlyphError, renderPdf } from '../../templates/layout.ts';
import { type CaseSheet, caseSheetXlsx } from '../cases/case-sheet.ts';
import { assemblePackage, type PackageParts } from '../court-package/assemble.ts';
import { reportCsv, reportPdf, reportXlsx } from '../stats/report-formats.ts';

/** Work sent to the render threads: plain data in, bytes out (app/render/pool.ts). */
export type RenderTask =
  /** The body font travels as its path (read once per thread), not as megabytes copied per document. */
  | { kind: 'pdf'; spec: DocSpec; createdAt: string; bodyFontPath: string | null }
  | { kind: 'report'; format: 'csv' | 'xlsx' | 'pdf'; report: PeriodicReport }
  | { kind: 'caseSheet'; sheet: CaseSheet }
  | { kind: 'courtPackage'; parts: PackageParts };

/** A class does not cross a thread: a missing glyph comes back as data and is thrown again on the other side. */
export type RenderResult =
  | { ok: true; bytes: Uint8Array; manifest?: Uint8Array; signature?: string }
  | { ok: false; missingGlyphs: string[] };

export async function runTask(task: RenderTask): Promise<RenderResult> {
  try {
    if (task.kind === 'pdf') {
      // A Buffer arrives as a plain Uint8Array: pdfkit wants a Buffer for the seal image.
      const spec = { ...task.spec, sealImage: task.spec.sealImage ? Buffer.from(task.spec.sealImage) : task.spec.sealImage };
      const bodyFont = task.bodyFontPath ? loadBodyFont(task.bodyFontPath) : null;
      return { ok: true, bytes: await renderPdf(spec, { createdAt: new Date(task.createdAt), bodyFont }) };
    }
    if (task.kind === 'courtPackage') {
      const a = await assemblePackage(task.parts);
      return { ok: true, bytes: a.bytes, manifest: a.manifestBytes, signature: a.signature };
    }
    if (task.kind === 'caseSheet') return { ok: true, bytes: await caseSheetXlsx(task.sheet) };
    const bytes =
      task.format === 'csv'
        ? reportCsv(task.report)
        : task.format === 'xlsx'
          ? await reportXlsx(task.report)
          : await reportPdf(task.report);
    return { ok: true, bytes };
  } catch (e) {
    if (e instanceof MissingGlyphError) return { ok: false, missingGlyphs: e.chars };
    throw e;
  }
}
