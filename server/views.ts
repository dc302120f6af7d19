import type { CaseRecord, EventRecord, PartyRecord } from '../db/stores/cases.ts';
import { eventLabel, stateLabel } from '../workflows/labels.ts';
import { CLAIM_CATEGORIES } from '../workflows/reference.ts';
import { formatMoney, maskIdNumber } from './validation/identifiers.ts';

function partyView(p: PartyRecord, mask: boolean) {
  return {
    id: p.id as number,
    side: p.side,
    kind: p.kind,
    name: p.name,
    idNumber: mask ? maskIdNumber(p.idNumber) : p.idNumber,
    sex: p.sex,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    phone: p.phone,
    address: p.address,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    legalRepresentativeTitle: p.legalRepresentativeTitle,
    agents: p.agents.map((a) => ({ id: a.id as number, name: a.name, kind: a.kind, unit: a.unit, phone: a.phone })),
  };
}

export function caseSummaryView(c: CaseRecord) {
  return {
    id: c.id,
    track: c.track,
    state: c.state,
    stateLabel: stateLabel(c.state),
    caseNo: c.caseNo,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    district: c.district,
    procedure: c.procedure,
    collective: c.collective,
    wageArrears: c.wageArrears,
    applicantNames: c.parties.filter((p) => p.side === 'applicant').map((p) => p.name),
    respondentNames: c.parties.filter((p) => p.side === 'respondent').map((p) => p.name),
    closure: c.closureMode && c.closedOn ? { mode: c.closureMode, closedOn: c.closedOn } : null,
    version: c.version,
  };
}

/** The whole case. `mask` hides identity numbers (lists, audit history); the case page shows them in full. */
export function caseView(c: CaseRecord, opts: { mask?: boolean } = {}) {
  const mask = opts.mask ?? false;
  const side = (s: PartyRecord['side']) => c.parties.filter((p) => p.side === s).map((p) => partyView(p, mask));
  return {
    ...caseSummaryView(c),
    channel: c.channel,
    postmarkOn: c.postmarkOn,
    facts: c.facts,
    applicants: side('applicant'),
    respondents: side('respondent'),
    thirdParties: side('third_party'),
    claims: c.claims.map((cl) => ({
      id: cl.id as number,
      seq: cl.seq as number,
      category: cl.category,
      categoryLabel: CLAIM_CATEGORIES[cl.category],
      amount: cl.amountFen === null ? null : formatMoney(cl.amountFen),
      description: cl.description,
    })),
    linkedCaseId: c.linkedCaseId,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type CaseView = ReturnType<typeof caseView>;

/** Masks identity numbers anywhere inside a stored before/after snapshot. */
function maskDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === 'idNumber' && typeof x === 'string' ? maskIdNumber(x) : maskDeep(x);
    return out;
  }
  return v;
}

export function eventView(e: EventRecord) {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    label: eventLabel(e.type),
    occurredOn: e.occurredOn,
    recordedAt: e.recordedAt,
    actor: { id: e.actorId, role: e.actorRole, name: e.actorName },
    payload: maskDeep(e.payload) as Record<string, unknown>,
    stateBefore: e.stateBefore,
    stateAfter: e.stateAfter,
    before: maskDeep(e.before),
    after: maskDeep(e.after),
  };
}
