import type { MachineContext } from './case-machine.ts';
import { type ClaimOutcome, type CourtResult, claimOutcomes, suitReaches } from './claim-outcomes.ts';
import { isSplit } from './finality.ts';
import { formatMoney, parseMoney } from './identifiers.ts';
import { CLAIM_CATEGORIES, type ClaimCategory } from './reference.ts';
import { isEmployerParty } from './sides.ts';

/**
 * One claim as one line through its life (issue 17): claimed → changed → mediated / advance execution / partial award
 * / award (granted, partly, dismissed, amount, final or not) → the court's outcome → effect and enforcement. Read from
 * the case history (what was recorded, in order) and summed up from the procedure record (claim-outcomes.ts). Pure.
 */
export type LineStage =
  | 'claimed'
  | 'amended'
  | 'added'
  | 'changed'
  | 'withdrawn'
  | 'advance_execution'
  | 'mediation'
  | 'partial_award'
  | 'award'
  | 'challenged'
  | 'court'
  | 'effective'
  | 'enforcement'
  | 'closed';

export interface LineEntry {
  seq: number;
  on: string;
  type: string;
  stage: LineStage;
  text: string;
  /** The amount this step puts on the claim (claimed, awarded, upheld…), yuan; absent when the step has none. */
  amount?: string | null;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  occurredOn: string;
  payload: unknown;
  before: unknown;
  after: unknown;
  stateAfter: string;
}

interface ClaimView {
  id: number;
  seq?: number;
  category: string;
  amount: string | null;
  description: string;
}

export const OUTCOME_WORDS = { granted: '支持', partly: '部分支持', dismissed: '驳回' } as const;
export const COURT_RESULT_WORDS: Record<CourtResult, string> = {
  upheld: '维持仲裁裁决',
  changed: '改判',
  revoked: '不予支持（撤销）',
  no_effect: '裁决不发生法律效力',
  unspecified: '已判决（未登记本项结果）',
};
const COURT_OUTCOME_WORDS: Record<string, string> = {
  judgment: '人民法院作出判决',
  withdrawal_permitted: '人民法院裁定准予撤诉，裁决生效',
  dismissed_out_of_time: '人民法院以超过起诉期间裁定驳回，裁决生效',
  dismissed_no_effect: '人民法院以主体错误或非劳动争议驳回，裁决不生效',
};
const CLOSING: Record<string, string> = {
  WITHDRAW: '申请人撤回仲裁申请，本案结案',
  DEEM_WITHDRAWN: '按撤回仲裁申请处理，本案结案',
  TERMINATE: '终止审理，本案结案',
  REJECT: '不予受理',
};

const money = (a: string | null | undefined) => (a === null || a === undefined ? '（非金钱请求）' : `${a}元`);
const claimsOf = (v: unknown): ClaimView[] | undefined => (v as { claims?: ClaimView[] } | null)?.claims;
const p = (e: HistoryEntry) => (e.payload ?? {}) as Record<string, unknown>;

export interface ClaimLine extends Omit<ClaimOutcome, 'claimedFen' | 'award' | 'court' | 'upheldFen'> {
  seq: number | null;
  categoryLabel: string;
  description: string;
  /** As first claimed, and as it now stands. */
  claimed: string | null;
  current: string | null;
  award: { on: string; partial: boolean; outcome: string; outcomeLabel: string; amount: string; final: boolean } | null;
  court: { result: CourtResult; resultLabel: string; amount: string | null; on: string; via: 'suit' | 'set_aside' } | null;
  upheld: string | null;
  status: string;
  line: LineEntry[];
}

export function claimLine(
  claim: { id: number; seq?: number; category: ClaimCategory; amountFen: number | null; description: string },
  ctx: MachineContext,
  history: HistoryEntry[],
): ClaimLine {
  const id = claim.id;
  const line: LineEntry[] = [];
  const add = (e: HistoryEntry, stage: LineStage, text: string, amount?: string | null) =>
    line.push({ seq: e.seq, on: e.occurredOn, type: e.type, stage, text, ...(amount !== undefined ? { amount } : {}) });
  let first: string | null | undefined;
  let final: boolean | null = null;
  let gone = false;
  // Whether a suit / a set-aside application reached this item (only then do court outcomes belong on its line).
  let sued = false;
  let setAside = false;
  for (const e of history) {
    const pl = p(e);
    // A claim given up has no later life of its own.
    if (gone) break;
    if (e.type === 'REGISTER') {
      const c = claimsOf(e.after)?.find((x) => x.id === id);
      if (c) {
        first = c.amount;
        add(e, 'claimed', `申请仲裁请求：${c.description}，${money(c.amount)}`, c.amount);
      }
    } else if (e.type === 'UPDATE_REGISTRATION') {
      const b = claimsOf(e.before)?.find((x) => x.id === id);
      const a = claimsOf(e.after)?.find((x) => x.id === id);
      if (!b && a) {
        first ??= a.amount;
        add(e, 'claimed', `登记时补充请求：${a.description}，${money(a.amount)}`, a.amount);
      } else if (b && a && (b.amount !== a.amount || b.description !== a.description || b.category !== a.category))
        add(
          e,
          'amended',
          `受理前修改请求：${b.amount ?? '—'} → ${money(a.amount)}${a.description !== b.description ? `（${a.description}）` : ''}`,
          a.amount,
        );
      else if (b && !a && claimsOf(e.after)) {
        gone = true;
        add(e, 'withdrawn', '受理前删除该请求');
      }
    } else if (e.type === 'CHANGE_CLAIMS') {
      // Rules Art. 44: claims added, changed or given up (legal procedures round 2; payload as recorded there).
      const added = ((pl.addedClaims ?? []) as { id: number }[]).findIndex((x) => x.id === id);
      if (added >= 0) {
        const a = ((pl.add ?? []) as { amount?: string; description: string }[])[added];
        const amount = a?.amount === undefined ? null : formatMoney(parseMoney(a.amount) ?? 0);
        first ??= amount;
        add(e, 'added', `增加仲裁请求：${a?.description ?? ''}，${money(amount)}`, amount);
      }
      const ch = ((pl.change ?? []) as { claimId: number; amount?: string; description?: string }[]).find((x) => x.claimId === id);
      if (ch) {
        const before = ((pl.previous ?? {}) as Record<string, { amount: string | null }>)[String(id)];
        const after = ch.amount === undefined ? (before?.amount ?? null) : formatMoney(parseMoney(ch.amount) ?? 0);
        add(
          e,
          'changed',
          `变更仲裁请求：${before?.amount ?? '—'} → ${money(after)}${ch.description ? `（${ch.description}）` : ''}`,
          after,
        );
      }
      if (((pl.withdraw ?? []) as number[]).includes(id)) {
        gone = true;
        add(e, 'withdrawn', pl.by === 'respondent' ? '被申请人放弃该项反申请请求' : '放弃该项仲裁请求');
      }
    } else if (e.type === 'ADVANCE_EXECUTION' && ((pl.claimIds ?? []) as number[]).includes(id)) {
      const amt = ((pl.amounts ?? []) as { claimId: number; amount: string }[]).find((x) => x.claimId === id)?.amount ?? null;
      add(e, 'advance_execution', `先予执行裁决${amt ? `：${amt}元` : ''}${pl.paymentDays ? `，${pl.paymentDays}日内履行` : ''}`, amt);
    } else if (e.type === 'MEDIATION_AGREED') {
      add(e, 'mediation', `达成调解协议（全案）${pl.amount ? `，约定给付${pl.amount}元` : ''}：${String(pl.terms ?? '')}`);
    } else if (e.type === 'MEDIATION_FAILED') {
      add(e, 'mediation', '调解不成');
    } else if (e.type === 'SIGN_MEDIATION_DOCUMENT' && e.stateAfter === 'closed_mediation') {
      add(e, 'closed', '调解书经双方签收生效，本案调解结案');
    } else if (e.type === 'ISSUE_AWARD' || e.type === 'PARTIAL_AWARD') {
      const it = (
        (
          pl.award as {
            items?: {
              claimId: number;
              outcome: keyof typeof OUTCOME_WORDS;
              amount: string | null;
              final: boolean;
              shares?: { partyId: number; amount: string; final: boolean }[];
            }[];
          }
        )?.items ?? []
      ).find((x) => x.claimId === id);
      const calc = ((pl.items ?? []) as { claimId: number; calculation?: { suggested?: string; accepted?: boolean } }[]).find(
        (x) => x.claimId === id,
      )?.calculation;
      if (it) {
        final = it.final;
        const amount = it.outcome === 'dismissed' ? '0.00' : (it.amount ?? null);
        add(
          e,
          e.type === 'PARTIAL_AWARD' ? 'partial_award' : 'award',
          `${e.type === 'PARTIAL_AWARD' ? '部分裁决' : '裁决'}：${OUTCOME_WORDS[it.outcome]}${it.outcome === 'dismissed' ? '' : `，${money(it.amount)}`}，${isSplit(it) ? `部分终局（${(it.shares ?? []).map((sh) => `${sh.amount}元${sh.final ? '终局' : '非终局'}`).join('、')}）` : it.final ? '终局' : '非终局'}` +
            (calc?.suggested ? `（计算器建议${calc.suggested}元${calc.accepted ? '，已采纳' : '，仲裁员已修改'}）` : ''),
          amount,
        );
      }
    } else if (e.type === 'RECORD_LAWSUIT' && final !== null) {
      const party = ctx.parties.find((x) => x.id === pl.partyId);
      const employer = party !== undefined && isEmployerParty(ctx, party);
      // The items the suit reaches, as the outcomes count them: a worker's suit not another worker's own claim (stop 46, M4).
      if (suitReaches(ctx, Number(pl.partyId), id, final)) {
        sued = true;
        add(e, 'challenged', `${employer ? '用人单位' : '劳动者'}向${String(pl.court ?? '')}起诉`);
      }
    } else if (e.type === 'RECORD_SET_ASIDE' && final === true) {
      if (pl.court) {
        setAside = true;
        add(e, 'challenged', `用人单位向${String(pl.court)}申请撤销裁决`);
      } else if (pl.result && setAside)
        add(
          e,
          'court',
          pl.result === 'set_aside'
            ? '人民法院裁定撤销裁决'
            : pl.result === 'rejected'
              ? '人民法院裁定驳回撤销申请，裁决维持'
              : '撤销申请撤回，裁决维持',
          pl.result === 'set_aside' ? '0.00' : undefined,
        );
    } else if (e.type === 'RECORD_COURT_OUTCOME' && sued) {
      const item = ((pl.items ?? []) as { claimId: number; result: CourtResult; amount?: string }[]).find((x) => x.claimId === id);
      const text = COURT_OUTCOME_WORDS[String(pl.outcome)] ?? '人民法院作出裁判';
      add(
        e,
        'court',
        item ? `${text}：${COURT_RESULT_WORDS[item.result]}${item.amount ? `为${item.amount}元` : ''}` : text,
        item ? (item.result === 'changed' ? (item.amount ?? null) : item.result === 'revoked' ? '0.00' : undefined) : undefined,
      );
    } else if (e.type === 'MARK_EFFECTIVE' && final !== null) {
      // SPC-1 Art. 17: effective for one worker who did not sue, while the others' suit goes on.
      add(e, 'effective', pl.partyId ? `裁决对未起诉的劳动者（当事人${String(pl.partyId)}）发生法律效力` : '裁决发生法律效力');
    } else if (e.type === 'TRANSFER_TO_COURT' && pl.purpose === 'advance_execution') {
      if (line.some((x) => x.stage === 'advance_execution')) add(e, 'advance_execution', `先予执行裁决移送${String(pl.court ?? '')}执行`);
    } else if (e.type === 'TRANSFER_TO_COURT' && pl.purpose === 'litigation') {
      if (sued || setAside) add(e, 'challenged', `案卷移送${String(pl.court ?? '')}`);
    } else if (e.type === 'TRANSFER_TO_COURT' && final !== null) {
      add(e, 'enforcement', `移送${String(pl.court ?? '')}强制执行`);
    } else if (e.type === 'APPLY_ENFORCEMENT' && final !== null) {
      add(e, 'enforcement', `当事人向${String(pl.court ?? '')}申请强制执行`);
    } else if (e.type === 'RECORD_ENFORCEMENT_OUTCOME' && final !== null) {
      add(e, 'enforcement', `执行结果：${String(pl.result ?? '')}`);
    } else if (CLOSING[e.type]) {
      add(e, 'closed', CLOSING[e.type] as string);
    }
  }
  const [o] = claimOutcomes([{ ...claim }], ctx) as [ClaimOutcome];
  // Enforcement concerns what finally stands: only a claim with an amount upheld has it on its line.
  const shown = o.upheldFen !== null && o.upheldFen > 0 ? line : line.filter((x) => x.stage !== 'enforcement');
  const award = o.award
    ? {
        on: o.award.on,
        partial: o.award.partial,
        outcome: o.award.outcome,
        outcomeLabel: OUTCOME_WORDS[o.award.outcome],
        amount: formatMoney(o.award.amountFen),
        final: o.award.final,
      }
    : null;
  const court = o.court
    ? {
        result: o.court.result,
        resultLabel: COURT_RESULT_WORDS[o.court.result],
        amount: o.court.amountFen === null ? null : formatMoney(o.court.amountFen),
        on: o.court.on,
        via: o.court.via,
      }
    : null;
  const current = claim.amountFen === null ? null : formatMoney(claim.amountFen);
  return {
    claimId: id,
    seq: claim.seq ?? null,
    category: claim.category,
    categoryLabel: CLAIM_CATEGORIES[claim.category],
    description: claim.description,
    claimed: first === undefined ? current : first,
    current,
    withdrawn: o.withdrawn || gone,
    award,
    challenged: o.challenged,
    court,
    upheld: o.upheldFen === null ? null : formatMoney(o.upheldFen),
    settled: o.settled,
    status: statusOf(o, ctx, gone),
    line: shown,
  };
}

function statusOf(o: ClaimOutcome, ctx: MachineContext, gone: boolean): string {
  if (o.withdrawn || gone) return '已放弃';
  if (o.court) return `法院：${COURT_RESULT_WORDS[o.court.result]}`;
  if (o.challenged) return '诉讼（撤销申请）审理中';
  if (o.award) return o.settled ? `已裁决${o.award.final ? '（终局）' : '，裁决已生效'}` : '已裁决，起诉期间内';
  if (ctx.closure?.mode === 'mediation') return '调解结案';
  if (ctx.closure) return '已结案（未裁决）';
  return '审理中';
}
