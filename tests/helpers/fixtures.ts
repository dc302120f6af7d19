/** Valid sample data. Identity numbers are generated with a correct GB 11643 check character. */

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumber(region = '371502', birth = '19900101', seq = 123): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * (W[i] as number);
  return body + '10X98765432'[s % 11];
}

const CC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCode(body17 = '91371500MA3C7K2L1'): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += CC.indexOf(body17[i] as string) * (CW[i] as number);
  return body17 + CC[(31 - (s % 31)) % 31];
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
