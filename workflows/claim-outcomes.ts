import type { MachineContext } from './case-machine.ts';
import type { Outcome } from './finality.ts';
import { parseMoney } from './identifiers.ts';
import type { ClaimCategory } from './reference.ts';
import { isEmployerId } from './sides.ts';

/**
 * Where each claim ended up (issue 17): what the commission awarded on it and what the courts then did — the award
 * upheld, changed to another amount or revoked — so that "claimed vs awarded vs finally upheld" and the share of awards
 * changed by courts can be counted per claim. Pure: read from the procedure record the statechart keeps.
 *
 * Which award items a court proceeding reaches (domain.md §9, §11):
 * - a worker's suit reaches every item (LDMAL Art. 48 for final items, Art. 50 for the rest); an employer's suit only
 *   the non-final items (it cannot sue a final award, LDMAL Art. 49);
 * - an application to set aside reaches the final items (LDMAL Art. 49);
 * - a judgment records per item: upheld, changed (to an amount) or revoked; a judgment without per-item results leaves
 *   the outcome `unspecified`; a suit withdrawn or dismissed as out of time leaves the award standing (SPC-2000 Arts. 1–2:
 *   `upheld`); dismissed because of a wrong party or not a labor dispute, the award has no effect (SPC-2000 Art. 3:
 *   `no_effect`, nothing upheld);
 * - a set-aside ruling revokes the final items (`revoked`); a rejected or withdrawn application leaves them `upheld`.
 * The finally upheld amount is known (`settled`) once the court has decided the item, or — with no court proceeding
 * reaching it — once the item stands: a final item from the award, a non-final one once the award took effect.
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

/** Claims given up by a change of claims (CHANGE_CLAIMS `withdraw`, Rules Art. 44). */
export function withdrawnIds(ctx: Pick<MachineContext, 'claimChanges'>): Set<number> {
  return new Set((ctx.claimChanges ?? []).flatMap((c) => c.withdrawn));
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
  // By side, not by kind: an individual employer cannot sue against a final award either (LDMAL Art. 49).
  const employer = (partyId: number) => isEmployerId(ctx, partyId);
  const outcomes = ctx.courtOutcomes ?? [];
  return claims.map((cl): ClaimOutcome => {
    const id = cl.id as number;
    const award = awarded.get(id) ?? null;
    const base = { claimId: id, category: cl.category, claimedFen: cl.amountFen, withdrawn: withdrawn.has(id), award };
    if (!award) return { ...base, challenged: false, court: null, upheldFen: null, settled: false };
    const suedBy = ctx.lawsuits.filter((l) => l.filedOn >= award.on && (!employer(l.partyId) || !award.final));
    const setAside = award.final && ctx.setAside && ctx.setAside.filedOn >= award.on ? ctx.setAside : null;
    const challenged = suedBy.length > 0 || setAside !== null;
    let court: ClaimOutcome['court'] = null;
    if (setAside?.result && setAside.decidedOn)
      court = { result: setAside.result === 'set_aside' ? 'revoked' : 'upheld', amountFen: null, on: setAside.decidedOn, via: 'set_aside' };
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
    } else if (!challenged && (award.final || ctx.effectiveOn !== null)) upheldFen = award.amountFen;
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
