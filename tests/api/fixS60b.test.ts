import { describe, expect, it } from 'vitest';
import { recomputationsIdle } from '../../app/time/recompute.ts';
import { offDaysWith } from '../helpers/calendar-years.ts';
import { apiSuite, type CaseView, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * s60 fixB — warnings and refusals said alike:
 * L3  the award preview refuses what refuses the award of the case as it stands, whatever its items (an added party not
 *     served, a respondent added after the last hearing unheard, an absent respondent's hearing notice not proven) with
 *     the act's own 422 — rule, source, words and field — not a 200 with warnings the act then refuses.
 * B-L a review application received after its period is warned of at registration on the day filed the deadlines count
 *     (the postmark: CPL Art. 85(4)), and a last day only provisional (its year's schedule not loaded) is said so.
 */
const DB = process.env.TEST_DB ?? 'sqlite';
type Problem = { type: string; title: string; status: number; detail: string; rule?: string; source?: string; field?: string };
const problem = (b: Problem) => ({
  type: b.type,
  title: b.title,
  status: b.status,
  detail: b.detail,
  rule: b.rule,
  source: b.source,
  field: b.field,
});

describe(`s60 L3: the award preview says up front what refuses the award (${DB})`, () => {
  const { t, a } = apiSuite({ now: '2026-12-10T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
  const { ok, send } = caseEvents(() => t);
  const arb = (i: number) => a.arbitrators[i] as { id: number; token: string };
  const read = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;
  const serve = (c: { id: number }, document: string, partyId: number, on: string) =>
    ok(c, a.tokens.clerk, 'SERVE', { document, partyId, method: 'direct', servedOn: on }, on);
  const preview = (c: { id: number }, items: unknown[], occurredOn: string) =>
    t.api(arb(0).token).post(`/api/cases/${c.id}/award-preview`, { occurredOn, items });

  /** Accepted 11-03, tribunal 11-06, a hearing on 11-20 (notice served on `noticed`), held with `held`. */
  async function heard(noticed: 'all' | 'applicant', held: Record<string, unknown>) {
    let c: CaseView = await registerCase(t, a, standardApplication({ receivedOn: '2026-11-02' }));
    c = await ok(c, a.tokens.clerk, 'ACCEPT', {}, '2026-11-03');
    await ok(c, a.tokens.chair, 'FORM_TRIBUNAL', { arbitratorIds: [arb(0).id], presidingId: arb(0).id }, '2026-11-06');
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-11-20', place: '第一仲裁庭' }, '2026-11-06');
    await serve(c, 'application_copy', c.respondents[0]?.id as number, '2026-11-07');
    const to = noticed === 'all' ? [c.applicants[0]?.id, c.respondents[0]?.id] : [c.applicants[0]?.id];
    for (const id of to) await serve(c, 'hearing_notice', id as number, '2026-11-09');
    await ok(c, arb(0).token, 'HOLD_HEARING', held, '2026-11-20');
    return read(c);
  }

  it('a respondent added after the hearing: added-party-not-served, then party-joined-after-hearing — the act’s 422 in the preview', async () => {
    const c = await heard('all', { applicantPresent: true, respondentPresent: true });
    const added = await ok(
      c,
      arb(0).token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: worker('钱七', 404) },
      '2026-11-23',
    );
    const addedId = added.respondents.at(-1)?.id as number;
    const items = [
      { claimId: c.claims[0]?.id, outcome: 'granted', amount: '12000.00', obligorIds: [addedId] },
      { claimId: c.claims[1]?.id, outcome: 'dismissed' },
    ];
    // Not served yet: the preview answers the 422 the award itself answers, word for word.
    const p1 = await preview(c, items, '2026-11-23');
    const a1 = await send(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-11-23');
    expect(p1.status, JSON.stringify(p1.body)).toBe(422);
    expect(a1.status, JSON.stringify(a1.body)).toBe(422);
    expect(p1.body.rule).toBe('added-party-not-served');
    expect(p1.body.source).toBe('LDMAL Arts. 23, 30; Rules Art. 46(1)');
    expect(p1.body.detail).toContain('钱七');
    expect(p1.body.detail).not.toMatch(/当事人\d/);
    expect(problem(p1.body)).toEqual(problem(a1.body));
    // A partial award is refused alike.
    const partial = await send(c, arb(0).token, 'PARTIAL_AWARD', { items: [items[0]] }, '2026-11-23');
    expect([partial.status, partial.body.rule]).toEqual([422, p1.body.rule]);

    // Served, never heard: the next rule, its field the item naming him — again the act's own answer.
    await serve(c, 'addition_notice', addedId, '2026-11-24');
    const v2 = (await read(c)).version;
    const p2 = await preview(c, items, '2026-11-25');
    const a2 = await send(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-11-25');
    expect(p2.status, JSON.stringify(p2.body)).toBe(422);
    expect(p2.body.rule).toBe('party-joined-after-hearing');
    expect(p2.body.field).toBe('items.0.obligorIds');
    expect(p2.body.detail).toContain('钱七');
    expect(problem(p2.body)).toEqual(problem(a2.body));
    // The same reason next-events gives for not offering the award (one home).
    const next = (await t.api(arb(0).token).get(`/api/cases/${c.id}/next-events?blocked=true`)).body as {
      type: string;
      blocked?: { rule: string; source: string };
    }[];
    const held = next.find((n) => n.type === 'ISSUE_AWARD')?.blocked;
    expect([held?.rule, held?.source]).toEqual([p2.body.rule, p2.body.source]);
    // Nothing was written by the refused previews or acts.
    expect((await read(c)).version).toBe(v2);
    expect((await read(c)).state).toBe('heard');

    // A hearing since, noticed to every party: the preview answers its finality again, and the award is made.
    await ok(c, arb(0).token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-03', place: '第一仲裁庭' }, '2026-11-24');
    for (const p of [...c.applicants, ...(await read(c)).respondents]) await serve(c, 'hearing_notice', p.id, '2026-11-25');
    await ok(c, arb(0).token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-12-03');
    const p3 = await preview(c, items, '2026-12-04');
    expect(p3.status, JSON.stringify(p3.body)).toBe(200);
    expect(p3.body.finality).toBeTruthy();
    const a3 = await send(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-12-04');
    expect(a3.status, JSON.stringify(a3.body)).toBe(200);
  });

  it('an absent respondent whose hearing notice is not proven served: default-award-notice-not-proven in both (LDMAL Art. 36)', async () => {
    const c = await heard('applicant', { applicantPresent: true, respondentPresent: false });
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    const version = (await read(c)).version;
    const p = await preview(c, items, '2026-11-25');
    const act = await send(c, arb(0).token, 'ISSUE_AWARD', { items }, '2026-11-25');
    expect(p.status, JSON.stringify(p.body)).toBe(422);
    expect(p.body.rule).toBe('default-award-notice-not-proven');
    expect(p.body.source).toBe('LDMAL Art. 36; Rules Arts. 39, 59');
    expect(problem(p.body)).toEqual(problem(act.body));
    expect((await read(c)).version).toBe(version);
  });

  it('what only warns (a third party added after the hearing) is still a 200 with the warning, as the act', async () => {
    const c = await heard('all', { applicantPresent: true, respondentPresent: true });
    const tp = await ok(
      c,
      arb(0).token,
      'ADD_PARTY',
      { side: 'third_party', ground: 'interested_third_party', party: worker('孙九', 405) },
      '2026-11-23',
    );
    await serve(c, 'addition_notice', (tp.thirdParties ?? []).at(-1)?.id as number, '2026-11-24');
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'dismissed' }));
    const p = await preview(c, items, '2026-11-25');
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    expect(JSON.stringify(p.body.warnings)).toContain('孙九');
  });
});

describe(`s60 B-L: a late review application, on the day filed, its last day provisional when it is (${DB})`, () => {
  // 2027's schedule is not loaded: a period ending in it is provisional.
  const { t, a } = apiSuite({ now: '2027-01-20T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
  const review = (receivedOn: string, extra: Record<string, unknown> = {}) =>
    t.api(a.tokens.clerk).post(
      '/api/cases',
      standardApplication({
        track: 'review',
        receivedOn,
        agreement: { effectiveOn: '2026-12-25', organization: '某某街道劳动争议调解委员会', terms: '支付工资5000元' },
        ...extra,
      }),
    );
  const filing = (body: { deadlines: { kind: string; dueOn: string; provisional: boolean; explanation: string }[] }) =>
    body.deadlines.find((d) => d.kind === 'review_filing');

  it('late on a provisional last day: said, with the year missing and how the schedule may move it; posted in time: none', async () => {
    const late = await review('2027-01-15');
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const d = filing(late.body);
    expect(d?.provisional).toBe(true);
    const due = d?.dueOn as string;
    expect(due < '2027-01-15').toBe(true);
    const w = ((late.body.dateWarnings ?? []) as string[]).join('\n');
    expect(w).toContain(`申请期间的最后一日暂定为${due}`);
    expect(w).toContain('按暂定的最后一日计算已超过申请期间');
    expect(w).toContain('缺少2027年国家法定节假日安排');
    expect(w).toContain('第七十五条不予受理');
    // The deadline's own words say it is provisional alike.
    expect(d?.explanation).toContain('缺少2027年国家法定节假日安排');
    // Filed on the postmark (CPL Art. 85(4); workflows/deadlines.ts filedOnOf), the day the deadline counts: in time.
    const posted = await review('2027-01-15', { postmarkOn: due });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(filing(posted.body)?.dueOn).toBe(due);
    expect(posted.body.dateWarnings).toBeUndefined();
    // Posted after the last day: late, the postmark named.
    const postedLate = await review('2027-01-18', { postmarkOn: '2027-01-14' });
    expect(((postedLate.body.dateWarnings ?? []) as string[]).join('\n')).toContain('邮戳日期2027-01-14（2027-01-18收到）');
  });

  it('once the year is loaded: the last day is exact and the warning no longer says provisional', async () => {
    const y = await t
      .api(t.adminToken)
      .put('/api/calendar/years/2027', { notice: '国办发明电〔2026〕测试号', offDays: offDaysWith(2027), workDays: [] });
    expect(y.status, JSON.stringify(y.body)).toBe(202);
    await recomputationsIdle(t.db);
    const late = await review('2027-01-15');
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    const d = filing(late.body);
    expect(d?.provisional).toBe(false);
    const w = ((late.body.dateWarnings ?? []) as string[]).join('\n');
    expect(w).toContain(`申请期间的最后一日为${d?.dueOn}`);
    expect(w).not.toContain('暂定');
  });
});
