import { describe, expect, it } from 'vitest';
import {
  type Actor,
  awardPreviewRefusal,
  awardPreviewRoleRefusal,
  type CaseScope,
  claimHistoryRefusal,
  claimHistoryRoleRefusal,
  courtPackageRefusal,
  courtPackageRoleRefusal,
  DOCUMENT_ROLES,
  documentListRefusal,
  documentReadRefusal,
  documentRoleRefusal,
  editRegistrationRefusal,
  editRegistrationRoleRefusal,
  eventRefusal,
  eventRoleRefusal,
  eventsForActor,
  generateDocumentRefusal,
  generateDocumentRoleRefusal,
  inScope,
  readLevel,
} from '../../app/policy.ts';
import { EVENT_TYPES } from '../../workflows/procedure-types.ts';

/** api.md "Scope (v1.1)" and "Reading (v1.1)", rule by rule, against the one policy module. */
const ARB: Actor = { id: 7, role: 'arbitrator', displayName: '李' };
const OTHER_ARB: Actor = { id: 8, role: 'arbitrator', displayName: '王' };
const MED: Actor = { id: 20, role: 'mediator', displayName: '刘' };
const CHAIR: Actor = { id: 2, role: 'chair', displayName: '张' };
const CLERK: Actor = { id: 3, role: 'clerk', displayName: '书' };
const ANALYST: Actor = { id: 4, role: 'analyst', displayName: '陈' };
const ADMIN: Actor = { id: 1, role: 'admin', displayName: '管' };

const preTribunal: CaseScope = { track: 'arbitration', tribunalIds: null, mediatorIds: [], registeredBy: CLERK.id };
const withTribunal: CaseScope = { ...preTribunal, tribunalIds: [7] };
const allowed = (r: string | null) => r === null;

describe('scope: arbitrators', () => {
  it('before a tribunal exists an arbitrator may do nothing but read (the audit: mediation closed by an outsider)', () => {
    for (const type of EVENT_TYPES) expect(allowed(eventRefusal(ARB, type, preTribunal)), type).toBe(false);
    expect(allowed(generateDocumentRefusal(ARB, 'mediation_document', '调解书', preTribunal))).toBe(false);
    expect(readLevel(ARB, preTribunal)).toBe('masked');
  });

  it('on its own tribunal it acts by role; on another tribunal it acts on nothing and reads masked', () => {
    for (const type of ['SCHEDULE_HEARING', 'HOLD_HEARING', 'START_MEDIATION', 'ISSUE_AWARD', 'ASSIGN_MEDIATOR'] as const) {
      expect(allowed(eventRefusal(ARB, type, withTribunal)), type).toBe(true);
      expect(allowed(eventRefusal(OTHER_ARB, type, withTribunal)), type).toBe(false);
    }
    expect(allowed(eventRefusal(ARB, 'FORM_TRIBUNAL', withTribunal))).toBe(false);
    expect(readLevel(ARB, withTribunal)).toBe('full');
    expect(readLevel(OTHER_ARB, withTribunal)).toBe('masked');
    expect(allowed(documentReadRefusal(OTHER_ARB, withTribunal))).toBe(false);
    expect(eventsForActor(OTHER_ARB, withTribunal, EVENT_TYPES)).toEqual([]);
  });
});

describe('scope: mediators', () => {
  it('an arbitration case is a mediator’s only once assigned (by the chair before a tribunal, by the tribunal after)', () => {
    expect(allowed(eventRefusal(MED, 'START_MEDIATION', preTribunal))).toBe(false);
    const assigned = { ...preTribunal, mediatorIds: [MED.id] };
    expect(allowed(eventRefusal(MED, 'START_MEDIATION', assigned))).toBe(true);
    expect(allowed(eventRefusal(MED, 'MEDIATION_AGREED', { ...withTribunal, mediatorIds: [MED.id] }))).toBe(true);
    expect(allowed(eventRefusal(MED, 'MEDIATION_AGREED', withTribunal))).toBe(false);
    expect(allowed(eventRefusal(CHAIR, 'ASSIGN_MEDIATOR', preTribunal))).toBe(true);
    expect(allowed(eventRefusal(CHAIR, 'ASSIGN_MEDIATOR', withTribunal))).toBe(false);
    expect(allowed(eventRefusal(ARB, 'ASSIGN_MEDIATOR', withTribunal))).toBe(true);
    expect(allowed(eventRefusal(CLERK, 'ASSIGN_MEDIATOR', preTribunal))).toBe(false);
  });

  it('a pre-arbitration mediation is a mediator’s when it registered it or was assigned to it', () => {
    const track: CaseScope = { track: 'mediation', tribunalIds: null, mediatorIds: [], registeredBy: MED.id };
    expect(inScope(MED, track)).toBe(true);
    expect(inScope(MED, { ...track, registeredBy: CLERK.id })).toBe(false);
    expect(inScope(MED, { ...track, registeredBy: CLERK.id, mediatorIds: [MED.id] })).toBe(true);
    expect(allowed(eventRefusal(CLERK, 'ASSIGN_MEDIATOR', track))).toBe(true);
    expect(allowed(eventRefusal(CHAIR, 'ASSIGN_MEDIATOR', track))).toBe(true);
    expect(allowed(editRegistrationRefusal(MED, { ...track, registeredBy: CLERK.id }))).toBe(false);
    expect(allowed(editRegistrationRefusal(MED, track))).toBe(true);
  });
});

describe('read levels', () => {
  it('admin, clerk and chair read in full; analysts read summaries and no documents', () => {
    for (const who of [ADMIN, CLERK, CHAIR]) expect(readLevel(who, withTribunal)).toBe('full');
    expect(readLevel(ANALYST, withTribunal)).toBe('summary');
    expect(allowed(documentReadRefusal(ANALYST, withTribunal))).toBe(false);
    for (const type of EVENT_TYPES) expect(allowed(eventRefusal(ANALYST, type, withTribunal))).toBe(false);
  });
});

describe('the role’s half of a case question (asked before the case is loaded: 403 before 404)', () => {
  const everyone = [ARB, OTHER_ARB, MED, CHAIR, CLERK, ANALYST, ADMIN];
  const scopesOf = (x: Actor): CaseScope[] => [
    preTribunal,
    withTribunal,
    { track: 'arbitration', tribunalIds: [x.id], mediatorIds: [x.id], registeredBy: x.id },
    { track: 'arbitration', tribunalIds: null, mediatorIds: [x.id], registeredBy: x.id },
    { track: 'mediation', tribunalIds: null, mediatorIds: [x.id], registeredBy: x.id },
  ];
  /** The role's half refuses exactly what the whole question refuses on every case, the actor's own included. */
  const agrees = (label: string, roleHalf: (x: Actor) => string | null, whole: (x: Actor, s: CaseScope) => string | null) => {
    for (const x of everyone) {
      const refusedEverywhere = scopesOf(x).every((s) => whole(x, s) !== null);
      expect(roleHalf(x) !== null, `${label} ${x.role}#${x.id}`).toBe(refusedEverywhere);
    }
  };
  it('events, registration edits, documents, court packages, claim lines and the award preview', () => {
    for (const type of EVENT_TYPES)
      agrees(
        type,
        (x) => eventRoleRefusal(x, type),
        (x, s) => eventRefusal(x, type, s),
      );
    agrees('edit', editRegistrationRoleRefusal, editRegistrationRefusal);
    for (const kind of Object.keys(DOCUMENT_ROLES))
      agrees(
        kind,
        (x) => generateDocumentRoleRefusal(x, kind, kind),
        // On a case whose act is made, too (the clerk prints an issued award: ISSUED_DOCUMENT_ROLES).
        (x, s) => generateDocumentRefusal(x, kind, kind, s, { issued: true, draft: false, writes: false }),
      );
    agrees('list documents', (x) => documentRoleRefusal(x, 'list'), documentListRefusal);
    agrees('read documents', (x) => documentRoleRefusal(x, 'read'), documentReadRefusal);
    agrees('court package', courtPackageRoleRefusal, courtPackageRefusal);
    agrees('claim line', claimHistoryRoleRefusal, claimHistoryRefusal);
    agrees('award preview', awardPreviewRoleRefusal, awardPreviewRefusal);
  });

  it('an award, partial award or ruling: the tribunal writes it; the clerk prints it once made — no draft, no text of his own', () => {
    const made = { issued: true, draft: false, writes: false };
    for (const kind of ['award', 'partial_award', 'advance_execution_ruling']) {
      expect(allowed(generateDocumentRefusal(ARB, kind, kind, withTribunal))).toBe(true);
      expect(allowed(generateDocumentRefusal(CLERK, kind, kind, withTribunal))).toBe(false);
      expect(allowed(generateDocumentRefusal(CLERK, kind, kind, withTribunal, made))).toBe(true);
      expect(allowed(generateDocumentRefusal(CLERK, kind, kind, withTribunal, { ...made, draft: true }))).toBe(false);
      expect(allowed(generateDocumentRefusal(CLERK, kind, kind, withTribunal, { ...made, writes: true }))).toBe(false);
      expect(allowed(generateDocumentRefusal(CHAIR, kind, kind, withTribunal, made))).toBe(false);
    }
  });

  it('the award preview: the case’s tribunal and full readers, not another tribunal’s arbitrator nor an analyst', () => {
    expect(allowed(awardPreviewRefusal(ARB, withTribunal))).toBe(true);
    expect(allowed(awardPreviewRefusal(OTHER_ARB, withTribunal))).toBe(false);
    expect(allowed(awardPreviewRefusal(CLERK, withTribunal))).toBe(true);
    expect(allowed(awardPreviewRefusal(CHAIR, preTribunal))).toBe(true);
    expect(allowed(awardPreviewRefusal(ANALYST, withTribunal))).toBe(false);
  });
});
