import { completeCreditCode, completeIdNumber } from '../../workflows/identifiers.ts';

/** Valid sample data. Identity numbers are generated with a correct GB 11643 check character. */

export function idNumber(region = '371502', birth = '19900101', seq = 123): string {
  return completeIdNumber(`${region}${birth}${String(seq).padStart(3, '0')}`);
}

export function creditCode(body17 = '91371500MA3C7K2L1'): string {
  return completeCreditCode(body17);
}

export function worker(name: string, seq = 123) {
  return {
    kind: 'person' as const,
    name,
    idNumber: idNumber('371502', '19900101', seq),
    phone: '13800000000',
    address: '聊城市东昌府区柳园街道',
  };
}

export function employer(name = '聊城某某机械有限公司') {
  return {
    kind: 'organization' as const,
    name,
    creditCode: '91371500MA3C7K2L12',
    legalRepresentative: '李四',
    address: '聊城市经济技术开发区黄河路1号',
  };
}

export function application(overrides: Record<string, unknown> = {}) {
  return {
    receivedOn: '2026-03-02',
    channel: 'counter',
    district: '东昌府区',
    applicants: [worker('张三')],
    respondents: [employer()],
    claims: [
      { category: 'wages', amount: '12000.00', description: '2025年10月至12月工资' },
      { category: 'economic_compensation', amount: '26400', description: '解除劳动合同经济补偿' },
    ],
    facts: '申请人于2023年3月入职被申请人处，2025年12月被辞退。',
    ...overrides,
  };
}
