import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * An outside reviewer's findings on the statistics (stop 46): one worker's suit reaching every worker's award items
 * (M4), report rows with a working drill-down that did not name it (L3), a drill-down `group` that is not a key of its
 * `groupBy` (L4). "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok } = caseEvents(() => t);
const get = async (path: string) => {
  const r = await t.api(a.tokens.analyst).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

type Line = { claimId: number; challenged: boolean };

describe(`statistics findings, stop 46 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M4: one worker’s suit reaches his own items and the applicants’ together, not another worker’s', async () => {
    // Three workers, each with his own claim (Rules Art. 62), and one claim of them together; a final award
    // (every item within 12 × 2,010.00, LDMAL Art. 47); only 张三 sues (LDMAL Art. 48).
    const names = ['张三', '李四', '周志强'];
    const { c, arb } = await caseAt(t, a, 'heard', {
      body: standardApplication({
        applicants: names.map((n, i) => worker(n, 700 + i)),
        claims: [
          ...names.map((_, i) => ({ category: 'wages', amount: '3000.00', description: '支付拖欠工资', applicant: i + 1 })),
          { category: 'economic_compensation', amount: '6000.00', description: '支付经济补偿' },
        ],
      }),
    });
    const ids = (c.claims as { id: number }[]).map((x) => x.id);
    const zhang = (c.applicants as { id: number }[])[0]?.id as number;
    const items = ids.map((claimId) => ({ claimId, outcome: 'granted', amount: claimId === ids[3] ? '6000.00' : '3000.00' }));
    const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-01');
    expect((v.award as { finality: string }).finality).toBe('final');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct' }, '2026-04-03');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: zhang, court: '聊城市东昌府区人民法院', filedOn: '2026-04-10' }, '2026-04-10');
    // The court changes 张三's item and, mistakenly recorded, 周志强's too: his suit does not reach 周志强's.
    await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      {
        outcome: 'judgment',
        court: '聊城市东昌府区人民法院',
        items: [
          { claimId: ids[0], result: 'changed', amount: '2000.00' },
          { claimId: ids[2], result: 'revoked' },
          { claimId: ids[3], result: 'upheld' },
        ],
      },
      '2026-05-15',
    );
    const q = 'from=2026-04-01&to=2026-04-30';
    const f = await get(`/api/stats/claims?${q}`);
    // Before the fix: challenged 4, courtChanged 2 (周志强's revoked), changedOfAwarded 2/4.
    expect(f).toMatchObject({
      formulaVersion: 'zhongcai-claims-2026.3',
      items: 4,
      challenged: 2,
      courtDecided: 2,
      courtChanged: 1,
      changedOfAwarded: { numerator: 1, denominator: 4 },
      settled: 4,
      upheld: '14000.00',
    });
    const challenged = await get(`/api/stats/claims/cases?${q}&measure=challenged`);
    expect(challenged.total).toBe(2);
    expect((challenged.items as Line[]).map((i) => i.claimId)).toEqual([ids[0], ids[3]]);
    const changed = await get(`/api/stats/claims/cases?${q}&measure=courtChanged`);
    expect((changed.items as Line[]).map((i) => i.claimId)).toEqual([ids[0]]);
    // 周志强's own claim: his final award stands (SPC-1 Art. 17).
    const zhouLine = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/claims/${ids[2]}/history`)).body;
    expect(zhouLine).toMatchObject({ challenged: false, court: null, upheld: '3000.00', settled: true });
    expect(zhouLine.line.map((e: { stage: string }) => e.stage)).not.toContain('challenged');
    const zhangLine = (await t.api(a.tokens.chair).get(`/api/cases/${c.id}/claims/${ids[0]}/history`)).body;
    expect(zhangLine).toMatchObject({ challenged: true, court: { result: 'changed', amount: '2000.00' }, upheld: '2000.00' });
  });

  it('L4: a group that is not one of its groupBy’s keys is a 400 naming group, for every groupBy; every key answers', async () => {
    const q = 'from=2026-03-01&to=2026-03-31';
    const bad: [string, string][] = [
      ['procedure', '集体争议'],
      ['procedure', '普通程序'],
      ['cause', '劳动报酬'],
      ['ownership', '私营企业'],
      ['ownership', '未登记'],
      ['wageArrears', '其他案件'],
      ['arbitrator', '未组庭'],
      ['district', '东昌府'],
      ['cause', 'toString'],
    ];
    for (const [groupBy, group] of bad) {
      const r = await t
        .api(a.tokens.analyst)
        .get(`/api/stats/closure/cases?${q}&measure=accepted&groupBy=${groupBy}&group=${encodeURIComponent(group)}`);
      expect(r.status, `${groupBy}=${group}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual(['group']);
    }
    // The label is named with its key.
    const label = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?${q}&measure=accepted&groupBy=procedure&group=集体争议`);
    expect(label.body.errors[0].message).toContain('collective');
    // Every key the figures answer drills down to as many cases as the group counts; an empty key is an empty list.
    for (const groupBy of ['district', 'cause', 'procedure', 'wageArrears', 'arbitrator', 'ownership']) {
      const f = await get(`/api/stats/closure?${q}&groupBy=${groupBy}`);
      expect(f.groups.length, groupBy).toBeGreaterThan(0);
      for (const g of f.groups as { key: string; accepted: number }[]) {
        const d = await get(`/api/stats/closure/cases?${q}&measure=accepted&groupBy=${groupBy}&group=${encodeURIComponent(g.key)}`);
        expect(d.total, `${groupBy}=${g.key}`).toBe(g.accepted);
      }
    }
    expect((await get(`/api/stats/closure/cases?${q}&measure=accepted&groupBy=procedure&group=collective`)).total).toBe(0);
  });
});
