import type { CaseRecord, CaseSummaryRecord, EventRecord, PartyRecord } from '../../db/stores/cases.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import type { Deadline } from '../../workflows/deadlines.ts';
import { formatMoney, maskIdNumber } from '../../workflows/identifiers.ts';
import { eventLabel, stateLabel } from '../../workflows/labels.ts';
import { assessLimitation } from '../../workflows/limitation.ts';
import { CLAIM_CATEGORIES } from '../../workflows/reference.ts';

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
    ownership: p.ownership ?? null,
    agents: p.agents.map((a) => ({
      id: a.id as number,
      name: a.name,
      kind: a.kind,
      unit: a.unit,
      phone: a.phone,
      relationship: a.relationship ?? null,
    })),
  };
}

export function caseSummaryView(c: CaseSummaryRecord) {
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
    ...(c.awardDueOn !== undefined ? { awardDueOn: c.awardDueOn } : {}),
  };
}

/** The registration part of a case. `mask` hides identity numbers (lists, audit history). */
export function registrationView(c: CaseRecord, opts: { mask?: boolean } = {}) {
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

/**
 * The whole case as the API shows it: registration, procedure record, deadlines, tribunal with names. Pure: built
 * from what a use case already holds (the record, the machine context, the deadlines just computed).
 */
export function buildCaseView(
  c: CaseRecord,
  ctx: MachineContext,
  deadlines: Deadline[],
  arbitratorNames: ReadonlyMap<number, string>,
  opts: { mask?: boolean } = {},
) {
  const name = (id: number) => arbitratorNames.get(id) ?? `#${id}`;
  return {
    ...registrationView(c, opts),
    closure: ctx.closure
      ? { mode: ctx.closure.mode, closedOn: ctx.closure.closedOn, ...(ctx.closure.reason ? { reason: ctx.closure.reason } : {}) }
      : null,
    award: ctx.award
      ? {
          finality: ctx.award.finality,
          issuedOn: ctx.award.issuedOn,
          minimumWage: ctx.award.minimumWage,
          defaultAward: ctx.award.defaultAward,
          items: ctx.award.items.map((i) => ({
            claimId: i.claimId,
            outcome: i.outcome,
            amount: i.amount,
            final: i.final,
            reason: i.reason,
          })),
        }
      : null,
    tribunal: ctx.tribunal
      ? {
          formedOn: ctx.tribunal.formedOn,
          kind: ctx.tribunal.arbitratorIds.length === 1 ? ('sole' as const) : ('panel' as const),
          presidingId: ctx.tribunal.presidingId,
          arbitrators: ctx.tribunal.arbitratorIds.map((id) => ({ id, displayName: name(id), presiding: id === ctx.tribunal?.presidingId })),
        }
      : null,
    proceedings: {
      supplement: ctx.supplement,
      rejection: ctx.rejection,
      representatives: ctx.representatives,
      services: ctx.services,
      defenses: ctx.defenses,
      counterclaims: ctx.counterclaims,
      hearing: ctx.hearing,
      postponements: ctx.postponements,
      hearingsHeld: ctx.hearingsHeld,
      suspensions: ctx.suspensions,
      extension: ctx.extension,
      clockRestarts: ctx.clockRestarts,
      mediation: ctx.mediation,
      mediationHistory: ctx.mediationHistory,
      trackMediation: ctx.trackMediation,
      advanceExecutions: ctx.advanceExecutions,
      partialAwards: ctx.partialAwards,
      lawsuits: ctx.lawsuits,
      setAside: ctx.setAside,
      effectiveOn: ctx.effectiveOn,
      transfers: ctx.transfers,
      recusals: ctx.recusals,
      archivedOn: ctx.archivedOn,
    },
    deadlines: deadlines.map(({ metOn: _m, ...d }) => d),
    limitation: c.limitation
      ? { ...c.limitation, ...assessLimitation({ ...c.limitation, wageArrears: c.wageArrears }, c.receivedOn) }
      : null,
  };
}
export type CaseView = ReturnType<typeof buildCaseView>;

/**
 * The audit row's before/after: only the top-level parts of the view that the write changed (the first entry of a
 * history, REGISTER, carries the whole case). Deadlines are derived and left out.
 */
export function viewDelta(before: Record<string, unknown>, after: Record<string, unknown>): { before: unknown; after: unknown } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === 'deadlines' || k === 'updatedAt' || k === 'version') continue;
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    b[k] = before[k];
    a[k] = after[k];
  }
  return { before: b, after: a };
}

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
