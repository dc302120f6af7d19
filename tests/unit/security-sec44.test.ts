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
g.sessionStorage = {
  getItem: (k: string) => session.get(k) ?? null,
  setItem: (k: string, v: string) => void session.set(k, v),
  removeItem: (k: string) => void session.delete(k),
};
g.location ??= { hash: '#/cases' };
g.document ??= { querySelectorAll: () => [] };
g.window ??= { dispatchEvent: () => true };
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { savableQuery } = await import('../../web/pages/cases.js');
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { rememberReturn, setSession, signOut, takeReturn } = await import('../../web/core.js');

describe('savableQuery', () => {
  it('drops a q that looks like an identity number or a phone, in any form; keeps names, case numbers and the rest', () => {
    for (const q of [
      '371502199001018443',
      '１３８１２３４５６７８',
      '138-1234-5678',
      '138 1234 5678',
      '0635-8123456',
      '三七一五〇二一九九〇',
      // Any number of separators, as the server strips them (a reviewer, s44 L2).
      '138 - 1234 - 5678',
      '138  1234  5678',
      '(0635) 812-3456',
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

describe("the place to come back to after signing in (a new user's walk, ui44 M5)", () => {
  it('an expired session returns its own user there; signing out leaves no place for the next one', () => {
    const loc = g.location as { hash: string };
    loc.hash = '#/cases/2';
    setSession('token-7', { id: 7 });
    signOut('登录已失效', { remote: false, keepDrafts: true });
    expect(takeReturn(8)).toBeNull(); // another person signing in on this browser
    setSession('token-7', { id: 7 });
    loc.hash = '#/cases/2';
    signOut('登录已失效', { remote: false, keepDrafts: true });
    expect(takeReturn(7)).toBe('#/cases/2');
    expect(takeReturn(7)).toBeNull(); // used once
    setSession('token-7', { id: 7 });
    loc.hash = '#/cases/2';
    signOut('已退出登录', { remote: false });
    expect(session.has('zc.return')).toBe(false);
    expect(takeReturn(8)).toBeNull();
    // A link opened while signed out leads whoever signs in to it; a sign-in page or a foreign URL never.
    rememberReturn('#/cases?state=accepted');
    expect(takeReturn(8)).toBe('#/cases?state=accepted');
    session.set('zc.return', JSON.stringify({ hash: 'https://example.com/', uid: null }));
    expect(takeReturn(8)).toBeNull();
  });
});
