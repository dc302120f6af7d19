import {
  advanceDeductedWords,
  advanceDismissedWords,
  advanceExcessWords,
  advanceOrdered,
  advancePayerNames,
  advanceSides,
  executedPartyIds,
} from '../workflows/advance-execution.ts';
import { rulingPayerIds } from '../workflows/advance-payers.ts';
import type { MachineContext } from '../workflows/case-machine.ts';
import { chineseDate, chineseNumber } from '../workflows/dates.ts';
import { itemsPart } from '../workflows/finality.ts';
import { equalSharesFen, formatMoney, parseMoney } from '../workflows/identifiers.ts';
import { suspensionItem } from '../workflows/labels.ts';
import { DEFAULT_PAYMENT_DAYS, DEFAULT_PERIODS, periodWords } from '../workflows/periods.ts';
import type { SERVICE_DOCUMENTS } from '../workflows/procedure-types.ts';
import { additionGroundFits } from '../workflows/reference.ts';
import { type StandardsSubject, standardsSubject } from '../workflows/standards-subject.ts';
import type { Block, DocSpec } from './layout.ts';
import { formatBasis, type JointGround, jointGround, suggestedBasis } from './legal-basis.ts';
import { capitalAmount } from './numerals.ts';

/**
 * One builder per document kind: the record of the case → the document's blocks. A document is a view of the record
 * at the act it belongs to: its date is that act's occurredOn (a notice: the acceptance or the scheduling; a decision:
 * the suspension, extension or termination; a ruling; a transfer), or the award's date — never the day it is printed,
 * so the same record always gives the same text. It prints what the record holds and asserts nothing it does not:
 * text the record lacks and the form needs is asked of the arbitrator (422 naming the field), never invented.
 */
export const DOCUMENT_KINDS = {
  acceptance_notice: '受理通知书',
  rejection_notice: '不予受理通知书',
  respond_notice: '应诉通知书',
  hearing_notice: '开庭通知书',
  tribunal_notice: '仲裁庭组成通知书',
  conversion_notice: '转为一般程序处理通知书',
  award: '仲裁裁决书',
  partial_award: '部分裁决书',
  mediation_document: '仲裁调解书',
  mediation_agreement: '调解协议书',
  advance_execution_ruling: '先予执行裁决书',
  court_transfer_letter: '移送函',
  decision: '决定书',
  service_receipt: '送达回证',
  resume_notice: '恢复审理通知书',
  // s62 A #1: the notice to a party added after acceptance (ADD_PARTY; LDMAL Arts. 23, 30; Rules Art. 46(1)).
  addition_notice: '追加当事人通知书',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** The case is not at a point where this document exists (HTTP 409). */
export class NotReadyError extends Error {}
/** Text the template must not invent is missing (HTTP 422). */
export class MissingTextError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** `legalBasis`: the claims whose basis the arbitrator is to write. */
    readonly claimIds?: number[],
  ) {
    super(message);
  }
}
/** The record lacks a fact the document must state (HTTP 422, rule record-incomplete): it is never assumed. */
export class RecordIncompleteError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PartyView {
  id: number;
  kind: 'person' | 'organization';
  name: string;
  idNumber: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  ethnicity?: string | null;
  address: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  legalRepresentativeTitle: string | null;
  /** The employer's economic type (workflows/reference.ts OWNERSHIP_TYPES): `individual` is a 个体工商户. */
  ownership?: string | null;
  agents: { name: string; kind: string; unit: string | null; relationship?: string | null }[];
}

/** The award limit the commission applies (configured periods: `award`, `award_simple`, `extension`), in days. */
export interface AwardLimit {
  days: number;
  extensionDays: number;
}

/** Text supplied with the document request (never invented here). */
export interface RequestText {
  facts?: string;
  reasoning?: string;
  defenseSummary?: string;
  /** The applicant's answer to a merged counterclaim (申请人（被反申请人）针对反申请辩称). */
  counterclaimDefenseSummary?: string;
  matter?: string;
  body?: string;
  court?: string;
  purpose?: string;
  /** The day a correction decision is made (no procedure event records it). */
  decidedOn?: string;
  /**
   * Which document a correction decision corrects (Rules Art. 54: the award's own number, kind and date): a partial
   * award (1-based; absent: the award) and, of one split by finality (LDMAL Art. 47; Rules Art. 50), its final (-1) or
   * non-final (-2) part. Absent, or partly given: the only document that fits.
   */
  corrects?: { partialAward?: number; part?: 'final' | 'non_final' };
  /** Which act of its kind, 1-based (a second suspension, an earlier advance-execution ruling); default the latest. */
  occurrence?: number;
  /** The arbitrator's legal basis per award item, replacing the recorded or suggested list. */
  legalBasis?: { claimId: number; basis: string[] }[];
  /** 送达回证: the party served (受送达人). */
  partyId?: number;
  /** 送达回证: the document served (a SERVE `document`); default the last one recorded as served on the party. */
  servedDocument?: string;
}

/** What the arbitrator wrote with an award or a partial award (ISSUE_AWARD / PARTIAL_AWARD). */
export interface AwardText {
  facts?: string;
  reasoning?: string;
  defenseSummary?: string;
  counterclaimDefenseSummary?: string;
  legalBasis?: Record<number, string[]>;
  /** Issue 17: the calculators' working kept with an item and asked to be printed, per claim id. */
  calculations?: Record<number, string>;
  /**
   * fixL58 #2 (LDMAL Arts. 45–46; by analogy Arbitration Law Art. 37(2)): the tribunal's decision, changed since the last
   * hearing, not to hear again — its reason (the payload's `noRehearing.reason`).
   */
  noRehearing?: string;
}

/** Text the history holds beside the machine context: what the arbitrator wrote with the award, who recorded acts. */
export interface RecordText {
  award?: AwardText;
  /** What was written with each partial award, in the order of ctx.partialAwards. */
  partialAwards?: (AwardText | undefined)[];
  extensionReason?: string | null;
  /**
   * s62 A #2: each EXTEND_TIME_LIMIT's reason with the extension it approved (its day, its days), in the order recorded:
   * the 决定书 of each extension prints its own reason, not the last one recorded.
   */
  extensionReasons?: { approvedOn: string; days: number; reason: string | null }[];
  /**
   * The last day of the award limit as extended, on the case's dates as they now stand (a date correction moves it;
   * workflows/deadlines.ts `extendedLimitDueOn`, legal57b H1); null when unknown or only provisional (a year without the
   * official holiday schedule).
   */
  extensionDueOn?: string | null;
  /**
   * fixD59 #1 (LDMAL Art. 43(1); Rules Art. 47): per suspension, in the order of ctx.suspensions, the last day of the award
   * limit where the suspension began after it (workflows/deadlines.ts `limitRanOutBefore`, the clock SUSPEND's warning
   * judges on), else null: such a suspension deducts nothing, and the parties may sue.
   */
  limitRanOutBefore?: (string | null)[];
  /** Display name of whoever recorded each TRANSFER_TO_COURT, in the order of ctx.transfers. */
  transferRecordedBy?: (string | null)[];
  /**
   * The 决定书 issued (GENERATE_DOCUMENT kind decision, not a draft), in the order generated: the matter and the day
   * the decision was made (its document's date). A receipt carries only a decision made, and names it by its matter.
   */
  decisions?: { matter: string; madeOn?: string; occurrence?: number; decidedOn?: string; corrects?: RequestText['corrects'] }[];
}

export interface DocInput {
  commission: string;
  caseNo: string | null;
  /**
   * legal58b #2: a 决定书 issued again because what it prints changed since it was issued (a date correction, a calendar
   * year loaded, moved the extended limit): the number and the day of issue of the one it replaces.
   */
  replaces?: { caseNo: string | null; issuedOn: string; reissuedOn?: string } | null;
  /** The 不予受理通知书's own number (a rejected application has no case number): `聊劳人仲不字〔2026〕第3号`. */
  rejectionNo?: string | null;
  receivedOn: string;
  applicants: PartyView[];
  respondents: PartyView[];
  /** Third parties (第三人, LDMAL Art. 23): listed after the parties. */
  thirdParties?: PartyView[];
  /**
   * `withdrawn`: given up by a change of claims (Rules Art. 44) — listed and named no more, except by a ruling made on it.
   * `counterclaim`: a claim of the respondent's merged counterclaim (Rules Art. 36), against the applicant.
   */
  claims: {
    id: number;
    seq: number;
    category: string;
    amount: string | null;
    description: string;
    withdrawn?: boolean;
    counterclaim?: boolean;
    /** The employer's claim against a worker (an employer applying, or its counterclaim): the basis suggested differs. */
    byEmployer?: boolean;
    /**
     * The applicant's name where the claim is one applicant's own of several (a worker's in a collective dispute, Rules
     * Art. 62), or, on a counterclaim's, the applicant it is against; absent: the applicants' together.
     */
    applicant?: string;
    /** That applicant's party id (a counterclaim's: whom it is against). */
    applicantId?: number;
  }[];
  /**
   * legal55a #7: the claims a document's dispute is named from (案由), where not every claim still asked for — one
   * document of a split award names its own workers' dispute, not another worker's confirmation of his relationship.
   */
  causeClaims?: DocInput['claims'];
  ctx: MachineContext;
  arbitrators: { displayName: string; presiding: boolean }[];
  /**
   * The names of the arbitrators who sat on the tribunal, by id — the present ones and those replaced after a recusal
   * (`tribunalReplacements`): the history names the tribunal as formed, then each replacement.
   */
  arbitratorNames?: Record<number, string>;
  clerkName: string;
  /** Identity numbers on documents: masked or in full (config). */
  maskIds: boolean;
  /** The intermediate court where the commission sits (LDMAL Art. 49). */
  intermediateCourt?: string;
  /** The award limit of this case as configured (LDMAL Art. 43: 45 days, extended once by at most 15). */
  awardLimit?: AwardLimit;
  /** The mediators assigned to the case (a mediation before arbitration: its agreement is signed by them). */
  mediators?: string[];
  /** The commission's telephone, printed with the contact person on letters (config; optional). */
  contactPhone?: string | null;
  /**
   * 送达回证: the day the document served was made (workflows/rules.ts documentMadeOn): null, not made yet; undefined,
   * no rule for that document (a decision, another document).
   */
  servedDocumentMadeOn?: string | null;
  /**
   * The original respondents' defense period as the case's deadlines hold it (workflows/deadlines.ts `defense`): from
   * the day the copy of the application was received to its last day. Given to a collective case's hearing notice
   * (Rules Art. 65); absent while the copy is not served.
   */
  defenseDue?: { startsOn: string; dueOn: string } | null;
  /**
   * s62: the hearing's 开庭三日前 window to ask for a postponement (LDMAL Art. 35) had closed before its date was set (a
   * short-notice hearing of a simple case, Rules Art. 60; workflows/deadlines.ts `postponementWindow`).
   */
  postponementClosed?: boolean;
  /** s62 B #2: the unit the defense period is counted in (PERIODS_OVERRIDE `defense`; Rules Art. 80: working days). */
  defenseUnit?: 'working' | 'calendar';
  /** How a 调解书 may be served here (workflows/rules.ts mediationDocumentMethods, as configured). */
  mediationDocumentMethods?: readonly string[];
  text: RequestText;
  record: RecordText;
}

const SEX = { male: '男', female: '女' } as const;
const DIGITS = '〇一二三四五六七八九';
/** 0–99 in Chinese numerals (十五, 二十, 三十一) for day counts in running text. */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
const ORDINALS = (n: number) => `${cnNumber(n)}、`;

/**
 * docs52 H1: the name each party goes by on the documents. Parties of one case who share a name (two workers both
 * 张三, a worker and a third party) are told apart the way Chinese legal documents do, by a number in brackets after
 * the name in the order the case lists its parties — 张三（一）、张三（二） — in the party block, the heading, the
 * addressees and each item of the operative part (LDMAL Arts. 46, 51: the award identifies whom it orders paid); a name
 * no other party bears is printed as it is. `parties`: all of the case's, in the case's order.
 */
export function distinctPartyNames(parties: readonly { id: number; name: string }[]): Map<number, string> {
  const count = new Map<string, number>();
  for (const p of parties) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(
    parties.map((p) => {
      if ((count.get(p.name) ?? 0) < 2) return [p.id, p.name];
      const k = (seen.get(p.name) ?? 0) + 1;
      seen.set(p.name, k);
      return [p.id, `${p.name}（${cnNumber(k)}）`];
    }),
  );
}
/**
 * An amount as every document prints it: yuan with two decimals, then its capitals (6000.00元（陆仟元整）) — legal51a L2:
 * an advance-execution ruling recorded "5000" printed "5000元" where the awards print "6000.00元".
 */
const yuan = (amount: string) => {
  const fen = Math.round(Number(amount.replace(/[,，]/g, '')) * 100);
  return `${formatMoney(fen)}元（${capitalAmount(fen)}）`;
};
/** An amount a clerk wrote at the end of a claim's text ("支付拖欠工资8000元", "…共计人民币1.2万元整"). */
const TRAILING_AMOUNT = /[，,\s]*(?:共计|合计|计)?(?:人民币)?(?<![0-9.．])([0-9][0-9,，]*(?:\.[0-9]{1,2})?)\s*(万)?元整?$/u;
/**
 * A claim's text without the total it asks written at its end — only where that is the amount the claim records
 * (`claimed`) — where the document prints an amount itself: the claims list prints it once, a ruling prints what is
 * awarded ("支付拖欠工资8000元8000.00元" read twice, and a partly granted one contradicted itself). Any other figure at
 * the end (a base, a deduction, a part) is the text's own and stays.
 */
function withoutAmount(text: string, claimed: string | null | undefined): string {
  const m = TRAILING_AMOUNT.exec(text);
  if (!m || !claimed) return text;
  const written = Number((m[1] ?? '').replace(/[,，]/g, '')) * (m[2] ? 10_000 : 1);
  if (Math.round(written * 100) !== Math.round(Number(claimed) * 100)) return text;
  const rest = text.slice(0, m.index).trim();
  // A rate, not a total ("差额每月500元", "按每日200元标准"): the text needs its figure.
  if (!rest || /(每[月人天日年周次]|标准为?|按|月薪|月工资为?|日工资为?)$/u.test(rest)) return text;
  return rest;
}
const mask = (s: string | null, on: boolean) => (s && on ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : s);
const names = (ps: PartyView[]) => ps.map((p) => p.name).join('、');
/** How a notice addresses those it is sent to, by their kind and count: 你, 你们, or 你单位 (an organization). */
const you = (ps: PartyView[]) => (ps.length > 1 ? '你们' : ps[0]?.kind === 'organization' ? '你单位' : '你');
const arabicDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** A claim's description as a clause: without the trailing punctuation a clerk may have typed. */
const clause = (s: string) => s.trim().replace(/[。；;，,.\s]+$/u, '');
/**
 * A typed reason as the cause of a suspension or an extension (因…): as typed where it already says 因 / 由于 / 鉴于 at
 * its head, 鉴于… where it says its own 因 after its subject (docs50 L3: 「因申请人因工伤住院治疗」), else 因….
 */
const because = (reason: string) => {
  const r = clause(reason);
  if (/^(因为|因|由于|鉴于)/u.test(r)) return r;
  // Its own 因 right after who it is about (申请人因…, 被申请人法定代表人因…), not one deep in a clause (因人民法院已受理
  // 当事人因逾期…提起的诉讼 reads as it is).
  const own = r.indexOf('因');
  return own > 0 && own <= 8 ? `鉴于${r}` : `因${r}`;
};
/**
 * Free text the arbitrator wrote, printed as a sentence of the document: ended with "。" where it ends without final
 * punctuation (docs51 L1: a 补正决定书 printed 「…应为“二〇二六年”本决定书自送达之日起生效。」); a trailing "；" or "，" is
 * the sentence's end.
 */
export function sentence(text: string): string {
  const t = text.trim().replace(/[；;，,、：:\s]+$/u, '');
  return /[。！？!?.…]$/u.test(t) ? t : `${t}。`;
}
/** "；" between items, "。" after the last one. */
const ending = (i: number, n: number) => (i === n - 1 ? '。' : '；');

/** The dispute's name (案由) from its claims, e.g. 劳动报酬、经济补偿争议; 劳动人事争议 when nothing more is known. */
const CAUSE_WORDS: Record<string, string> = {
  wages: '劳动报酬',
  work_injury_medical: '工伤医疗费',
  economic_compensation: '经济补偿',
  damages: '赔偿金',
  // labor_standards is broad (工作时间、休息休假、社会保险等): named by what its words are about (`standardsSubject`), or
  // not at all — the 案由 comes from the claims that say what they are (an outside tester).
  social_insurance: '社会保险',
  labor_protection: '劳动保护',
  training: '职业培训',
  contract_change: '变更劳动合同',
  confirm_relationship: '确认劳动关系',
  contract: '劳动合同',
};
const SUBJECT_CAUSE_WORDS: Record<StandardsSubject, string> = {
  social_insurance: '社会保险',
  overtime: '工作时间和休息休假',
  annual_leave: '工作时间和休息休假',
};
const causeWord = (c: { category: string; description?: string }): string | undefined => {
  if (c.category !== 'labor_standards') return CAUSE_WORDS[c.category];
  const subject = standardsSubject(c.description);
  return subject ? SUBJECT_CAUSE_WORDS[subject] : undefined;
};
export function caseCause(claims: { category: string; description?: string }[]): string {
  const words = [...new Set(claims.map(causeWord).filter((w): w is string => !!w))];
  return words.length ? `${words.join('、')}争议` : '劳动人事争议';
}

function agentLine(a: PartyView['agents'][number], role: string, party: PartyView): string {
  // An agent is described by what he is (CPL Art. 61 as the rules apply it, Rules Art. 24): the firm's lawyer, the
  // body that assigned or recommended him — not the bare name of a firm or a centre (reviewer docs42 M11).
  const as = (unit: string | null, what: string, tail: RegExp) => (unit ? (tail.test(unit) ? unit : `${unit}${what}`) : what);
  const what: Record<string, () => string> = {
    lawyer: () => as(a.unit, '律师', /律师$/),
    legal_worker: () => as(a.unit, '基层法律服务工作者', /工作者$/),
    // An agent who is a relative says whose relative and how (domain.md §12.3 item 2).
    relative: () => `系${role}${party.name}的${a.relationship ?? '近亲属'}`,
    // The unit as a department of the party (人事部 → …有限公司人事部); one that already names the party is not
    // prefixed with it again (…有限公司…有限公司, reviewer docs44 L1), the party alone is its 工作人员.
    employee: () => {
      const unit = a.unit?.trim();
      if (!unit || unit === party.name) return `${party.name}工作人员`;
      return unit.startsWith(party.name) ? unit : `${party.name}${unit}`;
    },
    union: () => as(a.unit ?? '工会', '推荐的人员', /推荐的人员$/),
    // 法律援助法 Art. 12 [R]: the legal-aid body assigns lawyers, 基层法律服务工作者, volunteers and others — its
    // 法律援助人员; the record does not say which he is (med51 L5: every such agent was printed 指派的律师).
    legal_aid: () => as(a.unit ?? '法律援助机构', '指派的法律援助人员', /指派的(律师|基层法律服务工作者|法律援助人员|法律援助志愿者)$/),
  };
  const desc = what[a.kind]?.() ?? a.unit;
  return `委托代理人：${a.name}${desc ? `，${desc}` : ''}。`;
}

/**
 * Who stands for an organization (LDMAL Art. 28: 法定代表人或者主要负责人): a 个体工商户's operator (经营者) — its
 * economic type `individual`, or the title recorded says so —; a branch's head (负责人) — the title recorded says so,
 * or, the record having no field for it, the name ends as a branch's does (分公司, 分厂, 分店, 支行…: a fair signal of
 * an unincorporated branch, which has no legal representative of its own); otherwise the legal representative.
 */
export function representativeLabel(p: Pick<PartyView, 'name' | 'ownership' | 'legalRepresentativeTitle'>): string {
  const title = p.legalRepresentativeTitle ?? '';
  if (p.ownership === 'individual' || /经营者/.test(title)) return '经营者';
  if (/负责人/.test(title) || /(分公司|分厂|分店|分行|支行|分理处|营业部|办事处)$/.test(p.name)) return '负责人';
  return '法定代表人';
}

function partyLines(role: string, ps: PartyView[], maskIds: boolean): Block[] {
  const out: Block[] = [];
  for (const p of ps) {
    const bits = [`${role}：${p.name}`];
    if (p.kind === 'person') {
      if (p.sex) bits.push(SEX[p.sex]);
      if (p.ethnicity) bits.push(p.ethnicity);
      if (p.birthDate) bits.push(`${arabicDate(p.birthDate)}出生`);
      if (p.address) bits.push(`住${p.address}`);
      if (p.idNumber) bits.push(`公民身份号码${mask(p.idNumber, maskIds)}`);
      out.push({ kind: 'para', text: `${bits.join('，')}。`, indent: true });
    } else {
      if (p.address) bits.push(`住所地${p.address}`);
      if (p.creditCode) bits.push(`统一社会信用代码${p.creditCode}`);
      out.push({ kind: 'para', text: `${bits.join('，')}。`, indent: true });
      if (p.legalRepresentative) {
        const label = representativeLabel(p);
        const title = p.legalRepresentativeTitle && p.legalRepresentativeTitle !== label ? `，${p.legalRepresentativeTitle}` : '';
        out.push({ kind: 'para', text: `${label}：${p.legalRepresentative}${title}。` });
      }
    }
    for (const a of p.agents) out.push({ kind: 'para', text: agentLine(a, role, p) });
  }
  return out;
}

/**
 * A collective dispute (LDMAL Art. 7: ten or more workers with a common claim take part through representatives they
 * elect; Rules Art. 63: three to five) names its representatives after the workers (reviewer docs45 #5): every worker
 * stays listed with his own particulars, so each party is identifiable, and 「申请人代表：甲、乙、丙。」 says who acts
 * for them. Only representatives who are among the applicants, in the order recorded (RECORD_REPRESENTATIVES).
 */
function representativesLine(d: DocInput): Block[] {
  const reps = representativeNames(d);
  return reps.length ? [{ kind: 'para', text: `申请人代表：${reps.join('、')}。` }] : [];
}
/** The representatives of a collective dispute's workers, in the order recorded (RECORD_REPRESENTATIVES), by name. */
function representativeNames(d: DocInput): string[] {
  if (!d.ctx.collective) return [];
  const byId = new Map(d.applicants.map((p) => [p.id, p.name]));
  return d.ctx.representatives.map((id) => byId.get(id)).filter((n): n is string => !!n);
}

/** The parties' heading lines; with a merged counterclaim each side is also named by it (反申请人, 被反申请人). */
const parties = (d: DocInput, withdrawnBy?: string): Block[] => {
  const counters = standing(d).filter((c) => c.counterclaim);
  const counter = counters.length > 0;
  // A counterclaim against named workers makes only them 被反申请人; one against the applicants together, all of them.
  const against = counters.every((c) => c.applicantId) ? new Set(counters.map((c) => c.applicantId)) : null;
  // sec56 #4: in an award made after a worker's application alone was treated as withdrawn (Rules Art. 39), he is named
  // and said to be so — without his identity number or address: the award decides nothing for him.
  const gone = new Map(
    withdrawnBy === undefined
      ? []
      : (d.ctx.deemedWithdrawals ?? []).filter((w) => w.on <= withdrawnBy).map((w) => [w.partyId, w.on] as const),
  );
  return [
    ...d.applicants.flatMap((p): Block[] => {
      const on = gone.get(p.id);
      if (on !== undefined)
        return [{ kind: 'para', text: `申请人：${p.name}（其仲裁申请已于${chineseDate(on)}按撤回仲裁申请处理）。`, indent: true }];
      return partyLines(counter && (!against || against.has(p.id)) ? '申请人（被反申请人）' : '申请人', [p], d.maskIds);
    }),
    ...representativesLine(d),
    ...partyLines(counter ? '被申请人（反申请人）' : '被申请人', d.respondents, d.maskIds),
    ...partyLines('第三人', d.thirdParties ?? [], d.maskIds),
  ];
};

const signatures = (d: DocInput) =>
  d.arbitrators.length === 1
    ? [`仲裁员　${d.arbitrators[0]?.displayName}`]
    : d.arbitrators.map((a) => `${a.presiding ? '首席仲裁员' : '仲裁员'}　${a.displayName}`);

/**
 * "申请人甲与被申请人乙、第三人丙劳动报酬争议一案": a third party (LDMAL Art. 23) takes part in the case and is named
 * with it — those in the case on `on` (the document's act; one added later was not yet), or all of them.
 */
const theCase = (d: DocInput, on?: string) => {
  const third = on ? thirdPartiesAt(d, on) : (d.thirdParties ?? []);
  return `申请人${names(d.applicants)}与被申请人${names(d.respondents)}${third.length ? `、第三人${names(third)}` : ''}${caseCause(d.causeClaims ?? standing(d))}一案`;
};
/** ", 第三人丙" after the other side where a notice names the case to one side (LDMAL Art. 23). */
const thirdTail = (d: DocInput, on: string) => {
  const third = thirdPartiesAt(d, on);
  return third.length ? `、第三人${names(third)}` : '';
};
/** The addressees of a notice or decision that goes to every party: the applicants, respondents and third parties in the case on `on` (LDMAL Art. 23). */
const everyone = (d: DocInput, on: string) =>
  `${[addressed(d, d.applicants), names(d.respondents), names(thirdPartiesAt(d, on))].filter(Boolean).join('、')}：`;

/**
 * More workers than this on a notice's address line are named by the first and their number (周志强等11人): a one-page
 * notice (MOHRSS formats) does not list a collective dispute's workers, the case file and the award do (reviewer
 * docs46 M1).
 */
const ADDRESSEES_LISTED = 5;
/**
 * The applicants a notice is addressed to: by name, or the first and their number when many; in a collective dispute
 * with representatives on record, who they are (LDMAL Art. 7; Rules Art. 63: the representatives act for the workers,
 * and the notice reaches them — reviewer docs46 M2): 「周志强等11人（申请人代表：周志强、吴丽娟、徐海涛）」.
 */
function addressed(d: DocInput, ps: PartyView[]): string {
  const who = ps.length > ADDRESSEES_LISTED ? `${ps[0]?.name}等${ps.length}人` : names(ps);
  const reps = representativeNames(d);
  return reps.length ? `${who}（申请人代表：${reps.join('、')}）` : who;
}
const receivedOn = (d: DocInput) => d.ctx.supplement?.completedOn ?? d.receivedOn;

/** The claims still asked for. */
const standing = (d: DocInput) => d.claims.filter((c) => !c.withdrawn);

/** The applicant's claims (or, `counter`, the counterclaim's) still asked for, numbered. */
function claimsList(d: DocInput, only?: Set<number>, counter = false): Block[] {
  const list = standing(d).filter((c) => (!only || only.has(c.id)) && !!c.counterclaim === counter);
  // One level of brackets: the amount in figures, then its capitals in brackets (no category in nested brackets). One
  // applicant's own claim of several is his by name (a worker's in a collective dispute, Rules Art. 62).
  return list.map((c, i) => ({
    kind: 'para' as const,
    text: `${i + 1}．${c.applicant ? (counter ? `针对申请人${c.applicant}：` : `申请人${c.applicant}：`) : ''}${c.amount ? `${withoutAmount(clause(c.description), c.amount)}，${yuan(c.amount)}` : clause(c.description)}${ending(i, list.length)}`,
  }));
}

type DocClaim = DocInput['claims'][number];
/**
 * "申请人关于A、B的仲裁请求" — `who`, then the claims named by their words, then `what`; claims that are applicants' own
 * of several go by applicant: "申请人张三关于A的仲裁请求、申请人李四关于B的仲裁请求" (twelve workers' "支付拖欠工资"
 * would otherwise read as one).
 */
function about(claims: DocClaim[], who: string, what: string): string {
  const groups = new Map<string, string[]>();
  for (const c of claims) {
    // By the applicant, not the name: two workers of one name are two creditors (docs52 H1).
    const key = c.counterclaim || !c.applicant ? '' : `${c.applicantId ?? ''}:${c.applicant}`;
    groups.set(key, [...(groups.get(key) ?? []), clause(c.description)]);
  }
  return [...groups].map(([key, words]) => `${who}${key.replace(/^[^:]*:/u, '')}关于${words.join('、')}的${what}`).join('、');
}
const claimsOfItems = (d: DocInput, items: { claimId: number }[]): DocClaim[] =>
  items.map((i) => d.claims.find((c) => c.id === i.claimId)).filter((c): c is DocClaim => !!c);

/** A heading and its claims (`claimsList`), or nothing when that side has none among them. */
function claimsBlock(d: DocInput, heading: string, only?: Set<number>, counter = false): Block[] {
  const list = claimsList(d, only, counter);
  return list.length ? [{ kind: 'para', text: heading }, ...list] : [];
}

/** The side was served a hearing notice for the hearing held on `heldOn`; 'public' when only by public notice. */
function noticeServed(d: DocInput, ps: PartyView[], heldOn: string): 'written' | 'public' | null {
  const served = ps.map((p) =>
    d.ctx.services.filter(
      (s) => s.partyId === p.id && (s.document === 'hearing_notice' || s.document === 'postponement_notice') && s.servedOn <= heldOn,
    ),
  );
  if (!ps.length || served.some((s) => s.length === 0)) return null;
  return served.every((s) => s.every((x) => x.method === 'public_notice')) ? 'public' : 'written';
}

/**
 * s60 M1: the respondents of the case on a day — one added on a later day (追加被申请人, ADD_PARTY, Rules Art. 46(1);
 * LDMAL Art. 23) was not yet a party, and a ruling of that day printed again does not name him.
 */
function respondentsAt(d: DocInput, on: string): PartyView[] {
  const added = new Map((d.ctx.partyAdditions ?? []).map((a) => [a.partyId, a.on]));
  return d.respondents.filter((p) => (added.get(p.id) ?? on) <= on);
}

/** The third parties of the case on a day: those added after it (ADD_PARTY, Rules Art. 46(1)) were not yet. */
function thirdPartiesAt(d: DocInput, on: string): PartyView[] {
  const added = new Map((d.ctx.partyAdditions ?? []).map((a) => [a.partyId, a.on]));
  return (d.thirdParties ?? []).filter((p) => (added.get(p.id) ?? on) <= on);
}

/**
 * "向申请人张三支付加班费" / "向申请人张三返还培训费用": the one paid before the verb, so that a name is never run into
 * what is paid (docs53 L3: 「支付申请人李B2025年10月至12月工资」); a claim written as the act asked for (返还培训费用,
 * 支付违约金) reads "向…返还…", not "支付…返还…". (Not 补缴: social insurance is paid to the agency, not to the party.)
 */
const payAct = (payee: string, paid: string): string =>
  /^(支付|返还|退还|赔偿|补偿|给付|补发|偿还)/.test(paid) ? `向${payee}${paid}` : `向${payee}支付${paid}`;

/**
 * One claim of an advance-execution ruling as the ruling orders it (LDMAL Art. 44): who pays — the respondents it names
 * (`obligorIds`, fixK56 #2; docs57 #1: not every respondent), the applicant employer on a worker's counterclaim — and
 * 「先行向申请人…支付…元」; a claim of several workers with shares (fixD57 #2) 「分别先行向申请人甲支付…元、向申请人乙支付…元」,
 * each creditor's sum determined (SPC Enforcement Provisions (2020) Art. 16(1)(4)). The ruling, the award's and the 调解书's
 * history say it in the same words. `applicants`: the case's applicants, whom the shares name.
 */
function advanceClaimOrder(
  d: DocInput,
  ae: MachineContext['advanceExecutions'][number],
  claimId: number,
  applicants: PartyView[] = d.applicants,
): { payer: string; order: string; joint: string; split: string; splitOf: (amounts: readonly string[]) => string } | null {
  const c = d.claims.find((x) => x.id === claimId);
  const x = (ae.amounts ?? []).find((a) => a.claimId === claimId);
  if (!c || !x) return null;
  const applicant = `申请人${c.applicant ?? names(remainingApplicantViews(d))}`;
  // fixD58 #1: several payers answer jointly (`jointLiability`), worded as an award item's (itemObligors, jointlyLiable).
  // s60 M1: the payers resolved when the ruling was made (rulingPayerIds) — never a respondent added after it.
  const payerIds = rulingPayerIds(
    d.ctx,
    d.respondents.map((p) => ({ id: p.id, side: 'respondent' })),
    ae,
  );
  const { performs, jointly } = c.counterclaim
    ? { performs: [], jointly: [] }
    : itemObligors(d.respondents, { ...ae, obligorIds: payerIds });
  const payer = c.counterclaim ? applicant : `被申请人${names(performs)}`;
  const joint = jointlyLiable(jointly, '款项');
  // fixA59: several payers not jointly — by equal shares, worded as an award item's (equalShareWords).
  const split = c.counterclaim ? '' : equalShareWords(performs, jointly, x.amount);
  // s60 A2 #4: a counterclaim's ruling pays the respondents of its day (反申请人) — not one added after it.
  const payee = c.counterclaim ? `被申请人${names(respondentsAt(d, ae.ruledOn))}` : applicant;
  const paid = paidWords(c.description, c.amount, x.amount);
  // The shares of the workers the document names: one of an award split per worker (Rules Art. 50) recites its own.
  const shares = (x.shares ?? []).flatMap((sh) => {
    const p = applicants.find((a) => a.id === sh.partyId);
    return p ? [`${payOrdered(d, c, `申请人${p.name}`, paid)}${yuan(sh.amount)}`] : [];
  });
  // s60 L5: the same words for the sum of several claims the ruling orders together (advanceOrders).
  // s61 A #2: of several sums, each payer's parts of them added up — the parts the ruling printed for each (summedShares).
  const splitOf = (amounts: readonly string[]) =>
    c.counterclaim ? '' : shareWords(performs, jointly, summedShares(amounts, performs.length));
  if (shares.length > 1) return { payer, order: `分别先行${shares.join('、')}`, joint, split, splitOf };
  const order = shares.length === 1 ? `先行${shares[0]}` : `先行${payOrdered(d, c, payee, paid)}${yuan(x.amount)}`;
  return { payer, order, joint, split, splitOf };
}

/** "，裁决被申请人先行向申请人…支付工资6000.00元（…）": what an advance-execution ruling ordered, where the record holds it. */
function advanceOrders(d: DocInput, ae: MachineContext['advanceExecutions'][number], applicants: PartyView[]): string {
  const printed = (ae.amounts ?? []).flatMap((x) => {
    const o = advanceClaimOrder(d, ae, x.claimId, applicants);
    return o ? [{ o, amount: x.amount }] : [];
  });
  const parts = printed.map((p) => p.o);
  if (!parts.length) return '';
  // One payer for the ruling (the rules refuse a ruling mixing a counterclaim with the applicant's claims): named once.
  const orders = parts.map((o, i) => (i > 0 && !o.order.startsWith('分别') ? o.order.replace(/^先行/u, '') : o.order));
  // s60 L5: 上述款项 is every sum named — each payer's part of them, in whole fen; s60 A2 #5: of the sums printed only (an
  // amount whose claim is not found is not named, so not divided). s61 A #2: each payer's part is what the ruling
  // itself ordered him — the sum of his parts of each claim's sum as the ruling printed them (advanceExecution: each
  // claim's order its own split) — not an equal split of the total, which differs where the sums do not divide (100.01
  // and 100.01 over three: the ruling orders the first 33.35 + 33.35, an equal split of 200.02 would say 66.68).
  const split = parts.length > 1 ? (parts[0]?.splitOf(printed.map((p) => p.amount)) ?? '') : (parts[0]?.split ?? '');
  return `，裁决${parts[0]?.payer}${orders.join('、')}${parts[0]?.joint ?? ''}${split}`;
}

/** The procedural history of an award or mediation document (domain.md §12.3 item 3), from the record only, by date. */
/**
 * `partialAwards`: how many of the case's partial awards came before the document's act; `defaultAward`: the act
 * printed is an award made in a party's default (its last hearing was then heard in default).
 */
function history(
  d: DocInput,
  opts: {
    concluded: boolean;
    until: string;
    partialAwards?: number;
    defaultAward?: boolean;
    mediated?: boolean;
    /** fixL58 #2: the reason of the tribunal's decision not to hear again after it changed (`AwardText.noRehearing`). */
    noRehearing?: string;
  },
): string[] {
  const ctx = d.ctx;
  // Rules Arts. 56–60 (domain.md §8.1): a case handled simply says so where it recites its acceptance — also one later
  // converted, which was (reviewer docs45 M3: the award said only 独任仲裁).
  const simple = simpleAtAcceptance(d) ? '，并依照《劳动人事争议仲裁办案规则》第五十六条至第六十条的规定简易处理' : '';
  const out: string[] = [
    `${theCase(d, opts.until)}，本委于${chineseDate(receivedOn(d))}收到仲裁申请，于${chineseDate(ctx.acceptedOn as string)}依法受理${simple}。`,
  ];
  const acts: { on: string; text: string }[] = [];
  // The tribunal, in its place by date (a counterclaim merged before it was formed comes first): as formed, then each
  // arbitrator replaced after a recusal (LDMAL Art. 33; Rules Art. 12) on the day decided — where the names are known.
  const formedOn = ctx.tribunal?.formedOn ?? (ctx.acceptedOn as string);
  const asFormed = tribunalAsFormed(d);
  const members = asFormed?.members ?? d.arbitrators;
  if (members.length === 1) acts.push({ on: formedOn, text: `本委依法指定仲裁员${members[0]?.displayName}独任仲裁。` });
  else if (members.length > 1)
    acts.push({
      on: formedOn,
      text: `本委依法组成仲裁庭，由${members.find((x) => x.presiding)?.displayName}担任首席仲裁员，${members
        .filter((x) => !x.presiding)
        .map((x) => x.displayName)
        .join('、')}担任仲裁员。`,
    });
  for (const r of asFormed?.replacements ?? []) acts.push(r);
  // Rules Art. 61: the conversion to the ordinary procedure, its day and reason, and the tribunal that then sat — the
  // one formed before it goes on (a tribunal formed after it is recited in its place by date).
  const cv = ctx.conversion;
  if (cv) {
    const sitting = ctx.tribunal && ctx.tribunal.formedOn <= cv.on ? d.arbitrators : [];
    const then = sitting.length === 1 ? `，仍由仲裁员${sitting[0]?.displayName}独任仲裁` : sitting.length > 1 ? '，仍由原仲裁庭审理' : '';
    acts.push({
      on: cv.on,
      text: `${conversionReason(cv.reason)}本案不宜简易处理，于${chineseDate(cv.on)}依照《劳动人事争议仲裁办案规则》第六十一条的规定转为按照一般程序处理${then}。`,
    });
  }
  // Rules Arts. 35, 44: the applicant's change of claims — claims added or changed, claims given up (named); Rules Art. 36:
  // the respondent giving up its counterclaim's claims (an act of its own, rules.ts CHANGE_CLAIMS).
  for (const ch of ctx.claimChanges ?? []) {
    const what: string[] = [];
    if (ch.added.length) what.push('增加仲裁请求');
    if (ch.changed.length) what.push('变更仲裁请求');
    const given = ch.withdrawn.map((id) => d.claims.find((c) => c.id === id)).filter((c): c is DocInput['claims'][number] => !!c);
    const counter = ch.by === 'respondent';
    // Claims that are workers' own (Rules Art. 62) are given up by each of them (Art. 63: with his consent): named as
    // the subject, "申请人张三于…放弃关于…的仲裁请求", not as the object of the applicants' act.
    const own = !counter && given.some((c) => c.applicant);
    if (given.length && !own) what.push(`放弃${about(given, '', counter ? '反申请请求' : '仲裁请求')}`);
    if (what.length)
      acts.push({ on: ch.on, text: `${counter ? '被申请人（反申请人）' : '申请人'}于${chineseDate(ch.on)}${what.join('，')}。` });
    if (own) {
      // legal55a 3: one part of a split award (its applicants only, Rules Art. 50) recites its own applicants' waivers —
      // not another worker's, whom its header does not name.
      const present = new Set(d.applicants.map((p) => p.id));
      const by = new Map<string, string[]>();
      for (const c of given.filter((x) => !x.applicantId || present.has(x.applicantId)))
        by.set(c.applicant ?? '', [...(by.get(c.applicant ?? '') ?? []), clause(c.description)]);
      for (const [name, words] of by)
        acts.push({ on: ch.on, text: `申请人${name}于${chineseDate(ch.on)}放弃关于${words.join('、')}的仲裁请求。` });
    }
  }
  for (const s of ctx.suspensions)
    acts.push({
      on: s.from,
      text: `本案${because(s.reason)}，于${chineseDate(s.from)}中止审理${s.to ? `，于${chineseDate(s.to)}恢复审理` : ''}。`,
    });
  // Every extension approved, an earlier one of a period a restart superseded too (Rules Arts. 45–46; legal s46b M1).
  for (const e of [...(ctx.earlierExtensions ?? []), ...(ctx.extension ? [ctx.extension] : [])])
    acts.push({
      on: e.approvedOn,
      text: `经本委主任批准，本案审理期限于${chineseDate(e.approvedOn)}延长${cnNumber(e.days)}日。`,
    });
  // Rules Art. 46(1); LDMAL Arts. 22–23: a party added after acceptance, named as the record has it.
  for (const a of ctx.partyAdditions ?? []) {
    const p = [...d.respondents, ...(d.thirdParties ?? [])].find((x) => x.id === a.partyId);
    if (p)
      acts.push({
        on: a.on,
        text: `本委于${chineseDate(a.on)}依法追加${p.name}为本案${a.side === 'third_party' ? '第三人' : '被申请人'}。`,
      });
  }
  // Rules Art. 36: a counterclaim accepted and heard with the case.
  for (const cc of ctx.counterclaims) {
    const merged = cc.mergedOn ?? cc.filedOn;
    acts.push({
      on: merged,
      text: `被申请人于${chineseDate(cc.filedOn)}提出反申请，本委${merged === cc.filedOn ? '于同日' : `于${chineseDate(merged)}`}受理并与本案合并审理。`,
    });
  }
  const lastHearing = ctx.hearingsHeld.length - 1;
  for (const [i, h] of ctx.hearingsHeld.entries()) {
    const attend: string[] = [];
    // LDMAL Art. 23: the third parties who were in the case that day (one added later was not), where the record says
    // whether they came.
    const third = thirdPartiesAt(d, h.heldOn);
    const thirdCame = third.length && h.thirdPartyPresent !== undefined ? h.thirdPartyPresent : null;
    // 中途退庭 (LDMAL Art. 36; Rules Art. 39): a side that came and left without the tribunal's consent is said so.
    const stayed = { applicant: h.applicantPresent && !h.applicantLeftEarly, respondent: h.respondentPresent && !h.respondentLeftEarly };
    const came = (who: string, present: boolean, left: boolean | undefined, ps: PartyView[]) =>
      left ? `${who}到庭后未经仲裁庭同意中途退庭` : present ? `${who}到庭参加仲裁活动` : absent(who, ps);
    const absent = (who: string, ps: PartyView[]) => {
      // Written notice is asserted only where the record shows the notice served before the hearing.
      const served = noticeServed(d, ps, h.heldOn);
      return served === 'public' ? `${who}经公告送达开庭通知，未到庭` : served ? `${who}经书面通知，未到庭` : `${who}未到庭`;
    };
    // legal54c M1 — attendance party by party (HOLD_HEARING absentParties; LDMAL Art. 36; SPC-1 Art. 19): a side that
    // came with one of it absent — a worker of several, a co-respondent (LDMAL Art. 22(2)) — names who came and who did not.
    const missing = new Set(h.absentParties ?? []);
    const one = (who: string, ps: PartyView[]) => {
      const away = ps.filter((p) => missing.has(p.id));
      const there = ps.filter((p) => !missing.has(p.id));
      return `${who}${there.map((p) => p.name).join('、')}到庭参加仲裁活动，${away.map((p) => absent(`${who}${p.name}`, [p])).join('，')}`;
    };
    const split = {
      applicant: stayed.applicant && d.applicants.some((p) => missing.has(p.id)),
      respondent: stayed.respondent && d.respondents.some((p) => missing.has(p.id)),
    };
    // fixD58 #3 (LDMAL Art. 23): a third party of the case is always accounted for — came, absent, or not recorded.
    const thirdUnknown = third.length > 0 && thirdCame === null;
    if (stayed.applicant && stayed.respondent && !split.applicant && !split.respondent && thirdCame !== false && !thirdUnknown)
      attend.push(thirdCame ? '申请人、被申请人、第三人均到庭参加仲裁活动' : '申请人、被申请人均到庭参加仲裁活动');
    else {
      if (stayed.applicant && stayed.respondent && !split.applicant && !split.respondent) attend.push('申请人、被申请人到庭参加仲裁活动');
      else {
        attend.push(split.applicant ? one('申请人', d.applicants) : came('申请人', h.applicantPresent, h.applicantLeftEarly, d.applicants));
        attend.push(
          split.respondent ? one('被申请人', d.respondents) : came('被申请人', h.respondentPresent, h.respondentLeftEarly, d.respondents),
        );
      }
      if (thirdCame !== null) attend.push(thirdCame ? '第三人到庭参加仲裁活动' : absent('第三人', third));
      else if (thirdUnknown) attend.push('第三人是否到庭未予记录');
      if (!stayed.respondent && i === lastHearing && opts.defaultAward && noticeServed(d, d.respondents, h.heldOn))
        // LDMAL Art. 36(2) (domain.md §5): a respondent notified in writing who does not come may be heard and decided in
        // default (可以缺席裁决) — the article is named, not only "依法".
        attend.push(`仲裁庭依照${DEFAULT_AWARD_BASIS}的规定缺席审理`);
      else if (split.respondent && i === lastHearing && opts.defaultAward) {
        // legal54c M1: one co-respondent absent (LDMAL Arts. 22(2), 36(2)): the default is against him, named.
        const away = d.respondents.filter((p) => missing.has(p.id) && noticeServed(d, [p], h.heldOn));
        if (away.length) attend.push(`仲裁庭依照${DEFAULT_AWARD_BASIS}的规定对被申请人${away.map((p) => p.name).join('、')}缺席审理`);
      }
    }
    // A 仲裁调解书 records that both sides agreed (LDMAL Art. 42): a hearing a party missed is recited without its
    // attendance, which read "未到庭" and then "双方当事人自愿达成如下协议" (reviewer docs42 M10).
    const recited = opts.mediated && !(stayed.applicant && stayed.respondent) ? [] : attend;
    // LDMAL Art. 26: public unless the law or the parties' agreement says otherwise; the record says which.
    acts.push({
      on: h.heldOn,
      text: `仲裁庭于${chineseDate(h.heldOn)}${h.public === false ? '不公开' : '公开'}开庭审理了本案${recited.length ? `，${recited.join('，')}` : ''}。`,
    });
  }
  // legal54c M1 — one worker's application treated as withdrawn while the case went on (LDMAL Art. 36(1); Rules Art. 39;
  // SPC-1 Art. 19): the award recites it, so that it is read as deciding the others' claims only. After the hearings
  // (sec56 #4): on the hearing's own day, he was absent at it first, then deemed withdrawn (a stable sort by day).
  for (const w of ctx.deemedWithdrawals ?? []) {
    const p = d.applicants.find((x) => x.id === w.partyId);
    if (p && !(ctx.closure?.mode === 'deemed_withdrawal' && ctx.closure.closedOn === w.on))
      acts.push({
        on: w.on,
        text: `申请人${p.name}${w.absentNotice?.servedOn ? '经书面通知，无正当理由拒不到庭' : '未到庭'}，本委于${chineseDate(w.on)}决定对其按撤回仲裁申请处理。`,
      });
  }
  for (const m of ctx.mediationHistory)
    acts.push({ on: m.startedOn, text: `仲裁庭于${chineseDate(m.startedOn)}主持调解，双方未能达成调解协议。` });
  // Rulings follow what they were made on: on the day of a hearing, after it.
  // domain.md §9.2 (Zhejiang-Reg Art. 34 [C]; Op-2017 [R]): the award states what was ordered paid in advance.
  for (const ae of ctx.advanceExecutions) {
    const ordered = advanceOrders(d, ae, d.applicants);
    acts.push({
      on: ae.ruledOn,
      text: ae.appliedOn
        ? `申请人于${chineseDate(ae.appliedOn)}申请先予执行，仲裁庭于${chineseDate(ae.ruledOn)}作出先予执行裁决${ordered}。`
        : `仲裁庭于${chineseDate(ae.ruledOn)}依申请人的申请作出先予执行裁决${ordered}。`,
    });
  }
  // LDMAL Art. 43(2): the partial awards made before this document's act (`partialAwards`: how many), named by claim
  // and by their own numbers (第N号之一; reviewer docs44 L8).
  const refs = awardDocumentRefs(ctx, d.caseNo);
  ctx.partialAwards.slice(0, opts.partialAwards ?? 0).forEach((pa, i) => {
    const nos = refs.filter((r) => r.partialAward === i + 1 && r.caseNo).map((r) => r.caseNo);
    const no = nos.length ? `（${numbersOnce(nos)}）` : '';
    acts.push({ on: pa.issuedOn, text: `仲裁庭于${chineseDate(pa.issuedOn)}就${itemsNamed(d, pa.items)}先行作出部分裁决${no}。` });
  });
  // Sorted by day; on the same day, in the order above (a stable sort).
  // The record as it stood at the document's act: nothing after its date.
  out.push(
    ...acts
      .filter((a) => a.on <= opts.until)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      .map((a) => a.text),
  );
  // fixL58 #2 (LDMAL Arts. 45–46; by analogy Arbitration Law Art. 37(2)): a tribunal changed after the last hearing
  // decided not to hear again — the award states the decision and its reason, after the acts it followed.
  if (opts.noRehearing?.trim())
    out.push(`仲裁庭组成人员变更后，仲裁庭决定已进行的审理程序不再重新进行，理由：${clause(opts.noRehearing)}。`);
  if (opts.concluded) out.push('本案现已审理终结。');
  return out;
}

/**
 * The 受理通知书 of an arbitral review (med49 M5): Rules Art. 75 [R] — the commission decides promptly whether to accept
 * a joint application for review and, accepting it, issues a 受理通知书 (domain.md §2.5) —, addressed to both parties
 * (they applied jointly, Art. 74), numbered in the review's 审字 series, dated by ACCEPT_REVIEW; the review ends within
 * 5 days of acceptance, extendable by 5 with the chair's approval (Art. 76).
 */
function reviewAcceptanceNotice(d: DocInput): DocSpec[] {
  const on = d.ctx.review?.acceptedOn;
  if (!on) throw new NotReadyError('仲裁审查申请尚未受理（ACCEPT_REVIEW），不能出具受理通知书');
  return [
    {
      title: DOCUMENT_KINDS.acceptance_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: on,
      blocks: [
        { kind: 'to', text: `${addressed(d, [...d.applicants, ...d.respondents])}：` },
        {
          kind: 'para',
          text: `${reviewApplication(d)}经审查，符合受理条件，依照《劳动人事争议仲裁办案规则》第七十五条之规定，本委决定予以受理。现将有关事项通知如下：`,
        },
        {
          kind: 'para',
          text: '一、本委将指定仲裁员对调解协议进行审查，自受理之日起五日内审查终结；需要延期的，经本委主任批准，可以延长，但延长期限不得超过五日。',
        },
        { kind: 'para', text: '二、调解书送达前，当事人可以撤回仲裁审查申请。' },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

function acceptanceNotice(d: DocInput): DocSpec[] {
  if (d.ctx.track === 'review') return reviewAcceptanceNotice(d);
  if (!d.ctx.acceptedOn) throw new NotReadyError('案件尚未受理，不能出具受理通知书');
  return [
    {
      title: DOCUMENT_KINDS.acceptance_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      // The acceptance decision (ACCEPT).
      dateOn: d.ctx.acceptedOn,
      blocks: [
        { kind: 'to', text: `${addressed(d, d.applicants)}：` },
        {
          kind: 'para',
          text: `${you(d.applicants)}与${names(d.respondents)}${thirdTail(d, d.ctx.acceptedOn)}${caseCause(standing(d))}一案，本委于${chineseDate(receivedOn(d))}收到仲裁申请。经审查，符合受理条件，本委决定予以受理。现将有关事项通知如下：`,
        },
        {
          kind: 'para',
          text: '一、仲裁庭组成情况，本委将另行书面通知；当事人认为仲裁员有法定回避情形的，有权在首次开庭前提出回避申请，回避事由在首次开庭后知道的，也可以在庭审辩论终结前提出。',
        },
        { kind: 'para', text: '二、当事人应当对自己提出的主张提供证据，请在仲裁庭指定的举证期限内提交证据材料。' },
        {
          kind: 'para',
          // LDMAL Art. 43 (45 days, extended once by at most 15), as this commission configured it for this case's
          // procedure (a simple case's own limit where one is set: workflows/periods.ts award_simple).
          text: `三、本案审理期限为自受理之日起${chineseNumber(d.awardLimit?.days ?? 45)}日；案情复杂需要延期的，经本委主任批准，可以延长，但延长期限不得超过${chineseNumber(d.awardLimit?.extensionDays ?? 15)}日。`,
        },
        // Rules Art. 56 (domain.md §8.1): a case handled simply — as it was accepted, even if converted since — is told so.
        ...simpleHandling(d, '四'),
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/** A non-acceptance reason about 仲裁时效 (LDMAL Art. 27), as REJECT warns of it. */
const limitationReason = (reason: string) => /时效/u.test(reason);

function rejectionNotice(d: DocInput): DocSpec[] {
  const r = d.ctx.rejection;
  if (!r) throw new NotReadyError('案件未作不予受理决定，不能出具不予受理通知书');
  return [
    {
      title: DOCUMENT_KINDS.rejection_notice,
      caseNo: d.rejectionNo ?? null,
      commission: d.commission,
      // The decision not to accept (REJECT).
      dateOn: r.decidedOn,
      blocks: [
        { kind: 'to', text: `${addressed(d, d.applicants)}：` },
        {
          kind: 'para',
          text: `${you(d.applicants)}于${chineseDate(receivedOn(d))}提出的与${names(d.respondents)}${caseCause(standing(d))}仲裁申请，经审查，${clause(r.reason)}。`,
        },
        // LDMAL Art. 29; Rules Art. 30 (the conditions of acceptance), Art. 31 (a non-acceptance notice where (1)–(3) of
        // Art. 30 fail): domain.md §12 table, [C]/[S] (reviewer docsfix L4). A reason about 仲裁时效 (recorded by REJECT
        // with a warning) is no ground of Art. 30: limitation is a defense decided by award (LDMAL Art. 27). The notice
        // the applicant is owed (Art. 29) is still made — stating the decision and the reason as recorded, without
        // claiming Rules Arts. 30–31 for it (docs50 observation; domain.md §12).
        limitationReason(r.reason)
          ? { kind: 'para', text: '本委决定不予受理。' }
          : {
              kind: 'para',
              text: '根据《中华人民共和国劳动争议调解仲裁法》第二十九条、《劳动人事争议仲裁办案规则》第三十条、第三十一条的规定，本委决定不予受理。',
            },
        {
          kind: 'para',
          text: `${limitationReason(r.reason) ? '根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，' : ''}${you(d.applicants)}对本不予受理决定不服的，可以就该劳动争议事项向人民法院提起诉讼。`,
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/**
 * s63 A #2: the answer period in force on `on` — a notice's own date — as the arbitrator shortened or cancelled it with
 * the respondent's consent in a simple case (Rules Art. 58: 「简易处理的案件，经与被申请人协商同意，仲裁庭可以缩短或者
 * 取消答辩期」): the days left by the last SHORTEN_DEFENSE_PERIOD dated on or before `on` (0: cancelled), or null, the
 * ordinary ten days (LDMAL Art. 30) — an act after the notice's date does not reach back into a notice served before it,
 * so a notice generated again later reads as when it was issued.
 * A record stored before the acts' days were kept (`defenseShortenings` absent, a period shortened) counts as not
 * shortened on the notice's date: the day of the act is unknown, every notice issued then said 「十日内」 (the template
 * always did), and a document generated again must read as the one served; guessing the act came first could make a
 * served notice read a period it never stated.
 */
function defenseDaysOn(d: DocInput, on: string): number | null {
  return defenseDaysAt(d.ctx, on);
}

/** `defenseDaysOn` of a case's context: also what the document's input computes the last day it states with. */
export function defenseDaysAt(ctx: Pick<DocInput['ctx'], 'defensePeriodDays' | 'defenseShortenings'>, on: string): number | null {
  if (ctx.defensePeriodDays === null) return null;
  return (ctx.defenseShortenings ?? []).filter((x) => x.on <= on).at(-1)?.days ?? null;
}

/**
 * The notice's answer item (LDMAL Art. 30; Rules Arts. 33, 80) with the period `days` (defenseDaysOn), in the words the
 * collective hearing notice uses for a shortened or cancelled period (defenseDueText), addressed to those who consented;
 * the unit the period rule counts in (working or calendar days, as `periodWords`). Cancelled: no answer period — the
 * defense and evidence are to be submitted before the hearing.
 */
function answerWithin(d: DocInput, to: PartyView[], days: number | null): string {
  const late = '逾期未提交答辩书的，不影响仲裁程序的进行。';
  if (days === null) return `请在收到仲裁申请书副本之日起十日内向本委提交答辩书（一式两份）及有关证据；${late}`;
  if (days === 0)
    return `经${you(to)}同意，仲裁庭已取消答辩期（《劳动人事争议仲裁办案规则》第五十八条），请在开庭前向本委提交答辩书（一式两份）及有关证据；${late}`;
  const span = periodWords({ days, unit: d.defenseUnit ?? DEFAULT_PERIODS.defense.unit });
  return `经${you(to)}同意，答辩期缩短为${span}（《劳动人事争议仲裁办案规则》第五十八条），请在收到仲裁申请书副本之日起${span}内向本委提交答辩书（一式两份）及有关证据；${late}`;
}

function respondNotice(d: DocInput): DocSpec[] {
  if (!d.ctx.acceptedOn) throw new NotReadyError('案件尚未受理，不能出具应诉通知书');
  return [
    {
      title: DOCUMENT_KINDS.respond_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      // Sent with the application copy on acceptance (LDMAL Art. 30): dated the acceptance decision.
      dateOn: d.ctx.acceptedOn,
      blocks: [
        { kind: 'to', text: `${names(d.respondents)}：` },
        {
          kind: 'para',
          text: `${addressed(d, d.applicants)}与${you(d.respondents)}${thirdTail(d, d.ctx.acceptedOn)}${caseCause(standing(d))}一案，本委已依法受理。现将仲裁申请书副本送达${you(d.respondents)}，并将有关事项通知如下：`,
        },
        { kind: 'para', text: `一、${answerWithin(d, d.respondents, defenseDaysOn(d, d.ctx.acceptedOn))}` },
        { kind: 'para', text: '二、如提出反申请，应当在答辩期内提出；答辩期满后提出的，应当另行申请仲裁。' },
        { kind: 'para', text: '三、对本委管辖有异议的，应当在答辩期满前书面提出。' },
        { kind: 'para', text: '四、与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供；不提供的，应当承担不利后果。' },
        ...simpleHandling(d, '五'),
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/** "上午九时三十分" from "09:30" (a time of day as the notice writes it). */
export function chineseTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const part = h < 12 ? '上午' : h === 12 ? '中午' : '下午';
  const hour = h > 12 ? h - 12 : h;
  return `${part}${cnNumber(hour)}时${m ? `${cnNumber(m)}分` : ''}`;
}

/**
 * 仲裁庭组成通知书 (LDMAL Art. 32; Rules Art. 37 — the acceptance notice says the composition "本委将另行书面通知"): who
 * sits, and the parties' right to ask for an arbitrator's recusal (LDMAL Art. 33; Rules Art. 11 [S]: before the hearing
 * begins, or before the end of debate where the ground became known later). Dated the formation — or the latest
 * replacement after a recusal, which the parties are told of the same way.
 */
/** The case was handled simply when it was accepted: it still is, or a conversion (Rules Art. 61) came later. */
const simpleAtAcceptance = (d: DocInput) => d.ctx.procedure === 'simple' || !!d.ctx.conversion;
/** Handled simply on `on` (a document is the record at its act): still, or converted only after that day. */
const simpleOn = (d: DocInput, on: string) => d.ctx.procedure === 'simple' || (!!d.ctx.conversion && d.ctx.conversion.on > on);

/**
 * Rules Arts. 56–60 (domain.md §8.1): the parties are told the case is handled simply, and what that changes — a sole
 * arbitrator (Art. 56), the defense period shortened or waived with the respondent's consent (Art. 58), simple means of
 * service except for mediation documents and awards (Art. 59), the periods and procedure set flexibly (Art. 60). In the
 * acceptance notice (to the applicant) and the notice to respond (to the respondent), numbered `n`.
 */
function simpleHandling(d: DocInput, n: string): Block[] {
  if (!simpleAtAcceptance(d)) return [];
  return [
    {
      kind: 'para',
      text: `${n}、本案依照《劳动人事争议仲裁办案规则》第五十六条至第六十条的规定简易处理，可以由一名仲裁员独任仲裁；经被申请人同意，答辩期可以缩短或者取消；仲裁庭可以灵活确定举证期限、开庭日期、审理程序和文书制作形式，并可以采用电话、短信、传真、电子邮件等简便方式送达仲裁文书（调解书、裁决书除外）。`,
    },
  ];
}

/**
 * 转为一般程序处理通知书 (Rules Art. 61; domain.md §8.1): a case handled simply found unsuited to it goes over to the ordinary
 * procedure before its time limit runs out, and the parties are told. The limit still runs from the acceptance; facts
 * both parties confirmed need not be proved again. Dated the conversion.
 */
/**
 * "因案情复杂，": the recorded reason before the notice's own "本案不宜简易处理" — without a 因 or a closing "不宜简易处理"
 * it already carries (reviewer docs44 L7: "因案情复杂，不宜简易处理，本案不宜简易处理"); '' where it says nothing more.
 */
export function conversionReason(reason: string | null | undefined): string {
  const why = clause(reason ?? '')
    .replace(/^(由于|因为|因)/u, '')
    .replace(
      /[，,；;、\s]*(故|因此|所以)?(本案)?(不宜|不适宜|不应|不能|无法)(再|继续)?(简易处理|适用简易程序|按照?简易程序处理|简易程序处理|简易程序)$/u,
      '',
    )
    .replace(/[，,；;、\s]+$/u, '');
  return why ? `因${why}，` : '';
}

function conversionNotice(d: DocInput): DocSpec[] {
  const cv = d.ctx.conversion;
  if (!cv) throw new NotReadyError('本案未转为普通程序，不能出具转为一般程序处理通知书');
  return [
    {
      title: DOCUMENT_KINDS.conversion_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: cv.on,
      blocks: [
        { kind: 'to', text: everyone(d, cv.on) },
        {
          kind: 'para',
          text: `${theCase(d, cv.on)}，本委于${chineseDate(d.ctx.acceptedOn as string)}受理后简易处理。${conversionReason(cv.reason)}本案不宜简易处理，依照《劳动人事争议仲裁办案规则》第六十一条之规定，自${chineseDate(cv.on)}起转为按照一般程序处理。`,
        },
        {
          kind: 'para',
          text: '本案审理期限仍自受理之日起计算。双方当事人已经确认的事实，可以不再进行举证、质证。开庭等其他事项，本委将另行书面通知。',
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/**
 * The days an arbitrator of the tribunal was replaced after a recusal (LDMAL Art. 33; Rules Arts. 11–12), in order: a
 * granted DECIDE_RECUSAL naming a replacement (the machine puts him on the tribunal) and the older RECUSE_ARBITRATOR.
 * Only those since the tribunal's (latest) formation: a re-formed tribunal is a new composition.
 */
export function tribunalReplacements(ctx: DocInput['ctx']): { on: string; arbitratorId: number | null; replacementId: number }[] {
  const t = ctx.tribunal;
  if (!t) return [];
  const decided = (ctx.recusalApplications ?? []).flatMap((r) =>
    r.target.kind === 'arbitrator' && r.decision?.result === 'granted' && r.decision.replacementId !== null
      ? [{ on: r.decision.on, arbitratorId: r.target.userId, replacementId: r.decision.replacementId }]
      : [],
  );
  const recused = (ctx.recusals ?? []).map((r) => ({ on: r.decidedOn, arbitratorId: r.arbitratorId, replacementId: r.replacementId }));
  return [...decided, ...recused].filter((r) => r.on >= t.formedOn).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/**
 * The tribunal as formed and its replacements after a recusal, named (`arbitratorNames`): null when there was none, or
 * a name is not known (the history then names the tribunal as it stands).
 */
function tribunalAsFormed(
  d: DocInput,
): { members: { displayName: string; presiding: boolean }[]; replacements: { on: string; text: string }[] } | null {
  const t = d.ctx.tribunal;
  const rs = tribunalReplacements(d.ctx).filter((r): r is typeof r & { arbitratorId: number } => r.arbitratorId !== null);
  const name = (id: number) => d.arbitratorNames?.[id];
  if (!t || !rs.length) return null;
  // Back from the tribunal as it stands, undoing the replacements latest first.
  let ids = [...t.arbitratorIds];
  let presiding = t.presidingId;
  for (const r of [...rs].reverse()) {
    ids = ids.map((id) => (id === r.replacementId ? r.arbitratorId : id));
    if (presiding === r.replacementId) presiding = r.arbitratorId;
  }
  if ([...ids, ...rs.flatMap((r) => [r.arbitratorId, r.replacementId])].some((id) => !name(id))) return null;
  const members = ids
    .map((id) => ({ displayName: name(id) as string, presiding: id === presiding }))
    .sort((a, b) => Number(b.presiding) - Number(a.presiding));
  const replacements = rs.map((r) => {
    const role = ids.length === 1 ? '独任仲裁员' : presiding === r.arbitratorId ? '首席仲裁员' : '仲裁员';
    // The role the replaced arbitrator had is the one the replacement takes (case-machine.ts DECIDE_RECUSAL).
    ids = ids.map((id) => (id === r.arbitratorId ? r.replacementId : id));
    if (presiding === r.arbitratorId) presiding = r.replacementId;
    return {
      on: r.on,
      text: `本委于${chineseDate(r.on)}决定仲裁员${name(r.arbitratorId)}回避，由${name(r.replacementId)}担任本案${role}。`,
    };
  });
  return { members, replacements };
}

function tribunalNotice(d: DocInput): DocSpec[] {
  const t = d.ctx.tribunal;
  if (!t || !d.arbitrators.length) throw new NotReadyError('本案尚未组成仲裁庭，不能出具仲裁庭组成通知书');
  // Dated the latest replacement after a recusal (DECIDE_RECUSAL granted, or RECUSE_ARBITRATOR), else the formation.
  const replaced = tribunalReplacements(d.ctx)
    .map((r) => ({ decidedOn: r.on }))
    .at(-1);
  const presiding = d.arbitrators.find((x) => x.presiding) ?? d.arbitrators[0];
  const who =
    d.arbitrators.length === 1
      ? `由仲裁员${d.arbitrators[0]?.displayName}独任仲裁`
      : `组成仲裁庭，由${presiding?.displayName}担任首席仲裁员，${d.arbitrators
          .filter((x) => x !== presiding)
          .map((x) => x.displayName)
          .join('、')}担任仲裁员`;
  return [
    {
      title: DOCUMENT_KINDS.tribunal_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: replaced?.decidedOn ?? t.formedOn,
      blocks: [
        { kind: 'to', text: everyone(d, replaced?.decidedOn ?? t.formedOn) },
        {
          kind: 'para',
          text: `${theCase(d, replaced?.decidedOn ?? t.formedOn)}，本委已于${chineseDate(d.ctx.acceptedOn as string)}受理${simpleOn(d, replaced?.decidedOn ?? t.formedOn) ? '，并依照《劳动人事争议仲裁办案规则》第五十六条的规定简易处理' : ''}。依照《中华人民共和国劳动争议调解仲裁法》第三十一条、第三十二条之规定，${replaced ? '因原仲裁员回避，' : ''}本委决定本案${who}。`,
        },
        {
          kind: 'para',
          text: '当事人认为仲裁员有《中华人民共和国劳动争议调解仲裁法》第三十三条规定情形之一的，有权以口头或者书面方式申请其回避。申请回避应当在案件开庭审理前提出，并说明理由；回避事由在案件开庭审理后知道的，也可以在庭审辩论终结前提出。',
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/**
 * docs52 L4: the defense period a collective case's hearing notice restates (Rules Art. 65; LDMAL Art. 30) — its last
 * day where the copy of the application was served by the notice's act (`on`), else the rule.
 */
function defenseDueText(d: DocInput, on: string): string {
  // s62 B #2 (Rules Art. 58: 「简易处理的案件，经与被申请人协商同意，仲裁庭可以缩短或者取消答辩期」): a period the
  // arbitrator shortened or cancelled with the respondent's consent is stated, not the ordinary ten days — s64: as it
  // stood on the notice's own date (`defenseDaysOn`, as the 应诉通知书 states it): a shortening after the notice does
  // not reach back into a notice served before it, and a notice generated again reads as the one served.
  const days = defenseDaysOn(d, on);
  // The last day of that period (app/documents/generate-document.ts `defenseDueAsNoticed`), not of the period as it
  // now is.
  const due = d.defenseDue;
  if (days === 0) return '经被申请人同意，仲裁庭已取消答辩期（《劳动人事争议仲裁办案规则》第五十八条）';
  const span = days === null ? '十日' : `${days}${d.defenseUnit === 'calendar' ? '日' : '个工作日'}`;
  const consent = days === null ? '' : `经被申请人同意，答辩期缩短为${span}（《劳动人事争议仲裁办案规则》第五十八条）；`;
  if (due && due.startsOn <= on) {
    // Each respondent's period runs from his own receipt (LDMAL Art. 30): one receipt day is stated only when every
    // respondent received the copy that day; served on different days, the notice says the rule and the last day the
    // record computes from the last receipt (reviewer s52 M2).
    const firsts = new Set(
      d.ctx.parties
        .filter((p) => p.side === 'respondent')
        .map(
          (p) =>
            d.ctx.services
              .filter((x) => x.partyId === p.id && (x.document === 'application_copy' || x.document === 'respond_notice'))
              .map((x) => x.servedOn)
              .sort()[0],
        )
        .filter((x): x is string => !!x && x <= due.startsOn),
    );
    if (firsts.size <= 1)
      return `${consent}被申请人已于${chineseDate(due.startsOn)}收到仲裁申请书副本，答辩期至${chineseDate(due.dueOn)}止，被申请人应当在此期限内提交答辩书`;
    return `${consent}被申请人应当自各自收到仲裁申请书副本之日起${span}内提交答辩书（最后收到的被申请人于${chineseDate(due.startsOn)}收到，其答辩期至${chineseDate(due.dueOn)}止）`;
  }
  return `${consent}被申请人应当自收到仲裁申请书副本之日起${span}内提交答辩书`;
}

function hearingNotice(d: DocInput): DocSpec[] {
  const h = d.ctx.hearing;
  if (!h) throw new NotReadyError('案件尚未排期开庭，不能出具开庭通知书');
  // The act: the scheduling, or the postponement that moved this hearing to its present date.
  const moved = d.ctx.postponements.filter((p) => p.decidedOn >= h.scheduledOn && p.to === h.hearingOn).at(-1);
  const when = `${chineseDate(h.hearingOn)}${h.time ? chineseTime(h.time) : ''}`;
  const how = h.public === false ? '不公开开庭审理' : '开庭审理';
  return [
    {
      title: DOCUMENT_KINDS.hearing_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: moved?.decidedOn ?? h.scheduledOn,
      blocks: [
        { kind: 'to', text: everyone(d, moved?.decidedOn ?? h.scheduledOn) },
        {
          kind: 'para',
          text: moved
            ? `${theCase(d, moved.decidedOn)}，原定于${chineseDate(moved.from)}开庭审理，因${clause(moved.reason)}，仲裁庭决定改期于${when}在${h.place}${how}。`
            : `${theCase(d, h.scheduledOn)}，仲裁庭定于${when}在${h.place}${how}。`,
        },
        ...(h.public === false
          ? [{ kind: 'para' as const, text: '依照《中华人民共和国劳动争议调解仲裁法》第二十六条的规定，本案不公开审理。' }]
          : []),
        // Rules Art. 65 [R]: a collective case's defense and evidence periods are notified with the hearing, at once.
        ...(d.ctx.collective
          ? [
              {
                kind: 'para' as const,
                // The evidence period as it stood at this notice's act, not one set after it.
                text: `依照《劳动人事争议仲裁办案规则》第六十五条的规定，一并通知如下：${defenseDueText(d, moved?.decidedOn ?? h.scheduledOn)}；${d.ctx.evidence && d.ctx.evidence.setOn <= (moved?.decidedOn ?? h.scheduledOn) ? `举证期限至${chineseDate(d.ctx.evidence.until)}止，当事人应当在此期限内提交证据` : '举证期限由仲裁庭另行指定'}。`,
              },
            ]
          : []),
        {
          kind: 'para',
          text: d.postponementClosed
            ? '请届时准时到庭，并携带身份证明及证据原件。本案简易处理，开庭日期由仲裁庭根据案件情况确定（《劳动人事争议仲裁办案规则》第六十条）；当事人有正当理由申请延期开庭的，应当在收到本通知后及时提出。'
            : '请届时准时到庭，并携带身份证明及证据原件。当事人有正当理由申请延期开庭的，应当在开庭三日前提出。',
        },
        {
          kind: 'para',
          text: '申请人无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以按撤回仲裁申请处理；被申请人无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决。',
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/** The rights notice that goes with the award's finality (LDMAL Arts. 47–50; domain.md §12.3 item 9). */
/** `performs`: the document orders something to be done — where it only dismisses, nothing is there to enforce. */
function rightsNotice(final: boolean, intermediateCourt: string, performs = true): Block[] {
  if (final) {
    return [
      { kind: 'para', text: '本裁决为终局裁决，自作出之日起发生法律效力。' },
      { kind: 'para', text: '劳动者对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼。' },
      {
        kind: 'para',
        text: `用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条第一款规定情形之一的，可以自收到本裁决书之日起三十日内向${intermediateCourt}申请撤销裁决。`,
      },
      ...(performs ? [{ kind: 'para' as const, text: '一方当事人逾期不履行的，另一方当事人可以依法向人民法院申请强制执行。' }] : []),
    ];
  }
  return [
    { kind: 'para', text: '本裁决为非终局裁决。' },
    {
      kind: 'para',
      text: '当事人对本裁决不服的，可以自收到本裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书发生法律效力。',
    },
    ...(performs
      ? [{ kind: 'para' as const, text: '一方当事人逾期不履行发生法律效力的裁决的，另一方当事人可以依法向人民法院申请强制执行。' }]
      : []),
  ];
}

/**
 * The arbitrator's text under a heading the award prints itself (经审理查明：, 本委认为：, 被申请人辩称：): a text that
 * begins with the heading too ("经审理查明，申请人于…") is printed once, not as "经审理查明：经审理查明，…", and the
 * marks between the heading and what follows are the heading's colon alone (not "本委认为：；…" or "：。…"). Empty
 * when nothing but marks follows the heading ("本委认为。").
 */
function afterHeading(heading: string, text: string): string {
  const rest = text.replace(new RegExp(`^\\s*(?:${heading})?[\\s：:，,。.；;、]*`, 'u'), '');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : '';
}

/**
 * The labels an award's parts go by, as an arbitrator or a template may type them as headings (legal51a H2). A label is
 * a heading, never the text under it: 「查明」 or 「认为」 alone are left to the arbitrator (words, if few).
 */
const PART_LABELS = [
  '经审理查明',
  '经审理认定',
  '本委查明',
  '本委认定',
  '仲裁庭查明',
  '仲裁委查明',
  '查明事实',
  '查明的事实',
  '认定事实',
  '事实认定',
  '案件事实',
  '本案事实',
  '基本事实',
  '事实与理由',
  '事实和理由',
  '事实及理由',
  '事实',
  '本委认为',
  '本仲裁委认为',
  '仲裁委认为',
  '仲裁委员会认为',
  '仲裁庭认为',
  '本庭认为',
  '本院认为',
  '本院查明',
  '事实部分',
  '理由部分',
  '裁决理由',
  '本委意见',
  '理由',
  '被申请人辩称',
  '申请人辩称',
  '被反申请人辩称',
  '针对反申请辩称',
  '答辩意见',
  '辩称意见',
  '辩称',
  '答辩',
].sort((x, y) => y.length - x.length);
/** A heading's number (一、 （一） (1) 1． 1. 1、 第一、 ① 第一部分) or a bracket around a label (【】〔〕《》“”). */
const HEADING_MARKS =
  /^(?:[\s：:，,。.；;、·—\-【】〔〕［］[\]《》<>“”"'‘’]+|第?[一二三四五六七八九十]+(?:部分|项|点)?[、，,.．:：)）〕］】\s]|[（(〔［【[][一二三四五六七八九十\d]{1,3}[)）〕］】\]]|\d{1,2}(?:[、.．:：)）\s]|$)|[①-⑳]|第[一二三四五六七八九十]+部分)/u;
/**
 * What follows a label without saying anything (legal51c M1): "如下", a placeholder ("待补充", "略", "（待填写）"), or a
 * topic line of its own ("（一）关于工资" — a line of ≤ 20 characters, no sentence in it, that only names a matter).
 */
const HEADING_FILLERS =
  /^(?:如下|[（(]?(?:待补充|待填写|待完善|待定|略|暂无|此处填写|此处省略)[)）]?|……+|\.{3,}|(?:关于|对于)[^\n。；;，,：:！!？?]{1,20}(?=\n|$))/u;

/**
 * legal51a H2: text of nothing but headings — numbered ("一、案件事实", "（二）本委认为", "〔一〕", "一 案件事实"),
 * bracketed, or the label alone ("本委认为", "事实与理由：", "经审理查明如下："), with placeholders ("待补充") or topic lines
 * ("（一）关于工资") and nothing under them (legal51c M1) — states neither facts nor reasons. LDMAL Art. 46: the award states the claims, the facts
 * found, the reasons and the result; Rules Art. 54 then fixes its text once issued. Such text is asked for again, never
 * printed as "经审理查明：一、案件事实".
 */
export function headingsOnly(text: string): boolean {
  let rest = text;
  for (;;) {
    const before = rest;
    rest = rest.replace(HEADING_MARKS, '');
    const label = PART_LABELS.find((l) => rest.startsWith(l));
    if (label) rest = rest.slice(label.length);
    rest = rest.replace(HEADING_FILLERS, '');
    if (rest === before) break;
  }
  return !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * "经审理查明：…" / "本委认为：…" as printed: a text that says nothing after the heading ("本委认为。") is printed as the
 * heading and one full stop — never "本委认为：。" (a colon before a full stop, a mark doubled).
 */
function headed(heading: string, text: string): string {
  const rest = afterHeading(heading, text);
  return rest ? `${heading}：${sentence(rest)}` : `${heading}${text.includes('…') ? '……' : '。'}`;
}

/** The applicant's answer to a counterclaim typed with a heading of its own (申请人辩称，…) is printed once under the document's. */
function withoutAnswerHeading(text: string): string {
  const rest = text.replace(/^\s*(申请人)?(（被反申请人）)?(针对反申请|对反申请)?辩称[\s：:，,]*/, '');
  return rest.trim() ? rest : text;
}

/**
 * 被申请人辩称: the arbitrator's summary (the request's, else the one written with the award), else the summary recorded
 * with the filed defense; never a placeholder. A respondent who neither answered nor came: `silent`, the sentence saying so.
 */
function defense(d: DocInput, written: AwardText | undefined): string | { silent: string } {
  const given = d.text.defenseSummary ?? written?.defenseSummary;
  // A summary of nothing but the heading ("被申请人辩称。") says nothing: as if none were written — nor does one of
  // headings alone ("（一）答辩意见", "二、被申请人辩称：", legal51a H2): the defense filed or heard is then asked for
  // (422 defenseSummary, below), and a respondent who said nothing is said to (LDMAL Art. 46; Rules Art. 54).
  const said = given && !headingsOnly(given) ? afterHeading('被申请人辩称', given) : '';
  if (said) return clause(said);
  const filed = d.ctx.defenses;
  const recorded = filed
    .map((x) => (x.summary && !headingsOnly(x.summary) ? afterHeading('被申请人辩称', x.summary) : ''))
    .filter((s) => !!s);
  if (recorded.length) return recorded.map(clause).join('；');
  if (filed.length)
    throw new MissingTextError(
      'defenseSummary',
      `被申请人已于${chineseDate(filed[0]?.filedOn as string)}提交答辩书，裁决书须写明答辩意见（在生成文书时填写，或在作出裁决时一并填写）`,
    );
  const attended = d.ctx.hearingsHeld.some((h) => h.respondentPresent);
  if (attended) throw new MissingTextError('defenseSummary', '被申请人到庭参加了仲裁活动，裁决书须写明其答辩意见（在生成文书时填写）');
  return { silent: silence(d) };
}

/**
 * A respondent who neither answered nor came says nothing: the award states that, without a 辩称 heading (reviewer
 * docs45 L2: not 「被申请人辩称：被申请人未提交书面答辩意见…」). Written notice is asserted only where the record shows the
 * hearing notice served (as the procedural history does, `noticeServed`).
 */
function silence(d: DocInput): string {
  const last = d.ctx.hearingsHeld.at(-1);
  if (!last) return '被申请人未提交书面答辩意见。';
  const served = noticeServed(d, d.respondents, last.heldOn);
  const how = served === 'public' ? '经公告送达开庭通知，' : served ? '经本委书面通知，' : '';
  return `被申请人${how}未到庭，亦未提交书面答辩意见。`;
}

type AwardItemsRecord = NonNullable<MachineContext['award']>;
type AwardItem = AwardItemsRecord['items'][number];

/**
 * What an award item says of the advance-execution rulings made on its claim before it (LDMAL Art. 44; domain.md §9.2,
 * Zhejiang-Reg Art. 34 [C], Op-2017 [R]: the award deals with the part executed in advance and states it). A ruling
 * orders a payment, it is not one: the item still orders the whole amount, names what the rulings ordered paid in
 * advance (已裁决先行支付 — the record holds no executed amounts, workflows/advance-execution.ts), and says that what
 * was executed in advance is deducted when the award is enforced (已先予执行的部分在执行时予以扣减) — never "尚需支付"
 * the rest nor "无需另行支付" (a worker whose ruling was never executed would be left unpaid; reviewer docs43 M7). An
 * amount ordered in advance above the award is stated as a fact; what becomes of it is the arbitrator's to reason.
 * A ruling that named the claim without a recorded amount is named by its day.
 */
function advanceDeducted(adv: AdvanceWithPayers, awarded: number, counterclaim?: boolean): string {
  // legal59a #1: whose debt the advance reduces, named where the case has several respondents (advanceWithPayers).
  // s64 D #1: the words from their one home (workflows/advance-execution.ts), which the award form's warning quotes.
  const deducted = advanceDeductedWords(adv.payers);
  if (!adv.rulings.length) return `（本项请求已经本委于${adv.unrecorded.map((r) => chineseDate(r)).join('、')}裁决先予执行，${deducted}）`;
  const when = adv.rulings.map((r) => chineseDate(r)).join('、');
  // docs51 M2: what was executed beyond the amount awarded goes back — 执行回转 (CPL Art. 244, 2023 text [R]; domain.md
  // §9.2). Stated as the consequence of executed sums only: the record holds what was ordered, not what was paid.
  const excess = adv.fen > awarded ? `；${advanceExcessWords(yuan(formatMoney(adv.fen - awarded)), advanceSides(counterclaim)[0])}` : '';
  return `，本委于${when}作出的先予执行裁决已裁决先行支付${yuan(formatMoney(adv.fen))}，${deducted}${excess}`;
}

type AdvanceWithPayers = NonNullable<ReturnType<typeof advanceOrdered>> & { payers?: string };

/**
 * legal59a #1: what the advance-execution rulings ordered paid on a claim (advanceOrdered), with who was ordered to pay
 * (被申请人甲、乙) where the case has two respondents or more — the award item may name other payers or another
 * liability, and the deduction must say whose debt it reduces (LDMAL Art. 44; workflows/advance-payers.ts). One
 * respondent (or a counterclaim, paid by the applicant): nobody else could have paid, nothing is added.
 */
function advanceWithPayers(d: DocInput, claimId: number, on: string): AdvanceWithPayers | null {
  const adv = advanceOrdered(d.ctx, claimId, on);
  const payers = adv && advancePayerNames(d.ctx, d.respondents, claimId, on, d.claims.find((c) => c.id === claimId)?.counterclaim);
  return adv && payers ? { ...adv, payers } : adv;
}

/**
 * docs51 M2: an item dismissed (or awarding nothing) whose claim an advance-execution ruling ordered paid (LDMAL Art.
 * 44): the award says what the ruling ordered and that what was executed under it is returned (执行回转, CPL Art. 244 in
 * the 2023 text [R]; domain.md §9.2: the award deals with the part executed in advance). Null where no ruling named it.
 */
function advanceReturned(d: DocInput, it: AwardItem, issuedOn: string): string | null {
  const claim = d.claims.find((c) => c.id === it.claimId);
  if (!claim) return null;
  if (it.outcome !== 'dismissed' && it.amount && Number(it.amount) > 0) return null;
  const adv = advanceOrdered(d.ctx, it.claimId, issuedOn);
  if (!adv) return null;
  const ordered = adv.rulings.length
    ? `本委于${adv.rulings.map((r) => chineseDate(r)).join('、')}作出的先予执行裁决已裁决先行支付${yuan(formatMoney(adv.fen))}`
    : `已经本委于${adv.unrecorded.map((r) => chineseDate(r)).join('、')}裁决先予执行`;
  // reviewer s54 A M1: a worker's counterclaim paid in advance goes back from the respondent who was paid.
  const whose = claim.counterclaim
    ? `被申请人${names(d.respondents)}关于${clause(claim.description)}的反申请请求`
    : `申请人${claim.applicant ?? ''}关于${clause(claim.description)}的仲裁请求`;
  return `${whose}，${ordered}；${advanceDismissedWords(advanceSides(claim.counterclaim)[0])}。`;
}

/** A period a claim's words give: 自2023年3月1日起, (自|于|在)2023年3月至2025年12月(期间). */
const PERIOD =
  /(?:于|在)?(自?\d{4}年\d{1,2}月(?:\d{1,2}日)?起)|(自|于|在)?(\d{4}年\d{1,2}月(?:\d{1,2}日)?至(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?)(?:期间|止)?/u;
/** What a confirmation may confirm in the claim's own words, once the sides and the period are taken out. */
const RELATION = /^(不)?存在(事实)?劳动(合同)?关系$/u;
const ENDED = /^(的)?劳动(合同|关系)(已)?(于\d{4}年\d{1,2}月\d{1,2}日)?(解除|终止)$/u;
/**
 * 确认申请人X与被申请人Y之间（自…起 / 于…至…期间）存在劳动关系: a confirmation names both sides of the relationship
 * (LCL Art. 7; an outside tester: "确认申请人工人470劳动关系" said with whom nothing), and the period where the claim's
 * words give one — the record holds no start date of its own. The sides as the claim wrote them (申请人张三与被申请人
 * 之间, 与聊城某某公司之间, 双方) give way to the parties' names; words that do not read as a relationship existing or
 * ended ("申请人系被申请人员工") are printed as written, after 确认 — never spliced into a sentence of our own.
 */
export function confirmation(what: string, worker: string, employer: string): string {
  const words = what.replace(/^(请求)?(裁决)?(依法)?确认/, '');
  const m = PERIOD.exec(words);
  const period = !m ? '' : m[1] ? (m[1].startsWith('自') ? m[1] : `自${m[1]}`) : m[2] === '自' ? `自${m[3]}` : `于${m[3]}期间`;
  let rest = m ? words.replace(m[0], '') : words;
  // The worker's side: 申请人 (with a name or not) up to 与/和; or both sides at once (双方).
  rest = rest.replace(/^申请人[^与和，,。；;]{0,20}(?=[与和])/, '').replace(/^双方/, '');
  // The employer's side: 与 + a name up to 之间, or 与被申请人/用人单位, or 与 + a name up to 存在/在/于.
  rest = rest
    .replace(/^[与和][^，,。；;]+?之间/, '')
    .replace(/^[与和](被申请人|用人单位)/, '')
    .replace(/^[与和][^，,。；;在于存]+?(?=存在|在|于)/, '')
    .replace(/^之间/, '');
  if (!rest || /^(事实)?劳动(合同)?关系$/.test(rest)) rest = `存在${rest || '劳动关系'}`;
  if (RELATION.test(rest)) return `确认${worker}与${employer}之间${period}${rest}`;
  // 确认…之间的劳动关系于…解除: the ending the claim names carries its own day.
  if (ENDED.test(rest) && !period) return `确认${worker}与${employer}之间${rest.startsWith('的') ? rest : `的${rest}`}`;
  return `确认${words}`;
}

/**
 * "于本裁决生效之日起十日内": the term to pay. New records carry at least one day (app/event-schemas.ts); a term of 0
 * stored before is printed as what it meant, "于本裁决生效后立即", never "〇日内".
 */
function within(from: string, days: number): string {
  return days > 0 ? `${from}${cnNumber(days)}日内` : `${from.replace(/之日起$/, '后')}立即`;
}

/**
 * legal55a #5: who performs an award item — the respondents it names (`obligorIds`, in their order), else every
 * respondent — and, where the item says they answer jointly (`jointLiability`), the one ordered to perform (the first)
 * and those who answer jointly for it (连带责任: the dispatch agency and the user unit, LCL Art. 92(2); LDMAL Art.
 * 22(2)). The operative wording is the one Chinese awards use: 「被申请人A于本裁决生效之日起十日内向申请人支付…，被申请人B对
 * 上述款项承担连带责任」 — never 「被申请人A、B…支付」, which says neither who pays nor that they answer jointly.
 */
export function itemObligors(
  respondents: PartyView[],
  it: { obligorIds?: number[] | null; jointLiability?: boolean | null; equalShares?: boolean | null },
): { performs: PartyView[]; jointly: PartyView[] } {
  const named = it.obligorIds?.length
    ? it.obligorIds.map((id) => respondents.find((p) => p.id === id)).filter((p): p is PartyView => !!p)
    : [];
  const all = named.length ? named : respondents;
  return it.jointLiability && all.length > 1 ? { performs: all.slice(0, 1), jointly: all.slice(1) } : { performs: all, jointly: [] };
}

/**
 * 「，被申请人B对上述款项承担连带责任」: the one wording of joint liability, an award item's (itemObligors) and an
 * advance-execution ruling's (fixD58 #1); empty where nobody answers jointly. `what`: 款项, or 义务 for an act ordered.
 */
const jointlyLiable = (jointly: PartyView[], what: string): string =>
  jointly.length ? `，被申请人${names(jointly)}对上述${what}承担连带责任` : '';

/**
 * fixU58 #1, fixA59: 「，被申请人A、B各承担上述款项的二分之一」 — several payers ordered a sum, none answering jointly: by
 * equal shares, whether the ruling says so (`equalShares`, 按份) or names no one (joint liability exists only by law or
 * agreement, Civil Code Art. 518(2); shares not determined are equal, Art. 517(2)) — each one's part said, for each to
 * perform and be enforced against. The one wording of an award item's (rulingItem) and an advance ruling's.
 */
const equalShareWords = (performs: PartyView[], jointly: PartyView[], amount: string | null): string => {
  // s60 L5: each one's part in whole fen, summing to the sum ordered — the first named carries what an equal division
  // leaves over (workflows/identifiers.ts equalSharesFen; Civil Code Art. 517(2); a determined sum to enforce, SPC
  // Enforcement Provisions Art. 16(1)(4)).
  const fen = amount === null ? null : parseMoney(amount);
  return shareWords(performs, jointly, fen && fen > 0 ? equalSharesFen(fen, performs.length) : null);
};

/**
 * s61 A #2: each payer's part of several sums each divided by equal shares (equalSharesFen) — his parts added up, in
 * payers' order; null where no sum above 0 is given. The first named carries each sum's fen left over, so the parts
 * stay [first, rest, rest, …] as one sum's.
 */
function summedShares(amounts: readonly string[], n: number): number[] | null {
  const fens = amounts.map((x) => parseMoney(x) ?? 0).filter((f) => f > 0);
  if (!fens.length || n < 1) return null;
  return fens.reduce<number[]>((acc, f) => equalSharesFen(f, n).map((part, k) => part + (acc[k] ?? 0)), []);
}

/** The words of `equalShareWords` for the payers' parts given (`parts`, in fen, in their order); 「各…分之一」 without. */
const shareWords = (performs: PartyView[], jointly: PartyView[], parts: readonly number[] | null): string => {
  if (jointly.length || performs.length < 2) return '';
  const whole = `，被申请人${names(performs)}各承担上述款项的${cnNumber(performs.length)}分之一`;
  if (!parts) return whole;
  const [first = 0, rest = 0] = parts;
  if (first === rest) return `${whole}，即各${yuan(formatMoney(first))}`;
  // s60 A2 #2: a sum not dividing into whole fen — not 「各承担…三分之一」 (which no part printed is), nor how it was
  // divided (Zhongcai's drafting convention, docs/domain.md §1.2): each one's part, in the operative words only.
  const [head, ...others] = performs as [PartyView, ...PartyView[]];
  return `，被申请人${names(performs)}按份承担上述款项，其中被申请人${head.name}承担${yuan(formatMoney(first))}，被申请人${names(others)}${others.length > 1 ? '各' : ''}承担${yuan(formatMoney(rest))}`;
};

/**
 * The words of a claim as a payment ordered on it (an award item, an advance-execution ruling): the claim's text
 * without a total written at its end that is the sum claimed or the sum the document orders paid (fixD58 #1:
 * 「支付两人工资合计6000.00元6000.00元」) — the document prints the amount itself.
 */
function paidWords(description: string, claimed: string | null | undefined, ordered: string): string {
  const what = clause(description);
  const less = withoutAmount(what, claimed);
  return less === what ? withoutAmount(what, ordered) : less;
}

/**
 * fixD57 #3: the joint liability an item orders (`jointLiability`, two obligors or more), as legal-basis.ts reads it —
 * a dispatch agency and the user unit (LCL Art. 92(2)), a contractor and the organization (LCL Art. 94); null else.
 */
function itemJointGround(d: DocInput, it: AwardItem): JointGround | null {
  if (!it.jointLiability || d.claims.find((c) => c.id === it.claimId)?.counterclaim) return null;
  const { performs, jointly } = itemObligors(d.respondents, it);
  return jointly.length ? jointGround([...performs, ...jointly], d.ctx.partyAdditions ?? []) : null;
}

/**
 * The applicants a claim of the workers together is decided for: not one whose application was treated as withdrawn
 * alone (DEEM_WITHDRAWN partyId; LDMAL Art. 36; Rules Art. 39) — the award decides nothing for him (reviewer s55 A H1).
 */
function remainingApplicantViews(d: DocInput): PartyView[] {
  const gone = new Set((d.ctx.deemedWithdrawals ?? []).map((w) => w.partyId));
  const left = d.applicants.filter((p) => !gone.has(p.id));
  return left.length ? left : d.applicants;
}

/** The operative wording of one decided item (裁决主文), or null for an item wholly dismissed. */
function rulingItem(d: DocInput, it: AwardItem, issuedOn?: string): string | null {
  if (it.outcome === 'dismissed') return null;
  const claim = d.claims.find((c) => c.id === it.claimId);
  const what = clause(claim?.description ?? '');
  // The same default the enforcement window counts from (workflows/periods.ts; CPL Art. 250).
  const days = (it as { paymentDays?: number | null }).paymentDays ?? DEFAULT_PAYMENT_DAYS;
  // A counterclaim's item is the respondent's claim: the applicant pays, the respondent's request is supported. One
  // applicant's own claim of several (Rules Art. 62) is paid to him, a counterclaim's against him paid by him.
  const applicant = `申请人${claim?.applicant ?? names(remainingApplicantViews(d))}`;
  // legal55a #5: the respondents the item names perform it; the others named answer jointly (LCL Art. 92(2)).
  const { performs, jointly } = claim?.counterclaim ? { performs: d.respondents, jointly: [] } : itemObligors(d.respondents, it);
  const [payer, payee] = claim?.counterclaim ? [applicant, `被申请人${names(d.respondents)}`] : [`被申请人${names(performs)}`, applicant];
  const joint = (what: string) => jointlyLiable(jointly, what);
  if (it.amount && Number(it.amount) > 0) {
    const paid = paidWords(what, claim?.amount, it.amount);
    const act = payOrdered(d, claim, payee, paid);
    const adv = issuedOn ? advanceWithPayers(d, it.claimId, issuedOn) : null;
    const awarded = Math.round(Number(it.amount) * 100);
    // docs56 #1: a joint claim's sum split among its workers — each paid his own share, named (分别向申请人甲支付…元、
    // 向申请人乙支付…元): whose money it is, and a determined sum for each to enforce (CPL Art. 247).
    const shares = (it.shares ?? []).flatMap((sh) => {
      const p = d.applicants.find((x) => x.id === sh.partyId);
      return p ? [`${payOrdered(d, claim, `申请人${p.name}`, paid)}${yuan(sh.amount)}`] : [];
    });
    const ordered = shares.length > 1 ? `分别${shares.join('、')}` : shares.length === 1 ? shares[0] : `${act}${yuan(it.amount)}`;
    // fixU58 #1, fixA59: several respondents ordered to pay, none answering jointly — never 「被申请人A、B支付」 alone.
    const split = claim?.counterclaim ? '' : equalShareWords(performs, jointly, it.amount);
    return `${payer}${within('于本裁决生效之日起', days)}${ordered}${adv ? advanceDeducted(adv, awarded, claim?.counterclaim) : ''}${joint('款项')}${split}`;
  }
  // A confirmation is ordered as such (确认…), not as "supporting a request" — with the respondents the item names.
  if (!claim?.counterclaim && it.category === 'confirm_relationship')
    return confirmation(what, applicant, `被申请人${names(it.obligorIds?.length ? [...performs, ...jointly] : d.respondents)}`);
  // An act ordered (补缴社会保险费, 出具解除劳动合同证明, 办理档案转移手续): the party obliged, the act and its term —
  // domain.md §12.3 item 8; the term only where the item records one (`paymentDays`, which the enforcement window
  // also counts: workflows/deadlines.ts), none invented for an act.
  const term = (it as { paymentDays?: number | null }).paymentDays;
  const ordered = actOrdered(
    what,
    claim?.counterclaim ? ['申请人', applicantNames(d, claim)] : ['被申请人', d.respondents.map((p) => p.name)],
    claim?.counterclaim ? ['被申请人', d.respondents.map((p) => p.name)] : ['申请人', applicantNames(d, claim)],
    payee,
  );
  if (ordered) return `${payer}${term ? within('于本裁决生效之日起', term) : ''}${ordered}${joint('义务')}`;
  if (claim?.counterclaim) return `支持被申请人关于${what}的反申请请求`;
  return `支持申请人${claim?.applicant ?? ''}关于${what}的仲裁请求`;
}

/** The applicants a claim is of: its own applicant where it names one (Rules Art. 62), else all. */
const applicantNames = (d: DocInput, claim: DocInput['claims'][number] | undefined): string[] =>
  claim?.applicant ? [claim.applicant] : d.applicants.map((p) => p.name);

/** Verbs of an act done to the other party (向…返还), as payAct reads them. */
const TO_VERBS = /^(支付|返还|退还|赔偿|补偿|给付|补发|偿还|交还|归还|移交)/u;

/**
 * "为申请人曲洋补缴2024年1月至2026年9月社会保险费": a claim's words as the act ordered of the party obliged — the
 * request words (请求、依法), the obliged party as the claim wrote it (被申请人, its name, 用人单位) taken off, the
 * party the act is for (为申请人, 向其, 与劳动者) named in full; an act that names none is done for (为) the other party,
 * or to (向) it where the act hands something over (返还, 支付), or with (与) it where it is a contract continued.
 * Null where nothing is left of the words.
 */
function actOrdered(what: string, obliged: [string, string[]], other: [string, string[]], otherFull: string, pay = false): string | null {
  let w = what.replace(/^(请求|要求)?(仲裁委员会|仲裁庭|贵委)?(依法)?(裁决|判令|责令)?(依法)?/u, '');
  const byLength = (xs: string[]) => [...xs].filter(Boolean).sort((a, b) => b.length - a.length);
  const strip = (text: string, [side, people]: [string, string[]], extra: string[]) => {
    for (const p of byLength([...people.map((n) => `${side}${n}`), side, ...people, ...extra]))
      if (text.startsWith(p)) return text.slice(p.length);
    return null;
  };
  w = strip(w, obliged, obliged[0] === '被申请人' ? ['用人单位'] : ['劳动者']) ?? w;
  w = w.replace(/^(应当?|须|必须|依法)+/u, '');
  const others = other[0] === '申请人' ? ['劳动者', '其', '本人'] : ['用人单位', '其'];
  // 给付 is a verb, not 给 + the one paid.
  const to = TO_VERBS.test(w) ? null : /^(为|向|与|给|替)/u.exec(w);
  if (to) {
    const rest = strip(w.slice(1), other, others);
    // Done for someone the claim names otherwise (向社会保险经办机构…): as written.
    if (rest === null) return w;
    return rest ? `${to[1] === '给' ? '向' : to[1] === '替' ? '为' : to[1]}${otherFull}${rest}` : null;
  }
  if (!w) return null;
  const verb = TO_VERBS.exec(w)?.[0];
  if (verb) {
    // 向申请人张三支付工资 / 向被申请人返还借支款: the other named once, in full, before the verb — never "支付申请人李B
    // 2025年…工资", the name run into what is paid (docs53 L3; the form of 「向…支付」 Chinese awards use).
    const rest = strip(w.slice(verb.length), other, others);
    return rest ? `向${otherFull}${verb}${rest}` : `向${otherFull}${w}`;
  }
  if (pay) return `向${otherFull}支付${w}`;
  if (/^(继续履行|恢复|续订|签订)/u.test(w)) return `与${otherFull}${w}`;
  return `为${otherFull}${w}`;
}

/**
 * A payment ordered on a claim (an award item, an advance-execution ruling): "向申请人张三返还培训费用",
 * "申请人张三丰…返还被申请人…借支款" — the claim's words without the party obliged or the one paid as the claim wrote
 * them (reviewer docs44 M5: "支付被申请人…申请人返还借支款"), the one paid named once.
 */
function payOrdered(d: DocInput, claim: DocInput['claims'][number] | undefined, payee: string, paid: string): string {
  const workers: [string, string[]] = ['申请人', applicantNames(d, claim)];
  const employer: [string, string[]] = ['被申请人', d.respondents.map((p) => p.name)];
  const [obliged, other] = claim?.counterclaim ? [workers, employer] : [employer, workers];
  return actOrdered(paid, obliged, other, payee, true) ?? payAct(payee, paid);
}

/** The side an award item is on: the applicant's claims, then the counterclaim's (Rules Art. 36). */
const SIDES = [
  [false, '申请人', '仲裁请求'],
  [true, '被申请人', '反申请请求'],
] as const;

/** "申请人关于…的仲裁请求及被申请人关于…的反申请请求": the claims of some award items, each side's named. */
function itemsNamed(d: DocInput, items: AwardItem[]): string {
  return SIDES.flatMap(([counter, who, what]) => {
    const mine = claimsOfItems(d, items).filter((c) => !!c.counterclaim === counter);
    return mine.length ? [about(mine, who, what)] : [];
  }).join('及');
}

/** LDMAL Art. 36(2): the respondent notified in writing and absent without proper reason — an award in default. */
const DEFAULT_AWARD_BASIS = '《中华人民共和国劳动争议调解仲裁法》第三十六条第二款';
/** LDMAL Art. 43(2) (Rules Art. 49): the part whose facts are clear decided first. */
const PARTIAL_AWARD_BASIS = '《中华人民共和国劳动争议调解仲裁法》第四十三条第二款';

function award(d: DocInput): DocSpec[] {
  const a = d.ctx.award;
  if (!a) throw new NotReadyError('尚未作出裁决（ISSUE_AWARD），不能生成裁决书');
  return awardDocuments(d, a, d.record.award, null);
}

/** 部分裁决书: the partial award the request names (`occurrence`, 1-based; default the latest) — LDMAL Art. 43(2). */
function partialAward(d: DocInput): DocSpec[] {
  const list = d.ctx.partialAwards;
  const index = d.text.occurrence === undefined ? list.length - 1 : d.text.occurrence - 1;
  const a = pick(list, d.text.occurrence, '部分裁决（PARTIAL_AWARD）');
  return awardDocuments(d, a, d.record.partialAwards?.[index], index);
}

/**
 * The award's documents, or a partial award's (`partial`: its index in ctx.partialAwards): one, or two when its items
 * are of both finalities (-1 final, -2 non-final). A partial award decides only its items: it narrates the case as far
 * as it has gone, dismisses what it dismisses by name, and says the other claims are decided later; the final award
 * says which claims earlier partial awards decided.
 */
/**
 * The case's claims as they stood on a day (an award's): given up by then, added or merged by then, worded as then —
 * a partial award regenerated after a later change of claims prints what it decided on, not what came after.
 */
function claimsAsOf(d: DocInput, on: string): DocInput {
  const changes = d.ctx.claimChanges ?? [];
  const given = new Set(changes.filter((c) => c.on <= on).flatMap((c) => c.withdrawn));
  const later = changes.filter((c) => c.on > on);
  const notYet = new Set([
    ...later.flatMap((c) => c.added),
    ...d.ctx.counterclaims.filter((cc) => (cc.mergedOn ?? cc.filedOn) > on).flatMap((cc) => cc.claimIds ?? []),
  ]);
  // The wording a claim had on the day: the `before` of the first change after it.
  const then = new Map<number, { category: string; amount: string | null; description: string }>();
  for (const c of later) for (const x of c.changed) if (!then.has(x.claimId)) then.set(x.claimId, x.before);
  const claims = d.claims
    .filter((c) => !notYet.has(c.id))
    .map((c) => {
      const b = then.get(c.id);
      return {
        ...c,
        withdrawn: given.has(c.id),
        ...(b ? { category: b.category || c.category, amount: b.amount, description: b.description || c.description } : {}),
      };
    });
  return { ...d, claims };
}

function awardDocuments(record: DocInput, a: AwardItemsRecord, written: AwardText | undefined, partial: number | null): DocSpec[] {
  const d = claimsAsOf(record, a.issuedOn);
  const what = partial === null ? '裁决书' : '部分裁决书';
  const facts = d.text.facts ?? written?.facts;
  const reasoning = d.text.reasoning ?? written?.reasoning;
  // legal50a M3: a text of nothing but its heading ("本委认为", "经审理查明：") says nothing — asked for, as an empty one
  // and as the defense summary's heading alone (`defense`), not printed as "本委认为。".
  // legal51a H2: nor does one of headings alone ("一、案件事实", "（二）本委认为") — LDMAL Art. 46.
  if (!facts || !afterHeading('经审理查明', facts) || headingsOnly(facts))
    throw new MissingTextError(
      'facts',
      `${what}的“经审理查明”须由仲裁员撰写查明的事实（在生成文书时填写，或在作出裁决时一并填写；仅有标题的文字不能作为事实部分，劳动争议调解仲裁法第四十六条）`,
    );
  if (!reasoning || !afterHeading('本委认为', reasoning) || headingsOnly(reasoning))
    throw new MissingTextError(
      'reasoning',
      `${what}的“本委认为”须由仲裁员撰写裁决理由（在生成文书时填写，或在作出裁决时一并填写；仅有标题的文字不能作为理由部分，劳动争议调解仲裁法第四十六条）`,
    );
  const isCounter = (it: AwardItem) => d.claims.find((c) => c.id === it.claimId)?.counterclaim === true;
  // 被申请人辩称 answers the applicant's claims: stated where the document decides some of them.
  const defenseText = a.items.some((it) => !isCounter(it)) ? defense(d, written) : null;
  // Rules Art. 36: a counterclaim decided is answered by the applicant; nothing records that answer but the
  // arbitrator's text (the request's, else the one written with the award) — asked for, never invented.
  const counterAnswer = d.text.counterclaimDefenseSummary ?? written?.counterclaimDefenseSummary;
  const decidesCounterclaim = a.items.some(isCounter);
  if (decidesCounterclaim && (!counterAnswer || headingsOnly(counterAnswer)))
    throw new MissingTextError(
      'counterclaimDefenseSummary',
      `${what}裁决被申请人的反申请请求，须写明申请人（被反申请人）针对反申请的答辩意见（在生成文书时填写，或在作出裁决时一并填写）`,
    );
  const intermediateCourt = d.intermediateCourt ?? '聊城市中级人民法院';
  // The procedure as each document recites it, naming the parties it introduces (below).
  const historyOf = (parties: DocInput) =>
    history(parties, {
      concluded: partial === null,
      until: a.issuedOn,
      partialAwards: partial ?? d.ctx.partialAwards.length,
      defaultAward: a.defaultAward === true,
      noRehearing: written?.noRehearing,
    });
  const split = a.finality === 'mixed';
  const groups: { final: boolean; suffix: string; items: AwardItem[] }[] = split
    ? [
        // fixS57: a joint item whose workers' shares differ in finality is in both, each with its own shares
        // (LDMAL Art. 47(1); SPC-1 Art. 19; Rules Art. 50) — each document pays only those workers.
        { final: true, suffix: '-1', items: itemsPart(a.items, true) },
        { final: false, suffix: '-2', items: itemsPart(a.items, false) },
      ]
    : [{ final: a.finality === 'final', suffix: '', items: a.items }];
  // A partial award is a document of its own, numbered after the case with 之一, 之二… (as courts number a later
  // ruling in the same case): never the number of the award or of another partial award.
  const ofPartial = partial === null ? '' : `之${cnNumber(partial + 1)}`;
  const numberOf = (suffix: string) => (d.caseNo ? d.caseNo.replace(/号$/, `${suffix}号${ofPartial}`) : '');
  const requested = new Map((d.text.legalBasis ?? []).map((x) => [x.claimId, x.basis]));
  const byEmployer = (it: AwardItem) => d.claims.find((c) => c.id === it.claimId)?.byEmployer === true;
  // A partial award: the claims still standing that neither it nor an earlier one decided are decided later.
  const decided = new Set(d.ctx.partialAwards.slice(0, (partial ?? -1) + 1).flatMap((x) => x.items.map((i) => i.claimId)));
  // "的其他…" where some of that side's claims are decided by now, "的…" where none is.
  const later =
    partial === null
      ? []
      : SIDES.filter(([counter]) => standing(d).some((c) => !!c.counterclaim === counter && !decided.has(c.id))).map(
          ([counter, who, claims]) =>
            `${who}的${standing(d).some((c) => !!c.counterclaim === counter && decided.has(c.id)) ? '其他' : ''}${claims}`,
        );
  return groups.map((g) => {
    const claimIds = new Set(g.items.map((i) => i.claimId));
    // Of a split award, each document names as applicants those whose claims it decides — all of them where it decides
    // a claim of theirs together (LDMAL Art. 48 binds the worker with a final item; SPC-1 Art. 17: effect worker by
    // worker; Rules Art. 50: each document its own) — in its party block and in its narrative alike (reviewer docs46 M3:
    // 第N-1号 listed one worker, then named another never introduced, 「申请人张三、李秀兰与被申请人…」).
    // fixS57: of a joint item split by its shares, the workers whose shares the document decides.
    const whose = g.items.map((it) =>
      it.shares?.length ? it.shares.map((sh) => sh.partyId) : (claimsOfItems(d, [it])[0]?.applicantId ?? null),
    );
    const onlyOf =
      split && whose.length && whose.every((w) => w !== null)
        ? new Set(whose.flatMap((w) => (Array.isArray(w) ? w : [w as number])))
        : null;
    // legal55a #7: its dispute (案由) is named from its workers' claims — their own and those of all the applicants
    // together — not from another worker's (Rules Art. 50: each document its own; SPC-1 Art. 19: item by item).
    const docParties = onlyOf
      ? {
          ...d,
          applicants: d.applicants.filter((p) => onlyOf.has(p.id)),
          causeClaims: standing(d).filter((c) => c.applicantId === undefined || c.applicantId === null || onlyOf.has(c.applicantId)),
        }
      : d;
    const hist = historyOf(docParties);
    // Legal basis: the arbitrator's list for each item (request, else recorded with the award), else the suggestion.
    const basis = g.items.flatMap(
      (it) =>
        requested.get(it.claimId) ??
        written?.legalBasis?.[it.claimId] ??
        suggestedBasis(it.category, it.outcome, it.final, {
          byEmployer: byEmployer(it),
          description: d.claims.find((c) => c.id === it.claimId)?.description,
          joint: itemJointGround(d, it),
        }),
    );
    // The basis is the arbitrator's to state: none recorded, given or to suggest (a granted claim of category 其他, a
    // counterclaim's) is asked for, never left as "依照之规定" (domain.md §12.3).
    if (!basis.length) {
      const ids = g.items.map((i) => i.claimId);
      throw new MissingTextError(
        'legalBasis',
        `${what}须写明裁决所依据的法律条文，请求 ${ids.map((id) => `“${clause(d.claims.find((c) => c.id === id)?.description ?? String(id))}”`).join('、')} 没有可建议的条文：请写明裁决依据（legalBasis）`,
        ids,
      );
    }
    // Each side's granted items, then what of that side's was not granted, disposed of expressly (domain.md §12.3
    // item 8). A document that decides only some of a side's claims (one of a split award, a partial award, an award
    // after a partial one) names them.
    const named = split || d.ctx.partialAwards.length > 0;
    const orders: string[] = [];
    for (const [counter, who, claims] of SIDES) {
      const items = g.items.filter((it) => isCounter(it) === counter);
      if (!items.length) continue;
      const granted = items.map((it) => rulingItem(d, it, a.issuedOn)).filter((x): x is string => x !== null);
      const rest = items.filter((it) => it.outcome !== 'granted');
      orders.push(...granted);
      if (!rest.length) continue;
      if (named) {
        // A claim wholly dismissed is dismissed as such; of one partly granted, "the rest" (其他) is.
        const wholly = rest.filter((it) => it.outcome === 'dismissed');
        const partly = rest.filter((it) => it.outcome !== 'dismissed');
        if (wholly.length) orders.push(`驳回${about(claimsOfItems(d, wholly), who, claims)}`);
        if (partly.length) orders.push(`驳回${about(claimsOfItems(d, partly), who, `其他${claims}`)}`);
      } else orders.push(granted.length === 0 ? `驳回${who}的全部${claims}` : `驳回${who}的其他${claims}`);
    }
    // docs51 M2: a claim ordered paid in advance and not granted: what the ruling ordered, and its return.
    const returned: Block[] = g.items
      .map((it) => advanceReturned(d, it, a.issuedOn))
      .filter((x): x is string => x !== null)
      .map((text) => ({ kind: 'para', text }));
    const other = groups.find((x) => x !== g);
    // fixS57: a split item is decided in both: the other document's part of it is named by its workers' shares.
    const sharedHere = new Set(
      g.items.filter((it) => it.shares?.length && other?.items.some((o) => o.claimId === it.claimId)).map((it) => it.claimId),
    );
    const sharedNote = other
      ? other.items
          .filter((it) => sharedHere.has(it.claimId))
          .map((it) => {
            const ws = (it.shares ?? []).map((sh) => d.applicants.find((p) => p.id === sh.partyId)?.name).filter((n): n is string => !!n);
            return `${about(claimsOfItems(d, [it]), '申请人', '仲裁请求')}中申请人${ws.join('、')}分得的部分`;
          })
      : [];
    const elsewhere = other
      ? [
          itemsNamed(
            d,
            other.items.filter((it) => !sharedHere.has(it.claimId)),
          ),
          ...sharedNote,
        ]
          .filter(Boolean)
          .join('及')
      : '';
    const crossRef: Block[] =
      split && other && elsewhere
        ? [
            {
              kind: 'para',
              text: `${elsewhere}，本委另行作出${numberOf(other.suffix)}${other.final ? '终局' : '非终局'}${what}。`,
            },
          ]
        : [];
    const rest: Block[] = later.length ? [{ kind: 'para', text: `${later.join('及')}，本委另行裁决。` }] : [];
    // An award made in default (its history says so: the notice proven served) cites LDMAL Art. 36(2) with its basis.
    const inDefault = a.defaultAward === true && hist.some((x) => x.includes(DEFAULT_AWARD_BASIS));
    const cited = [...basis, ...(partial === null ? [] : [PARTIAL_AWARD_BASIS]), ...(inDefault ? [DEFAULT_AWARD_BASIS] : [])];
    return {
      title: partial === null ? DOCUMENT_KINDS.award : DOCUMENT_KINDS.partial_award,
      caseNo: d.caseNo ? numberOf(g.suffix) : null,
      commission: d.commission,
      // The date the award is made (ISSUE_AWARD / PARTIAL_AWARD), which the arbitrator sets.
      dateOn: a.issuedOn,
      blocks: [
        ...parties(docParties, a.issuedOn),
        { kind: 'gap' },
        ...hist.map((t): Block => ({ kind: 'para', text: t })),
        // A partial award recites every claim still asked for (the reader sees what is left); an award, its own.
        ...claimsBlock(d, '申请人请求：', partial === null ? claimIds : undefined),
        ...(defenseText && g.items.some((it) => !isCounter(it))
          ? [{ kind: 'para' as const, text: typeof defenseText === 'string' ? `被申请人辩称：${defenseText}。` : defenseText.silent }]
          : []),
        ...claimsBlock(d, '被申请人反申请请求：', partial === null ? claimIds : undefined, true),
        ...(counterAnswer && g.items.some(isCounter)
          ? [
              {
                kind: 'para' as const,
                text: `申请人（被反申请人）针对反申请辩称：${clause(withoutAnswerHeading(counterAnswer))}。`,
              },
            ]
          : []),
        { kind: 'para', text: headed('经审理查明', facts) },
        { kind: 'para', text: headed('本委认为', reasoning) },
        // The working of a kept calculation, printed in the reasoning when the arbitrator asked (issue 17).
        ...g.items.flatMap((it): Block[] => {
          const w = written?.calculations?.[it.claimId];
          return w ? [{ kind: 'para', text: w }] : [];
        }),
        { kind: 'para', text: `依照${formatBasis(cited)}之规定，${partial === null ? '' : '先行'}裁决如下：` },
        ...orders.map((o, i): Block => ({ kind: 'para', text: `${ORDINALS(i + 1)}${o}${ending(i, orders.length)}` })),
        ...returned,
        ...crossRef,
        ...rest,
        ...rightsNotice(
          g.final,
          intermediateCourt,
          g.items.some((it) => it.outcome !== 'dismissed'),
        ),
      ],
      signatures: signatures(d),
      after: d.clerkName ? [`书记员　${d.clerkName}`] : [],
      certified: '本件与原本核对无异',
    };
  });
}

/**
 * The 仲裁调解书 of an arbitral review (Rules Arts. 74–77): the agreement the mediation organization reached, the joint
 * application, the review, and the terms as confirmed (CONFIRM_AGREEMENT); it takes effect when both parties sign.
 */
function reviewedAgreementDocument(d: DocInput): DocSpec[] {
  const r = d.ctx.review;
  const confirmed = r?.confirmation;
  if (!r || !confirmed) throw new NotReadyError('尚未经审查确认调解协议（CONFIRM_AGREEMENT），不能生成调解书');
  return [
    {
      title: DOCUMENT_KINDS.mediation_document,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: confirmed.on,
      blocks: [
        ...parties(d),
        { kind: 'gap' },
        {
          kind: 'para',
          text: `${theCase(d)}，双方当事人${reached(r.agreement)}于${chineseDate(receivedOn(d))}共同向本委申请仲裁审查。本委于${chineseDate(r.acceptedOn ?? receivedOn(d))}受理后依法进行了审查。`,
        },
        {
          kind: 'para',
          text: '经审查，该调解协议是双方当事人的真实意思表示，内容不违反法律、行政法规的强制性规定，本委予以确认。双方当事人达成的协议如下：',
        },
        ...termsParas(confirmed.terms),
        { kind: 'para', text: '本调解书经双方当事人签收后，即具有法律效力。' },
      ],
      signatures: d.arbitrators.length ? signatures(d) : [],
      after: d.clerkName ? [`书记员　${d.clerkName}`] : [],
      certified: '本件与原本核对无异',
    },
  ];
}

/**
 * The agreed terms as typed, one paragraph per line: "一、…；\n二、…" printed run together lost the items' breaks (new
 * user's walk). Blank lines are dropped; a one-line agreement is one paragraph as before.
 */
/**
 * A line of numbered items split into one per item: after a "；" or "。" where an item's numeral follows; after a "，",
 * "," or a space only where the next number in sequence follows (「…12000元，二、申请人放弃其他仲裁请求。」 was printed
 * as one paragraph, item 二 a continuation line carried flush left to the top of page 2: reviewer docs46b L1).
 */
function splitItems(line: string): string[] {
  const MARK = /(?:(?<=[；;。])\s*|(?<=[，,\s])\s*)(?=([一二三四五六七八九十]+|\d+)[、．.](?!\d))/gu;
  const first = /^\s*([一二三四五六七八九十]+|\d+)/u.exec(line)?.[1] ?? '';
  const value = (n: string) => (/^\d+$/.test(n) ? Number(n) : ([...Array(100).keys()].find((i) => i > 0 && cnNumber(i) === n) ?? -1));
  let expected = value(first) + 1;
  const out: string[] = [];
  let at = 0;
  for (const m of line.matchAll(MARK)) {
    const n = value(m[1] ?? '');
    const hard = /[；;。]/u.test(line[m.index - 1] ?? '') || /[；;。]/u.test(line.slice(0, m.index).trimEnd().at(-1) ?? '');
    if (!hard && n !== expected) continue;
    if (m.index > at) out.push(line.slice(at, m.index).replace(/[，,\s]+$/u, hard ? '' : '；'));
    at = m.index + m[0].length;
    expected = n + 1;
  }
  out.push(line.slice(at));
  return out.map((x) => x.trim()).filter(Boolean);
}

function termsParas(terms: string): { kind: 'para'; text: string }[] {
  // Items typed on one line ("一、…；二、…", "1、…。2、…") are printed one per paragraph too (reviewer docs42 M10): split
  // after a "；" or "。" where the next item's numeral follows — only when the line itself begins with one.
  const ITEM = /^\s*(?:[一二三四五六七八九十]+|\d+)[、．.]/u;
  const lines = terms
    .split(/\r?\n/)
    .flatMap((l) => (ITEM.test(l) ? splitItems(l) : [l]))
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.length ? lines : [terms]).map((text) => ({ kind: 'para' as const, text: closedSentence(text) }));
}

/**
 * An agreed term as typed, ended as a sentence (docs54 L2: printed without a closing 「。」): a term that ends in a
 * character or a closing bracket or quote gets 「。」; one that ends in any punctuation stays exactly as typed — a
 * colon introducing the next lines, an enumeration comma, an ASCII period are the parties' words (reviewer s54 B M1:
 * 「支付下列款项：」 was printed 「…款项。」; Rules Art. 77: the 调解书 matches the agreement).
 */
export function closedSentence(text: string): string {
  const t = text.trimEnd();
  if (!t || /[。；;！？!?…．.：:、，,]$/u.test(t) || /[。！？!?.][”’」』)）]$/u.test(t)) return t;
  return `${t}。`;
}

function mediationDocument(d: DocInput): DocSpec[] {
  // LDMAL Art. 42 makes the 仲裁调解书 of a mediation inside arbitration; one before arbitration ends in an agreement.
  if (d.ctx.trackMediation) throw new NotReadyError('案前调解达成的协议制作调解协议书（劳动争议调解仲裁法第十四条），不制作仲裁调解书');
  // Rules Art. 77: a reviewed agreement found lawful is made into a mediation document matching it.
  if (d.ctx.track === 'review') return reviewedAgreementDocument(d);
  const m = d.ctx.mediation;
  if (!m?.terms || !m.agreedOn) throw new NotReadyError('尚未达成调解协议，不能生成调解书');
  return [
    {
      title: DOCUMENT_KINDS.mediation_document,
      caseNo: d.caseNo,
      commission: d.commission,
      // The day the agreement was reached and the document made (MEDIATION_AGREED).
      dateOn: m.agreedOn,
      blocks: [
        ...parties(d),
        { kind: 'gap' },
        ...history(d, { concluded: false, until: m.agreedOn, partialAwards: d.ctx.partialAwards.length, mediated: true }).map(
          (t): Block => ({ kind: 'para', text: t }),
        ),
        { kind: 'para', text: '申请人请求：' },
        ...claimsList(d),
        ...claimsBlock(d, '被申请人反申请请求：', undefined, true),
        // A case stored before the tribunal was required (a legacy agreement, closed or partly signed) keeps the
        // commission's wording it was signed under; every other one is the tribunal's (the server refuses it without).
        { kind: 'para', text: `本案经${d.arbitrators.length ? '仲裁庭' : '本委'}主持调解，双方当事人自愿达成如下协议：` },
        ...termsParas(m.terms),
        { kind: 'para', text: '本调解书经双方当事人签收后，即具有法律效力。' },
      ],
      // LDMAL Art. 42(3); Rules Art. 73: signed by the arbitrators (the server refuses a new document with no tribunal;
      // a legacy one, already signed or in effect, is reprinted as it was, without a blank name).
      signatures: d.arbitrators.length ? signatures(d) : [],
      after: d.clerkName ? [`书记员　${d.clerkName}`] : [],
      certified: '本件与原本核对无异',
    },
  ];
}

/** Matters on which an unperformed agreement grounds a payment order (LDMAL Art. 16). */
const PAYMENT_ORDER_MATTERS = new Set(['wages', 'work_injury_medical', 'economic_compensation', 'damages']);

/**
 * 调解协议书 of a mediation before arbitration (LDMAL Art. 14): the parties, what was asked, the terms agreed; it takes
 * effect when both parties have signed or sealed it and the mediator has signed it under the organization's seal, so it
 * carries their signature lines. What follows non-performance: arbitration (Art. 15), a payment order (Art. 16).
 */
function mediationAgreement(d: DocInput): DocSpec[] {
  const m = d.ctx.trackMediation;
  if (!m) throw new NotReadyError('调解协议书只用于案前调解；仲裁中达成的调解协议制作仲裁调解书');
  if (!m.terms || !m.agreedOn) throw new NotReadyError('尚未达成调解协议，不能生成调解协议书');
  const paymentOrder = d.claims.some((c) => PAYMENT_ORDER_MATTERS.has(c.category));
  return [
    {
      title: DOCUMENT_KINDS.mediation_agreement,
      caseNo: null,
      commission: d.commission,
      dateOn: m.agreedOn,
      blocks: [
        ...parties(d),
        { kind: 'gap' },
        { kind: 'para', text: `${theCase(d)}，于${chineseDate(d.receivedOn)}申请调解。` },
        { kind: 'para', text: '申请人请求：' },
        ...claimsList(d),
        { kind: 'para', text: '经调解，双方当事人自愿达成如下协议：' },
        ...termsParas(m.terms),
        {
          kind: 'para',
          text: '本调解协议书由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。',
        },
        {
          kind: 'para',
          text: `一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁（《中华人民共和国劳动争议调解仲裁法》第十五条）${
            paymentOrder
              ? '；因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令（同法第十六条）'
              : ''
          }。`,
        },
      ],
      // Each party signs (a collective case: each worker); the mediator signs (LDMAL Art. 14).
      signatures: [
        ...d.applicants.map((p) => `申请人　${p.name}（签名或者盖章）`),
        ...d.respondents.map((p) => `被申请人　${p.name}（签名或者盖章）`),
        // The mediator's name where the record knows it; else a line to sign on, never a bare "调解员".
        `调解员　${(d.mediators ?? []).join('、') || '　　　　（签名）'}`,
      ],
    },
  ];
}

/** The act of its kind the request names (1-based `occurrence`), or the latest. */
function pick<T>(list: T[], occurrence: number | undefined, what: string): T {
  const x = occurrence === undefined ? list.at(-1) : list[occurrence - 1];
  if (!x) throw new NotReadyError(occurrence === undefined ? `本案没有${what}记录` : `本案没有第${occurrence}次${what}记录`);
  return x;
}

function advanceExecution(d: DocInput): DocSpec[] {
  const ae = pick(d.ctx.advanceExecutions, d.text.occurrence, '先予执行裁决（ADVANCE_EXECUTION）');
  // LDMAL Art. 44: the ruling states the two conditions only as recorded, and orders the amounts granted.
  if (ae.rightsClear !== true || ae.lifeSeriouslyAffected !== true)
    throw new RecordIncompleteError(
      ae.rightsClear !== true ? 'rightsClear' : 'lifeSeriouslyAffected',
      '记录未载明先予执行的两项条件（权利义务关系明确；不先予执行将严重影响申请人生活）均已成立，不能出具先予执行裁决书（劳动争议调解仲裁法第四十四条）',
    );
  const amounts = new Map((ae.amounts ?? []).map((x) => [x.claimId, x.amount]));
  const missing = ae.claimIds.filter((id) => !amounts.has(id));
  if (missing.length) throw new RecordIncompleteError('amounts', '记录未载明准予先予执行的金额，不能出具先予执行裁决书');
  // A ruling recorded before its term was required (ADVANCE_EXECUTION `paymentDays`, reviewer docs42 M7) is printed as
  // it was made: the order without a term. LDMAL Art. 44 and Rules Art. 51 fix no term and domain.md §9.2 gives no
  // default, so none is invented (DEFAULT_PAYMENT_DAYS is the award's drafting default, not this ruling's).
  const term = ae.paymentDays === null || ae.paymentDays === undefined ? '' : within('于本裁决书送达之日起', ae.paymentDays);
  // reviewer s54 A H1: a ruling on a respondent worker's counterclaim (LDMAL Art. 44; the rules refuse a ruling mixing
  // it with the employer's claims) — the worker applied and is paid, the applicant employer pays, as the award's items.
  const counter = ae.claimIds.some((id) => d.claims.find((x) => x.id === id)?.counterclaim);
  const worker = counter ? '被申请人（反申请人）' : '申请人';
  // fixK56 #2 (LDMAL Art. 44): the respondents the ruling names pay (`obligorIds`), else every respondent; fixD57 #2: a
  // claim of several workers, each his share (advanceClaimOrder).
  const orders = ae.claimIds.flatMap((id) => {
    const o = advanceClaimOrder(d, ae, id);
    return o ? [`${o.payer}${term}${o.order}${o.joint}${o.split}`] : [];
  });
  return [
    {
      title: DOCUMENT_KINDS.advance_execution_ruling,
      caseNo: d.caseNo,
      commission: d.commission,
      // The ruling (ADVANCE_EXECUTION).
      dateOn: ae.ruledOn,
      blocks: [
        // s60 M1: the parties as they were on the ruling's day — a respondent or third party added later is not named.
        ...parties({ ...d, respondents: respondentsAt(d, ae.ruledOn), thirdParties: thirdPartiesAt(d, ae.ruledOn) }),
        { kind: 'gap' },
        {
          kind: 'para',
          // LDMAL Art. 44 (根据当事人的申请): the day the applicant applied, where recorded.
          text: `${theCase({ ...d, respondents: respondentsAt(d, ae.ruledOn) }, ae.ruledOn)}，本委于${chineseDate(d.ctx.acceptedOn as string)}依法受理。${ae.appliedOn ? `${worker}于${chineseDate(ae.appliedOn)}` : `审理中，${worker}`}向仲裁庭申请先予执行。`,
        },
        {
          kind: 'para',
          text: `仲裁庭经审查认为，本案当事人之间权利义务关系明确，不先予执行将严重影响${worker}的生活，${worker}的申请符合先予执行的条件。`,
        },
        { kind: 'para', text: '依照《中华人民共和国劳动争议调解仲裁法》第四十四条之规定，裁决如下：' },
        ...orders.map((o, i): Block => ({ kind: 'para', text: `${ORDINALS(i + 1)}${o}${ending(i, orders.length)}` })),
        { kind: 'para', text: '本裁决移送人民法院执行。劳动者申请先予执行的，可以不提供担保。' },
      ],
      signatures: signatures(d),
      after: d.clerkName ? [`书记员　${d.clerkName}`] : [],
      // A certified copy like the awards and the 调解书 (reviewer docsfix L4); a draft leaves it out.
      certified: '本件与原本核对无异',
    },
  ];
}

/**
 * What a withdrawal or a deemed withdrawal reaches after partial awards (LDMAL Art. 43(2)): 「除本委…第N号之一部分裁决已裁决
 * 事项（…）以外的」, naming the partial awards made by `on` and what they decided; empty without one.
 */
function beyondPartialAwards(d: DocInput, on: string): { decided: string; partial: boolean } {
  const partial = d.ctx.partialAwards.filter((pa) => pa.issuedOn <= on);
  if (!partial.length) return { decided: '', partial: false };
  const nos = awardDocumentRefs(d.ctx, d.caseNo)
    .filter((r) => r.partialAward !== undefined && r.partialAward <= partial.length && r.caseNo)
    .map((r) => r.caseNo);
  return {
    decided: `除本委${nos.length ? numbersOnce(nos) : ''}部分裁决已裁决事项（${partial.map((pa) => itemsNamed(d, pa.items)).join('；')}）以外的`,
    partial: true,
  };
}

/** 聊劳人仲案字〔2026〕第4-1号、第4-2号: document numbers of one series, the prefix once. */
const numbersOnce = (nos: string[]) => nos.map((no, i) => (i === 0 ? no : no.replace(/^.*?(?=第[^第]*$)/u, ''))).join('、');

/**
 * The documents an enforcement transfer encloses, by their numbers (reviewer docs44 M4): the awards (a partial award as
 * 第N号之一, each part of a split award as 第N-1号、第N-2号) and the 调解书 of a case closed by mediation (LDMAL Art. 51:
 * an award or a 调解书 in effect). Where the record holds neither, the words of the law.
 */
function effectiveDocuments(d: DocInput): string {
  const byTitle = new Map<string, string[]>();
  for (const r of awardDocumentRefs(d.ctx, d.caseNo)) if (r.caseNo) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r.caseNo]);
  if (d.caseNo && d.ctx.closure?.mode === 'mediation' && d.ctx.mediation?.agreedOn)
    byTitle.set(DOCUMENT_KINDS.mediation_document, [d.caseNo]);
  if (!byTitle.size) return '发生法律效力的仲裁裁决书或调解书';
  return [...byTitle].map(([title, nos]) => `${title}　${numbersOnce(nos)}`).join('、');
}

/**
 * 移送函 to the commission a case is transferred to (Rules Art. 9, domain.md §1.3: a case found outside the
 * commission's jurisdiction is transferred to the competent commission, which accepts it; on an upheld objection,
 * Rules Art. 10). Dated the transfer (TRANSFER_CASE, or DECIDE_JURISDICTION_OBJECTION upheld); the parties are told by
 * the 决定书 (matter `transfer`), which the letter encloses with the file (reviewer docs46b M1).
 */
function commissionTransferLetter(d: DocInput, t: NonNullable<DocInput['ctx']['transferOut']>): DocSpec[] {
  const objection = t.onObjection ? decidedObjections(d).findLast((o) => o.decision.result === 'upheld') : undefined;
  const why = objection ? `${objectionText(d, objection)}经审查，异议成立` : `经审查，${clause(t.reason)}，本案不属于本委管辖`;
  const enclosures = ['仲裁申请书及证据材料', '案卷材料目录', `${DOCUMENT_KINDS.decision}（移送管辖）`];
  return [
    {
      title: DOCUMENT_KINDS.court_transfer_letter,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: t.on,
      blocks: [
        { kind: 'to', text: `${t.toCommission}：` },
        {
          kind: 'para',
          text: `${filed(d)}的${theCase(d, t.on)}${d.caseNo ? `（${d.caseNo}）` : ''}，${why}。依照《劳动人事争议仲裁办案规则》第九条${objection ? '、第十条' : ''}之规定，现将本案移送你委处理。`,
        },
        { kind: 'para', text: '随函附送：' },
        ...enclosures.map((e, i): Block => ({ kind: 'para', text: `${i + 1}．${e}${ending(i, enclosures.length)}` })),
        { kind: 'para', text: '请依法受理。' },
        ...(d.contactPhone ? [{ kind: 'para' as const, text: `联系电话：${d.contactPhone}。` }] : []),
      ],
    },
  ];
}

function transferLetter(d: DocInput): DocSpec[] {
  // A case transferred to another commission: the letter goes to it (no court transfer is asked for, none recorded).
  if (d.ctx.transferOut && !d.text.purpose && !d.text.court && !d.ctx.transfers.length)
    return commissionTransferLetter(d, d.ctx.transferOut);
  // The letter belongs to a recorded transfer (TRANSFER_TO_COURT): its purpose, court and day come from the record.
  const candidates = d.ctx.transfers
    .map((t, i) => ({ ...t, recordedBy: d.record.transferRecordedBy?.[i] ?? null }))
    .filter((t) => (!d.text.purpose || t.purpose === d.text.purpose) && (!d.text.court || t.court === d.text.court));
  const t = pick(
    candidates,
    d.text.occurrence,
    d.text.purpose || d.text.court ? '与请求相符的移送（TRANSFER_TO_COURT）' : '移送（TRANSFER_TO_COURT）',
  );
  if (t.purpose === 'advance_execution' && !d.ctx.advanceExecutions.length) throw new NotReadyError('本案没有先予执行裁决');
  const enclosures =
    t.purpose === 'advance_execution'
      ? ['先予执行裁决书', '先予执行裁决书送达回证', '申请人身份证明及被申请人主体信息']
      : t.purpose === 'enforcement'
        ? [effectiveDocuments(d), '送达回证', '生效证明']
        : ['仲裁案卷材料目录', '仲裁裁决书', '送达回证'];
  // fixM58 #3: what the letter says the commission does, as the law has it. An advance-execution ruling is 移送人民法院执行
  // (LDMAL Art. 44); an effective award or 调解书 is enforced on the party's own application to the court (LDMAL Art. 51),
  // which the commission does not transfer — it sends the materials; a suit's file is sent to the court trying it.
  const handOff = {
    advance_execution: '现依法将先予执行裁决移送你院执行。',
    enforcement: '当事人依照《中华人民共和国劳动争议调解仲裁法》第五十一条的规定向你院申请强制执行，现将有关材料函送你院。',
    litigation: '现依法将案件材料（裁审衔接）移送你院。',
  }[t.purpose];
  // fixK56 #2 (LDMAL Arts. 44, 51): the 被执行人 — the parties the ruling or the award orders to pay (obligorIds), every
  // respondent when none is named; case.json `executedPartyIds` lists the same.
  const all = [...d.applicants, ...d.respondents];
  const executed =
    t.purpose === 'litigation'
      ? []
      : executedPartyIds(
          d.ctx,
          [...d.applicants.map((p) => ({ id: p.id, side: 'applicant' })), ...d.respondents.map((p) => ({ id: p.id, side: 'respondent' }))],
          t.purpose,
        )
          .map((id) => all.find((p) => p.id === id))
          .filter((p): p is PartyView => !!p);
  const contact = [t.recordedBy ? `联系人：${t.recordedBy}` : '', d.contactPhone ? `联系电话：${d.contactPhone}` : '']
    .filter(Boolean)
    .join('，');
  return [
    {
      title: DOCUMENT_KINDS.court_transfer_letter,
      caseNo: d.caseNo,
      commission: d.commission,
      // The transfer (TRANSFER_TO_COURT).
      dateOn: t.transferredOn,
      blocks: [
        { kind: 'to', text: `${t.court}：` },
        {
          kind: 'para',
          text: `本委受理的${theCase(d, t.transferredOn)}（${d.caseNo ?? ''}），${handOff}`,
        },
        ...(executed.length ? [{ kind: 'para' as const, text: `被执行人：${names(executed)}。` }] : []),
        { kind: 'para', text: '随函附送：' },
        ...enclosures.map((e, i): Block => ({ kind: 'para', text: `${i + 1}．${e}${ending(i, enclosures.length)}` })),
        { kind: 'para', text: '请依法处理。' },
        ...(contact ? [{ kind: 'para' as const, text: `${contact}。` }] : []),
      ],
    },
  ];
}

/**
 * The clause a termination on another ground cites its basis with (TERMINATE `basis`; fixM58 #4): 「参照…之规定，」 for a
 * rule applied by analogy (written 参照 or 参照适用, kept as written), else 「依照…之规定，」 — whatever verb the arbitrator wrote before it
 * (依照, 根据, 按照, 依据) or none, and whatever 之规定/的规定 or stop after it, printed once.
 */
export function terminationBasis(basis: string): string {
  const text = basis.trim().replace(/(之|的)?规定[。，,；;]?$|[。，,；;]$/u, '');
  return /^参照/u.test(text) ? `${text}之规定，` : `依照${text.replace(/^(依照|根据|按照|依据)/u, '')}之规定，`;
}

/**
 * What a deemed withdrawal's free-text reason adds to the decision's fixed wording (申请人经书面通知无正当理由拒不到庭 /
 * 未经仲裁庭同意中途退庭): the reason without those words where they make a whole clause at its start (with the 且 or
 * 并 that joins what follows) or at its end ('' when it says nothing more). Words that only begin a clause of their
 * own stay: "拒不到庭的理由不成立", "并非不可抗力" (reviewer).
 */
const ABSENCE_WORDS = '(?:申请人|经(?:依法)?书面通知后?|书面通知后|无正当理由|拒不到庭|未到庭|未经仲裁庭同意|中途退庭)';
const CLAUSE_MARK = '[\\s，,、。；;：:]';
const ABSENCE_LEAD = new RegExp(`^${ABSENCE_WORDS}+(?:${CLAUSE_MARK}+(?:并且|且|并)?|$)${CLAUSE_MARK}*`, 'u');
const ABSENCE_TAIL = new RegExp(`${CLAUSE_MARK}+${ABSENCE_WORDS}+${CLAUSE_MARK}*$|${CLAUSE_MARK}+$`, 'u');
/**
 * The commission's own words for itself in a recorded reason: 本委, as its documents say elsewhere — not 「因申请人以仲裁委员会
 * 逾期未作出裁决为由」 (reviewer docs45 L5). Its full name and a bare 仲裁委员会 (本/该/贵… too) become 本委; another
 * commission, named with its place (…市劳动人事争议仲裁委员会), is left as written.
 */
export function asOurCommission(text: string, commission: string): string {
  const own = commission ? text.split(commission).join('本委') : text;
  // Leftmost, longest: a name's whole 劳动人事争议仲裁委员会 is matched at once and kept where a place precedes it.
  return own.replace(/(?:本|该|贵)?(?:劳动人事争议|劳动争议|人事争议)?仲裁委员会/gu, (m, at: number) =>
    /[市县区省州旗盟]/u.test(own[at - 1] ?? '') ? m : '本委',
  );
}

export function absenceAddition(reason: string): string {
  // Clause by clause, until none is left of the fixed wording: "申请人经书面通知，无正当理由拒不到庭" is two clauses of it
  // (reviewer docs45 L1: 「无正当理由拒不到庭（无正当理由拒不到庭）」).
  let rest = reason;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(ABSENCE_LEAD, '').replace(ABSENCE_TAIL, '');
  }
  return rest;
}

/**
 * 恢复审理通知书 (reviewer docs45 #6): a suspension ended (RESUME) is told to the parties in writing as it was decided
 * (domain.md §16 table: 中止/恢复审理通知, Rules Art. 47 [S] — the hearing resumes when the cause of the suspension is
 * gone). It names the suspension's decision and the day the case resumed, and that the award limit runs again from
 * that day, the suspended days not counted (Rules Art. 46; LDMAL Art. 43). Dated the resumption; of several
 * suspensions the one the request names (`occurrence`), or the latest resumed. A suspension not ended has none (409).
 */
function resumeNotice(d: DocInput): DocSpec[] {
  const resumed = d.ctx.suspensions.filter((s): s is typeof s & { to: string } => !!s.to);
  const s =
    d.text.occurrence === undefined
      ? resumed.at(-1)
      : (() => {
          const x = d.ctx.suspensions[d.text.occurrence - 1];
          if (!x) throw new NotReadyError(`本案没有第${d.text.occurrence}次中止审理记录`);
          if (!x.to) throw new NotReadyError(`本案第${d.text.occurrence}次中止审理尚未恢复，不能出具恢复审理通知书`);
          return x as typeof x & { to: string };
        })();
  if (!s) throw new NotReadyError('本案没有恢复审理（RESUME）记录，不能出具恢复审理通知书');
  return [
    {
      title: DOCUMENT_KINDS.resume_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      // The resumption (RESUME).
      dateOn: s.to,
      blocks: [
        { kind: 'to', text: everyone(d, s.to) },
        {
          kind: 'para',
          text: `${theCase(d, s.to)}，本委于${chineseDate(s.from)}${because(s.reason)}，决定中止审理。现中止审理的原因已经消除，依照《劳动人事争议仲裁办案规则》第四十七条之规定，本案自${chineseDate(s.to)}起恢复审理。`,
        },
        {
          kind: 'para',
          text:
            limitRanOut(d, s) ??
            '本案审理期限（《中华人民共和国劳动争议调解仲裁法》第四十三条）自恢复审理之日起继续计算，中止审理期间不计入审理期限（《劳动人事争议仲裁办案规则》第四十六条）。',
        },
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/**
 * Why a party was added (ADD_PARTY `ground`), with the article that makes it a party: the parties to a labor dispute
 * (LDMAL Art. 22; the dispatch agency and the user unit, Art. 22(2)), an unlicensed employer's investors or founding
 * unit (Rules Art. 6), an individual contractor and the organization that contracted out (Rules Art. 7), a third party
 * with an interest in the outcome (LDMAL Art. 23). domain.md §1.2.
 */
const ADDITION_GROUNDS: Record<string, { why: string; basis: string }> = {
  co_respondent: { why: '', basis: '《中华人民共和国劳动争议调解仲裁法》第二十二条' },
  dispatch: { why: '本案涉及劳务派遣，', basis: '《中华人民共和国劳动争议调解仲裁法》第二十二条第二款' },
  unlicensed_employer: { why: '', basis: '《劳动人事争议仲裁办案规则》第六条' },
  contractor: { why: '本案涉及个人承包经营，', basis: '《劳动人事争议仲裁办案规则》第七条' },
  interested_third_party: { why: '', basis: '《中华人民共和国劳动争议调解仲裁法》第二十三条' },
};

/**
 * 追加当事人通知书 (s62 A #1): a party added after acceptance (ADD_PARTY; LDMAL Art. 23; Rules Art. 46(1)) is told in
 * writing that it is a party, of which case, and is served the application as a respondent is (LDMAL Art. 30 — the
 * notice to respond's terms: ten days to answer from receipt, Rules Art. 80 working days; the counterclaim within the
 * answer period, Rules Art. 36; a jurisdiction objection before it ends, Rules Art. 10), or, a third party, that it
 * takes part in the proceedings (LDMAL Art. 23). Both: the award limit restarts from the decision to add (Rules Art.
 * 46(1)), and it may appoint an agent (LDMAL Art. 24). Addressed to the added party alone; dated the decision to add.
 * Of several additions the one the request names (`occurrence`, 1-based), or the latest.
 */
function additionNotice(d: DocInput): DocSpec[] {
  const a = pick(d.ctx.partyAdditions ?? [], d.text.occurrence, '追加当事人（ADD_PARTY）');
  const party = [...d.respondents, ...(d.thirdParties ?? [])].find((p) => p.id === a.partyId);
  if (!party) throw new NotReadyError(`本案没有被追加的当事人（${a.partyId}）`);
  const respondent = a.side === 'respondent';
  // s62 E #1: the basis follows the side — a ground of the other side (recorded before the schema tied them,
  // workflows/reference.ts ADDITION_GROUND_SIDES) or `other` cites the side's own article: a party to the dispute, LDMAL
  // Art. 22; a third party, Art. 23 (never Art. 23 for a respondent).
  const ground =
    (additionGroundFits(a.ground, a.side) ? ADDITION_GROUNDS[a.ground] : undefined) ??
    (respondent
      ? { why: '', basis: '《中华人民共和国劳动争议调解仲裁法》第二十二条' }
      : { why: '', basis: '《中华人民共和国劳动争议调解仲裁法》第二十三条' });
  // The case as it stood when the party was added: the others in it then. s62 E #2: by the order of the additions,
  // not their days — a party added after this one, even the same day, is not named; one never added was there.
  const additions = d.ctx.partyAdditions ?? [];
  const rank = new Map(additions.map((x, i) => [x.partyId, i]));
  const mine = additions.indexOf(a);
  const before = (p: PartyView) => p.id !== party.id && (rank.get(p.id) ?? -1) < mine;
  const others = d.respondents.filter(before);
  const third = (d.thirdParties ?? []).filter(before);
  const named = `申请人${addressed(d, d.applicants)}与被申请人${names(others)}${third.length ? `、第三人${names(third)}` : ''}${caseCause(standing(d))}一案`;
  const accepted = d.ctx.acceptedOn ? `本委已于${chineseDate(d.ctx.acceptedOn)}依法受理` : '本委已依法受理';
  const who = you([party]);
  const items: string[] = respondent
    ? [
        // LDMAL Art. 30; Rules Arts. 33, 80: as the notice to respond says it. s63 A #2: always the ordinary period —
        // a shortening or cancelling (Rules Art. 58) rests on the consent of the respondents then in the case
        // (「经与被申请人协商同意」), which an added respondent did not give, and SHORTEN_DEFENSE_PERIOD names no party;
        // the added respondent's own period is counted in full (workflows/deadlines.ts `defense_added_party`, P.defense),
        // so the notice states the period in force for it on the day it was added: ten days.
        answerWithin(d, [party], null),
        // Rules Art. 36.
        '如提出反申请，应当在答辩期内提出；答辩期满后提出的，应当另行申请仲裁。',
        // Rules Art. 10.
        '对本委管辖有异议的，应当在答辩期满前书面提出。',
      ]
    : [
        // LDMAL Art. 23: the third party takes part in the proceedings; the hearing is notified in writing (Art. 35).
        `${who}作为第三人参加本案仲裁活动，可以向本委提交书面意见及有关证据；开庭的日期、地点，本委将另行书面通知。`,
      ];
  items.push(
    // Rules Art. 46(1).
    '依照《劳动人事争议仲裁办案规则》第四十六条第（一）项之规定，本案审理期限自决定追加当事人之日起重新计算。',
    // LDMAL Art. 24.
    `${who}可以委托代理人参加仲裁活动；委托他人参加仲裁活动的，应当向本委提交有委托人签名或者盖章的委托书，委托书应当载明委托事项和权限。`,
  );
  const numbered = items.map((text, i) => ({ kind: 'para' as const, text: `${cnNumber(i + 1)}、${text}` }));
  // Rules Arts. 56–60: a case handled simply on the day the party was added says so to an added respondent.
  const simple = respondent && simpleOn(d, a.on) ? simpleHandling(d, cnNumber(items.length + 1)) : [];
  return [
    {
      title: DOCUMENT_KINDS.addition_notice,
      caseNo: d.caseNo,
      commission: d.commission,
      // The decision to add (ADD_PARTY).
      dateOn: a.on,
      blocks: [
        { kind: 'to', text: `${party.name}：` },
        {
          kind: 'para',
          text: `${named}，${accepted}。${ground.why}依照${ground.basis}之规定，本委于${chineseDate(a.on)}决定追加${who}为本案${respondent ? '被申请人' : '第三人'}。${respondent ? `现将仲裁申请书副本送达${who}，并将有关事项通知如下：` : '现将有关事项通知如下：'}`,
        },
        ...numbered,
        ...simple,
        { kind: 'para', text: '特此通知。' },
      ],
    },
  ];
}

/**
 * fixD59 #1 (docs59): a suspension begun after the award limit ran out (the record's `limitRanOutBefore`, never worked out
 * here) deducts nothing from it (Rules Art. 47) and nothing "continues" on resumption: the limit ran out that day, and
 * the parties may sue on the dispute (LDMAL Art. 43(1)). Null for a suspension begun within the limit.
 */
function limitRanOut(d: DocInput, s: DocInput['ctx']['suspensions'][number]): string | null {
  const due = d.record.limitRanOutBefore?.[d.ctx.suspensions.indexOf(s)];
  if (!due) return null;
  return `本案审理期限已于${chineseDate(due)}届满，本次中止审理始于审理期限届满之后，中止审理期间不扣除审理期限（《劳动人事争议仲裁办案规则》第四十六条第（六）项）。依照《中华人民共和国劳动争议调解仲裁法》第四十三条第一款之规定，当事人可以依法就该劳动争议事项向人民法院提起诉讼。`;
}

/** 本委于…受理 (or, an application not accepted yet, the day it was received), as the decisions state it. */
const filed = (d: DocInput) =>
  d.ctx.acceptedOn ? `本委于${chineseDate(d.ctx.acceptedOn)}受理` : `本委于${chineseDate(receivedOn(d))}收到仲裁申请`;

type DecidedObjection = DocInput['ctx']['jurisdictionObjections'][number] & {
  decision: NonNullable<DocInput['ctx']['jurisdictionObjections'][number]['decision']>;
};
const decidedObjections = (d: Pick<DocInput, 'ctx'>): DecidedObjection[] =>
  // fixT58 #5: one disposed by the case's transfer (`transferred`) has no decision of its own to print.
  (d.ctx.jurisdictionObjections ?? []).filter((o): o is DecidedObjection => o.decision !== null && o.decision.result !== 'transferred');
/** The party who raised a jurisdiction objection, by side and name. */
function objector(d: DocInput, partyId: number): string {
  const p = [...d.applicants, ...d.respondents, ...(d.thirdParties ?? [])].find((x) => x.id === partyId);
  if (!p) return '当事人';
  return `${d.applicants.includes(p) ? '申请人' : d.respondents.includes(p) ? '被申请人' : '第三人'}${p.name}`;
}
const objectionText = (d: DocInput, o: DecidedObjection) =>
  `${objector(d, o.partyId)}于${chineseDate(o.on)}对本案提出管辖异议，认为${clause(o.grounds)}。`;

/** Rules Art. 75: why a review application is not accepted (REJECT_REVIEW `ground`); `other` says it in the reason. */
const REVIEW_REJECTION_GROUNDS: Record<string, string> = {
  scope: '申请审查的事项不属于劳动人事争议仲裁委员会的受理范围',
  jurisdiction: '本委对该调解协议的仲裁审查申请没有管辖权',
  late: '申请超过了自调解协议生效之日起十五日的申请期限',
  confirms_relationship: '该调解协议的内容涉及确认劳动关系',
  judicially_confirmed: '该调解协议已经人民法院司法确认',
  other: '',
};
/** Rules Art. 78: why no 调解书 is made (REFUSE_CONFIRMATION `ground`); `other` says it in the reason. */
const REVIEW_REFUSAL_GROUNDS: Record<string, string> = {
  unlawful: '违反法律、行政法规的强制性规定',
  harms_interests: '损害国家利益、社会公共利益或者他人合法权益',
  false_evidence: '当事人提供的证据材料有弄虚作假嫌疑',
  involuntary: '违反自愿原则',
  unclear: '内容不明确',
  other: '',
};
/**
 * The ground's standard sentence and the reason typed for it, the reason left out where it only says the ground again
 * (med49 L2: "该调解协议的内容涉及确认劳动关系，协议确认劳动关系。"): most of its character pairs are in the ground.
 */
function groundAndReason(ground: string, reason: string): string {
  const typed = clause(reason);
  if (!ground || !typed) return ground || typed;
  const pairs = [...typed.replace(/[\s，。、；：,.;:]/gu, '')].flatMap((ch, i, xs) => (i + 1 < xs.length ? [`${ch}${xs[i + 1]}`] : []));
  // Half or more (docs50 L3: 「申请超过了…申请期限，申请人未在…十五日内提出仲裁审查申请」 said the ground twice at 0.54).
  const echoed = pairs.length > 0 && pairs.filter((p) => ground.includes(p)).length / pairs.length >= 0.5;
  return echoed ? ground : `${ground}，${typed}`;
}
/** Op-2022 item 1 [S] (domain.md §2.5): after a refusal or non-acceptance the parties may apply for arbitration. */
const AFTER_REVIEW = '当事人可以就调解协议约定的属于劳动人事争议仲裁受理范围的事项依法申请仲裁。';
/**
 * fixD58 #4 (Rules Art. 74): 「于<达成之日>经…调解达成调解协议，」 — the day it was reached where recorded (`agreedOn`), never
 * its effective day in its place: without it, 「经…调解达成调解协议，该协议于<生效之日>生效，」.
 */
const reached = (a: { effectiveOn: string; agreedOn?: string; organization: string }): string =>
  a.agreedOn
    ? `于${chineseDate(a.agreedOn)}经${a.organization}调解达成调解协议，`
    : `经${a.organization}调解达成调解协议，该协议于${chineseDate(a.effectiveOn)}生效，`;
/** The joint application for review (Rules Art. 74): the agreement, by whom reached and when. */
function reviewApplication(d: DocInput): string {
  const r = d.ctx.review;
  const agreement = r ? reached(r.agreement) : '';
  return `申请人${names(d.applicants)}与被申请人${names(d.respondents)}${agreement}于${chineseDate(receivedOn(d))}共同向本委申请仲裁审查。`;
}

/** What a 补正决定书 corrects (Rules Art. 54), read from its text (docs50 L2). */
function correctionOf(body: string): string {
  const omitted = /遗漏/u.test(body);
  const calculated = /计算/u.test(body);
  if (omitted && calculated) return '存在计算错误并遗漏了已经裁决的事项';
  if (omitted) return '遗漏了已经裁决的事项';
  if (calculated) return '存在计算错误';
  return '存在笔误';
}

/** The matters of a 决定书 (request `matter`), as the receipt of its service names them (决定书（中止审理）). */
export const DECISION_MATTERS = {
  suspension: '中止审理',
  extension: '延长审理期限',
  termination: '终止审理',
  withdrawal: '准许撤回仲裁申请',
  deemed_withdrawal: '按撤回仲裁申请处理',
  correction: '补正',
  recusal: '回避',
  transfer: '移送管辖',
  jurisdiction: '管辖异议',
  review_rejection: '不予受理仲裁审查申请',
  review_refusal: '不予制作调解书',
} as const;
export type DecisionMatter = keyof typeof DECISION_MATTERS;
export const DECISION_MATTER_KEYS = Object.keys(DECISION_MATTERS) as [DecisionMatter, ...DecisionMatter[]];

function decision(d: DocInput): DocSpec[] {
  const { text, dateOn } = decisionBody(d);
  return [
    {
      title: DOCUMENT_KINDS.decision,
      caseNo: d.caseNo,
      commission: d.commission,
      dateOn: reissuedDateOn(d, dateOn),
      blocks: [
        { kind: 'to', text: everyone(d, dateOn) },
        { kind: 'para', text },
        // LDMAL Art. 43(1): the parties are told in writing what now stands; the earlier 决定书 is named, not unsaid.
        ...(d.replaces ? [{ kind: 'para' as const, text: replacingWords(d, dateOn) }] : []),
        { kind: 'para', text: '本决定书自送达之日起生效。' },
      ],
    },
  ];
}

/**
 * legal59a #2: a 决定书 issued again in place of one issued before (legal58b #2) is a document of the day it is issued —
 * never dated the act's day, or a document dated April would replace one issued in December. Its date is the day of
 * issue (`replaces.reissuedOn`); the day the act was decided (approved) is stated in its body (replacingWords).
 */
function reissuedDateOn(d: DocInput, actOn: string): string {
  const on = d.replaces?.reissuedOn;
  return on && on > actOn ? on : actOn;
}

/**
 * 「本决定书所载事项经本委于…批准（决定）。本决定书取代本委于…出具的…决定书；…以本决定书为准。」: the act's own day,
 * where the replacing document bears its day of issue (reissuedDateOn), and the one it replaces.
 */
function replacingWords(d: DocInput, actOn: string): string {
  const r = d.replaces as NonNullable<DocInput['replaces']>;
  const dated = reissuedDateOn(d, actOn) !== actOn;
  const approved = d.text.matter === 'extension' || d.text.matter === 'suspension' ? '经本委主任批准' : '由本委决定';
  const act = dated ? `本决定书所载事项已于${chineseDate(actOn)}${approved}。` : '';
  return `${act}本决定书取代本委于${chineseDate(r.issuedOn)}出具的${r.caseNo ?? ''}决定书；原决定书所载事项与本决定书不一致的，以本决定书为准。`;
}

/**
 * s62 A #2: every extension of the award limit approved, in the order approved — those of periods a restart superseded
 * (`earlierExtensions`, Rules Art. 46) and the current one (LDMAL Art. 43(1); Rules Art. 45). A 决定书's `occurrence`
 * (matter `extension`) counts in this order.
 */
export function extensionsOf(ctx: {
  extension: { days: number; approvedOn: string } | null;
  earlierExtensions?: { days: number; approvedOn: string }[];
}): { days: number; approvedOn: string }[] {
  return [...(ctx.earlierExtensions ?? []), ...(ctx.extension ? [ctx.extension] : [])].sort((x, y) =>
    x.approvedOn.localeCompare(y.approvedOn),
  );
}

/**
 * The reason recorded with an extension (EXTEND_TIME_LIMIT `reason`): the act that approved it (its day and days); of a
 * case with one extension, the last recorded (as before s62, a date correction may have moved its day since); none
 * where several cannot be told apart — never another extension's reason.
 */
function extensionReasonOf(r: RecordText, e: { days: number; approvedOn: string }, count: number): string | null {
  const own = (r.extensionReasons ?? []).filter((x) => x.approvedOn === e.approvedOn && x.days === e.days);
  if (own.length) return own.at(-1)?.reason ?? null;
  return count === 1 ? (r.extensionReason ?? null) : null;
}

/**
 * legal54c M1: the applicants' applications treated as withdrawn one by one (DEEM_WITHDRAWN partyId; LDMAL Art. 36(1);
 * Rules Art. 39) a deemed-withdrawal 决定书 is of — each its own decision, `occurrence` numbering them — or null where
 * the request is of the case's own closure (every applicant): the case closed so without naming one, and no `occurrence`
 * asked (`numbered`). Closed by naming the last applicant: the last one recorded, on the closing day, the only absent
 * one it kept, is his own decision.
 */
function deemedOwn(ctx: MachineContext, numbered: boolean): NonNullable<MachineContext['deemedWithdrawals']> | null {
  const cl = ctx.closure;
  const own = ctx.deemedWithdrawals ?? [];
  const lastOwn = own.at(-1);
  const closedWhole =
    cl?.mode === 'deemed_withdrawal' &&
    !(lastOwn?.on === cl.closedOn && (cl.absentNotices ?? []).every((n) => n.partyId === lastOwn.partyId));
  return own.length && (numbered || !closedWhole) ? own : null;
}

/**
 * s64 D #2 — the acts of a 决定书 matter that can be decided more than once (each its own decision, Rules Art. 47 for a
 * suspension; LDMAL Art. 43(1), Rules Arts. 45–46 for an extension; Rules Art. 10 an objection; LDMAL Art. 33, Rules
 * Art. 12 a recusal; LDMAL Art. 36(1), Rules Art. 39 one applicant's deemed withdrawal), each by its day, in the order
 * `occurrence` numbers them (as decisionBody picks them) — two may fall on one day (suspended, resumed and suspended
 * again), so a decision's act is its matter and occurrence, not its day (app/documents/originals.ts actKey). Null for a
 * matter decided once (its day tells it). `numbered`: the request names an occurrence.
 */
export function decisionActDays(ctx: MachineContext, matter: string | undefined, numbered: boolean): string[] | null {
  switch (matter) {
    case 'suspension':
      return ctx.suspensions.map((s) => s.from);
    case 'extension':
      return extensionsOf(ctx).map((e) => e.approvedOn);
    case 'jurisdiction':
      return decidedObjections({ ctx }).map((o) => o.decision.on);
    case 'recusal':
      return (ctx.recusalApplications ?? []).flatMap((r) => (r.decision?.form === 'written' ? [r.decision.on] : []));
    case 'deemed_withdrawal':
      return deemedOwn(ctx, numbered)?.map((w) => w.on) ?? null;
    default:
      return null;
  }
}

/** The decision's text and date: what the record holds for the request's matter (and occurrence). */
export function decisionBody(d: DocInput): { text: string; dateOn: string } {
  const matter = d.text.matter;
  const bodies: Record<string, () => { text: string; dateOn: string }> = {
    suspension: () => {
      const s = pick(d.ctx.suspensions, d.text.occurrence, '中止审理');
      return {
        // s63 A #1: the item of Rules Art. 47 the suspension rests on (「中止审理：（一）…（七）」), written as legal-basis.ts
        // writes items (第四十七条第（六）项) when SUSPEND recorded its `ground`; none recorded (or a record stored before
        // the ground was kept) cites the article alone, as the decision read when issued.
        // fixD59 #1: begun after the award limit ran out, it says so (LDMAL Art. 43(1)): nothing is deducted.
        text: `${theCase(d, s.from)}，${because(s.reason)}，依照《劳动人事争议仲裁办案规则》第四十七条${s.ground ? `第${suspensionItem(s.ground)}项` : ''}之规定，经本委主任批准，决定本案自${chineseDate(s.from)}起中止审理。中止审理的原因消除后，恢复审理。${limitRanOut(d, s) ?? ''}`,
        dateOn: s.from,
      };
    },
    // s62 A #2: of several extensions (a restart begins a new period that may be extended again, Rules Art. 46), the one
    // the request names (`occurrence`, in the order approved), or the latest.
    extension: () => {
      const all = extensionsOf(d.ctx);
      if (!all.length) throw new NotReadyError('本案没有延长审理期限记录');
      const e = pick(all, d.text.occurrence, '延长审理期限（EXTEND_TIME_LIMIT）');
      const reason = extensionReasonOf(d.record, e, all.length);
      const why = reason ? `${because(reason)}，` : '';
      return {
        // LDMAL Art. 43(1); Rules Art. 45: the parties are told in writing; the decision names the new last day.
        text: `${theCase(d, e.approvedOn)}，${why}依照《中华人民共和国劳动争议调解仲裁法》第四十三条第一款之规定，经本委主任批准，决定本案审理期限延长${cnNumber(e.days)}日${d.record.extensionDueOn ? `，延长后的审理期限至${chineseDate(d.record.extensionDueOn)}届满` : ''}。`,
        dateOn: e.approvedOn,
      };
    },
    // Rules Art. 48. The case's acceptance is stated as the 撤回 and 视为撤回 decisions state it (reviewer docs46b L8).
    termination: () => {
      if (d.ctx.closure?.mode !== 'termination') throw new NotReadyError('本案未终止审理');
      // docs56 #2: Rules Art. 48's ground is a suit brought because the commission did not decide in time (以仲裁委员会逾期
      // 未作出仲裁裁决为由, LDMAL Art. 43(1)) — said where the recorded reason does not, never "a suit" alone.
      const reason = d.ctx.closure.reason ? clause(asOurCommission(d.ctx.closure.reason, d.commission)) : '';
      const delay =
        d.ctx.closure.ground === 'other' || /逾期|超过.*(审理)?期限|未.*(按期|在.*期限内)/u.test(reason)
          ? ''
          : '该诉讼系当事人以本委逾期未作出仲裁裁决为由提起（《中华人民共和国劳动争议调解仲裁法》第四十三条第一款），';
      // docs57 #4: another ground's decision cites the rule the arbitrator named (TERMINATE `basis`); one recorded before
      // it was asked is printed as it was (本委决定…), none invented. fixM58 #4: a rule applied by analogy (the schema asks
      // 参照 written in `basis`) is printed 参照…之规定, not 依照参照…; 依照/根据/按照/依据 or a bare 《…》, 依照…之规定.
      const basis = d.ctx.closure.basis ? terminationBasis(d.ctx.closure.basis) : '';
      return {
        text: `${theCase(d, d.ctx.closure.closedOn)}，${filed(d)}。${reason ? `因${reason}，` : ''}${d.ctx.closure.ground === 'other' ? `${basis}本委` : `${delay}依照《劳动人事争议仲裁办案规则》第四十八条之规定，`}决定本案终止审理。`,
        dateOn: d.ctx.closure.closedOn,
      };
    },
    // Rules Art. 9 (domain.md §1.3): a case found outside the commission's jurisdiction after acceptance is transferred
    // to the competent commission and the parties are told in writing; on an upheld objection, Rules Art. 10 too.
    transfer: () => {
      const t = d.ctx.transferOut;
      if (!t) throw new NotReadyError('本案未移送其他仲裁委员会管辖（TRANSFER_CASE）');
      const objection = t.onObjection ? decidedObjections(d).findLast((o) => o.decision.result === 'upheld') : undefined;
      // fixD58 #2: a reason that says the case is outside the commission's jurisdiction is not said twice; a case taken
      // in on transfer goes on by the superior department's designation (Rules Art. 9), recited as the basis.
      const reason = clause(t.reason).replace(/^(不属|不在)/u, '本案$1');
      const found = `经审查，${reason}${/管辖/u.test(reason) ? '' : '，本案不属于本委管辖'}`;
      const g = t.designation;
      const designated = g
        ? `本案系${d.ctx.transferIn?.fromCommission ?? '其他仲裁委员会'}移送本委的案件。${/指定/u.test(reason) ? '' : `${found}，`}本委报请${g.department}指定管辖，${g.department}于${chineseDate(g.decidedOn)}${g.documentNo ? `以${g.documentNo}` : ''}指定本案由${t.toCommission}管辖。`
        : null;
      const raised = objection
        ? `${objectionText(d, objection)}经审查，${clause(objection.decision.reason)}，异议成立。`
        : (designated ?? `${found}。`);
      return {
        text: `${theCase(d, t.on)}，${filed(d)}。${raised}依照《劳动人事争议仲裁办案规则》第九条${objection ? '、第十条' : ''}之规定，本委决定：本案移送${t.toCommission}处理。`,
        dateOn: t.on,
      };
    },
    // Rules Art. 10 (domain.md §1.3): an objection decided — rejected by a written decision, or upheld and the case
    // transferred. Of several, the one the request names (`occurrence` among the decided ones), or the latest.
    jurisdiction: () => {
      const o = pick(decidedObjections(d), d.text.occurrence, '管辖异议的决定（DECIDE_JURISDICTION_OBJECTION）');
      const upheld = o.decision.result === 'upheld';
      const result = upheld
        ? `${objector(d, o.partyId)}提出的管辖异议成立，本案移送${d.ctx.transferOut?.toCommission ?? '有管辖权的劳动人事争议仲裁委员会'}处理`
        : `驳回${objector(d, o.partyId)}提出的管辖异议，本案由本委继续审理`;
      return {
        text: `${theCase(d, o.decision.on)}，${filed(d)}。${objectionText(d, o)}经审查，${clause(o.decision.reason)}。依照《劳动人事争议仲裁办案规则》${upheld ? '第九条、' : ''}第十条之规定，本委决定：${result}。`,
        dateOn: o.decision.on,
      };
    },
    // Rules Art. 75 (domain.md §2.5): a review application not accepted is answered in writing; the parties may then
    // apply for arbitration on the agreement's matters within the arbitration scope (Op-2022 item 1).
    review_rejection: () => {
      const r = d.ctx.review;
      if (!r?.rejection) throw new NotReadyError('本案未决定不予受理仲裁审查申请（REJECT_REVIEW）');
      const why = groundAndReason(REVIEW_REJECTION_GROUNDS[r.rejection.ground] ?? '', r.rejection.reason);
      return {
        text: `${reviewApplication(d)}经审查，${why}。依照《劳动人事争议仲裁办案规则》第七十五条之规定，本委决定：对该仲裁审查申请不予受理。${AFTER_REVIEW}`,
        dateOn: r.rejection.on,
      };
    },
    // Rules Art. 78 (domain.md §2.5): no 调解书 is made, and the parties are told in writing; the review ends (Art. 79).
    // A party refusing to sign the 调解书 (SIGN_MEDIATION_DOCUMENT refused): it does not take effect (Art. 77).
    review_refusal: () => {
      const r = d.ctx.review;
      if (!r?.refusal) throw new NotReadyError('本案未决定不予制作调解书（REFUSE_CONFIRMATION）');
      const accepted = `本委于${chineseDate(r.acceptedOn ?? receivedOn(d))}受理后依法进行了审查。`;
      if (r.refusal.ground === 'signature_refused')
        return {
          text: `${reviewApplication(d)}${accepted}本委于${chineseDate(r.confirmation?.on ?? r.refusal.on)}制作调解书后，${clause(r.refusal.reason)}，调解书不发生法律效力。依照《劳动人事争议仲裁办案规则》第七十七条、第七十九条之规定，本案终止仲裁审查。${AFTER_REVIEW}`,
          dateOn: r.refusal.on,
        };
      const ground = REVIEW_REFUSAL_GROUNDS[r.refusal.ground];
      const why = groundAndReason(ground ? `该调解协议${ground}` : '', r.refusal.reason);
      return {
        text: `${reviewApplication(d)}${accepted}经审查，${why}。依照《劳动人事争议仲裁办案规则》第七十八条、第七十九条之规定，本委决定：不予制作调解书，本案终止仲裁审查。${AFTER_REVIEW}`,
        dateOn: r.refusal.on,
      };
    },
    // LDMAL Art. 41; Rules Art. 35 [R]: the applicant withdraws (often after a settlement); the closure rests on a decision
    // recording it, dated the withdrawal (domain.md §§10.1–10.2). No article is printed: Rules Art. 35 is not confirmed
    // against its text (domain.md [R]), and the decision records the act rather than ruling on a ground.
    withdrawal: () => {
      const cl = d.ctx.closure;
      if (cl?.mode !== 'withdrawal') throw new NotReadyError('本案未撤回仲裁申请');
      const counter = cl.counterclaimWithdrawn ? '，被申请人亦撤回反申请' : '';
      // LDMAL Art. 43(2): a partial award made before the withdrawal stands (Arts. 47, 51) — the withdrawal reaches the
      // claims not yet decided only, and the decision says so, naming the partial awards by number (reviewer legal M1).
      const { decided, partial } = beyondPartialAwards(d, cl.closedOn);
      const stands = partial ? '已作出的部分裁决不因撤回而失去效力。' : '';
      return {
        text: `${theCase(d, cl.closedOn)}，${filed(d)}。申请人于${chineseDate(cl.closedOn)}${cl.reason ? `以${clause(cl.reason)}为由` : ''}申请撤回${decided}仲裁申请${counter}。经审查，撤回申请不违反法律规定，本委决定：准许申请人撤回${decided}仲裁申请${cl.counterclaimWithdrawn ? '，准许被申请人撤回反申请' : ''}。${stands}`,
        dateOn: cl.closedOn,
      };
    },
    // LDMAL Art. 36(1): the applicant, notified in writing, absent without proper reason — treated as withdrawn; Rules
    // Art. 39 [S]: the same claims are then not accepted again (domain.md §5).
    deemed_withdrawal: () => {
      const cl = d.ctx.closure;
      // legal54c M1 — one worker's application alone treated as withdrawn (DEEM_WITHDRAWN partyId; LDMAL Art. 36(1);
      // Rules Art. 39; SPC-1 Art. 19): the decision names him, and the case goes on for the others. The latest, or the
      // one `occurrence` numbers; the case's own closure (every applicant) when it closed so without naming one.
      const own = deemedOwn(d.ctx, d.text.occurrence !== undefined);
      if (own) {
        const w = pick(own, d.text.occurrence, '对一名申请人按撤回仲裁申请处理（DEEM_WITHDRAWN partyId）');
        const who = d.applicants.find((p) => p.id === w.partyId)?.name ?? '申请人';
        const heldOn = [...d.ctx.hearingsHeld].reverse().find((h) => h.heldOn <= w.on)?.heldOn ?? w.on;
        const served = w.absentNotice?.servedOn ? `于${chineseDate(w.absentNotice.servedOn)}收到开庭通知，` : '经书面通知，';
        const left = [...d.ctx.hearingsHeld].reverse().find((h) => h.heldOn <= w.on)?.applicantLeftEarly === true;
        const more = absenceAddition(w.reason ?? '');
        const last = cl?.mode === 'deemed_withdrawal' && cl.closedOn === w.on;
        return {
          text: `${theCase(d, w.on)}，本委于${chineseDate(d.ctx.acceptedOn as string)}受理，于${chineseDate(heldOn)}开庭审理。申请人${who}${served}${left || /退庭/.test(w.reason ?? '') ? '到庭后未经仲裁庭同意中途退庭' : '无正当理由拒不到庭'}${more ? `（${more}）` : ''}。依照《中华人民共和国劳动争议调解仲裁法》第三十六条第一款、《劳动人事争议仲裁办案规则》第三十九条之规定，视为撤回${who}的仲裁申请，${who}的仲裁请求按撤回仲裁申请处理。${last ? '' : '本案对其他申请人继续审理。'}${who}以同一事实和理由再次申请仲裁的，本委不予受理。`,
          dateOn: w.on,
        };
      }
      if (cl?.mode !== 'deemed_withdrawal') throw new NotReadyError('本案未按撤回仲裁申请处理');
      const heldOn = d.ctx.hearingsHeld.at(-1)?.heldOn ?? cl.closedOn;
      const absent = (cl.absentNotices ?? []).map((n) => {
        const who = d.applicants.find((p) => p.id === n.partyId)?.name ?? '申请人';
        return n.servedOn ? `${who}于${chineseDate(n.servedOn)}收到开庭通知` : who;
      });
      const counter = cl.counterclaimWithdrawn ? '被申请人撤回反申请，本委予以准许。' : '';
      // LDMAL Art. 43(2): a partial award made before stands (Arts. 47, 51); the deemed withdrawal (Art. 36(1)) reaches
      // the claims not yet decided only, as a withdrawal does (reviewer docsfix M2: it read as withdrawing the whole case).
      const { decided, partial } = beyondPartialAwards(d, cl.closedOn);
      const stands = partial ? '已作出的部分裁决不因按撤回仲裁申请处理而失去效力。' : '';
      // The reason as a distinct addition only: what it repeats of the fixed wording is not printed twice.
      const more = absenceAddition(cl.reason ?? '');
      return {
        text: `${theCase(d, cl.closedOn)}，本委于${chineseDate(d.ctx.acceptedOn as string)}受理，于${chineseDate(heldOn)}开庭审理。申请人${absent.length ? `${absent.join('，')}，` : '经书面通知，'}${d.ctx.hearingsHeld.at(-1)?.applicantLeftEarly === true || /退庭/.test(cl.reason ?? '') ? '到庭后未经仲裁庭同意中途退庭' : '无正当理由拒不到庭'}${more ? `（${more}）` : ''}。依照《中华人民共和国劳动争议调解仲裁法》第三十六条第一款、《劳动人事争议仲裁办案规则》第三十九条之规定，本案${decided ? `申请人${decided}仲裁申请` : ''}按撤回仲裁申请处理。${counter}${stands}申请人就同一仲裁请求再次申请仲裁的，本委不予受理。`,
        dateOn: cl.closedOn,
      };
    },
    // LDMAL Art. 33; Rules Art. 12 [R] (domain.md §4.1, §12.2): the commission's recusal decision, where made in
    // writing (DECIDE_RECUSAL form "written"; an oral one is only recorded). Dated the decision.
    recusal: () => {
      const written = (d.ctx.recusalApplications ?? []).filter((r) => r.decision?.form === 'written');
      // docs52 L1: a decision recorded without form "written" (an oral one, or form left out) has no 决定书 — say what is
      // needed, not only that there is none.
      const oral = (d.ctx.recusalApplications ?? []).some((x) => x.decision && x.decision.form !== 'written');
      if (!written.length && oral)
        throw new NotReadyError(
          '本案的回避决定未记录为书面决定：回避决定书只为书面作出的决定生成，须在作出回避决定（DECIDE_RECUSAL）时记录 form: "written"（口头决定只记入笔录）',
        );
      const r = pick(written, d.text.occurrence, '书面回避决定（DECIDE_RECUSAL，form: "written"）');
      const dec = r.decision as NonNullable<typeof r.decision>;
      const party = [...d.applicants, ...d.respondents, ...(d.thirdParties ?? [])].find((p) => p.id === r.partyId);
      const side = party ? (d.applicants.includes(party) ? '申请人' : d.respondents.includes(party) ? '被申请人' : '第三人') : '当事人';
      const who = `${side}${party?.name ?? ''}`;
      const role = r.target.kind === 'recorder' ? '记录人员' : '仲裁员';
      const name = r.target.name ?? (r.target.userId !== null ? (d.arbitratorNames?.[r.target.userId] ?? '') : '');
      const by = { chair: '本委主任', institute_head: '受本委主任委托的仲裁院负责人', commission: '本委' }[dec.decidedBy];
      const replacement = dec.replacementName ?? (dec.replacementId !== null ? (d.arbitratorNames?.[dec.replacementId] ?? null) : null);
      const result =
        dec.result === 'granted'
          ? `${role}${name}回避${replacement ? `，由${replacement}担任本案${role}` : ''}`
          : `驳回${who}的回避申请，${role}${name}继续参与本案仲裁活动`;
      return {
        text: `${theCase(d, dec.on)}，${who}于${chineseDate(r.on)}以${clause(r.reason)}为由，申请本案${role}${name}回避。${dec.reason ? `经审查，${clause(dec.reason)}。` : ''}依照《中华人民共和国劳动争议调解仲裁法》第三十三条、《劳动人事争议仲裁办案规则》第十二条之规定，经${by}决定：${result}。`,
        dateOn: dec.on,
      };
    },
    // Rules Art. 54 covers 文字错误, 计算错误 and 已裁决但遗漏的事项: the decision says which the correction is of, as its
    // text says it (docs50 L2: it always said 存在笔误) — a text error (笔误) unless the correction speaks of a calculation
    // or of an omitted matter.
    // Rules Art. 54: the decision names the document it corrects by its own number, kind and date — one part of an
    // award split by finality (第N-1号 / 第N-2号), or a partial award (第N号之一) — never a number no document bears.
    correction: () => {
      const target = correctionTarget(d);
      if (!d.text.body) throw new MissingTextError('body', '补正决定须写明补正内容（body）');
      if (!d.text.decidedOn) throw new MissingTextError('decidedOn', '补正决定须写明作出决定的日期（decidedOn）');
      return {
        text: `本委于${chineseDate(target.issuedOn)}作出的${target.caseNo}${target.part ? (target.part === 'final' ? '终局' : '非终局') : ''}${target.title}${correctionOf(d.text.body)}，依照《劳动人事争议仲裁办案规则》第五十四条之规定，决定补正如下：${sentence(d.text.body)}`,
        dateOn: d.text.decidedOn,
      };
    },
  };
  const make = matter ? bodies[matter] : undefined;
  if (!make) throw new MissingTextError('matter', `决定书须写明事项（matter）：${DECISION_MATTER_KEYS.join('、')}`);
  return make();
}

/** A document an award or a partial award gave (one per finality part of a split one), as it is numbered. */
export interface AwardDocumentRef {
  /** 1-based; absent: the award. */
  partialAward?: number;
  /** Of a split award only. */
  part?: 'final' | 'non_final';
  caseNo: string;
  title: string;
  issuedOn: string;
}

/**
 * The award documents of the case, numbered as `awardDocuments` numbers them: the award (第N号, or 第N-1号 final and
 * 第N-2号 non-final when split, Rules Art. 50) and each partial award (第N号之一, 之二…, its parts split the same way).
 */
export function awardDocumentRefs(ctx: MachineContext, caseNo: string | null): AwardDocumentRef[] {
  const refs = (a: AwardItemsRecord, partial: number | null): AwardDocumentRef[] => {
    const of = partial === null ? '' : `之${cnNumber(partial + 1)}`;
    const title = partial === null ? DOCUMENT_KINDS.award : DOCUMENT_KINDS.partial_award;
    const numbered = (suffix: string) => (caseNo ? caseNo.replace(/号$/, `${suffix}号${of}`) : '');
    const base = partial === null ? {} : { partialAward: partial + 1 };
    return a.finality === 'mixed'
      ? [
          { ...base, part: 'final', caseNo: numbered('-1'), title, issuedOn: a.issuedOn },
          { ...base, part: 'non_final', caseNo: numbered('-2'), title, issuedOn: a.issuedOn },
        ]
      : [{ ...base, caseNo: numbered(''), title, issuedOn: a.issuedOn }];
  };
  return [...ctx.partialAwards.flatMap((a, i) => refs(a, i)), ...(ctx.award ? refs(ctx.award, null) : [])];
}

/**
 * The document a correction decision corrects (request `corrects`): the only one that fits what the request says, or
 * a 422 naming `corrects` (which document) or `corrects.part` (which part of a split one) when several do.
 */
export function correctionTarget(d: Pick<DocInput, 'ctx' | 'caseNo' | 'text'>): AwardDocumentRef {
  const all = awardDocumentRefs(d.ctx, d.caseNo);
  if (!all.length) throw new NotReadyError('本案尚无裁决，无需补正');
  const want = d.text.corrects;
  const fits = all.filter((r) => (want === undefined || r.partialAward === want.partialAward) && (!want?.part || r.part === want.part));
  const names = (rs: AwardDocumentRef[]) => rs.map((r) => `${r.caseNo}${r.title}`).join('、');
  if (fits.length === 1) return fits[0] as AwardDocumentRef;
  if (!fits.length) throw new MissingTextError('corrects', `本案没有请求所指的裁决书；可以补正的是：${names(all)}（corrects）`);
  const onlyPart = fits.every((r) => r.partialAward === fits[0]?.partialAward);
  throw new MissingTextError(
    onlyPart ? 'corrects.part' : 'corrects',
    `请写明补正的是哪一份裁决书：${names(fits)}（${onlyPart ? 'corrects.part：final 或 non_final' : 'corrects'}）`,
  );
}

/**
 * The documents a service is recorded for (SERVE `document`, workflows/procedure-types.ts SERVICE_DOCUMENTS): the full
 * name printed on documents (送达回证) and the short one the web interface shows in lists and choices. The one home of
 * these names: the web reads them from GET /api/reference/vocabulary (`servedDocuments`), it keeps no copy.
 */
type ServiceDocument = (typeof SERVICE_DOCUMENTS)[number];
export const SERVED_DOCUMENTS: Record<ServiceDocument, { name: string; short: string }> = {
  acceptance_notice: { name: '受理通知书', short: '受理通知书' },
  rejection_notice: { name: '不予受理通知书', short: '不予受理通知书' },
  supplement_notice: { name: '补正通知书', short: '补正通知书' },
  application_copy: { name: '仲裁申请书副本', short: '仲裁申请书副本' },
  respond_notice: { name: '应诉通知书', short: '应诉通知书' },
  defense_copy: { name: '答辩书副本', short: '答辩书副本' },
  tribunal_notice: { name: '仲裁庭组成通知书', short: '仲裁庭组成通知书' },
  conversion_notice: { name: '转为一般程序处理通知书', short: '转为一般程序处理通知书' },
  hearing_notice: { name: '开庭通知书', short: '开庭通知书' },
  postponement_notice: { name: '延期开庭通知书', short: '延期开庭通知书' },
  decision: { name: '决定书', short: '决定书' },
  mediation_document: { name: '仲裁调解书', short: '调解书' },
  award: { name: '仲裁裁决书', short: '裁决书' },
  advance_execution_ruling: { name: '先予执行裁决书', short: '先予执行裁决书' },
  claims_change_copy: { name: '变更仲裁请求书副本', short: '变更仲裁请求书副本' },
  addition_notice: { name: '追加当事人通知书', short: '追加当事人通知书' },
  resume_notice: { name: '恢复审理通知书', short: '恢复审理通知书' },
  other: { name: '其他文书', short: '其他文书' },
};
/** The full names alone, as documents print them. */
export const SERVED_DOCUMENT_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(SERVED_DOCUMENTS).map(([k, v]) => [k, v.name]),
);
const SERVICE_METHOD_NAMES: Record<string, string> = {
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  sms: '简便方式送达',
  left: '留置送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
  posted: '张贴送达',
};
/** The blank a receipt carries before service: the ways a commission serves (CPL Arts. 87–91; Rules Art. 20 [R]). */
const BLANK_METHODS = ['direct', 'post', 'entrusted', 'left', 'electronic'];
const methodBoxes = (methods: readonly string[]) => methods.map((m) => `□${SERVICE_METHOD_NAMES[m] ?? m}`).join('　');
const SIGNED_ON_BLANK = '　　　　年　　月　　日';

/**
 * The days the documents of a kind were made, where a case holds several of that kind (a defence filed twice, two
 * postponements, changes of claims, additions of parties); an award and an advance-execution ruling are listed by
 * their own refs. Empty for a document made once (its day is `servedDocumentMadeOn`).
 */
function madeDaysOf(ctx: DocInput['ctx'], document: string): string[] {
  const days = (() => {
    switch (document) {
      case 'defense_copy':
        return ctx.defenses.map((x) => x.filedOn);
      case 'postponement_notice':
        return ctx.postponements.map((x) => x.decidedOn);
      case 'claims_change_copy':
        return (ctx.claimChanges ?? []).map((x) => x.on);
      case 'addition_notice':
        return (ctx.partyAdditions ?? []).map((x) => x.on);
      default:
        return [];
    }
  })();
  return (days.filter(Boolean) as string[]).sort();
}

/**
 * The 送达文书 cell of a receipt: the document actually served, by its own number — the service that starts the periods
 * to sue or to apply to set aside (LDMAL Arts. 48–50) must say which document it delivered. An award: the award
 * documents of the award the SERVE names (`awardOn`), or, naming none, every award made by then that no earlier service
 * delivered to this party (as workflows/deadlines.ts counts it) — a partial award as 第N号之一, each part of one split by
 * finality as 第N-1号 (终局) / 第N-2号 (非终局), only the parts that name this party where a part names only some
 * applicants. An advance-execution ruling (which bears the case number) also by the day it was made. Before service
 * (`s` null): the documents not yet served on the party. Returned with the days its documents were made (a blank receipt is dated the latest of them).
 */
function servedDocumentsOf(
  d: DocInput,
  party: PartyView,
  document: string,
  s: DocInput['ctx']['services'][number] | null,
): { text: string; madeOn: string[] } {
  const name = SERVED_DOCUMENT_NAMES[document] ?? '文书';
  const plain = `${name}${d.caseNo ? `　${d.caseNo}` : ''}`;
  const own = d.ctx.services.filter((x) => x.partyId === party.id && x.document === document);
  const before = s ? own.slice(0, own.indexOf(s)) : own;
  const by = s ? (s.publishedOn ?? s.servedOn) : null;
  /** Of `all` (each made on a day): what this service delivered, else what earlier ones had not. */
  const delivered = <T>(all: T[], on: (x: T) => string, named?: string): T[] => {
    if (named !== undefined) return all.filter((x) => on(x) === named);
    const madeBy = all.filter((x) => by === null || on(x) <= by);
    const earlier = (x: T) => before.some((b) => (b.awardOn !== undefined ? b.awardOn === on(x) : on(x) <= (b.publishedOn ?? b.servedOn)));
    const fresh = madeBy.filter((x) => !earlier(x));
    // Served again (nothing new by then): the latest made.
    const last = madeBy.length ? on(madeBy[madeBy.length - 1] as T) : null;
    return fresh.length ? fresh : madeBy.filter((x) => on(x) === last);
  };
  if (document === 'award') {
    const applicant = d.applicants.some((p) => p.id === party.id);
    const refs = delivered(awardDocumentRefs(d.ctx, d.caseNo), (r) => r.issuedOn, s?.awardOn).filter((r) => {
      if (!r.part || !applicant) return true;
      // The part names as applicants only those whose own claims it decides, where all of them are someone's own.
      const a = r.partialAward === undefined ? d.ctx.award : d.ctx.partialAwards[r.partialAward - 1];
      // fixS57: of a joint item split by its shares, the part names the workers whose shares it decides.
      const items = itemsPart(a?.items ?? [], r.part === 'final');
      const whose = items.map((i) =>
        i.shares?.length ? i.shares.map((sh) => sh.partyId) : (d.claims.find((c) => c.id === i.claimId)?.applicantId ?? null),
      );
      return !whose.length || !whose.every((w) => w) || whose.some((w) => (Array.isArray(w) ? w.includes(party.id) : w === party.id));
    });
    const madeOn = refs.map((r) => r.issuedOn);
    if (!refs.length || !d.caseNo) return { text: plain, madeOn };
    const text = refs.map((r) => `${r.title}${r.part ? (r.part === 'final' ? '（终局）' : '（非终局）') : ''}　${r.caseNo}`).join('\n');
    return { text, madeOn };
  }
  if (document === 'advance_execution_ruling') {
    const rulings = delivered(d.ctx.advanceExecutions, (r) => r.ruledOn);
    const madeOn = rulings.map((r) => r.ruledOn);
    if (!rulings.length) return { text: plain, madeOn };
    return { text: rulings.map((r) => `${plain}（${chineseDate(r.ruledOn)}作出）`).join('\n'), madeOn };
  }
  // A 决定书 is named by its matter (决定书（中止审理）, reviewer docs46b M5): of those issued (and of the request's
  // `matter`), the ones this service delivered — made by then and not delivered by an earlier one.
  if (document === 'decision') {
    const made = issuedDecisions(d);
    const madeOn = delivered(made, (x) => x.madeOn).map((x) => x.madeOn);
    const carried = made.filter((x) => madeOn.includes(x.madeOn));
    const text = carried.map(
      (x) => `${name}（${DECISION_MATTERS[x.matter as DecisionMatter] ?? x.matter}）${d.caseNo ? `　${d.caseNo}` : ''}`,
    );
    return { text: text.length ? text.join('\n') : plain, madeOn };
  }
  // A kind made several times (two postponements, a second change of claims): the ones this receipt carries.
  return { text: plain, madeOn: delivered(madeDaysOf(d.ctx, document), (x) => x) };
}

/**
 * The 决定书 of the case that were issued (GENERATE_DOCUMENT, `record.decisions`), of the request's `matter` if it
 * names one, by the day made; the same decision generated twice counts once.
 */
function issuedDecisions(d: DocInput): { matter: string; madeOn: string }[] {
  const seen = new Set<string>();
  // An entry from before the day was kept with it: dated from the record as that decision is.
  const dated = (x: NonNullable<RecordText['decisions']>[number]): string | null => {
    if (x.madeOn) return x.madeOn;
    try {
      const { matter, occurrence, decidedOn, corrects } = x;
      return decisionBody({ ...d, text: { matter, occurrence, decidedOn, corrects, body: '—' } }).dateOn;
    } catch {
      return null;
    }
  };
  return (d.record.decisions ?? [])
    .filter((x) => d.text.matter === undefined || x.matter === d.text.matter)
    .flatMap((x) => {
      const madeOn = dated(x);
      return madeOn ? [{ matter: x.matter, madeOn }] : [];
    })
    .filter((x) => !seen.has(`${x.matter}/${x.madeOn}`) && seen.add(`${x.matter}/${x.madeOn}`))
    .sort((x, y) => (x.madeOn < y.madeOn ? -1 : x.madeOn > y.madeOn ? 1 : 0));
}

/**
 * 送达回证 (service receipt): the form a document travels with and the file keeps — CPL Art. 87 (the receipt records
 * the date of receipt and is signed by the person served; the date of signing is the date of service), Art. 89
 * (refusal: the reason and date noted, left at the residence), Art. 90 (electronic service with consent), Art. 95
 * (public notice); Rules Art. 20 [R] (the date the addressee writes on the receipt is the service date; domain.md
 * §14.2). Two uses, from one builder:
 * - before service (nothing recorded yet for that party and document): the form to take along — the document, the
 *   person and address, the ways of service as boxes, the signature and the date blank. Its date is the day the served
 *   document was made (workflows/rules.ts documentMadeOn, passed in as `servedDocumentMadeOn`).
 * - after a service was recorded (SERVE): the record of it — its way and day; where no signature stands for it (public
 *   notice, electronic service, a refusal) the cell says what does. Its date is the day of the service (or of the
 *   publication, the leaving, the posting).
 * It prints only what the record holds: the person who delivered signs by hand, so no name is printed for them.
 */
function serviceReceipt(d: DocInput): DocSpec[] {
  const all = [...d.applicants, ...d.respondents, ...(d.thirdParties ?? [])];
  const party = all.find((p) => p.id === d.text.partyId);
  if (!party) throw new RecordIncompleteError('partyId', '请选择本案的受送达人');
  const services = d.ctx.services.filter(
    (s) => s.partyId === party.id && (d.text.servedDocument === undefined || s.document === d.text.servedDocument),
  );
  // The recorded service the receipt is of: the one asked for (occurrence among this party's services of that document),
  // or the latest; none when nothing was recorded yet and no occurrence was asked for (a receipt to take along).
  const recorded = services.length || d.text.occurrence !== undefined ? pick(services, d.text.occurrence, '送达（SERVE）') : null;
  // A 调解书 is served by the party signing for it (LDMAL Art. 42(3): it takes effect once both have signed; Rules
  // Art. 73): a SIGN_MEDIATION_DOCUMENT recorded for the party and no SERVE is its service, 直接送达 on the day signed.
  // A reviewed agreement's 调解书 likewise takes effect when both have signed for it (Rules Art. 77; reviewer docs46b M3).
  const review = d.ctx.track === 'review';
  const signature = (review ? d.ctx.review?.confirmation?.signatures : d.ctx.mediation?.signatures)?.find((x) => x.partyId === party.id);
  // Asked for by name with no SERVE of it; or, naming no document nor occurrence, the party's last service (the contract's
  // default) when that is the signing: the latest of the SERVEs and the signature, a signature on the day of a SERVE
  // winning (reviewer docs45 M2: the receipt of a party who signed the 调解书 described an older 开庭通知书 service).
  const signed =
    signature &&
    ((!recorded && d.text.servedDocument === 'mediation_document') ||
      (d.text.servedDocument === undefined && d.text.occurrence === undefined && (!recorded || signature.signedOn >= recorded.servedOn)))
      ? signature
      : undefined;
  const s: DocInput['ctx']['services'][number] | null = signed
    ? { document: 'mediation_document', partyId: party.id, method: 'direct', servedOn: signed.signedOn }
    : recorded;
  const document = s?.document ?? d.text.servedDocument;
  if (!document) throw new RecordIncompleteError('servedDocument', '尚无向该当事人送达的记录：请选择所送达的文书');
  // A 决定书 is a document the commission issues: none issued (of the matter asked), no receipt of it (reviewer docs46b
  // L5: a SERVE of a 决定书 never generated printed 「决定书 …第7号」).
  if (document === 'decision' && !issuedDecisions(d).length)
    throw new NotReadyError(
      d.text.matter
        ? `本案尚未作出${DOCUMENT_KINDS.decision}（${DECISION_MATTERS[d.text.matter as DecisionMatter] ?? d.text.matter}）`
        : `本案尚未作出${DOCUMENT_KINDS.decision}`,
    );
  // A 不予受理通知书 bears its own 不字 number, never a case number (LDMAL Art. 29; Rules Art. 30): so does its receipt,
  // under the title and after the document's name (reviewer docsfix L1).
  const numbered = document === 'rejection_notice' && d.rejectionNo ? { ...d, caseNo: d.rejectionNo } : d;
  const listed = servedDocumentsOf(numbered, party, document, s);
  // Before service: dated the day the document was made — where it lists several (a partial award of 10-09 and the
  // award of 10-20), the latest of them: a receipt is never dated before a document it carries. documentMadeOn gives
  // the earliest (the first day any of them could be served, which SERVE is checked against).
  const latestMade = [d.servedDocumentMadeOn, ...listed.madeOn]
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  const dateOn = s ? (s.publishedOn ?? s.servedOn) : d.servedDocumentMadeOn === null ? null : (latestMade ?? d.servedDocumentMadeOn);
  if (!dateOn)
    throw new NotReadyError(
      d.servedDocumentMadeOn === null
        ? `本案尚未作出${SERVED_DOCUMENT_NAMES[document] ?? '该文书'}`
        : `记录中无从判断${SERVED_DOCUMENT_NAMES[document] ?? '该文书'}的作出日期：请先记录送达（SERVE），再出具送达回证`,
    );
  const docName = listed.text;
  // LDMAL Art. 28 (法定代表人或者主要负责人): labelled as the awards label it — a 个体工商户's 经营者, a branch's 负责人.
  const representative =
    party.kind === 'organization' && party.legalRepresentative ? `（${representativeLabel(party)}：${party.legalRepresentative}）` : '';
  // A 调解书's blank offers only the ways it may be served (never left: SPC CPL Interpretation Art. 133; rules.ts).
  const blank = document === 'mediation_document' && d.mediationDocumentMethods ? d.mediationDocumentMethods : BLANK_METHODS;
  const method = s ? (SERVICE_METHOD_NAMES[s.method] ?? s.method) : methodBoxes(BLANK_METHODS.filter((m) => blank.includes(m)));
  // Where a signature stands for the service, its cell is left for it; where none does (public notice, electronic
  // service, a refusal, the post), the cell says what does.
  const instead = (): string | null => {
    if (!s) return null;
    const on = chineseDate(s.publishedOn ?? s.servedOn);
    switch (s.method) {
      case 'public_notice':
        return `公告于${on}发布，自发布之日起经过三十日，即视为送达（《中华人民共和国民事诉讼法》第九十五条）。`;
      case 'electronic':
        return '经受送达人同意，以电子方式送达，以送达信息到达受送达人特定系统的日期为送达日期（《中华人民共和国民事诉讼法》第九十条）。';
      case 'left':
        return `受送达人拒绝签收，于${on}将文书留置（《中华人民共和国民事诉讼法》第八十九条）。`;
      case 'posted':
        return `于${on}张贴送达。`;
      case 'post':
        return '邮寄送达，以回执上注明的收件日期为送达日期（《中华人民共和国民事诉讼法》第九十一条），见邮件回执。';
      case 'sms':
        return `以简便方式送达${s.confirmed ? '，受送达人已确认收悉' : ''}。`;
      default:
        return null;
    }
  };
  // Room to sign or seal, as the standard form's tall box (reviewer docs45 L3): five lines.
  const SIGN_BOX = '\n\n\n\n';
  const signatureCell = instead() ?? SIGN_BOX;
  // The service date as the record holds it (a deemed day for a notice, a leaving, a posting: Rules Art. 20 [R]).
  const servedOnText = s ? `${chineseDate(s.servedOn)}${s.publishedOn ? '（视为送达之日）' : ''}` : SIGNED_ON_BLANK;
  const note =
    s?.method === 'left'
      ? '拒收事由：\n\n见证人（签名或者盖章）：\n'
      : signed
        ? review
          ? '受送达人签收调解书；调解书经双方当事人签收后，发生法律效力（《劳动人事争议仲裁办案规则》第七十七条）。'
          : '受送达人签收调解书；调解书经双方当事人签收后，发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条第三款）。'
        : '';
  return [
    {
      title: DOCUMENT_KINDS.service_receipt,
      caseNo: numbered.caseNo,
      commission: d.commission,
      dateOn,
      blocks: [
        {
          kind: 'table',
          // The label column holds "受送达人签名或者盖章" (ten characters at 10.5 pt) on one line, the value column the five
          // ways of service as boxes.
          widths: [0.27, 0.73],
          align: ['left', 'left'],
          header: ['送达文书', docName],
          rows: [
            ['受送达人', `${party.name}${representative}`],
            ['送达地址', party.address ?? ''],
            ['送达方式', method],
            ['受送达人签名或者盖章', signatureCell],
            ['签收日期', servedOnText],
            ['代收人及代收理由', '\n\n'],
            ['送达人签名', SIGN_BOX],
            ['备注', note],
          ],
        },
      ],
    },
  ];
}

/** A notice or decision of the one-page MOHRSS formats: laid out compactly (layout.ts `compact`; reviewer docs46 M1). */
const notice =
  (build: (d: DocInput) => DocSpec[]) =>
  (d: DocInput): DocSpec[] =>
    build(d).map((s) => ({ ...s, compact: true }));

export const BUILDERS: Record<DocumentKind, (d: DocInput) => DocSpec[]> = {
  acceptance_notice: notice(acceptanceNotice),
  rejection_notice: notice(rejectionNotice),
  respond_notice: notice(respondNotice),
  hearing_notice: notice(hearingNotice),
  tribunal_notice: notice(tribunalNotice),
  conversion_notice: notice(conversionNotice),
  award,
  partial_award: partialAward,
  mediation_document: mediationDocument,
  mediation_agreement: mediationAgreement,
  advance_execution_ruling: advanceExecution,
  court_transfer_letter: transferLetter,
  decision: notice(decision),
  service_receipt: serviceReceipt,
  resume_notice: notice(resumeNotice),
  addition_notice: notice(additionNotice),
};
