import { z } from 'zod';
import { SUSPENSION_GROUNDS, type SuspensionGround } from '../workflows/labels.ts';
import { EVENT_TYPES, type EventType, SERVICE_DOCUMENTS } from '../workflows/procedure-types.ts';
import { ADDITION_GROUND_SIDES, type AdditionGround, additionGroundFits, CLAIM_CATEGORY_CODES } from '../workflows/reference.ts';
import { CalculatorKindEnum } from './calculators/schemas.ts';
import {
  AgentInput,
  ClaimInput,
  IsoDate,
  Money,
  noAmountOnDismissed,
  noPaymentTermOnDismissed,
  OrganizationInput,
  PersonInput,
  PersonName,
  RecordId,
} from './schemas.ts';

const Id = RecordId;
const Reason = z.string().trim().min(1, '不能为空').max(2000, '不能超过2000个字符');
/** The respondent withdraws its merged counterclaim with the applicant's withdrawal (workflows/rules.ts counterclaimStanding). */
const CounterclaimWithdrawn = z
  .boolean()
  .optional()
  .openapi({ description: '被申请人一并撤回反申请：有尚未处理的反申请时，撤回（或视为撤回）须注明，否则 422 counterclaim-standing' });
const Court = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符');
const LongText = z.string().trim().max(20000, '不能超过20000个字符');
/** LDMAL Art. 26: hearings are public unless the parties agreed otherwise or secrets or privacy are involved. */
const NonPublicGround = z.enum(['parties_agreed', 'state_secret', 'trade_secret', 'privacy']).openapi({
  description: '不公开开庭的理由：parties_agreed 当事人协议不公开；state_secret 国家秘密；trade_secret 商业秘密；privacy 个人隐私',
});
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM');
/**
 * s60 L (LDMAL Art. 30; Rules Arts. 58, 80): respondents who agreed to a hearing before their answer period ends (waived
 * the rest of it) — each a respondent of the case (400 otherwise); no warning or refusal is then given for them.
 */
const AnswerPeriodWaived = z
  .array(z.strictObject({ partyId: Id, note: z.string().trim().max(500).optional() }))
  .max(50)
  .optional()
  .openapi({
    description:
      '同意在答辩期届满前开庭（放弃剩余答辩期）的被申请人：partyId 须是本案被申请人，note 说明（如“当庭表示同意”）。对其不再提示或拒绝答辩期未满开庭（劳动争议调解仲裁法第三十条）',
  });
const JointHearing = z.boolean().optional().openapi({
  description:
    'true：与同一时间、同一地点开庭的其他案件由同一仲裁庭合并审理（合并开庭）。否则该时间的仲裁庭室或仲裁员已被其他案件占用时，排期被拒绝（422，rule hearing-clash）',
});

export { SERVICE_DOCUMENTS };
/**
 * 直接送达, 邮寄送达, 电子送达 (with consent), 简便方式 (simple procedure only), 留置送达, 委托送达, 公告送达, and 张贴送达
 * (posted at the domicile in a mass case where the employer stopped business, Rules Art. 20(2) [R]: deemed served after
 * `deemed_service_posted`, like 留置送达 after `deemed_service_left`).
 */
export const SERVICE_METHODS = ['direct', 'post', 'electronic', 'sms', 'left', 'entrusted', 'public_notice', 'posted'] as const;

const uniqueIds = (ids: number[]) => new Set(ids).size === ids.length;
/** legal56a 2 — LDMAL Arts. 31–32: who presides once the presiding arbitrator is replaced (default: the replacement). */
const PresidingAfterReplacement = RecordId.optional().openapi({
  description:
    '被替换的是首席仲裁员时，重新组成的仲裁庭的首席仲裁员（须是替换后的仲裁庭成员；缺省为替换的仲裁员）。被替换的不是首席仲裁员的，只能是现首席仲裁员或省略',
});

/** Each worker's share of a sum on a claim of several workers together (award items, advance execution): one schema. */
const workerShares = (amountLabel: string) =>
  z
    .array(
      z
        .object({
          partyId: Id.openapi({ description: '申请人（劳动者）的当事人编号：本项请求的申请人之一' }),
          amount: Money.openapi({ description: amountLabel }),
        })
        .strict(),
    )
    .min(1)
    .max(100)
    .refine((xs) => uniqueIds(xs.map((x) => x.partyId)), '同一当事人不能出现两次')
    .optional();

/**
 * One award item — the one schema ISSUE_AWARD, PARTIAL_AWARD and the award preview (POST /api/cases/{id}/award-preview,
 * `AwardPreview` below) take, so that the preview never refuses a field the award accepts (legal55a #4).
 */
export const AwardItem = z
  .object({
    claimId: Id,
    outcome: z.enum(['granted', 'partly', 'dismissed']),
    amount: Money.optional().openapi({ description: '裁决金额（元）；驳回或非给付请求可省略' }),
    // A term of 0 days printed "〇日内": a payment due at once is ordered as such by the arbitrator in days (at least 1).
    paymentDays: z.number().int().min(1, '履行期限至少1日').max(365).optional(),
    // Appended for documents (issue 18): the arbitrator's confirmed or edited legal basis of this item.
    legalBasis: z
      .array(z.string().trim().min(1).max(200))
      .max(20)
      .optional()
      .openapi({ description: '本项裁决依据（仲裁员确认或修改的建议清单），如 《中华人民共和国劳动合同法》第三十条' }),
    // Appended for the calculators (issue 17): the calculation the amount was suggested by, recomputed and kept.
    calculation: z
      .object({
        kind: CalculatorKindEnum,
        input: z.record(z.string(), z.unknown()).openapi({ description: '计算器的输入（同 POST /api/calculators/{kind}）' }),
        print: z.boolean().optional().openapi({ description: 'true：在裁决书“本委认为”中印出计算过程' }),
      })
      .strict()
      .optional()
      .openapi({ description: '本项金额所依据的计算（服务器按输入复算并随裁决保存）' }),
    // legal55a #5: who performs the item — some of the respondents, not every one — and whether jointly. A dispatched
    // worker's agency and user unit are co-respondents (LDMAL Art. 22(2)) and answer jointly for harm done to him
    // (LCL Art. 92(2)); an award says which respondent pays and which answers jointly (app/procedure/award.ts).
    obligorIds: z.array(Id).min(1, '至少一名被申请人').max(100).refine(uniqueIds, '同一被申请人不能出现两次').optional().openapi({
      uniqueItems: true,
      description:
        '履行本项裁决的被申请人（本案被申请人的当事人编号，按顺序：第一名为支付（履行）义务人）；不填为全体被申请人。驳回的请求和反申请请求不能填写',
    }),
    // docs56 #1: a claim of several workers together (no single applicant) granted as one sum says each worker's share —
    // whose money it is (the court enforces a determined sum for each) and each worker's finality (LDMAL Art. 47(1);
    // SPC-1 Art. 19). Checked against the claim's applicants and the item's amount (app/procedure/award.ts shareErrors).
    shares: workerShares('该申请人分得的金额（元）').openapi({
      uniqueItems: true,
      description:
        '多名劳动者共同提出的请求（未指明申请人）一并裁决一笔金额时，每名申请人分得的金额：合计须等于本项裁决金额，裁决主文写明「分别向申请人甲支付…元、向申请人乙支付…元」，并按每人分得的金额判断是否终局（劳动争议调解仲裁法第四十七条第一项；最高人民法院劳动争议司法解释（一）第十九条）',
    }),
    jointLiability: z.boolean().optional().openapi({
      description:
        'true：其余被申请人对第一名被申请人的本项义务承担连带责任（如劳务派遣单位与用工单位，劳动合同法第九十二条第二款），裁决主文写明「被申请人A于…向申请人支付…，被申请人B对上述款项承担连带责任」；须有两名以上义务人',
    }),
    // fixA59: several payers by equal shares (按份; Civil Code Art. 517(2)) — app/procedure/award.ts payerVerdict.
    equalShares: z.boolean().optional().openapi({
      description:
        'true：履行义务人（obligorIds；不填为全体被申请人）按份各自承担同等份额（民法典第五百一十七条第二款：份额难以确定的，视为份额相同），裁决主文写明「被申请人A、B各承担上述款项的二分之一，即各…元」；不能平均分到分的，写明「被申请人A、B、C按份承担上述款项，其中被申请人A承担33.34元，被申请人B、C各承担33.33元」（以分为单位，第一名义务人多承担不足一分的部分）；只适用于裁决支付金额的项（行为、确认等未裁决金额的项填写为 400）；金额（以分计）少于义务人人数的（如0.02元由三人分担，有人将承担0.00元）为 400；须有两名以上义务人，不能与 jointLiability 同时为 true。指定两名以上义务人支付款项的，须选择 jointLiability 或 equalShares',
    }),
  })
  .strict()
  .superRefine(noAmountOnDismissed)
  .superRefine(noPaymentTermOnDismissed);

/** POST /api/cases/{id}/award-preview: the award's items as ISSUE_AWARD takes them (`AwardItem`), and the award's date. */
export const AwardPreview = z
  .object({
    occurredOn: IsoDate.optional(),
    items: z.array(AwardItem).min(1).max(100),
  })
  .strict()
  .openapi('AwardPreview');
/**
 * The arbitrator's findings and reasoning (domain.md §12.3): text that says something — a text of punctuation alone
 * ("。") printed "本委认为。" (reviewer docs43 M1).
 */
const Written = LongText.refine((t) => t === '' || /[\p{L}\p{N}]/u.test(t), '须写明内容（不能只有标点符号）');
const AwardPayload = {
  items: z.array(AwardItem).min(1, '至少一项').max(100),
  facts: Written.optional().openapi({ description: '经审理查明（仲裁员撰写）' }),
  reasoning: Written.optional().openapi({ description: '本委认为（仲裁员撰写）' }),
  defenseSummary: LongText.optional(),
  counterclaimDefenseSummary: LongText.optional().openapi({ description: '申请人（被反申请人）针对反申请的答辩意见（裁决反申请请求时）' }),
  // fixT57 #2 (LDMAL Arts. 45–46; by analogy Arbitration Law Art. 37(2)): the tribunal's decision not to hear again.
  noRehearing: z.object({ reason: Reason }).optional().openapi({
    description:
      '仲裁庭组成人员在最后一次开庭后更换的，仲裁庭决定已进行的仲裁程序不再重新进行（参照《仲裁法》第三十七条第二款）及其理由；未重新开庭又未写明的，422 tribunal-changed-after-hearing',
  }),
};

/**
 * CPL Art. 250(2): the two years to apply for enforcement of a 调解书 run from the last day of the performance period it
 * states (分期履行: the last instalment's day); the terms are free text, so the day is recorded here (not before the
 * agreement: app/procedure/apply-event.ts). Without it the period runs from the day the document takes effect.
 */
const PerformanceDueOn = IsoDate.optional().openapi({
  description:
    '履行期限届满之日：调解书载明的履行期限的最后一日（分期履行的，为最后一期履行期限届满之日）。申请强制执行的二年期间自此起算（民事诉讼法第二百五十条第二款）；未载明履行期限的不填，自调解书生效之日起算',
});

// ── Round 2 (issue 11 "Missing") payload parts ──
const Name = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符');
const ClaimChange = z
  .object({
    claimId: Id,
    category: z.enum(CLAIM_CATEGORY_CODES).optional(),
    amount: Money.optional(),
    description: z.string().trim().min(1, '不能为空').max(2000, '不能超过2000个字符').optional(),
  })
  .strict()
  .refine((c) => c.category !== undefined || c.amount !== undefined || c.description !== undefined, {
    message: '至少变更类别、金额或内容之一',
    path: ['claimId'],
  });
/**
 * s62 E #1: what a mismatched ADD_PARTY `ground` is told, by the side chosen — the grounds that go with it and their
 * articles (workflows/reference.ts ADDITION_GROUND_SIDES).
 */
const ADDITION_GROUND_MISMATCH = {
  respondent:
    '追加理由与“追加为被申请人”不符：追加为被申请人的，追加理由应为共同被申请人、劳务派遣单位或用工单位（《劳动争议调解仲裁法》第二十二条）、无营业执照等单位的出资人或开办单位（《劳动人事争议仲裁办案规则》第六条）、个人承包经营（《劳动人事争议仲裁办案规则》第七条）或其他；与处理结果有利害关系的，追加为第三人（《劳动争议调解仲裁法》第二十三条）',
  third_party:
    '追加理由与“追加为第三人”不符：追加为第三人的，追加理由应为与处理结果有利害关系的第三人（《劳动争议调解仲裁法》第二十三条）或其他；共同被申请人、劳务派遣单位或用工单位、无营业执照等单位的出资人或开办单位、个人承包经营是本案当事人，追加为被申请人（《劳动争议调解仲裁法》第二十二条，《劳动人事争议仲裁办案规则》第六条、第七条）',
} as const;
const NewParty = z.discriminatedUnion('kind', [PersonInput.omit({ id: true }), OrganizationInput.omit({ id: true })]);
const Decision = z.enum(['written', 'oral']).optional().openapi({ description: '书面或口头（口头的记录在案）' });

/** One strict schema per event type: the payload beside `type` and `occurredOn`. */
/**
 * LDMAL Art. 43(2); Rules Art. 49 (legalfixA H2): a suit, set-aside or enforcement against a partial award names it —
 * 1 for the first partial award made. Absent: against the award.
 */
const PartialAwardRef = z.number().int().min(1).max(100).optional().openapi({
  description:
    '针对部分裁决（先行裁决）的起诉、申请撤销或申请执行时填写：第几件部分裁决（按作出顺序，1 为第一件；劳动争议调解仲裁法第四十三条第二款、办案规则第四十九条）。不填为针对本案裁决',
});
/** RECORD_SET_ASIDE's two forms: the employer's filing, or the court's result. */
const SET_ASIDE_FILING = z.object({ court: Court, filedOn: IsoDate }).strict();
const SET_ASIDE_RESULT = z
  .object({
    result: z.enum(['rejected', 'set_aside', 'withdrawn']),
    decidedOn: IsoDate.optional(),
    servedOn: IsoDate.optional().openapi({ description: '收到裁定之日（撤销后15日起诉期间自此起算，LDMAL Art. 49(3)）' }),
  })
  .strict();

export const EVENT_PAYLOADS: Record<EventType, z.ZodType> = {
  REQUEST_SUPPLEMENT: z.object({ items: z.array(z.string().trim().min(1).max(200)).min(1, '须一次性列明全部补正事项').max(50) }),
  SUPPLEMENT_RECEIVED: z.object({}),
  // Rules Art. 34 (一事不再理): an application whose registration found an earlier case of the same parties and claims
  // that bars it (pending or decided) is accepted only with the clerk's statement that it is not the same matter
  // (app/procedure/duplicate-bar.ts); otherwise 422 duplicate-application-pending — the alternative is REJECT.
  ACCEPT: z
    .object({
      notSameMatter: z.literal(true).optional().openapi({
        description:
          '经核对，本申请与登记时发现的在先案件不属于同一争议（事实、理由或请求不同）。有阻止受理的在先案件（仍在审理或已作出裁决、调解书等）时须注明，否则 422 duplicate-application-pending（Rules Art. 34）；属于同一争议的，应不予受理（REJECT，ground duplicate）',
      }),
      reason: z.string().trim().min(1, '不能为空').max(500, '不能超过500个字符').optional().openapi({
        description: '与 notSameMatter 一并填写：为何不属于同一争议（如：请求期间不同），记入办理记录',
      }),
      // sec51 M1 (workflows/received-plausibility.ts): numbering a case in a year before today's is confirmed.
      earlierYear: z.literal(true).optional().openapi({
        description:
          '确认按受理日期所在的往年年度编号：受理日期（occurredOn）早于今年的，须注明，否则 422 accept-earlier-year（EARLIER_YEAR_ACCEPT_CONFIRMATION）',
      }),
    })
    .superRefine((b, ctx) => {
      if (b.notSameMatter && b.reason === undefined)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: '注明不属于同一争议的，须写明理由' });
      if (!b.notSameMatter && b.reason !== undefined)
        ctx.addIssue({ code: 'custom', path: ['notSameMatter'], message: '受理理由只随“不属于同一争议”的确认填写' });
    }),
  REJECT: z.object({ reason: Reason, ground: z.enum(['scope', 'claims', 'standing', 'duplicate', 'other']).optional() }),
  SERVE: z.object({
    document: z.enum(SERVICE_DOCUMENTS),
    partyId: Id,
    method: z.enum(SERVICE_METHODS),
    servedOn: IsoDate.optional().openapi({
      description:
        '送达日期（送达回证上的日期；默认 occurredOn；不填 occurredOn 时，occurredOn 即为此日）；邮寄送达必填，为回执上注明的收件日期（CPL Art. 91，缺少时422 postal-service-receipt-date）；公告送达为公告发出之日，自此经过30日视为送达（CPL Art. 95）',
    }),
    consent: z.boolean().optional().openapi({ description: '电子送达须受送达人同意' }),
    confirmed: z.boolean().optional().openapi({
      description: '简便方式（电话、短信等）送达经受送达人确认（Rules Art. 59：未经确认的不能作为缺席裁决、按撤回处理的依据）',
    }),
    signer: PersonName.optional(),
    awardOn: IsoDate.optional().openapi({
      description:
        '裁决书：送达的是哪一份裁决（其作出日期：部分裁决或最终裁决）；缺省时：已作出最终裁决的，视为送达最终裁决书（该当事人尚未收到的部分裁决须另行登记，附提示）；尚未作出最终裁决的，视为送达此前作出而该当事人尚未收到的各份部分裁决',
    }),
    partialAward: z.number().int().min(1).max(100).optional().openapi({
      description: '送达部分裁决书（document 为 award）：第几件部分裁决（1 为最先作出的，LDMAL Art. 43(2)）；记为其作出日期（awardOn）',
    }),
  }),
  FILE_DEFENSE: z.object({
    summary: LongText.optional(),
    filedOn: IsoDate.optional().openapi({
      description:
        '收到答辩书之日（答辩期据此判断，LDMAL Art. 30）。不填 occurredOn 时以此为办理日期；该日早于本案上一程序事项的，按上一事项之日记入办理记录并提示，答辩期仍按此日判断',
    }),
    partyId: Id.optional().openapi({
      description: '提交答辩书的被申请人（当事人）。追加的被申请人的答辩须填写；不填的视为原被申请人的答辩，不结束追加的被申请人的答辩期',
    }),
  }),
  SHORTEN_DEFENSE_PERIOD: z.object({ days: z.number().int().min(0).max(365), respondentConsent: z.boolean() }),
  FILE_COUNTERCLAIM: z.object({
    description: Reason,
    // The counterclaim's own claims, decided by the award like the applicant's (Rules Art. 36; LDMAL Art. 46).
    claims: z
      .array(ClaimInput.omit({ id: true }))
      .min(1, '至少一项')
      .max(50)
      .optional()
      .openapi({
        description:
          '反申请的请求事项（被申请人对申请人的请求），与本请求一并裁决；缺省时以 description 作为一项请求（类别“其他”、无金额）',
      }),
    filedOn: IsoDate.optional().openapi({
      description:
        '被申请人提出反申请之日（按答辩期判断是否及时，Rules Art. 36；默认 occurredOn）；occurredOn 为受理并合并审理之日（审理期限自此重新计算，Rules Art. 46(4)）',
    }),
  }),
  RECORD_REPRESENTATIVES: z.object({ partyIds: z.array(Id).min(1).max(10).refine(uniqueIds, '代表不能重复') }),
  FORM_TRIBUNAL: z
    .object({
      arbitratorIds: z
        .array(Id)
        .refine((a) => a.length === 1 || a.length === 3, '仲裁庭由一名（独任）或三名仲裁员组成')
        .refine(uniqueIds, '仲裁员不能重复'),
      presidingId: Id,
    })
    .refine((t) => t.arbitratorIds.includes(t.presidingId), { message: '首席（独任）仲裁员须是仲裁庭成员', path: ['presidingId'] }),
  RECUSE_ARBITRATOR: z.object({ arbitratorId: Id, replacementId: Id, reason: Reason, presidingId: PresidingAfterReplacement }),
  SCHEDULE_HEARING: z.object({
    hearingOn: IsoDate,
    place: z.string().trim().min(1).max(100),
    time: TimeOfDay.optional().openapi({ description: '开庭时间（HH:MM），印在开庭通知书上' }),
    public: z.boolean().optional().openapi({ description: 'false：不公开开庭（劳动争议调解仲裁法第二十六条），须写明 nonPublicGround' }),
    nonPublicGround: NonPublicGround.optional(),
    jointHearing: JointHearing,
    answerPeriodWaived: AnswerPeriodWaived,
  }),
  POSTPONE_HEARING: z.object({
    hearingOn: IsoDate,
    reason: Reason,
    place: z.string().trim().min(1).max(100).optional(),
    time: TimeOfDay.optional(),
    requestedBy: z.enum(['party', 'tribunal']).optional().openapi({ description: 'party：当事人申请（须开庭3个工作日前提出）' }),
    requestedOn: IsoDate.optional().openapi({ description: '当事人提出延期申请之日（默认 occurredOn，即延期决定之日）' }),
    jointHearing: JointHearing,
    answerPeriodWaived: AnswerPeriodWaived,
  }),
  HOLD_HEARING: z.object({
    applicantPresent: z.boolean().optional().openapi({
      description:
        '申请人一方是否到庭（有人到庭即为 true）。写明 absentParties 的可省略，由其推出；未写 absentParties 的必填（LDMAL Art. 36）',
    }),
    respondentPresent: z.boolean().optional().openapi({
      description: '被申请人一方是否到庭（有人到庭即为 true）。写明 absentParties 的可省略，由其推出；未写 absentParties 的必填',
    }),
    // sec56 #5: a party listed twice is a mistake to say, as a duplicate obligor is (not quietly deduplicated).
    absentParties: z.array(Id).max(500).refine(uniqueIds, '同一当事人不能出现两次').optional().openapi({
      uniqueItems: true,
      description:
        '未到庭的当事人（本案申请人或被申请人的编号），逐人记录：数名劳动者中一人未到庭的，可仅对其按撤回仲裁申请处理（DEEM_WITHDRAWN partyId；LDMAL Art. 36; Rules Art. 39; SPC-1 Art. 19）；共同被申请人中一人未到庭的，可对其缺席裁决（LDMAL Arts. 22(2), 36）。须与 applicantPresent / respondentPresent 一致：一方写 true 的，不能列出该方全部当事人；写 false 的，列出该方当事人须列全',
    }),
    applicantLeftEarly: z.boolean().optional().openapi({
      description: '申请人到庭后未经仲裁庭同意中途退庭（LDMAL Art. 36; Rules Art. 39：可按撤回仲裁申请处理）；须 applicantPresent 为 true',
    }),
    respondentLeftEarly: z.boolean().optional().openapi({
      description: '被申请人到庭后未经仲裁庭同意中途退庭（LDMAL Art. 36：可缺席裁决）；须 respondentPresent 为 true',
    }),
    thirdPartyPresent: z
      .boolean()
      .optional()
      .openapi({ description: '第三人是否到庭（LDMAL Art. 23；有第三人时记录，裁决书、调解书据此写明到庭情况）' }),
    public: z.boolean().optional(),
    nonPublicGround: NonPublicGround.optional(),
  }),
  START_MEDIATION: z.object({ note: z.string().max(2000).optional() }),
  MEDIATION_AGREED: z.object({
    terms: z.string().trim().min(1, '须写明调解协议内容').max(20000),
    // Appended for statistics (issue 18): the amount the agreement settles (调解金额), optional.
    amount: Money.optional().openapi({ description: '调解协议约定的给付金额（元），用于统计调解金额' }),
    performanceDueOn: PerformanceDueOn,
    // fixT57 #5 (LDMAL Art. 51): who the agreement orders to perform — the other side may apply for enforcement.
    obligorIds: z.array(Id).min(1, '至少一名当事人').max(100).refine(uniqueIds, '同一当事人不能出现两次').optional().openapi({
      description:
        '调解协议（调解书）确定履行给付义务的当事人编号（申请人或被申请人）；不填的，不记录履行义务人（不推定为任何一方）。仲裁中的调解书，一方逾期不履行的，由另一方申请强制执行（LDMAL Art. 51）；仲裁前调解（track mediation）的调解协议书不能申请强制执行：一方不履行的，另一方可以申请仲裁（Art. 15），就拖欠劳动报酬等事项达成的协议，劳动者可以申请支付令（Art. 16）',
    }),
  }),
  MEDIATION_FAILED: z.object({ reason: Reason.optional() }),
  SIGN_MEDIATION_DOCUMENT: z.object({ partyId: Id, signedOn: IsoDate.optional(), refused: z.boolean().optional() }),
  REFER_TO_ARBITRATION: z
    .object({
      reason: z.enum(['failed', 'time_limit', 'non_performance', 'agreement_invalid', 'partial_agreement']).optional().openapi({
        description:
          '调解不成、调解期满未达成协议（LDMAL Art. 14(3)）、不履行调解协议（Art. 15），调解协议无效、被撤销而申请仲裁（agreement_invalid，须写明 ground），或调解协议只解决了部分争议事项、未达成协议的事项申请仲裁（partial_agreement，须在 ground 写明未达成协议的事项；LDMAL Art. 14(3)）；达成调解协议的，须写明原因（fixT58）',
      }),
      // fixT58 #2: the stated ground an agreement reached does not bind (held void or set aside), with `agreement_invalid`;
      // fixA59 #2: with `partial_agreement`, the matters (claims) the agreement left unsettled, referred to arbitration.
      ground: z.string().trim().min(1).max(2000).optional().openapi({
        description:
          '调解协议无效或被撤销的理由（reason 为 agreement_invalid 时必填）；调解协议未解决、转入仲裁的争议事项（reason 为 partial_agreement 时必填）',
      }),
      channel: z.enum(['counter', 'post', 'online', 'oral']).optional(),
    })
    .refine((d) => d.reason !== 'agreement_invalid' || d.ground !== undefined, {
      message: '以调解协议无效为由申请仲裁的，须写明理由',
      path: ['ground'],
    })
    .refine((d) => d.reason !== 'partial_agreement' || d.ground !== undefined, {
      message: '调解协议只解决部分争议事项的，须写明未达成协议、申请仲裁的事项',
      path: ['ground'],
    })
    .refine((d) => d.ground === undefined || d.reason === 'agreement_invalid' || d.reason === 'partial_agreement', {
      message: '只有以调解协议无效或部分达成调解协议为由申请仲裁时才写明该理由或事项',
      path: ['ground'],
    }),
  SUSPEND: z.object({
    reason: Reason,
    // s60 W2 #4: Rules Art. 47's grounds, their words in workflows/labels.ts (one home).
    ground: z
      .enum(Object.keys(SUSPENSION_GROUNDS) as [SuspensionGround, ...SuspensionGround[]])
      .optional()
      .openapi({
        description: `中止审理的事由（《劳动人事争议仲裁办案规则》第四十七条）：${Object.entries(SUSPENSION_GROUNDS)
          .map(([k, v]) => `${k} ${v}`)
          .join('；')}`,
      }),
    decidedOn: IsoDate.optional().openapi({
      description: '决定中止审理之日（《劳动人事争议仲裁办案规则》第四十七条）；补录时填写，审理期限自该日起中止计算',
    }),
  }),
  RESUME: z.object({
    reason: Reason.optional(),
    decidedOn: IsoDate.optional().openapi({ description: '恢复审理之日；补录时填写，只扣除实际中止的期间（办案规则第四十七条）' }),
  }),
  EXTEND_TIME_LIMIT: z.object({
    days: z.number().int().min(1, '至少延长1日').max(365),
    // fixD59 #2: LDMAL Art. 43(1)'s condition, printed in the 决定书 (因…，经本委主任批准); absent, the act is warned of.
    reason: Reason.optional().openapi({
      description:
        '延长审理期限的理由（劳动争议调解仲裁法第四十三条第一款：案情复杂需要延期的），如“案情复杂，需要等待工伤认定结论”；写入延长审理期限决定书（因……，经本委主任批准）。未填写的，予以记录并提示',
    }),
    approvedOn: IsoDate.optional().openapi({
      description: '仲裁委员会主任批准延长之日（劳动争议调解仲裁法第四十三条第一款）；在期限内批准、事后补录的，按该日判断',
    }),
  }),
  CONVERT_TO_ORDINARY: z.object({ reason: Reason.optional() }),
  ADVANCE_EXECUTION: z
    .object({
      claimIds: z.array(Id).min(1).max(100).refine(uniqueIds, '请求不能重复'),
      // LDMAL Art. 44: 根据当事人的申请 — the day the party applied, printed in the ruling (not after the ruling, not before
      // the application was received). Optional for clients and records from before it was asked.
      appliedOn: IsoDate.optional().openapi({ description: '申请人申请先予执行的日期（不晚于裁决日期，不早于收到仲裁申请之日）' }),
      rightsClear: z.boolean().optional(),
      lifeSeriouslyAffected: z.boolean().optional(),
      amounts: z
        .array(
          z
            .object({
              claimId: Id,
              amount: Money,
              // fixD57 #2: a claim of several workers together paid in advance says each worker's share, as an award
              // item's shares do (app/procedure/award.ts advanceShareErrors) — the court enforces a document whose
              // subject and creditor are determined (SPC Enforcement Provisions (2020) Art. 16(1)(4); domain.md §9.2).
              shares: workerShares('该申请人先行受领的金额（元）').openapi({
                uniqueItems: true,
                description:
                  '多名劳动者共同提出的请求（未指明申请人）先予执行时，每名申请人先行受领的金额：合计须等于本项先予执行金额，裁决书写明「分别先行向申请人甲支付…元、向申请人乙支付…元」（执行标的须明确，最高人民法院关于人民法院执行工作若干问题的规定（试行）第十六条）',
              }),
            })
            .strict(),
        )
        .max(100)
        .optional()
        .openapi({ description: '先予执行的金额（按请求）' }),
      paymentDays: z
        .number()
        .int()
        .min(1, '履行期限至少1日')
        .max(365)
        .optional()
        .openapi({ description: '履行期限（日，自裁决书送达之日起）；裁决先予执行金额（amounts）的必填' }),
      // fixK56 #2 (LDMAL Art. 44; as an award item's, legal55a #5): the respondents ordered to pay in advance — a
      // dispatched worker's user unit, say, not the agency too (LDMAL Art. 22(2)). Absent: every respondent.
      obligorIds: z.array(Id).min(1, '至少一名被申请人').max(100).refine(uniqueIds, '同一被申请人不能出现两次').optional().openapi({
        description:
          '先予执行的支付义务人：本案被申请人的当事人编号（按顺序），先予执行裁决书写明由其支付，移送执行时列为被执行人；不填为全体被申请人。反申请请求的先予执行由申请人支付，不能填写',
      }),
      // fixD58 #1 (LDMAL Art. 44; SPC Enforcement Provisions Art. 16): several payers answer jointly — worded as an
      // award item's (AwardItem jointLiability; templates/kinds.ts jointlyLiable) — or the ruling names one payer.
      jointLiability: z.boolean().optional().openapi({
        description:
          'true：其余支付义务人对第一名被申请人（obligorIds 的第一名；不填 obligorIds 的为本案第一名被申请人）的先行支付义务承担连带责任，裁决书写明「被申请人A于…先行向申请人支付…，被申请人B对上述款项承担连带责任」。指定两名以上支付义务人的，须填 jointLiability 或 equalShares 为 true（否则谁支付多少不明，无法执行），或只指定一名支付义务人；不指定而本案有两名以上被申请人的，记录并提示，裁决书写明各承担同等份额；须有两名以上义务人；反申请请求的先予执行不能填写',
      }),
      // fixA59: by equal shares (按份; Civil Code Art. 517(2)), as an award item's (AwardItem equalShares).
      equalShares: z.boolean().optional().openapi({
        description:
          'true：支付义务人（obligorIds；不填为全体被申请人）按份各自承担同等份额（民法典第五百一十七条第二款），裁决书写明「被申请人A、B各承担上述款项的二分之一，即各…元」（不能平均分到分的，写明「被申请人A、B、C按份承担上述款项，其中被申请人A承担…元，被申请人B、C各承担…元」）；须有两名以上义务人，不能与 jointLiability 同时为 true；任一先予执行金额（以分计）少于义务人人数的为 400；反申请请求的先予执行不能填写',
      }),
    })
    .superRefine((p, ctx) => {
      // An amount belongs to one of the claims the ruling is on, once (the ruling and the court package read it so).
      const seen = new Set<number>();
      for (const [i, a] of (p.amounts ?? []).entries()) {
        const path = ['amounts', i, 'claimId'];
        if (!(p.claimIds ?? []).includes(a.claimId))
          ctx.addIssue({ code: 'custom', path, message: `请求 ${a.claimId} 不在本次先予执行的 claimIds 中` });
        else if (seen.has(a.claimId)) ctx.addIssue({ code: 'custom', path, message: `请求 ${a.claimId} 的金额重复` });
        seen.add(a.claimId);
        // LDMAL Art. 44: a ruling orders something paid in advance — not nothing (legal48c L4).
        if (/^0+(\.0+)?$/.test(a.amount))
          ctx.addIssue({ code: 'custom', path: ['amounts', i, 'amount'], message: '先予执行的金额应大于零' });
      }
      // LDMAL Art. 44: a ruling that orders amounts paid in advance orders them paid within a term — recorded with it,
      // or the ruling could never be printed (its document asks for paymentDays) nor transferred (reviewer docs42 M7).
      if ((p.amounts ?? []).length && p.paymentDays === undefined)
        ctx.addIssue({ code: 'custom', path: ['paymentDays'], message: '裁决先予执行金额的，须写明履行期限（日）' });
    }),
  PARTIAL_AWARD: z.object(AwardPayload),
  ISSUE_AWARD: z.object(AwardPayload),
  WITHDRAW: z.object({ reason: Reason, counterclaimWithdrawn: CounterclaimWithdrawn }),
  DEEM_WITHDRAWN: z.object({
    reason: Reason.optional(),
    counterclaimWithdrawn: CounterclaimWithdrawn,
    partyId: Id.optional().openapi({
      description:
        '仅对这一名申请人按撤回仲裁申请处理（须为本案申请人，上次开庭经书面通知未到庭或中途退庭）：其仲裁请求视为撤回，再次申请的不予受理（Rules Art. 39），案件对其他申请人继续审理；是最后一名申请人的，本案结案。不写：对全部申请人（LDMAL Art. 36; SPC-1 Art. 19）',
    }),
  }),
  TERMINATE: z
    .object({
      reason: Reason,
      ground: z.enum(['delay_suit', 'other']).optional().openapi({
        description:
          '终止审理的事由：delay_suit（默认）人民法院已受理当事人因逾期未作出裁决提起的诉讼（Rules Art. 48，须在审理期限届满之后）；other 其他依法应当终止审理的情形（地方规定，如浙江：自然人当事人死亡且无继承人；决定书不引用第四十八条，引用 basis）',
      }),
      // docs57 #4: a 决定书 states the rule it rests on (domain.md §10.1). Rules Art. 48 is the delay suit's; another
      // ground (a natural-person party dead without an heir: Zhejiang-Reg Art. 32 [C], a local rule; CPL 终结诉讼 by
      // analogy [R]) rests on a rule the commission applies where it sits — the arbitrator names it, it is printed.
      basis: z.string().trim().min(1).max(200).optional().openapi({
        description:
          '终止事由为 other 时必填：决定书写明的终止审理依据（法律、法规、规章或本地仲裁规则的条文，参照适用的写明“参照”），印作「依照…之规定，本委决定本案终止审理」，写明“参照”的印作「参照…之规定，…」；delay_suit 不填（决定书引用办案规则第四十八条）',
      }),
    })
    .superRefine((p, ctx) => {
      if (p.ground === 'other' && !p.basis)
        ctx.addIssue({
          code: 'custom',
          path: ['basis'],
          message: '以其他事由终止审理的，须写明终止审理的依据（决定书应写明所依据的规定）',
        });
      if (p.ground !== 'other' && p.basis)
        ctx.addIssue({
          code: 'custom',
          path: ['basis'],
          message: '因人民法院受理逾期未作出裁决之诉终止审理的，决定书引用《劳动人事争议仲裁办案规则》第四十八条，不另填依据',
        });
    }),
  RECORD_LAWSUIT: z.object({
    partyId: Id,
    court: Court,
    filedOn: IsoDate,
    matter: z.enum(['set_aside', 'award']).optional().openapi({
      description:
        '混合裁决的终局部分被撤销后必填（LDMAL Art. 49(3)）：set_aside 就被撤销部分的事项起诉（不影响非终局部分的效力），award 对尚未生效的非终局部分起诉；其他情形不填',
    }),
    partialAward: PartialAwardRef,
    courtAccepted: z.literal(true).optional().openapi({
      description:
        '劳动者对终局裁决的起诉期间届满后的起诉：人民法院已立案受理的（如依民事诉讼法第八十六条准许顺延期限）注明 true，照常登记；不注明的，逾期起诉 422 late-suit-on-final-award（reviewer s52 H1）',
    }),
  }),
  RECORD_SET_ASIDE: z
    .object({ ...SET_ASIDE_FILING.partial().shape, ...SET_ASIDE_RESULT.partial().shape, partialAward: PartialAwardRef })
    .strict()
    // One of two forms, each refusal naming a field (a union of the two named none: `path: ""`).
    .superRefine((p, ctx) => {
      const filingKeys = Object.keys(SET_ASIDE_FILING.shape) as (keyof typeof p)[];
      if (p.result !== undefined) {
        for (const k of filingKeys)
          if (p[k] !== undefined)
            ctx.addIssue({ code: 'custom', path: [k], message: '登记法院处理结果（result）时不填写申请撤销的法院与日期' });
        return;
      }
      for (const k of Object.keys(SET_ASIDE_RESULT.shape).filter((k) => k !== 'result') as (keyof typeof p)[])
        if (p[k] !== undefined) ctx.addIssue({ code: 'custom', path: ['result'], message: `填写 ${k} 时须写明法院处理结果 result` });
      for (const k of filingKeys)
        if (p[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: '必填（登记申请撤销；或改为登记法院处理结果 result）' });
    }),
  RECORD_COURT_OUTCOME: z
    .object({
      outcome: z.enum(['judgment', 'withdrawal_permitted', 'dismissed_out_of_time', 'dismissed_no_effect']).openapi({
        description:
          'judgment 判决；withdrawal_permitted 裁定准予撤诉（裁决自裁定送达之日生效）；dismissed_out_of_time 超过起诉期间裁定驳回（裁决自起诉期间届满次日生效）；dismissed_no_effect 因主体错误或非劳动争议驳回（裁决不生效）',
      }),
      partyId: Id.optional().openapi({
        description:
          '本次裁判针对哪一当事人的起诉（起诉的当事人编号）：有多件起诉尚待登记结果时必填（多名劳动者起诉，或双方均起诉），只有一件时可不填；裁判只对该起诉发生作用（劳动争议调解仲裁法第四十八条、第五十条；最高人民法院劳动争议解释（一）第十七条），其余起诉仍待结果时案件仍在诉讼中',
      }),
      court: Court.optional(),
      decidedOn: IsoDate.optional().openapi({ description: '裁判作出之日（默认 occurredOn）' }),
      servedOn: IsoDate.optional().openapi({
        description:
          '裁定送达当事人之日：准予撤诉的必填（裁决自送达之日生效）；劳动者就终局裁决的起诉被裁定驳回的必填（用人单位申请撤销的三十日自收到裁定书之日起算）；判决等其他情形默认 decidedOn',
      }),
      // Appended for claim tracking (issue 17): what the judgment did with each award item.
      items: z
        .array(
          z
            .object({
              claimId: Id,
              result: z
                .enum(['upheld', 'changed', 'revoked'])
                .openapi({ description: 'upheld 维持裁决；changed 改判为 amount；revoked 不予支持（撤销该项）' }),
              amount: Money.optional().openapi({ description: '改判的金额（元）' }),
            })
            .strict()
            .refine((i) => i.result !== 'changed' || i.amount !== undefined, { message: '改判须写明金额', path: ['amount'] })
            .refine((i) => i.result === 'changed' || i.amount === undefined, { message: '只有改判才写金额', path: ['amount'] }),
        )
        .max(100)
        .refine((a) => uniqueIds(a.map((i) => i.claimId)), '同一请求不能出现两次')
        .optional()
        .openapi({ description: '判决对各裁决项的处理（仅 outcome 为 judgment 时）' }),
    })
    .refine((o) => o.items === undefined || o.outcome === 'judgment', { message: '只有判决才登记各项处理结果', path: ['items'] })
    // SPC-2000 Art. 1 (legal52a H1): after a withdrawal the award takes effect from the ruling's service — a day the
    // record must hold, not one assumed from the ruling's date (no later act records that service).
    .refine((o) => o.outcome !== 'withdrawal_permitted' || o.servedOn !== undefined, {
      message: '准予撤诉的，裁决自裁定书送达之日起发生法律效力（最高人民法院2000年批复第一条）：请填写裁定送达日期（servedOn）',
      path: ['servedOn'],
    }),
  MARK_EFFECTIVE: z.object({
    partyId: Id.optional().openapi({
      description:
        '多名劳动者中部分起诉、用人单位未起诉时：裁决对该未起诉的劳动者发生法律效力（最高人民法院劳动争议解释（一）第十七条）；不填为全案生效',
    }),
  }),
  TRANSFER_TO_COURT: z.object({
    purpose: z.enum(['enforcement', 'advance_execution', 'litigation']),
    court: Court,
    documents: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  }),
  ARCHIVE: z.object({ retentionYears: z.number().int().min(10).max(100).optional() }),
  ASSIGN_MEDIATOR: z.object({ mediatorId: Id.openapi({ description: '在职调解员的用户编号' }) }),

  // ── Round 2 (issue 11 "Missing") ──
  CHANGE_CLAIMS: z
    .object({
      add: z
        .array(ClaimInput.omit({ id: true }))
        .max(50)
        .optional()
        .openapi({ description: '增加的仲裁请求' }),
      change: z
        .array(ClaimChange)
        .max(100)
        .refine((a) => uniqueIds(a.map((c) => c.claimId)), '同一请求不能出现两次')
        .optional()
        .openapi({ description: '变更的仲裁请求（类别、金额或内容）' }),
      withdraw: z.array(Id).max(100).refine(uniqueIds, '请求不能重复').optional().openapi({ description: '放弃的仲裁请求' }),
      respondentWaivesDefense: z.boolean().optional().openapi({ description: '被申请人明确放弃新的答辩期（Rules Art. 44）' }),
      by: z.enum(['applicant', 'respondent']).optional().openapi({
        description:
          '谁的行为：申请人（默认）增加、变更或放弃仲裁请求（Rules Arts. 35, 44）；被申请人（反申请人）只能放弃其反申请请求（撤回反申请，Rules Art. 36）',
      }),
      reason: Reason.optional(),
    })
    .refine((o) => (o.add?.length ?? 0) + (o.change?.length ?? 0) + (o.withdraw?.length ?? 0) > 0, {
      message: '至少增加、变更或放弃一项请求',
      path: ['add'],
    })
    .refine((o) => o.by !== 'respondent' || (!o.add?.length && !o.change?.length && !o.respondentWaivesDefense), {
      message: '被申请人只能放弃其反申请请求：增加或变更请求是申请人的行为',
      path: ['by'],
    })
    .refine((o) => !(o.change ?? []).some((c) => (o.withdraw ?? []).includes(c.claimId)), {
      message: '同一请求不能既变更又放弃',
      path: ['withdraw'],
    }),
  ADD_PARTY: z
    .object({
      side: z.enum(['respondent', 'third_party']).openapi({ description: '追加为共同被申请人或第三人' }),
      party: NewParty,
      ground: z.enum(Object.keys(ADDITION_GROUND_SIDES) as [AdditionGround, ...AdditionGround[]]).openapi({
        description:
          '追加理由，须与 side 相符：被申请人（共同当事人）— co_respondent 共同被申请人（LDMAL Art. 22）、dispatch 劳务派遣单位或用工单位（LDMAL Art. 22(2)）、unlicensed_employer 无营业执照等单位的出资人、开办单位（Rules Art. 6）、contractor 个人承包经营的发包组织或承包人（Rules Art. 7）；第三人 — interested_third_party 与处理结果有利害关系的第三人（LDMAL Art. 23）；other 两者均可。不相符的 400 指明 ground',
      }),
      initiative: z.enum(['tribunal', 'application']).optional().openapi({ description: '仲裁庭依职权追加或依当事人申请' }),
      reason: Reason.optional(),
    })
    // s62 E #1: the ground belongs to a side — the parties to the dispute (LDMAL Art. 22, 22(2); Rules Arts. 6–7) are
    // added as respondents, one with an interest in the outcome as a third party (LDMAL Art. 23); `other` either.
    .superRefine((o, ctx) => {
      if (o.ground && o.side && !additionGroundFits(o.ground, o.side))
        ctx.addIssue({ code: 'custom', path: ['ground'], message: ADDITION_GROUND_MISMATCH[o.side] });
    }),
  REFER_ELSEWHERE: z.object({ competentCommission: Name, reason: Reason }),
  ACCEPT_TRANSFER: z.object({
    fromCommission: Name,
    fromCaseNo: z.string().trim().min(1).max(80).optional(),
    // fixM56: applying for arbitration interrupts the limitation period (Rules Art. 27) — at the first commission.
    firstReceivedOn: IsoDate.optional().openapi({
      description: '原仲裁委员会收到仲裁申请之日（申请仲裁引起仲裁时效中断，《劳动人事争议仲裁办案规则》第二十七条）；不得晚于本委收件日期',
    }),
  }),
  RAISE_JURISDICTION_OBJECTION: z.object({ partyId: Id, grounds: Reason }),
  DECIDE_JURISDICTION_OBJECTION: z
    .object({ result: z.enum(['upheld', 'rejected']), reason: Reason, toCommission: Name.optional() })
    .refine((d) => d.result !== 'upheld' || d.toCommission !== undefined, {
      message: '异议成立的，须写明移送的仲裁委员会',
      path: ['toCommission'],
    }),
  TRANSFER_CASE: z.object({
    toCommission: Name,
    reason: Reason,
    // Reviewer s57 A M3 (Rules Art. 9): a case this commission took in on transfer goes on to another only where the
    // common superior department designated it (指定管辖) — the designation, as recorded.
    designation: z
      .object({
        department: Name.openapi({ description: '指定管辖的上一级仲裁委员会主管部门' }),
        documentNo: z.string().trim().max(100, '不能超过100个字符').optional().openapi({ description: '指定管辖文书编号' }),
        decidedOn: IsoDate.openapi({ description: '指定管辖之日' }),
      })
      .strict()
      .optional()
      .openapi({ description: '受移送的案件再移送：上一级主管部门指定管辖（《劳动人事争议仲裁办案规则》第九条）' }),
  }),
  APPLY_RECUSAL: z.object({
    partyId: Id.optional().openapi({ description: '申请人（当事人）；不填为被申请回避人员自行回避' }),
    target: z
      .object({
        kind: z.enum(['arbitrator', 'recorder']).openapi({ description: '仲裁员或记录人员' }),
        userId: Id.optional(),
        name: PersonName.optional(),
        commissionChair: z.boolean().optional().openapi({ description: '被申请回避的仲裁员是仲裁委员会主任' }),
      })
      .strict()
      .refine((t) => t.userId !== undefined || (t.kind === 'recorder' && t.name !== undefined), {
        message: '须指明被申请回避的人员',
        path: ['userId'],
      }),
    ground: z
      .enum(['party_or_relative', 'interest', 'relationship', 'private_meeting', 'other'])
      .openapi({ description: 'LDMAL Art. 33 (1)–(4)' }),
    reason: Reason,
    groundLearnedLate: z.boolean().optional().openapi({ description: '回避事由在开庭后才知道（Rules Art. 11）' }),
    form: Decision,
  }),
  DECIDE_RECUSAL: z.object({
    result: z.enum(['granted', 'rejected']),
    decidedBy: z.enum(['chair', 'institute_head', 'commission']),
    replacementId: Id.optional().openapi({ description: '回避的仲裁员由谁替换' }),
    replacementName: PersonName.optional().openapi({ description: '替换的记录人员' }),
    presidingId: PresidingAfterReplacement,
    reason: Reason.optional(),
    form: Decision,
  }),
  SET_EVIDENCE_PERIOD: z.object({ until: IsoDate.openapi({ description: '举证期限最后一日' }), note: Reason.optional() }),
  EXTEND_EVIDENCE_PERIOD: z.object({ partyId: Id, until: IsoDate, reason: Reason }),
  RECORD_LATE_EVIDENCE: z.object({
    partyId: Id,
    description: Reason,
    explanation: Reason.optional().openapi({ description: '当事人说明的逾期理由' }),
    reasonAccepted: z.boolean(),
    decision: z.enum(['admitted', 'admitted_with_reprimand', 'excluded']),
  }),
  RECORD_REPRESENTED_CONSENT: z.object({
    matter: z.enum(['change_claims', 'withdraw', 'admit_claims', 'settle']),
    partyIds: z.array(Id).min(1).max(500).refine(uniqueIds, '当事人不能重复'),
    note: Reason.optional(),
  }),
  ACCEPT_REVIEW: z.object({}),
  REJECT_REVIEW: z.object({
    ground: z.enum(['scope', 'jurisdiction', 'late', 'confirms_relationship', 'judicially_confirmed', 'other']).openapi({
      description:
        '不予受理的事由（《劳动人事争议仲裁办案规则》第七十五条）：scope 不属于受理范围；jurisdiction 不属于本委管辖；late 超出申请期间；confirms_relationship 涉及确认劳动关系；judicially_confirmed 已经人民法院司法确认。other 不是第七十五条的事由，以 422 review-rejection-ground 拒绝',
    }),
    reason: Reason,
  }),
  CONFIRM_AGREEMENT: z.object({ terms: z.string().trim().min(1, '须写明调解书内容').max(20000), performanceDueOn: PerformanceDueOn }),
  REFUSE_CONFIRMATION: z.object({
    ground: z.enum(['unlawful', 'harms_interests', 'false_evidence', 'involuntary', 'unclear', 'other']),
    reason: Reason,
  }),
  APPLY_ENFORCEMENT: z.object({ partyId: Id, court: Court, filedOn: IsoDate.optional(), partialAward: PartialAwardRef }),
  RECORD_ENFORCEMENT_OUTCOME: z.object({
    result: z.enum(['enforced', 'partly_enforced', 'terminated', 'refused', 'withdrawn', 'settled']),
    decidedOn: IsoDate.optional(),
    receivedOn: IsoDate.optional().openapi({ description: '当事人收到不予执行裁定之日（SPC-1 Art. 24 起诉期间自次日起算）' }),
    note: Reason.optional(),
  }),
  // void44: a registration made by mistake voided before acceptance — no decision, no document (workflows/rules.ts).
  VOID_REGISTRATION: z.object({
    reason: Reason.refine((r) => [...r].length >= 4, '请写明作废原因（至少4个字），如：重复登记，与某案为同一申请').openapi({
      description: '作废原因（至少4个字），如“重复登记（与收件编号123为同一申请）”；记入办理记录',
    }),
    duplicateOf: Id.optional().openapi({ description: '本登记所重复的案件（编号）；须是本案以外的案件' }),
  }),
  // feat52: LDMAL Art. 24 — the party's signed or sealed power of attorney, stating the matters and the authority, is
  // submitted to the commission; the agent's fields are registration's (AgentInput, `legal_aid` for 法律援助).
  APPOINT_AGENT: z.object({
    partyId: Id.openapi({ description: '委托的当事人（本案当事人编号）' }),
    // The authority is the event's own `powers` (fixU56 #2: registration's AgentInput has it too, not taken here).
    agent: AgentInput.omit({ id: true, powers: true }),
    powers: z.enum(['general', 'special']).openapi({
      description:
        '授权委托书载明的权限：general 一般授权；special 特别授权（代为承认、放弃、变更仲裁请求，进行和解，提出反申请等须特别授权）',
    }),
    receivedOn: IsoDate.openapi({ description: '仲裁委收到授权委托书之日（不晚于登记日期 occurredOn）' }),
  }),
  // feat52: the party's written notice that the agency is revoked (domain.md §1.2: local rules and the CPL by analogy);
  // the commission tells the other side.
  REVOKE_AGENT: z.object({
    partyId: Id.openapi({ description: '委托的当事人' }),
    agentId: Id.openapi({ description: '被解除委托的代理人（parties[].agents[].id）' }),
    receivedOn: IsoDate.openapi({ description: '仲裁委收到解除委托的书面告知之日（不晚于登记日期 occurredOn）' }),
  }),
};

/** The envelope: `{type, occurredOn?, ...payload}`. */
export const EventEnvelope = z.object({
  type: z.enum(EVENT_TYPES),
  occurredOn: IsoDate.optional().openapi({
    description:
      '行为发生日（默认今天；正文写明该行为之日的——送达 servedOn、签收 signedOn、起诉/申请撤销/申请执行 filedOn、法院裁判 decidedOn——默认该日；可早于今天，不得晚于今天，不得早于上一事件）',
  }),
});

const pascal = (t: string) =>
  t
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * RECORD_SET_ASIDE is either the filing (court, filedOn) or the court's result (result, decidedOn?, servedOn?): one
 * member of the union, with the two forms stated in JSON Schema (a form's fields forbid the other's).
 */
function recordSetAsideMember() {
  const [filing, result] = [SET_ASIDE_FILING, SET_ASIDE_RESULT];
  const only = (own: string[], other: string[]) => ({
    required: own,
    properties: Object.fromEntries([...own.map((k) => [k, true]), ...other.map((k) => [k, false])]),
  });
  const filingKeys = Object.keys(filing.shape);
  const resultKeys = Object.keys(result.shape);
  return z
    .object({
      type: z.literal('RECORD_SET_ASIDE'),
      occurredOn: IsoDate.optional(),
      ...filing.partial().shape,
      ...result.partial().shape,
      partialAward: PartialAwardRef,
    })
    .strict()
    .openapi('RecordSetAsideEvent', {
      description: '用人单位申请撤销终局裁决（court、filedOn），或法院的处理结果（result）',
      oneOf: [only(['court', 'filedOn'], resultKeys), only(['result'], filingKeys)],
    } as never);
}

/**
 * The request body of POST /api/cases/{id}/events, for the document and generated clients: one member per event type,
 * told apart by `type` (oneOf with a discriminator). The server parses a body with `parseEventBody`
 * (server/http/events.ts) against EVENT_PAYLOADS, the same schemas these members are built from.
 */
export const ProcedureEvent = z
  .discriminatedUnion(
    'type',
    EVENT_TYPES.map((t) => {
      if (t === 'RECORD_SET_ASIDE') return recordSetAsideMember();
      const payload = EVENT_PAYLOADS[t] as z.ZodObject;
      return (
        payload
          // safeExtend: some payloads carry refinements across fields (ADVANCE_EXECUTION's amounts), which extend refuses.
          .safeExtend({ type: z.literal(t), occurredOn: IsoDate.optional() })
          .strict()
          .openapi(`${pascal(t)}Event`)
      );
    }) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
  )
  .openapi('ProcedureEvent', { description: '程序事件：type 加该事件的字段；occurredOn 为行为发生日（缺省为今天，不得晚于今天）' });
