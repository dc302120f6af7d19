import { describe, expect, it } from 'vitest';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { roleActs } = await import('../../web/core.js');
const { EVENT_ROLES } = await import('../../workflows/roles.ts');

describe('fixU56 #3 roleActs: which roles get a 下一步 block', () => {
  it('the procedural roles act; the analyst and the admin do not (the vocabulary as the server sends it)', () => {
    for (const r of ['clerk', 'arbitrator', 'chair', 'mediator']) expect(roleActs(r, EVENT_ROLES)).toBe(true);
    for (const r of ['analyst', 'admin']) expect(roleActs(r, EVENT_ROLES)).toBe(false);
  });
  it('no role or no vocabulary: no acts', () => {
    expect(roleActs(undefined, EVENT_ROLES)).toBe(false);
    expect(roleActs('clerk', undefined)).toBe(false);
    expect(roleActs('clerk', { ACCEPT: ['clerk'], BAD: null })).toBe(true);
  });
});
