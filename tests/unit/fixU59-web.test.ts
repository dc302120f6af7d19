import { describe, expect, it } from 'vitest';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { actWarnings } = await import('../../web/acts.js');
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { EVENT_FORMS } = await import('../../web/forms.js');

const c = { state: 'tribunal_formed', track: 'arbitration', proceedings: {}, applicants: [], respondents: [] };
const day = (date: string, kind: string, more: Record<string, unknown> = {}) => ({
  date,
  rest: kind === 'holiday' || kind === 'weekend',
  kind,
  provisional: false,
  ...more,
});

describe('fixU59 #3: a hearing on a rest day is warned of once — by the server when its preview answered', () => {
  it('restDayByServer: no holiday or weekend warning of the page’s own; without it, the page’s (the preview refused or failed)', () => {
    const opts = { restDayByServer: true };
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-10-01' }, day('2026-10-01', 'holiday', { name: '国庆节' }), opts)).toEqual(
      [],
    );
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-12' }, day('2026-12-12', 'weekend'), opts)).toEqual([]);
    expect(actWarnings('POSTPONE_HEARING', c, { hearingOn: '2026-12-13' }, null, opts)).toEqual([]);
    // What the server does not say (a weekday in a year whose holidays are not loaded) the page still says.
    expect(
      actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2027-01-05' }, day('2027-01-05', 'workday', { provisional: true }), opts)[0],
    ).toContain('无法判断是否为法定节假日');
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-12' }, day('2026-12-12', 'weekend'))[0]).toContain('休息日');
  });
});

describe('fixU59 #2: 履行义务人 on a pre-arbitration agreement is not said to ground an enforcement (LDMAL Arts. 15–16)', () => {
  it('the mediation track has its own hint; the tribunal’s 调解书 keeps the enforcement one (Art. 51)', () => {
    const f = (EVENT_FORMS.MEDIATION_AGREED as { name: string; hint?: string; trackHint?: Record<string, string> }[]).find(
      (x) => x.name === 'obligorIds',
    );
    expect(f?.hint).toContain('申请执行时据此核对申请人');
    expect(f?.trackHint?.mediation).not.toContain('申请执行时');
    // s60 W2 #5: the notice that an agreement is not enforceable (Art. 15) but grounds a payment order (Art. 16) is said
    // once in the dialog, under 履行期限 (performanceDueOn), not again under 履行义务人.
    expect(f?.trackHint?.mediation).not.toContain('第十五条');
    const due = (EVENT_FORMS.MEDIATION_AGREED as { name: string; trackHint?: Record<string, string> }[]).find(
      (x) => x.name === 'performanceDueOn',
    );
    expect(due?.trackHint?.mediation).toContain('第十五条');
    expect(due?.trackHint?.mediation).toContain('支付令');
  });
});

// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { caseName } = await import('../../web/core.js');

describe('fixU59 #5: a mediation or review application is named by its applicant and receipt, not a database id', () => {
  it('the case number first; else 调解申请（name，date收到）; the id only with neither read; arbitration unchanged', () => {
    const view = { id: 2, track: 'mediation', receivedOn: '2026-11-10', applicants: [{ name: '张三' }] };
    expect(caseName(view)).toBe('调解申请（张三，2026-11-10收到）');
    expect(caseName({ id: 3, track: 'review', receivedOn: '2026-11-20', applicantNames: ['李四', '王五'] })).toBe(
      '仲裁审查申请（李四等，2026-11-20收到）',
    );
    expect(caseName({ ...view, caseNo: '聊劳人仲案字〔2026〕1号' })).toBe('聊劳人仲案字〔2026〕1号');
    expect(caseName({ id: 4, track: 'review' })).toBe('仲裁审查申请#4');
    expect(caseName({ id: 5, track: 'arbitration', receivedOn: '2026-11-10', applicants: [{ name: '张三' }] })).toBe('仲裁申请#5');
  });
});

describe('fixA59 #2 in the web: a partial mediation agreement is a referral reason the form offers', () => {
  it('REFER_TO_ARBITRATION offers partial_agreement beside agreement_invalid, every API reason once', () => {
    const reason = (EVENT_FORMS.REFER_TO_ARBITRATION as { name: string; options?: Record<string, string> }[]).find(
      (f) => f.name === 'reason',
    );
    expect(Object.keys(reason?.options ?? {})).toEqual([
      'failed',
      'time_limit',
      'non_performance',
      'agreement_invalid',
      'partial_agreement',
    ]);
    expect(reason?.options?.partial_agreement).toContain('部分');
  });
});
