import type { MachineContext } from './case-machine.ts';
import { isSplit, type Outcome } from './finality.ts';
import { parseMoney } from './identifiers.ts';
import type { ClaimCategory } from './reference.ts';
import { claimWorker, isEmployerId, isWorkerId } from './sides.ts';

/**
 * Where each claim ended up (issue 17): what the commission awarded on it and what the courts then did — the award
 * upheld, changed to another amount or revoked — so that "claimed vs awarded vs finally upheld" and the share of awards
 * changed by courts can be counted per claim. Pure: read from the procedure record the statechart keeps.
 *
 * Which award items a court proceeding reaches (domain.md §9, §11):
 * - a worker's suit reaches his items (LDMAL Art. 48 for final items, Art. 50 for the rest): every item of a case with
 *   one worker; where the claims are the workers' own (`applicant` set, Rules Art. 62) each worker's claim is his own
 *   dispute — his suit reaches his own items and the claims of the applicants together, never another worker's, whose
 *   award stands for him (SPC-1 Arts. 17, 19; stop 46, M4). An employer's suit reaches only the non-final items (it
 *   cannot sue a final award, LDMAL Art. 49) — every worker's: the award then takes effect for no one (SPC-1 Art. 16);
 * - an application to set aside reaches the final items (LDMAL Art. 49);
 * - a judgment records per item: upheld, changed (to an amount) or revoked; a judgment without per-item results leaves
 *   the outcome `unspecified`; a suit withdrawn or dismissed as out of time leaves the award standing (SPC-2000 Arts. 1–2:
 *   `upheld`); dismissed because of a wrong party or not a labor dispute, the award has no effect (SPC-2000 Art. 3:
 *   `no_effect`, nothing upheld);
 * - a set-aside ruling revokes the final items (`revoked`); a rejected or withdrawn application leaves them `upheld`.
 * The finally upheld amount is known (`settled`) once the court has decided the item, or — with no court proceeding
 * reaching it — once the item stands: a final item from the award, a non-final one once the award took effect (for a
 * worker's own item: once it took effect for him, MARK_EFFECTIVE with his partyId, SPC-1 Art. 17).
 */
export type CourtResult = 'upheld' | 'changed' | 'revoked' | 'no_effect' | 'unspecified';

export interface ClaimOutcome {
  claimId: number;
  category: ClaimCategory;
  /** The amount claimed as it now stands (after changes), in fen; null for a non-monetary claim. */
  claimedFen: number | null;
  /** The claim was given up (CHANGE_CLAIMS `withdraw`). */
  withdrawn: boolean;
  award: { on: string; partial: boolean; outcome: Outcome; amountFen: number; final: boolean } | null;
  /** A suit or set-aside application reached this item. */
  challenged: boolean;
  court: { result: CourtResult; amountFen: number | null; on: string; via: 'suit' | 'set_aside' } | null;
  /** The amount finally upheld, once known. */
  upheldFen: number | null;
  settled: boolean;
}

interface ClaimSource {
  id?: number;
  category: ClaimCategory;
  amountFen: number | null;
}

const fen = (s: string | null | undefined) => (s ? (parseMoney(s) ?? 0) : 0);

/**
 * The worker whose own claim `claimId` is (Rules Art. 62: `applicant` set at registration), or null when it concerns
 * every worker — a claim of the applicants together, an employer's, a union's (workflows/sides.ts `claimWorker`).
 */
export function claimOwner(ctx: Pick<MachineContext, 'parties' | 'claims' | 'collectiveGround'>, claimId: number): number | null {
  const claim = ctx.claims.find((c) => c.id === claimId);
  return claim ? claimWorker(ctx, claim) : null;
}

/**
 * A suit by `partyId` reaches the award item on `claimId` (final or not): an employer's only a non-final item — any
 * worker's, as today: its suit is against the award, which then takes effect for no one (LDMAL Arts. 49–50; SPC-1
 * Art. 16); a worker's his own items and those of the applicants together, not another worker's (LDMAL Art. 48; SPC-1
 * Arts. 17, 19). A suit recorded for a party on neither side (a third party, LDMAL Art. 23) is read as before: every item.
 */
export function suitReaches(ctx: MachineContext, partyId: number, claimId: number, final: boolean): boolean {
  if (isEmployerId(ctx, partyId)) return !final;
  if (!isWorkerId(ctx, partyId)) return true;
  const owner = claimOwner(ctx, claimId);
  return owner === null || owner === partyId;
}

/** Claims given up by a change of claims (CHANGE_CLAIMS `withdraw`, Rules Art. 44). */
export function withdrawnIds(ctx: Pick<MachineContext, 'claimChanges'> & Partial<Pick<MachineContext, 'deemedWithdrawals'>>): Set<number> {
  return new Set([
    ...(ctx.claimChanges ?? []).flatMap((c) => c.withdrawn),
    // legal54c M1: a worker's application treated as withdrawn alone (LDMAL Art. 36; Rules Art. 39) ends his claims.
    ...(ctx.deemedWithdrawals ?? []).flatMap((d) => d.claimIds),
  ]);
}

export function claimOutcomes(claims: ClaimSource[], ctx: MachineContext): ClaimOutcome[] {
  const withdrawn = withdrawnIds(ctx);
  const awarded = new Map<number, NonNullable<ClaimOutcome['award']>>();
  for (const a of ctx.partialAwards)
    for (const i of a.items)
      awarded.set(i.claimId, {
        on: a.issuedOn,
        partial: true,
        outcome: i.outcome,
        amountFen: i.outcome === 'dismissed' ? 0 : fen(i.amount),
        final: i.final,
      });
  for (const i of ctx.award?.items ?? [])
    if (!awarded.has(i.claimId))
      awarded.set(i.claimId, {
        on: ctx.award?.issuedOn as string,
        partial: false,
        outcome: i.outcome,
        amountFen: i.outcome === 'dismissed' ? 0 : fen(i.amount),
        final: i.final,
      });
  // fixS57: claims whose item is split by its workers' shares (some final, some not): the set-aside (LDMAL Art. 49)
  // reaches their final shares, as an employer's suit (Art. 50) reaches their non-final ones.
  const split = new Set(
    [...ctx.partialAwards.flatMap((a) => a.items), ...(ctx.award?.items ?? [])].filter((i) => isSplit(i)).map((i) => i.claimId),
  );
  const outcomes = ctx.courtOutcomes ?? [];
  return claims.map((cl): ClaimOutcome => {
    const id = cl.id as number;
    const award = awarded.get(id) ?? null;
    const base = { claimId: id, category: cl.category, claimedFen: cl.amountFen, withdrawn: withdrawn.has(id), award };
    if (!award) return { ...base, challenged: false, court: null, upheldFen: null, settled: false };
    // By side, not by kind: an individual employer cannot sue against a final award either (LDMAL Art. 49); a worker's
    // suit reaches his own items and the applicants' together (suitReaches).
    const suedBy = ctx.lawsuits.filter((l) => l.filedOn >= award.on && suitReaches(ctx, l.partyId, id, award.final));
    const setAside = (award.final || split.has(id)) && ctx.setAside && ctx.setAside.filedOn >= award.on ? ctx.setAside : null;
    const challenged = suedBy.length > 0 || setAside !== null;
    let court: ClaimOutcome['court'] = null;
    // Reviewer s57 A M4: a split item's set-aside revokes its final shares only (LDMAL Art. 49) — its non-final shares
    // stand or go to a suit (Art. 50): what is left of the item is not known from the set-aside alone (unspecified).
    const revoked = split.has(id) && !award.final ? 'unspecified' : 'revoked';
    if (setAside?.result && setAside.decidedOn)
      court = { result: setAside.result === 'set_aside' ? revoked : 'upheld', amountFen: null, on: setAside.decidedOn, via: 'set_aside' };
    // The latest court outcome that ended a suit reaching this item decides it (a suit after a set-aside included).
    const suedParties = new Set(suedBy.map((l) => l.partyId));
    const last = [...outcomes].reverse().find((o) => o.partyIds.some((p) => suedParties.has(p)));
    if (last && (!court || last.decidedOn >= court.on)) {
      const item = last.items?.find((i) => i.claimId === id);
      const result: CourtResult =
        last.outcome === 'judgment' ? (item?.result ?? 'unspecified') : last.outcome === 'dismissed_no_effect' ? 'no_effect' : 'upheld';
      court = { result, amountFen: item?.result === 'changed' ? fen(item.amount) : null, on: last.decidedOn, via: 'suit' };
    }
    let upheldFen: number | null = null;
    if (court) {
      upheldFen =
        court.result === 'upheld'
          ? award.amountFen
          : court.result === 'changed'
            ? court.amountFen
            : court.result === 'unspecified'
              ? null
              : 0;
    } else if (!challenged) {
      // A worker's own item stands once the award took effect for him while others sued (SPC-1 Art. 17).
      const owner = claimOwner(ctx, id);
      const effectiveForOwner = owner !== null && (ctx.effectiveFor ?? []).some((e) => e.partyId === owner);
      if (award.final || ctx.effectiveOn !== null || effectiveForOwner) upheldFen = award.amountFen;
    }
    return { ...base, challenged, court, upheldFen, settled: upheldFen !== null };
  });
}

/** The facts statistics keep per awarded claim (a compact, canonical form: the projection compares it as text). */
export interface ClaimStatLine {
  claimId: number;
  category: ClaimCategory;
  /** The award's day: the statistics count an item in the period its award was made. */
  on: string;
  claimedFen: number;
  awardedFen: number;
  challenged: boolean;
  court: CourtResult | null;
  upheldFen: number | null;
}

export function claimStatLines(claims: ClaimSource[], ctx: MachineContext): ClaimStatLine[] {
  return claimOutcomes(claims, ctx)
    .filter((o) => o.award !== null)
    .map((o) => ({
      claimId: o.claimId,
      category: o.category,
      on: (o.award as NonNullable<ClaimOutcome['award']>).on,
      claimedFen: o.claimedFen ?? 0,
      awardedFen: (o.award as NonNullable<ClaimOutcome['award']>).amountFen,
      challenged: o.challenged,
      court: o.court?.result ?? null,
      upheldFen: o.upheldFen,
    }))
    .sort((a, b) => a.claimId - b.claimId);
}

/** A court result that changed the award: changed, revoked, or found without effect. */
export const changedByCourt = (r: CourtResult | null) => r === 'changed' || r === 'revoked' || r === 'no_effect';
/** The court proceeding reaching the item has ended (whatever the result, recorded per item or not). */
export const courtDecided = (r: CourtResult | null) => r !== null;
