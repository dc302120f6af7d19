/**
 * Reference vocabulary shared by the API, the machine and the documents. User-facing Chinese words live here.
 */

/** Liaocheng's county-level areas and development zones (the commission's districts). */
export const DISTRICTS = [
  '东昌府区',
  '茌平区',
  '临清市',
  '阳谷县',
  '莘县',
  '东阿县',
  '冠县',
  '高唐县',
  '聊城经济技术开发区',
  '聊城高新技术产业开发区',
  '江北水城旅游度假区',
] as const;

/** Claim categories (api.md; LDMAL Art. 2 and Art. 47). */
export const CLAIM_CATEGORIES = {
  wages: '劳动报酬',
  work_injury_medical: '工伤医疗费',
  economic_compensation: '经济补偿',
  damages: '赔偿金',
  labor_standards: '工作时间、休息休假、社会保险等国家劳动标准',
  social_insurance: '社会保险',
  confirm_relationship: '确认劳动关系',
  contract: '订立、履行、变更、解除、终止劳动合同',
  other: '其他',
  // The yearbook's dispute causes that no category above carried (domain.md §13.1); all non-final (LDMAL Art. 50).
  labor_protection: '劳动保护',
  training: '职业培训',
  contract_change: '变更劳动合同',
} as const;
export type ClaimCategory = keyof typeof CLAIM_CATEGORIES;
export const CLAIM_CATEGORY_CODES = Object.keys(CLAIM_CATEGORIES) as [ClaimCategory, ...ClaimCategory[]];

export const CHANNELS = { counter: '窗口递交', post: '邮寄', online: '网上申请', oral: '口头申请' } as const;
export type Channel = keyof typeof CHANNELS;

export const PROCEDURES = { ordinary: '普通程序', simple: '简易处理' } as const;

export const ROLES = {
  admin: '系统管理员',
  clerk: '立案/书记员',
  arbitrator: '仲裁员',
  mediator: '调解员',
  chair: '仲裁委/院领导',
  analyst: '统计分析',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

/** Employer ownership types of the yearbook table (按用人单位经济类型, domain.md §13.1); optional on a party. */
export const OWNERSHIP_TYPES = {
  state_owned: '国有企业',
  collective: '集体企业',
  foreign_hmt: '外商投资及港澳台商投资企业',
  private: '私营企业',
  joint_stock: '股份制企业',
  individual: '个体经济组织',
  public_sector: '机关、事业单位',
  other: '其他',
} as const;
export type OwnershipType = keyof typeof OWNERSHIP_TYPES;

/**
 * s62 E #1: the sides a party may be added on (ADD_PARTY `side`) for each ground of the addition (`ground`) — one home,
 * for the event's schema (app/event-schemas.ts), the 追加当事人通知书 (templates/kinds.ts) and the web form (vocabulary
 * `additionGroundSides`). A co-respondent and the dispatch agency and the user unit (共同当事人, LDMAL Art. 22(2)), an
 * unlicensed employer's investors or founding unit (Rules Art. 6), an individual contractor and the organization that
 * contracted out (Rules Art. 7) are parties — the respondent side; a third party with an interest in the outcome is a
 * third party (LDMAL Art. 23); `other`, either. domain.md §1.2.
 */
export const ADDITION_GROUND_SIDES = {
  co_respondent: ['respondent'],
  dispatch: ['respondent'],
  unlicensed_employer: ['respondent'],
  contractor: ['respondent'],
  interested_third_party: ['third_party'],
  other: ['respondent', 'third_party'],
} as const satisfies Record<string, readonly ('respondent' | 'third_party')[]>;
export type AdditionGround = keyof typeof ADDITION_GROUND_SIDES;
/** Whether `ground` may be given for a party added on `side` (an unknown ground: the schema's enum refuses it). */
export const additionGroundFits = (ground: string, side: string): boolean =>
  ((ADDITION_GROUND_SIDES as Record<string, readonly string[]>)[ground] ?? []).includes(side);

export const AGENT_KINDS = {
  lawyer: '律师',
  legal_worker: '基层法律服务工作者',
  relative: '近亲属',
  employee: '工作人员',
  union: '工会推荐',
  legal_aid: '法律援助',
  other: '其他',
} as const;

/** A collective dispute: 10 or more workers on the applicant side (Rules Art. 62; "10 or more" includes 10, CivCode Art. 1259). */
export const COLLECTIVE_MIN_WORKERS = 10;
