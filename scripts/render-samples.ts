/**
 * `npm run docs:samples [dir]` — renders one of each document kind for a sample case (every decision matter, the
 * mixed award's two parts, and a draft award with the seal placeholder) and writes the PDFs and, with poppler's
 * pdftoppm, every page as PNG, for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILDERS, type DocInput, type DocumentKind } from '../templates/kinds.ts';
import { type DocSpec, renderPdf } from '../templates/layout.ts';
import { SAMPLE_INPUT, sampleFor } from '../templates/sample.ts';

const out = process.argv[2] ?? 'artifacts/documents';
fs.mkdirSync(out, { recursive: true });
async function write(name: string, spec: DocSpec) {
  const file = path.join(out, name);
  fs.writeFileSync(`${file}.pdf`, await renderPdf(spec, { createdAt: new Date('2026-04-20T02:00:00Z') }));
  const r = spawnSync('pdftoppm', ['-r', '70', '-png', `${file}.pdf`, file]);
  console.log(`${file}.pdf${r.status === 0 ? ' (+ page PNGs)' : ''}`);
}
const variants: [string, DocumentKind, Partial<DocInput['text']>][] = [
  ...(Object.keys(BUILDERS) as DocumentKind[]).filter((k) => k !== 'decision').map((k): [string, DocumentKind, object] => [k, k, {}]),
  ...(['suspension', 'extension', 'correction'] as const).map((m): [string, DocumentKind, object] => [
    `decision-${m}`,
    'decision',
    // The sample award is split by finality: the correction names the part it corrects (Rules Art. 54).
    { matter: m, body: '第一项中“2025年10月”应为“2025年9月”。', decidedOn: '2026-04-20', corrects: { part: 'final' } },
  ]),
];
for (const [name, kind, text] of variants) {
  const sample = sampleFor(kind);
  const specs = BUILDERS[kind]({ ...sample, text: { ...sample.text, ...text } });
  for (const [i, spec] of specs.entries()) await write(`${name}${specs.length > 1 ? `-${i + 1}` : ''}`, spec);
}
const [draft] = BUILDERS.award(SAMPLE_INPUT);
await write('award-draft', { ...(draft as DocSpec), draft: true, certified: undefined });
