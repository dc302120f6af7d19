import { initialContext } from '../workflows/case-machine.ts';
import type { DocInput } from './kinds.ts';

/**
 * A sample case at the award stage (three-member tribunal, mixed award, rare name characters), used by the
 * sample renderer (`npm run docs:samples`) and the documents benchmark. Not used in production paths.
 */
const ctx = initialContext({
  track: 'arbitration',
  procedure: 'ordinary',
  collective: false,
  wageArrears: true,
  receivedOn: '2026-03-02',
  parties: [
    { id: 1, side: 'applicant', kind: 'person' },
    { id: 2, side: 'respondent', kind: 'organization' },
  ],
  claims: [
    { id: 10, category: 'wages' },
    { id: 11, category: 'economic_compensation' },
  ],
});
Object.assign(ctx, {
  acceptedOn: '2026-03-04',
  tribunal: { arbitratorIds: [7, 8, 9], presidingId: 7, formedOn: '2026-03-05' },
  hearing: { hearingOn: '2026-03-25', place: '第一仲裁庭', scheduledOn: '2026-03-09', time: '09:30', public: false },
  hearingsHeld: [{ heldOn: '2026-03-25', applicantPresent: true, respondentPresent: false, public: false }],
  services: [
    { document: 'hearing_notice', partyId: 1, method: 'direct', servedOn: '2026-03-10' },
    { document: 'hearing_notice', partyId: 2, method: 'post', servedOn: '2026-03-12' },
  ],
  rejection: { reason: '申请人的请求不属于劳动人事争议仲裁受案范围', decidedOn: '2026-03-04' },
  mediation: {
    startedOn: '2026-03-25',
    terms: '一、被申请人于2026年4月10日前支付申请人工资12000元；二、双方再无其他争议。',
    agreedOn: '2026-03-25',
    signatures: [],
    refusedBy: null,
  },
  advanceExecutions: [
    {
      claimIds: [10],
      ruledOn: '2026-03-26',
      transferredOn: '2026-03-27',
      court: '聊城市东昌府区人民法院',
      rightsClear: true,
      lifeSeriouslyAffected: true,
      amounts: [{ claimId: 10, amount: '8000.00' }],
      paymentDays: 5,
    },
  ],
  transfers: [{ purpose: 'advance_execution', court: '聊城市东昌府区人民法院', transferredOn: '2026-03-27' }],
  suspensions: [{ from: '2026-03-10', to: '2026-03-15', reason: '等待工伤认定结论' }],
  extension: { days: 15, approvedOn: '2026-04-15' },
  award: {
    finality: 'mixed',
    issuedOn: '2026-04-10',
    minimumWage: null,
    defaultAward: true,
    items: [
      { claimId: 10, category: 'wages', outcome: 'granted', amountFen: 1200000, amount: '12000.00', final: true, reason: '' },
      {
        claimId: 11,
        category: 'economic_compensation',
        outcome: 'partly',
        amountFen: 3000000,
        amount: '30000.00',
        final: false,
        reason: '',
      },
    ],
  },
});
export const SAMPLE_INPUT: DocInput = {
  commission: '聊城市劳动人事争议仲裁委员会',
  caseNo: '聊劳人仲案字〔2026〕第15号',
  receivedOn: '2026-03-02',
  applicants: [
    {
      id: 1,
      kind: 'person',
      name: '欧阳喆垚',
      idNumber: '371502199001011234',
      sex: 'male',
      birthDate: '1990-01-01',
      address: '聊城市东昌府区柳园街道花园路12号',
      creditCode: null,
      legalRepresentative: null,
      legalRepresentativeTitle: null,
      ethnicity: '汉族',
      agents: [
        { name: '王律师', kind: 'lawyer', unit: '山东某某律师事务所律师' },
        { name: '欧阳明', kind: 'relative', unit: null, relationship: '父亲' },
      ],
    },
  ],
  respondents: [
    {
      id: 2,
      kind: 'organization',
      name: '聊城市鲁西机械制造有限公司',
      idNumber: null,
      sex: null,
      birthDate: null,
      address: '聊城市经济技术开发区黄河路1号',
      creditCode: '91371500MA3C7K2L12',
      legalRepresentative: '李四',
      legalRepresentativeTitle: '总经理',
      agents: [],
    },
  ],
  claims: [
    { id: 10, seq: 1, category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
    { id: 11, seq: 2, category: 'economic_compensation', amount: '36000.00', description: '违法解除劳动合同经济补偿' },
  ],
  ctx,
  arbitrators: [
    { displayName: '李明', presiding: true },
    { displayName: '赵丽华', presiding: false },
    { displayName: '孙立新', presiding: false },
  ],
  clerkName: '王晓燕',
  maskIds: false,
  contactPhone: '0635-8888888',
  text: { matter: 'extension', court: '聊城市东昌府区人民法院', purpose: 'advance_execution' },
  record: {
    extensionReason: '需要等待工伤认定结论，案情复杂',
    transferRecordedBy: ['王晓燕'],
    award: {
      facts:
        '申请人于2023年3月1日入职被申请人处从事焊工工作，月工资4000元。被申请人自2025年10月起未支付申请人工资，并于2025年12月31日以经营困难为由解除与申请人的劳动合同。上述事实有劳动合同、工资表、解除通知书及庭审笔录在案佐证。',
      reasoning:
        '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。被申请人拖欠申请人2025年10月至12月工资，应予支付。被申请人解除劳动合同未提交证据证明符合法定解除条件，应当支付经济补偿。',
    },
  },
};

/** The same case before its award, with the wages decided first by a partial award (LDMAL Art. 43(2)). */
const [wagesItem] = SAMPLE_INPUT.ctx.award?.items ?? [];
export const SAMPLE_PARTIAL_INPUT: DocInput = {
  ...SAMPLE_INPUT,
  ctx: {
    ...SAMPLE_INPUT.ctx,
    award: null,
    partialAwards: [
      {
        ...(SAMPLE_INPUT.ctx.award as NonNullable<DocInput['ctx']['award']>),
        finality: 'final',
        issuedOn: '2026-03-26',
        items: wagesItem ? [wagesItem] : [],
      },
    ],
  },
  record: { ...SAMPLE_INPUT.record, partialAwards: [SAMPLE_INPUT.record.award] },
};

/** The sample case as one accepted for simple handling and converted to the ordinary procedure (Rules Art. 61). */
export const SAMPLE_CONVERTED_INPUT: DocInput = {
  ...SAMPLE_INPUT,
  ctx: { ...SAMPLE_INPUT.ctx, conversion: { on: '2026-03-09', reason: '案情复杂，需要进行鉴定' } },
};

/**
 * The sample case as a mediation before arbitration that reached an agreement on 03-10 (LDMAL Art. 14): the
 * 调解协议书 belongs to such a case only.
 */
export const SAMPLE_PRE_ARBITRATION_INPUT: DocInput = {
  ...SAMPLE_INPUT,
  ctx: {
    ...SAMPLE_INPUT.ctx,
    trackMediation: { terms: '被申请人于2026年3月20日前支付申请人工资10000元。', agreedOn: '2026-03-10', failedOn: null, referredOn: null },
  },
};

/** The sample case with its award served on the respondent by post on 03-27: the 送达回证 of that service. */
export const SAMPLE_SERVICE_INPUT: DocInput = {
  ...SAMPLE_INPUT,
  ctx: {
    ...SAMPLE_INPUT.ctx,
    services: [...SAMPLE_INPUT.ctx.services, { document: 'award', partyId: 2, method: 'post', servedOn: '2026-03-27' }],
  },
  text: { ...SAMPLE_INPUT.text, partyId: 2 },
};

/**
 * The sample case with the user unit of a dispatched worker added as a co-respondent on 03-09 (ADD_PARTY, ground
 * dispatch: LDMAL Art. 22(2)): the 追加当事人通知书 of that addition.
 */
export const SAMPLE_ADDITION_INPUT: DocInput = {
  ...SAMPLE_INPUT,
  respondents: [
    ...SAMPLE_INPUT.respondents,
    {
      id: 3,
      kind: 'organization',
      name: '聊城市东昌府区某某物流有限公司',
      idNumber: null,
      sex: null,
      birthDate: null,
      address: '聊城市东昌府区东关街8号',
      creditCode: '91371502MA3D1F2G3H',
      legalRepresentative: '赵六',
      legalRepresentativeTitle: '执行董事',
      agents: [],
    },
  ],
  ctx: {
    ...SAMPLE_INPUT.ctx,
    parties: [...SAMPLE_INPUT.ctx.parties, { id: 3, side: 'respondent', kind: 'organization' }],
    partyAdditions: [{ on: '2026-03-09', partyId: 3, side: 'respondent', ground: 'dispatch' }],
  },
};

/** The sample a document kind is rendered from. */
export const sampleFor = (kind: string): DocInput =>
  kind === 'addition_notice'
    ? SAMPLE_ADDITION_INPUT
    : kind === 'partial_award'
      ? SAMPLE_PARTIAL_INPUT
      : kind === 'conversion_notice'
        ? SAMPLE_CONVERTED_INPUT
        : kind === 'mediation_agreement'
          ? SAMPLE_PRE_ARBITRATION_INPUT
          : kind === 'service_receipt'
            ? SAMPLE_SERVICE_INPUT
            : SAMPLE_INPUT;
