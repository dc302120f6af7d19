import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { actWarnings, consequenceOf, PREVIEWS_WARNINGS } from '../../web/acts.js';
import { classify, duplicateAcceptRefusal } from '../../workflows/duplicates.ts';
import { defensePeriodWarnings } from '../../workflows/hearings.ts';
import { contributions, type StatFacts } from '../../workflows/stat-facts.ts';

/** void44: the pure halves of the voided registration, the defense-period warning and the duplicate wording. */
const defense = { kind: 'defense', label: '被申请人答辩期', dueOn: '2026-03-20', provisional: false };
const ctx = {
  track: 'arbitration',
  acceptedOn: '2026-03-04',
  closure: null,
  defensePeriodDays: null,
  parties: [{ id: 2, side: 'respondent' }],
} as unknown as Parameters<typeof defensePeriodWarnings>[0];

describe('defensePeriodWarnings (LDMAL Art. 30; Rules Art. 58)', () => {
  it('warns on or before the last day, naming it; not after it; before service, that the period has not begun', () => {
    expect(defensePeriodWarnings(ctx, '2026-03-20', [defense]).join('')).toContain('2026-03-20 届满');
    expect(defensePeriodWarnings(ctx, '2026-03-21', [defense])).toEqual([]);
    expect(defensePeriodWarnings(ctx, '2026-03-25', []).join('')).toContain('尚未收到仲裁申请书副本');
    expect(defensePeriodWarnings({ ...ctx, closure: { mode: 'award' } } as never, '2026-03-10', [defense])).toEqual([]);
  });

  it('a respondent added later and not yet served is warned of, though the first respondent’s period has run (s44 L5)', () => {
    const added = {
      ...ctx,
      parties: [...ctx.parties, { id: 5, side: 'respondent' }],
      partyAdditions: [{ on: '2026-03-25', partyId: 5, side: 'respondent', ground: 'joint_liability' }],
    } as unknown as Parameters<typeof defensePeriodWarnings>[0];
    const unserved = defensePeriodWarnings(added, '2026-04-01', [defense], '2026-03-26');
    expect(unserved).toHaveLength(1);
    expect(unserved[0]).toContain('追加的被申请人（当事人5）尚未收到仲裁申请书副本');
    // Served: its own period (defense_added_party) is what is compared.
    const own = { kind: 'defense_added_party', label: '追加的被申请人答辩期（当事人5）', dueOn: '2026-04-10', partyId: 5 };
    expect(defensePeriodWarnings(added, '2026-04-01', [defense, own], '2026-03-26').join('')).toContain('2026-04-10 届满');
    expect(defensePeriodWarnings(added, '2026-04-13', [defense, own], '2026-03-26')).toEqual([]);
    // A third party added is not a respondent: it has no defense period to wait for.
    const third = { ...added, partyAdditions: [{ on: '2026-03-25', partyId: 5, side: 'third_party', ground: 'x' }] } as typeof added;
    expect(defensePeriodWarnings(third, '2026-04-01', [defense], '2026-03-26')).toEqual([]);
  });

  it('the web asks the server: a hearing act is previewed and its warnings confirmed (the rule has one home)', () => {
    expect([...PREVIEWS_WARNINGS].sort()).toEqual(['HOLD_HEARING', 'ISSUE_AWARD', 'PARTIAL_AWARD', 'SCHEDULE_HEARING']);
    const c = { track: 'arbitration', acceptedOn: '2026-03-04', closure: null, respondents: [{ id: 2 }], deadlines: [defense] };
    // No second copy of the rule in the browser that could say otherwise than the server.
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-03-20', occurredOn: '2026-03-09' }).join('')).not.toContain('答辩期');
  });
});

describe('a voided registration', () => {
  it('bars nothing and is counted nowhere', () => {
    expect(classify({ state: 'voided', closureMode: 'voided' }).bars).toBe(false);
    const recorded = [{ caseId: 7, bars: true }];
    expect(
      duplicateAcceptRefusal(recorded, [{ id: 7, caseNo: null, receivedOn: '2026-03-02', state: 'voided', closureMode: 'voided' }], {}),
    ).toBeNull();
    const f = {
      track: 'arbitration',
      receivedOn: '2026-03-02',
      closureMode: 'voided',
      closedOn: '2026-03-02',
      acceptedOn: null,
      claimLines: '[]',
    };
    expect(contributions(f as unknown as StatFacts)).toEqual([]);
  });

  it('its confirmation says what follows', () => {
    expect(consequenceOf('VOID_REGISTRATION', { track: 'arbitration' })).toContain(
      '作废后本登记不再作为仲裁申请处理，不计入统计，不可恢复',
    );
  });

  it('an earlier application only received is 尚在审查受理中; an accepted one 仍在仲裁程序中', () => {
    expect(classify({ state: 'received', closureMode: null }).what).toBe('尚在审查受理中');
    expect(classify({ state: 'pending_supplement', closureMode: null }).what).toBe('尚在审查受理中');
    expect(classify({ state: 'accepted', closureMode: null }).what).toBe('仍在仲裁程序中');
  });
});
