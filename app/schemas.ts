import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  checkCreditCode,
  checkIdNumber,
  checkIsoDate,
  checkPhone,
  holdsPersonalNumber,
  nameControlProblem,
  parseMoney,
} from '../workflows/identifiers.ts';
import { STATE_LABELS, SUSPENSION_GROUNDS, type SuspensionGround } from '../workflows/labels.ts';
import { CLOSURE_MODES, SERVICE_DOCUMENTS } from '../workflows/procedure-types.ts';
import { AGENT_KINDS, CHANNELS, CLAIM_CATEGORY_CODES, DISTRICTS, OWNERSHIP_TYPES, PROCEDURES, ROLE_CODES } from '../workflows/reference.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './users/password-policy.ts';

extendZodWithOpenApi(z);
// Every generic validation message in Chinese (the users are Chinese commission staff). A required field left out is
// said in plain words, as the web says it (web/core.js REQUIRED), not as zod's 「无效输入：期望 string，实际接收 undefined」
// (sec55 L3); every other message is zod's Chinese one.
z.config({
  ...z.locales.zhCN(),
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? '必须填写' : undefined),
});

/** Largest record id: the id columns are `integer` (PostgreSQL int4), so a larger one names nothing (and would fail there). */
export const MAX_RECORD_ID = 2_147_483_647;
/** A record id in a JSON body. */
export const RecordId = z.number().int().positive().max(MAX_RECORD_ID, `编号不能大于 ${MAX_RECORD_ID}`);
/** A record id in a query string, in its one canonical spelling (no 0x22, 3.4e1, 034 or +34): 400 naming it otherwise. */
export const QueryId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, '应为正整数编号')
  .transform(Number)
  .refine((n) => n <= MAX_RECORD_ID, `编号不能大于 ${MAX_RECORD_ID}`)
  .openapi({ type: 'integer', minimum: 1, maximum: MAX_RECORD_ID });

const check = (fn: (s: string) => string | null) => (s: string, ctx: z.core.$RefinementCtx<string>) => {
  const msg = fn(s);
  if (msg) ctx.addIssue({ code: 'custom', message: msg });
};

// Outside checker sec57 L3: the years the server takes (workflows/identifiers.ts checkIsoDate, README) in the contract too.
export const IsoDate = z.string().superRefine(check(checkIsoDate)).openapi({
  type: 'string',
  format: 'date',
  pattern: '^(19\\d{2}|2[01]\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  description: '日期 YYYY-MM-DD，年份 1900–2199',
  example: '2026-03-02',
});
export const Money = z
  .string()
  .superRefine(check((s) => (parseMoney(s) === null ? '金额应为以元为单位的数字字符串，最多两位小数，如 "26400.00"' : null)))
  .openapi({ type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$', example: '12000.00', description: '人民币元，最多两位小数' });
const Name = z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符').superRefine(check(nameControlProblem));
/**
 * A party's, an agent's or a legal representative's name — and a person named in an event: no identity number or phone
 * typed into it (lists and summaries show names to every role; those have fields of their own). 400 naming the field.
 */
export const NAME_HOLDS_NUMBER = '姓名（名称）中不应填写身份证号码或电话号码，请填在对应栏目';
export const PersonName = Name.superRefine(check((s) => (holdsPersonalNumber(s) ? NAME_HOLDS_NUMBER : null)));
/**
 * The name of an organization printed on documents and searched like a party's — an agent's firm, the mediation
 * organization of a reviewed agreement (Rules Art. 74) — refuses an identity number or a phone
 * as a party's name does (med50 M6: 371502199001011330 as the organization was printed on the 审字 调解书).
 */
const OrganizationName = PersonName;
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
    id: RecordId.optional(),
    name: PersonName,
    kind: z.enum(Object.keys(AGENT_KINDS) as [keyof typeof AGENT_KINDS]),
    unit: OrganizationName.optional(),
    phone: Phone.optional(),
    relationship: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .optional()
      .openapi({ description: '近亲属代理人与当事人的关系（如 配偶、父亲），印在文书上', example: '配偶' }),
    // fixU56 #2: LDMAL Art. 24 — the power of attorney states the matters and the authority; registration records it as
    // APPOINT_AGENT does (there in the event's `powers`, not here).
    powers: z.enum(['general', 'special']).optional().openapi({
      description:
        '授权委托书载明的权限（劳动争议调解仲裁法第二十四条）：general 一般授权；special 特别授权（代为承认、放弃、变更仲裁请求，进行和解，提出反申请等）。可不填（未载明）；登记委托代理人（APPOINT_AGENT）时另以事件的 powers 载明，此处不填',
    }),
  })
  .strict()
  .openapi('AgentInput');

const PartyCommon = {
  id: RecordId.optional().openapi({ description: 'PATCH：保留已有当事人时带上其 id' }),
  name: PersonName.openapi({ description: '姓名或名称（不含身份证号码、电话号码：填在 idNumber、phone）' }),
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
    legalRepresentative: PersonName.optional(),
    legalRepresentativeTitle: z.string().trim().min(1).max(50).optional(),
  })
  .strict()
  .openapi('OrganizationInput');

export const PartyInput = z.discriminatedUnion('kind', [PersonInput, OrganizationInput]).openapi('PartyInput');
export type PartyInput = z.infer<typeof PartyInput>;

export const ClaimInput = z
  .object({
    id: RecordId.optional(),
    category: z.enum(CLAIM_CATEGORY_CODES),
    amount: Money.optional().openapi({ description: '非金钱请求可省略' }),
    description: z.string().trim().min(1, '不能为空').max(2000, '不能超过2000个字符'),
    applicant: z.number().int().min(1, '申请人序号从1起').max(500).nullable().optional().openapi({
      description:
        '该请求是第几名申请人（从1起，按 applicants 的顺序）本人的请求：多名劳动者的案件（集体争议）中各人的请求分别列明，终局裁决按各人各项裁决数额判断（调解仲裁法第四十七条第一项；最高法解释（一）第十九条）；反申请的请求中，为其所针对的申请人。null：全体申请人共同的请求；省略：新请求为全体申请人共同的请求，修改登记（PATCH）中按 id 保留的请求不变',
    }),
  })
  .strict()
  .openapi('ClaimInput');
export type ClaimInput = z.infer<typeof ClaimInput>;

const District = z.enum(DISTRICTS, { error: '请选择管辖地区（本委辖区内的县、市、区）' });

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

/**
 * The limitation facts happened before the application (LDMAL Art. 27): the day the party knew, an interruption, a
 * suspension and the end of the employment are not after the receipt — and so, receipt being checked against today,
 * never in the future. Each refusal names its field (`limitation.knewOn`, `limitation.interruptions.0.on`, …).
 */
/**
 * LDMAL Art. 27: the limitation facts of an application (the day the right was known to be infringed, the end of the
 * employment, interruptions, suspensions) lie on or before its receipt — and so never in the future. The dates that do
 * not, with the field path each is named by.
 */
export function limitationDatesAfter(
  l: {
    knewOn?: string | null;
    employmentEndedOn?: string | null;
    interruptions?: { on: string }[] | null;
    suspensions?: { from: string; to?: string | null }[] | null;
  },
  received: string,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const late = (on: string | null | undefined, path: (string | number)[], what: string) => {
    if (on && on > received) out.push({ path: ['limitation', ...path], message: `${what}不能晚于收件日期（${received}）` });
  };
  late(l.knewOn, ['knewOn'], '知道或者应当知道权利被侵害之日');
  late(l.employmentEndedOn, ['employmentEndedOn'], '劳动关系终止之日');
  for (const [i, x] of (l.interruptions ?? []).entries()) late(x.on, ['interruptions', i, 'on'], '时效中断之日');
  for (const [i, x] of (l.suspensions ?? []).entries()) {
    late(x.from, ['suspensions', i, 'from'], '时效中止开始之日');
    late(x.to, ['suspensions', i, 'to'], '时效中止结束之日');
  }
  return out;
}

/** The check against a receipt in the same body; a PATCH without one is checked against the stored receipt (checkRegistrationDates). */
function checkLimitationDates(o: { receivedOn?: string; limitation?: z.infer<typeof LimitationInput> }, ctx: z.RefinementCtx): void {
  if (!o.receivedOn || !o.limitation) return;
  for (const issue of limitationDatesAfter(o.limitation, o.receivedOn)) ctx.addIssue({ code: 'custom', ...issue });
}

const caseFields = {
  receivedOn: IsoDate.openapi({ description: '收件日期（不得晚于今天）' }),
  postmarkOn: IsoDate.optional().openapi({ description: '邮寄申请的邮戳日期' }),
  channel: z.enum(Object.keys(CHANNELS) as [keyof typeof CHANNELS]),
  district: District,
  procedure: z.enum(Object.keys(PROCEDURES) as [keyof typeof PROCEDURES]).optional(),
  wageArrears: z.boolean().optional().openapi({ description: '拖欠农民工工资（优先处理；与仲裁时效无关）' }),
  collective: z.boolean().optional().openapi({
    description:
      '集体劳动人事争议（须三名仲裁员）：劳动者一方（劳动者申请时为申请人，用人单位申请时为被申请人）10名以上劳动者时自动为 true；不足10人的集体合同争议或工会申请由书记员设为 true 并写明 collectiveGround',
  }),
  collectiveGround: z
    .enum(['collective_contract', 'union_applicant'])
    .optional()
    .openapi({ description: 'collective_contract 因履行集体合同发生的争议；union_applicant 工会申请（Rules Arts. 62, 64）' }),
  applicants: z.array(PartyInput).min(1, '至少一名申请人').max(500),
  // As many as the applicants: an employer applying against its workers has them among the respondents (LDMAL Art. 7;
  // Rules Art. 62 count the workers' side wherever it is — legal52b H2).
  respondents: z.array(PartyInput).min(1, '至少一名被申请人').max(500),
  thirdParties: z.array(PartyInput).max(20).optional(),
  claims: z.array(ClaimInput).min(1, '至少一项仲裁请求').max(100),
  facts: z.string().trim().max(20000, '不能超过20000个字符').optional(),
  limitation: LimitationInput.optional(),
};

/** Track `review` (Rules Art. 74): the mediation agreement whose arbitral review the parties jointly apply for. */
export const ReviewAgreementInput = z
  .object({
    effectiveOn: IsoDate.openapi({ description: '调解协议生效之日（双方签字或盖章、调解员签名并加盖调解组织印章之日）' }),
    // fixD58 #4: the day the agreement was reached, which the 调解书 recites (达成调解协议之日), not its effective day.
    agreedOn: IsoDate.optional().openapi({
      description: '双方当事人达成调解协议之日（调解书据此写明；不晚于生效之日）；不填的，调解书不写达成之日，只写生效之日',
    }),
    organization: OrganizationName.openapi({ description: '达成协议的调解组织（不含身份证号码、电话号码）' }),
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
  .superRefine(checkLimitationDates)
  .openapi('CaseCreate');
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CasePatch = z
  .object(
    Object.fromEntries(Object.entries(caseFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof caseFields]: z.ZodOptional<(typeof caseFields)[K]>;
    },
  )
  .extend({
    // 重大集体劳动人事争议 (domain.md §8.2): the chair's marking, asked of the policy module (app/policy.ts
    // markMajorRefusal); only a collective case may be marked. Alone in a body it may be sent until the case closes.
    majorCollective: z.boolean().optional().openapi({
      description:
        '主任标记（或取消标记）重大集体劳动人事争议（仅集体争议案件；人数达到 MAJOR_COLLECTIVE_MIN_WORKERS 的集体争议不论标记均为重大）。仅含本字段时结案前均可修改',
    }),
  })
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: '至少修改一个字段' })
  // Without `receivedOn` in the body the stored receipt is not known here: checkRegistrationDates checks against it.
  .superRefine(checkLimitationDates)
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
    mustChangePassword: z.boolean().optional().openapi({
      description:
        '默认 true：密码是管理员设定的初始密码，用户首次登录后须先修改（修改前其他接口返回 403）；false：不要求修改（须明确指定，记入审计）',
    }),
  })
  .strict()
  .openapi('UserCreate');

// ── Responses ──
// Every response object is closed (`z.strictObject`): /openapi.json says exactly which fields the server sends, and the
// API suite checks every answer against it (tests/helpers/contract.ts). Dates carry `format: date`, instants
// `format: date-time`, money the decimal-yuan pattern.

/** A calendar day in a response (YYYY-MM-DD, China Standard Time). */
export const Day = z.string().openapi({ format: 'date', example: '2026-03-02' });
/** An instant in a response (ISO 8601 with offset). */
export const Instant = z.string().openapi({ format: 'date-time', example: '2026-03-02T01:30:00.000Z' });
/** Money in a response: decimal yuan, at most two decimals. */
export const Amount = z.string().openapi({ pattern: '^\\d+(\\.\\d{1,2})?$', example: '12000.00' });
const Id = z.number().int().openapi({ example: 1 });

export const User = z
  .strictObject({
    id: Id,
    username: z.string().openapi({ example: 'clerk.wang' }),
    role: z.enum(ROLE_CODES),
    displayName: z.string().openapi({ example: '王书记员' }),
    active: z.boolean(),
    mustChangePassword: z
      .boolean()
      .openapi({ description: '密码是管理员设定的（新建用户的初始密码或重置的临时密码）：修改密码前其他接口返回 403' }),
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
  .strictObject({
    type: z.string().openapi({ format: 'uri', example: 'https://zhongcai.dev/problems/rule-violation' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().openapi({
      description: '出错的请求地址：路径，不含查询字符串；其中身份证号码、手机号码形状的数字已脱敏',
      example: '/api/cases/7/events',
    }),
    errors: z
      .array(z.strictObject({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: '400：逐项列明无效字段（path 如 applicants.0.idNumber）' }),
    allowed: z.array(z.string()).optional().openapi({ description: '409：当前状态允许的事件' }),
    state: z.string().optional().openapi({ description: '409：案件当前状态' }),
    rule: z.string().optional().openapi({ description: '422：被违反的规则代码', example: 'hearing-notice-period' }),
    source: z.string().optional().openapi({ description: '422：法律依据，如 LDMAL Art. 43' }),
    currentVersion: z.number().int().optional().openapi({ description: '412：案件当前版本' }),
    latest: z
      .strictObject({
        type: z.string().openapi({ description: '事件代码', example: 'ACCEPT' }),
        label: z.string().openapi({ example: '受理' }),
        actorName: z.string().nullable(),
        recordedAt: z.string().openapi({ format: 'date-time' }),
      })
      .optional()
      .openapi({ description: '412：案件最近一次办理的事项（请求所依据的版本之后）——谁于何时办理了什么' }),
    retryAfterSeconds: z.number().int().optional().openapi({ description: '429、503：多少秒后重试（同 Retry-After）' }),
    fault: z.enum(['unavailable', 'busy', 'timeout', 'full', 'read_only']).optional().openapi({ description: '503：数据库故障类别' }),
    errorId: z.string().optional().openapi({ description: '500：日志中的错误编号' }),
    field: z.string().optional().openapi({
      description:
        '所针对的字段——422：文书缺少内容的字段；法定规则拒绝时涉及的字段（如开庭日期过近：hearingOn）；409：重复的值（如已被使用的用户名：username）；404：不存在的路径参数（如 id，不重复其值）',
    }),
    characters: z.array(z.string()).optional().openapi({ description: '422：字体缺少的字符' }),
    claimIds: z
      .array(z.number().int())
      .optional()
      .openapi({ description: '422 text-from-arbitrator（field 为 legalBasis）：须由仲裁员写明裁决依据的请求' }),
    missingYear: z.number().int().optional().openapi({ description: '422：缺少节假日数据的年份' }),
    answerPeriodPending: z.array(z.number().int()).optional().openapi({
      description:
        '422 hearing-before-answer-period：开庭日期在其答辩期内、既未答辩也未同意提前开庭的被申请人（当事人编号），即须在 answerPeriodWaived 中记录其同意的被申请人',
    }),
    clashes: z
      .array(
        z.strictObject({
          caseId: z.number().int(),
          caseNo: z.string().nullable(),
          place: z.string(),
          time: z.string().openapi({ description: '该案开庭时间（HH:MM）' }),
          sameRoom: z.boolean().openapi({ description: '同一仲裁庭室' }),
          sameTribunal: z.boolean().openapi({ description: '仲裁庭组成相同（可合并开庭）' }),
          arbitratorIds: z.array(z.number().int()).openapi({ description: '两案共有的仲裁员' }),
        }),
      )
      .optional()
      .openapi({ description: '422 hearing-clash：开庭时间相距不足 HEARING_SLOT_MINUTES、已占用该仲裁庭室或仲裁员的其他案件开庭' }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details（application/problem+json）' });

export const READ_LEVELS = ['full', 'masked', 'summary'] as const;
const ReadLevelField = z.enum(READ_LEVELS).openapi({
  description:
    'full：完整；masked：身份证号码脱敏，不含电话、住址、出生日期（非本人承办的仲裁员、调解员）；summary：只有案件摘要（统计分析人员）',
});

const Agent = z.strictObject({
  id: Id,
  name: z.string(),
  kind: z.enum(Object.keys(AGENT_KINDS) as [keyof typeof AGENT_KINDS]),
  unit: z.string().nullable(),
  phone: z.string().nullable().optional().openapi({ description: '仅 full' }),
  relationship: z.string().nullable(),
  powers: z.enum(['general', 'special']).nullable().openapi({
    description: '授权权限（立案登记或登记委托代理人时载明）：general 一般授权；special 特别授权；立案登记时未填的为 null',
  }),
  since: Day.nullable().openapi({ description: '仲裁委收到授权委托书之日（登记委托代理人时）；随立案登记的代理人为 null' }),
});
export const Party = z
  .strictObject({
    id: Id,
    side: z.enum(['applicant', 'respondent', 'third_party']),
    kind: z.enum(['person', 'organization']),
    name: z.string().openapi({ example: '张三' }),
    idNumber: z.string().nullable().optional().openapi({ description: 'masked 时脱敏（3715**********1234），summary 时不含' }),
    sex: z.enum(['male', 'female']).nullable().optional().openapi({ description: '由身份证号码推出；summary 时不含' }),
    birthDate: Day.nullable().optional().openapi({ description: '仅 full' }),
    ethnicity: z.string().nullable().optional(),
    phone: z.string().nullable().optional().openapi({ description: '仅 full' }),
    address: z.string().nullable().optional().openapi({ description: '仅 full' }),
    creditCode: z.string().nullable().optional(),
    legalRepresentative: z.string().nullable().optional(),
    legalRepresentativeTitle: z.string().nullable().optional(),
    ownership: z
      .enum(Object.keys(OWNERSHIP_TYPES) as [keyof typeof OWNERSHIP_TYPES])
      .nullable()
      .optional(),
    agents: z.array(Agent).optional().openapi({ description: 'summary 时不含' }),
  })
  .openapi('Party', {
    description: '当事人；字段多少取决于案件的 readLevel（summary 只有 id、side、kind、name，用人单位另有统计用的 ownership）',
  });
export const Claim = z
  .strictObject({
    id: Id,
    seq: z.number().int(),
    category: z.enum(CLAIM_CATEGORY_CODES),
    categoryLabel: z.string(),
    counterclaim: z.literal(true).optional().openapi({
      description: '被申请人反申请的请求（对申请人的请求，劳动人事争议仲裁办案规则第三十六条），与本请求一并裁决；申请人的请求无此项',
    }),
    amount: Amount.nullable().optional().openapi({ description: '非金钱请求为 null；summary 时不含' }),
    description: z.string().optional().openapi({ description: 'summary 时不含' }),
    applicantId: Id.optional().openapi({
      description: '该请求所属的申请人（当事人 id；反申请的请求为其所针对的申请人）；全体申请人共同的请求无此项',
    }),
    applicant: z
      .number()
      .int()
      .optional()
      .openapi({ description: '同 applicantId，以申请人序号表示（从1起），与 ClaimInput.applicant 同义' }),
    withdrawn: z
      .boolean()
      .optional()
      .openapi({ description: '已在变更仲裁请求时放弃（劳动人事争议仲裁办案规则第四十四条）；案件视图中总有此项' }),
  })
  .openapi('Claim');

/** LDMAL Art. 36: a party absent at the last hearing and the written notice of it proven served (null: none on record). */
const AbsentNotice = z
  .strictObject({
    partyId: Id,
    side: z.enum(['applicant', 'respondent']),
    servedOn: Day.nullable(),
    document: z.string().nullable(),
    method: z.string().nullable(),
  })
  .openapi('AbsentNotice', { description: '开庭缺席的当事人及已证明送达的书面开庭通知（null：无记录，文书不得称“经书面通知”）' });

const deadlineShape = {
  caseId: Id,
  kind: z.string().openapi({ example: 'award' }),
  label: z.string().openapi({ description: '期限名称；只涉及一方当事人的，写明其姓名或名称（其编号见 partyId），说明（explanation）亦同' }),
  startsOn: Day.nullable(),
  dueOn: Day.nullable().openapi({
    description:
      '到期日；需要尚未录入官方安排的年份时为按该年周末和法律规定日期的节日（元旦、春节、劳动节、国庆节）计算的暂定日期（provisional: true）；暂停计算时为假定今日恢复计算的到期日；尚未起算时为 null',
  }),
  unit: z.enum(['working', 'calendar']),
  days: z.number().int(),
  basis: z.string().openapi({ example: 'LDMAL Art. 43' }),
  status: z.enum(['open', 'met', 'met_late', 'overdue', 'elapsed', 'paused', 'unknown', 'ended', 'missed']).openapi({
    description:
      'open 进行中；met 已按期完成（如在答辩期内提交了答辩书、在起诉期间内起诉）；met_late 已完成但晚于到期日；overdue 已逾期；elapsed 已届满（不约束任何人的期间届满而未为该行为，如答辩期届满未答辩、起诉期间届满未起诉；或期满后当事人可以行使权利的期间，如调解组织收到调解申请之日起15日未达成协议、当事人可以申请仲裁，劳动争议调解仲裁法第十四条第三款；不是逾期）；paused 暂停计算（中止审理、公告送达期间）；unknown 无法计算；ended 未完成而案件已结案，不再计算；missed 到期日已过仍未完成、其后案件结案（逾期未完成，不再计算，也不再列为待办）',
  }),
  explanation: z.string(),
  assignee: z.enum(['clerk', 'tribunal', 'mediator', 'party']),
  partyId: Id.optional().openapi({ description: '当事人的期限（如答辩期）：哪一方' }),
  provisional: z.boolean().openapi({
    description:
      'true：到期日需要尚未录入国家法定节假日安排的年份，暂按该年周末和法律规定日期的节日（元旦、春节、劳动节、国庆节）计算；清明、端午、中秋、补休和调休以正式安排为准，可能使其推后（期间内有调休上班日时也可能提前）；录入该年安排后自动精确重算（api.md v1.1）',
  }),
};
export const Deadline = z.strictObject(deadlineShape).openapi('Deadline');
/** A deadline of the due list (GET /api/deadlines): the deadline and the case it belongs to. */
export const DueDeadline = z
  .strictObject({
    ...deadlineShape,
    caseNo: z.string().nullable(),
    track: z
      .enum(['arbitration', 'mediation', 'review'])
      .openapi({ description: '案件类别：仲裁、案前调解或仲裁审查（未编案号时据此称“仲裁申请#id”或“调解申请#id”）' }),
    stateLabel: z.string(),
    applicantNames: z.array(z.string()),
  })
  .openapi('DueDeadline');

const STATE_CODES = Object.keys(STATE_LABELS) as [string, ...string[]];
export const CaseState = z.enum(STATE_CODES).openapi('CaseState', {
  description: `案件状态代码（稳定的 snake_case）：${Object.entries(STATE_LABELS)
    .map(([k, v]) => `${k} ${v}`)
    .join('；')}`,
});

const caseSummaryShape = {
  id: Id,
  track: z.enum(['arbitration', 'mediation', 'review']),
  state: CaseState,
  stateLabel: z.string().openapi({ example: '已受理（待组庭）' }),
  caseNo: z.string().nullable().openapi({ example: '聊劳人仲案字〔2026〕第15号' }),
  receivedOn: Day,
  acceptedOn: Day.nullable().openapi({ description: '受理日期；仲裁审查案件为受理审查申请（ACCEPT_REVIEW）之日；未受理为 null' }),
  district: z.enum(DISTRICTS),
  procedure: z
    .enum(Object.keys(PROCEDURES) as [keyof typeof PROCEDURES])
    .nullable()
    .openapi({
      description:
        '处理程序：ordinary 普通程序，simple 简易处理；仲裁审查案件（track review，《办案规则》第七十四条至第七十九条）和仲裁前调解（track mediation）无此程序，为 null',
    }),
  collective: z.boolean(),
  wageArrears: z.boolean(),
  major: z.boolean().openapi({
    description: '重大集体劳动人事争议（主任标记，或劳动者人数达到 MAJOR_COLLECTIVE_MIN_WORKERS）；列表中排在最前',
  }),
  applicantNames: z.array(z.string()),
  respondentNames: z.array(z.string()),
  closure: z.strictObject({ mode: z.enum(CLOSURE_MODES), closedOn: Day }).nullable(),
  version: z.number().int().openapi({ description: '案件版本；写入时以 If-Match 带回', example: 3 }),
};
/** The 不字 / 审字 number of a case without a case number (reviewer docsfix L1). */
const DocumentNo = z.string().nullable().openapi({
  description:
    '无案号案件的文书编号：被不予受理的申请为不予受理通知书的“不字”号（《劳动争议调解仲裁法》第二十九条），仲裁审查案件为“审字”号（《办案规则》第七十四条至第七十九条）；有案号或尚未编号为 null',
  example: '聊劳人仲审字〔2026〕第1号',
});
export const CaseSummary = z
  .strictObject({
    ...caseSummaryShape,
    documentNo: DocumentNo,
    awardDueOn: Day.nullable().openapi({ description: '进行中的审理期限届满日（未受理、已结案为 null）' }),
    awardDueProvisional: z.boolean().openapi({ description: '该届满日为预计（超出已录入的官方节假日安排）' }),
  })
  .openapi('CaseSummary', { description: '案件列表中的一件案件' });

const Signature = z.strictObject({ partyId: Id, signedOn: Day });
const NonPublicGround = z.enum(['parties_agreed', 'state_secret', 'trade_secret', 'privacy']);
/** docs56 #1: each worker's share of a joint claim's sum, as the award records it (app/event-schemas.ts AwardItem). */
const AwardShares = z
  .array(z.strictObject({ partyId: Id, amount: Amount, final: z.boolean() }))
  .optional()
  .openapi({
    description:
      '多名劳动者共同请求的裁决金额中每名申请人分得的金额；final 按该申请人分得的金额判断（劳动争议调解仲裁法第四十七条第一项；最高人民法院劳动争议解释（一）第十九条）：终局的分得部分载入第N-1号终局裁决书，非终局的载入第N-2号非终局裁决书（办案规则第五十条），起诉、申请撤销的期间按各人分得部分计算；本项 final 仅在每份均终局时为 true；无此字段为未分配',
  });
const AwardRecordItem = z.strictObject({
  claimId: Id,
  category: z.enum(CLAIM_CATEGORY_CODES),
  outcome: z.enum(['granted', 'partly', 'dismissed']),
  amountFen: z.number().int().nullable().openapi({ description: '裁决金额（分）' }),
  amount: Amount.nullable(),
  final: z.boolean(),
  reason: z.string(),
  paymentDays: z.number().int().nullable().optional(),
  // legal55a #5 (app/event-schemas.ts AwardItem): absent on an item every respondent performs.
  obligorIds: z.array(Id).optional().openapi({ description: '履行本项裁决的被申请人（第一名为支付义务人）；无此字段为全体被申请人' }),
  jointLiability: z.boolean().optional().openapi({ description: '其余义务人对本项承担连带责任（劳动合同法第九十二条第二款）' }),
  equalShares: z.boolean().optional().openapi({ description: '义务人按份各自承担同等份额（民法典第五百一十七条第二款）' }),
  shares: AwardShares,
});
const MinimumWageUsed = z.strictObject({
  district: z.string(),
  monthly: Amount,
  effectiveFrom: Day,
  confirmed: z.boolean().optional().openapi({ description: '该标准是否已对照官方文件核实（较早的记录没有）' }),
  source: z.string().nullable().optional(),
});
const PartialAward = z
  .strictObject({
    items: z.array(AwardRecordItem),
    finality: z.enum(['final', 'non_final', 'mixed']),
    issuedOn: Day,
    minimumWage: MinimumWageUsed.nullable(),
    thresholdAmount: Amount.optional().openapi({ description: '终局裁决的金额界限：当地月最低工资标准的十二倍' }),
    defaultAward: z.boolean(),
    absentNotices: z.array(AbsentNotice).optional(),
    heldOn: Day.nullable().optional(),
    setAside: z.strictObject({ court: z.string(), decidedOn: Day, servedOn: Day.nullable() }).nullable().optional().openapi({
      description:
        '人民法院撤销该部分裁决（混合部分裁决：其终局部分）的裁定（《劳动争议调解仲裁法》第四十三条第二款、第四十九条）；null：未被撤销。被撤销的部分裁决不发生法律效力',
    }),
  })
  .openapi('PartialAward');

/**
 * The procedure record of a case (the statechart's context, workflows/procedure-types.ts `CaseContext`), as the case
 * view shows it: services, hearings, suspensions, mediation, awards in part, suits, transfers and the round-2 records.
 */
export const Proceedings = z
  .strictObject({
    supplement: z.strictObject({ requestedOn: Day, items: z.array(z.string()), completedOn: Day.nullable() }).nullable(),
    rejection: z
      .strictObject({
        reason: z.string(),
        decidedOn: Day,
        documentNo: z.string().nullable().openapi({
          description:
            '不予受理通知书的文号（如 聊劳人仲不字〔2026〕第3号，REJECTION_NO_PREFIX），随不予受理决定取号（LDMAL Art. 29; Rules Art. 30）；未取号（调解、审查案件，或取号前的记录）为 null',
        }),
      })
      .nullable(),
    representatives: z.array(Id).openapi({ description: '集体争议的代表（当事人编号）' }),
    services: z.array(
      z.strictObject({
        document: z.string(),
        partyId: Id,
        method: z.string(),
        servedOn: Day.openapi({ description: '送达日（公告送达为视为送达之日）' }),
        publishedOn: Day.optional().openapi({
          description: '公告送达：公告发出之日；留置送达、张贴送达：留置或张贴之日（servedOn 为视为送达之日）',
        }),
        confirmed: z.boolean().optional(),
        awardOn: Day.optional().openapi({ description: '裁决书：所送达的裁决的作出日期（部分裁决或最终裁决）' }),
      }),
    ),
    defenses: z.array(z.strictObject({ filedOn: Day, summary: z.string().nullable().optional() })),
    counterclaims: z.array(
      z.strictObject({
        filedOn: Day,
        mergedOn: Day.optional(),
        description: z.string(),
        claimIds: z.array(Id).optional().openapi({ description: '反申请的请求（claims 中 counterclaim 为 true 的各项）' }),
      }),
    ),
    hearing: z
      .strictObject({
        hearingOn: Day,
        place: z.string(),
        scheduledOn: Day,
        time: z.string().nullable().optional().openapi({ example: '09:30' }),
        public: z.boolean().optional(),
        nonPublicGround: NonPublicGround.nullable().optional(),
        answerPeriodWaived: z
          .array(
            z.strictObject({
              partyId: z.number().int(),
              note: z.string().optional(),
              on: Day.optional().openapi({
                description:
                  '记录放弃之日（该事件的 occurredOn）：只对当日已开始计算的答辩期有效，变更仲裁请求或追加当事人后重新计算的答辩期须再次记录（《劳动人事争议仲裁办案规则》第四十四条）',
              }),
            }),
          )
          .optional()
          .openapi({
            description: '同意在答辩期届满前开庭的被申请人（劳动争议调解仲裁法第三十条），每人一条（再次记录的以最后一次为准）',
          }),
      })
      .nullable(),
    postponements: z.array(
      z.strictObject({
        from: Day,
        to: Day,
        reason: z.string(),
        decidedOn: Day,
        requestedBy: z.enum(['party', 'tribunal']).optional(),
        requestedOn: Day.optional(),
      }),
    ),
    hearingsHeld: z.array(
      z.strictObject({
        heldOn: Day,
        applicantPresent: z.boolean(),
        respondentPresent: z.boolean(),
        applicantLeftEarly: z.boolean().optional(),
        respondentLeftEarly: z.boolean().optional(),
        thirdPartyPresent: z.boolean().optional(),
        absentParties: z
          .array(Id)
          .optional()
          .openapi({ description: '逐人记录的未到庭当事人（HOLD_HEARING absentParties；LDMAL Art. 36; SPC-1 Art. 19）' }),
        public: z.boolean().optional(),
        nonPublicGround: NonPublicGround.nullable().optional(),
      }),
    ),
    suspensions: z.array(
      z.strictObject({
        from: Day,
        to: Day.nullable(),
        reason: z.string(),
        // s63 A #1: optional — none recorded, or a suspension stored before it was kept.
        ground: z
          .enum(Object.keys(SUSPENSION_GROUNDS) as [SuspensionGround, ...SuspensionGround[]])
          .optional()
          .openapi({
            description:
              '（s63）中止审理的事由（SUSPEND ground，《劳动人事争议仲裁办案规则》第四十七条所列情形）；中止审理决定书据此引用该条的项。未记录事由或早先记录的中止审理没有此字段',
          }),
      }),
    ),
    extension: z.strictObject({ days: z.number().int(), approvedOn: Day }).nullable(),
    // Optional: a history entry recorded before s62 holds a view without it.
    earlierExtensions: z
      .array(z.strictObject({ days: z.number().int(), approvedOn: Day }))
      .optional()
      .openapi({
        description:
          '（s62）此前审理期限（已因追加当事人、变更仲裁请求等重新计算，《劳动人事争议仲裁办案规则》第四十六条）的延长，按批准日期排列；各有其决定书（matter extension，occurrence 按全部延长的批准先后计数，最后一项为 extension）',
      }),
    clockRestarts: z.array(z.strictObject({ on: Day, reason: z.string() })),
    mediation: z
      .strictObject({
        startedOn: Day,
        terms: z.string().nullable(),
        agreedOn: Day.nullable(),
        amount: Amount.nullable().optional(),
        performanceDueOn: Day.nullable().optional().openapi({
          description: '履行期限届满之日（调解书载明的履行期限最后一日；申请强制执行期间自此起算，民事诉讼法第二百五十条第二款）',
        }),
        obligorIds: z.array(Id).optional().openapi({
          description:
            '调解书确定履行给付义务的当事人（MEDIATION_AGREED obligorIds）；未记录的不出现（不推定为任何一方）。一方逾期不履行的，由另一方申请强制执行（LDMAL Art. 51）',
        }),
        signatures: z.array(Signature),
        refusedBy: Id.nullable(),
      })
      .nullable(),
    mediationHistory: z.array(z.strictObject({ startedOn: Day, endedOn: Day, outcome: z.enum(['failed', 'refused']) })),
    trackMediation: z
      .strictObject({
        terms: z.string().nullable(),
        agreedOn: Day.nullable(),
        failedOn: Day.nullable(),
        referredOn: Day.nullable(),
        amount: Amount.nullable().optional(),
        performanceDueOn: Day.nullable().optional().openapi({ description: '调解协议约定的履行期限届满之日（录入时）' }),
        obligorIds: z.array(Id).optional().openapi({
          description:
            '仲裁前调解协议书确定履行给付义务的当事人（MEDIATION_AGREED obligorIds）；未记录的不出现（不推定为任何一方）。调解协议书不能申请强制执行：一方不履行的，另一方可以申请仲裁（LDMAL Art. 15），就拖欠劳动报酬等事项达成的协议，劳动者可以申请支付令（Art. 16）',
        }),
        referral: z
          .strictObject({
            reason: z.enum(['failed', 'time_limit', 'non_performance', 'agreement_invalid', 'partial_agreement']).nullable(),
            ground: z.string().nullable(),
          })
          .optional()
          .openapi({
            description:
              '转入仲裁的原因（REFER_TO_ARBITRATION reason）及调解协议无效的理由或部分达成协议时未解决的事项（ground）；此前的记录没有',
          }),
      })
      .nullable(),
    advanceExecutions: z.array(
      z.strictObject({
        claimIds: z.array(Id),
        ruledOn: Day,
        appliedOn: Day.nullable().optional(),
        transferredOn: Day.nullable(),
        court: z.string().nullable(),
        rightsClear: z.boolean().nullable().optional(),
        lifeSeriouslyAffected: z.boolean().nullable().optional(),
        amounts: z
          .array(
            z.strictObject({
              claimId: Id,
              amount: Amount,
              shares: z
                .array(z.strictObject({ partyId: Id, amount: Amount }))
                .optional()
                .openapi({ description: '多名劳动者共同请求的先予执行金额中每名申请人先行受领的金额；无此字段为未分配' }),
            }),
          )
          .optional(),
        paymentDays: z.number().int().nullable().optional(),
        obligorIds: z
          .array(Id)
          .optional()
          .openapi({ description: '裁决先予执行支付的被申请人（按顺序）；无此字段为全体被申请人（劳动争议调解仲裁法第四十四条）' }),
        jointLiability: z.boolean().optional().openapi({ description: '其余支付义务人对第一名的先行支付义务承担连带责任' }),
        equalShares: z.boolean().optional().openapi({ description: '支付义务人按份各自承担同等份额（民法典第五百一十七条第二款）' }),
        payerIds: z.array(Id).optional().openapi({
          description:
            '裁决先予执行时确定的支付义务人（指定的被申请人，未指定的为裁决时本案的全体被申请人；其后追加的被申请人不在其中）；反申请请求的先予执行及此前的记录没有',
        }),
      }),
    ),
    partialAwards: z.array(PartialAward),
    lawsuits: z.array(
      z.strictObject({
        partyId: Id,
        court: z.string(),
        filedOn: Day,
        courtAccepted: z.literal(true).optional().openapi({
          description: '起诉期间届满后的起诉，登记时注明人民法院已立案受理（民事诉讼法第八十六条；RECORD_LAWSUIT courtAccepted）',
        }),
        decided: z
          .strictObject({
            outcome: z.enum(['judgment', 'withdrawal_permitted', 'dismissed_out_of_time', 'dismissed_no_effect']),
            decidedOn: Day,
          })
          .nullable()
          .openapi({ description: '人民法院对该起诉的处理结果（每件起诉分别登记；null 为尚待结果）' }),
      }),
    ),
    setAside: z
      .strictObject({
        court: z.string(),
        filedOn: Day,
        result: z.enum(['rejected', 'set_aside', 'withdrawn', 'terminated']).nullable().openapi({
          description:
            'terminated：劳动者就终局裁决起诉，中级人民法院不再审查撤销申请（最高人民法院劳动争议解释（一）第二十一条），见 note',
        }),
        note: z.string().optional().openapi({ description: '撤销申请因劳动者起诉而终结时的说明' }),
        decidedOn: Day.nullable(),
        servedOn: Day.nullable().optional(),
        courtWarning: z.string().optional().openapi({
          description: '登记的法院不是仲裁委员会所在地的中级人民法院（INTERMEDIATE_COURT；劳动争议调解仲裁法第四十九条）时的提示；照常登记',
        }),
        lawsuits: z
          .array(z.strictObject({ partyId: Id, court: z.string(), filedOn: Day }))
          .optional()
          .openapi({
            description:
              '部分终局裁决的终局部分被撤销后，当事人就该事项向人民法院起诉（劳动争议调解仲裁法第四十九条第三款），在非终局部分已生效或执行时登记；不影响非终局部分的效力和执行',
          }),
      })
      .nullable(),
    effectiveOn: Day.nullable().openapi({
      description:
        '裁决发生法律效力之日；裁决被人民法院裁定撤销后为 null（劳动争议调解仲裁法第四十九条）——部分终局裁决仅终局部分被撤销时，为非终局部分的生效之日',
    }),
    effectiveFor: z
      .array(z.strictObject({ partyId: Id, effectiveOn: Day }))
      .openapi({ description: '多名劳动者时，未起诉的劳动者：裁决对其发生法律效力之日（SPC-1 Art. 17）' }),
    transfers: z.array(
      z.strictObject({ purpose: z.enum(['enforcement', 'advance_execution', 'litigation']), court: z.string(), transferredOn: Day }),
    ),
    recusals: z.array(
      z.strictObject({
        arbitratorId: Id,
        replacementId: Id,
        decidedOn: Day,
        reason: z.string(),
        hearingsBefore: z
          .number()
          .int()
          .optional()
          .openapi({ description: '更换时已开庭次数（最后一次开庭后更换的，裁决须重新开庭或写明不重新开庭的决定）' }),
      }),
    ),
    archivedOn: Day.nullable(),
    claimChanges: z.array(
      z.strictObject({
        on: Day,
        added: z.array(Id),
        changed: z.array(
          z.strictObject({
            claimId: Id,
            before: z.strictObject({ category: z.string(), amount: Amount.nullable(), description: z.string() }),
          }),
        ),
        withdrawn: z.array(Id),
        by: z.literal('respondent').optional().openapi({ description: '被申请人放弃其反申请请求（Rules Art. 36）；缺省为申请人的变更' }),
        respondentWaivesDefense: z.boolean(),
        consentsBefore: z.number().int(),
      }),
    ),
    conversion: z
      .strictObject({ on: Day, reason: z.string().nullable() })
      .nullable()
      .openapi({ description: '简易处理转为普通程序（劳动人事争议仲裁办案规则第六十一条）：决定之日及理由；未转换为 null' }),
    partyAdditions: z.array(
      z.strictObject({
        on: Day,
        partyId: Id,
        side: z.enum(['respondent', 'third_party']),
        ground: z.string(),
        hearingsBefore: z
          .number()
          .int()
          .optional()
          .openapi({ description: '追加时已开庭次数（其后开庭的，其管辖异议逾期，劳动人事争议仲裁办案规则第十条）' }),
      }),
    ),
    deemedWithdrawals: z
      .array(
        z.strictObject({
          partyId: Id,
          on: Day,
          claimIds: z.array(Id),
          absentNotice: z.union([AbsentNotice, z.null()]),
          reason: z.string().optional(),
        }),
      )
      .openapi({
        description:
          '仅对一名申请人按撤回仲裁申请处理（DEEM_WITHDRAWN partyId；LDMAL Art. 36; Rules Art. 39; SPC-1 Art. 19）：其请求视为撤回，再次申请的不予受理；案件对其他申请人继续',
      }),
    referral: z.strictObject({ on: Day, competentCommission: z.string(), reason: z.string() }).nullable(),
    transferIn: z
      .strictObject({
        on: Day,
        fromCommission: z.string(),
        fromCaseNo: z.string().nullable(),
        firstReceivedOn: Day.nullable().openapi({
          description: '原仲裁委员会收到仲裁申请之日（未记录为 null；仲裁时效中断，Rules Art. 27）',
        }),
      })
      .nullable(),
    jurisdictionObjections: z.array(
      z.strictObject({
        on: Day,
        partyId: Id,
        grounds: z.string(),
        timely: z.boolean(),
        decision: z
          .strictObject({
            on: Day,
            result: z.enum(['upheld', 'rejected', 'transferred']).openapi({
              description:
                '异议成立、驳回异议，或案件移送时尚未决定、随移送处理完毕（transferred，《劳动人事争议仲裁办案规则》第九条、第十条）',
            }),
            reason: z.string(),
          })
          .nullable(),
      }),
    ),
    transferOut: z
      .strictObject({
        on: Day,
        toCommission: z.string(),
        reason: z.string(),
        onObjection: z.boolean(),
        designation: z
          .strictObject({ department: z.string(), documentNo: z.string().optional(), decidedOn: Day })
          .optional()
          .openapi({ description: '受移送的案件再移送：上一级主管部门的指定管辖（《劳动人事争议仲裁办案规则》第九条）' }),
      })
      .nullable(),
    recusalApplications: z.array(
      z.strictObject({
        on: Day,
        partyId: Id.nullable(),
        target: z.strictObject({
          kind: z.enum(['arbitrator', 'recorder']),
          userId: Id.nullable(),
          name: z.string().nullable(),
          commissionChair: z.boolean(),
        }),
        ground: z.string(),
        reason: z.string(),
        afterDebate: z.boolean(),
        decision: z
          .strictObject({
            on: Day,
            result: z.enum(['granted', 'rejected']),
            decidedBy: z.enum(['chair', 'institute_head', 'commission']),
            replacementId: Id.nullable(),
            replacementName: z.string().nullable(),
            reason: z.string().nullable(),
            form: z.enum(['written', 'oral']).optional().openapi({ description: '书面决定（可出具回避决定书）或口头决定' }),
            hearingsBefore: z
              .number()
              .int()
              .optional()
              .openapi({ description: '更换时已开庭次数（最后一次开庭后更换的，裁决须重新开庭或写明不重新开庭的决定）' }),
          })
          .nullable(),
      }),
    ),
    evidence: z
      .strictObject({
        setOn: Day,
        until: Day,
        extensions: z.array(z.strictObject({ on: Day, partyId: Id, until: Day, reason: z.string() })),
        late: z.array(
          z.strictObject({
            on: Day,
            partyId: Id,
            description: z.string(),
            reasonAccepted: z.boolean(),
            decision: z.enum(['admitted', 'admitted_with_reprimand', 'excluded']),
          }),
        ),
      })
      .nullable(),
    consents: z.array(
      z.strictObject({
        on: Day,
        matter: z.enum(['change_claims', 'withdraw', 'admit_claims', 'settle']),
        partyIds: z.array(Id),
        note: z.string().nullable(),
      }),
    ),
    review: z
      .strictObject({
        agreement: z.strictObject({ effectiveOn: Day, agreedOn: Day.optional(), organization: z.string(), terms: z.string().nullable() }),
        acceptedOn: Day.nullable(),
        rejection: z.strictObject({ on: Day, ground: z.string(), reason: z.string() }).nullable(),
        extension: z.strictObject({ on: Day, days: z.number().int() }).nullable(),
        confirmation: z
          .strictObject({
            on: Day,
            terms: z.string(),
            performanceDueOn: Day.nullable().optional().openapi({
              description: '履行期限届满之日（调解书载明的履行期限最后一日；申请强制执行期间自此起算，民事诉讼法第二百五十条第二款）',
            }),
            signatures: z.array(Signature),
          })
          .nullable(),
        refusal: z.strictObject({ on: Day, ground: z.string(), reason: z.string() }).nullable(),
        referredOn: Day.nullable(),
      })
      .nullable(),
    enforcement: z.array(
      z.strictObject({
        on: Day,
        partyId: Id,
        court: z.string(),
        filedOn: Day,
        outcome: z
          .strictObject({
            result: z.enum(['enforced', 'partly_enforced', 'terminated', 'refused', 'withdrawn', 'settled']),
            decidedOn: Day,
            receivedOn: Day.nullable(),
            note: z.string().nullable(),
          })
          .nullable(),
        partialAward: z.number().int().optional().openapi({
          description: '申请执行的是第几件部分裁决（劳动争议调解仲裁法第四十三条第二款、第四十七条、第五十一条）；不填为本案裁决',
        }),
      }),
    ),
    agents: z
      .array(
        z.strictObject({
          agentId: Id,
          partyId: Id,
          name: z.string().nullable(),
          kind: z.string().nullable(),
          powers: z.enum(['general', 'special']).nullable().openapi({ description: 'general 一般授权；special 特别授权' }),
          appointedOn: Day.nullable().openapi({ description: '收到授权委托书之日（受理前登记的代理人为 null）' }),
          revokedOn: Day.nullable().openapi({ description: '收到解除委托的书面告知之日；null 为仍在代理' }),
        }),
      )
      .openapi({
        description:
          '受理后登记委托、解除委托的代理人（APPOINT_AGENT / REVOKE_AGENT；劳动争议调解仲裁法第二十四条）：谁代理哪一方、权限、起止之日；不含联系电话',
      }),
    partialAwardRemedies: z
      .array(
        z.strictObject({
          partialAward: z.number().int().openapi({ description: '第几件部分裁决（按作出顺序，1 为第一件）' }),
          kind: z.enum(['lawsuit', 'set_aside']).openapi({ description: 'lawsuit 当事人起诉；set_aside 用人单位申请撤销（终局部分裁决）' }),
          partyId: Id.nullable(),
          court: z.string(),
          filedOn: Day,
          result: z.enum(['rejected', 'set_aside', 'withdrawn', 'terminated']).nullable(),
          decidedOn: Day.nullable(),
          servedOn: Day.nullable().optional(),
          note: z.string().optional(),
          courtWarning: z.string().optional(),
        }),
      )
      .openapi({
        description:
          '针对部分裁决的起诉、申请撤销及其结果（劳动争议调解仲裁法第四十三条第二款、第四十八条至第五十条；办案规则第四十九条）；不影响本案程序和审理期限',
      }),
  })
  .openapi('Proceedings', { description: '程序记录：送达、开庭、中止、延期、调解、部分裁决、起诉、移送及第二轮程序（summary 时不含）' });

const LimitationStatus = z.enum(['within', 'expired', 'exempt']);

const caseShape = {
  ...caseSummaryShape,
  documentNo: DocumentNo.optional().openapi({
    description: '无案号案件的“不字”号或“审字”号（同案件列表）；案件视图及写入的应答均给出（此前保存的幂等应答可能不含）',
  }),
  readLevel: ReadLevelField,
  collectiveGround: z
    .enum(['collective_contract', 'union_applicant'])
    .nullable()
    .openapi({ description: '书记员设定集体争议的依据（不足10名劳动者时）；null：按人数判断' }),
  channel: z.enum(Object.keys(CHANNELS) as [keyof typeof CHANNELS]),
  postmarkOn: Day.nullable(),
  majorMarked: z.boolean().openapi({ description: '主任已标记为重大集体劳动人事争议' }),
  majorNote: z.string().nullable().openapi({ description: '重大集体劳动人事争议的处理提示（非重大为 null）' }),
  facts: z.string().nullable().optional().openapi({ description: 'summary 时不含' }),
  applicants: z.array(Party),
  respondents: z.array(Party),
  thirdParties: z.array(Party),
  claims: z.array(Claim),
  linkedCaseId: Id.nullable().openapi({ description: '案前调解转入仲裁后相互关联的案件' }),
  // void44: only in the answer to POST /api/cases/{id}/events (and …/date-corrections), and only when there is something to say.
  warnings: z.array(z.string()).optional().openapi({
    description:
      '仅见于程序事件（POST /api/cases/{id}/events）与更正日期（POST /api/cases/{id}/date-corrections）的回答：记录时的提示（不是拒绝），如开庭日期或裁决日期在被申请人答辩期内（劳动争议调解仲裁法第三十条）；无提示时省略',
  }),
  createdAt: Instant,
  updatedAt: Instant,
  closure: z
    .strictObject({
      mode: z.enum(CLOSURE_MODES),
      closedOn: Day,
      reason: z.string().optional(),
      absentNotices: z.array(AbsentNotice).optional().openapi({ description: '按撤回处理：未到庭申请人及书面通知送达记录' }),
      counterclaimWithdrawn: z.literal(true).optional().openapi({ description: '撤回或按撤回处理：被申请人一并撤回反申请' }),
      ground: z.literal('other').optional().openapi({ description: '终止审理：非因人民法院受理逾期裁决之诉（Rules Art. 48）的其他事由' }),
      basis: z.string().optional().openapi({ description: '终止审理（other）：决定书引用的终止审理依据（TERMINATE basis）' }),
      duplicateOf: Id.optional().openapi({ description: '作废误登记（voided）：本登记所重复的案件' }),
    })
    .nullable(),
  award: z
    .strictObject({
      finality: z.enum(['final', 'non_final', 'mixed']),
      issuedOn: Day,
      minimumWage: MinimumWageUsed.nullable().optional().openapi({ description: '判断终局所依据的月最低工资标准；summary 时不含' }),
      defaultAward: z.boolean().openapi({ description: '缺席裁决：最后一次开庭时被申请人未到庭' }),
      setAside: z
        .strictObject({
          court: z.string(),
          decidedOn: Day.nullable(),
          whole: z.boolean().openapi({ description: 'true：裁决全部被撤销；false：混合裁决仅终局部分被撤销，非终局部分不受影响' }),
        })
        .nullable()
        .optional()
        .openapi({ description: '裁决（或混合裁决的终局部分）已被中级人民法院裁定撤销（LDMAL Art. 49）；各阅读级别均含' }),
      absentNotices: z.array(AbsentNotice).optional().openapi({ description: 'summary 时不含' }),
      items: z
        .array(
          z.strictObject({
            claimId: Id,
            outcome: z.enum(['granted', 'partly', 'dismissed']),
            amount: Amount.nullable(),
            final: z.boolean(),
            reason: z.string(),
            obligorIds: z
              .array(Id)
              .optional()
              .openapi({ description: '履行本项裁决的被申请人（第一名为支付义务人）；无此字段为全体被申请人' }),
            jointLiability: z.boolean().optional().openapi({ description: '其余义务人对本项承担连带责任（劳动合同法第九十二条第二款）' }),
            equalShares: z.boolean().optional().openapi({ description: '义务人按份各自承担同等份额（民法典第五百一十七条第二款）' }),
            shares: AwardShares,
          }),
        )
        .optional()
        .openapi({ description: 'summary 时不含' }),
    })
    .nullable(),
  tribunal: z
    .strictObject({
      formedOn: Day,
      kind: z.enum(['sole', 'panel']),
      presidingId: Id,
      arbitrators: z.array(z.strictObject({ id: Id, displayName: z.string(), presiding: z.boolean() })),
    })
    .nullable(),
  mediators: z.array(z.strictObject({ id: Id, displayName: z.string() })).openapi({ description: '指派的调解员（ASSIGN_MEDIATOR）' }),
  proceedings: Proceedings.optional(),
  servable: z.array(z.enum(SERVICE_DOCUMENTS)).optional().openapi({
    description: 'SERVE 现在可以送达的文书：本案记录中已作出的文书，及记录无从判断的文书（决定书、其他文书）；其余文书送达时 400',
  }),
  remedyParties: z
    .strictObject({
      lawsuit: z.array(Id).openapi({
        description:
          'RECORD_LAWSUIT 可以登记起诉的当事人：对裁决（或某件部分裁决）不服可以起诉的；不含裁决对其没有裁决事项的劳动者（含其仲裁申请已按撤回处理的，办案规则第三十九条）、对终局裁决的第三人和用人单位（劳动争议调解仲裁法第四十七条至第四十九条）、起诉尚未结案的当事人',
      }),
      enforcement: z.array(Id).openapi({ description: 'APPLY_ENFORCEMENT 可以申请强制执行的当事人（劳动争议调解仲裁法第五十一条）' }),
    })
    .nullable()
    .optional()
    .openapi({ description: '按现有记录可以起诉、申请强制执行的当事人（服务器按同一规则判断；表单只列出这些当事人）；尚无裁决时为 null' }),
  deadlines: z.array(Deadline),
  // A flat object (not `LimitationInput.extend`): zod-to-openapi renders an extension of a registered schema as allOf of
  // two closed objects, which no answer can satisfy, and drops `null`.
  limitation: z
    .strictObject({
      knewOn: Day.openapi({ description: '知道或者应当知道其权利被侵害之日' }),
      employmentStatus: z.enum(['ongoing', 'ended']).optional(),
      employmentEndedOn: Day.optional(),
      interruptions: z.array(z.strictObject({ on: Day, kind: z.string() })).optional(),
      suspensions: z.array(z.strictObject({ from: Day, to: Day })).optional(),
      status: LimitationStatus,
      expiresOn: Day.nullable(),
      filedOn: Day.openapi({ description: '申请日：记录了邮戳日期的按邮戳日期（CPL Art. 85(4)），否则为收件日期' }),
      claims: z.array(z.strictObject({ claimId: Id, status: LimitationStatus, expiresOn: Day.nullable() })),
      reasoning: z.string(),
    })
    .nullable()
    .optional()
    .openapi({ description: '仲裁时效提示（LDMAL Art. 27），只作提示；未登记时效事实为 null（summary 时不含）' }),
};
export const Case = z.strictObject(caseShape).openapi('Case');

const EventActor = z.strictObject({ id: Id.nullable(), role: z.string().nullable(), name: z.string().nullable() });
export const CaseEvent = z
  .strictObject({
    id: Id,
    seq: z.number().int(),
    type: z.string().openapi({ description: '程序事件类型，或登记（REGISTER）、修改登记、生成文书等记账事件' }),
    label: z.string(),
    occurredOn: Day,
    recordedAt: Instant,
    actor: EventActor,
    // Records as they were made (machine versions change payloads): an open map, documented as such.
    payload: z.record(z.string(), z.any()).openapi({
      additionalProperties: true,
      description:
        '事件所记录的字段，按记录时的样子保存（当前各事件的字段见 ProcedureEvent）；身份证号码一律脱敏；masked 时不含电话、住址；summary（统计分析人员）时为空对象',
    }),
    record: z.string().nullable().openapi({
      description:
        '办理记录中该事项的文字，由服务器写成（目前为缩短或者取消答辩期：如“经被申请人同意，答辩期缩短为5个工作日”“经被申请人同意，取消答辩期”，劳动人事争议仲裁办案规则第五十八条）；其他事项为 null；summary 时为 null',
    }),
    // Not `CaseState.nullable()`: zod-to-openapi renders that as allOf [CaseState, string|null], which null never satisfies.
    stateBefore: z.union([CaseState, z.null()]).openapi({ description: '登记（REGISTER）为 null' }),
    stateAfter: CaseState,
    before: z.record(z.string(), z.any()).nullable().openapi({
      additionalProperties: true,
      description: '这次写入改变的案件顶层字段的原值（登记为 null 或空对象；按记录时的样子保存）；summary 时为 null',
    }),
    after: z.record(z.string(), z.any()).nullable().openapi({ additionalProperties: true, description: '改变后的值（同 before）' }),
  })
  .openapi('CaseEvent');

/** The one list envelope of every top-level list (api.md "Lists"). */
export const listOf = (item: z.ZodType, name: string, extra: z.ZodRawShape = {}) =>
  z
    .strictObject({
      ...extra,
      items: z.array(item),
      total: z.number().int().openapi({ description: '符合条件的总数' }),
      page: z.number().int().openapi({ description: '页码（从1开始）' }),
      pageSize: z.number().int().openapi({ description: '每页条数（1–200，缺省50）' }),
    })
    .openapi(name);

/** A rate of the statistics (db/reports/fraction.ts Fraction): two counts and their quotient. */
export const FractionSchema = z.strictObject({
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable().openapi({ description: '分母为0时为 null' }),
});

/**
 * A whole number in a query string, in plain decimal digits only: `0x10`, `1e3`, `+5`, `1.0`, ` 7` are refused (read as
 * numbers they were 16, 1000 …), and a parameter given twice (`pageSize=1&pageSize=2`) is told so — not "NaN". The
 * messages name the parameter; `range` is the message for a number outside min–max.
 */
export const queryInt = (name: string, min: number, max: number | undefined, range: string) =>
  z
    .string({
      error: (iss) => (Array.isArray(iss.input) ? `${name} 只能指定一次` : iss.input === undefined ? `缺少 ${name}` : `${name} 应为整数`),
    })
    .regex(/^\d+$/, `${name} 应为十进制整数（只含数字 0–9）`)
    // Any number of digits reads as a number; one too large is told by its range (s45 INFO-1: `page=1000000000` was
    // told it held other than digits).
    .transform(Number)
    .refine((n) => n >= min && (max === undefined || n <= max), range)
    .openapi({ type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }) });

/** The highest page number asked for (1,000,000 pages of 200 — beyond any list here). */
export const MAX_PAGE = 1_000_000;
export const Pagination = z.object({
  page: queryInt('page', 1, MAX_PAGE, `page 为 1–${MAX_PAGE}`).default(1).openapi({ default: 1 }),
  pageSize: queryInt('pageSize', 1, 200, 'pageSize 为 1–200').default(50).openapi({ default: 50 }),
});

export const CaseListQuery = Pagination.extend({
  state: z.string().max(40).optional(),
  track: z.enum(['arbitration', 'mediation', 'review']).optional(),
  district: District.optional(),
  procedure: z.enum(['ordinary', 'simple']).optional(),
  collective: z.enum(['true', 'false']).optional(),
  wageArrears: z.enum(['true', 'false']).optional(),
  major: z.enum(['true', 'false']).optional().openapi({ description: '仅重大集体劳动人事争议（true）或排除之（false）' }),
  q: z.string().trim().max(100).optional(),
  arbitratorId: QueryId.optional(),
  mediatorId: QueryId.optional().openapi({
    description: '指派给该调解员的案件（各程序；加 track=arbitration 为仲裁中的调解，《劳动人事争议仲裁办案规则》第七十一条）',
  }),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z
    .enum(['awardDue', 'receivedOn', 'state', 'caseNo'])
    .optional()
    .openapi({ description: '排序列；缺省为重大集体争议、欠薪、集体争议优先，再按收件日期新在前' }),
  order: z.enum(['asc', 'desc']).optional(),
}).strict();

/**
 * A dismissed claim is awarded nothing: an amount on it would be counted as awarded money in every figure after. The
 * award's items (app/event-schemas.ts AwardItem, which the preview takes too: legal55a #4) refuse it.
 */
export function noAmountOnDismissed(it: { outcome: string; amount?: string }, ctx: z.RefinementCtx): void {
  if (it.outcome === 'dismissed' && it.amount !== undefined)
    ctx.addIssue({ code: 'custom', path: ['amount'], message: '驳回的请求不能有裁决金额' });
}

/**
 * legal59a #5: nor a term to pay (`paymentDays`): a dismissed claim orders nobody to do anything, and a term on it would
 * be kept as if something were due (400 naming the field, as `amount`, `obligorIds`, `jointLiability` and `shares` on a
 * dismissed item are). `legalBasis` and `calculation` stay allowed: the basis of a dismissal is cited, and a calculation
 * the form kept is only help.
 */
export function noPaymentTermOnDismissed(it: { outcome: string; paymentDays?: number }, ctx: z.RefinementCtx): void {
  if (it.outcome === 'dismissed' && it.paymentDays !== undefined)
    ctx.addIssue({ code: 'custom', path: ['paymentDays'], message: '驳回的请求没有履行义务，不能有履行期限（paymentDays）' });
}

export const AwardPreviewResult = z
  .strictObject({
    finality: z.enum(['final', 'non_final', 'mixed']),
    thresholdAmount: Amount,
    minimumWage: z.strictObject({ monthly: Amount, effectiveFrom: Day, confirmed: z.boolean() }),
    warnings: z.array(z.string()).optional().openapi({
      description:
        '仅在有提示时出现：已裁决先予执行的请求被驳回或裁决金额少于先予执行的金额（劳动争议调解仲裁法第四十四条），与作出裁决时的 warnings 相同',
    }),
    items: z.array(
      z.strictObject({
        claimId: Id,
        final: z.boolean(),
        reason: z.string(),
        legalBasis: z
          .array(z.string())
          .openapi({ description: '建议的裁决依据（仲裁员可采纳或修改，作出裁决时以 items[].legalBasis 提交）' }),
        shares: AwardShares.openapi({
          description:
            '共同请求的裁决金额中每名申请人分得的金额及其是否终局（按各自分得的金额判断；终局与非终局的分得部分分别载入第N-1号、第N-2号裁决书）',
        }),
        payerShares: z
          .array(z.strictObject({ partyId: Id, amount: Amount }))
          .optional()
          .openapi({
            description:
              '两名以上被申请人按份各自承担同等份额（equalShares，或未指定履行义务人也未选择连带责任）时，每名被申请人承担的金额（按顺序；以分为单位平均分担，不足一分的尾差由第一名承担，合计等于本项裁决金额；民法典第五百一十七条第二款）；连带责任、一名义务人或未裁决金额的项没有',
          }),
        advanceExecution: z
          .strictObject({
            amount: Amount.nullable(),
            rulings: z.array(Day),
            remaining: Amount.nullable(),
            message: z.string(),
          })
          .optional()
          .openapi({
            description:
              '该请求已裁决先予执行的金额（劳动争议调解仲裁法第四十四条）：裁决书写明本项裁决金额和已裁决先行支付的金额，并写明已先予执行的部分在执行时予以扣减（message 引用裁决书的措辞；先予执行裁决不等于已经支付）；remaining 为本项裁决金额超出已裁决先行支付金额的部分（不超出时为 0.00，驳回时为 null），仅供填写参考，裁决书不写此数；先予执行裁决未记录本项金额时 amount 为 null，请在裁决理由中写明已先予执行部分',
          }),
      }),
    ),
  })
  .openapi('AwardPreviewResult');

/** Round 2: warnings of an earlier case between the same parties with a claim of the same kind (Rules Arts. 34, 39). */
export const DuplicateWarning = z
  .strictObject({
    code: z.enum(['pending', 'not_accepted', 'decided', 'in_court', 'deemed_withdrawn', 'transferred', 'withdrawn', 'other_closure']),
    caseId: Id,
    caseNo: z.string().nullable(),
    state: CaseState,
    stateLabel: z.string(),
    closureMode: z.enum(CLOSURE_MODES).nullable(),
    bars: z.boolean().openapi({ description: '该案依法阻止就同一争议再次申请（仅提示，是否受理由立案人员决定）' }),
    sameClaims: z.boolean(),
    commonCategories: z.array(z.enum(CLAIM_CATEGORY_CODES)),
    source: z.string().openapi({ example: 'Rules Art. 34' }),
    message: z.string(),
  })
  .openapi('DuplicateWarning');

export const RegisteredCase = z
  .strictObject({
    ...caseShape,
    warnings: z.array(DuplicateWarning).openapi({ description: '重复申请提示（一事不再理、按撤回处理后再申请）；不影响登记' }),
    // sec51 M1 (workflows/received-plausibility.ts): only when there is something to say.
    dateWarnings: z
      .array(z.string())
      .optional()
      .openapi({ description: '日期提示：收件日期早于今天超过 RECEIVED_ON_STALE_DAYS 日（多为年份填错；LDMAL Arts. 27, 29）；不影响登记' }),
    // fixA53 (workflows/agent-checks.ts): only when there is something to say.
    partyWarnings: z.array(z.string()).optional().openapi({
      description:
        '当事人与代理人提示：同名者代理双方或为对方当事人、法定代表人（律师法第三十九条）；近亲属未填关系、律师未填律师事务所；用人单位一方登记法律援助代理人；双方均为自然人且未标明用人单位（LDMAL Art. 22）；多名劳动者申请时未指明申请人的金额请求（按全体申请人共同的请求裁决、按合计数额判断终局，LDMAL Art. 47(1)）；不影响登记',
    }),
    claimWarnings: z.array(z.string()).optional().openapi({
      description:
        '仲裁请求提示（s60）：多名劳动者申请时未指明申请人的金额请求（LDMAL Art. 47(1)）；partyWarnings 中同样列出（兼容），供另列「仲裁请求请核对」；仅在有提示时出现；不影响登记',
    }),
  })
  .openapi('RegisteredCase');

/** PATCH /api/cases/{id}: the case as corrected, with the parties' and agents' warnings when the parties were sent. */
export const UpdatedCase = z
  .strictObject({
    ...caseShape,
    partyWarnings: z.array(z.string()).optional().openapi({
      description:
        '当事人与代理人提示（仅在请求修改当事人、仲裁请求或集体争议依据时，且有提示时出现；内容同登记时的 partyWarnings）；不影响修改',
    }),
    claimWarnings: z.array(z.string()).optional().openapi({
      description: '仲裁请求提示（内容同登记时的 claimWarnings，为 partyWarnings 中关于仲裁请求的部分）；仅在有提示时出现；不影响修改',
    }),
  })
  .openapi('UpdatedCase');
