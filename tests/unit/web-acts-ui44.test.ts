import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { actWarnings, consequenceOf } from '../../web/acts.js';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { EVENT_FORMS } = await import('../../web/forms.js');

const c = { id: 1, track: 'arbitration', applicants: [{ id: 1, name: '王大槌' }], respondents: [], claims: [{ amount: '15000.00' }] };
const names = { award: '裁决书', hearing_notice: '开庭通知书', application_copy: '仲裁申请书副本', mediation_document: '调解书' };
const serve = (document: string, documents: unknown[] | null) =>
  actWarnings('SERVE', c, { document, partyId: 1, method: 'direct', occurredOn: '2026-03-20' }, null, { documents, docNames: names });

describe('ui44 act confirmations', () => {
  it('M1 a service of a document the system makes but has not made is asked about', () => {
    expect(serve('award', [])).toEqual([expect.stringContaining('本案尚未生成《裁决书》')]);
    expect(serve('hearing_notice', [{ kind: 'acceptance_notice' }])[0]).toContain('本案尚未生成《开庭通知书》');
    // Made: nothing said; a partial award's 部分裁决书 is a 裁决书 served.
    expect(serve('award', [{ kind: 'award' }])).toEqual([]);
    expect(serve('award', [{ kind: 'partial_award' }])).toEqual([]);
    expect(serve('hearing_notice', [{ kind: 'hearing_notice' }])).toEqual([]);
    // A document the system does not make (the applicant's own application), or a list not read: nothing said.
    expect(serve('application_copy', [])).toEqual([]);
    expect(serve('award', null)).toEqual([]);
  });
  it('L2 the 送达 button tooltip (no body) names no empty date', () => {
    const tip = consequenceOf('SERVE', c);
    expect(tip).not.toMatch(/送交日期\s+为/);
    expect(tip).toContain('未填写送达日期的，以送交日期为送达日期');
    // With the dialog's date, the day is named.
    expect(consequenceOf('SERVE', c, { document: 'other', occurredOn: '2026-03-20' })).toContain('以送交日期 2026-03-20 为送达日期');
    expect(consequenceOf('SIGN_MEDIATION_DOCUMENT', { ...c, proceedings: {} })).not.toMatch(/登记日期\s+为/);
  });
  it('L3 a mediation before arbitration speaks of 调解请求 and of a 调解协议书, not of a 调解书 to enforce', () => {
    expect(actWarnings('MEDIATION_AGREED', { ...c, track: 'mediation' }, { amount: '20000' })[0]).toContain(
      '超过调解请求金额合计 15000.00 元',
    );
    expect(actWarnings('MEDIATION_AGREED', c, { amount: '20000' })[0]).toContain('超过仲裁请求金额合计');
    const due = EVENT_FORMS.MEDIATION_AGREED.find((f: { name: string }) => f.name === 'performanceDueOn');
    expect(due.trackHint.mediation).toContain('支付令');
    expect(due.trackHint.mediation).not.toContain('申请强制执行期间自此起算');
    expect(consequenceOf('MEDIATION_AGREED', { ...c, track: 'mediation' })).toContain('支付令');
  });
  it('L4 the 送达日期 hint names the dialog’s own date field', () => {
    const served = EVENT_FORMS.SERVE.find((f: { name: string }) => f.name === 'servedOn');
    expect(served.hint).toBe('不填则为送交日期');
  });
});
