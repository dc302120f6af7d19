import type { MachineContext } from './case-machine.ts';
import { partyAtHearing } from './rules.ts';

/**
 * legal59a #1 — who was ordered to pay in advance (先予执行, LDMAL Art. 44) and whose debt the award's deduction reduces.
 * An advance-execution ruling names its payers (`obligorIds`, absent: every respondent) and whether the others answer
 * jointly (`jointLiability`); an award item granting the same claim names its own (`obligorIds`, `jointLiability`). Where
 * they differ (甲、乙 jointly in advance, 甲、乙、丙 each a share in the award) the deduction the award states
 * (已先予执行的部分在执行时予以扣减) does not say from whose share: the award names who paid in advance (templates/kinds.ts
 * advanceDeducted) and the act and its preview warn (app/procedure/award-warnings.ts).
 */

type Party = { id?: number; side: string; name: string };
type Ruling = NonNullable<MachineContext['advanceExecutions']>[number];

/** The rulings made on or before `on` that name `claimId` (an amount for it, or the claim among `claimIds`). */
const rulingsOn = (ctx: Pick<MachineContext, 'advanceExecutions'>, claimId: number, on: string): Ruling[] =>
  (ctx.advanceExecutions ?? []).filter(
    (ae) => ae.ruledOn <= on && (ae.claimIds.includes(claimId) || (ae.amounts ?? []).some((x) => x.claimId === claimId)),
  );

const respondentIds = (parties: readonly Pick<Party, 'id' | 'side'>[]) =>
  parties.filter((p) => p.side === 'respondent').map((p) => p.id as number);

/**
 * s60 M1 — what ADVANCE_EXECUTION records of its payers (workflows/case-machine.ts, in the event's own write): the
 * respondents it names (`obligorIds`), else every respondent of the case as it stands when the ruling is made. A ruling
 * orders those before the tribunal on its day (LDMAL Art. 44); a respondent added later (追加被申请人, Rules Art.
 * 46(1); LDMAL Art. 23) was never ordered to pay in advance. None on a counterclaim's ruling: the applicant pays.
 */
export function advanceRulingPayers(
  ctx: { parties: readonly Pick<Party, 'id' | 'side'>[]; claims: readonly { id: number; counterclaim?: boolean }[] },
  payload: { claimIds?: unknown; obligorIds?: unknown },
): { payerIds?: number[] } {
  const claimIds = Array.isArray(payload.claimIds) ? (payload.claimIds as number[]) : [];
  if (claimIds.some((id) => ctx.claims.find((c) => c.id === id)?.counterclaim)) return {};
  const named = Array.isArray(payload.obligorIds) ? (payload.obligorIds as number[]) : [];
  return { payerIds: named.length ? [...named] : respondentIds(ctx.parties) };
}

/**
 * s60 M1 — the respondents an advance-execution ruling ordered to pay, in order: those resolved when it was recorded
 * (`payerIds`); on a record before stop 60, those it names (`obligorIds`), else every respondent but those added on a
 * day after the ruling (ADD_PARTY, `partyAdditions`). A record before stop 60 does not tell the order of a ruling and
 * an addition of the same day: the respondent is then counted as added first, as ADVANCE_EXECUTION's own warning of an
 * added payer counts him (advanceAddedPartyWarnings).
 */
export function rulingPayerIds(
  ctx: Partial<Pick<MachineContext, 'partyAdditions'>>,
  parties: readonly Pick<Party, 'id' | 'side'>[],
  ae: Pick<Ruling, 'ruledOn' | 'obligorIds' | 'payerIds'>,
): number[] {
  if (ae.payerIds?.length) return [...ae.payerIds];
  const all = respondentIds(parties);
  const named = (ae.obligorIds ?? []).filter((id) => all.includes(id));
  if (named.length) return named;
  const later = new Set((ctx.partyAdditions ?? []).filter((a) => a.on > ae.ruledOn).map((a) => a.partyId));
  return all.filter((id) => !later.has(id));
}

/** The payers of a ruling (rulingPayerIds) and whether they answer jointly — joint only where two or more pay. */
function rulingPayers(ctx: Partial<Pick<MachineContext, 'partyAdditions'>>, parties: readonly Party[], ae: Ruling) {
  const payers = rulingPayerIds(ctx, parties, ae);
  return { payers, joint: Boolean(ae.jointLiability) && payers.length > 1 };
}

/** The payers a ruling or an item names, else every respondent; joint only where two or more pay. */
function payersOf(parties: readonly Party[], ids: readonly number[] | null | undefined, joint: boolean | null | undefined) {
  const all = respondentIds(parties);
  const named = (ids ?? []).filter((id) => all.includes(id));
  const payers = named.length ? named : all;
  return { payers, joint: Boolean(joint) && payers.length > 1 };
}

const nameList = (parties: readonly Party[], ids: readonly number[]) =>
  ids.map((id) => parties.find((p) => p.id === id)?.name ?? `当事人${id}`).join('、');

/**
 * The respondents the advance-execution rulings on `claimId` ordered to pay (in the rulings' order, once each), or null
 * where no ruling names the claim. A worker's counterclaim is paid by the applicant (advanceSides): not for this.
 */
export function advancePayerIds(
  ctx: Pick<MachineContext, 'advanceExecutions'> & Partial<Pick<MachineContext, 'partyAdditions'>>,
  parties: readonly Party[],
  claimId: number,
  on: string,
): number[] | null {
  const rulings = rulingsOn(ctx, claimId, on);
  if (!rulings.length) return null;
  const ids: number[] = [];
  for (const ae of rulings) for (const id of rulingPayers(ctx, parties, ae).payers) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * The warning an award item gets (ISSUE_AWARD, PARTIAL_AWARD and the award preview) where it grants a sum on a claim an
 * advance-execution ruling ordered paid and names other payers, or another liability (joint / by shares), than the
 * ruling did: the deduction would otherwise say nothing of whose debt the sum paid in advance reduces (LDMAL Art. 44; the
 * enforcement of a determined obligation, CPL Art. 247). A warning, never a refusal: the award may rightly differ.
 */
export function advancePayerWarnings(
  ctx: Pick<MachineContext, 'advanceExecutions'> & Partial<Pick<MachineContext, 'partyAdditions'>>,
  claims: readonly { id?: number; seq?: number; description: string; counterclaim?: boolean }[],
  parties: readonly Party[],
  items:
    | readonly { claimId: number; outcome: string; amount?: string | null; obligorIds?: readonly number[]; jointLiability?: boolean }[]
    | undefined,
  on: string,
): string[] {
  return (items ?? []).flatMap((it, i) => {
    const claim = claims.find((c) => c.id === it.claimId);
    if (!claim || claim.counterclaim || it.outcome === 'dismissed' || !(Number(it.amount ?? 0) > 0)) return [];
    const item = payersOf(parties, it.obligorIds, it.jointLiability);
    const liability = (x: { payers: number[]; joint: boolean }) =>
      x.payers.length < 2 ? '' : x.joint ? `，被申请人${nameList(parties, x.payers.slice(1))}承担连带责任` : '，按份承担';
    return rulingsOn(ctx, it.claimId, on).flatMap((ae) => {
      const adv = rulingPayers(ctx, parties, ae);
      const samePayers = adv.payers.length === item.payers.length && adv.payers.every((id) => item.payers.includes(id));
      const sameLiability = adv.payers.length < 2 || adv.joint === item.joint;
      if (samePayers && sameLiability) return [];
      const who = `被申请人${nameList(parties, adv.payers)}`;
      return [
        `第${claim.seq ?? i + 1}项请求“${claim.description}”（items.${i}）已于${ae.ruledOn}裁决先予执行，由${who}先行支付${liability(adv)}；本次裁决由被申请人${nameList(parties, item.payers)}支付${liability(item)}，付款人或责任方式与先予执行裁决不同：裁决书写明${who}依先予执行裁决已先予执行的部分，在执行时从其应付款项中扣减；请核对付款人及责任方式，并在“本委认为”中写明已先予执行部分如何处理（劳动争议调解仲裁法第四十四条）`,
      ];
    });
  });
}

/**
 * legal59a #4 — an advance-execution ruling (LDMAL Art. 44) ordering a respondent added after acceptance (Rules Art.
 * 46(1)) to pay while its own defense period (LDMAL Art. 30, from its own service: `defense_added_party`) has not run
 * and it has filed no defense — or before it was served at all: whether the rights and duties are clear (权利义务关系
 * 明确, Art. 44) is decided without having heard it. Named, with the day its period ends and, where it was added after
 * the last hearing held, that it has not been heard at a hearing (the award would be refused, party-joined-after-hearing).
 * Warned, never refused: an urgent ruling may rightly come first.
 */
export function advanceAddedPartyWarnings(
  ctx: Pick<MachineContext, 'partyAdditions' | 'hearingsHeld'>,
  parties: readonly Party[],
  obligorIds: readonly number[] | undefined,
  deadlines: readonly { kind: string; partyId?: number; dueOn: string | null; metOn?: string | null; provisional?: boolean }[],
  on: string,
): string[] {
  const payers = payersOf(parties, obligorIds, false).payers;
  const lastHeld = (ctx.hearingsHeld ?? [])
    .map((h) => h.heldOn)
    .sort()
    .at(-1);
  return (ctx.partyAdditions ?? []).flatMap((a) => {
    if (a.side !== 'respondent' || !payers.includes(a.partyId) || a.on > on) return [];
    const who = `被申请人${nameList(parties, [a.partyId])}`;
    const period = deadlines.find((d) => d.kind === 'defense_added_party' && d.partyId === a.partyId);
    if (period && (period.metOn || !period.dueOn || period.dueOn < on)) return [];
    const running = period
      ? `其答辩期至 ${period.dueOn}${period.provisional ? '（预计）' : ''} 届满，尚未提交答辩书`
      : '尚未收到仲裁申请书副本，其答辩期尚未开始计算';
    // Whether a hearing held was his, as the award's rule judges it (workflows/rules.ts partyAtHearing; reviewer s59 A L4).
    const heard = (ctx.hearingsHeld ?? []).some((_, k) => partyAtHearing(ctx, a, k));
    const unheard = lastHeld && !heard ? `，且其追加在最后一次开庭（${lastHeld}）之后，尚未参加开庭审理` : '';
    return [
      `先予执行裁决由追加的${who}（${a.on} 追加）先行支付，${running}${unheard}：裁决先予执行须当事人之间权利义务关系明确（《劳动争议调解仲裁法》第四十四条），被追加的被申请人有权自收到仲裁申请书副本之日起十日内提交答辩书（《劳动争议调解仲裁法》第三十条；《劳动人事争议仲裁办案规则》第四十六条第（一）项）；请核对，或听取其答辩${period ? `、待 ${period.dueOn} 答辩期届满` : ''}后再裁决先予执行。`,
    ];
  });
}
