import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNotices } from '../../scripts/notices.ts';

describe('redistribution', () => {
  it('THIRD_PARTY_NOTICES.md lists every runtime dependency as installed (run `npm run notices` when it changes)', () => {
    expect(fs.readFileSync(new URL('../../THIRD_PARTY_NOTICES.md', import.meta.url), 'utf8')).toBe(renderNotices());
  });
  it('the project carries its MIT licence', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(new URL('../../LICENSE', import.meta.url), 'utf8')).toMatch(/^MIT License/);
  });
});
