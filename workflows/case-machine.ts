import { and, assign, not, setup, stateIn } from 'xstate';
import { advanceRulingPayers } from './advance-payers.ts';
import { addDays } from './dates.ts';
import { DEEMED_SERVICE, DEFAULT_PERIODS } from './periods.ts';
import {
  type AddedContext,
  type AwardRecord,
  addedContext,
  type CaseContext,
  type CaseInput,
  type ProcEvent,
  type Stage,
} from './procedure-types.ts';
import {
  absentNotices,
  attendedHearing,
  awardParties,
  checkRules,
  courtOutcomeRecord,
  debateEnded,
  decidedClaimIds,
  effectiveForParty,
  finalAwardNonSuers,
  finalPartEnforceable,
  finalPartInForce,
  finalPartInForceDuringSuit,
  heardSinceJoined,
  opensSetAsideWindow,
  partialAwardInForce,
  partialAwardInForceNo,
  partialDeemedWithdrawal,
  partyAttendedHearing,
  pendingObjection,
  pendingSuits,
  recusalToDecide,
  remainingApplicants,
  roundOutcomes,
  separateEffect,
  setAsideCourtWarning,
  setAsideWhole,
  signingParties,
  workerSuitHoldingSetAside,
} from './rules.ts';
import { isWorkerId } from './sides.ts';

/**
 * The statutory procedure (LDMAL; MOHRSS Rules 2017) as one statechart. Pure: no database, clock or HTTP.
 * The server loads a case, applies one event with XState's `transition`, and persists the result.
 *
 * Bump MACHINE_VERSION when a change would make stored snapshots mean something else, and add a step to
 * `migrateSnapshot` (workflows/snapshot.ts) that upgrades version N-1 snapshots to N.
 */
export const MACHINE_VERSION = 3;

export function initialContext(input: CaseInput): CaseContext & { stage: Stage | null; resumeTo: Stage | null } {
  // The defaults as one literal, the added procedures' records and the input (whose keys none of them has) spread
  // after it: spread first, ~50 properties added one by one made V8 build the object in dictionary mode — ~20 KB of
  // garbage per registration (heap sampling, stop 53); as a literal it is built from one shape.
  return {
    supplement: null,
    rejection: null,
    acceptedOn: null,
    clockRestarts: [],
    representatives: [],
    tribunal: null,
    recusals: [],
    services: [],
    defenses: [],
    defensePeriodDays: null,
    counterclaims: [],
    hearing: null,
    postponements: [],
    hearingsHeld: [],
    stageBefore: null,
    stage: null,
    resumeTo: null,
    suspensions: [],
    extension: null,
    mediation: null,
    mediationHistory: [],
    advanceExecutions: [],
    partialAwards: [],
    award: null,
    closure: null,
    lawsuits: [],
    setAside: null,
    courtOutcomes: [],
    effectiveOn: null,
    effectiveFor: [],
    transfers: [],
    // `input` is undefined when XState builds a throw-away initial snapshot inside `transition()`; reading
    // `input.track` then threw (and was swallowed) on every event — a measurable cost. Optional chaining avoids it.
    trackMediation: input?.track === 'mediation' ? { terms: null, agreedOn: null, failedOn: null, referredOn: null } : null,
    archivedOn: null,
    mediatorIds: [],
    ...addedContext(input),
    ...input,
  };
}

export type MachineContext = ReturnType<typeof initialContext>;

type Args = { context: MachineContext; event: ProcEvent };

/** `assign` typed for this machine's context and events. */
const set = (fn: (a: Args) => Partial<MachineContext>) => assign<MachineContext, ProcEvent, undefined, ProcEvent, never>(fn);

const legal = ({ context, event }: Args) => event.probe === true || checkRules(context, event) === null;
const p = (event: ProcEvent) => event.payload;

/** Guarded transitions back to a remembered stage (no history states: context alone restores a snapshot). */
const backTo = (field: 'stageBefore' | 'resumeTo', extra: (a: Args) => boolean, actions: ReturnType<typeof set>[] = []) =>
  (['accepted', 'tribunal_formed', 'hearing_scheduled', 'heard', 'in_mediation', 'mediation_signing'] as Stage[]).map((stage) => ({
    target: `#${stage}`,
    guard: (a: Args) => a.context[field] === stage && extra(a),
    actions,
  }));

/**
 * The applicant side absent at the last hearing — or, with DEEM_WITHDRAWN `partyId`, that applicant (legal54c M1:
 * LDMAL Art. 36 and Rules Art. 39 apply to each worker, SPC-1 Art. 19).
 */
const applicantAbsentAtLastHearing = (ctx: MachineContext, partyId?: unknown) => {
  const held = ctx.hearingsHeld.at(-1);
  if (held === undefined) return false;
  if (typeof partyId === 'number') return remainingApplicants(ctx).includes(partyId) && !partyAttendedHearing(held, 'applicant', partyId);
  return !attendedHearing(held, 'applicant');
};
/** DEEM_WITHDRAWN `partyId`: what the record keeps of that worker's deemed withdrawal (Rules Art. 39: with the bar). */
const recordDeemedWithdrawal = set(({ context, event }: Args) => {
  const partyId = p(event).partyId as number | undefined;
  if (typeof partyId !== 'number') return {};
  const withdrawn = new Set((context.claimChanges ?? []).flatMap((c) => c.withdrawn));
  return {
    deemedWithdrawals: [
      ...(context.deemedWithdrawals ?? []),
      {
        partyId,
        on: event.occurredOn,
        // His own claims (Rules Art. 62: `partyId` set at registration) not already given up; claims of the applicants
        // together stay for the others.
        claimIds: context.claims
          .filter((c) => !c.counterclaim && c.partyId === partyId && c.id !== undefined && !withdrawn.has(c.id as number))
          .map((c) => c.id as number),
        absentNotice: absentNotices(context).find((n) => n.partyId === partyId) ?? null,
        ...(p(event).reason ? { reason: p(event).reason as string } : {}),
      },
    ],
  };
});
/** Whether every signing party has received the final award: a service of it, not of an earlier partial award. */
const awardServedToAll = (ctx: MachineContext, extra?: { partyId: number; document: string; servedOn: string; awardOn?: string }) => {
  const issuedOn = ctx.award?.issuedOn ?? '';
  const ofTheAward = (s: { document: string; servedOn: string; awardOn?: string }) =>
    s.document === 'award' && s.servedOn >= issuedOn && (s.awardOn === undefined || s.awardOn === issuedOn);
  const served = new Set(ctx.services.filter(ofTheAward).map((s) => s.partyId));
  if (extra && ofTheAward(extra)) served.add(extra.partyId);
  // fixK56 #1: a third party's receipt too (LDMAL Art. 50 — his own window runs from it; awardParties).
  return awardParties(ctx).every((party) => served.has(party.id));
};
/**
 * The day a mediation document takes effect: the day the last party signed for it (LDMAL Art. 42(3); Rules Art. 77) —
 * the latest of the signing days, whatever order the receipts are entered in (legal49b H1), not the last one entered.
 */
const lastSignedOn = (earlier: readonly { signedOn: string }[], event: ProcEvent) => {
  const own: string = p(event).signedOn ?? event.occurredOn;
  // ISO days sort as text: the last is the latest.
  return [own, ...earlier.map((s) => s.signedOn)].sort().at(-1) as string;
};
const allSignedAfter = (ctx: MachineContext, partyId: number) => {
  const signed = new Set((ctx.mediation?.signatures ?? []).map((s) => s.partyId));
  signed.add(partyId);
  return signingParties(ctx).every((party) => signed.has(party.id));
};

const recordService = set(({ context, event }: Args) => {
  const on: string = p(event).servedOn ?? event.occurredOn;
  // CPL Art. 95: public notice is deemed served when the notice period after publication has passed; every period that
  // runs from service (defense, suing windows) runs from that deemed day. The notice period itself is excluded from the
  // award clock (Rules Art. 46(6)).
  // Rules Art. 20 [R]: a document left on refusal (留置) or posted (张贴) is deemed served 3 days after; `publishedOn`
  // keeps the day of the commission's act (publication, leaving or posting) for those too.
  const deemed = DEEMED_SERVICE[p(event).method as string];
  return {
    services: [
      ...context.services,
      {
        document: p(event).document,
        partyId: p(event).partyId,
        method: p(event).method,
        servedOn: deemed ? (event.facts?.deemedServedOn ?? addDays(on, DEFAULT_PERIODS[deemed].days)) : on,
        ...(deemed ? { publishedOn: on } : {}),
        ...(p(event).confirmed === true ? { confirmed: true } : {}),
        ...(typeof p(event).awardOn === 'string' ? { awardOn: p(event).awardOn } : {}),
      },
    ],
  };
});
const close = (mode: NonNullable<CaseContext['closure']>['mode']) =>
  set(({ event }: Args) => ({
    closure: {
      mode,
      closedOn: event.occurredOn,
      ...(p(event).reason ? { reason: p(event).reason } : {}),
      // WITHDRAW / DEEM_WITHDRAWN: the respondent withdrew its merged counterclaim too (rules.ts counterclaimStanding).
      ...(p(event).counterclaimWithdrawn === true ? { counterclaimWithdrawn: true as const } : {}),
      // TERMINATE on a ground other than a court's suit over the delay (Rules Art. 48): its decision cites no article.
      ...(mode === 'termination' && p(event).ground === 'other' ? { ground: 'other' as const } : {}),
      // docs57 #4: …and the rule it rests on, which the decision cites.
      ...(mode === 'termination' && p(event).ground === 'other' && p(event).basis ? { basis: p(event).basis as string } : {}),
    },
  }));
const enterStage = (stage: Stage) => set(() => ({ stage }));
/** s60 L2 (LDMAL Art. 30; Rules Art. 44): the respondents' waivers of an event, each with the day it was recorded. */
type Waiver = NonNullable<NonNullable<CaseContext['hearing']>['answerPeriodWaived']>[number];
const waiversOn = (list: readonly { partyId: number; note?: string }[] | undefined, on: string): Waiver[] =>
  (list ?? []).map((w) => ({ partyId: w.partyId, ...(w.note ? { note: w.note } : {}), on }));
/** Waivers recorded before joined by new ones: one per respondent, its latest (the day that counts, hearings.ts). */
const mergeWaivers = (before: readonly Waiver[], now: readonly Waiver[]): Waiver[] => [
  ...before.filter((w) => !now.some((x) => x.partyId === w.partyId)),
  ...now,
];
const startMediation = set(({ context, event }: Args) => ({
  stageBefore: context.stage,
  mediation: { startedOn: event.occurredOn, terms: null, agreedOn: null, signatures: [], refusedBy: null },
}));
const endMediation = (outcome: 'failed' | 'refused') =>
  set(({ context, event }: Args) => ({
    mediationHistory: [
      ...context.mediationHistory,
      { startedOn: context.mediation?.startedOn ?? event.occurredOn, endedOn: event.occurredOn, outcome },
    ],
    mediation: null,
  }));
/**
 * FORM_TRIBUNAL during a mediation begun before the tribunal existed (LDMAL Art. 42(2)–(3): the 调解书 is made by the
 * tribunal and signed by its arbitrators). The mediation goes on; if it fails the case returns to the tribunal formed.
 */
/**
 * med51 M1; LDMAL Art. 31; Rules Art. 61: a sole arbitrator's tribunal of a case converted from simple handling may be
 * re-formed (FORM_TRIBUNAL again) until a hearing is held on or after the conversion.
 */
export function reformAfterConversion(ctx: Pick<CaseContext, 'tribunal' | 'conversion' | 'hearingsHeld' | 'procedure'>): boolean {
  const conv = ctx.conversion;
  return (
    ctx.procedure === 'ordinary' &&
    conv !== null &&
    conv !== undefined &&
    ctx.tribunal !== null &&
    ctx.tribunal.arbitratorIds.length === 1 &&
    !ctx.hearingsHeld.some((h) => h.heldOn >= conv.on)
  );
}
const formTribunalInMediation = {
  guard: (a: Args) => a.context.tribunal === null && legal(a),
  actions: set(({ context, event }: Args) => ({
    tribunal: { arbitratorIds: p(event).arbitratorIds, presidingId: p(event).presidingId, formedOn: event.occurredOn },
    stageBefore: context.stageBefore === 'accepted' ? ('tribunal_formed' as const) : context.stageBefore,
  })),
};
/**
 * SPC-1 Art. 21(1): when the worker sues under LDMAL Art. 48, the intermediate court does not accept the employer's
 * application to set the award aside, and ends one it already accepted (domain.md §9.3: "does not accept (or rejects)").
 * The worker's suit recorded while the employer's application is pending ends it (`result: 'terminated'`, on the suit's
 * day, with a note saying why) — the worker's suit takes precedence (legalfixA H1). The employer's 30 days read paused while the suit is
 * pending and run again from the ruling that ends it (Art. 21(2), `set_aside_after_suit`).
 */
const endSetAsideReview = set(({ context, event }: Args) => {
  const s = context.setAside as NonNullable<CaseContext['setAside']>;
  const on = p(event).filedOn ?? event.occurredOn;
  return {
    setAside: {
      ...s,
      result: 'terminated' as const,
      decidedOn: on,
      note: `劳动者已于${on}向人民法院起诉，中级人民法院对用人单位撤销仲裁裁决的申请不予受理或终结审查；起诉被驳回或者准许撤诉的，用人单位可以自收到裁定书之日起三十日内申请撤销（最高人民法院劳动争议解释（一）第二十一条）`,
    },
  };
});
/**
 * legal49a M5: the court's outcome on an archived file — recorded as in in_litigation, the award's effect marked as
 * in_litigation's move to award_effective would (SPC-2000 Arts. 1–2): once no suit is pending, none of those ended
 * together was a judgment or found the award without effect, no set-aside window opened by a worker's suit ended
 * (SPC-1 Art. 21(2); not for a mixed award) and no window is left.
 */
const archivedCourtOutcome = set(({ context, event }: Args) => {
  const record = courtOutcomeRecord(context, event);
  const together = [...roundOutcomes(context), record];
  const settles =
    suitsLeftAfter(context, event) === 0 &&
    !together.some((o) => decides(o.outcome)) &&
    (context.award?.finality === 'mixed' || !together.some((o) => opensSetAsideWindow(context, o.outcome, o.partyIds))) &&
    event.facts?.challengeWindowsClosed === true;
  return {
    courtOutcomes: [...(context.courtOutcomes ?? []), record],
    effectiveOn: settles ? (context.effectiveOn ?? event.facts?.effectiveOn ?? event.occurredOn) : context.effectiveOn,
  };
});

/** A court outcome that decides the dispute or finds the award without effect (SPC-2000 Art. 3). */
const decides = (outcome: unknown) => outcome === 'judgment' || outcome === 'dismissed_no_effect';

/** legal49c H2: how many suits stay pending once this court outcome is recorded. */
const suitsLeftAfter = (ctx: MachineContext, ev: ProcEvent): number =>
  pendingSuits({ lawsuits: ctx.lawsuits, courtOutcomes: [...(ctx.courtOutcomes ?? []), courtOutcomeRecord(ctx, ev)] }).length;

/** LDMAL Art. 49(3): a suit on the set-aside final part's matters, kept with the set-aside (`setAside.lawsuits`). */
const recordSetAsideSuit = set(({ context, event }: Args) => {
  const s = context.setAside as NonNullable<CaseContext['setAside']>;
  return {
    setAside: {
      ...s,
      lawsuits: [
        ...(s.lawsuits ?? []),
        { partyId: p(event).partyId, court: p(event).court, filedOn: p(event).filedOn ?? event.occurredOn },
      ],
    },
  };
});
/**
 * After an award is made and until it takes effect: a party sues (LDMAL Arts. 48, 50), or the employer applies
 * to the intermediate court to set a final award aside (LDMAL Art. 49) — not possible for a non-final award.
 */
const challenges = {
  RECORD_LAWSUIT: [
    // LDMAL Art. 49(3) (reviewer s46b M1): a suit on the set-aside final part's matters (`matter: 'set_aside'`) is not a
    // suit against the non-final part: recorded in `setAside.lawsuits`, the state stays, the non-final part's effect is
    // not held back — in award_issued / award_served as in the effective states (`suitAfterSetAside`).
    {
      guard: (a: Args) => finalPartSetAside(a.context) && (a.event.probe === true || p(a.event).matter === 'set_aside') && legal(a),
      actions: recordSetAsideSuit,
    },
    { guard: 'legal', target: '#in_litigation', actions: 'recordLawsuit' },
  ],
  RECORD_SET_ASIDE: {
    guard: (a: Args) =>
      a.context.award?.finality !== 'non_final' &&
      !finalPartSetAside(a.context) &&
      (a.event.probe === true || p(a.event).result === undefined),
    target: '#set_aside_pending',
    actions: 'fileSetAside',
  },
} as const;
/**
 * The award was marked effective (MARK_EFFECTIVE, or a court outcome that let it take effect). Only a mixed award can be
 * challenged after that — its final part, by the employer's application to set it aside — and a final award's
 * `effectiveOn` is set on the day it is made, so this is asked of mixed awards only.
 */
const markEffective = set(({ context, event }: Args) => ({
  effectiveOn: context.effectiveOn ?? event.facts?.effectiveOn ?? event.occurredOn,
}));
/**
 * LDMAL Art. 44; Rules Art. 51: an advance-execution ruling is transferred to the court for execution. It goes in
 * parallel with the case, and matters most after the award is made and until it takes effect (LDMAL Art. 50: a non-final
 * award waits out the 15-day windows) — so it is allowed while the case is open and in award_issued / award_served,
 * while a ruling is untransferred. The rule (rules.ts TRANSFER_TO_COURT) still refuses a ruling not served.
 */
const advanceTransfer = {
  guard: (a: Args) =>
    a.context.advanceExecutions.some((x) => x.transferredOn === null) &&
    (a.event.probe === true || p(a.event).purpose === 'advance_execution') &&
    legal(a),
  actions: 'recordTransfer',
} as const;
/**
 * void44: a registration made by mistake (two tabs registered one application twice) is voided — not a decision on an
 * application (不予受理, Rules Art. 30, is one, notified and counted): before acceptance, before the applicant was asked
 * for anything (REQUEST_SUPPLEMENT notifies him, Rules Art. 29) and before any document was served (rules.ts
 * PRECONDITIONS.VOID_REGISTRATION, which also answers it in `pending_supplement`: void-after-supplement-request).
 */
const voidRegistration = {
  guard: legal,
  target: '#voided',
  actions: set(({ event }: Args) => ({
    closure: {
      mode: 'voided' as const,
      closedOn: event.occurredOn,
      reason: p(event).reason,
      ...(typeof p(event).duplicateOf === 'number' ? { duplicateOf: p(event).duplicateOf as number } : {}),
    },
  })),
};
/**
 * The final part of a mixed award was set aside (LDMAL Art. 49: the intermediate court sets aside a final award — here
 * the final document, 第N-1号; Rules Art. 50: the final and non-final items are separate awards). The non-final part
 * (第N-2号) stands and follows LDMAL Art. 50 on its own: it takes effect when no party sued on it within 15 days of
 * receipt (MARK_EFFECTIVE), a party may sue on it, and once effective it is enforced (LDMAL Art. 51). The parties may
 * also sue on the matters of the set-aside part within 15 days of the ruling (Art. 49(3): `sue_after_set_aside`).
 * Nothing is left to apply to set aside. A pure final award set aside goes to `award_set_aside` as before.
 */
const finalPartSetAside = (c: Pick<MachineContext, 'award' | 'setAside'>) =>
  c.award?.finality === 'mixed' && c.setAside?.result === 'set_aside';
/** RECORD_SET_ASIDE ends the application without the whole award going: rejected, withdrawn, or (mixed) its final part set aside. */
const awardStands = (a: Args) =>
  a.event.probe === true ||
  p(a.event).result === 'rejected' ||
  p(a.event).result === 'withdrawn' ||
  (p(a.event).result === 'set_aside' && a.context.award?.finality === 'mixed');
const effectConfirmed = (c: MachineContext) => c.award?.finality === 'mixed' && c.effectiveOn !== null;
/** The employer's application against a mixed award's final part, filed and not yet decided. */
const setAsidePending = (c: Pick<MachineContext, 'award' | 'setAside'>) => c.award?.finality === 'mixed' && c.setAside?.result === null;
/**
 * LDMAL Arts. 49–50: while the employer sues on a mixed award's non-final part (`in_litigation`), it may still apply to the
 * intermediate court to set the final part aside within its 30 days — the suit does not take that away; only a worker's
 * suit holds it (SPC-1 Art. 21(1), 422 `set-aside-while-worker-sues`, rules.ts). The application and its result are
 * recorded in `setAside` as in the award's own states (`fileSetAside`, `decideSetAside`); the case stays in court, the
 * suit on the non-final part going on. The final part set aside (`finalPartSetAside`): the worker's windows to sue on it
 * end and `sue_after_set_aside` runs (workflows/deadlines.ts); rejected or withdrawn: the final part stands.
 */
const setAsideDuringSuit = [
  {
    guard: (a: Args) =>
      a.context.award?.finality === 'mixed' &&
      (a.context.setAside === null || (a.context.setAside.result !== null && a.context.setAside.result !== 'set_aside')) &&
      (a.event.probe === true || p(a.event).result === undefined) &&
      legal(a),
    actions: 'fileSetAside',
  },
  {
    guard: (a: Args) => setAsidePending(a.context) && (a.event.probe === true || p(a.event).result !== undefined) && legal(a),
    actions: 'decideSetAside',
  },
] as const;
const archive = { ARCHIVE: { target: '#archived', actions: set(({ event }: Args) => ({ archivedOn: event.occurredOn })) } };

// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Round 2 (issue 11 "Missing"): the added procedures, in their own blocks. The chart below only spreads them in
// (`...applicationAdditions`, `...activeAdditions`, the `closed` node's `on`) and adds their states.
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────

const notSigning = (a: Args) => a.context.stage !== 'mediation_signing';
/** feat52: agents are appointed or revoked on an accepted case (an accepted review too) until it closes. */
const agentActsOpen = (c: MachineContext) =>
  c.archivedOn === null &&
  c.closure === null &&
  (c.track === 'arbitration' ? c.acceptedOn !== null : c.track === 'review' ? (c.review?.acceptedOn ?? null) !== null : false);
const recordAgentAct = (act: 'appoint' | 'revoke') =>
  set(({ context, event }: Args) => ({
    agentActs: [
      ...(context.agentActs ?? []),
      {
        on: p(event).receivedOn ?? event.occurredOn,
        act,
        partyId: p(event).partyId,
        agentId: p(event).agentId,
        // ui53 M1 (LDMAL Art. 24): who was appointed, and with what authority, kept for the record after a revocation
        // (the agent's row then leaves the party's agents). No phone: the record is read at every level.
        ...(act === 'appoint' && p(event).agent
          ? { name: p(event).agent.name, kind: p(event).agent.kind, powers: p(event).powers ?? null }
          : {}),
      },
    ],
  }));
const chosen = (a: Args, field: string, value: string) => a.event.probe === true || p(a.event)[field] === value;
const setAdded = (fn: (a: Args) => Partial<AddedContext> & Partial<MachineContext>) => set(fn);

const recordTransferOut = (onObjection: boolean) =>
  setAdded(({ event }) => ({
    transferOut: {
      on: event.occurredOn,
      toCommission: p(event).toCommission,
      reason: p(event).reason,
      onObjection,
      // fixD58 #2 (Rules Art. 9): the superior department's designation a case taken in on transfer goes on by.
      ...(p(event).designation ? { designation: p(event).designation } : {}),
    },
  }));

/**
 * fixT58 #5 — Rules Arts. 9–10: a jurisdiction objection still undecided when the case is transferred (on the superior
 * department's designation, 指定管辖, or by the commission) has nothing left to decide here — where the case is heard was
 * settled by the transfer, and the commission it goes to takes the case as it stands. Recorded as disposed by the
 * transfer (`result: 'transferred'`), so no objection is left pending on a closed case; no decision document is made.
 */
const disposeObjectionsByTransfer = setAdded(({ context, event }) => ({
  jurisdictionObjections: context.jurisdictionObjections.map((o) =>
    o.decision === null
      ? {
          ...o,
          decision: {
            on: event.occurredOn,
            result: 'transferred' as const,
            reason: `本案于${event.occurredOn}${p(event).designation ? '经上级主管部门指定管辖' : ''}移送${p(event).toCommission}，管辖异议随之处理完毕`,
          },
        }
      : o,
  ),
}));

/** Before acceptance: Rules Art. 31 (jurisdiction alone is a written explanation, not 不予受理); Rules Arts. 9, 46(5). */
const applicationAdditions = {
  REFER_ELSEWHERE: {
    target: '#referred_elsewhere',
    actions: [
      setAdded(({ event }) => ({
        referral: { on: event.occurredOn, competentCommission: p(event).competentCommission, reason: p(event).reason },
      })),
      close('referral'),
    ],
  },
  // Rules Art. 9: the receiving commission must accept a transferred case; Rules Art. 46(5): the 45 days run from then.
  ACCEPT_TRANSFER: {
    target: '#accepted',
    actions: setAdded(({ context, event }) => ({
      acceptedOn: event.occurredOn,
      transferIn: {
        on: event.occurredOn,
        fromCommission: p(event).fromCommission,
        fromCaseNo: p(event).fromCaseNo ?? null,
        firstReceivedOn: p(event).firstReceivedOn ?? null,
      },
      clockRestarts: [...context.clockRestarts, { on: event.occurredOn, reason: 'transfer' }],
    })),
  },
} as const;

/** Acts on an accepted, active case (not suspended). */
const activeAdditions = {
  // Rules Art. 44: claims added or changed before the evidence period ends; Rules Art. 46(3): the 45 days restart
  // from acceptance of the change. New claims are written by the server first; their ids come in `addedClaims`.
  CHANGE_CLAIMS: {
    guard: (a: Args) => notSigning(a) && legal(a),
    actions: setAdded(({ context, event }) => {
      const added = (p(event).addedClaims ?? []) as { id: number; category: CaseContext['claims'][number]['category'] }[];
      const change = (p(event).change ?? []) as { claimId: number; category?: CaseContext['claims'][number]['category'] }[];
      const previous = (p(event).previous ?? {}) as Record<number, { category: string; amount: string | null; description: string }>;
      return {
        claims: [
          ...context.claims.map((c) => {
            const ch = change.find((x) => x.claimId === c.id);
            return ch?.category ? { ...c, category: ch.category } : c;
          }),
          ...added.filter((x) => !context.claims.some((c) => c.id === x.id)).map((x) => ({ id: x.id, category: x.category })),
        ],
        claimChanges: [
          ...context.claimChanges,
          {
            on: event.occurredOn,
            added: added.map((x) => x.id),
            changed: change.map((x) => ({
              claimId: x.claimId,
              before: previous[x.claimId] ?? { category: '', amount: null, description: '' },
            })),
            withdrawn: (p(event).withdraw ?? []) as number[],
            // Rules Art. 36: the respondent giving up its counterclaim's claims (absent: the applicant's act).
            ...(p(event).by === 'respondent' ? { by: 'respondent' as const } : {}),
            respondentWaivesDefense: p(event).respondentWaivesDefense === true,
            consentsBefore: context.consents.length,
          },
        ],
        // Rules Art. 46: claims added or changed restart the award clock; claims only given up do not.
        clockRestarts:
          added.length || change.length
            ? [...context.clockRestarts, { on: event.occurredOn, reason: 'claims_changed' }]
            : context.clockRestarts,
      };
    }),
  },
  // LDMAL Art. 23; Rules Art. 46(1): a co-respondent or third party added by decision; the 45 days restart. The server
  // writes the party first; its id comes in `newPartyId`.
  ADD_PARTY: {
    guard: (a: Args) => notSigning(a) && legal(a),
    actions: setAdded(({ context, event }) => ({
      parties: context.parties.some((x) => x.id === p(event).newPartyId)
        ? context.parties
        : [...context.parties, { id: p(event).newPartyId, side: p(event).side, kind: p(event).party.kind }],
      partyAdditions: [
        ...context.partyAdditions,
        {
          on: event.occurredOn,
          partyId: p(event).newPartyId,
          side: p(event).side,
          ground: p(event).ground,
          // fixL58 #1 (Rules Arts. 10, 46(1)): the hearings held before he was added — one held earlier the same day too.
          hearingsBefore: context.hearingsHeld.length,
        },
      ],
      clockRestarts: [...context.clockRestarts, { on: event.occurredOn, reason: 'party_added' }],
    })),
  },
  // Rules Art. 10: in writing before the defense period ends; a late objection is recorded and does not stop the case.
  RAISE_JURISDICTION_OBJECTION: {
    guard: 'legal',
    actions: setAdded(({ context, event }) => ({
      jurisdictionObjections: [
        ...context.jurisdictionObjections,
        {
          on: event.occurredOn,
          partyId: p(event).partyId,
          grounds: p(event).grounds,
          // fixT57 #4 (Rules Art. 10): within the defense period — never after a hearing held since the objector became a
          // party (he answered on the merits; CPL Art. 130(2) by analogy): late, recorded, the proceedings go on.
          timely: event.facts?.defensePeriodOpen !== false && !heardSinceJoined(context, p(event).partyId),
          decision: null,
        },
      ],
    })),
  },
  DECIDE_JURISDICTION_OBJECTION: [
    // Upheld: the case is transferred to the competent commission (Rules Arts. 9–10) and closes here.
    {
      guard: (a: Args) => pendingObjection(a.context) !== undefined && chosen(a, 'result', 'upheld') && legal(a),
      target: '#closed_transferred',
      actions: [
        setAdded(({ context, event }) => ({
          jurisdictionObjections: decideObjection(context, event),
          transferOut: {
            on: event.occurredOn,
            toCommission: p(event).toCommission,
            reason: p(event).reason,
            onObjection: true,
          },
        })),
        close('transfer'),
      ],
    },
    // Rejected by a written decision (决定书); the case goes on.
    {
      guard: (a: Args) => pendingObjection(a.context) !== undefined && chosen(a, 'result', 'rejected') && legal(a),
      actions: setAdded(({ context, event }) => ({ jurisdictionObjections: decideObjection(context, event) })),
    },
  ],
  // Rules Art. 9: a case found outside the commission's jurisdiction after acceptance is transferred (移送管辖).
  TRANSFER_CASE: {
    guard: 'legal',
    target: '#closed_transferred',
    actions: [recordTransferOut(false), disposeObjectionsByTransfer, close('transfer')],
  },
  // LDMAL Art. 33; Rules Art. 11: a party applies, with reasons; the challenged person stands down until decided.
  APPLY_RECUSAL: {
    guard: 'legal',
    actions: setAdded(({ context, event }) => ({
      recusalApplications: [
        ...context.recusalApplications,
        {
          on: event.occurredOn,
          partyId: p(event).partyId ?? null,
          target: {
            kind: p(event).target.kind,
            userId: p(event).target.userId ?? null,
            name: p(event).target.name ?? null,
            commissionChair: p(event).target.commissionChair === true,
          },
          ground: p(event).ground,
          reason: p(event).reason,
          // Rules Art. 11: after the end of debate an application does not affect the proceedings.
          afterDebate: debateEnded(context),
          decision: null,
        },
      ],
    })),
  },
  // Rules Arts. 11–12: decided within 3 (working) days by the chair or the delegated institute head; the chair's own
  // recusal by the commission. A granted recusal of an arbitrator replaces it on the tribunal.
  DECIDE_RECUSAL: {
    guard: (a: Args) => a.context.recusalApplications.some((r) => r.decision === null) && legal(a),
    actions: setAdded(({ context, event }) => {
      const i = openRecusalIndex(context);
      const app = context.recusalApplications[i] as AddedContext['recusalApplications'][number];
      const granted = p(event).result === 'granted';
      const replace = granted && app.target.kind === 'arbitrator' && context.tribunal && p(event).replacementId;
      const t = context.tribunal;
      return {
        recusalApplications: context.recusalApplications.map((r, j) =>
          j === i
            ? {
                ...r,
                decision: {
                  on: event.occurredOn,
                  result: p(event).result,
                  decidedBy: p(event).decidedBy,
                  replacementId: granted ? (p(event).replacementId ?? null) : null,
                  replacementName: granted ? (p(event).replacementName ?? null) : null,
                  reason: p(event).reason ?? null,
                  // Rules Art. 12: decided orally (recorded) or in writing — a written one has its 决定书.
                  ...(p(event).form ? { form: p(event).form } : {}),
                  hearingsBefore: context.hearingsHeld.length,
                },
              }
            : r,
        ),
        ...(replace && t
          ? {
              tribunal: {
                ...t,
                arbitratorIds: t.arbitratorIds.map((id) => (id === app.target.userId ? p(event).replacementId : id)),
                // legal56a 2: the presiding arbitrator replaced, `presidingId` names who presides (default the replacement).
                presidingId: t.presidingId === app.target.userId ? (p(event).presidingId ?? p(event).replacementId) : t.presidingId,
              },
            }
          : {}),
      };
    }),
  },
  // Rules Art. 15: the tribunal sets the evidence period; on request, with real difficulty, it extends it.
  SET_EVIDENCE_PERIOD: {
    guard: (a: Args) => a.context.evidence === null && notSigning(a) && legal(a),
    actions: setAdded(({ event }) => ({ evidence: { setOn: event.occurredOn, until: p(event).until, extensions: [], late: [] } })),
  },
  EXTEND_EVIDENCE_PERIOD: {
    guard: (a: Args) => a.context.evidence !== null && notSigning(a) && legal(a),
    actions: setAdded(({ context, event }) => {
      const e = context.evidence as NonNullable<AddedContext['evidence']>;
      return {
        evidence: {
          ...e,
          until: p(event).until,
          extensions: [
            ...e.extensions,
            { on: event.occurredOn, partyId: p(event).partyId, until: p(event).until, reason: p(event).reason },
          ],
        },
      };
    }),
  },
  // Rules Art. 15: late evidence — the party explains; without a valid reason excluded, or admitted with a reprimand.
  RECORD_LATE_EVIDENCE: {
    guard: (a: Args) => a.context.evidence !== null && legal(a),
    actions: setAdded(({ context, event }) => {
      const e = context.evidence as NonNullable<AddedContext['evidence']>;
      return {
        evidence: {
          ...e,
          late: [
            ...e.late,
            {
              on: event.occurredOn,
              partyId: p(event).partyId,
              description: p(event).description,
              reasonAccepted: p(event).reasonAccepted,
              decision: p(event).decision,
            },
          ],
        },
      };
    }),
  },
  // Rules Art. 63: the represented workers' consent to what their representatives do.
  RECORD_REPRESENTED_CONSENT: {
    guard: (a: Args) => a.context.collective && a.context.representatives.length > 0 && legal(a),
    actions: setAdded(({ context, event }) => ({
      consents: [
        ...context.consents,
        { on: event.occurredOn, matter: p(event).matter, partyIds: p(event).partyIds, note: p(event).note ?? null },
      ],
    })),
  },
} as const;

function decideObjection(context: MachineContext, event: ProcEvent): AddedContext['jurisdictionObjections'] {
  const target = pendingObjection(context);
  return context.jurisdictionObjections.map((o) =>
    o === target ? { ...o, decision: { on: event.occurredOn, result: p(event).result, reason: p(event).reason } } : o,
  );
}

/** The application a DECIDE_RECUSAL answers: the oldest undecided one that stands the person down, else the oldest. */
function openRecusalIndex(context: MachineContext): number {
  const open = recusalToDecide(context);
  return open ? context.recusalApplications.indexOf(open) : -1;
}

/**
 * LDMAL Art. 51: an effective award or mediation document not performed — the winning party applies to the court
 * (CPL Art. 250: within two years). Not while a suit on the award is pending or after it was set aside (a mixed award's
 * non-final part, effective, still is: `setAsideWhole`).
 */
const enforceable = (a: Args) => {
  const c = a.context;
  if (c.closure?.mode === 'mediation' || c.closure?.mode === 'review_confirmed') return true;
  return c.closure?.mode === 'award' && c.effectiveOn !== null && !setAsideWhole(c);
};
/**
 * LDMAL Arts. 47, 49, 51: a final award (or a mixed award's final part) is effective the day it is made, so the worker may
 * apply for enforcement while the employer's application to set it aside is pending — the court suspends enforcement
 * meanwhile (SPC-1 Art. 25; a warning says so). A mixed award not yet effective: its final part only.
 */
const enforceableDuringSetAside = (c: MachineContext) =>
  c.closure?.mode === 'award' && c.setAside !== null && c.setAside.result === null && finalPartEnforceable(c);
/** An enforcement application as recorded (LDMAL Art. 51), of the award or of the partial award numbered `partialAward`. */
const enforcementEntry = (event: ProcEvent, partialAward?: number) => ({
  on: event.occurredOn,
  partyId: p(event).partyId,
  court: p(event).court,
  filedOn: p(event).filedOn ?? event.occurredOn,
  outcome: null,
  ...(partialAward === undefined ? {} : { partialAward }),
});
const applyEnforcement = setAdded(({ context, event }) => ({ enforcement: [...context.enforcement, enforcementEntry(event)] }));
/** A final partial award enforced after the case was withdrawn or deemed withdrawn (LDMAL Arts. 36, 43(2), 47, 51). */
const partialAwardEnforcement = {
  APPLY_ENFORCEMENT: {
    guard: (a: Args) => partialAwardInForce(a.context) && legal(a),
    // Marked with the partial award it enforces (legalfixA H2): its set-aside ends it (SPC-1 Art. 25), not the award's.
    actions: setAdded(({ context, event }) => ({
      enforcement: [...context.enforcement, enforcementEntry(event, partialAwardInForceNo(context) ?? 1)],
    })),
  },
} as const;
/**
 * SPC-1 Art. 17: several workers, some of whom sued — the award is effective for a worker who did not sue once that
 * worker's windows and the employer's have run (MARK_EFFECTIVE with `partyId`). The case stays where it is (in court
 * for the others, or decided there): the worker's effect and enforcement are recorded without moving it.
 */
const separateEffectAdditions = {
  MARK_EFFECTIVE: {
    guard: (a: Args) => {
      const split = separateEffect(a.context);
      return (split?.workers.some((id) => !effectiveForParty(a.context, id)) ?? false) && legal(a);
    },
    actions: set(({ context, event }: Args) => ({
      effectiveFor: [
        ...(context.effectiveFor ?? []),
        { partyId: p(event).partyId, effectiveOn: event.facts?.effectiveOn ?? event.occurredOn },
      ],
    })),
  },
} as const;
const closedAdditions = {
  APPLY_ENFORCEMENT: [
    {
      guard: and([((a: Args) => enforceable(a) && legal(a)) as never, not(stateIn('#in_litigation'))]),
      target: '#enforcement_applied',
      actions: applyEnforcement,
    },
    // SPC-1 Art. 17: a worker for whom the award took effect on its own applies while the others' suit goes on.
    {
      guard: (a: Args) => {
        const split = separateEffect(a.context);
        return split !== null && !split.employerSued && split.workers.length > 0 && legal(a);
      },
      actions: applyEnforcement,
    },
    // LDMAL Arts. 47–48, 51: the employer's suit concerns only a mixed award's non-final part; a worker applies to enforce
    // the final part meanwhile (docs45 M4) — recorded without moving the case out of court.
    {
      guard: and([((a: Args) => finalPartInForceDuringSuit(a.context) && legal(a)) as never, stateIn('#in_litigation')]),
      actions: applyEnforcement,
    },
    // LDMAL Arts. 47–48, 51 (legalfixA M3): several workers, a final award — it is in force for those who did not sue,
    // who apply to enforce it while the others' suits go on (the rule names who may: award-not-effective-for-party).
    {
      guard: and([((a: Args) => finalAwardNonSuers(a.context) !== null && legal(a)) as never, stateIn('#in_litigation')]),
      actions: applyEnforcement,
    },
  ],
} as const;
/**
 * LDMAL Arts. 47, 51: a mixed award's final part is effective the day it is made; while the non-final part's 15-day
 * windows run (Art. 50) the worker applies to enforce it, or the commission hands the final award over for enforcement —
 * recorded without moving the case, which still waits for the non-final part (reviewer legal H2: 409 before).
 */
const finalPartEnforcement = {
  APPLY_ENFORCEMENT: { guard: (a: Args) => finalPartInForce(a.context) && legal(a), actions: applyEnforcement },
} as const;
const finalPartTransfer = {
  guard: (a: Args) =>
    finalPartInForce(a.context) &&
    // Handed over once: nothing more to send.
    !a.context.transfers.some((t) => t.purpose === 'enforcement') &&
    (a.event.probe === true || p(a.event).purpose === 'enforcement') &&
    legal(a),
  actions: 'recordTransfer',
} as const;

/** Rules Arts. 74–79: arbitral review of a mediation agreement, its own track. */
const reviewSet = (fn: (r: NonNullable<AddedContext['review']>, a: Args) => Partial<NonNullable<AddedContext['review']>>) =>
  setAdded((a) => {
    const r = a.context.review as NonNullable<AddedContext['review']>;
    return { review: { ...r, ...fn(r, a) } };
  });
const endReview = (mode: 'review_terminated' | 'review_rejected' | 'review_confirmed') => close(mode);
const reviewWithdraw = {
  // Rules Arts. 76, 79: the parties may withdraw before the mediation document is served; the review ends.
  WITHDRAW: { target: '#review_terminated', actions: endReview('review_terminated') },
};
/**
 * Rules Art. 76: the review ends within 5 working days of acceptance, extended once by up to 5 with approval — the
 * period runs from acceptance, so it may be extended before an arbitrator is designated (med49 L4). A second extension
 * is the rule's to refuse (422 extension-once, rules.ts), not the state's.
 */
const reviewExtend = {
  EXTEND_TIME_LIMIT: {
    guard: 'legal' as const,
    // legal50b H1: approved in time and entered late — on the day approved.
    actions: reviewSet((_r, { event }) => ({ extension: { on: p(event).approvedOn ?? event.occurredOn, days: p(event).days } })),
  },
};
const reviewSignedAfter = (ctx: MachineContext, partyId: number) => {
  const signed = new Set((ctx.review?.confirmation?.signatures ?? []).map((s) => s.partyId));
  signed.add(partyId);
  return signingParties(ctx).every((party) => signed.has(party.id));
};
const reviewSign = reviewSet((r, { event }) => ({
  confirmation: {
    ...(r.confirmation as NonNullable<NonNullable<AddedContext['review']>['confirmation']>),
    signatures: [...(r.confirmation?.signatures ?? []), { partyId: p(event).partyId, signedOn: p(event).signedOn ?? event.occurredOn }],
  },
}));

const reviewTrack = {
  initial: 'review_received',
  states: {
    review_received: {
      id: 'review_received',
      on: {
        ACCEPT_REVIEW: {
          guard: 'legal',
          target: '#review_accepted',
          actions: reviewSet((_r, { event }) => ({ acceptedOn: event.occurredOn })),
        },
        // Rules Art. 75: outside scope or jurisdiction, filed late, confirms a labor relationship, judicially confirmed.
        REJECT_REVIEW: {
          target: '#review_rejected',
          actions: [
            reviewSet((_r, { event }) => ({ rejection: { on: event.occurredOn, ground: p(event).ground, reason: p(event).reason } })),
            endReview('review_rejected'),
          ],
        },
        ...reviewWithdraw,
      },
    },
    review_accepted: {
      id: 'review_accepted',
      on: {
        ...reviewExtend,
        // Rules Art. 77: the commission designates the arbitrator who reviews.
        FORM_TRIBUNAL: {
          target: '#review_in_progress',
          actions: set(({ event }: Args) => ({
            tribunal: { arbitratorIds: p(event).arbitratorIds, presidingId: p(event).presidingId, formedOn: event.occurredOn },
          })),
        },
        ...reviewWithdraw,
      },
    },
    review_in_progress: {
      id: 'review_in_progress',
      on: {
        // Rules Art. 77: lawful in form and content → a mediation document matching the agreement.
        CONFIRM_AGREEMENT: {
          target: '#review_signing',
          actions: reviewSet((_r, { event }) => ({
            confirmation: {
              on: event.occurredOn,
              terms: p(event).terms,
              performanceDueOn: p(event).performanceDueOn ?? null,
              signatures: [],
            },
          })),
        },
        // Rules Arts. 78–79: no mediation document; the parties are told in writing; the review ends.
        REFUSE_CONFIRMATION: {
          target: '#review_terminated',
          actions: [
            reviewSet((_r, { event }) => ({ refusal: { on: event.occurredOn, ground: p(event).ground, reason: p(event).reason } })),
            endReview('review_terminated'),
          ],
        },
        ...reviewExtend,
        ...reviewWithdraw,
      },
    },
    review_signing: {
      id: 'review_signing',
      on: {
        SIGN_MEDIATION_DOCUMENT: [
          // A party refusing to sign: the document does not take effect; the review ends (Rules Arts. 77, 79).
          {
            guard: (a: Args) => p(a.event).refused === true && legal(a),
            target: '#review_terminated',
            actions: [
              reviewSet((_r, { event }) => ({
                refusal: { on: event.occurredOn, ground: 'signature_refused', reason: '当事人拒绝签收调解书' },
              })),
              endReview('review_terminated'),
            ],
          },
          // Rules Art. 77: the mediation document takes effect when both parties have signed for it.
          {
            guard: (a: Args) => p(a.event).refused !== true && reviewSignedAfter(a.context, p(a.event).partyId) && legal(a),
            target: '#review_confirmed',
            actions: [
              reviewSign,
              set(({ context, event }: Args) => ({
                closure: {
                  mode: 'review_confirmed' as const,
                  closedOn: lastSignedOn(context.review?.confirmation?.signatures ?? [], event),
                },
              })),
            ],
          },
          { guard: (a: Args) => p(a.event).refused !== true && legal(a), actions: reviewSign },
        ],
        ...reviewWithdraw,
      },
    },
    review_confirmed: { id: 'review_confirmed', on: { ...closedAdditions, ...archive } },
    // Op-2022 item 1: after a refusal or non-acceptance the parties may apply for arbitration on the agreement's matters.
    review_terminated: {
      id: 'review_terminated',
      on: {
        REFER_TO_ARBITRATION: { target: '#review_referred', actions: reviewSet((_r, { event }) => ({ referredOn: event.occurredOn })) },
        ...archive,
      },
    },
    review_rejected: {
      id: 'review_rejected',
      on: {
        REFER_TO_ARBITRATION: { target: '#review_referred', actions: reviewSet((_r, { event }) => ({ referredOn: event.occurredOn })) },
        ...archive,
      },
    },
    review_referred: { id: 'review_referred', on: { ...archive } },
  },
} as const;
const recordEnforcementOutcome = setAdded(({ context, event }) => {
  // The award's own enforcement first: an enforcement of a partial award named by `partialAward` (legalfixA H2) is not
  // the one the case's enforcement states stand for (reviewer s48 H1: the award's outcome landed on the partial one).
  const own = context.enforcement.findIndex((e) => e.outcome === null && e.partialAward === undefined);
  const i = own >= 0 ? own : context.enforcement.findIndex((e) => e.outcome === null);
  return {
    enforcement: context.enforcement.map((e, j) =>
      j === i
        ? {
            ...e,
            outcome: {
              result: p(event).result,
              decidedOn: p(event).decidedOn ?? event.occurredOn,
              receivedOn: p(event).receivedOn ?? null,
              note: p(event).note ?? null,
            },
          }
        : e,
    ),
  };
});
/** Enforcement (LDMAL Art. 51; CPL Art. 250) once applied for: more applications, the court's outcome, archiving. */
/**
 * LDMAL Art. 49(3): once the final part of a mixed award is set aside, a party may sue on its matters within 15 days of
 * receiving the ruling — while the non-final part is effective, and enforced (Arts. 50–51). The suit is recorded
 * (`setAside.lawsuits`, which ends the party's `sue_after_set_aside` window) without leaving the state: it is not a suit
 * against the non-final part, whose effect and enforcement it does not touch (reviewer s46, stretch: RECORD_LAWSUIT was
 * refused on the effective case). A suit against the non-final part before it took effect goes to court as before.
 */
/** In the effective and enforcement states only a suit on the set-aside matters is taken (`matter: 'set_aside'`, rules.ts). */
const suitAfterSetAside = {
  RECORD_LAWSUIT: { guard: (a: Args) => finalPartSetAside(a.context) && legal(a), actions: recordSetAsideSuit },
} as const;

/**
 * SPC-1 Art. 25; LDMAL Art. 49: the pending applications for enforcement a set-aside ends (终结执行). A final award's: all
 * of them. A mixed award's final part set aside: those made for the final part alone — while the award had not taken
 * effect with its non-final part (LDMAL Arts. 47, 50: `finalPartInForce`); an application filed once the whole award was
 * effective goes on for the non-final part (LDMAL Art. 51), what the court still enforces being its to say.
 */
const endedBySetAside = (c: MachineContext, e: MachineContext['enforcement'][number]) =>
  e.outcome === null &&
  // A partial award's enforcement is its own (legalfixA H2): the award's set-aside does not reach it.
  e.partialAward === undefined &&
  (c.award?.finality !== 'mixed' || c.effectiveOn === null || e.filedOn < c.effectiveOn);
/**
 * The set-aside decided (RECORD_SET_ASIDE with `result`) leaves an enforcement to go on (SPC-1 Art. 25: 恢复执行) — only
 * of an award in effect as a whole: a final award, or a mixed award marked effective (reviewer revfix H1: a mixed award
 * whose non-final part's windows still run went to enforcement_applied and could neither take effect nor be sued on).
 * Rejected or withdrawn: every pending application resumes; the final part set aside: those it does not end.
 */
const enforcementGoesOn = (a: Args) => {
  const c = a.context;
  if (a.event.probe === true || !awardStands(a)) return false;
  if (c.award?.finality !== 'final' && !(c.award?.finality === 'mixed' && c.effectiveOn !== null)) return false;
  return c.enforcement.some(
    (e) => e.outcome === null && e.partialAward === undefined && (p(a.event).result !== 'set_aside' || !endedBySetAside(c, e)),
  );
};

const enforcementStates = {
  enforcement_applied: {
    id: 'enforcement_applied',
    on: {
      // LDMAL Art. 49: the employer has 30 days from receipt to apply to set a final award (a mixed award's final part)
      // aside, whether or not the worker has applied for enforcement meanwhile; the court suspends enforcement while the
      // application is pending (SPC-1 Art. 25; reviewer legal H1: an enforcement application swallowed the set-aside).
      RECORD_SET_ASIDE: {
        guard: (a: Args) =>
          a.context.closure?.mode === 'award' &&
          a.context.award !== null &&
          a.context.award?.finality !== 'non_final' &&
          // A first application, or a new one after an earlier application ended without setting the award aside — the
          // employer's 30 days from the ruling that ended a worker's suit (SPC-1 Art. 21(2); reviewer s51 H1: the case
          // reaches this state when that suit ends while another worker's enforcement is pending).
          !finalPartSetAside(a.context) &&
          (a.context.setAside === null || a.context.setAside.result !== null) &&
          (a.event.probe === true || p(a.event).result === undefined) &&
          legal(a),
        target: '#set_aside_pending',
        actions: 'fileSetAside',
      },
      RECORD_ENFORCEMENT_OUTCOME: {
        guard: (a: Args) => a.context.enforcement.some((e) => e.outcome === null) && legal(a),
        target: '#enforcement_closed',
        actions: recordEnforcementOutcome,
      },
      RECORD_LAWSUIT: [
        // LDMAL Art. 48 (legalfixA L2): the worker may sue on a final award within 15 days of receiving it, whether or not
        // he applied to enforce it meanwhile — the law attaches no waiver to the application, and a final award the worker
        // sues on does not take effect (Art. 48; the court, not the commission, ends the enforcement of it). The suit
        // goes to court as in the award's own states; the enforcement recorded stays for the court's outcome. The
        // employer's suit is refused by its rule (422 employer-cannot-sue-final, Arts. 48–49).
        {
          guard: (a: Args) =>
            a.context.award?.finality === 'final' &&
            a.context.closure?.mode === 'award' &&
            a.context.setAside?.result !== 'set_aside' &&
            legal(a),
          target: '#in_litigation',
          actions: 'recordLawsuit',
        },
        suitAfterSetAside.RECORD_LAWSUIT,
      ],
      ...archive,
    },
  },
  // 执行程序终结/不予执行 (SPC-1 Art. 24: after a refusal to enforce, a party may sue within 30 days).
  enforcement_closed: { id: 'enforcement_closed', on: { ...archive } },
} as const;

export const caseMachine = setup({
  types: {} as { context: MachineContext; events: ProcEvent; input: CaseInput },
  guards: { legal },
  actions: {
    markReferred: set(({ context, event }: Args) => ({
      trackMediation: {
        ...(context.trackMediation as NonNullable<CaseContext['trackMediation']>),
        referredOn: event.occurredOn,
        // fixT58 #2: the reason stated, and an invalid agreement's ground (LDMAL Arts. 14(3), 15).
        referral: { reason: (p(event).reason as string | undefined) ?? null, ground: (p(event).ground as string | undefined) ?? null },
      },
    })),
    schedule: set(({ context, event }: Args) => ({
      // LDMAL Art. 35: only a notice recorded from here on can name this date (rules.ts hearingNoticeService).
      hearingNoticesFrom: context.services.length,
      hearing: {
        hearingOn: p(event).hearingOn,
        place: p(event).place,
        scheduledOn: event.occurredOn,
        time: p(event).time ?? null,
        // LDMAL Art. 26: hearings are public unless the parties agreed otherwise or secrets or privacy are involved.
        public: p(event).public !== false,
        nonPublicGround: p(event).public === false ? p(event).nonPublicGround : null,
        // s60 L (LDMAL Art. 30): respondents who agreed to a hearing before their answer period ends — with the day it was
        // recorded (s60 L2: it waives only a period begun by then, Rules Art. 44).
        ...(p(event).answerPeriodWaived?.length ? { answerPeriodWaived: waiversOn(p(event).answerPeriodWaived, event.occurredOn) } : {}),
      },
    })),
    sign: set(({ context, event }: Args) => {
      const m = context.mediation as NonNullable<CaseContext['mediation']>;
      return {
        mediation: { ...m, signatures: [...m.signatures, { partyId: p(event).partyId, signedOn: p(event).signedOn ?? event.occurredOn }] },
      };
    }),
    recordLawsuit: set(({ context, event }: Args) => ({
      lawsuits: [
        ...context.lawsuits,
        {
          partyId: p(event).partyId,
          court: p(event).court,
          filedOn: p(event).filedOn ?? event.occurredOn,
          // ui53 M2: a late suit the court docketed (CPL Art. 86; reviewer s52 H1) says so in the record.
          ...(p(event).courtAccepted === true ? { courtAccepted: true as const } : {}),
        },
      ],
    })),
    fileSetAside: set(({ event }: Args) => {
      const courtWarning = setAsideCourtWarning(p(event).court, event.facts?.intermediateCourt);
      return {
        setAside: {
          court: p(event).court,
          filedOn: p(event).filedOn ?? event.occurredOn,
          result: null,
          decidedOn: null,
          ...(courtWarning ? { courtWarning } : {}),
        },
      };
    }),
    decideSetAside: set(({ context, event }: Args) => {
      const decidedOn = p(event).decidedOn ?? event.occurredOn;
      return {
        setAside: {
          ...(context.setAside as NonNullable<CaseContext['setAside']>),
          result: p(event).result,
          decidedOn,
          servedOn: p(event).servedOn ?? p(event).decidedOn ?? event.occurredOn,
        },
        // SPC-1 Art. 25: 仲裁裁决被撤销的，人民法院应当裁定终结执行 — the enforcement the set-aside reaches ends on its day
        // (reviewer revfix L1: it stayed open for ever in award_set_aside).
        enforcement:
          p(event).result === 'set_aside'
            ? context.enforcement.map((e) =>
                endedBySetAside(context, e)
                  ? {
                      ...e,
                      outcome: {
                        result: 'terminated' as const,
                        decidedOn,
                        receivedOn: null,
                        note: '仲裁裁决（终局部分）已被撤销，执行终结（最高人民法院劳动争议解释（一）第二十五条）',
                      },
                    }
                  : e,
              )
            : context.enforcement,
      };
    }),
    recordCourtOutcome: set(({ context, event }: Args) => ({
      courtOutcomes: [...(context.courtOutcomes ?? []), courtOutcomeRecord(context, event)],
    })),
    recordTransfer: set(({ context, event }: Args) => ({
      transfers: [...context.transfers, { purpose: p(event).purpose, court: p(event).court, transferredOn: event.occurredOn }],
      advanceExecutions:
        p(event).purpose === 'advance_execution'
          ? context.advanceExecutions.map((a) =>
              a.transferredOn === null ? { ...a, transferredOn: event.occurredOn, court: p(event).court } : a,
            )
          : context.advanceExecutions,
    })),
  },
}).createMachine({
  id: 'case',
  context: ({ input }) => initialContext(input),
  initial: 'start',
  on: {
    // Service (送达) of any document is recorded in every arbitration state (Rules Art. 20; CPL Arts. 87–95).
    // Not in an archived case, nor in a voided registration (void44: never an application, nothing to serve).
    SERVE: {
      guard: (a: Args) =>
        a.context.track === 'arbitration' && a.context.archivedOn === null && a.context.closure?.mode !== 'voided' && legal(a),
      actions: recordService,
    },
    // LDMAL Art. 42: mediation inside arbitration is the tribunal's; a mediator joins a case only when assigned (by the
    // chair before the tribunal is formed, by the tribunal after), and a mediation organization assigns its mediators
    // (LDMAL Art. 10). Open cases only: after acceptance on the arbitration track, before an outcome on the mediation track.
    ASSIGN_MEDIATOR: {
      guard: ({ context: c }: Args) =>
        c.archivedOn === null &&
        c.closure === null &&
        (c.track === 'mediation'
          ? c.trackMediation?.agreedOn === null && c.trackMediation?.failedOn === null && c.trackMediation?.referredOn === null
          : c.acceptedOn !== null),
      actions: set(({ context, event }: Args) => ({
        mediatorIds: [...new Set([...(context.mediatorIds ?? []), p(event).mediatorId as number])],
      })),
    },
    // feat52: LDMAL Art. 24 — a party may appoint an agent (or revoke one) at any point of the proceedings: from
    // acceptance (a review case's too, Rules Arts. 74–79) until the case closes. The agent's row is written by the
    // server (app/procedure/added-events.ts); the chart records nothing of its own, the history keeps the act.
    APPOINT_AGENT: { guard: (a: Args) => agentActsOpen(a.context), actions: recordAgentAct('appoint') },
    REVOKE_AGENT: { guard: (a: Args) => agentActsOpen(a.context), actions: recordAgentAct('revoke') },
  },
  states: {
    start: {
      always: [
        { guard: ({ context }) => context.track === 'mediation', target: '#mediation_in_progress' },
        { guard: ({ context }) => context.track === 'review', target: '#review_received' },
        { target: '#received' },
      ],
    },

    // Pre-arbitration mediation by a mediation organization (LDMAL Arts. 10–16).
    mediation_track: {
      initial: 'mediation_in_progress',
      states: {
        mediation_in_progress: {
          id: 'mediation_in_progress',
          on: {
            MEDIATION_AGREED: {
              target: '#mediation_agreed',
              actions: set(({ context, event }: Args) => ({
                trackMediation: {
                  ...(context.trackMediation as NonNullable<CaseContext['trackMediation']>),
                  terms: p(event).terms,
                  agreedOn: event.occurredOn,
                  amount: p(event).amount ?? null,
                  performanceDueOn: p(event).performanceDueOn ?? null,
                  ...(p(event).obligorIds ? { obligorIds: p(event).obligorIds } : {}),
                },
              })),
            },
            MEDIATION_FAILED: {
              target: '#mediation_failed',
              actions: set(({ context, event }: Args) => ({
                trackMediation: { ...(context.trackMediation as NonNullable<CaseContext['trackMediation']>), failedOn: event.occurredOn },
              })),
            },
            // LDMAL Art. 14(3): no agreement within 15 days of receipt → a party may apply for arbitration.
            REFER_TO_ARBITRATION: { guard: 'legal', target: '#mediation_referred', actions: 'markReferred' },
          },
        },
        mediation_agreed: {
          id: 'mediation_agreed',
          // LDMAL Art. 15: if the other side does not perform the agreement, a party may apply for arbitration.
          on: { REFER_TO_ARBITRATION: { target: '#mediation_referred', actions: 'markReferred' }, ...archive },
        },
        mediation_failed: {
          id: 'mediation_failed',
          on: { REFER_TO_ARBITRATION: { target: '#mediation_referred', actions: 'markReferred' }, ...archive },
        },
        mediation_referred: { id: 'mediation_referred', on: { ...archive } },
      },
    },

    // The application before the acceptance decision (LDMAL Art. 29; Rules Arts. 29–31).
    application: {
      initial: 'received',
      on: { WITHDRAW: { target: '#closed_withdrawn', actions: close('withdrawal') }, ...applicationAdditions },
      states: {
        received: {
          id: 'received',
          on: {
            // Rules Art. 29: the applicant is told once, listing everything to supply.
            REQUEST_SUPPLEMENT: {
              guard: ({ context }) => context.supplement === null,
              target: '#pending_supplement',
              actions: set(({ event }: Args) => ({
                supplement: { requestedOn: event.occurredOn, items: p(event).items, completedOn: null },
              })),
            },
            ACCEPT: { target: '#accepted', actions: set(({ event }: Args) => ({ acceptedOn: event.occurredOn })) },
            REJECT: {
              target: '#rejected',
              actions: [
                set(({ event }: Args) => ({ rejection: { reason: p(event).reason, decidedOn: event.occurredOn } })),
                close('rejection'),
              ],
            },
            // void44: a registration made by mistake (two tabs registered one application twice) is voided — not a
            // decision on an application (不予受理, Rules Art. 30, is one, notified and counted): before acceptance,
            // before the applicant was asked for anything (REQUEST_SUPPLEMENT notifies him, Rules Art. 29) and before
            // any document was served (rules.ts PRECONDITIONS.VOID_REGISTRATION).
            VOID_REGISTRATION: voidRegistration,
          },
        },
        pending_supplement: {
          id: 'pending_supplement',
          on: {
            // Offered to the rules, which refuse it (void-after-supplement-request, Rules Art. 29): the written request to
            // supplement went out under this registration — the clerk is told why and what to do instead, not 409.
            VOID_REGISTRATION: voidRegistration,
            // Rules Art. 46(2): the receipt date becomes the day the supplement is complete.
            SUPPLEMENT_RECEIVED: {
              target: '#received',
              actions: set(({ context, event }: Args) => ({
                supplement: { ...(context.supplement as NonNullable<CaseContext['supplement']>), completedOn: event.occurredOn },
              })),
            },
            REJECT: {
              target: '#rejected',
              actions: [
                set(({ event }: Args) => ({ rejection: { reason: p(event).reason, decidedOn: event.occurredOn } })),
                close('rejection'),
              ],
            },
          },
        },
      },
    },

    rejected: { id: 'rejected', on: { ...archive } },
    // void44: a registration voided as made by mistake. Final, with nothing to archive as a case (no decision, no
    // document): it stays in the history and the case list (已作废), in no statistics.
    voided: { id: 'voided', type: 'final' },
    // Rules Art. 31: jurisdiction alone fails — a written explanation naming the competent commission (round 2).
    referred_elsewhere: { id: 'referred_elsewhere', on: { ...archive } },
    // Rules Arts. 74–79 (round 2).
    review_track: reviewTrack,

    // An accepted case (受理后): the award clock runs (LDMAL Art. 43).
    open: {
      initial: 'active',
      on: {
        WITHDRAW: { target: '#closed_withdrawn', actions: close('withdrawal') },
        // Rules Art. 48: the hearing is terminated when a court accepted a suit over the delay (and similar grounds).
        TERMINATE: { target: '#closed_terminated', actions: close('termination') },
        // LDMAL Art. 43: once per award period, by the chair, no more than 15 days, before the limit runs out (rules.ts:
        // a second one in the same period is refused with its rule, extension-once). Rules Art. 46: a restart begins a
        // new period, which may be extended once again; the superseded period's extension is kept in `earlierExtensions`.
        EXTEND_TIME_LIMIT: {
          guard: legal,
          actions: set(({ context, event }: Args) => {
            // legal50b H1: approved in time and entered late — on the day approved (`approvedOn`).
            const extension = { days: p(event).days as number, approvedOn: (p(event).approvedOn as string) ?? event.occurredOn };
            // legal51b M1; Rules Art. 46: approved before a restart recorded since, it was the superseded period's — kept
            // with the earlier extensions, never the current period's (reviewer s50 H1: it does not lengthen the new one).
            if (context.clockRestarts.some((r) => r.on > extension.approvedOn))
              return {
                earlierExtensions: [...(context.earlierExtensions ?? []), extension].sort((x, y) =>
                  x.approvedOn.localeCompare(y.approvedOn),
                ),
              };
            return {
              extension,
              extensionRestarts: context.clockRestarts.length,
              ...(context.extension ? { earlierExtensions: [...(context.earlierExtensions ?? []), context.extension] } : {}),
            };
          }),
        },
      },
      states: {
        active: {
          initial: 'accepted',
          on: {
            // Rules Art. 47: suspension stops the award clock until resumption.
            SUSPEND: {
              target: '#suspended',
              actions: set(({ context, event }: Args) => ({
                resumeTo: context.stage,
                // legal50b H1: a suspension entered late runs from the day decided (`decidedOn`).
                suspensions: [
                  ...context.suspensions,
                  {
                    from: p(event).decidedOn ?? event.occurredOn,
                    to: null,
                    reason: p(event).reason,
                    // s63 A #1: the Rules Art. 47 item the decision cites, when recorded.
                    ...(p(event).ground ? { ground: p(event).ground } : {}),
                  },
                ],
              })),
            },
            FILE_DEFENSE: {
              guard: (a: Args) => a.context.stage !== 'mediation_signing' && legal(a),
              actions: set(({ context, event }: Args) => ({
                defenses: [...context.defenses, { filedOn: p(event).filedOn ?? event.occurredOn, summary: p(event).summary ?? null }],
                // Who filed it, index by index (reviewer s46b M4); earlier records without it are padded with null.
                defenseParties: [
                  ...context.defenses.map((_, i) => context.defenseParties?.[i] ?? null),
                  (p(event).partyId as number | undefined) ?? null,
                ],
              })),
            },
            // Rules Art. 58: in simple procedure the defense period may be shortened or waived with consent.
            SHORTEN_DEFENSE_PERIOD: {
              guard: (a: Args) => a.context.procedure === 'simple' && a.context.defenses.length === 0 && legal(a),
              actions: set(({ context, event }: Args) => ({
                defensePeriodDays: p(event).days,
                // s63 A #2: the act's day, so a notice dated before it keeps the period it was served with.
                defenseShortenings: [...(context.defenseShortenings ?? []), { on: event.occurredOn, days: p(event).days }],
              })),
            },
            // Rules Arts. 36, 46(4): a counterclaim in the defense period is merged; the award clock restarts.
            // Filed on `filedOn` (judged against the defense period), accepted and merged on `occurredOn` (the restart).
            // Its claims are written by the server first (ids in `addedClaims`) and decided by the award like the
            // applicant's (LDMAL Art. 46).
            FILE_COUNTERCLAIM: {
              // Not while a mediation document is being signed: its claims would not be in the agreement.
              guard: (a: Args) => notSigning(a) && legal(a),
              actions: set(({ context, event }: Args) => {
                const added = (p(event).addedClaims ?? []) as { id: number; category: CaseContext['claims'][number]['category'] }[];
                return {
                  claims: [
                    ...context.claims,
                    ...added
                      .filter((x) => !context.claims.some((c) => c.id === x.id))
                      .map((x) => ({ id: x.id, category: x.category, counterclaim: true as const })),
                  ],
                  counterclaims: [
                    ...context.counterclaims,
                    {
                      filedOn: p(event).filedOn ?? event.occurredOn,
                      mergedOn: event.occurredOn,
                      description: p(event).description,
                      claimIds: added.map((x) => x.id),
                    },
                  ],
                  clockRestarts: [...context.clockRestarts, { on: event.occurredOn, reason: 'counterclaim' }],
                };
              }),
            },
            RECORD_REPRESENTATIVES: {
              guard: (a: Args) => a.context.collective && legal(a),
              actions: set(({ event }: Args) => ({ representatives: p(event).partyIds })),
            },
            RECUSE_ARBITRATOR: {
              guard: (a: Args) => a.context.tribunal !== null && legal(a),
              actions: set(({ context, event }: Args) => {
                const t = context.tribunal as NonNullable<CaseContext['tribunal']>;
                const { arbitratorId, replacementId, reason } = p(event);
                return {
                  tribunal: {
                    ...t,
                    arbitratorIds: t.arbitratorIds.map((id) => (id === arbitratorId ? replacementId : id)),
                    presidingId: t.presidingId === arbitratorId ? (p(event).presidingId ?? replacementId) : t.presidingId,
                  },
                  recusals: [
                    ...context.recusals,
                    // fixT57 #2: the hearings held before the replacement (an award after it needs a hearing or a decision).
                    { arbitratorId, replacementId, reason, decidedOn: event.occurredOn, hearingsBefore: context.hearingsHeld.length },
                  ],
                };
              }),
            },
            // Rules Art. 61: conversion keeps the original acceptance date.
            CONVERT_TO_ORDINARY: {
              guard: (a: Args) => a.context.procedure === 'simple' && legal(a),
              actions: set(({ event }: Args) => ({
                procedure: 'ordinary',
                conversion: { on: event.occurredOn, reason: (p(event).reason as string | undefined) ?? null },
              })),
            },
            // med51 M1 — LDMAL Art. 31 (a sole arbitrator for simple cases; otherwise three); Rules Art. 61: a case converted
            // to the ordinary procedure while its tribunal is a sole arbitrator may be re-formed by the chair, while no
            // hearing has been held under the ordinary procedure (the tribunal's formation is notified again, LDMAL Art. 32).
            FORM_TRIBUNAL: {
              // Not while a 调解书 is being signed for: it is the tribunal's, signed by its arbitrators (LDMAL Art. 42(3)) —
              // re-formed then, the case would close on a document of a tribunal that no longer is (reviewer s51 M2).
              guard: (a: Args) => reformAfterConversion(a.context) && notSigning(a) && legal(a),
              actions: set(({ event }: Args) => ({
                tribunal: { arbitratorIds: p(event).arbitratorIds, presidingId: p(event).presidingId, formedOn: event.occurredOn },
              })),
            },
            // LDMAL Art. 44: advance execution; the ruling goes to the court in parallel with the case.
            ADVANCE_EXECUTION: {
              guard: (a: Args) => a.context.tribunal !== null && legal(a),
              actions: set(({ context, event }: Args) => ({
                advanceExecutions: [
                  ...context.advanceExecutions,
                  {
                    claimIds: p(event).claimIds,
                    ruledOn: event.occurredOn,
                    ...(p(event).appliedOn ? { appliedOn: p(event).appliedOn } : {}),
                    transferredOn: null,
                    court: null,
                    rightsClear: p(event).rightsClear ?? null,
                    lifeSeriouslyAffected: p(event).lifeSeriouslyAffected ?? null,
                    amounts: p(event).amounts ?? [],
                    paymentDays: p(event).paymentDays ?? null,
                    ...(p(event).obligorIds ? { obligorIds: p(event).obligorIds } : {}),
                    ...(p(event).jointLiability ? { jointLiability: true } : {}),
                    ...(p(event).equalShares ? { equalShares: true } : {}),
                    ...advanceRulingPayers(context, p(event)),
                  },
                ],
              })),
            },
            // LDMAL Art. 43(2); Rules Art. 49: part of the claims decided first; the case goes on.
            PARTIAL_AWARD: {
              guard: (a: Args) => a.context.tribunal !== null && legal(a),
              actions: set(({ context, event }: Args) => ({ partialAwards: [...context.partialAwards, p(event).award as AwardRecord] })),
            },
            TRANSFER_TO_COURT: advanceTransfer,
            ...activeAdditions,
          },
          states: {
            accepted: {
              id: 'accepted',
              entry: enterStage('accepted'),
              on: {
                FORM_TRIBUNAL: {
                  guard: 'legal',
                  target: '#tribunal_formed',
                  actions: set(({ event }: Args) => ({
                    tribunal: { arbitratorIds: p(event).arbitratorIds, presidingId: p(event).presidingId, formedOn: event.occurredOn },
                  })),
                },
                START_MEDIATION: { target: '#in_mediation', actions: startMediation },
              },
            },
            tribunal_formed: {
              id: 'tribunal_formed',
              entry: enterStage('tribunal_formed'),
              on: {
                SCHEDULE_HEARING: { guard: 'legal', target: '#hearing_scheduled', actions: 'schedule' },
                START_MEDIATION: { target: '#in_mediation', actions: startMediation },
              },
            },
            hearing_scheduled: {
              id: 'hearing_scheduled',
              entry: enterStage('hearing_scheduled'),
              on: {
                POSTPONE_HEARING: {
                  guard: 'legal',
                  actions: set(({ context, event }: Args) => {
                    const h = context.hearing as NonNullable<CaseContext['hearing']>;
                    return {
                      hearing: {
                        ...h,
                        hearingOn: p(event).hearingOn,
                        place: p(event).place ?? h.place,
                        time: p(event).time ?? h.time ?? null,
                        // s60 L: a waiver given for the new day joins those given before (LDMAL Art. 30); s60 L2: a
                        // respondent's new waiver replaces its earlier one (the latest day is the one that counts).
                        ...(h.answerPeriodWaived?.length || p(event).answerPeriodWaived?.length
                          ? {
                              answerPeriodWaived: mergeWaivers(
                                h.answerPeriodWaived ?? [],
                                waiversOn(p(event).answerPeriodWaived, event.occurredOn),
                              ),
                            }
                          : {}),
                      },
                      // LDMAL Art. 35: a notice recorded before the postponement names the old date (rules.ts hearingNoticeService).
                      hearingNoticesFrom: context.services.length,
                      postponements: [
                        ...context.postponements,
                        {
                          from: h.hearingOn,
                          to: p(event).hearingOn,
                          reason: p(event).reason,
                          decidedOn: event.occurredOn,
                          ...(p(event).requestedBy ? { requestedBy: p(event).requestedBy } : {}),
                          ...(p(event).requestedBy === 'party' ? { requestedOn: p(event).requestedOn ?? event.occurredOn } : {}),
                        },
                      ],
                    };
                  }),
                },
                HOLD_HEARING: {
                  guard: 'legal',
                  target: '#heard',
                  actions: set(({ context, event }: Args) => ({
                    hearingsHeld: [
                      ...context.hearingsHeld,
                      {
                        heldOn: event.occurredOn,
                        applicantPresent: p(event).applicantPresent,
                        respondentPresent: p(event).respondentPresent,
                        ...(p(event).applicantLeftEarly === true ? { applicantLeftEarly: true } : {}),
                        ...(p(event).respondentLeftEarly === true ? { respondentLeftEarly: true } : {}),
                        ...(typeof p(event).thirdPartyPresent === 'boolean' ? { thirdPartyPresent: p(event).thirdPartyPresent } : {}),
                        // legal54c M1: who was absent, party by party (LDMAL Art. 36; SPC-1 Art. 19).
                        ...(Array.isArray(p(event).absentParties) && p(event).absentParties.length
                          ? { absentParties: [...new Set(p(event).absentParties as number[])] }
                          : {}),
                        public: p(event).public ?? context.hearing?.public ?? true,
                        nonPublicGround:
                          (p(event).public ?? context.hearing?.public) === false
                            ? (p(event).nonPublicGround ?? context.hearing?.nonPublicGround ?? null)
                            : null,
                      },
                    ],
                  })),
                },
                START_MEDIATION: { target: '#in_mediation', actions: startMediation },
              },
            },
            // After the hearing: award drafting (a further session may be scheduled).
            heard: {
              id: 'heard',
              entry: enterStage('heard'),
              on: {
                ISSUE_AWARD: {
                  guard: 'legal',
                  target: '#award_issued',
                  actions: [
                    set(({ context, event }: Args) => {
                      const award = p(event).award as AwardRecord;
                      // LDMAL Art. 47: a final award takes effect on the day it is made.
                      return { award, effectiveOn: award.finality === 'final' ? event.occurredOn : context.effectiveOn };
                    }),
                    close('award'),
                  ],
                },
                // LDMAL Art. 36; Rules Art. 39: the applicant's unexcused absence may be treated as withdrawal.
                DEEM_WITHDRAWN: [
                  // legal54c M1: one absent worker's application alone (`partyId`) while the others go on to an award.
                  {
                    guard: (a: Args) =>
                      // A probe (which acts are open) without a party: some worker of several was absent.
                      (a.event.probe === true &&
                        p(a.event).partyId === undefined &&
                        remainingApplicants(a.context).length > 1 &&
                        absentNotices(a.context).some((n) => n.side === 'applicant')) ||
                      (partialDeemedWithdrawal(a.context, p(a.event).partyId) &&
                        applicantAbsentAtLastHearing(a.context, p(a.event).partyId) &&
                        legal(a)),
                    actions: recordDeemedWithdrawal,
                  },
                  {
                    guard: (a: Args) => applicantAbsentAtLastHearing(a.context, p(a.event).partyId) && legal(a),
                    target: '#closed_deemed_withdrawn',
                    actions: [
                      close('deemed_withdrawal'),
                      // What the decision may state: the written notice proven served on each absent applicant.
                      set(({ context, event }: Args) => ({
                        closure: {
                          ...(context.closure as NonNullable<CaseContext['closure']>),
                          absentNotices: absentNotices(context).filter(
                            (n) => n.side === 'applicant' && (typeof p(event).partyId !== 'number' || n.partyId === p(event).partyId),
                          ),
                        },
                      })),
                      recordDeemedWithdrawal,
                    ],
                  },
                ],
                SCHEDULE_HEARING: { guard: 'legal', target: '#hearing_scheduled', actions: 'schedule' },
                START_MEDIATION: { target: '#in_mediation', actions: startMediation },
              },
            },
            // Mediation inside arbitration (LDMAL Art. 42; Rules Arts. 69–73).
            in_mediation: {
              id: 'in_mediation',
              entry: enterStage('in_mediation'),
              on: {
                MEDIATION_AGREED: {
                  guard: 'legal',
                  target: '#mediation_signing',
                  actions: set(({ context, event }: Args) => ({
                    mediation: {
                      ...(context.mediation as NonNullable<CaseContext['mediation']>),
                      terms: p(event).terms,
                      agreedOn: event.occurredOn,
                      amount: p(event).amount ?? null,
                      performanceDueOn: p(event).performanceDueOn ?? null,
                      // fixT57 #5 (LDMAL Art. 51): who the 调解书 orders to perform, when the agreement's entry says so.
                      // Reviewer s57 A H1: not given, nothing is assumed (null) — a 调解书 may order the worker to return
                      // equipment or a training fee, and the employer's application to enforce it was then refused on a
                      // fact nobody entered; an unknown obligor keeps the warning (remedy-warnings.ts), not a refusal.
                      // (An earlier agreement's obligors do not carry over: the key is set either way.)
                      obligorIds: p(event).obligorIds ?? undefined,
                    },
                  })),
                },
                MEDIATION_FAILED: backTo('stageBefore', () => true, [endMediation('failed')]),
                // LDMAL Art. 42(2)–(3); Rules Arts. 71, 73: a mediation the chair's mediator began before the tribunal
                // existed may reach agreement, but the 调解书 is the tribunal's: the tribunal is formed here.
                FORM_TRIBUNAL: formTribunalInMediation,
              },
            },
            // The mediation document takes effect only when both sides have signed for it (LDMAL Art. 42(3)).
            mediation_signing: {
              id: 'mediation_signing',
              entry: enterStage('mediation_signing'),
              on: {
                SIGN_MEDIATION_DOCUMENT: [
                  // LDMAL Art. 42(4): a party going back on the agreement before service → award promptly.
                  {
                    guard: (a: Args) => p(a.event).refused === true && a.context.hearingsHeld.length > 0 && legal(a),
                    target: '#heard',
                    actions: endMediation('refused'),
                  },
                  ...backTo('stageBefore', (a) => p(a.event).refused === true && a.context.hearingsHeld.length === 0 && legal(a), [
                    endMediation('refused'),
                  ]),
                  {
                    guard: (a: Args) => p(a.event).refused !== true && allSignedAfter(a.context, p(a.event).partyId) && legal(a),
                    target: '#closed_mediation',
                    actions: [
                      'sign',
                      // Closing date: the day the last party signs (domain.md §10.2).
                      set(({ context, event }: Args) => ({
                        closure: { mode: 'mediation' as const, closedOn: lastSignedOn(context.mediation?.signatures ?? [], event) },
                      })),
                    ],
                  },
                  { guard: (a: Args) => p(a.event).refused !== true && legal(a), actions: 'sign' },
                ],
                // A case stored before the rule above reached signing without a tribunal: it can be formed now.
                FORM_TRIBUNAL: formTribunalInMediation,
              },
            },
          },
        },
        suspended: {
          id: 'suspended',
          on: {
            RESUME: backTo('resumeTo', () => true, [
              set(({ context, event }: Args) => ({
                // legal50b H1: a resumption entered late ends the suspension on the day it resumed (`decidedOn`).
                suspensions: context.suspensions.map((s, i) =>
                  i === context.suspensions.length - 1 ? { ...s, to: p(event).decidedOn ?? event.occurredOn } : s,
                ),
              })),
            ]),
          },
        },
      },
    },

    closed: {
      initial: 'closed_withdrawn',
      on: {
        ...closedAdditions,
        // An application made while the case stays put (SPC-1 Art. 17, `separateEffectAdditions`): its outcome too.
        RECORD_ENFORCEMENT_OUTCOME: {
          guard: (a: Args) => a.context.enforcement.some((e) => e.outcome === null) && legal(a),
          actions: recordEnforcementOutcome,
        },
      },
      states: {
        award: {
          initial: 'award_issued',
          states: {
            award_issued: {
              id: 'award_issued',
              on: {
                SERVE: [
                  {
                    guard: (a: Args) =>
                      p(a.event).document === 'award' &&
                      awardServedToAll(a.context, {
                        partyId: p(a.event).partyId,
                        document: p(a.event).document,
                        servedOn: p(a.event).servedOn ?? a.event.occurredOn,
                        awardOn: p(a.event).awardOn,
                      }) &&
                      legal(a),
                    target: '#award_served',
                    actions: recordService,
                  },
                  { guard: 'legal', actions: recordService },
                ],
                ...challenges,
                ...finalPartEnforcement,
                TRANSFER_TO_COURT: [advanceTransfer, finalPartTransfer],
              },
            },
            award_served: {
              id: 'award_served',
              on: {
                ...challenges,
                ...finalPartEnforcement,
                // LDMAL Art. 50: a non-final award takes effect when no party sued within 15 days of receipt.
                MARK_EFFECTIVE: { guard: 'legal', target: '#award_effective', actions: markEffective },
                TRANSFER_TO_COURT: [advanceTransfer, finalPartTransfer],
              },
            },
            // 裁审衔接: a party sued; the court now decides. The commission may send the file.
            in_litigation: {
              id: 'in_litigation',
              on: {
                RECORD_LAWSUIT: [
                  // LDMAL Art. 49(3): a suit on the matters of the final part set aside during the suit is kept with the
                  // set-aside, as in the award's own states (`challenges`) — not one more suit on the non-final part.
                  {
                    guard: (a: Args) =>
                      finalPartSetAside(a.context) && a.event.probe !== true && p(a.event).matter === 'set_aside' && legal(a),
                    actions: recordSetAsideSuit,
                  },
                  // SPC-1 Art. 21(1): the worker's suit on a final award (part) while the employer's application is pending —
                  // the employer sued first on the non-final part (legal48c H3) — ends the application here too.
                  {
                    guard: (a: Args) =>
                      a.event.probe !== true &&
                      a.context.setAside?.result === null &&
                      isWorkerId(a.context, p(a.event).partyId) &&
                      p(a.event).partialAward === undefined &&
                      legal(a),
                    actions: ['recordLawsuit', endSetAsideReview],
                  },
                  { guard: 'legal', actions: 'recordLawsuit' },
                ],
                RECORD_SET_ASIDE: [
                  // SPC-1 Art. 21(1): the employer's application while the worker sues is refused by its rule (422, rules.ts
                  // setAsideAfterWorkerSuit), not by a 409 that names none (reviewer legal M2). Never taken.
                  // (An action, never run: XState's `can` ignores a transition that has neither a target nor an action.)
                  {
                    guard: (a: Args) => a.event.probe === true && workerSuitHoldingSetAside(a.context) !== null,
                    actions: set(() => ({})),
                  },
                  // LDMAL Arts. 49–50: the employer's application against a mixed award's final part while it sues on
                  // the non-final part, and its result — the case stays in court (reviewer legalfixC 1).
                  ...setAsideDuringSuit,
                ],
                ...separateEffectAdditions,
                // What the court did moves the award (domain.md §11; SPC-2000 Arts. 1–3; SPC-1 Art. 21(2); LDMAL Art. 49(3)).
                RECORD_COURT_OUTCOME: [
                  // legal49c H2: a ruling ends the suit it names (`partyId`); while another suit is pending the case stays
                  // in court — the ruled party's award moves on its own (finalAwardHeldFor, separateEffect: LDMAL Art. 48,
                  // SPC-1 Art. 17; a suit withdrawn or dismissed out of time leaves the award in force for him).
                  {
                    guard: (a: Args) => a.event.probe !== true && suitsLeftAfter(a.context, a.event) > 0,
                    actions: 'recordCourtOutcome',
                  },
                  // A judgment decides the dispute itself; a dismissal for a wrong party or a non-labor matter leaves the
                  // award without effect (SPC-2000 Art. 3); after a set-aside there is no award to revive. A judgment on
                  // one of several suits ended apart decides the case in court as well (roundOutcomes).
                  {
                    guard: (a: Args) =>
                      // A mixed award's non-final part outlives the set-aside of its final part (finalPartSetAside).
                      (a.context.setAside?.result === 'set_aside' && !finalPartSetAside(a.context)) ||
                      a.event.probe === true ||
                      decides(p(a.event).outcome) ||
                      roundOutcomes(a.context).some((o) => decides(o.outcome)),
                    target: '#court_decided',
                    actions: 'recordCourtOutcome',
                  },
                  // Withdrawal permitted or dismissed as out of time while the employer's application against the final
                  // part is pending (LDMAL Art. 49): the case waits for it in set_aside_pending, the non-final part marked
                  // effective when no window is left (SPC-2000 Arts. 1–2; SPC-1 Art. 25: the application does not hold it).
                  {
                    guard: (a: Args) => setAsidePending(a.context),
                    target: '#set_aside_pending',
                    actions: [
                      'recordCourtOutcome',
                      set(({ context, event }: Args) => ({
                        effectiveOn:
                          event.facts?.challengeWindowsClosed === true
                            ? (context.effectiveOn ?? event.facts?.effectiveOn ?? event.occurredOn)
                            : context.effectiveOn,
                      })),
                    ],
                  },
                  // legal51a M2: a worker's application to enforce the award, made while another's suit went on (SPC-1
                  // Art. 17; LDMAL Arts. 47–48, 51), is still before the court: the case goes on to it once the award is in
                  // force — a final award (a worker's suit withdrawn or dismissed leaves it in force, SPC-1 Art. 21(2); the
                  // employer's set-aside within its 30 days is taken there too), or a non-final one whose windows ran.
                  {
                    guard: (a: Args) =>
                      a.context.enforcement.some((e) => e.outcome === null && e.partialAward === undefined) &&
                      (a.context.award?.finality === 'final' || a.event.facts?.challengeWindowsClosed === true),
                    target: '#enforcement_applied',
                    actions: [
                      'recordCourtOutcome',
                      set(({ context, event }: Args) => ({
                        effectiveOn: context.effectiveOn ?? event.facts?.effectiveOn ?? event.occurredOn,
                      })),
                    ],
                  },
                  // Withdrawal permitted or dismissed as out of time: the award is back where its service stands…
                  {
                    guard: (a: Args) => !awardServedToAll(a.context),
                    target: '#award_issued',
                    actions: 'recordCourtOutcome',
                  },
                  // …and takes effect at once when no window is left: SPC-2000 Art. 1 (from service of the withdrawal
                  // ruling) or Art. 2 (from the day after the suing period) — unless a worker's suit against a final award
                  // ended, which opens the employer's 30-day set-aside window (SPC-1 Art. 21(2)).
                  {
                    guard: (a: Args) =>
                      // The set-aside window a mixed award's final part gets does not hold the award back (holdingWindows).
                      (a.context.award?.finality === 'mixed' ||
                        ![...roundOutcomes(a.context), courtOutcomeRecord(a.context, a.event)].some((o) =>
                          opensSetAsideWindow(a.context, o.outcome, o.partyIds),
                        )) &&
                      a.event.facts?.challengeWindowsClosed === true,
                    target: '#award_effective',
                    actions: [
                      'recordCourtOutcome',
                      set(({ context, event }: Args) => ({
                        effectiveOn: context.effectiveOn ?? event.facts?.effectiveOn ?? event.occurredOn,
                      })),
                    ],
                  },
                  { target: '#award_served', actions: 'recordCourtOutcome' },
                ],
                TRANSFER_TO_COURT: {
                  guard: (a: Args) => a.event.probe === true || p(a.event).purpose === 'litigation',
                  actions: 'recordTransfer',
                },
                ...archive,
              },
            },
            // LDMAL Art. 49: the employer's application to the intermediate court to set aside a final award.
            set_aside_pending: {
              id: 'set_aside_pending',
              on: {
                // A suit while the application is pending (legalfixA H1): LDMAL Art. 50 gives each party its 15 days to
                // sue on a mixed award's non-final part whatever the employer does under Art. 49, and SPC-1 Art. 21(1)
                // puts the worker's suit on a final award (part) first — the intermediate court ends its review
                // (已经受理的，裁定终结审查: `endSetAsideReview`). The case goes to court; the non-final part is not
                // marked effective while the suit is pending (in_litigation offers no MARK_EFFECTIVE for it).
                RECORD_LAWSUIT: [
                  {
                    guard: (a: Args) => a.event.probe !== true && isWorkerId(a.context, p(a.event).partyId) && legal(a),
                    target: '#in_litigation',
                    actions: ['recordLawsuit', endSetAsideReview],
                  },
                  {
                    guard: (a: Args) => (a.event.probe === true || a.context.award?.finality === 'mixed') && legal(a),
                    target: '#in_litigation',
                    actions: 'recordLawsuit',
                  },
                ],
                // The employer's application against the final part of a mixed award does not stop the award taking
                // effect with its non-final part (SPC-1 Art. 25): it is marked effective here, and stays so when the
                // application is rejected or withdrawn.
                MARK_EFFECTIVE: {
                  guard: (a: Args) => a.context.award?.finality === 'mixed' && a.context.effectiveOn === null && legal(a),
                  actions: markEffective,
                },
                // LDMAL Arts. 49, 51: the worker may apply for enforcement while the employer's application is pending;
                // the court suspends enforcement until the application is decided (SPC-1 Art. 25) — recorded here with a
                // warning (workflows/remedy-warnings.ts), the case stays until the set-aside is decided (reviewer legal H1).
                APPLY_ENFORCEMENT: {
                  guard: (a: Args) => (enforceableDuringSetAside(a.context) || enforceable(a)) && legal(a),
                  actions: applyEnforcement,
                },
                RECORD_SET_ASIDE: [
                  // The award set aside (a final award: all of it) — LDMAL Art. 49(3). An enforcement applied for ends
                  // with it: there is no award left to enforce.
                  {
                    guard: (a: Args) => p(a.event).result === 'set_aside' && a.context.award?.finality !== 'mixed',
                    target: '#award_set_aside',
                    actions: 'decideSetAside',
                  },
                  // Rejected or withdrawn while an enforcement application of the award in effect is pending: the
                  // suspended enforcement goes on (SPC-1 Art. 25 恢复执行; LDMAL Art. 51) — `enforcementGoesOn`. Not a mixed
                  // award whose non-final part waits out its windows (LDMAL Art. 50): it goes back to where service stands
                  // below, the application still pending; nor the final part's own enforcement once it is set aside.
                  {
                    guard: enforcementGoesOn,
                    target: '#enforcement_applied',
                    actions: 'decideSetAside',
                  },
                  // Rejected or withdrawn — or only the final part of a mixed award set aside (finalPartSetAside: the
                  // non-final part stands, LDMAL Art. 50): a mixed award already marked effective is effective again…
                  {
                    guard: (a: Args) => awardStands(a) && effectConfirmed(a.context),
                    target: '#award_effective',
                    actions: 'decideSetAside',
                  },
                  // …otherwise back to where service of the award stands.
                  { guard: (a: Args) => awardStands(a) && awardServedToAll(a.context), target: '#award_served', actions: 'decideSetAside' },
                  { guard: awardStands, target: '#award_issued', actions: 'decideSetAside' },
                ],
                TRANSFER_TO_COURT: {
                  guard: (a: Args) => a.event.probe === true || p(a.event).purpose === 'litigation',
                  actions: 'recordTransfer',
                },
              },
            },
            // LDMAL Art. 49(3): after set-aside, either party may sue within 15 days of the ruling.
            award_set_aside: {
              id: 'award_set_aside',
              on: {
                RECORD_LAWSUIT: { guard: 'legal', target: '#in_litigation', actions: 'recordLawsuit' },
                // A mixed award whose final part was set aside before s45 came here whole: its non-final part still takes
                // effect under LDMAL Art. 50 (finalPartSetAside) — new cases stay in the award's own states instead.
                MARK_EFFECTIVE: {
                  guard: (a: Args) => a.context.award?.finality === 'mixed' && legal(a),
                  target: '#award_effective',
                  actions: markEffective,
                },
                ...archive,
              },
            },
            award_effective: {
              id: 'award_effective',
              on: {
                // A mixed award is effective with its non-final part while the employer's 30 days to apply to set the
                // final part aside may still run (LDMAL Art. 49; SPC-1 Arts. 21(2), 25: the application suspends
                // enforcement, not effect) — workflows/deadlines.ts holdingWindows.
                RECORD_SET_ASIDE: {
                  guard: (a: Args) =>
                    a.context.award?.finality === 'mixed' &&
                    !finalPartSetAside(a.context) &&
                    (a.event.probe === true || p(a.event).result === undefined),
                  target: '#set_aside_pending',
                  actions: 'fileSetAside',
                },
                // LDMAL Art. 51: an effective award not performed → enforcement by the court.
                TRANSFER_TO_COURT: {
                  guard: (a: Args) => a.event.probe === true || p(a.event).purpose === 'enforcement',
                  target: '#enforcement_transferred',
                  actions: 'recordTransfer',
                },
                ...suitAfterSetAside,
                ...archive,
              },
            },
            enforcement_transferred: { id: 'enforcement_transferred', on: { ...suitAfterSetAside, ...archive } },
            // The court decided the dispute (or found the award without effect): the award does not take effect.
            // An application against a mixed award's final part filed during the suit (LDMAL Art. 49) is still decided
            // after the court's judgment on the non-final part (`setAsideDuringSuit`: its result only).
            court_decided: {
              id: 'court_decided',
              on: { ...separateEffectAdditions, RECORD_SET_ASIDE: setAsideDuringSuit[1], ...archive },
            },
          },
        },
        closed_mediation: {
          id: 'closed_mediation',
          on: {
            TRANSFER_TO_COURT: {
              guard: (a: Args) => a.event.probe === true || p(a.event).purpose === 'enforcement',
              actions: 'recordTransfer',
            },
            ...archive,
          },
        },
        // LDMAL Arts. 43(2), 47, 51: a final partial award made before the withdrawal stays effective and is enforced; the
        // withdrawal reaches the undecided claims only (reviewer legal M1) — recorded without leaving the closure. Not
        // once a worker sued on it (Art. 48) or it was set aside (Art. 49); by the worker (rules.ts partialAwardInForce).
        closed_withdrawn: { id: 'closed_withdrawn', on: { ...partialAwardEnforcement, ...archive } },
        // LDMAL Art. 36: a deemed withdrawal is a withdrawal — the same for a final partial award made before it (revfix L2).
        closed_deemed_withdrawn: { id: 'closed_deemed_withdrawn', on: { ...partialAwardEnforcement, ...archive } },
        closed_terminated: { id: 'closed_terminated', on: { ...archive } },
        // Rules Art. 9 (round 2): transferred for jurisdiction — closes the case here; stats count it under `other`.
        closed_transferred: { id: 'closed_transferred', on: { ...archive } },
        ...enforcementStates,
      },
    },

    // 归档 (Rules Arts. 21–24). legal49a M5 (domain.md §10.3): a file archived while a suit or an enforcement awaited the
    // court (ARCHIVE from in_litigation or enforcement_applied) takes the court's outcome when it comes — the ruling is
    // added to the file (Rules Art. 22 lists the papers; nothing ends the court's proceedings at the commission), the case
    // stays archived and its remedy record moves on.
    archived: {
      id: 'archived',
      on: {
        RECORD_COURT_OUTCOME: {
          guard: (a: Args) => pendingSuits(a.context).length > 0 && legal(a),
          actions: archivedCourtOutcome,
        },
        RECORD_ENFORCEMENT_OUTCOME: {
          guard: (a: Args) => a.context.enforcement.some((e) => e.outcome === null) && legal(a),
          actions: recordEnforcementOutcome,
        },
      },
    },
  },
});

export { decidedClaimIds };
