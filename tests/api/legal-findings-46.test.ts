import { describe, expect, it } from 'vitest';
import { apiSuite, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { worker } from '../helpers/fixtures.ts';
import { largeApplication, registerCase, standardApplication } from '../helpers/procedure.ts';

/**
 * An outside legal tester's findings (stop 46, API only): the warnings of a hearing inside a defense period not yet
 * begun (LDMAL Art. 30; Rules Art. 80), an award after a defense filed in an added respondent's period, the
 * 不予受理通知书's number on the case, the drill-down of finalAwards/mixedAwards, and a REJECT on a limitation ground.
 * "Today" is 2026-12-05.
 */
const { t, a } = apiSuite({ now: '2026-12-05T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);

const preview = async (c: { id: number }, token: string, body: Record<string, unknown>) => {
  const r = await t.api(token).post(`/api/cases/${c.id}/event-preview`).send(body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body.warnings ?? []) as string[];
};

/** Accepted 11-17; the original respondent served 12-01 (its period 12-02…12-15), the tribunal formed 12-01. */
async function withAddedRespondent(n: number, opts: { serveOriginal?: boolean; add?: boolean } = {}) {
  const { c, arb } = await caseAt(t, a, 'tribunal_formed', {
    body: standardApplication({ applicants: [worker(`工人${n}`, 460 + n)], receivedOn: '2026-11-16' }),
    acceptOn: '2026-11-17',
    formOn: '2026-12-01',
  });
  const respondent = c.respondents[0]?.id as number;
  if (opts.serveOriginal !== false)
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct' }, '2026-12-01');
  let added: number | undefined;
  if (opts.add !== false) {
    const v = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'person', name: `追加被申请人${n}` } },
      '2026-12-02',
    );
    added = (v.respondents as { id: number }[]).at(-1)?.id;
  }
  return { c, arb, respondent, added };
}

const schedule = (hearingOn: string) => ({ type: 'SCHEDULE_HEARING', occurredOn: '2026-12-02', hearingOn, place: '第一仲裁庭' });

describe(`legal findings, stop 46 (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('M1: a hearing 13–14 days after the act is inside an unserved added respondent’s period (ten working days: 12-03…12-16)', async () => {
    const { c, arb, added } = await withAddedRespondent(1);
    const on15 = (await preview(c, arb.token, schedule('2026-12-15'))).join('\n');
    // Both: the original respondent's running period (to 12-15) and the added respondent's, not yet begun.
    expect(on15).toContain('在被申请人答辩期内（2026-12-15 届满）');
    expect(on15).toContain('追加的被申请人（追加被申请人1）尚未收到仲裁申请书副本');
    const on16 = await preview(c, arb.token, schedule('2026-12-16'));
    expect(on16).toHaveLength(1);
    expect(on16[0]).toContain('追加的被申请人（追加被申请人1）尚未收到仲裁申请书副本');
    expect(on16[0]).toContain('即使当日送达，答辩期最早也要到 2026-12-16 才届满');
    expect(await preview(c, arb.token, schedule('2026-12-17'))).toEqual([]);
    // Recorded alike; served the same day, the added respondent's own period ends 12-16 as the warning said.
    const v = await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-16', place: '第一仲裁庭' }, '2026-12-02');
    expect(v.warnings?.join('')).toContain('尚未收到仲裁申请书副本');
    const served = await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: added, method: 'direct' }, '2026-12-02');
    const own = (served.deadlines as { kind: string; dueOn: string; partyId?: number }[]).find(
      (d) => d.kind === 'defense_added_party' && d.partyId === added,
    );
    expect(own?.dueOn).toBe('2026-12-16');
  });

  it('M1: the same earliest end guards the unserved original respondent', async () => {
    const { c, arb } = await withAddedRespondent(2, { serveOriginal: false, add: false });
    const on16 = await preview(c, arb.token, schedule('2026-12-16'));
    expect(on16.join('')).toContain('尚未收到仲裁申请书副本，答辩期尚未开始计算');
    expect(on16.join('')).toContain('答辩期最早也要到 2026-12-16 才届满');
    expect(await preview(c, arb.token, schedule('2026-12-17'))).toEqual([]);
  });

  it('L1: an award after a defense filed in the added respondent’s period is not warned of; one filed before it is', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed', { body: standardApplication({ applicants: [worker('工人3', 463)] }) });
    const respondent = c.respondents[0]?.id as number;
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: respondent, method: 'direct' }, '2026-03-06');
    // The original respondent's defense, before the added respondent's period began.
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', {}, '2026-03-10');
    const v = await ok(
      c,
      arb.token,
      'ADD_PARTY',
      { side: 'respondent', ground: 'co_respondent', party: { kind: 'person', name: '追加被申请人3' } },
      '2026-03-11',
    );
    const added = (v.respondents as { id: number }[]).at(-1)?.id;
    // Its period: 03-13…03-26 (ten working days from 03-12).
    await ok(c, a.tokens.clerk, 'SERVE', { document: 'application_copy', partyId: added, method: 'direct' }, '2026-03-12');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-03-23', place: '第一仲裁庭' }, '2026-03-12');
    await ok(c, arb.token, 'HOLD_HEARING', { applicantPresent: true, respondentPresent: true }, '2026-03-23');
    const items = c.claims.map((cl) => ({ claimId: cl.id, outcome: 'partly', amount: '1000.00', paymentDays: 10 }));
    const award = { type: 'ISSUE_AWARD', occurredOn: '2026-03-24', items };
    const before = (await preview(c, arb.token, award)).join('');
    expect(before).toContain('裁决日期 2026-03-24 在追加的被申请人答辩期（追加被申请人3）内（2026-03-26 届满）');
    // The added respondent's own defense (FILE_DEFENSE naming it, reviewer s46b M4).
    await ok(c, a.tokens.clerk, 'FILE_DEFENSE', { partyId: added }, '2026-03-24');
    // fixU58: a sum granted against the two respondents naming no payer is warned of on its own; none about the period.
    expect((await preview(c, arb.token, award)).filter((w) => w.includes('答辩期'))).toEqual([]);
  });

  it('L2: the 不予受理通知书 number is on the case (proceedings.rejection.documentNo) and in the REJECT history entry', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('工人4', 464)], receivedOn: '2026-11-30' }));
    const v = await ok(c, a.tokens.clerk, 'REJECT', { reason: '申请人的请求不属于劳动人事争议' }, '2026-12-01');
    const no = (v.proceedings as { rejection: { documentNo: string } }).rejection.documentNo;
    expect(no).toMatch(/^聊劳人仲不字〔2026〕第\d+号$/);
    const got = await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`);
    expect(got.body.proceedings.rejection).toEqual({ reason: '申请人的请求不属于劳动人事争议', decidedOn: '2026-12-01', documentNo: no });
    const events = (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/events`)).body as {
      type: string;
      payload: Record<string, unknown>;
    }[];
    const entry = (Array.isArray(events) ? events : (events as { items: typeof events }).items).find((e) => e.type === 'REJECT');
    expect(entry?.payload.documentNo).toBe(no);
    // An application never rejected has none.
    const open = await registerCase(t, a, standardApplication({ applicants: [worker('工人5', 465)], receivedOn: '2026-11-30' }));
    expect((await t.api(a.tokens.clerk).get(`/api/cases/${open.id}`)).body.proceedings.rejection).toBeNull();
  });

  it('L5: a REJECT on a limitation (仲裁时效) ground is recorded with a warning, previewed alike; another ground is not', async () => {
    const c = await registerCase(t, a, standardApplication({ applicants: [worker('工人6', 466)], receivedOn: '2026-11-30' }));
    const body = { type: 'REJECT', occurredOn: '2026-12-01', reason: '申请超过一年仲裁时效' };
    const previewed = await preview(c, a.tokens.clerk, body);
    expect(previewed).toHaveLength(1);
    expect(previewed[0]).toContain('仲裁时效不是不予受理的理由');
    const r = await send(c, a.tokens.clerk, 'REJECT', { reason: body.reason }, '2026-12-01');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('rejected');
    expect(r.body.warnings).toEqual(previewed);
    const other = await registerCase(t, a, standardApplication({ applicants: [worker('工人7', 467)], receivedOn: '2026-11-30' }));
    const fine = await ok(other, a.tokens.clerk, 'REJECT', { reason: '申请人的请求不属于劳动人事争议' }, '2026-12-01');
    expect(fine.warnings).toBeUndefined();
  });

  it('L4: finalAwards and mixedAwards drill down to exactly the cases they count', async () => {
    // Three awards 2026-06-10: final (both items within 12 months' minimum wage), mixed, non-final (LDMAL Art. 47).
    const awarded = async (n: number, amounts: string[], finality: string) => {
      const { c, arb } = await caseAt(t, a, 'heard', {
        body: largeApplication({ applicants: [worker(`工人${n}`, 460 + n)], receivedOn: '2026-05-04' }),
        acceptOn: '2026-05-06',
        formOn: '2026-05-07',
        scheduleOn: '2026-05-08',
        hearingOn: '2026-06-01',
      });
      const items = amounts.map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
      const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-06-10');
      expect((v.award as { finality: string }).finality).toBe(finality);
      return c.id;
    };
    const final = await awarded(8, ['12000.00', '20000.00'], 'final');
    const mixed = await awarded(9, ['24120.00', '24120.01'], 'mixed');
    await awarded(10, ['30000.00', '40000.00'], 'non_final');
    const q = 'from=2026-06-01&to=2026-06-30';
    const figures = await t.api(a.tokens.analyst).get(`/api/stats/closure?${q}`);
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    expect(figures.body).toMatchObject({ finalAwards: 1, mixedAwards: 1 });
    for (const [measure, id] of [
      ['finalAwards', final],
      ['mixedAwards', mixed],
    ] as const) {
      // The figures link to their drill-down, as the other measures do.
      expect(figures.body.links[measure]).toBe(`/api/stats/closure/cases?${q}&measure=${measure}`);
      const r = await t.api(a.tokens.analyst).get(figures.body.links[measure]);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.total).toBe(figures.body[measure]);
      expect((r.body.items as { id: number }[]).map((i) => i.id)).toEqual([id]);
    }
    // The same filters as the other measures: a group without them lists none.
    const none = await t.api(a.tokens.analyst).get(`/api/stats/closure/cases?${q}&measure=finalAwards&groupBy=district&group=冠县`);
    expect(none.body.total).toBe(0);
  });

  it('stretch: a suit on the set-aside final part’s matters (LDMAL Art. 49(3)) is recorded on the effective case, its effect and enforcement untouched', async () => {
    const { c, arb } = await caseAt(t, a, 'heard', { body: largeApplication({ applicants: [worker('工人11', 471)] }) });
    // 12 × the minimum wage of 2010.00 is 24120.00: the first item final, the second not (LDMAL Art. 47).
    const items = ['24120.00', '24120.01'].map((amount, i) => ({ claimId: c.claims[i]?.id, outcome: 'granted', amount, paymentDays: 10 }));
    await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-04-10');
    for (const p of [...c.applicants, ...c.respondents])
      await ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId: p.id, method: 'direct', servedOn: '2026-04-13' }, '2026-04-13');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: '聊城市中级人民法院', filedOn: '2026-04-20' }, '2026-04-20');
    await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { result: 'set_aside', decidedOn: '2026-04-24' }, '2026-04-24');
    let v = await ok(c, a.tokens.clerk, 'MARK_EFFECTIVE', {}, '2026-04-29');
    expect(v.state).toBe('award_effective');
    const worker1 = c.applicants[0]?.id as number;
    type D = { kind: string; partyId?: number; status: string; dueOn: string | null };
    const window = (x: typeof v) => (x.deadlines as D[]).find((d) => d.kind === 'sue_after_set_aside' && d.partyId === worker1);
    const effective = (x: typeof v) => (x.deadlines as D[]).find((d) => d.kind === 'effective');
    const effectiveBefore = effective(v);
    const offered = ((await t.api(a.tokens.clerk).get(`/api/cases/${c.id}/next-events`)).body as { type: string }[]).map((e) => e.type);
    expect(offered).toContain('RECORD_LAWSUIT');
    // Before the fix: 409, the effective case took no suit.
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: worker1, court: '聊城市东昌府区人民法院', filedOn: '2026-05-06', matter: 'set_aside' },
      '2026-05-06',
    );
    expect(v).toMatchObject({ state: 'award_effective', proceedings: { effectiveOn: '2026-04-29', lawsuits: [] } });
    expect((v.proceedings as { setAside: { lawsuits: unknown[] } }).setAside.lawsuits).toEqual([
      { partyId: worker1, court: '聊城市东昌府区人民法院', filedOn: '2026-05-06' },
    ]);
    expect(window(v)).toMatchObject({ dueOn: '2026-05-09', status: 'met' });
    expect(effective(v)).toEqual(effectiveBefore);
    // The non-final part is still enforced (LDMAL Art. 51), and a suit recorded after the application too.
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: worker1, court: '聊城市东昌府区人民法院' }, '2026-05-07');
    expect(v.state).toBe('enforcement_applied');
    const company = c.respondents[0]?.id as number;
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: company, court: '聊城市东昌府区人民法院', filedOn: '2026-05-08', matter: 'set_aside' },
      '2026-05-08',
    );
    expect(v.state).toBe('enforcement_applied');
    // A final award not set aside: still no suit on the effective case.
    const { c: f, arb: arb2 } = await caseAt(t, a, 'heard', { body: standardApplication({ applicants: [worker('工人12', 472)] }) });
    const fItems = ['12000.00', '20000.00'].map((amount, i) => ({ claimId: f.claims[i]?.id, outcome: 'granted', amount }));
    await ok(f, arb2.token, 'ISSUE_AWARD', { items: fItems }, '2026-04-10');
    const r = await send(
      f,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: f.respondents[0]?.id, court: '聊城市东昌府区人民法院', filedOn: '2026-04-20' },
      '2026-04-20',
    );
    expect(r.status).not.toBe(200);
  });
});
