import type { CaseRecord, EventRecord } from '../../db/stores/cases.ts';
import type { DocumentInfo } from '../../db/stores/documents.ts';
import { executedPartyIds } from '../../workflows/advance-execution.ts';
import { rulingPayerIds } from '../../workflows/advance-payers.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { withdrawnIds } from '../../workflows/claim-outcomes.ts';
import { hasPart } from '../../workflows/finality.ts';
import { formatMoney } from '../../workflows/identifiers.ts';
import { eventLabel, stateLabel } from '../../workflows/labels.ts';
import { CLAIM_CATEGORIES } from '../../workflows/reference.ts';
import { finalPartEnforceable, setAsideWhole, suitsWithOutcomes } from '../../workflows/rules.ts';
import { eventView, partialSetAside } from '../cases/views.ts';

/**
 * `case.json` of a court hand-off package — schema `zhongcai.court-package.case`, version 1.6 (CASE_SCHEMA_VERSION; 1.1 adds each claim's
 * `counterclaim` and `applicantId`; 1.2 each award item's `setAside`; 1.3 the case's `documentNo`, and the mediation of an
 * arbitral review: `confirmedOn`, `organization`, `performanceDueOn`; 1.4 each act's original document marked `original`, with whom it was `served` on;
 * 1.5 each partial award's `setAside`, `courtProceedings.partialAwardRemedies`, the tribunal's mediation's
 * `performanceDueOn`, an enforcement package's `enforced`, each document's `documentNo`, a reviewed agreement's
 * `agreementTerms`;
 * 1.6 (s60; what was added after 1.5 without a new version) each award item's `obligorIds`, `jointLiability` (LCL Art.
 * 92(2)), `equalShares` (Civil Code Art. 517(2)) and `shares` (LDMAL Art. 47(1); SPC-1 Art. 19), each advance
 * execution's `obligorIds`, `payerIds` (the respondents of the ruling's day where it named none), `jointLiability`, `equalShares` and
 * its amounts' `shares` (LDMAL Art. 44), `executedPartyIds` (LDMAL Arts. 44, 51), a
 * reviewed agreement's `effectiveOn` (Rules Art. 74) beside its `agreedOn` — now the day the agreement was reached, or
 * null (1.5 packages carried the effective day there) —, each suit's `decided` and `courtAccepted` (CPL Art. 86), each
 * court outcome's `suits`, a replaced notice's `supersededBy`, a review's `procedure` null (Rules Arts. 74–79), a
 * worker's claims deemed withdrawn with him marked `withdrawn` (Rules Art. 39)),
 * documented in
 * docs/court-package.md and as JSON Schema in docs/court-package-case.schema.json. A minor version only adds optional
 * fields; a reader of 1.x ignores what it does not know. Built only from the record (no clock, no I/O).
 */
export const CASE_SCHEMA = 'zhongcai.court-package.case';
export const CASE_SCHEMA_VERSION = '1.6';

/** Why the package goes to the court (domain.md §11). */
export const PACKAGE_PURPOSES = {
  advance_execution: '先予执行裁决移送执行',
  enforcement: '申请强制执行',
  litigation: '当事人起诉',
  set_aside: '申请撤销仲裁裁决',
  court_request: '人民法院调阅案卷',
} as const;
export type PackagePurpose = keyof typeof PACKAGE_PURPOSES;

/**
 * Why a package for this purpose has nothing to hand over (domain.md §11), or null. Only the purposes that rest on an
 * instrument are judged: enforcement needs an award (partial or final) or a mediation document — the one the
 * tribunal made or the one confirming a mediation agreement (LDMAL Art. 51); a transfer for advance execution needs
 * the ruling (LDMAL Art. 44); an application to set aside needs a final award item (LDMAL Art. 49); a litigation
 * package needs a suit (`litigationBasis`; med50 M4). A court may ask for the file at any stage (court_request): never
 * refused.
 */
/** A mixed award not yet effective, served or not, no suit filed: its final part is enforced alone (LDMAL Arts. 47, 51). */
export const finalPartAlone = (ctx: Pick<MachineContext, 'award' | 'setAside' | 'effectiveOn'>, state: string | undefined): boolean =>
  (state === 'award_issued' || state === 'award_served') &&
  ctx.award?.finality === 'mixed' &&
  ctx.effectiveOn === null &&
  finalPartEnforceable(ctx);

/**
 * What a litigation (当事人起诉) package answers (med50 M4): a suit the record holds — on the award (LDMAL Arts. 48, 50;
 * RECORD_LAWSUIT), on a partial award (Art. 43(2); Rules Art. 49), on the matters of a final award set aside (Art.
 * 49(3)) —, the suit the hearing was terminated for (the tribunal's delay: Art. 43(1); Rules Art. 48), or the suit a
 * rejected applicant may bring (Art. 29; SPC-1 Art. 5), which the closed case cannot record. `documents`: the kinds of
 * issued document the suit is about, one of which the package must hold (none for a suit over the delay: no document).
 * Null: no suit exists, and none can be brought on this record.
 */
export function litigationBasis(
  ctx: Pick<MachineContext, 'lawsuits' | 'setAside' | 'partialAwardRemedies' | 'closure'>,
): { documents: { kind: string; name: string }[] } | null {
  const onAward = ctx.lawsuits.length > 0 || (ctx.setAside?.lawsuits?.length ?? 0) > 0;
  const onPartial = (ctx.partialAwardRemedies ?? []).some((r) => r.kind === 'lawsuit');
  if (onAward || onPartial)
    return {
      documents: [
        ...(onAward ? [{ kind: 'award', name: '裁决书' }] : []),
        ...(onPartial ? [{ kind: 'partial_award', name: '部分裁决书' }] : []),
      ],
    };
  if (ctx.closure?.mode === 'rejection') return { documents: [{ kind: 'rejection_notice', name: '不予受理通知书' }] };
  if (ctx.closure?.mode === 'termination' && ctx.closure.ground !== 'other') return { documents: [] };
  return null;
}

/** Why no litigation package is made on this record (med50 M4), as the refusal says it. */
function noSuit(ctx: Pick<MachineContext, 'closure' | 'track'>): { detail: string; source: string } {
  const instead = '；人民法院调阅案卷请选 court_request';
  if (ctx.track === 'mediation')
    return {
      detail: `案前调解不是仲裁，当事人不能就调解向人民法院起诉（调解不成的，可以申请仲裁）${instead}`,
      source: '《劳动争议调解仲裁法》第五条、第十六条',
    };
  if (ctx.track === 'review')
    return {
      detail: `仲裁审查案件没有可以起诉的仲裁裁决（确认的调解书签收后即发生法律效力；不予确认的，当事人可以就调解协议申请仲裁）${instead}`,
      source: '《劳动人事争议仲裁办案规则》第七十七条至第七十九条',
    };
  if (ctx.closure?.mode === 'mediation')
    return {
      detail: `本案以仲裁调解书结案，调解书经双方当事人签收后发生法律效力，当事人不能就本案起诉；未记录当事人起诉（RECORD_LAWSUIT）${instead}`,
      source: '《劳动争议调解仲裁法》第四十二条',
    };
  return {
    detail: `尚未记录当事人向人民法院起诉（RECORD_LAWSUIT），不能生成当事人起诉的材料包${instead}`,
    source: '《劳动争议调解仲裁法》第二十九条、第四十三条、第四十八条、第五十条',
  };
}

export function packagePurposeRefusal(
  ctx: Pick<
    MachineContext,
    | 'award'
    | 'partialAwards'
    | 'closure'
    | 'advanceExecutions'
    | 'effectiveOn'
    | 'effectiveFor'
    | 'setAside'
    | 'partialAwardRemedies'
    | 'lawsuits'
    | 'track'
  >,
  purpose: PackagePurpose,
  state?: string,
  opts: { onlyEmployerSued?: boolean } = {},
): { detail: string; source: string } | null {
  const awards = [...ctx.partialAwards, ...(ctx.award ? [ctx.award] : [])];
  // Only the employer sued: its suit is on the non-final part; the final part stands and is enforced (finalPartOnly).
  if (purpose === 'enforcement' && state === 'in_litigation' && opts.onlyEmployerSued && finalPartEnforceable(ctx)) return null;
  // A mixed award's final part, effective the day it was made (LDMAL Art. 47), while the non-final part's windows run:
  // enforced on its own (Art. 51; reviewer legal H2) — the package holds the final award only (generate.ts).
  if (purpose === 'enforcement' && finalPartAlone(ctx, state)) return null;
  if (purpose === 'enforcement' && state === 'in_litigation')
    // A suit on the award is pending (LDMAL Arts. 48, 50): nothing to enforce until the court has decided.
    return { detail: '当事人已就本案裁决向人民法院起诉，诉讼期间不能申请强制执行', source: '《劳动争议调解仲裁法》第五十一条' };
  if (purpose === 'enforcement') {
    // An effective instrument, as APPLY_ENFORCEMENT requires (workflows/case-machine.ts `enforceable`): a mediation
    // document, or an award in effect (for all, or for a worker on his own: SPC-1 Art. 17) and not set aside. A partial
    // award's effect is not recorded apart: its package is left to the court to judge.
    const mediated = ctx.closure?.mode === 'mediation' || ctx.closure?.mode === 'review_confirmed';
    // A mixed award whose final part was set aside keeps its non-final part (LDMAL Arts. 49–50): not set aside whole.
    const setAside = setAsideWhole(ctx);
    const inEffect = !!ctx.award && !setAside && (ctx.effectiveOn !== null || (ctx.effectiveFor ?? []).length > 0);
    if (mediated || inEffect || (ctx.partialAwards.length > 0 && !setAside)) return null;
    return {
      detail: ctx.award
        ? setAside
          ? '本案裁决已被撤销，不能申请强制执行'
          : '本案裁决尚未发生法律效力（起诉期间未满或已起诉），不能申请强制执行'
        : '本案尚无可申请强制执行的裁决书或调解书',
      source: '《劳动争议调解仲裁法》第五十一条',
    };
  }
  if (purpose === 'advance_execution') {
    if (ctx.advanceExecutions.length) return null;
    return { detail: '本案没有先予执行裁决，无可移送执行', source: '《劳动争议调解仲裁法》第四十四条' };
  }
  if (purpose === 'litigation') return litigationBasis(ctx) ? null : noSuit(ctx);
  if (purpose === 'set_aside') {
    if (!awards.some((a) => a.items.some((i) => hasPart(i, true))))
      return { detail: '本案没有终局裁决事项，不能申请撤销仲裁裁决', source: '《劳动争议调解仲裁法》第四十九条' };
    // med49 L3: the package goes to the intermediate court the employer applied to (LDMAL Art. 49): made once that
    // application is recorded (RECORD_SET_ASIDE, of the award or of a partial award) — before, it had no court and no
    // application to answer. A court asking for the file meanwhile is `court_request`.
    const applied = ctx.setAside !== null || (ctx.partialAwardRemedies ?? []).some((r) => r.kind === 'set_aside');
    if (applied) return null;
    return {
      detail:
        '尚未记录用人单位向中级人民法院申请撤销裁决（RECORD_SET_ASIDE），不能生成申请撤销仲裁裁决的材料包；人民法院调阅案卷请选 court_request',
      source: '《劳动争议调解仲裁法》第四十九条',
    };
  }
  return null;
}

export interface PackageMeta {
  generatedAt: string;
  generatedBy: { name: string; role: string };
  commission: string;
  purpose: PackagePurpose;
  court: string | null;
  keyId: string;
  /**
   * The number of a case without a case number: an arbitral review's 审字 number (Rules Arts. 74–79), or a rejected
   * application's 不予受理通知书 不字 number (LDMAL Art. 29; Rules Art. 30). Null for a case with a case number.
   */
  documentNo: string | null;
  /**
   * 1.5 (docs49 M2), an enforcement package's: the instrument the court is asked to enforce (LDMAL Art. 51) — the award
   * (`part`: the one part enforced alone), a partial award (`partialAward`, 1 = the first made; null: every one) or the
   * 调解书 — and the numbers of its documents the package encloses. Null for other purposes.
   */
  enforced: {
    kind: 'award' | 'partial_award' | 'mediation_document';
    partialAward: number | null;
    part: 'final' | 'non_final' | null;
    documentNos: string[];
  } | null;
}

export interface PackagedDocument extends Omit<DocumentInfo, 'caseId'> {
  /** Where the PDF lies inside the ZIP. */
  path: string;
  /** The original of an act's document (schema 1.4; app/documents/originals.ts) and the services of that act. */
  original?: boolean;
  served?: { partyId: number; servedOn: string; method: string }[];
  /** docs52 M1: a notice a later one replaced (the tribunal re-formed after a recusal): that notice's document id. */
  supersededBy?: number;
}

/**
 * An award as case.json holds it. `setAsideFinal`: the court set the award's final part aside (LDMAL Art. 49) — each
 * final item says so (`setAside`), so that a court reading the file by machine does not enforce what no longer stands
 * (legal s46 L3: a mixed award's set-aside final item read as granted).
 */
const awardView = (a: NonNullable<MachineContext['award']>, setAsideFinal = false) => ({
  finality: a.finality,
  issuedOn: a.issuedOn,
  defaultAward: a.defaultAward,
  minimumWage: a.minimumWage,
  items: a.items.map((i) => ({
    claimId: i.claimId,
    outcome: i.outcome,
    amount: i.amount,
    final: i.final,
    setAside: setAsideFinal && i.final,
    reason: i.reason,
    paymentDays: (i as { paymentDays?: number | null }).paymentDays ?? null,
    // legal55a #5: the respondents who perform the item (the first pays) and whether the others answer jointly (LCL
    // Art. 92(2)) — only where the award recorded them (absent: every respondent), so that the court enforces against
    // those the award names. Optional fields (1.6): a reader of 1.x ignores them.
    ...(i.obligorIds ? { obligorIds: i.obligorIds } : {}),
    ...(i.jointLiability ? { jointLiability: true } : {}),
    // fixA59 (1.6): by equal shares (按份, Civil Code Art. 517(2)) — only where recorded.
    ...(i.equalShares ? { equalShares: true } : {}),
    // docs56 #1 (1.6): each worker's share of a joint claim's sum and whether it is final for him (optional, as above). fixS57:
    // each share is final or not on its own amount (LDMAL Art. 47(1); SPC-1 Art. 19) — the item's `final` says whether all
    // of it is; a share set aside with the final part says so itself.
    ...(i.shares ? { shares: i.shares.map((sh) => ({ ...sh, ...(setAsideFinal && sh.final ? { setAside: true } : {}) })) } : {}),
  })),
});

/**
 * The day the instrument took effect. An award's is recorded (`ctx.effectiveOn`). A 调解书 takes effect the day the last
 * party signs for it (LDMAL Art. 42(3); Rules Art. 77 for a reviewed agreement's): the case's closing day then.
 */
const effectiveOf = (ctx: MachineContext): string | null =>
  ctx.effectiveOn ?? (ctx.closure?.mode === 'mediation' || ctx.closure?.mode === 'review_confirmed' ? ctx.closure.closedOn : null);

/**
 * The mediation the case holds: the tribunal's (LDMAL Arts. 42), or the agreement an arbitral review confirmed (Rules
 * Art. 77: its terms as confirmed, the day of the confirmation, the parties' signatures for the 调解书).
 */
function mediationView(ctx: MachineContext) {
  if (ctx.mediation)
    return {
      terms: ctx.mediation.terms,
      agreedOn: ctx.mediation.agreedOn,
      amount: ctx.mediation.amount ?? null,
      signatures: ctx.mediation.signatures,
      // 1.5 (med49 M3b): the last day of the performance period the 调解书 states (CPL Art. 250(2)), when recorded.
      performanceDueOn: ctx.mediation.performanceDueOn ?? null,
    };
  const r = ctx.review;
  if (ctx.track !== 'review' || !r?.confirmation) return null;
  return {
    terms: r.confirmation.terms,
    // fixA59 #3b (as the view and the 调解书 since fixD58 #4): the day the agreement was reached where recorded
    // (`agreement.agreedOn`), never its effective day in its place — null on a record without it.
    agreedOn: r.agreement.agreedOn ?? null,
    // The day it took effect (Rules Art. 74: the 15 days run from it). Packages before fixA59 carried this day as
    // `agreedOn`: a consumer that read it so reads it here (1.6).
    effectiveOn: r.agreement.effectiveOn,
    amount: null,
    signatures: r.confirmation.signatures,
    confirmedOn: r.confirmation.on,
    organization: r.agreement.organization,
    performanceDueOn: r.confirmation.performanceDueOn ?? null,
    // 1.5 (med49 M4): the terms of the agreement as registered for review (Rules Art. 74) — the 调解书's content must
    // match the agreement (Art. 77): a court reads both where they differ.
    agreementTerms: r.agreement.terms,
  };
}

export function buildCaseJson(c: CaseRecord, ctx: MachineContext, events: EventRecord[], documents: PackagedDocument[], meta: PackageMeta) {
  // legal54c M1: a worker's claims deemed withdrawn with him (DEEM_WITHDRAWN partyId) are withdrawn too.
  const withdrawn = withdrawnIds(ctx);
  return {
    schema: CASE_SCHEMA,
    schemaVersion: CASE_SCHEMA_VERSION,
    generatedAt: meta.generatedAt,
    generatedBy: meta.generatedBy,
    commission: { name: meta.commission, keyId: meta.keyId },
    purpose: meta.purpose,
    purposeLabel: PACKAGE_PURPOSES[meta.purpose],
    court: meta.court,
    // 1.5 (docs49 M2): what an enforcement package asks the court to enforce.
    enforced: meta.enforced,
    // fixK56 #2 (1.6): the 被执行人 of an advance-execution or enforcement package (LDMAL Arts. 44, 51) — the parties ordered to
    // pay (ADVANCE_EXECUTION's and the award items' obligorIds), every respondent when none is named; null otherwise.
    executedPartyIds:
      meta.purpose === 'advance_execution' || meta.purpose === 'enforcement'
        ? executedPartyIds(ctx, c.parties as { id?: number; side: string }[], meta.purpose)
        : null,
    case: {
      id: c.id,
      caseNo: c.caseNo,
      // 1.3: the 审字 or 不字 number of a case without a case number (PackageMeta.documentNo).
      documentNo: meta.documentNo,
      track: c.track,
      state: c.state,
      stateLabel: stateLabel(c.state),
      receivedOn: c.receivedOn,
      // A review's acceptance (ACCEPT_REVIEW, Rules Art. 76) is recorded on the review, not on the case row.
      acceptedOn: c.acceptedOn ?? ctx.review?.acceptedOn ?? null,
      district: c.district,
      // An arbitral review (Rules Arts. 74–79) is heard under neither the ordinary nor the simple procedure (Rules Arts.
      // 56–61): none, as the case view says (app/cases/views.ts; med51 M3).
      procedure: c.track === 'review' ? null : c.procedure,
      collective: c.collective,
      closure: ctx.closure ? { mode: ctx.closure.mode, closedOn: ctx.closure.closedOn } : null,
      effectiveOn: effectiveOf(ctx),
      version: c.version,
    },
    // In full: the court needs to identify the parties (LDMAL Art. 51; CPL on enforcement). Who may generate is limited.
    parties: c.parties.map((p) => ({
      id: p.id as number,
      side: p.side,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber,
      sex: p.sex,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      phone: p.phone,
      address: p.address,
      creditCode: p.creditCode,
      legalRepresentative: p.legalRepresentative,
      legalRepresentativeTitle: p.legalRepresentativeTitle,
      agents: p.agents.map((a) => ({ name: a.name, kind: a.kind, unit: a.unit, phone: a.phone, relationship: a.relationship ?? null })),
    })),
    claims: c.claims.map((cl) => ({
      id: cl.id as number,
      seq: cl.seq as number,
      category: cl.category,
      categoryLabel: CLAIM_CATEGORIES[cl.category],
      amount: cl.amountFen === null ? null : formatMoney(cl.amountFen),
      description: cl.description,
      // Given up by a change of claims (Rules Art. 44).
      withdrawn: withdrawn.has(cl.id as number),
      // The respondent's, of a merged counterclaim (Rules Art. 36).
      counterclaim: cl.counterclaim === true,
      // One applicant's own claim of several (Rules Art. 62), or the applicant a counterclaim's is against; null: theirs together.
      applicantId: cl.partyId ?? null,
    })),
    // Claims added, changed (with what they were) or given up after acceptance (Rules Art. 44).
    claimChanges: ctx.claimChanges ?? [],
    award: ctx.award ? awardView(ctx.award, ctx.setAside?.result === 'set_aside') : null,
    // 1.5 (docs49 H1): a partial award the court set aside says so, its final items too (LDMAL Arts. 43(2), 49).
    partialAwards: ctx.partialAwards.map((a, k) => {
      const setAside = partialSetAside(ctx, k + 1);
      return { ...awardView(a, setAside !== null), setAside };
    }),
    advanceExecutions: ctx.advanceExecutions.map((x) => ({
      claimIds: x.claimIds,
      ruledOn: x.ruledOn,
      appliedOn: x.appliedOn ?? null,
      amounts: x.amounts ?? [],
      paymentDays: x.paymentDays ?? null,
      // fixK56 #2 (1.6): the respondents the ruling names (absent: it named none — `payerIds` says who pays), whether the others answer
      // jointly (fixD58) or by equal shares (fixA59; Civil Code Art. 517(2)) — only where recorded.
      ...(x.obligorIds ? { obligorIds: x.obligorIds } : {}),
      // s60 A2 #1 (1.6): the respondents the ruling ordered to pay, resolved as of its day (rulingPayerIds) — a ruling
      // naming none binds the respondents of its day, never one added after it (Rules Art. 46(1); LDMAL Art. 44). None
      // on a counterclaim's ruling: the applicant it is against pays (Rules Art. 36; executedPartyIds).
      ...(x.claimIds.some((id) => c.claims.find((cl) => cl.id === id)?.counterclaim)
        ? {}
        : { payerIds: rulingPayerIds(ctx, c.parties as { id?: number; side: string }[], x) }),
      ...(x.jointLiability ? { jointLiability: true } : {}),
      ...(x.equalShares ? { equalShares: true } : {}),
      rightsClear: x.rightsClear ?? null,
      lifeSeriouslyAffected: x.lifeSeriouslyAffected ?? null,
      transferredOn: x.transferredOn,
      court: x.court,
    })),
    mediation: mediationView(ctx),
    services: ctx.services.map((s) => ({
      document: s.document,
      partyId: s.partyId,
      method: s.method,
      servedOn: s.servedOn,
      publishedOn: s.publishedOn ?? null,
      confirmed: s.confirmed ?? null,
    })),
    courtProceedings: {
      // legal49c H2 (1.6): each suit with the outcome that ended it (`decided`); `outcomes[].suits` are positions in it.
      lawsuits: suitsWithOutcomes(ctx),
      // Every key court-package.md lists, `servedOn` null while the application is pending (reviewer docs46b L6).
      setAside: ctx.setAside ? { ...ctx.setAside, servedOn: ctx.setAside.servedOn ?? null } : null,
      outcomes: ctx.courtOutcomes ?? [],
      transfers: ctx.transfers,
      // Applications for enforcement and their outcomes (LDMAL Art. 51); a partial award's carries `partialAward`.
      enforcement: ctx.enforcement ?? [],
      // 1.5 (docs49 H1): the suits against the partial awards and the applications to set them aside, with the rulings
      // (LDMAL Arts. 43(2), 48–50; Rules Art. 49), `partialAward` numbering the partial award (1 = the first made).
      partialAwardRemedies: (ctx.partialAwardRemedies ?? []).map((r) => ({
        partialAward: r.partialAward,
        kind: r.kind,
        partyId: r.partyId,
        court: r.court,
        filedOn: r.filedOn,
        result: r.result,
        decidedOn: r.decidedOn,
        servedOn: r.servedOn ?? null,
      })),
    },
    // The history as the commission recorded it, identity numbers masked in the payloads (the parties list has them).
    history: events.map((e) => {
      const v = eventView(e);
      return {
        seq: v.seq,
        type: v.type,
        label: eventLabel(v.type),
        occurredOn: v.occurredOn,
        recordedAt: v.recordedAt,
        actor: { role: v.actor.role, name: v.actor.name },
        stateBefore: v.stateBefore,
        stateAfter: v.stateAfter,
        payload: v.payload,
      };
    }),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      // The number the document bears (its first name; not the case's own number, which is case.caseNo).
      caseNo: d.caseNo,
      // 1.5 (docs49 L1): the same number under its true name.
      documentNo: d.caseNo,
      sha256: d.sha256,
      size: d.size,
      createdAt: d.createdAt,
      path: d.path,
      // 1.4 (docsfix H1): an act's original — the one document of the act the package holds — and whom it was served on.
      ...(d.original ? { original: true, served: d.served ?? [] } : {}),
      // docs52 M1 (optional, 1.6): the notice that replaced this one.
      ...(d.supersededBy !== undefined ? { supersededBy: d.supersededBy } : {}),
    })),
  };
}
export type CaseJson = ReturnType<typeof buildCaseJson>;
