// Forms for procedure events: one field list per event type, matching server/event-schemas.ts (the server validates;
// these only lay out the inputs with Chinese labels). `award` is the per-claim award editor. A date field is the date
// of something already done (not later than today) unless marked `future` (a hearing, a period's last day).
import { state } from './core.js';

export const LABELS = {
  outcome: { granted: '支持', partly: '部分支持', dismissed: '驳回' },
  finality: { final: '终局裁决', non_final: '非终局裁决', mixed: '部分终局（终局与非终局事项并存）' },
  measure: { carriedOver: '上期未结', accepted: '本期受理', closed: '本期结案', pending: '期末未结', overdue: '超审限' },
};
/**
 * The documents a service is recorded for (SERVE `document`), by their short names as the case page shows them: from
 * the vocabulary (templates/kinds.ts SERVED_DOCUMENTS, which also holds the full names the documents print) — no copy here.
 */
export const serviceDocs = () => Object.fromEntries(Object.entries(state.vocab?.servedDocuments ?? {}).map(([k, v]) => [k, v.short]));
/** The full names (仲裁裁决书, 仲裁调解书), as 文书种类 and the documents list name them: what the 送达 dialog offers (ui45 L3). */
export const serviceDocNames = () => Object.fromEntries(Object.entries(state.vocab?.servedDocuments ?? {}).map(([k, v]) => [k, v.name]));
/**
 * ui49 L3: whether a service of `award` delivered a partial award — its `awardOn` is a partial award's day (not the
 * award's), or, without one, the case had only partial awards on the day of service.
 */
export function servesPartialAward(c, payload = {}, on = null) {
  if (payload.document !== 'award') return false;
  const partials = c.proceedings?.partialAwards ?? [];
  if (!partials.length) return false;
  if (payload.awardOn) return payload.awardOn !== c.award?.issuedOn && partials.some((a) => a.issuedOn === payload.awardOn);
  const day = payload.servedOn ?? on;
  return !c.award || Boolean(day && c.award.issuedOn && day < c.award.issuedOn);
}
/** The served document's name (full, or `short` as the 送达记录 and 卷内目录 name it), a partial award's as such. */
export function servedDocName(c, payload = {}, on = null, short = false) {
  if (servesPartialAward(c, payload, on)) return short ? '部分裁决书' : '部分裁决书（仲裁裁决书）';
  return (short ? serviceDocs() : serviceDocNames())[payload.document] ?? null;
}
/** fixA50 (legal49c H2): the parties whose suit against the award awaits the court's outcome (`decided` null). */
export const pendingSuitParties = (c) =>
  new Set((c.proceedings?.lawsuits ?? []).filter((l) => l.decided === null).map((l) => String(l.partyId)));

export const METHODS = {
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  sms: '简便方式（短信等）',
  left: '留置送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
  posted: '张贴送达',
};
/**
 * 公开开庭 or not (LDMAL Art. 26): public is the law's rule, so the dialog starts on it — shown as a named choice with
 * the rule beside it, not a ticked box — and each 不公开 choice names its ground. Sends `public` and, when not public,
 * `nonPublicGround`.
 */
const PUBLICITY = {
  name: 'public',
  label: '开庭方式',
  kind: 'publicity',
  grounds: { parties_agreed: '当事人协议不公开', state_secret: '涉及国家秘密', trade_secret: '涉及商业秘密', privacy: '涉及个人隐私' },
};
// Without it, a room or an arbitrator already taken at that hour by another case is refused (422 hearing-clash).
const JOINT_HEARING = {
  name: 'jointHearing',
  label: '合并开庭（与同时同地开庭的案件由同一仲裁庭合并审理）',
  kind: 'bool',
  omitFalse: true,
};
// CPL Art. 250(2): the two years to apply for enforcement of a 调解书 run from the last day of the performance period it
// states; the terms are free text, so that day is asked for here (a future date: the period lies ahead).
const PERFORMANCE_DUE_ON = {
  name: 'performanceDueOn',
  label: '履行期限届满之日',
  kind: 'date',
  future: true,
  hint: '调解书载明的履行期限最后一日（分期履行的，为最后一期）；申请强制执行期间自此起算。未载明履行期限的不填，自调解书生效之日起算',
  // A mediation before arbitration ends in a 调解协议书, which is not enforced like a 调解书 (ui44 L3): its remedies are
  // arbitration (LDMAL Art. 15) and, for pay, work-injury medical costs, compensation or damages, a payment order (Art. 16).
  trackHint: {
    mediation:
      '调解协议书载明的履行期限最后一日（分期履行的，为最后一期），未载明的不填。调解协议书不能像调解书那样申请强制执行：一方逾期不履行的，另一方可以依法申请仲裁（《劳动争议调解仲裁法》第十五条）；就拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金达成的协议，用人单位逾期不履行的，劳动者可以持调解协议书向人民法院申请支付令（第十六条）',
  },
};
// s62 B #1 (Rules Art. 60; LDMAL Art. 35): the hearing date of a simple case, as the server judges it (workflows/hearings.ts
// simpleHearingNoticeWarnings; refused instead where the commission keeps the notice period in simple handling —
// PERIODS_OVERRIDE hearing_notice.keptInSimple, workflows/rules.ts SCHEDULE_HEARING/POSTPONE_HEARING 422
// hearing-notice-5-days). s64 C #4: said in a clerk's words, not the setting's.
const SIMPLE_HEARING_HINT =
  '简易处理：仲裁庭可以根据案件情况确定开庭日期（《劳动人事争议仲裁办案规则》第六十条）；开庭日期距通知之日不足5个工作日的，记录时将提示。本委规定简易处理也须提前5个工作日通知的，开庭日期不足5个工作日将不予记录，须另定开庭日期';
const reason = (required = true, label = '理由') => ({ name: 'reason', label, kind: 'textarea', required });
// A counterclaim still standing is not closed with the applicant's withdrawal unless the respondent withdraws it too.
const COUNTERCLAIM_WITHDRAWN = {
  name: 'counterclaimWithdrawn',
  label: '被申请人一并撤回反申请',
  kind: 'bool',
  omitFalse: true,
  // Asked only while a counterclaim's claim is neither given up nor decided by a partial award.
  when: (c) => {
    const decided = new Set((c.proceedings?.partialAwards ?? []).flatMap((x) => (x.items ?? []).map((i) => i.claimId)));
    return (c.claims ?? []).some((cl) => cl.counterclaim && !cl.withdrawn && !decided.has(cl.id));
  },
};

/**
 * ui49 H1: a remedy (a suit, a set-aside, an enforcement) against a partial award names it — `partialAward`, 1 for the
 * first made (LDMAL Art. 43(2); Rules Art. 49). Asked only on a case with partial awards: which award the act is against,
 * 本案裁决 or 第N件部分裁决 (web/pages/act.js, kind `partialAward`; the confirmation names it).
 */
const AGAINST_AWARD = {
  name: 'partialAward',
  label: '针对的裁决',
  kind: 'partialAward',
  when: (c) => (c.proceedings?.partialAwards ?? []).length > 0,
};

export const EVENT_FORMS = {
  REQUEST_SUPPLEMENT: [{ name: 'items', label: '补正事项（一次性列明）', kind: 'lines', required: true }],
  SUPPLEMENT_RECEIVED: [],
  ACCEPT: [],
  REJECT: [
    reason(true, '不予受理理由'),
    {
      name: 'ground',
      label: '依据',
      kind: 'select',
      options: { scope: '不属于受案范围', claims: '无具体请求', standing: '主体不适格', duplicate: '重复申请', other: '其他' },
    },
  ],
  SERVE: [
    {
      name: 'document',
      label: '送达文书',
      kind: 'select',
      get options() {
        return serviceDocNames();
      },
      required: true,
    },
    { name: 'partyId', label: '受送达人', kind: 'party', required: true },
    // fixA50 (item 4; LDMAL Art. 43(2)): once the final award is made, a 裁决书 naming no award is the final award's; a
    // partial award's service names it (the server records it by its day).
    {
      name: 'partialAward',
      label: '送达的部分裁决书（送达部分裁决书时选择；不选为最终裁决书）',
      kind: 'select',
      numeric: true,
      when: (c) => Boolean(c.award) && (c.proceedings?.partialAwards ?? []).length > 0,
      options: (c) =>
        Object.fromEntries((c.proceedings?.partialAwards ?? []).map((p, i) => [String(i + 1), `第${i + 1}件部分裁决书（${p.issuedOn}）`])),
    },
    { name: 'method', label: '送达方式', kind: 'select', options: METHODS, required: true },
    {
      name: 'servedOn',
      label: '送达日期',
      kind: 'date',
      hint: '不填则为送交日期',
      // CPL Art. 91: 邮寄送达的，以回执上注明的收件日期为送达日期 — asked for by that name, and required (the server
      // refuses a posting without it: 422 postal-service-receipt-date on servedOn).
      requiredWith: {
        method: ['post'],
        label: '回执签收日期',
        hint: '邮寄送达以回执上注明的收件日期为送达日期（《民事诉讼法》第九十一条）',
        message: '邮寄送达请填写回执上注明的收件日期',
      },
      // ui49 M3: a document left (留置), posted (张贴) or published (公告) is deemed served later (Rules Art. 20 [R]; CPL
      // Art. 95): the day typed is the day of that act, the record's 送达日期 the deemed day the confirmation names.
      labelWith: {
        method: {
          left: { label: '留置之日', hint: '留置送达的，视为送达日期由系统依法计算（留置之日起三个工作日后）' },
          posted: { label: '张贴之日', hint: '张贴送达的，视为送达日期由系统依法计算（张贴之日起三个工作日后）' },
          public_notice: { label: '公告之日', hint: '公告送达的，自公告之日起经过三十日即视为送达，视为送达日期由系统计算' },
        },
      },
    },
    // Each box belongs to its method (workflows/rules.ts SERVE): electronic service needs the addressee's consent (CPL
    // Art. 90; refused without it), a simple-method notice counts only once confirmed (Rules Art. 59).
    {
      name: 'consent',
      label: '受送达人同意电子送达',
      kind: 'bool',
      onlyWith: { method: ['electronic'] },
      requiredWhenShown: '电子送达须经受送达人同意：受送达人同意后勾选（《民事诉讼法》第九十条）',
    },
    { name: 'confirmed', label: '简便方式送达已经受送达人确认', kind: 'bool', onlyWith: { method: ['sms'] } },
    { name: 'signer', label: '签收人', kind: 'text' },
  ],
  FILE_DEFENSE: [
    // Several respondents (one added after acceptance, Rules Art. 46(1)): which one filed.
    { name: 'partyId', label: '提交答辩的被申请人', kind: 'respondent', required: true, when: (c) => c.respondents.length > 1 },
    { name: 'summary', label: '答辩要点', kind: 'textarea' },
  ],
  SHORTEN_DEFENSE_PERIOD: [
    // Rules Art. 58: 「缩短或者取消答辩期」 — 0 cancels it; counted in working days (Rules Art. 80).
    { name: 'days', label: '答辩期（工作日；0 为取消答辩期）', kind: 'int', required: true, min: 0 },
    {
      name: 'respondentConsent',
      label: '被申请人同意缩短或者取消答辩期',
      kind: 'bool',
      requiredWhenShown: '缩短或者取消答辩期须经被申请人同意：被申请人同意后勾选（《劳动人事争议仲裁办案规则》第五十八条）',
    },
  ],
  FILE_COUNTERCLAIM: [
    // The day it was filed decides whether it is in time (Rules Art. 36): asked first, not left to default.
    {
      name: 'filedOn',
      label: '反申请提出日期',
      kind: 'date',
      required: true,
      hint: '按此日判断是否在答辩期内；合并审理日期为受理并合并审理之日',
    },
    { name: 'description', label: '反申请内容', kind: 'textarea', required: true },
    // Rules Art. 36: the counterclaim's claim, decided by the award like the applicant's (without one, the content is).
    { name: 'claims.0.category', label: '反请求事项：类别', kind: 'category', hint: '不填时以反申请内容作为一项请求（类别“其他”）' },
    { name: 'claims.0.amount', label: '反请求事项：金额（元）', kind: 'text' },
    { name: 'claims.0.description', label: '反请求事项：内容', kind: 'textarea' },
    { name: 'claims.0.applicant', label: '反请求事项：针对的申请人', kind: 'applicant', when: (c) => c.applicants.length > 1 },
  ],
  RECORD_REPRESENTATIVES: [{ name: 'partyIds', label: '代表人', kind: 'parties', required: true }],
  FORM_TRIBUNAL: [
    { name: 'arbitratorIds', label: '仲裁员（独任1名或合议3名）', kind: 'arbitrators', required: true },
    // fixU54 #2: one ticked is filled in as the sole arbitrator; of three, the presiding one is chosen (act.js).
    {
      name: 'presidingId',
      label: '首席/独任仲裁员',
      kind: 'arbitrator',
      required: true,
      hint: '勾选1名的，自动填为独任仲裁员；勾选3名的，请选择首席仲裁员',
    },
  ],
  RECUSE_ARBITRATOR: [
    { name: 'arbitratorId', label: '回避的仲裁员', kind: 'arbitrator', required: true },
    { name: 'replacementId', label: '替换仲裁员', kind: 'arbitrator', required: true },
    reason(),
  ],
  SCHEDULE_HEARING: [
    {
      name: 'hearingOn',
      label: '开庭日期',
      kind: 'date',
      required: true,
      future: true,
      hint: '须在通知之日起5个工作日之后',
      // s62 B #1: a simple case sets the hearing date flexibly (Rules Art. 60) — the server says so when it is recorded.
      procedureHint: { simple: SIMPLE_HEARING_HINT },
    },
    { name: 'time', label: '时间', kind: 'time' },
    { name: 'place', label: '地点', kind: 'text', required: true },
    PUBLICITY,
    JOINT_HEARING,
  ],
  // The dialog shows the hearing as now scheduled (act.js `currentHearing`); what is left empty stays as it was.
  POSTPONE_HEARING: [
    {
      name: 'hearingOn',
      label: '新的开庭日期',
      kind: 'date',
      required: true,
      future: true,
      procedureHint: { simple: SIMPLE_HEARING_HINT },
    },
    { name: 'time', label: '新的开庭时间', kind: 'time', hint: '不填则沿用原定时间' },
    { name: 'place', label: '地点', kind: 'text', hint: '不填则沿用原定地点' },
    { name: 'requestedBy', label: '提出方', kind: 'select', options: { party: '当事人申请', tribunal: '仲裁庭决定' } },
    { name: 'requestedOn', label: '当事人申请日期', kind: 'date' },
    reason(),
    JOINT_HEARING,
  ],
  HOLD_HEARING: [
    // Presence is a choice each time (nothing ticked in advance): an absence has consequences (LDMAL Art. 36).
    { name: 'applicantPresent', label: '申请人是否到庭', kind: 'yesno', yes: '到庭', no: '未到庭', required: true },
    { name: 'respondentPresent', label: '被申请人是否到庭', kind: 'yesno', yes: '到庭', no: '未到庭', required: true },
    // 中途退庭 without the tribunal's consent stands as not attending (LDMAL Art. 36; Rules Art. 39).
    { name: 'applicantLeftEarly', label: '申请人到庭后未经仲裁庭同意中途退庭', kind: 'bool' },
    { name: 'respondentLeftEarly', label: '被申请人到庭后未经仲裁庭同意中途退庭', kind: 'bool' },
    // legal54c M1 — attendance party by party (LDMAL Art. 36; SPC-1 Art. 19): with several workers or co-respondents,
    // the one who did not come is ticked by name while his side, someone of it there, is recorded present.
    {
      name: 'absentParties',
      label: '其中未到庭的当事人（逐人勾选）',
      kind: 'parties',
      hint: '一方有人到庭、有人未到庭时勾选未到庭的人（该方选“到庭”）；一方全部未到庭的，选“未到庭”即可',
      when: (c) => (c.applicants ?? []).length > 1 || (c.respondents ?? []).length > 1,
    },
    {
      name: 'thirdPartyPresent',
      label: '第三人是否到庭',
      kind: 'yesno',
      yes: '到庭',
      no: '未到庭',
      required: true,
      when: (c) => (c.thirdParties ?? []).length > 0,
    },
    PUBLICITY,
  ],
  START_MEDIATION: [{ name: 'note', label: '备注', kind: 'textarea' }],
  MEDIATION_AGREED: [
    { name: 'terms', label: '调解协议内容', kind: 'textarea', required: true },
    { name: 'amount', label: '调解金额（元，统计用）', kind: 'text' },
    PERFORMANCE_DUE_ON,
    // fixL58 #4 (LDMAL Art. 51): who the agreement obliges to perform — the other side may apply for enforcement.
    {
      name: 'obligorIds',
      label: '履行义务人',
      kind: 'parties',
      hint: '调解协议确定履行给付义务的当事人（申请执行时据此核对申请人）；不选的，不记录履行义务人',
      // fixU59 #2: a pre-arbitration agreement is not enforced (LDMAL Arts. 15–16): nothing to check an enforcement against.
      // s60 W2 #5: that notice is said once in the dialog, under 履行期限届满之日 (PERFORMANCE_DUE_ON's trackHint).
      trackHint: { mediation: '调解协议书确定履行给付义务的当事人；不选的，不记录履行义务人' },
    },
  ],
  MEDIATION_FAILED: [reason(true, '未达成协议的原因')],
  SIGN_MEDIATION_DOCUMENT: [
    { name: 'partyId', label: '签收当事人', kind: 'party', required: true },
    { name: 'signedOn', label: '签收日期', kind: 'date' },
    { name: 'refused', label: '拒绝签收', kind: 'bool' },
  ],
  REFER_TO_ARBITRATION: [
    {
      name: 'reason',
      label: '转入仲裁原因',
      kind: 'select',
      options: {
        failed: '调解不成',
        time_limit: '调解期满未结',
        non_performance: '不履行调解协议',
        agreement_invalid: '调解协议无效',
        partial_agreement: '调解协议只解决部分事项（其余事项申请仲裁）',
      },
      // As the mediation's record has it (LDMAL Arts. 14(3), 15): failed, agreed (and not performed), or its days run out.
      initial: (c) => {
        const m = c.proceedings?.trackMediation;
        if (!m) return null;
        if (m.failedOn) return 'failed';
        if (m.agreedOn) return 'non_performance';
        return (c.deadlines ?? []).some((d) => d.kind === 'mediation' && d.status === 'elapsed') ? 'time_limit' : null;
      },
    },
    // fixT58 #2 (LDMAL Art. 15): an agreement held void or set aside — the ground is stated (required with that reason).
    {
      name: 'ground',
      label: '调解协议无效的理由，或未达成协议、申请仲裁的事项（选择“调解协议无效”或“只解决部分事项”时填写）',
      kind: 'textarea',
      when: (c) => Boolean(c.proceedings?.trackMediation?.agreedOn),
    },
    {
      name: 'channel',
      label: '申请方式',
      kind: 'select',
      options: { counter: '窗口递交', post: '邮寄', online: '网上申请', oral: '口头申请' },
    },
  ],
  // Rules Art. 47: a suspension rests on one of its grounds, chosen first; the reason says the facts.
  SUSPEND: [
    {
      name: 'ground',
      label: '中止事由',
      kind: 'select',
      required: true,
      // s60 W2 #4: worded as Art. 47 lists them, in the server's words (workflows/labels.ts SUSPENSION_GROUNDS).
      options: () => state.vocab?.suspensionGrounds ?? {},
      hint: '《劳动人事争议仲裁办案规则》第四十七条',
    },
    reason(),
  ],
  RESUME: [reason(false, '恢复理由')],
  EXTEND_TIME_LIMIT: [
    { name: 'days', label: '延长天数', kind: 'int', required: true, min: 1, max: 15, unit: '日', hint: '不超过15日' },
    reason(true, '延期理由（经仲裁委主任批准）'),
  ],
  // Rules Art. 61: the conversion notice says why the case is unsuited to simple handling.
  CONVERT_TO_ORDINARY: [reason(true, '不宜简易处理的理由')],
  ADVANCE_EXECUTION: [
    // LDMAL Art. 44: 根据当事人的申请 — the ruling prints the day the applicant applied.
    {
      name: 'appliedOn',
      label: '申请人申请先予执行日期',
      kind: 'date',
      required: true,
      hint: '先予执行须根据当事人的申请（《劳动争议调解仲裁法》第四十四条）；不晚于裁决日期',
    },
    { name: 'claimIds', label: '先予执行的请求', kind: 'claims', required: true },
    { name: 'rightsClear', label: '权利义务关系明确', kind: 'bool' },
    { name: 'lifeSeriouslyAffected', label: '不先予执行将严重影响申请人生活', kind: 'bool' },
    // fixD58 #1 / fixW59 #1 (LDMAL Art. 44): who pays in advance — of several respondents one named, the others jointly
    // (连带) or for equal shares (按份), nothing preselected — is asked under the amounts (web/pages/act.js advancePayers).
  ],
  PARTIAL_AWARD: [{ name: 'items', label: '部分裁决事项', kind: 'award' }],
  ISSUE_AWARD: [{ name: 'items', label: '裁决事项', kind: 'award' }],
  WITHDRAW: [reason(true, '撤回理由'), COUNTERCLAIM_WITHDRAWN],
  DEEM_WITHDRAWN: [
    // legal54c M1 (LDMAL Art. 36; Rules Art. 39; SPC-1 Art. 19): one absent worker's application alone; （不选）: every applicant's.
    {
      name: 'partyId',
      label: '仅对这一名未到庭的申请人按撤回处理',
      kind: 'party',
      hint: '不选：对全部申请人按撤回仲裁申请处理并结案；选定的：仅视为撤回其仲裁申请，其不得以同一事实和理由再次申请仲裁，案件对其他申请人继续审理',
      when: (c) => (c.applicants ?? []).length > 1,
    },
    reason(false),
    COUNTERCLAIM_WITHDRAWN,
  ],
  TERMINATE: [
    {
      name: 'ground',
      label: '终止事由',
      kind: 'select',
      options: {
        delay_suit: '人民法院已受理当事人因逾期未作出裁决提起的诉讼（审理期限届满后）',
        other: '其他依法应当终止审理的情形',
      },
      required: true,
    },
    reason(),
    // docs57 #4: the 决定书 of another ground cites the rule it rests on (Rules Art. 48 is the delay suit's only).
    {
      name: 'basis',
      label: '终止审理的依据',
      kind: 'text',
      hint: '终止事由为“其他”时填写',
      requiredWith: {
        ground: ['other'],
        label: '终止审理的依据',
        hint: '决定书写明的依据：法律、法规、规章或本地仲裁规则的条文；参照适用的写明“参照”',
        message: '请写明终止审理的依据',
      },
    },
  ],
  RECORD_LAWSUIT: [
    AGAINST_AWARD,
    { name: 'partyId', label: '起诉当事人', kind: 'party', required: true },
    // After a mixed award's final part was set aside: a suit on those matters (LDMAL Art. 49(3)) leaves the non-final
    // part in effect; one against the non-final part (Art. 50) holds it back.
    {
      name: 'matter',
      label: '起诉的事项',
      kind: 'select',
      options: {
        set_aside: '终局裁决部分被撤销的事项（《劳动争议调解仲裁法》第四十九条第三款）',
        award: '不服非终局裁决部分（第五十条）',
      },
      required: true,
      when: (c) => c.award?.finality === 'mixed' && c.proceedings?.setAside?.result === 'set_aside',
    },
    { name: 'court', label: '受理法院', kind: 'text', required: true },
    { name: 'filedOn', label: '起诉日期', kind: 'date', required: true },
    // reviewer s52 H1: a late suit on a final award the court has docketed (its period extended, CPL Art. 86).
    {
      name: 'courtAccepted',
      label: '法院已受理逾期起诉（如准许顺延期限）',
      kind: 'bool',
      omitFalse: true,
      when: (c) => c.award?.finality === 'final',
    },
  ],
  RECORD_SET_ASIDE: [
    AGAINST_AWARD,
    { name: 'court', label: '中级人民法院', kind: 'text' },
    { name: 'filedOn', label: '申请撤销日期', kind: 'date' },
    {
      name: 'result',
      label: '法院结果（有结果时填写，不填申请信息）',
      kind: 'select',
      options: { rejected: '驳回撤销申请', set_aside: '撤销裁决', withdrawn: '撤回申请' },
    },
    { name: 'decidedOn', label: '裁定日期', kind: 'date' },
    { name: 'servedOn', label: '裁定送达日期', kind: 'date' },
  ],
  RECORD_COURT_OUTCOME: [
    {
      name: 'outcome',
      label: '法院裁判结果',
      kind: 'select',
      required: true,
      options: {
        judgment: '判决',
        withdrawal_permitted: '裁定准予撤诉',
        dismissed_out_of_time: '超过起诉期间裁定驳回',
        dismissed_no_effect: '主体错误或非劳动争议驳回（裁决不生效）',
      },
    },
    // fixA50 (legal49c H2): a ruling ends one suit — which, when several are pending (the server requires partyId then).
    {
      name: 'partyId',
      label: '裁判针对的起诉（起诉当事人）',
      kind: 'party',
      required: true,
      when: (c) => pendingSuitParties(c).size > 1,
    },
    { name: 'court', label: '法院', kind: 'text' },
    { name: 'decidedOn', label: '裁判日期', kind: 'date' },
    { name: 'servedOn', label: '裁定送达日期', kind: 'date' },
  ],
  MARK_EFFECTIVE: [],
  TRANSFER_TO_COURT: [
    {
      name: 'purpose',
      label: '移送事由',
      kind: 'select',
      options: { enforcement: '申请强制执行', advance_execution: '先予执行', litigation: '诉讼' },
      required: true,
    },
    { name: 'court', label: '人民法院', kind: 'text', required: true },
    { name: 'documents', label: '移送材料', kind: 'lines' },
  ],
  // Rules Art. 24 sets a floor (not less than 10 years), not the period: the local archive schedule decides, so the
  // clerk enters it (nothing pre-filled).
  ARCHIVE: [
    {
      name: 'retentionYears',
      label: '保管期限（年）',
      kind: 'int',
      required: true,
      min: 10,
      max: 100,
      hint: '按当地档案保管期限表填写，不少于10年（《劳动人事争议仲裁办案规则》第二十四条）',
    },
  ],
  // Issue 12: the chair (before a tribunal exists), the tribunal or the clerk (pre-arbitration) assigns a mediator.
  ASSIGN_MEDIATOR: [{ name: 'mediatorId', label: '调解员', kind: 'mediator', required: true }],

  // Round 2 (issue 11 "Missing"). Dotted names build nested fields ('target.userId', 'add.0.amount').
  CHANGE_CLAIMS: [
    { name: 'add.0.category', label: '增加的请求：类别', kind: 'category' },
    { name: 'add.0.amount', label: '增加的请求：金额（元）', kind: 'text' },
    { name: 'add.0.description', label: '增加的请求：内容', kind: 'textarea' },
    // Several workers: whose own claim the added one is (each worker's item judged on its own, LDMAL Art. 47(1)).
    { name: 'add.0.applicant', label: '增加的请求：申请人', kind: 'applicant', when: (c) => c.applicants.length > 1 },
    // s62: an existing claim's amount or words changed (Rules Art. 44) — ClaimChange, one row per live claim.
    { name: 'change', label: '变更的请求', kind: 'claimChanges' },
    { name: 'withdraw', label: '放弃的请求', kind: 'claims' },
    // Rules Art. 36: the respondent gives up its counterclaim's claims (【反请求】) by an act of its own.
    {
      name: 'by',
      label: '由谁变更或放弃',
      kind: 'select',
      options: { applicant: '申请人', respondent: '被申请人（只能放弃其反申请请求）' },
      required: true,
      when: (c) => c.claims.some((cl) => cl.counterclaim),
    },
    // Rules Art. 44: the waiver of the new period is the respondents' — with several, each answers for itself (LDMAL
    // Art. 22(2)): ticked only when every respondent waived it; one respondent's consent is recorded at the hearing.
    {
      name: 'respondentWaivesDefense',
      label: '被申请人明确放弃新的答辩期',
      kind: 'bool',
      omitFalse: true,
      hint: '有多名被申请人的，须全体被申请人均明确放弃方可勾选；仅部分被申请人放弃的不勾选，可在排期开庭时逐一记录其同意提前开庭',
    },
    reason(false, '说明'),
  ],
  ADD_PARTY: [
    { name: 'side', label: '追加为', kind: 'select', options: { respondent: '共同被申请人', third_party: '第三人' }, required: true },
    {
      name: 'ground',
      label: '追加理由',
      kind: 'select',
      required: true,
      options: {
        co_respondent: '共同被申请人',
        dispatch: '劳务派遣单位或用工单位',
        unlicensed_employer: '无营业执照等单位的出资人、开办单位',
        contractor: '个人承包经营',
        interested_third_party: '与处理结果有利害关系的第三人',
        other: '其他',
      },
      // s62 E #1: the grounds of the side chosen only (LDMAL Arts. 22–23; Rules Arts. 6–7) — the server's own list
      // (vocabulary additionGroundSides, workflows/reference.ts ADDITION_GROUND_SIDES), which refuses a mismatch.
      optionsWith: { field: 'side', allowed: () => state.vocab?.additionGroundSides ?? {} },
    },
    { name: 'party.kind', label: '类型', kind: 'select', options: { organization: '单位', person: '自然人' }, required: true },
    { name: 'party.name', label: '名称/姓名', kind: 'text', required: true },
    { name: 'party.creditCode', label: '统一社会信用代码（单位）', kind: 'text', identifier: true },
    { name: 'party.idNumber', label: '身份证号码（自然人）', kind: 'text', identifier: true },
    // An organization's 法定代表人/主要负责人 is named in the award and the notices (Rules Art. 29 — as at registration).
    { name: 'party.legalRepresentative', label: '法定代表人/主要负责人（单位）', kind: 'text' },
    // s62 E #3: the employer's economic type, as at registration (web/pages/register.js): the statistics by 用人单位类型
    // count a case without it as 未登记 (domain.md §13.1). Asked of an organization; required of one added as a
    // respondent, as registration's form asks it of an employer respondent (the API leaves it optional).
    {
      name: 'party.ownership',
      label: '用人单位类型（单位）',
      kind: 'select',
      options: () => state.vocab?.ownershipTypes ?? {},
      onlyWith: { 'party.kind': ['organization'] },
      requiredWith: {
        side: ['respondent'],
        label: '用人单位类型（单位）',
        hint: '用于统计“按用人单位类型”',
        message: '请选择用人单位类型（统计按用人单位类型分列）',
      },
      hint: '用于统计“按用人单位类型”；追加为第三人的可不选',
    },
    { name: 'party.phone', label: '联系电话', kind: 'text' },
    { name: 'party.address', label: '地址', kind: 'text' },
  ],
  // feat52: an agent appointed after acceptance (LDMAL Art. 24: the power of attorney, signed or sealed, stating the
  // matters and the authority) — the same fields as registration's agents; 法律援助 is the kind `legal_aid`.
  APPOINT_AGENT: [
    { name: 'partyId', label: '委托人（当事人）', kind: 'party', required: true },
    { name: 'agent.name', label: '代理人姓名', kind: 'text', required: true, max: 100 },
    { name: 'agent.kind', label: '代理人类别', kind: 'select', options: () => state.vocab?.agentKinds ?? {}, required: true },
    { name: 'agent.unit', label: '工作单位/律所/指派或推荐单位', kind: 'text', max: 100, hint: '法律援助的，填指派的法律援助机构' },
    { name: 'agent.relationship', label: '与当事人关系（近亲属）', kind: 'text', max: 20, hint: '近亲属代理的填写，如 配偶、父亲' },
    { name: 'agent.phone', label: '代理人电话', kind: 'text', max: 32 },
    {
      name: 'powers',
      label: '授权权限',
      kind: 'select',
      options: { general: '一般授权', special: '特别授权（可代为承认、放弃、变更仲裁请求，进行和解等）' },
      required: true,
      hint: '按授权委托书载明的权限选择；仅写“全权代理”而无具体授权的，按一般授权登记',
    },
    { name: 'receivedOn', label: '收到授权委托书日期', kind: 'date', required: true },
  ],
  // feat52: the party's written notice revoking an agency; the commission tells the other side. The agent is chosen
  // among the parties' agents (the party follows from him), or preset from the agent's line on the case page.
  REVOKE_AGENT: [
    { name: 'agentId', label: '解除委托的代理人', kind: 'agent', required: true },
    { name: 'receivedOn', label: '收到解除委托书面告知日期', kind: 'date', required: true },
  ],
  // void44: a registration made by mistake (a second copy of one application), voided before acceptance.
  VOID_REGISTRATION: [
    reason(true, '作废原因'),
    // ui45 M1: chosen among the registration's duplicate warnings and the applicant's other applications (案号 or
    // 仲裁申请#编号, parties, 收到日期) — a clerk never sees the internal id the server takes.
    {
      name: 'duplicateOf',
      label: '所重复的案件（选填）',
      kind: 'duplicateOf',
      hint: '重复登记的，选择同一申请的另一件登记（登记时的重复提示及同一申请人的其他申请）',
    },
  ],
  REFER_ELSEWHERE: [
    { name: 'competentCommission', label: '有管辖权的仲裁委员会', kind: 'text', required: true },
    reason(true, '书面说明理由'),
  ],
  ACCEPT_TRANSFER: [
    { name: 'fromCommission', label: '移送的仲裁委员会', kind: 'text', required: true },
    { name: 'fromCaseNo', label: '原案号', kind: 'text' },
    // fixM56: applying for arbitration at the first commission interrupted the limitation period (Rules Art. 27).
    { name: 'firstReceivedOn', label: '原仲裁委员会收件日期', kind: 'date', hint: '申请仲裁引起仲裁时效中断（办案规则第二十七条）' },
  ],
  RAISE_JURISDICTION_OBJECTION: [
    // ui48 L1: a respondent's objection (Rules Art. 10; the server refuses an applicant's): only respondents are offered
    // (web/pages/act.js RESPONDENTS_ONLY).
    { name: 'partyId', label: '提出异议的当事人', kind: 'party', required: true },
    { name: 'grounds', label: '异议理由', kind: 'textarea', required: true },
  ],
  DECIDE_JURISDICTION_OBJECTION: [
    { name: 'result', label: '决定', kind: 'select', options: { rejected: '驳回异议', upheld: '异议成立（移送）' }, required: true },
    { name: 'toCommission', label: '移送的仲裁委员会（异议成立时）', kind: 'text' },
    reason(true, '理由'),
  ],
  TRANSFER_CASE: [
    { name: 'toCommission', label: '移送的仲裁委员会', kind: 'text', required: true },
    reason(true, '移送理由'),
    // Reviewer s57 A M3 (Rules Art. 9): a case taken in on transfer goes on only by the superior department's designation.
    ...[
      ['designation.department', '指定管辖的上一级主管部门', 'text', true],
      ['designation.documentNo', '指定管辖文书编号', 'text', false],
      ['designation.decidedOn', '指定管辖之日', 'date', true],
    ].map(([name, label, kind, required]) => ({ name, label, kind, required, when: (c) => Boolean(c.proceedings?.transferIn) })),
  ],
  APPLY_RECUSAL: [
    // LDMAL Art. 33: the application is a party's — named, never defaulted (ui47 H3: the confirmation names it).
    { name: 'partyId', label: '申请回避的当事人', kind: 'party', required: true },
    {
      name: 'target.kind',
      label: '被申请回避人员',
      kind: 'select',
      options: { arbitrator: '仲裁员', recorder: '记录人员' },
      required: true,
    },
    { name: 'target.userId', label: '仲裁员', kind: 'arbitrator', hint: '被申请回避的是仲裁员时选择' },
    { name: 'target.name', label: '记录人员姓名', kind: 'text' },
    { name: 'target.commissionChair', label: '该仲裁员为仲裁委员会主任', kind: 'bool', omitFalse: true },
    {
      name: 'ground',
      label: '回避事由',
      kind: 'select',
      required: true,
      options: {
        party_or_relative: '是本案当事人或当事人、代理人的近亲属',
        interest: '与本案有利害关系',
        relationship: '与当事人、代理人有其他关系，可能影响公正',
        private_meeting: '私自会见当事人、代理人或接受请客送礼',
        other: '其他',
      },
    },
    reason(true, '理由'),
    { name: 'groundLearnedLate', label: '回避事由在开庭后才知道', kind: 'bool', omitFalse: true },
  ],
  DECIDE_RECUSAL: [
    { name: 'result', label: '决定', kind: 'select', options: { rejected: '驳回申请', granted: '决定回避' }, required: true },
    {
      name: 'decidedBy',
      label: '决定人',
      kind: 'select',
      options: { chair: '仲裁委员会主任', institute_head: '受委托的仲裁院负责人', commission: '仲裁委员会（主任回避）' },
      required: true,
    },
    { name: 'replacementId', label: '替换的仲裁员（决定仲裁员回避时）', kind: 'arbitrator' },
    { name: 'replacementName', label: '替换的记录人员', kind: 'text' },
    reason(false, '理由'),
  ],
  SET_EVIDENCE_PERIOD: [{ name: 'until', label: '举证期限最后一日', kind: 'date', required: true, future: true }],
  EXTEND_EVIDENCE_PERIOD: [
    { name: 'partyId', label: '申请延长的当事人', kind: 'party', required: true },
    { name: 'until', label: '延长至', kind: 'date', required: true, future: true },
    reason(true, '确有困难的理由'),
  ],
  RECORD_LATE_EVIDENCE: [
    { name: 'partyId', label: '提交证据的当事人', kind: 'party', required: true },
    { name: 'description', label: '证据', kind: 'textarea', required: true },
    { name: 'explanation', label: '当事人说明的逾期理由', kind: 'textarea' },
    { name: 'reasonAccepted', label: '逾期理由成立', kind: 'bool' },
    {
      name: 'decision',
      label: '处理',
      kind: 'select',
      options: { admitted: '采纳', admitted_with_reprimand: '采纳并予训诫', excluded: '不予采纳' },
      required: true,
    },
  ],
  RECORD_REPRESENTED_CONSENT: [
    {
      name: 'matter',
      label: '同意事项',
      kind: 'select',
      options: { change_claims: '变更、放弃仲裁请求', withdraw: '撤回仲裁申请', admit_claims: '承认对方请求', settle: '和解、调解' },
      required: true,
    },
    { name: 'partyIds', label: '表示同意的被代表劳动者', kind: 'parties', required: true },
    { name: 'note', label: '备注（如书面同意书）', kind: 'textarea' },
  ],
  ACCEPT_REVIEW: [],
  REJECT_REVIEW: [
    {
      name: 'ground',
      label: '不予受理事由',
      kind: 'select',
      required: true,
      options: {
        scope: '不属于受案范围',
        jurisdiction: '不属于本委管辖',
        late: '超过调解协议生效之日起15日',
        confirms_relationship: '确认劳动关系',
        judicially_confirmed: '已经人民法院司法确认',
      },
      // ui49 M1: Rules Art. 75 lists these five grounds only (domain.md §2.5) — no 其他.
      hint: '《劳动人事争议仲裁办案规则》第七十五条规定的情形',
    },
    reason(true, '理由'),
  ],
  CONFIRM_AGREEMENT: [{ name: 'terms', label: '调解书内容（与调解协议一致）', kind: 'textarea', required: true }, PERFORMANCE_DUE_ON],
  REFUSE_CONFIRMATION: [
    {
      name: 'ground',
      label: '不予制作调解书的事由',
      kind: 'select',
      required: true,
      options: {
        unlawful: '违反法律、行政法规强制性规定',
        harms_interests: '损害国家利益、社会公共利益或者他人合法权益',
        false_evidence: '当事人提供的证据材料有伪造、变造嫌疑',
        involuntary: '违背当事人意愿',
        unclear: '内容不明确',
        other: '其他',
      },
    },
    reason(true, '书面告知的理由'),
  ],
  APPLY_ENFORCEMENT: [
    AGAINST_AWARD,
    { name: 'partyId', label: '申请执行的当事人', kind: 'party', required: true },
    { name: 'court', label: '人民法院', kind: 'text', required: true },
    { name: 'filedOn', label: '申请日期', kind: 'date' },
  ],
  RECORD_ENFORCEMENT_OUTCOME: [
    {
      name: 'result',
      label: '结果',
      kind: 'select',
      required: true,
      options: {
        enforced: '执行完毕',
        partly_enforced: '部分执行',
        terminated: '终结执行',
        refused: '不予执行',
        withdrawn: '撤回申请',
        settled: '执行和解',
      },
    },
    { name: 'decidedOn', label: '裁定/结案日期', kind: 'date' },
    { name: 'receivedOn', label: '当事人收到不予执行裁定之日', kind: 'date' },
    { name: 'note', label: '备注', kind: 'textarea' },
  ],
};
