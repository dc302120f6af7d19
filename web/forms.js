// Forms for procedure events: one field list per event type, matching server/event-schemas.ts (the server validates;
// these only lay out the inputs with Chinese labels). `award` is the per-claim award editor.
export const LABELS = {
  outcome: { granted: '支持', partly: '部分支持', dismissed: '驳回' },
  finality: { final: '终局裁决', non_final: '非终局裁决', mixed: '部分终局（终局与非终局事项并存）' },
  closure: {
    award: '裁决结案',
    mediation: '调解结案',
    withdrawal: '撤回',
    deemed_withdrawal: '按撤回处理',
    termination: '终止审理',
    rejection: '不予受理',
  },
  measure: { carriedOver: '上期未结', accepted: '本期受理', closed: '本期结案', pending: '期末未结', overdue: '超审限' },
};
const DOCS = {
  acceptance_notice: '受理通知书',
  rejection_notice: '不予受理通知书',
  supplement_notice: '补正通知书',
  application_copy: '仲裁申请书副本',
  respond_notice: '应诉通知书',
  defense_copy: '答辩书副本',
  tribunal_notice: '组庭通知书',
  hearing_notice: '开庭通知书',
  postponement_notice: '延期开庭通知书',
  decision: '决定书',
  mediation_document: '调解书',
  award: '裁决书',
  advance_execution_ruling: '先予执行裁决书',
  other: '其他',
};
const METHODS = {
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  sms: '简便方式（短信等）',
  left: '留置送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
};
const reason = (required = true, label = '理由') => ({ name: 'reason', label, kind: 'textarea', required });

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
    { name: 'document', label: '送达文书', kind: 'select', options: DOCS, required: true },
    { name: 'partyId', label: '受送达人', kind: 'party', required: true },
    { name: 'method', label: '送达方式', kind: 'select', options: METHODS, required: true },
    { name: 'servedOn', label: '送达日期', kind: 'date', hint: '不填则为发生日期' },
    { name: 'consent', label: '受送达人同意电子送达', kind: 'bool' },
    { name: 'confirmed', label: '简便方式送达已经受送达人确认', kind: 'bool' },
    { name: 'signer', label: '签收人', kind: 'text' },
  ],
  FILE_DEFENSE: [{ name: 'summary', label: '答辩要点', kind: 'textarea' }],
  SHORTEN_DEFENSE_PERIOD: [
    { name: 'days', label: '答辩期（日）', kind: 'int', required: true, default: 3 },
    { name: 'respondentConsent', label: '被申请人同意缩短', kind: 'bool' },
  ],
  FILE_COUNTERCLAIM: [
    { name: 'description', label: '反申请内容', kind: 'textarea', required: true },
    { name: 'filedOn', label: '反申请提出日期', kind: 'date', hint: '按此日判断是否在答辩期内；发生日期为受理并合并审理之日' },
  ],
  RECORD_REPRESENTATIVES: [{ name: 'partyIds', label: '代表人', kind: 'parties', required: true }],
  FORM_TRIBUNAL: [
    { name: 'arbitratorIds', label: '仲裁员（独任1名或合议3名）', kind: 'arbitrators', required: true },
    { name: 'presidingId', label: '首席/独任仲裁员', kind: 'arbitrator', required: true },
  ],
  RECUSE_ARBITRATOR: [
    { name: 'arbitratorId', label: '回避的仲裁员', kind: 'arbitrator', required: true },
    { name: 'replacementId', label: '替换仲裁员', kind: 'arbitrator', required: true },
    reason(),
  ],
  SCHEDULE_HEARING: [
    { name: 'hearingOn', label: '开庭日期', kind: 'date', required: true, hint: '须在通知之日起5个工作日之后' },
    { name: 'time', label: '时间', kind: 'time' },
    { name: 'place', label: '地点', kind: 'text', required: true },
    { name: 'public', label: '公开开庭', kind: 'bool', default: true },
    {
      name: 'nonPublicGround',
      label: '不公开开庭的理由',
      kind: 'select',
      options: { parties_agreed: '当事人协议不公开', state_secret: '涉及国家秘密', trade_secret: '涉及商业秘密', privacy: '涉及个人隐私' },
    },
  ],
  POSTPONE_HEARING: [
    { name: 'hearingOn', label: '新的开庭日期', kind: 'date', required: true },
    { name: 'place', label: '地点', kind: 'text' },
    { name: 'requestedBy', label: '提出方', kind: 'select', options: { party: '当事人申请', tribunal: '仲裁庭决定' } },
    { name: 'requestedOn', label: '当事人申请日期', kind: 'date' },
    reason(),
  ],
  HOLD_HEARING: [
    { name: 'applicantPresent', label: '申请人到庭', kind: 'bool', default: true },
    { name: 'respondentPresent', label: '被申请人到庭', kind: 'bool', default: true },
    { name: 'public', label: '公开开庭', kind: 'bool', default: true },
    {
      name: 'nonPublicGround',
      label: '不公开开庭的理由',
      kind: 'select',
      options: { parties_agreed: '当事人协议不公开', state_secret: '涉及国家秘密', trade_secret: '涉及商业秘密', privacy: '涉及个人隐私' },
    },
  ],
  START_MEDIATION: [{ name: 'note', label: '备注', kind: 'textarea' }],
  MEDIATION_AGREED: [
    { name: 'terms', label: '调解协议内容', kind: 'textarea', required: true },
    { name: 'amount', label: '调解金额（元，统计用）', kind: 'text' },
  ],
  MEDIATION_FAILED: [reason(false, '未达成协议的原因')],
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
      options: { failed: '调解不成', time_limit: '调解期满未结', non_performance: '不履行调解协议' },
    },
    {
      name: 'channel',
      label: '申请方式',
      kind: 'select',
      options: { counter: '窗口递交', post: '邮寄', online: '网上申请', oral: '口头申请' },
    },
  ],
  SUSPEND: [
    reason(),
    {
      name: 'ground',
      label: '中止事由',
      kind: 'select',
      options: {
        death: '当事人死亡',
        incapacity: '丧失行为能力',
        successor: '等待权利义务承继人',
        force_majeure: '不可抗力',
        pending_case: '以他案结果为依据',
        appraisal: '鉴定、工伤认定等',
        other: '其他',
      },
    },
  ],
  RESUME: [reason(false, '恢复理由')],
  EXTEND_TIME_LIMIT: [
    { name: 'days', label: '延长天数', kind: 'int', required: true, default: 15, min: 1 },
    reason(false, '延期理由（经仲裁委主任批准）'),
  ],
  CONVERT_TO_ORDINARY: [reason(false)],
  ADVANCE_EXECUTION: [
    { name: 'claimIds', label: '先予执行的请求', kind: 'claims', required: true },
    { name: 'rightsClear', label: '权利义务关系明确', kind: 'bool' },
    { name: 'lifeSeriouslyAffected', label: '不先予执行将严重影响申请人生活', kind: 'bool' },
  ],
  PARTIAL_AWARD: [{ name: 'items', label: '部分裁决事项', kind: 'award' }],
  ISSUE_AWARD: [{ name: 'items', label: '裁决事项', kind: 'award' }],
  WITHDRAW: [reason(true, '撤回理由')],
  DEEM_WITHDRAWN: [reason(false)],
  TERMINATE: [reason()],
  RECORD_LAWSUIT: [
    { name: 'partyId', label: '起诉当事人', kind: 'party', required: true },
    { name: 'court', label: '受理法院', kind: 'text', required: true },
    { name: 'filedOn', label: '起诉日期', kind: 'date', required: true },
  ],
  RECORD_SET_ASIDE: [
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
  ARCHIVE: [{ name: 'retentionYears', label: '保管期限（年）', kind: 'int', default: 10, min: 10 }],
  // Issue 12: the chair (before a tribunal exists), the tribunal or the clerk (pre-arbitration) assigns a mediator.
  ASSIGN_MEDIATOR: [{ name: 'mediatorId', label: '调解员', kind: 'mediator', required: true }],
};
