import { describe, expect, it } from 'vitest';
// @ts-expect-error the web interface is plain JavaScript modules (no types)
import { actWarnings, consequenceOf, deadlineShifts, ONE_STEP, previewedConsequence } from '../../web/acts.js';
import { EVENT_TYPES } from '../../workflows/procedure-types.ts';
import { INVISIBLE_SEPARATORS } from '../helpers/invisible.ts';

// web/core.js reads the browser's storage as it loads: a stand-in that holds nothing.
const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };
const empty = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined, key: () => null, length: 0 };
g.localStorage ??= empty;
g.sessionStorage ??= empty;
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { sourceZh, fieldMessage, plainAmount, checkMoney, checkIdNumber, checkPersonName, names } = await import('../../web/core.js');
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { EVENT_FORMS } = await import('../../web/forms.js');
// @ts-expect-error the web interface is plain JavaScript modules (no types)
const { SUSPENDED_HEARING, SUSPENSION_NAMES_HEARING } = await import('../../web/acts.js');

/** The legal sources the screens cite, in Chinese: "(n)" is a paragraph (款) except in articles that list items (项). */
describe('sourceZh', () => {
  it('LDMAL Art. 43(1) is 第四十三条第一款; Art. 47(1) and Rules Art. 46(6) are items', () => {
    expect(sourceZh('LDMAL Art. 43(1); Rules Art. 48; SPC-1 Art. 12')).toBe(
      '《劳动争议调解仲裁法》第四十三条第一款；《劳动人事争议仲裁办案规则》第四十八条；《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十二条',
    );
    expect(sourceZh('LDMAL Art. 47(1)')).toBe('《劳动争议调解仲裁法》第四十七条第（一）项');
    expect(sourceZh('Rules Art. 46(6)')).toBe('《劳动人事争议仲裁办案规则》第四十六条第（六）项');
    expect(sourceZh('LDMAL Art. 42(2)–(3)')).toBe('《劳动争议调解仲裁法》第四十二条第二款至第三款');
    expect(sourceZh('CPL Art. 85(3)')).toBe('《民事诉讼法》第八十五条第三款');
  });
});

/** What the act dialogs' confirmations say follows (web/acts.js): the law of the case's track, the document served. */
describe('consequenceOf', () => {
  it('a failed or agreed mediation before arbitration cites LDMAL Arts. 5 and 14, not the tribunal’s Art. 42', () => {
    const pre = { track: 'mediation' };
    const inside = { track: 'arbitration' };
    expect(consequenceOf('MEDIATION_FAILED', pre)).toContain('第五条');
    expect(consequenceOf('MEDIATION_FAILED', pre)).not.toContain('仲裁庭');
    expect(consequenceOf('MEDIATION_AGREED', pre)).toContain('第十四条');
    expect(consequenceOf('MEDIATION_FAILED', inside)).toContain('第四十二条');
  });
  it('every service asks first, naming the day of service; the award says the periods run from receipt', () => {
    const c = { track: 'arbitration' };
    expect(consequenceOf('SERVE', c, { document: 'award' })).toContain('第四十八条至第五十条');
    // A service cannot be taken back (a helper's walk recorded twelve at one click).
    expect(consequenceOf('SERVE', c, { document: 'acceptance_notice', occurredOn: '2026-03-05' })).toContain(
      '未填写送达日期：以送交日期 2026-03-05 为送达日期',
    );
    expect(consequenceOf('SERVE', c, { document: 'tribunal_notice', servedOn: '2026-03-04' })).toContain('送达日期 2026-03-04');
    const many = { track: 'arbitration', applicants: [{ name: '赵甲' }, { name: '钱乙' }] };
    expect(consequenceOf('SERVE', many, { document: 'tribunal_notice', partyId: 'allApplicants', servedOn: '2026-03-04' })).toContain(
      '将逐人登记向全体 2 名申请人（赵甲、钱乙）送达，送达日期 2026-03-04',
    );
    expect(consequenceOf('SCHEDULE_HEARING', c)).toContain('第三十五条');
    expect(consequenceOf('ACCEPT', c)).toContain('第四十三条');
  });
  it('a signature on the 调解书 names the day it takes effect; a referral names the day the review period runs from; a suspension asks', () => {
    const c = { track: 'arbitration' };
    expect(consequenceOf('SIGN_MEDIATION_DOCUMENT', c, { occurredOn: '2026-03-12' })).toContain(
      '未填写签收日期：以登记日期 2026-03-12 为签收日期',
    );
    expect(consequenceOf('SIGN_MEDIATION_DOCUMENT', c, { signedOn: '2026-03-10', occurredOn: '2026-03-12' })).toContain(
      '签收日期 2026-03-10。双方当事人均签收后',
    );
    expect(consequenceOf('SIGN_MEDIATION_DOCUMENT', c, { signedOn: '2026-03-10', refused: true })).toContain('拒收日期 2026-03-10');
    // The last signature: the document takes effect that day and the case closes by mediation.
    const waiting = {
      track: 'arbitration',
      applicants: [{ id: 1, name: '张三' }],
      respondents: [{ id: 2, name: '某公司' }],
      proceedings: { mediation: { signatures: [{ partyId: 1, signedOn: '2026-03-09' }] } },
    };
    expect(consequenceOf('SIGN_MEDIATION_DOCUMENT', waiting, { partyId: 2, signedOn: '2026-03-10' })).toContain(
      '此次签收后双方当事人均已签收：调解书自该日起发生法律效力，案件以调解结案',
    );
    expect(consequenceOf('SIGN_MEDIATION_DOCUMENT', waiting, { partyId: 1, signedOn: '2026-03-10' })).not.toContain('均已签收');
    expect(consequenceOf('REFER_TO_ARBITRATION', { track: 'mediation' }, { occurredOn: '2026-03-05' })).toContain(
      '转入仲裁日期 2026-03-05 即为新仲裁申请的收到申请日期',
    );
    expect(consequenceOf('SUSPEND', c)).toContain('审理期限自中止之日起暂停计算');
  });
  it('serving a document with legal effect asks first: the hearing notice (a default award rests on it), the copy', () => {
    const c = { track: 'arbitration' };
    expect(consequenceOf('SERVE', c, { document: 'hearing_notice' })).toContain('第三十六条');
    expect(consequenceOf('SERVE', c, { document: 'postponement_notice' })).toContain('第三十六条');
    expect(consequenceOf('SERVE', c, { document: 'application_copy' })).toContain('第三十条');
    expect(consequenceOf('SERVE', c, { document: 'mediation_document' })).toContain('第四十二条');
  });
  it('giving claims up, adding claims (the 45 days restart), a conversion and a tribunal ask first', () => {
    const c = {
      track: 'arbitration',
      claims: [
        { id: 7, seq: 1, description: '支付拖欠工资', amount: '8000.00' },
        { id: 8, seq: 2, description: '支付经济补偿', amount: '5000.00' },
      ],
    };
    expect(consequenceOf('CHANGE_CLAIMS', c, { withdraw: [8] })).toContain('申请人放弃仲裁请求：第2项“支付经济补偿”（5000.00元）');
    expect(consequenceOf('CHANGE_CLAIMS', c, { withdraw: [8], by: 'respondent' })).toContain('被申请人放弃其反申请请求');
    // Rules Art. 46(3): the award limit restarts from the change (round ui41: confirmed like any act with legal effect).
    expect(consequenceOf('CHANGE_CLAIMS', c, { add: [{ category: 'wages' }] })).toContain('审理期限自受理变更之日起重新计算');
    expect(consequenceOf('CHANGE_CLAIMS', c, { withdraw: [8], add: [{ category: 'wages' }] })).toContain('同时增加请求');
    expect(consequenceOf('CONVERT_TO_ORDINARY', c)).toContain('第六十一条');
    expect(consequenceOf('FORM_TRIBUNAL', c)).toContain('第三十二条');
  });
});

describe('s61 E #2: 收到答辩书 says what it does, for the respondent named (LDMAL Art. 30)', () => {
  const two = {
    track: 'arbitration',
    applicants: [],
    respondents: [
      { id: 7, name: '聊城甲劳务派遣有限公司' },
      { id: 8, name: '聊城乙用工单位有限公司' },
    ],
    claims: [],
  };
  it('names the respondent: its period no longer warned of for a hearing set or moved and for the award; the other’s still', () => {
    const said = consequenceOf('FILE_DEFENSE', two, { partyId: '8' });
    expect(said).toContain('将记录收到被申请人聊城乙用工单位有限公司的答辩书');
    expect(said).toContain('此后排期开庭、延期开庭和作出裁决时，不再提示聊城乙用工单位有限公司的答辩期未满');
    expect(said).toContain('其他被申请人尚未答辩的，其答辩期仍照常提示');
    expect(said).toContain('第四十四条');
    expect(said).not.toContain('开庭仍按答辩期提示');
    expect(said).not.toContain('聊城甲劳务派遣有限公司');
  });
  it('one respondent: named, and no word of others; none chosen yet: 该被申请人', () => {
    const one = { ...two, respondents: [{ id: 7, name: '聊城丙有限公司' }] };
    const said = consequenceOf('FILE_DEFENSE', one, {});
    expect(said).toContain('不再提示聊城丙有限公司的答辩期未满');
    expect(said).not.toContain('其他被申请人');
    expect(consequenceOf('FILE_DEFENSE', two, {})).toContain('不再提示该被申请人的答辩期未满');
    expect(consequenceOf('FILE_DEFENSE', two)).not.toContain('开庭仍按答辩期提示');
  });
});

describe('every act with legal effect is confirmed (round ui41, H1)', () => {
  const c = { track: 'arbitration', applicants: [], respondents: [], claims: [] };
  it('each event type the server knows has a confirmation, except the one-step records named in ONE_STEP', () => {
    const unconfirmed = EVENT_TYPES.filter((t) => t !== 'SERVE' && !consequenceOf(t, c, { withdraw: [] }));
    expect(unconfirmed.sort()).toEqual([...ONE_STEP].sort());
    for (const t of ['RECUSE_ARBITRATOR', 'RESUME', 'ASSIGN_MEDIATOR', 'START_MEDIATION'])
      expect(consequenceOf(t, c), t).toMatch(/《劳动(争议调解仲裁法|人事争议仲裁办案规则)》第/);
    expect(consequenceOf('ASSIGN_MEDIATOR', { track: 'mediation' })).toContain('第十四条');
  });
  it('a suspension after the time limit ran out says it is not deducted; a notified hearing is named', () => {
    const late = {
      ...c,
      state: 'hearing_scheduled',
      deadlines: [{ kind: 'award', dueOn: '2026-02-24', status: 'overdue' }],
      proceedings: { hearing: { hearingOn: '2026-04-20', time: '09:00' } },
    };
    const said = consequenceOf('SUSPEND', late, { occurredOn: '2026-04-01' });
    expect(said).toContain('本案审理期限已于 2026-02-24 届满，中止始于审理期限届满之后，不扣除中止期间');
    expect(said).not.toContain('暂停计算');
    // s61 E #3: worded from the service record — 已定于 with no notice of this day served, 已通知 (naming whom) once one is.
    expect(said).toContain('本案已定于 2026-04-20 09:00 开庭（尚无开庭通知的送达记录）：中止审理期间不能开庭');
    expect(said).not.toContain('已通知');
    const hearing = { hearingOn: '2026-04-20', time: '09:00', scheduledOn: '2026-03-30' };
    const notified = (services: object[], postponements: object[] = []) =>
      consequenceOf(
        'SUSPEND',
        { ...late, applicants: [{ id: 1, name: '周明远' }], proceedings: { hearing, services, postponements } },
        { occurredOn: '2026-04-01' },
      );
    expect(notified([{ document: 'hearing_notice', partyId: 1, servedOn: '2026-03-31', method: 'direct' }])).toContain(
      '本案已通知于 2026-04-20 09:00 开庭（开庭通知已送达周明远）：中止审理期间不能开庭',
    );
    // A notice served before the day was set (the old day's), or an SMS not confirmed, is no notice of this day.
    expect(notified([{ document: 'hearing_notice', partyId: 1, servedOn: '2026-03-29', method: 'direct' }])).toContain('本案已定于');
    expect(notified([{ document: 'hearing_notice', partyId: 1, servedOn: '2026-03-31', method: 'sms' }])).toContain('本案已定于');
    expect(SUSPENSION_NAMES_HEARING.test(said)).toBe(true);
    expect(SUSPENDED_HEARING.test('本案已定于 2026-04-20 开庭，该日在中止审理期间（自 2026-04-01 起）')).toBe(true);
    // The server's preview decides: the limit paused, or not.
    const paused = [{ kind: 'award', dueOn: '2026-05-01', status: 'paused' }];
    expect(previewedConsequence('SUSPEND', { ...c, deadlines: [] }, { occurredOn: '2026-04-01' }, paused)).toContain('暂停计算');
    const overdue = [{ kind: 'award', dueOn: '2026-02-24', status: 'overdue' }];
    expect(previewedConsequence('SUSPEND', { ...c, deadlines: [] }, { occurredOn: '2026-04-01' }, overdue)).toContain('不扣除中止期间');
    expect(previewedConsequence('RESUME', c, {}, [{ kind: 'award', dueOn: '2026-05-11', status: 'open' }])).toContain(
      '审理期限届满日为 2026-05-11',
    );
  });
});

describe('actWarnings', () => {
  const c = { track: 'arbitration', claims: [{ amount: '12000.00' }, { amount: '3000.00' }, { amount: null }] };
  it('an act dated after a notified hearing day with no 开庭 recorded says to record the hearing first (a second walk)', () => {
    const waiting = { ...c, state: 'hearing_scheduled', proceedings: { hearing: { hearingOn: '2026-09-26' } } };
    const w = actWarnings('ADVANCE_EXECUTION', waiting, { occurredOn: '2026-12-01' });
    expect(w.join('')).toContain('本案通知的开庭日期 2026-09-26 已过，尚未记录开庭');
    expect(actWarnings('ADVANCE_EXECUTION', waiting, { occurredOn: '2026-09-20' })).toEqual([]);
    expect(actWarnings('POSTPONE_HEARING', waiting, { occurredOn: '2026-12-01', hearingOn: '2026-12-14' })).toEqual([]);
    expect(actWarnings('ADVANCE_EXECUTION', { ...waiting, state: 'heard' }, { occurredOn: '2026-12-01' })).toEqual([]);
  });
  it('送达 by phone or SMS not confirmed: it grounds no default award or deemed withdrawal (Rules Art. 59)', () => {
    expect(actWarnings('SERVE', c, { method: 'sms', occurredOn: '2026-12-01' }).join('')).toContain('尚未经受送达人确认');
    expect(actWarnings('SERVE', c, { method: 'sms', confirmed: true, occurredOn: '2026-12-01' })).toEqual([]);
  });
  it('a hearing on a Saturday or Sunday is pointed out; a weekday is not', () => {
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-13' })).toEqual([
      '开庭日期 2026-12-13 为星期日，请核对（法定节假日与调休以国家安排为准）。',
    ]);
    expect(actWarnings('POSTPONE_HEARING', c, { hearingOn: '2026-12-12' })[0]).toContain('星期六');
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-14' })).toEqual([]);
    expect(actWarnings('SCHEDULE_HEARING', c, {})).toEqual([]);
  });
  it('with the official calendar’s answer: a holiday (named) or a weekend is pointed out; an adjusted working day is not', () => {
    const day = (date: string, kind: string, more = {}) => ({
      date,
      rest: kind === 'holiday' || kind === 'weekend',
      kind,
      provisional: false,
      ...more,
    });
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-10-01' }, day('2026-10-01', 'holiday', { name: '国庆节' }))).toEqual([
      '开庭日期 2026-10-01 为法定节假日（国庆节），请核对。',
    ]);
    // A Thursday that is a holiday: the weekday check alone would have said nothing.
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-10-01' })).toEqual([]);
    // Saturday 2026-10-10 is worked (调休上班): no warning, where the weekday check alone would give one.
    expect(actWarnings('POSTPONE_HEARING', c, { hearingOn: '2026-10-10' }, day('2026-10-10', 'makeup_workday'))).toEqual([]);
    expect(actWarnings('POSTPONE_HEARING', c, { hearingOn: '2026-10-10' })[0]).toContain('星期六');
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-12' }, day('2026-12-12', 'weekend'))).toEqual([
      '开庭日期 2026-12-12 为星期六（休息日），请核对。',
    ]);
    expect(
      actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2027-01-02' }, day('2027-01-02', 'weekend', { provisional: true }))[0],
    ).toContain('尚未录入');
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-14' }, day('2026-12-14', 'workday'))).toEqual([]);
    // A weekday in a year not yet loaded: whether it is a holiday cannot be told — said.
    expect(
      actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2027-10-01' }, day('2027-10-01', 'workday', { provisional: true }))[0],
    ).toContain('无法判断是否为法定节假日');
    // An answer for another day (a stale lookup) is not used: the weekday decides.
    expect(actWarnings('SCHEDULE_HEARING', c, { hearingOn: '2026-12-13' }, day('2026-12-14', 'workday'))[0]).toContain('星期日');
  });
  it('a mediation amount above everything claimed is pointed out; at or under it, or with nothing claimed, not', () => {
    expect(actWarnings('MEDIATION_AGREED', c, { amount: '20000' })[0]).toContain('超过仲裁请求金额合计 15000.00 元');
    expect(actWarnings('MEDIATION_AGREED', c, { amount: '15000.00' })).toEqual([]);
    expect(actWarnings('MEDIATION_AGREED', c, {})).toEqual([]);
    expect(actWarnings('MEDIATION_AGREED', { claims: [{ amount: null }] }, { amount: '5000' })).toEqual([]);
  });
});

describe('deadlineShifts', () => {
  it('names each deadline whose due date the previewed act moves; unchanged, new or undated ones are not named', () => {
    const before = [
      { kind: 'award', partyId: null, label: '审理期限', dueOn: '2026-04-18' },
      { kind: 'defense', partyId: 7, label: '答辩期限（某公司）', dueOn: '2026-03-21' },
    ];
    const after = [
      { kind: 'award', partyId: null, label: '审理期限', dueOn: '2026-05-06' },
      { kind: 'defense', partyId: 7, label: '答辩期限（某公司）', dueOn: '2026-03-21' },
      { kind: 'hearing_notice', partyId: null, label: '开庭通知', dueOn: '2026-04-30' },
    ];
    expect(deadlineShifts(before, after)).toEqual(['审理期限：届满日由 2026-04-18 变为 2026-05-06。']);
    expect(deadlineShifts(before, [{ ...after[0], dueOn: null }])).toEqual([]);
    expect(deadlineShifts(undefined, after)).toEqual([]);
    // s60 W2 #3: a last day carried over past a rest day says so, in the preview's own words (its explanation).
    const rolled = {
      ...after[0],
      dueOn: '2027-02-09',
      provisional: true,
      explanation:
        '经批准延长15日（2026-12-20）；自受理（2026-12-07）的次日起算45日，届满日为2027-02-05；该日为法定节假日（春节），依法顺延至其后第一个工作日2027-02-09。（暂定：…）',
    };
    expect(deadlineShifts(before, [rolled])).toEqual([
      '审理期限：届满日由 2026-04-18 变为 2027-02-09。2027-02-05 为法定节假日（春节）（暂定），依法顺延至其后第一个工作日 2027-02-09。该届满日为暂定（2027年国家法定节假日安排尚未录入）：延长审理期限决定书须写明延长后的届满日，须待管理员录入该年节假日安排后方可出具正式文本（草稿可先生成）。',
    ]);
    // An explanation that carries over to another day than the one shown (not this deadline's) is not quoted.
    expect(deadlineShifts(before, [{ ...rolled, dueOn: '2027-02-10', provisional: false }])).toEqual([
      '审理期限：届满日由 2026-04-18 变为 2027-02-10。',
    ]);
    // Two deadlines of one kind for one party (two partial awards): not paired with each other, left out.
    const partial = (dueOn: string) => ({ kind: 'partial_award_effective', partyId: 7, label: '部分裁决生效', dueOn });
    expect(deadlineShifts([partial('2026-05-01'), partial('2026-05-09')], [partial('2026-05-09'), partial('2026-05-01')])).toEqual([]);
  });
});

describe('actWarnings: the tribunal and the award of several workers', () => {
  it('a panel for a case handled simply is questioned; a sole arbitrator is not', () => {
    const c = { track: 'arbitration', procedure: 'simple' };
    expect(actWarnings('FORM_TRIBUNAL', c, { arbitratorIds: [1, 2, 3] }).join('')).toContain('第五十六条');
    expect(actWarnings('FORM_TRIBUNAL', c, { arbitratorIds: [1] })).toEqual([]);
    expect(actWarnings('FORM_TRIBUNAL', { ...c, procedure: 'ordinary' }, { arbitratorIds: [1, 2, 3] })).toEqual([]);
  });
  it('a sole arbitrator on a case under the ordinary procedure is said plainly, with LDMAL Art. 31', () => {
    const said = actWarnings('FORM_TRIBUNAL', { track: 'arbitration', procedure: 'ordinary' }, { arbitratorIds: [1] }).join('');
    expect(said).toContain('本案按普通程序处理');
    expect(said).toContain('简易处理');
    expect(said).toContain('《劳动争议调解仲裁法》第三十一条');
  });
  it("fixU57 #2: an award over a joint claim is warned by the server's preview only — none here, with or without shares", () => {
    const c = {
      track: 'arbitration',
      applicants: [
        { id: 1, kind: 'person' },
        { id: 2, kind: 'person' },
      ],
      claims: [
        { id: 7, seq: 1, amount: '40000.00' },
        { id: 8, seq: 2, amount: '9000.00', applicantId: 2 },
      ],
    };
    const shared = { claimId: 7, outcome: 'granted', amount: '40000.00', shares: [{ partyId: 1, amount: '40000.00' }] };
    const dismissed = { claimId: 7, outcome: 'dismissed' };
    const unshared = { claimId: 7, outcome: 'granted', amount: '40000.00' };
    // The preview (app/procedure/award.ts unsharedItemWarnings) says it of the unshared item alone: not said twice.
    for (const item of [shared, dismissed, unshared])
      expect(actWarnings('ISSUE_AWARD', c, { items: [item] }).join('')).not.toContain('未写明');
  });
});

/** The forms' own checks (web/core.js), as the server's (workflows/identifiers.ts), and their wording. */
describe('form checks', () => {
  it('a required field left empty reads 必须填写, whatever the schema said', () => {
    expect(fieldMessage('不能为空')).toBe('必须填写');
    expect(fieldMessage('无效输入：期望 string，实际接收 undefined')).toBe('必须填写');
    expect(fieldMessage('数值过小：期望 string >=1 字符')).toBe('必须填写');
    expect(fieldMessage('数值过大：期望 string <=100 字符')).toBe('不能超过 100 个字符/项');
  });
  it('amounts with thousands separators are the number they write; other commas are not', () => {
    expect(plainAmount('36,000')).toBe('36000');
    expect(plainAmount('36，000.50')).toBe('36000.50');
    expect(plainAmount('1,234,567.8')).toBe('1234567.8');
    expect(plainAmount('３６，０００')).toBe('36000');
    expect(plainAmount('36,00')).toBe('36,00');
    expect(checkMoney('36,000')).toBeNull();
    expect(checkMoney('36,00')).not.toBeNull();
  });
  it('the identity number: its check character (GB 11643), its birth date, its region', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('110105194912310021')).toBe('身份证号码校验位错误');
    expect(checkIdNumber('110105194902300021')).toBe('身份证号码中的出生日期无效');
    expect(checkIdNumber('990105194912310021')).toBe('身份证号码的地区码无效');
    expect(checkIdNumber('12345')).toContain('18位');
  });
  it('送达: the consent box goes with 电子送达, the confirmation with 简便方式', () => {
    const serve = Object.fromEntries(EVENT_FORMS.SERVE.map((f: { name: string }) => [f.name, f]));
    expect(serve.consent.onlyWith).toEqual({ method: ['electronic'] });
    expect(serve.confirmed.onlyWith).toEqual({ method: ['sms'] });
  });
  it('起诉 asks which matter once a mixed award’s final part is set aside; 收到答辩书 which respondent when there are several', () => {
    const matter = EVENT_FORMS.RECORD_LAWSUIT.find((f: { name: string }) => f.name === 'matter');
    expect(matter.when({ award: { finality: 'mixed' }, proceedings: { setAside: { result: 'set_aside' } } })).toBe(true);
    expect(matter.when({ award: { finality: 'mixed' }, proceedings: { setAside: { result: 'rejected' } } })).toBe(false);
    expect(matter.when({ award: { finality: 'non_final' }, proceedings: {} })).toBe(false);
    expect(Object.keys(matter.options)).toEqual(['set_aside', 'award']);
    const filer = EVENT_FORMS.FILE_DEFENSE.find((f: { name: string }) => f.name === 'partyId');
    expect(filer.kind).toBe('respondent');
    expect(filer.when({ respondents: [{ id: 1 }, { id: 2 }] })).toBe(true);
    expect(filer.when({ respondents: [{ id: 1 }] })).toBe(false);
  });
  it('转入仲裁 starts on the mediation’s outcome', () => {
    const reason = EVENT_FORMS.REFER_TO_ARBITRATION.find((f: { name: string }) => f.name === 'reason');
    const m = (x: object, deadlines: object[] = []) => ({
      proceedings: { trackMediation: { agreedOn: null, failedOn: null, ...x } },
      deadlines,
    });
    expect(reason.initial(m({ failedOn: '2026-03-10' }))).toBe('failed');
    expect(reason.initial(m({ agreedOn: '2026-03-10' }))).toBe('non_performance');
    expect(reason.initial(m({}, [{ kind: 'mediation', status: 'elapsed' }]))).toBe('time_limit');
    expect(reason.initial(m({}))).toBeNull();
  });
});

describe('the 送达 form names the documents from the vocabulary (D3: no copy in the web)', () => {
  // ui45 L3: by their full names (仲裁裁决书, 仲裁调解书), as 文书种类 and the documents list name them.
  it('offers the names of GET /api/reference/vocabulary servedDocuments, and forms.js holds none of its own', async () => {
    // @ts-expect-error the web interface is plain JavaScript modules (no types)
    const { state } = await import('../../web/core.js');
    // @ts-expect-error the web interface is plain JavaScript modules (no types)
    const { EVENT_FORMS, serviceDocs } = await import('../../web/forms.js');
    const { SERVED_DOCUMENTS } = await import('../../templates/kinds.ts');
    const before = state.vocab;
    try {
      state.vocab = { servedDocuments: SERVED_DOCUMENTS };
      const f = (EVENT_FORMS.SERVE as { name: string; options?: Record<string, string> }[]).find((x) => x.name === 'document');
      expect(f?.options?.award).toBe('仲裁裁决书');
      expect(f?.options?.mediation_document).toBe('仲裁调解书');
      expect(Object.keys(f?.options ?? {}).sort()).toEqual(Object.keys(SERVED_DOCUMENTS).sort());
      expect(serviceDocs().acceptance_notice).toBe('受理通知书');
    } finally {
      state.vocab = before;
    }
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../web/forms.js', import.meta.url), 'utf8');
    expect(source).not.toContain('受理通知书');
  });
});

describe('the 先予执行 form (an outside tester, L3)', () => {
  it('asks for the day the applicant applied (LDMAL Art. 44: 根据当事人的申请), required', async () => {
    // @ts-expect-error the web interface is plain JavaScript modules (no types)
    const { EVENT_FORMS } = await import('../../web/forms.js');
    const f = (EVENT_FORMS.ADVANCE_EXECUTION as { name: string; kind: string; required?: boolean }[]).find((x) => x.name === 'appliedOn');
    expect(f).toMatchObject({ kind: 'date', required: true });
  });
});

describe('the registration form refuses a number typed into a name, as the server does', () => {
  it('an identity number or a mobile in any grouping, half or full width; ordinary names pass', () => {
    for (const s of [
      '张三（身份证11010519491231002X）',
      '李四 139 1234 5678',
      '王五１３９１２３４５６７８',
      '赵六1101.0519.4912.3100.2X',
    ]) {
      expect(checkPersonName(s)).toContain('不应填写身份证号码或电话号码');
    }
    for (const s of ['张三', '聊城某某机械有限公司第3分公司', '阿卜杜拉·买买提', '', undefined]) expect(checkPersonName(s)).toBeNull();
    // Not every long number: a landline or a contract number in a name is the server's to judge, not refused here.
    for (const s of ['某某公司（0635-82345678）', '某某公司HT20240101123456']) expect(checkPersonName(s)).toBeNull();
    expect(checkPersonName('李四+86 139 1234 5678')).toContain('不应填写');
    // sec47 H2: doubled separators, ideographic spaces, commas between the groups (as the server refuses them).
    for (const s of ['张三 371502  19850607  1238', '张三 139  1234  5678', '张三371502　　198506071238', '张三371502，198506071238'])
      expect(checkPersonName(s), s).toContain('不应填写');
    for (const s of ['某某公司第3车间、第12班组', '张三（2025，12）', '某某公司13,800,000,000']) expect(checkPersonName(s), s).toBeNull();
    // sec46: what the server refuses since — an identity number followed by x, a 15-digit one, a mobile after a trunk 0,
    // the Roman numeral ten, control characters.
    for (const s of [
      '张三371502199001011234X',
      '张三３７１５０２１９９００１０１１２３４ｘ',
      'NO.371502199001011234xyz',
      '李四370102800101123',
      '王五0139 1234 5678',
      '赵六37150219900101123Ⅹ',
      '钱七0086 139 1234 5678',
    ])
      expect(checkPersonName(s), s).toContain('不应填写');
    expect(checkPersonName('张三\n<script>')).toContain('控制字符');
    expect(checkPersonName('张三\n')).toBeNull();
    // Fifteen digits that are no identity number (no province, no real date) are the server's to judge.
    for (const s of ['某某公司990102800101123', '某某公司370102801301123']) expect(checkPersonName(s), s).toBeNull();
  });

  it('reads through what shows nothing, as the server does (outside security tester)', () => {
    for (const sep of INVISIBLE_SEPARATORS) {
      expect(checkPersonName(`张371502${sep}19850607${sep}1238`), JSON.stringify(sep)).toContain('不应填写');
      expect(checkPersonName(`张1${sep}3987654321`), JSON.stringify(sep)).toContain('不应填写');
    }
    expect(checkPersonName('张\u200b三')).toBeNull();
    expect(checkPersonName('李四 139\u00a01234\u00a05678')).toContain('不应填写');
  });
});

/** A correction refused with 412 (web/merge.js): the typed text laid over the latest case, nothing dropped. */
describe('mergeEdits', async () => {
  // @ts-expect-error the web interface is plain JavaScript modules (no types)
  const { keepEarlier, mergeEdits, pathOf } = await import('../../web/merge.js');
  const party = (id: number, name: string, extra = {}) => ({
    id,
    kind: 'person',
    name,
    idNumber: '',
    creditCode: '',
    legalRepresentative: '',
    ownership: '',
    phone: '',
    address: '',
    agents: [],
    ...extra,
  });
  const base = {
    receivedOn: '2026-03-30',
    channel: 'counter',
    district: '东昌府区',
    procedure: 'ordinary',
    wageArrears: false,
    facts: '原事实',
    applicants: [party(1, '张三'), party(2, '李四')],
    respondents: [party(3, '某公司', { kind: 'organization' })],
    claims: [{ id: 7, category: 'wages', amount: '100', description: '工资', applicant: '' }],
    limitation: { knewOn: '', employmentStatus: '', employmentEndedOn: '' },
  };
  const copy = () => JSON.parse(JSON.stringify(base));
  it('fields only one side changed are merged; fields both changed keep the saved value and are listed with the typed one', () => {
    const mine = copy();
    mine.facts = '我的事实';
    mine.applicants[0].phone = '13900001111';
    mine.applicants[1].address = '我的地址';
    mine.claims.push({ category: 'wages', amount: '5', description: '新请求', applicant: '' });
    const theirs = copy();
    theirs.applicants[1].address = '他人的地址';
    theirs.respondents[0].address = '他人改的住所';
    const { model, conflicts, changes } = mergeEdits(base, mine, theirs);
    expect(model.facts).toBe('我的事实');
    expect(model.applicants[0].phone).toBe('13900001111');
    expect(model.respondents[0].address).toBe('他人改的住所');
    expect(model.applicants[1].address).toBe('他人的地址');
    expect(model.claims.map((c: { description: string }) => c.description)).toEqual(['工资', '新请求']);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ mine: '我的地址', theirsText: '他人的地址' });
    expect(pathOf(model, conflicts[0].ref)).toBe('applicants.1.address');
    expect(changes.filter((c: { applied: boolean }) => !c.applied).map((c: { value: string }) => c.value)).toEqual(['我的地址']);
  });
  it('a party the other deleted is listed, not put back; one this person deleted goes unless the other changed it', () => {
    const mine = copy();
    mine.applicants[0].phone = '13900001111';
    mine.applicants.splice(1, 1);
    const theirs = copy();
    theirs.applicants.splice(0, 1);
    const { model, changes } = mergeEdits(base, mine, theirs);
    expect(model.applicants).toEqual([]);
    expect(changes.some((c: { label: string; value: string }) => c.label.includes('已被他人删除') && c.value.includes('13900001111'))).toBe(
      true,
    );
  });
  // Three applicants A, B, C; claim 7 is A's own. Claim owners are positions among the applicants.
  const three = () => {
    const b = copy();
    b.applicants = [party(1, 'A'), party(2, 'B'), party(4, 'C')];
    b.claims = [{ id: 7, category: 'wages', amount: '100', description: '工资', applicant: '1' }];
    return b;
  };
  const clone3 = (x: unknown) => JSON.parse(JSON.stringify(x));
  it('a new claim owned by a new applicant follows that applicant when the other added one at the same place (M4)', () => {
    const b3 = three();
    const mine = clone3(b3);
    mine.applicants.push(party(0, 'E', { id: undefined }));
    mine.claims.push({ category: 'wages', amount: '50', description: 'Z', applicant: '4' });
    const theirs = clone3(b3);
    theirs.applicants.push(party(9, 'D'));
    const { model, conflicts } = mergeEdits(b3, mine, theirs);
    expect(model.applicants.map((p: { name: string }) => p.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
    const z = model.claims.find((c: { description: string }) => c.description === 'Z');
    expect(z.applicant).toBe('5');
    expect(model.claims[0].applicant).toBe('1');
    expect(conflicts).toEqual([]);
  });
  it('an existing claim reassigned to a new applicant follows that applicant, not its position (M4)', () => {
    const b3 = three();
    const mine = clone3(b3);
    mine.applicants.push(party(0, 'E', { id: undefined }));
    mine.claims[0].applicant = '4';
    const theirs = clone3(b3);
    theirs.applicants.push(party(9, 'D'));
    const { model, conflicts, changes } = mergeEdits(b3, mine, theirs);
    expect(model.claims[0].applicant).toBe('5');
    expect(conflicts).toEqual([]);
    expect(changes.some((c: { value: string; applied: boolean }) => c.applied && c.value === '第5名申请人（E）')).toBe(true);
  });
  it('positions moved by the other (an applicant removed) are translated for untouched claims too (M4)', () => {
    const b3 = three();
    b3.claims.push({ id: 8, category: 'wages', amount: '10', description: 'C 的', applicant: '3' });
    const mine = clone3(b3);
    mine.claims[0].amount = '200';
    const theirs = clone3(b3);
    theirs.applicants.splice(1, 1); // B removed: C is now 2
    theirs.claims[1].applicant = '2';
    theirs.claims.push({ id: 11, category: 'wages', amount: '1', description: '他人新增', applicant: '2' });
    const { model, conflicts } = mergeEdits(b3, mine, theirs);
    expect(model.claims.map((c: { applicant: string }) => c.applicant)).toEqual(['1', '2', '2']);
    expect(conflicts).toEqual([]);
  });
  it('a claim reassigned to an applicant the other removed: its owner is a conflict to choose, never the next one (M4)', () => {
    const b3 = three();
    const mine = clone3(b3);
    mine.claims[0].applicant = '2'; // to B
    const theirs = clone3(b3);
    theirs.applicants.splice(1, 1); // B removed: C is now 2
    const { model, conflicts } = mergeEdits(b3, mine, theirs);
    expect(model.claims[0].applicant).toBe('1');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ mine: null, choose: true });
    expect(conflicts[0].mineText).toContain('B');
    expect(pathOf(model, conflicts[0].ref)).toBe('claims.0.applicant');
    // A new claim of B's: not given to C (now 2) either.
    const mine2 = clone3(b3);
    mine2.claims.push({ category: 'wages', amount: '5', description: '新', applicant: '2' });
    const r = mergeEdits(b3, mine2, theirs);
    expect(r.model.claims[1].applicant).toBe('');
    expect(r.conflicts).toHaveLength(1);
    expect(pathOf(r.model, r.conflicts[0].ref)).toBe('claims.1.applicant');
  });
  it('a second 412 keeps what the first merge could not fill in (L2)', () => {
    const mine = copy();
    mine.applicants[1].address = '我的地址';
    const theirs = copy();
    theirs.applicants[1].address = '他人的地址';
    const first = mergeEdits(base, mine, theirs);
    expect(first.changes.filter((c: { applied: boolean }) => !c.applied)).toHaveLength(1);
    // The person types the facts, saves, and is refused again: the draft's base is the first merge's "theirs".
    const mine2 = JSON.parse(JSON.stringify(first.model));
    mine2.facts = '再次填写的事实';
    const theirs2 = JSON.parse(JSON.stringify(theirs));
    theirs2.respondents[0].phone = '0635-1234567';
    const second = mergeEdits(theirs, mine2, theirs2);
    const kept = keepEarlier({ changes: first.changes, conflicts: first.conflicts }, second);
    expect(kept.changes.map((c: { value: string; applied: boolean }) => [c.value, c.applied])).toEqual([
      ['我的地址', false],
      ['再次填写的事实', true],
    ]);
    // Merged twice with the same leftovers: not doubled.
    expect(keepEarlier(kept, { ...second, changes: kept.changes }).changes).toHaveLength(2);
  });
  it('without the base (an older draft), every field that differs is a conflict: the saved value kept, the typed one listed', () => {
    const mine = copy();
    mine.facts = '我的事实';
    const theirs = copy();
    const { model, conflicts } = mergeEdits(null, mine, theirs);
    expect(model.facts).toBe('原事实');
    expect(conflicts.map((c: { mine: string }) => c.mine)).toEqual(['我的事实']);
  });
});

describe('s60 W2', () => {
  it('#7: a list of names tells apart only the namesakes it shows', () => {
    const eleven = ['宋晓东', '杨海涛', '罗喆', '李一', '杨海涛', '王二', '赵三', '钱四', '孙五', '周六', '吴七'];
    // The other 杨海涛 (5th) is under 「等11人」: no 「第2位」 to puzzle over.
    expect(names(eleven)).toBe('宋晓东、杨海涛、罗喆 等11人');
    expect(names(['李强', '王芳', '李强', '赵六'])).toBe('李强（第1位）、王芳、李强（第3位） 等4人');
    expect(names(['李强', '李强'])).toBe('李强（第1位）、李强（第2位）');
  });

  it('#6: the 开庭审理 confirmation cites the absence rule (LDMAL Art. 36) only when a party is recorded absent', () => {
    const both = consequenceOf('HOLD_HEARING', {}, { applicantPresent: true, respondentPresent: true });
    expect(both).toBe('将记录本次开庭已经举行及当事人到庭情况，记录后不能撤回。');
    expect(both).not.toContain('第三十六条');
    const away = consequenceOf('HOLD_HEARING', {}, { applicantPresent: true, respondentPresent: false });
    expect(away).toContain('被申请人收到书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决');
    expect(away).not.toContain('视为撤回');
    expect(away).toContain('第三十六条');
    const left = consequenceOf('HOLD_HEARING', {}, { applicantPresent: true, respondentPresent: true, applicantLeftEarly: true });
    expect(left).toContain('可以视为撤回仲裁申请');
    expect(left).not.toContain('缺席裁决');
  });
});
