import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { AGENT_KINDS, CHANNELS, CLAIM_CATEGORY_CODES, DISTRICTS, OWNERSHIP_TYPES, PROCEDURES, ROLE_CODES } from '../workflows/reference.ts';
import { checkCreditCode, checkIdNumber, checkIsoDate, checkPhone, parseMoney } from '../workflows/identifiers.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './users/password-policy.ts';

extendZodWithOpenApi(z);
// Every generic validation message in Chinese (the users are Chinese commission staff).
z.config(z.locales.zhCN());


const check = (fn: (s: string) => string | null) => (s: string, ctx: z.core.$RefinementCtx<string>) => {
  const msg = fn(s);
  if (msg) ctx.addIssue({ code: 'custom', message: msg });
};

export const IsoDate = z.string().superRefine(check(checkIsoDate)).openapi({ type: 'string', format: 'date', example: '2026-03-02' });
export const Money = z
  .string()
  .superRefine(check((s) => (parseMoney(s) === null ? '金额应为以元为单位的数字字符串，最多两位小数，如 "26400.00"' : null)))
  .openapi({ type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$', example: '12000.00', description: '人民币元，最多两位小数' });
const Name = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符');
const Address = z.string().trim().max(200, '不能超过200个字符');
const Phone = z.string().trim().superRefine(check(checkPhone)).openapi({ example: '13800000000' });
export const IdNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine(check(checkIdNumber))
  .openapi({ type: 'string', description: 'GB 11643 公民身份号码（18位，含校验位）', example: '371502199001011234' });
export const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine(check(checkCreditCode))
  .openapi({ type: 'string', description: 'GB 32100 统一社会信用代码', example: '91371500MA3C7K2L12' });

export const AgentInput = z
  .object({
    id: z.number().int().positive().optional(),
    name: Name,
    kind: z.enum(Object.keys(AGENT_KINDS) as [keyof typeof AGENT_KINDS]),
    unit: Name.optional(),
    phone: Phone.optional(),
    relationship: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .optional()
      .openapi({ description: '近亲属代理人与当事人的关系（如 配偶、父亲），印在文书上', example: '配偶' }),
  })
  .strict()
  .openapi('AgentInput');

const PartyCommon = {
  id: z.number().int().positive().optional().openapi({ description: 'PATCH：保留已有当事人时带上其 id' }),
  name: Name,
  phone: Phone.optional(),
  address: Address.optional(),
  agents: z.array(AgentInput).max(10).optional(),
  ownership: z
    .enum(Object.keys(OWNERSHIP_TYPES) as [keyof typeof OWNERSHIP_TYPES])
    .optional()
    .openapi({ description: '用人单位经济类型（统计“按用人单位类型”），可选' }),
};

export const PersonInput = z
  .object({
    kind: z.literal('person'),
    ...PartyCommon,
    idNumber: IdNumber.optional(),
    ethnicity: z.string().trim().min(1).max(20).optional(),
  })
  .strict()
  .openapi('PersonInput');

export const OrganizationInput = z
  .object({
    kind: z.literal('organization'),
    ...PartyCommon,
    creditCode: CreditCode.optional(),
    legalRepresentative: Name.optional(),
    legalRepresentativeTitle: z.string().trim().min(1).max(50).optional(),
  })
  .strict()
  .openapi('OrganizationInput');

export const PartyInput = z.discriminatedUnion('kind', [PersonInput, OrganizationInput]).openapi('PartyInput');
export type PartyInput = z.infer<typeof PartyInput>;

export const ClaimInput = z
  .object({
    id: z.number().int().positive().optional(),
    category: z.enum(CLAIM_CATEGORY_CODES),
    amount: Money.optional().openapi({ description: '非金钱请求可省略' }),
    description: z.string().trim().min(1, '不能为空').max(2000, '不能超过2000个字符'),
  })
  .strict()
  .openapi('ClaimInput');
export type ClaimInput = z.infer<typeof ClaimInput>;

const District = z.enum(DISTRICTS);

export const LimitationInput = z
  .object({
    knewOn: IsoDate.openapi({ description: '知道或者应当知道其权利被侵害之日' }),
    employmentStatus: z
      .enum(['ongoing', 'ended'])
      .optional()
      .openapi({ description: '劳动关系是否存续：ongoing 存续中（劳动报酬请求不受一年时效限制，LDMAL Art. 27(4)）；ended 已终止' }),
    employmentEndedOn: IsoDate.optional().openapi({ description: '劳动关系终止之日（劳动报酬请求自此起算一年）' }),
    interruptions: z
      .array(z.object({ on: IsoDate, kind: z.string().trim().min(1).max(100).openapi({ example: '向用人单位主张权利' }) }).strict())
      .max(20)
      .optional(),
    suspensions: z
      .array(
        z
          .object({ from: IsoDate, to: IsoDate })
          .strict()
          .refine((s) => s.from <= s.to, { message: '中止结束日不能早于开始日', path: ['to'] }),
      )
      .max(20)
      .optional(),
  })
  .strict()
  .openapi('LimitationInput', { description: '仲裁时效提示所需事实（只提示，不据此不予受理）' });

const caseFields = {
  receivedOn: IsoDate.openapi({ description: '收件日期（不得晚于今天）' }),
  postmarkOn: IsoDate.optional().openapi({ description: '邮寄申请的邮戳日期' }),
  channel: z.enum(Object.keys(CHANNELS) as [keyof typeof CHANNELS]),
  district: District,
  procedure: z.enum(Object.keys(PROCEDURES) as [keyof typeof PROCEDURES]).optional(),
  wageArrears: z.boolean().optional().openapi({ description: '拖欠农民工工资（优先处理；与仲裁时效无关）' }),
  collective: z.boolean().optional().openapi({
    description: '集体劳动人事争议（须三名仲裁员）：10名以上劳动者时自动为 true；不足10人的集体合同争议或工会申请由书记员设为 true 并写明 collectiveGround',
  }),
  collectiveGround: z
    .enum(['collective_contract', 'union_applicant'])
    .optional()
    .openapi({ description: 'collective_contract 因履行集体合同发生的争议；union_applicant 工会申请（Rules Arts. 62, 64）' }),
  applicants: z.array(PartyInput).min(1, '至少一名申请人').max(500),
  respondents: z.array(PartyInput).min(1, '至少一名被申请人').max(50),
  thirdParties: z.array(PartyInput).max(20).optional(),
  claims: z.array(ClaimInput).min(1, '至少一项仲裁请求').max(100),
  facts: z.string().trim().max(20000, '不能超过20000个字符').optional(),
  limitation: LimitationInput.optional(),
};

/** Track `review` (Rules Art. 74): the mediation agreement whose arbitral review the parties jointly apply for. */
export const ReviewAgreementInput = z
  .object({
    effectiveOn: IsoDate.openapi({ description: '调解协议生效之日（双方签字或盖章、调解员签名并加盖调解组织印章之日）' }),
    organization: Name.openapi({ description: '达成协议的调解组织' }),
    terms: z.string().trim().min(1).max(20000, '不能超过20000个字符').optional().openapi({ description: '调解协议内容' }),
  })
  .strict()
  .openapi('ReviewAgreementInput');

export const CaseCreate = z
  .object({
    track: z
      .enum(['arbitration', 'mediation', 'review'])
      .default('arbitration')
      .openapi({ description: 'arbitration 仲裁申请；mediation 案前调解；review 调解协议仲裁审查（Rules Arts. 74–79）' }),
    ...caseFields,
    agreement: ReviewAgreementInput.optional().openapi({ description: 'track 为 review 时必填' }),
  })
  .strict()
  .refine((o) => (o.track === 'review') === (o.agreement !== undefined), {
    message: '申请仲裁审查（track: review）须填写调解协议信息，其他申请不填',
    path: ['agreement'],
  })
  .openapi('CaseCreate');
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CasePatch = z
  .object(
    Object.fromEntries(Object.entries(caseFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof caseFields]: z.ZodOptional<(typeof caseFields)[K]>;
    },
  )
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: '至少修改一个字段' })
  .openapi('CasePatch');
export type CasePatch = z.infer<typeof CasePatch>;

export const Login = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) })
  .strict()
  .openapi('Login');

const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `密码至少${PASSWORD_MIN_LENGTH}个字符`)
  .max(PASSWORD_MAX_LENGTH, `密码不能超过${PASSWORD_MAX_LENGTH}个字符`)
  .openapi({ description: `至少${PASSWORD_MIN_LENGTH}个字符，且不是常见或易猜的密码（zxcvbn 评分 ≥ 3）` });

export const UserCreate = z
  .object({
    username: z.string().regex(/^[a-z][a-z0-9_.-]{2,63}$/, '用户名为3–64位小写字母、数字、点、下划线或连字符，以字母开头'),
    password: Password,
    role: z.enum(ROLE_CODES),
    displayName: Name,
  })
  .strict()
  .openapi('UserCreate');

export const User = z
  .object({
    id: z.number(),
    username: z.string(),
    role: z.enum(ROLE_CODES),
    displayName: z.string(),
    active: z.boolean(),
    mustChangePassword: z.boolean().openapi({ description: '管理员重置了密码：修改密码前其他接口返回 403' }),
  })
  .openapi('User');

export const UserPatch = z
  .object({ active: z.boolean().optional(), role: z.enum(ROLE_CODES).optional(), displayName: Name.optional() })
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: '至少修改一个字段' })
  .openapi('UserPatch');

export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: Password })
  .strict()
  .openapi('PasswordChange');

export const PasswordReset = z
  .object({ newPassword: Password.openapi({ description: '管理员设定的临时密码；用户下次登录后须修改' }) })
  .strict()
  .openapi('PasswordReset');

export const Problem = z
  .object({
    type: z.string().openapi({ example: 'https://zhongcai.dev/problems/rule-violation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional().openapi({ description: '出错的请求地址' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: '400：逐项列明无效字段' }),
    allowed: z.array(z.string()).optional().openapi({ description: '409：当前状态允许的事件' }),
    state: z.string().optional().openapi({ description: '409：案件当前状态' }),
    rule: z.string().optional().openapi({ description: '422：被违反的规则代码' }),
    source: z.string().optional().openapi({ description: '422：法律依据，如 LDMAL Art. 43' }),
    currentVersion: z.number().int().optional().openapi({ description: '412：案件当前版本' }),
    retryAfterSeconds: z.number().int().optional(),
    fault: z.enum(['unavailable', 'busy', 'timeout', 'full']).optional().openapi({ description: '503：数据库故障类别' }),
    errorId: z.string().optional().openapi({ description: '500：日志中的错误编号' }),
    field: z.string().optional(),
    characters: z.array(z.string()).optional().openapi({ description: '422：字体缺少的字符' }),
    missingYear: z.number().int().optional().openapi({ description: '422：缺少节假日数据的年份' }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details' });

export const READ_LEVELS = ['full', 'masked', 'summary'] as const;
const ReadLevelField = z.enum(READ_LEVELS).openapi({
  description:
    'full：完整；masked：身份证号码脱敏，不含电话、住址、出生日期（非本人承办的仲裁员、调解员）；summary：只有案件摘要（统计分析人员）',
});

const Agent = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  unit: z.string().nullable(),
  phone: z.string().nullable().optional().openapi({ description: 'masked 时不含' }),
  relationship: z.string().nullable(),
});
export const Party = z
  .object({
    id: z.number(),
    side: z.enum(['applicant', 'respondent', 'third_party']),
    kind: z.enum(['person', 'organization']),
    name: z.string(),
    idNumber: z.string().nullable().optional().openapi({ description: 'masked 时脱敏（3715**********1234），summary 时不含' }),
    sex: z.enum(['male', 'female']).nullable().optional(),
    birthDate: z.string().nullable().optional().openapi({ description: '仅 full' }),
    ethnicity: z.string().nullable().optional(),
    phone: z.string().nullable().optional().openapi({ description: '仅 full' }),
    address: z.string().nullable().optional().openapi({ description: '仅 full' }),
    creditCode: z.string().nullable().optional(),
    legalRepresentative: z.string().nullable().optional(),
    legalRepresentativeTitle: z.string().nullable().optional(),
    ownership: z.string().nullable().optional(),
    agents: z.array(Agent).optional().openapi({ description: 'summary 时不含' }),
  })
  .openapi('Party', { description: '当事人；字段多少取决于案件的 readLevel' });
export const Claim = z
  .object({
    id: z.number(),
    seq: z.number(),
    category: z.string(),
    categoryLabel: z.string(),
    amount: z.string().nullable(),
    description: z.string().optional().openapi({ description: 'summary 时不含' }),
  })
  .openapi('Claim');

/** LDMAL Art. 36: a party absent at the last hearing and the written notice of it proven served (null: none on record). */
const AbsentNotice = z
  .object({
    partyId: z.number(),
    side: z.enum(['applicant', 'respondent']),
    servedOn: z.string().nullable(),
    document: z.string().nullable(),
    method: z.string().nullable(),
  })
  .openapi('AbsentNotice', { description: '开庭缺席的当事人及已证明送达的书面开庭通知（null：无记录，文书不得称“经书面通知”）' });

export const Deadline = z
  .object({
    kind: z.string(),
    label: z.string(),
    startsOn: z.string().nullable(),
    dueOn: z.string().nullable().openapi({
      description: '到期日；需要尚未录入官方安排的年份时为按“只有周末”计算的暂定日期（provisional: true）；暂停计算且恢复后日期无法确定时为 null',
    }),
    unit: z.enum(['working', 'calendar']),
    days: z.number(),
    basis: z.string().openapi({ example: 'LDMAL Art. 43' }),
    status: z.enum(['open', 'met', 'met_late', 'overdue', 'paused', 'unknown']).openapi({
      description: 'open 进行中；met 已按期完成（或期间已届满）；met_late 已完成但晚于到期日；overdue 已逾期；paused 暂停计算（中止审理、公告送达期间）；unknown 无法计算',
    }),
    explanation: z.string(),
    assignee: z.enum(['clerk', 'tribunal', 'mediator', 'party']),
    partyId: z.number().optional(),
    provisional: z.boolean().openapi({
      description:
        'true：到期日需要尚未录入国家法定节假日安排的年份，暂按该年只有周末计算；正式安排可能使其推后（期间内有调休上班日时也可能提前）；录入该年安排后自动精确重算（api.md v1.1）',
    }),
  })
  .openapi('Deadline');

export const CaseSummary = z
  .object({
    id: z.number(),
    track: z.enum(['arbitration', 'mediation']),
    state: z.string(),
    stateLabel: z.string(),
    caseNo: z.string().nullable().openapi({ example: '聊劳人仲案字〔2026〕第15号' }),
    receivedOn: z.string(),
    acceptedOn: z.string().nullable(),
    district: z.string(),
    procedure: z.string(),
    collective: z.boolean(),
    wageArrears: z.boolean(),
    applicantNames: z.array(z.string()),
    respondentNames: z.array(z.string()),
    closure: z.object({ mode: z.string(), closedOn: z.string() }).nullable(),
    version: z.number(),
    awardDueOn: z.string().nullable().optional().openapi({ description: '列表：进行中的审理期限届满日（未受理、已结案为 null）' }),
    awardDueProvisional: z.boolean().optional().openapi({ description: '列表：该届满日为预计（超出已录入的官方节假日安排）' }),
  })
  .openapi('CaseSummary');

export const Case = CaseSummary.extend({
  readLevel: ReadLevelField,
  collectiveGround: z
    .enum(['collective_contract', 'union_applicant'])
    .nullable()
    .openapi({ description: '书记员设定集体争议的依据（不足10名劳动者时）；null：按人数判断' }),
  channel: z.string(),
  postmarkOn: z.string().nullable(),
  facts: z.string().nullable().optional().openapi({ description: 'summary 时不含' }),
  applicants: z.array(Party),
  respondents: z.array(Party),
  thirdParties: z.array(Party),
  claims: z.array(Claim),
  linkedCaseId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closure: z
    .object({
      mode: z.string(),
      closedOn: z.string(),
      reason: z.string().optional(),
      absentNotices: z.array(AbsentNotice).optional().openapi({ description: '按撤回处理：未到庭申请人及书面通知送达记录' }),
    })
    .nullable(),
  award: z
    .object({
      finality: z.enum(['final', 'non_final', 'mixed']),
      issuedOn: z.string(),
      defaultAward: z.boolean().optional().openapi({ description: '缺席裁决：最后一次开庭时被申请人未到庭' }),
      absentNotices: z.array(AbsentNotice).optional(),
      items: z.array(
        z.object({ claimId: z.number(), outcome: z.string(), amount: z.string().nullable(), final: z.boolean(), reason: z.string() }),
      ),
    })
    .nullable(),
  tribunal: z
    .object({
      formedOn: z.string(),
      kind: z.enum(['sole', 'panel']),
      presidingId: z.number(),
      arbitrators: z.array(z.object({ id: z.number(), displayName: z.string(), presiding: z.boolean() })),
    })
    .nullable(),
  mediators: z
    .array(z.object({ id: z.number(), displayName: z.string() }))
    .openapi({ description: '指派的调解员（ASSIGN_MEDIATOR）' }),
  proceedings: z
    .record(z.string(), z.unknown())
    .optional()
    .openapi({ description: '程序记录：送达、开庭、中止、延期、调解、裁决后起诉等（summary 时不含）' }),
  deadlines: z.array(Deadline),
  // A flat object (not `LimitationInput.extend`): zod-to-openapi renders an extension of a registered schema as allOf of
  // two closed objects, which no answer can satisfy, and drops `null`.
  limitation: z
    .object({
      ...LimitationInput.shape,
      status: z.enum(['within', 'expired', 'exempt']),
    expiresOn: z.string().nullable(),
      filedOn: z.string().openapi({ description: '申请日：记录了邮戳日期的按邮戳日期（CPL Art. 85(4)），否则为收件日期' }),
      claims: z.array(z.object({ claimId: z.number(), status: z.enum(['within', 'expired', 'exempt']), expiresOn: z.string().nullable() })),
      reasoning: z.string(),
    })
    .nullable()
    .optional()
    .openapi({ description: '仲裁时效提示（LDMAL Art. 27），只作提示（summary 时不含）' }),
}).openapi('Case');

export const CaseEvent = z
  .object({
    id: z.number(),
    seq: z.number(),
    type: z.string(),
    label: z.string(),
    occurredOn: z.string(),
    recordedAt: z.string(),
    actor: z.object({ id: z.number().nullable(), role: z.string().nullable(), name: z.string().nullable() }),
    payload: z
      .record(z.string(), z.unknown())
      .openapi({ description: '身份证号码一律脱敏；masked 时不含电话、住址；summary（统计分析人员）时为空' }),
    stateBefore: z.string().nullable(),
    stateAfter: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('CaseEvent');

/** The one list envelope of every top-level list (api.md "Lists"). */
export const listOf = (item: z.ZodType, name: string) =>
  z
    .object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
    .openapi(name);

export const Pagination = z.object({
  page: z.coerce.number().int().min(1, '页码从1开始').default(1),
  pageSize: z.coerce.number().int().min(1, 'pageSize 为 1–200').max(200, 'pageSize 为 1–200').default(50),
});

export const CaseListQuery = Pagination.extend({
  state: z.string().max(40).optional(),
  track: z.enum(['arbitration', 'mediation', 'review']).optional(),
  district: District.optional(),
  procedure: z.enum(['ordinary', 'simple']).optional(),
  collective: z.enum(['true', 'false']).optional(),
  wageArrears: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  arbitratorId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['awardDue', 'receivedOn', 'state', 'caseNo']).optional().openapi({ description: '排序列；缺省为欠薪、集体争议优先，再按收件日期新在前' }),
  order: z.enum(['asc', 'desc']).optional(),
}).strict();

export const AwardPreview = z
  .object({
    occurredOn: IsoDate.optional(),
    items: z
      .array(
        z
          .object({
            claimId: z.number().int().positive(),
            outcome: z.enum(['granted', 'partly', 'dismissed']),
            amount: Money.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict()
  .openapi('AwardPreview');

export const AwardPreviewResult = z
  .object({
    finality: z.enum(['final', 'non_final', 'mixed']),
    thresholdAmount: z.string(),
    minimumWage: z.object({ monthly: z.string(), effectiveFrom: z.string(), confirmed: z.boolean() }),
    items: z.array(
      z.object({
        claimId: z.number(),
        final: z.boolean(),
        reason: z.string(),
        legalBasis: z.array(z.string()).openapi({ description: '建议的裁决依据（仲裁员可采纳或修改，作出裁决时以 items[].legalBasis 提交）' }),
      }),
    ),
  })
  .openapi('AwardPreviewResult');

/** Round 2: warnings of an earlier case between the same parties with a claim of the same kind (Rules Arts. 34, 39). */
export const DuplicateWarning = z
  .object({
    code: z.enum(['pending', 'not_accepted', 'decided', 'in_court', 'deemed_withdrawn', 'transferred', 'withdrawn', 'other_closure']),
    caseId: z.number(),
    caseNo: z.string().nullable(),
    state: z.string(),
    stateLabel: z.string(),
    closureMode: z.string().nullable(),
    bars: z.boolean().openapi({ description: '该案依法阻止就同一争议再次申请（仅提示，是否受理由立案人员决定）' }),
    sameClaims: z.boolean(),
    commonCategories: z.array(z.string()),
    source: z.string().openapi({ example: 'Rules Art. 34' }),
    message: z.string(),
  })
  .openapi('DuplicateWarning');

export const RegisteredCase = Case.extend({
  warnings: z.array(DuplicateWarning).openapi({ description: '重复申请提示（一事不再理、按撤回处理后再申请）；不影响登记' }),
}).openapi('RegisteredCase');
