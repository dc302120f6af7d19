import type { ClosureMode, EventType } from './procedure-types.ts';
import { CLAIM_CATEGORIES, type ClaimCategory } from './reference.ts';

/**
 * Chinese labels for every procedure state, event and closure mode, in one place: the API's views, the documents,
 * the exports and reports, and the web interface (through GET /api/reference/vocabulary) all read them from here.
 */
export const STATE_LABELS: Record<string, string> = {
  mediation_in_progress: '调解中',
  mediation_agreed: '调解成功（已达成调解协议）',
  mediation_failed: '调解不成',
  mediation_referred: '已转入仲裁（案前调解）',
  received: '已收件待审查',
  pending_supplement: '待补正材料',
  rejected: '不予受理',
  accepted: '已受理（待组庭）',
  tribunal_formed: '已组庭（待排期）',
  hearing_scheduled: '已排期待开庭',
  heard: '已开庭（裁决起草中）',
  in_mediation: '仲裁调解中',
  mediation_signing: '调解书待签收',
  suspended: '中止审理',
  award_issued: '已裁决（送达中）',
  award_served: '裁决书已送达（起诉/撤销期间）',
  in_litigation: '当事人已起诉',
  set_aside_pending: '撤销裁决申请审查中',
  award_set_aside: '裁决已被撤销',
  award_effective: '裁决已生效',
  // legal52a M4: a judgment (or a finding of no effect) holds the award back for the parties whose suits it decided
  // (LDMAL Arts. 48, 50); a final award stays in force for the workers who did not sue (Art. 47; SPC-1 Art. 17).
  court_decided: '法院已裁判（裁决对起诉的当事人不发生法律效力）',
  enforcement_transferred: '已移送法院执行',
  closed_mediation: '调解结案',
  closed_withdrawn: '撤回结案',
  closed_deemed_withdrawn: '按撤回处理结案',
  closed_terminated: '终止审理结案',
  archived: '已归档',
  // Round 2 (issue 11 "Missing").
  referred_elsewhere: '已书面告知向有管辖权的仲裁委申请',
  closed_transferred: '移送管辖结案',
  enforcement_applied: '当事人已申请强制执行',
  enforcement_closed: '强制执行程序已终结',
  review_received: '仲裁审查申请待受理',
  review_accepted: '仲裁审查已受理（待指定仲裁员）',
  review_in_progress: '仲裁审查中',
  review_signing: '调解书待签收（仲裁审查）',
  review_confirmed: '审查确认（调解书已生效）',
  review_terminated: '终止仲裁审查',
  review_rejected: '仲裁审查申请不予受理',
  review_referred: '已转入仲裁（仲裁审查）',
  // void44: a registration made by mistake, voided (VOID_REGISTRATION).
  voided: '已作废',
};

export const EVENT_LABELS: Record<
  EventType | 'REGISTER' | 'UPDATE_REGISTRATION' | 'GENERATE_DOCUMENT' | 'GENERATE_COURT_PACKAGE' | 'RECOMPUTE_DEADLINES' | 'CORRECT_DATE',
  string
> = {
  REGISTER: '登记申请',
  GENERATE_DOCUMENT: '生成文书',
  GENERATE_COURT_PACKAGE: '生成移送法院材料包',
  RECOMPUTE_DEADLINES: '节假日安排更新后重算期限',
  UPDATE_REGISTRATION: '修改登记信息',
  // fixC56: the chair's correction of a procedural date (补正), a bookkeeping entry (workflows/date-corrections.ts).
  CORRECT_DATE: '更正日期',
  REQUEST_SUPPLEMENT: '一次性告知补正',
  SUPPLEMENT_RECEIVED: '补正材料已收齐',
  ACCEPT: '受理',
  REJECT: '不予受理',
  SERVE: '送达',
  FILE_DEFENSE: '收到答辩书',
  SHORTEN_DEFENSE_PERIOD: '缩短答辩期（简易处理）',
  FILE_COUNTERCLAIM: '反申请合并审理',
  RECORD_REPRESENTATIVES: '登记集体争议代表',
  FORM_TRIBUNAL: '组成仲裁庭',
  RECUSE_ARBITRATOR: '仲裁员回避',
  SCHEDULE_HEARING: '排期开庭',
  POSTPONE_HEARING: '延期开庭',
  HOLD_HEARING: '开庭审理',
  START_MEDIATION: '开始调解',
  MEDIATION_AGREED: '达成调解协议',
  MEDIATION_FAILED: '调解不成',
  SIGN_MEDIATION_DOCUMENT: '签收调解书',
  REFER_TO_ARBITRATION: '转入仲裁',
  SUSPEND: '中止审理',
  RESUME: '恢复审理',
  EXTEND_TIME_LIMIT: '延长审理期限',
  CONVERT_TO_ORDINARY: '转为普通程序',
  ADVANCE_EXECUTION: '先予执行裁决',
  PARTIAL_AWARD: '部分裁决',
  ISSUE_AWARD: '作出裁决',
  WITHDRAW: '撤回仲裁申请',
  DEEM_WITHDRAWN: '按撤回仲裁申请处理',
  TERMINATE: '终止审理',
  RECORD_LAWSUIT: '登记当事人起诉',
  RECORD_SET_ASIDE: '登记撤销裁决申请/结果',
  RECORD_COURT_OUTCOME: '登记法院裁判结果',
  MARK_EFFECTIVE: '确认裁决生效',
  TRANSFER_TO_COURT: '移送人民法院',
  ARCHIVE: '归档',
  ASSIGN_MEDIATOR: '指派调解员',
  // Round 2 (issue 11 "Missing").
  CHANGE_CLAIMS: '增加、变更或放弃仲裁请求',
  ADD_PARTY: '追加当事人或第三人',
  REFER_ELSEWHERE: '书面告知向有管辖权的仲裁委申请',
  ACCEPT_TRANSFER: '受理移送管辖的案件',
  RAISE_JURISDICTION_OBJECTION: '提出管辖异议',
  DECIDE_JURISDICTION_OBJECTION: '对管辖异议作出决定',
  TRANSFER_CASE: '移送管辖',
  APPLY_RECUSAL: '申请回避',
  DECIDE_RECUSAL: '作出回避决定',
  SET_EVIDENCE_PERIOD: '指定举证期限',
  EXTEND_EVIDENCE_PERIOD: '延长举证期限',
  RECORD_LATE_EVIDENCE: '登记逾期提交的证据',
  RECORD_REPRESENTED_CONSENT: '登记被代表劳动者的同意',
  ACCEPT_REVIEW: '受理调解协议仲裁审查申请',
  REJECT_REVIEW: '仲裁审查申请不予受理',
  CONFIRM_AGREEMENT: '审查确认并制作调解书',
  REFUSE_CONFIRMATION: '不予制作调解书（终止审查）',
  APPLY_ENFORCEMENT: '登记当事人申请强制执行',
  RECORD_ENFORCEMENT_OUTCOME: '登记强制执行结果',
  VOID_REGISTRATION: '作废误登记',
  // feat52 (LDMAL Art. 24).
  APPOINT_AGENT: '登记委托代理人',
  REVOKE_AGENT: '解除委托代理',
};

/** How a case ended (结案方式), for every workflows/procedure-types.ts CLOSURE_MODES. */
export const CLOSURE_MODE_LABELS: Record<ClosureMode, string> = {
  award: '裁决结案',
  mediation: '调解结案',
  withdrawal: '撤回',
  deemed_withdrawal: '按撤回处理',
  termination: '终止审理',
  rejection: '不予受理',
  transfer: '移送管辖',
  referral: '告知向有管辖权的仲裁委申请',
  review_confirmed: '审查确认（调解书）',
  review_terminated: '终止仲裁审查',
  review_rejected: '仲裁审查不予受理',
  voided: '已作废（误登记）',
};

/**
 * s60 W2 #4: the grounds of a suspension (中止审理), worded as 《劳动人事争议仲裁办案规则》第四十七条 lists them — their
 * conditions are part of the ground (docs/domain.md §7.3). The one home of these labels: SUSPEND's `ground` takes
 * these keys (app/event-schemas.ts) and the web's dialog offers these words (GET /api/reference/vocabulary).
 */
export const SUSPENSION_GROUNDS = {
  death: '（一）劳动者一方当事人死亡，需要等待继承人表明是否参加仲裁的',
  incapacity: '（二）劳动者一方当事人丧失民事行为能力，尚未确定法定代理人参加仲裁的',
  successor: '（三）用人单位终止，尚未确定权利义务承继者的',
  force_majeure: '（四）一方当事人因不可抗拒的事由，不能参加仲裁的',
  pending_case: '（五）案件审理需要以其他案件的审理结果为依据，且其他案件尚未审结的',
  appraisal: '（六）案件处理需要等待工伤认定、伤残等级鉴定以及其他鉴定结论的',
  other: '（七）其他应当中止仲裁审理的情形',
} as const;
export type SuspensionGround = keyof typeof SUSPENSION_GROUNDS;
/**
 * s63 A #1: the item of Rules Art. 47 a ground is, as a citation writes it — `（六）` for `appraisal` — read off its words
 * above (each begins with its item), so the two cannot disagree.
 */
export const suspensionItem = (g: SuspensionGround): string => SUSPENSION_GROUNDS[g].slice(0, SUSPENSION_GROUNDS[g].indexOf('）') + 1);

export const stateLabel = (s: string): string => STATE_LABELS[s] ?? s;
export const eventLabel = (t: string): string => (EVENT_LABELS as Record<string, string>)[t] ?? t;
export const closureModeLabel = (m: string): string => (CLOSURE_MODE_LABELS as Record<string, string>)[m] ?? m;

/**
 * The rules and the deadlines name a party by its id ("答辩期（当事人57）", "尚未送达当事人57"): the id is what the
 * computation holds (PartyRef carries no names). A text shown to a person names the party instead: each
 * `当事人<id>` (or list `当事人<id>、<id>`) whose ids are all `names`' keys (the case's own parties) becomes the
 * parties' names; an id that is not one of them stays as written.
 */
export function namePartiesIn(text: string, names: ReadonlyMap<number, string>): string {
  if (!text.includes('当事人')) return text;
  // A list ("当事人12、13") is named whole or not at all.
  return text.replace(/当事人 ?(\d+(?:、\d+)*)(?!\d)/g, (whole, list: string) => {
    const named = list.split('、').map((id) => names.get(Number(id)));
    return named.every((n) => n !== undefined) ? named.join('、') : whole;
  });
}

/** A claim as the case page and the forms number and word it (`seq`, its category and words), for `nameClaimsIn`. */
export interface ClaimWords {
  id?: number | null;
  seq?: number | null;
  category: ClaimCategory;
  description?: string | null;
  counterclaim?: boolean | null;
}

/** 第N项请求（类别：请求事项）: a claim as the person sees it listed (web: "N. 【反请求】…"), its words cut at 30. */
export function claimWords(cl: ClaimWords): string {
  const words = (cl.description ?? '').trim();
  const said = words.length > 30 ? `${words.slice(0, 30)}…` : words;
  return `第${cl.seq ?? '?'}项请求（${cl.counterclaim ? '反请求，' : ''}${CLAIM_CATEGORIES[cl.category] ?? cl.category}${said ? `：${said}` : ''}）`;
}

/**
 * The rules name a claim by its id (`请求 <id>`, a list `请求 <id>、<id>`; ClaimRef carries neither its number nor its
 * words). A refusal shown to a person names it as the case page lists it — its number in the case (`seq`) and its
 * words (ui55 #1: 「请求 3 不属于」 where the screen had no claim 3). Named whole or not at all, like `namePartiesIn`.
 */
export function nameClaimsIn(text: string, claims: readonly ClaimWords[]): string {
  if (!text.includes('请求 ')) return text;
  return text.replace(/请求 (\d+(?:、\d+)*)(?!\d) ?/g, (whole, list: string) => {
    const named = list.split('、').map((id) => claims.find((c) => c.id === Number(id)));
    return named.every((c) => c !== undefined && c.seq != null) ? named.map((c) => claimWords(c as ClaimWords)).join('、') : whole;
  });
}
