// What the act dialogs say besides their fields: the name of each act's date, and, for acts that cannot be undone,
// the consequence the confirmation states. Field lists are in forms.js.

/**
 * What the date field of an act says under it when its name alone misleads (the default: the act's day, not later
 * than today). 送达's date is the day the service is recorded; the day the party signed goes in 送达日期.
 */
export const DATE_HINTS = {
  // ui48 H1: empty by default — the service is then dated by its 送达日期 (the server's rule), not by the day of entry.
  // ui49 L4: the day the document was sent out (交邮、留置、张贴), not the day of data entry — short.
  SERVE: '选填：不填则以“送达日期”为本次送达的日期。交邮、留置、张贴等送出之日与送达日期不同时填写',
  MARK_EFFECTIVE: '办理确认之日；裁决的法定生效日期由系统依法计算，确认前显示',
};

/** The date field of each act, named as the act's date (the default is 办理日期). */
export const DATE_LABELS = {
  REQUEST_SUPPLEMENT: '告知补正日期',
  SUPPLEMENT_RECEIVED: '收齐补正材料日期',
  ACCEPT: '受理日期',
  REJECT: '决定不予受理日期',
  // ui48 H1: optional, empty by default (web/pages/act.js DATE_OPTIONAL): the act's day only when the clerk enters one.
  SERVE: '送交日期',
  FILE_DEFENSE: '收到答辩书日期',
  SHORTEN_DEFENSE_PERIOD: '决定日期',
  FILE_COUNTERCLAIM: '合并审理日期',
  RECORD_REPRESENTATIVES: '推举日期',
  FORM_TRIBUNAL: '组庭日期',
  RECUSE_ARBITRATOR: '决定回避日期',
  SCHEDULE_HEARING: '排期（通知）日期',
  POSTPONE_HEARING: '决定延期日期',
  HOLD_HEARING: '开庭日期',
  START_MEDIATION: '开始调解日期',
  MEDIATION_AGREED: '达成协议日期',
  MEDIATION_FAILED: '调解终结日期',
  SIGN_MEDIATION_DOCUMENT: '登记日期',
  REFER_TO_ARBITRATION: '转入仲裁日期',
  SUSPEND: '中止日期',
  RESUME: '恢复日期',
  EXTEND_TIME_LIMIT: '批准延期日期',
  CONVERT_TO_ORDINARY: '转换日期',
  ADVANCE_EXECUTION: '先予执行裁决日期',
  PARTIAL_AWARD: '裁决日期',
  ISSUE_AWARD: '裁决日期',
  WITHDRAW: '撤回申请日期',
  DEEM_WITHDRAWN: '决定日期',
  TERMINATE: '终止日期',
  RECORD_LAWSUIT: '登记日期',
  RECORD_SET_ASIDE: '登记日期',
  RECORD_COURT_OUTCOME: '登记日期',
  // ui46 M2: the day the clerk records the confirmation — not the award's effective date, which the law fixes (LDMAL
  // Arts. 47, 50) and the server computes (the confirmation states it).
  MARK_EFFECTIVE: '确认日期',
  TRANSFER_TO_COURT: '移送日期',
  ARCHIVE: '归档日期',
  ASSIGN_MEDIATOR: '指派日期',
  // Round 2 procedures (issue 11).
  CHANGE_CLAIMS: '变更请求日期',
  ADD_PARTY: '决定追加日期',
  // feat52: the day of entry; the day the paper was received is its own field.
  APPOINT_AGENT: '登记日期',
  REVOKE_AGENT: '登记日期',
  REFER_ELSEWHERE: '书面告知日期',
  ACCEPT_TRANSFER: '受理日期',
  RAISE_JURISDICTION_OBJECTION: '提出异议日期',
  DECIDE_JURISDICTION_OBJECTION: '决定日期',
  TRANSFER_CASE: '移送日期',
  APPLY_RECUSAL: '申请日期',
  DECIDE_RECUSAL: '决定日期',
  SET_EVIDENCE_PERIOD: '指定日期',
  EXTEND_EVIDENCE_PERIOD: '决定延长日期',
  RECORD_LATE_EVIDENCE: '提交日期',
  RECORD_REPRESENTED_CONSENT: '同意日期',
  ACCEPT_REVIEW: '受理日期',
  REJECT_REVIEW: '决定日期',
  CONFIRM_AGREEMENT: '确认日期',
  REFUSE_CONFIRMATION: '决定日期',
  APPLY_ENFORCEMENT: '登记日期',
  RECORD_ENFORCEMENT_OUTCOME: '登记日期',
  VOID_REGISTRATION: '作废日期',
};

/**
 * Acts that cannot be taken back: each asks for a confirmation naming the case and saying what follows. Their
 * buttons on the case page are styled apart.
 */
export const IRREVERSIBLE = {
  ACCEPT: '案件将正式受理：分配案号，开始计算45日审理期限（《劳动争议调解仲裁法》第四十三条）。受理后登记信息不能再直接修改。',
  REJECT: '申请将不予受理并结案；须向申请人送达不予受理通知书，申请人可就该争议事项向人民法院起诉。',
  ISSUE_AWARD: '裁决一经作出即结案，裁决内容不能再修改；系统将按各项金额判定终局或非终局，并开始计算起诉、撤销期间。',
  PARTIAL_AWARD: '部分裁决作出后不能修改，所裁事项另行制作裁决书；其余请求继续审理。',
  ADVANCE_EXECUTION: '先予执行裁决作出后不能修改，可移送人民法院执行。',
  TERMINATE:
    '案件将终止审理并结案，审理期限停止计算，记录后不能撤回；终止审理应作出决定书并送达当事人（人民法院已受理当事人因逾期未作出裁决提起的诉讼的，仲裁委员会决定终止审理，《劳动争议调解仲裁法》第四十三条、《劳动人事争议仲裁办案规则》第四十八条）。',
  WITHDRAW: '申请人撤回仲裁申请，案件以撤回结案，不能恢复审理。',
  DEEM_WITHDRAWN: '案件将按撤回仲裁申请处理并结案，不能恢复审理。',
  ARCHIVE: '案件将归档，此后不能再办理任何程序事项。',
  MEDIATION_AGREED:
    '将记录达成调解协议，进入调解书制作与签收，记录后不能撤回：仲裁庭应当制作调解书（协议内容作为调解书内容），调解书经双方当事人签收后发生法律效力；调解书送达前当事人反悔的，仲裁庭应当及时作出裁决（《劳动争议调解仲裁法》第四十二条）。',
  REFER_TO_ARBITRATION: '调解将结束并转为仲裁申请（生成一件新的仲裁申请）。',
  MARK_EFFECTIVE: '将确认裁决发生法律效力。',
  TRANSFER_CASE: '案件将移送其他仲裁委员会并在本委结案。',
  REFER_ELSEWHERE: '将告知申请人向有管辖权的仲裁委员会申请，本申请在本委结案。',
  CONFIRM_AGREEMENT: '将按调解协议制作调解书（仲裁审查确认）。',
  SIGN_MEDIATION_DOCUMENT: '将记录当事人签收（或拒收）调解书；全部签收后以调解结案。',
  REJECT_REVIEW: '仲裁审查申请将不予受理并结案。',
  REFUSE_CONFIRMATION: '将终止仲裁审查，不制作调解书，并书面告知当事人。',
  DECIDE_JURISDICTION_OBJECTION: '管辖异议决定作出后不能撤回；异议成立的，案件移送有管辖权的仲裁委员会。',
  HOLD_HEARING: '将记录本次开庭已经举行及当事人到庭情况，记录后不能撤回。',
  MEDIATION_FAILED: '将记录调解不成、调解终结，记录后不能撤回；仲裁庭应当及时作出裁决（《劳动争议调解仲裁法》第四十二条）。',
  EXTEND_TIME_LIMIT: '审理期限将延长，批准后不能撤回；延长期限不得超过十五日，并须书面通知当事人（《劳动争议调解仲裁法》第四十三条）。',
  FILE_COUNTERCLAIM:
    '反申请将受理并与本案合并审理，记录后不能撤回：审理期限自合并审理之日起重新计算，反请求事项须与仲裁请求一并裁决（《劳动人事争议仲裁办案规则》第三十六条、第四十六条）。',
  CONVERT_TO_ORDINARY:
    '案件将由简易处理转为按照一般程序处理，记录后不能撤回：审理期限仍自受理之日起计算，并须书面通知当事人（转为一般程序处理通知书，《劳动人事争议仲裁办案规则》第六十一条）。',
  FORM_TRIBUNAL:
    '将组成仲裁庭，记录后只能经回避决定更换仲裁员；组成情况须自受理之日起五日内书面通知当事人（《劳动争议调解仲裁法》第三十二条；五日按工作日计算，《劳动人事争议仲裁办案规则》第八十条）。',
  // Round ui41: every act with legal effect is confirmed (H1). These change who decides, the court's part, the case's
  // state for good.
  RECUSE_ARBITRATOR:
    '将记录该仲裁员回避、由替换仲裁员接替，仲裁庭组成随之变更，记录后不能撤回；回避决定由仲裁委员会主任或其委托的仲裁院负责人作出，并及时通知当事人（《劳动争议调解仲裁法》第三十三条；《劳动人事争议仲裁办案规则》第十一条、第十二条）。回避不扣除审理期限。',
  DECIDE_RECUSAL:
    '回避决定作出后不能撤回：决定回避的，被申请回避的人员退出本案，由替换人员接替；驳回申请的，其继续参与本案。决定应当及时以口头或书面方式通知当事人（《劳动争议调解仲裁法》第三十三条；《劳动人事争议仲裁办案规则》第十二条）。回避不扣除审理期限。',
  ACCEPT_TRANSFER:
    '将受理其他仲裁委员会移送的案件，记录后不能撤回：审理期限自收到移送之日起重新计算（《劳动人事争议仲裁办案规则》第四十六条）。',
  TRANSFER_TO_COURT:
    '将记录本案材料已移送人民法院，记录后不能撤回；请核对移送事由与受移送的人民法院（《劳动争议调解仲裁法》第四十四条、第五十一条）。',
  RECORD_COURT_OUTCOME:
    '将登记人民法院的裁判结果，记录后不能撤回：裁决是否发生法律效力、后续期间按此结果计算（《劳动争议调解仲裁法》第四十八条至第五十条）。请核对裁判结果与日期。',
  // void44: not a decision on the application (that is 不予受理): the registration itself is withdrawn as a mistake.
  VOID_REGISTRATION:
    '作废后本登记不再作为仲裁申请处理，不计入统计，不可恢复。作废不是仲裁委员会的决定：不制作文书，不通知当事人；办理记录保留作废人和原因。确属当事人的申请、只是不应受理的，请办理“不予受理”。',
  ADD_PARTY:
    '将追加当事人，记录后不能撤回：审理期限自决定追加之日起重新计算；作出裁决前须向其送达追加当事人通知书或仲裁申请书副本（《劳动人事争议仲裁办案规则》第四十六条）。',
};

/**
 * Acts that can be undone by a later act but move the award clock or the parties' position: confirmed like the
 * irreversible ones, their buttons not styled apart.
 */
/**
 * s61 E #2 — what recording a defence does (workflows/hearings.ts defensePeriodWarnings): the answer period of the
 * respondent who filed it is no longer warned of, whether a hearing is set or moved inside it or an award made (LDMAL
 * Art. 30: the period is for answering — once answered, the hearing may be set); a co-respondent still to answer is
 * warned of as before; a change of claims later opens a new period (Rules Art. 44) that this defence does not answer.
 */
function defenseWords(who, others) {
  return `将记录收到${who === '该被申请人' ? '被申请人' : `被申请人${who}`}的答辩书，记录后不能撤回：此后排期开庭、延期开庭和作出裁决时，不再提示${who}的答辩期未满（答辩期是提交答辩书的期间，其已提交，《劳动争议调解仲裁法》第三十条）${others ? '；其他被申请人尚未答辩的，其答辩期仍照常提示' : ''}；此后变更仲裁请求的，被申请人另有答辩期（《劳动人事争议仲裁办案规则》第四十四条），该答辩期仍照常提示，直至其再次答辩或者明确放弃。被申请人未提交答辩书的，不影响仲裁程序的进行（《劳动争议调解仲裁法》第三十条）。请核对收到日期。`;
}

/** s61 E #2: the 收到答辩书 confirmation, naming the respondent whose period it answers. */
function defenseConsequence(c, body) {
  const respondents = c.respondents ?? [];
  const named = respondents.find((p) => String(p.id) === String(body.partyId ?? ''));
  // A defence naming no party is the original respondents' (workflows/procedure-types.ts defensesBy): one of them here.
  const one = named ?? (respondents.length === 1 ? respondents[0] : null);
  return defenseWords(one?.name ? one.name : '该被申请人', respondents.length > 1);
}

const SUSPEND_RULE = '中止须经仲裁委员会主任批准并书面通知当事人（《劳动人事争议仲裁办案规则》第四十七条）。';
const WEIGHTY = {
  // feat52 (LDMAL Art. 24): the agent acts for the party within the authority the power of attorney states.
  APPOINT_AGENT:
    '将登记该当事人的委托代理人：代理人在授权委托书载明的委托事项和权限内参加仲裁活动（《劳动争议调解仲裁法》第二十四条）；代为承认、放弃、变更仲裁请求，进行和解等，须有特别授权。此后生成的文书列明该代理人。请核对授权委托书有委托人签名或者盖章、所载权限和收到日期。',
  REVOKE_AGENT:
    '将登记解除该代理人的委托：此后生成的文书不再列明该代理人，仲裁委员会应将解除委托的情况告知对方当事人。请核对当事人的书面告知和收到日期。',
  // ui46 L3: a filed defense silences the later warnings of a hearing or award inside the defense period (workflows/
  // hearings.ts), so it is confirmed like the other acts that move the case's position. s61 E #2: for that respondent
  // only, for a hearing and an award alike (`defenseConsequence` names it).
  FILE_DEFENSE: defenseWords('该被申请人', true),
  SUSPEND: `案件将中止审理：审理期限自中止之日起暂停计算，恢复审理后继续计算；${SUSPEND_RULE}`,
  RESUME:
    '案件将恢复审理，记录后不能撤回：审理期限自恢复之日起继续计算，中止期间不计入（《劳动人事争议仲裁办案规则》第四十六条、第四十七条）。',
  START_MEDIATION:
    '将开始仲裁调解：仲裁庭在作出裁决前应当先行调解（《劳动争议调解仲裁法》第四十二条；《劳动人事争议仲裁办案规则》第六十九条）。调解期间审理期限照常计算，不予扣除；达成协议的制作调解书，经双方当事人签收后发生法律效力；调解不成的，仲裁庭应当及时作出裁决。',
  ASSIGN_MEDIATOR:
    '将指派该调解员办理本案调解：调解员可以查看本案材料并办理调解事项，记录留在办理记录中。指派不改变审理期限：调解期间审理期限照常计算（《劳动争议调解仲裁法》第四十二条、第四十三条）。',
  REQUEST_SUPPLEMENT:
    '将一次性书面告知申请人补正上列事项，记录后不能撤回：收到申请之日改按收齐补正材料之日计算，受理决定的五日期间与审理期限均自该日起算（《劳动人事争议仲裁办案规则》第二十九条、第四十六条）。',
  SUPPLEMENT_RECEIVED:
    '将记录补正材料已收齐，记录后不能撤回：仲裁委员会应当自该日起五日内决定是否受理，审理期限亦自该日起算（《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第四十六条）。',
  SHORTEN_DEFENSE_PERIOD:
    '将缩短（或者取消）被申请人的答辩期，记录后不能撤回：简易处理的案件，经被申请人同意，可以缩短或者取消答辩期（《劳动人事争议仲裁办案规则》第五十八条）。请核对被申请人是否同意。',
  RECORD_REPRESENTATIVES:
    '将登记集体争议的代表人，记录后不能撤回：代表人参加仲裁活动的行为对其所代表的当事人发生效力；变更、放弃仲裁请求，撤回申请，承认对方请求，和解、调解须经被代表的劳动者同意（《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第六十三条）。',
  CHANGE_CLAIMS:
    '将记录变更仲裁请求，记录后不能撤回：审理期限自受理变更之日起重新计算；被申请人另有答辩期，但其明确放弃的除外（《劳动人事争议仲裁办案规则》第四十四条、第四十六条）。',
  SET_EVIDENCE_PERIOD:
    '将指定举证期限，记录后不能撤回：当事人逾期提交证据须说明理由，理由不成立的可不予采纳或采纳并予训诫；增加、变更仲裁请求须在举证期限届满前提出（《劳动人事争议仲裁办案规则》第十五条、第四十四条）。',
  EXTEND_EVIDENCE_PERIOD: '将延长举证期限，记录后不能撤回：当事人确有困难的，可以申请延长（《劳动人事争议仲裁办案规则》第十五条）。',
  RECORD_LATE_EVIDENCE:
    '将记录对逾期提交证据的处理，记录后不能撤回：逾期理由不成立的，可以不予采纳或者采纳并予以训诫（《劳动人事争议仲裁办案规则》第十五条）。',
  RECORD_REPRESENTED_CONSENT:
    '将登记被代表劳动者的同意，记录后不能撤回：代表人据此办理所同意的事项，对这些劳动者发生效力（《劳动人事争议仲裁办案规则》第六十三条）。请核对书面同意的劳动者。',
  ACCEPT_REVIEW:
    '将受理调解协议的仲裁审查申请，记录后不能撤回：仲裁委员会应当自受理之日起五日内结束审查，经批准可延长五日（《劳动人事争议仲裁办案规则》第七十六条）。',
  // ui47 H3: a party's objection or recusal application cannot be taken back out of the record and sets a decision
  // running — confirmed, the party and the grounds named.
  RAISE_JURISDICTION_OBJECTION:
    '将记录该当事人提出的管辖异议，记录后不能撤回：仲裁委员会应当审查：异议成立的，将案件移送有管辖权的仲裁委员会并书面通知当事人；异议不成立的，书面决定驳回（《劳动人事争议仲裁办案规则》第十条）。请核对提出异议的当事人与异议理由。',
  APPLY_RECUSAL:
    '将记录该当事人的回避申请，记录后不能撤回：仲裁委员会应当在三日内作出回避决定，以口头或者书面方式通知当事人；决定前被申请回避的人员暂停参与本案工作（《劳动争议调解仲裁法》第三十三条；《劳动人事争议仲裁办案规则》第十一条、第十二条）。请核对申请的当事人、被申请回避的人员与事由。',
  RECORD_LAWSUIT:
    '将登记当事人已向人民法院起诉，记录后不能撤回：当事人在法定期间内起诉的，非终局裁决（或劳动者起诉的终局裁决）不发生法律效力（《劳动争议调解仲裁法》第四十八条、第五十条）。请核对起诉的当事人、法院和日期。',
  RECORD_SET_ASIDE:
    '将登记申请撤销裁决或人民法院的裁定，记录后不能撤回：裁决被撤销的，当事人可以自收到裁定书之日起十五日内就该争议事项向人民法院起诉（《劳动争议调解仲裁法》第四十九条）。请核对法院、日期与结果。',
  APPLY_ENFORCEMENT:
    '将登记当事人已向人民法院申请强制执行，记录后不能撤回（《劳动争议调解仲裁法》第五十一条）。请核对申请的当事人、法院和日期。',
  RECORD_ENFORCEMENT_OUTCOME:
    '将登记强制执行结果，记录后不能撤回：人民法院裁定不予执行的，当事人可以自收到裁定书之日起三十日内就该争议事项向人民法院起诉（最高人民法院解释（一）第二十四条）。请核对结果与日期。',
};

/**
 * Acts recorded in one step (no confirmation): none. fixU54 #1: 排期开庭 and 延期开庭 were recorded from a plain 确定
 * when no warning stood; the interface never records an act by accident, so they are confirmed like every other act,
 * the confirmation naming the day, time and place, the parties to be notified and the written notice five working
 * days ahead (LDMAL Art. 35; Rules Art. 80) — hearingConsequence. (Kept, empty, for tests/unit/web-acts.test.ts.)
 */
export const ONE_STEP = new Set();

/** fixU54 #1: the parties a hearing notice goes to, by side (many workers of a collective case abbreviated). */
function notifiedParties(c) {
  const side = (list, word) => {
    const names = (list ?? []).map((p) => p.name).filter(Boolean);
    if (!names.length) return null;
    return names.length > 3 ? `${word}${names.slice(0, 3).join('、')}等${names.length}人` : `${word}${names.join('、')}`;
  };
  return [side(c.applicants, '申请人'), side(c.respondents, '被申请人'), side(c.thirdParties, '第三人')].filter(Boolean).join('，');
}

const HEARING_NOTICE_RULE =
  '仲裁庭应当在开庭五日前，将开庭日期、地点书面通知双方当事人；当事人有正当理由的，可以在开庭三日前请求延期开庭（《劳动争议调解仲裁法》第三十五条；五日、三日按工作日计算，《劳动人事争议仲裁办案规则》第八十条）。';
/**
 * s62 (a new user's walk): a simple case's hearing — the tribunal sets the date according to the case, protecting the
 * parties' right to be heard (Rules Art. 60); a short notice, where the commission allows it, is said by the server's
 * own warning in the same confirmation (workflows/hearings.ts simpleHearingNoticeWarnings).
 */
const SIMPLE_HEARING_NOTICE_RULE =
  '本案简易处理：仲裁庭可以根据案件情况确定开庭日期，但应当保障当事人陈述意见的权利（《劳动人事争议仲裁办案规则》第六十条）；普通程序为开庭五日前书面通知、开庭三日前可以请求延期（《劳动争议调解仲裁法》第三十五条）。';

/**
 * fixU54 #1: what scheduling or postponing a hearing does — said with the day, time and place as sent (a postponement's
 * empty time or place stays as it was), and whom the written notice goes to.
 */
function hearingConsequence(type, c, body = {}) {
  const was = c.proceedings?.hearing ?? null;
  const postpone = type === 'POSTPONE_HEARING';
  const time = body.time || (postpone ? was?.time : '') || '';
  const place = body.place || (postpone ? was?.place : '') || '';
  const when = body.hearingOn ? `${body.hearingOn}${time ? ` ${time}` : '（未填时间）'}${place ? `，地点：${place}` : ''}` : '';
  const who = notifiedParties(c);
  const notify = `须将${postpone ? '新的' : ''}开庭日期、时间、地点书面通知${who || '各方当事人'}（${postpone ? '延期开庭通知书' : '开庭通知书'}），并登记送达。`;
  const absent = '当事人收到书面通知，无正当理由拒不到庭的，申请人按撤回仲裁申请处理、被申请人可以缺席裁决（第三十六条）。';
  if (postpone) {
    const before = was?.hearingOn ? `原定 ${was.hearingOn}${was.time ? ` ${was.time}` : ''} 的开庭不再按期举行，` : '';
    return `将记录延期开庭：${before}开庭改${when ? `为 ${when}` : '期'}，记入办理记录。${notify}${c.procedure === 'simple' ? SIMPLE_HEARING_NOTICE_RULE : HEARING_NOTICE_RULE}${absent}`;
  }
  return `将排期开庭${when ? `：${when}` : ''}，记入办理记录。${notify}${c.procedure === 'simple' ? SIMPLE_HEARING_NOTICE_RULE : HEARING_NOTICE_RULE}${absent}`;
}

/**
 * ui47 M4: an act's name on a case of another track where the arbitration wording does not fit — a review (Rules
 * Arts. 74–79) is an application for review, not an arbitration application. `fallback`: the server's label.
 */
// ui49 L8: a review is an application for the commission's 仲裁审查 (Rules Arts. 74–79).
const TRACK_LABELS = { review: { WITHDRAW: '撤回仲裁审查申请' } };
export function actLabel(type, c, fallback) {
  return TRACK_LABELS[c?.track]?.[type] ?? fallback ?? type;
}

/** Case-track wording where the law differs: a mediation before arbitration (LDMAL Arts. 5, 14) is not one inside it. */
const TRACK_CONSEQUENCES = {
  review: {
    WITHDRAW: '将记录当事人撤回调解协议的仲裁审查申请，审查以撤回结束，记录后不能撤回。',
  },
  mediation: {
    MEDIATION_AGREED:
      '将记录达成调解协议，记录后不能撤回；调解协议书由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力（《劳动争议调解仲裁法》第十四条）。调解协议书不能像调解书那样申请强制执行：一方逾期不履行的，另一方可以依法申请仲裁（第十五条）；拖欠劳动报酬等的协议，用人单位逾期不履行的，劳动者可以申请支付令（第十六条）。',
    MEDIATION_FAILED:
      '将记录调解不成、案前调解终结，记录后不能撤回；当事人可以依法申请仲裁（《劳动争议调解仲裁法》第五条），可办理“转入仲裁”。',
    ASSIGN_MEDIATOR:
      '将指派该调解员办理本案调解：调解员可以查看本案材料并办理调解事项，记录留在办理记录中。指派不改变调解期限：自调解组织收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁（《劳动争议调解仲裁法》第十四条）。',
  },
};

/**
 * fixU2-54 #1: what serving the 调解书 records — the delivery only. It takes effect on the day each party signs for it
 * (LDMAL Art. 42(3)); a 签收人 entered with the service is the delivery's receipt, not that signature, which is recorded
 * by 签收调解书 (a refusal there too).
 */
export const MEDIATION_SERVICE =
  '本次只登记调解书的送达，不登记当事人签收调解书：调解书经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条第三款），当事人签收后须另行办理“签收调解书”登记其签收及签收日期；当事人拒绝签收的，在“签收调解书”中勾选“拒绝签收”登记。送达记录不能撤回。';

/**
 * Served documents whose receipt has legal effect: the service is confirmed like an irreversible act. The award: suits
 * and applications to set aside run from receipt (LDMAL Arts. 48–50); the hearing notice, served in writing, is what a
 * default award or a deemed withdrawal rests on (LDMAL Art. 36); the application copy starts the defense period (Art.
 * 30); the mediation document takes effect on receipt (Art. 42).
 */
const SERVICE_CONSEQUENCES = {
  award:
    '该当事人起诉（十五日）、申请撤销裁决（三十日）的期间自其收到裁决书之日起算（《劳动争议调解仲裁法》第四十八条至第五十条）：直接送达为签收之日，公告、留置等方式为法定视为送达之日；送达记录不能撤回。',
  hearing_notice:
    '开庭通知经书面送达后，申请人无正当理由拒不到庭的可按撤回仲裁申请处理，被申请人无正当理由拒不到庭的可以缺席裁决（《劳动争议调解仲裁法》第三十六条）：请核对送达的当事人、方式和日期；送达记录不能撤回。',
  postponement_notice:
    '延期开庭通知的送达决定当事人是否经书面通知新的开庭日期（《劳动争议调解仲裁法》第三十六条）：请核对送达的当事人、方式和日期；送达记录不能撤回。',
  application_copy: '被申请人的答辩期自其收到仲裁申请书副本之日起算（《劳动争议调解仲裁法》第三十条）；送达记录不能撤回。',
  respond_notice: '被申请人的答辩期自其收到仲裁申请书副本之日起算（《劳动争议调解仲裁法》第三十条）；送达记录不能撤回。',
  // fixU2-54 #1: serving the 调解书 records its delivery only — the party's signature is the separate act 签收调解书.
  mediation_document: MEDIATION_SERVICE,
};

/**
 * The side a party is on, as workflows/sides.ts decides it (the one home of the rule; mirrored here for the dialog):
 * the employer's side is the side whose party has an employer type (ownership) recorded, else the respondents when a
 * union applies (Rules Art. 64), else the applicants when every applicant is an organization, else the respondents; the
 * natural persons on the other side are the workers; third parties are on neither.
 */
export function partySide(c, partyId) {
  const parties = [
    ...(c.applicants ?? []).map((p) => ({ side: 'applicant', ...p })),
    ...(c.respondents ?? []).map((p) => ({ side: 'respondent', ...p })),
  ];
  const marked = new Set(parties.filter((p) => p.ownership).map((p) => p.side));
  const applicants = parties.filter((p) => p.side === 'applicant');
  const employer =
    marked.size === 1
      ? [...marked][0]
      : c.collectiveGround === 'union_applicant'
        ? 'respondent'
        : applicants.length && applicants.every((p) => p.kind === 'organization')
          ? 'applicant'
          : 'respondent';
  if (partyId === 'allApplicants') return employer === 'applicant' ? 'employer' : 'worker';
  if (partyId === 'allRespondents') return employer === 'respondent' ? 'employer' : 'worker';
  const p = parties.find((x) => String(x.id) === String(partyId));
  if (!p) return null;
  if (p.side === employer) return 'employer';
  return p.kind === 'person' ? 'worker' : null;
}

const AWARD_FINAL = {
  worker: '劳动者不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼（《劳动争议调解仲裁法》第四十八条）',
  employer:
    '用人单位不能向人民法院起诉；有证据证明裁决有法定情形之一的，可以自收到裁决书之日起三十日内向仲裁委员会所在地的中级人民法院申请撤销裁决（《劳动争议调解仲裁法》第四十九条）',
};
const AWARD_NON_FINAL =
  '当事人不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼，期满不起诉的，裁决书发生法律效力；不适用申请撤销裁决（《劳动争议调解仲裁法》第五十条）';
const AWARD_SERVED_OTHERWISE =
  '期间自该当事人收到裁决书之日起算：直接送达为签收之日，公告、留置等方式为法定视为送达之日；送达记录不能撤回。';
const POSTAL_DAY = '邮寄送达的，以回执上注明的收件日期为送达日期（《民事诉讼法》第九十一条）';
const AWARD_SERVED_BY_POST = `期间自该当事人收到裁决书之日起算：${POSTAL_DAY}；送达记录不能撤回。`;
const SIDE_ZH = { worker: '劳动者一方', employer: '用人单位一方' };

/**
 * ui45 M4: what serving the award starts for this party, by the award's kind and the party's side — a 终局裁决: only
 * the worker may sue (LDMAL Art. 48, 15 days), the employer may only apply to set it aside (Art. 49, 30 days); a
 * non-final award: either may sue within 15 days (Art. 50), no setting aside; a mixed award: both parts. A third party,
 * or an award the case does not show: the periods named without a side.
 */
export function awardServiceConsequence(c, partyId, method) {
  const a = c.award ?? (c.proceedings?.partialAwards ?? []).at(-1) ?? null;
  const side = partySide(c, partyId);
  const finality = a?.finality;
  // ui49 L2: a posted award is received on the day its return receipt shows (CPL Art. 91).
  const AWARD_SERVED_ON = method === 'post' ? AWARD_SERVED_BY_POST : AWARD_SERVED_OTHERWISE;
  if (!side || !['final', 'non_final', 'mixed'].includes(finality))
    return method === 'post'
      ? SERVICE_CONSEQUENCES.award.replace(/：直接送达为.*$/, `：${POSTAL_DAY}；送达记录不能撤回。`)
      : SERVICE_CONSEQUENCES.award;
  const who = `受送达人为${SIDE_ZH[side]}`;
  if (finality === 'final') return `本裁决为终局裁决，${who}：${AWARD_FINAL[side]}。${AWARD_SERVED_ON}`;
  if (finality === 'non_final') return `本裁决为非终局裁决：${AWARD_NON_FINAL}。${AWARD_SERVED_ON}`;
  return `本裁决终局事项与非终局事项并存，${who}：终局事项，${AWARD_FINAL[side]}；非终局事项，${AWARD_NON_FINAL}。${AWARD_SERVED_ON}`;
}

/**
 * A service to every applicant, or (ui46 stretch) every respondent, of a case: one act per party, recorded in turn
 * (web/pages/act.js serveAll). `partyId` is the choice's value; null for one party.
 */
const BULK_SERVICE = { allApplicants: ['applicants', '申请人'], allRespondents: ['respondents', '被申请人'] };
export function bulkParties(c, partyId) {
  const b = BULK_SERVICE[partyId];
  return b ? { list: c[b[0]] ?? [], side: b[1] } : null;
}

/** ui49 M3: the acts after which a document is deemed served, and the rule (workflows/periods.ts defaults). */
const DEEMED_ACTS = { left: '留置', posted: '张贴', public_notice: '公告' };
const DEEMED_RULE = {
  left: '留置之日起三个工作日后视为送达',
  posted: '张贴之日起三个工作日后视为送达',
  public_notice: '自公告之日起经过三十日即视为送达，《民事诉讼法》第九十五条',
};

/** Any other service: its date is what periods run from, and the record stays. */
const SERVICE_DEFAULT = '自送达之日起算的期间按送达日期计算：请核对送达的文书、当事人、方式和日期；送达记录不能撤回。';

/**
 * What a confirmation says follows from act `type` on case `c` with `body`, or null when none is asked. Every service is
 * confirmed (a record that cannot be taken back; one to every applicant names them all and the day of service); so is
 * a change of claims that gives claims up (the award decides them no more).
 */
export function consequenceOf(type, c, body = {}, opts = {}) {
  if (type === 'SERVE') {
    const signer = typeof body.signer === 'string' ? body.signer.trim() : '';
    const base =
      body.document === 'mediation_document' && signer
        ? `签收人“${signer}”是本次送交的签收，不是当事人签收调解书的登记。${MEDIATION_SERVICE}`
        : (SERVICE_CONSEQUENCES[body.document] ?? SERVICE_DEFAULT);
    // ui49 M3: a document left, posted or published is deemed served later: the day typed is that act's, the 送达日期
    // the deemed day (`opts.deemedOn`, computed by the dialog) — what the periods run from.
    const act = DEEMED_ACTS[body.method];
    // Without a body (the 送达 button's tooltip) there is no date to name yet (ui44 L2).
    const when =
      act && body.servedOn
        ? `${act}之日 ${body.servedOn}，视为送达日期 ${opts.deemedOn ?? `依法计算（${DEEMED_RULE[body.method]}）`}${opts.deemedOn ? `（${DEEMED_RULE[body.method]}）` : ''}`
        : body.servedOn && body.method === 'post'
          ? `送达日期（回执上注明的收件日期）${body.servedOn}`
          : body.servedOn
            ? `送达日期 ${body.servedOn}`
            : body.occurredOn
              ? `未填写送达日期：以${DATE_LABELS.SERVE} ${body.occurredOn} 为送达日期`
              : body.type === 'SERVE'
                ? '未填写送达日期：以今天为送达日期'
                : `未填写送达日期的，以${DATE_LABELS.SERVE}为送达日期（${DATE_LABELS.SERVE}也未填写的，为今天）`;
    const bulk = bulkParties(c, body.partyId);
    if (bulk) {
      const names = bulk.list.map((p) => p.name).join('、');
      return `将逐人登记向全体 ${bulk.list.length} 名${bulk.side}（${names}）送达，${when}。${base}`;
    }
    if (body.document === 'award') {
      const said = awardServiceConsequence(c, body.partyId, body.method);
      return body.servedOn ? `${when}。${said}` : said;
    }
    return body.servedOn || !SERVICE_CONSEQUENCES[body.document] ? `${when}。${base}` : base;
  }
  if (type === 'CHANGE_CLAIMS' && (body.withdraw ?? []).length) {
    const given = (c.claims ?? []).filter((cl) => body.withdraw.includes(cl.id));
    const words = given.map((cl) => `第${cl.seq}项“${cl.description ?? ''}”${cl.amount ? `（${cl.amount}元）` : ''}`).join('、');
    const who = body.by === 'respondent' ? '被申请人放弃其反申请请求' : '申请人放弃仲裁请求';
    const added = (body.add ?? []).some((x) => x && Object.keys(x).length) ? `同时增加请求：${WEIGHTY.CHANGE_CLAIMS}` : '';
    return `将记录${who}：${words}。放弃的请求不再审理和裁决，记录后不能撤回（《劳动人事争议仲裁办案规则》第四十四条）。${added}`;
  }
  if (type === 'SIGN_MEDIATION_DOCUMENT') {
    // The day of signature is the day the document takes effect once both sides have signed (LDMAL Art. 42): said
    // with the confirmation, and where none was entered, that the date of entry stands for it.
    const word = body.refused ? '拒收日期' : '签收日期';
    const when = body.signedOn
      ? `${word} ${body.signedOn}`
      : body.occurredOn
        ? `未填写${word}：以${DATE_LABELS.SIGN_MEDIATION_DOCUMENT} ${body.occurredOn} 为${word}`
        : `未填写${word}的，以${DATE_LABELS.SIGN_MEDIATION_DOCUMENT}为${word}`;
    // The last signature closes the case by mediation on its day.
    const signed = new Set((c.proceedings?.mediation?.signatures ?? []).map((s) => String(s.partyId)));
    const waiting = [...(c.applicants ?? []), ...(c.respondents ?? [])].filter((p) => !signed.has(String(p.id)));
    const last = waiting.length === 1 && String(waiting[0].id) === String(body.partyId);
    if (!body.refused && last)
      return `${when}。此次签收后双方当事人均已签收：调解书自${body.signedOn ? '该日' : '登记日期'}起发生法律效力，案件以调解结案（《劳动争议调解仲裁法》第四十二条）；记录后不能撤回。`;
    return body.refused
      ? `将记录当事人拒绝签收调解书（${when}）：调解书不发生效力，仲裁庭应当及时作出裁决（《劳动争议调解仲裁法》第四十二条）。记录后不能撤回。`
      : `${when}。双方当事人均签收后，调解书自最后签收之日起发生法律效力并以调解结案（《劳动争议调解仲裁法》第四十二条）；记录后不能撤回。`;
  }
  if (type === 'REFER_TO_ARBITRATION' && c.track === 'mediation') {
    return `${IRREVERSIBLE.REFER_TO_ARBITRATION}${DATE_LABELS.REFER_TO_ARBITRATION} ${body.occurredOn ?? ''} 即为新仲裁申请的收到申请日期，仲裁委员会应自该日起五日内决定是否受理（《劳动争议调解仲裁法》第二十九条）。`;
  }
  if (type === 'SUSPEND') return suspendConsequence(c, body);
  if (type === 'FILE_DEFENSE' && c.track !== 'mediation' && c.track !== 'review') return defenseConsequence(c, body);
  if (type === 'HOLD_HEARING') return holdHearingConsequence(body);
  if (type === 'SCHEDULE_HEARING' || type === 'POSTPONE_HEARING') return hearingConsequence(type, c, body);
  // ui48 L3: an award after a hearing the respondent missed or left without leave is a default award; a deemed
  // withdrawal rests on the applicant's absence or leaving (LDMAL Art. 36) — each named with the hearing's day.
  if ((type === 'ISSUE_AWARD' || type === 'DEEM_WITHDRAWN') && c.track !== 'mediation' && c.track !== 'review') {
    const h = (c.proceedings?.hearingsHeld ?? []).at(-1);
    // legal54c M1 — one worker's application alone (DEEM_WITHDRAWN partyId): named, with the bar (Rules Art. 39) and
    // whether the case goes on for the others (SPC-1 Art. 19).
    if (type === 'DEEM_WITHDRAWN' && body.partyId !== undefined && body.partyId !== '') {
      const who = (c.applicants ?? []).find((p) => String(p.id) === String(body.partyId))?.name ?? '该申请人';
      const gone = new Set((c.proceedings?.deemedWithdrawals ?? []).map((d) => String(d.partyId)));
      const others = (c.applicants ?? []).filter((p) => String(p.id) !== String(body.partyId) && !gone.has(String(p.id)));
      const why = h ? `（${h.heldOn} 开庭${absentParty(h, 'applicant', body.partyId) ?? '未到庭'}）` : '';
      return `视为撤回${who}的仲裁申请${why}，${who}的仲裁请求按撤回仲裁申请处理，${who}不得以同一事实和理由再次申请仲裁（《劳动争议调解仲裁法》第三十六条第一款、《劳动人事争议仲裁办案规则》第三十九条）。${
        others.length
          ? `案件对其他申请人（${others.map((p) => p.name).join('、')}）继续审理。记录后不能撤回。`
          : `${who}是最后一名申请人：${IRREVERSIBLE.DEEM_WITHDRAWN}`
      }`;
    }
    // legal54c M1: one co-respondent absent while another attended (LDMAL Arts. 22(2), 36(2)): the default is his.
    const awayRespondents =
      type === 'ISSUE_AWARD' && h && !absence(h, 'respondent')
        ? (c.respondents ?? []).filter((p) => (h.absentParties ?? []).some((id) => String(id) === String(p.id)))
        : [];
    if (awayRespondents.length)
      return `本裁决对被申请人${awayRespondents.map((p) => p.name).join('、')}为缺席裁决：其未到庭（${h.heldOn} 开庭），被申请人收到书面通知，无正当理由拒不到庭的，可以缺席裁决（《劳动争议调解仲裁法》第三十六条第二款）。${IRREVERSIBLE.ISSUE_AWARD}`;
    const side = type === 'ISSUE_AWARD' ? 'respondent' : 'applicant';
    const away = h ? absence(h, side) : null;
    if (type === 'ISSUE_AWARD' && away)
      return `本裁决为缺席裁决：被申请人${away}（${h.heldOn} 开庭），被申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决（《劳动争议调解仲裁法》第三十六条第二款）。${IRREVERSIBLE.ISSUE_AWARD}`;
    if (type === 'DEEM_WITHDRAWN' && away)
      return `按撤回仲裁申请处理的事由：申请人${away}（${h.heldOn} 开庭）——申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以视为撤回仲裁申请（《劳动争议调解仲裁法》第三十六条第一款）。${IRREVERSIBLE.DEEM_WITHDRAWN}`;
  }
  // ui47 H2: after the award (or a mixed award's final part) was set aside, the suit is on the dispute itself, within
  // fifteen days of receiving the ruling (LDMAL Art. 49(3)) — not a suit that holds an award's effect back (Arts. 48, 50).
  // A mixed award's suit against its non-final part (matter 'award', Art. 50) keeps the general wording.
  if (
    type === 'RECORD_LAWSUIT' &&
    c.proceedings?.setAside?.result === 'set_aside' &&
    (c.award?.finality !== 'mixed' || body.matter === 'set_aside')
  ) {
    const s = c.proceedings.setAside;
    const part = c.award?.finality === 'mixed' ? '裁决的终局部分' : '裁决';
    return `将登记当事人已向人民法院起诉，记录后不能撤回：${part}已被${s.court}裁定撤销（${s.decidedOn ?? ''}${s.servedOn ? `，${s.servedOn} 送达` : ''}），当事人可以自收到裁定书之日起十五日内就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第四十九条第三款）。请核对起诉的当事人、法院和日期。`;
  }
  // ui47 H3: a party's objection or application, named with its party and grounds in the confirmation's list.
  if (type === 'RAISE_JURISDICTION_OBJECTION' || type === 'APPLY_RECUSAL') {
    const who = [...(c.applicants ?? []), ...(c.respondents ?? []), ...(c.thirdParties ?? [])].find(
      (p) => String(p.id) === String(body.partyId),
    );
    const late = type === 'RAISE_JURISDICTION_OBJECTION' ? lateObjection(c, body) : null;
    const said = late
      ? `将记录该当事人提出的管辖异议，记录后不能撤回。该当事人的答辩期已于 ${late} 届满，异议在答辩期满后提出（逾期提出）：当事人提出管辖异议应当在答辩期满前书面提出，逾期提出的，不影响仲裁程序的进行，仲裁委员会不作决定（《劳动人事争议仲裁办案规则》第十条）。请核对提出异议的当事人与异议理由。`
      : WEIGHTY[type];
    return who ? `${who.name}：${said}` : said;
  }
  return TRACK_CONSEQUENCES[c.track]?.[type] ?? IRREVERSIBLE[type] ?? WEIGHTY[type] ?? null;
}

/**
 * s60 W2 #6: what a hearing's record leads to — the consequence of an absence (LDMAL Art. 36: 按撤回申请处理 for the
 * applicant, 缺席裁决 for the respondent) only when someone is recorded absent or gone midway without leave.
 */
function holdHearingConsequence(body) {
  const no = (v) => v === false || v === 'false';
  const yes = (v) => v === true || v === 'true';
  const applicant = no(body.applicantPresent) || yes(body.applicantLeftEarly);
  const respondent = no(body.respondentPresent) || yes(body.respondentLeftEarly);
  const someone = (body.absentParties ?? []).length > 0;
  if (!applicant && !respondent && !someone) return IRREVERSIBLE.HOLD_HEARING;
  const what = [
    applicant || someone ? '申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以视为撤回仲裁申请' : null,
    respondent || someone ? '被申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决' : null,
  ].filter(Boolean);
  return `${IRREVERSIBLE.HOLD_HEARING}${what.join('；')}（《劳动争议调解仲裁法》第三十六条）。`;
}

/** How a side missed hearing `h`: 未到庭, 到庭后未经仲裁庭同意中途退庭, or null (attended to the end). */
/** legal54c M1: one party's absence at hearing `h` — his side's, or his own (HOLD_HEARING absentParties). */
function absentParty(h, side, id) {
  return absence(h, side) ?? ((h.absentParties ?? []).some((x) => String(x) === String(id)) ? '未到庭' : null);
}

function absence(h, side) {
  if (h[`${side}Present`] === false) return '未到庭';
  if (h[`${side}LeftEarly`] === true) return '到庭后未经仲裁庭同意中途退庭';
  return null;
}

/**
 * ui48 M1: the last day of the objecting party's defense period when the objection's day (`body.occurredOn`) is after it
 * — a late objection (Rules Art. 10: raised before the defense period ends; a late one does not stop the case and is not
 * decided). From the case's deadlines: an added respondent's own period, else the respondents'. Null: in time, or the
 * case does not show the period (no service yet: the period has not begun).
 */
export function lateObjection(c, body = {}) {
  const list = c.deadlines ?? [];
  const own = list.find((d) => d.kind === 'defense_added_party' && body.partyId != null && String(d.partyId) === String(body.partyId));
  const d = own ?? list.find((x) => x.kind === 'defense');
  const on = body.occurredOn;
  return d?.dueOn && on && on > d.dueOn ? d.dueOn : null;
}

/**
 * The documents a SERVE names that the system itself makes (templates/kinds.ts DOCUMENT_KINDS), with the kinds that
 * make them: a partial award is served as a 裁决书; a mediation before arbitration ends in a 调解协议书. The others (an
 * application copy, a defense copy, a postponement notice, other documents) are not made here, so nothing is said.
 */
export const GENERATED_AS = {
  acceptance_notice: ['acceptance_notice'],
  rejection_notice: ['rejection_notice'],
  respond_notice: ['respond_notice'],
  tribunal_notice: ['tribunal_notice'],
  conversion_notice: ['conversion_notice'],
  hearing_notice: ['hearing_notice'],
  decision: ['decision'],
  award: ['award', 'partial_award'],
  mediation_document: ['mediation_document', 'mediation_agreement'],
  advance_execution_ruling: ['advance_execution_ruling'],
  resume_notice: ['resume_notice'],
  // s62 A #1: the notice to a party added (ADD_PARTY; Rules Art. 46(1)) is made here too: marked until generated.
  addition_notice: ['addition_notice'],
};

/** The award time limit among a case's deadlines (LDMAL Art. 43). */
const awardLimit = (list) => (list ?? []).find((d) => d.kind === 'award') ?? null;

/**
 * A suspension as the case stands before the server's preview: a hearing notified for a later day is said (it cannot be
 * held, nor postponed, while the case is suspended: the case's only act then is 恢复审理, after which it stands as
 * scheduled — LDMAL Art. 35 asks written notice of a new day).
 */
function suspendConsequence(c, body, after = null) {
  const was = awardLimit(c.deadlines);
  const will = after ? awardLimit(after) : null;
  // Past its due date when suspended: the suspension is not deducted (workflows/deadlines.ts `late`), the case stays
  // overdue — what the server's preview says (`will`), or, without it, the due date shown against the suspension's day.
  const notDeducted = will
    ? will.status !== 'paused'
    : Boolean(was?.dueOn && body.occurredOn && body.occurredOn > was.dueOn && was.status !== 'paused');
  const clock = notDeducted
    ? `案件将中止审理。本案审理期限已于 ${was?.dueOn ?? will?.dueOn ?? ''} 届满，中止始于审理期限届满之后，不扣除中止期间：案件仍为超过审理期限（逾期），恢复审理后届满日也不会因此推后（《劳动人事争议仲裁办案规则》第四十六条）。`
    : '案件将中止审理：审理期限自中止之日起暂停计算，恢复审理后继续计算（《劳动人事争议仲裁办案规则》第四十六条）。';
  const hearing = c.state === 'hearing_scheduled' ? c.proceedings?.hearing : null;
  const on = hearing?.hearingOn;
  // s61 E #3: one paragraph on the hearing (the server's warning of it is not shown beside it: SUSPENDED_HEARING), worded
  // from the service record — 已通知 only when a notice of this hearing day was served on a party.
  const served = hearingNoticeServedOn(c);
  const when = `${on}${hearing?.time ? ` ${hearing.time}` : ''}`;
  const notice =
    on && body.occurredOn && on >= body.occurredOn
      ? `${served.length ? `本案已通知于 ${when} 开庭（开庭通知已送达${served.map((p) => p.name).join('、')}）` : `本案已定于 ${when} 开庭（尚无开庭通知的送达记录）`}：中止审理期间不能开庭，也不能办理延期开庭（《劳动人事争议仲裁办案规则》第四十七条）。${served.length ? '请告知当事人该次开庭不再按期进行；' : '该日前未恢复审理的，该次开庭不能按期举行；'}恢复审理后须办理“延期开庭”，书面通知当事人新的开庭日期（《劳动争议调解仲裁法》第三十五条）。`
      : '';
  return `${clock}${notice}${SUSPEND_RULE}`;
}

/** s61 E #3: the server's warning of a hearing day inside the suspension (workflows/hearings.ts suspensionHearingWarnings). */
export const SUSPENDED_HEARING = /该日在中止审理期间/;
/** s61 E #3: whether the confirmation of a suspension says the hearing itself (`suspendConsequence`). */
export const SUSPENSION_NAMES_HEARING = /中止审理期间不能开庭/;

/**
 * The parties on whom a notice of the case's current hearing day (开庭通知书, or 延期开庭通知书 after a postponement) is
 * recorded as served — served on or after the day that date was set (LDMAL Art. 35); an SMS only once confirmed.
 */
function hearingNoticeServedOn(c) {
  const p = c.proceedings ?? {};
  const h = p.hearing;
  if (!h) return [];
  const moved = (p.postponements ?? []).filter((x) => x.decidedOn >= h.scheduledOn && x.to === h.hearingOn).at(-1);
  const setOn = moved?.decidedOn ?? h.scheduledOn ?? null;
  if (!setOn) return [];
  const ids = new Set(
    (p.services ?? [])
      .filter(
        (s) =>
          ['hearing_notice', 'postponement_notice'].includes(s.document) &&
          s.servedOn >= setOn &&
          (s.method !== 'sms' || s.confirmed === true),
      )
      .map((s) => String(s.partyId)),
  );
  return [...(c.applicants ?? []), ...(c.respondents ?? []), ...(c.thirdParties ?? [])].filter((x) => ids.has(String(x.id)));
}

/**
 * What a confirmation says once the server's preview (`after`: the deadlines as the act would leave them) answers, where
 * that is more exact than what the case on screen tells: whether a suspension pauses the award limit or, begun after
 * it ran out, leaves the case overdue (M1); the award limit's due date after a resumption. Null: the consequence stands.
 */
export function previewedConsequence(type, c, body, after) {
  if (type === 'MARK_EFFECTIVE') return effectiveConsequence(c, body, after);
  if (!Array.isArray(after)) return null;
  if (type === 'SUSPEND') return awardLimit(after) ? suspendConsequence(c, body, after) : null;
  if (type === 'RESUME') {
    const will = awardLimit(after);
    if (!will?.dueOn) return null;
    return will.status === 'overdue'
      ? `${WEIGHTY.RESUME}本案审理期限已于 ${will.dueOn} 届满，恢复审理后案件仍为超过审理期限（逾期）。`
      : `${WEIGHTY.RESUME}按恢复日期计算，审理期限届满日为 ${will.dueOn}${will.provisional ? '（暂定）' : ''}。`;
  }
  return null;
}

/**
 * ui46 M2: confirming an award effective states the award's legal effective date as the server computes it — a final
 * award on the day it is made (LDMAL Art. 47), a non-final one when no party sued within 15 days of receipt (Art. 50) —
 * from the preview's deadlines (`after`), else the case's: the 裁决生效日期 entry (its explanation names the article).
 * The 确认日期 is the day the clerk records it, not that date. Null when neither says a date.
 */
export function effectiveConsequence(c, body = {}, after = null) {
  const pick = (list) =>
    (Array.isArray(list) ? list : []).find(
      (d) => d.kind === 'effective' && (body.partyId === undefined ? d.partyId == null : String(d.partyId) === String(body.partyId)),
    );
  const d = pick(after)?.dueOn ? pick(after) : pick(c.deadlines);
  const on = d?.dueOn ?? c.proceedings?.effectiveOn ?? null;
  if (!on) return null;
  const rule =
    c.award?.finality === 'final'
      ? '终局裁决自作出之日起发生法律效力（《劳动争议调解仲裁法》第四十七条）。'
      : '当事人自收到裁决书之日起十五日内不起诉的，裁决书发生法律效力（《劳动争议调解仲裁法》第五十条）。';
  const why = d?.explanation ? String(d.explanation).trim() : rule;
  return `裁决的法定生效日期：${on}。${why}确认日期${body.occurredOn ? `（${body.occurredOn}）` : ''}是登记确认之日，不是生效日期。${IRREVERSIBLE.MARK_EFFECTIVE}`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** Acts whose confirmation shows the deadlines they move, from a preview (POST /api/cases/:id/event-preview). */
export const PREVIEWS_DEADLINES = new Set(['EXTEND_TIME_LIMIT', 'SUSPEND', 'RESUME', 'MARK_EFFECTIVE']);
/** Acts whose confirmation shows the warnings the server's preview answers (workflows/hearings.ts defensePeriodWarnings). */
// An award or partial award made inside a defense period or before service is warned of too (s45 L2).
export const PREVIEWS_WARNINGS = new Set(['SCHEDULE_HEARING', 'HOLD_HEARING', 'ISSUE_AWARD', 'PARTIAL_AWARD']);
/** Acts whose confirmation lists the due dates the preview moves (届满日由 X 变为 Y); the others say it in their own words. */
export const LISTS_SHIFTS = new Set(['EXTEND_TIME_LIMIT']);

/** The deadlines whose due date an act moves: before (the case as shown) and after (the preview), as sentences. */
export function deadlineShifts(before = [], after = []) {
  // Matched by kind and party; a kind that occurs more than once for one party (partial awards, recusals) is left out
  // rather than paired wrongly.
  const key = (d) => `${d.kind}\u0000${d.partyId ?? ''}`;
  const once = (list) => {
    const seen = new Map();
    for (const d of list) seen.set(key(d), seen.has(key(d)) ? null : d);
    return seen;
  };
  const was = once(before);
  const will = once(after);
  const out = [];
  for (const d of will.values()) {
    if (!d) continue;
    const old = was.get(key(d));
    if (old && old.dueOn !== d.dueOn && d.dueOn)
      out.push(`${d.label}：届满日由 ${old.dueOn ?? '未定'} 变为 ${d.dueOn}。${carriedOver(d)}${undecidable(d)}`);
  }
  return out;
}

/**
 * s61 (new user's walk #3): the award limit moved to a day only provisional — its year's public holidays not loaded —
 * cannot be printed on the 延长审理期限决定书 (LDMAL Art. 43(1); the server refuses to issue it until they are): said
 * before the chair approves, not found out at the document.
 */
function undecidable(d) {
  if (d.kind !== 'award' || !d.provisional) return '';
  return `该届满日为暂定（${String(d.dueOn).slice(0, 4)}年国家法定节假日安排尚未录入）：延长审理期限决定书须写明延长后的届满日，须待管理员录入该年节假日安排后方可出具正式文本（草稿可先生成）。`;
}

/**
 * s60 W2 #3: why a moved due date is not simply the old one plus the days — its last day was a rest day, carried over
 * (CPL Art. 85(3)) — in the server's words (the preview deadline's `explanation`, workflows/deadlines.ts), never
 * computed here: 「2027-02-05 为法定节假日（春节）（暂定），依法顺延至其后第一个工作日 2027-02-09。」
 */
function carriedOver(d) {
  const m = /(\d{4}-\d{2}-\d{2})；该日为([^，；。]+)，(依法)?顺延至其后第一个工作日(\d{4}-\d{2}-\d{2})/.exec(d.explanation ?? '');
  if (!m || m[4] !== d.dueOn) return '';
  return `${m[1]} 为${m[2]}${d.provisional ? '（暂定）' : ''}，${m[3] ?? ''}顺延至其后第一个工作日 ${m[4]}。`;
}

/**
 * ui46 M1: the same document already served on the same party (the case's service records, `proceedings.services`):
 * one line per party, so that a second record is deliberate. A service to every applicant (or respondent) names each one
 * already served.
 */
export function servedAlready(c, body = {}, docNames = {}, methodNames = {}) {
  if (!body.document || !body.partyId) return [];
  const whom = bulkParties(c, body.partyId)?.list ?? null;
  const all = [...(c.applicants ?? []), ...(c.respondents ?? []), ...(c.thirdParties ?? [])];
  const parties = whom ?? all.filter((p) => String(p.id) === String(body.partyId));
  const doc = docNames[body.document] ?? body.document;
  const out = [];
  for (const p of parties) {
    const before = (c.proceedings?.services ?? []).filter((s) => s.document === body.document && String(s.partyId) === String(p.id));
    if (!before.length) continue;
    const times = before
      .map((s) => {
        const m = methodNames[s.method] ?? s.method;
        return `${s.servedOn}以${m.replace(/（.*）$/, '')}${m.endsWith('方式') ? '' : '方式'}`;
      })
      .join('、');
    out.push(`⚠ 已于${times}向${p.name}送达${doc}${before.length > 1 ? `（共 ${before.length} 次）` : ''}，再次登记将另记一次送达`);
  }
  return out;
}

/** Whether act `type` sets a hearing day that the confirmation should look up on the official calendar. */
export const setsHearingDay = (type, body = {}) =>
  (type === 'SCHEDULE_HEARING' || type === 'POSTPONE_HEARING') && /^\d{4}-\d{2}-\d{2}$/.test(body.hearingOn ?? '');

/**
 * What a confirmation should make the person look at twice before an act is recorded (not refusals: the server judges
 * the law): a hearing set on a rest day — a statutory holiday or a weekend that is not an adjusted working day (调休上班),
 * as `day` (GET /api/calendar/day) says; without it, on a Saturday or Sunday —; a mediation amount above everything
 * claimed (it is what the statistics count as 调解金额).
 */
export function actWarnings(
  type,
  c,
  body = {},
  day = null,
  { documents = null, docNames = {}, methodNames = {}, restDayByServer = false } = {},
) {
  const out = [];
  if (type === 'SERVE') out.push(...servedAlready(c, body, docNames, methodNames));
  // A service recorded of a document the system makes but has not made for this case (ui44 M1: a 裁决书 recorded as
  // served while the 文书 panel says 尚未生成文书). `documents`: GET /api/cases/:id/documents, null when not read;
  // `docNames`: the served documents' short names (web/forms.js serviceDocs).
  const made = type === 'SERVE' && documents ? GENERATED_AS[body.document] : null;
  if (made && !documents.some((d) => made.includes(d.kind)))
    out.push(
      `本案尚未生成《${docNames[body.document] ?? body.document}》：请先在“文书”栏生成并核对文书，再登记送达；确已以其他方式制作送达的，请核对后再确认。`,
    );
  if (setsHearingDay(type, body)) {
    const on = body.hearingOn;
    const wd = WEEKDAYS[new Date(`${on}T00:00:00Z`).getUTCDay()];
    if (day && day.date === on) {
      const unsure = day.provisional ? '（该年国家法定节假日安排尚未录入，仅按周末判断）' : '';
      // fixU59 #3: a holiday or rest day the server's preview answered for is its warning (restDayHearingWarnings), said once.
      if (day.kind === 'holiday') {
        if (!restDayByServer) out.push(`开庭日期 ${on} 为法定节假日${day.name ? `（${day.name}）` : ''}，请核对。`);
      } else if (day.kind === 'weekend') {
        if (!restDayByServer) out.push(`开庭日期 ${on} 为${wd}（休息日），请核对${unsure}。`);
      }
      // A year not yet loaded cannot say whether a weekday is a holiday: said, so that the date is checked.
      else if (day.provisional) out.push(`开庭日期 ${on}：该年国家法定节假日安排尚未录入，无法判断是否为法定节假日，请核对。`);
    } else if (!restDayByServer && (wd === '星期六' || wd === '星期日')) {
      out.push(`开庭日期 ${on} 为${wd}，请核对（法定节假日与调休以国家安排为准）。`);
    }
  }
  // LDMAL Art. 36; Rules Arts. 39, 59: an absence has its consequence (按撤回处理, 缺席裁决) only after written notice of
  // this hearing date proven served before the hearing day (the server decides, workflows/rules.ts absentNotices; this
  // is only a reminder, and leaves the notice period's own rule to it) — said now, while the hearing can still be
  // postponed, not first when the award or the withdrawal is refused.
  if (type === 'HOLD_HEARING') {
    const p = c.proceedings ?? {};
    const h = p.hearing;
    const moved = h ? (p.postponements ?? []).filter((x) => x.decidedOn >= h.scheduledOn && x.to === h.hearingOn).at(-1) : null;
    const setOn = moved?.decidedOn ?? h?.scheduledOn ?? null;
    const noticed = (id) =>
      setOn !== null &&
      (p.services ?? []).some(
        (s) =>
          ['hearing_notice', 'postponement_notice'].includes(s.document) &&
          s.partyId === id &&
          s.servedOn >= setOn &&
          (!body.occurredOn || s.servedOn < body.occurredOn) &&
          (s.method !== 'sms' || s.confirmed === true),
      );
    // One gone midway without leave (中途退庭) stands as absent (LDMAL Art. 36).
    for (const [side, present, list, what] of [
      ['申请人', body.applicantPresent && body.applicantLeftEarly !== true, c.applicants ?? [], '不能按撤回仲裁申请处理'],
      ['被申请人', body.respondentPresent && body.respondentLeftEarly !== true, c.respondents ?? [], '不能缺席裁决'],
    ]) {
      // legal54c M1: a party ticked absent one by one, too (absentParties).
      const listed = (body.absentParties ?? []).map(String);
      const unproven = list.filter((x) => (present === false || listed.includes(String(x.id))) && !noticed(x.id));
      if (unproven.length)
        out.push(
          `未到庭的${side}${unproven.map((x) => x.name).join('、')}尚无本次开庭通知的送达记录：${what}（《劳动争议调解仲裁法》第三十六条）。请先登记送达，或改期开庭。`,
        );
    }
  }
  // LDMAL Art. 30; Rules Art. 58: a hearing inside a respondent's defense period, or before the copy of the application
  // was served, is the server's rule (workflows/hearings.ts defensePeriodWarnings): its preview's warnings are shown in
  // the confirmation (web/pages/act.js PREVIEWS_WARNINGS), so the rule has one home.
  // A hearing notified for a day now past, and no 开庭 recorded: an act dated after that day leaves no way to record the
  // hearing on the day it was held (acts are recorded in the order of their dates; LDMAL Art. 35 holds it to the
  // notified day) — said before this act is confirmed (a second walk: 先予执行 dated 12-01 over a hearing of 09-26).
  const notified = c.state === 'hearing_scheduled' ? c.proceedings?.hearing?.hearingOn : null;
  const actDay = body.occurredOn ?? null;
  if (notified && actDay && actDay > notified && !['HOLD_HEARING', 'POSTPONE_HEARING'].includes(type))
    out.push(
      `本案通知的开庭日期 ${notified} 已过，尚未记录开庭：如已于该日开庭，请先记录开庭，再办理本事项——本事项记入后，不能再记录早于 ${actDay} 的开庭；未开庭的，请先记录延期开庭。`,
    );
  // Rules Art. 59: a notice by phone or SMS the addressee has not confirmed (nor is otherwise proven received) is not
  // proof of notice: it grounds neither a default award nor a deemed withdrawal.
  if (type === 'SERVE' && body.method === 'sms' && body.confirmed !== true)
    out.push(
      '简便方式送达尚未经受送达人确认：在确认（或有其他证据证明已收到）之前，不能作为缺席裁决、按撤回处理的依据（《劳动人事争议仲裁办案规则》第五十九条）。',
    );
  // Simple handling (domain.md §8.1; Rules Art. 56): the commission may appoint a sole arbitrator — a panel is lawful,
  // but not what the procedure is for (a helper's walk recorded one without a word).
  if (type === 'FORM_TRIBUNAL' && c.procedure === 'simple' && (body.arbitratorIds ?? []).length > 1)
    out.push(
      '本案简易处理，通常由一名仲裁员独任仲裁（《劳动人事争议仲裁办案规则》第五十六条）；案情复杂需要合议的，宜先转为普通程序。请核对。',
    );
  // LDMAL Art. 31: a tribunal is three arbitrators with a presiding one; a sole arbitrator hears a simple case. The server
  // records a sole arbitrator on a case under the ordinary procedure (it refuses one only on a collective dispute,
  // which the preview says), so the confirmation says what the law expects.
  if (type === 'FORM_TRIBUNAL' && c.procedure !== 'simple' && c.track !== 'mediation' && (body.arbitratorIds ?? []).length === 1)
    out.push(
      '本案按普通程序处理：仲裁庭一般由三名仲裁员组成，设首席仲裁员；简单劳动争议案件（简易处理）才可以由一名仲裁员独任仲裁（《劳动争议调解仲裁法》第三十一条）。请核对是否由一名仲裁员独任仲裁。',
    );
  // Several workers and a claim of them all (LDMAL Art. 47(1); SPC-1 Art. 19): an item paid as one sum with no share for
  // each worker is warned by the server's award preview (app/procedure/award.ts unsharedItemWarnings), shown in the
  // confirmation — fixU57 #2: no second warning here, which named every joint claim, one with its shares and one
  // dismissed (nothing paid) too.
  // LDMAL Art. 43: an award made after the time limit (and any extension) ran out — said in the confirmation, with the
  // day it ran out (ui43 L13). The case view's award clock; a paused clock (suspended) is not judged here.
  if (type === 'ISSUE_AWARD' || type === 'PARTIAL_AWARD') {
    const limit = awardLimit(c.deadlines);
    const on = body.occurredOn ?? null;
    if (limit?.dueOn && limit.status !== 'paused' && ((on && on > limit.dueOn) || (!on && limit.status === 'overdue')))
      out.push(
        `已超过审理期限（届满日 ${limit.dueOn}${limit.provisional ? '，预计' : ''}）${on ? `：裁决日期 ${on} 在届满日之后` : ''}。逾期未作出仲裁裁决的，当事人可以就该劳动争议事项向人民法院提起诉讼（《劳动争议调解仲裁法》第四十三条）。请核对。`,
      );
  }
  if (type === 'MEDIATION_AGREED' && body.amount !== undefined && body.amount !== '') {
    // The applicant's claims still asked for (not one given up, not a counterclaim's against the applicant).
    const claimed = (c.claims ?? [])
      .filter((cl) => !cl.withdrawn && !cl.counterclaim)
      .reduce((sum, cl) => sum + (cl.amount ? Number(cl.amount) : 0), 0);
    const agreed = Number(body.amount);
    if (claimed > 0 && Number.isFinite(agreed) && agreed > claimed)
      // A mediation before arbitration has 调解请求, not 仲裁请求 (ui44 L3).
      out.push(
        `调解金额 ${body.amount} 元超过${c.track === 'mediation' ? '调解' : '仲裁'}请求金额合计 ${claimed.toFixed(2)} 元，请核对：统计中的“调解金额”按此数计。`,
      );
  }
  return out;
}
