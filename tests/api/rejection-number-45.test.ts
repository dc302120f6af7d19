import { describe, expect, it } from 'vitest';
import { apiSuite, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { generatedText } from '../helpers/pdf.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * A reviewer of the documents (s44, s45): the 不予受理通知书 had no number. A rejected application is never accepted and
 * has no case number; the notice gets its own serial of the decision's year (REJECTION_NO_PREFIX, default 聊劳人仲不字),
 * taken with REJECT in its transaction — in the order decided, the same every time it is printed, restarting each year.
 */
const { t, a } = apiSuite({ now: '2026-11-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { ok, send } = caseEvents(() => t);
const notice = (c: { id: number }) => generatedText(t, a.tokens.clerk, c.id, { kind: 'rejection_notice' });

describe(`不予受理通知书 number (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('each rejection of the year takes the next serial; printing again keeps it; a refused REJECT takes none', async () => {
    const first = await registerCase(t, a, standardApplication({ applicants: [worker('驳回甲', 601)], receivedOn: '2026-11-02' }));
    const second = await registerCase(t, a, standardApplication({ applicants: [worker('驳回乙', 602)], receivedOn: '2026-11-03' }));
    const accepted = await registerCase(t, a, standardApplication({ applicants: [worker('受理丙', 603)], receivedOn: '2026-11-03' }));
    await ok(accepted, a.tokens.clerk, 'ACCEPT', {}, '2026-11-04');
    // Refused (already accepted): no serial is used up.
    expect((await send(accepted, a.tokens.clerk, 'REJECT', { reason: '申请人的请求不属于劳动人事争议' }, '2026-11-05')).status).toBe(409);
    await ok(first, a.tokens.clerk, 'REJECT', { reason: '申请人的请求不属于劳动人事争议' }, '2026-11-05');
    await ok(second, a.tokens.clerk, 'REJECT', { reason: '申请超过仲裁时效' }, '2026-11-06');
    const one = await notice(first);
    expect(one).toContain('聊劳人仲不字〔2026〕第1号');
    expect(await notice(second)).toContain('聊劳人仲不字〔2026〕第2号');
    expect(await notice(first)).toContain('聊劳人仲不字〔2026〕第1号');
    // The case number counter is not touched: the accepted case is 第1号 of 案字.
    expect(one).not.toContain('案字');
  });
});
