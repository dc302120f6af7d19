import type { PeriodicReport } from '../../db/reports/periodic-report.ts';
import { type DocSpec, MissingGlyphError, renderPdf } from '../../templates/layout.ts';
import { reportCsv, reportPdf, reportXlsx } from '../stats/report-formats.ts';

/** Work sent to the render threads: plain data in, bytes out (app/render/pool.ts). */
export type RenderTask =
  | { kind: 'pdf'; spec: DocSpec; createdAt: string }
  | { kind: 'report'; format: 'csv' | 'xlsx' | 'pdf'; report: PeriodicReport; today: string };

/** A class does not cross a thread: a missing glyph comes back as data and is thrown again on the other side. */
export type RenderResult = { ok: true; bytes: Uint8Array } | { ok: false; missingGlyphs: string[] };

export async function runTask(task: RenderTask): Promise<RenderResult> {
  try {
    if (task.kind === 'pdf') return { ok: true, bytes: await renderPdf(task.spec, { createdAt: new Date(task.createdAt) }) };
    const bytes =
      task.format === 'csv'
        ? reportCsv(task.report)
        : task.format === 'xlsx'
          ? await reportXlsx(task.report)
          : await reportPdf(task.report, task.today);
    return { ok: true, bytes };
  } catch (e) {
    if (e instanceof MissingGlyphError) return { ok: false, missingGlyphs: e.chars };
    throw e;
  }
}
