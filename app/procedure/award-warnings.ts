import { advancePayerWarnings } from '../../workflows/advance-payers.ts';
import type { Deadline } from '../../workflows/deadlines.ts';
import { awardDefensePeriodWarnings } from '../../workflows/hearings.ts';
import { formatMoney, parseMoney } from '../../workflows/identifiers.ts';
import type { CaseContext, ProcEvent } from '../../workflows/procedure-types.ts';
import { lateAwardWarnings } from '../../workflows/remedy-warnings.ts';
import { awardCaseRefusal, defaultAwardNoticeRefusal, type Violation } from '../../workflows/rules.ts';
import { type AwardItemInput, advanceReversalWarnings, deemedParties, unnamedObligorWarnings, unsharedItemWarnings } from './award.ts';

/**
 * legal59a #3 — the one home of what an award's items are warned of: ISSUE_AWARD and PARTIAL_AWARD (app/procedure/
 * apply-event.ts) and the award preview (POST /api/cases/:id/award-preview, app/procedure/award-preview.ts), which
 * the contract says refuses and warns alike. A warning added here is given by both.
 */

type Claim = { id?: number; seq?: number; description: string; amountFen?: number | null; counterclaim?: boolean; partyId?: number | null };
type Party = { id?: number; side: string; name: string; kind?: string };

/**
 * legal50a M4; LDMAL Art. 46: 支持 grants a claim as asked — an amount less than the claim's leaves the rest undecided
 * (漏裁): the award supports part and rejects the rest (部分支持, “驳回其他仲裁请求”). Recorded with a warning naming the
 * item (a refusal is the stricter reading; the existing fixtures and clients send 支持 with less — see the fixP50 report).
 */
export function grantedBelowClaimWarnings(
  claims: readonly { id?: number; seq?: number; amountFen?: number | null }[],
  items: readonly { claimId: number; outcome: string; amount?: string | null }[] | undefined,
): string[] {
  return (items ?? []).flatMap((it, i) => {
    const claim = claims.find((cl) => cl.id === it.claimId);
    const claimed = claim?.amountFen ?? null;
    const awarded = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    if (it.outcome !== 'granted' || claimed === null || awarded === null || awarded >= claimed) return [];
    return [
      `第${claim?.seq ?? i + 1}项请求（items.${i}.amount）支持的金额${formatMoney(awarded)}元少于请求金额${formatMoney(claimed)}元：裁决书将只支持该金额而未对其余部分作出处理（漏裁，《劳动争议调解仲裁法》第四十六条）；只支持其中一部分的，应选择“支持部分”，其余请求予以驳回`,
    ];
  });
}

/** What an award's (or a partial award's) items are warned of, made on `on`. */
export function awardItemWarnings(
  ctx: CaseContext,
  claims: readonly Claim[],
  parties: readonly Party[],
  items: readonly AwardItemInput[] | undefined,
  on: string,
): string[] {
  return [
    ...grantedBelowClaimWarnings(claims, items),
    // docs51 M2 (fixD51): a claim ordered paid in advance (LDMAL Art. 44) dismissed or reduced by the award.
    ...advanceReversalWarnings(ctx, claims, items, on),
    // legal59a #1: …or granted against other payers, or another liability, than the advance ruling named.
    ...advancePayerWarnings(ctx, claims, parties, items, on),
    // docs56 #1: a joint claim's sum granted to 2+ workers with no share for each (warned, never refused).
    ...unsharedItemWarnings(claims, items ?? [], parties, deemedParties(ctx)),
    // fixU58 #1: a sum granted against several respondents naming none to pay nor joint liability (warned).
    ...unnamedObligorWarnings(claims, items ?? [], parties),
  ];
}

/**
 * legal59a #3: what the preview says of the award made on `on` that the act says from the case's deadlines — a
 * defense period running, a party added or a tribunal formed after the last hearing (workflows/hearings.ts
 * awardDefensePeriodWarnings, s61 B #1: judged as a hearing is), an award after its limit (LDMAL Art. 43(1);
 * lateAwardWarnings) — read on the deadlines as they stand (the act reads them as it leaves them: the award's own limit met late).
 */
export function awardPreviewCaseWarnings(ctx: CaseContext, deadlines: Deadline[], on: string): string[] {
  const limit = deadlines.map((d) =>
    d.kind === 'award' && d.dueOn && !d.provisional && on > d.dueOn ? { ...d, status: 'met_late' as Deadline['status'] } : d,
  );
  return [
    ...awardDefensePeriodWarnings(ctx, on, deadlines, on),
    ...lateAwardWarnings({ type: 'ISSUE_AWARD', occurredOn: on, payload: {} } as Parameters<typeof lateAwardWarnings>[0], limit),
  ];
}

/**
 * s60 L3 — what refuses an award (ISSUE_AWARD, PARTIAL_AWARD) of the case as it stands, whatever its items: the absent
 * respondent's hearing notice not proven served, or served late (LDMAL Arts. 35–36; Rules Arts. 38–39;
 * rules.ts defaultAwardNoticeRefusal), then an added party not served, a respondent added after the last hearing and
 * unheard, a pending jurisdiction objection or recusal (rules.ts awardCaseRefusal) — in the order the act asks them
 * (workflows/rules.ts RULES before ADDED_RULES). Read by next-events (`blocked`) and the award preview (the act's 422),
 * the rules themselves kept in workflows/rules.ts. `ev.facts`: as the act computes them (absenceNoticeLate).
 */
export function awardRefusedAsItStands(ctx: CaseContext, ev: ProcEvent): Violation | null {
  return defaultAwardNoticeRefusal(ctx, ev) ?? awardCaseRefusal(ctx, ev);
}
