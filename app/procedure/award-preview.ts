import { jointGround, suggestedBasis } from '../../templates/legal-basis.ts';
import { advancePayerNames, advanceWarning } from '../../workflows/advance-execution.ts';
import { withdrawnIds } from '../../workflows/claim-outcomes.ts';
import { computeDeadlines, computeFacts } from '../../workflows/deadlines.ts';
import { formatMoney } from '../../workflows/identifiers.ts';
import { nameClaimsIn, namePartiesIn } from '../../workflows/labels.ts';
import { amountRequiredRule, withdrawnItemsRule } from '../../workflows/rules.ts';
import { claimByEmployer } from '../../workflows/sides.ts';
import { type ItemWithCalculation, keepCalculations } from '../calculators/award-calculations.ts';
import { caseContext, caseScope, loadCase } from '../cases/case-state.ts';
import { namedRefusalDetail, partyNameMap } from '../cases/views.ts';
import type { Deps } from '../deps.ts';
import { ruleRefusal, validationError } from '../errors.ts';
import { type Actor, assertMayPreviewAward, assertRoleMayPreviewAward } from '../policy.ts';
import { type AwardItemInput, awardItemErrors, classifyItems, deemedParties, itemPayerShares, minimumWageFor } from './award.ts';
import { awardItemWarnings, awardPreviewCaseWarnings, awardRefusedAsItStands } from './award-warnings.ts';

/** The respondents an item names (`obligorIds`, in order), else every respondent (legal55a #5). */
const obligorsOf = <P extends { id?: number; side: string }>(parties: readonly P[], ids: readonly number[] | undefined): P[] => {
  const respondents = parties.filter((p) => p.side === 'respondent');
  const named = (ids ?? []).flatMap((id) => respondents.filter((p) => p.id === id));
  return named.length ? named : respondents;
};

/**
 * POST /api/cases/:id/award-preview — final or non-final per item as the award form is filled in; writes nothing.
 * Drafting help for the case's tribunal and those who read the case in full (app/policy.ts awardPreviewRefusal).
 */
export async function awardPreview(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { occurredOn?: string; items: (AwardItemInput & ItemWithCalculation)[] },
) {
  const k = deps.db.reader;
  assertRoleMayPreviewAward(actor);
  const c = await loadCase(deps, k, id);
  const ctx = caseContext(c);
  assertMayPreviewAward(actor, caseScope(c, ctx));
  // legal53a L1: the preview refuses what ISSUE_AWARD refuses of the items, with the same status and field — the items'
  // own checks (400, app/procedure/award.ts awardItemErrors), then a claim given up by a change of claims (422
  // claim-withdrawn, Rules Art. 44; workflows/rules.ts withdrawnItemsRule).
  const errors = awardItemErrors(c.claims, input.items, c.parties, deemedParties(ctx));
  if (errors.length) throw validationError(errors);
  // legal55a #4: the items as ISSUE_AWARD takes them (one schema, app/event-schemas.ts AwardItem) — a calculation given
  // is recomputed as the award would (400 naming a bad field); nothing is kept.
  await keepCalculations(deps, k, c, input.items);
  const withdrawn = withdrawnItemsRule(ctx, input.items);
  if (withdrawn) throw ruleRefusal(withdrawn);
  // recheck53: a money claim granted without its sum (422 award-amount-required, LDMAL Art. 46) as ISSUE_AWARD. What the
  // preview does not ask is that every open claim be decided: it answers for the items filled in so far.
  const unpriced = amountRequiredRule(ctx, input.items);
  if (unpriced) throw ruleRefusal(unpriced, nameClaimsIn(unpriced.detail, c.claims));
  const on = input.occurredOn ?? deps.clock.today();
  // s60 L3: what refuses the award of the case as it stands, whatever its items (an absent respondent's hearing notice
  // not proven, LDMAL Art. 36; an added party not served or unheard, LDMAL Arts. 23, 30, 35–36, Rules Art. 46(1); a
  // pending objection or recusal, Rules Arts. 10, 12) — the act's 422 (same rule, source, words and field), from the
  // one home next-events reads too (app/procedure/award-warnings.ts awardRefusedAsItStands), judged on the award's day.
  const cal = await deps.calendar.get(k);
  const asked = { type: 'ISSUE_AWARD' as const, occurredOn: on, payload: { items: input.items } };
  const { facts } = computeFacts(ctx, asked, cal, deps.periods, {
    absenceNoticeTimely: deps.config.absenceNoticeTimely,
    mediationDocumentByPost: deps.config.mediationDocumentByPost,
    intermediateCourt: deps.config.intermediateCourt,
  });
  const refused = awardRefusedAsItStands(ctx, { ...asked, facts });
  if (refused) throw ruleRefusal(refused, namedRefusalDetail(refused.detail, c));
  const wage = await minimumWageFor(deps, k, c, on);
  const r = classifyItems(deps, c, input.items, wage, withdrawnIds(ctx));
  // legal54a M5: what ISSUE_AWARD / PARTIAL_AWARD warn of a claim ordered paid in advance (LDMAL Art. 44) dismissed or
  // granted below the sum ordered, from the same home (app/procedure/award.ts advanceReversalWarnings).
  // legal59a #3: what ISSUE_AWARD / PARTIAL_AWARD warn of, from the same home (app/procedure/award-warnings.ts) — the
  // items, and the case's periods: a party added after the last hearing, a defense period running, the limit passed.
  const deadlines = computeDeadlines(ctx, cal, deps.periods, deps.clock.today());
  const partyNames = partyNameMap(c.parties);
  const respondents = c.parties.filter((p) => p.side === 'respondent');
  const warnings = [...awardPreviewCaseWarnings(ctx, deadlines, on), ...awardItemWarnings(ctx, c.claims, c.parties, input.items, on)].map(
    (w) => namePartiesIn(w, partyNames),
  );
  return {
    ...(warnings.length ? { warnings } : {}),
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
      // domain.md §9.2 (Zhejiang-Reg Art. 34): an item ordered paid in advance — the award deducts and states it, in the
      // words the warning quotes (s64 D #1), naming the payers as the award does where there are several respondents.
      const payers = advancePayerNames(ctx, respondents, i.claimId, on, claim?.counterclaim);
      const advance = advanceWarning(ctx, { claimId: i.claimId, outcome, amount: given?.amount ?? null }, on, claim?.counterclaim, payers);
      return {
        claimId: i.claimId,
        final: i.final,
        reason: i.reason,
        legalBasis: suggestedBasis(category, outcome, i.final, {
          byEmployer,
          description: claim?.description,
          // fixD57 #3: a dispatch agency and the user unit answering jointly (LCL Art. 92(2)), as the award suggests it.
          joint:
            given?.jointLiability && !claim?.counterclaim ? jointGround(obligorsOf(c.parties, given.obligorIds), ctx.partyAdditions) : null,
        }),
        // fixS57: each worker's share and its own finality (LDMAL Art. 47(1); SPC-1 Art. 19), as the award records it.
        ...(i.shares
          ? { shares: i.shares.map((sh) => ({ partyId: sh.partyId, amount: formatMoney(sh.amountFen), final: sh.final })) }
          : {}),
        // s60 L5: each respondent's equal share in whole fen, as the award prints it (itemPayerShares).
        ...(() => {
          const payerShares = given ? itemPayerShares(c.claims, given, c.parties) : null;
          return payerShares ? { payerShares } : {};
        })(),
        ...(advance ? { advanceExecution: advance } : {}),
      };
    }),
  };
}
