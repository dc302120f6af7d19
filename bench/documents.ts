/**
 * `npm run bench:documents` — the award template against a bare pdfkit page with the same font and the same
 * text (the floor). Reports the first document in this fresh process, the warm median of 50, and PDF sizes.
 * Target (issue 5): warm award within 1.5× of the floor and under 150 KB.
 */
import PDFDocument from 'pdfkit';
import { songRegular } from '../templates/fonts.ts';
import { BUILDERS } from '../templates/kinds.ts';
import { type DocSpec, renderPdf, specText } from '../templates/layout.ts';
import { SAMPLE_INPUT } from '../templates/sample.ts';

// The sample case's award: the final document of a mixed award, three pages with the arbitrator's text.
const spec = BUILDERS.award(SAMPLE_INPUT)[0] as DocSpec;

/** The floor: the same text in the same (regular) font on A4 with bare pdfkit, no layout. */
function bare(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  doc.registerFont('song', songRegular());
  doc.font('song').fontSize(16).text(text);
  doc.end();
  return done;
}

const text = specText(spec);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = async (f: () => Promise<Buffer>) => {
  const t0 = performance.now();
  const b = await f();
  return { ms: performance.now() - t0, size: b.length };
};

const firstAward = await time(() => renderPdf(spec, { createdAt: new Date('2026-04-20T02:00:00Z') }));
const firstBare = await time(() => bare(text));
const warmAward: number[] = [];
const warmBare: number[] = [];
let awardSize = 0;
let bareSize = 0;
for (let i = 0; i < 50; i++) {
  const a = await time(() => renderPdf(spec, { createdAt: new Date('2026-04-20T02:00:00Z') }));
  const b = await time(() => bare(text));
  warmAward.push(a.ms);
  warmBare.push(b.ms);
  awardSize = a.size;
  bareSize = b.size;
}
const wa = median(warmAward);
const wb = median(warmBare);
console.log('award (sample case, final part of a mixed award) vs bare pdfkit with the same font and text');
console.log(`  first in process: award ${firstAward.ms.toFixed(0)} ms (font load included), bare ${firstBare.ms.toFixed(0)} ms`);
console.log(
  `  warm median of 50: award ${wa.toFixed(1)} ms, bare ${wb.toFixed(1)} ms → ${(wa / wb).toFixed(2)}× the floor (target ≤ 1.5×)`,
);
console.log(
  `  size: award ${(awardSize / 1024).toFixed(0)} KB (two faces: regular + bold), bare ${(bareSize / 1024).toFixed(0)} KB (target < 150 KB)`,
);
