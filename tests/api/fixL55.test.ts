import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixL55 (legal55a findings 1, 2, 3, 8, 9): who may sue, apply to set aside and enforce when the workers' outcomes
 * differ. A worker's suit holds back the employer's set-aside only where it is against his own final part (SPC-1
 * Art. 21; LDMAL Arts. 48–49); only a worker may sue against a final award (LDMAL Arts. 47–49); a worker whose claims
 * were all given up has no award items (Rules Arts. 35, 44; LDMAL Arts. 48, 50).
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const MID = '聊城市中级人民法院';
const BASIC = '聊城市东昌府区人民法院';
type Claim = { id: number; applicantId?: number };

/**
 * Three workers: 甲一 wages 9000 (withdrawn before the award), 乙二 wages 10000 (final), 丙三 confirm relationship and
 * wages 5000 (non-final, Op-2022): the award splits 2-1 (乙二, final) and 2-2 (丙三, non-final), served on all on 04-15.
 */
async function threeWorkers(seq: number) {
  const { c, arb } = await caseAt(t, a, 'heard', {
    body: standardApplication({
      applicants: [worker('甲一', seq), worker('乙二', seq + 1), worker('丙三', seq + 2)],
      claims: [
        { category: 'wages', amount: '9000.00', description: '甲一工资', applicant: 1 },
        { category: 'wages', amount: '10000.00', description: '乙二工资', applicant: 2 },
        { category: 'confirm_relationship', description: '确认丙三与被申请人存在劳动关系', applicant: 3 },
        { category: 'wages', amount: '5000.00', description: '丙三工资', applicant: 3 },
      ],
    }),
  });
  const [w1, w2, confirm, w3] = c.claims as Claim[];
  const [jia, yi, bing] = (c.applicants as { id: number }[]).map((p) => p.id) as [number, number, number];
  const employerId = c.respondents[0]?.id as number;
  await ok(c, a.tokens.clerk, 'CHANGE_CLAIMS', { withdraw: [w1?.id] }, '2026-03-26');
  const awarded = await ok(
    c,
    arb.token,
    'ISSUE_AWARD',
    {
      items: [
        { claimId: w2?.id, outcome: 'granted', amount: '10000.00' },
        { claimId: confirm?.id, outcome: 'granted' },
        { claimId: w3?.id, outcome: 'granted', amount: '5000.00' },
      ],
      defenseSummary: '被申请人辩称已足额支付',
      facts: '经审理查明：被申请人未足额支付工资。',
      reasoning: '本委认为：被申请人应当支付所欠工资。',
    },
    '2026-04-10',
  );
  expect(awarded.award).toMatchObject({ finality: 'mixed' });
  return { c, arb, jia, yi, bing, employerId };
}

const serveAll = async (c: CaseView, ids: number[]) => {
  for (const id of ids)
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: id, method: 'direct', servedOn: '2026-04-15' }, '2026-04-15');
};

describe(`fixL55 finding 1: a suit on a non-final part does not hold back the set-aside of another worker's final award (${DB})`, () => {
  it('丙三 (non-final items only) sues: the employer applies to set 乙二’s final award aside (200)', async () => {
    const { c, yi, bing, employerId } = await threeWorkers(551);
    await serveAll(c, [yi, bing, employerId]);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: bing, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    const preview = await t.api(a.tokens.clerk).post(`/api/cases/${c.id}/event-preview`, {
      type: 'RECORD_SET_ASIDE',
      occurredOn: '2026-04-21',
      court: MID,
      filedOn: '2026-04-21',
    });
    expect(JSON.stringify(preview.body)).not.toContain('set-aside-while-worker-sues');
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MID, filedOn: '2026-04-21' }, '2026-04-21');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('乙二 (the final item) sues: the set-aside is still refused, naming him', async () => {
    const { c, yi, bing, employerId } = await threeWorkers(561);
    await serveAll(c, [yi, bing, employerId]);
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: yi, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MID, filedOn: '2026-04-21' }, '2026-04-21');
    expect(r.status).toBe(422);
    expect(r.body.rule).toBe('set-aside-while-worker-sues');
    expect(r.body.detail).toContain('乙二');
  });
});

describe(`fixL55 finding 2: a third party cannot sue against a final award (${DB})`, () => {
  it('a final award: the third party’s suit is 422 third-party-cannot-sue-final; the worker enforces', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('丁四', 581)],
        claims: [{ category: 'wages', amount: '9000.00', description: '工资' }],
      }),
    });
    const added = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '周某' } },
      '2026-03-26',
    );
    const third = (added.thirdParties as { id: number }[])[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: third, method: 'direct' }, '2026-03-27');
    await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: c.claims[0]?.id, outcome: 'granted', amount: '9000.00' }] }, '2026-04-10');
    await serveAll(c, [c.applicants[0]?.id as number, c.respondents[0]?.id as number, third]);
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: third, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.rule).toBe('third-party-cannot-sue-final');
    expect(r.body.detail).toContain('第三人周某');
    expect(r.body.detail).toContain('第四十八条');
    const enf = await send(
      c,
      a.tokens.clerk,
      'APPLY_ENFORCEMENT',
      { partyId: c.applicants[0]?.id, court: BASIC, filedOn: '2026-04-21' },
      '2026-04-21',
    );
    expect(enf.status, JSON.stringify(enf.body)).toBe(200);
  });

  it('a non-final award: the third party the award binds may sue (LDMAL Art. 50)', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: [worker('己五', 582)],
        claims: [{ category: 'contract', description: '继续履行劳动合同' }],
      }),
    });
    const added = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: { kind: 'person', name: '第三人庚' } },
      '2026-03-26',
    );
    const third = (added.thirdParties as { id: number }[])[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'addition_notice', partyId: third, method: 'direct' }, '2026-03-27');
    await ok(c, arb.token, 'ISSUE_AWARD', { items: [{ claimId: c.claims[0]?.id, outcome: 'granted' }] }, '2026-04-10');
    await serveAll(c, [c.applicants[0]?.id as number, c.respondents[0]?.id as number, third]);
    const r = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: third, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});

describe(`fixL55 finding 3: a worker whose claims were all given up has no award items (${DB})`, () => {
  it('his suit is 422, serving him is warned, his enforcement says he has no items; 2-1 recites only 乙二’s waivers', async () => {
    const { c, arb, jia, yi, bing, employerId } = await threeWorkers(571);
    const served = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'award', partyId: jia, method: 'direct', servedOn: '2026-04-15' },
      '2026-04-15',
    );
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(((served.body.warnings ?? []) as string[]).join('\n')).toContain('甲一');
    await serveAll(c, [yi, bing, employerId]);
    const sue = await send(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: jia, court: BASIC, filedOn: '2026-04-20' }, '2026-04-20');
    expect(sue.status, JSON.stringify(sue.body)).toBe(422);
    expect(sue.body.rule).toBe('no-award-items-for-party');
    expect(sue.body.detail).toContain('甲一');
    expect(sue.body.detail).toContain('撤回');
    const enf = await send(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: jia, court: BASIC, filedOn: '2026-04-21' }, '2026-04-21');
    expect(enf.status).toBe(422);
    expect(enf.body.detail).not.toContain('裁决对甲一的裁决事项均为非终局');
    expect(enf.body.detail).toContain('甲一');
    expect(enf.body.detail).toContain('没有裁决事项');
    // The first document is 2-1, 乙二's final award (Rules Art. 50): no recital of 甲一's waiver.
    const final = await generatedText(t, arb.token, c.id, { kind: 'award' });
    expect(final).toContain('乙二');
    expect(final).not.toContain('放弃关于甲一工资');
  });
});

describe(`fixL55 finding 4: thirdPartyPresent on a case with no third party (${DB})`, () => {
  it('400 naming the field', async () => {
    const { c, arb } = await caseAt(t, a, 'hearing_scheduled', { body: standardApplication({ applicants: [worker('辛六', 583)] }) });
    const r = await send(
      c,
      arb.token,
      'HOLD_HEARING',
      { applicantPresent: true, respondentPresent: true, thirdPartyPresent: true },
      '2026-03-25',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(JSON.stringify(r.body.errors)).toContain('thirdPartyPresent');
  });
});
