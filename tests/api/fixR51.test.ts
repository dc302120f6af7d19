import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside checks of 2026-12-05 (med51, docs51), fixed in round 51 (fixR51). MAJOR_COLLECTIVE_MIN_WORKERS is 12 here
 * (a local choice, app/config.ts), so that a major collective case needs a dozen workers, not thirty.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000', MAJOR_COLLECTIVE_MIN_WORKERS: '12' } });
const { ok, send } = caseEvents(() => t);
const DB = process.env.TEST_DB ?? 'sqlite';
const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张'.split('');
const workers = (n: number, from: number) => Array.from({ length: n }, (_, i) => worker(`${NAMES[i]}某${NAMES[(i + 3) % 24]}`, from + i));
const view = async (id: number): Promise<CaseView> => (await t.api(a.tokens.clerk).get(`/api/cases/${id}`)).body;

async function mediation(applicants: unknown[]): Promise<CaseView> {
  const r = await t
    .api(a.tokens.mediator)
    .post('/api/cases', standardApplication({ track: 'mediation', receivedOn: '2026-11-20', applicants }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as CaseView;
}

async function refer(m: CaseView): Promise<CaseView> {
  await ok(m, a.tokens.mediator, 'MEDIATION_FAILED', { reason: '被申请人不同意支付' }, '2026-11-25');
  const referred = (await ok(m, a.tokens.mediator, 'REFER_TO_ARBITRATION', {}, '2026-11-25')) as CaseView & { linkedCaseId: number };
  return view(referred.linkedCaseId);
}

describe(`fixR51 med51 H2: a major collective dispute referred from mediation to arbitration stays major (${DB})`, () => {
  it('marked by the head count as at registration (LDMAL Art. 14; domain.md §8.2)', async () => {
    const m = await mediation(workers(13, 900));
    expect([m.collective, m.major, m.majorMarked]).toEqual([true, true, true]);
    const arb = await refer(m);
    expect(arb).toMatchObject({ track: 'arbitration', collective: true, major: true, majorMarked: true });
    expect(arb.applicants).toHaveLength(13);
    expect(arb.majorNote).toContain('重大集体劳动人事争议');
    const majors = (await t.api(a.tokens.clerk).get('/api/cases?major=true&pageSize=200')).body.items.map((x: { id: number }) => x.id);
    expect(majors).toEqual(expect.arrayContaining([m.id, arb.id]));
  });

  it('the chair’s marking of the mediation carried over; an unmarked small collective stays unmarked', async () => {
    const m = await mediation(workers(10, 930));
    expect([m.collective, m.major]).toEqual([true, false]);
    const marked = await t.api(a.tokens.chair).patch(`/api/cases/${m.id}`, { majorCollective: true });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect((await refer(m)) as CaseView).toMatchObject({ collective: true, major: true, majorMarked: true });
    const plain = await refer(await mediation(workers(10, 960)));
    expect(plain).toMatchObject({ collective: true, major: false, majorMarked: false, majorNote: null });
  });

  it('workers added as parties (ADD_PARTY) reaching the head count mark the case major', async () => {
    // An employer applies against eleven workers under a collective contract (Rules Art. 62); a twelfth is added.
    const c = await registerCase(
      t,
      a,
      standardApplication({
        receivedOn: '2026-11-20',
        applicants: [employer()],
        respondents: workers(11, 300),
        collective: true,
        collectiveGround: 'collective_contract',
        claims: [{ category: 'other', amount: '5000.00', description: '返还培训费' }],
      }),
    );
    expect([c.collective, c.major]).toEqual([true, false]);
    await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-23');
    const added = await ok(
      c,
      a.tokens.clerk,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: worker('欧阳某', 320) },
      '2026-11-24',
    );
    expect(added).toMatchObject({ major: true, majorMarked: true });
    expect(await view(c.id)).toMatchObject({ major: true, majorMarked: true });
  });
});

describe(`fixR51 med51 L4: an arbitral review is not marked major collective (${DB})`, () => {
  it('400 naming majorCollective, nothing changed (Rules Arts. 74–79)', async () => {
    const r = await t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn: '2026-11-20',
        applicants: workers(13, 400),
        agreement: { effectiveOn: '2026-11-18', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Not major at registration either, whatever its head count.
    expect([r.body.major, r.body.majorMarked, r.body.majorNote]).toEqual([false, false, null]);
    const mark = await t.api(a.tokens.chair).patch(`/api/cases/${r.body.id}`, { majorCollective: true });
    expect(mark.status).toBe(400);
    expect(JSON.stringify(mark.body)).toContain('majorCollective');
    expect(await view(r.body.id)).toMatchObject({ major: false, majorMarked: false, version: r.body.version });
    void send;
  });
});
