import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { actWarnings, GENERATED_AS } from '../../web/acts.js';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;

const c = { id: 1, track: 'arbitration', applicants: [{ id: 1, name: '王大槌' }], respondents: [], claims: [] };
const names = { addition_notice: '追加当事人通知书' };
const serve = (documents: unknown[] | null) =>
  actWarnings('SERVE', c, { document: 'addition_notice', partyId: 1, method: 'direct', occurredOn: '2026-11-09' }, null, {
    documents,
    docNames: names,
  });

describe('s62 A #1 — the 追加当事人通知书 is a document the system makes', () => {
  it('the SERVE list marks it （本案尚未生成） until it is generated, and the confirmation asks (one table: GENERATED_AS)', () => {
    // web/pages/act.js marks a SERVE document 「（本案尚未生成）」 by this same table.
    expect(GENERATED_AS.addition_notice).toEqual(['addition_notice']);
    expect(serve([])).toEqual([expect.stringContaining('本案尚未生成《追加当事人通知书》')]);
    expect(serve([{ kind: 'respond_notice' }])).toEqual([expect.stringContaining('本案尚未生成《追加当事人通知书》')]);
    expect(serve([{ kind: 'addition_notice' }])).toEqual([]);
  });
});
