import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * Legal aid (法律援助) in the statistics, and major collective disputes (重大集体劳动人事争议): the chair's marking, the
 * head count (MAJOR_COLLECTIVE_MIN_WORKERS, 12 here), the list's order and filter, the view, the statistics and their
 * drill-downs (domain.md §8.2, §13.2). "Today" is 2026-04-01; every case is received 03-02 and accepted 03-04.
 */
const { t, a } = apiSuite({ env: { MAJOR_COLLECTIVE_MIN_WORKERS: '12' } });
const { ok } = caseEvents(() => t);
const PERIOD = 'from=2026-03-01&to=2026-03-31';
const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张'.split('');
const workers = (n: number, from: number) => Array.from({ length: n }, (_, i) => worker(`${NAMES[i]}某${NAMES[(i + 3) % 24]}`, from + i));
const legalAid = { name: '刘援助', kind: 'legal_aid', unit: '聊城市法律援助中心' };

const get = async (token: string, path: string) => {
  const r = await t.api(token).get(path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe(`legal aid and major collective disputes (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('counts the cases where a worker had legal aid, the workers assisted and the closed ones, with their drill-down', async () => {
    // A: the worker has legal aid, withdrawn 03-20 (closed). C: two workers, both with legal aid, open.
    const { c: A } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [{ ...worker('王小明', 501), agents: [legalAid] }] }),
    });
    await ok(A, a.tokens.clerk, 'WITHDRAW', { reason: '双方已和解' }, '2026-03-20');
    // A closed case is marked no more (409), whatever it is.
    expect((await t.api(a.tokens.chair).patch(`/api/cases/${A.id}`, { majorCollective: false })).status).toBe(409);
    const { c: C } = await caseAt(t, a, 'accepted', {
      body: standardApplication({
        applicants: [
          { ...worker('李秀兰', 502), agents: [legalAid] },
          { ...worker('周志强', 503), agents: [{ ...legalAid, name: '孙援助' }] },
        ],
      }),
    });
    // B: only the employer's agent is of kind legal_aid — not a worker's legal aid. D: never accepted.
    await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('赵大海', 504)], respondents: [{ ...employer(), agents: [legalAid] }] }),
    });
    await caseAt(t, a, 'received', { body: standardApplication({ applicants: [{ ...worker('钱小红', 505), agents: [legalAid] }] }) });

    const f = await get(a.tokens.analyst, `/api/stats/closure?${PERIOD}`);
    expect(f.legalAid).toEqual({ cases: 2, workers: 3, closed: 1 });
    expect(f.links.legalAid).toContain('measure=legalAid');
    const all = await get(a.tokens.analyst, `/api/stats/closure/cases?${PERIOD}&measure=legalAid`);
    expect(all.total).toBe(2);
    expect(all.items.map((x: { id: number }) => x.id).sort()).toEqual([A.id, C.id].sort());
    const closed = await get(a.tokens.analyst, `/api/stats/closure/cases?${PERIOD}&measure=legalAidClosed`);
    expect(closed.items.map((x: { id: number }) => x.id)).toEqual([A.id]);
    // The periodic report says the same, its rows naming their drill-down; the chair sees the statistics too.
    const report = await get(a.tokens.chair, `/api/stats/report?${PERIOD}`);
    const row = (label: string) => report.summary.find((r: { label: string }) => r.label.includes(label));
    expect(row('劳动者获得法律援助的案件数')).toMatchObject({ value: 2, measure: 'legalAid' });
    expect(row('获得法律援助的劳动者人数')).toMatchObject({ value: 3 });
    const csv = await t.api(a.tokens.analyst).get(`/api/stats/report?${PERIOD}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('劳动者获得法律援助的案件数,2');
    // Who sees the statistics is the policy module's answer: not a clerk.
    expect((await t.api(a.tokens.clerk).get(`/api/stats/closure?${PERIOD}`)).status).toBe(403);
    // A measure that does not exist is a 400 naming it.
    const bad = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?${PERIOD}&measure=legalAidd`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('measure');
  });

  it('a collective case is major at the head count or by the chair’s marking: view, list order and filter, statistics', async () => {
    // M1: 12 workers — marked major at registration by MAJOR_COLLECTIVE_MIN_WORKERS=12. M2: 10 workers — collective,
    // not major until the chair marks it. W: one worker, wage arrears (the priority before this one).
    const { c: M1 } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: workers(12, 600) }) });
    const { c: M2 } = await caseAt(t, a, 'accepted', { body: standardApplication({ applicants: workers(10, 700) }) });
    const { c: W } = await caseAt(t, a, 'accepted', {
      body: standardApplication({ applicants: [worker('欧阳某', 801)], wageArrears: true }),
    });
    expect(M1.collective).toBe(true);
    expect(M2.collective).toBe(true);
    const v1 = await get(a.tokens.clerk, `/api/cases/${M1.id}`);
    expect(v1).toMatchObject({ major: true, majorMarked: true });
    expect(v1.majorNote).toContain('重大集体劳动人事争议');
    expect(await get(a.tokens.clerk, `/api/cases/${M2.id}`)).toMatchObject({ major: false, majorNote: null });

    const mark = (token: string, id: number, body: Record<string, unknown>) => t.api(token).patch(`/api/cases/${id}`, body);
    // Only the chair marks (policy module), only a collective case, the marking alone, with a boolean: else nothing changes.
    expect((await mark(a.tokens.clerk, M2.id, { majorCollective: true })).status).toBe(403);
    const notCollective = await mark(a.tokens.chair, W.id, { majorCollective: true });
    expect(notCollective.status).toBe(400);
    expect(JSON.stringify(notCollective.body)).toContain('majorCollective');
    const mixed = await mark(a.tokens.chair, M2.id, { majorCollective: true, wageArrears: true });
    expect(mixed.status).toBe(400);
    expect(JSON.stringify(mixed.body)).toContain('majorCollective');
    const notBool = await mark(a.tokens.chair, M2.id, { majorCollective: 'yes' });
    expect(notBool.status).toBe(400);
    expect(JSON.stringify(notBool.body)).toContain('majorCollective');
    expect(await get(a.tokens.clerk, `/api/cases/${M2.id}`)).toMatchObject({ major: false, majorMarked: false, version: M2.version });

    // The chair marks the accepted case M2: the registration-correction route, recorded in its history.
    const marked = await mark(a.tokens.chair, M2.id, { majorCollective: true });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toMatchObject({ major: true, majorMarked: true, state: M2.state });
    const events = await get(a.tokens.chair, `/api/cases/${M2.id}/events`);
    const last = (events.items ?? events).at(-1);
    expect(last.type).toBe('UPDATE_REGISTRATION');
    expect(JSON.stringify(last)).toContain('majorMarked');

    // The list: major cases first (before the wage-arrears case), filterable.
    const list = await get(a.tokens.clerk, '/api/cases?pageSize=200');
    const at = (id: number) => list.items.findIndex((x: { id: number }) => x.id === id);
    expect(list.items[0].major).toBe(true);
    expect(at(M1.id)).toBeLessThan(at(W.id));
    expect(at(M2.id)).toBeLessThan(at(W.id));
    const majors = await get(a.tokens.clerk, '/api/cases?major=true&pageSize=200');
    expect(majors.items.map((x: { id: number }) => x.id).sort()).toEqual([M1.id, M2.id].sort());
    const others = await get(a.tokens.clerk, '/api/cases?major=false&pageSize=200');
    expect(others.items.some((x: { id: number; major: boolean }) => x.major || x.id === M1.id)).toBe(false);
    expect((await t.api(a.tokens.clerk).get('/api/cases?major=yes')).status).toBe(400);

    // The statistics: major collective cases and their workers, with the drill-down.
    const f = await get(a.tokens.analyst, `/api/stats/closure?${PERIOD}`);
    expect(f.majorCollective).toEqual({ cases: 2, workers: 22, closed: 0 });
    const drill = await get(a.tokens.analyst, `/api/stats/closure/cases?${PERIOD}&measure=majorCollective`);
    expect(drill.items.map((x: { id: number }) => x.id).sort()).toEqual([M1.id, M2.id].sort());

    // Unmarked, M2 is no longer major; M1 stays. The chair may unmark a case marked by its head count too.
    const unmarked = await mark(a.tokens.chair, M2.id, { majorCollective: false });
    expect(unmarked.status).toBe(200);
    expect(unmarked.body).toMatchObject({ major: false, majorMarked: false });
    expect((await get(a.tokens.analyst, `/api/stats/closure?${PERIOD}`)).majorCollective).toEqual({ cases: 1, workers: 12, closed: 0 });
    const unmarkedM1 = await mark(a.tokens.chair, M1.id, { majorCollective: false });
    expect(unmarkedM1.body).toMatchObject({ major: false, majorMarked: false });
    expect((await get(a.tokens.analyst, `/api/stats/closure?${PERIOD}`)).majorCollective).toEqual({ cases: 0, workers: 0, closed: 0 });
    // With no major case left, none leads the list.
    expect((await get(a.tokens.clerk, '/api/cases?pageSize=200')).items[0].major).toBe(false);
  });
});
