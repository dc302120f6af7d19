import { describe, expect, it } from 'vitest';

/**
 * Saved case-list filters (security check sec44, INFO): a search text that looks like an identity number or a phone
 * is not kept in the browser's storage, and signing out leaves no saved filter behind.
 */
const store = new Map<string, string>();
const storage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => void store.set(k, String(v)),
  removeItem: (k: string) => void store.delete(k),
  key: (i: number) => [...store.keys()][i] ?? null,
  get length() {
    return store.size;
  },
};
const session = new Map<string, string>();
const g = globalThis as Record<string, unknown>;
g.localStorage = storage;
g.sessionStorage = { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v) };
g.location ??= { hash: '#/cases' };
g.document ??= { querySelectorAll: () => [] };
g.window ??= { dispatchEvent: () => true };
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { savableQuery } = await import('../../web/pages/cases.js');
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { setSession, signOut } = await import('../../web/core.js');

describe('savableQuery', () => {
  it('drops a q that looks like an identity number or a phone, in any form; keeps names, case numbers and the rest', () => {
    for (const q of [
      '371502199001018443',
      '１３８１２３４５６７８',
      '138-1234-5678',
      '138 1234 5678',
      '0635-8123456',
      '三七一五〇二一九九〇',
    ])
      expect(savableQuery(new URLSearchParams({ q, state: 'accepted' })).toString(), q).toBe('state=accepted');
    for (const q of ['某某纺织有限公司', '聊劳人仲案字〔2026〕第15号', '张三', '12345'])
      expect(savableQuery(new URLSearchParams({ q, wageArrears: 'true' })).get('q'), q).toBe(q);
  });
});

describe('signing in and out', () => {
  it('signing out clears every saved filter; another user signing in clears the previous one’s', () => {
    store.set('zc.filters.7', JSON.stringify([{ name: 'x', query: 'q=%E5%BC%A0%E4%B8%89' }]));
    store.set('zc.filters.8', '[]');
    store.set('zc.draft.7.reg', '{}');
    setSession('token-7', { id: 7 });
    expect(store.has('zc.filters.7')).toBe(true);
    expect(store.has('zc.filters.8')).toBe(false);
    // A session that expired (the sign-in dialog opens over the work) keeps them.
    signOut('登录已失效', { remote: false, keepDrafts: true });
    expect(store.has('zc.filters.7')).toBe(true);
    setSession('token-7', { id: 7 });
    signOut('已退出登录', { remote: false });
    expect([...store.keys()].filter((k) => k.startsWith('zc.filters.') || k.startsWith('zc.draft.'))).toEqual([]);
  });
});
