import { suggestedBasis } from '../../templates/legal-basis.ts';
import { advanceWarning } from '../../workflows/advance-execution.ts';
import { withdrawnIds } from '../../workflows/claim-outcomes.ts';
import { formatMoney, parseMoney } from '../../workflows/identifiers.ts';
import { claimByEmployer } from '../../workflows/sides.ts';
import { caseContext, caseScope, loadCase } from '../cases/case-state.ts';
import type { Deps } from '../deps.ts';
import { validationError } from '../errors.ts';
import { type Actor, assertMayPreviewAward, assertRoleMayPreviewAward } from '../policy.ts';
import { type AwardItemInput, classifyItems, minimumWageFor } from './award.ts';

/**
 * POST /api/cases/:id/award-preview — final or non-final per item as the award form is filled in; writes nothing.
 * Drafting help for the case's tribunal and those who read the case in full (app/policy.ts awardPreviewRefusal).
 */
export async function awardPreview(deps: Deps, actor: Actor, id: number, input: { occurredOn?: string; items: AwardItemInput[] }) {
  const k = deps.db.reader;
  assertRoleMayPreviewAward(actor);
  const c = await loadCase(deps, k, id);
  const ctx = caseContext(c);
  assertMayPreviewAward(actor, caseScope(c, ctx));
  const unknown = input.items.flatMap((it, i) =>
    c.claims.some((cl) => cl.id === it.claimId) ? [] : [{ path: `items.${i}.claimId`, message: `请求 ${it.claimId} 不属于本案` }],
  );
  // legal52a L1: the preview refuses an amount above the claim as ISSUE_AWARD does (400 on the item's amount): an award
  // decides what was asked (不告不理; LDMAL Art. 46) — a claim asking too little is changed first (Rules Art. 44).
  const beyond = input.items.flatMap((it, i) => {
    const claimed = c.claims.find((cl) => cl.id === it.claimId)?.amountFen ?? null;
    const awarded = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    return claimed !== null && awarded !== null && awarded > claimed
      ? [
          {
            path: `items.${i}.amount`,
            message: `裁决金额不能超过请求金额 ${formatMoney(claimed)} 元（超出仲裁请求裁决）；申请人增加请求金额的，应先变更仲裁请求`,
          },
        ]
      : [];
  });
  if (unknown.length || beyond.length) throw validationError([...unknown, ...beyond]);
  const on = input.occurredOn ?? deps.clock.today();
  const wage = await minimumWageFor(deps, k, c, on);
  const r = classifyItems(deps, c, input.items, wage, withdrawnIds(ctx));
  return {
    finality: r.finality,
    thresholdAmount: formatMoney(r.thresholdFen),
    minimumWage: { monthly: formatMoney(wage.monthlyFen), effectiveFrom: wage.effectiveFrom, confirmed: wage.confirmed },
    // The basis the award would cite for each item, for the arbitrator to accept or edit (issue 18).
    items: r.items.map((i) => {
      const claim = c.claims.find((cl) => cl.id === i.claimId);
      const category = claim?.category ?? 'other';
      // The employer's claim against a worker (it applies, or its counterclaim) cites the worker's liability.
      const byEmployer = claimByEmployer(c, claim ?? {});
      const given = input.items.find((x) => x.claimId === i.claimId);
      const outcome = given?.outcome ?? 'granted';
      // domain.md §9.2 (Zhejiang-Reg Art. 34): an item ordered paid in advance — the award deducts and states it.
      const advance = advanceWarning(ctx, { claimId: i.claimId, outcome, amount: given?.amount ?? null }, on);
      return {
        claimId: i.claimId,
        final: i.final,
        reason: i.reason,
        legalBasis: suggestedBasis(category, outcome, i.final, { byEmployer, description: claim?.description }),
        ...(advance ? { advanceExecution: advance } : {}),
      };
    }),
  };
}
