import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { consequenceOf } from '../../web/acts.js';

/** What the act dialogs' confirmations say follows (web/acts.js): the law of the case's track, the document served. */
describe('consequenceOf', () => {
  it('a failed or agreed mediation before arbitration cites LDMAL Arts. 5 and 14, not the tribunal’s Art. 42', () => {
    const pre = { track: 'mediation' };
    const inside = { track: 'arbitration' };
    expect(consequenceOf('MEDIATION_FAILED', pre)).toContain('第五条');
    expect(consequenceOf('MEDIATION_FAILED', pre)).not.toContain('仲裁庭');
    expect(consequenceOf('MEDIATION_AGREED', pre)).toContain('第十四条');
    expect(consequenceOf('MEDIATION_FAILED', inside)).toContain('第四十二条');
  });
  it('serving the award asks first (the periods run from receipt); serving a notice does not', () => {
    const c = { track: 'arbitration' };
    expect(consequenceOf('SERVE', c, { document: 'award' })).toContain('第四十八条至第五十条');
    expect(consequenceOf('SERVE', c, { document: 'acceptance_notice' })).toBeNull();
    expect(consequenceOf('SERVE', c)).toBeNull();
    expect(consequenceOf('SCHEDULE_HEARING', c)).toBeNull();
    expect(consequenceOf('ACCEPT', c)).toContain('第四十三条');
  });
});
