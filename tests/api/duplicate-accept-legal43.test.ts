import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Outside legal tester, LOW-2 — Rules Art. 34 (一事不再理): an application the registration found to repeat an earlier
 * case that still bars it is accepted only with the clerk's statement that it is not the same matter; an earlier case
 * withdrawn since no longer bars (Rules Art. 35); 不予受理 stays available.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { DUPLICATE_ACCEPT_CONFIRMATION: 'true' } });

const { send, ok } = caseEvents(() => t);
const version = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body.version as number;
/** One worker against one employer: each test its own pair, so that only its own cases repeat each other. */
const pair = (n: number) =>
  standardApplication({ applicants: [worker(`申请人${n}`, 700 + n)], respondents: [employer(`聊城某某${n}号有限公司`)] });

describe('LOW-2: ACCEPT of a duplicate application (Rules Art. 34)', () => {
  it('is refused (422, field notSameMatter, the earlier case named) until the clerk states it is not the same matter', async () => {
    const first = await registerCase(t, a, pair(1));
    const accepted = await ok(first, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const second = (await t.api(a.tokens.clerk).post('/api/cases', { ...pair(1), receivedOn: '2026-03-05' })).body;
    expect(second.warnings).toMatchObject([{ code: 'pending', bars: true, caseId: first.id }]);

    const before = await version(second);
    const r = await send(second, a.tokens.clerk, 'ACCEPT', {}, '2026-03-06');
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.type).toBe('application/problem+json');
    expect(r.body).toMatchObject({ rule: 'duplicate-application-pending', field: 'notSameMatter', source: 'Rules Art. 34' });
    expect(r.body.detail).toContain(accepted.caseNo as string);
    expect(r.body.detail).toContain('不予受理');
    expect(await version(second)).toBe(before);
    // The preview says the same before anything is recorded.
    const preview = await t.api(a.tokens.clerk).post(`/api/cases/${second.id}/event-preview`, { type: 'ACCEPT', occurredOn: '2026-03-06' });
    expect(preview.status).toBe(422);
    expect(preview.body.rule).toBe('duplicate-application-pending');

    // The statement needs its reason, and a reason alone is not the statement (400, schema).
    const bare = await send(second, a.tokens.clerk, 'ACCEPT', { notSameMatter: true }, '2026-03-06');
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toMatchObject([{ path: 'reason' }]);
    const reasonOnly = await send(second, a.tokens.clerk, 'ACCEPT', { reason: '请求期间不同' }, '2026-03-06');
    expect(reasonOnly.status).toBe(400);
    expect(await version(second)).toBe(before);

    const reason = '前案请求2025年工资，本案请求2026年1月至2月工资，事实与请求不同';
    const done = await ok(second, a.tokens.clerk, 'ACCEPT', { notSameMatter: true, reason }, '2026-03-06');
    expect(done).toMatchObject({ state: 'accepted' });
    const history = (await t.api(a.tokens.clerk).get(`/api/cases/${second.id}/events`)).body as { type: string; payload: object }[];
    expect(history.find((e) => e.type === 'ACCEPT')?.payload).toMatchObject({ notSameMatter: true, reason });
  });

  it('不予受理 (REJECT, ground duplicate) stays the alternative', async () => {
    const first = await registerCase(t, a, pair(2));
    await ok(first, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const second = await registerCase(t, a, { ...pair(2), receivedOn: '2026-03-05' });
    const refused = await send(second, a.tokens.clerk, 'ACCEPT', {}, '2026-03-06');
    expect(refused.status).toBe(422);
    const next = (await t.api(a.tokens.clerk).get(`/api/cases/${second.id}/next-events`)).body as { type: string }[];
    expect(next.map((e) => e.type)).toEqual(expect.arrayContaining(['ACCEPT', 'REJECT']));
    const rejected = await ok(second, a.tokens.clerk, 'REJECT', { reason: '与在先案件属于同一争议', ground: 'duplicate' }, '2026-03-06');
    expect(rejected.state).toBe('rejected');
  });

  it('an earlier case withdrawn since the registration no longer bars (Rules Art. 35): accepted without a statement', async () => {
    const first = await registerCase(t, a, pair(3));
    await ok(first, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const second = (await t.api(a.tokens.clerk).post('/api/cases', { ...pair(3), receivedOn: '2026-03-05' })).body;
    expect(second.warnings?.[0]).toMatchObject({ code: 'pending', bars: true });
    await ok(first, a.tokens.clerk, 'WITHDRAW', { reason: '申请人撤回' }, '2026-03-05');
    expect((await ok(second, a.tokens.clerk, 'ACCEPT', {}, '2026-03-06')).state).toBe('accepted');
  });
});
