import { describe, expect, it } from 'vitest';

// Outside security tester s45 L1: a saved filter kept a whole phone typed with other dashes or invisible separators.
const g = globalThis as Record<string, unknown>;
const store = new Map<string, string>();
g.localStorage ??= { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
g.sessionStorage ??= { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
g.location ??= { hash: '#/cases' };
g.document ??= { querySelectorAll: () => [] };
g.window ??= { dispatchEvent: () => true };
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { savableQuery } = await import('../../web/pages/cases.js');

describe('savableQuery: any separator that is no letter or digit (s45 L1)', () => {
  it.each(['\u2010', '\u2011', '\u2013', '\u2015', '\u2212', '\u00ad', '\u200b', '\u2060', '\ufeff', '~', '|', '\u3001', '\u00a0'])(
    'U+%s between the groups of a phone: dropped',
    (sep) => {
      for (const q of [`138${sep}1234${sep}5678`, `1${sep}3${sep}8${sep}1${sep}2${sep}3`, `371502${sep}19900101${sep}8443`])
        expect(savableQuery(new URLSearchParams({ q, state: 'accepted' })).toString(), JSON.stringify(q)).toBe('state=accepted');
    },
  );
  it('circled digits too; names, case numbers and dates stay', () => {
    expect(savableQuery(new URLSearchParams({ q: '①③⑧①②③④⑤⑥⑦⑧' })).get('q')).toBeNull();
    for (const q of ['某某纺织有限公司', '聊劳人仲案字〔2026〕第15号', '张三', '12345', '2026年3月', 'ABC-123'])
      expect(savableQuery(new URLSearchParams({ q })).get('q'), q).toBe(q);
  });
});
