import type { MachineContext } from '../../workflows/case-machine.ts';
import type { CaseInput, Facts, ProcEvent } from '../../workflows/procedure-types.ts';
import { pendingObjection, pendingRecusals } from '../../workflows/rules.ts';
import type { ModelEvent } from './model.ts';

/**
 * Round 2 (issue 11 "Missing"): what the model-based tests add for the new procedures — the events offered, the
 * flags their guards read, the review track's model, and how the HTTP driver fills in real ids and dates. Kept apart
 * from tests/helpers/model.ts, which only calls these.
 */
const MODEL_PARTIES: CaseInput['parties'] = [
  { id: 1, side: 'applicant', kind: 'person' },
  { id: 2, side: 'respondent', kind: 'organization' },
];

/** Round 2: the arbitral review of a mediation agreement (Rules Arts. 74–79), its own track. */
export const MODEL_REVIEW_INPUT: CaseInput = {
  procedure: 'ordinary',
  collective: false,
  wageArrears: false,
  receivedOn: '2026-03-02',
  parties: MODEL_PARTIES,
  claims: [
    { id: 10, category: 'wages' },
    { id: 11, category: 'economic_compensation' },
  ],
  track: 'review',
  reviewAgreement: { effectiveOn: '2026-03-01', organization: '东昌府区古楼街道劳动争议调解委员会', terms: null },
};

/** Facts the added rules read, as the driver's dates make them true. */
export const ADDED_FACTS: Facts = {
  evidencePeriodOpen: true,
  reviewFilingTimely: true,
  reviewDueOn: '2099-12-31',
  reviewExtensionMaxDays: 5,
};

type Ev = (type: ProcEvent['type'], payload?: Record<string, unknown>, variant?: string) => ModelEvent;
const withFacts = (e: ModelEvent, facts: Facts): ModelEvent => ({ ...e, facts: { ...e.facts, ...facts } });

/** While a jurisdiction objection or a recusal application is pending, the model offers only its decision. */
export const addedOnly = (ctx: MachineContext) => !!pendingObjection(ctx) || pendingRecusals(ctx).length > 0;

const COURT = '聊城市东昌府区人民法院';
/**
 * Round 2 (issue 11 "Missing"): the added events, each offered where its guards can be met, and only in a few stages,
 * so the number of model states stays small (they are driven over HTTP on both databases). While a jurisdiction
 * objection or a recusal application is pending, only its decision is offered.
 */
export function addedEvents(ctx: MachineContext, ev: Ev): ModelEvent[] {
  // The stage of an open case (it stays set after the case leaves `open`, where these events are never possible).
  const leaf = ctx.stage;
  if (pendingObjection(ctx)) {
    return [
      ev('DECIDE_JURISDICTION_OBJECTION', { result: 'rejected', reason: '劳动合同履行地在本市' }, 'rejected'),
      ev('DECIDE_JURISDICTION_OBJECTION', { result: 'upheld', reason: '异议成立', toCommission: '临清市劳动人事争议仲裁委员会' }, 'upheld'),
    ];
  }
  if (pendingRecusals(ctx).length) {
    return [
      ev('DECIDE_RECUSAL', { result: 'rejected', decidedBy: 'chair' }, 'rejected'),
      ev('DECIDE_RECUSAL', { result: 'granted', decidedBy: 'chair', replacementId: 8 }, 'granted'),
    ];
  }
  const out: ModelEvent[] = [
    ev('REFER_ELSEWHERE', { competentCommission: '临清市劳动人事争议仲裁委员会', reason: '劳动合同履行地在临清市' }),
    ev('ACCEPT_TRANSFER', { fromCommission: '茌平区劳动人事争议仲裁委员会' }),
    ev('APPLY_ENFORCEMENT', { partyId: 1, court: COURT }),
    ev('RECORD_ENFORCEMENT_OUTCOME', { result: 'enforced' }),
    // The review track.
    ev('ACCEPT_REVIEW'),
    ev('REJECT_REVIEW', { ground: 'scope', reason: '协议事项不属于劳动人事争议' }),
    ev('CONFIRM_AGREEMENT', { terms: '被申请人支付工资' }),
    ev('REFUSE_CONFIRMATION', { ground: 'involuntary', reason: '非自愿' }),
    ev('EXTEND_TIME_LIMIT', { days: 5 }, 'review'),
  ];
  const plain = (ctx.transferIn ?? null) === null && ctx.partyAdditions.length === 0 && ctx.jurisdictionObjections.length === 0;
  if (leaf === 'accepted') {
    out.push(ev('TRANSFER_CASE', { toCommission: '茌平区劳动人事争议仲裁委员会', reason: '用人单位所在地' }));
    if (plain) {
      out.push(ev('RAISE_JURISDICTION_OBJECTION', { partyId: 2, grounds: '应由临清市仲裁委管辖' }));
      out.push(
        ev('ADD_PARTY', {
          side: 'third_party',
          ground: 'interested_third_party',
          party: { kind: 'person', name: '第三人甲' },
          newPartyId: 3,
        }),
      );
    }
  }
  if (leaf === 'tribunal_formed' && ctx.extension === null) {
    const e = ctx.evidence;
    if (ctx.recusalApplications.length === 0 && ctx.claimChanges.length === 0 && e === null)
      out.push(ev('APPLY_RECUSAL', { partyId: 2, target: { kind: 'arbitrator', userId: 7 }, ground: 'relationship', reason: '同学关系' }));
    if (ctx.recusalApplications.length === 0 && e === null) out.push(ev('SET_EVIDENCE_PERIOD', { until: '2099-06-30' }));
    if (e && e.extensions.length === 0 && e.late.length === 0)
      out.push(ev('EXTEND_EVIDENCE_PERIOD', { partyId: 1, until: '2099-12-31', reason: '需银行出具流水' }));
    if (e && e.late.length === 0)
      out.push(
        withFacts(
          ev('RECORD_LATE_EVIDENCE', { partyId: 1, description: '银行流水', reasonAccepted: false, decision: 'admitted_with_reprimand' }),
          { evidencePeriodOpen: false },
        ),
      );
    if (ctx.claimChanges.length === 0 && !e?.late.length) out.push(ev('CHANGE_CLAIMS', { change: [{ claimId: 10, amount: '15000.00' }] }));
  }
  return out;
}

/** Round 2: what the added procedures' guards read, only in the stages where the model offers them. */
export function addedKey(c: MachineContext, leaf: string): unknown[] {
  if (leaf === 'accepted')
    return [c.transferIn !== null, c.partyAdditions.length > 0, c.jurisdictionObjections.length, !!pendingObjection(c)];
  if (leaf === 'tribunal_formed') {
    return [
      c.claimChanges.length > 0,
      c.evidence ? 1 + Math.min(c.evidence.extensions.length, 1) + (c.evidence.late.length ? 2 : 0) : 0,
      c.recusalApplications.map((r) => r.decision?.result ?? 'pending'),
    ];
  }
  return [];
}

/** The review track's states: the leaf and what its guards read. */
export function reviewKey(c: MachineContext, leaf: string): unknown[] {
  return [
    leaf,
    c.review?.extension != null,
    c.review?.confirmation?.signatures.map((x) => x.partyId) ?? null,
    c.review?.refusal?.ground ?? null,
  ];
}

/**
 * The HTTP driver's part for the added events: real ids for the model's (claims, the tribunal, a replacement
 * arbitrator), no server-side fields, and dates that make the facts true (late evidence after the period).
 */
export function addedRequest(
  e: ModelEvent,
  body: Record<string, unknown>,
  on: string,
  c: { tribunal?: { presidingId: number } | null; proceedings?: { evidence?: { until: string } | null } },
  ids: { claim: (id: number) => number | undefined; replacement: number | undefined },
  plusDays: (d: string, n: number) => string,
): string {
  const until = c.proceedings?.evidence?.until;
  if (e.type === 'ADD_PARTY') delete body.newPartyId;
  if (e.type === 'CHANGE_CLAIMS')
    body.change = (e.payload.change as { claimId: number }[]).map((ch) => ({ ...ch, claimId: ids.claim(ch.claimId) }));
  if (e.type === 'APPLY_RECUSAL') body.target = { kind: 'arbitrator', userId: c.tribunal?.presidingId };
  if (e.type === 'DECIDE_RECUSAL' && e.payload.replacementId) body.replacementId = ids.replacement;
  if (e.type === 'SET_EVIDENCE_PERIOD') body.until = plusDays(on, 10);
  if (e.type === 'EXTEND_EVIDENCE_PERIOD') body.until = plusDays(until ?? on, 10);
  // Late evidence comes after the period (its last day may roll over a weekend).
  return e.type === 'RECORD_LATE_EVIDENCE' && until ? plusDays(until, 5) : on;
}
