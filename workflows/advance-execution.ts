import type { MachineContext } from './case-machine.ts';
import { formatMoney, parseMoney } from './identifiers.ts';

/**
 * Advance execution (先予执行, LDMAL Art. 44; Rules Art. 51) and the award that follows it. domain.md §9.2
 * (Zhejiang-Reg Art. 34 [C]; the same in Op-2017 [R]): "In the final award the tribunal deals with the part already
 * executed in advance and states what has been executed" — so an award (and a partial award, Rules Art. 49, decided like
 * any award) ordering a claim that was ordered paid in advance states that amount and orders only the rest; otherwise
 * the worker could be paid twice.
 */

/** What the advance-execution rulings made on or before `on` ordered paid on `claimId` (fen), and their days; null: none. */
export function advanceOrdered(
  ctx: Pick<MachineContext, 'advanceExecutions'>,
  claimId: number,
  on: string,
): { fen: number; rulings: string[] } | null {
  let fen = 0;
  const rulings: string[] = [];
  for (const ae of ctx.advanceExecutions ?? []) {
    if (ae.ruledOn > on) continue;
    for (const x of ae.amounts ?? []) {
      if (x.claimId !== claimId) continue;
      fen += parseMoney(x.amount) ?? Math.round(Number(x.amount) * 100);
      if (!rulings.includes(ae.ruledOn)) rulings.push(ae.ruledOn);
    }
  }
  return rulings.length ? { fen, rulings } : null;
}

/**
 * The warning an award item gets where its claim was ordered paid in advance (domain.md §9.2): the award deducts it;
 * an advance larger than the amount awarded, or an item dismissed, is the arbitrator's to deal with in the reasoning.
 */
export function advanceWarning(
  ctx: Pick<MachineContext, 'advanceExecutions'>,
  item: { claimId: number; outcome: string; amount?: string | null },
  on: string,
): { amount: string; rulings: string[]; remaining: string | null; message: string } | null {
  const adv = advanceOrdered(ctx, item.claimId, on);
  if (!adv) return null;
  const advance = formatMoney(adv.fen);
  const awarded = item.outcome === 'dismissed' ? 0 : (parseMoney(item.amount ?? '') ?? 0);
  const base = `该请求已于${adv.rulings.join('、')}裁决先予执行${advance}元（劳动争议调解仲裁法第四十四条）`;
  if (item.outcome === 'dismissed' || awarded === 0)
    return {
      amount: advance,
      rulings: adv.rulings,
      remaining: null,
      message: `${base}，本项未裁决支付：请在“本委认为”中写明对已先予执行部分的处理`,
    };
  if (adv.fen > awarded)
    return {
      amount: advance,
      rulings: adv.rulings,
      remaining: '0.00',
      message: `${base}，超过本项裁决金额${formatMoney(awarded)}元：裁决书写明不再重复支付，超出部分请在“本委认为”中写明处理`,
    };
  const remaining = formatMoney(awarded - adv.fen);
  return {
    amount: advance,
    rulings: adv.rulings,
    remaining,
    message: `${base}，裁决书将写明扣除已先予执行部分，尚需支付${remaining}元`,
  };
}
