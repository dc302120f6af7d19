import { advancePayerIds, rulingPayerIds } from './advance-payers.ts';
import type { MachineContext } from './case-machine.ts';
import { formatMoney, parseMoney } from './identifiers.ts';

/**
 * Advance execution (先予执行, LDMAL Art. 44; Rules Art. 51) and the award that follows it. domain.md §9.2
 * (Zhejiang-Reg Art. 34 [C]; the same in Op-2017 [R]): "In the final award the tribunal deals with the part already
 * executed in advance and states what has been executed" — so an award (and a partial award, Rules Art. 49, decided like
 * any award) ordering a claim that was ordered paid in advance states that amount and orders only the rest; otherwise
 * the worker could be paid twice.
 */

/**
 * What the advance-execution rulings made on or before `on` ordered paid on `claimId` (fen), and their days
 * (`rulings`); `unrecorded`: the days of rulings that name the claim (claimIds) with no amount recorded for it
 * (ADVANCE_EXECUTION's `amounts` is optional). null: no ruling names the claim.
 *
 * The amount is what the rulings ORDERED paid in advance (已裁决先行支付), not what was executed: domain.md §9.2 speaks
 * of the part "already executed", but the record holds no executed amounts (payment happens outside the commission, or
 * through the court after transfer), so the award states what was ordered, in those words — never that it was paid.
 */
export function advanceOrdered(
  ctx: Pick<MachineContext, 'advanceExecutions'>,
  claimId: number,
  on: string,
): { fen: number; rulings: string[]; unrecorded: string[] } | null {
  let fen = 0;
  const rulings: string[] = [];
  const unrecorded: string[] = [];
  for (const ae of ctx.advanceExecutions ?? []) {
    if (ae.ruledOn > on) continue;
    const mine = (ae.amounts ?? []).filter((x) => x.claimId === claimId);
    for (const x of mine) {
      fen += parseMoney(x.amount) ?? Math.round(Number(x.amount) * 100);
      if (!rulings.includes(ae.ruledOn)) rulings.push(ae.ruledOn);
    }
    if (!mine.length && ae.claimIds.includes(claimId) && !unrecorded.includes(ae.ruledOn)) unrecorded.push(ae.ruledOn);
  }
  return rulings.length || unrecorded.length ? { fen, rulings, unrecorded } : null;
}

/**
 * Who was ordered paid in advance and who pays, by the claim's side: the applicant's claim paid by the respondent, a
 * respondent worker's counterclaim (Rules Art. 36) paid by the applicant (LDMAL Art. 44 is of the worker's claim).
 */
export const advanceSides = (counterclaim: boolean | undefined): [paid: string, payer: string] =>
  counterclaim ? ['被申请人', '申请人'] : ['申请人', '被申请人'];

/** A ruling named the claim without recording an amount: the award cannot deduct it, the arbitrator must deal with it. */
export const UNRECORDED_ADVANCE = '本项请求已作出先予执行裁决，但未记录先行支付金额，请在裁决理由中写明已先予执行部分';

/**
 * s64 D #1 — the words the award prints of a claim ordered paid in advance (LDMAL Art. 44; domain.md §9.2), the one
 * home of them: the award item (templates/kinds.ts advanceDeducted, advanceReturned) prints them and the warning of the
 * award form, its preview and its confirmation (advanceWarning) quotes them, so the warning never promises a wording the
 * award does not print. A ruling orders a payment, it is not one (reviewer docs43 M7): the award orders the whole amount
 * and says that what was executed in advance is deducted on enforcement — never that the rest is "still to pay" nor that
 * nothing more is owed (a worker whose ruling was never executed would be left unpaid).
 */
export const ADVANCE_DEDUCTED = '已先予执行的部分在执行时予以扣减';

/**
 * The deduction, naming whose debt it reduces where the case has two respondents or more (legal59a #1, `payers`:
 * 被申请人甲、乙; templates/kinds.ts advanceWithPayers) — else the plain words.
 */
export const advanceDeductedWords = (payers?: string): string =>
  payers ? `${payers}依先予执行裁决已先予执行的部分，在执行时从其应付款项中扣减` : ADVANCE_DEDUCTED;

/** The sums executed under an advance-execution ruling (the record holds what it ordered; paid is the court's to know). */
export const ADVANCE_RETURNED = '已依先予执行裁决执行的款项';

/**
 * docs51 M2: an amount ordered in advance above the amount awarded — stated as a fact, and what was executed beyond the
 * award goes back, 执行回转 (CPL Art. 244, 2023 text [R]; domain.md §9.2), from the side that was paid (`paid`,
 * advanceSides). `excess`: the sum as the text prints it (the award: 1000.00元（人民币壹仟元整）; a warning: 1000.00元).
 */
export const advanceExcessWords = (excess: string, paid: string): string =>
  `已裁决先行支付的款项较本项裁决金额多出${excess}，${ADVANCE_RETURNED}超出本项裁决金额的部分，${paid}应当予以返还（执行回转）`;

/** docs51 M2: an item dismissed (or awarding nothing) on a claim ordered paid in advance — what was executed goes back. */
export const advanceDismissedWords = (paid: string): string =>
  `本裁决对该项请求未予支持，${ADVANCE_RETURNED}，${paid}应当予以返还（执行回转）`;

/**
 * The payers named in the deduction (advanceDeductedWords): where the case has two respondents or more, the respondents
 * the rulings on the claim ordered to pay (advancePayerIds), as 被申请人甲、乙; undefined with one respondent or on a
 * counterclaim (paid by the applicant) — nobody else could have paid (legal59a #1). The award (templates/kinds.ts
 * advanceWithPayers) and the award preview (advanceWarning) read the same.
 */
export function advancePayerNames(
  ctx: Pick<MachineContext, 'advanceExecutions'> & Partial<Pick<MachineContext, 'partyAdditions'>>,
  respondents: readonly { id?: number; name: string }[],
  claimId: number,
  on: string,
  counterclaim: boolean | undefined,
): string | undefined {
  if (respondents.length < 2 || counterclaim) return undefined;
  const ids = advancePayerIds(
    ctx,
    respondents.map((p) => ({ ...p, side: 'respondent' })),
    claimId,
    on,
  );
  const payers = (ids ?? []).flatMap((id) => respondents.filter((p) => p.id === id));
  return payers.length ? `被申请人${payers.map((p) => p.name).join('、')}` : undefined;
}

/**
 * The warning an award item gets where its claim was ordered paid in advance (domain.md §9.2), saying what the award
 * will print (s64 D #1: the words above, never others): the whole amount awarded, what the rulings ordered paid in
 * advance, and the deduction on enforcement; the excess of an advance above the amount awarded, and an item dismissed,
 * with what goes back — the arbitrator's to reason; a ruling without a recorded amount cannot be deducted. `remaining`:
 * the amount awarded beyond the amount ordered in advance (0.00 where the advance covers it) — a figure for the form,
 * which the award does not print. `payers`: advancePayerNames.
 */
export function advanceWarning(
  ctx: Pick<MachineContext, 'advanceExecutions'>,
  item: { claimId: number; outcome: string; amount?: string | null },
  on: string,
  counterclaim = false,
  payers?: string,
): { amount: string | null; rulings: string[]; remaining: string | null; message: string } | null {
  // reviewer s54 A M1: a worker's counterclaim paid in advance (LDMAL Art. 44) — the respondent was paid, the applicant
  // pays; what goes back goes back from the respondent.
  const [paid] = advanceSides(counterclaim);
  const adv = advanceOrdered(ctx, item.claimId, on);
  if (!adv) return null;
  const unrecorded = adv.unrecorded.length ? `（${adv.unrecorded.join('、')}）` : '';
  if (!adv.rulings.length) return { amount: null, rulings: adv.unrecorded, remaining: null, message: `${UNRECORDED_ADVANCE}${unrecorded}` };
  // Rulings with an amount are deducted; another ruling on the claim without one is still the arbitrator's.
  const also = unrecorded ? `；另，${UNRECORDED_ADVANCE}${unrecorded}` : '';
  const advance = formatMoney(adv.fen);
  const awarded = item.outcome === 'dismissed' ? 0 : (parseMoney(item.amount ?? '') ?? 0);
  const base = `该请求已于${adv.rulings.join('、')}裁决先予执行${advance}元（劳动争议调解仲裁法第四十四条）`;
  if (item.outcome === 'dismissed' || awarded === 0)
    return {
      amount: advance,
      rulings: adv.rulings,
      remaining: null,
      message: `${base}，本项未裁决支付：裁决书写明已裁决先行支付${advance}元，${advanceDismissedWords(paid)}，请在“本委认为”中写明理由${also}`,
    };
  const compared = adv.fen > awarded ? '超过' : adv.fen === awarded ? '等于' : '少于';
  const prints = `：裁决书写明本项裁决金额${formatMoney(awarded)}元及已裁决先行支付${advance}元，${advanceDeductedWords(payers)}`;
  const excess = adv.fen > awarded ? `；${advanceExcessWords(`${formatMoney(adv.fen - awarded)}元`, paid)}，请在“本委认为”中写明理由` : '';
  return {
    amount: advance,
    rulings: adv.rulings,
    remaining: formatMoney(Math.max(awarded - adv.fen, 0)),
    message: `${base}，${compared}本项裁决金额${prints}${excess}${also}`,
  };
}

/**
 * fixK56 #2: the 被执行人 a court hand-off names — the parties ordered to pay. For advance execution (LDMAL Art. 44) the
 * respondents each ruling names (`obligorIds`), else every respondent; a ruling on a respondent worker's counterclaim is
 * paid by the applicant (employer) it is against (Rules Art. 36). For enforcement (LDMAL Art. 51) the parties the
 * enforced award's granted items order to perform — those an item names (`obligorIds`: who pays and who answers
 * jointly, LCL Art. 92(2); legal55a #5), else every respondent; a counterclaim's item, the applicant it is against —
 * and every respondent for a 调解书 (its terms are free text). Every respondent when nothing names anyone, as before.
 */
export function executedPartyIds(
  ctx: Pick<MachineContext, 'advanceExecutions' | 'award' | 'partialAwards' | 'claims' | 'closure'> &
    Partial<Pick<MachineContext, 'partyAdditions'>>,
  parties: readonly { id?: number; side: string }[],
  purpose: 'advance_execution' | 'enforcement',
): number[] {
  const respondents = parties.filter((p) => p.side === 'respondent').map((p) => p.id as number);
  const claim = (id: number) => ctx.claims.find((c) => c.id === id);
  const counterPayer = (id: number) => counterclaimPayer(ctx, parties, id);
  const ids: number[] = [];
  const add = (xs: readonly number[]) => {
    for (const x of xs) if (!ids.includes(x)) ids.push(x);
  };
  if (purpose === 'advance_execution') {
    for (const ae of ctx.advanceExecutions ?? []) add(advanceRulingPayers(ctx, parties, ae));
  } else if (ctx.closure?.mode !== 'mediation' && ctx.closure?.mode !== 'review_confirmed') {
    for (const award of [...(ctx.partialAwards ?? []), ...(ctx.award ? [ctx.award] : [])])
      for (const it of award.items) {
        if (it.outcome === 'dismissed') continue;
        add(claim(it.claimId)?.counterclaim ? counterPayer(it.claimId) : it.obligorIds?.length ? it.obligorIds : respondents);
      }
  }
  return ids.length ? ids : respondents;
}

type Ruling = MachineContext['advanceExecutions'][number];
type PayerCtx = Pick<MachineContext, 'claims'> & Partial<Pick<MachineContext, 'partyAdditions'>>;

/** The applicant a respondent worker's counterclaim is against (Rules Art. 36) — he pays on it; else every applicant. */
function counterclaimPayer(ctx: PayerCtx, parties: readonly { id?: number; side: string }[], claimId: number): number[] {
  const against = ctx.claims.find((c) => c.id === claimId)?.partyId;
  return against !== undefined ? [against] : parties.filter((p) => p.side === 'applicant').map((p) => p.id as number);
}

/**
 * Who one advance-execution ruling orders to pay (LDMAL Art. 44): on a respondent worker's counterclaim the applicant
 * employer it is against (Rules Art. 36); else the payers resolved when the ruling was made (s60 M1, rulingPayerIds) —
 * never a respondent added after it.
 */
export function advanceRulingPayers(ctx: PayerCtx, parties: readonly { id?: number; side: string }[], ae: Ruling): number[] {
  const counter = ae.claimIds.find((id) => ctx.claims.find((c) => c.id === id)?.counterclaim);
  return counter !== undefined ? counterclaimPayer(ctx, parties, counter) : rulingPayerIds(ctx, parties, ae);
}

/**
 * s61 A #1 — the parties whose service of an advance-execution ruling the transfer to the court needs (TRANSFER_TO_COURT
 * `advance-execution-not-served`, workflows/rules.ts) and whose 送达回证 the transfer package encloses
 * (app/court-package/generate.ts): the one rule for both. The ruling goes to the court with its proof of service (LDMAL
 * Art. 44: 移送人民法院执行; Rules Art. 51; the transfer letter's enclosures, Zhejiang-Reg Art. 34 — domain.md §9.2):
 * - its payers (advanceRulingPayers), against whom the court executes — the applicant employer on a counterclaim's ruling;
 * - the respondents of its day, whom the ruling names as parties (templates/kinds.ts respondentsAt: one added the same
 *   day counts as a party of that day, as the ruling's heading prints him) — as before, every respondent then.
 * Not a respondent added on a later day (追加被申请人, ADD_PARTY, Rules Art. 46(1); LDMAL Art. 23): he was no party to the
 * ruling, it orders him nothing and is not served on him (s60 M1: the ruling is what it ordered). In the order of the
 * parties, once each.
 */
export function advanceServiceIds(ctx: PayerCtx, parties: readonly { id?: number; side: string }[], ae: Ruling): number[] {
  const later = new Set((ctx.partyAdditions ?? []).filter((a) => a.on > ae.ruledOn).map((a) => a.partyId));
  const payers = new Set(advanceRulingPayers(ctx, parties, ae));
  return parties
    .filter((p) => payers.has(p.id as number) || (p.side === 'respondent' && !later.has(p.id as number)))
    .map((p) => p.id as number);
}
