/**
 * `npm run docs:samples [dir]` — renders one of each document kind for a sample case and writes the PDFs and,
 * with poppler's pdftoppm, page 1 of each as PNG, for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILDERS, type DocumentKind } from '../templates/kinds.ts';
import { renderPdf } from '../templates/layout.ts';
import { SAMPLE_INPUT } from '../templates/sample.ts';

const out = process.argv[2] ?? 'artifacts/documents';
fs.mkdirSync(out, { recursive: true });
for (const kind of Object.keys(BUILDERS) as DocumentKind[]) {
  const specs = BUILDERS[kind](SAMPLE_INPUT);
  for (const [i, spec] of specs.entries()) {
    const file = path.join(out, `${kind}${specs.length > 1 ? `-${i + 1}` : ''}`);
    fs.writeFileSync(`${file}.pdf`, await renderPdf(spec, { createdAt: new Date('2026-04-20T02:00:00Z') }));
    const r = spawnSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', `${file}.pdf`, file]);
    console.log(`${file}.pdf${r.status === 0 ? ' (+ page 1 PNG)' : ''}`);
  }
}
