import type { Knex } from 'knex';
import type { CaseRecord } from '../../db/stores/cases.ts';
import type { MinimumWageRow } from '../../db/stores/reference.ts';
import { cnNumber, headingsOnly } from '../../templates/kinds.ts';
import { advanceOrdered, advanceSides } from '../../workflows/advance-execution.ts';
import type { MachineContext } from '../../workflows/case-machine.ts';
import { classifyAward, type ItemToClassify, minimumWageDate } from '../../workflows/finality.ts';
import { equalSharesFen, formatMoney, parseMoney } from '../../workflows/identifiers.ts';
import type { CaseContext } from '../../workflows/procedure-types.ts';
import { claimByEmployer, claimByUnion, claimWorker } from '../../workflows/sides.ts';
import type { Deps } from '../deps.ts';
import { generations } from '../documents/originals.ts';
import { type FieldError, unprocessable } from '../errors.ts';

export interface AwardItemInput {
  claimId: number;
  outcome: ItemToClassify['outcome'];
  amount?: string;
  paymentDays?: number;
  /** legal55a #5: the respondents who perform the item (the first pays), and whether the others answer jointly. */
  obligorIds?: number[];
  jointLiability?: boolean;
  /** fixA59: the payers answer by equal shares (按份, Civil Code Art. 517(2)) — not with jointLiability. */
  equalShares?: boolean;
  /** docs56 #1: each worker's share of an item on a claim of several workers together (the shares sum to the amount). */
  shares?: { partyId: number; amount: string }[];
}

type AwardItemChecked = {
  claimId: number;
  outcome: string;
  amount?: string | null;
  obligorIds?: readonly number[];
  jointLiability?: boolean;
  equalShares?: boolean;
  shares?: readonly { partyId: number; amount: string }[];
};

type ClaimChecked = { id?: number; amountFen?: number | null; counterclaim?: boolean; partyId?: number | null };
type PartyChecked = { id?: number; side: string; name: string; kind?: string };

/** The workers whose application alone was treated as withdrawn (DEEM_WITHDRAWN partyId; Rules Art. 39). */
export const deemedParties = (ctx: Pick<CaseContext, 'deemedWithdrawals'>): ReadonlySet<number> =>
  new Set((ctx.deemedWithdrawals ?? []).flatMap((d) => (typeof d.partyId === 'number' ? [d.partyId] : [])));

/**
 * The workers a claim of the workers together is decided for: the applicants who are natural persons, less any whose
 * application was treated as withdrawn alone (DEEM_WITHDRAWN partyId; Rules Art. 39 — the award decides nothing for him).
 */
export const jointClaimWorkers = <P extends PartyChecked>(parties: readonly P[], gone: ReadonlySet<number> = new Set()): P[] =>
  parties.filter((p) => p.side === 'applicant' && p.kind === 'person' && p.id !== undefined && !gone.has(p.id));

/**
 * docs56 #1: each worker's share of an item granted as one sum on a claim of several workers together (no single
 * applicant): the shares name the claim's applicants (workers, once each; not one deemed withdrawn), each more than 0,
 * and sum exactly to the item's amount — else nobody can tell whose money it is, nor enforce it (400 naming the field).
 */
function shareErrors(
  claims: readonly ClaimChecked[],
  items: readonly AwardItemChecked[],
  parties: readonly PartyChecked[],
  gone: ReadonlySet<number>,
): FieldError[] {
  const errors: FieldError[] = [];
  // legal57a #3: the workers of a claim of them all together whose application was treated as withdrawn alone.
  const withdrawnWorkers = parties.filter((p) => p.side === 'applicant' && p.kind === 'person' && p.id !== undefined && gone.has(p.id));
  for (const [i, it] of items.entries()) {
    const path = `items.${i}.shares`;
    if (!it.shares) {
      // legal57a #3: after a co-claimant's application was treated as withdrawn (LDMAL Art. 36; Rules Art. 39), a sum
      // granted on the workers' joint claim without shares would be paid whole to those remaining — the withdrawn
      // worker's part is not theirs to take, and finality would be judged on a sum no one of them recovers (LDMAL Art.
      // 47(1); SPC-1 Art. 19): each remaining worker's share must be stated (refused, not warned: the award would order
      // a payment the law does not give).
      const joint = claims.find((c) => c.id === it.claimId);
      const fen = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
      if (withdrawnWorkers.length && joint && !joint.counterclaim && !joint.partyId && it.outcome !== 'dismissed' && fen)
        errors.push({
          path,
          message: `本项请求是申请人共同提出的，申请人${withdrawnWorkers.map((w) => w.name).join('、')}的仲裁申请已按撤回仲裁申请处理（《劳动人事争议仲裁办案规则》第三十九条），其应得部分不能裁决给其他申请人：请写明其余每名申请人分得的金额，合计为本项裁决金额`,
        });
      continue;
    }
    const claim = claims.find((c) => c.id === it.claimId);
    if (it.outcome === 'dismissed') {
      errors.push({ path, message: '驳回的请求没有裁决金额，不能写明各申请人分得的金额' });
      continue;
    }
    if (claim?.counterclaim || claim?.partyId) {
      errors.push({
        path,
        message: claim.counterclaim
          ? '反申请请求由申请人履行，不能写明各申请人分得的金额'
          : '本项请求已指明申请人，裁决金额即为其本人的，不能再分配给其他申请人',
      });
      continue;
    }
    const awarded = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    if (awarded === null) {
      errors.push({ path, message: '写明各申请人分得的金额的，须写明本项裁决金额' });
      continue;
    }
    const workers = jointClaimWorkers(parties, gone);
    let sum = 0;
    for (const [m, sh] of it.shares.entries()) {
      const fen = parseMoney(sh.amount) ?? 0;
      sum += fen;
      if (!workers.some((p) => p.id === sh.partyId)) {
        const p = parties.find((x) => x.id === sh.partyId);
        const why = !p
          ? `本案没有编号为 ${sh.partyId} 的当事人`
          : gone.has(sh.partyId)
            ? `${p.name}的仲裁申请已按撤回仲裁申请处理，裁决对其没有裁决事项（《劳动人事争议仲裁办案规则》第三十九条）`
            : `${p.name}不是本项请求的申请人（劳动者）`;
        errors.push({
          path: `${path}.${m}.partyId`,
          message: `${why}；本项请求的申请人：${workers.map((w) => `${w.name}（编号 ${w.id}）`).join('、')}`,
        });
      }
      if (fen <= 0) errors.push({ path: `${path}.${m}.amount`, message: '分得的金额应大于 0 元；未分得的申请人不必列出' });
    }
    // fixL58 #3 (LDMAL Art. 47(1); SPC-1 Art. 19): a worker of the claim left out of its shares recovers nothing on it. On
    // an item partly granted the award dismisses the rest (驳回…其他仲裁请求), his part with it; on one granted in full it
    // dismisses nothing, and his part would be neither awarded nor dismissed — refused, naming him.
    const given = it.shares;
    const missing = it.outcome === 'granted' ? workers.filter((w) => !given.some((sh) => sh.partyId === w.id)) : [];
    if (missing.length)
      errors.push({
        path,
        message: `本项请求全部支持，申请人${missing.map((w) => `${w.name}（编号 ${w.id}）`).join('、')}没有分得的金额：全部支持的，须写明每名申请人分得的金额；其不应分得的，请选择部分支持（其余请求予以驳回）`,
      });
    if (sum !== awarded)
      errors.push({
        path,
        message: `各申请人分得的金额合计${formatMoney(sum)}元，与本项裁决金额${formatMoney(awarded)}元不符：合计须等于裁决金额`,
      });
  }
  return errors;
}

/**
 * docs56 #1: a money item granted on a claim of two or more workers together with no share for each — the award orders
 * one lump sum to them all: warned (never refused), at ISSUE_AWARD / PARTIAL_AWARD and in the preview.
 */
export function unsharedItemWarnings(
  claims: readonly (ClaimChecked & { description?: string })[],
  items: readonly AwardItemChecked[] | undefined,
  parties: readonly PartyChecked[],
  gone: ReadonlySet<number>,
): string[] {
  const workers = jointClaimWorkers(parties, gone);
  if (workers.length < 2) return [];
  return (items ?? []).flatMap((it) => {
    const claim = claims.find((c) => c.id === it.claimId);
    if (!claim || claim.counterclaim || claim.partyId || it.outcome === 'dismissed' || it.shares?.length) return [];
    const fen = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    if (!fen) return [];
    return [
      `请求“${claim.description ?? claim.id}”是申请人${workers.map((w) => w.name).join('、')}共同提出的，裁决${formatMoney(fen)}元未写明每名申请人分得的金额：裁决主文只能写“向申请人…支付”一笔总额，各人应得多少不明，难以申请强制执行，终局与否也只能按总额判断（劳动争议调解仲裁法第四十七条第一项；最高人民法院劳动争议司法解释（一）第十九条）；请写明每人分得的金额`,
    ];
  });
}

/**
 * fixA59 — SEVERAL RESPONDENTS, ONE RULE: how several payers answer for a sum, the one home of it for an award item
 * (ISSUE_AWARD, PARTIAL_AWARD, the preview) and an advance-execution ruling (ADVANCE_EXECUTION) alike. The payers are
 * those named (`obligorIds`), else every respondent of the case. With two or more, the ruling says how they answer:
 * jointly (`jointLiability`, 连带: by law or agreement only — Civil Code Art. 518(2); e.g. LCL Art. 92(2)) or by equal
 * shares (`equalShares`, 按份: 份额难以确定的，视为份额相同 — Civil Code Art. 517(2)); never both, and neither with fewer
 * than two payers (400 naming the field). Payers NAMED (two or more) with neither: 400 naming `jointLiability` — a
 * ruling that names them and says neither cannot be enforced (SPC Enforcement Provisions Art. 16). NO payer named on a
 * case of two respondents or more, with neither: accepted with a warning (`unnamed`) and printed as equal shares
 * (Art. 517; clients before stop 58 send no obligorIds). `payers`: how many pay (named, else the respondents).
 */
export type PayerChoice = { obligorIds?: readonly number[] | null; jointLiability?: boolean | null; equalShares?: boolean | null };
export type PayerVerdict =
  | 'ok'
  | 'unnamed'
  | 'both'
  | 'joint-fewer'
  | 'shares-fewer'
  | 'named-neither'
  | 'shares-below-fen'
  | 'unnamed-below-fen';
/**
 * `leastFen` (s60 A2 #3): the smallest sum (in fen, above 0) the payers would share. Equal shares of a sum smaller in fen
 * than the payers (0.02 yuan over three) print a part of 0.00 yuan — a payer ordered nothing (workflows/identifiers.ts
 * equalSharesFen): refused, `shares-below-fen` where `equalShares` says so, `unnamed-below-fen` where none is named and
 * the equal-share default would print it (Civil Code Art. 517(2)). Without it, the verdict on who pays alone.
 */
export function payerVerdict(choice: PayerChoice, respondentCount: number, leastFen?: number | null): PayerVerdict {
  const named = choice.obligorIds?.length ?? 0;
  const payers = named || respondentCount;
  const belowFen = leastFen !== undefined && leastFen !== null && leastFen > 0 && leastFen < payers;
  if (choice.jointLiability === true && choice.equalShares === true) return 'both';
  if (choice.jointLiability === true) return payers < 2 ? 'joint-fewer' : 'ok';
  if (choice.equalShares === true) return payers < 2 ? 'shares-fewer' : belowFen ? 'shares-below-fen' : 'ok';
  if (payers < 2) return 'ok';
  if (named) return 'named-neither';
  return belowFen ? 'unnamed-below-fen' : 'unnamed';
}

/**
 * The 400 of a payer verdict (payerVerdict), in the words of what is ordered (`what`: 本项 / 先予执行) and naming the
 * payers; null where the verdict is no refusal. `prefix`: the path of the item (`items.N.`) or '' for the ruling.
 */
export function payerError(
  verdict: PayerVerdict,
  prefix: string,
  what: '本项' | '先予执行',
  payerNames: readonly string[],
  respondentCount: number,
  leastFen?: number | null,
): FieldError | null {
  const role = what === '本项' ? '履行义务人' : '支付义务人';
  const count = payerNames.length || respondentCount;
  const names = payerNames.join('、');
  // s60 A2 #3: a sum smaller in fen than the payers — one of them would be ordered 0.00 yuan (Civil Code Art. 517(2)).
  const tiny = `${what}${what === '本项' ? '裁决' : ''}金额${formatMoney(leastFen ?? 0)}元由${count}名${role}按份平均分担，每人不足一分，裁决书将写明有人承担0.00元，即该人并无支付义务（按份债务各按份额负担，《中华人民共和国民法典》第五百一十七条第二款）`;
  switch (verdict) {
    case 'shares-below-fen':
      return {
        path: `${prefix}equalShares`,
        message: `${tiny}；请减少按份承担的${role}，或只指定一名${role}支付`,
      };
    case 'unnamed-below-fen':
      return {
        path: `${prefix}obligorIds`,
        message: `${tiny}（未指定${role}的，由本案全体被申请人各承担同等份额）；请指定支付的${role}`,
      };
    case 'both':
      return {
        path: `${prefix}equalShares`,
        message: `${what}不能同时写明连带责任（jointLiability）和按份各自承担同等份额（equalShares）：连带责任是每人对全部款项负责（《中华人民共和国民法典》第五百一十八条），按份是每人只负担自己的份额（第五百一十七条），请只选其一`,
      };
    case 'joint-fewer':
      return {
        path: `${prefix}jointLiability`,
        message: `连带责任须有两名以上${role}（${what}${payerNames.length ? `指定的${role}只有${names}` : `本案被申请人只有${count}名`}）；如劳务派遣单位与用工单位承担连带赔偿责任（《中华人民共和国劳动合同法》第九十二条第二款）`,
      };
    case 'shares-fewer':
      return {
        path: `${prefix}equalShares`,
        message: `按份各自承担同等份额须有两名以上${role}（${what}${payerNames.length ? `指定的${role}只有${names}` : `本案被申请人只有${count}名`}；《中华人民共和国民法典》第五百一十七条）`,
      };
    case 'named-neither':
      return {
        path: `${prefix}jointLiability`,
        message: `${what}指定了${count}名${role}（${names}），未写明其他人是否对上述款项承担连带责任（jointLiability），也未写明按份各自承担同等份额（equalShares），裁决无法执行（《最高人民法院关于人民法院执行工作若干问题的规定（试行）》第十六条）：由${payerNames[0]}支付、其他人承担连带责任的，请选择连带责任（须有法律规定或者约定，如《中华人民共和国劳动合同法》第九十二条第二款；《中华人民共和国民法典》第五百一十八条第二款）；各自承担同等份额的，请选择按份（《中华人民共和国民法典》第五百一十七条第二款）；只由一人支付的，只指定该被申请人`,
      };
    default:
      return null;
  }
}

/**
 * s60 L5: each payer's part of a sum an item grants against two respondents or more by equal shares — `equalShares`,
 * or none named to pay nor joint liability (payerVerdict `unnamed`, printed alike) — in whole fen summing to the sum,
 * the first named carrying what is left over (workflows/identifiers.ts equalSharesFen; Civil Code Art. 517(2)). What
 * the award prints (templates/kinds.ts equalShareWords); null where nobody shares (joint, one payer, no sum, a
 * counterclaim's or a dismissed item).
 */
export function itemPayerShares(
  claims: readonly { id?: number; counterclaim?: boolean }[],
  it: Pick<AwardItemChecked, 'claimId' | 'outcome' | 'amount' | 'obligorIds' | 'jointLiability'>,
  parties: readonly { id?: number; side: string }[],
): { partyId: number; amount: string }[] | null {
  if (it.outcome === 'dismissed' || it.jointLiability === true) return null;
  if (claims.find((c) => c.id === it.claimId)?.counterclaim) return null;
  const fen = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
  if (!fen || fen <= 0) return null;
  const respondents = parties.filter((p) => p.side === 'respondent').map((p) => p.id as number);
  const named = (it.obligorIds ?? []).filter((id) => respondents.includes(id));
  const payers = named.length ? named : respondents;
  if (payers.length < 2) return null;
  const parts = equalSharesFen(fen, payers.length);
  return payers.map((partyId, k) => ({ partyId, amount: formatMoney(parts[k] ?? 0) }));
}

/** The warning of a sum ordered of every respondent, none named to pay nor how they answer (payerVerdict `unnamed`). */
export function unnamedPayerWarning(what: string, fen: number, respondentNames: readonly string[]): string {
  const names = respondentNames.join('、');
  return `${what}${formatMoney(fen)}元未指定履行义务人：本案有被申请人${names}共${respondentNames.length}名，未写明由谁履行、是否承担连带责任的，裁决书写明由被申请人${names}各承担上述款项的${cnNumber(respondentNames.length)}分之一（连带责任须由法律规定或者当事人约定，按份债务的份额难以确定的视为份额相同：《中华人民共和国民法典》第五百一十八条第二款、第五百一十七条第二款）；应由其中一人履行、其他人承担连带责任的（如劳务派遣单位与用工单位，《中华人民共和国劳动合同法》第九十二条第二款），请指定履行义务人并选择承担连带责任的被申请人；按份承担的，请选择按份各自承担同等份额（equalShares）`;
}

/**
 * fixU58 #1: a sum granted against a case's several respondents with no one named to pay (no `obligorIds`) nor joint
 * liability nor equal shares — payerVerdict `unnamed`: the document prints the equal-share default (templates/kinds.ts
 * rulingItem). Warned, never refused, at ISSUE_AWARD / PARTIAL_AWARD and in the preview.
 */
export function unnamedObligorWarnings(
  claims: readonly (ClaimChecked & { description?: string })[],
  items: readonly AwardItemChecked[] | undefined,
  parties: readonly PartyChecked[],
  gone: ReadonlySet<number> = new Set(),
): string[] {
  const respondents = parties.filter((p) => p.side === 'respondent' && !(p.id !== undefined && gone.has(p.id)));
  return (items ?? []).flatMap((it) => {
    const claim = claims.find((c) => c.id === it.claimId);
    if (!claim || claim.counterclaim || it.outcome === 'dismissed') return [];
    if (payerVerdict(it, respondents.length) !== 'unnamed') return [];
    const fen = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    if (!fen || fen <= 0) return [];
    return [
      unnamedPayerWarning(
        `请求“${claim.description ?? claim.id}”裁决`,
        fen,
        respondents.map((p) => p.name),
      ),
    ];
  });
}

/**
 * fixA59: an advance-execution ruling on the case's several respondents, none named to pay nor how they answer
 * (payerVerdict `unnamed`): recorded, printed as equal shares (Civil Code Art. 517(2)) — the award item's warning.
 */
export function unnamedAdvancePayerWarnings(
  claims: readonly (ClaimChecked & { description?: string })[],
  payload: { claimIds?: unknown; amounts?: unknown; obligorIds?: unknown; jointLiability?: unknown; equalShares?: unknown },
  parties: readonly PartyChecked[],
): string[] {
  const ids = (payload.claimIds as number[] | undefined) ?? [];
  if (ids.some((id) => claims.find((c) => c.id === id)?.counterclaim)) return [];
  const respondents = parties.filter((p) => p.side === 'respondent');
  const choice = {
    obligorIds: payload.obligorIds as number[] | undefined,
    jointLiability: payload.jointLiability as boolean | undefined,
    equalShares: payload.equalShares as boolean | undefined,
  };
  if (payerVerdict(choice, respondents.length) !== 'unnamed') return [];
  const fen = ((payload.amounts as { amount: string }[] | undefined) ?? []).reduce((sum, a) => sum + (parseMoney(a.amount) ?? 0), 0);
  return fen > 0
    ? [
        unnamedPayerWarning(
          '裁决先予执行',
          fen,
          respondents.map((p) => p.name),
        ),
      ]
    : [];
}

/**
 * legal55a #5: who performs an award item (`obligorIds`, 400 naming the field): respondents of this case only — the
 * applicant performs a counterclaim's item (Rules Art. 36) and a dismissed item orders nobody anything; joint liability
 * (`jointLiability`, 连带责任: a dispatched worker's agency and user unit, LCL Art. 92(2); LDMAL Art. 22(2) makes them
 * co-respondents) needs two obligors at least — those named, else the case's respondents.
 */
function obligorErrors(
  claims: readonly { id?: number; counterclaim?: boolean }[],
  items: readonly AwardItemChecked[],
  parties: readonly { id?: number; side: string; name: string }[],
): FieldError[] {
  const respondents = parties.filter((p) => p.side === 'respondent');
  const errors: FieldError[] = [];
  for (const [i, it] of items.entries()) {
    const claim = claims.find((c) => c.id === it.claimId);
    if (it.obligorIds === undefined && it.jointLiability === undefined && it.equalShares === undefined) {
      // s60 A2 #3: none named on several respondents is printed as equal shares (payerVerdict `unnamed`) — not of a sum
      // smaller in fen than they are.
      const fen = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
      if (it.outcome === 'dismissed' || claim?.counterclaim || !(fen && fen > 0)) continue;
      const error = payerError(payerVerdict(it, respondents.length, fen), `items.${i}.`, '本项', [], respondents.length, fen);
      if (error) errors.push(error);
      continue;
    }
    const field = it.obligorIds !== undefined ? 'obligorIds' : it.jointLiability !== undefined ? 'jointLiability' : 'equalShares';
    if (it.outcome === 'dismissed') {
      errors.push({ path: `items.${i}.${field}`, message: '驳回的请求没有履行义务人，不能指定履行的被申请人或连带责任' });
      continue;
    }
    if (claim?.counterclaim) {
      errors.push({
        path: `items.${i}.${field}`,
        message: '反申请请求由申请人履行，不能指定履行的被申请人或连带责任（《劳动人事争议仲裁办案规则》第三十六条）',
      });
      continue;
    }
    const others = (it.obligorIds ?? []).filter((id) => !respondents.some((p) => p.id === id));
    if (others.length) {
      const named = others.map((id) => {
        const p = parties.find((x) => x.id === id);
        return p ? `${p.name}（${p.side === 'applicant' ? '申请人' : '第三人'}）` : `编号 ${id}`;
      });
      errors.push({
        path: `items.${i}.obligorIds`,
        message: `履行义务人须为本案被申请人：${named.join('、')}不是本案被申请人（本案被申请人：${respondents.map((p) => `${p.name}（编号 ${p.id}）`).join('、')}）`,
      });
      continue;
    }
    // fixA59: how several payers answer — one rule with ADVANCE_EXECUTION's (payerVerdict). Named payers saying neither
    // are refused only on a sum (an act ordered of several is each one's to do).
    const fen = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    // s60 L5: equal shares (按份) divide a sum of money (按份债务, Civil Code Art. 517) — an item ordering no sum (an act,
    // a confirmation) has nothing to divide: what it orders is each obligor's to do (or jointly, LCL Art. 92(2)).
    if (it.equalShares === true && !(fen && fen > 0)) {
      errors.push({
        path: `items.${i}.equalShares`,
        message:
          '按份各自承担同等份额（equalShares）只适用于裁决支付的款项（按份债务，《中华人民共和国民法典》第五百一十七条）：本项未裁决支付金额，所裁决的行为或确认事项无从按份分担；请去掉按份，或写明本项裁决的金额',
      });
      continue;
    }
    const verdict = payerVerdict(it, respondents.length, fen);
    if (verdict === 'named-neither' && !(fen && fen > 0)) continue;
    const named = (it.obligorIds ?? []).map((id) => respondents.find((p) => p.id === id)?.name ?? `编号 ${id}`);
    const error = payerError(verdict, `items.${i}.`, '本项', named, respondents.length, fen);
    if (error) errors.push(error);
  }
  return errors;
}

/**
 * The award items' own checks (400, each naming its item's field), the one home of what ISSUE_AWARD, PARTIAL_AWARD and
 * the award preview refuse alike (legal53a L1: the preview copied only one of them): each item names a claim of this
 * case, once; an amount supporting a claim is more than 0 (LDMAL Art. 46: the ruling states a definite result); 部分支持
 * is less than the claim asks (as it stands after any change of claims); no item awards more than the claim asks
 * (不告不理 — an award decides what was asked, LDMAL Art. 46; a claim asking too little is changed first, Rules Art. 44).
 */
export function awardItemErrors(
  claims: readonly ClaimChecked[],
  items: readonly AwardItemChecked[],
  parties: readonly PartyChecked[],
  gone: ReadonlySet<number> = new Set(),
): FieldError[] {
  const errors: FieldError[] = [...obligorErrors(claims, items, parties), ...shareErrors(claims, items, parties, gone)];
  for (const [i, it] of items.entries()) {
    const claim = claims.find((cl) => cl.id === it.claimId);
    if (!claim) errors.push({ path: `items.${i}.claimId`, message: `本案没有编号为 ${it.claimId} 的仲裁请求` });
    const claimed = claim?.amountFen ?? null;
    const awarded = it.amount === undefined || it.amount === null ? null : parseMoney(it.amount);
    if (it.outcome !== 'dismissed' && awarded !== null && awarded <= 0) {
      errors.push({
        path: `items.${i}.amount`,
        message: '支持或部分支持的裁决金额应大于 0 元；不予支持的请选择“驳回”，非给付请求可不填金额',
      });
    } else if (it.outcome === 'partly' && claimed !== null && awarded !== null && awarded >= claimed) {
      errors.push({
        path: `items.${i}.amount`,
        message: `部分支持的金额应少于请求金额 ${formatMoney(claimed)} 元；全额支持请选择“支持”`,
      });
    } else if (claimed !== null && awarded !== null && awarded > claimed) {
      errors.push({
        path: `items.${i}.amount`,
        message: `裁决金额不能超过请求金额 ${formatMoney(claimed)} 元（超出仲裁请求裁决）；申请人增加请求金额的，应先变更仲裁请求`,
      });
    }
  }
  if (new Set(items.map((i) => i.claimId)).size !== items.length) errors.push({ path: 'items', message: '同一请求不能出现两次' });
  return errors;
}

/**
 * The monthly minimum wage the final-award threshold reads (LDMAL Art. 47: twelve months of the local minimum wage) in
 * the case's district, or a 422: the one in force on the award date, or — where the commission reads the rule so
 * (FINAL_AWARD_WAGE_DATE, domain.md §9.3) — on the receipt or acceptance date.
 */
export async function minimumWageFor(
  deps: Deps,
  k: Knex,
  c: Pick<CaseRecord, 'district' | 'receivedOn' | 'acceptedOn'>,
  awardOn: string,
): Promise<MinimumWageRow> {
  const district = c.district;
  const on = minimumWageDate(deps.config.finalAwardWageDate, { awardOn, receivedOn: c.receivedOn, acceptedOn: c.acceptedOn });
  const wage = await deps.stores.reference.minimumWageOn(k, district, on);
  if (!wage) {
    throw unprocessable(`没有${district}在${on}有效的月最低工资标准，无法判断是否终局裁决；请管理员录入`, {
      rule: 'minimum-wage-missing',
      source: 'LDMAL Art. 47',
    });
  }
  return wage;
}

/**
 * Classifies each award item final or non-final (LDMAL Art. 47; SPC-1 Arts. 19–20) against the wage in force. The
 * case's claims the rule looks at (a claim to confirm the relationship makes its worker's items non-final) are those still
 * standing: a claim given up by a change of claims (Rules Art. 44, `withdrawn`) is no longer the case's.
 */
export function classifyItems(
  deps: Deps,
  c: Pick<CaseRecord, 'claims' | 'parties' | 'collectiveGround'>,
  items: AwardItemInput[],
  wage: MinimumWageRow,
  withdrawn: ReadonlySet<number>,
) {
  return classifyAward(
    items.map((it) => {
      const claim = c.claims.find((cl) => cl.id === it.claimId);
      return {
        claimId: it.claimId,
        category: claim?.category ?? 'other',
        outcome: it.outcome,
        amountFen: it.amount === undefined ? null : parseMoney(it.amount),
        ...(claim && claimByEmployer(c, claim) ? { byEmployer: true } : {}),
        ...(claim && claimByUnion(c, claim) ? { byUnion: true } : {}),
        // Whose dispute the item is: a confirmation of one worker's relationship makes only his items non-final.
        worker: claim ? claimWorker(c, claim) : null,
        // docs56 #1: each worker's share of a joint claim's sum, classified on its own (SPC-1 Art. 19).
        ...(it.shares?.length ? { shares: it.shares.map((sh) => ({ partyId: sh.partyId, amountFen: parseMoney(sh.amount) ?? 0 })) } : {}),
      };
    }),
    wage.monthlyFen,
    c.claims.filter((cl) => !withdrawn.has(cl.id as number)).map((cl) => ({ category: cl.category, worker: claimWorker(c, cl) })),
    {
      confirmRelationshipMakesCaseNonFinal: deps.config.confirmRelationshipNonFinal,
      // domain.md §9.3: whether a dismissed Art. 47(1) item counts as final (FINAL_AWARD_DISMISSED_ITEMS).
      dismissedItemsFinal: deps.config.finalAwardDismissedItemsFinal,
      // Zhongcai's reading of Art. 47(1), to confirm locally (FINAL_AWARD_EMPLOYER_CLAIMS).
      employerClaimsNonFinal: deps.config.finalAwardEmployerClaimsNonFinal,
      // The same reading for a union's claim for the workers (FINAL_AWARD_UNION_CLAIMS).
      unionClaimsNonFinal: deps.config.finalAwardUnionClaimsNonFinal,
    },
  );
}

/** The award record an ISSUE_AWARD or PARTIAL_AWARD carries into the statechart. */
export async function awardRecord(
  deps: Deps,
  k: Knex,
  c: CaseRecord,
  items: AwardItemInput[],
  on: string,
  defaultAward: boolean,
  withdrawn: ReadonlySet<number>,
): Promise<Record<string, unknown>> {
  const wage = await minimumWageFor(deps, k, c, on);
  const r = classifyItems(deps, c, items, wage, withdrawn);
  return {
    // What the classification read (whose counterclaim an item is) stays out of the record: the claims say it.
    items: r.items.map(({ byEmployer: _, byUnion: _u, worker: _w, ...x }, i) => ({
      ...x,
      amount: x.amountFen === null ? null : formatMoney(x.amountFen),
      paymentDays: items[i]?.paymentDays ?? null,
      // legal55a #5: kept only where given — an item without them is performed by every respondent, as before.
      ...(items[i]?.obligorIds ? { obligorIds: items[i]?.obligorIds } : {}),
      ...(items[i]?.jointLiability ? { jointLiability: true } : {}),
      ...(items[i]?.equalShares ? { equalShares: true } : {}),
      // docs56 #1: each worker's share, and whether it is final for him — only where given.
      ...(x.shares ? { shares: x.shares.map((sh) => ({ partyId: sh.partyId, amount: formatMoney(sh.amountFen), final: sh.final })) } : {}),
    })),
    finality: r.finality,
    issuedOn: on,
    minimumWage: {
      district: wage.district,
      monthly: formatMoney(wage.monthlyFen),
      effectiveFrom: wage.effectiveFrom,
      confirmed: wage.confirmed,
      source: wage.source,
    },
    thresholdAmount: formatMoney(r.thresholdFen),
    defaultAward,
  };
}

/**
 * legal51c M3: facts or reasoning given with ISSUE_AWARD / PARTIAL_AWARD that are only headings ("一、案件事实",
 * "本委认为如下：") — the award document refuses them (templates/kinds.ts headingsOnly; LDMAL Art. 46), so the
 * arbitrator is told now, in the event's answer and its preview, not first when the document is generated.
 */
export function headingOnlyTextWarnings(payload: { facts?: unknown; reasoning?: unknown }): string[] {
  const parts = [
    ['facts', '经审理查明'],
    ['reasoning', '本委认为'],
  ] as const;
  return parts.flatMap(([field, heading]) => {
    const text = payload[field];
    return typeof text === 'string' && text.trim() && headingsOnly(text)
      ? [
          `${heading}（${field}）只有标题或占位文字，未写明内容：生成裁决书时须写明${field === 'facts' ? '查明的事实' : '裁决的理由'}，否则不予出具（《劳动争议调解仲裁法》第四十六条）`,
        ]
      : [];
  });
}

/**
 * docs51 M2: an award or partial award that dismisses a claim an advance-execution ruling (先予执行, LDMAL Art. 44)
 * ordered paid, or grants less than the ruling ordered, is made with a warning: the award document states the sum
 * ordered and that what was executed beyond the award is returned (执行回转, CPL Art. 244 in the 2023 text [R];
 * domain.md §9.2), and the reasons are the arbitrator's to write. Never a refusal: the award may rightly differ.
 */
export function advanceReversalWarnings(
  ctx: Pick<MachineContext, 'advanceExecutions'>,
  claims: readonly { id?: number; description: string; counterclaim?: boolean }[],
  items: readonly { claimId: number; outcome: string; amount?: string | null }[] | undefined,
  on: string,
): string[] {
  return (items ?? []).flatMap((it) => {
    // legal54a H2: a worker's counterclaim may be ordered paid in advance too (LDMAL Art. 44) — any claim a ruling named.
    const claim = claims.find((c) => c.id === it.claimId);
    if (!claim) return [];
    const adv = advanceOrdered(ctx, it.claimId, on);
    if (!adv) return [];
    const awarded = it.outcome === 'dismissed' ? 0 : (parseMoney(it.amount ?? '') ?? 0);
    const days = [...adv.rulings, ...adv.unrecorded].sort().join('、');
    const ordered = adv.rulings.length ? `${formatMoney(adv.fen)}元` : '（未记录金额）';
    const what = `请求“${claim.description}”已于${days}裁决先予执行${ordered}（劳动争议调解仲裁法第四十四条）`;
    const tail = `；裁决书写明已依先予执行裁决执行的款项超出裁决金额的部分由${advanceSides(claim.counterclaim)[0]}返还（执行回转，民事诉讼法第二百四十四条），请在“本委认为”中写明理由`;
    if (awarded === 0) return [`先予执行的请求被驳回：${what}，本次裁决未予支持${tail}`];
    // legal54a M5: the sum ordered in advance beyond what the award grants, named — the award settles it (returned or
    // set off); a warning, never a refusal (the tribunal may find less is owed; LDMAL Art. 44 is provisional).
    if (adv.rulings.length && awarded < adv.fen)
      return [
        `先予执行的请求被改判：${what}，本次裁决${formatMoney(awarded)}元，少于先予执行的金额，已裁决先予执行的款项超出本次裁决金额${formatMoney(adv.fen - awarded)}元${tail}`,
      ];
    return [];
  });
}

/**
 * legal53b M1 — LDMAL Arts. 48–50: the windows to sue (15 days) and to apply to set aside (30 days) run from receipt of
 * the 裁决书. The awards a SERVE of `document: "award"` delivers (its payload as `decide` completed it: `partialAward`, or
 * `awardOn`, or none — the final award once made, else every partial award made by the day served) whose issued (not
 * draft) document has not been generated in Zhongcai: the final award's (both parts of a split one come with one
 * generation) after the latest ISSUE_AWARD, a partial award's of that occurrence (部分裁决书, LDMAL Art. 43(2)). Named as
 * the warning or the refusal says them (AWARD_SERVICE_WITHOUT_DOCUMENT, domain.md §14.2).
 */
export async function awardsServedWithoutDocument(
  deps: Deps,
  k: Knex,
  caseId: number,
  ctx: CaseContext,
  payload: Record<string, unknown>,
  servedOn: string,
): Promise<string[]> {
  const partial = (n: number) => ({ label: `第${n}件部分裁决书（${ctx.partialAwards[n - 1]?.issuedOn ?? ''}）`, occurrence: n });
  const final = { label: `裁决书（${ctx.award?.issuedOn ?? ''}）`, occurrence: null };
  const awardOn = payload.awardOn as string | undefined;
  const acts: { label: string; occurrence: number | null }[] =
    payload.partialAward !== undefined
      ? [partial(payload.partialAward as number)]
      : awardOn !== undefined
        ? [
            ...(ctx.award?.issuedOn === awardOn ? [final] : []),
            ...ctx.partialAwards.flatMap((a, i) => (a.issuedOn === awardOn ? [partial(i + 1)] : [])),
          ]
        : ctx.award
          ? [final]
          : ctx.partialAwards.flatMap((a, i) => (a.issuedOn <= servedOn ? [partial(i + 1)] : []));
  if (!acts.length) return [];
  const events = await deps.stores.cases.events(k, caseId);
  const madeAt = events.filter((e) => e.type === 'ISSUE_AWARD').at(-1)?.seq ?? 0;
  const issued = generations(events).filter((g) => !g.draft && g.documents.length > 0);
  return acts
    .filter((a) =>
      a.occurrence === null
        ? !issued.some((g) => g.kind === 'award' && g.seq > madeAt)
        : !issued.some((g) => g.kind === 'partial_award' && g.text.occurrence === a.occurrence),
    )
    .map((a) => a.label);
}

/** A SERVE of an award whose document Zhongcai has not made: the warning (`warn`) or the 409's detail (`refuse`). */
export const awardDocumentMissingWords = (labels: string[], refuse: boolean): string =>
  refuse
    ? `本案的${labels.join('、')}尚未在本系统生成（出具），该文书尚不存在，不能登记送达：请先生成裁决书；起诉期和申请撤销期自收到裁决书之日起计算（《劳动争议调解仲裁法》第四十八条至第五十条）`
    : `本案的${labels.join('、')}尚未在本系统生成（出具）：已按所登记的送达记录，起诉期（十五日）和申请撤销期（三十日）自该送达之日起计算（《劳动争议调解仲裁法》第四十八条至第五十条）；请核实当事人收到的是已作出并盖章的裁决书，裁决书在本系统外制作的，可不予理会`;

/**
 * fixD57 #2 — ADVANCE_EXECUTION's `amounts[].shares`: each worker's share of an amount ordered paid in advance on a
 * claim of several workers together, by the award items' rules (shareErrors: the claim's workers only, not one deemed
 * withdrawn, each more than 0, summing to the amount), 400 naming `amounts.N.shares…`. The court enforces a document
 * whose subject and creditors are determined (SPC Enforcement Provisions (2020) Art. 16(1)(4); LDMAL Art. 44).
 */
export function advanceShareErrors(
  claims: readonly ClaimChecked[],
  amounts: readonly { claimId: number; amount: string; shares?: readonly { partyId: number; amount: string }[] }[] | undefined,
  parties: readonly PartyChecked[],
  gone: ReadonlySet<number>,
): FieldError[] {
  const items = (amounts ?? []).map((a) => ({ claimId: a.claimId, outcome: 'granted', amount: a.amount, shares: a.shares }));
  return shareErrors(claims, items, parties, gone).map((e) => ({
    path: e.path.replace(/^items\./, 'amounts.'),
    message: e.message
      .replace('本项裁决金额', '本项先予执行金额')
      .replace('合计须等于裁决金额', '合计须等于先予执行金额')
      .replace('裁决金额即为其本人的', '先予执行的金额即为其本人的')
      .replace('不能写明各申请人分得的金额', '不能写明各申请人先行受领的金额'),
  }));
}

/** fixD57 #2: an amount ordered paid in advance to two or more workers together with no share for each — warned. */
export function unsharedAdvanceWarnings(
  claims: readonly (ClaimChecked & { description?: string })[],
  amounts: readonly { claimId: number; amount: string; shares?: readonly unknown[] }[] | undefined,
  parties: readonly PartyChecked[],
  gone: ReadonlySet<number>,
): string[] {
  const workers = jointClaimWorkers(parties, gone);
  if (workers.length < 2) return [];
  return (amounts ?? []).flatMap((a) => {
    const claim = claims.find((c) => c.id === a.claimId);
    if (!claim || claim.counterclaim || claim.partyId || a.shares?.length) return [];
    const fen = parseMoney(a.amount);
    if (!fen) return [];
    return [
      `请求“${claim.description ?? claim.id}”是申请人${workers.map((w) => w.name).join('、')}共同提出的，裁决先予执行${formatMoney(fen)}元未写明每名申请人先行受领的金额：裁决书只能写“先行向申请人…支付”一笔总额，各人应得多少不明，人民法院难以执行（执行标的须明确：最高人民法院关于人民法院执行工作若干问题的规定（试行）第十六条）；请写明每人先行受领的金额`,
    ];
  });
}
