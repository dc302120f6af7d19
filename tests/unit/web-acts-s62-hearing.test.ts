import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { consequenceOf } from '../../web/acts.js';

/**
 * s62 (a new user's walk): the confirmation of a hearing set or moved states the notice rule of the case's procedure —
 * an ordinary case's five days' written notice and three days to ask for a postponement (LDMAL Art. 35), a simple case's
 * date set according to the case with the right to be heard (Rules Art. 60), not the ordinary rule as if it bound it.
 */
const c = (procedure: string) => ({
  procedure,
  applicants: [{ id: 1, name: '甲' }],
  respondents: [{ id: 2, name: '乙公司' }],
  proceedings: {},
});

describe('hearing confirmation by procedure', () => {
  it('ordinary: LDMAL Art. 35 as it binds; simple: Rules Art. 60, the ordinary rule named as such', () => {
    const body = { hearingOn: '2026-03-11', time: '09:00', place: '第一仲裁庭' };
    const ordinary = consequenceOf('SCHEDULE_HEARING', c('ordinary'), body) as string;
    expect(ordinary).toContain('仲裁庭应当在开庭五日前，将开庭日期、地点书面通知双方当事人');
    expect(ordinary).not.toContain('第六十条');
    const simple = consequenceOf('SCHEDULE_HEARING', c('simple'), body) as string;
    expect(simple).toContain(
      '本案简易处理：仲裁庭可以根据案件情况确定开庭日期，但应当保障当事人陈述意见的权利（《劳动人事争议仲裁办案规则》第六十条）',
    );
    expect(simple).not.toContain('仲裁庭应当在开庭五日前');
    expect(consequenceOf('POSTPONE_HEARING', c('simple'), { ...body, reason: 'x' }) as string).toContain('第六十条');
  });
});
