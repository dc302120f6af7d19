import type { MachineContext } from './case-machine.ts';
import type { Deadline } from './deadlines.ts';
import type { ProcEvent } from './procedure-types.ts';
import { isEmployerId } from './sides.ts';

/**
 * The remedies after an award (LDMAL Arts. 48–51) are the court's to accept or refuse: the commission records what was
 * filed, and warns when the record shows something the court will weigh (reviewer legal H1, M3).
 */

/** The windows a suit (LDMAL Arts. 48, 49(3), 50; SPC-1 Art. 24) or a set-aside application (LDMAL Art. 49) meets. */
const SUE_KINDS = new Set([
  'sue_non_final',
  'sue_final_worker',
  'sue_after_set_aside',
  'sue_after_non_enforcement',
  'partial_award_sue_non_final',
  'partial_award_sue_final_worker',
  // LDMAL Art. 49(3): 15 days from receiving the ruling that set the partial award aside (legal49a M4).
  'partial_award_sue_after_set_aside',
]);
const SET_ASIDE_KINDS = new Set(['set_aside_employer', 'set_aside_after_suit', 'partial_award_set_aside_employer']);

/** Whether a deadline kind is a party's window to sue on or apply to set aside an award (LDMAL Arts. 48–50). */
export const isRemedyWindow = (kind: string): boolean => SUE_KINDS.has(kind) || SET_ASIDE_KINDS.has(kind);

/**
 * A suit or application filed on `filedOn` after every window it could meet had ended, on exact dates: a warning naming
 * the period's end (LDMAL Arts. 48–50). Recorded all the same — whether it was filed in time (a party's receipt, a
 * reason for the delay) is the court's decision. No warning when a window is still open, provisional or not yet begun.
 */
function lateWarning(
  deadlines: Deadline[],
  kinds: Set<string>,
  partyId: number | null,
  filedOn: string,
  what: string,
  /** A suit the clerk records as docketed by the court (`courtAccepted`, CPL Art. 86): said so (reviewer s53 A L1). */
  docketed = false,
): string[] {
  const windows = deadlines.filter((d) => kinds.has(d.kind) && (partyId === null || d.partyId === undefined || d.partyId === partyId));
  if (!windows.length || windows.some((d) => !d.dueOn || d.provisional)) return [];
  const last = windows
    .map((d) => d.dueOn as string)
    .sort()
    .at(-1) as string;
  if (filedOn <= last) return [];
  return [
    docketed
      ? `${what}的日期${filedOn}晚于法定期间的届满日${last}（劳动争议调解仲裁法第四十八条至第五十条）：已登记为人民法院已受理的逾期起诉（民事诉讼法第八十六条）`
      : `${what}的日期${filedOn}晚于法定期间的届满日${last}（劳动争议调解仲裁法第四十八条至第五十条）：已按提交的情况登记，是否受理由人民法院决定`,
  ];
}

/**
 * Warnings for an act on the remedies after an award, read from the case before (`ctx`) and after (`nctx`) the act and
 * the deadlines after it.
 */
export function remedyWarnings(ctx: MachineContext, nctx: MachineContext, ev: ProcEvent, deadlines: Deadline[]): string[] {
  const pl = ev.payload as Record<string, unknown>;
  const filedOn = typeof pl.filedOn === 'string' ? pl.filedOn : ev.occurredOn;
  if (typeof pl.partialAward === 'number') return partialRemedyWarnings(ctx, nctx, ev, deadlines, pl.partialAward, filedOn);
  if (ev.type === 'RECORD_LAWSUIT' && typeof pl.partyId === 'number') {
    const out = lateWarning(deadlines, SUE_KINDS, pl.partyId, filedOn, '起诉', pl.courtAccepted === true);
    // legal49b L1: a suit dated before the party received the award — the windows run from receipt (LDMAL Arts. 48, 50).
    const award = ctx.award;
    if (award) {
      const receipt = ctx.services
        .filter(
          (s) =>
            s.document === 'award' &&
            s.partyId === pl.partyId &&
            s.servedOn >= award.issuedOn &&
            (s.awardOn === undefined || s.awardOn === award.issuedOn),
        )
        .map((s) => s.servedOn)
        .sort()[0];
      if (!receipt || filedOn < receipt)
        out.push(
          `起诉日期${filedOn}${receipt ? `早于该当事人收到裁决书之日${receipt}` : '时尚未登记该当事人收到裁决书'}：起诉期间自收到裁决书之日起计算（劳动争议调解仲裁法第四十八条、第五十条），请核对起诉日期和送达记录`,
        );
    }
    // LDMAL Art. 48 (legal48c M1): the worker who applied to enforce a final award and then sues on it — the award does
    // not take effect for him while his suit stands; the court decides what becomes of his application.
    const own = ctx.enforcement.find((e) => e.outcome === null && e.partialAward === undefined && e.partyId === pl.partyId);
    if (own)
      out.push(
        `该当事人已于${own.filedOn}向${own.court}申请强制执行；其对终局裁决起诉后，裁决对其不发生法律效力（劳动争议调解仲裁法第四十八条），该执行申请的处理（撤回、中止或终结执行）以人民法院的裁定为准，请届时登记其结果`,
      );
    return out;
  }
  if (ev.type === 'RECORD_COURT_OUTCOME' && pl.outcome === 'dismissed_out_of_time') return timelyDismissalWarning(ctx, nctx, deadlines);
  if (ev.type === 'RECORD_SET_ASIDE' && pl.result === undefined) {
    const out = lateWarning(deadlines, SET_ASIDE_KINDS, null, filedOn, '申请撤销仲裁裁决');
    // LDMAL Arts. 49, 51: an application filed while enforcement is applied for — the court suspends enforcement (SPC-1 Art. 25).
    if (nctx.enforcement.some((e) => e.outcome === null && e.partialAward === undefined))
      out.push(
        '劳动者已申请强制执行；用人单位申请撤销终局裁决的，人民法院应当裁定中止执行，裁决被撤销的，裁定终结执行（劳动争议调解仲裁法第四十九条、第五十一条；最高人民法院劳动争议解释（一）第二十五条）',
      );
    return out;
  }
  // LDMAL Art. 51 (legal49a M4, med49 H1): a 调解书 is enforced by the party it entitles, the other side applying when one
  // does not perform. The record keeps its terms as text only (who pays is not a field), so the employer side applying
  // is recorded with a warning naming it, not refused: the worker usually is the one paid, but a 调解书 may bind him too.
  const mode = ctx.closure?.mode;
  // fixT57 #5: a 调解书 recorded with its obligors (MEDIATION_AGREED `obligorIds`) is judged by the rule instead (rules.ts).
  const obligorsKnown = mode === 'mediation' && Array.isArray(ctx.mediation?.obligorIds);
  if (
    ev.type === 'APPLY_ENFORCEMENT' &&
    !obligorsKnown &&
    (mode === 'mediation' || mode === 'review_confirmed') &&
    typeof pl.partyId === 'number'
  ) {
    if (isEmployerId(ctx, pl.partyId))
      return [
        `申请执行的当事人${pl.partyId}为用人单位一方：调解书由一方当事人逾期不履行的，由另一方当事人申请执行（劳动争议调解仲裁法第五十一条）；调解书确定由用人单位给付的，用人单位不能申请执行，请核对调解书内容和申请人`,
      ];
  }
  if (ev.type === 'APPLY_ENFORCEMENT' && ctx.setAside && ctx.setAside.result === null) {
    return [
      `用人单位申请撤销终局裁决的案件正在${ctx.setAside.court}审查（${ctx.setAside.filedOn}提出）：人民法院应当裁定中止执行，撤销裁决申请被驳回的，恢复执行；裁决被撤销的，终结执行（劳动争议调解仲裁法第四十九条、第五十一条；最高人民法院劳动争议解释（一）第二十五条）`,
    ];
  }
  return [];
}

/**
 * SPC-2000 Art. 2 (legal51a M1): a suit dismissed as out of time, which the record shows filed within its party's window
 * on exact dates. Recorded with a warning, not refused: the court's ruling is a fact the commission records, and the court
 * judges timeliness on the receipt it finds (an earlier receipt proven before it, LDMAL Arts. 48, 50) — a refusal would
 * leave the suit pending in the record with no outcome it could take. The award's effect then dates, as the ruling says,
 * from the day after the period the record shows; the warning asks to check the service record and the ruling.
 */
function timelyDismissalWarning(ctx: MachineContext, nctx: MachineContext, deadlines: Deadline[]): string[] {
  const ended = nctx.courtOutcomes?.at(-1)?.suits ?? [];
  const out: string[] = [];
  for (const suit of ended.map((i) => ctx.lawsuits[i]).filter((l) => l !== undefined)) {
    const own = deadlines.filter((d) => (d.kind === 'sue_non_final' || d.kind === 'sue_final_worker') && d.partyId === suit.partyId);
    if (!own.length || own.some((d) => !d.dueOn || d.provisional)) continue;
    const last = own
      .map((d) => d.dueOn as string)
      .sort()
      .at(-1) as string;
    // legal51c L5: a final award is in effect from the day it is made (LDMAL Art. 47) — the dismissal leaves it so.
    const effect = own.some((d) => d.kind === 'sue_final_worker')
      ? '终局裁决自作出之日起发生法律效力（《劳动争议调解仲裁法》第四十七条），起诉被驳回后对其继续有效'
      : '裁决自起诉期间届满之次日起恢复法律效力';
    if (suit.filedOn <= last)
      out.push(
        `当事人${suit.partyId}于${suit.filedOn}起诉，按本案送达记录在其起诉期间（${last}届满）之内；以超过起诉期间驳回起诉适用于逾期的起诉（最高人民法院2000年批复第二条）。已按人民法院的裁定登记，${effect}；请核对送达记录和裁定内容`,
      );
  }
  return out;
}

const SUSPENDED =
  '人民法院应当裁定中止执行，撤销裁决申请被驳回的，恢复执行；裁决被撤销的，终结执行（劳动争议调解仲裁法第四十九条、第五十一条；最高人民法院劳动争议解释（一）第二十五条）';

/** The same warnings for a remedy against the partial award numbered `n` (legalfixA H2; LDMAL Art. 43(2); Rules Art. 49). */
function partialRemedyWarnings(
  ctx: MachineContext,
  nctx: MachineContext,
  ev: ProcEvent,
  deadlines: Deadline[],
  n: number,
  filedOn: string,
): string[] {
  const pl = ev.payload as Record<string, unknown>;
  const partial = (kinds: Set<string>) => new Set([...kinds].filter((k) => k.startsWith('partial_award_')));
  if (ev.type === 'RECORD_LAWSUIT' && typeof pl.partyId === 'number')
    return lateWarning(deadlines, partial(SUE_KINDS), pl.partyId, filedOn, '就部分裁决起诉');
  if (ev.type === 'RECORD_SET_ASIDE' && pl.result === undefined) {
    const out = lateWarning(deadlines, partial(SET_ASIDE_KINDS), null, filedOn, '申请撤销部分裁决');
    if (nctx.enforcement.some((e) => e.outcome === null && e.partialAward === n))
      out.push(`劳动者已就第${n}件部分裁决申请强制执行；用人单位申请撤销该裁决的，${SUSPENDED}`);
    return out;
  }
  const pending = (ctx.partialAwardRemedies ?? []).find((r) => r.partialAward === n && r.kind === 'set_aside' && r.result === null);
  if (ev.type === 'APPLY_ENFORCEMENT' && pending)
    return [`用人单位申请撤销第${n}件部分裁决的案件正在${pending.court}审查（${pending.filedOn}提出）：${SUSPENDED}`];
  return [];
}

/**
 * LDMAL Art. 43(1): an award not made within the limit (45 days, +≤15 on approval, the excluded periods aside) — the
 * parties may sue on the dispute. An award made after it is recorded (and its status `met_late`) with a warning saying
 * so (reviewer legal L4).
 */
export function lateAwardWarnings(ev: ProcEvent, deadlines: Deadline[]): string[] {
  if (ev.type !== 'ISSUE_AWARD') return [];
  const limit = deadlines.find((d) => d.kind === 'award');
  if (!limit?.dueOn || limit.provisional || limit.status !== 'met_late') return [];
  return [
    `裁决于${ev.occurredOn}作出，晚于审理期限${limit.dueOn}：仲裁庭逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼（劳动争议调解仲裁法第四十三条第一款）`,
  ];
}
