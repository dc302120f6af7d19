import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedureMarkdown } from '../../workflows/diagram.ts';
import { STATE_LABELS } from '../../workflows/labels.ts';

describe('the procedure diagram in docs/', () => {
  it('is generated from the machine and up to date (npm run diagram)', () => {
    expect(fs.readFileSync('docs/procedure.md', 'utf8')).toBe(procedureMarkdown());
  });
  it('shows every state with its Chinese label', () => {
    const md = procedureMarkdown();
    for (const [code, label] of Object.entries(STATE_LABELS)) expect(md, code).toContain(`${code}: ${code}<br/>${label}`);
  });
});
