import { describe, expect, it } from 'vitest';
import { buildCaseView, viewDelta } from '../../app/cases/views.ts';
import type { CaseRecord } from '../../db/stores/cases.ts';
import { OfficialCalendar } from '../../workflows/calendar.ts';
import { packagedCalendarYears } from '../../workflows/calendar-seed.ts';
import { applyEvent, restore, type Snapshot, startCase } from '../../workflows/procedure.ts';
import type { EventType, Facts } from '../../workflows/procedure-types.ts';

// The audit row's "before" of an event is built reusing the sections of the "after" view whose inputs did not change
// (app/procedure/apply-event.ts): it must equal a view built from scratch, for every kind of step.
const cal = new OfficialCalendar(packagedCalendarYears());
const names = new Map([[7, '李仲裁员']]);
const record: CaseRecord = {
  id: 1,
  track: 'arbitration',
  state: 'received',
  receivedOn: '2026-03-02',
  postmarkOn: null,
  channel: 'counter',
  district: '东昌府区',
  facts: '事实',
  procedure: 'ordinary',
  collective: false,
  collectiveGround: null,
  wageArrears: false,
  caseNo: null,
  caseYear: null,
  caseSerial: null,
  acceptedOn: null,
  closureMode: null,
  closedOn: null,
  finality: null,
  snapshot: null,
  machineVersion: null,
  limitation: { knewOn: '2025-06-01', interruptions: [{ on: '2025-09-01', kind: '向用人单位主张权利' }] },
  version: 1,
  linkedCaseId: null,
  duplicateBars: [],
  createdBy: 1,
  createdAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T02:00:00.000Z',
  parties: [
    {
      id: 1,
      side: 'applicant',
      kind: 'person',
      name: '王伟',
      idNumber: '371502199001011234',
      sex: 'male',
      birthDate: '1990-01-01',
      ethnicity: null,
      phone: '13800000000',
      address: '聊城市',
      creditCode: null,
      legalRepresentative: null,
      legalRepresentativeTitle: null,
      agents: [{ id: 3, name: '张律师', kind: 'lawyer', unit: '某律所', phone: '13900000000' }],
    },
    {
      id: 2,
      side: 'respondent',
      kind: 'organization',
      name: '某公司',
      idNumber: null,
      sex: null,
      birthDate: null,
      ethnicity: null,
      phone: null,
      address: null,
      creditCode: '91371500MA3C000000',
      legalRepresentative: '赵某',
      legalRepresentativeTitle: '经理',
      agents: [],
    },
  ],
  claims: [
    { id: 10, seq: 1, category: 'wages', amountFen: 1_000_000, description: '工资' },
    { id: 11, seq: 2, category: 'contract', amountFen: null, description: '合同' },
  ],
};

const steps: [string, EventType, Record<string, unknown>, Facts][] = [
  ['2026-03-03', 'ACCEPT', {}, {}],
  ['2026-03-04', 'FORM_TRIBUNAL', { arbitratorIds: [7], presidingId: 7 }, {}],
  ['2026-03-04', 'SCHEDULE_HEARING', { hearingOn: '2026-03-20', place: '第一仲裁庭' }, { hearingNoticeOk: true }],
  ['2026-03-20', 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, {}],
  [
    '2026-03-21',
    'ISSUE_AWARD',
    {
      items: [
        { claimId: 10, outcome: 'granted', amount: '10000.00' },
        { claimId: 11, outcome: 'dismissed' },
      ],
      award: { items: [], finality: 'non_final', issuedOn: '2026-03-21', minimumWage: null, defaultAward: false },
    },
    {},
  ],
];

describe('the before view of a write, built from the after view in hand', () => {
  for (const level of ['full', 'masked', 'summary'] as const) {
    it(`equals a view built from scratch at every step (${level})`, () => {
      let snap: Snapshot = restore(
        startCase({
          ...record,
          parties: record.parties.map((p) => ({ id: p.id as number, side: p.side, kind: p.kind })),
          claims: record.claims.map((c) => ({ id: c.id as number, category: c.category })),
        }),
      );
      let c = record;
      for (const [i, [occurredOn, type, payload, facts]] of steps.entries()) {
        const r = applyEvent(snap, { type, occurredOn, payload, facts });
        if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r)}`);
        // An added claim on the last-but-one step: the registration part must then be rebuilt, not reused.
        const claims =
          type === 'HOLD_HEARING'
            ? [...c.claims, { id: 12, seq: 3, category: 'damages' as const, amountFen: 50_000, description: '赔偿' }]
            : c.claims;
        const updated: CaseRecord = { ...c, claims, state: r.state, version: c.version + 1, updatedAt: `2026-04-0${i + 1}T00:00:00.000Z` };
        const after = buildCaseView(updated, r.next.context, [], names, { level, calendar: cal });
        const fresh = buildCaseView(c, snap.context, [], names, { level, calendar: cal });
        const reused = buildCaseView(c, snap.context, [], names, {
          level,
          calendar: cal,
          reuse: { view: after, record: updated, ctx: r.next.context },
        });
        expect(reused).toEqual(fresh);
        expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
        expect(viewDelta(reused, after)).toEqual(viewDelta(fresh, after));
        snap = r.next;
        c = updated;
      }
    });
  }

  it('a view of another reader level is not reused', () => {
    const snap = restore(
      startCase({
        ...record,
        parties: record.parties.map((p) => ({ id: p.id as number, side: p.side, kind: p.kind })),
        claims: record.claims.map((c) => ({ id: c.id as number, category: c.category })),
      }),
    );
    const full = buildCaseView(record, snap.context, [], names, { level: 'full', calendar: cal });
    const masked = buildCaseView(record, snap.context, [], names, {
      level: 'masked',
      calendar: cal,
      reuse: { view: full, record, ctx: snap.context },
    });
    expect(masked).toEqual(buildCaseView(record, snap.context, [], names, { level: 'masked', calendar: cal }));
    expect(JSON.stringify(masked)).not.toContain('13800000000');
  });
});
