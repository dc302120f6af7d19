import type { MachineContext } from './case-machine.ts';
import { currentExtension } from './procedure-types.ts';

/**
 * Rules Art. 46: a restart (a counterclaim merged, claims changed, a party added, a transfer received) begins a new award
 * period; Zhongcai's reading (domain.md §7.2, [S]) is that an extension approved before it (LDMAL Art. 43(1)) belonged to
 * the superseded period. When the new limit falls before the limit as extended, the act is recorded with a warning
 * naming both days, so the tribunal can extend the new period in time (reviewer legal M4).
 */
export function restartWarnings(ctx: MachineContext, nctx: MachineContext, dueBefore: string | null, dueAfter: string | null): string[] {
  if (nctx.clockRestarts.length <= ctx.clockRestarts.length) return [];
  const spent = currentExtension(ctx);
  if (!spent || currentExtension(nctx) || !dueBefore || !dueAfter || dueAfter >= dueBefore) return [];
  return [
    `审理期限依《劳动人事争议仲裁办案规则》第四十六条重新计算，至${dueAfter}届满，早于此前经批准延长后的期限${dueBefore}（${spent.approvedOn}批准延长${spent.days}日）：原延长属于被取代的期间，不延续到重新计算的期间；如需延长，请在新期限届满前另行报批（劳动争议调解仲裁法第四十三条第一款）`,
  ];
}
