import { describe, expect, it } from 'vitest';
import { apiSuite, type CaseView, caseAt, caseEvents } from '../helpers/case-fixtures.ts';
import { employer, worker } from '../helpers/fixtures.ts';
import { standardApplication } from '../helpers/procedure.ts';

/**
 * fixE53, round 53: the employer's set-aside window and a worker's late suit (SPC-1 Art. 21; LDMAL Arts. 48–49), the
 * enforcement window per worker on a final award (CPL Art. 250; SPC-2000 Art. 1), a hearing notice by announcement
 * (CPL Art. 95; LDMAL Art. 35). "Today" is 2026-12-06.
 */
const { t, a } = apiSuite({ now: '2026-12-06T02:00:00Z', env: { TOKEN_TTL_HOURS: '100000' } });
const { send, ok } = caseEvents(() => t);
const BASIC = '聊城市东昌府区人民法院';
const MIDDLE = '聊城市中级人民法院';
type Deadline = {
  kind: string;
  partyId?: number;
  dueOn: string | null;
  startsOn?: string | null;
  status: string;
  explanation: string;
};
const deadlines = (v: CaseView) => v.deadlines as Deadline[];
const of = (v: CaseView, kind: string, partyId?: number) => deadlines(v).filter((d) => d.kind === kind && d.partyId === partyId);
const view = async (c: { id: number }) => (await t.api(a.tokens.clerk).get(`/api/cases/${c.id}`)).body as CaseView;

/** Workers `names` against one employer, claims wages 10000 / 8000 each their own, all granted on 10-09 (final). */
async function finalAward(names: string[], seq: number) {
  const amounts = ['10000.00', '8000.00'];
  const body = standardApplication({
    applicants: names.map((n, i) => worker(n, seq + i)),
    respondents: [employer()],
    claims: names.map((_, i) => ({ category: 'wages', amount: amounts[i] as string, description: '2025年工资', applicant: i + 1 })),
  });
  const { c, arb } = await caseAt(t, a, 'heard', { body });
  const items = (c.claims as { id: number }[]).map((cl, i) => ({ claimId: cl.id, outcome: 'granted', amount: amounts[i] }));
  const v = await ok(c, arb.token, 'ISSUE_AWARD', { items }, '2026-10-09');
  expect(v.award.finality).toBe('final');
  return { c, workers: c.applicants.map((x: { id: number }) => x.id) as number[], employerId: c.respondents[0]?.id as number };
}

const serve = (c: { id: number }, partyId: number, servedOn: string, method = 'direct') =>
  ok(c, a.tokens.clerk, 'SERVE', { document: 'award', partyId, method, servedOn }, servedOn);

describe(`fixE53 1 (legal53a H1): a late worker suit neither pauses nor revives the employer's set-aside window (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('suit 11-30 after both windows ended: set_aside_employer stays elapsed, no after-suit window, the set-aside warned late', async () => {
    const { c, workers, employerId } = await finalAward(['工人甲五三'], 531);
    const [w] = workers as [number];
    await serve(c, w, '2026-10-12', 'left');
    let v = await serve(c, employerId, '2026-10-12');
    expect(of(v, 'sue_final_worker', w)[0]?.dueOn).toBe('2026-10-30');
    expect(of(v, 'set_aside_employer', employerId)[0]?.dueOn).toBe('2026-11-11');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: w, court: BASIC, filedOn: '2026-11-30', courtAccepted: true },
      '2026-11-30',
    );
    expect((v.warnings as string[] | undefined)?.join() ?? '').toContain('2026-10-30');
    // Reviewer s53 A L1 (lead): the warning says what the clerk recorded — the court docketed the late suit.
    expect((v.warnings as string[]).join()).toContain('已登记为人民法院已受理的逾期起诉（民事诉讼法第八十六条）');
    expect((v.warnings as string[]).join()).not.toContain('是否受理由人民法院决定');
    v = await view(c);
    // ui53 M3 (lead): the worker's window says the late suit was recorded as docketed by the court (CPL Art. 86).
    const own = of(v, 'sue_final_worker', w)[0];
    expect(own?.status).toBe('elapsed');
    expect(own?.explanation).toContain(
      '已于2026-11-30提出，晚于期间届满日2026-10-30：逾期起诉，已登记人民法院受理（民事诉讼法第八十六条）。',
    );
    expect(own?.explanation).not.toContain('是否受理由人民法院决定');
    const setAside = of(v, 'set_aside_employer', employerId)[0];
    expect(setAside?.status).toBe('elapsed');
    expect(setAside?.explanation).not.toContain('本期间暂停');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-12-03', servedOn: '2026-12-04' },
      '2026-12-04',
    );
    expect(deadlines(v).filter((d) => d.kind === 'set_aside_after_suit')).toEqual([]);
    expect(of(v, 'set_aside_employer', employerId)[0]?.status).toBe('elapsed');
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MIDDLE, filedOn: '2026-12-05' }, '2026-12-05');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.state).toBe('set_aside_pending');
    expect((r.body.warnings as string[]).join()).toContain('晚于法定期间的届满日2026-11-11');
  });

  it('a timely suit while the employer’s window runs still pauses it, and its withdrawal opens the 30 days (SPC-1 Art. 21)', async () => {
    const { c, workers, employerId } = await finalAward(['工人乙五三'], 533);
    const [w] = workers as [number];
    await serve(c, w, '2026-10-12');
    await serve(c, employerId, '2026-10-12');
    let v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: w, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    expect(of(v, 'set_aside_employer', employerId)[0]?.status).toBe('paused');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', decidedOn: '2026-11-20', servedOn: '2026-11-23' },
      '2026-11-23',
    );
    expect(of(v, 'set_aside_after_suit', employerId)[0]?.dueOn).toBe('2026-12-23');
  });

  it("case 7: two workers — worker B's late suit after A's withdrawal ruling leaves the superseded window ended and holds the 30 days from A's ruling", async () => {
    const { c, workers, employerId } = await finalAward(['工人丙五三', '工人丁五三'], 535);
    const [wa, wb] = workers as [number, number];
    for (const id of [wa, wb, employerId]) await serve(c, id, '2026-10-12');
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    let v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: wa, decidedOn: '2026-11-10', servedOn: '2026-11-13' },
      '2026-11-13',
    );
    expect(of(v, 'set_aside_employer', employerId)[0]?.status).toBe('ended');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: wb, court: BASIC, filedOn: '2026-11-20', courtAccepted: true },
      '2026-11-20',
    );
    v = await view(c);
    expect(of(v, 'set_aside_employer', employerId)[0]?.status).toBe('ended');
    // Reviewer s53 A H1/M2 (lead): B's suit the court docketed, filed while the 30 days from A's ruling ran, holds them —
    // the intermediate court takes no application while it is pending (SPC-1 Art. 21(1)): paused, not open.
    const after = of(v, 'set_aside_after_suit', employerId)[0];
    expect([after?.dueOn, after?.status]).toEqual(['2026-12-14', 'paused']);
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MIDDLE, filedOn: '2026-11-25' }, '2026-11-25');
    expect([r.status, r.body.rule]).toEqual([422, 'set-aside-while-worker-sues']);
  });

  it('reviewer s53 A H1: a late suit the court docketed, filed while the employer’s window runs, holds it and ends its pending application as a timely one does (SPC-1 Art. 21)', async () => {
    const { c, workers, employerId } = await finalAward(['工人庚五三'], 539);
    const [w] = workers as [number];
    for (const id of [w, employerId]) await serve(c, id, '2026-10-12');
    let v = await ok(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MIDDLE, filedOn: '2026-10-20' }, '2026-10-20');
    expect(v.state).toBe('set_aside_pending');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_LAWSUIT',
      { partyId: w, court: BASIC, filedOn: '2026-11-05', courtAccepted: true },
      '2026-11-05',
    );
    expect(of(v, 'set_aside_employer', employerId)[0]?.status).toBe('paused');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', decidedOn: '2026-11-28', servedOn: '2026-12-01' },
      '2026-12-01',
    );
    const after = of(v, 'set_aside_after_suit', employerId)[0];
    expect([after?.startsOn, after?.dueOn, after?.status]).toEqual(['2026-12-01', '2026-12-31', 'open']);
    const r = await send(c, a.tokens.clerk, 'RECORD_SET_ASIDE', { court: MIDDLE, filedOn: '2026-12-02' }, '2026-12-02');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(((r.body.warnings as string[] | undefined) ?? []).join()).not.toContain('晚于法定期间');
  });
});

describe(`fixE53 2 (legal53a M1): a final award's enforcement window per worker (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it("B's application meets B's window only; A's runs from the service of his withdrawal ruling + the performance period (CPL Art. 250; SPC-2000 Art. 1)", async () => {
    const { c, workers, employerId } = await finalAward(['工人戊五三', '工人己五三'], 537);
    const [wa, wb] = workers as [number, number];
    for (const id of [wa, wb, employerId]) await serve(c, id, '2026-10-12');
    let v = await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-10-20' }, '2026-10-20');
    // While A's suit is pending: B's own window, A none.
    expect(of(v, 'enforcement_application', wb)).toHaveLength(1);
    expect(of(v, 'enforcement_application', wa)).toEqual([]);
    expect(of(v, 'enforcement_application')).toEqual([]);
    v = await ok(c, a.tokens.clerk, 'APPLY_ENFORCEMENT', { partyId: wb, court: BASIC, filedOn: '2026-11-02' }, '2026-11-02');
    expect(of(v, 'enforcement_application', wb)[0]?.status).toBe('met');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'withdrawal_permitted', partyId: wa, decidedOn: '2026-11-10', servedOn: '2026-11-13' },
      '2026-11-13',
    );
    v = await view(c);
    expect(of(v, 'enforcement_application')).toEqual([]);
    expect(of(v, 'enforcement_application', wb)[0]?.status).toBe('met');
    const mine = of(v, 'enforcement_application', wa)[0];
    expect(mine?.status).toBe('open');
    // 11-13 + the award's default performance period, two years on (rolled to a working day when it falls on a rest day).
    expect(mine?.explanation).toContain('2026-11-13');
    expect(mine?.explanation).toContain('最高人民法院2000年批复第一条');
    expect([mine?.startsOn, mine?.dueOn]).toEqual(['2026-11-23', '2028-11-23']);
    expect(of(v, 'enforcement_application', wb)[0]?.dueOn).toBe('2028-10-19');
    // Reviewer s53 A M1 (lead): a later, late suit of A's (docketed) and its dismissal do not move the day the award
    // bound him back to the award's day (SPC-2000 Art. 1).
    await ok(c, a.tokens.clerk, 'RECORD_LAWSUIT', { partyId: wa, court: BASIC, filedOn: '2026-11-25', courtAccepted: true }, '2026-11-25');
    v = await ok(
      c,
      a.tokens.clerk,
      'RECORD_COURT_OUTCOME',
      { outcome: 'dismissed_out_of_time', partyId: wa, decidedOn: '2026-12-01', servedOn: '2026-12-02' },
      '2026-12-02',
    );
    const again = of(v, 'enforcement_application', wa)[0];
    expect([again?.startsOn, again?.dueOn]).toEqual(['2026-11-23', '2028-11-23']);
  });
});

describe(`fixE53 3 (legal53b L1): a hearing notice by announcement deemed served after the hearing (${process.env.TEST_DB ?? 'sqlite'})`, () => {
  it('the hearing_notice row says the announcement cannot meet the notice period (CPL Art. 95; LDMAL Art. 35; Rules Art. 38)', async () => {
    const { c, arb } = await caseAt(t, a, 'tribunal_formed');
    await ok(c, arb.token, 'SCHEDULE_HEARING', { hearingOn: '2026-12-21', place: '第一仲裁庭' }, '2026-12-04');
    await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.applicants[0]?.id, method: 'direct', servedOn: '2026-12-06' },
      '2026-12-06',
    );
    const r = await send(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.respondents[0]?.id, method: 'public_notice', servedOn: '2026-12-06' },
      '2026-12-06',
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((r.body.warnings as string[]).join()).toContain('2027-01-05');
    const d = of(await view(c), 'hearing_notice')[0];
    // Not met (least of all "done" on a day after the hearing): still open — the respondent may yet be served otherwise
    // by 12-13 — and the row names the announcement and why it cannot meet the period.
    expect([d?.dueOn, d?.status]).toEqual(['2026-12-13', 'open']);
    expect(d?.explanation).not.toContain('完成');
    expect(d?.explanation).toContain('2026-12-06公告送达，视为2027-01-05送达，晚于开庭日2026-12-21');
    expect(d?.explanation).toContain('不能满足开庭通知期间');
    expect(d?.explanation).toContain('《民事诉讼法》第九十五条');
    // Served directly in time after all: met, the announcement no longer the notice that counts.
    const v = await ok(
      c,
      a.tokens.clerk,
      'SERVE',
      { document: 'hearing_notice', partyId: c.respondents[0]?.id, method: 'direct', servedOn: '2026-12-06' },
      '2026-12-06',
    );
    expect(of(v, 'hearing_notice')[0]?.status).toBe('met');
  });
});
