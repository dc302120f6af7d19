import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * Round ui44 (a new user's walk), the API's part: an analyst's summary keeps an employer's 用人单位类型 (M3); the 受理
 * refusal of a repeated application names no internal field (L1); what the registration form relies on when two tabs
 * send the same draft (H1): the same Idempotency-Key and body is answered with the first case, another body is 422.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { DUPLICATE_ACCEPT_CONFIRMATION: 'true' } });

const { send, ok } = caseEvents(() => t);
const pair = (n: number) =>
  standardApplication({
    applicants: [worker(`申请人${n}`, 800 + n)],
    respondents: [{ ...employer(`聊城某某${n}号劳务有限公司`), ownership: 'private' }],
  });

describe('ui44 (API)', () => {
  it('M3 an analyst reads an employer’s 用人单位类型 (a statistics field), still not its representative or contacts', async () => {
    const c = await registerCase(t, a, pair(1));
    const summary = (await t.api(a.tokens.analyst).get(`/api/cases/${c.id}`)).body;
    expect(summary.readLevel).toBe('summary');
    expect(summary.respondents[0]).toEqual({
      id: expect.any(Number),
      side: 'respondent',
      kind: 'organization',
      name: '聊城某某1号劳务有限公司',
      ownership: 'private',
    });
    // A person has no employer type: the summary of a worker stays the four fields.
    expect(Object.keys(summary.applicants[0]).sort()).toEqual(['id', 'kind', 'name', 'side']);
    // An employer registered without it reads as not registered (null), not as withheld.
    const bare = standardApplication({ applicants: [worker('申请人9', 809)], respondents: [employer('聊城某某9号有限公司')] });
    const c2 = await registerCase(t, a, bare);
    expect((await t.api(a.tokens.analyst).get(`/api/cases/${c2.id}`)).body.respondents[0].ownership).toBeNull();
  });

  it('L1 the 受理 refusal of a repeated application speaks in the dialog’s words, not field names', async () => {
    const first = await registerCase(t, a, pair(2));
    await ok(first, a.tokens.clerk, 'ACCEPT', {}, '2026-03-04');
    const second = (await t.api(a.tokens.clerk).post('/api/cases', { ...pair(2), receivedOn: '2026-03-05' })).body;
    const r = await send(second, a.tokens.clerk, 'ACCEPT', {}, '2026-03-06');
    expect(r.status).toBe(422);
    expect(r.body.field).toBe('notSameMatter');
    expect(r.body.detail).not.toMatch(/notSameMatter|reason/);
    expect(r.body.detail).toContain('不属于同一争议的理由');
  });

  it('H1 the same draft sent twice with its key is answered with the first case; changed since, 422', async () => {
    const body = pair(3);
    const key = 'ui44-draft-key-0001';
    const post = (b: unknown) => t.api(a.tokens.clerk).post('/api/cases', b).set('Idempotency-Key', key);
    const one = await post(body);
    expect(one.status).toBe(201);
    const two = await post(body);
    expect(two.status).toBe(201);
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(two.body.id).toBe(one.body.id);
    const changed = await post({ ...body, facts: `${body.facts}（另一窗口改过）` });
    expect(changed.status).toBe(422);
    expect(changed.body.rule).toBe('idempotency-key-reused');
  });
});
